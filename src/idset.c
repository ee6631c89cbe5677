/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The set of ids: see idset.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "xalloc.h"

/* FNV-1a. */
static uint32_t
idset_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return (h);
}

long
idset_find(const struct idset *set, const char *key, size_t len)
{
	size_t	i;

	if (set->cap == 0)
		return (-1);
	i = idset_hash(key, len) & (set->cap - 1);
	while (set->keys[i] != NULL) {
		if (strlen(set->keys[i]) == len &&
		    memcmp(set->keys[i], key, len) == 0)
			return ((long)set->vals[i]);
		i = (i + 1) & (set->cap - 1);
	}
	return (-1);
}

int
idset_add(struct idset *set, const char *key, size_t val)
{
	struct idset	 old = *set;
	size_t		 i, len = strlen(key);

	if (idset_find(set, key, len) != -1)
		return (-1);
	if (2 * (set->n + 1) > set->cap) {
		set->cap = old.cap == 0 ? 16 : old.cap * 2;
		set->keys = xcalloc(set->cap, sizeof(*set->keys));
		set->vals = xcalloc(set->cap, sizeof(*set->vals));
		set->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.keys[i] != NULL)
				idset_add(set, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	i = idset_hash(key, len) & (set->cap - 1);
	while (set->keys[i] != NULL)
		i = (i + 1) & (set->cap - 1);
	set->keys[i] = key;
	set->vals[i] = val;
	set->n++;
	return (0);
}

void
idset_free(struct idset *set)
{
	free(set->keys);
	free(set->vals);
	memset(set, 0, sizeof(*set));
}

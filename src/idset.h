/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A set of string keys, each with a number: open addressing over a
 * power-of-two table, kept at most half full, so that finding an id
 * stays constant time however many topics, sections or blocks there
 * are.  The keys are owned elsewhere and must outlive the set.
 */
#ifndef PAMPHLET_IDSET_H
#define PAMPHLET_IDSET_H

#include <stddef.h>

struct idset {
	const char	**keys;
	size_t		 *vals;
	size_t		  n;
	size_t		  cap;		/* a power of two, or 0 */
};

/* The number stored with the len bytes of key, or -1. */
long	idset_find(const struct idset *, const char *key, size_t len);
/* Adds a NUL-terminated key with val; -1 if it is there already. */
int	idset_add(struct idset *, const char *key, size_t val);
/* Empties the set; a zeroed set is an empty one. */
void	idset_free(struct idset *);

#endif

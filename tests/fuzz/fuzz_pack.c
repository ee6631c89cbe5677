/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the packed trees of the library index.  An
 * input that starts with "PK" is the rest read as a packed tree: when it
 * unpacks, the topic is built from it as the loader would.  Any other
 * input is read as YAML: a tree that parses must come back unchanged
 * from packing and unpacking, and the packed bytes, with one byte
 * changed or cut where the input's hash says, must unpack or be refused
 * without harm.  So the YAML seeds reach the unpacker too.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "fuzz.h"
#include "i18n.h"
#include "idx.h"
#include "ytree.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return (0);
}

static void
fuzz_same(const struct ytree_node *a, const struct ytree_node *b)
{
	size_t	i;

	if (a->kind != b->kind || a->line != b->line || a->col != b->col)
		abort();
	if (a->kind == YTREE_SCALAR) {
		if (a->plain != b->plain || a->len != b->len ||
		    memcmp(a->str, b->str, a->len) != 0 ||
		    b->str[b->len] != '\0')
			abort();
		return;
	}
	if (a->nkids != b->nkids)
		abort();
	for (i = 0; i < a->nkids; i++)
		fuzz_same(a->kids[i], b->kids[i]);
}

/* Builds the topic from an unpacked tree, as loading does. */
static void
fuzz_topic(const struct ytree *tree)
{
	struct diag_list	 dl;
	struct topic		*t;
	size_t			 i;

	diag_init(&dl);
	t = content_topic_from_tree("fuzz.yaml", ytree_root(tree), NULL, &dl);
	doc_topic_free(t);
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.items[i]));
	diag_free(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list	 dl;
	struct ytree		*tree, *back;
	char			*buf = NULL;
	size_t			 len = 0, cap = 0, at;
	uint64_t		 h;

	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		if (ytree_unpack((const char *)data + 2, size - 2,
		    &ytree_default_limits, &tree) == 0) {
			fuzz_topic(tree);
			ytree_free(tree);
		}
		return (0);
	}
	diag_init(&dl);
	if (ytree_load_buffer("fuzz.yaml", (const char *)data, size,
	    &ytree_default_limits, &tree, &dl) == 0) {
		ytree_pack(tree, &buf, &len, &cap);
		if (ytree_unpack(buf, len, &ytree_default_limits, &back) != 0)
			abort();
		fuzz_same(ytree_root(tree), ytree_root(back));
		fuzz_topic(back);
		ytree_free(back);
		h = idx_hash(data, size);
		at = (size_t)(h % len);
		if (h & 1)
			buf[at] ^= (char)(1 << ((h >> 8) % 8));
		else
			len = at;
		if (ytree_unpack(buf, len, &ytree_default_limits, &back) == 0) {
			fuzz_topic(back);
			ytree_free(back);
		}
		ytree_free(tree);
		free(buf);
	}
	diag_free(&dl);
	return (0);
}

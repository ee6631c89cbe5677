/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The schema walk shared by topics, library.yaml and the settings file:
 * see schema.c.  Every function reports its problems to the schema's
 * diagnostic list at the place of the node, and returns what it read or
 * NULL / -1.
 */
#ifndef PAMPHLET_SCHEMA_H
#define PAMPHLET_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct doc_date;
struct tstr;
struct ytree_node;

struct schema {
	const char		*file;
	struct diag_list	*diags;
	/*
	 * While a block's own mapping is walked: its type ("figure") and
	 * the keys that belong beside it, in the block, so that one of
	 * them found inside is reported as misplaced, not unknown.
	 */
	const char		*block;
	const char *const	*beside;
};

/* Words for "'%s' must be %s", translated when shown. */
extern const char *const schema_w_text;
extern const char *const schema_w_list;
extern const char *const schema_w_map;

void	 schema_diag(const struct schema *, const struct ytree_node *,
	    enum diag_code, const char *, const char *);
/* A scalar as a C string for a message, with a NUL written as \x00. */
char	*schema_arg(const struct ytree_node *);
/* 1 for a plain scalar YAML reads as null: nothing, ~ or null. */
int	 schema_is_null(const struct ytree_node *);
/*
 * Sorts the pairs of a mapping into vals, one slot per known key (NULL
 * when absent).  where names the mapping in messages; with block set,
 * an unknown key is an unknown block type.  Returns the number of
 * unknown keys.
 */
size_t	 schema_map(const struct schema *, const struct ytree_node *,
	    const char *where, const char *const *keys, size_t nkeys,
	    const struct ytree_node **vals, int block);
/* Reports each key of the NULL-holed list keys whose value is absent. */
void	 schema_missing(const struct schema *, const struct ytree_node *,
	    const char *where, const char *const *keys,
	    const struct ytree_node **vals, size_t nkeys);
int	 schema_want_map(const struct schema *, const char *,
	    const struct ytree_node *);
int	 schema_want_seq(const struct schema *, const char *,
	    const struct ytree_node *, int may_be_empty);
/* Sanitised text (text_sanitize flags), never empty. */
char	*schema_text(const struct schema *, const char *,
	    const struct ytree_node *, int flags);
/* schema_text as a translatable string under ctxt, in a gettext domain. */
int	 schema_tstr(const struct schema *, const char *,
	    const struct ytree_node *, const char *ctxt, int flags,
	    uint32_t domain, struct tstr *);
/*
 * Warns when text (as sanitised from v) holds a '*' that shows as a
 * star but looks meant for emphasis, at the place of that star.
 */
void	 schema_star(const struct schema *, const char *key,
	    const struct ytree_node *v, const char *text);
char	*schema_id(const struct schema *, const char *,
	    const struct ytree_node *);
int	 schema_date(const struct schema *, const char *,
	    const struct ytree_node *, struct doc_date *);
int	 schema_bool(const struct schema *, const char *,
	    const struct ytree_node *, int *);
int	 schema_number(const struct schema *, const char *,
	    const struct ytree_node *, long, long, const char *, long *);
int	 schema_root(const struct schema *, const struct ytree_node *);

#endif

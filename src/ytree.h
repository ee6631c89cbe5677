/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A YAML file as a small tree of our own: scalars, sequences and
 * mappings with their positions.  This is the only module that includes
 * <yaml.h>: it reads the file with limits (regular files only, a size
 * cap, a depth cap checked as events arrive, no anchors, aliases or
 * tags, one document), copies what it needs and frees libyaml's state
 * before it returns.  The tree owns all of its strings.
 */
#ifndef PAMPHLET_YTREE_H
#define PAMPHLET_YTREE_H

#include <stddef.h>
#include <stdint.h>

struct diag_list;

enum ytree_kind {
	YTREE_SCALAR,
	YTREE_SEQ,
	YTREE_MAP
};

struct ytree_node {
	enum ytree_kind		  kind;
	uint32_t		  line;		/* 1-based */
	uint32_t		  col;		/* 1-based, in characters */
	/* YTREE_SCALAR: the value as libyaml gives it (valid UTF-8). */
	const char		 *str;
	size_t			  len;
	int			  plain;	/* 1 if unquoted and not a block scalar */
	/*
	 * YTREE_SCALAR as parsed (NULL from an index): the bytes of the
	 * file it was read from, from line and col on, quotes, escapes and
	 * a block's indicator line included.
	 */
	const char		 *src;
	size_t			  srclen;
	/* YTREE_SEQ: items; YTREE_MAP: key, value, key, value, ... */
	struct ytree_node	**kids;
	size_t			  nkids;
};

struct ytree_limits {
	size_t	max_bytes;	/* file size cap */
	int	max_depth;	/* nesting of sequences and mappings */
	size_t	max_nodes;
};

/* The limits used for content: 1 MiB, depth 32, 200,000 nodes. */
extern const struct ytree_limits ytree_default_limits;

struct ytree;

/*
 * Reads and parses path.  On success returns 0 and sets *tree; on failure
 * returns -1 with at least one error added to diags (named by path).
 * The file is opened with O_NOFOLLOW and O_NONBLOCK and must be regular.
 */
int			 ytree_load_file(const char *path,
			    const struct ytree_limits *, struct ytree **tree,
			    struct diag_list *diags);
/*
 * Reads path whole as ytree_load_file does (never through a symlink, a
 * regular file within the size cap) into *buf, which the caller frees;
 * -1 with a diagnostic if it cannot.
 */
int			 ytree_read_file(const char *path,
			    const struct ytree_limits *, char **buf,
			    size_t *len, struct diag_list *diags);
/* The same for bytes already in memory; name is used in diagnostics. */
int			 ytree_load_buffer(const char *name, const char *buf,
			    size_t len, const struct ytree_limits *,
			    struct ytree **tree, struct diag_list *diags);
/*
 * A compact form of a tree, for the library index (idx.h): ytree_pack
 * appends it to *buf (grown as xgrow does); ytree_unpack rebuilds the
 * tree, or returns -1 unless buf holds exactly one tree that parsing
 * could have produced within the limits.  Nothing is reparsed, so this
 * is only as trustworthy as whoever wrote buf, but never unsafe.
 */
void			 ytree_pack(const struct ytree *, char **buf,
			    size_t *len, size_t *cap);
/* The same for a tree of nodes put together by hand, or a part of one. */
void			 ytree_pack_node(const struct ytree_node *, char **buf,
			    size_t *len, size_t *cap);
int			 ytree_unpack(const char *buf, size_t len,
			    const struct ytree_limits *, struct ytree **tree);
const struct ytree_node	*ytree_root(const struct ytree *);
void			 ytree_free(struct ytree *);

#endif

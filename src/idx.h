/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A pack's index: the parsed trees of its topic files, kept in a file
 * of the cache folder (library.h) so that a large library starts
 * without parsing its YAML again.  It is written only when asked
 * (pamphlet --index); the viewer only reads it.
 *
 * An entry belongs to a file name and holds the size and a 64-bit hash
 * of the file's bytes when it was indexed: a file read at start-up with
 * other bytes is parsed as usual, so an index out of date, copied with
 * its directory or damaged costs time, never correctness.  The topics
 * are built and checked from the trees at every start either way.
 */
#ifndef PAMPHLET_IDX_H
#define PAMPHLET_IDX_H

#include <stddef.h>
#include <stdint.h>

struct stat;
struct ytree;
struct ytree_limits;

/*
 * What stat says of a file when it was indexed: while all of it is the
 * same, the file is taken to hold the bytes it held then, without
 * reading it.  The time of change cannot be set by hand, so a copy or an
 * edit that keeps the modification time still shows.
 */
struct idx_key {
	uint64_t	size;
	uint64_t	mtime_s;
	uint32_t	mtime_ns;
	uint64_t	ctime_s;
	uint32_t	ctime_ns;
	uint64_t	ino;		/* 0: not taken */
};

/* An entry's flags: its topic was built without errors. */
#define IDX_CLEAN	0x1

struct idx;
struct idx_writer;

/* The hash of an indexed file's bytes. */
uint64_t		 idx_hash(const void *, size_t);

/*
 * Opens the index file at path; NULL if there is none or it cannot be
 * used (another format, a damaged table), quietly.
 */
struct idx		*idx_open(const char *path);
/*
 * The tree of the file name whose bytes are buf, if the index holds it:
 * 0 with *tree set (the caller frees it), or -1.
 */
int			 idx_get(struct idx *, const char *name,
			    const char *buf, size_t len,
			    const struct ytree_limits *, struct ytree **tree);
void			 idx_key_of(const struct stat *, struct idx_key *);
/*
 * The entry of a file whose topic was built clean, if what stat says of
 * it now is what it said when indexed; else -1.
 */
long			 idx_lookup(const struct idx *, const char *name,
			    const struct stat *);
/* The same for a file whose bytes are buf. */
long			 idx_lookup_bytes(const struct idx *, const char *name,
			    const char *buf, size_t len);
/*
 * The head (content_head_pack) or the whole tree of an entry: 0 with
 * *tree set (the caller frees it), or -1.
 */
int			 idx_head(struct idx *, size_t entry,
			    const struct ytree_limits *, struct ytree **tree);
int			 idx_tree(struct idx *, size_t entry,
			    const struct ytree_limits *, struct ytree **tree);
/* 1 if the index holds the file name with the bytes buf, else 0. */
int			 idx_holds(const struct idx *, const char *name,
			    const char *buf, size_t len);
/* The number of entries. */
size_t			 idx_count(const struct idx *);
void			 idx_free(struct idx *);

struct idx_writer	*idx_writer_new(void);
/*
 * Adds the tree parsed from the bytes buf of the file name, with what
 * stat said of the file (NULL: nothing; then only its bytes identify
 * it), IDX_* flags and the packed head.
 */
void			 idx_writer_add(struct idx_writer *, const char *name,
			    const char *buf, size_t len, const struct idx_key *,
			    uint32_t flags, const struct ytree *,
			    const char *head, size_t hlen);
size_t			 idx_writer_count(const struct idx_writer *);
/*
 * Replaces the index file at path with what was added, all at once (a
 * new file in the same folder renamed over the old).  -1 with errno set
 * if it could not.
 */
int			 idx_writer_save(struct idx_writer *, const char *path);
void			 idx_writer_free(struct idx_writer *);

#endif

/*
 * The library index: the parsed trees of a content directory's topic
 * files, kept in DIR/library.index so that a large library starts
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

struct ytree;
struct ytree_limits;

#define IDX_FILE	"library.index"

struct idx;
struct idx_writer;

/* The hash of an indexed file's bytes. */
uint64_t		 idx_hash(const void *, size_t);

/*
 * Opens the index of dir; NULL if there is none or it cannot be used
 * (another format or version, a damaged table), quietly.
 */
struct idx		*idx_open(const char *dir);
/*
 * The tree of the file name whose bytes are buf, if the index holds it:
 * 0 with *tree set (the caller frees it), or -1.
 */
int			 idx_get(struct idx *, const char *name,
			    const char *buf, size_t len,
			    const struct ytree_limits *, struct ytree **tree);
/* 1 if the index holds the file name with the bytes buf, else 0. */
int			 idx_holds(const struct idx *, const char *name,
			    const char *buf, size_t len);
/* The number of entries. */
size_t			 idx_count(const struct idx *);
void			 idx_free(struct idx *);

struct idx_writer	*idx_writer_new(void);
/* Adds the tree parsed from the bytes buf of the file name. */
void			 idx_writer_add(struct idx_writer *, const char *name,
			    const char *buf, size_t len, const struct ytree *);
size_t			 idx_writer_count(const struct idx_writer *);
/*
 * Replaces dir's index with what was added, all at once (a new file
 * renamed over the old).  -1 with errno set if it could not.
 */
int			 idx_writer_save(struct idx_writer *, const char *dir);
void			 idx_writer_free(struct idx_writer *);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library: topics from several packs (pack.h) put together in one
 * list, with the checks that span files: one id per topic across every
 * pack, links between topics, the order they are shown in, and the
 * index of each pack that lets a large library start without parsing
 * its YAML again (idx.h).
 *
 * Packs are given in order of precedence: when two hold a topic with
 * the same id, the first one's is shown and the other is reported as an
 * error.  The installed default lists the local packs before the
 * vendor's, so that a clinic's own topic wins over a packaged one.
 * Topics are shown pack by pack in that order, each pack's as its order
 * list says and the rest by English title.
 */
#ifndef PAMPHLET_LIBRARY_H
#define PAMPHLET_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "pack.h"

struct diag_list;
struct idx_writer;
struct library;
struct pack;

/* How loading uses the indexes in the cache folder. */
struct library_index {
	const char		 *cache;	/* the folder, or NULL: none */
	int			  save;		/* rebuild them (see below) */
	size_t			  indexed;	/* files taken from an index */
	size_t			  parsed;	/* files parsed */
	/* With save: one new index per pack, for library_index_save. */
	struct idx_writer	**writers;
	char			**paths;
	size_t			  nwriters;
	size_t			  writercap;
};

/*
 * Loads every pack that the folders stand for (pack_expand) into lib,
 * which must be initialised.  Returns the number of packs read; 0 means
 * that none could be (diags say why).  Problems in files are reported
 * in diags; lib holds the good topics.  ix may be NULL.
 */
size_t	library_load(struct library *, char *const *dirs, size_t ndirs,
	    struct library_index *ix, int flags, struct diag_list *);
/* For checking: what --check says beyond what loading says (pack.h). */
#define LIBRARY_CHECK	PACK_CHECK
/* library_load of one folder, with no index: 0, or -1 if unreadable. */
int	library_load_dir(const char *dir, struct library *,
	    struct diag_list *);
/*
 * Writes the indexes that a library_load with save made, each all at
 * once.  Returns 0, or -1 with errno set and *failed naming the file.
 */
int	library_index_save(struct library_index *, const char **failed);
void	library_index_free(struct library_index *);
/*
 * The number of topic files of a pack that its index in cache does not
 * hold as they are now (every one when the index cannot be used), or -1
 * when there is no index.
 */
long	library_index_stale(const struct pack *, const char *cache);
/*
 * Loads the given paths (files or folders) for checking: every topic
 * found is validated, links are resolved against the topics loaded and
 * those in the same folders; pack.yaml and library.yaml are checked as
 * what they are.  Returns the number of errors found.
 */
size_t	library_check_paths(char *const *paths, size_t npaths,
	    struct library *, struct diag_list *);
/*
 * Builds topic i whole if it is a stub (doc.h), from its pack's index
 * or else its file, where it stands: the library keeps its order, its
 * ids and the topic's address.  Returns 0, or -1 if it cannot be built
 * (the stub stays; diags say why).
 */
int	library_build(struct library *, size_t i, struct diag_list *);
/*
 * A number that changes when what the folders stand for changes: a pack
 * or topic file added, removed, replaced or written to (by size, times
 * and inode, as stat says).  Cheap enough to ask every few seconds.
 */
uint64_t library_signature(char *const *dirs, size_t ndirs);
/*
 * The share, in per cent rounded down, of the library's text that a
 * language translates (100 when there is no text): every string of the
 * topics loaded whole, and the title, summary and headings of those
 * that an index stands for until they are opened.
 */
struct i18n_lang;
int	library_translated(const struct library *, const struct i18n_lang *);
/*
 * Checks see-also links: a link to a topic, section or block that is
 * not there is reported; one whose topic is missing is marked
 * (link_missing), and shown as not available.
 */
void	library_resolve_links(struct library *, struct diag_list *);

#endif

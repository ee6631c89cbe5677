/*
 * Loading topics from YAML files into the model, with diagnostics for
 * everything wrong in them.  A file with errors yields no topic; one bad
 * file never stops the others from loading.  Checks that span topics
 * (duplicate topic ids, see-also links) run after all files are read.
 *
 * The content directory holds one topic per *.yaml file, plus an optional
 * library.yaml with settings (emergency_number, reading_grade_limit,
 * order).  Only regular files found when the directory is read are ever
 * opened; topic ids map to those files and nothing else.
 */
#ifndef PAMPHLET_CONTENT_H
#define PAMPHLET_CONTENT_H

#include <stddef.h>

struct diag_list;
struct idx;
struct idx_writer;
struct library;
struct topic;
struct ytree_node;

#define CONTENT_SETTINGS_FILE	"library.yaml"

/*
 * Loads every topic in dir into lib (which must be initialised).
 * Returns 0 when the directory could be read, -1 if not (with a diag).
 * Problems in files are reported in diags; lib holds the good topics.
 */
int	content_load_dir(const char *dir, struct library *lib,
	    struct diag_list *diags);

/*
 * How content_load_dir_index uses a library index (idx.h): topic files
 * whose bytes the index holds are not parsed again; the trees of those
 * parsed are added to the writer.  Either may be NULL.
 */
struct content_index {
	struct idx		*in;
	struct idx_writer	*out;
	size_t			 indexed;	/* files taken from in */
	size_t			 parsed;	/* files parsed */
};

/* content_load_dir with an index. */
int	content_load_dir_index(const char *dir, struct library *lib,
	    struct content_index *ci, struct diag_list *diags);

/*
 * The number of topic files in dir that its library index does not hold
 * as they are now (every one when the index cannot be used), or -1 when
 * dir has no index.
 */
long	content_index_stale(const char *dir);

/*
 * Reads only the settings of dir (its library.yaml, if any) into
 * lib->settings, quietly: the file is checked, and its order list
 * against the topics, when the directory is loaded.  Returns -1 if dir
 * is not a directory.
 */
int	content_load_settings(const char *dir, struct library *lib);

/*
 * Loads the given paths (files or directories) for checking: every topic
 * found is validated, links are resolved against the topics loaded and
 * those in the same directories.  Returns the number of errors found.
 */
size_t	content_check_paths(char *const *paths, size_t npaths,
	    struct library *lib, struct diag_list *diags);

/* Loads one topic file; NULL (with diags) if it has errors. */
struct topic *content_load_file(const char *path, struct diag_list *diags);

/* Builds a topic from a parsed tree (used by the loader and the fuzzer). */
struct topic *content_topic_from_tree(const char *file,
	    const struct ytree_node *root, struct diag_list *diags);

/* Resolves see-also links; dangling ones are reported and removed. */
void	content_resolve_links(struct library *lib, struct diag_list *diags);

#endif

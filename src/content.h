/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Topics from YAML files: the schema of a topic file and the walk from
 * a parsed tree into the model, with a diagnostic for everything wrong.
 * A file with errors yields no topic.  Checks that span topics (one id
 * per topic, see-also links, order) are library.h's.
 */
#ifndef PAMPHLET_CONTENT_H
#define PAMPHLET_CONTENT_H

#include <stddef.h>

struct diag_list;
struct pack;
struct topic;
struct ytree_node;

/*
 * Loads one topic file of a pack (NULL: of none); NULL (with diags) if
 * it has errors.
 */
struct topic *content_load_file(const char *path, const struct pack *,
	    struct diag_list *diags);

/*
 * Builds a topic of a pack (may be NULL) from a parsed tree; its text
 * is translated in the pack's domain.
 */
struct topic *content_topic_from_tree(const char *file,
	    const struct ytree_node *root, const struct pack *,
	    struct diag_list *diags);

/*
 * The head of a topic's tree, packed as ytree_pack packs (appended to
 * *buf): what the library screen, the topic's contents and the search
 * need of it.
 */
void	content_head_pack(const struct ytree_node *root, char **buf,
	    size_t *len, size_t *cap);
/*
 * A stub (doc.h) from a head that content_head_pack made of a topic
 * built without errors; NULL if the head is no mapping.
 */
struct topic *content_topic_head(const char *file,
	    const struct ytree_node *root, const struct pack *);

#endif

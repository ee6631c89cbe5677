/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Packs: where topics come from.  A pack is a folder with a pack.yaml
 * manifest (id, title, version, publisher, licence, and optionally the
 * languages it is translated into, a contact, a reviewer and an order
 * of its topics) beside its topic files.  Its text is translated in its
 * own gettext domain, "pamphlet-pack-ID", found in the pack's own
 * locale/LL/LC_MESSAGES/ when the pack has that folder, else in the
 * system's catalogue folder, so that no two packs share a file.
 *
 * A folder without pack.yaml is a bare folder of topics, read as
 * before packs: its text is in the domain "pamphlet-content", and a
 * library.yaml in it is still read, with a warning from --check that
 * says where each of its settings goes now.
 */
#ifndef PAMPHLET_PACK_H
#define PAMPHLET_PACK_H

#include <stddef.h>

struct diag_list;
struct pack;

#define PACK_MANIFEST		"pack.yaml"
#define PACK_LEGACY		"library.yaml"
#define PACK_DOMAIN_PREFIX	"pamphlet-pack-"

/*
 * Reads the manifest of the pack in dir (or a bare folder's
 * library.yaml) and registers its gettext domain; flags are PACK_*.  Returns the pack, or
 * NULL with an error in diags if dir is no folder or its manifest is
 * wrong: a pack without a sound manifest is not read at all.
 */
struct pack	*pack_load(const char *dir, int flags, struct diag_list *);
/* For --check: say where each setting of a library.yaml goes now. */
#define PACK_CHECK	0x1
/*
 * Checks one manifest file on its own: pack.yaml as a pack's manifest,
 * library.yaml as a bare folder's settings.  Returns the number of
 * errors.
 */
size_t		 pack_check_file(const char *path, struct diag_list *);
/* 1 if dir holds a pack.yaml. */
int		 pack_is_pack(const char *dir);
/*
 * The folders that dir stands for, in name order: dir itself if it
 * holds pack.yaml or topic files, else each folder in it that does (a
 * folder of packs).  Returns how many were added to *dirs (grown with
 * xgrow); 0 if there are none.
 */
size_t		 pack_expand(const char *dir, char ***dirs, size_t *n,
		    size_t *cap);
/* dir/name, with one slash between; free it. */
char		*pack_path(const char *dir, const char *name);
/* The file name of a pack's index in the cache folder; free it. */
char		*pack_index_name(const struct pack *);

#endif

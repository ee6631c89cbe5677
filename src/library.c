/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Putting packs together into one library: see library.h.  Only regular
 * files found when a folder is read are ever opened; topic ids map to
 * those files and nothing else.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "idset.h"
#include "idx.h"
#include "library.h"
#include "pack.h"
#include "xalloc.h"
#include "ytree.h"

/* A topic and its place while the library is sorted. */
struct library_rank {
	struct topic	*t;
	size_t		 pack;	/* index in lib->packs */
	size_t		 rank;	/* index in its pack's order, or SIZE_MAX */
};

/* A folder's topics, loaded quietly to resolve links of one file. */
struct library_ctx {
	char		*dir;
	struct library	 lib;
};

static int	 library_name_cmp(const void *, const void *);
static int	 library_scan(const char *, char ***, size_t *,
		    struct diag_list *);
static void	 library_free_names(char **, size_t);
static void	 library_add_topic(struct library *, struct topic *,
		    struct diag_list *);
static void	 library_failed(struct library *, const char *);
static int	 library_rank_cmp(const void *, const void *);
static void	 library_order(struct library *, struct diag_list *);
static void	 library_resolve(struct library *, size_t, size_t,
		    const struct library *, struct diag_list *);
static struct topic *library_stub(const char *, struct pack *, long);
static struct topic *library_load_topic(const char *, const char *,
		    struct pack *, struct idx_writer *,
		    struct library_index *, struct diag_list *);
static int	 library_load_pack(struct library *, const char *,
		    struct library_index *, int, struct diag_list *);
static const struct library *library_ctx_get(struct library_ctx **,
		    size_t *, const char *);

static int
library_name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * Reads a folder once: the names of topic files (*.yaml, not hidden, not
 * a manifest) sorted.  Only these names are ever opened.
 */
static int
library_scan(const char *dir, char ***namesp, size_t *np,
    struct diag_list *diags)
{
	DIR		 *d;
	struct dirent	 *de;
	char		**names = NULL, *path;
	size_t		  n = 0, cap = 0, len;

	if ((d = opendir(dir)) == NULL) {
		diag_add(diags, dir, 0, 0, DIAG_IO, strerror(errno), NULL);
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, PACK_MANIFEST) == 0 ||
		    strcmp(de->d_name, PACK_LEGACY) == 0)
			continue;
		/*
		 * Another kind of entry with a topic's name is reported and
		 * never opened.  When the type is not known here, the checks
		 * after opening (O_NOFOLLOW, fstat) decide.
		 */
		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN) {
			path = pack_path(dir, de->d_name);
			diag_add(diags, path, 0, 0, de->d_type == DT_LNK ?
			    DIAG_SYMLINK : DIAG_NOT_REGULAR, NULL, NULL);
			free(path);
			continue;
		}
		xgrow(&names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), library_name_cmp);
	*namesp = names;
	*np = n;
	return (0);
}

static void
library_free_names(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Keeps the name of a topic file that had errors, less ".yaml". */
static void
library_failed(struct library *lib, const char *name)
{
	lib->failed = xreallocarray(lib->failed, lib->nfailed + 1,
	    sizeof(*lib->failed));
	lib->failed[lib->nfailed] = xstrndup(name, strlen(name) - 5);
	if (idset_add(&lib->failedset, lib->failed[lib->nfailed],
	    lib->nfailed) == -1) {
		free(lib->failed[lib->nfailed]);
		return;
	}
	lib->nfailed++;
}

/* Adds a topic unless its id is taken: the one loaded first stays. */
static void
library_add_topic(struct library *lib, struct topic *t,
    struct diag_list *diags)
{
	long	i;

	if ((i = doc_topic_index(lib, t->id)) >= 0) {
		diag_add(diags, t->file, t->id_line, t->id_col,
		    lib->topics[i]->pack == t->pack ? DIAG_DUP_ID :
		    DIAG_DUP_TOPIC, t->id, lib->topics[i]->file);
		doc_topic_free(t);
		return;
	}
	doc_library_add(lib, t);
}

/* Pack by pack; in a pack, its order list first, the rest by title. */
static int
library_rank_cmp(const void *a, const void *b)
{
	const struct library_rank	*ra = a, *rb = b;
	int				 c;

	if (ra->pack != rb->pack)
		return (ra->pack < rb->pack ? -1 : 1);
	if (ra->rank != rb->rank)
		return (ra->rank < rb->rank ? -1 : 1);
	c = strcasecmp(tstr_msgid(&ra->t->title), tstr_msgid(&rb->t->title));
	if (c != 0)
		return (c);
	return (strcmp(ra->t->id, rb->t->id));
}

/*
 * Puts the topics in display order; an order list that names a topic
 * its pack does not hold is reported.
 */
static void
library_order(struct library *lib, struct diag_list *diags)
{
	struct library_rank	*r;
	struct idset		*ranks;
	const struct pack	*p;
	size_t			 i, j;
	long			 k;

	ranks = xcalloc(lib->npacks + 1, sizeof(*ranks));
	for (i = 0; i < lib->npacks; i++) {
		p = lib->packs[i];
		for (j = 0; j < p->norder; j++) {
			k = doc_topic_index(lib, p->order[j]);
			if (k < 0 || lib->topics[k]->pack != p)
				diag_add(diags, p->manifest, p->order_line[j],
				    p->order_col[j], DIAG_DANGLING_TOPIC,
				    p->order[j], NULL);
			else
				idset_add(&ranks[i], p->order[j], j);
		}
	}
	r = xcalloc(lib->ntopics + 1, sizeof(*r));
	for (i = 0; i < lib->ntopics; i++) {
		r[i].t = lib->topics[i];
		r[i].pack = lib->npacks;
		for (j = 0; j < lib->npacks; j++)
			if (lib->packs[j] == r[i].t->pack)
				r[i].pack = j;
		r[i].rank = SIZE_MAX;
		if (r[i].pack < lib->npacks &&
		    (k = idset_find(&ranks[r[i].pack], r[i].t->id,
		    strlen(r[i].t->id))) >= 0)
			r[i].rank = (size_t)k;
	}
	if (lib->ntopics > 1)
		qsort(r, lib->ntopics, sizeof(*r), library_rank_cmp);
	for (i = 0; i < lib->ntopics; i++)
		lib->topics[i] = r[i].t;
	free(r);
	for (i = 0; i < lib->npacks + 1; i++)
		idset_free(&ranks[i]);
	free(ranks);
	doc_library_reindex(lib);
}

/* Ids listed in a message: enough to see the one meant. */
#define LIBRARY_IDS_SHOWN	10

/*
 * The ids of a topic's sections (blocks 0) or of its blocks that have
 * one, as "a, b, c", the list cut after LIBRARY_IDS_SHOWN; NULL when
 * there are none.
 */
static char *
library_ids(const struct topic *t, int blocks)
{
	const struct section	*s;
	char			*list = NULL, *next;
	const char		*id;
	size_t			 i, j, n = 0;

	for (i = 0; i < t->nsections; i++) {
		s = &t->sections[i];
		for (j = 0; j < (blocks ? s->nblocks : 1); j++) {
			id = blocks ? s->blocks[j].id : s->id;
			if (id == NULL)
				continue;
			if (n++ == LIBRARY_IDS_SHOWN) {
				next = xasprintf("%s, ...", list);
				free(list);
				return (next);
			}
			next = list == NULL ? xstrdup(id) :
			    xasprintf("%s, %s", list, id);
			free(list);
			list = next;
		}
	}
	return (list);
}

/*
 * Checks one see-also link against its target topic (NULL: none) and
 * says what is wrong with it, if anything.
 */
static void
library_check_link(const struct topic *t, struct block *b,
    const struct topic *target, int failed, struct diag_list *diags)
{
	size_t	 bs, bb;
	long	 si = -1;
	char	*list;

	b->link_missing = target == NULL;
	if (target == NULL) {
		/* Its file's errors are reported already. */
		if (!failed)
			diag_add(diags, t->file, b->line, b->col,
			    DIAG_DANGLING_LINK, b->link_topic, NULL);
		return;
	}
	if (b->link_section != NULL &&
	    (si = doc_find_section(target, b->link_section)) < 0) {
		if (b->link_block == NULL && doc_find_block(target,
		    b->link_section, &bs, &bb) == 0)
			diag_add(diags, t->file, b->line, b->col,
			    DIAG_SECTION_IS_BLOCK, b->link_topic,
			    b->link_section);
		else {
			list = library_ids(target, 0);
			diag_add3(diags, t->file, b->line, b->col,
			    DIAG_DANGLING_SECTION, b->link_topic,
			    b->link_section, list != NULL ? list : "");
			free(list);
		}
		return;
	}
	if (b->link_block == NULL)
		return;
	if (doc_find_block(target, b->link_block, &bs, &bb) == -1) {
		list = library_ids(target, 1);
		if (list == NULL)
			diag_add(diags, t->file, b->line, b->col,
			    DIAG_DANGLING_BLOCK_NONE, b->link_topic,
			    b->link_block);
		else
			diag_add3(diags, t->file, b->line, b->col,
			    DIAG_DANGLING_BLOCK, b->link_topic, b->link_block,
			    list);
		free(list);
	} else if (si >= 0 && (size_t)si != bs)
		diag_add3(diags, t->file, b->line, b->col,
		    DIAG_BLOCK_ELSEWHERE, b->link_topic, b->link_block,
		    target->sections[bs].id);
}

/*
 * Checks the see-also links of the topics from index first on, against
 * lib and then extra (may be NULL).  A link whose topic is missing stays,
 * marked, so that readers see that it is not available.
 */
static void
library_resolve(struct library *lib, size_t first, size_t last,
    const struct library *extra, struct diag_list *diags)
{
	const struct topic	*target;
	struct topic		*t;
	struct section		*s;
	struct block		*b;
	size_t			 i, j, k;
	int			 failed;

	for (i = first; i < last && i < lib->ntopics; i++) {
		t = lib->topics[i];
		for (j = 0; j < t->nsections; j++) {
			s = &t->sections[j];
			for (k = 0; k < s->nblocks; k++) {
				b = &s->blocks[k];
				if (b->kind != BLOCK_SEE_ALSO ||
				    b->link_topic == NULL)
					continue;
				target = doc_find_topic(lib, b->link_topic);
				if (target == NULL && extra != NULL)
					target = doc_find_topic(extra,
					    b->link_topic);
				failed = idset_find(&lib->failedset,
				    b->link_topic, strlen(b->link_topic)) >= 0;
				library_check_link(t, b, target, failed,
				    diags);
			}
		}
	}
}

void
library_resolve_links(struct library *lib, struct diag_list *diags)
{
	library_resolve(lib, 0, SIZE_MAX, NULL, diags);
}

/* A stub of entry e of the pack's index, or NULL. */
static struct topic *
library_stub(const char *path, struct pack *p, long e)
{
	struct ytree	*tree;
	struct topic	*t;

	if (e < 0 || idx_head(p->idx, (size_t)e, &ytree_default_limits,
	    &tree) == -1)
		return (NULL);
	t = content_topic_head(path, ytree_root(tree), p);
	ytree_free(tree);
	if (t != NULL && t->id == NULL) {
		doc_topic_free(t);
		t = NULL;
	}
	if (t != NULL)
		t->stub_entry = (size_t)e;
	return (t);
}

/*
 * Loads one topic file of a pack.  With the pack's index: a file that
 * stat says is unchanged since it was indexed is not even read, and a
 * stub stands for its topic until it is opened; one whose bytes the
 * index holds is not parsed.  With a writer, the tree, its head and
 * what stat says of the file go into a new index.
 */
static struct topic *
library_load_topic(const char *path, const char *name, struct pack *p,
    struct idx_writer *out, struct library_index *ix, struct diag_list *diags)
{
	struct diag_list	 local;
	struct stat		 before, after;
	struct idx_key		 kb, ka;
	struct ytree		*tree;
	struct topic		*t;
	char			*buf, *head = NULL;
	size_t			 len, hlen = 0, hcap = 0;
	int			 have;

	have = lstat(path, &before) == 0;
	if (p->idx != NULL && have && S_ISREG(before.st_mode) &&
	    (t = library_stub(path, p, idx_lookup(p->idx, name,
	    &before))) != NULL) {
		if (ix != NULL)
			ix->indexed++;
		return (t);
	}
	if (ytree_read_file(path, &ytree_default_limits, &buf, &len,
	    diags) == -1)
		return (NULL);
	if (p->idx != NULL && (t = library_stub(path, p, idx_lookup_bytes(
	    p->idx, name, buf, len))) != NULL) {
		free(buf);
		if (ix != NULL)
			ix->indexed++;
		return (t);
	}
	if (p->idx != NULL && idx_get(p->idx, name, buf, len,
	    &ytree_default_limits, &tree) == 0) {
		if (ix != NULL)
			ix->indexed++;
	} else {
		if (ix != NULL)
			ix->parsed++;
		if (ytree_load_buffer(path, buf, len, &ytree_default_limits,
		    &tree, diags) == -1) {
			free(buf);
			return (NULL);
		}
	}
	diag_init(&local);
	t = content_topic_from_tree(path, ytree_root(tree), p, &local);
	if (out != NULL) {
		/* A file that changed while it was read is known by its bytes. */
		memset(&ka, 0, sizeof(ka));
		if (have && lstat(path, &after) == 0) {
			idx_key_of(&before, &kb);
			idx_key_of(&after, &ka);
			if (memcmp(&ka, &kb, sizeof(ka)) != 0 ||
			    ka.size != len)
				memset(&ka, 0, sizeof(ka));
		}
		content_head_pack(ytree_root(tree), &head, &hlen, &hcap);
		idx_writer_add(out, name, buf, len, &ka, t != NULL &&
		    local.nerrors == 0 ? IDX_CLEAN : 0, tree, head, hlen);
		free(head);
	}
	diag_move(diags, &local);
	free(buf);
	ytree_free(tree);
	return (t);
}

int
library_build(struct library *lib, size_t i, struct diag_list *diags)
{
	struct topic	*t, *full, old;
	struct ytree	*tree;
	char		*id;

	if (i >= lib->ntopics || !(t = lib->topics[i])->stub)
		return (0);
	if (idx_tree(t->pack->idx, t->stub_entry, &ytree_default_limits,
	    &tree) == 0) {
		full = content_topic_from_tree(t->file, ytree_root(tree),
		    t->pack, diags);
		ytree_free(tree);
	} else
		/* The index has gone bad since: the file itself, then. */
		full = content_load_file(t->file, t->pack, diags);
	if (full == NULL || full->id == NULL || strcmp(full->id, t->id) != 0) {
		doc_topic_free(full);
		return (-1);
	}
	/* The topic stays where it is, with the id the id set points to. */
	id = t->id;
	old = *t;
	*t = *full;
	free(t->id);
	t->id = id;
	old.id = NULL;
	*full = old;
	doc_topic_free(full);
	library_resolve(lib, i, i + 1, NULL, diags);
	return (0);
}

/*
 * One pack: its manifest, then its topics in file order.  A pack whose
 * id an earlier pack has is not read.
 */
static int
library_load_pack(struct library *lib, const char *dir,
    struct library_index *ix, int flags, struct diag_list *diags)
{
	struct pack		 *p;
	struct idx_writer	 *out = NULL;
	struct topic		 *t;
	char			**names, *path, *name;
	size_t			  n, i, before;

	if ((p = pack_load(dir, flags, diags)) == NULL)
		return (-1);
	for (i = 0; p->id != NULL && i < lib->npacks; i++) {
		if (lib->packs[i]->id == NULL ||
		    strcmp(lib->packs[i]->id, p->id) != 0)
			continue;
		diag_add(diags, p->manifest, 0, 0, DIAG_DUP_PACK, p->id,
		    lib->packs[i]->dir);
		doc_pack_free(p);
		return (-1);
	}
	if (library_scan(dir, &names, &n, diags) == -1) {
		doc_pack_free(p);
		return (-1);
	}
	doc_library_add_pack(lib, p);
	if (n == 0)
		diag_add(diags, dir, 0, 0, DIAG_NO_TOPICS, NULL, NULL);
	if (ix != NULL && ix->cache != NULL) {
		name = pack_index_name(p);
		path = pack_path(ix->cache, name);
		free(name);
		if (ix->save) {
			out = idx_writer_new();
			xgrow(&ix->writers, &ix->writercap, ix->nwriters + 1,
			    sizeof(*ix->writers));
			ix->paths = xreallocarray(ix->paths,
			    ix->writercap, sizeof(*ix->paths));
			ix->writers[ix->nwriters] = out;
			ix->paths[ix->nwriters++] = path;
		} else {
			p->idx = idx_open(path);
			free(path);
		}
	}
	if (p->emergency_number != NULL &&
	    lib->settings.emergency_number == NULL)
		lib->settings.emergency_number = xstrdup(p->emergency_number);
	before = lib->ntopics;
	for (i = 0; i < n; i++) {
		path = pack_path(dir, names[i]);
		lib->nfiles++;
		if ((t = library_load_topic(path, names[i], p, out, ix,
		    diags)) != NULL)
			library_add_topic(lib, t, diags);
		else
			library_failed(lib, names[i]);
		free(path);
	}
	(void)before;
	library_free_names(names, n);
	return (0);
}

size_t
library_load(struct library *lib, char *const *dirs, size_t ndirs,
    struct library_index *ix, int flags, struct diag_list *diags)
{
	struct diag_list	  local;
	char			**all = NULL;
	size_t			  n = 0, cap = 0, i, loaded = 0;

	diag_init(&local);
	for (i = 0; i < ndirs; i++)
		pack_expand(dirs[i], &all, &n, &cap);
	for (i = 0; i < n; i++)
		if (library_load_pack(lib, all[i], ix, flags, &local) == 0)
			loaded++;
	library_free_names(all, n);
	library_resolve(lib, 0, SIZE_MAX, NULL, &local);
	library_order(lib, &local);
	diag_sort(&local);
	diag_move(diags, &local);
	return (loaded);
}

int
library_load_dir(const char *dir, struct library *lib,
    struct diag_list *diags)
{
	char	*dirs[1];

	dirs[0] = (char *)dir;
	return (library_load(lib, dirs, 1, NULL, 0, diags) > 0 ? 0 : -1);
}

int
library_index_save(struct library_index *ix, const char **failed)
{
	size_t	i;

	for (i = 0; i < ix->nwriters; i++)
		if (idx_writer_save(ix->writers[i], ix->paths[i]) == -1) {
			*failed = ix->paths[i];
			return (-1);
		}
	return (0);
}

void
library_index_free(struct library_index *ix)
{
	size_t	i;

	for (i = 0; i < ix->nwriters; i++) {
		idx_writer_free(ix->writers[i]);
		free(ix->paths[i]);
	}
	free(ix->writers);
	free(ix->paths);
	ix->writers = NULL;
	ix->paths = NULL;
	ix->nwriters = ix->writercap = 0;
}

long
library_index_stale(const struct pack *p, const char *cache)
{
	struct stat	  st;
	struct diag_list  quiet;
	struct idx	 *x;
	char		**names, *path, *buf, *name;
	size_t		  n, i, len;
	long		  stale = 0;

	name = pack_index_name(p);
	path = pack_path(cache, name);
	free(name);
	if (lstat(path, &st) == -1) {
		free(path);
		return (-1);
	}
	diag_init(&quiet);
	if (library_scan(p->dir, &names, &n, &quiet) == -1) {
		free(path);
		diag_free(&quiet);
		return (-1);
	}
	x = idx_open(path);
	free(path);
	for (i = 0; i < n; i++) {
		path = pack_path(p->dir, names[i]);
		if (ytree_read_file(path, &ytree_default_limits, &buf, &len,
		    &quiet) == -1)
			stale++;
		else {
			if (!idx_holds(x, names[i], buf, len))
				stale++;
			free(buf);
		}
		free(path);
	}
	idx_free(x);
	library_free_names(names, n);
	diag_free(&quiet);
	return (stale);
}

/* Mixes eight bytes into a running hash. */
static uint64_t
library_mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return (h);
}

/* What stat says of path, mixed into h. */
static uint64_t
library_mix_stat(uint64_t h, const char *path)
{
	struct stat	st;
	struct idx_key	k;

	if (lstat(path, &st) == -1)
		return (library_mix(h, 1));
	idx_key_of(&st, &k);
	h = library_mix(h, k.size);
	h = library_mix(h, k.mtime_s);
	h = library_mix(h, k.mtime_ns);
	h = library_mix(h, k.ctime_s);
	h = library_mix(h, k.ctime_ns);
	return (library_mix(h, k.ino));
}

uint64_t
library_signature(char *const *dirs, size_t ndirs)
{
	struct diag_list	  quiet;
	char			**all = NULL, **names, *path;
	size_t			  n = 0, cap = 0, i, j, nnames;
	uint64_t		  h = 0;

	diag_init(&quiet);
	for (i = 0; i < ndirs; i++) {
		h = library_mix_stat(h, dirs[i]);
		pack_expand(dirs[i], &all, &n, &cap);
	}
	for (i = 0; i < n; i++) {
		h = library_mix(h, idx_hash(all[i], strlen(all[i])));
		h = library_mix_stat(h, all[i]);
		path = pack_path(all[i], PACK_MANIFEST);
		h = library_mix_stat(h, path);
		free(path);
		path = pack_path(all[i], PACK_LEGACY);
		h = library_mix_stat(h, path);
		free(path);
		if (library_scan(all[i], &names, &nnames, &quiet) == -1)
			continue;
		for (j = 0; j < nnames; j++) {
			path = pack_path(all[i], names[j]);
			h = library_mix(h, idx_hash(names[j], strlen(names[j])));
			h = library_mix_stat(h, path);
			free(path);
		}
		library_free_names(names, nnames);
	}
	library_free_names(all, n);
	diag_free(&quiet);
	return (h);
}

/* The topics of dir, loaded once and quietly. */
static const struct library *
library_ctx_get(struct library_ctx **ctxs, size_t *nctx, const char *dir)
{
	struct library_ctx	*c;
	struct diag_list	 quiet;
	size_t			 i;

	for (i = 0; i < *nctx; i++)
		if (strcmp((*ctxs)[i].dir, dir) == 0)
			return (&(*ctxs)[i].lib);
	*ctxs = xreallocarray(*ctxs, *nctx + 1, sizeof(**ctxs));
	c = &(*ctxs)[(*nctx)++];
	c->dir = xstrdup(dir);
	doc_library_init(&c->lib);
	diag_init(&quiet);
	(void)library_load_dir(dir, &c->lib, &quiet);
	diag_free(&quiet);
	return (&c->lib);
}

/*
 * Folders are loaded together as library_load loads them, so that an id
 * used in two of them is found.  A file is checked on its own: a
 * manifest as what it is, a topic with its links resolved against lib
 * and then against the topics of its folder, loaded once per folder and
 * quietly (their problems belong to another check); it is read as part
 * of that folder's pack.
 */
size_t
library_check_paths(char *const *paths, size_t npaths, struct library *lib,
    struct diag_list *diags)
{
	struct library_ctx	 *ctxs = NULL;
	const struct library	 *ctx;
	struct diag_list	  local;
	struct topic		 *t;
	struct stat		  st;
	const char		 *slash, *base;
	char			**dirs = NULL, *dir;
	size_t			  i, nctx = 0, ndirs = 0, first, nerrors;

	diag_init(&local);
	for (i = 0; i < npaths; i++)
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			dirs = xreallocarray(dirs, ndirs + 1, sizeof(*dirs));
			dirs[ndirs++] = paths[i];
		}
	if (ndirs > 0)
		library_load(lib, dirs, ndirs, NULL, LIBRARY_CHECK, &local);
	free(dirs);
	for (i = 0; i < npaths; i++) {
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;
		slash = strrchr(paths[i], '/');
		base = slash != NULL ? slash + 1 : paths[i];
		lib->nfiles++;
		if (strcmp(base, PACK_MANIFEST) == 0 ||
		    strcmp(base, PACK_LEGACY) == 0) {
			pack_check_file(paths[i], &local);
			continue;
		}
		/* A file, or something ytree_load_file will explain. */
		if (slash == NULL)
			dir = xstrdup(".");
		else if (slash == paths[i])
			dir = xstrdup("/");
		else
			dir = xstrndup(paths[i], (size_t)(slash - paths[i]));
		ctx = library_ctx_get(&ctxs, &nctx, dir);
		free(dir);
		if ((t = content_load_file(paths[i], ctx->npacks == 1 ?
		    ctx->packs[0] : NULL, &local)) == NULL)
			continue;
		first = lib->ntopics;
		library_add_topic(lib, t, &local);
		if (lib->ntopics == first)
			continue;
		library_resolve(lib, first, SIZE_MAX, ctx, &local);
	}
	diag_sort(&local);
	nerrors = local.nerrors;
	diag_move(diags, &local);
	/* The packs of the folders read stay with the topics that use them. */
	for (i = 0; i < nctx; i++) {
		free(ctxs[i].dir);
		while (ctxs[i].lib.npacks > 0)
			doc_library_add_pack(lib,
			    ctxs[i].lib.packs[--ctxs[i].lib.npacks]);
		doc_library_free(&ctxs[i].lib);
	}
	free(ctxs);
	return (nerrors);
}

/* Counts a string of the library, and whether it is translated. */
static void
library_count(const struct tstr *ts, const struct i18n_lang *lang,
    size_t *done, size_t *total)
{
	if (ts->key == NULL)
		return;
	(*total)++;
	if (i18n_content_translated(lang, ts))
		(*done)++;
}

int
library_translated(const struct library *lib, const struct i18n_lang *lang)
{
	const struct i18n_lang	*was = i18n_lang_current();
	const struct topic	*t;
	const struct section	*s;
	const struct block	*b;
	size_t			 done = 0, total = 0, i, j, k, m;

	for (i = 0; i < lib->ntopics; i++) {
		t = lib->topics[i];
		library_count(&t->title, lang, &done, &total);
		library_count(&t->summary, lang, &done, &total);
		library_count(&t->reviewed_by, lang, &done, &total);
		for (j = 0; j < t->nsections; j++) {
			s = &t->sections[j];
			library_count(&s->heading, lang, &done, &total);
			for (k = 0; k < s->nblocks; k++) {
				b = &s->blocks[k];
				library_count(&b->text, lang, &done, &total);
				library_count(&b->body, lang, &done, &total);
				library_count(&b->art, lang, &done, &total);
				library_count(&b->art_ascii, lang, &done,
				    &total);
				library_count(&b->alt, lang, &done, &total);
				for (m = 0; m < b->nitems; m++)
					library_count(&b->items[m], lang,
					    &done, &total);
			}
		}
		for (j = 0; j < t->nrefs; j++)
			library_count(&t->refs[j].note, lang, &done, &total);
	}
	if (was != NULL)
		i18n_use(was);
	return (total == 0 ? 100 : (int)(done * 100 / total));
}

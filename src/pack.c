/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Pack manifests and the folders they are found in: see pack.h.  The
 * manifest goes through the schema walk that topics and the settings
 * file go through.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "idset.h"
#include "idx.h"
#include "pack.h"
#include "schema.h"
#include "settings.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

enum { PK_ID, PK_TITLE, PK_VERSION, PK_PUBLISHER, PK_LICENCE, PK_LANGUAGES,
    PK_CONTACT, PK_REVIEWER, PK_ORDER, PK_MAX };
static const char *const pack_keys[PK_MAX] = {
	"id", "title", "version", "publisher", "licence", "languages",
	"contact", "reviewed_by", "order"
};

enum { LS_EMERGENCY, LS_GRADE, LS_ORDER, LS_CONTACT, LS_MAX };
static const char *const pack_legacy_keys[LS_MAX] = {
	"emergency_number", "reading_grade_limit", "order", "contact"
};

static int	 pack_is_file(const char *);
static int	 pack_has_topics(const char *);
static int	 pack_spdx_valid(const char *);
static int	 pack_lang_valid(const char *);
static void	 pack_order(const struct schema *, const struct ytree_node *,
		    struct pack *);
static int	 pack_manifest(const char *, struct pack *, int,
		    struct diag_list *);
static int	 pack_legacy(const char *, struct pack *, int,
		    struct diag_list *);
static void	 pack_catalogues(struct pack *, const char *,
		    const struct ytree_node *, int, struct diag_list *);
static int	 pack_name_cmp(const void *, const void *);

char *
pack_path(const char *dir, const char *name)
{
	size_t	len = strlen(dir);

	if (len > 0 && dir[len - 1] == '/')
		return (xasprintf("%s%s", dir, name));
	return (xasprintf("%s/%s", dir, name));
}

/* Something is there under that name (what it is, loading decides). */
static int
pack_is_file(const char *path)
{
	struct stat	st;

	return (lstat(path, &st) == 0);
}

int
pack_is_pack(const char *dir)
{
	char	*path = pack_path(dir, PACK_MANIFEST);
	int	 rc = pack_is_file(path);

	free(path);
	return (rc);
}

/* 1 if dir holds a *.yaml file that is not hidden. */
static int
pack_has_topics(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	size_t		 len;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return (0);
	while (!found && (de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		found = de->d_name[0] != '.' && len > 5 &&
		    strcmp(de->d_name + len - 5, ".yaml") == 0;
	}
	closedir(d);
	return (found);
}

static int
pack_name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

size_t
pack_expand(const char *dir, char ***dirs, size_t *n, size_t *cap)
{
	DIR		 *d;
	struct dirent	 *de;
	struct stat	  st;
	char		**sub = NULL, *path;
	size_t		  nsub = 0, subcap = 0, i, added = 0;

	if (pack_is_pack(dir) || pack_has_topics(dir) ||
	    (d = opendir(dir)) == NULL) {
		/* A pack, a folder of topics, or what loading will explain. */
		xgrow(dirs, cap, *n + 1, sizeof(**dirs));
		(*dirs)[(*n)++] = xstrdup(dir);
		return (1);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = pack_path(dir, de->d_name);
		/* Packs may be links into another tree, as Debian's are not. */
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    (pack_is_pack(path) || pack_has_topics(path))) {
			xgrow(&sub, &subcap, nsub + 1, sizeof(*sub));
			sub[nsub++] = path;
		} else
			free(path);
	}
	closedir(d);
	if (nsub > 1)
		qsort(sub, nsub, sizeof(*sub), pack_name_cmp);
	for (i = 0; i < nsub; i++) {
		xgrow(dirs, cap, *n + 1, sizeof(**dirs));
		(*dirs)[(*n)++] = sub[i];
		added++;
	}
	free(sub);
	/* An empty folder stands for itself, so that loading says so. */
	if (added == 0) {
		xgrow(dirs, cap, *n + 1, sizeof(**dirs));
		(*dirs)[(*n)++] = xstrdup(dir);
		added = 1;
	}
	return (added);
}

/*
 * An SPDX licence expression: ids of letters, digits, '.', '-' and '+',
 * joined by AND, OR and WITH, with brackets.  The ids are not looked up:
 * the list changes, and a typing error is still one id.
 */
static int
pack_spdx_valid(const char *s)
{
	size_t	n;
	int	want_id = 1, depth = 0;

	while (*s != '\0') {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (*s == '(' && want_id) {
			depth++;
			s++;
			continue;
		}
		if (*s == ')' && !want_id && depth > 0) {
			depth--;
			s++;
			continue;
		}
		n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789.-+");
		if (n == 0)
			return (0);
		if (!want_id && ((n == 3 && strncmp(s, "AND", 3) == 0) ||
		    (n == 2 && strncmp(s, "OR", 2) == 0) ||
		    (n == 4 && strncmp(s, "WITH", 4) == 0)))
			want_id = 1;
		else if (want_id && ((s[0] >= 'A' && s[0] <= 'Z') ||
		    (s[0] >= 'a' && s[0] <= 'z') ||
		    (s[0] >= '0' && s[0] <= '9')))
			want_id = 0;
		else
			return (0);
		s += n;
	}
	return (!want_id && depth == 0);
}

/* "de", "pt_BR", "sr@latin": what a catalogue folder is named. */
static int
pack_lang_valid(const char *s)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz");

	if (n < 2 || n > 3)
		return (0);
	s += n;
	if (*s == '_') {
		n = strspn(++s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n < 2 || n > 3)
			return (0);
		s += n;
	}
	if (*s == '@') {
		n = strspn(++s, "abcdefghijklmnopqrstuvwxyz");
		if (n == 0 || n > 16)
			return (0);
		s += n;
	}
	return (*s == '\0');
}

/* The order list: ids, each once; whether they exist is known later. */
static void
pack_order(const struct schema *sc, const struct ytree_node *v,
    struct pack *p)
{
	const struct ytree_node	*it;
	struct idset		 seen;
	char			*id;
	size_t			 i;

	if (schema_want_seq(sc, "order", v, 1) == -1 || v->kind != YTREE_SEQ)
		return;
	memset(&seen, 0, sizeof(seen));
	p->order = xcalloc(v->nkids, sizeof(*p->order));
	p->order_line = xcalloc(v->nkids, sizeof(*p->order_line));
	p->order_col = xcalloc(v->nkids, sizeof(*p->order_col));
	for (i = 0; i < v->nkids; i++) {
		it = v->kids[i];
		if (it->kind != YTREE_SCALAR) {
			schema_diag(sc, it, DIAG_WRONG_ITEM_TYPE, "order",
			    schema_w_text);
			continue;
		}
		if ((id = schema_id(sc, "order", it)) == NULL)
			continue;
		if (idset_find(&seen, id, strlen(id)) != -1) {
			schema_diag(sc, it, DIAG_DUP_ID, id, NULL);
			free(id);
			continue;
		}
		p->order[p->norder] = id;
		p->order_line[p->norder] = it->line;
		p->order_col[p->norder] = it->col;
		idset_add(&seen, id, p->norder++);
	}
	idset_free(&seen);
}

/*
 * Each language the pack says it is translated into needs its catalogue
 * where the pack's text is looked up.
 */
static void
pack_catalogues(struct pack *p, const char *file, const struct ytree_node *v,
    int flags, struct diag_list *diags)
{
	struct schema		 sc;
	const struct ytree_node	*it;
	char			*code, *mo;
	size_t			 i;

	memset(&sc, 0, sizeof(sc));
	sc.file = file;
	sc.diags = diags;
	if (schema_want_seq(&sc, "languages", v, 1) == -1 ||
	    v->kind != YTREE_SEQ)
		return;
	p->languages = xcalloc(v->nkids, sizeof(*p->languages));
	for (i = 0; i < v->nkids; i++) {
		it = v->kids[i];
		if (it->kind != YTREE_SCALAR) {
			schema_diag(&sc, it, DIAG_WRONG_ITEM_TYPE, "languages",
			    schema_w_text);
			continue;
		}
		if ((code = schema_text(&sc, "languages", it,
		    TEXT_FLOW)) == NULL)
			continue;
		if (!pack_lang_valid(code)) {
			schema_diag(&sc, it, DIAG_BAD_SETTING, "languages",
			    N_("language codes such as de, es or pt_BR"));
			free(code);
			continue;
		}
		p->languages[p->nlanguages++] = code;
		if (p->domain == NULL || !(flags & PACK_CHECK))
			continue;
		mo = xasprintf("%s/%s/LC_MESSAGES/%s.mo",
		    i18n_domain_dir(p->domain_id), code, p->domain);
		if (!pack_is_file(mo))
			diag_add3(diags, file, it->line, it->col,
			    DIAG_NO_CATALOGUE, code, p->domain,
			    i18n_domain_dir(p->domain_id));
		free(mo);
	}
}

/* pack.yaml; -1 if it has errors. */
static int
pack_manifest(const char *path, struct pack *p, int flags,
    struct diag_list *diags)
{
	static const char *const required[PK_MAX] = {
		"id", "title", "version", "publisher", "licence", NULL, NULL,
		NULL, NULL
	};
	const struct ytree_node	*root, *vals[PK_MAX];
	struct ytree		*tree = NULL;
	struct diag_list	 local;
	struct schema		 sc;
	struct stat		 st;
	char			*locale, *real;
	int			 rc = -1;

	diag_init(&local);
	memset(&sc, 0, sizeof(sc));
	sc.file = path;
	sc.diags = &local;
	if (ytree_load_file(path, &ytree_default_limits, &tree, &local) == -1)
		goto done;
	root = ytree_root(tree);
	if (schema_root(&sc, root) == -1)
		goto done;
	schema_map(&sc, root, N_("pack.yaml"), pack_keys, PK_MAX, vals, 0);
	schema_missing(&sc, root, N_("pack.yaml"), required, vals, PK_MAX);
	if (vals[PK_ID] != NULL)
		p->id = schema_id(&sc, "id", vals[PK_ID]);
	if (p->id != NULL) {
		p->domain = xasprintf("%s%s", PACK_DOMAIN_PREFIX, p->id);
		/* A pack copied with its catalogues reads them there. */
		locale = pack_path(p->dir, "locale");
		real = stat(locale, &st) == 0 && S_ISDIR(st.st_mode) ?
		    realpath(locale, NULL) : NULL;
		p->domain_id = i18n_domain_add(p->domain, real);
		free(real);
		free(locale);
	}
	if (vals[PK_TITLE] != NULL)
		schema_tstr(&sc, "title", vals[PK_TITLE], "pack", TEXT_FLOW,
		    p->domain_id, &p->title);
	if (vals[PK_VERSION] != NULL)
		p->version = schema_text(&sc, "version", vals[PK_VERSION],
		    TEXT_FLOW);
	if (vals[PK_PUBLISHER] != NULL)
		p->publisher = schema_text(&sc, "publisher",
		    vals[PK_PUBLISHER], TEXT_FLOW);
	if (vals[PK_LICENCE] != NULL &&
	    (p->licence = schema_text(&sc, "licence", vals[PK_LICENCE],
	    TEXT_FLOW)) != NULL && !pack_spdx_valid(p->licence)) {
		schema_diag(&sc, vals[PK_LICENCE], DIAG_BAD_SETTING, "licence",
		    N_("an SPDX licence id such as CC-BY-SA-4.0"));
		free(p->licence);
		p->licence = NULL;
	}
	if (vals[PK_CONTACT] != NULL)
		schema_tstr(&sc, "contact", vals[PK_CONTACT], "pack", TEXT_FLOW,
		    p->domain_id, &p->contact);
	if (vals[PK_REVIEWER] != NULL)
		schema_tstr(&sc, "reviewed_by", vals[PK_REVIEWER], "pack",
		    TEXT_FLOW, p->domain_id, &p->reviewed_by);
	if (vals[PK_ORDER] != NULL)
		pack_order(&sc, vals[PK_ORDER], p);
	if (vals[PK_LANGUAGES] != NULL)
		pack_catalogues(p, path, vals[PK_LANGUAGES], flags, &local);
done:
	rc = local.nerrors > 0 ? -1 : 0;
	ytree_free(tree);
	diag_sort(&local);
	diag_move(diags, &local);
	return (rc);
}

/*
 * A bare folder's library.yaml, as read before packs, with a word on
 * where each setting goes now.  Its problems are reported, and only the
 * settings that are wrong are left out.
 */
static int
pack_legacy(const char *path, struct pack *p, int flags,
    struct diag_list *diags)
{
	const struct ytree_node	*root, *vals[LS_MAX], *v;
	struct ytree		*tree = NULL;
	struct diag_list	 local;
	struct schema		 sc;
	char			*s;
	long			 grade;

	diag_init(&local);
	memset(&sc, 0, sizeof(sc));
	sc.file = path;
	sc.diags = &local;
	if (ytree_load_file(path, &ytree_default_limits, &tree, &local) == -1) {
		/* An empty file is no settings. */
		if (local.n == 1 && local.items[0].code == DIAG_EMPTY_FILE)
			diag_free(&local);
		goto done;
	}
	root = ytree_root(tree);
	if (schema_is_null(root))
		goto done;
	if (root->kind != YTREE_MAP) {
		schema_diag(&sc, root, DIAG_ROOT_TYPE, NULL, NULL);
		goto done;
	}
	schema_map(&sc, root, N_("library.yaml"), pack_legacy_keys, LS_MAX,
	    vals, 0);
	if (flags & PACK_CHECK)
		diag_add(&local, path, 0, 0, DIAG_LIBRARY_YAML, NULL, NULL);

	/*
	 * The number is shown on every emergency card, so it may hold
	 * nothing but what a phone number needs.
	 */
	if ((v = vals[LS_EMERGENCY]) != NULL) {
		if (flags & PACK_CHECK)
			diag_add(&local, path, v->line, v->col,
			    DIAG_LIBRARY_YAML_KEY, "emergency_number", SETTINGS_PATH);
		if ((s = schema_text(&sc, "emergency_number", v,
		    TEXT_FLOW)) != NULL && !doc_phone_valid(s)) {
			schema_diag(&sc, v, DIAG_BAD_SETTING,
			    "emergency_number", N_("a phone number "
			    "(digits, spaces and + - ( ) only)"));
			free(s);
		} else
			p->emergency_number = s;
	}
	/* One line on the library screen; translated like a topic. */
	if ((v = vals[LS_CONTACT]) != NULL) {
		if (flags & PACK_CHECK)
			diag_add(&local, path, v->line, v->col,
			    DIAG_LIBRARY_YAML_KEY, "contact", PACK_MANIFEST);
		schema_tstr(&sc, "contact", v, "library", TEXT_FLOW, 0,
		    &p->contact);
	}
	/* Small whole numbers only; anything else keeps the default. */
	if ((v = vals[LS_GRADE]) != NULL) {
		if (flags & PACK_CHECK)
			diag_add(&local, path, v->line, v->col,
			    DIAG_LIBRARY_YAML_KEY, "reading_grade_limit", SETTINGS_PATH);
		if (schema_number(&sc, "reading_grade_limit", v, 1, 20,
		    N_("a whole number from 1 to 20"), &grade) == 0)
			p->grade_limit = (int)grade;
	}
	if ((v = vals[LS_ORDER]) != NULL) {
		if (flags & PACK_CHECK)
			diag_add(&local, path, v->line, v->col,
			    DIAG_LIBRARY_YAML_KEY, "order", PACK_MANIFEST);
		pack_order(&sc, v, p);
	}
done:
	ytree_free(tree);
	diag_sort(&local);
	diag_move(diags, &local);
	return (0);
}

struct pack *
pack_load(const char *dir, int flags, struct diag_list *diags)
{
	struct stat	 st;
	struct pack	*p;
	char		*path;
	int		 rc = 0;

	if (stat(dir, &st) == -1) {
		diag_add(diags, dir, 0, 0, DIAG_IO, strerror(errno), NULL);
		return (NULL);
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(diags, dir, 0, 0, DIAG_IO, strerror(ENOTDIR), NULL);
		return (NULL);
	}
	p = xcalloc(1, sizeof(*p));
	p->dir = xstrdup(dir);
	path = pack_path(dir, PACK_MANIFEST);
	if (pack_is_file(path)) {
		p->manifest = path;
		rc = pack_manifest(path, p, flags, diags);
	} else {
		free(path);
		path = pack_path(dir, PACK_LEGACY);
		if (pack_is_file(path)) {
			p->manifest = path;
			rc = pack_legacy(path, p, flags, diags);
		} else
			free(path);
	}
	if (rc == -1) {
		doc_pack_free(p);
		return (NULL);
	}
	return (p);
}

size_t
pack_check_file(const char *path, struct diag_list *diags)
{
	struct diag_list	 local;
	struct pack		*p;
	const char		*slash, *base;
	size_t			 nerrors;

	diag_init(&local);
	p = xcalloc(1, sizeof(*p));
	slash = strrchr(path, '/');
	base = slash != NULL ? slash + 1 : path;
	p->dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	if (strcmp(base, PACK_LEGACY) == 0)
		pack_legacy(path, p, PACK_CHECK, &local);
	else
		pack_manifest(path, p, PACK_CHECK, &local);
	doc_pack_free(p);
	nerrors = local.nerrors;
	diag_move(diags, &local);
	return (nerrors);
}

/*
 * "ID-HASH.index", or "folder-HASH.index" for a bare folder, where HASH
 * is that of the folder's full path: two copies of one pack in two
 * places keep two indexes.
 */
char *
pack_index_name(const struct pack *p)
{
	char		*real;
	const char	*where;
	uint64_t	 h;

	real = realpath(p->dir, NULL);
	where = real != NULL ? real : p->dir;
	h = idx_hash(where, strlen(where));
	free(real);
	return (xasprintf("%s-%016llx.index", p->id != NULL ? p->id :
	    "folder", (unsigned long long)h));
}

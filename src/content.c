/*
 * Topics from YAML: the schema of a topic file and of library.yaml, the
 * walk from a parsed tree into the model with a diagnostic for every
 * problem found (the walk goes on after one), and loading a directory:
 * file order, duplicate topic ids, the display order and see-also links.
 * Every string shown to a patient is normalised by text_sanitize here.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "idx.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

/* The longest a topic may go between reviews before --check warns. */
#define CONTENT_REVIEW_YEARS	3

/* The longest key for which a close known key is suggested. */
#define CONTENT_HINT_MAX	64

/* Words substituted into messages, translated when they are shown. */
#define W_TEXT		N_("text")
#define W_LIST		N_("a list")
#define W_MAP		N_("keys with values")

/*
 * A set of ids (owned elsewhere) with a number for each, so that checks
 * for duplicates stay linear on hostile files with many ids.
 */
struct content_set {
	const char	**keys;
	size_t		 *vals;
	size_t		  n;
	size_t		  cap;		/* a power of two, or 0 */
};

/* State of one walk over a topic file. */
struct cwalk {
	const char		*file;
	struct diag_list	*diags;
	struct topic		*t;
	const char		*tctx;		/* topic id for contexts */
	unsigned char		*cited;		/* per reference */
	struct content_set	 sections;	/* section ids */
	struct content_set	 blocks;	/* block ids */
	struct content_set	 refs;		/* reference id -> index */
};

/* Keys of each kind of mapping, in the order of their value slots. */
enum { TK_ID, TK_TITLE, TK_SUMMARY, TK_LAST, TK_NEXT, TK_REVIEWER,
    TK_SECTIONS, TK_REFS, TK_NOTE, TK_MAX };
static const char *const content_topic_keys[TK_MAX] = {
	"id", "title", "summary", "last_reviewed", "next_review",
	"reviewed_by", "sections", "references", "translator_note"
};

enum { SK_ID, SK_HEADING, SK_BLOCKS, SK_NOTE, SK_MAX };
static const char *const content_section_keys[SK_MAX] = {
	"id", "heading", "blocks", "translator_note"
};

/* The block types come first, in the order of enum block_kind. */
enum { BK_ID = BLOCK_KIND_MAX, BK_NOTE, BK_REFS, BK_MAX };
static const char *const content_block_keys[BK_MAX] = {
	"paragraph", "subheading", "list", "steps", "care", "evidence",
	"figure", "see_also", "id", "translator_note", "refs"
};

enum { CK_LEVEL, CK_TITLE, CK_TEXT, CK_ITEMS, CK_MAX };
static const char *const content_care_keys[CK_MAX] = {
	"level", "title", "text", "items"
};

enum { EK_ABOUT, EK_GRADE, EK_TEXT, EK_REFS, EK_MAX };
static const char *const content_evidence_keys[EK_MAX] = {
	"about", "grade", "text", "refs"
};

enum { FK_ART, FK_ASCII, FK_ALT, FK_CAPTION, FK_MAX };
static const char *const content_figure_keys[FK_MAX] = {
	"art", "ascii", "alt", "caption"
};

enum { LK_TOPIC, LK_SECTION, LK_TEXT, LK_MAX };
static const char *const content_link_keys[LK_MAX] = {
	"topic", "section", "text"
};

enum { RK_ID, RK_AUTHORS, RK_YEAR, RK_TITLE, RK_SOURCE, RK_URL, RK_NOTE,
    RK_MAX };
static const char *const content_ref_keys[RK_MAX] = {
	"id", "authors", "year", "title", "source", "url", "note"
};

enum { LS_EMERGENCY, LS_GRADE, LS_ORDER, LS_CONTACT, LS_MAX };
static const char *const content_settings_keys[LS_MAX] = {
	"emergency_number", "reading_grade_limit", "order", "contact"
};

/* A topic and its place while the library is sorted. */
struct content_rank {
	struct topic	*t;
	size_t		 rank;	/* index in the order list, or SIZE_MAX */
};

/* A directory's topics, loaded quietly to resolve links of one file. */
struct content_ctx {
	char		*dir;
	struct library	 lib;
};

static uint32_t	 content_hash(const char *, size_t);
static long	 content_set_find(const struct content_set *, const char *,
		    size_t);
static int	 content_set_add(struct content_set *, const char *, size_t);
static void	 content_set_free(struct content_set *);
static char	*content_arg(const struct ytree_node *);
static int	 content_is_null(const struct ytree_node *);
static int	 content_key_is(const struct ytree_node *, const char *);
static size_t	 content_distance(const char *, size_t, const char *);
static const char *content_hint(const struct ytree_node *,
		    const char *const *, size_t);
static void	 content_diag(struct cwalk *, const struct ytree_node *,
		    enum diag_code, const char *, const char *);
static size_t	 content_map(struct cwalk *, const struct ytree_node *,
		    const char *, const char *const *, size_t,
		    const struct ytree_node **, int);
static void	 content_missing(struct cwalk *, const struct ytree_node *,
		    const char *, const char *const *,
		    const struct ytree_node **, size_t);
static int	 content_want_map(struct cwalk *, const char *,
		    const struct ytree_node *);
static int	 content_want_seq(struct cwalk *, const char *,
		    const struct ytree_node *, int);
static char	*content_text(struct cwalk *, const char *,
		    const struct ytree_node *, int);
static int	 content_tstr(struct cwalk *, const char *,
		    const struct ytree_node *, const char *, int,
		    struct tstr *);
static char	*content_id(struct cwalk *, const char *,
		    const struct ytree_node *);
static int	 content_date(struct cwalk *, const char *,
		    const struct ytree_node *, struct doc_date *);
static void	 content_items(struct cwalk *, const char *,
		    const struct ytree_node *, const char *, struct block *);
static void	 content_care(struct cwalk *, const struct ytree_node *,
		    const char *, struct block *);
static void	 content_evidence(struct cwalk *, const struct ytree_node *,
		    const char *, struct block *);
static void	 content_figure(struct cwalk *, const struct ytree_node *,
		    const char *, struct block *);
static void	 content_link(struct cwalk *, const struct ytree_node *,
		    const char *, struct block *);
static void	 content_block(struct cwalk *, const struct ytree_node *,
		    const char *, struct block *);
static void	 content_section(struct cwalk *, const struct ytree_node *,
		    struct section *);
static void	 content_sections(struct cwalk *, const struct ytree_node *);
static void	 content_refs(struct cwalk *, const struct ytree_node *);
static void	 content_review_dates(struct cwalk *,
		    const struct ytree_node *);
static void	 content_care_twice(struct cwalk *);
static void	 content_cite(struct cwalk *, const struct ytree_node *,
		    struct block *);
static int	 content_name_cmp(const void *, const void *);
static int	 content_scan(const char *, char ***, size_t *, int *,
		    struct diag_list *);
static void	 content_free_names(char **, size_t);
static char	*content_path(const char *, const char *);
static void	 content_add_topic(struct library *, struct topic *,
		    struct diag_list *);
static void	 content_settings(const char *, struct library *, char ***,
		    size_t *, struct diag_list *);
static int	 content_order_cmp(const void *, const void *);
static void	 content_order(struct library *, char **, size_t);
static void	 content_resolve(struct library *, size_t,
		    const struct library *, struct diag_list *);
static struct topic *content_load_indexed(const char *, const char *,
		    struct content_index *, struct diag_list *);
static int	 content_load_into(const char *, struct library *,
		    struct content_index *,
		    struct diag_list *);
static const struct library *content_ctx_get(struct content_ctx **,
		    size_t *, const char *);

/* FNV-1a. */
static uint32_t
content_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return (h);
}

/* The number stored with key, or -1. */
static long
content_set_find(const struct content_set *set, const char *key, size_t len)
{
	size_t	i;

	if (set->cap == 0)
		return (-1);
	i = content_hash(key, len) & (set->cap - 1);
	while (set->keys[i] != NULL) {
		if (strlen(set->keys[i]) == len &&
		    memcmp(set->keys[i], key, len) == 0)
			return ((long)set->vals[i]);
		i = (i + 1) & (set->cap - 1);
	}
	return (-1);
}

/* Adds a NUL-terminated key with val; -1 if it is there already. */
static int
content_set_add(struct content_set *set, const char *key, size_t val)
{
	struct content_set	 old = *set;
	size_t			 i, len = strlen(key);

	if (content_set_find(set, key, len) != -1)
		return (-1);
	if (2 * (set->n + 1) > set->cap) {
		set->cap = old.cap == 0 ? 16 : old.cap * 2;
		set->keys = xcalloc(set->cap, sizeof(*set->keys));
		set->vals = xcalloc(set->cap, sizeof(*set->vals));
		set->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.keys[i] != NULL)
				content_set_add(set, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	i = content_hash(key, len) & (set->cap - 1);
	while (set->keys[i] != NULL)
		i = (i + 1) & (set->cap - 1);
	set->keys[i] = key;
	set->vals[i] = val;
	set->n++;
	return (0);
}

static void
content_set_free(struct content_set *set)
{
	free(set->keys);
	free(set->vals);
	memset(set, 0, sizeof(*set));
}

/*
 * The text of a scalar as a C string for a message: a NUL inside it
 * (from a "\0" escape) is written as \x00 so that nothing is cut.
 */
static char *
content_arg(const struct ytree_node *n)
{
	char	*s;
	size_t	 i, j, nnul = 0;

	for (i = 0; i < n->len; i++)
		if (n->str[i] == '\0')
			nnul++;
	s = xmalloc(n->len + 3 * nnul + 1);
	for (i = j = 0; i < n->len; i++) {
		if (n->str[i] == '\0') {
			memcpy(s + j, "\\x00", 4);
			j += 4;
		} else
			s[j++] = n->str[i];
	}
	s[j] = '\0';
	return (s);
}

/* 1 for a plain scalar YAML reads as null: nothing, ~ or null. */
static int
content_is_null(const struct ytree_node *n)
{
	if (n->kind != YTREE_SCALAR || !n->plain)
		return (0);
	return (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0);
}

static int
content_key_is(const struct ytree_node *k, const char *name)
{
	size_t	len = strlen(name);

	return (k->len == len && memcmp(k->str, name, len) == 0);
}

/*
 * Edit distance with adjacent transpositions ("titel" is one edit from
 * "title").  b is at most CONTENT_HINT_MAX bytes.
 */
static size_t
content_distance(const char *a, size_t la, const char *b)
{
	size_t	 rows[3][CONTENT_HINT_MAX + 1], lb = strlen(b), i, j, v;
	size_t	*pp = rows[0], *p = rows[1], *cur = rows[2], *tmp;

	if (lb > CONTENT_HINT_MAX)
		return (SIZE_MAX);
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
		tmp = pp;
		pp = p;
		p = cur;
		cur = tmp;
	}
	return (p[lb]);
}

/* The known key closest to an unknown one, if it is close enough. */
static const char *
content_hint(const struct ytree_node *k, const char *const *keys,
    size_t nkeys)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = SIZE_MAX, max;

	if (k->len == 0 || k->len > CONTENT_HINT_MAX)
		return (NULL);
	for (i = 0; i < nkeys; i++) {
		d = content_distance(k->str, k->len, keys[i]);
		max = strlen(keys[i]) <= 4 ? 1 : 2;
		if (d <= max && d < k->len && d < bestd) {
			best = keys[i];
			bestd = d;
		}
	}
	return (best);
}

static void
content_diag(struct cwalk *w, const struct ytree_node *n,
    enum diag_code code, const char *arg, const char *arg2)
{
	diag_add(w->diags, w->file, n->line, n->col, code, arg, arg2);
}

/*
 * Sorts the pairs of mapping n into vals (one slot per known key, NULL
 * when absent), reporting keys that are not text, unknown or given
 * twice.  Unknown keys of a block are unknown block types.  Returns the
 * number of unknown keys.
 */
static size_t
content_map(struct cwalk *w, const struct ytree_node *n, const char *where,
    const char *const *keys, size_t nkeys, const struct ytree_node **vals,
    int block)
{
	const struct ytree_node	*k;
	const char		*hint;
	char			*arg;
	size_t			 i, j, nunknown = 0;

	for (j = 0; j < nkeys; j++)
		vals[j] = NULL;
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		if (k->kind != YTREE_SCALAR) {
			content_diag(w, k, DIAG_KEY_TYPE, NULL, NULL);
			nunknown++;
			continue;
		}
		for (j = 0; j < nkeys; j++)
			if (content_key_is(k, keys[j]))
				break;
		if (j < nkeys && vals[j] != NULL) {
			content_diag(w, k, DIAG_DUP_KEY, keys[j], NULL);
			continue;
		}
		if (j < nkeys) {
			vals[j] = n->kids[i + 1];
			continue;
		}
		nunknown++;
		arg = content_arg(k);
		if ((hint = content_hint(k, keys, nkeys)) != NULL)
			diag_add3(w->diags, w->file, k->line, k->col,
			    DIAG_UNKNOWN_KEY_HINT, arg, where, hint);
		else if (block)
			content_diag(w, k, DIAG_UNKNOWN_BLOCK, arg, NULL);
		else
			content_diag(w, k, DIAG_UNKNOWN_KEY, arg, where);
		free(arg);
	}
	return (nunknown);
}

/* Reports each of the required keys (a NULL-ended list) that is absent. */
static void
content_missing(struct cwalk *w, const struct ytree_node *n,
    const char *where, const char *const *keys,
    const struct ytree_node **vals, size_t nkeys)
{
	size_t	i;

	for (i = 0; i < nkeys; i++)
		if (keys[i] != NULL && vals[i] == NULL)
			content_diag(w, n, DIAG_MISSING, keys[i], where);
}

static int
content_want_map(struct cwalk *w, const char *key, const struct ytree_node *v)
{
	if (v->kind == YTREE_MAP)
		return (0);
	if (content_is_null(v))
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
	else
		content_diag(w, v, DIAG_WRONG_TYPE, key, W_MAP);
	return (-1);
}

/*
 * A list for key: 0 if v is one (or, with may_be_empty, nothing at all),
 * -1 after a diagnostic.
 */
static int
content_want_seq(struct cwalk *w, const char *key, const struct ytree_node *v,
    int may_be_empty)
{
	if (content_is_null(v) || (v->kind == YTREE_SEQ && v->nkids == 0)) {
		if (may_be_empty)
			return (0);
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
		return (-1);
	}
	if (v->kind != YTREE_SEQ) {
		content_diag(w, v, DIAG_WRONG_TYPE, key, W_LIST);
		return (-1);
	}
	return (0);
}

/*
 * The normalised text of a scalar, or NULL after a diagnostic.  Numbers
 * and dates are taken as the text they are written as, since the tree
 * keeps every scalar as its source text.  Removing whitespace alone is
 * silent; removing anything else (controls, direction marks) is worth a
 * warning, because the author did not see what the file holds.  A value
 * left empty by normalisation is as bad as an empty one.
 */
static char *
content_text(struct cwalk *w, const char *key, const struct ytree_node *v,
    int flags)
{
	char	*s;
	int	 changed = 0;

	if (v->kind != YTREE_SCALAR) {
		content_diag(w, v, DIAG_WRONG_TYPE, key, W_TEXT);
		return (NULL);
	}
	if (content_is_null(v)) {
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
		return (NULL);
	}
	s = text_sanitize(v->str, v->len, flags, &changed);
	if (changed)
		content_diag(w, v, DIAG_CONTROL_CHAR, key, NULL);
	if (*s == '\0') {
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
		free(s);
		return (NULL);
	}
	return (s);
}

/* A translatable string under ctxt, positioned at its scalar. */
static int
content_tstr(struct cwalk *w, const char *key, const struct ytree_node *v,
    const char *ctxt, int flags, struct tstr *out)
{
	char	*s;

	if ((s = content_text(w, key, v, flags)) == NULL)
		return (-1);
	doc_tstr_set(out, ctxt, s, v->line, v->col);
	free(s);
	return (0);
}

/*
 * An id as written, or NULL after a diagnostic.  Ids are checked, never
 * repaired: they name translations and links, so a silently changed id
 * would break both.
 */
static char *
content_id(struct cwalk *w, const char *key, const struct ytree_node *v)
{
	char	*arg;

	if (v->kind != YTREE_SCALAR) {
		content_diag(w, v, DIAG_WRONG_TYPE, key, W_TEXT);
		return (NULL);
	}
	if (content_is_null(v)) {
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
		return (NULL);
	}
	if (strlen(v->str) != v->len || !doc_id_valid(v->str)) {
		arg = content_arg(v);
		content_diag(w, v, DIAG_BAD_ID, arg, NULL);
		free(arg);
		return (NULL);
	}
	return (xstrdup(v->str));
}

/* A real calendar date written YYYY-MM-DD, quoted or not. */
static int
content_date(struct cwalk *w, const char *key, const struct ytree_node *v,
    struct doc_date *d)
{
	char	*arg;

	if (v->kind != YTREE_SCALAR) {
		content_diag(w, v, DIAG_WRONG_TYPE, key, W_TEXT);
		return (-1);
	}
	if (content_is_null(v)) {
		content_diag(w, v, DIAG_EMPTY_VALUE, key, NULL);
		return (-1);
	}
	if (strlen(v->str) != v->len || doc_date_parse(v->str, d) == -1) {
		arg = content_arg(v);
		content_diag(w, v, DIAG_BAD_DATE, arg, NULL);
		free(arg);
		return (-1);
	}
	return (0);
}

/* The items of a list, steps or care card, each a text. */
static void
content_items(struct cwalk *w, const char *key, const struct ytree_node *v,
    const char *ctxt, struct block *b)
{
	const struct ytree_node	*it;
	size_t			 i;

	if (content_want_seq(w, key, v, 0) == -1)
		return;
	b->items = xcalloc(v->nkids, sizeof(*b->items));
	for (i = 0; i < v->nkids; i++) {
		it = v->kids[i];
		if (it->kind != YTREE_SCALAR) {
			content_diag(w, it, DIAG_WRONG_ITEM_TYPE, key, W_TEXT);
			continue;
		}
		if (content_tstr(w, key, it, ctxt, TEXT_FLOW,
		    &b->items[b->nitems]) == 0)
			b->nitems++;
	}
}

static void
content_care(struct cwalk *w, const struct ytree_node *v, const char *ctxt,
    struct block *b)
{
	static const char *const required[CK_MAX] = {
		"level", "title", NULL, NULL
	};
	const struct ytree_node	*vals[CK_MAX];
	char			*arg;

	if (content_want_map(w, "care", v) == -1)
		return;
	content_map(w, v, N_("care card"), content_care_keys, CK_MAX, vals, 0);
	content_missing(w, v, N_("care card"), required, vals, CK_MAX);
	if (vals[CK_LEVEL] != NULL) {
		if (vals[CK_LEVEL]->kind != YTREE_SCALAR)
			content_diag(w, vals[CK_LEVEL], DIAG_WRONG_TYPE,
			    "level", W_TEXT);
		else if (doc_care_level_parse(vals[CK_LEVEL]->str,
		    &b->level) == -1) {
			arg = content_arg(vals[CK_LEVEL]);
			content_diag(w, vals[CK_LEVEL], DIAG_BAD_LEVEL, arg,
			    NULL);
			free(arg);
		}
	}
	if (vals[CK_TITLE] != NULL)
		content_tstr(w, "title", vals[CK_TITLE], ctxt, TEXT_FLOW,
		    &b->text);
	if (vals[CK_TEXT] != NULL)
		content_tstr(w, "text", vals[CK_TEXT], ctxt, TEXT_FLOW,
		    &b->body);
	if (vals[CK_ITEMS] != NULL)
		content_items(w, "items", vals[CK_ITEMS], ctxt, b);
	/* A text or items key that is there but wrong has its own error. */
	if (vals[CK_TEXT] == NULL && vals[CK_ITEMS] == NULL)
		content_diag(w, v, DIAG_CARE_EMPTY, NULL, NULL);
}

static void
content_evidence(struct cwalk *w, const struct ytree_node *v,
    const char *ctxt, struct block *b)
{
	const struct ytree_node	*vals[EK_MAX], *refs;
	char			*arg;
	int			 graded = 0;

	if (content_want_map(w, "evidence", v) == -1)
		return;
	content_map(w, v, N_("evidence"), content_evidence_keys, EK_MAX, vals,
	    0);
	content_missing(w, v, N_("evidence"), content_evidence_keys, vals,
	    EK_MAX);
	if (vals[EK_ABOUT] != NULL)
		content_tstr(w, "about", vals[EK_ABOUT], ctxt, TEXT_FLOW,
		    &b->text);
	if (vals[EK_GRADE] != NULL) {
		if (vals[EK_GRADE]->kind != YTREE_SCALAR)
			content_diag(w, vals[EK_GRADE], DIAG_WRONG_TYPE,
			    "grade", W_TEXT);
		else if (doc_grade_parse(vals[EK_GRADE]->str,
		    &b->grade) == -1) {
			arg = content_arg(vals[EK_GRADE]);
			content_diag(w, vals[EK_GRADE], DIAG_BAD_GRADE, arg,
			    NULL);
			free(arg);
		} else
			graded = 1;
	}
	if (vals[EK_TEXT] != NULL)
		content_tstr(w, "text", vals[EK_TEXT], ctxt, TEXT_FLOW,
		    &b->body);
	/*
	 * Every claim rests on sources, except "none": no studies found.
	 * References were read before the sections, so ids resolve here.
	 */
	if ((refs = vals[EK_REFS]) == NULL ||
	    content_want_seq(w, "refs", refs, 1) == -1)
		return;
	if (refs->kind != YTREE_SEQ || refs->nkids == 0) {
		if (graded && b->grade != GRADE_NONE)
			content_diag(w, refs, DIAG_NO_REFS, NULL, NULL);
		return;
	}
	content_cite(w, refs, b);
}

/*
 * Adds the references named by a list of ids to a block, each once, and
 * marks them cited.  The caller has checked that refs is a sequence.
 */
static void
content_cite(struct cwalk *w, const struct ytree_node *refs, struct block *b)
{
	const struct ytree_node	*it;
	char			*arg;
	size_t			 i, j, k;
	long			 found;

	b->refs = xreallocarray(b->refs, b->nrefs + refs->nkids,
	    sizeof(*b->refs));
	for (i = 0; i < refs->nkids; i++) {
		it = refs->kids[i];
		if (it->kind != YTREE_SCALAR) {
			content_diag(w, it, DIAG_WRONG_ITEM_TYPE, "refs",
			    W_TEXT);
			continue;
		}
		if ((found = content_set_find(&w->refs, it->str,
		    it->len)) == -1) {
			arg = content_arg(it);
			content_diag(w, it, DIAG_DANGLING_REF, arg, NULL);
			free(arg);
			continue;
		}
		j = (size_t)found;
		w->cited[j] = 1;
		/* The same source named twice is numbered once. */
		for (k = 0; k < b->nrefs; k++)
			if (b->refs[k] == j)
				break;
		if (k == b->nrefs)
			b->refs[b->nrefs++] = j;
	}
	/* Shown in the order of the reference list: [1], [3]. */
	for (i = 1; i < b->nrefs; i++)
		for (k = i; k > 0 && b->refs[k - 1] > b->refs[k]; k--) {
			j = b->refs[k];
			b->refs[k] = b->refs[k - 1];
			b->refs[k - 1] = j;
		}
}

static void
content_figure(struct cwalk *w, const struct ytree_node *v, const char *ctxt,
    struct block *b)
{
	static const char *const required[FK_MAX] = {
		"art", NULL, "alt", NULL
	};
	const struct ytree_node	*vals[FK_MAX];

	/* Drawings keep their lines and spaces; words are reflowed. */
	if (content_want_map(w, "figure", v) == -1)
		return;
	content_map(w, v, N_("figure"), content_figure_keys, FK_MAX, vals, 0);
	content_missing(w, v, N_("figure"), required, vals, FK_MAX);
	if (vals[FK_ART] != NULL)
		content_tstr(w, "art", vals[FK_ART], ctxt, TEXT_PRE, &b->art);
	if (vals[FK_ASCII] != NULL)
		content_tstr(w, "ascii", vals[FK_ASCII], ctxt, TEXT_PRE,
		    &b->art_ascii);
	if (vals[FK_ALT] != NULL)
		content_tstr(w, "alt", vals[FK_ALT], ctxt, TEXT_FLOW, &b->alt);
	if (vals[FK_CAPTION] != NULL)
		content_tstr(w, "caption", vals[FK_CAPTION], ctxt, TEXT_FLOW,
		    &b->text);
}

static void
content_link(struct cwalk *w, const struct ytree_node *v, const char *ctxt,
    struct block *b)
{
	static const char *const required[LK_MAX] = { "topic", NULL, NULL };
	const struct ytree_node	*vals[LK_MAX];

	/* The target is checked once every topic is loaded. */
	if (content_want_map(w, "see_also", v) == -1)
		return;
	content_map(w, v, N_("see_also"), content_link_keys, LK_MAX, vals, 0);
	content_missing(w, v, N_("see_also"), required, vals, LK_MAX);
	if (vals[LK_TOPIC] != NULL)
		b->link_topic = content_id(w, "topic", vals[LK_TOPIC]);
	if (vals[LK_SECTION] != NULL)
		b->link_section = content_id(w, "section", vals[LK_SECTION]);
	if (vals[LK_TEXT] != NULL)
		content_tstr(w, "text", vals[LK_TEXT], ctxt, TEXT_FLOW,
		    &b->text);
}

/* One block: exactly one type key, and optionally id and translator_note. */
static void
content_block(struct cwalk *w, const struct ytree_node *n, const char *sctx,
    struct block *b)
{
	const struct ytree_node	*vals[BK_MAX], *v;
	char			*ctxt = NULL;
	size_t			 i, nunknown, ntypes = 0, type = 0;

	b->line = n->line;
	b->col = n->col;
	nunknown = content_map(w, n, N_("block"), content_block_keys, BK_MAX,
	    vals, 1);
	for (i = 0; i < BLOCK_KIND_MAX; i++) {
		if (vals[i] != NULL) {
			ntypes++;
			type = i;
		}
	}
	/* A misspelt type has been reported already; say nothing more. */
	if (ntypes > 1 || (ntypes == 0 && nunknown == 0))
		content_diag(w, n, DIAG_BLOCK_SHAPE, NULL, NULL);
	if (vals[BK_ID] != NULL &&
	    (b->id = content_id(w, "id", vals[BK_ID])) != NULL &&
	    content_set_add(&w->blocks, b->id, 0) == -1)
		content_diag(w, vals[BK_ID], DIAG_DUP_ID, b->id, NULL);
	if (vals[BK_NOTE] != NULL)
		b->note = content_text(w, "translator_note", vals[BK_NOTE],
		    TEXT_FLOW);
	if (ntypes != 1)
		return;

	/* Strings of a block with an id are kept apart from the section's. */
	if (b->id != NULL)
		ctxt = xasprintf("%s/%s", sctx, b->id);
	b->kind = (enum block_kind)type;
	v = vals[type];
	switch (b->kind) {
	case BLOCK_PARAGRAPH:
	case BLOCK_SUBHEADING:
		content_tstr(w, content_block_keys[type], v,
		    ctxt != NULL ? ctxt : sctx, TEXT_FLOW, &b->text);
		break;
	case BLOCK_LIST:
	case BLOCK_STEPS:
		content_items(w, content_block_keys[type], v,
		    ctxt != NULL ? ctxt : sctx, b);
		break;
	case BLOCK_CARE:
		content_care(w, v, ctxt != NULL ? ctxt : sctx, b);
		break;
	case BLOCK_EVIDENCE:
		content_evidence(w, v, ctxt != NULL ? ctxt : sctx, b);
		break;
	case BLOCK_FIGURE:
		content_figure(w, v, ctxt != NULL ? ctxt : sctx, b);
		break;
	case BLOCK_SEE_ALSO:
		content_link(w, v, ctxt != NULL ? ctxt : sctx, b);
		break;
	case BLOCK_KIND_MAX:
		break;
	}
	/* Any block may name the sources of what it says. */
	if (vals[BK_REFS] != NULL &&
	    content_want_seq(w, "refs", vals[BK_REFS], 1) == 0 &&
	    vals[BK_REFS]->kind == YTREE_SEQ)
		content_cite(w, vals[BK_REFS], b);
	free(ctxt);
}

/*
 * One section.  Its strings, and those of its blocks without an id, use
 * the context "topic/section".
 */
static void
content_section(struct cwalk *w, const struct ytree_node *n,
    struct section *s)
{
	static const char *const required[SK_MAX] = {
		"id", "heading", "blocks", NULL
	};
	const struct ytree_node	*vals[SK_MAX], *bl;
	char			*sctx;
	size_t			 i;

	s->line = n->line;
	s->col = n->col;
	content_map(w, n, N_("section"), content_section_keys, SK_MAX, vals,
	    0);
	content_missing(w, n, N_("section"), required, vals, SK_MAX);
	if (vals[SK_ID] != NULL &&
	    (s->id = content_id(w, "id", vals[SK_ID])) != NULL &&
	    content_set_add(&w->sections, s->id, 0) == -1)
		content_diag(w, vals[SK_ID], DIAG_DUP_ID, s->id, NULL);
	sctx = xasprintf("%s/%s", w->tctx, s->id != NULL ? s->id : "");
	if (vals[SK_HEADING] != NULL)
		content_tstr(w, "heading", vals[SK_HEADING], sctx, TEXT_FLOW,
		    &s->heading);
	if (vals[SK_NOTE] != NULL)
		s->note = content_text(w, "translator_note", vals[SK_NOTE],
		    TEXT_FLOW);
	if ((bl = vals[SK_BLOCKS]) != NULL &&
	    content_want_seq(w, "blocks", bl, 0) == 0) {
		s->blocks = xcalloc(bl->nkids, sizeof(*s->blocks));
		for (i = 0; i < bl->nkids; i++) {
			if (bl->kids[i]->kind != YTREE_MAP) {
				content_diag(w, bl->kids[i],
				    DIAG_WRONG_ITEM_TYPE, "blocks", W_MAP);
				continue;
			}
			content_block(w, bl->kids[i], sctx,
			    &s->blocks[s->nblocks++]);
		}
	}
	free(sctx);
}

/* The list of sections; only mappings get a slot in the topic. */
static void
content_sections(struct cwalk *w, const struct ytree_node *v)
{
	struct topic	*t = w->t;
	size_t		 i;

	if (content_want_seq(w, "sections", v, 0) == -1)
		return;
	t->sections = xcalloc(v->nkids, sizeof(*t->sections));
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i]->kind != YTREE_MAP) {
			content_diag(w, v->kids[i], DIAG_WRONG_ITEM_TYPE,
			    "sections", W_MAP);
			continue;
		}
		t->nsections++;
		content_section(w, v->kids[i],
		    &t->sections[t->nsections - 1]);
	}
}

/*
 * The reference list.  A reference's note is translated under
 * "topic/ref/id"; its citation fields are not translated.
 */
static void
content_refs(struct cwalk *w, const struct ytree_node *v)
{
	static const char *const required[RK_MAX] = {
		"id", "authors", NULL, "title", "source", NULL, NULL
	};
	const struct ytree_node	*vals[RK_MAX], *n;
	struct topic		*t = w->t;
	struct reference	*r;
	char			*ctxt, **fields[RK_MAX];
	size_t			 i, j;

	if (content_want_seq(w, "references", v, 1) == -1 ||
	    v->kind != YTREE_SEQ)
		return;
	t->refs = xcalloc(v->nkids, sizeof(*t->refs));
	w->cited = xcalloc(v->nkids, 1);
	for (i = 0; i < v->nkids; i++) {
		n = v->kids[i];
		if (n->kind != YTREE_MAP) {
			content_diag(w, n, DIAG_WRONG_ITEM_TYPE, "references",
			    W_MAP);
			continue;
		}
		r = &t->refs[t->nrefs++];
		r->line = n->line;
		r->col = n->col;
		content_map(w, n, N_("reference"), content_ref_keys, RK_MAX,
		    vals, 0);
		content_missing(w, n, N_("reference"), required, vals, RK_MAX);
		if (vals[RK_ID] != NULL &&
		    (r->id = content_id(w, "id", vals[RK_ID])) != NULL &&
		    content_set_add(&w->refs, r->id, t->nrefs - 1) == -1) {
			content_diag(w, vals[RK_ID], DIAG_DUP_ID, r->id, NULL);
			/* Only the first of the two can be cited. */
			w->cited[t->nrefs - 1] = 1;
		}
		/* Citations are untrusted too, but shown as written. */
		fields[RK_ID] = NULL;
		fields[RK_AUTHORS] = &r->authors;
		fields[RK_YEAR] = &r->year;
		fields[RK_TITLE] = &r->title;
		fields[RK_SOURCE] = &r->source;
		fields[RK_URL] = &r->url;
		fields[RK_NOTE] = NULL;
		for (j = 0; j < RK_MAX; j++)
			if (fields[j] != NULL && vals[j] != NULL)
				*fields[j] = content_text(w,
				    content_ref_keys[j], vals[j], TEXT_FLOW);
		if (vals[RK_NOTE] != NULL) {
			ctxt = xasprintf("%s/ref/%s", w->tctx,
			    r->id != NULL ? r->id : "");
			content_tstr(w, "note", vals[RK_NOTE], ctxt, TEXT_FLOW,
			    &r->note);
			free(ctxt);
		}
	}
}

/*
 * The review dates, both read: the next review must come after the last,
 * within the three years good practice allows, and not be past already.
 */
static void
content_review_dates(struct cwalk *w, const struct ytree_node *next)
{
	const struct topic	*t = w->t;
	struct doc_date		 limit = t->reviewed, today;
	char			 buf[16];

	if (doc_date_cmp(&t->next_review, &t->reviewed) <= 0) {
		content_diag(w, next, DIAG_REVIEW_ORDER, NULL, NULL);
		return;
	}
	limit.year += CONTENT_REVIEW_YEARS;
	if (limit.month == 2 && limit.day == 29)
		limit.day = 28;
	if (doc_date_cmp(&t->next_review, &limit) > 0)
		content_diag(w, next, DIAG_REVIEW_LONG, NULL, NULL);
	doc_date_today(&today);
	if (doc_date_cmp(&t->next_review, &today) < 0) {
		doc_date_format(&t->next_review, buf);
		content_diag(w, next, DIAG_REVIEW_DUE, buf, NULL);
	}
}

/*
 * A sign on two care cards of one topic gives a reader two levels of
 * care for one picture.  Items are compared folded (case, accents and
 * a final full stop do not count); each repeat is reported once, at the
 * later place, naming the first.
 */
static void
content_care_twice(struct cwalk *w)
{
	const struct topic	*t = w->t;
	const struct block	*b, **card = NULL;
	const struct tstr	*it, **item = NULL;
	struct content_set	 seen;
	char			**folded = NULL, line[16];
	const char		*msgid;
	size_t			 i, j, k, n = 0, cap = 0, len;
	long			 first;

	memset(&seen, 0, sizeof(seen));
	for (i = 0; i < t->nsections; i++)
		for (j = 0; j < t->sections[i].nblocks; j++) {
			b = &t->sections[i].blocks[j];
			if (b->kind != BLOCK_CARE)
				continue;
			for (k = 0; k < b->nitems; k++) {
				it = &b->items[k];
				msgid = tstr_msgid(it);
				len = strlen(msgid);
				while (len > 0 && (msgid[len - 1] == '.' ||
				    msgid[len - 1] == ' '))
					len--;
				xgrow(&folded, &cap, n + 1, sizeof(*folded));
				card = xreallocarray(card, cap, sizeof(*card));
				item = xreallocarray(item, cap, sizeof(*item));
				folded[n] = text_fold(msgid, len, NULL, NULL);
				card[n] = b;
				item[n] = it;
				first = content_set_find(&seen, folded[n],
				    strlen(folded[n]));
				if (first == -1)
					content_set_add(&seen, folded[n], n);
				else if (card[first] != b) {
					snprintf(line, sizeof(line), "%u",
					    (unsigned)item[first]->line);
					diag_add(w->diags, w->file, it->line,
					    it->col, DIAG_CARE_TWICE, line,
					    NULL);
				}
				n++;
			}
		}
	for (i = 0; i < n; i++)
		free(folded[i]);
	free(folded);
	free(card);
	free(item);
	content_set_free(&seen);
}

/*
 * The walk over a whole topic.  Problems go to a list of this file's own,
 * sorted by position before they are handed over, since the checks do not
 * run in file order (missing keys come after the keys that are there, and
 * unused references at the end).
 */
struct topic *
content_topic_from_tree(const char *file, const struct ytree_node *root,
    struct diag_list *diags)
{
	static const char *const required[TK_MAX] = {
		"id", "title", "summary", "last_reviewed", "next_review",
		NULL, "sections", NULL, NULL
	};
	const struct ytree_node	*vals[TK_MAX];
	struct diag_list	 local;
	struct cwalk		 w;
	struct topic		*t;
	int			 have_last = 0, have_next = 0;
	size_t			 i;

	diag_init(&local);
	memset(&w, 0, sizeof(w));
	w.file = file;
	w.diags = &local;
	w.tctx = "";
	t = w.t = xcalloc(1, sizeof(*t));
	t->file = xstrdup(file);

	/* A file holding only "---" is empty, not a scalar topic. */
	if (root->kind != YTREE_MAP) {
		if (root->kind == YTREE_SCALAR && content_is_null(root))
			diag_add(&local, file, 0, 0, DIAG_EMPTY_FILE, NULL,
			    NULL);
		else
			content_diag(&w, root, DIAG_ROOT_TYPE, NULL, NULL);
		goto done;
	}
	content_map(&w, root, N_("topic"), content_topic_keys, TK_MAX, vals, 0);
	/* The id comes first: every context is built from it. */
	content_missing(&w, root, N_("topic"), required, vals, TK_MAX);
	if (vals[TK_ID] != NULL &&
	    (t->id = content_id(&w, "id", vals[TK_ID])) != NULL) {
		t->id_line = vals[TK_ID]->line;
		t->id_col = vals[TK_ID]->col;
		w.tctx = t->id;
	}
	if (vals[TK_TITLE] != NULL)
		content_tstr(&w, "title", vals[TK_TITLE], w.tctx, TEXT_FLOW,
		    &t->title);
	if (vals[TK_SUMMARY] != NULL)
		content_tstr(&w, "summary", vals[TK_SUMMARY], w.tctx,
		    TEXT_FLOW, &t->summary);
	if (vals[TK_LAST] != NULL)
		have_last = content_date(&w, "last_reviewed", vals[TK_LAST],
		    &t->reviewed) == 0;
	if (vals[TK_NEXT] != NULL)
		have_next = content_date(&w, "next_review", vals[TK_NEXT],
		    &t->next_review) == 0;
	if (have_last && have_next)
		content_review_dates(&w, vals[TK_NEXT]);
	if (vals[TK_REVIEWER] != NULL)
		content_tstr(&w, "reviewed_by", vals[TK_REVIEWER], w.tctx,
		    TEXT_FLOW, &t->reviewed_by);
	if (vals[TK_NOTE] != NULL)
		t->note = content_text(&w, "translator_note", vals[TK_NOTE],
		    TEXT_FLOW);
	/* References first, so that evidence can name them. */
	if (vals[TK_REFS] != NULL)
		content_refs(&w, vals[TK_REFS]);
	if (vals[TK_SECTIONS] != NULL)
		content_sections(&w, vals[TK_SECTIONS]);
	for (i = 0; i < t->nrefs; i++)
		if (t->refs[i].id != NULL && !w.cited[i])
			diag_add(&local, file, t->refs[i].line, t->refs[i].col,
			    DIAG_UNUSED_REF, t->refs[i].id, NULL);
	content_care_twice(&w);
	/* Worth saying only of a topic that is otherwise ready. */
	if (local.nerrors == 0 && t->reviewed_by.key == NULL)
		content_diag(&w, root, DIAG_NO_REVIEWER, NULL, NULL);
done:
	if (local.nerrors > 0) {
		doc_topic_free(t);
		t = NULL;
	}
	free(w.cited);
	content_set_free(&w.sections);
	content_set_free(&w.blocks);
	content_set_free(&w.refs);
	diag_sort(&local);
	diag_move(diags, &local);
	return (t);
}

struct topic *
content_load_file(const char *path, struct diag_list *diags)
{
	struct ytree	*tree;
	struct topic	*t;

	if (ytree_load_file(path, &ytree_default_limits, &tree, diags) == -1)
		return (NULL);
	t = content_topic_from_tree(path, ytree_root(tree), diags);
	ytree_free(tree);
	return (t);
}

static int
content_name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * Reads a directory once: the names of topic files (*.yaml, not hidden,
 * not the settings file) sorted, and whether the settings file is there.
 * Only these names are ever opened.
 */
static int
content_scan(const char *dir, char ***namesp, size_t *np, int *settings,
    struct diag_list *diags)
{
	DIR		 *d;
	struct dirent	 *de;
	char		**names = NULL, *path;
	size_t		  n = 0, cap = 0, len;

	*settings = 0;
	if ((d = opendir(dir)) == NULL) {
		diag_add(diags, dir, 0, 0, DIAG_IO, strerror(errno), NULL);
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		/*
		 * Another kind of entry with a topic's name is reported and
		 * never opened.  When the type is not known here, the checks
		 * after opening (O_NOFOLLOW, fstat) decide.
		 */
		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN) {
			path = content_path(dir, de->d_name);
			diag_add(diags, path, 0, 0, de->d_type == DT_LNK ?
			    DIAG_SYMLINK : DIAG_NOT_REGULAR, NULL, NULL);
			free(path);
			continue;
		}
		if (strcmp(de->d_name, CONTENT_SETTINGS_FILE) == 0) {
			*settings = 1;
			continue;
		}
		xgrow(&names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), content_name_cmp);
	*namesp = names;
	*np = n;
	return (0);
}

static void
content_free_names(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static char *
content_path(const char *dir, const char *name)
{
	size_t	len = strlen(dir);

	if (len > 0 && dir[len - 1] == '/')
		return (xasprintf("%s%s", dir, name));
	return (xasprintf("%s/%s", dir, name));
}

/* Adds a topic unless its id is taken; the first one loaded stays. */
static void
content_add_topic(struct library *lib, struct topic *t,
    struct diag_list *diags)
{
	if (doc_topic_index(lib, t->id) >= 0) {
		diag_add(diags, t->file, t->id_line, t->id_col, DIAG_DUP_ID,
		    t->id, NULL);
		doc_topic_free(t);
		return;
	}
	doc_library_add(lib, t);
}

/*
 * Reads library.yaml into lib->settings, and the ids of its order list
 * (known topics only) into *orderp.  An empty file is no settings.
 */
static void
content_settings(const char *path, struct library *lib, char ***orderp,
    size_t *norderp, struct diag_list *diags)
{
	const struct ytree_node	*root, *vals[LS_MAX], *v, *it;
	struct ytree		*tree = NULL;
	struct diag_list	 local;
	struct content_set	 seen;
	struct cwalk		 w;
	char			*s, *id, **order = NULL;
	size_t			 i, norder = 0;
	long			 grade;

	*orderp = NULL;
	*norderp = 0;
	diag_init(&local);
	memset(&seen, 0, sizeof(seen));
	memset(&w, 0, sizeof(w));
	w.file = path;
	w.diags = &local;
	if (ytree_load_file(path, &ytree_default_limits, &tree, &local) == -1) {
		if (local.n == 1 && local.items[0].code == DIAG_EMPTY_FILE) {
			diag_free(&local);
			return;
		}
		goto done;
	}
	root = ytree_root(tree);
	if (content_is_null(root))
		goto done;
	if (root->kind != YTREE_MAP) {
		content_diag(&w, root, DIAG_ROOT_TYPE, NULL, NULL);
		goto done;
	}
	content_map(&w, root, N_("library.yaml"), content_settings_keys,
	    LS_MAX, vals, 0);

	/*
	 * The number is shown on every emergency card, so it may hold
	 * nothing but what a phone number needs.
	 */
	if ((v = vals[LS_EMERGENCY]) != NULL &&
	    (s = content_text(&w, "emergency_number", v, TEXT_FLOW)) != NULL) {
		if (!doc_phone_valid(s)) {
			content_diag(&w, v, DIAG_BAD_SETTING,
			    "emergency_number", N_("a phone number "
			    "(digits, spaces and + - ( ) only)"));
			free(s);
		} else {
			free(lib->settings.emergency_number);
			lib->settings.emergency_number = s;
		}
	}

	/* One line on the library screen; translated like a topic. */
	if ((v = vals[LS_CONTACT]) != NULL) {
		doc_tstr_free(&lib->settings.contact);
		content_tstr(&w, "contact", v, "library", TEXT_FLOW,
		    &lib->settings.contact);
	}

	/* Small whole numbers only; anything else keeps the default. */
	if ((v = vals[LS_GRADE]) != NULL) {
		grade = 0;
		if (v->kind == YTREE_SCALAR && v->len > 0 && v->len <= 2 &&
		    strspn(v->str, "0123456789") == v->len)
			grade = strtol(v->str, NULL, 10);
		if (grade < 1 || grade > 20)
			content_diag(&w, v, DIAG_BAD_SETTING,
			    "reading_grade_limit",
			    N_("a whole number from 1 to 20"));
		else
			lib->settings.grade_limit = (int)grade;
	}

	/* Only ids of loaded topics, each once, are kept for sorting. */
	if ((v = vals[LS_ORDER]) != NULL &&
	    content_want_seq(&w, "order", v, 1) == 0 && v->kind == YTREE_SEQ) {
		order = xcalloc(v->nkids, sizeof(*order));
		for (i = 0; i < v->nkids; i++) {
			it = v->kids[i];
			if (it->kind != YTREE_SCALAR) {
				content_diag(&w, it, DIAG_WRONG_ITEM_TYPE,
				    "order", W_TEXT);
				continue;
			}
			if ((id = content_id(&w, "order", it)) == NULL)
				continue;
			if (content_set_find(&seen, id, strlen(id)) != -1)
				content_diag(&w, it, DIAG_DUP_ID, id, NULL);
			else if (doc_topic_index(lib, id) < 0)
				content_diag(&w, it, DIAG_DANGLING_TOPIC, id,
				    NULL);
			else {
				content_set_add(&seen, id, norder);
				order[norder++] = id;
				continue;
			}
			free(id);
		}
	}
	*orderp = order;
	*norderp = norder;
done:
	content_set_free(&seen);
	ytree_free(tree);
	diag_move(diags, &local);
}

/* Topics named in the order list come first; the rest by English title. */
static int
content_order_cmp(const void *a, const void *b)
{
	const struct content_rank	*ra = a, *rb = b;
	int				 c;

	if (ra->rank != rb->rank)
		return (ra->rank < rb->rank ? -1 : 1);
	c = strcasecmp(tstr_msgid(&ra->t->title), tstr_msgid(&rb->t->title));
	if (c != 0)
		return (c);
	return (strcmp(ra->t->id, rb->t->id));
}

static void
content_order(struct library *lib, char **order, size_t norder)
{
	struct content_rank	*r;
	size_t			 i, j;

	if (lib->ntopics < 2)
		return;
	r = xcalloc(lib->ntopics, sizeof(*r));
	for (i = 0; i < lib->ntopics; i++) {
		r[i].t = lib->topics[i];
		r[i].rank = SIZE_MAX;
		for (j = 0; j < norder; j++)
			if (strcmp(order[j], r[i].t->id) == 0)
				r[i].rank = j;
	}
	qsort(r, lib->ntopics, sizeof(*r), content_order_cmp);
	for (i = 0; i < lib->ntopics; i++)
		lib->topics[i] = r[i].t;
	free(r);
}

/*
 * Checks the see-also links of the topics from index first on, against
 * lib and then extra (may be NULL); a dangling link is reported and its
 * block removed.
 */
static void
content_resolve(struct library *lib, size_t first, const struct library *extra,
    struct diag_list *diags)
{
	const struct topic	*target;
	struct topic		*t;
	struct section		*s;
	struct block		*b;
	size_t			 i, j, k;
	int			 ok;

	for (i = first; i < lib->ntopics; i++) {
		t = lib->topics[i];
		for (j = 0; j < t->nsections; j++) {
			s = &t->sections[j];
			for (k = 0; k < s->nblocks; k++) {
				b = &s->blocks[k];
				if (b->kind != BLOCK_SEE_ALSO)
					continue;
				target = doc_find_topic(lib, b->link_topic);
				if (target == NULL && extra != NULL)
					target = doc_find_topic(extra,
					    b->link_topic);
				ok = 0;
				if (target == NULL)
					diag_add(diags, t->file, b->line,
					    b->col, DIAG_DANGLING_TOPIC,
					    b->link_topic, NULL);
				else if (b->link_section != NULL &&
				    doc_find_section(target,
				    b->link_section) < 0)
					diag_add(diags, t->file, b->line,
					    b->col, DIAG_DANGLING_SECTION,
					    b->link_topic, b->link_section);
				else
					ok = 1;
				if (ok)
					continue;
				/* The topic stays; only the link goes. */
				doc_block_free(b);
				memmove(b, b + 1,
				    (s->nblocks - k - 1) * sizeof(*b));
				s->nblocks--;
				k--;
			}
		}
	}
}

void
content_resolve_links(struct library *lib, struct diag_list *diags)
{
	content_resolve(lib, 0, NULL, diags);
}

/*
 * Loads one topic file of a directory, its tree from the index when the
 * index holds these very bytes.  The file is read either way.
 */
static struct topic *
content_load_indexed(const char *path, const char *name,
    struct content_index *ci, struct diag_list *diags)
{
	struct ytree	*tree;
	struct topic	*t;
	char		*buf;
	size_t		 len;

	if (ytree_read_file(path, &ytree_default_limits, &buf, &len,
	    diags) == -1)
		return (NULL);
	if (idx_get(ci->in, name, buf, len, &ytree_default_limits,
	    &tree) == 0)
		ci->indexed++;
	else {
		ci->parsed++;
		if (ytree_load_buffer(path, buf, len, &ytree_default_limits,
		    &tree, diags) == -1) {
			free(buf);
			return (NULL);
		}
		if (ci->out != NULL)
			idx_writer_add(ci->out, name, buf, len, tree);
	}
	free(buf);
	t = content_topic_from_tree(path, ytree_root(tree), diags);
	ytree_free(tree);
	return (t);
}

/*
 * Loads a directory into lib: topics in file order, then the settings,
 * the display order and the links of the topics it added.
 */
static int
content_load_into(const char *dir, struct library *lib,
    struct content_index *ci, struct diag_list *diags)
{
	struct content_index	  none;
	struct topic	 *t;
	char		**names, **order = NULL, *path;
	size_t		  n, i, first, norder = 0;
	int		  settings;

	if (content_scan(dir, &names, &n, &settings, diags) == -1)
		return (-1);
	if (ci == NULL) {
		memset(&none, 0, sizeof(none));
		ci = &none;
	}
	if (lib->dir == NULL)
		lib->dir = xstrdup(dir);
	first = lib->ntopics;
	for (i = 0; i < n; i++) {
		path = content_path(dir, names[i]);
		lib->nfiles++;
		if ((t = content_load_indexed(path, names[i], ci,
		    diags)) != NULL)
			content_add_topic(lib, t, diags);
		free(path);
	}
	content_free_names(names, n);
	content_resolve(lib, first, NULL, diags);
	if (settings) {
		path = content_path(dir, CONTENT_SETTINGS_FILE);
		content_settings(path, lib, &order, &norder, diags);
		free(path);
	}
	content_order(lib, order, norder);
	content_free_names(order, norder);
	return (0);
}

int
content_load_dir(const char *dir, struct library *lib,
    struct diag_list *diags)
{
	return (content_load_dir_index(dir, lib, NULL, diags));
}

int
content_load_dir_index(const char *dir, struct library *lib,
    struct content_index *ci, struct diag_list *diags)
{
	struct diag_list	local;
	int			rc;

	diag_init(&local);
	rc = content_load_into(dir, lib, ci, &local);
	diag_sort(&local);
	diag_move(diags, &local);
	return (rc);
}

long
content_index_stale(const char *dir)
{
	struct stat	  st;
	struct diag_list  quiet;
	struct idx	 *x;
	char		**names, *path, *buf;
	size_t		  n, i, len;
	long		  stale = 0;
	int		  settings, have;

	path = content_path(dir, IDX_FILE);
	have = lstat(path, &st) == 0;
	free(path);
	if (!have)
		return (-1);
	diag_init(&quiet);
	if (content_scan(dir, &names, &n, &settings, &quiet) == -1) {
		diag_free(&quiet);
		return (-1);
	}
	x = idx_open(dir);
	for (i = 0; i < n; i++) {
		path = content_path(dir, names[i]);
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
	content_free_names(names, n);
	diag_free(&quiet);
	return (stale);
}

int
content_load_settings(const char *dir, struct library *lib)
{
	struct stat	  st;
	struct diag_list  quiet;
	char		**order = NULL, *path;
	size_t		  norder = 0;

	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return (-1);
	diag_init(&quiet);
	path = content_path(dir, CONTENT_SETTINGS_FILE);
	if (lstat(path, &st) == 0)
		content_settings(path, lib, &order, &norder, &quiet);
	free(path);
	content_free_names(order, norder);
	diag_free(&quiet);
	return (0);
}

/* The topics of dir, loaded once and quietly. */
static const struct library *
content_ctx_get(struct content_ctx **ctxs, size_t *nctx, const char *dir)
{
	struct content_ctx	*c;
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
	content_load_into(dir, &c->lib, NULL, &quiet);
	diag_free(&quiet);
	return (&c->lib);
}

/*
 * A directory is checked as content_load_dir loads it.  A file is checked
 * on its own, and its links are resolved against lib and then against
 * the topics of its directory, loaded once per directory and quietly:
 * their problems belong to another check.
 */
size_t
content_check_paths(char *const *paths, size_t npaths, struct library *lib,
    struct diag_list *diags)
{
	struct content_ctx	*ctxs = NULL;
	struct diag_list	 local;
	struct topic		*t;
	struct stat		 st;
	const char		*slash;
	char			*dir;
	size_t			 i, nctx = 0, first, nerrors;

	diag_init(&local);
	for (i = 0; i < npaths; i++) {
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			content_load_into(paths[i], lib, NULL, &local);
			continue;
		}
		/* A file, or something ytree_load_file will explain. */
		lib->nfiles++;
		if ((t = content_load_file(paths[i], &local)) == NULL)
			continue;
		first = lib->ntopics;
		content_add_topic(lib, t, &local);
		if (lib->ntopics == first)
			continue;
		if ((slash = strrchr(paths[i], '/')) == NULL)
			dir = xstrdup(".");
		else if (slash == paths[i])
			dir = xstrdup("/");
		else
			dir = xstrndup(paths[i], (size_t)(slash - paths[i]));
		content_resolve(lib, first, content_ctx_get(&ctxs, &nctx, dir),
		    &local);
		free(dir);
	}
	for (i = 0; i < nctx; i++) {
		free(ctxs[i].dir);
		doc_library_free(&ctxs[i].lib);
	}
	free(ctxs);
	diag_sort(&local);
	nerrors = local.nerrors;
	diag_move(diags, &local);
	return (nerrors);
}

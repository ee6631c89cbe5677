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
#include "schema.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

/* The longest a topic may go between reviews before --check warns. */
#define CONTENT_REVIEW_YEARS	3

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
	struct schema		 s;
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
static int	 content_tstr(struct cwalk *, const char *,
		    const struct ytree_node *, const char *, int,
		    struct tstr *);
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

/* A translatable string under ctxt, positioned at its scalar. */
static int
content_tstr(struct cwalk *w, const char *key, const struct ytree_node *v,
    const char *ctxt, int flags, struct tstr *out)
{
	char	*s;

	if ((s = schema_text(&w->s, key, v, flags)) == NULL)
		return (-1);
	doc_tstr_set(out, ctxt, s, v->line, v->col);
	free(s);
	return (0);
}

/* The items of a list, steps or care card, each a text. */
static void
content_items(struct cwalk *w, const char *key, const struct ytree_node *v,
    const char *ctxt, struct block *b)
{
	const struct ytree_node	*it;
	size_t			 i;

	if (schema_want_seq(&w->s, key, v, 0) == -1)
		return;
	b->items = xcalloc(v->nkids, sizeof(*b->items));
	for (i = 0; i < v->nkids; i++) {
		it = v->kids[i];
		if (it->kind != YTREE_SCALAR) {
			schema_diag(&w->s, it, DIAG_WRONG_ITEM_TYPE, key, schema_w_text);
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

	if (schema_want_map(&w->s, "care", v) == -1)
		return;
	schema_map(&w->s, v, N_("care card"), content_care_keys, CK_MAX, vals, 0);
	schema_missing(&w->s, v, N_("care card"), required, vals, CK_MAX);
	if (vals[CK_LEVEL] != NULL) {
		if (vals[CK_LEVEL]->kind != YTREE_SCALAR)
			schema_diag(&w->s, vals[CK_LEVEL], DIAG_WRONG_TYPE,
			    "level", schema_w_text);
		else if (doc_care_level_parse(vals[CK_LEVEL]->str,
		    &b->level) == -1) {
			arg = schema_arg(vals[CK_LEVEL]);
			schema_diag(&w->s, vals[CK_LEVEL], DIAG_BAD_LEVEL, arg,
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
		schema_diag(&w->s, v, DIAG_CARE_EMPTY, NULL, NULL);
}

static void
content_evidence(struct cwalk *w, const struct ytree_node *v,
    const char *ctxt, struct block *b)
{
	const struct ytree_node	*vals[EK_MAX], *refs;
	char			*arg;
	int			 graded = 0;

	if (schema_want_map(&w->s, "evidence", v) == -1)
		return;
	schema_map(&w->s, v, N_("evidence"), content_evidence_keys, EK_MAX, vals,
	    0);
	schema_missing(&w->s, v, N_("evidence"), content_evidence_keys, vals,
	    EK_MAX);
	if (vals[EK_ABOUT] != NULL)
		content_tstr(w, "about", vals[EK_ABOUT], ctxt, TEXT_FLOW,
		    &b->text);
	if (vals[EK_GRADE] != NULL) {
		if (vals[EK_GRADE]->kind != YTREE_SCALAR)
			schema_diag(&w->s, vals[EK_GRADE], DIAG_WRONG_TYPE,
			    "grade", schema_w_text);
		else if (doc_grade_parse(vals[EK_GRADE]->str,
		    &b->grade) == -1) {
			arg = schema_arg(vals[EK_GRADE]);
			schema_diag(&w->s, vals[EK_GRADE], DIAG_BAD_GRADE, arg,
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
	    schema_want_seq(&w->s, "refs", refs, 1) == -1)
		return;
	if (refs->kind != YTREE_SEQ || refs->nkids == 0) {
		if (graded && b->grade != GRADE_NONE)
			schema_diag(&w->s, refs, DIAG_NO_REFS, NULL, NULL);
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
			schema_diag(&w->s, it, DIAG_WRONG_ITEM_TYPE, "refs",
			    schema_w_text);
			continue;
		}
		if ((found = content_set_find(&w->refs, it->str,
		    it->len)) == -1) {
			arg = schema_arg(it);
			schema_diag(&w->s, it, DIAG_DANGLING_REF, arg, NULL);
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
	if (schema_want_map(&w->s, "figure", v) == -1)
		return;
	schema_map(&w->s, v, N_("figure"), content_figure_keys, FK_MAX, vals, 0);
	schema_missing(&w->s, v, N_("figure"), required, vals, FK_MAX);
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
	if (schema_want_map(&w->s, "see_also", v) == -1)
		return;
	schema_map(&w->s, v, N_("see_also"), content_link_keys, LK_MAX, vals, 0);
	schema_missing(&w->s, v, N_("see_also"), required, vals, LK_MAX);
	if (vals[LK_TOPIC] != NULL)
		b->link_topic = schema_id(&w->s, "topic", vals[LK_TOPIC]);
	if (vals[LK_SECTION] != NULL)
		b->link_section = schema_id(&w->s, "section", vals[LK_SECTION]);
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
	nunknown = schema_map(&w->s, n, N_("block"), content_block_keys, BK_MAX,
	    vals, 1);
	for (i = 0; i < BLOCK_KIND_MAX; i++) {
		if (vals[i] != NULL) {
			ntypes++;
			type = i;
		}
	}
	/* A misspelt type has been reported already; say nothing more. */
	if (ntypes > 1 || (ntypes == 0 && nunknown == 0))
		schema_diag(&w->s, n, DIAG_BLOCK_SHAPE, NULL, NULL);
	if (vals[BK_ID] != NULL &&
	    (b->id = schema_id(&w->s, "id", vals[BK_ID])) != NULL &&
	    content_set_add(&w->blocks, b->id, 0) == -1)
		schema_diag(&w->s, vals[BK_ID], DIAG_DUP_ID, b->id, NULL);
	if (vals[BK_NOTE] != NULL)
		b->note = schema_text(&w->s, "translator_note", vals[BK_NOTE],
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
	    schema_want_seq(&w->s, "refs", vals[BK_REFS], 1) == 0 &&
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
	schema_map(&w->s, n, N_("section"), content_section_keys, SK_MAX, vals,
	    0);
	schema_missing(&w->s, n, N_("section"), required, vals, SK_MAX);
	if (vals[SK_ID] != NULL &&
	    (s->id = schema_id(&w->s, "id", vals[SK_ID])) != NULL &&
	    content_set_add(&w->sections, s->id, 0) == -1)
		schema_diag(&w->s, vals[SK_ID], DIAG_DUP_ID, s->id, NULL);
	sctx = xasprintf("%s/%s", w->tctx, s->id != NULL ? s->id : "");
	if (vals[SK_HEADING] != NULL)
		content_tstr(w, "heading", vals[SK_HEADING], sctx, TEXT_FLOW,
		    &s->heading);
	if (vals[SK_NOTE] != NULL)
		s->note = schema_text(&w->s, "translator_note", vals[SK_NOTE],
		    TEXT_FLOW);
	if ((bl = vals[SK_BLOCKS]) != NULL &&
	    schema_want_seq(&w->s, "blocks", bl, 0) == 0) {
		s->blocks = xcalloc(bl->nkids, sizeof(*s->blocks));
		for (i = 0; i < bl->nkids; i++) {
			if (bl->kids[i]->kind != YTREE_MAP) {
				schema_diag(&w->s, bl->kids[i],
				    DIAG_WRONG_ITEM_TYPE, "blocks", schema_w_map);
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

	if (schema_want_seq(&w->s, "sections", v, 0) == -1)
		return;
	t->sections = xcalloc(v->nkids, sizeof(*t->sections));
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i]->kind != YTREE_MAP) {
			schema_diag(&w->s, v->kids[i], DIAG_WRONG_ITEM_TYPE,
			    "sections", schema_w_map);
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

	if (schema_want_seq(&w->s, "references", v, 1) == -1 ||
	    v->kind != YTREE_SEQ)
		return;
	t->refs = xcalloc(v->nkids, sizeof(*t->refs));
	w->cited = xcalloc(v->nkids, 1);
	for (i = 0; i < v->nkids; i++) {
		n = v->kids[i];
		if (n->kind != YTREE_MAP) {
			schema_diag(&w->s, n, DIAG_WRONG_ITEM_TYPE, "references",
			    schema_w_map);
			continue;
		}
		r = &t->refs[t->nrefs++];
		r->line = n->line;
		r->col = n->col;
		schema_map(&w->s, n, N_("reference"), content_ref_keys, RK_MAX,
		    vals, 0);
		schema_missing(&w->s, n, N_("reference"), required, vals, RK_MAX);
		if (vals[RK_ID] != NULL &&
		    (r->id = schema_id(&w->s, "id", vals[RK_ID])) != NULL &&
		    content_set_add(&w->refs, r->id, t->nrefs - 1) == -1) {
			schema_diag(&w->s, vals[RK_ID], DIAG_DUP_ID, r->id, NULL);
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
				*fields[j] = schema_text(&w->s,
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
		schema_diag(&w->s, next, DIAG_REVIEW_ORDER, NULL, NULL);
		return;
	}
	limit.year += CONTENT_REVIEW_YEARS;
	if (limit.month == 2 && limit.day == 29)
		limit.day = 28;
	if (doc_date_cmp(&t->next_review, &limit) > 0)
		schema_diag(&w->s, next, DIAG_REVIEW_LONG, NULL, NULL);
	doc_date_today(&today);
	if (doc_date_cmp(&t->next_review, &today) < 0) {
		doc_date_format(&t->next_review, buf);
		schema_diag(&w->s, next, DIAG_REVIEW_DUE, buf, NULL);
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
					diag_add(w->s.diags, w->s.file, it->line,
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
	w.s.file = file;
	w.s.diags = &local;
	w.tctx = "";
	t = w.t = xcalloc(1, sizeof(*t));
	t->file = xstrdup(file);

	/* A file holding only "---" is empty, not a scalar topic. */
	if (root->kind != YTREE_MAP) {
		if (root->kind == YTREE_SCALAR && schema_is_null(root))
			diag_add(&local, file, 0, 0, DIAG_EMPTY_FILE, NULL,
			    NULL);
		else
			schema_diag(&w.s, root, DIAG_ROOT_TYPE, NULL, NULL);
		goto done;
	}
	schema_map(&w.s, root, N_("topic"), content_topic_keys, TK_MAX, vals, 0);
	/* The id comes first: every context is built from it. */
	schema_missing(&w.s, root, N_("topic"), required, vals, TK_MAX);
	if (vals[TK_ID] != NULL &&
	    (t->id = schema_id(&w.s, "id", vals[TK_ID])) != NULL) {
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
		have_last = schema_date(&w.s, "last_reviewed", vals[TK_LAST],
		    &t->reviewed) == 0;
	if (vals[TK_NEXT] != NULL)
		have_next = schema_date(&w.s, "next_review", vals[TK_NEXT],
		    &t->next_review) == 0;
	if (have_last && have_next)
		content_review_dates(&w, vals[TK_NEXT]);
	if (vals[TK_REVIEWER] != NULL)
		content_tstr(&w, "reviewed_by", vals[TK_REVIEWER], w.tctx,
		    TEXT_FLOW, &t->reviewed_by);
	if (vals[TK_NOTE] != NULL)
		t->note = schema_text(&w.s, "translator_note", vals[TK_NOTE],
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
		schema_diag(&w.s, root, DIAG_NO_REVIEWER, NULL, NULL);
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
	w.s.file = path;
	w.s.diags = &local;
	if (ytree_load_file(path, &ytree_default_limits, &tree, &local) == -1) {
		if (local.n == 1 && local.items[0].code == DIAG_EMPTY_FILE) {
			diag_free(&local);
			return;
		}
		goto done;
	}
	root = ytree_root(tree);
	if (schema_is_null(root))
		goto done;
	if (root->kind != YTREE_MAP) {
		schema_diag(&w.s, root, DIAG_ROOT_TYPE, NULL, NULL);
		goto done;
	}
	schema_map(&w.s, root, N_("library.yaml"), content_settings_keys,
	    LS_MAX, vals, 0);

	/*
	 * The number is shown on every emergency card, so it may hold
	 * nothing but what a phone number needs.
	 */
	if ((v = vals[LS_EMERGENCY]) != NULL &&
	    (s = schema_text(&w.s, "emergency_number", v, TEXT_FLOW)) != NULL) {
		if (!doc_phone_valid(s)) {
			schema_diag(&w.s, v, DIAG_BAD_SETTING,
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
	if ((v = vals[LS_GRADE]) != NULL &&
	    schema_number(&w.s, "reading_grade_limit", v, 1, 20,
	    N_("a whole number from 1 to 20"), &grade) == 0)
		lib->settings.grade_limit = (int)grade;

	/* Only ids of loaded topics, each once, are kept for sorting. */
	if ((v = vals[LS_ORDER]) != NULL &&
	    schema_want_seq(&w.s, "order", v, 1) == 0 && v->kind == YTREE_SEQ) {
		order = xcalloc(v->nkids, sizeof(*order));
		for (i = 0; i < v->nkids; i++) {
			it = v->kids[i];
			if (it->kind != YTREE_SCALAR) {
				schema_diag(&w.s, it, DIAG_WRONG_ITEM_TYPE,
				    "order", schema_w_text);
				continue;
			}
			if ((id = schema_id(&w.s, "order", it)) == NULL)
				continue;
			if (content_set_find(&seen, id, strlen(id)) != -1)
				schema_diag(&w.s, it, DIAG_DUP_ID, id, NULL);
			else if (doc_topic_index(lib, id) < 0)
				schema_diag(&w.s, it, DIAG_DANGLING_TOPIC, id,
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

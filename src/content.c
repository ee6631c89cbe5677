/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Topics from YAML: the schema of a topic file, and the walk from a
 * parsed tree into the model with a diagnostic for every problem found
 * (the walk goes on after one).  Every string shown to a patient is
 * normalised by text_sanitize here.  Putting topics together into a
 * library is library.c's work.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "idset.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

/* The longest a topic may go between reviews before --check warns. */
#define CONTENT_REVIEW_YEARS	3

/* State of one walk over a topic file. */
struct cwalk {
	struct schema		 s;
	int			 head;		/* making a stub */
	uint32_t		 domain;	/* of the topic's pack */
	struct topic		*t;
	const char		*tctx;		/* topic id for contexts */
	unsigned char		*cited;		/* per reference */
	struct idset	 sections;	/* section ids */
	struct idset	 blocks;	/* block ids */
	struct idset	 refs;		/* reference id -> index */
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

enum { LK_TOPIC, LK_SECTION, LK_BLOCK, LK_TEXT, LK_MAX };
static const char *const content_link_keys[LK_MAX] = {
	"topic", "section", "block", "text"
};

enum { RK_ID, RK_AUTHORS, RK_YEAR, RK_TITLE, RK_SOURCE, RK_URL, RK_NOTE,
    RK_MAX };
static const char *const content_ref_keys[RK_MAX] = {
	"id", "authors", "year", "title", "source", "url", "note"
};

static void	 content_beside(struct cwalk *, const char *);
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
static struct topic *content_walk(const char *, const struct ytree_node *,
		    const struct pack *, int, struct diag_list *);
static void	 content_cite(struct cwalk *, const struct ytree_node *,
		    struct block *);

/*
 * Walks a block type's own mapping (block, such as "figure") knowing
 * which keys belong beside it; NULL when it is done.
 */
static void
content_beside(struct cwalk *w, const char *block)
{
	static const char *const beside[] = {
		"id", "translator_note", "refs", NULL
	};

	w->s.block = block;
	w->s.beside = block != NULL ? beside : NULL;
}

/*
 * An optional key given nothing ("", ~ or []) is as if it were left
 * out; only a needed key must hold something.
 */
static void
content_opt(const struct ytree_node **vals, const int *which, size_t n)
{
	const struct ytree_node	*v;
	size_t			 i;

	for (i = 0; i < n; i++) {
		v = vals[which[i]];
		if (v != NULL && (schema_is_null(v) ||
		    (v->kind == YTREE_SCALAR && v->len == 0) ||
		    (v->kind == YTREE_SEQ && v->nkids == 0)))
			vals[which[i]] = NULL;
	}
}

/* A translatable string under ctxt, positioned at its scalar. */
static int
content_tstr(struct cwalk *w, const char *key, const struct ytree_node *v,
    const char *ctxt, int flags, struct tstr *out)
{
	if (schema_tstr(&w->s, key, v, ctxt, flags, w->domain, out) == -1)
		return (-1);
	/* Drawings show stars as they are; words may have emphasis. */
	if (flags == TEXT_FLOW)
		schema_star(&w->s, key, v, tstr_msgid(out));
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

/* Folded for comparing, without end marks: "Good to know:" is "good to know". */
static char *
content_fold_label(const char *s, size_t len)
{
	while (len > 0 && strchr(" .:!", s[len - 1]) != NULL)
		len--;
	return (text_fold(s, len, NULL, NULL));
}

/*
 * A card shows its level's label above its title: a title that says the
 * label again ("Good to know", or "Urgent") shows it twice.
 */
static void
content_care_title(struct cwalk *w, const struct ytree_node *v,
    const struct block *b)
{
	const char	*label = doc_care_label(b->level), *colon;
	const char	*title = tstr_msgid(&b->text);
	char		*ft, *fl, *fh;

	colon = strchr(label, ':');
	ft = content_fold_label(title, strlen(title));
	fl = content_fold_label(label, strlen(label));
	fh = content_fold_label(label, colon != NULL ?
	    (size_t)(colon - label) : strlen(label));
	if (strcmp(ft, fl) == 0 || strcmp(ft, fh) == 0)
		schema_diag(&w->s, v, DIAG_CARE_TITLE, label, NULL);
	free(ft);
	free(fl);
	free(fh);
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
	content_beside(w, "care");
	schema_map(&w->s, v, N_("care card"), content_care_keys, CK_MAX, vals, 0);
	content_opt(vals, (const int []){ CK_TEXT, CK_ITEMS }, 2);
	content_beside(w, NULL);
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
	if (vals[CK_TITLE] != NULL &&
	    content_tstr(w, "title", vals[CK_TITLE], ctxt, TEXT_FLOW,
	    &b->text) == 0)
		content_care_title(w, vals[CK_TITLE], b);
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
	content_beside(w, "evidence");
	schema_map(&w->s, v, N_("evidence"), content_evidence_keys, EK_MAX, vals,
	    0);
	content_beside(w, NULL);
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
		if ((found = idset_find(&w->refs, it->str,
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
	content_beside(w, "figure");
	schema_map(&w->s, v, N_("figure"), content_figure_keys, FK_MAX, vals, 0);
	content_opt(vals, (const int []){ FK_ASCII, FK_CAPTION }, 2);
	content_beside(w, NULL);
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
	static const char *const required[LK_MAX] = {
		"topic", NULL, NULL, NULL
	};
	const struct ytree_node	*vals[LK_MAX];

	/* The target is checked once every topic is loaded. */
	if (schema_want_map(&w->s, "see_also", v) == -1)
		return;
	content_beside(w, "see_also");
	schema_map(&w->s, v, N_("see_also"), content_link_keys, LK_MAX, vals, 0);
	content_opt(vals, (const int []){ LK_SECTION, LK_BLOCK, LK_TEXT }, 3);
	content_beside(w, NULL);
	schema_missing(&w->s, v, N_("see_also"), required, vals, LK_MAX);
	if (vals[LK_TOPIC] != NULL)
		b->link_topic = schema_id(&w->s, "topic", vals[LK_TOPIC]);
	if (vals[LK_SECTION] != NULL)
		b->link_section = schema_id(&w->s, "section", vals[LK_SECTION]);
	if (vals[LK_BLOCK] != NULL)
		b->link_block = schema_id(&w->s, "block", vals[LK_BLOCK]);
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
	content_opt(vals, (const int []){ BK_ID, BK_NOTE, BK_REFS }, 3);
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
	    idset_add(&w->blocks, b->id, 0) == -1)
		schema_diag(&w->s, vals[BK_ID], DIAG_DUP_ID, b->id, NULL);
	if (vals[BK_NOTE] != NULL)
		b->note = schema_text(&w->s, "translator_note", vals[BK_NOTE],
		    TEXT_FLOW);
	/* A stub's block that kept only its id, for links to it. */
	if (w->head && ntypes == 0)
		b->kind = BLOCK_KIND_MAX;
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
	size_t			 i, nb;

	s->line = n->line;
	s->col = n->col;
	schema_map(&w->s, n, N_("section"), content_section_keys, SK_MAX, vals,
	    0);
	content_opt(vals, (const int []){ SK_NOTE }, 1);
	schema_missing(&w->s, n, N_("section"), required, vals, SK_MAX);
	if (vals[SK_ID] != NULL &&
	    (s->id = schema_id(&w->s, "id", vals[SK_ID])) != NULL &&
	    idset_add(&w->sections, s->id, 0) == -1)
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
		/* A stub keeps only the subheadings, where they were. */
		for (i = 0, nb = 0; i < bl->nkids; i++)
			if (!w->head || bl->kids[i]->nkids > 0)
				nb++;
		s->blocks = xcalloc(nb, sizeof(*s->blocks));
		for (i = 0; i < bl->nkids; i++) {
			if (bl->kids[i]->kind != YTREE_MAP) {
				schema_diag(&w->s, bl->kids[i],
				    DIAG_WRONG_ITEM_TYPE, "blocks", schema_w_map);
				continue;
			}
			if (w->head && bl->kids[i]->nkids == 0)
				continue;
			s->blocks[s->nblocks].at = w->head ? i : s->nblocks;
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
		content_opt(vals, (const int []){ RK_YEAR, RK_URL, RK_NOTE },
		    3);
		schema_missing(&w->s, n, N_("reference"), required, vals, RK_MAX);
		if (vals[RK_ID] != NULL &&
		    (r->id = schema_id(&w->s, "id", vals[RK_ID])) != NULL &&
		    idset_add(&w->refs, r->id, t->nrefs - 1) == -1) {
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
	struct idset	 seen;
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
				first = idset_find(&seen, folded[n],
				    strlen(folded[n]));
				if (first == -1)
					idset_add(&seen, folded[n], n);
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
	idset_free(&seen);
}

/*
 * The walk over a whole topic.  Problems go to a list of this file's own,
 * sorted by position before they are handed over, since the checks do not
 * run in file order (missing keys come after the keys that are there, and
 * unused references at the end).
 */
struct topic *
content_topic_from_tree(const char *file, const struct ytree_node *root,
    const struct pack *pack, struct diag_list *diags)
{
	return (content_walk(file, root, pack, 0, diags));
}

struct topic *
content_topic_head(const char *file, const struct ytree_node *root,
    const struct pack *pack)
{
	return (content_walk(file, root, pack, 1, NULL));
}

/*
 * The walk over a whole topic, or over its head (content_head_pack) to
 * make a stub: then nothing is said, since the head lacks what a topic
 * needs and the whole was checked when it was indexed.
 */
static struct topic *
content_walk(const char *file, const struct ytree_node *root,
    const struct pack *pack, int head, struct diag_list *diags)
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
	w.s.diags = head ? NULL : &local;
	w.head = head;
	w.tctx = "";
	w.domain = pack != NULL ? pack->domain_id : 0;
	t = w.t = xcalloc(1, sizeof(*t));
	t->file = xstrdup(file);
	t->pack = pack;
	t->stub = head;

	/* A file holding only "---" is empty, not a scalar topic. */
	if (root->kind != YTREE_MAP) {
		if (root->kind == YTREE_SCALAR && schema_is_null(root))
			diag_add(&local, file, 0, 0, DIAG_EMPTY_FILE, NULL,
			    NULL);
		else
			schema_diag(&w.s, root, DIAG_ROOT_TYPE, NULL, NULL);
		if (head) {
			doc_topic_free(t);
			t = NULL;
		}
		goto done;
	}
	schema_map(&w.s, root, N_("topic"), content_topic_keys, TK_MAX, vals, 0);
	content_opt(vals, (const int []){ TK_REVIEWER, TK_REFS, TK_NOTE }, 3);
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
	/* A pack may name who checked all of its topics. */
	if (t->reviewed_by.key == NULL && pack != NULL &&
	    pack->reviewed_by.key != NULL) {
		doc_tstr_set(&t->reviewed_by, "pack", tstr_msgid(
		    &pack->reviewed_by), pack->reviewed_by.line,
		    pack->reviewed_by.col);
		t->reviewed_by.domain = pack->reviewed_by.domain;
	}
	/* Worth saying only of a topic that is otherwise ready. */
	if (local.nerrors == 0 && t->reviewed_by.key == NULL)
		schema_diag(&w.s, root, DIAG_NO_REVIEWER, NULL, NULL);
done:
	if (local.nerrors > 0) {
		doc_topic_free(t);
		t = NULL;
	}
	free(w.cited);
	idset_free(&w.sections);
	idset_free(&w.blocks);
	idset_free(&w.refs);
	diag_sort(&local);
	diag_move(diags, &local);
	return (t);
}

struct topic *
content_load_file(const char *path, const struct pack *pack,
    struct diag_list *diags)
{
	struct ytree	*tree;
	struct topic	*t;

	if (ytree_load_file(path, &ytree_default_limits, &tree, diags) == -1)
		return (NULL);
	t = content_topic_from_tree(path, ytree_root(tree), pack, diags);
	ytree_free(tree);
	return (t);
}

/*
 * The head of a topic's tree: a copy that keeps the id, title and
 * summary; of each section its id and heading; of each block only a
 * subheading (with its id) or the id of another block, every other
 * block an empty mapping so that blocks keep their places; and of the
 * references one empty mapping if there are any.  The nodes are made
 * here and freed once packed.
 */
struct content_prune {
	struct ytree_node	**nodes;
	size_t			  n;
	size_t			  cap;
};

static struct ytree_node *
content_prune_node(struct content_prune *p, const struct ytree_node *like,
    size_t nkids)
{
	struct ytree_node	*n = xcalloc(1, sizeof(*n));

	*n = *like;
	n->kids = nkids > 0 ? xcalloc(nkids, sizeof(*n->kids)) : NULL;
	n->nkids = 0;
	xgrow(&p->nodes, &p->cap, p->n + 1, sizeof(*p->nodes));
	p->nodes[p->n++] = n;
	return (n);
}

/* The pairs of map whose keys are in keys, with their values as made. */
static struct ytree_node *
content_prune_map(struct content_prune *p, const struct ytree_node *map,
    const char *const *keys, struct ytree_node *(*val)(struct content_prune *,
    const char *, const struct ytree_node *))
{
	struct ytree_node	*n;
	const struct ytree_node	*k;
	size_t			 i, j;

	if (map->kind != YTREE_MAP)
		return ((struct ytree_node *)map);
	n = content_prune_node(p, map, map->nkids);
	for (i = 0; i + 1 < map->nkids; i += 2) {
		k = map->kids[i];
		if (k->kind != YTREE_SCALAR)
			continue;
		for (j = 0; keys[j] != NULL; j++)
			if (strcmp(k->str, keys[j]) == 0)
				break;
		if (keys[j] == NULL)
			continue;
		n->kids[n->nkids++] = (struct ytree_node *)k;
		n->kids[n->nkids++] = val != NULL ? val(p, keys[j],
		    map->kids[i + 1]) : map->kids[i + 1];
	}
	return (n);
}

static struct ytree_node *
content_prune_block(struct content_prune *p, const struct ytree_node *b)
{
	static const char *const keys[] = { "subheading", "id", NULL };
	struct ytree_node	*n;
	size_t			 i;
	int			 sub = 0, id = 0;

	/* Other blocks keep their id only, since links may name it. */
	if (b->kind == YTREE_MAP)
		for (i = 0; i + 1 < b->nkids; i += 2) {
			if (b->kids[i]->kind != YTREE_SCALAR)
				continue;
			if (strcmp(b->kids[i]->str, "subheading") == 0)
				sub = 1;
			else if (strcmp(b->kids[i]->str, "id") == 0)
				id = 1;
		}
	if (sub || id)
		return (content_prune_map(p, b, sub ? keys : keys + 1, NULL));
	n = content_prune_node(p, b, 0);
	n->kind = YTREE_MAP;
	return (n);
}

static struct ytree_node *
content_prune_value(struct content_prune *p, const char *key,
    const struct ytree_node *v)
{
	static const char *const section_keys[] = {
		"id", "heading", "blocks", NULL
	};
	struct ytree_node	*n, *e;
	size_t			 i;

	if (v->kind != YTREE_SEQ)
		return ((struct ytree_node *)v);
	n = content_prune_node(p, v, v->nkids);
	for (i = 0; i < v->nkids; i++) {
		/* Of the references, only whether there are any. */
		if (strcmp(key, "references") == 0 && i > 0)
			break;
		if (strcmp(key, "sections") == 0)
			e = content_prune_map(p, v->kids[i], section_keys,
			    content_prune_value);
		else if (strcmp(key, "blocks") == 0)
			e = content_prune_block(p, v->kids[i]);
		else {
			e = content_prune_node(p, v->kids[i], 0);
			e->kind = YTREE_MAP;
		}
		n->kids[n->nkids++] = e;
	}
	return (n);
}

void
content_head_pack(const struct ytree_node *root, char **buf, size_t *len,
    size_t *cap)
{
	static const char *const topic_keys[] = {
		"id", "title", "summary", "sections", "references", NULL
	};
	struct content_prune	 p;
	struct ytree_node	*head;
	size_t			 i;

	memset(&p, 0, sizeof(p));
	head = content_prune_map(&p, root, topic_keys, content_prune_value);
	ytree_pack_node(head, buf, len, cap);
	for (i = 0; i < p.n; i++) {
		free(p.nodes[i]->kids);
		free(p.nodes[i]);
	}
	free(p.nodes);
}

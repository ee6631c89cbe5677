/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Layout: turns the library, a topic's contents or a whole topic into
 * lines of styled, width-checked text.  Everything shown goes through
 * here, so the pager, --dump and the tests see the same lines.  Each line
 * remembers which source text it shows and where in it, so a relayout at
 * another width (or in another language) can find the same place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "xalloc.h"

/* Decorations, as UTF-8 and as ASCII. */
struct layout_glyphs {
	const char	*bullet;	/* list item */
	const char	*rule;		/* heading underline, one column */
	const char	*tl, *tr, *bl, *br, *h, *v;	/* card frame */
	const char	*bar;		/* evidence left bar */
	const char	*arrow;		/* see-also */
	const char	*sep;		/* topic › section */
};

static const struct layout_glyphs layout_utf8 = {
	"\xe2\x80\xa2", "\xe2\x94\x80",
	"\xe2\x94\x8c", "\xe2\x94\x90", "\xe2\x94\x94", "\xe2\x94\x98",
	"\xe2\x94\x80", "\xe2\x94\x82",
	"\xe2\x94\x83", "\xe2\x86\x92", " \xe2\x80\xba "
};

static const struct layout_glyphs layout_ascii = {
	"*", "-", "+", "+", "+", "+", "-", "|", "|", "->", " > "
};

/* A framed paragraph: prefixes on the left, optional border on the right. */
struct layout_frame {
	const char		*first;		/* prefix of the first line */
	const char		*rest;		/* prefix of the other lines */
	enum layout_style	 pstyle;
	const char		*right;		/* right border, or NULL */
	enum layout_style	 rstyle;
	int			 emph;		/* honour *emphasis* */
	int			 url;		/* a web address: break after '/' */
};

static const struct layout_glyphs *layout_glyphs(const struct layout *);
static void	 layout_begin_line(struct layout *);
static void	 layout_add(struct layout *, const char *, size_t,
		    enum layout_style);
static void	 layout_pad(struct layout *, int, enum layout_style);
static void	 layout_end_line(struct layout *, uint32_t);
static char	*layout_show(const struct layout *, const char *);
static void	 layout_framed(struct layout *, const char *,
		    enum layout_style, const struct layout_frame *);
static void	 layout_rule(struct layout *, int, const char *,
		    const char *, const char *, enum layout_style);
static void	 layout_heading(struct layout *, const char *, size_t);
static void	 layout_block(struct layout *, const struct block *);
static void	 layout_care(struct layout *, const struct block *);
static void	 layout_evidence(struct layout *, const struct block *);
static void	 layout_figure(struct layout *, const struct block *);
static void	 layout_see_also(struct layout *, const struct block *);
static void	 layout_items(struct layout *, const struct block *, int);
static void	 layout_sources(struct layout *, const struct block *,
		    const struct layout_frame *);
static void	 layout_references(struct layout *, const struct topic *);
static void	 layout_add_section(struct layout *, const char *);
static int	 layout_link_begin(struct layout *, enum layout_link_kind,
		    long, long);
static void	 layout_link_end(struct layout *);

struct layout *
layout_new(const struct layout_opts *opts)
{
	struct layout	*l;

	l = xcalloc(1, sizeof(*l));
	l->opts = opts;
	l->lang = opts->lang != NULL ? opts->lang : i18n_lang_default();
	/* The program's own words too are in the language laid out. */
	i18n_use(l->lang);
	l->width = opts->width < 1 ? 1 : opts->width;
	l->cur_section = LAYOUT_NONE;
	l->cur_link = -1;
	return (l);
}

void
layout_free(struct layout *l)
{
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nsections; i++)
		free(l->section_title[i]);
	free(l->section_title);
	free(l->section_line);
	free(l->buf);
	free(l->lines);
	free(l->spans);
	free(l->links);
	free(l->block_id);
	free(l->block_line);
	free(l->sources);
	free(l->srcbuf);
	free(l);
}

static const struct layout_glyphs *
layout_glyphs(const struct layout *l)
{
	return (l->opts->ascii ? &layout_ascii : &layout_utf8);
}

/* Text as it will be shown: transliterated when the terminal is ASCII. */
static char *
layout_show(const struct layout *l, const char *s)
{
	if (l->opts->ascii)
		return (text_to_ascii_as(s, strlen(s),
		    i18n_ascii_flags(l->lang)));
	return (xstrdup(s));
}

/* Starts a new anchor serial for a source text. */
static void
layout_new_source(struct layout *l, const char *s, size_t len)
{
	struct layout_source	*src;

	if (l->nsources == 0) {
		xgrow(&l->sources, &l->sourcescap, 1, sizeof(*l->sources));
		memset(&l->sources[0], 0, sizeof(l->sources[0]));
		l->nsources = 1;
	}
	l->serial = l->nsources;
	xgrow(&l->sources, &l->sourcescap, l->nsources + 1,
	    sizeof(*l->sources));
	xgrow(&l->srcbuf, &l->srccap, l->srclen + len + 1, 1);
	memcpy(l->srcbuf + l->srclen, s, len);
	src = &l->sources[l->nsources++];
	src->off = l->srclen;
	src->len = len;
	src->section = l->cur_section;
	l->srclen += len;
	l->srcbuf[l->srclen] = '\0';
}

static void
layout_begin_line(struct layout *l)
{
	struct layout_line	*ln;

	xgrow(&l->lines, &l->linescap, l->nlines + 1, sizeof(*l->lines));
	ln = &l->lines[l->nlines];
	memset(ln, 0, sizeof(*ln));
	ln->text = l->buflen;
	ln->span = l->nspans;
	ln->section = l->cur_section;
	ln->anchor = l->serial;
	ln->link = l->cur_link;
}

static void
layout_add(struct layout *l, const char *s, size_t n, enum layout_style st)
{
	struct layout_line	*ln = &l->lines[l->nlines];
	struct layout_span	*sp;

	if (n == 0)
		return;
	xgrow(&l->buf, &l->bufcap, l->buflen + n + 1, 1);
	memcpy(l->buf + l->buflen, s, n);
	sp = ln->nspans > 0 ? &l->spans[l->nspans - 1] : NULL;
	if (sp != NULL && sp->style == st &&
	    sp->off + sp->len == l->buflen - ln->text)
		sp->len += n;
	else {
		xgrow(&l->spans, &l->spanscap, l->nspans + 1,
		    sizeof(*l->spans));
		sp = &l->spans[l->nspans++];
		sp->off = l->buflen - ln->text;
		sp->len = n;
		sp->style = st;
		ln->nspans++;
	}
	l->buflen += n;
	l->buf[l->buflen] = '\0';
	ln->width += text_width(s, n);
}

static void
layout_pad(struct layout *l, int cols, enum layout_style st)
{
	static const char	spaces[] = "                                ";

	while (cols > 0) {
		int	n = cols < 32 ? cols : 32;

		layout_add(l, spaces, n, st);
		cols -= n;
	}
}

static void
layout_end_line(struct layout *l, uint32_t offset)
{
	struct layout_line	*ln = &l->lines[l->nlines];
	struct layout_span	*sp;

	/* Trailing blanks carry nothing; drop them unless styled. */
	while (ln->nspans > 0) {
		sp = &l->spans[l->nspans - 1];
		if (sp->style != LAYOUT_TEXT || sp->len == 0 ||
		    l->buf[ln->text + sp->off + sp->len - 1] != ' ')
			break;
		sp->len--;
		l->buflen--;
		ln->width--;
		if (sp->len == 0) {
			l->nspans--;
			ln->nspans--;
		}
	}
	l->buf[l->buflen] = '\0';
	ln->len = l->buflen - ln->text;
	if (ln->prefix > ln->len)
		ln->prefix = ln->len;
	if (ln->prefix + ln->clen > ln->len)
		ln->clen = ln->len - ln->prefix;
	ln->offset = offset;
	l->nlines++;
}

void
layout_blank(struct layout *l)
{
	/* Never two blank lines in a row, never one at the top. */
	if (l->nlines == 0 || l->lines[l->nlines - 1].len == 0)
		return;
	layout_begin_line(l);
	l->lines[l->nlines].link = -1;
	layout_end_line(l, LAYOUT_NONE);
}

/* Adds wrapped text inside a frame; one new anchor serial per call. */
static void
layout_framed(struct layout *l, const char *text, enum layout_style st,
    const struct layout_frame *f)
{
	struct text_emph	*em = NULL;
	struct text_line	*tl;
	size_t			 nem = 0, nl, i, e, p, q;
	char			*shown, *plain;
	int			 avail, pw;

	shown = layout_show(l, text);
	plain = f->emph ? text_strip_emph(shown, &em, &nem) : shown;
	pw = text_width(f->rest, strlen(f->rest));
	avail = l->width - pw - (f->right != NULL ?
	    text_width(f->right, strlen(f->right)) : 0);
	if (avail < 1)
		avail = 1;
	nl = f->url ? text_wrap_url(plain, strlen(plain), avail, &tl) :
	    text_wrap(plain, strlen(plain), avail, &tl);
	layout_new_source(l, plain, strlen(plain));
	for (i = 0; i < nl; i++) {
		layout_begin_line(l);
		layout_add(l, i == 0 ? f->first : f->rest,
		    strlen(i == 0 ? f->first : f->rest), f->pstyle);
		l->lines[l->nlines].prefix = l->buflen - l->lines[l->nlines].text;
		l->lines[l->nlines].clen = tl[i].end - tl[i].start;
		/* Split the line's bytes at emphasis boundaries. */
		p = tl[i].start;
		for (e = 0; e < nem && p < tl[i].end; e++) {
			if (em[e].end <= p)
				continue;
			if (em[e].start >= tl[i].end)
				break;
			q = em[e].start > p ? em[e].start : p;
			layout_add(l, plain + p, q - p, st);
			p = em[e].end < tl[i].end ? em[e].end : tl[i].end;
			layout_add(l, plain + q, p - q, LAYOUT_EMPH);
		}
		layout_add(l, plain + p, tl[i].end - p, st);
		if (f->right != NULL) {
			layout_pad(l, avail - tl[i].width, f->pstyle);
			layout_add(l, f->right, strlen(f->right), f->rstyle);
		}
		layout_end_line(l, tl[i].start);
	}
	free(tl);
	free(em);
	if (plain != shown)
		free(plain);
	free(shown);
}

void
layout_paragraph(struct layout *l, const char *text, enum layout_style st,
    const char *first, const char *rest, enum layout_style pstyle)
{
	struct layout_frame	f = { first, rest, pstyle, NULL, 0, 0, 0 };

	layout_framed(l, text, st, &f);
}

/* A line of one repeated glyph between two ends, cols wide in all. */
static void
layout_rule(struct layout *l, int cols, const char *left, const char *fill,
    const char *right, enum layout_style st)
{
	int	i, n;

	layout_begin_line(l);
	n = cols;
	if (left != NULL) {
		layout_add(l, left, strlen(left), st);
		n -= text_width(left, strlen(left));
	}
	if (right != NULL)
		n -= text_width(right, strlen(right));
	for (i = 0; i < n; i++)
		layout_add(l, fill, strlen(fill), st);
	if (right != NULL)
		layout_add(l, right, strlen(right), st);
	layout_end_line(l, LAYOUT_NONE);
}

static void
layout_add_section(struct layout *l, const char *title)
{
	xgrow(&l->section_line, &l->sectionscap, l->nsections + 1,
	    sizeof(*l->section_line));
	l->section_title = xreallocarray(l->section_title, l->sectionscap,
	    sizeof(*l->section_title));
	l->section_line[l->nsections] = l->nlines;
	l->section_title[l->nsections] = xstrdup(title);
	l->cur_section = l->nsections++;
}

/* "2. The prostate", underlined. */
static void
layout_heading(struct layout *l, const char *heading, size_t number)
{
	char	*label;
	size_t	 first, i;
	int	 w = 0;

	layout_blank(l);
	layout_add_section(l, heading);
	first = l->nlines;
	label = xasprintf("%zu. ", number);
	layout_paragraph(l, heading, LAYOUT_HEADING, label, "   ",
	    LAYOUT_HEADING);
	free(label);
	l->lines[first].heading = 1;
	for (i = first; i < l->nlines; i++)
		if ((int)l->lines[i].width > w)
			w = l->lines[i].width;
	if (!l->opts->plain)
		layout_rule(l, w, NULL, layout_glyphs(l)->rule, NULL,
		    LAYOUT_HEADING);
	layout_blank(l);
}

static void
layout_items(struct layout *l, const struct block *b, int numbered)
{
	struct layout_frame	 f = { NULL, NULL, LAYOUT_MARKER, NULL, 0, 1, 0 };
	char			 first[32], rest[32];
	size_t			 i;
	int			 w;

	w = numbered ? snprintf(NULL, 0, "%zu", b->nitems) : 1;
	for (i = 0; i < b->nitems; i++) {
		if (numbered)
			snprintf(first, sizeof(first), "  %*zu. ", w, i + 1);
		else
			snprintf(first, sizeof(first), "  %s ",
			    layout_glyphs(l)->bullet);
		snprintf(rest, sizeof(rest), "%*s", numbered ? w + 4 : 4, "");
		f.first = first;
		f.rest = rest;
		layout_framed(l, i18n_content(l->lang, &b->items[i]), LAYOUT_TEXT, &f);
	}
	/* Under the bullets, not under the last item's words. */
	f.first = f.rest = "  ";
	layout_sources(l, b, &f);
}

static const char *
layout_care_label(enum care_level level)
{
	return (_(doc_care_label(level)));
}

/* A care card in a box, its level written in words on the first line. */
static void
layout_care(struct layout *l, const struct block *b)
{
	const struct layout_glyphs	*g = layout_glyphs(l);
	enum layout_style		 st = LAYOUT_EMERGENCY + b->level;
	struct layout_frame		 f;
	char				*s, bfirst[32], brest[32];
	size_t				 i;
	int				 boxed = l->width >= 16 &&
					    !l->opts->plain;
	const char			*edge;

	/* The left edge of the box, or nothing when there is no room. */
	edge = boxed ? (l->opts->ascii ? "| " : "\xe2\x94\x82 ") : "";
	memset(&f, 0, sizeof(f));
	f.first = f.rest = edge;
	f.right = boxed ? (l->opts->ascii ? " |" : " \xe2\x94\x82") : NULL;
	f.pstyle = f.rstyle = st;
	f.emph = 0;
	if (boxed)
		layout_rule(l, l->width, g->tl, g->h, g->tr, st);
	layout_framed(l, layout_care_label(b->level), st, &f);
	layout_framed(l, i18n_content(l->lang, &b->text), LAYOUT_SUBHEADING, &f);
	if (b->level == CARE_EMERGENCY && l->opts->emergency_number != NULL) {
		/* TRANSLATORS: %s is a phone number such as 112. */
		s = xasprintf(_("Emergency number: %s"),
		    l->opts->emergency_number);
		layout_framed(l, s, LAYOUT_SUBHEADING, &f);
		free(s);
	}
	f.emph = 1;
	if (b->body.key != NULL)
		layout_framed(l, i18n_content(l->lang, &b->body), LAYOUT_TEXT, &f);
	snprintf(bfirst, sizeof(bfirst), "%s%s ", f.first, g->bullet);
	snprintf(brest, sizeof(brest), "%s  ", f.first);
	f.first = bfirst;
	f.rest = brest;
	for (i = 0; i < b->nitems; i++)
		layout_framed(l, i18n_content(l->lang, &b->items[i]), LAYOUT_TEXT, &f);
	f.first = f.rest = edge;
	layout_sources(l, b, &f);
	if (boxed)
		layout_rule(l, l->width, g->bl, g->h, g->br, st);
}

static const char *
layout_grade_label(enum grade g)
{
	switch (g) {
	case GRADE_HIGH:
		/* TRANSLATORS: how sure the research is (GRADE). */
		return (_("High certainty"));
	case GRADE_MODERATE:
		return (_("Moderate certainty"));
	case GRADE_LOW:
		return (_("Low certainty"));
	case GRADE_VERY_LOW:
		return (_("Very low certainty"));
	default:
		return (_("No evidence found"));
	}
}

static void
layout_evidence(struct layout *l, const struct block *b)
{
	struct layout_frame	 f;
	char			 bar[16], *s;

	/* A bar is decoration: words alone for screen readers. */
	snprintf(bar, sizeof(bar), "%s ", l->opts->plain ? "" :
	    layout_glyphs(l)->bar);
	memset(&f, 0, sizeof(f));
	f.first = f.rest = l->opts->plain ? "" : bar;
	f.pstyle = LAYOUT_EVIDENCE;
	f.right = NULL;
	f.rstyle = LAYOUT_EVIDENCE;
	f.emph = 0;
	layout_framed(l, i18n_content(l->lang, &b->text), LAYOUT_EVIDENCE, &f);
	/* TRANSLATORS: %s is a certainty such as "Moderate certainty". */
	s = xasprintf(_("How sure: %s"), layout_grade_label(b->grade));
	layout_framed(l, s, LAYOUT_GRADE, &f);
	free(s);
	f.emph = 1;
	layout_framed(l, i18n_content(l->lang, &b->body), LAYOUT_TEXT, &f);
	layout_sources(l, b, &f);
}

/* "Sources: [1], [3]" for a block that names its references. */
static void
layout_sources(struct layout *l, const struct block *b,
    const struct layout_frame *frame)
{
	struct layout_frame	 f = *frame;
	char			*refs = NULL, *s;
	size_t			 i;

	if (b->nrefs == 0)
		return;
	for (i = 0; i < b->nrefs; i++) {
		/* TRANSLATORS: between numbers in a list: "[1], [3]". */
		s = xasprintf("%s%s[%zu]", refs != NULL ? refs : "",
		    refs != NULL ? C_("list", ", ") : "", b->refs[i] + 1);
		free(refs);
		refs = s;
	}
	/* TRANSLATORS: %s is a list of source numbers such as "[1], [3]". */
	s = xasprintf(_("Sources: %s"), refs);
	f.emph = 0;
	layout_framed(l, s, LAYOUT_META, &f);
	free(s);
	free(refs);
}

int
layout_art_width(const char *art)
{
	const char	*p = art, *nl;
	int		 w, max = 0;

	for (;;) {
		nl = strchr(p, '\n');
		w = text_width(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (w > max)
			max = w;
		if (nl == NULL)
			return (max);
		p = nl + 1;
	}
}

static void
layout_figure(struct layout *l, const struct block *b)
{
	const struct tstr	*art = l->opts->ascii ? &b->art_ascii : &b->art;
	const char		*p, *nl, *s;
	char			*pic;
	uint32_t		 off;

	s = art->key != NULL ? i18n_content(l->lang, art) : NULL;
	if (s != NULL && !l->opts->plain &&
	    layout_art_width(s) + LAYOUT_FIGURE_INDENT <= l->width) {
		layout_new_source(l, s, strlen(s));
		for (p = s;; p = nl + 1) {
			nl = strchr(p, '\n');
			off = p - s;
			layout_begin_line(l);
			layout_pad(l, LAYOUT_FIGURE_INDENT, LAYOUT_TEXT);
			l->lines[l->nlines].prefix = LAYOUT_FIGURE_INDENT;
			l->lines[l->nlines].clen = nl != NULL ?
			    (size_t)(nl - p) : strlen(p);
			layout_add(l, p, l->lines[l->nlines].clen,
			    LAYOUT_FIGURE);
			layout_end_line(l, off);
			if (nl == NULL)
				break;
		}
	} else {
		/* TRANSLATORS: %s describes a drawing that is not shown. */
		pic = xasprintf(_("Picture: %s"), i18n_content(l->lang, &b->alt));
		layout_paragraph(l, pic, LAYOUT_TEXT, "  ", "  ", LAYOUT_TEXT);
		free(pic);
	}
	if (b->text.key != NULL)
		layout_paragraph(l, i18n_content(l->lang, &b->text), LAYOUT_CAPTION,
		    "  ", "  ", LAYOUT_TEXT);
}

static int
layout_link_begin(struct layout *l, enum layout_link_kind kind, long topic,
    long section)
{
	struct layout_link	*k;

	xgrow(&l->links, &l->linkscap, l->nlinks + 1, sizeof(*l->links));
	k = &l->links[l->nlinks];
	k->kind = kind;
	k->topic = topic;
	k->section = section;
	k->block = NULL;
	k->first = l->nlines;
	k->last = l->nlines;
	l->cur_link = l->nlinks++;
	return (l->cur_link);
}

static void
layout_link_end(struct layout *l)
{
	struct layout_link	*k = &l->links[l->cur_link];

	k->last = l->nlines > k->first ? l->nlines - 1 : k->first;
	l->cur_link = -1;
}

/*
 * A link to another topic, or to a section or block of one.  A link
 * whose topic is not in the library is shown as text and said to be
 * not available; one whose section or block is gone opens the topic.
 */
static void
layout_see_also(struct layout *l, const struct block *b)
{
	const struct library	*lib = l->opts->lib;
	const struct topic	*t = NULL;
	const struct block	*target = NULL;
	long			 ti = -1, si = -1;
	size_t			 bs, bb;
	char			*label, *s, prefix[16];
	const char		*what, *sep;

	if (lib != NULL && !b->link_missing &&
	    (ti = doc_topic_index(lib, b->link_topic)) >= 0) {
		t = lib->topics[ti];
		if (b->link_section != NULL)
			si = doc_find_section(t, b->link_section);
		if (b->link_block != NULL && doc_find_block(t, b->link_block,
		    &bs, &bb) == 0 && (si < 0 || (size_t)si == bs) &&
		    (b->link_section == NULL || si >= 0)) {
			si = (long)bs;
			target = &t->sections[bs].blocks[bb];
		}
	}
	sep = l->opts->ascii ? " > " : " \xe2\x80\xba ";
	if (b->text.key != NULL)
		what = i18n_content(l->lang, &b->text);
	else if (t == NULL)
		what = b->link_topic;
	else
		what = NULL;
	if (what != NULL)
		label = xstrdup(what);
	else if (si >= 0 && target != NULL &&
	    target->kind == BLOCK_SUBHEADING)
		label = xasprintf("%s%s%s%s%s", i18n_content(l->lang,
		    &t->title), sep, i18n_content(l->lang,
		    &t->sections[si].heading), sep,
		    i18n_content(l->lang, &target->text));
	else if (si >= 0)
		label = xasprintf("%s%s%s", i18n_content(l->lang, &t->title),
		    sep, i18n_content(l->lang, &t->sections[si].heading));
	else
		label = xstrdup(i18n_content(l->lang, &t->title));
	snprintf(prefix, sizeof(prefix), "%s ", l->opts->plain ? "" :
	    layout_glyphs(l)->arrow);
	if (t != NULL) {
		layout_link_begin(l, LAYOUT_LINK_TOPIC, ti, si);
		if (target != NULL)
			l->links[l->cur_link].block = b->link_block;
		/* TRANSLATORS: %s names a topic or section to go to. */
		s = xasprintf(_("See also: %s"), label);
		layout_paragraph(l, s, LAYOUT_LINK, prefix, "   ",
		    LAYOUT_LINK);
		layout_link_end(l);
	} else {
		/*
		 * TRANSLATORS: a link whose topic is not in this library;
		 * %s names it.
		 */
		s = xasprintf(_("See also: %s (not available here)"), label);
		layout_paragraph(l, s, LAYOUT_TEXT, "  ", "   ",
		    LAYOUT_TEXT);
	}
	free(s);
	free(label);
}

static void
layout_block(struct layout *l, const struct block *b)
{
	struct layout_frame	 f = { "", "", LAYOUT_TEXT, NULL, 0, 1, 0 };

	layout_blank(l);
	/* Where links to the block go. */
	if (b->id != NULL) {
		xgrow(&l->block_id, &l->blockscap, l->nblocks + 1,
		    sizeof(*l->block_id));
		l->block_line = xreallocarray(l->block_line, l->blockscap,
		    sizeof(*l->block_line));
		l->block_id[l->nblocks] = b->id;
		l->block_line[l->nblocks++] = (uint32_t)l->nlines;
	}
	switch (b->kind) {
	case BLOCK_PARAGRAPH:
		layout_framed(l, i18n_content(l->lang, &b->text), LAYOUT_TEXT, &f);
		layout_sources(l, b, &f);
		break;
	case BLOCK_SUBHEADING:
		layout_paragraph(l, i18n_content(l->lang, &b->text), LAYOUT_SUBHEADING,
		    "", "", LAYOUT_SUBHEADING);
		break;
	case BLOCK_LIST:
		layout_items(l, b, 0);
		break;
	case BLOCK_STEPS:
		layout_items(l, b, 1);
		break;
	case BLOCK_CARE:
		layout_care(l, b);
		break;
	case BLOCK_EVIDENCE:
		layout_evidence(l, b);
		break;
	case BLOCK_FIGURE:
		layout_figure(l, b);
		break;
	case BLOCK_SEE_ALSO:
		layout_see_also(l, b);
		break;
	default:
		break;
	}
}

/* Ends a citation part with ". " unless it ends in punctuation already. */
static void
layout_cite_part(char **acc, const char *part, const char *year)
{
	size_t	 n = strlen(part);
	char	*s;
	int	 stop = n > 0 && strchr(".?!", part[n - 1]) != NULL;

	if (year != NULL)
		s = xasprintf("%s%s (%s). ", *acc, part, year);
	else
		s = xasprintf("%s%s%s ", *acc, part, stop ? "" : ".");
	free(*acc);
	*acc = s;
}

/* "Nickel JC, Downey J (1999). Title. Journal." */
static char *
layout_citation(const struct reference *r)
{
	char	*s = xstrdup("");
	size_t	 n;

	layout_cite_part(&s, r->authors, r->year);
	layout_cite_part(&s, r->title, NULL);
	layout_cite_part(&s, r->source, NULL);
	n = strlen(s);
	if (n > 0)
		s[n - 1] = '\0';
	return (s);
}

/* "[1] Nickel JC, Downey J (1999). Title. Journal." and so on. */
static void
layout_references(struct layout *l, const struct topic *t)
{
	const struct reference	*r;
	char			*s, num[32], pad[32];
	size_t			 i;
	int			 w;

	w = snprintf(NULL, 0, "[%zu] ", t->nrefs);
	for (i = 0; i < t->nrefs; i++) {
		r = &t->refs[i];
		snprintf(pad, sizeof(pad), "[%zu]", i + 1);
		snprintf(num, sizeof(num), "%-*s", w, pad);
		snprintf(pad, sizeof(pad), "%*s", w, "");
		s = layout_citation(r);
		layout_blank(l);
		layout_paragraph(l, s, LAYOUT_META, num, pad, LAYOUT_MARKER);
		free(s);
		if (r->url != NULL) {
			struct layout_frame uf = { pad, pad, LAYOUT_META,
			    NULL, 0, 0, 1 };

			layout_framed(l, r->url, LAYOUT_META, &uf);
		}
		if (r->note.key != NULL)
			layout_paragraph(l, i18n_content(l->lang, &r->note),
			    LAYOUT_TEXT, pad, pad, LAYOUT_TEXT);
	}
}

struct layout *
layout_topic(const struct topic *t, const struct layout_opts *opts)
{
	struct layout		*l = layout_new(opts);
	const struct section	*sec;
	char			 d1[16], d2[16], *s;
	size_t			 i, j;
	int			 sources = 0;

	layout_paragraph(l, i18n_content(l->lang, &t->title), LAYOUT_TITLE, "", "",
	    LAYOUT_TITLE);
	layout_paragraph(l, i18n_content(l->lang, &t->summary), LAYOUT_SUMMARY, "", "",
	    LAYOUT_SUMMARY);
	doc_date_format(&t->reviewed, d1);
	doc_date_format(&t->next_review, d2);
	/* TRANSLATORS: dates are written YYYY-MM-DD. */
	s = xasprintf(_("Last reviewed %s. Next review due %s."), d1, d2);
	layout_paragraph(l, s, LAYOUT_META, "", "", LAYOUT_META);
	free(s);
	if (t->reviewed_by.key != NULL) {
		/* TRANSLATORS: %s is a person or a role, e.g. "a urologist". */
		s = xasprintf(_("Checked by %s."),
		    i18n_content(l->lang, &t->reviewed_by));
		layout_paragraph(l, s, LAYOUT_META, "", "", LAYOUT_META);
		free(s);
	}
	layout_blank(l);
	layout_paragraph(l, _("This is general information to help you talk "
	    "with a doctor or nurse. It is not a diagnosis, and it does not "
	    "replace advice from someone who knows your health."),
	    LAYOUT_NOTICE, "", "", LAYOUT_NOTICE);
	if (opts->emergency_number != NULL) {
		/* TRANSLATORS: %s is a phone number such as 112. */
		s = xasprintf(_("In an emergency, call %s."),
		    opts->emergency_number);
	} else
		s = xstrdup(_("In an emergency, call your local emergency "
		    "number."));
	layout_paragraph(l, s, LAYOUT_NOTICE, "", "", LAYOUT_NOTICE);
	free(s);

	for (i = 0; i < t->nsections; i++) {
		sec = &t->sections[i];
		layout_heading(l, i18n_content(l->lang, &sec->heading), i + 1);
		for (j = 0; j < sec->nblocks; j++)
			layout_block(l, &sec->blocks[j]);
		if (strcmp(sec->id, "sources") == 0 && t->nrefs > 0) {
			layout_references(l, t);
			sources = 1;
		}
	}
	if (!sources && t->nrefs > 0) {
		layout_heading(l, _("Sources"), t->nsections + 1);
		layout_references(l, t);
	}
	return (l);
}

struct layout *
layout_library(const struct library *lib, const struct layout_opts *opts)
{
	struct layout		*l = layout_new(opts);
	const struct pack	*was = NULL, *p;
	size_t			 i;
	int			 heads = 0;

	/* Topics from several packs come under each pack's title. */
	for (i = 0; i < lib->ntopics; i++) {
		p = lib->topics[i]->pack;
		if (p == NULL || p->title.key == NULL) {
			heads = 0;
			break;
		}
		if (i > 0 && p != lib->topics[i - 1]->pack)
			heads = 1;
	}
	for (i = 0; i < lib->ntopics; i++) {
		if (heads && lib->topics[i]->pack != was) {
			was = lib->topics[i]->pack;
			layout_blank(l);
			layout_paragraph(l, i18n_content(l->lang, &was->title),
			    LAYOUT_SUBHEADING, "", "", LAYOUT_SUBHEADING);
		}
		layout_blank(l);
		layout_link_begin(l, LAYOUT_LINK_TOPIC, i, -1);
		layout_paragraph(l, i18n_content(l->lang, &lib->topics[i]->title),
		    LAYOUT_TITLE, "  ", "  ", LAYOUT_TEXT);
		layout_paragraph(l, i18n_content(l->lang, &lib->topics[i]->summary),
		    LAYOUT_SUMMARY, "  ", "  ", LAYOUT_TEXT);
		layout_link_end(l);
		/* Under its title, a pack's contact ends its topics. */
		if (heads && was->contact.key != NULL &&
		    (i + 1 == lib->ntopics || lib->topics[i + 1]->pack != was)) {
			layout_blank(l);
			layout_paragraph(l, i18n_content(l->lang, &was->contact),
			    LAYOUT_META, "  ", "  ", LAYOUT_META);
		}
	}
	/* Else how to give feedback, once for each pack that says. */
	for (i = 0; !heads && i < lib->npacks; i++) {
		if (lib->packs[i]->contact.key == NULL)
			continue;
		layout_blank(l);
		layout_paragraph(l, i18n_content(l->lang,
		    &lib->packs[i]->contact), LAYOUT_META, "  ", "  ",
		    LAYOUT_META);
	}
	return (l);
}

struct layout *
layout_contents(const struct topic *t, const struct layout_opts *opts)
{
	struct layout	*l = layout_new(opts);
	char		 first[32], rest[32];
	size_t		 i, n = t->nsections;
	int		 w;

	layout_paragraph(l, i18n_content(l->lang, &t->title), LAYOUT_TITLE, "", "",
	    LAYOUT_TITLE);
	layout_paragraph(l, i18n_content(l->lang, &t->summary), LAYOUT_SUMMARY, "", "",
	    LAYOUT_SUMMARY);
	layout_blank(l);
	if (t->nrefs > 0) {
		for (i = 0; i < t->nsections; i++)
			if (strcmp(t->sections[i].id, "sources") == 0)
				break;
		if (i == t->nsections)
			n++;
	}
	w = snprintf(NULL, 0, "%zu", n);
	for (i = 0; i < n; i++) {
		snprintf(first, sizeof(first), "  %*zu. ", w, i + 1);
		/* Wrapped lines go on under the heading's first word. */
		snprintf(rest, sizeof(rest), "%*s", (int)strlen(first), "");
		layout_link_begin(l, LAYOUT_LINK_SECTION, -1, i);
		layout_paragraph(l, i < t->nsections ?
		    i18n_content(l->lang, &t->sections[i].heading) : _("Sources"),
		    LAYOUT_LINK, first, rest, LAYOUT_MARKER);
		layout_link_end(l);
	}
	return (l);
}

struct layout *
layout_choices(const char *title, const char *const *entries, size_t n,
    const struct layout_opts *opts)
{
	struct layout	*l = layout_new(opts);
	size_t		 i;

	layout_paragraph(l, title, LAYOUT_TITLE, "", "", LAYOUT_TITLE);
	layout_blank(l);
	for (i = 0; i < n; i++) {
		layout_link_begin(l, LAYOUT_LINK_CHOICE, -1, i);
		layout_paragraph(l, entries[i], LAYOUT_LINK, "  ", "    ",
		    LAYOUT_TEXT);
		layout_link_end(l);
	}
	return (l);
}

struct layout_anchor
layout_anchor_at(const struct layout *l, size_t line)
{
	struct layout_anchor	a = { 0, 0 };

	if (l->nlines == 0)
		return (a);
	if (line >= l->nlines)
		line = l->nlines - 1;
	a.anchor = l->lines[line].anchor;
	a.offset = l->lines[line].offset;
	return (a);
}

size_t
layout_find(const struct layout *l, struct layout_anchor a)
{
	size_t	i, best = 0;

	for (i = 0; i < l->nlines; i++) {
		if (l->lines[i].anchor > a.anchor)
			break;
		if (l->lines[i].anchor < a.anchor || l->lines[i].offset <=
		    a.offset)
			best = i;
	}
	return (best);
}

long
layout_block_line(const struct layout *l, const char *id)
{
	size_t	i;

	for (i = 0; id != NULL && i < l->nblocks; i++)
		if (strcmp(l->block_id[i], id) == 0)
			return ((long)l->block_line[i]);
	return (-1);
}

uint32_t
layout_section_at(const struct layout *l, size_t line)
{
	if (line >= l->nlines)
		return (LAYOUT_NONE);
	return (l->lines[line].section);
}

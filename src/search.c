/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Search: finds what a reader types among the headings of the library and
 * in the text of the topic being read.  Both sides are folded with
 * text_fold, and a match found in folded bytes is mapped back through the
 * fold map to whole characters (whole grapheme clusters) of the text as
 * shown.  The heading index folds every heading once, into one buffer, so
 * that a keystroke costs one scan of that buffer and allocates nothing per
 * heading: only the results and a little bookkeeping per query.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

/* Between the parts of a label: " › ". */
#define SEARCH_SEP	" \xe2\x80\xba "

/* How well one query word matches a heading. */
#define SEARCH_INSIDE	1	/* inside a word */
#define SEARCH_PREFIX	2	/* at the start of a word */
#define SEARCH_WHOLE	3	/* a whole word */

/*
 * The index as built: the public part first, so that the pointer handed
 * out converts back.  What the entries point to is packed in entry order,
 * so that a scan walks memory forwards: the folded texts in fold (each
 * followed by a NUL), the maps in maps, texts and labels in strs.
 */
struct search_store {
	struct search_index	 index;
	char			*fold;
	size_t			 foldlen;
	size_t			*maps;
	char			*strs;
	size_t			 freq[256];	/* of each byte in fold */
};

/* A heading that matched, before the results are sorted. */
struct search_cand {
	size_t	entry;
	int	score;
};

static void	 search_add(struct search_index *, size_t *, enum search_kind,
		    size_t, long, long, const char *, const char *,
		    const char *);
static int	 search_is_sep(ucs4_t);
static int	 search_is_space(ucs4_t);
static int	 search_alnum_at(const char *, size_t, size_t);
static int	 search_alnum_before(const char *, size_t);
static int	 search_quality(const char *, size_t, size_t, size_t);
static const char *search_find(const char *, const char *, const char *,
		    size_t, size_t);
static int	 search_best(const char *, size_t, const char *, size_t,
		    size_t *);
static void	 search_pack(struct search_store *);
static int	 search_score(const struct search_entry *,
		    const struct search_query *, size_t *);
static void	 search_spans(const struct search_entry *,
		    const struct search_query *, const size_t *,
		    struct search_result *);
static void	 search_add_span(struct search_result *, size_t, size_t);
static size_t	 search_squeeze(char *, size_t, size_t *, int);
static void	 search_unfold(const char *, const size_t *, size_t, size_t,
		    size_t, size_t *, size_t *);

/*
 * Adds one heading.  Its label leads with the topic's title and the
 * section's heading, when it has them (title and heading not NULL).
 */
static void
search_add(struct search_index *idx, size_t *cap, enum search_kind kind,
    size_t topic, long section, long block, const char *text,
    const char *title, const char *heading)
{
	struct search_entry	*e;

	if (text == NULL)
		text = "";
	xgrow(&idx->entries, cap, idx->n + 1, sizeof(*idx->entries));
	e = &idx->entries[idx->n++];
	e->kind = kind;
	e->topic = (long)topic;
	e->section = section;
	e->block = block;
	e->text = xstrdup(text);
	if (title == NULL)
		e->label = xstrdup(text);
	else if (heading == NULL)
		e->label = xasprintf("%s" SEARCH_SEP "%s", title, text);
	else
		e->label = xasprintf("%s" SEARCH_SEP "%s" SEARCH_SEP "%s",
		    title, heading, text);
	e->folded = text_fold(text, strlen(text), &e->folded_len, &e->map);
}

struct search_index *
search_index_build(const struct library *lib, const struct i18n_lang *lang)
{
	struct search_store	*st = xcalloc(1, sizeof(*st));
	struct search_index	*idx = &st->index;
	const struct topic	*t;
	const struct section	*sec;
	const char		*title, *heading;
	size_t			 i, j, k, cap = 0;
	int			 sources;

	i18n_use(lang);
	for (i = 0; i < lib->ntopics; i++) {
		t = lib->topics[i];
		title = i18n_content(lang, &t->title);
		if (title == NULL)
			title = "";
		search_add(idx, &cap, SEARCH_TITLE, i, -1, -1, title, NULL,
		    NULL);
		sources = 0;
		for (j = 0; j < t->nsections; j++) {
			sec = &t->sections[j];
			heading = i18n_content(lang, &sec->heading);
			if (heading == NULL)
				heading = "";
			search_add(idx, &cap, SEARCH_SECTION, i, (long)j, -1,
			    heading, title, NULL);
			for (k = 0; k < sec->nblocks; k++) {
				if (sec->blocks[k].kind != BLOCK_SUBHEADING)
					continue;
				search_add(idx, &cap, SEARCH_SUBHEADING, i,
				    (long)j, (long)sec->blocks[k].at,
				    i18n_content(lang, &sec->blocks[k].text),
				    title, heading);
			}
			if (sec->id != NULL && strcmp(sec->id, "sources") == 0)
				sources = 1;
		}
		/* The layout lists references under a heading of its own. */
		if (t->nrefs > 0 && !sources)
			search_add(idx, &cap, SEARCH_SECTION, i,
			    (long)t->nsections, -1, _("Sources"), title, NULL);
	}
	search_pack(st);
	return (idx);
}

/* Moves what the entries point to into the store's buffers. */
static void
search_pack(struct search_store *st)
{
	struct search_index	*idx = &st->index;
	struct search_entry	*e;
	size_t			 i, j, nmap = 0, nstr = 0, f = 0, m = 0, s = 0;
	size_t			 tl, ll;

	for (i = 0; i < idx->n; i++) {
		e = &idx->entries[i];
		st->foldlen += e->folded_len + 1;
		nmap += e->folded_len + 1;
		nstr += strlen(e->text) + strlen(e->label) + 2;
	}
	st->fold = xmalloc(st->foldlen + 1);
	st->maps = xreallocarray(NULL, nmap, sizeof(*st->maps));
	st->strs = xmalloc(nstr);
	for (i = 0; i < idx->n; i++) {
		e = &idx->entries[i];
		for (j = 0; j < e->folded_len; j++)
			st->freq[(uint8_t)e->folded[j]]++;
		memcpy(st->fold + f, e->folded, e->folded_len + 1);
		free(e->folded);
		e->folded = st->fold + f;
		f += e->folded_len + 1;
		memcpy(st->maps + m, e->map, (e->folded_len + 1) *
		    sizeof(*e->map));
		free(e->map);
		e->map = st->maps + m;
		m += e->folded_len + 1;
		tl = strlen(e->text) + 1;
		ll = strlen(e->label) + 1;
		memcpy(st->strs + s, e->text, tl);
		memcpy(st->strs + s + tl, e->label, ll);
		free(e->text);
		free(e->label);
		e->text = st->strs + s;
		e->label = st->strs + s + tl;
		s += tl + ll;
	}
	st->fold[f] = '\0';
}

void
search_index_free(struct search_index *idx)
{
	struct search_store	*st = (struct search_store *)idx;

	if (idx == NULL)
		return;
	free(idx->entries);
	free(st->fold);
	free(st->maps);
	free(st->strs);
	free(st);
}

/* Query words are split at white space and punctuation. */
static int
search_is_sep(ucs4_t uc)
{
	return (uc_is_property_white_space(uc) ||
	    uc_is_general_category(uc, UC_CATEGORY_P) ||
	    uc_is_general_category(uc, UC_CATEGORY_Z) ||
	    uc_is_general_category(uc, UC_CATEGORY_Cc));
}

static int
search_is_space(ucs4_t uc)
{
	return (uc_is_property_white_space(uc) ||
	    uc_is_general_category(uc, UC_CATEGORY_Z));
}

void
search_query_parse(struct search_query *q, const char *typed)
{
	const uint8_t	*u;
	size_t		 i, cap = 0;
	ucs4_t		 uc;
	int		 n, in = 0;

	memset(q, 0, sizeof(*q));
	if (typed == NULL)
		typed = "";
	q->folded = text_fold(typed, strlen(typed), &q->len, NULL);
	u = (const uint8_t *)q->folded;
	for (i = 0; i < q->len; i += n) {
		n = u8_mbtouc(&uc, u + i, q->len - i);
		if (search_is_sep(uc)) {
			in = 0;
			continue;
		}
		if (!in) {
			xgrow(&q->words, &cap, q->nwords + 1,
			    sizeof(*q->words));
			q->words[q->nwords].off = i;
			q->words[q->nwords].len = 0;
			q->nwords++;
			in = 1;
		}
		q->words[q->nwords - 1].len += n;
	}
}

void
search_query_free(struct search_query *q)
{
	free(q->folded);
	free(q->words);
	memset(q, 0, sizeof(*q));
}

/* Whether the character at f[i] (i < n) is a letter or digit. */
static int
search_alnum_at(const char *f, size_t n, size_t i)
{
	ucs4_t	uc;
	uint8_t	c = f[i];

	if (c < 0x80)
		return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'));
	u8_mbtouc(&uc, (const uint8_t *)f + i, n - i);
	return (uc_is_alnum(uc));
}

/* Whether the character that ends just before f[i] (i > 0) is one. */
static int
search_alnum_before(const char *f, size_t i)
{
	size_t	j = i - 1;

	while (j > 0 && ((uint8_t)f[j] & 0xc0) == 0x80)
		j--;
	return (search_alnum_at(f, i, j));
}

/* How a word found at f[at] fits the words of the heading. */
static int
search_quality(const char *f, size_t n, size_t at, size_t len)
{
	if (at > 0 && search_alnum_before(f, at))
		return (SEARCH_INSIDE);
	if (at + len < n && search_alnum_at(f, n, at + len))
		return (SEARCH_PREFIX);
	return (SEARCH_WHOLE);
}

/*
 * The first place of w (wlen > 0) in [p, end), or NULL.  Headings are
 * short and words shorter: memchr for one byte of the word (w[pin], a
 * rare one when the caller knows), then a compare, beats the setup of a
 * general substring search.
 */
static const char *
search_find(const char *p, const char *end, const char *w, size_t wlen,
    size_t pin)
{
	const char	*last = end - wlen;
	size_t		 k;

	if (end - p < (ptrdiff_t)wlen)
		return (NULL);
	while ((p = memchr(p + pin, w[pin], last - p + 1)) != NULL) {
		p -= pin;
		for (k = 0; k < wlen && p[k] == w[k]; k++)
			continue;
		if (k == wlen)
			return (p);
		if (p++ == last)
			break;
	}
	return (NULL);
}

/* The best place of word w in f: its quality (0 if absent), *at set. */
static int
search_best(const char *f, size_t n, const char *w, size_t wlen, size_t *at)
{
	const char	*p, *end = f + n;
	int		 k, best = 0;

	for (p = f; p < end; p++) {
		if ((p = search_find(p, end, w, wlen, 0)) == NULL)
			break;
		k = search_quality(f, n, p - f, wlen);
		if (k > best) {
			best = k;
			*at = p - f;
			if (k == SEARCH_WHOLE)
				break;
		}
	}
	return (best);
}

/* Adds a byte range to the spans, in order, merging what touches. */
static void
search_add_span(struct search_result *r, size_t start, size_t end)
{
	struct search_span	*sp = r->spans;
	size_t			 i, j;

	for (i = 0; i < r->nspans && sp[i].end < start; i++)
		continue;
	if (i < r->nspans && sp[i].start <= end) {
		/* Overlaps span i: widen it, then swallow what it reaches. */
		if (start < sp[i].start)
			sp[i].start = start;
		if (end > sp[i].end)
			sp[i].end = end;
		for (j = i + 1; j < r->nspans && sp[j].start <= sp[i].end;
		    j++)
			if (sp[j].end > sp[i].end)
				sp[i].end = sp[j].end;
		memmove(sp + i + 1, sp + j, (r->nspans - j) * sizeof(*sp));
		r->nspans -= j - i - 1;
		return;
	}
	if (i == SEARCH_MAX_SPANS)
		return;
	if (r->nspans == SEARCH_MAX_SPANS)
		r->nspans--;	/* the last one gives way */
	memmove(sp + i + 1, sp + i, (r->nspans - i) * sizeof(*sp));
	sp[i].start = start;
	sp[i].end = end;
	r->nspans++;
}

/*
 * Scores an entry against every word of the query, 0 when a word is
 * missing, and puts where each word matched best in at[].  The score is
 * twice the sum of the words' qualities, plus one for a title or section
 * heading, so that match quality ranks first and the kind of heading
 * breaks ties.
 */
static int
search_score(const struct search_entry *e, const struct search_query *q,
    size_t *at)
{
	const struct search_word	*w;
	size_t				 i;
	int				 k, sum = 0;

	for (i = 0; i < q->nwords; i++) {
		w = &q->words[i];
		k = search_best(e->folded, e->folded_len, q->folded + w->off,
		    w->len, &at[i]);
		if (k == 0)
			return (0);
		sum += k;
	}
	return (2 * sum + (e->kind != SEARCH_SUBHEADING));
}

/* The spans of a result, from where its words matched. */
static void
search_spans(const struct search_entry *e, const struct search_query *q,
    const size_t *at, struct search_result *r)
{
	size_t	i, s, t;

	r->nspans = 0;
	for (i = 0; i < q->nwords; i++) {
		search_unfold(e->text, e->map, e->folded_len, at[i],
		    at[i] + q->words[i].len, &s, &t);
		search_add_span(r, s, t);
	}
}

size_t
search_headings(const struct search_index *idx, const struct search_query *q,
    struct search_result **out)
{
	const struct search_store	*st = (const struct search_store *)idx;
	const struct search_entry	*e;
	struct search_cand		*c = NULL;
	struct search_result		*res;
	const char			*p, *end, *w;
	size_t				 i, lead, wlen, cur, n = 0, cap = 0;
	size_t				*count, *at = NULL, atcap = 0, nw, k;
	size_t				 max, sum, pin = 0;
	int				 score;

	*out = NULL;
	if (idx == NULL || q->nwords == 0 || idx->n == 0)
		return (0);
	nw = q->nwords;

	/*
	 * Scan the whole index for the word with the rarest byte, pinned on
	 * that byte: few stops, and every entry left out holds no match.
	 */
	for (i = 0, lead = 0; i < nw; i++) {
		w = q->folded + q->words[i].off;
		for (k = 0; k < q->words[i].len; k++)
			if (st->freq[(uint8_t)w[k]] < st->freq[(uint8_t)
			    q->folded[q->words[lead].off + pin]]) {
				lead = i;
				pin = k;
			}
	}
	w = q->folded + q->words[lead].off;
	wlen = q->words[lead].len;
	end = st->fold + st->foldlen;
	max = 2 * SEARCH_WHOLE * nw + 1;
	count = xcalloc(max + 1, sizeof(*count));
	p = st->fold;
	cur = 0;
	while (p < end && (p = search_find(p, end, w, wlen, pin)) != NULL) {
		/* Words hold no NUL, so the match is inside one entry. */
		while (p > idx->entries[cur].folded +
		    idx->entries[cur].folded_len)
			cur++;
		e = &idx->entries[cur];
		/* Candidates first: an entry, its score, its words' places. */
		xgrow(&at, &atcap, (n + 1) * nw, sizeof(*at));
		if ((score = search_score(e, q, at + n * nw)) != 0) {
			xgrow(&c, &cap, n + 1, sizeof(*c));
			c[n].entry = cur;
			c[n].score = score;
			count[score]++;
			n++;
		}
		/* On to the next entry. */
		p = e->folded + e->folded_len + 1;
		cur++;
	}

	/*
	 * A counting sort, best score first and stable for document order,
	 * writing each result once into its place.
	 */
	res = n > 0 ? xreallocarray(NULL, n, sizeof(*res)) : NULL;
	for (i = max + 1, sum = 0; i-- > 0;) {
		k = count[i];
		count[i] = sum;
		sum += k;
	}
	for (i = 0; i < n; i++) {
		struct search_result *r = &res[count[c[i].score]++];

		r->entry = c[i].entry;
		r->score = c[i].score;
		search_spans(&idx->entries[c[i].entry], q, at + i * nw, r);
	}
	free(count);
	free(c);
	free(at);
	*out = res;
	return (n);
}

/*
 * Turns every run of white space in folded text into one space, in
 * place, keeping the map in step (when there is one); trim drops the
 * space at either end.  Returns the new length.
 */
static size_t
search_squeeze(char *f, size_t n, size_t *map, int trim)
{
	size_t	i, o = 0, last = n;
	ucs4_t	uc;
	int	m, space = 0;

	if (map != NULL)
		last = map[n];
	for (i = 0; i < n; i += m) {
		m = u8_mbtouc(&uc, (const uint8_t *)f + i, n - i);
		if (search_is_space(uc)) {
			if (!space && !(trim && o == 0)) {
				if (map != NULL)
					map[o] = map[i];
				f[o++] = ' ';
			}
			space = 1;
			continue;
		}
		space = 0;
		memmove(f + o, f + i, m);
		if (map != NULL)
			memmove(map + o, map + i, m * sizeof(*map));
		o += m;
	}
	if (trim && o > 0 && f[o - 1] == ' ')
		o--;
	f[o] = '\0';
	if (map != NULL)
		map[o] = last;
	return (o);
}

/*
 * Maps folded bytes [fs, fe) back to text: from the start of the
 * character fs came from to the start of the first character after the
 * one fe - 1 came from (so dropped accents come along), then out to
 * whole grapheme clusters.
 */
static void
search_unfold(const char *text, const size_t *map, size_t flen, size_t fs,
    size_t fe, size_t *start, size_t *end)
{
	size_t	k = fe;

	while (k < flen && map[k] == map[fe - 1])
		k++;
	*start = map[fs];
	*end = map[k];
	text_round(text, map[flen], start, end);
}

size_t
search_text(const struct layout *l, const struct search_query *q,
    struct search_hit **out)
{
	struct search_hit	*hits = NULL, *h;
	const char		*src, *p;
	char			*phrase, *f;
	size_t			*map, plen, flen, len, n = 0, cap = 0, s, e;
	uint32_t		 a;

	*out = NULL;
	if (q->folded == NULL)
		return (0);
	phrase = xstrndup(q->folded, q->len);
	plen = search_squeeze(phrase, q->len, NULL, 1);
	for (a = 1; plen > 0 && a < l->nsources; a++) {
		if ((len = l->sources[a].len) < 1)
			continue;
		src = layout_source_text(l, a);
		f = text_fold(src, len, &flen, &map);
		flen = search_squeeze(f, flen, map, 0);
		for (p = f; p + plen <= f + flen; p += plen) {
			if ((p = memmem(p, f + flen - p, phrase, plen)) == NULL)
				break;
			search_unfold(src, map, flen, p - f, p - f + plen,
			    &s, &e);
			/* Two matches inside one character make one hit. */
			h = n > 0 ? &hits[n - 1] : NULL;
			if (h != NULL && h->anchor == a && s < h->end) {
				if (e > h->end)
					h->end = e;
				continue;
			}
			xgrow(&hits, &cap, n + 1, sizeof(*hits));
			hits[n].anchor = a;
			hits[n].start = s;
			hits[n].end = e;
			n++;
		}
		free(f);
		free(map);
	}
	free(phrase);
	*out = hits;
	return (n);
}

int
search_hit_columns(const struct layout *l, size_t line,
    const struct search_hit *h, int *col, int *width)
{
	const struct layout_line	*ln;
	const char			*t;
	size_t				 lo, hi, a, b;

	if (line >= l->nlines)
		return (0);
	ln = &l->lines[line];
	if (ln->anchor != h->anchor || ln->offset == LAYOUT_NONE ||
	    ln->clen == 0)
		return (0);
	/* The part of the hit this line shows, in the line's own bytes. */
	lo = ln->offset;
	hi = lo + ln->clen;
	a = h->start > lo ? h->start : lo;
	b = h->end < hi ? h->end : hi;
	if (a >= b)
		return (0);
	a -= lo;
	b -= lo;
	t = layout_line_text(l, ln);
	text_round(t + ln->prefix, ln->clen, &a, &b);
	*col = text_width(t, ln->prefix + a);
	*width = text_width(t + ln->prefix + a, b - a);
	return (1);
}

size_t
search_hit_after(const struct layout *l, const struct search_hit *hits,
    size_t nhits, size_t line)
{
	struct layout_anchor	a;
	size_t			lo = 0, hi = nhits, mid;

	if (line >= l->nlines)
		return (nhits);
	/* A line without text (blank, rule) sorts after its anchor's text. */
	a = layout_anchor_at(l, line);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (hits[mid].anchor < a.anchor ||
		    (hits[mid].anchor == a.anchor &&
		    hits[mid].start < a.offset))
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* One part of a label, in ASCII when asked. */
static char *
search_part(const char *s, size_t len, int ascii)
{
	char	*r;

	if (ascii)
		return (text_to_ascii(s, len));
	r = xmalloc(len + 1);
	memcpy(r, s, len);
	r[len] = '\0';
	return (r);
}

char *
search_label_fit(const struct search_entry *e, int cols, int ascii,
    size_t *text_off)
{
	const char	*sep = ascii ? " > " : SEARCH_SEP, *p, *q, *end;
	char		*part[3], *s, *out;
	size_t		 n = 0, k, len, tlen = strlen(e->text);
	int		 w[3], need, sw = text_width(sep, strlen(sep)), total, nw;

	/* The label is its parts joined by SEARCH_SEP; the heading last. */
	end = e->label + strlen(e->label) - tlen;
	for (p = e->label; p < end && n < 2; p = q + strlen(SEARCH_SEP)) {
		q = strstr(p, SEARCH_SEP);
		if (q == NULL || q >= end)
			q = end;
		part[n++] = search_part(p, q - p, ascii);
		if (q == end)
			break;
	}
	part[n++] = search_part(e->text, tlen, ascii);
	/* Too narrow even for "… › " before the heading: leave it out. */
	while (n > 1 && (int)(n - 1) * (1 + sw) + 1 > cols) {
		free(part[0]);
		memmove(part, part + 1, --n * sizeof(*part));
	}
	for (total = 0, k = 0; k < n; k++) {
		w[k] = text_width(part[k], strlen(part[k]));
		total += w[k] + (k > 0 ? sw : 0);
	}
	/* Shorten from the front: the title, then the section, then it. */
	for (need = total - cols, k = 0; need > 0 && k < n; k++) {
		nw = w[k] - need;
		if (k + 1 < n && nw < 1)
			nw = 1;
		if (nw < 0)
			nw = 0;
		s = text_ellipsize(part[k], strlen(part[k]), nw, ascii);
		free(part[k]);
		part[k] = s;
		nw = text_width(s, strlen(s));
		need -= w[k] - nw;
		w[k] = nw;
	}
	for (len = 1, k = 0; k < n; k++)
		len += strlen(part[k]) + strlen(sep);
	out = xmalloc(len);
	out[0] = '\0';
	for (k = 0; k < n; k++) {
		if (k > 0)
			strcat(out, sep);
		if (k + 1 == n && text_off != NULL)
			*text_off = strlen(out);
		strcat(out, part[k]);
		free(part[k]);
	}
	return (out);
}

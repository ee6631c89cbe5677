/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Search tests: folding and splitting of queries, the heading index built
 * from a fixture library (accented, German and Chinese headings), the
 * matching and ranking rules, labels and highlight spans, and the text
 * search in a laid-out topic: phrase hits across wrapped lines at several
 * widths, their display columns with wide and combining characters, and
 * the first hit after a line.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

#define SEP		" \xe2\x80\xba "	/* " › " */
#define COMB_ACUTE	"\xcc\x81"		/* U+0301 */
#define COMB_DIAER	"\xcc\x88"		/* U+0308 */

/* Entries of the fixture index, in document order. */
enum {
	FEVER, WHEN, DOCTORS_NURSES, BACK_PAIN, SPAIN, PAINKILLERS,
	DOCTOR_VISITS, FEVER_SOURCES,
	PROSTATA, QUE_ES, PROSTATITIS, FUENTES,
	UEBELKEIT, UEBER, STRASSE,
	QLX, QLX_WHAT, QLX_SYMPTOMS,
	NENTRIES
};

static struct library	lib;		/* tests/data/search */
static struct library	sample_lib;	/* tests/data/golden/content */
static struct search_index *idx;

static int	 load(const char *, struct library *);
static char	*word(const struct search_query *, size_t);
static void	 check_words(const char *, const char *const *, size_t);
static size_t	 find(const char *, struct search_result **);
static void	 check_order(const char *, const size_t *, size_t);
static void	 check_span(const char *, size_t, size_t, const char *);
static struct layout *lay_sample(int);
static size_t	 hits_of(const struct layout *, const char *,
		    struct search_hit **);
static char	*shown(const struct layout *, const struct search_hit *,
		    int *);

static int
load(const char *sub, struct library *l)
{
	struct diag_list	 d;
	char			 dir[4096];
	const char		*top = getenv("top_srcdir");

	snprintf(dir, sizeof(dir), "%s/tests/data/%s",
	    top != NULL ? top : ".", sub);
	doc_library_init(l);
	diag_init(&d);
	if (library_load_dir(dir, l, &d) != 0 || d.nerrors != 0) {
		diag_print(stderr, &d);
		diag_free(&d);
		return (-1);
	}
	diag_free(&d);
	return (0);
}

static int
setup(void **state)
{
	(void)state;
	if (load("search", &lib) != 0 || load("golden/content",
	    &sample_lib) != 0)
		return (-1);
	idx = search_index_build(&lib, i18n_lang_default());
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	search_index_free(idx);
	doc_library_free(&lib);
	doc_library_free(&sample_lib);
	return (0);
}

/* Word i of a query, as a string to free. */
static char *
word(const struct search_query *q, size_t i)
{
	return (xstrndup(q->folded + q->words[i].off, q->words[i].len));
}

static void
check_words(const char *typed, const char *const *want, size_t n)
{
	struct search_query	 q;
	size_t			 i;
	char			*w;

	search_query_parse(&q, typed);
	if (q.nwords != n)
		fail_msg("\"%s\": %zu words, want %zu", typed, q.nwords, n);
	for (i = 0; i < n; i++) {
		w = word(&q, i);
		assert_string_equal(w, want[i]);
		free(w);
	}
	search_query_free(&q);
}

static void
test_fold_query(void **state)
{
	static const char *const prostata[] = { "prostata" };
	static const char *const uber[] = { "uber" };
	static const char *const two[] = { "prostate", "pain" };
	static const char *const ss[] = { "strasse" };
	static const char *const cjk1[] = { "前列腺症状" };
	static const char *const cjk2[] = { "前列腺", "症状" };
	static const char *const covid[] = { "covid", "19" };
	static const char *const mixed[] = { "cafe", "uber", "naive" };

	(void)state;
	/* Case, accents, NFC and NFD alike. */
	check_words("PRÓSTATA", prostata, 1);
	check_words("Próstata", prostata, 1);
	check_words("Pro" COMB_ACUTE "stata", prostata, 1);
	check_words("U" COMB_DIAER "ber", uber, 1);
	check_words("ÜBER", uber, 1);
	check_words("Stra\xc3\x9f" "e", ss, 1);		/* Straße */
	check_words("STRA\xe1\xba\x9e" "E", ss, 1);	/* capital sharp s */
	/* White space and punctuation split; symbols and digits do not. */
	check_words("  Prostate, pain!  ", two, 2);
	check_words("prostate\tpain", two, 2);
	check_words("COVID-19", covid, 2);
	check_words("Café/Über (naïve)", mixed, 3);
	/* A run of CJK is one word; CJK punctuation splits. */
	check_words("前列腺症状", cjk1, 1);
	check_words("前列腺，症状", cjk2, 2);
	check_words("前列腺\xe3\x80\x80症状", cjk2, 2);	/* ideographic space */
	/* No words at all. */
	check_words("", NULL, 0);
	check_words("   ", NULL, 0);
	check_words("?!, --", NULL, 0);
	check_words(NULL, NULL, 0);
}

/* The index holds every heading, in document order, with its place. */
static void
test_index_entries(void **state)
{
	static const struct {
		enum search_kind	 kind;
		long			 topic, section, block;
		const char		*text;
	} want[NENTRIES] = {
		{ SEARCH_TITLE, 0, -1, -1, "Fever and pain" },
		{ SEARCH_SECTION, 0, 0, -1, "When to see a doctor" },
		{ SEARCH_SUBHEADING, 0, 0, 1, "Doctors and nurses" },
		{ SEARCH_SUBHEADING, 0, 0, 3, "Back pain" },
		{ SEARCH_SECTION, 0, 1, -1, "Travel to Spain" },
		{ SEARCH_SECTION, 0, 2, -1, "Painkillers" },
		{ SEARCH_SUBHEADING, 0, 2, 1, "Doctor visits at home" },
		{ SEARCH_SECTION, 0, 3, -1, "Sources" },
		{ SEARCH_TITLE, 1, -1, -1, "Próstata" },
		{ SEARCH_SECTION, 1, 0, -1, "Qué es la próstata" },
		{ SEARCH_SUBHEADING, 1, 0, 1, "Prostatitis crónica" },
		{ SEARCH_SECTION, 1, 1, -1, "Fuentes" },
		{ SEARCH_TITLE, 2, -1, -1, "Übelkeit" },
		{ SEARCH_SECTION, 2, 0, -1, "Über diese Seite" },
		{ SEARCH_SUBHEADING, 2, 0, 1, "Reisen auf der Straße" },
		{ SEARCH_TITLE, 3, -1, -1, "前列腺炎" },
		{ SEARCH_SECTION, 3, 0, -1, "什么是前列腺" },
		{ SEARCH_SUBHEADING, 3, 0, 1, "前列腺的症状" },
	};
	const struct search_entry	*e;
	size_t				 i, flen;
	char				*f;

	(void)state;
	assert_int_equal(idx->n, NENTRIES);
	for (i = 0; i < NENTRIES; i++) {
		e = &idx->entries[i];
		assert_int_equal(e->kind, want[i].kind);
		assert_int_equal(e->topic, want[i].topic);
		assert_int_equal(e->section, want[i].section);
		assert_int_equal(e->block, want[i].block);
		assert_string_equal(e->text, want[i].text);
		/* The folded text is what text_fold makes. */
		f = text_fold(e->text, strlen(e->text), &flen, NULL);
		assert_int_equal(e->folded_len, flen);
		assert_memory_equal(e->folded, f, flen);
		assert_int_equal(e->map[e->folded_len], strlen(e->text));
		free(f);
	}
}

static void
test_labels(void **state)
{
	(void)state;
	assert_string_equal(idx->entries[FEVER].label, "Fever and pain");
	assert_string_equal(idx->entries[WHEN].label,
	    "Fever and pain" SEP "When to see a doctor");
	assert_string_equal(idx->entries[DOCTORS_NURSES].label,
	    "Fever and pain" SEP "When to see a doctor" SEP
	    "Doctors and nurses");
	assert_string_equal(idx->entries[FEVER_SOURCES].label,
	    "Fever and pain" SEP "Sources");
	assert_string_equal(idx->entries[STRASSE].label,
	    "Übelkeit" SEP "Über diese Seite" SEP "Reisen auf der Straße");
	assert_string_equal(idx->entries[QLX_SYMPTOMS].label,
	    "前列腺炎" SEP "什么是前列腺" SEP "前列腺的症状");
}

/*
 * The added "Sources" heading is where the layout puts it; a topic with
 * a "sources" section or without references gets none.
 */
static void
test_sources_entry(void **state)
{
	struct layout_opts	 o;
	struct layout		*l;
	struct search_index	*sx;
	const struct search_entry *e = &idx->entries[FEVER_SOURCES];
	size_t			 i, n = 0;

	(void)state;
	for (i = 0; i < idx->n; i++)
		if (strcmp(idx->entries[i].text, "Sources") == 0)
			n++;
	assert_int_equal(n, 1);
	memset(&o, 0, sizeof(o));
	o.width = 60;
	o.lib = &lib;
	l = layout_topic(lib.topics[e->topic], &o);
	assert_true((size_t)e->section < l->nsections);
	assert_string_equal(l->section_title[e->section], "Sources");
	layout_free(l);

	/*
	 * The sample topic gets one after its four sections; the other
	 * topic has its own, second, section called "Sources".
	 */
	sx = search_index_build(&sample_lib, i18n_lang_default());
	for (i = 0, n = 0; i < sx->n; i++) {
		e = &sx->entries[i];
		if (strcmp(e->text, "Sources") != 0)
			continue;
		assert_int_equal(e->kind, SEARCH_SECTION);
		assert_int_equal(e->section, n == 0 ? 4 : 1);
		assert_string_equal(e->label, n == 0 ?
		    "Sample topic" SEP "Sources" : "Other topic" SEP "Sources");
		n++;
	}
	assert_int_equal(n, 2);
	search_index_free(sx);
}

static size_t
find(const char *typed, struct search_result **r)
{
	struct search_query	q;
	size_t			n;

	search_query_parse(&q, typed);
	n = search_headings(idx, &q, r);
	search_query_free(&q);
	return (n);
}

static void
check_order(const char *typed, const size_t *want, size_t n)
{
	struct search_result	*r;
	size_t			 got, i;

	got = find(typed, &r);
	for (i = 0; i < got && i < n; i++)
		if (r[i].entry != want[i])
			fail_msg("\"%s\": result %zu is \"%s\", want \"%s\"",
			    typed, i, idx->entries[r[i].entry].label,
			    idx->entries[want[i]].label);
	if (got != n)
		fail_msg("\"%s\": %zu results, want %zu", typed, got, n);
	/* Scores never rise. */
	for (i = 1; i < got; i++)
		assert_true(r[i].score <= r[i - 1].score);
	free(r);
}

/* Word starts, inside words, all words in any order, CJK substrings. */
static void
test_match_rules(void **state)
{
	static const size_t	pain_back[] = { BACK_PAIN };
	static const size_t	nurses[] = { DOCTORS_NURSES };
	static const size_t	visits[] = { DOCTOR_VISITS };
	static const size_t	prostata[] = { PROSTATA, QUE_ES };
	static const size_t	prost[] = { PROSTATA, QUE_ES, PROSTATITIS };
	static const size_t	stat[] = { PROSTATA, QUE_ES, PROSTATITIS };
	static const size_t	uber[] = { UEBER };
	static const size_t	ube[] = { UEBELKEIT, UEBER };
	static const size_t	strasse[] = { STRASSE };
	static const size_t	sharp[] = { STRASSE };
	static const size_t	qlx[] = { QLX, QLX_SYMPTOMS, QLX_WHAT };
	static const size_t	sym[] = { QLX_SYMPTOMS };
	static const size_t	both[] = { QLX_SYMPTOMS };
	struct search_result	*r = (struct search_result *)&r;	/* not NULL */

	(void)state;
	check_order("pain back", pain_back, 1);
	check_order("BACK   pain", pain_back, 1);
	check_order("nurses doctor", nurses, 1);
	check_order("home, doctor!", visits, 1);
	/* Every word must match. */
	check_order("doctor fever", NULL, 0);
	check_order("doctor xyzzy", NULL, 0);
	check_order("prostata", prostata, 2);
	check_order("PROSTATA", prostata, 2);
	check_order("pro" COMB_ACUTE "stata", prostata, 2);
	check_order("prost", prost, 3);
	check_order("stat", stat, 3);
	check_order("uber", uber, 1);
	check_order("Über", uber, 1);
	check_order("ube", ube, 2);
	check_order("strasse", strasse, 1);
	check_order("straße", strasse, 1);
	check_order("\xc3\x9f", sharp, 1);
	/* CJK: anywhere in the heading. */
	check_order("前列腺", qlx, 3);
	check_order("症状", sym, 1);
	check_order("症状 前列腺", both, 1);
	check_order("膀胱", NULL, 0);
	/* No words, no results. */
	assert_int_equal(find("", &r), 0);
	assert_null(r);
	assert_int_equal(find("  ,. ", &r), 0);
	assert_null(r);
}

/*
 * Against a plain substring test of every entry: the scan of the whole
 * index, whichever byte of whichever word it pins, misses nothing.
 */
static void
test_finds_every_match(void **state)
{
	static const char *const queries[] = {
		"a", "e", "n", "ain", "oc", "tat", "ta", "e s", "s e",
		"and doctor", "r", "ss", "\xc3\x9f", "ue", "ub", "zz",
		"前", "列腺", "症", "a b c", "home at", "ta at ti", "it"
	};
	struct search_query	 q;
	struct search_result	*r;
	size_t			 i, j, k, n, want;
	char			*seen, *w;

	(void)state;
	seen = xcalloc(idx->n, 1);
	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		search_query_parse(&q, queries[i]);
		n = search_headings(idx, &q, &r);
		memset(seen, 0, idx->n);
		for (j = 0; j < n; j++) {
			assert_false(seen[r[j].entry]);
			seen[r[j].entry] = 1;
		}
		for (j = 0, want = 0; j < idx->n; j++) {
			for (k = 0; k < q.nwords; k++) {
				w = word(&q, k);
				if (strstr(idx->entries[j].folded, w) == NULL)
					k = q.nwords + 1;
				free(w);
			}
			if (k == q.nwords)
				want++;
			if ((k == q.nwords) != seen[j])
				fail_msg("\"%s\" and \"%s\": found %d",
				    queries[i], idx->entries[j].text, seen[j]);
		}
		assert_int_equal(n, want);
		free(r);
		search_query_free(&q);
	}
	free(seen);
}

/*
 * Whole words, then word starts, then insides; headings before
 * subheadings at the same quality; then document order.
 */
static void
test_ranking(void **state)
{
	static const size_t	pain[] = { FEVER, BACK_PAIN, PAINKILLERS,
				    SPAIN };
	static const size_t	doctor[] = { WHEN, DOCTOR_VISITS,
				    DOCTORS_NURSES };
	static const size_t	doc[] = { WHEN, DOCTORS_NURSES,
				    DOCTOR_VISITS };
	static const size_t	s[] = { WHEN, SPAIN, FEVER_SOURCES, UEBER,
				    STRASSE, PAINKILLERS, PROSTATA, QUE_ES,
				    FUENTES, DOCTORS_NURSES, DOCTOR_VISITS,
				    PROSTATITIS };
	static const int	pain_scores[] = { 7, 6, 5, 3 };
	struct search_result	*r;
	size_t			 i, n;

	(void)state;
	check_order("pain", pain, 4);
	check_order("doctor", doctor, 3);
	check_order("doc", doc, 3);
	n = find("pain", &r);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_int_equal(r[i].score, pain_scores[i]);
	free(r);
	/*
	 * One letter: word starts in section headings ("see", "Spain",
	 * "Sources", "Seite"), then in a subheading ("Straße"), then
	 * insides of titles and headings, then of subheadings.
	 */
	check_order("s", s, 12);
}

static void
check_span(const char *typed, size_t entry, size_t k, const char *want)
{
	struct search_result	*r;
	const struct search_entry *e = &idx->entries[entry];
	size_t			 n, i;

	n = find(typed, &r);
	for (i = 0; i < n && r[i].entry != entry; i++)
		continue;
	if (i == n)
		fail_msg("\"%s\" does not find \"%s\"", typed, e->text);
	if (k >= r[i].nspans)
		fail_msg("\"%s\": %zu spans", typed, r[i].nspans);
	assert_true(r[i].spans[k].start < r[i].spans[k].end);
	assert_true(r[i].spans[k].end <= strlen(e->text));
	if (strlen(want) != r[i].spans[k].end - r[i].spans[k].start ||
	    memcmp(e->text + r[i].spans[k].start, want, strlen(want)) != 0)
		fail_msg("\"%s\" in \"%s\": span %zu is [%zu, %zu), want "
		    "\"%s\"", typed, e->text, k, r[i].spans[k].start,
		    r[i].spans[k].end, want);
	free(r);
}

/* Spans are bytes of the heading, whole characters, in order. */
static void
test_spans(void **state)
{
	struct search_result	*r;
	size_t			 n;

	(void)state;
	check_span("prostata", PROSTATA, 0, "Próstata");
	check_span("prostata", QUE_ES, 0, "próstata");
	check_span("pro", QUE_ES, 0, "pró");
	check_span("uber", UEBER, 0, "Über");
	check_span("u", UEBER, 0, "Ü");
	check_span("strasse", STRASSE, 0, "Straße");
	check_span("stras", STRASSE, 0, "Straß");
	check_span("\xc3\x9f", STRASSE, 0, "ß");
	check_span("s", STRASSE, 0, "S");
	check_span("前列腺", QLX_WHAT, 0, "前列腺");
	check_span("症状", QLX_SYMPTOMS, 0, "症状");
	/* Two words: two spans, in the order of the text. */
	check_span("pain back", BACK_PAIN, 0, "Back");
	check_span("pain back", BACK_PAIN, 1, "pain");
	check_span("症状 前列腺", QLX_SYMPTOMS, 0, "前列腺");
	check_span("症状 前列腺", QLX_SYMPTOMS, 1, "症状");
	/* Overlapping matches merge. */
	n = find("doc doctors", &r);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].entry, DOCTORS_NURSES);
	assert_int_equal(r[0].nspans, 1);
	assert_int_equal(r[0].spans[0].start, 0);
	assert_int_equal(r[0].spans[0].end, 7);
	free(r);
}

/* Headings written in NFD: spans take the combining marks along. */
static void
test_spans_nfd(void **state)
{
	struct library		 l;
	struct topic		*t;
	struct search_index	*saved = idx;
	const char		*title = "Pro" COMB_ACUTE "stata y U" COMB_DIAER
				    "ber";

	(void)state;
	doc_library_init(&l);
	t = xcalloc(1, sizeof(*t));
	t->id = xstrdup("nfd");
	doc_tstr_set(&t->title, "nfd", title, 1, 1);
	doc_library_add(&l, t);
	idx = search_index_build(&l, i18n_lang_default());
	assert_int_equal(idx->n, 1);
	check_span("prostata", 0, 0, "Pro" COMB_ACUTE "stata");
	check_span("pro", 0, 0, "Pro" COMB_ACUTE);
	check_span("uber", 0, 0, "U" COMB_DIAER "ber");
	check_span("UBER prostata", 0, 1, "U" COMB_DIAER "ber");
	check_span("u", 0, 0, "U" COMB_DIAER);
	search_index_free(idx);
	idx = saved;
	doc_library_free(&l);
}

static struct layout *
lay_sample(int width)
{
	static struct layout_opts	o;

	memset(&o, 0, sizeof(o));
	o.width = width;
	o.lib = &sample_lib;
	return (layout_topic(doc_find_topic(&sample_lib, "sample"), &o));
}

static size_t
hits_of(const struct layout *l, const char *typed, struct search_hit **h)
{
	struct search_query	q;
	size_t			n;

	search_query_parse(&q, typed);
	n = search_text(l, &q, h);
	search_query_free(&q);
	return (n);
}

/*
 * What the lines show of a hit, from the columns search_hit_columns
 * gives, line after line (with a space where the wrap took one);
 * *nlines gets the lines it is on.
 */
static char *
shown(const struct layout *l, const struct search_hit *h, int *nlines)
{
	const struct layout_line *ln;
	const char		*t;
	char			*s = xstrdup("");
	char			*u;
	size_t			 i, a, b, prev = 0;
	int			 col, w, cw;

	*nlines = 0;
	for (i = 0; i < l->nlines; i++) {
		if (!search_hit_columns(l, i, h, &col, &w))
			continue;
		ln = &l->lines[i];
		t = layout_line_text(l, ln);
		a = text_fit(t, ln->len, col, &cw);
		assert_int_equal(cw, col);
		b = a + text_fit(t + a, ln->len - a, w, &cw);
		assert_int_equal(cw, w);
		u = xasprintf("%s%s%.*s", s, *nlines > 0 &&
		    ln->offset > prev ? " " : "", (int)(b - a), t + a);
		prev = ln->offset + ln->clen;
		free(s);
		s = u;
		(*nlines)++;
	}
	return (s);
}

/* A phrase is found at every width, and shows whole across lines. */
static void
test_text_phrase(void **state)
{
	static const int	 widths[] = { 8, 12, 20, 40, 72, 120 };
	struct layout		*l;
	struct search_hit	*h, *first = NULL;
	size_t			 n, nfirst = 0, i, k;
	char			*s;
	int			 nl, wrapped = 0;

	(void)state;
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		l = lay_sample(widths[i]);
		n = hits_of(l, "two EMPHASISED   words", &h);
		assert_int_equal(n, 1);
		s = shown(l, &h[0], &nl);
		assert_string_equal(s, "two emphasised words");
		if (nl > 1)
			wrapped = 1;
		free(s);
		/* The same places at any width. */
		free(h);
		n = hits_of(l, "rest", &h);
		assert_true(n >= 5);
		if (first == NULL) {
			first = h;
			nfirst = n;
		} else {
			assert_int_equal(n, nfirst);
			for (k = 0; k < n; k++) {
				assert_int_equal(h[k].anchor, first[k].anchor);
				assert_int_equal(h[k].start, first[k].start);
				assert_int_equal(h[k].end, first[k].end);
			}
			free(h);
		}
		for (k = 0; k < n; k++) {
			s = shown(l, &first[k], &nl);
			/* Whole, though a narrow line may break the word. */
			assert_int_equal(strcasecmp(s, "rest"), 0);
			if (widths[i] >= 20)
				assert_int_equal(nl, 1);
			free(s);
		}
		layout_free(l);
	}
	assert_true(wrapped);
	/* In reading order. */
	for (k = 1; k < nfirst; k++)
		assert_true(first[k - 1].anchor < first[k].anchor ||
		    (first[k - 1].anchor == first[k].anchor &&
		    first[k - 1].end <= first[k].start));
	free(first);
}

/* Folding in the text search; what is not there is not found. */
static void
test_text_folding(void **state)
{
	struct layout		*l = lay_sample(30);
	struct search_hit	*h;
	size_t			 n;
	char			*s;
	int			 nl;

	(void)state;
	n = hits_of(l, "CAFE", &h);
	assert_int_equal(n, 2);
	s = shown(l, &h[0], &nl);
	assert_string_equal(s, "Café");
	free(s);
	s = shown(l, &h[1], &nl);
	assert_string_equal(s, "café");
	free(s);
	assert_int_equal(h[0].anchor, h[1].anchor);
	free(h);

	n = hits_of(l, "U" COMB_DIAER "BER", &h);
	assert_int_equal(n, 1);
	s = shown(l, &h[0], &nl);
	assert_string_equal(s, "Über");
	free(s);
	free(h);

	/* Care cards, evidence, the reference list. */
	n = hits_of(l, "chest pain", &h);
	assert_int_equal(n, 1);
	free(h);
	n = hits_of(l, "journal of examples", &h);
	assert_int_equal(n, 1);
	free(h);
	/* A drawing is text too; a space in a phrase matches a run. */
	n = hits_of(l, "box \xe2\x94\x82", &h);	/* "box │" */
	assert_int_equal(n, 1);
	s = shown(l, &h[0], &nl);
	assert_string_equal(s, "box  \xe2\x94\x82");
	free(s);
	free(h);
	/* The drawing is shown at this width, so its words are not. */
	n = hits_of(l, "pointing right", &h);
	assert_int_equal(n, 0);
	assert_null(h);
	n = hits_of(l, "xyzzy", &h);
	assert_int_equal(n, 0);
	n = hits_of(l, "   ", &h);
	assert_int_equal(n, 0);
	layout_free(l);

	/* Too narrow for the drawing: its words are there instead. */
	l = lay_sample(12);
	n = hits_of(l, "pointing right", &h);
	assert_int_equal(n, 1);
	s = shown(l, &h[0], &nl);
	assert_string_equal(s, "pointing right");
	free(s);
	free(h);
	layout_free(l);
}

/* CJK: two columns a character, found across a wrap. */
static void
test_text_cjk(void **state)
{
	struct layout		*l;
	struct search_hit	*h;
	size_t			 n, i;
	char			*s;
	int			 nl, col, w, total;

	(void)state;
	l = lay_sample(120);
	n = hits_of(l, "直肠检查", &h);
	assert_int_equal(n, 1);
	for (i = 0; i < l->nlines; i++)
		if (search_hit_columns(l, i, &h[0], &col, &w))
			break;
	assert_true(i < l->nlines);
	/* 35 characters before it on the line, nothing in front. */
	assert_int_equal(col, 70);
	assert_int_equal(w, 8);
	free(h);
	layout_free(l);

	/* 5 columns hold two characters: the hit spans lines. */
	l = lay_sample(5);
	n = hits_of(l, "直肠检查", &h);
	assert_int_equal(n, 1);
	s = shown(l, &h[0], &nl);
	assert_string_equal(s, "直肠检查");
	assert_true(nl >= 2);
	free(s);
	for (i = 0, total = 0; i < l->nlines; i++)
		if (search_hit_columns(l, i, &h[0], &col, &w)) {
			assert_true(col + w <= 5);
			assert_int_equal(w % 2, 0);
			total += w;
		}
	assert_int_equal(total, 8);
	free(h);
	layout_free(l);
}

/* Combining marks belong to their base; wide characters count two. */
static void
test_hit_columns(void **state)
{
	struct layout_opts	 o;
	struct layout		*l;
	struct search_hit	*h, mid;
	size_t			 n;
	int			 col, w;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.width = 8;
	l = layout_new(&o);
	/* "ax́b" then "日本語日本語" wrapped three characters a line. */
	layout_paragraph(l, "ax" COMB_ACUTE "b", LAYOUT_TEXT, "> ", "  ",
	    LAYOUT_MARKER);
	layout_paragraph(l, "日本語日本語", LAYOUT_TEXT, "> ", "  ",
	    LAYOUT_MARKER);
	assert_int_equal(l->nlines, 3);

	n = hits_of(l, "x", &h);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].start, 1);
	assert_int_equal(h[0].end, 4);		/* the mark comes along */
	assert_int_equal(search_hit_columns(l, 0, &h[0], &col, &w), 1);
	assert_int_equal(col, 3);
	assert_int_equal(w, 1);
	assert_int_equal(search_hit_columns(l, 1, &h[0], &col, &w), 0);
	/* A hit that starts on the mark still covers its base. */
	mid = h[0];
	mid.start = 2;
	assert_int_equal(search_hit_columns(l, 0, &mid, &col, &w), 1);
	assert_int_equal(col, 3);
	assert_int_equal(w, 1);
	free(h);

	n = hits_of(l, "xb", &h);
	assert_int_equal(n, 1);
	assert_int_equal(search_hit_columns(l, 0, &h[0], &col, &w), 1);
	assert_int_equal(col, 3);
	assert_int_equal(w, 2);
	free(h);

	/* "語日" spans the wrap: two columns on each line. */
	n = hits_of(l, "語日", &h);
	assert_int_equal(n, 1);
	assert_int_equal(search_hit_columns(l, 0, &h[0], &col, &w), 0);
	assert_int_equal(search_hit_columns(l, 1, &h[0], &col, &w), 1);
	assert_int_equal(col, 6);
	assert_int_equal(w, 2);
	assert_int_equal(search_hit_columns(l, 2, &h[0], &col, &w), 1);
	assert_int_equal(col, 2);
	assert_int_equal(w, 2);
	free(h);

	/* Two hits in one source, one per line. */
	n = hits_of(l, "日本", &h);
	assert_int_equal(n, 2);
	assert_int_equal(search_hit_columns(l, 1, &h[0], &col, &w), 1);
	assert_int_equal(col, 2);
	assert_int_equal(w, 4);
	assert_int_equal(search_hit_columns(l, 2, &h[0], &col, &w), 0);
	assert_int_equal(search_hit_columns(l, 2, &h[1], &col, &w), 1);
	assert_int_equal(col, 2);
	assert_int_equal(w, 4);
	assert_int_equal(search_hit_columns(l, 9, &h[1], &col, &w), 0);
	free(h);
	layout_free(l);
}

/*
 * Layout and search see the same grapheme clusters.  Laid out one column
 * wide, each line holds one cluster; searching for any one character of
 * the text finds whole lines, and each line a hit is on is marked whole.
 */
static void
test_hit_clusters(void **state)
{
	static const char *const hard[] = {
		/* Three flags, six regional indicators. */
		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa\xf0\x9f\x87\xab"
		"\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa",
		/* A family: man, ZWJ, woman, ZWJ, girl; then a flag. */
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
		"\xf0\x9f\x91\xa7\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa",
		/* Thumbs up with a skin tone, a heart with VS16, a keycap. */
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xe2\x9d\xa4\xef\xb8\x8f"
		"1\xef\xb8\x8f\xe2\x83\xa3",
		/* Devanagari with a virama and ZWJ; Kannada; Hangul jamo. */
		"\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7"
		"\xe0\xb2\x95\xe0\xb2\xbf\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab",
		/* Stacked marks, a prepended number sign. */
		"e\xcc\x81\xcc\xa3\xcc\x88" "a\xd8\x80\xd9\xa1" "b",
	};
	struct layout_opts	 o;
	struct layout		*l;
	struct search_hit	*h;
	const struct layout_line *ln;
	const char		*src;
	char			*typed;
	size_t			 i, k, c, n, j, nh;
	uint32_t		 uc;
	int			 col, w, on;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.width = 1;
	for (i = 0; i < sizeof(hard) / sizeof(hard[0]); i++) {
		l = layout_new(&o);
		layout_paragraph(l, hard[i], LAYOUT_TEXT, "", "", LAYOUT_TEXT);
		src = layout_source_text(l, 1);
		for (c = 0; c < strlen(src); c += n) {
			n = text_next(src + c, strlen(src) - c, &uc);
			typed = xstrndup(src + c, n);
			nh = hits_of(l, typed, &h);
			for (j = 0; j < nh; j++) {
				for (k = on = 0; k < l->nlines; k++) {
					ln = &l->lines[k];
					if (!search_hit_columns(l, k, &h[j],
					    &col, &w))
						continue;
					on++;
					if (h[j].start > ln->offset ||
					    h[j].end < ln->offset + ln->clen ||
					    col != 0 || w != (int)ln->width)
						fail_msg("string %zu, U+%04X: hit "
						    "[%zu, %zu) at %d+%d, line "
						    "[%u, %u) %u wide", i, uc,
						    h[j].start, h[j].end, col,
						    w, ln->offset, ln->offset +
						    ln->clen, ln->width);
				}
				assert_true(on > 0);
			}
			free(h);
			free(typed);
		}
		layout_free(l);
	}
}

/* The first hit at or after a line. */
static void
test_hit_after(void **state)
{
	struct layout		*l = lay_sample(30);
	struct search_hit	*h;
	struct layout_anchor	 a;
	size_t			 n, k, j, line, i;

	(void)state;
	n = hits_of(l, "rest", &h);
	assert_true(n >= 5);
	assert_int_equal(search_hit_after(l, h, n, 0), 0);
	assert_int_equal(search_hit_after(l, h, n, l->nlines), n);
	assert_int_equal(search_hit_after(l, h, n, l->nlines - 1), n);
	for (k = 0; k < n; k++) {
		a.anchor = h[k].anchor;
		a.offset = h[k].start;
		line = layout_find(l, a);
		/* From the hit's line: that hit or one before it there. */
		i = search_hit_after(l, h, n, line);
		assert_true(i <= k);
		for (j = i; j < k; j++) {
			a.anchor = h[j].anchor;
			a.offset = h[j].start;
			assert_int_equal(layout_find(l, a), line);
		}
		/* From the next line: a later one. */
		assert_true(search_hit_after(l, h, n, line + 1) > k);
	}
	/* From every line: hits before start on earlier lines. */
	for (line = 0; line < l->nlines; line++) {
		i = search_hit_after(l, h, n, line);
		for (j = 0; j < n; j++) {
			a.anchor = h[j].anchor;
			a.offset = h[j].start;
			if (j < i)
				assert_true(layout_find(l, a) < line);
			else
				assert_true(layout_find(l, a) >= line);
		}
	}
	assert_int_equal(search_hit_after(l, h, 0, 0), 0);
	free(h);
	layout_free(l);
}

/* A result too long for its line keeps the heading that matched. */
static void
test_label_fit(void **state)
{
	struct search_entry	 e[3];
	char			*r[3];
	size_t			 off, i;
	int			 cols, ascii;

	(void)state;
	memset(e, 0, sizeof(e));
	e[0].text = "Where the prostate is";
	e[0].label = "A very long topic title about the prostate \xe2\x80\xba "
	    "Where the prostate is";
	e[1].text = "What it does";
	e[1].label = "A very long topic title about the prostate \xe2\x80\xba "
	    "What it does";
	e[2].text = "Sub";
	e[2].label = "A very long topic title \xe2\x80\xba Section heading "
	    "\xe2\x80\xba Sub";
	for (ascii = 0; ascii < 2; ascii++)
		for (cols = 1; cols <= 80; cols++) {
			for (i = 0; i < 3; i++) {
				r[i] = search_label_fit(&e[i], cols, ascii,
				    &off);
				assert_true(text_width(r[i], strlen(r[i])) <=
				    cols);
				/* The heading is whole where it can be. */
				if (cols >= 40) {
					assert_string_equal(r[i] + off,
					    e[i].text);
					assert_true(off > 0);
				}
			}
			/* Two headings never look the same. */
			if (cols >= 10)
				assert_string_not_equal(r[0], r[1]);
			for (i = 0; i < 3; i++)
				free(r[i]);
		}
	/* Wide enough: the whole label, as it is. */
	r[0] = search_label_fit(&e[0], 80, 0, &off);
	assert_string_equal(r[0], e[0].label);
	free(r[0]);
	/* Narrow: the title gives way first. */
	r[0] = search_label_fit(&e[0], 36, 0, &off);
	assert_string_equal(r[0], "A very long\xe2\x80\xa6 \xe2\x80\xba "
	    "Where the prostate is");
	free(r[0]);
	r[0] = search_label_fit(&e[0], 36, 1, &off);
	assert_string_equal(r[0], "A very... > Where the prostate is");
	free(r[0]);
	/* Then the section, then the heading itself. */
	r[0] = search_label_fit(&e[2], 16, 0, &off);
	assert_string_equal(r[0], "\xe2\x80\xa6 \xe2\x80\xba Secti\xe2\x80\xa6 "
	    "\xe2\x80\xba Sub");
	free(r[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_query),
		cmocka_unit_test(test_index_entries),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_sources_entry),
		cmocka_unit_test(test_match_rules),
		cmocka_unit_test(test_finds_every_match),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_spans_nfd),
		cmocka_unit_test(test_text_phrase),
		cmocka_unit_test(test_text_folding),
		cmocka_unit_test(test_text_cjk),
		cmocka_unit_test(test_hit_columns),
		cmocka_unit_test(test_hit_clusters),
		cmocka_unit_test(test_hit_after),
		cmocka_unit_test(test_label_fit),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("search", tests, setup,
	    teardown));
}

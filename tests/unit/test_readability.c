/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Readability tests: syllables of a table of words, what counts as a
 * word and where sentences end, the Flesch-Kincaid formula on passages
 * counted by hand, the text of fixture sections, and the check with its
 * limit, diagnostics and report.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "readability.h"
#include "xalloc.h"

/* Grades are compared to this; hand counts give exact fractions. */
#define GRADE_EPSILON	0.0005

struct counted {
	const char	*text;
	size_t		 words;
	size_t		 sentences;
	size_t		 syllables;
};

static const char		*srcdir(void);
static char			*fixture(const char *);
static void			 load(struct library *, const char *);
static const struct section	*section(const struct library *,
				    const char *, const char *);
static void			 expect_counts(const struct counted *, size_t);
static void			 collect(const char *, void *);

static const char *
srcdir(void)
{
	const char	*top = getenv("top_srcdir");

	return (top != NULL ? top : ".");
}

static char *
fixture(const char *name)
{
	return (xasprintf("%s/tests/data/golden/%s", srcdir(), name));
}

static void
load(struct library *lib, const char *name)
{
	struct diag_list	 d;
	char			*dir = fixture(name);

	doc_library_init(lib);
	diag_init(&d);
	assert_int_equal(library_load_dir(dir, lib, &d), 0);
	if (d.nerrors != 0)
		diag_print(stderr, &d);
	assert_int_equal(d.nerrors, 0);
	diag_free(&d);
	free(dir);
}

static const struct section *
section(const struct library *lib, const char *topic, const char *id)
{
	const struct topic	*t = doc_find_topic(lib, topic);
	long			 i;

	assert_non_null(t);
	i = doc_find_section(t, id);
	assert_true(i >= 0);
	return (&t->sections[i]);
}

/* Each text on its own, as one unit. */
static void
expect_counts(const struct counted *c, size_t n)
{
	struct readability	r;
	size_t			i;

	for (i = 0; i < n; i++) {
		memset(&r, 0, sizeof(r));
		readability_add(&r, c[i].text);
		if (r.words != c[i].words || r.sentences != c[i].sentences ||
		    r.syllables != c[i].syllables)
			fail_msg("\"%s\": %zu words, %zu sentences, %zu "
			    "syllables; expected %zu, %zu, %zu", c[i].text,
			    r.words, r.sentences, r.syllables, c[i].words,
			    c[i].sentences, c[i].syllables);
	}
}

/*
 * Syllables as a dictionary gives them, one rule or exception at least
 * per line.
 */
static void
test_syllables_table(void **state)
{
	static const struct {
		const char	*word;
		unsigned	 n;
	} words[] = {
		{ "cat", 1 }, { "the", 1 }, { "rhythm", 1 }, { "a", 1 },
		{ "doctor", 2 }, { "anatomy", 4 }, { "evidence", 3 },
		{ "make", 1 }, { "prostate", 2 }, { "medicine", 3 },
		{ "table", 2 }, { "little", 2 }, { "possible", 3 },
		{ "whole", 1 }, { "centre", 2 }, { "litres", 2 },
		{ "there", 1 }, { "free", 1 }, { "agree", 2 },
		{ "happy", 2 }, { "every", 2 }, { "day", 1 }, { "fly", 1 },
		{ "yes", 1 }, { "beyond", 2 }, { "layer", 2 }, { "eyes", 1 },
		{ "makes", 1 }, { "types", 1 }, { "boxes", 2 },
		{ "horses", 2 }, { "changes", 2 }, { "washes", 2 },
		{ "tables", 2 }, { "walked", 1 }, { "played", 1 },
		{ "wanted", 2 }, { "needed", 2 }, { "hundred", 2 },
		{ "troubled", 2 }, { "called", 1 }, { "tried", 1 },
		{ "studied", 2 }, { "unique", 2 }, { "tongue", 1 },
		{ "techniques", 2 }, { "safely", 2 }, { "homeless", 2 },
		{ "carefully", 3 }, { "movements", 2 }, { "lifestyle", 2 },
		{ "therefore", 2 }, { "safety", 2 }, { "being", 2 },
		{ "seeing", 2 }, { "dying", 2 }, { "buying", 2 },
		{ "continuing", 4 }, { "spasm", 2 }, { "autism", 3 },
		{ "reuse", 2 }, { "reinfection", 4 }, { "reaction", 3 },
		{ "create", 2 }, { "creature", 2 }, { "science", 2 },
		{ "radio", 3 }, { "biopsy", 3 }, { "antibiotics", 5 },
		{ "infection", 3 }, { "fashion", 2 }, { "million", 2 },
		{ "bacteria", 4 }, { "social", 2 }, { "associate", 4 },
		{ "usually", 4 }, { "quality", 3 }, { "language", 2 },
		{ "video", 3 }, { "surgeon", 2 }, { "people", 2 },
		{ "poem", 2 }, { "diet", 2 }, { "quiet", 2 },
		{ "anxiety", 4 }, { "client", 2 }, { "patient", 2 },
		{ "easier", 3 }, { "healthier", 3 }, { "area", 3 },
		{ "ideas", 3 }, { "fuel", 2 }, { "influenza", 4 },
		{ "fluid", 2 }, { "fruit", 1 }, { "obvious", 3 },
		{ "anxious", 2 }, { "medically", 3 }, { "something", 2 },
		{ "someone", 2 }, { "everyone", 3 }, { "anything", 3 },
		{ "business", 2 }, { "diabetes", 4 }, { "inflammation", 4 },
		{ "prostatitis", 4 }, { "ultrasound", 3 },
		{ "Prostatitis", 4 }, { "Urine", 2 }, { "ANATOMY", 4 },
		{ "caf\xc3\xa9", 2 }, { "na\xc3\xafve", 2 },
		{ "\xc3\x9c" "ber", 2 }, { "cr\xc3\xa8me", 1 },
		{ "NIH", 3 }, { "CPPS", 4 }, { "US", 2 }, { "WHO", 5 },
		{ "III", 1 }, { "IV", 1 }, { "COVID", 2 },
		{ "don't", 1 }, { "didn't", 2 }, { "couldn't", 2 },
		{ "you're", 1 }, { "doctor's", 2 }, { "we'll", 1 },
		{ "doctor\xe2\x80\x99s", 2 }, { "o'clock", 2 },
		{ "long-term", 2 }, { "two-glass", 2 }, { "x-ray", 2 },
		{ "2020", 1 }, { "3.5", 2 }, { "1,000", 2 }, { "3rd", 1 },
		{ "10th", 1 }, { "COVID-19", 3 }, { "B12", 2 },
		{ "e.g", 2 }, { "U.S", 2 },
	};
	size_t		i;
	unsigned	n;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		n = readability_syllables(words[i].word,
		    strlen(words[i].word));
		if (n != words[i].n)
			fail_msg("\"%s\": %u syllables, expected %u",
			    words[i].word, n, words[i].n);
	}
}

/* Never 0 for a word, and 0 only for no letters or digits at all. */
static void
test_syllables_at_least_one(void **state)
{
	static const char *const words[] = {
		"mg", "hmm", "x", "w", "tsk", "brr", "e", "y", "\xce\xb1",
		"\xd0\xbc\xd0\xb8\xd1\x80",
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		assert_int_equal(readability_syllables(words[i],
		    strlen(words[i])), 1);
	assert_int_equal(readability_syllables("", 0), 0);
	assert_int_equal(readability_syllables("-", 1), 0);
	/* Only len bytes are read. */
	assert_int_equal(readability_syllables("catalogue", 3), 1);
}

static void
test_words(void **state)
{
	static const struct counted c[] = {
		{ "", 0, 0, 0 },
		{ "   ", 0, 0, 0 },
		{ "... !? --", 0, 0, 0 },
		{ "don't", 1, 1, 1 },
		{ "long-term care", 2, 1, 3 },
		{ "a - b", 2, 1, 2 },
		{ "well\xe2\x80\x94known", 2, 1, 2 },
		{ "3.5 mg", 2, 1, 3 },
		{ "1,000 people", 2, 1, 4 },
		{ "1, 2, 3", 3, 1, 3 },
		{ "24/7", 2, 1, 2 },
		{ "e.g. rest", 2, 1, 3 },
		{ "(type I)", 2, 1, 2 },
		{ "patients' rights", 2, 1, 3 },
		{ "caf\xc3\xa9 na\xc3\xafve", 2, 1, 4 },
		/* Han characters are a word and a syllable each. */
		{ "\xe5\x89\x8d\xe5\x88\x97\xe8\x85\xba", 3, 1, 3 },
		{ "CPPS\xe5\x89\x8d", 2, 1, 5 },
	};

	(void)state;
	expect_counts(c, sizeof(c) / sizeof(c[0]));
}

static void
test_sentences(void **state)
{
	static const struct counted c[] = {
		/* A unit ends a sentence without punctuation. */
		{ "What this is", 3, 1, 3 },
		{ "Go now. Then rest", 4, 2, 4 },
		{ "Go now! Rest. Call us?", 5, 3, 5 },
		/* Runs count once; nothing before a mark is no sentence. */
		{ "Really?! Yes...", 2, 2, 3 },
		{ "Stop. . . Go.", 2, 2, 2 },
		{ "Wait\xe2\x80\xa6 Then go.", 3, 2, 3 },
		{ ". Go.", 1, 1, 1 },
		/* Decimals, abbreviations, initials. */
		{ "Take 3.5 mg now. Then rest.", 6, 2, 7 },
		{ "Ask Dr. Smith. Then rest.", 5, 2, 5 },
		{ "Use rest, e.g. Ice. Then rest.", 6, 2, 7 },
		{ "It is 5 vs. 6. Then rest.", 7, 2, 7 },
		{ "Ask J. Smith. Then rest.", 5, 2, 5 },
		{ "J. R. Smith said so.", 5, 1, 5 },
		{ "Take vitamin D. Then rest.", 5, 2, 7 },
		{ "I. Then rest.", 3, 2, 3 },
		{ "Bring towels, etc. Then rest.", 5, 2, 6 },
		/* A small letter next: not an end. */
		{ "Wait... then go.", 3, 1, 3 },
		{ "Use approx. two.", 3, 1, 4 },
		/* Closing marks and stars between the stop and the space. */
		{ "He said \"stop.\" Then he left.", 6, 2, 6 },
		{ "Stop *now.* Then rest.", 4, 2, 4 },
		{ "(Rest.) Then go.", 3, 2, 3 },
		{ "end.Next", 2, 1, 2 },
		/* CJK full stops need no space. */
		{ "\xe5\x89\x8d\xe3\x80\x82\xe5\x88\x97\xe3\x80\x82", 2, 2, 2 },
		{ "\xe5\x89\x8d\xef\xbc\x81\xe5\x88\x97", 2, 2, 2 },
	};

	(void)state;
	expect_counts(c, sizeof(c) / sizeof(c[0]));
}

/* Units add up; a unit never joins the sentence of the one before. */
static void
test_units_add_up(void **state)
{
	struct readability	r;

	(void)state;
	memset(&r, 0, sizeof(r));
	readability_add(&r, "Signs and symptoms");
	readability_add(&r, "Pain when you pee");
	readability_add(&r, "");
	readability_add(&r, "Fever. Chills.");
	assert_int_equal(r.words, 9);
	assert_int_equal(r.sentences, 4);
	assert_int_equal(r.syllables, 11);
}

/*
 * The formula on passages counted by hand:
 * A: 11 words, 2 sentences, 11 syllables;
 *    0.39 * 5.5 + 11.8 * 1 - 15.59 = -1.645, shown as 0.
 * B: Pros-ta-ti-tis is in-flam-ma-tion of the pros-tate gland (7, 14),
 *    An-ti-bi-ot-ics of-ten help (3, 8): 10 words, 2 sentences, 22
 *    syllables; 0.39 * 5 + 11.8 * 2.2 - 15.59 = 12.32.
 * C: Wash your hands be-fore you eat (6, 7), keep the wound clean and dry
 *    (6, 6): 0.39 * 6 + 11.8 * 13 / 12 - 15.59 = -0.466667, shown as 0.
 */
static void
test_grade_known_texts(void **state)
{
	static const struct {
		struct counted	 c;
		double		 grade;
	} texts[] = {
		{ { "The cat sat on the mat. The dog ran to it.", 11, 2, 11 },
		    0.0 },
		{ { "Prostatitis is inflammation of the prostate gland. "
		    "Antibiotics often help.", 10, 2, 22 }, 12.32 },
		{ { "Wash your hands before you eat. Keep the wound clean "
		    "and dry.", 12, 2, 13 }, 0.0 },
	};
	struct readability	r;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		expect_counts(&texts[i].c, 1);
		memset(&r, 0, sizeof(r));
		readability_add(&r, texts[i].c.text);
		assert_float_equal(readability_grade(&r), texts[i].grade,
		    GRADE_EPSILON);
	}
}

static void
test_grade_formula(void **state)
{
	struct readability	r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_float_equal(readability_grade(&r), 0.0, GRADE_EPSILON);
	r.words = 100;
	r.sentences = 5;
	r.syllables = 150;
	/* 0.39 * 20 + 11.8 * 1.5 - 15.59 */
	assert_float_equal(readability_grade(&r), 9.91, GRADE_EPSILON);
	r.words = 30;
	r.sentences = 1;
	r.syllables = 60;
	/* 0.39 * 30 + 11.8 * 2 - 15.59 */
	assert_float_equal(readability_grade(&r), 19.71, GRADE_EPSILON);
	/* Words with no sentence count as one sentence. */
	r.sentences = 0;
	assert_float_equal(readability_grade(&r), 19.71, GRADE_EPSILON);
}

/* Units are collected into one string, one a line. */
static void
collect(const char *unit, void *arg)
{
	char	**all = arg, *s;

	s = xasprintf("%s%s\n", *all, unit);
	free(*all);
	*all = s;
}

/*
 * Every patient-visible string of the fixture's sections, emphasis
 * stripped; the drawing, translator notes and links without a label of
 * their own are left out.
 */
static void
test_section_units(void **state)
{
	struct library	 lib;
	char		*all;

	(void)state;
	load(&lib, "content");
	all = xstrdup("");
	readability_section_units(section(&lib, "sample", "intro"), collect,
	    &all);
	assert_string_equal(all,
	    "What this is\n"
	    "This paragraph is long enough to wrap at every width the tests "
	    "use, and it has two emphasised words in the middle of it.\n"
	    "A subheading\n"
	    "A short point with emphasis.\n"
	    "A longer point that goes on for long enough that it has to "
	    "wrap onto a second line.\n"
	    "First do this.\n"
	    "Then do that, which takes a few more words to say.\n"
	    "Last of all, rest.\n");
	free(all);
	all = xstrdup("");
	readability_section_units(section(&lib, "sample", "evidence"),
	    collect, &all);
	assert_string_equal(all,
	    "What the research says\n"
	    "Rest for a sore back\n"
	    "Rest probably helps for a day or two.\n"
	    "Magnets\n"
	    "No studies have looked at this, so we don't know.\n"
	    "A box with an arrow pointing right.\n"
	    "A very small drawing.\n"
	    "The other topic\n");
	free(all);
	all = xstrdup("");
	readability_section_units(section(&lib, "sample", "help"), collect,
	    &all);
	assert_string_equal(all,
	    "When to get help\n"
	    "Call your local emergency number now if\n"
	    "You cannot breathe.\n"
	    "You have chest pain that spreads to your arm.\n"
	    "See a doctor today if\n"
	    "You have a fever and pain when you pee.\n"
	    "Make an appointment if\n"
	    "Symptoms last more than two weeks.\n"
	    "Keep in mind\n"
	    "Most people get better with rest.\n");
	free(all);
	doc_library_free(&lib);
}

/*
 * Sections of the fixture counted by hand, unit by unit (words,
 * syllables), one sentence each:
 * intro: What this is (3, 3); This para-graph is long e-nough to wrap at
 *   ev-ery width the tests use and it has two em-pha-sised words in the
 *   mid-dle of it (24, 31); A sub-head-ing (2, 4); A short point with
 *   em-pha-sis (5, 7); A long-er point that goes on for long e-nough that
 *   it has to wrap on-to a sec-ond line (18, 22); First do this (3, 3);
 *   Then do that which takes a few more words to say (11, 11); Last of
 *   all rest (4, 4): 70 words, 8 sentences, 85 syllables.
 * evidence: What the re-search says (4, 5); Rest for a sore back (5, 5);
 *   Rest prob-a-bly helps for a day or two (8, 10); Mag-nets (1, 2); No
 *   stud-ies have looked at this so we don't know (10, 11); A box with an
 *   ar-row point-ing right (7, 9); A ver-y small draw-ing (4, 6); The
 *   oth-er top-ic (3, 5): 42, 8, 53.
 * help: When to get help (4, 4); Call your lo-cal e-mer-gen-cy num-ber
 *   now if (7, 12); You can-not breathe (3, 4); You have chest pain that
 *   spreads to your arm (9, 9); See a doc-tor to-day if (5, 7); You have a
 *   fe-ver and pain when you pee (9, 10); Make an ap-point-ment if (4, 6);
 *   Symp-toms last more than two weeks (6, 7); Keep in mind (3, 3); Most
 *   peo-ple get bet-ter with rest (6, 8): 56, 10, 70.
 */
static void
test_section_counts(void **state)
{
	static const struct {
		const char	*id;
		size_t		 words;
		size_t		 sentences;
		size_t		 syllables;
	} expect[] = {
		{ "intro", 70, 8, 85 },
		{ "evidence", 42, 8, 53 },
		{ "help", 56, 10, 70 },
	};
	struct library		lib;
	struct readability	r;
	size_t			i;

	(void)state;
	load(&lib, "content");
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		memset(&r, 0, sizeof(r));
		readability_section(section(&lib, "sample", expect[i].id), &r);
		if (r.words != expect[i].words ||
		    r.sentences != expect[i].sentences ||
		    r.syllables != expect[i].syllables)
			fail_msg("%s: %zu words, %zu sentences, %zu "
			    "syllables", expect[i].id, r.words, r.sentences,
			    r.syllables);
	}
	/* intro: 0.39 * 70 / 8 + 11.8 * 85 / 70 - 15.59 */
	memset(&r, 0, sizeof(r));
	readability_section(section(&lib, "sample", "intro"), &r);
	assert_float_equal(readability_grade(&r), 2.151071, GRADE_EPSILON);
	doc_library_free(&lib);
}

/* Within the limit: no diagnostics, and a report for each topic. */
static void
test_check_clean(void **state)
{
	struct library		 lib;
	struct diag_list	 d;
	char			*buf = NULL;
	size_t			 size = 0;
	FILE			*fp;

	(void)state;
	load(&lib, "content");
	diag_init(&d);
	fp = open_memstream(&buf, &size);
	assert_non_null(fp);
	assert_int_equal(readability_check(&lib, fp, &d), 0);
	fclose(fp);
	assert_int_equal(d.n, 0);
	assert_non_null(strstr(buf, "other.yaml: reading grade "
	    "(Flesch-Kincaid), limit 8\n"));
	assert_non_null(strstr(buf, "    2.2  intro\n"));
	assert_null(strstr(buf, "above the limit"));
	free(buf);
	diag_free(&d);
	doc_library_free(&lib);
}

/*
 * The limit of the topic's own directory: the hard fixture allows grade
 * 6, and its jargon section is far above it.
 */
static void
test_check_over_limit(void **state)
{
	struct library		 lib;
	struct diag_list	 d;
	const struct diag	*e;
	char			*buf = NULL, *expect;
	size_t			 size = 0;
	FILE			*fp;

	(void)state;
	load(&lib, "hard");
	assert_int_equal(lib.settings.grade_limit, DOC_GRADE_LIMIT_DEFAULT);
	assert_int_equal(lib.packs[0]->grade_limit, 6);
	diag_init(&d);
	fp = open_memstream(&buf, &size);
	assert_non_null(fp);
	assert_int_equal(readability_check(&lib, fp, &d), 1);
	fclose(fp);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.nwarnings, 0);
	/* The advice: the longest sentence and the longest words. */
	e = &d.items[1];
	assert_int_equal(e->code, DIAG_READABILITY_WHY);
	assert_int_equal(e->level, DIAG_NOTE);
	assert_int_equal(e->line, 13);
	assert_string_equal(e->arg2, "'Administration of nonsteroidal "
	    "anti-inflammatory medication ...' (23 words)");
	assert_string_equal(e->arg3, "'anti-inflammatory', "
	    "'Pharmacological', 'cardiovascular'");
	e = &d.items[0];
	assert_int_equal(e->code, DIAG_READABILITY);
	assert_int_equal(e->level, DIAG_ERROR);
	assert_string_equal(e->arg, "jargon");
	assert_string_equal(e->arg3, "6");
	assert_int_equal(e->line, 13);
	assert_int_equal(e->col, 5);
	expect = xasprintf("%s/tests/data/golden/hard/hard.yaml", srcdir());
	assert_string_equal(e->file, expect);
	free(expect);
	assert_non_null(strstr(buf, "limit 6\n"));
	assert_non_null(strstr(buf, "  jargon  (above the limit)\n"));
	assert_non_null(strstr(buf, "  plain\n"));
	assert_non_null(strstr(buf, "median of 2 sections\n"));
	free(buf);
	diag_free(&d);
	doc_library_free(&lib);
}

/* A limit set for the whole library wins over a folder's own. */
static void
test_check_library_limit(void **state)
{
	static const char *const over[] = { "sources", "intro", "words" };
	struct library		lib;
	struct diag_list	d;
	size_t			i;

	(void)state;
	load(&lib, "content");
	for (i = 0; i < lib.ntopics; i++) {
		free(lib.topics[i]->file);
		lib.topics[i]->file = NULL;
	}
	lib.settings.grade_limit = 2;
	lib.settings.grade_set = 1;
	diag_init(&d);
	/*
	 * Above 2: other's sources (4.3), sample's intro (2.2) and words
	 * (7.4); not part (0, from -0.3), help (1.3) or evidence (1.3).
	 */
	assert_int_equal(readability_check(&lib, NULL, &d), 3);
	/* Each error is followed by its advice. */
	assert_int_equal(d.n, 6);
	assert_int_equal(d.nerrors, 3);
	for (i = 0; i < d.n; i += 2) {
		assert_int_equal(d.items[i].code, DIAG_READABILITY);
		assert_string_equal(d.items[i].arg, over[i / 2]);
		assert_string_equal(d.items[i].arg3, "2");
		assert_int_equal(d.items[i + 1].level, DIAG_NOTE);
		assert_string_equal(d.items[i + 1].arg, over[i / 2]);
	}
	diag_free(&d);
	doc_library_free(&lib);
}

/*
 * A topic written in another language gets no grade, and a warning that
 * topics are written in English.
 */
static void
test_check_not_english(void **state)
{
	struct library		 lib;
	struct diag_list	 d;
	struct topic		*t;
	char			*path, *buf = NULL;
	size_t			 size = 0;
	FILE			*fp;

	(void)state;
	doc_library_init(&lib);
	diag_init(&d);
	path = xasprintf("%s/tests/data/bad/not-english.yaml", srcdir());
	assert_non_null(t = content_load_file(path, NULL, &d));
	doc_library_add(&lib, t);
	lib.settings.grade_limit = 1;
	fp = open_memstream(&buf, &size);
	assert_non_null(fp);
	assert_int_equal(readability_check(&lib, fp, &d), 0);
	fclose(fp);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].code, DIAG_NOT_ENGLISH);
	assert_int_equal(d.items[0].level, DIAG_WARNING);
	assert_int_equal(d.items[0].line, 2);
	assert_non_null(strstr(buf, "not-english.yaml: no reading grade: "
	    "the text is not English\n"));
	free(buf);
	free(path);
	diag_free(&d);
	doc_library_free(&lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syllables_table),
		cmocka_unit_test(test_syllables_at_least_one),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_units_add_up),
		cmocka_unit_test(test_grade_known_texts),
		cmocka_unit_test(test_grade_formula),
		cmocka_unit_test(test_section_units),
		cmocka_unit_test(test_section_counts),
		cmocka_unit_test(test_check_clean),
		cmocka_unit_test(test_check_over_limit),
		cmocka_unit_test(test_check_library_limit),
		cmocka_unit_test(test_check_not_english),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("readability", tests, NULL,
	    NULL));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation checks: for each check, a translation with the fault gives
 * exactly the finding expected and a sound one gives none; widths count
 * CJK characters as two columns; French accepts both no-break spaces;
 * the emphasis rules are the renderer's; the PO reader unescapes and
 * keeps what the checks need.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "layout.h"
#include "pofile.h"
#include "tcheck.h"
#include "text.h"

#define NBSP	"\xc2\xa0"
#define NNBSP	"\xe2\x80\xaf"

static struct diag_list	dl;

/*
 * Checks one translation; returns the codes found, in order, as a
 * string of letters 'A' + code - DIAG_TR_EMPH_OPEN ("" for none).
 */
static const char *
check(const char *lang, const char *en, const char *tr, int flags,
    int maxcols)
{
	static char		 codes[32];
	struct tcheck_entry	 e;
	size_t			 i, n;

	memset(&e, 0, sizeof(e));
	e.file = "x.po";
	e.line = 7;
	e.lang = lang;
	e.msgid = en;
	e.msgstr = tr;
	e.flags = flags;
	e.maxcols = maxcols;
	diag_free(&dl);
	n = tcheck_entry(&dl, &e);
	assert_int_equal(n, dl.n);
	for (i = 0; i < dl.n && i < sizeof(codes) - 1; i++) {
		assert_string_equal(dl.items[i].arg, lang);
		assert_int_equal(dl.items[i].line, 7);
		codes[i] = (char)('A' + dl.items[i].code - DIAG_TR_EMPH_OPEN);
	}
	codes[i] = '\0';
	return (codes);
}

#define OPEN	"A"
#define COUNT	"B"
#define WIDE	"C"
#define LINES	"D"
#define ASCII	"E"
#define FORMAT	"F"
#define FEWER	"G"
#define CJK	"H"
#define FRSP	"I"
#define FRNO	"J"
#define FRQ	"K"
#define LONG	"L"

static void
test_emphasis(void **state)
{
	(void)state;
	assert_string_equal(check("de", "It *does* help.", "Es *hilft*.",
	    TCHECK_EMPH, 0), "");
	/* Unclosed: the star shows. */
	assert_string_equal(check("de", "It *does* help.", "Es *hilft.",
	    TCHECK_EMPH, 0), OPEN);
	/* A space before the closing star: not bold either. */
	assert_string_equal(check("de", "It *does* help.", "Es *hilft *.",
	    TCHECK_EMPH, 0), OPEN);
	/* One part where the English has two. */
	assert_string_equal(check("de", "*One* and *two*.",
	    "*Eins* und zwei.", TCHECK_EMPH, 0), COUNT);
	/* A star the English has as it is may stay. */
	assert_string_equal(check("de", "5 * 3", "5 * 3", TCHECK_EMPH, 0),
	    "");
	/* Only topic text: program text has no bold. */
	assert_string_equal(check("de", "a", "b *c", 0, 0), "");
	/* After CJK punctuation a star opens, as the renderer has it. */
	assert_string_equal(check("zh_CN", "A. *In fact*, no.",
	    "这样。*事实上*，不是。", TCHECK_EMPH, 0), "");
	/* A star after a letter does not open. */
	assert_string_equal(check("de", "*a* b", "un*real*ly", TCHECK_EMPH,
	    0), OPEN);
	/* Nothing is said about an entry not translated yet. */
	assert_string_equal(check("de", "*a*", "", TCHECK_EMPH, 0), "");
}

static void
test_strip_emph_shared(void **state)
{
	struct text_emph	*em;
	size_t			 n;
	char			*s;

	(void)state;
	s = text_strip_emph("a *b c* d *e", &em, &n);
	assert_string_equal(s, "a b c d *e");
	assert_int_equal(n, 1);
	assert_int_equal(em[0].start, 2);
	assert_int_equal(em[0].end, 5);
	free(s);
	free(em);
	s = text_strip_emph("**x**", &em, &n);
	assert_string_equal(s, "*x*");
	assert_int_equal(n, 1);
	free(s);
	free(em);
}

static void
test_drawings(void **state)
{
	const char	*en = "+--+\n|  |--> bladder\n+--+";
	char		 wide[128];

	(void)state;
	assert_string_equal(check("de", en, "+--+\n|  |--> Blase\n+--+",
	    TCHECK_ART, 0), "");
	/* 18 CJK characters: 8 + 36 columns. */
	assert_string_equal(check("zh_CN", en,
	    "+--+\n|  |--> 膀胱膀胱膀胱膀胱膀胱膀胱膀胱膀胱膀胱\n+--+",
	    TCHECK_ART, 0), WIDE);
	/* 15 of them fit: 38 columns. */
	assert_string_equal(check("zh_CN", en,
	    "+--+\n|  |--> 膀胱膀胱膀胱膀胱膀胱膀胱膀胱膀\n+--+", TCHECK_ART,
	    0), "");
	/* Exactly the limit the layout shows on a 40-column screen. */
	snprintf(wide, sizeof(wide), "%.*s", LAYOUT_FIGURE_MAX,
	    "----------------------------------------------------------");
	assert_string_equal(check("de", en, wide, TCHECK_ART, 0), LINES);
	snprintf(wide, sizeof(wide), "%.*s\n\n", LAYOUT_FIGURE_MAX + 1,
	    "----------------------------------------------------------");
	assert_string_equal(check("de", en, wide, TCHECK_ART, 0), WIDE LINES);
	/* A line more or less. */
	assert_string_equal(check("de", en,
	    "+--+\n|  |--> Blase\n+--+\nBlase", TCHECK_ART, 0), LINES);
	assert_string_equal(check("de", en, "+--+\n|  |--> Blase",
	    TCHECK_ART, 0), LINES);
	/* The ASCII drawing: plain ASCII only. */
	assert_string_equal(check("de", en, "+--+\n|  |--> Harnblase\n+--+",
	    TCHECK_ASCII, 0), "");
	assert_string_equal(check("de", en, "+--+\n|  |--> Blasé\n+--+",
	    TCHECK_ASCII, 0), ASCII);
	assert_string_equal(dl.items[0].arg2, "é");
	/* The art may use any characters; stars are drawing, not bold. */
	assert_string_equal(check("de", "*--*\n|  |", "*──*\n│  │",
	    TCHECK_ART | TCHECK_EMPH, 0), "");
	/* A wide English drawing sets the limit for its translations. */
	assert_string_equal(check("de", wide, wide, TCHECK_ART, 0), "");
}

static void
test_formats(void **state)
{
	(void)state;
	assert_string_equal(check("es", "%zu topics in %s",
	    "%zu temas en %s", TCHECK_FORMAT, 0), "");
	/* Numbered, in another order. */
	assert_string_equal(check("es", "section '%s' of '%s'",
	    "«%2$s», sección «%1$s»", TCHECK_FORMAT, 0), "");
	assert_string_equal(check("es", "%zu topics in %s",
	    "%d temas en %s", TCHECK_FORMAT, 0), FORMAT);
	assert_string_equal(dl.items[0].arg2, "%d, %s");
	assert_string_equal(dl.items[0].arg3, "%zu, %s");
	assert_string_equal(check("es", "no topic '%s'", "ningún «%s» en %s",
	    TCHECK_FORMAT, 0), FORMAT);
	/* A gap in the numbers cannot be printed. */
	assert_string_equal(check("es", "%s: %s", "%2$s", TCHECK_FORMAT, 0),
	    FORMAT);
	/* Mixed numbered and plain. */
	assert_string_equal(check("es", "%s: %s", "%2$s %s", TCHECK_FORMAT,
	    0), FORMAT);
	/* Left out: said, but a plural form may. */
	assert_string_equal(check("es", "%s: %s", "leer %s", TCHECK_FORMAT,
	    0), FEWER);
	assert_string_equal(check("es", "%zu file", "un archivo",
	    TCHECK_FORMAT | TCHECK_PLURAL, 0), "");
	assert_string_equal(check("es", "%d%% read", "%d%% leído",
	    TCHECK_FORMAT, 0), "");
	/* Not a format: nothing to compare. */
	assert_string_equal(check("es", "100%", "100 % y %s", 0, 0), "");
}

static void
test_cjk_spaces(void **state)
{
	(void)state;
	assert_string_equal(check("zh_CN", "if you have *acute prostatitis*.",
	    "如果您患有 *急性前列腺炎*。", TCHECK_EMPH, 0), CJK);
	assert_string_equal(check("zh_CN", "*In fact*, no.",
	    "*事实上* 不是。", TCHECK_EMPH, 0), CJK);
	/* After CJK punctuation too. */
	assert_string_equal(check("zh_CN", "So. *In fact*, no.",
	    "这样。 *事实上*，不是。", TCHECK_EMPH, 0), CJK);
	assert_string_equal(check("ja", "*Do* it.", "*必ず* する。",
	    TCHECK_EMPH, 0), CJK);
	assert_string_equal(check("zh_CN", "if you have *acute prostatitis*.",
	    "如果您患有*急性前列腺炎*。", TCHECK_EMPH, 0), "");
	/* Latin words keep their spaces; Korean spaces its words. */
	assert_string_equal(check("zh_CN", "a *PSA test* b",
	    "a *PSA 检查* b", TCHECK_EMPH, 0), "");
	assert_string_equal(check("ko", "*Do* it.", "*꼭* 하세요.",
	    TCHECK_EMPH, 0), "");
	assert_true(tcheck_cjk(0x4e2d));
	assert_true(tcheck_cjk(0x3002));
	assert_true(tcheck_cjk(0xff0c));
	assert_false(tcheck_cjk('a'));
	assert_false(tcheck_cjk(0xac00));
}

static void
test_french(void **state)
{
	(void)state;
	assert_string_equal(check("fr", "Search: ", "Recherche" NBSP ": ", 0,
	    0), "");
	assert_string_equal(check("fr", "Search: ", "Recherche" NNBSP ": ", 0,
	    0), "");
	assert_string_equal(check("fr", "Search: ", "Recherche : ", 0, 0),
	    FRSP);
	assert_string_equal(dl.items[0].arg2, ":");
	assert_string_equal(check("fr", "Sure?", "Sûr?", 0, 0), FRNO);
	assert_string_equal(check("fr", "a; b", "a ; b", 0, 0), FRSP);
	assert_string_equal(check("fr_CA", "Stop!", "Arrêtez !", 0, 0),
	    FRSP);
	/* Each sign once per entry; each fault said. */
	assert_string_equal(check("fr", "a: b: c!", "a : b : c!", 0, 0),
	    FRSP FRNO);
	assert_string_equal(check("fr", "\"doctor\"", "« médecin »", 0, 0),
	    FRQ FRQ);
	assert_string_equal(check("fr", "\"doctor\"",
	    "«" NNBSP "médecin" NBSP "»", 0, 0), "");
	/* Not punctuation: URLs, options, times, keys, code, brackets. */
	assert_string_equal(check("fr", "x", "voir https://a.org/b:c ici",
	    0, 0), "");
	assert_string_equal(check("fr", "x", "--lang=fr:de ou --x", 0, 0),
	    "");
	assert_string_equal(check("fr", "x", "à 10:30", 0, 0), "");
	assert_string_equal(check("fr", "x", "Appuyez sur ? pour l'aide", 0,
	    0), "");
	assert_string_equal(check("fr", "x", "%d %%  ?" NNBSP ": aide", 0,
	    0), "");
	assert_string_equal(check("fr", "x", "écrivez '%s:' ici", 0, 0), "");
	assert_string_equal(check("fr", "x", "les étiquettes (!) non", 0, 0),
	    "");
	/* Other languages and drawings are left alone. */
	assert_string_equal(check("de", "Search: ", "Suche : ", 0, 0), "");
	assert_string_equal(check("frr", "Search: ", "Suche : ", 0, 0), "");
	assert_string_equal(check("fr", "A : B", "A : B", TCHECK_ART, 0),
	    "");
}

static void
test_widths(void **state)
{
	(void)state;
	assert_string_equal(check("de", "Back", "Zurück", 0, 5), LONG);
	assert_string_equal(dl.items[0].arg2, "6");
	assert_string_equal(dl.items[0].arg3, "5");
	assert_string_equal(check("de", "Back", "Zurü", 0, 5), "");
	/* CJK characters take two columns. */
	assert_string_equal(check("zh_CN", "Back", "返回", 0, 5), "");
	assert_string_equal(check("zh_CN", "Back", "返回页", 0, 5), LONG);
	assert_string_equal(dl.items[0].arg2, "6");
	/* Combining marks take none. */
	assert_string_equal(check("vi", "Back", "Quay la\xcc\xa3i", 0, 8),
	    "");
	/* The widest line counts. */
	assert_string_equal(check("de", "a\nb", "abc\nabcdef", 0, 5), LONG);
	assert_string_equal(check("de", "Back", "Zurück", 0, 0), "");
}

static void
test_limits(void **state)
{
	(void)state;
	assert_int_equal(tcheck_limit("TRANSLATORS: a button.  At most 5 "
	    "columns."), 5);
	assert_int_equal(tcheck_limit("at most 33 columns"), 33);
	assert_int_equal(tcheck_limit("TRANSLATORS: a line.  AT MOST\n12 "
	    "COLUMNS"), 12);
	assert_int_equal(tcheck_limit("At most 1 column."), 1);
	assert_int_equal(tcheck_limit("TRANSLATORS: keep it short."), 0);
	assert_int_equal(tcheck_limit("at most five columns"), 0);
	assert_int_equal(tcheck_limit("at most 5 lines"), 0);
	assert_int_equal(tcheck_limit("that most 5 columns"), 0);
	assert_int_equal(tcheck_limit(NULL), 0);
	assert_int_equal(tcheck_comment_flags(
	    "sections[a].blocks[1].figure.art\nA text drawing."), TCHECK_ART);
	assert_int_equal(tcheck_comment_flags(
	    "sections[a].blocks[1].figure.ascii"), TCHECK_ASCII);
	assert_int_equal(tcheck_comment_flags("sections[a].heading"), 0);
	assert_int_equal(tcheck_comment_flags(NULL), 0);
}

static void
test_pofile(void **state)
{
	static const char po[] =
	    "# comment\n"
	    "msgid \"\"\n"
	    "msgstr \"\"\n"
	    "\"Language: zh_CN\\n\"\n"
	    "\"Plural-Forms: nplurals=1; plural=0;\\n\"\n"
	    "\n"
	    "#. TRANSLATORS: a button.\n"
	    "#. At most 5 columns.\n"
	    "#, fuzzy, c-format\n"
	    "msgctxt \"button\"\n"
	    "msgid \"Back \\\"%s\\\"\\n\"\n"
	    "\"\\ttwo\"\n"
	    "msgstr \"\\u\"\n";
	static const char plural[] =
	    "msgid \"%zu file\"\n"
	    "msgid_plural \"%zu files\"\n"
	    "msgstr[0] \"a\"\n"
	    "msgstr[1] \"b\"\n"
	    "#~ msgid \"old\"\n"
	    "#~ msgstr \"alt\"\n"
	    "msgid \"x\"\n"
	    "msgstr \"y\"\n";
	struct pofile	 p;
	char		*why, *s;
	const char	*c;

	(void)state;
	/* An unknown escape is an error, said with its line. */
	assert_int_equal(pofile_parse(po, strlen(po), &p, &why), -1);
	assert_string_equal(why, "13: an unknown escape sequence");
	free(why);
	s = strdup(po);
	memcpy(strstr(s, "\\u"), "ok", 2);
	assert_int_equal(pofile_parse(s, strlen(s), &p, &why), 0);
	free(s);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.items[1].ctxt, "button");
	assert_string_equal(p.items[1].msgid, "Back \"%s\"\n\ttwo");
	assert_int_equal(p.items[1].line, 11);
	assert_true(p.items[1].fuzzy);
	assert_true(p.items[1].c_format);
	assert_string_equal(p.items[1].comments,
	    "TRANSLATORS: a button.\nAt most 5 columns.");
	assert_int_equal(tcheck_limit(p.items[1].comments), 5);
	s = pofile_header(&p, "Language");
	assert_string_equal(s, "zh_CN");
	free(s);
	assert_null(pofile_header(&p, "Lang"));
	assert_non_null(pofile_find(&p, "button", "Back \"%s\"\n\ttwo"));
	assert_null(pofile_find(&p, NULL, "Back \"%s\"\n\ttwo"));
	pofile_free(&p);

	assert_int_equal(pofile_parse(plural, strlen(plural), &p, &why), 0);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.items[0].msgid_plural, "%zu files");
	assert_int_equal(p.items[0].nmsgstr, 2);
	assert_string_equal(p.items[0].msgstr[1], "b");
	assert_string_equal(p.items[1].msgid, "x");
	assert_int_equal(p.items[1].line, 7);
	pofile_free(&p);

	c = "msgid \"a\nmsgstr \"\"\n";
	assert_int_equal(pofile_parse(c, strlen(c), &p, &why), -1);
	assert_string_equal(why, "1: a string without its closing quote");
	free(why);
	c = "msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n";
	assert_int_equal(pofile_parse(c, strlen(c), &p, &why), -1);
	assert_string_equal(why, "3: a second msgstr");
	free(why);
	assert_int_equal(pofile_parse("\"a\"\n", 4, &p, &why), -1);
	free(why);
	assert_int_equal(pofile_parse("hello\n", 6, &p, &why), -1);
	free(why);
}

static int
teardown(void **state)
{
	(void)state;
	diag_free(&dl);
	return (0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emphasis),
		cmocka_unit_test(test_strip_emph_shared),
		cmocka_unit_test(test_drawings),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_cjk_spaces),
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_pofile),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return (77);
	diag_init(&dl);
	return (cmocka_run_group_tests_name("tcheck", tests, NULL,
	    teardown));
}

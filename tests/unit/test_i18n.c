/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation tests, with a made-up language "qa" whose catalogues are
 * built by make check: lookup by context, English where nothing current
 * exists (untranslated or fuzzy), the LANGUAGE priority list, switching
 * and back, hostile translations, and one edited English paragraph
 * falling back alone.
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
#include <unistd.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

static struct library	lib;
static char		fixtures[4096];

static const struct topic *
sample(void)
{
	const struct topic	*t = doc_find_topic(&lib, "sample");

	assert_non_null(t);
	return (t);
}

/* A content string in the language of the program's text now. */
static const char *
content(const struct tstr *ts)
{
	return (i18n_content(i18n_lang_current(), ts));
}

static const char *
current(void)
{
	return (i18n_lang_code(i18n_lang_current()));
}

static const char *
heading(const char *id)
{
	const struct topic	*t = sample();

	return (content(&t->sections[doc_find_section(t, id)].heading));
}

static int
load(const char *dir, struct library *l)
{
	struct diag_list	d;
	int			rc;

	doc_library_init(l);
	diag_init(&d);
	rc = library_load_dir(dir, l, &d) != 0 || d.nerrors != 0 ? -1 : 0;
	diag_free(&d);
	return (rc);
}

static int
setup(void **state)
{
	const char	*top = getenv("top_srcdir");
	const char	*loc = getenv("PAMPHLET_TEST_LOCALEDIR");

	(void)state;
	if (loc == NULL)
		return (-1);
	setenv("PAMPHLET_LOCALEDIR", loc, 1);
	unsetenv("LANGUAGE");
	setenv("LC_ALL", "C.UTF-8", 1);
	i18n_init(NULL);
	snprintf(fixtures, sizeof(fixtures), "%s/tests/data/golden/content",
	    top != NULL ? top : ".");
	return (load(fixtures, &lib));
}

static int
teardown(void **state)
{
	(void)state;
	doc_library_free(&lib);
	return (0);
}

static int
english(void **state)
{
	(void)state;
	i18n_set_language("en");
	return (0);
}

static void
test_english_by_default(void **state)
{
	const struct topic	*t = sample();

	(void)state;
	assert_string_equal(current(), "en");
	/* Untranslated: the very string of the model, not a copy. */
	assert_ptr_equal(content(&t->title), tstr_msgid(&t->title));
	assert_string_equal(_("Health topics"), "Health topics");
}

static void
test_lookup_by_context(void **state)
{
	const struct topic	*t = sample();

	(void)state;
	assert_int_equal(i18n_set_language("qa"), 0);
	assert_string_equal(content(&t->title), "Qa sample");
	assert_string_equal(heading("intro"), "Qa what");
	assert_string_equal(_("Health topics"), "Qa topics");
	/* The same English with another context is another string. */
	assert_string_equal(content(&t->summary),
	    "A topic that uses every kind of block, for tests.");
}

static void
test_fuzzy_and_missing_fall_back(void **state)
{
	(void)state;
	i18n_set_language("qa");
	/* Awaiting review: msgfmt leaves it out, so English shows. */
	assert_string_equal(heading("words"), "Wide and combining characters");
	assert_string_equal(heading("evidence"), "What the research says");
}

static void
test_hostile_translation_made_safe(void **state)
{
	const char	*h;

	(void)state;
	i18n_set_language("qa");
	h = heading("help");
	assert_true(text_is_safe(h, strlen(h)));
	assert_null(strchr(h, '\033'));
	assert_null(strchr(h, '\007'));
	assert_null(strstr(h, "\xe2\x80\xae"));
	assert_non_null(strstr(h, "help"));
}

static void
test_priority_list(void **state)
{
	const struct topic	*t = sample();

	(void)state;
	/* A language with no catalogue first: the next one is used. */
	setenv("LANGUAGE", "zz:qa", 1);
	i18n_init(NULL);
	assert_string_equal(content(&t->title), "Qa sample");
	setenv("LANGUAGE", "zz:en", 1);
	i18n_init(NULL);
	assert_string_equal(content(&t->title), "Sample topic");
	unsetenv("LANGUAGE");
	i18n_init(NULL);
}

static void
test_switch_and_back(void **state)
{
	const struct topic	*t = sample();

	(void)state;
	i18n_set_language("qa");
	assert_string_equal(content(&t->title), "Qa sample");
	i18n_set_language("en");
	assert_string_equal(content(&t->title), "Sample topic");
	assert_string_equal(current(), "en");
	i18n_set_language("qa");
	assert_string_equal(content(&t->title), "Qa sample");
	assert_int_equal(i18n_set_language("../etc"), -1);
	assert_int_equal(i18n_set_language(""), -1);
	assert_string_equal(current(), "qa");
}

/*
 * Only language codes name a language: glibc expands other names from
 * locale.alias into catalogues that were never checked.  The name that
 * reaches LANGUAGE is the code checked, without its codeset.
 */
static void
test_language_names(void **state)
{
	static const char *const bad[] = {
		"german", "deutsch", "DE", "de_de", "d", "deut_DE", "de_DEU",
		"de_DE.", "de@", "de@Latin", "de-DE", "de_DE.UTF-8@x@y",
		"japanese.euc", "../qa", "qa/", "qa:de", "C", "POSIX",
	};
	size_t	i;

	(void)state;
	i18n_set_language("qa");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (i18n_set_language(bad[i]) != -1)
			fail_msg("'%s' taken for a language code", bad[i]);
	assert_string_equal(current(), "qa");
	assert_string_equal(getenv("LANGUAGE"), "qa");
	assert_int_equal(i18n_set_language("qa.UTF-8"), 0);
	assert_string_equal(current(), "qa");
	assert_string_equal(getenv("LANGUAGE"), "qa");
	assert_string_equal(_("Health topics"), "Qa topics");
	assert_int_equal(i18n_set_language("qa_QQ.ISO-8859-1@latin"), 0);
	assert_string_equal(current(), "qa_QQ@latin");
	assert_string_equal(getenv("LANGUAGE"), "qa_QQ@latin");
	assert_string_equal(_("Health topics"), "Qa topics");
	assert_int_equal(i18n_set_language("zh_CN"), 0);
	assert_int_equal(i18n_set_language("ast"), 0);
	assert_int_equal(i18n_set_language("sr@latin"), 0);
	i18n_set_language("en");
}

static void
test_languages_named_in_themselves(void **state)
{
	struct i18n_choice	*l;
	size_t			 n;

	(void)state;
	i18n_set_language("qa");
	n = i18n_languages(&l);
	assert_int_equal(n, 2);
	assert_string_equal(i18n_lang_code(l[0].lang), "en");
	assert_string_equal(l[0].name, "English");
	assert_string_equal(i18n_lang_code(l[1].lang), "qa");
	assert_string_equal(l[1].name, "Qaish");
	/* Naming them does not change the language in use. */
	assert_string_equal(current(), "qa");
	assert_string_equal(_("Health topics"), "Qa topics");
	i18n_languages_free(l, n);
}

static void
test_plurals(void **state)
{
	(void)state;
	i18n_set_language("qa");
	assert_string_equal(i18n_ui_plural("%zu heading found",
	    "%zu headings found", 1), "%zu qa heading");
	assert_string_equal(i18n_ui_plural("%zu heading found",
	    "%zu headings found", 3), "%zu qa headings");
}

/* A translation is a format only if its directives fit the English. */
static void
test_formats_must_fit(void **state)
{
	(void)state;
	i18n_set_language("qa");
	/* More directives than arguments, or another type: English. */
	assert_string_equal(_("See also: %s"), "See also: %s");
	assert_string_equal(_("How sure: %s"), "How sure: %s");
	/* Numbered directives of the same types are fine. */
	assert_string_equal(_("Sources: %s"), "Qa sources %1$s");
	assert_string_equal(i18n_ui_plural("Found %ld of %zu",
	    "Found %ld of %zu", 1), "Qa found %2$zu, at %1$ld");
	assert_string_equal(i18n_ui_plural("Found %ld of %zu",
	    "Found %ld of %zu", 2), "Found %ld of %zu");
	/*
	 * Numbered and plain directives mixed (glibc and the count here
	 * would disagree on which argument is which), or a numbered one
	 * left out: English.
	 */
	assert_string_equal(_("Mixed %zu and %s"), "Mixed %zu and %s");
	assert_string_equal(_("Gap %s %s %s"), "Gap %s %s %s");
	/* Widths and precisions past two digits: English. */
	assert_string_equal(_("Wide %d"), "Wide %d");
	assert_string_equal(_("Precise %s"), "Precise %s");
	assert_string_equal(_("Narrow %d"), "Qa %-5d");
	/* A '*' takes an int of its own, where the English has one. */
	assert_string_equal(_("Star %*d"), "Qa %*d");
	assert_string_equal(_("Star %d and %d"), "Star %d and %d");
	/* So a layout with them is whole, not a crash. */
	{
		struct layout_opts	 o;
		struct layout		*l;

		memset(&o, 0, sizeof(o));
		o.width = 80;
		o.lib = &lib;
		l = layout_topic(sample(), &o);
		assert_true(l->nlines > 10);
		layout_free(l);
	}
}

/* A layout in the language: translated where current, English elsewhere. */
static char *
layout_text(const struct topic *t, const struct i18n_lang *lang)
{
	struct layout_opts	 o;
	struct layout		*l;
	char			*s;

	memset(&o, 0, sizeof(o));
	o.width = 200;
	o.lang = lang;
	l = layout_topic(t, &o);
	s = xmalloc(l->buflen + l->nlines + 1);
	{
		size_t	i, n = 0;

		for (i = 0; i < l->nlines; i++) {
			memcpy(s + n, layout_line_text(l, &l->lines[i]),
			    l->lines[i].len);
			n += l->lines[i].len;
			s[n++] = '\n';
		}
		s[n] = '\0';
	}
	layout_free(l);
	return (s);
}

static void
copy_file(const char *from, const char *to, const char *old, const char *new)
{
	FILE	*in, *out;
	char	 line[1024], *p;

	assert_non_null(in = fopen(from, "r"));
	assert_non_null(out = fopen(to, "w"));
	while (fgets(line, sizeof(line), in) != NULL) {
		if (old != NULL && (p = strstr(line, old)) != NULL) {
			fwrite(line, 1, p - line, out);
			fputs(new, out);
			fputs(p + strlen(old), out);
		} else
			fputs(line, out);
	}
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/*
 * Editing one English paragraph withdraws that paragraph's translation
 * only: it shows in English while the rest stays translated.
 */
static void
test_edited_paragraph_falls_back_alone(void **state)
{
	struct library	 edited;
	char		 dir[] = "/tmp/pamphlet-i18n.XXXXXX", from[4200],
			 to[4200];
	char		*before, *after;
	static const char *files[] = { "sample.yaml", "other.yaml",
				    "library.yaml" };
	unsigned	 i;

	(void)state;
	i18n_set_language("qa");
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 3; i++) {
		snprintf(from, sizeof(from), "%s/%s", fixtures, files[i]);
		snprintf(to, sizeof(to), "%s/%s", dir, files[i]);
		copy_file(from, to, i == 0 ? "long enough to wrap" : NULL,
		    "long enough, now edited, to wrap");
	}
	assert_int_equal(load(dir, &edited), 0);
	before = layout_text(sample(), i18n_lang_current());
	after = layout_text(doc_find_topic(&edited, "sample"),
	    i18n_lang_current());
	assert_non_null(strstr(before, "Qa paragraph with qa stress in it."));
	assert_null(strstr(after, "Qa paragraph"));
	assert_non_null(strstr(after, "long enough, now edited, to wrap"));
	/* Everything else is as translated as it was. */
	assert_non_null(strstr(after, "Qa sample"));
	assert_non_null(strstr(after, "Qa what"));
	assert_non_null(strstr(after, "Qa first."));
	free(before);
	free(after);
	doc_library_free(&edited);
	for (i = 0; i < 3; i++) {
		snprintf(to, sizeof(to), "%s/%s", dir, files[i]);
		unlink(to);
	}
	rmdir(dir);
}

/*
 * A topic laid out in one language and then in another, each named in
 * the options and neither made current first, is each time all in that
 * language: the content and the program's own words.
 */
static void
test_layout_in_two_languages(void **state)
{
	const struct i18n_lang	*qa = i18n_lang_get("qa");
	const struct i18n_lang	*en = i18n_lang_get("en");
	char			*s;
	int			 i;

	(void)state;
	assert_non_null(qa);
	assert_non_null(en);
	for (i = 0; i < 2; i++) {
		s = layout_text(sample(), qa);
		assert_non_null(strstr(s, "Qa sample"));
		assert_non_null(strstr(s, "Qa what"));
		assert_null(strstr(s, "Sample topic"));
		free(s);
		s = layout_text(sample(), en);
		assert_non_null(strstr(s, "Sample topic"));
		assert_null(strstr(s, "Qa "));
		free(s);
	}
}

/*
 * Naming every language leaves the one in use as it was, with the whole
 * list of languages to fall back on that LANGUAGE gave at start.
 */
static void
test_languages_keep_current(void **state)
{
	const struct topic	*t = sample();
	struct i18n_choice	*l;
	const struct i18n_lang	*was;
	size_t			 n;

	(void)state;
	setenv("LANGUAGE", "zz:qa", 1);
	i18n_init(NULL);
	was = i18n_lang_current();
	assert_ptr_equal(was, i18n_lang_default());
	assert_string_equal(content(&t->title), "Qa sample");
	n = i18n_languages(&l);
	assert_true(n >= 2);
	assert_ptr_equal(i18n_lang_current(), was);
	assert_string_equal(getenv("LANGUAGE"), "zz:qa");
	assert_string_equal(content(&t->title), "Qa sample");
	assert_string_equal(_("Health topics"), "Qa topics");
	i18n_languages_free(l, n);
	unsetenv("LANGUAGE");
	i18n_init(NULL);
}

/*
 * On a terminal without UTF-8, a language is shown only when plain
 * ASCII can write its letters, as its own text says: "qb" names itself
 * with a Greek letter, "qc" with an umlaut.  The next language in
 * LANGUAGE, or English, is used instead, and the language list leaves
 * it out.  With UTF-8, both are shown.
 */
static void
test_shown_by_text(void **state)
{
	const char		*loc = getenv("PAMPHLET_TEST_LOCALEDIR");
	char			 dir[4200];
	struct i18n_choice	*l;
	size_t			 n;

	(void)state;
	snprintf(dir, sizeof(dir), "%s-ascii", loc);
	setenv("PAMPHLET_LOCALEDIR", dir, 1);
	setenv("LC_ALL", "C", 1);
	setenv("LANGUAGE", "qb:qc", 1);
	assert_int_equal(i18n_init(NULL), 0);
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "qc");
	assert_non_null(i18n_unshown());
	assert_string_equal(i18n_unshown(), "qb");
	assert_string_equal(_("Health topics"), "Qc topics");
	assert_false(i18n_shown(i18n_lang_get("qb")) &&
	    strcmp(i18n_lang_code(i18n_lang_get("qb")), "qb") == 0);
	n = i18n_languages(&l);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].name, "English");
	assert_string_equal(l[1].name, "Qäish");
	i18n_languages_free(l, n);

	/* Nothing else to show: English, and the notice names the code. */
	setenv("LANGUAGE", "qb", 1);
	assert_int_equal(i18n_init(NULL), 0);
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "en");
	assert_string_equal(i18n_unshown(), "qb");
	assert_string_equal(_("Health topics"), "Health topics");
	/* --lang asks the same way. */
	unsetenv("LANGUAGE");
	assert_int_equal(i18n_init("qb"), 0);
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "en");
	assert_string_equal(i18n_unshown(), "qb");

	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LANGUAGE", "qb", 1);
	assert_int_equal(i18n_init(NULL), 1);
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "qb");
	assert_null(i18n_unshown());
	assert_string_equal(_("Health topics"), "Qb topics");
	n = i18n_languages(&l);
	assert_int_equal(n, 3);
	assert_string_equal(l[1].name, "Qβish");
	i18n_languages_free(l, n);

	setenv("PAMPHLET_LOCALEDIR", loc, 1);
	unsetenv("LANGUAGE");
	i18n_init(NULL);
}

/*
 * A language is complete when it translates every message of the
 * program but the translators' names; the list offers only those.
 */
static void
test_ui_complete(void **state)
{
	static const char *const some[] = {
		"Health topics", "Sources", "Not in the catalogue",
		I18N_CREDITS
	};
	static const char *const all[] = {
		"Health topics", "Sources", "language-name\004English",
		I18N_CREDITS
	};
	struct i18n_choice	*l;
	size_t			 n, done, total;

	(void)state;
	i18n_set_language("en");
	i18n_set_msgids(some, 4);
	i18n_ui_count(i18n_lang_get("qa"), &done, &total);
	assert_int_equal(done, 2);
	assert_int_equal(total, 3);
	i18n_ui_count(i18n_lang_get("en"), &done, &total);
	assert_int_equal(done, 3);
	assert_int_equal(total, 3);
	/* Counting leaves the language in use as it was. */
	assert_string_equal(current(), "en");
	n = i18n_languages(&l);
	assert_int_equal(n, 1);
	i18n_languages_free(l, n);

	i18n_set_msgids(all, 4);
	i18n_ui_count(i18n_lang_get("qa"), &done, &total);
	assert_int_equal(done, 3);
	assert_int_equal(total, 3);
	n = i18n_languages(&l);
	assert_int_equal(n, 2);
	assert_string_equal(l[1].name, "Qaish");
	i18n_languages_free(l, n);
	i18n_set_msgids(NULL, 0);
}

/*
 * The share of the topics' text a language translates: the fixtures'
 * catalogue translates some of it, a language without one none.
 */
static void
test_content_share(void **state)
{
	int	qa, zz;

	(void)state;
	i18n_set_language("en");
	qa = library_translated(&lib, i18n_lang_get("qa"));
	zz = library_translated(&lib, i18n_lang_get("zz"));
	assert_true(qa > 0);
	assert_true(qa < I18N_OFFER_PERCENT);
	assert_int_equal(zz, 0);
	assert_string_equal(current(), "en");
	assert_true(i18n_content_translated(i18n_lang_get("qa"),
	    &sample()->title));
	assert_false(i18n_content_translated(i18n_lang_get("zz"),
	    &sample()->title));
	i18n_set_language("en");
}

/* 1 if a line of the view's page holds s. */
static int
view_shows(const struct view *v, const char *s)
{
	size_t	i;

	for (i = 0; i < v->layout->nlines; i++)
		if (strstr(layout_line_text(v->layout, &v->layout->lines[i]),
		    s) != NULL)
			return (1);
	return (0);
}

/*
 * The help screen names the translators when the catalogue does, one
 * a line, and nothing in English, where the message is not translated.
 */
static void
test_help_credits(void **state)
{
	struct layout_opts	 o;
	struct view		 v;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.lang = i18n_lang_get("qa");
	view_init(&v, &lib, &o, NULL, 80, 24);
	view_apply(&v, ACT_HELP);
	assert_true(view_shows(&v, "Ana Qa <ana@example.org>"));
	assert_true(view_shows(&v, "Bo Qa"));
	view_free(&v);

	o.lang = i18n_lang_get("en");
	view_init(&v, &lib, &o, NULL, 80, 24);
	view_apply(&v, ACT_HELP);
	assert_false(view_shows(&v, "translator-credits"));
	assert_false(view_shows(&v, "Translated by"));
	view_free(&v);
}

/*
 * The language list leaves out a language whose program text is all
 * translated but too little of the topics'; "qa" translates a few of
 * the fixtures' strings.  English is always there.
 */
static void
test_list_needs_topics(void **state)
{
	static const char *const ids[] = { "Health topics" };
	struct layout_opts	 o;
	struct view		 v;

	(void)state;
	i18n_set_msgids(ids, 1);
	memset(&o, 0, sizeof(o));
	o.lang = i18n_lang_get("en");
	view_init(&v, &lib, &o, NULL, 80, 24);
	view_apply(&v, ACT_LANGUAGE);
	assert_int_equal(v.nlangs, 1);
	assert_true(view_shows(&v, "English"));
	assert_false(view_shows(&v, "Qaish"));
	view_free(&v);
	i18n_set_msgids(NULL, 0);
}

/* German, and only German, spells its umlauts out in plain ASCII. */
static void
test_ascii_flags(void **state)
{
	(void)state;
	assert_int_equal(i18n_ascii_flags(i18n_lang_get("de")),
	    TEXT_ASCII_UMLAUT_E);
	assert_int_equal(i18n_ascii_flags(i18n_lang_get("de_AT")),
	    TEXT_ASCII_UMLAUT_E);
	assert_int_equal(i18n_ascii_flags(i18n_lang_get("fr")), 0);
	assert_int_equal(i18n_ascii_flags(i18n_lang_get("en")), 0);
	assert_int_equal(i18n_ascii_flags(i18n_lang_get("dsb")), 0);
	assert_int_equal(i18n_ascii_flags(NULL), 0);
}

/* A C locale still shows translations, and says the terminal is ASCII. */
static void
test_c_locale_upgraded(void **state)
{
	const struct topic	*t = sample();

	(void)state;
	setenv("LC_ALL", "C", 1);
	setenv("LANGUAGE", "qa", 1);
	assert_int_equal(i18n_init(NULL), 0);
	assert_string_equal(content(&t->title), "Qa sample");
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "qa");
	/* Nonsense locales do not stop it either. */
	setenv("LC_ALL", "xx_XX.UTF-8", 1);
	i18n_init(NULL);
	assert_string_equal(content(&t->title), "Qa sample");
	setenv("LC_ALL", "../../x", 1);
	setenv("LANGUAGE", "../../x:qa", 1);
	i18n_init(NULL);
	assert_string_equal(content(&t->title), "Qa sample");
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	assert_int_equal(i18n_init(NULL), 1);
	assert_string_equal(i18n_lang_code(i18n_lang_default()), "en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_english_by_default, english),
		cmocka_unit_test(test_lookup_by_context),
		cmocka_unit_test(test_fuzzy_and_missing_fall_back),
		cmocka_unit_test(test_hostile_translation_made_safe),
		cmocka_unit_test(test_priority_list),
		cmocka_unit_test(test_switch_and_back),
		cmocka_unit_test(test_language_names),
		cmocka_unit_test(test_languages_named_in_themselves),
		cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_formats_must_fit),
		cmocka_unit_test(test_edited_paragraph_falls_back_alone),
		cmocka_unit_test(test_layout_in_two_languages),
		cmocka_unit_test(test_languages_keep_current),
		cmocka_unit_test(test_c_locale_upgraded),
		cmocka_unit_test(test_shown_by_text),
		cmocka_unit_test(test_ui_complete),
		cmocka_unit_test(test_content_share),
		cmocka_unit_test(test_ascii_flags),
		cmocka_unit_test(test_help_credits),
		cmocka_unit_test(test_list_needs_topics),
	};

	return (cmocka_run_group_tests_name("i18n", tests, setup, teardown));
}

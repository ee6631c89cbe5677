/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kiosk policy and settings tests: what a reader may do, the exit chord,
 * and the settings file with its diagnostics.
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

#include "diag.h"
#include "i18n.h"
#include "keymap.h"
#include "kiosk.h"
#include "settings.h"

static void
test_policy(void **state)
{
	struct kiosk	k;
	int		a;

	(void)state;
	memset(&k, 0, sizeof(k));
	for (a = ACT_NONE; a < ACT_MAX; a++)
		assert_true(kiosk_allows(&k, a));
	k.enabled = 1;
	assert_false(kiosk_allows(&k, ACT_QUIT));
	/* Everything a reader needs stays. */
	for (a = ACT_NONE; a < ACT_MAX; a++)
		if (a != ACT_QUIT)
			assert_true(kiosk_allows(&k, a));
}

static void
test_chord_parse(void **state)
{
	static const char *bad[] = {
		"", "C-x", "x", "C-x C-", "C-1 C-2", "F0 F1", "F25 F1",
		"Fx F1", "F1x F2", "F001 F2",
		"C-a C-b C-c C-d C-e C-f C-g C-k C-l", "ab cd", "\x1b \x1b",
	};
	struct kiosk			k;
	struct kiosk_chord_error	e;
	size_t				i;

	(void)state;
	memset(&k, 0, sizeof(k));
	assert_int_equal(kiosk_chord_parse(&k, "C-x C-K q F12", &e), 0);
	assert_int_equal(k.nchord, 4);
	assert_int_equal(k.chord[0], KEYMAP_CTRL('x'));
	assert_int_equal(k.chord[1], KEYMAP_CTRL('k'));
	assert_int_equal(k.chord[2], 'q');
	assert_int_equal(k.chord[3], KEYMAP_F(12));
	assert_int_equal(kiosk_chord_parse(&k, "F1 F13 F24", &e), 0);
	assert_int_equal(k.chord[0], KEYMAP_F(1));
	assert_int_equal(k.chord[1], KEYMAP_F(13));
	assert_int_equal(k.chord[2], KEYMAP_F(24));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&k, 0, sizeof(k));
		if (kiosk_chord_parse(&k, bad[i], &e) != -1)
			fail_msg("accepted chord '%s'", bad[i]);
		assert_int_equal(k.nchord, 0);
		assert_non_null(e.why);
	}
	/* A wrong key is named, with where it is in the text. */
	assert_int_equal(kiosk_chord_parse(&k, "C-x  F30 C-q", &e), -1);
	assert_int_equal(e.keylen, 3);
	assert_memory_equal(e.key, "F30", 3);
	/* Too few or too many keys: the chord as a whole is wrong. */
	assert_int_equal(kiosk_chord_parse(&k, "C-x", &e), -1);
	assert_int_equal(e.keylen, 0);
}

/*
 * Keys that reach the program as another key can never be matched: they
 * are refused, naming the key and what it arrives as.
 */
static void
test_chord_refuses_lookalikes(void **state)
{
	static const struct {
		const char	*chord;
		const char	*key;
		const char	*as;
	} cases[] = {
		{ "C-x C-m", "C-m", "Enter" },
		{ "C-M C-x", "C-M", "Enter" },
		{ "C-j C-x", "C-j", "Enter" },
		{ "C-x C-i", "C-i", "Tab" },
		{ "C-x C-h C-k", "C-h", "Backspace" },
		{ "C-[ C-x", "C-[", "Esc" },
	};
	struct kiosk			k;
	struct kiosk_chord_error	e;
	char				why[128];
	size_t				i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&k, 0, sizeof(k));
		if (kiosk_chord_parse(&k, cases[i].chord, &e) != -1)
			fail_msg("accepted chord '%s'", cases[i].chord);
		assert_int_equal(k.nchord, 0);
		assert_int_equal(e.keylen, strlen(cases[i].key));
		assert_memory_equal(e.key, cases[i].key, e.keylen);
		snprintf(why, sizeof(why), "it arrives as %s", cases[i].as);
		if (strncmp(e.why, why, strlen(why)) != 0)
			fail_msg("'%s': %s", cases[i].chord, e.why);
	}
}

static void
test_chord_feed(void **state)
{
	struct kiosk			k;
	struct kiosk_chord_error	e;

	(void)state;
	memset(&k, 0, sizeof(k));
	/* No chord: nothing ends the program. */
	assert_false(kiosk_chord_feed(&k, 'q'));
	assert_int_equal(kiosk_chord_parse(&k, "C-x C-x C-k", &e), 0);
	assert_false(kiosk_chord_feed(&k, KEYMAP_CTRL('x')));
	assert_false(kiosk_chord_feed(&k, 'a'));
	assert_false(kiosk_chord_feed(&k, KEYMAP_CTRL('k')));
	/* A wrong key that starts the chord starts it again. */
	assert_false(kiosk_chord_feed(&k, KEYMAP_CTRL('x')));
	assert_false(kiosk_chord_feed(&k, KEYMAP_CTRL('x')));
	assert_true(kiosk_chord_feed(&k, KEYMAP_CTRL('k')));
	assert_int_equal(k.matched, 0);
}

/* Each F-key is its own key: no other F-key stands in for one. */
static void
test_chord_fkeys_exact(void **state)
{
	struct kiosk			k;
	struct kiosk_chord_error	e;
	uint32_t			f;
	int				n;

	(void)state;
	memset(&k, 0, sizeof(k));
	assert_int_equal(kiosk_chord_parse(&k, "F5 F6 F7", &e), 0);
	for (f = KEYMAP_F(0); f <= KEYMAP_F(63); f++)
		for (n = 0; n < 3; n++)
			if (kiosk_chord_feed(&k, f))
				fail_msg("F%u three times ended the chord",
				    (unsigned)(f - KEYMAP_F(0)));
	/* Shifted F5 (F17 on many terminals) is not F5 either. */
	assert_false(kiosk_chord_feed(&k, KEYMAP_F(17)));
	assert_false(kiosk_chord_feed(&k, KEYMAP_F(6)));
	assert_false(kiosk_chord_feed(&k, KEYMAP_F(7)));
	assert_false(kiosk_chord_feed(&k, KEYMAP_F(5)));
	assert_false(kiosk_chord_feed(&k, KEYMAP_F(6)));
	assert_true(kiosk_chord_feed(&k, KEYMAP_F(7)));
}

static char *
write_file(const char *text)
{
	static char	path[64];
	FILE		*fp;
	int		 fd;

	snprintf(path, sizeof(path), "/tmp/pamphlet-set.XXXXXX");
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return (path);
}

static void
test_settings_good(void **state)
{
	struct settings		 s;
	struct diag_list	 d;
	char			*p;

	(void)state;
	p = write_file("kiosk: yes\nidle_seconds: 45\nlanguage: es\n"
	    "theme: high-contrast\nemergency_number: \"112\"\n"
	    "content: /srv/topics\nexit_chord: C-x C-k\n");
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load(p, &s, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(s.kiosk, 1);
	assert_int_equal(s.idle, 45);
	assert_string_equal(s.language, "es");
	assert_string_equal(s.theme, "high-contrast");
	assert_string_equal(s.emergency_number, "112");
	assert_int_equal(s.ncontent, 1);
	assert_string_equal(s.content[0], "/srv/topics");
	assert_string_equal(s.exit_chord, "C-x C-k");
	settings_free(&s);
	diag_free(&d);
	unlink(p);
}

static void
test_settings_bad(void **state)
{
	static const char	*want[] = {
		":1:8: error: bad value for 'kiosk': expected true or false",
		":2:15: error: bad value for 'idle_seconds': expected a "
		    "number of seconds from 0 to 86400",
		":3:1: error: unknown key 'idel' in settings",
		":4:11: error: 'language' must be text",
		":5:1: error: unknown key 'kiosc' in settings; did you mean "
		    "'kiosk'?",
		":6:1: error: key 'idle_seconds' is given more than once",
	};
	struct settings		 s;
	struct diag_list	 d;
	char			*p, *msg;
	size_t			 i;

	(void)state;
	p = write_file("kiosk: maybe\nidle_seconds: -5\nidel: 3\n"
	    "language: [es]\nkiosc: true\nidle_seconds: 60\n");
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load(p, &s, &d), -1);
	assert_int_equal(d.n, 6);
	for (i = 0; i < 6; i++) {
		msg = diag_format(&d.items[i]);
		assert_non_null(strstr(msg, want[i]));
		free(msg);
	}
	/* Nothing half-read is kept as if it were set. */
	assert_int_equal(s.kiosk, -1);
	assert_int_equal(s.idle, -1);
	settings_free(&s);
	diag_free(&d);
	unlink(p);
	/* A repeated key never quietly wins: the kiosk stays on. */
	p = write_file("kiosk: true\nkiosk: false\n");
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load(p, &s, &d), -1);
	assert_int_equal(d.nerrors, 1);
	msg = diag_format(&d.items[0]);
	assert_non_null(strstr(msg, ":2:1: error: key 'kiosk' is given more "
	    "than once"));
	free(msg);
	assert_int_equal(s.kiosk, 1);
	assert_int_equal(s.line[SET_KIOSK], 1);
	assert_int_equal(s.col[SET_KIOSK], 8);
	settings_free(&s);
	diag_free(&d);
	unlink(p);
	/* An empty file sets nothing and is no error. */
	p = write_file("# nothing here\n");
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load(p, &s, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(s.kiosk, -1);
	diag_free(&d);
	unlink(p);
	/* Not a mapping, and not a file at all. */
	p = write_file("- kiosk\n");
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load(p, &s, &d), -1);
	assert_int_equal(d.nerrors, 1);
	diag_free(&d);
	unlink(p);
	diag_init(&d);
	assert_int_equal(settings_load("/nonexistent/x.yaml", &s, &d), -1);
	assert_int_equal(d.nerrors, 1);
	diag_free(&d);
	settings_free(&s);
}

/* Bytes in memory read as a file is, named as the caller says. */
static void
test_settings_buffer(void **state)
{
	static const char	 good[] = "kiosk: true\nidle_seconds: 456";
	static const char	 bad[] = "kiosk: true\nlanguage: [es]\n";
	struct settings		 s;
	struct diag_list	 d;
	char			*msg;

	(void)state;
	/* Only len bytes are read: not the last digit, nor a NUL. */
	settings_init(&s);
	diag_init(&d);
	assert_int_equal(settings_load_buffer("kiosk.yaml", good,
	    sizeof(good) - 2, &s, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(s.kiosk, 1);
	assert_int_equal(s.idle, 45);
	settings_free(&s);
	assert_int_equal(settings_load_buffer("kiosk.yaml", bad,
	    sizeof(bad) - 1, &s, &d), -1);
	assert_int_equal(d.n, 1);
	msg = diag_format(&d.items[0]);
	assert_non_null(strstr(msg, "kiosk.yaml:2:11: error: 'language' "
	    "must be text"));
	free(msg);
	assert_null(s.language);
	diag_free(&d);
	settings_free(&s);
	/* Comments only, or nothing at all, set nothing. */
	diag_init(&d);
	assert_int_equal(settings_load_buffer("kiosk.yaml", "# x\n", 4, &s,
	    &d), 0);
	assert_int_equal(settings_load_buffer("kiosk.yaml", "", 0, &s, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(s.kiosk, -1);
	diag_free(&d);
	settings_free(&s);
}

/* The settings check refuses what the kiosk refuses, and says why. */
static void
test_settings_chord(void **state)
{
	static const struct {
		const char	*file;
		const char	*want;
	} cases[] = {
		{ "kiosk: true\nexit_chord: C-x C-m\n",
		    ":2:13: error: 'C-m' cannot be in the exit chord: it "
		    "arrives as Enter" },
		{ "exit_chord: \"F5 F99\"\n",
		    ":1:13: error: 'F99' cannot be in the exit chord: it is "
		    "not a key" },
		{ "exit_chord: C-q\n",
		    ":1:13: error: bad value for 'exit_chord': expected two "
		    "to eight keys" },
	};
	struct settings		 s;
	struct diag_list	 d;
	char			*p, *msg;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		p = write_file(cases[i].file);
		settings_init(&s);
		diag_init(&d);
		assert_int_equal(settings_load(p, &s, &d), -1);
		assert_int_equal(d.nerrors, 1);
		msg = diag_format(&d.items[0]);
		if (strstr(msg, cases[i].want) == NULL)
			fail_msg("%s", msg);
		free(msg);
		assert_null(s.exit_chord);
		settings_free(&s);
		diag_free(&d);
		unlink(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_chord_parse),
		cmocka_unit_test(test_chord_refuses_lookalikes),
		cmocka_unit_test(test_chord_feed),
		cmocka_unit_test(test_chord_fkeys_exact),
		cmocka_unit_test(test_settings_good),
		cmocka_unit_test(test_settings_bad),
		cmocka_unit_test(test_settings_chord),
		cmocka_unit_test(test_settings_buffer),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("kiosk", tests, NULL, NULL));
}

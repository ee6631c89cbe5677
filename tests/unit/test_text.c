/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests for the text module: sanitising (every control and escape
 * class, invalid UTF-8, idempotence, whitespace modes), widths, fitting,
 * wrapping (properties over every width), the ASCII fallback and folding
 * with its offset map.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "xalloc.h"

#define E_ACUTE		"\xc3\xa9"		/* é */
#define COMB_ACUTE	"\xcc\x81"		/* U+0301 */
#define COMB_DOT_BELOW	"\xcc\xa3"		/* U+0323 */
#define ZWJ		"\xe2\x80\x8d"
#define ZWSP		"\xe2\x80\x8b"
#define GRIN		"\xf0\x9f\x98\x80"	/* U+1F600 */
#define MAN		"\xf0\x9f\x91\xa8"
#define WOMAN		"\xf0\x9f\x91\xa9"
#define GIRL		"\xf0\x9f\x91\xa7"
#define FAMILY		MAN ZWJ WOMAN ZWJ GIRL
#define FLAG_DE		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define FLAG_FR		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define REPL		"\xef\xbf\xbd"		/* U+FFFD */
#define LSEP		"\xe2\x80\xa8"		/* U+2028 */
#define PSEP		"\xe2\x80\xa9"		/* U+2029 */
#define NBSP		"\xc2\xa0"
#define IDSP		"\xe3\x80\x80"		/* ideographic space */
#define RLO		"\xe2\x80\xae"		/* U+202E */
#define RLI		"\xe2\x81\xa7"		/* U+2067 */
#define BOM		"\xef\xbb\xbf"
#define CSI8		"\xc2\x9b"		/* U+009B encoded */

/* A byte string that may hold NULs. */
struct bytes {
	const char	*s;
	size_t		 len;
};
#define B(x)	{ (x), sizeof(x) - 1 }

static char	*san(const char *, int, int *);
static char	*sanb(const char *, size_t, int, int *);
static int	 forbidden(uint32_t);
static void	 check_clean(const char *, size_t, int);
static size_t	 count_repl(const char *);
static void	 check_wrap(const char *, size_t, int);
static int	 single_cluster(const char *, size_t);
static size_t	 blank(const char *);
static char	*fold(const char *, size_t **);
static uint32_t	 lcg(uint32_t *);

static const char paragraph[] =
    "Take 1 tablet twice a day, with food. Don't crush it! "
    E_ACUTE "t" E_ACUTE " caf" "e" COMB_ACUTE " na\xc3\xafve \xe2\x80\x94 "
    "see https://example.org/a/very/long/path/that-keeps-going?x=1&y=2 "
    "for more.\n"
    "每天服用一片药物，饭后服用。请不要压碎药片。\n\n"
    "Emoji: " GRIN " " FAMILY " " FLAG_DE FLAG_FR " ok.\n"
    "Supercalifragilisticexpialidocious-and-then-some words; "
    "1,000.50 mg/kg\xe2\x80\x94twice.\n"
    "한국어 텍스트도 있습니다.  end (x) !";

/* Inputs for idempotence and the clean-output properties. */
static const struct bytes nasty[] = {
	B(""),
	B("plain text"),
	B("   leading and trailing   "),
	B("\x1b]52;c;SGVsbG8gd29ybGQ=\x07tail"),
	B("\x1b[2J\x1b[H\x1b[31mred\x1b[0m"),
	B("a\x9b" "31mb"),
	B("a" CSI8 "31mb"),
	B("over\rwrite\r\nline\n\r\n"),
	B("back\bspace\b\b"),
	B("bell\x07\x07"),
	B("nul\0byte\0"),
	B("del\x7f" "x"),
	B("bidi " RLO "txet" "\xe2\x80\xac" " and " RLI "iso" "\xe2\x81\xa9"),
	B("marks \xe2\x80\x8e\xe2\x80\x8f\xd8\x9c" "x"),
	B(BOM "bom" BOM),
	B("nonchar \xef\xb7\x90\xef\xb7\xaf\xef\xbf\xbe\xef\xbf\xbf"
	    "\xf0\x9f\xbf\xbe\xf4\x8f\xbf\xbf"),
	B("overlong \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf"),
	B("surrogate \xed\xa0\x80\xed\xbf\xbf"),
	B("too big \xf4\x90\x80\x80 \xf5\x80\x80\x80 \xff\xfe"),
	B("truncated \xe2\x82"),
	B("\xe2\x82"),
	B("\x80\x80\x80"),
	B("e" COMB_ACUTE " e\x1b" COMB_ACUTE " " COMB_ACUTE "lead"),
	B("a" COMB_ACUTE COMB_DOT_BELOW " order"),
	B("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8 jamo"),
	B("\xe2\x84\xab angstrom \xe2\x80\x80 en quad"),
	B("tab\there\t\tand\t"),
	B("\t\tindented\n\t\t\n"),
	B("line" LSEP "sep" PSEP "para" LSEP),
	B("spaces" NBSP IDSP "kept"),
	B("\n\n\nleading newlines"),
	B(" \n \n "),
	B("中\tx\n😀\ty"),
	B("\xc2\x85nel\xc2\x85"),
	B("\r"),
	B("\r\r\n\n\r"),
	B("x\x0b\x0cy"),
	B(REPL "valid replacement"),
	B(FAMILY FLAG_DE " ok"),
};

static char *
sanb(const char *s, size_t len, int flags, int *changed)
{
	return (text_sanitize(s, len, flags, changed));
}

static char *
san(const char *s, int flags, int *changed)
{
	return (text_sanitize(s, strlen(s), flags, changed));
}

/*
 * What must never leave text_sanitize, spelled out independently of
 * the module.
 */
static int
forbidden(uint32_t uc)
{
	if (uc < 0x20 && uc != '\n')
		return (1);
	if (uc == 0x7f || (uc >= 0x80 && uc <= 0x9f))
		return (1);
	if (uc == 0x200e || uc == 0x200f || uc == 0x061c)
		return (1);
	if (uc >= 0x202a && uc <= 0x202e)
		return (1);
	if (uc >= 0x2066 && uc <= 0x2069)
		return (1);
	if (uc == 0xfeff || (uc >= 0xfdd0 && uc <= 0xfdef))
		return (1);
	if ((uc & 0xffff) == 0xfffe || (uc & 0xffff) == 0xffff)
		return (1);
	if (uc >= 0xd800 && uc <= 0xdfff)
		return (1);
	return (0);
}

/* Everything a sanitised string must be. */
static void
check_clean(const char *out, size_t len, int flags)
{
	const uint8_t	*u = (const uint8_t *)out;
	uint8_t		*nfc;
	size_t		 i, nfclen;
	ucs4_t		 uc;
	char		*again;
	int		 n, changed;

	assert_int_equal(strlen(out), len);
	assert_null(u8_check(u, len));
	for (i = 0; i < len; i += n) {
		n = u8_mbtouc(&uc, u + i, len - i);
		if (forbidden(uc))
			fail_msg("U+%04X left in \"%s\"", (unsigned)uc, out);
		if (uc == '\n' && !(flags & TEXT_PRE))
			fail_msg("newline left in flow text \"%s\"", out);
		if (uc == 0x2028 || uc == 0x2029)
			fail_msg("line separator left in \"%s\"", out);
	}
	if (len > 0) {
		assert_true(out[len - 1] != ' ');
		assert_true(out[len - 1] != '\n');
	}
	if (flags & TEXT_PRE) {
		assert_null(strstr(out, " \n"));
	} else {
		assert_true(len == 0 || out[0] != ' ');
		assert_null(strstr(out, "  "));
	}

	/* NFC. */
	if (len > 0) {
		nfc = u8_normalize(UNINORM_NFC, u, len, NULL, &nfclen);
		assert_non_null(nfc);
		assert_int_equal(nfclen, len);
		assert_memory_equal(nfc, out, len);
		free(nfc);
	}

	/* Idempotent, and nothing left to remove. */
	again = sanb(out, len, flags, &changed);
	assert_string_equal(again, out);
	assert_int_equal(changed, 0);
	free(again);
	assert_true(text_is_safe(out, len));
}

static size_t
count_repl(const char *s)
{
	size_t		 n = 0;
	const char	*p;

	for (p = s; (p = strstr(p, REPL)) != NULL; p += 3)
		n++;
	return (n);
}

static uint32_t
lcg(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16);
}

/* ---- text_sanitize ---- */

static void
test_sanitize_plain(void **state)
{
	char	*s;
	int	 changed = -1;

	(void)state;
	s = san("Hello, world.", TEXT_FLOW, &changed);
	assert_string_equal(s, "Hello, world.");
	assert_int_equal(changed, 0);
	free(s);

	s = san("", TEXT_PRE, &changed);
	assert_string_equal(s, "");
	assert_int_equal(changed, 0);
	free(s);

	s = text_sanitize(NULL, 0, TEXT_FLOW, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void
test_sanitize_escapes(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		/* OSC 52 clipboard write: ESC and BEL go, the text stays. */
		{ "a\x1b]52;c;SGVsbG8=\x07" "b", "a]52;c;SGVsbG8=b" },
		{ "\x1b]0;title\x1b\\x", "]0;title\\x" },
		{ "\x1b[31mred\x1b[0m", "[31mred[0m" },
		{ "\x1b[2J\x1b[1;1H", "[2J[1;1H" },
		{ "\x1b" "c", "c" },
		{ "a\x07\x07" "b", "ab" },
		{ "ab\bc", "abc" },
		{ "del\x7f" "x", "delx" },
		{ "vt\x0b" "ff\x0c" "x", "vtffx" },
		/* C1 CSI encoded as U+009B is removed... */
		{ "a" CSI8 "31mb", "a31mb" },
		{ "\xc2\x85" "nel", "nel" },
		{ "\xc2\x90" "dcs" "\xc2\x9c", "dcs" },
		/* ...and as a raw byte it is invalid UTF-8. */
		{ "a\x9b" "31mb", "a" REPL "31mb" },
		{ "\x9d" "osc", REPL "osc" },
	};
	size_t	 i;
	char	*s;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		changed = 0;
		s = san(cases[i].in, TEXT_FLOW, &changed);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		assert_int_equal(changed, 1);
		free(s);
		s = san(cases[i].in, TEXT_PRE, &changed);
		assert_string_equal(s, cases[i].out);
		assert_int_equal(changed, 1);
		free(s);
	}
}

static void
test_sanitize_every_c0(void **state)
{
	char	 in[4], *s;
	int	 c, changed;

	(void)state;
	for (c = 0; c < 0x20; c++) {
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		in[0] = 'x';
		in[1] = c;
		in[2] = 'y';
		s = sanb(in, 3, TEXT_PRE, &changed);
		if (strcmp(s, "xy") != 0)
			fail_msg("0x%02x: got \"%s\"", c, s);
		assert_int_equal(changed, 1);
		free(s);
		s = sanb(in, 3, TEXT_FLOW, &changed);
		assert_string_equal(s, "xy");
		assert_int_equal(changed, 1);
		free(s);
	}
}

static void
test_sanitize_every_c1(void **state)
{
	char	 in[5], *s;
	int	 c, changed;

	(void)state;
	for (c = 0x80; c <= 0x9f; c++) {
		in[0] = 'x';
		in[1] = (char)0xc2;
		in[2] = (char)c;
		in[3] = 'y';
		s = sanb(in, 4, TEXT_PRE, &changed);
		if (strcmp(s, "xy") != 0)
			fail_msg("U+%04X: got \"%s\"", c, s);
		assert_int_equal(changed, 1);
		free(s);

		/* The raw byte is a stray continuation byte. */
		s = sanb(in + 1, 3, TEXT_PRE, &changed);
		assert_string_equal(s, "y");
		free(s);
		in[1] = (char)c;
		in[2] = 'y';
		s = sanb(in, 3, TEXT_PRE, &changed);
		assert_string_equal(s, "x" REPL "y");
		assert_int_equal(changed, 1);
		free(s);
	}
}

static void
test_sanitize_nul(void **state)
{
	char	*s;
	int	 changed;

	(void)state;
	s = sanb("a\0b\0", 4, TEXT_FLOW, &changed);
	assert_string_equal(s, "ab");
	assert_int_equal(changed, 1);
	free(s);
}

static void
test_sanitize_bidi(void **state)
{
	static const char *marks[] = {
		"\xe2\x80\x8e", "\xe2\x80\x8f",			/* LRM RLM */
		"\xe2\x80\xaa", "\xe2\x80\xab",			/* LRE RLE */
		"\xe2\x80\xac",					/* PDF */
		"\xe2\x80\xad", "\xe2\x80\xae",			/* LRO RLO */
		"\xe2\x81\xa6", "\xe2\x81\xa7",			/* LRI RLI */
		"\xe2\x81\xa8",					/* FSI */
		"\xe2\x81\xa9",					/* PDI */
		"\xd8\x9c",					/* ALM */
		BOM,
	};
	char	 in[32], *s;
	size_t	 i;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof marks / sizeof *marks; i++) {
		snprintf(in, sizeof in, "abc%sdef%s", marks[i], marks[i]);
		s = san(in, TEXT_FLOW, &changed);
		if (strcmp(s, "abcdef") != 0)
			fail_msg("mark %zu: got \"%s\"", i, s);
		assert_int_equal(changed, 1);
		free(s);
	}

	/* Neighbours of the ranges stay. */
	s = san("\xe2\x80\xa9x\xe2\x80\xaf" "y\xe2\x81\xa5" "z", TEXT_PRE,
	    &changed);
	assert_string_equal(s, "\nx\xe2\x80\xafy\xe2\x81\xa5z");
	assert_int_equal(changed, 0);
	free(s);
}

static void
test_sanitize_nonchars(void **state)
{
	static const char *nc[] = {
		"\xef\xb7\x90", "\xef\xb7\xaf",			/* FDD0 FDEF */
		"\xef\xbf\xbe", "\xef\xbf\xbf",			/* FFFE FFFF */
		"\xf0\x9f\xbf\xbe", "\xf0\x9f\xbf\xbf",		/* 1FFFE/F */
		"\xf4\x8f\xbf\xbe", "\xf4\x8f\xbf\xbf",		/* 10FFFE/F */
	};
	char	 in[32], *s;
	size_t	 i;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof nc / sizeof *nc; i++) {
		snprintf(in, sizeof in, "a%sb", nc[i]);
		s = san(in, TEXT_FLOW, &changed);
		if (strcmp(s, "ab") != 0)
			fail_msg("nonchar %zu: got \"%s\"", i, s);
		assert_int_equal(changed, 1);
		free(s);
	}

	/* U+FDCF and U+FFFD are ordinary characters. */
	s = san("\xef\xb7\x8f" REPL, TEXT_FLOW, &changed);
	assert_string_equal(s, "\xef\xb7\x8f" REPL);
	assert_int_equal(changed, 0);
	free(s);
}

static void
test_sanitize_invalid_utf8(void **state)
{
	static const struct {
		const char	*in;
		size_t		 min, max;	/* U+FFFD expected */
	} cases[] = {
		{ "\x80", 1, 1 },			/* lone continuation */
		{ "\xbf\x80", 2, 2 },
		{ "\xc0\xaf", 1, 2 },			/* overlong '/' */
		{ "\xc1\xbf", 1, 2 },
		{ "\xe0\x80\xaf", 1, 3 },
		{ "\xf0\x80\x80\xaf", 1, 4 },
		{ "\xed\xa0\x80", 1, 3 },		/* U+D800 */
		{ "\xed\xbf\xbf", 1, 3 },		/* U+DFFF */
		{ "\xf4\x90\x80\x80", 1, 4 },		/* U+110000 */
		{ "\xf5\x80\x80\x80", 1, 4 },
		{ "\xf8\x88\x80\x80\x80", 1, 5 },
		{ "\xfe", 1, 1 },
		{ "\xff", 1, 1 },
		{ "\xe2\x82", 1, 1 },			/* truncated */
		{ "\xf0\x9f\x98", 1, 1 },
		{ "\xc3", 1, 1 },
		{ "\xe2\x82" "x", 1, 1 },
		{ "\xc3" E_ACUTE, 1, 1 },
	};
	char	 in[32], *s, *p;
	size_t	 i, n;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		snprintf(in, sizeof in, "<%s>", cases[i].in);
		s = san(in, TEXT_FLOW, &changed);
		assert_int_equal(changed, 1);
		assert_null(u8_check((const uint8_t *)s, strlen(s)));
		assert_true(s[0] == '<');
		p = strrchr(s, '>');
		assert_non_null(p);
		assert_int_equal(p[1], '\0');
		n = count_repl(s);
		if (n < cases[i].min || n > cases[i].max)
			fail_msg("case %zu: %zu replacements in \"%s\"", i, n,
			    s);
		/* Nothing but the replacements (and what was valid). */
		if (strcmp(cases[i].in, "\xe2\x82" "x") == 0)
			assert_string_equal(s, "<" REPL "x>");
		else if (strcmp(cases[i].in, "\xc3" E_ACUTE) == 0)
			assert_string_equal(s, "<" REPL E_ACUTE ">");
		else
			assert_int_equal(strlen(s), 2 + 3 * n);
		free(s);
	}

	/* A valid U+FFFD is not a change. */
	s = san("x" REPL, TEXT_FLOW, &changed);
	assert_string_equal(s, "x" REPL);
	assert_int_equal(changed, 0);
	free(s);
}

static void
test_sanitize_flow_whitespace(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "  a \t b\n\nc  ", "a b c" },
		{ "one\r\ntwo\rthree\nfour", "one two three four" },
		{ "a" LSEP "b" PSEP PSEP "c", "a b c" },
		{ "\t\n \r\n", "" },
		{ "a" NBSP "b", "a" NBSP "b" },
		{ "a" IDSP "b", "a" IDSP "b" },
		{ "a " NBSP " b", "a " NBSP " b" },
		{ "x\x1b y", "x y" },
		{ "x \x1b y", "x y" },
		{ "\x1b x", "x" },
	};
	size_t	 i;
	char	*s;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = san(cases[i].in, TEXT_FLOW, &changed);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		assert_int_equal(changed, strchr(cases[i].in, '\x1b') != NULL);
		free(s);
	}
}

static void
test_sanitize_pre_whitespace(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "  a  \n\tb\t\n\n\n", "  a\n        b" },
		{ "ab\tc", "ab      c" },
		{ "abcdefgh\tx", "abcdefgh        x" },
		{ "abcdefg\tx", "abcdefg x" },
		{ "\t\tx", "                x" },
		{ "中\tx", "中      x" },
		{ "e" COMB_ACUTE "\tx", E_ACUTE "       x" },
		{ "a\tb\tc", "a       b       c" },
		{ "x\ty\nz\tw", "x       y\nz       w" },
		{ "one\r\ntwo\rthree", "one\ntwo\nthree" },
		{ "a" LSEP "b" PSEP "c", "a\nb\nc" },
		{ "\n\nx", "\n\nx" },
		{ "x\n \n\ny", "x\n\n\ny" },
		{ "   ", "" },
		{ "\n\n", "" },
		{ "x\t", "x" },
		{ "  a" NBSP, "  a" NBSP },
	};
	size_t	 i;
	char	*s;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = san(cases[i].in, TEXT_PRE, &changed);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		assert_int_equal(changed, 0);
		free(s);
	}
}

static void
test_sanitize_nfc(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
		int		 changed;
	} cases[] = {
		{ "cafe" COMB_ACUTE, "caf" E_ACUTE, 0 },
		{ "\xe2\x84\xab", "\xc3\x85", 0 },		/* Å sign */
		{ "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", "\xea\xb0\x81", 0 },
		{ "a" COMB_ACUTE COMB_DOT_BELOW, "\xe1\xba\xa1" COMB_ACUTE, 0 },
		{ "e\x1b" COMB_ACUTE, E_ACUTE, 1 },
		{ "e" RLO COMB_ACUTE, E_ACUTE, 1 },
		{ "caf" E_ACUTE, "caf" E_ACUTE, 0 },
	};
	size_t	 i;
	char	*s;
	int	 changed;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = san(cases[i].in, TEXT_FLOW, &changed);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		assert_int_equal(changed, cases[i].changed);
		free(s);
	}
}

static void
test_sanitize_changed_null(void **state)
{
	char	*s;

	(void)state;
	s = san("\x1b[1mbold", TEXT_PRE, NULL);
	assert_string_equal(s, "[1mbold");
	free(s);
}

static void
test_sanitize_idempotent(void **state)
{
	static const int flags[] = { TEXT_FLOW, TEXT_PRE };
	size_t	 i, f;
	char	*s;

	(void)state;
	for (f = 0; f < 2; f++) {
		for (i = 0; i < sizeof nasty / sizeof *nasty; i++) {
			s = sanb(nasty[i].s, nasty[i].len, flags[f], NULL);
			check_clean(s, strlen(s), flags[f]);
			free(s);
		}
	}
}

/* Random strings built from troublesome pieces. */
static void
test_sanitize_random(void **state)
{
	static const struct bytes pieces[] = {
		B("a"), B("Z"), B(" "), B("  "), B("\t"), B("\n"), B("\r"),
		B("\r\n"), B("\x1b"), B("\x07"), B("\0"), B("\x7f"), B("\x9b"),
		B(CSI8), B("\xc2\x85"), B(RLO), B(RLI), B("\xe2\x80\x8e"),
		B(BOM), B("\xef\xb7\x90"), B("\xef\xbf\xbe"),
		B("\xf4\x8f\xbf\xbf"), B(COMB_ACUTE), B(COMB_DOT_BELOW),
		B("e"), B(E_ACUTE), B("中"), B(GRIN), B(ZWJ), B(LSEP), B(PSEP),
		B(NBSP), B(IDSP), B("\xc0"), B("\xe2\x82"), B("\xed\xa0\x80"),
		B("\xf8\x88\x80\x80\x80"), B("\xff"), B("\x80"), B(REPL),
		B("\xe1\x84\x80"), B("\xe1\x85\xa1"), B("\xe2\x84\xab"),
		B("\xe2\x80\x80"), B("\xf0\x9f\x87\xa9"),
	};
	static const int flags[] = { TEXT_FLOW, TEXT_PRE };
	char		 in[256], *s;
	size_t		 len, k, n, pl;
	uint32_t	 seed = 20240601;
	int		 iter, f, changed;

	(void)state;
	for (iter = 0; iter < 3000; iter++) {
		n = lcg(&seed) % 24;
		for (len = k = 0; k < n; k++) {
			pl = lcg(&seed) % (sizeof pieces / sizeof *pieces);
			memcpy(in + len, pieces[pl].s, pieces[pl].len);
			len += pieces[pl].len;
		}
		for (f = 0; f < 2; f++) {
			s = sanb(in, len, flags[f], &changed);
			check_clean(s, strlen(s), flags[f]);
			/* A safe string is only reformatted, never edited. */
			if (text_is_safe(in, len))
				assert_int_equal(changed, 0);
			else if (memchr(in, '\r', len) == NULL &&
			    memchr(in, '\t', len) == NULL &&
			    memmem(in, len, LSEP, 3) == NULL &&
			    memmem(in, len, PSEP, 3) == NULL)
				assert_int_equal(changed, 1);
			free(s);
		}
	}
}

/* ---- text_is_safe ---- */

static void
test_is_safe(void **state)
{
	static const struct bytes safe[] = {
		B(""), B("plain"), B("line\nand newline"),
		B(E_ACUTE "中" GRIN FAMILY), B(REPL), B("e" COMB_ACUTE),
		B(NBSP IDSP), B("\xef\xb7\x8f"), B("\xf4\x8f\xbf\xbd"),
	};
	static const struct bytes unsafe[] = {
		B("\x1b[0m"), B("a\rb"), B("\x07"), B("\x7f"), B("a\0b"),
		B(CSI8), B("\x9b"), B(RLO), B(RLI), B("\xe2\x80\x8f"), B(BOM),
		B("\xef\xbf\xbe"), B("\xef\xb7\x90"), B("\xf4\x8f\xbf\xbf"),
		B("\xc0\xaf"), B("\xed\xa0\x80"), B("ok\xe2\x82"), B("\xff"),
		B("\xf4\x90\x80\x80"), B("\x0b"), B("\xc2\x85"),
		B("tab\there"), B(LSEP), B(PSEP), B("\xd8\x9c"),
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof safe / sizeof *safe; i++)
		if (!text_is_safe(safe[i].s, safe[i].len))
			fail_msg("safe case %zu reported unsafe", i);
	for (i = 0; i < sizeof unsafe / sizeof *unsafe; i++)
		if (text_is_safe(unsafe[i].s, unsafe[i].len))
			fail_msg("unsafe case %zu reported safe", i);

	/* Only the given length is looked at. */
	assert_true(text_is_safe("ok\x1b", 2));
	assert_false(text_is_safe("ok\x1b", 3));
	assert_false(text_is_safe(E_ACUTE, 1));
}

/* ---- text_width ---- */

static void
test_width(void **state)
{
	static const struct {
		const char	*s;
		int		 w;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "hello, world", 12 },
		{ "中文", 4 },
		{ "中a文", 5 },
		{ E_ACUTE, 1 },
		{ "e" COMB_ACUTE, 1 },
		{ "a" COMB_ACUTE COMB_DOT_BELOW "b", 2 },
		{ GRIN, 2 },
		{ FAMILY, 6 },				/* 2 + 0 + 2 + 0 + 2 */
		{ ZWSP, 0 },
		{ "\xef\xbd\xb1", 1 },			/* halfwidth katakana */
		{ "\xef\xbc\xa1", 2 },			/* fullwidth A */
		{ "한국", 4 },
		{ "a\tb", 2 },
		{ "a\nb", 2 },
		{ "a\x7f" "b", 2 },
		{ IDSP, 2 },
		{ NBSP, 1 },
		/* Not drawn: soft hyphen, number sign, VS16, skin tone. */
		{ "a\xc2\xad" "b", 2 },
		{ "\xd8\x80\xd9\xa1", 1 },
		{ "\xe2\x9d\xa4\xef\xb8\x8f", 1 },
		{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2 },
		{ "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa", 2 },	/* a flag */
		{ "\xe0\xb2\x95\xe0\xb2\xbf", 1 },	/* Kannada, with a mark */
	};
	size_t	i;
	int	w;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		w = text_width(cases[i].s, strlen(cases[i].s));
		if (w != cases[i].w)
			fail_msg("case %zu: width %d, want %d", i, w,
			    cases[i].w);
	}
	assert_int_equal(text_width("abcdef", 3), 3);
}

/* ---- text_screen ---- */

/* A terminal that draws hexagrams two columns wide, unlike libunistring. */
static int
fake_width(uint32_t uc)
{
	if (uc >= 0x4dc0 && uc <= 0x4dff)
		return (2);
	return (uc_width(uc, "UTF-8"));
}

static int
wcwidth_of(uint32_t uc)
{
	return (wcwidth((wchar_t)uc));
}

static void
test_screen(void **state)
{
	static const struct {
		const char	*s;
		const char	*shown;
	} cases[] = {
		{ "plain", "plain" },
		/* Joined emoji come out one by one, as wide as measured. */
		{ FAMILY, MAN WOMAN GIRL },
		{ "a\xc2\xad" "b", "ab" },
		{ "\xd8\x80\xd9\xa1", "\xd9\xa1" },
		{ "\xe2\x9d\xa4\xef\xb8\x8f!", "\xe2\x9d\xa4!" },
		{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xf0\x9f\x91\x8d" },
		{ "e" COMB_ACUTE, "e" COMB_ACUTE },
		/* Counted otherwise by the terminal: a stand-in. */
		{ "x\xe4\xb7\x80y", "x?y" },
	};
	static const char *const hard[] = {
		FAMILY, GRIN, "\xf0\x9f\xab\xa8", "\xe4\xb7\x80\xe3\x89\x88",
		"\xe0\xa4\x95\xe0\xa5\x8d" ZWJ "\xe0\xa4\xb7",
		"\xe0\xb2\x95\xe0\xb2\xbf\xe0\xb2\x95\xe0\xb3\x86",
		"\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "a\xc2\xad\xd8\x85" "b",
		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa" "1\xef\xb8\x8f\xe2\x83\xa3",
		"\xef\xbf\xbd\xe2\x80\x8b\xe2\x81\xa0" NBSP IDSP,
	};
	const uint8_t	*u;
	char		*out;
	size_t		 i, k;
	ucs4_t		 uc;
	int		 n, w;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		out = text_screen(cases[i].s, strlen(cases[i].s), fake_width);
		assert_string_equal(out, cases[i].shown);
		free(out);
	}
	/* With the C library's widths, what is sent fills what was measured. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	for (i = 0; i < sizeof hard / sizeof *hard; i++) {
		out = text_screen(hard[i], strlen(hard[i]), wcwidth_of);
		u = (const uint8_t *)out;
		for (k = w = 0; out[k] != '\0'; k += n) {
			n = u8_mbtouc(&uc, u + k, strlen(out + k));
			assert_true(wcwidth((wchar_t)uc) >= 0);
			w += wcwidth((wchar_t)uc);
		}
		if (w != text_width(hard[i], strlen(hard[i])))
			fail_msg("string %zu: sent %d columns, measured %d", i,
			    w, text_width(hard[i], strlen(hard[i])));
		free(out);
	}
	setlocale(LC_CTYPE, "C");
}

/* ---- text_fit ---- */

static void
test_fit(void **state)
{
	static const struct {
		const char	*s;
		int		 cols;
		size_t		 bytes;
		int		 width;
	} cases[] = {
		{ "abcdef", 3, 3, 3 },
		{ "abcdef", 10, 6, 6 },
		{ "abcdef", 0, 0, 0 },
		{ "abcdef", -4, 0, 0 },
		{ "", 5, 0, 0 },
		/* A wide character that would overflow is left out. */
		{ "中文字", 3, 3, 2 },
		{ "中文字", 4, 6, 4 },
		{ "中文字", 1, 0, 0 },
		{ "a中", 2, 1, 1 },
		{ "ae" COMB_ACUTE "x", 1, 1, 1 },
		{ "ae" COMB_ACUTE "x", 2, 4, 2 },	/* e and its mark */
		{ "ae" COMB_ACUTE "x", 3, 5, 3 },
		/* Never half an emoji sequence or a flag. */
		{ "x" FAMILY "y", 5, 1, 1 },
		{ "x" FAMILY "y", 6, 1, 1 },
		{ "x" FAMILY "y", 7, 19, 7 },
		{ FLAG_DE FLAG_FR, 3, 8, 2 },
		{ FLAG_DE FLAG_FR, 4, 16, 4 },
		/* Zero width still fits. */
		{ "ab" ZWSP "c", 2, 5, 2 },
		{ "a\r\nb", 1, 3, 1 },
		{ GRIN "\xef\xb8\x8f" "a", 2, 7, 2 },
	};
	size_t	i, n;
	int	w;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		w = -1;
		n = text_fit(cases[i].s, strlen(cases[i].s), cases[i].cols, &w);
		if (n != cases[i].bytes || w != cases[i].width)
			fail_msg("case %zu: %zu bytes width %d, want %zu/%d",
			    i, n, w, cases[i].bytes, cases[i].width);
	}
	assert_int_equal(text_fit("abc", 3, 2, NULL), 2);
}

/* The prefix text_fit returns always ends on a grapheme boundary. */
static void
test_fit_boundaries(void **state)
{
	static const char *strs[] = {
		paragraph,
		"e" COMB_ACUTE COMB_DOT_BELOW "o" COMB_ACUTE "中" FAMILY FLAG_DE
		    FLAG_FR "\xf0\x9f\x87\xa9" "x",
		"\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8\xe1\x84\x80\xe1\x85\xa1",
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd ok " GRIN ZWJ GRIN,
		"\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4"
		    "\xe0\xa5\x87",
	};
	char	*brk;
	size_t	 i, len, n, prev;
	int	 cols, w;

	(void)state;
	for (i = 0; i < sizeof strs / sizeof *strs; i++) {
		len = strlen(strs[i]);
		brk = xmalloc(len + 1);
		u8_grapheme_breaks((const uint8_t *)strs[i], len, brk);
		brk[len] = 1;
		prev = 0;
		for (cols = 0; cols < text_width(strs[i], len) + 3; cols++) {
			n = text_fit(strs[i], len, cols, &w);
			if (!brk[n])
				fail_msg("string %zu cols %d: cut inside a "
				    "cluster at %zu", i, cols, n);
			assert_true(w <= cols);
			assert_int_equal(w, text_width(strs[i], n));
			assert_true(n >= prev);
			prev = n;
		}
		assert_int_equal(prev, len);
		free(brk);
	}
}

/* ---- text_wrap ---- */

static int
single_cluster(const char *s, size_t len)
{
	char	*brk;
	size_t	 i, n = 0;

	if (len == 0)
		return (0);
	brk = xmalloc(len);
	u8_grapheme_breaks((const uint8_t *)s, len, brk);
	for (i = 0; i < len; i++)
		n += brk[i] != 0;
	free(brk);
	return (n == 1);
}

/* Length of the space or line break at s, else 0. */
static size_t
blank(const char *s)
{
	if (*s == ' ' || *s == '\n')
		return (1);
	if (s[0] == '\r')
		return (s[1] == '\n' ? 2 : 1);
	if (strncmp(s, LSEP, 3) == 0 || strncmp(s, PSEP, 3) == 0)
		return (3);
	return (0);
}

/* Properties every wrapping must have. */
static void
check_wrap(const char *s, size_t len, int width)
{
	struct text_line	*l;
	char			*gb;
	size_t			 n, k, i, prev, nl = 0, gapnl, gapw;

	n = text_wrap(s, len, width, &l);
	assert_true(n >= 1);
	gb = xmalloc(len + 1);
	if (len > 0)
		u8_grapheme_breaks((const uint8_t *)s, len, gb);
	gb[len] = 1;

	for (i = 0; i < len; i++)
		nl += s[i] == '\n';
	assert_true(n >= nl + 1);

	prev = 0;
	for (k = 0; k < n; k++) {
		assert_true(l[k].start <= l[k].end);
		assert_true(l[k].end <= len);
		assert_true(l[k].start >= prev);

		/* Only blanks between lines; nothing else is lost. */
		gapnl = 0;
		for (i = prev; i < l[k].start; i += blank(s + i)) {
			if (blank(s + i) == 0)
				fail_msg("width %d: byte %zu lost", width, i);
			if (s[i] != ' ')
				gapnl++;
		}
		if (k > 0 && l[k - 1].start == l[k - 1].end && len > 0 &&
		    gapnl == 0)
			fail_msg("width %d: empty line %zu", width, k - 1);

		/* The greedy fill could not have taken this line too. */
		if (k > 0 && gapnl == 0) {
			gapw = l[k].start - l[k - 1].end;
			if (l[k - 1].width + gapw + l[k].width <= (size_t)width)
				fail_msg("width %d: lines %zu and %zu fit "
				    "together", width, k - 1, k);
		}

		assert_true(gb[l[k].start]);
		assert_true(gb[l[k].end]);
		assert_int_equal(l[k].width,
		    text_width(s + l[k].start, l[k].end - l[k].start));
		if (l[k].width > width &&
		    !single_cluster(s + l[k].start, l[k].end - l[k].start))
			fail_msg("width %d: line %zu is %d wide", width, k,
			    l[k].width);
		for (i = l[k].start; i < l[k].end; i++)
			assert_true(s[i] != '\n' && s[i] != '\r');
		if (l[k].end > l[k].start) {
			/*
			 * Only indentation may start with a bare space (one
			 * carrying a combining mark is a character).
			 */
			if (s[l[k].start] == ' ' && gb[l[k].start + 1] &&
			    k > 0 && gapnl == 0)
				fail_msg("width %d: line %zu starts with a "
				    "space", width, k);
			assert_true(s[l[k].end - 1] != ' ');
		}
		prev = l[k].end;
	}
	for (i = prev; i < len; i += blank(s + i))
		assert_true(blank(s + i) > 0);
	free(gb);
	free(l);
}

static void
test_wrap_empty(void **state)
{
	struct text_line	*l;
	size_t			 n;

	(void)state;
	n = text_wrap("", 0, 10, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 0);
	assert_int_equal(l[0].width, 0);
	free(l);

	n = text_wrap("   ", 3, 10, &l);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].end - l[0].start, 0);
	assert_int_equal(l[0].width, 0);
	free(l);
}

/* Wraps s and compares the lines, given as "text|text|...". */
static void
expect_wrap(const char *s, int width, const char *want)
{
	struct text_line	*l;
	char			 got[1024];
	size_t			 n, k, o = 0, len = strlen(s);

	n = text_wrap(s, len, width, &l);
	for (k = 0; k < n; k++) {
		if (k > 0)
			got[o++] = '|';
		memcpy(got + o, s + l[k].start, l[k].end - l[k].start);
		o += l[k].end - l[k].start;
		assert_int_equal(l[k].width,
		    text_width(s + l[k].start, l[k].end - l[k].start));
	}
	got[o] = '\0';
	free(l);
	if (strcmp(got, want) != 0)
		fail_msg("wrap \"%s\" at %d: got \"%s\", want \"%s\"", s,
		    width, got, want);
	check_wrap(s, len, width < 1 ? 1 : width);
}

static void
test_wrap_words(void **state)
{
	(void)state;
	expect_wrap("hello world", 5, "hello|world");
	expect_wrap("hello world", 11, "hello world");
	expect_wrap("hello world", 10, "hello|world");
	expect_wrap("hello world", 200, "hello world");
	expect_wrap("aaa   bbb", 3, "aaa|bbb");
	expect_wrap("aaa   bbb", 8, "aaa|bbb");
	expect_wrap("aaa   bbb", 9, "aaa   bbb");
	expect_wrap("abc   ", 10, "abc");
	expect_wrap("the quick brown fox jumps", 10,
	    "the quick|brown fox|jumps");
	expect_wrap("a b c d e f", 3, "a b|c d|e f");
	expect_wrap("well-known fact", 6, "well-|known|fact");
	expect_wrap("foo bar!", 7, "foo|bar!");
	expect_wrap("foo (bar)", 6, "foo|(bar)");
}

static void
test_wrap_widths(void **state)
{
	struct text_line	*l;
	size_t			 n;

	(void)state;
	n = text_wrap("hello world", 11, 5, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 5);
	assert_int_equal(l[0].width, 5);
	assert_int_equal(l[1].start, 6);
	assert_int_equal(l[1].end, 11);
	assert_int_equal(l[1].width, 5);
	free(l);

	n = text_wrap("caf" E_ACUTE " 中文", 12, 4, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].end, 5);
	assert_int_equal(l[0].width, 4);
	assert_int_equal(l[1].start, 6);
	assert_int_equal(l[1].width, 4);
	free(l);
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	expect_wrap("abcdefghij", 3, "abc|def|ghi|j");
	expect_wrap("abcdefghij", 1, "a|b|c|d|e|f|g|h|i|j");
	expect_wrap("a abcdefgh", 4, "a|abcd|efgh");
	expect_wrap("xx yyyyyy", 4, "xx|yyyy|yy");
	expect_wrap("aaaaaaaaaa bbb", 4, "aaaa|aaaa|aa|bbb");
	expect_wrap("e" COMB_ACUTE "e" COMB_ACUTE "e" COMB_ACUTE, 1,
	    "e" COMB_ACUTE "|e" COMB_ACUTE "|e" COMB_ACUTE);
	expect_wrap("ab" FAMILY "cd", 7, "ab|" FAMILY "|cd");
	expect_wrap("ab" FAMILY "cd", 8, "ab" FAMILY "|cd");
	expect_wrap("ab" FAMILY "cd", 3, "ab|" FAMILY "|cd");
	/* The word after the opportunity is too long either way. */
	expect_wrap("a中。", 3, "a中|。");
	expect_wrap("a b" ZWJ FAMILY, 6, "a b" ZWJ "|" FAMILY);
	expect_wrap(FLAG_DE FLAG_FR FLAG_DE, 3,
	    FLAG_DE "|" FLAG_FR "|" FLAG_DE);
}

static void
test_wrap_newlines(void **state)
{
	struct text_line	*l;
	size_t			 n;

	(void)state;
	expect_wrap("a\nb", 10, "a|b");
	expect_wrap("a\n\nb", 10, "a||b");
	expect_wrap("a\n\n\nb", 1, "a|||b");
	expect_wrap("\n", 10, "|");
	expect_wrap("one two\nthree", 3, "one|two|thr|ee");
	expect_wrap("a \nb", 10, "a|b");
	expect_wrap("a\r\nb", 10, "a|b");
	expect_wrap("a" LSEP "b", 10, "a|b");

	n = text_wrap("ab\n\ncd", 6, 10, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[1].start, 3);
	assert_int_equal(l[1].end, 3);
	assert_int_equal(l[1].width, 0);
	assert_int_equal(l[2].start, 4);
	free(l);
}

static void
test_wrap_indent(void **state)
{
	(void)state;
	/* Leading blanks are kept while they fit, dropped when not. */
	expect_wrap("  indented\n  more", 20, "  indented|  more");
	expect_wrap("    word", 4, "word");
	expect_wrap("    !!!", 4, "!!!");
}

static void
test_wrap_cjk(void **state)
{
	(void)state;
	expect_wrap("中文字中文", 4, "中文|字中|文");
	expect_wrap("中文字中文", 5, "中文|字中|文");
	expect_wrap("中文字中文", 10, "中文字中文");
	/* "。" may not start a line, so it takes its ideograph along. */
	expect_wrap("每天服用。请不要压碎。", 8, "每天服|用。请不|要压碎。");
	expect_wrap("每天服用。请不要压碎。", 10, "每天服用。|请不要压|碎。");
	expect_wrap("每天服用。请不要压碎。", 12, "每天服用。请|不要压碎。");
	expect_wrap("Take 药物 now", 6, "Take|药物|now");
}

/* Width 1 and a wide character: it goes alone on an overflowing line. */
static void
test_wrap_wide_at_width_1(void **state)
{
	struct text_line	*l;
	size_t			 n, k;

	(void)state;
	expect_wrap("中文字", 1, "中|文|字");
	expect_wrap("a中b", 1, "a|中|b");
	expect_wrap(GRIN GRIN, 1, GRIN "|" GRIN);
	/* Below 1 counts as 1. */
	expect_wrap("ab", 0, "a|b");
	expect_wrap("ab", -5, "a|b");
	n = text_wrap("中文字", 9, 1, &l);
	assert_int_equal(n, 3);
	for (k = 0; k < n; k++) {
		assert_int_equal(l[k].width, 2);
		assert_int_equal(l[k].end - l[k].start, 3);
	}
	free(l);
}

static void
test_wrap_paragraph_all_widths(void **state)
{
	struct text_line	*l;
	size_t			 n, len = strlen(paragraph);
	int			 w;

	(void)state;
	for (w = 1; w <= 200; w++)
		check_wrap(paragraph, len, w);

	/* Wide enough: one line per hard line. */
	n = text_wrap(paragraph, len, 200, &l);
	assert_int_equal(n, 6);
	free(l);
	n = text_wrap(paragraph, len, 1, &l);
	assert_true(n > 100);
	free(l);
}

static void
test_wrap_nasty_all_widths(void **state)
{
	size_t	 i;
	char	*s;
	int	 w;

	(void)state;
	for (i = 0; i < sizeof nasty / sizeof *nasty; i++) {
		s = sanb(nasty[i].s, nasty[i].len, TEXT_FLOW, NULL);
		for (w = 1; w <= 40; w++)
			check_wrap(s, strlen(s), w);
		free(s);
	}
}

/* Unsanitised bytes do no harm: lines stay inside the text and in order. */
static void
test_raw_input_robust(void **state)
{
	struct text_line	*l;
	size_t			 i, k, n, len, fl, *map;
	char			*f;
	uint32_t		 uc;
	int			 w;

	(void)state;
	for (i = 0; i < sizeof nasty / sizeof *nasty; i++) {
		len = nasty[i].len;
		for (w = 1; w <= 12; w++) {
			n = text_wrap(nasty[i].s, len, w, &l);
			assert_true(n >= 1);
			for (k = 0; k < n; k++) {
				assert_true(l[k].start <= l[k].end);
				assert_true(l[k].end <= len);
				if (k > 0)
					assert_true(l[k].start >= l[k - 1].end);
			}
			free(l);
			assert_true(text_fit(nasty[i].s, len, w, NULL) <= len);
		}
		assert_true(text_width(nasty[i].s, len) >= 0);
		f = text_fold(nasty[i].s, len, &fl, &map);
		assert_int_equal(map[fl], len);
		free(f);
		free(map);
		f = text_to_ascii(nasty[i].s, len);
		for (k = 0; f[k] != '\0'; k++)
			assert_true((f[k] >= 0x20 && f[k] < 0x7f) ||
			    f[k] == '\n');
		free(f);
		for (k = 0; k < len; k += text_next(nasty[i].s + k,
		    len - k, &uc))
			;
		assert_int_equal(k, len);
	}
}

/* A big paragraph goes through in one pass. */
static void
test_wrap_large(void **state)
{
	struct text_line	*l;
	const char		*word = "lorem 药物 ipsu ";
	char			*s;
	size_t			 n, k, len, wl = strlen(word), reps = 20000;

	(void)state;
	s = xmalloc(wl * reps + 1);
	for (k = 0; k < reps; k++)
		memcpy(s + k * wl, word, wl);
	len = wl * reps;
	s[len] = '\0';

	/* Each piece is 16 columns with its space: 5 fill a 79-column line. */
	n = text_wrap(s, len, 79, &l);
	assert_int_equal(n, reps / 5);
	for (k = 0; k < n; k++) {
		assert_int_equal(l[k].start, k * 5 * wl);
		assert_int_equal(l[k].width, 79);
	}
	free(l);
	free(s);
}

/* ---- text_to_ascii ---- */

static void
test_ascii(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "", "" },
		{ "plain ASCII, 100%", "plain ASCII, 100%" },
		{ "caf" E_ACUTE, "cafe" },
		{ "cafe" COMB_ACUTE, "cafe" },
		{ "Über naïve résumé Ærø", "Uber naive resume AEro" },
		{ "Próstata, señor, ça", "Prostata, senor, ca" },
		{ "\xe2\x80\x9cHi\xe2\x80\x9d \xe2\x80\x98x\xe2\x80\x99",
		    "\"Hi\" 'x'" },
		{ "a\xe2\x80\x93" "b\xe2\x80\x94" "c", "a-b-c" },
		{ "\xe2\x80\xa2 item", "* item" },
		{ "wait\xe2\x80\xa6", "wait..." },
		{ "\xe2\x86\x92 \xe2\x86\x90", "-> <-" },
		{ "\xc2\xab" "a\xc2\xbb \xe2\x80\xba", "\"a\" >" },
		{ "a" NBSP "b", "a b" },
		{ "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x80\xe2\x94\x90\n"
		    "\xe2\x94\x82" "a\xe2\x94\x9c\n"
		    "\xe2\x94\x94\xe2\x94\x80\xe2\x94\x80\xe2\x94\x98",
		    "+--+\n|a+\n+--+" },
		{ "\xe2\x95\x94\xe2\x95\x90\xe2\x95\x97\xe2\x95\x91",
		    "+-+|" },
		{ "中文", "????" },
		{ GRIN, "??" },
		{ "한", "??" },
		{ "\xce\xa9", "?" },			/* Ω */
		{ "a" IDSP "b", "a  b" },
		{ "x" ZWSP "y", "xy" },
		{ "line\nnext", "line\nnext" },
		{ "tab\tx", "tab x" },
		{ "stra\xc3\x9f" "e", "strasse" },
		{ "37 \xc2\xb0" "C, 5 \xc2\xb5g", "37 degC, 5 ug" },
		{ "\x1b[0m", "[0m" },
		{ "\xff", "?" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = text_to_ascii(cases[i].in, strlen(cases[i].in));
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, s,
			    cases[i].out);
		free(s);
	}
}

/* The output is printable ASCII, and '?' keeps the width. */
static void
test_ascii_properties(void **state)
{
	const char	*in = "中文 " GRIN " e" COMB_ACUTE " Ω ж " FAMILY;
	size_t		 i;
	char		*s;

	(void)state;
	s = text_to_ascii(paragraph, strlen(paragraph));
	for (i = 0; s[i] != '\0'; i++)
		assert_true((s[i] >= 0x20 && s[i] < 0x7f) || s[i] == '\n');
	free(s);

	s = text_to_ascii(in, strlen(in));
	assert_int_equal(strlen(s), (size_t)text_width(in, strlen(in)));
	assert_string_equal(s, "???? ?? e ? ? ??????");
	free(s);
}

/*
 * German spells its umlauts out: a capital's e follows the letter after
 * it, so that a word in capitals stays in capitals.  Other languages'
 * accents go as before, also in German text.
 */
static void
test_ascii_umlaut_e(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "Schüttelfrost", "Schuettelfrost" },
		{ "örtliche können Ärzte", "oertliche koennen Aerzte" },
		{ "Über ÜBER Ä", "Ueber UEBER Ae" },
		{ "ÄRZTIN, Öl", "AERZTIN, Oel" },
		{ "Straße STRAẞE", "Strasse STRASSE" },
		/* Already decomposed: the same. */
		{ "Schu\xcc\x88ttelfrost", "Schuettelfrost" },
		{ "Café naïve ë", "Cafe naive e" },
		{ "„Zitat“ – ‚so‘", "\"Zitat\" - 'so'" },
		{ "5\xe2\x80\xaf" "km", "5 km" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		s = text_to_ascii_as(cases[i].in, strlen(cases[i].in),
		    TEXT_ASCII_UMLAUT_E);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, s,
			    cases[i].out);
		free(s);
	}
	/* Without the flag, the dots go. */
	s = text_to_ascii("Schüttelfrost", strlen("Schüttelfrost"));
	assert_string_equal(s, "Schuttelfrost");
	free(s);
}

/*
 * French spaces and typographic punctuation: no-break spaces (U+00A0,
 * the narrow U+202F before ; : ! ? and inside « ») become spaces, and
 * quotes and dashes ASCII ones.
 */
static void
test_ascii_french(void **state)
{
	const char	*in = "\xc2\xab" "\xe2\x80\xaf" "Bonjour"
			    "\xe2\x80\xaf" "\xc2\xbb" "\xe2\x80\xaf" ";"
			    " 10" NBSP "%" " \xe2\x80\x94 l\xe2\x80\x99" "eau"
			    "\xe2\x80\xaf" "!";
	char		*s;

	(void)state;
	s = text_to_ascii(in, strlen(in));
	assert_string_equal(s, "\" Bonjour \" ; 10 % - l'eau !");
	free(s);
}

/*
 * Whether plain ASCII keeps every letter: accents and ligatures do,
 * other scripts do not; symbols and fractions are not letters.
 */
static void
test_ascii_lossless(void **state)
{
	static const char *const yes[] = {
		"", "English", "Español", "Français", "Deutsch", "Straße",
		"Œuvre, Łódź, Ærø", "½ m² 37 °C", "„so“ – ok",
	};
	static const char *const no[] = {
		"简体中文", "Ελληνικά", "Русский", "日本語", "한국어",
		"Deutsch ж", "\xd9\xa3",	/* Arabic-Indic digit three */
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!text_ascii_lossless(yes[i], strlen(yes[i])))
			fail_msg("\"%s\" said to lose letters", yes[i]);
	for (i = 0; i < sizeof no / sizeof *no; i++)
		if (text_ascii_lossless(no[i], strlen(no[i])))
			fail_msg("\"%s\" said to keep its letters", no[i]);
}

/* ---- text_fold ---- */

static char *
fold(const char *s, size_t **map)
{
	size_t	 n;
	char	*f;

	f = text_fold(s, strlen(s), &n, map);
	assert_int_equal(strlen(f), n);
	return (f);
}

static void
test_fold_equal(void **state)
{
	static const struct {
		const char	*a;
		const char	*b;
	} cases[] = {
		{ "Pr\xc3\xb3stata", "prostata" },
		{ "Pro" COMB_ACUTE "stata", "prostata" },
		{ "\xc3\x9c" "ber", "uber" },
		{ "STRASSE", "stra\xc3\x9f" "e" },
		{ "caf" E_ACUTE, "cafe" COMB_ACUTE },
		{ "\xe2\x84\xab", "\xc3\xa5" },		/* Å sign, å */
		{ "\xc3\x85NGSTR\xc3\x96M", "angstrom" },
		{ "ΟΔΥΣΣΕΥΣ", "οδυσσευς" },		/* final sigma */
		{ "\xef\xac\x81" "le", "file" },	/* ﬁ ligature */
		{ "\xc4\xb0stanbul", "istanbul" },	/* İ */
		{ "\xea\xb0\x81", "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8" },
		{ "ÉLÈVE", "eleve" },
	};
	size_t	 i;
	char	*a, *b;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		a = fold(cases[i].a, NULL);
		b = fold(cases[i].b, NULL);
		if (strcmp(a, b) != 0)
			fail_msg("case %zu: \"%s\" != \"%s\"", i, a, b);
		free(a);
		free(b);
	}
}

static void
test_fold_values(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "", "" },
		{ "Hello, World!", "hello, world!" },
		{ "Pr\xc3\xb3stata", "prostata" },
		{ "stra\xc3\x9f" "e", "strasse" },
		{ "中文字", "中文字" },
		{ "\xff" "A", REPL "a" },
	};
	size_t	 i;
	char	*f;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		f = fold(cases[i].in, NULL);
		if (strcmp(f, cases[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, f);
		free(f);
	}

	/* Different words stay different. */
	f = fold("prostate", NULL);
	assert_string_not_equal(f, "prostata");
	free(f);
}

static void
test_fold_map(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
		size_t		 map[16];
	} cases[] = {
		{ "", "", { 0 } },
		{ "AbC", "abc", { 0, 1, 2, 3 } },
		{ "Pr\xc3\xb3stata", "prostata",
		    { 0, 1, 2, 4, 5, 6, 7, 8, 9 } },
		{ "Pro" COMB_ACUTE "stata", "prostata",
		    { 0, 1, 2, 5, 6, 7, 8, 9, 10 } },
		{ "Stra\xc3\x9f" "e", "strasse",
		    { 0, 1, 2, 3, 4, 4, 6, 7 } },
		{ "中文", "中文", { 0, 0, 0, 3, 3, 3, 6 } },
		{ "\xc3\x9c" "b", "ub", { 0, 2, 3 } },
		{ "\xef\xac\x81" "x", "fix", { 0, 0, 3, 4 } },
	};
	size_t	 i, k, n, *map;
	char	*f;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		map = NULL;
		f = text_fold(cases[i].in, strlen(cases[i].in), &n, &map);
		assert_string_equal(f, cases[i].out);
		assert_int_equal(n, strlen(cases[i].out));
		assert_non_null(map);
		for (k = 0; k <= n; k++)
			if (map[k] != cases[i].map[k])
				fail_msg("case %zu: map[%zu] = %zu, want %zu",
				    i, k, map[k], cases[i].map[k]);
		free(f);
		free(map);
	}
}

/* A match found in folded text maps back onto the original exactly. */
static void
test_fold_search_highlight(void **state)
{
	static const struct {
		const char	*text;
		const char	*needle;
		const char	*hit;
	} cases[] = {
		{ "Die Pr\xc3\xb3stata ist", "prostata", "Pr\xc3\xb3stata" },
		{ "Die Pro" COMB_ACUTE "stata ist", "prostata",
		    "Pro" COMB_ACUTE "stata" },
		{ "An der STRASSE", "stra\xc3\x9f" "e", "STRASSE" },
		{ "Die Stra\xc3\x9f" "e hier", "strasse", "Stra\xc3\x9f" "e" },
		{ "\xc3\x9c" "BER alles", "uber", "\xc3\x9c" "BER" },
		{ "服用一片药物", "药物", "药物" },
	};
	size_t	 i, n, *map, start, end;
	char	*f, *needle, *p;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		f = text_fold(cases[i].text, strlen(cases[i].text), &n, &map);
		needle = fold(cases[i].needle, NULL);
		p = strstr(f, needle);
		if (p == NULL)
			fail_msg("case %zu: \"%s\" not in \"%s\"", i, needle,
			    f);
		start = map[p - f];
		end = map[p - f + strlen(needle)];
		if (end - start != strlen(cases[i].hit) ||
		    memcmp(cases[i].text + start, cases[i].hit, end - start)
		    != 0)
			fail_msg("case %zu: highlighted [%zu, %zu)", i, start,
			    end);
		free(needle);
		free(f);
		free(map);
	}
}

/* The map is monotonic and points at character starts. */
static void
test_fold_map_properties(void **state)
{
	size_t	 i, k, n, len, *map;
	char	*s, *f;

	(void)state;
	for (i = 0; i < sizeof nasty / sizeof *nasty + 1; i++) {
		if (i < sizeof nasty / sizeof *nasty)
			s = sanb(nasty[i].s, nasty[i].len, TEXT_PRE, NULL);
		else
			s = xstrdup(paragraph);
		len = strlen(s);
		f = text_fold(s, len, &n, &map);
		assert_null(u8_check((const uint8_t *)f, n));
		assert_int_equal(map[n], len);
		for (k = 0; k < n; k++) {
			assert_true(map[k] < len);
			assert_true(((unsigned char)s[map[k]] & 0xc0) != 0x80);
			if (k > 0)
				assert_true(map[k] >= map[k - 1]);
		}
		free(f);
		free(map);
		free(s);
	}

	/* Without a map or a length. */
	f = text_fold("ABC", 3, NULL, NULL);
	assert_string_equal(f, "abc");
	free(f);
}

/* ---- text_next ---- */

/* Too long: cut between characters, at a word end if near, then "…". */
static void
test_ellipsize(void **state)
{
	static const struct {
		const char	*s;
		int		 cols;
		int		 ascii;
		const char	*want;
	} cases[] = {
		{ "Contents", 8, 0, "Contents" },
		{ "Contents", 7, 0, "Conten\xe2\x80\xa6" },
		{ "Contents", 7, 1, "Cont..." },
		{ "Prostate massage: contents", 12, 0, "Prostate\xe2\x80\xa6" },
		{ "Prostate massage: contents", 12, 1, "Prostate..." },
		/* No word ends near the cut: cut inside the word. */
		{ "Go prostatemassage", 12, 0, "Go prostate\xe2\x80\xa6" },
		/* No blank before the ellipsis. */
		{ "Up/Down: choose  Enter: open", 18, 0,
		    "Up/Down: choose\xe2\x80\xa6" },
		/* Wide characters are never split: 5 columns hold two. */
		{ "\xe5\x89\x8d\xe5\x88\x97\xe8\x85\xba\xe6\x8c\x89", 6, 0,
		    "\xe5\x89\x8d\xe5\x88\x97\xe2\x80\xa6" },
		{ "\xe5\x89\x8d\xe5\x88\x97\xe8\x85\xba\xe6\x8c\x89", 5, 0,
		    "\xe5\x89\x8d\xe5\x88\x97\xe2\x80\xa6" },
		{ "\xe5\x89\x8d\xe5\x88\x97\xe8\x85\xba\xe6\x8c\x89", 4, 0,
		    "\xe5\x89\x8d\xe2\x80\xa6" },
		/* A letter and its accent stay together. */
		{ "cafe\xcc\x81 au lait", 5, 0, "cafe\xcc\x81\xe2\x80\xa6" },
		{ "abc", 1, 0, "\xe2\x80\xa6" },
		{ "abcdef", 2, 1, ".." },
		{ "abc", 0, 0, "" },
	};
	size_t	i;
	char	*r;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		r = text_ellipsize(cases[i].s, strlen(cases[i].s),
		    cases[i].cols, cases[i].ascii);
		if (strcmp(r, cases[i].want) != 0)
			fail_msg("case %zu: '%s' at %d: got '%s', want '%s'",
			    i, cases[i].s, cases[i].cols, r, cases[i].want);
		free(r);
	}
}

/* Whatever the text and width: never wider, always whole clusters. */
static void
test_ellipsize_random(void **state)
{
	static const char *const pieces[] = {
		"a", "word ", " ", "\xe4\xb8\xad", "e\xcc\x81",
		"\xf0\x9f\x98\x80", "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa", "-",
		/* A family joined by ZWJ; a heart with VS16. */
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
		"\xf0\x9f\x91\xa7", "\xe2\x9d\xa4\xef\xb8\x8f",
	};
	char	 buf[512], *r;
	size_t	 i, k, n, plen;
	int	 cols, ascii, w;

	(void)state;
	srand(11);
	for (i = 0; i < 5000; i++) {
		buf[0] = '\0';
		for (k = 0, n = rand() % 20; k < n; k++)
			strcat(buf, pieces[rand() % 10]);
		cols = rand() % 25;
		ascii = rand() % 2;
		r = text_ellipsize(buf, strlen(buf), cols, ascii);
		w = text_width(r, strlen(r));
		assert_true(w <= cols);
		assert_true(u8_check((const uint8_t *)r, strlen(r)) == NULL);
		if (text_width(buf, strlen(buf)) <= cols)
			assert_string_equal(r, buf);
		else {
			/* What is kept is a prefix ending at a cluster. */
			plen = strlen(r) - (ascii ? 3 : 3);
			if (cols > (ascii ? 3 : 1)) {
				size_t a = plen, b = plen;

				assert_memory_equal(r, buf, plen);
				text_round(buf, strlen(buf), &a, &b);
				assert_int_equal(a, plen);
			}
		}
		free(r);
	}
}

/* An address breaks only after a slash, never at '-' or '.'. */
static void
test_wrap_url(void **state)
{
	static const char url[] =
	    "https://www.nhs.uk/conditions/prostatitis-and-urinary-tract/"
	    "what-to-do.html";
	struct text_line	*tl;
	size_t			 n, i;
	int			 width;

	(void)state;
	/* Whole when it fits. */
	n = text_wrap_url(url, strlen(url), 80, &tl);
	assert_int_equal(n, 1);
	free(tl);
	for (width = 12; width <= 60; width++) {
		n = text_wrap_url(url, strlen(url), width, &tl);
		for (i = 0; i < n; i++) {
			assert_true(tl[i].width <= width);
			/* Each line but the last ends after a '/' ... */
			if (i + 1 < n && url[tl[i].end - 1] != '/')
				/* ... unless the part between is too long. */
				assert_true(width < 37);
			assert_true(i + 1 == n || tl[i].end == tl[i + 1].start);
		}
		free(tl);
	}
	/* Where a part fits, it is never broken at its '-'. */
	n = text_wrap_url(url, strlen(url), 40, &tl);
	assert_int_equal(n, 3);
	assert_int_equal(tl[0].end, strlen("https://www.nhs.uk/conditions/"));
	assert_int_equal(tl[1].end, strlen("https://www.nhs.uk/conditions/"
	    "prostatitis-and-urinary-tract/"));
	free(tl);
	/* The ordinary wrap would have broken it at a '-'. */
	n = text_wrap(url, strlen(url), 40, &tl);
	assert_true(url[tl[0].end - 1] == '-' || url[tl[1].end - 1] == '-');
	free(tl);
	/* "//" stays whole: "https://" and "a/b", not "https:/" and "/a/b". */
	n = text_wrap_url("https://a/b", 11, 9, &tl);
	assert_int_equal(n, 2);
	assert_int_equal(tl[0].end, 8);
	free(tl);
}

static void
test_next(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
		int		 n;
		uint32_t	 uc;
	} cases[] = {
		{ "a", 1, 1, 'a' },
		{ "", 1, 1, 0 },
		{ E_ACUTE, 2, 2, 0xe9 },
		{ "中", 3, 3, 0x4e2d },
		{ GRIN, 4, 4, 0x1f600 },
		{ REPL, 3, 3, 0xfffd },
		{ "\xff", 1, 1, 0xfffd },
		{ "\x80", 1, 1, 0xfffd },
		{ "\xc0\xaf", 2, 1, 0xfffd },
		{ E_ACUTE, 1, 1, 0xfffd },		/* cut by len */
		{ "\xe2\x82" "x", 3, 2, 0xfffd },
	};
	size_t		i, off;
	uint32_t	uc;
	int		n, count;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		uc = 0;
		n = text_next(cases[i].s, cases[i].len, &uc);
		if (n != cases[i].n || uc != cases[i].uc)
			fail_msg("case %zu: %d U+%04X", i, n, (unsigned)uc);
	}

	/* Walking a string visits every character once. */
	for (off = 0, count = 0; off < strlen(paragraph); count++) {
		n = text_next(paragraph + off, strlen(paragraph) - off, &uc);
		assert_true(n >= 1);
		off += n;
	}
	assert_int_equal(off, strlen(paragraph));
	assert_int_equal(count, (int)u8_mbsnlen((const uint8_t *)paragraph,
	    strlen(paragraph)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_plain),
		cmocka_unit_test(test_sanitize_escapes),
		cmocka_unit_test(test_sanitize_every_c0),
		cmocka_unit_test(test_sanitize_every_c1),
		cmocka_unit_test(test_sanitize_nul),
		cmocka_unit_test(test_sanitize_bidi),
		cmocka_unit_test(test_sanitize_nonchars),
		cmocka_unit_test(test_sanitize_invalid_utf8),
		cmocka_unit_test(test_sanitize_flow_whitespace),
		cmocka_unit_test(test_sanitize_pre_whitespace),
		cmocka_unit_test(test_sanitize_nfc),
		cmocka_unit_test(test_sanitize_changed_null),
		cmocka_unit_test(test_sanitize_idempotent),
		cmocka_unit_test(test_sanitize_random),
		cmocka_unit_test(test_is_safe),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_screen),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_boundaries),
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_widths),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_indent),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_wide_at_width_1),
		cmocka_unit_test(test_wrap_paragraph_all_widths),
		cmocka_unit_test(test_wrap_nasty_all_widths),
		cmocka_unit_test(test_raw_input_robust),
		cmocka_unit_test(test_wrap_large),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_ascii_properties),
		cmocka_unit_test(test_ascii_umlaut_e),
		cmocka_unit_test(test_ascii_french),
		cmocka_unit_test(test_ascii_lossless),
		cmocka_unit_test(test_fold_equal),
		cmocka_unit_test(test_fold_values),
		cmocka_unit_test(test_fold_map),
		cmocka_unit_test(test_fold_search_highlight),
		cmocka_unit_test(test_fold_map_properties),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_ellipsize),
		cmocka_unit_test(test_ellipsize_random),
		cmocka_unit_test(test_wrap_url),
	};

	return (cmocka_run_group_tests_name("text", tests, NULL, NULL));
}

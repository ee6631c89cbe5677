/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Catalogue checks: a sound catalogue passes in either byte order; each
 * kind of damage is refused with its reason; and 3,000 copies of a real
 * catalogue with bytes changed at random are either refused or read by
 * gettext, every string looked up, without a crash or a hang.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mo.h"
#include "xalloc.h"

#define MUTANTS	3000

static unsigned char	*good;
static size_t		 goodlen;
static char		 tmpdir[] = "/tmp/pamphlet-mo.XXXXXX";

static uint32_t
get32(const unsigned char *b, size_t off)
{
	return ((uint32_t)b[off] | (uint32_t)b[off + 1] << 8 |
	    (uint32_t)b[off + 2] << 16 | (uint32_t)b[off + 3] << 24);
}

static void
put32(unsigned char *b, size_t off, uint32_t v)
{
	b[off] = v & 0xff;
	b[off + 1] = (v >> 8) & 0xff;
	b[off + 2] = (v >> 16) & 0xff;
	b[off + 3] = v >> 24;
}

static unsigned char *
copy(void)
{
	unsigned char	*b = xmalloc(goodlen);

	memcpy(b, good, goodlen);
	return (b);
}

static void
expect_bad(unsigned char *b, size_t len, const char *reason)
{
	const char	*why = NULL;

	assert_int_equal(mo_check(b, len, &why), MO_BAD);
	assert_non_null(why);
	assert_string_equal(why, reason);
	free(b);
}

static void
write_file(const char *path, const unsigned char *b, size_t len)
{
	FILE	*fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Installs b as the catalogue of domain for language lang, and uses it. */
static void
use_catalogue(const char *lang, const char *domain, const unsigned char *b,
    size_t len)
{
	char	dir[4200], path[4300];

	snprintf(dir, sizeof(dir), "%s/%s", tmpdir, lang);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof(dir), "%s/%s/LC_MESSAGES", tmpdir, lang);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/%s.mo", dir, domain);
	write_file(path, b, len);
	setenv("LANGUAGE", lang, 1);
	textdomain(textdomain(NULL));
}

static int
setup(void **state)
{
	const char	*loc = getenv("PAMPHLET_TEST_LOCALEDIR");
	char		 path[4096];
	FILE		*fp;
	long		 n;

	(void)state;
	if (loc == NULL)
		return (-1);
	snprintf(path, sizeof(path), "%s/qa/LC_MESSAGES/pamphlet-content.mo",
	    loc);
	if ((fp = fopen(path, "rb")) == NULL)
		return (-1);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	good = xmalloc((size_t)n);
	goodlen = fread(good, 1, (size_t)n, fp);
	fclose(fp);
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	return (goodlen == (size_t)n ? 0 : -1);
}

static int
teardown(void **state)
{
	char	cmd[4200];

	(void)state;
	free(good);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
test_sound_catalogue(void **state)
{
	unsigned char	*b;
	const char	*why = "unset";
	size_t		 i;

	(void)state;
	assert_int_equal(mo_check(good, goodlen, &why), MO_OK);
	assert_null(why);
	/* The same catalogue written big-endian. */
	b = copy();
	for (i = 0; i + 4 <= goodlen && i < 28; i += 4)
		put32(b, i, __builtin_bswap32(get32(b, i)));
	/* Tables and hash table too. */
	{
		uint32_t n = get32(good, 8), ot = get32(good, 12),
		    tt = get32(good, 16), hs = get32(good, 20),
		    ho = get32(good, 24), k;

		for (k = 0; k < n * 2; k++) {
			put32(b, ot + k * 4, __builtin_bswap32(get32(good,
			    ot + k * 4)));
			put32(b, tt + k * 4, __builtin_bswap32(get32(good,
			    tt + k * 4)));
		}
		for (k = 0; k < hs; k++)
			put32(b, ho + k * 4, __builtin_bswap32(get32(good,
			    ho + k * 4)));
	}
	assert_int_equal(mo_check(b, goodlen, &why), MO_OK);
	free(b);
}

static void
test_each_damage_refused(void **state)
{
	unsigned char	*b;
	uint32_t	 n = get32(good, 8), ot = get32(good, 12);
	uint32_t	 tt = get32(good, 16), hs = get32(good, 20);
	uint32_t	 ho = get32(good, 24), k;

	(void)state;
	assert_true(hs > 2);
	expect_bad(copy(), 27, "too short to be a catalogue");
	b = copy();
	b[0] ^= 1;
	expect_bad(b, goodlen, "not a catalogue");
	b = copy();
	put32(b, 4, 0x10000);
	expect_bad(b, goodlen, "a catalogue format this program does not know");
	b = copy();
	put32(b, 4, 1);
	expect_bad(b, goodlen, "system-dependent strings");
	/* Too many strings for the tables. */
	b = copy();
	put32(b, 8, 0x20000000);
	expect_bad(b, goodlen, "a table outside the file");
	b = copy();
	put32(b, 16, (uint32_t)goodlen - 4);
	expect_bad(b, goodlen, "a table outside the file");
	b = copy();
	put32(b, 12, ot + 2);
	expect_bad(b, goodlen, "a table outside the file");
	/* A string past the end, and one without its NUL. */
	b = copy();
	put32(b, tt + 4, 0xfffffff0);
	expect_bad(b, goodlen, "a string outside the file");
	b = copy();
	put32(b, ot + 8, get32(b, ot + 8) - 1);
	expect_bad(b, goodlen, "a string outside the file");
	/* Hash table: past the end, an entry past N, full, size not prime. */
	b = copy();
	put32(b, 24, (uint32_t)goodlen);
	expect_bad(b, goodlen, "a table outside the file");
	b = copy();
	put32(b, ho, n + 1);
	expect_bad(b, goodlen, "a damaged hash table");
	b = copy();
	for (k = 0; k < hs; k++)
		if (get32(b, ho + k * 4) == 0)
			put32(b, ho + k * 4, 1);
	expect_bad(b, goodlen, "a damaged hash table");
	b = copy();
	put32(b, 20, hs - 1);
	expect_bad(b, goodlen, "a damaged hash table");
	/* A table of two slots or fewer is not used: bisection is. */
	b = copy();
	put32(b, 20, 0);
	assert_int_equal(mo_check(b, goodlen, NULL), MO_OK);
	free(b);
}

static void
test_files(void **state)
{
	char		 path[4200];
	const char	*why;
	unsigned char	*b;

	(void)state;
	snprintf(path, sizeof(path), "%s/absent.mo", tmpdir);
	assert_int_equal(mo_check_file(path, &why), MO_ABSENT);
	snprintf(path, sizeof(path), "%s/none/absent.mo", tmpdir);
	assert_int_equal(mo_check_file(path, &why), MO_ABSENT);
	assert_int_equal(mo_check_file(tmpdir, &why), MO_BAD);
	assert_string_equal(why, "not a regular file");
	snprintf(path, sizeof(path), "%s/fifo.mo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(mo_check_file(path, &why), MO_BAD);
	assert_string_equal(why, "not a regular file");
	snprintf(path, sizeof(path), "%s/good.mo", tmpdir);
	write_file(path, good, goodlen);
	assert_int_equal(mo_check_file(path, &why), MO_OK);
	snprintf(path, sizeof(path), "%s/big.mo", tmpdir);
	write_file(path, good, goodlen);
	assert_int_equal(truncate(path, MO_MAX_SIZE + 1), 0);
	assert_int_equal(mo_check_file(path, &why), MO_BAD);
	assert_string_equal(why, "too large");
	b = copy();
	snprintf(path, sizeof(path), "%s/short.mo", tmpdir);
	write_file(path, b, 10);
	assert_int_equal(mo_check_file(path, &why), MO_BAD);
	free(b);
}

/*
 * A catalogue of one plural message of six forms and the header with
 * plural_forms, little-endian, with no hash table (gettext then
 * bisects); *len is set.
 */
static unsigned char *
plural_mo(const char *plural_forms, size_t *len)
{
	static const char	 id[] = "%zu file\0%zu files";
	static const char	 tr[] = "form 0\0form 1\0form 2\0form 3\0"
	    "form 4\0form 5";
	unsigned char		*b;
	char			 hdr[2048];
	size_t			 hlen, off;

	hlen = (size_t)snprintf(hdr, sizeof(hdr), "Content-Type: text/plain; "
	    "charset=UTF-8\n%s%s\n", plural_forms != NULL ? "Plural-Forms: " :
	    "", plural_forms != NULL ? plural_forms : "");
	assert_true(hlen < sizeof(hdr));
	*len = 28 + 32 + 1 + sizeof(id) + hlen + 1 + sizeof(tr);
	b = xcalloc(1, *len);
	put32(b, 0, 0x950412de);
	put32(b, 8, 2);
	put32(b, 12, 28);
	put32(b, 16, 44);
	/* The strings: "", the msgid, the header, the translation. */
	off = 60;
	put32(b, 28, 0);
	put32(b, 32, (uint32_t)off);
	off += 1;
	put32(b, 36, sizeof(id) - 1);
	put32(b, 40, (uint32_t)off);
	memcpy(b + off, id, sizeof(id));
	off += sizeof(id);
	put32(b, 44, (uint32_t)hlen);
	put32(b, 48, (uint32_t)off);
	memcpy(b + off, hdr, hlen + 1);
	off += hlen + 1;
	put32(b, 52, sizeof(tr) - 1);
	put32(b, 56, (uint32_t)off);
	memcpy(b + off, tr, sizeof(tr));
	return (b);
}

/*
 * Plural forms that glibc would evaluate into a crash (a division by
 * zero raises SIGFPE), that it cannot parse, or that make no sense are
 * refused; those of real languages pass, and glibc then picks the form
 * the formula gives for every n tried.
 */
static void
test_plural_forms(void **state)
{
	static const struct {
		const char	*forms;
		const char	*why;
	} bad[] = {
		{ "nplurals=2; plural=(n % 0);",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n / 0;",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n % (5 - 5) != 1;",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n > 5 ? n % (n - n) : 1;",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n / (n - 1) > 5;",
		    "a plural formula that can divide by zero" },
		/* Guarded, but no value of n can show a divisor never 0. */
		{ "nplurals=2; plural=n != 0 && 7 / n > 3;",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n == 1000000 ? 1 / 0 : 0;",
		    "a plural formula that can divide by zero" },
		{ "nplurals=2; plural=n % 10;",
		    "a plural formula that gives a form past nplurals" },
		{ "nplurals=2; plural=n == 123456 ? 2 : 0;",
		    "a plural formula that gives a form past nplurals" },
		{ "nplurals=2; plural=n > 4000000000 ? 5 : 0;",
		    "a plural formula that gives a form past nplurals" },
		{ "nplurals=2; plural=n - 1;",
		    "a plural formula that gives a form past nplurals" },
		{ "nplurals=0; plural=0;",
		    "a number of plural forms out of range" },
		{ "nplurals=7; plural=n % 7;",
		    "a number of plural forms out of range" },
		{ "nplurals=99999999999999999999999; plural=0;",
		    "a number of plural forms out of range" },
		{ "nplurals=2; plural=n = 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=N != 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=-n;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=(n != 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=n != 1 n;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=n & 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=n ? 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural=;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=x; plural=0;",
		    "a plural formula gettext cannot read" },
		{ "plural=n != 1;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2;",
		    "a plural formula gettext cannot read" },
		{ "nplurals=2; plural = n != 1;",
		    "a plural formula gettext cannot read" },
	};
	static const char *const good_forms[] = {
		NULL,
		"nplurals=1; plural=0;",
		"nplurals=2; plural=(n != 1);",
		"nplurals=2; plural=n>1;",
		"nplurals= 2;\tplural=\t n != 1 ;",
		"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
		    "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
		"nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
		    "(n%100<10 || n%100>=20) ? 1 : 2);",
		"nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : "
		    "n%100==3 || n%100==4 ? 2 : 3);",
		"nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
		    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
		"nplurals=3; plural=n==1 ? 0 : n==0 || (n%100 > 0 && "
		    "n%100 < 20) ? 1 : 2;",
		"nplurals=2; plural=!(n == 1) && !!n || n / 2 > 1000000;",
	};
	static const unsigned long	 ns[] = {
		0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111, 1000000, ULONG_MAX
	};
	unsigned char	*b;
	const char	*why, *t;
	char		 lang[16], want[16];
	unsigned long	 form;
	size_t		 len, i, j;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		b = plural_mo(bad[i].forms, &len);
		why = NULL;
		if (mo_check(b, len, &why) != MO_BAD)
			fail_msg("\"%s\" passes", bad[i].forms);
		if (strcmp(why, bad[i].why) != 0)
			fail_msg("\"%s\": %s", bad[i].forms, why);
		free(b);
	}
	/* Too long, or too deep for glibc's evaluation to stay small. */
	for (i = 0; i < 4; i++) {
		char	 f[2048];
		size_t	 k;

		k = (size_t)snprintf(f, sizeof(f), "nplurals=2; plural=");
		for (j = 0; j < (i == 0 ? 600 : 40); j++)
			k += (size_t)snprintf(f + k, sizeof(f) - k, "%s",
			    i == 0 ? " " : i == 1 ? "!" : i == 2 ? "(" : "n+");
		k += (size_t)snprintf(f + k, sizeof(f) - k, "n");
		for (j = 0; i == 2 && j < 40; j++)
			k += (size_t)snprintf(f + k, sizeof(f) - k, ")");
		snprintf(f + k, sizeof(f) - k, " > 2;");
		b = plural_mo(f, &len);
		assert_int_equal(mo_check(b, len, &why), MO_BAD);
		assert_string_equal(why,
		    "a plural formula too long or too deeply nested");
		free(b);
	}
	bindtextdomain("pamphlet-mo-plural", tmpdir);
	bind_textdomain_codeset("pamphlet-mo-plural", "UTF-8");
	for (i = 0; i < sizeof(good_forms) / sizeof(good_forms[0]); i++) {
		b = plural_mo(good_forms[i], &len);
		if (mo_check(b, len, &why) != MO_OK)
			fail_msg("\"%s\": %s", good_forms[i], why);
		/* glibc reads it and takes the same form for each n. */
		snprintf(lang, sizeof(lang), "p%02zu", i);
		use_catalogue(lang, "pamphlet-mo-plural", b, len);
		for (j = 0; j < sizeof(ns) / sizeof(ns[0]); j++) {
			t = dngettext("pamphlet-mo-plural", "%zu file",
			    "%zu files", ns[j]);
			assert_int_equal(mo_plural_form((const char *)b +
			    get32(b, 48), ns[j], &form), 0);
			snprintf(want, sizeof(want), "form %lu", form);
			assert_string_equal(t, want);
		}
		free(b);
	}
	setenv("LANGUAGE", "C", 1);
}

/* Translated formats: what each may do with the English one's arguments. */
static void
test_formats(void **state)
{
	static const struct {
		const char	*en, *tr;
		int		 fits;
	} t[] = {
		{ "%s", "no directive at all", 1 },
		{ "%s of %zu", "%2$zu: %1$s", 1 },
		{ "%s of %zu", "%s", 1 },
		{ "%s of %zu", "%1$s", 1 },
		{ "%s of %zu", "%zu", 0 },
		{ "%s of %zu", "%s %zu %s", 0 },
		{ "%d%%", "%d %%", 1 },
		{ "%d", "%n", 0 },
		{ "%d", "%", 0 },
		{ "%d", "%lld", 0 },
		{ "%ld", "%hhld", 0 },
		{ "%s", "%0$s", 0 },
		{ "%s", "%16$s", 0 },
		/* Numbered and plain mixed; a numbered one left out. */
		{ "%zu %s", "%1$zu %s", 0 },
		{ "%zu %s", "%zu %2$s", 0 },
		{ "%s %s %s", "%1$s %3$s", 0 },
		{ "%s %s %s", "%3$s %2$s %1$s", 1 },
		{ "%s %s %s", "%1$s %1$s", 1 },
		{ "%s %d", "%1$s %1$d", 0 },
		/* Widths and precisions of two digits at most. */
		{ "%d%%  ?: help ", "%2147483647d%%  ?: Hilfe ", 0 },
		{ "%d", "%99d", 1 },
		{ "%d", "%100d", 0 },
		{ "%d", "%-099d", 1 },
		{ "%s", "%.99s", 1 },
		{ "%s", "%.100s", 0 },
		{ "%s", "%.0s", 1 },
		{ "%s", "%1$99999999999999999999s", 0 },
		{ "%200s", "%150s", 1 },
		{ "%200s", "%201s", 0 },
		/* '*' takes an int of its own, where the English has one. */
		{ "%*d", "%*d", 1 },
		{ "%*d", "%d", 0 },
		{ "%d %d", "%*d", 0 },
		{ "%.*s", "%.*s", 1 },
		{ "%.*s", "%2$.*1$s", 1 },
		{ "%.*s", "%1$.*s", 0 },
		{ "%.*s", "%2$.*1s", 0 },
		{ "%*.*f", "%3$*1$.*2$f", 1 },
		/* English that is not a format we take fits nothing. */
		{ "%m", "%m", 0 },
		{ "%1$s %s", "x %s", 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (mo_format_fits(t[i].en, t[i].tr) != t[i].fits)
			fail_msg("\"%s\" for \"%s\": %d, not %d", t[i].tr,
			    t[i].en, !t[i].fits, t[i].fits);
}

/* A fixed generator, so that a failure can be replayed. */
static uint32_t
lcg(uint32_t *s)
{
	*s = *s * 1103515245U + 12345U;
	return (*s >> 8);
}

/*
 * Each copy has 1 to 8 bytes set at random, some of them in the header
 * and tables where damage matters most.  Copies that pass are installed
 * as a language of their own and every msgid is looked up through glibc,
 * which reads the hash table, the tables and the strings.
 */
static void
test_mutants_never_crash_gettext(void **state)
{
	unsigned char	*b;
	char		 lang[16];
	uint32_t	 seed = 20261122, n = get32(good, 8);
	uint32_t	 ot = get32(good, 12), k, len, off, end;
	int		 i, j, nbytes, accepted = 0, changed = 0;
	const char	*msgid, *t;

	(void)state;
	end = get32(good, 24) + get32(good, 20) * 4;
	bindtextdomain("pamphlet-mo-test", tmpdir);
	bind_textdomain_codeset("pamphlet-mo-test", "UTF-8");
	for (i = 0; i < MUTANTS; i++) {
		b = copy();
		nbytes = 1 + (int)(lcg(&seed) % 8);
		for (j = 0; j < nbytes; j++) {
			k = lcg(&seed);
			off = (k & 1) ? k % end : k % (uint32_t)goodlen;
			b[off] = (unsigned char)lcg(&seed);
		}
		if (mo_check(b, goodlen, NULL) != MO_OK) {
			free(b);
			continue;
		}
		accepted++;
		snprintf(lang, sizeof(lang), "m%04d", i);
		use_catalogue(lang, "pamphlet-mo-test", b, goodlen);
		/* Every msgid of the sound file, and one it never had. */
		for (k = 0; k < n; k++) {
			len = get32(good, ot + k * 8);
			msgid = (const char *)good + get32(good, ot + k * 8 + 4);
			(void)len;
			t = dgettext("pamphlet-mo-test", msgid);
			assert_non_null(t);
			if (t != msgid)
				changed++;
		}
		assert_string_equal(dgettext("pamphlet-mo-test",
		    "no such message"), "no such message");
		free(b);
	}
	print_message("%d of %d damaged copies pass the check and were read\n",
	    accepted, MUTANTS);
	/* Both outcomes happen: the test sees refusals and real lookups. */
	assert_true(accepted > 0 && accepted < MUTANTS);
	assert_true(changed > 0);
	setenv("LANGUAGE", "C", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sound_catalogue),
		cmocka_unit_test(test_each_damage_refused),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_plural_forms),
		cmocka_unit_test(test_mutants_never_crash_gettext),
	};

	/* gettext ignores LANGUAGE in the C locale. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return (77);
	return (cmocka_run_group_tests_name("mo", tests, setup, teardown));
}

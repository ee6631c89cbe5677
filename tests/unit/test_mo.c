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
		/* '*' takes an int of its own, only where the English has one. */
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
	char		 dir[4200], path[4300], lang[16];
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
		snprintf(dir, sizeof(dir), "%s/%s", tmpdir, lang);
		mkdir(dir, 0700);
		snprintf(dir, sizeof(dir), "%s/%s/LC_MESSAGES", tmpdir, lang);
		assert_int_equal(mkdir(dir, 0700), 0);
		snprintf(path, sizeof(path), "%s/pamphlet-mo-test.mo", dir);
		write_file(path, b, goodlen);
		setenv("LANGUAGE", lang, 1);
		textdomain(textdomain(NULL));
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
		cmocka_unit_test(test_mutants_never_crash_gettext),
	};

	/* gettext ignores LANGUAGE in the C locale. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return (77);
	return (cmocka_run_group_tests_name("mo", tests, setup, teardown));
}

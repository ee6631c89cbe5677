/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Readability: words, sentences and syllables of English text, the
 * Flesch-Kincaid grade, and the check of every section that --check
 * runs.  The counting rules are set out in readability.h; this file owns
 * them and nothing else decides what a word or a sentence is.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>

#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "readability.h"
#include "text.h"
#include "tty.h"
#include "xalloc.h"

/* Letters of one run, folded for the syllable rules. */
#define READ_FOLD_MAX	64

/* A word found by readability_add: bytes [start, end). */
struct read_word {
	size_t	start;
	size_t	end;
	int	initial;	/* the "." after it was an initial's */
};

/* One section's grade, for the report. */
struct read_row {
	const char	*id;
	double		 grade;
};

static int	 read_cjk(ucs4_t);
static int	 read_digit(ucs4_t);
static int	 read_alnum(ucs4_t);
static int	 read_mark(ucs4_t);
static int	 read_apos(ucs4_t);
static int	 read_hyphen(ucs4_t);
static int	 read_stop(ucs4_t);
static int	 read_closer(ucs4_t);
static int	 read_opener(ucs4_t);
static size_t	 read_word_end(const char *, size_t, size_t);
static int	 read_is_abbrev(const char *, size_t);
static int	 read_ends(const char *, size_t, size_t, size_t,
		    struct read_word *, size_t);
static int	 read_vowel(const char *, size_t, size_t);
static int	 read_plain_vowel(char);
static int	 read_in(char, const char *);
static int	 read_vowel_before(const char *, size_t, size_t);
static unsigned	 read_split(const char *, size_t, size_t, size_t);
static unsigned	 read_core(const char *, size_t);
static unsigned	 read_count(const char *, size_t);
static size_t	 read_fold(const char *, size_t, char *, int *);
static unsigned	 read_letters(const char *, size_t);
static int	 read_eq(const char *, size_t, const char *);
static int	 read_contraction(const char *, size_t);
static int	 read_ordinal(const char *, size_t);
static long	 read_tenths(double);
static void	 read_unit(const struct tstr *, readability_unit_fn *, void *);
static void	 read_add_unit(const char *, void *);
static int	 read_limit(const struct library *, const struct topic *);
static int	 read_row_cmp(const void *, const void *);
static int	 read_topic_cmp(const void *, const void *);
static void	 read_report(FILE *, const struct topic *, int,
		    const struct read_row *, size_t);

/* Words after which "." is not the end of a sentence (lowercase). */
static const char *const read_abbrevs[] = {
	"al", "approx", "cf", "dr", "e.g", "fig", "i.e", "mr", "mrs", "ms",
	"prof", "vs"
};

/* Words the rules get wrong, with their syllables; a plural "s" may follow. */
static const struct {
	const char	*word;
	unsigned	 n;
} read_exceptions[] = {
	{ "argue", 2 }, { "business", 2 }, { "diabetes", 4 },
	{ "evening", 2 },
	{ "every", 2 }, { "herpes", 2 }, { "lion", 2 }, { "maybe", 2 },
	{ "naive", 2 }, { "people", 2 }, { "recipe", 3 }
};

/* Starts of words counted as a word of their own. */
static const char *const read_compounds[] = { "some", "any", "every" };

/*
 * Endings before which a silent "e" stays silent ("safely"), with the
 * shortest stem each needs, longest ending first.
 */
static const struct {
	const char	*end;
	size_t		 stem;
} read_suffixes[] = {
	{ "lessly", 3 }, { "fully", 3 }, { "ments", 4 }, { "style", 4 },
	{ "times", 4 }, { "where", 4 }, { "lines", 4 }, { "ness", 3 },
	{ "less", 3 }, { "ment", 4 }, { "time", 4 }, { "line", 4 },
	{ "fore", 4 }, { "work", 4 }, { "wise", 4 }, { "ful", 3 },
	{ "ly", 3 }, { "ty", 4 }
};

static int
read_cjk(ucs4_t uc)
{
	return ((uc >= 0x3040 && uc <= 0x30ff) ||
	    (uc >= 0x3400 && uc <= 0x4dbf) || (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0x20000 && uc <= 0x3ffff));
}

static int
read_digit(ucs4_t uc)
{
	return (uc_is_general_category(uc, UC_CATEGORY_Nd));
}

/* Letters and digits that make words of the spaced kind. */
static int
read_alnum(ucs4_t uc)
{
	if (uc < 0x80)
		return ((uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9'));
	return (!read_cjk(uc) && (uc_is_alpha(uc) || read_digit(uc)));
}

static int
read_mark(ucs4_t uc)
{
	return (uc >= 0x300 && uc_is_general_category(uc, UC_CATEGORY_M));
}

static int
read_apos(ucs4_t uc)
{
	return (uc == '\'' || uc == 0x2019);
}

static int
read_hyphen(ucs4_t uc)
{
	return (uc == '-' || uc == 0x2010 || uc == 0x2011);
}

static int
read_stop(ucs4_t uc)
{
	return (uc == '.' || uc == '!' || uc == '?' || uc == 0x2026 ||
	    uc == 0x3002 || uc == 0xff01 || uc == 0xff0e || uc == 0xff1f);
}

static int
read_closer(ucs4_t uc)
{
	return (uc == '"' || uc == '\'' || uc == ')' || uc == ']' ||
	    uc == '}' || uc == '*' || uc == 0x2019 || uc == 0x201d ||
	    uc == 0xbb || uc == 0x300d || uc == 0x300f);
}

static int
read_opener(ucs4_t uc)
{
	return (uc == '"' || uc == '\'' || uc == '(' || uc == '[' ||
	    uc == '{' || uc == '*' || uc == 0x2018 || uc == 0x201c ||
	    uc == 0xab || uc == 0xa1 || uc == 0xbf);
}

/*
 * The end of the word that starts at s[i]: letters, digits and marks,
 * joined across an apostrophe or hyphen between two of them, "." or ","
 * between digits, and "." after a single letter ("e.g").
 */
static size_t
read_word_end(const char *s, size_t len, size_t i)
{
	ucs4_t	uc, next, prev = 0;
	size_t	seg = 0;
	int	n, join;

	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		if (read_alnum(uc) || (seg > 0 && read_mark(uc))) {
			if (!read_mark(uc)) {
				seg++;
				prev = uc;
			}
			i += n;
			continue;
		}
		if ((size_t)n >= len - i)
			break;
		text_next(s + i + n, len - i - n, &next);
		if (!read_alnum(next))
			break;
		join = read_apos(uc) || read_hyphen(uc) ||
		    ((uc == '.' || uc == ',') && read_digit(prev) &&
		    read_digit(next)) ||
		    (uc == '.' && seg == 1 && !read_digit(prev) &&
		    !read_digit(next));
		if (!join)
			break;
		i += n;
		seg = 0;
	}
	return (i);
}

static int
read_is_abbrev(const char *w, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof(read_abbrevs) / sizeof(read_abbrevs[0]); i++)
		if (strlen(read_abbrevs[i]) == len &&
		    strncasecmp(read_abbrevs[i], w, len) == 0)
			return (1);
	return (0);
}

/*
 * Whether the run of stops s[i, end) ends a sentence.  w[0] and w[1] are
 * the last two words (nw of them in this sentence, at most 2); an
 * initial is marked in w[1].
 */
static int
read_ends(const char *s, size_t len, size_t i, size_t end,
    struct read_word *w, size_t nw)
{
	ucs4_t	 uc, next = 0;
	size_t	 j = i, k;
	int	 n, bang = 0, cjk = 0, dots = 0;

	while (j < end) {
		j += text_next(s + j, end - j, &uc);
		if (uc == '!' || uc == '?')
			bang = 1;
		else if (uc == '.' || uc == 0x2026)
			dots++;
		else
			cjk = 1;
	}
	if (cjk)
		return (1);
	/* Closing marks, then a space or the end. */
	for (k = end; k < len; k += n) {
		n = text_next(s + k, len - k, &uc);
		if (!read_closer(uc))
			break;
	}
	if (k >= len)
		return (1);
	text_next(s + k, len - k, &uc);
	if (!uc_is_property_white_space(uc))
		return (0);
	if (bang)
		return (1);
	for (; k < len; k += n) {
		n = text_next(s + k, len - k, &next);
		if (!uc_is_property_white_space(next) && !read_opener(next))
			break;
	}
	if (k < len && uc_is_lower(next))
		return (0);
	/* A lone "." right after a word: an abbreviation or an initial. */
	if (dots != 1 || s[i] != '.' || nw == 0 || w[1].end != i)
		return (1);
	if (read_is_abbrev(s + w[1].start, w[1].end - w[1].start))
		return (0);
	if (nw == 2)
		text_next(s + w[0].start, len - w[0].start, &uc);
	if (w[1].end - w[1].start == 1 && s[w[1].start] != 'I' &&
	    uc_is_upper((unsigned char)s[w[1].start]) && k < len &&
	    uc_is_upper(next) && (nw == 1 || w[0].initial ||
	    uc_is_upper(uc))) {
		w[1].initial = 1;
		return (0);
	}
	return (1);
}

/*
 * What the advice for a section above its limit needs: its longest
 * sentences and its words of most syllables, a few of each, each a
 * copy made for the message.
 */
#define READ_SHOW	3
#define READ_LEAD	5	/* words of a sentence shown */

struct read_notes {
	char		*sent[READ_SHOW];	/* "Men who have ..." */
	size_t		 sentwords[READ_SHOW];
	char		*word[READ_SHOW];
	unsigned	 wordsyl[READ_SHOW];
	/* Letters counted for the check that the text is English. */
	size_t		 latin;
	size_t		 letters;
};

/* Keeps s if it is among the READ_SHOW largest by n; takes s. */
static void
read_keep(char **list, size_t *counts, char *s, size_t n)
{
	size_t	i, j;

	for (i = 0; i < READ_SHOW; i++)
		if (list[i] != NULL && strcasecmp(list[i], s) == 0) {
			free(s);
			return;
		}
	for (i = 0; i < READ_SHOW; i++)
		if (list[i] == NULL || n > counts[i])
			break;
	if (i == READ_SHOW) {
		free(s);
		return;
	}
	free(list[READ_SHOW - 1]);
	for (j = READ_SHOW - 1; j > i; j--) {
		list[j] = list[j - 1];
		counts[j] = counts[j - 1];
	}
	list[i] = s;
	counts[i] = n;
}

/* A sentence found: its first words, kept if it is among the longest. */
static void
read_note_sentence(struct read_notes *nt, const char *text, size_t start,
    size_t end, size_t words)
{
	size_t	i, n = 0, len = strlen(text), cut = end;
	int	in = 0;
	char	*s, *lead;

	for (i = start; i < end && i < len; i++) {
		if (text[i] == ' ') {
			if (in && ++n == READ_LEAD) {
				cut = i;
				break;
			}
			in = 0;
		} else
			in = 1;
	}
	lead = xasprintf("%.*s%s", (int)(cut - start), text + start,
	    cut < end ? " ..." : "");
	/* TRANSLATORS: a sentence's first words, then how many it has. */
	s = xasprintf(i18n_ui_plural("'%s' (%zu word)", "'%s' (%zu words)",
	    words), lead, words);
	free(lead);
	read_keep(nt->sent, nt->sentwords, s, words);
}

static void
read_note_word(struct read_notes *nt, const char *text, size_t start,
    size_t end, unsigned syl)
{
	size_t	counts[READ_SHOW], i;

	for (i = 0; i < READ_SHOW; i++)
		counts[i] = nt->wordsyl[i];
	/* A word of three syllables or fewer is not hard. */
	if (syl < 4)
		return;
	read_keep(nt->word, counts, xstrndup(text + start, end - start),
	    syl);
	for (i = 0; i < READ_SHOW; i++)
		nt->wordsyl[i] = (unsigned)counts[i];
}

static void
read_notes_free(struct read_notes *nt)
{
	size_t	i;

	for (i = 0; i < READ_SHOW; i++) {
		free(nt->sent[i]);
		free(nt->word[i]);
	}
	memset(nt, 0, sizeof(*nt));
}

/* readability_add, noting sentences and words when nt is not NULL. */
static void
read_walk(struct readability *r, const char *text, struct read_notes *nt)
{
	struct read_word	 w[2];
	size_t			 len = strlen(text), i = 0, end, pending = 0;
	size_t			 nw, start = 0, j;
	unsigned		 syl;
	ucs4_t			 uc;
	int			 n;

	memset(w, 0, sizeof(w));
	while (i < len) {
		n = text_next(text + i, len - i, &uc);
		if (read_cjk(uc)) {
			if (pending == 0)
				start = i;
			r->words++;
			r->syllables++;
			pending++;
			i += n;
			continue;
		}
		if (read_alnum(uc)) {
			if (pending == 0)
				start = i;
			end = read_word_end(text, len, i);
			syl = readability_syllables(text + i, end - i);
			r->words++;
			r->syllables += syl;
			if (nt != NULL)
				read_note_word(nt, text, i, end, syl);
			pending++;
			w[0] = w[1];
			w[1].start = i;
			w[1].end = end;
			w[1].initial = 0;
			i = end;
			continue;
		}
		if (!read_stop(uc)) {
			i += n;
			continue;
		}
		for (end = i; end < len; end += n) {
			n = text_next(text + end, len - end, &uc);
			if (!read_stop(uc))
				break;
		}
		nw = pending < 2 ? pending : 2;
		if (pending > 0 && read_ends(text, len, i, end, w, nw)) {
			r->sentences++;
			if (nt != NULL)
				read_note_sentence(nt, text, start, end,
				    pending);
			pending = 0;
		}
		i = end;
	}
	if (pending > 0) {
		r->sentences++;
		if (nt != NULL)
			read_note_sentence(nt, text, start, len, pending);
	}
	/* Letters by script: is this English? */
	for (j = 0; nt != NULL && j < len; j += n) {
		n = text_next(text + j, len - j, &uc);
		if (!uc_is_alpha(uc))
			continue;
		nt->letters++;
		if (uc < 0x80 || (uc_script(uc) != NULL &&
		    strcmp(uc_script(uc)->name, "Latin") == 0))
			nt->latin++;
	}
}

void
readability_add(struct readability *r, const char *text)
{
	read_walk(r, text, NULL);
}

double
readability_grade(const struct readability *r)
{
	size_t	sentences = r->sentences > 0 ? r->sentences : 1;
	double	g;

	if (r->words == 0)
		return (0.0);
	g = 0.39 * (double)r->words / (double)sentences +
	    11.8 * (double)r->syllables / (double)r->words - 15.59;
	return (g > 0.0 ? g : 0.0);
}

/* Vowels of the folded alphabet: 'I' and 'E' start a group of their own. */
static int
read_plain_vowel(char c)
{
	return (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	    c == 'I' || c == 'E');
}

static int
read_in(char c, const char *set)
{
	return (c != '\0' && strchr(set, c) != NULL);
}

/* Whether w[i] is a vowel; "y" depends on its neighbours. */
static int
read_vowel(const char *w, size_t n, size_t i)
{
	if (w[i] != 'y')
		return (read_plain_vowel(w[i]));
	if (i == 0)
		return (n < 2 || !read_plain_vowel(w[1]));
	if (i + 1 < n && read_plain_vowel(w[i - 1]) &&
	    read_plain_vowel(w[i + 1]))
		return (0);
	return (1);
}

/* Whether any of w[0, end) is a vowel. */
static int
read_vowel_before(const char *w, size_t n, size_t end)
{
	size_t	i;

	for (i = 0; i < end; i++)
		if (read_vowel(w, n, i))
			return (1);
	return (0);
}

/* 1 when the vowels w[i - 1] and w[i] of one group are two syllables. */
static unsigned
read_split(const char *w, size_t n, size_t i, size_t group)
{
	char	a = w[i - 1], b = w[i], c = i >= 2 ? w[i - 2] : '\0';
	char	d = i + 1 < n ? w[i + 1] : '\0';
	char	e = i + 2 < n ? w[i + 2] : '\0';

	if (a == 'i' && b == 'a')
		return (!read_in(c, "cgst") || (read_in(c, "ct") && d == 't'));
	if (a == 'i' && b == 'o')
		return (!read_in(c, "cghlnstx"));
	if (a == 'i' && b == 'u')
		return (1);
	if (a == 'u' && (b == 'a' || b == 'o'))
		return (!read_in(c, "qg"));
	if (a == 'u' && b == 'i')
		return ((d == 'd' || d == 'n') && !read_in(c, "qg"));
	if (a == 'u' && b == 'e')
		return ((d == 'l' || d == 'n') && !read_in(c, "qg"));
	if (a == 'e' && b == 'o')
		return (!read_in(c, "cg"));
	if (a == 'o' && b == 'e')
		return (d == 'm' || d == 't');
	/* Final "ea" after another syllable: "area", "idea". */
	if (a == 'e' && b == 'a')
		return (group > 0 && (i + 1 == n ||
		    (i + 2 == n && d == 's')));
	if (a != 'i' || b != 'e')
		return (0);
	if (d == 't')
		return (1);
	if (d == 'n' && (e == 'c' || e == 't'))
		return (!read_in(c, "cnst"));
	/* "-ier", "-iers", "-iest" after another syllable: "easier". */
	if (group > 0 && c != '\0' && !read_vowel(w, n, i - 2) &&
	    !(c == 'h' && i >= 3 && w[i - 3] == 's') &&
	    ((d == 'r' && (i + 2 == n || (i + 3 == n && e == 's'))) ||
	    (d == 's' && e == 't' && i + 3 == n)))
		return (1);
	return (0);
}

/* The syllables of folded letters by the rules, without exceptions. */
static unsigned
read_core(const char *w, size_t n)
{
	unsigned	count = 0, groups = 0;
	size_t		i, j, slen, stem;
	char		c3, c4;

	for (i = 0; i < n; i++) {
		if (!read_vowel(w, n, i))
			continue;
		if (i == 0 || !read_vowel(w, n, i - 1) || w[i] == 'I' ||
		    w[i] == 'E') {
			count++;
			groups++;
		} else
			count += read_split(w, n, i, groups - 1);
	}

	/* Silent final "e", but "table" and "centre". */
	if (n >= 2 && w[n - 1] == 'e' && !read_vowel(w, n, n - 2) &&
	    count >= 2) {
		c3 = n >= 3 ? w[n - 3] : '\0';
		if (!((w[n - 2] == 'l' || w[n - 2] == 'r') && c3 != '\0' &&
		    !read_vowel(w, n, n - 3) && c3 != w[n - 2]))
			count--;
	}
	/* "unique", "league", "techniques". */
	if (count >= 2 && ((n >= 3 && w[n - 2] == 'u' && w[n - 1] == 'e' &&
	    read_in(w[n - 3], "qg")) || (n >= 4 && w[n - 3] == 'u' &&
	    w[n - 2] == 'e' && w[n - 1] == 's' && read_in(w[n - 4], "qg"))))
		count--;
	/* "-es" after one consonant: "makes", but "boxes" and "tables". */
	if (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 's' &&
	    !read_vowel(w, n, n - 3) && count >= 2) {
		c3 = w[n - 3];
		c4 = n >= 4 && !read_vowel(w, n, n - 4) ? w[n - 4] : '\0';
		if (!(read_in(c3, "sxzcg") ||
		    (c3 == 'h' && read_in(c4, "cs")) ||
		    ((c3 == 'l' || c3 == 'r') && c4 != '\0' && c4 != c3)))
			count--;
	}
	/* "-ed" after a consonant: "walked", but "wanted" and "hundred". */
	if (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 'd' &&
	    !read_vowel(w, n, n - 3) && count >= 2) {
		c3 = w[n - 3];
		c4 = n >= 4 && !read_vowel(w, n, n - 4) ? w[n - 4] : '\0';
		if (!(c3 == 't' || c3 == 'd' ||
		    (c3 == 'l' && c4 != '\0' && c4 != 'l' && c4 != 'r') ||
		    (c3 == 'r' && c4 != '\0' && c4 != 'r')))
			count--;
	}
	/* A silent "e" before an ending: "safely", "lifestyle". */
	for (j = 0; j < sizeof(read_suffixes) / sizeof(read_suffixes[0]);
	    j++) {
		slen = strlen(read_suffixes[j].end);
		if (n <= slen || memcmp(w + n - slen, read_suffixes[j].end,
		    slen) != 0)
			continue;
		stem = n - slen;
		if (stem >= read_suffixes[j].stem && count >= 2 &&
		    w[stem - 1] == 'e' && !read_vowel(w, n, stem - 2) &&
		    !((w[stem - 2] == 'l' || w[stem - 2] == 'r') &&
		    !read_vowel(w, n, stem - 3)) &&
		    read_vowel_before(w, n, stem - 2))
			count--;
		break;
	}
	/* "being", "going": the "i" joined the vowel before it. */
	if (n >= 4 && memcmp(w + n - 3, "ing", 3) == 0 &&
	    read_vowel(w, n, n - 4) && w[n - 3] == 'i' &&
	    !read_split(w, n, n - 3, 1))
		count++;
	if (n >= 3 && w[n - 2] == 's' && w[n - 1] == 'm' &&
	    read_vowel(w, n, n - 3))
		count++;
	/* "-ically" is said "ik-lee". */
	if (n >= 7 && memcmp(w + n - 6, "ically", 6) == 0 && count >= 2)
		count--;
	/* "reuse", "react", "create" (not "creature"), "science". */
	if ((n >= 5 && w[0] == 'r' && w[1] == 'e' && read_in(w[2], "iu")) ||
	    (n >= 5 && memcmp(w, "scien", 5) == 0) ||
	    (n >= 5 && memcmp(w, "react", 5) == 0) ||
	    (n >= 5 && memcmp(w, "creat", 5) == 0 &&
	    (n == 5 || w[5] != 'u')))
		count++;
	return (count > 0 ? count : 1);
}

/* Exceptions and compounds, then the rules. */
static unsigned
read_count(const char *w, size_t n)
{
	size_t	i, len;

	for (i = 0; i < sizeof(read_exceptions) / sizeof(read_exceptions[0]);
	    i++) {
		len = strlen(read_exceptions[i].word);
		if ((n == len || (n == len + 1 && w[len] == 's')) &&
		    memcmp(w, read_exceptions[i].word, len) == 0)
			return (read_exceptions[i].n);
	}
	for (i = 0; i < sizeof(read_compounds) / sizeof(read_compounds[0]);
	    i++) {
		len = strlen(read_compounds[i]);
		if (n >= len + 2 && memcmp(w, read_compounds[i], len) == 0)
			return (read_count(w, len) +
			    read_count(w + len, n - len));
	}
	return (read_core(w, n));
}

/*
 * Folds a run of letters into out: ASCII lowercased, Latin-1 vowels to
 * their base letter (ï and ë to 'I' and 'E', é è ê to 'E' at the end of a
 * word), other letters to '#'.  A run longer than READ_FOLD_MAX is cut,
 * which changes no more than how its end is read.  *caps is set when
 * every letter is an ASCII capital.  Returns the length.
 */
static size_t
read_fold(const char *s, size_t len, char *out, int *caps)
{
	static const char	 latin1[] =
	    "aaaaaaeceeeeiiiidnooooo#ouuuuyts"
	    "aaaaaaeceeeeiiiidnooooo#ouuuuyty";
	ucs4_t			 uc;
	size_t			 i = 0, o = 0;
	int			 n;
	char			 c;

	*caps = 1;
	while (i < len && o < READ_FOLD_MAX) {
		n = text_next(s + i, len - i, &uc);
		i += n;
		if (read_mark(uc))
			continue;
		if (!(uc >= 'A' && uc <= 'Z'))
			*caps = 0;
		if (uc < 0x80)
			c = (char)(uc >= 'A' && uc <= 'Z' ?
			    uc - 'A' + 'a' : uc);
		else if (uc == 0xef || uc == 0xcf || uc == 0xeb || uc == 0xcb)
			c = uc == 0xef || uc == 0xcf ? 'I' : 'E';
		else if ((uc == 0xe9 || uc == 0xe8 || uc == 0xea ||
		    uc == 0xc9 || uc == 0xc8 || uc == 0xca) && i >= len)
			c = 'E';
		else if (uc >= 0xc0 && uc <= 0xff)
			c = latin1[uc - 0xc0];
		else if (uc == 0x153 || uc == 0x152)
			c = 'e';
		else
			c = '#';
		out[o++] = c;
	}
	return (o);
}

/* Syllables of one run of letters. */
static unsigned
read_letters(const char *s, size_t len)
{
	char		w[READ_FOLD_MAX];
	size_t		n, i;
	unsigned	count = 0;
	int		caps;

	n = read_fold(s, len, w, &caps);
	if (caps && n >= 2 && n <= 4) {
		for (i = 0; i < n && read_in(s[i], "IVX"); i++)
			continue;
		if (i == n)
			return (1);
		for (i = 0; i < n; i++)
			count += w[i] == 'w' ? 3 : 1;
		return (count);
	}
	return (read_count(w, n));
}

/* Whether s[0, len) is lit, ignoring ASCII case. */
static int
read_eq(const char *s, size_t len, const char *lit)
{
	return (strlen(lit) == len && strncasecmp(s, lit, len) == 0);
}

/* Whether the letters s[0, len) follow an apostrophe as a contraction. */
static int
read_contraction(const char *s, size_t len)
{
	return (read_eq(s, len, "s") || read_eq(s, len, "re") ||
	    read_eq(s, len, "ll") || read_eq(s, len, "ve") ||
	    read_eq(s, len, "d") || read_eq(s, len, "m"));
}

static int
read_ordinal(const char *s, size_t len)
{
	return (read_eq(s, len, "st") || read_eq(s, len, "nd") ||
	    read_eq(s, len, "rd") || read_eq(s, len, "th"));
}

/*
 * A word is taken part by part: digit groups, and runs of letters,
 * which are cut at hyphens, points, commas and apostrophes.
 */
unsigned
readability_syllables(const char *word, size_t len)
{
	ucs4_t		uc;
	size_t		i = 0, j;
	unsigned	total = 0;
	int		n, any = 0, digits = 0, apos = 0, nt = 0;

	while (i < len) {
		n = text_next(word + i, len - i, &uc);
		if (read_digit(uc)) {
			for (j = i + n; j < len; j += n) {
				n = text_next(word + j, len - j, &uc);
				if (!read_digit(uc))
					break;
			}
			total++;
			any = digits = 1;
			apos = nt = 0;
			i = j;
			continue;
		}
		if (!read_alnum(uc)) {
			apos = read_apos(uc);
			if (!apos)
				nt = 0;
			digits = 0;
			i += n;
			continue;
		}
		for (j = i; j < len; j += n) {
			n = text_next(word + j, len - j, &uc);
			if (read_digit(uc) ||
			    (!read_alnum(uc) && !read_mark(uc)))
				break;
		}
		any = 1;
		if (apos && read_eq(word + i, j - i, "t"))
			total += nt;
		else if (!(apos && read_contraction(word + i, j - i)) &&
		    !(digits && read_ordinal(word + i, j - i)))
			total += read_letters(word + i, j - i);
		/* "n" after a consonant is a syllable before "'t": "didn't". */
		nt = j - i >= 2 && (word[j - 1] == 'n' || word[j - 1] == 'N') &&
		    (unsigned char)word[j - 2] < 0x80 &&
		    strchr("aeiouyAEIOUY", word[j - 2]) == NULL;
		digits = apos = 0;
		i = j;
	}
	return (any && total == 0 ? 1 : total);
}

static void
read_unit(const struct tstr *t, readability_unit_fn *fn, void *arg)
{
	struct text_emph	*em;
	size_t			 nem;
	char			*s;

	if (t->key == NULL)
		return;
	/* The words as shown: without the stars of *emphasis*. */
	s = text_strip_emph(tstr_msgid(t), &em, &nem);
	free(em);
	if (*s != '\0')
		fn(s, arg);
	free(s);
}

void
readability_section_units(const struct section *sec, readability_unit_fn *fn,
    void *arg)
{
	const struct block	*b;
	size_t			 i, j;

	read_unit(&sec->heading, fn, arg);
	for (i = 0; i < sec->nblocks; i++) {
		b = &sec->blocks[i];
		/* The alt text comes before the caption; art is a drawing. */
		if (b->kind == BLOCK_FIGURE)
			read_unit(&b->alt, fn, arg);
		read_unit(&b->text, fn, arg);
		read_unit(&b->body, fn, arg);
		for (j = 0; j < b->nitems; j++)
			read_unit(&b->items[j], fn, arg);
	}
}

static void
read_add_unit(const char *unit, void *arg)
{
	readability_add(arg, unit);
}

/* Counts and notes together, for readability_check. */
struct read_both {
	struct readability	*r;
	struct read_notes	*nt;
};

static void
read_note_unit(const char *unit, void *arg)
{
	struct read_both	*b = arg;

	read_walk(b->r, unit, b->nt);
}

/* A sentence this short is worth no advice, unless it is the longest. */
#define READ_LONG	12

/*
 * "'a', 'b'" of a NULL-ended (or full) list of READ_SHOW, to free; with
 * counts, only the first and those of at least READ_LONG.
 */
static char *
read_join(char *const *list, const size_t *counts, int quote)
{
	char	*s = xstrdup(""), *next;
	size_t	 i;

	for (i = 0; i < READ_SHOW && list[i] != NULL; i++) {
		if (counts != NULL && i > 0 && counts[i] < READ_LONG)
			break;
		next = xasprintf("%s%s%s%s%s", s, i > 0 ? ", " : "",
		    quote ? "'" : "", list[i], quote ? "'" : "");
		free(s);
		s = next;
	}
	return (s);
}

void
readability_section(const struct section *sec, struct readability *r)
{
	readability_section_units(sec, read_add_unit, r);
}

/*
 * The limit for a topic: the library's when it was set for all, else its
 * folder's library.yaml's when that set one.
 */
static int
read_limit(const struct library *lib, const struct topic *t)
{
	if (!lib->settings.grade_set && t->pack != NULL &&
	    t->pack->grade_limit > 0)
		return (t->pack->grade_limit);
	return (lib->settings.grade_limit);
}

/* A grade in tenths, rounded as it is printed. */
static long
read_tenths(double grade)
{
	return ((long)(grade * 10 + (grade < 0 ? -0.5 : 0.5)));
}

static int
read_row_cmp(const void *a, const void *b)
{
	double	ga = ((const struct read_row *)a)->grade;
	double	gb = ((const struct read_row *)b)->grade;

	return (ga < gb ? -1 : ga > gb);
}

static int
read_topic_cmp(const void *a, const void *b)
{
	const struct topic	*ta = *(const struct topic *const *)a;
	const struct topic	*tb = *(const struct topic *const *)b;
	int			 c;

	c = strcmp(ta->file != NULL ? ta->file : "",
	    tb->file != NULL ? tb->file : "");
	return (c != 0 ? c : strcmp(ta->id, tb->id));
}

/* The report of a topic that is not graded. */
static void
read_report_none(FILE *fp, const struct topic *t)
{
	char	*file;

	file = text_sanitize(t->file != NULL ? t->file : t->id,
	    strlen(t->file != NULL ? t->file : t->id), TEXT_FLOW, NULL);
	/* TRANSLATORS: %s is a file name. */
	tty_printf(fp, _("%s: no reading grade: the text is not English\n"),
	    file);
	free(file);
}

/* One topic's block of the report; rows are in section order. */
static void
read_report(FILE *fp, const struct topic *t, int limit,
    const struct read_row *rows, size_t n)
{
	struct read_row	*sorted;
	size_t		 i;
	double		 median;
	char		*file;

	file = text_sanitize(t->file != NULL ? t->file : t->id,
	    strlen(t->file != NULL ? t->file : t->id), TEXT_FLOW, NULL);
	/* TRANSLATORS: %s is a file name, %d the highest grade allowed. */
	tty_printf(fp, _("%s: reading grade (Flesch-Kincaid), limit %d\n"),
	    file, limit);
	free(file);
	for (i = 0; i < n; i++) {
		tty_printf(fp, "  %5.1f  %s", read_tenths(rows[i].grade) / 10.0,
		    rows[i].id);
		if (read_tenths(rows[i].grade) > limit * 10L)
			tty_printf(fp, "  %s", _("(above the limit)"));
		fputc('\n', fp);
	}
	if (n < 2)
		return;
	sorted = xreallocarray(NULL, n, sizeof(*sorted));
	memcpy(sorted, rows, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), read_row_cmp);
	median = n % 2 == 1 ? sorted[n / 2].grade :
	    (sorted[n / 2 - 1].grade + sorted[n / 2].grade) / 2;
	free(sorted);
	fprintf(fp, "  %5.1f  ", read_tenths(median) / 10.0);
	/* TRANSLATORS: the median of the grades of a topic's sections. */
	tty_printf(fp, i18n_ui_plural("median of %zu section",
	    "median of %zu sections", n), n);
	fputc('\n', fp);
}

/*
 * Text where fewer than half the letters are Latin is not English: its
 * grade would mean nothing.  A few letters prove nothing either way.
 */
#define READ_MIN_LETTERS	20

size_t
readability_check(const struct library *lib, FILE *report,
    struct diag_list *diags)
{
	const struct topic	**topics;
	const struct section	 *sec;
	struct readability	  r;
	struct read_notes	 *notes;
	struct read_both	  both;
	struct read_row		 *rows;
	size_t			  i, j, over = 0, latin, letters;
	char			  grade[32], lim[16], *sents, *words;
	int			  limit;

	if (lib->ntopics == 0)
		return (0);
	topics = xreallocarray(NULL, lib->ntopics, sizeof(*topics));
	for (i = 0; i < lib->ntopics; i++)
		topics[i] = lib->topics[i];
	qsort(topics, lib->ntopics, sizeof(*topics), read_topic_cmp);
	for (i = 0; i < lib->ntopics; i++) {
		limit = read_limit(lib, topics[i]);
		rows = xcalloc(topics[i]->nsections + 1, sizeof(*rows));
		notes = xcalloc(topics[i]->nsections + 1, sizeof(*notes));
		latin = letters = 0;
		for (j = 0; j < topics[i]->nsections; j++) {
			sec = &topics[i]->sections[j];
			memset(&r, 0, sizeof(r));
			both.r = &r;
			both.nt = &notes[j];
			readability_section_units(sec, read_note_unit, &both);
			rows[j].id = sec->id;
			rows[j].grade = readability_grade(&r);
			latin += notes[j].latin;
			letters += notes[j].letters;
		}
		if (letters >= READ_MIN_LETTERS && latin * 2 < letters) {
			diag_add(diags, topics[i]->file, topics[i]->id_line,
			    topics[i]->id_col, DIAG_NOT_ENGLISH, NULL, NULL);
			if (report != NULL)
				read_report_none(report, topics[i]);
			goto next;
		}
		for (j = 0; j < topics[i]->nsections; j++) {
			sec = &topics[i]->sections[j];
			if (read_tenths(rows[j].grade) <= limit * 10L)
				continue;
			over++;
			snprintf(grade, sizeof(grade), "%.1f",
			    read_tenths(rows[j].grade) / 10.0);
			snprintf(lim, sizeof(lim), "%d", limit);
			diag_add3(diags, topics[i]->file, sec->line, sec->col,
			    DIAG_READABILITY, sec->id, grade, lim);
			sents = read_join(notes[j].sent, notes[j].sentwords, 0);
			words = read_join(notes[j].word, NULL, 1);
			diag_add3(diags, topics[i]->file, sec->line, sec->col,
			    *words != '\0' ? DIAG_READABILITY_WHY :
			    DIAG_READABILITY_LONG, sec->id, sents, words);
			free(sents);
			free(words);
		}
		if (report != NULL)
			read_report(report, topics[i], limit, rows,
			    topics[i]->nsections);
next:
		for (j = 0; j < topics[i]->nsections; j++)
			read_notes_free(&notes[j]);
		free(notes);
		free(rows);
	}
	free(topics);
	return (over);
}

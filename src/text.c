/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * UTF-8 text for the screen: making untrusted strings safe to show,
 * measuring, fitting and wrapping them, a plain ASCII stand-in for
 * terminals without UTF-8, and folding for search.  Every bit of Unicode
 * knowledge (widths, line and grapheme breaks, normalisation, case) comes
 * from libunistring; this file only decides policy.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "xalloc.h"

#define TEXT_REPLACEMENT	0xfffd
#define TEXT_TABSTOP		8

/* An ASCII spelling for a character text_to_ascii knows. */
struct text_ascii {
	ucs4_t		 uc;
	const char	*ascii;
};

static int	 text_decode(const uint8_t *, size_t, ucs4_t *, int *);
static int	 text_undrawn(ucs4_t);
static int	 text_ucwidth(ucs4_t);
static int	 text_is_mark(ucs4_t);
static int	 text_sure_break(const uint8_t *, size_t, size_t);
static size_t	 text_cluster(const uint8_t *, size_t, size_t, int *);
static uint8_t	*text_normalize(uninorm_t, const uint8_t *, size_t, size_t *);
static size_t	 text_filter(const uint8_t *, size_t, uint8_t *, int *, int *);
static int	 text_flow_ascii(const char *, size_t);
static char	*text_flow(const uint8_t *, size_t);
static char	*text_pre(const uint8_t *, size_t);
static void	 text_push_line(struct text_line **, size_t *, size_t *,
		    size_t, size_t, size_t);
static size_t	 text_wrap_at(const char *, size_t, int, const char *,
		    struct text_line **);
static size_t	 text_cut(const char *, size_t, int);
static const char *text_ascii_lookup(ucs4_t);
static int	 text_umlaut_base(ucs4_t);
static int	 text_next_is_upper(const uint8_t *, size_t, size_t);
static void	 text_fold_put(char **, size_t **, size_t *, size_t *,
		    const uint8_t *, size_t, size_t);

/*
 * Sorted by code point for bsearch.  Box drawing is handled by range in
 * text_ascii_lookup; everything here is punctuation or a letter that has
 * no canonical decomposition.
 */
static const struct text_ascii text_ascii_map[] = {
	{ 0x00a0, " " },	/* no-break space */
	{ 0x00ab, "\"" },	/* « */
	{ 0x00ad, "" },		/* soft hyphen */
	{ 0x00b0, "deg" },
	{ 0x00b1, "+/-" },
	{ 0x00b5, "u" },	/* micro sign */
	{ 0x00b7, "." },
	{ 0x00bb, "\"" },	/* » */
	{ 0x00c6, "AE" },
	{ 0x00d7, "x" },
	{ 0x00d8, "O" },
	{ 0x00df, "ss" },
	{ 0x00e6, "ae" },
	{ 0x00f7, "/" },
	{ 0x00f8, "o" },
	{ 0x0110, "D" },
	{ 0x0111, "d" },
	{ 0x0131, "i" },
	{ 0x0141, "L" },
	{ 0x0142, "l" },
	{ 0x0152, "OE" },
	{ 0x0153, "oe" },
	{ 0x1e9e, "SS" },	/* capital sharp s */
	{ 0x2010, "-" },
	{ 0x2011, "-" },
	{ 0x2012, "-" },
	{ 0x2013, "-" },	/* en dash */
	{ 0x2014, "-" },	/* em dash */
	{ 0x2015, "-" },
	{ 0x2018, "'" },
	{ 0x2019, "'" },
	{ 0x201a, "'" },
	{ 0x201b, "'" },
	{ 0x201c, "\"" },
	{ 0x201d, "\"" },
	{ 0x201e, "\"" },
	{ 0x201f, "\"" },
	{ 0x2022, "*" },	/* bullet */
	{ 0x2023, "*" },
	{ 0x2026, "..." },
	{ 0x2032, "'" },
	{ 0x2033, "\"" },
	{ 0x2039, "<" },	/* ‹ */
	{ 0x203a, ">" },	/* › */
	{ 0x2043, "-" },
	{ 0x2190, "<-" },
	{ 0x2191, "^" },
	{ 0x2192, "->" },
	{ 0x2193, "v" },
	{ 0x2194, "<->" },
	{ 0x21d0, "<=" },
	{ 0x21d2, "=>" },
	{ 0x21d4, "<=>" },
	{ 0x2212, "-" },	/* minus sign */
	{ 0x2264, "<=" },
	{ 0x2265, ">=" },
	{ 0x25cf, "*" },
	{ 0x25e6, "o" },
};

/* Box drawing (U+2500-U+257F) that is a horizontal or a vertical line. */
static const ucs4_t text_box_horiz[] = {
	0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d,
	0x2550, 0x2574, 0x2576, 0x2578, 0x257a, 0x257c, 0x257e
};
static const ucs4_t text_box_vert[] = {
	0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x254e, 0x254f,
	0x2551, 0x2575, 0x2577, 0x2579, 0x257b, 0x257d, 0x257f
};

/*
 * Decodes one character; *bad is set for invalid or truncated UTF-8
 * (which decodes as U+FFFD, one per maximal invalid subpart).
 */
static int
text_decode(const uint8_t *s, size_t len, ucs4_t *uc, int *bad)
{
	int	n;

	if (s[0] < 0x80) {
		*uc = s[0];
		*bad = 0;
		return (1);
	}
	n = u8_mbtouc(uc, s, len);
	*bad = (*uc == TEXT_REPLACEMENT && !(n == 3 && s[0] == 0xef &&
	    s[1] == 0xbf && s[2] == 0xbd));
	return (n);
}

/*
 * The one list of characters that must not reach a terminal or a reader
 * as they are: controls (C0, DEL, C1), surrogates, noncharacters, bidi
 * controls (marks, embeddings, overrides, isolates, U+061C), U+FEFF and
 * the line and paragraph separators.  Tab, newline and CR are decided by
 * the callers before they ask.
 */
static int
text_ascii_alnum(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'));
}

int
text_unsafe(uint32_t uc)
{
	if (uc < 0x20 || uc == 0x7f)
		return (1);
	if (uc < 0x80)
		return (0);
	if (uc > 0x10ffff || uc == 0xfeff || uc == 0x2028 || uc == 0x2029)
		return (1);
	if ((uc >= 0xfdd0 && uc <= 0xfdef) || (uc & 0xfffe) == 0xfffe)
		return (1);
	return (uc_is_general_category(uc, UC_CATEGORY_Cc) ||
	    uc_is_general_category(uc, UC_CATEGORY_Cs) ||
	    uc_is_property_bidi_control(uc));
}

long
text_stray_star(const char *s)
{
	size_t		 len = strlen(s), i;
	const char	*close;

	for (i = 0; i < len; i++) {
		if (s[i] != '*')
			continue;
		/* As layout_strip_emph: an opening star and its closing one. */
		if (i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '*' &&
		    (i == 0 || !text_ascii_alnum(s[i - 1])) &&
		    (close = strchr(s + i + 1, '*')) != NULL &&
		    close[-1] != ' ') {
			i = (size_t)(close - s);
			continue;
		}
		if ((i == 0 || s[i - 1] == ' ') &&
		    (i + 1 == len || s[i + 1] == ' '))
			continue;
		return ((long)i);
	}
	return (-1);
}

/*
 * Characters never sent to the terminal: format characters (soft hyphen,
 * zero-width joiners, the Arabic number signs U+0600-U+0605, tags),
 * variation selectors and emoji skin tones.  Terminals do not agree on
 * them: one joins the emoji on either side of a ZWJ into one glyph two
 * columns wide while curses, counting code points, moves on six; one
 * draws a soft hyphen, another nothing; VS16 and skin tones widen the
 * character before them on some terminals only.  Left out, each
 * character around them is drawn on its own, as wide everywhere.
 */
static int
text_undrawn(ucs4_t uc)
{
	if (uc < 0xad)
		return (0);
	if ((uc >= 0xfe00 && uc <= 0xfe0f) || (uc >= 0xe0100 &&
	    uc <= 0xe01ef) || (uc >= 0x1f3fb && uc <= 0x1f3ff))
		return (1);
	return (uc_is_general_category(uc, UC_CATEGORY_Cf));
}

/*
 * Display columns of one character.  The width rule, used for measuring,
 * fitting and wrapping alike: a cluster is as wide as the sum of its
 * characters, as curses counts its cursor, where marks and characters
 * that are not drawn count 0 and the rest what libunistring says.  Where
 * the terminal's C library counts a character otherwise, text_screen
 * draws a stand-in of the width counted here, so that what is drawn
 * always takes the columns measured.
 */
static int
text_ucwidth(ucs4_t uc)
{
	int	w;

	if (uc >= 0x20 && uc < 0x7f)
		return (1);
	if (text_undrawn(uc) || text_is_mark(uc))
		return (0);
	w = uc_width(uc, "UTF-8");
	return (w < 0 ? 0 : w);
}

static int
text_is_mark(ucs4_t uc)
{
	return (uc_is_general_category(uc, UC_CATEGORY_Mn) ||
	    uc_is_general_category(uc, UC_CATEGORY_Me));
}

/*
 * Whether i is surely between two grapheme clusters without looking
 * further: at either end, or between two ASCII characters (but CR LF).
 */
static int
text_sure_break(const uint8_t *s, size_t len, size_t i)
{
	if (i == 0 || i >= len)
		return (1);
	return (s[i - 1] < 0x80 && s[i] < 0x80 &&
	    !(s[i - 1] == '\r' && s[i] == '\n'));
}

/*
 * Returns the end of the extended grapheme cluster that starts at s[i]
 * (a cluster boundary) and sets *width to its columns.  Boundaries come
 * from u8_grapheme_breaks over a window that starts at i: a boundary
 * depends only on what comes before it, so those inside the window are
 * right; the window grows until one is found.
 */
static size_t
text_cluster(const uint8_t *s, size_t len, size_t i, int *width)
{
	char	 sbuf[64], *brk;
	size_t	 n, k, want;

	/* Printable ASCII not followed by a mark: the usual case, at once. */
	if (s[i] >= 0x20 && s[i] < 0x7f && (i + 1 == len || s[i + 1] < 0x80)) {
		*width = 1;
		return (i + 1);
	}
	for (want = sizeof sbuf / 2;; want *= 2) {
		if ((n = len - i) > want)
			for (n = want; i + n < len && (s[i + n] & 0xc0) == 0x80;
			    n++)
				continue;
		brk = n <= sizeof sbuf ? sbuf : xmalloc(n);
		u8_grapheme_breaks(s + i, n, brk);
		for (k = 1; k < n && !brk[k]; k++)
			continue;
		if (brk != sbuf)
			free(brk);
		if (k < n || i + n == len)
			break;
	}
	*width = text_width((const char *)s + i, k);
	return (i + k);
}

/* Normalises with libunistring, which replaces invalid input itself. */
static uint8_t *
text_normalize(uninorm_t nf, const uint8_t *s, size_t len, size_t *outlen)
{
	uint8_t	*r;

	*outlen = 0;
	if (len == 0)
		return (NULL);
	if ((r = u8_normalize(nf, s, len, NULL, outlen)) == NULL)
		fatal("cannot normalise text");
	return (r);
}

/*
 * First pass of text_sanitize: invalid UTF-8 becomes U+FFFD, forbidden
 * characters go, and CR LF, CR, U+2028 and U+2029 become '\n'.  out must
 * hold 3 * len bytes.  Returns the output length; *ascii is cleared when
 * anything outside ASCII is left.
 */
static size_t
text_filter(const uint8_t *in, size_t len, uint8_t *out, int *changed,
    int *ascii)
{
	size_t	i, o;
	ucs4_t	uc;
	int	n, bad;

	*ascii = 1;
	for (i = o = 0; i < len; i += n) {
		if (in[i] >= 0x20 && in[i] < 0x7f) {
			out[o++] = in[i];
			n = 1;
			continue;
		}
		n = text_decode(in + i, len - i, &uc, &bad);
		if (bad) {
			o += u8_uctomb(out + o, TEXT_REPLACEMENT, 3);
			*changed = 1;
			*ascii = 0;
			continue;
		}
		if (uc == '\r') {
			if (i + 1 < len && in[i + 1] == '\n')
				n = 2;
			out[o++] = '\n';
			continue;
		}
		if (uc == '\n' || uc == '\t') {
			out[o++] = uc;
			continue;
		}
		if (uc == 0x2028 || uc == 0x2029) {
			out[o++] = '\n';
			continue;
		}
		if (text_unsafe(uc)) {
			*changed = 1;
			continue;
		}
		if (uc >= 0x80)
			*ascii = 0;
		memcpy(out + o, in + i, n);
		o += n;
	}
	return (o);
}

/*
 * 1 if s is printable ASCII and blanks (space, tab, CR, LF) only, as most
 * text is: then TEXT_FLOW needs no pass but text_flow.
 */
static int
text_flow_ascii(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f) &&
		    s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			return (0);
	return (1);
}

/*
 * TEXT_FLOW: each run of space, tab, CR and LF becomes one space; trimmed.
 * (After text_filter no CR is left, but ASCII text comes here directly.)
 */
static char *
text_flow(const uint8_t *in, size_t len)
{
	char	*out;
	size_t	 i, o;
	int	 blank = 0;

	out = xmalloc(len + 1);
	for (i = o = 0; i < len; i++) {
		if (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' ||
		    in[i] == '\r') {
			blank = (o > 0);
			continue;
		}
		if (blank)
			out[o++] = ' ';
		blank = 0;
		out[o++] = in[i];
	}
	out[o] = '\0';
	return (out);
}

/*
 * TEXT_PRE: tabs go to the next multiple of 8 columns, spaces at the end
 * of a line and newlines at the end of the text are cut.  Blanks are held
 * back until something visible follows them.
 */
static char *
text_pre(const uint8_t *in, size_t len)
{
	char	*out;
	size_t	 i, o, col, nsp, nnl, ntab;
	ucs4_t	 uc;
	int	 n, bad;

	for (i = ntab = 0; i < len; i++)
		if (in[i] == '\t')
			ntab++;
	if (ntab > (SIZE_MAX - len - 1) / (TEXT_TABSTOP - 1))
		fatal("text too long");
	out = xmalloc(len + ntab * (TEXT_TABSTOP - 1) + 1);

	col = nsp = nnl = 0;
	for (i = o = 0; i < len; i += n) {
		n = 1;
		switch (in[i]) {
		case ' ':
			nsp++;
			col++;
			continue;
		case '\t':
			nsp += TEXT_TABSTOP - col % TEXT_TABSTOP;
			col += TEXT_TABSTOP - col % TEXT_TABSTOP;
			continue;
		case '\n':
			nnl++;
			nsp = col = 0;
			continue;
		}
		n = text_decode(in + i, len - i, &uc, &bad);
		for (; nnl > 0; nnl--)
			out[o++] = '\n';
		for (; nsp > 0; nsp--)
			out[o++] = ' ';
		memcpy(out + o, in + i, n);
		o += n;
		col += text_ucwidth(uc);
	}
	out[o] = '\0';
	return (out);
}

char *
text_sanitize(const char *s, size_t len, int flags, int *changed)
{
	uint8_t	*buf, *nfc;
	char	*out;
	size_t	 n;
	int	 dummy, ascii;

	if (changed == NULL)
		changed = &dummy;
	*changed = 0;
	if (len == 0)
		return (xstrdup(""));
	if (!(flags & TEXT_PRE) && text_flow_ascii(s, len))
		return (text_flow((const uint8_t *)s, len));

	buf = xreallocarray(NULL, len, 3);
	n = text_filter((const uint8_t *)s, len, buf, changed, &ascii);
	if (!ascii) {
		/* Whitespace handling below cannot undo NFC. */
		nfc = text_normalize(UNINORM_NFC, buf, n, &n);
		free(buf);
		buf = xmalloc(n);
		memcpy(buf, nfc, n);
		free(nfc);	/* from libunistring */
	}
	if (flags & TEXT_PRE)
		out = text_pre(buf, n);
	else
		out = text_flow(buf, n);
	free(buf);
	return (out);
}

int
text_is_safe(const char *s, size_t len)
{
	const uint8_t	*u = (const uint8_t *)s;
	size_t		 i;
	ucs4_t		 uc;
	int		 n, bad;

	for (i = 0; i < len; i += n) {
		if (u[i] < 0x80) {
			/* A tab's width is the terminal's business: unsafe. */
			if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7f)
				return (0);
			n = 1;
			continue;
		}
		n = text_decode(u + i, len - i, &uc, &bad);
		if (bad || text_unsafe(uc))
			return (0);
	}
	return (1);
}

int
text_width(const char *s, size_t len)
{
	const uint8_t	*u = (const uint8_t *)s;
	size_t		 i;
	ucs4_t		 uc;
	int		 n, bad, w = 0;

	for (i = 0; i < len; i += n) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			w++;
			n = 1;
			continue;
		}
		n = text_decode(u + i, len - i, &uc, &bad);
		w += text_ucwidth(uc);
	}
	return (w);
}

size_t
text_fit(const char *s, size_t len, int cols, int *width)
{
	const uint8_t	*u = (const uint8_t *)s;
	size_t		 i, j;
	int		 w = 0, cw;

	for (i = 0; i < len; i = j) {
		j = text_cluster(u, len, i, &cw);
		if (cw > cols - w)
			break;
		w += cw;
	}
	if (width != NULL)
		*width = w;
	return (i);
}

void
text_round(const char *s, size_t len, size_t *start, size_t *end)
{
	const uint8_t	*u = (const uint8_t *)s;
	char		 sbuf[64], *brk;
	size_t		 a, b;

	if (*start >= len || (text_sure_break(u, len, *start) &&
	    text_sure_break(u, len, *end)))
		return;
	/* Segment from a sure boundary before to one after. */
	for (a = *start; !text_sure_break(u, len, a); a--)
		continue;
	for (b = *end; !text_sure_break(u, len, b); b++)
		continue;
	brk = b - a <= sizeof sbuf ? sbuf : xmalloc(b - a);
	u8_grapheme_breaks(u + a, b - a, brk);
	while (*start > a && !brk[*start - a])
		(*start)--;
	while (*end < b && !brk[*end - a])
		(*end)++;
	if (brk != sbuf)
		free(brk);
}

char *
text_screen(const char *s, size_t len, int (*termwidth)(uint32_t))
{
	const uint8_t	*u = (const uint8_t *)s;
	char		*out;
	size_t		 i, o = 0;
	ucs4_t		 uc;
	int		 n, bad, w;

	/* A stand-in is never longer than what it stands for. */
	out = xmalloc(len + 1);
	for (i = 0; i < len; i += n) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			out[o++] = u[i];
			n = 1;
			continue;
		}
		n = text_decode(u + i, len - i, &uc, &bad);
		if (text_undrawn(uc))
			continue;
		w = text_ucwidth(uc);
		if (!bad && termwidth(uc) == w) {
			memcpy(out + o, u + i, n);
			o += n;
			continue;
		}
		while (w-- > 0)
			out[o++] = '?';
	}
	out[o] = '\0';
	return (out);
}

static void
text_push_line(struct text_line **v, size_t *nv, size_t *cap, size_t start,
    size_t end, size_t width)
{
	xgrow(v, cap, *nv + 1, sizeof **v);
	(*v)[*nv].start = start;
	(*v)[*nv].end = end;
	(*v)[*nv].width = (int)width;
	(*nv)++;
}

/*
 * Greedy fill in one pass over grapheme clusters.  Widths are kept as
 * running totals from the start of the text (W), so a line's width is a
 * difference of two totals and nothing is measured twice.  For the line
 * being filled: start; cend, the end of its last non-space cluster; and
 * bpos, the latest place UAX #14 allows a break, with bcend, the end of
 * the content before it.  Spaces only move W: they hang at the end of a
 * line and vanish at a break.
 *
 * When a cluster does not fit, the line ends at bpos if what follows
 * bpos then fits on the next line; otherwise the word is longer than a
 * line anyway and is cut just before the cluster.  A cluster wider than
 * the whole line (a wide character when width is 1, a long emoji
 * sequence) goes on a line of its own and overflows it, since there is
 * no other way to make progress.  Spaces at the start of the text or
 * after a newline are kept as indentation while they fit.
 */
size_t
text_wrap(const char *s, size_t len, int width, struct text_line **lines)
{
	char	*brk;
	size_t	 n;

	if (len == 0)
		return (text_wrap_at(s, 0, width, NULL, lines));
	brk = xmalloc(len);
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", brk);
	n = text_wrap_at(s, len, width, brk, lines);
	free(brk);
	return (n);
}

/*
 * A web address breaks only after a '/' (not inside "//"), so that no
 * line ends in a '-' or a '.' that could be read as part of the text;
 * a part longer than a line is still cut where it must be.
 */
size_t
text_wrap_url(const char *s, size_t len, int width, struct text_line **lines)
{
	char	*brk;
	size_t	 i, n;

	if (len == 0)
		return (text_wrap_at(s, 0, width, NULL, lines));
	brk = xmalloc(len);
	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			brk[i] = UC_BREAK_MANDATORY;
		else if (i > 0 && s[i - 1] == '/' && s[i] != '/')
			brk[i] = UC_BREAK_POSSIBLE;
		else
			brk[i] = UC_BREAK_PROHIBITED;
	}
	n = text_wrap_at(s, len, width, brk, lines);
	free(brk);
	return (n);
}

/* text_wrap with the break opportunities given (brk[i]: before s[i]). */
static size_t
text_wrap_at(const char *s, size_t len, int width, const char *brk,
    struct text_line **lines)
{
	const uint8_t	 *u = (const uint8_t *)s;
	struct text_line *v = NULL;
	size_t		  nv = 0, cap = 0, i, j, start, cend, bpos, bcend;
	size_t		  W, Wstart, Wcend, Wb, Wbcend, wmax;
	int		  cw;

	if (width < 1)
		width = 1;
	wmax = width;
	if (len == 0) {
		text_push_line(&v, &nv, &cap, 0, 0, 0);
		*lines = v;
		return (nv);
	}

	start = cend = bpos = bcend = 0;
	W = Wstart = Wcend = Wb = Wbcend = 0;
	for (i = 0; i < len; i = j) {
		j = text_cluster(u, len, i, &cw);
		if (brk[i] == UC_BREAK_MANDATORY ||
		    brk[i] == UC_BREAK_CR_BEFORE_LF) {
			text_push_line(&v, &nv, &cap, start, cend,
			    Wcend - Wstart);
			W += cw;
			start = cend = j;
			Wstart = Wcend = W;
			continue;
		}
		if (j == i + 1 && u[i] == ' ') {
			W += cw;
			continue;
		}

		if ((brk[i] == UC_BREAK_POSSIBLE ||
		    brk[i] == UC_BREAK_HYPHENATION) && i > start) {
			bpos = i;
			bcend = cend;
			Wb = W;
			Wbcend = Wcend;
		}
		if (W + cw - Wstart > wmax) {
			if (bpos > start && W + cw - Wb <= wmax) {
				/* Break at the last opportunity. */
				if (bcend > start)
					text_push_line(&v, &nv, &cap, start,
					    bcend, Wbcend - Wstart);
				start = bpos;
				Wstart = Wb;
			} else if (i > start) {
				/* The word is too long: cut before i. */
				if (cend > start)
					text_push_line(&v, &nv, &cap, start,
					    cend, Wcend - Wstart);
				start = i;
				Wstart = W;
			}
		}
		W += cw;
		cend = j;
		Wcend = W;
	}
	text_push_line(&v, &nv, &cap, start, cend, Wcend - Wstart);
	*lines = v;
	return (nv);
}

/*
 * The cut for text_ellipsize: the longest prefix that fits in cols, moved
 * back to the end of a word when one ends in its last third, so that a
 * word is not left half shown without need; then blanks before the cut
 * go.  Text with no spaces (Chinese, say) is cut between characters.
 */
static size_t
text_cut(const char *s, size_t len, int cols)
{
	size_t	n, k;
	int	w, kw;

	n = text_fit(s, len, cols, &w);
	if (n < len && s[n] != ' ') {
		for (k = n; k > 0 && s[k - 1] != ' '; k--)
			continue;
		if (k > 0) {
			kw = text_width(s, k - 1);
			if (kw * 3 >= cols * 2)
				n = k - 1;
		}
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (n);
}

char *
text_ellipsize(const char *s, size_t len, int cols, int ascii)
{
	const char	*ell = ascii ? "..." : "\xe2\x80\xa6";
	int		 ew = ascii ? 3 : 1;
	size_t		 n;
	char		*out;

	if (cols < 0)
		cols = 0;
	if (text_width(s, len) <= cols) {
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		return (out);
	}
	if (cols <= ew) {
		/* No room for any text: the ellipsis, or as much as fits. */
		out = xmalloc(4);
		if (ascii || cols == 0) {
			memset(out, '.', cols);
			out[cols] = '\0';
		} else
			strcpy(out, ell);
		return (out);
	}
	n = text_cut(s, len, cols - ew);
	out = xmalloc(n + strlen(ell) + 1);
	memcpy(out, s, n);
	strcpy(out + n, ell);
	return (out);
}

static const char *
text_ascii_lookup(ucs4_t uc)
{
	size_t	lo, hi, mid, k;

	if (uc >= 0x2500 && uc <= 0x257f) {
		for (k = 0; k < sizeof text_box_horiz / sizeof *text_box_horiz;
		    k++)
			if (text_box_horiz[k] == uc)
				return ("-");
		for (k = 0; k < sizeof text_box_vert / sizeof *text_box_vert;
		    k++)
			if (text_box_vert[k] == uc)
				return ("|");
		if (uc == 0x2571)
			return ("/");
		if (uc == 0x2572)
			return ("\\");
		if (uc == 0x2573)
			return ("X");
		return ("+");
	}
	lo = 0;
	hi = sizeof text_ascii_map / sizeof *text_ascii_map;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (text_ascii_map[mid].uc == uc)
			return (text_ascii_map[mid].ascii);
		if (text_ascii_map[mid].uc < uc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (NULL);
}

char *
text_to_ascii(const char *s, size_t len)
{
	return (text_to_ascii_as(s, len, 0));
}

/* The base letters German writes with an e after them for an umlaut. */
static int
text_umlaut_base(ucs4_t uc)
{
	return (uc == 'a' || uc == 'o' || uc == 'u' || uc == 'A' ||
	    uc == 'O' || uc == 'U');
}

/*
 * Whether the letter after an umlaut at nfd[i..n) is a capital: "ÜBER"
 * becomes "UEBER", "Über" "Ueber".  Marks are skipped.
 */
static int
text_next_is_upper(const uint8_t *nfd, size_t i, size_t n)
{
	ucs4_t	uc;
	int	m, bad;

	for (; i < n; i += m) {
		m = text_decode(nfd + i, n - i, &uc, &bad);
		if (text_is_mark(uc))
			continue;
		return (uc_is_property_uppercase(uc));
	}
	return (0);
}

int
text_ascii_lossless(const char *s, size_t len)
{
	uint8_t		*nfd;
	size_t		 i, n;
	ucs4_t		 uc;
	int		 m, bad, ok = 1;

	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		continue;
	if (i == len)
		return (1);
	nfd = text_normalize(UNINORM_NFD, (const uint8_t *)s, len, &n);
	for (i = 0; i < n && ok; i += m) {
		m = text_decode(nfd + i, n - i, &uc, &bad);
		if (uc < 0x80 || text_is_mark(uc))
			continue;
		if (!uc_is_general_category(uc, UC_CATEGORY_L) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Nd))
			continue;
		if (text_ascii_lookup(uc) == NULL)
			ok = 0;
	}
	free(nfd);	/* from libunistring */
	return (ok);
}

char *
text_to_ascii_as(const char *s, size_t len, int flags)
{
	static const char	 qmarks[] = "??", blanks[] = "  ";
	uint8_t			*nfd;
	const char		*rep;
	char			*out = NULL;
	size_t			 i, o = 0, cap = 0, n, k;
	ucs4_t			 uc;
	int			 m, bad, w;

	nfd = text_normalize(UNINORM_NFD, (const uint8_t *)s, len, &n);
	xgrow(&out, &cap, n + 1, 1);
	for (i = 0; i < n; i += m) {
		m = text_decode(nfd + i, n - i, &uc, &bad);
		if (uc >= 0x20 && uc < 0x7f) {
			xgrow(&out, &cap, o + 3, 1);
			out[o++] = uc;
			/* NFD puts the two dots right after the letter. */
			if ((flags & TEXT_ASCII_UMLAUT_E) &&
			    text_umlaut_base(uc) && i + m + 1 < n &&
			    nfd[i + m] == 0xcc && nfd[i + m + 1] == 0x88) {
				out[o++] = uc >= 'a' ||
				    !text_next_is_upper(nfd, i + m + 2, n) ?
				    'e' : 'E';
				m += 2;
			}
			continue;
		}
		if (uc == '\n')
			rep = "\n";
		else if (uc == '\t')
			rep = " ";
		else if (text_is_mark(uc))
			rep = "";
		else if ((rep = text_ascii_lookup(uc)) == NULL) {
			/* As many '?' (or blanks) as the character is wide. */
			if ((w = text_ucwidth(uc)) > 2)
				w = 2;
			if (uc_is_general_category(uc, UC_CATEGORY_Zs))
				rep = blanks + 2 - w;
			else
				rep = qmarks + 2 - w;
		}
		k = strlen(rep);
		xgrow(&out, &cap, o + k + 1, 1);
		memcpy(out + o, rep, k);
		o += k;
	}
	free(nfd);	/* from libunistring */
	out[o] = '\0';
	return (out);
}

/* Appends the folded bytes f[0..n) of the character at input offset at. */
static void
text_fold_put(char **out, size_t **map, size_t *o, size_t *cap,
    const uint8_t *f, size_t n, size_t at)
{
	size_t	k;

	if (*o + n + 1 > *cap) {
		xgrow(out, cap, *o + n + 1, 1);
		if (map != NULL)
			*map = xreallocarray(*map, *cap, sizeof **map);
	}
	memcpy(*out + *o, f, n);
	if (map != NULL)
		for (k = 0; k < n; k++)
			(*map)[*o + k] = at;
	*o += n;
}

/*
 * Character by character so that each output byte knows its source.  Full
 * case folding and canonical decomposition of one character do not
 * depend on its neighbours; only the order of combining marks would, and
 * those are dropped.
 */
char *
text_fold(const char *s, size_t len, size_t *outlen, size_t **map)
{
	const uint8_t	*u = (const uint8_t *)s;
	uint8_t		 sbuf[64], *f, c;
	char		*out;
	size_t		*m = NULL, i, o = 0, cap, flen, k;
	ucs4_t		 uc;
	int		 n, bad, fn;

	cap = len + 1;
	out = xmalloc(cap);
	if (map != NULL)
		m = xreallocarray(NULL, cap, sizeof *m);
	for (i = 0; i < len; i += n) {
		if (u[i] < 0x80) {
			c = u[i];
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			text_fold_put(&out, map != NULL ? &m : NULL, &o, &cap,
			    &c, 1, i);
			n = 1;
			continue;
		}
		n = text_decode(u + i, len - i, &uc, &bad);
		if (bad) {
			fn = u8_uctomb(sbuf, TEXT_REPLACEMENT, sizeof sbuf);
			text_fold_put(&out, map != NULL ? &m : NULL, &o, &cap,
			    sbuf, fn, i);
			continue;
		}
		flen = sizeof sbuf;
		f = u8_casefold(u + i, n, NULL, UNINORM_NFD, sbuf, &flen);
		if (f == NULL)
			fatal("out of memory folding text");
		for (k = 0; k < flen; k += fn) {
			fn = u8_mbtouc(&uc, f + k, flen - k);
			if (!text_is_mark(uc))
				text_fold_put(&out, map != NULL ? &m : NULL,
				    &o, &cap, f + k, fn, i);
		}
		if (f != sbuf)
			free(f);	/* from libunistring */
	}
	out[o] = '\0';
	if (map != NULL) {
		m[o] = len;
		*map = m;
	}
	if (outlen != NULL)
		*outlen = o;
	return (out);
}

int
text_next(const char *s, size_t len, uint32_t *uc)
{
	ucs4_t	c;
	int	n;

	if (len == 0) {
		*uc = TEXT_REPLACEMENT;
		return (1);
	}
	n = u8_mbtouc(&c, (const uint8_t *)s, len);
	*uc = c;
	return (n);
}

char *
text_strip_emph(const char *s, struct text_emph **ranges, size_t *nranges)
{
	size_t		 len = strlen(s), i, o = 0, cap = 0, open;
	char		*out = xmalloc(len + 1);
	const char	*close;

	*ranges = NULL;
	*nranges = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '*' && i + 1 < len && s[i + 1] != ' ' &&
		    s[i + 1] != '*' && (i == 0 ||
		    !isalnum((unsigned char)s[i - 1]))) {
			close = strchr(s + i + 1, '*');
			if (close != NULL && close[-1] != ' ') {
				open = o;
				for (i++; s + i < close; i++)
					out[o++] = s[i];
				xgrow(ranges, &cap, *nranges + 1,
				    sizeof(**ranges));
				(*ranges)[*nranges].start = open;
				(*ranges)[*nranges].end = o;
				(*nranges)++;
				continue;
			}
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return (out);
}

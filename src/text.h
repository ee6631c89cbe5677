/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * UTF-8 text: sanitising untrusted strings, display width, wrapping and
 * folding for search.  Pure functions over byte strings, built on
 * libunistring; no globals, no curses.  Every returned string is
 * allocated with xmalloc and NUL-terminated unless said otherwise.
 */
#ifndef PAMPHLET_TEXT_H
#define PAMPHLET_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* text_sanitize flags. */
#define TEXT_FLOW	0x0	/* whitespace runs (newlines too) become one space; trimmed */
#define TEXT_PRE	0x1	/* keep newlines; tabs to 8-column stops; trailing blanks and newlines cut */

/*
 * 1 for a character that must not be shown as it is: C0 and C1 controls,
 * DEL, surrogates, noncharacters, bidi controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), U+FEFF, U+2028 and U+2029, and anything
 * past U+10FFFF.  Content loses these (text_sanitize) and diagnostics
 * escape them.
 */
int	 text_unsafe(uint32_t);

/*
 * The byte offset of the first '*' in s that the layout shows as a star
 * although it looks meant for *emphasis*, or -1.  A star shown as itself
 * with white space (or the end of the text) on both sides is meant as a
 * star.  The rule of emphasis is layout.c's.
 */
long	 text_stray_star(const char *s);

/*
 * Makes untrusted bytes safe to show: invalid UTF-8 becomes U+FFFD; what
 * text_unsafe names is removed, but newline and tab (see flags), and
 * U+2028 and U+2029, which count as whitespace; the result is NFC.  *changed (if not NULL) is set
 * to 1 when anything other than whitespace handling or normalisation
 * altered the text.  sanitize(sanitize(x)) == sanitize(x).
 */
char	*text_sanitize(const char *s, size_t len, int flags, int *changed);

/*
 * 1 if s[0..len) is valid UTF-8 with nothing text_sanitize would remove or
 * change; newlines are allowed, tabs are not (they would be expanded).
 */
int	 text_is_safe(const char *s, size_t len);

/*
 * Display columns of valid UTF-8: the sum over its characters, wide ones
 * 2, combining marks and characters that are not drawn (format
 * characters such as ZWJ and the soft hyphen, variation selectors, skin
 * tones) 0.
 */
int	 text_width(const char *s, size_t len);

/*
 * What to send to a terminal to show valid UTF-8 s in exactly the
 * columns text_width counts, given termwidth, the terminal's width of a
 * character (wcwidth, which curses moves its cursor by): characters that
 * are not drawn are left out, and one that termwidth counts otherwise
 * becomes as many '?' as it is wide here.  Joined emoji so come out one
 * by one, as wide on every terminal as curses counts them.
 */
char	*text_screen(const char *s, size_t len, int (*termwidth)(uint32_t));

/*
 * The longest prefix of s, in bytes, that fits in cols columns without
 * splitting a character or a grapheme cluster; *width gets its columns.
 */
size_t	 text_fit(const char *s, size_t len, int cols, int *width);

/*
 * Widens bytes [*start, *end) of s to whole grapheme clusters (UAX #29
 * extended clusters, as text_fit and text_wrap see them).
 */
void	 text_round(const char *, size_t, size_t *, size_t *);

/* One output line of text_wrap: bytes [start, end) of the input. */
struct text_line {
	size_t	 start;
	size_t	 end;		/* trailing spaces excluded */
	int	 width;		/* display columns of [start, end) */
};

/*
 * Wraps valid UTF-8 into lines of at most width columns (width >= 1),
 * breaking where UAX #14 allows; a word wider than a line is broken at a
 * grapheme boundary; a newline forces a break; spaces at a break vanish.
 * Returns the number of lines (at least 1) and an array in *out to free.
 */
size_t	 text_wrap(const char *s, size_t len, int width,
	    struct text_line **out);

/*
 * text_wrap for a web address: it breaks only after a '/' (never inside
 * "//", never at a '-' or a '.'), and a part longer than a line is cut
 * at a grapheme boundary.  A newline still forces a break.
 */
size_t	 text_wrap_url(const char *s, size_t len, int width,
	    struct text_line **out);

/*
 * Valid UTF-8 fitted into cols columns: as it is when it fits, else cut
 * and ended with an ellipsis ("\u2026", or "..." when ascii).  The cut is
 * between grapheme clusters (so wide characters are never split), at the
 * end of a word when one ends near it, with no blank before the
 * ellipsis.  Never wider than cols.
 */
char	*text_ellipsize(const char *s, size_t len, int cols, int ascii);

/*
 * Plain ASCII stand-in for a terminal without UTF-8: accents are dropped
 * (é -> e), common punctuation mapped (quotes, dashes, bullets, arrows),
 * anything else becomes '?' (wide characters '??' to keep the width).
 */
char	*text_to_ascii(const char *s, size_t len);
/*
 * text_to_ascii with flags: TEXT_ASCII_UMLAUT_E writes a, o and u with
 * two dots as ae, oe and ue (Ae, or AE before another capital), as
 * German does when it has no umlauts; others lose their accents.
 */
#define TEXT_ASCII_UMLAUT_E	0x1
char	*text_to_ascii_as(const char *s, size_t len, int flags);
/*
 * 1 if text_to_ascii keeps every letter and digit of valid UTF-8 s: each
 * one is ASCII, or an accented letter, or has an ASCII spelling.  Text in
 * a script that ASCII cannot write (Chinese, Greek, Cyrillic) gives 0.
 */
int	 text_ascii_lossless(const char *s, size_t len);

/*
 * Folds text for forgiving search: NFD, case folding, combining marks
 * removed, so "Über" and "uber" fold alike.  Returns the folded bytes
 * (*outlen set) and, when map is not NULL, an array mapping each output
 * byte (and one past the end) to the offset of the input character it
 * came from.
 */
char	*text_fold(const char *s, size_t len, size_t *outlen, size_t **map);

/* Bytes [start, end) of a text with its emphasis markers removed. */
struct text_emph {
	size_t	start;
	size_t	end;
};

/*
 * Removes *emphasis* markers as paragraphs are shown: a '*' opens at the
 * start or after anything but an ASCII letter or digit (so after CJK
 * text and punctuation too) when a character other than a space or '*'
 * follows, and closes at the next '*' when that does not follow a space;
 * unmatched stars stay as they are.  Returns the text without the
 * markers, and in *ranges (to free; NULL when *nranges is 0) the
 * emphasised parts of it.
 */
char	*text_strip_emph(const char *s, struct text_emph **ranges,
	    size_t *nranges);

/* Decodes one character at s (len > 0); returns its length, *uc set (U+FFFD if invalid). */
int	 text_next(const char *s, size_t len, uint32_t *uc);

#endif

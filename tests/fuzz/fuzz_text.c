/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the text functions every byte of content goes
 * through on its way to the screen.  The first input byte picks a width
 * (1 to 100), the rest is the untrusted text.  Properties checked, each
 * an abort when it fails:
 *
 *	text_sanitize: the result is valid UTF-8, the TEXT_FLOW result is
 *	    safe to show (text_is_safe), and sanitising again changes
 *	    nothing, with either flag;
 *	text_wrap: lines are in order, inside the text and without a
 *	    newline; each is as wide as it says and no wider than the
 *	    width, unless it holds a single grapheme cluster that is wider
 *	    on its own;
 *	text_fold: the map is non-decreasing, points into the input and
 *	    ends at its length;
 *	text_to_ascii: the result is plain ASCII and safe to show.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_fail(const char *what, const char *s, size_t len)
{
	size_t	i;

	fprintf(stderr, "fuzz_text: %s\n", what);
	for (i = 0; i < len && i < 256; i++)
		fprintf(stderr, "%02x%s", (unsigned char)s[i],
		    i % 32 == 31 ? "\n" : " ");
	fputc('\n', stderr);
	abort();
}

static void
fuzz_sanitize(const char *s, size_t len, int flags, char **out)
{
	char	*r, *again;
	size_t	 rlen;

	r = text_sanitize(s, len, flags, NULL);
	rlen = strlen(r);
	if (u8_check((const uint8_t *)r, rlen) != NULL)
		fuzz_fail("sanitized text is not valid UTF-8", s, len);
	if (flags == TEXT_FLOW && !text_is_safe(r, rlen))
		fuzz_fail("sanitized text is not safe", s, len);
	if (flags == TEXT_FLOW && memchr(r, '\n', rlen) != NULL)
		fuzz_fail("flowed text has a newline", s, len);
	again = text_sanitize(r, rlen, flags, NULL);
	if (strcmp(r, again) != 0)
		fuzz_fail("sanitize is not idempotent", s, len);
	free(again);
	*out = r;
}

/* 1 if s[0..len) is one cluster wider than width, and nothing else. */
static int
fuzz_lone_cluster(const char *s, size_t len, int width, int lw)
{
	size_t	n;
	int	c, w;

	if (text_fit(s, len, width, &w) != 0)
		return (0);
	for (c = width + 1; c <= lw; c++)
		if ((n = text_fit(s, len, c, &w)) > 0)
			return (n == len);
	return (0);
}

static void
fuzz_wrap(const char *s, size_t len, int width)
{
	struct text_line	*lines;
	size_t			 n, i, prev = 0, ll;
	const char		*p;

	n = text_wrap(s, len, width, &lines);
	if (n == 0)
		fuzz_fail("text_wrap made no line", s, len);
	for (i = 0; i < n; i++) {
		if (lines[i].start < prev || lines[i].end < lines[i].start ||
		    lines[i].end > len)
			fuzz_fail("line out of order or out of the text",
			    s, len);
		prev = lines[i].end;
		p = s + lines[i].start;
		ll = lines[i].end - lines[i].start;
		if (memchr(p, '\n', ll) != NULL)
			fuzz_fail("line holds a newline", s, len);
		if (lines[i].width != text_width(p, ll))
			fuzz_fail("line width is not its text's width", s, len);
		if (lines[i].width > width &&
		    !fuzz_lone_cluster(p, ll, width, lines[i].width))
			fuzz_fail("line wider than the width", s, len);
	}
	free(lines);
}

static void
fuzz_fold(const char *s, size_t len)
{
	char	*f;
	size_t	*map, flen, i;

	f = text_fold(s, len, &flen, &map);
	if (f[flen] != '\0')
		fuzz_fail("folded text is not terminated", s, len);
	if (map[flen] != len)
		fuzz_fail("fold map does not end at the length", s, len);
	for (i = 0; i < flen; i++)
		if (map[i] > map[i + 1] || map[i] >= len)
			fuzz_fail("fold map goes backwards", s, len);
	free(f);
	free(map);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s;
	char		*flow, *pre, *ascii;
	size_t		 len, i;
	int		 width;

	if (size == 0)
		return (0);
	width = data[0] % 100 + 1;
	s = (const char *)data + 1;
	len = size - 1;

	fuzz_sanitize(s, len, TEXT_FLOW, &flow);
	fuzz_sanitize(s, len, TEXT_PRE, &pre);

	fuzz_wrap(flow, strlen(flow), width);
	fuzz_wrap(pre, strlen(pre), width);

	/* Folding takes raw bytes too: search folds what it is given. */
	fuzz_fold(s, len);
	fuzz_fold(pre, strlen(pre));

	ascii = text_to_ascii(flow, strlen(flow));
	for (i = 0; ascii[i] != '\0'; i++)
		if ((unsigned char)ascii[i] >= 0x80)
			fuzz_fail("ASCII stand-in is not ASCII", s, len);
	if (!text_is_safe(ascii, i))
		fuzz_fail("ASCII stand-in is not safe", s, len);
	free(ascii);

	free(flow);
	free(pre);
	return (0);
}

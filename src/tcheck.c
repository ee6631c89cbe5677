/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation checks.  Each rule is the program's own: emphasis is taken
 * apart by text_strip_emph as paragraphs are shown, drawings are measured
 * as the layout measures them against its limit, widths by text_width
 * (CJK two columns) and placeholders by the catalogue check (mo.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "diag.h"
#include "layout.h"
#include "mo.h"
#include "tcheck.h"
#include "text.h"
#include "xalloc.h"

#define TCHECK_NBSP	0x00a0
#define TCHECK_NNBSP	0x202f

/* What is said about one entry, each thing once. */
struct tcheck_ctx {
	struct diag_list		*dl;
	const struct tcheck_entry	*e;
	size_t				 n;
	uint32_t			 said[16];	/* code << 24 | sign */
	size_t				 nsaid;
};

static void	tcheck_say(struct tcheck_ctx *, enum diag_code, uint32_t,
		    const char *, const char *);
static void	tcheck_emph(struct tcheck_ctx *);
static void	tcheck_cjk_space(struct tcheck_ctx *);
static void	tcheck_art(struct tcheck_ctx *);
static void	tcheck_format(struct tcheck_ctx *);
static void	tcheck_french(struct tcheck_ctx *);
static void	tcheck_width(struct tcheck_ctx *);
static char	*tcheck_directives(const char *);
static size_t	tcheck_lines(const char *);
static size_t	tcheck_stars(const char *);
static uint32_t	tcheck_prev(const char *, size_t);
static const char *tcheck_word(const char *, const char *);

/* Adds a finding unless the same one (code and sign) was said already. */
static void
tcheck_say(struct tcheck_ctx *c, enum diag_code code, uint32_t sign,
    const char *arg2, const char *arg3)
{
	uint32_t	key = (uint32_t)code << 24 | (sign & 0xffffff);
	size_t		i;

	for (i = 0; i < c->nsaid; i++)
		if (c->said[i] == key)
			return;
	if (c->nsaid < sizeof(c->said) / sizeof(c->said[0]))
		c->said[c->nsaid++] = key;
	diag_add3(c->dl, c->e->file, c->e->line, c->e->col, code, c->e->lang,
	    arg2, arg3);
	c->n++;
}

int
tcheck_cjk(uint32_t uc)
{
	return ((uc >= 0x2e80 && uc <= 0x2fdf) ||	/* radicals */
	    (uc >= 0x3000 && uc <= 0x30ff) ||	/* punctuation, kana */
	    (uc >= 0x3190 && uc <= 0x31ff) ||
	    (uc >= 0x3400 && uc <= 0x4dbf) ||	/* Han */
	    (uc >= 0x4e00 && uc <= 0x9fff) ||
	    (uc >= 0xf900 && uc <= 0xfaff) ||
	    (uc >= 0xfe30 && uc <= 0xfe4f) ||	/* vertical forms */
	    (uc >= 0xff00 && uc <= 0xffef) ||	/* full-width forms */
	    (uc >= 0x20000 && uc <= 0x3ffff));
}

/* Stars left as they are once emphasis is taken out. */
static size_t
tcheck_stars(const char *s)
{
	struct text_emph	*em;
	size_t			 nem, n = 0;
	char			*plain, *p;

	plain = text_strip_emph(s, &em, &nem);
	for (p = plain; (p = strchr(p, '*')) != NULL; p++)
		n++;
	free(plain);
	free(em);
	return (n);
}

static void
tcheck_emph(struct tcheck_ctx *c)
{
	struct text_emph	*em;
	size_t			 ne, nt;
	char			*plain, a[32], b[32];

	plain = text_strip_emph(c->e->msgid, &em, &ne);
	free(plain);
	free(em);
	plain = text_strip_emph(c->e->msgstr, &em, &nt);
	free(plain);
	free(em);
	if (tcheck_stars(c->e->msgstr) > tcheck_stars(c->e->msgid))
		tcheck_say(c, DIAG_TR_EMPH_OPEN, 0, NULL, NULL);
	else if (nt != ne) {
		snprintf(a, sizeof(a), "%zu", nt);
		snprintf(b, sizeof(b), "%zu", ne);
		tcheck_say(c, DIAG_TR_EMPH_COUNT, 0, a, b);
	}
}

/* The character that ends before byte i of s, or 0 at the start. */
static uint32_t
tcheck_prev(const char *s, size_t i)
{
	const uint8_t	*start = (const uint8_t *)s, *p;
	ucs4_t		 uc;

	if (i == 0)
		return (0);
	p = u8_prev(&uc, start + i, start);
	return (p != NULL ? uc : 0xfffd);
}

/* "汉字 *粗体*" or "*粗体* 汉字": the space shows. */
static void
tcheck_cjk_space(struct tcheck_ctx *c)
{
	const char	*s = c->e->msgstr;
	size_t		 len = strlen(s), i;
	uint32_t	 next;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ')
			continue;
		next = 0;
		if (i + 1 < len)
			(void)text_next(s + i + 1, len - i - 1, &next);
		if ((next == '*' && tcheck_cjk(tcheck_prev(s, i))) ||
		    (tcheck_prev(s, i) == '*' && tcheck_cjk(next))) {
			tcheck_say(c, DIAG_TR_CJK_SPACE, 0, NULL, NULL);
			return;
		}
	}
}

/* Lines of a drawing, not counting newlines at its end. */
static size_t
tcheck_lines(const char *s)
{
	size_t	len = strlen(s), n = 1, i;

	while (len > 0 && s[len - 1] == '\n')
		len--;
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	return (n);
}

static void
tcheck_art(struct tcheck_ctx *c)
{
	const char	*s = c->e->msgstr;
	char		 a[32], b[32], ch[8];
	int		 w, limit;
	size_t		 i, nt, ne;
	uint32_t	 uc;

	/* The author's own drawing may be wider; the translation no more. */
	limit = layout_art_width(c->e->msgid);
	if (limit < LAYOUT_FIGURE_MAX)
		limit = LAYOUT_FIGURE_MAX;
	if ((w = layout_art_width(s)) > limit) {
		snprintf(a, sizeof(a), "%d", w);
		snprintf(b, sizeof(b), "%d", limit);
		tcheck_say(c, DIAG_TR_ART_WIDE, 0, a, b);
	}
	if ((nt = tcheck_lines(s)) != (ne = tcheck_lines(c->e->msgid))) {
		snprintf(a, sizeof(a), "%zu", nt);
		snprintf(b, sizeof(b), "%zu", ne);
		tcheck_say(c, DIAG_TR_ART_LINES, 0, a, b);
	}
	if (!(c->e->flags & TCHECK_ASCII))
		return;
	for (i = 0; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] < 0x80)
			continue;
		w = text_next(s + i, strlen(s + i), &uc);
		snprintf(ch, sizeof(ch), "%.*s", w, s + i);
		tcheck_say(c, DIAG_TR_ASCII, 0, ch, NULL);
		return;
	}
}

/* The conversions of a format, as written: "%s, %2$zu"; "none". */
static char *
tcheck_directives(const char *s)
{
	const char	*p, *q;
	char		*out = xstrdup(""), *t;

	for (p = s; (p = strchr(p, '%')) != NULL; p = q) {
		if (p[1] == '%') {
			q = p + 2;
			continue;
		}
		q = p + 1 + strspn(p + 1, "0123456789$-+ #'.*hlLqjzt");
		if (*q != '\0' && strchr("diouxXcsfFeEgGaApn", *q) != NULL)
			q++;
		t = xasprintf("%s%s%.*s", out, *out != '\0' ? ", " : "",
		    (int)(q - p), p);
		free(out);
		out = t;
	}
	if (*out == '\0') {
		free(out);
		out = xstrdup("none");
	}
	return (out);
}

static void
tcheck_format(struct tcheck_ctx *c)
{
	enum mo_fmt_match	 m = mo_format_match(c->e->msgid, c->e->msgstr);
	char			*a, *b;

	if (m == MO_FMT_SAME || (m == MO_FMT_FEWER &&
	    (c->e->flags & TCHECK_PLURAL)))
		return;
	a = tcheck_directives(c->e->msgstr);
	b = tcheck_directives(c->e->msgid);
	tcheck_say(c, m == MO_FMT_BAD ? DIAG_TR_FORMAT : DIAG_TR_FORMAT_FEWER,
	    0, a, b);
	free(a);
	free(b);
}

/*
 * French: a no-break space before ; : ! ? and inside « ».  Signs that
 * are not punctuation are left alone: a ':' or '?' inside a word or a
 * number ("http://", "10:30", "?:"), URLs, options ("--lang=fr"), a
 * sign in brackets ("(!)"), code in straight quotes ("'%s:'") and a
 * '?' or '!' that names a key ("Appuyez sur ? pour", "? : aide").
 */
static void
tcheck_french(struct tcheck_ctx *c)
{
	const char	*s = c->e->msgstr, *q;
	size_t		 len = strlen(s), i, j;
	uint32_t	 uc, prev, next, after;
	char		 sign[8];
	int		 n, m;

	for (i = 0; i < len; i += n) {
		n = text_next(s + i, len - i, &uc);
		/* URLs and options run to the next space. */
		if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
		    s[i - 1] == '\n') && (strncmp(s + i, "--", 2) == 0 ||
		    strncmp(s + i, "http://", 7) == 0 ||
		    strncmp(s + i, "https://", 8) == 0 ||
		    strncmp(s + i, "www.", 4) == 0)) {
			n = (int)strcspn(s + i, " \n");
			if (n == 0)
				n = 1;
			continue;
		}
		/* 'code': a quote after a space; an apostrophe follows a letter. */
		if (s[i] == '\'' && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '(') && (q = strchr(s + i + 1, '\'')) != NULL) {
			n = (int)(q - (s + i)) + 1;
			continue;
		}
		prev = tcheck_prev(s, i);
		next = after = 0;
		j = i + n;
		if (j < len) {
			m = text_next(s + j, len - j, &next);
			if (j + m < len)
				(void)text_next(s + j + m, len - j - m, &after);
		}
		snprintf(sign, sizeof(sign), "%.*s", n, s + i);
		if (uc == 0xab && next == ' ') {
			tcheck_say(c, DIAG_TR_FR_QUOTE, uc, sign, NULL);
			continue;
		}
		if (uc == 0xbb && prev == ' ') {
			tcheck_say(c, DIAG_TR_FR_QUOTE, uc, sign, NULL);
			continue;
		}
		if (uc != ';' && uc != ':' && uc != '!' && uc != '?')
			continue;
		/* Punctuation ends a word: a space, a quote or the end after. */
		if (next != 0 && next != ' ' && next != '\n' &&
		    next != TCHECK_NBSP && next != TCHECK_NNBSP &&
		    strchr(")]\"'.,;:!?", (int)(next < 0x80 ? next : 'x')) ==
		    NULL && next != 0xbb && next != 0x2019 && next != 0x201d)
			continue;
		if (prev == '(' && next == ')')
			continue;
		/* A key: "sur ? pour", "? : aide". */
		if ((uc == '?' || uc == '!') && (prev == 0 || prev == ' ') &&
		    (next == ':' || ((next == ' ' || next == TCHECK_NBSP ||
		    next == TCHECK_NNBSP) && (after == ':' ||
		    (after < 0x80 && islower((int)after))))))
			continue;
		if (prev == 0 || prev == '\n' || prev == TCHECK_NBSP ||
		    prev == TCHECK_NNBSP || (prev < 0x80 &&
		    strchr(";:!?", (int)prev) != NULL))
			continue;
		tcheck_say(c, prev == ' ' ? DIAG_TR_FR_SPACE :
		    DIAG_TR_FR_NO_SPACE, uc, sign, NULL);
	}
}

static void
tcheck_width(struct tcheck_ctx *c)
{
	const char	*p = c->e->msgstr, *nl;
	char		 a[32], b[32];
	int		 w, max = 0;

	for (;; p = nl + 1) {
		nl = strchr(p, '\n');
		w = text_width(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (w > max)
			max = w;
		if (nl == NULL)
			break;
	}
	if (max <= c->e->maxcols)
		return;
	snprintf(a, sizeof(a), "%d", max);
	snprintf(b, sizeof(b), "%d", c->e->maxcols);
	tcheck_say(c, DIAG_TR_TOO_LONG, 0, a, b);
}

size_t
tcheck_entry(struct diag_list *dl, const struct tcheck_entry *e)
{
	struct tcheck_ctx	c;
	int			drawing = e->flags & (TCHECK_ART | TCHECK_ASCII);

	if (e->msgstr == NULL || *e->msgstr == '\0' || e->msgid == NULL)
		return (0);
	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.e = e;
	/* Bytes that are not UTF-8 cannot be measured; msgfmt says so. */
	if (u8_check((const uint8_t *)e->msgstr, strlen(e->msgstr)) != NULL)
		return (0);
	if (drawing)
		tcheck_art(&c);
	else if (e->flags & TCHECK_EMPH) {
		tcheck_emph(&c);
		tcheck_cjk_space(&c);
	}
	if (e->flags & TCHECK_FORMAT)
		tcheck_format(&c);
	if (!drawing && e->lang != NULL && strncmp(e->lang, "fr", 2) == 0 &&
	    (e->lang[2] == '\0' || e->lang[2] == '_' || e->lang[2] == '@' ||
	    e->lang[2] == '.'))
		tcheck_french(&c);
	if (e->maxcols > 0)
		tcheck_width(&c);
	return (c.n);
}

/* Skips s's word w (any case) and the blanks after it; NULL if not there. */
static const char *
tcheck_word(const char *s, const char *w)
{
	size_t	n = strlen(w);

	if (strncasecmp(s, w, n) != 0)
		return (NULL);
	s += n;
	if (*s != ' ' && *s != '\n' && *s != '\t')
		return (NULL);
	return (s + strspn(s, " \n\t"));
}

int
tcheck_limit(const char *comment)
{
	const char	*p, *q;
	char		*end;
	long		 n;

	for (p = comment; p != NULL && *p != '\0'; p++) {
		if ((p != comment && isalpha((unsigned char)p[-1])) ||
		    (q = tcheck_word(p, "at")) == NULL ||
		    (q = tcheck_word(q, "most")) == NULL)
			continue;
		n = strtol(q, &end, 10);
		if (end == q || *q == '-' || *q == '+' || n <= 0 || n > 1000)
			continue;
		q = end + strspn(end, " \n\t");
		if (q != end && strncasecmp(q, "column", 6) == 0)
			return ((int)n);
	}
	return (0);
}

int
tcheck_comment_flags(const char *comment)
{
	const char	*p, *nl;
	size_t		 n;
	int		 flags = 0;

	for (p = comment; p != NULL && *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n >= 4 && memcmp(p + n - 4, ".art", 4) == 0)
			flags |= TCHECK_ART;
		else if (n >= 6 && memcmp(p + n - 6, ".ascii", 6) == 0)
			flags |= TCHECK_ASCII;
		if (nl == NULL)
			break;
	}
	return (flags);
}

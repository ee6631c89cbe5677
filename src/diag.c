/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Diagnostics: the table of codes with their severity and message, a
 * growable list, and formatting.  Arguments usually come from content
 * files and are untrusted: they are escaped and shortened here, and they
 * are substituted by hand, never used as a printf format.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "diag.h"
#include "i18n.h"
#include "text.h"
#include "tty.h"
#include "xalloc.h"

/* Flags of a table entry. */
#define DIAG_F_TERM2	0x1	/* arg2 is a program word: translate it */
#define DIAG_F_LONG	0x2	/* arg2 and arg3 are made by the program:
				   not cut to DIAG_ARG_MAX */

/* Untrusted arguments are cut to about this many characters. */
#define DIAG_ARG_MAX	60

struct diag_entry {
	enum diag_level	 level;
	int		 flags;
	const char	*msg;
};

/* A growable string used while formatting. */
struct diag_buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void	 diag_buf_add(struct diag_buf *, const char *, size_t);
static void	 diag_buf_str(struct diag_buf *, const char *);
static char	*diag_printable(const char *, size_t);
static void	 diag_expand(struct diag_buf *, const char *, char *const *,
		    int);
static int	 diag_cmp(const void *, const void *);

/*
 * One entry per code: its severity and its message, written for the
 * clinicians who edit topics.  "%s" takes arg, then arg2, then arg3.
 */
static const struct diag_entry diag_table[DIAG_MAX] = {
	[DIAG_IO] = { DIAG_ERROR, 0,
	    N_("cannot be read: %s") },
	[DIAG_NOT_REGULAR] = { DIAG_ERROR, 0,
	    N_("not a regular file; only regular files are read") },
	[DIAG_SYMLINK] = { DIAG_ERROR, 0,
	    N_("this is a symbolic link; only regular files are read") },
	[DIAG_TOO_BIG] = { DIAG_ERROR, 0,
	    N_("the file is larger than the limit of %s bytes") },
	[DIAG_EMPTY_FILE] = { DIAG_ERROR, 0,
	    N_("the file is empty") },
	[DIAG_SYNTAX] = { DIAG_ERROR, 0,
	    N_("YAML syntax error: %s") },
	[DIAG_TAB] = { DIAG_ERROR, 0,
	    N_("a tab here; YAML indents with spaces only, so replace it "
	    "with spaces") },
	[DIAG_BAD_UTF8] = { DIAG_ERROR, 0,
	    N_("this is not valid UTF-8 text; save the file as UTF-8") },
	[DIAG_TOO_DEEP] = { DIAG_ERROR, 0,
	    N_("nested more than %s levels deep") },
	[DIAG_TOO_MANY_NODES] = { DIAG_ERROR, 0,
	    N_("more than %s values in one file") },
	[DIAG_ANCHOR] = { DIAG_ERROR, 0,
	    N_("YAML anchors (&) are not allowed") },
	[DIAG_ALIAS] = { DIAG_ERROR, 0,
	    N_("YAML aliases (*) are not allowed") },
	[DIAG_TAG] = { DIAG_ERROR, 0,
	    N_("YAML tags (!) are not allowed") },
	[DIAG_MULTI_DOC] = { DIAG_ERROR, 0,
	    N_("a second document starts here; a file holds only one") },
	[DIAG_CONTROL_CHAR] = { DIAG_WARNING, 0,
	    N_("control characters or invisible marks removed from '%s', "
	    "the first %s; delete them from the file") },
	[DIAG_SYNTAX_BLOCK] = { DIAG_ERROR, 0,
	    N_("YAML syntax error: %s; a block after '|' or '>' takes its "
	    "indent from its first line, and a line indented less ends it: "
	    "write '|2' instead of '|' to keep the spaces of every line") },
	[DIAG_TEXT_TAB] = { DIAG_WARNING, 0,
	    N_("a tab in '%s' shows as spaces; type spaces instead") },
	[DIAG_STRAY_STAR] = { DIAG_WARNING, 0,
	    N_("this '*' in '%s' shows as a star: for *emphasis* put one "
	    "star before a word and one after it; for a star itself, put a "
	    "space on each side") },
	[DIAG_ROOT_TYPE] = { DIAG_ERROR, 0,
	    N_("the file must hold keys with values (key: value)") },
	[DIAG_KEY_TYPE] = { DIAG_ERROR, 0,
	    N_("a key must be a plain word") },
	[DIAG_UNKNOWN_KEY] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("unknown key '%s' in %s") },
	[DIAG_UNKNOWN_KEY_HINT] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("unknown key '%s' in %s; did you mean '%s'?") },
	[DIAG_KEY_BESIDE] = { DIAG_ERROR, 0,
	    N_("'%s' goes beside '%s:' in the block, not inside it; move it "
	    "out one level") },
	[DIAG_DUP_KEY] = { DIAG_ERROR, 0,
	    N_("key '%s' is given more than once") },
	[DIAG_WRONG_TYPE] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("'%s' must be %s") },
	[DIAG_WRONG_ITEM_TYPE] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("each item of '%s' must be %s") },
	[DIAG_MISSING] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("missing '%s' in %s") },
	[DIAG_EMPTY_VALUE] = { DIAG_ERROR, 0,
	    N_("'%s' is empty") },
	[DIAG_BAD_ID] = { DIAG_ERROR, 0,
	    N_("bad id '%s': use only a-z, 0-9 and '-' (no capitals or "
	    "accents), starting with a letter or digit, at most 64 "
	    "characters") },
	[DIAG_DUP_ID] = { DIAG_ERROR, 0,
	    N_("id '%s' is already used") },
	[DIAG_UNKNOWN_BLOCK] = { DIAG_ERROR, 0,
	    N_("unknown block type '%s'") },
	[DIAG_BLOCK_SHAPE] = { DIAG_ERROR, 0,
	    N_("a block must name exactly one type (paragraph, subheading, "
	    "list, steps, care, evidence, figure or see_also)") },
	[DIAG_BAD_LEVEL] = { DIAG_ERROR, 0,
	    N_("unknown care level '%s': use emergency, urgent, non_urgent "
	    "or info") },
	[DIAG_BAD_GRADE] = { DIAG_ERROR, 0,
	    N_("unknown grade '%s': use high, moderate, low, very_low "
	    "or none") },
	[DIAG_BAD_DATE] = { DIAG_ERROR, 0,
	    N_("bad date '%s': write a real date as YYYY-MM-DD") },
	[DIAG_REVIEW_ORDER] = { DIAG_ERROR, 0,
	    N_("next_review must be after last_reviewed") },
	[DIAG_NO_REFS] = { DIAG_ERROR, 0,
	    N_("evidence needs at least one reference in 'refs' "
	    "(only grade none may have none)") },
	[DIAG_CARE_EMPTY] = { DIAG_ERROR, 0,
	    N_("a care card needs 'text', 'items' or both") },
	[DIAG_DANGLING_REF] = { DIAG_ERROR, 0,
	    N_("no reference with id '%s' in this topic") },
	[DIAG_DANGLING_TOPIC] = { DIAG_ERROR, 0,
	    N_("no topic with id '%s'") },
	[DIAG_DANGLING_LINK] = { DIAG_ERROR, 0,
	    N_("no topic with id '%s'; correct 'topic', or readers see this "
	    "link marked as not available") },
	[DIAG_DANGLING_SECTION] = { DIAG_ERROR, DIAG_F_LONG,
	    N_("topic '%s' has no section '%s'; its sections are: %s") },
	[DIAG_SECTION_IS_BLOCK] = { DIAG_ERROR, 0,
	    N_("topic '%1$s' has no section '%2$s', but a block there has "
	    "that id: write 'block: %2$s' instead of 'section: %2$s'") },
	[DIAG_DANGLING_BLOCK] = { DIAG_ERROR, DIAG_F_LONG,
	    N_("topic '%s' has no section or block '%s'; ids that can be "
	    "linked are: %s") },
	[DIAG_DANGLING_BLOCK_NONE] = { DIAG_ERROR, 0,
	    N_("topic '%1$s' has no block '%2$s'; to link to a block, write "
	    "'id: %2$s' beside its type there") },
	[DIAG_BLOCK_ELSEWHERE] = { DIAG_ERROR, DIAG_F_LONG,
	    N_("in topic '%s', block '%s' is in section '%s'; correct "
	    "'section' or leave it out") },
	[DIAG_UNUSED_REF] = { DIAG_WARNING, 0,
	    N_("reference '%s' is never cited") },
	[DIAG_BAD_SETTING] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("bad value for '%s': expected %s") },
	[DIAG_BAD_CHORD_KEY] = { DIAG_ERROR, DIAG_F_TERM2,
	    N_("'%s' cannot be in the exit chord: %s") },
	[DIAG_READABILITY] = { DIAG_ERROR, 0,
	    N_("section '%s' reads at grade %s; the limit is %s") },
	[DIAG_READABILITY_WHY] = { DIAG_NOTE, DIAG_F_LONG,
	    N_("to lower the grade of '%s', split its longest sentences: %s; "
	    "and find shorter words for: %s") },
	[DIAG_READABILITY_LONG] = { DIAG_NOTE, DIAG_F_LONG,
	    N_("to lower the grade of '%s', split its longest sentences: "
	    "%s") },
	[DIAG_NOT_ENGLISH] = { DIAG_WARNING, 0,
	    N_("most letters here are not Latin: topics are written in "
	    "English and translated in PO files, so no reading grade is "
	    "given for this topic") },
	[DIAG_CARE_TITLE] = { DIAG_WARNING, 0,
	    N_("the card already shows the label '%s'; give it a title that "
	    "says what the card is about") },
	[DIAG_REVIEW_LONG] = { DIAG_WARNING, 0,
	    N_("next_review is more than three years after last_reviewed; "
	    "review topics at least every three years") },
	[DIAG_REVIEW_DUE] = { DIAG_WARNING, 0,
	    N_("this topic was due for review on %s; have a clinician check "
	    "it, then update last_reviewed and next_review") },
	[DIAG_NO_REVIEWER] = { DIAG_WARNING, 0,
	    N_("no 'reviewed_by': name the person or role who checked this "
	    "topic") },
	[DIAG_CARE_TWICE] = { DIAG_WARNING, 0,
	    N_("this sign is also on another care card, at line %s; give "
	    "each sign one level of care") },
	[DIAG_DUP_TOPIC] = { DIAG_ERROR, 0,
	    N_("topic id '%s' is also used by %s, which is shown instead; "
	    "give one of them another id") },
	[DIAG_DUP_PACK] = { DIAG_ERROR, 0,
	    N_("pack id '%s' is also used by %s, which is read instead; "
	    "give one of them another id") },
	[DIAG_LIBRARY_YAML] = { DIAG_WARNING, 0,
	    N_("library.yaml still works, but packs replace it: move its "
	    "settings as the lines below say") },
	[DIAG_LIBRARY_YAML_KEY] = { DIAG_WARNING, 0,
	    N_("'%s' belongs in %s now") },
	[DIAG_NO_CATALOGUE] = { DIAG_WARNING, 0,
	    N_("the pack lists language '%s', but there is no %s.mo for it "
	    "in %s; build it with msgfmt or take the language off the "
	    "list") },
	[DIAG_NO_TOPICS] = { DIAG_ERROR, 0,
	    N_("no topic files (*.yaml) here; a pack holds pack.yaml and "
	    "its topics") },
	[DIAG_TR_EMPH_OPEN] = { DIAG_ERROR, 0,
	    N_("%s translation: a '*' is not closed, so it shows as a star; "
	    "put the words to show in bold between two stars, *like this*, "
	    "with no space inside them") },
	[DIAG_TR_EMPH_COUNT] = { DIAG_WARNING, 0,
	    N_("%s translation: parts in bold (between *stars*): %s; in the "
	    "English: %s; put stars around the words that match the English "
	    "ones") },
	[DIAG_TR_ART_WIDE] = { DIAG_ERROR, 0,
	    N_("%s translation: the drawing is %s columns wide; at most %s "
	    "fit on a small screen, which shows its description instead: "
	    "shorten the labels") },
	[DIAG_TR_ART_LINES] = { DIAG_ERROR, 0,
	    N_("%s translation: the drawing has %s lines, but the English "
	    "has %s; keep its lines and change only the labels") },
	[DIAG_TR_ASCII] = { DIAG_ERROR, 0,
	    N_("%s translation: the ASCII drawing has '%s', which is not "
	    "plain ASCII; use only keyboard characters, or keep the English "
	    "label") },
	[DIAG_TR_FORMAT] = { DIAG_ERROR, 0,
	    N_("%s translation: its placeholders (%s) do not match the "
	    "English (%s), so the English is shown; keep each one with its "
	    "type, and number them all to change the order (%%2$s %%1$s)") },
	[DIAG_TR_FORMAT_FEWER] = { DIAG_WARNING, 0,
	    N_("%s translation: its placeholders (%s) leave out some of the "
	    "English (%s); keep each one") },
	[DIAG_TR_CJK_SPACE] = { DIAG_WARNING, 0,
	    N_("%s translation: a space between '*' and Chinese or Japanese "
	    "text shows on screen; remove it, as bold needs no spaces "
	    "there") },
	[DIAG_TR_FR_SPACE] = { DIAG_WARNING, 0,
	    N_("%s translation: a plain space before '%s' lets the line "
	    "break there; use a no-break space (U+202F or U+00A0)") },
	[DIAG_TR_FR_NO_SPACE] = { DIAG_WARNING, 0,
	    N_("%s translation: no space before '%s'; put a no-break space "
	    "(U+202F or U+00A0) there") },
	[DIAG_TR_FR_QUOTE] = { DIAG_WARNING, 0,
	    N_("%s translation: a plain space beside '%s' lets the line "
	    "break there; use a no-break space (U+202F or U+00A0)") },
	[DIAG_TR_TOO_LONG] = { DIAG_WARNING, 0,
	    N_("%s translation: %s columns wide, but the comment for "
	    "translators allows at most %s; shorten it, or a small screen "
	    "cuts it off") },
};

void
diag_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void
diag_free(struct diag_list *dl)
{
	size_t	i;

	for (i = 0; i < dl->n; i++) {
		free(dl->items[i].file);
		free(dl->items[i].arg);
		free(dl->items[i].arg2);
		free(dl->items[i].arg3);
	}
	free(dl->items);
	diag_init(dl);
}

void
diag_add(struct diag_list *dl, const char *file, uint32_t line, uint32_t col,
    enum diag_code code, const char *arg, const char *arg2)
{
	diag_add3(dl, file, line, col, code, arg, arg2, NULL);
}

/* Every argument is copied; the level always comes from the table. */
void
diag_add3(struct diag_list *dl, const char *file, uint32_t line,
    uint32_t col, enum diag_code code, const char *arg, const char *arg2,
    const char *arg3)
{
	struct diag	*d;

	/* No list: nobody will read what would be said. */
	if (dl == NULL)
		return;
	xgrow(&dl->items, &dl->cap, dl->n + 1, sizeof(*dl->items));
	d = &dl->items[dl->n++];
	d->file = xstrdup(file != NULL ? file : "");
	d->line = line;
	d->col = line != 0 ? col : 0;
	d->code = code;
	d->level = diag_code_level(code);
	d->arg = arg != NULL ? xstrdup(arg) : NULL;
	d->arg2 = arg2 != NULL ? xstrdup(arg2) : NULL;
	d->arg3 = arg3 != NULL ? xstrdup(arg3) : NULL;
	if (d->level == DIAG_ERROR)
		dl->nerrors++;
	else if (d->level == DIAG_WARNING)
		dl->nwarnings++;
}

void
diag_move(struct diag_list *dst, struct diag_list *src)
{
	if (src->n == 0)
		return;
	xgrow(&dst->items, &dst->cap, dst->n + src->n, sizeof(*dst->items));
	memcpy(dst->items + dst->n, src->items, src->n * sizeof(*src->items));
	dst->n += src->n;
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	free(src->items);
	diag_init(src);
}

/* Pointers into the list compare by position, then by their own order. */
static int
diag_cmp(const void *a, const void *b)
{
	const struct diag	*da = *(const struct diag *const *)a;
	const struct diag	*db = *(const struct diag *const *)b;
	int			 c;

	if ((c = strcmp(da->file, db->file)) != 0)
		return (c);
	if (da->line != db->line)
		return (da->line < db->line ? -1 : 1);
	if (da->col != db->col)
		return (da->col < db->col ? -1 : 1);
	return (da < db ? -1 : da > db);
}

/* qsort is not stable: pointers are sorted, their order breaking ties. */
void
diag_sort(struct diag_list *dl)
{
	struct diag	**p, *sorted;
	size_t		  i;

	if (dl->n < 2)
		return;
	p = xreallocarray(NULL, dl->n, sizeof(*p));
	for (i = 0; i < dl->n; i++)
		p[i] = &dl->items[i];
	qsort(p, dl->n, sizeof(*p), diag_cmp);
	sorted = xreallocarray(NULL, dl->n, sizeof(*sorted));
	for (i = 0; i < dl->n; i++)
		sorted[i] = *p[i];
	free(p);
	free(dl->items);
	dl->items = sorted;
	dl->cap = dl->n;
}

enum diag_level
diag_code_level(enum diag_code code)
{
	if ((unsigned)code >= DIAG_MAX)
		return (DIAG_ERROR);
	return (diag_table[code].level);
}

static void
diag_buf_add(struct diag_buf *b, const char *s, size_t len)
{
	xgrow(&b->s, &b->cap, b->len + len + 1, 1);
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

static void
diag_buf_str(struct diag_buf *b, const char *s)
{
	diag_buf_add(b, s, strlen(s));
}

/*
 * An untrusted string made safe to print: invalid bytes and hidden
 * characters become \xNN for each of their bytes, and the result is cut
 * to about max characters (0: no limit) with "..." after it.  NULL
 * stays NULL.
 */
static char *
diag_printable(const char *s, size_t max)
{
	struct diag_buf	 b = { NULL, 0, 0 };
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 len, i = 0, nchars = 0;
	ucs4_t		 uc;
	char		 esc[5];
	int		 n, k, cost;

	if (s == NULL)
		return (NULL);
	len = strlen(s);
	diag_buf_add(&b, "", 0);
	while (i < len) {
		n = u8_mbtoucr(&uc, p + i, len - i);
		if (n < 0) {
			n = 1;
			cost = 4;
		} else if (text_unsafe(uc))
			cost = 4 * n;
		else
			cost = 1;
		if (max != 0 && nchars + cost > max) {
			diag_buf_str(&b, "...");
			break;
		}
		if (cost == 1)
			diag_buf_add(&b, s + i, n);
		else {
			for (k = 0; k < n; k++) {
				esc[0] = '\\';
				esc[1] = 'x';
				esc[2] = "0123456789abcdef"[p[i + k] >> 4];
				esc[3] = "0123456789abcdef"[p[i + k] & 0xf];
				diag_buf_add(&b, esc, 4);
			}
		}
		nchars += cost;
		i += n;
	}
	return (b.s);
}

/*
 * Substitutes args into a message: "%s" takes the next one, "%1$s" to
 * "%3$s" a given one, "%%" is a percent sign; anything else is copied.
 */
static void
diag_expand(struct diag_buf *b, const char *msg, char *const *args,
    int nargs)
{
	const char	*p = msg;
	int		 next = 0, idx;

	while (*p != '\0') {
		if (p[0] != '%') {
			diag_buf_add(b, p, 1);
			p++;
			continue;
		}
		if (p[1] == '%') {
			diag_buf_add(b, "%", 1);
			p += 2;
		} else if (p[1] == 's') {
			if (next < nargs && args[next] != NULL)
				diag_buf_str(b, args[next]);
			next++;
			p += 2;
		} else if (p[1] >= '1' && p[1] <= '3' && p[2] == '$' &&
		    p[3] == 's') {
			idx = p[1] - '1';
			if (idx < nargs && args[idx] != NULL)
				diag_buf_str(b, args[idx]);
			p += 4;
		} else {
			diag_buf_add(b, p, 1);
			p++;
		}
	}
}

char *
diag_format(const struct diag *d)
{
	struct diag_buf	 b = { NULL, 0, 0 };
	const char	*msg, *level;
	char		*file, *args[3], pos[32];
	int		 i, flags = 0;

	if ((unsigned)d->code < DIAG_MAX) {
		msg = _(diag_table[d->code].msg);
		flags = diag_table[d->code].flags;
	} else
		msg = "?";
	args[0] = diag_printable(d->arg, DIAG_ARG_MAX);
	/* Program words are translated, and escaped all the same. */
	if (d->arg2 != NULL && (flags & DIAG_F_TERM2))
		args[1] = diag_printable(_(d->arg2), 0);
	else
		args[1] = diag_printable(d->arg2, (flags & DIAG_F_LONG) ? 0 :
		    DIAG_ARG_MAX);
	args[2] = diag_printable(d->arg3, (flags & DIAG_F_LONG) ? 0 :
	    DIAG_ARG_MAX);

	file = diag_printable(d->file, 0);
	diag_buf_str(&b, file);
	free(file);
	if (d->line != 0 && d->col != 0) {
		snprintf(pos, sizeof(pos), ":%lu:%lu", (unsigned long)d->line,
		    (unsigned long)d->col);
		diag_buf_str(&b, pos);
	} else if (d->line != 0) {
		snprintf(pos, sizeof(pos), ":%lu", (unsigned long)d->line);
		diag_buf_str(&b, pos);
	}
	/*
	 * The translated message is never a printf format: a tampered
	 * catalogue could otherwise turn an argument into a directive.
	 */
	if (d->level == DIAG_NOTE)
		/* TRANSLATORS: advice after an error or a warning. */
		level = _("note");
	else
		level = d->level == DIAG_ERROR ? _("error") : _("warning");
	diag_buf_str(&b, ": ");
	diag_buf_str(&b, level);
	diag_buf_str(&b, ": ");
	diag_expand(&b, msg, args, 3);
	for (i = 0; i < 3; i++)
		free(args[i]);
	return (b.s);
}

void
diag_print(FILE *fp, const struct diag_list *dl)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < dl->n; i++) {
		s = diag_format(&dl->items[i]);
		tty_fputs(s, fp);
		fputc('\n', fp);
		free(s);
	}
}

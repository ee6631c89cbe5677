/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The schema walk shared by every YAML file pamphlet reads (topics,
 * library.yaml, the settings file): mappings sorted into known keys with
 * a diagnostic for each key that is not text, unknown (with the closest
 * known key as a hint) or given twice, and scalars read as text, ids,
 * dates, switches and numbers, each problem reported at its place.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uniname.h>
#include <unistr.h>

#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

/* The longest key for which a close known key is suggested. */
#define SCHEMA_HINT_MAX	64

static int	 schema_key_is(const struct ytree_node *, const char *);
static size_t	 schema_distance(const char *, size_t, const char *);
static const char *schema_hint(const struct ytree_node *,
		    const char *const *, size_t);

const char *const schema_w_text = N_("text");
const char *const schema_w_list = N_("a list");
const char *const schema_w_map = N_("keys with values");


/*
 * The text of a scalar as a C string for a message: a NUL inside it
 * (from a "\0" escape) is written as \x00 so that nothing is cut.
 */
char *
schema_arg(const struct ytree_node *n)
{
	char	*s;
	size_t	 i, j, nnul = 0;

	for (i = 0; i < n->len; i++)
		if (n->str[i] == '\0')
			nnul++;
	s = xmalloc(n->len + 3 * nnul + 1);
	for (i = j = 0; i < n->len; i++) {
		if (n->str[i] == '\0') {
			memcpy(s + j, "\\x00", 4);
			j += 4;
		} else
			s[j++] = n->str[i];
	}
	s[j] = '\0';
	return (s);
}

/* 1 for a plain scalar YAML reads as null: nothing, ~ or null. */
int
schema_is_null(const struct ytree_node *n)
{
	if (n->kind != YTREE_SCALAR || !n->plain)
		return (0);
	return (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0);
}

static int
schema_key_is(const struct ytree_node *k, const char *name)
{
	size_t	len = strlen(name);

	return (k->len == len && memcmp(k->str, name, len) == 0);
}

/*
 * Edit distance with adjacent transpositions ("titel" is one edit from
 * "title").  b is at most SCHEMA_HINT_MAX bytes.
 */
static size_t
schema_distance(const char *a, size_t la, const char *b)
{
	size_t	 rows[3][SCHEMA_HINT_MAX + 1], lb = strlen(b), i, j, v;
	size_t	*pp = rows[0], *p = rows[1], *cur = rows[2], *tmp;

	if (lb > SCHEMA_HINT_MAX)
		return (SIZE_MAX);
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			v = p[j - 1] + (a[i - 1] != b[j - 1]);
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
		tmp = pp;
		pp = p;
		p = cur;
		cur = tmp;
	}
	return (p[lb]);
}

/* The known key closest to an unknown one, if it is close enough. */
static const char *
schema_hint(const struct ytree_node *k, const char *const *keys,
    size_t nkeys)
{
	const char	*best = NULL;
	size_t		 i, d, bestd = SIZE_MAX, max;

	if (k->len == 0 || k->len > SCHEMA_HINT_MAX)
		return (NULL);
	for (i = 0; i < nkeys; i++) {
		d = schema_distance(k->str, k->len, keys[i]);
		max = strlen(keys[i]) <= 4 ? 1 : 2;
		if (d <= max && d < k->len && d < bestd) {
			best = keys[i];
			bestd = d;
		}
	}
	return (best);
}

void
schema_diag(const struct schema *s, const struct ytree_node *n,
    enum diag_code code, const char *arg, const char *arg2)
{
	diag_add(s->diags, s->file, n->line, n->col, code, arg, arg2);
}

/*
 * Sorts the pairs of mapping n into vals (one slot per known key, NULL
 * when absent), reporting keys that are not text, unknown or given
 * twice.  Unknown keys of a block are unknown block types.  Returns the
 * number of unknown keys.
 */
size_t
schema_map(const struct schema *s, const struct ytree_node *n,
    const char *where,    const char *const *keys, size_t nkeys, const struct ytree_node **vals,
    int block)
{
	const struct ytree_node	*k;
	const char		*hint;
	char			*arg;
	size_t			 i, j, nunknown = 0;

	for (j = 0; j < nkeys; j++)
		vals[j] = NULL;
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		if (k->kind != YTREE_SCALAR) {
			schema_diag(s, k, DIAG_KEY_TYPE, NULL, NULL);
			nunknown++;
			continue;
		}
		for (j = 0; j < nkeys; j++)
			if (schema_key_is(k, keys[j]))
				break;
		if (j < nkeys && vals[j] != NULL) {
			schema_diag(s, k, DIAG_DUP_KEY, keys[j], NULL);
			continue;
		}
		if (j < nkeys) {
			vals[j] = n->kids[i + 1];
			continue;
		}
		nunknown++;
		arg = schema_arg(k);
		for (j = 0; s->beside != NULL && s->beside[j] != NULL; j++)
			if (schema_key_is(k, s->beside[j]))
				break;
		if (s->beside != NULL && s->beside[j] != NULL)
			diag_add(s->diags, s->file, k->line, k->col,
			    DIAG_KEY_BESIDE, arg, s->block);
		else if ((hint = schema_hint(k, keys, nkeys)) != NULL)
			diag_add3(s->diags, s->file, k->line, k->col,
			    DIAG_UNKNOWN_KEY_HINT, arg, where, hint);
		else if (block)
			schema_diag(s, k, DIAG_UNKNOWN_BLOCK, arg, NULL);
		else
			schema_diag(s, k, DIAG_UNKNOWN_KEY, arg, where);
		free(arg);
	}
	return (nunknown);
}

/* Reports each of the required keys (a NULL-ended list) that is absent. */
void
schema_missing(const struct schema *s, const struct ytree_node *n,
    const char *where, const char *const *keys,
    const struct ytree_node **vals, size_t nkeys)
{
	size_t	i;

	for (i = 0; i < nkeys; i++)
		if (keys[i] != NULL && vals[i] == NULL)
			schema_diag(s, n, DIAG_MISSING, keys[i], where);
}

int
schema_want_map(const struct schema *s, const char *key,
    const struct ytree_node *v)
{
	if (v->kind == YTREE_MAP)
		return (0);
	if (schema_is_null(v))
		schema_diag(s, v, DIAG_EMPTY_VALUE, key, NULL);
	else
		schema_diag(s, v, DIAG_WRONG_TYPE, key, schema_w_map);
	return (-1);
}

/*
 * A list for key: 0 if v is one (or, with may_be_empty, nothing at all),
 * -1 after a diagnostic.
 */
int
schema_want_seq(const struct schema *s, const char *key,
    const struct ytree_node *v, int may_be_empty)
{
	if (schema_is_null(v) || (v->kind == YTREE_SEQ && v->nkids == 0)) {
		if (may_be_empty)
			return (0);
		schema_diag(s, v, DIAG_EMPTY_VALUE, key, NULL);
		return (-1);
	}
	if (v->kind != YTREE_SEQ) {
		schema_diag(s, v, DIAG_WRONG_TYPE, key, schema_w_list);
		return (-1);
	}
	return (0);
}

/* A non-empty scalar for key: 0 if v is one, -1 after a diagnostic. */
static int
schema_want_scalar(const struct schema *s, const char *key,
    const struct ytree_node *v)
{
	if (v->kind != YTREE_SCALAR) {
		schema_diag(s, v, DIAG_WRONG_TYPE, key, schema_w_text);
		return (-1);
	}
	if (schema_is_null(v)) {
		schema_diag(s, v, DIAG_EMPTY_VALUE, key, NULL);
		return (-1);
	}
	return (0);
}

/*
 * The place in the file of byte off of a scalar's source: lines and
 * columns (in characters) counted on from where the scalar starts.
 */
static void
schema_src_pos(const struct ytree_node *v, size_t off, uint32_t *line,
    uint32_t *col)
{
	size_t	i;

	*line = v->line;
	*col = v->col;
	for (i = 0; i < off && i < v->srclen; i++) {
		if (v->src[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (v->src[i] == '\r' && i + 1 < v->srclen &&
		    v->src[i + 1] == '\n')
			continue;
		else if (((unsigned char)v->src[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

void
schema_star(const struct schema *s, const char *key,
    const struct ytree_node *v, const char *text)
{
	long		 at;
	size_t		 i, nth = 0;
	uint32_t	 line = v->line, col = v->col;

	if ((at = text_stray_star(text)) < 0)
		return;
	for (i = 0; i < (size_t)at; i++)
		if (text[i] == '*')
			nth++;
	/* The same star in the file: stars are never escaped. */
	for (i = 0; v->src != NULL && i < v->srclen; i++)
		if (v->src[i] == '*' && nth-- == 0) {
			schema_src_pos(v, i, &line, &col);
			break;
		}
	diag_add(s->diags, s->file, line, col, DIAG_STRAY_STAR, key, NULL);
}

/*
 * Warns of a removed character, naming the first (U+202E and its name)
 * where the file holds it; one written as an escape ("\x1b") is found
 * at the start of its text.
 */
static void
schema_removed(const struct schema *s, const char *key,
    const struct ytree_node *v)
{
	char		 name[UNINAME_MAX], what[UNINAME_MAX + 16];
	const char	*hit;
	uint8_t		 enc[6];
	size_t		 i = 0;
	uint32_t	 line = v->line, col = v->col;
	ucs4_t		 uc = 0;
	int		 n, found = 0;

	while (i < v->len) {
		n = u8_mbtouc(&uc, (const uint8_t *)v->str + i, v->len - i);
		i += n;
		if (uc != '\t' && uc != '\n' && uc != '\r' &&
		    uc != 0x2028 && uc != 0x2029 && text_unsafe(uc)) {
			found = 1;
			break;
		}
	}
	what[0] = '\0';
	if (found) {
		if (unicode_character_name(uc, name) != NULL)
			snprintf(what, sizeof(what), "U+%04X %s",
			    (unsigned)uc, name);
		else
			snprintf(what, sizeof(what), "U+%04X (%s)",
			    (unsigned)uc, _("a control character"));
		n = u8_uctomb(enc, uc, sizeof(enc));
		if (n > 0 && v->src != NULL && (hit = memmem(v->src,
		    v->srclen, enc, (size_t)n)) != NULL)
			schema_src_pos(v, (size_t)(hit - v->src), &line, &col);
	}
	diag_add(s->diags, s->file, line, col, DIAG_CONTROL_CHAR, key, what);
}

/*
 * The normalised text of a scalar, or NULL after a diagnostic.  Numbers
 * and dates are taken as the text they are written as, since the tree
 * keeps every scalar as its source text.  Removing whitespace alone is
 * silent; removing anything else (controls, direction marks) is worth a
 * warning, because the author did not see what the file holds.  A value
 * left empty by normalisation is as bad as an empty one.
 */
char *
schema_text(const struct schema *s, const char *key,
    const struct ytree_node *v, int flags)
{
	const char	*tab;
	char		*t;
	uint32_t	 line, col;
	int		 changed = 0;

	if (schema_want_scalar(s, key, v) == -1)
		return (NULL);
	t = text_sanitize(v->str, v->len, flags, &changed);
	if (changed)
		schema_removed(s, key, v);
	/* A tab typed in the file; "\t" written in quotes is a space. */
	if (v->src != NULL && (tab = memchr(v->src, '\t', v->srclen)) != NULL) {
		schema_src_pos(v, (size_t)(tab - v->src), &line, &col);
		diag_add(s->diags, s->file, line, col, DIAG_TEXT_TAB, key,
		    NULL);
	}
	if (*t == '\0') {
		schema_diag(s, v, DIAG_EMPTY_VALUE, key, NULL);
		free(t);
		return (NULL);
	}
	return (t);
}

int
schema_tstr(const struct schema *s, const char *key,
    const struct ytree_node *v, const char *ctxt, int flags,
    uint32_t domain, struct tstr *out)
{
	char	*t;

	if ((t = schema_text(s, key, v, flags)) == NULL)
		return (-1);
	doc_tstr_set(out, ctxt, t, v->line, v->col);
	out->domain = domain;
	free(t);
	return (0);
}

/*
 * An id as written, or NULL after a diagnostic.  Ids are checked, never
 * repaired: they name translations and links, so a silently changed id
 * would break both.
 */
char *
schema_id(const struct schema *s, const char *key, const struct ytree_node *v)
{
	char	*arg;

	if (schema_want_scalar(s, key, v) == -1)
		return (NULL);
	if (strlen(v->str) != v->len || !doc_id_valid(v->str)) {
		arg = schema_arg(v);
		schema_diag(s, v, DIAG_BAD_ID, arg, NULL);
		free(arg);
		return (NULL);
	}
	return (xstrdup(v->str));
}

/* A real calendar date written YYYY-MM-DD, quoted or not. */
int
schema_date(const struct schema *s, const char *key, const struct ytree_node *v,
    struct doc_date *d)
{
	char	*arg;

	if (schema_want_scalar(s, key, v) == -1)
		return (-1);
	if (strlen(v->str) != v->len || doc_date_parse(v->str, d) == -1) {
		arg = schema_arg(v);
		schema_diag(s, v, DIAG_BAD_DATE, arg, NULL);
		free(arg);
		return (-1);
	}
	return (0);
}

/* A switch written true, yes or on, or false, no or off. */
int
schema_bool(const struct schema *s, const char *key,
    const struct ytree_node *v, int *out)
{
	static const char *const words[] = {
		"false", "true", "no", "yes", "off", "on"
	};
	size_t	i;

	if (v->kind == YTREE_SCALAR && strlen(v->str) == v->len)
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strcmp(v->str, words[i]) == 0) {
				*out = (int)(i % 2);
				return (0);
			}
	schema_diag(s, v, DIAG_BAD_SETTING, key, N_("true or false"));
	return (-1);
}

/*
 * A whole number from min to max written in decimal digits only;
 * expected says so in words for the message.
 */
int
schema_number(const struct schema *s, const char *key,
    const struct ytree_node *v, long min, long max, const char *expected,
    long *out)
{
	long	n = 0;
	size_t	i;

	if (v->kind == YTREE_SCALAR && v->len > 0 && v->len <= 9 &&
	    strspn(v->str, "0123456789") == v->len) {
		for (i = 0; i < v->len; i++)
			n = n * 10 + (v->str[i] - '0');
		if (n >= min && n <= max) {
			*out = n;
			return (0);
		}
	}
	schema_diag(s, v, DIAG_BAD_SETTING, key, expected);
	return (-1);
}

/*
 * The root of a file that must be a mapping: 0 if it is one, 1 if the
 * file holds nothing (no diagnostic: the caller decides), -1 after a
 * diagnostic.
 */
int
schema_root(const struct schema *s, const struct ytree_node *root)
{
	if (root == NULL || schema_is_null(root))
		return (1);
	if (root->kind == YTREE_MAP)
		return (0);
	schema_diag(s, root, DIAG_ROOT_TYPE, NULL, NULL);
	return (-1);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PO file reader.  The grammar is gettext's: entries are separated by
 * blank lines (or start at a new msgctxt or msgid), each keyword takes
 * one or more quoted strings, one a line, that are joined.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pofile.h"
#include "xalloc.h"

/* Which string the quoted lines go to. */
enum pofile_field {
	PF_NONE,
	PF_CTXT,
	PF_ID,
	PF_PLURAL,
	PF_STR
};

struct pofile_state {
	struct pofile_entry	 cur;
	enum pofile_field	 field;
	int			 has_str;	/* a msgstr was seen */
	int			 any;		/* something of an entry seen */
};

static int	 pofile_string(const char *, size_t, char **, char **);
static void	 pofile_append(char **, const char *);
static void	 pofile_flush(struct pofile *, struct pofile_state *);
static void	 pofile_entry_free(struct pofile_entry *);
static char	*pofile_why(uint32_t, const char *);

static char *
pofile_why(uint32_t line, const char *what)
{
	return (xasprintf("%lu: %s", (unsigned long)line, what));
}

static void
pofile_append(char **dst, const char *s)
{
	char	*t;

	if (*dst == NULL) {
		*dst = xstrdup(s);
		return;
	}
	t = xasprintf("%s%s", *dst, s);
	free(*dst);
	*dst = t;
}

/*
 * The quoted string at the start of s (len bytes, leading blanks
 * allowed) unescaped into *out; -1 with *why if it is not one.
 */
static int
pofile_string(const char *s, size_t len, char **out, char **why)
{
	char	*o;
	size_t	 i = 0, n = 0, k;
	int	 v;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len || s[i] != '"') {
		*why = xstrdup("a quoted string is expected");
		return (-1);
	}
	o = xmalloc(len + 1);
	for (i++; i < len && s[i] != '"'; i++) {
		if (s[i] != '\\') {
			o[n++] = s[i];
			continue;
		}
		if (++i >= len)
			break;
		switch (s[i]) {
		case 'n': o[n++] = '\n'; break;
		case 't': o[n++] = '\t'; break;
		case 'r': o[n++] = '\r'; break;
		case 'a': o[n++] = '\a'; break;
		case 'b': o[n++] = '\b'; break;
		case 'f': o[n++] = '\f'; break;
		case 'v': o[n++] = '\v'; break;
		case '\\': case '"': case '\'': case '?':
			o[n++] = s[i];
			break;
		case 'x':
			for (v = 0, k = 0; k < 2 && i + 1 < len &&
			    strchr("0123456789abcdefABCDEF", s[i + 1]) !=
			    NULL && s[i + 1] != '\0'; k++, i++)
				v = v * 16 + (s[i + 1] <= '9' ? s[i + 1] - '0' :
				    (s[i + 1] | 0x20) - 'a' + 10);
			o[n++] = (char)v;
			break;
		default:
			if (s[i] >= '0' && s[i] <= '7') {
				for (v = 0, k = 0; k < 3 && i < len &&
				    s[i] >= '0' && s[i] <= '7'; k++, i++)
					v = v * 8 + (s[i] - '0');
				i--;
				o[n++] = (char)v;
				break;
			}
			free(o);
			*why = xstrdup("an unknown escape sequence");
			return (-1);
		}
	}
	if (i >= len) {
		free(o);
		*why = xstrdup("a string without its closing quote");
		return (-1);
	}
	for (i++; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
			free(o);
			*why = xstrdup("text after a closing quote");
			return (-1);
		}
	o[n] = '\0';
	*out = o;
	return (0);
}

static void
pofile_entry_free(struct pofile_entry *e)
{
	size_t	i;

	free(e->ctxt);
	free(e->msgid);
	free(e->msgid_plural);
	for (i = 0; i < e->nmsgstr; i++)
		free(e->msgstr[i]);
	free(e->msgstr);
	free(e->comments);
	memset(e, 0, sizeof(*e));
}

/* Ends the entry being read: kept if it has a msgid, else dropped. */
static void
pofile_flush(struct pofile *po, struct pofile_state *st)
{
	if (st->cur.msgid != NULL) {
		xgrow(&po->items, &po->cap, po->n + 1, sizeof(*po->items));
		po->items[po->n++] = st->cur;
		memset(&st->cur, 0, sizeof(st->cur));
	} else
		pofile_entry_free(&st->cur);
	st->field = PF_NONE;
	st->has_str = 0;
	st->any = 0;
}

int
pofile_parse(const char *buf, size_t len, struct pofile *po, char **why)
{
	struct pofile_state	 st;
	const char		*p = buf, *end = buf + len, *nl, *kw;
	char			*s, *err = NULL, **slot;
	uint32_t		 line = 0;
	size_t			 n, idx;

	memset(po, 0, sizeof(*po));
	memset(&st, 0, sizeof(st));
	*why = NULL;
	for (; p < end; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n == 0 || strspn(p, " \t") >= n) {
			pofile_flush(po, &st);
			continue;
		}
		if (p[0] == '#') {
			if (st.has_str)
				pofile_flush(po, &st);
			/* An obsolete entry: nothing of it is kept. */
			if (n >= 2 && p[1] == '~')
				continue;
			if (n >= 2 && p[1] == '.') {
				kw = p + 2;
				if (kw < p + n && *kw == ' ')
					kw++;
				s = xstrndup(kw, (size_t)(p + n - kw));
				if (st.cur.comments != NULL)
					pofile_append(&st.cur.comments, "\n");
				pofile_append(&st.cur.comments, s);
				free(s);
			} else if (n >= 2 && p[1] == ',') {
				s = xasprintf(",%.*s,", (int)(n - 2), p + 2);
				for (kw = s; *kw != '\0'; kw++)
					if (*kw == ' ')
						s[kw - s] = ',';
				if (strstr(s, ",fuzzy,") != NULL)
					st.cur.fuzzy = 1;
				if (strstr(s, ",c-format,") != NULL)
					st.cur.c_format = 1;
				free(s);
			}
			st.any = 1;
			continue;
		}
		if (p[0] == '"') {
			if (st.field == PF_NONE) {
				err = xstrdup("a string outside an entry");
				goto fail;
			}
			if (pofile_string(p, n, &s, &err) == -1)
				goto fail;
			switch (st.field) {
			case PF_CTXT:
				slot = &st.cur.ctxt;
				break;
			case PF_ID:
				slot = &st.cur.msgid;
				break;
			case PF_PLURAL:
				slot = &st.cur.msgid_plural;
				break;
			default:
				slot = &st.cur.msgstr[st.cur.nmsgstr - 1];
				break;
			}
			pofile_append(slot, s);
			free(s);
			continue;
		}
		kw = p;
		if (n > 8 && strncmp(p, "msgctxt ", 8) == 0) {
			if (st.has_str || st.cur.msgid != NULL)
				pofile_flush(po, &st);
			st.field = PF_CTXT;
			kw = p + 8;
			slot = &st.cur.ctxt;
		} else if (n > 6 && strncmp(p, "msgid ", 6) == 0) {
			if (st.has_str || st.cur.msgid != NULL)
				pofile_flush(po, &st);
			st.field = PF_ID;
			st.cur.line = line;
			kw = p + 6;
			slot = &st.cur.msgid;
		} else if (n > 13 && strncmp(p, "msgid_plural ", 13) == 0 &&
		    st.field == PF_ID) {
			st.field = PF_PLURAL;
			kw = p + 13;
			slot = &st.cur.msgid_plural;
		} else if (n > 6 && strncmp(p, "msgstr", 6) == 0 &&
		    st.cur.msgid != NULL) {
			kw = p + 6;
			idx = st.cur.nmsgstr;
			if (*kw == '[') {
				idx = strtoul(kw + 1, (char **)&kw, 10);
				if (*kw != ']' || idx != st.cur.nmsgstr) {
					err = xstrdup("msgstr[N] out of order");
					goto fail;
				}
				kw++;
			} else if (st.cur.nmsgstr > 0) {
				err = xstrdup("a second msgstr");
				goto fail;
			}
			st.cur.msgstr = xreallocarray(st.cur.msgstr,
			    st.cur.nmsgstr + 1, sizeof(*st.cur.msgstr));
			st.cur.msgstr[st.cur.nmsgstr++] = NULL;
			st.field = PF_STR;
			st.has_str = 1;
			slot = &st.cur.msgstr[st.cur.nmsgstr - 1];
		} else {
			err = xstrdup("a line that is not PO syntax");
			goto fail;
		}
		if (pofile_string(kw, (size_t)(p + n - kw), &s, &err) == -1)
			goto fail;
		pofile_append(slot, s);
		free(s);
		st.any = 1;
	}
	pofile_flush(po, &st);
	return (0);
fail:
	*why = pofile_why(line, err);
	free(err);
	pofile_entry_free(&st.cur);
	pofile_free(po);
	return (-1);
}

int
pofile_read(const char *path, struct pofile *po, char **why)
{
	FILE	*fp;
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, got;
	int	 rc;

	memset(po, 0, sizeof(*po));
	if ((fp = fopen(path, "r")) == NULL) {
		*why = xstrdup(strerror(errno));
		return (-1);
	}
	for (;;) {
		xgrow(&buf, &cap, len + 65536, 1);
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		*why = xstrdup(strerror(errno != 0 ? errno : EIO));
		fclose(fp);
		free(buf);
		return (-1);
	}
	fclose(fp);
	rc = pofile_parse(buf, len, po, why);
	free(buf);
	return (rc);
}

void
pofile_free(struct pofile *po)
{
	size_t	i;

	for (i = 0; i < po->n; i++)
		pofile_entry_free(&po->items[i]);
	free(po->items);
	memset(po, 0, sizeof(*po));
}

char *
pofile_header(const struct pofile *po, const char *field)
{
	const struct pofile_entry	*h = pofile_find(po, NULL, "");
	const char			*p, *v;
	size_t				 flen = strlen(field);

	if (h == NULL || h->nmsgstr == 0 || h->msgstr[0] == NULL)
		return (NULL);
	for (p = h->msgstr[0]; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, field, flen) == 0 && p[flen] == ':') {
			v = p + flen + 1;
			v += strspn(v, " ");
			return (xstrndup(v, strcspn(v, "\n")));
		}
		if (strchr(p, '\n') == NULL)
			break;
	}
	return (NULL);
}

const struct pofile_entry *
pofile_find(const struct pofile *po, const char *ctxt, const char *msgid)
{
	size_t	i;

	for (i = 0; i < po->n; i++) {
		if (strcmp(po->items[i].msgid, msgid) != 0)
			continue;
		if ((ctxt == NULL) != (po->items[i].ctxt == NULL))
			continue;
		if (ctxt == NULL || strcmp(ctxt, po->items[i].ctxt) == 0)
			return (&po->items[i]);
	}
	return (NULL);
}

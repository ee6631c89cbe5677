/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PO template writer for the content domain.  Entries come out in reading
 * order; a string that occurs twice with the same context is one entry
 * with both places and all their comments, as msgfmt requires.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "pot.h"
#include "xalloc.h"

/* One occurrence of a translatable string. */
struct pot_item {
	const struct tstr	*ts;
	const char		*file;
	char			*path;		/* YAML key path */
	const char		*note;		/* author's translator note */
	const char		*hint;		/* the program's own advice */
	size_t			 order;		/* where it was found */
	size_t			 group;		/* order of the first alike */
};

struct pot {
	struct pot_item	*items;
	size_t		 n;
	size_t		 cap;
};

static void	pot_add(struct pot *, const struct tstr *, const char *,
		    const char *, const char *, char *);
static void	pot_topic(struct pot *, const struct topic *);
static void	pot_block(struct pot *, const struct topic *,
		    const struct section *, size_t, const struct block *);
static int	pot_cmp(const void *, const void *);
static int	pot_cmp_order(const void *, const void *);
static void	pot_string(FILE *, const char *, const char *, size_t);

/* Advice to translators that every string of a kind needs. */
static const char pot_hint_art[] = "A text drawing: keep its shape and "
    "width, and translate only the labels.";
static const char pot_hint_ascii[] = "The same drawing in plain ASCII "
    "characters only, for screens without UTF-8.";
static const char pot_hint_evidence[] = "Keep the certainty wording: "
    "\"does\" (high), \"probably\" (moderate), \"may\" (low), \"we don't "
    "know\" (very low).";
static const char pot_hint_emph[] = "Words between *stars* are shown in "
    "bold; keep the stars.";

static void
pot_add(struct pot *p, const struct tstr *ts, const char *file,
    const char *note, const char *hint, char *path)
{
	struct pot_item	*it;

	if (ts->key == NULL) {
		free(path);
		return;
	}
	xgrow(&p->items, &p->cap, p->n + 1, sizeof(*p->items));
	it = &p->items[p->n];
	it->ts = ts;
	it->file = file;
	it->path = path;
	it->note = note;
	it->hint = hint != NULL ? hint :
	    (strchr(tstr_msgid(ts), '*') != NULL ? pot_hint_emph : NULL);
	it->order = it->group = p->n++;
}

static void
pot_block(struct pot *p, const struct topic *t, const struct section *s,
    size_t bi, const struct block *b)
{
	const char	*kind = doc_block_kind_name(b->kind), *f = t->file;
	const char	*note = b->note != NULL ? b->note : s->note;
	char		*base;
	size_t		 i;

	base = xasprintf("sections[%s].blocks[%zu].%s", s->id, bi, kind);
	switch (b->kind) {
	case BLOCK_PARAGRAPH:
	case BLOCK_SUBHEADING:
		pot_add(p, &b->text, f, note, NULL, xstrdup(base));
		break;
	case BLOCK_LIST:
	case BLOCK_STEPS:
		for (i = 0; i < b->nitems; i++)
			pot_add(p, &b->items[i], f, note, NULL,
			    xasprintf("%s[%zu]", base, i));
		break;
	case BLOCK_CARE:
		pot_add(p, &b->text, f, note, NULL,
		    xasprintf("%s.title", base));
		pot_add(p, &b->body, f, note, NULL,
		    xasprintf("%s.text", base));
		for (i = 0; i < b->nitems; i++)
			pot_add(p, &b->items[i], f, note, NULL,
			    xasprintf("%s.items[%zu]", base, i));
		break;
	case BLOCK_EVIDENCE:
		pot_add(p, &b->text, f, note, NULL,
		    xasprintf("%s.about", base));
		pot_add(p, &b->body, f, note, pot_hint_evidence,
		    xasprintf("%s.text", base));
		break;
	case BLOCK_FIGURE:
		pot_add(p, &b->art, f, note, pot_hint_art,
		    xasprintf("%s.art", base));
		pot_add(p, &b->art_ascii, f, note, pot_hint_ascii,
		    xasprintf("%s.ascii", base));
		pot_add(p, &b->alt, f, note, NULL, xasprintf("%s.alt", base));
		pot_add(p, &b->text, f, note, NULL,
		    xasprintf("%s.caption", base));
		break;
	case BLOCK_SEE_ALSO:
		pot_add(p, &b->text, f, note, NULL,
		    xasprintf("%s.text", base));
		break;
	default:
		break;
	}
	free(base);
}

static void
pot_topic(struct pot *p, const struct topic *t)
{
	const struct section	*s;
	size_t			 i, j;

	pot_add(p, &t->title, t->file, t->note, NULL, xstrdup("title"));
	pot_add(p, &t->summary, t->file, t->note, NULL, xstrdup("summary"));
	pot_add(p, &t->reviewed_by, t->file, t->note, NULL,
	    xstrdup("reviewed_by"));
	for (i = 0; i < t->nsections; i++) {
		s = &t->sections[i];
		pot_add(p, &s->heading, t->file, s->note, NULL,
		    xasprintf("sections[%s].heading", s->id));
		for (j = 0; j < s->nblocks; j++)
			pot_block(p, t, s, j, &s->blocks[j]);
	}
	for (i = 0; i < t->nrefs; i++)
		pot_add(p, &t->refs[i].note, t->file, NULL, NULL,
		    xasprintf("references[%s].note", t->refs[i].id));
}

/* By key (context and text), then by order. */
static int
pot_cmp(const void *a, const void *b)
{
	const struct pot_item	*x = a, *y = b;
	int			 c = strcmp(x->ts->key, y->ts->key);

	if (c != 0)
		return (c);
	return (x->order < y->order ? -1 : x->order > y->order);
}

/* Reading order, each string's places together. */
static int
pot_cmp_order(const void *a, const void *b)
{
	const struct pot_item	*x = a, *y = b;

	if (x->group != y->group)
		return (x->group < y->group ? -1 : 1);
	return (x->order < y->order ? -1 : x->order > y->order);
}

/*
 * Writes keyword "string" in PO syntax: backslashes and quotes escaped,
 * and a multi-line string split after each newline, as xgettext does.
 */
static void
pot_string(FILE *fp, const char *keyword, const char *s, size_t len)
{
	size_t	i;
	int	multi = memchr(s, '\n', len) != NULL;

	fprintf(fp, "%s \"", keyword);
	if (multi)
		fputs("\"\n\"", fp);
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '\\':
			fputs("\\\\", fp);
			break;
		case '"':
			fputs("\\\"", fp);
			break;
		case '\n':
			fputs(i + 1 < len ? "\\n\"\n\"" : "\\n", fp);
			break;
		default:
			fputc(s[i], fp);
			break;
		}
	}
	fputs("\"\n", fp);
}

/* Every string of the library, in reading order; the domain's name. */
static const char *
pot_collect(struct pot *p, const struct library *lib)
{
	const struct pack	*pk;
	const char		*domain = I18N_CONTENT_DOMAIN;
	size_t			 i;

	memset(p, 0, sizeof(*p));
	/* The pack's own strings come first, as its manifest does. */
	for (i = 0; i < lib->npacks; i++) {
		pk = lib->packs[i];
		if (pk->domain != NULL)
			domain = pk->domain;
		if (pk->manifest == NULL)
			continue;
		if (pk->title.key != NULL)
			pot_add(p, &pk->title, pk->manifest, NULL,
			    NULL, xstrdup("title"));
		if (pk->contact.key != NULL)
			pot_add(p, &pk->contact, pk->manifest, NULL,
			    NULL, xstrdup("contact"));
		if (pk->reviewed_by.key != NULL)
			pot_add(p, &pk->reviewed_by, pk->manifest,
			    NULL, NULL, xstrdup("reviewed_by"));
	}
	for (i = 0; i < lib->ntopics; i++)
		pot_topic(p, lib->topics[i]);
	return (domain);
}

static void
pot_free(struct pot *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->items[i].path);
	free(p->items);
}

void
pot_walk(const struct library *lib, pot_fn *fn, void *arg)
{
	struct pot	p;
	size_t		i;

	(void)pot_collect(&p, lib);
	for (i = 0; i < p.n; i++)
		fn(p.items[i].ts, p.items[i].file, p.items[i].path, arg);
	pot_free(&p);
}

int
pot_write(FILE *fp, const struct library *lib)
{
	struct pot		 p;
	struct pot_item		*it, *first;
	const char		*domain;
	size_t			 i, j, k;

	domain = pot_collect(&p, lib);

	/* Group equal keys; the first of each group stands for it. */
	qsort(p.items, p.n, sizeof(*p.items), pot_cmp);
	for (i = 0; i < p.n; i = j) {
		for (j = i + 1; j < p.n &&
		    strcmp(p.items[j].ts->key, p.items[i].ts->key) == 0; j++)
			p.items[j].group = p.items[i].group;
	}
	qsort(p.items, p.n, sizeof(*p.items), pot_cmp_order);

	fprintf(fp, "# Text of the topics that patients read, for "
	    "translation.\n"
	    "# Made by pamphlet --extract-pot from the topic files; do not "
	    "edit.\n"
	    "#\n#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n"
	    "\"Project-Id-Version: %s\\n\"\n"
	    "\"MIME-Version: 1.0\\n\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	    "\"Content-Transfer-Encoding: 8bit\\n\"\n", domain);
	for (i = 0; i < p.n; i = j) {
		first = &p.items[i];
		for (j = i + 1; j < p.n && p.items[j].group == first->group;
		    j++)
			;
		fputc('\n', fp);
		for (k = i; k < j; k++) {
			it = &p.items[k];
			fprintf(fp, "#. %s\n", it->path);
			if (it->note != NULL && (k == i ||
			    it->note != p.items[k - 1].note))
				fprintf(fp, "#. %s\n", it->note);
		}
		if (first->hint != NULL)
			fprintf(fp, "#. %s\n", first->hint);
		for (k = i; k < j; k++)
			fprintf(fp, "#: %s:%u\n", p.items[k].file,
			    (unsigned)p.items[k].ts->line);
		pot_string(fp, "msgctxt", first->ts->key,
		    first->ts->ctxt_len);
		pot_string(fp, "msgid", tstr_msgid(first->ts),
		    strlen(tstr_msgid(first->ts)));
		fputs("msgstr \"\"\n", fp);
	}
	pot_free(&p);
	return (fflush(fp) == 0 && !ferror(fp) ? 0 : -1);
}

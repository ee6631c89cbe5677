/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document model: freeing topics and libraries, finding topics and
 * sections by id, the names of levels, grades and block kinds as the
 * file format spells them, ids, dates and translatable strings.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "i18n.h"
#include "idx.h"
#include "xalloc.h"

#define DOC_ID_MAX	64

static int	 doc_name_parse(const char *const *, int, const char *, int *);
static int	 doc_days_in_month(int, int);

static const char *const doc_care_names[CARE_LEVEL_MAX] = {
	"emergency", "urgent", "non_urgent", "info"
};

static const char *const doc_grade_names[GRADE_MAX] = {
	"high", "moderate", "low", "very_low", "none"
};

static const char *const doc_kind_names[BLOCK_KIND_MAX] = {
	"paragraph", "subheading", "list", "steps", "care", "evidence",
	"figure", "see_also"
};

void
doc_block_free(struct block *b)
{
	size_t	i;

	free(b->id);
	free(b->note);
	doc_tstr_free(&b->text);
	doc_tstr_free(&b->body);
	for (i = 0; i < b->nitems; i++)
		doc_tstr_free(&b->items[i]);
	free(b->items);
	doc_tstr_free(&b->art);
	doc_tstr_free(&b->art_ascii);
	doc_tstr_free(&b->alt);
	free(b->refs);
	free(b->link_topic);
	free(b->link_section);
	free(b->link_block);
	memset(b, 0, sizeof(*b));
}

void
doc_topic_free(struct topic *t)
{
	struct section		*s;
	struct reference	*r;
	size_t			 i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->nsections; i++) {
		s = &t->sections[i];
		free(s->id);
		free(s->note);
		doc_tstr_free(&s->heading);
		for (j = 0; j < s->nblocks; j++)
			doc_block_free(&s->blocks[j]);
		free(s->blocks);
	}
	free(t->sections);
	for (i = 0; i < t->nrefs; i++) {
		r = &t->refs[i];
		free(r->id);
		free(r->authors);
		free(r->year);
		free(r->title);
		free(r->source);
		free(r->url);
		doc_tstr_free(&r->note);
	}
	free(t->refs);
	free(t->id);
	free(t->file);
	free(t->note);
	doc_tstr_free(&t->title);
	doc_tstr_free(&t->summary);
	doc_tstr_free(&t->reviewed_by);
	free(t);
}

void
doc_library_init(struct library *lib)
{
	memset(lib, 0, sizeof(*lib));
	lib->settings.grade_limit = DOC_GRADE_LIMIT_DEFAULT;
}

void
doc_library_free(struct library *lib)
{
	size_t	i;

	for (i = 0; i < lib->ntopics; i++)
		doc_topic_free(lib->topics[i]);
	free(lib->topics);
	for (i = 0; i < lib->npacks; i++)
		doc_pack_free(lib->packs[i]);
	free(lib->packs);
	idset_free(&lib->ids);
	for (i = 0; i < lib->nfailed; i++)
		free(lib->failed[i]);
	free(lib->failed);
	idset_free(&lib->failedset);
	free(lib->settings.emergency_number);
	doc_library_init(lib);
}

int
doc_library_add(struct library *lib, struct topic *t)
{
	if (t->id != NULL && idset_add(&lib->ids, t->id, lib->ntopics) == -1)
		return (-1);
	xgrow(&lib->topics, &lib->topicscap, lib->ntopics + 1,
	    sizeof(*lib->topics));
	lib->topics[lib->ntopics++] = t;
	return (0);
}

void
doc_library_add_pack(struct library *lib, struct pack *p)
{
	lib->packs = xreallocarray(lib->packs, lib->npacks + 1,
	    sizeof(*lib->packs));
	lib->packs[lib->npacks++] = p;
}

void
doc_library_reindex(struct library *lib)
{
	size_t	i;

	idset_free(&lib->ids);
	for (i = 0; i < lib->ntopics; i++)
		if (lib->topics[i]->id != NULL)
			(void)idset_add(&lib->ids, lib->topics[i]->id, i);
}

void
doc_pack_free(struct pack *p)
{
	size_t	i;

	if (p == NULL)
		return;
	free(p->dir);
	free(p->manifest);
	free(p->id);
	doc_tstr_free(&p->title);
	free(p->version);
	free(p->publisher);
	free(p->licence);
	for (i = 0; i < p->nlanguages; i++)
		free(p->languages[i]);
	free(p->languages);
	doc_tstr_free(&p->contact);
	doc_tstr_free(&p->reviewed_by);
	free(p->domain);
	free(p->emergency_number);
	for (i = 0; i < p->norder; i++)
		free(p->order[i]);
	free(p->order);
	free(p->order_line);
	free(p->order_col);
	idx_free(p->idx);
	free(p);
}

const struct topic *
doc_find_topic(const struct library *lib, const char *id)
{
	long	i;

	if ((i = doc_topic_index(lib, id)) < 0)
		return (NULL);
	return (lib->topics[i]);
}

long
doc_topic_index(const struct library *lib, const char *id)
{
	if (id == NULL)
		return (-1);
	return (idset_find(&lib->ids, id, strlen(id)));
}

long
doc_find_section(const struct topic *t, const char *id)
{
	size_t	i;

	if (id == NULL)
		return (-1);
	for (i = 0; i < t->nsections; i++)
		if (t->sections[i].id != NULL &&
		    strcmp(t->sections[i].id, id) == 0)
			return ((long)i);
	return (-1);
}

int
doc_find_block(const struct topic *t, const char *id, size_t *section,
    size_t *block)
{
	const struct section	*s;
	size_t			 i, j;

	if (id == NULL)
		return (-1);
	for (i = 0; i < t->nsections; i++) {
		s = &t->sections[i];
		for (j = 0; j < s->nblocks; j++)
			if (s->blocks[j].id != NULL &&
			    strcmp(s->blocks[j].id, id) == 0) {
				*section = i;
				*block = j;
				return (0);
			}
	}
	return (-1);
}

const char *
doc_care_level_name(enum care_level l)
{
	if ((unsigned)l >= CARE_LEVEL_MAX)
		return ("?");
	return (doc_care_names[l]);
}

/*
 * The labels care cards show above their titles, in English; the layout
 * translates them.
 */
static const char *const doc_care_labels[CARE_LEVEL_MAX] = {
	/* TRANSLATORS: care card label; keep it short and loud. */
	N_("EMERGENCY: get help now"),
	N_("URGENT: get help today"),
	N_("NOT URGENT: make an appointment"),
	N_("GOOD TO KNOW")
};

const char *
doc_care_label(enum care_level l)
{
	if ((unsigned)l >= CARE_LEVEL_MAX)
		l = CARE_INFO;
	return (doc_care_labels[l]);
}

const char *
doc_grade_name(enum grade g)
{
	if ((unsigned)g >= GRADE_MAX)
		return ("?");
	return (doc_grade_names[g]);
}

const char *
doc_block_kind_name(enum block_kind k)
{
	if ((unsigned)k >= BLOCK_KIND_MAX)
		return ("?");
	return (doc_kind_names[k]);
}

/* Finds s in a table of n names; 0 and *out set when found. */
static int
doc_name_parse(const char *const *names, int n, const char *s, int *out)
{
	int	i;

	if (s == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return (0);
		}
	}
	return (-1);
}

int
doc_care_level_parse(const char *s, enum care_level *l)
{
	int	i;

	if (doc_name_parse(doc_care_names, CARE_LEVEL_MAX, s, &i) == -1)
		return (-1);
	*l = (enum care_level)i;
	return (0);
}

int
doc_grade_parse(const char *s, enum grade *g)
{
	int	i;

	if (doc_name_parse(doc_grade_names, GRADE_MAX, s, &i) == -1)
		return (-1);
	*g = (enum grade)i;
	return (0);
}

/*
 * Ids name files' topics, sections and translation contexts, so they are
 * kept to a small alphabet: no '/', '.', spaces or upper case.
 */
int
doc_id_valid(const char *s)
{
	size_t	i;

	if (s == NULL || s[0] == '\0' || s[0] == '-')
		return (0);
	for (i = 0; s[i] != '\0'; i++) {
		if (i == DOC_ID_MAX)
			return (0);
		if ((s[i] < 'a' || s[i] > 'z') && (s[i] < '0' || s[i] > '9') &&
		    s[i] != '-')
			return (0);
	}
	return (1);
}

/* Days in a month of the Gregorian calendar. */
static int
doc_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	leap;

	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (month == 2 && leap)
		return (29);
	return (days[month - 1]);
}

/* Exactly YYYY-MM-DD, a day that exists; there is no year 0. */
int
doc_date_parse(const char *s, struct doc_date *d)
{
	int	i, v[3] = { 0, 0, 0 }, field = 0;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			field++;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v[field] = v[field] * 10 + (s[i] - '0');
	}
	if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > doc_days_in_month(v[0], v[1]))
		return (-1);
	d->year = v[0];
	d->month = v[1];
	d->day = v[2];
	return (0);
}

int
doc_date_cmp(const struct doc_date *a, const struct doc_date *b)
{
	if (a->year != b->year)
		return (a->year < b->year ? -1 : 1);
	if (a->month != b->month)
		return (a->month < b->month ? -1 : 1);
	if (a->day != b->day)
		return (a->day < b->day ? -1 : 1);
	return (0);
}

void
doc_date_today(struct doc_date *d)
{
	time_t		now = time(NULL);
	struct tm	tm;

	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL) {
		d->year = d->month = d->day = 0;
		return;
	}
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}

void
doc_date_format(const struct doc_date *d, char *buf)
{
	unsigned int	y, m, dd;

	/* Out-of-range fields are clamped so that 11 bytes always do. */
	y = d->year < 0 ? 0 : (unsigned int)d->year % 10000;
	m = d->month < 0 ? 0 : (unsigned int)d->month % 100;
	dd = d->day < 0 ? 0 : (unsigned int)d->day % 100;
	buf[0] = '0' + y / 1000;
	buf[1] = '0' + y / 100 % 10;
	buf[2] = '0' + y / 10 % 10;
	buf[3] = '0' + y % 10;
	buf[4] = '-';
	buf[5] = '0' + m / 10;
	buf[6] = '0' + m % 10;
	buf[7] = '-';
	buf[8] = '0' + dd / 10;
	buf[9] = '0' + dd % 10;
	buf[10] = '\0';
}

/*
 * The key is laid out as gettext wants it for a lookup with a context,
 * so i18n_content can pass it as it is.  t must be zeroed or set.
 */
void
doc_tstr_set(struct tstr *t, const char *ctxt, const char *text,
    uint32_t line, uint32_t col)
{
	size_t	clen, tlen;

	doc_tstr_free(t);
	clen = strlen(ctxt);
	tlen = strlen(text);
	t->key = xmalloc(clen + 1 + tlen + 1);
	memcpy(t->key, ctxt, clen);
	t->key[clen] = '\004';
	memcpy(t->key + clen + 1, text, tlen + 1);
	t->ctxt_len = (uint32_t)clen;
	t->line = line;
	t->col = col;
}

void
doc_tstr_free(struct tstr *t)
{
	free(t->key);
	memset(t, 0, sizeof(*t));
}

int
doc_phone_valid(const char *s)
{
	size_t	n = strlen(s);

	return (n > 0 && n <= 32 && strspn(s, "0123456789 +-()") == n &&
	    strpbrk(s, "0123456789") != NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * In-process timings of what the viewer does after start-up, through the
 * same calls it makes (content.h, view.h, i18n.h), with no terminal: the
 * cost of building what is drawn, not of drawing it.
 *
 *	inproc load DIR [REPS]
 *		content_load_dir of a whole library, REPS times; prints the
 *		bytes of its *.yaml files and the median load time.
 *	inproc view DIR TOPIC LANG [REPS]
 *		opens TOPIC for reading at 80x24 and times, REPS times each:
 *		a resize (view_resize between 80x24, 100x30 and 60x20, which
 *		lays the topic out again at the new width), and a language
 *		switch to LANG and back (view_language, what choosing a
 *		language ends with),
 *		and the whole choice as the keys make it (ACT_LANGUAGE,
 *		which lists the installed languages, then ACT_OPEN on LANG).
 *
 * Output is one "name key value..." line per measurement, for run.sh.
 * PAMPHLET_LOCALEDIR says where the catalogues are, as for pamphlet.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "tty.h"
#include "view.h"
#include "xalloc.h"

static double	 ip_now(void);
static int	 ip_cmp(const void *, const void *);
static void	 ip_report(const char *, double *, size_t);
static long	 ip_dir_bytes(const char *, long *);
static void	 ip_load_lib(const char *, struct library *);
static size_t	 ip_words(const struct layout *);
static int	 ip_load(const char *, int);
static int	 ip_view(const char *, const char *, const char *, int);
static void	 ip_choose(struct view *, const char *);

static double
ip_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

static int
ip_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Sorts the times and prints their median, min and max in ms. */
static void
ip_report(const char *name, double *t, size_t n)
{
	qsort(t, n, sizeof(*t), ip_cmp);
	printf("%s runs %zu median_ms %.3f min_ms %.3f max_ms %.3f\n", name,
	    n, n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2, t[0],
	    t[n - 1]);
}

/* The bytes of the topic files the loader reads. */
static long
ip_dir_bytes(const char *dir, long *nfiles)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		*path;
	size_t		 len;
	long		 bytes = 0;

	*nfiles = 0;
	if ((d = opendir(dir)) == NULL)
		fatal("cannot read %s", dir);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			bytes += st.st_size;
			(*nfiles)++;
		}
		free(path);
	}
	closedir(d);
	return (bytes);
}

static void
ip_load_lib(const char *dir, struct library *lib)
{
	struct diag_list	d;

	doc_library_init(lib);
	diag_init(&d);
	if (library_load_dir(dir, lib, &d) != 0 || d.nerrors != 0) {
		diag_print(stderr, &d);
		fatal("%s does not load cleanly", dir);
	}
	diag_free(&d);
}

/* Words shown in a layout: runs of bytes between spaces. */
static size_t
ip_words(const struct layout *l)
{
	const char	*s;
	size_t		 i, j, n = 0;
	int		 in;

	for (i = 0; i < l->nlines; i++) {
		s = layout_line_text(l, &l->lines[i]);
		for (j = 0, in = 0; j < l->lines[i].len; j++) {
			if (s[j] == ' ')
				in = 0;
			else if (!in) {
				in = 1;
				n++;
			}
		}
	}
	return (n);
}

static int
ip_load(const char *dir, int reps)
{
	struct library	 lib;
	double		*t, t0, med;
	long		 bytes, nfiles;
	size_t		 ntopics = 0;
	int		 i;

	bytes = ip_dir_bytes(dir, &nfiles);
	t = xcalloc(reps, sizeof(*t));
	for (i = 0; i < reps; i++) {
		t0 = ip_now();
		ip_load_lib(dir, &lib);
		t[i] = ip_now() - t0;
		ntopics = lib.ntopics;
		doc_library_free(&lib);
	}
	qsort(t, reps, sizeof(*t), ip_cmp);
	med = reps % 2 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
	printf("load files %ld topics %zu bytes %ld median_ms %.3f "
	    "mib_s %.1f\n", nfiles, ntopics, bytes, med,
	    bytes / 1048576.0 / (med / 1e3));
	free(t);
	return (0);
}

/* Opens the language list and chooses code in it, as the keys would. */
static void
ip_choose(struct view *v, const char *code)
{
	size_t	i, k;

	view_apply(v, ACT_LANGUAGE);
	if (v->screen != VIEW_LANGUAGE)
		fatal("the language list did not open");
	for (i = 0; i < v->nlangs; i++)
		if (strcmp(i18n_lang_code(v->langs[i].lang), code) == 0)
			break;
	if (i == v->nlangs)
		fatal("language %s is not installed", code);
	for (k = 0; k < v->layout->nlinks; k++)
		if (v->layout->links[k].section == (long)i)
			break;
	if (k == v->layout->nlinks)
		fatal("no link for language %s", code);
	v->focus = (long)k;
	view_apply(v, ACT_OPEN);
	if (strcmp(i18n_lang_code(v->opts.lang), code) != 0)
		fatal("choosing %s left the language %s", code,
		    i18n_lang_code(v->opts.lang));
}

static int
ip_view(const char *dir, const char *topic, const char *lang, int reps)
{
	static const int	 sizes[][2] = { { 100, 30 }, { 60, 20 },
				    { 80, 24 } };
	struct library		 lib;
	struct layout_opts	 lo;
	struct view		 v;
	const struct i18n_lang	*to;
	double			*tr, *tl, *te, *tk, t0;
	long			 t;
	int			 i, j;

	ip_load_lib(dir, &lib);
	if ((t = doc_topic_index(&lib, topic)) < 0)
		fatal("no topic %s in %s", topic, dir);
	memset(&lo, 0, sizeof(lo));
	lo.ascii = !tty_utf8();
	lo.emergency_number = lib.settings.emergency_number;
	view_init(&v, &lib, &lo, NULL, 80, 24);
	view_open(&v, t, 0);
	if (v.screen != VIEW_READING)
		fatal("topic %s did not open for reading", topic);
	printf("topic %s words %zu lines_80 %zu\n", topic,
	    ip_words(v.layout), v.layout->nlines);

	tr = xcalloc(reps * 3, sizeof(*tr));
	for (i = 0, j = 0; i < reps * 3; i++, j = (j + 1) % 3) {
		t0 = ip_now();
		view_resize(&v, sizes[j][0], sizes[j][1]);
		tr[i] = ip_now() - t0;
	}
	ip_report("resize", tr, reps * 3);

	tl = xcalloc(reps, sizeof(*tl));
	te = xcalloc(reps, sizeof(*te));
	for (i = 0; i < reps; i++) {
		t0 = ip_now();
		if ((to = i18n_lang_get(lang)) == NULL)
			fatal("bad language code %s", lang);
		view_language(&v, to);
		tl[i] = ip_now() - t0;
		if (i == 0)
			printf("topic %s words_%s %zu\n", topic, lang,
			    ip_words(v.layout));
		t0 = ip_now();
		view_language(&v, i18n_lang_get("en"));
		te[i] = ip_now() - t0;
	}
	ip_report("language_to", tl, reps);
	ip_report("language_back", te, reps);

	tk = xcalloc(reps, sizeof(*tk));
	for (i = 0; i < reps; i++) {
		t0 = ip_now();
		ip_choose(&v, lang);
		tk[i] = ip_now() - t0;
		ip_choose(&v, "en");
	}
	ip_report("language_keys", tk, reps);

	free(tr);
	free(tl);
	free(te);
	free(tk);
	view_free(&v);
	doc_library_free(&lib);
	return (0);
}

int
main(int argc, char *argv[])
{
	int	reps;

	tty_set_utf8(i18n_init(NULL));
	if (argc >= 3 && strcmp(argv[1], "load") == 0) {
		reps = argc > 3 ? atoi(argv[3]) : 5;
		return (ip_load(argv[2], reps > 0 ? reps : 1));
	}
	if (argc >= 5 && strcmp(argv[1], "view") == 0) {
		reps = argc > 5 ? atoi(argv[5]) : 20;
		return (ip_view(argv[2], argv[3], argv[4],
		    reps > 0 ? reps : 1));
	}
	fprintf(stderr, "usage: inproc load DIR [REPS]\n"
	    "       inproc view DIR TOPIC LANG [REPS]\n");
	return (2);
}

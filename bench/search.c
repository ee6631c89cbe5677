/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Benchmark of the heading search: writes a library of 10,000 headings
 * (500 topics, each a title, 7 sections and 12 subheadings, in plain
 * medical English with some accented names) to a temporary directory,
 * loads it, builds the index and then times what a keystroke costs:
 * search_query_parse and search_headings for every prefix of a few
 * queries typed letter by letter.  Prints times in microseconds.
 *
 * With a directory as its argument it searches the library there instead
 * (make bench passes the largest generated one).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "search.h"
#include "xalloc.h"

#define BENCH_TOPICS	500
#define BENCH_SECTIONS	7
#define BENCH_SUBS	12	/* subheadings per topic, spread over sections */
#define BENCH_REPS	200	/* runs of each keystroke */
#define BENCH_BUILDS	5	/* index builds timed */

static const char *const bench_names[] = {
	"Asthma", "Back pain", "Prostatitis", "Diabetes", "Migraine",
	"Eczema", "Gout", "Sciatica", "Tonsillitis", "Shingles",
	"Ménière's disease", "Sjögren's syndrome", "Guillain-Barré syndrome",
	"Crohn's disease", "Raynaud's phenomenon", "Bell's palsy",
	"Heart failure", "Kidney stones", "Urinary infection", "Fever",
	"Chest pain", "Sore throat", "Ear infection", "Anaemia",
	"High blood pressure", "Osteoporosis", "Psoriasis", "Vertigo",
	"Prostate cancer", "Hay fever", "Glaucoma", "Cataracts"
};

static const char *const bench_sections[] = {
	"What it is", "Symptoms", "Causes", "When to see a doctor",
	"Tests and diagnosis", "Treatment", "Living with it",
	"Medicines and side effects", "Pain relief", "Looking after yourself",
	"Questions to ask your nurse", "Getting help at night",
	"Children and babies", "Pregnancy", "Older people",
	"Café culture and caffeine", "Naïve questions answered"
};

static const char *const bench_words[] = {
	"doctor", "nurse", "pain", "fever", "blood", "test", "scan",
	"tablets", "exercise", "sleep", "diet", "water", "alcohol", "work",
	"travel", "driving", "sex", "family", "stress", "breathing",
	"swelling", "rash", "itching", "tiredness", "dizziness", "surgery",
	"recovery", "follow-up", "appointments", "pharmacist", "antibiotics",
	"inhalers", "injections", "physiotherapy", "prostate", "bladder",
	"kidneys", "heart", "lungs", "skin", "eyes", "ears", "joints",
	"muscles", "nerves", "bones", "über", "Röntgen", "éclair", "señor"
};

static const char *const bench_queries[] = {
	"doctor", "prost", "when to see", "fever pain", "meniere",
	"naive question"
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static unsigned long	 bench_seed = 12345;

static unsigned long	 bench_rand(void);
static const char	*bench_pick(const char *const *, size_t);
static void		 bench_write(const char *, size_t);
static double		 bench_now(void);
static int		 bench_cmp(const void *, const void *);
static double		 bench_median(double *, size_t);

/* A small linear congruential generator, the same on every run. */
static unsigned long
bench_rand(void)
{
	bench_seed = bench_seed * 1103515245UL + 12345UL;
	return ((bench_seed >> 16) & 0x7fff);
}

static const char *
bench_pick(const char *const *v, size_t n)
{
	return (v[bench_rand() % n]);
}

/* One topic file: a title, sections, and subheadings among them. */
static void
bench_write(const char *dir, size_t t)
{
	char	 path[4096];
	FILE	*f;
	size_t	 s, k, sub = 0;

	snprintf(path, sizeof(path), "%s/t%03zu.yaml", dir, t);
	if ((f = fopen(path, "w")) == NULL)
		fatal("cannot write %s", path);
	fprintf(f, "id: t%03zu\ntitle: \"%s: %s and %s\"\n", t,
	    bench_names[t % NELEM(bench_names)],
	    bench_pick(bench_words, NELEM(bench_words)),
	    bench_pick(bench_words, NELEM(bench_words)));
	fprintf(f, "summary: A topic made up for a benchmark.\n"
	    "last_reviewed: 2026-01-15\nnext_review: 2028-01-15\n"
	    "sections:\n");
	for (s = 0; s < BENCH_SECTIONS; s++) {
		fprintf(f, "  - id: s%zu\n    heading: \"%s\"\n"
		    "    blocks:\n      - paragraph: Some words.\n", s,
		    bench_sections[(t + s * 3) % NELEM(bench_sections)]);
		/* Subheadings, spread evenly over the sections. */
		for (k = 0; k < (BENCH_SUBS * (s + 1)) / BENCH_SECTIONS -
		    (BENCH_SUBS * s) / BENCH_SECTIONS; k++, sub++)
			fprintf(f, "      - subheading: \"%s %s and %s\"\n"
			    "      - paragraph: More words.\n",
			    sub % 3 == 0 ? "About" : sub % 3 == 1 ?
			    "Your" : "When you need",
			    bench_pick(bench_words, NELEM(bench_words)),
			    bench_pick(bench_words, NELEM(bench_words)));
	}
	fclose(f);
}

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e6 + ts.tv_nsec / 1e3);
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Sorts v and returns its median. */
static double
bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), bench_cmp);
	return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

int
main(int argc, char *argv[])
{
	struct library		 lib;
	struct diag_list	 d;
	struct search_index	*idx;
	struct search_query	 q;
	struct search_result	*r;
	char			 dir[] = "/tmp/pamphlet-bench.XXXXXX";
	char			 path[4096], prefix[64], worstkey[64] = "";
	double			*all, *one, builds[BENCH_BUILDS], t0, worst = 0;
	double			 med, worstmed = 0;
	size_t			 i, j, k, n, nall = 0, len, nres = 0;

	i18n_init(NULL);
	if (argc > 2) {
		fprintf(stderr, "usage: search [DIR]\n");
		return (2);
	}
	if (argc < 2) {
		if (mkdtemp(dir) == NULL)
			fatal("cannot make a temporary directory");
		for (i = 0; i < BENCH_TOPICS; i++)
			bench_write(dir, i);
	}
	doc_library_init(&lib);
	diag_init(&d);
	if (library_load_dir(argc < 2 ? dir : argv[1], &lib, &d) != 0 ||
	    d.nerrors != 0) {
		diag_print(stderr, &d);
		fatal("the library does not load");
	}
	diag_free(&d);
	if (argc < 2) {
		for (i = 0; i < BENCH_TOPICS; i++) {
			snprintf(path, sizeof(path), "%s/t%03zu.yaml", dir,
			    i);
			unlink(path);
		}
		rmdir(dir);
	}

	for (i = 0; i < BENCH_BUILDS; i++) {
		t0 = bench_now();
		idx = search_index_build(&lib, i18n_lang_default());
		builds[i] = bench_now() - t0;
		if (i + 1 < BENCH_BUILDS)
			search_index_free(idx);
	}
	printf("library: %zu topics, %zu headings\n", lib.ntopics, idx->n);
	printf("index build: median %.0f us over %d builds\n",
	    bench_median(builds, BENCH_BUILDS), BENCH_BUILDS);

	for (i = 0, n = 0; i < NELEM(bench_queries); i++)
		n += strlen(bench_queries[i]);
	all = xreallocarray(NULL, n * BENCH_REPS, sizeof(*all));
	one = xreallocarray(NULL, BENCH_REPS, sizeof(*one));
	printf("%-16s %8s %10s %10s\n", "typed", "results", "median us",
	    "worst us");
	for (i = 0; i < NELEM(bench_queries); i++) {
		len = strlen(bench_queries[i]);
		for (j = 1; j <= len; j++) {
			memcpy(prefix, bench_queries[i], j);
			prefix[j] = '\0';
			for (k = 0; k < BENCH_REPS; k++) {
				t0 = bench_now();
				search_query_parse(&q, prefix);
				nres = search_headings(idx, &q, &r);
				one[k] = bench_now() - t0;
				free(r);
				search_query_free(&q);
				all[nall++] = one[k];
			}
			med = bench_median(one, BENCH_REPS);
			if (one[BENCH_REPS - 1] > worst)
				worst = one[BENCH_REPS - 1];
			if (med > worstmed) {
				worstmed = med;
				memcpy(worstkey, prefix, j + 1);
			}
			printf("%-16s %8zu %10.1f %10.1f\n", prefix, nres,
			    med, one[BENCH_REPS - 1]);
		}
	}
	printf("per keystroke: median %.1f us, worst keystroke's median "
	    "%.1f us (in \"%s\"), worst single run %.1f us, %zu runs\n",
	    bench_median(all, nall), worstmed, worstkey, worst, nall);
	free(all);
	free(one);
	search_index_free(idx);
	doc_library_free(&lib);
	return (0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * readability-text: prints the English text of every section of the
 * given topic files or directories as --check counts it, for
 * tools/compare-style to feed to GNU style.  For each section, in file
 * name order, a line
 *
 *	\f TOPIC/SECTION WORDS SENTENCES SYLLABLES GRADE
 *
 * (a form feed, which no unit can hold, then pamphlet's counts), then one
 * unit a line, with a "." added where it has no final stop so that style
 * sees the same sentence ends.  Problems loading topics go to stderr.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "diag.h"
#include "doc.h"
#include "readability.h"
#include "xalloc.h"

static int	 rt_cmp(const void *, const void *);
static int	 rt_stop_end(const char *, size_t);
static void	 rt_unit(const char *, void *);

static int
rt_cmp(const void *a, const void *b)
{
	const struct topic	*ta = *(const struct topic *const *)a;
	const struct topic	*tb = *(const struct topic *const *)b;

	return (strcmp(ta->file, tb->file));
}

/* Whether s[0, len) ends with a stop, closing marks aside. */
static int
rt_stop_end(const char *s, size_t len)
{
	while (len > 0 && strchr("\"')]*", s[len - 1]) != NULL)
		len--;
	if (len >= 3 && (memcmp(s + len - 3, "\xe2\x80\x9d", 3) == 0 ||
	    memcmp(s + len - 3, "\xe2\x80\x99", 3) == 0))
		return (rt_stop_end(s, len - 3));
	if (len > 0 && strchr(".!?", s[len - 1]) != NULL)
		return (1);
	/* U+2026, U+3002, U+FF01, U+FF1F. */
	return (len >= 3 && (memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0 ||
	    memcmp(s + len - 3, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(s + len - 3, "\xef\xbc\x81", 3) == 0 ||
	    memcmp(s + len - 3, "\xef\xbc\x9f", 3) == 0));
}

static void
rt_unit(const char *unit, void *arg)
{
	size_t	len = strlen(unit);

	(void)arg;
	while (len > 0 && strchr(" \t\n", unit[len - 1]) != NULL)
		len--;
	if (rt_stop_end(unit, len)) {
		printf("%.*s\n", (int)len, unit);
		return;
	}
	/* "Your plan may deal with:" ends as a sentence does. */
	while (len > 0 && strchr(":;,", unit[len - 1]) != NULL)
		len--;
	printf("%.*s.\n", (int)len, unit);
}

int
main(int argc, char *argv[])
{
	struct library		  lib;
	struct diag_list	  diags;
	struct readability	  r;
	const struct topic	**topics;
	const struct section	 *sec;
	size_t			  i, j;

	if (argc < 2) {
		fputs("usage: readability-text PATH...\n", stderr);
		return (2);
	}
	doc_library_init(&lib);
	diag_init(&diags);
	library_check_paths(argv + 1, (size_t)argc - 1, &lib, &diags);
	diag_print(stderr, &diags);
	diag_free(&diags);
	topics = xcalloc(lib.ntopics + 1, sizeof(*topics));
	for (i = 0; i < lib.ntopics; i++)
		topics[i] = lib.topics[i];
	qsort(topics, lib.ntopics, sizeof(*topics), rt_cmp);
	for (i = 0; i < lib.ntopics; i++) {
		for (j = 0; j < topics[i]->nsections; j++) {
			sec = &topics[i]->sections[j];
			memset(&r, 0, sizeof(r));
			readability_section(sec, &r);
			printf("\f%s/%s %zu %zu %zu %.1f\n", topics[i]->id,
			    sec->id, r.words, r.sentences, r.syllables,
			    readability_grade(&r));
			readability_section_units(sec, rt_unit, NULL);
		}
	}
	free(topics);
	doc_library_free(&lib);
	return (0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The floor for loading topics: libyaml's bare event parse of the same
 * files, with nothing built from the events.  Each file is opened, every
 * event parsed and deleted, and the file closed, as a loader must at the
 * least.  With -r N the whole set is parsed N times in this process and
 * the median time printed:
 *
 *	files F bytes B events E median_ms M mib_s T
 *
 * Without -r it parses once and prints nothing, for timing from outside.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

static double	 yp_now(void);
static long	 yp_file(const char *, long *);
static int	 yp_cmp(const void *, const void *);

static double
yp_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/* Parses one file; returns its events, or -1.  Adds its size to *bytes. */
static long
yp_file(const char *path, long *bytes)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	FILE		*f;
	long		 n = 0;
	int		 done = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return (-1);
	}
	if (!yaml_parser_initialize(&p)) {
		fclose(f);
		return (-1);
	}
	yaml_parser_set_input_file(&p, f);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "yparse: %s: %s\n", path,
			    p.problem != NULL ? p.problem : "error");
			n = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
	}
	*bytes += ftell(f);
	yaml_parser_delete(&p);
	fclose(f);
	return (n);
}

static int
yp_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

int
main(int argc, char *argv[])
{
	double	*t, t0, med;
	long	 bytes, events, n;
	int	 c, i, r, reps = 0;

	while ((c = getopt(argc, argv, "r:")) != -1) {
		switch (c) {
		case 'r':
			reps = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: yparse [-r N] file...\n");
			return (2);
		}
	}
	if (optind >= argc || reps < 0) {
		fprintf(stderr, "usage: yparse [-r N] file...\n");
		return (2);
	}
	if ((t = calloc(reps + 1, sizeof(*t))) == NULL)
		return (1);
	for (r = 0; r < (reps > 0 ? reps : 1); r++) {
		bytes = events = 0;
		t0 = yp_now();
		for (i = optind; i < argc; i++) {
			if ((n = yp_file(argv[i], &bytes)) < 0)
				return (1);
			events += n;
		}
		t[r] = yp_now() - t0;
	}
	if (reps > 0) {
		qsort(t, reps, sizeof(*t), yp_cmp);
		med = reps % 2 ? t[reps / 2] :
		    (t[reps / 2 - 1] + t[reps / 2]) / 2;
		printf("files %d bytes %ld events %ld median_ms %.3f "
		    "mib_s %.1f\n", argc - optind, bytes, events, med,
		    bytes / 1048576.0 / (med / 1e3));
	}
	free(t);
	return (0);
}

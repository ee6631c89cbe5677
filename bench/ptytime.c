/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Times a program the way a reader sees it: started on a fresh 80x24
 * pseudo-terminal (TERM=xterm-256color, LANG=C.UTF-8), the clock runs
 * from just before fork() until a marker string first shows in what the
 * program writes; then the quit key is sent, the child is reaped and its
 * peak RSS (ru_maxrss) taken.  With -x there is no terminal: the program
 * runs with its output thrown away and is timed until it exits.
 *
 * One or more warm-up runs, then the timed runs; prints one line:
 *
 *	runs N median_ms M min_ms M p90_ms M maxrss_kib K
 *
 * where maxrss_kib is the median of the runs' peak RSS.  -o FILE saves
 * what the first timed run wrote up to the marker, to choose markers.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PT_MAX_RUNS	1000
#define PT_BUF		65536
#define PT_MARKER_MAX	256

struct pt_opts {
	int		 runs;
	int		 warmups;
	int		 cols;
	int		 rows;
	int		 nopty;		/* -x: no terminal, time to exit */
	double		 timeout_ms;
	const char	*marker;
	const char	*quit;
	const char	*save;
	char		**argv;
};

struct pt_run {
	double	ms;
	long	maxrss;		/* KiB */
};

static double	 pt_now(void);
static void	 pt_child_env(void);
static int	 pt_run_pty(const struct pt_opts *, struct pt_run *, FILE *);
static int	 pt_run_plain(const struct pt_opts *, struct pt_run *);
static void	 pt_drain(int, pid_t, struct rusage *, int *);
static int	 pt_cmp_double(const void *, const void *);
static int	 pt_cmp_long(const void *, const void *);
static void	 pt_usage(void) __attribute__((noreturn));

static double
pt_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/* What every program under test sees, whatever our caller had. */
static void
pt_child_env(void)
{
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	unsetenv("LC_MESSAGES");
	unsetenv("LANGUAGE");
	unsetenv("COLUMNS");
	unsetenv("LINES");
}

/*
 * Reads what is left until the child has gone (a pty reports EIO once
 * the last slave is closed), so that it never blocks writing, then reaps
 * it.  A child that will not go is killed after two seconds.
 */
static void
pt_drain(int fd, pid_t pid, struct rusage *ru, int *status)
{
	struct pollfd	 p;
	char		 buf[PT_BUF];
	double		 until = pt_now() + 2000;
	ssize_t		 n;
	pid_t		 w;

	for (;;) {
		w = wait4(pid, status, WNOHANG, ru);
		if (w == pid)
			break;
		if (pt_now() > until) {
			kill(pid, SIGKILL);
			until = pt_now() + 60000;
		}
		p.fd = fd;
		p.events = POLLIN;
		if (fd < 0 || poll(&p, 1, 10) <= 0)
			continue;
		n = read(fd, buf, sizeof(buf));
		if (n <= 0)
			fd = -1;
	}
}

static int
pt_run_pty(const struct pt_opts *o, struct pt_run *r, FILE *save)
{
	struct winsize	 ws;
	struct rusage	 ru;
	struct pollfd	 p;
	char		 buf[PT_BUF + PT_MARKER_MAX];
	size_t		 mlen = strlen(o->marker), keep = 0;
	double		 t0, t1 = -1, left;
	ssize_t		 n;
	pid_t		 pid;
	int		 fd, status;

	memset(&ws, 0, sizeof(ws));
	ws.ws_col = o->cols;
	ws.ws_row = o->rows;
	t0 = pt_now();
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1) {
		perror("ptytime: forkpty");
		return (-1);
	}
	if (pid == 0) {
		pt_child_env();
		execvp(o->argv[0], o->argv);
		fprintf(stderr, "ptytime: cannot run %s: %s\n", o->argv[0],
		    strerror(errno));
		_exit(127);
	}
	/*
	 * Keep the marker's length less one byte of the last read before
	 * the new bytes, so that a marker split between reads is found.
	 */
	for (;;) {
		left = o->timeout_ms - (pt_now() - t0);
		if (left <= 0)
			break;
		p.fd = fd;
		p.events = POLLIN;
		if (poll(&p, 1, (int)left + 1) <= 0)
			continue;
		if ((n = read(fd, buf + keep, PT_BUF)) <= 0)
			break;
		if (save != NULL)
			fwrite(buf + keep, 1, n, save);
		keep += n;
		buf[keep] = '\0';
		if (memmem(buf, keep, o->marker, mlen) != NULL) {
			t1 = pt_now();
			break;
		}
		if (keep >= mlen) {
			memmove(buf, buf + keep - (mlen - 1), mlen - 1);
			keep = mlen - 1;
		}
	}
	if (write(fd, o->quit, strlen(o->quit)) == -1) {
		/* It has gone already: it is reaped all the same. */
	}
	pt_drain(fd, pid, &ru, &status);
	close(fd);
	if (t1 < 0) {
		fprintf(stderr, "ptytime: %s: marker \"%s\" not seen in %.0f "
		    "ms (exit status %d)\n", o->argv[0], o->marker,
		    o->timeout_ms, WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status));
		return (-1);
	}
	r->ms = t1 - t0;
	r->maxrss = ru.ru_maxrss;
	return (0);
}

static int
pt_run_plain(const struct pt_opts *o, struct pt_run *r)
{
	struct rusage	 ru;
	double		 t0;
	pid_t		 pid;
	int		 status, fd;

	t0 = pt_now();
	if ((pid = fork()) == -1) {
		perror("ptytime: fork");
		return (-1);
	}
	if (pid == 0) {
		pt_child_env();
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
		}
		execvp(o->argv[0], o->argv);
		fprintf(stderr, "ptytime: cannot run %s: %s\n", o->argv[0],
		    strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) == -1)
		if (errno != EINTR) {
			perror("ptytime: wait4");
			return (-1);
		}
	r->ms = pt_now() - t0;
	r->maxrss = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "ptytime: %s failed (status %d)\n",
		    o->argv[0], status);
		return (-1);
	}
	return (0);
}

static int
pt_cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static int
pt_cmp_long(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return (x < y ? -1 : x > y);
}

static void
pt_usage(void)
{
	fprintf(stderr, "usage: ptytime [-x] [-n runs] [-w warmups] "
	    "[-m marker] [-q quitkeys]\n"
	    "               [-s COLSxROWS] [-t timeout_ms] [-o file] "
	    "command [arg...]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct pt_opts	 o;
	struct pt_run	 r;
	static double	 ms[PT_MAX_RUNS];
	static long	 rss[PT_MAX_RUNS];
	FILE		*save = NULL;
	double		 med;
	int		 c, i, n;

	memset(&o, 0, sizeof(o));
	o.runs = 20;
	o.warmups = 1;
	o.cols = 80;
	o.rows = 24;
	o.timeout_ms = 10000;
	o.quit = "q";
	while ((c = getopt(argc, argv, "+m:n:o:q:s:t:w:x")) != -1) {
		switch (c) {
		case 'm':
			if (strlen(optarg) == 0 ||
			    strlen(optarg) >= PT_MARKER_MAX)
				pt_usage();
			o.marker = optarg;
			break;
		case 'n':
			o.runs = atoi(optarg);
			break;
		case 'o':
			o.save = optarg;
			break;
		case 'q':
			o.quit = optarg;
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &o.cols, &o.rows) != 2)
				pt_usage();
			break;
		case 't':
			o.timeout_ms = atof(optarg);
			break;
		case 'w':
			o.warmups = atoi(optarg);
			break;
		case 'x':
			o.nopty = 1;
			break;
		default:
			pt_usage();
		}
	}
	if (optind >= argc || o.runs < 1 || o.runs > PT_MAX_RUNS ||
	    o.warmups < 0 || (!o.nopty && o.marker == NULL) ||
	    o.cols < 1 || o.rows < 1)
		pt_usage();
	o.argv = argv + optind;

	for (i = 0, n = 0; i < o.warmups + o.runs; i++) {
		if (o.save != NULL && i == o.warmups &&
		    (save = fopen(o.save, "w")) == NULL) {
			perror(o.save);
			return (1);
		}
		if ((o.nopty ? pt_run_plain(&o, &r) :
		    pt_run_pty(&o, &r, save)) == -1)
			return (1);
		if (save != NULL) {
			fclose(save);
			save = NULL;
		}
		if (i < o.warmups)
			continue;
		ms[n] = r.ms;
		rss[n++] = r.maxrss;
	}
	qsort(ms, n, sizeof(ms[0]), pt_cmp_double);
	qsort(rss, n, sizeof(rss[0]), pt_cmp_long);
	med = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
	printf("runs %d median_ms %.3f min_ms %.3f p90_ms %.3f "
	    "maxrss_kib %ld\n", n, med, ms[0], ms[(n * 9 + 9) / 10 - 1],
	    rss[n / 2]);
	return (0);
}

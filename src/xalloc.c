/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Allocation wrappers that never return NULL, and fatal(), which runs
 * the cleanup hook (restoring the terminal) before printing and exiting.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void (*xalloc_cleanup)(void);

void
xalloc_set_cleanup(void (*fn)(void))
{
	xalloc_cleanup = fn;
}

void
fatal(const char *fmt, ...)
{
	va_list	ap;

	if (xalloc_cleanup != NULL) {
		void (*fn)(void) = xalloc_cleanup;

		xalloc_cleanup = NULL;
		fn();
	}
	fputs("pamphlet: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* A run-time failure: 2 is kept for a wrong command line. */
	exit(EXIT_FAILURE);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatal("out of memory (%zu bytes)", size);
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return (p);
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if (SIZE_MAX / n < size)
		fatal("allocation too large (%zu x %zu bytes)", n, size);
	if ((p = realloc(old, n * size)) == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return (p);
}

void
xgrow(void *array, size_t *cap, size_t need, size_t size)
{
	void	**ap = array;
	size_t	  ncap;

	if (need <= *cap)
		return;
	ncap = *cap < 8 ? 8 : *cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			fatal("allocation too large");
		ncap *= 2;
	}
	*ap = xreallocarray(*ap, ncap, size);
	*cap = ncap;
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("out of memory");
	return (p);
}

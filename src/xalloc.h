/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Allocation that never fails: on exhaustion the registered cleanup hook
 * runs (it restores the terminal) and the program exits.
 */
#ifndef PAMPHLET_XALLOC_H
#define PAMPHLET_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Grow *array (of *cap elements of size) so that it holds at least need. */
void	 xgrow(void *array, size_t *cap, size_t need, size_t size);

/* Called once before the program dies from fatal(); may be NULL. */
void	 xalloc_set_cleanup(void (*)(void));
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif

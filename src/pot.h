/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The translation template of the topics: every string a patient reads,
 * as PO entries with their gettext context, the YAML key path and any
 * translator note as "#." comments, and FILE:LINE as "#:".  Written from
 * the loaded model, so the template holds exactly the text the viewer
 * looks up.
 */
#ifndef PAMPHLET_POT_H
#define PAMPHLET_POT_H

#include <stdio.h>

struct library;

struct tstr;

/* Writes the template of every topic in the library; -1 on a write error. */
int	pot_write(FILE *, const struct library *);

/*
 * Calls fn for every string the template holds, in reading order, once
 * for each place it is used: its file and its YAML key path
 * ("sections[anatomy].blocks[1].figure.art"), as the "#." comment gives.
 */
typedef void	pot_fn(const struct tstr *, const char *file,
		    const char *path, void *arg);
void	pot_walk(const struct library *, pot_fn *, void *arg);

#endif

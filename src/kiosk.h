/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kiosk policy: what a reader at a public machine may do.  One predicate,
 * consulted by the dispatcher for every action, rather than checks spread
 * through the code; and the administrator's exit chord, off by default.
 */
#ifndef PAMPHLET_KIOSK_H
#define PAMPHLET_KIOSK_H

#include <stddef.h>
#include <stdint.h>

#include "keymap.h"

#define KIOSK_IDLE_DEFAULT	120	/* seconds */
#define KIOSK_CHORD_MAX		8

struct kiosk {
	int		enabled;
	int		idle;			/* seconds; 0: never reset */
	uint32_t	chord[KIOSK_CHORD_MAX];	/* keys that end the program */
	size_t		nchord;			/* 0: no chord */
	size_t		matched;		/* chord keys typed so far */
};

/* 1 if the action is allowed (everything is, outside kiosk mode). */
int	kiosk_allows(const struct kiosk *, enum action);
/* Why a chord was refused. */
struct kiosk_chord_error {
	const char	*key;		/* the key refused, within the text */
	size_t		 keylen;	/* 0: the chord as a whole is wrong */
	const char	*why;		/* words marked N_(): translate them */
};

/*
 * Parses an exit chord such as "C-x C-k C-q": two to eight keys, each a
 * printable character, "C-" and a letter, or "F1" to "F24", each key
 * matched exactly.  Keys that arrive as another key (C-m is Enter) are
 * refused.  Returns 0, or -1 with the reason in *err.
 */
int	kiosk_chord_parse(struct kiosk *, const char *,
	    struct kiosk_chord_error *err);
/* Feeds a key; 1 when it completes the chord. */
int	kiosk_chord_feed(struct kiosk *, uint32_t key);

#endif

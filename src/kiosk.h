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
/*
 * Parses an exit chord such as "C-x C-k C-q": up to eight keys, each a
 * printable character, "C-" and a letter, or "F1" to "F12" (any F-key).
 * Returns 0, or -1 if the text is not a chord.
 */
int	kiosk_chord_parse(struct kiosk *, const char *);
/* Feeds a key; 1 when it completes the chord. */
int	kiosk_chord_feed(struct kiosk *, uint32_t key);

#endif

/*
 * The terminal: curses start and end, keys translated to our own codes,
 * signals turned into flags, and a terminal always restored, also after
 * a crash.  Only term.c and render.c include <curses.h>.
 */
#ifndef PAMPHLET_TERM_H
#define PAMPHLET_TERM_H

#include <stdint.h>

struct term_opts {
	int	raw;		/* Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys */
	int	color;		/* use colour if the terminal has it */
	int	mouse;		/* taps, clicks and the wheel */
};

/* What the mouse did, after term_read gave KEYMAP_MOUSE. */
enum term_mouse {
	TERM_MOUSE_NONE,
	TERM_MOUSE_TAP,
	TERM_MOUSE_WHEEL_UP,
	TERM_MOUSE_WHEEL_DOWN
};

enum term_mouse	term_mouse(int *x, int *y);

/* Takes over the terminal; -1 (with a message) if it cannot. */
int	term_init(const struct term_opts *);
/* Gives the terminal back as it was.  Safe to call twice. */
void	term_end(void);

#define TERM_TIMEOUT	0	/* no key within the time */
#define TERM_KEY	1	/* *key holds a key */
#define TERM_QUIT	2	/* a signal or a lost terminal: end now */

/* Waits up to ms milliseconds (-1: forever) for a key. */
int	term_read(int ms, uint32_t *key);
/* 1 if more input is waiting to be read. */
int	term_pending(void);
/*
 * Forgets what was shown, at once: the screen is erased line by line and
 * cleared, and the terminal's scrollback is cleared where it can be
 * (terminfo E3), before this returns.  The next draw repaints everything.
 */
void	term_forget(void);
/* The screen size. */
void	term_size(int *cols, int *rows);
/* The signal that ended the wait, or 0. */
int	term_signal(void);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The terminal: curses start and end, keys translated to our own codes,
 * signals turned into flags, and a terminal always restored, also after
 * a crash.  Only tty.c and render.c include <curses.h>.
 */
#ifndef PAMPHLET_TTY_H
#define PAMPHLET_TTY_H

#include <stdint.h>
#include <stdio.h>

struct tty_opts {
	int	raw;		/* Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys */
	int	color;		/* use colour if the terminal has it */
	int	mouse;		/* taps, clicks and the wheel */
};

/* What the mouse did, after tty_read gave KEYMAP_MOUSE. */
enum tty_mouse {
	TTY_MOUSE_NONE,
	TTY_MOUSE_TAP,
	TTY_MOUSE_WHEEL_UP,
	TTY_MOUSE_WHEEL_DOWN
};

enum tty_mouse	tty_mouse(int *x, int *y);

/* Takes over the terminal; -1 (with a message) if it cannot. */
int	tty_init(const struct tty_opts *);
/* Gives the terminal back as it was.  Safe to call twice. */
void	tty_end(void);

#define TTY_TIMEOUT	0	/* no key within the time */
#define TTY_KEY	1	/* *key holds a key */
#define TTY_QUIT	2	/* a signal or a lost terminal: end now */

/* Waits up to ms milliseconds (-1: forever) for a key. */
int	tty_read(int ms, uint32_t *key);
/* 1 if more input is waiting to be read. */
int	tty_pending(void);
/*
 * Forgets what was shown, at once: the screen is erased line by line and
 * cleared, and the terminal's scrollback is cleared where it can be
 * (terminfo E3), before this returns.  The next draw repaints everything.
 */
void	tty_forget(void);
/* The screen size. */
void	tty_size(int *cols, int *rows);
/* The signal that ended the wait, or 0. */
int	tty_signal(void);

/*
 * Whether the terminal shows UTF-8, as i18n_init found from the locale
 * before it changed it.  Until it is set, it does not.
 */
void	tty_set_utf8(int);
int	tty_utf8(void);
/*
 * Writes text for a person to read on stdout or stderr: as it is on a
 * UTF-8 terminal, as plain ASCII otherwise (an 8-bit terminal would take
 * some UTF-8 bytes for control codes).
 */
int	tty_fputs(const char *, FILE *);
int	tty_printf(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * A message for standard error, as tty_printf writes it, after the
 * program's name: "pamphlet: ".  The name is never part of a translated
 * message, so that every message starts the same way.
 */
int	tty_error(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif

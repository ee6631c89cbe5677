/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drawing: a view and its layout onto the curses screen.  Reads state,
 * never changes it.  Only tty.c and render.c include <curses.h>.
 */
#ifndef PAMPHLET_RENDER_H
#define PAMPHLET_RENDER_H

struct view;

/* Themes: how styles look.  Meaning never rests on colour alone. */
enum render_theme {
	RENDER_THEME_DEFAULT,		/* colour where the terminal has it */
	RENDER_THEME_HIGH_CONTRAST,	/* bold, bright, reverse video */
	RENDER_THEME_MONO		/* attributes only, no colour */
};

/* The theme named, or -1. */
int	render_theme_parse(const char *);
/* Sets up attributes for every layout style (colour if it is on). */
void	render_init(enum render_theme, int color);
void	render_draw(const struct view *);
/* Makes the next draw repaint the whole screen (Ctrl-L). */
void	render_redraw(void);

#endif

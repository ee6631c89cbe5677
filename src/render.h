/*
 * Drawing: a view and its layout onto the curses screen.  Reads state,
 * never changes it.  Only term.c and render.c include <curses.h>.
 */
#ifndef PAMPHLET_RENDER_H
#define PAMPHLET_RENDER_H

struct view;

/* Sets up attributes for every layout style; colour if it is on. */
void	render_init(int color);
void	render_draw(const struct view *);
/* Makes the next draw repaint the whole screen (Ctrl-L). */
void	render_redraw(void);

#endif

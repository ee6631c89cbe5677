/*
 * Renderer: the title bar, the page of layout lines, the status line,
 * and the "too small" notice.  Drawing goes through one wnoutrefresh and
 * doupdate a frame, with no full-screen clears, so speech and braille
 * tools are not made to read the screen again.  Text is clipped by
 * display width, never by bytes.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "render.h"
#include "text.h"
#include "view.h"

/* Colour pairs, by number. */
enum render_pair {
	PAIR_NONE,
	PAIR_RED,
	PAIR_YELLOW,
	PAIR_GREEN,
	PAIR_BLUE,
	PAIR_CYAN,
	PAIR_MAGENTA
};

static attr_t	render_attr[LAYOUT_STYLE_MAX];

static void	render_text(int, int, const char *, size_t, int, attr_t);
static void	render_bar(int, const char *, const char *);
static void	render_page(const struct view *);
static void	render_small(const struct view *);
static const char *render_title(const struct view *, char *, size_t);

void
render_init(int color)
{
	static const struct {
		enum layout_style	style;
		attr_t			mono;
		enum render_pair	pair;
	} styles[] = {
		{ LAYOUT_TEXT,		A_NORMAL,	PAIR_NONE },
		{ LAYOUT_EMPH,		A_BOLD,		PAIR_NONE },
		{ LAYOUT_TITLE,		A_BOLD,		PAIR_CYAN },
		{ LAYOUT_SUMMARY,	A_NORMAL,	PAIR_NONE },
		{ LAYOUT_META,		A_NORMAL,	PAIR_NONE },
		{ LAYOUT_NOTICE,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_HEADING,	A_BOLD,		PAIR_CYAN },
		{ LAYOUT_SUBHEADING,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_MARKER,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_EMERGENCY,	A_BOLD,		PAIR_RED },
		{ LAYOUT_URGENT,	A_BOLD,		PAIR_YELLOW },
		{ LAYOUT_NON_URGENT,	A_BOLD,		PAIR_GREEN },
		{ LAYOUT_INFO,		A_BOLD,		PAIR_BLUE },
		{ LAYOUT_EVIDENCE,	A_BOLD,		PAIR_MAGENTA },
		{ LAYOUT_GRADE,		A_BOLD,		PAIR_NONE },
		{ LAYOUT_FIGURE,	A_NORMAL,	PAIR_NONE },
		{ LAYOUT_CAPTION,	A_NORMAL,	PAIR_NONE },
		{ LAYOUT_LINK,		A_UNDERLINE,	PAIR_BLUE },
		{ LAYOUT_KEY,		A_BOLD,		PAIR_NONE },
	};
	unsigned	i;

	if (color) {
		init_pair(PAIR_RED, COLOR_RED, -1);
		init_pair(PAIR_YELLOW, COLOR_YELLOW, -1);
		init_pair(PAIR_GREEN, COLOR_GREEN, -1);
		init_pair(PAIR_BLUE, COLOR_BLUE, -1);
		init_pair(PAIR_CYAN, COLOR_CYAN, -1);
		init_pair(PAIR_MAGENTA, COLOR_MAGENTA, -1);
	}
	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		render_attr[styles[i].style] = styles[i].mono;
		if (color && styles[i].pair != PAIR_NONE)
			render_attr[styles[i].style] |=
			    COLOR_PAIR(styles[i].pair);
	}
}

/* Writes at most cols columns of s at (y, x); returns nothing. */
static void
render_text(int y, int x, const char *s, size_t len, int cols, attr_t a)
{
	size_t	n;
	int	w;

	if (cols <= 0 || len == 0)
		return;
	n = text_fit(s, len, cols, &w);
	attrset(a);
	mvaddnstr(y, x, s, (int)n);
}

/* A reverse-video bar: left text, right text, right one wins space. */
static void
render_bar(int y, const char *left, const char *right)
{
	int	cols = COLS, rw, lw;

	attrset(A_REVERSE);
	mvhline(y, 0, ' ', cols);
	rw = text_width(right, strlen(right));
	if (rw > cols)
		rw = 0;
	lw = cols - rw - (rw > 0 ? 1 : 0);
	render_text(y, 0, left, strlen(left), lw, A_REVERSE);
	if (rw > 0)
		render_text(y, cols - rw, right, strlen(right), rw, A_REVERSE);
	attrset(A_NORMAL);
}

static const char *
render_title(const struct view *v, char *buf, size_t len)
{
	const struct topic	*t = v->topic >= 0 ?
				    v->lib->topics[v->topic] : NULL;

	switch (v->screen) {
	case VIEW_CONTENTS:
		/* TRANSLATORS: title bar; %s is a topic's title. */
		snprintf(buf, len, _(" %s: contents"),
		    i18n_content(&t->title));
		break;
	case VIEW_READING:
		snprintf(buf, len, " %s", i18n_content(&t->title));
		break;
	case VIEW_HELP:
		snprintf(buf, len, " %s", _("Help"));
		break;
	default:
		/* TRANSLATORS: title bar of the home screen. */
		snprintf(buf, len, " %s", _("Health topics"));
		break;
	}
	return (buf);
}

static void
render_page(const struct view *v)
{
	const struct layout		*l = v->layout;
	const struct layout_line	*ln;
	const struct layout_span	*sp;
	const struct layout_link	*k = NULL;
	size_t				 i, s;
	int				 y, x, rows = view_page_rows(v), cy = 1;
	attr_t				 a;

	if (v->focus >= 0 && (size_t)v->focus < l->nlinks)
		k = &l->links[v->focus];
	for (y = 0; y < rows; y++) {
		move(1 + y, 0);
		clrtoeol();
		i = v->top + y;
		if (i >= l->nlines)
			continue;
		ln = &l->lines[i];
		x = 0;
		for (s = 0; s < ln->nspans; s++) {
			sp = &l->spans[ln->span + s];
			a = render_attr[sp->style];
			if (k != NULL && i >= k->first && i <= k->last)
				a |= A_REVERSE;
			render_text(1 + y, x, layout_line_text(l, ln) + sp->off,
			    sp->len, COLS - x, a);
			x += text_width(layout_line_text(l, ln) + sp->off,
			    sp->len);
			if (x >= COLS)
				break;
		}
		if (k != NULL && i == k->first)
			cy = 1 + y;
	}
	attrset(A_NORMAL);
	/* Park the cursor where a screen reader should read. */
	move(cy, 0);
}

static void
render_small(const struct view *v)
{
	const char	*msg = _("Window too small");
	int		 w = text_width(msg, strlen(msg));

	(void)v;
	erase();
	render_text(LINES / 2, w < COLS ? (COLS - w) / 2 : 0, msg,
	    strlen(msg), COLS, A_BOLD);
}

void
render_draw(const struct view *v)
{
	char		 title[256], left[256], right[128];
	long		 s;

	if (v->too_small) {
		render_small(v);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	render_bar(0, render_title(v, title, sizeof(title)), "");
	render_page(v);

	if (v->message != NULL)
		snprintf(left, sizeof(left), " %s", v->message);
	else if ((s = view_section(v)) >= 0)
		snprintf(left, sizeof(left), " %ld. %s", s + 1,
		    v->layout->section_title[s]);
	else if (v->screen == VIEW_LIBRARY || v->screen == VIEW_CONTENTS)
		snprintf(left, sizeof(left), " %s",
		    _("Up/Down: choose  Enter: open"));
	else
		left[0] = '\0';
	/* On a narrow screen the place matters more than the key hints. */
	if (COLS >= 60)
		/* TRANSLATORS: status line; %d%% is how far through the page. */
		snprintf(right, sizeof(right), _("%d%%  ?: help  q: quit "),
		    view_percent(v));
	else
		snprintf(right, sizeof(right), "%d%% ", view_percent(v));
	{
		int	y, x;

		getyx(stdscr, y, x);
		render_bar(LINES - 1, left, right);
		move(y, x);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

void
render_redraw(void)
{
	clearok(curscr, TRUE);
}

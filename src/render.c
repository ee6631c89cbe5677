/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "render.h"
#include "text.h"
#include "tty.h"
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
static int	render_width(uint32_t);
static void	render_bar(int, const char *, const char *);
static void	render_page(const struct view *);
static void	render_small(const struct view *);
static const char *render_title(const struct view *, char *, size_t);
static void	render_search(const struct view *);
static int	render_typed(int, const char *, const struct view_line *);
static void	render_hits(const struct view *, size_t, int);
static void	render_buttons(const struct view *);

int
render_theme_parse(const char *name)
{
	static const char *const names[] = {
		"default", "high-contrast", "mono"
	};
	int			 i;

	for (i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0)
			return (i);
	return (-1);
}

void
render_init(enum render_theme theme, int color)
{
	static const struct {
		enum layout_style	style;
		attr_t			mono;
		attr_t			contrast;
		enum render_pair	pair;
	} styles[] = {
		{ LAYOUT_TEXT,		A_NORMAL,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_EMPH,		A_BOLD,		A_BOLD | A_UNDERLINE, PAIR_NONE },
		{ LAYOUT_TITLE,		A_BOLD,		A_BOLD,		PAIR_CYAN },
		{ LAYOUT_SUMMARY,	A_NORMAL,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_META,		A_NORMAL,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_NOTICE,	A_BOLD,		A_BOLD,		PAIR_NONE },
		{ LAYOUT_HEADING,	A_BOLD,		A_BOLD | A_UNDERLINE, PAIR_CYAN },
		{ LAYOUT_SUBHEADING,	A_BOLD,		A_BOLD,		PAIR_NONE },
		{ LAYOUT_MARKER,	A_BOLD,		A_BOLD,		PAIR_NONE },
		{ LAYOUT_EMERGENCY,	A_BOLD,		A_BOLD | A_REVERSE, PAIR_RED },
		{ LAYOUT_URGENT,	A_BOLD,		A_BOLD | A_REVERSE, PAIR_YELLOW },
		{ LAYOUT_NON_URGENT,	A_BOLD,		A_BOLD,		PAIR_GREEN },
		{ LAYOUT_INFO,		A_BOLD,		A_BOLD,		PAIR_BLUE },
		{ LAYOUT_EVIDENCE,	A_BOLD,		A_BOLD,		PAIR_MAGENTA },
		{ LAYOUT_GRADE,		A_BOLD,		A_BOLD | A_UNDERLINE, PAIR_NONE },
		{ LAYOUT_FIGURE,	A_NORMAL,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_CAPTION,	A_NORMAL,	A_BOLD,		PAIR_NONE },
		{ LAYOUT_LINK,		A_UNDERLINE,	A_BOLD | A_UNDERLINE, PAIR_BLUE },
		{ LAYOUT_KEY,		A_BOLD,		A_BOLD,		PAIR_NONE },
	};
	unsigned	i;

	if (theme == RENDER_THEME_MONO)
		color = 0;
	if (color && theme == RENDER_THEME_HIGH_CONTRAST) {
		/* Bright on black; yellow stands out most on every screen. */
		init_pair(PAIR_RED, COLOR_WHITE, COLOR_RED);
		init_pair(PAIR_YELLOW, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_GREEN, COLOR_GREEN, COLOR_BLACK);
		init_pair(PAIR_BLUE, COLOR_YELLOW, COLOR_BLACK);
		init_pair(PAIR_CYAN, COLOR_YELLOW, COLOR_BLACK);
		init_pair(PAIR_MAGENTA, COLOR_WHITE, COLOR_BLACK);
	} else if (color) {
		init_pair(PAIR_RED, COLOR_RED, -1);
		init_pair(PAIR_YELLOW, COLOR_YELLOW, -1);
		init_pair(PAIR_GREEN, COLOR_GREEN, -1);
		init_pair(PAIR_BLUE, COLOR_BLUE, -1);
		init_pair(PAIR_CYAN, COLOR_CYAN, -1);
		init_pair(PAIR_MAGENTA, COLOR_MAGENTA, -1);
	}
	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		render_attr[styles[i].style] =
		    theme == RENDER_THEME_HIGH_CONTRAST ? styles[i].contrast :
		    styles[i].mono;
		if (color && styles[i].pair != PAIR_NONE)
			render_attr[styles[i].style] |=
			    COLOR_PAIR(styles[i].pair);
	}
}

/* Writes at most cols columns of s at (y, x); returns nothing. */
static void
render_text(int y, int x, const char *s, size_t len, int cols, attr_t a)
{
	const char	*nl;
	char		*ascii = NULL, *shown;
	size_t		 n;
	int		 w;

	/* One line only: a newline would move the cursor. */
	if ((nl = memchr(s, '\n', len)) != NULL)
		len = nl - s;
	if (cols <= 0 || len == 0)
		return;
	/* Without UTF-8, no byte above 0x7f may reach the terminal. */
	if (!tty_utf8()) {
		ascii = text_to_ascii(s, len);
		s = ascii;
		len = strlen(ascii);
	}
	n = text_fit(s, len, cols, &w);
	shown = text_screen(s, n, render_width);
	attrset(a);
	mvaddstr(y, x, shown);
	free(shown);
	free(ascii);
}

/* The columns curses and the terminal give a character. */
static int
render_width(uint32_t uc)
{
	return (wcwidth((wchar_t)uc));
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
		    i18n_content(v->opts.lang, &t->title));
		break;
	case VIEW_READING:
		snprintf(buf, len, " %s", i18n_content(v->opts.lang, &t->title));
		break;
	case VIEW_HELP:
		snprintf(buf, len, " %s", _("Help"));
		break;
	case VIEW_SEARCH:
		/* TRANSLATORS: title bar of the heading search. */
		snprintf(buf, len, " %s", _("Search all topics"));
		break;
	case VIEW_LANGUAGE:
		/* TRANSLATORS: title bar of the list of languages. */
		snprintf(buf, len, " %s", _("Language"));
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
		render_hits(v, i, 1 + y);
		if (k != NULL && i == k->first)
			cy = 1 + y;
	}
	attrset(A_NORMAL);
	/* Park the cursor where a screen reader should read. */
	move(cy, 0);
}

/* The buttons along the bottom; the one with the focus stands out. */
static void
render_buttons(const struct view *v)
{
	struct view_button	 b[VIEW_NBUTTONS];
	int			 y = view_button_row(v), i, inner, lw, left;
	size_t			 n;
	attr_t			 a;

	view_buttons(v, b);
	move(y, 0);
	clrtoeol();
	for (i = 0; i < VIEW_NBUTTONS; i++) {
		if (b[i].x >= COLS)
			break;
		a = v->bar == i ? A_REVERSE | A_BOLD :
		    (b[i].bracketed ? A_BOLD : A_REVERSE);
		inner = b[i].width - (b[i].bracketed ? 4 : 2);
		n = text_fit(b[i].label, strlen(b[i].label), inner, &lw);
		left = (inner - lw) / 2;
		attrset(a);
		mvhline(y, b[i].x, ' ', b[i].width);
		if (b[i].bracketed) {
			mvaddch(y, b[i].x, '[');
			mvaddch(y, b[i].x + b[i].width - 1, ']');
		}
		render_text(y, b[i].x + (b[i].bracketed ? 2 : 1) + left,
		    b[i].label, n, inner, a);
	}
	attrset(A_NORMAL);
}

/* Marks what find found on one line; the current place stands out. */
static void
render_hits(const struct view *v, size_t line, int y)
{
	const struct view_find	*f = &v->find;
	size_t			 i;
	int			 col, w;

	for (i = 0; i < f->nhits; i++) {
		if (!search_hit_columns(v->layout, line, &f->hits[i], &col, &w))
			continue;
		if (col >= COLS)
			continue;
		if (col + w > COLS)
			w = COLS - col;
		mvchgat(y, col, w, (long)i == f->current ?
		    A_REVERSE | A_BOLD | A_UNDERLINE : A_REVERSE, 0, NULL);
	}
}

/*
 * A prompt and what was typed, on row y; when it is wider than the
 * screen the end stays in view.  Returns the cursor column.
 */
static int
render_typed(int y, const char *prompt, const struct view_line *ln)
{
	const char	*t = ln->text;
	int		 pw = text_width(prompt, strlen(prompt));
	int		 room = COLS - pw - 1, w = text_width(t, ln->len);
	uint32_t	 uc;

	move(y, 0);
	clrtoeol();
	render_text(y, 0, prompt, strlen(prompt), COLS, A_BOLD);
	while (w > room && *t != '\0') {
		int n = text_next(t, strlen(t), &uc);

		w -= text_width(t, n);
		t += n;
	}
	if (room > 0)
		render_text(y, pw, t, strlen(t), room, A_NORMAL);
	return (pw + (w > 0 ? w : 0));
}

/* The heading search: the line typed, then the results. */
static void
render_search(const struct view *v)
{
	const struct view_search	*s = &v->search;
	const struct search_entry	*e;
	const struct search_result	*r;
	char				 buf[256];
	size_t				 i, k, off;
	int				 y, rows = view_result_rows(v), cx;

	/* TRANSLATORS: the prompt of the heading search line. */
	cx = render_typed(1, _("Search: "), &s->line);
	move(2, 0);
	clrtoeol();
	if (s->line.len > 0 && s->nresults == 0) {
		const char *msg = strchr(s->line.text, ' ') != NULL ?
		    _("No headings match. Try removing a word.") :
		    _("No headings match. Try a shorter word or check the "
		    "spelling.");

		render_text(2, 1, msg, strlen(msg), COLS - 1, A_BOLD);
	} else if (s->line.len > 0) {
		snprintf(buf, sizeof(buf), i18n_ui_plural(
		    "%zu heading found", "%zu headings found", s->nresults),
		    s->nresults);
		render_text(2, 1, buf, strlen(buf), COLS - 1, A_NORMAL);
	} else {
		/* TRANSLATORS: under the search line.  At most 39 columns. */
		const char *msg = _("Type a word, such as \"doctor\".");

		render_text(2, 1, msg, strlen(msg), COLS - 1, A_NORMAL);
	}
	for (y = 0; y < rows; y++) {
		move(3 + y, 0);
		clrtoeol();
		i = s->top + y;
		if (i >= s->nresults)
			continue;
		r = &s->results[i];
		e = &v->search.index->entries[r->entry];
		if (v->opts.ascii) {
			/* Transliterated: byte spans no longer line up. */
			char *a = text_to_ascii(e->label, strlen(e->label));

			render_text(3 + y, 2, a, strlen(a), COLS - 2,
			    (long)i == s->selected ? A_REVERSE : A_NORMAL);
			free(a);
			continue;
		}
		render_text(3 + y, 2, e->label, strlen(e->label), COLS - 2,
		    (long)i == s->selected ? A_REVERSE : A_NORMAL);
		/* The heading ends the label: mark what matched in it. */
		off = strlen(e->label) - strlen(e->text);
		for (k = 0; k < r->nspans; k++) {
			int col = 2 + text_width(e->label, off +
			    r->spans[k].start);
			int w = text_width(e->text + r->spans[k].start,
			    r->spans[k].end - r->spans[k].start);

			if (col < COLS)
				mvchgat(3 + y, col, col + w > COLS ? COLS - col :
				    w, ((long)i == s->selected ? A_REVERSE : 0) |
				    A_BOLD | A_UNDERLINE, 0, NULL);
		}
	}
	move(1, cx < COLS ? cx : COLS - 1);
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

	/* The program's own words in the language of the view. */
	i18n_use(v->opts.lang);
	if (v->too_small) {
		render_small(v);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	render_bar(0, render_title(v, title, sizeof(title)), "");
	if (v->screen == VIEW_SEARCH) {
		int	y, x;

		render_search(v);
		getyx(stdscr, y, x);
		render_buttons(v);
		render_bar(LINES - 1, v->message != NULL ? v->message :
		    /* TRANSLATORS: status line of the heading search; keep
		       the space at the start.  At most 40 columns. */
		    _(" Up/Down: choose  Enter: open  Esc: back"), "");
		move(y, x);
		curs_set(1);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	render_page(v);
	{
		int	y, x;

		getyx(stdscr, y, x);
		render_buttons(v);
		move(y, x);
	}
	/* Speech and braille follow the cursor: show it where reading is. */
	if (v->opts.plain)
		curs_set(1);
	if (v->find.typing) {
		int	x;

		attrset(A_REVERSE);
		/* TRANSLATORS: the prompt for words to find in a topic. */
		x = render_typed(LINES - 1, _("Find: "), &v->find.line);
		attrset(A_NORMAL);
		move(LINES - 1, x < COLS ? x : COLS - 1);
		curs_set(1);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (!v->opts.plain)
		curs_set(0);

	if (v->message != NULL)
		snprintf(left, sizeof(left), " %s", v->message);
	else if (v->bar >= 0)
		snprintf(left, sizeof(left), " %s", _("Left and Right choose a "
		    "button, Enter presses it, Up goes back."));
	else if ((s = view_section(v)) >= 0)
		snprintf(left, sizeof(left), " %ld. %s", s + 1,
		    v->layout->section_title[s]);
	else if (v->screen == VIEW_LIBRARY || v->screen == VIEW_CONTENTS ||
	    v->screen == VIEW_LANGUAGE)
		snprintf(left, sizeof(left), " %s",
		    /* TRANSLATORS: status line, beside how far through the
		       page.  At most 33 columns. */
		    _("Up/Down: choose  Enter: open"));
	else
		left[0] = '\0';
	/* On a narrow screen the place matters more than the key hints. */
	/* With a button chosen, its hint needs the room more than the keys. */
	if (COLS >= 60 && !view_allows(v, ACT_QUIT) && v->bar < 0)
		/* TRANSLATORS: status line; %d%% is how far through the page. */
		snprintf(right, sizeof(right), _("%d%%  ?: help "),
		    view_percent(v));
	else if (COLS >= 60 && v->bar < 0)
		/* TRANSLATORS: status line; %d%% is how far through the page. */
		snprintf(right, sizeof(right), _("%d%%  ?: help  q: quit "),
		    view_percent(v));
	else
		/* TRANSLATORS: status line on a narrow screen. */
		snprintf(right, sizeof(right), _("%d%% "), view_percent(v));
	{
		int	y, x;

		getyx(stdscr, y, x);
		render_bar(LINES - 1, left, right);
		if (v->bar >= 0) {
			struct view_button	b[VIEW_NBUTTONS];

			view_buttons(v, b);
			y = view_button_row(v);
			x = b[v->bar].x;
		}
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

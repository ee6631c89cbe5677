/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pager's state: which screen is shown, where, what is chosen, and
 * the way back.  view_apply() carries out one action; nothing here reads
 * keys or draws, so the whole pager can be driven and checked in tests.
 * The view owns its current layout and rebuilds it when the size or the
 * language changes, keeping the reader at the same place.
 */
#ifndef PAMPHLET_VIEW_H
#define PAMPHLET_VIEW_H

#include <stddef.h>

#include "keymap.h"
#include "kiosk.h"
#include "layout.h"
#include "i18n.h"
#include "search.h"

struct library;

enum view_screen {
	VIEW_LIBRARY,
	VIEW_CONTENTS,
	VIEW_READING,
	VIEW_HELP,
	VIEW_SEARCH,		/* the heading search line and its results */
	VIEW_LANGUAGE		/* the languages to choose from */
};

/* Longest line a reader may type, in bytes. */
#define VIEW_LINE_MAX	256

/* A line being typed, edited by character. */
struct view_line {
	char	text[VIEW_LINE_MAX + 1];
	size_t	len;
};

/* Searching the headings of the library. */
struct view_search {
	struct view_line	 line;
	struct search_index	*index;		/* built when first needed */
	struct search_result	*results;
	size_t			 nresults;
	long			 selected;	/* a result, or -1 */
	size_t			 top;		/* first result shown */
};

/* Finding text in the topic being read. */
struct view_find {
	struct view_line	 line;
	int			 typing;	/* the prompt is open */
	struct search_hit	*hits;
	size_t			 nhits;
	long			 current;	/* a hit, or -1 */
	struct layout_anchor	 from_place;	/* where the find started */
};

/* Where a reader was, for going back. */
struct view_place {
	enum view_screen	 screen;
	long			 topic;
	struct layout_anchor	 top;
	long			 focus;
};

/* The smallest screen the pager draws on; below it says so. */
#define VIEW_MIN_COLS	30
#define VIEW_MIN_ROWS	8
/* Text is laid out no wider than this, however wide the screen. */
#define VIEW_MAX_COLS	300
/* The help screen's column of key names is at most this wide. */
#define VIEW_HELP_KEYS_MAX 26
/* Rows not used by the page: the title bar, the buttons, the status line. */
#define VIEW_CHROME_ROWS 3

/* The buttons along the bottom, for touch and for arrows and Enter. */
enum view_button_id {
	VIEW_BUTTON_BACK,
	VIEW_BUTTON_CONTENTS,
	VIEW_BUTTON_SEARCH,
	VIEW_BUTTON_LANGUAGE,
	VIEW_BUTTON_HELP,
	VIEW_NBUTTONS
};

struct view_button {
	char		 label[64];	/* translated, as shown */
	int		 x;		/* first column */
	int		 width;		/* columns, brackets included */
	int		 bracketed;	/* drawn as "[ Back ]" */
	enum action	 action;
};

/*
 * Every field is listed in tests/unit/test_view.c, saying whether it
 * outlives view_reset(); add a new one there too.  The struct has no
 * padding (that test checks it), so keep it so.
 */
struct view {
	struct library		*lib;	/* stubs are built when opened */
	struct layout_opts	 opts;
	int			 cols;
	int			 rows;
	int			 too_small;
	enum view_screen	 screen;
	long			 topic;		/* -1 on the library */
	struct layout		*layout;
	size_t			 top;		/* first line shown */
	/* The reader's place; only the reader moves it, not a resize. */
	struct layout_anchor	 place;
	long			 focus;		/* chosen link, or -1 */
	struct view_place	*history;
	size_t			 nhistory;
	size_t			 historycap;
	const char		*message;	/* one-shot status message */
	char			 msgbuf[160];	/* a message with numbers */
	struct view_search	 search;
	struct view_find	 find;
	const struct kiosk	*kiosk;		/* what a reader may do */
	long			 bar;		/* a button has the focus: which */
	struct i18n_choice	*langs;		/* while choosing a language */
	size_t			 nlangs;
};

/*
 * opts gives ascii, plain, the emergency number and the language (NULL:
 * the default one); the width is ours.
 * The kiosk (NULL for none) says which actions a reader may take; the
 * view refuses the others, however they are asked for.
 */
void		 view_init(struct view *, struct library *,
		    const struct layout_opts *, const struct kiosk *,
		    int cols, int rows);
void		 view_free(struct view *);
/* A new terminal size: lay out again, keeping the place. */
void		 view_resize(struct view *, int cols, int rows);
/* Lay out again at the same size (after a language change). */
void		 view_relayout(struct view *);
/* 1 if a reader may take the action here. */
int		 view_allows(const struct view *, enum action);
/* Carries out an action; returns 1 when the pager should end. */
int		 view_apply(struct view *, enum action);
/* Opens a topic at its contents, or at a section when section >= 0. */
void		 view_open(struct view *, long topic, long section);
/*
 * For the next reader: the view made again as view_init makes it, in the
 * default language, keeping only the library, the options, the kiosk and
 * the screen size.
 */
void		 view_reset(struct view *);
/* Shows the view in another language, keeping the place. */
void		 view_language(struct view *, const struct i18n_lang *);
/* Types one character into the search or find line. */
void		 view_type(struct view *, uint32_t ch);
/*
 * Where the buttons go on a screen of the view's width.  Labels shrink to
 * fit: brackets go first, then the widest labels give way to their short
 * forms (where the language has them), and only then are words cut,
 * ending in an ellipsis.
 */
void		 view_buttons(const struct view *, struct view_button *);
/* The row of the buttons, from 0 at the top. */
int		 view_button_row(const struct view *);
/* A tap or click at a screen cell; the wheel as dir -1 or 1 with x < 0. */
int		 view_tap(struct view *, int x, int y);
void		 view_wheel(struct view *, int dir);
/* Rows of the search screen used by results. */
int		 view_result_rows(const struct view *);

/* Rows available for the page. */
int		 view_page_rows(const struct view *);
enum keymap_mode view_mode(const struct view *);
/* The section shown at the top of a topic, or -1. */
long		 view_section(const struct view *);
/* How far through the page, 0 to 100. */
int		 view_percent(const struct view *);

#endif

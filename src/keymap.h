/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Keys and what they do.  Keys are our own codes (tty.c translates the
 * terminal's), actions are what the pager can do, and one const table
 * maps one to the other per screen.  The help screen is generated from
 * the same table, so it cannot drift from what the keys really do.
 */
#ifndef PAMPHLET_KEYMAP_H
#define PAMPHLET_KEYMAP_H

#include <stdint.h>

/* A key is a Unicode character or one of these. */
enum keymap_key {
	KEYMAP_NONE = 0x110000,
	KEYMAP_UP,
	KEYMAP_DOWN,
	KEYMAP_LEFT,
	KEYMAP_RIGHT,
	KEYMAP_PGUP,
	KEYMAP_PGDN,
	KEYMAP_HOME,
	KEYMAP_END,
	KEYMAP_ENTER,
	KEYMAP_BACKSPACE,
	KEYMAP_TAB,
	KEYMAP_BACKTAB,
	KEYMAP_ESC,
	KEYMAP_FKEY,		/* F0; F1 to F63 follow, each its own key */
	KEYMAP_FKEY_LAST = KEYMAP_FKEY + 63,
	KEYMAP_RESIZE,
	KEYMAP_MOUSE,
	KEYMAP_OTHER		/* anything else the terminal sent */
};

#define KEYMAP_CTRL(c)	((c) & 0x1f)
/* The function key Fn, for n from 0 to 63. */
#define KEYMAP_F(n)	((uint32_t)KEYMAP_FKEY + (uint32_t)(n))

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_BACK,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_NEXT_LINK,
	ACT_PREV_LINK,
	ACT_CONTENTS,
	ACT_HOME,
	ACT_HELP,
	ACT_REDRAW,
	ACT_SEARCH,		/* search the headings of every topic */
	ACT_FIND,		/* find text in this topic */
	ACT_FIND_NEXT,
	ACT_FIND_PREV,
	ACT_DELETE_CHAR,	/* on a line being typed */
	ACT_CLEAR_LINE,
	ACT_LANGUAGE,		/* choose the language */
	ACT_QUIT,
	ACT_MAX
};

/* Screens that have their own bindings. */
enum keymap_mode {
	KEYMAP_MENU,		/* library and contents: a list to pick from */
	KEYMAP_READING,		/* a topic */
	KEYMAP_HELP,
	KEYMAP_SEARCH,		/* the heading search line and its results */
	KEYMAP_PROMPT,		/* typing what to find in a topic */
	KEYMAP_BAR		/* a button at the bottom has the focus */
};

/* 1 if the key is text to type into a search line. */
int		 keymap_is_text(uint32_t key);

struct keymap_entry {
	uint32_t	 key;
	enum action	 action;
	unsigned	 modes;		/* bit per keymap_mode */
};

extern const struct keymap_entry keymap_table[];
extern const unsigned keymap_size;

enum action	 keymap_lookup(enum keymap_mode, uint32_t key);
/* The key's name as shown to readers ("PgDn", "Space", "q"). */
const char	*keymap_key_name(uint32_t key, char *buf, unsigned len);
/* What the action does, translated; NULL for none. */
const char	*keymap_action_help(enum action);

#endif

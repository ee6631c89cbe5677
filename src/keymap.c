/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The key table: every binding of every screen, as data.
 */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "keymap.h"

#define M_MENU		(1u << KEYMAP_MENU)
#define M_READ		(1u << KEYMAP_READING)
#define M_HELP		(1u << KEYMAP_HELP)
#define M_SEARCH	(1u << KEYMAP_SEARCH)
#define M_PROMPT	(1u << KEYMAP_PROMPT)
#define M_ALL		(M_MENU | M_READ | M_HELP)
#define M_TYPING	(M_SEARCH | M_PROMPT)
#define M_BAR		(1u << KEYMAP_BAR)

const struct keymap_entry keymap_table[] = {
	/* On the buttons, the arrows move between them. */
	{ KEYMAP_LEFT,		ACT_PREV_LINK,		M_BAR },
	{ KEYMAP_RIGHT,		ACT_NEXT_LINK,		M_BAR },
	{ KEYMAP_UP,		ACT_UP,			M_BAR },
	{ KEYMAP_ESC,		ACT_UP,			M_BAR },
	{ KEYMAP_ENTER,		ACT_OPEN,		M_BAR },
	{ KEYMAP_TAB,		ACT_NEXT_LINK,		M_BAR },
	{ KEYMAP_BACKTAB,	ACT_PREV_LINK,		M_BAR },
	{ KEYMAP_UP,		ACT_UP,			M_ALL | M_SEARCH },
	{ 'k',			ACT_UP,			M_ALL },
	{ KEYMAP_DOWN,		ACT_DOWN,		M_ALL | M_SEARCH },
	{ 'j',			ACT_DOWN,		M_ALL },
	{ KEYMAP_PGUP,		ACT_PAGE_UP,		M_ALL | M_SEARCH },
	{ 'b',			ACT_PAGE_UP,		M_ALL },
	{ KEYMAP_PGDN,		ACT_PAGE_DOWN,		M_ALL | M_SEARCH },
	{ ' ',			ACT_PAGE_DOWN,		M_ALL },
	{ KEYMAP_HOME,		ACT_TOP,		M_ALL },
	{ 'g',			ACT_TOP,		M_ALL },
	{ KEYMAP_END,		ACT_BOTTOM,		M_ALL },
	{ 'G',			ACT_BOTTOM,		M_ALL },
	{ KEYMAP_ENTER,		ACT_OPEN,		M_MENU | M_READ | M_TYPING },
	{ KEYMAP_RIGHT,		ACT_OPEN,		M_MENU },
	{ KEYMAP_BACKSPACE,	ACT_BACK,		M_ALL },
	{ KEYMAP_BACKSPACE,	ACT_DELETE_CHAR,	M_TYPING },
	{ KEYMAP_CTRL('u'),	ACT_CLEAR_LINE,		M_TYPING },
	{ KEYMAP_LEFT,		ACT_BACK,		M_ALL },
	{ KEYMAP_ESC,		ACT_BACK,		M_HELP | M_TYPING },
	{ '/',			ACT_SEARCH,		M_ALL },
	{ 'f',			ACT_FIND,		M_READ },
	{ 'L',			ACT_LANGUAGE,		M_ALL },
	{ 'n',			ACT_FIND_NEXT,		M_READ },
	{ 'N',			ACT_FIND_PREV,		M_READ },
	{ ']',			ACT_NEXT_SECTION,	M_READ },
	{ '[',			ACT_PREV_SECTION,	M_READ },
	{ KEYMAP_TAB,		ACT_NEXT_LINK,		M_MENU | M_READ },
	{ KEYMAP_BACKTAB,	ACT_PREV_LINK,		M_MENU | M_READ },
	{ 'c',			ACT_CONTENTS,		M_ALL },
	{ 't',			ACT_HOME,		M_ALL },
	{ '?',			ACT_HELP,		M_MENU | M_READ },
	{ 'h',			ACT_HELP,		M_MENU | M_READ },
	{ KEYMAP_CTRL('l'),	ACT_REDRAW,		M_ALL | M_TYPING },
	{ 'q',			ACT_QUIT,		M_ALL | M_BAR },
};
const unsigned keymap_size = sizeof(keymap_table) / sizeof(keymap_table[0]);

enum action
keymap_lookup(enum keymap_mode mode, uint32_t key)
{
	unsigned	i;

	for (i = 0; i < keymap_size; i++)
		if (keymap_table[i].key == key &&
		    (keymap_table[i].modes & (1u << mode)))
			return (keymap_table[i].action);
	return (ACT_NONE);
}

const char *
keymap_key_name(uint32_t key, char *buf, unsigned len)
{
	switch (key) {
	/* TRANSLATORS: names of keys, as printed on a keyboard. */
	case KEYMAP_UP:	return (_("Up"));
	case KEYMAP_DOWN:	return (_("Down"));
	case KEYMAP_LEFT:	return (_("Left"));
	case KEYMAP_RIGHT:	return (_("Right"));
	case KEYMAP_PGUP:	return (_("PgUp"));
	case KEYMAP_PGDN:	return (_("PgDn"));
	case KEYMAP_HOME:	return (_("Home"));
	case KEYMAP_END:	return (_("End"));
	case KEYMAP_ENTER:	return (_("Enter"));
	case KEYMAP_BACKSPACE:	return (_("Backspace"));
	case KEYMAP_TAB:	return (_("Tab"));
	case KEYMAP_BACKTAB:	return (_("Shift-Tab"));
	case KEYMAP_ESC:	return (_("Esc"));
	case ' ':		return (_("Space"));
	default:
		break;
	}
	if (key >= KEYMAP_FKEY && key <= KEYMAP_FKEY_LAST)
		snprintf(buf, len, "F%u", (unsigned)(key - KEYMAP_FKEY));
	else if (key < 0x20)
		/* TRANSLATORS: the Control key with a letter, as keyboards
		   print it ("Strg-%c" in German). */
		snprintf(buf, len, _("Ctrl-%c"), (char)(key + '@'));
	else if (key < 0x80)
		snprintf(buf, len, "%c", (char)key);
	else
		snprintf(buf, len, "?");
	return (buf);
}

const char *
keymap_action_help(enum action a)
{
	switch (a) {
	case ACT_UP:		return (_("Move up one line"));
	case ACT_DOWN:		return (_("Move down one line"));
	case ACT_PAGE_UP:	return (_("Go back one screen"));
	case ACT_PAGE_DOWN:	return (_("Go forward one screen"));
	case ACT_TOP:		return (_("Go to the start"));
	case ACT_BOTTOM:	return (_("Go to the end"));
	case ACT_OPEN:		return (_("Open the chosen topic, section or link"));
	case ACT_BACK:		return (_("Go back to where you were"));
	case ACT_NEXT_SECTION:	return (_("Next section"));
	case ACT_PREV_SECTION:	return (_("Previous section"));
	case ACT_NEXT_LINK:	return (_("Choose the next link"));
	case ACT_PREV_LINK:	return (_("Choose the previous link"));
	case ACT_CONTENTS:	return (_("Contents of this topic"));
	case ACT_HOME:		return (_("All topics"));
	case ACT_HELP:		return (_("This help"));
	case ACT_REDRAW:	return (_("Redraw the screen"));
	case ACT_SEARCH:	return (_("Search the headings of all topics"));
	case ACT_FIND:		return (_("Find words in this topic"));
	case ACT_FIND_NEXT:	return (_("Next place found"));
	case ACT_FIND_PREV:	return (_("Previous place found"));
	case ACT_DELETE_CHAR:	return (_("Delete the last letter typed"));
	case ACT_CLEAR_LINE:	return (_("Clear what was typed"));
	case ACT_LANGUAGE:	return (_("Choose the language"));
	case ACT_QUIT:		return (_("Quit"));
	default:		return (NULL);
	}
}

int
keymap_is_text(uint32_t key)
{
	/* Characters, but not controls, DEL, C1 controls or our key codes. */
	return (key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) &&
	    key < KEYMAP_NONE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Pager state and actions.  Four screens share one model: a layout with
 * links.  On the library and contents screens the arrows move the choice
 * from link to link; while reading they scroll, and Tab chooses links.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "doc.h"
#include "i18n.h"
#include "library.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

static struct layout	*view_build(const struct view *);
static struct layout	*view_help(const struct view *);
static int		 view_help_keys(enum action, enum keymap_mode, char *,
			    size_t);
static void		 view_help_row(struct layout *, const char *, int, int,
			    const char *, const char *);
static struct layout	*view_languages(const struct view *);
static void		 view_language_pick(struct view *, long);
static void		 view_offer(struct view *);
static void		 view_credits(struct layout *);
static void		 view_unshown(struct view *);
static void		 view_clamp(struct view *);
static void		 view_show_focus(struct view *);
static void		 view_focus_visible(struct view *, int);
static void		 view_push(struct view *);
static void		 view_go(struct view *, enum view_screen, long);
static void		 view_follow(struct view *, long);
static void		 view_back(struct view *);
static void		 view_section_step(struct view *, int);
static size_t		 view_max_top(const struct view *);
static int		 view_act(struct view *, enum action);
static int		 view_search_act(struct view *, enum action);
static int		 view_bar_act(struct view *, enum action);
static void		 view_bar_enter(struct view *);
static int		 view_find_act(struct view *, enum action);
static void		 view_search_run(struct view *);
static void		 view_search_open(struct view *);
static void		 view_find_run(struct view *);
static void		 view_find_clear(struct view *);
static void		 view_find_show(struct view *);
static void		 view_find_keep(struct view *);
static void		 view_line_edit(struct view_line *, enum action);

void
view_init(struct view *v, struct library *lib,
    const struct layout_opts *opts, const struct kiosk *kiosk, int cols,
    int rows)
{
	memset(v, 0, sizeof(*v));
	v->lib = lib;
	v->kiosk = kiosk;
	v->opts = *opts;
	v->opts.lib = lib;
	if (v->opts.lang == NULL)
		v->opts.lang = i18n_lang_default();
	v->screen = VIEW_LIBRARY;
	v->topic = -1;
	v->focus = -1;
	v->bar = -1;
	v->find.current = -1;
	v->search.selected = -1;
	v->cols = cols;
	v->rows = rows;
	v->too_small = cols < VIEW_MIN_COLS || rows < VIEW_MIN_ROWS;
	v->opts.width = cols < VIEW_MIN_COLS ? VIEW_MIN_COLS :
	    (cols > VIEW_MAX_COLS ? VIEW_MAX_COLS : cols);
	v->layout = view_build(v);
	if (v->layout->nlinks > 0)
		v->focus = 0;
	v->place = layout_anchor_at(v->layout, 0);
	view_unshown(v);
}

void
view_free(struct view *v)
{
	layout_free(v->layout);
	search_index_free(v->search.index);
	free(v->search.results);
	free(v->find.hits);
	i18n_languages_free(v->langs, v->nlangs);
	free(v->history);
	memset(v, 0, sizeof(*v));
}

int
view_page_rows(const struct view *v)
{
	int	n = v->rows - VIEW_CHROME_ROWS;

	return (n < 1 ? 1 : n);
}

enum keymap_mode
view_mode(const struct view *v)
{
	switch (v->screen) {
	case VIEW_READING:
		if (v->bar >= 0)
			return (KEYMAP_BAR);
		return (v->find.typing ? KEYMAP_PROMPT : KEYMAP_READING);
	case VIEW_HELP:
		return (v->bar >= 0 ? KEYMAP_BAR : KEYMAP_HELP);
	case VIEW_SEARCH:
		return (v->bar >= 0 ? KEYMAP_BAR : KEYMAP_SEARCH);
	default:
		return (v->bar >= 0 ? KEYMAP_BAR : KEYMAP_MENU);
	}
}

static struct layout *
view_build(const struct view *v)
{
	i18n_use(v->opts.lang);
	switch (v->screen) {
	case VIEW_CONTENTS:
		return (layout_contents(v->lib->topics[v->topic], &v->opts));
	case VIEW_READING:
		return (layout_topic(v->lib->topics[v->topic], &v->opts));
	case VIEW_HELP:
		return (view_help(v));
	case VIEW_SEARCH:
		/* The results are drawn from the search state. */
		return (layout_new(&v->opts));
	case VIEW_LANGUAGE:
		return (view_languages(v));
	default:
		return (layout_library(v->lib, &v->opts));
	}
}

/*
 * The languages a reader may choose: those i18n_languages gives whose
 * translation of the topics is far enough along, and English.
 */
static void
view_offer(struct view *v)
{
	size_t	i, n;

	v->nlangs = i18n_languages(&v->langs);
	for (i = n = 1; i < v->nlangs; i++) {
		if (library_translated(v->lib, v->langs[i].lang) <
		    I18N_OFFER_PERCENT) {
			free(v->langs[i].name);
			continue;
		}
		v->langs[n++] = v->langs[i];
	}
	if (v->nlangs > 0)
		v->nlangs = n;
}

/*
 * In the language asked for at start, the terminal could not show
 * the reader's language: say so, in the language used instead.
 */
static void
view_unshown(struct view *v)
{
	const char	*code = i18n_unshown();

	if (code == NULL || v->opts.lang != i18n_lang_default())
		return;
	i18n_use(v->opts.lang);
	/* TRANSLATORS: %1$s is a language code ("zh_CN") whose letters
	   this screen cannot show, %2$s the name of your language.  Keep
	   it short: it shares the status line. */
	snprintf(v->msgbuf, sizeof(v->msgbuf), _("Cannot show %1$s on this "
	    "screen; showing %2$s."), code, C_("language-name", "English"));
	v->message = v->msgbuf;
}

/* The languages installed, each named in itself. */
static struct layout *
view_languages(const struct view *v)
{
	struct layout	 *l;
	const char	**names;
	size_t		  i;

	names = xcalloc(v->nlangs, sizeof(*names));
	for (i = 0; i < v->nlangs; i++)
		names[i] = v->langs[i].name;
	/* TRANSLATORS: title of the list of languages. */
	l = layout_choices(_("Choose a language"), names, v->nlangs,
	    &v->opts);
	free(names);
	return (l);
}

/* The help screen, made from the key table: what a reader may do here. */
static struct layout *
view_help(const struct view *v)
{
	static const struct {
		enum keymap_mode	 mode;
		const char		*title;
	} groups[] = {
		{ KEYMAP_MENU,		N_("In the list of topics or sections") },
		{ KEYMAP_READING,	N_("While reading a topic") },
		{ KEYMAP_SEARCH,	N_("While typing a search") },
	};
	struct layout	*l = layout_new(&v->opts);
	char		 keys[128], pad[64];
	const char	*help;
	unsigned	 g, a, pass;
	int		 w = 0, kw;

	/*
	 * The key column is as wide as the widest keys in this language,
	 * up to about half the screen (first pass); wider keys put what
	 * they do on the line below.
	 */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			if (w > VIEW_HELP_KEYS_MAX)
				w = VIEW_HELP_KEYS_MAX;
			if (w > (l->width - 4) / 2)
				w = (l->width - 4) / 2;
			if (w < 1)
				w = 1;
			snprintf(pad, sizeof(pad), "%*s", w + 4, "");
			layout_paragraph(l, _("Keys"), LAYOUT_TITLE, "", "",
			    LAYOUT_TITLE);
		}
		for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
			if (pass == 1) {
				layout_blank(l);
				layout_paragraph(l, _(groups[g].title),
				    LAYOUT_SUBHEADING, "", "",
				    LAYOUT_SUBHEADING);
			}
			for (a = ACT_NONE + 1; a < ACT_MAX; a++) {
				if ((help = keymap_action_help(a)) == NULL ||
				    !view_allows(v, a) || !view_help_keys(a,
				    groups[g].mode, keys, sizeof(keys)))
					continue;
				kw = text_width(keys, strlen(keys));
				if (pass == 0) {
					if (kw > w)
						w = kw;
					continue;
				}
				view_help_row(l, keys, kw, w, help, pad);
			}
		}
	}
	view_credits(l);
	return (l);
}

/* The names of the keys for an action in a mode, ", " between; 0: none. */
static int
view_help_keys(enum action a, enum keymap_mode mode, char *keys,
    size_t size)
{
	char		name[16];
	unsigned	i;

	keys[0] = '\0';
	for (i = 0; i < keymap_size; i++) {
		if (keymap_table[i].action != a ||
		    !(keymap_table[i].modes & (1u << mode)))
			continue;
		if (keys[0] != '\0')
			strncat(keys, ", ", size - strlen(keys) - 1);
		strncat(keys, keymap_key_name(keymap_table[i].key, name,
		    sizeof(name)), size - strlen(keys) - 1);
	}
	return (keys[0] != '\0');
}

/* One row of the help screen: keys in a column w wide, what they do. */
static void
view_help_row(struct layout *l, const char *keys, int kw, int w,
    const char *help, const char *pad)
{
	/* Padded by columns: key names may be wide. */
	char	*first = xasprintf("  %s%*s", keys, kw < w ? w - kw + 2 : 2,
		    "");
	int	 over = kw > w;

	/* Two spaces at least between the keys and what they do. */
	layout_paragraph(l, over ? "" : help, LAYOUT_TEXT, first, pad,
	    LAYOUT_KEY);
	if (over)
		layout_paragraph(l, help, LAYOUT_TEXT, pad, pad, LAYOUT_KEY);
	free(first);
}

/*
 * Who translated the program, as its catalogue says: one name a line.
 * Nothing when the message is not translated.
 */
static void
view_credits(struct layout *l)
{
	const char	*c, *nl;
	char		*line;

	/* TRANSLATORS: do not translate this; instead, list the
	   translators of your language, one name a line, for the help
	   screen.  Leave it untranslated to show no names. */
	c = _("translator-credits");

	if (strcmp(c, I18N_CREDITS) == 0 || *c == '\0')
		return;
	layout_blank(l);
	layout_paragraph(l, _("Translated by"), LAYOUT_SUBHEADING, "", "",
	    LAYOUT_SUBHEADING);
	for (; *c != '\0'; c = *nl != '\0' ? nl + 1 : nl) {
		nl = c + strcspn(c, "\n");
		if (nl == c)
			continue;
		line = xstrndup(c, (size_t)(nl - c));
		layout_paragraph(l, line, LAYOUT_TEXT, "  ", "    ",
		    LAYOUT_TEXT);
		free(line);
	}
}

static size_t
view_max_top(const struct view *v)
{
	size_t	rows = view_page_rows(v);

	return (v->layout->nlines > rows ? v->layout->nlines - rows : 0);
}

static void
view_clamp(struct view *v)
{
	size_t	max = view_max_top(v);

	if (v->top > max)
		v->top = max;
	if (v->focus >= (long)v->layout->nlinks)
		v->focus = v->layout->nlinks > 0 ? 0 : -1;
}

/* Scrolls so that the chosen link is on the page. */
static void
view_show_focus(struct view *v)
{
	const struct layout_link	*k;
	size_t				 rows = view_page_rows(v);

	if (v->focus < 0)
		return;
	k = &v->layout->links[v->focus];
	if (k->first < v->top)
		v->top = k->first;
	else if (k->last >= v->top + rows)
		v->top = k->last + 1 > rows ? k->last + 1 - rows : 0;
	if (k->first < v->top)
		v->top = k->first;
	view_clamp(v);
}

/* Chooses the first (or last) link on the page, if the choice is off it. */
static void
view_focus_visible(struct view *v, int last)
{
	const struct layout	*l = v->layout;
	size_t			 rows = view_page_rows(v), i;
	long			 found = -1;

	if (v->focus >= 0 && l->links[v->focus].first >= v->top &&
	    l->links[v->focus].first < v->top + rows)
		return;
	for (i = 0; i < l->nlinks; i++) {
		if (l->links[i].first < v->top ||
		    l->links[i].first >= v->top + rows)
			continue;
		found = i;
		if (!last)
			break;
	}
	if (found >= 0 || v->screen != VIEW_READING)
		v->focus = found >= 0 ? found : v->focus;
	else
		v->focus = -1;
}

static void
view_push(struct view *v)
{
	struct view_place	*p;

	xgrow(&v->history, &v->historycap, v->nhistory + 1,
	    sizeof(*v->history));
	p = &v->history[v->nhistory++];
	p->screen = v->screen;
	p->topic = v->topic;
	p->top = layout_anchor_at(v->layout, v->top);
	p->focus = v->focus;
}

/* Shows a screen from its start. */
static void
view_go(struct view *v, enum view_screen screen, long topic)
{
	/*
	 * A topic read from an index is built whole when it is read; its
	 * stub has all that its contents need.
	 */
	if (screen == VIEW_READING && topic >= 0 &&
	    library_build(v->lib, (size_t)topic, NULL) == -1) {
		/* TRANSLATORS: a message on the status line, which it has to
		   itself. At most 39 columns. */
		v->message = _("This topic cannot be shown. Tell staff.");
		return;
	}
	if (screen != v->screen || topic != v->topic)
		view_find_clear(v);
	/* Back to a list of languages: read them again. */
	if (screen == VIEW_LANGUAGE && v->nlangs == 0)
		view_offer(v);
	v->screen = screen;
	v->topic = topic;
	layout_free(v->layout);
	v->layout = view_build(v);
	v->top = 0;
	v->focus = screen != VIEW_READING && v->layout->nlinks > 0 ? 0 : -1;
	v->place = layout_anchor_at(v->layout, 0);
}

void
view_open(struct view *v, long topic, long section)
{
	if (topic < 0 || (size_t)topic >= v->lib->ntopics)
		return;
	if (section < 0) {
		view_go(v, VIEW_CONTENTS, topic);
		return;
	}
	view_go(v, VIEW_READING, topic);
	if ((size_t)section < v->layout->nsections)
		v->top = v->layout->section_line[section];
	view_clamp(v);
	v->place = layout_anchor_at(v->layout, v->top);
}

static void
view_follow(struct view *v, long link)
{
	const struct layout_link	*k = &v->layout->links[link];
	char				 block[128];
	long				 line;

	if (k->kind == LAYOUT_LINK_CHOICE) {
		view_language_pick(v, k->section);
		return;
	}
	view_push(v);
	if (k->kind == LAYOUT_LINK_SECTION) {
		view_open(v, v->topic, k->section);
		return;
	}
	/* The link's layout goes when the topic opens: keep the id. */
	block[0] = '\0';
	if (k->block != NULL)
		snprintf(block, sizeof(block), "%s", k->block);
	view_open(v, k->topic, k->section);
	/* A link to a block shows it at the top of the page. */
	if (block[0] != '\0' && v->screen == VIEW_READING &&
	    (line = layout_block_line(v->layout, block)) >= 0) {
		v->top = (size_t)line;
		view_clamp(v);
		v->place = layout_anchor_at(v->layout, v->top);
	}
}

static void
view_back(struct view *v)
{
	struct view_place	p;

	if (v->nhistory == 0) {
		if (v->screen == VIEW_READING)
			view_go(v, VIEW_CONTENTS, v->topic);
		else if (v->screen != VIEW_LIBRARY)
			view_go(v, VIEW_LIBRARY, -1);
		else
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("This is the list of all topics.");
		return;
	}
	p = v->history[--v->nhistory];
	view_go(v, p.screen, p.topic);
	v->top = layout_find(v->layout, p.top);
	v->focus = p.focus;
	view_clamp(v);
	v->place = p.top;
}

long
view_section(const struct view *v)
{
	uint32_t	s;

	if (v->screen != VIEW_READING)
		return (-1);
	/* The section whose heading is on the top line or above it. */
	s = layout_section_at(v->layout, v->top);
	return (s == LAYOUT_NONE ? -1 : (long)s);
}

static void
view_section_step(struct view *v, int dir)
{
	const struct layout	*l = v->layout;
	long			 s = view_section(v);

	if (dir > 0) {
		if (s + 1 >= (long)l->nsections) {
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("This is the last section.");
			return;
		}
		v->top = l->section_line[s + 1];
	} else {
		/* Back to this section's start first, then the one before. */
		if (s >= 0 && l->section_line[s] < v->top)
			v->top = l->section_line[s];
		else if (s > 0)
			v->top = l->section_line[s - 1];
		else {
			v->top = 0;
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("This is the first section.");
		}
	}
	view_clamp(v);
}

int
view_percent(const struct view *v)
{
	size_t	n = v->layout->nlines, shown;

	if (n == 0)
		return (100);
	shown = v->top + view_page_rows(v);
	if (shown >= n)
		return (100);
	return ((int)(shown * 100 / n));
}

int
view_allows(const struct view *v, enum action a)
{
	return (v->kiosk == NULL || kiosk_allows(v->kiosk, a));
}

int
view_apply(struct view *v, enum action a)
{
	size_t	top = v->top;
	int	rc;

	rc = view_act(v, a);
	if (v->top != top || a == ACT_BACK || a == ACT_OPEN)
		v->place = layout_anchor_at(v->layout, v->top);
	return (rc);
}

static int
view_act(struct view *v, enum action a)
{
	size_t	rows = view_page_rows(v);
	int	menu = v->screen == VIEW_LIBRARY || v->screen == VIEW_CONTENTS ||
		    v->screen == VIEW_LANGUAGE;

	v->message = NULL;
	/*
	 * Every action passes here, also those of buttons, taps and the
	 * screens below, so the kiosk's policy is kept in this one place.
	 */
	if (!view_allows(v, a)) {
		/* TRANSLATORS: a message on the status line, which it has to
		   itself. At most 39 columns. */
		v->message = _("This stays open for the next reader.");
		return (0);
	}
	if (v->too_small && a != ACT_QUIT)
		return (0);
	if (v->bar >= 0)
		return (view_bar_act(v, a));
	if (v->screen == VIEW_SEARCH)
		return (view_search_act(v, a));
	if (v->find.typing || a == ACT_FIND || a == ACT_FIND_NEXT ||
	    a == ACT_FIND_PREV)
		return (view_find_act(v, a));
	switch (a) {
	case ACT_UP:
	case ACT_PREV_LINK:
		if ((menu || a == ACT_PREV_LINK) && v->layout->nlinks > 0) {
			if (v->focus > 0)
				v->focus--;
			else if (v->focus < 0)
				view_focus_visible(v, 1);
			else if (menu && v->top > 0)
				v->top--;
			else if (menu && a == ACT_UP)
				view_bar_enter(v);
			view_show_focus(v);
		} else if (v->top > 0)
			v->top--;
		else if (a == ACT_UP)
			view_bar_enter(v);
		break;
	case ACT_DOWN:
	case ACT_NEXT_LINK:
		if ((menu || a == ACT_NEXT_LINK) && v->layout->nlinks > 0) {
			if (v->focus < 0)
				view_focus_visible(v, 0);
			else if (v->focus + 1 < (long)v->layout->nlinks)
				v->focus++;
			else if (menu && v->top < view_max_top(v))
				v->top++;
			else if (menu && a == ACT_DOWN)
				view_bar_enter(v);
			if (v->focus < 0)
				v->focus = 0;
			view_show_focus(v);
		} else if (v->top < view_max_top(v))
			v->top++;
		else if (a == ACT_DOWN)
			view_bar_enter(v);
		view_clamp(v);
		break;
	case ACT_PAGE_UP:
		v->top = v->top > rows - 1 ? v->top - (rows > 1 ? rows - 1 :
		    1) : 0;
		if (menu)
			view_focus_visible(v, 0);
		break;
	case ACT_PAGE_DOWN:
		if (v->top >= view_max_top(v) && v->screen == VIEW_READING)
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("This is the end of the topic.");
		v->top += rows > 1 ? rows - 1 : 1;
		view_clamp(v);
		if (menu)
			view_focus_visible(v, 0);
		break;
	case ACT_TOP:
		v->top = 0;
		if (menu && v->layout->nlinks > 0)
			v->focus = 0;
		break;
	case ACT_BOTTOM:
		v->top = view_max_top(v);
		if (menu && v->layout->nlinks > 0)
			v->focus = v->layout->nlinks - 1;
		break;
	case ACT_OPEN:
		if (v->focus >= 0 && (size_t)v->focus < v->layout->nlinks) {
			if (menu || (v->layout->links[v->focus].first <
			    v->top + rows && v->layout->links[v->focus].last >=
			    v->top)) {
				view_follow(v, v->focus);
				break;
			}
		}
		if (v->screen == VIEW_READING) {
			view_focus_visible(v, 0);
			if (v->focus >= 0)
				/* TRANSLATORS: a message on the status line,
				   which it has to itself. At most 39 columns. */
			v->message = _("Press Enter again to follow "
				    "this link.");
			else
				return (view_act(v, ACT_PAGE_DOWN));
		}
		break;
	case ACT_BACK:
		view_back(v);
		break;
	case ACT_NEXT_SECTION:
		view_section_step(v, 1);
		break;
	case ACT_PREV_SECTION:
		view_section_step(v, -1);
		break;
	case ACT_CONTENTS:
		if (v->topic < 0) {
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Choose a topic first.");
			break;
		}
		if (v->screen == VIEW_CONTENTS)
			break;
		view_push(v);
		view_go(v, VIEW_CONTENTS, v->topic);
		break;
	case ACT_HOME:
		if (v->screen == VIEW_LIBRARY)
			break;
		view_push(v);
		view_go(v, VIEW_LIBRARY, -1);
		break;
	case ACT_HELP:
		if (v->screen == VIEW_HELP)
			break;
		view_push(v);
		view_go(v, VIEW_HELP, v->topic);
		break;
	case ACT_LANGUAGE:
		if (v->screen == VIEW_LANGUAGE)
			break;
		view_push(v);
		i18n_languages_free(v->langs, v->nlangs);
		view_offer(v);
		view_go(v, VIEW_LANGUAGE, v->topic);
		/* The current language is the one chosen. */
		for (v->focus = 0; (size_t)v->focus + 1 < v->nlangs &&
		    !i18n_same_language(i18n_lang_code(v->langs[v->focus].lang),
		    i18n_lang_code(v->opts.lang)); v->focus++)
			;
		view_show_focus(v);
		break;
	case ACT_SEARCH:
		view_push(v);
		v->screen = VIEW_SEARCH;
		layout_free(v->layout);
		v->layout = view_build(v);
		v->top = 0;
		v->focus = -1;
		view_search_run(v);
		break;
	case ACT_QUIT:
		return (1);
	default:
		break;
	}
	return (0);
}

void
view_relayout(struct view *v)
{
	layout_free(v->layout);
	v->layout = view_build(v);
	v->top = layout_find(v->layout, v->place);
	view_clamp(v);
	if (v->focus >= 0)
		view_show_focus(v);
	/* What was found stays in sight as the text reflows. */
	if (v->find.current >= 0 && (size_t)v->find.current < v->find.nhits)
		view_find_keep(v);
}

void
view_resize(struct view *v, int cols, int rows)
{
	v->cols = cols;
	v->rows = rows;
	v->too_small = cols < VIEW_MIN_COLS || rows < VIEW_MIN_ROWS;
	if (v->too_small)
		return;
	/* Past a readable width, more columns only cost memory. */
	if (cols > VIEW_MAX_COLS)
		cols = VIEW_MAX_COLS;
	if (cols != v->opts.width) {
		v->opts.width = cols;
		view_relayout(v);
	} else
		view_clamp(v);
}

/*
 * Made again the way view_init makes a view, so that nothing of the last
 * reader can be left behind in a field forgotten here.  Only what belongs
 * to the installation is kept: the library, the options, the kiosk and
 * the size of the screen.
 */
void
view_reset(struct view *v)
{
	struct library		*lib = v->lib;
	const struct kiosk	*kiosk = v->kiosk;
	struct layout_opts	 opts = v->opts;
	int			 cols = v->cols, rows = v->rows;

	opts.lang = i18n_lang_default();
	view_free(v);
	view_init(v, lib, &opts, kiosk, cols, rows);
}

/* Switches to a language from the list and goes back to the reader. */
static void
view_language_pick(struct view *v, long i)
{
	if (i < 0 || (size_t)i >= v->nlangs)
		return;
	v->opts.lang = v->langs[i].lang;
	i18n_languages_free(v->langs, v->nlangs);
	v->langs = NULL;
	v->nlangs = 0;
	view_back(v);
	view_language(v, v->opts.lang);
}

void
view_language(struct view *v, const struct i18n_lang *lang)
{
	v->opts.lang = lang;
	/* Headings and text are now in another language. */
	search_index_free(v->search.index);
	v->search.index = NULL;
	view_find_clear(v);
	if (v->screen == VIEW_SEARCH)
		view_search_run(v);
	else
		view_relayout(v);
}

int
view_button_row(const struct view *v)
{
	return (v->rows >= 2 ? v->rows - 2 : 0);
}

/* The width of the buttons with these labels: pad columns each, apart. */
static int
view_buttons_total(const int *lw, int pad)
{
	int	i, total = VIEW_NBUTTONS - 1;

	for (i = 0; i < VIEW_NBUTTONS; i++)
		total += lw[i] + pad;
	return (total);
}

/* The widest label that is still wider than a short form it has. */
static int
view_buttons_widest(const int *lw, const int *sw, const int *done)
{
	int	i, best = -1;

	for (i = 0; i < VIEW_NBUTTONS; i++)
		if (!done[i] && sw[i] < lw[i] && (best < 0 || lw[i] > lw[best]))
			best = i;
	return (best);
}

void
view_buttons(const struct view *v, struct view_button *b)
{
	static const enum action acts[VIEW_NBUTTONS] = {
		ACT_BACK, ACT_CONTENTS, ACT_SEARCH, ACT_LANGUAGE, ACT_HELP
	};
	/* The labels untranslated, as below. */
	static const char *const english_full[VIEW_NBUTTONS] = {
		"Back", "Contents", "Search", "Language", "Help"
	};
	static const char *const english_brief[VIEW_NBUTTONS] = {
		"Back", "Parts", "Search", "Lang", "Help"
	};
	const char	*full[VIEW_NBUTTONS], *brief[VIEW_NBUTTONS], *s;
	int		 lw[VIEW_NBUTTONS], sw[VIEW_NBUTTONS];
	int		 done[VIEW_NBUTTONS], i, total, extra, x, pad, cut;
	char		*e;

	/* TRANSLATORS: a button along the bottom of the screen.
	   At most 10 columns. */
	full[VIEW_BUTTON_BACK] = C_("button", "Back");
	/* TRANSLATORS: a button along the bottom of the screen: the sections of
	   the topic. At most 10 columns. */
	full[VIEW_BUTTON_CONTENTS] = C_("button", "Contents");
	/* TRANSLATORS: a button along the bottom of the screen: search all
	   topics. At most 10 columns. */
	full[VIEW_BUTTON_SEARCH] = C_("button", "Search");
	/* TRANSLATORS: a button along the bottom of the screen.
	   At most 10 columns. */
	full[VIEW_BUTTON_LANGUAGE] = C_("button", "Language");
	/* TRANSLATORS: a button along the bottom of the screen.
	   At most 10 columns. */
	full[VIEW_BUTTON_HELP] = C_("button", "Help");
	/* TRANSLATORS: the "Back" button on a narrow screen, where the five
	   buttons share 26 columns; a whole word, not cut. At most 5 columns. */
	brief[VIEW_BUTTON_BACK] = C_("button, short", "Back");
	/* TRANSLATORS: the "Contents" button on a narrow screen, where the five
	   buttons share 26 columns; a whole word, not cut. At most 5 columns. */
	brief[VIEW_BUTTON_CONTENTS] = C_("button, short", "Parts");
	/* TRANSLATORS: the "Search" button on a narrow screen, where the five
	   buttons share 26 columns; a whole word, not cut. At most 6 columns. */
	brief[VIEW_BUTTON_SEARCH] = C_("button, short", "Search");
	/* TRANSLATORS: the "Language" button on a narrow screen, where the five
	   buttons share 26 columns; a whole word or a usual short form.
	   At most 5 columns. */
	brief[VIEW_BUTTON_LANGUAGE] = C_("button, short", "Lang");
	/* TRANSLATORS: the "Help" button on a narrow screen, where the five
	   buttons share 26 columns; a whole word, not cut. At most 5 columns. */
	brief[VIEW_BUTTON_HELP] = C_("button, short", "Help");
	for (i = 0; i < VIEW_NBUTTONS; i++) {
		b[i].action = acts[i];
		s = full[i];
		lw[i] = text_width(s, strlen(s));
		/* An English short form never stands among translated words. */
		sw[i] = strcmp(brief[i], english_brief[i]) != 0 ||
		    strcmp(full[i], english_full[i]) == 0 ?
		    text_width(brief[i], strlen(brief[i])) : lw[i];
		done[i] = 0;
		snprintf(b[i].label, sizeof(b[i].label), "%s", s);
	}
	/*
	 * "[ Back ]" with a space between; else " Back "; else short forms
	 * for the widest labels first; else the widest cut, with "...".
	 */
	pad = 4;
	if (view_buttons_total(lw, pad) > v->cols)
		pad = 2;
	while (pad == 2 && view_buttons_total(lw, pad) > v->cols &&
	    (i = view_buttons_widest(lw, sw, done)) >= 0) {
		snprintf(b[i].label, sizeof(b[i].label), "%s", brief[i]);
		lw[i] = sw[i];
		done[i] = 1;
	}
	while ((total = view_buttons_total(lw, pad)) > v->cols) {
		for (cut = 0, i = 0; i < VIEW_NBUTTONS; i++)
			if (lw[cut] < lw[i])
				cut = i;
		if (lw[cut] <= 1)
			break;
		e = text_ellipsize(b[cut].label, strlen(b[cut].label),
		    lw[cut] - 1, v->opts.ascii);
		snprintf(b[cut].label, sizeof(b[cut].label), "%s", e);
		free(e);
		lw[cut] = text_width(b[cut].label, strlen(b[cut].label));
	}
	/* Spare room makes the buttons bigger, which helps fingers. */
	extra = v->cols > total ? (v->cols - total) / VIEW_NBUTTONS : 0;
	for (x = 0, i = 0; i < VIEW_NBUTTONS; i++) {
		b[i].bracketed = pad == 4;
		b[i].x = x;
		b[i].width = lw[i] + pad + extra;
		x += b[i].width + 1;
	}
}

static void
view_bar_enter(struct view *v)
{
	v->bar = 0;
	/* TRANSLATORS: on the status line while a button has the focus; Up goes
	   back to the page. At most 39 columns. */
	v->message = _("Left/Right: choose  Enter: press");
}

static int
view_bar_act(struct view *v, enum action a)
{
	struct view_button	b[VIEW_NBUTTONS];
	long			pressed;

	switch (a) {
	case ACT_NEXT_LINK:
		v->bar = (v->bar + 1) % VIEW_NBUTTONS;
		break;
	case ACT_PREV_LINK:
		v->bar = (v->bar + VIEW_NBUTTONS - 1) % VIEW_NBUTTONS;
		break;
	case ACT_UP:
		v->bar = -1;
		break;
	case ACT_OPEN:
		view_buttons(v, b);
		pressed = v->bar;
		v->bar = -1;
		return (view_act(v, b[pressed].action));
	case ACT_QUIT:
		return (1);
	default:
		break;
	}
	return (0);
}

int
view_tap(struct view *v, int x, int y)
{
	struct view_button	b[VIEW_NBUTTONS];
	size_t			line;
	int			i;

	v->message = NULL;
	if (v->too_small)
		return (0);
	v->bar = -1;
	if (y == view_button_row(v)) {
		view_buttons(v, b);
		for (i = 0; i < VIEW_NBUTTONS; i++)
			if (x >= b[i].x && x < b[i].x + b[i].width)
				return (view_apply(v, b[i].action));
		return (0);
	}
	if (v->screen == VIEW_SEARCH) {
		/* Results start on the fourth row. */
		if (y >= 3 && y < 3 + view_result_rows(v) &&
		    v->search.top + (y - 3) < v->search.nresults) {
			v->search.selected = v->search.top + (y - 3);
			return (view_apply(v, ACT_OPEN));
		}
		return (0);
	}
	if (v->find.typing || y < 1 || y > view_page_rows(v))
		return (0);
	line = v->top + (y - 1);
	if (line >= v->layout->nlines || v->layout->lines[line].link < 0)
		return (0);
	/* A tap is a clear choice: open at once, even while reading. */
	v->focus = v->layout->lines[line].link;
	return (view_apply(v, ACT_OPEN));
}

void
view_wheel(struct view *v, int dir)
{
	size_t	top = v->top;
	int	i;

	if (v->too_small || v->screen == VIEW_SEARCH)
		return;
	for (i = 0; i < 3; i++) {
		if (dir < 0 && v->top > 0)
			v->top--;
		else if (dir > 0)
			v->top++;
	}
	view_clamp(v);
	if (v->screen != VIEW_READING)
		view_focus_visible(v, dir < 0);
	if (v->top != top)
		v->place = layout_anchor_at(v->layout, v->top);
}

int
view_result_rows(const struct view *v)
{
	int	n = view_page_rows(v) - 2;

	return (n < 1 ? 1 : n);
}

/*
 * Edits a typed line: ACT_DELETE_CHAR removes the last character (not
 * byte), ACT_CLEAR_LINE everything.
 */
static void
view_line_edit(struct view_line *ln, enum action a)
{
	if (a == ACT_CLEAR_LINE)
		ln->len = 0;
	while (a == ACT_DELETE_CHAR && ln->len > 0) {
		ln->len--;
		if (((unsigned char)ln->text[ln->len] & 0xc0) != 0x80)
			break;
	}
	ln->text[ln->len] = '\0';
}

void
view_type(struct view *v, uint32_t ch)
{
	struct view_line	*ln;
	char			 buf[8];
	int			 n;

	if (v->screen == VIEW_SEARCH)
		ln = &v->search.line;
	else if (v->find.typing)
		ln = &v->find.line;
	else
		return;
	v->message = NULL;
	if ((n = u8_uctomb((uint8_t *)buf, ch, sizeof(buf))) <= 0)
		return;
	if (ln->len + n > VIEW_LINE_MAX) {
		/* TRANSLATORS: a message on the status line, which it has to
		   itself. At most 39 columns. */
		v->message = _("That is as long as a search can be.");
		return;
	}
	memcpy(ln->text + ln->len, buf, n);
	ln->len += n;
	ln->text[ln->len] = '\0';
	if (v->screen == VIEW_SEARCH)
		view_search_run(v);
	else
		view_find_run(v);
}

static void
view_search_run(struct view *v)
{
	struct view_search	*s = &v->search;
	struct search_query	 q;

	if (s->index == NULL)
		s->index = search_index_build(v->lib, v->opts.lang);
	search_query_parse(&q, s->line.text);
	free(s->results);
	s->results = NULL;
	s->nresults = search_headings(s->index, &q, &s->results);
	search_query_free(&q);
	s->selected = s->nresults > 0 ? 0 : -1;
	s->top = 0;
}

/* Opens the place of the chosen result. */
static void
view_search_open(struct view *v)
{
	const struct search_entry	*e;
	const struct layout		*l;
	size_t				 i, end;

	e = &v->search.index->entries[v->search.results[v->search.selected].
	    entry];
	if (e->kind == SEARCH_TITLE) {
		view_open(v, e->topic, -1);
		return;
	}
	view_open(v, e->topic, e->section);
	if (e->kind != SEARCH_SUBHEADING)
		return;
	/* The subheading's own line, within its section. */
	l = v->layout;
	end = (size_t)e->section + 1 < l->nsections ?
	    l->section_line[e->section + 1] : l->nlines;
	for (i = l->section_line[e->section]; i < end; i++) {
		const struct layout_line *ln = &l->lines[i];

		if (ln->clen > 0 && ln->offset == 0 &&
		    l->sources[ln->anchor].len == strlen(e->text) &&
		    memcmp(layout_source_text(l, ln->anchor), e->text,
		    strlen(e->text)) == 0) {
			v->top = i;
			view_clamp(v);
			break;
		}
	}
}

static int
view_search_act(struct view *v, enum action a)
{
	struct view_search	*s = &v->search;
	long			 rows = view_result_rows(v);

	switch (a) {
	case ACT_UP:
		if (s->selected > 0)
			s->selected--;
		else
			view_bar_enter(v);
		break;
	case ACT_DOWN:
		if (s->selected + 1 < (long)s->nresults)
			s->selected++;
		else
			view_bar_enter(v);
		break;
	case ACT_PAGE_UP:
		s->selected = s->selected > rows ? s->selected - rows :
		    (s->nresults > 0 ? 0 : -1);
		break;
	case ACT_PAGE_DOWN:
		if (s->nresults > 0)
			s->selected = s->selected + rows < (long)s->nresults ?
			    s->selected + rows : (long)s->nresults - 1;
		break;
	case ACT_OPEN:
		if (s->selected < 0) {
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Nothing to open: type a word first.");
			break;
		}
		view_search_open(v);
		break;
	case ACT_BACK:
		view_back(v);
		break;
	case ACT_DELETE_CHAR:
	case ACT_CLEAR_LINE:
		view_line_edit(&s->line, a);
		view_search_run(v);
		break;
	case ACT_QUIT:
		return (1);
	default:
		break;
	}
	/* Keep the chosen result on the screen. */
	if (s->selected >= 0) {
		if ((size_t)s->selected < s->top)
			s->top = s->selected;
		else if (s->selected >= (long)s->top + rows)
			s->top = s->selected - rows + 1;
	}
	return (0);
}

static void
view_find_clear(struct view *v)
{
	free(v->find.hits);
	v->find.hits = NULL;
	v->find.nhits = 0;
	v->find.current = -1;
	v->find.typing = 0;
}

/* Scrolls, if need be, so that the current hit is on the page. */
static void
view_find_keep(struct view *v)
{
	const struct search_hit	*h = &v->find.hits[v->find.current];
	struct layout_anchor	 a;
	size_t			 line, rows = view_page_rows(v);

	a.anchor = h->anchor;
	a.offset = h->start;
	line = layout_find(v->layout, a);
	if (line < v->top || line >= v->top + rows) {
		v->top = line > rows / 3 ? line - rows / 3 : 0;
		view_clamp(v);
	}
}

/* Scrolls to the current hit and says which it is. */
static void
view_find_show(struct view *v)
{
	if (v->find.current < 0)
		return;
	view_find_keep(v);
	snprintf(v->msgbuf, sizeof(v->msgbuf), i18n_ui_plural(
	    /* TRANSLATORS: where the reader is among the places found; on the
	       status line. At most 39 columns. */
	    "Found %ld of %zu", "Found %ld of %zu", v->find.nhits),
	    v->find.current + 1, v->find.nhits);
	if (v->message == NULL)
		v->message = v->msgbuf;
}

static void
view_find_run(struct view *v)
{
	struct search_query	q;
	size_t			i;

	free(v->find.hits);
	v->find.hits = NULL;
	search_query_parse(&q, v->find.line.text);
	v->find.nhits = q.nwords > 0 ?
	    search_text(v->layout, &q, &v->find.hits) : 0;
	search_query_free(&q);
	v->find.current = -1;
	if (v->find.nhits == 0) {
		v->top = layout_find(v->layout, v->find.from_place);
		view_clamp(v);
		if (v->find.line.len > 0)
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Not found in this topic.");
		return;
	}
	/* The first place from where the reader started, else the first. */
	i = search_hit_after(v->layout, v->find.hits, v->find.nhits,
	    layout_find(v->layout, v->find.from_place));
	v->find.current = i < v->find.nhits ? (long)i : 0;
	view_find_show(v);
}

static int
view_find_act(struct view *v, enum action a)
{
	struct view_find	*f = &v->find;

	if (v->screen != VIEW_READING)
		return (0);
	switch (a) {
	case ACT_FIND:
		f->typing = 1;
		f->line.len = 0;
		f->line.text[0] = '\0';
		f->from_place = layout_anchor_at(v->layout, v->top);
		free(f->hits);
		f->hits = NULL;
		f->nhits = 0;
		f->current = -1;
		break;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (f->nhits == 0) {
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Press f to find words in this topic.");
			break;
		}
		if (a == ACT_FIND_NEXT && f->current + 1 >= (long)f->nhits) {
			f->current = 0;
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Back at the first place found.");
		} else if (a == ACT_FIND_PREV && f->current <= 0) {
			f->current = f->nhits - 1;
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v->message = _("Back at the last place found.");
		} else
			f->current += a == ACT_FIND_NEXT ? 1 : -1;
		view_find_show(v);
		break;
	case ACT_OPEN:
		f->typing = 0;
		if (f->nhits > 0)
			view_find_show(v);
		break;
	case ACT_BACK:
		/* Give up: no highlights, back where the find started. */
		view_find_clear(v);
		v->top = layout_find(v->layout, f->from_place);
		view_clamp(v);
		break;
	case ACT_DELETE_CHAR:
	case ACT_CLEAR_LINE:
		view_line_edit(&f->line, a);
		view_find_run(v);
		break;
	default:
		break;
	}
	return (0);
}

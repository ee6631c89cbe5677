/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Pager state tests: the view driven by actions alone, as the keys would
 * drive it, with no terminal.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "keymap.h"
#include "search.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

static struct library	lib;

static uint32_t	soak_rand(uint32_t *);

static int
setup(void **state)
{
	struct diag_list	 d;
	char			 dir[4096];
	const char		*top = getenv("top_srcdir");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/tests/data/golden/content",
	    top != NULL ? top : ".");
	doc_library_init(&lib);
	diag_init(&d);
	if (library_load_dir(dir, &lib, &d) != 0 || d.nerrors != 0)
		return (-1);
	diag_free(&d);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	doc_library_free(&lib);
	return (0);
}

static int
on_page(const struct view *v, size_t line)
{
	return (line >= v->top && line < v->top + view_page_rows(v));
}

static void
start(struct view *v, int cols, int rows)
{
	struct layout_opts	o;

	memset(&o, 0, sizeof(o));
	view_init(v, &lib, &o, NULL, cols, rows);
}

static void
type(struct view *v, const char *s)
{
	uint32_t	uc;
	int		n;

	while (*s != '\0') {
		n = text_next(s, strlen(s), &uc);
		view_type(v, uc);
		s += n;
	}
}

static void
test_starts_on_library(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	assert_int_equal(v.focus, 0);
	assert_int_equal(view_mode(&v), KEYMAP_MENU);
	view_apply(&v, ACT_DOWN);
	assert_int_equal(v.focus, 1);
	/* Past the last entry, the buttons; Up comes back. */
	view_apply(&v, ACT_DOWN);
	assert_int_equal(v.focus, 1);
	assert_int_equal(v.bar, 0);
	view_apply(&v, ACT_UP);
	assert_int_equal(v.bar, -1);
	view_apply(&v, ACT_UP);
	assert_int_equal(v.focus, 0);
	view_free(&v);
}

static void
test_open_contents_section_and_back(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	assert_int_equal(v.topic, doc_topic_index(&lib, "sample"));
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_READING);
	assert_int_equal(view_section(&v), 2);
	assert_int_equal(v.top, v.layout->section_line[2]);
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	assert_int_equal(v.focus, 2);
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	assert_non_null(v.message);
	view_free(&v);
}

static void
test_sections_step(void **state)
{
	struct view	v;
	long		s;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 0);
	assert_int_equal(view_section(&v), 0);
	for (s = 1; s < (long)v.layout->nsections; s++) {
		view_apply(&v, ACT_NEXT_SECTION);
		if (v.top < v.layout->section_line[s])
			break;	/* the end of the topic is on screen */
		assert_int_equal(view_section(&v), s);
	}
	view_apply(&v, ACT_TOP);
	view_apply(&v, ACT_NEXT_SECTION);
	view_apply(&v, ACT_NEXT_SECTION);
	assert_int_equal(view_section(&v), 1);
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_PREV_SECTION);
	assert_int_equal(v.top, v.layout->section_line[1]);
	view_apply(&v, ACT_PREV_SECTION);
	assert_int_equal(view_section(&v), 0);
	view_free(&v);
}

static void
test_scrolling_clamps(void **state)
{
	struct view	v;
	size_t		max;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 0);
	view_apply(&v, ACT_BOTTOM);
	max = v.top;
	assert_int_equal(max + view_page_rows(&v), v.layout->nlines);
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_PAGE_DOWN);
	assert_int_equal(v.top, max);
	assert_int_equal(view_percent(&v), 100);
	view_apply(&v, ACT_UP);		/* off the buttons again */
	view_apply(&v, ACT_TOP);
	view_apply(&v, ACT_PAGE_UP);
	assert_int_equal(v.top, 0);
	view_apply(&v, ACT_PAGE_DOWN);
	assert_int_equal(v.top, (size_t)view_page_rows(&v) - 1);
	view_free(&v);
}

static void
test_resize_keeps_place(void **state)
{
	struct view	v;
	long		s;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 2);
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_DOWN);
	s = view_section(&v);
	view_resize(&v, 40, 12);
	assert_int_equal(view_section(&v), s);
	/* So big that the page is clamped at the end: still on the page. */
	view_resize(&v, 200, 60);
	assert_true(on_page(&v, layout_find(v.layout, v.place)));
	view_resize(&v, 10, 3);
	assert_true(v.too_small);
	assert_int_equal(view_apply(&v, ACT_DOWN), 0);
	view_resize(&v, 80, 24);
	assert_false(v.too_small);
	assert_int_equal(view_section(&v), s);
	view_free(&v);
}

/* Straight from the start, with nothing found yet: no stale state. */
static void
test_resize_from_the_start(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	assert_int_equal(v.find.current, -1);
	view_resize(&v, 40, 12);
	view_resize(&v, 1, 1);
	view_resize(&v, 300, 100);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	assert_int_equal(v.focus, 0);
	view_free(&v);
}

static void
test_buttons(void **state)
{
	struct view		v;
	struct view_button	b[VIEW_NBUTTONS];
	int			i, cols;

	(void)state;
	for (cols = VIEW_MIN_COLS; cols <= 200; cols++) {
		start(&v, cols, 24);
		view_buttons(&v, b);
		/* In order, apart, on the screen, each big enough to tap. */
		for (i = 0; i < VIEW_NBUTTONS; i++) {
			assert_true(b[i].width >= 3);
			assert_true(b[i].x + b[i].width <= cols);
			if (i > 0)
				assert_true(b[i].x > b[i - 1].x +
				    b[i - 1].width - 1);
		}
		if (cols >= 80)
			assert_true(b[0].bracketed);
		view_free(&v);
	}
	/* Taps on each button do what it says. */
	start(&v, 80, 24);
	view_buttons(&v, b);
	view_tap(&v, b[VIEW_BUTTON_SEARCH].x + 1, view_button_row(&v));
	assert_int_equal(v.screen, VIEW_SEARCH);
	view_tap(&v, b[VIEW_BUTTON_BACK].x, view_button_row(&v));
	assert_int_equal(v.screen, VIEW_LIBRARY);
	view_tap(&v, b[VIEW_BUTTON_HELP].x, view_button_row(&v));
	assert_int_equal(v.screen, VIEW_HELP);
	view_tap(&v, b[VIEW_BUTTON_LANGUAGE].x, view_button_row(&v));
	assert_int_equal(v.screen, VIEW_LANGUAGE);
	view_free(&v);
}

/* At 40 columns every button shows a whole word, full or short. */
static void
test_buttons_whole_words(void **state)
{
	static const char *const ok[VIEW_NBUTTONS][2] = {
		{ "Back", "Back" }, { "Contents", "Parts" },
		{ "Search", "Search" }, { "Language", "Lang" },
		{ "Help", "Help" },
	};
	struct view		v;
	struct view_button	b[VIEW_NBUTTONS];
	int			i, cols;

	(void)state;
	for (cols = 37; cols <= 120; cols++) {
		start(&v, cols, 12);
		view_buttons(&v, b);
		for (i = 0; i < VIEW_NBUTTONS; i++) {
			if (strcmp(b[i].label, ok[i][0]) != 0 &&
			    strcmp(b[i].label, ok[i][1]) != 0)
				fail_msg("%d columns: button %d says '%s'",
				    cols, i, b[i].label);
			/* The whole label shows inside the button. */
			assert_true(b[i].width - (b[i].bracketed ? 4 : 2) >=
			    (int)strlen(b[i].label));
		}
		/* Short forms only where the full ones do not fit. */
		if (cols >= 44)
			for (i = 0; i < VIEW_NBUTTONS; i++)
				assert_string_equal(b[i].label, ok[i][0]);
		view_free(&v);
	}
	/* Narrower still: cut, but with an ellipsis, never bare. */
	for (cols = VIEW_MIN_COLS; cols < 37; cols++) {
		start(&v, cols, 12);
		view_buttons(&v, b);
		for (i = 0; i < VIEW_NBUTTONS; i++)
			assert_true(strcmp(b[i].label, ok[i][0]) == 0 ||
			    strcmp(b[i].label, ok[i][1]) == 0 ||
			    strstr(b[i].label, "\xe2\x80\xa6") != NULL);
		assert_true(b[VIEW_NBUTTONS - 1].x +
		    b[VIEW_NBUTTONS - 1].width <= cols);
		view_free(&v);
	}
}

/*
 * The help screen's key column fits its widest keys: every description
 * starts in one column, two or more after its keys.
 */
static void
test_help_key_column(void **state)
{
	struct view			 v;
	const struct layout_line	*ln;
	const struct layout_span	*sp;
	const char			*t;
	size_t				 i;
	int				 col = -1, cols, rows, k;

	(void)state;
	for (cols = 40; cols <= 100; cols += 60) {
		start(&v, cols, 24);
		view_apply(&v, ACT_HELP);
		for (i = rows = 0, col = -1; i < v.layout->nlines; i++) {
			ln = &v.layout->lines[i];
			if (ln->nspans < 2 ||
			    v.layout->spans[ln->span].style != LAYOUT_KEY)
				continue;
			sp = &v.layout->spans[ln->span];
			t = layout_line_text(v.layout, ln);
			/* Two blanks between the keys and their meaning. */
			for (k = sp->len; k > 0 && t[k - 1] == ' '; k--)
				continue;
			if (k > 0) {
				assert_true(sp->len - k >= 2);
				rows++;
			}
			if (col < 0)
				col = text_width(t, sp->len);
			assert_int_equal(text_width(t, sp->len), col);
		}
		assert_true(rows > 10);
		/* "Backspace, Left" is the widest English: no wider. */
		assert_int_equal(col, 2 + 15 + 2);
		view_free(&v);
	}
}

/* Arrows and Enter alone reach the buttons and press them. */
static void
test_buttons_by_arrows(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_apply(&v, ACT_UP);
	assert_int_equal(v.bar, 0);
	assert_int_equal(view_mode(&v), KEYMAP_BAR);
	view_apply(&v, ACT_PREV_LINK);
	assert_int_equal(v.bar, VIEW_BUTTON_HELP);
	view_apply(&v, ACT_NEXT_LINK);
	view_apply(&v, ACT_NEXT_LINK);
	view_apply(&v, ACT_NEXT_LINK);
	assert_int_equal(v.bar, VIEW_BUTTON_SEARCH);
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_SEARCH);
	assert_int_equal(v.bar, -1);
	view_apply(&v, ACT_BACK);
	/* Down at the end of a topic reaches them too; Up leaves them. */
	view_open(&v, 0, 0);
	view_apply(&v, ACT_BOTTOM);
	view_apply(&v, ACT_DOWN);
	assert_int_equal(v.bar, 0);
	view_apply(&v, ACT_UP);
	assert_int_equal(v.bar, -1);
	assert_int_equal(v.screen, VIEW_READING);
	view_free(&v);
}

static void
test_taps(void **state)
{
	struct view	v;
	size_t		i;
	int		y;

	(void)state;
	start(&v, 80, 24);
	/* A tap on the second topic's summary opens that topic. */
	y = 1 + (int)(v.layout->links[1].last - v.top);
	view_tap(&v, 5, y);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	assert_int_equal(v.topic, 1);
	/* A tap on nothing does nothing; a tap on an entry opens it. */
	view_tap(&v, 5, 1);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	view_tap(&v, 5, 1 + (int)(v.layout->links[0].first - v.top));
	assert_int_equal(v.screen, VIEW_READING);
	/* The wheel scrolls three lines at a time. */
	view_open(&v, 0, 0);
	view_apply(&v, ACT_TOP);
	view_wheel(&v, 1);
	assert_int_equal(v.top, 3);
	view_wheel(&v, -1);
	view_wheel(&v, -1);
	assert_int_equal(v.top, 0);
	/* A tap on a link while reading follows it at once. */
	for (i = 0; i < v.layout->nlinks; i++)
		;
	v.top = v.layout->links[0].first;
	view_tap(&v, 3, 1);
	assert_int_equal(v.topic, doc_topic_index(&lib, "other"));
	view_free(&v);
}

static void
test_follow_link_and_back(void **state)
{
	struct view	v;
	size_t		top;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 3);
	/* Enter with no link chosen picks the first one on the page. */
	while (v.layout->nlinks == 0 || v.focus < 0) {
		top = v.top;
		view_apply(&v, ACT_OPEN);
		if (v.focus >= 0)
			break;
		assert_true(v.top > top);
	}
	assert_int_equal(v.focus, 0);
	assert_non_null(v.message);
	top = v.top;
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_READING);
	assert_int_equal(v.topic, doc_topic_index(&lib, "other"));
	assert_true(on_page(&v, v.layout->section_line[0]));
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.topic, doc_topic_index(&lib, "sample"));
	assert_int_equal(v.top, top);
	/* Tab goes to the next link, Shift-Tab back. */
	view_apply(&v, ACT_NEXT_LINK);
	assert_int_equal(v.focus, 1);
	view_apply(&v, ACT_PREV_LINK);
	assert_int_equal(v.focus, 0);
	view_free(&v);
}

/* Writes a topic file into dir: a head, then blocks of one section. */
static void
write_topic(const char *dir, const char *id, const char *blocks)
{
	char	 path[4096];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s.yaml", dir, id);
	assert_non_null(fp = fopen(path, "w"));
	fprintf(fp, "id: %s\ntitle: Topic %s\nsummary: A summary.\n"
	    "last_reviewed: 2026-01-01\nnext_review: 2028-01-01\n"
	    "reviewed_by: a nurse\nsections:\n  - id: one\n"
	    "    heading: One\n    blocks:\n%s", id, id, blocks);
	assert_int_equal(fclose(fp), 0);
}

/*
 * A link to a block of another topic opens that topic with the block at
 * the top of the page; a link to a topic that is missing is no link.
 */
static void
test_follow_link_to_block(void **state)
{
	struct library		 own;
	struct diag_list	 d;
	struct layout_opts	 o;
	struct view		 v;
	char			 dir[] = "/tmp/pamphlet-view-XXXXXX", *blocks;
	char			*tmp;
	size_t			 i;
	long			 line;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_topic(dir, "from", "      - see_also: {topic: gone}\n"
	    "      - see_also: {topic: to, block: far}\n");
	blocks = xstrdup("");
	for (i = 0; i < 80; i++) {
		tmp = xasprintf("%s      - paragraph: Filler %zu.\n%s", blocks,
		    i, i == 30 ? "      - subheading: Far\n        id: far\n" :
		    "");
		free(blocks);
		blocks = tmp;
	}
	write_topic(dir, "to", blocks);
	free(blocks);
	doc_library_init(&own);
	diag_init(&d);
	assert_int_equal(library_load_dir(dir, &own, &d), 0);
	assert_int_equal(d.nerrors, 1);
	diag_free(&d);
	memset(&o, 0, sizeof(o));
	view_init(&v, &own, &o, NULL, 80, 24);
	view_open(&v, doc_topic_index(&own, "from"), 0);
	/* One link only: the one to a missing topic is text. */
	assert_int_equal(v.layout->nlinks, 1);
	assert_string_equal(v.layout->links[0].block, "far");
	view_apply(&v, ACT_NEXT_LINK);
	assert_int_equal(v.focus, 0);
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_READING);
	assert_int_equal(v.topic, doc_topic_index(&own, "to"));
	line = layout_block_line(v.layout, "far");
	assert_true(line > 0);
	assert_int_equal(v.top, (size_t)line);
	assert_non_null(strstr(layout_line_text(v.layout,
	    &v.layout->lines[v.top]), "Far"));
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.topic, doc_topic_index(&own, "from"));
	view_free(&v);
	doc_library_free(&own);
	for (i = 0; i < 2; i++) {
		tmp = xasprintf("%s/%s.yaml", dir, i == 0 ? "from" : "to");
		assert_int_equal(unlink(tmp), 0);
		free(tmp);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void
test_help_and_home(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 1, -1);
	view_apply(&v, ACT_HELP);
	assert_int_equal(v.screen, VIEW_HELP);
	assert_int_equal(view_mode(&v), KEYMAP_HELP);
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	view_apply(&v, ACT_HOME);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	view_apply(&v, ACT_CONTENTS);
	assert_non_null(v.message);
	assert_int_equal(view_apply(&v, ACT_QUIT), 1);
	view_reset(&v);
	assert_int_equal(v.nhistory, 0);
	view_free(&v);
}

/* The help screen lists every bound action with its keys. */
static void
test_help_from_key_table(void **state)
{
	struct view	 v;
	const struct layout *l;
	size_t		 i;
	int		 next = 0, quit = 0;

	(void)state;
	start(&v, 80, 24);
	view_apply(&v, ACT_HELP);
	l = v.layout;
	for (i = 0; i < l->nlines; i++) {
		const char *t = layout_line_text(l, &l->lines[i]);

		if (strstr(t, "]") && strstr(t, "Next section"))
			next = 1;
		if (strstr(t, "q") && strstr(t, "Quit"))
			quit = 1;
	}
	assert_true(next);
	assert_true(quit);
	view_free(&v);
}


static void
test_search_opens_section(void **state)
{
	struct view			 v;
	const struct search_entry	*e;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 1, -1);
	view_apply(&v, ACT_SEARCH);
	assert_int_equal(v.screen, VIEW_SEARCH);
	assert_int_equal(view_mode(&v), KEYMAP_SEARCH);
	assert_int_equal(v.search.nresults, 0);
	type(&v, "when get");
	assert_true(v.search.nresults >= 1);
	e = &v.search.index->entries[v.search.results[0].entry];
	assert_string_equal(e->text, "When to get help");
	assert_string_equal(e->label, "Sample topic \xe2\x80\xba When to get help");
	view_apply(&v, ACT_OPEN);
	assert_int_equal(v.screen, VIEW_READING);
	assert_true(on_page(&v, v.layout->section_line[2]));
	/* Back goes to where the search started, not to the results. */
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_CONTENTS);
	assert_int_equal(v.topic, 1);
	view_free(&v);
}

static void
test_search_line_editing(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_apply(&v, ACT_SEARCH);
	type(&v, "caf\xc3\xa9");
	assert_int_equal(v.search.line.len, 5);
	view_apply(&v, ACT_DELETE_CHAR);
	assert_string_equal(v.search.line.text, "caf");
	view_apply(&v, ACT_CLEAR_LINE);
	assert_int_equal(v.search.line.len, 0);
	/* Esc returns to the library, where the search began. */
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	/* A new reader finds nothing of the last one's search. */
	view_apply(&v, ACT_SEARCH);
	type(&v, "rest");
	view_reset(&v);
	assert_int_equal(v.search.line.len, 0);
	assert_int_equal(v.search.nresults, 0);
	assert_int_equal(v.screen, VIEW_LIBRARY);
	view_free(&v);
}

/* The current hit's columns on its line show exactly the word found. */
static void
assert_hit_shows(const struct view *v, const char *word)
{
	const struct search_hit	*h = &v->find.hits[v->find.current];
	struct layout_anchor	 a = { h->anchor, h->start };
	size_t			 line = layout_find(v->layout, a);
	const struct layout_line *ln = &v->layout->lines[line];
	const char		*t = layout_line_text(v->layout, ln);
	int			 col, w;

	assert_true(on_page(v, line));
	assert_true(search_hit_columns(v->layout, line, h, &col, &w));
	/* ASCII fixture text: columns are bytes. */
	assert_true((size_t)(col + w) <= ln->len);
	assert_int_equal(w, (int)strlen(word));
	assert_memory_equal(t + col, word, w);
}

static void
test_find_in_topic(void **state)
{
	struct view	v;
	size_t		n;
	char		msg[64];

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 0);
	view_apply(&v, ACT_FIND);
	assert_int_equal(view_mode(&v), KEYMAP_PROMPT);
	type(&v, "REST");
	n = v.find.nhits;
	assert_true(n >= 2);
	view_apply(&v, ACT_OPEN);
	assert_int_equal(view_mode(&v), KEYMAP_READING);
	assert_int_equal(v.find.current, 0);
	assert_hit_shows(&v, "rest");
	snprintf(msg, sizeof(msg), "Found 1 of %zu", n);
	assert_string_equal(v.message, msg);
	view_apply(&v, ACT_FIND_NEXT);
	assert_int_equal(v.find.current, 1);
	/* Past the last one, back to the first, and it says so. */
	view_apply(&v, ACT_FIND_PREV);
	view_apply(&v, ACT_FIND_PREV);
	assert_int_equal(v.find.current, (long)n - 1);
	assert_string_equal(v.message, "Back at the last place found.");
	/* Hits are in the text, not the lines: a resize keeps them right. */
	view_resize(&v, 33, 12);
	assert_hit_shows(&v, "Rest");
	view_resize(&v, 150, 40);
	assert_hit_shows(&v, "Rest");
	/* Leaving the topic drops them. */
	view_apply(&v, ACT_HOME);
	assert_int_equal(v.find.nhits, 0);
	view_free(&v);
}

static void
test_find_cancel_and_nothing(void **state)
{
	struct view	v;
	size_t		top;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 1);
	top = v.top;
	view_apply(&v, ACT_FIND_NEXT);
	assert_string_equal(v.message, "Press f to find words in this topic.");
	view_apply(&v, ACT_FIND);
	type(&v, "zzzz");
	assert_int_equal(v.find.nhits, 0);
	assert_string_equal(v.message, "Not found in this topic.");
	view_apply(&v, ACT_CLEAR_LINE);
	type(&v, "arrow");
	assert_true(v.find.nhits > 0);
	assert_true(v.top != top);
	/* Esc gives up: no highlights, back where the find began. */
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.find.nhits, 0);
	assert_int_equal(v.top, top);
	assert_int_equal(v.screen, VIEW_READING);
	view_free(&v);
}

/* Giving up a find after a resize goes back to a real place. */
static void
test_find_cancel_after_resize(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_open(&v, 0, 0);
	view_apply(&v, ACT_BOTTOM);
	view_apply(&v, ACT_FIND);
	type(&v, "rest");
	view_resize(&v, 250, 60);
	view_apply(&v, ACT_BACK);
	assert_true(v.top < v.layout->nlines);
	assert_true(v.top + view_page_rows(&v) >= v.layout->nlines ||
	    v.top == 0);
	view_free(&v);
}

/* Going back to a language list shows the languages again. */
static void
test_back_to_language_list(void **state)
{
	struct view	v;

	(void)state;
	start(&v, 80, 24);
	view_apply(&v, ACT_LANGUAGE);
	assert_true(v.nlangs >= 1);
	view_apply(&v, ACT_HOME);
	view_apply(&v, ACT_LANGUAGE);
	view_apply(&v, ACT_OPEN);		/* English, chosen again */
	assert_int_equal(v.screen, VIEW_LIBRARY);
	view_apply(&v, ACT_BACK);
	assert_int_equal(v.screen, VIEW_LANGUAGE);
	assert_true(v.nlangs >= 1);
	assert_true(v.layout->nlinks >= 1);
	view_free(&v);
}


/* The states a kiosk reader can leave a view in, by number; 0 if none. */
static int
kiosk_state(struct view *v, const struct kiosk *k, int n, int cols,
    int rows)
{
	struct layout_opts	o;

	memset(&o, 0, sizeof(o));
	view_init(v, &lib, &o, k, cols, rows);
	switch (n % 9) {
	case 0:
		break;
	case 1:
		view_open(v, 0, -1);
		break;
	case 2:
		view_open(v, 0, 1);
		break;
	case 3:
		view_open(v, 0, 1);
		view_apply(v, ACT_FIND);
		type(v, "rest");
		break;
	case 4:
		view_apply(v, ACT_SEARCH);
		type(v, "help");
		break;
	case 5:
		view_apply(v, ACT_HELP);
		break;
	case 6:
		view_apply(v, ACT_LANGUAGE);
		break;
	case 7:
		view_resize(v, 10, 3);
		break;
	case 8:
		view_open(v, 1, 0);
		view_apply(v, ACT_BOTTOM);
		break;
	}
	/* Then the same with each button of the bar chosen. */
	if (n >= 9 && n < 9 * (1 + VIEW_NBUTTONS) && !v->too_small)
		v->bar = n / 9 - 1;
	return (n < 9 * (1 + VIEW_NBUTTONS));
}

/*
 * At a kiosk, nothing a reader does ends the view: no action from any
 * state, no button, no tap anywhere, no mix of them.
 */
static void
test_kiosk_never_quits(void **state)
{
	struct kiosk		k;
	struct view		v;
	struct view_button	b[VIEW_NBUTTONS];
	uint32_t		seed = 11, r;
	int			n, a, x, y, i;

	(void)state;
	memset(&k, 0, sizeof(k));
	k.enabled = 1;
	for (n = 0; kiosk_state(&v, &k, n, 40, 12); n++) {
		view_free(&v);
		for (a = ACT_NONE; a < ACT_MAX; a++) {
			kiosk_state(&v, &k, n, 40, 12);
			if (view_apply(&v, a) != 0)
				fail_msg("state %d: action %d quits", n, a);
			view_free(&v);
		}
		for (y = 0; y < 12; y++)
			for (x = 0; x < 40; x++) {
				kiosk_state(&v, &k, n, 40, 12);
				if (view_tap(&v, x, y) != 0)
					fail_msg("state %d: tap at %d,%d quits",
					    n, x, y);
				view_free(&v);
			}
	}
	/* The view the loop's last test made. */
	view_free(&v);
	/* Taps on the language list may have chosen another one. */
	i18n_use(i18n_lang_default());
	/* No button quits, and asking to quit says why not. */
	start(&v, 80, 24);
	v.kiosk = &k;
	view_buttons(&v, b);
	for (i = 0; i < VIEW_NBUTTONS; i++)
		assert_true(view_allows(&v, b[i].action));
	assert_int_equal(view_apply(&v, ACT_QUIT), 0);
	assert_string_equal(v.message,
	    "This stays open for the next reader.");
	view_free(&v);
	/* A long mix of keys, typing and taps. */
	kiosk_state(&v, &k, 0, 80, 24);
	for (n = 0; n < 20000; n++) {
		r = soak_rand(&seed);
		if (r % 4 == 0)
			assert_int_equal(view_tap(&v, (int)((r >> 8) % 80),
			    (int)((r >> 16) % 24)), 0);
		else if (r % 4 == 1)
			view_type(&v, 'a' + (r >> 8) % 26);
		else
			assert_int_equal(view_apply(&v, (enum action)((r >> 8) %
			    ACT_MAX)), 0);
	}
	view_free(&v);
	i18n_use(i18n_lang_default());
}

/* A kiosk's help lists no way to quit; elsewhere it does. */
static void
test_kiosk_help(void **state)
{
	struct kiosk		 k;
	struct view		 v;
	const struct layout	*l;
	size_t			 i;
	int			 quit = 0;

	(void)state;
	memset(&k, 0, sizeof(k));
	k.enabled = 1;
	kiosk_state(&v, &k, 5, 80, 24);
	l = v.layout;
	for (i = 0; i < l->nlines; i++)
		if (strstr(layout_line_text(l, &l->lines[i]), "Quit") != NULL)
			quit = 1;
	assert_false(quit);
	view_free(&v);
}


/*
 * Every field of struct view, and whether it outlives view_reset().  A
 * reset view must equal a view made afresh, field by field; the fields
 * kept must also equal what they were.  struct view has no padding, so
 * a new field changes its size and the check of the sizes below fails
 * until the field is listed here, with a decision about the next reader.
 */
enum reset_kind {
	RESET_NEW,		/* the next reader's, as in a new view */
	RESET_KEPT,		/* the installation's: it stays */
	RESET_LAYOUT		/* new, and compared by what it shows */
};

#define RESET_FIELD(f, kind)	{ #f, offsetof(struct view, f), \
	sizeof(((struct view *)0)->f), kind }

static const struct {
	const char	*name;
	size_t		 offset;
	size_t		 size;
	enum reset_kind	 kind;
} reset_fields[] = {
	RESET_FIELD(lib, RESET_KEPT),
	RESET_FIELD(opts, RESET_NEW),		/* from the kept ascii, plain... */
	RESET_FIELD(cols, RESET_KEPT),
	RESET_FIELD(rows, RESET_KEPT),
	RESET_FIELD(too_small, RESET_NEW),	/* from the size */
	RESET_FIELD(screen, RESET_NEW),
	RESET_FIELD(topic, RESET_NEW),
	RESET_FIELD(layout, RESET_LAYOUT),
	RESET_FIELD(top, RESET_NEW),
	RESET_FIELD(place, RESET_NEW),
	RESET_FIELD(focus, RESET_NEW),
	RESET_FIELD(history, RESET_NEW),
	RESET_FIELD(nhistory, RESET_NEW),
	RESET_FIELD(historycap, RESET_NEW),
	RESET_FIELD(message, RESET_NEW),
	RESET_FIELD(msgbuf, RESET_NEW),
	RESET_FIELD(search, RESET_NEW),
	RESET_FIELD(find, RESET_NEW),
	RESET_FIELD(kiosk, RESET_KEPT),
	RESET_FIELD(bar, RESET_NEW),
	RESET_FIELD(langs, RESET_NEW),
	RESET_FIELD(nlangs, RESET_NEW),
};

static void
assert_same_layout(const struct layout *a, const struct layout *b)
{
	size_t	i;

	assert_int_equal(a->width, b->width);
	assert_int_equal(a->nlines, b->nlines);
	assert_int_equal(a->nlinks, b->nlinks);
	assert_int_equal(a->nsections, b->nsections);
	for (i = 0; i < a->nlines; i++) {
		assert_int_equal(a->lines[i].len, b->lines[i].len);
		assert_memory_equal(layout_line_text(a, &a->lines[i]),
		    layout_line_text(b, &b->lines[i]), a->lines[i].len);
	}
}

/* The reset view against a fresh one and against itself before. */
static void
assert_like_new(const struct view *reset, const struct view *fresh,
    const struct view *before, const char *how)
{
	const char	*r = (const char *)reset, *f = (const char *)fresh;
	const char	*b = (const char *)before;
	size_t		 i, o, n;

	for (i = 0; i < sizeof(reset_fields) / sizeof(reset_fields[0]); i++) {
		o = reset_fields[i].offset;
		n = reset_fields[i].size;
		if (reset_fields[i].kind == RESET_LAYOUT)
			assert_same_layout(reset->layout, fresh->layout);
		else if (memcmp(r + o, f + o, n) != 0)
			fail_msg("%s: after a reset, '%s' is not as in a new "
			    "view", how, reset_fields[i].name);
		if (reset_fields[i].kind == RESET_KEPT &&
		    memcmp(r + o, b + o, n) != 0)
			fail_msg("%s: a reset changed '%s'", how,
			    reset_fields[i].name);
	}
}

static void
reset_and_compare(struct view *v, const char *how)
{
	struct view		before, fresh;
	struct layout_opts	opts;

	before = *v;
	view_reset(v);
	/* The options are kept, but the language is the default again. */
	opts = before.opts;
	opts.lang = i18n_lang_default();
	view_init(&fresh, v->lib, &opts, v->kiosk, v->cols, v->rows);
	assert_like_new(v, &fresh, &before, how);
	view_free(&fresh);
}

/*
 * The idle reset at a kiosk: from every state a reader can leave, the
 * view is as new for the next one.
 */
static void
test_reset_as_new(void **state)
{
	struct kiosk	k;
	struct view	v;
	struct layout_opts o;
	char		how[64];
	uint32_t	seed = 3, r;
	size_t		i, sum = 0;
	int		n;

	(void)state;
	memset(&k, 0, sizeof(k));
	k.enabled = 1;
	for (n = 0; kiosk_state(&v, &k, n, 80, 24); n++) {
		snprintf(how, sizeof(how), "state %d", n);
		reset_and_compare(&v, how);
		view_free(&v);
	}
	/* The view the loop's last test made. */
	view_free(&v);
	/* Deep in a topic by links, with history, a find and a search. */
	kiosk_state(&v, &k, 0, 80, 24);
	view_apply(&v, ACT_OPEN);
	view_apply(&v, ACT_DOWN);
	view_apply(&v, ACT_OPEN);
	view_apply(&v, ACT_NEXT_LINK);
	view_apply(&v, ACT_FIND);
	type(&v, "rest");
	view_apply(&v, ACT_OPEN);
	view_apply(&v, ACT_FIND_NEXT);
	view_apply(&v, ACT_SEARCH);
	type(&v, "zzsecret");
	view_apply(&v, ACT_DOWN);
	assert_true(v.nhistory >= 2);
	reset_and_compare(&v, "deep");
	view_free(&v);
	/* A long walk, reset now and then, as a kiosk's day goes. */
	memset(&o, 0, sizeof(o));
	o.plain = 1;
	view_init(&v, &lib, &o, &k, 100, 30);
	for (n = 0; n < 5000; n++) {
		r = soak_rand(&seed);
		if (r % 5 == 0)
			view_tap(&v, (int)((r >> 8) % 100), (int)((r >> 16) % 30));
		else if (r % 5 == 1)
			view_type(&v, 'a' + (r >> 8) % 26);
		else
			view_apply(&v, (enum action)((r >> 8) % ACT_MAX));
		if (n % 97 == 96) {
			snprintf(how, sizeof(how), "walk %d", n);
			reset_and_compare(&v, how);
		}
	}
	view_free(&v);
	i18n_use(i18n_lang_default());
	/* Every field is listed, so none is forgotten. */
	for (i = 0; i < sizeof(reset_fields) / sizeof(reset_fields[0]); i++)
		sum += reset_fields[i].size;
	assert_int_equal(sum, sizeof(struct view));
}

static void
test_keymap(void **state)
{
	(void)state;
	assert_int_equal(keymap_lookup(KEYMAP_READING, ']'), ACT_NEXT_SECTION);
	assert_int_equal(keymap_lookup(KEYMAP_MENU, ']'), ACT_NONE);
	assert_int_equal(keymap_lookup(KEYMAP_MENU, KEYMAP_RIGHT), ACT_OPEN);
	assert_int_equal(keymap_lookup(KEYMAP_READING, KEYMAP_LEFT), ACT_BACK);
	assert_int_equal(keymap_lookup(KEYMAP_HELP, KEYMAP_ESC), ACT_BACK);
	assert_int_equal(keymap_lookup(KEYMAP_READING, 'q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(KEYMAP_READING, 'x'), ACT_NONE);
	/* While typing, Backspace deletes and Enter accepts. */
	assert_int_equal(keymap_lookup(KEYMAP_SEARCH, KEYMAP_BACKSPACE),
	    ACT_DELETE_CHAR);
	assert_int_equal(keymap_lookup(KEYMAP_PROMPT, KEYMAP_ENTER), ACT_OPEN);
	assert_int_equal(keymap_lookup(KEYMAP_SEARCH, KEYMAP_DOWN), ACT_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_SEARCH, KEYMAP_ESC), ACT_BACK);
	assert_true(keymap_is_text('q'));
	assert_true(keymap_is_text(0xe9));
	assert_false(keymap_is_text(0x1b));
	assert_false(keymap_is_text(0x9b));
	assert_false(keymap_is_text(KEYMAP_UP));
}

/* A fixed generator, so that a failure can be replayed from its seed. */
static uint32_t
soak_rand(uint32_t *s)
{
	*s = *s * 1103515245U + 12345U;
	return (*s >> 8);
}

static size_t
soak_heap(void)
{
#if defined(__SANITIZE_ADDRESS__)
	return (0);		/* the sanitizer's allocator keeps its own books */
#else
	return (mallinfo2().uordblks);
#endif
}

/*
 * 100,000 events on the bundled topics, as a kiosk sees them in months:
 * actions in any mode, typing (accented and wide letters too), taps
 * anywhere, the wheel, resizes from 1x1 to 400x150, topics opened,
 * languages switched and idle resets.  After each event the view must be
 * coherent; the heap in use at the end is within 256 KiB of what it was
 * after the first 1,000 events.  SOAK_SEED replays another run.
 */
static void
test_soak(void **state)
{
	static const uint32_t typed[] = {
		'a', 'e', 'o', 'r', 't', 's', ' ', '1', 0xe9, 0x4e2d, 0x6587
	};
	struct library		 books;
	struct diag_list	 d;
	struct layout_opts	 o;
	struct i18n_choice	*langs = NULL;
	struct view		 v;
	char			 dir[4096];
	const char		*top = getenv("top_srcdir");
	const char		*seedenv = getenv("SOAK_SEED");
	uint32_t		 seed, r;
	size_t			 heap1 = 0, heap2, nlangs, i;
	long			 n, events = 100000;
	int			 kind;

	(void)state;
	seed = seedenv != NULL ? (uint32_t)strtoul(seedenv, NULL, 10) : 7;
	snprintf(dir, sizeof(dir), "%s/content", top != NULL ? top : ".");
	doc_library_init(&books);
	diag_init(&d);
	assert_int_equal(library_load_dir(dir, &books, &d), 0);
	assert_int_equal(d.nerrors, 0);
	diag_free(&d);
	nlangs = i18n_languages(&langs);
	memset(&o, 0, sizeof(o));
	view_init(&v, &books, &o, NULL, 80, 24);
	for (n = 0; n < events; n++) {
		r = soak_rand(&seed);
		kind = (int)(r % 100);
		if (kind < 55) {
			if ((view_mode(&v) == KEYMAP_SEARCH ||
			    view_mode(&v) == KEYMAP_PROMPT) && (r >> 8) % 2)
				view_type(&v, typed[(r >> 9) %
				    (sizeof(typed) / sizeof(typed[0]))]);
			else
				/* Not a kiosk: quitting is allowed, and ignored. */
				view_apply(&v, (enum action)(1 + (r >> 8) %
				    (ACT_MAX - 1)));
		} else if (kind < 75)
			view_tap(&v, (int)((r >> 8) % (unsigned)(v.cols + 4)) - 2,
			    (int)((r >> 16) % (unsigned)(v.rows + 4)) - 2);
		else if (kind < 85)
			view_wheel(&v, (r >> 8) % 2 ? 1 : -1);
		else if (kind < 93) {
			/* Mostly usable sizes, sometimes far too small. */
			if ((r >> 8) % 8 == 0)
				view_resize(&v, 1 + (int)((r >> 12) % 40),
				    1 + (int)((r >> 20) % 12));
			else
				view_resize(&v, 30 + (int)((r >> 12) % 371),
				    8 + (int)((r >> 20) % 143));
		} else if (kind < 97)
			view_open(&v, (long)((r >> 8) % books.ntopics),
			    (long)((r >> 16) % 12) - 2);
		else if (kind < 99) {
			i = (r >> 8) % nlangs;
			view_language(&v, langs[i].lang);
		} else
			view_reset(&v);
		/* Coherent after every event. */
		assert_true(v.screen >= VIEW_LIBRARY &&
		    v.screen <= VIEW_LANGUAGE);
		assert_true(view_percent(&v) >= 0 && view_percent(&v) <= 100);
		if (v.layout != NULL && v.layout->nlines > 0)
			assert_true(v.top < v.layout->nlines);
		if (n == 999)
			heap1 = soak_heap();
	}
	heap2 = soak_heap();
	print_message("soak: %ld events, seed %u, heap in use %zu bytes "
	    "after 1,000 and %zu at the end\n", events,
	    seedenv != NULL ? (unsigned)strtoul(seedenv, NULL, 10) : 7u,
	    heap1, heap2);
	assert_true(heap2 <= heap1 + 256 * 1024);
	view_free(&v);
	i18n_set_language("en");
	i18n_languages_free(langs, nlangs);
	doc_library_free(&books);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_on_library),
		cmocka_unit_test(test_open_contents_section_and_back),
		cmocka_unit_test(test_sections_step),
		cmocka_unit_test(test_scrolling_clamps),
		cmocka_unit_test(test_resize_keeps_place),
		cmocka_unit_test(test_resize_from_the_start),
		cmocka_unit_test(test_buttons),
		cmocka_unit_test(test_buttons_whole_words),
		cmocka_unit_test(test_help_key_column),
		cmocka_unit_test(test_buttons_by_arrows),
		cmocka_unit_test(test_taps),
		cmocka_unit_test(test_follow_link_and_back),
		cmocka_unit_test(test_follow_link_to_block),
		cmocka_unit_test(test_help_and_home),
		cmocka_unit_test(test_help_from_key_table),
		cmocka_unit_test(test_search_opens_section),
		cmocka_unit_test(test_search_line_editing),
		cmocka_unit_test(test_find_in_topic),
		cmocka_unit_test(test_find_cancel_and_nothing),
		cmocka_unit_test(test_find_cancel_after_resize),
		cmocka_unit_test(test_back_to_language_list),
		cmocka_unit_test(test_kiosk_never_quits),
		cmocka_unit_test(test_kiosk_help),
		cmocka_unit_test(test_reset_as_new),
		cmocka_unit_test(test_keymap),
		cmocka_unit_test(test_soak),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("view", tests, setup, teardown));
}

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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "keymap.h"
#include "view.h"

static struct library	lib;

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
	if (content_load_dir(dir, &lib, &d) != 0 || d.nerrors != 0)
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
	view_init(v, &lib, &o, cols, rows);
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
	view_apply(&v, ACT_DOWN);
	assert_int_equal(v.focus, 1);
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
	view_apply(&v, ACT_TOP);
	view_apply(&v, ACT_UP);
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
	assert_true(on_page(&v, v.layout->section_line[s]));
	view_resize(&v, 10, 3);
	assert_true(v.too_small);
	assert_int_equal(view_apply(&v, ACT_DOWN), 0);
	view_resize(&v, 80, 24);
	assert_false(v.too_small);
	assert_int_equal(view_section(&v), s);
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
		cmocka_unit_test(test_follow_link_and_back),
		cmocka_unit_test(test_help_and_home),
		cmocka_unit_test(test_help_from_key_table),
		cmocka_unit_test(test_keymap),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("view", tests, setup, teardown));
}

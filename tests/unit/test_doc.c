/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests of the document model helpers: ids, dates, the names used in
 * files, translatable strings, and finding and freeing topics.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc.h"
#include "xalloc.h"

static struct topic	*make_topic(const char *, const char *const *,
			    size_t);

/* A topic with sections of the given ids, each with one link block. */
static struct topic *
make_topic(const char *id, const char *const *sections, size_t n)
{
	struct topic	*t;
	struct block	*b;
	size_t		 i;

	t = xcalloc(1, sizeof(*t));
	t->id = xstrdup(id);
	doc_tstr_set(&t->title, id, "A title", 1, 8);
	t->sections = xcalloc(n, sizeof(*t->sections));
	t->nsections = n;
	for (i = 0; i < n; i++) {
		t->sections[i].id = xstrdup(sections[i]);
		t->sections[i].blocks = b = xcalloc(1, sizeof(*b));
		t->sections[i].nblocks = 1;
		b->kind = BLOCK_SEE_ALSO;
		b->link_topic = xstrdup(id);
		b->items = xcalloc(2, sizeof(*b->items));
		b->nitems = 2;
		doc_tstr_set(&b->items[0], "x/y", "one", 2, 3);
		doc_tstr_set(&b->items[1], "x/y", "two", 3, 3);
		b->refs = xcalloc(1, sizeof(*b->refs));
		b->nrefs = 1;
	}
	t->refs = xcalloc(1, sizeof(*t->refs));
	t->nrefs = 1;
	t->refs[0].id = xstrdup("r");
	t->refs[0].title = xstrdup("A study");
	doc_tstr_set(&t->refs[0].note, "x/ref/r", "A note", 9, 9);
	return (t);
}

static void
test_id_valid(void **state)
{
	char	long_id[80];

	(void)state;
	assert_true(doc_id_valid("asthma-inhaler"));
	assert_true(doc_id_valid("a"));
	assert_true(doc_id_valid("2020"));
	assert_true(doc_id_valid("a-"));
	assert_false(doc_id_valid(""));
	assert_false(doc_id_valid(NULL));
	assert_false(doc_id_valid("-a"));
	assert_false(doc_id_valid("Asthma"));
	assert_false(doc_id_valid("a_b"));
	assert_false(doc_id_valid("a b"));
	assert_false(doc_id_valid("a/b"));
	assert_false(doc_id_valid("../etc"));
	assert_false(doc_id_valid("caf\xc3\xa9"));
	memset(long_id, 'a', 64);
	long_id[64] = '\0';
	assert_true(doc_id_valid(long_id));
	long_id[64] = 'a';
	long_id[65] = '\0';
	assert_false(doc_id_valid(long_id));
}

static void
test_date_parse(void **state)
{
	struct doc_date	d;

	(void)state;
	assert_int_equal(doc_date_parse("2026-10-01", &d), 0);
	assert_int_equal(d.year, 2026);
	assert_int_equal(d.month, 10);
	assert_int_equal(d.day, 1);
	assert_int_equal(doc_date_parse("2024-02-29", &d), 0);
	assert_int_equal(doc_date_parse("2000-02-29", &d), 0);
	assert_int_equal(doc_date_parse("1999-12-31", &d), 0);
	assert_int_equal(doc_date_parse("2025-02-29", &d), -1);
	assert_int_equal(doc_date_parse("1900-02-29", &d), -1);
	assert_int_equal(doc_date_parse("2026-04-31", &d), -1);
	assert_int_equal(doc_date_parse("2026-13-01", &d), -1);
	assert_int_equal(doc_date_parse("2026-00-10", &d), -1);
	assert_int_equal(doc_date_parse("2026-01-00", &d), -1);
	assert_int_equal(doc_date_parse("0000-01-01", &d), -1);
	assert_int_equal(doc_date_parse("2026-1-01", &d), -1);
	assert_int_equal(doc_date_parse("2026-01-011", &d), -1);
	assert_int_equal(doc_date_parse("2026/01/01", &d), -1);
	assert_int_equal(doc_date_parse("2026-0a-01", &d), -1);
	assert_int_equal(doc_date_parse("+026-01-01", &d), -1);
	assert_int_equal(doc_date_parse("", &d), -1);
	assert_int_equal(doc_date_parse(NULL, &d), -1);
}

static void
test_date_cmp_format(void **state)
{
	struct doc_date	a = { 2026, 10, 1 }, b = { 2026, 9, 30 };
	struct doc_date	c = { 2026, 10, 1 }, odd = { -5, 123, -1 };
	char		buf[11];

	(void)state;
	assert_true(doc_date_cmp(&a, &b) > 0);
	assert_true(doc_date_cmp(&b, &a) < 0);
	assert_int_equal(doc_date_cmp(&a, &c), 0);
	b.year = 2027;
	assert_true(doc_date_cmp(&a, &b) < 0);
	doc_date_format(&a, buf);
	assert_string_equal(buf, "2026-10-01");
	/* Nonsense stays within the buffer. */
	doc_date_format(&odd, buf);
	assert_int_equal(strlen(buf), 10);
}

static void
test_names(void **state)
{
	enum care_level	l;
	enum grade	g;
	int		i;

	(void)state;
	assert_string_equal(doc_care_level_name(CARE_EMERGENCY), "emergency");
	assert_string_equal(doc_care_level_name(CARE_NON_URGENT),
	    "non_urgent");
	assert_string_equal(doc_grade_name(GRADE_VERY_LOW), "very_low");
	assert_string_equal(doc_grade_name(GRADE_NONE), "none");
	assert_string_equal(doc_block_kind_name(BLOCK_SEE_ALSO), "see_also");
	assert_string_equal(doc_block_kind_name(BLOCK_PARAGRAPH), "paragraph");
	assert_string_equal(doc_block_kind_name(BLOCK_KIND_MAX), "?");
	for (i = 0; i < CARE_LEVEL_MAX; i++) {
		assert_int_equal(doc_care_level_parse(
		    doc_care_level_name((enum care_level)i), &l), 0);
		assert_int_equal(l, i);
	}
	for (i = 0; i < GRADE_MAX; i++) {
		assert_int_equal(doc_grade_parse(
		    doc_grade_name((enum grade)i), &g), 0);
		assert_int_equal(g, i);
	}
	assert_int_equal(doc_care_level_parse("Emergency", &l), -1);
	assert_int_equal(doc_care_level_parse("non-urgent", &l), -1);
	assert_int_equal(doc_grade_parse("very low", &g), -1);
	assert_int_equal(doc_grade_parse(NULL, &g), -1);
}

static void
test_tstr(void **state)
{
	struct tstr	t;

	(void)state;
	memset(&t, 0, sizeof(t));
	assert_null(tstr_msgid(&t));
	doc_tstr_set(&t, "topic/section", "Some text.", 12, 7);
	assert_memory_equal(t.key, "topic/section\004Some text.", 25);
	assert_int_equal(t.ctxt_len, 13);
	assert_string_equal(tstr_msgid(&t), "Some text.");
	assert_int_equal(t.line, 12);
	assert_int_equal(t.col, 7);
	/* Setting again replaces the old text. */
	doc_tstr_set(&t, "", "Other", 1, 1);
	assert_int_equal(t.ctxt_len, 0);
	assert_string_equal(t.key, "\004Other");
	doc_tstr_free(&t);
	assert_null(t.key);
	doc_tstr_free(&t);
}

static void
test_library(void **state)
{
	static const char *const sa[] = { "intro", "help" };
	static const char *const sb[] = { "only" };
	struct library		 lib;
	const struct topic	*t;
	struct topic		*dup;

	(void)state;
	doc_library_init(&lib);
	assert_int_equal(lib.settings.grade_limit, DOC_GRADE_LIMIT_DEFAULT);
	assert_null(lib.settings.emergency_number);

	assert_int_equal(doc_library_add(&lib, make_topic("a", sa, 2)), 0);
	assert_int_equal(doc_library_add(&lib, make_topic("b", sb, 1)), 0);
	/* A taken id is refused, and the topic stays the caller's. */
	dup = make_topic("a", sb, 1);
	assert_int_equal(doc_library_add(&lib, dup), -1);
	doc_topic_free(dup);
	doc_library_add_pack(&lib, xcalloc(1, sizeof(struct pack)));
	lib.packs[0]->dir = xstrdup("content");
	lib.settings.emergency_number = xstrdup("112");
	assert_int_equal(lib.ntopics, 2);
	assert_int_equal(doc_topic_index(&lib, "b"), 1);
	assert_int_equal(doc_topic_index(&lib, "c"), -1);
	assert_int_equal(doc_topic_index(&lib, NULL), -1);
	t = doc_find_topic(&lib, "a");
	assert_non_null(t);
	assert_ptr_equal(t, lib.topics[0]);
	assert_null(doc_find_topic(&lib, "nope"));
	assert_int_equal(doc_find_section(t, "help"), 1);
	assert_int_equal(doc_find_section(t, "intro"), 0);
	assert_int_equal(doc_find_section(t, "only"), -1);
	assert_int_equal(doc_find_section(t, NULL), -1);
	doc_library_free(&lib);
	assert_int_equal(lib.ntopics, 0);
	assert_null(lib.topics);
	assert_null(lib.packs);
	assert_int_equal(lib.npacks, 0);
	assert_int_equal(lib.settings.grade_limit, DOC_GRADE_LIMIT_DEFAULT);
	/* Freeing twice, or an empty library, is harmless. */
	doc_library_free(&lib);
	doc_topic_free(NULL);
}

static void
test_block_free(void **state)
{
	static const char *const s[] = { "x" };
	struct topic	*t;
	struct block	*b;

	(void)state;
	t = make_topic("t", s, 1);
	b = &t->sections[0].blocks[0];
	doc_block_free(b);
	assert_null(b->link_topic);
	assert_null(b->items);
	assert_int_equal(b->nitems, 0);
	assert_int_equal(b->nrefs, 0);
	/* A zeroed block is safe to free again with its topic. */
	doc_topic_free(t);
}

/*
 * Running out of memory is a run-time failure, status 1: status 2 means
 * a wrong command line, which the user could have fixed.
 */
static void
test_fatal_status(void **state)
{
	pid_t	pid;
	int	status;

	(void)state;
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* Quiet: the message is not what is tested here. */
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		fatal("out of memory");
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_valid),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_cmp_format),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_tstr),
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_block_free),
		cmocka_unit_test(test_fatal_status),
	};

	return (cmocka_run_group_tests_name("doc", tests, NULL, NULL));
}

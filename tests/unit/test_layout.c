/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Layout tests: every line fits its width, no byte of a character is cut,
 * styles and links land where they should, and a place survives a
 * relayout at another width.  The fixture library has every block type.
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

#include <unistr.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "xalloc.h"

static struct library	lib;

static const struct topic *
sample(void)
{
	const struct topic	*t = doc_find_topic(&lib, "sample");

	assert_non_null(t);
	return (t);
}

static struct layout *
lay(int width, int ascii, int plain)
{
	static struct layout_opts	o;

	memset(&o, 0, sizeof(o));
	o.width = width;
	o.ascii = ascii;
	o.plain = plain;
	o.lib = &lib;
	return (layout_topic(sample(), &o));
}

/* The whole layout as text, one line per line. */
static char *
dump(const struct layout *l)
{
	size_t	i, n = 0;
	char	*s = xmalloc(l->buflen + l->nlines + 1);

	for (i = 0; i < l->nlines; i++) {
		memcpy(s + n, layout_line_text(l, &l->lines[i]),
		    l->lines[i].len);
		n += l->lines[i].len;
		s[n++] = '\n';
	}
	s[n] = '\0';
	return (s);
}

static long
find_line(const struct layout *l, const char *needle)
{
	size_t	i;

	for (i = 0; i < l->nlines; i++)
		if (memmem(layout_line_text(l, &l->lines[i]), l->lines[i].len,
		    needle, strlen(needle)) != NULL)
			return ((long)i);
	return (-1);
}

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
	if (library_load_dir(dir, &lib, &d) != 0 || d.nerrors != 0) {
		diag_print(stderr, &d);
		return (-1);
	}
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

/* Every line at every width: fits, valid UTF-8, spans cover it exactly. */
static void
test_widths(void **state)
{
	struct layout	*l;
	size_t		 i, s, covered;
	int		 w;

	(void)state;
	for (w = 20; w <= 200; w++) {
		l = lay(w, 0, 0);
		assert_true(l->nlines > 20);
		for (i = 0; i < l->nlines; i++) {
			const struct layout_line *ln = &l->lines[i];
			const char *t = layout_line_text(l, ln);

			if ((int)ln->width > w)
				fail_msg("width %d line %zu is %d wide: %.*s",
				    w, i, (int)ln->width, (int)ln->len, t);
			assert_int_equal(ln->width, text_width(t, ln->len));
			assert_null(u8_check((const uint8_t *)t, ln->len));
			assert_true(text_is_safe(t, ln->len));
			covered = 0;
			for (s = 0; s < ln->nspans; s++) {
				assert_int_equal(
				    l->spans[ln->span + s].off, covered);
				covered += l->spans[ln->span + s].len;
			}
			assert_int_equal(covered, ln->len);
		}
		layout_free(l);
	}
}

/* Nothing of the text is lost in wrapping, at a narrow width either. */
static void
test_no_text_lost(void **state)
{
	static const char	*words[] = {
		"emphasised", "Averyveryvery", "spaces.", "包围着尿道。",
		"caf\xc3\xa9.", "Smith A, Jones B (2020).", "[1]",
		"Moderate certainty", "No evidence found",
	};
	struct layout		*l;
	char			*s;
	unsigned		 i;

	(void)state;
	l = lay(200, 0, 0);
	s = dump(l);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(s, words[i]) == NULL)
			fail_msg("missing '%s'", words[i]);
	free(s);
	layout_free(l);
}

static void
test_cjk_wraps_between_characters(void **state)
{
	struct layout	*l;
	long		 i;
	int		 w;

	(void)state;
	for (w = 20; w <= 40; w += 7) {
		l = lay(w, 0, 0);
		i = find_line(l, "前列腺");
		assert_true(i >= 0);
		/* A CJK run fills the line instead of overflowing it. */
		assert_in_range(l->lines[i].width, w - 1, w);
		layout_free(l);
	}
}

static void
test_long_word_broken(void **state)
{
	static const char	 word[] = "Averyveryveryverylongwordthatcannot"
				    "fitonanylineatallbecauseitgoesonandonand"
				    "onwithoutanyspaces.";
	struct layout		*l = lay(30, 0, 0);
	long			 i = find_line(l, "Averyvery");
	char			 joined[256] = "";

	(void)state;
	assert_true(i >= 0);
	/* Full lines of 30 columns, then the rest, nothing lost. */
	for (; l->lines[i].len > 0; i++) {
		assert_true(l->lines[i].width == 30 ||
		    l->lines[i + 1].len == 0);
		strncat(joined, layout_line_text(l, &l->lines[i]),
		    l->lines[i].len);
	}
	assert_string_equal(joined, word);
	layout_free(l);
}

static void
test_emphasis_span(void **state)
{
	struct layout			*l = lay(200, 0, 0);
	const struct layout_line	*ln;
	long				 i = find_line(l, "two emphasised");
	size_t				 s;
	int				 found = 0;

	(void)state;
	assert_true(i >= 0);
	ln = &l->lines[i];
	for (s = 0; s < ln->nspans; s++) {
		const struct layout_span *sp = &l->spans[ln->span + s];

		if (sp->style == LAYOUT_EMPH) {
			assert_memory_equal(layout_line_text(l, ln) + sp->off,
			    "two emphasised words", sp->len);
			found = 1;
		}
	}
	assert_true(found);
	/* The stars themselves are gone. */
	assert_int_equal(find_line(l, "*two"), -1);
	layout_free(l);
}

/* Care levels are in words, so they survive without colour. */
static void
test_care_levels_in_words(void **state)
{
	struct layout	*l = lay(72, 0, 0);

	(void)state;
	assert_true(find_line(l, "EMERGENCY") >= 0);
	assert_true(find_line(l, "URGENT: get help today") >= 0);
	assert_true(find_line(l, "NOT URGENT") >= 0);
	assert_true(find_line(l, "GOOD TO KNOW") >= 0);
	assert_true(find_line(l, "How sure: Moderate certainty") >= 0);
	assert_true(find_line(l, "Sources: [1]") >= 0);
	/* A cited care card lists its sources inside the box, in order. */
	assert_true(find_line(l, "\xe2\x94\x82 Sources: [1], [2]") >= 0);
	layout_free(l);
}

static void
test_block_sources(void **state)
{
	struct layout	*l = lay(72, 0, 0);
	long		 p = find_line(l, "two emphasised words");
	long		 li = find_line(l, "A short point with emphasis.");

	(void)state;
	assert_true(p >= 0 && li > p);
	/* Each cited block is followed by its sources. */
	assert_true(find_line(l, "Sources: [1]") > p);
	assert_true(find_line(l, "  Sources: [2]") > li);
	assert_int_equal(find_line(l, "    Sources: [2]"), -1);
	/* A reference with no year has no empty brackets. */
	assert_true(find_line(l, "[2] World Health Organization. A guide "
	    "without a date. WHO.") >= 0);
	assert_int_equal(find_line(l, "()"), -1);
	layout_free(l);
}

static void
test_emergency_number(void **state)
{
	struct layout_opts	 o;
	struct layout		*l;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.width = 60;
	o.emergency_number = "112";
	l = layout_topic(sample(), &o);
	assert_true(find_line(l, "Emergency number: 112") >= 0);
	assert_true(find_line(l, "In an emergency, call 112.") >= 0);
	layout_free(l);
	l = lay(60, 0, 0);
	assert_int_equal(find_line(l, "Emergency number"), -1);
	assert_true(find_line(l, "your local emergency") >= 0);
	layout_free(l);
}

static void
test_ascii(void **state)
{
	struct layout	*l = lay(60, 1, 0);
	size_t		 i;

	(void)state;
	for (i = 0; i < l->buflen; i++)
		assert_true((unsigned char)l->buf[i] < 0x80);
	assert_true(find_line(l, "|  box  |--> arrow") >= 0);
	assert_true(find_line(l, "Cafe, naive, Uber") >= 0);
	layout_free(l);
}

static void
test_figure_or_words(void **state)
{
	struct layout	*l;

	(void)state;
	l = lay(60, 0, 0);
	assert_true(find_line(l, "\xe2\x94\x82  box  \xe2\x94\x82") >= 0);
	assert_true(find_line(l, "A very small drawing.") >= 0);
	assert_int_equal(find_line(l, "Picture:"), -1);
	layout_free(l);
	/* Plain output (screen readers) gets the words instead. */
	l = lay(60, 0, 1);
	assert_true(find_line(l, "Picture: A box with an arrow") >= 0);
	assert_int_equal(find_line(l, "box  \xe2\x94\x82"), -1);
	layout_free(l);
	/* Too narrow for the drawing (20 columns with its margin). */
	l = lay(20, 0, 0);
	assert_int_equal(find_line(l, "Picture:"), -1);
	layout_free(l);
	l = lay(19, 0, 0);
	assert_true(find_line(l, "Picture:") >= 0);
	layout_free(l);
}

static void
test_sections_and_sources(void **state)
{
	struct layout	*l = lay(72, 0, 0);
	long		 src;

	(void)state;
	/* Four sections of the topic, then the added "Sources". */
	assert_int_equal(l->nsections, 5);
	assert_string_equal(l->section_title[0], "What this is");
	assert_string_equal(l->section_title[4], "Sources");
	assert_true(l->lines[l->section_line[2]].heading);
	assert_int_equal(layout_section_at(l, l->section_line[2] + 3), 2);
	assert_int_equal(layout_section_at(l, 0), LAYOUT_NONE);
	src = find_line(l, "[1] Smith A, Jones B (2020). Rest and back pain.");
	assert_true(src > (long)l->section_line[4]);
	assert_true(find_line(l, "https://example.org/smith-2020") > src);
	layout_free(l);
}

static void
test_links(void **state)
{
	struct layout	*l = lay(72, 0, 0);
	long		 other = doc_topic_index(&lib, "other");
	long		 i;

	(void)state;
	assert_int_equal(l->nlinks, 2);
	assert_int_equal(l->links[0].kind, LAYOUT_LINK_TOPIC);
	assert_int_equal(l->links[0].topic, other);
	assert_int_equal(l->links[0].section, 0);
	i = find_line(l, "See also: Other topic \xe2\x80\xba The part that is");
	assert_int_equal(l->links[0].first, i);
	assert_int_equal(l->lines[i].link, 0);
	assert_int_equal(l->links[1].section, -1);
	assert_true(find_line(l, "See also: The other topic") >= 0);
	layout_free(l);
}

/* A place found at one width is the same text at another. */
static void
test_anchor_survives_relayout(void **state)
{
	struct layout		*a, *b;
	struct layout_anchor	 an;
	long			 i;
	size_t			 j;

	(void)state;
	a = lay(80, 0, 0);
	i = find_line(a, "Then do that");
	assert_true(i >= 0);
	an = layout_anchor_at(a, i);
	b = lay(25, 0, 0);
	j = layout_find(b, an);
	assert_non_null(memmem(layout_line_text(b, &b->lines[j]),
	    b->lines[j].len, "Then do", 7));
	/* Mid-paragraph: the line holding the same byte offset. */
	i = find_line(b, "long enough");
	an = layout_anchor_at(b, i);
	j = layout_find(a, an);
	assert_true(an.offset >= a->lines[j].offset);
	assert_int_equal(a->lines[j].anchor, an.anchor);
	layout_free(a);
	layout_free(b);
}

static void
test_library_and_contents(void **state)
{
	struct layout_opts	 o;
	struct layout		*l;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.width = 40;
	l = layout_library(&lib, &o);
	assert_int_equal(l->nlinks, 2);
	assert_int_equal(l->lines[l->links[0].first].len, 14);
	assert_memory_equal(layout_line_text(l, &l->lines[l->links[0].first]),
	    "  Sample topic", 14);
	/* The feedback line comes last, after every topic. */
	assert_true(find_line(l, "  Tell the staff at the desk") >
	    (long)l->links[1].last);
	assert_int_equal(find_line(l, "mistake."), (long)l->nlines - 1);
	layout_free(l);
	l = layout_contents(sample(), &o);
	assert_int_equal(l->nlinks, 5);
	assert_int_equal(l->links[4].kind, LAYOUT_LINK_SECTION);
	assert_true(find_line(l, "5. Sources") >= 0);
	layout_free(l);
	/* Who checked the topic stands under the review dates. */
	l = lay(72, 0, 0);
	assert_int_equal(find_line(l, "Checked by a test reviewer."),
	    find_line(l, "Last reviewed 2026-01-15.") + 1);
	layout_free(l);
	/* A topic with its own "sources" section gets no second one. */
	l = layout_contents(doc_find_topic(&lib, "other"), &o);
	assert_int_equal(l->nlinks, 2);
	layout_free(l);
}

/* A contents entry that wraps goes on under its first word. */
static void
test_contents_continuation(void **state)
{
	struct layout_opts	 o;
	struct layout		*l;
	const char		*t;
	long			 i;
	int			 width, seen = 0;

	(void)state;
	memset(&o, 0, sizeof(o));
	for (width = 12; width <= 30; width++) {
		o.width = width;
		l = layout_contents(sample(), &o);
		/* "  2. Wide and combining characters" */
		i = find_line(l, "2. Wide");
		assert_true(i >= 0);
		t = layout_line_text(l, &l->lines[i]);
		assert_memory_equal(t, "  2. Wide", 9);
		for (i++; i < (long)l->nlines &&
		    l->lines[i].link == l->lines[i - 1].link; i++) {
			t = layout_line_text(l, &l->lines[i]);
			assert_true(l->lines[i].len > 5);
			assert_memory_equal(t, "     ", 5);
			assert_true(t[5] != ' ');
			seen++;
		}
		layout_free(l);
	}
	assert_true(seen > 0);
}

/* A reference's web address breaks only after a '/'. */
static void
test_url_breaks_after_slash(void **state)
{
	static const char	 url[] = "https://example.org/smith-2020";
	struct layout		*l;
	const struct layout_line *ln;
	size_t			 i, n;
	int			 width, broken = 0;
	const char		*t;

	(void)state;
	for (width = 16; width <= 40; width++) {
		l = lay(width, 0, 0);
		for (i = 0, n = 0; i < l->nlines; i++) {
			ln = &l->lines[i];
			if (ln->anchor == 0 || l->sources[ln->anchor].len !=
			    strlen(url) || memcmp(layout_source_text(l,
			    ln->anchor), url, strlen(url)) != 0)
				continue;
			t = layout_line_text(l, ln) + ln->prefix;
			/* The last line ends the address; others at '/'. */
			if (ln->offset + ln->clen < strlen(url)) {
				assert_int_equal(t[ln->clen - 1], '/');
				broken = 1;
			}
			assert_true(ln->width <= (uint32_t)width);
			n++;
		}
		assert_true(n >= 1);
		/* Where it fits beside the number, it is on one line. */
		if (width >= (int)strlen(url) + 4)
			assert_int_equal(n, 1);
		layout_free(l);
	}
	assert_true(broken);
}

/* Each line's content is exactly the bytes of its source at its offset. */
static void
test_sources_map_to_lines(void **state)
{
	struct layout	*l;
	size_t		 i, n;
	int		 w;

	(void)state;
	for (w = 20; w <= 120; w += 9) {
		l = lay(w, 0, 0);
		for (i = 0, n = 0; i < l->nlines; i++) {
			const struct layout_line *ln = &l->lines[i];
			const struct layout_source *src;

			if (ln->clen == 0)
				continue;
			n++;
			assert_true(ln->anchor < l->nsources);
			src = &l->sources[ln->anchor];
			assert_true(ln->offset + ln->clen <= src->len);
			assert_memory_equal(layout_line_text(l, ln) + ln->prefix,
			    layout_source_text(l, ln->anchor) + ln->offset,
			    ln->clen);
			assert_int_equal(src->section, ln->section);
		}
		assert_true(n > 20);
		layout_free(l);
	}
	/* The source is the text as shown: no emphasis stars. */
	l = lay(72, 0, 0);
	i = find_line(l, "two emphasised");
	assert_non_null(memmem(layout_source_text(l, l->lines[i].anchor),
	    l->sources[l->lines[i].anchor].len, "has two emphasised words in",
	    27));
	layout_free(l);
}

static void
test_tiny_widths_terminate(void **state)
{
	struct layout	*l;
	int		 w;

	(void)state;
	for (w = 1; w < 20; w++) {
		l = lay(w, 0, 0);
		assert_true(l->nlines > 0);
		layout_free(l);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_no_text_lost),
		cmocka_unit_test(test_cjk_wraps_between_characters),
		cmocka_unit_test(test_long_word_broken),
		cmocka_unit_test(test_emphasis_span),
		cmocka_unit_test(test_care_levels_in_words),
		cmocka_unit_test(test_block_sources),
		cmocka_unit_test(test_emergency_number),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_figure_or_words),
		cmocka_unit_test(test_sections_and_sources),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_anchor_survives_relayout),
		cmocka_unit_test(test_library_and_contents),
		cmocka_unit_test(test_sources_map_to_lines),
		cmocka_unit_test(test_tiny_widths_terminate),
		cmocka_unit_test(test_contents_continuation),
		cmocka_unit_test(test_url_breaks_after_slash),
	};

	i18n_init(NULL);
	return (cmocka_run_group_tests_name("layout", tests, setup,
	    teardown));
}

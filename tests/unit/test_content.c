/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests of the content loader: the model built from a good topic and
 * settings file, one fixture per diagnostic with its exact message,
 * hostile files (size, type, nesting, aliases, bad bytes), directory
 * loading and link checks, and the formatting of diagnostics.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "content.h"
#include "library.h"
#include "pack.h"
#include "settings.h"
#include "diag.h"
#include "doc.h"
#include "xalloc.h"
#include "ytree.h"

/*
 * Hostile inputs must be refused well within this much processor time of
 * this process (the goal is 0.1 s); the clock is not used, as other work
 * on the machine stretches it.  Slow builds (sanitizers, valgrind) and
 * emulators may say how much slower they are.
 */
#define HOSTILE_MAX_SECONDS	(2.0 * hostile_slow())

static double
hostile_slow(void)
{
	const char	*e = getenv("HOSTILE_SLOW");
	double		 f = e != NULL ? atof(e) : 1.0;

	return (f >= 1.0 ? f : 1.0);
}

static const char	*srcdir(void);
static char		*fixture(const char *);
static char		*format_short(const struct diag *);
static void		 expect_diags(const struct diag_list *,
			    const char *const *);
static struct topic	*load_fixture(const char *, const char *const *);
static char		*tmpdir_new(void);
static void		 tmpdir_remove(char *);
static char		*write_file(const char *, const char *, const char *,
			    size_t);
static void		 copy_fixture(const char *, const char *,
			    const char *);
static struct topic	*topic_from_string(const char *, struct diag_list *);
static double		 cpu_now(void);

/* The top of the source tree: $top_srcdir, else found from this file. */
static const char *
srcdir(void)
{
	static char	 buf[PATH_MAX];
	const char	*env = getenv("top_srcdir");
	char		*p;

	if (env != NULL && *env != '\0')
		return (env);
	snprintf(buf, sizeof(buf), "%s", __FILE__);
	if ((p = strstr(buf, "tests/unit/test_content.c")) == NULL ||
	    p == buf)
		return (".");
	p[-1] = '\0';
	return (buf);
}

static char *
fixture(const char *name)
{
	return (xasprintf("%s/tests/data/%s", srcdir(), name));
}

/* A diagnostic formatted with only the base name of its file. */
static char *
format_short(const struct diag *d)
{
	struct diag	 copy = *d;
	const char	*slash = strrchr(d->file, '/');

	if (slash != NULL)
		copy.file = (char *)slash + 1;
	return (diag_format(&copy));
}

/* Fails unless the list holds exactly the lines of want (NULL-ended). */
static void
expect_diags(const struct diag_list *dl, const char *const *want)
{
	size_t	 i, n;
	char	*s;
	int	 bad = 0;

	for (n = 0; want[n] != NULL; n++)
		continue;
	for (i = 0; i < dl->n || i < n; i++) {
		s = i < dl->n ? format_short(&dl->items[i]) : NULL;
		if (s == NULL || i >= n || strcmp(s, want[i]) != 0) {
			print_error("diagnostic %zu:\n  got:  %s\n  want: %s\n",
			    i, s != NULL ? s : "(none)",
			    i < n ? want[i] : "(none)");
			bad = 1;
		}
		free(s);
	}
	if (bad)
		fail();
}

/* Loads a fixture, checks its diagnostics, returns the topic (or NULL). */
static struct topic *
load_fixture(const char *name, const char *const *want)
{
	struct diag_list	 dl;
	struct topic		*t;
	char			*path;

	diag_init(&dl);
	path = fixture(name);
	t = content_load_file(path, NULL, &dl);
	free(path);
	expect_diags(&dl, want);
	diag_free(&dl);
	return (t);
}

static char *
tmpdir_new(void)
{
	const char	*base = getenv("TMPDIR");
	char		*dir;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	dir = xasprintf("%s/pamphlet-test.XXXXXX", base);
	assert_non_null(mkdtemp(dir));
	return (dir);
}

/* Removes a temporary directory and what is in it (one level deep). */
static void
tmpdir_remove(char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		*path;

	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			if (unlink(path) == -1)
				rmdir(path);
			free(path);
		}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

/* Writes a file into dir; returns its path, to free. */
static char *
write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char	*path;
	int	 fd;

	path = xasprintf("%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd != -1);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return (path);
}

static void
copy_fixture(const char *dir, const char *from, const char *to)
{
	char	*path, *buf;
	FILE	*fp;
	size_t	 len;

	path = fixture(from);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	buf = xmalloc(1 << 20);
	len = fread(buf, 1, 1 << 20, fp);
	fclose(fp);
	free(path);
	free(write_file(dir, to, buf, len));
	free(buf);
}

static struct topic *
topic_from_string(const char *yaml, struct diag_list *dl)
{
	struct ytree	*tree;
	struct topic	*t;

	if (ytree_load_buffer("mem.yaml", yaml, strlen(yaml),
	    &ytree_default_limits, &tree, dl) == -1)
		return (NULL);
	t = content_topic_from_tree("mem.yaml", ytree_root(tree), NULL, dl);
	ytree_free(tree);
	return (t);
}

/* The processor time this process has used, user plus system, in s. */
static double
cpu_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* A topic with one paragraph, for directory tests. */
static char *
mini_topic(const char *id, const char *title, const char *extra)
{
	return (xasprintf("id: %s\ntitle: %s\nsummary: A summary.\n"
	    "last_reviewed: 2026-01-01\nnext_review: 2028-01-01\n"
	    "sections:\n  - id: main\n    heading: Main\n    blocks:\n"
	    "      - paragraph: Some text.\n%sreviewed_by: a test reviewer\n",
	    id, title, extra));
}

/*
 * A bare folder's library.yaml alone: its settings are read, with a word
 * on where each goes now, and a file is not a folder.
 */
static void
test_settings_only(void **state)
{
	struct diag_list	 dl;
	struct pack		*p;
	char			*dir, *file;

	(void)state;
	diag_init(&dl);
	dir = fixture("good");
	p = pack_load(dir, PACK_CHECK, &dl);
	assert_non_null(p);
	assert_null(p->id);
	assert_string_equal(p->domain_id == 0 ? "legacy" : "pack", "legacy");
	assert_string_equal(p->emergency_number, "112");
	assert_int_equal(p->grade_limit, 9);
	assert_int_equal(p->norder, 1);
	assert_int_equal(dl.nerrors, 0);
	assert_true(dl.nwarnings >= 1);
	doc_pack_free(p);
	diag_free(&dl);
	diag_init(&dl);
	file = xasprintf("%s/library.yaml", dir);
	assert_null(pack_load(file, 0, &dl));
	assert_int_equal(dl.nerrors, 1);
	free(file);
	free(dir);
	diag_free(&dl);
}

static void
test_good_library(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	const struct topic	*t;
	const struct section	*s;
	const struct block	*b;
	char			*dir, d1[11], d2[11];

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = fixture("good");
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	free(dir);
	expect_diags(&dl, (const char *const []){ NULL });

	assert_string_equal(lib.settings.emergency_number, "112");
	assert_int_equal(lib.packs[0]->grade_limit, 9);
	/* library.yaml puts the inhaler first, though its title sorts last. */
	assert_int_equal(lib.ntopics, 2);
	assert_string_equal(lib.topics[0]->id, "asthma-inhaler");
	assert_string_equal(lib.topics[1]->id, "asthma-attack");

	t = lib.topics[0];
	assert_non_null(strstr(t->file, "good/asthma-inhaler.yaml"));
	assert_int_equal(t->id_line, 2);
	assert_int_equal(t->id_col, 5);
	assert_string_equal(t->note, "The word \"spacer\" is a device name.");
	assert_string_equal(t->title.key,
	    "asthma-inhaler\004Using an inhaler with a spacer");
	assert_int_equal(t->title.ctxt_len, strlen("asthma-inhaler"));
	assert_string_equal(tstr_msgid(&t->title),
	    "Using an inhaler with a spacer");
	assert_int_equal(t->title.line, 3);
	assert_int_equal(t->title.col, 8);
	assert_string_equal(t->summary.key,
	    "asthma-inhaler\004How to take your dose, and when to get help.");
	doc_date_format(&t->reviewed, d1);
	doc_date_format(&t->next_review, d2);
	assert_string_equal(d1, "2026-10-01");
	assert_string_equal(d2, "2029-10-01");
	assert_int_equal(t->nsections, 3);

	s = &t->sections[0];
	assert_string_equal(s->id, "how-to");
	assert_string_equal(s->note, "Use the informal you.");
	assert_int_equal(s->line, 9);
	assert_int_equal(s->col, 5);
	assert_string_equal(s->heading.key,
	    "asthma-inhaler/how-to\004How to use it");
	assert_int_equal(s->nblocks, 5);
	b = &s->blocks[0];
	assert_int_equal(b->kind, BLOCK_PARAGRAPH);
	assert_null(b->id);
	assert_int_equal(b->line, 13);
	assert_int_equal(b->col, 9);
	/* The folded lines are joined into one. */
	assert_string_equal(b->text.key, "asthma-inhaler/how-to\004"
	    "A spacer is a plastic tube. It helps *more medicine* reach "
	    "your lungs.");
	assert_int_equal(b->text.line, 13);
	assert_int_equal(b->text.col, 20);
	b = &s->blocks[1];
	assert_int_equal(b->kind, BLOCK_SUBHEADING);
	assert_string_equal(b->id, "before");
	assert_string_equal(b->text.key,
	    "asthma-inhaler/how-to/before\004Before you start");
	b = &s->blocks[2];
	assert_int_equal(b->kind, BLOCK_LIST);
	assert_int_equal(b->nitems, 2);
	assert_string_equal(b->items[1].key,
	    "asthma-inhaler/how-to\004Shake the inhaler.");
	assert_int_equal(b->items[1].line, 20);
	assert_int_equal(b->items[1].col, 13);
	b = &s->blocks[3];
	assert_int_equal(b->kind, BLOCK_STEPS);
	assert_int_equal(b->nitems, 3);
	assert_string_equal(b->note, "Keep the steps short.");
	b = &s->blocks[4];
	assert_int_equal(b->kind, BLOCK_FIGURE);
	/* Drawings keep their lines; the last newline is cut. */
	assert_string_equal(tstr_msgid(&b->art),
	    "┌──────┐\n│inhaler├──[ spacer ]──> mouth\n└──────┘");
	assert_string_equal(tstr_msgid(&b->art_ascii),
	    "+------+\n|inhaler+--[ spacer ]--> mouth\n+------+");
	assert_string_equal(tstr_msgid(&b->alt), "The inhaler fits into one "
	    "end of the spacer. You breathe in from the other end.");
	assert_string_equal(tstr_msgid(&b->text), "An inhaler with a spacer.");

	s = &t->sections[1];
	assert_int_equal(s->nblocks, 2);
	b = &s->blocks[0];
	assert_int_equal(b->kind, BLOCK_EVIDENCE);
	assert_int_equal(b->grade, GRADE_HIGH);
	assert_string_equal(b->text.key,
	    "asthma-inhaler/evidence\004Spacers for children");
	assert_string_equal(tstr_msgid(&b->body),
	    "Using a spacer does help more medicine reach the lungs.");
	assert_int_equal(b->nrefs, 1);
	assert_int_equal(b->refs[0], 0);
	b = &s->blocks[1];
	assert_int_equal(b->grade, GRADE_NONE);
	assert_int_equal(b->nrefs, 0);
	assert_string_equal(b->text.key,
	    "asthma-inhaler/evidence/colds\004Spacers for adults with a cold");

	s = &t->sections[2];
	assert_int_equal(s->nblocks, 4);
	b = &s->blocks[0];
	assert_int_equal(b->kind, BLOCK_CARE);
	assert_int_equal(b->level, CARE_EMERGENCY);
	assert_string_equal(tstr_msgid(&b->text),
	    "Call your local emergency number now if");
	assert_null(b->body.key);
	assert_int_equal(b->nitems, 2);
	b = &s->blocks[1];
	assert_int_equal(b->level, CARE_NON_URGENT);
	assert_int_equal(b->nitems, 0);
	assert_string_equal(tstr_msgid(&b->body),
	    "You use your reliever inhaler more than 3 times a week.");
	b = &s->blocks[2];
	assert_int_equal(b->kind, BLOCK_SEE_ALSO);
	assert_string_equal(b->link_topic, "asthma-attack");
	assert_string_equal(b->link_section, "what-to-do");
	assert_null(b->text.key);
	b = &s->blocks[3];
	assert_null(b->link_section);
	assert_string_equal(tstr_msgid(&b->text),
	    "What to do in an asthma attack");

	assert_int_equal(t->nrefs, 1);
	assert_string_equal(t->refs[0].id, "smith-2020");
	assert_string_equal(t->refs[0].authors, "Smith A, Jones B");
	assert_string_equal(t->refs[0].year, "2020");
	assert_string_equal(t->refs[0].title,
	    "Spacers and inhaled medicine in children");
	assert_string_equal(t->refs[0].source, "Journal of Examples 12:34-56");
	assert_string_equal(t->refs[0].url, "https://example.org/smith-2020");
	assert_string_equal(t->refs[0].note.key,
	    "asthma-inhaler/ref/smith-2020\004A study of 200 children.");
	assert_int_equal(t->refs[0].line, 71);
	assert_int_equal(t->refs[0].col, 5);
	assert_int_equal(t->refs[0].note.line, 77);

	t = lib.topics[1];
	assert_int_equal(t->nsections, 2);
	assert_string_equal(t->sections[1].blocks[1].link_topic,
	    "asthma-inhaler");

	doc_library_free(&lib);
	diag_free(&dl);
}

/* Whitespace is normalised, numbers and dates are text, nulls are empty. */
static void
test_text_normalised(void **state)
{
	struct diag_list	 dl;
	struct topic		*t;

	(void)state;
	diag_init(&dl);
	t = topic_from_string("id: 2020\ntitle: 2026-11-01\n"
	    "summary: \"  Two\\tspaces   and\\nlines  \"\n"
	    "last_reviewed: \"2026-01-01\"\nnext_review: 2028-01-01\n"
	    "sections:\n  - id: main\n    heading: yes\n    blocks:\n"
	    "      - paragraph: |\n          One\n          two\n"
	    "reviewed_by: a nurse\n", &dl);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_non_null(t);
	assert_string_equal(t->id, "2020");
	assert_string_equal(tstr_msgid(&t->title), "2026-11-01");
	assert_string_equal(tstr_msgid(&t->summary), "Two spaces and lines");
	assert_string_equal(tstr_msgid(&t->sections[0].heading), "yes");
	assert_string_equal(tstr_msgid(&t->sections[0].blocks[0].text),
	    "One two");
	doc_topic_free(t);
	diag_free(&dl);
}

/* Smaller schema cases: typos, nulls, repeated citations. */
static void
test_schema_edges(void **state)
{
	struct diag_list	 dl;
	struct topic		*t;
	char			*yaml;

	(void)state;
	diag_init(&dl);
	assert_null(topic_from_string("---\n", &dl));
	expect_diags(&dl, (const char *const []){
	    "mem.yaml: error: the file is empty", NULL });
	diag_free(&dl);

	/* A misspelt block type gets a hint and nothing more. */
	yaml = mini_topic("a", "Aye", "      - paragrph: x\n"
	    "      - steps: ~\n");
	assert_null(topic_from_string(yaml, &dl));
	free(yaml);
	expect_diags(&dl, (const char *const []){
	    "mem.yaml:11:9: error: unknown key 'paragrph' in block; did you "
	    "mean 'paragraph'?",
	    "mem.yaml:12:16: error: 'steps' is empty", NULL });
	diag_free(&dl);

	assert_null(topic_from_string("id: a\ntitle: T\nsummary: S\n"
	    "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\n"
	    "sections:\n", &dl));
	expect_diags(&dl, (const char *const []){
	    "mem.yaml:6:10: error: 'sections' is empty", NULL });
	diag_free(&dl);

	/* A source cited twice by one claim is numbered once. */
	yaml = mini_topic("a", "Aye", "      - evidence:\n"
	    "          {about: A, grade: low, text: T, refs: [r, r]}\n"
	    "references:\n"
	    "  - {id: r, authors: A, year: 2000, title: T, source: S}\n");
	t = topic_from_string(yaml, &dl);
	free(yaml);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_non_null(t);
	assert_int_equal(t->sections[0].blocks[1].nrefs, 1);
	doc_topic_free(t);
	diag_free(&dl);
}

/* Topics with warnings only still load. */
static void
test_warnings_keep_topic(void **state)
{
	struct topic	*t;

	(void)state;
	t = load_fixture("bad/control-char.yaml", (const char *const []){
	    "control-char.yaml:8:19: warning: control characters or "
	    "invisible marks removed from 'heading', the first U+202E "
	    "RIGHT-TO-LEFT OVERRIDE; delete them from the file",
	    "control-char.yaml:10:20: warning: control characters or "
	    "invisible marks removed from 'paragraph', the first U+001B (a "
	    "control character); delete them from the file", NULL });
	assert_non_null(t);
	assert_string_equal(tstr_msgid(&t->sections[0].heading),
	    "Main heading");
	assert_string_equal(tstr_msgid(&t->sections[0].blocks[0].text),
	    "Red [31malert[0m text.");
	doc_topic_free(t);

	t = load_fixture("bad/unused-ref.yaml", (const char *const []){
	    "unused-ref.yaml:12:5: warning: reference 'smith-2020' is never "
	    "cited", NULL });
	assert_non_null(t);
	assert_int_equal(t->nrefs, 1);
	doc_topic_free(t);
}

/*
 * Review dates and care cards: warnings that keep the topic.  The review
 * fixture's dates lie in the past whatever the day the test runs.
 */
static void
test_review_and_cards(void **state)
{
	struct topic	*t;
	char		*yaml;
	struct diag_list dl;

	(void)state;
	t = load_fixture("bad/review-warnings.yaml", (const char *const []){
	    "review-warnings.yaml:1:1: warning: no 'reviewed_by': name the "
	    "person or role who checked this topic",
	    "review-warnings.yaml:5:14: warning: next_review is more than "
	    "three years after last_reviewed; review topics at least every "
	    "three years",
	    "review-warnings.yaml:5:14: warning: this topic was due for review "
	    "on 2003-01-02; have a clinician check it, then update "
	    "last_reviewed and next_review", NULL });
	assert_non_null(t);
	assert_null(t->reviewed_by.key);
	doc_topic_free(t);

	/* Folded alike across cards; each later place is named. */
	t = load_fixture("bad/care-twice.yaml", (const char *const []){
	    "care-twice.yaml:21:15: warning: this sign is also on another "
	    "care card, at line 16; give each sign one level of care",
	    "care-twice.yaml:27:15: warning: this sign is also on another "
	    "care card, at line 22; give each sign one level of care",
	    "care-twice.yaml:28:15: warning: this sign is also on another "
	    "care card, at line 22; give each sign one level of care", NULL });
	assert_non_null(t);
	assert_string_equal(tstr_msgid(&t->reviewed_by), "a nurse");
	assert_string_equal(t->reviewed_by.key, "care-twice\004a nurse");
	doc_topic_free(t);

	/* Three years to the day is within the limit. */
	diag_init(&dl);
	yaml = xasprintf("id: a\ntitle: T\nsummary: S\n"
	    "last_reviewed: 2026-02-28\nnext_review: 2029-02-28\n"
	    "reviewed_by: a GP\nsections:\n  - id: m\n    heading: H\n"
	    "    blocks:\n      - paragraph: x\n");
	t = topic_from_string(yaml, &dl);
	free(yaml);
	assert_non_null(t);
	expect_diags(&dl, (const char *const []){ NULL });
	doc_topic_free(t);
	diag_free(&dl);
}

/*
 * Tabs in text and drawings, and stars that show as stars, are warnings
 * at their own line and column; the topic loads.
 */
static void
test_text_marks(void **state)
{
	struct topic	*t;
	const char	*star = "shows as a star: for *emphasis* put one star "
	    "before a word and one after it; for a star itself, put a space "
	    "on each side";
	char		*want[9];
	size_t		 i;

	(void)state;
	want[0] = xstrdup("text-marks.yaml:4:19: warning: a tab in 'summary' "
	    "shows as spaces; type spaces instead");
	want[1] = xasprintf("text-marks.yaml:11:28: warning: this '*' in "
	    "'paragraph' %s", star);
	want[2] = xasprintf("text-marks.yaml:12:27: warning: this '*' in "
	    "'paragraph' %s", star);
	want[3] = xasprintf("text-marks.yaml:13:22: warning: this '*' in "
	    "'paragraph' %s", star);
	want[4] = xasprintf("text-marks.yaml:17:14: warning: this '*' in "
	    "'list' %s", star);
	want[5] = xstrdup("text-marks.yaml:20:14: warning: a tab in 'art' "
	    "shows as spaces; type spaces instead");
	want[6] = xstrdup("text-marks.yaml:23:5: warning: reference "
	    "'smith-2020' is never cited");
	want[7] = xasprintf("text-marks.yaml:28:16: warning: this '*' in "
	    "'note' %s", star);
	want[8] = NULL;
	t = load_fixture("bad/text-marks.yaml", (const char *const *)want);
	assert_non_null(t);
	doc_topic_free(t);
	for (i = 0; want[i] != NULL; i++)
		free(want[i]);
}

/* One test per bad fixture: the topic is refused with these lines. */
#define BAD_FIXTURE(name, file, ...)					\
static void								\
test_bad_##name(void **state)						\
{									\
	(void)state;							\
	assert_null(load_fixture("bad/" file,				\
	    (const char *const []){ __VA_ARGS__, NULL }));		\
}

BAD_FIXTURE(empty_file, "empty.yaml",
    "empty.yaml: error: the file is empty")
BAD_FIXTURE(comments_only, "comments-only.yaml",
    "comments-only.yaml: error: the file is empty")
BAD_FIXTURE(syntax, "syntax.yaml",
    "syntax.yaml:2:14: error: YAML syntax error: mapping values are not "
    "allowed in this context")
BAD_FIXTURE(tab_indent, "tab-indent.yaml",
    "tab-indent.yaml:4:1: error: a tab here; YAML indents with spaces "
    "only, so replace it with spaces")
BAD_FIXTURE(figure_indent, "figure-indent.yaml",
    "figure-indent.yaml:14:13: error: YAML syntax error: did not find "
    "expected key; a block after '|' or '>' takes its indent from its "
    "first line, and a line indented less ends it: write '|2' instead of "
    "'|' to keep the spaces of every line")
BAD_FIXTURE(bad_utf8, "bad-utf8.yaml",
    "bad-utf8.yaml:2:11: error: this is not valid UTF-8 text; save the "
    "file as UTF-8")
BAD_FIXTURE(too_deep, "too-deep.yaml",
    "too-deep.yaml:2:42: error: nested more than 32 levels deep")
BAD_FIXTURE(anchor, "anchor.yaml",
    "anchor.yaml:2:8: error: YAML anchors (&) are not allowed")
BAD_FIXTURE(alias, "alias.yaml",
    "alias.yaml:3:10: error: YAML aliases (*) are not allowed")
BAD_FIXTURE(tag, "tag.yaml",
    "tag.yaml:2:8: error: YAML tags (!) are not allowed")
BAD_FIXTURE(multi_doc, "multi-doc.yaml",
    "multi-doc.yaml:3:1: error: a second document starts here; a file "
    "holds only one")
BAD_FIXTURE(root_type, "root-type.yaml",
    "root-type.yaml:1:1: error: the file must hold keys with values "
    "(key: value)")
BAD_FIXTURE(key_type, "key-type.yaml",
    "key-type.yaml:6:1: error: a key must be a plain word")
BAD_FIXTURE(unknown_key, "unknown-key.yaml",
    "unknown-key.yaml:6:1: error: unknown key 'colour' in topic")
BAD_FIXTURE(unknown_key_hint, "unknown-key-hint.yaml",
    "unknown-key-hint.yaml:1:1: error: missing 'title' in topic",
    "unknown-key-hint.yaml:2:1: error: unknown key 'titel' in topic; "
    "did you mean 'title'?",
    "unknown-key-hint.yaml:11:9: error: unknown key 'translater_note' in "
    "block; did you mean 'translator_note'?")
BAD_FIXTURE(dup_key, "dup-key.yaml",
    "dup-key.yaml:6:1: error: key 'title' is given more than once")
BAD_FIXTURE(wrong_type, "wrong-type.yaml",
    "wrong-type.yaml:9:7: error: 'heading' must be text",
    "wrong-type.yaml:10:13: error: 'blocks' must be a list")
BAD_FIXTURE(wrong_item_type, "wrong-item-type.yaml",
    "wrong-item-type.yaml:10:9: error: each item of 'blocks' must be keys "
    "with values",
    "wrong-item-type.yaml:12:13: error: each item of 'list' must be text")
BAD_FIXTURE(missing, "missing.yaml",
    "missing.yaml:1:1: error: missing 'summary' in topic",
    "missing.yaml:6:5: error: missing 'heading' in section")
BAD_FIXTURE(empty_value, "empty-value.yaml",
    "empty-value.yaml:3:10: error: 'summary' is empty",
    "empty-value.yaml:8:13: error: 'heading' is empty",
    "empty-value.yaml:10:20: error: 'paragraph' is empty")
BAD_FIXTURE(bad_id, "bad-id.yaml",
    "bad-id.yaml:1:5: error: bad id 'Asthma_Inhaler': use only a-z, 0-9 "
    "and '-' (no capitals or accents), starting with a letter or digit, "
    "at most 64 characters",
    "bad-id.yaml:7:9: error: bad id '-main': use only a-z, 0-9 and '-' "
    "(no capitals or accents), starting with a letter or digit, at most "
    "64 characters")
BAD_FIXTURE(dup_id, "dup-id.yaml",
    "dup-id.yaml:17:13: error: id 'intro' is already used",
    "dup-id.yaml:18:9: error: id 'main' is already used",
    "dup-id.yaml:28:9: error: id 'smith-2020' is already used")
BAD_FIXTURE(unknown_block, "unknown-block.yaml",
    "unknown-block.yaml:10:9: error: unknown block type 'table'")
BAD_FIXTURE(key_beside, "key-beside.yaml",
    "key-beside.yaml:13:11: error: 'translator_note' goes beside 'figure:' "
    "in the block, not inside it; move it out one level",
    "key-beside.yaml:18:11: error: 'id' goes beside 'care:' in the block, "
    "not inside it; move it out one level")
/* An optional key left empty is left out; a card still needs words. */
BAD_FIXTURE(care_title, "care-title.yaml",
    "care-title.yaml:14:18: warning: the card already shows the label "
    "'GOOD TO KNOW'; give it a title that says what the card is about",
    "care-title.yaml:17:11: error: a care card needs 'text', 'items' or "
    "both",
    "care-title.yaml:18:18: warning: the card already shows the label "
    "'URGENT: get help today'; give it a title that says what the card is "
    "about")
BAD_FIXTURE(block_shape, "block-shape.yaml",
    "block-shape.yaml:10:9: error: a block must name exactly one type "
    "(paragraph, subheading, list, steps, care, evidence, figure or "
    "see_also)",
    "block-shape.yaml:12:9: error: a block must name exactly one type "
    "(paragraph, subheading, list, steps, care, evidence, figure or "
    "see_also)")
BAD_FIXTURE(bad_level, "bad-level.yaml",
    "bad-level.yaml:11:18: error: unknown care level 'critical': use "
    "emergency, urgent, non_urgent or info")
BAD_FIXTURE(bad_grade, "bad-grade.yaml",
    "bad-grade.yaml:12:18: error: unknown grade 'certain': use high, "
    "moderate, low, very_low or none")
BAD_FIXTURE(bad_date, "bad-date.yaml",
    "bad-date.yaml:4:16: error: bad date '2026-02-29': write a real date "
    "as YYYY-MM-DD",
    "bad-date.yaml:5:14: error: bad date '01/10/2028': write a real date "
    "as YYYY-MM-DD")
BAD_FIXTURE(review_order, "review-order.yaml",
    "review-order.yaml:5:14: error: next_review must be after "
    "last_reviewed")
BAD_FIXTURE(no_refs, "no-refs.yaml",
    "no-refs.yaml:14:17: error: evidence needs at least one reference in "
    "'refs' (only grade none may have none)")
BAD_FIXTURE(care_empty, "care-empty.yaml",
    "care-empty.yaml:11:11: error: a care card needs 'text', 'items' or "
    "both")
BAD_FIXTURE(dangling_ref, "dangling-ref.yaml",
    "dangling-ref.yaml:14:30: error: no reference with id 'nobody-1999' in "
    "this topic",
    "dangling-ref.yaml:16:16: error: no reference with id 'nobody-2001' in "
    "this topic")

/* Settings: every bad value is reported and the defaults stay. */
static void
test_bad_settings(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	copy_fixture(dir, "bad/unused-ref.yaml", "unused-ref.yaml");
	copy_fixture(dir, "bad/library-settings.yaml", "library.yaml");
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){
	    "library.yaml:1:19: error: bad value for 'emergency_number': "
	    "expected a phone number (digits, spaces and + - ( ) only)",
	    "library.yaml:2:22: error: bad value for 'reading_grade_limit': "
	    "expected a whole number from 1 to 20",
	    "library.yaml:3:21: error: no topic with id 'no-such-topic'",
	    "library.yaml:3:36: error: bad id 'Bad_Id': use only a-z, 0-9 and "
	    "'-' (no capitals or accents), starting with a letter or digit, at "
	    "most 64 characters",
	    "library.yaml:3:44: error: id 'unused-ref' is already used",
	    "library.yaml:4:1: error: unknown key 'colour' in library.yaml",
	    "unused-ref.yaml:12:5: warning: reference 'smith-2020' is never "
	    "cited", NULL });
	assert_null(lib.settings.emergency_number);
	assert_int_equal(lib.packs[0]->grade_limit, 0);
	assert_int_equal(lib.ntopics, 1);
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* A settings file with only comments is no settings, not an error. */
static void
test_empty_settings(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	free(write_file(dir, "library.yaml", "# none yet\n", 11));
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	/* Nothing is wrong with the settings, but there is nothing to show. */
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.items[0].code, DIAG_NO_TOPICS);
	assert_string_equal(dl.items[0].file, dir);
	assert_int_equal(lib.ntopics, 0);
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

static void
test_io_error(void **state)
{
	struct diag_list	dl;

	(void)state;
	diag_init(&dl);
	assert_null(content_load_file("/nonexistent/x.yaml", NULL, &dl));
	expect_diags(&dl, (const char *const []){
	    "x.yaml: error: cannot be read: No such file or directory",
	    NULL });
	diag_free(&dl);
}

static void
test_too_big(void **state)
{
	struct diag_list	 dl;
	char			*dir, *path, *buf;
	size_t			 len = 1024 * 1024 + 1;

	(void)state;
	diag_init(&dl);
	dir = tmpdir_new();
	buf = xmalloc(len);
	memset(buf, 'a', len);
	path = write_file(dir, "big.yaml", buf, len);
	free(buf);
	assert_null(content_load_file(path, NULL, &dl));
	expect_diags(&dl, (const char *const []){
	    "big.yaml: error: the file is larger than the limit of 1048576 "
	    "bytes", NULL });
	free(path);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* A 2 GiB sparse file is refused from its size, without reading it. */
static void
test_sparse_file(void **state)
{
	struct diag_list	 dl;
	char			*dir, *path;
	double			 t0, dt;
	int			 fd;

	(void)state;
	diag_init(&dl);
	dir = tmpdir_new();
	path = write_file(dir, "sparse.yaml", "", 0);
	fd = open(path, O_WRONLY);
	assert_true(fd != -1);
	if (ftruncate(fd, (off_t)2 << 30) == -1) {
		close(fd);
		free(path);
		tmpdir_remove(dir);
		skip();
	}
	close(fd);
	t0 = cpu_now();
	assert_null(content_load_file(path, NULL, &dl));
	dt = cpu_now() - t0;
	expect_diags(&dl, (const char *const []){
	    "sparse.yaml: error: the file is larger than the limit of 1048576 "
	    "bytes", NULL });
	assert_true(dt < HOSTILE_MAX_SECONDS);
	free(path);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* A FIFO with no writer must not block the loader. */
static void
test_fifo(void **state)
{
	struct diag_list	 dl;
	char			*dir, *path;
	double			 t0, dt;

	(void)state;
	diag_init(&dl);
	dir = tmpdir_new();
	path = xasprintf("%s/fifo.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(10);	/* a blocked open ends the test run */
	t0 = cpu_now();
	assert_null(content_load_file(path, NULL, &dl));
	dt = cpu_now() - t0;
	alarm(0);
	expect_diags(&dl, (const char *const []){
	    "fifo.yaml: error: not a regular file; only regular files are read",
	    NULL });
	assert_true(dt < HOSTILE_MAX_SECONDS);
	free(path);
	diag_free(&dl);
	tmpdir_remove(dir);
}

static void
test_device_and_directory(void **state)
{
	struct diag_list	dl;

	(void)state;
	diag_init(&dl);
	assert_null(content_load_file("/dev/zero", NULL, &dl));
	assert_null(content_load_file("/dev", NULL, &dl));
	expect_diags(&dl, (const char *const []){
	    "zero: error: not a regular file; only regular files are read",
	    "dev: error: not a regular file; only regular files are read",
	    NULL });
	diag_free(&dl);
}

static void
test_symlink(void **state)
{
	struct diag_list	 dl;
	char			*dir, *path;

	(void)state;
	diag_init(&dl);
	dir = tmpdir_new();
	path = xasprintf("%s/link.yaml", dir);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_null(content_load_file(path, NULL, &dl));
	expect_diags(&dl, (const char *const []){
	    "link.yaml: error: this is a symbolic link; only regular files are "
	    "read", NULL });
	free(path);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* n copies of an opening bracket: refused at depth 33, at once. */
static void
deep_case(char open, const char *name)
{
	struct diag_list	 dl;
	char			*dir, *path, *buf, want[128];
	size_t			 len = 1000000;
	double			 t0, dt;

	diag_init(&dl);
	dir = tmpdir_new();
	buf = xmalloc(len);
	memset(buf, open, len);
	path = write_file(dir, name, buf, len);
	free(buf);
	t0 = cpu_now();
	assert_null(content_load_file(path, NULL, &dl));
	dt = cpu_now() - t0;
	print_message("%s: %zu brackets refused in %.1f ms of CPU\n", name, len,
	    dt * 1e3);
	snprintf(want, sizeof(want),
	    "%s:1:33: error: nested more than 32 levels deep", name);
	expect_diags(&dl, (const char *const []){ want, NULL });
	assert_true(dt < HOSTILE_MAX_SECONDS);
	free(path);
	diag_free(&dl);
	tmpdir_remove(dir);
}

static void
test_deep_sequences(void **state)
{
	(void)state;
	deep_case('[', "deep-seq.yaml");
}

static void
test_deep_mappings(void **state)
{
	(void)state;
	deep_case('{', "deep-map.yaml");
}

/*
 * Loads YAML from memory (len SIZE_MAX: up to the NUL) and checks the one
 * error it must give.
 */
static void
refuse_buffer(const char *yaml, size_t len, const char *want)
{
	struct diag_list	 dl;
	struct ytree		*tree;
	double			 t0, dt;

	if (len == SIZE_MAX)
		len = strlen(yaml);
	diag_init(&dl);
	t0 = cpu_now();
	assert_int_equal(ytree_load_buffer("mem.yaml", yaml, len,
	    &ytree_default_limits, &tree, &dl), -1);
	dt = cpu_now() - t0;
	assert_null(tree);
	expect_diags(&dl, (const char *const []){ want, NULL });
	assert_true(dt < HOSTILE_MAX_SECONDS);
	diag_free(&dl);
}

static void
test_billion_laughs(void **state)
{
	static const char yaml[] =
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
	    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

	(void)state;
	refuse_buffer(yaml, sizeof(yaml) - 1,
	    "mem.yaml:1:4: error: YAML anchors (&) are not allowed");
}

static void
test_self_alias(void **state)
{
	(void)state;
	refuse_buffer("&a [*a]\n", SIZE_MAX,
	    "mem.yaml:1:1: error: YAML anchors (&) are not allowed");
	refuse_buffer("{&x [*x]: 0}\n", SIZE_MAX,
	    "mem.yaml:1:2: error: YAML anchors (&) are not allowed");
	refuse_buffer("[*x]\n", SIZE_MAX,
	    "mem.yaml:1:2: error: YAML aliases (*) are not allowed");
}

static void
test_tags(void **state)
{
	(void)state;
	refuse_buffer("a: !local b\n", SIZE_MAX,
	    "mem.yaml:1:4: error: YAML tags (!) are not allowed");
	refuse_buffer("a: ! b\n", SIZE_MAX,
	    "mem.yaml:1:4: error: YAML tags (!) are not allowed");
	refuse_buffer("- !!map {}\n", SIZE_MAX,
	    "mem.yaml:1:3: error: YAML tags (!) are not allowed");
	refuse_buffer("%TAG !e! tag:example.org,2000:\n---\na: b\n",
	    SIZE_MAX,
	    "mem.yaml:1:1: error: YAML tags (!) are not allowed");
}

static void
test_second_document(void **state)
{
	(void)state;
	refuse_buffer("a: b\n...\n---\nc: d\n", SIZE_MAX,
	    "mem.yaml:3:1: error: a second document starts here; a file holds "
	    "only one");
	refuse_buffer("--- a\n--- b\n", SIZE_MAX,
	    "mem.yaml:2:1: error: a second document starts here; a file holds "
	    "only one");
}

static void
test_too_many_nodes(void **state)
{
	size_t	 i, n = 200001, len = 2 * n + 1;
	char	*buf;

	(void)state;
	buf = xmalloc(len);
	buf[0] = '[';
	for (i = 0; i < n; i++) {
		buf[1 + 2 * i] = '1';
		buf[2 + 2 * i] = i + 1 < n ? ',' : ']';
	}
	/* The sequence is one node, so the 200,000th item is too many. */
	refuse_buffer(buf, len,
	    "mem.yaml:1:400000: error: more than 200000 values in one file");
	free(buf);
}

static void
test_invalid_utf8_position(void **state)
{
	(void)state;
	/* Columns count characters: é is one. */
	refuse_buffer("a: é\nb: \xe2\x82\n", 12,
	    "mem.yaml:2:4: error: this is not valid UTF-8 text; save the file "
	    "as UTF-8");
	refuse_buffer("a: b\r\nc: d\re: \xc0\xaf\n", 17,
	    "mem.yaml:3:4: error: this is not valid UTF-8 text; save the file "
	    "as UTF-8");
	/* A surrogate encoded in UTF-8 is not valid either. */
	refuse_buffer("\xed\xa0\x80", 3,
	    "mem.yaml:1:1: error: this is not valid UTF-8 text; save the file "
	    "as UTF-8");
}

/* Random bytes and NULs: refused with an error, never a crash. */
static void
test_binary_garbage(void **state)
{
	struct diag_list	 dl;
	struct ytree		*tree;
	char			 buf[4096];
	unsigned int		 seed = 12345;
	size_t			 i;
	int			 round;

	(void)state;
	for (round = 0; round < 50; round++) {
		for (i = 0; i < sizeof(buf); i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (char)(seed >> 16);
		}
		diag_init(&dl);
		assert_int_equal(ytree_load_buffer("junk", buf, sizeof(buf),
		    &ytree_default_limits, &tree, &dl), -1);
		assert_true(dl.nerrors >= 1);
		diag_free(&dl);
	}
	refuse_buffer("a: b\0c\n", 7, "mem.yaml:1:5: error: YAML syntax error: "
	    "control characters are not allowed");
}

/* A very long word is content, not an attack. */
static void
test_long_word(void **state)
{
	struct diag_list	 dl;
	struct topic		*t;
	char			*word, *yaml;

	(void)state;
	diag_init(&dl);
	word = xmalloc(100001);
	memset(word, 'w', 100000);
	word[100000] = '\0';
	yaml = mini_topic("long", word, "");
	t = topic_from_string(yaml, &dl);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_non_null(t);
	assert_int_equal(strlen(tstr_msgid(&t->title)), 100000);
	doc_topic_free(t);
	free(yaml);
	free(word);
	diag_free(&dl);
}

/* Untrusted text in messages is escaped and shortened. */
static void
test_diag_escaping(void **state)
{
	struct diag_list	 dl;
	struct diag		 d;
	char			*s, want[256];

	(void)state;
	diag_init(&dl);
	assert_null(topic_from_string("id: \"a\\e]0;owned\\ab\"\n"
	    "\"\\u202Etitle\": x\n"
	    "summary: [\"\\0\"]\n"
	    "\"t\\0itle\": x\n", &dl));
	expect_diags(&dl, (const char *const []){
	    "mem.yaml:1:1: error: missing 'title' in topic",
	    "mem.yaml:1:1: error: missing 'last_reviewed' in topic",
	    "mem.yaml:1:1: error: missing 'next_review' in topic",
	    "mem.yaml:1:1: error: missing 'sections' in topic",
	    "mem.yaml:1:5: error: bad id 'a\\x1b]0;owned\\x07b': use only "
	    "a-z, 0-9 and '-' (no capitals or accents), starting with a letter "
	    "or digit, at most 64 characters",
	    "mem.yaml:2:1: error: unknown key '\\xe2\\x80\\xaetitle' in topic",
	    "mem.yaml:3:10: error: 'summary' must be text",
	    "mem.yaml:4:1: error: unknown key 't\\x00itle' in topic; did you "
	    "mean 'title'?", NULL });
	diag_free(&dl);

	memset(&d, 0, sizeof(d));
	d.file = (char *)"a\nb.yaml";
	d.line = 3;
	d.col = 7;
	d.code = DIAG_DUP_ID;
	d.level = DIAG_ERROR;
	/* Printf directives are text; past 60 characters the rest is cut. */
	d.arg = (char *)"%s%n%x0123456789012345678901234567890123456789"
	    "0123456789abcdefghij";
	s = diag_format(&d);
	snprintf(want, sizeof(want), "a\\x0ab.yaml:3:7: error: id '%.60s...' "
	    "is already used", d.arg);
	assert_string_equal(s, want);
	free(s);
	/* Invalid bytes in a file name are shown, not passed on. */
	d.file = (char *)"\xff.yaml";
	d.line = 0;
	d.code = DIAG_EMPTY_FILE;
	s = diag_format(&d);
	assert_string_equal(s, "\\xff.yaml: error: the file is empty");
	free(s);
	/* Every bidi control is escaped, U+061C as well as U+202E. */
	d.file = (char *)"a.yaml";
	d.line = 1;
	d.code = DIAG_DUP_ID;
	d.arg = (char *)"x\xd8\x9cy\xe2\x80\xaez";
	s = diag_format(&d);
	assert_string_equal(s, "a.yaml:1:7: error: id "
	    "'x\\xd8\\x9cy\\xe2\\x80\\xaez' is already used");
	free(s);
}

static void
test_diag_list(void **state)
{
	struct diag_list	a, b;
	char			buf[512];
	FILE			*fp;

	(void)state;
	diag_init(&a);
	diag_init(&b);
	diag_add(&a, "b.yaml", 2, 1, DIAG_UNUSED_REF, "r", NULL);
	diag_add(&a, "a.yaml", 9, 1, DIAG_ANCHOR, NULL, NULL);
	diag_add(&b, "a.yaml", 3, 4, DIAG_ALIAS, NULL, NULL);
	diag_add(&b, "a.yaml", 3, 4, DIAG_TAG, NULL, NULL);
	diag_add3(&b, "a.yaml", 0, 9, DIAG_UNKNOWN_KEY_HINT, "nme", "topic",
	    "name");
	assert_int_equal(a.nerrors, 1);
	assert_int_equal(a.nwarnings, 1);
	diag_move(&a, &b);
	assert_int_equal(b.n, 0);
	assert_int_equal(a.n, 5);
	assert_int_equal(a.nerrors, 4);
	diag_sort(&a);
	assert_int_equal(diag_code_level(DIAG_UNUSED_REF), DIAG_WARNING);
	fp = fmemopen(buf, sizeof(buf), "w");
	assert_non_null(fp);
	diag_print(fp, &a);
	fclose(fp);
	assert_string_equal(buf,
	    "a.yaml: error: unknown key 'nme' in topic; did you mean 'name'?\n"
	    "a.yaml:3:4: error: YAML aliases (*) are not allowed\n"
	    "a.yaml:3:4: error: YAML tags (!) are not allowed\n"
	    "a.yaml:9:1: error: YAML anchors (&) are not allowed\n"
	    "b.yaml:2:1: warning: reference 'r' is never cited\n");
	diag_free(&a);
	diag_free(&b);
}

/* One broken file does not stop the others; odd names are skipped. */
static void
test_dir_broken_topic(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir, *yaml, *path;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	free(write_file(dir, "a.yaml", "id: a\ntitle: [\n", 15));
	yaml = mini_topic("b", "Bee", "");
	free(write_file(dir, "b.yaml", yaml, strlen(yaml)));
	free(write_file(dir, ".hidden.yaml", "&x 1\n", 5));
	free(write_file(dir, "notes.txt", "&x 1\n", 5));
	free(write_file(dir, "c.yml", "&x 1\n", 5));
	free(yaml);
	path = xasprintf("%s/sub.yaml", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);
	path = xasprintf("%s/link.yaml", dir);
	assert_int_equal(symlink("b.yaml", path), 0);
	free(path);
	path = xasprintf("%s/pipe.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	free(path);
	alarm(10);	/* a blocked open ends the test run */
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	alarm(0);
	expect_diags(&dl, (const char *const []){
	    "a.yaml:3:1: error: YAML syntax error: did not find expected node "
	    "content",
	    "link.yaml: error: this is a symbolic link; only regular files are "
	    "read",
	    "pipe.yaml: error: not a regular file; only regular files are read",
	    "sub.yaml: error: not a regular file; only regular files are read",
	    NULL });
	assert_int_equal(lib.ntopics, 1);
	assert_string_equal(lib.topics[0]->id, "b");
	assert_int_equal(lib.npacks, 1);
	assert_string_equal(lib.packs[0]->dir, dir);
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/*
 * A link to a topic whose file has errors is not reported again as a
 * link to nothing: the file's own errors say what is wrong.
 */
static void
test_dir_no_knock_on(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir, *yaml;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	yaml = mini_topic("a", "Aye", "      - see_also: {topic: b}\n"
	    "      - see_also: {topic: c}\n");
	free(write_file(dir, "a.yaml", yaml, strlen(yaml)));
	free(write_file(dir, "b.yaml", "id: b\ntitle: [\n", 15));
	free(yaml);
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){
	    "a.yaml:12:9: error: no topic with id 'c'; correct 'topic', or "
	    "readers see this link marked as not available",
	    "b.yaml:3:1: error: YAML syntax error: did not find expected node "
	    "content",
	    NULL });
	assert_int_equal(lib.ntopics, 1);
	/* Both links stay, marked: readers see them as not available. */
	assert_int_equal(lib.topics[0]->sections[0].nblocks, 3);
	assert_true(lib.topics[0]->sections[0].blocks[1].link_missing);
	assert_true(lib.topics[0]->sections[0].blocks[2].link_missing);
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* The second file with a taken id is refused at its id. */
static void
test_dir_duplicate_topic(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir, *yaml;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	yaml = mini_topic("same", "First", "");
	free(write_file(dir, "a.yaml", yaml, strlen(yaml)));
	free(yaml);
	yaml = mini_topic("same", "Second", "");
	free(write_file(dir, "b.yaml", yaml, strlen(yaml)));
	free(yaml);
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){
	    "b.yaml:1:5: error: id 'same' is already used", NULL });
	assert_int_equal(lib.ntopics, 1);
	assert_string_equal(tstr_msgid(&lib.topics[0]->title), "First");
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/*
 * Dangling links are reported, each saying what can be linked; a link to
 * a missing topic stays, marked; links to sections and blocks resolve.
 */
static void
test_dir_dangling_links(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	const struct section	*s;
	char			*dir, *yaml;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	yaml = mini_topic("a", "Aye",
	    "      - see_also: {topic: nowhere}\n"
	    "      - see_also: {topic: b, section: nope}\n"
	    "      - see_also: {topic: b, section: main}\n"
	    "      - see_also: {topic: a}\n"
	    "      - see_also: {topic: b, block: sub}\n"
	    "      - see_also: {topic: b, section: more, block: fig}\n"
	    "      - see_also: {topic: b, section: sub}\n"
	    "      - see_also: {topic: b, block: nope}\n"
	    "      - see_also: {topic: b, section: main, block: sub}\n"
	    "      - see_also: {topic: a, block: nope}\n");
	free(write_file(dir, "a.yaml", yaml, strlen(yaml)));
	free(yaml);
	yaml = mini_topic("b", "Bee", "  - id: more\n    heading: More\n"
	    "    blocks:\n      - subheading: Sub\n        id: sub\n"
	    "      - figure: {art: x, alt: A line.}\n        id: fig\n");
	free(write_file(dir, "b.yaml", yaml, strlen(yaml)));
	free(yaml);
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){
	    "a.yaml:11:9: error: no topic with id 'nowhere'; correct 'topic', "
	    "or readers see this link marked as not available",
	    "a.yaml:12:9: error: topic 'b' has no section 'nope'; its "
	    "sections are: main, more",
	    "a.yaml:17:9: error: topic 'b' has no section 'sub', but a block "
	    "there has that id: write 'block: sub' instead of 'section: sub'",
	    "a.yaml:18:9: error: topic 'b' has no section or block 'nope'; "
	    "ids that can be linked are: sub, fig",
	    "a.yaml:19:9: error: in topic 'b', block 'sub' is in section "
	    "'more'; correct 'section' or leave it out",
	    "a.yaml:20:9: error: topic 'a' has no block 'nope'; to link to a "
	    "block, write 'id: nope' beside its type there",
	    NULL });
	assert_int_equal(lib.ntopics, 2);
	s = &doc_find_topic(&lib, "a")->sections[0];
	assert_int_equal(s->nblocks, 11);
	assert_true(s->blocks[1].link_missing);
	assert_false(s->blocks[2].link_missing);
	assert_string_equal(s->blocks[3].link_section, "main");
	assert_string_equal(s->blocks[5].link_block, "sub");
	assert_string_equal(s->blocks[6].link_block, "fig");
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/* Without an order list, topics sort by title, ignoring case. */
static void
test_dir_ordering(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*dir, *yaml;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	dir = tmpdir_new();
	yaml = mini_topic("x", "banana", "");
	free(write_file(dir, "1.yaml", yaml, strlen(yaml)));
	free(yaml);
	yaml = mini_topic("y", "Apple", "");
	free(write_file(dir, "2.yaml", yaml, strlen(yaml)));
	free(yaml);
	yaml = mini_topic("z", "cherry", "");
	free(write_file(dir, "3.yaml", yaml, strlen(yaml)));
	free(yaml);
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	assert_int_equal(lib.ntopics, 3);
	assert_string_equal(lib.topics[0]->id, "y");
	assert_string_equal(lib.topics[1]->id, "x");
	assert_string_equal(lib.topics[2]->id, "z");
	doc_library_free(&lib);

	/* An order list goes first, then the rest by title. */
	doc_library_init(&lib);
	free(write_file(dir, "library.yaml", "order: [z]\n", 11));
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_int_equal(lib.ntopics, 3);
	assert_string_equal(lib.topics[0]->id, "z");
	assert_string_equal(lib.topics[1]->id, "y");
	assert_string_equal(lib.topics[2]->id, "x");
	doc_library_free(&lib);

	/* An empty settings file changes nothing. */
	doc_library_init(&lib);
	free(write_file(dir, "library.yaml", "\n", 1));
	copy_fixture(dir, "good/asthma-inhaler.yaml", "4.yaml");
	copy_fixture(dir, "good/asthma-attack.yaml", "5.yaml");
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_int_equal(lib.ntopics, 5);
	assert_string_equal(lib.topics[0]->id, "y");
	assert_string_equal(lib.topics[1]->id, "asthma-attack");
	assert_string_equal(lib.topics[4]->id, "asthma-inhaler");
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

/*
 * Large-file support, which 32-bit builds need: the loader reads folders
 * with readdir and checks files with stat and lstat, so off_t and ino_t
 * must be 64 bits wide for readdir and stat to work with 64-bit offsets
 * and inode numbers.  Without them a 32-bit build gets EOVERFLOW from
 * readdir at the first entry whose offset or inode number does not fit
 * in 32 bits, and loads no topic at all: ext4 gives each entry a 64-bit
 * offset (a hash of its name) to a program whose calls reach a 64-bit
 * kernel as 64-bit ones, as under qemu-user, and XFS on a large disk
 * has inode numbers above 2^32.  The sizes are checked on every build;
 * then a folder is read to its end with readdir and lstat, and loaded,
 * which fails without them where the file system has such values.
 */
static void
test_large_files(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	struct dirent		*de;
	struct stat		 st;
	DIR			*d;
	char			*dir, *yaml, *path, id[16], name[32];
	size_t			 i, n = 0, ntopics = 64;

	(void)state;
	assert_int_equal(sizeof(off_t), 8);
	assert_int_equal(sizeof(ino_t), 8);
	assert_int_equal(sizeof(st.st_size), 8);
	assert_int_equal(sizeof(st.st_ino), 8);
#ifdef _DIRENT_HAVE_D_OFF
	assert_int_equal(sizeof(((struct dirent *)NULL)->d_off), 8);
#endif
	assert_int_equal(sizeof(((struct dirent *)NULL)->d_ino), 8);

	dir = tmpdir_new();
	for (i = 0; i < ntopics; i++) {
		snprintf(id, sizeof(id), "t%zu", i);
		snprintf(name, sizeof(name), "%s.yaml", id);
		yaml = mini_topic(id, id, "");
		free(write_file(dir, name, yaml, strlen(yaml)));
		free(yaml);
	}
	d = opendir(dir);
	assert_non_null(d);
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		path = xasprintf("%s/%s", dir, de->d_name);
		assert_int_equal(lstat(path, &st), 0);
		assert_true(st.st_ino != 0);
		free(path);
		n++;
		errno = 0;
	}
	assert_int_equal(errno, 0);
	closedir(d);
	assert_int_equal(n, ntopics + 2);

	doc_library_init(&lib);
	diag_init(&dl);
	assert_int_equal(library_load_dir(dir, &lib, &dl), 0);
	expect_diags(&dl, (const char *const []){ NULL });
	assert_int_equal(lib.ntopics, ntopics);
	doc_library_free(&lib);
	diag_free(&dl);
	tmpdir_remove(dir);
}

static void
test_dir_unreadable(void **state)
{
	struct library		lib;
	struct diag_list	dl;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	assert_int_equal(library_load_dir("/nonexistent/content", &lib, &dl),
	    -1);
	expect_diags(&dl, (const char *const []){
	    "content: error: cannot be read: No such file or directory",
	    NULL });
	doc_library_free(&lib);
	diag_free(&dl);
}

/*
 * Checking one file resolves its links against the other topics of its
 * directory, whose own problems are not reported.
 */
static void
test_check_file(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*paths[2];
	size_t			 n;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	paths[0] = fixture("bad/dangling-links.yaml");
	paths[1] = fixture("good/asthma-attack.yaml");
	n = library_check_paths(paths, 2, &lib, &dl);
	expect_diags(&dl, (const char *const []){
	    "dangling-links.yaml:11:9: error: no topic with id "
	    "'no-such-topic'; correct 'topic', or readers see this link "
	    "marked as not available",
	    "dangling-links.yaml:13:9: error: topic 'unused-ref' has no "
	    "section 'nope'; its sections are: main", NULL });
	assert_int_equal(n, 2);
	assert_int_equal(lib.ntopics, 2);
	assert_int_equal(doc_find_topic(&lib, "dangling-links")->
	    sections[0].nblocks, 4);
	free(paths[0]);
	free(paths[1]);
	doc_library_free(&lib);
	diag_free(&dl);
}

static void
test_check_missing(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*paths[1] = { (char *)"/nonexistent.yaml" };

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	assert_int_equal(library_check_paths(paths, 1, &lib, &dl), 1);
	expect_diags(&dl, (const char *const []){
	    "nonexistent.yaml: error: cannot be read: No such file or "
	    "directory", NULL });
	assert_int_equal(lib.ntopics, 0);
	doc_library_free(&lib);
	diag_free(&dl);
}

static void
test_check_dir(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	char			*paths[1];

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	paths[0] = fixture("good");
	assert_int_equal(library_check_paths(paths, 1, &lib, &dl), 0);
	/* The check says where each setting of library.yaml goes now. */
	expect_diags(&dl, (const char *const []){
	    "library.yaml: warning: library.yaml still works, but packs "
	    "replace it: move its settings as the lines below say",
	    "library.yaml:2:19: warning: 'emergency_number' belongs in "
	    SETTINGS_PATH " now",
	    "library.yaml:3:22: warning: 'reading_grade_limit' belongs in "
	    SETTINGS_PATH " now",
	    "library.yaml:5:3: warning: 'order' belongs in pack.yaml now",
	    NULL });
	assert_int_equal(lib.ntopics, 2);
	free(paths[0]);
	doc_library_free(&lib);
	diag_free(&dl);
}

/* content_resolve_links on its own, over a library built by hand. */
static void
test_resolve_links(void **state)
{
	struct library		 lib;
	struct diag_list	 dl;
	struct topic		*t;
	char			*yaml;

	(void)state;
	doc_library_init(&lib);
	diag_init(&dl);
	yaml = mini_topic("a", "Aye", "      - see_also: {topic: gone}\n");
	t = topic_from_string(yaml, &dl);
	free(yaml);
	assert_non_null(t);
	doc_library_add(&lib, t);
	library_resolve_links(&lib, &dl);
	expect_diags(&dl, (const char *const []){
	    "mem.yaml:11:9: error: no topic with id 'gone'; correct 'topic', "
	    "or readers see this link marked as not available", NULL });
	assert_int_equal(lib.topics[0]->sections[0].nblocks, 2);
	assert_true(lib.topics[0]->sections[0].blocks[1].link_missing);
	doc_library_free(&lib);
	diag_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_library),
		cmocka_unit_test(test_text_normalised),
		cmocka_unit_test(test_schema_edges),
		cmocka_unit_test(test_warnings_keep_topic),
		cmocka_unit_test(test_review_and_cards),
		cmocka_unit_test(test_bad_empty_file),
		cmocka_unit_test(test_bad_comments_only),
		cmocka_unit_test(test_bad_syntax),
		cmocka_unit_test(test_bad_tab_indent),
		cmocka_unit_test(test_bad_key_beside),
		cmocka_unit_test(test_bad_figure_indent),
		cmocka_unit_test(test_text_marks),
		cmocka_unit_test(test_bad_bad_utf8),
		cmocka_unit_test(test_bad_too_deep),
		cmocka_unit_test(test_bad_anchor),
		cmocka_unit_test(test_bad_alias),
		cmocka_unit_test(test_bad_tag),
		cmocka_unit_test(test_bad_multi_doc),
		cmocka_unit_test(test_bad_root_type),
		cmocka_unit_test(test_bad_key_type),
		cmocka_unit_test(test_bad_unknown_key),
		cmocka_unit_test(test_bad_unknown_key_hint),
		cmocka_unit_test(test_bad_dup_key),
		cmocka_unit_test(test_bad_wrong_type),
		cmocka_unit_test(test_bad_wrong_item_type),
		cmocka_unit_test(test_bad_missing),
		cmocka_unit_test(test_bad_empty_value),
		cmocka_unit_test(test_bad_bad_id),
		cmocka_unit_test(test_bad_dup_id),
		cmocka_unit_test(test_bad_unknown_block),
		cmocka_unit_test(test_bad_care_title),
		cmocka_unit_test(test_bad_block_shape),
		cmocka_unit_test(test_bad_bad_level),
		cmocka_unit_test(test_bad_bad_grade),
		cmocka_unit_test(test_bad_bad_date),
		cmocka_unit_test(test_bad_review_order),
		cmocka_unit_test(test_bad_no_refs),
		cmocka_unit_test(test_bad_care_empty),
		cmocka_unit_test(test_bad_dangling_ref),
		cmocka_unit_test(test_bad_settings),
		cmocka_unit_test(test_empty_settings),
		cmocka_unit_test(test_io_error),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_sparse_file),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_device_and_directory),
		cmocka_unit_test(test_symlink),
		cmocka_unit_test(test_deep_sequences),
		cmocka_unit_test(test_deep_mappings),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_self_alias),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_too_many_nodes),
		cmocka_unit_test(test_invalid_utf8_position),
		cmocka_unit_test(test_binary_garbage),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_diag_escaping),
		cmocka_unit_test(test_diag_list),
		cmocka_unit_test(test_dir_broken_topic),
		cmocka_unit_test(test_dir_duplicate_topic),
		cmocka_unit_test(test_dir_no_knock_on),
		cmocka_unit_test(test_dir_dangling_links),
		cmocka_unit_test(test_dir_ordering),
		cmocka_unit_test(test_dir_unreadable),
		cmocka_unit_test(test_large_files),
		cmocka_unit_test(test_check_file),
		cmocka_unit_test(test_check_missing),
		cmocka_unit_test(test_check_dir),
		cmocka_unit_test(test_settings_only),
		cmocka_unit_test(test_resolve_links),
	};

	return (cmocka_run_group_tests_name("content", tests, NULL, NULL));
}

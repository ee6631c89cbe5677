/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests of the library index: the packed form of a tree (round trip,
 * every truncation, the parser's limits), and a content directory loaded
 * through its index, which must give exactly what parsing gives, for
 * unchanged, changed, damaged and foreign index files alike.
 */
#include "config.h"

#include <sys/stat.h>

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
#include <unistd.h>

#include <cmocka.h>

#include "content.h"
#include "library.h"
#include "pack.h"
#include "diag.h"
#include "doc.h"
#include "idx.h"
#include "layout.h"
#include "pot.h"
#include "search.h"
#include "xalloc.h"
#include "ytree.h"

/* Every kind of node and scalar libyaml gives. */
static const char sample_yaml[] =
    "plain: a b c\n"
    "quoted: \"two\\0words \\u00e9\"\n"
    "single: 'it''s'\n"
    "literal: |\n  line one\n  line two\n"
    "folded: >\n  folded\n  text\n"
    "empty_seq: []\n"
    "empty_map: {}\n"
    "nested:\n  - [1, [2, [3]]]\n  - {k: v, \"\": ''}\n"
    "unicode: \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\n";

static const char	*srcdir(void);
static struct ytree	*parse(const char *, size_t);
static void		 pack(const struct ytree *, char **, size_t *);
static void		 tree_equal(const struct ytree_node *,
			    const struct ytree_node *);
static char		*tmpdir_new(void);
static void		 tmpdir_remove(char *);
static void		 copy_file(const char *, const char *);
static char		*read_all(const char *, size_t *);
static void		 write_all(const char *, const char *, size_t);
static char		*fingerprint(struct library *,
			    const struct diag_list *);
static char		*load(const char *, int, struct library_index *);
static char		*index_path(const char *);
static char		*content_copy(void);
static void		 build_index(const char *);
static void		 index_same(const char *, size_t, size_t);
static void		 same(const char *, const char *);

/* The folder of indexes: one per test, beside the content's copy. */
static char	*cache;

static const char *
srcdir(void)
{
	static char	 buf[PATH_MAX];
	const char	*env = getenv("top_srcdir");
	char		*p;

	if (env != NULL && *env != '\0')
		return (env);
	snprintf(buf, sizeof(buf), "%s", __FILE__);
	if ((p = strstr(buf, "tests/unit/test_idx.c")) == NULL || p == buf)
		return (".");
	p[-1] = '\0';
	return (buf);
}

static struct ytree *
parse(const char *s, size_t len)
{
	struct diag_list	 dl;
	struct ytree		*t;

	diag_init(&dl);
	assert_int_equal(ytree_load_buffer("sample", s, len, NULL, &t, &dl),
	    0);
	assert_int_equal(dl.n, 0);
	diag_free(&dl);
	return (t);
}

static void
pack(const struct ytree *t, char **buf, size_t *len)
{
	size_t	cap = 0;

	*buf = NULL;
	*len = 0;
	ytree_pack(t, buf, len, &cap);
}

static void
tree_equal(const struct ytree_node *a, const struct ytree_node *b)
{
	size_t	i;

	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	if (a->kind == YTREE_SCALAR) {
		assert_int_equal(a->plain, b->plain);
		assert_int_equal(a->len, b->len);
		assert_memory_equal(a->str, b->str, a->len);
		assert_int_equal(b->str[b->len], '\0');
		return;
	}
	assert_int_equal(a->nkids, b->nkids);
	for (i = 0; i < a->nkids; i++)
		tree_equal(a->kids[i], b->kids[i]);
}

static char *
tmpdir_new(void)
{
	char	*d = xstrdup("/tmp/test_idx.XXXXXX");

	assert_non_null(mkdtemp(d));
	return (d);
}

static void
tmpdir_remove(char *d)
{
	char	*cmd = xasprintf("rm -rf '%s'", d);

	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(d);
	/* The content's copy goes with its cache folder. */
	if (cache != NULL) {
		cmd = xasprintf("rm -rf '%s'", cache);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		free(cache);
		cache = NULL;
	}
}

static char *
read_all(const char *path, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	assert_non_null(fp = fopen(path, "rb"));
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return (buf);
}

static void
write_all(const char *path, const char *buf, size_t len)
{
	FILE	*fp;

	assert_non_null(fp = fopen(path, "wb"));
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static void
copy_file(const char *from, const char *to)
{
	char	*buf;
	size_t	 len;

	buf = read_all(from, &len);
	write_all(to, buf, len);
	free(buf);
}

/*
 * Everything a load yields, as text: the diagnostics, the translatable
 * strings with their contexts and positions, and every topic laid out.
 */
static char *
fingerprint(struct library *lib, const struct diag_list *dl)
{
	struct layout_opts	 lo;
	struct layout		*l;
	FILE			*fp;
	char			*buf = NULL, *s;
	size_t			 len = 0, i, j;

	/* Stubs are built whole, as opening them does. */
	for (i = 0; i < lib->ntopics; i++) {
		assert_int_equal(library_build(lib, i, NULL), 0);
		assert_false(lib->topics[i]->stub);
	}
	assert_non_null(fp = open_memstream(&buf, &len));
	for (i = 0; i < dl->n; i++) {
		s = diag_format(&dl->items[i]);
		fprintf(fp, "%s\n", s);
		free(s);
	}
	assert_int_equal(pot_write(fp, lib), 0);
	memset(&lo, 0, sizeof(lo));
	lo.width = 60;
	lo.lib = lib;
	for (i = 0; i < lib->ntopics; i++) {
		l = layout_topic(lib->topics[i], &lo);
		for (j = 0; j < l->nlines; j++)
			fprintf(fp, "%.*s\n", (int)l->lines[j].len,
			    layout_line_text(l, &l->lines[j]));
		layout_free(l);
	}
	fclose(fp);
	return (buf);
}

/* Where the index of the pack in dir is kept. */
static char *
index_path(const char *dir)
{
	struct diag_list	 dl;
	struct pack		*p;
	char			*name, *path;

	diag_init(&dl);
	assert_non_null(p = pack_load(dir, 0, &dl));
	name = pack_index_name(p);
	path = xasprintf("%s/%s", cache, name);
	free(name);
	doc_pack_free(p);
	diag_free(&dl);
	return (path);
}

/* Loads dir, through its index if asked; returns the fingerprint. */
static char *
load(const char *dir, int use_index, struct library_index *ix)
{
	struct library_index	 local;
	struct library		 lib;
	struct diag_list	 dl;
	char			*fp, *dirs[1];

	if (ix == NULL)
		ix = &local;
	memset(ix, 0, sizeof(*ix));
	if (use_index)
		ix->cache = cache;
	doc_library_init(&lib);
	diag_init(&dl);
	dirs[0] = (char *)dir;
	assert_int_equal(library_load(&lib, dirs, 1, ix, 0, &dl), 1);
	fp = fingerprint(&lib, &dl);
	diag_free(&dl);
	doc_library_free(&lib);
	return (fp);
}

/* A copy of the bundled content in a new directory. */
static char *
content_copy(void)
{
	static const char *const names[] = {
		"pack.yaml", "prostate-massage.yaml", "prostatitis.yaml"
	};
	char	*dir = tmpdir_new(), *from, *to;
	size_t	 i;

	/* Each copy gets a cache folder of its own. */
	free(cache);
	cache = tmpdir_new();

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		from = xasprintf("%s/content/%s", srcdir(), names[i]);
		to = xasprintf("%s/%s", dir, names[i]);
		copy_file(from, to);
		free(from);
		free(to);
	}
	return (dir);
}

static void
build_index(const char *dir)
{
	struct library_index	 ix;
	struct library		 lib;
	struct diag_list	 dl;
	const char		*failed = NULL;
	char			*dirs[1];

	memset(&ix, 0, sizeof(ix));
	ix.cache = cache;
	ix.save = 1;
	doc_library_init(&lib);
	diag_init(&dl);
	dirs[0] = (char *)dir;
	assert_int_equal(library_load(&lib, dirs, 1, &ix, 0, &dl), 1);
	assert_int_equal(ix.nwriters, 1);
	assert_int_equal(library_index_save(&ix, &failed), 0);
	assert_true(idx_writer_count(ix.writers[0]) <= ix.parsed);
	library_index_free(&ix);
	diag_free(&dl);
	doc_library_free(&lib);
}

/* Two fingerprints must be the same; the first line that is not is shown. */
static void
same(const char *want, const char *got)
{
	size_t	i, line = 1, start = 0;

	for (i = 0; want[i] != '\0' && want[i] == got[i]; i++)
		if (want[i] == '\n') {
			line++;
			start = i + 1;
		}
	if (want[i] == got[i])
		return;
	fail_msg("line %zu differs:\n  want: %.*s\n  got:  %.*s", line,
	    (int)strcspn(want + start, "\n"), want + start,
	    (int)strcspn(got + start, "\n"), got + start);
}

/*
 * Indexes dir, then loads it through the index: the same as parsing,
 * with so many files taken from the index and so many parsed.
 */
static void
index_same(const char *dir, size_t indexed, size_t parsed)
{
	struct library_index	 ci;
	char			*plain, *got;

	plain = load(dir, 0, NULL);
	build_index(dir);
	got = load(dir, 1, &ci);
	assert_int_equal(ci.indexed, indexed);
	assert_int_equal(ci.parsed, parsed);
	same(plain, got);
	free(plain);
	free(got);
}

static void
test_pack_round_trip(void **state)
{
	struct ytree	*a, *b;
	char		*buf;
	size_t		 len;

	(void)state;
	a = parse(sample_yaml, sizeof(sample_yaml) - 1);
	pack(a, &buf, &len);
	assert_int_equal(ytree_unpack(buf, len, NULL, &b), 0);
	tree_equal(ytree_root(a), ytree_root(b));
	ytree_free(a);
	ytree_free(b);
	free(buf);
}

/* No part of a packed tree is a tree, nor is one with a byte added. */
static void
test_unpack_truncated(void **state)
{
	struct ytree	*a, *b;
	char		*buf;
	size_t		 len, i;

	(void)state;
	a = parse(sample_yaml, sizeof(sample_yaml) - 1);
	pack(a, &buf, &len);
	for (i = 0; i < len; i++) {
		if (ytree_unpack(buf, i, NULL, &b) != -1)
			fail_msg("a tree in the first %zu of %zu bytes", i, len);
		assert_null(b);
	}
	buf = xreallocarray(buf, len + 1, 1);
	buf[len] = '\0';
	assert_int_equal(ytree_unpack(buf, len + 1, NULL, &b), -1);
	ytree_free(a);
	free(buf);
}

/* Appends a node header to a hand-made packed tree. */
static void
put_node(char **buf, size_t *len, unsigned char kind, uint32_t count)
{
	uint32_t	v[3] = { 1, 1, count };
	size_t		i, j;

	*buf = xreallocarray(*buf, *len + 13, 1);
	(*buf)[(*len)++] = (char)kind;
	for (i = 0; i < 3; i++)
		for (j = 0; j < 4; j++)
			(*buf)[(*len)++] = (char)((v[i] >> (8 * j)) & 0xff);
}

/* The parser's limits hold for packed trees too. */
static void
test_unpack_limits(void **state)
{
	struct ytree_limits	 lim = ytree_default_limits;
	struct ytree		*t;
	char			*buf = NULL;
	size_t			 len = 0;
	int			 i;

	(void)state;
	/* Nesting: 32 collections deep is allowed, 33 is not. */
	for (i = 0; i < 32; i++)
		put_node(&buf, &len, 2, i < 31 ? 1 : 0);
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), 0);
	ytree_free(t);
	len = 0;
	for (i = 0; i < 33; i++)
		put_node(&buf, &len, 2, i < 32 ? 1 : 0);
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), -1);

	/* Nodes: a sequence of four scalars is five nodes. */
	len = 0;
	put_node(&buf, &len, 2, 4);
	for (i = 0; i < 4; i++)
		put_node(&buf, &len, 0, 0);
	lim.max_nodes = 5;
	assert_int_equal(ytree_unpack(buf, len, &lim, &t), 0);
	ytree_free(t);
	lim.max_nodes = 4;
	assert_int_equal(ytree_unpack(buf, len, &lim, &t), -1);

	/* A mapping of three nodes; a kind that does not exist. */
	buf[0] = 3;
	lim.max_nodes = 5;
	buf[9] = 3;
	assert_int_equal(ytree_unpack(buf, len - 13, &lim, &t), -1);
	buf[9] = 4;
	buf[0] = 4;
	assert_int_equal(ytree_unpack(buf, len, &lim, &t), -1);

	/* A count far beyond the bytes there are. */
	len = 0;
	put_node(&buf, &len, 2, UINT32_MAX);
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), -1);
	len = 0;
	put_node(&buf, &len, 0, UINT32_MAX);
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), -1);

	/* A scalar that is not UTF-8, after an ASCII run. */
	len = 0;
	put_node(&buf, &len, 1, 12);
	buf = xreallocarray(buf, len + 12, 1);
	memcpy(buf + len, "abcdefghij\xc3(", 12);
	len += 12;
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), -1);
	buf[len - 1] = (char)0xa9;
	assert_int_equal(ytree_unpack(buf, len, NULL, &t), 0);
	assert_string_equal(ytree_root(t)->str, "abcdefghij\xc3\xa9");
	ytree_free(t);
	free(buf);
}

/* Loaded through its index, a library is exactly what parsing gives. */
static void
test_index_round_trip(void **state)
{
	char	*dir;

	(void)state;
	dir = content_copy();
	index_same(dir, 2, 0);
	tmpdir_remove(dir);
}

/* A file changed after indexing, even at the same size, is parsed. */
static void
test_index_changed_file(void **state)
{
	struct library_index	 ci;
	char			*dir, *path, *buf, *p, *before, *after;
	size_t			 len;

	(void)state;
	dir = content_copy();
	build_index(dir);
	before = load(dir, 1, &ci);
	path = xasprintf("%s/prostatitis.yaml", dir);
	buf = read_all(path, &len);
	buf[len] = '\0';
	assert_non_null(p = strstr(buf, "title: Prostatitis"));
	memcpy(p + 7, "Prostatitus", 11);
	write_all(path, buf, len);
	after = load(dir, 1, &ci);
	assert_int_equal(ci.indexed, 1);
	assert_int_equal(ci.parsed, 1);
	assert_non_null(strstr(after, "Prostatitus"));
	assert_null(strstr(before, "Prostatitus"));
	free(after);
	after = load(dir, 0, NULL);
	free(before);
	before = load(dir, 1, NULL);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(buf);
	free(path);
	tmpdir_remove(dir);
}

/* What --check says of an index: how many files it does not hold. */
static void
test_index_stale(void **state)
{
	struct diag_list	 dl;
	struct pack		*p;
	char			*dir, *path, *buf;
	size_t			 len;

	(void)state;
	dir = content_copy();
	diag_init(&dl);
	assert_non_null(p = pack_load(dir, 0, &dl));
	assert_int_equal(library_index_stale(p, cache), -1);
	build_index(dir);
	assert_int_equal(library_index_stale(p, cache), 0);
	path = xasprintf("%s/prostatitis.yaml", dir);
	buf = read_all(path, &len);
	write_all(path, buf, len - 1);
	assert_int_equal(library_index_stale(p, cache), 1);
	free(path);
	path = index_path(dir);
	write_all(path, "not an index", 12);
	assert_int_equal(library_index_stale(p, cache), 2);
	free(path);
	doc_pack_free(p);
	diag_free(&dl);
	free(buf);
	tmpdir_remove(dir);
}

/* Topics with errors are indexed too, and give the same diagnostics. */
static void
test_index_diagnostics(void **state)
{
	static const char *const bad[] = {
		"dangling-ref.yaml", "bad-grade.yaml", "dup-key.yaml",
		"unknown-key-hint.yaml", "syntax.yaml", "bad-utf8.yaml"
	};
	char	*dir, *from, *to;
	size_t	 i;

	(void)state;
	dir = content_copy();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		from = xasprintf("%s/tests/data/bad/%s", srcdir(), bad[i]);
		to = xasprintf("%s/%s", dir, bad[i]);
		copy_file(from, to);
		free(from);
		free(to);
	}
	/* The two files that do not parse are parsed again each time. */
	index_same(dir, 6, 2);
	tmpdir_remove(dir);
}

/*
 * Any damage to the index costs time, not correctness: each byte of the
 * header and table flipped, some bytes of the trees, and truncations.
 */
static void
test_index_damaged(void **state)
{
	char	*dir, *path, *good, *buf, *got, *plain;
	size_t	 len, i, step;

	(void)state;
	dir = content_copy();
	plain = load(dir, 0, NULL);
	build_index(dir);
	path = index_path(dir);
	good = read_all(path, &len);
	buf = xmalloc(len);
	for (i = 0; i < len; i += step) {
		step = i < 200 ? 1 : 97;
		memcpy(buf, good, len);
		buf[i] ^= (char)(1 << (i % 8));
		write_all(path, buf, len);
		got = load(dir, 1, NULL);
		if (strcmp(got, plain) != 0) {
			same(plain, got);
			fail_msg("byte %zu of the index changed the library", i);
		}
		free(got);
	}
	for (i = 0; i < len; i += i < 200 ? 7 : 1009) {
		write_all(path, good, i);
		got = load(dir, 1, NULL);
		if (strcmp(got, plain) != 0)
			fail_msg("the index cut at %zu changed the library", i);
		free(got);
	}
	free(buf);
	free(good);
	free(plain);
	free(path);
	tmpdir_remove(dir);
}

/* What is not an index of this program is not read. */
static void
test_index_foreign(void **state)
{
	struct idx	*x;
	char		*dir, *path, *buf, *target;
	size_t		 len;

	(void)state;
	dir = content_copy();
	build_index(dir);
	path = index_path(dir);
	assert_non_null(x = idx_open(path));
	assert_int_equal(idx_count(x), 2);
	idx_free(x);

	/* Another version of the format. */
	buf = read_all(path, &len);
	assert_int_equal(memcmp(buf, "pamphlet pack index 3\n", 22), 0);
	buf[strlen("pamphlet pack index ")] = '9';
	write_all(path, buf, len);
	assert_null(idx_open(path));

	/* A symlink to a good index, a directory, a FIFO (no blocking). */
	buf[strlen("pamphlet pack index ")] = '3';
	target = xasprintf("%s/elsewhere", cache);
	write_all(target, buf, len);
	assert_non_null(x = idx_open(target));
	idx_free(x);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink(target, path), 0);
	assert_null(idx_open(path));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_null(idx_open(path));
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_null(idx_open(path));
	assert_int_equal(unlink(path), 0);
	assert_null(idx_open(path));
	free(target);
	free(buf);
	free(path);
	tmpdir_remove(dir);
}

/* The headings as a search finds them, as text. */
static char *
headings(const struct library *lib)
{
	struct search_index	*si;
	FILE			*fp;
	char			*buf = NULL;
	size_t			 len = 0, i;

	assert_non_null(fp = open_memstream(&buf, &len));
	si = search_index_build(lib, NULL);
	for (i = 0; i < si->n; i++)
		fprintf(fp, "%d %ld %ld %ld %s | %s\n", (int)si->entries[i].kind,
		    si->entries[i].topic, si->entries[i].section,
		    si->entries[i].block, si->entries[i].text,
		    si->entries[i].label);
	search_index_free(si);
	for (i = 0; i < lib->ntopics; i++)
		fprintf(fp, "%s %s %s\n", lib->topics[i]->id,
		    tstr_msgid(&lib->topics[i]->title),
		    tstr_msgid(&lib->topics[i]->summary));
	fclose(fp);
	return (buf);
}

/*
 * With an index, files stat says are unchanged are not read: stubs stand
 * for their topics, with all the first screen and the search need, and
 * each is built whole in its place when it is opened.  A file touched
 * but not changed is known by its bytes.
 */
static void
test_index_stubs(void **state)
{
	struct library_index	 ix;
	struct library		 lib, plain;
	struct diag_list	 dl;
	const struct topic	*t;
	char			*dir, *dirs[1], *want, *got, *path, *cmd;
	int			 round;

	(void)state;
	dir = content_copy();
	dirs[0] = dir;
	doc_library_init(&plain);
	diag_init(&dl);
	assert_int_equal(library_load(&plain, dirs, 1, NULL, 0, &dl), 1);
	want = headings(&plain);
	build_index(dir);
	for (round = 0; round < 2; round++) {
		memset(&ix, 0, sizeof(ix));
		ix.cache = cache;
		doc_library_init(&lib);
		assert_int_equal(library_load(&lib, dirs, 1, &ix, 0, &dl), 1);
		assert_int_equal(ix.indexed, 2);
		assert_int_equal(ix.parsed, 0);
		assert_true(lib.topics[0]->stub && lib.topics[1]->stub);
		got = headings(&lib);
		assert_string_equal(want, got);
		free(got);
		t = lib.topics[1];
		assert_int_equal(library_build(&lib, 1, NULL), 0);
		assert_ptr_equal(lib.topics[1], t);
		assert_false(t->stub);
		assert_ptr_equal(doc_find_topic(&lib, t->id), t);
		assert_int_equal(t->nsections, plain.topics[1]->nsections);
		doc_library_free(&lib);
		/* Touched: another time of change, the same bytes. */
		path = xasprintf("%s/prostatitis.yaml", dir);
		cmd = xasprintf("sleep 0.01; touch '%s'", path);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		free(path);
	}
	free(want);
	diag_free(&dl);
	doc_library_free(&plain);
	tmpdir_remove(dir);
}

/* Saving replaces the index whole, or fails leaving nothing behind. */
static void
test_index_save(void **state)
{
	struct idx_writer	*w;
	struct ytree		*s, *t;
	struct idx		*x;
	char			*dir, *missing, *cmd, *path;

	(void)state;
	dir = tmpdir_new();
	s = parse(sample_yaml, sizeof(sample_yaml) - 1);
	w = idx_writer_new();
	idx_writer_add(w, "b.yaml", "b", 1, NULL, 0, s, "", 0);
	idx_writer_add(w, "a.yaml", "a", 1, NULL, IDX_CLEAN, s, "x", 1);
	missing = xasprintf("%s/missing/core.index", dir);
	path = xasprintf("%s/core.index", dir);
	errno = 0;
	assert_int_equal(idx_writer_save(w, missing), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(idx_writer_save(w, path), 0);
	idx_writer_free(w);

	/* Only the index is there: no temporary file was left. */
	cmd = xasprintf("test \"$(ls -A '%s')\" = core.index", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_non_null(x = idx_open(path));
	free(path);
	assert_int_equal(idx_count(x), 2);
	assert_int_equal(idx_get(x, "a.yaml", "a", 1, NULL, &t), 0);
	tree_equal(ytree_root(s), ytree_root(t));
	ytree_free(t);
	ytree_free(s);
	assert_int_equal(idx_get(x, "a.yaml", "b", 1, NULL, &t), -1);
	assert_int_equal(idx_get(x, "c.yaml", "a", 1, NULL, &t), -1);
	idx_free(x);
	free(missing);
	tmpdir_remove(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack_round_trip),
		cmocka_unit_test(test_unpack_truncated),
		cmocka_unit_test(test_unpack_limits),
		cmocka_unit_test(test_index_round_trip),
		cmocka_unit_test(test_index_changed_file),
		cmocka_unit_test(test_index_stale),
		cmocka_unit_test(test_index_diagnostics),
		cmocka_unit_test(test_index_damaged),
		cmocka_unit_test(test_index_foreign),
		cmocka_unit_test(test_index_save),
		cmocka_unit_test(test_index_stubs),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}

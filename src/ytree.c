/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading YAML into a tree of our own.  The file is read whole under a
 * size cap, checked for UTF-8, then fed to libyaml's event parser; each
 * event either builds a node or is refused (anchors, aliases, tags, a
 * second document, nesting past the depth cap, too many nodes).  Nodes,
 * child arrays and strings live in an arena freed at once by ytree_free.
 * Nothing of libyaml survives a call.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>
#include <yaml.h>

#include "diag.h"
#include "xalloc.h"
#include "ytree.h"

#define YTREE_CHUNK	(64 * 1024)	/* usual arena chunk */
#define YTREE_ALIGN	(alignof(max_align_t))

/* One chunk of the arena; the memory follows the header. */
struct ytree_chunk {
	struct ytree_chunk	*next;
	size_t			 size;
	size_t			 used;
};

struct ytree {
	struct ytree_chunk	*chunks;
	struct ytree_node	*root;
};

/* An open sequence or mapping while events arrive. */
struct ytree_frame {
	struct ytree_node	*node;
	size_t			 first;	/* its first child in pending */
};

/* Everything one parse needs. */
struct ytree_state {
	const char			*name;
	const char			*buf;
	size_t				 len;
	const struct ytree_limits	*limits;
	struct diag_list		*diags;
	struct ytree			*tree;
	struct ytree_frame		*frames;
	size_t				 nframes;
	size_t				 framecap;
	struct ytree_node		**pending;
	size_t				 npending;
	size_t				 pendingcap;
	size_t				 nnodes;
};

const struct ytree_limits ytree_default_limits = {
	1024 * 1024,		/* max_bytes */
	32,			/* max_depth */
	200000			/* max_nodes */
};

static void	*ytree_alloc(struct ytree *, size_t);
static int	 ytree_open(const char *, const struct ytree_limits *,
		    struct stat *, struct diag_list *);
static void	 ytree_offset_pos(const char *, size_t, size_t, uint32_t *,
		    uint32_t *);
static int	 ytree_read(const char *, int, size_t, size_t, char **,
		    size_t *, struct diag_list *);
static void	 ytree_error(struct ytree_state *, const yaml_mark_t *,
		    enum diag_code, const char *);
static void	 ytree_syntax(struct ytree_state *, const yaml_parser_t *);
static int	 ytree_check_props(struct ytree_state *, const yaml_event_t *,
		    const yaml_char_t *, const yaml_char_t *);
static struct ytree_node *ytree_node_new(struct ytree_state *,
		    enum ytree_kind, const yaml_mark_t *);
static void	 ytree_attach(struct ytree_state *, struct ytree_node *);
static int	 ytree_event(struct ytree_state *, const yaml_event_t *,
		    int *, int *);
static int	 ytree_parse(struct ytree_state *);

/* Bump allocation from the current chunk. */
static void *
ytree_alloc(struct ytree *t, size_t size)
{
	struct ytree_chunk	*c = t->chunks;
	size_t			 hdr;
	char			*p;

	hdr = (sizeof(*c) + YTREE_ALIGN - 1) & ~(YTREE_ALIGN - 1);
	size = (size + YTREE_ALIGN - 1) & ~(YTREE_ALIGN - 1);
	if (size > YTREE_CHUNK / 4) {
		/* A big request gets a chunk of its own behind the current. */
		c = xmalloc(hdr + size);
		c->size = c->used = size;
		if (t->chunks != NULL) {
			c->next = t->chunks->next;
			t->chunks->next = c;
		} else {
			c->next = NULL;
			t->chunks = c;
		}
		return ((char *)c + hdr);
	}
	if (c == NULL || c->size - c->used < size) {
		c = xmalloc(YTREE_CHUNK);
		c->size = YTREE_CHUNK - hdr;
		c->used = 0;
		c->next = t->chunks;
		t->chunks = c;
	}
	p = (char *)c + hdr + c->used;
	c->used += size;
	return (p);
}

/*
 * Line and column (1-based, in characters) of a byte offset, counting
 * line breaks as libyaml does: CR LF, CR, LF, NEL, LS and PS.  A leading
 * byte order mark is not counted.
 */
static void
ytree_offset_pos(const char *buf, size_t len, size_t off, uint32_t *line,
    uint32_t *col)
{
	const unsigned char	*s = (const unsigned char *)buf;
	size_t			 i = 0;
	uint32_t		 l = 1, c = 1;

	if (off > len)
		off = len;
	if (off >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	while (i < off) {
		if (s[i] == '\n' || s[i] == '\r') {
			if (s[i] == '\r' && i + 1 < off && s[i + 1] == '\n')
				i++;
			i++;
			l++;
			c = 1;
			continue;
		}
		if (i + 1 < off && s[i] == 0xc2 && s[i + 1] == 0x85) {
			i += 2;
			l++;
			c = 1;
			continue;
		}
		if (i + 2 < off && s[i] == 0xe2 && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) {
			i += 3;
			l++;
			c = 1;
			continue;
		}
		if ((s[i] & 0xc0) != 0x80)
			c++;
		i++;
	}
	*line = l;
	*col = c;
}

static int
ytree_open(const char *path, const struct ytree_limits *limits,
    struct stat *st, struct diag_list *diags)
{
	char	limit[32];
	int	fd;

	if (limits == NULL)
		limits = &ytree_default_limits;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ELOOP)
			diag_add(diags, path, 0, 0, DIAG_SYMLINK, NULL, NULL);
		else
			diag_add(diags, path, 0, 0, DIAG_IO, strerror(errno),
			    NULL);
		return (-1);
	}
	if (fstat(fd, st) == -1) {
		diag_add(diags, path, 0, 0, DIAG_IO, strerror(errno), NULL);
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		diag_add(diags, path, 0, 0, DIAG_NOT_REGULAR, NULL, NULL);
		goto fail;
	}
	if (st->st_size < 0 ||
	    (unsigned long long)st->st_size > limits->max_bytes) {
		snprintf(limit, sizeof(limit), "%zu", limits->max_bytes);
		diag_add(diags, path, 0, 0, DIAG_TOO_BIG, limit, NULL);
		goto fail;
	}
	return (fd);
fail:
	close(fd);
	return (-1);
}

/*
 * Reads an open regular file of the given size whole, up to max bytes;
 * a longer one is an error even if it grew after fstat.
 */
static int
ytree_read(const char *path, int fd, size_t max, size_t size, char **bufp,
    size_t *lenp, struct diag_list *diags)
{
	char		*buf = NULL, limit[32];
	size_t		 len = 0, cap;
	ssize_t		 n;
	int		 rc = -1;

	snprintf(limit, sizeof(limit), "%zu", max);
	/*
	 * One byte more than the size, to see the end in the same read.  A
	 * file that grows meanwhile gets more room, up to one byte past the
	 * cap, which is how it is caught.
	 */
	cap = (size <= max ? size : 0) + 1;
	buf = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			if (cap > max) {
				diag_add(diags, path, 0, 0, DIAG_TOO_BIG, limit,
				    NULL);
				goto cleanup;
			}
			cap = cap > max / 2 ? max + 1 : cap * 2;
			buf = xreallocarray(buf, cap, 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			diag_add(diags, path, 0, 0, DIAG_IO, strerror(errno),
			    NULL);
			goto cleanup;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max) {
		diag_add(diags, path, 0, 0, DIAG_TOO_BIG, limit, NULL);
		goto cleanup;
	}
	*bufp = buf;
	*lenp = len;
	buf = NULL;
	rc = 0;
cleanup:
	free(buf);
	return (rc);
}

int
ytree_read_file(const char *path, const struct ytree_limits *limits,
    char **buf, size_t *len, struct diag_list *diags)
{
	struct stat	st;
	int		fd, rc;

	if (limits == NULL)
		limits = &ytree_default_limits;
	if ((fd = ytree_open(path, limits, &st, diags)) == -1)
		return (-1);
	rc = ytree_read(path, fd, limits->max_bytes, (size_t)st.st_size, buf,
	    len, diags);
	close(fd);
	return (rc);
}

int
ytree_load_file(const char *path, const struct ytree_limits *limits,
    struct ytree **tree, struct diag_list *diags)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	*tree = NULL;
	if (ytree_read_file(path, limits, &buf, &len, diags) == -1)
		return (-1);
	rc = ytree_load_buffer(path, buf, len, limits, tree, diags);
	free(buf);
	return (rc);
}

/* libyaml's marks count from 0; ours from 1. */
static void
ytree_error(struct ytree_state *st, const yaml_mark_t *mark,
    enum diag_code code, const char *arg)
{
	diag_add(st->diags, st->name, (uint32_t)mark->line + 1,
	    (uint32_t)mark->column + 1, code, arg, NULL);
}

/*
 * 1 when the line holding byte off ends a block scalar ("|" or ">"
 * without an indent number) whose first line is indented more than a
 * later one: YAML takes the block's indent from its first line, so the
 * later line ends the block and is read as something else.  Lines are
 * read backwards from off, at most a few hundred.
 */
static int
ytree_block_cut(const char *buf, size_t len, size_t off)
{
	const char	*p, *e, *end;
	size_t		 n, ind, first = 0, min = SIZE_MAX;
	int		 have = 0;

	if (off > len)
		return (0);
	/* The end of the line of the error. */
	end = memchr(buf + off, '\n', len - off);
	if (end == NULL)
		end = buf + len;
	for (n = 0; n < 500; n++) {
		/* The line [p, e) ending at end. */
		e = end;
		for (p = e; p > buf && p[-1] != '\n'; p--)
			continue;
		while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		for (ind = 0; p + ind < e && p[ind] == ' '; ind++)
			continue;
		if (p + ind < e) {
			if (n > 0 && (e[-1] == '|' || e[-1] == '>' ||
			    ((e[-1] == '-' || e[-1] == '+') && e - p >= 2 &&
			    (e[-2] == '|' || e[-2] == '>'))))
				return (have && ind < min && first > min);
			if (ind < min)
				min = ind;
			first = ind;
			have = 1;
		}
		if (p == buf)
			break;
		end = p - 1;
	}
	return (0);
}

/*
 * Reports libyaml's error.  Scanner and parser errors carry a mark; the
 * reader (a NUL or other control character in the file) gives only a
 * byte offset, which is turned into a line and column here.
 */
static void
ytree_syntax(struct ytree_state *st, const yaml_parser_t *p)
{
	const char	*problem;
	uint32_t	 line, col;

	problem = p->problem != NULL ? p->problem : "unknown error";
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		diag_add(st->diags, st->name, 0, 0, DIAG_IO, strerror(ENOMEM),
		    NULL);
		break;
	case YAML_READER_ERROR:
		ytree_offset_pos(st->buf, st->len, p->problem_offset, &line,
		    &col);
		diag_add(st->diags, st->name, line, col, DIAG_SYNTAX,
		    problem, NULL);
		break;
	default:
		/* The commonest cause said plainly: a tab to indent. */
		if (p->problem_mark.index < st->len &&
		    st->buf[p->problem_mark.index] == '\t')
			ytree_error(st, &p->problem_mark, DIAG_TAB, NULL);
		else if (ytree_block_cut(st->buf, st->len,
		    p->problem_mark.index))
			ytree_error(st, &p->problem_mark, DIAG_SYNTAX_BLOCK,
			    problem);
		else
			ytree_error(st, &p->problem_mark, DIAG_SYNTAX, problem);
		break;
	}
}

/* Refuses an anchor or an explicit tag (libyaml gives none otherwise). */
static int
ytree_check_props(struct ytree_state *st, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	if (anchor != NULL) {
		ytree_error(st, &ev->start_mark, DIAG_ANCHOR, NULL);
		return (-1);
	}
	if (tag != NULL) {
		ytree_error(st, &ev->start_mark, DIAG_TAG, NULL);
		return (-1);
	}
	return (0);
}

static struct ytree_node *
ytree_node_new(struct ytree_state *st, enum ytree_kind kind,
    const yaml_mark_t *mark)
{
	struct ytree_node	*n;
	char			 limit[32];

	if (++st->nnodes > st->limits->max_nodes) {
		snprintf(limit, sizeof(limit), "%zu", st->limits->max_nodes);
		ytree_error(st, mark, DIAG_TOO_MANY_NODES, limit);
		return (NULL);
	}
	n = ytree_alloc(st->tree, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->line = (uint32_t)mark->line + 1;
	n->col = (uint32_t)mark->column + 1;
	return (n);
}

/* Makes a finished or newly opened node a child of the open collection. */
static void
ytree_attach(struct ytree_state *st, struct ytree_node *n)
{
	if (st->nframes == 0) {
		st->tree->root = n;
		return;
	}
	xgrow(&st->pending, &st->pendingcap, st->npending + 1,
	    sizeof(*st->pending));
	st->pending[st->npending++] = n;
}

/*
 * Handles one event.  Returns -1 (with a diagnostic) to stop, 0 to go
 * on; *done is set at the end of the stream.
 */
static int
ytree_event(struct ytree_state *st, const yaml_event_t *ev, int *ndocs,
    int *done)
{
	struct ytree_node	*n;
	struct ytree_frame	*f;
	enum ytree_kind		 kind;
	size_t			 nkids;
	char			*s, limit[32];

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_NO_EVENT:
		break;
	case YAML_STREAM_END_EVENT:
		*done = 1;
		break;
	case YAML_DOCUMENT_START_EVENT:
		/* %YAML is harmless; %TAG serves only tags, refused anyway. */
		if ((*ndocs)++ > 0) {
			ytree_error(st, &ev->start_mark, DIAG_MULTI_DOC, NULL);
			return (-1);
		}
		if (ev->data.document_start.tag_directives.start !=
		    ev->data.document_start.tag_directives.end) {
			ytree_error(st, &ev->start_mark, DIAG_TAG, NULL);
			return (-1);
		}
		break;
	case YAML_ALIAS_EVENT:
		/* No aliases at all: nothing to expand, no cycles. */
		ytree_error(st, &ev->start_mark, DIAG_ALIAS, NULL);
		return (-1);
	case YAML_SCALAR_EVENT:
		if (ytree_check_props(st, ev, ev->data.scalar.anchor,
		    ev->data.scalar.tag) == -1)
			return (-1);
		if ((n = ytree_node_new(st, YTREE_SCALAR,
		    &ev->start_mark)) == NULL)
			return (-1);
		s = ytree_alloc(st->tree, ev->data.scalar.length + 1);
		memcpy(s, ev->data.scalar.value, ev->data.scalar.length);
		s[ev->data.scalar.length] = '\0';
		n->str = s;
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (ev->start_mark.index <= ev->end_mark.index &&
		    ev->end_mark.index <= st->len) {
			n->srclen = ev->end_mark.index - ev->start_mark.index;
			s = ytree_alloc(st->tree, n->srclen + 1);
			memcpy(s, st->buf + ev->start_mark.index, n->srclen);
			s[n->srclen] = '\0';
			n->src = s;
		}
		ytree_attach(st, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		/*
		 * The depth is checked as each collection opens, so that deep
		 * nesting stops while libyaml's own work is still small (its
		 * cost grows with the square of the depth).  The outermost
		 * collection is level 1.
		 */
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			if (ytree_check_props(st, ev,
			    ev->data.sequence_start.anchor,
			    ev->data.sequence_start.tag) == -1)
				return (-1);
		} else if (ytree_check_props(st, ev,
		    ev->data.mapping_start.anchor,
		    ev->data.mapping_start.tag) == -1)
			return (-1);
		if (st->nframes >= (size_t)st->limits->max_depth) {
			snprintf(limit, sizeof(limit), "%d",
			    st->limits->max_depth);
			ytree_error(st, &ev->start_mark, DIAG_TOO_DEEP, limit);
			return (-1);
		}
		kind = ev->type == YAML_SEQUENCE_START_EVENT ? YTREE_SEQ :
		    YTREE_MAP;
		if ((n = ytree_node_new(st, kind, &ev->start_mark)) == NULL)
			return (-1);
		ytree_attach(st, n);
		xgrow(&st->frames, &st->framecap, st->nframes + 1,
		    sizeof(*st->frames));
		f = &st->frames[st->nframes++];
		f->node = n;
		f->first = st->npending;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		/*
		 * libyaml pairs these with their starts.  The children were
		 * gathered on the pending stack; they move into the arena in
		 * one piece of exactly their size.
		 */
		f = &st->frames[--st->nframes];
		nkids = st->npending - f->first;
		if (nkids > 0) {
			f->node->kids = ytree_alloc(st->tree,
			    nkids * sizeof(*f->node->kids));
			memcpy(f->node->kids, st->pending + f->first,
			    nkids * sizeof(*f->node->kids));
		}
		f->node->nkids = nkids;
		st->npending = f->first;
		break;
	}
	return (0);
}

/* The event loop; one cleanup path releases libyaml on every exit. */
static int
ytree_parse(struct ytree_state *st)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 have_parser = 0, have_event = 0;
	int		 ndocs = 0, done = 0, rc = -1;

	if (!yaml_parser_initialize(&parser)) {
		diag_add(st->diags, st->name, 0, 0, DIAG_IO, strerror(ENOMEM),
		    NULL);
		goto cleanup;
	}
	have_parser = 1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)st->buf,
	    st->len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			ytree_syntax(st, &parser);
			goto cleanup;
		}
		have_event = 1;
		if (ytree_event(st, &ev, &ndocs, &done) == -1)
			goto cleanup;
		yaml_event_delete(&ev);
		have_event = 0;
	}
	if (ndocs == 0 || st->tree->root == NULL) {
		diag_add(st->diags, st->name, 0, 0, DIAG_EMPTY_FILE, NULL,
		    NULL);
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (have_event)
		yaml_event_delete(&ev);
	if (have_parser)
		yaml_parser_delete(&parser);
	return (rc);
}

int
ytree_load_buffer(const char *name, const char *buf, size_t len,
    const struct ytree_limits *limits, struct ytree **tree,
    struct diag_list *diags)
{
	struct ytree_state	 st;
	const uint8_t		*bad;
	uint32_t		 line, col;
	char			 limit[32];
	int			 rc = -1;

	*tree = NULL;
	memset(&st, 0, sizeof(st));
	if (limits == NULL)
		limits = &ytree_default_limits;
	if (len > limits->max_bytes) {
		snprintf(limit, sizeof(limit), "%zu", limits->max_bytes);
		diag_add(diags, name, 0, 0, DIAG_TOO_BIG, limit, NULL);
		goto cleanup;
	}
	/*
	 * libyaml would report bad UTF-8 without a position; checking first
	 * gives the exact line and column.
	 */
	bad = u8_check((const uint8_t *)buf, len);
	if (bad != NULL) {
		ytree_offset_pos(buf, len, (size_t)(bad - (const uint8_t *)buf),
		    &line, &col);
		diag_add(diags, name, line, col, DIAG_BAD_UTF8, NULL, NULL);
		goto cleanup;
	}
	st.name = name;
	st.buf = buf;
	st.len = len;
	st.limits = limits;
	st.diags = diags;
	st.tree = xcalloc(1, sizeof(*st.tree));
	if (ytree_parse(&st) == -1)
		goto cleanup;
	*tree = st.tree;
	st.tree = NULL;
	rc = 0;
cleanup:
	ytree_free(st.tree);
	free(st.frames);
	free(st.pending);
	return (rc);
}

const struct ytree_node *
ytree_root(const struct ytree *t)
{
	return (t->root);
}

void
ytree_free(struct ytree *t)
{
	struct ytree_chunk	*c, *next;

	if (t == NULL)
		return;
	for (c = t->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(t);
}

/*
 * The packed form, for the library index (idx.h): each node in document
 * order as a kind byte (0 plain scalar, 1 other scalar, 2 sequence,
 * 3 mapping), its line and column as 32-bit little-endian numbers, then
 * a scalar's length and bytes or a collection's number of children,
 * which follow it.
 */
#define YTREE_PACK_NODE	9	/* bytes of a node before its length */

static void
ytree_put32(char **buf, size_t *len, size_t *cap, uint32_t v)
{
	unsigned char	*p;

	xgrow(buf, cap, *len + 4, 1);
	p = (unsigned char *)*buf + *len;
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
	*len += 4;
}

void
ytree_pack_node(const struct ytree_node *n, char **buf, size_t *len,
    size_t *cap)
{
	size_t	i;

	xgrow(buf, cap, *len + 1, 1);
	(*buf)[(*len)++] = (char)(n->kind == YTREE_SCALAR ? !n->plain :
	    n->kind == YTREE_SEQ ? 2 : 3);
	ytree_put32(buf, len, cap, n->line);
	ytree_put32(buf, len, cap, n->col);
	if (n->kind == YTREE_SCALAR) {
		ytree_put32(buf, len, cap, (uint32_t)n->len);
		xgrow(buf, cap, *len + n->len, 1);
		memcpy(*buf + *len, n->str, n->len);
		*len += n->len;
		return;
	}
	ytree_put32(buf, len, cap, (uint32_t)n->nkids);
	for (i = 0; i < n->nkids; i++)
		ytree_pack_node(n->kids[i], buf, len, cap);
}

void
ytree_pack(const struct ytree *t, char **buf, size_t *len, size_t *cap)
{
	ytree_pack_node(t->root, buf, len, cap);
}

/* Reading a packed tree: every count is checked against what is left. */
struct ytree_unpack {
	const unsigned char		*p;
	size_t				 len;
	size_t				 off;
	const struct ytree_limits	*limits;
	struct ytree			*tree;
	size_t				 nnodes;
};

static int
ytree_get32(struct ytree_unpack *u, uint32_t *v)
{
	const unsigned char	*p = u->p + u->off;

	if (u->len - u->off < 4)
		return (-1);
	*v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
	u->off += 4;
	return (0);
}

/* u8_check, past a leading run of ASCII taken eight bytes at a time. */
static int
ytree_utf8_valid(const unsigned char *p, size_t n)
{
	uint64_t	w;
	size_t		i = 0;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	return (u8_check(p + i, n - i) == NULL);
}

static struct ytree_node *
ytree_unpack_node(struct ytree_unpack *u, int depth)
{
	struct ytree_node	*n;
	uint32_t		 line, col, count;
	unsigned char		 kind;
	size_t			 i;
	char			*s;

	if (u->len - u->off < YTREE_PACK_NODE ||
	    ++u->nnodes > u->limits->max_nodes)
		return (NULL);
	kind = u->p[u->off++];
	if (kind > 3 || ytree_get32(u, &line) == -1 ||
	    ytree_get32(u, &col) == -1 || ytree_get32(u, &count) == -1)
		return (NULL);
	n = ytree_alloc(u->tree, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->line = line;
	n->col = col;
	if (kind <= 1) {
		/* What libyaml gives: valid UTF-8, any length that fits. */
		if (count > u->len - u->off ||
		    !ytree_utf8_valid(u->p + u->off, count))
			return (NULL);
		n->kind = YTREE_SCALAR;
		n->plain = kind == 0;
		s = ytree_alloc(u->tree, (size_t)count + 1);
		memcpy(s, u->p + u->off, count);
		s[count] = '\0';
		n->str = s;
		n->len = count;
		u->off += count;
		return (n);
	}
	/* The same depth rule as parsing; a mapping holds pairs. */
	n->kind = kind == 2 ? YTREE_SEQ : YTREE_MAP;
	if (depth >= u->limits->max_depth ||
	    count > (u->len - u->off) / YTREE_PACK_NODE ||
	    (n->kind == YTREE_MAP && count % 2 != 0))
		return (NULL);
	n->nkids = count;
	if (count > 0)
		n->kids = ytree_alloc(u->tree, count * sizeof(*n->kids));
	for (i = 0; i < count; i++)
		if ((n->kids[i] = ytree_unpack_node(u, depth + 1)) == NULL)
			return (NULL);
	return (n);
}

int
ytree_unpack(const char *buf, size_t len, const struct ytree_limits *limits,
    struct ytree **tree)
{
	struct ytree_unpack	u;

	*tree = NULL;
	memset(&u, 0, sizeof(u));
	u.p = (const unsigned char *)buf;
	u.len = len;
	u.limits = limits != NULL ? limits : &ytree_default_limits;
	u.tree = xcalloc(1, sizeof(*u.tree));
	u.tree->root = ytree_unpack_node(&u, 0);
	if (u.tree->root == NULL || u.off != u.len) {
		ytree_free(u.tree);
		return (-1);
	}
	*tree = u.tree;
	return (0);
}

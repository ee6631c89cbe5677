/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library index file.  All numbers are little-endian:
 *
 *	"pamphlet pack index FORMAT\n"
 *	u32 number of entries, u32 bytes of the table
 *	the table, one entry per topic file in name order:
 *	    u32 name length, the name, u64 file size, u64 file hash,
 *	    u64 mtime seconds, u32 mtime nanoseconds,
 *	    u64 ctime seconds, u32 ctime nanoseconds, u64 inode,
 *	    u32 flags (1: the topic was built without errors),
 *	    u64 offset of the packed tree, u32 its length, u64 its hash,
 *	    u64 offset of the packed head, u32 its length, u64 its hash
 *	the packed heads, then the packed trees (ytree_pack)
 *
 * A head is the part of a tree that the first screen and the search
 * need (content_head_pack).  The table is read and checked whole when
 * the index is opened, the heads all at once when the first is asked
 * for; a packed tree is read only when its topic is built.  Each is
 * checked against its hash and unpacked with the parser's own limits.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "idx.h"
#include "xalloc.h"
#include "ytree.h"

/*
 * The format's own number, raised whenever the layout or ytree_pack's
 * form changes: a new program reads the indexes an older one wrote as
 * long as the format is the same.
 */
#define IDX_FORMAT	"3"
#define IDX_MAGIC	"pamphlet pack index " IDX_FORMAT "\n"
#define IDX_HEAD	(sizeof(IDX_MAGIC) - 1 + 8)
#define IDX_MAX_ENTRIES	1000000
#define IDX_MAX_TABLE	(64 * 1024 * 1024)
#define IDX_MAX_NAME	255
#define IDX_MAX_PACK	(64 * 1024 * 1024)
#define IDX_ENTRY_FIXED	(4 + 8 + 8 + 8 + 4 + 8 + 4 + 8 + 4 + \
			    8 + 4 + 8 + 8 + 4 + 8)

struct idx_entry {
	const char	*name;		/* in idx->names */
	uint64_t	 size;		/* of the file */
	uint64_t	 hash;		/* of the file's bytes */
	struct idx_key	 key;		/* of the file when it was indexed */
	uint32_t	 flags;
	uint64_t	 off;		/* of the packed tree */
	uint32_t	 len;
	uint64_t	 phash;		/* of the packed tree */
	uint64_t	 hoff;		/* of the packed head */
	uint32_t	 hlen;
	uint64_t	 hhash;
};

struct idx {
	int			 fd;
	struct idx_entry	*entries;
	size_t			 n;
	char			*names;
	char			*buf;		/* one packed tree at a time */
	size_t			 bufcap;
	uint64_t		 hstart;	/* the heads, read once */
	uint64_t		 hend;
	char			*heads;
	int			 heads_bad;
};

struct idx_wentry {
	char		*name;
	uint64_t	 size;
	uint64_t	 hash;
	struct idx_key	 key;
	uint32_t	 flags;
	char		*pack;
	size_t		 plen;
	char		*head;
	size_t		 hlen;
};

struct idx_writer {
	struct idx_wentry	*entries;
	size_t			 n;
	size_t			 cap;
};

/* A bounded reader over bytes in memory. */
struct idx_rd {
	const unsigned char	*p;
	size_t			 len;
	size_t			 off;
};

static uint64_t	 idx_le(const unsigned char *, size_t);
static uint64_t	 idx_le64(const unsigned char *);
static int	 idx_get32(struct idx_rd *, uint32_t *);
static int	 idx_get64(struct idx_rd *, uint64_t *);
static void	 idx_put(char **, size_t *, size_t *, uint64_t, size_t);
static int	 idx_pread(int, void *, size_t, uint64_t);
static int	 idx_write(int, const void *, size_t);
static int	 idx_table(struct idx *, const unsigned char *, size_t,
		    uint64_t, uint64_t);
static int	 idx_entry_cmp(const void *, const void *);
static struct idx_entry *idx_find(const struct idx *, const char *,
		    const char *, size_t);
static int	 idx_wentry_cmp(const void *, const void *);

static uint64_t
idx_le(const unsigned char *p, size_t n)
{
	uint64_t	v = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return (v);
}

/* The same for eight bytes, which compilers turn into one load. */
static uint64_t
idx_le64(const unsigned char *p)
{
	return ((uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56);
}

/*
 * Eight bytes at a time, mixed as MurmurHash3 mixes, with its finaliser.
 * Not cryptographic: it tells a changed file from an unchanged one.
 */
uint64_t
idx_hash(const void *v, size_t n)
{
	const unsigned char	*p = v;
	uint64_t		 h, w;

	h = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)n * 0xff51afd7ed558ccdULL);
	for (; n >= 8; p += 8, n -= 8) {
		w = idx_le64(p) * 0x87c37b91114253d5ULL;
		h ^= (w << 31 | w >> 33) * 0x4cf5ad432745937fULL;
		h = (h << 27 | h >> 37) * 5 + 0x52dce729;
	}
	w = idx_le(p, n) * 0x87c37b91114253d5ULL;
	h ^= (w << 31 | w >> 33) * 0x4cf5ad432745937fULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (h);
}

static int
idx_get32(struct idx_rd *r, uint32_t *v)
{
	if (r->len - r->off < 4)
		return (-1);
	*v = (uint32_t)idx_le(r->p + r->off, 4);
	r->off += 4;
	return (0);
}

static int
idx_get64(struct idx_rd *r, uint64_t *v)
{
	if (r->len - r->off < 8)
		return (-1);
	*v = idx_le(r->p + r->off, 8);
	r->off += 8;
	return (0);
}

/* Appends the low n bytes of v, little-endian. */
static void
idx_put(char **buf, size_t *len, size_t *cap, uint64_t v, size_t n)
{
	size_t	i;

	xgrow(buf, cap, *len + n, 1);
	for (i = 0; i < n; i++)
		(*buf)[(*len)++] = (char)((v >> (8 * i)) & 0xff);
}

static int
idx_pread(int fd, void *buf, size_t len, uint64_t off)
{
	ssize_t	n;
	size_t	done = 0;

	while (done < len) {
		n = pread(fd, (char *)buf + done, len - done,
		    (off_t)(off + done));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return (-1);
		done += (size_t)n;
	}
	return (0);
}

static int
idx_write(int fd, const void *buf, size_t len)
{
	ssize_t	n;
	size_t	done = 0;

	while (done < len) {
		n = write(fd, (const char *)buf + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return (-1);
		}
		done += (size_t)n;
	}
	return (0);
}

static int
idx_entry_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct idx_entry *)a)->name,
	    ((const struct idx_entry *)b)->name));
}

/*
 * Reads the table: names of 1 to 255 bytes with no NUL or '/', strictly
 * in order, each tree inside the file after the table.
 */
static int
idx_table(struct idx *x, const unsigned char *tab, size_t tablen,
    uint64_t first, uint64_t fsize)
{
	struct idx_rd		 r = { tab, tablen, 0 };
	struct idx_entry	*e;
	uint32_t		 nlen;
	size_t			 i, nameoff = 0;

	x->hstart = fsize;
	x->hend = first;
	/* The names, NUL-terminated, take less room than the table. */
	x->names = xmalloc(tablen + 1);
	x->entries = xcalloc(x->n > 0 ? x->n : 1, sizeof(*x->entries));
	for (i = 0; i < x->n; i++) {
		e = &x->entries[i];
		if (idx_get32(&r, &nlen) == -1 || nlen == 0 ||
		    nlen > IDX_MAX_NAME || nlen > r.len - r.off ||
		    memchr(r.p + r.off, '\0', nlen) != NULL ||
		    memchr(r.p + r.off, '/', nlen) != NULL)
			return (-1);
		memcpy(x->names + nameoff, r.p + r.off, nlen);
		x->names[nameoff + nlen] = '\0';
		e->name = x->names + nameoff;
		nameoff += nlen + 1;
		r.off += nlen;
		if (idx_get64(&r, &e->size) == -1 ||
		    idx_get64(&r, &e->hash) == -1 ||
		    idx_get64(&r, &e->key.mtime_s) == -1 ||
		    idx_get32(&r, &e->key.mtime_ns) == -1 ||
		    idx_get64(&r, &e->key.ctime_s) == -1 ||
		    idx_get32(&r, &e->key.ctime_ns) == -1 ||
		    idx_get64(&r, &e->key.ino) == -1 ||
		    idx_get32(&r, &e->flags) == -1 ||
		    idx_get64(&r, &e->off) == -1 ||
		    idx_get32(&r, &e->len) == -1 ||
		    idx_get64(&r, &e->phash) == -1 ||
		    idx_get64(&r, &e->hoff) == -1 ||
		    idx_get32(&r, &e->hlen) == -1 ||
		    idx_get64(&r, &e->hhash) == -1)
			return (-1);
		e->key.size = e->size;
		if (e->off < first || e->off > fsize ||
		    e->len > fsize - e->off || e->len > IDX_MAX_PACK ||
		    e->hoff < first || e->hoff > fsize ||
		    e->hlen > fsize - e->hoff || e->hlen > IDX_MAX_PACK)
			return (-1);
		if (e->hoff < x->hstart)
			x->hstart = e->hoff;
		if (e->hoff + e->hlen > x->hend)
			x->hend = e->hoff + e->hlen;
		if (i > 0 && strcmp(x->entries[i - 1].name, e->name) >= 0)
			return (-1);
	}
	if (x->n == 0 || x->hend < x->hstart)
		x->hstart = x->hend = first;
	/* The heads are read in one piece: it must be a small one. */
	if (x->hend - x->hstart > IDX_MAX_TABLE)
		return (-1);
	return (r.off == r.len ? 0 : -1);
}

struct idx *
idx_open(const char *path)
{
	struct idx	*x;
	struct stat	 st;
	unsigned char	 head[IDX_HEAD], *tab = NULL;
	uint64_t	 count, tablen;
	int		 fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1)
		return (NULL);
	x = xcalloc(1, sizeof(*x));
	x->fd = fd;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size < IDX_HEAD ||
	    idx_pread(fd, head, IDX_HEAD, 0) == -1 ||
	    memcmp(head, IDX_MAGIC, sizeof(IDX_MAGIC) - 1) != 0)
		goto fail;
	count = idx_le(head + IDX_HEAD - 8, 4);
	tablen = idx_le(head + IDX_HEAD - 4, 4);
	if (count > IDX_MAX_ENTRIES || tablen > IDX_MAX_TABLE ||
	    tablen < count * IDX_ENTRY_FIXED ||
	    tablen > (uint64_t)st.st_size - IDX_HEAD)
		goto fail;
	x->n = (size_t)count;
	tab = xmalloc(tablen > 0 ? tablen : 1);
	if (idx_pread(fd, tab, tablen, IDX_HEAD) == -1 ||
	    idx_table(x, tab, tablen, IDX_HEAD + tablen,
	    (uint64_t)st.st_size) == -1)
		goto fail;
	free(tab);
	return (x);
fail:
	free(tab);
	idx_free(x);
	return (NULL);
}

/* The entry of the file name with the bytes buf, or NULL. */
static struct idx_entry *
idx_find(const struct idx *x, const char *name, const char *buf, size_t len)
{
	struct idx_entry	 key, *e;

	if (x == NULL || x->n == 0)
		return (NULL);
	key.name = name;
	e = bsearch(&key, x->entries, x->n, sizeof(*x->entries),
	    idx_entry_cmp);
	if (e == NULL || e->size != len || e->hash != idx_hash(buf, len))
		return (NULL);
	return (e);
}

int
idx_holds(const struct idx *x, const char *name, const char *buf, size_t len)
{
	return (idx_find(x, name, buf, len) != NULL);
}

int
idx_get(struct idx *x, const char *name, const char *buf, size_t len,
    const struct ytree_limits *limits, struct ytree **tree)
{
	struct idx_entry	*e;

	*tree = NULL;
	if ((e = idx_find(x, name, buf, len)) == NULL)
		return (-1);
	return (idx_tree(x, (size_t)(e - x->entries), limits, tree));
}

void
idx_key_of(const struct stat *st, struct idx_key *k)
{
	memset(k, 0, sizeof(*k));
	k->size = (uint64_t)st->st_size;
	k->mtime_s = (uint64_t)st->st_mtim.tv_sec;
	k->mtime_ns = (uint32_t)st->st_mtim.tv_nsec;
	k->ctime_s = (uint64_t)st->st_ctim.tv_sec;
	k->ctime_ns = (uint32_t)st->st_ctim.tv_nsec;
	k->ino = (uint64_t)st->st_ino;
}

long
idx_lookup(const struct idx *x, const char *name, const struct stat *st)
{
	struct idx_entry	 key, *e;
	struct idx_key		 k;

	if (x == NULL || x->n == 0)
		return (-1);
	key.name = name;
	e = bsearch(&key, x->entries, x->n, sizeof(*x->entries),
	    idx_entry_cmp);
	if (e == NULL || !(e->flags & IDX_CLEAN))
		return (-1);
	idx_key_of(st, &k);
	/* A key of all zeros was not taken: the file moved while read. */
	if (e->key.ino == 0 || k.size != e->key.size ||
	    k.mtime_s != e->key.mtime_s || k.mtime_ns != e->key.mtime_ns ||
	    k.ctime_s != e->key.ctime_s || k.ctime_ns != e->key.ctime_ns ||
	    k.ino != e->key.ino)
		return (-1);
	return ((long)(e - x->entries));
}

long
idx_lookup_bytes(const struct idx *x, const char *name, const char *buf,
    size_t len)
{
	struct idx_entry	*e;

	if ((e = idx_find(x, name, buf, len)) == NULL || !(e->flags & IDX_CLEAN))
		return (-1);
	return ((long)(e - x->entries));
}

int
idx_head(struct idx *x, size_t i, const struct ytree_limits *limits,
    struct ytree **tree)
{
	const struct idx_entry	*e;

	*tree = NULL;
	if (x == NULL || i >= x->n || x->heads_bad)
		return (-1);
	if (x->heads == NULL) {
		x->heads = xmalloc(x->hend - x->hstart + 1);
		if (idx_pread(x->fd, x->heads, x->hend - x->hstart,
		    x->hstart) == -1) {
			x->heads_bad = 1;
			return (-1);
		}
	}
	e = &x->entries[i];
	if (idx_hash(x->heads + (e->hoff - x->hstart), e->hlen) != e->hhash)
		return (-1);
	return (ytree_unpack(x->heads + (e->hoff - x->hstart), e->hlen, limits,
	    tree));
}

int
idx_tree(struct idx *x, size_t i, const struct ytree_limits *limits,
    struct ytree **tree)
{
	const struct idx_entry	*e;

	*tree = NULL;
	if (x == NULL || i >= x->n)
		return (-1);
	e = &x->entries[i];
	if (e->len > x->bufcap) {
		free(x->buf);
		x->bufcap = e->len;
		x->buf = xmalloc(x->bufcap);
	}
	if (idx_pread(x->fd, x->buf, e->len, e->off) == -1 ||
	    idx_hash(x->buf, e->len) != e->phash)
		return (-1);
	return (ytree_unpack(x->buf, e->len, limits, tree));
}

size_t
idx_count(const struct idx *x)
{
	return (x != NULL ? x->n : 0);
}

void
idx_free(struct idx *x)
{
	if (x == NULL)
		return;
	if (x->fd != -1)
		close(x->fd);
	free(x->entries);
	free(x->names);
	free(x->buf);
	free(x->heads);
	free(x);
}

struct idx_writer *
idx_writer_new(void)
{
	return (xcalloc(1, sizeof(struct idx_writer)));
}

void
idx_writer_add(struct idx_writer *w, const char *name, const char *buf,
    size_t len, const struct idx_key *key, uint32_t flags,
    const struct ytree *tree, const char *head, size_t hlen)
{
	struct idx_wentry	*e;
	size_t			 cap = 0;

	xgrow(&w->entries, &w->cap, w->n + 1, sizeof(*w->entries));
	e = &w->entries[w->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->size = len;
	e->hash = idx_hash(buf, len);
	if (key != NULL)
		e->key = *key;
	e->flags = flags;
	ytree_pack(tree, &e->pack, &e->plen, &cap);
	e->head = xmalloc(hlen + 1);
	memcpy(e->head, head, hlen);
	e->hlen = hlen;
}

size_t
idx_writer_count(const struct idx_writer *w)
{
	return (w->n);
}

static int
idx_wentry_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct idx_wentry *)a)->name,
	    ((const struct idx_wentry *)b)->name));
}

int
idx_writer_save(struct idx_writer *w, const char *path)
{
	struct idx_wentry	*e;
	const char		*slash;
	char			*head = NULL, *tmp;
	size_t			 len = 0, cap = 0, i, nlen, tablen = 0;
	uint64_t		 off, hoff;
	int			 fd, saved, rc = -1;

	qsort(w->entries, w->n, sizeof(*w->entries), idx_wentry_cmp);
	for (i = 0; i < w->n; i++) {
		e = &w->entries[i];
		nlen = strlen(e->name);
		if (nlen == 0 || nlen > IDX_MAX_NAME ||
		    strchr(e->name, '/') != NULL ||
		    e->plen > IDX_MAX_PACK || e->hlen > IDX_MAX_PACK ||
		    (i > 0 && strcmp(w->entries[i - 1].name, e->name) == 0)) {
			errno = EINVAL;
			return (-1);
		}
		tablen += IDX_ENTRY_FIXED + nlen;
	}
	if (w->n > IDX_MAX_ENTRIES || tablen > IDX_MAX_TABLE) {
		errno = EFBIG;
		return (-1);
	}
	xgrow(&head, &cap, sizeof(IDX_MAGIC) - 1, 1);
	memcpy(head, IDX_MAGIC, sizeof(IDX_MAGIC) - 1);
	len = sizeof(IDX_MAGIC) - 1;
	idx_put(&head, &len, &cap, w->n, 4);
	idx_put(&head, &len, &cap, tablen, 4);
	/* The heads come first, all together, then the trees. */
	hoff = IDX_HEAD + tablen;
	off = hoff;
	for (i = 0; i < w->n; i++)
		off += w->entries[i].hlen;
	for (i = 0; i < w->n; i++) {
		e = &w->entries[i];
		nlen = strlen(e->name);
		idx_put(&head, &len, &cap, nlen, 4);
		xgrow(&head, &cap, len + nlen, 1);
		memcpy(head + len, e->name, nlen);
		len += nlen;
		idx_put(&head, &len, &cap, e->size, 8);
		idx_put(&head, &len, &cap, e->hash, 8);
		idx_put(&head, &len, &cap, e->key.mtime_s, 8);
		idx_put(&head, &len, &cap, e->key.mtime_ns, 4);
		idx_put(&head, &len, &cap, e->key.ctime_s, 8);
		idx_put(&head, &len, &cap, e->key.ctime_ns, 4);
		idx_put(&head, &len, &cap, e->key.ino, 8);
		idx_put(&head, &len, &cap, e->flags, 4);
		idx_put(&head, &len, &cap, off, 8);
		idx_put(&head, &len, &cap, e->plen, 4);
		idx_put(&head, &len, &cap, idx_hash(e->pack, e->plen), 8);
		idx_put(&head, &len, &cap, hoff, 8);
		idx_put(&head, &len, &cap, e->hlen, 4);
		idx_put(&head, &len, &cap, idx_hash(e->head, e->hlen), 8);
		off += e->plen;
		hoff += e->hlen;
	}

	/* A new file beside the old, renamed over it when complete. */
	slash = strrchr(path, '/');
	tmp = slash == NULL ? xasprintf(".%s.XXXXXX", path) :
	    xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	if ((fd = mkstemp(tmp)) == -1)
		goto done;
	if (fchmod(fd, 0644) == -1 || idx_write(fd, head, len) == -1)
		goto fail;
	for (i = 0; i < w->n; i++)
		if (idx_write(fd, w->entries[i].head, w->entries[i].hlen) == -1)
			goto fail;
	for (i = 0; i < w->n; i++)
		if (idx_write(fd, w->entries[i].pack, w->entries[i].plen) == -1)
			goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	rc = 0;
	goto done;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	errno = saved;
done:
	free(head);
	free(tmp);
	return (rc);
}

void
idx_writer_free(struct idx_writer *w)
{
	size_t	i;

	if (w == NULL)
		return;
	for (i = 0; i < w->n; i++) {
		free(w->entries[i].name);
		free(w->entries[i].pack);
		free(w->entries[i].head);
	}
	free(w->entries);
	free(w);
}

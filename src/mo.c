/*
 * The layout of a .mo file, as GNU gettext writes it: a header of 32-bit
 * words (magic, revision, string count N, offsets of the two tables of
 * N (length, offset) pairs, hash table size and offset), then the
 * strings, each followed by a NUL.  Lookups hash the msgid, start at
 * hash % size and step by 1 + hash % (size - 2) until they find the
 * string or an empty slot.  With a prime size every step visits every
 * slot, so one empty slot ends every search; msgfmt always makes the
 * size prime and leaves slots empty.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mo.h"

#define N_(s)		(s)

#define MO_MAGIC	0x950412deU
#define MO_MAGIC_SWAP	0xde120495U

/* Files checked, newest first, with what was found. */
#define MO_SEEN		32
static struct mo_seen {
	dev_t		 dev;
	ino_t		 ino;
	off_t		 size;
	struct timespec	 ctime;
	enum mo_status	 status;
	const char	*why;
} mo_seen[MO_SEEN];
static size_t	mo_nseen;

struct mo_file {
	const unsigned char	*buf;
	size_t			 len;
	int			 swap;
};

static uint32_t
mo_word(const struct mo_file *f, size_t off)
{
	const unsigned char	*p = f->buf + off;

	if (f->swap)
		return ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3]);
	return ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0]);
}

/* Whether [off, off + count * size) lies in the file, 4-byte aligned. */
static int
mo_fits(const struct mo_file *f, uint32_t off, uint32_t count, size_t size)
{
	uint64_t	end = (uint64_t)off + (uint64_t)count * size;

	return (off % 4 == 0 && end <= f->len);
}

/* N (length, offset) pairs at off: each string and its NUL in the file. */
static int
mo_strings_fit(const struct mo_file *f, uint32_t off, uint32_t n)
{
	uint32_t	i, slen, soff;

	for (i = 0; i < n; i++) {
		slen = mo_word(f, off + (size_t)i * 8);
		soff = mo_word(f, off + (size_t)i * 8 + 4);
		if ((uint64_t)soff + slen >= f->len || f->buf[soff + slen] != 0)
			return (0);
	}
	return (1);
}

static int
mo_prime(uint32_t n)
{
	uint32_t	d;

	if (n < 2)
		return (0);
	for (d = 2; d <= n / d; d++)
		if (n % d == 0)
			return (0);
	return (1);
}

enum mo_status
mo_check(const unsigned char *buf, size_t len, const char **why)
{
	struct mo_file	f;
	const char	*dummy;
	uint32_t	magic, rev, n, otab, ttab, hsize, hoff, i, e;
	int		empty = 0;

	if (why == NULL)
		why = &dummy;
	*why = NULL;
	f.buf = buf;
	f.len = len;
	f.swap = 0;
	if (len < 28) {
		*why = N_("too short to be a catalogue");
		return (MO_BAD);
	}
	if (len > MO_MAX_SIZE) {
		*why = N_("too large");
		return (MO_BAD);
	}
	magic = mo_word(&f, 0);
	if (magic == MO_MAGIC_SWAP)
		f.swap = 1;
	else if (magic != MO_MAGIC) {
		*why = N_("not a catalogue");
		return (MO_BAD);
	}
	rev = mo_word(&f, 4);
	if (rev >> 16 != 0) {
		*why = N_("a catalogue format this program does not know");
		return (MO_BAD);
	}
	/*
	 * Revision 0.1 adds strings that depend on the system (<PRIu64>);
	 * no text of this program has them, so a catalogue must not either.
	 */
	if ((rev & 0xffff) != 0 &&
	    (len < 48 || mo_word(&f, 28) != 0 || mo_word(&f, 36) != 0)) {
		*why = N_("system-dependent strings");
		return (MO_BAD);
	}
	n = mo_word(&f, 8);
	otab = mo_word(&f, 12);
	ttab = mo_word(&f, 16);
	hsize = mo_word(&f, 20);
	hoff = mo_word(&f, 24);
	if (!mo_fits(&f, otab, n, 8) || !mo_fits(&f, ttab, n, 8)) {
		*why = N_("a table outside the file");
		return (MO_BAD);
	}
	if (!mo_strings_fit(&f, otab, n) || !mo_strings_fit(&f, ttab, n)) {
		*why = N_("a string outside the file");
		return (MO_BAD);
	}
	/* gettext searches a hash table of 0, 1 or 2 slots by bisection. */
	if (hsize <= 2)
		return (MO_OK);
	if (!mo_fits(&f, hoff, hsize, 4)) {
		*why = N_("a table outside the file");
		return (MO_BAD);
	}
	for (i = 0; i < hsize; i++) {
		e = mo_word(&f, hoff + (size_t)i * 4);
		if (e == 0)
			empty = 1;
		else if (e > n) {
			*why = N_("a damaged hash table");
			return (MO_BAD);
		}
	}
	if (!empty || !mo_prime(hsize)) {
		*why = N_("a damaged hash table");
		return (MO_BAD);
	}
	return (MO_OK);
}

enum mo_status
mo_check_file(const char *path, const char **why)
{
	struct stat	 st, st2;
	unsigned char	*buf;
	const char	*reason;
	size_t		 got = 0, i;
	ssize_t		 r = 0;
	enum mo_status	 rc;
	int		 fd;

	if (why != NULL)
		*why = NULL;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return (MO_ABSENT);
		if (why != NULL)
			*why = N_("cannot be read");
		return (MO_BAD);
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		if (why != NULL)
			*why = N_("not a regular file");
		return (MO_BAD);
	}
	for (i = 0; i < mo_nseen; i++)
		if (mo_seen[i].dev == st.st_dev && mo_seen[i].ino == st.st_ino &&
		    mo_seen[i].size == st.st_size &&
		    mo_seen[i].ctime.tv_sec == st.st_ctim.tv_sec &&
		    mo_seen[i].ctime.tv_nsec == st.st_ctim.tv_nsec) {
			close(fd);
			if (why != NULL)
				*why = mo_seen[i].why;
			return (mo_seen[i].status);
		}
	if (st.st_size > MO_MAX_SIZE) {
		close(fd);
		if (why != NULL)
			*why = N_("too large");
		return (MO_BAD);
	}
	/* One byte more than fstat said, to see a file that grew. */
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL) {
		close(fd);
		if (why != NULL)
			*why = N_("cannot be read");
		return (MO_BAD);
	}
	while (got < (size_t)st.st_size + 1) {
		r = read(fd, buf + got, (size_t)st.st_size + 1 - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (r == -1) {
		close(fd);
		free(buf);
		if (why != NULL)
			*why = N_("cannot be read");
		return (MO_BAD);
	}
	if (got != (size_t)st.st_size) {
		close(fd);
		free(buf);
		if (why != NULL)
			*why = N_("changed while it was read");
		return (MO_BAD);
	}
	rc = mo_check(buf, got, &reason);
	free(buf);
	if (why != NULL)
		*why = reason;
	/* Remembered only when the file did not change while it was read. */
	if (fstat(fd, &st2) == 0 && st2.st_size == st.st_size &&
	    st2.st_ctim.tv_sec == st.st_ctim.tv_sec &&
	    st2.st_ctim.tv_nsec == st.st_ctim.tv_nsec) {
		if (mo_nseen < MO_SEEN)
			mo_nseen++;
		memmove(mo_seen + 1, mo_seen,
		    (mo_nseen - 1) * sizeof(mo_seen[0]));
		mo_seen[0].dev = st.st_dev;
		mo_seen[0].ino = st.st_ino;
		mo_seen[0].size = st.st_size;
		mo_seen[0].ctime = st.st_ctim;
		mo_seen[0].status = rc;
		mo_seen[0].why = reason;
	}
	close(fd);
	return (rc);
}

/*
 * printf formats.  Conversions are taken apart as glibc's printf does:
 * "%[N$][flags][width][.precision][length]conversion", where a width or
 * precision of '*' or "*M$" takes an argument of its own.  Each argument
 * gets a type: its length and conversion ("zu", "s"), or "*" for an int
 * that sets a width or precision.
 */
struct mo_fmt {
	char		type[MO_FMT_MAX_ARGS][4];
	unsigned long	width[MO_FMT_MAX_ARGS];	/* widest width or precision */
	int		top;			/* highest argument number */
	int		numbered;		/* some "N$" */
	int		plain;			/* some without */
};

/* Digits at *pp, at most MO_FMT_HUGE; -1 if there are none. */
static long
mo_fmt_number(const char **pp)
{
	const char	*p = *pp;
	long		 n = 0;

	if (*p < '0' || *p > '9')
		return (-1);
	for (; *p >= '0' && *p <= '9'; p++)
		if ((n = n * 10 + (*p - '0')) > MO_FMT_HUGE)
			n = MO_FMT_HUGE;
	*pp = p;
	return (n);
}

/*
 * Gives argument pos (0: the next one in order) the type t.  An
 * argument used twice must have one type.
 */
static int
mo_fmt_arg(struct mo_fmt *f, long pos, int *next, const char *t, size_t tlen,
    unsigned long width)
{
	if (pos == 0) {
		f->plain = 1;
		pos = (*next)++;
	} else
		f->numbered = 1;
	if (pos < 1 || pos >= MO_FMT_MAX_ARGS || tlen >= sizeof(f->type[0]))
		return (-1);
	if (f->type[pos][0] != '\0' && (strlen(f->type[pos]) != tlen ||
	    memcmp(f->type[pos], t, tlen) != 0))
		return (-1);
	memcpy(f->type[pos], t, tlen);
	f->type[pos][tlen] = '\0';
	if (width > f->width[pos])
		f->width[pos] = width;
	if (pos > f->top)
		f->top = (int)pos;
	return (0);
}

/* A '*' or "*M$" width or precision at *pp, if there is one. */
static int
mo_fmt_star(struct mo_fmt *f, const char **pp, int *next)
{
	const char	*p = *pp;
	long		 pos = 0;

	if (*p != '*')
		return (0);
	p++;
	if (*p >= '0' && *p <= '9') {
		pos = mo_fmt_number(&p);
		if (*p++ != '$' || pos == 0)
			return (-1);
	}
	*pp = p;
	return (mo_fmt_arg(f, pos, next, "*", 1, 0));
}

/*
 * The arguments of format s, or -1 if it is not one we accept: a
 * conversion we do not know (%n among them), an argument past
 * MO_FMT_MAX_ARGS, numbered and unnumbered conversions mixed (glibc and
 * this count would then disagree on which argument is which), or numbered
 * ones with a gap (printf cannot know the type of the missing one).
 */
static int
mo_fmt_parse(const char *s, struct mo_fmt *f)
{
	const char	*p, *q;
	unsigned long	 width;
	long		 pos, n;
	size_t		 len;
	int		 next = 1, i;

	memset(f, 0, sizeof(*f));
	for (p = s; (p = strchr(p, '%')) != NULL; ) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		/* "%2$s"; digits without a '$' are a width. */
		pos = 0;
		q = p;
		if ((n = mo_fmt_number(&q)) > 0 && *q == '$') {
			pos = n;
			p = q + 1;
		}
		p += strspn(p, "-+ #0'");
		width = 0;
		if (mo_fmt_star(f, &p, &next) == -1)
			return (-1);
		if ((n = mo_fmt_number(&p)) > 0)
			width = (unsigned long)n;
		if (*p == '.') {
			p++;
			if (mo_fmt_star(f, &p, &next) == -1)
				return (-1);
			if ((n = mo_fmt_number(&p)) > (long)width)
				width = (unsigned long)n;
		}
		len = strspn(p, "hlLqjzt");
		if (len > 2 || p[len] == '\0' ||
		    strchr("diouxXcsfFeEgGaAp", p[len]) == NULL)
			return (-1);
		if (mo_fmt_arg(f, pos, &next, p, len + 1, width) == -1)
			return (-1);
		p += len + 1;
	}
	if (f->numbered && f->plain)
		return (-1);
	for (i = 1; i <= f->top; i++)
		if (f->type[i][0] == '\0')
			return (-1);
	return (0);
}

int
mo_format_fits(const char *en, const char *tr)
{
	struct mo_fmt	fe, ft;
	unsigned long	bound;
	int		i;

	if (strchr(tr, '%') == NULL)
		return (1);
	if (mo_fmt_parse(en, &fe) == -1 || mo_fmt_parse(tr, &ft) == -1 ||
	    ft.top > fe.top)
		return (0);
	for (i = 1; i <= ft.top; i++) {
		if (strcmp(ft.type[i], fe.type[i]) != 0)
			return (0);
		bound = fe.width[i] > MO_FMT_MAX_WIDTH ? fe.width[i] :
		    MO_FMT_MAX_WIDTH;
		if (ft.width[i] > bound)
			return (0);
	}
	return (1);
}

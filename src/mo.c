/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <limits.h>
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

/*
 * Plural forms.  glibc takes "nplurals=" and "plural=" from anywhere in
 * a catalogue's header (the translation of ""), parses the formula with
 * the grammar of gettext's plural.y and, at each ngettext, evaluates it
 * with unsigned long arithmetic; a division by zero there raises SIGFPE.
 * The same parse is done here, into a tree of at most MO_PLURAL_NODES
 * nodes, and the same evaluation, which stops at a zero divisor.
 */
enum mo_op {
	MO_OP_N, MO_OP_NUM, MO_OP_NOT,
	MO_OP_MUL, MO_OP_DIV, MO_OP_MOD, MO_OP_ADD, MO_OP_SUB,
	MO_OP_LT, MO_OP_GT, MO_OP_LE, MO_OP_GE, MO_OP_EQ, MO_OP_NE,
	MO_OP_AND, MO_OP_OR, MO_OP_COND
};

/* Tokens: an operator's enum mo_op, or one of these. */
#define MO_TOK_END	100
#define MO_TOK_ERR	101
#define MO_TOK_QUEST	102
#define MO_TOK_COLON	103
#define MO_TOK_OPEN	104
#define MO_TOK_CLOSE	105

struct mo_node {
	enum mo_op	 op;
	unsigned long	 num;
	int		 arg[3];
	int		 depth;		/* of the tree under it, itself 1 */
	int		 has_n;		/* n appears under it */
};

struct mo_plural {
	struct mo_node	 node[MO_PLURAL_NODES];
	int		 nnode;
	int		 root;
	unsigned long	 nplurals;
	const char	*p;		/* the rest of the formula */
	int		 tok;		/* the token just read */
	unsigned long	 num;		/* its value, for a number */
	int		 nest;		/* parentheses and operators open */
};

/* Reads the next token as glibc's yylex does. */
static void
mo_lex(struct mo_plural *pl)
{
	const char	*p = pl->p;

	while (*p == ' ' || *p == '\t')
		p++;
	pl->tok = MO_TOK_ERR;
	switch (*p) {
	case '\0':
	case ';':
	case '\n':
		pl->tok = MO_TOK_END;
		pl->p = p;
		return;
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		/* Wrapping as glibc's does. */
		for (pl->num = 0; *p >= '0' && *p <= '9'; p++)
			pl->num = pl->num * 10 + (unsigned long)(*p - '0');
		pl->tok = MO_OP_NUM;
		pl->p = p;
		return;
	case 'n':
		pl->tok = MO_OP_N;
		break;
	case '?':
		pl->tok = MO_TOK_QUEST;
		break;
	case ':':
		pl->tok = MO_TOK_COLON;
		break;
	case '(':
		pl->tok = MO_TOK_OPEN;
		break;
	case ')':
		pl->tok = MO_TOK_CLOSE;
		break;
	case '*':
		pl->tok = MO_OP_MUL;
		break;
	case '/':
		pl->tok = MO_OP_DIV;
		break;
	case '%':
		pl->tok = MO_OP_MOD;
		break;
	case '+':
		pl->tok = MO_OP_ADD;
		break;
	case '-':
		pl->tok = MO_OP_SUB;
		break;
	case '<':
	case '>':
		pl->tok = p[1] == '=' ? (*p == '<' ? MO_OP_LE : MO_OP_GE) :
		    (*p == '<' ? MO_OP_LT : MO_OP_GT);
		if (p[1] == '=')
			p++;
		break;
	case '=':
		if (p[1] == '=') {
			pl->tok = MO_OP_EQ;
			p++;
		}
		break;
	case '!':
		pl->tok = MO_OP_NOT;
		if (p[1] == '=') {
			pl->tok = MO_OP_NE;
			p++;
		}
		break;
	case '&':
	case '|':
		if (p[1] == *p) {
			pl->tok = *p == '&' ? MO_OP_AND : MO_OP_OR;
			p++;
		}
		break;
	}
	pl->p = p + 1;
}

/* A new node; -1 when there is no room. */
static int
mo_node(struct mo_plural *pl, enum mo_op op, int a, int b, int c)
{
	struct mo_node	*nd;
	int		 i, k;

	if (pl->nnode == MO_PLURAL_NODES)
		return (-1);
	nd = &pl->node[pl->nnode];
	nd->op = op;
	nd->num = pl->num;
	nd->arg[0] = a;
	nd->arg[1] = b;
	nd->arg[2] = c;
	nd->depth = 1;
	nd->has_n = op == MO_OP_N;
	for (i = 0; i < 3; i++) {
		if ((k = nd->arg[i]) < 0)
			continue;
		if (pl->node[k].depth + 1 > nd->depth)
			nd->depth = pl->node[k].depth + 1;
		nd->has_n |= pl->node[k].has_n;
	}
	return (pl->nnode++);
}

/* Binding strength of a binary operator; 0 for other tokens. */
static int
mo_prec(int tok)
{
	switch (tok) {
	case MO_OP_OR:
		return (1);
	case MO_OP_AND:
		return (2);
	case MO_OP_EQ: case MO_OP_NE:
		return (3);
	case MO_OP_LT: case MO_OP_GT: case MO_OP_LE: case MO_OP_GE:
		return (4);
	case MO_OP_ADD: case MO_OP_SUB:
		return (5);
	case MO_OP_MUL: case MO_OP_DIV: case MO_OP_MOD:
		return (6);
	default:
		return (0);
	}
}

static int	mo_expr(struct mo_plural *);

/* '!' exp, n, a number or '(' exp ')'. */
static int
mo_unary(struct mo_plural *pl)
{
	int	a;

	if (++pl->nest > MO_PLURAL_DEPTH)
		return (-1);
	switch (pl->tok) {
	case MO_OP_NOT:
		mo_lex(pl);
		if ((a = mo_unary(pl)) == -1)
			return (-1);
		a = mo_node(pl, MO_OP_NOT, a, -1, -1);
		break;
	case MO_OP_N:
	case MO_OP_NUM:
		a = mo_node(pl, (enum mo_op)pl->tok, -1, -1, -1);
		mo_lex(pl);
		break;
	case MO_TOK_OPEN:
		mo_lex(pl);
		if ((a = mo_expr(pl)) == -1 || pl->tok != MO_TOK_CLOSE)
			return (-1);
		mo_lex(pl);
		break;
	default:
		return (-1);
	}
	pl->nest--;
	return (a);
}

/* Binary operators that bind at least as strongly as prec, to the left. */
static int
mo_binary(struct mo_plural *pl, int prec)
{
	int	a, b, op;

	if ((a = prec > 6 ? mo_unary(pl) : mo_binary(pl, prec + 1)) == -1)
		return (-1);
	while (prec <= 6 && mo_prec(pl->tok) == prec) {
		op = pl->tok;
		mo_lex(pl);
		if ((b = mo_binary(pl, prec + 1)) == -1 ||
		    (a = mo_node(pl, (enum mo_op)op, a, b, -1)) == -1)
			return (-1);
	}
	return (a);
}

/* exp '?' exp ':' exp, to the right, or a binary expression. */
static int
mo_expr(struct mo_plural *pl)
{
	int	a, b, c;

	if (++pl->nest > MO_PLURAL_DEPTH ||
	    (a = mo_binary(pl, 1)) == -1)
		return (-1);
	if (pl->tok == MO_TOK_QUEST) {
		mo_lex(pl);
		if ((b = mo_expr(pl)) == -1 || pl->tok != MO_TOK_COLON)
			return (-1);
		mo_lex(pl);
		if ((c = mo_expr(pl)) == -1 ||
		    (a = mo_node(pl, MO_OP_COND, a, b, c)) == -1)
			return (-1);
	}
	pl->nest--;
	return (a);
}

/*
 * The value of node k for n, as glibc's plural_eval gives it (&&, || and
 * ?: evaluate only what they need); -1 if it would divide by zero.
 */
static int
mo_eval(const struct mo_plural *pl, int k, unsigned long n, unsigned long *v)
{
	const struct mo_node	*nd = &pl->node[k];
	unsigned long		 a, b;

	switch (nd->op) {
	case MO_OP_N:
		*v = n;
		return (0);
	case MO_OP_NUM:
		*v = nd->num;
		return (0);
	default:
		break;
	}
	if (mo_eval(pl, nd->arg[0], n, &a) == -1)
		return (-1);
	switch (nd->op) {
	case MO_OP_NOT:
		*v = !a;
		return (0);
	case MO_OP_AND:
	case MO_OP_OR:
		if ((nd->op == MO_OP_AND) != (a != 0)) {
			*v = a != 0;
			return (0);
		}
		if (mo_eval(pl, nd->arg[1], n, &b) == -1)
			return (-1);
		*v = b != 0;
		return (0);
	case MO_OP_COND:
		return (mo_eval(pl, nd->arg[a != 0 ? 1 : 2], n, v));
	default:
		break;
	}
	if (mo_eval(pl, nd->arg[1], n, &b) == -1)
		return (-1);
	switch (nd->op) {
	case MO_OP_MUL:	*v = a * b;	break;
	case MO_OP_DIV:
	case MO_OP_MOD:
		if (b == 0)
			return (-1);
		*v = nd->op == MO_OP_DIV ? a / b : a % b;
		break;
	case MO_OP_ADD:	*v = a + b;	break;
	case MO_OP_SUB:	*v = a - b;	break;
	case MO_OP_LT:	*v = a < b;	break;
	case MO_OP_GT:	*v = a > b;	break;
	case MO_OP_LE:	*v = a <= b;	break;
	case MO_OP_GE:	*v = a >= b;	break;
	case MO_OP_EQ:	*v = a == b;	break;
	case MO_OP_NE:	*v = a != b;	break;
	default:	return (-1);
	}
	return (0);
}

static int
mo_isspace(char c)
{
	return (c == ' ' || (c >= '\t' && c <= '\r'));
}

/*
 * Parses the plural forms of header into pl, as glibc reads them.
 * Returns NULL with pl->root -1 for a header without them (glibc then
 * uses "n != 1"), NULL with a tree in pl, or the reason they are refused.
 */
static const char *
mo_plural_parse(struct mo_plural *pl, const char *header)
{
	const char	*pf, *np;
	int		 deep;

	pl->nnode = 0;
	pl->root = -1;
	pl->nest = 0;
	pl->num = 0;
	pf = strstr(header, "plural=");
	np = strstr(header, "nplurals=");
	if (pf == NULL && np == NULL)
		return (NULL);
	if (pf == NULL || np == NULL)
		return (N_("a plural formula gettext cannot read"));
	for (np += 9; mo_isspace(*np); np++)
		continue;
	if (*np < '0' || *np > '9')
		return (N_("a plural formula gettext cannot read"));
	for (pl->nplurals = 0; *np >= '0' && *np <= '9'; np++)
		if ((pl->nplurals = pl->nplurals * 10 + (unsigned long)(*np -
		    '0')) > MO_NPLURALS_MAX)
			pl->nplurals = MO_NPLURALS_MAX + 1;
	if (pl->nplurals < 1 || pl->nplurals > MO_NPLURALS_MAX)
		return (N_("a number of plural forms out of range"));
	pf += 7;
	if (strcspn(pf, ";\n") > MO_PLURAL_LEN)
		return (N_("a plural formula too long or too deeply nested"));
	pl->p = pf;
	mo_lex(pl);
	pl->root = mo_expr(pl);
	deep = pl->nest > MO_PLURAL_DEPTH || (pl->root != -1 &&
	    pl->node[pl->root].depth > MO_PLURAL_DEPTH);
	if (pl->root == -1 || pl->tok != MO_TOK_END || deep) {
		pl->root = -1;
		return (deep ? N_("a plural formula too long or too deeply "
		    "nested") : N_("a plural formula gettext cannot read"));
	}
	return (NULL);
}

/* Why the formula of pl would fault or give a form past nplurals for n. */
static const char *
mo_plural_try(const struct mo_plural *pl, unsigned long n)
{
	unsigned long	v;

	if (mo_eval(pl, pl->root, n, &v) == -1)
		return (N_("a plural formula that can divide by zero"));
	if (v >= pl->nplurals)
		return (N_("a plural formula that gives a form past nplurals"));
	return (NULL);
}

const char *
mo_plural_check(const char *header)
{
	static const unsigned long	 big[] = {
		1000, 10000, 100000, 1000000, 1000000000, 0x7fffffffUL,
		0x80000000UL, 0xffffffffUL, ULONG_MAX / 2, ULONG_MAX / 2 + 1,
		ULONG_MAX - 1, ULONG_MAX
	};
	struct mo_plural		 pl;
	const struct mo_node		*nd;
	const char			*why;
	unsigned long			 n, k, v;
	size_t				 i;
	int				 j;

	if ((why = mo_plural_parse(&pl, header)) != NULL || pl.root == -1)
		return (why);
	/*
	 * Whether a divisor that depends on n can be zero cannot be settled
	 * by trying values of n.  No language needs one: every formula in
	 * use divides by a number ("n % 10", "n % 100").
	 */
	for (j = 0; j < pl.nnode; j++) {
		nd = &pl.node[j];
		if (nd->op != MO_OP_DIV && nd->op != MO_OP_MOD)
			continue;
		if (pl.node[nd->arg[1]].has_n ||
		    mo_eval(&pl, nd->arg[1], 0, &v) == -1 || v == 0)
			return (N_("a plural formula that can divide by zero"));
	}
	/*
	 * The forms: each n to 200, some large ones, and each number of the
	 * formula with its neighbours, double and negation, so that tests
	 * such as "n % 100 == 11" or "n > 1000000" meet both sides.
	 */
	for (n = 0; n <= 200; n++)
		if ((why = mo_plural_try(&pl, n)) != NULL)
			return (why);
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++)
		if ((why = mo_plural_try(&pl, big[i])) != NULL)
			return (why);
	for (j = 0; j < pl.nnode; j++) {
		if (pl.node[j].op != MO_OP_NUM)
			continue;
		k = pl.node[j].num;
		if ((why = mo_plural_try(&pl, k - 1)) != NULL ||
		    (why = mo_plural_try(&pl, k)) != NULL ||
		    (why = mo_plural_try(&pl, k + 1)) != NULL ||
		    (why = mo_plural_try(&pl, 2 * k)) != NULL ||
		    (why = mo_plural_try(&pl, 0 - k)) != NULL)
			return (why);
	}
	return (NULL);
}

int
mo_plural_form(const char *header, unsigned long n, unsigned long *form)
{
	struct mo_plural	pl;

	if (mo_plural_parse(&pl, header) != NULL)
		return (-1);
	if (pl.root == -1) {
		*form = n != 1;
		return (0);
	}
	return (mo_eval(&pl, pl.root, n, form));
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
	if (hsize > 2) {
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
	}
	/*
	 * The header is what a lookup of "" finds: any entry whose msgid
	 * starts with a NUL matches it, whatever its length says.
	 */
	for (i = 0; i < n; i++)
		if (buf[mo_word(&f, otab + (size_t)i * 8 + 4)] == '\0' &&
		    (*why = mo_plural_check((const char *)buf +
		    mo_word(&f, ttab + (size_t)i * 8 + 4))) != NULL)
			return (MO_BAD);
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

enum mo_fmt_match
mo_format_match(const char *en, const char *tr)
{
	struct mo_fmt	fe, ft;
	int		i;

	if (!mo_format_fits(en, tr))
		return (MO_FMT_BAD);
	if (mo_fmt_parse(en, &fe) == -1)
		return (strchr(tr, '%') == NULL ? MO_FMT_SAME : MO_FMT_BAD);
	if (mo_fmt_parse(tr, &ft) == -1)
		return (MO_FMT_BAD);
	for (i = 1; i <= fe.top; i++)
		if (ft.type[i][0] == '\0')
			return (MO_FMT_FEWER);
	return (MO_FMT_SAME);
}

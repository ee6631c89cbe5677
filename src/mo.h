/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Checks compiled gettext catalogues (.mo files) before gettext reads
 * them.  glibc trusts a catalogue's tables: an offset past the end of the
 * file or a full hash table makes it read wild memory or loop for ever.
 * A catalogue that passes mo_check() is one glibc reads only inside the
 * file and searches in bounded time, and whose plural formula it can
 * evaluate for every n without a fault, whatever its translations say.
 */
#ifndef PAMPHLET_MO_H
#define PAMPHLET_MO_H

#include <stddef.h>

/*
 * Larger files are refused.  A catalogue of a library of 1,000 topics of
 * 2,000 words is about 25 MiB.
 */
#define MO_MAX_SIZE	(128 * 1024 * 1024)

enum mo_status {
	MO_OK,		/* a sound catalogue */
	MO_ABSENT,	/* no file there */
	MO_BAD		/* a file there that gettext must not read */
};

/*
 * Checks the catalogue in buf.  Returns MO_OK or MO_BAD; then *why, if
 * why is not NULL, is a short English reason, marked for translation.
 */
enum mo_status	 mo_check(const unsigned char *buf, size_t len,
		    const char **why);

/*
 * The same for the file at path, following symbolic links as gettext does.
 * A file already checked, unchanged since (same inode, size and time of
 * change), is not read again.
 */
enum mo_status	 mo_check_file(const char *path, const char **why);

/*
 * The plural forms of a catalogue's header (the translation of ""), as
 * glibc reads them: "nplurals=N; plural=EXPR;" with EXPR in gettext's
 * grammar (n, numbers, ! * / % + - < > <= >= == != && || ?: and
 * parentheses).  Returns NULL if glibc can use them safely, or why not
 * (in English, marked for translation): a formula it cannot parse, too
 * long or deep, one that may divide by zero (glibc raises SIGFPE) or give
 * a form of nplurals or more, or an nplurals out of range.  mo_check()
 * refuses a catalogue whose header fails.
 */
const char	*mo_plural_check(const char *header);
/*
 * The form the header's formula gives for n, as glibc evaluates it
 * ("n != 1" when there is none), in *form.  -1 if the formula cannot be
 * parsed or would divide by zero for this n.
 */
int		 mo_plural_form(const char *header, unsigned long n,
		    unsigned long *form);

/*
 * Catalogues have 1 form (Chinese, Japanese) to 6 (Arabic); no language
 * gettext knows has more, so a larger nplurals is a damaged header.
 */
#define MO_NPLURALS_MAX		6
/*
 * The longest formula, in bytes, and the deepest nesting (of brackets,
 * '!' and '?:', and of operators in the tree) taken.  The longest formula
 * of a real language is about 120 bytes and 12 levels deep; the bounds
 * keep the parse, and glibc's evaluation on each ngettext, small.
 */
#define MO_PLURAL_LEN		512
#define MO_PLURAL_DEPTH		32
#define MO_PLURAL_NODES		MO_PLURAL_LEN

/*
 * Translated printf formats.  A translation may be used as a format only
 * if mo_format_fits(english, translation): each of its conversions takes
 * an argument the English one has, of the same type; it may leave some
 * out (a singular without its number), never add or change one.
 */
int		 mo_format_fits(const char *en, const char *tr);

/*
 * How a translated format compares with the English: MO_FMT_SAME when it
 * takes the same arguments, each of the same type (in any order, by
 * number); MO_FMT_FEWER when it fits (mo_format_fits) but leaves some
 * out; MO_FMT_BAD when it does not fit, so that the English is shown.
 */
enum mo_fmt_match {
	MO_FMT_SAME,
	MO_FMT_FEWER,
	MO_FMT_BAD
};
enum mo_fmt_match mo_format_match(const char *en, const char *tr);

/* Arguments a format may take. */
#define MO_FMT_MAX_ARGS		16
/*
 * The widest field width or precision a translation may give, unless the
 * English has a wider one for that argument.  No English text has one at
 * all; two digits let a translator pad a column across any screen, where
 * %2147483647d writes 2 GiB of spaces (seconds of work on each frame).
 */
#define MO_FMT_MAX_WIDTH	99
/* Larger widths are counted as this. */
#define MO_FMT_HUGE		1000000

#endif /* !PAMPHLET_MO_H */

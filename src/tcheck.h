/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Checks of one translation against its English text, for the faults
 * msgfmt lets through and a reader would see: stars that no longer make
 * bold text, drawings that do not fit or lost their shape, placeholders
 * that make the English show instead, spaces that show beside bold CJK
 * text, French spacing, and program text too long for its place on a
 * small screen.  The PO checker (tools/po-check) and "pamphlet --check
 * --lang" both use it; findings go to a diagnostics list.
 */
#ifndef PAMPHLET_TCHECK_H
#define PAMPHLET_TCHECK_H

#include <stddef.h>
#include <stdint.h>

struct diag_list;

/* What a text is, for the checks that depend on it. */
#define TCHECK_EMPH	0x1	/* content: *stars* make bold text */
#define TCHECK_ART	0x2	/* a drawing (".art") */
#define TCHECK_ASCII	0x4	/* a drawing in plain ASCII (".ascii") */
#define TCHECK_FORMAT	0x8	/* a printf format (c-format) */
#define TCHECK_PLURAL	0x10	/* a plural form: may leave the number out */

/* One translation and where findings about it are said. */
struct tcheck_entry {
	const char	*file;
	uint32_t	 line;
	uint32_t	 col;		/* 0: the whole line */
	const char	*lang;		/* "fr", "zh_CN" */
	const char	*msgid;		/* the English */
	const char	*msgstr;	/* the translation, valid UTF-8 */
	int		 flags;		/* TCHECK_ */
	int		 maxcols;	/* widest it may be; 0: no limit */
};

/*
 * Checks one translation; returns the number of findings added to dl.
 * An empty translation (none yet) has none.
 */
size_t	tcheck_entry(struct diag_list *dl, const struct tcheck_entry *);

/*
 * The limit declared in a translator comment: "At most N columns" (any
 * case) gives N; 0 when there is none.
 */
int	tcheck_limit(const char *comment);

/* The flags a PO entry's "#." comment gives it: a line ending ".art". */
int	tcheck_comment_flags(const char *comment);

/* 1 for a Han, kana or CJK punctuation or full-width character. */
int	tcheck_cjk(uint32_t);

#endif

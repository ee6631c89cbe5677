/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Diagnostics about content: each one is a code from a fixed table, a
 * severity, a position (file:line:col, 1-based) and up to two arguments.
 * The list is owned by the caller; nothing here decides what is fatal.
 */
#ifndef PAMPHLET_DIAG_H
#define PAMPHLET_DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG_NOTE		/* advice on the line before; not counted */
};

enum diag_code {
	/* Files and YAML. */
	DIAG_IO,		/* arg: strerror text */
	DIAG_NOT_REGULAR,
	DIAG_SYMLINK,
	DIAG_TOO_BIG,		/* arg: limit in bytes */
	DIAG_EMPTY_FILE,
	DIAG_SYNTAX,		/* arg: libyaml's problem text */
	DIAG_TAB,		/* a tab where YAML wants spaces */
	DIAG_BAD_UTF8,
	DIAG_TOO_DEEP,		/* arg: limit */
	DIAG_TOO_MANY_NODES,	/* arg: limit */
	DIAG_ANCHOR,
	DIAG_ALIAS,
	DIAG_TAG,
	DIAG_MULTI_DOC,
	DIAG_CONTROL_CHAR,	/* warning: characters removed; arg: field,
				   arg2: the first, as U+XXXX and its name */
	DIAG_SYNTAX_BLOCK,	/* a syntax error after a | or > block:
				   arg: libyaml's problem text */
	DIAG_TEXT_TAB,		/* warning: a tab in text; arg: field */
	DIAG_STRAY_STAR,	/* warning: a star shown as itself; arg: field */
	/* Schema. */
	DIAG_ROOT_TYPE,		/* the file is not a mapping */
	DIAG_KEY_TYPE,		/* a key that is not text */
	DIAG_UNKNOWN_KEY,	/* arg: key, arg2: where (a program word) */
	DIAG_UNKNOWN_KEY_HINT,	/* the same, arg3: the known key suggested */
	DIAG_KEY_BESIDE,	/* arg: a block's key, arg2: the block type */
	DIAG_DUP_KEY,		/* arg: key */
	DIAG_WRONG_TYPE,	/* arg: key, arg2: expected type (a word) */
	DIAG_WRONG_ITEM_TYPE,	/* arg: key of the list, arg2: as above */
	DIAG_MISSING,		/* arg: field, arg2: where (a word) */
	DIAG_EMPTY_VALUE,	/* arg: field */
	DIAG_BAD_ID,		/* arg: the id */
	DIAG_DUP_ID,		/* arg: the id */
	DIAG_UNKNOWN_BLOCK,	/* arg: the key */
	DIAG_BLOCK_SHAPE,	/* a block must name exactly one type */
	DIAG_BAD_LEVEL,		/* arg: value */
	DIAG_BAD_GRADE,		/* arg: value */
	DIAG_BAD_DATE,		/* arg: value */
	DIAG_REVIEW_ORDER,
	DIAG_NO_REFS,		/* evidence without refs and grade not none */
	DIAG_CARE_EMPTY,	/* care card with neither text nor items */
	DIAG_DANGLING_REF,	/* arg: reference id */
	DIAG_DANGLING_TOPIC,	/* arg: topic id */
	DIAG_DANGLING_LINK,	/* a link's topic; arg: topic id */
	DIAG_DANGLING_SECTION,	/* arg: topic id, arg2: section id,
				   arg3: the topic's section ids */
	DIAG_SECTION_IS_BLOCK,	/* arg: topic id, arg2: a block's id */
	DIAG_DANGLING_BLOCK,	/* arg: topic id, arg2: block id,
				   arg3: the ids of its blocks */
	DIAG_DANGLING_BLOCK_NONE, /* the same; no block has an id */
	DIAG_BLOCK_ELSEWHERE,	/* arg: topic id, arg2: block id,
				   arg3: the section it is in */
	DIAG_UNUSED_REF,	/* warning; arg: reference id */
	DIAG_BAD_SETTING,	/* arg: key, arg2: what is expected (words) */
	DIAG_BAD_CHORD_KEY,	/* arg: the key, arg2: why not (words) */
	DIAG_READABILITY,	/* arg: section id, arg2: grade, arg3: limit */
	DIAG_READABILITY_WHY,	/* note: arg: section id, arg2: the
				   longest sentences, arg3: the hardest
				   words */
	DIAG_READABILITY_LONG,	/* note: the same without hard words */
	DIAG_NOT_ENGLISH,	/* warning: most letters not Latin */
	DIAG_CARE_TITLE,	/* warning: a care card titled as its label;
				   arg: the label */
	DIAG_REVIEW_LONG,	/* warning: more than three years to review */
	DIAG_REVIEW_DUE,	/* warning: arg: the date it was due */
	DIAG_NO_REVIEWER,	/* warning: no reviewed_by */
	DIAG_CARE_TWICE,	/* warning: arg: line of the first card item */
	DIAG_DUP_TOPIC,		/* arg: topic id, arg2: the file that wins */
	DIAG_DUP_PACK,		/* arg: pack id, arg2: the folder that wins */
	DIAG_LIBRARY_YAML,	/* warning: library.yaml is read for now */
	DIAG_LIBRARY_YAML_KEY,	/* warning: arg: key, arg2: where it goes */
	DIAG_NO_CATALOGUE,	/* warning: language, domain, folder */
	DIAG_NO_TOPICS,		/* a folder without topic files */
	/*
	 * Translations (tcheck.h); arg is always the language code.  Each
	 * one is said at the English text's place, or the PO entry's.
	 */
	DIAG_TR_EMPH_OPEN,	/* a star that is shown as it is */
	DIAG_TR_EMPH_COUNT,	/* arg2: parts in it, arg3: in the English */
	DIAG_TR_ART_WIDE,	/* arg2: its columns, arg3: the limit */
	DIAG_TR_ART_LINES,	/* arg2: its lines, arg3: the English's */
	DIAG_TR_ASCII,		/* arg2: the first other character */
	DIAG_TR_FORMAT,		/* arg2: its placeholders, arg3: English's */
	DIAG_TR_FORMAT_FEWER,	/* the same */
	DIAG_TR_CJK_SPACE,
	DIAG_TR_FR_SPACE,	/* arg2: the sign */
	DIAG_TR_FR_NO_SPACE,	/* arg2: the sign */
	DIAG_TR_FR_QUOTE,	/* arg2: the quotation mark */
	DIAG_TR_TOO_LONG,	/* arg2: its columns, arg3: the limit */
	DIAG_MAX
};

struct diag {
	char		*file;
	uint32_t	 line;		/* 0 when the whole file is meant */
	uint32_t	 col;
	enum diag_code	 code;
	enum diag_level	 level;
	char		*arg;		/* may be NULL */
	char		*arg2;		/* may be NULL */
	char		*arg3;		/* may be NULL */
};

struct diag_list {
	struct diag	*items;
	size_t		 n;
	size_t		 cap;
	size_t		 nerrors;
	size_t		 nwarnings;
};

void		 diag_init(struct diag_list *);
void		 diag_free(struct diag_list *);
/*
 * Adds one diagnostic; the level comes from the code's table entry.  A
 * NULL list takes nothing.
 */
void		 diag_add(struct diag_list *, const char *file, uint32_t line,
		    uint32_t col, enum diag_code, const char *arg,
		    const char *arg2);
/* The same with a third argument. */
void		 diag_add3(struct diag_list *, const char *file, uint32_t line,
		    uint32_t col, enum diag_code, const char *arg,
		    const char *arg2, const char *arg3);
/* Moves every diagnostic of src to the end of dst and empties src. */
void		 diag_move(struct diag_list *dst, struct diag_list *src);
/* Sorts by file, line, column (stable). */
void		 diag_sort(struct diag_list *);
enum diag_level	 diag_code_level(enum diag_code);
/*
 * Formats one diagnostic as "FILE:LINE:COL: error: message" (translated;
 * "FILE:LINE: ..." when the column is 0),
 * with untrusted parts made printable and cut to about 60 characters.
 * Returns a string to free.  Where arg2 is marked above as a word or
 * words of the program ("topic", "a list"), the caller passes the English
 * text, marked with N_(), and it is translated here.
 */
char		*diag_format(const struct diag *);
/* Prints every diagnostic, one a line. */
void		 diag_print(FILE *, const struct diag_list *);

#endif

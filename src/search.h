/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Search: forgiving matching of what a reader types, against the headings
 * of the whole library and against the text of the topic being read.
 * Case and accents are folded (text_fold), so "prostata" finds
 * "Próstata" and "uber" finds "Über".  Pure functions: no curses and no
 * hidden state; the caller owns the query, the index and the results.
 */
#ifndef PAMPHLET_SEARCH_H
#define PAMPHLET_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct i18n_lang;
struct layout;
struct library;

enum search_kind {
	SEARCH_TITLE,		/* a topic's title */
	SEARCH_SECTION,		/* a section heading */
	SEARCH_SUBHEADING	/* a subheading inside a section */
};

/* One heading that can be found. */
struct search_entry {
	enum search_kind	 kind;
	long			 topic;		/* index in the library */
	long			 section;	/* -1 for a title */
	long			 block;		/* the subheading's block, or -1 */
	char			*text;		/* the heading as shown */
	char			*label;		/* "Topic › Section" as shown */
	char			*folded;	/* text, folded */
	size_t			 folded_len;
	size_t			*map;		/* folded byte -> text byte */
};

struct search_index {
	struct search_entry	*entries;	/* in document order */
	size_t			 n;
};

/*
 * Indexes every title, section heading (including the "Sources" section
 * the layout adds) and subheading, in a language (English where there is
 * no translation), which it makes current.  Build it again for another
 * language.
 */
struct search_index	*search_index_build(const struct library *,
			    const struct i18n_lang *);
void			 search_index_free(struct search_index *);

/*
 * A heading's label fitted into cols columns for the list of results:
 * the whole label when it fits; else the topic's title (then the
 * section's heading) is shortened first, ending in an ellipsis, so that
 * the heading that matched stays in view; the heading itself is
 * shortened only when even that is not enough.  In ASCII when ascii.
 * *text_off (if not NULL) gets the byte where the heading starts.
 */
char	*search_label_fit(const struct search_entry *, int cols, int ascii,
	    size_t *text_off);

/* A typed query, folded and split into words. */
struct search_word {
	size_t	off;		/* in folded */
	size_t	len;
};

struct search_query {
	char			*folded;
	size_t			 len;
	struct search_word	*words;
	size_t			 nwords;
};

void	search_query_parse(struct search_query *, const char *typed);
void	search_query_free(struct search_query *);

/* A byte range of a heading's text, to highlight. */
struct search_span {
	size_t	start;
	size_t	end;
};

#define SEARCH_MAX_SPANS	8

struct search_result {
	size_t			entry;		/* index in the index */
	int			score;		/* higher is better */
	struct search_span	spans[SEARCH_MAX_SPANS];
	size_t			nspans;
};

/*
 * Every heading that matches all words of the query, in any order, best
 * first: whole words, then word starts, then matches inside a word;
 * titles and section headings before subheadings; then document order.
 * Latin words match at word starts (or inside words, ranked last); CJK
 * matches anywhere.  Returns the count and an array in *out to free.
 */
size_t	search_headings(const struct search_index *,
	    const struct search_query *, struct search_result **out);

/* A match in a laid-out topic: bytes of a source text (see layout.h). */
struct search_hit {
	uint32_t	anchor;
	size_t		start;
	size_t		end;
};

/*
 * Every place the whole query (as a phrase, folded) occurs in the source
 * texts of a layout, in reading order.  Returns the count and *out.
 */
size_t	search_text(const struct layout *, const struct search_query *,
	    struct search_hit **out);

/*
 * Where a hit shows on a line of the layout, in display columns: returns
 * 1 and sets *col and *width when the hit (or part of it) is on that
 * line, else 0.
 */
int	search_hit_columns(const struct layout *, size_t line,
	    const struct search_hit *, int *col, int *width);

/* The first hit at or after a line, or the count if none. */
size_t	search_hit_after(const struct layout *, const struct search_hit *,
	    size_t nhits, size_t line);

#endif

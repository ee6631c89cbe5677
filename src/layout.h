/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Text layout: a screen's worth of content turned into lines of styled
 * text for a given width.  Layout is a pure function of the document, the
 * width and the options (the language among them), so it is tested
 * without a terminal and rebuilt on every resize.  It never
 * writes to the terminal; render.c draws what it makes and --dump prints
 * it.  Every byte in a layout is safe to show: content was sanitised when
 * it was loaded and translations when they were looked up.
 */
#ifndef PAMPHLET_LAYOUT_H
#define PAMPHLET_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct i18n_lang;
struct library;
struct topic;

enum layout_style {
	LAYOUT_TEXT,
	LAYOUT_EMPH,		/* *emphasis* in a paragraph */
	LAYOUT_TITLE,		/* a topic's title, a screen's title */
	LAYOUT_SUMMARY,
	LAYOUT_META,		/* review dates, sources list */
	LAYOUT_NOTICE,		/* the general-information notice */
	LAYOUT_HEADING,		/* section heading and its rule */
	LAYOUT_SUBHEADING,
	LAYOUT_MARKER,		/* bullets and step numbers */
	LAYOUT_EMERGENCY,	/* care card frame and label, by level */
	LAYOUT_URGENT,
	LAYOUT_NON_URGENT,
	LAYOUT_INFO,
	LAYOUT_EVIDENCE,	/* evidence frame and what it is about */
	LAYOUT_GRADE,		/* certainty written in words */
	LAYOUT_FIGURE,
	LAYOUT_CAPTION,
	LAYOUT_LINK,
	LAYOUT_KEY,		/* key names on the help screen */
	LAYOUT_STYLE_MAX
};

/* A run of one style: bytes [off, off + len) of its line. */
struct layout_span {
	uint32_t	off;
	uint32_t	len;
	uint8_t		style;
};

#define LAYOUT_NONE	UINT32_MAX

struct layout_line {
	uint32_t	text;		/* offset of the line's bytes in buf */
	uint32_t	len;		/* bytes (no newline) */
	uint32_t	span;		/* first span */
	uint32_t	nspans;
	uint32_t	section;	/* section index, or LAYOUT_NONE */
	uint32_t	anchor;		/* serial of the source text it shows */
	uint32_t	offset;		/* byte in that source text where it starts */
	int32_t		link;		/* index in links, or -1 */
	uint32_t	width;		/* display columns */
	uint8_t		heading;	/* 1 on a section heading's first line */
	/*
	 * Where the source text shows: bytes [prefix, prefix + clen) of the
	 * line are bytes [offset, offset + clen) of source anchor.
	 */
	uint16_t	prefix;
	uint32_t	clen;
};

/*
 * A text as it was laid out (translated, without *emphasis* markers): the
 * thing searched, so that a match found in it maps onto lines at any
 * width.  Indexed by anchor serial; serial 0 is empty.
 */
struct layout_source {
	uint32_t	off;		/* in srcbuf */
	uint32_t	len;
	uint32_t	section;	/* or LAYOUT_NONE */
};

enum layout_link_kind {
	LAYOUT_LINK_TOPIC,	/* a topic, optionally at a section */
	LAYOUT_LINK_SECTION,	/* a section of the topic being read */
	LAYOUT_LINK_CHOICE	/* an entry of a list of choices (section: which) */
};

struct layout_link {
	enum layout_link_kind	 kind;
	long			 topic;		/* index in the library, or -1 */
	long			 section;	/* index, or -1 */
	/*
	 * The id of a block to show, or NULL: it points into the topic laid
	 * out, and lives as long as it does.
	 */
	const char		*block;
	uint32_t		 first;		/* its first and last line */
	uint32_t		 last;
};

struct layout_opts {
	int			 width;		/* columns, at least 1 */
	int			 ascii;		/* the terminal has no UTF-8 */
	int			 plain;		/* words instead of drawings */
	const char		*emergency_number;
	const struct library	*lib;		/* to name link targets */
	/* The language to show, made current; NULL: i18n_lang_default(). */
	const struct i18n_lang	*lang;
};

struct layout {
	int			 width;
	char			*buf;
	size_t			 buflen;
	size_t			 bufcap;
	struct layout_line	*lines;
	size_t			 nlines;
	size_t			 linescap;
	struct layout_span	*spans;
	size_t			 nspans;
	size_t			 spanscap;
	struct layout_link	*links;
	size_t			 nlinks;
	size_t			 linkscap;
	/* Sections as laid out (a topic's, plus "Sources" when added). */
	uint32_t		*section_line;	/* line of each heading */
	char			**section_title;
	size_t			 nsections;
	size_t			 sectionscap;
	/* The first line of each block with an id (layout_block_line). */
	const char		**block_id;
	uint32_t		*block_line;
	size_t			 nblocks;
	size_t			 blockscap;
	struct layout_source	*sources;
	size_t			 nsources;
	size_t			 sourcescap;
	char			*srcbuf;
	size_t			 srclen;
	size_t			 srccap;
	/* Builder state; opts is the caller's, kept as long as the layout. */
	const struct layout_opts *opts;
	const struct i18n_lang	*lang;
	uint32_t		 serial;
	uint32_t		 cur_section;
	int32_t			 cur_link;
};

/* A place in a layout that survives a relayout at another width. */
struct layout_anchor {
	uint32_t	anchor;
	uint32_t	offset;
};

/*
 * A drawing is shown indented by LAYOUT_FIGURE_INDENT columns, and only
 * when all of it fits; otherwise its description is shown instead.  The
 * narrowest screens pamphlet is written for have LAYOUT_TARGET_COLS
 * columns, so a drawing of at most LAYOUT_FIGURE_MAX columns shows on
 * every one of them.
 */
#define LAYOUT_FIGURE_INDENT	2
#define LAYOUT_TARGET_COLS	40
#define LAYOUT_FIGURE_MAX	(LAYOUT_TARGET_COLS - LAYOUT_FIGURE_INDENT)

/* The widest line of a drawing (lines end in '\n'), in columns. */
int		 layout_art_width(const char *);

/* A whole topic for reading: header, notice, sections, sources. */
struct layout	*layout_topic(const struct topic *, const struct layout_opts *);
/* The library: each topic's title and summary as a link. */
struct layout	*layout_library(const struct library *,
		    const struct layout_opts *);
/* A topic's contents: its section headings as links. */
struct layout	*layout_contents(const struct topic *,
		    const struct layout_opts *);
/* A list to choose from: each entry a link of kind LAYOUT_LINK_CHOICE. */
struct layout	*layout_choices(const char *title, const char *const *entries,
		    size_t n, const struct layout_opts *);
void		 layout_free(struct layout *);

/* Building blocks, for screens made elsewhere (the help screen). */
struct layout	*layout_new(const struct layout_opts *);
void		 layout_blank(struct layout *);
/*
 * Adds text wrapped to the width, after first_prefix on its first line
 * and rest_prefix on the others (both shown in prefix_style).
 */
void		 layout_paragraph(struct layout *, const char *text,
		    enum layout_style, const char *first_prefix,
		    const char *rest_prefix, enum layout_style prefix_style);

/* The place shown by line (the start of its text). */
struct layout_anchor layout_anchor_at(const struct layout *, size_t line);
/* The line showing a place, or the nearest one before it. */
size_t		 layout_find(const struct layout *, struct layout_anchor);
/* The first line of the block with that id, or -1. */
long		 layout_block_line(const struct layout *, const char *id);
/* The section shown at line, or LAYOUT_NONE before the first. */
uint32_t	 layout_section_at(const struct layout *, size_t line);

/* A source text's bytes (not NUL-terminated). */
static inline const char *
layout_source_text(const struct layout *l, uint32_t anchor)
{
	return (l->srcbuf + l->sources[anchor].off);
}

/* One line's bytes. */
static inline const char *
layout_line_text(const struct layout *l, const struct layout_line *ln)
{
	return (l->buf + ln->text);
}

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document model: a library of topics, each with sections of blocks,
 * and the references they cite.  Plain data, built by content.c and read
 * by everything else through const pointers.  No YAML, no curses.
 *
 * Every string a patient reads is a struct tstr: its English text plus a
 * gettext context built from author-assigned ids ("topic/section" or
 * "topic/section/block"), so that translations are found by meaning and
 * not by position.  See i18n.h for the lookup.
 */
#ifndef PAMPHLET_DOC_H
#define PAMPHLET_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "idset.h"

/* A translatable string: key is ctxt "\004" msgid, NUL-terminated. */
struct tstr {
	char		*key;		/* NULL when the field is absent */
	uint32_t	 ctxt_len;	/* bytes of the context in key */
	uint32_t	 line;		/* where the text starts in its file */
	uint32_t	 col;
	uint32_t	 domain;	/* its gettext domain (i18n.h) */
};

static inline const char *
tstr_msgid(const struct tstr *t)
{
	return (t->key != NULL ? t->key + t->ctxt_len + 1 : NULL);
}

enum block_kind {
	BLOCK_PARAGRAPH,	/* text */
	BLOCK_SUBHEADING,	/* text */
	BLOCK_LIST,		/* items */
	BLOCK_STEPS,		/* items, numbered */
	BLOCK_CARE,		/* level, text (title), body, items */
	BLOCK_EVIDENCE,		/* grade, text (about), body (statement), refs */
	BLOCK_FIGURE,		/* art, art_ascii, alt, text (caption) */
	BLOCK_SEE_ALSO,		/* link_topic, link_section, link_block,
				   text (label) */
	/*
	 * Not a type of its own: in a stub (see struct topic), a block
	 * other than a subheading that keeps only its id, so that links to
	 * it can be checked.
	 */
	BLOCK_KIND_MAX
};

enum care_level {
	CARE_EMERGENCY,
	CARE_URGENT,
	CARE_NON_URGENT,
	CARE_INFO,
	CARE_LEVEL_MAX
};

enum grade {
	GRADE_HIGH,		/* "does" */
	GRADE_MODERATE,		/* "probably" */
	GRADE_LOW,		/* "may" */
	GRADE_VERY_LOW,		/* "we don't know" */
	GRADE_NONE,		/* no studies found */
	GRADE_MAX
};

struct block {
	enum block_kind	 kind;
	size_t		 at;		/* its place in the section (a stub
					   keeps only its subheadings) */
	char		*id;		/* optional, author-assigned */
	char		*note;		/* translator note, optional */
	uint32_t	 line;
	uint32_t	 col;
	struct tstr	 text;
	struct tstr	 body;
	struct tstr	*items;
	size_t		 nitems;
	struct tstr	 art;		/* figure, UTF-8 drawing */
	struct tstr	 art_ascii;	/* figure, ASCII drawing */
	struct tstr	 alt;		/* figure, words for the drawing */
	enum care_level	 level;
	enum grade	 grade;
	size_t		*refs;		/* indexes into topic->refs */
	size_t		 nrefs;
	char		*link_topic;	/* see-also target topic id */
	char		*link_section;	/* optional target section id */
	char		*link_block;	/* optional target block id */
	/*
	 * Set when the link's topic is not in the library (or its file
	 * has errors): the link is shown as text, marked as not available.
	 */
	int		 link_missing;
};

struct section {
	char		*id;
	char		*note;
	uint32_t	 line;
	uint32_t	 col;
	struct tstr	 heading;
	struct block	*blocks;
	size_t		 nblocks;
};

/* A cited source; citation fields are shown as written, not translated. */
struct reference {
	char		*id;
	char		*authors;
	char		*year;
	char		*title;
	char		*source;	/* journal or organisation */
	char		*url;		/* optional */
	struct tstr	 note;		/* optional, translatable */
	uint32_t	 line;
	uint32_t	 col;
};

struct doc_date {
	int	year;
	int	month;
	int	day;
};

struct idx;
struct pack;

struct topic {
	char			*id;
	const struct pack	*pack;		/* where it came from, or NULL */
	char			*file;		/* path it was loaded from */
	char			*note;
	uint32_t		 id_line;	/* where the id is written */
	uint32_t		 id_col;
	struct tstr		 title;
	struct tstr		 summary;
	struct doc_date		 reviewed;
	struct doc_date		 next_review;
	struct tstr		 reviewed_by;	/* a name or a role */
	struct section		*sections;
	size_t			 nsections;
	struct reference	*refs;
	size_t			 nrefs;
	/*
	 * A stand-in built from its pack's index: the title, the summary,
	 * the headings, and one empty reference if it has any, enough for
	 * the library screen, its contents and the search.  It is built
	 * whole (library_build) before it is read.
	 */
	int			 stub;
	size_t			 stub_entry;	/* in its pack's index */
};

/*
 * Where topics come from: a pack (a folder with a pack.yaml manifest,
 * see pack.h) or a bare folder of topics, perhaps with the library.yaml
 * of older installations.  Its text is translated in its own domain.
 */
struct pack {
	char		 *dir;
	char		 *manifest;	/* pack.yaml or library.yaml, or NULL */
	char		 *id;		/* NULL for a bare folder */
	struct tstr	  title;
	char		 *version;
	char		 *publisher;
	char		 *licence;	/* an SPDX id */
	char		**languages;
	size_t		  nlanguages;
	struct tstr	  contact;	/* how readers give feedback */
	struct tstr	  reviewed_by;	/* for topics that name no one */
	char		 *domain;	/* gettext domain of its text */
	uint32_t	  domain_id;	/* as i18n.h numbers it */
	/* From a bare folder's library.yaml only. */
	char		 *emergency_number;
	int		  grade_limit;	/* 0: not set */
	struct idx	 *idx;		/* its index, while stubs need it */
	/* Topic ids to show first, in this order, and where each is. */
	char		**order;
	uint32_t	 *order_line;
	uint32_t	 *order_col;
	size_t		  norder;
};

/* Settings that hold for the whole library. */
struct library_settings {
	char	*emergency_number;	/* NULL: not configured */
	int	 grade_limit;		/* readability limit, default 8 */
	int	 grade_set;		/* 1: set for all, over any pack's */
};

struct library {
	struct topic		**topics;	/* in display order */
	size_t			  ntopics;
	size_t			  topicscap;
	size_t			  nfiles;	/* topic files read */
	struct library_settings	  settings;
	struct pack		**packs;	/* in order of precedence */
	size_t			  npacks;
	struct idset		  ids;		/* topic id -> index */
	/*
	 * The names, less ".yaml", of topic files that had errors: a link
	 * to one of them is not reported again as a link to nothing.
	 */
	char			**failed;
	size_t			  nfailed;
	struct idset		  failedset;
};

#define DOC_GRADE_LIMIT_DEFAULT	8

void			 doc_topic_free(struct topic *);
/* Frees what a block holds (not the block itself) and zeroes it. */
void			 doc_block_free(struct block *);
void			 doc_library_init(struct library *);
void			 doc_library_free(struct library *);
/* Takes ownership of the topic; -1 (and nothing done) if its id is taken. */
int			 doc_library_add(struct library *, struct topic *);
/* Takes ownership of the pack. */
void			 doc_library_add_pack(struct library *, struct pack *);
/* Finds ids again after the topics were put in another order. */
void			 doc_library_reindex(struct library *);
void			 doc_pack_free(struct pack *);

const struct topic	*doc_find_topic(const struct library *, const char *id);
/* Returns the index of the section, or -1. */
long			 doc_find_section(const struct topic *, const char *id);
/*
 * Finds the block with an id (ids of blocks are unique in a topic):
 * 0 with its section and block indexes, or -1.
 */
int			 doc_find_block(const struct topic *, const char *id,
			    size_t *section, size_t *block);
long			 doc_topic_index(const struct library *, const char *id);

/* Names used in files and messages: "emergency", "moderate", "see_also". */
const char		*doc_care_level_name(enum care_level);
const char		*doc_grade_name(enum grade);
/* A care card's label, "URGENT: get help today", in English (N_). */
const char		*doc_care_label(enum care_level);
const char		*doc_block_kind_name(enum block_kind);
int			 doc_care_level_parse(const char *, enum care_level *);
int			 doc_grade_parse(const char *, enum grade *);

/* 1 if s is a valid id: [a-z0-9] then [a-z0-9-], at most 64 bytes. */
int			 doc_id_valid(const char *s);
/*
 * 1 if s can be shown as an emergency number: digits, spaces and
 * + - ( ) only, at least one digit, at most 32 bytes.
 */
int			 doc_phone_valid(const char *s);
/* Parses YYYY-MM-DD with a real calendar date; 0 on success. */
int			 doc_date_parse(const char *, struct doc_date *);
int			 doc_date_cmp(const struct doc_date *, const struct doc_date *);
/* Today's date, local time. */
void			 doc_date_today(struct doc_date *);
/* Writes YYYY-MM-DD into buf (at least 11 bytes). */
void			 doc_date_format(const struct doc_date *, char *buf);

/* Sets t to ctxt "\004" text, copying both. */
void			 doc_tstr_set(struct tstr *t, const char *ctxt,
			    const char *text, uint32_t line, uint32_t col);
void			 doc_tstr_free(struct tstr *);

#endif

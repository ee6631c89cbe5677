/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A reader of PO files (gettext's text catalogues) for the translation
 * checker: each entry with its context, English, translations, the
 * extracted comments ("#.") and the flags that matter ("#, fuzzy",
 * "c-format"), and the line where its msgid starts.  Obsolete entries
 * ("#~") are left out.  Strings are unescaped as msgfmt reads them.
 */
#ifndef PAMPHLET_POFILE_H
#define PAMPHLET_POFILE_H

#include <stddef.h>
#include <stdint.h>

struct pofile_entry {
	uint32_t	 line;		/* of its msgid, from 1 */
	char		*ctxt;		/* NULL without msgctxt */
	char		*msgid;
	char		*msgid_plural;	/* NULL for a single form */
	char		**msgstr;	/* msgstr, or msgstr[0..n) */
	size_t		 nmsgstr;
	char		*comments;	/* the "#." lines, joined by '\n' */
	int		 fuzzy;
	int		 c_format;
};

struct pofile {
	struct pofile_entry	*items;
	size_t			 n;
	size_t			 cap;
};

/*
 * Reads a PO file.  Returns 0, or -1 with *why (to free) saying what is
 * wrong, as "LINE: reason" or the system's error.
 */
int		 pofile_read(const char *path, struct pofile *, char **why);
/* The same from bytes; name is used in nothing but messages. */
int		 pofile_parse(const char *buf, size_t len, struct pofile *,
		    char **why);
void		 pofile_free(struct pofile *);
/* A field of the header entry ("Language"), to free; NULL if none. */
char		*pofile_header(const struct pofile *, const char *field);
/* The entry with this context (NULL: none) and msgid, or NULL. */
const struct pofile_entry *pofile_find(const struct pofile *,
		    const char *ctxt, const char *msgid);

#endif

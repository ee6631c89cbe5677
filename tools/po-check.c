/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * po-check: the translation checks of tcheck.h on PO files, entry by
 * entry, for what msgfmt --check lets through.
 *
 *   po-check [--content] [--template POT] FILE.po...
 *
 * --content: the files translate topics, where *stars* make bold text.
 * --template: the template the files are made from; its "#." comments
 * (limits such as "At most 6 columns") count as well as the files' own,
 * so that a limit new in the sources counts before the files are merged.
 * The language is the header's "Language", else the file's name.
 * Prints "FILE:LINE: warning|error: message" for each finding, at the
 * line of the entry's msgid.  Exit status: 0 with no findings, 1 with
 * some, 2 for a file that cannot be read or a wrong command line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "pofile.h"
#include "tcheck.h"
#include "tty.h"
#include "xalloc.h"

static size_t	pocheck_file(const char *, int, const struct pofile *,
		    struct diag_list *);
static char	*pocheck_lang(const char *, const struct pofile *);

/* The header's Language, else the name: "po/zh_CN.po" is "zh_CN". */
static char *
pocheck_lang(const char *path, const struct pofile *po)
{
	const char	*base = strrchr(path, '/');
	char		*lang = pofile_header(po, "Language");
	size_t		 n;

	if (lang != NULL && *lang != '\0')
		return (lang);
	free(lang);
	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".po") == 0)
		n -= 3;
	return (xstrndup(base, n));
}

static size_t
pocheck_file(const char *path, int content, const struct pofile *pot,
    struct diag_list *dl)
{
	struct pofile			 po;
	const struct pofile_entry	*e, *te;
	struct tcheck_entry		 c;
	char				*why, *lang;
	size_t				 i, k, n = 0;
	int				 flags, limit;

	if (pofile_read(path, &po, &why) == -1) {
		fprintf(stderr, "po-check: %s:%s\n", path, why);
		free(why);
		exit(2);
	}
	lang = pocheck_lang(path, &po);
	for (i = 0; i < po.n; i++) {
		e = &po.items[i];
		if (e->fuzzy || *e->msgid == '\0')
			continue;
		flags = tcheck_comment_flags(e->comments);
		limit = tcheck_limit(e->comments);
		if (pot != NULL &&
		    (te = pofile_find(pot, e->ctxt, e->msgid)) != NULL) {
			flags |= tcheck_comment_flags(te->comments);
			if (limit == 0)
				limit = tcheck_limit(te->comments);
		}
		if (content && flags == 0)
			flags = TCHECK_EMPH;
		if (e->c_format)
			flags |= TCHECK_FORMAT;
		for (k = 0; k < e->nmsgstr; k++) {
			memset(&c, 0, sizeof(c));
			c.file = path;
			c.line = e->line;
			c.lang = lang;
			c.msgid = k > 0 && e->msgid_plural != NULL ?
			    e->msgid_plural : e->msgid;
			c.msgstr = e->msgstr[k];
			c.flags = flags | (e->msgid_plural != NULL ?
			    TCHECK_PLURAL : 0);
			c.maxcols = limit;
			n += tcheck_entry(dl, &c);
		}
	}
	free(lang);
	pofile_free(&po);
	return (n);
}

int
main(int argc, char *argv[])
{
	struct diag_list	 dl;
	struct pofile		 pot, *tp = NULL;
	char			*why;
	size_t			 n = 0;
	int			 i, content = 0;

	tty_set_utf8(i18n_init(NULL));
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--content") == 0)
			content = 1;
		else if (strcmp(argv[i], "--template") == 0 && i + 1 < argc) {
			if (pofile_read(argv[++i], &pot, &why) == -1) {
				fprintf(stderr, "po-check: %s:%s\n", argv[i],
				    why);
				free(why);
				return (2);
			}
			tp = &pot;
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			fprintf(stderr, "usage: po-check [--content] "
			    "[--template POT] FILE.po...\n");
			return (2);
		}
	}
	if (i == argc) {
		fprintf(stderr, "usage: po-check [--content] "
		    "[--template POT] FILE.po...\n");
		return (2);
	}
	diag_init(&dl);
	for (; i < argc; i++)
		n += pocheck_file(argv[i], content, tp, &dl);
	diag_print(stdout, &dl);
	diag_free(&dl);
	if (tp != NULL)
		pofile_free(tp);
	return (n > 0 ? 1 : 0);
}

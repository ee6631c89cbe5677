/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Translation: the program's own text (domain "pamphlet") and the text of
 * topics (each pack's own domain, "pamphlet-pack-ID", or
 * "pamphlet-content" for a folder that is not a pack), all through
 * gettext.  Content
 * strings are looked up by context and English text; anything without a
 * current translation comes back in English.  Translations are untrusted
 * and are made safe before use.
 */
#ifndef PAMPHLET_I18N_H
#define PAMPHLET_I18N_H

#include <libintl.h>
#include <stddef.h>
#include <stdint.h>

#define I18N_DOMAIN		"pamphlet"
#define I18N_CONTENT_DOMAIN	"pamphlet-content"

#define _(s)		i18n_ui(s)
#define N_(s)		(s)
/* A short UI string with a disambiguating context. */
#define C_(c, s)	i18n_ui_ctxt(c "\004" s, s)

struct tstr;

/*
 * Sets the locale from the environment (a C or POSIX locale is upgraded to
 * a UTF-8 one so that wide characters work), binds both domains and, when
 * lang is not NULL, makes it the language.  Returns 1 if the terminal
 * character set is UTF-8.  PAMPHLET_LOCALEDIR overrides the compiled-in
 * directory of catalogues.
 */
int		 i18n_init(const char *lang);
/*
 * The next warning about the translations found by i18n_init (a damaged
 * catalogue, a name in LANGUAGE that is no language code), translated
 * and safe to show, each once; NULL when there is none left.  Free it.
 */
char		*i18n_warning(void);

const char	*i18n_ui(const char *) __attribute__((format_arg(1)));
const char	*i18n_ui_ctxt(const char *key, const char *fallback)
		    __attribute__((format_arg(2)));
const char	*i18n_ui_plural(const char *, const char *, unsigned long)
		    __attribute__((format_arg(1), format_arg(2)));

/*
 * A language to show text in: a language code whose catalogues were found
 * sound, and what gettext is told to read for it.  i18n makes each one
 * and keeps it for the life of the process; nothing else changes the
 * language gettext uses.
 */
struct i18n_lang;

/*
 * The language of a code: "ll" or "ll_CC", perhaps with "@modifier"; a
 * ".codeset" is left out; "en" is English.  NULL for any other name
 * (locale aliases such as "german" among them).  A language whose
 * catalogue is damaged gives English.
 */
const struct i18n_lang	*i18n_lang_get(const char *code);
/*
 * The language chosen at start (by i18n_init's lang, LANGUAGE or the
 * locale), to go back to for a new reader.  With LANGUAGE, it keeps the
 * whole list of languages to fall back on.
 */
const struct i18n_lang	*i18n_lang_default(void);
/* The language of the program's own text now. */
const struct i18n_lang	*i18n_lang_current(void);
/* A language's code: "de", "zh_CN", "en". */
const char		*i18n_lang_code(const struct i18n_lang *);
/* Makes a language the one of the program's own text (_() and the like). */
void			 i18n_use(const struct i18n_lang *);
/*
 * i18n_use of i18n_lang_get(code): -1 if code is not a language code, 1
 * if its catalogue is damaged and English is used instead, else 0.
 */
int			 i18n_set_language(const char *code);

/*
 * 1 if the program's own text is translated into the language of a code
 * ("pt_BR" also finds "pt", as gettext does), or the code is English.
 */
int		 i18n_installed(const char *code);

/* A language the reader can choose, named in that language. */
struct i18n_choice {
	const struct i18n_lang	*lang;
	char			*name;		/* "Español"; else the code */
};

/*
 * English, then every language installed for pamphlet (a catalogue of the
 * program's text in the catalogue folder) that the terminal can show
 * (i18n_shown) and whose catalogue translates every message of the
 * program (i18n_ui_count), by code.  A language that does not name
 * itself is named by its code.  The language of the program's text is
 * the same after as before.  Free with i18n_languages_free.
 */
size_t		 i18n_languages(struct i18n_choice **);
void		 i18n_languages_free(struct i18n_choice *, size_t);
/* 1 if two codes name the same language: "de" and "de_DE" do. */
int		 i18n_same_language(const char *, const char *);

/*
 * The messages of the program, each as gettext looks it up (msgctxt
 * "\004" msgid), from its template: what a catalogue must translate to
 * be complete.  The program gives them at start; until then, only the
 * language's own name is known.
 */
extern const char *const	 i18n_msgids[];
extern const size_t		 i18n_nmsgids;
void		 i18n_set_msgids(const char *const *, size_t);
/*
 * The message whose translation names the translators, one a line
 * (GNOME's convention); not needed for a catalogue to be complete.
 */
#define I18N_CREDITS	"translator-credits"
/*
 * How many of the program's messages a language translates (not fuzzy:
 * msgfmt leaves those out), and of how many.  English translates all.
 */
void		 i18n_ui_count(const struct i18n_lang *, size_t *done,
		    size_t *total);
/*
 * 1 if the terminal can show the language: always on a UTF-8 terminal;
 * on another, when plain ASCII can write every letter of its name and
 * of its program text (text_ascii_lossless).  Decided from the text
 * alone, so that no language is named here.
 */
int		 i18n_shown(const struct i18n_lang *);
/*
 * The language asked for at start (i18n_init's lang, LANGUAGE or the
 * locale) that the terminal cannot show and that was left out, so that
 * the next one or English is used; NULL if none was.
 */
const char	*i18n_unshown(void);
/*
 * Flags for text_to_ascii_as to write the language's text in plain
 * ASCII: German writes its umlauts as ae, oe and ue.
 */
int		 i18n_ascii_flags(const struct i18n_lang *);
/*
 * A topic's text is offered in a language when at least this share of
 * it, in per cent, is translated (and the program is all translated).
 */
#define I18N_OFFER_PERCENT	90
/* 1 if a content string has a current translation in the language. */
int		 i18n_content_translated(const struct i18n_lang *,
		    const struct tstr *);

/*
 * A gettext domain of content (a pack's "pamphlet-pack-ID"), its
 * catalogues in dir/LL/LC_MESSAGES (NULL: the catalogue folder).
 * Returns the number that struct tstr's domain holds for it; a name
 * already added keeps its first folder.  Domain 0 is
 * I18N_CONTENT_DOMAIN, for folders of topics that are not packs.
 */
uint32_t	 i18n_domain_add(const char *name, const char *dir);
/* The folder a domain's catalogues are read from. */
const char	*i18n_domain_dir(uint32_t);
/*
 * 1 if the domain's catalogues for a language are sound (or absent), 0
 * if one is damaged: its text is then shown in English.  With warn, a
 * damaged one is kept for i18n_warning.
 */
int		 i18n_domain_usable(uint32_t, const struct i18n_lang *,
		    int warn);

/*
 * The text to show for a content string in a language: the translation
 * when one is current, else the English.  Makes the language the one of
 * the program's text.  The result stays valid until the language changes.
 */
const char	*i18n_content(const struct i18n_lang *, const struct tstr *);

#endif

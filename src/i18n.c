/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Locale set-up and gettext lookups for the program's text and for the
 * text of topics.  The terminal's character set is decided from the
 * environment before any upgrade: a C locale gets a UTF-8 LC_CTYPE and
 * LC_MESSAGES (so that ncursesw and LANGUAGE work) but output stays ASCII,
 * because nothing says the terminal shows UTF-8.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "doc.h"
#include "i18n.h"
#include "mo.h"
#include "text.h"
#include "xalloc.h"

/*
 * Sanitised copies of unsafe translations, by the address gettext gives
 * (catalogues stay mapped for the life of the process): an open-addressed
 * table, so that a catalogue full of unsafe strings costs no more per
 * lookup than a sound one.
 */
struct i18n_cache {
	const char	*raw;
	char		*safe;
};

/* The longest language code kept: "ll_CC@modifier". */
#define I18N_CODE_MAX		32
/* The locale aliases glibc reads (in its LOCALE_ALIAS_PATH). */
#ifndef I18N_LOCALE_ALIAS
#define I18N_LOCALE_ALIAS	"/usr/share/locale/locale.alias"
#endif

/* A language: its code, and what LANGUAGE says for it ("C": nothing). */
struct i18n_lang {
	char	 code[I18N_CODE_MAX];
	char	*env;
};

static char			 i18n_dir[4096];
/* The terminal shows UTF-8 (else plain ASCII). */
static int			 i18n_utf8 = 1;
/* The program's messages (i18n_set_msgids). */
static const char *const	*i18n_ids;
static size_t			 i18n_nids;
/* The first language of the start that the terminal cannot show. */
static char			 i18n_unshown_code[I18N_CODE_MAX];
/* Every language made, for the life of the process. */
static struct i18n_lang		**i18n_langs;
static size_t			 i18n_nlangs, i18n_langscap;
static const struct i18n_lang	*i18n_start;	/* chosen at start */
static const struct i18n_lang	*i18n_cur;	/* what gettext reads now */
/*
 * Damaged catalogues found, and names in LANGUAGE that are not language
 * codes (why NULL), said once each when it is safe to translate.
 */
#define I18N_MAX_WARN	8
static struct i18n_warning {
	char		*path;
	const char	*why;
	int		 said;
}				 i18n_warnings[I18N_MAX_WARN];
/* glibc's locale aliases, read at start. */
static struct i18n_alias {
	char		 name[I18N_CODE_MAX];
	char		*value;
}				*i18n_aliases;
static size_t			 i18n_naliases, i18n_aliascap;
static int			 i18n_aliases_read;
/*
 * The gettext domains of content: 0 is I18N_CONTENT_DOMAIN in the
 * catalogue folder, the others are those of packs, each bound to its
 * own folder, with what was found of each language's catalogues.
 */
struct i18n_domain {
	char			 *name;
	char			 *dir;		/* NULL: i18n_dir */
	struct i18n_seen {
		const struct i18n_lang	*lang;
		int			 ok;
	}			 *seen;
	size_t			  nseen, seencap;
};
static struct i18n_domain	*i18n_domains;
static size_t			 i18n_ndomains, i18n_domaincap;
static struct i18n_cache	*i18n_cache;	/* i18n_cachecap slots */
static size_t			 i18n_ncache;
static size_t			 i18n_cachecap;	/* 0 or a power of two */

static const char	*i18n_build_localedir(void);
static const char	*i18n_safe(const char *);
static void		 i18n_lang_from_env(char *, size_t);
static const struct i18n_lang *i18n_lang_make(const char *, const char *);
static int		 i18n_code_norm(const char *, char *, size_t);
static int		 i18n_code_valid(const char *);
static int		 i18n_usable(const char *, int);
static int		 i18n_usable_name(const char *, const char *,
			    const char *const *, size_t, int);
static int		 i18n_usable_in(const char *, const char *,
			    const char *const *, size_t, int);
static void		 i18n_aliases_load(void);
static void		 i18n_filter_env(void);
static void		 i18n_warn_damaged(const char *, const char *);
static int		 i18n_shown_code(const char *);
static void		 i18n_filter_shown(void);

static int
i18n_codeset_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0));
}

/* "de_DE.ISO-8859-1@euro" -> "de_DE"; NULL for C and POSIX. */
static char *
i18n_lang_of(const char *name)
{
	size_t	n;

	if (name == NULL || *name == '\0' || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0 || strncmp(name, "C.", 2) == 0)
		return (NULL);
	n = strcspn(name, ".@");
	if (n == 0 || n > 32)
		return (NULL);
	return (xstrndup(name, n));
}

int
i18n_init(const char *lang)
{
	const char	*dir, *loc;
	char		*msglang = NULL, code[I18N_CODE_MAX];
	size_t		 i;
	int		 utf8;

	loc = setlocale(LC_ALL, "");
	utf8 = loc != NULL && i18n_codeset_utf8();
	i18n_utf8 = utf8;
	if (loc != NULL)
		msglang = i18n_lang_of(setlocale(LC_MESSAGES, NULL));
	if (!utf8) {
		/* Keep the reader's language when the locale changes. */
		if (msglang != NULL && getenv("LANGUAGE") == NULL)
			setenv("LANGUAGE", msglang, 1);
		if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
		    setlocale(LC_ALL, "en_US.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
	}
	/* With no LANGUAGE, the locale's language is the one to go back to. */
	if (msglang != NULL && getenv("LANGUAGE") == NULL && lang == NULL &&
	    i18n_code_valid(msglang))
		setenv("LANGUAGE", msglang, 1);
	free(msglang);
	if (lang != NULL)
		setenv("LANGUAGE", lang, 1);

	if ((dir = getenv("PAMPHLET_LOCALEDIR")) == NULL || *dir == '\0')
		dir = i18n_build_localedir();
	snprintf(i18n_dir, sizeof(i18n_dir), "%s", dir);
	/* Now, so that a later change of language opens no other file. */
	if (!i18n_aliases_read)
		i18n_aliases_load();
	/* Before the first lookup: gettext must never read a bad catalogue. */
	i18n_filter_env();
	bindtextdomain(I18N_DOMAIN, dir);
	bindtextdomain(I18N_CONTENT_DOMAIN, dir);
	/* Packs without a folder of their own read the same one. */
	for (i = 1; i < i18n_ndomains; i++)
		if (i18n_domains[i].dir == NULL)
			bindtextdomain(i18n_domains[i].name, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	bind_textdomain_codeset(I18N_CONTENT_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	/* Only languages the terminal can show: the next one, or English. */
	i18n_filter_shown();
	i18n_lang_from_env(code, sizeof(code));
	i18n_start = i18n_cur = i18n_lang_make(code, getenv("LANGUAGE"));
	return (utf8);
}

/*
 * The catalogues: LOCALEDIR, unless this is the program in its build
 * tree, which reads those that make builds into its locale folder, so
 * that a translation can be tried before it is installed.
 */
static const char *
i18n_build_localedir(void)
{
#ifdef PAMPHLET_BUILDDIR
	char	exe[4096];
	ssize_t	n;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if (strcmp(exe, PAMPHLET_BUILDDIR "/pamphlet") == 0)
			return (PAMPHLET_BUILDDIR "/locale");
	}
#endif
	return (LOCALEDIR);
}

static size_t
i18n_slot(const char *p, size_t cap)
{
	uint64_t	h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ULL;

	return ((size_t)(h >> 32) & (cap - 1));
}

static void
i18n_cache_grow(void)
{
	struct i18n_cache	*old = i18n_cache;
	size_t			 oldcap = i18n_cachecap, i, j;

	i18n_cachecap = oldcap == 0 ? 64 : oldcap * 2;
	i18n_cache = xcalloc(i18n_cachecap, sizeof(*i18n_cache));
	for (i = 0; i < oldcap; i++) {
		if (old[i].raw == NULL)
			continue;
		for (j = i18n_slot(old[i].raw, i18n_cachecap);
		    i18n_cache[j].raw != NULL; j = (j + 1) & (i18n_cachecap - 1))
			continue;
		i18n_cache[j] = old[i];
	}
	free(old);
}

/* A translation is untrusted: show it only once it is safe. */
static const char *
i18n_safe(const char *s)
{
	size_t	i, len;

	len = strlen(s);
	if (text_is_safe(s, len))
		return (s);
	if (i18n_cachecap > 0)
		for (i = i18n_slot(s, i18n_cachecap); i18n_cache[i].raw != NULL;
		    i = (i + 1) & (i18n_cachecap - 1))
			if (i18n_cache[i].raw == s)
				return (i18n_cache[i].safe);
	/* Kept at most half full. */
	if (2 * (i18n_ncache + 1) > i18n_cachecap)
		i18n_cache_grow();
	for (i = i18n_slot(s, i18n_cachecap); i18n_cache[i].raw != NULL;
	    i = (i + 1) & (i18n_cachecap - 1))
		continue;
	i18n_cache[i].raw = s;
	i18n_cache[i].safe = text_sanitize(s, len, TEXT_PRE, NULL);
	i18n_ncache++;
	return (i18n_cache[i].safe);
}

const char *
i18n_ui(const char *s)
{
	const char	*t = dgettext(I18N_DOMAIN, s);

	if (t == s || !mo_format_fits(s, t))
		return (s);
	return (i18n_safe(t));
}

const char *
i18n_ui_ctxt(const char *key, const char *fallback)
{
	const char	*t = dgettext(I18N_DOMAIN, key);

	if (t == key || !mo_format_fits(fallback, t))
		return (fallback);
	return (i18n_safe(t));
}

const char *
i18n_ui_plural(const char *one, const char *many, unsigned long n)
{
	const char	*t = dngettext(I18N_DOMAIN, one, many, n);

	if (t == one || t == many)
		return (t);
	if (!mo_format_fits(many, t))
		return (n == 1 ? one : many);
	return (i18n_safe(t));
}

const char *
i18n_content(const struct i18n_lang *lang, const struct tstr *ts)
{
	const char	*t;

	if (ts->key == NULL)
		return (NULL);
	i18n_use(lang);
	if (ts->domain != 0 && (ts->domain >= i18n_ndomains ||
	    !i18n_domain_usable(ts->domain, lang, 0)))
		return (tstr_msgid(ts));
	t = dgettext(ts->domain == 0 ? I18N_CONTENT_DOMAIN :
	    i18n_domains[ts->domain].name, ts->key);
	if (t == ts->key)
		return (tstr_msgid(ts));
	return (i18n_safe(t));
}

/*
 * The directories gettext may read for one locale name: glibc splits
 * "ll_CC.codeset@modifier" and tries it with each part but the language
 * left out, and with the codeset also in normal form ("utf8").  Returns
 * 1 if no catalogue of either domain in any of them is damaged; with
 * warn, says on standard error which one is.
 */
static int
i18n_usable_name(const char *dir, const char *entry,
    const char *const *domains, size_t ndomains, int warn)
{
	char		 ll[64], cc[64], cs[64], ncs[64], mod[64], *path;
	const char	*p, *why, *sets[3];
	size_t		 n, i, d;
	int		 t, c, m;
	enum mo_status	 st;

	n = strlen(entry);
	if (n == 0 || n >= sizeof(ll) || entry[0] == '.' ||
	    strstr(entry, "..") != NULL ||
	    strspn(entry, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_@.-") != n)
		return (0);
	cc[0] = cs[0] = ncs[0] = mod[0] = '\0';
	p = entry;
	n = strcspn(p, "_.@");
	snprintf(ll, sizeof(ll), "%.*s", (int)n, p);
	p += n;
	if (*p == '_') {
		n = strcspn(++p, ".@");
		snprintf(cc, sizeof(cc), "_%.*s", (int)n, p);
		p += n;
	}
	if (*p == '.') {
		n = strcspn(++p, "@");
		snprintf(cs, sizeof(cs), ".%.*s", (int)n, p);
		/* glibc's normal form: letters lowered, digits, nothing else. */
		i = 1;
		ncs[0] = '.';
		if (strspn(p, "0123456789") >= n) {
			memcpy(ncs + 1, "iso", 3);
			i = 4;
		}
		for (; n > 0 && i < sizeof(ncs) - 1; p++, n--)
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z'))
				ncs[i++] = *p;
			else if (*p >= 'A' && *p <= 'Z')
				ncs[i++] = (char)(*p - 'A' + 'a');
		ncs[i] = '\0';
	}
	if (*p == '@')
		snprintf(mod, sizeof(mod), "%s", p);
	sets[0] = "";
	sets[1] = cs;
	sets[2] = ncs;
	for (t = 0; t < 2; t++)
		for (c = 0; c < 3; c++)
			for (m = 0; m < 2; m++)
				for (d = 0; d < ndomains; d++) {
					if ((c > 0 && sets[c][0] == '\0') ||
					    (m > 0 && mod[0] == '\0') ||
					    (t > 0 && cc[0] == '\0'))
						continue;
					path = xasprintf("%s/%s%s%s%s/LC_MESSAGES/"
					    "%s.mo", dir, ll, t ? cc : "",
					    sets[c], m ? mod : "", domains[d]);
					st = mo_check_file(path, &why);
					if (st == MO_BAD && warn)
						i18n_warn_damaged(path, why);
					free(path);
					if (st == MO_BAD)
						return (0);
				}
	return (1);
}

/*
 * glibc's locale aliases with names short enough to be language codes,
 * read once (as glibc reads them once): lines of at most 400 bytes, an alias and its
 * value separated by white space, '#' for a comment.
 */
static void
i18n_aliases_load(void)
{
	FILE	*fp;
	char	 line[400], *p, *key, *val;
	int	 rest = 0;

	i18n_aliases_read = 1;
	if ((fp = fopen(I18N_LOCALE_ALIAS, "re")) == NULL)
		return;
	while (fgets(line, sizeof(line), fp) != NULL) {
		/* The rest of a longer line is not read. */
		if (rest) {
			rest = strchr(line, '\n') == NULL;
			continue;
		}
		rest = strchr(line, '\n') == NULL;
		key = line + strspn(line, " \t\n\v\f\r");
		if (*key == '#' || *key == '\0')
			continue;
		p = key + strcspn(key, " \t\n\v\f\r");
		if (*p == '\0')
			continue;
		*p++ = '\0';
		val = p + strspn(p, " \t\n\v\f\r");
		val[strcspn(val, " \t\n\v\f\r")] = '\0';
		if (*val == '\0' || strlen(key) >= I18N_CODE_MAX)
			continue;
		xgrow(&i18n_aliases, &i18n_aliascap, i18n_naliases + 1,
		    sizeof(*i18n_aliases));
		snprintf(i18n_aliases[i18n_naliases].name, I18N_CODE_MAX, "%s",
		    key);
		i18n_aliases[i18n_naliases++].value = xstrdup(val);
	}
	fclose(fp);
}

/*
 * Whether gettext may read the catalogues of a language code.  glibc
 * first looks the code up in its locale aliases, case ignored, and if it
 * is there reads the catalogues of what it stands for instead ("ja_JP" is
 * "ja_JP.eucJP"): those are the ones to check.  An alias given twice has
 * each value checked.
 */
static int
i18n_usable_in(const char *dir, const char *code,
    const char *const *domains, size_t ndomains, int warn)
{
	size_t	i;
	int	found = 0, ok = 1;

	for (i = 0; i < i18n_naliases; i++) {
		if (strcasecmp(i18n_aliases[i].name, code) != 0)
			continue;
		found = 1;
		if (!i18n_usable_name(dir, i18n_aliases[i].value, domains,
		    ndomains, warn))
			ok = 0;
	}
	return (found ? ok : i18n_usable_name(dir, code, domains, ndomains,
	    warn));
}

/* The program's catalogue and the shared content one. */
static int
i18n_usable(const char *code, int warn)
{
	static const char *const domains[] = {
		I18N_DOMAIN, I18N_CONTENT_DOMAIN
	};

	return (i18n_usable_in(i18n_dir, code, domains, 2, warn));
}

uint32_t
i18n_domain_add(const char *name, const char *dir)
{
	struct i18n_domain	*d;
	size_t			 i;

	if (i18n_ndomains == 0) {
		xgrow(&i18n_domains, &i18n_domaincap, 1,
		    sizeof(*i18n_domains));
		memset(&i18n_domains[0], 0, sizeof(i18n_domains[0]));
		i18n_domains[0].name = xstrdup(I18N_CONTENT_DOMAIN);
		i18n_ndomains = 1;
	}
	/* gettext binds a name to one folder: the first one stays. */
	for (i = 0; i < i18n_ndomains; i++)
		if (strcmp(i18n_domains[i].name, name) == 0)
			return ((uint32_t)i);
	xgrow(&i18n_domains, &i18n_domaincap, i18n_ndomains + 1,
	    sizeof(*i18n_domains));
	d = &i18n_domains[i18n_ndomains];
	memset(d, 0, sizeof(*d));
	d->name = xstrdup(name);
	d->dir = dir != NULL ? xstrdup(dir) : NULL;
	bindtextdomain(d->name, d->dir != NULL ? d->dir : i18n_dir);
	bind_textdomain_codeset(d->name, "UTF-8");
	return ((uint32_t)i18n_ndomains++);
}

const char *
i18n_domain_dir(uint32_t id)
{
	if (id >= i18n_ndomains || i18n_domains[id].dir == NULL)
		return (i18n_dir);
	return (i18n_domains[id].dir);
}

int
i18n_domain_usable(uint32_t id, const struct i18n_lang *lang, int warn)
{
	struct i18n_domain	*d;
	const char		*dom[1];
	char			*env, *p, *entry;
	size_t			 i;
	int			 ok = 1;

	if (id == 0 || id >= i18n_ndomains || lang == NULL)
		return (1);
	d = &i18n_domains[id];
	for (i = 0; i < d->nseen; i++)
		if (d->seen[i].lang == lang)
			return (d->seen[i].ok);
	/* Every language LANGUAGE names for it may be read: check each. */
	dom[0] = d->name;
	env = xstrdup(lang->env);
	for (p = env; (entry = strsep(&p, ":")) != NULL; )
		if (*entry != '\0' && strcmp(entry, "C") != 0 &&
		    !i18n_usable_in(d->dir != NULL ? d->dir : i18n_dir, entry,
		    dom, 1, warn))
			ok = 0;
	free(env);
	xgrow(&d->seen, &d->seencap, d->nseen + 1, sizeof(*d->seen));
	d->seen[d->nseen].lang = lang;
	d->seen[d->nseen++].ok = ok;
	return (ok);
}

static void
i18n_warn_damaged(const char *path, const char *why)
{
	size_t	i;

	for (i = 0; i < I18N_MAX_WARN && i18n_warnings[i].path != NULL; i++)
		if (strcmp(i18n_warnings[i].path, path) == 0)
			return;
	if (i == I18N_MAX_WARN)
		return;
	i18n_warnings[i].path = xstrdup(path);
	i18n_warnings[i].why = why;
}

/*
 * Only once LANGUAGE names sound catalogues, after i18n_init, may a
 * warning be translated.
 */
char *
i18n_warning(void)
{
	struct i18n_warning	*w;
	char			*safe, *msg, *text;
	size_t			 i;

	for (i = 0; i < I18N_MAX_WARN; i++) {
		w = &i18n_warnings[i];
		if (w->path == NULL || w->said)
			continue;
		w->said = 1;
		safe = text_sanitize(w->path, strlen(w->path), TEXT_FLOW, NULL);
		if (w->why == NULL)
			/* TRANSLATORS: %s is what LANGUAGE names; keep
			   "LANGUAGE", the name of a setting. */
			text = xasprintf(_("warning: LANGUAGE: '%s' is not a "
			    "language code; use a code such as de, es or "
			    "pt_BR\n"), safe);
		else
			/* TRANSLATORS: %1$s is a file, %2$s says what is
			   wrong with it ("a damaged hash table"). */
			text = xasprintf(_("warning: %1$s: %2$s; this "
			    "translation is not used\n"), safe, _(w->why));
		free(safe);
		/* The program's name, as every message starts. */
		msg = xasprintf("pamphlet: %s", text);
		free(text);
		return (msg);
	}
	return (NULL);
}

/*
 * Keeps in LANGUAGE only language codes (without their codeset) whose
 * catalogues are sound, and always sets it: unset, gettext would read
 * catalogues named after the locale.  "C" stops gettext's search, so
 * nothing is translated.  Each name kept is the one checked.
 */
static void
i18n_filter_env(void)
{
	const char	*l = getenv("LANGUAGE");
	char		*copy, *e, *save, *out, code[I18N_CODE_MAX], cut[48];
	size_t		 len = 0;

	copy = xstrdup(l != NULL ? l : "");
	out = xmalloc(strlen(copy) + 2);
	out[0] = '\0';
	for (e = strtok_r(copy, ":", &save); e != NULL;
	    e = strtok_r(NULL, ":", &save)) {
		if (strcmp(e, "C") == 0 || strcmp(e, "POSIX") == 0)
			break;
		if (i18n_code_norm(e, code, sizeof(code)) == -1) {
			snprintf(cut, sizeof(cut), "%s", e);
			i18n_warn_damaged(cut, NULL);
			continue;
		}
		if (!i18n_usable(code, 1))
			continue;
		if (len > 0)
			out[len++] = ':';
		strcpy(out + len, code);
		len += strlen(code);
	}
	setenv("LANGUAGE", len > 0 ? out : "C", 1);
	free(out);
	free(copy);
}

/*
 * On a terminal without UTF-8, leaves out of LANGUAGE the languages it
 * cannot show, noting the first.  Those left are sound (i18n_filter_env).
 */
static void
i18n_filter_shown(void)
{
	char	*env, *copy, *e, *save, *out;
	size_t	 len = 0;

	i18n_unshown_code[0] = '\0';
	if (i18n_utf8)
		return;
	env = xstrdup(getenv("LANGUAGE") != NULL ? getenv("LANGUAGE") : "");
	copy = xstrdup(env);
	out = xmalloc(strlen(copy) + 2);
	out[0] = '\0';
	for (e = strtok_r(copy, ":", &save); e != NULL;
	    e = strtok_r(NULL, ":", &save)) {
		if (strcmp(e, "C") == 0)
			break;
		if (!i18n_shown_code(e)) {
			if (i18n_unshown_code[0] == '\0')
				snprintf(i18n_unshown_code,
				    sizeof(i18n_unshown_code), "%s", e);
			continue;
		}
		if (len > 0)
			out[len++] = ':';
		strcpy(out + len, e);
		len += strlen(e);
	}
	/* i18n_shown_code changed it: gettext must read it again. */
	setenv("LANGUAGE", len > 0 ? out : "C", 1);
	textdomain(textdomain(NULL));
	free(out);
	free(copy);
	free(env);
}

/*
 * Whether plain ASCII can write a sound language's name and program text
 * without losing a letter.  Looks them up with LANGUAGE set to the code
 * alone, and leaves it so: the caller sets it back.
 */
static int
i18n_shown_code(const char *code)
{
	static const char	 name[] = "language-name\004English";
	const char		*t;
	size_t			 i;

	if (i18n_utf8)
		return (1);
	setenv("LANGUAGE", code, 1);
	textdomain(textdomain(NULL));
	t = dgettext(I18N_DOMAIN, name);
	if (t != name && !text_ascii_lossless(t, strlen(t)))
		return (0);
	for (i = 0; i < i18n_nids; i++) {
		t = dgettext(I18N_DOMAIN, i18n_ids[i]);
		if (t != i18n_ids[i] && !text_ascii_lossless(t, strlen(t)))
			return (0);
	}
	return (1);
}

int
i18n_shown(const struct i18n_lang *l)
{
	const struct i18n_lang	*was = i18n_cur;
	int			 ok;

	if (i18n_utf8 || strcmp(l->env, "C") == 0)
		return (1);
	ok = i18n_shown_code(l->code);
	/* Back to what gettext read before. */
	setenv("LANGUAGE", was != NULL ? was->env : "C", 1);
	textdomain(textdomain(NULL));
	return (ok);
}

const char *
i18n_unshown(void)
{
	return (i18n_unshown_code[0] != '\0' ? i18n_unshown_code : NULL);
}

void
i18n_set_msgids(const char *const *ids, size_t n)
{
	i18n_ids = ids;
	i18n_nids = n;
}

void
i18n_ui_count(const struct i18n_lang *l, size_t *done, size_t *total)
{
	const struct i18n_lang	*was = i18n_cur;
	const char		*t;
	size_t			 i;

	*done = *total = 0;
	if (strncmp(l->code, "en", 2) == 0 && strcspn(l->code, "_@") == 2) {
		for (i = 0; i < i18n_nids; i++)
			if (strcmp(i18n_ids[i], I18N_CREDITS) != 0)
				(*done)++;
		*total = *done;
		return;
	}
	i18n_use(l);
	for (i = 0; i < i18n_nids; i++) {
		if (strcmp(i18n_ids[i], I18N_CREDITS) == 0)
			continue;
		(*total)++;
		t = dgettext(I18N_DOMAIN, i18n_ids[i]);
		if (t != i18n_ids[i])
			(*done)++;
	}
	if (was != NULL)
		i18n_use(was);
}

int
i18n_ascii_flags(const struct i18n_lang *l)
{
	/* German, Swiss and Austrian German alike. */
	if (l != NULL && strncmp(l->code, "de", 2) == 0 &&
	    strcspn(l->code, "_@") == 2)
		return (TEXT_ASCII_UMLAUT_E);
	return (0);
}

int
i18n_content_translated(const struct i18n_lang *lang, const struct tstr *ts)
{
	const char	*t;

	if (ts->key == NULL)
		return (0);
	i18n_use(lang);
	if (ts->domain != 0 && (ts->domain >= i18n_ndomains ||
	    !i18n_domain_usable(ts->domain, lang, 0)))
		return (0);
	t = dgettext(ts->domain == 0 ? I18N_CONTENT_DOMAIN :
	    i18n_domains[ts->domain].name, ts->key);
	return (t != ts->key);
}

/* The first language of LANGUAGE, or "en". */
static void
i18n_lang_from_env(char *buf, size_t len)
{
	const char	*l = getenv("LANGUAGE");
	size_t		 n;

	if (l == NULL || *l == '\0' || (n = strcspn(l, ":")) == 0 ||
	    n >= len || strncmp(l, "C", n) == 0 || strncmp(l, "POSIX", n) == 0) {
		snprintf(buf, len, "en");
		return;
	}
	memcpy(buf, l, n);
	buf[n] = '\0';
	if (!i18n_code_valid(buf))
		snprintf(buf, len, "en");
}

/*
 * A language code: "ll" or "ll_CC" (two or three lowercase letters, an
 * underscore and two capitals), then perhaps ".codeset", which is left
 * out, and "@modifier" (lowercase letters and digits): "de", "zh_CN",
 * "sr@latin", "de_DE.UTF-8".  Writes the code without its codeset to
 * out; -1 for anything else.  Other names, such as "german", are
 * aliases glibc expands itself, into names of catalogues never checked.
 */
static int
i18n_code_norm(const char *in, char *out, size_t outlen)
{
	const char	*lower = "abcdefghijklmnopqrstuvwxyz";
	const char	*p = in, *mod;
	size_t		 n, m;

	n = strspn(p, lower);
	if (n < 2 || n > 3)
		return (-1);
	p += n;
	if (*p == '_') {
		if (strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 2)
			return (-1);
		p += 3;
		n += 3;
	}
	if (*p == '.') {
		m = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
		if (m == 0 || m > 32)
			return (-1);
		p += 1 + m;
	}
	mod = p;
	if (*p == '@') {
		m = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (m == 0 || m > 16)
			return (-1);
		p += 1 + m;
	}
	if (*p != '\0' || n + strlen(mod) >= outlen)
		return (-1);
	memcpy(out, in, n);
	strcpy(out + n, mod);
	return (0);
}

/* A language code as it is kept: no codeset. */
static int
i18n_code_valid(const char *c)
{
	char	code[I18N_CODE_MAX];

	return (i18n_code_norm(c, code, sizeof(code)) == 0 &&
	    strcmp(code, c) == 0);
}

/* The language of a code and a value of LANGUAGE, made once. */
static const struct i18n_lang *
i18n_lang_make(const char *code, const char *env)
{
	struct i18n_lang	*l;
	size_t			 i;

	for (i = 0; i < i18n_nlangs; i++)
		if (strcmp(i18n_langs[i]->code, code) == 0 &&
		    strcmp(i18n_langs[i]->env, env) == 0)
			return (i18n_langs[i]);
	xgrow(&i18n_langs, &i18n_langscap, i18n_nlangs + 1,
	    sizeof(*i18n_langs));
	l = xcalloc(1, sizeof(*l));
	snprintf(l->code, sizeof(l->code), "%s", code);
	l->env = xstrdup(env);
	i18n_langs[i18n_nlangs++] = l;
	return (l);
}

const struct i18n_lang *
i18n_lang_get(const char *name)
{
	char	code[I18N_CODE_MAX];

	if (i18n_code_norm(name, code, sizeof(code)) == -1)
		return (NULL);
	/*
	 * LANGUAGE is set even for English: unset, gettext would fall back
	 * to the locale's language, which may not be English.  A language
	 * whose catalogue is damaged is shown in English, and should one
	 * for "en" be damaged too, "C" reads no catalogue at all.
	 */
	if (i18n_usable(code, 0) && i18n_shown(i18n_lang_make(code, code)))
		return (i18n_lang_make(code, code));
	return (i18n_lang_make("en", i18n_usable("en", 0) ? "en" : "C"));
}

void
i18n_use(const struct i18n_lang *l)
{
	if (l == i18n_cur)
		return;
	setenv("LANGUAGE", l->env, 1);
	/* Forget translations already looked up (gettext's own cache). */
	textdomain(textdomain(NULL));
	i18n_cur = l;
}

int
i18n_set_language(const char *name)
{
	const struct i18n_lang	*l;
	char			 code[I18N_CODE_MAX];

	if (i18n_code_norm(name, code, sizeof(code)) == -1)
		return (-1);
	l = i18n_lang_get(code);
	i18n_use(l);
	/* Not the catalogues asked for: English instead. */
	return (strcmp(l->env, code) != 0);
}

int
i18n_installed(const char *name)
{
	struct stat	 st;
	char		 code[I18N_CODE_MAX], *path;
	size_t		 n;
	int		 found;

	if (i18n_code_norm(name, code, sizeof(code)) == -1)
		return (0);
	n = strcspn(code, "_@");
	if (n == 2 && strncmp(code, "en", 2) == 0)
		return (1);
	path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", i18n_dir, code,
	    I18N_DOMAIN);
	found = stat(path, &st) == 0;
	free(path);
	if (!found && code[n] != '\0') {
		path = xasprintf("%s/%.*s/LC_MESSAGES/%s.mo", i18n_dir, (int)n,
		    code, I18N_DOMAIN);
		found = stat(path, &st) == 0;
		free(path);
	}
	return (found);
}

const struct i18n_lang *
i18n_lang_default(void)
{
	return (i18n_start);
}

const struct i18n_lang *
i18n_lang_current(void)
{
	return (i18n_cur);
}

const char *
i18n_lang_code(const struct i18n_lang *l)
{
	return (l->code);
}

static int
i18n_choice_cmp(const void *a, const void *b)
{
	const struct i18n_choice	*x = a, *y = b;

	return (strcmp(x->lang->code, y->lang->code));
}

size_t
i18n_languages(struct i18n_choice **out)
{
	const struct i18n_lang	*was = i18n_cur, *lang;
	struct i18n_choice	*l = NULL;
	struct dirent		*de;
	struct stat		 st;
	DIR			*d;
	const char		*name;
	char			*path;
	size_t			 n = 0, cap = 0, i, done, total;
	int			 ok;

	xgrow(&l, &cap, 1, sizeof(*l));
	l[n].lang = i18n_lang_get("en");
	l[n++].name = NULL;
	if ((d = opendir(i18n_dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (!i18n_code_valid(de->d_name) ||
			    strcmp(de->d_name, "en") == 0)
				continue;
			/* Only languages with a sound catalogue are offered. */
			path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", i18n_dir,
			    de->d_name, I18N_DOMAIN);
			ok = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    i18n_usable(de->d_name, 0);
			free(path);
			if (!ok)
				continue;
			lang = i18n_lang_make(de->d_name, de->d_name);
			/* Only what this terminal shows, translated whole. */
			i18n_ui_count(lang, &done, &total);
			if (done < total || !i18n_shown(lang))
				continue;
			xgrow(&l, &cap, n + 1, sizeof(*l));
			l[n].lang = lang;
			l[n++].name = NULL;
		}
		closedir(d);
	}
	qsort(l + 1, n - 1, sizeof(*l), i18n_choice_cmp);
	/* Each named by its own catalogue, then back to the one in use. */
	for (i = 0; i < n; i++) {
		i18n_use(l[i].lang);
		/* TRANSLATORS: the name of your language, in your language,
		   as a speaker would write it: "Español", "Deutsch". */
		name = C_("language-name", "English");
		/* Not a second "English": the code, until it is named. */
		if (i > 0 && strcmp(name, "English") == 0)
			name = i18n_lang_code(l[i].lang);
		l[i].name = xstrdup(name);
	}
	if (was != NULL)
		i18n_use(was);
	*out = l;
	return (n);
}

void
i18n_languages_free(struct i18n_choice *l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(l[i].name);
	free(l);
}

int
i18n_same_language(const char *a, const char *b)
{
	size_t	na = strcspn(a, "_@."), nb = strcspn(b, "_@.");

	if (strcmp(a, b) == 0)
		return (1);
	/* "de" is "de_DE", but "pt_BR" is not "pt_PT". */
	return ((a[na] == '\0' || b[nb] == '\0') && na == nb &&
	    strncmp(a, b, na) == 0);
}

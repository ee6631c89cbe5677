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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Sanitised copies of unsafe translations, freed when the language changes. */
struct i18n_cache {
	const char	*raw;
	char		*safe;
};

static int			 i18n_term_utf8;
static char			 i18n_dir[4096];
static char			 i18n_start_lang[64];
static char			 i18n_cur_lang[64];
static struct i18n_cache	*i18n_cache;
static size_t			 i18n_ncache;
static size_t			 i18n_cachecap;

static const char	*i18n_safe(const char *);
static int		 i18n_formats_fit(const char *, const char *);
static int		 i18n_conversions(const char *, char [][4], int);
static void		 i18n_lang_from_env(char *, size_t);
static int		 i18n_code_valid(const char *);

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
	char		*msglang = NULL;

	loc = setlocale(LC_ALL, "");
	i18n_term_utf8 = loc != NULL && i18n_codeset_utf8();
	if (loc != NULL)
		msglang = i18n_lang_of(setlocale(LC_MESSAGES, NULL));
	if (!i18n_term_utf8) {
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
		dir = LOCALEDIR;
	snprintf(i18n_dir, sizeof(i18n_dir), "%s", dir);
	i18n_lang_from_env(i18n_start_lang, sizeof(i18n_start_lang));
	snprintf(i18n_cur_lang, sizeof(i18n_cur_lang), "%s", i18n_start_lang);
	bindtextdomain(I18N_DOMAIN, dir);
	bindtextdomain(I18N_CONTENT_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	bind_textdomain_codeset(I18N_CONTENT_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
	return (i18n_term_utf8);
}

int
i18n_utf8(void)
{
	return (i18n_term_utf8);
}

/* A translation is untrusted: show it only once it is safe. */
static const char *
i18n_safe(const char *s)
{
	size_t	i, len;

	len = strlen(s);
	if (text_is_safe(s, len))
		return (s);
	for (i = 0; i < i18n_ncache; i++)
		if (i18n_cache[i].raw == s)
			return (i18n_cache[i].safe);
	xgrow(&i18n_cache, &i18n_cachecap, i18n_ncache + 1,
	    sizeof(*i18n_cache));
	i18n_cache[i18n_ncache].raw = s;
	i18n_cache[i18n_ncache].safe = text_sanitize(s, len, TEXT_PRE, NULL);
	return (i18n_cache[i18n_ncache++].safe);
}

#define I18N_MAX_CONV	16

/*
 * The printf conversions of a format, by argument number (1-based index
 * into conv): "%s %2$zu" gives conv[1] = "s", conv[2] = "zu".  Returns the
 * highest argument number, or -1 if the text is not a format we accept.
 */
static int
i18n_conversions(const char *f, char conv[][4], int max)
{
	const char	*p;
	int		 next = 1, n, top = 0, pos;
	size_t		 len;

	for (p = f; (p = strchr(p, '%')) != NULL; ) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		pos = next++;
		/* An explicit argument number: %2$s. */
		for (n = 0; *p >= '0' && *p <= '9' && n < 100; p++)
			n = n * 10 + (*p - '0');
		/* Digits not followed by '$' were a width: skipped below. */
		if (*p == '$' && n > 0) {
			pos = n;
			p++;
		}
		p += strspn(p, "-+ #0'");
		p += strspn(p, "0123456789");
		if (*p == '.') {
			p++;
			p += strspn(p, "0123456789");
		}
		len = strspn(p, "hlLqjzt");
		if (len > 2 || p[len] == '\0' ||
		    strchr("diouxXcsfgeEpn", p[len]) == NULL || p[len] == 'n' ||
		    pos < 1 || pos >= max)
			return (-1);
		if (*p == '*' || p[len] == '*')
			return (-1);
		memcpy(conv[pos], p, len + 1);
		conv[pos][len + 1] = '\0';
		if (pos > top)
			top = pos;
		p += len + 1;
	}
	return (top);
}

/*
 * A translation may be used as a format only if each of its conversions
 * takes an argument the English one has, of the same type.  It may leave
 * some out (a singular without its number), never add or change one.
 */
static int
i18n_formats_fit(const char *en, const char *tr)
{
	char	ce[I18N_MAX_CONV][4], ct[I18N_MAX_CONV][4];
	int	ne, nt, i;

	if (strchr(tr, '%') == NULL)
		return (1);
	memset(ce, 0, sizeof(ce));
	memset(ct, 0, sizeof(ct));
	if ((ne = i18n_conversions(en, ce, I18N_MAX_CONV)) == -1 ||
	    (nt = i18n_conversions(tr, ct, I18N_MAX_CONV)) == -1 || nt > ne)
		return (0);
	for (i = 1; i <= nt; i++)
		if (ct[i][0] != '\0' && strcmp(ct[i], ce[i]) != 0)
			return (0);
	return (1);
}

const char *
i18n_ui(const char *s)
{
	const char	*t = dgettext(I18N_DOMAIN, s);

	if (t == s || !i18n_formats_fit(s, t))
		return (s);
	return (i18n_safe(t));
}

const char *
i18n_ui_ctxt(const char *key, const char *fallback)
{
	const char	*t = dgettext(I18N_DOMAIN, key);

	if (t == key || !i18n_formats_fit(fallback, t))
		return (fallback);
	return (i18n_safe(t));
}

const char *
i18n_ui_plural(const char *one, const char *many, unsigned long n)
{
	const char	*t = dngettext(I18N_DOMAIN, one, many, n);

	if (t == one || t == many)
		return (t);
	if (!i18n_formats_fit(many, t))
		return (n == 1 ? one : many);
	return (i18n_safe(t));
}

const char *
i18n_content(const struct tstr *ts)
{
	const char	*t;

	if (ts->key == NULL)
		return (NULL);
	t = dgettext(I18N_CONTENT_DOMAIN, ts->key);
	if (t == ts->key)
		return (tstr_msgid(ts));
	return (i18n_safe(t));
}

/* The first language of LANGUAGE, or "en". */
static void
i18n_lang_from_env(char *buf, size_t len)
{
	const char	*l = getenv("LANGUAGE");
	size_t		 n;

	if (l == NULL || *l == '\0' || (n = strcspn(l, ":")) == 0 ||
	    n >= len) {
		snprintf(buf, len, "en");
		return;
	}
	memcpy(buf, l, n);
	buf[n] = '\0';
	if (!i18n_code_valid(buf))
		snprintf(buf, len, "en");
}

/* Codes are short: letters, digits, '_', '@', '-' ("zh_CN", "sr@latin"). */
static int
i18n_code_valid(const char *c)
{
	size_t	n = strlen(c);

	return (n > 0 && n < 32 && c[0] != '.' &&
	    strspn(c, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_@-") == n);
}

int
i18n_set_language(const char *code)
{
	if (!i18n_code_valid(code))
		return (-1);
	/*
	 * Set even for English: unset, gettext would fall back to the
	 * locale's language, which may not be English.
	 */
	setenv("LANGUAGE", code, 1);
	/* Forget translations already looked up (gettext's own cache). */
	textdomain(textdomain(NULL));
	snprintf(i18n_cur_lang, sizeof(i18n_cur_lang), "%s", code);
	return (0);
}

const char *
i18n_default_language(void)
{
	return (i18n_start_lang);
}

const char *
i18n_language(void)
{
	return (i18n_cur_lang);
}

static int
i18n_lang_cmp(const void *a, const void *b)
{
	const struct i18n_lang	*x = a, *y = b;

	return (strcmp(x->code, y->code));
}

size_t
i18n_languages(struct i18n_lang **out)
{
	struct i18n_lang	*l = NULL;
	struct dirent		*de;
	struct stat		 st;
	DIR			*d;
	char			*path, cur[64];
	size_t			 n = 0, cap = 0, i;
	int			 ok;

	xgrow(&l, &cap, 1, sizeof(*l));
	l[n].code = xstrdup("en");
	l[n++].name = NULL;
	if ((d = opendir(i18n_dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (!i18n_code_valid(de->d_name) ||
			    strcmp(de->d_name, "en") == 0)
				continue;
			path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", i18n_dir,
			    de->d_name, I18N_DOMAIN);
			ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
			free(path);
			if (!ok)
				continue;
			xgrow(&l, &cap, n + 1, sizeof(*l));
			l[n].code = xstrdup(de->d_name);
			l[n++].name = NULL;
		}
		closedir(d);
	}
	qsort(l + 1, n - 1, sizeof(*l), i18n_lang_cmp);
	/* Each named by its own catalogue. */
	snprintf(cur, sizeof(cur), "%s", i18n_cur_lang);
	for (i = 0; i < n; i++) {
		i18n_set_language(l[i].code);
		/* TRANSLATORS: the name of your language, in your language,
		   as a speaker would write it: "Español", "Deutsch". */
		l[i].name = xstrdup(C_("language-name", "English"));
	}
	i18n_set_language(cur);
	*out = l;
	return (n);
}

void
i18n_languages_free(struct i18n_lang *l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(l[i].code);
		free(l[i].name);
	}
	free(l);
}

int
i18n_fputs(const char *s, FILE *fp)
{
	char	*a;
	int	 rc;

	if (i18n_term_utf8)
		return (fputs(s, fp));
	a = text_to_ascii(s, strlen(s));
	rc = fputs(a, fp);
	free(a);
	return (rc);
}

int
i18n_printf(FILE *fp, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return (-1);
	n = i18n_fputs(s, fp);
	free(s);
	return (n);
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

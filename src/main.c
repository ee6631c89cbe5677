/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pamphlet: command line, set-up and the main loop (key -> action ->
 * view -> render).  Everything it wires together lives in its own module;
 * this file decides exit codes and what goes to stdout and stderr.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "idx.h"
#include "keymap.h"
#include "kiosk.h"
#include "layout.h"
#include "library.h"
#include "pack.h"
#include "pot.h"
#include "readability.h"
#include "render.h"
#include "settings.h"
#include "tcheck.h"
#include "tty.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

#define EXIT_USAGE	2

/* Set while the pager runs: its output is not checked at exit. */
static int	main_viewing;
/*
 * Errors found in the content loaded: --list and --dump show what
 * loaded, and say with their exit status that something did not.
 */
static size_t	main_load_errors;

enum main_command {
	CMD_VIEW,
	CMD_LIST,
	CMD_DUMP,
	CMD_CHECK,
	CMD_EXTRACT,
	CMD_INDEX
};

struct main_opts {
	enum main_command	 command;
	char			**content;	/* folders, first wins */
	size_t			  ncontent;
	size_t			  contentcap;
	const char		*cache;		/* folder of pack indexes */
	int			 grade_limit;	/* -1: not said */
	int			 lang_missing;	/* the language has no catalogue */
	const char		*dump_topic;
	const char		*emergency_number;
	const char		*lang;
	const char		*config;
	const char		*exit_chord;
	int			 theme;		/* -1: not said */
	int			 mouse;		/* -1: not said */
	int			 plain;
	int			 content_set;
	int			 width;
	int			 no_color;
	int			 kiosk;		/* -1: not said */
	int			 idle;		/* seconds; -1: not said */
};

enum {
	OPT_CACHE = CHAR_MAX + 1,
	OPT_CHECK,
	OPT_CONFIG,
	OPT_CONTENT,
	OPT_DUMP,
	OPT_EMERGENCY,
	OPT_EXTRACT,
	OPT_HELP,
	OPT_IDLE,
	OPT_INDEX,
	OPT_KIOSK,
	OPT_LANG,
	OPT_LIST,
	OPT_MOUSE,
	OPT_NO_MOUSE,
	OPT_PLAIN,
	OPT_THEME,
	OPT_VERSION,
	OPT_WIDTH
};

static const struct option main_longopts[] = {
	{ "cache",		required_argument,	NULL, OPT_CACHE },
	{ "check",		no_argument,		NULL, OPT_CHECK },
	{ "config",		required_argument,	NULL, OPT_CONFIG },
	{ "content",		required_argument,	NULL, OPT_CONTENT },
	{ "dump",		required_argument,	NULL, OPT_DUMP },
	{ "emergency-number",	required_argument,	NULL, OPT_EMERGENCY },
	{ "extract-pot",	no_argument,		NULL, OPT_EXTRACT },
	{ "help",		no_argument,		NULL, OPT_HELP },
	{ "idle",		required_argument,	NULL, OPT_IDLE },
	{ "index",		no_argument,		NULL, OPT_INDEX },
	{ "kiosk",		no_argument,		NULL, OPT_KIOSK },
	{ "lang",		required_argument,	NULL, OPT_LANG },
	{ "list",		no_argument,		NULL, OPT_LIST },
	{ "mouse",		no_argument,		NULL, OPT_MOUSE },
	{ "no-mouse",		no_argument,		NULL, OPT_NO_MOUSE },
	{ "plain",		no_argument,		NULL, OPT_PLAIN },
	{ "theme",		required_argument,	NULL, OPT_THEME },
	{ "version",		no_argument,		NULL, OPT_VERSION },
	{ "width",		required_argument,	NULL, OPT_WIDTH },
	{ NULL,			0,			NULL, 0 }
};

static void		 main_usage_error(const char *, ...)
			    __attribute__((format(printf, 1, 2), noreturn));
static void		 main_help(void);
static void		 main_version(void);
static int		 main_load(const struct main_opts *, struct library *);
static int		 main_load_quiet(const struct main_opts *,
			    struct library *, struct diag_list *);
static void		 main_no_topics(const struct main_opts *);
static void		 main_i18n_warnings(void);
static void		 main_incomplete(const struct main_opts *,
			    const struct library *);
static void		 main_unshown(void);
static long		 main_find_topic(const struct library *, const char *);
static int		 main_list(const struct main_opts *);
static int		 main_dump(const struct main_opts *);
static int		 main_check(const struct main_opts *, char **, int);
static int		 main_extract(const struct main_opts *);
static int		 main_index(const struct main_opts *);
static int		 main_run(struct main_opts *, char **, int);
static int		 main_settings(struct main_opts *, struct settings *);
static time_t		 main_now(void);
static void		 main_i18n(const char *);
static int		 main_view(const struct main_opts *, const char *,
			    const char *);

/* fmt is a whole translated sentence naming what was typed. */
static void
main_usage_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *safe;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	/* What was typed may hold escape sequences: show it safely. */
	safe = text_sanitize(msg != NULL ? msg : fmt, strlen(msg != NULL ?
	    msg : fmt), TEXT_FLOW, NULL);
	tty_error("%s\n", safe);
	free(safe);
	free(msg);
	exit(EXIT_USAGE);
}

static void
main_help(void)
{
	tty_printf(stdout, _("Usage: pamphlet [OPTION]... [TOPIC [SECTION]]\n"));
	tty_fputs(_("Read health topics in the terminal: the library, a topic's "
	    "contents,\nor one section.\n"), stdout);
	putchar('\n');
	/* TRANSLATORS: --help output; keep the options as they are. */
	tty_fputs(_("  --content=DIR          read topics from DIR, a pack or a folder of\n"
	    "                         topics (again for more; the first wins)\n"
	    "  --list                 print the id and title of each topic\n"
	    "  --dump=TOPIC           print TOPIC as plain text\n"
	    "  --width=N              wrap --dump output at N columns "
	    "(default 72)\n"
	    "  --check [PATH]...      check topic files or folders and "
	    "report problems\n"
	    "  --index                save an index of each pack in the cache\n"
	    "                         folder, for a faster start\n"
	    "  --cache=DIR            keep the indexes in DIR\n"
	    "  --kiosk                for a public machine: no way to quit, and\n"
	    "                         a reset for the next reader when idle\n"
	    "  --idle=SECONDS         go back to the start after SECONDS without a\n"
	    "                         key (kiosk default 120; 0: never)\n"
	    "  --config=FILE          read settings from FILE (see the man page)\n"
	    "  --mouse, --no-mouse    taps and the wheel on or off (on for kiosks)\n"
	    "  --plain                for screen readers: words, not drawings,\n"
	    "                         and the cursor where reading is\n"
	    "  --theme=NAME           default, high-contrast or mono (no colour;\n"
	    "                         also when NO_COLOR is set)\n"
	    "  --emergency-number=N   show N on emergency care cards\n"
	    "  --lang=CODE            show the program and topics in language "
	    "CODE\n"
	    "                         (es, fr, de, zh_CN ...; en for English)\n"
	    "  --extract-pot          print the template for translating the "
	    "topics\n"
	    "  --help                 show this help and exit\n"
	    "  --version              show the version and exit\n"), stdout);
	putchar('\n');
	tty_printf(stdout, _("Unless --content is given, packs are read from %s "
	    "and then from %s.\n"), PAMPHLET_LOCAL_PACKS, PAMPHLET_VENDOR_PACKS);
	tty_printf(stdout, _("Settings are read from %s unless --config is "
	    "given.\n"), SETTINGS_PATH);
	tty_printf(stdout, _("Exit status: 0 if all went well, 1 if content has errors, "
	    "2 for a wrong command line.\n"));
	putchar('\n');
	/* TRANSLATORS: %s is an e-mail address. */
	tty_printf(stdout, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
main_version(void)
{
	printf("pamphlet %s\n", PACKAGE_VERSION);
	printf("Copyright (C) 2026 the pamphlet authors.\n");
	tty_fputs(_("License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"), stdout);
	tty_fputs(_("There is NO WARRANTY, to the extent permitted by law.\n"),
	    stdout);
	putchar('\n');
	/* TRANSLATORS: the folders pamphlet was built to use; keep the
	   words before the colons aligned. */
	tty_printf(stdout, _("Local packs:   %s\n"), PAMPHLET_LOCAL_PACKS);
	tty_printf(stdout, _("Vendor packs:  %s\n"), PAMPHLET_VENDOR_PACKS);
	tty_printf(stdout, _("Settings:      %s\n"), SETTINGS_PATH);
	tty_printf(stdout, _("Index cache:   %s\n"), PAMPHLET_CACHEDIR);
}

/*
 * Reads the settings file; what the command line said wins.  The strings
 * stay in set for the life of the program.
 */
static int
main_settings(struct main_opts *o, struct settings *set)
{
	struct diag_list	diags;
	int			rc;

	settings_init(set);
	diag_init(&diags);
	rc = settings_load(o->config, set, &diags);
	diag_print(stderr, &diags);
	diag_free(&diags);
	if (rc == -1)
		return (-1);
	if (o->kiosk == -1)
		o->kiosk = set->kiosk;
	if (o->idle == -1)
		o->idle = set->idle;
	if (!o->content_set && set->ncontent > 0) {
		o->content = set->content;
		o->ncontent = set->ncontent;
	}
	if (o->cache == NULL)
		o->cache = set->cache;
	if (o->grade_limit == -1)
		o->grade_limit = set->grade_limit;
	if (o->lang == NULL && set->language != NULL) {
		if (i18n_set_language(set->language) == -1) {
			tty_error(_("%s: '%s' is not a "
			    "language code; use a code such as de, es or "
			    "pt_BR\n"), o->config, set->language);
			return (-1);
		}
		o->lang = set->language;
	}
	if (o->emergency_number == NULL)
		o->emergency_number = set->emergency_number;
	o->exit_chord = set->exit_chord;
	if (o->theme == -1 && set->theme != NULL &&
	    (o->theme = render_theme_parse(set->theme)) == -1) {
		tty_error(_("%s: unknown theme '%s': use "
		    "default, high-contrast or mono\n"), o->config, set->theme);
		return (-1);
	}
	return (0);
}

/* Seconds on a clock that only goes forward. */
static time_t
main_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec);
}

/* Loads the library; problems go to stderr, the good topics stay. */
static int
main_load(const struct main_opts *o, struct library *lib)
{
	struct diag_list	diags;
	int			rc;

	rc = main_load_quiet(o, lib, &diags);
	diag_print(stderr, &diags);
	main_load_errors = diags.nerrors;
	diag_free(&diags);
	main_i18n_warnings();
	if (rc == -1) {
		main_no_topics(o);
		return (-1);
	}
	if (o->lang != NULL && !o->lang_missing)
		main_incomplete(o, lib);
	return (0);
}

/*
 * A language asked for by name that the language list does not offer,
 * because too little of it is translated: it is shown all the same (a
 * translator can see the work so far), with a word why it is not offered.
 */
static void
main_incomplete(const struct main_opts *o, const struct library *lib)
{
	const struct i18n_lang	*l = i18n_lang_default();
	size_t			 done, total;
	int			 share, ui;

	if (i18n_same_language(i18n_lang_code(l), "en"))
		return;
	i18n_ui_count(l, &done, &total);
	share = library_translated(lib, l);
	if (done == total && share >= I18N_OFFER_PERCENT)
		return;
	ui = total == 0 ? 100 : (int)(done * 100 / total);
	/* 99% when a single message is left. */
	if (ui == 100 && done < total)
		ui = 99;
	/* TRANSLATORS: %1$s is a language code; the numbers are shares in
	   per cent.  Keep each %% before its word. */
	tty_error(_("the translation into '%1$s' is not complete: %2$d%% of "
	    "the program and %3$d%% of the topics are translated; the "
	    "language list offers it when the program is all translated and "
	    "at least %4$d%% of the topics are\n"), o->lang, ui, share,
	    I18N_OFFER_PERCENT);
}

/* The language asked for, that this terminal cannot show. */
static void
main_unshown(void)
{
	/* TRANSLATORS: %1$s is a language code ("zh_CN"), %2$s the name
	   of your language. */
	tty_error(_("this terminal cannot show the letters of %1$s, so the "
	    "text is in %2$s\n"), i18n_unshown(),
	    C_("language-name", "English"));
}

/*
 * Loads the library with the indexes in the cache and the settings
 * that hold for all of it; -1 if no topic could be loaded.  The
 * problems are left in diags.
 */
static int
main_load_quiet(const struct main_opts *o, struct library *lib,
    struct diag_list *diags)
{
	struct library_index	ix;
	size_t			i;

	doc_library_init(lib);
	diag_init(diags);
	memset(&ix, 0, sizeof(ix));
	ix.cache = o->cache;
	(void)library_load(lib, o->content, o->ncontent, &ix, 0, diags);
	/* A pack's catalogue that gettext must not read is said now. */
	for (i = 0; i < lib->npacks; i++)
		(void)i18n_domain_usable(lib->packs[i]->domain_id,
		    i18n_lang_default(), 1);
	if (o->emergency_number != NULL) {
		free(lib->settings.emergency_number);
		lib->settings.emergency_number = xstrdup(o->emergency_number);
	}
	if (o->grade_limit > 0) {
		lib->settings.grade_limit = o->grade_limit;
		lib->settings.grade_set = 1;
	}
	return (lib->ntopics == 0 ? -1 : 0);
}

/* Why there is nothing to show: the folders that were tried. */
static void
main_no_topics(const struct main_opts *o)
{
	char	*safe;
	size_t	 i;

	for (i = 0; i < o->ncontent; i++) {
		safe = text_sanitize(o->content[i], strlen(o->content[i]),
		    TEXT_FLOW, NULL);
		tty_error(_("no topics could be loaded from "
		    "%s\n"), safe);
		free(safe);
	}
}

static void
main_i18n_warnings(void)
{
	char	*w;

	while ((w = i18n_warning()) != NULL) {
		tty_fputs(w, stderr);
		free(w);
	}
}

static long
main_find_topic(const struct library *lib, const char *id)
{
	long	i = doc_topic_index(lib, id);

	if (i < 0)
		/* TRANSLATORS: %s is a topic id given on the command line. */
		tty_error(_("no topic '%s'; 'pamphlet --list' "
		    "shows them all\n"), id);
	return (i);
}

static int
main_list(const struct main_opts *o)
{
	struct library	lib;
	size_t		i;

	if (main_load(o, &lib) == -1) {
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	for (i = 0; i < lib.ntopics; i++)
		tty_printf(stdout, "%s  %s\n", lib.topics[i]->id,
		    i18n_content(i18n_lang_default(),
		    &lib.topics[i]->title));
	doc_library_free(&lib);
	return (main_load_errors > 0 ? EXIT_FAILURE : EXIT_SUCCESS);
}

static int
main_dump(const struct main_opts *o)
{
	struct library		 lib;
	struct layout_opts	 lo;
	struct layout		*l;
	size_t			 i;
	long			 t;

	if (main_load(o, &lib) == -1 ||
	    (t = main_find_topic(&lib, o->dump_topic)) < 0) {
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	/* The topic whole, not the stub an index gives. */
	if (library_build(&lib, (size_t)t, NULL) == -1) {
		tty_error(_("topic '%s' cannot be read; "
		    "'pamphlet --check' says why\n"), o->dump_topic);
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	memset(&lo, 0, sizeof(lo));
	lo.width = o->width;
	lo.ascii = !tty_utf8();
	lo.lang = i18n_lang_default();
	lo.plain = o->plain;
	lo.emergency_number = lib.settings.emergency_number;
	lo.lib = &lib;
	l = layout_topic(lib.topics[t], &lo);
	for (i = 0; i < l->nlines; i++) {
		fwrite(layout_line_text(l, &l->lines[i]), 1,
		    l->lines[i].len, stdout);
		putchar('\n');
	}
	layout_free(l);
	doc_library_free(&lib);
	return (main_load_errors > 0 ? EXIT_FAILURE : EXIT_SUCCESS);
}

/* The template for translating the topics, from English content only. */
static int
main_extract(const struct main_opts *o)
{
	struct library		lib;
	struct diag_list	diags;
	int			rc = EXIT_SUCCESS;

	doc_library_init(&lib);
	diag_init(&diags);
	(void)library_load(&lib, o->content, o->ncontent, NULL, 0, &diags);
	if (lib.npacks != 1 && diags.nerrors == 0) {
		tty_error(_("--extract-pot makes the "
		    "template of one pack: give its folder with --content\n"));
		rc = EXIT_FAILURE;
	} else if (lib.ntopics == 0 || diags.nerrors > 0) {
		/* A partial template would drop translations: refuse. */
		diag_print(stderr, &diags);
		tty_error(_("fix the errors above before "
		    "extracting the text to translate\n"));
		rc = EXIT_FAILURE;
	} else
		/* A write error is reported once, when stdout is closed. */
		(void)pot_write(stdout, &lib);
	diag_free(&diags);
	doc_library_free(&lib);
	return (rc);
}

/*
 * Saves the trees of the content's topic files in its library index.
 * Like the template, only for content without errors: the index is
 * what a clinic deploys.
 */
static int
main_index(const struct main_opts *o)
{
	struct library		 lib;
	struct diag_list	 diags;
	struct library_index	 ix;
	const char		*failed = NULL, *why;
	int			 rc = EXIT_SUCCESS;

	doc_library_init(&lib);
	diag_init(&diags);
	memset(&ix, 0, sizeof(ix));
	ix.cache = o->cache;
	ix.save = 1;
	/* The cache folder itself may be new; its parent must be there. */
	if (mkdir(o->cache, 0755) == -1 && errno != EEXIST) {
		why = strerror(errno);
		/* TRANSLATORS: a folder and why. */
		tty_error(_("cannot make the folder %s: %s\n"),
		    o->cache, why);
		rc = EXIT_FAILURE;
	} else if (library_load(&lib, o->content, o->ncontent, &ix, 0,
	    &diags) == 0 || diags.nerrors > 0) {
		diag_print(stderr, &diags);
		tty_error(_("fix the errors above before "
		    "indexing the topics\n"));
		rc = EXIT_FAILURE;
	} else if (library_index_save(&ix, &failed) == -1) {
		why = strerror(errno);
		diag_print(stderr, &diags);
		/* TRANSLATORS: a file and why. */
		tty_error(_("cannot write %s: %s\n"),
		    failed, why);
		rc = EXIT_FAILURE;
	} else {
		diag_print(stderr, &diags);
		tty_fputs("pamphlet: ", stdout);
		tty_printf(stdout, i18n_ui_plural("%zu topic file indexed in "
		    "%s\n", "%zu topic files indexed in %s\n", ix.parsed),
		    ix.parsed, o->cache);
	}
	library_index_free(&ix);
	diag_free(&diags);
	doc_library_free(&lib);
	return (rc);
}

/* The translation checks of --check --lang: where findings go. */
struct main_tr {
	struct diag_list	*diags;
	const struct i18n_lang	*lang;
	const char		*code;
	size_t			 n;
};

/*
 * One string of the topics in the language checked, as the viewer finds
 * it in its pack's catalogue; said at the English text's place.
 */
static void
main_check_tr(const struct tstr *ts, const char *file, const char *path,
    void *arg)
{
	struct main_tr		*tr = arg;
	struct tcheck_entry	 e;
	const char		*t;

	t = i18n_content(tr->lang, ts);
	if (t == NULL || t == tstr_msgid(ts))
		return;
	memset(&e, 0, sizeof(e));
	e.file = file;
	e.line = ts->line;
	e.col = ts->col;
	e.lang = tr->code;
	e.msgid = tstr_msgid(ts);
	e.msgstr = t;
	if ((e.flags = tcheck_comment_flags(path)) == 0)
		e.flags = TCHECK_EMPH;
	tr->n += tcheck_entry(tr->diags, &e);
}

static int
main_check(const struct main_opts *o, char **paths, int npaths)
{
	struct main_tr		 tr;
	struct library		 lib;
	struct diag_list	 diags;
	char			*safe;
	size_t			 errors, i;
	long			 stale;

	if (npaths == 0) {
		paths = o->content;
		npaths = (int)o->ncontent;
	}
	doc_library_init(&lib);
	diag_init(&diags);
	if (o->grade_limit > 0) {
		lib.settings.grade_limit = o->grade_limit;
		lib.settings.grade_set = 1;
	}
	errors = library_check_paths(paths, (size_t)npaths, &lib, &diags);
	/* The reading grades come first, the problems next to the summary. */
	errors += readability_check(&lib, stdout, &diags);
	/* With --lang, each translation of the topics too. */
	memset(&tr, 0, sizeof(tr));
	if (o->lang != NULL) {
		tr.diags = &diags;
		tr.lang = i18n_lang_default();
		tr.code = o->lang;
		i = diags.nerrors;
		pot_walk(&lib, main_check_tr, &tr);
		errors += diags.nerrors - i;
	}
	diag_sort(&diags);
	diag_print(stdout, &diags);
	/* TRANSLATORS: the summary of --check; the numbers are counts. */
	tty_printf(stdout, _("Files checked: %zu. Errors: %zu. Warnings: %zu.\n"),
	    lib.nfiles, errors, diags.nwarnings);
	/* An index that no longer matches slows the start: say so. */
	for (i = 0; i < lib.npacks; i++) {
		if ((stale = library_index_stale(lib.packs[i], o->cache)) <= 0)
			continue;
		/* A folder's name may hold escape sequences: show it safely. */
		safe = text_sanitize(lib.packs[i]->dir,
		    strlen(lib.packs[i]->dir), TEXT_FLOW, NULL);
		/* TRANSLATORS: a folder, a count. */
		tty_printf(stdout, i18n_ui_plural("the index of %s is out of "
		    "date for %ld topic file: 'pamphlet --index' updates it\n",
		    "the index of %s is out of date for %ld topic files: "
		    "'pamphlet --index' updates it\n", (unsigned long)stale),
		    safe, stale);
		free(safe);
	}
	diag_free(&diags);
	doc_library_free(&lib);
	/* A check in a language that is not there has not checked it. */
	return (errors > 0 || tr.n > 0 || o->lang_missing ? EXIT_FAILURE :
	    EXIT_SUCCESS);
}

/* Seconds between looks at the content while nobody reads. */
#define MAIN_RELOAD_EVERY	2

/*
 * What a kiosk says about new content goes to standard error: the
 * journal under systemd.  When that is the reader's terminal, it waits
 * until the screen is given back.
 */
static struct diag_list	main_later;

static void
main_log(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	if (msg == NULL)
		return;
	if (isatty(STDERR_FILENO))
		diag_add(&main_later, NULL, 0, 0, DIAG_IO, msg, NULL);
	else {
		tty_error("%s\n", msg);
		fflush(stderr);
	}
	free(msg);
}

/*
 * At an idle reset, with nobody reading: content that changed since it
 * was loaded is loaded again, whole and checked (no index), and shown
 * only if it has no errors at all.  Otherwise what is shown stays, and
 * why goes to the log; the same broken content is not tried again.
 */
static void
main_reload(const struct main_opts *o, struct library *lib, struct view *v,
    struct layout_opts *lo, const struct kiosk *kiosk, uint64_t *sig,
    uint64_t *failed)
{
	struct main_opts	 full = *o;
	struct library		 fresh;
	struct diag_list	 diags;
	uint64_t		 now;
	size_t			 i;
	int			 rc, cols, rows;
	char			*s;

	now = library_signature(o->content, o->ncontent);
	if (now == *sig || now == *failed)
		return;
	full.cache = NULL;
	rc = main_load_quiet(&full, &fresh, &diags);
	if (rc == -1 || diags.nerrors > 0) {
		for (i = 0; i < diags.n; i++) {
			if ((s = diag_format(&diags.items[i])) == NULL)
				continue;
			main_log("%s", s);
			free(s);
		}
		main_log(_("the new content has errors and is not shown; the "
		    "topics already shown stay until it is fixed"));
		*failed = now;
		diag_free(&diags);
		doc_library_free(&fresh);
		return;
	}
	diag_free(&diags);
	cols = v->cols;
	rows = v->rows;
	view_free(v);
	doc_library_free(lib);
	*lib = fresh;
	lo->emergency_number = lib->settings.emergency_number;
	view_init(v, lib, lo, kiosk, cols, rows);
	*sig = now;
	main_log(i18n_ui_plural("new content shown: %zu topic", "new content "
	    "shown: %zu topics", lib->ntopics), lib->ntopics);
}

static int
main_view(const struct main_opts *o, const char *topic, const char *section)
{
	struct library		 lib;
	struct layout_opts	 lo;
	struct tty_opts	 to;
	struct view		 v;
	struct kiosk		 kiosk;
	struct diag_list	 diags;
	uint32_t		 key;
	time_t			 last, looked = 0;
	uint64_t		 sig, failed = 0;
	int			 fresh;
	enum action		 a;
	enum keymap_mode	 mode;
	long			 t = -1, s = -1;
	size_t			 i;
	int			 cols, rows, rc, mx, my;

	main_viewing = 1;
	diag_init(&main_later);
	sig = library_signature(o->content, o->ncontent);
	if (main_load(o, &lib) == -1) {
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	if (topic != NULL && (t = main_find_topic(&lib, topic)) < 0) {
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	if (section != NULL &&
	    (s = doc_find_section(lib.topics[t], section)) < 0) {
		/* TRANSLATORS: first %s is a section id, second a topic id. */
		tty_error(_("no section '%s' in topic '%s'\n"),
		    section, topic);
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}

	memset(&kiosk, 0, sizeof(kiosk));
	kiosk.enabled = o->kiosk == 1;
	kiosk.idle = o->idle >= 0 ? o->idle :
	    (kiosk.enabled ? KIOSK_IDLE_DEFAULT : 0);
	if (o->exit_chord != NULL) {
		diag_init(&diags);
		rc = settings_chord(o->exit_chord, &kiosk, o->config, 0, 0,
		    &diags);
		diag_print(stderr, &diags);
		diag_free(&diags);
		if (rc == -1) {
			doc_library_free(&lib);
			return (EXIT_FAILURE);
		}
	}

	memset(&to, 0, sizeof(to));
	to.color = o->theme != RENDER_THEME_MONO &&
	    (!o->no_color || o->theme != -1);
	/* At a kiosk, Ctrl-C, Ctrl-Z and the like are only keys. */
	to.raw = kiosk.enabled;
	/* Mouse mode costs text selection: on for kiosks, or when asked. */
	to.mouse = o->mouse == 1 || (o->mouse == -1 && kiosk.enabled);
	if (tty_init(&to) == -1) {
		doc_library_free(&lib);
		return (EXIT_FAILURE);
	}
	xalloc_set_cleanup(tty_end);
	/* NO_COLOR asks for no colour; a theme named outright wins. */
	render_init(o->theme != -1 ? (enum render_theme)o->theme :
	    (o->no_color ? RENDER_THEME_MONO : RENDER_THEME_DEFAULT),
	    to.color);

	memset(&lo, 0, sizeof(lo));
	lo.ascii = !tty_utf8();
	lo.lang = i18n_lang_default();
	lo.plain = o->plain;
	lo.emergency_number = lib.settings.emergency_number;
	tty_size(&cols, &rows);
	view_init(&v, &lib, &lo, &kiosk, cols, rows);
	if (t >= 0)
		view_open(&v, t, s);

	last = main_now();
	fresh = t < 0;
	for (;;) {
		/* A paste or a held key is handled before the next draw. */
		if (!tty_pending())
			render_draw(&v);
		rc = tty_read(kiosk.idle > 0 ? 1000 : -1, &key);
		if (rc == TTY_QUIT)
			break;
		if (rc == TTY_TIMEOUT) {
			if (kiosk.idle <= 0 || main_now() - last < kiosk.idle)
				continue;
			/* Left alone: ready for the next reader. */
			if (!fresh) {
				view_reset(&v);
				tty_forget();
				fresh = 1;
			}
			/* Nobody reads: new content can come in now. */
			if (main_now() - looked >= MAIN_RELOAD_EVERY) {
				looked = main_now();
				main_reload(o, &lib, &v, &lo, &kiosk, &sig,
				    &failed);
				tty_forget();
			}
			continue;
		}
		last = main_now();
		fresh = 0;
		if (kiosk_chord_feed(&kiosk, key))
			break;
		if (key == KEYMAP_RESIZE) {
			tty_size(&cols, &rows);
			view_resize(&v, cols, rows);
			continue;
		}
		if (key == KEYMAP_MOUSE) {
			switch (tty_mouse(&mx, &my)) {
			case TTY_MOUSE_TAP:
				if (view_tap(&v, mx, my))
					goto done;
				break;
			case TTY_MOUSE_WHEEL_UP:
				view_wheel(&v, -1);
				break;
			case TTY_MOUSE_WHEEL_DOWN:
				view_wheel(&v, 1);
				break;
			default:
				break;
			}
			continue;
		}
		mode = view_mode(&v);
		if ((mode == KEYMAP_SEARCH || mode == KEYMAP_PROMPT) &&
		    keymap_is_text(key)) {
			view_type(&v, key);
			continue;
		}
		a = keymap_lookup(mode, key);
		if (a == ACT_REDRAW) {
			render_redraw();
			continue;
		}
		if (a == ACT_NONE) {
			/* TRANSLATORS: a message on the status line, which it
			   has to itself. At most 39 columns. */
			v.message = _("No such key here. Press ? for help.");
			continue;
		}
		if (view_apply(&v, a))
			break;
	}
done:
	tty_end();
	xalloc_set_cleanup(NULL);
	rc = tty_signal();
	view_free(&v);
	doc_library_free(&lib);
	/* What could not be said while the screen was the reader's. */
	for (i = 0; i < main_later.n; i++)
		tty_error("%s\n", main_later.items[i].arg);
	diag_free(&main_later);
	return (rc != 0 ? 128 + rc : EXIT_SUCCESS);
}

/*
 * Runs at exit: output that could not be written is a failure, whatever
 * the command, so that "pamphlet --list > full-disk/file" does not look
 * as if it worked.  A pipe closed early by its reader (SIGPIPE ignored)
 * is the reader's choice and not reported.
 */
static void
main_close_stdout(void)
{
	int	err = 0;

	/* The pager's screen is the terminal's business, not a result. */
	if (main_viewing)
		return;
	if (fflush(stdout) != 0 || ferror(stdout))
		err = errno != 0 ? errno : EIO;
	if (fclose(stdout) != 0 && err == 0)
		err = errno;
	if (err == 0 || err == EPIPE)
		return;
	tty_error(_("write error: %s\n"), strerror(err));
	_exit(EXIT_FAILURE);
}

int
main(int argc, char *argv[])
{
	static char		*dflt[2] = {
		(char *)PAMPHLET_LOCAL_PACKS, (char *)PAMPHLET_VENDOR_PACKS
	};
	struct main_opts	 o;
	struct settings		 set;
	char			*end;
	long			 n;
	int			 c, rc, read_settings;

	atexit(main_close_stdout);
	i18n_set_msgids(i18n_msgids, i18n_nmsgids);
	main_i18n(NULL);
	memset(&o, 0, sizeof(o));
	o.command = CMD_VIEW;
	o.grade_limit = -1;
	o.width = 72;
	o.kiosk = -1;
	o.idle = -1;
	o.theme = -1;
	o.mouse = -1;
	o.no_color = getenv("NO_COLOR") != NULL && *getenv("NO_COLOR") != '\0';

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", main_longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CHECK:
			o.command = CMD_CHECK;
			break;
		case OPT_CONFIG:
			o.config = optarg;
			break;
		case OPT_CACHE:
			o.cache = optarg;
			break;
		case OPT_CONTENT:
			xgrow(&o.content, &o.contentcap, o.ncontent + 1,
			    sizeof(*o.content));
			o.content[o.ncontent++] = optarg;
			o.content_set = 1;
			break;
		case OPT_IDLE:
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 0 ||
			    n > 86400)
				main_usage_error(_("the idle time must be a "
				    "number of seconds from 0 to 86400, not "
				    "'%s'; try 'pamphlet --help'"), optarg);
			o.idle = (int)n;
			break;
		case OPT_INDEX:
			o.command = CMD_INDEX;
			break;
		case OPT_KIOSK:
			o.kiosk = 1;
			break;
		case OPT_DUMP:
			o.command = CMD_DUMP;
			o.dump_topic = optarg;
			break;
		case OPT_EMERGENCY:
			if (!doc_phone_valid(optarg))
				main_usage_error(_("'%s' is not a phone number: "
				    "use digits, spaces and + - ( ) only"),
				    optarg);
			o.emergency_number = optarg;
			break;
		case OPT_EXTRACT:
			o.command = CMD_EXTRACT;
			break;
		case OPT_HELP:
			main_help();
			return (EXIT_SUCCESS);
		case OPT_LANG:
			if (i18n_set_language(optarg) == -1)
				/* TRANSLATORS: %s is what was typed. */
				main_usage_error(_("'%s' is not a language "
				    "code; use a code such as de, es or pt_BR"),
				    optarg);
			o.lang = optarg;
			break;
		case OPT_LIST:
			o.command = CMD_LIST;
			break;
		case OPT_MOUSE:
		case OPT_NO_MOUSE:
			o.mouse = c == OPT_MOUSE;
			break;
		case OPT_PLAIN:
			o.plain = 1;
			break;
		case OPT_THEME:
			if ((o.theme = render_theme_parse(optarg)) == -1)
				main_usage_error(_("unknown theme '%s': use "
				    "default, high-contrast or mono"), optarg);
			break;
		case OPT_VERSION:
			main_version();
			return (EXIT_SUCCESS);
		case OPT_WIDTH:
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 20 ||
			    n > 1000)
				main_usage_error(_("the width must be a number "
				    "from 20 to 1000, not '%s'; try 'pamphlet "
				    "--help'"), optarg);
			o.width = (int)n;
			break;
		case ':':
			main_usage_error(_("option '%s' needs a value; try "
			    "'pamphlet --help'"), argv[optind - 1]);
			break;
		default:
			main_usage_error(_("unknown option '%s'; try "
			    "'pamphlet --help'"), argv[optind - 1]);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	/* The installed settings are read when they are there. */
	if (o.config == NULL && access(SETTINGS_PATH, F_OK) == 0)
		o.config = SETTINGS_PATH;
	read_settings = o.config != NULL;
	if (read_settings && main_settings(&o, &set) == -1) {
		settings_free(&set);
		free(o.content);
		return (EXIT_FAILURE);
	}
	/* Of the installed folders, those that are not there are skipped. */
	if (o.ncontent == 0) {
		o.content = dflt;
		if (access(dflt[0], F_OK) == -1)
			o.content++;
		o.ncontent = (size_t)(dflt + 2 - o.content);
		if (access(dflt[1], F_OK) == -1 && o.ncontent == 2)
			o.ncontent = 1;
	}
	if (o.cache == NULL)
		o.cache = PAMPHLET_CACHEDIR;
	/* The language asked for is also the one to go back to. */
	if (o.lang != NULL) {
		main_i18n(o.lang);
		/* Never English in its place without a word. */
		if (!i18n_installed(o.lang)) {
			/* TRANSLATORS: %s is a language code. */
			tty_error(_("no translation into '%s' "
			    "is installed; the program and topics show in "
			    "English\n"), o.lang);
			o.lang_missing = 1;
		}
	}
	/* The viewer says it on its status line. */
	if (i18n_unshown() != NULL && o.command != CMD_VIEW)
		main_unshown();

	rc = main_run(&o, argv, argc);
	if (o.content_set)
		free(o.content);
	if (read_settings)
		settings_free(&set);
	return (rc);
}

/*
 * Sets up the locale and the language, and says what is wrong with the
 * translations, on a terminal whose character set the locale gave.
 */
static void
main_i18n(const char *lang)
{
	char	*w;

	tty_set_utf8(i18n_init(lang));
	while ((w = i18n_warning()) != NULL) {
		tty_fputs(w, stderr);
		free(w);
	}
}

static int
main_run(struct main_opts *o, char **argv, int argc)
{
	switch (o->command) {
	case CMD_CHECK:
		return (main_check(o, argv, argc));
	case CMD_EXTRACT:
		if (argc > 0)
			main_usage_error(_("unexpected argument '%s'; try "
			    "'pamphlet --help'"), argv[0]);
		return (main_extract(o));
	case CMD_INDEX:
		if (argc > 0)
			main_usage_error(_("unexpected argument '%s'; try "
			    "'pamphlet --help'"), argv[0]);
		return (main_index(o));
	case CMD_LIST:
	case CMD_DUMP:
		if (argc > 0)
			main_usage_error(_("unexpected argument '%s'; try "
			    "'pamphlet --help'"), argv[0]);
		return (o->command == CMD_LIST ? main_list(o) : main_dump(o));
	default:
		if (argc > 2)
			main_usage_error(_("unexpected argument '%s'; try "
			    "'pamphlet --help'"), argv[2]);
		return (main_view(o, argc > 0 ? argv[0] : NULL,
		    argc > 1 ? argv[1] : NULL));
	}
}

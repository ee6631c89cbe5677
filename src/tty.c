/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Terminal set-up and input.  Signal handlers only set a flag; the main
 * loop sees it through tty_read() and ends cleanly.  A crash handler
 * writes a reset string made in advance and restores the saved terminal
 * modes before the signal is raised again.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>		/* ncurses: terminfo */
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "keymap.h"
#include "text.h"
#include "tty.h"

static volatile sig_atomic_t	 tty_caught;

/*
 * Keys that a terminal sends though its description may not name them:
 * vt100's has no Page Up, Page Down, Home or End, yet terminals that
 * call themselves one send the VT220 sequences for these keys.
 */
static const struct {
	const char	*cap;	/* the terminfo capability */
	const char	*seq;
	int		 key;
} tty_extra_keys[] = {
	{ "kpp", "\033[5~", KEY_PPAGE },
	{ "knp", "\033[6~", KEY_NPAGE },
	{ "khome", "\033[1~", KEY_HOME },
	{ "kend", "\033[4~", KEY_END },
};
static int			 tty_wake[2] = { -1, -1 };	/* self-pipe */
static int			 tty_active;
static int			 tty_have_tios;
static struct termios		 tty_tios;
static char			 tty_reset[256];
static size_t			 tty_resetlen;
static SCREEN			*tty_screen;
static int			 tty_utf8_on;

static void	tty_on_signal(int);
static void	tty_on_crash(int);
static void	tty_make_reset(void);
static uint32_t	tty_translate(int, wint_t);
static int	tty_eof(void);

/* Sets the flag and wakes the poll in tty_read: nothing else. */
static void
tty_on_signal(int sig)
{
	int	saved = errno;
	char	c = 1;
	ssize_t	n;

	tty_caught = sig;
	if (tty_wake[1] != -1) {
		n = write(tty_wake[1], &c, 1);
		(void)n;
	}
	errno = saved;
}

/* Async-signal-safe: write, tcsetattr, signal, raise. */
static void
tty_on_crash(int sig)
{
	if (tty_active) {
		ssize_t	n = write(STDOUT_FILENO, tty_reset, tty_resetlen);

		(void)n;
		if (tty_have_tios)
			tcsetattr(STDIN_FILENO, TCSANOW, &tty_tios);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
tty_add_cap(const char *name)
{
	const char	*s = tigetstr(name);
	size_t		 n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (tty_resetlen + n < sizeof(tty_reset)) {
		memcpy(tty_reset + tty_resetlen, s, n);
		tty_resetlen += n;
	}
}

/* What a crash must send: attributes off, cursor on, main screen back. */
static void
tty_make_reset(void)
{
	static const char	mouse_off[] = "\033[?1000l\033[?1006l";

	tty_resetlen = 0;
	tty_add_cap("sgr0");
	tty_add_cap("cnorm");
	tty_add_cap("rmkx");
	tty_add_cap("rmcup");
	memcpy(tty_reset + tty_resetlen, mouse_off, sizeof(mouse_off) - 1);
	tty_resetlen += sizeof(mouse_off) - 1;
}

int
tty_init(const struct tty_opts *o)
{
	static const int	 quit_sigs[] = {
		SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE
	};
	static const int	 crash_sigs[] = {
		SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL
	};
	struct sigaction	 sa;
	unsigned		 i;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "pamphlet: %s\n",
		    _("the viewer needs a terminal; use --dump to print a "
		    "topic"));
		return (-1);
	}
	tty_have_tios = tcgetattr(STDIN_FILENO, &tty_tios) == 0;
	if ((tty_screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "pamphlet: %s\n",
		    _("this terminal type is not supported; use --dump to "
		    "print a topic"));
		return (-1);
	}
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		endwin();
		delscreen(tty_screen);
		tty_screen = NULL;
		fprintf(stderr, "pamphlet: %s\n",
		    _("this terminal cannot move the cursor; use --dump to "
		    "print a topic"));
		return (-1);
	}
	tty_make_reset();
	tty_active = 1;

	if (o->raw)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	for (i = 0; i < sizeof(tty_extra_keys) / sizeof(tty_extra_keys[0]);
	    i++) {
		const char *cap = tigetstr(tty_extra_keys[i].cap);

		if ((cap == NULL || cap == (char *)-1) &&
		    key_defined(tty_extra_keys[i].seq) == 0)
			define_key(tty_extra_keys[i].seq, tty_extra_keys[i].key);
	}
	scrollok(stdscr, FALSE);
	leaveok(stdscr, FALSE);
	set_escdelay(50);
	curs_set(0);
	if (o->mouse) {
		/* No click timing: a tap acts at once. */
		mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	if (o->color && has_colors()) {
		start_color();
		use_default_colors();
	}

	/* A signal between the flag check and poll() still wakes poll(). */
	if (tty_wake[0] == -1 && pipe(tty_wake) == 0) {
		fcntl(tty_wake[0], F_SETFL, O_NONBLOCK);
		fcntl(tty_wake[1], F_SETFL, O_NONBLOCK);
		fcntl(tty_wake[0], F_SETFD, FD_CLOEXEC);
		fcntl(tty_wake[1], F_SETFD, FD_CLOEXEC);
	}
	/* After initscr, so that ours replace the handlers of curses. */
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = tty_on_signal;
	for (i = 0; i < sizeof(quit_sigs) / sizeof(quit_sigs[0]); i++)
		sigaction(quit_sigs[i], &sa, NULL);
	sa.sa_handler = tty_on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof(crash_sigs) / sizeof(crash_sigs[0]); i++)
		sigaction(crash_sigs[i], &sa, NULL);
	return (0);
}

void
tty_end(void)
{
	if (!tty_active)
		return;
	tty_active = 0;
	curs_set(1);
	endwin();
	fflush(stdout);
	if (tty_have_tios)
		tcsetattr(STDIN_FILENO, TCSANOW, &tty_tios);
	if (tty_screen != NULL) {
		delscreen(tty_screen);
		tty_screen = NULL;
	}
}

int
tty_signal(void)
{
	return (tty_caught);
}

void
tty_size(int *cols, int *rows)
{
	getmaxyx(stdscr, *rows, *cols);
}

static uint32_t
tty_translate(int rc, wint_t c)
{
	if (rc == KEY_CODE_YES) {
		switch (c) {
		case KEY_UP:		return (KEYMAP_UP);
		case KEY_DOWN:		return (KEYMAP_DOWN);
		case KEY_LEFT:		return (KEYMAP_LEFT);
		case KEY_RIGHT:		return (KEYMAP_RIGHT);
		case KEY_PPAGE:		return (KEYMAP_PGUP);
		case KEY_NPAGE:		return (KEYMAP_PGDN);
		case KEY_HOME:		return (KEYMAP_HOME);
		case KEY_END:		return (KEYMAP_END);
		case KEY_ENTER:		return (KEYMAP_ENTER);
		case KEY_BACKSPACE:	return (KEYMAP_BACKSPACE);
		case KEY_BTAB:		return (KEYMAP_BACKTAB);
		case KEY_RESIZE:	return (KEYMAP_RESIZE);
		case KEY_MOUSE:		return (KEYMAP_MOUSE);
		default:
			/* Each F-key its own: an exit chord names exact keys. */
			if (c >= KEY_F0 && c <= KEY_F(63))
				return (KEYMAP_F(c - KEY_F0));
			return (KEYMAP_OTHER);
		}
	}
	switch (c) {
	case '\r':
	case '\n':
		return (KEYMAP_ENTER);
	case '\t':
		return (KEYMAP_TAB);
	case 0x7f:
	case '\b':
		return (KEYMAP_BACKSPACE);
	case 0x1b:
		return (KEYMAP_ESC);
	default:
		return ((uint32_t)c);
	}
}

/*
 * Readable, yet curses found no key: either part of a sequence or the end
 * of input.  With nothing buffered, a non-blocking read tells them apart
 * without taking a byte from curses.
 */
static int
tty_eof(void)
{
	char	c;
	int	avail = 0, fl;
	ssize_t	n;

	if (ioctl(STDIN_FILENO, FIONREAD, &avail) == -1 || avail > 0)
		return (0);
	if ((fl = fcntl(STDIN_FILENO, F_GETFL)) == -1)
		return (1);
	fcntl(STDIN_FILENO, F_SETFL, fl | O_NONBLOCK);
	n = read(STDIN_FILENO, &c, 1);
	fcntl(STDIN_FILENO, F_SETFL, fl);
	if (n == 1)
		ungetch((unsigned char)c);
	return (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR));
}

int
tty_read(int ms, uint32_t *key)
{
	struct pollfd	pfd[2];
	wint_t		c;
	int		rc, n;

	for (;;) {
		if (tty_caught)
			return (TTY_QUIT);
		/* Keys curses has already read come first. */
		nodelay(stdscr, TRUE);
		rc = wget_wch(stdscr, &c);
		if (rc != ERR) {
			*key = tty_translate(rc, c);
			return (TTY_KEY);
		}
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		pfd[1].fd = tty_wake[0];
		pfd[1].events = POLLIN;
		pfd[1].revents = 0;
		n = poll(pfd, tty_wake[0] != -1 ? 2 : 1, ms);
		if (n < 0) {
			if (errno == EINTR)
				continue;	/* a resize or a signal */
			return (TTY_QUIT);
		}
		if (n == 0)
			return (TTY_TIMEOUT);
		if (pfd[1].revents & POLLIN)
			continue;		/* tty_caught is set */
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal is gone: end, do not spin. */
			tty_caught = SIGHUP;
			return (TTY_QUIT);
		}
		rc = wget_wch(stdscr, &c);
		if (rc == ERR) {
			if (tty_eof()) {
				tty_caught = SIGHUP;
				return (TTY_QUIT);
			}
			continue;	/* part of a sequence */
		}
		*key = tty_translate(rc, c);
		return (TTY_KEY);
	}
}

int
tty_pending(void)
{
	struct pollfd	pfd;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	return (poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN));
}

/* A terminfo string, or NULL if the terminal has none. */
static const char *
tty_cap(const char *name)
{
	const char	*s = tigetstr(name);

	return (s == (char *)-1 ? NULL : s);
}

/*
 * Each line is erased where it is first: many terminals (and the Linux
 * console) keep what a clear removes in their history, where the next
 * reader could scroll back to it.  Then the clear, then the history
 * (E3), all written out at once, before anything of the next screen.
 * curses last drew with attributes off, so the erased lines are blank.
 */
void
tty_forget(void)
{
	const char	*el = tty_cap("el"), *clear = tty_cap("clear");
	const char	*e3 = tty_cap("E3");
	int		 y;

	/* putp writes through stdio: out with fflush, not at exit. */
	for (y = 0; el != NULL && y < LINES; y++) {
		putp(tiparm(tty_cap("cup"), y, 0));
		putp(el);
	}
	if (clear != NULL)
		putp(clear);
	if (e3 != NULL)
		putp(e3);
	fflush(stdout);
	clearok(curscr, TRUE);
}

enum tty_mouse
tty_mouse(int *x, int *y)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK)
		return (TTY_MOUSE_NONE);
	*x = ev.x;
	*y = ev.y;
	if (ev.bstate & BUTTON4_PRESSED)
		return (TTY_MOUSE_WHEEL_UP);
	if (ev.bstate & BUTTON5_PRESSED)
		return (TTY_MOUSE_WHEEL_DOWN);
	/* Act on the press; the release of the same tap is ignored. */
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return (TTY_MOUSE_TAP);
	return (TTY_MOUSE_NONE);
}

void
tty_set_utf8(int on)
{
	tty_utf8_on = on;
}

int
tty_utf8(void)
{
	return (tty_utf8_on);
}

int
tty_fputs(const char *s, FILE *fp)
{
	char	*a;
	int	 rc;

	if (tty_utf8_on)
		return (fputs(s, fp));
	a = text_to_ascii_as(s, strlen(s),
	    i18n_ascii_flags(i18n_lang_current()));
	rc = fputs(a, fp);
	free(a);
	return (rc);
}

/*
 * Formats a message after prefix and writes it in one piece, so that
 * messages from two processes do not mix; -1 when it cannot.
 */
static int
tty_vprint(FILE *fp, const char *prefix, const char *fmt, va_list ap)
{
	char	*s, *line;
	size_t	 plen = strlen(prefix);
	int	 n;

	if (vasprintf(&s, fmt, ap) < 0)
		return (-1);
	if ((line = malloc(plen + strlen(s) + 1)) == NULL) {
		free(s);
		return (-1);
	}
	memcpy(line, prefix, plen);
	strcpy(line + plen, s);
	n = tty_fputs(line, fp);
	free(line);
	free(s);
	return (n);
}

int
tty_printf(FILE *fp, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = tty_vprint(fp, "", fmt, ap);
	va_end(ap);
	return (n);
}

int
tty_error(const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = tty_vprint(stderr, "pamphlet: ", fmt, ap);
	va_end(ap);
	return (n);
}

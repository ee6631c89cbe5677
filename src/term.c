/*
 * Terminal set-up and input.  Signal handlers only set a flag; the main
 * loop sees it through term_read() and ends cleanly.  A crash handler
 * writes a reset string made in advance and restores the saved terminal
 * modes before the signal is raised again.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "keymap.h"
#include "term.h"

static volatile sig_atomic_t	 term_caught;
static int			 term_wake[2] = { -1, -1 };	/* self-pipe */
static int			 term_active;
static int			 term_have_tios;
static struct termios		 term_tios;
static char			 term_reset[256];
static size_t			 term_resetlen;
static SCREEN			*term_screen;

static void	term_on_signal(int);
static void	term_on_crash(int);
static void	term_make_reset(void);
static uint32_t	term_translate(int, wint_t);
static int	term_eof(void);

/* Sets the flag and wakes the poll in term_read: nothing else. */
static void
term_on_signal(int sig)
{
	int	saved = errno;
	char	c = 1;
	ssize_t	n;

	term_caught = sig;
	if (term_wake[1] != -1) {
		n = write(term_wake[1], &c, 1);
		(void)n;
	}
	errno = saved;
}

/* Async-signal-safe: write, tcsetattr, signal, raise. */
static void
term_on_crash(int sig)
{
	if (term_active) {
		ssize_t	n = write(STDOUT_FILENO, term_reset, term_resetlen);

		(void)n;
		if (term_have_tios)
			tcsetattr(STDIN_FILENO, TCSANOW, &term_tios);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
term_add_cap(const char *name)
{
	const char	*s = tigetstr(name);
	size_t		 n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (term_resetlen + n < sizeof(term_reset)) {
		memcpy(term_reset + term_resetlen, s, n);
		term_resetlen += n;
	}
}

/* What a crash must send: attributes off, cursor on, main screen back. */
static void
term_make_reset(void)
{
	static const char	mouse_off[] = "\033[?1000l\033[?1006l";

	term_resetlen = 0;
	term_add_cap("sgr0");
	term_add_cap("cnorm");
	term_add_cap("rmkx");
	term_add_cap("rmcup");
	memcpy(term_reset + term_resetlen, mouse_off, sizeof(mouse_off) - 1);
	term_resetlen += sizeof(mouse_off) - 1;
}

int
term_init(const struct term_opts *o)
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
	term_have_tios = tcgetattr(STDIN_FILENO, &term_tios) == 0;
	if ((term_screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "pamphlet: %s\n",
		    _("this terminal type is not supported; use --dump to "
		    "print a topic"));
		return (-1);
	}
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		endwin();
		delscreen(term_screen);
		term_screen = NULL;
		fprintf(stderr, "pamphlet: %s\n",
		    _("this terminal cannot move the cursor; use --dump to "
		    "print a topic"));
		return (-1);
	}
	term_make_reset();
	term_active = 1;

	if (o->raw)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
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
	if (term_wake[0] == -1 && pipe(term_wake) == 0) {
		fcntl(term_wake[0], F_SETFL, O_NONBLOCK);
		fcntl(term_wake[1], F_SETFL, O_NONBLOCK);
		fcntl(term_wake[0], F_SETFD, FD_CLOEXEC);
		fcntl(term_wake[1], F_SETFD, FD_CLOEXEC);
	}
	/* After initscr, so that ours replace the handlers of curses. */
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = term_on_signal;
	for (i = 0; i < sizeof(quit_sigs) / sizeof(quit_sigs[0]); i++)
		sigaction(quit_sigs[i], &sa, NULL);
	sa.sa_handler = term_on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof(crash_sigs) / sizeof(crash_sigs[0]); i++)
		sigaction(crash_sigs[i], &sa, NULL);
	return (0);
}

void
term_end(void)
{
	if (!term_active)
		return;
	term_active = 0;
	curs_set(1);
	endwin();
	fflush(stdout);
	if (term_have_tios)
		tcsetattr(STDIN_FILENO, TCSANOW, &term_tios);
	if (term_screen != NULL) {
		delscreen(term_screen);
		term_screen = NULL;
	}
}

int
term_signal(void)
{
	return (term_caught);
}

void
term_size(int *cols, int *rows)
{
	getmaxyx(stdscr, *rows, *cols);
}

static uint32_t
term_translate(int rc, wint_t c)
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
term_eof(void)
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
term_read(int ms, uint32_t *key)
{
	struct pollfd	pfd[2];
	wint_t		c;
	int		rc, n;

	for (;;) {
		if (term_caught)
			return (TERM_QUIT);
		/* Keys curses has already read come first. */
		nodelay(stdscr, TRUE);
		rc = wget_wch(stdscr, &c);
		if (rc != ERR) {
			*key = term_translate(rc, c);
			return (TERM_KEY);
		}
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		pfd[1].fd = term_wake[0];
		pfd[1].events = POLLIN;
		pfd[1].revents = 0;
		n = poll(pfd, term_wake[0] != -1 ? 2 : 1, ms);
		if (n < 0) {
			if (errno == EINTR)
				continue;	/* a resize or a signal */
			return (TERM_QUIT);
		}
		if (n == 0)
			return (TERM_TIMEOUT);
		if (pfd[1].revents & POLLIN)
			continue;		/* term_caught is set */
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal is gone: end, do not spin. */
			term_caught = SIGHUP;
			return (TERM_QUIT);
		}
		rc = wget_wch(stdscr, &c);
		if (rc == ERR) {
			if (term_eof()) {
				term_caught = SIGHUP;
				return (TERM_QUIT);
			}
			continue;	/* part of a sequence */
		}
		*key = term_translate(rc, c);
		return (TERM_KEY);
	}
}

int
term_pending(void)
{
	struct pollfd	pfd;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	return (poll(&pfd, 1, 0) > 0 && (pfd.revents & POLLIN));
}

/* A terminfo string, or NULL if the terminal has none. */
static const char *
term_cap(const char *name)
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
term_forget(void)
{
	const char	*el = term_cap("el"), *clear = term_cap("clear");
	const char	*e3 = term_cap("E3");
	int		 y;

	/* putp writes through stdio: out with fflush, not at exit. */
	for (y = 0; el != NULL && y < LINES; y++) {
		putp(tiparm(term_cap("cup"), y, 0));
		putp(el);
	}
	if (clear != NULL)
		putp(clear);
	if (e3 != NULL)
		putp(e3);
	fflush(stdout);
	clearok(curscr, TRUE);
}

enum term_mouse
term_mouse(int *x, int *y)
{
	MEVENT	ev;

	if (getmouse(&ev) != OK)
		return (TERM_MOUSE_NONE);
	*x = ev.x;
	*y = ev.y;
	if (ev.bstate & BUTTON4_PRESSED)
		return (TERM_MOUSE_WHEEL_UP);
	if (ev.bstate & BUTTON5_PRESSED)
		return (TERM_MOUSE_WHEEL_DOWN);
	/* Act on the press; the release of the same tap is ignored. */
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return (TERM_MOUSE_TAP);
	return (TERM_MOUSE_NONE);
}

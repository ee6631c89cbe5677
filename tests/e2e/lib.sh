# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end helpers: run pamphlet in a real terminal inside tmux, under an
# interactive shell so that job control is real, send keys, and read the
# screen.  Every wait polls the screen against a deadline; nothing sleeps
# for a fixed time and hopes.

. "${top_srcdir:-.}/tests/lib.sh"

[ -n "${TMUX_BIN-}" ] || TMUX_BIN=$(command -v tmux)
[ -x "$TMUX_BIN" ] || tap_skip_all "tmux is not installed"
[ -x "$PAMPHLET" ] || tap_skip_all "no pamphlet binary at $PAMPHLET"

# Seconds to wait for the screen before a case fails.
: "${E2E_TIMEOUT:=10}"
e2e_sock=pamphlet-e2e-$$
e2e_nsock=0
e2e_content=$(cd "$top_srcdir" && pwd)/content

e2e_tmux() { "$TMUX_BIN" -L "$e2e_sock" -f /dev/null "$@"; }

# e2e_start COLS ROWS [ENV=VALUE...]: a new terminal with a shell prompt.
e2e_start() {
	cols=$1 rows=$2
	shift 2
	e2e_stop
	# A fresh server each time: no race with the one being stopped.
	e2e_nsock=$((e2e_nsock + 1))
	e2e_sock=pamphlet-e2e-$$-$e2e_nsock
	e2e_tmux new-session -d -s e2e -x "$cols" -y "$rows" \
	    env -i HOME="$tap_tmp" PATH="$PATH" TERM="${E2E_TERM:-screen}" \
	    LANG=C.UTF-8 PS1='e2e$ ' HISTFILE=/dev/null \
	    PAMPHLET_LOCALEDIR="${PAMPHLET_LOCALEDIR-}" \
	    PAMPHLET_REAL="${PAMPHLET_REAL-}" VALGRIND_LOG="${VALGRIND_LOG-}" \
	    QEMU="${QEMU-}" \
	    "$@" bash --norc --noprofile -i ||
		return 1
	e2e_tmux set-option -g status off >/dev/null
	e2e_tmux set-option -g remain-on-exit on >/dev/null
	e2e_wait_for 'e2e$'
}

# e2e_stop: ends the terminal.  A program still running in it is asked
# to end first, with SIGTERM, and given a few seconds: the hang-up that
# killing the terminal sends comes with SIGCONT, which can cancel the
# stop LeakSanitizer's exit-time check waits for, leaving a sanitized
# build spinning for ever.
e2e_stop() {
	shell=$(e2e_tmux display-message -p -t e2e '#{pane_pid}' 2>/dev/null)
	if [ -n "$shell" ]; then
		kids=$(pgrep -P "$shell" 2>/dev/null)
		if [ -n "$kids" ]; then
			# shellcheck disable=SC2086
			kill -TERM $kids 2>/dev/null
			deadline=$(( $(date +%s) + 5 ))
			while [ "$(date +%s)" -lt "$deadline" ] &&
			    e2e_any_alive $kids; do
				sleep 0.05
			done
		fi
	fi
	e2e_tmux kill-server >/dev/null 2>&1
	return 0
}

# e2e_any_alive PID...: true if one of them has not ended (a zombie has).
e2e_any_alive() {
	for p in "$@"; do
		st=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | cut -d' ' -f1)
		[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ] && return 0
	done
	return 1
}

# e2e_type TEXT: types a command line and presses Enter.
e2e_type() {
	e2e_tmux send-keys -t e2e -l "$1" && e2e_tmux send-keys -t e2e Enter
}

# e2e_keys KEY...: tmux key names (Down, PageDown, BSpace, C-c, q ...).
e2e_keys() { e2e_tmux send-keys -t e2e "$@"; }

e2e_screen() { e2e_tmux capture-pane -t e2e -p; }

# e2e_wait_for TEXT: waits until TEXT (fixed string) is on the screen.
e2e_wait_for() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		e2e_screen | grep -F -q -- "$1" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.05
	done
	e2e_last_screen=$(e2e_screen)
	return 1
}

# e2e_wait_gone TEXT: waits until TEXT is no longer on the screen.
e2e_wait_gone() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		e2e_screen | grep -F -q -- "$1" || return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.05
	done
	e2e_last_screen=$(e2e_screen)
	return 1
}

# e2e_wait_line N TEXT: waits until screen line N (1-based) contains TEXT.
e2e_wait_line() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		e2e_screen | sed -n "$1p" | grep -F -q -- "$2" && return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.05
	done
	e2e_last_screen=$(e2e_screen)
	return 1
}

# e2e_wait_file FILE TEXT N: waits until TEXT occurs on at least N lines
# of FILE, such as a capture that tmux writes behind the screen.
e2e_wait_file() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		[ "$(grep -F -c -- "$2" "$1" 2>/dev/null)" -ge "$3" ] 2>/dev/null &&
			return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.05
	done
	e2e_last_screen="$1 has $(grep -F -c -- "$2" "$1" 2>/dev/null) lines with '$2', not $3"
	return 1
}

# e2e_scroll_until TEXT KEY: presses KEY, waiting for the screen to move
# each time, until TEXT shows (at most 60 presses).
e2e_scroll_until() {
	tries=0
	until e2e_screen | grep -F -q -- "$1"; do
		tries=$((tries + 1))
		[ "$tries" -gt 60 ] && return 1
		before=$(e2e_screen)
		e2e_keys "$2"
		e2e_wait_change "$before" || return 1
	done
}

# e2e_wait_change SCREEN: waits until the screen differs from SCREEN.
e2e_wait_change() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		[ "$(e2e_screen)" != "$1" ] && return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		sleep 0.05
	done
	e2e_last_screen=$(e2e_screen)
	return 1
}

e2e_resize() { e2e_tmux resize-window -t e2e -x "$1" -y "$2"; }

# The pid of the program running in the pane's shell, if any.
e2e_child_pid() {
	shell=$(e2e_tmux display-message -p -t e2e '#{pane_pid}')
	pgrep -P "$shell" -n
}

# e2e_skip NAME REASON: a case that cannot run here.
e2e_skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1 # SKIP $2"; }

# e2e_case NAME COMMAND...: runs a check; on failure shows the screen.
e2e_case() {
	e2e_case_name=$1
	shift
	e2e_last_screen=
	if "$@"; then
		tap_ok "$e2e_case_name"
	else
		tap_fail "$e2e_case_name" "screen:" \
		    "${e2e_last_screen:-$(e2e_screen)}"
	fi
}

tap_tmpdir
trap 'e2e_stop; rm -rf "$tap_tmp"' EXIT

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Signals end to end, measured: each signal that asks the viewer to end
# ends it with status 128+signal and the terminal as it was, using little
# processor time to do so, in the pager (cbreak) and at a kiosk (raw,
# mouse on); closing the terminal ends it the same way, without a busy
# loop; and a crash still gives the terminal and the shell prompt back.
# pager.sh and kiosk.sh check TERM, Ctrl-C, HUP and SEGV without the
# bound.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# Mouse reports on, so that a kiosk's mouse mode shows in the checks.
E2E_TERM=xterm-256color
run="$PAMPHLET --content $e2e_content"
# The CPU time, user plus system, the viewer may use from the signal to
# its end, in ms; slow builds (sanitizers) stretch it by HOSTILE_SLOW.
# The clock bounds only how long to wait for an end (E2E_TIMEOUT).
bound_ms=$(( 200 * ${HOSTILE_SLOW:-1} ))
hz=$(getconf CLK_TCK)
tap_plan 15

# Starts the viewer with saved terminal modes to compare at the end.
start_viewer() {
	e2e_start 80 24 HISTFILE=/dev/null || return 1
	e2e_type "stty -g > $tap_tmp/stty.before; times > $tap_tmp/times.0; $run $1; rc=\$?; times > $tap_tmp/times.1; stty -g > $tap_tmp/stty.after; echo exit=\$rc" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(e2e_child_pid) && [ -n "$pid" ]
}

# proc_stat PID: sets st to the state of PID and ticks to its user plus
# system CPU time in clock ticks; fails once it is gone.  No command is
# started, so that polling costs little.
proc_stat() {
	st= ticks=
	{ read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
	# shellcheck disable=SC2086
	set -- ${line##*) }
	st=$1
	shift 11
	ticks=$(( $1 + $2 ))
}

# mark PID: notes the CPU time PID has used so far, before it is signalled.
mark() { proc_stat "$1" && ticks0=$ticks; }

# wait_end PID: polls until PID has ended (is gone, or a zombie waiting
# for its parent), at most E2E_TIMEOUT seconds: only a guard against a
# hang, which fails as "did not finish".  Sets cpu_ms to the CPU time in
# ms it used after mark as last seen, which may miss what it used after
# the last look.
wait_end() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	last=$ticks0
	while proc_stat "$1"; do
		last=$ticks
		[ "$st" = Z ] || [ "$st" = X ] && break
		if [ "$(date +%s)" -ge "$deadline" ]; then
			report_alive "$1"
			return 1
		fi
		sleep 0.01
	done
	cpu_ms=$(( (last - ticks0) * 1000 / hz ))
}

# cpu_bound WHAT: fails, saying so, if cpu_ms is over bound_ms.
cpu_bound() {
	echo "# $1: ended using $cpu_ms ms of CPU"
	[ "$cpu_ms" -le "$bound_ms" ] || {
		echo "# $cpu_ms ms of CPU to end; the bound is $bound_ms ms"
		return 1
	}
}

# Did not end: a busy loop or waiting?  Says which, ends it, and fails.
report_alive() {
	proc_stat "$1"
	c0=$ticks
	sleep 2
	proc_stat "$1"
	echo "# pid $1 did not finish within $E2E_TIMEOUT s; CPU in the next 2 s:" \
	    "$(( ${ticks:-0} - ${c0:-0} )) ticks of 1/$hz s (state $st)"
	kill -KILL "$1" 2>/dev/null
	return 1
}

# The terminal as the shell left it: main screen, cursor shown, no mouse
# reports, and the same stty modes.
restored() {
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after" || {
		echo "# stty before: $(cat "$tap_tmp/stty.before")"
		echo "# stty after:  $(cat "$tap_tmp/stty.after")"
		return 1
	}
	flags=$(e2e_tmux display -p -t e2e \
	    '#{alternate_on} #{cursor_flag} #{mouse_any_flag}')
	[ "$flags" = "0 1 0" ] || {
		echo "# alternate_on cursor_flag mouse_any_flag: $flags"
		return 1
	}
}

# The prompt is back on the line after "exit=N".
prompt_back() {
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while :; do
		e2e_screen | grep -A1 -F "exit=$1" | tail -n 1 |
		    grep -q '^e2e\$' && return 0
		[ "$(date +%s)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

# quit_signal NAME NUMBER [OPTIONS]: kill -NAME ends it with status
# 128+NUMBER, the terminal restored, within bound_ms of CPU.
quit_signal() {
	start_viewer "$3" || return 1
	mark "$pid" && kill -"$1" "$pid" && wait_end "$pid" &&
	e2e_wait_for "exit=$(( 128 + $2 ))" || return 1
	# The shell saw all it used: from that, less what it had used before.
	cpu_ms=$(( $(tap_times_ms "$tap_tmp/times.0" "$tap_tmp/times.1") -
	    ticks0 * 1000 / hz ))
	cpu_bound "SIG$1${3:+ ($3)}" && restored && prompt_back $(( 128 + $2 ))
}

for s in TERM:15 INT:2 HUP:1 QUIT:3 PIPE:13; do
	name=${s%:*} num=${s#*:}
	e2e_case "SIG$name ends the pager, status $((128 + num)), terminal restored, CPU at most $bound_ms ms" \
	    quit_signal "$name" "$num" ""
done
for s in TERM:15 INT:2 HUP:1 QUIT:3 PIPE:13; do
	name=${s%:*} num=${s#*:}
	e2e_case "SIG$name ends a kiosk, status $((128 + num)), terminal restored, CPU at most $bound_ms ms" \
	    quit_signal "$name" "$num" "--kiosk --idle=3"
done

# Closing the terminal: the shell hangs up its jobs and the tty reads
# end.  Either must end the viewer, not leave it spinning on read errors.
#
# LeakSanitizer's check at exit stops the process with ptrace; the
# SIGCONT that comes with a hang-up can cancel that stop, and the check
# then waits for ever (seen under ASan only).  Leaks are checked by every
# other case, so this one runs without that check.
pane_closed() {
	e2e_start 80 24 HISTFILE=/dev/null ASAN_OPTIONS=detect_leaks=0 &&
	e2e_type "$run --kiosk" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(e2e_child_pid) && [ -n "$pid" ] || return 1
	mark "$pid" && e2e_tmux kill-pane -t e2e && wait_end "$pid" &&
	cpu_bound "pane closed"
}
e2e_case "closing the terminal ends it, CPU at most $bound_ms ms" pane_closed

# In a session of its own the hang-up signal never comes: only poll()
# and read() say the terminal is gone.
pane_closed_no_sighup() {
	e2e_start 80 24 HISTFILE=/dev/null &&
	e2e_type "setsid sh -c 'echo \$\$ > $tap_tmp/pid; exec $run --kiosk'" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(cat "$tap_tmp/pid") && [ -n "$pid" ] || return 1
	mark "$pid" && e2e_tmux kill-pane -t e2e && wait_end "$pid" &&
	cpu_bound "pane closed, no SIGHUP"
}
e2e_case "closing the terminal, with no SIGHUP, ends it without spinning, CPU at most $bound_ms ms" \
    pane_closed_no_sighup

# crash NAME NUMBER [OPTIONS]: the default action (a core) after the
# terminal is given back; the shell's prompt returns.
crash() {
	start_viewer "$3" || return 1
	kill -"$1" "$pid" &&
	e2e_wait_for "exit=$(( 128 + $2 ))" &&
	restored && prompt_back $(( 128 + $2 )) &&
	e2e_wait_gone "Health topics"
}
if [ -n "${PAMPHLET_REAL-}" ]; then
	# valgrind and qemu take fatal signals themselves and report them.
	for c in "SIGABRT in the pager" "SIGABRT at a kiosk" "SIGSEGV at a kiosk"; do
		e2e_skip "$c: terminal restored, prompt back" \
		    "PAMPHLET is a wrapper that handles fatal signals itself"
	done
	exit 0
fi
e2e_case "SIGABRT in the pager: terminal restored, prompt back" crash ABRT 6 ""
e2e_case "SIGABRT at a kiosk: terminal restored, prompt back" \
    crash ABRT 6 "--kiosk"
e2e_case "SIGSEGV at a kiosk: terminal restored, prompt back" \
    crash SEGV 11 "--kiosk"

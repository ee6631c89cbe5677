#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Kiosk mode end to end, under an interactive shell with real job control:
# no key leaves the program or stops it, it resets itself when left idle,
# and only the administrator's ways out work.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content --kiosk"
tap_plan 15

# The viewer's pid once it shows its first screen.
start_kiosk() {
	e2e_start 80 24 &&
	e2e_type "stty -g > $tap_tmp/stty.before; $run $1; rc=\$?; stty -g > $tap_tmp/stty.after; echo exit=\$rc" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(e2e_child_pid) && [ -n "$pid" ]
}

# Still the same process, and not stopped (state T).
alive() {
	state=$(ps -o stat= -p "$pid" 2>/dev/null) &&
	case $state in T*) return 1 ;; esac &&
	[ "$(e2e_child_pid)" = "$pid" ]
}

forbidden_keys() {
	start_kiosk "" || return 1
	for k in q Q C-c C-z 'C-\' C-s C-q C-d F1 F2 F5 F10 F12 M-x M-q \
	    Escape; do
		e2e_keys "$k" || return 1
		e2e_wait_line 1 "Health topics" || return 1
		alive || { echo "# after $k: $state"; return 1; }
	done
	e2e_wait_for "No such key here" &&
	e2e_keys q && e2e_wait_for "This stays open for the next reader" &&
	alive
}
e2e_case "no key quits, suspends or interrupts" forbidden_keys

stray_sequences() {
	for seq in "$(printf '\033[99~')" "$(printf '\033]52;c;eA==\007')" \
	    "$(printf '\033[200~pasted\033[201~')" "$(printf '\033')"; do
		e2e_keys -l "$seq" || return 1
		e2e_wait_line 1 "Health topics" || return 1
		alive || return 1
	done
}
e2e_case "stray escape sequences do nothing" stray_sequences

huge_paste() {
	e2e_keys / && e2e_wait_for "Search:" &&
	e2e_keys -l "$(head -c 10000 /dev/zero | tr '\0' 'x')" &&
	e2e_wait_for "That is as long as a search can be." &&
	alive &&
	e2e_keys C-u Escape && e2e_wait_line 1 "Health topics"
}
e2e_case "a 10,000-character paste is survived" huge_paste

not_offered() {
	e2e_screen | sed -n 24p | grep -q "help" &&
	! e2e_screen | sed -n 24p | grep -q "quit"
}
e2e_case "quitting is not offered" not_offered

sigterm_admin_exit() {
	kill -TERM "$pid" &&
	e2e_wait_for "exit=143" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after"
}
e2e_case "the supervisor's SIGTERM ends it, terminal restored" sigterm_admin_exit

idle_reset() {
	start_kiosk "--idle=2" || return 1
	e2e_keys / && e2e_keys -l doctor &&
	e2e_wait_for "When to see a doctor" &&
	e2e_keys Enter && e2e_wait_line 24 "When to see a doctor" &&
	# Nothing typed: back home, within the idle time and a second.
	e2e_wait_line 1 "Health topics" &&
	e2e_keys / && e2e_wait_for "Search:" &&
	! e2e_screen | grep -q "Search: doctor" &&
	! e2e_screen | grep -q "headings found" &&
	# No way back to the last reader's page either.
	e2e_keys Escape BSpace && e2e_wait_for "This is the list of all topics" &&
	# Nor in the terminal's history.
	! e2e_tmux capture-pane -t e2e -p -S - | grep -q "Search: doctor"
}
e2e_case "left idle, it forgets the reader and goes home" idle_reset

exit_chord() {
	printf 'kiosk: true\nexit_chord: "C-x C-k C-q"\n' >"$tap_tmp/kiosk.yaml"
	e2e_start 80 24 &&
	e2e_type "$PAMPHLET --content $e2e_content --config $tap_tmp/kiosk.yaml; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_keys C-x C-q q && e2e_wait_for "stays open" &&
	e2e_keys C-x C-k C-q && e2e_wait_for "exit=0"
}
e2e_case "the administrator's exit chord from the settings file" exit_chord

# Each F-key is its own key: F1 three times is not the chord F5 F6 F7.
fkey_chord() {
	printf 'kiosk: true\nexit_chord: "F5 F6 F7"\n' >"$tap_tmp/fkeys.yaml"
	e2e_start 80 24 &&
	e2e_type "$PAMPHLET --content $e2e_content --config $tap_tmp/fkeys.yaml; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" &&
	pid=$(e2e_child_pid) && [ -n "$pid" ] &&
	e2e_keys F1 F1 F1 F6 F7 F5 F6 F5 F7 / &&
	e2e_wait_for "Search:" && alive &&
	e2e_keys Escape && e2e_wait_line 1 "Health topics" &&
	e2e_keys F5 F6 F7 && e2e_wait_for "exit=0"
}
e2e_case "an F-key chord is ended by its own keys only" fkey_chord

# Keys that arrive as other keys are refused, by the settings check and
# by the kiosk alike, naming the key and what it arrives as.
chord_refused() {
	for c in "C-x C-m:C-m:Enter" "C-j C-x:C-j:Enter" "C-i C-x:C-i:Tab" \
	    "C-x C-h:C-h:Backspace" "C-[ C-x:C-[:Esc"; do
		chord=${c%%:*} rest=${c#*:}
		key=${rest%%:*} as=${rest#*:}
		printf 'kiosk: true\nexit_chord: "%s"\n' "$chord" \
		    >"$tap_tmp/chord.yaml"
		for args in "--list" ""; do
			# shellcheck disable=SC2086
			out=$($PAMPHLET --content "$e2e_content" \
			    --config "$tap_tmp/chord.yaml" $args 2>&1 </dev/null)
			rc=$?
			[ "$rc" -eq 1 ] || { echo "# $chord $args: exit $rc"; return 1; }
			printf '%s\n' "$out" | grep -F -q -- \
			    "chord.yaml:2:13: error: '$key' cannot be in the exit chord: it arrives as $as" ||
				{ echo "# $chord $args: $out"; return 1; }
		done
	done
}
tap_check "an exit chord with keys that arrive as others is refused" \
    chord_refused

# A kiosk's help lists no way to quit.
help_no_quit() {
	e2e_start 80 100 &&
	e2e_type "$run" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_keys '?' && e2e_wait_for "This help" &&
	e2e_wait_for "Clear what was typed" &&
	! e2e_screen | grep -E -q "Quit|^ +q( |$)" &&
	! e2e_screen | sed -n 100p | grep -q quit
}
e2e_case "a kiosk's help screen offers no way to quit" help_no_quit

# Left idle, the last reader's screen is gone from the terminal's
# history too: tmux keeps what a clear pushes off the screen, as the
# Linux console and many terminals do.
scrollback_forgotten() {
	E2E_TERM=$1
	e2e_start 80 24
	started=$?
	E2E_TERM=
	# Without the alternate screen (as on the Linux console), the
	# program draws where the history is kept.
	[ "$started" -eq 0 ] &&
	e2e_tmux set-window-option -g alternate-screen off >/dev/null &&
	e2e_type "$run --idle=2" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_keys Enter && e2e_wait_line 1 "Prostate massage" &&
	e2e_keys Enter && e2e_wait_for "The prostate is a small gland" &&
	e2e_keys / && e2e_keys -l zzsecret &&
	e2e_wait_for "Search: zzsecret" &&
	# Nothing typed: back home, with a clean history.
	e2e_wait_line 1 "Health topics" &&
	hist=$(e2e_tmux capture-pane -t e2e -p -S -) &&
	! printf '%s\n' "$hist" | grep -E -q \
	    "zzsecret|small gland|Search all topics" ||
		{ e2e_last_screen=$hist; return 1; }
}
for t in linux vt100 xterm-256color; do
	e2e_case "TERM=$t: the idle reset leaves nothing in the scrollback" \
	    scrollback_forgotten "$t"
done

plain_mode() {
	e2e_start 80 24 &&
	e2e_type "$PAMPHLET --content $e2e_content --plain prostate-massage anatomy; echo exit=\$?" &&
	e2e_wait_for "Picture:" &&
	# Words, not drawings or frames; the cursor shown, at a line start.
	! e2e_screen | grep -q "──" &&
	[ "$(e2e_tmux display -p -t e2e '#{cursor_flag} #{cursor_x}')" = "1 0" ] &&
	e2e_keys q && e2e_wait_for "exit=0" &&
	e2e_type "clear; $PAMPHLET --content $e2e_content prostate-massage anatomy; echo exit=\$?" &&
	e2e_wait_for "──" &&
	[ "$(e2e_tmux display -p -t e2e '#{cursor_flag}')" = "0" ] &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "--plain: words for drawings, the cursor where reading is" plain_mode

bad_settings() {
	printf 'kiosk: maybe\nidel_seconds: 5\n' >"$tap_tmp/bad.yaml"
	# Wide enough that no message wraps.
	e2e_start 200 24 &&
	e2e_type "$PAMPHLET --config $tap_tmp/bad.yaml; echo exit=\$?" &&
	e2e_wait_for "bad.yaml:1:8: error: bad value for 'kiosk': expected true or false" &&
	e2e_wait_for "bad.yaml:2:1: error: unknown key 'idel_seconds'" &&
	e2e_wait_for "exit=1"
}
e2e_case "a wrong settings file is refused with its line and column" bad_settings

#!/bin/sh
# Kiosk mode end to end, under an interactive shell with real job control:
# no key leaves the program or stops it, it resets itself when left idle,
# and only the administrator's ways out work.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content --kiosk"
tap_plan 9

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
	e2e_wait_for "That key does nothing here" &&
	e2e_keys q && e2e_wait_for "This screen stays open for the next reader" &&
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

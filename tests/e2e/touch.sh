#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Touch and mouse end to end: real xterm (SGR) mouse sequences sent to the
# program, as a touchscreen's taps arrive; every bottom button pressed;
# the wheel; and the same buttons reached with arrows and Enter alone.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# A terminal type whose mouse reports ncurses reads as SGR sequences.
E2E_TERM=xterm-256color
run="$PAMPHLET --content $e2e_content --kiosk"
tap_plan 7

# tap X Y: a press and release at 1-based column X, row Y.
tap() {
	e2e_keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")" &&
	e2e_keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"
}

# The column of TEXT on screen row ROW, 1-based, or nothing.
column_of() {
	e2e_screen | sed -n "${2}p" | awk -v t="$1" '{ i = index($0, t); if (i) print i }'
}

# tap_text TEXT ROW: taps the middle of TEXT where it shows on row ROW.
tap_text() {
	x=$(column_of "$1" "$2")
	[ -n "$x" ] && tap $((x + 1)) "$2"
}

# The row (1-based) where TEXT first shows.
row_of() { e2e_screen | grep -n -F -m1 -- "$1" | cut -d: -f1; }

starts() {
	e2e_start 80 24 &&
	e2e_type "$run; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_wait_line 23 "Search"
}
e2e_case "the buttons are on screen" starts

taps_open() {
	tap 10 "$(row_of Prostatitis)" &&
	e2e_wait_line 1 "Prostatitis: contents" &&
	tap 10 "$(row_of "Signs and symptoms")" &&
	e2e_wait_line 24 "3. Signs and symptoms"
}
e2e_case "a tap opens a topic, then a section" taps_open

wheel_scrolls() {
	before=$(e2e_screen | sed -n 2p)
	screen=$(e2e_screen)
	e2e_keys -l "$(printf '\033[<65;10;10M')" &&
	e2e_wait_change "$screen" || return 1
	e2e_keys -l "$(printf '\033[<64;10;10M')" &&
	e2e_wait_line 2 "$before"
}
e2e_case "the wheel scrolls down and up" wheel_scrolls

taps_link() {
	e2e_scroll_until "See also:" Down &&
	tap_text "See also:" "$(row_of "See also:")" &&
	e2e_wait_line 1 " Prostate massage"
}
e2e_case "a tap follows a see-also link" taps_link

buttons() {
	tap_text Contents 23 && e2e_wait_line 1 "contents" &&
	tap_text Search 23 && e2e_wait_for "Search:" &&
	tap_text Back 23 && e2e_wait_line 1 "contents" &&
	tap_text Language 23 && e2e_wait_line 1 "Language" &&
	tap_text Back 23 && e2e_wait_line 1 "contents" &&
	tap_text Help 23 && e2e_wait_line 1 "Help" &&
	tap_text Back 23 && e2e_wait_line 1 "contents" &&
	# Back retraces the way: this topic, then the one the link was in.
	tap_text Back 23 && e2e_wait_line 24 "1. What prostate massage is" &&
	tap_text Back 23 && e2e_wait_line 1 " Prostatitis"
}
e2e_case "every bottom button does what it says" buttons

search_by_touch() {
	tap_text Search 23 && e2e_wait_for "Search:" &&
	e2e_keys -l doctor && e2e_wait_for "headings found" &&
	tap 10 4 && e2e_wait_line 1 " Prostat"
}
e2e_case "a tap on a search result opens it" search_by_touch

arrows_and_enter() {
	e2e_start 80 24 &&
	e2e_type "$run; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" &&
	# Up at the top reaches the buttons; Right to Search; Enter.
	e2e_keys Up && e2e_wait_for "Left/Right: choose  Enter: press" &&
	e2e_keys Right Right Enter && e2e_wait_for "Search:" &&
	e2e_keys -l doctor && e2e_wait_for "When to see a doctor" &&
	e2e_keys Enter && e2e_wait_line 24 "When to see a doctor"
}
e2e_case "arrows and Enter alone reach the buttons and a section" arrows_and_enter

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# How it looks: colour and its absence (NO_COLOR, themes) checked in the
# terminal's own attributes, plain ASCII under a C locale, several
# terminal types, and every size down to 1x1 in a storm of resizes.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

page="$PAMPHLET --content $e2e_content prostate-massage when-to-see-a-doctor"
tap_plan 9

# The screen with its attributes, as escape sequences.
attrs() { e2e_tmux capture-pane -t e2e -p -e; }
esc=$(printf '\033')
colour="$esc\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)[0-9;]*m"

show() {
	e2e_start 80 24 "$@" &&
	e2e_type "$page; echo exit=\$?" &&
	e2e_wait_for "EMERGENCY"
}

default_colour() {
	show && attrs | grep -E -q "${esc}\\[[0-9;]*31m" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "care cards are in colour by default" default_colour

no_color() {
	show NO_COLOR=1 && ! attrs | grep -E -q "$colour" &&
	attrs | grep -q "${esc}\\[1m" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "NO_COLOR: no colour, emphasis still there" no_color

themes() {
	page="$PAMPHLET --content $e2e_content --theme=mono prostate-massage when-to-see-a-doctor"
	show && ! attrs | grep -E -q "$colour" && e2e_keys q &&
	e2e_wait_for "exit=0" || return 1
	page="$PAMPHLET --content $e2e_content --theme=high-contrast prostate-massage when-to-see-a-doctor"
	show && attrs | grep -q "${esc}\\[7m" && e2e_keys q &&
	e2e_wait_for "exit=0"
}
e2e_case "--theme mono and high-contrast" themes

ascii_fallback() {
	e2e_start 80 24 LANG=C &&
	e2e_type "LC_ALL=C $page" &&
	e2e_wait_for "EMERGENCY" &&
	e2e_wait_for "+-----" &&
	! e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" &&
	e2e_keys q
}
e2e_case "a C locale gets plain ASCII boxes and text" ascii_fallback

ascii_translated() {
	# German has umlauts in the program's words and in the topics.
	e2e_start 80 24 LANG=C LANGUAGE=de &&
	e2e_type "LC_ALL=C $PAMPHLET --content $e2e_content prostate-massage when-to-see-a-doctor" &&
	e2e_wait_for "NOTFALL" &&
	! e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" &&
	e2e_keys L && e2e_wait_for "Deutsch" &&
	! e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" &&
	e2e_keys q
}
e2e_case "a translation on a C locale stays plain ASCII too" ascii_translated

terms() {
	for t in linux vt100 xterm-256color screen; do
		e2e_start 80 24 &&
		e2e_type "TERM=$t $PAMPHLET --content $e2e_content; echo exit=\$?" &&
		e2e_wait_for "Prostate massage" &&
		e2e_keys Enter && e2e_wait_for "contents" &&
		e2e_keys q && e2e_wait_for "exit=0" || { echo "# TERM=$t"; return 1; }
	done
}
e2e_case "works on TERM linux, vt100, xterm-256color and screen" terms

dumb_term() {
	e2e_start 80 24 &&
	e2e_type "TERM=dumb $PAMPHLET --content $e2e_content; echo exit=\$?" &&
	e2e_wait_for "cannot move the cursor; use --dump" &&
	e2e_wait_for "exit=1"
}
e2e_case "a terminal that cannot draw gets advice, not garbage" dumb_term

resize_storm() {
	e2e_start 80 24 &&
	e2e_type "$page; echo exit=\$?" && e2e_wait_for "EMERGENCY" &&
	pid=$(e2e_child_pid) || return 1
	for size in 1x1 2x1 1x2 10x3 20x5 29x7 30x8 40x12 300x100 5x50 80x2 \
	    200x3 33x9 1x1 120x40 7x7 80x24; do
		e2e_resize "${size%x*}" "${size#*x}" || return 1
	done
	e2e_wait_line 1 " Prostate massage" &&
	e2e_wait_for "EMERGENCY" &&
	[ "$(e2e_child_pid)" = "$pid" ]
}
e2e_case "a storm of resizes down to 1x1 is survived" resize_storm

small_sizes() {
	e2e_resize 29 8 && e2e_wait_for "Window too small" &&
	e2e_resize 40 12 && e2e_wait_gone "Window too small" &&
	e2e_wait_line 12 "When to see" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "40x12 works; smaller says so" small_sizes

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The pager end to end, on the bundled topics: library, contents,
# sections, going back, help, links, resizing, and leaving the terminal
# as it was found.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content"
tap_plan 18

# Starts the viewer with saved terminal modes to compare at the end.
start_viewer() {
	e2e_start "$1" "$2" || return 1
	e2e_type "stty -g > $tap_tmp/stty.before; $run $3; rc=\$?; stty -g > $tap_tmp/stty.after; echo exit=\$rc"
}

opens_library() {
	start_viewer 80 24 "" &&
	e2e_wait_for "Health topics" &&
	e2e_wait_for "Prostate massage" &&
	e2e_wait_for "Prostatitis"
}
e2e_case "starts on the library of topics" opens_library

opens_contents() {
	e2e_keys Enter &&
	e2e_wait_for "Prostate massage: contents" &&
	e2e_wait_for "What prostate massage is" &&
	e2e_wait_for "When to see a doctor"
}
e2e_case "Enter opens a topic on its contents" opens_contents

opens_section() {
	# The fifth entry is "When to see a doctor".
	e2e_keys Down Down Down Down Enter &&
	e2e_wait_line 24 "5. When to see a doctor" &&
	e2e_wait_line 2 "When to see a doctor" &&
	e2e_wait_for "EMERGENCY"
}
e2e_case "a contents entry opens its section" opens_section

next_section() {
	e2e_keys ']' &&
	e2e_wait_line 24 "6. " &&
	e2e_keys '[' &&
	e2e_wait_line 24 "5. When to see a doctor"
}
e2e_case "] and [ move between sections" next_section

resize_keeps_place() {
	e2e_keys Down Down &&
	e2e_wait_line 24 "5. When to see a doctor" &&
	e2e_resize 40 12 &&
	e2e_wait_line 12 "5. When to see" &&
	e2e_resize 120 30 &&
	e2e_wait_line 30 "5. When to see a doctor" &&
	e2e_resize 80 24 &&
	e2e_wait_line 24 "5. When to see a doctor"
}
e2e_case "resizing reflows and keeps the section" resize_keeps_place

too_small() {
	e2e_resize 20 6 &&
	e2e_wait_for "Window too small" &&
	e2e_resize 80 24 &&
	e2e_wait_gone "Window too small" &&
	e2e_wait_line 24 "5. When to see a doctor"
}
e2e_case "below the minimum size it says so, then recovers" too_small

goes_back() {
	e2e_keys BSpace &&
	e2e_wait_for "Prostate massage: contents" &&
	e2e_keys Left &&
	e2e_wait_for "Health topics"
}
e2e_case "Backspace and Left go back" goes_back

help_screen() {
	e2e_keys '?' &&
	e2e_wait_for "In the list of topics" &&
	e2e_scroll_until "Next section" PageDown &&
	e2e_keys Escape &&
	e2e_wait_gone "Next section" &&
	e2e_wait_for "Health topics"
}
e2e_case "? shows the keys and Esc leaves help" help_screen

unknown_key() {
	e2e_keys 'x' &&
	e2e_wait_for "No such key here"
}
e2e_case "an unbound key says so" unknown_key

quits_clean() {
	e2e_keys q &&
	e2e_wait_for "exit=0" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after" &&
	# The main screen is back: the command line typed before is visible.
	e2e_wait_for "stty -g >"
}
e2e_case "q quits with the terminal as it was" quits_clean

opens_topic_section_from_command_line() {
	start_viewer 80 24 "prostatitis" &&
	e2e_wait_for "Prostatitis: contents" &&
	e2e_keys q && e2e_wait_for "exit=0" &&
	e2e_type "clear; $run prostate-massage when-to-see-a-doctor" &&
	e2e_wait_line 24 "When to see a doctor" &&
	e2e_keys q && e2e_wait_for 'e2e$'
}
e2e_case "TOPIC and SECTION on the command line" opens_topic_section_from_command_line

follows_see_also() {
	start_viewer 80 24 "prostatitis" &&
	e2e_wait_for "Prostatitis: contents" &&
	e2e_keys Enter && e2e_wait_line 24 "1. " &&
	# Enter picks the first link on the page, then follows it.
	e2e_scroll_until "See also:" PageDown &&
	e2e_keys Enter && e2e_wait_for "Press Enter again" &&
	e2e_keys Enter &&
	e2e_wait_line 1 " Prostate massage" &&
	e2e_keys BSpace && e2e_wait_line 1 " Prostatitis" &&
	e2e_wait_for "See also:" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "a see-also link opens the other topic, and Back returns" follows_see_also

sigterm_restores() {
	start_viewer 80 24 "" &&
	e2e_wait_for "Health topics" &&
	kill -TERM "$(e2e_child_pid)" &&
	e2e_wait_for "exit=143" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after"
}
e2e_case "SIGTERM ends it with the terminal restored" sigterm_restores

# Ctrl-C, a hang-up and a crash all give the terminal back as it was.
ctrl_c_restores() {
	start_viewer 80 24 "prostatitis" &&
	e2e_wait_for "Prostatitis: contents" &&
	e2e_keys C-c &&
	e2e_wait_for "exit=130" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after"
}
e2e_case "Ctrl-C ends it with the terminal restored" ctrl_c_restores

sighup_restores() {
	start_viewer 80 24 "" &&
	e2e_wait_for "Health topics" &&
	kill -HUP "$(e2e_child_pid)" &&
	e2e_wait_for "exit=129" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after"
}
e2e_case "SIGHUP ends it with the terminal restored" sighup_restores

crash_restores() {
	start_viewer 80 24 "" &&
	e2e_wait_for "Health topics" &&
	kill -SEGV "$(e2e_child_pid)" &&
	e2e_wait_for "exit=139" &&
	cmp -s "$tap_tmp/stty.before" "$tap_tmp/stty.after" &&
	e2e_wait_gone "Health topics"
}
if [ -n "${PAMPHLET_REAL-}" ]; then
	e2e_skip "a crash still gives the terminal back" \
	    "PAMPHLET is a wrapper that handles fatal signals itself"
else
	e2e_case "a crash still gives the terminal back" crash_restores
fi

bad_topic() {
	e2e_start 80 24 &&
	e2e_type "$run no-such-topic; echo exit=\$?" &&
	e2e_wait_for "no topic 'no-such-topic'" &&
	e2e_wait_for "exit=1"
}
e2e_case "an unknown topic is an error before the screen is taken" bad_topic

# vt100's description names no Page Down key, but terminals that claim
# to be one send "Esc [ 6 ~": it pages, rather than going back (Esc) and
# reporting three unknown keys.
vt100_pages() {
	E2E_TERM=vt100
	start_viewer 80 24 "prostate-massage risks" &&
	e2e_wait_line 2 "4. Risks, and who should not have it" &&
	before=$(e2e_screen) &&
	e2e_keys PageDown &&
	e2e_wait_change "$before" &&
	e2e_wait_line 24 "4. Risks, and who should not have it" &&
	! e2e_screen | sed -n 2p | grep -q "4. Risks" &&
	e2e_keys PageUp &&
	e2e_wait_line 2 "4. Risks, and who should not have it" &&
	! e2e_screen | grep -q "No such key" &&
	e2e_keys End && e2e_wait_for "100%" &&
	e2e_keys Home && e2e_wait_line 12 "1. What prostate massage is" &&
	e2e_keys q && e2e_wait_for "exit=0"
	rc=$?
	E2E_TERM=
	return $rc
}
e2e_case "TERM=vt100: Page Down, Page Up, Home and End work" vt100_pages

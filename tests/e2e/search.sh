#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Search end to end: the heading search typed letter by letter from the
# home screen, and finding words inside a topic with n and N.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content"
tap_plan 8

# e2e_typeslow TEXT: one key per letter, as a reader types.
e2e_typeslow() {
	printf '%s\n' "$1" | LC_ALL=C.UTF-8 grep -o . | while IFS= read -r ch; do
		e2e_keys -l "$ch"
	done
}

start_viewer() {
	e2e_start 80 24 || return 1
	e2e_type "$run $1; echo exit=\$?"
}

reaches_doctor_section() {
	start_viewer "" &&
	e2e_wait_for "Health topics" &&
	e2e_keys / &&
	e2e_wait_for "Search:" &&
	e2e_typeslow doctor &&
	e2e_wait_for "Prostate massage › When to see a doctor" &&
	e2e_wait_for "Prostatitis › When to see a doctor" &&
	e2e_keys Enter &&
	e2e_wait_line 24 "5. When to see a doctor" &&
	e2e_wait_line 1 " Prostate massage"
}
e2e_case "/ doctor Enter opens When to see a doctor" reaches_doctor_section

back_after_open() {
	e2e_keys BSpace &&
	e2e_wait_for "Health topics"
}
e2e_case "Back after a result returns to where the search began" back_after_open

results_update_per_key() {
	e2e_keys / &&
	e2e_wait_for "Search:" &&
	e2e_keys C-u &&
	e2e_typeslow ps &&
	e2e_wait_for "Search: ps" &&
	e2e_typeslow a &&
	e2e_wait_for "Search: psa" &&
	e2e_wait_for "PSA"
}
e2e_case "results follow each letter typed" results_update_per_key

escape_returns() {
	e2e_keys Escape &&
	e2e_wait_gone "Search:" &&
	e2e_wait_for "Health topics"
}
e2e_case "Esc leaves the search where the reader was" escape_returns

edits_by_character() {
	e2e_keys / && e2e_wait_for "Search:" && e2e_keys C-u &&
	e2e_typeslow "qxé" &&
	e2e_wait_for "Search: qxé" &&
	e2e_keys BSpace &&
	e2e_wait_for "Search: qx" &&
	e2e_wait_gone "Search: qxé" &&
	e2e_wait_for "No headings match"
}
e2e_case "Backspace removes one character, not one byte" edits_by_character

no_results_advice() {
	e2e_keys C-u && e2e_typeslow "fever zzz" &&
	e2e_wait_for "No headings match. Try removing a word." &&
	e2e_keys Escape && e2e_wait_for "Health topics"
}
e2e_case "no results says so and suggests removing a word" no_results_advice

find_in_topic() {
	e2e_keys q && e2e_wait_for "exit=0" &&
	e2e_type "clear; $run prostate-massage what-it-is; echo exit=\$?" &&
	e2e_wait_line 24 "1. What prostate massage is" &&
	e2e_keys f && e2e_wait_for "Find:" &&
	e2e_typeslow sepsis &&
	e2e_keys Enter &&
	e2e_wait_for "Found 1 of " &&
	e2e_wait_for "epsis" &&
	e2e_keys n && e2e_wait_for "Found 2 of " &&
	e2e_keys N && e2e_wait_for "Found 1 of " &&
	e2e_keys N && e2e_wait_for "Back at the last place found"
}
e2e_case "f finds words in the topic; n and N move between them" find_in_topic

find_highlights() {
	# The current place is drawn in reverse video.
	e2e_tmux capture-pane -t e2e -p -e | grep -q "$(printf '\033\\[[0-9;]*7[0-9;]*m')[Ss]epsis" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "what is found is highlighted" find_highlights

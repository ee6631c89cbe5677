#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Characters whose width curses, terminals and Unicode's tables do not all
# agree on (joined emoji, format characters, wide symbols, flags,
# selectors, combining marks), in a topic and typed into search and find.
# The oracle is the program's own full redraw: after Ctrl-L the screen
# must be exactly what it was, and the cursor must stand just after what
# was typed.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

dir=$(cd "$top_srcdir/tests/data/unicode" && pwd)
raw=$tap_tmp/raw

# Name, then the characters, one class a line.
classes='joined emoji|👨‍👩‍👧 🧑‍🍳
Devanagari with ZWJ|क्‍ष
soft hyphen|a­b
Arabic number signs|؀١ ؅٢
hexagrams|䷀䷁
circled numbers|㉈㉏
an emoji newer than the C library|🫨
flags|🇩🇪🇫🇷🇩🇪
variation selector 16|❤️☺️
skin tone|👍🏽
combining marks|é̈ ಕಿ 한'
nclasses=$(printf '%s\n' "$classes" | wc -l)
tap_plan $((3 + 2 * nclasses))

# How many times the program has cleared the whole screen so far.
clears() {
	LC_ALL=C grep -a -o -F "$(printf '\033[H\033[J')" "$raw" | wc -l
}

# Waits until two looks at the screen agree and TEXT is on it.
e2e_settle() {
	e2e_wait_for "$1" || return 1
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	last=$(e2e_screen)
	while sleep 0.05; do
		now=$(e2e_screen)
		[ "$now" = "$last" ] && return 0
		[ "$(date +%s)" -ge "$deadline" ] && break
		last=$now
	done
	e2e_last_screen=$now
	return 1
}

# The screen must equal its own redraw: press Ctrl-L, wait until the
# program has cleared the screen again, then until the screen is back.
redraw_same() {
	before=$(e2e_screen)
	n=$(clears)
	e2e_keys C-l
	deadline=$(( $(date +%s) + E2E_TIMEOUT ))
	while [ "$(clears)" -le "$n" ]; do
		[ "$(date +%s)" -ge "$deadline" ] &&
		    { e2e_last_screen="no redraw after Ctrl-L"; return 1; }
		sleep 0.05
	done
	while [ "$(e2e_screen)" != "$before" ]; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			e2e_last_screen=$(printf 'before Ctrl-L:\n%s\nafter:\n%s' \
			    "$before" "$(e2e_screen)")
			return 1
		fi
		sleep 0.05
	done
}

# The cursor must stand just after the last character on its line.
cursor_after_text() {
	x=$(e2e_tmux display-message -p -t e2e '#{cursor_x}')
	e2e_tmux copy-mode -t e2e &&
	e2e_tmux send-keys -t e2e -X end-of-line &&
	end=$(e2e_tmux display-message -p -t e2e '#{copy_cursor_x}') &&
	e2e_tmux send-keys -t e2e -X cancel || return 1
	[ "$x" = "$end" ] || {
		e2e_last_screen=$(printf 'cursor at %s, text ends at %s\n%s' \
		    "$x" "$end" "$(e2e_screen)")
		return 1
	}
}

start() {
	e2e_start 80 24 && : >"$raw" &&
	e2e_tmux pipe-pane -t e2e -o "cat >>'$raw'" &&
	e2e_type "$PAMPHLET --content $dir unicode; echo exit=\$?" &&
	e2e_wait_for "Joined emoji"
}

# Every page of the topic, reached line by line from the contents, down
# to the sources (a Down past them would go to the buttons).
topic_pages() {
	start && e2e_keys Enter && e2e_settle "end." && redraw_same || return 1
	i=0
	until e2e_screen | grep -q "A study"; do
		i=$((i + 1))
		[ $i -le 40 ] && e2e_keys Down && e2e_settle "end." &&
		redraw_same || return 1
	done
}
e2e_case "a topic of every class equals its redraw, page by page" topic_pages

# Find marks each "end" in turn, after text of every class on its line.
topic_find() {
	start && e2e_keys Enter && e2e_settle "end." && e2e_keys f &&
	e2e_wait_for "Find:" && e2e_keys -l end && e2e_keys Enter &&
	e2e_wait_gone "Find:" && e2e_settle "end" && redraw_same || return 1
	for i in 1 2 3 4 5 6; do
		e2e_keys n && e2e_settle "end" && redraw_same || return 1
	done
}
e2e_case "find in a topic of every class: each hit equals its redraw" \
    topic_find

# Typed after "ab", followed by "cd": each key is drawn as it comes.
typed() {
	e2e_keys C-u && e2e_keys -l "ab" && e2e_keys -l "$1" &&
	e2e_keys -l c && e2e_keys -l d && e2e_settle "cd" &&
	redraw_same && cursor_after_text
}

e2e_tmux_ready=
search_class() {
	if [ -z "$e2e_tmux_ready" ]; then
		start && e2e_keys / && e2e_wait_for "Search:" || return 1
		e2e_tmux_ready=1
	fi
	typed "$1"
}

find_class() {
	if [ -z "$e2e_tmux_ready" ]; then
		start && e2e_keys Enter && e2e_settle "end." &&
		e2e_keys f && e2e_wait_for "Find:" || return 1
		e2e_tmux_ready=1
	fi
	typed "$1"
}

nl='
'
set -f
for mode in search find; do
	e2e_tmux_ready=
	IFS=$nl
	for line in $classes; do
		IFS=' 	'"$nl"
		e2e_case "$mode: ${line%%|*} typed equals its redraw" \
		    ${mode}_class "${line#*|}"
	done
	IFS=' 	'"$nl"
done

quits() {
	start && e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "q still quits" quits

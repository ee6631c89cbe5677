#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bytes the program sends to the terminal, not the screen tmux draws:
# a topic whose texts carry OSC 52, OSC 0, DCS, APC, PM, SOS, BEL, U+009B,
# CR, BS and U+202E (tests/data/hostile/raw/hostile.yaml) is shown, every
# screen of it, with tmux pipe-pane capturing the raw stream; the stream
# must hold no string-introducing escape (ESC ] P _ ^ X), no BEL and no C1
# control, raw or as UTF-8, and no U+202E.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

dir=$(cd "$top_srcdir/tests/data/hostile/raw" && pwd)
raw=$tap_tmp/raw
tap_plan 7

capture() {
	: >"$raw"
	e2e_start 80 24 && e2e_tmux pipe-pane -t e2e -o "cat >>'$raw'"
}

# The stream as hex, one byte a word, on one line.
hex() { od -An -v -tx1 "$raw" | tr -s ' \n' '  '; }

library() {
	capture &&
	e2e_type "$PAMPHLET --content $dir; echo exit=\$?" &&
	e2e_wait_for "Plain title" && e2e_wait_for "pwned end" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "library of hostile titles shows and quits" library

reading() {
	e2e_type "$PAMPHLET --content $dir hostile; echo exit=\$?" &&
	e2e_wait_for "heading" && e2e_keys Enter &&
	e2e_wait_for "Keep this line"
}
e2e_case "a hostile section shows" reading

# CR and BS must not move the cursor back over text already drawn.
e2e_case "CR and BS do not overwrite text" e2e_wait_for "Keep this line. XY"

rest() {
	e2e_keys ']' && e2e_wait_for "A study" && e2e_keys q &&
	e2e_wait_for "exit=0" &&
	# tmux writes to the pipe behind the screen, and ending the pipe
	# drops what it still holds: wait for the last output first.
	e2e_wait_file "$raw" "exit=0" 2 && e2e_tmux pipe-pane -t e2e &&
	# The capture holds what was shown.
	grep -q "Keep this line" "$raw" && grep -q "A study" "$raw"
}
e2e_case "every screen shown, then q exits 0" rest

# Each check prints what it found, for the failure message.
no_string_escapes() {
	found=$(hex | grep -o -E '1b (5d|50|5f|5e|58)' | sort | uniq -c)
	[ -z "$found" ] || { e2e_last_screen="found: $found"; return 1; }
}
e2e_case "raw stream: no ESC ], ESC P, ESC _, ESC ^, ESC X" no_string_escapes

no_bel() {
	found=$(hex | grep -o -E '(^| )07( |$)' | wc -l)
	[ "$found" -eq 0 ] || { e2e_last_screen="found $found BEL bytes"; return 1; }
}
e2e_case "raw stream: no BEL" no_bel

# C1 bytes outside UTF-8 sequences, U+0080-U+009F, and U+202E.
no_c1() {
	found=$(hex | awk '{
	    for (i = 1; i <= NF; i++) {
		x = $i
		if (x == "c2" && $(i+1) >= "80" && $(i+1) <= "9f") { print "U+00" toupper($(i+1)) " at byte " i; exit }
		if (x == "e2" && $(i+1) == "80" && $(i+2) == "ae") { print "U+202E at byte " i; exit }
		if (x >= "80" && x <= "bf") {
		    if (need > 0) { need--; continue }
		    if (x <= "9f") { print "raw " x " at byte " i; exit }
		}
		need = 0
		if (x >= "c2" && x <= "df") need = 1
		else if (x >= "e0" && x <= "ef") need = 2
		else if (x >= "f0" && x <= "f4") need = 3
	    } }')
	[ -z "$found" ] || { e2e_last_screen="found: $found"; return 1; }
}
e2e_case "raw stream: no C1 control, no U+202E" no_c1

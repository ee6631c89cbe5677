#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every shipped language, and any other that is complete, end to end:
# the viewer starts in it, shows the program's words and the topics'
# headings translated, searches in it, and the language list switches to
# English and back.  Expected words come from the built catalogues
# themselves.  A language still being translated is skipped.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

lang_split
langs=$lang_full
[ -n "$langs$lang_part" ] || tap_skip_all "no languages are shipped yet"
export TEXTDOMAINDIR="$PAMPHLET_LOCALEDIR"
run="$PAMPHLET --content $e2e_content"
set -- $langs
n=$#
set -- $lang_part
tap_plan $(( n * 4 + $# ))
lang_skip_part

# tr LANG DOMAIN CONTEXT TEXT: the translation, as the catalogue has it.
tr() {
	if [ -n "$3" ]; then
		LANGUAGE=$1 LC_ALL=C.UTF-8 gettext -d "$2" -c "$3" "$4"
	else
		LANGUAGE=$1 LC_ALL=C.UTF-8 gettext -d "$2" "$4"
	fi
}

for lang in $langs; do
	home=$(tr "$lang" pamphlet "" "Health topics")
	title=$(tr "$lang" pamphlet-pack-core prostate-massage "Prostate massage")
	doctor=$(tr "$lang" pamphlet-pack-core prostate-massage/when-to-see-a-doctor \
	    "When to see a doctor")
	name=$(tr "$lang" pamphlet language-name English)

	starts() {
		[ "$home" != "Health topics" ] &&
		[ "$doctor" != "When to see a doctor" ] &&
		e2e_start 80 24 LANGUAGE="$lang" &&
		e2e_type "$run; echo exit=\$?" &&
		e2e_wait_line 1 "$home" &&
		e2e_wait_for "$title"
	}
	e2e_case "$lang: starts in the language, topics translated" starts

	reads() {
		e2e_keys Enter && e2e_wait_for "$doctor" &&
		e2e_keys Down Down Down Down Enter &&
		e2e_wait_line 24 "5. $doctor"
	}
	e2e_case "$lang: contents and sections are translated" reads

	switches() {
		e2e_keys L && e2e_wait_for "English" && e2e_wait_for "$name" &&
		e2e_keys Home Enter &&
		e2e_wait_line 24 "5. When to see a doctor" &&
		e2e_keys L && e2e_wait_for "$name" && e2e_keys Home &&
		# Its place in the list, counted from English at the top.
		pos=$(e2e_screen | awk -v name="$name" '{ sub(/^ +/, "");
		    sub(/ +$/, "") } $0 == "English" && !e { e = NR }
		    $0 == name && e { print NR - e; exit }') &&
		[ -n "$pos" ] &&
		i=0 &&
		while [ "$i" -lt "$pos" ]; do
			e2e_keys Down
			i=$((i + 1))
		done &&
		e2e_keys Enter &&
		e2e_wait_line 24 "5. $doctor"
	}
	e2e_case "$lang: the language list switches to English and back, in place" switches

	searches() {
		# The first word of the translated heading finds it.
		word=$(printf '%s\n' "$doctor" | cut -d' ' -f1)
		e2e_keys / &&
		e2e_wait_for "$(tr "$lang" pamphlet "" "Search: " |
		    sed 's/ *$//')" &&
		e2e_keys -l "$word" &&
		e2e_wait_for "$title › $doctor" &&
		if [ "$lang" = es ]; then
			# Without the accent, as a reader may type it.
			e2e_keys C-u && e2e_keys -l prostata &&
			e2e_wait_for "$title"
		fi &&
		e2e_keys Escape && e2e_wait_line 24 "5. $doctor" &&
		e2e_keys q && e2e_wait_for "exit=0"
	}
	e2e_case "$lang: search finds translated headings" searches
done

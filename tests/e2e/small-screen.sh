#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The smallest usual screen, 40x12, in every language: buttons show
# whole words, what does not fit ends in an ellipsis, search results keep
# the heading that matched, hints wrap, contents and web addresses break
# where they should, and the help screen's keys keep apart from what
# they do.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

tap_plan 10

run="$PAMPHLET --content $e2e_content"
ell=$(printf '\342\200\246')

# line N: screen line N (1-based).
line() { e2e_screen | sed -n "$1p"; }

# start40 [ENV=VALUE...] -- ARGS: pamphlet at 40x12, waiting for TEXT.
start40() {
	wait=$1 args=$2
	shift 2
	e2e_start 40 12 "$@" &&
	e2e_type "$run $args; echo exit=\$?" &&
	e2e_wait_for "$wait"
}

quit() { e2e_keys q && e2e_wait_for "exit=0"; }

# The button row holds exactly these words, in order.
buttons_are() {
	e2e_wait_line 11 "$1" || return 1
	got=$(line 11 | tr -s ' ' | sed 's/^ //; s/ $//')
	[ "$got" = "$*" ] || { e2e_last_screen="buttons: '$got', not '$*'"; return 1; }
}

english_buttons() {
	start40 "Health topics" "" &&
	buttons_are Back Parts Search Lang Help &&
	! line 11 | grep -q -e Conten -e Langua &&
	e2e_keys Enter && e2e_wait_for "contents" &&
	buttons_are Back Parts Search Lang Help &&
	# At 80 columns the labels are whole.
	e2e_resize 80 24 && e2e_wait_line 23 "Contents" &&
	e2e_screen | sed -n 23p | grep -q "\[ *Language *\]" &&
	quit
}
e2e_case "40 columns: the buttons have short labels, whole" english_buttons

# In every language each button shows a whole label or ends in "…".
translated_buttons() {
	for lang in es fr de zh_CN; do
		start40 "%" "--lang=$lang" || return 1
		for word in $(line 11); do
			case $word in
			*"$ell") ;;
			*)	grep -A2 '^msgctxt "button' \
				    "$top_srcdir/po/$lang.po" |
				    grep -q "^msgstr \"$word\"" ||
				    { e2e_last_screen="$lang: '$word' is cut"; return 1; } ;;
			esac
		done
		quit || return 1
	done
}
e2e_case "40 columns: buttons whole or with an ellipsis in es fr de zh_CN" \
    translated_buttons

# A section's heading on the status line: cut at a word, then "…".
status_ellipsis() {
	start40 "Where the prostate" "prostate-massage anatomy" &&
	e2e_wait_line 12 "2. Where the prostate is and what$ell" &&
	line 12 | grep -q "what$ell *[0-9]*% *$" &&
	quit &&
	# Without UTF-8: three dots.
	start40 "Where the prostate" "prostate-massage anatomy" LANG=C LC_ALL=C &&
	e2e_wait_line 12 "2. Where the prostate is and..." &&
	! e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" &&
	quit
}
e2e_case "a status line that does not fit ends in an ellipsis" status_ellipsis

# A long title gives way so that "› heading" shows; no two alike.
search_headings() {
	start40 "Health topics" "" &&
	e2e_keys / && e2e_wait_for "Search:" &&
	e2e_keys -l prostate && e2e_wait_for "headings found" &&
	e2e_wait_for "$ell › What prostate massage is" &&
	e2e_wait_for "› Where the prostate is" &&
	dups=$(e2e_screen | sed -n '4,10p' | sort | uniq -d) &&
	[ -z "$dups" ] &&
	e2e_keys Escape && e2e_wait_gone "Search:" && quit
}
e2e_case "search results keep the heading that matched" search_headings

no_match_wraps() {
	start40 "Health topics" "" &&
	e2e_keys / && e2e_wait_for "Search:" &&
	e2e_keys -l xyzqq && e2e_wait_for "No headings match" &&
	e2e_wait_line 3 "No headings match. Try a shorter word" &&
	e2e_wait_line 4 "or check the spelling." &&
	e2e_keys Escape && quit
}
e2e_case "the no-match hint wraps instead of being cut" no_match_wraps

contents_indent() {
	start40 "contents" "prostate-massage" &&
	e2e_wait_for "2. Where the prostate is and what it" &&
	e2e_screen | grep -q "^     does$" &&
	quit
}
e2e_case "a contents entry that wraps lines up with its text" contents_indent

# Every line of a web address but the last ends in "/", none in "-"
# (a part longer than a line is cut where it must be).
url_lines() {
	start40 "Prostatitis" "prostatitis sources" &&
	e2e_keys End && e2e_wait_for "https://yperman.net/en/" &&
	e2e_wait_for "     healthcare-offer/" &&
	! e2e_screen | grep -E -q "^ +[a-z0-9][^ ]*-$" &&
	e2e_scroll_until "https://view.joomag.com/" PageUp &&
	e2e_wait_for "     pulse-may-2019-issue/" &&
	! e2e_screen | grep -E -q "^ +[a-z0-9][^ ]*-$" &&
	quit
}
e2e_case "web addresses break after a slash only" url_lines

# The key column fits the widest keys, two blanks before what they do.
help_column() {
	start40 "Gesundheitsthemen" "--lang=de" &&
	e2e_keys '?' && e2e_wait_for "Tasten" &&
	e2e_wait_for "BildAb, Leertaste  Eine Seite weiter" &&
	e2e_wait_for "  Oben, k            Eine Zeile" &&
	quit &&
	start40 "Health topics" "" &&
	e2e_keys '?' && e2e_wait_for "Keys" &&
	e2e_wait_for "  Up, k            Move up one line" &&
	quit
}
e2e_case "the help screen's key column fits the language's keys" help_column

too_small() {
	start40 "Health topics" "" &&
	e2e_resize 15 6 && e2e_wait_for "Window too" &&
	e2e_screen | grep -q "^ *small *$" &&
	e2e_resize 40 12 && e2e_wait_gone "Window too" &&
	quit
}
e2e_case "\"Window too small\" fits 15 columns" too_small

# Titles too long for the bar, in English and in Chinese (two columns
# a character): an ellipsis at a word or character boundary.
long=$tap_tmp/long
mkdir -p "$long"
sed -e 's/^id: unicode/id: long/' \
    -e 's/^title: .*/title: A very long title that cannot fit on a narrow screen/' \
    "$top_srcdir/tests/data/unicode/unicode.yaml" > "$long/long.yaml"
sed -e 's/^id: unicode/id: cjk/' \
    -e 's/^title: .*/title: "\\u524D\\u5217\\u817A\\u6309\\u6469\\u7684\\u597D\\u5904\\u4E0E\\u98CE\\u9669\\u4EE5\\u53CA\\u4F55\\u65F6\\u53BB\\u770B\\u533B\\u751F\\u7684\\u8BF4\\u660E"/' \
    "$top_srcdir/tests/data/unicode/unicode.yaml" > "$long/cjk.yaml"

title_ellipsis() {
	run="$PAMPHLET --content $long"
	start40 "$ell" "long" &&
	e2e_wait_line 1 " A very long title that cannot fit on a$ell" &&
	quit &&
	start40 "$ell" "cjk" &&
	# After the blank, 19 characters two columns wide and the ellipsis.
	e2e_wait_line 1 " 前列腺按摩的好处与风险以及何时去看医生$ell" &&
	quit
}
e2e_case "a title bar that does not fit ends in an ellipsis" title_ellipsis

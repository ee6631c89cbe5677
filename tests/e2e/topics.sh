#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Both bundled topics end to end: every section in order with ], and the
# "see also" links between them, followed both ways.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content"
tap_plan 4

# The numbered headings of a topic, as --dump prints them.
headings() {
	LC_ALL=C.UTF-8 $run --width=200 --dump="$1" | grep -E '^[0-9]+\. '
}

# walk TOPIC: from its first section, ] shows each heading in turn.
walk() {
	e2e_start 80 24 &&
	e2e_type "$run $1 $2; echo exit=\$?" &&
	e2e_wait_line 24 "1. " || return 1
	n=$(headings "$1" | wc -l)
	[ "$n" -ge 6 ] || return 1
	i=1
	while [ "$i" -le "$n" ]; do
		h=$(headings "$1" | sed -n "${i}p" | cut -c1-40)
		# The end of the topic may show the last sections together.
		e2e_wait_for "$h" || return 1
		e2e_keys ']'
		i=$((i + 1))
	done
	e2e_wait_for "This is the last section." &&
	e2e_keys q && e2e_wait_for "exit=0"
}

e2e_case "every section of prostate-massage, in order" walk prostate-massage what-it-is
e2e_case "every section of prostatitis, in order" walk prostatitis what-it-is

# The link whose words are $1 is drawn chosen (in reverse video).
link_chosen() {
	e2e_tmux capture-pane -t e2e -p -e |
	    grep -q "$(printf '\033\\[[0-9;]*7[0-9;]*m').*See also: $1"
}

# follow FROM SECTION LINK-TEXT TITLE: the link in that section opens TITLE.
follow() {
	e2e_start 80 24 &&
	e2e_type "$run $1 $2; echo exit=\$?" &&
	e2e_wait_line 24 "%" || return 1
	e2e_scroll_until "See also: $3" Down || return 1
	# Tab chooses links in order until the one wanted is chosen.
	tries=0
	until link_chosen "$3"; do
		tries=$((tries + 1))
		[ "$tries" -gt 10 ] && return 1
		e2e_keys Tab
		e2e_wait_for "See also" || return 1
	done
	e2e_keys Enter &&
	e2e_wait_line 1 " $4" &&
	e2e_keys BSpace &&
	e2e_wait_for "See also: $3" &&
	e2e_keys q && e2e_wait_for "exit=0"
}

e2e_case "prostate massage links to prostatitis" \
    follow prostate-massage what-it-is "Tests for prostatitis" Prostatitis
e2e_case "prostatitis links back to prostate massage" \
    follow prostatitis tests "How prostate massage is done" "Prostate massage"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Both bundled topics end to end: every section in order with ], and the
# "see also" links between them, followed both ways; a link to a block of
# another topic, and one whose topic is missing.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

run="$PAMPHLET --content $e2e_content"
tap_plan 6

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

# Two topics of our own: a link to a subheading far down the other topic
# opens it with that subheading at the top of the page, and a link to a
# topic that is not there is shown as text, not as a link.
links=$tap_tmp/links
mkdir -p "$links"
{
	printf 'id: from\ntitle: From here\nsummary: Links.\n'
	printf 'last_reviewed: 2026-10-01\nnext_review: 2028-10-01\n'
	printf 'reviewed_by: a nurse\nsections:\n  - id: main\n'
	printf '    heading: Main\n    blocks:\n'
	printf '      - see_also: {topic: gone, text: A lost link}\n'
	printf '      - see_also: {topic: to, block: far}\n'
} >"$links/from.yaml"
{
	printf 'id: to\ntitle: Going there\nsummary: A long topic.\n'
	printf 'last_reviewed: 2026-10-01\nnext_review: 2028-10-01\n'
	printf 'reviewed_by: a nurse\nsections:\n  - id: one\n'
	printf '    heading: One\n    blocks:\n'
	i=0
	while [ "$i" -lt 30 ]; do
		printf '      - paragraph: Filler text number %d.\n' "$i"
		i=$((i + 1))
	done
	printf '      - subheading: The far subheading\n        id: far\n'
	while [ "$i" -lt 60 ]; do
		printf '      - paragraph: Text under it, number %d.\n' "$i"
		i=$((i + 1))
	done
} >"$links/to.yaml"
lrun="$PAMPHLET --content $links"

follow_block() {
	e2e_start 80 24 &&
	e2e_type "$lrun from main; echo exit=\$?" &&
	e2e_wait_for "See also: Going there" || return 1
	e2e_keys Tab &&
	link_chosen "Going there" &&
	e2e_keys Enter &&
	# The subheading is the first line of the page, under the title bar.
	e2e_wait_line 2 "The far subheading" &&
	e2e_keys BSpace &&
	e2e_wait_for "See also: Going there" &&
	e2e_keys q && e2e_wait_for "exit=0"
}

missing_link() {
	e2e_start 80 24 &&
	e2e_type "$lrun from main 2>/dev/null; echo exit=\$?" &&
	e2e_wait_for "See also: A lost link (not available here)" || return 1
	# Tab goes only to the link that works.
	e2e_keys Tab &&
	link_chosen "Going there" &&
	! link_chosen "A lost link" &&
	e2e_keys q && e2e_wait_for "exit=0"
}

e2e_case "a link to a block opens the topic at that block" follow_block
e2e_case "a link to a missing topic shows as text, not available" missing_link

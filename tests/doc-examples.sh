#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The examples of doc/content-format.md pass --check with no error and
# no warning: the complete topic (beside a topic its links name), the
# blocks with keys beside their type, the drawing after '|2', and the
# pack manifest.  An example is an indented block of the page; each is
# found by a line it holds.
. "${top_srcdir:-.}/tests/lib.sh"
tap_tmpdir
cd "$top_srcdir" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 PAMPHLET_LOCALEDIR=/nonexistent
doc=doc/content-format.md
T=$tap_tmp

# example LINE: the indented block of the page that holds LINE, less its
# four spaces of indent.
example() {
	awk -v want="$1" '
	    /^    / || /^$/ { block = block substr($0, 5) "\n"; if (index($0, want)) hit = 1; next }
	    { if (hit) { printf "%s", block; done = 1; exit } block = ""; hit = 0 }
	    END { if (hit && !done) printf "%s", block }' "$doc"
}

# check NAME DIR: --check of DIR says no error and no warning.
check() {
	"$PAMPHLET" --check "$2" >"$T/out" 2>&1
	rc=$?
	if [ "$rc" -ne 0 ]; then
		tap_fail "$1" "exit status $rc" "$(cat "$T/out")"
	elif ! grep -q "Errors: 0. Warnings: 0." "$T/out"; then
		tap_fail "$1" "$(cat "$T/out")"
	else
		tap_ok "$1"
	fi
}

# A topic of our own around some blocks, with the references they cite.
wrap() {
	printf 'id: %s\ntitle: Blocks\nsummary: Blocks from the page.\n' "$1"
	printf 'last_reviewed: 2026-10-01\nnext_review: 2028-10-01\n'
	printf 'reviewed_by: a nurse\nsections:\n  - id: main\n'
	printf '    heading: Main\n    blocks:\n'
	sed 's/^/      /'
	printf 'references:\n'
	for r in $2; do
		printf '  - id: %s\n    authors: A B\n    title: A title\n' "$r"
		printf '    source: A journal\n'
	done
}

tap_plan 5

mkdir "$T/full"
example "id: asthma-inhaler" >"$T/full/asthma-inhaler.yaml"
cat >"$T/full/asthma-attack.yaml" <<'TOPIC'
id: asthma-attack
title: An asthma attack
summary: What to do.
last_reviewed: 2026-10-01
next_review: 2028-10-01
reviewed_by: a nurse
sections:
  - id: what-to-do
    heading: What to do
    blocks:
      - paragraph: Sit up and take your inhaler.
      - subheading: Signs
        id: signs
TOPIC
if grep -q "^sections:" "$T/full/asthma-inhaler.yaml"; then
	check "the complete example" "$T/full"
else
	tap_fail "the complete example" "not found in $doc"
fi

mkdir "$T/blocks"
example "refs: [nhs-blood-in-urine]" |
    wrap blocks "yuan-1992 nhs-blood-in-urine" >"$T/blocks/blocks.yaml"
check "the blocks with keys beside their type" "$T/blocks"

mkdir "$T/figure"
example "art: |2" | wrap figure "" | sed '/^references:$/d' >"$T/figure/figure.yaml"
check "the drawing after '|2'" "$T/figure"
# Its second line is indented less than its first, and both keep their
# shape.
"$PAMPHLET" --content "$T/figure" --dump=figure >"$T/out" 2>&1
if grep -q '^    /\\$' "$T/out" && grep -q '^  --+--$' "$T/out"; then
	tap_ok "the drawing after '|2' keeps its spaces"
else
	tap_fail "the drawing after '|2' keeps its spaces" "$(cat "$T/out")"
fi

mkdir "$T/pack"
example "id: clinic" >"$T/pack/pack.yaml"
cat >"$T/pack/clinic-hours.yaml" <<'TOPIC'
id: clinic-hours
title: When we are open
summary: Our hours.
last_reviewed: 2026-10-01
next_review: 2028-10-01
sections:
  - id: hours
    heading: Hours
    blocks:
      - paragraph: We are open every day.
TOPIC
"$PAMPHLET" --check "$T/pack" >"$T/out" 2>&1
rc=$?
# The pack lists languages whose catalogues are not built here.
if [ "$rc" -eq 0 ] && grep -q "Errors: 0\." "$T/out" &&
    ! grep -v "there is no pamphlet-pack-clinic.mo" "$T/out" | grep -q "warning"; then
	tap_ok "the pack manifest"
else
	tap_fail "the pack manifest" "exit status $rc" "$(cat "$T/out")"
fi

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Packs end to end: topics from two folders, each with its own
# translations, in one library and in every shipped language; one id in
# two packs; and a running kiosk that takes changed content at its idle
# reset, or keeps what it shows when the new content is broken.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# The languages the test pack is translated into: the shipped ones.
langs=$tests_shipped_langs
command -v msgfmt >/dev/null 2>&1 || tap_skip_all "msgfmt is not installed"
export TEXTDOMAINDIR="$PAMPHLET_LOCALEDIR"
data=$(cd "$top_srcdir/tests/data/packs" && pwd)
set -- $langs
tap_plan $(( 8 + $# ))

# A copy of the clinic's pack with its catalogues built inside it, as a
# pack folder copied onto a machine would be.
packs=$tap_tmp/packs
mkdir -p "$packs"
cp -r "$data/clinic" "$packs/clinic"
for po in "$packs"/clinic/po/*.po; do
	lang=$(basename "$po" .po)
	mkdir -p "$packs/clinic/locale/$lang/LC_MESSAGES"
	msgfmt -o "$packs/clinic/locale/$lang/LC_MESSAGES/pamphlet-pack-clinic.mo" \
	    "$po" || tap_skip_all "msgfmt failed on $po"
done
rm -r "$packs/clinic/po"
cp -r "$e2e_content" "$packs/core"
both="--content $packs/core --content $packs/clinic"

# tx LANG DOMAIN CONTEXT TEXT: the translation, as a catalogue has it.
tx() {
	LANGUAGE=$1 LC_ALL=C.UTF-8 gettext -d "$2" -c "$3" "$4"
}

checks_clean() {
	"$PAMPHLET" --check "$packs/core" "$packs/clinic" >"$tap_tmp/out" 2>&1 &&
	grep -q "Errors: 0. Warnings: 0." "$tap_tmp/out" &&
	! grep -q "missing" "$tap_tmp/out"
}
e2e_case "two packs check clean together, their catalogues found" checks_clean

one_library() {
	"$PAMPHLET" $both --list >"$tap_tmp/out" 2>&1 &&
	[ "$(cut -d' ' -f1 "$tap_tmp/out" | tr '\n' ' ')" = \
	    "prostate-massage prostatitis clinic-hours " ]
}
e2e_case "--list shows both packs, pack by pack" one_library

dup_check() {
	! "$PAMPHLET" --check "$e2e_content" "$data/dup" >"$tap_tmp/out" 2>&1 &&
	grep -q "dup/prostatitis.yaml:1:5: error: topic id 'prostatitis' is also used by .*content/prostatitis.yaml, which is shown instead" \
	    "$tap_tmp/out"
}
e2e_case "--check: one id in two packs is an error naming both files" dup_check

dup_view() {
	# It lists what loaded, and exits 1 for the error.
	! "$PAMPHLET" --content "$e2e_content" --content "$data/dup" \
	    --list >"$tap_tmp/out" 2>"$tap_tmp/err" &&
	grep -q "^prostatitis  Prostatitis$" "$tap_tmp/out" &&
	! grep -q "Another prostatitis page" "$tap_tmp/out" &&
	grep -q "is also used by .*content/prostatitis.yaml, which is shown instead" \
	    "$tap_tmp/err"
}
e2e_case "the viewer shows the first pack's topic and says so" dup_view

one_pot() {
	! "$PAMPHLET" $both --extract-pot >"$tap_tmp/out" 2>"$tap_tmp/err" &&
	grep -q "makes the template of one pack" "$tap_tmp/err" &&
	"$PAMPHLET" --content "$packs/clinic" --extract-pot >"$tap_tmp/out" &&
	grep -q '^"Project-Id-Version: pamphlet-pack-clinic' "$tap_tmp/out"
}
e2e_case "--extract-pot works on one pack at a time" one_pot

for lang in $langs; do
	home=$(LANGUAGE=$lang LC_ALL=C.UTF-8 gettext -d pamphlet "Health topics")
	core=$(tx "$lang" pamphlet-pack-core prostate-massage "Prostate massage")
	clinic=$(TEXTDOMAINDIR=$packs/clinic/locale tx "$lang" \
	    pamphlet-pack-clinic clinic-hours "Opening hours")
	both_translated() {
		[ "$core" != "Prostate massage" ] &&
		[ "$clinic" != "Opening hours" ] &&
		e2e_start 80 24 &&
		e2e_type "$PAMPHLET $both --lang=$lang; echo exit=\$?" &&
		e2e_wait_line 1 "$home" &&
		e2e_wait_for "$core" && e2e_wait_for "$clinic" &&
		e2e_keys q && e2e_wait_for "exit=0"
	}
	e2e_case "$lang: both packs in one library, each translated" \
	    both_translated
done

# A kiosk left alone takes changed content at its idle reset.
kiosk() {
	e2e_start 80 24 &&
	e2e_type "$PAMPHLET $both --kiosk --idle=2 2>$tap_tmp/log" &&
	e2e_wait_for "Opening hours"
}
reload() {
	kiosk || return 1
	sed 's/^title: Opening hours/title: Hours and holidays/' \
	    "$data/clinic/clinic-hours.yaml" >"$packs/clinic/new.tmp" &&
	mv "$packs/clinic/new.tmp" "$packs/clinic/clinic-hours.yaml" &&
	E2E_TIMEOUT=20 e2e_wait_for "Hours and holidays" &&
	! e2e_screen | grep -q "Opening hours" &&
	e2e_wait_file "$tap_tmp/log" "new content shown: 3 topics" 1
}
e2e_case "a running kiosk shows a changed pack after its idle reset" reload

broken() {
	printf 'id: clinic-hours\ntitle: [\n' >"$packs/clinic/clinic-hours.yaml" &&
	E2E_TIMEOUT=20 e2e_wait_file "$tap_tmp/log" \
	    "the new content has errors and is not shown" 1 &&
	grep -q "clinic-hours.yaml:3:1: error: YAML syntax error" "$tap_tmp/log" &&
	e2e_screen | grep -q "Hours and holidays"
}
e2e_case "broken new content keeps the old text and logs why" broken

fixed() {
	cp "$data/clinic/clinic-hours.yaml" "$packs/clinic/clinic-hours.yaml" &&
	E2E_TIMEOUT=20 e2e_wait_for "Opening hours" &&
	e2e_wait_file "$tap_tmp/log" "new content shown: 3 topics" 2
}
e2e_case "content fixed again is taken at the next look" fixed

e2e_stop

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Golden files: the --dump and --check output of fixture topics, compared
# byte for byte with what is expected.  To accept new output after a
# deliberate change, run with GOLDEN_UPDATE=1 and review the diff.
. "${top_srcdir:-.}/tests/lib.sh"
tap_tmpdir
cd "$top_srcdir" || exit 1
# Relative, so that messages name the same paths in every build tree.
data=tests/data/golden
export LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 PAMPHLET_LOCALEDIR=/nonexistent

# Each case: name, expected file, exit status, command.
cases() {
	echo "dump-72 dump-72.out 0 --content $data/content --dump=sample"
	echo "dump-40 dump-40.out 0 --content $data/content --width=40 --dump=sample"
	echo "dump-120 dump-120.out 0 --content $data/content --width=120 --dump=sample"
	echo "dump-ascii dump-ascii.out 0 --content $data/content --dump=sample ASCII"
	echo "dump-emergency dump-emergency.out 0 --content $data/content --emergency-number=112 --width=50 --dump=sample"
	echo "list list.out 0 --content $data/content --list"
	echo "check-clean check-clean.out 0 --check $data/content"
	echo "check-bad check-bad.out 1 --check $data/bad"
	echo "check-one-file check-one-file.out 1 --check $data/bad/links.yaml"
	echo "check-hard check-hard.out 1 --check $data/hard"
	echo "check-marks check-marks.out 1 --check tests/data/bad/figure-indent.yaml tests/data/bad/text-marks.yaml tests/data/bad/not-english.yaml tests/data/bad/control-char.yaml tests/data/bad/care-title.yaml tests/data/bad/link-blocks.yaml"
	echo "dump-unknown dump-unknown.out 1 --content $data/content --dump=nothing"
	echo "usage-bad-option usage-bad-option.out 2 --frobnicate"
	echo "usage-bad-width usage-bad-width.out 2 --width=5 --dump=sample"
	echo "usage-extra-arg usage-extra-arg.out 2 --list extra"
}

# The settings file's place is set when pamphlet is configured.
settings=$("$PAMPHLET" --version | sed -n 's/^Settings: *//p')
[ -n "$settings" ] || settings=/nonexistent/settings

tap_plan "$(cases | wc -l)"
cases | while read -r name expect status args; do
	case $args in
	*" ASCII") args=${args% ASCII}; enc=C ;;
	*) enc=C.UTF-8 ;;
	esac
	# shellcheck disable=SC2086
	LC_ALL=$enc "$PAMPHLET" $args >"$tap_tmp/raw" 2>&1
	got=$?
	sed "s|$settings|SETTINGS|g" "$tap_tmp/raw" >"$tap_tmp/out"
	# Paths in messages are relative to the source tree.
	if [ "$got" -ne "$status" ]; then
		tap_fail "$name" "exit status $got, expected $status" "$(cat "$tap_tmp/out")"
	elif [ -n "${GOLDEN_UPDATE-}" ]; then
		cp "$tap_tmp/out" "$data/$expect"
		tap_ok "$name # updated"
	elif diff -u "$data/$expect" "$tap_tmp/out" >"$tap_tmp/diff"; then
		tap_ok "$name"
	else
		tap_fail "$name" "$(head -40 "$tap_tmp/diff")"
	fi
done

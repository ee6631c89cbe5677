#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Output that cannot be written is an error: each command that prints a
# result, sent to a full device, says so on stderr and exits 1, not 0.
. "${top_srcdir:-.}/tests/lib.sh"
tap_tmpdir
cd "$top_srcdir" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 PAMPHLET_LOCALEDIR=/nonexistent
data=tests/data/golden/content

if [ ! -w /dev/full ]; then
	tap_skip_all "no /dev/full on this system"
fi

cases() {
	echo "--content $data --list"
	echo "--content $data --dump=sample"
	echo "--check $data"
	echo "--content $data --extract-pot"
	echo "--help"
	echo "--version"
}

tap_plan "$(cases | wc -l)"
cases | while read -r args; do
	# shellcheck disable=SC2086
	"$PAMPHLET" $args >/dev/full 2>"$tap_tmp/err"
	got=$?
	if [ "$got" -eq 1 ] && grep -q '^pamphlet: write error: ' "$tap_tmp/err"
	then
		tap_ok "$args into a full device: exit 1 with a message"
	else
		tap_fail "$args into a full device: exit 1 with a message" \
		    "exit status $got" "$(cat "$tap_tmp/err")"
	fi
done

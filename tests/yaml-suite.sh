#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every in.yaml of the public YAML test suite goes through --check: none
# is a topic, so each must be rejected (exit 1) with an error line naming
# the file, and none may crash the program or hang.  The suite is read in
# place from PAMPHLET_YAML_SUITE (default: ../shared/corpora/yaml-test-suite
# beside the source tree); the script is skipped when it is absent.
. "${top_srcdir:-.}/tests/lib.sh"
suite=${PAMPHLET_YAML_SUITE:-$top_srcdir/../shared/corpora/yaml-test-suite}
[ -d "$suite" ] || tap_skip_all "no YAML test suite at $suite"
tap_tmpdir
export LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 PAMPHLET_LOCALEDIR=/nonexistent

find "$suite" -name in.yaml -type f | LC_ALL=C sort >"$tap_tmp/list"
n=$(wc -l <"$tap_tmp/list")
[ "$n" -gt 0 ] || tap_skip_all "no in.yaml under $suite"
tap_plan "$n"
while IFS= read -r file; do
	# The suite id, with the sub-case number where there is one: SM9W/01.
	id=${file#"$suite"/}
	id=${id%/in.yaml}
	timeout 10 "$PAMPHLET" --check "$file" >"$tap_tmp/out" 2>&1
	got=$?
	if [ "$got" -eq 124 ]; then
		tap_fail "$id" "hung: killed after 10 s"
	elif [ "$got" -ge 128 ]; then
		tap_fail "$id" "crashed: exit status $got" "$(head -5 "$tap_tmp/out")"
	elif [ "$got" -ne 1 ]; then
		tap_fail "$id" "exit status $got, expected 1" "$(head -5 "$tap_tmp/out")"
	elif ! awk -v f="$file" 'index($0, f) == 1 &&
	    substr($0, length(f) + 1) ~ /^(:[0-9]+:[0-9]+)?: error: / { ok = 1 }
	    END { exit !ok }' "$tap_tmp/out"; then
		tap_fail "$id" "no FILE:LINE:COL: error: line" "$(head -5 "$tap_tmp/out")"
	else
		tap_ok "$id"
	fi
done <"$tap_tmp/list"

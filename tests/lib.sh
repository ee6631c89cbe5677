# SPDX-License-Identifier: GPL-3.0-or-later
# TAP helpers for the shell tests.  Each test script sources this file,
# calls tap_plan with its number of cases, then one of tap_ok / tap_fail
# per case.  Paths come from the environment make check sets.

: "${top_srcdir:=.}"
: "${PAMPHLET:=./pamphlet}"
tap_n=0
tap_failed=0

tap_plan() { echo "1..$1"; }

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

tap_fail() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/# /'
	done
}

tap_skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# tap_check NAME COMMAND...: a case that passes when the command succeeds.
tap_check() {
	tap_check_name=$1
	shift
	if tap_check_out=$("$@" 2>&1); then
		tap_ok "$tap_check_name"
	else
		tap_fail "$tap_check_name" "$tap_check_out"
	fi
}

# tap_times_ms BEFORE AFTER: the processor time, user plus system, in
# milliseconds, that the children a shell waited for used between two
# files its "times" wrote.  The second line of "times" is the children's:
# "0m0.012s 0m0.004s" (bash) or "0m0.010000s 0m0.000000s" (dash).
tap_times_ms() {
	awk 'function ms(t, a) {
		sub(/s$/, "", t); split(t, a, "m"); return a[1] * 60000 + a[2] * 1000
	    }
	    FNR == 2 { c[++n] = ms($1) + ms($2) }
	    END { printf "%d\n", c[2] - c[1] + 0.5 }' "$1" "$2"
}

# tap_cpu COMMAND...: runs COMMAND; sets tap_cpu_rc to its exit status
# and tap_cpu_ms to the processor time, user plus system, in milliseconds,
# that it and every process it waited for used.  The shell's "times"
# gives that total for all the children it has waited for, so the
# difference across the command is the command's own: time other
# programs on a busy machine take is not counted.  Needs tap_tmpdir.
tap_cpu() {
	times >"$tap_tmp/times.0"
	"$@"
	tap_cpu_rc=$?
	times >"$tap_tmp/times.1"
	tap_cpu_ms=$(tap_times_ms "$tap_tmp/times.0" "$tap_tmp/times.1")
}

# A scratch directory removed at exit.
tap_tmpdir() {
	tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/pamphlet-test.XXXXXX")
	trap 'rm -rf "$tap_tmp"' EXIT
}

# The languages a release ships.  Each must be translated in full:
# tests/bundled.sh fails when one is not.  Any other language in LINGUAS
# is tested end to end once both its PO files are complete, and left
# out, with a note in the test's output, while a translator is at work.
tests_shipped_langs="de es fr zh_CN"

# lang_linguas: every code in po/LINGUAS and po-content/LINGUAS, one a
# line, in order.
lang_linguas() {
	sed 's/#.*//' "$top_srcdir/po/LINGUAS" "$top_srcdir/po-content/LINGUAS" |
	    tr -s ' \t' '\n\n' | grep . | LC_ALL=C sort -u
}

# lang_left CODE: how many messages of the language's two PO files are
# untranslated or fuzzy, as msgfmt --statistics counts them; 0 when both
# are complete.  A missing file counts as one.
lang_left() {
	for po in "$top_srcdir/po/$1.po" "$top_srcdir/po-content/$1.po"; do
		if [ -f "$po" ]; then
			LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1
		else
			echo "1 untranslated"
		fi
	done | awk '{ for (i = 2; i <= NF; i++)
	    if ($i ~ /^(fuzzy|untranslated)/) n += $(i - 1) }
	    END { print n + 0 }'
}

# lang_split: sets lang_full to the languages of LINGUAS the end-to-end
# tests cover (each shipped one, and every other one that is complete)
# and lang_part to the rest, each as CODE:LEFT (see lang_left).
lang_split() {
	lang_full=
	lang_part=
	for l in $(lang_linguas); do
		case " $tests_shipped_langs " in
		*" $l "*) lang_full="$lang_full $l"; continue ;;
		esac
		left=$(lang_left "$l")
		if [ "$left" -eq 0 ]; then
			lang_full="$lang_full $l"
		else
			lang_part="$lang_part $l:$left"
		fi
	done
}

# lang_skip_part: one skipped case for each language lang_split left out.
lang_skip_part() {
	for p in $lang_part; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n - ${p%%:*}: not tested # SKIP ${p#*:} messages are not translated yet; a language is tested once it is complete"
	done
}

# po_check ARG...: runs tools/po-check (PO_CHECK), under the emulator
# when the tests run a build for another machine (QEMU, as
# tools/cross-armhf sets it).
po_check() {
	# shellcheck disable=SC2086
	${QEMU:+$QEMU} "$PO_CHECK" "$@"
}

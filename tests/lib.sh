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

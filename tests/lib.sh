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

# A scratch directory removed at exit.
tap_tmpdir() {
	tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/pamphlet-test.XXXXXX")
	trap 'rm -rf "$tap_tmp"' EXIT
}

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs each fuzz target for SECONDS (default 40, so that the six take
# four minutes) and reports in TAP: one line per target, with the number
# of runs or the file that made it fail.  Findings are in the TAP, so the
# exit status is 0 unless the targets cannot be built.
#
#	tests/fuzz/run.sh [SECONDS]
#
# Each target runs as FUZZ_JOBS processes at once (by default one per
# processor), which share its corpus; its runs are those of all of them.
# For a target NAME (CONTENT, TEXT, MO, PACK, FORMS or SETTINGS):
#
#	FUZZ_SECONDS_NAME	its time, instead of SECONDS;
#	FUZZ_RUNS_NAME		a number of runs, shared among the jobs,
#				after which it stops before its time is up;
#	FUZZ_MIN_EXECS_NAME	its line is "not ok" if it made fewer runs.
#
# The targets are built (tests/fuzz/build.sh) into tests/fuzz in the
# current directory, with its config.h when that directory is a
# configured build tree.  The seeds are content/*.yaml, tests/data and
# every in.yaml of the YAML test suite in PAMPHLET_YAML_SUITE (by
# default ../shared/corpora/yaml-test-suite beside the source tree); the
# catalogue target starts from the project's PO files, compiled; the
# packed-tree target from the YAML seeds, which it packs itself; the
# target of plural forms and formats from tests/data/fuzz-forms (headers
# and translated formats) and the compiled PO files; the settings target
# from tests/data/fuzz-settings.
# Crash files are kept in FUZZ_ARTIFACTS (default tests/fuzz/artifacts).
#
# ASan keeps up to 256 MiB of freed memory in quarantine by default, which
# alone would pass -rss_limit_mb=256 after a few thousand runs; unless
# ASAN_OPTIONS says otherwise, the quarantine is 32 MiB.  With that, a
# target stays well under the limit, so libFuzzer is told not to give
# free memory back to the system every second once half the limit is
# used: the content target then spent most of its time faulting the
# same pages in again.

set -u

case ${ASAN_OPTIONS:-} in
*quarantine_size_mb=*)	;;
*)	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=32 ;;
esac
export ASAN_OPTIONS

seconds=${1:-40}
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
top_srcdir=$(cd "$top_srcdir" && pwd)
suite=${PAMPHLET_YAML_SUITE:-$top_srcdir/../shared/corpora/yaml-test-suite}
outdir=$(pwd)/tests/fuzz
artifacts=${FUZZ_ARTIFACTS:-$outdir/artifacts}
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case $jobs in
''|*[!0-9]*|0)	jobs=1 ;;
esac

builddir=
[ -f config.h ] && builddir=.
if ! sh "$top_srcdir/tests/fuzz/build.sh" -o "$outdir" $builddir \
    >"${TMPDIR:-/tmp}/fuzz-build.$$.log" 2>&1; then
	cat "${TMPDIR:-/tmp}/fuzz-build.$$.log" >&2
	rm -f "${TMPDIR:-/tmp}/fuzz-build.$$.log"
	echo "Bail out! the fuzz targets do not build"
	exit 1
fi
rm -f "${TMPDIR:-/tmp}/fuzz-build.$$.log"

work=$(mktemp -d "${TMPDIR:-/tmp}/pamphlet-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
mkdir -p "$artifacts" "$work/seeds" "$work/seeds-mo" "$work/seeds-forms" \
    "$work/content" "$work/text" "$work/mo" "$work/pack" "$work/forms" \
    "$work/settings"
artifacts=$(cd "$artifacts" && pwd)

# Seeds, named by number: the corpus directories are libFuzzer's to fill.
n=0
{
	find "$top_srcdir/content" "$top_srcdir/tests/data" -type f \
	    -name '*.yaml' 2>/dev/null
	[ -d "$suite" ] && find "$suite" -type f -name in.yaml 2>/dev/null
} | while IFS= read -r f; do
	n=$((n + 1))
	cp "$f" "$work/seeds/$n"
done
# The catalogue check starts from every catalogue the sources make.
n=0
if command -v msgfmt >/dev/null 2>&1; then
	for f in "$top_srcdir"/po/*.po "$top_srcdir"/po-content/*.po \
	    "$top_srcdir"/tests/data/i18n/*.po; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		msgfmt -o "$work/seeds-mo/$n" "$f" 2>/dev/null
	done
fi
cp "$work"/seeds-mo/* "$top_srcdir"/tests/data/fuzz-forms/* \
    "$work/seeds-forms/" 2>/dev/null

echo "1..6"
i=0
for t in fuzz_content fuzz_text fuzz_mo fuzz_pack fuzz_forms fuzz_settings; do
	i=$((i + 1))
	log=$work/$t.log
	seeds=$work/seeds
	case $t in
	fuzz_mo)	seeds=$work/seeds-mo ;;
	fuzz_forms)	seeds=$work/seeds-forms ;;
	fuzz_settings)	seeds=$top_srcdir/tests/data/fuzz-settings ;;
	esac
	nseeds=$(find "$seeds" -type f | wc -l)
	name=$(echo "${t#fuzz_}" | tr '[:lower:]' '[:upper:]')
	secs=$seconds runs=-1 min=0
	eval "secs=\${FUZZ_SECONDS_$name:-$secs}"
	eval "runs=\${FUZZ_RUNS_$name:-$runs}"
	eval "min=\${FUZZ_MIN_EXECS_$name:-$min}"
	# Each job makes its share of the runs, rounded up.
	[ "$runs" -gt 0 ] && runs=$(((runs + jobs - 1) / jobs))
	set --
	[ "$jobs" -gt 1 ] && set -- -jobs="$jobs" -workers="$jobs"
	start=$(date +%s)
	# The jobs write fuzz-N.log in the current directory; libFuzzer
	# copies each into its own output when the job ends.
	(cd "$work" && exec "$outdir/$t" "$@" -runs="$runs" \
	    -max_total_time="$secs" -timeout=2 -rss_limit_mb=256 \
	    -purge_allocator_interval=-1 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$artifacts/$t-" \
	    "$work/${t#fuzz_}" "$seeds") >"$log" 2>&1
	rc=$?
	elapsed=$(($(date +%s) - start))
	[ "$elapsed" -gt 0 ] || elapsed=1
	rm -f "$work"/fuzz-*.log
	# The runs of every job, each of which prints its own total.
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    awk '{ n += $1 } END { print n + 0 }')
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" |
	    tail -n 1)
	what="$execs execs in ${elapsed}s ($((execs / elapsed)) execs/s,"
	what="$what $jobs job(s), $nseeds seeds)"
	if [ $rc -eq 0 ] && [ -z "$crash" ] && [ "$execs" -ge "$min" ]; then
		echo "ok $i - $t: $what, no finding"
	elif [ $rc -eq 0 ] && [ -z "$crash" ]; then
		echo "not ok $i - $t: $what, fewer than $min"
		grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -n 4 |
		    sed 's/^/# /'
	else
		echo "not ok $i - $t: ${crash:-exit status $rc}" \
		    "after $execs execs"
		grep -E '^(==[0-9]+==|SUMMARY|fuzz_[a-z]*:|.*runtime error)' \
		    "$log" | head -n 20 | sed 's/^/# /'
		# libFuzzer's timeout is wall-clock time: on a busy machine
		# say how much processor time the unit really takes.
		case $crash in
		*/$t-timeout-*)
			if [ -x /usr/bin/time ]; then
				/usr/bin/time -f '%U %S %e' -o "$work/time" \
				    "$outdir/$t" "$crash" >/dev/null 2>&1
				awk '{ printf "# replayed: %.2f s of CPU, " \
				    "%.2f s wall\n", $1 + $2, $3 }' "$work/time"
			fi
			;;
		esac
		cp "$log" "$artifacts/$t.log"
		echo "# full log: $artifacts/$t.log"
	fi
done
exit 0

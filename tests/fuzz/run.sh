#!/bin/sh
#
# Runs each fuzz target for SECONDS (default 40, so that the six take
# four minutes; FUZZ_SECONDS_CONTENT, FUZZ_SECONDS_TEXT, FUZZ_SECONDS_MO,
# FUZZ_SECONDS_PACK, FUZZ_SECONDS_FORMS and FUZZ_SECONDS_SETTINGS set
# one) and reports in TAP: one line per target, with the number of runs
# or the file that made it fail.  Findings are in the TAP, so the exit
# status is 0 unless the targets cannot be built.
#
#	tests/fuzz/run.sh [SECONDS]
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
# ASAN_OPTIONS says otherwise, the quarantine is 32 MiB.

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
	[ "$t" = fuzz_mo ] && seeds=$work/seeds-mo
	[ "$t" = fuzz_forms ] && seeds=$work/seeds-forms
	[ "$t" = fuzz_settings ] && seeds=$top_srcdir/tests/data/fuzz-settings
	nseeds=$(find "$seeds" -type f | wc -l)
	# FUZZ_SECONDS_CONTENT, _TEXT, _MO, _PACK, _FORMS or _SETTINGS give
	# one target its own time.
	name=$(echo "${t#fuzz_}" | tr '[:lower:]' '[:upper:]')
	eval "secs=\${FUZZ_SECONDS_$name:-$seconds}"
	"$outdir/$t" -max_total_time="$secs" -timeout=2 \
	    -rss_limit_mb=256 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$artifacts/$t-" \
	    "$work/${t#fuzz_}" "$seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -n 1)
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" |
	    tail -n 1)
	if [ $rc -eq 0 ] && [ -z "$crash" ]; then
		echo "ok $i - $t: ${execs:-0} execs, no finding" \
		    "($nseeds seeds, ${secs}s," \
		    "$((${execs:-0} / secs)) execs/s)"
	else
		echo "not ok $i - $t: ${crash:-exit status $rc}" \
		    "after ${execs:-?} execs"
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

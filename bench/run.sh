#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The performance benchmark behind "make bench", run from the build tree
# with top_srcdir set (the Makefile does it).  Generates libraries of 1,
# 10, 100 and 1,000 topics and a made-up translation ("qa") of each, times
# pamphlet against libyaml's bare parse, cat and less, and writes a
# Markdown table to bench/results.md (or $BENCH_RESULTS).  Every time is a
# median of several runs; doc/benchmark.md explains each row.
#
# BENCH_QUICK=1 makes fewer runs, for trying the benchmark itself.
set -e

: "${top_srcdir:?run this through make bench}"
AWK=${AWK:-awk}
MSGFMT=${MSGFMT:-msgfmt}
export AWK
B=bench
PAMPHLET=./pamphlet
PT=$B/ptytime
OUT=${BENCH_RESULTS:-$B/results.md}
SIZES="1 10 100 1000"
if [ -n "$BENCH_QUICK" ] && [ "$BENCH_QUICK" != 0 ]; then
	RUNS=5 SLOW=3 REPS=5
else
	RUNS=20 SLOW=5 REPS=20
fi
WORK=$B/work
rm -rf "$WORK"
mkdir -p "$WORK"
ABSWORK=$(cd "$WORK" && pwd)

say() { printf '%s\n' "$*" >&2; }

# What is missing, said plainly; less and valgrind only cost their rows.
for tool in "$MSGFMT" "$AWK"; do
	command -v "$tool" >/dev/null 2>&1 || {
		say "bench: $tool is needed (Debian: apt-get install gettext gawk)"
		exit 1
	}
done
have_less=yes
command -v less >/dev/null 2>&1 || {
	have_less=
	say "bench: less is not installed (apt-get install less):" \
	    "the comparison with less is left out"
}
have_valgrind=yes
command -v valgrind >/dev/null 2>&1 || {
	have_valgrind=
	say "bench: valgrind is not installed (apt-get install valgrind):" \
	    "instruction counts are left out"
}

# Numbers in the table: ms with 2 decimals, ratios with 2.
ms() { "$AWK" -v x="$1" 'BEGIN { printf "%.2f", x }'; }
mib() { "$AWK" -v x="$1" 'BEGIN { printf "%.2f", x / 1024 }'; }
ratio() {
	"$AWK" -v a="$1" -v b="$2" \
	    'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}
# 1 if a <= b.
le() { "$AWK" -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) }'; }
verdict() { if [ "$1" = 1 ]; then echo holds; else echo FAILS; fi; }

# Runs ptytime; sets MED MIN P90 RSS (ms, ms, ms, KiB).
pt() {
	set -- $("$PT" "$@")
	[ "$1" = runs ] || { say "bench: ptytime failed"; exit 1; }
	MED=$4 MIN=$6 P90=$8 RSS=${10}
}

# Instructions executed by a command (callgrind's total), or "n/a".
instr() {
	if [ -z "$have_valgrind" ]; then
		echo n/a
		return
	fi
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
	    2>&1 >/dev/null | "$AWK" '/Collected/ { n = $NF }
	    END { print (n == "" ? "n/a" : n) }'
}
mega() {
	case $1 in n/a) echo n/a ;;
	*) "$AWK" -v x="$1" 'BEGIN { printf "%.1f M", x / 1e6 }' ;;
	esac
}

# Environment of every run: the programs see TERM and LANG from ptytime.
LANGUAGE= LC_ALL= NO_COLOR= PAMPHLET_LOCALEDIR=
unset LANGUAGE LC_ALL NO_COLOR PAMPHLET_LOCALEDIR
LANG=C.UTF-8
export LANG
# For less: no preprocessor, no options from the caller.
LESSSECURE=1 LESS= LESSOPEN= LESSCLOSE=
export LESSSECURE LESS LESSOPEN LESSCLOSE
ABSB=$(cd "$B" && pwd)

# --- The libraries and their translations ---------------------------
ui_po=$ABSWORK/qa-ui.po
"$AWK" -v lang=qa -f "$top_srcdir/bench/po-mechanical.awk" \
    "$top_srcdir/po/pamphlet.pot" > "$ui_po"
for n in $SIZES; do
	lib=$B/lib-$n
	say "bench: generating $lib"
	sh "$top_srcdir/bench/gen.sh" "$n" "$lib/content"
	if ! "$PAMPHLET" --content "$lib/content" --check \
	    > "$WORK/check-$n.txt" 2>&1; then
		tail -20 "$WORK/check-$n.txt" >&2
		say "bench: the generated library $lib fails --check"
		exit 1
	fi
	loc=$lib/locale/qa/LC_MESSAGES
	mkdir -p "$loc"
	"$PAMPHLET" --content "$lib/content" --extract-pot |
	    "$AWK" -v lang=qa -f "$top_srcdir/bench/po-mechanical.awk" \
	    > "$WORK/qa-content-$n.po"
	"$MSGFMT" -c -o "$loc/pamphlet-content.mo" "$WORK/qa-content-$n.po"
	"$MSGFMT" -c -o "$loc/pamphlet.mo" "$ui_po"
	rm -f "$WORK/qa-content-$n.po"
done

# --- Machine ---------------------------------------------------------
cpu=$(sed -n 's/^model name[	 ]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
cores=$(nproc 2>/dev/null || echo "?")
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
kernel=$(uname -sr)
lessv=$( [ -n "$have_less" ] && less --version | head -1 || echo none)
yamlv=$(pkg-config --modversion yaml-0.1 2>/dev/null || echo "?")
ncursesv=$(pkg-config --modversion ncursesw 2>/dev/null || echo "?")
pamv=$("$PAMPHLET" --version | head -1)
rev=$(git -C "$top_srcdir" rev-parse --short HEAD 2>/dev/null || true)
if [ -n "$rev" ] && [ -n "$(git -C "$top_srcdir" status --porcelain \
    --untracked-files=no 2>/dev/null | head -1)" ]; then
	rev="$rev, with local changes"
fi

T=$WORK/table.md
: > "$T"
row() { printf '%s\n' "$*" >> "$T"; }

# --- Bundled content against less ------------------------------------
say "bench: first screen, bundled content"
content=$top_srcdir/content
topic=prostate-massage
pt -n "$RUNS" -m "q: quit" "$PAMPHLET" --content "$content" "$topic"
p_med=$MED p_min=$MIN p_p90=$P90 p_rss=$RSS
pt -n "$RUNS" -m "q: quit" "$PAMPHLET" --content "$content" "$topic" \
    what-it-is
r_med=$MED r_min=$MIN r_p90=$P90 r_rss=$RSS
"$PAMPHLET" --content "$content" --dump="$topic" > "$WORK/$topic.txt"
# The same with the pack's index in a cache folder.
rm -rf "$WORK/cache-core"
"$PAMPHLET" --content "$content" --cache "$WORK/cache-core" --index > /dev/null
pt -n "$RUNS" -m "q: quit" "$PAMPHLET" --content "$content" \
    --cache "$WORK/cache-core" "$topic"
x_med=$MED x_min=$MIN x_p90=$P90 x_rss=$RSS
if [ -n "$have_less" ]; then
	# The prompt, drawn last, shows the file's name.
	pt -n "$RUNS" -m "$WORK/$topic.txt" less "$WORK/$topic.txt"
	l_med=$MED l_min=$MIN l_p90=$P90 l_rss=$RSS
else
	l_med=0 l_min=0 l_p90=0 l_rss=0
fi
# pinfo, the nearest ncursesw reader, on the same text made into an Info
# file (by makeinfo, from a Texinfo wrapper around the --dump).
have_pinfo=
if command -v pinfo >/dev/null 2>&1 && command -v makeinfo >/dev/null 2>&1
then
	{
		printf '\\input texinfo\n@setfilename %s.info\n' "$topic"
		printf '@settitle %s\n@node Top\n@top %s\n@verbatim\n' \
		    "$topic" "$topic"
		cat "$WORK/$topic.txt"
		printf '@end verbatim\n@bye\n'
	} > "$WORK/$topic.texi"
	if makeinfo --no-split -o "$WORK/$topic.info" "$WORK/$topic.texi" \
	    2>/dev/null; then
		have_pinfo=yes
		# The status line at the bottom, drawn last.
		pt -n "$RUNS" -m "Viewing line" pinfo -f "$WORK/$topic.info"
		i_med=$MED i_min=$MIN i_p90=$P90 i_rss=$RSS
	fi
else
	say "bench: pinfo or makeinfo is not installed (apt-get install" \
	    "pinfo texinfo): the comparison with pinfo is left out"
fi

row "### First screen, bundled content (topic $topic), 80x24 pty"
row ""
row "Median of $RUNS runs after 1 warm-up; time from fork() to the last text"
row "of the first frame (pamphlet: the status line's \"q: quit\"; less: its"
row "prompt), peak RSS from wait4()."
row ""
row "| program | median ms | min ms | p90 ms | peak RSS MiB | time / less | RSS / less |"
row "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row "| pamphlet $topic (its contents) | $(ms $p_med) | $(ms $p_min) | $(ms $p_p90) | $(mib $p_rss) | $(ratio $p_med $l_med) | $(ratio $p_rss $l_rss) |"
row "| pamphlet $topic, with its index | $(ms $x_med) | $(ms $x_min) | $(ms $x_p90) | $(mib $x_rss) | $(ratio $x_med $l_med) | $(ratio $x_rss $l_rss) |"
row "| pamphlet $topic what-it-is (reading) | $(ms $r_med) | $(ms $r_min) | $(ms $r_p90) | $(mib $r_rss) | $(ratio $r_med $l_med) | $(ratio $r_rss $l_rss) |"
if [ -n "$have_less" ]; then
	row "| less on --dump of $topic ($(wc -c < "$WORK/$topic.txt") bytes) | $(ms $l_med) | $(ms $l_min) | $(ms $l_p90) | $(mib $l_rss) | 1.00 | 1.00 |"
fi
if [ -n "$have_pinfo" ]; then
	row "| pinfo on the same text as Info | $(ms $i_med) | $(ms $i_min) | $(ms $i_p90) | $(mib $i_rss) | $(ratio $i_med $l_med) | $(ratio $i_rss $l_rss) |"
fi
row ""

# --- Libraries of generated topics -----------------------------------
say "bench: libraries"
row "### Generated libraries"
row ""
row "Topics of 8 sections and about 2,200 words; sizes are of the YAML."
row "Process times are wall-clock medians from fork() to exit (first"
row "screen: to the status line in an 80x24 pty), $RUNS runs ($SLOW for"
row "1,000 topics).  yparse is libyaml's bare event parse of the same"
row "files, cat reads them, both as processes.  Load MiB/s is in-process:"
row "content_load_dir against yparse's own loop over the files."
row ""
row "| topics | YAML MiB | first screen ms | first screen, qa ms | peak RSS MiB | --list ms | --check ms | --dump ms | yparse ms | cat ms | load MiB/s | yparse MiB/s | load / yparse |"
row "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
MEMROWS=$WORK/mem.md
: > "$MEMROWS"
load_ok=1
mem_ok=1
for n in $SIZES; do
	lib=$B/lib-$n
	runs=$RUNS
	[ "$n" -ge 1000 ] && runs=$SLOW
	bytes=$(cat "$lib"/content/*.yaml | wc -c)
	pt -n "$runs" -m "q: quit" "$PAMPHLET" --content "$lib/content"
	fs=$MED rss=$RSS
	# The translation is in use only if the catalogues were accepted.
	PAMPHLET_LOCALEDIR=$ABSB/lib-$n/locale
	export PAMPHLET_LOCALEDIR
	if "$PAMPHLET" --content "$lib/content" --lang=qa --dump=t0001 \
	    2>/dev/null | head -1 | grep -q '^ASTHMA'; then
		pt -n "$runs" -m "Q: QUIT" "$PAMPHLET" --content \
		    "$lib/content" --lang=qa
		fsqa=$(ms $MED)
	else
		fsqa="not used (catalogue of $(wc -c < \
		    "$lib/locale/qa/LC_MESSAGES/pamphlet-content.mo") bytes refused)"
	fi
	unset PAMPHLET_LOCALEDIR
	pt -x -n "$runs" "$PAMPHLET" --content "$lib/content" --list
	list=$MED list_rss=$RSS
	pt -x -n "$SLOW" "$PAMPHLET" --content "$lib/content" --check
	check=$MED check_rss=$RSS
	pt -x -n "$runs" "$PAMPHLET" --content "$lib/content" --dump=t0001
	dump=$MED
	pt -x -n "$runs" "$B/yparse" "$lib"/content/*.yaml
	yp=$MED yp_rss=$RSS
	pt -x -n "$runs" cat "$lib"/content/*.yaml
	catt=$MED
	set -- $("$B/inproc" load "$lib/content" "$runs")
	load_mibs=${11}
	set -- $("$B/yparse" -r "$runs" "$lib"/content/*.yaml)
	yp_mibs=${10}
	lr=$(ratio "$load_mibs" "$yp_mibs")
	[ "$(le 0.5 "$lr")" = 1 ] || load_ok=0
	eval "bytes_$n=$bytes rss_$n=$rss lr_$n=$lr list_$n=$list yp_$n=$yp fs_$n=$fs"
	row "| $n | $(mib $((bytes / 1024))) | $(ms $fs) | $fsqa | $(mib $rss) | $(ms $list) | $(ms $check) | $(ms $dump) | $(ms $yp) | $(ms $catt) | $load_mibs | $yp_mibs | $lr |"
	printf '| %s | %s | %s | %s | %s | %s |\n' "$n" \
	    "$(mib $((bytes / 1024)))" "$(mib $rss)" "$(mib $list_rss)" \
	    "$(mib $check_rss)" "$(mib $yp_rss)" >> "$MEMROWS"
done
row ""

# Memory against text: growth over the 1-topic library, per byte of YAML.
row "### Memory (peak RSS, MiB)"
row ""
row "| topics | YAML MiB | viewer, first screen | --list | --check | yparse |"
row "| ---: | ---: | ---: | ---: | ---: | ---: |"
cat "$MEMROWS" >> "$T"
row ""
growth=
for n in $SIZES; do
	[ "$n" = 1 ] && continue
	eval "db=\$((bytes_$n - bytes_1)) dr=\$(( (rss_$n - rss_1) * 1024 ))"
	g=$(ratio "$dr" "$db")
	[ "$(le "$g" 3)" = 1 ] || mem_ok=0
	growth="$growth $n: $g;"
done
row "Viewer's RSS growth over the 1-topic library per byte of YAML added:$growth"
row "(constant part: $(mib $rss_1) MiB with 1 topic)."
row ""

# --- The same libraries with an index ------------------------------
say "bench: index"
row "### With an index (pamphlet --index)"
row ""
row "Each library indexed once into a cache folder; then the same measures"
row "as above.  A file that stat says is unchanged is not read at start:"
row "the index's head of it stands for the topic until it is opened."
row ""
row "| topics | index MiB | --index ms | first screen ms | without index ms | speed-up | peak RSS MiB | --list ms | --list without ms |"
row "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in $SIZES; do
	runs=$RUNS
	[ "$n" -ge 1000 ] && runs=$SLOW
	ix=$B/lib-$n/content
	cache=$WORK/cache-$n
	rm -rf "$cache"
	pt -x -n "$SLOW" "$PAMPHLET" --content "$ix" --cache "$cache" --index
	build=$MED
	ixb=$(cat "$cache"/*.index | wc -c)
	pt -n "$runs" -m "q: quit" "$PAMPHLET" --content "$ix" --cache "$cache"
	xfs=$MED xrss=$RSS
	pt -x -n "$runs" "$PAMPHLET" --content "$ix" --cache "$cache" --list
	xlist=$MED
	eval "fs0=\$fs_$n list0=\$list_$n"
	eval "xfs_$n=$xfs"
	row "| $n | $(mib $((ixb / 1024))) | $(ms $build) | $(ms $xfs) | $(ms $fs0) | $(ratio $fs0 $xfs) | $(mib $xrss) | $(ms $xlist) | $(ms $list0) |"
done
row ""

# --- Keystrokes, resize, language ------------------------------------
say "bench: heading search"
"$B/search" > "$WORK/search-default.txt"
"$B/search" "$B/lib-1000/content" > "$WORK/search-1000.txt"
srow() {
	"$AWK" -v what="$2" '
	/^library:/ { topics = $2; heads = $4 }
	/^index build:/ { build = $4 }
	/^per keystroke:/ { med = $4; sub(/,/, "", med)
	    wm = $0; sub(/.*keystroke.s median /, "", wm); sub(/ .*/, "", wm)
	    worst = $0; sub(/.*single run /, "", worst)
	    sub(/ .*/, "", worst) }
	END { printf "| %s | %s | %s | %.2f | %.1f | %.1f | %.1f |\n",
	    what, topics, heads, build / 1000, med, wm, worst }' "$1"
}
row "### Heading search, per keystroke (in-process, bench/search)"
row ""
row "search_query_parse + search_headings for every prefix of 6 queries,"
row "200 runs each; microseconds."
row ""
row "| library | topics | headings | index build ms | median us | worst prefix's median us | worst single us |"
row "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
srow "$WORK/search-default.txt" "bench/search's own" >> "$T"
srow "$WORK/search-1000.txt" "lib-1000" >> "$T"
row ""
s_med=$("$AWK" '/^per keystroke:/ { m = $4; sub(/,/, "", m); print m }' \
    "$WORK/search-default.txt")
s_med2=$("$AWK" '/^per keystroke:/ { m = $4; sub(/,/, "", m); print m }' \
    "$WORK/search-1000.txt")

say "bench: resize and language switch"
vrows() {
	"$AWK" -v what="$2" '
	/^topic/ && /words / { words = $4 }
	/^resize/ { r = $5; rx = $9 }
	/^language_to/ { l = $5; lx = $9 }
	/^language_back/ { b = $5 }
	/^language_keys/ { k = $5; kx = $9 }
	END { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
	    what, words, r, rx, l, lx, b, k, kx }' "$1"
}
PAMPHLET_LOCALEDIR=$ABSB/lib-100/locale "$B/inproc" view "$B/lib-100/content" \
    t0001 qa "$REPS" > "$WORK/view-100.txt"
have_de=
if [ -f locale/de/LC_MESSAGES/pamphlet-content.mo ]; then
	have_de=yes
	PAMPHLET_LOCALEDIR=$(pwd)/locale "$B/inproc" view "$content" "$topic" de \
	    "$REPS" > "$WORK/view-de.txt"
fi
row "### Resize and language switch (in-process, bench/inproc)"
row ""
row "The view's work without drawing: view_resize between 80x24, 100x30"
row "and 60x20 (the topic laid out again); i18n_set_language +"
row "view_language_changed to the language and back to English; and the"
row "whole choice as keys make it (L, which reads every installed"
row "catalogue to name its language, then Enter).  $REPS runs each, ms."
row ""
row "| topic, language | words | resize median | resize max | switch median | switch max | back to en median | L + Enter median | L + Enter max |"
row "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
vrows "$WORK/view-100.txt" "lib-100 t0001, qa (catalogue of 100 topics)" >> "$T"
[ -n "$have_de" ] && vrows "$WORK/view-de.txt" "bundled $topic, de" >> "$T"
row ""
v_max=$("$AWK" '/^(resize|language_to|language_back|language_keys)/ {
    if ($5 > m) m = $5 } END { print m + 0 }' "$WORK"/view-*.txt)

# --- Instruction counts ----------------------------------------------
if [ -n "$have_valgrind" ]; then
	say "bench: instruction counts (callgrind)"
	row "### Instructions executed (callgrind), stable on a busy machine"
	row ""
	row "| topics | pamphlet --list | yparse | --list / yparse | --list, indexed | --check | --dump=t0001 |"
	row "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	for n in 1 10 100; do
		c=$B/lib-$n/content
		il=$(instr "$PAMPHLET" --content "$c" --list)
		iy=$(instr "$B/yparse" "$c"/*.yaml)
		ix=$(instr "$PAMPHLET" --content "$B/lib-$n/content" \
		    --cache "$WORK/cache-$n" --list)
		ic=$(instr "$PAMPHLET" --content "$c" --check)
		id=$(instr "$PAMPHLET" --content "$c" --dump=t0001)
		row "| $n | $(mega $il) | $(mega $iy) | $(ratio $il $iy) | $(mega $ix) | $(mega $ic) | $(mega $id) |"
	done
	row ""
fi

# --- A cross-check of two process times with hyperfine, if there ------
if command -v hyperfine >/dev/null 2>&1; then
	say "bench: cross-check with hyperfine"
	c=$B/lib-100/content
	if hyperfine -N -w 2 -r "$RUNS" --export-csv "$WORK/hf.csv" \
	    "$PAMPHLET --content $c --list" "$B/yparse $(echo $c/*.yaml)" \
	    >/dev/null 2>&1; then
		row "### Cross-check: hyperfine -N, lib-100, $RUNS runs"
		row ""
		row "| command | hyperfine median ms | hyperfine min ms | ptytime -x median ms |"
		row "| --- | ---: | ---: | ---: |"
		"$AWK" -F, -v l="$list_100" -v y="$yp_100" 'NR > 1 {
			y1 = $1 ~ /yparse/
			printf "| %s | %.2f | %.2f | %.2f |\n",
			    y1 ? "yparse (the 101 files)" : "pamphlet --list",
			    $4 * 1000, $7 * 1000, y1 ? y : l
		}' "$WORK/hf.csv" >> "$T"
		row ""
	fi
fi

# --- Targets ---------------------------------------------------------
t1=$(le "$(ratio $p_med $l_med)" 1.0)
t2=$(le "$(ratio $p_rss $l_rss)" 1.25)
t4=$(le "$s_med" 1000)
t4b=$(le "$s_med2" 1000)
t5=$(le "$v_max" 10)
t8=$(le "$xfs_1000" 50)
t9=$(le "$(ratio $x_med $l_med)" 1.2)
row "### Targets"
row ""
row "| target | result | verdict |"
row "| --- | --- | --- |"
if [ -n "$have_less" ]; then
	row "| first screen ≤ less (bundled $topic) | $(ratio $p_med $l_med)× less ($(ms $p_med) vs $(ms $l_med) ms); with its index $(ratio $x_med $l_med)×; reading screen $(ratio $r_med $l_med)× | $(verdict $t1) |"
	row "| first screen with its index ≤ 1.2× less (bundled $topic) | $(ratio $x_med $l_med)× less ($(ms $x_med) vs $(ms $l_med) ms) | $(verdict $t9) |"
	row "| peak RSS ≤ 1.25× less | $(ratio $p_rss $l_rss)× ($(mib $p_rss) vs $(mib $l_rss) MiB) | $(verdict $t2) |"
fi
if [ -n "$have_pinfo" ]; then
	t6=$(le "$(ratio $p_med $i_med)" 1.0)
	t7=$(le "$(ratio $p_rss $i_rss)" 1.0)
	row "| faster and smaller than pinfo | time $(ratio $p_med $i_med)× pinfo ($(ms $p_med) vs $(ms $i_med) ms), RSS $(ratio $p_rss $i_rss)× ($(mib $p_rss) vs $(mib $i_rss) MiB) | $(verdict $((t6 * t7))) |"
fi
row "| loading ≥ 50% of libyaml's bare parse, every size | load / yparse: 1: $lr_1, 10: $lr_10, 100: $lr_100, 1000: $lr_1000 | $(verdict $load_ok) |"
row "| memory ≤ 3× text + constant | growth per YAML byte:$growth | $(verdict $mem_ok) |"
row "| heading search < 1 ms per keystroke | median $s_med us (10,000 headings), $s_med2 us (lib-1000) | $(verdict $((t4 * t4b))) |"
row "| resize and language switch < 10 ms | slowest median $v_max ms | $(verdict $t5) |"
row "| first screen at 1,000 topics ≤ 50 ms with an index, search kept | $(ms $xfs_1000) ms with, $(ms $fs_1000) ms without ($(ratio $fs_1000 $xfs_1000)× sooner) | $(verdict $t8) |"
row ""

{
	echo "## pamphlet benchmark"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- pamphlet: $pamv${rev:+ ($rev)}"
	echo "- CPU: $cpu, $cores cores"
	echo "- OS: $os, $kernel"
	echo "- less: $lessv; libyaml $yamlv; ncurses $ncursesv"
	echo
	cat "$T"
} > "$OUT"
cat "$OUT"
say "bench: results written to $OUT"

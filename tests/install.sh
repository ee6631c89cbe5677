#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# "make install" puts each catalogue in place by renaming a new file onto
# it, never by writing the installed file: gettext maps catalogues, and a
# running program whose mapped file is cut short or rewritten dies with
# SIGBUS or reads a half-written table.  Installs twice into a scratch
# DESTDIR, the second time under strace, with the first catalogue held
# open as a running program would hold it.
. "${top_srcdir:-.}/tests/lib.sh"
tap_tmpdir
T=$tap_tmp
command -v msgfmt >/dev/null 2>&1 || tap_skip_all "gettext tools are not installed"
make=${MAKE:-make}
tap_plan 4

inst() { $make -s -C "${top_builddir:-.}" install DESTDIR="$T/d" >"$T/log" 2>&1; }
if inst; then
	tap_ok "make install DESTDIR=..."
else
	tap_fail "make install DESTDIR=..." "$(tail -20 "$T/log")"
fi
mos=$(find "$T/d" -name '*.mo' -path '*/LC_MESSAGES/*' | sort)
mo=$(printf '%s\n' "$mos" | grep '/de/LC_MESSAGES/pamphlet\.mo$')
if [ -z "$mo" ]; then
	tap_fail "catalogues installed" "no de/LC_MESSAGES/pamphlet.mo under $T/d"
	tap_plan 2
	exit 0
fi
cp "$mo" "$T/old.mo"
inodes() { for f in $mos; do stat -c %i "$f"; done; }
before=$(inodes)
# A running program's hold on the old catalogue.
exec 3<"$mo"
if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
	strace -f -qq -o "$T/trace" -e trace=open,openat,creat,truncate,rename,renameat,renameat2 \
	    sh -c "$(command -v "$make") -s -C '${top_builddir:-.}' install DESTDIR='$T/d'" >"$T/log" 2>&1
	rc=$?
	# Each catalogue's own name: never opened for writing, renamed onto.
	bad= missing=
	for f in $mos; do
		grep -F "\"$f\"" "$T/trace" | grep -E 'O_(WRONLY|RDWR|TRUNC|CREAT)|creat\(|truncate\(' \
		    >>"$T/bad"
		grep -E "rename(at2?)?\(.*\"$f\"" "$T/trace" >/dev/null || missing="$missing $f"
	done
	if [ "$rc" -eq 0 ] && [ ! -s "$T/bad" ] && [ -z "$missing" ]; then
		tap_ok "a second install renames every catalogue into place ($(echo "$mos" | wc -l) files)"
	else
		tap_fail "a second install renames every catalogue into place" \
		    "exit $rc" "written under its own name:" "$(head -5 "$T/bad")" \
		    "not renamed onto:$missing" "$(tail -5 "$T/log")"
	fi
else
	inst
	tap_ok "a second install renames every catalogue into place # SKIP strace cannot trace here"
fi
after=$(inodes)
# File by file: a number freed by one rename may come back for the next.
same=$(printf '%s\n' "$before" >"$T/before" && printf '%s\n' "$after" |
    paste "$T/before" - | awk '$1 == $2')
if [ -z "$same" ]; then
	tap_ok "every installed catalogue is a new file (new inode)"
else
	tap_fail "every installed catalogue is a new file (new inode)" "inodes kept: $same"
fi
# The program's file is as it was.
if cmp -s /dev/fd/3 "$T/old.mo"; then
	tap_ok "the catalogue a program holds is unchanged"
else
	tap_fail "the catalogue a program holds is unchanged"
fi
exec 3<&-

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What the program asks of the system during a whole reading session,
# seen by strace: it never starts another program, never forks, never
# creates, changes or removes a file, and once its first screen is up it
# opens nothing outside the content and the catalogues.  The session
# opens a topic, searches, finds, switches language, is resized and is
# reset by the idle timer, then quits.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

tap_plan 5

if ! command -v strace >/dev/null 2>&1; then
	for c in 1 2 3 4 5; do
		e2e_skip "system calls, check $c" "strace is not installed"
	done
	exit 0
fi
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
	for c in 1 2 3 4 5; do
		e2e_skip "system calls, check $c" "strace cannot trace here"
	done
	exit 0
fi

# Through a wrapper (tests/valgrind.sh, tests/qemu.sh) strace would see
# what valgrind or the emulator does, not the program alone.
if [ -n "${PAMPHLET_REAL-}" ]; then
	for c in 1 2 3 4 5; do
		e2e_skip "system calls, check $c" \
		    "PAMPHLET is a wrapper: strace would see its own calls too"
	done
	exit 0
fi

log=$tap_tmp/strace.log
locale=${PAMPHLET_LOCALEDIR:-}
calls=execve,execveat,fork,vfork,clone,clone3,open,openat,openat2,creat
calls=$calls,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir
calls=$calls,link,linkat,symlink,symlinkat,truncate,ftruncate,chmod,fchmod
calls=$calls,fchmodat,chown,fchown,fchownat,socket,connect,mknod,mknodat

session() {
	e2e_start 80 24 || return 1
	# No leak check under ASan: it would trace the process itself.
	e2e_type "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -ttt -o '$log' \
-e trace=$calls $PAMPHLET --content $e2e_content --idle=3; echo exit=\$?" &&
	e2e_wait_line 1 "Health topics" || return 1
	date +%s.%N >"$tap_tmp/t0"
	e2e_keys Enter && e2e_wait_for "When to see a doctor" &&
	e2e_keys / && e2e_wait_for "Search:" &&
	e2e_keys -l doctor && e2e_wait_for "headings found" &&
	e2e_keys Enter && e2e_wait_line 24 "When to see a doctor" &&
	e2e_keys f && e2e_keys -l doctor && e2e_keys Enter &&
	e2e_wait_for "Found" &&
	e2e_keys L && e2e_wait_for "Deutsch" &&
	e2e_keys Down Enter && e2e_wait_gone "Deutsch" &&
	e2e_resize 60 20 && e2e_wait_change "$(e2e_screen)" &&
	e2e_resize 80 24 &&
	# Left alone, it goes home in English.
	e2e_wait_line 1 "Health topics" &&
	e2e_keys q && e2e_wait_for "exit=0"
}
e2e_case "a whole session runs under strace and ends with exit 0" session

# The calls named, each with its time, after the first screen.
after_start() {
	awk -v t0="$(cat "$tap_tmp/t0")" '{ t = $2 + 0 } t > t0 + 0' "$log"
}

# none TEXT: fails, showing TEXT, unless TEXT is empty.
none() {
	[ -z "$1" ] && return 0
	printf '%s\n' "$1" | head -n 10 | sed 's/^/# /'
	return 1
}

no_exec() {
	[ -s "$log" ] || return 1
	# One execve: strace starting the program.
	[ "$(grep -c -E ' (execve|execveat)\(' "$log")" -eq 1 ] ||
	    none "$(grep -E ' (execve|execveat)\(' "$log")" &&
	none "$(grep -E ' (fork|vfork|clone|clone3)\(' "$log")"
}
e2e_case "nothing is executed and nothing forks" no_exec

no_writes() {
	[ -s "$log" ] || return 1
	none "$(grep -E ' (open|openat|openat2)\(.*O_(WRONLY|RDWR|CREAT|TRUNC|APPEND)' "$log")" &&
	none "$(grep -E ' (creat|rename|renameat2?|unlink|unlinkat|mkdir|mkdirat|rmdir|link|linkat|symlink|symlinkat|truncate|ftruncate|chmod|fchmod|fchmodat|chown|fchown|fchownat|mknod|mknodat)\(' "$log")"
}
e2e_case "no file is created, written, changed or removed" no_writes

no_network() {
	[ -s "$log" ] || return 1
	none "$(grep -E ' (socket|connect)\(' "$log")"
}
e2e_case "no socket is opened" no_network

only_own_files() {
	[ -s "$log" ] && [ -s "$tap_tmp/t0" ] || return 1
	opened=$(after_start | grep -E ' (open|openat|openat2)\(' |
	    sed -n 's/^[^"]*"\([^"]*\)".*/\1/p')
	# The language list reads the catalogues: so the check can fail.
	if [ -n "$locale" ] && ! printf '%s\n' "$opened" | grep -q -F "$locale/"; then
		echo "# no catalogue was opened after start-up"
		return 1
	fi
	none "$(printf '%s\n' "$opened" | grep -v -e '^$' -e "^$e2e_content/" \
	    -e "^$e2e_content\$" ${locale:+-e "^$locale/"} ${locale:+-e "^$locale\$"})"
}
e2e_case "after start-up, only topics and catalogues are opened" only_own_files

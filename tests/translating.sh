#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translators' guide works as written.  In a copy of the built tree,
# the commands of the section "Adding a language" of TRANSLATING.md (its
# "sh" code blocks) make a new language, "tlh" (Klingon, which pamphlet
# will not ship), with LL replaced by that code.  The test does what the
# guide asks a translator to do by hand: fills in the header, names the
# language and translates one message of each file.  Then what the guide
# promises must hold: every command works, the translations show at once
# in --dump and in the viewer, a later edit shows after a plain make, the
# tests leave the unfinished language out with a note, and git sees only
# the two new PO files and the two LINGUAS.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

LL=tlh
top=$(cd "$top_srcdir" && pwd)
build=$(cd "${top_builddir:-.}" && pwd)
[ "$top" = "$build" ] ||
    tap_skip_all "the guide builds in the source tree, as README.md does; this build is elsewhere"
[ -z "${PAMPHLET_REAL-}" ] ||
    tap_skip_all "the guide runs ./pamphlet itself, which a wrapper cannot stand in for"
[ -f "$top/config.status" ] || tap_skip_all "the tree is not configured"
command -v msginit >/dev/null 2>&1 || tap_skip_all "gettext tools are not installed"

# The commands of the walk-through, one a line, for the made-up language.
awk '/^## / { on = ($0 == "## Adding a language") }
    on && /^```sh$/ { code = 1; next }
    on && /^```/ { code = 0; next }
    on && code && NF' "$top/TRANSLATING.md" |
    sed "s/\\<LL\\>/$LL/g" >"$tap_tmp/commands"
n=$(grep -c . "$tap_tmp/commands")
tap_plan $(( n + 6 ))

found() {
	grep -q '^msginit --no-translator .* po/pamphlet.pot' "$tap_tmp/commands" &&
	grep -q '^msginit --no-translator .* po-content/pamphlet-pack-core.pot' \
	    "$tap_tmp/commands" &&
	grep -q "LINGUAS" "$tap_tmp/commands" &&
	grep -q '^make$' "$tap_tmp/commands" &&
	grep -q "^make run .*--lang=$LL" "$tap_tmp/commands" &&
	grep -q "pamphlet .*--lang=$LL .*--dump=" "$tap_tmp/commands"
}
if found; then
	tap_ok "TRANSLATING.md gives the commands to add a language"
else
	tap_fail "TRANSLATING.md gives the commands to add a language" \
	    "expected msginit for both templates, LINGUAS, make, make run" \
	    "and --dump in the sh blocks of \"## Adding a language\"; found:" \
	    "$(cat "$tap_tmp/commands")"
fi

# A copy of the built tree, as a translator's own checkout would be.
# configure saved the folder it ran in, and config.status writes it into
# every Makefile: it is moved to the copy's before they are made again.
copy=$tap_tmp/tree
mkdir "$copy"
(cd "$top" && tar --exclude=./.git --exclude='*.log' --exclude='*.trs' \
    --exclude=./deb --exclude='./bench/lib-*' --exclude=./bench/work \
    --warning=no-file-changed -cf - .) | (cd "$copy" && tar -xf -)
old=$(sed -n "s/^ac_pwd='\\(.*\\)'\$/\\1/p" "$copy/config.status")
old_re=$(printf '%s\n' "$old" | sed 's/[][\\.*^$|]/\\&/g')
sed -i "s|$old_re|$copy|g" "$copy/config.status"
(cd "$copy" && ./config.status >/dev/null) ||
    tap_fail "the copy of the tree is configured again" "config.status failed"

# What git will see: the tree as it was, in the index of a repository of
# its own; what the walk-through changes is then what git diff shows.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
have_git=no
if command -v git >/dev/null 2>&1 && [ -f "$copy/.gitignore" ] &&
    (cd "$copy" && git init -q && git add -A) >/dev/null 2>&1; then
	have_git=yes
fi

# A translator's shell: no test settings, no make of its own around it.
unset PAMPHLET_LOCALEDIR TEXTDOMAINDIR LANGUAGE MAKEFLAGS MAKELEVEL MFLAGS

home="Qel Dep"
title="QIvon Sop"
name="tlhIngan Hol"
# What the guide's steps 2 and 3 ask for by hand, and one message each.
translate() {
	sed -i -e 's/^"Last-Translator: .*"$/"Last-Translator: Test Translator <test@example.net>\\n"/' \
	    -e 's/^"Language-Team: .*"$/"Language-Team: Klingon\\n"/' \
	    -e 's/^"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"$/"Plural-Forms: nplurals=1; plural=0;\\n"/' \
	    -e "s/^# Automatically generated, /# Test Translator <test@example.net>, /" \
	    po/$LL.po po-content/$LL.po &&
	sed -i -e '/^msgctxt "language-name"$/{n;n;s/^msgstr ""$/msgstr "'"$name"'"/;}' \
	    -e '/^msgid "Health topics"$/{n;s/^msgstr ""$/msgstr "'"$home"'"/;}' \
	    po/$LL.po &&
	sed -i -e '/^msgctxt "prostate-massage"$/{n;/^msgid "Prostate massage"$/{n;s/^msgstr ""$/msgstr "'"$title"'"/;};}' \
	    po-content/$LL.po &&
	grep -q "^msgstr \"$name\"" po/$LL.po &&
	grep -q "^msgstr \"$home\"" po/$LL.po &&
	grep -q "^msgstr \"$title\"" po-content/$LL.po
}

# viewer COMMAND: the viewer the command opens shows the new language.
# The language list leaves it out until it is complete (charset.sh).
viewer() {
	e2e_start 80 24 &&
	e2e_type "cd '$copy' && $1; echo exit=\$?" &&
	e2e_wait_line 1 "$home" && e2e_wait_for "$title" &&
	e2e_keys q && e2e_wait_for "exit=0"
}

translated=no
while IFS= read -r cmd; do
	case $cmd in
	make|make\ *)
		if [ "$translated" = no ]; then
			(cd "$copy" && translate) ||
			    tap_fail "the new files have a header and a translation to fill in" \
			    "$(sed -n '1,25p' "$copy/po/$LL.po")"
			translated=yes
		fi ;;
	esac
	case $cmd in
	*--dump*|*--list*|*--check*|*--help*|*--version*|*--extract-pot*)
		interactive=no ;;
	*"make run"*|*./pamphlet*)
		interactive=yes ;;
	*)
		interactive=no ;;
	esac
	if [ "$interactive" = yes ]; then
		e2e_case "guide: $cmd" viewer "$cmd"
		e2e_stop
		continue
	fi
	(cd "$copy" && timeout 300 sh -c "$cmd") </dev/null >"$tap_tmp/out" 2>&1
	status=$?
	case $cmd in
	*"--lang=$LL"*--dump*)
		if [ "$status" -eq 0 ] && grep -q -x "$title" "$tap_tmp/out"; then
			tap_ok "guide: $cmd"
		else
			tap_fail "guide: $cmd" "exit status $status; no line \"$title\":" \
			    "$(head -20 "$tap_tmp/out")"
		fi ;;
	*)
		if [ "$status" -eq 0 ]; then
			tap_ok "guide: $cmd"
		else
			tap_fail "guide: $cmd" "exit status $status" \
			    "$(tail -20 "$tap_tmp/out")"
		fi ;;
	esac
done <"$tap_tmp/commands"

# A later edit of either PO file shows after a plain make.
edited() {
	cd "$copy" &&
	sed -i "s/^msgstr \"$title\"\$/msgstr \"$title wa\"/" po-content/$LL.po &&
	sed -i "s/^msgstr \"$home\"\$/msgstr \"$home wa\"/" po/$LL.po &&
	make >"$tap_tmp/out" 2>&1 &&
	PAMPHLET_LOCALEDIR=locale ./pamphlet --content content --lang=$LL \
	    --dump=prostate-massage >"$tap_tmp/dump" 2>&1 &&
	grep -q -x "$title wa" "$tap_tmp/dump" &&
	[ "$(LANGUAGE=$LL TEXTDOMAINDIR=locale LC_ALL=C.UTF-8 \
	    gettext -d pamphlet "Health topics")" = "$home wa" ]
}
if (edited); then
	tap_ok "an edit to each PO file shows after a plain make"
else
	tap_fail "an edit to each PO file shows after a plain make" \
	    "$(tail -20 "$tap_tmp/out")" "$(head -5 "$tap_tmp/dump" 2>/dev/null)"
fi

# A second make has nothing to do: no PO file is written, no catalogue.
again() {
	cd "$copy" &&
	make >"$tap_tmp/out" 2>&1 &&
	! grep -q -e msgfmt -e msgmerge "$tap_tmp/out"
}
if (again); then
	tap_ok "a second make compiles no catalogue again"
else
	tap_fail "a second make compiles no catalogue again" "$(grep -e msgfmt -e msgmerge "$tap_tmp/out")"
fi

# The tests of the copy leave out the unfinished language and say so,
# and still cover every shipped one.
split() {
	(
		top_srcdir=$copy
		. "$copy/tests/lib.sh"
		lang_split
		echo "full:$lang_full"
		echo "part:$lang_part"
	) >"$tap_tmp/split" &&
	grep -q "^part: $LL:[1-9]" "$tap_tmp/split" &&
	for l in $tests_shipped_langs; do
		grep -q "^full:.* $l\\( \\|\$\\)" "$tap_tmp/split" || return 1
	done
}
if split; then
	tap_ok "the end-to-end tests skip the unfinished language, not a shipped one"
else
	tap_fail "the end-to-end tests skip the unfinished language, not a shipped one" \
	    "$(cat "$tap_tmp/split")"
fi
if (cd "$copy" && top_srcdir=. PAMPHLET=./pamphlet \
    PAMPHLET_LOCALEDIR=$copy/locale sh tests/bundled.sh) \
    >"$tap_tmp/bundled" 2>&1 &&
    ! grep -q '^not ok' "$tap_tmp/bundled" &&
    grep -q "^ok .* po/$LL.po is complete # SKIP" "$tap_tmp/bundled"; then
	tap_ok "tests/bundled.sh notes the unfinished language and passes"
else
	tap_fail "tests/bundled.sh notes the unfinished language and passes" \
	    "$(grep -e '^not ok' -e "$LL" "$tap_tmp/bundled" | head -10)"
fi

# Nothing the walk-through made but the new files shows in git status.
status() {
	cd "$copy" &&
	{ git diff --name-status && git ls-files --others --exclude-standard |
	    sed 's/^/?	/'; } >"$tap_tmp/git" &&
	printf 'M\t%s\n' po-content/LINGUAS po/LINGUAS >"$tap_tmp/want" &&
	printf '?\t%s\n' po-content/$LL.po po/$LL.po >>"$tap_tmp/want" &&
	LC_ALL=C sort "$tap_tmp/git" >"$tap_tmp/got" &&
	LC_ALL=C sort "$tap_tmp/want" | diff - "$tap_tmp/got" >"$tap_tmp/d"
}
if [ "$have_git" = no ]; then
	e2e_skip "git status shows only the new PO files and LINGUAS" \
	    "no git, or no .gitignore in this tree"
elif (status); then
	tap_ok "git status shows only the new PO files and LINGUAS"
else
	tap_fail "git status shows only the new PO files and LINGUAS" \
	    "$(cat "$tap_tmp/d")"
fi

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation checks on bad translations: tools/po-check gives each
# finding in tests/data/tcheck/NAME.expected, word for word, and exit
# status 1; sound translations give none and 0; a file that is not PO
# gives 2.  "pamphlet --check --lang" finds the same faults in a pack's
# own catalogues, at the English text's place.
. "${top_srcdir:-.}/tests/lib.sh"
tap_tmpdir
: "${PO_CHECK:=$top_builddir/tools/po-check}"
cd "$top_srcdir" || exit 1
command -v msgfmt >/dev/null || tap_skip_all "gettext tools are not installed"
D=tests/data/tcheck
tap_plan 14

# expect NAME STATUS EXPECTED-FILE COMMAND...: the output (the lines of
# EXPECTED-FILE but its "#" comments) and status.
expect() {
	name=$1 status=$2
	grep -v '^#' "$3" >"$tap_tmp/want"
	want=$tap_tmp/want
	shift 3
	"$@" >"$tap_tmp/out" 2>"$tap_tmp/err"
	rc=$?
	if [ "$rc" -eq "$status" ] && cmp -s "$want" "$tap_tmp/out"; then
		tap_ok "$name"
	else
		tap_fail "$name" "exit status $rc, expected $status" \
		    "$(diff "$want" "$tap_tmp/out")" "$(cat "$tap_tmp/err")"
	fi
}

: >"$tap_tmp/none"
expect "emphasis: unclosed star, fewer bold parts" 1 $D/emph.expected \
    po_check --content $D/emph.po
expect "drawings: too wide, a line more, not ASCII" 1 $D/art.expected \
    po_check --content $D/art.po
expect "placeholders: type, count, gap, one left out" 1 \
    $D/format.expected po_check $D/format.po
expect "CJK: a space beside the stars" 1 $D/cjk.expected \
    po_check --content $D/cjk.po
expect "French: spaces before signs and inside quotes" 1 $D/fr.expected \
    po_check $D/fr.po
expect "widths: the file's and the template's limits" 1 \
    $D/width.expected po_check --template $D/width.pot $D/width.po
expect "sound translations: no findings" 0 "$tap_tmp/none" \
    po_check --content $D/good.po
expect "stars in program text are not bold" 0 "$tap_tmp/none" \
    po_check $D/emph.po

# Not a PO file: a clear message and status 2.
printf 'msgid "a\nmsgstr ""\n' >"$tap_tmp/broken.po"
po_check "$tap_tmp/broken.po" >/dev/null 2>"$tap_tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "broken.po:1: a string without its closing quote" \
    "$tap_tmp/err"; then
	tap_ok "a file that is not PO: status 2 and why"
else
	tap_fail "a file that is not PO: status 2 and why" "status $rc" \
	    "$(cat "$tap_tmp/err")"
fi
po_check >/dev/null 2>&1
rc=$?
if [ "$rc" -eq 2 ]; then
	tap_ok "no files: status 2"
else
	tap_fail "no files: status 2" "status $rc"
fi

# The pack with its catalogues built, as a translator leaves it.
cp -R $D/pack "$tap_tmp/pack"
for l in zh_CN fr; do
	mkdir -p "$tap_tmp/pack/locale/$l/LC_MESSAGES"
	msgfmt -o "$tap_tmp/pack/locale/$l/LC_MESSAGES/pamphlet-pack-tcheck.mo" \
	    "$tap_tmp/pack/po/$l.po"
done
rm -r "$tap_tmp/pack/po"
# The program's own messages stay in English: its catalogues here hold
# no translations, so the findings read the same whatever the shipped
# catalogues say.
printf '%s\n' 'msgid ""' 'msgstr "Content-Type: text/plain; charset=UTF-8\n"' \
    >"$tap_tmp/ui.po"
for l in zh_CN fr; do
	mkdir -p "$tap_tmp/ui/$l/LC_MESSAGES"
	msgfmt -o "$tap_tmp/ui/$l/LC_MESSAGES/pamphlet.mo" "$tap_tmp/ui.po"
done
# The findings about translations, paths from the pack.
check() {
	PAMPHLET_LOCALEDIR=$tap_tmp/ui \
	    "$PAMPHLET" --check "$@" "$tap_tmp/pack" >"$tap_tmp/raw" 2>&1
	rc=$?
	grep ' translation: ' "$tap_tmp/raw" | sed -e "s|$tap_tmp/||" \
	    >"$tap_tmp/out"
}
cat >"$tap_tmp/zh" <<'EOF'
pack/drawing.yaml:12:20: error: zh_CN translation: a '*' is not closed, so it shows as a star; put the words to show in bold between two stars, *like this*, with no space inside them
pack/drawing.yaml:12:20: warning: zh_CN translation: a space between '*' and Chinese or Japanese text shows on screen; remove it, as bold needs no spaces there
pack/drawing.yaml:15:16: error: zh_CN translation: the drawing is 52 columns wide; at most 38 fit on a small screen, which shows its description instead: shorten the labels
pack/drawing.yaml:15:16: error: zh_CN translation: the drawing has 4 lines, but the English has 3; keep its lines and change only the labels
pack/drawing.yaml:19:18: error: zh_CN translation: the ASCII drawing has '吸', which is not plain ASCII; use only keyboard characters, or keep the English label
EOF
check --lang=zh_CN
if [ "$rc" -eq 1 ] && cmp -s "$tap_tmp/zh" "$tap_tmp/out"; then
	tap_ok "--check --lang=zh_CN: each fault at the English text's place"
else
	tap_fail "--check --lang=zh_CN: each fault at the English text's place" \
	    "status $rc" "$(diff "$tap_tmp/zh" "$tap_tmp/out")"
fi
check --lang=fr
if [ "$rc" -eq 0 ] && cmp -s "$tap_tmp/none" "$tap_tmp/out"; then
	tap_ok "--check --lang=fr: a sound translation passes"
else
	tap_fail "--check --lang=fr: a sound translation passes" \
	    "status $rc" "$(cat "$tap_tmp/raw")"
fi
check
if [ "$rc" -eq 0 ] && cmp -s "$tap_tmp/none" "$tap_tmp/out"; then
	tap_ok "--check without --lang: no translation is checked"
else
	tap_fail "--check without --lang: no translation is checked" \
	    "status $rc" "$(cat "$tap_tmp/raw")"
fi
# A warning alone fails the check too: each finding needs fixing.
sed 's/清洗\*一次/清洗*一次*/; s/├──────────> 嘴巴.*/├──> 嘴巴\\n"/; /^"（图）"$/d; s/|吸入器+/|inhaler/; s/^"└──────┘\\n"$/"└──────┘"/' \
    $D/pack/po/zh_CN.po >"$tap_tmp/zh.po"
msgfmt -o "$tap_tmp/pack/locale/zh_CN/LC_MESSAGES/pamphlet-pack-tcheck.mo" \
    "$tap_tmp/zh.po"
check --lang=zh_CN
if [ "$rc" -eq 1 ] && grep -q "12:20: warning: zh_CN translation: a space" \
    "$tap_tmp/out" && [ "$(wc -l <"$tap_tmp/out")" -eq 1 ]; then
	tap_ok "--check --lang: a warning alone gives status 1"
else
	tap_fail "--check --lang: a warning alone gives status 1" \
	    "status $rc" "$(cat "$tap_tmp/raw")"
fi

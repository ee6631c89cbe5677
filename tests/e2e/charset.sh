#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Languages on terminals without UTF-8, and which languages the list
# offers.  A language plain ASCII cannot write (Chinese) gives way to
# English with a notice, and never shows as question marks; German
# writes its umlauts as ae, oe and ue; the language list offers only
# languages the terminal can show whose translation is far enough along.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

command -v msgfmt >/dev/null 2>&1 || tap_skip_all "msgfmt is not installed"
command -v msgen >/dev/null 2>&1 || tap_skip_all "msgen is not installed"
[ -f "$PAMPHLET_LOCALEDIR/zh_CN/LC_MESSAGES/pamphlet.mo" ] &&
[ -f "$PAMPHLET_LOCALEDIR/de/LC_MESSAGES/pamphlet-pack-core.mo" ] ||
	tap_skip_all "the zh_CN and de catalogues are not built"

run="$PAMPHLET --content $e2e_content"
tap_plan 12

# no_marks: no '?' that stands for a character plain ASCII cannot
# write ('?', or '??' for a wide one).  A question mark of the text
# itself ends a question: it comes before a space, a colon, a quote, a
# bracket or the end of a line; "?: help" names the help key.
no_marks() {
	e2e_last_screen=$(e2e_screen)
	if printf '%s\n' "$e2e_last_screen" |
	    sed -e 's/?[]:" )'"'"'.,]//g' -e 's/?$//' | grep -q '?'; then
		return 1
	fi
	return 0
}

# 1-2: Chinese asked for with --lang in the C locale.
zh_c() {
	e2e_start 80 24 LANG=C LC_ALL=C TERM=linux &&
	e2e_type "$run --lang=zh_CN" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_wait_for "Prostate massage" &&
	e2e_wait_for "Cannot show zh_CN on this screen" &&
	no_marks
}
e2e_case "C locale, --lang=zh_CN: English, a notice, no '?'" zh_c

zh_section() {
	e2e_keys q && e2e_wait_for 'e2e$' &&
	e2e_type "$run --lang=zh_CN prostate-massage when-to-see-a-doctor" &&
	e2e_wait_for "EMERGENCY" && no_marks
}
e2e_case "C locale, zh_CN: a care card in English, no '?'" zh_section

# 3: Chinese from the environment, as a kiosk's LANGUAGE would say.
zh_env() {
	e2e_start 80 24 LANG=C LANGUAGE=zh_CN &&
	e2e_type "$run" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_wait_for "Cannot show zh_CN on this screen" &&
	no_marks
}
e2e_case "C locale, LANGUAGE=zh_CN: English, a notice, no '?'" zh_env

# A scratch catalogue folder with made-up languages: "xa" translates a
# few program messages, "xb" all of them but few of the topics' strings;
# "xc", "xd" and "xz" all of both: "xc" without a name of its own, "xd"
# named with accents, "xz" in Chinese.  Each "translation" is the English.
dir="$tap_tmp/locale"
mkdir -p "$dir"
cp -R "$PAMPHLET_LOCALEDIR"/. "$dir"/
pot="$top_srcdir/po/pamphlet.pot"
cpot="$top_srcdir/po-content/pamphlet-pack-core.pot"
for l in xa xb xc xd xz; do
	mkdir -p "$dir/$l/LC_MESSAGES"
done
cat >"$tap_tmp/xa.po" <<'EOF'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgctxt "language-name"
msgid "English"
msgstr "Xa-lingo"

msgid "Health topics"
msgstr "Xa topics"
EOF
msgfmt -o "$dir/xa/LC_MESSAGES/pamphlet.mo" "$tap_tmp/xa.po"
# en POT: every message "translated" as itself, with a plural formula.
en() {
	msgen "$1" 2>/dev/null |
	    sed 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/'
}
# named NAME: the program's messages, with NAME as the language's name.
named() {
	en "$pot" | sed "/^msgctxt \"language-name\"/,/^msgstr/s/^msgstr \"English\"/msgstr \"$1\"/"
}
named Xb-lingo >"$tap_tmp/xb.po"
msgfmt -o "$dir/xb/LC_MESSAGES/pamphlet.mo" "$tap_tmp/xb.po"
en "$cpot" | msggrep -J -e '^prostate-massage$' >"$tap_tmp/xb-content.po"
msgfmt -o "$dir/xb/LC_MESSAGES/pamphlet-pack-core.mo" "$tap_tmp/xb-content.po"
en "$pot" >"$tap_tmp/xc.po"
named "Xd-Français" >"$tap_tmp/xd.po"
named "简体中文" >"$tap_tmp/xz.po"
en "$cpot" >"$tap_tmp/content.po"
for l in xc xd xz; do
	msgfmt -o "$dir/$l/LC_MESSAGES/pamphlet.mo" "$tap_tmp/$l.po"
	msgfmt -o "$dir/$l/LC_MESSAGES/pamphlet-pack-core.mo" \
	    "$tap_tmp/content.po"
done

# 4: the language list in the C locale: no Chinese, Latin names in ASCII.
picker_c() {
	e2e_start 80 24 LANG=C LC_ALL=C PAMPHLET_LOCALEDIR="$dir" &&
	e2e_type "$run" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_keys L && e2e_wait_for "English" &&
	e2e_wait_for "Xd-Francais" && e2e_wait_for "  xc" && no_marks
}
e2e_case "C locale: the language list shows no '?', no Chinese, names in ASCII" picker_c

# 5: German in the C locale spells its umlauts out.
de_c() {
	e2e_start 80 24 LANG=C LC_ALL=C &&
	e2e_type "$run --lang=de prostatitis symptoms" &&
	e2e_wait_for "Schuettelfrost" && no_marks
}
e2e_case "C locale, German: Schuettelfrost, not Schuttelfrost" de_c

# 6: with UTF-8 nothing changes: the umlaut and Chinese are shown.
utf8() {
	e2e_start 80 24 &&
	e2e_type "$run --lang=de prostatitis symptoms" &&
	e2e_wait_for "Schüttelfrost" &&
	e2e_keys q && e2e_wait_for 'e2e$' &&
	e2e_type "$run --lang=zh_CN" &&
	e2e_wait_for "$(LANGUAGE=zh_CN LC_ALL=C.UTF-8 \
	    TEXTDOMAINDIR="$PAMPHLET_LOCALEDIR" gettext -d pamphlet \
	    "Health topics")"
}
e2e_case "UTF-8: German umlauts and Chinese as they are" utf8

# 7-8: an 8-bit locale, when one can be made here.
loc="$tap_tmp/locales"
mkdir -p "$loc"
if command -v localedef >/dev/null 2>&1 &&
    localedef -i en_US -f ISO-8859-1 "$loc/en_US.ISO-8859-1" \
    >/dev/null 2>&1; then
	latin1_zh() {
		e2e_start 80 24 LOCPATH="$loc" LANG=en_US.ISO-8859-1 \
		    TERM=linux &&
		e2e_type "$run --lang=zh_CN" &&
		e2e_wait_line 1 "Health topics" &&
		e2e_wait_for "Cannot show zh_CN on this screen" && no_marks
	}
	e2e_case "ISO-8859-1 locale, zh_CN: English, a notice, no '?'" \
	    latin1_zh
	latin1_de() {
		e2e_keys q && e2e_wait_for 'e2e$' &&
		e2e_type "$run --lang=de prostatitis symptoms" &&
		e2e_wait_for "Schuettelfrost" && no_marks
	}
	e2e_case "ISO-8859-1 locale, German: Schuettelfrost" latin1_de
else
	e2e_skip "ISO-8859-1 locale, zh_CN" "no ISO-8859-1 locale can be made"
	e2e_skip "ISO-8859-1 locale, German" "no ISO-8859-1 locale can be made"
fi

offered() {
	e2e_start 80 24 PAMPHLET_LOCALEDIR="$dir" &&
	e2e_type "$run" &&
	e2e_wait_line 1 "Health topics" &&
	e2e_keys L && e2e_wait_for "简体中文" &&
	e2e_wait_for "Xd-Français" && e2e_wait_for "  xc" &&
	e2e_last_screen=$(e2e_screen) &&
	! printf '%s\n' "$e2e_last_screen" | grep -q "Xa-lingo" &&
	! printf '%s\n' "$e2e_last_screen" | grep -q "Xb-lingo" &&
	[ "$(printf '%s\n' "$e2e_last_screen" | grep -c English)" -eq 1 ]
}
e2e_case "the list offers only complete languages, an unnamed one by its code" \
    offered

# --lang still shows an incomplete language, with a word on stderr.
preview() {
	PAMPHLET_LOCALEDIR="$dir" LANGUAGE= $run --lang=xa --list \
	    >"$tap_tmp/out" 2>"$tap_tmp/err" &&
	grep -q "translation into 'xa' is not complete" "$tap_tmp/err" &&
	grep -q "Prostate massage" "$tap_tmp/out"
}
tap_check "--lang=xa: shown, with a word that it is not complete" preview

preview_content() {
	PAMPHLET_LOCALEDIR="$dir" LANGUAGE= $run --lang=xb --list \
	    >"$tap_tmp/out" 2>"$tap_tmp/err" &&
	grep -q "translation into 'xb' is not complete: 100% of the program" \
	    "$tap_tmp/err"
}
tap_check "--lang=xb: the topics' share is too small" preview_content

complete() {
	PAMPHLET_LOCALEDIR="$dir" LANGUAGE= $run --lang=xc --list \
	    >"$tap_tmp/out" 2>"$tap_tmp/err" &&
	! [ -s "$tap_tmp/err" ]
}
tap_check "--lang=xc: complete, nothing said" complete

[ "$tap_failed" -eq 0 ]

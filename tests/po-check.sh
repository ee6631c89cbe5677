#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every shipped translation passes the translation checks (tools/po-check,
# as "make po-check" runs it): no finding in any language, in the
# program's catalogue or the topics'.  A failure lists the findings.
. "${top_srcdir:-.}/tests/lib.sh"
: "${PO_CHECK:=$top_builddir/tools/po-check}"
cd "$top_srcdir" || exit 1

pos=$(ls po/*.po po-content/*.po 2>/dev/null)
[ -n "$pos" ] || tap_skip_all "no translations"
tap_plan "$(echo "$pos" | grep -c .)"

for po in $pos; do
	case $po in
	po-content/*)
		set -- --content --template po-content/pamphlet-pack-core.pot ;;
	*)
		set -- --template po/pamphlet.pot ;;
	esac
	if out=$(po_check "$@" "$po" 2>&1); then
		tap_ok "$po: no findings"
	else
		tap_fail "$po: no findings" \
		    "$(printf '%s\n' "$out" | grep -c .) findings; fix each:" "$out"
	fi
done

# SPDX-License-Identifier: GPL-3.0-or-later
# Turns a PO template into a complete catalogue in a made-up language for
# the benchmark: every msgstr is its msgid in upper case (ASCII letters
# only, so the lengths stay the same), leaving escapes such as \n and, in
# c-format entries, printf directives such as %zu and %2$s as they are.
#
#	awk -v lang=qa -f po-mechanical.awk template.pot > qa.po
#
# The header is replaced by one naming the language, in UTF-8, with the
# English plural rule; the template's "fuzzy" mark goes with it.

function upper(line, cfmt,   out, i, n, c, inq) {
	out = ""
	n = length(line)
	inq = 0
	for (i = 1; i <= n; i++) {
		c = substr(line, i, 1)
		if (c == "\\" && inq) {
			out = out c substr(line, i + 1, 1)
			i++
		} else if (c == "\"") {
			inq = !inq
			out = out c
		} else if (c == "%" && cfmt && inq) {
			# A directive: flags, width, argument number, length,
			# then the conversion, copied as they are.
			out = out c
			while (i < n && index(dirchars, substr(line, i + 1, 1))) {
				i++
				out = out substr(line, i, 1)
			}
			if (i < n) {
				i++
				out = out substr(line, i, 1)
			}
		} else if (inq)
			out = out toupper(c)
		else
			out = out c
	}
	return out
}

# Prints the entry read so far with its translation, and starts afresh.
function flush(   i) {
	if (nid == 0)
		return
	if (header) {
		print "msgid \"\""
		print "msgstr \"\""
		print "\"Project-Id-Version: pamphlet benchmark\\n\""
		print "\"PO-Revision-Date: 2026-01-15 00:00+0000\\n\""
		print "\"Last-Translator: pamphlet benchmark\\n\""
		print "\"Language-Team: none\\n\""
		print "\"Language: " lang "\\n\""
		print "\"MIME-Version: 1.0\\n\""
		print "\"Content-Type: text/plain; charset=UTF-8\\n\""
		print "\"Content-Transfer-Encoding: 8bit\\n\""
		print "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\""
	} else {
		for (i = 1; i <= nkeep; i++)
			print keep[i]
		if (nplural == 0) {
			for (i = 1; i <= nid; i++)
				print (i == 1 ? "msgstr " : "") \
				    upper(idline[i], cfmt)
		} else {
			for (i = 1; i <= nid; i++)
				print (i == 1 ? "msgstr[0] " : "") \
				    upper(idline[i], cfmt)
			for (i = 1; i <= nplural; i++)
				print (i == 1 ? "msgstr[1] " : "") \
				    upper(plline[i], cfmt)
		}
	}
	print ""
	nkeep = nid = nplural = cfmt = header = hasctxt = 0
	state = ""
}

BEGIN {
	if (lang == "")
		lang = "qa"
	dirchars = "0123456789$#+ .'hlLqjzt-"
	nkeep = nid = nplural = cfmt = header = hasctxt = 0
}

/^#,/ {
	flush()
	if ($0 ~ /c-format/)
		cfmt = 1
	if ($0 ~ /fuzzy/) {
		sub(/,? *fuzzy/, "")
		if ($0 ~ /^#, *$/)
			next
	}
	keep[++nkeep] = $0
	next
}
/^#/ || /^$/ {
	flush()
	if ($0 != "")
		keep[++nkeep] = $0
	next
}
/^msgctxt / {
	keep[++nkeep] = $0
	hasctxt = 1
	state = "ctxt"
	next
}
/^msgid_plural / {
	keep[++nkeep] = $0
	plline[++nplural] = substr($0, 14)
	state = "plural"
	next
}
/^msgid / {
	keep[++nkeep] = $0
	idline[++nid] = substr($0, 7)
	if ($0 == "msgid \"\"" && !hasctxt)
		header = 1
	state = "id"
	next
}
/^msgstr/ {
	state = "str"
	next
}
/^"/ {
	if (state == "id") {
		keep[++nkeep] = $0
		idline[++nid] = $0
		header = 0
	} else if (state == "plural") {
		keep[++nkeep] = $0
		plline[++nplural] = $0
	} else if (state == "ctxt")
		keep[++nkeep] = $0
	next
}
END {
	flush()
}

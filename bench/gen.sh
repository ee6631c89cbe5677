#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a library of made-up topics for the benchmark:
#
#	sh gen.sh N DIR
#
# makes DIR/t0001.yaml ... DIR/tNNNN.yaml and DIR/library.yaml.  Each topic
# is about the size of a real one: 8 sections and some 2,000 words, with
# paragraphs, subheadings, lists, steps, care cards, evidence statements,
# a link and references, in short plain sentences that pass --check.  A
# topic depends only on its number, so the first ten topics of every
# library are the same.  Needs only sh and awk.
set -e
n=$1
dir=$2
if [ -z "$n" ] || [ -z "$dir" ]; then
	echo "usage: gen.sh N DIR" >&2
	exit 2
fi
AWK=${AWK:-awk}
mkdir -p "$dir"
rm -f "$dir"/*.yaml
printf 'emergency_number: "112"\n' > "$dir/library.yaml"

"$AWK" -v n="$n" -v dir="$dir" '
# A Park-Miller generator: exact in double arithmetic, the same in any awk.
function rnd(k) {
	seed = (seed * 16807) % 2147483647
	return int(seed / 2147483647 * k)
}
function pick(list, k) { return list[rnd(k) + 1] }

function sentence(   s, w) {
	s = pick(subj, nsubj) " " pick(verb, nverb) " " pick(obj, nobj)
	s = s pick(tail, ntail)
	# Now and then a word in *emphasis*, never the first.
	if (rnd(9) == 0 && split(s, w, " ") > 3)
		sub(" " w[3] " ", " *" w[3] "* ", s)
	return s
}

# Text of about words words, in sentences.
function text(words,   s, c) {
	s = ""
	c = 0
	while (c < words) {
		s = s (s == "" ? "" : " ") sentence()
		c += 10
	}
	return s
}

# Folded text under a key, wrapped as a writer would.
function folded(ind, s,   w, k, i, line) {
	k = split(s, w, " ")
	line = ""
	for (i = 1; i <= k; i++) {
		if (length(line) + length(w[i]) + 1 > 68 && line != "") {
			print ind line > f
			line = ""
		}
		line = line (line == "" ? "" : " ") w[i]
	}
	if (line != "")
		print ind line > f
}

function para(words, refs) {
	print "      - paragraph: >" > f
	folded("          ", text(words))
	if (refs != "")
		print "        refs: [" refs "]" > f
}

function items(ind, k,   i, s) {
	for (i = 0; i < k; i++) {
		s = pick(subj, nsubj) " " pick(verb, nverb) " " pick(obj, nobj)
		print ind "- " s "." > f
	}
}

function topic(t,   id, name, q, s, b, h, nrefs) {
	seed = t * 7919 + 17
	id = sprintf("t%04d", t)
	name = names[(t - 1) % nnames + 1]
	q = int((t - 1) / nnames) % nqual
	f = dir "/" id ".yaml"
	print "id: " id > f
	print "title: " name (q > 0 ? " " qual[q] : "") > f
	print "summary: What " tolower(name) " is, its signs, how it is " \
	    "treated and when to get help." > f
	print "last_reviewed: 2026-01-15" > f
	print "next_review: 2028-01-15" > f
	print "reviewed_by: a generated reviewer" > f
	if (t % 3 == 0) {
		print "translator_note: >" > f
		print "  Keep sentences short. Use everyday words." > f
	}
	print "sections:" > f
	for (s = 1; s <= 8; s++) {
		h = heading[s]
		sub(/%/, tolower(name), h)
		print "  - id: s" s > f
		print "    heading: " h > f
		print "    blocks:" > f
		para(40, "r" (s % 4 + 1))
		para(35, "")
		if (s % 2 == 0) {
			print "      - subheading: " pick(subhead, nsub) > f
			print "        id: s" s "-more" > f
		}
		para(40, "r" ((s + 1) % 4 + 1))
		print "      - list:" > f
		items("          ", 5)
		print "        refs: [r" ((s + 2) % 4 + 1) "]" > f
		para(30, "")
		if (s == 5) {
			print "      - steps:" > f
			items("          ", 4)
			print "        translator_note: Keep the steps short." > f
		}
		if (s == 3 || s == 6) {
			print "      - evidence:" > f
			print "          about: " pick(about, nabout) > f
			print "          grade: " grade[s / 3] > f
			print "          text: >" > f
			folded("            ", pick(claim, nclaim) " " sentence())
			print "          refs: [r1, r" (s / 3 + 1) "]" > f
		}
		if (s == 8) {
			care("emergency", "Call your local emergency number now if")
			care("urgent", "Call your doctor today if")
			care("non_urgent", "Make an appointment with your doctor if")
		} else if (s == 4) {
			care("info", "Tell your nurse if")
		}
		if (s == 7) {
			print "      - see_also:" > f
			print "          topic: " id > f
			print "          section: s8" > f
		}
		para(25, "")
	}
	print "references:" > f
	for (b = 1; b <= 4; b++) {
		print "  - id: r" b > f
		print "    authors: " pick(author, nauthor) > f
		print "    year: " (2000 + rnd(25)) > f
		print "    title: A study of " tolower(name) " number " b > f
		print "    source: Journal of Examples " (10 + b) ":" b "1-" b "9" > f
	}
	close(f)
}

function care(level, title) {
	print "      - care:" > f
	print "          level: " level > f
	print "          title: " title > f
	print "          items:" > f
	items("            ", 3)
	print "        refs: [r" (rnd(4) + 1) "]" > f
}

BEGIN {
	nsubj = split("Your doctor|A nurse|Most people|Some people|Your body|" \
	    "This test|The pain|Rest|Water|A short walk|Your family|" \
	    "The medicine|A warm bath|Good sleep|Your pharmacist|The scan|" \
	    "A friend|Light food|The cream|Your chest", subj, "|")
	nverb = split("can help|may change|will check|often eases|does not " \
	    "cause|can make|should ease|may raise|helps with|can lower|" \
	    "might slow|will look at|may not fix|can hide|often speeds up",
	    verb, "|")
	nobj = split("your sleep|the swelling|your blood|the pain in your " \
	    "back|your mood|the rash|your heart rate|the fever|your " \
	    "breathing|the cough|your skin|the itch|your joints|how you " \
	    "feel|the stiff neck|your stomach|the sore throat|your " \
	    "energy|the burning feeling|your weight", obj, "|")
	ntail = split(".| in a few days.| for most people.| at night.| " \
	    "after a meal.| over time.| if you rest.| when you drink " \
	    "water.| in the morning.| for a short time.| in older people.",
	    tail, "|")
	nnames = split("Asthma|Back pain|Diabetes|Migraine|Eczema|Gout|" \
	    "Sciatica|Tonsillitis|Shingles|Heart failure|Kidney stones|" \
	    "Bladder infection|Fever|Chest pain|Sore throat|Ear infection|" \
	    "Anaemia|High blood pressure|Osteoporosis|Psoriasis|Vertigo|" \
	    "Hay fever|Glaucoma|Cataracts|Acne|Bronchitis|Head lice|" \
	    "Heartburn|Hives|Insomnia|Nosebleeds|Piles|Sinusitis|" \
	    "Tennis elbow|Thrush|Warts|Cold sores|Chickenpox|Gallstones|" \
	    "Ménière disease", names, "|")
	nqual = split("|in children|in babies|in older people|at work|" \
	    "in pregnancy|after surgery|at night|in sport|and travel|" \
	    "and diet|and sleep|and exercise|and work|at school|at home|" \
	    "in winter|in summer|and driving|and sex|and stress|and alcohol|" \
	    "and smoking|and your heart|and your mood|and your skin", qual,
	    "|")
	# qual[1] is empty: the first round of names has no qualifier.
	for (i = 1; i < nqual; i++)
		qual[i] = qual[i + 1]
	nqual--
	split("What % is|Signs of %|What causes %|Tests for %|Treating %|" \
	    "What the research says|Living with %|When to see a doctor",
	    heading, "|")
	nsub = split("Key points|At home|Children|Older people|Medicines|" \
	    "Side effects|Food and drink|Work and school|Getting help " \
	    "at night|Before you go", subhead, "|")
	nabout = split("Rest and sleep|Drinking more water|Gentle exercise|" \
	    "Warm baths|Pain tablets|Changes in diet", about, "|")
	nclaim = split("This probably helps a little.|This may help some " \
	    "people.|We do not know if this helps.|This does help most " \
	    "people.", claim, "|")
	split("moderate|low", grade, "|")
	nauthor = split("Smith A, Jones B|Brown C|Garcia M, Lee K|" \
	    "Health Service|Patel R, Chen L, Okafor N", author, "|")
	for (t = 1; t <= n; t++)
		topic(t)
}'

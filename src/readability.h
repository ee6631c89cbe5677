/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Readability: the Flesch-Kincaid grade of the English text of each
 * section, for authors through --check.  Counting is pure (no curses, no
 * YAML, no locale); only readability_check reads files, for the limit.
 *
 * Units.  Text is counted one unit at a time: a heading, a paragraph, a
 * list item, a care card title.  A unit always ends a sentence, even
 * without final punctuation, since headings and list items seldom have
 * any.  A section's units are its heading and, block by block, every
 * string a patient reads in English: paragraphs, subheadings, list and
 * steps items, care card title, text and items, evidence about and text,
 * figure alt and caption, and a see-also link's own label (a link
 * without one shows another topic's title, counted in that topic).
 * Figure drawings and translations are never counted; *emphasis* stars
 * are removed first.
 *
 * Words.  A word is a run of letters and digits.  An apostrophe or a
 * hyphen between two of them keeps one word ("don't", "long-term": one
 * word each, as GNU style counts them), and so do "." and "," between
 * digits ("3.5", "1,000") and "." after a single letter ("e.g", "U.S").
 * A Han, Hiragana or Katakana character is a word of its own.
 *
 * Sentences.  Inside a unit a sentence ends at a run of . ! ? and the
 * ellipsis (U+2026) followed by a space or the end, or at a CJK full
 * stop (U+3002) or a full-width ! or ?.  Closing quotes, brackets and
 * stars may come between the mark and the space, and a run ("...",
 * "?!") is one end.  A "." or an ellipsis does not end a sentence when
 * the next word starts with a small letter ("e.g. rest", "Wait...
 * then"), after the abbreviations dr, mr, mrs, ms, prof, vs, e.g, i.e,
 * cf, approx, fig and al, or after an initial: a single capital letter
 * other than "I", followed by a capitalised word and preceded by
 * nothing, a capitalised word or another initial ("J. Smith", but
 * "vitamin D. Take" ends).  A run with no word before it since the last
 * end is no sentence.  Colons and semicolons never end one.
 *
 * Syllables (readability_syllables).  A word is split at hyphens, points
 * and commas, and each part counted:
 *  - a group of digits is 1 (so "3.5" is 2, "2020" is 1); "st", "nd",
 *    "rd", "th" right after digits are 0 ("3rd" is 1);
 *  - after an apostrophe, "s", "re", "ll", "ve", "d", "m" are 0, and "t"
 *    is 1 when "n" follows a consonant ("didn't" 2, "don't" 1);
 *  - two to four capitals are read letter by letter ("NIH" 3, "CPPS" 4,
 *    "W" counting 3), except Roman numerals of I, V and X, which are 1;
 *  - "some", "any" and "every" at the start of a longer word are counted
 *    as a word of their own ("something" 2), and a few words are in a
 *    table of exceptions ("business" 2, "people" 2, "diabetes" 4);
 *  - otherwise letters are lowercased, accents dropped, and the groups of
 *    vowels a e i o u y counted; ï and ë, and é, è, ê at the end of a
 *    word, start a group of their own and are never silent.  "y" is a
 *    consonant first in a word before a vowel ("yes") and between vowels
 *    ("beyond").  Within a group these are two syllables: "ia" (not
 *    after c, g, s, t, but "ciat", "tiat": "media", "social",
 *    "associate"), "io" (not after c, g, h, l, n, s, t, x: "radio",
 *    "infection"), "iu", "ua" and "uo" (not after q or g: "usual",
 *    "quality"), "ui" before d or n ("fluid", not "fruit"), "ue" before
 *    l or n ("fuel"), "eo" (not after c or g: "video", "surgeon"), "oe"
 *    before m or t ("poem"), a final "ea" or "eas" after another syllable
 *    ("area"), "iet" ("diet"), "ien" before c or t (not after c, n, s,
 *    t: "client", "patient") and a final "ier", "iers", "iest" after a
 *    consonant and another syllable ("easier");
 *  - then: a final "e" alone is silent ("make" 1), but not after a
 *    consonant and "l" ("table" 2) or a consonant and "r" ("centre" 2);
 *    a final "que" or "gue" is one syllable less ("unique" 2); a final
 *    "es" after one consonant is silent ("makes" 1) but not after s, x,
 *    z, c, g, ch, sh or a consonant and l or r ("boxes" 2, "tables" 2);
 *    a final "ed" after a consonant is silent ("walked" 1) but not after
 *    t, d ("wanted" 2) or a consonant and l or r ("troubled" 2,
 *    "hundred" 2); a silent "e" before the endings ly, ful, less, ness,
 *    ment(s), fully, lessly, ty, wise, time(s), line(s), style, where,
 *    fore and work is not counted ("safely" 2, "lifestyle" 2); "-ically"
 *    is one less ("medically" 3); "ing" after a vowel adds one ("being"
 *    2); a final "sm" after a vowel adds one ("spasm" 2); and so does a
 *    start of "rei", "reu", "react", "creat" (not "creatu") or "scien"
 *    ("reuse" 2, "create" 2, "science" 2).  None of these takes a word
 *    below one syllable.
 * Every word counts at least one syllable.  The rules were checked
 * against the CMU Pronouncing Dictionary on health texts.  GNU style
 * counts fewer (it drops a final vowel, never splits a group, and misses
 * capital vowels), so its grades tend to be lower.
 *
 * Grade.  0.39 * words / sentences + 11.8 * syllables / words - 15.59;
 * 0 for no words, and 0 where the formula goes below it.
 */
#ifndef PAMPHLET_READABILITY_H
#define PAMPHLET_READABILITY_H

#include <stddef.h>
#include <stdio.h>

struct diag_list;
struct library;
struct section;

struct readability {
	size_t	words;
	size_t	sentences;
	size_t	syllables;
};

/* Called once for each unit of a section's text. */
typedef void	readability_unit_fn(const char *unit, void *arg);

/* Adds the counts of one unit of UTF-8 text (emphasis already removed). */
void		readability_add(struct readability *, const char *text);

/* Syllables of one word as readability_add finds it; 0 only if empty. */
unsigned	readability_syllables(const char *word, size_t len);

/*
 * The Flesch-Kincaid grade of the counts.  The formula goes below 0 for
 * text of very short words and sentences; such text is as easy as text
 * gets, and its grade is 0.
 */
double		readability_grade(const struct readability *);

/*
 * Calls fn with each unit of a section's English text, in reading order,
 * with emphasis stars removed.  The string is valid during the call.
 */
void		readability_section_units(const struct section *,
		    readability_unit_fn *fn, void *arg);

/* Adds the counts of every unit of the section to r. */
void		readability_section(const struct section *,
		    struct readability *r);

/*
 * Grades every section of every topic in lib.  The limit for a topic is
 * the reading_grade_limit of the library.yaml in its file's directory
 * (each directory read once, quietly; its problems belong to the check
 * of that directory), else lib->settings.grade_limit.  Each section above
 * its limit gets a DIAG_READABILITY error at its position, then a note
 * (DIAG_READABILITY_WHY or _LONG) naming its longest sentences and its
 * words of most syllables.  A topic where fewer than half the letters
 * are Latin is not English: it gets DIAG_NOT_ENGLISH and no grade.  When
 * report is not NULL, prints there, for each topic in file name order, a
 * block of the section grades, their median and the limit.  Returns the number
 * of sections above their limit.
 */
size_t		readability_check(const struct library *lib, FILE *report,
		    struct diag_list *diags);

#endif

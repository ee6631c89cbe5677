/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the checks of what a catalogue says, beyond its
 * layout: the plural forms of its header and the printf formats of its
 * translations.  The first byte of the input chooses:
 *
 *	'F', then a byte choosing one of the English formats below, then
 *	    a translation: if mo_format_fits accepts it, it is printed with
 *	    the English format's arguments, which must neither crash (ASan)
 *	    nor print more than the two-digit widths allow;
 *	a catalogue (its magic number): mo_check, and on each entry of a
 *	    catalogue it accepts, mo_format_fits against its msgid;
 *	anything else, a header: mo_plural_check gives the same answer
 *	    twice, and for a formula it accepts mo_plural_form evaluates
 *	    without a division by zero for any n (taken from the input too).
 */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mo.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_en[] = {
	"%s", "%zu", "Found %ld of %zu", "%d%%  ?: help ", "%s/%s: %zu",
	"%1$s %2$zu", "%*d", "%.*s", "%c %lu %x", "%f"
};
#define FUZZ_NEN	(sizeof(fuzz_en) / sizeof(fuzz_en[0]))

static void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz_forms: %s\n", what);
	abort();
}

/* Prints tr with the arguments of English format k. */
static int
fuzz_print(size_t k, const char *tr)
{
	char	buf[256];

/* The arguments are what the English takes: tr was checked against it. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	switch (k) {
	case 0:	return (snprintf(buf, sizeof(buf), tr, "topic"));
	case 1:	return (snprintf(buf, sizeof(buf), tr, (size_t)12));
	case 2:	return (snprintf(buf, sizeof(buf), tr, 3L, (size_t)4));
	case 3:	return (snprintf(buf, sizeof(buf), tr, 50));
	case 4:	return (snprintf(buf, sizeof(buf), tr, "a", "b", (size_t)2));
	case 5:	return (snprintf(buf, sizeof(buf), tr, "a", (size_t)5));
	case 6:	return (snprintf(buf, sizeof(buf), tr, 7, 8));
	case 7:	return (snprintf(buf, sizeof(buf), tr, 3, "abcdef"));
	case 8:	return (snprintf(buf, sizeof(buf), tr, 'x', 9UL, 10U));
	default: return (snprintf(buf, sizeof(buf), tr, 1.5));
	}
}

static void
fuzz_format(const uint8_t *data, size_t size)
{
	char	*tr;
	size_t	 k;
	int	 n;

	if (size < 2)
		return;
	k = data[1] % FUZZ_NEN;
	tr = malloc(size - 1);
	memcpy(tr, data + 2, size - 2);
	tr[size - 2] = '\0';
	if (mo_format_fits(fuzz_en[k], tr) != mo_format_fits(fuzz_en[k], tr))
		fuzz_fail("a second format check disagrees");
	if (mo_format_fits(fuzz_en[k], tr)) {
		/* Each conversion of two bytes or more: 99 columns at most
		   plus the argument (the widest English one: 7 and 8). */
		n = fuzz_print(k, tr);
		if (n < 0 || (size_t)n > strlen(tr) * (MO_FMT_MAX_WIDTH + 24))
			fuzz_fail("an accepted format prints too much");
	}
	free(tr);
}

static void
fuzz_catalogue(const uint8_t *data, size_t size)
{
	uint32_t	n, ot, tt, i;
	int		swap = data[0] == 0x95;
	const char	*id, *tr;

	if (mo_check(data, size, NULL) != MO_OK)
		return;
	n = fuzz_word(data, 8, swap);
	ot = fuzz_word(data, 12, swap);
	tt = fuzz_word(data, 16, swap);
	for (i = 0; i < n; i++) {
		id = (const char *)data + fuzz_word(data, ot + i * 8 + 4, swap);
		tr = (const char *)data + fuzz_word(data, tt + i * 8 + 4, swap);
		if (*id == '\0' && mo_plural_check(tr) != NULL)
			fuzz_fail("an accepted catalogue has a bad header");
		(void)mo_format_fits(id, tr);
	}
}

static void
fuzz_header(const uint8_t *data, size_t size)
{
	static const unsigned long	 ns[] = { 0, 1, 2, 1000001, ULONG_MAX };
	const char			*why;
	char				*h;
	unsigned long			 n, form;
	size_t				 i;

	h = malloc(size + 1);
	memcpy(h, data, size);
	h[size] = '\0';
	why = mo_plural_check(h);
	if (mo_plural_check(h) != why)
		fuzz_fail("a second plural check disagrees");
	if (why == NULL) {
		/* The last bytes of the input as one more n. */
		for (n = 0, i = size > 8 ? size - 8 : 0; i < size; i++)
			n = n << 8 | data[i];
		for (i = 0; i <= sizeof(ns) / sizeof(ns[0]); i++)
			if (mo_plural_form(h, i < sizeof(ns) / sizeof(ns[0]) ?
			    ns[i] : n, &form) == -1)
				fuzz_fail("an accepted formula divides by "
				    "zero");
	}
	free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4 && (fuzz_word(data, 0, 0) == 0x950412deU ||
	    fuzz_word(data, 0, 1) == 0x950412deU))
		fuzz_catalogue(data, size);
	else if (size > 0 && data[0] == 'F')
		fuzz_format(data, size);
	else
		fuzz_header(data, size);
	return (0);
}

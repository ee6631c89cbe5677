/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the fuzz targets share.
 */
#ifndef PAMPHLET_FUZZ_H
#define PAMPHLET_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "i18n.h"

/*
 * The start of a target that loads topics or settings: a UTF-8 locale
 * and the catalogues.  The time zone is given outright: without TZ,
 * glibc reads /etc/localtime again each time the loader asks for
 * today's date, that is, for every input that makes a topic.
 */
static inline void
fuzz_init(void)
{
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("TZ", "UTC0", 1);
	i18n_init(NULL);
}

/* The 32-bit word of a catalogue at off, big-endian if swap. */
static inline uint32_t
fuzz_word(const uint8_t *b, size_t off, int swap)
{
	if (swap)
		return ((uint32_t)b[off] << 24 | (uint32_t)b[off + 1] << 16 |
		    (uint32_t)b[off + 2] << 8 | b[off + 3]);
	return ((uint32_t)b[off + 3] << 24 | (uint32_t)b[off + 2] << 16 |
	    (uint32_t)b[off + 1] << 8 | b[off]);
}

#endif /* !PAMPHLET_FUZZ_H */

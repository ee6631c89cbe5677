/*
 * What the fuzz targets share.
 */
#ifndef PAMPHLET_FUZZ_H
#define PAMPHLET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

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

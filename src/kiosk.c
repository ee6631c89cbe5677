/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kiosk policy.  In kiosk mode nothing a reader does may end the program
 * or leave the bundled content; the program never runs anything else in
 * any mode, so the only way out to forbid here is quitting.  Keys such as
 * Ctrl-C and Ctrl-Z arrive as plain keys (tty.c sets raw mode), bound to
 * nothing.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kiosk.h"

/* Actions a reader at a kiosk may not take. */
static const enum action kiosk_denied[] = {
	ACT_QUIT,
};

int
kiosk_allows(const struct kiosk *k, enum action a)
{
	size_t	i;

	if (!k->enabled)
		return (1);
	for (i = 0; i < sizeof(kiosk_denied) / sizeof(kiosk_denied[0]); i++)
		if (kiosk_denied[i] == a)
			return (0);
	return (1);
}

/*
 * Control keys that the terminal sends as the byte of another key: once
 * typed, they cannot be told apart from it, so a chord holding one
 * could never be typed as written.
 */
static const struct {
	char		 c;
	const char	*why;
} kiosk_lookalikes[] = {
	/* TRANSLATORS: why a key cannot be in the exit chord. */
	{ 'm', N_("it arrives as Enter, and cannot be told apart from it") },
	{ 'j', N_("it arrives as Enter, and cannot be told apart from it") },
	{ 'i', N_("it arrives as Tab, and cannot be told apart from it") },
	{ 'h', N_("it arrives as Backspace, and cannot be told apart from "
	    "it") },
	{ '[', N_("it arrives as Esc, and cannot be told apart from it") },
};

/* One key of a chord: its code, or 0 with the reason in *why. */
static uint32_t
kiosk_chord_key(const char *s, size_t len, const char **why)
{
	size_t	i;
	int	c, f;

	if (len == 3 && s[0] == 'C' && s[1] == '-') {
		c = tolower((unsigned char)s[2]);
		for (i = 0; i < sizeof(kiosk_lookalikes) /
		    sizeof(kiosk_lookalikes[0]); i++)
			if (kiosk_lookalikes[i].c == c) {
				*why = kiosk_lookalikes[i].why;
				return (0);
			}
		if (c >= 'a' && c <= 'z')
			return (KEYMAP_CTRL((uint32_t)c));
	} else if (len >= 2 && len <= 3 && s[0] == 'F' && s[1] >= '1' &&
	    s[1] <= '9' && (len == 2 || isdigit((unsigned char)s[2]))) {
		f = s[1] - '0';
		if (len == 3)
			f = f * 10 + s[2] - '0';
		if (f <= 24)
			return (KEYMAP_F(f));
	} else if (len == 1 && s[0] > ' ' && s[0] < 0x7f)
		return ((unsigned char)s[0]);
	*why = N_("it is not a key; write C- and a letter, F1 to F24, or one "
	    "printable character");
	return (0);
}

int
kiosk_chord_parse(struct kiosk *k, const char *s, struct kiosk_chord_error *err)
{
	uint32_t	keys[KIOSK_CHORD_MAX];
	size_t		n = 0, len;

	memset(err, 0, sizeof(*err));
	while (*s != '\0') {
		s += strspn(s, " ");
		if (*s == '\0')
			break;
		len = strcspn(s, " ");
		if (n == KIOSK_CHORD_MAX)
			break;
		if ((keys[n++] = kiosk_chord_key(s, len, &err->why)) == 0) {
			err->key = s;
			err->keylen = len;
			return (-1);
		}
		s += len;
	}
	/* One key alone is too easy to press by chance. */
	if (n < 2 || *s != '\0') {
		err->why = N_("two to eight keys, such as \"C-x C-k C-q\"");
		return (-1);
	}
	memcpy(k->chord, keys, n * sizeof(keys[0]));
	k->nchord = n;
	k->matched = 0;
	return (0);
}

int
kiosk_chord_feed(struct kiosk *k, uint32_t key)
{
	if (k->nchord == 0)
		return (0);
	if (key == k->chord[k->matched])
		k->matched++;
	else
		k->matched = key == k->chord[0] ? 1 : 0;
	if (k->matched == k->nchord) {
		k->matched = 0;
		return (1);
	}
	return (0);
}

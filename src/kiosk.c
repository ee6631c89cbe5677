/*
 * Kiosk policy.  In kiosk mode nothing a reader does may end the program
 * or leave the bundled content; the program never runs anything else in
 * any mode, so the only way out to forbid here is quitting.  Keys such as
 * Ctrl-C and Ctrl-Z arrive as plain keys (term.c sets raw mode), bound to
 * nothing.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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

int
kiosk_chord_parse(struct kiosk *k, const char *s)
{
	uint32_t	keys[KIOSK_CHORD_MAX];
	size_t		n = 0, len;
	char		*end;
	long		f;

	while (*s != '\0') {
		s += strspn(s, " ");
		if (*s == '\0')
			break;
		len = strcspn(s, " ");
		if (n == KIOSK_CHORD_MAX)
			return (-1);
		if (len == 3 && s[0] == 'C' && s[1] == '-' &&
		    isalpha((unsigned char)s[2]))
			keys[n++] = KEYMAP_CTRL((uint32_t)tolower(
			    (unsigned char)s[2]));
		else if (len >= 2 && len <= 3 && s[0] == 'F' &&
		    isdigit((unsigned char)s[1])) {
			f = strtol(s + 1, &end, 10);
			if (end != s + len || f < 1 || f > 12)
				return (-1);
			keys[n++] = KEYMAP_FKEY;
		} else if (len == 1 && s[0] > ' ' && s[0] < 0x7f)
			keys[n++] = (unsigned char)s[0];
		else
			return (-1);
		s += len;
	}
	/* One key alone is too easy to press by chance. */
	if (n < 2)
		return (-1);
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

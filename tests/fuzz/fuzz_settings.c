/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the settings file: the input is read as
 * --config reads a file, and its language is set as the program sets it
 * (then the first one is set again, so that runs stay apart).  Every
 * diagnostic is formatted.  Properties checked, each an abort when it
 * fails:
 *
 *	the file is refused exactly when it has an error;
 *	what is kept is what the kiosk can use: a kiosk flag and an idle
 *	    time in range, an exit chord the kiosk parses and an emergency
 *	    number that is a phone number, each with its place in the file.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "fuzz.h"
#include "i18n.h"
#include "kiosk.h"
#include "settings.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	fuzz_fail(const char *);
static void	fuzz_check(const struct settings *);

static char	fuzz_start_lang[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	snprintf(fuzz_start_lang, sizeof(fuzz_start_lang), "%s",
	    i18n_lang_code(i18n_lang_current()));
	return (0);
}

static void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz_settings: %s\n", what);
	abort();
}

/* What settings_load keeps is usable, and says where it came from. */
static void
fuzz_check(const struct settings *s)
{
	const char		*text[SET_MAX] = { NULL };
	struct kiosk		 k;
	struct kiosk_chord_error e;
	size_t			 i;

	if (s->kiosk < -1 || s->kiosk > 1)
		fuzz_fail("kiosk is neither unset, false nor true");
	if (s->idle < -1 || s->idle > 86400)
		fuzz_fail("idle time out of range");
	if (s->exit_chord != NULL && kiosk_chord_parse(&k, s->exit_chord,
	    &e) == -1)
		fuzz_fail("an exit chord the kiosk refuses was kept");
	if (s->emergency_number != NULL &&
	    !doc_phone_valid(s->emergency_number))
		fuzz_fail("an emergency number that is not one was kept");
	if (s->kiosk != -1 && s->line[SET_KIOSK] == 0)
		fuzz_fail("kiosk set from nowhere in the file");
	if (s->idle != -1 && s->line[SET_IDLE] == 0)
		fuzz_fail("idle time set from nowhere in the file");
	text[SET_LANGUAGE] = s->language;
	text[SET_THEME] = s->theme;
	text[SET_EMERGENCY] = s->emergency_number;
	text[SET_CONTENT] = s->ncontent > 0 ? s->content[0] : NULL;
	text[SET_CHORD] = s->exit_chord;
	text[SET_CACHE] = s->cache;
	if (s->grade_limit != -1 && s->line[SET_GRADE] == 0)
		fuzz_fail("a grade limit set from nowhere in the file");
	for (i = 0; i < SET_MAX; i++)
		if (text[i] != NULL && s->line[i] == 0)
			fuzz_fail("a setting set from nowhere in the file");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list	 dl;
	struct settings		 s;
	size_t			 i;
	int			 rc;

	settings_init(&s);
	diag_init(&dl);
	rc = settings_load_buffer("fuzz.yaml", (const char *)data, size, &s,
	    &dl);
	if ((rc == -1) != (dl.nerrors > 0))
		fuzz_fail("refused without an error, or kept with one");
	fuzz_check(&s);
	if (rc == 0 && s.language != NULL &&
	    i18n_set_language(s.language) != -1)
		i18n_set_language(fuzz_start_lang);
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.items[i]));
	diag_free(&dl);
	settings_free(&s);
	return (0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The settings file of an installation (SETTINGS_PATH, or --config
 * FILE): kiosk mode, the idle time, language, theme, the emergency
 * number, the reading-grade limit, where packs and their indexes are,
 * so that a kiosk is set up in one place and none of it lives in the
 * content.  Options on the command line win over the file.
 */
#ifndef PAMPHLET_SETTINGS_H
#define PAMPHLET_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

struct diag_list;
struct kiosk;

/* The installed settings file, read when there is no --config. */
#ifndef PAMPHLET_SYSCONFDIR
#define PAMPHLET_SYSCONFDIR	"/etc"		/* builds outside make */
#endif
#define SETTINGS_PATH		PAMPHLET_SYSCONFDIR "/pamphlet/pamphlet.yaml"

/* The keys of the file, in the order of the line and col arrays. */
enum {
	SET_KIOSK,
	SET_IDLE,
	SET_LANGUAGE,
	SET_THEME,
	SET_EMERGENCY,
	SET_CONTENT,
	SET_CHORD,
	SET_GRADE,
	SET_CACHE,
	SET_MAX
};

struct settings {
	int	 kiosk;			/* -1: not set */
	int	 idle;			/* seconds; -1: not set */
	char	*language;
	char	*theme;
	char	*emergency_number;
	char	**content;		/* folders, in order of precedence */
	size_t	 ncontent;
	char	*exit_chord;
	int	 grade_limit;		/* -1: not set */
	char	*cache;			/* folder of pack indexes */
	/* Where each key's value is written (line 0: not in the file). */
	uint32_t line[SET_MAX];
	uint32_t col[SET_MAX];
};

void	settings_init(struct settings *);
void	settings_free(struct settings *);
/* Reads a settings file; -1 (with diagnostics) if it has errors. */
int	settings_load(const char *path, struct settings *,
	    struct diag_list *);
/* The same for the file's bytes in memory; name is used in diagnostics. */
int	settings_load_buffer(const char *name, const char *buf, size_t len,
	    struct settings *, struct diag_list *);
/*
 * Reads an exit chord into the kiosk, or adds why it cannot be one to
 * the list (at file:line:col) and returns -1.  The settings check and
 * the kiosk use this one function, so they refuse the same chords.
 */
int	settings_chord(const char *, struct kiosk *, const char *file,
	    uint32_t line, uint32_t col, struct diag_list *);

#endif

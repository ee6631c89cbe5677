/*
 * The settings file of an installation (--config FILE): kiosk mode, the
 * idle time, language, theme and the like, so that a kiosk is set up in
 * one place.  Options on the command line win over the file.
 */
#ifndef PAMPHLET_SETTINGS_H
#define PAMPHLET_SETTINGS_H

struct diag_list;

struct settings {
	int	 kiosk;			/* -1: not set */
	int	 idle;			/* seconds; -1: not set */
	char	*language;
	char	*theme;
	char	*emergency_number;
	char	*content;
	char	*exit_chord;
};

void	settings_init(struct settings *);
void	settings_free(struct settings *);
/* Reads a settings file; -1 (with diagnostics) if it has errors. */
int	settings_load(const char *path, struct settings *,
	    struct diag_list *);

#endif

/*
 * Settings file reader.  The file is YAML, read through ytree with the
 * same limits as topics; every key is checked and reported with its
 * place, as for topics.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "kiosk.h"
#include "schema.h"
#include "settings.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

static const char *const settings_keys[SET_MAX] = {
	"kiosk", "idle_seconds", "language", "theme", "emergency_number",
	"content", "exit_chord"
};

static char	*settings_string(const struct schema *, const char *,
		    const struct ytree_node *);

void
settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->kiosk = -1;
	s->idle = -1;
}

void
settings_free(struct settings *s)
{
	free(s->language);
	free(s->theme);
	free(s->emergency_number);
	free(s->content);
	free(s->exit_chord);
	settings_init(s);
}

/* Text for a setting, or NULL after a diagnostic. */
static char *
settings_string(const struct schema *sc, const char *key,
    const struct ytree_node *v)
{
	return (schema_text(sc, key, v, TEXT_FLOW));
}

int
settings_load(const char *path, struct settings *s, struct diag_list *dl)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	if (ytree_read_file(path, &ytree_default_limits, &buf, &len, dl) == -1)
		return (-1);
	rc = settings_load_buffer(path, buf, len, s, dl);
	free(buf);
	return (rc);
}

/*
 * The file goes through the schema walk that topics go through: keys
 * that are not text, unknown (with the closest known key as a hint) or
 * given twice are errors at their place, so that a second "kiosk: false"
 * can never quietly turn a kiosk off.
 */
int
settings_load_buffer(const char *name, const char *buf, size_t len,
    struct settings *s, struct diag_list *dl)
{
	const struct ytree_node	*root, *vals[SET_MAX], *v;
	struct ytree		*tree;
	struct diag_list	 local;
	struct kiosk		 chord;
	struct schema		 sc;
	char			**slot;
	size_t			 i;
	long			 n;
	int			 rc;

	/* Problems in file order, whatever order the checks run in. */
	diag_init(&local);
	if (ytree_load_buffer(name, buf, len, &ytree_default_limits, &tree,
	    &local) == -1) {
		/* A file of comments only, as installed, sets nothing. */
		rc = local.n == 1 && local.items[0].code == DIAG_EMPTY_FILE ?
		    0 : -1;
		if (rc == 0)
			diag_free(&local);
		diag_move(dl, &local);
		return (rc);
	}
	sc.file = name;
	sc.diags = &local;
	root = ytree_root(tree);
	if ((rc = schema_root(&sc, root)) != 0) {
		/* An empty settings file sets nothing. */
		ytree_free(tree);
		diag_move(dl, &local);
		return (rc == 1 ? 0 : -1);
	}
	schema_map(&sc, root, N_("settings"), settings_keys, SET_MAX, vals, 0);
	for (i = 0; i < SET_MAX; i++) {
		if ((v = vals[i]) == NULL)
			continue;
		s->line[i] = v->line;
		s->col[i] = v->col;
	}
	if ((v = vals[SET_KIOSK]) != NULL)
		schema_bool(&sc, "kiosk", v, &s->kiosk);
	if ((v = vals[SET_IDLE]) != NULL &&
	    schema_number(&sc, "idle_seconds", v, 0, 86400,
	    N_("a number of seconds from 0 to 86400"), &n) == 0)
		s->idle = (int)n;
	for (i = 0; i < SET_MAX; i++) {
		switch (i) {
		case SET_LANGUAGE:
			slot = &s->language;
			break;
		case SET_THEME:
			slot = &s->theme;
			break;
		case SET_EMERGENCY:
			slot = &s->emergency_number;
			break;
		case SET_CONTENT:
			slot = &s->content;
			break;
		case SET_CHORD:
			slot = &s->exit_chord;
			break;
		default:
			continue;
		}
		if (vals[i] == NULL)
			continue;
		free(*slot);
		*slot = settings_string(&sc, settings_keys[i], vals[i]);
	}
	/* The kiosk refuses a chord it cannot use; so does the check. */
	if (s->exit_chord != NULL && settings_chord(s->exit_chord, &chord,
	    name, s->line[SET_CHORD], s->col[SET_CHORD], &local) == -1) {
		free(s->exit_chord);
		s->exit_chord = NULL;
	}
	if (s->emergency_number != NULL &&
	    !doc_phone_valid(s->emergency_number)) {
		schema_diag(&sc, vals[SET_EMERGENCY], DIAG_BAD_SETTING,
		    "emergency_number", N_("a phone number (digits, spaces "
		    "and + - ( ) only)"));
		free(s->emergency_number);
		s->emergency_number = NULL;
	}
	ytree_free(tree);
	rc = local.nerrors > 0 ? -1 : 0;
	diag_sort(&local);
	diag_move(dl, &local);
	return (rc);
}

int
settings_chord(const char *text, struct kiosk *k, const char *file,
    uint32_t line, uint32_t col, struct diag_list *dl)
{
	struct kiosk_chord_error	 e;
	char				*key;

	if (kiosk_chord_parse(k, text, &e) == 0)
		return (0);
	if (e.keylen == 0)
		diag_add(dl, file, line, col, DIAG_BAD_SETTING, "exit_chord",
		    e.why);
	else {
		key = xstrndup(e.key, e.keylen);
		diag_add(dl, file, line, col, DIAG_BAD_CHORD_KEY, key, e.why);
		free(key);
	}
	return (-1);
}

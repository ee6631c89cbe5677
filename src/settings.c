/* SPDX-License-Identifier: GPL-3.0-or-later */
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
	"content", "exit_chord", "reading_grade_limit", "cache"
};

static char	*settings_string(const struct schema *, const char *,
		    const struct ytree_node *);
static void	 settings_content(const struct schema *,
		    const struct ytree_node *, struct settings *);

void
settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->kiosk = -1;
	s->idle = -1;
	s->grade_limit = -1;
}

void
settings_free(struct settings *s)
{
	free(s->language);
	free(s->theme);
	size_t	i;

	free(s->emergency_number);
	for (i = 0; i < s->ncontent; i++)
		free(s->content[i]);
	free(s->content);
	free(s->exit_chord);
	free(s->cache);
	settings_init(s);
}

/* One folder, or a list of them in order of precedence. */
static void
settings_content(const struct schema *sc, const struct ytree_node *v,
    struct settings *s)
{
	char	*dir;
	size_t	 i;

	if (v->kind == YTREE_SCALAR) {
		if ((dir = settings_string(sc, "content", v)) != NULL) {
			s->content = xcalloc(1, sizeof(*s->content));
			s->content[s->ncontent++] = dir;
		}
		return;
	}
	if (schema_want_seq(sc, "content", v, 0) == -1)
		return;
	s->content = xcalloc(v->nkids, sizeof(*s->content));
	for (i = 0; i < v->nkids; i++) {
		if (v->kids[i]->kind != YTREE_SCALAR) {
			schema_diag(sc, v->kids[i], DIAG_WRONG_ITEM_TYPE,
			    "content", schema_w_text);
			continue;
		}
		if ((dir = settings_string(sc, "content", v->kids[i])) != NULL)
			s->content[s->ncontent++] = dir;
	}
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
	memset(&sc, 0, sizeof(sc));
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
	if ((v = vals[SET_GRADE]) != NULL &&
	    schema_number(&sc, "reading_grade_limit", v, 1, 20,
	    N_("a whole number from 1 to 20"), &n) == 0)
		s->grade_limit = (int)n;
	if ((v = vals[SET_CONTENT]) != NULL)
		settings_content(&sc, v, s);
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
		case SET_CACHE:
			slot = &s->cache;
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

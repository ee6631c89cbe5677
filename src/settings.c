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
#include "settings.h"
#include "text.h"
#include "xalloc.h"
#include "ytree.h"

enum {
	SET_KIOSK,
	SET_IDLE,
	SET_LANGUAGE,
	SET_THEME,
	SET_EMERGENCY,
	SET_CONTENT,
	SET_CHORD,
	SET_MAX
};

static const char *const settings_keys[SET_MAX] = {
	"kiosk", "idle_seconds", "language", "theme", "emergency_number",
	"content", "exit_chord"
};

static int	settings_bool(const struct ytree_node *, int *);
static char	*settings_text(const struct ytree_node *);

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

static int
settings_bool(const struct ytree_node *n, int *v)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	size_t			 i;

	if (n->kind != YTREE_SCALAR)
		return (-1);
	for (i = 0; i < 3; i++) {
		if (strcmp(n->str, yes[i]) == 0) {
			*v = 1;
			return (0);
		}
		if (strcmp(n->str, no[i]) == 0) {
			*v = 0;
			return (0);
		}
	}
	return (-1);
}

/* A scalar made safe, or NULL if it is not text or is empty. */
static char *
settings_text(const struct ytree_node *n)
{
	char	*s;

	if (n->kind != YTREE_SCALAR || n->len == 0)
		return (NULL);
	s = text_sanitize(n->str, n->len, TEXT_FLOW, NULL);
	if (*s == '\0') {
		free(s);
		return (NULL);
	}
	return (s);
}

int
settings_load(const char *path, struct settings *s, struct diag_list *dl)
{
	const struct ytree_node	*root, *k, *v;
	struct ytree		*tree;
	struct kiosk		 chord;
	size_t			 i, j, nerr = dl->nerrors;
	char			*end, **slot;
	long			 n;

	if (ytree_load_file(path, &ytree_default_limits, &tree, dl) == -1)
		return (-1);
	root = ytree_root(tree);
	if (root == NULL || root->kind != YTREE_MAP) {
		diag_add(dl, path, root != NULL ? root->line : 0,
		    root != NULL ? root->col : 0, DIAG_ROOT_TYPE, NULL, NULL);
		ytree_free(tree);
		return (-1);
	}
	for (i = 0; i + 1 < root->nkids; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		for (j = 0; j < SET_MAX; j++)
			if (k->kind == YTREE_SCALAR &&
			    strcmp(k->str, settings_keys[j]) == 0)
				break;
		slot = NULL;
		switch (j) {
		case SET_KIOSK:
			if (settings_bool(v, &s->kiosk) == -1)
				diag_add(dl, path, v->line, v->col,
				    DIAG_BAD_SETTING, "kiosk",
				    N_("true or false"));
			break;
		case SET_IDLE:
			n = v->kind == YTREE_SCALAR ?
			    strtol(v->str, &end, 10) : -1;
			if (v->kind != YTREE_SCALAR || *v->str == '\0' ||
			    *end != '\0' || n < 0 || n > 86400)
				diag_add(dl, path, v->line, v->col,
				    DIAG_BAD_SETTING, "idle_seconds",
				    N_("a number of seconds from 0 to 86400"));
			else
				s->idle = (int)n;
			break;
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
			diag_add(dl, path, k->line, k->col, DIAG_UNKNOWN_KEY,
			    k->kind == YTREE_SCALAR ? k->str : "?",
			    N_("settings"));
			break;
		}
		if (slot != NULL) {
			free(*slot);
			if ((*slot = settings_text(v)) == NULL)
				diag_add(dl, path, v->line, v->col,
				    DIAG_BAD_SETTING, settings_keys[j],
				    N_("text"));
			else if (j == SET_CHORD && settings_chord(*slot,
			    &chord, path, v->line, v->col, dl) == -1) {
				free(*slot);
				*slot = NULL;
			} else if (j == SET_EMERGENCY &&
			    !doc_phone_valid(*slot)) {
				diag_add(dl, path, v->line, v->col,
				    DIAG_BAD_SETTING, settings_keys[j],
				    N_("a phone number (digits, spaces and "
				    "+ - ( ) only)"));
				free(*slot);
				*slot = NULL;
			}
		}
	}
	ytree_free(tree);
	return (dl->nerrors > nerr ? -1 : 0);
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

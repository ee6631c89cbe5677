/*
 * A libFuzzer target for the content loader: the input is read as a
 * topic file with the default limits, built into a topic when it parses
 * and laid out at a few widths, on a UTF-8 terminal, an ASCII one and
 * for a screen reader.  Every diagnostic is formatted, so that untrusted arguments go
 * through the same code as on a real --check.  Nothing is kept between
 * runs but the locale and the catalogues i18n_init sets up.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "content.h"
#include "diag.h"
#include "doc.h"
#include "i18n.h"
#include "layout.h"
#include "ytree.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Widths, and whether the terminal lacks UTF-8 or wants plain words. */
static const struct {
	int	width;
	int	ascii;
	int	plain;
} fuzz_modes[] = {
	{ 1, 0, 0 },
	{ 20, 0, 0 },
	{ 80, 0, 0 },
	{ 20, 1, 0 },
	{ 80, 0, 1 }
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("LC_ALL", "C.UTF-8", 1);
	i18n_init(NULL);
	return (0);
}

static void
fuzz_layouts(const struct library *lib)
{
	struct layout_opts	 opts;
	struct layout		*l;
	size_t			 i;

	memset(&opts, 0, sizeof(opts));
	for (i = 0; i < sizeof fuzz_modes / sizeof *fuzz_modes; i++) {
		opts.width = fuzz_modes[i].width;
		opts.ascii = fuzz_modes[i].ascii;
		opts.plain = fuzz_modes[i].plain;
		opts.emergency_number = i % 2 == 0 ? "911" : NULL;
		opts.lib = lib;
		l = layout_topic(lib->topics[0], &opts);
		layout_free(l);
		if (opts.width == 1) {
			l = layout_contents(lib->topics[0], &opts);
			layout_free(l);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list	 dl;
	struct library		 lib;
	struct ytree		*tree;
	struct topic		*t;
	size_t			 i;

	diag_init(&dl);
	if (ytree_load_buffer("fuzz.yaml", (const char *)data, size,
	    &ytree_default_limits, &tree, &dl) == 0) {
		t = content_topic_from_tree("fuzz.yaml", ytree_root(tree), &dl);
		ytree_free(tree);
		if (t != NULL) {
			/* In a library, so that links to itself resolve. */
			doc_library_init(&lib);
			doc_library_add(&lib, t);
			content_resolve_links(&lib, &dl);
			fuzz_layouts(&lib);
			doc_library_free(&lib);
		}
	}
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.items[i]));
	diag_free(&dl);
	return (0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the content loader: the input is read as a
 * topic file with the default limits, built into a topic when it parses
 * and laid out, with its contents, in one of a few ways: narrow and
 * wide, on a UTF-8 terminal, an ASCII one or for a screen reader, with
 * an emergency number or without.  The way is chosen by a hash of the
 * input, so that a run is repeatable and every way is taken, but a topic
 * costs one layout instead of all of them: layout is most of the time
 * of an input that loads.  Every
 * diagnostic is formatted, so that untrusted arguments go through the
 * same code as on a real --check.  Nothing is kept between runs but the
 * locale and the catalogues i18n_init sets up.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "content.h"
#include "library.h"
#include "diag.h"
#include "doc.h"
#include "fuzz.h"
#include "i18n.h"
#include "layout.h"
#include "ytree.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	fuzz_layout(const struct library *, const uint8_t *, size_t);

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
	fuzz_init();
	return (0);
}

/*
 * Lays the topic out in the mode, with or without an emergency number,
 * that an FNV-1a hash of the input picks.
 */
static void
fuzz_layout(const struct library *lib, const uint8_t *data, size_t size)
{
	struct layout_opts	 opts;
	uint32_t		 h;
	size_t			 i, mode;

	memset(&opts, 0, sizeof(opts));
	h = 2166136261U;
	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619U;
	mode = h % (sizeof fuzz_modes / sizeof *fuzz_modes);
	h /= sizeof fuzz_modes / sizeof *fuzz_modes;
	opts.width = fuzz_modes[mode].width;
	opts.ascii = fuzz_modes[mode].ascii;
	opts.plain = fuzz_modes[mode].plain;
	opts.emergency_number = h % 2 == 0 ? "911" : NULL;
	opts.lib = lib;
	layout_free(layout_topic(lib->topics[0], &opts));
	layout_free(layout_contents(lib->topics[0], &opts));
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
		t = content_topic_from_tree("fuzz.yaml", ytree_root(tree), NULL, &dl);
		ytree_free(tree);
		if (t != NULL) {
			/* In a library, so that links to itself resolve. */
			doc_library_init(&lib);
			doc_library_add(&lib, t);
			library_resolve_links(&lib, &dl);
			fuzz_layout(&lib, data, size);
			doc_library_free(&lib);
		}
	}
	for (i = 0; i < dl.n; i++)
		free(diag_format(&dl.items[i]));
	diag_free(&dl);
	return (0);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* klantreis-compile: the one program that reads the journeys' XML.
 *
 *   klantreis-compile [--journeys=DIR] [--today=DATE] --output=FILE
 *     loads and checks the journeys as the guide's --check does and writes
 *     the image (docs/image-format.md) to FILE atomically ("-": standard
 *     output). Errors are printed as FILE:LINE:COL and nothing is written.
 *   klantreis-compile --check [klantreis options]
 *     what `klantreis --check` runs (the guide links no XML parser).
 *
 * Exit status: 0, 1 (the journeys have errors, or FILE cannot be
 * written), 2 (usage). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "cmd/cmd.h"
#include "core/i18n.h"
#include "core/image.h"
#include "core/util.h"

static int compile(const char *dir, const char *out)
{
	uint64_t hash;
	const char *why;
	/* The hash first: an edit while loading makes the image's hash
	 * differ from the files', and the guide compiles again. */
	if (!image_hash_dir(dir, &hash, &why)) {
		fprintf(stderr, _("klantreis-compile: cannot read the journeys in %s: %s\n"), dir, why);
		return CLI_EXIT_CONTENT;
	}
	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(dir, &diags);
	struct check_options copt = content_check_options();
	if (!diags.errors)
		journey_set_validate(set, &copt, &diags);
	int status = 0;
	if (diags.errors) {
		diag_sort(&diags);
		for (size_t i = 0; i < diags.n; i++)
			if (diags.items[i].severity == DIAG_ERROR)
				diag_print(&diags.items[i], stderr);
		status = CLI_EXIT_CONTENT;
	} else {
		void *img;
		size_t len;
		if (!image_build(set, hash, &img, &len, &why)) {
			fprintf(stderr, _("klantreis-compile: cannot compile the journeys in %s: %s\n"),
				dir, why);
			status = CLI_EXIT_CONTENT;
		} else {
			if (!image_save(out, img, len)) {
				fprintf(stderr, _("klantreis-compile: cannot write %s: %s\n"),
					strcmp(out, "-") == 0 ? _("standard output") : out,
					strerror(errno));
				status = CLI_EXIT_CONTENT;
			}
			free(img);
		}
	}
	diag_free(&diags);
	journey_set_free(set);
	return status;
}

int main(int argc, char **argv)
{
	i18n_init(content_localedir());
	const char *out = NULL;
	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "--output=", 9) == 0) {
			out = argv[i] + 9;
			memmove(&argv[i], &argv[i + 1], (size_t)(argc - i) * sizeof(*argv));
			argc--;
			break;
		}
	/* The rest of the command line is klantreis's own. */
	struct cli c;
	if (!cli_parse(&c, argc, argv, stderr))
		return CLI_EXIT_USAGE;
	if (out ? c.cmd != CLI_GUIDE : c.cmd != CLI_CHECK) {
		fprintf(stderr, _("usage: klantreis-compile [--journeys=DIR] [--today=DATE] --output=FILE\n"
				  "       klantreis-compile --check [--journeys=DIR] [--today=DATE]\n"));
		return CLI_EXIT_USAGE;
	}
	if (!content_set_today(&c))
		return CLI_EXIT_USAGE;
	if (out && *out == '\0') {
		fprintf(stderr, _("klantreis-compile: --output needs a file name (or - for standard output)\n"));
		return CLI_EXIT_USAGE;
	}
	if (!out) {
		struct check_options copt = content_check_options();
		return check_run(content_dir(&c), &copt, stdout);
	}
	return compile(content_dir(&c), out);
}

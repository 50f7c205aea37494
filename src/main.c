/* SPDX-License-Identifier: GPL-3.0-or-later */
/* klantreis: read the command line (cli.c), run the command (cmd/). Only
 * main decides to exit. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd/cmd.h"
#include "config.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/util.h"

static int version(const struct cli *c)
{
	(void)c;
	printf("klantreis %s\n", PACKAGE_VERSION);
	puts(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law."));
	return 0;
}

static int help(const struct cli *c)
{
	(void)c;
	cli_usage(stdout);
	return 0;
}

int cmd_run(const struct cli *c)
{
	static int (*const run[])(const struct cli *) = {
		[CLI_GUIDE] = cmd_guide,       [CLI_KIOSK] = cmd_guide,
		[CLI_CHECK] = cmd_check,       [CLI_EXPORT] = cmd_export,
		[CLI_PATHS] = cmd_paths,       [CLI_EXPORT_PLAN] = cmd_export_plan,
		[CLI_HASH_PIN] = cmd_hash_pin, [CLI_HELP] = help,
		[CLI_VERSION] = version,
	};
	if (c->cmd != CLI_HELP && c->cmd != CLI_VERSION && c->cmd != CLI_HASH_PIN && !content_set_today(c))
		return CLI_EXIT_USAGE;
	return run[c->cmd](c);
}

int main(int argc, char **argv)
{
	i18n_init(content_localedir());
	content_set_argv(argv);
	struct cli c;
	if (!cli_parse(&c, argc, argv, stderr))
		return CLI_EXIT_USAGE;
	return cmd_run(&c);
}

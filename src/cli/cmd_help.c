// SPDX-License-Identifier: Apache-2.0
// corridor help [COMMAND]
#include "cli/cli.h"

static int run(int argc, char **argv)
{
	if (argc > 2)
		return cor_cli_usage_error(&cor_cmd_help, "too many arguments");
	return cor_cli_help(argc == 2 ? argv[1] : NULL);
}

const struct cor_command cor_cmd_help = {
	"help",
	run,
	"usage: corridor help [COMMAND]",
	"show the commands, or one command's usage",
	COR_CMD_NO_ACTOR,
};

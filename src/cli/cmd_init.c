// SPDX-License-Identifier: Apache-2.0
// corridor init: create a database, or bring one up to this binary's schema.
#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli/cli.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {0}};
	const char *db = NULL;
	struct cor_store *st = NULL;
	struct stat sb;
	int c;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else
			return cor_cli_bad_option(&cor_cmd_init, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(&cor_cmd_init, "unexpected argument '%s'", argv[optind]);
	const char *path = cor_cli_db_path(db);
	/* An empty file is not a database yet: init creates one in it. */
	bool existed = stat(path, &sb) == 0 && sb.st_size > 0;
	if (cor_cli_open(db, COR_STORE_CREATE, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	printf("%s %s (schema version %d)\n", existed ? "opened" : "created", path,
	       cor_store_schema_version());
	cor_store_close(st);
	return COR_EXIT_OK;
}

const struct cor_command cor_cmd_init = {
	"init",
	run,
	"usage: corridor init [--db PATH]",
	"create a database, or upgrade one to this version's schema",
	0,
};

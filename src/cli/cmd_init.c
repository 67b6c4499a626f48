// SPDX-License-Identifier: Apache-2.0
// corridor init: create a database, or bring one up to this binary's schema.
// Creating a database comes before any operation (there is no store to run
// one in yet): the command opens the store with COR_STORE_CREATE, which
// applies the migrations, and says what it found.
#include <getopt.h>
#include <stdio.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/service.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'}, {0}};
	const char *db = NULL;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else
			return cor_cli_bad_option(&cor_cmd_init, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(&cor_cmd_init, "unexpected argument '%s'", argv[optind]);
	char shown[600];
	cor_cli_db_shown(cor_cli_db_path(db), shown, sizeof(shown));
	if ((ret = cor_cli_ctx_open(db, COR_STORE_CREATE, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	bool created = cor_store_created(st);
	cor_store_close(st);
	if (json)
		return cor_cli_print_json(json_pack("{s:s, s:b, s:i}", "database", shown, "created",
						    created, "schema_version",
						    cor_store_schema_version()));
	printf("%s %s (schema version %d)\n", created ? "created" : "opened", shown,
	       cor_store_schema_version());
	return COR_EXIT_OK;
}

const struct cor_command cor_cmd_init = {
	"init",
	run,
	"usage: corridor init [--json] [--db PATH]",
	"create a database, or upgrade one to this version's schema",
	0,
};

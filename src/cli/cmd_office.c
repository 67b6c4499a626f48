// SPDX-License-Identifier: Apache-2.0
// corridor office list|add: the offices cases belong to (service/case.h).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/country.h"
#include "service/case.h"

static int print_offices(json_t *doc)
{
	size_t i;
	json_t *o;
	json_array_foreach(json_object_get(doc, "offices"), i, o)
	{
		printf("%-7s %-3s %s\n", json_string_value(json_object_get(o, "code")),
		       json_string_value(json_object_get(o, "country")),
		       cor_cli_shown(json_string_value(json_object_get(o, "name"))));
	}
	json_decref(doc);
	return COR_EXIT_OK;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"country", required_argument, NULL, 'c'},
		{"name", required_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_office;
	struct cor_office o = {0};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL, *country = NULL, *name = NULL;
	bool json = false;
	int c, ret = COR_EXIT_OK;

	if (argc < 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "add")))
		return cor_cli_usage_error(cmd, "which? 'list' or 'add'");
	bool add = !strcmp(argv[1], "add");
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 'c' && add)
			country = optarg;
		else if (c == 'n' && add)
			name = optarg;
		else if (c == 'c' || c == 'n') /* known, but not for 'list' */
			return cor_cli_usage_error(cmd, "--%s goes with 'add'",
						   c == 'c' ? "country" : "name");
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (add) {
		if (optind != argc - 1)
			return cor_cli_usage_error(cmd, "give one office code, e.g. NE-NIM");
		if (!cor_office_code_is_valid(argv[optind]))
			return cor_cli_usage_error(cmd, "'%s' is not an office code like LY-TIP",
						   argv[optind]);
		if (!country || !cor_country_is_iso3(country))
			return cor_cli_usage_error(cmd,
						   "--country: give the ISO 3166-1 alpha-3 code");
		if (!name || !*name || strlen(name) >= sizeof(o.name) || !cor_text_is_clean(name))
			return cor_cli_usage_error(cmd,
						   "--name: give the office's name (1-63 bytes)");
		const char *a2 = cor_country_alpha2(country);
		if (strncmp(argv[optind], a2, 2))
			return cor_cli_usage_error(cmd, "'%s' must start with %s, the code of %s",
						   argv[optind], a2, country);
		snprintf(o.code, sizeof(o.code), "%s", argv[optind]);
		snprintf(o.country, sizeof(o.country), "%s", country);
		snprintf(o.name, sizeof(o.name), "%s", name);
	} else if (optind < argc) {
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	}
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (add) {
		if (cor_svc_office_add(&cx, &o) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(json_pack("{s:s, s:s, s:s}", "code", o.code,
							   "country", o.country, "name", o.name));
		else
			printf("added office %s (%s, %s)\n", o.code, o.name, o.country);
	} else {
		struct cor_svc_office_list_out out;
		if (cor_svc_office_list(&cx, &out) < 0)
			ret = cor_cli_error(&cx, json);
		else
			ret = json ? cor_cli_print_json(out.doc) : print_offices(out.doc);
	}
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_office = {
	"office",
	run,
	"usage: corridor office list [--json] [--db PATH]\n"
	"       corridor office add CODE --country ISO3 --name NAME [--json] [--db PATH]",
	"list offices, or add one",
	0,
};

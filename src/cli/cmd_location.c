// SPDX-License-Identifier: Apache-2.0
// corridor location: the assembly points where cases wait away from their
// office (a detention centre, a town, a transit centre). Which places each
// reaches is 'corridor place reach'; where a case is, 'corridor case locate'.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/location.h"

static const struct cor_command *const cmd = &cor_cmd_location;

struct list {
	json_t *doc; /* with --json: the array */
	int n;
};

static int print_location(const struct cor_location *loc, void *ctx)
{
	struct list *l = ctx;
	l->n++;
	if (l->doc)
		return json_array_append_new(l->doc, cor_svc_location_json(loc));
	printf("%-16s  %-9s  %s  %s\n", loc->code, cor_location_kind_name(loc->kind), loc->country,
	       cor_cli_shown(loc->name));
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},      {"kind", required_argument, NULL, 'k'},
		{"country", required_argument, NULL, 'c'}, {"name", required_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'},          {0},
	};
	static const char *const names[] = {"list", "add", NULL};
	const char *db = NULL, *kind = NULL, *country = NULL, *name = NULL;
	struct cor_store *st;
	struct cor_ctx cx;
	bool json = false;
	int c, ret, sub = cor_cli_subcommand(cmd, names, argc, argv);
	if (sub < 0)
		return COR_EXIT_USAGE;
	argc--;
	argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'k':
			kind = optarg;
			break;
		case 'c':
			country = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 'j':
			json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (sub == 0) {
		if (optind < argc)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
			return ret;
		struct list l = {json ? json_array() : NULL, 0};
		struct cor_svc_location_list_in in = {print_location, &l};
		if (cor_svc_location_list(&cx, &in) < 0) {
			json_decref(l.doc);
			ret = cor_cli_error(&cx, json);
		} else if (json) {
			ret = cor_cli_print_json(json_pack("{s:o}", "locations", l.doc));
		} else {
			printf("%d assembly point%s\n", l.n, l.n == 1 ? "" : "s");
		}
		cor_store_close(st);
		return ret;
	}
	struct cor_location loc = {0};
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one location code (LY-TIP-DC01)");
	if (!kind || cor_location_kind_parse(kind, &loc.kind) < 0 ||
	    loc.kind == COR_LOCATION_OFFICE)
		return cor_cli_usage_error(cmd, "--kind: one of detention, town, transit");
	if (!country || !name)
		return cor_cli_usage_error(cmd, "give --country and --name");
	if (strlen(argv[optind]) >= sizeof(loc.code))
		return cor_cli_usage_error(cmd, "CODE: '%s' is too long for a location code",
					   argv[optind]);
	if (strlen(country) >= sizeof(loc.country) || strlen(name) >= sizeof(loc.name))
		return cor_cli_usage_error(cmd, "--country or --name is too long");
	snprintf(loc.code, sizeof(loc.code), "%s", argv[optind]);
	snprintf(loc.country, sizeof(loc.country), "%s", country);
	snprintf(loc.name, sizeof(loc.name), "%s", name);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_location_add(&cx, &loc) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(cor_svc_location_json(&loc));
	else
		printf("location %s added\n", loc.code);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_location = {
	"location",
	run,
	"usage: corridor location list [--json] [--db PATH]\n"
	"       corridor location add CODE --kind detention|town|transit --country ISO3\n"
	"                 --name NAME [--json] [--db PATH]\n\n"
	"A case is at its office unless it is put at an assembly point ('corridor case\n"
	"locate'). CODE is 7 to 16 capital letters, digits and '-' (LY-TIP-DC01); an\n"
	"office's code (LY-TIP) is a location too. Which places a location reaches, and\n"
	"so where its cases can board: 'corridor place reach'. --json prints\n"
	"{\"locations\":[{\"code\",\"kind\",\"country\",\"name\"}]} (list) or the location added.",
	"assembly points where cases wait: detention centres, towns, transit centres",
	0,
};

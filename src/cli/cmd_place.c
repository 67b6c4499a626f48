// SPDX-License-Identifier: Apache-2.0
// corridor place: the airports, ports and towns movements run between, each
// with its country and time zone (times are shown in local time there).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/movement.h"

static const struct cor_command *const cmd = &cor_cmd_place;

struct list {
	json_t *doc; /* with --json: the array */
	int n;
};

static int print_place(const struct cor_place *p, void *ctx)
{
	struct list *l = ctx;
	l->n++;
	if (l->doc)
		return json_array_append_new(l->doc, cor_svc_place_json(p));
	printf("%-5s  %-7s  %s  %-24s %s\n", p->code, cor_place_kind_name(p->kind), p->country,
	       p->tz, p->name);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"kind", required_argument, NULL, 'k'},
		{"country", required_argument, NULL, 'c'},
		{"tz", required_argument, NULL, 't'},
		{"name", required_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	static const char *const names[] = {"list", "add", NULL};
	const char *db = NULL, *kind = NULL, *country = NULL, *tz = NULL, *name = NULL;
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
		case 't':
			tz = optarg;
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
		struct cor_svc_place_list_in in = {print_place, &l};
		if (cor_svc_place_list(&cx, &in) < 0) {
			json_decref(l.doc);
			ret = cor_cli_error(&cx, json);
		} else if (json) {
			ret = cor_cli_print_json(json_pack("{s:o}", "places", l.doc));
		} else {
			printf("%d places\n", l.n);
		}
		cor_store_close(st);
		return ret;
	}
	struct cor_place p = {0};
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd,
					   "give one place code (IATA ABC or UN/LOCODE ABCDE)");
	if (!kind || cor_place_kind_parse(kind, &p.kind) < 0)
		return cor_cli_usage_error(cmd, "--kind: one of airport, port, land");
	if (!country || !tz || !name)
		return cor_cli_usage_error(cmd, "give --country, --tz and --name");
	/* What does not fit its field cannot be valid: refused here, as unread. */
	if (strlen(argv[optind]) >= sizeof(p.code))
		return cor_cli_usage_error(cmd, "CODE: '%s' is too long for a place code",
					   argv[optind]);
	if (strlen(country) >= sizeof(p.country) || strlen(tz) >= sizeof(p.tz) ||
	    strlen(name) >= sizeof(p.name))
		return cor_cli_usage_error(cmd, "--country, --tz or --name is too long");
	snprintf(p.code, sizeof(p.code), "%s", argv[optind]);
	snprintf(p.country, sizeof(p.country), "%s", country);
	snprintf(p.tz, sizeof(p.tz), "%s", tz);
	snprintf(p.name, sizeof(p.name), "%s", name);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_place_add(&cx, &p) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(cor_svc_place_json(&p));
	else
		printf("place %s added\n", p.code);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_place = {
	"place",
	run,
	"usage: corridor place list [--json] [--db PATH]\n"
	"       corridor place add CODE --kind airport|port|land --country ISO3 --tz ZONE\n"
	"                 --name NAME [--json] [--db PATH]\n\n"
	"CODE is an IATA airport code (MJI) or a UN/LOCODE for ports and towns (YEADE).\n"
	"Times of movements are stored in UTC and shown in the place's time zone.\n"
	"--json prints {\"places\":[{\"code\",\"kind\",\"country\",\"tz\",\"name\"}]} (list) or\n"
	"the place added.",
	"places movements run between: airports, ports, towns",
	0,
};

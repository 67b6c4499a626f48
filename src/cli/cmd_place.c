// SPDX-License-Identifier: Apache-2.0
// corridor place: the airports, ports and towns movements run between, each
// with its country and time zone (times are shown in local time there).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/location.h"
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
	       p->tz, cor_cli_shown(p->name));
	return 0;
}

static int print_reach(const struct cor_place_reach *r, void *ctx)
{
	struct list *l = ctx;
	l->n++;
	if (l->doc)
		return json_array_append_new(l->doc, cor_svc_reach_json(r));
	printf("%-16s  %-5s  %-4s  %d h\n", r->location, r->place, cor_reach_mode_name(r->mode),
	       r->hours);
	return 0;
}

/* corridor place reach PLACE LOCATION --by road|leg [--hours N] | --remove;
 * corridor place reaches [--location L] */
static int run_reach(int sub, int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"by", required_argument, NULL, 'b'},
		{"hours", required_argument, NULL, 'h'},
		{"remove", no_argument, NULL, 'r'},
		{"location", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const char *db = NULL, *by = NULL, *location = NULL;
	long hours = 0;
	bool json = false, remove = false, timed = false;
	struct cor_store *st;
	struct cor_ctx cx;
	int c, ret;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'b':
			by = optarg;
			break;
		case 'h':
			if ((ret = cor_cli_parse_long(cmd, "--hours", optarg, 0, 999, &hours)))
				return ret;
			timed = true;
			break;
		case 'r':
			remove = true;
			break;
		case 'l':
			location = optarg;
			break;
		case 'j':
			json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (sub == 3) {
		if (optind < argc)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
			return ret;
		struct list l = {json ? json_array() : NULL, 0};
		struct cor_svc_reach_list_in in = {location, print_reach, &l};
		if (cor_svc_place_reach_list(&cx, &in) < 0) {
			json_decref(l.doc);
			ret = cor_cli_error(&cx, json);
		} else if (json) {
			ret = cor_cli_print_json(json_pack("{s:o}", "reach", l.doc));
		} else {
			printf("%d reach%s recorded\n", l.n, l.n == 1 ? "" : "es");
		}
		cor_store_close(st);
		return ret;
	}
	struct cor_svc_reach_in in = {.remove = remove};
	if (optind != argc - 2)
		return cor_cli_usage_error(cmd, "give a place code and a location (an office or an "
						"assembly point)");
	if (remove && (by || timed))
		return cor_cli_usage_error(cmd, "--remove takes neither --by nor --hours");
	if (!remove && (!by || cor_reach_mode_parse(by, &in.r.mode) < 0))
		return cor_cli_usage_error(cmd, "--by: road or leg (a domestic leg), or --remove");
	if (strlen(argv[optind]) >= sizeof(in.r.place) ||
	    strlen(argv[optind + 1]) >= sizeof(in.r.location))
		return cor_cli_usage_error(cmd, "PLACE or LOCATION is too long for its code");
	snprintf(in.r.place, sizeof(in.r.place), "%s", argv[optind]);
	snprintf(in.r.location, sizeof(in.r.location), "%s", argv[optind + 1]);
	in.r.hours = (int)hours;
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_place_reach(&cx, &in) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json && remove)
		ret = cor_cli_print_json(json_pack("{s:s, s:s, s:b}", "place", in.r.place,
						   "location", in.r.location, "removed", 1));
	else if (json)
		ret = cor_cli_print_json(cor_svc_reach_json(&in.r));
	else if (remove)
		printf("%s no longer reaches %s\n", in.r.location, in.r.place);
	else
		printf("%s reaches %s by %s in %d h\n", in.r.location, in.r.place,
		       in.r.mode == COR_REACH_ROAD ? "road" : "a domestic leg", in.r.hours);
	cor_store_close(st);
	return ret;
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
	static const char *const names[] = {"list", "add", "reach", "reaches", NULL};
	const char *db = NULL, *kind = NULL, *country = NULL, *tz = NULL, *name = NULL;
	struct cor_store *st;
	struct cor_ctx cx;
	bool json = false;
	int c, ret, sub = cor_cli_subcommand(cmd, names, argc, argv);
	if (sub < 0)
		return COR_EXIT_USAGE;
	argc--;
	argv++;
	if (sub >= 2)
		return run_reach(sub, argc, argv);
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
	"                 --name NAME [--json] [--db PATH]\n"
	"       corridor place reach CODE LOCATION --by road|leg [--hours N] [--json] [--db PATH]\n"
	"       corridor place reach CODE LOCATION --remove [--json] [--db PATH]\n"
	"       corridor place reaches [--location LOCATION] [--json] [--db PATH]\n\n"
	"CODE is an IATA airport code (MJI) or a UN/LOCODE for ports and towns (YEADE).\n"
	"Times of movements are stored in UTC and shown in the place's time zone.\n"
	"'reach' records that the cases at LOCATION (an office, or an assembly point:\n"
	"'corridor location') can get to CODE, by road or by a domestic leg of their own,\n"
	"in about N hours (default 0); the planner then boards them only at the places\n"
	"their location reaches, or where a domestic leg of the same movement takes them.\n"
	"A location with no reach recorded boards anywhere in its country. 'reaches' lists\n"
	"what is recorded.\n"
	"--json prints {\"places\":[{\"code\",\"kind\",\"country\",\"tz\",\"name\"}]} (list),\n"
	"{\"reach\":[{\"place\",\"location\",\"mode\",\"hours\"}]} (reaches), or the record.",
	"places movements run between: airports, ports, towns",
	0,
};

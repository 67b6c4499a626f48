// SPDX-License-Identifier: Apache-2.0
// corridor place: the airports, ports and towns movements run between, each
// with its country and time zone (times are shown in local time there).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/country.h"
#include "domain/movement.h"
#include "store/store_movement.h"
#include "util/tz.h"

static const struct cor_command *const cmd = &cor_cmd_place;

static int print_place(const struct cor_place *p, void *ctx)
{
	int *n = ctx;
	printf("%-5s  %-7s  %s  %-24s %s\n", p->code, cor_place_kind_name(p->kind), p->country,
	       p->tz, p->name);
	(*n)++;
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},      {"kind", required_argument, NULL, 'k'},
		{"country", required_argument, NULL, 'c'}, {"tz", required_argument, NULL, 't'},
		{"name", required_argument, NULL, 'n'},    {0},
	};
	static const char *const names[] = {"list", "add", NULL};
	const char *db = NULL, *kind = NULL, *country = NULL, *tz = NULL, *name = NULL;
	struct cor_store *st;
	int c, sub = cor_cli_subcommand(cmd, names, argc, argv);
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
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (sub == 0) {
		if (optind < argc)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
		if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
			return COR_EXIT_FAIL;
		int n = 0, ret = COR_EXIT_OK;
		if (cor_store_place_each(st, print_place, &n) < 0)
			ret = cor_cli_fail("%s", cor_store_errmsg(st));
		else
			printf("%d places\n", n);
		cor_store_close(st);
		return ret;
	}
	struct cor_place p = {0};
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd,
					   "give one place code (IATA ABC or UN/LOCODE ABCDE)");
	if (!cor_place_code_is_valid(argv[optind]))
		return cor_cli_usage_error(cmd,
					   "CODE: '%s' is not an IATA airport code (ABC) or a "
					   "UN/LOCODE (ABCDE)",
					   argv[optind]);
	if (!kind || cor_place_kind_parse(kind, &p.kind) < 0)
		return cor_cli_usage_error(cmd, "--kind: one of airport, port, land");
	if (!country || !cor_country_is_iso3(country))
		return cor_cli_usage_error(cmd,
					   "--country: an ISO 3166-1 alpha-3 code such as LBY");
	if (!tz || !cor_tz_is_known(tz))
		return cor_cli_usage_error(cmd, "--tz: a time zone such as Africa/Tripoli (see "
						"/usr/share/zoneinfo)");
	if (!name || !*name || strlen(name) > COR_PLACE_NAME_MAX || !cor_text_is_clean(name))
		return cor_cli_usage_error(cmd, "--name: 1 to %d bytes of text",
					   COR_PLACE_NAME_MAX);
	snprintf(p.code, sizeof(p.code), "%s", argv[optind]);
	snprintf(p.country, sizeof(p.country), "%s", country);
	snprintf(p.tz, sizeof(p.tz), "%s", tz);
	snprintf(p.name, sizeof(p.name), "%s", name);
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int ret = COR_EXIT_OK;
	if (cor_store_place_add(st, &p) < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else
		printf("place %s added\n", p.code);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_place = {
	"place",
	run,
	"usage: corridor place list [--db PATH]\n"
	"       corridor place add CODE --kind airport|port|land --country ISO3 --tz ZONE\n"
	"                 --name NAME [--db PATH]\n\n"
	"CODE is an IATA airport code (MJI) or a UN/LOCODE for ports and towns (YEADE).\n"
	"Times of movements are stored in UTC and shown in the place's time zone.",
	"places movements run between: airports, ports, towns",
	0,
};

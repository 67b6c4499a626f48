// SPDX-License-Identifier: Apache-2.0
// corridor office list|add: the offices cases belong to.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/country.h"

static int print_office(const struct cor_office *o, void *ctx)
{
	printf("%-7s %-3s %s\n", o->code, o->country, o->name);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"country", required_argument, NULL, 'c'},
		{"name", required_argument, NULL, 'n'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_office;
	struct cor_office o = {0};
	struct cor_store *st = NULL;
	const char *db = NULL, *country = NULL, *name = NULL;
	int c, ret = COR_EXIT_OK;

	if (argc < 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "add")))
		return cor_cli_usage_error(cmd, "which? 'list' or 'add'");
	bool add = !strcmp(argv[1], "add");
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
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
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (add ? cor_store_office_add(st, &o) < 0
		: cor_store_office_list(st, print_office, NULL) < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else if (add)
		printf("added office %s (%s, %s)\n", o.code, o.name, o.country);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_office = {
	"office",
	run,
	"usage: corridor office list [--db PATH]\n"
	"       corridor office add CODE --country ISO3 --name NAME [--db PATH]",
	"list offices, or add one",
	0,
};

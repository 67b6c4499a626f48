// SPDX-License-Identifier: Apache-2.0
// corridor eligibility: every criterion a case does not meet under its
// programme's rules in force, for every person, with its code and a
// sentence, evaluated on a day (service/queue.h). Parsing and printing only.
// Invariants: the exit status is the verdict (0 eligible, 1 not), the
// report is on stdout, and nothing is written to the database.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/eligibility.h"
#include "service/queue.h"

static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

static void print_report(const json_t *doc)
{
	const json_t *u;
	size_t i;
	json_array_foreach(json_object_get(doc, "unmet"), i, u)
	{
		printf("%-15s  %-21s  %-25s  %s\n", str(u, "criterion"), str(u, "who"),
		       str(u, "code"), str(u, "message"));
	}
	bool met = json_is_true(json_object_get(doc, "eligible"));
	long n = (long)json_integer_value(json_object_get(doc, "persons"));
	long unmet = (long)json_integer_value(json_object_get(doc, "unmet_count"));
	printf("case %s (%s, %s, %ld person%s) is %seligible ", str(doc, "case"),
	       str(doc, "programme"), str(doc, "state"), n, n == 1 ? "" : "s", met ? "" : "not ");
	if (json_is_string(json_object_get(doc, "travel_on")))
		printf("for travel on %s", str(doc, "travel_on"));
	else
		printf("on %s (no travel date set)", str(doc, "evaluated_on"));
	if (!met)
		printf(": %ld unmet criteri%s", unmet, unmet == 1 ? "on" : "a");
	putchar('\n');
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"travel-date", required_argument, NULL, 't'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_eligibility;
	struct cor_svc_eligibility_in in = {0};
	struct cor_svc_eligibility_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_date travel;
	const char *db = NULL;
	bool json = false;
	char office[8];
	int year, c, ret;
	long seq;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 't') {
			if (cor_cli_parse_date(cmd, "--travel-date", optarg, &travel) !=
			    COR_EXIT_OK)
				return COR_EXIT_USAGE;
			in.travel_on = &travel;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	in.ref = argv[optind];
	if (cor_case_ref_parse(in.ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   in.ref);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_eligibility(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
	} else {
		bool met = out.eligible;
		if (json) {
			ret = cor_cli_print_json(out.doc);
		} else {
			print_report(out.doc);
			json_decref(out.doc);
			ret = COR_EXIT_OK;
		}
		if (ret == COR_EXIT_OK && !met)
			ret = COR_EXIT_FAIL;
	}
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_eligibility = {
	"eligibility",
	run,
	"usage: corridor eligibility CASE-ID [--travel-date YYYY-MM-DD] [--json] [--db PATH]\n\n"
	"Evaluates the case under its programme's eligibility rules in force\n"
	"('corridor rules show') and prints every unmet criterion, one line each:\n"
	"criterion, person (or case) ID, code and sentence; then a summary line.\n"
	"Exit status 0 when the case is eligible, 1 when it is not (or on an\n"
	"error, said on stderr).\n\n"
	"  --travel-date D  evaluate for travel on D (default: today, with no travel\n"
	"                   date set: cases are not booked on a movement yet)\n"
	"  --json           one JSON document: the verdict and every unmet criterion\n"
	"See docs/queue.md.",
	"every unmet eligibility criterion of a case, for every person",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor stats: the caseload in aggregate, or the departures and arrivals
// per month of a period (service/case.h). Counts only, never names: this is
// what an M&E officer may see.
#include <getopt.h>
#include <stdio.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/country.h"
#include "service/case.h"

static long num(const json_t *o, const char *key)
{
	return (long)json_integer_value(json_object_get(o, key));
}

/* One section: its first limit rows (0: all), the rest summed as others. */
static void print_section(const json_t *rows, const char *title, size_t limit, bool names)
{
	long other_cases = 0, other_persons = 0;
	char cs[32], ps[32], key[96];
	size_t i;
	json_t *r;
	printf("\n%-46s %10s %10s\n", title, "cases", "persons");
	json_array_foreach(rows, i, r)
	{
		if (limit && i >= limit) {
			other_cases += num(r, "cases");
			other_persons += num(r, "persons");
			continue;
		}
		const char *k = json_string_value(json_object_get(r, "key"));
		const char *name = names ? cor_country_name(k) : NULL;
		snprintf(key, sizeof(key), "%s%s%s%s", k, name ? " (" : "", name ? name : "",
			 name ? ")" : "");
		cor_cli_thousands(cs, sizeof(cs), num(r, "cases"));
		cor_cli_thousands(ps, sizeof(ps), num(r, "persons"));
		printf("  %-44s %10s %10s\n", key, cs, ps);
	}
	if (other_persons) {
		cor_cli_thousands(cs, sizeof(cs), other_cases);
		cor_cli_thousands(ps, sizeof(ps), other_persons);
		printf("  %-44s %10s %10s\n", "(others)", cs, ps);
	}
}

static int print_stats(json_t *doc, const char *db)
{
	static const struct {
		const char *key, *title;
		size_t limit;
		bool names;
	} sections[] = {
		{"by_programme", "by programme", 0, false},
		{"by_state", "by state", 0, false},
		{"by_priority", "by priority", 0, false},
		{"by_office", "by office", 0, false},
		{"by_destination", "by destination", 15, true},
		{"by_nationality", "persons by nationality", 15, true},
		{"by_sex_age", "persons by sex and age", 0, false},
		{"by_need", "persons with specific needs, by group", 0, false},
		{"by_document", "persons by travel document", 0, false},
	};
	const json_t *t = json_object_get(doc, "totals");
	char a[32], b[32], d[32], e[32];
	cor_cli_thousands(a, sizeof(a), num(t, "cases"));
	cor_cli_thousands(b, sizeof(b), num(t, "persons"));
	cor_cli_thousands(d, sizeof(d), num(t, "documents"));
	cor_cli_thousands(e, sizeof(e), num(t, "events"));
	printf("%s: %s cases, %s persons, %s documents, %s events (as of %s)\n",
	       cor_cli_db_path(db), a, b, d, e, json_string_value(json_object_get(doc, "as_of")));
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		print_section(json_object_get(doc, sections[i].key), sections[i].title,
			      sections[i].limit, sections[i].names);
	json_decref(doc);
	return COR_EXIT_OK;
}

/* The departures and arrivals of a period, a line a month, then the total. */
static int print_flows(json_t *doc)
{
	const char *office = json_string_value(json_object_get(doc, "office"));
	const char *prog = json_string_value(json_object_get(doc, "programme"));
	const json_t *r;
	size_t i;
	printf("departures and arrivals from %s to %s, %s%s, %s%s\n",
	       json_string_value(json_object_get(doc, "from")),
	       json_string_value(json_object_get(doc, "to")), office ? "office " : "every office",
	       office ? office : "", prog ? "programme " : "every programme", prog ? prog : "");
	printf("%-8s %10s %10s %10s %10s\n", "MONTH", "DEPARTED", "PERSONS", "ARRIVED", "PERSONS");
	const json_t *total = json_object_get(doc, "total");
	json_t *months = json_object_get(doc, "months");
	for (i = 0; i <= json_array_size(months); i++) {
		r = i < json_array_size(months) ? json_array_get(months, i) : total;
		const json_t *d = json_object_get(r, "departed"),
			     *a = json_object_get(r, "arrived");
		char dc[32], dp[32], ac[32], ap[32];
		cor_cli_thousands(dc, sizeof(dc), num(d, "cases"));
		cor_cli_thousands(dp, sizeof(dp), num(d, "persons"));
		cor_cli_thousands(ac, sizeof(ac), num(a, "cases"));
		cor_cli_thousands(ap, sizeof(ap), num(a, "persons"));
		printf("%-8s %10s %10s %10s %10s\n",
		       r == total ? "total" : json_string_value(json_object_get(r, "month")), dc,
		       dp, ac, ap);
	}
	json_decref(doc);
	return COR_EXIT_OK;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"date", required_argument, NULL, 't'},
		{"json", no_argument, NULL, 'j'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 'T'},
		{"office", required_argument, NULL, 'o'},
		{"programme", required_argument, NULL, 'p'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_stats;
	struct cor_svc_stats_in in = {0};
	struct cor_svc_stats_flows_in fin = {0};
	struct cor_svc_stats_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_date on, from, to;
	const char *db = NULL;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 't') {
			if ((ret = cor_cli_parse_date(cmd, "--date", optarg, &on)))
				return ret;
			in.on = &on;
		} else if (c == 'f') {
			if ((ret = cor_cli_parse_date(cmd, "--from", optarg, &from)))
				return ret;
			fin.from = &from;
		} else if (c == 'T') {
			if ((ret = cor_cli_parse_date(cmd, "--to", optarg, &to)))
				return ret;
			fin.to = &to;
		} else if (c == 'o')
			fin.office = optarg;
		else if (c == 'p')
			fin.programme = optarg;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	bool flows = fin.from || fin.to || fin.office || fin.programme;
	if (flows && (!fin.from || !fin.to))
		return cor_cli_usage_error(cmd, "%s: give the period with --from and --to",
					   !fin.from ? "--from is missing" : "--to is missing");
	if (flows && in.on)
		return cor_cli_usage_error(cmd, "--date counts the caseload on a day; a period "
						"(--from, --to) counts movements: give one");
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if ((flows ? cor_svc_stats_flows(&cx, &fin, &out) : cor_svc_stats(&cx, &in, &out)) < 0) {
		ret = cor_cli_error(&cx, json);
		if (cx.err.code == COR_CODE_OFFICE_NOT_FOUND && !json)
			fprintf(stderr, "(see 'corridor office list')\n");
	} else
		ret = json    ? cor_cli_print_json(out.doc)
		      : flows ? print_flows(out.doc)
			      : print_stats(out.doc, db);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_stats = {
	"stats",
	run,
	"usage: corridor stats [--date YYYY-MM-DD] [--json] [--db PATH]\n"
	"       corridor stats --from YYYY-MM-DD --to YYYY-MM-DD [--office O] [--programme P]\n"
	"                [--json] [--db PATH]\n\n"
	"  --date D        the day ages and document validity are counted on (default: today)\n"
	"  --from, --to    a period (both days counted, at most 120 months): departures and\n"
	"                  arrivals per month, cases and persons\n"
	"  --office O      only the cases of that office (with a period)\n"
	"  --programme P   only the cases of that programme (with a period)\n"
	"  --json          one JSON document\n"
	"Counts only: no names leave in statistics.",
	"show the caseload in aggregate",
	0,
};

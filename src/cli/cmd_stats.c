// SPDX-License-Identifier: Apache-2.0
// corridor stats: the caseload in aggregate. Counts only, never names: this
// is what an M&E officer may see.
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "domain/country.h"
#include "domain/stats.h"
#include "util/error.h"

struct section {
	long limit; /* rows to show; the rest are summed into "other" */
	long shown;
	long other_cases, other_persons;
	bool names; /* key is a country code: add its name */
};

static int print_row(const struct cor_stat_row *r, void *ctx)
{
	struct section *s = ctx;
	char cs[32], ps[32], key[96];
	if (s->limit && s->shown >= s->limit) {
		s->other_cases += r->cases;
		s->other_persons += r->persons;
		return 0;
	}
	s->shown++;
	const char *name = s->names ? cor_country_name(r->key) : NULL;
	snprintf(key, sizeof(key), "%s%s%s%s", r->key, name ? " (" : "", name ? name : "",
		 name ? ")" : "");
	cor_cli_thousands(cs, sizeof(cs), r->cases);
	cor_cli_thousands(ps, sizeof(ps), r->persons);
	printf("  %-44s %10s %10s\n", key, cs, ps);
	return 0;
}

static int add(const struct cor_person_facts *f, void *ctx)
{
	return cor_stats_add(ctx, f);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"date", required_argument, NULL, 't'},
		{0},
	};
	static const struct {
		enum cor_stat_dim dim;
		const char *title;
		long limit;
		bool names;
	} sections[] = {
		{COR_STAT_PROGRAMME, "by programme", 0, false},
		{COR_STAT_STATE, "by state", 0, false},
		{COR_STAT_PRIORITY, "by priority", 0, false},
		{COR_STAT_OFFICE, "by office", 0, false},
		{COR_STAT_DESTINATION, "by destination", 15, true},
		{COR_STAT_NATIONALITY, "persons by nationality", 15, true},
		{COR_STAT_SEX_AGE, "persons by sex and age", 0, false},
		{COR_STAT_NEED, "persons with specific needs, by group", 0, false},
		{COR_STAT_DOCUMENT, "persons by travel document", 0, false},
	};
	const struct cor_command *cmd = &cor_cmd_stats;
	struct cor_store *st = NULL;
	struct cor_date on = cor_date_today();
	const char *db = NULL;
	long cases, persons, docs, events;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 't') {
			if ((ret = cor_cli_parse_date(cmd, "--date", optarg, &on)))
				return ret;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	struct cor_stats *agg = cor_stats_new(on);
	if (!agg) {
		cor_store_close(st);
		return cor_cli_fail("out of memory");
	}
	int err = cor_store_totals(st, &cases, &persons, &docs, &events);
	if (err == 0)
		err = cor_store_person_facts_each(st, add, agg);
	if (err < 0) {
		ret = cor_cli_fail("%s",
				   err == COR_ENOMEM ? "out of memory" : cor_store_errmsg(st));
		goto out;
	}
	char a[32], b[32], d[32], e[32], date[COR_DATE_LEN];
	cor_cli_thousands(a, sizeof(a), cases);
	cor_cli_thousands(b, sizeof(b), persons);
	cor_cli_thousands(d, sizeof(d), docs);
	cor_cli_thousands(e, sizeof(e), events);
	printf("%s: %s cases, %s persons, %s documents, %s events (as of %s)\n",
	       cor_cli_db_path(db), a, b, d, e, cor_date_format(on, date));
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		struct section s = {.limit = sections[i].limit, .names = sections[i].names};
		printf("\n%-46s %10s %10s\n", sections[i].title, "cases", "persons");
		cor_stats_each(agg, sections[i].dim, print_row, &s);
		if (s.other_persons) {
			char oc[32], op[32];
			cor_cli_thousands(oc, sizeof(oc), s.other_cases);
			cor_cli_thousands(op, sizeof(op), s.other_persons);
			printf("  %-44s %10s %10s\n", "(others)", oc, op);
		}
	}
	ret = COR_EXIT_OK;
out:
	cor_stats_free(agg);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_stats = {
	"stats",
	run,
	"usage: corridor stats [--date YYYY-MM-DD] [--db PATH]\n\n"
	"  --date D   the day ages and document validity are counted on (default: today)\n"
	"Counts only: no names leave in statistics.",
	"show the caseload in aggregate",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor eligibility: every criterion a case does not meet under its
// programme's rules, for every person, with its code and a sentence, read
// from the store's records (store/store_facts.h) and evaluated on a day.
// Also the reading of a rules file (--config), shared with 'queue'.
// Invariants: the exit status is the verdict (0 eligible, 1 not), the
// report is on stdout, and nothing is written to the database.
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/eligibility.h"
#include "store/store_facts.h"
#include "util/error.h"

#define CONFIG_MAX (1 << 20) /* bytes of a rules file: a few lines in practice */

int cor_cli_rules_config(const char *file, struct cor_rules_config *cfg)
{
	char msg[300];
	char *text = NULL;
	size_t len = 0;
	int ret = COR_EXIT_OK;
	FILE *f = NULL;

	*cfg = cor_rules_config_default();
	if (!file)
		return COR_EXIT_OK;
	if (!(f = fopen(file, "rb"))) {
		ret = cor_cli_fail("cannot read rules file '%s': %s", file, strerror(errno));
		goto out;
	}
	if (!(text = malloc(CONFIG_MAX + 1))) {
		ret = cor_cli_fail("out of memory reading '%s'", file);
		goto out;
	}
	len = fread(text, 1, CONFIG_MAX + 1, f);
	if (ferror(f)) {
		ret = cor_cli_fail("cannot read rules file '%s': %s", file, strerror(errno));
		goto out;
	}
	if (len > CONFIG_MAX) {
		ret = cor_cli_fail("rules file '%s' is over %d bytes", file, CONFIG_MAX);
		goto out;
	}
	if (cor_rules_config_parse(cfg, text, len, file, msg, sizeof(msg)) < 0)
		ret = cor_cli_fail("%s", msg);
out:
	if (f)
		fclose(f);
	free(text);
	return ret;
}

struct report {
	const struct cor_rules_config *cfg;
	struct cor_date today;
	const struct cor_date *travel_on;
	bool met;
	int err;
};

static int print_case(const struct cor_facts_case *fc, void *ctx)
{
	struct report *r = ctx;
	struct cor_eligibility rep;
	size_t cap = COR_CRIT__N * (fc->f.n_travellers + 1);
	struct cor_unmet *buf = calloc(cap, sizeof(*buf));
	char day[64], line[1024];
	if (!buf)
		return r->err = cor_cli_fail("out of memory evaluating case '%s'", fc->c.ref);
	cor_eligibility_init(&rep, buf, cap);
	if (cor_eligibility_evaluate(r->cfg, &fc->f, r->today, &rep) < 0) {
		free(buf);
		return r->err = cor_cli_fail(
			       "case '%s' has programme '%s', which the rules do not know",
			       fc->c.ref, fc->c.programme);
	}
	for (size_t i = 0; i < rep.n; i++) {
		size_t need = cor_facts_unmet_line(fc, &rep.unmet[i], line, sizeof(line));
		if (need < sizeof(line)) {
			puts(line);
			continue;
		}
		char *big = malloc(need + 1);
		if (big) {
			cor_facts_unmet_line(fc, &rep.unmet[i], big, need + 1);
			puts(big);
			free(big);
		} else {
			puts(line);
		}
	}
	r->met = cor_eligibility_is_met(&rep);
	size_t n = fc->f.n_travellers, unmet = rep.n + rep.overflow;
	cor_facts_day_phrase(r->travel_on, r->today, day, sizeof(day));
	printf("case %s (%s, %s, %zu person%s) is %seligible %s", fc->c.ref, fc->c.programme,
	       fc->c.state, n, n == 1 ? "" : "s", r->met ? "" : "not ", day);
	if (!r->met)
		printf(": %zu unmet criteri%s", unmet, unmet == 1 ? "on" : "a");
	putchar('\n');
	free(buf);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"travel-date", required_argument, NULL, 't'},
		{"config", required_argument, NULL, 'c'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_eligibility;
	struct cor_rules_config cfg;
	struct cor_store *st = NULL;
	struct cor_date travel;
	const char *db = NULL, *config = NULL;
	char office[8];
	int year, c, ret;
	long seq;
	struct report r = {.cfg = &cfg, .today = cor_date_today()};

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'c')
			config = optarg;
		else if (c == 't') {
			if (cor_cli_parse_date(cmd, "--travel-date", optarg, &travel) !=
			    COR_EXIT_OK)
				return COR_EXIT_USAGE;
			r.travel_on = &travel;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	const char *ref = argv[optind];
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   ref);
	if (cor_cli_rules_config(config, &cfg) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err = cor_store_facts_case(st, ref, r.travel_on, print_case, &r);
	if (r.err)
		ret = COR_EXIT_FAIL;
	else if (err < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else
		ret = r.met ? COR_EXIT_OK : COR_EXIT_FAIL;
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_eligibility = {
	"eligibility",
	run,
	"usage: corridor eligibility CASE-ID [--travel-date YYYY-MM-DD] [--config FILE] [--db "
	"PATH]\n\n"
	"Evaluates the case under its programme's eligibility rules and prints\n"
	"every unmet criterion, one line each: criterion, person (or case) ID,\n"
	"code and sentence; then a summary line. Exit status 0 when the case is\n"
	"eligible, 1 when it is not (or on an error, said on stderr).\n\n"
	"  --travel-date D  evaluate for travel on D (default: today, with no travel\n"
	"                   date set: cases are not booked on a movement yet)\n"
	"  --config FILE    change the rules with 'key = value' lines (docs/eligibility.md)\n"
	"See docs/queue.md.",
	"every unmet eligibility criterion of a case, for every person",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor move: move a case to another state of its programme's lifecycle.
// The rules are the lifecycle's (domain/lifecycle.c); the store checks them
// and writes the state and its event in one transaction, so a refused move
// changes nothing. A move that needs the eligibility criteria met (to
// travel_ready) evaluates them on the case's records, today, with the
// default rules (store/store_facts.h); a refusal lists the unmet ones.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/eligibility.h"
#include "domain/lifecycle.h"
#include "store/store_facts.h"
#include "store/store_workflow.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"reason", required_argument, NULL, 'r'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_move;
	struct cor_store *st = NULL;
	struct cor_move_result res;
	struct cor_refusal why;
	const char *db = NULL, *reason = NULL;
	char office[8];
	int year, c, ret = COR_EXIT_OK;
	long seq;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'r')
			reason = optarg;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 2)
		return cor_cli_usage_error(cmd, "give a case ID and a state, e.g. "
						"LY-TIP-2026-000123 counselled");
	const char *ref = argv[optind], *to = argv[optind + 1];
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   ref);
	if (!cor_state_is_valid(to))
		return cor_cli_usage_error(cmd, "'%s' is not a lifecycle state", to);
	if (reason && cor_lifecycle_text_check("reason", reason, COR_REASON_MAX, &why) < 0)
		return cor_cli_usage_error(cmd, "--%s", why.msg);
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_facts_hook_ctx elig = {.cfg = &cfg, .today = cor_date_today()};
	struct cor_eligibility_hook hook = {cor_facts_eligibility_hook, &elig};
	if (cor_store_case_move(st, ref, to, cor_cli_actor(), reason, &hook, &res) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		/* The unmet criteria, one a line, under the refusal. */
		for (const char *l = strcmp(res.why.code, "NOT_ELIGIBLE") ? NULL : elig.report;
		     l && *l;) {
			size_t n = strcspn(l, "\n");
			fprintf(stderr, "  %.*s\n", (int)n, l);
			l += n + (l[n] == '\n');
		}
	} else {
		printf("case %s: %s -> %s\n", ref, res.from, to);
	}
	free(elig.report);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_move = {
	"move",
	run,
	"usage: corridor move CASE-ID STATE [--reason TEXT] [--db PATH]\n\n"
	"STATE is one of: registered counselled assessed eligible ineligible on_hold\n"
	"submitted interviewed accepted rejected orientation travel_ready booked\n"
	"departed no_show arrived reintegration integration closed.\n"
	"Which states may follow which, and on what condition, depends on the\n"
	"programme: see docs/workflow.md. The move is recorded as done by\n"
	"$CORRIDOR_USER (else $USER).",
	"move a case to another lifecycle state",
	0,
};

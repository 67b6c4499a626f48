// SPDX-License-Identifier: Apache-2.0
// corridor referral list|close: the referrals of a case (an asylum wish
// recorded at counselling opens one), and closing one with its outcome (the
// operations referral.list and referral.close, service/workflow.h).
// Closing a referral does not move the case: resuming it is a decision of
// its own ('corridor move').
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "service/workflow.h"

struct tally {
	int all, open;
};

static void header(void)
{
	printf("%-3s %-20s %-12s %-26s %s\n", "NO", "OPENED", "TO", "SUBJECT", "STATUS");
}

static int print_referral(const struct cor_referral *r, void *ctx)
{
	struct tally *t = ctx;
	char subject[64];
	if (t->all == 0)
		header();
	if (r->session)
		snprintf(subject, sizeof(subject), "%s (session %d)", r->subject, r->session);
	else
		snprintf(subject, sizeof(subject), "%s", r->subject);
	printf("%-3d %-20s %-12s %-26s ", r->no, r->opened_at, r->to, cor_cli_shown(subject));
	if (r->outcome)
		printf("closed %s by %s: %s\n", r->closed_at, cor_cli_shown(r->closed_by),
		       cor_cli_shown(r->outcome));
	else
		printf("open\n");
	t->all++;
	t->open += !r->outcome;
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"outcome", required_argument, NULL, 'o'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_referral;
	const char *const subs[] = {"list", "close", NULL};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct tally t = {0};
	const char *db = NULL, *outcome = NULL;
	bool json = false;
	char office[8];
	int year, c, ret;
	long seq, no = 0;

	int sub = cor_cli_subcommand(cmd, subs, argc, argv);
	if (sub < 0)
		return COR_EXIT_USAGE;
	bool close = sub == 1;
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 'o' && close)
			outcome = optarg;
		else if (c == 'o')
			return cor_cli_usage_error(cmd, "--outcome goes with 'close'");
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != (close ? 2 : 1))
		return cor_cli_usage_error(cmd,
					   close ? "give a case ID and a referral number, e.g. "
						   "LY-TIP-2026-000123 1"
						 : "give one case ID, e.g. LY-TIP-2026-000123");
	const char *ref = argv[optind];
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   ref);
	if (close) {
		if ((ret = cor_cli_parse_long(cmd, "REFERRAL-NO", argv[optind + 1], 1, 9999, &no)))
			return ret;
		if (!outcome)
			return cor_cli_usage_error(cmd, "--outcome: say how the referral ended");
	}
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (close) {
		struct cor_svc_referral_close_in in = {ref, (int)no, outcome};
		if (cor_svc_referral_close(&cx, &in) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(cor_svc_referral_close_json(&cx, &in));
		else
			printf("closed referral %ld of case %s\n", no, ref);
	} else if (json) {
		json_t *doc;
		ret = cor_svc_referral_list_doc(&cx, ref, &doc) < 0 ? cor_cli_error(&cx, json)
								    : cor_cli_print_json(doc);
	} else {
		/* The header with the first referral: nothing on stdout for a refusal. */
		struct cor_svc_referral_list_in in = {ref, print_referral, &t};
		if (cor_svc_referral_list(&cx, &in) < 0) {
			ret = cor_cli_error(&cx, json);
		} else {
			if (t.all == 0)
				header();
			printf("(%d referral%s, %d open)\n", t.all, t.all == 1 ? "" : "s", t.open);
		}
	}
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_referral = {
	"referral",
	run,
	"usage: corridor referral list CASE-ID [--json] [--db PATH]\n"
	"       corridor referral close CASE-ID REFERRAL-NO --outcome TEXT [--json] [--db PATH]\n\n"
	"While a referral is open, a return stays where it is (see docs/workflow.md).",
	"list a case's referrals, or close one with its outcome",
	0,
};

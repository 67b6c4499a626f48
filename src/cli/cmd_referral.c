// SPDX-License-Identifier: Apache-2.0
// corridor referral list|close: the referrals of a case (an asylum wish
// recorded at counselling opens one), and closing one with its outcome.
// Closing a referral does not move the case: resuming it is a decision of
// its own ('corridor move').
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/lifecycle.h"
#include "store/store_workflow.h"

struct tally {
	int all, open;
};

static int print_referral(const struct cor_referral *r, void *ctx)
{
	struct tally *t = ctx;
	char subject[64];
	if (r->session)
		snprintf(subject, sizeof(subject), "%s (session %d)", r->subject, r->session);
	else
		snprintf(subject, sizeof(subject), "%s", r->subject);
	printf("%-3d %-20s %-12s %-26s ", r->no, r->opened_at, r->to, subject);
	if (r->outcome)
		printf("closed %s by %s: %s\n", r->closed_at, r->closed_by, r->outcome);
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
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_referral;
	struct cor_store *st = NULL;
	struct cor_refusal why;
	struct tally t = {0};
	const char *db = NULL, *outcome = NULL;
	char office[8];
	int year, c, ret = COR_EXIT_OK;
	long seq, no = 0;

	if (argc < 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "close")))
		return cor_cli_usage_error(cmd, "which? 'list' or 'close'");
	bool close = !strcmp(argv[1], "close");
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
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
		if (cor_lifecycle_text_check("outcome", outcome, COR_REASON_MAX, &why) < 0)
			return cor_cli_usage_error(cmd, "--%s", why.msg);
	}
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (close) {
		if (cor_store_referral_close(st, ref, (int)no, outcome, cor_cli_actor()) < 0)
			ret = cor_cli_fail("%s", cor_store_errmsg(st));
		else
			printf("closed referral %ld of case %s\n", no, ref);
		goto out;
	}
	if (cor_store_case_get(st, ref, NULL, NULL) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("%-3s %-20s %-12s %-26s %s\n", "NO", "OPENED", "TO", "SUBJECT", "STATUS");
	if (cor_store_referral_list(st, ref, print_referral, &t) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("(%d referral%s, %d open)\n", t.all, t.all == 1 ? "" : "s", t.open);
out:
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_referral = {
	"referral",
	run,
	"usage: corridor referral list CASE-ID [--db PATH]\n"
	"       corridor referral close CASE-ID REFERRAL-NO --outcome TEXT [--db PATH]\n\n"
	"While a referral is open, a return stays where it is (see docs/workflow.md).",
	"list a case's referrals, or close one with its outcome",
	0,
};

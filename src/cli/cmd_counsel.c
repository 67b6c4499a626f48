// SPDX-License-Identifier: Apache-2.0
// corridor counsel: record a counselling session of a case: the counsellor,
// the language, the informed decision and any asylum wish. For a return, an
// asylum wish puts the case on hold and opens a referral in the same
// transaction; the command says so, so that it never blocks silently.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/counselling.h"
#include "store/store_workflow.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"counsellor", required_argument, NULL, 'c'},
		{"language", required_argument, NULL, 'l'},
		{"interpreter", no_argument, NULL, 'i'},
		{"decision", required_argument, NULL, 'D'},
		{"asylum-wish", no_argument, NULL, 'a'},
		{"refer-to", required_argument, NULL, 't'},
		{"note", required_argument, NULL, 'n'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_counsel;
	struct cor_counselling s = {.decision = COR_COUNSEL__N};
	struct cor_counselling_result res;
	struct cor_refusal why;
	struct cor_store *st = NULL;
	const char *db = NULL, *decision = NULL;
	char office[8];
	int year, c, ret = COR_EXIT_OK;
	long seq;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'c':
			s.counsellor = optarg;
			break;
		case 'l':
			s.language = optarg;
			break;
		case 'i':
			s.interpreter = true;
			break;
		case 'D':
			decision = optarg;
			break;
		case 'a':
			s.asylum_wish = true;
			break;
		case 't':
			s.refer_to = optarg;
			break;
		case 'n':
			s.notes = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	const char *ref = argv[optind];
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   ref);
	if (!s.counsellor)
		return cor_cli_usage_error(cmd, "--counsellor: give the counsellor's name");
	if (!s.language)
		return cor_cli_usage_error(cmd, "--language: give the ISO 639 code of the "
						"session's language, e.g. ar");
	if (!decision)
		return cor_cli_usage_error(cmd, "--decision: give the informed decision: yes, no "
						"or undecided");
	if (cor_counselling_decision_parse(decision, &s.decision) < 0)
		return cor_cli_usage_error(cmd, "--decision: '%s' is not yes, no or undecided",
					   decision);
	if (s.refer_to && !s.asylum_wish)
		return cor_cli_usage_error(cmd, "--refer-to goes with --asylum-wish");
	if (cor_counselling_check(&s, &why) < 0)
		return cor_cli_usage_error(cmd, "--%s", why.msg);
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_counselling_add(st, ref, &s, cor_cli_actor(), &res) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("recorded counselling session %d of case %s: decision %s\n", res.session, ref,
	       cor_counselling_decision_name(s.decision));
	if (res.held)
		printf("asylum wish: case %s put on hold (%s -> on_hold)\n", ref, res.from);
	if (res.referral_opened)
		printf("asylum wish: referral %d opened to %s\n", res.referral,
		       cor_counselling_refer_to(&s));
	else if (res.referral)
		printf("asylum wish: referral %d is open already\n", res.referral);
	if (s.asylum_wish && !res.referral)
		printf("asylum wish recorded (not a return: no hold, no referral)\n");
out:
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_counsel = {
	"counsel",
	run,
	"usage: corridor counsel CASE-ID --counsellor NAME --language CODE [--interpreter]\n"
	"                        --decision yes|no|undecided [--asylum-wish [--refer-to NAME]]\n"
	"                        [--note TEXT] [--db PATH]\n\n"
	"CODE is the ISO 639-1 or 639-3 code of the session's language (ar, fr, tir).\n"
	"For a return (VHR, AVR, REP) an asylum wish puts the case on hold and opens a\n"
	"referral to NAME (default UNHCR); a return goes past 'counselled' only after\n"
	"a session whose decision is yes.",
	"record a counselling session and the informed decision",
	0,
};

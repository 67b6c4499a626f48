// SPDX-License-Identifier: Apache-2.0
// corridor protection assess|clear: a person's protection risk on return,
// and a protection officer's clearance of a high one. A high risk not
// cleared blocks the return of the person's case (non-refoulement).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/lifecycle.h"
#include "domain/protection.h"
#include "store/store_workflow.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"level", required_argument, NULL, 'l'},
		{"grounds", required_argument, NULL, 'g'},
		{"reason", required_argument, NULL, 'r'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_protection;
	struct cor_store *st = NULL;
	struct cor_refusal why;
	struct cor_case cs;
	enum cor_protection_level level = COR_PROT_NONE;
	const char *db = NULL, *lv = NULL, *grounds = NULL, *reason = NULL;
	char case_ref[COR_CASE_REF_MAX];
	int person, c, no = 0, ret = COR_EXIT_OK;

	if (argc < 2 || (strcmp(argv[1], "assess") && strcmp(argv[1], "clear")))
		return cor_cli_usage_error(cmd, "which? 'assess' or 'clear'");
	bool assess = !strcmp(argv[1], "assess");
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'l' && assess)
			lv = optarg;
		else if (c == 'g' && assess)
			grounds = optarg;
		else if (c == 'r' && !assess)
			reason = optarg;
		else if (c == 'l' || c == 'g' || c == 'r')
			return cor_cli_usage_error(cmd, "--%s goes with '%s'",
						   c == 'l'   ? "level"
						   : c == 'g' ? "grounds"
							      : "reason",
						   c == 'r' ? "clear" : "assess");
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one person ID, e.g. LY-TIP-2026-000123-01");
	const char *ref = argv[optind];
	if (cor_protection_person_ref_parse(ref, case_ref, &person) < 0)
		return cor_cli_usage_error(
			cmd, "'%s' is not a person ID like LY-TIP-2026-000123-01", ref);
	if (assess) {
		if (!lv || cor_protection_level_parse(lv, &level) < 0)
			return cor_cli_usage_error(cmd, "--level: give none, low, medium or high");
		if (!grounds)
			return cor_cli_usage_error(cmd, "--grounds: say what the level rests on");
		if (cor_lifecycle_text_check("grounds", grounds, COR_REASON_MAX, &why) < 0)
			return cor_cli_usage_error(cmd, "--%s", why.msg);
	} else {
		if (!reason)
			return cor_cli_usage_error(cmd, "--reason: say why the risk is cleared");
		if (cor_lifecycle_text_check("reason", reason, COR_REASON_MAX, &why) < 0)
			return cor_cli_usage_error(cmd, "--%s", why.msg);
	}
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (!assess) {
		if (cor_store_protection_clear(st, ref, reason, cor_cli_actor(), &no) < 0)
			ret = cor_cli_fail("%s", cor_store_errmsg(st));
		else
			printf("cleared person %s of high protection risk (assessment %d)\n", ref,
			       no);
		goto out;
	}
	if (cor_store_protection_assess(st, ref, level, grounds, cor_cli_actor(), &no) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("recorded protection risk '%s' for person %s (assessment %d)\n",
	       cor_protection_level_name(level), ref, no);
	if (cor_protection_level_blocks_return(level) &&
	    cor_store_case_get(st, case_ref, NULL, &cs) == 0) {
		const struct cor_programme *p = cor_programme_find(cs.programme);
		if (p && p->is_return)
			printf("the return of case %s is blocked until a protection officer clears "
			       "person %s\n",
			       case_ref, ref);
	}
out:
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_protection = {
	"protection",
	run,
	"usage: corridor protection assess PERSON-ID --level none|low|medium|high --grounds TEXT\n"
	"                                  [--db PATH]\n"
	"       corridor protection clear PERSON-ID --reason TEXT [--db PATH]\n\n"
	"PERSON-ID is the case ID and the person's number: LY-TIP-2026-000123-01.\n"
	"The latest assessment counts; a high one blocks a return (VHR, AVR, REP) from\n"
	"going to eligible, travel_ready, booked or departed until it is cleared.",
	"assess a person's protection risk on return, or clear a high one",
	0,
};

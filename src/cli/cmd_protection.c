// SPDX-License-Identifier: Apache-2.0
// corridor protection assess|clear|show: a person's protection risk on
// return, a protection officer's clearance of a high one, and a case's
// protection record (the operations protection.assess, protection.clear
// and protection.show, service/workflow.h). A high risk not cleared blocks
// the return of the person's case (non-refoulement).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "service/workflow.h"

static const struct cor_command *const cmd = &cor_cmd_protection;

struct show_ctx {
	const char *ref;
	int n;
};

static int print_person(const struct cor_protection_record *r, bool blocks, void *vctx)
{
	struct show_ctx *sc = vctx;
	char person[COR_PERSON_REF_MAX + 4];
	if (sc->n++ == 0)
		printf("%-24s %-7s %-4s %-20s %s\n", "PERSON", "LEVEL", "NO", "ASSESSED", "STATUS");
	cor_person_ref_format(person, sizeof(person), sc->ref, r->person);
	if (!r->level) {
		printf("%-24s %-7s %-4s %-20s %s\n", person, "-", "-", "-", "not assessed");
		return 0;
	}
	printf("%-24s %-7s %-4d %-20s ", person, r->level, r->assessments, r->at);
	if (r->cleared_at[0])
		printf("cleared %s by %s: %s\n", r->cleared_at, cor_cli_shown(r->cleared_by),
		       cor_cli_shown(r->clear_reason));
	else
		printf("%s\n", blocks ? "blocks the return" : "-");
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},      {"level", required_argument, NULL, 'l'},
		{"grounds", required_argument, NULL, 'g'}, {"reason", required_argument, NULL, 'r'},
		{"json", no_argument, NULL, 'j'},          {0},
	};
	const char *const subs[] = {"assess", "clear", "show", NULL};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	enum cor_protection_level level = COR_PROT_NONE;
	const char *db = NULL, *lv = NULL, *grounds = NULL, *reason = NULL;
	char case_ref[COR_CASE_REF_MAX], office[8];
	int person, year, c, no = 0, ret;
	long seq;
	bool json = false;

	int sub = cor_cli_subcommand(cmd, subs, argc, argv);
	if (sub < 0)
		return COR_EXIT_USAGE;
	argc--, argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 'l' && sub == 0)
			lv = optarg;
		else if (c == 'g' && sub == 0)
			grounds = optarg;
		else if (c == 'r' && sub == 1)
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
	if (sub == 2) {
		if (argc - optind != 1)
			return cor_cli_usage_error(cmd,
						   "give one case ID, e.g. LY-TIP-2026-000123");
		const char *ref = argv[optind];
		if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
			return cor_cli_usage_error(
				cmd, "'%s' is not a case ID like LY-TIP-2026-000123", ref);
		if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
			return ret;
		if (json) {
			json_t *doc;
			ret = cor_svc_protection_show_doc(&cx, ref, &doc) < 0
				      ? cor_cli_error(&cx, json)
				      : cor_cli_print_json(doc);
		} else {
			struct show_ctx sc = {ref, 0};
			struct cor_svc_protection_show_in in = {ref, print_person, &sc};
			if (cor_svc_protection_show(&cx, &in) < 0)
				ret = cor_cli_error(&cx, json);
			else if (sc.n == 0)
				printf("(no persons)\n");
		}
		cor_store_close(st);
		return ret;
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one person ID, e.g. LY-TIP-2026-000123-01");
	const char *ref = argv[optind];
	if (cor_protection_person_ref_parse(ref, case_ref, &person) < 0)
		return cor_cli_usage_error(
			cmd, "'%s' is not a person ID like LY-TIP-2026-000123-01", ref);
	if (sub == 0) {
		if (!lv || cor_protection_level_parse(lv, &level) < 0)
			return cor_cli_usage_error(cmd, "--level: give none, low, medium or high");
		if (!grounds)
			return cor_cli_usage_error(cmd, "--grounds: say what the level rests on");
	} else if (!reason) {
		return cor_cli_usage_error(cmd, "--reason: say why the risk is cleared");
	}
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (sub == 1) {
		struct cor_svc_protection_clear_in in = {ref, reason};
		if (cor_svc_protection_clear(&cx, &in, &no) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(cor_svc_protection_clear_json(&cx, &in, no));
		else
			printf("cleared person %s of high protection risk (assessment %d)\n", ref,
			       no);
		goto out;
	}
	struct cor_svc_protection_assess_in in = {ref, level, grounds};
	struct cor_svc_protection_assess_out out;
	if (cor_svc_protection_assess(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
		goto out;
	}
	if (json) {
		ret = cor_cli_print_json(cor_svc_protection_assess_json(&cx, &in, &out));
		goto out;
	}
	printf("recorded protection risk '%s' for person %s (assessment %d)\n",
	       cor_protection_level_name(level), ref, out.assessment);
	if (out.blocks_return)
		printf("the return of case %s is blocked until a protection officer clears "
		       "person %s\n",
		       case_ref, ref);
	char off[200];
	if (*cor_svc_taken_off_line(case_ref, &out.taken_off, off, sizeof(off)))
		printf("%s\n", off);
out:
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_protection = {
	"protection",
	run,
	"usage: corridor protection assess PERSON-ID --level none|low|medium|high --grounds TEXT\n"
	"                                  [--json] [--db PATH]\n"
	"       corridor protection clear PERSON-ID --reason TEXT [--json] [--db PATH]\n"
	"       corridor protection show CASE-ID [--json] [--db PATH]\n\n"
	"PERSON-ID is the case ID and the person's number: LY-TIP-2026-000123-01.\n"
	"The latest assessment counts; a high one blocks a return (VHR, AVR, REP) from\n"
	"going to eligible, travel_ready, booked or departed until it is cleared.\n"
	"show: each person's latest assessment and clearance (not the grounds).",
	"assess a person's protection risk on return, clear a high one, or show them",
	0,
};

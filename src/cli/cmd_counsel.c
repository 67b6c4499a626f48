// SPDX-License-Identifier: Apache-2.0
// corridor counsel: record a counselling session of a case (the operation
// case.counsel, service/workflow.h): the counsellor, the language, the
// informed decision and any asylum wish. For a return, an asylum wish puts
// the case on hold and opens a referral in the same transaction; the
// command says so, so that it never blocks silently. corridor counsel list
// shows a case's sessions (counselling.list).
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "service/workflow.h"

static const struct cor_command *const cmd = &cor_cmd_counsel;

static void header(void)
{
	printf("%-3s %-20s %-10s %-9s %-24s %s\n", "NO", "AT", "LANGUAGE", "DECISION", "COUNSELLOR",
	       "WITH");
}

static int print_session(const struct cor_counselling_record *r, void *ctx)
{
	int *n = ctx;
	if (*n == 0)
		header();
	printf("%-3d %-20s %-10s %-9s %-24s %s%s\n", r->no, r->at, r->s.language,
	       cor_counselling_decision_name(r->s.decision), cor_cli_shown(r->s.counsellor),
	       r->s.interpreter ? "interpreter" : "-", r->s.asylum_wish ? ", asylum wish" : "");
	(*n)++;
	return 0;
}

static int list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	bool json = false;
	char office[8];
	int year, c, n = 0, ret;
	long seq;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	const char *ref = argv[optind];
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   ref);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (json) {
		json_t *doc;
		ret = cor_svc_counselling_list_doc(&cx, ref, &doc) < 0 ? cor_cli_error(&cx, json)
								       : cor_cli_print_json(doc);
	} else {
		struct cor_svc_counselling_list_in in = {ref, print_session, &n};
		if (cor_svc_counselling_list(&cx, &in) < 0) {
			ret = cor_cli_error(&cx, json);
		} else {
			if (n == 0)
				header();
			printf("(%d session%s)\n", n, n == 1 ? "" : "s");
		}
	}
	cor_store_close(st);
	return ret;
}

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
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	struct cor_svc_case_counsel_in in = {.s.decision = COR_COUNSEL__N};
	struct cor_counselling *s = &in.s;
	struct cor_svc_case_counsel_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL, *decision = NULL;
	bool json = false;
	char office[8];
	int year, c, ret;
	long seq;

	if (argc >= 2 && !strcmp(argv[1], "list"))
		return list(argc - 1, argv + 1);
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'c':
			s->counsellor = optarg;
			break;
		case 'l':
			s->language = optarg;
			break;
		case 'i':
			s->interpreter = true;
			break;
		case 'D':
			decision = optarg;
			break;
		case 'a':
			s->asylum_wish = true;
			break;
		case 't':
			s->refer_to = optarg;
			break;
		case 'n':
			s->notes = optarg;
			break;
		case 'j':
			json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (argc - optind != 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	in.ref = argv[optind];
	if (cor_case_ref_parse(in.ref, office, &year, &seq) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a case ID like LY-TIP-2026-000123",
					   in.ref);
	if (!s->counsellor)
		return cor_cli_usage_error(cmd, "--counsellor: give the counsellor's name");
	if (!s->language)
		return cor_cli_usage_error(cmd, "--language: give the ISO 639 code of the "
						"session's language, e.g. ar");
	if (!decision)
		return cor_cli_usage_error(cmd, "--decision: give the informed decision: yes, no "
						"or undecided");
	if (cor_counselling_decision_parse(decision, &s->decision) < 0)
		return cor_cli_usage_error(cmd, "--decision: '%s' is not yes, no or undecided",
					   decision);
	if (s->refer_to && !s->asylum_wish)
		return cor_cli_usage_error(cmd, "--refer-to goes with --asylum-wish");
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_case_counsel(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
		goto out;
	}
	if (json) {
		ret = cor_cli_print_json(cor_svc_case_counsel_json(&cx, &in, &out));
		goto out;
	}
	printf("recorded counselling session %d of case %s: decision %s\n", out.session, in.ref,
	       cor_counselling_decision_name(s->decision));
	char off[200];
	if (*cor_svc_taken_off_line(in.ref, &out.taken_off, off, sizeof(off)))
		printf("asylum wish: %s\n", off);
	if (out.held)
		printf("asylum wish: case %s put on hold (%s -> on_hold)\n", in.ref, out.from);
	if (out.referral_opened)
		printf("asylum wish: referral %d opened to %s\n", out.referral,
		       cor_counselling_refer_to(s));
	else if (out.referral)
		printf("asylum wish: referral %d is open already\n", out.referral);
	if (s->asylum_wish && !out.referral)
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
	"                        [--note TEXT] [--json] [--db PATH]\n"
	"       corridor counsel list CASE-ID [--json] [--db PATH]\n\n"
	"CODE is the ISO 639-1 or 639-3 code of the session's language (ar, fr, tir).\n"
	"For a return (VHR, AVR, REP) an asylum wish puts the case on hold and opens a\n"
	"referral to NAME (default UNHCR); a return goes past 'counselled' only after\n"
	"a session whose decision is yes. list: the case's sessions, oldest first.",
	"record a counselling session and the informed decision, or list them",
	0,
};

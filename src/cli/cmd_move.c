// SPDX-License-Identifier: Apache-2.0
// corridor move: move a case to another state of its programme's lifecycle
// (the operation case.move, service/workflow.h). A refused move changes
// nothing; a move that needs the eligibility criteria met (to travel_ready)
// evaluates them with the rules in force, today, and a refusal lists every
// unmet criterion, one a line.
#include <getopt.h>
#include <stdio.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "service/workflow.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"reason", required_argument, NULL, 'r'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_move;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_svc_case_move_out out;
	const char *db = NULL, *reason = NULL;
	bool json = false;
	char office[8];
	int year, c, ret;
	long seq;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'r')
			reason = optarg;
		else if (c == 'j')
			json = true;
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
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_case_move_in in = {ref, to, reason};
	if (cor_svc_case_move(&cx, &in, &out) < 0 && !json && cx.err.code == COR_CODE_NO_BOOKING)
		/* The command line's own words: how a case gets its seat. */
		ret = cor_cli_fail("%s: book it with 'corridor plan' or 'corridor movement book "
				   "MOVEMENT CASE'",
				   cx.err.message);
	else if (cx.err.code != COR_CODE_OK)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(cor_svc_case_move_json(&cx, &in, &out));
	else {
		char off[200];
		if (*cor_svc_taken_off_line(ref, &out.taken_off, off, sizeof(off)))
			printf("%s\n", off);
		printf("case %s: %s -> %s\n", ref, out.from, to);
	}
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_move = {
	"move",
	run,
	"usage: corridor move CASE-ID STATE [--reason TEXT] [--json] [--db PATH]\n\n"
	"STATE is one of: registered counselled assessed eligible ineligible on_hold\n"
	"submitted interviewed accepted rejected orientation travel_ready booked\n"
	"departed no_show arrived reintegration integration closed.\n"
	"Which states may follow which, and on what condition, depends on the\n"
	"programme: see docs/workflow.md. The move is recorded as done by\n"
	"$CORRIDOR_USER. --json prints what was done as one JSON document.",
	"move a case to another lifecycle state",
	0,
};

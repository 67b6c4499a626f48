// SPDX-License-Identifier: Apache-2.0
// corridor arrival: confirm that a departed case has arrived (the operation
// and its rules: service/support.h).
#include <getopt.h>
#include <stdio.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/support.h"

static const struct cor_command *const cmd = &cor_cmd_arrival;

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"place", required_argument, NULL, 'p'},
		{"at", required_argument, NULL, 'a'},
		{"by", required_argument, NULL, 'b'},
		{"note", required_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	struct cor_svc_arrival_in in = {0};
	struct cor_svc_arrival_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			in.place = optarg;
			break;
		case 'a':
			in.at = optarg;
			break;
		case 'b':
			in.by = optarg;
			break;
		case 'n':
			in.note = optarg;
			break;
		case 'j':
			json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	in.case_ref = argv[optind];
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_arrival_confirm(&cx, &in, &out) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(cor_svc_arrival_result_json(&in, &out));
	else
		printf("case %s: arrived at %s on %s\n", in.case_ref,
		       cor_cli_shown(out.arrival.place), out.arrival.at);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_arrival = {
	"arrival",
	run,
	"usage: corridor arrival CASE-ID --place PLACE [--at YYYY-MM-DDTHH:MMZ] [--by NAME]\n"
	"                        [--note TEXT] [--json] [--db PATH]\n\n"
	"  --place P  where the case arrived (airport, port, reception centre)\n"
	"  --at T     when, in UTC (default: now; not in the future)\n"
	"  --by N     who confirmed it (default: the actor)\n"
	"The case must have departed; it becomes 'arrived'.",
	"confirm the arrival of a case that departed",
	0,
};

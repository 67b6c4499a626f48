// SPDX-License-Identifier: Apache-2.0
// corridor demo: generate a realistic demo caseload into a new database.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli/cli.h"
#include "demo/demo.h"
#include "service/service.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"people", required_argument, NULL, 'p'},
		{"seed", required_argument, NULL, 's'},
		{"date", required_argument, NULL, 't'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_demo;
	struct cor_demo_opts o = {.people = COR_DEMO_DEFAULT_PEOPLE, .seed = 1};
	struct cor_demo_result res;
	struct cor_store *st = NULL;
	const char *db = NULL;
	bool dated = false;
	long v;
	int c, ret;
	char msg[512];

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			if ((ret = cor_cli_parse_long(cmd, "--people", optarg, 1, 10000000,
						      &o.people)))
				return ret;
			break;
		case 's':
			if ((ret = cor_cli_parse_long(cmd, "--seed", optarg, 0, 2147483647L, &v)))
				return ret;
			o.seed = (uint64_t)v;
			break;
		case 't':
			if ((ret = cor_cli_parse_date(cmd, "--date", optarg, &o.today)))
				return ret;
			dated = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	/* Today is the clock's (CORRIDOR_NOW when set) unless --date says. */
	struct cor_ctx cx;
	if (cor_ctx_init(&cx, NULL, cor_cli_actor(), cor_cli_now()) < 0)
		return cor_cli_error(&cx, false);
	if (!dated)
		o.today = cx.today;
	if (cor_cli_open(db, COR_STORE_CREATE | COR_STORE_BULK, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	cor_store_set_now(st, cx.now);
	double t0 = now();
	if (cor_demo_generate(st, &o, &res, msg, sizeof(msg)) < 0) {
		cor_store_close(st);
		return cor_cli_fail("%s", msg);
	}
	cor_store_close(st);
	char p[32], cs[32], d[32], e[32];
	cor_cli_thousands(p, sizeof(p), res.persons);
	cor_cli_thousands(cs, sizeof(cs), res.cases);
	cor_cli_thousands(d, sizeof(d), res.documents);
	cor_cli_thousands(e, sizeof(e), res.events);
	printf("generated %s person%s in %s case%s (%s document%s, %s event%s) into %s in %.1f s\n",
	       p, res.persons == 1 ? "" : "s", cs, res.cases == 1 ? "" : "s", d,
	       res.documents == 1 ? "" : "s", e, res.events == 1 ? "" : "s", cor_cli_db_path(db),
	       now() - t0);
	return COR_EXIT_OK;
}

const struct cor_command cor_cmd_demo = {
	"demo",
	run,
	"usage: corridor demo [--people N] [--seed S] [--date YYYY-MM-DD] [--db PATH]\n\n"
	"  --people N   persons to generate (default 20000; up to 10,000,000)\n"
	"  --seed S     random seed (default 1): the same seed, size and date give the same data\n"
	"  --date D     the day the caseload is seen from (default: today, UTC, or the\n"
	"               day of CORRIDOR_NOW when it is set)\n"
	"The database must hold no case yet.",
	"generate a realistic demo caseload into a new database",
	0,
};

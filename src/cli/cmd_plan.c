// SPDX-License-Identifier: Apache-2.0
// corridor plan: put travel-ready cases on the open movements of the
// horizon, the planner choosing (src/plan), the store booking
// (store_plan.h). Prints the plan with its bound and gap, each movement's
// fill, and with --explain why each case left out was left out.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/eligibility.h"
#include "plan/plan.h"
#include "store/store_plan.h"
#include "util/error.h"
#include "util/tz.h"

static const struct cor_command *const cmd = &cor_cmd_plan;

struct opts {
	const char *db, *config, *lp;
	long horizon, ratio, time_limit;
	int64_t now;
	bool dry_run, explain, replan;
};

static int parse(int argc, char **argv, struct opts *o)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"horizon", required_argument, NULL, 'h'},
		{"dry-run", no_argument, NULL, 'n'},
		{"explain", no_argument, NULL, 'x'},
		{"replan", no_argument, NULL, 'r'},
		{"now", required_argument, NULL, 'N'},
		{"config", required_argument, NULL, 'c'},
		{"escort-ratio", required_argument, NULL, 'e'},
		{"lp", required_argument, NULL, 'l'},
		{"time-limit", required_argument, NULL, 't'},
		{0},
	};
	char now[COR_TIME_LEN];
	int c, ret;
	memset(o, 0, sizeof(*o));
	o->horizon = 14;
	cor_time_parse_utc(cor_time_now(now), &o->now);
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'c':
			o->config = optarg;
			break;
		case 'l':
			o->lp = optarg;
			break;
		case 'n':
			o->dry_run = true;
			break;
		case 'x':
			o->explain = true;
			break;
		case 'r':
			o->replan = true;
			break;
		case 'h':
			if ((ret = cor_cli_parse_long(cmd, "--horizon", optarg, 1, 366,
						      &o->horizon)))
				return ret;
			break;
		case 'e':
			if ((ret = cor_cli_parse_long(cmd, "--escort-ratio", optarg, 1, 50,
						      &o->ratio)))
				return ret;
			break;
		case 't':
			if ((ret = cor_cli_parse_long(cmd, "--time-limit", optarg, 1, 86400,
						      &o->time_limit)))
				return ret;
			break;
		case 'N':
			if (cor_time_parse_utc(optarg, &o->now) < 0)
				return cor_cli_usage_error(cmd,
							   "--now: '%s' is not a UTC time "
							   "(YYYY-MM-DDTHH:MMZ)",
							   optarg);
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	return 0;
}

static const char *const level_names[] = {"normal", "urgent", "emergency"};

static void print_movements(const struct cor_plan_load *l, const struct cor_plan_result *res)
{
	for (size_t m = 0; m < l->in.nmovements; m++) {
		const struct cor_plan_movement *mv = &l->movements[m];
		int persons = 0, cases = 0, special[COR_RES__N] = {0}, cap[COR_RES__N] = {0};
		for (size_t i = 0; i < l->in.ncases; i++) {
			if (res->movement[i] != (int)m)
				continue;
			cases++;
			persons += l->cases[i].need[COR_RES_SEATS];
			for (int r = 0; r < COR_RES__N; r++)
				special[r] += l->cases[i].need[r];
		}
		for (int r = 0; r < COR_RES__N; r++) {
			cap[r] = mv->legs[0].cap[r];
			for (int k = 1; k < mv->nlegs; k++)
				if (mv->legs[k].cap[r] < cap[r])
					cap[r] = mv->legs[k].cap[r];
		}
		char route[64], dep[18];
		size_t used = (size_t)snprintf(route, sizeof(route), "%s", mv->legs[0].from);
		for (int k = 0; k < mv->nlegs && used < sizeof(route); k++)
			used += (size_t)snprintf(route + used, sizeof(route) - used, "-%s",
						 mv->legs[k].to);
		printf("  %-20s %-10s %-20s %s  %d case%s, %d person%s + %d escort%s (%d seat%s)",
		       mv->ref, mv->label, route, cor_time_format_utc(mv->legs[0].departs, dep),
		       cases, cases == 1 ? "" : "s", persons, persons == 1 ? "" : "s",
		       res->escorts[m], res->escorts[m] == 1 ? "" : "s", cap[COR_RES_SEATS],
		       cap[COR_RES_SEATS] == 1 ? "" : "s");
		if (cap[COR_RES_STRETCHERS] || special[COR_RES_STRETCHERS])
			printf(", stretchers %d/%d", special[COR_RES_STRETCHERS],
			       cap[COR_RES_STRETCHERS]);
		if (cap[COR_RES_WCHC] || special[COR_RES_WCHC])
			printf(", WCHC %d/%d", special[COR_RES_WCHC], cap[COR_RES_WCHC]);
		if (cap[COR_RES_WCHS] || special[COR_RES_WCHS])
			printf(", WCHS %d/%d", special[COR_RES_WCHS], cap[COR_RES_WCHS]);
		putchar('\n');
	}
}

static void print_left_out(const struct cor_plan_load *l, const struct cor_plan_result *res)
{
	for (size_t i = 0; i < l->in.ncases; i++) {
		const struct cor_plan_case *c = &l->cases[i];
		if (res->movement[i] >= 0)
			continue;
		int n = c->need[COR_RES_SEATS];
		printf("  %-20s %d person%s  %-9s  %s\n", c->ref, n, n == 1 ? " " : "s",
		       level_names[c->level >= 0 && c->level < 3 ? c->level : 0], res->reason[i]);
	}
	for (size_t i = 0; i < l->nskipped; i++) {
		const struct cor_plan_skip *k = &l->skipped[i];
		printf("  %-20s %d person%s  %-9s  %s\n", k->ref, k->persons,
		       k->persons == 1 ? " " : "s", "-", k->why);
	}
}

static int run(int argc, char **argv)
{
	struct opts o;
	struct cor_rules_config cfg;
	struct cor_store *st;
	struct cor_plan_load l;
	struct cor_plan_result res;
	char msg[512], now[18], a[32], b[32];
	int ret;
	if ((ret = parse(argc, argv, &o)))
		return ret;
	if (cor_cli_rules_config(o.config, &cfg) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_cli_open(o.db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	struct cor_plan_query q = {.now = o.now, .horizon = o.horizon * 86400, .replan = o.replan};
	if (cor_store_plan_load(st, &q, &cfg, &l) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		cor_store_close(st);
		return ret;
	}
	if (o.ratio)
		l.in.cfg.escort_ratio = (int)o.ratio;
	if (o.time_limit)
		l.in.cfg.time_limit = (double)o.time_limit;
	if (o.lp) {
		FILE *f = fopen(o.lp, "w");
		if (!f || cor_plan_write_lp(&l.in, f) < 0 || fclose(f) != 0) {
			ret = cor_cli_fail("cannot write the model to '%s'", o.lp);
			if (f)
				fclose(f);
			goto out_load;
		}
	}
	if (cor_plan_solve(&l.in, &res, msg, sizeof(msg)) < 0) {
		ret = cor_cli_fail("%s", msg);
		goto out_load;
	}
	long kept = 0, persons = 0;
	for (size_t i = 0; i < l.in.ncases; i++) {
		kept += l.booked[i] && !o.replan;
		persons += l.cases[i].need[COR_RES_SEATS];
	}
	cor_cli_thousands(a, sizeof(a), (long)l.in.ncases);
	cor_cli_thousands(b, sizeof(b), persons);
	printf("plan from %s for %ld day%s: %zu open movement%s, %s candidate case%s (%s "
	       "person%s), "
	       "%ld booking%s kept\n",
	       cor_time_format_utc(o.now, now), o.horizon, o.horizon == 1 ? "" : "s",
	       l.in.nmovements, l.in.nmovements == 1 ? "" : "s", a, l.in.ncases == 1 ? "" : "s", b,
	       persons == 1 ? "" : "s", kept, kept == 1 ? "" : "s");
	cor_cli_thousands(a, sizeof(a), res.cases);
	cor_cli_thousands(b, sizeof(b), res.persons);
	printf("placed %s case%s, %s person%s; priority-weighted persons %ld; value %lld, bound "
	       "%lld, "
	       "gap %.3f%%%s; %.3f s\n",
	       a, res.cases == 1 ? "" : "s", b, res.persons == 1 ? "" : "s", res.weighted_persons,
	       (long long)res.value, (long long)res.bound, 100.0 * res.gap,
	       res.optimal ? " (optimal)" : "", res.seconds);
	if (res.timed_out)
		printf("time limit of %.0f s reached: the plan is valid, but the search stopped on "
		       "the "
		       "clock, so a longer --time-limit or a faster machine may give a better "
		       "one\n",
		       l.in.cfg.time_limit);
	print_movements(&l, &res);
	long left = 0, left_persons = 0;
	for (size_t i = 0; i < l.in.ncases; i++)
		if (res.movement[i] < 0) {
			left++;
			left_persons += l.cases[i].need[COR_RES_SEATS];
		}
	printf("left out: %ld case%s (%ld person%s); not eligible today: %zu travel-ready "
	       "case%s%s\n",
	       left, left == 1 ? "" : "s", left_persons, left_persons == 1 ? "" : "s", l.nskipped,
	       l.nskipped == 1 ? "" : "s",
	       o.explain || (left == 0 && l.nskipped == 0) ? "" : " (--explain says why)");
	if (o.explain)
		print_left_out(&l, &res);
	if (o.dry_run) {
		printf("dry run: nothing written\n");
		ret = COR_EXIT_OK;
	} else {
		struct cor_plan_written w;
		if (cor_store_plan_write(st, &l, &res, cor_cli_actor(), &w) < 0) {
			ret = cor_cli_fail("%s", cor_store_errmsg(st));
		} else {
			printf("written: %d case%s booked", w.booked, w.booked == 1 ? "" : "s");
			if (o.replan)
				printf(", %d moved to another movement, %d unbooked", w.moved,
				       w.unbooked);
			printf("\n");
			ret = COR_EXIT_OK;
		}
	}
	cor_plan_result_free(&res);
out_load:
	cor_store_plan_release(&l);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_plan = {
	"plan",
	run,
	"usage: corridor plan [--horizon DAYS] [--dry-run] [--explain] [--replan]\n"
	"                     [--now YYYY-MM-DDTHH:MMZ] [--escort-ratio N] [--config FILE]\n"
	"                     [--lp FILE] [--time-limit SECONDS] [--db PATH]\n\n"
	"Puts the travel-ready, eligible cases on the open movements whose first leg departs\n"
	"within the horizon (default 14 days from now), maximising priority-weighted persons\n"
	"moved: cases are never split; seats, stretcher, WCHC and WCHS places per leg; one\n"
	"medical escort per N medical travellers (default 3), escorts taking seats; the\n"
	"movement must reach the case's destination; documents and fitness to travel valid\n"
	"at departure; not before the day a case is available; office quotas. Bookings on\n"
	"open movements are kept unless --replan. --explain says why each case was left out;\n"
	"--lp writes the model in CPLEX LP format for an exact solver (glpsol, cbc).\n"
	"--time-limit stops the search for a better plan after SECONDS (default 60); the\n"
	"search ends on its own counts well before it, and says so when it does not.",
	"put travel-ready cases on movements, optimally",
	0,
};

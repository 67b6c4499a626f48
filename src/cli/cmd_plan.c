// SPDX-License-Identifier: Apache-2.0
// corridor plan: put travel-ready cases on the open movements of the
// horizon (the operation plan.run, service/plan.h: the rules in force, the
// planner, the bookings written in one transaction). Prints the plan with
// its bound and gap, each movement's fill, and with --explain why each case
// left out was left out; --json the plan as the API serves it.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/plan.h"
#include "util/error.h"
#include "util/tz.h"

static const struct cor_command *const cmd = &cor_cmd_plan;

struct opts {
	const char *db, *lp;
	long horizon, ratio, time_limit;
	int64_t now; /* 0: the clock of the context */
	bool dry_run, explain, replan, json;
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
		{"json", no_argument, NULL, 'j'},
		{"escort-ratio", required_argument, NULL, 'e'},
		{"lp", required_argument, NULL, 'l'},
		{"time-limit", required_argument, NULL, 't'},
		{0},
	};
	int c, ret;
	memset(o, 0, sizeof(*o));
	o->horizon = COR_PLAN_HORIZON_DAYS;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'j':
			o->json = true;
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

/* Who would go on movement m: case, persons, boarding point, SSR codes, and
 * what changes against the bookings held. */
static void print_travellers(const struct cor_svc_plan_out *out, size_t m)
{
	const struct cor_plan_load *l = &out->load;
	for (size_t i = 0; i < l->in.ncases; i++) {
		if (out->res.movement[i] != (int)m)
			continue;
		char board[COR_PLAN_PLACE_MAX + 1];
		int from, n = l->cases[i].need[COR_RES_SEATS];
		enum cor_plan_change ch = cor_svc_plan_change(out, i, board, &from);
		printf("    %-20s %d person%s  %-5s  %-14s %s", l->cases[i].ref, n,
		       n == 1 ? " " : "s", board, l->ssr[i][0] ? l->ssr[i] : "-",
		       cor_svc_plan_change_name(ch));
		if (ch == COR_PLAN_MOVED)
			printf(" from %s", l->movements[from].ref);
		putchar('\n');
	}
}

static void print_movements(const struct cor_svc_plan_out *out, bool list)
{
	const struct cor_plan_load *l = &out->load;
	const struct cor_plan_result *res = &out->res;
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
		if (list)
			print_travellers(out, m);
	}
	for (size_t i = 0; list && i < l->in.ncases; i++) {
		char board[COR_PLAN_PLACE_MAX + 1];
		int from, n = l->cases[i].need[COR_RES_SEATS];
		if (cor_svc_plan_change(out, i, board, &from) != COR_PLAN_REMOVED)
			continue;
		printf("  removed from %s: %s, %d person%s: %s\n", l->movements[from].ref,
		       l->cases[i].ref, n, n == 1 ? "" : "s", res->reason[i]);
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

static void print_plan(const struct opts *o, const struct cor_svc_plan_out *out)
{
	const struct cor_plan_load *l = &out->load;
	const struct cor_plan_result *res = &out->res;
	char now[18], a[32], b[32];
	long kept = 0, persons = 0;
	for (size_t i = 0; i < l->in.ncases; i++) {
		kept += l->booked[i] && !o->replan;
		persons += l->cases[i].need[COR_RES_SEATS];
	}
	cor_cli_thousands(a, sizeof(a), (long)l->in.ncases);
	cor_cli_thousands(b, sizeof(b), persons);
	printf("plan from %s for %d day%s: %zu open movement%s, %s candidate case%s (%s "
	       "person%s), "
	       "%ld booking%s kept\n",
	       cor_time_format_utc(out->now, now), out->horizon_days,
	       out->horizon_days == 1 ? "" : "s", l->in.nmovements,
	       l->in.nmovements == 1 ? "" : "s", a, l->in.ncases == 1 ? "" : "s", b,
	       persons == 1 ? "" : "s", kept, kept == 1 ? "" : "s");
	cor_cli_thousands(a, sizeof(a), res->cases);
	cor_cli_thousands(b, sizeof(b), res->persons);
	printf("placed %s case%s, %s person%s; priority-weighted persons %ld; value %lld, bound "
	       "%lld, "
	       "gap %.3f%%%s; %.3f s\n",
	       a, res->cases == 1 ? "" : "s", b, res->persons == 1 ? "" : "s",
	       res->weighted_persons, (long long)res->value, (long long)res->bound,
	       100.0 * res->gap, res->optimal ? " (optimal)" : "", res->seconds);
	if (res->timed_out)
		printf("time limit of %.0f s reached: the plan is valid, but the search stopped on "
		       "the "
		       "clock, so a longer --time-limit or a faster machine may give a better "
		       "one\n",
		       l->in.cfg.time_limit);
	print_movements(out, o->dry_run);
	long left = 0, left_persons = 0;
	for (size_t i = 0; i < l->in.ncases; i++)
		if (res->movement[i] < 0) {
			left++;
			left_persons += l->cases[i].need[COR_RES_SEATS];
		}
	printf("left out: %ld case%s (%ld person%s); not eligible today: %zu travel-ready "
	       "case%s%s\n",
	       left, left == 1 ? "" : "s", left_persons, left_persons == 1 ? "" : "s", l->nskipped,
	       l->nskipped == 1 ? "" : "s",
	       o->explain || (left == 0 && l->nskipped == 0) ? "" : " (--explain says why)");
	if (o->explain)
		print_left_out(l, res);
	if (o->dry_run) {
		printf("dry run: nothing written\n");
		return;
	}
	printf("written: %d case%s booked", out->done.booked, out->done.booked == 1 ? "" : "s");
	if (o->replan)
		printf(", %d moved to another movement, %d unbooked", out->done.moved,
		       out->done.unbooked);
	printf("\n");
}

static int run(int argc, char **argv)
{
	struct opts o;
	struct cor_store *st;
	struct cor_ctx cx;
	struct cor_svc_plan_out out;
	FILE *lp = NULL;
	int ret;
	if ((ret = parse(argc, argv, &o)))
		return ret;
	if (o.lp && !(lp = fopen(o.lp, "w")))
		return cor_cli_fail("cannot write the model to '%s'", o.lp);
	if ((ret = cor_cli_ctx_open(o.db, 0, o.json, &st, &cx)) != COR_EXIT_OK) {
		if (lp)
			fclose(lp);
		return ret;
	}
	struct cor_svc_plan_in in = {.now = o.now,
				     .horizon_days = (int)o.horizon,
				     .replan = o.replan,
				     .dry_run = o.dry_run,
				     .escort_ratio = (int)o.ratio,
				     .time_limit = (int)o.time_limit,
				     .lp = lp};
	int err = cor_svc_plan_run(&cx, &in, &out);
	if (lp && fclose(lp) != 0 && err == 0)
		err = cor_error_set(&cx.err, COR_CODE_STORE_FAILED, "lp",
				    "cannot write the model to '%s'", o.lp);
	if (err < 0 && cx.err.field[0] && !strcmp(cx.err.field, "lp"))
		ret = cor_cli_fail("cannot write the model to '%s'", o.lp);
	else if (err < 0)
		ret = cor_cli_error(&cx, o.json);
	else if (o.json)
		ret = cor_cli_print_json(cor_svc_plan_json(&out));
	else
		print_plan(&o, &out);
	cor_svc_plan_release(&out);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_plan = {
	"plan",
	run,
	"usage: corridor plan [--horizon DAYS] [--dry-run] [--explain] [--replan]\n"
	"                     [--now YYYY-MM-DDTHH:MMZ] [--escort-ratio N] [--lp FILE]\n"
	"                     [--time-limit SECONDS] [--json] [--db PATH]\n\n"
	"Puts the travel-ready, eligible cases on the open movements whose first leg departs\n"
	"within the horizon (default 14 days from now), maximising priority-weighted persons\n"
	"moved: cases are never split; seats, stretcher, WCHC and WCHS places per leg; one\n"
	"medical escort per N medical travellers (default 3), escorts taking seats; the\n"
	"movement must reach the case's destination; documents and fitness to travel valid\n"
	"at departure; not before the day a case is available; office quotas. Bookings on\n"
	"open movements are kept unless --replan. --explain says why each case was left out;\n"
	"--lp writes the model in CPLEX LP format for an exact solver (glpsol, cbc).\n"
	"--time-limit stops the search for a better plan after SECONDS (default 60); the\n"
	"search ends on its own counts well before it, and says so when it does not.\n"
	"Eligibility and priorities follow the rules in force ('corridor rules show');\n"
	"--now plans as of that time (default: now). A case boards only at a place its\n"
	"location reaches ('corridor place reach'), or where a domestic leg of the same\n"
	"movement takes it. --dry-run lists under each movement who would go (case,\n"
	"persons, boarding point, SSR codes) and what changes against the bookings held\n"
	"(added, kept, moved from a movement), then the bookings a replan would remove.\n"
	"--json prints the plan: per movement who goes, the value, bound and gap, and why\n"
	"each case left out was left out.",
	"put travel-ready cases on movements, optimally",
	0,
};

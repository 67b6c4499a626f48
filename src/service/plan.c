// SPDX-License-Identifier: Apache-2.0
// plan.run (see plan.h): one operation row for a dry run (read) and one for
// a run that writes, over the same function.
#include "service/plan.h"

#include <stdlib.h>
#include <string.h>

#include "service/json.h"
#include "util/error.h"
#include "util/tz.h"

static const char *const level_names[] = {"normal", "urgent", "emergency"};

static int op_run(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_plan_in *in = vin;
	struct cor_svc_plan_out *out = vout;
	char msg[512];
	int err;

	if (in->horizon_days < 0 || in->horizon_days > 366)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "horizon_days",
				     "the horizon is 1 to 366 days, not %d", in->horizon_days);
	if (in->escort_ratio < 0 || in->escort_ratio > 50)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "escort_ratio",
				     "the escort ratio is 1 to 50, not %d", in->escort_ratio);
	if (in->time_limit < 0 || in->time_limit > 86400)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "time_limit",
				     "the time limit is 1 to 86400 seconds, not %d",
				     in->time_limit);
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	if (!cfg)
		return COR_EIO;
	out->now = in->now;
	if (!out->now && cor_time_parse_utc(cx->now, &out->now) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is not a UTC time", cx->now);
	out->horizon_days = in->horizon_days ? in->horizon_days : COR_PLAN_HORIZON_DAYS;
	out->replan = in->replan;
	out->dry_run = in->dry_run;
	struct cor_plan_query q = {.now = out->now,
				   .horizon = (int64_t)out->horizon_days * 86400,
				   .replan = in->replan};
	if ((err = cor_store_plan_load(cx->st, &q, cfg, &out->load)) < 0)
		return cor_ctx_store_error(cx, err);
	struct cor_plan_input *pi = &out->load.in;
	if (in->escort_ratio)
		pi->cfg.escort_ratio = in->escort_ratio;
	if (in->time_limit)
		pi->cfg.time_limit = (double)in->time_limit;
	if (in->lp && (cor_plan_write_lp(pi, in->lp) < 0 || fflush(in->lp) != 0))
		return cor_error_set(&cx->err, COR_CODE_STORE_FAILED, "lp",
				     "cannot write the model");
	if (cor_plan_solve(pi, &out->res, msg, sizeof(msg)) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, NULL, "%s", msg);
	if (in->dry_run)
		return 0;
	err = cor_store_plan_write(cx->st, &out->load, &out->res, cx->actor, &out->done);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static const struct cor_op op_plan_run = {
	"plan.run", COR_OP_WRITE, "plan.write", op_run,
	"plan the travel-ready cases onto the open movements and book them"};
static const struct cor_op op_plan_dry_run = {
	"plan.dry_run", COR_OP_READ, "plan.read", op_run,
	"plan the travel-ready cases onto the open movements, writing nothing"};

const struct cor_op *const cor_ops_plan[] = {&op_plan_run, &op_plan_dry_run, NULL};

int cor_svc_plan_run(struct cor_ctx *cx, const struct cor_svc_plan_in *in,
		     struct cor_svc_plan_out *out)
{
	memset(out, 0, sizeof(*out));
	return cor_service_run(cx, in->dry_run ? &op_plan_dry_run : &op_plan_run, in, out);
}

void cor_svc_plan_release(struct cor_svc_plan_out *out)
{
	cor_plan_result_free(&out->res);
	cor_store_plan_release(&out->load);
	memset(out, 0, sizeof(*out));
}

json_t *cor_svc_plan_json(const struct cor_svc_plan_out *out)
{
	const struct cor_plan_load *l = &out->load;
	const struct cor_plan_result *res = &out->res;
	char t[18];
	long kept = 0, persons = 0;
	json_t *mvs = json_array(), *left = json_array(), *skipped = json_array();
	json_t **cases = calloc(l->in.nmovements + 1, sizeof(*cases));
	long *mpersons = calloc(l->in.nmovements + 1, sizeof(*mpersons));
	if (!mvs || !left || !skipped || !cases || !mpersons)
		goto fail;
	for (size_t m = 0; m < l->in.nmovements; m++)
		cases[m] = json_array();
	for (size_t i = 0; i < l->in.ncases; i++) {
		const struct cor_plan_case *c = &l->cases[i];
		int m = res->movement[i];
		kept += l->booked[i] && !out->replan;
		persons += c->need[COR_RES_SEATS];
		if (m >= 0) {
			json_array_append_new(cases[m], json_string(c->ref));
			mpersons[m] += c->need[COR_RES_SEATS];
			continue;
		}
		json_array_append_new(
			left,
			json_pack("{s:s, s:i, s:s, s:s, s:s}", "case", c->ref, "persons",
				  c->need[COR_RES_SEATS], "level",
				  level_names[c->level >= 0 && c->level < 3 ? c->level : 0], "why",
				  cor_plan_why_code(res->why[i]), "reason", res->reason[i]));
	}
	for (size_t m = 0; m < l->in.nmovements; m++) {
		const struct cor_plan_movement *mv = &l->movements[m];
		json_array_append_new(mvs, json_pack("{s:s, s:s, s:s, s:i, s:I, s:o}", "ref",
						     mv->ref, "label", mv->label, "departs",
						     cor_time_format_utc(mv->legs[0].departs, t),
						     "escorts", res->escorts[m], "persons",
						     (json_int_t)mpersons[m], "cases", cases[m]));
		cases[m] = NULL;
	}
	for (size_t i = 0; i < l->nskipped; i++)
		json_array_append_new(
			skipped, json_pack("{s:s, s:i, s:s}", "case", l->skipped[i].ref, "persons",
					   l->skipped[i].persons, "why", l->skipped[i].why));
	free(cases);
	free(mpersons);
	json_t *written =
		out->dry_run ? json_null()
			     : json_pack("{s:i, s:i, s:i}", "booked", out->done.booked, "moved",
					 out->done.moved, "unbooked", out->done.unbooked);
	return json_pack(
		"{s:s, s:i, s:b, s:b, s:{s:I, s:I, s:I}, s:{s:I, s:I, s:I}, s:I, s:I, s:f, s:b, "
		"s:b, s:f, s:o, s:o, s:o, s:o}",
		"now", cor_time_format_utc(out->now, t), "horizon_days", out->horizon_days,
		"replan", out->replan, "dry_run", out->dry_run, "candidates", "cases",
		(json_int_t)l->in.ncases, "persons", (json_int_t)persons, "kept", (json_int_t)kept,
		"placed", "cases", (json_int_t)res->cases, "persons", (json_int_t)res->persons,
		"weighted_persons", (json_int_t)res->weighted_persons, "value",
		(json_int_t)res->value, "bound", (json_int_t)res->bound, "gap", res->gap, "optimal",
		res->optimal, "timed_out", res->timed_out, "seconds", res->seconds, "movements",
		mvs, "left_out", left, "not_eligible", skipped, "written", written);
fail:
	if (cases)
		for (size_t m = 0; m < l->in.nmovements; m++)
			json_decref(cases[m]);
	free(cases);
	free(mpersons);
	json_decref(mvs);
	json_decref(left);
	json_decref(skipped);
	return NULL;
}

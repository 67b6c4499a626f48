// SPDX-License-Identifier: Apache-2.0
// The summary of case.show (see summary.h): one read of each kind of record
// a case has, each folded by the domain.
#include "service/summary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/lifecycle.h"
#include "domain/money.h"
#include "domain/summary.h"
#include "service/json.h"
#include "service/queue.h"
#include "store/store_facts.h"
#include "store/store_fund.h"
#include "store/store_movement.h"
#include "store/store_workflow.h"
#include "util/tz.h"

#define SUMMARY_CURRENCIES 8  /* currencies a case's fund position tells apart */
#define SUMMARY_NEXT       16 /* states a case may go to from one */

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static json_t *time_json(int64_t t)
{
	char buf[18];
	return json_string(cor_time_format_utc(t, buf));
}

/* ---- booking ----------------------------------------------------------- */

/* The booking or stand-by the case holds, with the legs it rides; NULL in
 * *out when it holds none. *departs gets the departure of the leg it
 * boards (-1: none). */
static int booking_json(struct cor_ctx *cx, const struct cor_case *c, json_t **out,
			int64_t *departs)
{
	struct cor_booking b;
	struct cor_movement m;
	int err;
	*out = NULL;
	*departs = -1;
	if ((err = cor_store_case_booking(cx->st, c->ref, &b)) == COR_ENOTFOUND)
		return 0;
	if (err < 0 || (err = cor_store_movement_get(cx->st, b.movement_ref, &m)) < 0)
		return cor_ctx_store_error(cx, err);
	int first = 0, last = m.nlegs - 1;
	for (int i = 0; i < m.nlegs; i++)
		if (!strcmp(m.legs[i].from, b.board)) {
			first = i;
			break;
		}
	for (int i = first; i < m.nlegs; i++)
		if (!strcmp(m.legs[i].to, b.alight)) {
			last = i;
			break;
		}
	json_t *legs = json_array();
	for (int i = first; legs && i <= last; i++) {
		const struct cor_leg *l = &m.legs[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:o}", "from", l->from, "to", l->to,
				      "number", l->number, "departs", time_json(l->departs),
				      "arrives", time_json(l->arrives));
		if (!o || json_array_append_new(legs, o) < 0) {
			json_decref(legs);
			legs = NULL;
		}
	}
	*departs = m.legs[first].departs;
	*out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:i}", "movement", m.ref,
			 "label", m.label, "status",
			 b.status == COR_BOOKING_STANDBY ? "standby" : "booked", "board", b.board,
			 "alight", b.alight, "departs", time_json(m.legs[first].departs), "arrives",
			 time_json(m.legs[last].arrives), "legs", legs, "seats", b.persons);
	return *out ? 0 : no_memory(cx);
}

/* ---- referrals and protection ------------------------------------------ */

static int open_referral(const struct cor_referral *r, void *ctx)
{
	if (r->outcome)
		return 0;
	json_t *o = json_pack("{s:i, s:s, s:s}", "no", r->no, "to", r->to, "subject", r->subject);
	return o && !json_array_append_new(ctx, o) ? 0 : COR_ENOMEM;
}

static int referrals_json(struct cor_ctx *cx, const struct cor_case *c, json_t **out)
{
	json_t *kinds = json_array();
	int err;
	*out = NULL;
	if (!kinds)
		return no_memory(cx);
	if ((err = cor_store_referral_list(cx->st, c->ref, open_referral, kinds)) < 0) {
		json_decref(kinds);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	*out = json_pack("{s:I, s:o}", "open", (json_int_t)json_array_size(kinds), "kinds", kinds);
	return *out ? 0 : no_memory(cx);
}

static int protection_person(const struct cor_protection_record *r, void *ctx)
{
	enum cor_protection_level l = COR_PROT_NONE;
	bool assessed = r->level && cor_protection_level_parse(r->level, &l) == 0;
	cor_case_protection_add(ctx, assessed, l, r->cleared_at[0] != '\0');
	return 0;
}

static int protection_json(struct cor_ctx *cx, const struct cor_case *c, json_t **out)
{
	struct cor_case_protection s = {0};
	int err;
	*out = NULL;
	if ((err = cor_store_protection_list(cx->st, c->ref, protection_person, &s)) < 0)
		return cor_ctx_store_error(cx, err);
	*out = json_pack("{s:o, s:i, s:i, s:i}", "level",
			 s.assessed ? json_string(cor_protection_level_name(s.level)) : json_null(),
			 "persons", s.persons, "assessed", s.assessed, "uncleared", s.uncleared);
	return *out ? 0 : no_memory(cx);
}

/* ---- fitness ----------------------------------------------------------- */

struct fitness_run {
	struct cor_ctx *cx;
	int64_t at; /* the departure evaluated against */
	json_t *unmet;
	int64_t until;
	int window;
	int err;
};

/* The case's facts at the minute of r->at, through the eligibility engine:
 * its FITNESS findings only. */
static int fitness_eval(const struct cor_facts_case *fc, void *ctx)
{
	struct fitness_run *r = ctx;
	const struct cor_rules_config *cfg = cor_ctx_rules(r->cx);
	struct cor_case_facts f = fc->f;
	struct cor_eligibility rep;
	size_t cap = COR_CRIT__N * (f.n_travellers + 1);
	struct cor_unmet *buf = calloc(cap, sizeof(*buf));
	if (!cfg || !buf) {
		free(buf);
		r->err = cfg ? no_memory(r->cx) : COR_EIO;
		return 1;
	}
	f.departure_minute = (int)((r->at % 86400 + 86400) % 86400 / 60);
	cor_eligibility_init(&rep, buf, cap);
	if (cor_eligibility_evaluate(cfg, &f, r->cx->today, &rep) < 0) {
		free(buf);
		r->err = cor_error_set(&r->cx->err, COR_CODE_INVALID, "programme",
				       "case '%s' has programme '%s', which the rules do not know",
				       fc->c.ref, fc->c.programme);
		return 1;
	}
	r->window = cor_fitness_window(cor_rules_for(cfg, f.programme));
	for (size_t i = 0; i < rep.n; i++) {
		const struct cor_unmet *u = &rep.unmet[i];
		char msg[COR_MESSAGE_MAX];
		if (cor_unmet_criterion(u->code) != COR_CRIT_FITNESS)
			continue;
		const char *who = u->person >= 0 && (size_t)u->person < f.n_travellers &&
						  f.travellers[u->person].ref
					  ? f.travellers[u->person].ref
					  : fc->c.ref;
		cor_unmet_describe(u, &f, msg, sizeof(msg));
		json_t *o = json_pack("{s:s, s:s, s:s}", "who", who, "code",
				      cor_unmet_code_name(u->code), "message", msg);
		if (!o || json_array_append_new(r->unmet, o) < 0) {
			free(buf);
			r->err = no_memory(r->cx);
			return 1;
		}
	}
	free(buf);
	r->until = r->window ? cor_fitness_holds_until(&f, r->window) : -1;
	return 0;
}

static int fitness_json(struct cor_ctx *cx, const struct cor_case *c, int64_t departs, json_t **out)
{
	struct fitness_run r = {.cx = cx, .at = departs, .unmet = json_array(), .until = -1};
	int err;
	*out = NULL;
	if (!r.unmet)
		return no_memory(cx);
	if (departs < 0 && cor_time_parse_utc(cx->now, &r.at) < 0) {
		json_decref(r.unmet);
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is not a UTC time", cx->now);
	}
	struct cor_date on = cor_date_from_days((int32_t)(r.at / 86400));
	if ((err = cor_store_facts_case(cx->st, c->ref, &on, fitness_eval, &r)) < 0 || r.err < 0) {
		json_decref(r.unmet);
		return r.err < 0 ? r.err : cor_ctx_store_error(cx, err);
	}
	bool valid = json_array_size(r.unmet) == 0;
	*out = json_pack("{s:b, s:o, s:o, s:s, s:o, s:o}", "required", r.window > 0, "valid",
			 r.window > 0 ? json_boolean(valid) : json_null(), "at", time_json(r.at),
			 "for", departs < 0 ? "now" : "departure", "until",
			 valid && r.until >= 0 ? time_json(r.until) : json_null(), "unmet",
			 r.unmet);
	return *out ? 0 : no_memory(cx);
}

/* ---- fund -------------------------------------------------------------- */

struct fund_run {
	struct cor_fund_case_position pos[SUMMARY_CURRENCIES];
	int n, requests;
};

static int fund_request(const struct cor_fund_request *q, void *ctx)
{
	struct fund_run *r = ctx;
	int i = 0;
	r->requests++;
	while (i < r->n && strcmp(r->pos[i].currency, q->currency))
		i++;
	if (i == r->n) {
		if (r->n == SUMMARY_CURRENCIES)
			return 0; /* more currencies than a summary tells apart */
		snprintf(r->pos[r->n++].currency, sizeof(r->pos[0].currency), "%s", q->currency);
	}
	cor_fund_case_add(&r->pos[i], q->state, q->amount, q->paid);
	return 0;
}

static json_t *money_json(int64_t minor, const char *currency)
{
	char buf[COR_MONEY_LEN];
	return json_string(cor_money_decimal(minor, currency, buf));
}

static int fund_json(struct cor_ctx *cx, const struct cor_case *c, json_t **out)
{
	struct fund_run r = {.n = 0};
	int err;
	*out = NULL;
	if ((err = cor_store_fund_case_requests(cx->st, c->ref, fund_request, &r)) < 0)
		return cor_ctx_store_error(cx, err);
	json_t *a = json_array();
	for (int i = 0; a && i < r.n; i++) {
		const struct cor_fund_case_position *p = &r.pos[i];
		json_t *o = json_pack("{s:s, s:i, s:i, s:o, s:o, s:o}", "currency", p->currency,
				      "requests", p->requests, "pending", p->pending, "asked",
				      money_json(p->asked, p->currency), "approved",
				      money_json(p->approved, p->currency), "paid",
				      money_json(p->paid, p->currency));
		if (!o || json_array_append_new(a, o) < 0) {
			json_decref(a);
			a = NULL;
		}
	}
	*out = json_pack("{s:i, s:o}", "requests", r.requests, "positions", a);
	return *out ? 0 : no_memory(cx);
}

/* ---- next steps -------------------------------------------------------- */

/* The moves from the case's state, each checked as case.move checks it
 * (a reason taken as given): those it may make now in *next, the others
 * with the code that holds them back in *not_yet. */
static int next_json(struct cor_ctx *cx, int64_t id, const struct cor_case *c, json_t **next,
		     json_t **not_yet)
{
	const struct cor_programme *p = cor_programme_find(c->programme);
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	const char *to[SUMMARY_NEXT];
	struct cor_case_gate gate;
	bool evaluated = false;
	int err;

	*next = *not_yet = NULL;
	if (!cfg)
		return COR_EIO;
	if (!p)
		return cor_error_set(&cx->err, COR_CODE_CORRUPT, "case",
				     "case '%s' has an unknown programme '%s'", c->ref,
				     c->programme);
	if ((err = cor_store_case_gate(cx->st, id, c, &gate)) < 0)
		return cor_ctx_store_error(cx, err);
	gate.reason = "given";
	struct cor_facts_hook_ctx hook = {.cfg = cfg, .today = cx->today};
	size_t n = cor_lifecycle_next(p, c->state, gate.held_from, to, SUMMARY_NEXT);
	json_t *yes = json_array(), *no = json_array();
	for (size_t i = 0; yes && no && i < n && i < SUMMARY_NEXT; i++) {
		const struct cor_transition *t = cor_lifecycle_find(p, c->state, to[i]);
		struct cor_refusal why;
		json_t *o;
		if (!t)
			continue;
		if ((t->guards & COR_GUARD_ELIGIBLE) && !evaluated) {
			if ((err = cor_facts_eligibility_hook(cx->st, id, c, &gate, &hook)) < 0) {
				json_decref(yes);
				json_decref(no);
				return cor_ctx_store_error(cx, err);
			}
			evaluated = true;
		}
		if (cor_lifecycle_check(p, c->state, to[i], &gate, &why) == 0)
			o = json_pack("{s:s, s:s, s:b}", "state", to[i], "role",
				      cor_role_name(t->role), "reason_required",
				      (t->guards & COR_GUARD_REASON) != 0);
		else
			o = json_pack("{s:s, s:s, s:s}", "state", to[i], "code", why.code,
				      "message", why.msg);
		if (!o || json_array_append_new(json_object_get(o, "role") ? yes : no, o) < 0) {
			json_decref(yes);
			yes = NULL;
		}
	}
	if (!yes || !no) {
		json_decref(yes);
		json_decref(no);
		return no_memory(cx);
	}
	*next = yes;
	*not_yet = no;
	return 0;
}

/* ---- the summary ------------------------------------------------------- */

int cor_svc_case_summary(struct cor_ctx *cx, int64_t id, const struct cor_case *c, json_t **out)
{
	json_t *booking = NULL, *referrals = NULL, *protection = NULL, *fitness = NULL,
	       *fund = NULL, *next = NULL, *not_yet = NULL;
	int64_t departs;
	int err;

	*out = NULL;
	if ((err = booking_json(cx, c, &booking, &departs)) < 0 ||
	    (err = referrals_json(cx, c, &referrals)) < 0 ||
	    (err = protection_json(cx, c, &protection)) < 0 ||
	    (err = fitness_json(cx, c, departs, &fitness)) < 0 ||
	    (err = fund_json(cx, c, &fund)) < 0 ||
	    (err = next_json(cx, id, c, &next, &not_yet)) < 0)
		goto out;
	*out = json_pack("{s:O?, s:O, s:O, s:O, s:O, s:O, s:O}", "booking", booking, "referrals",
			 referrals, "protection", protection, "fitness", fitness, "fund", fund,
			 "next", next, "not_yet", not_yet);
	if (!*out)
		err = no_memory(cx);
out:
	json_decref(booking);
	json_decref(referrals);
	json_decref(protection);
	json_decref(fitness);
	json_decref(fund);
	json_decref(next);
	json_decref(not_yet);
	return err < 0 ? err : 0;
}

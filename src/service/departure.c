// SPDX-License-Identifier: Apache-2.0
// The pre-departure check (departure.h): the facts of each booked case on
// the departure of its boarding leg, the eligibility engine under the rules
// in force, and the movement's load against the planner's capacity model.
#include "service/departure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/eligibility.h"
#include "service/plan.h"
#include "store/store_facts.h"
#include "store/store_movement.h"
#include "store/store_plan.h"
#include "util/tz.h"

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static struct cor_departure_blocker *add(struct cor_departure *d)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		struct cor_departure_blocker *b = realloc(d->blockers, cap * sizeof(*b));
		if (!b)
			return NULL;
		d->blockers = b;
		d->cap = cap;
	}
	struct cor_departure_blocker *b = &d->blockers[d->n++];
	memset(b, 0, sizeof(*b));
	return b;
}

/* The booked cases, and the departure of the leg each boards. */
struct booked {
	char ref[32];
	int64_t departs;
};
struct collect {
	const struct cor_movement *m;
	struct booked *b;
	size_t n, cap;
	bool oom;
};

static int on_booking(const struct cor_booking *bk, void *ctx)
{
	struct collect *c = ctx;
	if (bk->status != COR_BOOKING_BOOKED)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 32;
		struct booked *b = realloc(c->b, cap * sizeof(*b));
		if (!b) {
			c->oom = true;
			return 1;
		}
		c->b = b;
		c->cap = cap;
	}
	struct booked *b = &c->b[c->n++];
	snprintf(b->ref, sizeof(b->ref), "%s", bk->case_ref);
	b->departs = c->m->legs[0].departs;
	for (int i = 0; i < c->m->nlegs; i++)
		if (!strcmp(c->m->legs[i].from, bk->board)) {
			b->departs = c->m->legs[i].departs;
			break;
		}
	return 0;
}

struct evaluate {
	struct cor_ctx *cx;
	struct cor_departure *d;
	int64_t departs;
	int err;
};

static int on_facts(const struct cor_facts_case *fc, void *ctx)
{
	struct evaluate *ev = ctx;
	const struct cor_rules_config *cfg = cor_ctx_rules(ev->cx);
	struct cor_case_facts f = fc->f;
	struct cor_eligibility rep;
	size_t cap = COR_CRIT__N * (f.n_travellers + 1);
	struct cor_unmet *buf = calloc(cap, sizeof(*buf));
	if (!buf || !cfg) {
		free(buf);
		ev->err = buf ? COR_EIO : no_memory(ev->cx);
		return 1;
	}
	/* Evaluated at the minute the leg departs: the fitness window counts
	 * hours. */
	f.departure_minute = (int)((ev->departs % 86400 + 86400) % 86400 / 60);
	ev->d->cases++;
	ev->d->travellers += (int)f.n_travellers;
	cor_eligibility_init(&rep, buf, cap);
	if (cor_eligibility_evaluate(cfg, &f, ev->cx->today, &rep) < 0) {
		free(buf);
		ev->err = cor_error_set(&ev->cx->err, COR_CODE_INVALID, "programme",
					"case '%s' has programme '%s', which the rules do not know",
					fc->c.ref, fc->c.programme);
		return 1;
	}
	for (size_t i = 0; i < rep.n; i++) {
		const struct cor_unmet *u = &rep.unmet[i];
		struct cor_departure_blocker *b = add(ev->d);
		if (!b) {
			free(buf);
			ev->err = no_memory(ev->cx);
			return 1;
		}
		snprintf(b->case_ref, sizeof(b->case_ref), "%s", fc->c.ref);
		const char *who = u->person >= 0 && (size_t)u->person < f.n_travellers &&
						  f.travellers[u->person].ref
					  ? f.travellers[u->person].ref
					  : fc->c.ref;
		snprintf(b->who, sizeof(b->who), "%s", who);
		snprintf(b->criterion, sizeof(b->criterion), "%s",
			 cor_criterion_name(cor_unmet_criterion(u->code)));
		snprintf(b->code, sizeof(b->code), "%s", cor_unmet_code_name(u->code));
		cor_unmet_describe(u, &f, b->message, sizeof(b->message));
	}
	if (rep.overflow) {
		struct cor_departure_blocker *b = add(ev->d);
		if (b) {
			snprintf(b->case_ref, sizeof(b->case_ref), "%s", fc->c.ref);
			snprintf(b->who, sizeof(b->who), "%s", fc->c.ref);
			snprintf(b->criterion, sizeof(b->criterion), "ELIGIBILITY");
			snprintf(b->code, sizeof(b->code), "NOT_ELIGIBLE");
			snprintf(b->message, sizeof(b->message), "and %zu more unmet criteria",
				 rep.overflow);
		}
	}
	free(buf);
	return 0;
}

/* The named escorts, checked like travellers on the day of the last leg:
 * a passport recorded and valid that day, an adult's birth date. */
struct escorts {
	struct cor_departure *d;
	struct cor_date day;
	bool oom;
};

static int on_escort(const struct cor_escort *e, void *ctx)
{
	struct escorts *x = ctx;
	struct cor_refusal why;
	const char *code = NULL;
	char msg[COR_MESSAGE_MAX];
	if (!e->passport[0]) {
		code = "DOCUMENT_MISSING";
		snprintf(msg, sizeof(msg), "escort %d %s %s has no passport recorded", e->no,
			 e->family_name, e->given_names);
	} else if (cor_escort_travel_check(e->birth_date, true, e->has_expiry, e->expires_on,
					   x->day, &why) < 0) {
		code = !strcmp(why.field, "expires_on") ? "DOCUMENT_EXPIRED" : "INVALID";
		snprintf(msg, sizeof(msg), "escort %d %s %s: %.300s", e->no, e->family_name,
			 e->given_names, why.msg);
	}
	if (!code)
		return 0;
	struct cor_departure_blocker *b = add(x->d);
	if (!b) {
		x->oom = true;
		return 1;
	}
	snprintf(b->who, sizeof(b->who), "escort %d", e->no);
	snprintf(b->criterion, sizeof(b->criterion), "ESCORT");
	snprintf(b->code, sizeof(b->code), "%s", code);
	snprintf(b->message, sizeof(b->message), "%s", msg);
	return 0;
}

/* The load against the movement's capacity, each broken constraint a
 * blocker of the movement. */
static int check_capacity(struct cor_ctx *cx, const struct cor_movement *m, struct cor_departure *d)
{
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	struct cor_plan_query q = {.movement = m->ref};
	struct cor_plan_load l;
	struct cor_error e;
	int err;
	if (!cfg)
		return COR_EIO;
	if (cor_time_parse_utc(cx->now, &q.now) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is not a UTC time", cx->now);
	memset(&l, 0, sizeof(l));
	if ((err = cor_svc_plan_load(cx->st, &q, cfg, &l)) < 0)
		return cor_ctx_store_error(cx, err);
	cor_error_clear(&e);
	if (l.in.nmovements == 1 && cor_movement_load_fit(&l.in, &e) < 0) {
		for (int i = 0; i < e.ncauses; i++) {
			struct cor_departure_blocker *b = add(d);
			if (!b) {
				cor_store_plan_release(&l);
				return no_memory(cx);
			}
			snprintf(b->who, sizeof(b->who), "%s", m->ref);
			snprintf(b->criterion, sizeof(b->criterion), "CAPACITY");
			snprintf(b->code, sizeof(b->code), "%s", cor_code_name(e.causes[i].code));
			snprintf(b->message, sizeof(b->message), "%s",
				 e.causes[i].message[0] ? e.causes[i].message : e.message);
		}
		if (e.ncauses == 0 && e.code == COR_CODE_NO_MEMORY) {
			cor_store_plan_release(&l);
			return no_memory(cx);
		}
	}
	cor_store_plan_release(&l);
	return 0;
}

int cor_departure_check(struct cor_ctx *cx, const struct cor_movement *m, struct cor_departure *out)
{
	struct collect c = {.m = m};
	int err;
	memset(out, 0, sizeof(*out));
	snprintf(out->movement, sizeof(out->movement), "%s", m->ref);
	snprintf(out->label, sizeof(out->label), "%s", m->label);
	if ((err = cor_store_booking_each(cx->st, m->ref, on_booking, &c)) < 0 && !c.oom) {
		free(c.b);
		return cor_ctx_store_error(cx, err);
	}
	if (c.oom) {
		free(c.b);
		return no_memory(cx);
	}
	for (size_t i = 0; i < c.n; i++) {
		struct evaluate ev = {.cx = cx, .d = out, .departs = c.b[i].departs};
		struct cor_date on = cor_date_from_days((int32_t)(c.b[i].departs / 86400));
		err = cor_store_facts_case(cx->st, c.b[i].ref, &on, on_facts, &ev);
		if (ev.err < 0 || err < 0) {
			free(c.b);
			cor_departure_release(out);
			return ev.err < 0 ? ev.err : cor_ctx_store_error(cx, err);
		}
	}
	free(c.b);
	struct escorts x = {
		.d = out,
		.day = cor_date_from_days((int32_t)(m->legs[m->nlegs - 1].departs / 86400))};
	if ((err = cor_store_movement_escort_each(cx->st, m->ref, on_escort, &x)) < 0 || x.oom) {
		cor_departure_release(out);
		return x.oom ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	if ((err = check_capacity(cx, m, out)) < 0) {
		cor_departure_release(out);
		return err;
	}
	return 0;
}

void cor_departure_release(struct cor_departure *d)
{
	free(d->blockers);
	d->blockers = NULL;
	d->n = d->cap = 0;
}

int cor_departure_refuse(struct cor_ctx *cx, const struct cor_departure *d, const char *doing)
{
	struct cor_error causes;
	cor_error_clear(&causes);
	for (size_t i = 0; i < d->n; i++) {
		const struct cor_departure_blocker *b = &d->blockers[i];
		cor_error_cause(&causes, COR_CODE_DEPARTURE_BLOCKED, b->who, "%s: %s: %s", b->who,
				b->code, b->message);
	}
	return cor_error_refuse(&cx->err, &causes, COR_CODE_DEPARTURE_BLOCKED, "movement", true,
				"movement '%s' (%s) cannot %s: the pre-departure check finds %zu "
				"blocker%s; resolve each, or take the case off the movement",
				d->movement, d->label, doing, d->n, d->n == 1 ? "" : "s");
}

json_t *cor_departure_json(const struct cor_departure *d)
{
	json_t *list = json_array();
	if (!list)
		return NULL;
	for (size_t i = 0; i < d->n; i++) {
		const struct cor_departure_blocker *b = &d->blockers[i];
		json_t *o = json_pack("{s:o, s:s, s:s, s:s, s:s}", "case",
				      b->case_ref[0] ? json_string(b->case_ref) : json_null(),
				      "who", b->who, "criterion", b->criterion, "code", b->code,
				      "message", b->message);
		if (!o || json_array_append_new(list, o) < 0) {
			json_decref(list);
			return NULL;
		}
	}
	return json_pack("{s:s, s:s, s:i, s:i, s:b, s:o}", "movement", d->movement, "label",
			 d->label, "cases", d->cases, "travellers", d->travellers, "clear",
			 d->n == 0, "blockers", list);
}

// SPDX-License-Identifier: Apache-2.0
// plan.run (see plan.h): one operation row for a dry run (read) and one for
// a run that writes, over the same function; and the planner's input, from
// the store's records under the rules in force: which cases are candidates
// and what each needs.
#include "service/plan.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/health.h"
#include "domain/movement.h"
#include "domain/priority.h"
#include "service/json.h"
#include "service/movement.h"
#include "store/store_plan.h"
#include "store/store_facts.h"
#include "util/error.h"
#include "util/tz.h"

static const char *const level_names[] = {"normal", "urgent", "emergency"};

/* ---- the planner's input ------------------------------------------------ */

/* A growing array. */
static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? 2 * *cap : 64;
	void *q = realloc(*p, c * size);
	if (!q)
		return COR_ENOMEM;
	*p = q;
	*cap = c;
	return 0;
}

struct loader {
	struct cor_store *st;
	const struct cor_plan_query *q;
	const struct cor_rules_config *cfg;
	struct cor_date today;
	struct cor_plan_load *l;
	size_t cap_cases, cap_skipped;
	struct cor_plan_held *held; /* the bookings on the loaded movements, by case */
	size_t nheld;
	bool all_avail;               /* avail holds every case's available day */
	struct cor_plan_avail *avail; /* by case id */
	size_t navail;
	bool all_located;                 /* located holds every case away from its office */
	struct cor_plan_located *located; /* by case id */
	size_t nlocated;
	struct cor_place_reach *reach_rows; /* every reach recorded, by location */
	size_t nreach_rows, cap_reach_rows;
	int err;
};

/* ---- where people are ------------------------------------------------- */

static int located_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct cor_plan_located *)a)->case_id,
		y = ((const struct cor_plan_located *)b)->case_id;
	return (x > y) - (x < y);
}

/* The code of where fc is: its location, else its office. */
static int location_of(struct loader *ld, const struct cor_facts_case *fc,
		       char out[COR_LOCATION_CODE_MAX + 1])
{
	out[0] = '\0';
	if (ld->all_located) {
		struct cor_plan_located key = {.case_id = fc->id};
		const struct cor_plan_located *p =
			ld->nlocated
				? bsearch(&key, ld->located, ld->nlocated, sizeof(key), located_cmp)
				: NULL;
		if (p)
			snprintf(out, COR_LOCATION_CODE_MAX + 1, "%s", p->location);
	} else {
		int err = cor_store_case_location(ld->st, fc->c.ref, out);
		if (err < 0)
			return err;
	}
	if (!out[0])
		snprintf(out, COR_LOCATION_CODE_MAX + 1, "%s", fc->c.office);
	return 0;
}

static int reach_row(const struct cor_place_reach *r, void *ctx)
{
	struct loader *ld = ctx;
	if (ld->nreach_rows == ld->cap_reach_rows) {
		size_t c = ld->cap_reach_rows ? 2 * ld->cap_reach_rows : 64;
		struct cor_place_reach *p = realloc(ld->reach_rows, c * sizeof(*p));
		if (!p)
			return COR_ENOMEM;
		ld->reach_rows = p;
		ld->cap_reach_rows = c;
	}
	ld->reach_rows[ld->nreach_rows++] = *r;
	return 0;
}

/* Every location's reach, one set a location (each with its name), from
 * the rows recorded: a location none reaches is not restricted. */
static int load_reach(struct loader *ld)
{
	struct cor_plan_load *l = ld->l;
	int err = cor_store_reach_each(ld->st, NULL, reach_row, ld);
	if (err < 0 || ld->nreach_rows == 0)
		return err;
	size_t n = ld->nreach_rows, sets = 0;
	for (size_t i = 0; i < n; i++)
		sets += i == 0 ||
			strcmp(ld->reach_rows[i].location, ld->reach_rows[i - 1].location);
	l->reaches = calloc(sets, sizeof(*l->reaches));
	l->reach_places = calloc(n, sizeof(*l->reach_places));
	if (!l->reaches || !l->reach_places)
		return COR_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct cor_place_reach *r = &ld->reach_rows[i];
		snprintf(l->reach_places[i], sizeof(l->reach_places[i]), "%s", r->place);
		if (i == 0 || strcmp(r->location, ld->reach_rows[i - 1].location)) {
			struct cor_plan_reach *s = &l->reaches[l->nreaches++];
			struct cor_location loc;
			snprintf(s->location, sizeof(s->location), "%s", r->location);
			if ((err = cor_store_location_get(ld->st, r->location, &loc)) == 0)
				snprintf(s->name, sizeof(s->name), "%s", loc.name);
			else if (err != COR_ENOTFOUND)
				return err;
			s->places = &l->reach_places[i];
		}
		l->reaches[l->nreaches - 1].nplaces++;
	}
	return 0;
}

static int reach_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cor_plan_reach *)elem)->location);
}

/* The reach of location code, NULL when none is recorded. */
static const struct cor_plan_reach *reach_of(const struct cor_plan_load *l, const char *code)
{
	return l->nreaches ? bsearch(code, l->reaches, l->nreaches, sizeof(*l->reaches), reach_cmp)
			   : NULL;
}

/* The SSR codes of fc's travellers, joined by commas. */
static void ssr_of(const struct cor_facts_case *fc, char *buf, size_t len)
{
	unsigned conds = 0;
	for (size_t i = 0; i < fc->f.n_travellers; i++)
		conds |= fc->persons[i].conditions;
	const char *codes[COR_HEALTH_SSR_MAX];
	int n = cor_health_ssr_codes(conds, codes);
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "," : "", codes[i]);
}

static int avail_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct cor_plan_avail *)a)->case_id,
		y = ((const struct cor_plan_avail *)b)->case_id;
	return (x > y) - (x < y);
}

/* The day case_id can travel from, 0 when none. */
static int available_from(struct loader *ld, int64_t case_id, int64_t *from)
{
	if (!ld->all_avail)
		return cor_store_plan_available(ld->st, case_id, from);
	struct cor_plan_avail key = {.case_id = case_id};
	const struct cor_plan_avail *a =
		ld->navail ? bsearch(&key, ld->avail, ld->navail, sizeof(key), avail_cmp) : NULL;
	*from = a ? a->from : 0;
	return 0;
}

static int held_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct cor_plan_held *)a)->case_id,
		y = ((const struct cor_plan_held *)b)->case_id;
	return (x > y) - (x < y);
}

/* The movement case_id holds a booking on, or -1. */
static int held_movement(const struct loader *ld, int64_t case_id)
{
	struct cor_plan_held key = {case_id, 0};
	const struct cor_plan_held *h =
		ld->nheld ? bsearch(&key, ld->held, ld->nheld, sizeof(key), held_cmp) : NULL;
	return h ? h->movement : -1;
}

static const struct cor_rule *rule_of(const struct cor_rules_config *cfg,
				      const struct cor_programme *p, enum cor_criterion c)
{
	const struct cor_programme_rules *pr = cor_rules_for(cfg, p);
	for (size_t i = 0; pr && i < pr->n_rules; i++)
		if (pr->rules[i].criterion == c)
			return &pr->rules[i];
	return NULL;
}

static void date_text(int64_t t, char *buf)
{
	char u[18];
	cor_time_format_utc(t, u);
	snprintf(buf, 18, "%.10s %.5s", u, u + 11);
}

/* The last moment every traveller of fc can depart, and why: for each, the
 * later of the ends of their accepted documents (the day after expiry, 0:00
 * UTC, less the programme's margin) and, where a fitness window applies,
 * their fitness check's time plus the window; the earliest over travellers. */
static void validity(const struct cor_rules_config *cfg, const struct cor_facts_case *fc,
		     struct cor_plan_case *pc)
{
	const struct cor_rule *doc = rule_of(cfg, fc->f.programme, COR_CRIT_TRAVEL_DOCUMENT);
	const struct cor_rule *fit = rule_of(cfg, fc->f.programme, COR_CRIT_FITNESS);
	char when[18];
	pc->valid_until = INT64_MAX;
	pc->valid_why[0] = '\0';
	for (size_t i = 0; i < fc->f.n_travellers; i++) {
		const struct cor_traveller_facts *t = &fc->f.travellers[i];
		if (doc) {
			int64_t best = INT64_MIN;
			int kind = 0;
			for (int d = 0; d < t->n_docs; d++) {
				const struct cor_doc_facts *df = &t->docs[d];
				if (!(doc->mask & (1u << df->kind)))
					continue;
				int64_t end = df->has_expiry
						      ? ((int64_t)cor_date_to_days(df->expires_on) +
							 1 - doc->margin_days[df->kind]) *
								86400
						      : INT64_MAX;
				if (end > best) {
					best = end;
					kind = df->kind;
				}
			}
			if (best != INT64_MIN && best < pc->valid_until) {
				pc->valid_until = best;
				date_text(best, when);
				snprintf(pc->valid_why, sizeof(pc->valid_why),
					 "the %s of %s is valid for travel until %.10s",
					 cor_doc_kind_name((enum cor_doc_kind)kind), t->ref, when);
			}
		}
		if (fit && t->fitness != COR_FITNESS_NONE) {
			int minute = t->fitness_minute == COR_TIME_UNKNOWN ? 0 : t->fitness_minute;
			int64_t end = (int64_t)cor_date_to_days(t->fitness_on) * 86400 +
				      minute * 60 + (int64_t)fit->value * 3600;
			if (end < pc->valid_until) {
				pc->valid_until = end;
				date_text(end, when);
				snprintf(pc->valid_why, sizeof(pc->valid_why),
					 "the fitness to travel of %s ends %s UTC", t->ref, when);
			}
		}
	}
}

/* Add fc as a candidate (fixed: the index of the movement it is kept on, or
 * -1): travellers take a seat each; stretcher, WCHC and WCHS places for
 * those whose latest fitness check has that condition; medical: those with
 * medical_escort, oxygen or a stretcher; the priority engine's deadline day,
 * to its end; the case's available day. */
static int add_case(struct loader *ld, const struct cor_facts_case *fc, int fixed)
{
	struct cor_plan_load *l = ld->l;
	size_t cap_ids = ld->cap_cases;
	int err;
	if ((err = grow((void **)&l->cases, &ld->cap_cases, l->in.ncases, sizeof(*l->cases))) < 0)
		return err;
	if (ld->cap_cases != cap_ids) {
		int64_t *ids = realloc(l->case_ids, ld->cap_cases * sizeof(*ids));
		if (!ids)
			return COR_ENOMEM;
		l->case_ids = ids;
		bool *b = realloc(l->booked, ld->cap_cases * sizeof(*b));
		if (!b)
			return COR_ENOMEM;
		l->booked = b;
		int *h = realloc(l->held, ld->cap_cases * sizeof(*h));
		if (!h)
			return COR_ENOMEM;
		l->held = h;
		char(*ssr)[40] = realloc(l->ssr, ld->cap_cases * sizeof(*ssr));
		if (!ssr)
			return COR_ENOMEM;
		l->ssr = ssr;
	}
	struct cor_plan_case *pc = &l->cases[l->in.ncases];
	memset(pc, 0, sizeof(*pc));
	snprintf(pc->ref, sizeof(pc->ref), "%s", fc->c.ref);
	snprintf(pc->office, sizeof(pc->office), "%s", fc->c.office);
	memcpy(pc->origin, fc->c.origin, 4);
	memcpy(pc->destination, fc->c.destination, 4);
	pc->need[COR_RES_SEATS] = (int)fc->f.n_travellers;
	for (size_t i = 0; i < fc->f.n_travellers; i++) {
		unsigned c = fc->persons[i].conditions;
		if (c & COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER))
			pc->need[COR_RES_STRETCHERS]++;
		if (c & COR_HEALTH_COND_BIT(COR_HEALTH_WCHC))
			pc->need[COR_RES_WCHC]++;
		if (c & COR_HEALTH_COND_BIT(COR_HEALTH_WCHS))
			pc->need[COR_RES_WCHS]++;
		if (c & (COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT) |
			 COR_HEALTH_COND_BIT(COR_HEALTH_OXYGEN) |
			 COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER)))
			pc->medical++;
	}
	struct cor_priority_rec rec;
	pc->level = (int)fc->f.priority;
	if (cor_priority_compute(ld->cfg, &fc->f, &rec) == 0)
		pc->deadline = ((int64_t)rec.deadline + 1) * 86400 - 1;
	else
		pc->deadline = INT64_MAX;
	if ((err = available_from(ld, fc->id, &pc->available_from)) < 0)
		return err;
	validity(ld->cfg, fc, pc);
	pc->fixed = fixed;
	/* Where it boards: a place its location reaches. A booking kept on a
	 * movement its location no longer reaches (moved since, or the reach
	 * changed) stays as it was made. */
	char loc[COR_LOCATION_CODE_MAX + 1];
	int k1, k2;
	if ((err = location_of(ld, fc, loc)) < 0)
		return err;
	pc->reach = reach_of(l, loc);
	if (fixed >= 0 && !cor_plan_journey(&l->movements[fixed], pc, &k1, &k2))
		pc->reach = NULL;
	/* Nobody unsafe leaves: in a plan, a booking is not kept when its case
	 * may no longer travel on it (a fitness check or a document runs out
	 * before the leg it boards, under the rules in force): the planner
	 * places the case again where it may go, or takes it off. A load of
	 * one movement (its capacity, a booking by hand) counts every booking
	 * as it is. */
	if (fixed >= 0 && !ld->q->movement &&
	    (!cor_plan_journey(&l->movements[fixed], pc, &k1, &k2) ||
	     l->movements[fixed].legs[k1].departs > pc->valid_until ||
	     l->movements[fixed].legs[k1].departs < pc->available_from))
		pc->fixed = -1;
	l->case_ids[l->in.ncases] = fc->id;
	l->held[l->in.ncases] = held_movement(ld, fc->id);
	ssr_of(fc, l->ssr[l->in.ncases], sizeof(l->ssr[0]));
	l->booked[l->in.ncases] = fixed >= 0 || held_movement(ld, fc->id) >= 0;
	l->in.ncases++;
	return 0;
}

static int skip_case(struct loader *ld, const struct cor_facts_case *fc, const char *why)
{
	struct cor_plan_load *l = ld->l;
	int err = grow((void **)&l->skipped, &ld->cap_skipped, l->nskipped, sizeof(*l->skipped));
	if (err < 0)
		return err;
	struct cor_plan_skip *k = &l->skipped[l->nskipped++];
	snprintf(k->ref, sizeof(k->ref), "%s", fc->c.ref);
	k->persons = (int)fc->f.n_travellers;
	snprintf(k->why, sizeof(k->why), "%s", why);
	return 0;
}

/* Is fc eligible today? If not, why: its unmet codes. */
static bool eligible(struct loader *ld, const struct cor_facts_case *fc, char *why, size_t len)
{
	struct cor_unmet buf[64];
	struct cor_eligibility r;
	cor_eligibility_init(&r, buf, 64);
	if (cor_eligibility_evaluate(ld->cfg, &fc->f, ld->today, &r) < 0) {
		snprintf(why, len, "not eligible: its programme has no rules");
		return false;
	}
	if (cor_eligibility_is_met(&r))
		return true;
	size_t used = (size_t)snprintf(why, len, "not eligible:");
	for (size_t i = 0; i < r.n && used < len; i++) {
		const char *code = cor_unmet_code_name(r.unmet[i].code);
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= r.unmet[j].code == r.unmet[i].code;
		if (!seen)
			used += (size_t)snprintf(why + used, len - used, "%s %s", i ? "," : "",
						 code);
	}
	return false;
}

/* Which cases are candidates: a travel-ready case eligible today (else it
 * is listed as skipped, with why); a case booked on a loaded movement, kept
 * on it unless replanning an eligible one; the case being checked, whatever
 * its state. */
static int on_case(const struct cor_facts_case *fc, void *ctx)
{
	struct loader *ld = ctx;
	char why[160];
	int m = held_movement(ld, fc->id);
	bool is_with = ld->q->with_case && !strcmp(fc->c.ref, ld->q->with_case);
	if (!strcmp(fc->c.state, "booked")) {
		if (m < 0)
			return 0; /* booked on a movement outside the plan */
		bool ok = eligible(ld, fc, why, sizeof(why));
		if (ld->q->replan && ok)
			return ld->err = add_case(ld, fc, -1);
		if (ok || ld->q->movement)
			return ld->err = add_case(ld, fc, m);
		/* Booked, and no longer eligible today (the rules changed): a
		 * plan takes it off, and says why. */
		if ((ld->err = add_case(ld, fc, -1)) == 0) {
			struct cor_plan_case *pc = &ld->l->cases[ld->l->in.ncases - 1];
			pc->valid_until = INT64_MIN;
			snprintf(pc->valid_why, sizeof(pc->valid_why), "%.95s", why);
		}
		return ld->err;
	}
	if (strcmp(fc->c.state, "travel_ready") && !is_with)
		return 0;
	if (!eligible(ld, fc, why, sizeof(why)))
		return ld->err = skip_case(ld, fc, why);
	return ld->err = add_case(ld, fc, -1);
}

static int load_cases(struct loader *ld)
{
	int err;
	if (ld->q->movement) {
		/* One movement: its booked cases, and the case being checked. */
		char(*refs)[32] = NULL;
		size_t n = 0;
		err = cor_store_plan_booked(ld->st, ld->q->movement, &refs, &n);
		for (size_t i = 0; err == 0 && i < n; i++)
			if ((err = cor_store_facts_case(ld->st, refs[i], NULL, on_case, ld)) == 0)
				err = ld->err;
		free(refs);
		if (err == 0 && ld->q->with_case &&
		    (err = cor_store_facts_case(ld->st, ld->q->with_case, NULL, on_case, ld)) == 0)
			err = ld->err;
		return err;
	}
	struct cor_facts_query fq = {.state = "travel_ready"};
	if ((err = cor_store_facts_each(ld->st, &fq, on_case, ld)) < 0 || (err = ld->err) < 0)
		return err;
	if (ld->nheld == 0)
		return 0;
	fq.state = "booked";
	if ((err = cor_store_facts_each(ld->st, &fq, on_case, ld)) < 0)
		return err;
	return ld->err;
}

int cor_svc_plan_load(struct cor_store *st, const struct cor_plan_query *q,
		      const struct cor_rules_config *cfg, struct cor_plan_load *out)
{
	struct loader ld = {.st = st, .q = q, .cfg = cfg, .l = out};
	memset(out, 0, sizeof(*out));
	ld.today = cor_date_from_days((int32_t)(q->now / 86400));
	cor_plan_config_default(&out->in.cfg);
	out->in.cfg.horizon_start = q->now;
	int err = cor_store_plan_movements(st, q, out);
	/* Escorts already named hold their seats on every leg, and each named
	 * medical escort covers escort_ratio medical travellers: the planner
	 * adds escorts only beyond those. */
	for (size_t i = 0; err == 0 && i < out->in.nmovements; i++) {
		struct cor_plan_movement *m = &out->movements[i];
		struct cor_plan_leg *legs = (struct cor_plan_leg *)m->legs;
		int named = out->named[i];
		m->escorts_named = out->named_medical[i];
		m->escort_seats = m->escort_seats > named ? m->escort_seats - named : 0;
		for (int k = 0; k < m->nlegs; k++)
			legs[k].cap[COR_RES_SEATS] = legs[k].cap[COR_RES_SEATS] > named
							     ? legs[k].cap[COR_RES_SEATS] - named
							     : 0;
	}
	if (err == 0)
		err = cor_store_plan_held(st, out, &ld.held, &ld.nheld);
	/* Over the horizon every candidate's available day is needed: one read
	 * of them all rather than one a case. */
	if (err == 0 && !q->movement &&
	    (err = cor_store_plan_available_all(st, &ld.avail, &ld.navail)) == 0)
		ld.all_avail = true;
	if (err == 0 && !q->movement &&
	    (err = cor_store_plan_located_all(st, &ld.located, &ld.nlocated)) == 0)
		ld.all_located = true;
	if (err == 0)
		err = load_reach(&ld);
	if (err == 0)
		err = load_cases(&ld);
	free(ld.held);
	free(ld.avail);
	free(ld.located);
	free(ld.reach_rows);
	if (err < 0) {
		cor_store_plan_release(out);
		return err;
	}
	out->in.cases = out->cases;
	out->in.movements = out->movements;
	out->in.quotas = out->quotas;
	return 0;
}

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
	if ((err = cor_svc_plan_load(cx->st, &q, cfg, &out->load)) < 0)
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
	/* Where each case placed boards and leaves its movement. */
	const struct cor_plan_load *l = &out->load;
	struct cor_plan_places *places = calloc(l->in.ncases + 1, sizeof(*places));
	if (!places)
		return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
	for (size_t i = 0; i < l->in.ncases; i++) {
		int m = out->res.movement[i], b, a;
		if (m < 0)
			continue;
		if (cor_booking_journey(&l->cases[i], &l->movements[m], &b, &a) < 0) {
			free(places);
			return cor_error_set(&cx->err, COR_CODE_INVALID, NULL,
					     "the plan puts case '%s' on movement '%s', which does "
					     "not take it",
					     l->cases[i].ref, l->movements[m].ref);
		}
		snprintf(places[i].board, sizeof(places[i].board), "%s",
			 l->movements[m].legs[b].from);
		snprintf(places[i].alight, sizeof(places[i].alight), "%s",
			 l->movements[m].legs[a].to);
	}
	err = cor_store_plan_write(cx->st, l, &out->res, places, cx->actor, &out->done);
	if (err < 0) {
		free(places);
		return cor_ctx_store_error(cx, err);
	}
	/* The cases' moves, with every rule of case.move: the new bookings'
	 * cases into booked, those a replan left out back to travel_ready. */
	for (size_t i = 0; err == 0 && i < l->in.ncases; i++) {
		int m = out->res.movement[i];
		char why[200];
		if (!l->booked[i] && m >= 0) {
			cor_svc_booking_reason(l->movements[m].label, l->movements[m].ref,
					       places[i].board, places[i].alight, "planned", why,
					       sizeof(why));
			err = cor_svc_movement_case_move(cx, l->cases[i].ref, "booked", why);
		} else if (l->booked[i] && m < 0) {
			snprintf(why, sizeof(why), "replanned: %s",
				 out->res.reason[i][0] ? out->res.reason[i] : "left out");
			if ((err = cor_svc_movement_case_move(cx, l->cases[i].ref, "travel_ready",
							      why)) == 0)
				out->done.unbooked++;
		}
	}
	free(places);
	return err;
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

enum cor_plan_change cor_svc_plan_change(const struct cor_svc_plan_out *out, size_t i,
					 char board[COR_PLAN_PLACE_MAX + 1], int *from)
{
	const struct cor_plan_load *l = &out->load;
	int m = out->res.movement[i], held = l->held ? l->held[i] : -1, k1, k2;
	board[0] = '\0';
	*from = held;
	if (m >= 0 && cor_plan_journey(&l->movements[m], &l->cases[i], &k1, &k2))
		snprintf(board, COR_PLAN_PLACE_MAX + 1, "%s", l->movements[m].legs[k1].from);
	if (m < 0)
		return held >= 0 ? COR_PLAN_REMOVED : COR_PLAN_NONE;
	if (held < 0)
		return COR_PLAN_ADDED;
	return held == m ? COR_PLAN_KEPT : COR_PLAN_MOVED;
}

const char *cor_svc_plan_change_name(enum cor_plan_change c)
{
	static const char *const names[] = {"", "added", "kept", "moved", "removed"};
	return (unsigned)c < sizeof(names) / sizeof(names[0]) ? names[c] : "";
}

/* "WCHC,MEDA" as ["WCHC","MEDA"]. */
static json_t *ssr_json(const char *codes)
{
	json_t *a = json_array();
	char buf[40];
	snprintf(buf, sizeof(buf), "%s", codes);
	char *save = NULL;
	for (char *t = strtok_r(buf, ",", &save); a && t; t = strtok_r(NULL, ",", &save))
		json_array_append_new(a, json_string(t));
	return a;
}

json_t *cor_svc_plan_json(const struct cor_svc_plan_out *out)
{
	const struct cor_plan_load *l = &out->load;
	const struct cor_plan_result *res = &out->res;
	char t[18];
	long kept = 0, persons = 0;
	json_t *mvs = json_array(), *left = json_array(), *skipped = json_array(),
	       *removed = json_array();
	json_t **cases = calloc(l->in.nmovements + 1, sizeof(*cases));
	json_t **travellers = calloc(l->in.nmovements + 1, sizeof(*travellers));
	long *mpersons = calloc(l->in.nmovements + 1, sizeof(*mpersons));
	if (!mvs || !left || !skipped || !removed || !cases || !travellers || !mpersons)
		goto fail;
	for (size_t m = 0; m < l->in.nmovements; m++) {
		cases[m] = json_array();
		travellers[m] = json_array();
	}
	for (size_t i = 0; i < l->in.ncases; i++) {
		const struct cor_plan_case *c = &l->cases[i];
		int m = res->movement[i], from;
		char board[COR_PLAN_PLACE_MAX + 1];
		enum cor_plan_change ch = cor_svc_plan_change(out, i, board, &from);
		kept += l->booked[i] && !out->replan;
		persons += c->need[COR_RES_SEATS];
		if (m >= 0) {
			json_array_append_new(cases[m], json_string(c->ref));
			json_array_append_new(
				travellers[m],
				json_pack("{s:s, s:i, s:s, s:o, s:s, s:o}", "case", c->ref,
					  "persons", c->need[COR_RES_SEATS], "board", board, "ssr",
					  ssr_json(l->ssr ? l->ssr[i] : ""), "change",
					  cor_svc_plan_change_name(ch), "from",
					  ch == COR_PLAN_MOVED ? json_string(l->movements[from].ref)
							       : json_null()));
			mpersons[m] += c->need[COR_RES_SEATS];
			continue;
		}
		if (ch == COR_PLAN_REMOVED)
			json_array_append_new(removed,
					      json_pack("{s:s, s:i, s:s, s:s, s:s}", "case", c->ref,
							"persons", c->need[COR_RES_SEATS], "from",
							l->movements[from].ref, "why",
							cor_plan_why_code(res->why[i]), "reason",
							res->reason[i]));
		json_array_append_new(
			left,
			json_pack("{s:s, s:i, s:s, s:s, s:s}", "case", c->ref, "persons",
				  c->need[COR_RES_SEATS], "level",
				  level_names[c->level >= 0 && c->level < 3 ? c->level : 0], "why",
				  cor_plan_why_code(res->why[i]), "reason", res->reason[i]));
	}
	for (size_t m = 0; m < l->in.nmovements; m++) {
		const struct cor_plan_movement *mv = &l->movements[m];
		json_array_append_new(mvs, json_pack("{s:s, s:s, s:s, s:i, s:I, s:o, s:o}", "ref",
						     mv->ref, "label", mv->label, "departs",
						     cor_time_format_utc(mv->legs[0].departs, t),
						     "escorts", res->escorts[m], "persons",
						     (json_int_t)mpersons[m], "cases", cases[m],
						     "travellers", travellers[m]));
		cases[m] = NULL;
		travellers[m] = NULL;
	}
	for (size_t i = 0; i < l->nskipped; i++)
		json_array_append_new(
			skipped, json_pack("{s:s, s:i, s:s}", "case", l->skipped[i].ref, "persons",
					   l->skipped[i].persons, "why", l->skipped[i].why));
	free(cases);
	free(travellers);
	free(mpersons);
	json_t *written =
		out->dry_run ? json_null()
			     : json_pack("{s:i, s:i, s:i}", "booked", out->done.booked, "moved",
					 out->done.moved, "unbooked", out->done.unbooked);
	return json_pack(
		"{s:s, s:i, s:b, s:b, s:{s:I, s:I, s:I}, s:{s:I, s:I, s:I}, s:I, s:I, s:f, s:b, "
		"s:b, s:f, s:o, s:o, s:o, s:o, s:o}",
		"now", cor_time_format_utc(out->now, t), "horizon_days", out->horizon_days,
		"replan", out->replan, "dry_run", out->dry_run, "candidates", "cases",
		(json_int_t)l->in.ncases, "persons", (json_int_t)persons, "kept", (json_int_t)kept,
		"placed", "cases", (json_int_t)res->cases, "persons", (json_int_t)res->persons,
		"weighted_persons", (json_int_t)res->weighted_persons, "value",
		(json_int_t)res->value, "bound", (json_int_t)res->bound, "gap", res->gap, "optimal",
		res->optimal, "timed_out", res->timed_out, "seconds", res->seconds, "movements",
		mvs, "removed", removed, "left_out", left, "not_eligible", skipped, "written",
		written);
fail:
	for (size_t m = 0; m < l->in.nmovements; m++) {
		if (cases)
			json_decref(cases[m]);
		if (travellers)
			json_decref(travellers[m]);
	}
	free(cases);
	free(travellers);
	free(mpersons);
	json_decref(removed);
	json_decref(mvs);
	json_decref(left);
	json_decref(skipped);
	return NULL;
}

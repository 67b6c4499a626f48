// SPDX-License-Identifier: Apache-2.0
// Why a case was left out, as a sentence a movement officer can act on.
//
// A case with no option at all is out for its route or its dates: no
// movement from its origin to its destination; or all of them leave before
// it is available; or the first one after that leaves once its validity
// has ended. A case with options is out because each option is blocked in
// the final plan; each option's blocking constraint is the most specific
// one that fails, in this order: a stretcher, WCHC or WCHS place; an escort
// seat; its office's quota; seats. The sentence names the most specific
// kind first, with its movements, then the others while the sentence fits.
// Everything is read from the plan and the input in order, so reasons are
// as deterministic as the plan.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "plan/plan_int.h"

#define R COR_RES__N

struct sbuf {
	char *p;
	size_t len, cap;
};

static void put(struct sbuf *b, const char *fmt, ...)
{
	if (b->len + 1 >= b->cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->len += (size_t)n;
	if (b->len >= b->cap) {
		b->len = b->cap - 1;
		/* A cut sentence ends visibly rather than mid-word. */
		if (b->cap > 4)
			memcpy(b->p + b->cap - 4, "...", 4);
	}
}

static const char *label(const struct cor_plan_movement *mv)
{
	return mv->label[0] ? mv->label : mv->ref;
}

static const char *const res_one[R] = {"seat", "stretcher position", "WCHC place", "WCHS place"};
static const char *const res_many[R] = {"seats", "stretcher positions", "WCHC places",
					"WCHS places"};

/* ---- Cases with no option ---------------------------------------------- */

static void no_option(const struct plan_model *md, size_t i, struct cor_plan_result *res)
{
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	struct sbuf b = {res->reason[i], 0, COR_PLAN_REASON_MAX};
	int64_t first = INT64_MAX, last = INT64_MIN, after = INT64_MAX;
	size_t m_last = 0, m_after = 0;
	int64_t h0 = INT64_MAX, h1 = INT64_MIN;
	bool route = false, country = false;
	size_t m_country = 0;
	for (size_t m = 0; m < md->nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		int k1, k2;
		if (mv->legs[0].departs < h0)
			h0 = mv->legs[0].departs;
		if (mv->legs[0].departs > h1)
			h1 = mv->legs[0].departs;
		if (!plan_journey(mv, c->origin, c->destination, &k1, &k2))
			continue;
		if (!country)
			m_country = m;
		country = true;
		if (!cor_plan_journey(mv, c, &k1, &k2))
			continue;
		int64_t dep = mv->legs[k1].departs;
		route = true;
		if (dep < first)
			first = dep;
		if (dep > last) {
			last = dep;
			m_last = m;
		}
		if (dep >= c->available_from && dep < after) {
			after = dep;
			m_after = m;
		}
	}
	char d1[COR_DATE_LEN], d2[COR_DATE_LEN];
	if (!route && country) {
		/* Movements go there, but none boards where it can get to. */
		const struct cor_plan_movement *mv = &in->movements[m_country];
		int k1, k2;
		plan_journey(mv, c->origin, c->destination, &k1, &k2);
		res->why[i] = COR_WHY_NO_REACH;
		put(&b,
		    "at %s (%s): no movement from %s to %s boards where it can get to (%s "
		    "boards at %s)",
		    c->reach->name[0] ? c->reach->name : c->reach->location, c->reach->location,
		    c->origin, c->destination, label(mv), mv->legs[k1].from);
		return;
	}
	if (!route) {
		res->why[i] = COR_WHY_NO_ROUTE;
		if (md->nm == 0) {
			put(&b, "no movement is planned");
			return;
		}
		plan_fmt_date(h0, d1);
		plan_fmt_date(h1, d2);
		if (!strcmp(d1, d2))
			put(&b, "no movement goes from %s to %s on %s, the one day planned",
			    c->origin, c->destination, d1);
		else
			put(&b, "no movement goes from %s to %s between %s and %s", c->origin,
			    c->destination, d1, d2);
		return;
	}
	if (after == INT64_MAX) {
		res->why[i] = COR_WHY_NOT_YET;
		plan_fmt_date(c->available_from, d1);
		plan_fmt_date(last, d2);
		put(&b, "available from %s, after the last movement from %s to %s (%s, %s)", d1,
		    c->origin, c->destination, label(&in->movements[m_last]), d2);
		return;
	}
	res->why[i] = COR_WHY_EXPIRES;
	plan_fmt_date(after, d2);
	if (c->valid_until == INT64_MIN && c->valid_why[0]) {
		/* No longer eligible at all (a kept booking): no movement would do. */
		put(&b, "%s", c->valid_why);
	} else if (c->valid_why[0]) {
		put(&b, "%s, before any movement to %s departs (the first, %s, on %s)",
		    c->valid_why, c->destination, label(&in->movements[m_after]), d2);
	} else {
		plan_fmt_date(c->valid_until, d1);
		put(&b,
		    "travel validity ends %s, before any movement to %s departs (the first, %s, on "
		    "%s)",
		    d1, c->destination, label(&in->movements[m_after]), d2);
	}
}

/* ---- Cases whose options are all blocked -------------------------------- */

enum block { B_NONE, B_SPECIAL, B_ESCORT, B_QUOTA, B_SEATS };

struct blocked {
	enum block kind;
	int res;    /* B_SPECIAL: the resource */
	int leg;    /* the leg (index in the movement) that is short */
	int free;   /* what is left there */
	bool never; /* B_SEATS: the leg is too small even when empty */
};

static struct blocked why_blocked(const struct plan_state *st, size_t i, size_t o)
{
	const struct plan_model *md = st->md;
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	const struct plan_opt *op = &md->opt[o];
	const struct cor_plan_movement *mv = &in->movements[op->m];
	size_t base = md->leg0[op->m];
	struct blocked b = {B_NONE, 0, op->k1, 0, false};
	for (int r = 1; r < R; r++) {
		if (!c->need[r])
			continue;
		for (int k = op->k1; k <= op->k2; k++) {
			size_t row = (base + (size_t)k) * R + (size_t)r;
			int left = md->cap[row] - st->used[row];
			if (left < c->need[r])
				return (struct blocked){B_SPECIAL, r, k, left, false};
		}
	}
	int esc = st->escorts[op->m], more = 0;
	if (c->medical) {
		int need = plan_escorts_needed(in, (size_t)op->m, st->medical[op->m] + c->medical);
		if (need > mv->escort_seats)
			return (struct blocked){B_ESCORT, 0, op->k1, mv->escort_seats - esc, false};
		more = need - esc;
	}
	if (op->quota >= 0) {
		const struct cor_plan_quota *q = &in->quotas[op->quota];
		if (st->qused[op->quota] + c->need[0] > q->seats)
			return (struct blocked){B_QUOTA, 0, op->k1, q->seats - st->qused[op->quota],
						false};
	}
	for (int k = 0; k < mv->nlegs; k++) {
		size_t row = (base + (size_t)k) * R;
		bool on = k >= op->k1 && k <= op->k2;
		int mine = on ? c->need[0] : 0;
		int left = md->cap[row] - st->used[row] - esc;
		if (left >= mine + more)
			continue;
		if (left >= mine) /* the travellers fit, their new escort does not */
			return (struct blocked){B_ESCORT, 0, k, 0, false};
		b = (struct blocked){B_SEATS, 0, k, left, md->cap[row] < mine};
		return b;
	}
	return b;
}

static void movement_name(struct sbuf *b, const struct cor_plan_movement *mv, int leg)
{
	if (mv->nlegs > 1)
		put(b, "%s %s-%s", label(mv), mv->legs[leg].from, mv->legs[leg].to);
	else
		put(b, "%s", label(mv));
}

/* "A", "A and B", "A, B and C", "A, B, C and 2 more" over the options of
 * case i blocked as kind (and resource). */
static void name_list(struct sbuf *b, const struct plan_model *md, size_t i,
		      const struct blocked *bl, enum block kind, int res)
{
	size_t total = 0, shown = 0;
	for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
		total += bl[o - md->ofs[i]].kind == kind && bl[o - md->ofs[i]].res == res;
	for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
		const struct blocked *x = &bl[o - md->ofs[i]];
		if (x->kind != kind || x->res != res)
			continue;
		if (shown == 3) {
			put(b, " and %zu more", total - shown);
			return;
		}
		if (shown)
			put(b, shown + 1 == total ? " and " : ", ");
		movement_name(b, &md->in->movements[md->opt[o].m], x->leg);
		shown++;
	}
}

static void sentence(struct sbuf *b, const struct plan_model *md, size_t i,
		     const struct blocked *bl, enum block kind, int res)
{
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	size_t first = md->ofs[i];
	while (bl[first - md->ofs[i]].kind != kind || bl[first - md->ofs[i]].res != res)
		first++;
	const struct blocked *x = &bl[first - md->ofs[i]];
	switch (kind) {
	case B_SPECIAL:
		if (c->need[res] == 1)
			put(b, "needs a %s, none free on ", res_one[res]);
		else
			put(b, "needs %d %s, fewer free on ", c->need[res], res_many[res]);
		name_list(b, md, i, bl, kind, res);
		break;
	case B_ESCORT:
		put(b, "needs a medical escort, no escort seat left on ");
		name_list(b, md, i, bl, kind, res);
		break;
	case B_QUOTA: {
		const struct plan_opt *op = &md->opt[first];
		const struct cor_plan_quota *q = &in->quotas[op->quota];
		size_t n = 0;
		for (size_t k = 0; k < md->ofs[i + 1] - md->ofs[i]; k++)
			n += bl[k].kind == B_QUOTA;
		if (n == 1) {
			put(b, "the %s quota of %d seats on ", q->office, q->seats);
			movement_name(b, &in->movements[op->m], x->leg);
			put(b, " is used");
		} else {
			put(b, "the %s quotas on ", q->office);
			name_list(b, md, i, bl, kind, res);
			put(b, " are used");
		}
		break;
	}
	case B_SEATS: {
		bool never = true;
		for (size_t k = 0; k < md->ofs[i + 1] - md->ofs[i]; k++)
			if (bl[k].kind == B_SEATS)
				never &= bl[k].never;
		if (never) {
			put(b, "needs %d seats, more than ", c->need[0]);
			name_list(b, md, i, bl, kind, res);
			put(b, " can carry");
		} else {
			put(b, "seats on ");
			name_list(b, md, i, bl, kind, res);
			put(b, " went to cases of higher or equal priority");
		}
		break;
	}
	case B_NONE:
		break;
	}
}

static void blocked_case(const struct plan_model *md, const struct plan_state *st, size_t i,
			 struct blocked *bl, struct cor_plan_result *res)
{
	static const enum cor_plan_why why_of[] = {COR_WHY_SEATS_FULL, COR_WHY_SPECIAL_FULL,
						   COR_WHY_ESCORT_FULL, COR_WHY_QUOTA,
						   COR_WHY_SEATS_FULL};
	struct sbuf b = {res->reason[i], 0, COR_PLAN_REASON_MAX};
	size_t n = md->ofs[i + 1] - md->ofs[i];
	for (size_t k = 0; k < n; k++) {
		bl[k] = why_blocked(st, i, md->ofs[i] + k);
		/* An option still open means the plan chose not to use it: its
		 * seats went, in the plan's judgement, to better use. */
		if (bl[k].kind == B_NONE)
			bl[k].kind = B_SEATS;
	}
	bool primary = true;
	for (enum block kind = B_SPECIAL; kind <= B_SEATS; kind++)
		for (int r = 0; r < R; r++) {
			bool any = false;
			for (size_t k = 0; k < n; k++)
				any |= bl[k].kind == kind && bl[k].res == r;
			if (!any)
				continue;
			if (primary)
				res->why[i] = why_of[kind];
			else
				put(&b, "; ");
			sentence(&b, md, i, bl, kind, r);
			primary = false;
		}
}

void plan_reasons(const struct plan_model *md, const struct plan_state *st,
		  struct cor_plan_result *res)
{
	size_t most = 0;
	for (size_t i = 0; i < md->n; i++)
		if (md->ofs[i + 1] - md->ofs[i] > most)
			most = md->ofs[i + 1] - md->ofs[i];
	struct blocked one[16], *bl = most <= 16 ? one : malloc(most * sizeof(*bl));
	for (size_t i = 0; i < md->n; i++) {
		res->reason[i][0] = '\0';
		res->why[i] = COR_WHY_PLACED;
		if (st->at[i] >= 0)
			continue;
		if (md->ofs[i] == md->ofs[i + 1])
			no_option(md, i, res);
		else if (bl)
			blocked_case(md, st, i, bl, res);
		else
			res->why[i] =
				COR_WHY_SEATS_FULL; /* out of memory: the kind without words */
	}
	if (bl != one)
		free(bl);
}

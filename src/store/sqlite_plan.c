// SPDX-License-Identifier: Apache-2.0
// The planner's input from the store and the plan written back as bookings
// (store_plan.h says what is derived from which record). Cases come through
// the facts loader (store_facts.h), so the planner sees exactly the records
// eligibility and the queue see.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/health.h"
#include "domain/priority.h"
#include "store/store_facts.h"
#include "store/store_movement.h"
#include "store/store_plan.h"
#include "store/store_sqlite_int.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "util/tz.h"

int cor_sqlite_book(struct cor_store *st, int64_t case_id, const char *case_ref,
		    int64_t movement_id, const struct cor_movement *m, const char *board,
		    const char *alight, const char *actor, const char *reason);

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

/* ---- movements --------------------------------------------------------- */

struct loader {
	struct cor_store *st;
	const struct cor_plan_query *q;
	const struct cor_rules_config *cfg;
	struct cor_date today;
	struct cor_plan_load *l;
	size_t cap_cases, cap_movements, cap_legs, cap_quotas, cap_skipped;
	/* The active bookings on the loaded movements: case id -> movement. */
	struct held {
		int64_t case_id;
		int movement;
	} * held;
	size_t nheld, cap_held;
	int err;
};

static int load_movements(struct loader *ld)
{
	static const char sql[] =
		"SELECT m.id, m.ref, m.label, m.escort_seats FROM movement m"
		" WHERE (?1 IS NULL AND m.state = 'open' AND m.departs >= ?2 AND m.departs < ?3)"
		"    OR (m.ref = ?1 AND m.state <> 'cancelled')"
		" ORDER BY m.departs, m.ref";
	static const char sql_legs[] =
		"SELECT l.origin, l.destination, a.country, b.country, l.departs, l.arrives, "
		"l.seats,"
		" l.stretchers, l.wchc, l.wchs FROM leg l JOIN place a ON a.code = l.origin"
		" JOIN place b ON b.code = l.destination WHERE l.movement_id = ?1 ORDER BY l.seq";
	static const char sql_quotas[] =
		"SELECT o.code, q.seats FROM movement_quota q JOIN office o ON o.id = q.office_id"
		" WHERE q.movement_id = ?1 ORDER BY o.code";
	struct cor_store *st = ld->st;
	struct cor_plan_load *l = ld->l;
	char t1[18], t2[18];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading movements");
	cor_sqlite_bind_opt(s, 1, ld->q->movement);
	cor_sqlite_bind_text(s, 2, cor_time_format_utc(ld->q->now, t1));
	cor_sqlite_bind_text(s, 3, cor_time_format_utc(ld->q->now + ld->q->horizon, t2));
	size_t cap_ids = 0;
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((err = grow((void **)&l->movements, &ld->cap_movements, l->in.nmovements,
				sizeof(*l->movements))) < 0 ||
		    (err = grow((void **)&l->movement_ids, &cap_ids, l->in.nmovements,
				sizeof(*l->movement_ids))) < 0)
			break;
		struct cor_plan_movement *m = &l->movements[l->in.nmovements];
		memset(m, 0, sizeof(*m));
		l->movement_ids[l->in.nmovements++] = sqlite3_column_int64(s, 0);
		cor_sqlite_copy_col(m->ref, sizeof(m->ref), s, 1);
		cor_sqlite_copy_col(m->label, sizeof(m->label), s, 2);
		m->escort_seats = sqlite3_column_int(s, 3);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading movements");
	sqlite3_reset(s);
	/* Legs (their index for now: pointers once the array stops moving). */
	size_t *first = calloc(l->in.nmovements + 1, sizeof(size_t));
	if (!first)
		return COR_ENOMEM;
	size_t nlegs = 0;
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++) {
		first[i] = nlegs;
		if (!(s = cor_sqlite_stmt(st, sql_legs))) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading legs");
			break;
		}
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((err = grow((void **)&l->legs, &ld->cap_legs, nlegs,
					sizeof(*l->legs))) < 0)
				break;
			struct cor_plan_leg *g = &l->legs[nlegs++];
			memset(g, 0, sizeof(*g));
			cor_sqlite_copy_col(g->from, sizeof(g->from), s, 0);
			cor_sqlite_copy_col(g->to, sizeof(g->to), s, 1);
			cor_sqlite_copy_col(g->from_country, sizeof(g->from_country), s, 2);
			cor_sqlite_copy_col(g->to_country, sizeof(g->to_country), s, 3);
			cor_time_parse_utc((const char *)sqlite3_column_text(s, 4), &g->departs);
			cor_time_parse_utc((const char *)sqlite3_column_text(s, 5), &g->arrives);
			g->cap[COR_RES_SEATS] = sqlite3_column_int(s, 6);
			g->cap[COR_RES_STRETCHERS] = sqlite3_column_int(s, 7);
			g->cap[COR_RES_WCHC] = sqlite3_column_int(s, 8);
			g->cap[COR_RES_WCHS] = sqlite3_column_int(s, 9);
			l->movements[i].nlegs++;
		}
		if (err == 0 && rc != SQLITE_DONE)
			err = cor_sqlite_fail(st, rc, "reading legs");
		sqlite3_reset(s);
		/* Quotas. */
		if (err == 0 && !(s = cor_sqlite_stmt(st, sql_quotas)))
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading quotas");
		if (err < 0)
			break;
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((err = grow((void **)&l->quotas, &ld->cap_quotas, l->in.nquotas,
					sizeof(*l->quotas))) < 0)
				break;
			struct cor_plan_quota *qu = &l->quotas[l->in.nquotas++];
			memset(qu, 0, sizeof(*qu));
			qu->movement = (int)i;
			cor_sqlite_copy_col(qu->office, sizeof(qu->office), s, 0);
			qu->seats = sqlite3_column_int(s, 1);
		}
		if (err == 0 && rc != SQLITE_DONE)
			err = cor_sqlite_fail(st, rc, "reading quotas");
		sqlite3_reset(s);
	}
	/* Escorts already named hold their seats on every leg, and each named
	 * medical escort covers escort_ratio medical travellers: the planner
	 * adds escorts only beyond those. */
	static const char sql_named[] = "SELECT count(*), coalesce(sum(medical), 0)"
					" FROM movement_escort WHERE movement_id = ?1";
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++) {
		if (!(s = cor_sqlite_stmt(st, sql_named))) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "counting escorts");
			break;
		}
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		int named = 0, medical = 0;
		if (sqlite3_step(s) == SQLITE_ROW) {
			named = sqlite3_column_int(s, 0);
			medical = sqlite3_column_int(s, 1);
		}
		sqlite3_reset(s);
		struct cor_plan_movement *m = &l->movements[i];
		m->escorts_named = medical;
		m->escort_seats = m->escort_seats > named ? m->escort_seats - named : 0;
		for (int k = 0; k < m->nlegs; k++) {
			struct cor_plan_leg *g = &l->legs[first[i] + (size_t)k];
			g->cap[COR_RES_SEATS] =
				g->cap[COR_RES_SEATS] > named ? g->cap[COR_RES_SEATS] - named : 0;
		}
	}
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++)
		l->movements[i].legs = l->legs + first[i];
	free(first);
	return err;
}

/* The active bookings on the loaded movements. */
static int load_held(struct loader *ld)
{
	static const char sql[] =
		"SELECT case_id FROM booking WHERE movement_id = ?1 AND status = 'booked'";
	struct cor_plan_load *l = ld->l;
	for (size_t i = 0; i < l->in.nmovements; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(ld->st, sql);
		if (!s)
			return cor_sqlite_fail(ld->st, sqlite3_errcode(ld->st->db),
					       "reading bookings");
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		int rc, err = 0;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((err = grow((void **)&ld->held, &ld->cap_held, ld->nheld,
					sizeof(*ld->held))) < 0)
				break;
			ld->held[ld->nheld++] = (struct held){sqlite3_column_int64(s, 0), (int)i};
		}
		if (err == 0 && rc != SQLITE_DONE)
			err = cor_sqlite_fail(ld->st, rc, "reading bookings");
		sqlite3_reset(s);
		if (err < 0)
			return err;
	}
	return 0;
}

static int held_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct held *)a)->case_id, y = ((const struct held *)b)->case_id;
	return (x > y) - (x < y);
}

/* The movement case_id holds a booking on (held is sorted by case), or -1. */
static int held_movement(const struct loader *ld, int64_t case_id)
{
	struct held key = {case_id, 0};
	const struct held *h =
		ld->nheld ? bsearch(&key, ld->held, ld->nheld, sizeof(key), held_cmp) : NULL;
	return h ? h->movement : -1;
}

/* ---- cases ------------------------------------------------------------- */

static const struct cor_rule *rule_of(const struct cor_rules_config *cfg,
				      const struct cor_programme *p, enum cor_criterion c)
{
	const struct cor_programme_rules *pr = cor_rules_for(cfg, p);
	for (size_t i = 0; pr && i < pr->n_rules; i++)
		if (pr->rules[i].criterion == c)
			return &pr->rules[i];
	return NULL;
}

/* available_on of case id, as UTC seconds at 0:00; 0 when not set. */
static int available_from(struct cor_store *st, int64_t id, int64_t *out)
{
	static const char sql[] = "SELECT available_on FROM cases WHERE id = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	sqlite3_bind_int64(s, 1, id);
	*out = 0;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		struct cor_date d;
		if (cor_date_parse((const char *)sqlite3_column_text(s, 0), &d) == 0)
			*out = (int64_t)cor_date_to_days(d) * 86400;
	}
	int err = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
							: cor_sqlite_fail(st, rc, "reading a case");
	sqlite3_reset(s);
	return err;
}

static void date_text(int64_t t, char *buf)
{
	char u[18];
	cor_time_format_utc(t, u);
	snprintf(buf, 18, "%.10s %.5s", u, u + 11);
}

/* The last moment every traveller of fc can depart, and why. */
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
	if ((err = available_from(ld->st, fc->id, &pc->available_from)) < 0)
		return err;
	validity(ld->cfg, fc, pc);
	pc->fixed = fixed;
	l->case_ids[l->in.ncases] = fc->id;
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

static int on_case(const struct cor_facts_case *fc, void *ctx)
{
	struct loader *ld = ctx;
	char why[160];
	int m = held_movement(ld, fc->id);
	bool is_with = ld->q->with_case && !strcmp(fc->c.ref, ld->q->with_case);
	if (!strcmp(fc->c.state, "booked")) {
		if (m < 0)
			return 0; /* booked on a movement outside the plan */
		/* Kept where it is, unless replanning an eligible case. */
		if (ld->q->replan && eligible(ld, fc, why, sizeof(why)))
			return ld->err = add_case(ld, fc, -1);
		return ld->err = add_case(ld, fc, m);
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
		static const char sql[] =
			"SELECT c.ref FROM booking b JOIN cases c ON c.id = b.case_id"
			" JOIN movement m ON m.id = b.movement_id WHERE m.ref = ?1 AND b.status = "
			"'booked'"
			" ORDER BY b.seat_group";
		sqlite3_stmt *s = cor_sqlite_stmt(ld->st, sql);
		if (!s)
			return cor_sqlite_fail(ld->st, sqlite3_errcode(ld->st->db),
					       "reading bookings");
		cor_sqlite_bind_text(s, 1, ld->q->movement);
		char(*refs)[32] = NULL;
		size_t n = 0, cap = 0;
		int rc;
		err = 0;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((err = grow((void **)&refs, &cap, n, sizeof(*refs))) < 0)
				break;
			cor_sqlite_copy_col(refs[n++], 32, s, 0);
		}
		if (err == 0 && rc != SQLITE_DONE)
			err = cor_sqlite_fail(ld->st, rc, "reading bookings");
		sqlite3_reset(s);
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

int cor_store_plan_load(struct cor_store *st, const struct cor_plan_query *q,
			const struct cor_rules_config *cfg, struct cor_plan_load *out)
{
	struct loader ld = {.st = st, .q = q, .cfg = cfg, .l = out};
	memset(out, 0, sizeof(*out));
	ld.today = cor_date_from_days((int32_t)(q->now / 86400));
	cor_plan_config_default(&out->in.cfg);
	out->in.cfg.horizon_start = q->now;
	int err = load_movements(&ld);
	if (err == 0)
		err = load_held(&ld);
	if (err == 0 && ld.nheld)
		qsort(ld.held, ld.nheld, sizeof(*ld.held), held_cmp);
	if (err == 0)
		err = load_cases(&ld);
	/* A case fixed to a movement refers to it by index. */
	free(ld.held);
	if (err < 0) {
		cor_store_plan_release(out);
		return err;
	}
	out->in.cases = out->cases;
	out->in.movements = out->movements;
	out->in.quotas = out->quotas;
	return 0;
}

void cor_store_plan_release(struct cor_plan_load *l)
{
	free(l->cases);
	free(l->case_ids);
	free(l->booked);
	free(l->movements);
	free(l->movement_ids);
	free(l->legs);
	free(l->quotas);
	free(l->skipped);
	memset(l, 0, sizeof(*l));
}

/* ---- writing a plan ---------------------------------------------------- */

/* The places case i boards and leaves movement m at. */
static int places(const struct cor_plan_case *c, const struct cor_plan_movement *m, char *board,
		  char *alight)
{
	int b = -1;
	for (int k = 0; k < m->nlegs; k++) {
		if (b < 0 && !strcmp(m->legs[k].from_country, c->origin))
			b = k;
		if (b >= 0 && !strcmp(m->legs[k].to_country, c->destination)) {
			snprintf(board, 6, "%s", m->legs[b].from);
			snprintf(alight, 6, "%s", m->legs[k].to);
			return 0;
		}
	}
	return COR_EINVAL;
}

static int movement_of(struct cor_store *st, const char *ref, struct cor_movement *m)
{
	return cor_store_movement_get(st, ref, m);
}

int cor_store_plan_write(struct cor_store *st, const struct cor_plan_load *l,
			 const struct cor_plan_result *res, const char *actor,
			 struct cor_plan_written *out)
{
	static const char sql_current[] =
		"SELECT m.ref FROM booking b JOIN movement m ON m.id = b.movement_id"
		" WHERE b.case_id = ?1 AND b.status = 'booked'";
	static const char sql_move[] =
		"UPDATE booking SET movement_id = ?2, board = ?3, alight = ?4, at = ?5, seat_group "
		"="
		" (SELECT coalesce(max(seat_group), 0) + 1 FROM booking WHERE movement_id = ?2)"
		" WHERE case_id = ?1 AND status = 'booked'";
	struct cor_movement *ms = NULL;
	bool own;
	int err;
	memset(out, 0, sizeof(*out));
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if (l->in.nmovements && !(ms = calloc(l->in.nmovements, sizeof(*ms)))) {
		err = COR_ENOMEM;
		goto out;
	}
	for (size_t m = 0; m < l->in.nmovements; m++)
		if ((err = movement_of(st, l->movements[m].ref, &ms[m])) < 0)
			goto out;
	for (size_t i = 0; i < l->in.ncases; i++) {
		const struct cor_plan_case *c = &l->cases[i];
		int m = res->movement[i];
		char board[6], alight[6], at[COR_TIME_LEN], detail[200];
		if (!l->booked[i]) {
			if (m < 0)
				continue;
			if (places(c, &l->movements[m], board, alight) < 0) {
				cor_sqlite_msg(st, "the plan puts %s on %s, which does not take it",
					       c->ref, l->movements[m].ref);
				err = COR_EINVAL;
				goto out;
			}
			if ((err = cor_sqlite_book(st, l->case_ids[i], c->ref, l->movement_ids[m],
						   &ms[m], board, alight, actor, "planned")) < 0)
				goto out;
			out->booked++;
			continue;
		}
		/* A case that held a booking (only replanning can change it). */
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql_current);
		char current[COR_MOVEMENT_REF_MAX + 1] = "";
		if (!s) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
			goto out;
		}
		sqlite3_bind_int64(s, 1, l->case_ids[i]);
		if (sqlite3_step(s) == SQLITE_ROW)
			cor_sqlite_copy_col(current, sizeof(current), s, 0);
		sqlite3_reset(s);
		if (m >= 0 && !strcmp(current, l->movements[m].ref))
			continue;
		if (m < 0) {
			struct cor_move_result r;
			snprintf(detail, sizeof(detail), "replanned: %s",
				 res->reason[i][0] ? res->reason[i] : "left out");
			if ((err = cor_store_case_move(st, c->ref, "travel_ready", actor, detail,
						       NULL, &r)) < 0)
				goto out;
			out->unbooked++;
			continue;
		}
		if (places(c, &l->movements[m], board, alight) < 0) {
			err = COR_EINVAL;
			goto out;
		}
		if (!(s = cor_sqlite_stmt(st, sql_move))) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "moving a booking");
			goto out;
		}
		sqlite3_bind_int64(s, 1, l->case_ids[i]);
		sqlite3_bind_int64(s, 2, l->movement_ids[m]);
		cor_sqlite_bind_text(s, 3, board);
		cor_sqlite_bind_text(s, 4, alight);
		cor_sqlite_bind_text(s, 5, cor_store_now(st, at));
		if ((err = cor_sqlite_step_done(st, s, "moving a booking")) < 0)
			goto out;
		snprintf(detail, sizeof(detail), "moved from %s to %s (%s), %s -> %s", current,
			 ms[m].label, ms[m].ref, board, alight);
		struct cor_event e = {.actor = actor,
				      .action = "booking",
				      .detail = detail,
				      .reason = "replanned"};
		memcpy(e.at, at, sizeof(e.at));
		if ((err = cor_store_event_add(st, l->case_ids[i], &e)) < 0)
			goto out;
		out->moved++;
	}
out:
	free(ms);
	return cor_sqlite_unit_end(st, own, err);
}

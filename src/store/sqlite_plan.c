// SPDX-License-Identifier: Apache-2.0
// The records the planner's input is made of (the movements of the horizon
// with their legs, quotas and named escorts; the bookings held on them; a
// case's available day; a movement's booked cases), and the plan written
// back as bookings. Which cases are candidates and what each needs is the
// operations layer's (service/plan.c).
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_movement.h"
#include "store/store_plan.h"
#include "store/store_plan_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"
#include "util/tz.h"

int cor_sqlite_book(struct cor_store *st, int64_t case_id, int64_t movement_id, const char *board,
		    const char *alight);

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

static int sqlite_plan_movements(struct cor_store *st, const struct cor_plan_query *q,
				 struct cor_plan_load *l)
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
	size_t cap_movements = 0, cap_legs = 0, cap_quotas = 0;
	char t1[18], t2[18];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading movements");
	cor_sqlite_bind_opt(s, 1, q->movement);
	cor_sqlite_bind_text(s, 2, cor_time_format_utc(q->now, t1));
	cor_sqlite_bind_text(s, 3, cor_time_format_utc(q->now + q->horizon, t2));
	size_t cap_ids = 0;
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((err = grow((void **)&l->movements, &cap_movements, l->in.nmovements,
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
			if ((err = grow((void **)&l->legs, &cap_legs, nlegs, sizeof(*l->legs))) < 0)
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
			if ((err = grow((void **)&l->quotas, &cap_quotas, l->in.nquotas,
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
	/* The escorts named on each, and how many of them are medical. */
	static const char sql_named[] = "SELECT count(*), coalesce(sum(medical), 0)"
					" FROM movement_escort WHERE movement_id = ?1";
	if (err == 0 && l->in.nmovements &&
	    (!(l->named = calloc(l->in.nmovements, sizeof(*l->named))) ||
	     !(l->named_medical = calloc(l->in.nmovements, sizeof(*l->named_medical)))))
		err = COR_ENOMEM;
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++) {
		if (!(s = cor_sqlite_stmt(st, sql_named))) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "counting escorts");
			break;
		}
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		if (sqlite3_step(s) == SQLITE_ROW) {
			l->named[i] = sqlite3_column_int(s, 0);
			l->named_medical[i] = sqlite3_column_int(s, 1);
		}
		sqlite3_reset(s);
	}
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++)
		l->movements[i].legs = l->legs + first[i];
	free(first);
	l->in.movements = l->movements;
	l->in.quotas = l->quotas;
	return err;
}

static int held_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct cor_plan_held *)a)->case_id,
		y = ((const struct cor_plan_held *)b)->case_id;
	return (x > y) - (x < y);
}

static int sqlite_plan_held(struct cor_store *st, const struct cor_plan_load *l,
			    struct cor_plan_held **out, size_t *n)
{
	static const char sql[] =
		"SELECT case_id FROM booking WHERE movement_id = ?1 AND status = 'booked'";
	size_t cap = 0;
	int err = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; err == 0 && i < l->in.nmovements; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
		if (!s) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
			break;
		}
		sqlite3_bind_int64(s, 1, l->movement_ids[i]);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((err = grow((void **)out, &cap, *n, sizeof(**out))) < 0)
				break;
			(*out)[(*n)++] = (struct cor_plan_held){sqlite3_column_int64(s, 0), (int)i};
		}
		if (err == 0 && rc != SQLITE_DONE)
			err = cor_sqlite_fail(st, rc, "reading bookings");
		sqlite3_reset(s);
	}
	if (err < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return err;
	}
	if (*n)
		qsort(*out, *n, sizeof(**out), held_cmp);
	return 0;
}

static int sqlite_plan_available(struct cor_store *st, int64_t case_id, int64_t *out)
{
	static const char sql[] = "SELECT available_on FROM cases WHERE id = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	sqlite3_bind_int64(s, 1, case_id);
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

static int sqlite_plan_available_all(struct cor_store *st, struct cor_plan_avail **out, size_t *n)
{
	static const char sql[] =
		"SELECT id, available_on FROM cases WHERE available_on IS NOT NULL ORDER BY id";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading cases");
	size_t cap = 0;
	int rc, err = 0;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_date d;
		if (cor_date_parse((const char *)sqlite3_column_text(s, 1), &d) < 0)
			continue;
		if ((err = grow((void **)out, &cap, *n, sizeof(**out))) < 0)
			break;
		(*out)[(*n)++] = (struct cor_plan_avail){sqlite3_column_int64(s, 0),
							 (int64_t)cor_date_to_days(d) * 86400};
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading cases");
	sqlite3_reset(s);
	if (err < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

static int sqlite_plan_booked(struct cor_store *st, const char *movement, char (**refs)[32],
			      size_t *n)
{
	static const char sql[] =
		"SELECT c.ref FROM booking b JOIN cases c ON c.id = b.case_id"
		" JOIN movement m ON m.id = b.movement_id WHERE m.ref = ?1 AND b.status = "
		"'booked'"
		" ORDER BY b.seat_group";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading bookings");
	cor_sqlite_bind_text(s, 1, movement);
	size_t cap = 0;
	int rc, err = 0;
	*refs = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((err = grow((void **)refs, &cap, *n, sizeof(**refs))) < 0)
			break;
		cor_sqlite_copy_col((*refs)[(*n)++], 32, s, 0);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading bookings");
	sqlite3_reset(s);
	if (err < 0) {
		free(*refs);
		*refs = NULL;
		*n = 0;
	}
	return err;
}

/* ---- writing a plan ---------------------------------------------------- */

static int movement_of(struct cor_store *st, const char *ref, struct cor_movement *m)
{
	return cor_store_movement_get(st, ref, m);
}

static int sqlite_plan_write(struct cor_store *st, const struct cor_plan_load *l,
			     const struct cor_plan_result *res,
			     const struct cor_plan_places *places, const char *actor,
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
	int err = 0;
	memset(out, 0, sizeof(*out));
	/* Inside the caller's transaction, no savepoint of its own: one held
	 * around thousands of bookings makes each of their writes journal its
	 * pages again (measured: the write of a 100k plan took 60 % longer).
	 * The caller rolls back on a failure (store_plan.h). */
	own = !cor_store_in_transaction(st);
	if (own && (err = cor_store_begin(st)) < 0)
		return err;
	if (l->in.nmovements && !(ms = calloc(l->in.nmovements, sizeof(*ms)))) {
		err = COR_ENOMEM;
		goto out;
	}
	for (size_t m = 0; m < l->in.nmovements; m++)
		if ((err = movement_of(st, l->movements[m].ref, &ms[m])) < 0)
			goto out;
	for (size_t i = 0; i < l->in.ncases; i++) {
		int m = res->movement[i];
		char at[COR_TIME_LEN], detail[200];
		if (!l->booked[i]) {
			if (m < 0)
				continue;
			if ((err = cor_sqlite_book(st, l->case_ids[i], l->movement_ids[m],
						   places[i].board, places[i].alight)) < 0)
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
		if (m < 0)
			continue; /* unbooked by its move (service/plan.c) */
		const char *board = places[i].board, *alight = places[i].alight;
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
	if (!own)
		return err;
	return cor_sqlite_unit_end(st, own, err);
}

const struct cor_store_plan_ops cor_sqlite_plan_ops = {
	.plan_movements = sqlite_plan_movements,
	.plan_held = sqlite_plan_held,
	.plan_available = sqlite_plan_available,
	.plan_available_all = sqlite_plan_available_all,
	.plan_booked = sqlite_plan_booked,
	.plan_write = sqlite_plan_write,
	.location_add = cor_sqlite_location_add,
	.location_get = cor_sqlite_location_get,
	.location_each = cor_sqlite_location_each,
	.case_location = cor_sqlite_case_location,
	.case_locate = cor_sqlite_case_locate,
	.reach_put = cor_sqlite_reach_put,
	.reach_remove = cor_sqlite_reach_remove,
	.reach_each = cor_sqlite_reach_each,
	.plan_located_all = cor_sqlite_plan_located_all,
	.cases_locate = cor_sqlite_cases_locate,
};

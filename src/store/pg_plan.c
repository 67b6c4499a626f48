// SPDX-License-Identifier: Apache-2.0
// The planner's records on PostgreSQL (store_plan.h; the SQLite side is
// sqlite_plan.c): the movements of a query with their legs, quotas and
// named escorts in four queries whatever their number, the bookings held on
// them in one, and the plan's booking records written back.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_movement.h"
#include "store/store_plan_ops.h"
#include "util/error.h"
#include "util/tz.h"

#define PG(s) ((struct cor_pg *)(void *)(s))

int cor_pg_book(struct cor_store *s, int64_t case_id, int64_t movement_id, const char *board,
		const char *alight);

static PGresult *q(struct cor_store *s, const char *sql, int n, const char *const *v,
		   const char *what, int *err)
{
	struct cor_pg *st = PG(s);
	if ((*err = cor_pg_copy_ready(st)) < 0 || (st->large && (*err = cor_pg_copy_flush(st)) < 0))
		return NULL;
	PGresult *r = PQexecParams(st->conn, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		*err = cor_pg_fail(st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

static int ival(PGresult *r, int row, int col)
{
	return (int)strtol(PQgetvalue(r, row, col), NULL, 10);
}

static int64_t lval(PGresult *r, int row, int col)
{
	return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* "{1,2,3}": the ids of l's movements as an array parameter; NULL when out
 * of memory. */
static char *id_array(const struct cor_plan_load *l)
{
	size_t len = l->in.nmovements * 21 + 3, at = 0;
	char *a = malloc(len);
	if (!a)
		return NULL;
	a[at++] = '{';
	for (size_t i = 0; i < l->in.nmovements; i++)
		at += (size_t)snprintf(a + at, len - at, "%s%lld", i ? "," : "",
				       (long long)l->movement_ids[i]);
	snprintf(a + at, len - at, "}");
	return a;
}

/* The index in l of movement id (rows come grouped by movement, in l's
 * order: start from the last one found). */
static size_t index_of(const struct cor_plan_load *l, int64_t id, size_t from)
{
	for (size_t k = 0; k < l->in.nmovements; k++) {
		size_t i = (from + k) % l->in.nmovements;
		if (l->movement_ids[i] == id)
			return i;
	}
	return 0;
}

static int pg_plan_movements(struct cor_store *s, const struct cor_plan_query *pq,
			     struct cor_plan_load *l)
{
	static const char sql[] =
		"SELECT m.id, m.ref, m.label, m.escort_seats,"
		" (SELECT count(*) FROM movement_escort e WHERE e.movement_id = m.id),"
		" (SELECT coalesce(sum(medical), 0) FROM movement_escort e WHERE e.movement_id = "
		"m.id)"
		" FROM movement m WHERE ($1::text IS NULL AND m.state = 'open'"
		"   AND m.departs >= $2 COLLATE \"C\" AND m.departs < $3 COLLATE \"C\")"
		"    OR (m.ref = $1 AND m.state <> 'cancelled')"
		" ORDER BY m.departs COLLATE \"C\", m.ref COLLATE \"C\"";
	/* In the movements' order (array position), then by leg. */
	static const char sql_legs[] =
		"SELECT l.movement_id, l.origin, l.destination, a.country, b.country, l.departs,"
		" l.arrives, l.seats, l.stretchers, l.wchc, l.wchs"
		" FROM leg l JOIN place a ON a.code = l.origin JOIN place b ON b.code = "
		"l.destination"
		" WHERE l.movement_id = ANY($1::bigint[])"
		" ORDER BY array_position($1::bigint[], l.movement_id), l.seq";
	static const char sql_quotas[] =
		"SELECT q.movement_id, o.code, q.seats FROM movement_quota q"
		" JOIN office o ON o.id = q.office_id WHERE q.movement_id = ANY($1::bigint[])"
		" ORDER BY array_position($1::bigint[], q.movement_id), o.code COLLATE \"C\"";
	char t1[18], t2[18];
	const char *v[] = {pq->movement, cor_time_format_utc(pq->now, t1),
			   cor_time_format_utc(pq->now + pq->horizon, t2)};
	int err;
	PGresult *r = q(s, sql, 3, v, "reading movements", &err);
	if (!r)
		return err;
	size_t n = (size_t)PQntuples(r);
	if (n && (!(l->movements = calloc(n, sizeof(*l->movements))) ||
		  !(l->movement_ids = calloc(n, sizeof(*l->movement_ids))) ||
		  !(l->named = calloc(n, sizeof(*l->named))) ||
		  !(l->named_medical = calloc(n, sizeof(*l->named_medical))))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		struct cor_plan_movement *m = &l->movements[i];
		l->movement_ids[i] = lval(r, (int)i, 0);
		cor_pg_text(m->ref, sizeof(m->ref), r, (int)i, 1);
		cor_pg_text(m->label, sizeof(m->label), r, (int)i, 2);
		m->escort_seats = ival(r, (int)i, 3);
		l->named[i] = ival(r, (int)i, 4);
		l->named_medical[i] = ival(r, (int)i, 5);
	}
	l->in.nmovements = n;
	PQclear(r);
	l->in.movements = l->movements;
	if (!n)
		return 0;
	char *ids = id_array(l);
	if (!ids)
		return COR_ENOMEM;
	const char *vi[] = {ids};
	size_t *first = calloc(n, sizeof(size_t));
	if (!first || !(r = q(s, sql_legs, 1, vi, "reading legs", &err))) {
		free(ids);
		free(first);
		return first ? err : COR_ENOMEM;
	}
	size_t nlegs = (size_t)PQntuples(r), at = 0;
	if (nlegs && !(l->legs = calloc(nlegs, sizeof(*l->legs)))) {
		PQclear(r);
		free(ids);
		free(first);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < nlegs; i++) {
		struct cor_plan_leg *g = &l->legs[i];
		at = index_of(l, lval(r, (int)i, 0), at);
		if (l->movements[at].nlegs == 0)
			first[at] = i;
		l->movements[at].nlegs++;
		cor_pg_text(g->from, sizeof(g->from), r, (int)i, 1);
		cor_pg_text(g->to, sizeof(g->to), r, (int)i, 2);
		cor_pg_text(g->from_country, sizeof(g->from_country), r, (int)i, 3);
		cor_pg_text(g->to_country, sizeof(g->to_country), r, (int)i, 4);
		cor_time_parse_utc(PQgetvalue(r, (int)i, 5), &g->departs);
		cor_time_parse_utc(PQgetvalue(r, (int)i, 6), &g->arrives);
		g->cap[COR_RES_SEATS] = ival(r, (int)i, 7);
		g->cap[COR_RES_STRETCHERS] = ival(r, (int)i, 8);
		g->cap[COR_RES_WCHC] = ival(r, (int)i, 9);
		g->cap[COR_RES_WCHS] = ival(r, (int)i, 10);
	}
	PQclear(r);
	for (size_t i = 0; i < n; i++)
		l->movements[i].legs = l->legs + first[i];
	free(first);
	if (!(r = q(s, sql_quotas, 1, vi, "reading quotas", &err))) {
		free(ids);
		return err;
	}
	free(ids);
	size_t nq = (size_t)PQntuples(r);
	if (nq && !(l->quotas = calloc(nq, sizeof(*l->quotas)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	at = 0;
	for (size_t i = 0; i < nq; i++) {
		struct cor_plan_quota *qu = &l->quotas[i];
		at = index_of(l, lval(r, (int)i, 0), at);
		qu->movement = (int)at;
		cor_pg_text(qu->office, sizeof(qu->office), r, (int)i, 1);
		qu->seats = ival(r, (int)i, 2);
	}
	l->in.nquotas = nq;
	l->in.quotas = l->quotas;
	PQclear(r);
	return 0;
}

static int pg_plan_held(struct cor_store *s, const struct cor_plan_load *l,
			struct cor_plan_held **out, size_t *n)
{
	static const char sql[] =
		"SELECT case_id, movement_id FROM booking WHERE movement_id = ANY($1::bigint[])"
		" AND status = 'booked' ORDER BY case_id";
	int err;
	*out = NULL;
	*n = 0;
	if (!l->in.nmovements)
		return 0;
	char *ids = id_array(l);
	if (!ids)
		return COR_ENOMEM;
	const char *v[] = {ids};
	PGresult *r = q(s, sql, 1, v, "reading bookings", &err);
	free(ids);
	if (!r)
		return err;
	size_t rows = (size_t)PQntuples(r), at = 0;
	if (rows && !(*out = calloc(rows, sizeof(**out)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < rows; i++) {
		at = index_of(l, lval(r, (int)i, 1), at);
		(*out)[i] = (struct cor_plan_held){lval(r, (int)i, 0), (int)at};
	}
	*n = rows;
	PQclear(r);
	return 0;
}

static int pg_plan_available(struct cor_store *s, int64_t case_id, int64_t *out)
{
	char id[24];
	int err;
	snprintf(id, sizeof(id), "%lld", (long long)case_id);
	const char *v[] = {id};
	*out = 0;
	PGresult *r =
		q(s, "SELECT available_on FROM cases WHERE id = $1", 1, v, "reading a case", &err);
	if (!r)
		return err;
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) {
		struct cor_date d;
		if (cor_date_parse(PQgetvalue(r, 0, 0), &d) == 0)
			*out = (int64_t)cor_date_to_days(d) * 86400;
	}
	PQclear(r);
	return 0;
}

static int pg_plan_available_all(struct cor_store *s, struct cor_plan_avail **out, size_t *n)
{
	int err;
	*out = NULL;
	*n = 0;
	PGresult *r = q(
		s, "SELECT id, available_on FROM cases WHERE available_on IS NOT NULL ORDER BY id",
		0, NULL, "reading cases", &err);
	if (!r)
		return err;
	size_t rows = (size_t)PQntuples(r);
	if (rows && !(*out = calloc(rows, sizeof(**out)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < rows; i++) {
		struct cor_date d;
		if (cor_date_parse(PQgetvalue(r, (int)i, 1), &d) < 0)
			continue;
		(*out)[(*n)++] = (struct cor_plan_avail){lval(r, (int)i, 0),
							 (int64_t)cor_date_to_days(d) * 86400};
	}
	PQclear(r);
	return 0;
}

static int pg_plan_booked(struct cor_store *s, const char *movement, char (**refs)[32], size_t *n)
{
	static const char sql[] =
		"SELECT c.ref FROM booking b JOIN cases c ON c.id = b.case_id"
		" JOIN movement m ON m.id = b.movement_id WHERE m.ref = $1 AND b.status = 'booked'"
		" ORDER BY b.seat_group";
	int err;
	const char *v[] = {movement};
	*refs = NULL;
	*n = 0;
	PGresult *r = q(s, sql, 1, v, "reading bookings", &err);
	if (!r)
		return err;
	size_t rows = (size_t)PQntuples(r);
	if (rows && !(*refs = calloc(rows, sizeof(**refs)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < rows; i++)
		cor_pg_text((*refs)[i], 32, r, (int)i, 0);
	*n = rows;
	PQclear(r);
	return 0;
}

static int pg_plan_write(struct cor_store *s, const struct cor_plan_load *l,
			 const struct cor_plan_result *res, const struct cor_plan_places *places,
			 const char *actor, struct cor_plan_written *out)
{
	static const char sql_current[] =
		"SELECT m.ref FROM booking b JOIN movement m ON m.id = b.movement_id"
		" WHERE b.case_id = $1 AND b.status = 'booked'";
	static const char sql_move[] =
		"UPDATE booking SET movement_id = $2, board = $3, alight = $4, at = $5, seat_group "
		"="
		" (SELECT coalesce(max(seat_group), 0) + 1 FROM booking WHERE movement_id = $2)"
		" WHERE case_id = $1 AND status = 'booked'";
	bool own;
	int err = 0;
	memset(out, 0, sizeof(*out));
	own = !cor_store_in_transaction(s);
	if (own && (err = cor_store_begin(s)) < 0)
		return err;
	for (size_t i = 0; i < l->in.ncases; i++) {
		int m = res->movement[i];
		char at[COR_TIME_LEN], detail[200], cid[24], mid[24];
		if (!l->booked[i]) {
			if (m < 0)
				continue;
			if ((err = cor_pg_book(s, l->case_ids[i], l->movement_ids[m],
					       places[i].board, places[i].alight)) < 0)
				goto out;
			out->booked++;
			continue;
		}
		if (m < 0)
			continue; /* unbooked by its move (service/plan.c) */
		/* A case that held a booking (only replanning can change it). */
		char current[COR_MOVEMENT_REF_MAX + 1] = "";
		snprintf(cid, sizeof(cid), "%lld", (long long)l->case_ids[i]);
		const char *vc[] = {cid};
		PGresult *r = q(s, sql_current, 1, vc, "reading bookings", &err);
		if (!r)
			goto out;
		if (PQntuples(r) > 0)
			cor_pg_text(current, sizeof(current), r, 0, 0);
		PQclear(r);
		if (!strcmp(current, l->movements[m].ref))
			continue;
		const char *board = places[i].board, *alight = places[i].alight;
		snprintf(mid, sizeof(mid), "%lld", (long long)l->movement_ids[m]);
		const char *vm[] = {cid, mid, board, alight, cor_store_now(s, at)};
		if (!(r = q(s, sql_move, 5, vm, "moving a booking", &err)))
			goto out;
		PQclear(r);
		snprintf(detail, sizeof(detail), "moved from %s to %s (%s), %s -> %s", current,
			 l->movements[m].label, l->movements[m].ref, board, alight);
		struct cor_event e = {.actor = actor,
				      .action = "booking",
				      .detail = detail,
				      .reason = "replanned"};
		memcpy(e.at, at, sizeof(e.at));
		if ((err = cor_store_event_add(s, l->case_ids[i], &e)) < 0)
			goto out;
		out->moved++;
	}
out:
	if (!own)
		return err;
	if (err == 0)
		return cor_store_commit(s);
	cor_store_rollback(s);
	return err;
}

const struct cor_store_plan_ops cor_pg_plan_ops = {
	.plan_movements = pg_plan_movements,
	.plan_held = pg_plan_held,
	.plan_available = pg_plan_available,
	.plan_available_all = pg_plan_available_all,
	.plan_booked = pg_plan_booked,
	.plan_write = pg_plan_write,
	.location_add = cor_pg_location_add,
	.location_get = cor_pg_location_get,
	.location_each = cor_pg_location_each,
	.case_location = cor_pg_case_location,
	.case_locate = cor_pg_case_locate,
	.reach_put = cor_pg_reach_put,
	.reach_remove = cor_pg_reach_remove,
	.reach_each = cor_pg_reach_each,
	.plan_located_all = cor_pg_plan_located_all,
	.cases_locate = cor_pg_cases_locate,
};

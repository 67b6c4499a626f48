// SPDX-License-Identifier: Apache-2.0
// Movements on PostgreSQL: the same records, orders and messages as
// sqlite_movement.c (store_movement.h has the contract). The checks of the
// fields of a record are store_movement.c's, before either backend.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_movement_ops.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "util/tz.h"

#define PG(s) ((struct cor_pg *)(void *)(s))

/* ---- helpers ----------------------------------------------------------- */

/* Run sql with n text parameters (NULL binds NULL); NULL and *err when it
 * fails. */
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

/* A write: 0, or the failure. *changed (may be NULL) gets the rows changed. */
static int qdo(struct cor_store *s, const char *sql, int n, const char *const *v, const char *what,
	       long *changed)
{
	int err;
	PGresult *r = q(s, sql, n, v, what, &err);
	if (!r)
		return err;
	if (changed)
		*changed = strtol(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return 0;
}

static const char *val(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static int ival(PGresult *r, int row, int col)
{
	return (int)strtol(PQgetvalue(r, row, col), NULL, 10);
}

static int64_t lval(PGresult *r, int row, int col)
{
	return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

static int64_t tval(PGresult *r, int row, int col)
{
	int64_t t = 0;
	const char *v = val(r, row, col);
	if (v)
		cor_time_parse_utc(v, &t);
	return t;
}

static int movement_event(struct cor_store *s, int64_t movement_id, const char *actor,
			  const char *action, const char *detail, const char *reason)
{
	static const char sql[] =
		"INSERT INTO event (case_id, movement_id, at, actor, action, detail, reason)"
		" VALUES (NULL, $1, $2, $3, $4, $5, $6)";
	char id[24], at[COR_TIME_LEN];
	snprintf(id, sizeof(id), "%lld", (long long)movement_id);
	const char *v[] = {id, cor_store_now(s, at), actor, action, detail, reason ? reason : ""};
	return qdo(s, sql, 6, v, "recording an event", NULL);
}

static int case_event(struct cor_store *s, int64_t case_id, const char *actor, const char *action,
		      const char *detail, const char *reason)
{
	struct cor_event e = {
		.actor = actor, .action = action, .detail = detail, .reason = reason ? reason : ""};
	cor_store_now(s, e.at);
	return cor_store_event_add(s, case_id, &e);
}

static int case_id(struct cor_store *s, const char *ref, int64_t *id)
{
	int err;
	const char *v[] = {ref};
	PGresult *r = q(s, "SELECT id FROM cases WHERE ref = $1", 1, v, "reading a case", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no case '%s'", ref);
		return COR_ENOTFOUND;
	}
	*id = lval(r, 0, 0);
	PQclear(r);
	return 0;
}

/* ---- places ------------------------------------------------------------ */

static int pg_place_add(struct cor_store *s, const struct cor_place *p)
{
	static const char sql[] =
		"INSERT INTO place (code, kind, name, country, tz) VALUES ($1, $2, $3, $4, $5)";
	const char *v[] = {p->code, cor_place_kind_name(p->kind), p->name, p->country, p->tz};
	int err = qdo(s, sql, 5, v, "adding a place", NULL);
	if (err == COR_EEXIST)
		cor_pg_msg(PG(s), "place '%s' already exists", p->code);
	return err;
}

static void read_place(PGresult *r, int i, struct cor_place *p)
{
	memset(p, 0, sizeof(*p));
	cor_pg_text(p->code, sizeof(p->code), r, i, 0);
	cor_place_kind_parse(PQgetvalue(r, i, 1), &p->kind);
	cor_pg_text(p->name, sizeof(p->name), r, i, 2);
	cor_pg_text(p->country, sizeof(p->country), r, i, 3);
	cor_pg_text(p->tz, sizeof(p->tz), r, i, 4);
}

static int pg_place_get(struct cor_store *s, const char *code, struct cor_place *out)
{
	int err;
	const char *v[] = {code};
	PGresult *r = q(s, "SELECT code, kind, name, country, tz FROM place WHERE code = $1", 1, v,
			"reading a place", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no place '%s'", code);
		return COR_ENOTFOUND;
	}
	read_place(r, 0, out);
	PQclear(r);
	return 0;
}

static int pg_place_each(struct cor_store *s, int (*cb)(const struct cor_place *p, void *ctx),
			 void *ctx)
{
	int err, ret = 0;
	PGresult *r =
		q(s, "SELECT code, kind, name, country, tz FROM place ORDER BY code COLLATE \"C\"",
		  0, NULL, "listing places", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		struct cor_place p;
		read_place(r, i, &p);
		ret = cb(&p, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- movements --------------------------------------------------------- */

static int office_id(struct cor_store *s, const char *code, int64_t *id)
{
	int err;
	const char *v[] = {code};
	PGresult *r =
		q(s, "SELECT id FROM office WHERE code = $1", 1, v, "reading an office", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no office '%s'", code);
		return COR_ENOTFOUND;
	}
	*id = lval(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pg_movement_add(struct cor_store *s, struct cor_movement *m, const char *actor)
{
	static const char sql_next[] =
		"SELECT coalesce(max(CAST(substr(ref, length($1) + 1) AS integer)), 0) + 1"
		" FROM movement WHERE substr(ref, 1, length($1)) = $1";
	static const char sql_add[] =
		"INSERT INTO movement (ref, kind, label, carrier, office_id, state, escort_seats,"
		" departs, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
	static const char sql_leg[] =
		"INSERT INTO leg (movement_id, seq, origin, destination, number, departs, arrives,"
		" seats, stretchers, wchc, wchs, carrier) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		"$9,"
		" $10, $11, $12)";
	char prefix[24], t1[18], t2[18], at[COR_TIME_LEN], oid_s[24], mid_s[24], esc[16];
	int64_t oid, mid;
	bool own;
	int err;
	PGresult *r;

	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = office_id(s, m->office, &oid)) < 0)
		goto out;
	for (int i = 0; i < m->nlegs; i++) {
		struct cor_place p;
		if ((err = cor_store_place_get(s, m->legs[i].from, &p)) < 0 ||
		    (err = cor_store_place_get(s, m->legs[i].to, &p)) < 0) {
			char why[sizeof(PG(s)->msg)];
			memcpy(why, PG(s)->msg, sizeof(why));
			cor_pg_msg(PG(s), "leg %d: %s", i + 1, why);
			goto out;
		}
	}
	cor_time_format_utc(m->legs[0].departs, t1);
	snprintf(prefix, sizeof(prefix), "%s-MV-%.4s-", m->office, t1);
	const char *vn[] = {prefix};
	if (!(r = q(s, sql_next, 1, vn, "numbering movements", &err)))
		goto out;
	long seq = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	if (seq < 1 || seq > 9999) {
		cor_pg_msg(PG(s), "office %s has 9999 movements in %.4s already", m->office, t1);
		err = COR_EINVAL;
		goto out;
	}
	char ref[64];
	snprintf(ref, sizeof(ref), "%s%04d", prefix, (int)seq);
	snprintf(m->ref, sizeof(m->ref), "%.*s", (int)sizeof(m->ref) - 1, ref);
	snprintf(oid_s, sizeof(oid_s), "%lld", (long long)oid);
	snprintf(esc, sizeof(esc), "%d", m->escort_seats);
	const char *va[] = {m->ref,
			    cor_movement_kind_name(m->kind),
			    m->label,
			    m->carrier,
			    oid_s,
			    cor_movement_state_name(m->state),
			    esc,
			    t1,
			    cor_store_now(s, at)};
	if (!(r = q(s, sql_add, 9, va, "adding a movement", &err)))
		goto out;
	mid = lval(r, 0, 0);
	PQclear(r);
	snprintf(mid_s, sizeof(mid_s), "%lld", (long long)mid);
	for (int i = 0; i < m->nlegs; i++) {
		const struct cor_leg *l = &m->legs[i];
		char no[12], seats[12], str[12], wchc[12], wchs[12];
		snprintf(no, sizeof(no), "%d", i + 1);
		snprintf(seats, sizeof(seats), "%d", l->seats);
		snprintf(str, sizeof(str), "%d", l->stretchers);
		snprintf(wchc, sizeof(wchc), "%d", l->wchc);
		snprintf(wchs, sizeof(wchs), "%d", l->wchs);
		const char *vl[] = {mid_s,
				    no,
				    l->from,
				    l->to,
				    l->number,
				    cor_time_format_utc(l->departs, t1),
				    cor_time_format_utc(l->arrives, t2),
				    seats,
				    str,
				    wchc,
				    wchs,
				    l->carrier};
		if ((err = qdo(s, sql_leg, 12, vl, "adding a leg", NULL)) < 0)
			goto out;
		m->legs[i].seq = i + 1;
	}
	char detail[160];
	snprintf(detail, sizeof(detail), "%s %s %s -> %s, %d leg%s, %s",
		 cor_movement_kind_name(m->kind), m->label, m->legs[0].from,
		 m->legs[m->nlegs - 1].to, m->nlegs, m->nlegs == 1 ? "" : "s",
		 cor_movement_state_name(m->state));
	err = movement_event(s, mid, actor, "created", detail, "");
out:
	return cor_pg_unit_end(s, own, err);
}

#define MOVEMENT_COLS "m.id, m.ref, m.kind, m.label, m.carrier, o.code, m.state, m.escort_seats"
#define LEG_COLS                                                                                   \
	"seq, origin, destination, number, departs, arrives, seats, stretchers, wchc, wchs, "      \
	"carrier"

static void read_movement(PGresult *r, int i, struct cor_movement *m)
{
	memset(m, 0, sizeof(*m));
	cor_pg_text(m->ref, sizeof(m->ref), r, i, 1);
	cor_movement_kind_parse(PQgetvalue(r, i, 2), &m->kind);
	cor_pg_text(m->label, sizeof(m->label), r, i, 3);
	cor_pg_text(m->carrier, sizeof(m->carrier), r, i, 4);
	cor_pg_text(m->office, sizeof(m->office), r, i, 5);
	cor_movement_state_parse(PQgetvalue(r, i, 6), &m->state);
	m->escort_seats = ival(r, i, 7);
}

/* Leg row i (columns from at: LEG_COLS) appended to m. */
static void read_leg(PGresult *r, int i, int at, struct cor_movement *m)
{
	if (m->nlegs >= COR_MOVEMENT_LEGS_MAX)
		return;
	struct cor_leg *l = &m->legs[m->nlegs++];
	l->seq = ival(r, i, at);
	cor_pg_text(l->from, sizeof(l->from), r, i, at + 1);
	cor_pg_text(l->to, sizeof(l->to), r, i, at + 2);
	cor_pg_text(l->number, sizeof(l->number), r, i, at + 3);
	l->departs = tval(r, i, at + 4);
	l->arrives = tval(r, i, at + 5);
	l->seats = ival(r, i, at + 6);
	l->stretchers = ival(r, i, at + 7);
	l->wchc = ival(r, i, at + 8);
	l->wchs = ival(r, i, at + 9);
	cor_pg_text(l->carrier, sizeof(l->carrier), r, i, at + 10);
}

/* Movement ref with its legs (one query) and its internal id. */
static int load_movement(struct cor_store *s, const char *ref, int64_t *id, struct cor_movement *m)
{
	static const char sql[] =
		"SELECT " MOVEMENT_COLS ", l.seq, l.origin, l.destination, l.number, l.departs,"
		" l.arrives, l.seats, l.stretchers, l.wchc, l.wchs, l.carrier"
		" FROM movement m JOIN office o ON o.id = m.office_id"
		" LEFT JOIN leg l ON l.movement_id = m.id WHERE m.ref = $1"
		" ORDER BY l.seq";
	int err;
	const char *v[] = {ref};
	PGresult *r = q(s, sql, 1, v, "reading a movement", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no movement '%s'", ref);
		return COR_ENOTFOUND;
	}
	*id = lval(r, 0, 0);
	read_movement(r, 0, m);
	for (int i = 0; i < PQntuples(r); i++)
		if (!PQgetisnull(r, i, 8))
			read_leg(r, i, 8, m);
	PQclear(r);
	return 0;
}

static int pg_movement_get(struct cor_store *s, const char *ref, struct cor_movement *out)
{
	int64_t id;
	return load_movement(s, ref, &id, out);
}

static int pg_movement_each(struct cor_store *s, const struct cor_movement_query *mq,
			    int (*cb)(const struct cor_movement *m,
				      const struct cor_movement_load *l, void *ctx),
			    void *ctx)
{
	static const char sql[] =
		"SELECT " MOVEMENT_COLS ","
		" (SELECT count(*) FROM booking b WHERE b.movement_id = m.id"
		"   AND b.status IN ('booked', 'departed')),"
		" (SELECT count(*) FROM booking b JOIN person p ON p.case_id = b.case_id"
		"   WHERE b.movement_id = m.id AND b.status IN ('booked', 'departed')),"
		" (SELECT count(*) FROM booking b WHERE b.movement_id = m.id AND b.status = "
		"'standby'),"
		" (SELECT count(*) FROM movement_escort e WHERE e.movement_id = m.id)"
		" FROM movement m JOIN office o ON o.id = m.office_id"
		" WHERE ($1::text IS NULL OR m.state = $1) AND ($2::text IS NULL OR o.code = $2)"
		" AND ($3::text IS NULL OR m.departs >= $3 COLLATE \"C\")"
		" AND ($4::text IS NULL OR m.departs < $4 COLLATE \"C\")"
		" ORDER BY m.departs COLLATE \"C\", m.ref COLLATE \"C\"";
	static const char sql_legs[] =
		"SELECT movement_id, " LEG_COLS " FROM leg"
		" WHERE movement_id = ANY($1::bigint[]) ORDER BY movement_id, seq";
	static const char sql_load[] =
		"SELECT b.movement_id, b.board, b.alight, count(p.id) FROM booking b"
		" JOIN person p ON p.case_id = b.case_id WHERE b.movement_id = ANY($1::bigint[])"
		" AND b.status IN ('booked', 'departed') GROUP BY b.id";
	char t1[18], t2[18];
	const char *v[] = {mq && mq->state && *mq->state ? mq->state : NULL,
			   mq && mq->office && *mq->office ? mq->office : NULL,
			   mq && mq->from ? cor_time_format_utc(mq->from, t1) : NULL,
			   mq && mq->to ? cor_time_format_utc(mq->to, t2) : NULL};
	int err, ret = 0;
	PGresult *r = q(s, sql, 4, v, "listing movements", &err);
	if (!r)
		return err;
	int n = PQntuples(r);
	struct row {
		int64_t id;
		struct cor_movement m;
		struct cor_movement_load l;
		int per_leg[COR_MOVEMENT_LEGS_MAX];
	} *rows = calloc((size_t)n + 1, sizeof(*rows));
	size_t idlen = (size_t)n * 21 + 3;
	char *ids = malloc(idlen);
	if (!rows || !ids) {
		PQclear(r);
		free(rows);
		free(ids);
		cor_pg_msg(PG(s), "out of memory listing movements");
		return COR_ENOMEM;
	}
	size_t at = 0;
	ids[at++] = '{';
	for (int i = 0; i < n; i++) {
		rows[i].id = lval(r, i, 0);
		read_movement(r, i, &rows[i].m);
		rows[i].l = (struct cor_movement_load){.cases = ival(r, i, 8),
						       .persons = ival(r, i, 9),
						       .standby = ival(r, i, 10),
						       .escorts = ival(r, i, 11)};
		at += (size_t)snprintf(ids + at, idlen - at, "%s%lld", i ? "," : "",
				       (long long)rows[i].id);
	}
	snprintf(ids + at, idlen - at, "}");
	PQclear(r);
	/* The legs and the booked load of all of them: two queries. Rows of
	 * one movement are together; find each by id. */
	const char *vi[] = {ids};
	int k = 0;
	if (n && (r = q(s, sql_legs, 1, vi, "reading legs", &ret))) {
		for (int i = 0; i < PQntuples(r); i++) {
			int64_t id = lval(r, i, 0);
			while (k < n && rows[k].id != id)
				k = (k + 1) % n;
			read_leg(r, i, 1, &rows[k].m);
		}
		PQclear(r);
	}
	if (n && ret == 0 && (r = q(s, sql_load, 1, vi, "reading bookings", &ret))) {
		for (int i = 0; i < PQntuples(r); i++) {
			int64_t id = lval(r, i, 0);
			for (k = 0; k < n && rows[k].id != id; k++)
				;
			if (k == n)
				continue;
			const struct cor_movement *m = &rows[k].m;
			const char *board = val(r, i, 1), *alight = val(r, i, 2);
			int c = ival(r, i, 3);
			bool on = false;
			for (int g = 0; g < m->nlegs; g++) {
				if (!on && board && !strcmp(m->legs[g].from, board))
					on = true;
				if (on)
					rows[k].per_leg[g] += c;
				if (on && alight && !strcmp(m->legs[g].to, alight))
					break;
			}
		}
		PQclear(r);
	}
	free(ids);
	for (int i = 0; i < n && ret == 0; i++) {
		int free_min = -1;
		for (int g = 0; g < rows[i].m.nlegs; g++) {
			int f = rows[i].m.legs[g].seats - rows[i].per_leg[g] - rows[i].l.escorts;
			if (free_min < 0 || f < free_min)
				free_min = f;
		}
		rows[i].l.seats_free = free_min;
		ret = cb(&rows[i].m, &rows[i].l, ctx);
	}
	free(rows);
	return ret;
}

/* ---- the day of departure ------------------------------------------------ */

/* The cases of movement id with a booking in status, in seat-group order. */
static int case_refs(struct cor_store *s, int64_t id, const char *status, char (**refs)[32],
		     size_t *n)
{
	static const char sql[] =
		"SELECT c.ref FROM booking b JOIN cases c ON c.id = b.case_id"
		" WHERE b.movement_id = $1 AND b.status = $2 ORDER BY b.seat_group, b.id";
	char ids[24];
	int err;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	const char *v[] = {ids, status};
	*refs = NULL;
	*n = 0;
	PGresult *r = q(s, sql, 2, v, "reading bookings", &err);
	if (!r)
		return err;
	int rows = PQntuples(r);
	if (rows && !(*refs = calloc((size_t)rows, sizeof(**refs)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (int i = 0; i < rows; i++)
		cor_pg_text((*refs)[i], 32, r, i, 0);
	*n = (size_t)rows;
	PQclear(r);
	return 0;
}

static int set_booking_status(struct cor_store *s, int64_t movement_id, const char *case_ref,
			      const char *from, const char *to)
{
	static const char sql[] =
		"UPDATE booking SET status = $4 WHERE movement_id = $1 AND status = $3"
		" AND case_id = (SELECT id FROM cases WHERE ref = $2)";
	char ids[24];
	long changed = 0;
	snprintf(ids, sizeof(ids), "%lld", (long long)movement_id);
	const char *v[] = {ids, case_ref, from, to};
	int err = qdo(s, sql, 4, v, "changing a booking", &changed);
	if (err == 0 && changed != 1) {
		cor_pg_msg(PG(s), "case '%s' has no booking in status %s on this movement",
			   case_ref, from);
		return COR_ENOTFOUND;
	}
	return err;
}

/* Release every stand-by of movement id (they stay travel_ready). */
static int release_standbys(struct cor_store *s, int64_t id, const struct cor_movement *m,
			    const char *actor, const char *why, int *released)
{
	char(*refs)[32] = NULL, detail[96];
	size_t n = 0;
	int err = case_refs(s, id, "standby", &refs, &n);
	for (size_t i = 0; err == 0 && i < n; i++) {
		int64_t cid;
		snprintf(detail, sizeof(detail), "stand-by on %s (%s) released", m->label, m->ref);
		if ((err = set_booking_status(s, id, refs[i], "standby", "cancelled")) == 0 &&
		    (err = case_id(s, refs[i], &cid)) == 0)
			err = case_event(s, cid, actor, "booking", detail, why);
	}
	free(refs);
	if (err == 0)
		*released += (int)n;
	return err;
}

static int pg_movement_set_state(struct cor_store *s, const char *ref, enum cor_movement_state to,
				 const char *actor, const char *reason,
				 struct cor_movement_change *res)
{
	struct cor_movement m;
	char detail[128], ids[24];
	int64_t id;
	bool own;
	int err;

	memset(res, 0, sizeof(*res));
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, ref, &id, &m)) < 0)
		goto out;
	res->from = m.state;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	const char *v[] = {ids, cor_movement_state_name(to), cor_movement_state_name(m.state)};
	if ((err = qdo(s, "UPDATE movement SET state = $2 WHERE id = $1 AND state = $3", 3, v,
		       "changing a movement's state", NULL)) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "%s -> %s", cor_movement_state_name(m.state),
		 cor_movement_state_name(to));
	if ((err = movement_event(s, id, actor, "state", detail, reason)) < 0)
		goto out;
	switch (to) {
	case COR_MSTATE_DEPARTED:
		err = release_standbys(s, id, &m, actor, "the movement departed", &res->released);
		break;
	case COR_MSTATE_CANCELLED: {
		char why[160];
		snprintf(why, sizeof(why), "%s (%s) cancelled: %s", m.label, ref, reason);
		err = release_standbys(s, id, &m, actor, why, &res->released);
		break;
	}
	case COR_MSTATE_CLOSED:
		err = release_standbys(s, id, &m, actor, "the manifest was closed", &res->released);
		break;
	default:
		break;
	}
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_movement_quota(struct cor_store *s, const char *ref, const char *office, int seats,
			     const char *actor)
{
	static const char sql_set[] =
		"INSERT INTO movement_quota (movement_id, office_id, seats) VALUES ($1, $2, $3)"
		" ON CONFLICT (movement_id, office_id) DO UPDATE SET seats = excluded.seats";
	static const char sql_clear[] =
		"DELETE FROM movement_quota WHERE movement_id = $1 AND office_id = $2";
	struct cor_movement m;
	int64_t id, oid;
	bool own;
	char detail[96], ids[24], oids[24], n[12];
	int err;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, ref, &id, &m)) < 0 || (err = office_id(s, office, &oid)) < 0)
		goto out;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	snprintf(oids, sizeof(oids), "%lld", (long long)oid);
	snprintf(n, sizeof(n), "%d", seats);
	const char *v[] = {ids, oids, n};
	if ((err = qdo(s, seats >= 0 ? sql_set : sql_clear, seats >= 0 ? 3 : 2, v,
		       "setting a quota", NULL)) < 0)
		goto out;
	if (seats >= 0)
		snprintf(detail, sizeof(detail), "quota of %s: %d seat%s", office, seats,
			 seats == 1 ? "" : "s");
	else
		snprintf(detail, sizeof(detail), "quota of %s removed", office);
	err = movement_event(s, id, actor, "quota", detail, "");
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_movement_quota_each(struct cor_store *s, const char *ref,
				  int (*cb)(const char *office, int seats, void *ctx), void *ctx)
{
	static const char sql[] = "SELECT o.code, q.seats FROM movement_quota q JOIN movement m ON "
				  "m.id = q.movement_id"
				  " JOIN office o ON o.id = q.office_id WHERE m.ref = $1 ORDER BY "
				  "o.code COLLATE \"C\"";
	int err, ret = 0;
	const char *v[] = {ref};
	PGresult *r = q(s, sql, 1, v, "reading quotas", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++)
		ret = cb(PQgetvalue(r, i, 0), ival(r, i, 1), ctx);
	PQclear(r);
	return ret;
}

static int pg_movement_escort_add(struct cor_store *s, const char *ref, const struct cor_escort *e,
				  const char *actor)
{
	static const char sql_add[] =
		"INSERT INTO movement_escort (movement_id, no, family_name, given_names, sex,"
		" birth_date, nationality, passport, issuer, expires_on, medical)"
		" SELECT $1, coalesce(max(no), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10"
		" FROM movement_escort WHERE movement_id = $1 RETURNING no";
	struct cor_movement m;
	int64_t id;
	bool own;
	char detail[200], birth[COR_DATE_LEN], exp[COR_DATE_LEN], ids[24], sex[2] = {e->sex, 0};
	int err;
	PGresult *r;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, ref, &id, &m)) < 0)
		goto out;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	const char *v[] = {ids,
			   e->family_name,
			   e->given_names,
			   sex,
			   cor_date_format(e->birth_date, birth),
			   e->nationality,
			   e->passport,
			   e->passport[0] ? e->issuer : "",
			   e->passport[0] && e->has_expiry ? cor_date_format(e->expires_on, exp)
							   : NULL,
			   e->medical ? "1" : "0"};
	if (!(r = q(s, sql_add, 10, v, "adding an escort", &err)))
		goto out;
	int no = ival(r, 0, 0);
	PQclear(r);
	snprintf(detail, sizeof(detail), "%s escort %d: %s, %s",
		 e->medical ? "medical" : "operational", no, e->family_name, e->given_names);
	err = movement_event(s, id, actor, "escort", detail, "");
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_movement_escort_each(struct cor_store *s, const char *ref,
				   int (*cb)(const struct cor_escort *e, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT e.no, e.family_name, e.given_names, e.sex, e.birth_date, e.nationality,"
		" e.passport, e.issuer, e.expires_on, e.medical FROM movement_escort e JOIN "
		"movement m ON m.id = e.movement_id WHERE m.ref = $1 ORDER BY e.no";
	int err, ret = 0;
	const char *v[] = {ref};
	PGresult *r = q(s, sql, 1, v, "reading escorts", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		struct cor_escort e;
		const char *day;
		memset(&e, 0, sizeof(e));
		e.no = ival(r, i, 0);
		cor_pg_text(e.family_name, sizeof(e.family_name), r, i, 1);
		cor_pg_text(e.given_names, sizeof(e.given_names), r, i, 2);
		e.sex = PQgetvalue(r, i, 3)[0];
		cor_date_parse(PQgetvalue(r, i, 4), &e.birth_date);
		cor_pg_text(e.nationality, sizeof(e.nationality), r, i, 5);
		cor_pg_text(e.passport, sizeof(e.passport), r, i, 6);
		cor_pg_text(e.issuer, sizeof(e.issuer), r, i, 7);
		day = val(r, i, 8);
		e.has_expiry = day && day[0] && cor_date_parse(day, &e.expires_on) == 0;
		e.medical = ival(r, i, 9) != 0;
		ret = cb(&e, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- bookings ---------------------------------------------------------- */

#define BOOKING_SQL                                                                                \
	"SELECT c.ref, m.ref, b.status, b.board, b.alight, b.seat_group, b.at,"                    \
	" (SELECT count(*) FROM person p WHERE p.case_id = b.case_id)"                             \
	" FROM booking b JOIN cases c ON c.id = b.case_id JOIN movement m ON m.id = b.movement_id"

/* The bookings sql (BOOKING_SQL and a condition on $1 = key) selects, to cb. */
static int each_booking(struct cor_store *s, const char *sql, const char *key,
			int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	int err, ret = 0;
	const char *v[] = {key};
	PGresult *r = q(s, sql, 1, v, "reading bookings", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		struct cor_booking b;
		memset(&b, 0, sizeof(b));
		cor_pg_text(b.case_ref, sizeof(b.case_ref), r, i, 0);
		cor_pg_text(b.movement_ref, sizeof(b.movement_ref), r, i, 1);
		cor_booking_status_parse(PQgetvalue(r, i, 2), &b.status);
		cor_pg_text(b.board, sizeof(b.board), r, i, 3);
		cor_pg_text(b.alight, sizeof(b.alight), r, i, 4);
		snprintf(b.seat_group, sizeof(b.seat_group), "G%03d", ival(r, i, 5) % 1000);
		cor_pg_text(b.at, sizeof(b.at), r, i, 6);
		b.persons = ival(r, i, 7);
		ret = cb(&b, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_booking_each(struct cor_store *s, const char *movement,
			   int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	static const char sql[] = BOOKING_SQL " WHERE m.ref = $1 ORDER BY b.seat_group, b.id";
	return each_booking(s, sql, movement, cb, ctx);
}

static int take_one(const struct cor_booking *b, void *ctx)
{
	*(struct cor_booking *)ctx = *b;
	return 1;
}

static int pg_case_booking(struct cor_store *s, const char *case_ref, struct cor_booking *out)
{
	static const char sql[] = BOOKING_SQL " WHERE c.ref = $1"
					      " AND (b.status = 'booked' OR b.status = 'standby')";
	memset(out, 0, sizeof(*out));
	int err = each_booking(s, sql, case_ref, take_one, out);
	if (err < 0)
		return err;
	if (err == 0) {
		cor_pg_msg(PG(s), "case '%s' holds no booking", case_ref);
		return COR_ENOTFOUND;
	}
	return 0;
}

static int pg_movement_note(struct cor_store *st, const char *ref, const char *actor,
			    const char *action, const char *detail, const char *reason)
{
	struct cor_movement m;
	int64_t id;
	int err = load_movement(st, ref, &id, &m);
	return err < 0 ? err : movement_event(st, id, actor, action, detail, reason);
}

/* Write a booking row for case id on movement id. */
static int insert_booking(struct cor_store *s, int64_t cid, int64_t mid, const char *status,
			  const char *board, const char *alight)
{
	static const char sql[] =
		"INSERT INTO booking (case_id, movement_id, status, board, alight, seat_group, at)"
		" SELECT $1, $2, $3, $4, $5, coalesce(max(seat_group), 0) + 1, $6 FROM booking"
		" WHERE movement_id = $2";
	char c[24], m[24], at[COR_TIME_LEN];
	snprintf(c, sizeof(c), "%lld", (long long)cid);
	snprintf(m, sizeof(m), "%lld", (long long)mid);
	const char *v[] = {c, m, status, board, alight, cor_store_now(s, at)};
	int err = qdo(s, sql, 6, v, "booking a case", NULL);
	if (err == COR_EEXIST)
		cor_pg_msg(PG(s), "the case already holds a booking or a stand-by");
	return err;
}

int cor_pg_book(struct cor_store *s, int64_t case_id, int64_t movement_id, const char *board,
		const char *alight);
int cor_pg_book(struct cor_store *s, int64_t case_id, int64_t movement_id, const char *board,
		const char *alight)
{
	return insert_booking(s, case_id, movement_id, "booked", board, alight);
}

static int pg_booking_put(struct cor_store *s, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *board, const char *alight,
			  const char *actor, const char *reason)
{
	struct cor_movement m;
	struct cor_case c;
	int64_t mid, cid;
	char detail[160];
	bool own;
	int err;
	if (status != COR_BOOKING_BOOKED && status != COR_BOOKING_STANDBY) {
		cor_pg_msg(PG(s), "a new booking is booked or standby");
		return COR_EINVAL;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, movement, &mid, &m)) < 0 ||
	    (err = cor_store_case_get(s, case_ref, &cid, &c)) < 0)
		goto out;
	if (status == COR_BOOKING_BOOKED) {
		err = insert_booking(s, cid, mid, "booked", board, alight);
		goto out;
	}
	if ((err = insert_booking(s, cid, mid, "standby", board, alight)) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "stand-by on %s (%s), %s -> %s", m.label, movement, board,
		 alight);
	err = case_event(s, cid, actor, "booking", detail, reason);
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_booking_add(struct cor_store *s, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *actor, const char *reason)
{
	struct cor_movement m;
	struct cor_case c;
	struct cor_place p;
	int64_t mid, cid;
	int b = -1, a = -1, err;
	bool own;
	if ((err = load_movement(s, movement, &mid, &m)) < 0 ||
	    (err = cor_store_case_get(s, case_ref, &cid, &c)) < 0)
		return err;
	for (int k = 0; k < m.nlegs && b < 0; k++) {
		if ((err = pg_place_get(s, m.legs[k].from, &p)) < 0)
			return err;
		if (!strcmp(p.country, c.origin))
			b = k;
	}
	for (int k = b < 0 ? m.nlegs : b; k < m.nlegs && a < 0; k++) {
		if ((err = pg_place_get(s, m.legs[k].to, &p)) < 0)
			return err;
		if (!strcmp(p.country, c.destination))
			a = k;
	}
	if (b < 0 || a < 0) {
		cor_pg_msg(PG(s), "movement '%s' does not go from %s to %s", movement, c.origin,
			   c.destination);
		return COR_EINVAL;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	err = pg_booking_put(s, movement, case_ref, status, m.legs[b].from, m.legs[a].to, actor,
			     reason);
	if (err == 0 && status == COR_BOOKING_BOOKED) {
		char why[200];
		snprintf(why, sizeof(why), "on %s (%s), %s -> %s%s%.100s", m.label, m.ref,
			 m.legs[b].from, m.legs[a].to, reason && *reason ? ": " : "",
			 reason && *reason ? reason : "");
		err = cor_store_case_state_set(s, cid, c.state, "booked", actor, why);
	}
	return cor_pg_unit_end(s, own, err);
}

static int pg_booking_cases(struct cor_store *s, const char *movement,
			    enum cor_booking_status status, char (**refs)[32], size_t *n)
{
	struct cor_movement m;
	int64_t mid;
	int err;
	*refs = NULL;
	*n = 0;
	if ((err = load_movement(s, movement, &mid, &m)) < 0)
		return err;
	return case_refs(s, mid, cor_booking_status_name(status), refs, n);
}

static int pg_booking_promote(struct cor_store *s, const char *movement, const char *case_ref,
			      const char *board, const char *alight)
{
	struct cor_movement m;
	int64_t mid, cid;
	bool own;
	int err;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, movement, &mid, &m)) < 0 ||
	    (err = case_id(s, case_ref, &cid)) < 0 ||
	    (err = set_booking_status(s, mid, case_ref, "standby", "cancelled")) < 0)
		goto out;
	err = insert_booking(s, cid, mid, "booked", board, alight);
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_standby_cancel(struct cor_store *s, const char *movement, const char *case_ref,
			     const char *actor, const char *reason)
{
	struct cor_movement m;
	int64_t mid, cid;
	bool own;
	char detail[128];
	int err;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = load_movement(s, movement, &mid, &m)) < 0 ||
	    (err = case_id(s, case_ref, &cid)) < 0 ||
	    (err = set_booking_status(s, mid, case_ref, "standby", "cancelled")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "stand-by on %s (%s) cancelled", m.label, movement);
	err = case_event(s, cid, actor, "booking", detail, reason);
out:
	return cor_pg_unit_end(s, own, err);
}

static int pg_movement_events(struct cor_store *s, const char *ref,
			      int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT e.at, e.actor, e.action, e.detail, e.reason, e.field, e.old_value,"
		" e.new_value FROM event e JOIN movement m"
		" ON m.id = e.movement_id WHERE m.ref = $1 ORDER BY e.id";
	int err, ret = 0;
	const char *v[] = {ref};
	PGresult *r = q(s, sql, 1, v, "reading a movement's history", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		struct cor_event e;
		cor_pg_text(e.at, sizeof(e.at), r, i, 0);
		e.actor = PQgetvalue(r, i, 1);
		e.action = PQgetvalue(r, i, 2);
		e.detail = PQgetvalue(r, i, 3);
		e.reason = PQgetvalue(r, i, 4);
		e.field = PQgetvalue(r, i, 5);
		e.before = PQgetvalue(r, i, 6);
		e.after = PQgetvalue(r, i, 7);
		ret = cb(&e, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_case_available(struct cor_store *s, const char *ref, const struct cor_date *on,
			     const char *actor, const char *reason)
{
	char day[COR_DATE_LEN], detail[64], ids[24];
	int64_t id;
	bool own;
	int err;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = case_id(s, ref, &id)) < 0)
		goto out;
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	const char *v[] = {ids, on ? cor_date_format(*on, day) : NULL};
	if ((err = qdo(s, "UPDATE cases SET available_on = $2 WHERE id = $1", 2, v,
		       "setting availability", NULL)) < 0)
		goto out;
	if (on)
		snprintf(detail, sizeof(detail), "available to travel from %s", day);
	else
		snprintf(detail, sizeof(detail), "available to travel now");
	err = case_event(s, id, actor, "available", detail, reason);
out:
	return cor_pg_unit_end(s, own, err);
}

const struct cor_store_movement_ops cor_pg_movement_ops = {
	.place_add = pg_place_add,
	.place_get = pg_place_get,
	.place_each = pg_place_each,
	.movement_add = pg_movement_add,
	.movement_get = pg_movement_get,
	.movement_events = pg_movement_events,
	.case_available = pg_case_available,
	.movement_each = pg_movement_each,
	.movement_set_state = pg_movement_set_state,
	.movement_quota = pg_movement_quota,
	.movement_quota_each = pg_movement_quota_each,
	.movement_escort_add = pg_movement_escort_add,
	.movement_escort_each = pg_movement_escort_each,
	.booking_put = pg_booking_put,
	.booking_add = pg_booking_add,
	.booking_each = pg_booking_each,
	.case_booking = pg_case_booking,
	.movement_note = pg_movement_note,
	.booking_cases = pg_booking_cases,
	.booking_promote = pg_booking_promote,
	.standby_cancel = pg_standby_cancel,
};

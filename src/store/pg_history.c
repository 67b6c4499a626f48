// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL side of store_history.h: plain inserts with the caller's
// times, inside the caller's transaction, each with its event worded as the
// live commands word it (as sqlite_history.c does). In a large write the
// rows a record refers to, streamed so far, go to the server first.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/money.h"
#include "store/pg_int.h"
#include "store/store_history_ops.h"
#include "util/error.h"
#include "util/tz.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

/* ---- helpers ----------------------------------------------------------- */

/* Rows of a large write that a history record may refer to (cases,
 * persons and theirs) are still in the streams: they go to the server
 * before it. Buffered events may stay: nothing refers to them, and every
 * event of a case goes through the same stream, in order. */
static bool refs_pending(const struct cor_pg *st)
{
	for (int i = 0; i < C_EVENT; i++)
		if (st->copy[i].len)
			return true;
	return false;
}

static PGresult *query(struct cor_pg *st, const char *sql, int n, const char *const *v,
		       const char *what, int *err)
{
	if ((*err = st->large && refs_pending(st) ? cor_pg_copy_flush(st) : 0) < 0 ||
	    (*err = cor_pg_copy_ready(st)) < 0)
		return NULL;
	PGresult *r = PQexecParams(st->conn, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		*err = cor_pg_fail(st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

static int exec_write(struct cor_pg *st, const char *sql, int n, const char *const *v,
		      const char *what)
{
	int err;
	PQclear(query(st, sql, n, v, what, &err));
	return err;
}

/* The first column of the first row as an id; 0 when none. */
static int64_t first_id(PGresult *r)
{
	return PQntuples(r) > 0 ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : 0;
}

static char *i64(char *buf, int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static int event(struct cor_store *st, int64_t case_id, const char *at, const char *actor,
		 const char *action, const char *detail, const char *reason)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = reason};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

/* ---- workflow and health ----------------------------------------------- */

static int pg_history_counselling(struct cor_store *s, int64_t case_id, int no, const char *at,
				  const struct cor_counselling *c, const char *actor)
{
	struct cor_pg *st = PG(s);
	char detail[256], cid[24], nos[16], sid[24];
	int err;
	snprintf(nos, sizeof(nos), "%d", no);
	const char *v[] = {i64(cid, case_id),
			   nos,
			   at,
			   c->counsellor,
			   c->language,
			   c->interpreter ? "1" : "0",
			   cor_counselling_decision_name(c->decision),
			   c->asylum_wish ? "1" : "0",
			   c->notes ? c->notes : "",
			   actor};
	PGresult *r = query(st,
			    "INSERT INTO counselling (case_id, no, at, counsellor, language,"
			    " interpreter, decision, asylum_wish, notes, recorded_by)"
			    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
			    10, v, "recording a counselling session", &err);
	if (!r)
		return err;
	i64(sid, first_id(r));
	PQclear(r);
	snprintf(detail, sizeof(detail), "session %d by %s in %s%s: decision %s%s", no,
		 c->counsellor, c->language, c->interpreter ? " with an interpreter" : "",
		 cor_counselling_decision_name(c->decision), c->asylum_wish ? "; asylum wish" : "");
	if ((err = event(s, case_id, at, actor, "counselling", detail, "")) < 0 || !c->asylum_wish)
		return err;
	const char *to = c->refer_to ? c->refer_to : "UNHCR";
	const char *w[] = {cid, to, sid, at, actor};
	if ((err = exec_write(
		     st,
		     "INSERT INTO referral (case_id, no, to_whom, subject, counselling_id,"
		     " opened_at, opened_by) VALUES ($1, 1, $2, 'asylum wish', $3, $4, $5)",
		     5, w, "opening a referral")) < 0)
		return err;
	snprintf(detail, sizeof(detail),
		 "referral 1 opened to %s: asylum wish (counselling session %d)", to, no);
	return event(s, case_id, at, actor, "referral", detail, "");
}

static int pg_history_protection(struct cor_store *s, int64_t case_id, int64_t person_id,
				 const char *person_ref, enum cor_protection_level level,
				 const char *grounds, const char *at, const char *actor,
				 const char *cleared_at, const char *clearance_reason)
{
	struct cor_pg *st = PG(s);
	char detail[200], pid[24], aid[24];
	int err;
	const char *v[] = {i64(pid, person_id), cor_protection_level_name(level), grounds, actor,
			   at};
	PGresult *r = query(st,
			    "INSERT INTO protection_assessment (person_id, level, grounds,"
			    " assessed_by, at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
			    5, v, "recording a protection assessment", &err);
	if (!r)
		return err;
	i64(aid, first_id(r));
	PQclear(r);
	/* The grounds stay in the assessment; the history says the level. */
	snprintf(detail, sizeof(detail), "person %s assessed at %s protection risk (assessment 1)",
		 person_ref, cor_protection_level_name(level));
	if ((err = event(s, case_id, at, actor, "protection", detail, "")) < 0 || !cleared_at)
		return err;
	const char *w[] = {aid, actor, cleared_at, clearance_reason};
	if ((err = exec_write(st,
			      "INSERT INTO protection_clearance (assessment_id, cleared_by, at,"
			      " reason) VALUES ($1, $2, $3, $4)",
			      4, w, "recording a clearance")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "person %s cleared of high protection risk (assessment 1)",
		 person_ref);
	return event(s, case_id, cleared_at, actor, "protection", detail, clearance_reason);
}

static int pg_history_health(struct cor_store *s, int64_t case_id, int64_t person_id,
			     const char *person_ref, const struct cor_health_check *h,
			     const char *actor)
{
	struct cor_pg *st = PG(s);
	char at[COR_HEALTH_TIME_LEN], detail[320], ev_at[COR_TIME_LEN], pid[24], conds[512] = "";
	int err;
	cor_health_time_format(h->at, at);
	/* Events carry seconds: "YYYY-MM-DDTHH:MMZ" -> "YYYY-MM-DDTHH:MM:00Z". */
	snprintf(ev_at, sizeof(ev_at), "%.16s:00Z", at);
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++)
		if (h->conditions & COR_HEALTH_COND_BIT(c)) {
			size_t n = strlen(conds);
			snprintf(conds + n, sizeof(conds) - n, "%s%s", n ? ";" : "",
				 cor_health_condition_name(c));
		}
	/* The check and its conditions in one round trip. */
	const char *v[] = {i64(pid, person_id),
			   cor_health_kind_name(h->kind),
			   at,
			   cor_health_outcome_name(h->outcome),
			   cor_health_tb_name(h->tb),
			   h->examiner,
			   actor,
			   ev_at,
			   conds[0] ? conds : NULL};
	if ((err = exec_write(st,
			      "WITH k AS (INSERT INTO health_check (person_id, kind, at, outcome,"
			      " tb_class, examiner, recorded_by, recorded_at)"
			      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)"
			      " INSERT INTO health_condition (check_id, name)"
			      " SELECT k.id, x FROM k, unnest(string_to_array($9::text, ';')) x",
			      9, v, "recording a health check")) < 0)
		return err;
	cor_health_event_detail(h, person_ref, detail, sizeof(detail));
	return event(s, case_id, ev_at, actor, "health", detail, "");
}

/* ---- the fund ---------------------------------------------------------- */

static int pg_history_fund_request(struct cor_store *s, int64_t case_id, int year,
				   const char *reason, const char *kind, int64_t amount,
				   const char *currency, const char *at, const char *actor,
				   long *id)
{
	struct cor_pg *st = PG(s);
	char detail[200], m[COR_MONEY_LEN], cid[24], ys[16], am[24];
	int err;
	snprintf(ys, sizeof(ys), "%d", year);
	const char *v[] = {i64(cid, case_id), ys,       reason, kind,
			   i64(am, amount),   currency, actor,  at};
	PGresult *r =
		query(st,
		      "INSERT INTO fund_request (case_id, year, reason, kind, amount, currency,"
		      " state, note, requested_by, requested_at)"
		      " VALUES ($1, $2, $3, $4, $5, $6, 'requested', '', $7, $8) RETURNING id",
		      8, v, "recording a fund request", &err);
	if (!r)
		return err;
	*id = (long)first_id(r);
	PQclear(r);
	snprintf(detail, sizeof(detail), "request %ld: %s for %s (%s)", *id,
		 cor_money_format(amount, currency, m), kind, reason);
	return event(s, case_id, at, actor, "fund", detail, "");
}

/* Run sql (amount and currency of request $1 back) and record the event
 * worded as the live command words it (fmt: the request number, then the
 * amount). */
static int fund_step(struct cor_store *s, const char *sql, int64_t case_id, long id, const char *at,
		     const char *actor, const char *what, const char *fmt)
{
	struct cor_pg *st = PG(s);
	char detail[200], m[COR_MONEY_LEN], cur[4], rid[24];
	int err;
	const char *v[] = {i64(rid, id), actor, at};
	PGresult *r = query(st, sql, 3, v, "recording the fund", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(st, "fund request %ld is not in the state to be %s", id, what);
		return COR_EWRONGSTATE;
	}
	int64_t amount = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	snprintf(cur, sizeof(cur), "%s", PQgetvalue(r, 0, 1));
	PQclear(r);
	snprintf(detail, sizeof(detail), fmt, id, cor_money_format(amount, cur, m));
	return event(s, case_id, at, actor, "fund", detail, "");
}

static int pg_history_fund_approve(struct cor_store *s, int64_t case_id, long id, const char *at,
				   const char *actor)
{
	return fund_step(s,
			 "UPDATE fund_request SET state = 'approved', decided_by = $2,"
			 " decided_at = $3 WHERE id = $1 AND state = 'requested'"
			 " RETURNING amount, currency",
			 case_id, id, at, actor, "approved", "request %ld approved: %s");
}

static int pg_history_fund_pay(struct cor_store *s, int64_t case_id, long id, const char *at,
			       const char *actor)
{
	return fund_step(s,
			 "WITH p AS (INSERT INTO fund_payment (request_id, amount, reference,"
			 " paid_by, paid_at) SELECT id, amount, '', $2, $3 FROM fund_request"
			 " WHERE id = $1 AND state = 'approved' RETURNING request_id, amount)"
			 " SELECT p.amount, r.currency FROM p JOIN fund_request r"
			 " ON r.id = p.request_id",
			 case_id, id, at, actor, "paid", "request %ld: paid %s");
}

static int pg_history_fund_budgets(struct cor_store *s, const char *at, const char *actor)
{
	const char *v[] = {at, actor};
	return exec_write(PG(s),
			  "INSERT INTO fund_budget (office_id, year, currency, amount, set_by,"
			  " set_at) SELECT c.office_id, r.year, r.currency,"
			  "   ((sum(r.amount)::bigint * 5 / 4 + 99999) / 100000) * 100000, $2, $1"
			  " FROM fund_request r JOIN cases c ON c.id = r.case_id"
			  " WHERE r.state = 'approved' GROUP BY c.office_id, r.year, r.currency",
			  2, v, "setting budgets");
}

/* ---- support ----------------------------------------------------------- */

static int pg_history_arrival(struct cor_store *s, int64_t case_id, const char *at,
			      const char *place, const char *actor)
{
	char detail[256], cid[24];
	int err;
	const char *v[] = {i64(cid, case_id), at, place, actor};
	if ((err = exec_write(PG(s),
			      "INSERT INTO arrival (case_id, at, place, confirmed_by, note)"
			      " VALUES ($1, $2, $3, $4, '')",
			      4, v, "confirming an arrival")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "arrival confirmed at %s on %s by %s", place, at, actor);
	return event(s, case_id, at, actor, "support", detail, "");
}

static int pg_history_support_item(struct cor_store *s, int64_t case_id, int no,
				   enum cor_support_kind kind, const char *description,
				   int64_t amount, const char *currency, const char *planned_at,
				   const char *delivered_at, const char *actor)
{
	char detail[400], m[COR_MONEY_LEN], cid[24], nos[16], am[24];
	int err;
	snprintf(nos, sizeof(nos), "%d", no);
	const char *v[] = {i64(cid, case_id),
			   nos,
			   cor_support_kind_name(kind),
			   description,
			   i64(am, amount),
			   amount ? currency : "",
			   delivered_at ? "delivered" : "planned",
			   actor,
			   planned_at,
			   delivered_at ? actor : "",
			   delivered_at ? delivered_at : ""};
	if ((err = exec_write(PG(s),
			      "INSERT INTO support_item (case_id, no, kind, description, amount,"
			      " currency, status, planned_by, planned_at, done_by, done_at)"
			      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
			      11, v, "planning an item")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "item %d planned: %s, %s%s%s", no,
		 cor_support_kind_name(kind), description, amount ? ", " : "",
		 amount ? cor_money_format(amount, currency, m) : "");
	if ((err = event(s, case_id, planned_at, actor, "support", detail, "")) < 0 ||
	    !delivered_at)
		return err;
	snprintf(detail, sizeof(detail), "item %d delivered", no);
	return event(s, case_id, delivered_at, actor, "support", detail, "");
}

static int pg_history_support_visit(struct cor_store *s, int64_t case_id, int no, const char *at,
				    const char *by, const char *finding, const char *actor)
{
	char detail[200], date[COR_DATE_LEN], cid[24], nos[16];
	int err;
	snprintf(date, sizeof(date), "%.10s", at);
	snprintf(nos, sizeof(nos), "%d", no);
	const char *v[] = {i64(cid, case_id), nos, date, by, finding, actor};
	if ((err = exec_write(
		     PG(s),
		     "INSERT INTO support_visit (case_id, no, on_date, visited_by, finding,"
		     " recorded_by) VALUES ($1, $2, $3, $4, $5, $6)",
		     6, v, "recording a visit")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "follow-up visit %d on %s by %s", no, date, by);
	return event(s, case_id, at, actor, "support", detail, "");
}

/* ---- movements --------------------------------------------------------- */

static int movement_event(struct cor_pg *st, const char *id, const char *at, const char *actor,
			  const char *action, const char *detail, const char *reason)
{
	const char *v[] = {id, at, actor, action, detail, reason ? reason : ""};
	int err;
	/* After the events streamed so far: the history keeps its order. */
	if (st->large && (err = cor_pg_copy_flush(st)) < 0)
		return err;
	return exec_write(st,
			  "INSERT INTO event (case_id, movement_id, at, actor, action, detail,"
			  " reason) VALUES (NULL, $1, $2, $3, $4, $5, $6)",
			  6, v, "recording an event");
}

/* The movement under the caller's id, and the table's own numbering moved
 * past it (a later movement takes the next free id, as on SQLite). */
static const char sql_movement[] =
	"WITH m AS (INSERT INTO movement (id, ref, kind, label, carrier, office_id, state,"
	" escort_seats, departs, created_at) VALUES ($1, $2, $3, $4, $5,"
	" (SELECT id FROM office WHERE code = $6), $7, $8, $9, $10) RETURNING id)"
	" SELECT setval(pg_get_serial_sequence('movement', 'id'),"
	"   greatest((SELECT max(id) FROM movement), (SELECT id FROM m)))";

static int pg_history_movement(struct cor_store *s, int64_t id, const struct cor_movement *m,
			       const char *const at[COR_MSTATE__N], const char *reason,
			       const char *actor)
{
	static const enum cor_movement_state order[] = {
		COR_MSTATE_OPEN,    COR_MSTATE_CLOSED,    COR_MSTATE_DEPARTED,
		COR_MSTATE_ARRIVED, COR_MSTATE_CANCELLED,
	};
	struct cor_pg *st = PG(s);
	char t1[18], t2[18], detail[160], mid[24], esc[16];
	int err;
	snprintf(esc, sizeof(esc), "%d", m->escort_seats);
	const char *v[] = {i64(mid, id),
			   m->ref,
			   cor_movement_kind_name(m->kind),
			   m->label,
			   m->carrier,
			   m->office,
			   cor_movement_state_name(m->state),
			   esc,
			   cor_time_format_utc(m->legs[0].departs, t1),
			   at[COR_MSTATE_PLANNED]};
	if ((err = exec_write(st, sql_movement, 10, v, "adding a movement")) < 0)
		return err;
	for (int i = 0; i < m->nlegs; i++) {
		const struct cor_leg *l = &m->legs[i];
		char seq[16], seats[16], str[16], wchc[16], wchs[16];
		snprintf(seq, sizeof(seq), "%d", i + 1);
		snprintf(seats, sizeof(seats), "%d", l->seats);
		snprintf(str, sizeof(str), "%d", l->stretchers);
		snprintf(wchc, sizeof(wchc), "%d", l->wchc);
		snprintf(wchs, sizeof(wchs), "%d", l->wchs);
		const char *w[] = {mid,
				   seq,
				   l->from,
				   l->to,
				   l->number,
				   cor_time_format_utc(l->departs, t1),
				   cor_time_format_utc(l->arrives, t2),
				   seats,
				   str,
				   wchc,
				   wchs};
		if ((err = exec_write(st,
				      "INSERT INTO leg (movement_id, seq, origin, destination,"
				      " number, departs, arrives, seats, stretchers, wchc, wchs)"
				      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
				      11, w, "adding a leg")) < 0)
			return err;
	}
	/* Worded as the live movement commands word it. */
	snprintf(detail, sizeof(detail), "%s %s %s -> %s, %d leg%s, planned",
		 cor_movement_kind_name(m->kind), m->label, m->legs[0].from,
		 m->legs[m->nlegs - 1].to, m->nlegs, m->nlegs == 1 ? "" : "s");
	if ((err = movement_event(st, mid, at[COR_MSTATE_PLANNED], actor, "created", detail, "")) <
	    0)
		return err;
	enum cor_movement_state from = COR_MSTATE_PLANNED;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum cor_movement_state to = order[i];
		if (!at[to])
			continue;
		snprintf(detail, sizeof(detail), "%s -> %s", cor_movement_state_name(from),
			 cor_movement_state_name(to));
		if ((err = movement_event(st, mid, at[to], actor, "state", detail,
					  to == COR_MSTATE_CANCELLED ? reason : "")) < 0)
			return err;
		from = to;
	}
	return 0;
}

static int pg_history_booking(struct cor_store *s, int64_t case_id, int64_t movement_id,
			      const struct cor_movement *m, enum cor_booking_status status,
			      const char *board, const char *alight, int seat_group, const char *at,
			      const char *actor)
{
	char why[200], cid[24], mid[24], sg[16];
	int err;
	snprintf(sg, sizeof(sg), "%d", seat_group);
	const char *v[] = {i64(cid, case_id),
			   i64(mid, movement_id),
			   cor_booking_status_name(status),
			   board,
			   alight,
			   sg,
			   at};
	if ((err = exec_write(PG(s),
			      "INSERT INTO booking (case_id, movement_id, status, board, alight,"
			      " seat_group, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
			      7, v, "booking a case")) < 0)
		return err;
	snprintf(why, sizeof(why), "on %s (%s), %s -> %s", m->label, m->ref, board, alight);
	return event(s, case_id, at, actor, "state", "travel_ready -> booked", why);
}

const struct cor_store_history_ops cor_pg_history_ops = {
	.counselling = pg_history_counselling,
	.protection = pg_history_protection,
	.health = pg_history_health,
	.fund_request = pg_history_fund_request,
	.fund_approve = pg_history_fund_approve,
	.fund_pay = pg_history_fund_pay,
	.arrival = pg_history_arrival,
	.support_item = pg_history_support_item,
	.support_visit = pg_history_support_visit,
	.movement = pg_history_movement,
	.booking = pg_history_booking,
	.fund_budgets = pg_history_fund_budgets,
};

// SPDX-License-Identifier: Apache-2.0
// SQLite side of store_history.h: plain inserts with the caller's times, into
// the tables of the workflow and health migrations, each with its event
// worded as the live commands word it.
#include <stdio.h>
#include <string.h>

#include "domain/money.h"
#include "store/store_history_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"
#include "util/tz.h"

static const char sql_counselling[] =
	"INSERT INTO counselling (case_id, no, at, counsellor, language, interpreter, decision,"
	" asylum_wish, notes, recorded_by, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	"cor_uuid7())";
static const char sql_referral[] = "INSERT INTO referral (case_id, no, to_whom, subject, "
				   "counselling_id, opened_at, opened_by, uid)"
				   " VALUES (?1, 1, ?2, 'asylum wish', ?3, ?4, ?5, cor_uuid7())";
static const char sql_assessment[] =
	"INSERT INTO protection_assessment (person_id, level, grounds, assessed_by, at, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, cor_uuid7())";
static const char sql_clearance[] =
	"INSERT INTO protection_clearance (assessment_id, cleared_by, at, reason, uid)"
	" VALUES (?1, ?2, ?3, ?4, cor_uuid7())";
static const char sql_health[] =
	"INSERT INTO health_check (person_id, kind, at, outcome, tb_class, examiner, recorded_by,"
	" recorded_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cor_uuid7())";
static const char sql_condition[] = "INSERT INTO health_condition (check_id, name) VALUES (?1, ?2)";

static sqlite3_stmt *prep(struct cor_store *st, const char *sql)
{
	return cor_sqlite_stmt(st, sql);
}

static int event(struct cor_store *st, int64_t case_id, const char *at, const char *actor,
		 const char *action, const char *detail)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = ""};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

static int sqlite_history_counselling(struct cor_store *st, int64_t case_id, int no, const char *at,
				      const struct cor_counselling *s, const char *actor)
{
	char detail[256];
	int err;
	sqlite3_stmt *q = prep(st, sql_counselling);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db),
				       "recording a counselling session");
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, no);
	cor_sqlite_bind_text(q, 3, at);
	cor_sqlite_bind_text(q, 4, s->counsellor);
	cor_sqlite_bind_text(q, 5, s->language);
	sqlite3_bind_int(q, 6, s->interpreter);
	cor_sqlite_bind_text(q, 7, cor_counselling_decision_name(s->decision));
	sqlite3_bind_int(q, 8, s->asylum_wish);
	cor_sqlite_bind_text(q, 9, s->notes ? s->notes : "");
	cor_sqlite_bind_text(q, 10, actor);
	if ((err = cor_sqlite_step_done(st, q, "recording a counselling session")) < 0)
		return err;
	int64_t session_id = sqlite3_last_insert_rowid(st->db);
	snprintf(detail, sizeof(detail), "session %d by %s in %s%s: decision %s%s", no,
		 s->counsellor, s->language, s->interpreter ? " with an interpreter" : "",
		 cor_counselling_decision_name(s->decision), s->asylum_wish ? "; asylum wish" : "");
	if ((err = event(st, case_id, at, actor, "counselling", detail)) < 0 || !s->asylum_wish)
		return err;
	const char *to = s->refer_to ? s->refer_to : "UNHCR";
	q = prep(st, sql_referral);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "opening a referral");
	sqlite3_bind_int64(q, 1, case_id);
	cor_sqlite_bind_text(q, 2, to);
	sqlite3_bind_int64(q, 3, session_id);
	cor_sqlite_bind_text(q, 4, at);
	cor_sqlite_bind_text(q, 5, actor);
	if ((err = cor_sqlite_step_done(st, q, "opening a referral")) < 0)
		return err;
	snprintf(detail, sizeof(detail),
		 "referral 1 opened to %s: asylum wish (counselling session %d)", to, no);
	return event(st, case_id, at, actor, "referral", detail);
}

static int sqlite_history_protection(struct cor_store *st, int64_t case_id, int64_t person_id,
				     const char *person_ref, enum cor_protection_level level,
				     const char *grounds, const char *at, const char *actor,
				     const char *cleared_at, const char *clearance_reason)
{
	char detail[200];
	int err;
	sqlite3_stmt *q = prep(st, sql_assessment);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db),
				       "recording a protection assessment");
	sqlite3_bind_int64(q, 1, person_id);
	cor_sqlite_bind_text(q, 2, cor_protection_level_name(level));
	cor_sqlite_bind_text(q, 3, grounds);
	cor_sqlite_bind_text(q, 4, actor);
	cor_sqlite_bind_text(q, 5, at);
	if ((err = cor_sqlite_step_done(st, q, "recording a protection assessment")) < 0)
		return err;
	int64_t assessment = sqlite3_last_insert_rowid(st->db);
	/* The grounds stay in the assessment; the history says the level. */
	snprintf(detail, sizeof(detail), "person %s assessed at %s protection risk (assessment 1)",
		 person_ref, cor_protection_level_name(level));
	if ((err = event(st, case_id, at, actor, "protection", detail)) < 0 || !cleared_at)
		return err;
	q = prep(st, sql_clearance);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a clearance");
	sqlite3_bind_int64(q, 1, assessment);
	cor_sqlite_bind_text(q, 2, actor);
	cor_sqlite_bind_text(q, 3, cleared_at);
	cor_sqlite_bind_text(q, 4, clearance_reason);
	if ((err = cor_sqlite_step_done(st, q, "recording a clearance")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "person %s cleared of high protection risk (assessment 1)",
		 person_ref);
	struct cor_event e = {.actor = actor,
			      .action = "protection",
			      .detail = detail,
			      .reason = clearance_reason};
	snprintf(e.at, sizeof(e.at), "%s", cleared_at);
	return cor_store_event_add(st, case_id, &e);
}

static int sqlite_history_health(struct cor_store *st, int64_t case_id, int64_t person_id,
				 const char *person_ref, const struct cor_health_check *h,
				 const char *actor)
{
	char at[COR_HEALTH_TIME_LEN], detail[320], ev_at[COR_TIME_LEN];
	int err;
	sqlite3_stmt *q = prep(st, sql_health);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a health check");
	cor_health_time_format(h->at, at);
	/* Events carry seconds: "YYYY-MM-DDTHH:MMZ" -> "YYYY-MM-DDTHH:MM:00Z". */
	snprintf(ev_at, sizeof(ev_at), "%.16s:00Z", at);
	sqlite3_bind_int64(q, 1, person_id);
	cor_sqlite_bind_text(q, 2, cor_health_kind_name(h->kind));
	cor_sqlite_bind_text(q, 3, at);
	cor_sqlite_bind_text(q, 4, cor_health_outcome_name(h->outcome));
	cor_sqlite_bind_text(q, 5, cor_health_tb_name(h->tb));
	cor_sqlite_bind_text(q, 6, h->examiner);
	cor_sqlite_bind_text(q, 7, actor);
	cor_sqlite_bind_text(q, 8, ev_at);
	if ((err = cor_sqlite_step_done(st, q, "recording a health check")) < 0)
		return err;
	int64_t check = sqlite3_last_insert_rowid(st->db);
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++) {
		if (!(h->conditions & COR_HEALTH_COND_BIT(c)))
			continue;
		q = prep(st, sql_condition);
		if (!q)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db),
					       "recording a condition");
		sqlite3_bind_int64(q, 1, check);
		cor_sqlite_bind_text(q, 2, cor_health_condition_name(c));
		if ((err = cor_sqlite_step_done(st, q, "recording a condition")) < 0)
			return err;
	}
	cor_health_event_detail(h, person_ref, detail, sizeof(detail));
	return event(st, case_id, ev_at, actor, "health", detail);
}

static const char sql_fund_request[] =
	"INSERT INTO fund_request (case_id, year, reason, kind, amount, currency, state, note,"
	" requested_by, requested_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'requested', '', ?7, "
	"?8, cor_uuid7())";
static const char sql_fund_approve[] =
	"UPDATE fund_request SET state = 'approved', decided_by = ?2, decided_at = ?3"
	" WHERE id = ?1 AND state = 'requested' RETURNING amount, currency";
static const char sql_fund_pay[] =
	"INSERT INTO fund_payment (request_id, amount, reference, paid_by, paid_at, uid)"
	" SELECT id, amount, '', ?2, ?3, cor_uuid7() FROM fund_request WHERE id = ?1 AND state = "
	"'approved'"
	" RETURNING amount, (SELECT currency FROM fund_request WHERE id = ?1)";
static const char sql_fund_budgets[] =
	"INSERT INTO fund_budget (office_id, year, currency, amount, set_by, set_at)"
	" SELECT c.office_id, r.year, r.currency,"
	"   ((sum(r.amount) * 5 / 4 + 99999) / 100000) * 100000, ?2, ?1"
	" FROM fund_request r JOIN cases c ON c.id = r.case_id WHERE r.state = 'approved'"
	" GROUP BY c.office_id, r.year, r.currency";

static int sqlite_history_fund_request(struct cor_store *st, int64_t case_id, int year,
				       const char *reason, const char *kind, int64_t amount,
				       const char *currency, const char *at, const char *actor,
				       long *id)
{
	char detail[200], m[COR_MONEY_LEN];
	int err;
	sqlite3_stmt *q = prep(st, sql_fund_request);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a fund request");
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, year);
	cor_sqlite_bind_text(q, 3, reason);
	cor_sqlite_bind_text(q, 4, kind);
	sqlite3_bind_int64(q, 5, amount);
	cor_sqlite_bind_text(q, 6, currency);
	cor_sqlite_bind_text(q, 7, actor);
	cor_sqlite_bind_text(q, 8, at);
	if ((err = cor_sqlite_step_done(st, q, "recording a fund request")) < 0)
		return err;
	*id = (long)sqlite3_last_insert_rowid(st->db);
	snprintf(detail, sizeof(detail), "request %ld: %s for %s (%s)", *id,
		 cor_money_format(amount, currency, m), kind, reason);
	return event(st, case_id, at, actor, "fund", detail);
}

/* Run an UPDATE/INSERT ... RETURNING amount, currency for request id, and
 * record the event worded as the live command words it (fmt: the request
 * number, then the amount). */
static int fund_step(struct cor_store *st, const char *sql, int64_t case_id, long id,
		     const char *at, const char *actor, const char *what, const char *fmt)
{
	char detail[200], m[COR_MONEY_LEN], cur[4];
	sqlite3_stmt *q = prep(st, sql);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording the fund");
	sqlite3_bind_int64(q, 1, id);
	cor_sqlite_bind_text(q, 2, actor);
	cor_sqlite_bind_text(q, 3, at);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		int err = rc == SQLITE_DONE ? COR_EWRONGSTATE
					    : cor_sqlite_fail(st, rc, "recording the fund");
		if (rc == SQLITE_DONE)
			cor_sqlite_msg(st, "fund request %ld is not in the state to be %s", id,
				       what);
		sqlite3_reset(q);
		return err;
	}
	int64_t amount = sqlite3_column_int64(q, 0);
	cor_sqlite_copy_col(cur, sizeof(cur), q, 1);
	while (sqlite3_step(q) == SQLITE_ROW)
		;
	sqlite3_reset(q);
	snprintf(detail, sizeof(detail), fmt, id, cor_money_format(amount, cur, m));
	return event(st, case_id, at, actor, "fund", detail);
}

static int sqlite_history_fund_approve(struct cor_store *st, int64_t case_id, long id,
				       const char *at, const char *actor)
{
	return fund_step(st, sql_fund_approve, case_id, id, at, actor, "approved",
			 "request %ld approved: %s");
}

static int sqlite_history_fund_pay(struct cor_store *st, int64_t case_id, long id, const char *at,
				   const char *actor)
{
	return fund_step(st, sql_fund_pay, case_id, id, at, actor, "paid", "request %ld: paid %s");
}

static int sqlite_history_fund_budgets(struct cor_store *st, const char *at, const char *actor)
{
	sqlite3_stmt *q = prep(st, sql_fund_budgets);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "setting budgets");
	cor_sqlite_bind_text(q, 1, at);
	cor_sqlite_bind_text(q, 2, actor);
	return cor_sqlite_step_done(st, q, "setting budgets");
}

static const char sql_arrival[] =
	"INSERT INTO arrival (case_id, at, place, confirmed_by, note) VALUES (?1, ?2, ?3, ?4, '')";
static const char sql_item[] =
	"INSERT INTO support_item (case_id, no, kind, description, amount, currency, status,"
	" planned_by, planned_at, done_by, done_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9,"
	" ?10, ?11, cor_uuid7())";
static const char sql_visit[] =
	"INSERT INTO support_visit (case_id, no, on_date, visited_by, finding, recorded_by, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, cor_uuid7())";

static int sqlite_history_arrival(struct cor_store *st, int64_t case_id, const char *at,
				  const char *place, const char *actor)
{
	char detail[256];
	int err;
	sqlite3_stmt *q = prep(st, sql_arrival);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "confirming an arrival");
	sqlite3_bind_int64(q, 1, case_id);
	cor_sqlite_bind_text(q, 2, at);
	cor_sqlite_bind_text(q, 3, place);
	cor_sqlite_bind_text(q, 4, actor);
	if ((err = cor_sqlite_step_done(st, q, "confirming an arrival")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "arrival confirmed at %s on %s by %s", place, at, actor);
	struct cor_event e = {.actor = actor, .action = "support", .detail = detail, .reason = ""};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

static int sqlite_history_support_item(struct cor_store *st, int64_t case_id, int no,
				       enum cor_support_kind kind, const char *description,
				       int64_t amount, const char *currency, const char *planned_at,
				       const char *delivered_at, const char *actor)
{
	char detail[400], m[COR_MONEY_LEN];
	int err;
	sqlite3_stmt *q = prep(st, sql_item);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "planning an item");
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, no);
	cor_sqlite_bind_text(q, 3, cor_support_kind_name(kind));
	cor_sqlite_bind_text(q, 4, description);
	sqlite3_bind_int64(q, 5, amount);
	cor_sqlite_bind_text(q, 6, amount ? currency : "");
	cor_sqlite_bind_text(q, 7, delivered_at ? "delivered" : "planned");
	cor_sqlite_bind_text(q, 8, actor);
	cor_sqlite_bind_text(q, 9, planned_at);
	cor_sqlite_bind_text(q, 10, delivered_at ? actor : "");
	cor_sqlite_bind_text(q, 11, delivered_at ? delivered_at : "");
	if ((err = cor_sqlite_step_done(st, q, "planning an item")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "item %d planned: %s, %s%s%s", no,
		 cor_support_kind_name(kind), description, amount ? ", " : "",
		 amount ? cor_money_format(amount, currency, m) : "");
	if ((err = event(st, case_id, planned_at, actor, "support", detail)) < 0 || !delivered_at)
		return err;
	snprintf(detail, sizeof(detail), "item %d delivered", no);
	return event(st, case_id, delivered_at, actor, "support", detail);
}

static int sqlite_history_support_visit(struct cor_store *st, int64_t case_id, int no,
					const char *at, const char *by, const char *finding,
					const char *actor)
{
	char detail[200], date[COR_DATE_LEN];
	int err;
	sqlite3_stmt *q = prep(st, sql_visit);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a visit");
	snprintf(date, sizeof(date), "%.10s", at);
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, no);
	cor_sqlite_bind_text(q, 3, date);
	cor_sqlite_bind_text(q, 4, by);
	cor_sqlite_bind_text(q, 5, finding);
	cor_sqlite_bind_text(q, 6, actor);
	if ((err = cor_sqlite_step_done(st, q, "recording a visit")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "follow-up visit %d on %s by %s", no, date, by);
	return event(st, case_id, at, actor, "support", detail);
}

static const char sql_movement[] =
	"INSERT INTO movement (id, ref, kind, label, carrier, office_id, state, escort_seats,"
	" departs, created_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM office WHERE code "
	"= ?6),"
	" ?7, ?8, ?9, ?10, cor_uuid7())";
static const char sql_leg[] =
	"INSERT INTO leg (movement_id, seq, origin, destination, number, departs, arrives, seats,"
	" stretchers, wchc, wchs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char sql_movement_event[] =
	"INSERT INTO event (case_id, movement_id, at, actor, action, detail, reason, uid)"
	" VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, cor_uuid7())";
static const char sql_booking[] =
	"INSERT INTO booking (case_id, movement_id, status, board, alight, seat_group, at, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, cor_uuid7())";

static int movement_event(struct cor_store *st, int64_t id, const char *at, const char *actor,
			  const char *action, const char *detail, const char *reason)
{
	sqlite3_stmt *q = prep(st, sql_movement_event);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording an event");
	sqlite3_bind_int64(q, 1, id);
	cor_sqlite_bind_text(q, 2, at);
	cor_sqlite_bind_text(q, 3, actor);
	cor_sqlite_bind_text(q, 4, action);
	cor_sqlite_bind_text(q, 5, detail);
	cor_sqlite_bind_text(q, 6, reason ? reason : "");
	return cor_sqlite_step_done(st, q, "recording an event");
}

static int sqlite_history_movement(struct cor_store *st, int64_t id, const struct cor_movement *m,
				   const char *const at[COR_MSTATE__N], const char *reason,
				   const char *actor)
{
	static const enum cor_movement_state order[] = {
		COR_MSTATE_OPEN,    COR_MSTATE_CLOSED,    COR_MSTATE_DEPARTED,
		COR_MSTATE_ARRIVED, COR_MSTATE_CANCELLED,
	};
	char t1[18], t2[18], detail[160];
	int err;
	sqlite3_stmt *q = prep(st, sql_movement);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding a movement");
	sqlite3_bind_int64(q, 1, id);
	cor_sqlite_bind_text(q, 2, m->ref);
	cor_sqlite_bind_text(q, 3, cor_movement_kind_name(m->kind));
	cor_sqlite_bind_text(q, 4, m->label);
	cor_sqlite_bind_text(q, 5, m->carrier);
	cor_sqlite_bind_text(q, 6, m->office);
	cor_sqlite_bind_text(q, 7, cor_movement_state_name(m->state));
	sqlite3_bind_int(q, 8, m->escort_seats);
	cor_sqlite_bind_text(q, 9, cor_time_format_utc(m->legs[0].departs, t1));
	cor_sqlite_bind_text(q, 10, at[COR_MSTATE_PLANNED]);
	if ((err = cor_sqlite_step_done(st, q, "adding a movement")) < 0)
		return err;
	for (int i = 0; i < m->nlegs; i++) {
		const struct cor_leg *l = &m->legs[i];
		if (!(q = prep(st, sql_leg)))
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding a leg");
		sqlite3_bind_int64(q, 1, id);
		sqlite3_bind_int(q, 2, i + 1);
		cor_sqlite_bind_text(q, 3, l->from);
		cor_sqlite_bind_text(q, 4, l->to);
		cor_sqlite_bind_text(q, 5, l->number);
		cor_sqlite_bind_text(q, 6, cor_time_format_utc(l->departs, t1));
		cor_sqlite_bind_text(q, 7, cor_time_format_utc(l->arrives, t2));
		sqlite3_bind_int(q, 8, l->seats);
		sqlite3_bind_int(q, 9, l->stretchers);
		sqlite3_bind_int(q, 10, l->wchc);
		sqlite3_bind_int(q, 11, l->wchs);
		if ((err = cor_sqlite_step_done(st, q, "adding a leg")) < 0)
			return err;
	}
	/* Worded as cor_store_movement_add and cor_store_movement_set_state word it. */
	snprintf(detail, sizeof(detail), "%s %s %s -> %s, %d leg%s, planned",
		 cor_movement_kind_name(m->kind), m->label, m->legs[0].from,
		 m->legs[m->nlegs - 1].to, m->nlegs, m->nlegs == 1 ? "" : "s");
	if ((err = movement_event(st, id, at[COR_MSTATE_PLANNED], actor, "created", detail, "")) <
	    0)
		return err;
	enum cor_movement_state from = COR_MSTATE_PLANNED;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		enum cor_movement_state to = order[i];
		if (!at[to])
			continue;
		snprintf(detail, sizeof(detail), "%s -> %s", cor_movement_state_name(from),
			 cor_movement_state_name(to));
		if ((err = movement_event(st, id, at[to], actor, "state", detail,
					  to == COR_MSTATE_CANCELLED ? reason : "")) < 0)
			return err;
		from = to;
	}
	return 0;
}

static int sqlite_history_booking(struct cor_store *st, int64_t case_id, int64_t movement_id,
				  const struct cor_movement *m, enum cor_booking_status status,
				  const char *board, const char *alight, int seat_group,
				  const char *at, const char *actor)
{
	char why[200];
	int err;
	sqlite3_stmt *q = prep(st, sql_booking);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "booking a case");
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int64(q, 2, movement_id);
	cor_sqlite_bind_text(q, 3, cor_booking_status_name(status));
	cor_sqlite_bind_text(q, 4, board);
	cor_sqlite_bind_text(q, 5, alight);
	sqlite3_bind_int(q, 6, seat_group);
	cor_sqlite_bind_text(q, 7, at);
	if ((err = cor_sqlite_step_done(st, q, "booking a case")) < 0)
		return err;
	snprintf(why, sizeof(why), "on %s (%s), %s -> %s", m->label, m->ref, board, alight);
	struct cor_event e = {.actor = actor,
			      .action = "state",
			      .detail = "travel_ready -> booked",
			      .reason = why};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

const struct cor_store_history_ops cor_sqlite_history_ops = {
	.counselling = sqlite_history_counselling,
	.protection = sqlite_history_protection,
	.health = sqlite_history_health,
	.fund_request = sqlite_history_fund_request,
	.fund_approve = sqlite_history_fund_approve,
	.fund_pay = sqlite_history_fund_pay,
	.arrival = sqlite_history_arrival,
	.support_item = sqlite_history_support_item,
	.support_visit = sqlite_history_support_visit,
	.movement = sqlite_history_movement,
	.booking = sqlite_history_booking,
	.fund_budgets = sqlite_history_fund_budgets,
};

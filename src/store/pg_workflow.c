// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL side of store_workflow.h: the gate facts the lifecycle's
// guards read (one query), the record writes of the workflow (each one unit
// of work with its events: a savepoint inside a transaction, its own
// transaction outside one) and the per-case lists. No rule of the domain
// here: the operations layer (service/workflow.c) checks them. The tables
// are pg_migrations.c's, one for one with sqlite_workflow.c's.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_workflow_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

/* ---- helpers ----------------------------------------------------------- */

/* A write of no rows to give back. */
static int exec_write(struct cor_pg *st, const char *sql, int n, const char *const *v,
		      const char *what)
{
	int err;
	PQclear(cor_pg_query(st, sql, n, v, what, &err));
	return err;
}

static const char *val(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static int int_val(PGresult *r, int row, int col)
{
	return (int)strtol(PQgetvalue(r, row, col), NULL, 10);
}

static char *i64(char *buf, int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static int add_event(struct cor_store *st, int64_t case_id, const char *at, const char *actor,
		     const char *action, const char *detail, const char *reason)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = reason};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

/* ---- gate -------------------------------------------------------------- */

/* Sessions, the latest decision, open referrals, bookings; per person:
 * assessed at all, latest assessment high and not cleared; when $2, the
 * state the case was put on hold from (the latest "X -> on_hold" event);
 * per person again: a pre-migration health assessment recorded. */
static const char sql_gate[] =
	"SELECT (SELECT count(*) FROM counselling WHERE case_id = $1),"
	" (SELECT decision FROM counselling WHERE case_id = $1 ORDER BY no DESC LIMIT 1),"
	" (SELECT count(*) FROM referral WHERE case_id = $1 AND closed_at IS NULL),"
	" (SELECT count(*) FROM booking WHERE case_id = $1 AND status = 'booked'),"
	" g.persons, g.assessed, g.at_risk, g.first_at_risk,"
	" CASE WHEN $2::boolean THEN (SELECT substr(detail, 1, strpos(detail, ' -> ') - 1)"
	"   FROM event WHERE case_id = $1 AND action = 'state'"
	"   AND detail LIKE '% -> on\\_hold' ORDER BY id DESC LIMIT 1) END, g.pre_migration"
	" FROM (SELECT count(*) AS persons, count(a.id) AS assessed,"
	"   count(*) FILTER (WHERE a.level = 'high' AND k.id IS NULL) AS at_risk,"
	"   min(p.seq) FILTER (WHERE a.level = 'high' AND k.id IS NULL) AS first_at_risk,"
	"   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM health_check h"
	"     WHERE h.person_id = p.id AND h.kind = 'pre_migration')) AS pre_migration"
	"   FROM person p"
	"   LEFT JOIN LATERAL (SELECT id, level FROM protection_assessment"
	"     WHERE person_id = p.id ORDER BY id DESC LIMIT 1) a ON true"
	"   LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
	"   WHERE p.case_id = $1::bigint) g";

static int pg_case_gate(struct cor_store *s, int64_t case_id, const struct cor_case *c,
			struct cor_case_gate *gate)
{
	struct cor_pg *st = PG(s);
	char cid[24];
	const char *v[] = {i64(cid, case_id), strcmp(c->state, "on_hold") ? "f" : "t"};
	int err;

	memset(gate, 0, sizeof(*gate));
	gate->ref = c->ref;
	PGresult *r = cor_pg_query(st, sql_gate, 2, v, "reading the workflow of a case", &err);
	if (!r)
		return err;
	gate->sessions = int_val(r, 0, 0);
	enum cor_counselling_decision dec;
	const char *d = val(r, 0, 1);
	if (d && cor_counselling_decision_parse(d, &dec) == 0)
		gate->decision = cor_counselling_decision_name(dec); /* static */
	gate->open_referrals = int_val(r, 0, 2);
	gate->bookings = int_val(r, 0, 3);
	gate->persons = int_val(r, 0, 4);
	gate->persons_assessed = int_val(r, 0, 5);
	gate->persons_at_risk = int_val(r, 0, 6);
	if (gate->persons_at_risk > 0)
		cor_person_ref_format(gate->person_at_risk, sizeof(gate->person_at_risk), c->ref,
				      int_val(r, 0, 7));
	if (val(r, 0, 8))
		cor_pg_text(gate->held_from, sizeof(gate->held_from), r, 0, 8);
	gate->persons_pre_migration = int_val(r, 0, 9);
	PQclear(r);
	return 0;
}

/* ---- moves ------------------------------------------------------------- */

/* A case is booked exactly when it holds a booking in status booked: leaving
 * 'booked' takes the booking with it ($4: its new status; NULL: none). */
static const char sql_state_set[] =
	"WITH b AS (UPDATE booking SET status = $4 WHERE $4::text IS NOT NULL"
	"   AND case_id = $1 AND status = 'booked')"
	" UPDATE cases SET state = $2 WHERE id = $1 AND state = $3";

static int pg_case_state_set(struct cor_store *s, int64_t case_id, const char *from, const char *to,
			     const char *actor, const char *reason)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], detail[2 * COR_STATE_MAX + 8], cid[24];
	const char *status = NULL;
	bool own;
	int err;

	if (!strcmp(from, "booked") && strcmp(to, "booked"))
		status = !strcmp(to, "departed")  ? "departed"
			 : !strcmp(to, "no_show") ? "no_show"
						  : "cancelled";
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {i64(cid, case_id), to, from, status};
	PGresult *r = cor_pg_query(st, sql_state_set, 4, v, "changing the state of a case", &err);
	if (!r)
		goto out;
	bool one = !strcmp(PQcmdTuples(r), "1");
	PQclear(r);
	if (!one) {
		cor_pg_msg(st, "the case changed state while it was being moved");
		err = COR_EBUSY;
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s -> %s", from, to);
	err = add_event(s, case_id, cor_store_now(s, at), actor, "state", detail,
			reason ? reason : "");
out:
	return cor_pg_unit_end(s, own, err);
}

/* ---- counselling ------------------------------------------------------- */

static const char sql_session_add[] =
	"INSERT INTO counselling (case_id, no, at, counsellor, language, interpreter, decision,"
	" asylum_wish, notes, recorded_by)"
	" SELECT $1::bigint, coalesce(max(no), 0) + 1, $2, $3, $4, $5::bigint, $6, $7::bigint, $8, "
	"$9"
	" FROM counselling WHERE case_id = $1 RETURNING id, no";

static int pg_counselling_session_add(struct cor_store *s, int64_t case_id,
				      const struct cor_counselling *c, const char *actor, int *no,
				      int64_t *session_id)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], detail[COR_NAME_MAX + 128], cid[24];
	int n = 0;
	bool own = false, streamed = false;
	int err;

	/* In a large write, a session of the case it added last streams, in
	 * the caller's unit of work (a unit of its own would need a savepoint
	 * and the streams sent). */
	cor_store_now(s, at);
	if (st->large && !session_id &&
	    (err = cor_pg_copy_session(st, case_id, c, at, actor, &n)) <= 0) {
		streamed = true;
		if (err == 0)
			goto event;
		return err;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {i64(cid, case_id),
			   at,
			   c->counsellor,
			   c->language,
			   c->interpreter ? "1" : "0",
			   cor_counselling_decision_name(c->decision),
			   c->asylum_wish ? "1" : "0",
			   c->notes ? c->notes : "",
			   actor};
	PGresult *r =
		cor_pg_query(st, sql_session_add, 9, v, "recording a counselling session", &err);
	if (!r)
		goto out;
	if (session_id)
		*session_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	n = int_val(r, 0, 1);
	PQclear(r);
event:
	snprintf(detail, sizeof(detail), "session %d by %s in %s%s: decision %s%s", n,
		 c->counsellor, c->language, c->interpreter ? " with an interpreter" : "",
		 cor_counselling_decision_name(c->decision), c->asylum_wish ? "; asylum wish" : "");
	err = add_event(s, case_id, at, actor, "counselling", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return streamed ? err : cor_pg_unit_end(s, own, err);
}

static int pg_referral_open_first(struct cor_store *s, int64_t case_id, int *no)
{
	struct cor_pg *st = PG(s);
	char cid[24];
	const char *v[] = {i64(cid, case_id)};
	int err;
	PGresult *r = cor_pg_query(st,
				   "SELECT coalesce(min(no), 0) FROM referral"
				   " WHERE case_id = $1 AND closed_at IS NULL",
				   1, v, "reading referrals", &err);
	if (!r)
		return err;
	*no = int_val(r, 0, 0);
	PQclear(r);
	return 0;
}

static const char sql_referral_add[] =
	"INSERT INTO referral (case_id, no, to_whom, subject, counselling_id, opened_at, opened_by)"
	" SELECT $1::bigint, coalesce(max(no), 0) + 1, $2, $3, $4::bigint, $5, $6"
	" FROM referral WHERE case_id = $1 RETURNING no";

static int pg_referral_open(struct cor_store *s, int64_t case_id, const char *to,
			    const char *subject, int64_t session_id, int session_no,
			    const char *actor, int *no)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], detail[2 * COR_NAME_MAX + 96], cid[24], sid[24];
	int n = 0;
	bool own;
	int err;

	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {
		i64(cid, case_id),    to,   subject, session_id > 0 ? i64(sid, session_id) : NULL,
		cor_store_now(s, at), actor};
	PGresult *r = cor_pg_query(st, sql_referral_add, 6, v, "opening a referral", &err);
	if (!r)
		goto out;
	n = int_val(r, 0, 0);
	PQclear(r);
	if (session_no > 0)
		snprintf(detail, sizeof(detail),
			 "referral %d opened to %s: %s (counselling session %d)", n, to, subject,
			 session_no);
	else
		snprintf(detail, sizeof(detail), "referral %d opened to %s: %s", n, to, subject);
	err = add_event(s, case_id, at, actor, "referral", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return cor_pg_unit_end(s, own, err);
}

/* The rows of sql ($1 the id of case ref) for a per-case list, all at once:
 * a case's records are few, and a callback may call the store. */
static PGresult *case_rows(struct cor_store *s, const char *ref, const char *sql, const char *what,
			   int *err)
{
	int64_t id;
	char cid[24];
	if ((*err = cor_store_case_get(s, ref, &id, NULL)) < 0)
		return NULL;
	const char *v[] = {i64(cid, id)};
	return cor_pg_query(PG(s), sql, 1, v, what, err);
}

static int pg_counselling_list(struct cor_store *s, const char *ref,
			       int (*cb)(const struct cor_counselling_record *r, void *ctx),
			       void *ctx)
{
	int err, ret = 0;
	PGresult *r = case_rows(s, ref,
				"SELECT no, at, counsellor, language, interpreter, decision,"
				" asylum_wish, notes, recorded_by FROM counselling"
				" WHERE case_id = $1 ORDER BY no",
				"reading counselling sessions", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_counselling_record c = {0};
		c.no = int_val(r, i, 0);
		cor_pg_text(c.at, sizeof(c.at), r, i, 1);
		c.s.counsellor = PQgetvalue(r, i, 2);
		c.s.language = PQgetvalue(r, i, 3);
		c.s.interpreter = int_val(r, i, 4) != 0;
		c.s.decision = COR_COUNSEL_UNDECIDED;
		cor_counselling_decision_parse(PQgetvalue(r, i, 5), &c.s.decision);
		c.s.asylum_wish = int_val(r, i, 6) != 0;
		c.s.notes = PQgetvalue(r, i, 7);
		c.recorded_by = PQgetvalue(r, i, 8);
		ret = cb(&c, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- referrals --------------------------------------------------------- */

static int pg_referral_list(struct cor_store *s, const char *ref,
			    int (*cb)(const struct cor_referral *r, void *ctx), void *ctx)
{
	int err, ret = 0;
	PGresult *r =
		case_rows(s, ref,
			  "SELECT r.no, r.to_whom, r.subject, coalesce(s.no, 0), r.opened_at,"
			  " r.opened_by, r.outcome, r.closed_at, r.closed_by"
			  " FROM referral r LEFT JOIN counselling s ON s.id = r.counselling_id"
			  " WHERE r.case_id = $1 ORDER BY r.no",
			  "reading referrals", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_referral f = {0};
		f.no = int_val(r, i, 0);
		f.to = PQgetvalue(r, i, 1);
		f.subject = PQgetvalue(r, i, 2);
		f.session = int_val(r, i, 3);
		cor_pg_text(f.opened_at, sizeof(f.opened_at), r, i, 4);
		f.opened_by = PQgetvalue(r, i, 5);
		f.outcome = val(r, i, 6);
		cor_pg_text(f.closed_at, sizeof(f.closed_at), r, i, 7);
		f.closed_by = val(r, i, 8);
		ret = cb(&f, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_referral_close(struct cor_store *s, const char *ref, int no, const char *outcome,
			     const char *actor)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], to[COR_NAME_MAX + 1], detail[COR_NAME_MAX + 64], cid[24], rid[24],
		nos[16];
	int64_t case_id;
	bool own;
	int err;

	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	if ((err = cor_store_case_get(s, ref, &case_id, NULL)) < 0)
		goto out;
	snprintf(nos, sizeof(nos), "%d", no);
	const char *v[] = {i64(cid, case_id), nos};
	PGresult *r = cor_pg_query(st,
				   "SELECT id, to_whom, closed_at, outcome FROM referral"
				   " WHERE case_id = $1 AND no = $2",
				   2, v, "reading a referral", &err);
	if (!r)
		goto out;
	if (PQntuples(r) == 0) {
		cor_pg_msg(st, "case '%s' has no referral %d", ref, no);
		err = COR_ENOTFOUND;
	} else if (val(r, 0, 2)) {
		cor_pg_msg(st, "referral %d of case '%s' is already closed (%s: %s)", no, ref,
			   PQgetvalue(r, 0, 2), PQgetvalue(r, 0, 3));
		err = COR_EWRONGSTATE;
	} else {
		cor_pg_text(rid, sizeof(rid), r, 0, 0);
		cor_pg_text(to, sizeof(to), r, 0, 1);
	}
	PQclear(r);
	if (err < 0)
		goto out;
	const char *w[] = {rid, outcome, cor_store_now(s, at), actor};
	if ((err = exec_write(st,
			      "UPDATE referral SET outcome = $2, closed_at = $3, closed_by = $4"
			      " WHERE id = $1 AND closed_at IS NULL",
			      4, w, "closing a referral")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "referral %d to %s closed", no, to);
	err = add_event(s, case_id, at, actor, "referral", detail, outcome);
out:
	return cor_pg_unit_end(s, own, err);
}

/* ---- protection -------------------------------------------------------- */

static int pg_protection_latest(struct cor_store *s, int64_t person_id,
				struct cor_protection_latest *l, int64_t *assessment_id)
{
	struct cor_pg *st = PG(s);
	char pid[24];
	const char *v[] = {i64(pid, person_id)};
	int err;

	if (st->large && (err = cor_pg_copy_latest(st, person_id, l, assessment_id)) <= 0)
		return err;
	memset(l, 0, sizeof(*l));
	if (assessment_id)
		*assessment_id = 0;
	PGresult *r = cor_pg_query(st,
				   "SELECT a.id, a.level,"
				   " (SELECT count(*) FROM protection_assessment b"
				   "   WHERE b.person_id = a.person_id AND b.id <= a.id), k.at"
				   " FROM protection_assessment a"
				   " LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
				   " WHERE a.person_id = $1 ORDER BY a.id DESC LIMIT 1",
				   1, v, "reading protection assessments", &err);
	if (!r)
		return err;
	if (PQntuples(r) > 0) {
		if (assessment_id)
			*assessment_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		cor_protection_level_parse(PQgetvalue(r, 0, 1), &l->level);
		l->no = int_val(r, 0, 2);
		cor_pg_text(l->cleared_at, sizeof(l->cleared_at), r, 0, 3);
	}
	PQclear(r);
	return 0;
}

/* The insert and the assessment's number among the person's (the CTE's row
 * is not in the outer count's view: hence + 1). */
static const char sql_assessment_add[] =
	"WITH a AS (INSERT INTO protection_assessment (person_id, level, grounds, assessed_by, at)"
	" VALUES ($1, $2, $3, $4, $5) RETURNING id)"
	" SELECT (SELECT count(*) FROM protection_assessment WHERE person_id = $1) + 1 FROM a";

static int pg_protection_assessment_add(struct cor_store *s, int64_t case_id, int64_t person_id,
					const char *person_ref, enum cor_protection_level level,
					const char *grounds, const char *actor, int *no)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], detail[COR_PERSON_REF_MAX + 96], pid[24];
	int n = 0;
	bool own = false, streamed = false;
	int err;

	cor_store_now(s, at);
	if (st->large &&
	    (err = cor_pg_copy_assessment(st, person_id, level, grounds, actor, at, &n)) <= 0) {
		streamed = true; /* in the caller's unit, as a session is */
		if (err == 0)
			goto event;
		return err;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {i64(pid, person_id), cor_protection_level_name(level), grounds, actor,
			   at};
	PGresult *r = cor_pg_query(st, sql_assessment_add, 5, v,
				   "recording a protection assessment", &err);
	if (!r)
		goto out;
	n = int_val(r, 0, 0);
	PQclear(r);
event:
	/* The grounds stay in the assessment, read by protection staff only:
	 * the history every role reads says the level. */
	snprintf(detail, sizeof(detail), "person %s assessed at %s protection risk (assessment %d)",
		 person_ref, cor_protection_level_name(level), n);
	err = add_event(s, case_id, at, actor, "protection", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return streamed ? err : cor_pg_unit_end(s, own, err);
}

static int pg_protection_clearance_add(struct cor_store *s, int64_t case_id, int64_t assessment_id,
				       const char *person_ref, int no, const char *reason,
				       const char *actor)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN], detail[COR_PERSON_REF_MAX + 96], aid[24];
	bool own = false, streamed = false;
	int err;

	cor_store_now(s, at);
	if (st->large && (err = cor_pg_copy_clearance(st, assessment_id, actor, at, reason)) <= 0) {
		streamed = true; /* in the caller's unit, as a session is */
		if (err == 0)
			goto event;
		return err;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {i64(aid, assessment_id), actor, at, reason};
	if ((err = exec_write(
		     st,
		     "INSERT INTO protection_clearance (assessment_id, cleared_by, at, reason)"
		     " VALUES ($1, $2, $3, $4)",
		     4, v, "recording a protection clearance")) < 0)
		goto out;
event:
	snprintf(detail, sizeof(detail),
		 "person %s cleared of high protection risk (assessment %d)", person_ref, no);
	err = add_event(s, case_id, at, actor, "protection", detail, reason);
out:
	return streamed ? err : cor_pg_unit_end(s, own, err);
}

static int pg_protection_list(struct cor_store *s, const char *ref,
			      int (*cb)(const struct cor_protection_record *r, void *ctx),
			      void *ctx)
{
	int err, ret = 0;
	PGresult *r = case_rows(
		s, ref,
		"SELECT p.seq,"
		" (SELECT count(*) FROM protection_assessment WHERE person_id = p.id),"
		" a.level, a.at, a.assessed_by, k.at, k.cleared_by, k.reason"
		" FROM person p"
		" LEFT JOIN LATERAL (SELECT id, level, at, assessed_by FROM protection_assessment"
		"   WHERE person_id = p.id ORDER BY id DESC LIMIT 1) a ON true"
		" LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
		" WHERE p.case_id = $1 ORDER BY p.seq",
		"reading protection assessments", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_protection_record p = {0};
		p.person = int_val(r, i, 0);
		p.assessments = int_val(r, i, 1);
		p.level = val(r, i, 2);
		cor_pg_text(p.at, sizeof(p.at), r, i, 3);
		p.assessed_by = val(r, i, 4);
		cor_pg_text(p.cleared_at, sizeof(p.cleared_at), r, i, 5);
		p.cleared_by = val(r, i, 6);
		p.clear_reason = val(r, i, 7);
		ret = cb(&p, ctx);
	}
	PQclear(r);
	return ret;
}

const struct cor_store_workflow_ops cor_pg_workflow_ops = {
	.case_gate = pg_case_gate,
	.case_state_set = pg_case_state_set,
	.counselling_session_add = pg_counselling_session_add,
	.referral_open_first = pg_referral_open_first,
	.referral_open = pg_referral_open,
	.counselling_list = pg_counselling_list,
	.referral_list = pg_referral_list,
	.referral_close = pg_referral_close,
	.protection_latest = pg_protection_latest,
	.protection_assessment_add = pg_protection_assessment_add,
	.protection_clearance_add = pg_protection_clearance_add,
	.protection_list = pg_protection_list,
};

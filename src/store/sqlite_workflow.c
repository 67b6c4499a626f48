// SPDX-License-Identifier: Apache-2.0
// The SQLite side of store_workflow.h: the workflow migration (counselling
// sessions, referrals, protection assessments and clearances), the gate
// facts the lifecycle's guards read, and the writes that change a case's
// workflow, each one unit of work that appends its events.
//
// Invariants: the rules are the domain's (lifecycle.c, counselling.c,
// protection.c) and the operations layer applies them (service/workflow.c);
// the record writes here check only what the records themselves say (the
// case exists, a referral is still open). Every write of a unit is undone
// if a later one fails. The held-from state of an on_hold
// case is read from its history (the latest "X -> on_hold" event), so cases
// put on hold by any writer, the demo included, resume where they were.
#include "store/store_workflow_ops.h"

#include <stdio.h>
#include <string.h>

#include "store/migrations.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

const char cor_sqlite_migration_workflow[] =
	/* One row per counselling session; no is the session's number in
	 * its case. Append-only. */
	"CREATE TABLE counselling ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  no INTEGER NOT NULL CHECK (no >= 1),"
	"  at TEXT NOT NULL,"
	"  counsellor TEXT NOT NULL CHECK (length(counsellor) >= 1),"
	"  language TEXT NOT NULL CHECK (length(language) = 2 OR length(language) = 3),"
	"  interpreter INTEGER NOT NULL CHECK (interpreter = 0 OR interpreter = 1),"
	"  decision TEXT NOT NULL"
	"    CHECK (decision = 'yes' OR decision = 'no' OR decision = 'undecided'),"
	"  asylum_wish INTEGER NOT NULL CHECK (asylum_wish = 0 OR asylum_wish = 1),"
	"  notes TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  UNIQUE (case_id, no)"
	") STRICT;"
	"CREATE TRIGGER counselling_no_update BEFORE UPDATE ON counselling"
	"  BEGIN SELECT RAISE(ABORT, 'counselling sessions are append-only'); END;"
	"CREATE TRIGGER counselling_no_delete BEFORE DELETE ON counselling"
	"  BEGIN SELECT RAISE(ABORT, 'counselling sessions are append-only'); END;"

	/* A referral (to UNHCR, an asylum authority...). Open while closed_at
	 * is NULL; closed once, with an outcome. */
	"CREATE TABLE referral ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  no INTEGER NOT NULL CHECK (no >= 1),"
	"  to_whom TEXT NOT NULL CHECK (length(to_whom) >= 1),"
	"  subject TEXT NOT NULL,"
	"  counselling_id INTEGER REFERENCES counselling(id),"
	"  opened_at TEXT NOT NULL,"
	"  opened_by TEXT NOT NULL,"
	"  outcome TEXT,"
	"  closed_at TEXT,"
	"  closed_by TEXT,"
	"  CHECK ((closed_at IS NULL AND outcome IS NULL AND closed_by IS NULL)"
	"      OR (closed_at IS NOT NULL AND length(outcome) >= 1 AND closed_by IS NOT NULL)),"
	"  UNIQUE (case_id, no)"
	") STRICT;"
	"CREATE TRIGGER referral_closed_once BEFORE UPDATE ON referral"
	"  WHEN OLD.closed_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id"
	"    OR NEW.no IS NOT OLD.no OR NEW.to_whom IS NOT OLD.to_whom"
	"    OR NEW.subject IS NOT OLD.subject OR NEW.opened_at IS NOT OLD.opened_at"
	"  BEGIN SELECT RAISE(ABORT, 'a referral changes only when it is closed'); END;"
	"CREATE TRIGGER referral_no_delete BEFORE DELETE ON referral"
	"  BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;"

	/* Protection risk on return, per person. The latest assessment counts.
	 * Append-only. */
	"CREATE TABLE protection_assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  level TEXT NOT NULL"
	"    CHECK (level = 'none' OR level = 'low' OR level = 'medium' OR level = 'high'),"
	"  grounds TEXT NOT NULL CHECK (length(grounds) >= 1),"
	"  assessed_by TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX protection_assessment_person ON protection_assessment(person_id);"
	"CREATE TRIGGER protection_assessment_no_update BEFORE UPDATE ON protection_assessment"
	"  BEGIN SELECT RAISE(ABORT, 'protection assessments are append-only'); END;"
	"CREATE TRIGGER protection_assessment_no_delete BEFORE DELETE ON protection_assessment"
	"  BEGIN SELECT RAISE(ABORT, 'protection assessments are append-only'); END;"

	/* A protection officer's clearance of one high assessment. */
	"CREATE TABLE protection_clearance ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL UNIQUE REFERENCES protection_assessment(id),"
	"  cleared_by TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  reason TEXT NOT NULL CHECK (length(reason) >= 1)"
	") STRICT;"
	"CREATE TRIGGER protection_clearance_no_update BEFORE UPDATE ON protection_clearance"
	"  BEGIN SELECT RAISE(ABORT, 'protection clearances are append-only'); END;"
	"CREATE TRIGGER protection_clearance_no_delete BEFORE DELETE ON protection_clearance"
	"  BEGIN SELECT RAISE(ABORT, 'protection clearances are append-only'); END;";

/* ---- units of work ----------------------------------------------------- */

/* Step a query that yields one row; COR_ENOTFOUND when it yields none (no
 * message: the caller words it). The statement stays on its row. */
static int step_row(struct cor_store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), what);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return COR_ENOTFOUND;
	}
	int err = cor_sqlite_fail(st, sqlite3_extended_errcode(st->db), what);
	sqlite3_reset(s);
	return err;
}

static int add_event(struct cor_store *st, int64_t case_id, const char *at, const char *actor,
		     const char *action, const char *detail, const char *reason)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = reason};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

/* ---- gate -------------------------------------------------------------- */

static const char sql_gate_counselling[] =
	"SELECT (SELECT count(*) FROM counselling WHERE case_id = ?1),"
	" (SELECT decision FROM counselling WHERE case_id = ?1 ORDER BY no DESC LIMIT 1),"
	" (SELECT count(*) FROM referral WHERE case_id = ?1 AND closed_at IS NULL),"
	" (SELECT count(*) FROM booking WHERE case_id = ?1 AND status = 'booked')";

/* Per person: assessed at all; latest assessment high and not cleared. */
static const char sql_gate_protection[] =
	"SELECT count(*), count(a.id),"
	" coalesce(sum(a.level = 'high' AND k.id IS NULL), 0),"
	" min(CASE WHEN a.level = 'high' AND k.id IS NULL THEN p.seq END),"
	" count(*) FILTER (WHERE EXISTS (SELECT 1 FROM health_check h WHERE h.person_id = p.id"
	"   AND h.kind = 'pre_migration'))"
	" FROM person p"
	" LEFT JOIN protection_assessment a ON a.id ="
	"   (SELECT max(id) FROM protection_assessment WHERE person_id = p.id)"
	" LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
	" WHERE p.case_id = ?1";

static const char sql_gate_held_from[] =
	"SELECT substr(detail, 1, instr(detail, ' -> ') - 1) FROM event"
	" WHERE case_id = ?1 AND action = 'state' AND detail LIKE '% -> on\\_hold' ESCAPE '\\'"
	" ORDER BY id DESC LIMIT 1";

static int sqlite_case_gate(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			    struct cor_case_gate *gate)
{
	sqlite3_stmt *s;
	int err;

	memset(gate, 0, sizeof(*gate));
	gate->ref = c->ref;

	s = cor_sqlite_stmt(st, sql_gate_counselling);
	if (s)
		sqlite3_bind_int64(s, 1, case_id);
	if ((err = step_row(st, s, "reading counselling sessions")) < 0)
		return err;
	gate->sessions = sqlite3_column_int(s, 0);
	const char *d = (const char *)sqlite3_column_text(s, 1);
	enum cor_counselling_decision dec;
	if (d && cor_counselling_decision_parse(d, &dec) == 0)
		gate->decision = cor_counselling_decision_name(
			dec); /* static: the column's text goes on reset */
	gate->open_referrals = sqlite3_column_int(s, 2);
	gate->bookings = sqlite3_column_int(s, 3);
	sqlite3_reset(s);

	s = cor_sqlite_stmt(st, sql_gate_protection);
	if (s)
		sqlite3_bind_int64(s, 1, case_id);
	if ((err = step_row(st, s, "reading protection assessments")) < 0)
		return err;
	gate->persons = sqlite3_column_int(s, 0);
	gate->persons_assessed = sqlite3_column_int(s, 1);
	gate->persons_at_risk = sqlite3_column_int(s, 2);
	if (gate->persons_at_risk > 0)
		cor_person_ref_format(gate->person_at_risk, sizeof(gate->person_at_risk), c->ref,
				      sqlite3_column_int(s, 3));
	gate->persons_pre_migration = sqlite3_column_int(s, 4);
	sqlite3_reset(s);

	if (!strcmp(c->state, "on_hold")) {
		s = cor_sqlite_stmt(st, sql_gate_held_from);
		if (s)
			sqlite3_bind_int64(s, 1, case_id);
		err = step_row(st, s, "reading the history");
		if (err == 0) {
			cor_sqlite_copy_col(gate->held_from, sizeof(gate->held_from), s, 0);
			sqlite3_reset(s);
		} else if (err != COR_ENOTFOUND) {
			return err;
		}
	}
	return 0;
}

/* ---- moves ------------------------------------------------------------- */

static const char sql_state_set[] = "UPDATE cases SET state = ?2 WHERE id = ?1 AND state = ?3";

/* One integer from sql, its ?1 bound to id (0 for NULL). */
static int id_int(struct cor_store *st, const char *sql, int64_t id, const char *what, int *out)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	int err = step_row(st, s, what);
	if (err < 0)
		return err;
	*out = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

/* A case is booked exactly when it holds a booking in status booked
 * (store_movement.h): leaving 'booked' takes the booking with it:
 * departed, no_show, or cancelled. */
static int follow_booking(struct cor_store *st, int64_t case_id, const char *from, const char *to)
{
	static const char sql_set[] =
		"UPDATE booking SET status = ?2 WHERE case_id = ?1 AND status = 'booked'";
	if (strcmp(from, "booked") || !strcmp(to, "booked"))
		return 0;
	const char *status = !strcmp(to, "departed")  ? "departed"
			     : !strcmp(to, "no_show") ? "no_show"
						      : "cancelled";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_set);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, status);
	}
	return cor_sqlite_step_done(st, s, "changing a booking");
}

static int sqlite_case_state_set(struct cor_store *st, int64_t case_id, const char *from,
				 const char *to, const char *actor, const char *reason)
{
	char at[COR_TIME_LEN], detail[2 * COR_STATE_MAX + 8];
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = follow_booking(st, case_id, from, to)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_state_set);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, to);
		cor_sqlite_bind_text(s, 3, from);
	}
	if ((err = cor_sqlite_step_done(st, s, "changing the state of a case")) < 0)
		goto out;
	if (sqlite3_changes(st->db) != 1) {
		cor_sqlite_msg(st, "the case changed state while it was being moved");
		err = COR_EBUSY;
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s -> %s", from, to);
	err = add_event(st, case_id, cor_store_now(st, at), actor, "state", detail,
			reason ? reason : "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

/* ---- counselling ------------------------------------------------------- */

static const char sql_session_next[] =
	"SELECT coalesce(max(no), 0) + 1 FROM counselling WHERE case_id = ?1";
static const char sql_session_add[] =
	"INSERT INTO counselling (case_id, no, at, counsellor, language, interpreter, decision,"
	" asylum_wish, notes, recorded_by, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	"cor_uuid7())";
static const char sql_referral_open_no[] =
	"SELECT coalesce(min(no), 0) FROM referral WHERE case_id = ?1 AND closed_at IS NULL";
static const char sql_referral_next[] =
	"SELECT coalesce(max(no), 0) + 1 FROM referral WHERE case_id = ?1";
static const char sql_referral_add[] = "INSERT INTO referral (case_id, no, to_whom, subject, "
				       "counselling_id, opened_at, opened_by, uid)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, cor_uuid7())";

static int sqlite_counselling_session_add(struct cor_store *st, int64_t case_id,
					  const struct cor_counselling *s, const char *actor,
					  int *no, int64_t *session_id)
{
	char at[COR_TIME_LEN], detail[COR_NAME_MAX + 128];
	int n = 0;
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = id_int(st, sql_session_next, case_id, "numbering counselling sessions", &n)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_session_add);
	cor_store_now(st, at);
	if (q) {
		sqlite3_bind_int64(q, 1, case_id);
		sqlite3_bind_int(q, 2, n);
		cor_sqlite_bind_text(q, 3, at);
		cor_sqlite_bind_text(q, 4, s->counsellor);
		cor_sqlite_bind_text(q, 5, s->language);
		sqlite3_bind_int(q, 6, s->interpreter);
		cor_sqlite_bind_text(q, 7, cor_counselling_decision_name(s->decision));
		sqlite3_bind_int(q, 8, s->asylum_wish);
		cor_sqlite_bind_text(q, 9, s->notes ? s->notes : "");
		cor_sqlite_bind_text(q, 10, actor);
	}
	if ((err = cor_sqlite_step_done(st, q, "recording a counselling session")) < 0)
		goto out;
	if (session_id)
		*session_id = sqlite3_last_insert_rowid(st->db);
	snprintf(detail, sizeof(detail), "session %d by %s in %s%s: decision %s%s", n,
		 s->counsellor, s->language, s->interpreter ? " with an interpreter" : "",
		 cor_counselling_decision_name(s->decision), s->asylum_wish ? "; asylum wish" : "");
	err = add_event(st, case_id, at, actor, "counselling", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_referral_open_first(struct cor_store *st, int64_t case_id, int *no)
{
	return id_int(st, sql_referral_open_no, case_id, "reading referrals", no);
}

static int sqlite_referral_open(struct cor_store *st, int64_t case_id, const char *to,
				const char *subject, int64_t session_id, int session_no,
				const char *actor, int *no)
{
	char at[COR_TIME_LEN], detail[2 * COR_NAME_MAX + 96];
	int n = 0;
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = id_int(st, sql_referral_next, case_id, "numbering referrals", &n)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_referral_add);
	cor_store_now(st, at);
	if (q) {
		sqlite3_bind_int64(q, 1, case_id);
		sqlite3_bind_int(q, 2, n);
		cor_sqlite_bind_text(q, 3, to);
		cor_sqlite_bind_text(q, 4, subject);
		if (session_id > 0)
			sqlite3_bind_int64(q, 5, session_id);
		else
			sqlite3_bind_null(q, 5);
		cor_sqlite_bind_text(q, 6, at);
		cor_sqlite_bind_text(q, 7, actor);
	}
	if ((err = cor_sqlite_step_done(st, q, "opening a referral")) < 0)
		goto out;
	if (session_no > 0)
		snprintf(detail, sizeof(detail),
			 "referral %d opened to %s: %s (counselling session %d)", n, to, subject,
			 session_no);
	else
		snprintf(detail, sizeof(detail), "referral %d opened to %s: %s", n, to, subject);
	err = add_event(st, case_id, at, actor, "referral", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return cor_sqlite_unit_end(st, own, err);
}

static const char sql_session_list[] =
	"SELECT no, at, counsellor, language, interpreter, decision, asylum_wish, notes,"
	" recorded_by FROM counselling WHERE case_id = ?1 ORDER BY no";

static int sqlite_counselling_list(struct cor_store *st, const char *ref,
				   int (*cb)(const struct cor_counselling_record *r, void *ctx),
				   void *ctx)
{
	int64_t id;
	int err = cor_sqlite_case_id(st, ref, &id), rc, ret = 0;
	if (err < 0)
		return err;
	/* Not a cached statement: the callback may call the store. */
	sqlite3_stmt *s = NULL;
	if ((rc = sqlite3_prepare_v2(st->db, sql_session_list, -1, &s, NULL)) != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading counselling sessions");
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_counselling_record r = {0};
		r.no = sqlite3_column_int(s, 0);
		cor_sqlite_copy_col(r.at, sizeof(r.at), s, 1);
		r.s.counsellor = (const char *)sqlite3_column_text(s, 2);
		r.s.language = (const char *)sqlite3_column_text(s, 3);
		r.s.interpreter = sqlite3_column_int(s, 4) != 0;
		r.s.decision = COR_COUNSEL_UNDECIDED;
		cor_counselling_decision_parse((const char *)sqlite3_column_text(s, 5),
					       &r.s.decision);
		r.s.asylum_wish = sqlite3_column_int(s, 6) != 0;
		r.s.notes = (const char *)sqlite3_column_text(s, 7);
		r.recorded_by = (const char *)sqlite3_column_text(s, 8);
		if ((ret = cb(&r, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading counselling sessions");
	sqlite3_finalize(s);
	return ret;
}

/* ---- referrals --------------------------------------------------------- */

static const char sql_referral_list[] =
	"SELECT r.no, r.to_whom, r.subject, coalesce(s.no, 0), r.opened_at, r.opened_by,"
	" r.outcome, r.closed_at, r.closed_by"
	" FROM referral r LEFT JOIN counselling s ON s.id = r.counselling_id"
	" WHERE r.case_id = ?1 ORDER BY r.no";

static int sqlite_referral_list(struct cor_store *st, const char *ref,
				int (*cb)(const struct cor_referral *r, void *ctx), void *ctx)
{
	int64_t id;
	int err = cor_sqlite_case_id(st, ref, &id), rc, ret = 0;
	if (err < 0)
		return err;
	sqlite3_stmt *s = NULL;
	if ((rc = sqlite3_prepare_v2(st->db, sql_referral_list, -1, &s, NULL)) != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading referrals");
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_referral r = {0};
		r.no = sqlite3_column_int(s, 0);
		r.to = (const char *)sqlite3_column_text(s, 1);
		r.subject = (const char *)sqlite3_column_text(s, 2);
		r.session = sqlite3_column_int(s, 3);
		cor_sqlite_copy_col(r.opened_at, sizeof(r.opened_at), s, 4);
		r.opened_by = (const char *)sqlite3_column_text(s, 5);
		r.outcome = (const char *)sqlite3_column_text(s, 6);
		cor_sqlite_copy_col(r.closed_at, sizeof(r.closed_at), s, 7);
		r.closed_by = (const char *)sqlite3_column_text(s, 8);
		if ((ret = cb(&r, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading referrals");
	sqlite3_finalize(s);
	return ret;
}

static const char sql_referral_get[] =
	"SELECT id, to_whom, closed_at, outcome FROM referral WHERE case_id = ?1 AND no = ?2";
static const char sql_referral_close[] =
	"UPDATE referral SET outcome = ?2, closed_at = ?3, closed_by = ?4"
	" WHERE id = ?1 AND closed_at IS NULL";

static int sqlite_referral_close(struct cor_store *st, const char *ref, int no, const char *outcome,
				 const char *actor)
{
	char at[COR_TIME_LEN], to[COR_NAME_MAX + 1], detail[COR_NAME_MAX + 64];
	int64_t case_id, rid;
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = cor_sqlite_case_id(st, ref, &case_id)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_referral_get);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		sqlite3_bind_int(s, 2, no);
	}
	if ((err = step_row(st, s, "reading a referral")) < 0) {
		if (err == COR_ENOTFOUND)
			cor_sqlite_msg(st, "case '%s' has no referral %d", ref, no);
		goto out;
	}
	rid = sqlite3_column_int64(s, 0);
	cor_sqlite_copy_col(to, sizeof(to), s, 1);
	if (sqlite3_column_type(s, 2) != SQLITE_NULL) {
		cor_sqlite_msg(st, "referral %d of case '%s' is already closed (%s: %s)", no, ref,
			       (const char *)sqlite3_column_text(s, 2),
			       (const char *)sqlite3_column_text(s, 3));
		sqlite3_reset(s);
		err = COR_EWRONGSTATE;
		goto out;
	}
	sqlite3_reset(s);
	s = cor_sqlite_stmt(st, sql_referral_close);
	if (s) {
		sqlite3_bind_int64(s, 1, rid);
		cor_sqlite_bind_text(s, 2, outcome);
		cor_sqlite_bind_text(s, 3, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 4, actor);
	}
	if ((err = cor_sqlite_step_done(st, s, "closing a referral")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "referral %d to %s closed", no, to);
	err = add_event(st, case_id, at, actor, "referral", detail, outcome);
out:
	return cor_sqlite_unit_end(st, own, err);
}

/* ---- protection -------------------------------------------------------- */

static const char sql_assessment_add[] =
	"INSERT INTO protection_assessment (person_id, level, grounds, assessed_by, at, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, cor_uuid7())";
static const char sql_assessment_count[] =
	"SELECT count(*) FROM protection_assessment WHERE person_id = ?1";
/* The person's latest assessment: id, level, its number, when cleared. */
static const char sql_assessment_latest[] =
	"SELECT a.id, a.level,"
	" (SELECT count(*) FROM protection_assessment b WHERE b.person_id = a.person_id"
	"   AND b.id <= a.id), k.at"
	" FROM protection_assessment a LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
	" WHERE a.person_id = ?1 ORDER BY a.id DESC LIMIT 1";
static const char sql_clearance_add[] =
	"INSERT INTO protection_clearance (assessment_id, cleared_by, at, reason, uid)"
	" VALUES (?1, ?2, ?3, ?4, cor_uuid7())";

static int sqlite_protection_latest(struct cor_store *st, int64_t person_id,
				    struct cor_protection_latest *l, int64_t *assessment_id)
{
	memset(l, 0, sizeof(*l));
	if (assessment_id)
		*assessment_id = 0;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_assessment_latest);
	if (s)
		sqlite3_bind_int64(s, 1, person_id);
	int err = step_row(st, s, "reading protection assessments");
	if (err == COR_ENOTFOUND)
		return 0;
	if (err < 0)
		return err;
	if (assessment_id)
		*assessment_id = sqlite3_column_int64(s, 0);
	cor_protection_level_parse((const char *)sqlite3_column_text(s, 1), &l->level);
	l->no = sqlite3_column_int(s, 2);
	cor_sqlite_copy_col(l->cleared_at, sizeof(l->cleared_at), s, 3);
	sqlite3_reset(s);
	return 0;
}

static int sqlite_protection_assessment_add(struct cor_store *st, int64_t case_id,
					    int64_t person_id, const char *person_ref,
					    enum cor_protection_level level, const char *grounds,
					    const char *actor, int *no)
{
	char at[COR_TIME_LEN], detail[COR_PERSON_REF_MAX + 96];
	int n = 0;
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_assessment_add);
	if (s) {
		sqlite3_bind_int64(s, 1, person_id);
		cor_sqlite_bind_text(s, 2, cor_protection_level_name(level));
		cor_sqlite_bind_text(s, 3, grounds);
		cor_sqlite_bind_text(s, 4, actor);
		cor_sqlite_bind_text(s, 5, cor_store_now(st, at));
	}
	if ((err = cor_sqlite_step_done(st, s, "recording a protection assessment")) < 0)
		goto out;
	if ((err = id_int(st, sql_assessment_count, person_id, "numbering assessments", &n)) < 0)
		goto out;
	/* The grounds stay in the assessment, read by protection staff only:
	 * the history every role reads says the level. */
	snprintf(detail, sizeof(detail), "person %s assessed at %s protection risk (assessment %d)",
		 person_ref, cor_protection_level_name(level), n);
	err = add_event(st, case_id, at, actor, "protection", detail, "");
out:
	if (err == 0 && no)
		*no = n;
	return cor_sqlite_unit_end(st, own, err);
}

static int sqlite_protection_clearance_add(struct cor_store *st, int64_t case_id,
					   int64_t assessment_id, const char *person_ref, int no,
					   const char *reason, const char *actor)
{
	char at[COR_TIME_LEN], detail[COR_PERSON_REF_MAX + 96];
	bool own;
	int err;

	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_clearance_add);
	if (s) {
		sqlite3_bind_int64(s, 1, assessment_id);
		cor_sqlite_bind_text(s, 2, actor);
		cor_sqlite_bind_text(s, 3, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 4, reason);
	}
	if ((err = cor_sqlite_step_done(st, s, "recording a protection clearance")) < 0)
		goto out;
	snprintf(detail, sizeof(detail),
		 "person %s cleared of high protection risk (assessment %d)", person_ref, no);
	err = add_event(st, case_id, at, actor, "protection", detail, reason);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static const char sql_protection_list[] =
	"SELECT p.seq,"
	" (SELECT count(*) FROM protection_assessment WHERE person_id = p.id),"
	" a.level, a.at, a.assessed_by, k.at, k.cleared_by, k.reason"
	" FROM person p"
	" LEFT JOIN protection_assessment a ON a.id ="
	"   (SELECT max(id) FROM protection_assessment WHERE person_id = p.id)"
	" LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
	" WHERE p.case_id = ?1 ORDER BY p.seq";

static int sqlite_protection_list(struct cor_store *st, const char *ref,
				  int (*cb)(const struct cor_protection_record *r, void *ctx),
				  void *ctx)
{
	int64_t id;
	int err = cor_sqlite_case_id(st, ref, &id), rc, ret = 0;
	if (err < 0)
		return err;
	/* Not a cached statement: the callback may call the store. */
	sqlite3_stmt *s = NULL;
	if ((rc = sqlite3_prepare_v2(st->db, sql_protection_list, -1, &s, NULL)) != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading protection assessments");
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_protection_record r = {0};
		r.person = sqlite3_column_int(s, 0);
		r.assessments = sqlite3_column_int(s, 1);
		r.level = (const char *)sqlite3_column_text(s, 2);
		cor_sqlite_copy_col(r.at, sizeof(r.at), s, 3);
		r.assessed_by = (const char *)sqlite3_column_text(s, 4);
		cor_sqlite_copy_col(r.cleared_at, sizeof(r.cleared_at), s, 5);
		r.cleared_by = (const char *)sqlite3_column_text(s, 6);
		r.clear_reason = (const char *)sqlite3_column_text(s, 7);
		if ((ret = cb(&r, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading protection assessments");
	sqlite3_finalize(s);
	return ret;
}

const struct cor_store_workflow_ops cor_sqlite_workflow_ops = {
	.case_gate = sqlite_case_gate,
	.case_state_set = sqlite_case_state_set,
	.counselling_session_add = sqlite_counselling_session_add,
	.referral_open_first = sqlite_referral_open_first,
	.referral_open = sqlite_referral_open,
	.counselling_list = sqlite_counselling_list,
	.referral_list = sqlite_referral_list,
	.referral_close = sqlite_referral_close,
	.protection_latest = sqlite_protection_latest,
	.protection_assessment_add = sqlite_protection_assessment_add,
	.protection_clearance_add = sqlite_protection_clearance_add,
	.protection_list = sqlite_protection_list,
};

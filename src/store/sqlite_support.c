// SPDX-License-Identifier: Apache-2.0
// SQLite side of arrival and (re)integration support: records only. Which
// cases take support, when an item can be settled and when support can
// close are the rules of domain/support.h, checked by the operations layer
// (service/support.h), which also moves the case through the lifecycle.
#include <stdio.h>
#include <string.h>

#include "domain/money.h"
#include "store/migrations.h"
#include "store/store_sqlite_int.h"
#include "store/store_support_ops.h"
#include "util/error.h"

const char cor_sqlite_migration_support[] =
	"CREATE TABLE arrival ("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  at TEXT NOT NULL,"
	"  place TEXT NOT NULL CHECK (length(place) >= 1),"
	"  confirmed_by TEXT NOT NULL,"
	"  note TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE support_item ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  no INTEGER NOT NULL CHECK (no >= 1),"
	"  kind TEXT NOT NULL CHECK (kind = 'cash' OR kind = 'in_kind' OR kind = 'referral'"
	"    OR kind = 'business' OR kind = 'medical' OR kind = 'education' OR kind = 'housing'"
	"    OR kind = 'psychosocial'),"
	"  description TEXT NOT NULL CHECK (length(description) >= 1),"
	"  amount INTEGER NOT NULL CHECK (amount >= 0),"
	"  currency TEXT NOT NULL CHECK (currency = '' OR length(currency) = 3),"
	"  status TEXT NOT NULL"
	"    CHECK (status = 'planned' OR status = 'delivered' OR status = 'cancelled'),"
	"  planned_by TEXT NOT NULL,"
	"  planned_at TEXT NOT NULL,"
	"  done_by TEXT NOT NULL DEFAULT '',"
	"  done_at TEXT NOT NULL DEFAULT '',"
	"  done_note TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (case_id, no)"
	") STRICT;"
	"CREATE TABLE support_visit ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  no INTEGER NOT NULL CHECK (no >= 1),"
	"  on_date TEXT NOT NULL,"
	"  visited_by TEXT NOT NULL CHECK (length(visited_by) >= 1),"
	"  finding TEXT NOT NULL CHECK (length(finding) >= 1),"
	"  recorded_by TEXT NOT NULL,"
	"  UNIQUE (case_id, no)"
	") STRICT;"
	"CREATE TRIGGER support_visit_no_update BEFORE UPDATE ON support_visit"
	"  BEGIN SELECT RAISE(ABORT, 'follow-up visits are never changed: record a new one'); END;";

static const char sql_arrival_add[] =
	"INSERT INTO arrival (case_id, at, place, confirmed_by, note) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_arrival_get[] = "SELECT a.at, a.place, a.confirmed_by, a.note FROM arrival a "
				      "JOIN cases c ON c.id = a.case_id"
				      " WHERE c.ref = ?1";
static const char sql_item_next[] =
	"SELECT coalesce(max(no), 0) + 1 FROM support_item WHERE case_id = ?1";
static const char sql_item_add[] =
	"INSERT INTO support_item (case_id, no, kind, description, amount, currency, status,"
	" planned_by, planned_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'planned', ?7, ?8, "
	"cor_uuid7())";
static const char sql_item_get[] =
	"SELECT i.no, i.kind, i.description, i.amount, i.currency, i.status, i.planned_at,"
	" i.done_at, i.done_note FROM support_item i JOIN cases c ON c.id = i.case_id"
	" WHERE c.ref = ?1 AND i.no = ?2";
static const char sql_item_done[] =
	"UPDATE support_item SET status = ?3, done_by = ?4, done_at = ?5, done_note = ?6"
	" WHERE case_id = ?1 AND no = ?2";
static const char sql_visit_next[] =
	"SELECT coalesce(max(no), 0) + 1 FROM support_visit WHERE case_id = ?1";
static const char sql_visit_add[] =
	"INSERT INTO support_visit (case_id, no, on_date, visited_by, finding, recorded_by, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, cor_uuid7())";
static const char sql_tally[] =
	"SELECT (SELECT count(*) FROM support_item WHERE case_id = ?1 AND status = 'planned'),"
	" (SELECT count(*) FROM support_item WHERE case_id = ?1 AND status = 'delivered'),"
	" (SELECT count(*) FROM support_item WHERE case_id = ?1 AND status = 'cancelled'),"
	" (SELECT count(*) FROM support_visit WHERE case_id = ?1)";
static const char sql_items[] =
	"SELECT i.no, i.kind, i.description, i.amount, i.currency, i.status, i.planned_at,"
	" i.done_at, i.done_note FROM support_item i JOIN cases c ON c.id = i.case_id"
	" WHERE c.ref = ?1 ORDER BY i.no";
static const char sql_visits[] =
	"SELECT v.no, v.on_date, v.visited_by, v.finding FROM support_visit v"
	" JOIN cases c ON c.id = v.case_id WHERE c.ref = ?1 ORDER BY v.no";

static int event(struct cor_store *st, int64_t case_id, const char *actor, const char *detail,
		 const char *reason)
{
	struct cor_event e = {.actor = actor,
			      .action = "support",
			      .detail = detail,
			      .reason = reason ? reason : ""};
	cor_store_now(st, e.at);
	return cor_store_event_add(st, case_id, &e);
}

static int next_no(struct cor_store *st, const char *sql, int64_t case_id, int *no)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "numbering");
	sqlite3_bind_int64(q, 1, case_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*no = sqlite3_column_int(q, 0);
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? 0 : cor_sqlite_fail(st, rc, "numbering");
}

/* An item from a row of sql_items or sql_item_get. */
static void read_item(sqlite3_stmt *q, struct cor_support_item *i)
{
	memset(i, 0, sizeof(*i));
	i->no = sqlite3_column_int(q, 0);
	cor_support_kind_parse((const char *)sqlite3_column_text(q, 1), &i->kind);
	cor_sqlite_copy_col(i->description, sizeof(i->description), q, 2);
	i->amount = sqlite3_column_int64(q, 3);
	cor_sqlite_copy_col(i->currency, sizeof(i->currency), q, 4);
	cor_support_status_parse((const char *)sqlite3_column_text(q, 5), &i->status);
	cor_sqlite_copy_col(i->planned_at, sizeof(i->planned_at), q, 6);
	cor_sqlite_copy_col(i->done_at, sizeof(i->done_at), q, 7);
	cor_sqlite_copy_col(i->done_note, sizeof(i->done_note), q, 8);
}

static int sq_arrival_record(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			     const char *actor)
{
	int64_t case_id = 0;
	bool own;
	char detail[256];
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(st, ref, &case_id, NULL)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_arrival_add);
	if (!q) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "confirming an arrival");
		goto out;
	}
	sqlite3_bind_int64(q, 1, case_id);
	cor_sqlite_bind_text(q, 2, a->at);
	cor_sqlite_bind_text(q, 3, a->place);
	cor_sqlite_bind_text(q, 4, a->confirmed_by[0] ? a->confirmed_by : actor);
	cor_sqlite_bind_text(q, 5, a->note);
	if ((err = cor_sqlite_step_done(st, q, "confirming an arrival")) < 0) {
		if (err == COR_EEXIST)
			cor_sqlite_msg(st, "the arrival of case '%s' is already confirmed", ref);
		goto out;
	}
	snprintf(detail, sizeof(detail), "arrival confirmed at %s on %s by %s", a->place, a->at,
		 a->confirmed_by[0] ? a->confirmed_by : actor);
	err = event(st, case_id, actor, detail, a->note);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sq_arrival_get(struct cor_store *st, const char *ref, struct cor_arrival *out)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_arrival_get);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading an arrival");
	cor_sqlite_bind_text(q, 1, ref);
	int rc = sqlite3_step(q), err = 0;
	if (rc == SQLITE_ROW) {
		cor_sqlite_copy_col(out->at, sizeof(out->at), q, 0);
		cor_sqlite_copy_col(out->place, sizeof(out->place), q, 1);
		cor_sqlite_copy_col(out->confirmed_by, sizeof(out->confirmed_by), q, 2);
		cor_sqlite_copy_col(out->note, sizeof(out->note), q, 3);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no arrival is confirmed for case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading an arrival");
	}
	sqlite3_reset(q);
	return err;
}

/* The case's id; COR_ENOTFOUND when there is none. */
static int case_id_of(struct cor_store *st, const char *ref, int64_t *id)
{
	return cor_store_case_get(st, ref, id, NULL);
}

static int sq_plan(struct cor_store *st, const char *ref, enum cor_support_kind kind,
		   const char *description, int64_t amount, const char *currency, const char *actor,
		   int *no)
{
	int64_t case_id = 0;
	bool own;
	char at[COR_TIME_LEN], detail[400], m[COR_MONEY_LEN];
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = case_id_of(st, ref, &case_id)) < 0 ||
	    (err = next_no(st, sql_item_next, case_id, no)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_item_add);
	if (!q) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "planning an item");
		goto out;
	}
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, *no);
	cor_sqlite_bind_text(q, 3, cor_support_kind_name(kind));
	cor_sqlite_bind_text(q, 4, description);
	sqlite3_bind_int64(q, 5, amount);
	cor_sqlite_bind_text(q, 6, amount ? currency : "");
	cor_sqlite_bind_text(q, 7, actor);
	cor_sqlite_bind_text(q, 8, cor_store_now(st, at));
	if ((err = cor_sqlite_step_done(st, q, "planning an item")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "item %d planned: %s, %s%s%s", *no,
		 cor_support_kind_name(kind), description, amount ? ", " : "",
		 amount ? cor_money_format(amount, currency, m) : "");
	err = event(st, case_id, actor, detail, "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sq_item_get(struct cor_store *st, const char *ref, int no, struct cor_support_item *out)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_item_get);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading an item");
	cor_sqlite_bind_text(q, 1, ref);
	sqlite3_bind_int(q, 2, no);
	int rc = sqlite3_step(q), err = 0;
	if (rc == SQLITE_ROW) {
		read_item(q, out);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "case '%s' has no assistance item %d", ref, no);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading an item");
	}
	sqlite3_reset(q);
	return err;
}

static int sq_done(struct cor_store *st, const char *ref, int no, enum cor_support_status status,
		   const char *note, const char *actor)
{
	int64_t case_id = 0;
	bool own;
	char at[COR_TIME_LEN], detail[400];
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = case_id_of(st, ref, &case_id)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_item_done);
	if (!q) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "updating an item");
		goto out;
	}
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, no);
	cor_sqlite_bind_text(q, 3, cor_support_status_name(status));
	cor_sqlite_bind_text(q, 4, actor);
	cor_sqlite_bind_text(q, 5, cor_store_now(st, at));
	cor_sqlite_bind_text(q, 6, note ? note : "");
	if ((err = cor_sqlite_step_done(st, q, "updating an item")) < 0)
		goto out;
	snprintf(detail, sizeof(detail), "item %d %s", no, cor_support_status_name(status));
	err = event(st, case_id, actor, detail, note);
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sq_visit(struct cor_store *st, const char *ref, struct cor_date on, const char *by,
		    const char *finding, const char *actor, int *no)
{
	int64_t case_id = 0;
	bool own;
	char date[COR_DATE_LEN], detail[200];
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = case_id_of(st, ref, &case_id)) < 0 ||
	    (err = next_no(st, sql_visit_next, case_id, no)) < 0)
		goto out;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_visit_add);
	if (!q) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a visit");
		goto out;
	}
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, *no);
	cor_sqlite_bind_text(q, 3, cor_date_format(on, date));
	cor_sqlite_bind_text(q, 4, by);
	cor_sqlite_bind_text(q, 5, finding);
	cor_sqlite_bind_text(q, 6, actor);
	if ((err = cor_sqlite_step_done(st, q, "recording a visit")) < 0)
		goto out;
	/* The finding stays with the visit; the history says a visit happened. */
	snprintf(detail, sizeof(detail), "follow-up visit %d on %s by %s", *no, date, by);
	err = event(st, case_id, actor, detail, "");
out:
	return cor_sqlite_unit_end(st, own, err);
}

static int sq_tally(struct cor_store *st, const char *ref, struct cor_support_tally *t)
{
	int64_t case_id = 0;
	int err = case_id_of(st, ref, &case_id);
	if (err < 0)
		return err;
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_tally);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading the support");
	sqlite3_bind_int64(q, 1, case_id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		t->planned = sqlite3_column_int(q, 0);
		t->delivered = sqlite3_column_int(q, 1);
		t->cancelled = sqlite3_column_int(q, 2);
		t->visits = sqlite3_column_int(q, 3);
	}
	sqlite3_reset(q);
	return rc == SQLITE_ROW ? 0 : cor_sqlite_fail(st, rc, "reading the support");
}

static int sq_close(struct cor_store *st, const char *ref, const char *outcome, const char *actor)
{
	int64_t case_id = 0;
	int err = case_id_of(st, ref, &case_id);
	return err < 0 ? err : event(st, case_id, actor, "support closed", outcome);
}

static int sq_items(struct cor_store *st, const char *ref,
		    int (*cb)(const struct cor_support_item *i, void *ctx), void *ctx)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_items);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading items");
	cor_sqlite_bind_text(q, 1, ref);
	int rc, ret = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct cor_support_item i;
		read_item(q, &i);
		if ((ret = cb(&i, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading items");
	sqlite3_reset(q);
	return ret;
}

static int sq_visits(struct cor_store *st, const char *ref,
		     int (*cb)(const struct cor_support_visit *v, void *ctx), void *ctx)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_visits);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading visits");
	cor_sqlite_bind_text(q, 1, ref);
	int rc, ret = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct cor_support_visit v;
		memset(&v, 0, sizeof(v));
		v.no = sqlite3_column_int(q, 0);
		cor_date_parse((const char *)sqlite3_column_text(q, 1), &v.on);
		cor_sqlite_copy_col(v.by, sizeof(v.by), q, 2);
		cor_sqlite_copy_col(v.finding, sizeof(v.finding), q, 3);
		if ((ret = cb(&v, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading visits");
	sqlite3_reset(q);
	return ret;
}

const struct cor_store_support_ops cor_sqlite_support_ops = {
	.arrival_record = sq_arrival_record,
	.arrival_get = sq_arrival_get,
	.plan = sq_plan,
	.item_get = sq_item_get,
	.done = sq_done,
	.visit = sq_visit,
	.tally = sq_tally,
	.close = sq_close,
	.items = sq_items,
	.visits = sq_visits,
};

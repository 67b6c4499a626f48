// SPDX-License-Identifier: Apache-2.0
// SQLite side of the stranded-migrant fund. Money is stored in minor units
// (INTEGER); positions are sums over requests and payments, never stored.
// Records only: which requests may be approved or paid, and how much, is
// decided by the fund's rules (domain/fund.h) in the operations layer.
#include <stdio.h>
#include <string.h>

#include "domain/money.h"
#include "store/migrations.h"
#include "store/store_fund_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

const char cor_sqlite_migration_fund[] =
	"CREATE TABLE fund_budget ("
	"  office_id INTEGER NOT NULL REFERENCES office(id),"
	"  year INTEGER NOT NULL,"
	"  currency TEXT NOT NULL CHECK (length(currency) = 3),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  set_by TEXT NOT NULL,"
	"  set_at TEXT NOT NULL,"
	"  PRIMARY KEY (office_id, year, currency)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE fund_request ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  year INTEGER NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  currency TEXT NOT NULL CHECK (length(currency) = 3),"
	"  state TEXT NOT NULL"
	"    CHECK (state = 'requested' OR state = 'approved' OR state = 'rejected'),"
	"  note TEXT NOT NULL,"
	"  requested_by TEXT NOT NULL,"
	"  requested_at TEXT NOT NULL,"
	"  decided_by TEXT NOT NULL DEFAULT '',"
	"  decided_at TEXT NOT NULL DEFAULT '',"
	"  decision_note TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE INDEX fund_request_case ON fund_request(case_id);"
	"CREATE TABLE fund_payment ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES fund_request(id),"
	"  amount INTEGER NOT NULL CHECK (amount > 0),"
	"  reference TEXT NOT NULL,"
	"  paid_by TEXT NOT NULL,"
	"  paid_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX fund_payment_request ON fund_payment(request_id);";

static const char sql_office[] = "SELECT id FROM office WHERE code = ?1";
static const char sql_budget_get[] =
	"SELECT amount FROM fund_budget WHERE office_id = ?1 AND year = ?2 AND currency = ?3";
static const char sql_budget_set[] =
	"INSERT INTO fund_budget (office_id, year, currency, amount, set_by, set_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (office_id, year, currency)"
	" DO UPDATE SET amount = excluded.amount, set_by = excluded.set_by, set_at = "
	"excluded.set_at";
static const char sql_approved[] =
	"SELECT coalesce(sum(r.amount), 0) FROM fund_request r JOIN cases c ON c.id = r.case_id"
	" WHERE c.office_id = ?1 AND r.year = ?2 AND r.currency = ?3 AND r.state = 'approved'";
static const char sql_paid_office[] =
	"SELECT coalesce(sum(p.amount), 0) FROM fund_payment p"
	" JOIN fund_request r ON r.id = p.request_id JOIN cases c ON c.id = r.case_id"
	" WHERE c.office_id = ?1 AND r.year = ?2 AND r.currency = ?3";
static const char sql_request_add[] =
	"INSERT INTO fund_request (case_id, year, reason, kind, amount, currency, state, note,"
	" requested_by, requested_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'requested', ?7, ?8, "
	"?9, cor_uuid7())";
static const char sql_request_get[] =
	"SELECT r.id, c.ref, o.code, r.year, r.reason, r.kind, r.amount, r.currency, r.state,"
	" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p WHERE p.request_id = r.id),"
	" r.requested_by, r.requested_at, r.note, r.decided_by, r.decision_note, c.id"
	" FROM fund_request r JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = c.office_id"
	" WHERE r.id = ?1";
static const char sql_request_list[] =
	"SELECT r.id, c.ref, o.code, r.year, r.reason, r.kind, r.amount, r.currency, r.state,"
	" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p WHERE p.request_id = r.id),"
	" r.requested_by, r.requested_at, r.note, r.decided_by, r.decision_note, c.id"
	" FROM fund_request r JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = c.office_id"
	" WHERE (?1 IS NULL OR o.code = ?1) AND r.year = ?2 ORDER BY r.id";
static const char sql_case_requests[] =
	"SELECT r.id, c.ref, o.code, r.year, r.reason, r.kind, r.amount, r.currency, r.state,"
	" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p WHERE p.request_id = r.id),"
	" r.requested_by, r.requested_at, r.note, r.decided_by, r.decision_note, c.id"
	" FROM fund_request r JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = c.office_id"
	" WHERE c.ref = ?1 ORDER BY r.id";
static const char sql_decide[] =
	"UPDATE fund_request SET state = ?2, decided_by = ?3, decided_at = ?4, decision_note = ?5"
	" WHERE id = ?1";
static const char sql_pay[] =
	"INSERT INTO fund_payment (request_id, amount, reference, paid_by, paid_at, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, cor_uuid7())";
static const char sql_currencies[] =
	"SELECT currency FROM fund_budget WHERE office_id = ?1 AND year = ?2"
	" UNION SELECT r.currency FROM fund_request r JOIN cases c ON c.id = r.case_id"
	" WHERE c.office_id = ?1 AND r.year = ?2 ORDER BY 1";

/* A one-integer query: ?1 an id, ?2 a year, ?3 a text (when not NULL). */
static int one_int(struct cor_store *st, const char *sql, int64_t a, int b, const char *c,
		   int64_t *out)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading the fund");
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int(s, 2, b);
	if (c)
		cor_sqlite_bind_text(s, 3, c);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE)
		*out = 0;
	else
		err = cor_sqlite_fail(st, rc, "reading the fund");
	sqlite3_reset(s);
	return err;
}

static int office_id(struct cor_store *st, const char *office, int64_t *id)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_office);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading offices");
	cor_sqlite_bind_text(s, 1, office);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return cor_sqlite_fail(st, rc, "reading offices");
	cor_sqlite_msg(st, "no office '%s'", office);
	return COR_ENOTFOUND;
}

static int position(struct cor_store *st, int64_t oid, int year, const char *currency,
		    struct cor_fund_position *p)
{
	int err;
	if ((err = one_int(st, sql_budget_get, oid, year, currency, &p->budget)) < 0 ||
	    (err = one_int(st, sql_approved, oid, year, currency, &p->approved)) < 0 ||
	    (err = one_int(st, sql_paid_office, oid, year, currency, &p->disbursed)) < 0)
		return err;
	return 0;
}

static int sq_position(struct cor_store *st, const char *office, int year, const char *currency,
		       struct cor_fund_position *out)
{
	int64_t oid = 0;
	int err = office_id(st, office, &oid);
	return err < 0 ? err : position(st, oid, year, currency, out);
}

static int fund_event(struct cor_store *st, int64_t case_id, const char *actor, const char *detail,
		      const char *reason)
{
	struct cor_event e = {
		.actor = actor, .action = "fund", .detail = detail, .reason = reason ? reason : ""};
	cor_store_now(st, e.at);
	if (case_id)
		return cor_store_event_add(st, case_id, &e);
	/* Budgets belong to no case: the event has no case. */
	static const char sql[] =
		"INSERT INTO event (case_id, at, actor, action, detail, reason, uid)"
		" VALUES (NULL, ?1, ?2, ?3, ?4, ?5, cor_uuid7())";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording an event");
	cor_sqlite_bind_text(s, 1, e.at);
	cor_sqlite_bind_text(s, 2, e.actor);
	cor_sqlite_bind_text(s, 3, e.action);
	cor_sqlite_bind_text(s, 4, e.detail);
	cor_sqlite_bind_text(s, 5, e.reason);
	return cor_sqlite_step_done(st, s, "recording an event");
}

static int sq_set_budget(struct cor_store *st, const char *office, int year, const char *currency,
			 int64_t amount, const char *actor)
{
	struct cor_fund_position p;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN], b[COR_MONEY_LEN];
	int64_t oid = 0;
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = office_id(st, office, &oid)) < 0 ||
	    (err = position(st, oid, year, currency, &p)) < 0)
		return cor_sqlite_unit_end(st, own, err);
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_budget_set);
	if (!s)
		return cor_sqlite_unit_end(
			st, own, cor_sqlite_fail(st, sqlite3_errcode(st->db), "setting a budget"));
	cor_store_now(st, at);
	sqlite3_bind_int64(s, 1, oid);
	sqlite3_bind_int(s, 2, year);
	cor_sqlite_bind_text(s, 3, currency);
	sqlite3_bind_int64(s, 4, amount);
	cor_sqlite_bind_text(s, 5, actor);
	cor_sqlite_bind_text(s, 6, at);
	if ((err = cor_sqlite_step_done(st, s, "setting a budget")) < 0)
		return cor_sqlite_unit_end(st, own, err);
	if (p.budget)
		snprintf(detail, sizeof(detail), "budget %s %d set to %s (was %s)", office, year,
			 cor_money_format(amount, currency, a),
			 cor_money_format(p.budget, currency, b));
	else
		snprintf(detail, sizeof(detail), "budget %s %d set to %s", office, year,
			 cor_money_format(amount, currency, a));
	return cor_sqlite_unit_end(st, own, fund_event(st, 0, actor, detail, NULL));
}

static void read_request(sqlite3_stmt *s, struct cor_fund_request *r, int64_t *case_id)
{
	memset(r, 0, sizeof(*r));
	r->id = (long)sqlite3_column_int64(s, 0);
	cor_sqlite_copy_col(r->case_ref, sizeof(r->case_ref), s, 1);
	cor_sqlite_copy_col(r->office, sizeof(r->office), s, 2);
	r->year = sqlite3_column_int(s, 3);
	cor_sqlite_copy_col(r->reason, sizeof(r->reason), s, 4);
	cor_sqlite_copy_col(r->kind, sizeof(r->kind), s, 5);
	r->amount = sqlite3_column_int64(s, 6);
	cor_sqlite_copy_col(r->currency, sizeof(r->currency), s, 7);
	cor_fund_state_parse((const char *)sqlite3_column_text(s, 8), &r->state);
	r->paid = sqlite3_column_int64(s, 9);
	cor_sqlite_copy_col(r->requested_by, sizeof(r->requested_by), s, 10);
	cor_sqlite_copy_col(r->requested_at, sizeof(r->requested_at), s, 11);
	cor_sqlite_copy_col(r->note, sizeof(r->note), s, 12);
	cor_sqlite_copy_col(r->decided_by, sizeof(r->decided_by), s, 13);
	cor_sqlite_copy_col(r->decision_note, sizeof(r->decision_note), s, 14);
	if (case_id)
		*case_id = sqlite3_column_int64(s, 15);
}

static int get(struct cor_store *st, long id, struct cor_fund_request *out, int64_t *case_id)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_request_get);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a fund request");
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW)
		read_request(s, out, case_id);
	else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no fund request %ld", id);
		err = COR_ENOTFOUND;
	} else
		err = cor_sqlite_fail(st, rc, "reading a fund request");
	sqlite3_reset(s);
	return err;
}

static int sq_get(struct cor_store *st, long id, struct cor_fund_request *out)
{
	return get(st, id, out, NULL);
}

static int sq_request(struct cor_store *st, const char *case_ref, int year, const char *reason,
		      const char *kind, int64_t amount, const char *currency, const char *note,
		      const char *actor, long *id)
{
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN];
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(st, case_ref, &case_id, NULL)) < 0)
		return cor_sqlite_unit_end(st, own, err);
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_request_add);
	if (!s)
		return cor_sqlite_unit_end(
			st, own,
			cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a request"));
	cor_store_now(st, at);
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int(s, 2, year);
	cor_sqlite_bind_text(s, 3, reason);
	cor_sqlite_bind_text(s, 4, kind);
	sqlite3_bind_int64(s, 5, amount);
	cor_sqlite_bind_text(s, 6, currency);
	cor_sqlite_bind_text(s, 7, note ? note : "");
	cor_sqlite_bind_text(s, 8, actor);
	cor_sqlite_bind_text(s, 9, at);
	if ((err = cor_sqlite_step_done(st, s, "recording a request")) < 0)
		return cor_sqlite_unit_end(st, own, err);
	*id = (long)sqlite3_last_insert_rowid(st->db);
	snprintf(detail, sizeof(detail), "request %ld: %s for %s (%s)", *id,
		 cor_money_format(amount, currency, a), kind, reason);
	return cor_sqlite_unit_end(st, own, fund_event(st, case_id, actor, detail, note));
}

static int sq_decide(struct cor_store *st, long id, bool approve, const char *note,
		     const char *actor)
{
	struct cor_fund_request r;
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN];
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = get(st, id, &r, &case_id)) < 0)
		return cor_sqlite_unit_end(st, own, err);
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_decide);
	if (!s)
		return cor_sqlite_unit_end(
			st, own,
			cor_sqlite_fail(st, sqlite3_errcode(st->db), "deciding a request"));
	cor_store_now(st, at);
	sqlite3_bind_int64(s, 1, id);
	cor_sqlite_bind_text(s, 2, approve ? "approved" : "rejected");
	cor_sqlite_bind_text(s, 3, actor);
	cor_sqlite_bind_text(s, 4, at);
	cor_sqlite_bind_text(s, 5, note ? note : "");
	if ((err = cor_sqlite_step_done(st, s, "deciding a request")) < 0)
		return cor_sqlite_unit_end(st, own, err);
	snprintf(detail, sizeof(detail), "request %ld %s: %s", id,
		 approve ? "approved" : "rejected", cor_money_format(r.amount, r.currency, a));
	return cor_sqlite_unit_end(st, own, fund_event(st, case_id, actor, detail, note));
}

static int sq_pay(struct cor_store *st, long id, int64_t amount, const char *reference,
		  const char *actor)
{
	struct cor_fund_request r;
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN];
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = get(st, id, &r, &case_id)) < 0)
		return cor_sqlite_unit_end(st, own, err);
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_pay);
	if (!s)
		return cor_sqlite_unit_end(
			st, own,
			cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a payment"));
	cor_store_now(st, at);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, amount);
	cor_sqlite_bind_text(s, 3, reference ? reference : "");
	cor_sqlite_bind_text(s, 4, actor);
	cor_sqlite_bind_text(s, 5, at);
	if ((err = cor_sqlite_step_done(st, s, "recording a payment")) < 0)
		return cor_sqlite_unit_end(st, own, err);
	snprintf(detail, sizeof(detail), "request %ld: paid %s%s%s", id,
		 cor_money_format(amount, r.currency, a),
		 reference && *reference ? ", reference " : "", reference ? reference : "");
	return cor_sqlite_unit_end(st, own, fund_event(st, case_id, actor, detail, NULL));
}

static int sq_reference_used(struct cor_store *st, const char *office, const char *reference,
			     long *request_id)
{
	static const char sql[] =
		"SELECT p.request_id FROM fund_payment p JOIN fund_request r ON r.id = p.request_id"
		" JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = c.office_id"
		" WHERE o.code = ?1 AND p.reference = ?2 ORDER BY p.id LIMIT 1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading payments");
	cor_sqlite_bind_text(s, 1, office);
	cor_sqlite_bind_text(s, 2, reference);
	int rc = sqlite3_step(s);
	*request_id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
						     : cor_sqlite_fail(st, rc, "reading payments");
}

/* Each request statement s selects to cb, until it says stop; s reset. */
static int each_request(struct cor_store *st, sqlite3_stmt *s,
			int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_fund_request r;
		read_request(s, &r, NULL);
		if ((ret = cb(&r, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading fund requests");
	sqlite3_reset(s);
	return ret;
}

static int sq_requests(struct cor_store *st, const char *office, int year,
		       int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_request_list);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading fund requests");
	cor_sqlite_bind_opt(s, 1, office);
	sqlite3_bind_int(s, 2, year);
	return each_request(st, s, cb, ctx);
}

static int sq_case_requests(struct cor_store *st, const char *case_ref,
			    int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_case_requests);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading fund requests");
	cor_sqlite_bind_text(s, 1, case_ref);
	return each_request(st, s, cb, ctx);
}

static int sq_positions(struct cor_store *st, const char *office, int year,
			int (*cb)(const char *currency, const struct cor_fund_position *p,
				  void *ctx),
			void *ctx)
{
	int64_t oid = 0;
	char cur[8][4];
	int n = 0, err = office_id(st, office, &oid);
	if (err < 0)
		return err;
	/* Collect the currencies first: position() reuses statements. */
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_currencies);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading the fund");
	sqlite3_bind_int64(s, 1, oid);
	sqlite3_bind_int(s, 2, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < 8)
		cor_sqlite_copy_col(cur[n++], sizeof(cur[0]), s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cor_sqlite_fail(st, rc, "reading the fund");
	for (int i = 0; i < n; i++) {
		struct cor_fund_position p;
		if ((err = position(st, oid, year, cur[i], &p)) < 0)
			return err;
		if ((err = cb(cur[i], &p, ctx)) != 0)
			return err;
	}
	return 0;
}

const struct cor_store_fund_ops cor_sqlite_fund_ops = {
	.set_budget = sq_set_budget,
	.position = sq_position,
	.request = sq_request,
	.decide = sq_decide,
	.pay = sq_pay,
	.reference_used = sq_reference_used,
	.get = sq_get,
	.requests = sq_requests,
	.case_requests = sq_case_requests,
	.positions = sq_positions,
};

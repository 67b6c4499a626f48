// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of the stranded-migrant fund (store/store_fund.h), on the
// tables of migration 2 (pg_migrations.c). The same records, order and
// messages as SQLite's (sqlite_fund.c). A position (budget, approved,
// disbursed) is one query; the positions of an office are one query for
// every currency.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/money.h"
#include "store/pg_int.h"
#include "store/store_fund_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

/* ---- helpers ------------------------------------------------------------- */

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static int64_t int_val(PGresult *r, int row, int col)
{
	return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* The office's id and its position in year and currency, for office code
 * $1, year $2, currency $3: no row when there is no such office. */
static const char sql_position[] =
	"SELECT o.id,"
	" coalesce((SELECT b.amount FROM fund_budget b WHERE b.office_id = o.id"
	"   AND b.year = $2::bigint AND b.currency = $3), 0),"
	" (SELECT coalesce(sum(r.amount), 0) FROM fund_request r JOIN cases c ON c.id = r.case_id"
	"   WHERE c.office_id = o.id AND r.year = $2::bigint AND r.currency = $3"
	"   AND r.state = 'approved'),"
	" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p"
	"   JOIN fund_request r ON r.id = p.request_id JOIN cases c ON c.id = r.case_id"
	"   WHERE c.office_id = o.id AND r.year = $2::bigint AND r.currency = $3)"
	" FROM office o WHERE o.code = $1";

static int position(struct cor_store *s, const char *office, int year, const char *currency,
		    struct cor_fund_position *p, int64_t *oid)
{
	char y[24];
	const char *v[] = {office, num(y, year), currency};
	int err;
	PGresult *r = cor_pg_query(PG(s), sql_position, 3, v, "reading the fund", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no office '%s'", office);
		err = COR_ENOTFOUND;
	} else {
		if (oid)
			*oid = int_val(r, 0, 0);
		p->budget = int_val(r, 0, 1);
		p->approved = int_val(r, 0, 2);
		p->disbursed = int_val(r, 0, 3);
	}
	PQclear(r);
	return err;
}

static int pg_position(struct cor_store *s, const char *office, int year, const char *currency,
		       struct cor_fund_position *out)
{
	return position(s, office, year, currency, out, NULL);
}

/* A "fund" event of case case_id (0: of no case, as a budget's). */
static int fund_event(struct cor_store *s, int64_t case_id, const char *actor, const char *detail,
		      const char *reason)
{
	struct cor_event e = {
		.actor = actor, .action = "fund", .detail = detail, .reason = reason ? reason : ""};
	cor_store_now(s, e.at);
	if (case_id)
		return cor_store_event_add(s, case_id, &e);
	const char *v[] = {e.at, e.actor, e.action, e.detail, e.reason};
	int err;
	PQclear(cor_pg_query(PG(s),
			     "INSERT INTO event (case_id, at, actor, action, detail, reason)"
			     " VALUES (NULL, $1, $2, $3, $4, $5)",
			     5, v, "recording an event", &err));
	return err;
}

static int pg_set_budget(struct cor_store *s, const char *office, int year, const char *currency,
			 int64_t amount, const char *actor)
{
	struct cor_fund_position p = {0};
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN], b[COR_MONEY_LEN], o_s[24], y[24],
		am[24];
	int64_t oid = 0;
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = position(s, office, year, currency, &p, &oid)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(o_s, oid),   num(y, year), currency,
			   num(am, amount), actor,        cor_store_now(s, at)};
	PQclear(cor_pg_query(
		PG(s),
		"INSERT INTO fund_budget (office_id, year, currency, amount, set_by, set_at)"
		" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (office_id, year, currency)"
		" DO UPDATE SET amount = excluded.amount, set_by = excluded.set_by,"
		" set_at = excluded.set_at",
		6, v, "setting a budget", &err));
	if (err < 0)
		return cor_pg_unit_end(s, own, err);
	if (p.budget)
		snprintf(detail, sizeof(detail), "budget %s %d set to %s (was %s)", office, year,
			 cor_money_format(amount, currency, a),
			 cor_money_format(p.budget, currency, b));
	else
		snprintf(detail, sizeof(detail), "budget %s %d set to %s", office, year,
			 cor_money_format(amount, currency, a));
	return cor_pg_unit_end(s, own, fund_event(s, 0, actor, detail, NULL));
}

/* The request columns, in the order read_request reads them. */
#define REQUEST_SQL                                                                                \
	"SELECT r.id, c.ref, o.code, r.year, r.reason, r.kind, r.amount, r.currency, r.state,"     \
	" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p WHERE p.request_id = r.id),"      \
	" r.requested_by, r.requested_at, r.note, r.decided_by, r.decision_note, c.id"             \
	" FROM fund_request r JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = "           \
	"c.office_id"

static void read_request(PGresult *res, int i, struct cor_fund_request *r, int64_t *case_id)
{
	memset(r, 0, sizeof(*r));
	r->id = (long)int_val(res, i, 0);
	cor_pg_text(r->case_ref, sizeof(r->case_ref), res, i, 1);
	cor_pg_text(r->office, sizeof(r->office), res, i, 2);
	r->year = (int)int_val(res, i, 3);
	cor_pg_text(r->reason, sizeof(r->reason), res, i, 4);
	cor_pg_text(r->kind, sizeof(r->kind), res, i, 5);
	r->amount = int_val(res, i, 6);
	cor_pg_text(r->currency, sizeof(r->currency), res, i, 7);
	cor_fund_state_parse(PQgetvalue(res, i, 8), &r->state);
	r->paid = int_val(res, i, 9);
	cor_pg_text(r->requested_by, sizeof(r->requested_by), res, i, 10);
	cor_pg_text(r->requested_at, sizeof(r->requested_at), res, i, 11);
	cor_pg_text(r->note, sizeof(r->note), res, i, 12);
	cor_pg_text(r->decided_by, sizeof(r->decided_by), res, i, 13);
	cor_pg_text(r->decision_note, sizeof(r->decision_note), res, i, 14);
	if (case_id)
		*case_id = int_val(res, i, 15);
}

static int get(struct cor_store *s, long id, struct cor_fund_request *out, int64_t *case_id)
{
	char id_s[24];
	const char *v[] = {num(id_s, id)};
	int err;
	PGresult *r = cor_pg_query(PG(s), REQUEST_SQL " WHERE r.id = $1", 1, v,
				   "reading a fund request", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no fund request %ld", id);
		err = COR_ENOTFOUND;
	} else {
		read_request(r, 0, out, case_id);
	}
	PQclear(r);
	return err;
}

static int pg_get(struct cor_store *s, long id, struct cor_fund_request *out)
{
	return get(s, id, out, NULL);
}

static int pg_request(struct cor_store *s, const char *case_ref, int year, const char *reason,
		      const char *kind, int64_t amount, const char *currency, const char *note,
		      const char *actor, long *id)
{
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN], c_s[24], y[24], am[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(s, case_ref, &case_id, NULL)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(c_s, case_id),   num(y, year), reason,           kind,
			   num(am, amount),     currency,     note ? note : "", actor,
			   cor_store_now(s, at)};
	PGresult *r = cor_pg_query(
		PG(s),
		"INSERT INTO fund_request (case_id, year, reason, kind, amount, currency,"
		" state, note, requested_by, requested_at)"
		" VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9) RETURNING id",
		9, v, "recording a request", &err);
	if (!r)
		return cor_pg_unit_end(s, own, err);
	*id = (long)int_val(r, 0, 0);
	PQclear(r);
	snprintf(detail, sizeof(detail), "request %ld: %s for %s (%s)", *id,
		 cor_money_format(amount, currency, a), kind, reason);
	return cor_pg_unit_end(s, own, fund_event(s, case_id, actor, detail, note));
}

static int pg_decide(struct cor_store *s, long id, bool approve, const char *note,
		     const char *actor)
{
	struct cor_fund_request r;
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN], id_s[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = get(s, id, &r, &case_id)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(id_s, id), approve ? "approved" : "rejected", actor,
			   cor_store_now(s, at), note ? note : ""};
	PQclear(cor_pg_query(PG(s),
			     "UPDATE fund_request SET state = $2, decided_by = $3, decided_at = $4,"
			     " decision_note = $5 WHERE id = $1",
			     5, v, "deciding a request", &err));
	if (err < 0)
		return cor_pg_unit_end(s, own, err);
	snprintf(detail, sizeof(detail), "request %ld %s: %s", id,
		 approve ? "approved" : "rejected", cor_money_format(r.amount, r.currency, a));
	return cor_pg_unit_end(s, own, fund_event(s, case_id, actor, detail, note));
}

static int pg_reference_used(struct cor_store *s, const char *office, const char *reference,
			     long *request_id)
{
	const char *v[] = {office, reference};
	int err;
	PGresult *r = cor_pg_query(
		PG(s),
		"SELECT p.request_id FROM fund_payment p JOIN fund_request r ON r.id = p.request_id"
		" JOIN cases c ON c.id = r.case_id JOIN office o ON o.id = c.office_id"
		" WHERE o.code = $1 AND p.reference = $2 ORDER BY p.id LIMIT 1",
		2, v, "reading payments", &err);
	if (!r)
		return err;
	*request_id = PQntuples(r) ? strtol(PQgetvalue(r, 0, 0), NULL, 10) : 0;
	PQclear(r);
	return 0;
}

static int pg_pay(struct cor_store *s, long id, int64_t amount, const char *reference,
		  const char *actor)
{
	struct cor_fund_request r;
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[200], a[COR_MONEY_LEN], id_s[24], am[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = get(s, id, &r, &case_id)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(id_s, id), num(am, amount), reference ? reference : "", actor,
			   cor_store_now(s, at)};
	PQclear(cor_pg_query(
		PG(s),
		"INSERT INTO fund_payment (request_id, amount, reference, paid_by, paid_at)"
		" VALUES ($1, $2, $3, $4, $5)",
		5, v, "recording a payment", &err));
	if (err < 0)
		return cor_pg_unit_end(s, own, err);
	snprintf(detail, sizeof(detail), "request %ld: paid %s%s%s", id,
		 cor_money_format(amount, r.currency, a),
		 reference && *reference ? ", reference " : "", reference ? reference : "");
	return cor_pg_unit_end(s, own, fund_event(s, case_id, actor, detail, NULL));
}

/* Each request of r to cb, in order, until it says stop; r cleared. */
static int each_request(PGresult *res, int (*cb)(const struct cor_fund_request *r, void *ctx),
			void *ctx)
{
	int ret = 0;
	for (int i = 0; i < PQntuples(res) && !ret; i++) {
		struct cor_fund_request fr;
		read_request(res, i, &fr, NULL);
		ret = cb(&fr, ctx);
	}
	PQclear(res);
	return ret;
}

static int pg_requests(struct cor_store *s, const char *office, int year,
		       int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	char y[24];
	const char *v[] = {office && *office ? office : NULL, num(y, year)};
	int err;
	PGresult *r = cor_pg_query(PG(s),
				   REQUEST_SQL " WHERE ($1::text IS NULL OR o.code = $1)"
					       " AND r.year = $2::bigint ORDER BY r.id",
				   2, v, "reading fund requests", &err);
	return r ? each_request(r, cb, ctx) : err;
}

static int pg_case_requests(struct cor_store *s, const char *case_ref,
			    int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	const char *v[] = {case_ref};
	int err;
	PGresult *r = cor_pg_query(PG(s), REQUEST_SQL " WHERE c.ref = $1 ORDER BY r.id", 1, v,
				   "reading fund requests", &err);
	return r ? each_request(r, cb, ctx) : err;
}

static int pg_positions(struct cor_store *s, const char *office, int year,
			int (*cb)(const char *currency, const struct cor_fund_position *p,
				  void *ctx),
			void *ctx)
{
	/* Every currency with a budget or a request (at most 8, as SQLite's),
	 * and its position, in one query; no row at all for no office. */
	static const char sql[] =
		"WITH o AS (SELECT id FROM office WHERE code = $1),"
		" cur AS (SELECT currency FROM (SELECT b.currency FROM fund_budget b, o"
		"   WHERE b.office_id = o.id AND b.year = $2::bigint UNION SELECT r.currency"
		"   FROM fund_request r JOIN cases c ON c.id = r.case_id, o"
		"   WHERE c.office_id = o.id AND r.year = $2::bigint) u"
		"   ORDER BY currency COLLATE \"C\" LIMIT 8)"
		" SELECT o.id, k.currency,"
		" coalesce((SELECT b.amount FROM fund_budget b WHERE b.office_id = o.id"
		"   AND b.year = $2::bigint AND b.currency = k.currency), 0),"
		" (SELECT coalesce(sum(r.amount), 0) FROM fund_request r"
		"   JOIN cases c ON c.id = r.case_id WHERE c.office_id = o.id"
		"   AND r.year = $2::bigint AND r.currency = k.currency AND r.state = 'approved'),"
		" (SELECT coalesce(sum(p.amount), 0) FROM fund_payment p"
		"   JOIN fund_request r ON r.id = p.request_id JOIN cases c ON c.id = r.case_id"
		"   WHERE c.office_id = o.id AND r.year = $2::bigint AND r.currency = k.currency)"
		" FROM o LEFT JOIN cur k ON true ORDER BY k.currency COLLATE \"C\"";
	char y[24];
	const char *v[] = {office, num(y, year)};
	int err, ret = 0;
	PGresult *r = cor_pg_query(PG(s), sql, 2, v, "reading the fund", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no office '%s'", office);
		ret = COR_ENOTFOUND;
	}
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		if (PQgetisnull(r, i, 1))
			break; /* the office, without a currency */
		struct cor_fund_position p = {
			.budget = int_val(r, i, 2),
			.approved = int_val(r, i, 3),
			.disbursed = int_val(r, i, 4),
		};
		char cur[4];
		cor_pg_text(cur, sizeof(cur), r, i, 1);
		ret = cb(cur, &p, ctx);
	}
	PQclear(r);
	return ret;
}

const struct cor_store_fund_ops cor_pg_fund_ops = {
	.set_budget = pg_set_budget,
	.position = pg_position,
	.request = pg_request,
	.decide = pg_decide,
	.pay = pg_pay,
	.reference_used = pg_reference_used,
	.get = pg_get,
	.requests = pg_requests,
	.case_requests = pg_case_requests,
	.positions = pg_positions,
};

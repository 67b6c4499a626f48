// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of arrival and (re)integration support
// (store/store_support.h), on the tables of migration 5 (pg_migrations.c):
// records only, the same records, order and messages as SQLite's
// (sqlite_support.c). A numbered record takes its number in the statement
// that adds it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/money.h"
#include "store/pg_int.h"
#include "store/store_support_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

/* ---- helpers ------------------------------------------------------------- */

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

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

static int pg_arrival_record(struct cor_store *s, const char *ref, const struct cor_arrival *a,
			     const char *actor)
{
	int64_t case_id = 0;
	char detail[256], c_s[24];
	const char *by = a->confirmed_by[0] ? a->confirmed_by : actor;
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(s, ref, &case_id, NULL)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(c_s, case_id), a->at, a->place, by, a->note};
	PGresult *r = cor_pg_query(PG(s),
				   "INSERT INTO arrival (case_id, at, place, confirmed_by, note)"
				   " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING",
				   5, v, "confirming an arrival", &err);
	if (!r)
		return cor_pg_unit_end(s, own, err);
	bool added = strcmp(PQcmdTuples(r), "1") == 0;
	PQclear(r);
	if (!added) {
		cor_pg_msg(PG(s), "the arrival of case '%s' is already confirmed", ref);
		return cor_pg_unit_end(s, own, COR_EEXIST);
	}
	snprintf(detail, sizeof(detail), "arrival confirmed at %s on %s by %s", a->place, a->at,
		 by);
	return cor_pg_unit_end(s, own, event(s, case_id, actor, detail, a->note));
}

static int pg_arrival_get(struct cor_store *s, const char *ref, struct cor_arrival *out)
{
	const char *v[] = {ref};
	int err;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT a.at, a.place, a.confirmed_by, a.note FROM arrival a"
				   " JOIN cases c ON c.id = a.case_id WHERE c.ref = $1",
				   1, v, "reading an arrival", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no arrival is confirmed for case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		cor_pg_text(out->at, sizeof(out->at), r, 0, 0);
		cor_pg_text(out->place, sizeof(out->place), r, 0, 1);
		cor_pg_text(out->confirmed_by, sizeof(out->confirmed_by), r, 0, 2);
		cor_pg_text(out->note, sizeof(out->note), r, 0, 3);
	}
	PQclear(r);
	return err;
}

static int pg_plan(struct cor_store *s, const char *ref, enum cor_support_kind kind,
		   const char *description, int64_t amount, const char *currency, const char *actor,
		   int *no)
{
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[400], m[COR_MONEY_LEN], c_s[24], am[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(s, ref, &case_id, NULL)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(c_s, case_id),   cor_support_kind_name(kind), description,
			   num(am, amount),     amount ? currency : "",      actor,
			   cor_store_now(s, at)};
	PGresult *r =
		cor_pg_query(PG(s),
			     "INSERT INTO support_item (case_id, no, kind, description, amount,"
			     " currency, status, planned_by, planned_at)"
			     " SELECT $1::bigint, coalesce(max(no), 0) + 1, $2::text, $3::text,"
			     " $4::bigint, $5::text, 'planned', $6::text, $7::text"
			     " FROM support_item WHERE case_id = $1::bigint RETURNING no",
			     7, v, "planning an item", &err);
	if (!r)
		return cor_pg_unit_end(s, own, err);
	*no = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	snprintf(detail, sizeof(detail), "item %d planned: %s, %s%s%s", *no,
		 cor_support_kind_name(kind), description, amount ? ", " : "",
		 amount ? cor_money_format(amount, currency, m) : "");
	return cor_pg_unit_end(s, own, event(s, case_id, actor, detail, ""));
}

#define ITEM_COLS                                                                                  \
	"i.no, i.kind, i.description, i.amount, i.currency, i.status, i.planned_at, i.done_at,"    \
	" i.done_note"

static void read_item(PGresult *r, int row, struct cor_support_item *i)
{
	memset(i, 0, sizeof(*i));
	i->no = atoi(PQgetvalue(r, row, 0));
	cor_support_kind_parse(PQgetvalue(r, row, 1), &i->kind);
	cor_pg_text(i->description, sizeof(i->description), r, row, 2);
	i->amount = strtoll(PQgetvalue(r, row, 3), NULL, 10);
	cor_pg_text(i->currency, sizeof(i->currency), r, row, 4);
	cor_support_status_parse(PQgetvalue(r, row, 5), &i->status);
	cor_pg_text(i->planned_at, sizeof(i->planned_at), r, row, 6);
	cor_pg_text(i->done_at, sizeof(i->done_at), r, row, 7);
	cor_pg_text(i->done_note, sizeof(i->done_note), r, row, 8);
}

static int pg_item_get(struct cor_store *s, const char *ref, int no, struct cor_support_item *out)
{
	char no_s[24];
	const char *v[] = {ref, num(no_s, no)};
	int err;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT " ITEM_COLS
				   " FROM support_item i JOIN cases c ON c.id = i.case_id"
				   " WHERE c.ref = $1 AND i.no = $2::bigint",
				   2, v, "reading an item", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "case '%s' has no assistance item %d", ref, no);
		err = COR_ENOTFOUND;
	} else {
		read_item(r, 0, out);
	}
	PQclear(r);
	return err;
}

static int pg_done(struct cor_store *s, const char *ref, int no, enum cor_support_status status,
		   const char *note, const char *actor)
{
	int64_t case_id = 0;
	char at[COR_TIME_LEN], detail[400], c_s[24], no_s[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(s, ref, &case_id, NULL)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {
		num(c_s, case_id),    num(no_s, no),   cor_support_status_name(status), actor,
		cor_store_now(s, at), note ? note : ""};
	PQclear(cor_pg_query(PG(s),
			     "UPDATE support_item SET status = $3, done_by = $4, done_at = $5,"
			     " done_note = $6 WHERE case_id = $1 AND no = $2",
			     6, v, "updating an item", &err));
	if (err < 0)
		return cor_pg_unit_end(s, own, err);
	snprintf(detail, sizeof(detail), "item %d %s", no, cor_support_status_name(status));
	return cor_pg_unit_end(s, own, event(s, case_id, actor, detail, note));
}

static int pg_visit(struct cor_store *s, const char *ref, struct cor_date on, const char *by,
		    const char *finding, const char *actor, int *no)
{
	int64_t case_id = 0;
	char date[COR_DATE_LEN], detail[200], c_s[24];
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(s, ref, &case_id, NULL)) < 0)
		return cor_pg_unit_end(s, own, err);
	const char *v[] = {num(c_s, case_id), cor_date_format(on, date), by, finding, actor};
	PGresult *r =
		cor_pg_query(PG(s),
			     "INSERT INTO support_visit (case_id, no, on_date, visited_by, finding,"
			     " recorded_by) SELECT $1::bigint, coalesce(max(no), 0) + 1, $2::text,"
			     " $3::text, $4::text, $5::text"
			     " FROM support_visit WHERE case_id = $1::bigint RETURNING no",
			     5, v, "recording a visit", &err);
	if (!r)
		return cor_pg_unit_end(s, own, err);
	*no = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	/* The finding stays with the visit; the history says a visit happened. */
	snprintf(detail, sizeof(detail), "follow-up visit %d on %s by %s", *no, date, by);
	return cor_pg_unit_end(s, own, event(s, case_id, actor, detail, ""));
}

static int pg_tally(struct cor_store *s, const char *ref, struct cor_support_tally *t)
{
	const char *v[] = {ref};
	int err;
	PGresult *r =
		cor_pg_query(PG(s),
			     "SELECT (SELECT count(*) FROM support_item i WHERE i.case_id = c.id"
			     "   AND i.status = 'planned'),"
			     " (SELECT count(*) FROM support_item i WHERE i.case_id = c.id"
			     "   AND i.status = 'delivered'),"
			     " (SELECT count(*) FROM support_item i WHERE i.case_id = c.id"
			     "   AND i.status = 'cancelled'),"
			     " (SELECT count(*) FROM support_visit v WHERE v.case_id = c.id)"
			     " FROM cases c WHERE c.ref = $1",
			     1, v, "reading the support", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		t->planned = atoi(PQgetvalue(r, 0, 0));
		t->delivered = atoi(PQgetvalue(r, 0, 1));
		t->cancelled = atoi(PQgetvalue(r, 0, 2));
		t->visits = atoi(PQgetvalue(r, 0, 3));
	}
	PQclear(r);
	return err;
}

static int pg_close(struct cor_store *s, const char *ref, const char *outcome, const char *actor)
{
	int64_t case_id = 0;
	int err = cor_store_case_get(s, ref, &case_id, NULL);
	return err < 0 ? err : event(s, case_id, actor, "support closed", outcome);
}

static int pg_items(struct cor_store *s, const char *ref,
		    int (*cb)(const struct cor_support_item *i, void *ctx), void *ctx)
{
	const char *v[] = {ref};
	int err, ret = 0;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT " ITEM_COLS
				   " FROM support_item i JOIN cases c ON c.id = i.case_id"
				   " WHERE c.ref = $1 ORDER BY i.no",
				   1, v, "reading items", &err);
	if (!r)
		return err;
	for (int k = 0; k < PQntuples(r) && !ret; k++) {
		struct cor_support_item i;
		read_item(r, k, &i);
		ret = cb(&i, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_visits(struct cor_store *s, const char *ref,
		     int (*cb)(const struct cor_support_visit *v, void *ctx), void *ctx)
{
	const char *p[] = {ref};
	int err, ret = 0;
	PGresult *r =
		cor_pg_query(PG(s),
			     "SELECT v.no, v.on_date, v.visited_by, v.finding FROM support_visit v"
			     " JOIN cases c ON c.id = v.case_id WHERE c.ref = $1 ORDER BY v.no",
			     1, p, "reading visits", &err);
	if (!r)
		return err;
	for (int k = 0; k < PQntuples(r) && !ret; k++) {
		struct cor_support_visit v;
		memset(&v, 0, sizeof(v));
		v.no = atoi(PQgetvalue(r, k, 0));
		cor_date_parse(PQgetvalue(r, k, 1), &v.on);
		cor_pg_text(v.by, sizeof(v.by), r, k, 2);
		cor_pg_text(v.finding, sizeof(v.finding), r, k, 3);
		ret = cb(&v, ctx);
	}
	PQclear(r);
	return ret;
}

const struct cor_store_support_ops cor_pg_support_ops = {
	.arrival_record = pg_arrival_record,
	.arrival_get = pg_arrival_get,
	.plan = pg_plan,
	.item_get = pg_item_get,
	.done = pg_done,
	.visit = pg_visit,
	.tally = pg_tally,
	.close = pg_close,
	.items = pg_items,
	.visits = pg_visits,
};

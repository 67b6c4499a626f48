// SPDX-License-Identifier: Apache-2.0
// The operations of arrival and (re)integration support driven through
// cor_svc_arrival_* and cor_svc_support_*, on a database file under
// $COR_TEST_TMP, with an injected clock: times and dates default to it and
// may not be after it, every fault of an input is listed, closing names
// every missing step, the first item opens the support, and a refused
// operation changes nothing (a digest of the tables and the history, read
// through a connection of our own); and the store's record calls, which
// never move a case. With $COR_TEST_PG set, on PostgreSQL too (a fresh
// database per test, the same expected results).
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/support.h"
#include "store/store.h"
#include "unit/store/pgtest.h"

#define VHR "LY-TIP-2026-000001"
#define RST "LB-BEY-2026-000001"
#define HEV "SD-PZU-2026-000001"
#define NOW "2026-11-27T12:00:00Z"

static char path[512];
/* The backend the tests in progress run on. */
static bool on_pg;

/* A fresh database for one test: a file path, or on PostgreSQL the URI of
 * an empty database. */
static const char *db_path(const char *name)
{
	if (on_pg) {
		if (pgtest_create(name, path, sizeof(path)) < 0)
			fail_msg("cannot create a PostgreSQL database for '%s'", name);
		return path;
	}
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(path, sizeof(path), "%s/test_svc_support-%s.db", dir && *dir ? dir : "/tmp", name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		unlink(f);
	}
	return path;
}

static void add_case(struct cor_store *st, const char *ref, const char *prog, const char *office,
		     const char *state)
{
	struct cor_case c;
	int64_t id;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%s", office);
	snprintf(c.origin, sizeof(c.origin), "LBY");
	snprintf(c.destination, sizeof(c.destination), "NGA");
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = COR_PRIO_NORMAL;
	c.registered_on = (struct cor_date){2026, 1, 10};
	if (cor_store_case_add(st, &c, &id) < 0)
		fail_msg("adding %s: %s", ref, cor_store_errmsg(st));
	struct cor_person p;
	memset(&p, 0, sizeof(p));
	p.seq = 1;
	p.relationship = COR_REL_PRINCIPAL;
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "OKAFOR");
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Ada");
	p.sex = 'F';
	p.birth_date = (struct cor_date){1990, 1, 1};
	snprintf(p.nationality, sizeof(p.nationality), "NGA");
	assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
}

struct fx {
	struct cor_store *st;
	struct cor_ctx cx;
};

static void fx_open(struct fx *f, const char *name)
{
	char msg[600] = "";
	if (cor_store_open(db_path(name), COR_STORE_CREATE, &f->st, msg, sizeof(msg)) < 0)
		fail_msg("cannot create: %s", msg);
	add_case(f->st, VHR, "VHR", "LY-TIP", "departed");
	add_case(f->st, RST, "RST", "LB-BEY", "departed");
	add_case(f->st, HEV, "HEV", "SD-PZU", "arrived");
	assert_int_equal(cor_ctx_init(&f->cx, f->st, "officer", NOW), 0);
}

static char *digest(void)
{
	static const char *const sql[] = {
		"SELECT group_concat(ref || state, ';') FROM cases",
		"SELECT group_concat(case_id || at || place || confirmed_by, ';') FROM arrival",
		"SELECT group_concat(case_id || no || status || done_note, ';') FROM support_item",
		"SELECT group_concat(case_id || no || on_date, ';') FROM support_visit",
		"SELECT count(*) FROM event",
	};
	static const char *const pg_sql[] = {
		"SELECT coalesce(string_agg(ref || state, ';' ORDER BY id), '') FROM cases",
		"SELECT coalesce(string_agg(concat(case_id, at, place, confirmed_by), ';'"
		" ORDER BY case_id), '') FROM arrival",
		"SELECT coalesce(string_agg(concat(case_id, no, status, done_note), ';' ORDER BY "
		"id),"
		" '') FROM support_item",
		"SELECT coalesce(string_agg(concat(case_id, no, on_date), ';' ORDER BY id), '')"
		" FROM support_visit",
		"SELECT count(*) FROM event",
	};
	sqlite3 *db;
	size_t cap = 8192, len = 0;
	char *out = calloc(1, cap);
	if (on_pg) {
		for (size_t i = 0; i < sizeof(pg_sql) / sizeof(pg_sql[0]); i++) {
			PGresult *r = pgtest_exec(pgtest_db_of(path), pg_sql[i], NULL);
			if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
				fail_msg("%s: %s", pg_sql[i],
					 r ? PQresultErrorMessage(r) : "no connection");
			len += (size_t)snprintf(out + len, cap - len, "%s|", PQgetvalue(r, 0, 0));
			PQclear(r);
		}
		return out;
	}
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(db, sql[i], -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		const char *t = (const char *)sqlite3_column_text(s, 0);
		len += (size_t)snprintf(out + len, cap - len, "%s|", t ? t : "");
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return out;
}

static void refused(struct fx *f, int err, enum cor_code code, const char *field,
		    const char *message, const char *before)
{
	assert_true(err < 0);
	assert_string_equal(cor_code_name(f->cx.err.code), cor_code_name(code));
	assert_string_equal(f->cx.err.field, field);
	assert_string_equal(f->cx.err.message, message);
	assert_null(strstr(f->cx.err.message, "--"));
	char *after = digest();
	assert_string_equal(after, before);
	free(after);
}

static const char *state_of(struct fx *f, const char *ref)
{
	static struct cor_case c;
	assert_int_equal(cor_store_case_get(f->st, ref, NULL, &c), 0);
	return c.state;
}

static void test_arrival(void **state)
{
	struct fx f;
	fx_open(&f, "arrival");
	char *before = digest();
	struct cor_svc_arrival_out out;
	struct cor_svc_arrival_in in = {VHR, "Lagos (LOS)", "2026-11-27T12:01Z", NULL, NULL};
	refused(&f, cor_svc_arrival_confirm(&f.cx, &in, &out), COR_CODE_INVALID, "at",
		"'2026-11-27T12:01Z' is in the future", before);
	in = (struct cor_svc_arrival_in){VHR, "", "noon", NULL, "a\x01"};
	refused(&f, cor_svc_arrival_confirm(&f.cx, &in, &out), COR_CODE_BAD_PARAMETER, "",
		"the arrival is refused: 3 problems", before);
	assert_string_equal(f.cx.err.causes[0].field, "place");
	assert_string_equal(f.cx.err.causes[1].field, "at");
	assert_string_equal(f.cx.err.causes[2].field, "note");
	in = (struct cor_svc_arrival_in){HEV, "Khartoum", NULL, NULL, NULL};
	refused(&f, cor_svc_arrival_confirm(&f.cx, &in, &out), COR_CODE_WRONG_STATE, "case",
		"case '" HEV "' is 'arrived'; only a departed case can arrive", before);
	in.case_ref = "LY-TIP-2026-999999";
	refused(&f, cor_svc_arrival_confirm(&f.cx, &in, &out), COR_CODE_CASE_NOT_FOUND, "case",
		"no case 'LY-TIP-2026-999999'", before);
	free(before);

	/* The time defaults to the context's now; who confirmed, to the actor. */
	in = (struct cor_svc_arrival_in){VHR, "Lagos (LOS)", NULL, NULL, NULL};
	assert_int_equal(cor_svc_arrival_confirm(&f.cx, &in, &out), 0);
	assert_string_equal(out.arrival.at, NOW);
	assert_string_equal(out.arrival.confirmed_by, "officer");
	assert_string_equal(state_of(&f, VHR), "arrived");
	in = (struct cor_svc_arrival_in){RST, "New York (JFK)", "2026-11-27T11:59Z", "K. Mensah",
					 NULL};
	assert_int_equal(cor_svc_arrival_confirm(&f.cx, &in, &out), 0);
	assert_string_equal(out.arrival.at, "2026-11-27T11:59:00Z");
	assert_string_equal(out.arrival.confirmed_by, "K. Mensah");
	cor_store_close(f.st);
}

static void test_support(void **state)
{
	struct fx f;
	fx_open(&f, "support");
	char *before = digest();
	struct cor_svc_support_plan_out po;
	struct cor_svc_support_plan_in p = {VHR, "cash", "grant", "500", "USD"};
	refused(&f, cor_svc_support_plan(&f.cx, &p, &po), COR_CODE_WRONG_STATE, "case",
		"case '" VHR "' is 'departed'; support is for cases that arrived or are in "
		"reintegration",
		before);
	p = (struct cor_svc_support_plan_in){HEV, "cash", "grant", NULL, NULL};
	refused(&f, cor_svc_support_plan(&f.cx, &p, &po), COR_CODE_WRONG_STATE, "case",
		"case '" HEV "' is HEV, a programme without (re)integration support", before);
	p = (struct cor_svc_support_plan_in){VHR, "loan", "", "12.345", "USD"};
	refused(&f, cor_svc_support_plan(&f.cx, &p, &po), COR_CODE_BAD_PARAMETER, "",
		"the item is refused: 3 problems", before);
	assert_string_equal(f.cx.err.causes[0].field, "kind");
	assert_string_equal(f.cx.err.causes[1].message,
			    "the description is missing: what is given");
	assert_string_equal(f.cx.err.causes[2].message,
			    "'12.345' is not a positive amount in USD with at most 2 decimals");
	free(before);

	struct cor_svc_arrival_in a = {VHR, "Lagos (LOS)", NULL, NULL, NULL};
	struct cor_svc_arrival_out ao;
	assert_int_equal(cor_svc_arrival_confirm(&f.cx, &a, &ao), 0);

	/* The first item opens reintegration; the second does not move the case. */
	p = (struct cor_svc_support_plan_in){VHR, "cash", "grant", "500", "USD"};
	assert_int_equal(cor_svc_support_plan(&f.cx, &p, &po), 0);
	assert_string_equal(po.entered, "reintegration");
	assert_int_equal(po.item.no, 1);
	assert_int_equal(po.item.amount, 50000);
	assert_string_equal(state_of(&f, VHR), "reintegration");
	p = (struct cor_svc_support_plan_in){VHR, "business", "kit", NULL, NULL};
	assert_int_equal(cor_svc_support_plan(&f.cx, &p, &po), 0);
	assert_null(po.entered);
	assert_int_equal(po.item.no, 2);

	/* Closing too early names every missing step. */
	before = digest();
	struct cor_svc_support_close_in c = {VHR, "done"};
	refused(&f, cor_svc_support_close(&f.cx, &c), COR_CODE_WRONG_STATE, "",
		"the support of case '" VHR "' cannot close yet", before);
	assert_int_equal(f.cx.err.ncauses, 3);
	struct cor_svc_support_settle_out so;
	struct cor_svc_support_settle_in s = {VHR, 2, COR_SUPPORT_CANCELLED, NULL};
	refused(&f, cor_svc_support_settle(&f.cx, &s, &so), COR_CODE_REASON_REQUIRED, "note",
		"a cancellation needs a note saying why", before);
	s = (struct cor_svc_support_settle_in){VHR, 3, COR_SUPPORT_DELIVERED, NULL};
	refused(&f, cor_svc_support_settle(&f.cx, &s, &so), COR_CODE_SUPPORT_NOT_FOUND, "item",
		"case '" VHR "' has no assistance item 3", before);
	struct cor_svc_support_visit_out vo;
	struct cor_svc_support_visit_in v = {VHR, "2026-11-28", "K. Mensah", "ok"};
	refused(&f, cor_svc_support_visit(&f.cx, &v, &vo), COR_CODE_INVALID, "on",
		"'2026-11-28' is in the future", before);
	v = (struct cor_svc_support_visit_in){VHR, "27/11/2026", NULL, NULL};
	refused(&f, cor_svc_support_visit(&f.cx, &v, &vo), COR_CODE_BAD_PARAMETER, "",
		"the visit is refused: 3 problems", before);
	free(before);

	s = (struct cor_svc_support_settle_in){VHR, 1, COR_SUPPORT_DELIVERED, "mobile money"};
	assert_int_equal(cor_svc_support_settle(&f.cx, &s, &so), 0);
	assert_int_equal(so.item.status, COR_SUPPORT_DELIVERED);
	assert_string_equal(so.item.done_at, NOW);
	before = digest();
	refused(&f, cor_svc_support_settle(&f.cx, &s, &so), COR_CODE_WRONG_STATE, "item",
		"item 1 of case '" VHR "' is already delivered", before);
	free(before);
	s = (struct cor_svc_support_settle_in){VHR, 2, COR_SUPPORT_CANCELLED, "found work"};
	assert_int_equal(cor_svc_support_settle(&f.cx, &s, &so), 0);
	before = digest();
	refused(&f, cor_svc_support_close(&f.cx, &c), COR_CODE_WRONG_STATE, "visit",
		"case '" VHR "' has no follow-up visit recorded", before);
	free(before);

	/* The visit's date defaults to the context's today. */
	v = (struct cor_svc_support_visit_in){VHR, NULL, "K. Mensah", "working"};
	assert_int_equal(cor_svc_support_visit(&f.cx, &v, &vo), 0);
	assert_int_equal(vo.visit.no, 1);
	assert_int_equal(cor_date_cmp(vo.visit.on, (struct cor_date){2026, 11, 27}), 0);
	assert_int_equal(cor_svc_support_close(&f.cx, &c), 0);
	assert_string_equal(state_of(&f, VHR), "closed");

	json_t *doc = NULL;
	struct cor_svc_support_show_in sh = {.case_ref = VHR};
	assert_int_equal(cor_svc_support_show_doc(&f.cx, &sh, &doc), 0);
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(
		text,
		"{\"case\":\"" VHR "\",\"programme\":\"VHR\",\"state\":\"closed\",\"arrival\":{"
		"\"at\":\"" NOW "\",\"place\":\"Lagos (LOS)\",\"confirmed_by\":\"officer\","
		"\"note\":null},\"items\":[{\"no\":1,\"kind\":\"cash\",\"description\":\"grant\","
		"\"amount\":\"500.00\",\"currency\":\"USD\",\"status\":\"delivered\","
		"\"planned_at\":\"" NOW "\",\"done_at\":\"" NOW "\",\"note\":\"mobile money\"},"
		"{\"no\":2,\"kind\":\"business\",\"description\":\"kit\",\"amount\":null,"
		"\"currency\":null,\"status\":\"cancelled\",\"planned_at\":\"" NOW "\","
		"\"done_at\":\"" NOW "\",\"note\":\"found work\"}],\"visits\":[{\"no\":1,\"on\":"
		"\"2026-11-27\",\"by\":\"K. Mensah\",\"finding\":\"working\"}]}");
	free(text);
	json_decref(doc);

	/* An admission enters integration. */
	a = (struct cor_svc_arrival_in){RST, "New York (JFK)", NULL, NULL, NULL};
	assert_int_equal(cor_svc_arrival_confirm(&f.cx, &a, &ao), 0);
	p = (struct cor_svc_support_plan_in){RST, "housing", "first rent", NULL, NULL};
	assert_int_equal(cor_svc_support_plan(&f.cx, &p, &po), 0);
	assert_string_equal(po.entered, "integration");
	cor_store_close(f.st);
}

/* The events of a case, "action|detail|reason" one per line. */
static int collect_event(const struct cor_event *e, void *ctx)
{
	char *out = ctx;
	size_t n = strlen(out);
	snprintf(out + n, 4096 - n, "%s|%s|%s\n", e->action, e->detail, e->reason);
	return 0;
}

static char *events_of(struct fx *f, const char *ref)
{
	static char text[4096];
	int64_t id;
	text[0] = '\0';
	assert_int_equal(cor_store_case_get(f->st, ref, &id, NULL), 0);
	assert_int_equal(cor_store_case_events(f->st, id, collect_event, text), 0);
	return text;
}

static int collect_item(const struct cor_support_item *i, void *ctx)
{
	char *out = ctx;
	size_t n = strlen(out);
	snprintf(out + n, 1024 - n, "%d %s %s %lld %s %s %s|%s\n", i->no,
		 cor_support_kind_name(i->kind), i->description, (long long)i->amount, i->currency,
		 cor_support_status_name(i->status), i->done_at, i->done_note);
	return 0;
}

static int collect_visit(const struct cor_support_visit *v, void *ctx)
{
	char *out = ctx, date[COR_DATE_LEN];
	size_t n = strlen(out);
	snprintf(out + n, 1024 - n, "%d %s %s: %s\n", v->no, cor_date_format(v->on, date), v->by,
		 v->finding);
	return 0;
}

/* The store's calls record and never move a case: the operations do. */
static void test_records(void **state)
{
	struct fx f;
	fx_open(&f, "records");
	cor_store_set_now(f.st, NOW);
	struct cor_arrival a = {.at = "2026-11-27T10:00:00Z", .place = "Lagos (LOS)"}, got;
	assert_int_equal(cor_store_arrival_get(f.st, VHR, &got), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(f.st), "no arrival is confirmed for case '" VHR "'");
	assert_int_equal(cor_store_arrival_record(f.st, VHR, &a, "officer"), 0);
	assert_string_equal(state_of(&f, VHR), "departed");
	assert_int_equal(cor_store_arrival_get(f.st, VHR, &got), 0);
	assert_string_equal(got.at, "2026-11-27T10:00:00Z");
	assert_string_equal(got.place, "Lagos (LOS)");
	assert_string_equal(got.confirmed_by, "officer");
	assert_string_equal(got.note, "");
	char *before = digest();
	assert_int_equal(cor_store_arrival_record(f.st, VHR, &a, "officer"), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(f.st),
			    "the arrival of case '" VHR "' is already confirmed");
	assert_int_equal(cor_store_arrival_record(f.st, "LY-TIP-2026-999999", &a, "officer"),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(f.st), "no case 'LY-TIP-2026-999999'");
	char *after = digest();
	assert_string_equal(after, before);
	free(after);
	free(before);

	int no = 0;
	assert_int_equal(cor_store_support_plan(f.st, VHR, COR_SUPPORT_CASH, "grant", 50000, "USD",
						"officer", &no),
			 0);
	assert_int_equal(no, 1);
	assert_int_equal(cor_store_support_plan(f.st, VHR, COR_SUPPORT_BUSINESS, "kit", 0, "USD",
						"officer", &no),
			 0);
	assert_int_equal(no, 2);
	assert_int_equal(cor_store_support_plan(f.st, RST, COR_SUPPORT_HOUSING, "rent", 0, "",
						"officer", &no),
			 0);
	assert_int_equal(no, 1);
	assert_string_equal(state_of(&f, VHR), "departed");
	struct cor_support_item it;
	assert_int_equal(cor_store_support_item_get(f.st, VHR, 3, &it), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(f.st), "case '" VHR "' has no assistance item 3");
	assert_int_equal(cor_store_support_done(f.st, VHR, 1, COR_SUPPORT_DELIVERED, "mobile money",
						"officer"),
			 0);
	assert_int_equal(cor_store_support_item_get(f.st, VHR, 1, &it), 0);
	assert_int_equal(it.status, COR_SUPPORT_DELIVERED);
	assert_string_equal(it.done_at, NOW);
	assert_int_equal(cor_store_support_visit(f.st, VHR, (struct cor_date){2026, 11, 20},
						 "K. Mensah", "working", "officer", &no),
			 0);
	assert_int_equal(no, 1);
	assert_int_equal(cor_store_support_visit(f.st, VHR, (struct cor_date){2026, 11, 26},
						 "K. Mensah", "settled", "officer", &no),
			 0);
	assert_int_equal(no, 2);
	struct cor_support_tally t = {0};
	assert_int_equal(cor_store_support_tally(f.st, VHR, &t), 0);
	assert_int_equal(t.planned, 1);
	assert_int_equal(t.delivered, 1);
	assert_int_equal(t.cancelled, 0);
	assert_int_equal(t.visits, 2);
	assert_int_equal(cor_store_support_tally(f.st, "LY-TIP-2026-999999", &t), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(f.st), "no case 'LY-TIP-2026-999999'");
	assert_int_equal(cor_store_support_close(f.st, VHR, "settled", "officer"), 0);
	assert_string_equal(state_of(&f, VHR), "departed");

	char items[1024] = "", visits[1024] = "";
	assert_int_equal(cor_store_support_items(f.st, VHR, collect_item, items), 0);
	assert_string_equal(items, "1 cash grant 50000 USD delivered " NOW "|mobile money\n"
				   "2 business kit 0  planned |\n");
	assert_int_equal(cor_store_support_visits(f.st, VHR, collect_visit, visits), 0);
	assert_string_equal(visits, "1 2026-11-20 K. Mensah: working\n"
				    "2 2026-11-26 K. Mensah: settled\n");
	assert_string_equal(events_of(&f, VHR),
			    "support|arrival confirmed at Lagos (LOS) on 2026-11-27T10:00:00Z by "
			    "officer|\n"
			    "support|item 1 planned: cash, grant, 500.00 USD|\n"
			    "support|item 2 planned: business, kit|\n"
			    "support|item 1 delivered|mobile money\n"
			    "support|follow-up visit 1 on 2026-11-20 by K. Mensah|\n"
			    "support|follow-up visit 2 on 2026-11-26 by K. Mensah|\n"
			    "support|support closed|settled\n");
	cor_store_close(f.st);
}

/* The arrival's record and the case's move are one step of the operation:
 * the history has both, in that order. */
static void test_arrival_one_step(void **state)
{
	struct fx f;
	fx_open(&f, "one-step");
	struct cor_svc_arrival_in in = {VHR, "Lagos (LOS)", NULL, NULL, "by bus"};
	struct cor_svc_arrival_out out;
	assert_int_equal(cor_svc_arrival_confirm(&f.cx, &in, &out), 0);
	const char *ev = events_of(&f, VHR);
	const char *rec = strstr(ev, "support|arrival confirmed at Lagos (LOS) on " NOW
				     " by officer|by bus\n");
	assert_non_null(rec);
	assert_non_null(strstr(rec, "arrived"));
	assert_string_equal(state_of(&f, VHR), "arrived");
	cor_store_close(f.st);
}

int main(void)
{
	const struct CMUnitTest moving[] = {
		cmocka_unit_test(test_arrival),
		cmocka_unit_test(test_support),
		cmocka_unit_test(test_arrival_one_step),
	};
	const struct CMUnitTest records[] = {
		cmocka_unit_test(test_records),
	};
	int failed = cmocka_run_group_tests_name("sqlite", moving, NULL, NULL);
	failed += cmocka_run_group_tests_name("sqlite, records", records, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_svc_support: COR_TEST_PG is not set: the PostgreSQL half is "
		       "skipped\n");
		return failed;
	}
	on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql, records", records, NULL, NULL);
	failed += cmocka_run_group_tests_name("postgresql", moving, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

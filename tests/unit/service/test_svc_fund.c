// SPDX-License-Identifier: Apache-2.0
// The fund's operations driven through cor_svc_fund_*, on a database file
// under $COR_TEST_TMP, with an injected clock: exact codes, fields and
// messages of every refusal, every fault of an input listed, the budget
// year taken from the context's today, and a refused operation changing
// nothing (a digest of the fund's tables and the history, read through a
// connection of our own).
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

#include "service/fund.h"
#include "store/store.h"
#include "unit/store/pgtest.h"

#define HASM1 "NE-AJY-2026-000001"
#define HASM2 "NE-AJY-2026-000002"
#define VHR   "LY-TIP-2026-000001"
#define SHUT  "NE-AJY-2026-000003"
#define NOW   "2026-11-27T12:00:00Z"

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
	snprintf(path, sizeof(path), "%s/test_svc_fund-%s.db", dir && *dir ? dir : "/tmp", name);
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
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%s", office);
	snprintf(c.origin, sizeof(c.origin), "NER");
	snprintf(c.destination, sizeof(c.destination), "MLI");
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = COR_PRIO_NORMAL;
	c.registered_on = (struct cor_date){2026, 11, 2};
	if (cor_store_case_add(st, &c, NULL) < 0)
		fail_msg("adding %s: %s", ref, cor_store_errmsg(st));
}

struct fx {
	struct cor_store *st;
	struct cor_ctx cx;
};

static void fx_open(struct fx *f, const char *name, const char *now)
{
	char msg[600] = "";
	if (cor_store_open(db_path(name), COR_STORE_CREATE, &f->st, msg, sizeof(msg)) < 0)
		fail_msg("cannot create: %s", msg);
	add_case(f->st, HASM1, "HASM", "NE-AJY", "registered");
	add_case(f->st, HASM2, "HASM", "NE-AJY", "registered");
	add_case(f->st, SHUT, "HASM", "NE-AJY", "closed");
	add_case(f->st, VHR, "VHR", "LY-TIP", "registered");
	assert_int_equal(cor_ctx_init(&f->cx, f->st, "officer", now), 0);
}

/* Every row of the fund's tables and the history, as one text. */
static char *digest(void)
{
	static const char *const sql[] = {
		("SELECT group_concat(office_id || year || currency || amount, ';') FROM "
		 "fund_budget"),
		"SELECT group_concat(id || state || amount || decided_by, ';') FROM fund_request",
		"SELECT group_concat(request_id || amount || reference, ';') FROM fund_payment",
		"SELECT count(*) FROM event",
	};
	static const char *const pg_sql[] = {
		"SELECT coalesce(string_agg(concat(office_id, year, currency, amount), ';'"
		" ORDER BY office_id, year, currency COLLATE \"C\"), '') FROM fund_budget",
		"SELECT coalesce(string_agg(concat(id, state, amount, decided_by), ';' ORDER BY "
		"id),"
		" '') FROM fund_request",
		"SELECT coalesce(string_agg(concat(request_id, amount, reference), ';' ORDER BY "
		"id),"
		" '') FROM fund_payment",
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

static void no_flag(const struct cor_error *e)
{
	assert_null(strstr(e->message, "--"));
	assert_null(strstr(e->message, "corridor "));
	for (int i = 0; i < e->ncauses; i++) {
		assert_null(strstr(e->causes[i].message, "--"));
		assert_null(strstr(e->causes[i].message, "corridor "));
	}
}

/* The refusal of the last operation: code, field ("" none) and message. */
static void refused(struct fx *f, int err, enum cor_code code, const char *field,
		    const char *message, const char *before)
{
	assert_true(err < 0);
	assert_string_equal(cor_code_name(f->cx.err.code), cor_code_name(code));
	assert_string_equal(f->cx.err.field, field);
	assert_string_equal(f->cx.err.message, message);
	no_flag(&f->cx.err);
	char *after = digest();
	assert_string_equal(after, before);
	free(after);
}

static long request(struct fx *f, const char *ref, const char *amount)
{
	struct cor_svc_fund_request_in in = {ref, "destitution", "cash", "XOF", amount, NULL};
	struct cor_svc_fund_request_out out;
	if (cor_svc_fund_request(&f->cx, &in, &out) < 0)
		fail_msg("request: %s", f->cx.err.message);
	return out.request.id;
}

static void budget(struct fx *f, const char *amount)
{
	struct cor_svc_fund_budget_in in = {"NE-AJY", 0, "XOF", amount};
	struct cor_svc_fund_budget_out out;
	if (cor_svc_fund_budget_set(&f->cx, &in, &out) < 0)
		fail_msg("budget: %s", f->cx.err.message);
}

static void test_flow(void **state)
{
	struct fx f;
	fx_open(&f, "flow", NOW);
	struct cor_svc_fund_budget_in b = {"NE-AJY", 0, "XOF", "1000000"};
	struct cor_svc_fund_budget_out bo;
	assert_int_equal(cor_svc_fund_budget_set(&f.cx, &b, &bo), 0);
	assert_int_equal(bo.year, 2026);
	assert_int_equal(bo.amount, 1000000);
	assert_int_equal(bo.previous, 0);
	b.amount = "1200000";
	assert_int_equal(cor_svc_fund_budget_set(&f.cx, &b, &bo), 0);
	assert_int_equal(bo.previous, 1000000);

	struct cor_svc_fund_request_in r = {HASM1, "lost_documents", "documents",
					    "XOF", "45000",          "passport stolen"};
	struct cor_svc_fund_request_out ro;
	assert_int_equal(cor_svc_fund_request(&f.cx, &r, &ro), 0);
	assert_int_equal(ro.request.id, 1);
	assert_int_equal(ro.request.year, 2026);
	assert_int_equal(ro.request.amount, 45000);
	assert_int_equal(ro.request.state, COR_FUND_REQUESTED);
	assert_string_equal(ro.request.requested_by, "officer");
	assert_string_equal(ro.request.requested_at, NOW);

	struct cor_svc_fund_decide_in d = {1, true, NULL};
	assert_int_equal(cor_svc_fund_decide(&f.cx, &d, &ro), 0);
	assert_int_equal(ro.request.state, COR_FUND_APPROVED);
	assert_string_equal(ro.request.decided_by, "officer");

	struct cor_svc_fund_pay_in p = {1, "30000", "RCPT-1"};
	assert_int_equal(cor_svc_fund_pay(&f.cx, &p, &ro), 0);
	assert_int_equal(ro.paid_now, 30000);
	assert_int_equal(ro.request.paid, 30000);

	json_t *doc = NULL;
	struct cor_svc_fund_status_in s = {.office = "NE-AJY"};
	assert_int_equal(cor_svc_fund_status_doc(&f.cx, &s, &doc), 0);
	char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(
		text,
		"{\"office\":\"NE-AJY\",\"year\":2026,\"positions\":[{\"currency\":\"XOF\","
		"\"budget\":\"1200000\",\"approved\":\"45000\",\"paid\":\"30000\",\"left\":"
		"\"1155000\"}],\"requests\":[{\"id\":1,\"case\":\"" HASM1
		"\",\"office\":\"NE-AJY\","
		"\"year\":2026,\"reason\":\"lost_documents\",\"kind\":\"documents\",\"amount\":"
		"\"45000\",\"currency\":\"XOF\",\"state\":\"approved\",\"paid\":\"30000\",\"note\":"
		"\"passport stolen\",\"requested_by\":\"officer\",\"requested_at\":\"" NOW "\","
		"\"decided_by\":\"officer\",\"decision_note\":null}]}");
	free(text);
	json_decref(doc);
	cor_store_close(f.st);
}

/* A request draws on the budget of the context's year, not the system's. */
static void test_year_from_clock(void **state)
{
	struct fx f;
	fx_open(&f, "year", "2031-01-02T08:00:00Z");
	budget(&f, "500");
	struct cor_svc_fund_request_in r = {HASM1, "abuse", "shelter", "XOF", "400", NULL};
	struct cor_svc_fund_request_out ro;
	assert_int_equal(cor_svc_fund_request(&f.cx, &r, &ro), 0);
	assert_int_equal(ro.request.year, 2031);
	struct cor_svc_fund_decide_in d = {ro.request.id, true, NULL};
	assert_int_equal(cor_svc_fund_decide(&f.cx, &d, &ro), 0);
	struct cor_svc_fund_list_in l = {NULL, 0, "approved", NULL, NULL};
	json_t *doc = NULL;
	assert_int_equal(cor_svc_fund_list_doc(&f.cx, &l, &doc), 0);
	assert_int_equal(json_integer_value(json_object_get(doc, "year")), 2031);
	assert_int_equal(json_array_size(json_object_get(doc, "requests")), 1);
	json_decref(doc);
	cor_store_close(f.st);
}

static void test_every_fault(void **state)
{
	struct fx f;
	fx_open(&f, "faults", NOW);
	char *before = digest();
	struct cor_svc_fund_request_in r = {HASM1, "bored", "toys", "ABC", "10", NULL};
	struct cor_svc_fund_request_out ro;
	int err = cor_svc_fund_request(&f.cx, &r, &ro);
	refused(&f, err, COR_CODE_BAD_PARAMETER, "", "the request is refused: 3 problems", before);
	assert_int_equal(f.cx.err.ncauses, 3);
	assert_string_equal(f.cx.err.causes[0].field, "reason");
	assert_string_equal(f.cx.err.causes[1].field, "kind");
	assert_string_equal(f.cx.err.causes[2].field, "currency");
	assert_string_equal(f.cx.err.causes[2].message,
			    "'ABC' is not an ISO 4217 currency code such as USD, EUR, LYD");

	struct cor_svc_fund_request_in one = {HASM1, "abuse", "cash", "USD", "1.005", NULL};
	err = cor_svc_fund_request(&f.cx, &one, &ro);
	refused(&f, err, COR_CODE_BAD_PARAMETER, "amount",
		"'1.005' is not a positive amount in USD with at most 2 decimals", before);
	assert_int_equal(f.cx.err.ncauses, 0);

	struct cor_svc_fund_budget_in b = {"nowhere", 1999, NULL, NULL};
	struct cor_svc_fund_budget_out bo;
	err = cor_svc_fund_budget_set(&f.cx, &b, &bo);
	refused(&f, err, COR_CODE_BAD_PARAMETER, "", "the budget is refused: 4 problems", before);
	assert_string_equal(f.cx.err.causes[0].message,
			    "'nowhere' is not an office code like NE-AJY");
	assert_string_equal(f.cx.err.causes[1].message, "1999 is not a year from 2000 to 2100");
	assert_string_equal(f.cx.err.causes[2].field, "currency");
	assert_string_equal(f.cx.err.causes[3].message, "the amount is missing");
	free(before);
	cor_store_close(f.st);
}

static void test_not_found_and_cases(void **state)
{
	struct fx f;
	fx_open(&f, "found", NOW);
	char *before = digest();
	struct cor_svc_fund_request_out ro;
	struct cor_svc_fund_request_in r = {
		"NE-AJY-2026-000099", "abuse", "cash", "XOF", "10", NULL};
	refused(&f, cor_svc_fund_request(&f.cx, &r, &ro), COR_CODE_CASE_NOT_FOUND, "case",
		"no case 'NE-AJY-2026-000099'", before);
	r.case_ref = VHR;
	refused(&f, cor_svc_fund_request(&f.cx, &r, &ro), COR_CODE_REFUSED, "case",
		"case '" VHR "' is VHR; the fund assists stranded-migrant (HASM) cases only",
		before);
	r.case_ref = SHUT;
	refused(&f, cor_svc_fund_request(&f.cx, &r, &ro), COR_CODE_WRONG_STATE, "case",
		"case '" SHUT "' is closed", before);
	struct cor_svc_fund_decide_in d = {42, true, NULL};
	refused(&f, cor_svc_fund_decide(&f.cx, &d, &ro), COR_CODE_FUND_REQUEST_NOT_FOUND, "request",
		"no fund request 42", before);
	struct cor_svc_fund_pay_in p = {42, "1", NULL};
	refused(&f, cor_svc_fund_pay(&f.cx, &p, &ro), COR_CODE_FUND_REQUEST_NOT_FOUND, "request",
		"no fund request 42", before);
	struct cor_svc_fund_budget_in b = {"ZZ-ZZZ", 0, "XOF", "10"};
	struct cor_svc_fund_budget_out bo;
	refused(&f, cor_svc_fund_budget_set(&f.cx, &b, &bo), COR_CODE_OFFICE_NOT_FOUND, "office",
		"no office 'ZZ-ZZZ'", before);
	json_t *doc = NULL;
	struct cor_svc_fund_status_in s = {.office = "ZZ-ZZZ"};
	assert_true(cor_svc_fund_status_doc(&f.cx, &s, &doc) < 0);
	assert_null(doc);
	assert_int_equal(f.cx.err.code, COR_CODE_OFFICE_NOT_FOUND);
	free(before);
	cor_store_close(f.st);
}

static void test_money_rules(void **state)
{
	struct fx f;
	fx_open(&f, "money", NOW);
	struct cor_svc_fund_request_out ro;
	budget(&f, "1000");
	long a = request(&f, HASM1, "600"), b = request(&f, HASM2, "500");
	struct cor_svc_fund_decide_in d = {a, true, NULL};
	assert_int_equal(cor_svc_fund_decide(&f.cx, &d, &ro), 0);

	char *before = digest();
	d.id = b;
	refused(&f, cor_svc_fund_decide(&f.cx, &d, &ro), COR_CODE_FUND_EXCEEDED, "",
		"approving 500 XOF would exceed the 2026 budget of office 'NE-AJY': budget 1,000 "
		"XOF, already approved 600 XOF, left 400 XOF",
		before);
	d.id = a;
	refused(&f, cor_svc_fund_decide(&f.cx, &d, &ro), COR_CODE_WRONG_STATE, "request",
		"fund request 1 is already approved", before);
	struct cor_svc_fund_decide_in rej = {b, false, ""};
	refused(&f, cor_svc_fund_decide(&f.cx, &rej, &ro), COR_CODE_REASON_REQUIRED, "note",
		"a rejection needs a note saying why", before);
	struct cor_svc_fund_budget_in low = {"NE-AJY", 0, "XOF", "599"};
	struct cor_svc_fund_budget_out bo;
	refused(&f, cor_svc_fund_budget_set(&f.cx, &low, &bo), COR_CODE_REFUSED, "amount",
		"the 2026 budget of office 'NE-AJY' cannot be 599 XOF: 600 XOF is already approved",
		before);
	struct cor_svc_fund_pay_in p = {b, "1", NULL};
	refused(&f, cor_svc_fund_pay(&f.cx, &p, &ro), COR_CODE_WRONG_STATE, "request",
		"fund request 2 is requested, not approved", before);
	p = (struct cor_svc_fund_pay_in){a, "601", NULL};
	refused(&f, cor_svc_fund_pay(&f.cx, &p, &ro), COR_CODE_FUND_EXCEEDED, "amount",
		"fund request 1: paying 601 XOF would exceed the approved 600 XOF (already paid 0 "
		"XOF)",
		before);
	p = (struct cor_svc_fund_pay_in){a, "1.5", "R\x01"};
	refused(&f, cor_svc_fund_pay(&f.cx, &p, &ro), COR_CODE_BAD_PARAMETER, "",
		"the payment is refused: 2 problems", before);
	assert_string_equal(f.cx.err.causes[1].field, "reference");
	free(before);

	p = (struct cor_svc_fund_pay_in){a, "600", NULL};
	assert_int_equal(cor_svc_fund_pay(&f.cx, &p, &ro), 0);
	assert_int_equal(ro.request.paid, 600);
	rej.note = "another partner pays";
	assert_int_equal(cor_svc_fund_decide(&f.cx, &rej, &ro), 0);
	assert_int_equal(ro.request.state, COR_FUND_REJECTED);
	assert_string_equal(ro.request.decision_note, "another partner pays");
	cor_store_close(f.st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flow),        cmocka_unit_test(test_year_from_clock),
		cmocka_unit_test(test_every_fault), cmocka_unit_test(test_not_found_and_cases),
		cmocka_unit_test(test_money_rules),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_svc_fund: COR_TEST_PG is not set: the PostgreSQL half is skipped\n");
		return failed;
	}
	on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql", tests, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

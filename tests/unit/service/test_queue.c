// SPDX-License-Identifier: Apache-2.0
// Unit tests for eligibility and the queue (service/queue.h), driven through
// cor_svc_* with an injected clock on a small store (facts_fixture.h): the
// unmet criteria of a case, each with its criterion, person, code and
// sentence; the queue's order, persons, conditions, explanations and
// blocked cases; its document; the rules in force changing both; and every
// refusal's code, field and message. Each runs on SQLite and, when
// $COR_TEST_PG holds a libpq URI, on PostgreSQL (a fresh database each),
// with the same expected results.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "domain/priority.h"
#include "service/queue.h"
#include "service/rules.h"
#include "store/store_facts.h"

#define FIXTURE_PREFIX "test_queue"
#include "unit/store/facts_fixture.h"

static void ctx_at(struct cor_ctx *cx, struct cor_store *st, const char *now)
{
	assert_int_equal(cor_ctx_init(cx, st, "tester", now), 0);
}

static const char *sget(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	assert_non_null(s);
	return s;
}

static void test_eligibility(void **state)
{
	struct cor_store *st = populated(db_path("elig"));
	struct cor_ctx cx;
	struct cor_svc_eligibility_out out;
	struct cor_date travel = D(2026, 11, 22);
	ctx_at(&cx, st, "2026-11-22T08:00:00Z");

	struct cor_svc_eligibility_in in = {A, &travel};
	assert_int_equal(cor_svc_eligibility(&cx, &in, &out), 0);
	assert_false(out.eligible);
	json_t *d = out.doc;
	assert_string_equal(sget(d, "case"), A);
	assert_string_equal(sget(d, "programme"), "VHR");
	assert_string_equal(sget(d, "travel_on"), "2026-11-22");
	assert_string_equal(sget(d, "evaluated_on"), "2026-11-22");
	assert_int_equal(json_integer_value(json_object_get(d, "rules_version")), 0);
	assert_int_equal(json_integer_value(json_object_get(d, "unmet_count")), 5);
	assert_true(json_is_false(json_object_get(d, "eligible")));
	static const char *const want[][4] = {
		{"TRAVEL_DOCUMENT", A "-02", "NO_TRAVEL_DOCUMENT",
		 "Chioma Okafor holds no travel document accepted for VHR (passport, emergency "
		 "travel document or laissez-passer)"},
		{"FITNESS", A "-02", "FITNESS_MISSING",
		 "no fitness-to-travel check recorded for Chioma Okafor"},
		{"PROTECTION", A "-02", "PROTECTION_NOT_CLEARED",
		 "protection risk of Chioma Okafor on return is high and not cleared by a "
		 "protection officer"},
		{"FITNESS", A "-03", "FITNESS_DEFERRED",
		 "fitness to travel of Ibrahim Adebayo was deferred on 2026-11-21"},
		{"PROTECTION", A "-03", "PROTECTION_NOT_ASSESSED",
		 "no protection risk assessment recorded for Ibrahim Adebayo"},
	};
	json_t *unmet = json_object_get(d, "unmet");
	assert_int_equal(json_array_size(unmet), ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++) {
		json_t *u = json_array_get(unmet, i);
		assert_string_equal(sget(u, "criterion"), want[i][0]);
		assert_string_equal(sget(u, "who"), want[i][1]);
		assert_string_equal(sget(u, "code"), want[i][2]);
		assert_string_equal(sget(u, "message"), want[i][3]);
	}
	json_decref(d);

	/* No travel date: evaluated on the clock's day, and said so. */
	in.travel_on = NULL;
	ctx_at(&cx, st, "2026-11-28T08:00:00Z");
	assert_int_equal(cor_svc_eligibility(&cx, &in, &out), 0);
	assert_true(json_is_null(json_object_get(out.doc, "travel_on")));
	assert_string_equal(sget(out.doc, "evaluated_on"), "2026-11-28");
	json_decref(out.doc);

	/* Refusals: exact code, field and message; no document. */
	in.ref = "LY-TIP-2026-000999";
	assert_int_equal(cor_svc_eligibility(&cx, &in, &out), COR_ENOTFOUND);
	assert_int_equal(cx.err.code, COR_CODE_CASE_NOT_FOUND);
	assert_string_equal(cx.err.field, "case");
	assert_string_equal(cx.err.message, "no case 'LY-TIP-2026-000999'");
	assert_null(out.doc);
	in.ref = "LY-TIP-26-1";
	assert_int_equal(cor_svc_eligibility(&cx, &in, &out), COR_EINVAL);
	assert_int_equal(cx.err.code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(cx.err.field, "case");
	assert_string_equal(cx.err.message,
			    "'LY-TIP-26-1' is not a case ID like LY-TIP-2026-000123");
	cor_store_close(st);
}

/* Three evacuations ready to travel: an emergency, a normal one with needs,
 * one with no fitness check. */
static void add_hev(struct cor_store *st)
{
	static const struct {
		const char *ref;
		enum cor_priority prio;
		struct cor_date reg;
		const char *needs;
		bool fit;
	} hev[] = {
		{"SD-PZU-2026-000010", COR_PRIO_NORMAL, {2026, 1, 1}, "SM-CC;CR", true},
		{"SD-PZU-2026-000011", COR_PRIO_EMERGENCY, {2026, 11, 20}, "", true},
		{"SD-PZU-2026-000012", COR_PRIO_URGENT, {2026, 11, 1}, "", false},
	};
	for (size_t i = 0; i < ROWS(hev); i++) {
		char who[32];
		int64_t id = add_case(st, hev[i].ref, "HEV", "EGY", "travel_ready", hev[i].prio,
				      hev[i].reg);
		add_person(st, id, 1, COR_REL_PRINCIPAL, "Hassan", "Omar", 'M', D(1980, 2, 2),
			   hev[i].needs);
		add_person(st, id, 2, COR_REL_CHILD, "Hassan", "Ali", 'M', D(2016, 2, 2),
			   hev[i].needs);
		for (int p = 1; p <= 2; p++) {
			snprintf(who, sizeof(who), "%s-%02d", hev[i].ref, p);
			add_doc(st, who, COR_DOC_ETD, p == 1 ? "E1" : "E2", NULL);
			if (hev[i].fit)
				add_check(st, who, COR_HEALTH_FITNESS, "2026-11-27T10:00Z",
					  p == 1 ? COR_HEALTH_FIT_WITH_CONDITIONS : COR_HEALTH_FIT,
					  p == 1 ? B(WCHR) : 0, COR_HEALTH_TB_NOT_SCREENED);
		}
	}
}

static void test_queue(void **state)
{
	struct cor_store *st = populated(db_path("queue"));
	struct cor_svc_queue q = COR_SVC_QUEUE_INIT;
	struct cor_ctx cx;
	char why[512];
	add_hev(st);
	ctx_at(&cx, st, "2026-11-28T09:00:00Z");

	struct cor_svc_queue_in in = {.keep_blocked = true};
	assert_int_equal(cor_svc_queue(&cx, &in, &q), 0);
	/* The travel-ready cases only are read. */
	assert_int_equal(q.cases, 3);
	assert_int_equal(q.travellers, 6);
	assert_int_equal(q.eligible, 2);
	assert_int_equal(q.unmet, 2);
	assert_int_equal(q.n, 2);
	assert_int_equal(q.persons, 4);
	assert_string_equal(q.recs[0].ref, "SD-PZU-2026-000011");
	assert_string_equal(q.recs[1].ref, "SD-PZU-2026-000010");
	unsigned conds = 0;
	assert_int_equal(cor_svc_queue_persons(&q, 1, &conds), 2);
	assert_int_equal(conds, B(WCHR));
	cor_svc_queue_why(&q, 0, why, sizeof(why));
	assert_string_equal(why, "emergency (deadline 2026-11-27, 1 day overdue); vulnerability 0: "
				 "no weighted specific needs; registered 2026-11-20");
	cor_svc_queue_why(&q, 1, why, sizeof(why));
	assert_string_equal(why,
			    "normal (deadline 2027-01-01, 34 days left); vulnerability 14: "
			    "SM-CC critical medical condition (2 persons x 4 = 8), CR child at "
			    "risk (2 persons x 3 = 6); registered 2026-01-01");
	assert_int_equal(q.recs[1].weight, 14);
	assert_int_equal(q.n_blocked, 1);
	assert_int_equal(q.blocked_persons, 2);
	assert_string_equal(q.blocked[0].ref, "SD-PZU-2026-000012");
	assert_string_equal(q.blocked[0].codes, "FITNESS_MISSING x2");
	assert_int_equal(q.blocked[0].unmet, 2);
	assert_int_equal(q.blocked[0].persons, 2);

	/* The document: the first entry only with a limit of 1. */
	json_t *d = cor_svc_queue_json(&q, 1);
	assert_non_null(d);
	assert_true(json_is_null(json_object_get(d, "travel_on")));
	assert_string_equal(sget(d, "evaluated_on"), "2026-11-28");
	json_t *e = json_array_get(json_object_get(d, "queue"), 0);
	assert_int_equal(json_array_size(json_object_get(d, "queue")), 1);
	assert_int_equal(json_integer_value(json_object_get(e, "place")), 1);
	assert_string_equal(sget(e, "case"), "SD-PZU-2026-000011");
	assert_string_equal(sget(e, "priority"), "emergency");
	assert_string_equal(json_string_value(json_array_get(json_object_get(e, "conditions"), 0)),
			    "wchr");
	assert_int_equal(
		json_integer_value(json_object_get(json_object_get(d, "eligible"), "persons")), 4);
	json_t *b = json_array_get(json_object_get(d, "blocked"), 0);
	assert_string_equal(sget(b, "case"), "SD-PZU-2026-000012");
	json_t *code = json_array_get(json_object_get(b, "codes"), 0);
	assert_string_equal(sget(code, "code"), "FITNESS_MISSING");
	assert_int_equal(json_integer_value(json_object_get(code, "count")), 2);
	json_decref(d);
	cor_svc_queue_release(&q);
	assert_null(q.recs);
	assert_int_equal(q.n, 0);

	/* Blocked counted, not kept: the document says null. */
	in.keep_blocked = false;
	assert_int_equal(cor_svc_queue(&cx, &in, &q), 0);
	assert_int_equal(q.n, 2);
	assert_int_equal(q.n_blocked, 1);
	assert_null(q.blocked);
	d = cor_svc_queue_json(&q, 0);
	assert_true(json_is_null(json_object_get(d, "blocked")));
	assert_int_equal(json_array_size(json_object_get(d, "queue")), 2);
	json_decref(d);
	cor_svc_queue_release(&q);

	/* The rules in force decide: three days for an emergency. */
	static const char rules[] = "priority.emergency_days = 3\n";
	struct cor_svc_rules_set_in rin = {rules, sizeof(rules) - 1, "rules.conf"};
	struct cor_svc_rules_set_out rout;
	assert_int_equal(cor_svc_rules_set(&cx, &rin, &rout), 0);
	assert_int_equal(cor_svc_queue(&cx, &in, &q), 0);
	assert_int_equal(q.rules_version, 1);
	cor_svc_queue_why(&q, 0, why, sizeof(why));
	assert_string_equal(why,
			    "emergency (deadline 2026-11-23, 5 days overdue); vulnerability 0: "
			    "no weighted specific needs; registered 2026-11-20");
	cor_svc_queue_release(&q);

	/* Refusals. */
	in.office = "XX-ABC";
	assert_int_equal(cor_svc_queue(&cx, &in, &q), COR_ENOTFOUND);
	assert_int_equal(cx.err.code, COR_CODE_OFFICE_NOT_FOUND);
	assert_string_equal(cx.err.field, "office");
	assert_string_equal(cx.err.message, "no office 'XX-ABC'");
	assert_null(q.recs);
	in.office = "xx";
	assert_int_equal(cor_svc_queue(&cx, &in, &q), COR_EINVAL);
	assert_int_equal(cx.err.code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(cx.err.field, "office");
	in.office = NULL;
	in.programme = "XYZ";
	assert_int_equal(cor_svc_queue(&cx, &in, &q), COR_EINVAL);
	assert_string_equal(cx.err.field, "programme");
	assert_string_equal(cx.err.message, "'XYZ' is not a programme");
	cor_store_close(st);
}

static void test_hook_message(void **state)
{
	/* A programme the rules do not know: the hook fails with a sentence
	 * the store then reports. */
	struct cor_store *st = populated(db_path("hook"));
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_facts_hook_ctx h = {.cfg = &cfg, .today = D(2026, 11, 28)};
	struct cor_case c = {0};
	struct cor_case_gate gate = {0};
	snprintf(c.ref, sizeof(c.ref), "%s", "LY-TIP-2026-000999");
	assert_int_equal(cor_facts_eligibility_hook(st, 0, &c, &gate, &h), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000999'");
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eligibility),
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_hook_message),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_queue: COR_TEST_PG is not set: the PostgreSQL half is skipped\n");
		return failed;
	}
	fixture_on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql", tests, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

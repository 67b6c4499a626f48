// SPDX-License-Identifier: Apache-2.0
// Unit tests for the facts loader (store/store_facts.h) on a small store
// built here through the store's own calls: every fact of a case, exactly
// (documents past the four kept, the latest fitness check and its
// conditions, the latest TB class of either kind, the latest protection
// level and its clearance, the latest informed decision, open referrals and
// the asylum wish, the selection step from the state or the history); the
// same facts whether read in one pass over every table or for one case,
// persons written out of case order included; filters; the eligibility hook
// of a move (its verdicts and the queue: tests/unit/service/test_queue.c).
// Every test runs on SQLite and, when $COR_TEST_PG holds a libpq URI, on
// PostgreSQL too (a fresh database each), with the same expected facts: the
// two backends read the same records the same way.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/counselling.h"
#include "domain/health.h"
#include "domain/priority.h"
#include "domain/protection.h"
#include "service/queue.h"
#include "store/store.h"
#include "store/store_facts.h"
#include "store/store_health.h"
#include "store/store_workflow.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

#define FIXTURE_PREFIX "test_facts"
#include "unit/store/facts_fixture.h"

/* ---- facts as text -------------------------------------------------------- */

static void put(char *buf, size_t len, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

static const char *day(struct cor_date d, char *buf)
{
	if (d.year == 0)
		return "-";
	return cor_date_format(d, buf);
}

/* Every field of fc, one line for the case and one per person. */
static void facts_text(const struct cor_facts_case *fc, char *out, size_t len)
{
	const struct cor_case_facts *f = &fc->f;
	char d1[COR_DATE_LEN], d2[COR_DATE_LEN], d3[COR_DATE_LEN], conds[160];
	out[0] = '\0';
	put(out, len,
	    "%s %s %s state=%s office=%s prio=%s set=%s reg=%s travel=%s dep=%d counselled=%d "
	    "decision=%s asylum=%d referrals=%d selection=%s n=%zu\n",
	    f->ref, f->programme ? f->programme->code : "?", f->destination, fc->c.state,
	    fc->c.office, cor_priority_name(f->priority), day(f->priority_set_on, d1),
	    day(f->registered_on, d2), f->has_travel_date ? day(f->travel_on, d3) : "-",
	    f->departure_minute, f->counselled, cor_decision_name(f->decision), f->asylum_wish,
	    f->open_referrals, cor_selection_name(f->selection), f->n_travellers);
	for (size_t i = 0; i < f->n_travellers; i++) {
		const struct cor_traveller_facts *t = &f->travellers[i];
		const struct cor_facts_person *p = &fc->persons[i];
		put(out, len, " %s seq=%d '%s' %s %c %s %s needs=%s docs=%d/%d:", t->ref, p->seq,
		    t->display_name, cor_relationship_name(t->relationship), t->sex,
		    day(t->birth_date, d1), t->nationality, t->needs, t->n_docs, p->docs_held);
		for (int k = 0; k < t->n_docs; k++)
			put(out, len, " %s/%s/%s/%s", cor_doc_kind_name(t->docs[k].kind),
			    t->docs[k].issuer, t->docs[k].number,
			    t->docs[k].has_expiry ? day(t->docs[k].expires_on, d2) : "-");
		cor_health_conditions_format(p->conditions, conds, sizeof(conds));
		put(out, len, " fitness=%s@%s/%d cond=%s tb=%s waived=%d risk=%s cleared=%d\n",
		    cor_fitness_name(t->fitness), day(t->fitness_on, d3), t->fitness_minute, conds,
		    cor_tb_class_name(t->tb), t->tb_waived, cor_risk_name(t->protection_risk),
		    t->protection_cleared);
	}
}

struct texts {
	char text[8][2048];
	int n;
};

static int collect(const struct cor_facts_case *fc, void *ctx)
{
	struct texts *t = ctx;
	if (t->n == (int)ROWS(t->text))
		fail_msg("too many cases");
	facts_text(fc, t->text[t->n++], sizeof(t->text[0]));
	return 0;
}

static const char want_a[] =
	"LY-TIP-2026-000201 VHR NGA state=eligible office=LY-TIP prio=urgent set=- "
	"reg=2026-10-02 travel=- dep=-1 counselled=1 decision=yes asylum=0 referrals=0 "
	"selection= n=3\n"
	" LY-TIP-2026-000201-01 seq=1 'Musa Adebayo' principal M 1990-05-01 NGA needs=SM-CC;SP "
	"docs=4/5: id_card/NGA/ID1/- etd/NGA/E1/2028-01-01 exit_permit/NGA/X1/2026-12-31 "
	"passport/NGA/P1/2027-01-02 fitness=fit_with_conditions@2026-11-20/510 "
	"cond=medical_escort, wchs tb=B2 waived=0 risk=high cleared=1\n"
	" LY-TIP-2026-000201-02 seq=2 'Chioma Okafor' spouse F 1995-02-28 NGA needs= docs=0/0: "
	"fitness=@-/-1 cond= tb= waived=0 risk=high cleared=0\n"
	" LY-TIP-2026-000201-03 seq=3 'Ibrahim Adebayo' child M 2015-06-01 NGA needs=CR "
	"docs=1/1: etd/NGA/E3/- fitness=deferred@2026-11-21/540 cond= tb= waived=0 risk= "
	"cleared=0\n";
static const char want_b[] =
	"LY-TIP-2026-000202 VHR NGA state=on_hold office=LY-TIP prio=normal set=- "
	"reg=2026-09-01 travel=- dep=-1 counselled=1 decision=yes asylum=1 referrals=1 "
	"selection= n=1\n"
	" LY-TIP-2026-000202-01 seq=1 'Fatima Bello' principal F 1988-01-01 NGA needs=WR "
	"docs=1/1: passport/NGA/P9/2030-01-01 fitness=@-/-1 cond= tb= waived=0 risk= cleared=0\n";
static const char want_c[] =
	"TR-IST-2026-000050 RST USA state=on_hold office=TR-IST prio=normal set=- reg=2026-03-01 "
	"travel=- dep=-1 counselled=1 decision=yes asylum=0 referrals=0 selection=interviewed n=1\n"
	" TR-IST-2026-000050-01 seq=1 'Omar Hassan' principal M 1980-02-02 NGA needs= docs=4/6: "
	"passport/NGA/P1/2027-01-01 refugee_td/NGA/R1/- etd/NGA/E1/2026-12-01 "
	"laissez_passer/NGA/L1/2028-01-01 fitness=@-/-1 cond= tb=A waived=0 risk=none cleared=0\n";
static const char want_d[] =
	"TR-IST-2026-000051 RST CAN state=orientation office=TR-IST prio=emergency set=- "
	"reg=2026-11-20 travel=- dep=-1 counselled=0 decision= asylum=0 referrals=0 "
	"selection=accepted n=1\n"
	" TR-IST-2026-000051-01 seq=1 'Senait Haile' principal F 1992-09-09 NGA needs=SC-UC "
	"docs=0/0: fitness=@-/-1 cond= tb= waived=0 risk= cleared=0\n";
static const char want_e[] =
	"SD-PZU-2026-000009 HEV EGY state=assessed office=SD-PZU prio=emergency set=- "
	"reg=2026-11-01 travel=- dep=-1 counselled=0 decision= asylum=0 referrals=0 selection= "
	"n=0\n";

/* ---- tests ------------------------------------------------------------- */

static void test_one_case(void **state)
{
	struct cor_store *st = populated(db_path("one"));
	static const struct {
		const char *ref, *want;
	} cases[] = {{A, want_a}, {BB, want_b}, {C, want_c}, {DD, want_d}, {E, want_e}};
	for (size_t i = 0; i < ROWS(cases); i++) {
		struct texts t = {.n = 0};
		assert_int_equal(cor_store_facts_case(st, cases[i].ref, NULL, collect, &t), 0);
		assert_int_equal(t.n, 1);
		assert_string_equal(t.text[0], cases[i].want);
	}
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_case(st, "LY-TIP-2026-000999", NULL, collect, &t),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000999'");
	assert_int_equal(t.n, 0);
	cor_store_close(st);
}

static void test_each(void **state)
{
	struct cor_store *st = populated(db_path("each"));
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_each(st, NULL, collect, &t), 0);
	/* In case order; A's third person, written after B's, is read all the
	 * same, and so is B's person, met after it. */
	assert_int_equal(t.n, 5);
	assert_string_equal(t.text[0], want_a);
	assert_string_equal(t.text[1], want_b);
	assert_string_equal(t.text[2], want_c);
	assert_string_equal(t.text[3], want_d);
	assert_string_equal(t.text[4], want_e);

	/* A travel date is every case's. */
	struct cor_date travel = D(2027, 1, 10);
	struct cor_facts_query q = {.programme = "VHR", .travel_on = &travel};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_non_null(strstr(t.text[0], "LY-TIP-2026-000201 VHR NGA state=eligible "
					  "office=LY-TIP prio=urgent set=- reg=2026-10-02 "
					  "travel=2027-01-10 dep=-1 "));
	assert_non_null(strstr(t.text[1], "LY-TIP-2026-000202 VHR NGA state=on_hold"));

	/* Filters. */
	q = (struct cor_facts_query){.office = "TR-IST"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.text[0], want_c);
	assert_string_equal(t.text[1], want_d);
	q = (struct cor_facts_query){.state = "on_hold"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.text[0], want_b);
	assert_string_equal(t.text[1], want_c);
	q = (struct cor_facts_query){.programme = "RST", .office = "LY-TIP"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 0);
	q = (struct cor_facts_query){.office = "XX-ABC"};
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no office 'XX-ABC'");
	cor_store_close(st);
}

static int stop_at_second(const struct cor_facts_case *fc, void *ctx)
{
	int *n = ctx;
	return ++*n == 2 ? 42 : 0;
}

static void test_referral_closed_and_stop(void **state)
{
	struct cor_store *st = populated(db_path("closed"));
	assert_int_equal(cor_store_referral_close(st, BB, 1, "no claim lodged", "tester"), 0);
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_case(st, BB, NULL, collect, &t), 0);
	assert_non_null(strstr(t.text[0], " asylum=0 referrals=0 "));
	/* A callback's non-zero value stops the pass and is returned. */
	int n = 0;
	assert_int_equal(cor_store_facts_each(st, NULL, stop_at_second, &n), 42);
	assert_int_equal(n, 2);
	/* And the store is usable afterwards. */
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, NULL, collect, &t), 0);
	assert_int_equal(t.n, 5);
	cor_store_close(st);
}

/* A move that needs eligibility reads these facts: case.move refuses with
 * every unmet criterion, and goes through once they are met. */
static void test_hook(void **state)
{
	struct cor_store *st = populated(db_path("hook"));
	struct cor_ctx *cx = fixture_ctx(st);
	struct cor_svc_case_move_in in = {.ref = DD, .to = "travel_ready"};
	struct cor_svc_case_move_out out;

	/* A resettlement is travel-ready only after the pre-migration health
	 * assessment, whatever else it meets. */
	assert_int_equal(cor_svc_case_move(cx, &in, &out), COR_EWRONGSTATE);
	assert_int_equal(cx->err.code, COR_CODE_HEALTH_NOT_ASSESSED);
	add_check(st, DD "-01", COR_HEALTH_PRE_MIGRATION, "2026-11-21T09:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_NONE);
	cx = fixture_ctx(st);

	assert_int_equal(cor_svc_case_move(cx, &in, &out), COR_EWRONGSTATE);
	assert_int_equal(cx->err.code, COR_CODE_NOT_ELIGIBLE);
	assert_string_equal(cx->err.message,
			    "case 'TR-IST-2026-000051' is 'orientation'; it cannot go to "
			    "'travel_ready': 3 eligibility criteria are not met on 2026-11-28 (no "
			    "travel date set)");
	assert_int_equal(cx->err.ncauses, 3);
	assert_string_equal(cx->err.causes[0].field, "TR-IST-2026-000051");
	assert_string_equal(
		cx->err.causes[0].message,
		"COUNSELLED       TR-IST-2026-000051     NOT_COUNSELLED             case "
		"TR-IST-2026-000051 has not been counselled");
	assert_string_equal(cx->err.causes[1].field, "TR-IST-2026-000051-01");
	assert_string_equal(
		cx->err.causes[1].message,
		"TRAVEL_DOCUMENT  TR-IST-2026-000051-01  NO_TRAVEL_DOCUMENT         Senait "
		"Haile holds no travel document accepted for RST (passport, "
		"laissez-passer or refugee travel document)");
	assert_string_equal(cx->err.causes[2].field, "TR-IST-2026-000051-01");
	assert_string_equal(cx->err.causes[2].message,
			    "FITNESS          TR-IST-2026-000051-01  FITNESS_MISSING            no "
			    "fitness-to-travel check recorded for Senait Haile");
	for (int i = 0; i < 3; i++)
		assert_int_equal(cx->err.causes[i].code, COR_CODE_NOT_ELIGIBLE);

	/* Counselled, a passport, fit the day before: the move goes through. */
	counsel(st, DD, COR_COUNSEL_YES, false);
	add_doc(st, DD "-01", COR_DOC_PASSPORT, "P51", "2030-01-01");
	add_check(st, DD "-01", COR_HEALTH_FITNESS, "2026-11-27T10:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_NOT_SCREENED);
	cx = fixture_ctx(st);
	assert_int_equal(cor_svc_case_move(cx, &in, &out), 0);
	assert_string_equal(out.from, "orientation");
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest both[] = {
		cmocka_unit_test(test_one_case),
		cmocka_unit_test(test_each),
		cmocka_unit_test(test_referral_closed_and_stop),
		cmocka_unit_test(test_hook),
	};
	int failed = cmocka_run_group_tests_name("sqlite", both, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_facts: COR_TEST_PG is not set: the PostgreSQL half is skipped\n");
		return failed;
	}
	fixture_on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql", both, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

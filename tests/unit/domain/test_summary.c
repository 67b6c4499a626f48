// SPDX-License-Identifier: Apache-2.0
// The folds of a case's summary: its protection level, how long its
// travellers' fitness checks hold, its position with the fund.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "domain/summary.h"

static void test_protection(void **state)
{
	(void)state;
	struct cor_case_protection s = {0};
	cor_case_protection_add(&s, false, COR_PROT_NONE, false);
	assert_int_equal(s.persons, 1);
	assert_int_equal(s.assessed, 0);
	assert_int_equal(s.level, COR_PROT_NONE);
	/* The highest latest level, whoever holds it, in any order. */
	cor_case_protection_add(&s, true, COR_PROT_MEDIUM, false);
	cor_case_protection_add(&s, true, COR_PROT_LOW, false);
	assert_int_equal(s.level, COR_PROT_MEDIUM);
	assert_int_equal(s.uncleared, 0);
	cor_case_protection_add(&s, true, COR_PROT_HIGH, false);
	cor_case_protection_add(&s, true, COR_PROT_HIGH, true);
	assert_int_equal(s.persons, 5);
	assert_int_equal(s.assessed, 4);
	assert_int_equal(s.level, COR_PROT_HIGH);
	assert_int_equal(s.uncleared, 1);
	/* An assessment at 'none' is an assessment. */
	struct cor_case_protection n = {0};
	cor_case_protection_add(&n, true, COR_PROT_NONE, false);
	assert_int_equal(n.assessed, 1);
	assert_int_equal(n.level, COR_PROT_NONE);
}

static void test_fitness_until(void **state)
{
	(void)state;
	struct cor_traveller_facts t[2];
	memset(t, 0, sizeof(t));
	struct cor_case_facts f = {.travellers = t, .n_travellers = 2};
	t[0].fitness = COR_FITNESS_FIT;
	t[0].fitness_on = (struct cor_date){2026, 11, 27};
	t[0].fitness_minute = 8 * 60;
	t[1].fitness = COR_FITNESS_FIT_WITH_CONDITIONS;
	t[1].fitness_on = (struct cor_date){2026, 11, 26};
	t[1].fitness_minute = COR_TIME_UNKNOWN;
	int64_t day26 = (int64_t)cor_date_to_days((struct cor_date){2026, 11, 26}) * 86400;
	/* The earliest check: the 26th, its time unknown, from the day's start. */
	assert_true(cor_fitness_holds_until(&f, 72) == day26 + 72 * 3600);
	t[1].fitness_minute = 23 * 60 + 59;
	assert_true(cor_fitness_holds_until(&f, 72) == day26 + (23 * 60 + 59) * 60 + 72 * 3600);
	/* A later check of the second: the first's holds shortest. */
	t[1].fitness_on = (struct cor_date){2026, 11, 28};
	assert_true(cor_fitness_holds_until(&f, 72) == day26 + 86400 + 8 * 3600 + 72 * 3600);
	/* Someone unfit, deferred or unchecked: no time at all. */
	t[1].fitness = COR_FITNESS_DEFERRED;
	assert_true(cor_fitness_holds_until(&f, 72) == -1);
	t[1].fitness = COR_FITNESS_NONE;
	assert_true(cor_fitness_holds_until(&f, 72) == -1);
	f.n_travellers = 0;
	assert_true(cor_fitness_holds_until(&f, 72) == -1);
}

static void test_fitness_window(void **state)
{
	(void)state;
	struct cor_programme_rules pr = {.n_rules = 2};
	pr.rules[0].criterion = COR_CRIT_COUNSELLED;
	pr.rules[1].criterion = COR_CRIT_FITNESS;
	pr.rules[1].value = 36;
	assert_int_equal(cor_fitness_window(&pr), 36);
	pr.n_rules = 1;
	assert_int_equal(cor_fitness_window(&pr), 0);
	assert_int_equal(cor_fitness_window(NULL), 0);
}

static void test_fund(void **state)
{
	(void)state;
	struct cor_fund_case_position p = {.currency = "XOF"};
	cor_fund_case_add(&p, COR_FUND_APPROVED, 45000, 30000);
	cor_fund_case_add(&p, COR_FUND_REQUESTED, 10000, 0);
	cor_fund_case_add(&p, COR_FUND_REJECTED, 5000, 0);
	assert_int_equal(p.requests, 3);
	assert_int_equal(p.pending, 1);
	assert_true(p.asked == 10000);
	assert_true(p.approved == 45000);
	assert_true(p.paid == 30000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_protection),
		cmocka_unit_test(test_fitness_until),
		cmocka_unit_test(test_fitness_window),
		cmocka_unit_test(test_fund),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

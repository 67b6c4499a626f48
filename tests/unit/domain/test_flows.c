// SPDX-License-Identifier: Apache-2.0
// Unit tests for the flows of a period (domain/stats.h): a row per calendar
// month the period touches, a departure and an arrival each in the month of
// its day when the day is inside the period, the total, and the period's
// refusals.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "domain/stats.h"
#include "util/error.h"

static struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

static void
test_months(void **state)
{
	(void)state;
	struct cor_flows *f = cor_flows_new(D(2025, 11, 15), D(2026, 2, 10));
	assert_non_null(f);
	assert_int_equal(cor_flows_months(f), 4);
	static const int want[][2] = {{2025, 11}, {2025, 12}, {2026, 1}, {2026, 2}};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(cor_flows_row(f, i)->year, want[i][0]);
		assert_int_equal(cor_flows_row(f, i)->month, want[i][1]);
	}
	assert_null(cor_flows_row(f, 4));

	/* Departed in December, arrived in January; one departed on the day
	 * before the period, arrived on its first day; one on the last day;
	 * one after; one that never moved. */
	struct cor_case_travel t[] = {
		{3, D(2025, 12, 31), D(2026, 1, 1)}, {2, D(2025, 11, 14), D(2025, 11, 15)},
		{4, D(2026, 2, 10), {0, 0, 0}},      {5, D(2026, 2, 11), D(2026, 2, 12)},
		{1, {0, 0, 0}, {0, 0, 0}},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cor_flows_add(f, &t[i]);
	const struct cor_flow_row *nov = cor_flows_row(f, 0), *dec = cor_flows_row(f, 1),
				  *jan = cor_flows_row(f, 2), *feb = cor_flows_row(f, 3);
	assert_int_equal(nov->departed_cases, 0);
	assert_int_equal(nov->arrived_cases, 1);
	assert_int_equal(nov->arrived_persons, 2);
	assert_int_equal(dec->departed_cases, 1);
	assert_int_equal(dec->departed_persons, 3);
	assert_int_equal(dec->arrived_cases, 0);
	assert_int_equal(jan->departed_cases, 0);
	assert_int_equal(jan->arrived_cases, 1);
	assert_int_equal(jan->arrived_persons, 3);
	assert_int_equal(feb->departed_cases, 1);
	assert_int_equal(feb->departed_persons, 4);
	assert_int_equal(feb->arrived_cases, 0);
	struct cor_flow_row total = cor_flows_total(f);
	assert_int_equal(total.year, 0);
	assert_int_equal(total.departed_cases, 2);
	assert_int_equal(total.departed_persons, 7);
	assert_int_equal(total.arrived_cases, 2);
	assert_int_equal(total.arrived_persons, 5);
	cor_flows_free(f);

	/* One day is one month. */
	f = cor_flows_new(D(2026, 3, 1), D(2026, 3, 1));
	assert_non_null(f);
	assert_int_equal(cor_flows_months(f), 1);
	cor_flows_free(f);
}

static void test_period_check(void **state)
{
	(void)state;
	char msg[128];
	assert_int_equal(cor_flows_period_check(D(2026, 3, 1), D(2026, 1, 1), msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg, "the period ends on 2026-01-01, before it starts on 2026-03-01");
	assert_null(cor_flows_new(D(2026, 3, 1), D(2026, 1, 1)));
	assert_int_equal(cor_flows_period_check(D(2016, 1, 1), D(2025, 12, 31), msg, sizeof(msg)),
			 0);
	assert_int_equal(cor_flows_period_check(D(2016, 1, 1), D(2026, 1, 1), msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg, "the period runs over 121 months; at most 120");
	assert_null(cor_flows_new(D(2016, 1, 1), D(2026, 1, 1)));
	struct cor_flows *f = cor_flows_new(D(2016, 1, 1), D(2025, 12, 31));
	assert_non_null(f);
	assert_int_equal(cor_flows_months(f), COR_FLOW_MONTHS_MAX);
	cor_flows_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_period_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

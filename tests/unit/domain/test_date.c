// SPDX-License-Identifier: Apache-2.0
// Unit tests for calendar dates: strict ISO 8601 parsing, the day-number
// arithmetic checked against a day-by-day walk of the calendar from 1900 to
// 2100, ages around birthdays and 29 February, and formatting.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/date.h"
#include "util/error.h"

static struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

static void
assert_date(struct cor_date got, int y, int m, int d)
{
	if (got.year != y || got.month != m || got.day != d)
		fail_msg("got %04d-%02d-%02d, expected %04d-%02d-%02d", got.year, got.month,
			 got.day, y, m, d);
}

static void test_parse_valid(void **state)
{
	static const struct {
		const char *s;
		int y, m, d;
	} ok[] = {
		{"2024-02-29", 2024, 2, 29}, {"2000-02-29", 2000, 2, 29},
		{"2026-01-15", 2026, 1, 15}, {"2026-12-31", 2026, 12, 31},
		{"0001-01-01", 1, 1, 1},     {"9999-12-31", 9999, 12, 31},
		{"1900-02-28", 1900, 2, 28}, {"2026-04-30", 2026, 4, 30},
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		struct cor_date d = {0};
		if (cor_date_parse(ok[i].s, &d) != 0)
			fail_msg("'%s' was refused", ok[i].s);
		assert_date(d, ok[i].y, ok[i].m, ok[i].d);
	}
}

static void test_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"2023-02-29", /* not a leap year */
		"1900-02-29", /* divisible by 100, not by 400 */
		"2100-02-29",
		"2026-13-01", /* month 13 */
		"2026-00-10", /* month 0 */
		"2026-01-00", /* day 0 */
		"2026-01-32",
		"2026-04-31", /* April has 30 days */
		"0000-01-01", /* year 0 */
		"2026-1-01",  /* one-digit month */
		"2026-01-1",  /* one-digit day */
		"26-01-01",
		"2026-01-01x", /* trailing characters */
		"2026-01-01 ",
		" 2026-01-01",
		"2026-01-01T00:00:00Z",
		"2026/01/01",
		"2026.01.01",
		"20260101",
		"2026-0a-01",
		"+026-01-01",
		"-026-01-01",
		"2026--1-01",
		"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct cor_date d = {7, 7, 7};
		if (cor_date_parse(bad[i], &d) != COR_EINVAL)
			fail_msg("'%s' was accepted", bad[i]);
		/* A refused date leaves the output alone. */
		assert_date(d, 7, 7, 7);
	}
	struct cor_date d;
	assert_int_equal(cor_date_parse(NULL, &d), COR_EINVAL);
	/* An embedded NUL ends the string: "2026-01" is too short. */
	assert_int_equal(cor_date_parse("2026-01\0-01", &d), COR_EINVAL);
}

static void test_is_valid(void **state)
{
	assert_true(cor_date_is_valid(2024, 2, 29));
	assert_false(cor_date_is_valid(2023, 2, 29));
	assert_true(cor_date_is_valid(2000, 2, 29));
	assert_false(cor_date_is_valid(1900, 2, 29));
	assert_false(cor_date_is_valid(0, 1, 1));
	assert_false(cor_date_is_valid(10000, 1, 1));
	assert_true(cor_date_is_valid(9999, 12, 31));
	assert_false(cor_date_is_valid(2026, 0, 1));
	assert_false(cor_date_is_valid(2026, 13, 1));
	assert_false(cor_date_is_valid(2026, 6, 0));
	assert_false(cor_date_is_valid(2026, 6, 31));
	assert_true(cor_date_is_valid(2026, 7, 31));
	assert_false(cor_date_is_valid(2026, 1, -1));
}

static void test_days_known(void **state)
{
	assert_int_equal(cor_date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(cor_date_to_days(D(1970, 1, 2)), 1);
	assert_int_equal(cor_date_to_days(D(1969, 12, 31)), -1);
	assert_int_equal(cor_date_to_days(D(2000, 3, 1)), 11017);
	assert_int_equal(cor_date_to_days(D(1900, 1, 1)), -25567);
	assert_int_equal(cor_date_to_days(D(2026, 1, 15)), 20468);
	assert_int_equal(cor_date_to_days(D(1, 1, 1)), -719162);
	assert_int_equal(cor_date_to_days(D(9999, 12, 31)), 2932896);
	assert_date(cor_date_from_days(0), 1970, 1, 1);
	assert_date(cor_date_from_days(-1), 1969, 12, 31);
	assert_date(cor_date_from_days(11016), 2000, 2, 29);
	assert_date(cor_date_from_days(-719162), 1, 1, 1);
	assert_date(cor_date_from_days(2932896), 9999, 12, 31);
}

/* Walk the calendar one day at a time, from 1900-01-01 to 2100-12-31, with
 * the month lengths written out here: every day's number is one more than the
 * day before, and goes back to the same date. */
static void test_days_round_trip(void **state)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int32_t expect = cor_date_to_days(D(1900, 1, 1));
	long n = 0;
	for (int y = 1900; y <= 2100; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			int len = mdays[m - 1] + (m == 2 && leap);
			for (int d = 1; d <= len; d++, expect++, n++) {
				struct cor_date date = D(y, m, d);
				int32_t days = cor_date_to_days(date);
				if (days != expect)
					fail_msg("%04d-%02d-%02d is day %d, expected %d", y, m, d,
						 (int)days, (int)expect);
				struct cor_date back = cor_date_from_days(days);
				assert_date(back, y, m, d);
				char buf[COR_DATE_LEN];
				struct cor_date parsed;
				assert_int_equal(
					cor_date_parse(cor_date_format(date, buf), &parsed), 0);
				assert_date(parsed, y, m, d);
			}
			/* The day after the month's end is not a date. */
			assert_false(cor_date_is_valid(y, m, len + 1));
		}
	}
	assert_int_equal(n, 73414); /* 201 years, 49 of them leap */
}

static void test_days_wide(void **state)
{
	/* Every 97th day over the whole supported range. */
	for (int32_t z = cor_date_to_days(D(1, 1, 1)); z <= cor_date_to_days(D(9999, 12, 31));
	     z += 97) {
		struct cor_date d = cor_date_from_days(z);
		if (!cor_date_is_valid(d.year, d.month, d.day))
			fail_msg("day %d gave %d-%d-%d", (int)z, d.year, d.month, d.day);
		assert_int_equal(cor_date_to_days(d), z);
	}
}

static void test_cmp(void **state)
{
	assert_true(cor_date_cmp(D(2026, 1, 15), D(2026, 1, 16)) < 0);
	assert_true(cor_date_cmp(D(2026, 1, 16), D(2026, 1, 15)) > 0);
	assert_int_equal(cor_date_cmp(D(2026, 1, 15), D(2026, 1, 15)), 0);
	assert_true(cor_date_cmp(D(2025, 12, 31), D(2026, 1, 1)) < 0);
	assert_true(cor_date_cmp(D(1, 1, 1), D(9999, 12, 31)) < 0);
}

static void test_age(void **state)
{
	struct cor_date b = D(1990, 6, 15);
	assert_int_equal(cor_date_age(b, D(2020, 6, 14)), 29); /* the day before */
	assert_int_equal(cor_date_age(b, D(2020, 6, 15)), 30); /* the birthday */
	assert_int_equal(cor_date_age(b, D(2020, 6, 16)), 30);
	assert_int_equal(cor_date_age(b, D(2020, 5, 31)), 29); /* earlier month, later day */
	assert_int_equal(cor_date_age(b, D(2020, 7, 1)), 30);  /* later month, earlier day */
	assert_int_equal(cor_date_age(b, D(2020, 12, 31)), 30);
	assert_int_equal(cor_date_age(b, D(2021, 1, 1)), 30);
	assert_int_equal(cor_date_age(b, b), 0);
	assert_int_equal(cor_date_age(b, D(1991, 6, 14)), 0);
	assert_int_equal(cor_date_age(b, D(1991, 6, 15)), 1);
	/* Born later than the day asked about: 0, not negative. */
	assert_int_equal(cor_date_age(b, D(1990, 6, 14)), 0);
	assert_int_equal(cor_date_age(b, D(1980, 1, 1)), 0);
	/* Born on 29 February: in other years the birthday is passed on 1 March. */
	struct cor_date leap = D(2000, 2, 29);
	assert_int_equal(cor_date_age(leap, D(2001, 2, 28)), 0);
	assert_int_equal(cor_date_age(leap, D(2001, 3, 1)), 1);
	assert_int_equal(cor_date_age(leap, D(2003, 2, 28)), 2);
	assert_int_equal(cor_date_age(leap, D(2004, 2, 28)), 3);
	assert_int_equal(cor_date_age(leap, D(2004, 2, 29)), 4);
	assert_int_equal(cor_date_age(leap, D(2018, 3, 1)), 18);
	assert_int_equal(cor_date_age(leap, D(2018, 2, 28)), 17);
	/* Someone born on 1 March is a day older than a 29 February birthday in
	 * a leap year only. */
	assert_int_equal(cor_date_age(D(2000, 3, 1), D(2004, 2, 29)), 3);
}

static void test_format(void **state)
{
	char buf[COR_DATE_LEN];
	memset(buf, 'x', sizeof(buf));
	assert_ptr_equal(cor_date_format(D(2024, 2, 9), buf), buf);
	assert_string_equal(buf, "2024-02-09");
	assert_string_equal(cor_date_format(D(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(cor_date_format(D(999, 10, 5), buf), "0999-10-05");
	assert_string_equal(cor_date_format(D(9999, 12, 31), buf), "9999-12-31");
	assert_string_equal(cor_date_format(D(1970, 1, 1), buf), "1970-01-01");
}

static void test_today_and_now(void **state)
{
	struct cor_date t = cor_date_today();
	assert_true(cor_date_is_valid(t.year, t.month, t.day));
	assert_true(t.year >= 2025);
	char now[COR_TIME_LEN], day[COR_DATE_LEN];
	memset(now, 'x', sizeof(now));
	assert_ptr_equal(cor_time_now(now), now);
	assert_int_equal(strlen(now), 20);
	assert_int_equal(now[10], 'T');
	assert_int_equal(now[13], ':');
	assert_int_equal(now[16], ':');
	assert_int_equal(now[19], 'Z');
	memcpy(day, now, 10);
	day[10] = '\0';
	struct cor_date d;
	assert_int_equal(cor_date_parse(day, &d), 0);
	/* The same day as cor_date_today(), unless midnight passed in between. */
	assert_true(cor_date_to_days(d) - cor_date_to_days(t) <= 1);
	assert_true(cor_date_to_days(d) >= cor_date_to_days(t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_is_valid),
		cmocka_unit_test(test_days_known),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_days_wide),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_today_and_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: Apache-2.0
// Money in minor units and the stranded-migrant fund's rules.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "domain/fund.h"
#include "domain/money.h"
#include "util/error.h"

static void test_minor_units(void **state)
{
	assert_int_equal(cor_currency_minor_units("USD"), 2);
	assert_int_equal(cor_currency_minor_units("XOF"), 0);
	assert_int_equal(cor_currency_minor_units("LYD"), 3);
	assert_int_equal(cor_currency_minor_units("JOD"), 3);
	assert_int_equal(cor_currency_minor_units("usd"), -1);
	assert_int_equal(cor_currency_minor_units("ABC"), -1);
	assert_int_equal(cor_currency_minor_units(""), -1);
}

static void test_parse(void **state)
{
	static const struct {
		const char *s, *cur;
		int err;
		int64_t want;
	} rows[] = {
		{"120.50", "USD", 0, 12050},
		{"120.5", "USD", 0, 12050},
		{"120", "USD", 0, 12000},
		{"0.01", "USD", 0, 1},
		{"5000", "XOF", 0, 5000},
		{"12.500", "LYD", 0, 12500},
		{"12.5", "LYD", 0, 12500},
		{"1000000000000", "USD", 0, 100000000000000},
		{"1000000000001", "USD", COR_EINVAL, 0},
		{"5000.5", "XOF", COR_EINVAL, 0},
		{"1.234", "USD", COR_EINVAL, 0},
		{"0", "USD", COR_EINVAL, 0},
		{"0.00", "USD", COR_EINVAL, 0},
		{"-5", "USD", COR_EINVAL, 0},
		{"1,000", "USD", COR_EINVAL, 0},
		{"12.", "USD", COR_EINVAL, 0},
		{".5", "USD", COR_EINVAL, 0},
		{"", "USD", COR_EINVAL, 0},
		{"10", "XYZ", COR_EINVAL, 0},
		{"1e3", "USD", COR_EINVAL, 0},
		{" 10", "USD", COR_EINVAL, 0},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		int64_t v = -1;
		int err = cor_money_parse(rows[i].s, rows[i].cur, &v);
		if (err != rows[i].err)
			fail_msg("'%s' %s: %d, expected %d", rows[i].s, rows[i].cur, err,
				 rows[i].err);
		if (!err && v != rows[i].want)
			fail_msg("'%s' %s: %lld", rows[i].s, rows[i].cur, (long long)v);
	}
}

static void test_format(void **state)
{
	char b[COR_MONEY_LEN];
	assert_string_equal(cor_money_format(12050, "USD", b), "120.50 USD");
	assert_string_equal(cor_money_format(1, "USD", b), "0.01 USD");
	assert_string_equal(cor_money_format(0, "USD", b), "0.00 USD");
	assert_string_equal(cor_money_format(123456789, "USD", b), "1,234,567.89 USD");
	assert_string_equal(cor_money_format(1000000, "XOF", b), "1,000,000 XOF");
	assert_string_equal(cor_money_format(12500, "LYD", b), "12.500 LYD");
	assert_string_equal(cor_money_format(-4500, "EUR", b), "-45.00 EUR");
	assert_string_equal(cor_money_format(INT64_MIN, "LYD", b),
			    "-9,223,372,036,854,775.808 LYD");
}

static void test_vocabulary(void **state)
{
	assert_true(cor_fund_reason_is_valid("lost_documents"));
	assert_true(cor_fund_reason_is_valid("insecurity"));
	assert_false(cor_fund_reason_is_valid("Lost_documents"));
	assert_false(cor_fund_reason_is_valid(""));
	assert_true(cor_fund_kind_is_valid("transport"));
	assert_false(cor_fund_kind_is_valid("car"));
	enum cor_fund_state s;
	for (int i = 0; i < COR_FUND__N; i++) {
		assert_int_equal(cor_fund_state_parse(cor_fund_state_name(i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(cor_fund_state_parse("paid", &s), COR_EINVAL);
}

static void test_approval(void **state)
{
	char msg[300];
	struct cor_fund_position p = {.budget = 100000, .approved = 60000, .disbursed = 10000};
	assert_int_equal(
		cor_fund_check_approval(&p, 40000, "NE-AJY", 2026, "USD", msg, sizeof(msg)), 0);
	assert_int_equal(
		cor_fund_check_approval(&p, 40001, "NE-AJY", 2026, "USD", msg, sizeof(msg)),
		COR_EINVAL);
	assert_string_equal(msg, "approving 400.01 USD would exceed the 2026 budget of office "
				 "'NE-AJY': budget 1,000.00 USD, already approved 600.00 USD, left "
				 "400.00 USD");
	struct cor_fund_position none = {0};
	assert_int_equal(cor_fund_check_approval(&none, 1, "DJ-JIB", 2027, "DJF", msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg,
			    "office 'DJ-JIB' has no 2027 budget in DJF (set one with 'corridor "
			    "fund budget')");
}

static void test_disbursement(void **state)
{
	char msg[300];
	assert_int_equal(cor_fund_check_disbursement(5000, 2000, 3000, "EUR", msg, sizeof(msg)), 0);
	assert_int_equal(cor_fund_check_disbursement(5000, 2000, 3001, "EUR", msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg,
			    "paying 30.01 EUR would exceed the approved 50.00 EUR (already paid "
			    "20.00 EUR)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minor_units), cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),      cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_approval),    cmocka_unit_test(test_disbursement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

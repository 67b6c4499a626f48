// SPDX-License-Identifier: Apache-2.0
// Money in minor units and the stranded-migrant fund's rules.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "domain/case.h"
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
	struct cor_error e;
	struct cor_fund_position p = {.budget = 100000, .approved = 60000, .disbursed = 10000};
	cor_error_clear(&e);
	assert_int_equal(cor_fund_check_approval(&p, 40000, "NE-AJY", 2026, "USD", &e), 0);
	assert_int_equal(e.code, COR_CODE_OK);
	assert_int_equal(cor_fund_check_approval(&p, 40001, "NE-AJY", 2026, "USD", &e), COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_FUND_EXCEEDED);
	assert_string_equal(e.message,
			    "approving 400.01 USD would exceed the 2026 budget of office "
			    "'NE-AJY': budget 1,000.00 USD, already approved 600.00 USD, "
			    "left 400.00 USD");
	struct cor_fund_position none = {0};
	assert_int_equal(cor_fund_check_approval(&none, 1, "DJ-JIB", 2027, "DJF", &e), COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_FUND_EXCEEDED);
	assert_string_equal(e.message, "office 'DJ-JIB' has no 2027 budget in DJF");
}

static void test_payment(void **state)
{
	struct cor_error e;
	cor_error_clear(&e);
	assert_int_equal(cor_fund_check_payment(7, COR_FUND_APPROVED, 5000, 2000, 3000, "EUR", &e),
			 0);
	assert_int_equal(cor_fund_check_payment(7, COR_FUND_APPROVED, 5000, 2000, 3001, "EUR", &e),
			 COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_FUND_EXCEEDED);
	assert_string_equal(e.field, "amount");
	assert_string_equal(e.message, "fund request 7: paying 30.01 EUR would exceed the approved "
				       "50.00 EUR (already paid 20.00 EUR)");
	assert_int_equal(cor_fund_check_payment(8, COR_FUND_REQUESTED, 5000, 0, 1, "EUR", &e),
			 COR_EWRONGSTATE);
	assert_int_equal(e.code, COR_CODE_WRONG_STATE);
	assert_string_equal(e.message, "fund request 8 is requested, not approved");
	assert_int_equal(cor_fund_check_payment(9, COR_FUND_REJECTED, 5000, 0, 1, "EUR", &e),
			 COR_EWRONGSTATE);
	assert_string_equal(e.message, "fund request 9 is rejected, not approved");
}

static void test_budget_and_decision(void **state)
{
	struct cor_error e;
	struct cor_fund_position p = {.budget = 100000, .approved = 60000};
	cor_error_clear(&e);
	assert_int_equal(cor_fund_check_budget(&p, 60000, "NE-AJY", 2026, "XOF", &e), 0);
	assert_int_equal(cor_fund_check_budget(&p, 59999, "NE-AJY", 2026, "XOF", &e), COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_REFUSED);
	assert_string_equal(e.field, "amount");
	assert_string_equal(e.message, "the 2026 budget of office 'NE-AJY' cannot be 59,999 XOF: "
				       "60,000 XOF is already approved");
	assert_int_equal(cor_fund_check_decision(3, COR_FUND_REQUESTED, &e), 0);
	assert_int_equal(cor_fund_check_decision(3, COR_FUND_REJECTED, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message, "fund request 3 is already rejected");
	assert_int_equal(cor_fund_year(0, 2026), 2026);
	assert_int_equal(cor_fund_year(2025, 2026), 2025);
	assert_true(cor_fund_year_is_valid(2000));
	assert_true(cor_fund_year_is_valid(2100));
	assert_false(cor_fund_year_is_valid(1999));
	assert_false(cor_fund_year_is_valid(2101));
}

static void test_case(void **state)
{
	struct cor_error e;
	struct cor_case c = {.ref = "NE-AJY-2026-000001", .programme = "HASM", .state = "open"};
	cor_error_clear(&e);
	assert_int_equal(cor_fund_check_case(&c, &e), 0);
	snprintf(c.state, sizeof(c.state), "closed");
	assert_int_equal(cor_fund_check_case(&c, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message, "case 'NE-AJY-2026-000001' is closed");
	snprintf(c.programme, sizeof(c.programme), "VHR");
	assert_int_equal(cor_fund_check_case(&c, &e), COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_REFUSED);
	assert_string_equal(e.field, "case");
	assert_string_equal(e.message, "case 'NE-AJY-2026-000001' is VHR; the fund assists "
				       "stranded-migrant (HASM) cases only");
}

static void test_decimal(void **state)
{
	char b[COR_MONEY_LEN];
	assert_string_equal(cor_money_decimal(12050, "USD", b), "120.50");
	assert_string_equal(cor_money_decimal(5000, "XOF", b), "5000");
	assert_string_equal(cor_money_decimal(12500, "LYD", b), "12.500");
	assert_string_equal(cor_money_decimal(1, "USD", b), "0.01");
	assert_string_equal(cor_money_decimal(0, "USD", b), "0.00");
	assert_string_equal(cor_money_decimal(-150, "EUR", b), "-1.50");
	int64_t back;
	assert_int_equal(cor_money_parse(cor_money_decimal(123456789, "LYD", b), "LYD", &back), 0);
	assert_int_equal(back, 123456789);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minor_units),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_approval),
		cmocka_unit_test(test_payment),
		cmocka_unit_test(test_budget_and_decision),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_decimal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

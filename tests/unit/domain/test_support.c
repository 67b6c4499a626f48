// SPDX-License-Identifier: Apache-2.0
// The vocabulary of (re)integration support and its closing rule.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "domain/support.h"
#include "util/error.h"

static void test_names(void **state)
{
	enum cor_support_kind k;
	enum cor_support_status s;
	for (int i = 0; i < COR_SUPPORT_KIND__N; i++) {
		assert_int_equal(cor_support_kind_parse(cor_support_kind_name(i), &k), 0);
		assert_int_equal(k, i);
	}
	for (int i = 0; i < COR_SUPPORT_STATUS__N; i++) {
		assert_int_equal(cor_support_status_parse(cor_support_status_name(i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_string_equal(cor_support_kind_name(COR_SUPPORT_BUSINESS), "business");
	assert_int_equal(cor_support_kind_parse("Cash", &k), COR_EINVAL);
	assert_int_equal(cor_support_status_parse("paid", &s), COR_EINVAL);
	assert_string_equal(cor_support_kind_name(COR_SUPPORT_KIND__N), "?");
}

static void test_state(void **state)
{
	assert_string_equal(cor_support_state(cor_programme_find("VHR")), "reintegration");
	assert_string_equal(cor_support_state(cor_programme_find("AVR")), "reintegration");
	assert_string_equal(cor_support_state(cor_programme_find("REP")), "reintegration");
	assert_string_equal(cor_support_state(cor_programme_find("RST")), "integration");
	assert_string_equal(cor_support_state(cor_programme_find("REL")), "integration");
	assert_string_equal(cor_support_state(cor_programme_find("CPW")), "integration");
	assert_null(cor_support_state(cor_programme_find("HEV")));
	assert_null(cor_support_state(cor_programme_find("HASM")));
}

static void test_close(void **state)
{
	char msg[200];
	struct cor_support_tally ok = {.planned = 0, .delivered = 1, .cancelled = 3, .visits = 1};
	assert_int_equal(cor_support_check_close("X", &ok, msg, sizeof(msg)), 0);
	struct cor_support_tally one = {.planned = 1, .delivered = 1, .visits = 1};
	assert_int_equal(cor_support_check_close("LY-TIP-2026-000001", &one, msg, sizeof(msg)),
			 COR_EWRONGSTATE);
	assert_string_equal(msg, "case 'LY-TIP-2026-000001' has 1 assistance item still planned: "
				 "deliver or cancel it first");
	struct cor_support_tally none = {.cancelled = 2, .visits = 1};
	assert_int_equal(cor_support_check_close("A", &none, msg, sizeof(msg)), COR_EWRONGSTATE);
	assert_string_equal(msg,
			    "case 'A' has no assistance delivered: plan and deliver an item first");
	struct cor_support_tally novisit = {.delivered = 2};
	assert_int_equal(cor_support_check_close("B", &novisit, msg, sizeof(msg)), COR_EWRONGSTATE);
	assert_string_equal(msg, "case 'B' has no follow-up visit recorded");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_close),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

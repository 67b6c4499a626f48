// SPDX-License-Identifier: Apache-2.0
// The vocabulary of (re)integration support and its closing rule.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

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
	struct cor_error e;
	cor_error_clear(&e);
	struct cor_support_tally ok = {.planned = 0, .delivered = 1, .cancelled = 3, .visits = 1};
	assert_int_equal(cor_support_check_close("X", &ok, &e), 0);
	assert_int_equal(e.code, COR_CODE_OK);
	struct cor_support_tally one = {.planned = 1, .delivered = 1, .visits = 1};
	assert_int_equal(cor_support_check_close("LY-TIP-2026-000001", &one, &e), COR_EWRONGSTATE);
	assert_int_equal(e.code, COR_CODE_WRONG_STATE);
	assert_int_equal(e.ncauses, 0);
	assert_string_equal(e.message, "case 'LY-TIP-2026-000001' has 1 assistance item still "
				       "planned: deliver or cancel it first");
	struct cor_support_tally none = {.cancelled = 2, .visits = 1};
	assert_int_equal(cor_support_check_close("A", &none, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message,
			    "case 'A' has no assistance delivered: plan and deliver an item first");
	struct cor_support_tally novisit = {.delivered = 2};
	assert_int_equal(cor_support_check_close("B", &novisit, &e), COR_EWRONGSTATE);
	assert_string_equal(e.field, "visit");
	assert_string_equal(e.message, "case 'B' has no follow-up visit recorded");
	/* Every cause at once. */
	struct cor_support_tally all = {.planned = 2};
	assert_int_equal(cor_support_check_close("C", &all, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message, "the support of case 'C' cannot close yet");
	assert_int_equal(e.ncauses, 3);
	assert_string_equal(e.causes[0].message, "case 'C' has 2 assistance items still planned: "
						 "deliver or cancel them first");
	assert_string_equal(e.causes[1].message,
			    "case 'C' has no assistance delivered: plan and deliver an item first");
	assert_string_equal(e.causes[2].message, "case 'C' has no follow-up visit recorded");
}

static void test_case_rules(void **state)
{
	struct cor_error e;
	struct cor_case c = {.ref = "R", .programme = "VHR", .state = "arrived"};
	cor_error_clear(&e);
	assert_int_equal(cor_support_check_case(&c, false, &e), 0);
	assert_int_equal(cor_support_check_case(&c, true, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message,
			    "case 'R' is 'arrived'; support is for cases in reintegration");
	snprintf(c.state, sizeof(c.state), "departed");
	assert_int_equal(cor_support_check_case(&c, false, &e), COR_EWRONGSTATE);
	assert_string_equal(e.field, "case");
	assert_string_equal(e.message, "case 'R' is 'departed'; support is for cases that arrived "
				       "or are in reintegration");
	assert_int_equal(cor_arrival_check_case(&c, &e), 0);
	snprintf(c.state, sizeof(c.state), "reintegration");
	assert_int_equal(cor_support_check_case(&c, true, &e), 0);
	assert_int_equal(cor_arrival_check_case(&c, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message,
			    "case 'R' is 'reintegration'; only a departed case can arrive");
	struct cor_case h = {.ref = "H", .programme = "HEV", .state = "arrived"};
	assert_int_equal(cor_support_check_case(&h, false, &e), COR_EWRONGSTATE);
	assert_string_equal(e.message,
			    "case 'H' is HEV, a programme without (re)integration support");
	assert_int_equal(cor_support_check_item("R", 2, COR_SUPPORT_PLANNED, &e), 0);
	assert_int_equal(cor_support_check_item("R", 2, COR_SUPPORT_CANCELLED, &e),
			 COR_EWRONGSTATE);
	assert_string_equal(e.field, "item");
	assert_string_equal(e.message, "item 2 of case 'R' is already cancelled");
}

static void test_arrival_time(void **state)
{
	char t[COR_TIME_LEN];
	assert_int_equal(cor_arrival_time_parse("2026-11-20T14:30Z", t), 0);
	assert_string_equal(t, "2026-11-20T14:30:00Z");
	assert_int_equal(cor_arrival_time_parse("2026-11-20T14:30:59Z", t), 0);
	assert_string_equal(t, "2026-11-20T14:30:59Z");
	assert_int_equal(cor_arrival_time_parse("2026-11-31T10:00Z", t), COR_EINVAL);
	assert_int_equal(cor_arrival_time_parse("2026-11-20T24:00Z", t), COR_EINVAL);
	assert_int_equal(cor_arrival_time_parse("2026-11-20T14:30", t), COR_EINVAL);
	assert_int_equal(cor_arrival_time_parse("2026-11-20 14:30Z", t), COR_EINVAL);
	assert_int_equal(cor_arrival_time_parse("", t), COR_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),        cmocka_unit_test(test_state),
		cmocka_unit_test(test_close),        cmocka_unit_test(test_case_rules),
		cmocka_unit_test(test_arrival_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

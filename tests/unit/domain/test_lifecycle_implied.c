// SPDX-License-Identifier: Apache-2.0
// Unit tests for cor_lifecycle_implied: for every programme and every state
// of its usual path, the guards a case arriving there without its history
// must already satisfy (written out by hand), whether the path went through
// a booking, and the branch states refused.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "domain/case.h"
#include "domain/lifecycle.h"
#include "util/error.h"

enum {
	C = COR_GUARD_COUNSELLING,
	D = COR_GUARD_DECISION,
	N = COR_GUARD_NO_REFERRAL,
	A = COR_GUARD_ASSESSED,
	R = COR_GUARD_NOT_AT_RISK,
	E = COR_GUARD_ELIGIBLE,
	H = COR_GUARD_PRE_MIGRATION,
};

struct want {
	const char *state;
	unsigned guards;
	bool movement;
};

static void check(const char *code, const struct want *w, size_t n)
{
	const struct cor_programme *p = cor_programme_find(code);
	assert_non_null(p);
	size_t on_path = 0;
	for (const char *const *s = p->path; *s; s++)
		on_path++;
	assert_int_equal(on_path, n);
	for (size_t i = 0; i < n; i++) {
		unsigned g = 12345;
		bool mv = !w[i].movement;
		assert_int_equal(cor_lifecycle_implied(p, w[i].state, &g, &mv), 0);
		if (g != w[i].guards || mv != w[i].movement)
			fail_msg("%s %s: guards %#x (want %#x), movement %d", code, w[i].state, g,
				 w[i].guards, mv);
	}
	static const char *const branches[] = {"on_hold", "ineligible", "no_show", "rejected",
					       "nowhere"};
	for (size_t i = 0; i < sizeof(branches) / sizeof(branches[0]); i++) {
		unsigned g = 1;
		bool mv = true;
		assert_int_equal(cor_lifecycle_implied(p, branches[i], &g, &mv), COR_EINVAL);
		assert_int_equal(g, 0);
		assert_false(mv);
	}
}

#define RET_PATH                                                                                   \
	{"registered", 0, false}, {"counselled", C | N, false},                                    \
		{"assessed", C | N | D | A, false}, {"eligible", C | N | D | A | R, false},        \
		{"travel_ready", C | N | D | A | R | E, false},                                    \
		{"booked", C | N | D | A | R | E, true},                                           \
		{"departed", C | N | D | A | R | E, true},                                         \
		{"arrived", C | N | D | A | R | E, true},                                          \
		{"reintegration", C | N | D | A | R | E, true},                                    \
	{                                                                                          \
		"closed", C | N | D | A | R | E, true                                              \
	}

static void test_returns(void **state)
{
	(void)state;
	static const struct want w[] = {RET_PATH};
	check("VHR", w, sizeof(w) / sizeof(w[0]));
	check("AVR", w, sizeof(w) / sizeof(w[0]));
	check("REP", w, sizeof(w) / sizeof(w[0]));
}

static void test_hev(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"registered", 0, false},       {"assessed", A, false},  {"eligible", A, false},
		{"travel_ready", A | E, false}, {"booked", A | E, true}, {"departed", A | E, true},
		{"arrived", A | E, true},       {"closed", A | E, true},
	};
	check("HEV", w, sizeof(w) / sizeof(w[0]));
}

static void test_hasm(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"registered", 0, false},           {"counselled", C, false},
		{"assessed", C | A, false},         {"eligible", C | A, false},
		{"travel_ready", C | A | E, false}, {"booked", C | A | E, true},
		{"departed", C | A | E, true},      {"arrived", C | A | E, true},
		{"closed", C | A | E, true},
	};
	check("HASM", w, sizeof(w) / sizeof(w[0]));
}

static void test_selection(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"registered", 0, false},
		{"counselled", C, false},
		{"assessed", C | A, false},
		{"eligible", C | A, false},
		{"submitted", C | A, false},
		{"interviewed", C | A, false},
		{"accepted", C | A, false},
		{"orientation", C | A, false},
		{"travel_ready", C | A | H | E, false},
		{"booked", C | A | H | E, true},
		{"departed", C | A | H | E, true},
		{"arrived", C | A | H | E, true},
		{"integration", C | A | H | E, true},
		{"closed", C | A | H | E, true},
	};
	check("RST", w, sizeof(w) / sizeof(w[0]));
	check("CPW", w, sizeof(w) / sizeof(w[0]));
}

static void test_rel(void **state)
{
	(void)state;
	static const struct want w[] = {
		{"registered", 0, false},      {"counselled", C, false},
		{"assessed", C | A, false},    {"eligible", C | A, false},
		{"submitted", C | A, false},   {"accepted", C | A, false},
		{"orientation", C | A, false}, {"travel_ready", C | A | E, false},
		{"booked", C | A | E, true},   {"departed", C | A | E, true},
		{"arrived", C | A | E, true},  {"integration", C | A | E, true},
		{"closed", C | A | E, true},
	};
	check("REL", w, sizeof(w) / sizeof(w[0]));
	/* interviewed is a step of the selection programmes only */
	unsigned g;
	assert_int_equal(cor_lifecycle_implied(cor_programme_find("REL"), "interviewed", &g, NULL),
			 COR_EINVAL);
}

static void test_bad_input(void **state)
{
	(void)state;
	unsigned g = 7;
	assert_int_equal(cor_lifecycle_implied(NULL, "registered", &g, NULL), COR_EINVAL);
	assert_int_equal(g, 0);
	assert_int_equal(cor_lifecycle_implied(cor_programme_find("VHR"), NULL, &g, NULL),
			 COR_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_returns), cmocka_unit_test(test_hev),
		cmocka_unit_test(test_hasm),    cmocka_unit_test(test_selection),
		cmocka_unit_test(test_rel),     cmocka_unit_test(test_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

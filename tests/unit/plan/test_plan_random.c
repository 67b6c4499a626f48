// SPDX-License-Identifier: Apache-2.0
// Properties of the planner on generated instances: every plan keeps every
// constraint (cor_plan_check, which shares no code with the solver); the
// bound is never below the value; small instances are solved to proven
// optimality; every case left out has a reason and every case placed has
// none; the same input gives the same plan, whatever the number of
// workers; the bound of the larger parts' method (the smoothed dual) is
// never below the proven optimum; larger instances come with a gap of at
// most 0.5%.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "plan/gen.h"
#include "plan/plan.h"
#include "util/error.h"

static void solve_and_check(const struct cor_plan_input *in, struct cor_plan_result *res,
			    const char *what)
{
	char msg[256] = "";
	int rc = cor_plan_solve(in, res, msg, sizeof(msg));
	if (rc)
		fail_msg("%s: solve: %s: %s", what, cor_strerror(rc), msg);
	if (cor_plan_check(in, res->movement, res->escorts, msg, sizeof(msg)))
		fail_msg("%s: check: %s", what, msg);
	if (res->bound < res->value || res->gap < 0 || res->gap > 1)
		fail_msg("%s: value %lld bound %lld gap %f", what, (long long)res->value,
			 (long long)res->bound, res->gap);
	int64_t sum = 0;
	for (size_t i = 0; i < in->ncases; i++) {
		bool placed = res->movement[i] >= 0;
		if (placed != (res->why[i] == COR_WHY_PLACED) ||
		    placed != (res->reason[i][0] == '\0'))
			fail_msg("%s: case %zu: movement %d, why %d, reason '%s'", what, i,
				 res->movement[i], res->why[i], res->reason[i]);
		if (placed)
			sum += cor_plan_value(in, i, (size_t)res->movement[i]);
	}
	if (sum != res->value)
		fail_msg("%s: values add up to %lld, reported %lld", what, (long long)sum,
			 (long long)res->value);
}

/* 2,000 small instances (1-30 cases, 1-4 movements) with a search of up
 * to 20,000 nodes: up to 20 cases every one is proven optimal; above, all
 * but a handful (the LP bound is then a few units, or once 0.3%, above the
 * optimum, and closing that needs cuts this search does not make). */
static void test_small_exact(void **state)
{
	long proven = 0, total = 0;
	for (uint64_t seed = 1; seed <= 2000; seed++) {
		size_t n = 1 + seed % 30, nm = 1 + seed % 4;
		struct cor_plan_instance inst;
		struct cor_plan_gen opt = {0, seed % 3 != 0, seed % 2 == 0};
		char what[64];
		snprintf(what, sizeof(what), "%zu cases, %zu movements, seed %llu", n, nm,
			 (unsigned long long)seed);
		assert_int_equal(cor_plan_generate(n, nm, seed, &opt, &inst), 0);
		inst.in.cfg.node_limit = 20000;
		inst.in.cfg.time_limit = 600; /* the node limit cuts, not the clock */
		struct cor_plan_result res;
		solve_and_check(&inst.in, &res, what);
		if (res.optimal && (res.gap != 0 || res.bound != res.value))
			fail_msg("%s: optimal with a gap", what);
		if (!res.optimal && (n <= 20 || res.gap > 0.005))
			fail_msg("%s: not proven optimal (value %lld, bound %lld)", what,
				 (long long)res.value, (long long)res.bound);
		proven += res.optimal;
		total++;
		cor_plan_result_free(&res);
		cor_plan_instance_free(&inst);
	}
	if (proven < total - 10)
		fail_msg("only %ld of %ld proven optimal", proven, total);
}

/* Kept bookings and quotas on, and the same plan twice. */
static void test_deterministic(void **state)
{
	for (uint64_t seed = 1; seed <= 12; seed++) {
		size_t n = 40 + 40 * (seed % 6), nm = 2 + seed % 5;
		struct cor_plan_instance inst;
		assert_int_equal(cor_plan_generate(n, nm, seed, NULL, &inst), 0);
		struct cor_plan_result a, b;
		solve_and_check(&inst.in, &a, "first run");
		solve_and_check(&inst.in, &b, "second run");
		assert_memory_equal(a.movement, b.movement, n * sizeof(*a.movement));
		assert_memory_equal(a.escorts, b.escorts, nm * sizeof(*a.escorts));
		assert_memory_equal(a.reason, b.reason, n * sizeof(*a.reason));
		assert_int_equal(a.value, b.value);
		assert_int_equal(a.bound, b.bound);
		cor_plan_result_free(&a);
		cor_plan_result_free(&b);
		cor_plan_instance_free(&inst);
	}
}

/* The bound of larger parts is valid: on small instances solved to proven
 * optimality, the same instances planned with the Lagrangian method alone
 * (exact_max_cases 0) get a bound at or above the optimum and a plan at
 * or below it, and the method's plan keeps every constraint. */
static void test_bound_valid(void **state)
{
	long compared = 0;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		size_t n = 10 + seed % 31, nm = 1 + seed % 5;
		struct cor_plan_instance inst;
		struct cor_plan_gen opt = {0, seed % 3 != 0, seed % 2 == 0};
		char what[64];
		snprintf(what, sizeof(what), "%zu cases, %zu movements, seed %llu", n, nm,
			 (unsigned long long)seed);
		assert_int_equal(cor_plan_generate(n, nm, seed, &opt, &inst), 0);
		struct cor_plan_result exact, lagr;
		solve_and_check(&inst.in, &exact, what);
		inst.in.cfg.exact_max_cases = 0;
		solve_and_check(&inst.in, &lagr, what);
		assert_int_equal(lagr.nodes, 0);
		if (exact.optimal) {
			if (lagr.bound < exact.value)
				fail_msg("%s: Lagrangian bound %lld below the optimum %lld", what,
					 (long long)lagr.bound, (long long)exact.value);
			if (lagr.value > exact.value)
				fail_msg("%s: a plan worth %lld above the optimum %lld", what,
					 (long long)lagr.value, (long long)exact.value);
			compared++;
		}
		cor_plan_result_free(&exact);
		cor_plan_result_free(&lagr);
		cor_plan_instance_free(&inst);
	}
	if (compared < 250)
		fail_msg("only %ld of 300 instances proven optimal to compare with (at least 250)",
			 compared);
}

/* Beyond the exact search: the bound and the gap, at most 0.5%; and the
 * same plan with one worker as with four. */
static void test_gap(void **state)
{
	static const struct {
		size_t n, nm;
		uint64_t seed;
	} sizes[] = {{300, 9, 1},   {300, 9, 2},   {500, 15, 3},  {500, 15, 4},
		     {1000, 30, 5}, {1000, 30, 6}, {1500, 45, 8}, {3000, 90, 9}};
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		struct cor_plan_instance inst;
		char what[64];
		snprintf(what, sizeof(what), "%zu cases, %zu movements, seed %llu", sizes[k].n,
			 sizes[k].nm, (unsigned long long)sizes[k].seed);
		assert_int_equal(
			cor_plan_generate(sizes[k].n, sizes[k].nm, sizes[k].seed, NULL, &inst), 0);
		inst.in.cfg.time_limit = 120; /* sanitizers are slow; counts cut the search */
		inst.in.cfg.threads = 1;
		struct cor_plan_result res, four;
		solve_and_check(&inst.in, &res, what);
		if (res.gap > 0.005)
			fail_msg("%s: gap %.3f%% (value %lld, bound %lld)", what, 100 * res.gap,
				 (long long)res.value, (long long)res.bound);
		inst.in.cfg.threads = 4;
		solve_and_check(&inst.in, &four, what);
		assert_int_equal(four.value, res.value);
		assert_int_equal(four.bound, res.bound);
		assert_memory_equal(four.movement, res.movement, inst.in.ncases * sizeof(int));
		assert_memory_equal(four.escorts, res.escorts, inst.in.nmovements * sizeof(int));
		cor_plan_result_free(&res);
		cor_plan_result_free(&four);
		cor_plan_instance_free(&inst);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_exact),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_bound_valid),
		cmocka_unit_test(test_gap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: Apache-2.0
// Boarding where people are: a case whose location reaches some places
// boards a movement only at a leg leaving from one of them (a domestic
// transfer leg of the movement from such a place carries it on, its
// journey starting there); one that can get to no boarding point is left
// out as no_reach; the checker and a booking by hand keep the same rule.
// Golden cases worked by hand, then generated instances with reach solved
// by glpsol and cbc from the LP file at the planner's proven optimum.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "domain/date.h"
#include "domain/movement.h"
#include "plan/gen.h"
#include "plan/plan.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define DAY     86400
#define HOUR    3600

static int64_t h0(void)
{
	return (int64_t)cor_date_to_days((struct cor_date){2026, 12, 1}) * DAY;
}

/* A leg departing at 08:00 on day d of the horizon, arriving at 12:00. */
static struct cor_plan_leg leg(const char *from, const char *fc, const char *to, const char *tc,
			       int d, int seats, int stretchers, int wchc, int wchs)
{
	struct cor_plan_leg l;
	memset(&l, 0, sizeof(l));
	snprintf(l.from, sizeof(l.from), "%s", from);
	snprintf(l.to, sizeof(l.to), "%s", to);
	snprintf(l.from_country, sizeof(l.from_country), "%s", fc);
	snprintf(l.to_country, sizeof(l.to_country), "%s", tc);
	l.departs = h0() + (int64_t)d * DAY + 8 * HOUR;
	l.arrives = l.departs + 4 * HOUR;
	l.cap[COR_RES_SEATS] = seats;
	l.cap[COR_RES_STRETCHERS] = stretchers;
	l.cap[COR_RES_WCHC] = wchc;
	l.cap[COR_RES_WCHS] = wchs;
	return l;
}

static struct cor_plan_movement move(const char *label, int escort_seats, int nlegs,
				     const struct cor_plan_leg *legs)
{
	struct cor_plan_movement m;
	memset(&m, 0, sizeof(m));
	snprintf(m.ref, sizeof(m.ref), "MOV-%s", label);
	snprintf(m.label, sizeof(m.label), "%s", label);
	m.escort_seats = escort_seats;
	m.nlegs = nlegs;
	m.legs = legs;
	return m;
}

/* A normal case of the LY-TIP office, available now, valid a year. */
static struct cor_plan_case kase(const char *ref, const char *o, const char *d, int persons,
				 int level)
{
	struct cor_plan_case c;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.office, sizeof(c.office), "LY-TIP");
	snprintf(c.origin, sizeof(c.origin), "%s", o);
	snprintf(c.destination, sizeof(c.destination), "%s", d);
	c.need[COR_RES_SEATS] = persons;
	c.level = level;
	c.deadline = h0() + 180LL * DAY;
	c.available_from = h0();
	c.valid_until = h0() + 365LL * DAY;
	c.fixed = -1;
	return c;
}

static struct cor_plan_input input(const struct cor_plan_case *c, size_t n,
				   const struct cor_plan_movement *m, size_t nm)
{
	struct cor_plan_input in;
	memset(&in, 0, sizeof(in));
	in.cases = c;
	in.ncases = n;
	in.movements = m;
	in.nmovements = nm;
	cor_plan_config_default(&in.cfg);
	in.cfg.horizon_start = h0();
	return in;
}

static const char tripoli_places[][COR_PLAN_PLACE_MAX + 1] = {"MJI"};
static const char benghazi_places[][COR_PLAN_PLACE_MAX + 1] = {"BEN"};
static const char sabha_places[][COR_PLAN_PLACE_MAX + 1] = {"SEB"};
static const struct cor_plan_reach tripoli = {"LY-TIP", "Tripoli", 1, tripoli_places};
static const struct cor_plan_reach benghazi = {"LY-BEN", "Benghazi", 1, benghazi_places};
static const struct cor_plan_reach sabha = {"LY-SEB-TC01", "Sabha transit centre", 1, sabha_places};

static void solve(const struct cor_plan_input *in, struct cor_plan_result *res)
{
	char msg[256] = "";
	int rc = cor_plan_solve(in, res, msg, sizeof(msg));
	if (rc)
		fail_msg("solve: %s: %s", cor_strerror(rc), msg);
	if (cor_plan_check(in, res->movement, res->escorts, msg, sizeof(msg)))
		fail_msg("check: %s", msg);
	assert_true(res->optimal);
}

/* Benghazi tomorrow, Tripoli the day after: the Tripoli case waits for
 * its own, the Benghazi case takes the first, an unrestricted one the
 * first too, the Sabha case neither (no_reach, said so). */
static void test_boards_where_it_can_get_to(void **state)
{
	(void)state;
	struct cor_plan_leg l1[] = {leg("BEN", "LBY", "LOS", "NGA", 1, 10, 0, 0, 0)};
	struct cor_plan_leg l2[] = {leg("MJI", "LBY", "LOS", "NGA", 2, 10, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("UZ 8401", 0, 1, l1), move("UZ 8403", 0, 1, l2)};
	struct cor_plan_case c[] = {kase("T", "LBY", "NGA", 2, 0), kase("B", "LBY", "NGA", 1, 0),
				    kase("U", "LBY", "NGA", 1, 0), kase("S", "LBY", "NGA", 1, 0)};
	c[0].reach = &tripoli;
	c[1].reach = &benghazi;
	c[3].reach = &sabha;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	struct cor_plan_result res;
	solve(&in, &res);
	assert_int_equal(res.movement[0], 1);
	assert_int_equal(res.movement[1], 0);
	assert_int_equal(res.movement[2], 0);
	assert_int_equal(res.movement[3], -1);
	assert_int_equal(res.why[3], COR_WHY_NO_REACH);
	assert_string_equal(cor_plan_why_code(res.why[3]), "no_reach");
	assert_string_equal(res.reason[3], "at Sabha transit centre (LY-SEB-TC01): no movement "
					   "from LBY to NGA boards where it can get to (UZ 8401 "
					   "boards at BEN)");
	/* 2000 - 2 + 1000 - 1 + 1000 - 1 */
	assert_int_equal(res.value, 3996);
	assert_int_equal(cor_plan_value(&in, 0, 0), -1);
	assert_int_equal(cor_plan_value(&in, 0, 1), 1998);
	/* The checker refuses the Tripoli case in Benghazi. */
	int bad[] = {0, 0, 0, -1}, esc[] = {0, 0};
	char msg[256];
	assert_int_equal(cor_plan_check(&in, bad, esc, msg, sizeof(msg)), COR_EINVAL);
	cor_plan_result_free(&res);
}

/* A movement MJI-BEN-LOS: the Tripoli cases board at MJI and take a seat
 * on both legs, the Benghazi cases at BEN and only on the second. Leg 1
 * has 2 seats, leg 2 has 4: two Tripoli persons and two Benghazi persons
 * go; a third Tripoli person finds leg 1 full. */
static void test_transfer_leg(void **state)
{
	(void)state;
	struct cor_plan_leg l[] = {leg("MJI", "LBY", "BEN", "LBY", 1, 2, 0, 0, 0),
				   leg("BEN", "LBY", "LOS", "NGA", 1, 4, 0, 0, 0)};
	l[1].departs = l[0].arrives + HOUR;
	l[1].arrives = l[1].departs + 4 * HOUR;
	struct cor_plan_movement m[] = {move("UZ 8405", 0, 2, l)};
	struct cor_plan_case c[] = {kase("T1", "LBY", "NGA", 2, 0), kase("B1", "LBY", "NGA", 1, 0),
				    kase("B2", "LBY", "NGA", 1, 0), kase("T2", "LBY", "NGA", 1, 0)};
	c[0].reach = c[3].reach = &tripoli;
	c[1].reach = c[2].reach = &benghazi;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	int k1, k2;
	assert_true(cor_plan_journey(&m[0], &c[0], &k1, &k2));
	assert_int_equal(k1, 0);
	assert_int_equal(k2, 1);
	assert_true(cor_plan_journey(&m[0], &c[1], &k1, &k2));
	assert_int_equal(k1, 1);
	assert_int_equal(k2, 1);
	struct cor_plan_result res;
	solve(&in, &res);
	const int want[] = {0, 0, 0, -1};
	for (size_t i = 0; i < ROWS(c); i++)
		assert_int_equal(res.movement[i], want[i]);
	assert_int_equal(res.why[3], COR_WHY_SEATS_FULL);
	assert_string_equal(res.reason[3],
			    "seats on UZ 8405 MJI-BEN went to cases of higher or equal priority");
	/* Without reach every case boards at MJI: 2 seats, one family. */
	for (size_t i = 0; i < ROWS(c); i++)
		c[i].reach = NULL;
	cor_plan_result_free(&res);
	solve(&in, &res);
	assert_int_equal(res.persons, 2);
	cor_plan_result_free(&res);
}

/* A booking by hand: refused with the rule named; a case of a location
 * with no reach recorded boards anywhere in its country. */
static void test_booking_fit(void **state)
{
	(void)state;
	struct cor_plan_leg l[] = {leg("BEN", "LBY", "LOS", "NGA", 1, 10, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("UZ 8401", 0, 1, l)};
	struct cor_plan_case c[] = {kase("LY-TIP-2026-000001", "LBY", "NGA", 2, 0)};
	c[0].reach = &tripoli;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	struct cor_error e;
	cor_error_clear(&e);
	assert_true(cor_booking_fit(&in, 0, &e) < 0);
	assert_int_equal(e.code, COR_CODE_REFUSED);
	assert_string_equal(e.field, "case");
	assert_string_equal(
		e.message, "case 'LY-TIP-2026-000001' is at Tripoli (LY-TIP); no road or transfer "
			   "leg reaches BEN, where movement 'MOV-UZ 8401' (UZ 8401) boards in LBY");
	c[0].reach = NULL;
	cor_error_clear(&e);
	assert_int_equal(cor_booking_fit(&in, 0, &e), 0);
	/* A place it reaches, but no route to its destination: the route. */
	c[0].reach = &benghazi;
	snprintf(c[0].destination, sizeof(c[0].destination), "GHA");
	cor_error_clear(&e);
	assert_true(cor_booking_fit(&in, 0, &e) < 0);
	assert_int_equal(e.code, COR_CODE_REFUSED);
	assert_string_equal(e.field, "movement");
	assert_string_equal(e.message,
			    "movement 'MOV-UZ 8401' (UZ 8401) does not go from LBY to GHA");
}

/* ---- generated instances with reach, against glpsol and cbc ----------- */

static char dir[512];

static int setup(void **state)
{
	(void)state;
	const char *tmp = getenv("COR_TEST_TMP");
	snprintf(dir, sizeof(dir), "%s", tmp && *tmp ? tmp : "/tmp");
	return 0;
}

static int run(const char *cmd)
{
	int rc = system(cmd);
	return rc == -1 ? -1 : WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* Read "x_<case>_<movement> value" and "s_<movement> value" pairs from a
 * solver's report, wherever they sit on the line; objective from the
 * line that names it. */
static int read_solution(const char *path, const char *objective_key, size_t n, size_t nm,
			 int *movement, int *escorts, int64_t *objective)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int found = 0;
	if (!f)
		return -1;
	for (size_t i = 0; i < n; i++)
		movement[i] = -1;
	for (size_t m = 0; m < nm; m++)
		escorts[m] = 0;
	while (fgets(line, sizeof(line), f)) {
		char *k = strstr(line, objective_key);
		if (k && !found) {
			k += strlen(objective_key);
			while (*k && (*k < '0' || *k > '9') && *k != '-')
				k++;
			*objective = (int64_t)llround(strtod(k, NULL));
			found = 1;
			continue;
		}
		char *tok[8];
		int nt = 0;
		for (char *p = strtok(line, " \t\n"); p && nt < 8; p = strtok(NULL, " \t\n"))
			tok[nt++] = p;
		for (int t = 0; t + 1 < nt; t++) {
			unsigned a, b;
			char tail;
			int v = t + 1;
			if (!strcmp(tok[v], "*") && v + 1 < nt)
				v++;
			double x = strtod(tok[v], NULL);
			if (sscanf(tok[t], "x_%u_%u%c", &a, &b, &tail) == 2) {
				if (x > 0.5 && a < n)
					movement[a] = (int)b;
				break;
			}
			if (sscanf(tok[t], "s_%u%c", &a, &tail) == 1) {
				if (a < nm)
					escorts[a] = (int)llround(x);
				break;
			}
		}
	}
	fclose(f);
	return found ? 0 : -1;
}

/* The Libyan offices' cases each reach their own airports; one case in
 * five of LY-TIP waits in the detention centre that reaches only MJI. */
static const char tip_places[][COR_PLAN_PLACE_MAX + 1] = {"MJI", "TIP"};
static const struct cor_plan_reach gen_reach[] = {
	{"LY-TIP", "Tripoli", 2, tip_places},
	{"LY-BEN", "Benghazi", 1, benghazi_places},
	{"LY-SEB", "Sabha", 1, sabha_places},
	{"LY-TIP-DC01", "Tariq al-Sikka", 1, tripoli_places},
};

static size_t with_reach(struct cor_plan_instance *inst)
{
	size_t n = 0;
	for (size_t i = 0; i < inst->in.ncases; i++) {
		struct cor_plan_case *c = &inst->cases[i];
		if (!strcmp(c->office, "LY-TIP"))
			c->reach = &gen_reach[i % 5 == 0 ? 3 : 0];
		else if (!strcmp(c->office, "LY-BEN"))
			c->reach = &gen_reach[1];
		else if (!strcmp(c->office, "LY-SEB"))
			c->reach = &gen_reach[2];
		n += c->reach != NULL;
	}
	return n;
}

static void test_against_solvers(void **state)
{
	(void)state;
	static const struct {
		size_t n, nm;
		uint64_t seed;
	} instances[] = {{30, 2, 1}, {40, 3, 2}, {60, 4, 3}, {80, 4, 4}, {100, 5, 5}, {120, 6, 6}};
	long bound_away = 0;
	if (run("command -v glpsol >/dev/null 2>&1") || run("command -v cbc >/dev/null 2>&1"))
		fail_msg("glpsol and cbc are needed (scripts/setup.sh installs them)");
	for (size_t k = 0; k < ROWS(instances); k++) {
		struct cor_plan_instance inst;
		char lp[600], out[600], cmd[2048], msg[256], what[80];
		snprintf(what, sizeof(what), "%zu cases, %zu movements, seed %llu with reach",
			 instances[k].n, instances[k].nm, (unsigned long long)instances[k].seed);
		assert_int_equal(cor_plan_generate(instances[k].n, instances[k].nm,
						   instances[k].seed, NULL, &inst),
				 0);
		/* Kept bookings of the generator board where their office is
		 * anywhere: they keep no reach, as the service keeps them. */
		if (with_reach(&inst) == 0)
			fail_msg("%s: no case with reach", what);
		for (size_t i = 0; i < inst.in.ncases; i++) {
			int k1, k2;
			struct cor_plan_case *c = &inst.cases[i];
			if (c->fixed >= 0 &&
			    !cor_plan_journey(&inst.movements[c->fixed], c, &k1, &k2))
				c->reach = NULL;
		}
		/* The rule binds: options the cases would have anywhere. */
		for (size_t i = 0; i < inst.in.ncases; i++)
			for (size_t m = 0; m < inst.in.nmovements && inst.cases[i].reach; m++) {
				const struct cor_plan_reach *r = inst.cases[i].reach;
				int64_t v = cor_plan_value(&inst.in, i, m);
				inst.cases[i].reach = NULL;
				bound_away += v < 0 && cor_plan_value(&inst.in, i, m) > 0;
				inst.cases[i].reach = r;
			}
		inst.in.cfg.node_limit = 100000;
		inst.in.cfg.time_limit = 600;
		struct cor_plan_result res;
		assert_int_equal(cor_plan_solve(&inst.in, &res, msg, sizeof(msg)), 0);
		if (!res.optimal)
			fail_msg("%s: not proven optimal", what);
		if (cor_plan_check(&inst.in, res.movement, res.escorts, msg, sizeof(msg)))
			fail_msg("%s: %s", what, msg);
		snprintf(lp, sizeof(lp), "%s/plan_reach_%zu.lp", dir, k);
		FILE *f = fopen(lp, "w");
		assert_non_null(f);
		assert_int_equal(cor_plan_write_lp(&inst.in, f), 0);
		assert_int_equal(fclose(f), 0);
		int *mv = malloc(instances[k].n * sizeof(*mv));
		int *esc = malloc(instances[k].nm * sizeof(*esc));
		assert_non_null(mv);
		assert_non_null(esc);
		for (int solver = 0; solver < 2; solver++) {
			int64_t obj = -1;
			snprintf(out, sizeof(out), "%s/plan_reach_%zu.%s", dir, k,
				 solver ? "cbc" : "glpsol");
			if (solver)
				snprintf(cmd, sizeof(cmd),
					 "timeout 300 cbc '%s' ratioGap 0 preprocess off solve "
					 "solution '%s' >/dev/null 2>&1",
					 lp, out);
			else
				snprintf(cmd, sizeof(cmd),
					 "timeout 300 glpsol --lp '%s' -o '%s' >/dev/null 2>&1", lp,
					 out);
			if (run(cmd))
				fail_msg("%s: '%s' failed", what, cmd);
			if (read_solution(out, solver ? "objective value" : "obj =", instances[k].n,
					  instances[k].nm, mv, esc, &obj))
				fail_msg("%s: no objective in %s", what, out);
			if (obj != res.value)
				fail_msg("%s: %s finds %lld, the planner %lld", what,
					 solver ? "cbc" : "glpsol", (long long)obj,
					 (long long)res.value);
			/* The solver's plan keeps the rule too. */
			if (cor_plan_check(&inst.in, mv, esc, msg, sizeof(msg)))
				fail_msg("%s: %s's plan: %s", what, solver ? "cbc" : "glpsol", msg);
		}
		free(mv);
		free(esc);
		cor_plan_result_free(&res);
		cor_plan_instance_free(&inst);
	}
	if (bound_away < 10)
		fail_msg("reach takes only %ld options away", bound_away);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boards_where_it_can_get_to),
		cmocka_unit_test(test_transfer_leg),
		cmocka_unit_test(test_booking_fit),
		cmocka_unit_test_setup(test_against_solvers, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

// SPDX-License-Identifier: Apache-2.0
// Golden cases for the movement planner, each worked by hand: the exact
// assignment, value, escorts and the sentence of every case left out.
// Never split; leg capacity on a route with a transit stop; stretcher, WCHC
// and WCHS places; escorts (ratio, escort seats, their own seats);
// destinations reached through transit legs; availability and validity
// windows; the emergency deadline; office quotas; kept bookings; ties.
// Then the input checks and cor_plan_value.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/date.h"
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

/* Solve, check with the independent checker, compare the assignment and
 * the sentences (NULL: placed, no sentence). */
static void expect(const struct cor_plan_input *in, const int *movement, const char *const *reason,
		   int64_t value, struct cor_plan_result *out)
{
	struct cor_plan_result res;
	char msg[256] = "";
	int rc = cor_plan_solve(in, &res, msg, sizeof(msg));
	if (rc)
		fail_msg("solve: %s: %s", cor_strerror(rc), msg);
	if (cor_plan_check(in, res.movement, res.escorts, msg, sizeof(msg)))
		fail_msg("check: %s", msg);
	assert_true(res.optimal);
	assert_int_equal(res.bound, res.value);
	for (size_t i = 0; i < in->ncases; i++) {
		if (res.movement[i] != movement[i])
			fail_msg("case %s: movement %d, expected %d", in->cases[i].ref,
				 res.movement[i], movement[i]);
		const char *want = reason[i] ? reason[i] : "";
		if (strcmp(res.reason[i], want))
			fail_msg("case %s: reason\n  '%s'\nexpected\n  '%s'", in->cases[i].ref,
				 res.reason[i], want);
		assert_int_equal(res.why[i] == COR_WHY_PLACED, movement[i] >= 0);
	}
	assert_int_equal(res.value, value);
	if (out)
		*out = res;
	else
		cor_plan_result_free(&res);
}

static void test_never_split(void **state)
{
	struct cor_plan_leg l[] = {leg("TIP", "LBY", "LOS", "NGA", 2, 5, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l)};
	/* 4 + 3 travellers, 5 seats: the family of four, whole. */
	struct cor_plan_case c[] = {kase("A", "LBY", "NGA", 3, 0), kase("B", "LBY", "NGA", 4, 0),
				    kase("C", "LBY", "NGA", 1, 0)};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {-1, 0, 0};
	const char *why[] = {"seats on 8U 4101 went to cases of higher or equal priority", NULL,
			     NULL};
	struct cor_plan_result res;
	/* B and C: 5 persons, 2 cases on day 2: 5000 - 2 * 2. */
	expect(&in, want, why, 4996, &res);
	assert_int_equal(res.persons, 5);
	assert_int_equal(res.cases, 2);
	assert_int_equal(res.weighted_persons, 5);
	assert_int_equal(res.why[0], COR_WHY_SEATS_FULL);
	cor_plan_result_free(&res);
}

static void test_leg_capacity(void **state)
{
	/* NBO-ADD 10 seats, ADD-IAD 6: refugees from Kenya use both legs,
	 * from Ethiopia the second, to Ethiopia the first. */
	struct cor_plan_leg l[] = {leg("NBO", "KEN", "ADD", "ETH", 3, 10, 0, 1, 2),
				   leg("ADD", "ETH", "IAD", "USA", 3, 6, 0, 1, 2)};
	l[1].departs = l[0].arrives + 3 * HOUR;
	l[1].arrives = l[1].departs + 14 * HOUR;
	struct cor_plan_movement m[] = {move("ET 308", 1, 2, l)};
	struct cor_plan_case c[] = {kase("K1", "KEN", "USA", 4, 0), kase("E1", "ETH", "USA", 3, 0),
				    kase("K2", "KEN", "ETH", 5, 0)};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	/* K1 + K2: 3997 + 4997; E1 + K2 would be 2997 + 4997. */
	const int want[] = {0, -1, 0};
	const char *why[] = {
		NULL, "seats on ET 308 ADD-IAD went to cases of higher or equal priority", NULL};
	expect(&in, want, why, 3997 + 4997, NULL);
}

static void test_special_places(void **state)
{
	struct cor_plan_leg l[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 20, 1, 0, 1)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l)};
	struct cor_plan_case c[] = {kase("S1", "LBY", "NGA", 1, 1), kase("S2", "LBY", "NGA", 1, 0),
				    kase("W1", "LBY", "NGA", 1, 0), kase("W2", "LBY", "NGA", 2, 0),
				    kase("W3", "LBY", "NGA", 1, 0)};
	c[0].need[COR_RES_STRETCHERS] = c[0].medical = 1;
	c[1].need[COR_RES_STRETCHERS] = c[1].medical = 1;
	c[2].need[COR_RES_WCHC] = 1;
	c[3].need[COR_RES_WCHS] = 1;
	c[4].need[COR_RES_WCHS] = 1;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {0, -1, -1, 0, -1};
	const char *why[] = {NULL, "needs a stretcher position, none free on 8U 4101",
			     "needs a WCHC place, none free on 8U 4101", NULL,
			     "needs a WCHS place, none free on 8U 4101"};
	struct cor_plan_result res;
	expect(&in, want, why, 9999 + 1999, &res);
	assert_int_equal(res.escorts[0], 1);
	assert_int_equal(res.why[1], COR_WHY_SPECIAL_FULL);
	cor_plan_result_free(&res);
}

static void test_escorts(void **state)
{
	/* One escort seat: two medical travellers need one escort (ratio
	 * 3), four would need two. On the vessel the escort's own seat is
	 * what is missing. */
	struct cor_plan_leg la[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 6, 0, 0, 0)};
	struct cor_plan_leg lb[] = {leg("YEADE", "YEM", "DJJIB", "DJI", 1, 3, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 1, 1, la), move("MV Amal", 2, 1, lb)};
	struct cor_plan_case c[] = {kase("M1", "LBY", "NGA", 2, 1), kase("M2", "LBY", "NGA", 2, 0),
				    kase("N1", "LBY", "NGA", 1, 0), kase("P", "YEM", "DJI", 1, 0),
				    kase("Q", "YEM", "DJI", 2, 0)};
	c[0].medical = 2;
	c[1].medical = 2;
	c[3].medical = 1;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {0, -1, 0, -1, 1};
	const char *why[] = {NULL, "needs a medical escort, no escort seat left on 8U 4101", NULL,
			     "needs a medical escort, no escort seat left on MV Amal", NULL};
	struct cor_plan_result res;
	expect(&in, want, why, 19999 + 999 + 1999, &res);
	assert_int_equal(res.escorts[0], 1);
	assert_int_equal(res.escorts[1], 0);
	assert_int_equal(res.why[1], COR_WHY_ESCORT_FULL);
	cor_plan_result_free(&res);
}

/* Medical escorts already named on a movement (their seats out of its
 * capacity already) cover escort_ratio medical travellers each: the
 * planner adds escorts only beyond them. */
static void test_named_escorts(void **state)
{
	/* 8U 4101: no escort seat left, one named medical escort: three
	 * medical travellers can go, a fourth cannot. MV Amal: one escort
	 * seat and one named: four medical travellers take one more escort,
	 * and its seat. */
	struct cor_plan_leg la[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 6, 0, 0, 0)};
	struct cor_plan_leg lb[] = {leg("YEADE", "YEM", "DJJIB", "DJI", 1, 5, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 0, 1, la), move("MV Amal", 1, 1, lb)};
	m[0].escorts_named = 1;
	m[1].escorts_named = 1;
	struct cor_plan_case c[] = {kase("M1", "LBY", "NGA", 2, 1), kase("M2", "LBY", "NGA", 2, 0),
				    kase("N1", "LBY", "NGA", 1, 0), kase("P", "YEM", "DJI", 3, 0),
				    kase("Q", "YEM", "DJI", 1, 1),  kase("R", "YEM", "DJI", 1, 0)};
	c[0].medical = 2;
	c[1].medical = 2;
	c[3].medical = 3;
	c[4].medical = 1;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {0, -1, 0, 1, 1, -1};
	const char *why[] = {NULL, "needs a medical escort, no escort seat left on 8U 4101",
			     NULL, NULL,
			     NULL, "seats on MV Amal went to cases of higher or equal priority"};
	struct cor_plan_result res;
	expect(&in, want, why, 19999 + 999 + 2999 + 9999, &res);
	assert_int_equal(res.escorts[0], 0);
	assert_int_equal(res.escorts[1], 1);
	cor_plan_result_free(&res);
	/* The model for the exact solvers says the same. */
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(cor_plan_write_lp(&in, f), 0);
	rewind(f);
	char line[256];
	int esc_rows = 0;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "esc_")) {
			assert_non_null(strstr(line, "<= 3"));
			esc_rows++;
		}
	assert_int_equal(esc_rows, 2);
	fclose(f);
}

static void test_transit(void **state)
{
	struct cor_plan_leg l[] = {leg("SEB", "LBY", "NIM", "NER", 2, 10, 0, 0, 0),
				   leg("NIM", "NER", "BKO", "MLI", 2, 10, 0, 0, 0)};
	l[1].departs = l[0].arrives + HOUR;
	l[1].arrives = l[1].departs + 3 * HOUR;
	struct cor_plan_movement m[] = {move("UZ 4102", 2, 2, l)};
	struct cor_plan_case c[] = {kase("ML", "LBY", "MLI", 4, 0), kase("NE", "LBY", "NER", 6, 0),
				    kase("NM", "NER", "MLI", 5, 0), kase("NG", "LBY", "NGA", 1, 0)};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	/* Leg 1 carries ML and NE (10), leg 2 ML and NM would be 9: all fit. */
	const int want[] = {0, 0, 0, -1};
	const char *why[] = {NULL, NULL, NULL,
			     "no movement goes from LBY to NGA on 2026-12-03, the one day planned"};
	struct cor_plan_result res;
	expect(&in, want, why, 3998 + 5998 + 4998, &res);
	assert_int_equal(res.why[3], COR_WHY_NO_ROUTE);
	cor_plan_result_free(&res);
	assert_int_equal(cor_plan_value(&in, 2, 0), 4998);
	assert_int_equal(cor_plan_value(&in, 3, 0), -1);
}

static void test_windows(void **state)
{
	struct cor_plan_leg l0[] = {leg("TIP", "LBY", "LOS", "NGA", 3, 9, 0, 0, 0)};
	struct cor_plan_leg l1[] = {leg("MJI", "LBY", "LOS", "NGA", 10, 9, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l0), move("8U 4102", 2, 1, l1)};
	struct cor_plan_case c[] = {kase("A", "LBY", "NGA", 2, 0), kase("B", "LBY", "NGA", 2, 0),
				    kase("C", "LBY", "NGA", 2, 0), kase("D", "LBY", "NGA", 2, 0),
				    kase("E", "LBY", "NGA", 2, 0), kase("F", "LBY", "NGA", 2, 0)};
	c[0].available_from = h0() + 5LL * DAY; /* only the second */
	c[1].valid_until = h0() + 7LL * DAY;    /* only the first */
	c[2].available_from = h0() + 12LL * DAY;
	c[3].valid_until = h0() + 1LL * DAY + 10 * HOUR;
	snprintf(c[3].valid_why, sizeof(c[3].valid_why),
		 "fitness to travel of D-01 ends 2026-12-02 10:00 UTC");
	c[4].valid_until = h0() + 2LL * DAY;
	/* No longer eligible at all: why, and no movement named. */
	c[5].valid_until = INT64_MIN;
	snprintf(c[5].valid_why, sizeof(c[5].valid_why), "not eligible: FITNESS_EXPIRED");
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {1, 0, -1, -1, -1, -1};
	const char *why[] = {
		NULL,
		NULL,
		"available from 2026-12-13, after the last movement from LBY to NGA (8U 4102, "
		"2026-12-11)",
		"fitness to travel of D-01 ends 2026-12-02 10:00 UTC, before any movement to NGA "
		"departs (the first, 8U 4101, on 2026-12-04)",
		"travel validity ends 2026-12-03, before any movement to NGA departs (the first, "
		"8U "
		"4101, on 2026-12-04)",
		"not eligible: FITNESS_EXPIRED"};
	struct cor_plan_result res;
	expect(&in, want, why, 1990 + 1997, &res);
	assert_int_equal(res.why[2], COR_WHY_NOT_YET);
	assert_int_equal(res.why[3], COR_WHY_EXPIRES);
	assert_int_equal(res.why[5], COR_WHY_EXPIRES);
	cor_plan_result_free(&res);
}

static void test_emergency_deadline(void **state)
{
	/* One seat on day 2 and one on day 6; the emergency's deadline is
	 * the end of day 4. On day 6 it would weigh as urgent. */
	struct cor_plan_leg l0[] = {leg("TIP", "LBY", "LOS", "NGA", 2, 1, 0, 0, 0)};
	struct cor_plan_leg l1[] = {leg("TIP", "LBY", "LOS", "NGA", 6, 1, 0, 0, 0)};
	/* A second route where only a late movement exists. */
	struct cor_plan_leg l2[] = {leg("BEN", "LBY", "KRT", "SDN", 6, 2, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l0), move("8U 4102", 2, 1, l1),
					move("LN 4103", 2, 1, l2)};
	struct cor_plan_case c[] = {kase("U", "LBY", "NGA", 1, 1), kase("E", "LBY", "NGA", 1, 2),
				    kase("E2", "LBY", "SDN", 1, 2), kase("U2", "LBY", "SDN", 2, 1)};
	c[1].deadline = h0() + 5LL * DAY - 1;
	c[2].deadline = h0() + 5LL * DAY - 1;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	assert_int_equal(cor_plan_value(&in, 1, 0), 100000 - 2);
	assert_int_equal(cor_plan_value(&in, 1, 1), 10000 - 6);
	/* E2 after its deadline weighs 10 per person; U2 brings 20. */
	const int want[] = {1, 0, -1, 2};
	const char *why[] = {NULL, NULL,
			     "seats on LN 4103 went to cases of higher or equal priority", NULL};
	struct cor_plan_result res;
	expect(&in, want, why, 99998 + 9994 + 19994, &res);
	assert_int_equal(res.weighted_persons, 100 + 10 + 20);
	cor_plan_result_free(&res);
}

static void test_quota(void **state)
{
	struct cor_plan_leg l[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 10, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l)};
	struct cor_plan_case c[] = {kase("T1", "LBY", "NGA", 3, 0), kase("T2", "LBY", "NGA", 2, 0),
				    kase("B1", "LBY", "NGA", 2, 0)};
	snprintf(c[2].office, sizeof(c[2].office), "LY-BEN");
	struct cor_plan_quota q[] = {{0, "LY-TIP", 4}};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	in.quotas = q;
	in.nquotas = 1;
	const int want[] = {0, -1, 0};
	const char *why[] = {NULL, "the LY-TIP quota of 4 seats on 8U 4101 is used", NULL};
	struct cor_plan_result res;
	expect(&in, want, why, 2999 + 1999, &res);
	assert_int_equal(res.why[1], COR_WHY_QUOTA);
	cor_plan_result_free(&res);
}

static void test_kept_booking(void **state)
{
	struct cor_plan_leg l[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 3, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l)};
	struct cor_plan_case c[] = {kase("U", "LBY", "NGA", 2, 1), kase("F", "LBY", "NGA", 2, 0)};
	c[1].fixed = 0;
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	/* The urgent case would be worth more, but the booking is kept. */
	const int want[] = {-1, 0};
	const char *why[] = {"seats on 8U 4101 went to cases of higher or equal priority", NULL};
	expect(&in, want, why, 1999, NULL);
	assert_int_equal(cor_plan_value(&in, 0, 0), 19999);
	assert_int_equal(cor_plan_value(&in, 1, 0), 1999);

	/* Kept bookings that cannot travel are an input error. */
	struct cor_plan_result res;
	char msg[256] = "";
	c[0].fixed = 0;
	assert_int_equal(cor_plan_solve(&in, &res, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg,
			    "the kept bookings on 'MOV-8U 4101' do not fit it (case 'F' is one "
			    "too many)");
	c[0].fixed = -1;
	c[1].available_from = h0() + 2LL * DAY;
	assert_int_equal(cor_plan_solve(&in, &res, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "case 'F' is kept on 'MOV-8U 4101', which cannot take it");
}

static void test_ties(void **state)
{
	/* Two movements on the same day, one seat each, three identical
	 * cases: the first case gets the first movement, the second the
	 * second, the third nothing; and the same again on every run. */
	struct cor_plan_leg l0[] = {leg("TIP", "LBY", "LOS", "NGA", 4, 1, 0, 0, 0)};
	struct cor_plan_leg l1[] = {leg("MJI", "LBY", "LOS", "NGA", 4, 1, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l0), move("UZ 4102", 2, 1, l1)};
	struct cor_plan_case c[] = {kase("A", "LBY", "NGA", 1, 0), kase("B", "LBY", "NGA", 1, 0),
				    kase("C", "LBY", "NGA", 1, 0)};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	const int want[] = {0, 1, -1};
	const char *why[] = {
		NULL, NULL,
		"seats on 8U 4101 and UZ 4102 went to cases of higher or equal priority"};
	for (int run = 0; run < 3; run++)
		expect(&in, want, why, 2 * 996, NULL);
}

static void test_bad_input(void **state)
{
	struct cor_plan_leg l[] = {leg("TIP", "LBY", "LOS", "NGA", 1, 3, 0, 0, 0)};
	struct cor_plan_movement m[] = {move("8U 4101", 2, 1, l)};
	struct cor_plan_case c[] = {kase("A", "LBY", "NGA", 2, 0)};
	struct cor_plan_input in = input(c, ROWS(c), m, ROWS(m));
	struct cor_plan_result res;
	char msg[256];
	static const struct {
		int what;
		const char *msg;
	} bad[] = {
		{0, "leg TIP-LOS of 'MOV-8U 4101' arrives before it departs"},
		{1, "case 'A' has 0 travellers"},
		{2, "escort ratio 0 is not at least 1"},
		{3, "quota of 'LY-TIP' is on movement 4, which does not exist"},
		{4, "movement 'MOV-8U 4101' departs more than 999 days after the horizon start"},
		{5, "case 'A' has priority level 3"},
	};
	for (size_t k = 0; k < ROWS(bad); k++) {
		struct cor_plan_leg ll[1] = {l[0]};
		struct cor_plan_movement mm[1] = {m[0]};
		struct cor_plan_case cc[1] = {c[0]};
		struct cor_plan_quota q[1] = {{4, "LY-TIP", 3}};
		struct cor_plan_input x = input(cc, 1, mm, 1);
		mm[0].legs = ll;
		switch (bad[k].what) {
		case 0:
			ll[0].arrives = ll[0].departs - 1;
			break;
		case 1:
			cc[0].need[COR_RES_SEATS] = 0;
			break;
		case 2:
			x.cfg.escort_ratio = 0;
			break;
		case 3:
			x.quotas = q;
			x.nquotas = 1;
			break;
		case 4:
			ll[0].departs += 1000LL * DAY;
			ll[0].arrives += 1000LL * DAY;
			break;
		case 5:
			cc[0].level = 3;
			break;
		}
		msg[0] = '\0';
		assert_int_equal(cor_plan_solve(&x, &res, msg, sizeof(msg)), COR_EINVAL);
		assert_string_equal(msg, bad[k].msg);
		FILE *f = tmpfile();
		assert_non_null(f);
		assert_int_equal(cor_plan_write_lp(&x, f), COR_EINVAL);
		fclose(f);
	}
	/* An assignment the checker refuses, with the reason. */
	int mv[1] = {0}, esc[1] = {0};
	c[0].need[COR_RES_SEATS] = 4;
	assert_int_equal(cor_plan_check(&in, mv, esc, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "leg TIP-LOS of 'MOV-8U 4101' has 3 seats for 4");
	c[0].need[COR_RES_SEATS] = 2;
	c[0].medical = 1;
	assert_int_equal(cor_plan_check(&in, mv, esc, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg,
			    "'MOV-8U 4101' carries 1 medical traveller with 0 escorts (1 per 3)");
	esc[0] = 1;
	assert_int_equal(cor_plan_check(&in, mv, esc, msg, sizeof(msg)), 0);
	/* A named medical escort covers three. */
	c[0].medical = 4;
	m[0].escorts_named = 1;
	assert_int_equal(cor_plan_check(&in, mv, esc, msg, sizeof(msg)), 0);
	esc[0] = 0;
	assert_int_equal(cor_plan_check(&in, mv, esc, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "'MOV-8U 4101' carries 4 medical travellers with 0 escorts and 1 "
				 "named medical escort (1 per 3)");
	m[0].escorts_named = -1;
	assert_int_equal(cor_plan_solve(&in, &res, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "movement 'MOV-8U 4101' has -1 named escorts");
	m[0].escorts_named = 0;
	assert_string_equal(cor_plan_why_code(COR_WHY_QUOTA), "quota");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_split),    cmocka_unit_test(test_leg_capacity),
		cmocka_unit_test(test_special_places), cmocka_unit_test(test_escorts),
		cmocka_unit_test(test_named_escorts),  cmocka_unit_test(test_transit),
		cmocka_unit_test(test_windows),        cmocka_unit_test(test_emergency_deadline),
		cmocka_unit_test(test_quota),          cmocka_unit_test(test_kept_booking),
		cmocka_unit_test(test_ties),           cmocka_unit_test(test_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

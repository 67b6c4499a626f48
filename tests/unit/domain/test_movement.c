// SPDX-License-Identifier: Apache-2.0
// Unit tests for movements: names, the movement lifecycle (every pair of
// states), place codes, leg numbers, carriers, the validation of a
// movement with the exact message of each refusal, and the fit of a booking
// (every constraint it would break, each a cause of its own).
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/movement.h"
#include "plan/plan.h"
#include "util/error.h"
#include "util/tz.h"

static void test_names(void **state)
{
	(void)state;
	for (int k = 0; k < COR_MOVEMENT_KIND__N; k++) {
		enum cor_movement_kind v;
		assert_int_equal(cor_movement_kind_parse(cor_movement_kind_name(k), &v), 0);
		assert_int_equal(v, k);
	}
	for (int s = 0; s < COR_MSTATE__N; s++) {
		enum cor_movement_state v;
		assert_int_equal(cor_movement_state_parse(cor_movement_state_name(s), &v), 0);
		assert_int_equal(v, s);
	}
	for (int s = 0; s < COR_BOOKING__N; s++) {
		enum cor_booking_status v;
		assert_int_equal(cor_booking_status_parse(cor_booking_status_name(s), &v), 0);
		assert_int_equal(v, s);
	}
	enum cor_place_kind pk;
	assert_int_equal(cor_place_kind_parse("port", &pk), 0);
	assert_int_equal(pk, COR_PLACE_PORT);
	enum cor_movement_kind k = COR_MOVEMENT_VESSEL;
	assert_int_equal(cor_movement_kind_parse("ship", &k), COR_EINVAL);
	assert_int_equal(k, COR_MOVEMENT_VESSEL); /* untouched */
	assert_string_equal(cor_movement_state_name(COR_MSTATE__N), "?");
}

/* The lifecycle, pair by pair: exactly these moves exist. */
static void test_lifecycle(void **state)
{
	(void)state;
	static const char *const allowed[] = {
		"planned>open", "open>closed",       "closed>departed", "departed>arrived",
		"closed>open",  "planned>cancelled", "open>cancelled",  "closed>cancelled",
	};
	int n = 0;
	for (int a = 0; a < COR_MSTATE__N; a++)
		for (int b = 0; b < COR_MSTATE__N; b++) {
			char pair[40];
			bool want = false;
			snprintf(pair, sizeof(pair), "%s>%s", cor_movement_state_name(a),
				 cor_movement_state_name(b));
			for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
				want |= !strcmp(allowed[i], pair);
			if (cor_movement_can(a, b) != want)
				fail_msg("%s: expected %s", pair, want ? "allowed" : "refused");
			n += want;
			/* Reasons: cancelling and reopening only. */
			assert_int_equal(
				cor_movement_needs_reason(a, b),
				want && (b == COR_MSTATE_CANCELLED ||
					 (a == COR_MSTATE_CLOSED && b == COR_MSTATE_OPEN)));
		}
	assert_int_equal(n, 8);
	char buf[96];
	assert_string_equal(cor_movement_next(COR_MSTATE_CLOSED, buf, sizeof(buf)),
			    "departed, open, cancelled");
	assert_string_equal(cor_movement_next(COR_MSTATE_ARRIVED, buf, sizeof(buf)), "none");
}

static void test_codes(void **state)
{
	(void)state;
	assert_true(cor_place_code_is_valid("MJI"));
	assert_true(cor_place_code_is_valid("YEADE"));
	assert_true(cor_place_code_is_valid("DEHA2")); /* UN/LOCODE digits 2-9 */
	assert_false(cor_place_code_is_valid("mji"));
	assert_false(cor_place_code_is_valid("MJ"));
	assert_false(cor_place_code_is_valid("YEAD1")); /* 1 is not a LOCODE digit */
	assert_false(cor_place_code_is_valid("Y1ADE"));
	assert_false(cor_place_code_is_valid("MJIX"));
	assert_false(cor_place_code_is_valid(""));
	assert_true(cor_leg_number_is_valid("ET3412"));
	assert_true(cor_leg_number_is_valid("MV Amal"));
	assert_false(cor_leg_number_is_valid(""));
	assert_false(cor_leg_number_is_valid("O'HARE"));
	assert_false(cor_leg_number_is_valid("A+B"));
	assert_false(cor_leg_number_is_valid("0123456789ABCDEF")); /* 16 */
	assert_false(cor_leg_number_is_valid("É1"));
	assert_true(cor_carrier_is_valid("ET"));
	assert_true(cor_carrier_is_valid("U2"));
	assert_true(cor_carrier_is_valid("3U"));
	assert_true(cor_carrier_is_valid("ETH"));
	assert_false(cor_carrier_is_valid("12"));
	assert_false(cor_carrier_is_valid("et"));
	assert_false(cor_carrier_is_valid("E"));
}

static struct cor_movement two_legs(void)
{
	struct cor_movement m = {.kind = COR_MOVEMENT_SCHEDULED,
				 .label = "ET 3412",
				 .carrier = "ET",
				 .office = "KE-NBO",
				 .escort_seats = 2,
				 .nlegs = 2};
	int64_t t;
	m.legs[0] = (struct cor_leg){.from = "NBO", .to = "ADD", .number = "ET309", .seats = 20};
	cor_time_parse_utc("2026-12-01T06:00Z", &t);
	m.legs[0].departs = t;
	cor_time_parse_utc("2026-12-01T08:10Z", &t);
	m.legs[0].arrives = t;
	m.legs[1] = (struct cor_leg){
		.from = "ADD", .to = "IAD", .number = "ET500", .seats = 20, .stretchers = 1};
	cor_time_parse_utc("2026-12-01T10:00Z", &t);
	m.legs[1].departs = t;
	cor_time_parse_utc("2026-12-01T20:30Z", &t);
	m.legs[1].arrives = t;
	return m;
}

static void refused(const struct cor_movement *m, const char *want)
{
	char msg[256] = "";
	assert_int_equal(cor_movement_validate(m, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, want);
}

static void test_validate(void **state)
{
	(void)state;
	char msg[256];
	struct cor_movement m = two_legs();
	assert_int_equal(cor_movement_validate(&m, msg, sizeof(msg)), 0);

	m = two_legs();
	cor_time_parse_utc("2026-12-01T08:00Z", &m.legs[1].departs);
	refused(&m, "leg 2: departs 2026-12-01T08:00Z before leg 1 arrives 2026-12-01T08:10Z");
	m = two_legs();
	m.legs[0].arrives = m.legs[0].departs;
	refused(&m, "leg 1: arrives 2026-12-01T06:00Z, not after it departs 2026-12-01T06:00Z");
	m = two_legs();
	strcpy(m.legs[1].from, "DOH");
	refused(&m, "leg 2: leaves from DOH, but leg 1 goes to ADD");
	m = two_legs();
	strcpy(m.legs[1].to, "ADD");
	refused(&m, "leg 2: leaves from and goes to ADD");
	m = two_legs();
	strcpy(m.legs[0].from, "nbo");
	refused(&m, "leg 1: 'nbo' is not an IATA airport code or a UN/LOCODE");
	m = two_legs();
	m.legs[1].seats = 0;
	refused(&m, "leg 2: needs at least one seat");
	m = two_legs();
	m.legs[0].wchc = -1;
	refused(&m, "leg 1: special capacity cannot be negative");
	/* Each special place is a seat too: as many as the seats, not more. */
	m = two_legs();
	m.legs[1].seats = 3;
	m.legs[1].stretchers = 1;
	m.legs[1].wchc = 1;
	m.legs[1].wchs = 1;
	assert_int_equal(cor_movement_validate(&m, msg, sizeof(msg)), 0);
	m.legs[1].wchs = 2;
	refused(&m, "leg 2: 4 special places (stretchers 1, WCHC 1, WCHS 2) for 3 seats");
	m = two_legs();
	strcpy(m.legs[0].number, "ET'309");
	refused(&m, "leg 1: number 'ET'309' must be 1 to 15 printable characters without ' + : ?");
	m = two_legs();
	m.nlegs = 0;
	refused(&m, "a movement has 1 to 8 legs, not 0");
	m = two_legs();
	strcpy(m.carrier, "E");
	refused(&m, "carrier: 'E' is not an IATA airline designator");
	m = two_legs();
	m.escort_seats = -1;
	refused(&m, "escort seats: -1 is negative");
}

static void test_times(void **state)
{
	(void)state;
	int64_t t;
	char buf[COR_LOCAL_LEN], u[18];
	assert_int_equal(cor_time_parse_utc("2026-01-15T12:00Z", &t), 0);
	assert_string_equal(cor_time_format_utc(t, u), "2026-01-15T12:00Z");
	assert_int_equal(cor_time_parse_utc("2026-01-15T12:00:30Z", &t), 0);
	assert_int_equal(t % 60, 30);
	/* Winter and summer in Berlin; a half-hour zone; west of Greenwich. */
	cor_time_parse_utc("2026-01-15T12:00Z", &t);
	assert_int_equal(cor_tz_format(t, "Europe/Berlin", buf), 0);
	assert_string_equal(buf, "2026-01-15 13:00 +01:00");
	cor_time_parse_utc("2026-07-15T12:00Z", &t);
	assert_int_equal(cor_tz_format(t, "Europe/Berlin", buf), 0);
	assert_string_equal(buf, "2026-07-15 14:00 +02:00");
	assert_int_equal(cor_tz_format(t, "Asia/Kabul", buf), 0);
	assert_string_equal(buf, "2026-07-15 16:30 +04:30");
	assert_int_equal(cor_tz_format(t, "America/New_York", buf), 0);
	assert_string_equal(buf, "2026-07-15 08:00 -04:00");
	cor_time_parse_utc("2026-11-30T23:30Z", &t);
	assert_int_equal(cor_tz_format(t, "Africa/Tripoli", buf), 0);
	assert_string_equal(buf, "2026-12-01 01:30 +02:00");
	/* Refused. */
	assert_int_equal(cor_tz_format(t, "Mars/Olympus", buf), COR_EINVAL);
	assert_int_equal(cor_tz_format(t, "../../etc/passwd", buf), COR_EINVAL);
	assert_false(cor_tz_is_known(""));
	assert_true(cor_tz_is_known("UTC"));
	static const char *const bad[] = {
		"2026-01-15 12:00Z", "2026-01-15T12:00",    "2026-02-29T12:00Z",
		"2026-01-15T24:00Z", "2026-1-15T12:00Z",    "1969-12-31T23:59Z",
		"2026-01-15T12:60Z", "2026-01-15T12:00+01", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (cor_time_parse_utc(bad[i], &t) != COR_EINVAL)
			fail_msg("'%s' was accepted", bad[i]);
	assert_int_equal(cor_time_parse_utc("2028-02-29T00:00Z", &t), 0);
}

static void leg_refused(const char *spec, const char *want)
{
	struct cor_leg l;
	char msg[256] = "";
	memset(&l, 0x33, sizeof(l));
	struct cor_leg before = l;
	assert_int_equal(cor_leg_parse(spec, "UZ 8401", &l, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, want);
	assert_memory_equal(&l, &before, sizeof(l));
}

static void test_leg_parse(void **state)
{
	(void)state;
	struct cor_leg l;
	char msg[256], u[18];
	assert_int_equal(
		cor_leg_parse("from=MJI,to=LOS,departs=2026-12-01T07:00Z,"
			      "arrives=2026-12-01T12:10Z,seats=180,stretchers=2,wchc=1,wchs=4",
			      "UZ 8401", &l, msg, sizeof(msg)),
		0);
	assert_string_equal(l.from, "MJI");
	assert_string_equal(l.to, "LOS");
	assert_string_equal(l.number, "UZ8401"); /* the label without spaces */
	assert_string_equal(cor_time_format_utc(l.departs, u), "2026-12-01T07:00Z");
	assert_string_equal(cor_time_format_utc(l.arrives, u), "2026-12-01T12:10Z");
	assert_int_equal(l.seats, 180);
	assert_int_equal(l.stretchers, 2);
	assert_int_equal(l.wchc, 1);
	assert_int_equal(l.wchs, 4);
	assert_int_equal(cor_leg_parse("seats=300,number=MV Amal,to=DJJIB,from=YEADE,"
				       "arrives=2026-12-03T19:00Z,departs=2026-12-03T05:00Z",
				       "", &l, msg, sizeof(msg)),
			 0);
	assert_string_equal(l.number, "MV Amal");
	assert_int_equal(l.wchs, 0);

	leg_refused("from=MJI", "to= is missing");
	leg_refused("from=MJI,to=LOS,departs=2026-12-01 07:00,arrives=2026-12-01T12:10Z,seats=1",
		    "departs: '2026-12-01 07:00' is not a UTC time (YYYY-MM-DDTHH:MMZ)");
	leg_refused("from=Tripoli", "from: 'Tripoli' is not an IATA airport code or a UN/LOCODE");
	leg_refused("from=MJI,to=LOS,departs=2026-12-01T07:00Z,arrives=2026-12-01T12:10Z,seats=0",
		    "seats: '0' is not a whole number from 1 to 9999");
	leg_refused("wchc=-1", "wchc: '-1' is not a whole number from 0 to 9999");
	leg_refused("seats=12x", "seats: '12x' is not a whole number from 1 to 9999");
	leg_refused("gate=7", "unknown key 'gate' (from, to, departs, arrives, seats, stretchers, "
			      "wchc, wchs, number, carrier)");
	leg_refused("carrier=E", "carrier: 'E' is not an IATA airline designator");
	leg_refused("MJI", "'MJI' is not KEY=VALUE");
	leg_refused("number=A'B",
		    "number: 'A'B' must be 1 to 15 printable characters without ' + : ?");
	leg_refused("from=MJI,to=LOS,from=ACC", "from: given twice");
	/* A label too long for a number is never cut: number= is asked for. */
	struct cor_leg l2;
	assert_int_equal(cor_leg_parse("from=MJI,to=LOS,departs=2026-12-01T07:00Z,"
				       "arrives=2026-12-01T12:10Z,seats=1",
				       "ABCDEFGHIJKLMNOPQRSTUVW", &l2, msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg, "number: give number= (the label does not make one)");
	assert_int_equal(cor_leg_parse("from=MJI,to=LOS,departs=2026-12-01T07:00Z,"
				       "arrives=2026-12-01T12:10Z,seats=1,number=AB1",
				       "ABCDEFGHIJKLMNOPQRSTUVW", &l2, msg, sizeof(msg)),
			 0);
	assert_string_equal(l2.number, "AB1");
	/* Control characters never reach a message as they are. */
	leg_refused("from=M\x1b[2J", "from: 'M?[2J' is not an IATA airport code or a UN/LOCODE");
}

/* ---- the fit of a booking ---------------------------------------------- */

/* One movement PZU-CAI (3 seats, no special places, escort_seats escort
 * seats), the case kept on it (2 persons, office SD-PZU) and the case added. */
struct fit {
	struct cor_plan_leg leg;
	struct cor_plan_movement m;
	struct cor_plan_case c[2];
	struct cor_plan_quota q;
	struct cor_plan_input in;
	struct cor_error e;
};

static void fit_init(struct fit *f, int escort_seats)
{
	memset(f, 0, sizeof(*f));
	f->leg = (struct cor_plan_leg){.from = "PZU",
				       .to = "CAI",
				       .from_country = "SDN",
				       .to_country = "EGY",
				       .departs = 1000000,
				       .arrives = 1007200,
				       .cap = {3, 0, 0, 0}};
	f->m = (struct cor_plan_movement){.ref = "SD-PZU-MV-2026-0001",
					  .label = "MS 801",
					  .escort_seats = escort_seats,
					  .nlegs = 1,
					  .legs = &f->leg};
	for (int i = 0; i < 2; i++)
		f->c[i] = (struct cor_plan_case){.office = "SD-PZU",
						 .origin = "SDN",
						 .destination = "EGY",
						 .need = {1, 0, 0, 0},
						 .valid_until = INT64_MAX,
						 .fixed = i == 0 ? 0 : -1};
	snprintf(f->c[0].ref, sizeof(f->c[0].ref), "SD-PZU-2026-000001");
	snprintf(f->c[1].ref, sizeof(f->c[1].ref), "SD-PZU-2026-000004");
	f->c[0].need[COR_RES_SEATS] = 2;
	f->in = (struct cor_plan_input){
		.cases = f->c, .ncases = 2, .movements = &f->m, .nmovements = 1};
	f->in.cfg.escort_ratio = 3;
}

/* The load already on a movement: only the cases fixed to it count (the
 * second, fixed to no movement, does not), and every broken constraint is a
 * cause under the movement's headline. */
static void test_load_fit(void **state)
{
	(void)state;
	struct fit f;
	fit_init(&f, 0);
	f.c[1].need[COR_RES_SEATS] = 5; /* not on it: never counted */
	assert_int_equal(cor_movement_load_fit(&f.in, &f.e), 0);
	assert_int_equal(f.e.code, COR_CODE_OK);

	/* The family of two on it now needs a stretcher and a medical escort. */
	f.c[0].need[COR_RES_STRETCHERS] = 1;
	f.c[0].medical = 1;
	assert_int_equal(cor_movement_load_fit(&f.in, &f.e), COR_EINVAL);
	assert_int_equal(f.e.code, COR_CODE_CAPACITY);
	assert_string_equal(f.e.message, "the travellers booked on movement "
					 "'SD-PZU-MV-2026-0001' (MS 801) do not fit it");
	assert_int_equal(f.e.ncauses, 2);
	assert_string_equal(
		f.e.causes[0].message,
		"'SD-PZU-MV-2026-0001' carries 1 medical traveller, who needs 1 medical "
		"escort (1 per 3), and has 0 escort seats free");
	assert_string_equal(f.e.causes[1].message,
			    "leg PZU-CAI of 'SD-PZU-MV-2026-0001' has 0 stretcher positions for 1");

	/* With an escort seat, the escort takes the third seat: it fits but for
	 * the stretcher. */
	f.m.escort_seats = 1;
	assert_int_equal(cor_movement_load_fit(&f.in, &f.e), COR_EINVAL);
	assert_int_equal(f.e.ncauses, 1);
	f.leg.cap[COR_RES_STRETCHERS] = 1;
	assert_int_equal(cor_movement_load_fit(&f.in, &f.e), 0);
}

static void test_fit(void **state)
{
	(void)state;
	struct fit f;
	int b, a;
	fit_init(&f, 2);
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), 0);
	assert_int_equal(f.e.code, COR_CODE_OK);
	assert_int_equal(cor_booking_journey(&f.c[1], &f.m, &b, &a), 0);
	assert_int_equal(b, 0);
	assert_int_equal(a, 0);

	/* On a stretcher with a medical escort, and no escort seat: the
	 * stretcher place, the escort seat and the seat the escort would take,
	 * each its own cause. */
	fit_init(&f, 0);
	f.c[1].need[COR_RES_STRETCHERS] = 1;
	f.c[1].medical = 1;
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_int_equal(f.e.code, COR_CODE_CAPACITY);
	assert_string_equal(f.e.field, "movement");
	assert_string_equal(f.e.message,
			    "case 'SD-PZU-2026-000004' cannot go on movement 'SD-PZU-MV-2026-0001' "
			    "(MS 801)");
	assert_int_equal(f.e.ncauses, 3);
	assert_string_equal(f.e.causes[0].field, "escort_seats");
	assert_string_equal(
		f.e.causes[0].message,
		"'SD-PZU-MV-2026-0001' carries 1 medical traveller, who needs 1 medical "
		"escort (1 per 3), and has 0 escort seats free");
	assert_string_equal(f.e.causes[1].message,
			    "leg PZU-CAI of 'SD-PZU-MV-2026-0001' has 3 seats for 4");
	assert_string_equal(f.e.causes[2].message,
			    "leg PZU-CAI of 'SD-PZU-MV-2026-0001' has 0 stretcher positions for 1");
	for (int i = 0; i < 3; i++)
		assert_int_equal(f.e.causes[i].code, COR_CODE_CAPACITY);

	/* A named medical escort covers the medical traveller: only the
	 * stretcher is missing. */
	fit_init(&f, 0);
	f.c[1].need[COR_RES_STRETCHERS] = 1;
	f.c[1].medical = 1;
	f.m.escorts_named = 1;
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_int_equal(f.e.ncauses, 1);
	assert_string_equal(f.e.causes[0].message,
			    "leg PZU-CAI of 'SD-PZU-MV-2026-0001' has 0 stretcher positions for 1");

	/* A quota: the office's persons on the movement. */
	fit_init(&f, 2);
	f.q = (struct cor_plan_quota){.movement = 0, .office = "SD-PZU", .seats = 2};
	f.in.quotas = &f.q;
	f.in.nquotas = 1;
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_int_equal(f.e.ncauses, 1);
	assert_string_equal(f.e.causes[0].message,
			    "the SD-PZU quota of 2 seats on 'SD-PZU-MV-2026-0001' carries 3");

	/* The route, then the dates: refusals of their own. */
	fit_init(&f, 2);
	memcpy(f.c[1].destination, "ETH", 4);
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_int_equal(f.e.code, COR_CODE_REFUSED);
	assert_string_equal(f.e.field, "movement");
	assert_string_equal(f.e.message, "movement 'SD-PZU-MV-2026-0001' (MS 801) does not go "
					 "from SDN to ETH");
	assert_int_equal(cor_booking_journey(&f.c[1], &f.m, &b, &a), COR_EINVAL);
	fit_init(&f, 2);
	f.c[1].valid_until = 999999;
	snprintf(f.c[1].valid_why, sizeof(f.c[1].valid_why),
		 "the fitness to travel of SD-PZU-2026-000004-01 ends 1970-01-12 13:46 UTC");
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_int_equal(f.e.code, COR_CODE_REFUSED);
	assert_string_equal(f.e.field, "case");
	assert_string_equal(f.e.message,
			    "case 'SD-PZU-2026-000004' cannot board movement 'SD-PZU-MV-2026-0001' "
			    "(MS 801) at 1970-01-12T13:46Z: the fitness to travel of "
			    "SD-PZU-2026-000004-01 ends 1970-01-12 13:46 UTC");
	fit_init(&f, 2);
	f.c[1].available_from = 1036800;
	assert_int_equal(cor_booking_fit(&f.in, 1, &f.e), COR_EINVAL);
	assert_string_equal(f.e.message,
			    "case 'SD-PZU-2026-000004' is available to travel from 1970-01-13; "
			    "movement 'SD-PZU-MV-2026-0001' (MS 801) departs 1970-01-12T13:46Z");
}

/* A named escort travels as a traveller would: an adult, born from 1900,
 * a passport valid on the travel day. */
static void test_escort_travel(void **state)
{
	(void)state;
	struct cor_refusal why;
	struct cor_date day = {2026, 12, 8}, d1985 = {1985, 4, 4};
	assert_int_equal(cor_escort_travel_check(d1985, true, true, day, day, &why), 0);
	assert_int_equal(
		cor_escort_travel_check(d1985, false, false, (struct cor_date){0}, day, &why), 0);
	/* 18 on the day exactly, and a day short of it. */
	assert_int_equal(cor_escort_travel_check((struct cor_date){2008, 12, 8}, false, false, day,
						 day, &why),
			 0);
	assert_int_equal(cor_escort_travel_check((struct cor_date){2008, 12, 9}, false, false, day,
						 day, &why),
			 COR_EINVAL);
	assert_string_equal(why.field, "birth_date");
	assert_string_equal(why.msg, "an escort is an adult: born 2008-12-09, 17 years old on the "
				     "travel date 2026-12-08, not 18");
	assert_int_equal(cor_escort_travel_check((struct cor_date){1899, 12, 31}, false, false, day,
						 day, &why),
			 COR_EINVAL);
	assert_string_equal(why.msg,
			    "an escort's birth date 1899-12-31 is not from 1900 to the travel date "
			    "2026-12-08");
	/* The passport expires the day before: refused; without an expiry, or
	 * with no passport, the date is not looked at. */
	assert_int_equal(cor_escort_travel_check(d1985, true, true, (struct cor_date){2026, 12, 7},
						 day, &why),
			 COR_EINVAL);
	assert_string_equal(why.field, "expires_on");
	assert_string_equal(why.msg,
			    "the escort's passport expires on 2026-12-07, before the travel "
			    "date 2026-12-08");
	assert_int_equal(cor_escort_travel_check(d1985, true, false, (struct cor_date){2026, 12, 7},
						 day, &why),
			 0);
	assert_int_equal(cor_escort_travel_check(d1985, false, true, (struct cor_date){2026, 12, 7},
						 day, &why),
			 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),         cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_codes),         cmocka_unit_test(test_validate),
		cmocka_unit_test(test_times),         cmocka_unit_test(test_leg_parse),
		cmocka_unit_test(test_fit),           cmocka_unit_test(test_load_fit),
		cmocka_unit_test(test_escort_travel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

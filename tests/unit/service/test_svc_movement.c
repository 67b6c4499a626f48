// SPDX-License-Identifier: Apache-2.0
// The operations of places, movements, bookings, the planner and manifests
// driven through cor_svc_*, with an injected clock, on database files under
// $COR_TEST_TMP: the exact code, field and message of each refusal (every
// cause of a refused booking), that a refused operation changes nothing (a
// digest of the tables read through a connection of our own), stand-bys
// promoted after a no-show, and plan.run planning as of the context's clock
// and writing its bookings in the same operation. The records of places,
// movements, quotas, escorts, stand-bys and the planner's movements are
// written and read on SQLite and, with $COR_TEST_PG, on PostgreSQL (a fresh
// database), with the same transcript expected of both.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/import.h"
#include "store/store_plan.h"
#include "unit/store/pgtest.h"
#include "service/departure.h"
#include "service/manifest.h"
#include "service/movement.h"
#include "service/plan.h"
#include "service/rules.h"
#include "store/store_health.h"
#include "util/error.h"
#include "util/tz.h"

#define NOW "2026-12-01T08:00:00Z"
#define C1  "SD-PZU-2026-000001" /* two persons, emergency */
#define C2  "SD-PZU-2026-000002"
#define C3  "SD-PZU-2026-000003"
#define C4  "SD-PZU-2026-000004" /* on a stretcher, with a medical escort */
#define C5  "SD-PZU-2026-000005" /* to Ethiopia */

struct fx {
	char path[512];
	struct cor_store *st;
	struct cor_ctx cx;
};

static const char *const ext[] = {"", "-wal", "-shm", "-journal"};

/* A new database with the cases of tests/cli/data/mv-day.csv, fit to
 * travel (C4 on a stretcher with a medical escort), the store's clock and
 * the context's at NOW. */
static void setup(struct fx *f, const char *name)
{
	const char *dir = getenv("COR_TEST_TMP"), *src = getenv("COR_SOURCE");
	char msg[512], csv[600];
	memset(f, 0, sizeof(*f));
	snprintf(f->path, sizeof(f->path), "%s/test_svc_movement-%s.db", dir && *dir ? dir : "/tmp",
		 name);
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char p[600];
		snprintf(p, sizeof(p), "%s%s", f->path, ext[i]);
		unlink(p);
	}
	if (cor_store_open(f->path, COR_STORE_CREATE, &f->st, msg, sizeof(msg)) < 0)
		fail_msg("%s", msg);
	cor_store_set_now(f->st, NOW);
	snprintf(csv, sizeof(csv), "%s/tests/cli/data/mv-day.csv", src ? src : ".");
	struct cor_import_opts o = {.path = csv, .actor = "tester", .today = {2026, 12, 1}};
	struct cor_import_result r;
	if (cor_import_persons(f->st, &o, &r, NULL, NULL, msg, sizeof(msg)) < 0)
		fail_msg("import: %s", msg);
	cor_import_result_release(&r);
	static const char *const fit[] = {C1 "-01", C1 "-02", C2 "-01", C3 "-01", C5 "-01", NULL};
	int64_t at;
	cor_time_parse_utc("2026-12-01T07:00Z", &at);
	for (int i = 0; fit[i] || i == 5; i++) {
		struct cor_person_found who;
		struct cor_health_check h = {.kind = COR_HEALTH_FITNESS, .at = at};
		const char *ref = fit[i] ? fit[i] : C4 "-01";
		h.outcome = fit[i] ? COR_HEALTH_FIT : COR_HEALTH_FIT_WITH_CONDITIONS;
		if (!fit[i])
			h.conditions = COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER) |
				       COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT);
		assert_int_equal(cor_store_person_find(f->st, ref, &who), 0);
		if (cor_store_health_add(f->st, &who, &h, "medic", NULL) < 0)
			fail_msg("fitness of %s: %s", ref, cor_store_errmsg(f->st));
		if (!fit[i])
			break;
	}
	assert_int_equal(cor_ctx_init(&f->cx, f->st, "tester", NOW), 0);
}

static void teardown(struct fx *f)
{
	cor_store_close(f->st);
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char p[600];
		snprintf(p, sizeof(p), "%s%s", f->path, ext[i]);
		unlink(p);
	}
}

/* Every row of the tables an operation of this area writes, read through a
 * connection of our own: equal digests, nothing changed. */
static char *digest(const struct fx *f)
{
	static const char sql[] =
		"SELECT (SELECT group_concat(ref || state, ',') FROM cases)"
		" || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM event)"
		" || '|' || (SELECT coalesce(group_concat(case_id || status || movement_id, ','), "
		"'')"
		"            FROM booking)"
		" || '|' || (SELECT group_concat(ref || state, ',') FROM movement)"
		" || '|' || (SELECT count(*) FROM movement_escort)"
		" || '|' || (SELECT count(*) FROM movement_quota)"
		" || '|' || (SELECT count(*) FROM place)";
	sqlite3 *db;
	sqlite3_stmt *s;
	char *out = NULL;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(s, 0);
	out = strdup(t ? t : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

/* An open charter PZU-CAI the next day with seats, stretchers and escort
 * seats; its reference in ref. */
static void add_movement(struct fx *f, const char *label, int seats, int stretchers,
			 int escort_seats, char *ref)
{
	struct cor_movement m = {.kind = COR_MOVEMENT_CHARTER,
				 .office = "SD-PZU",
				 .state = COR_MSTATE_OPEN,
				 .escort_seats = escort_seats,
				 .nlegs = 1};
	snprintf(m.label, sizeof(m.label), "%s", label);
	m.legs[0] = (struct cor_leg){
		.from = "PZU", .to = "CAI", .seats = seats, .stretchers = stretchers};
	snprintf(m.legs[0].number, sizeof(m.legs[0].number), "%s", "MS801");
	cor_time_parse_utc("2026-12-02T07:00Z", &m.legs[0].departs);
	m.legs[0].arrives = m.legs[0].departs + 7200;
	if (cor_svc_movement_add(&f->cx, &m) < 0)
		fail_msg("movement.add: %s", f->cx.err.message);
	strcpy(ref, m.ref);
}

/* op failed with code, field and message, and changed nothing. */
#define REFUSED(f, call, want_code, want_field, want_message)                                      \
	do {                                                                                       \
		char *before_ = digest(f);                                                         \
		assert_true((call) < 0);                                                           \
		assert_string_equal(cor_code_name((f)->cx.err.code), cor_code_name(want_code));    \
		assert_string_equal((f)->cx.err.field, want_field);                                \
		assert_string_equal((f)->cx.err.message, want_message);                            \
		char *after_ = digest(f);                                                          \
		assert_string_equal(before_, after_);                                              \
		free(before_);                                                                     \
		free(after_);                                                                      \
	} while (0)

static void test_places(void **state)
{
	(void)state;
	struct fx f;
	setup(&f, "places");
	struct cor_place p = {.code = "ATR",
			      .kind = COR_PLACE_AIRPORT,
			      .country = "XYZ",
			      .tz = "Africa/Nouakchott",
			      .name = "Atar"};
	REFUSED(&f, cor_svc_place_add(&f.cx, &p), COR_CODE_INVALID, "country",
		"'XYZ' is not an ISO 3166-1 alpha-3 code");
	strcpy(p.country, "MRT");
	strcpy(p.tz, "Africa/Atlantis");
	REFUSED(&f, cor_svc_place_add(&f.cx, &p), COR_CODE_INVALID, "tz",
		"'Africa/Atlantis' is not a time zone this system knows (e.g. Africa/Tripoli)");
	strcpy(p.tz, "Africa/Nouakchott");
	assert_int_equal(cor_svc_place_add(&f.cx, &p), 0);
	REFUSED(&f, cor_svc_place_add(&f.cx, &p), COR_CODE_EXISTS, "code",
		"place 'ATR' already exists");
	teardown(&f);
}

static void test_movement_add_and_state(void **state)
{
	(void)state;
	struct fx f;
	char m1[32];
	struct cor_movement_change ch;
	setup(&f, "state");
	struct cor_movement m = {
		.kind = COR_MOVEMENT_CHARTER, .office = "SD-PZU", .label = "MS 801", .nlegs = 1};
	m.legs[0] = (struct cor_leg){.from = "PZU", .to = "XYZ", .number = "MS801", .seats = 3};
	cor_time_parse_utc("2026-12-02T07:00Z", &m.legs[0].departs);
	m.legs[0].arrives = m.legs[0].departs + 7200;
	REFUSED(&f, cor_svc_movement_add(&f.cx, &m), COR_CODE_PLACE_NOT_FOUND, "legs",
		"leg 1: no place 'XYZ'");
	strcpy(m.legs[0].to, "CAI");
	strcpy(m.office, "XX-YYY");
	REFUSED(&f, cor_svc_movement_add(&f.cx, &m), COR_CODE_OFFICE_NOT_FOUND, "office",
		"no office 'XX-YYY'");
	add_movement(&f, "MS 801", 3, 0, 2, m1);
	assert_string_equal(m1, "SD-PZU-MV-2026-0001");

	struct cor_svc_movement_state_in in = {m1, COR_MSTATE_DEPARTED, false, NULL};
	REFUSED(&f, cor_svc_movement_set_state(&f.cx, &in, &ch), COR_CODE_WRONG_STATE, "movement",
		"movement 'SD-PZU-MV-2026-0001' is 'open'; it cannot go to 'departed' (next: "
		"closed, cancelled)");
	in.to = COR_MSTATE_CANCELLED;
	REFUSED(&f, cor_svc_movement_set_state(&f.cx, &in, &ch), COR_CODE_REASON_REQUIRED, "reason",
		"movement 'SD-PZU-MV-2026-0001': going from open to cancelled needs a reason");
	in.to = COR_MSTATE_OPEN;
	in.reopen = true;
	REFUSED(&f, cor_svc_movement_set_state(&f.cx, &in, &ch), COR_CODE_WRONG_STATE, "movement",
		"movement 'SD-PZU-MV-2026-0001' is 'open': reopening takes a closed manifest back "
		"to open");
	in.ref = "SD-PZU-MV-2026-0099";
	REFUSED(&f, cor_svc_movement_set_state(&f.cx, &in, &ch), COR_CODE_MOVEMENT_NOT_FOUND,
		"movement", "no movement 'SD-PZU-MV-2026-0099'");

	struct cor_svc_movement_show_out out;
	REFUSED(&f, cor_svc_movement_show(&f.cx, "SD-PZU-MV-2026-0099", &out),
		COR_CODE_MOVEMENT_NOT_FOUND, "movement", "no movement 'SD-PZU-MV-2026-0099'");
	assert_int_equal(cor_svc_movement_show(&f.cx, m1, &out), 0);
	json_t *leg = json_array_get(json_object_get(out.doc, "legs"), 0);
	assert_string_equal(json_string_value(json_object_get(leg, "departs")),
			    "2026-12-02T07:00Z");
	assert_string_equal(json_string_value(json_object_get(leg, "departs_local")),
			    "2026-12-02 09:00 +02:00");
	assert_true(json_is_null(json_object_get(out.doc, "carrier")));
	json_t *h = json_array_get(json_object_get(out.doc, "history"), 0);
	assert_string_equal(json_string_value(json_object_get(h, "at")), NOW);
	json_decref(out.doc);
	teardown(&f);
}

static void test_booking_causes(void **state)
{
	(void)state;
	struct fx f;
	char m1[32], m4[32];
	struct cor_svc_booking_out out;
	setup(&f, "causes");
	add_movement(&f, "MS 801", 3, 0, 2, m1);
	add_movement(&f, "MS 804", 9, 0, 0, m4);
	/* No stretcher place and no escort seat: both, each a cause. */
	struct cor_svc_booking_in in = {m4, C4, COR_BOOKING_BOOKED, NULL};
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_CAPACITY, "movement",
		"case 'SD-PZU-2026-000004' cannot go on movement 'SD-PZU-MV-2026-0002' (MS 804)");
	assert_int_equal(f.cx.err.ncauses, 2);
	assert_string_equal(f.cx.err.causes[0].field, "escort_seats");
	assert_string_equal(f.cx.err.causes[0].message,
			    "'SD-PZU-MV-2026-0002' carries 1 medical traveller, who needs 1 "
			    "medical escort (1 per 3), and has 0 escort seats free");
	assert_string_equal(f.cx.err.causes[1].message,
			    "leg PZU-CAI of 'SD-PZU-MV-2026-0002' has 0 stretcher positions for 1");
	/* The route; a case that is not travel-ready; no such case. */
	in = (struct cor_svc_booking_in){m1, C5, COR_BOOKING_BOOKED, NULL};
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_REFUSED, "movement",
		"movement 'SD-PZU-MV-2026-0001' (MS 801) does not go from SDN to ETH");
	in.case_ref = "SD-PZU-2026-000006";
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_WRONG_STATE, "case",
		"case 'SD-PZU-2026-000006' is 'eligible', not travel_ready");
	/* Travel-ready, but found unfit since: not eligible today, and why. */
	struct cor_person_found who;
	struct cor_health_check h = {.kind = COR_HEALTH_FITNESS, .outcome = COR_HEALTH_UNFIT};
	cor_time_parse_utc("2026-12-01T07:30Z", &h.at);
	assert_int_equal(cor_store_person_find(f.st, C3 "-01", &who), 0);
	assert_int_equal(cor_store_health_add(f.st, &who, &h, "medic", NULL), 0);
	in.case_ref = C3;
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_NOT_ELIGIBLE, "case",
		"case 'SD-PZU-2026-000003' is not eligible today: UNFIT");
	in.case_ref = "SD-PZU-2026-000099";
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_CASE_NOT_FOUND, "case",
		"no case 'SD-PZU-2026-000099'");
	/* A quota of one seat for a family of two. */
	struct cor_svc_quota_in q = {m1, "SD-PZU", 1};
	assert_int_equal(cor_svc_movement_quota(&f.cx, &q), 0);
	in.case_ref = C1;
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_CAPACITY, "movement",
		"case 'SD-PZU-2026-000001' cannot go on movement 'SD-PZU-MV-2026-0001' (MS 801)");
	assert_int_equal(f.cx.err.ncauses, 1);
	assert_string_equal(f.cx.err.causes[0].message,
			    "the SD-PZU quota of 1 seats on 'SD-PZU-MV-2026-0001' carries 2");
	q.seats = -1;
	assert_int_equal(cor_svc_movement_quota(&f.cx, &q), 0);
	q.office = "XX-YYY";
	REFUSED(&f, cor_svc_movement_quota(&f.cx, &q), COR_CODE_OFFICE_NOT_FOUND, "office",
		"no office 'XX-YYY'");
	assert_int_equal(cor_svc_booking_add(&f.cx, &in, &out), 0);
	assert_string_equal(out.board, "PZU");
	assert_string_equal(out.alight, "CAI");
	/* Full: 2 of 3 seats taken; C1 again is booked. */
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_WRONG_STATE, "case",
		"case 'SD-PZU-2026-000001' is 'booked', not travel_ready");
	teardown(&f);
}

static void set_window(struct fx *f, const char *text)
{
	struct cor_svc_rules_set_in in = {text, strlen(text), "rules.conf"};
	struct cor_svc_rules_set_out out;
	if (cor_svc_rules_set(&f->cx, &in, &out) < 0)
		fail_msg("rules.set: %s", f->cx.err.message);
}

/* The pre-departure check evaluates each booked traveller at the minute
 * their leg departs, under the rules in force now: a fitness check 24 hours
 * before departure passes a window of 24 hours and fails one of 23, which
 * blocks closing (every blocker a cause, nothing changed) until it passes. */
static void test_departure_check(void **state)
{
	(void)state;
	struct fx f;
	char m1[32];
	struct cor_departure d;
	struct cor_svc_booking_out bo;
	struct cor_movement_change ch;
	setup(&f, "departure");
	add_movement(&f, "MS 801", 3, 0, 2, m1);
	struct cor_svc_booking_in b = {m1, C1, COR_BOOKING_BOOKED, NULL};
	assert_int_equal(cor_svc_booking_add(&f.cx, &b, &bo), 0);

	set_window(&f, "HEV.fitness_window_hours = 24\n");
	assert_int_equal(cor_svc_movement_check(&f.cx, m1, &d), 0);
	assert_int_equal(d.cases, 1);
	assert_int_equal(d.travellers, 2);
	assert_int_equal((int)d.n, 0);
	cor_departure_release(&d);

	set_window(&f, "HEV.fitness_window_hours = 23\n");
	assert_int_equal(cor_svc_movement_check(&f.cx, m1, &d), 0);
	assert_int_equal((int)d.n, 2);
	for (size_t i = 0; i < d.n; i++) {
		assert_string_equal(d.blockers[i].case_ref, C1);
		assert_string_equal(d.blockers[i].who, i ? C1 "-02" : C1 "-01");
		assert_string_equal(d.blockers[i].criterion, "FITNESS");
		assert_string_equal(d.blockers[i].code, "FITNESS_EXPIRED");
		assert_non_null(strstr(d.blockers[i].message, "24 hours before departure"));
	}
	json_t *j = cor_departure_json(&d);
	assert_false(json_is_true(json_object_get(j, "clear")));
	assert_int_equal(json_array_size(json_object_get(j, "blockers")), 2);
	json_decref(j);
	cor_departure_release(&d);

	struct cor_svc_movement_state_in in = {m1, COR_MSTATE_CLOSED, false, NULL};
	REFUSED(&f, cor_svc_movement_set_state(&f.cx, &in, &ch), COR_CODE_DEPARTURE_BLOCKED,
		"movement",
		"movement 'SD-PZU-MV-2026-0001' (MS 801) cannot close: the pre-departure check "
		"finds 2 blockers; resolve each, or take the case off the movement");
	assert_int_equal(f.cx.err.ncauses, 2);
	assert_string_equal(f.cx.err.causes[0].field, C1 "-01");
	assert_string_equal(cor_code_name(f.cx.err.causes[1].code), "DEPARTURE_BLOCKED");

	set_window(&f, "HEV.fitness_window_hours = 24\n");
	assert_int_equal(cor_svc_movement_set_state(&f.cx, &in, &ch), 0);
	teardown(&f);
}

static void test_no_show(void **state)
{
	(void)state;
	struct fx f;
	char m1[32];
	struct cor_svc_booking_out out;
	setup(&f, "noshow");
	add_movement(&f, "MS 801", 3, 0, 2, m1);
	struct cor_svc_booking_in in = {m1, C1, COR_BOOKING_BOOKED, NULL};
	assert_int_equal(cor_svc_booking_add(&f.cx, &in, &out), 0);
	in.case_ref = C2;
	assert_int_equal(cor_svc_booking_add(&f.cx, &in, &out), 0);
	in.case_ref = C3;
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_CAPACITY, "movement",
		"case 'SD-PZU-2026-000003' cannot go on movement 'SD-PZU-MV-2026-0001' (MS 801)");
	in.status = COR_BOOKING_STANDBY;
	assert_int_equal(cor_svc_booking_add(&f.cx, &in, &out), 0);
	REFUSED(&f, cor_svc_booking_add(&f.cx, &in, &out), COR_CODE_EXISTS, "case",
		"case 'SD-PZU-2026-000003' already holds a booking or a stand-by");

	struct cor_svc_booking_in ns = {m1, C1, COR_BOOKING_NO_SHOW, NULL};
	REFUSED(&f, cor_svc_booking_no_show(&f.cx, &ns, &out), COR_CODE_REASON_REQUIRED, "reason",
		"a no-show needs a reason");
	ns.reason = "did not report";
	assert_int_equal(cor_svc_booking_no_show(&f.cx, &ns, &out), 0);
	assert_int_equal(out.promoted, 1);
	REFUSED(&f, cor_svc_booking_no_show(&f.cx, &ns, &out), COR_CODE_BOOKING_NOT_FOUND, "case",
		"case 'SD-PZU-2026-000001' holds no booking on 'SD-PZU-MV-2026-0001'");
	struct cor_svc_booking_in un = {m1, C1, COR_BOOKING_CANCELLED, "again"};
	REFUSED(&f, cor_svc_booking_cancel(&f.cx, &un), COR_CODE_BOOKING_NOT_FOUND, "case",
		"case 'SD-PZU-2026-000001' is 'no_show' and has no booking on "
		"'SD-PZU-MV-2026-0001'");
	un.case_ref = C3;
	assert_int_equal(cor_svc_booking_cancel(&f.cx, &un), 0);

	/* Escorts: the two escort seats, then none. */
	struct cor_svc_escort_in e = {.ref = m1,
				      .e = {.family_name = "SMITH",
					    .sex = 'M',
					    .birth_date = {1975, 4, 4},
					    .nationality = "GBR"}};
	assert_int_equal(cor_svc_movement_escort_add(&f.cx, &e), 0);
	e.e.sex = 'Q';
	REFUSED(&f, cor_svc_movement_escort_add(&f.cx, &e), COR_CODE_INVALID, "sex",
		"sex is F, M or X");
	e.e.sex = 'F';
	/* A person is named once. */
	REFUSED(&f, cor_svc_movement_escort_add(&f.cx, &e), COR_CODE_EXISTS, "escort",
		"SMITH is named already as escort 1 of movement 'SD-PZU-MV-2026-0001'");
	snprintf(e.e.family_name, sizeof(e.e.family_name), "JONES");
	assert_int_equal(cor_svc_movement_escort_add(&f.cx, &e), 0);
	snprintf(e.e.family_name, sizeof(e.e.family_name), "BROWN");
	REFUSED(&f, cor_svc_movement_escort_add(&f.cx, &e), COR_CODE_CAPACITY, "escort_seats",
		"movement 'SD-PZU-MV-2026-0001' has 2 escort seats, all named");
	teardown(&f);
}

static void test_plan_run(void **state)
{
	(void)state;
	struct fx f;
	char m1[32];
	struct cor_svc_plan_out out;
	setup(&f, "plan");
	add_movement(&f, "MS 801", 3, 0, 2, m1);
	struct cor_svc_plan_in in = {.dry_run = true};
	in.horizon_days = 400;
	REFUSED(&f, cor_svc_plan_run(&f.cx, &in, &out), COR_CODE_BAD_PARAMETER, "horizon_days",
		"the horizon is 1 to 366 days, not 400");
	cor_svc_plan_release(&out);
	in.horizon_days = 0;
	/* A dry run plans as of the context's clock and writes nothing. */
	char *before = digest(&f);
	assert_int_equal(cor_svc_plan_run(&f.cx, &in, &out), 0);
	char t[18];
	assert_string_equal(cor_time_format_utc(out.now, t), "2026-12-01T08:00Z");
	assert_int_equal(out.horizon_days, 14);
	assert_int_equal(out.res.cases, 2);
	assert_int_equal(out.res.persons, 3);
	json_t *doc = cor_svc_plan_json(&out);
	assert_non_null(doc);
	assert_true(json_is_null(json_object_get(doc, "written")));
	json_t *mv = json_array_get(json_object_get(doc, "movements"), 0);
	assert_string_equal(json_string_value(json_object_get(mv, "ref")), m1);
	assert_int_equal(json_integer_value(json_object_get(mv, "persons")), 3);
	json_decref(doc);
	cor_svc_plan_release(&out);
	char *after = digest(&f);
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* An explicit time: after the movement departs, nothing to plan on. */
	cor_time_parse_utc("2026-12-03T00:00Z", &in.now);
	assert_int_equal(cor_svc_plan_run(&f.cx, &in, &out), 0);
	assert_int_equal(out.load.in.nmovements, 0);
	cor_svc_plan_release(&out);
	/* Written in the same operation. */
	in = (struct cor_svc_plan_in){0};
	assert_int_equal(cor_svc_plan_run(&f.cx, &in, &out), 0);
	assert_int_equal(out.done.booked, 2);
	cor_svc_plan_release(&out);
	struct cor_svc_movement_show_out show;
	assert_int_equal(cor_svc_movement_show(&f.cx, m1, &show), 0);
	assert_int_equal(json_array_size(json_object_get(show.doc, "bookings")), 2);
	json_decref(show.doc);

	/* The manifest of what was written, dated with the context's clock. */
	struct cor_manifest man;
	struct cor_svc_manifest_in mi = {m1, 2, NULL};
	REFUSED(&f, cor_svc_manifest_build(&f.cx, &mi, &man), COR_CODE_NOT_FOUND, "leg",
		"movement 'SD-PZU-MV-2026-0001' has 1 leg, not a leg 2");
	mi.leg = 1;
	assert_int_equal(cor_svc_manifest_build(&f.cx, &mi, &man), 0);
	assert_int_equal(man.npax, 3);
	assert_string_equal(man.generated_at, NOW);
	cor_svc_manifest_release(&man);
	teardown(&f);
}

/* ---- the same records on both backends ---------------------------------- */

struct tx {
	char *buf;
	size_t len, cap;
};

static void say(struct tx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct tx *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (t->len + (size_t)n + 2 > t->cap) {
		t->cap = (t->len + (size_t)n + 2) * 2;
		t->buf = realloc(t->buf, t->cap);
		assert_non_null(t->buf);
	}
	va_start(ap, fmt);
	vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
	t->buf[t->len++] = '\n';
	t->buf[t->len] = '\0';
}

/* The outcome of an operation: ok, or its code, field and message. */
static void outcome(struct tx *t, struct cor_ctx *cx, const char *what, int rc)
{
	if (rc == 0)
		say(t, "%s: ok", what);
	else
		say(t, "%s: %s %s %s", what, cor_code_name(cx->err.code), cx->err.field,
		    cx->err.message);
	cor_error_clear(&cx->err);
}

static int row_line(const struct cor_svc_movement_row *r, void *ctx)
{
	json_t *j = cor_svc_movement_row_json(r);
	char *d = json_dumps(j, JSON_SORT_KEYS);
	say(ctx, "row %s", d);
	free(d);
	json_decref(j);
	return 0;
}

static int booking_line(const struct cor_booking *b, void *ctx)
{
	say(ctx, "booking %s %s %s %s %s %d %s", b->case_ref, cor_booking_status_name(b->status),
	    b->board, b->alight, b->seat_group, b->persons, b->at);
	return 0;
}

/* Places, movements, quotas, escorts, states and stand-bys on the store at
 * target (new), as a transcript. */
static char *records_transcript(const char *target)
{
	const char *src = getenv("COR_SOURCE");
	char msg[512], csv[600], m1[32], m2[32];
	struct cor_store *st;
	struct cor_ctx cx;
	struct tx t = {0};
	if (cor_store_open(target, COR_STORE_CREATE, &st, msg, sizeof(msg)) < 0)
		fail_msg("%s", msg);
	cor_store_set_now(st, NOW);
	snprintf(csv, sizeof(csv), "%s/tests/cli/data/mv-day.csv", src ? src : ".");
	struct cor_import_opts o = {.path = csv, .actor = "tester", .today = {2026, 12, 1}};
	struct cor_import_result ir;
	if (cor_import_persons(st, &o, &ir, NULL, NULL, msg, sizeof(msg)) < 0)
		fail_msg("import: %s", msg);
	cor_import_result_release(&ir);
	assert_int_equal(cor_ctx_init(&cx, st, "tester", NOW), 0);

	struct cor_place p = {.code = "ATR",
			      .kind = COR_PLACE_AIRPORT,
			      .country = "XYZ",
			      .tz = "Africa/Nouakchott",
			      .name = "Atar"};
	outcome(&t, &cx, "place bad country", cor_svc_place_add(&cx, &p));
	strcpy(p.country, "MRT");
	outcome(&t, &cx, "place", cor_svc_place_add(&cx, &p));
	outcome(&t, &cx, "place again", cor_svc_place_add(&cx, &p));

	struct cor_movement m = {.kind = COR_MOVEMENT_CHARTER,
				 .office = "SD-PZU",
				 .label = "MS 801",
				 .state = COR_MSTATE_OPEN,
				 .escort_seats = 2,
				 .nlegs = 2};
	m.legs[0] = (struct cor_leg){
		.from = "PZU", .to = "XYZ", .number = "MS801", .seats = 30, .stretchers = 1};
	cor_time_parse_utc("2026-12-02T07:00Z", &m.legs[0].departs);
	m.legs[0].arrives = m.legs[0].departs + 7200;
	m.legs[1] = (struct cor_leg){.from = "CAI", .to = "ADD", .number = "MS802", .seats = 20};
	m.legs[1].departs = m.legs[0].arrives + 3600;
	m.legs[1].arrives = m.legs[1].departs + 10800;
	outcome(&t, &cx, "movement bad leg", cor_svc_movement_add(&cx, &m));
	strcpy(m.legs[0].to, "CAI");
	outcome(&t, &cx, "movement", cor_svc_movement_add(&cx, &m));
	snprintf(m1, sizeof(m1), "%s", m.ref);
	m.state = COR_MSTATE_PLANNED;
	m.nlegs = 1;
	cor_time_parse_utc("2026-12-03T07:00Z", &m.legs[0].departs);
	m.legs[0].arrives = m.legs[0].departs + 7200;
	outcome(&t, &cx, "movement 2", cor_svc_movement_add(&cx, &m));
	snprintf(m2, sizeof(m2), "%s", m.ref);
	say(&t, "refs %s %s", m1, m2);

	struct cor_svc_quota_in qi = {.ref = m1, .office = "SD-PZU", .seats = 12};
	outcome(&t, &cx, "quota", cor_svc_movement_quota(&cx, &qi));
	qi.office = "XX-YYY";
	outcome(&t, &cx, "quota bad office", cor_svc_movement_quota(&cx, &qi));
	struct cor_svc_escort_in ei = {.ref = m1,
				       .e = {.family_name = "HASSAN",
					     .given_names = "AMNA",
					     .sex = 'F',
					     .birth_date = {1985, 3, 4},
					     .nationality = "SDN",
					     .passport = "P1234567",
					     .issuer = "SDN",
					     .expires_on = {2030, 1, 1},
					     .has_expiry = true,
					     .medical = true}};
	outcome(&t, &cx, "escort", cor_svc_movement_escort_add(&cx, &ei));
	ei.e.sex = 'Q';
	outcome(&t, &cx, "escort bad sex", cor_svc_movement_escort_add(&cx, &ei));

	/* A stand-by: records only (no case state changes with it). */
	say(&t, "standby %d",
	    cor_store_booking_put(st, m1, C2, COR_BOOKING_STANDBY, "PZU", "CAI", "tester",
				  "waiting"));
	say(&t, "standby again %d %s",
	    cor_store_booking_put(st, m1, C2, COR_BOOKING_STANDBY, "PZU", "CAI", "tester", ""),
	    cor_store_errmsg(st));
	if (cor_store_booking_each(st, m1, booking_line, &t) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	char(*refs)[32] = NULL;
	size_t n = 0;
	if (cor_store_booking_cases(st, m1, COR_BOOKING_STANDBY, &refs, &n) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	say(&t, "standbys %zu %s", n, n ? refs[0] : "");
	free(refs);
	say(&t, "cases of no movement %d %s",
	    cor_store_booking_cases(st, "SD-PZU-MV-2026-9999", COR_BOOKING_BOOKED, &refs, &n),
	    cor_store_errmsg(st));

	/* The planner's movements, legs, quotas and named escorts. */
	struct cor_plan_load l;
	struct cor_plan_query pq = {.horizon = 30 * 86400};
	cor_time_parse_utc(NOW, &pq.now);
	memset(&l, 0, sizeof(l));
	if (cor_store_plan_movements(st, &pq, &l) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	for (size_t i = 0; i < l.in.nmovements; i++) {
		const struct cor_plan_movement *pm = &l.movements[i];
		say(&t, "plan %s %s esc %d named %d/%d legs %d", pm->ref, pm->label,
		    pm->escort_seats, l.named[i], l.named_medical[i], pm->nlegs);
		for (int k = 0; k < pm->nlegs; k++)
			say(&t, "  leg %s %s %s %s %lld %lld %d %d", pm->legs[k].from,
			    pm->legs[k].to, pm->legs[k].from_country, pm->legs[k].to_country,
			    (long long)pm->legs[k].departs, (long long)pm->legs[k].arrives,
			    pm->legs[k].cap[COR_RES_SEATS], pm->legs[k].cap[COR_RES_STRETCHERS]);
	}
	for (size_t i = 0; i < l.in.nquotas; i++)
		say(&t, "quota %d %s %d", l.quotas[i].movement, l.quotas[i].office,
		    l.quotas[i].seats);
	struct cor_plan_held *held;
	if (cor_store_plan_held(st, &l, &held, &n) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	say(&t, "held %zu", n);
	free(held);
	/* A plan's booking records (the cases' moves are the service's): C3
	 * placed on the first movement, then held there. */
	int64_t c3;
	int placed[1] = {0};
	bool booked[1] = {false};
	struct cor_plan_places places[1] = {{"PZU", "CAI"}};
	struct cor_plan_result res = {.movement = placed};
	struct cor_plan_written w;
	if (cor_store_case_get(st, C3, &c3, NULL) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	struct cor_plan_load one = l;
	one.in.ncases = 1;
	one.case_ids = &c3;
	one.booked = booked;
	if (cor_store_plan_write(st, &one, &res, places, "tester", &w) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	say(&t, "written %d %d %d", w.booked, w.moved, w.unbooked);
	if (cor_store_plan_held(st, &l, &held, &n) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	say(&t, "held %zu %s", n, n && held[0].case_id == c3 ? "C3" : "?");
	free(held);
	if (cor_store_booking_each(st, m1, booking_line, &t) < 0)
		fail_msg("%s", cor_store_errmsg(st));
	cor_store_plan_release(&l);

	/* States: close (the stand-by released), reopen, cancel the other. C3,
	 * booked by the records above, is fit to travel the day before, so the
	 * pre-departure check lets the manifest close. */
	struct cor_person_found who;
	struct cor_health_check h = {.kind = COR_HEALTH_FITNESS, .outcome = COR_HEALTH_FIT};
	cor_time_parse_utc("2026-12-01T07:00Z", &h.at);
	if (cor_store_person_find(st, C3 "-01", &who) < 0 ||
	    cor_store_health_add(st, &who, &h, "medic", NULL) < 0)
		fail_msg("fitness of C3: %s", cor_store_errmsg(st));
	struct cor_movement_change ch;
	struct cor_svc_movement_state_in si = {.ref = m1, .to = COR_MSTATE_CLOSED};
	outcome(&t, &cx, "close", cor_svc_movement_set_state(&cx, &si, &ch));
	say(&t, "released %d", ch.released);
	si = (struct cor_svc_movement_state_in){.ref = m1, .to = COR_MSTATE_OPEN, .reopen = true};
	outcome(&t, &cx, "reopen no reason", cor_svc_movement_set_state(&cx, &si, &ch));
	si.reason = "a late seat";
	outcome(&t, &cx, "reopen", cor_svc_movement_set_state(&cx, &si, &ch));
	si = (struct cor_svc_movement_state_in){
		.ref = m2, .to = COR_MSTATE_CANCELLED, .reason = "aircraft grounded"};
	outcome(&t, &cx, "cancel", cor_svc_movement_set_state(&cx, &si, &ch));
	si.ref = "SD-PZU-MV-2026-9999";
	outcome(&t, &cx, "no movement", cor_svc_movement_set_state(&cx, &si, &ch));

	struct cor_svc_movement_list_in li = {.cb = row_line, .ctx = &t};
	outcome(&t, &cx, "list", cor_svc_movement_list(&cx, &li));
	li.q.state = "open";
	outcome(&t, &cx, "list open", cor_svc_movement_list(&cx, &li));
	struct cor_svc_movement_show_out so;
	outcome(&t, &cx, "show", cor_svc_movement_show(&cx, m1, &so));
	char *d = json_dumps(so.doc, JSON_SORT_KEYS);
	say(&t, "%s", d);
	free(d);
	json_decref(so.doc);
	cor_store_close(st);
	return t.buf;
}

static void test_records_both_backends(void **state)
{
	(void)state;
	const char *dir = getenv("COR_TEST_TMP");
	char path[512], uri[1024];
	snprintf(path, sizeof(path), "%s/test_svc_movement-records.db", dir && *dir ? dir : "/tmp");
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char p[600];
		snprintf(p, sizeof(p), "%s%s", path, ext[i]);
		unlink(p);
	}
	char *lite = records_transcript(path);
	assert_non_null(strstr(lite, "place again: EXISTS code place 'ATR' already exists"));
	assert_non_null(strstr(lite, "released 1"));
	assert_non_null(strstr(lite, "written 1 0 0\nheld 1 C3\n"));
	assert_non_null(strstr(lite, "booking " C3 " booked PZU CAI G002 1 "));
	if (!pgtest_uri()) {
		print_message("COR_TEST_PG is not set: the PostgreSQL half is skipped\n");
		free(lite);
		return;
	}
	if (pgtest_create("svc_movement_records", uri, sizeof(uri)) < 0)
		fail_msg("cannot create a PostgreSQL database");
	(void)pgtest_db_of;
	char *pg = records_transcript(uri);
	assert_string_equal(lite, pg);
	free(lite);
	free(pg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_movement_add_and_state),
		cmocka_unit_test(test_booking_causes),
		cmocka_unit_test(test_departure_check),
		cmocka_unit_test(test_no_show),
		cmocka_unit_test(test_plan_run),
		cmocka_unit_test(test_records_both_backends),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	if (pgtest_uri())
		pgtest_drop_all();
	return rc;
}

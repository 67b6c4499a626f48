// SPDX-License-Identifier: Apache-2.0
// Unit tests for the workflow and history stores. On SQLite files under
// $COR_TEST_TMP: the migration's tables and triggers, and the store's
// writes as the operations (service/workflow.h, which hold the rules)
// compose them: each accepted move appends its event, each refused one
// changes nothing (a digest of every table read through a connection of
// our own), counselling with an asylum wish (hold and referral in one
// transaction), referrals, protection risk assessments and clearances, the
// held-from state read from the history, units of work inside a caller's
// transaction, a fault that undoes its unit. A case enters 'booked' only
// through a booking on a movement (cor_store_booking_add), never by a move
// alone (NO_BOOKING). On every backend (PostgreSQL when COR_TEST_PG is
// set): the plain record writes and reads, their units, and the history
// records, with the same results.
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

#include "domain/lifecycle.h"
#include "service/workflow.h"
#include "store/store.h"
#include "store/store_health.h"
#include "store/store_history.h"
#include "store/store_movement.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "util/tz.h"
#include "unit/store/backends.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

#define VHR "LY-TIP-2026-000001"
#define RST "LB-BEY-2026-000001"
#define HEV "SD-PZU-2026-000001"

/* ---- helpers ----------------------------------------------------------- */

static char path[512];

static const char *db_path(const char *name)
{
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(path, sizeof(path), "%s/test_workflow-%s.db", dir && *dir ? dir : "/tmp", name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		unlink(f);
	}
	return path;
}

static struct cor_case mkcase(const char *ref, const char *prog, const char *office,
			      const char *origin, const char *dest, const char *state)
{
	struct cor_case c;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%s", office);
	snprintf(c.origin, sizeof(c.origin), "%s", origin);
	snprintf(c.destination, sizeof(c.destination), "%s", dest);
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = COR_PRIO_NORMAL;
	c.registered_on = (struct cor_date){2026, 1, 10};
	return c;
}

static int64_t add_case(struct cor_store *st, const char *ref, const char *prog, const char *office,
			const char *state, int persons)
{
	struct cor_case c = mkcase(ref, prog, office, "LBY", "NGA", state);
	int64_t id;
	if (cor_store_case_add(st, &c, &id) < 0)
		fail_msg("adding %s: %s", ref, cor_store_errmsg(st));
	for (int i = 1; i <= persons; i++) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		p.seq = i;
		p.relationship = i == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD;
		snprintf(p.family_name_latin, sizeof(p.family_name_latin), "OKAFOR");
		snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Person %d", i);
		snprintf(p.family_name, sizeof(p.family_name), "OKAFOR");
		snprintf(p.given_names, sizeof(p.given_names), "Person %d", i);
		p.sex = 'F';
		p.birth_date = (struct cor_date){1990 + i, 1, 1};
		snprintf(p.nationality, sizeof(p.nationality), "NGA");
		assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
	}
	return id;
}

/* A store with a VHR case of 2 persons, an RST case of 1 and an HEV case
 * of 1, all registered. */
static struct cor_store *open_with_cases(const char *name)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	if (cor_store_open(db_path(name), COR_STORE_CREATE, &st, msg, sizeof(msg)) < 0)
		fail_msg("cannot create: %s", msg);
	add_case(st, VHR, "VHR", "LY-TIP", "registered", 2);
	add_case(st, RST, "RST", "LB-BEY", "registered", 1);
	add_case(st, HEV, "HEV", "SD-PZU", "registered", 1);
	return st;
}

/* FNV-1a over every row of every table, read by a connection of our own:
 * what another process would see. */
static uint64_t digest(void)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *t = NULL;
	uint64_t h = 1469598103934665603ull;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name FROM sqlite_schema WHERE type = 'table'"
					    " ORDER BY name",
					    -1, &t, NULL),
			 SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		char sql[256];
		sqlite3_stmt *s = NULL;
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", sqlite3_column_text(t, 0));
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(s); i++) {
				const unsigned char *v = sqlite3_column_text(s, i);
				for (const unsigned char *c = v ? v : (const unsigned char *)"\1";
				     *c; c++)
					h = (h ^ *c) * 1099511628211ull;
				h = (h ^ 0xff) * 1099511628211ull;
			}
		sqlite3_finalize(s);
	}
	sqlite3_finalize(t);
	sqlite3_close(db);
	return h;
}

/* One integer from a query of our own. */
static long raw_int(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	long v = -12345;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Run SQL with a connection of our own (foreign keys on); the message. */
static int raw_exec(const char *sql, char *msg, size_t len)
{
	sqlite3 *db = NULL;
	char *err = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	snprintf(msg, len, "%s", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
	return rc;
}

static const char *state_of(struct cor_store *st, const char *ref)
{
	static struct cor_case c;
	assert_int_equal(cor_store_case_get(st, ref, NULL, &c), 0);
	return c.state;
}

/* The events of a case as "action|detail|reason|actor" lines. */
struct events {
	char lines[64][256];
	int n;
};

static int collect_event(const struct cor_event *e, void *ctx)
{
	struct events *ev = ctx;
	assert_true(ev->n < 64);
	assert_int_equal(strlen(e->at), 20);
	snprintf(ev->lines[ev->n++], sizeof(ev->lines[0]), "%s|%s|%s|%s", e->action, e->detail,
		 e->reason, e->actor);
	return 0;
}

static struct events *events_of(struct cor_store *st, const char *ref)
{
	static struct events ev;
	int64_t id;
	memset(&ev, 0, sizeof(ev));
	assert_int_equal(cor_store_case_get(st, ref, &id, NULL), 0);
	assert_int_equal(cor_store_case_events(st, id, collect_event, &ev), 0);
	return &ev;
}

/* The last n events of ref are exactly want[0..n-1]. */
static void expect_last_events(struct cor_store *st, const char *ref, const char *const *want,
			       int n)
{
	struct events *ev = events_of(st, ref);
	assert_true(ev->n >= n);
	for (int i = 0; i < n; i++)
		assert_string_equal(ev->lines[ev->n - n + i], want[i]);
}

/* The rules are the operations' (service/workflow.h): the moves, sessions
 * and assessments of these tests go through them, as actor. */
static struct cor_ctx cx;

static struct cor_ctx *as(struct cor_store *st, const char *actor)
{
	assert_int_equal(cor_ctx_init(&cx, st, actor, NULL), 0);
	return &cx;
}

static void move_ok(struct cor_store *st, const char *ref, const char *to, const char *reason)
{
	struct cor_svc_case_move_in in = {ref, to, reason};
	struct cor_svc_case_move_out out;
	char from[COR_STATE_MAX];
	snprintf(from, sizeof(from), "%s", state_of(st, ref));
	int n = events_of(st, ref)->n;
	if (cor_svc_case_move(as(st, "tester"), &in, &out) < 0)
		fail_msg("%s -> %s: %s", ref, to, cx.err.message);
	assert_string_equal(out.from, from);
	assert_string_equal(state_of(st, ref), to);
	struct events *ev = events_of(st, ref);
	assert_int_equal(ev->n, n + 1);
	char want[256];
	snprintf(want, sizeof(want), "state|%s -> %s|%s|tester", from, to, reason ? reason : "");
	assert_string_equal(ev->lines[n], want);
}

/* cx's error is code (its name) and msg. */
static void expect_err(const char *code, const char *msg)
{
	if (strcmp(cor_code_name(cx.err.code), code) || strcmp(cx.err.message, msg))
		fail_msg("got %s \"%s\", expected %s \"%s\"", cor_code_name(cx.err.code),
			 cx.err.message, code, msg);
}

/* A move that must be refused with code and msg, changing nothing. */
static void move_refused(struct cor_store *st, const char *ref, const char *to, const char *reason,
			 const char *code, const char *msg)
{
	struct cor_svc_case_move_in in = {ref, to, reason};
	struct cor_svc_case_move_out out;
	uint64_t before = digest();
	if (cor_svc_case_move(as(st, "tester"), &in, &out) >= 0)
		fail_msg("%s -> %s: not refused", ref, to);
	expect_err(code, msg);
	assert_true(digest() == before);
}

static struct cor_counselling session(enum cor_counselling_decision d, bool asylum)
{
	return (struct cor_counselling){.counsellor = "Amal Haddad",
					.language = "ar",
					.interpreter = true,
					.decision = d,
					.asylum_wish = asylum,
					.notes = "explained the return and reintegration package"};
}

static int counsel(struct cor_store *st, const char *ref, const struct cor_counselling *s,
		   const char *actor, struct cor_svc_case_counsel_out *res)
{
	struct cor_svc_case_counsel_in in = {ref, *s};
	return cor_svc_case_counsel(as(st, actor), &in, res);
}

static void counsel_ok(struct cor_store *st, const char *ref, enum cor_counselling_decision d,
		       bool asylum, struct cor_svc_case_counsel_out *res)
{
	struct cor_counselling s = session(d, asylum);
	if (counsel(st, ref, &s, "tester", res) < 0)
		fail_msg("counselling %s: %s", ref, cx.err.message);
}

static int assess(struct cor_store *st, const char *person, enum cor_protection_level l,
		  const char *grounds, int *no)
{
	struct cor_svc_protection_assess_in in = {person, l, grounds};
	struct cor_svc_protection_assess_out out = {0};
	int err = cor_svc_protection_assess(as(st, "protection"), &in, &out);
	if (no)
		*no = out.assessment;
	return err;
}

static void assess_ok(struct cor_store *st, const char *person, enum cor_protection_level l,
		      int want_no)
{
	int no = 0;
	if (assess(st, person, l, "interview on return risks", &no) < 0)
		fail_msg("assessing %s: %s", person, cx.err.message);
	assert_int_equal(no, want_no);
}

static int clear(struct cor_store *st, const char *person, const char *reason, int *no)
{
	struct cor_svc_protection_clear_in in = {person, reason};
	int n = 0;
	int err = cor_svc_protection_clear(as(st, "protection"), &in, &n);
	if (no)
		*no = n;
	return err;
}

/* ---- movements and bookings ------------------------------------------- */

#define NO_BOOKING_MSG(ref)                                                                        \
	"case '" ref "' is 'travel_ready'; it cannot go to 'booked' without a seat on a "          \
	"movement"

/* The current minute, in UTC seconds. */
static int64_t this_minute(void)
{
	char now[COR_TIME_LEN];
	int64_t t = 0;
	cor_time_now(now);
	/* "YYYY-MM-DDTHH:MM:SSZ" -> "YYYY-MM-DDTHH:MMZ" */
	now[16] = 'Z';
	now[17] = '\0';
	assert_int_equal(cor_time_parse_utc(now, &t), 0);
	return t;
}

/* What a booking asks of each of the n persons of case ref (the planner's
 * rules): a passport valid at departure and fitness to travel within the 72
 * hours before it, examined at minute at. Appends one "health" event each,
 * by "medic". */
static void make_bookable(struct cor_store *st, const char *ref, int n, int64_t at)
{
	for (int i = 1; i <= n; i++) {
		char pref[40];
		struct cor_person_found who;
		snprintf(pref, sizeof(pref), "%s-%02d", ref, i);
		assert_int_equal(cor_store_person_find(st, pref, &who), 0);
		struct cor_document d = {.kind = COR_DOC_PASSPORT,
					 .issuer = "NGA",
					 .expires_on = {2035, 1, 1},
					 .has_expiry = true};
		snprintf(d.number, sizeof(d.number), "A%07d", i);
		assert_int_equal(cor_store_document_add(st, who.id, &d), 0);
		struct cor_health_check h = {.kind = COR_HEALTH_FITNESS,
					     .outcome = COR_HEALTH_FIT,
					     .at = at,
					     .examiner = "Dr N. Haddad"};
		if (cor_store_health_add(st, &who, &h, "medic", NULL) < 0)
			fail_msg("fitness of %s: %s", pref, cor_store_errmsg(st));
	}
}

/* An open charter of LY-TIP, Mitiga to Lagos, leaving a day from now;
 * its reference in ref. */
static void add_movement(struct cor_store *st, char *ref, size_t len)
{
	struct cor_movement m = {.kind = COR_MOVEMENT_CHARTER,
				 .label = "UZ 8401",
				 .carrier = "UZ",
				 .office = "LY-TIP",
				 .state = COR_MSTATE_OPEN,
				 .nlegs = 1};
	int64_t t = this_minute() + 86400;
	m.legs[0] = (struct cor_leg){.from = "MJI",
				     .to = "LOS",
				     .number = "UZ8401",
				     .departs = t,
				     .arrives = t + 5 * 3600,
				     .seats = 180};
	if (cor_store_movement_add(st, &m, "planner") < 0)
		fail_msg("adding a movement: %s", cor_store_errmsg(st));
	assert_int_equal(strncmp(m.ref, "LY-TIP-MV-", 10), 0);
	snprintf(ref, len, "%s", m.ref);
}

/* Book case ref on movement mref: the case goes travel_ready -> booked with
 * its event, and holds one booking. */
static void book_ok(struct cor_store *st, const char *mref, const char *ref)
{
	int n = events_of(st, ref)->n;
	if (cor_store_booking_add(st, mref, ref, COR_BOOKING_BOOKED, "tester", NULL) < 0)
		fail_msg("booking %s on %s: %s", ref, mref, cor_store_errmsg(st));
	assert_string_equal(state_of(st, ref), "booked");
	struct events *ev = events_of(st, ref);
	assert_int_equal(ev->n, n + 1);
	char want[256];
	snprintf(want, sizeof(want),
		 "state|travel_ready -> booked|on UZ 8401 (%s), MJI -> LOS|tester", mref);
	assert_string_equal(ev->lines[n], want);
}

/* The status of case ref's latest booking. */
static const char *booking_status(const char *ref)
{
	static char status[16];
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	status[0] = '\0';
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(db,
				   "SELECT b.status FROM booking b JOIN cases c ON c.id ="
				   " b.case_id WHERE c.ref = ?1 ORDER BY b.id DESC LIMIT 1",
				   -1, &s, NULL),
		SQLITE_OK);
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(status, sizeof(status), "%s", sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return status;
}

/* ---- schema ------------------------------------------------------------ */

static void test_schema(void **state)
{
	struct cor_store *st = open_with_cases("schema");
	char msg[256];
	assert_int_equal(raw_int("PRAGMA user_version"), cor_store_schema_version());
	static const char *const tables[] = {"counselling", "referral", "protection_assessment",
					     "protection_clearance"};
	for (size_t i = 0; i < ROWS(tables); i++) {
		char sql[256];
		snprintf(sql, sizeof(sql), "SELECT strict FROM pragma_table_list WHERE name = '%s'",
			 tables[i]);
		assert_int_equal(raw_int(sql), 1);
	}
	/* Foreign keys: no session of a case that does not exist. */
	assert_int_equal(raw_exec("INSERT INTO counselling (case_id, no, at, counsellor, language,"
				  " interpreter, decision, asylum_wish, notes, recorded_by)"
				  " VALUES (999, 1, 'x', 'a', 'ar', 0, 'yes', 0, '', 'x')",
				  msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "FOREIGN KEY constraint failed");
	assert_int_equal(raw_exec("INSERT INTO protection_assessment (person_id, level, grounds,"
				  " assessed_by, at) VALUES (999, 'high', 'g', 'x', 'x')",
				  msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	/* CHECKs. */
	assert_int_equal(raw_exec("INSERT INTO counselling (case_id, no, at, counsellor, language,"
				  " interpreter, decision, asylum_wish, notes, recorded_by)"
				  " VALUES (1, 1, 'x', 'a', 'ar', 0, 'maybe', 0, '', 'x')",
				  msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("INSERT INTO protection_assessment (person_id, level, grounds,"
				  " assessed_by, at) VALUES (1, 'severe', 'g', 'x', 'x')",
				  msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	/* Append-only. */
	struct cor_svc_case_counsel_out res;
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	assess_ok(st, VHR "-01", COR_PROT_HIGH, 1);
	assert_int_equal(clear(st, VHR "-01", "reviewed", NULL), 0);
	assert_int_equal(raw_exec("UPDATE counselling SET decision = 'no'", msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "counselling sessions are append-only");
	assert_int_equal(raw_exec("DELETE FROM counselling", msg, sizeof(msg)), SQLITE_CONSTRAINT);
	assert_int_equal(
		raw_exec("UPDATE protection_assessment SET level = 'low'", msg, sizeof(msg)),
		SQLITE_CONSTRAINT);
	assert_string_equal(msg, "protection assessments are append-only");
	assert_int_equal(raw_exec("DELETE FROM protection_clearance", msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "protection clearances are append-only");
	/* A referral changes once, when closed. */
	counsel_ok(st, VHR, COR_COUNSEL_YES, true, &res);
	assert_int_equal(raw_exec("UPDATE referral SET to_whom = 'someone else'", msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "a referral changes only when it is closed");
	assert_int_equal(cor_store_referral_close(st, VHR, 1, "claim lodged", "tester"), 0);
	assert_int_equal(raw_exec("UPDATE referral SET outcome = 'other'", msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec("DELETE FROM referral", msg, sizeof(msg)), SQLITE_CONSTRAINT);
	assert_string_equal(msg, "referrals are never deleted");
	assert_int_equal(raw_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
	cor_store_close(st);
}

/* ---- moves ------------------------------------------------------------- */

/* A VHR case from registered to closed, with counselling and protection;
 * booked through a movement, never by a move alone. */
static void test_vhr_happy_path(void **state)
{
	struct cor_store *st = open_with_cases("happy");
	struct cor_svc_case_counsel_out res;
	char mref[COR_MOVEMENT_REF_MAX + 1], at[18];
	int64_t fit_at = this_minute();
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	assert_int_equal(res.session, 1);
	assert_false(res.held);
	assert_int_equal(res.referral, 0);
	assert_string_equal(res.from, "registered");
	move_ok(st, VHR, "counselled", NULL);
	assess_ok(st, VHR "-01", COR_PROT_LOW, 1);
	assess_ok(st, VHR "-02", COR_PROT_NONE, 1);
	move_ok(st, VHR, "assessed", NULL);
	move_ok(st, VHR, "eligible", NULL);
	make_bookable(st, VHR, 2, fit_at);
	move_ok(st, VHR, "travel_ready", NULL);
	/* Booked only with a seat: the move alone is refused and changes nothing. */
	move_refused(st, VHR, "booked", NULL, "NO_BOOKING", NO_BOOKING_MSG(VHR));
	add_movement(st, mref, sizeof(mref));
	book_ok(st, mref, VHR);
	assert_string_equal(booking_status(VHR), "booked");
	/* Leaving 'booked' takes the booking along. */
	move_ok(st, VHR, "departed", NULL);
	assert_string_equal(booking_status(VHR), "departed");
	move_ok(st, VHR, "arrived", NULL);
	move_ok(st, VHR, "reintegration", "cash grant and business start-up");
	move_ok(st, VHR, "closed", NULL);
	char fit1[256], fit2[256], booked[256];
	cor_time_format_utc(fit_at, at);
	snprintf(fit1, sizeof(fit1),
		 "health|fitness to travel of " VHR "-01 at %s by Dr N. Haddad: fit||medic", at);
	snprintf(fit2, sizeof(fit2),
		 "health|fitness to travel of " VHR "-02 at %s by Dr N. Haddad: fit||medic", at);
	snprintf(booked, sizeof(booked),
		 "state|travel_ready -> booked|on UZ 8401 (%s), MJI -> LOS|tester", mref);
	const char *const want[] = {
		"counselling|session 1 by Amal Haddad in ar with an interpreter: decision "
		"yes||tester",
		"state|registered -> counselled||tester",
		"protection|person " VHR
		"-01 assessed at low protection risk (assessment 1)||protection",
		"protection|person " VHR
		"-02 assessed at none protection risk (assessment 1)||protection",
		"state|counselled -> assessed||tester",
		"state|assessed -> eligible||tester",
		fit1,
		fit2,
		"state|eligible -> travel_ready||tester",
		booked,
		"state|booked -> departed||tester",
		"state|departed -> arrived||tester",
		"state|arrived -> reintegration|cash grant and business start-up|tester",
		"state|reintegration -> closed||tester",
	};
	struct events *ev = events_of(st, VHR);
	assert_int_equal(ev->n, (int)ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(ev->lines[i], want[i]);
	assert_int_equal(raw_int("SELECT count(*) FROM booking"), 1);
	/* Closed goes nowhere. */
	move_refused(st, VHR, "registered", "reopen", "WRONG_STATE",
		     "case '" VHR "' is 'closed'; it cannot go to 'registered' (next: none)");
	cor_store_close(st);
}

static void test_move_refused(void **state)
{
	struct cor_store *st = open_with_cases("refused");
	move_refused(st, VHR, "booked", NULL, "WRONG_STATE",
		     "case '" VHR "' is 'registered'; it cannot go to 'booked' (next: counselled, "
		     "ineligible, on_hold, closed)");
	move_refused(st, VHR, "on_hold", NULL, "REASON_REQUIRED",
		     "case '" VHR "' is 'registered'; it can go to 'on_hold' only with a reason");
	move_refused(st, VHR, "on_hold", "", "INVALID",
		     "reason: give 1 to 500 bytes of text without control characters");
	move_refused(st, VHR, "on_hold", "bad\treason", "INVALID",
		     "reason: give 1 to 500 bytes of text without control characters");
	move_refused(st, VHR, "bokked", NULL, "UNKNOWN_STATE", "'bokked' is not a lifecycle state");
	move_refused(st, VHR, "counselled", NULL, "NOT_COUNSELLED",
		     "case '" VHR "' is 'registered'; it cannot go to 'counselled' before a "
		     "counselling session is recorded (a return happens only at the person's "
		     "request)");
	move_refused(st, "LY-TIP-2026-000999", "counselled", NULL, "CASE_NOT_FOUND",
		     "no case 'LY-TIP-2026-000999'");
	/* The informed decision. */
	struct cor_svc_case_counsel_out res;
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, false, &res);
	move_ok(st, VHR, "counselled", NULL);
	move_refused(st, VHR, "assessed", NULL, "NO_INFORMED_DECISION",
		     "case '" VHR
		     "' is 'counselled'; it cannot go to 'assessed' without an informed "
		     "decision 'yes' to return (the latest is 'undecided')");
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	assert_int_equal(res.session, 2);
	/* Protection: every person assessed before 'assessed'. */
	assess_ok(st, VHR "-01", COR_PROT_MEDIUM, 1);
	move_refused(st, VHR, "assessed", NULL, "PROTECTION_NOT_ASSESSED",
		     "case '" VHR "' is 'counselled'; it cannot go to 'assessed' before every "
		     "person's protection risk is assessed (1 of 2 not assessed)");
	assess_ok(st, VHR "-02", COR_PROT_LOW, 1);
	move_ok(st, VHR, "assessed", NULL);
	move_ok(st, VHR, "eligible", NULL);
	/* The person changes their mind: the return stops there. */
	counsel_ok(st, VHR, COR_COUNSEL_NO, false, &res);
	move_refused(st, VHR, "travel_ready", NULL, "NO_INFORMED_DECISION",
		     "case '" VHR "' is 'eligible'; it cannot go to 'travel_ready' without an "
		     "informed decision 'yes' to return (the latest is 'no')");
	move_ok(st, VHR, "closed", "the person withdrew the request to return");
	/* Every programme that counsels asks for a session, and every one for
	 * the assessments. */
	move_refused(st, RST, "counselled", NULL, "NOT_COUNSELLED",
		     "case '" RST "' is 'registered'; it cannot go to 'counselled' before a "
		     "counselling session is recorded");
	counsel_ok(st, RST, COR_COUNSEL_YES, false, &res);
	move_ok(st, RST, "counselled", NULL);
	move_refused(st, HEV, "assessed", NULL, "PROTECTION_NOT_ASSESSED",
		     "case '" HEV "' is 'registered'; it cannot go to 'assessed' before every "
		     "person's protection risk is assessed (1 of 1 not assessed)");
	assess_ok(st, HEV "-01", COR_PROT_NONE, 1);
	move_ok(st, HEV, "assessed", NULL);
	cor_store_close(st);
}

/* Inside a caller's transaction a state set is a savepoint: refused, it
 * keeps the caller's earlier work; rolled back with the caller, it leaves
 * nothing. */
static void test_move_in_transaction(void **state)
{
	struct cor_store *st = open_with_cases("txn");
	int64_t id;
	assert_int_equal(cor_store_case_get(st, HEV, &id, NULL), 0);
	uint64_t before = digest();
	assert_int_equal(cor_store_begin(st), 0);
	struct cor_event e = {.actor = "tester", .action = "note", .detail = "kept", .reason = ""};
	cor_time_now(e.at);
	assert_int_equal(cor_store_event_add(st, id, &e), 0);
	assert_int_equal(cor_store_case_state_set(st, id, "travel_ready", "booked", "tester", NULL),
			 COR_EBUSY);
	assert_int_equal(cor_store_commit(st), 0);
	assert_int_equal(events_of(st, HEV)->n, 1);
	assert_string_equal(events_of(st, HEV)->lines[0], "note|kept||tester");
	assert_string_equal(state_of(st, HEV), "registered");
	assert_true(digest() != before);

	before = digest();
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_case_state_set(st, id, "registered", "assessed", "tester", NULL),
			 0);
	assert_string_equal(state_of(st, HEV), "assessed");
	assert_int_equal(cor_store_rollback(st), 0);
	assert_string_equal(state_of(st, HEV), "registered");
	assert_true(digest() == before);
	cor_store_close(st);
}

/* ---- counselling and referrals ----------------------------------------- */

static void test_asylum_wish(void **state)
{
	struct cor_store *st = open_with_cases("asylum");
	struct cor_svc_case_counsel_out res;
	struct cor_case_gate gate;
	struct cor_case c;
	int64_t id;
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	move_ok(st, VHR, "counselled", NULL);
	int n = events_of(st, VHR)->n;
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, true, &res);
	assert_int_equal(res.session, 2);
	assert_true(res.held);
	assert_string_equal(res.from, "counselled");
	assert_int_equal(res.referral, 1);
	assert_true(res.referral_opened);
	assert_string_equal(state_of(st, VHR), "on_hold");
	static const char *const want[] = {
		"counselling|session 2 by Amal Haddad in ar with an interpreter: decision "
		"undecided; "
		"asylum wish||tester",
		"state|counselled -> on_hold|asylum wish recorded at counselling session 2|tester",
		"referral|referral 1 opened to UNHCR: asylum wish (counselling session 2)||tester",
	};
	assert_int_equal(events_of(st, VHR)->n, n + 3);
	expect_last_events(st, VHR, want, 3);
	assert_int_equal(cor_store_case_get(st, VHR, &id, &c), 0);
	assert_int_equal(cor_store_case_gate(st, id, &c, &gate), 0);
	assert_string_equal(gate.ref, VHR);
	assert_string_equal(gate.held_from, "counselled");
	assert_int_equal(gate.sessions, 2);
	assert_string_equal(gate.decision, "undecided");
	assert_int_equal(gate.open_referrals, 1);
	assert_int_equal(gate.persons, 2);
	assert_int_equal(gate.persons_assessed, 0);

	/* The open referral blocks the resume; it names the state held from. */
	move_refused(st, VHR, "counselled", NULL, "REFERRAL_OPEN",
		     "case '" VHR "' is 'on_hold'; it cannot go to 'counselled' while 1 referral "
		     "is open");
	move_refused(st, VHR, "registered", NULL, "WRONG_STATE",
		     "case '" VHR "' is 'on_hold'; it cannot go to 'registered' (next: counselled, "
		     "ineligible, closed)");
	/* A second wish while held and referred: no second hold nor referral. */
	n = events_of(st, VHR)->n;
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, true, &res);
	assert_false(res.held);
	assert_false(res.referral_opened);
	assert_int_equal(res.referral, 1);
	assert_string_equal(res.from, "on_hold");
	assert_int_equal(events_of(st, VHR)->n, n + 1);
	assert_int_equal(raw_int("SELECT count(*) FROM referral"), 1);

	/* Close the referral; the case stays on hold until resumed. */
	n = events_of(st, VHR)->n;
	assert_int_equal(cor_store_referral_close(st, VHR, 1,
						  "asylum claim not pursued; the person wishes to "
						  "return",
						  "protection"),
			 0);
	static const char *const closed[] = {
		"referral|referral 1 to UNHCR closed|asylum claim not pursued; the person wishes "
		"to "
		"return|protection",
	};
	assert_int_equal(events_of(st, VHR)->n, n + 1);
	expect_last_events(st, VHR, closed, 1);
	assert_string_equal(state_of(st, VHR), "on_hold");
	move_ok(st, VHR, "counselled", NULL);
	/* The latest decision is still 'undecided'. */
	move_refused(st, VHR, "assessed", NULL, "NO_INFORMED_DECISION",
		     "case '" VHR
		     "' is 'counselled'; it cannot go to 'assessed' without an informed "
		     "decision 'yes' to return (the latest is 'undecided')");
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	assess_ok(st, VHR "-01", COR_PROT_NONE, 1);
	assess_ok(st, VHR "-02", COR_PROT_NONE, 1);
	move_ok(st, VHR, "assessed", NULL);

	/* A wish at registration, referred elsewhere; a new referral is numbered 2. */
	struct cor_counselling s = session(COR_COUNSEL_UNDECIDED, true);
	s.refer_to = "BAMF";
	s.interpreter = false;
	s.language = "tir";
	add_case(st, "LY-TIP-2026-000002", "AVR", "LY-TIP", "registered", 1);
	assert_int_equal(counsel(st, "LY-TIP-2026-000002", &s, "tester", &res), 0);
	assert_true(res.held);
	assert_int_equal(res.referral, 1);
	static const char *const avr[] = {
		("counselling|session 1 by Amal Haddad in tir: decision undecided; asylum "
		 "wish||tester"),
		"state|registered -> on_hold|asylum wish recorded at counselling session 1|tester",
		"referral|referral 1 opened to BAMF: asylum wish (counselling session 1)||tester",
	};
	expect_last_events(st, "LY-TIP-2026-000002", avr, 3);
	assert_string_equal(state_of(st, "LY-TIP-2026-000002"), "on_hold");
	cor_store_close(st);
}

struct referrals {
	char lines[8][400];
	int n;
};

static int collect_referral(const struct cor_referral *r, void *ctx)
{
	struct referrals *rs = ctx;
	assert_int_equal(strlen(r->opened_at), 20);
	assert_int_equal(strlen(r->closed_at), r->outcome ? 20 : 0);
	snprintf(rs->lines[rs->n++], sizeof(rs->lines[0]), "%d|%s|%s|%d|%s|%s|%s", r->no, r->to,
		 r->subject, r->session, r->opened_by, r->outcome ? r->outcome : "(open)",
		 r->closed_by ? r->closed_by : "");
	return 0;
}

static void test_referrals(void **state)
{
	struct cor_store *st = open_with_cases("referrals");
	struct cor_svc_case_counsel_out res;
	struct referrals rs = {0};
	assert_int_equal(cor_store_referral_list(st, VHR, collect_referral, &rs), 0);
	assert_int_equal(rs.n, 0);
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, true, &res);
	assert_int_equal(cor_store_referral_close(st, VHR, 1, "claim lodged", "protection"), 0);
	move_ok(st, VHR, "registered", NULL);
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, true, &res);
	assert_int_equal(res.referral, 2);
	assert_true(res.referral_opened);
	assert_int_equal(cor_store_referral_list(st, VHR, collect_referral, &rs), 0);
	assert_int_equal(rs.n, 2);
	assert_string_equal(rs.lines[0], "1|UNHCR|asylum wish|1|tester|claim lodged|protection");
	assert_string_equal(rs.lines[1], "2|UNHCR|asylum wish|2|tester|(open)|");

	/* Refusals change nothing. */
	uint64_t before = digest();
	assert_int_equal(cor_store_referral_close(st, VHR, 1, "again", "x"), COR_EWRONGSTATE);
	char want[256];
	assert_int_equal(strncmp(cor_store_errmsg(st),
				 "referral 1 of case '" VHR "' is already closed (", 40),
			 0);
	snprintf(want, sizeof(want), "referral 1 of case '" VHR "' is already closed (");
	assert_non_null(strstr(cor_store_errmsg(st), want));
	assert_non_null(strstr(cor_store_errmsg(st), "Z: claim lodged)"));
	assert_int_equal(cor_store_referral_close(st, VHR, 3, "x", "x"), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "case '" VHR "' has no referral 3");
	assert_int_equal(cor_store_referral_close(st, "LY-TIP-2026-000999", 1, "x", "x"),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000999'");
	assert_int_equal(cor_store_referral_list(st, "LY-TIP-2026-000999", collect_referral, &rs),
			 COR_ENOTFOUND);
	assert_true(digest() == before);
	cor_store_close(st);
}

static void test_counselling_refused(void **state)
{
	struct cor_store *st = open_with_cases("counsel-refused");
	struct cor_svc_case_counsel_out res;
	struct cor_counselling s = session(COR_COUNSEL_YES, false);
	uint64_t before = digest();
	s.language = "xx";
	assert_int_equal(counsel(st, VHR, &s, "tester", &res), COR_EINVAL);
	assert_string_equal(cor_code_name(cx.err.code), "INVALID");
	assert_string_equal(cx.err.field, "language");
	assert_string_equal(cx.err.message, "language: 'xx' is not an ISO 639-1 or ISO 639-3 "
					    "language code (lower case, e.g. 'ar', 'fr', 'tir')");
	s = session(COR_COUNSEL_YES, false);
	assert_int_equal(counsel(st, "LY-TIP-2026-000999", &s, "tester", &res), COR_ENOTFOUND);
	assert_string_equal(cx.err.message, "no case 'LY-TIP-2026-000999'");
	assert_string_equal(cor_code_name(cx.err.code), "CASE_NOT_FOUND");
	assert_true(digest() == before);

	/* After departure, or once closed or ineligible: no counselling. */
	static const char *const states[] = {"departed",   "arrived", "closed",
					     "ineligible", "no_show", "reintegration"};
	for (size_t i = 0; i < ROWS(states); i++) {
		char ref[32];
		snprintf(ref, sizeof(ref), "LY-TIP-2026-%06zu", 100 + i);
		add_case(st, ref, "VHR", "LY-TIP", states[i], 1);
		before = digest();
		s = session(COR_COUNSEL_YES, true);
		assert_int_equal(counsel(st, ref, &s, "tester", &res), COR_EWRONGSTATE);
		char want[300];
		snprintf(want, sizeof(want),
			 "case '%s' is '%s'; counselling is recorded only before departure, while "
			 "the case can be put on hold or is on hold",
			 ref, states[i]);
		assert_string_equal(cx.err.message, want);
		assert_string_equal(cor_code_name(cx.err.code), "WRONG_STATE");
		assert_true(digest() == before);
	}
	/* Not a return: the wish is recorded, nothing held, nothing referred. */
	s = session(COR_COUNSEL_YES, true);
	assert_int_equal(counsel(st, RST, &s, "tester", &res), 0);
	assert_false(res.held);
	assert_int_equal(res.referral, 0);
	assert_string_equal(state_of(st, RST), "registered");
	assert_int_equal(raw_int("SELECT count(*) FROM referral"), 0);
	cor_store_close(st);
}

struct sessions {
	char lines[4][300];
	int n;
};

static int collect_session(const struct cor_counselling_record *r, void *ctx)
{
	struct sessions *ss = ctx;
	snprintf(ss->lines[ss->n++], sizeof(ss->lines[0]), "%d|%s|%s|%d|%s|%d|%s|%s", r->no,
		 r->s.counsellor, r->s.language, r->s.interpreter,
		 cor_counselling_decision_name(r->s.decision), r->s.asylum_wish, r->s.notes,
		 r->recorded_by);
	return 0;
}

static void test_counselling_list(void **state)
{
	struct cor_store *st = open_with_cases("sessions");
	struct cor_svc_case_counsel_out res;
	struct sessions ss = {0};
	counsel_ok(st, VHR, COR_COUNSEL_UNDECIDED, false, &res);
	struct cor_counselling s = {
		.counsellor = "Jean Dupont", .language = "fr", .decision = COR_COUNSEL_YES};
	assert_int_equal(counsel(st, VHR, &s, "registration", &res), 0);
	assert_int_equal(cor_store_counselling_list(st, VHR, collect_session, &ss), 0);
	assert_int_equal(ss.n, 2);
	assert_string_equal(ss.lines[0], "1|Amal Haddad|ar|1|undecided|0|explained the return and "
					 "reintegration package|tester");
	assert_string_equal(ss.lines[1], "2|Jean Dupont|fr|0|yes|0||registration");
	assert_int_equal(cor_store_counselling_list(st, "LY-TIP-2026-000999", collect_session, &ss),
			 COR_ENOTFOUND);
	cor_store_close(st);
}

/* ---- protection -------------------------------------------------------- */

static void test_protection(void **state)
{
	struct cor_store *st = open_with_cases("protection");
	struct cor_svc_case_counsel_out res;
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);
	move_ok(st, VHR, "counselled", NULL);
	assess_ok(st, VHR "-01", COR_PROT_LOW, 1);
	assess_ok(st, VHR "-02", COR_PROT_HIGH, 1);
	move_ok(st, VHR, "assessed", NULL);
	move_refused(st, VHR, "eligible", NULL, "PROTECTION_NOT_CLEARED",
		     "case '" VHR "' is 'assessed'; it cannot go to 'eligible': person '" VHR
		     "-02' at high protection risk, not cleared by a protection officer");
	/* Clearing only works on a high risk not yet cleared. */
	uint64_t before = digest();
	int no = 0;
	assert_int_equal(clear(st, VHR "-01", "x", &no), COR_EWRONGSTATE);
	assert_string_equal(cx.err.message,
			    "person '" VHR "-01' is assessed at 'low' protection risk (assessment "
			    "1); only a high risk is cleared");
	assert_int_equal(clear(st, RST "-01", "x", &no), COR_EWRONGSTATE);
	assert_string_equal(cx.err.message,
			    "person '" RST "-01' has no protection risk assessment to clear");
	assert_int_equal(clear(st, VHR "-03", "x", &no), COR_ENOTFOUND);
	assert_string_equal(cx.err.message,
			    "no person '" VHR "-03': case '" VHR "' has no person 03");
	assert_int_equal(clear(st, VHR "-02", "", &no), COR_EINVAL);
	assert_string_equal(cx.err.message,
			    "reason: give 1 to 500 bytes of text without control characters");
	assert_int_equal(assess(st, VHR, COR_PROT_LOW, "g", &no), COR_EINVAL);
	assert_string_equal(cx.err.message,
			    "'" VHR "' is not a person ID like LY-TIP-2026-000123-01");
	assert_int_equal(assess(st, "LY-TIP-2026-000999-01", COR_PROT_LOW, "g", &no),
			 COR_ENOTFOUND);
	assert_string_equal(cx.err.message, "no case 'LY-TIP-2026-000999'");
	assert_int_equal(assess(st, VHR "-01", COR_PROT_LOW, " ", &no), COR_EINVAL);
	assert_string_equal(cx.err.message,
			    "grounds: give 1 to 500 bytes of text without control characters");
	assert_int_equal(assess(st, VHR "-01", COR_PROT__N, "g", &no), COR_EINVAL);
	assert_string_equal(cx.err.message, "level: give 'none', 'low', 'medium' or 'high'");
	assert_true(digest() == before);

	/* The clearance is an event with its reason. */
	assert_int_equal(clear(st, VHR "-02", "risk reviewed with UNHCR; return area stable", &no),
			 0);
	assert_int_equal(no, 1);
	static const char *const cleared[] = {
		"protection|person " VHR "-02 cleared of high protection risk (assessment 1)|risk "
		"reviewed with UNHCR; return area stable|protection",
	};
	expect_last_events(st, VHR, cleared, 1);
	assert_int_equal(clear(st, VHR "-02", "again", &no), COR_EWRONGSTATE);
	assert_non_null(strstr(cx.err.message, "the high protection risk of person '" VHR
					       "-02' (assessment 1) was cleared at "));
	move_ok(st, VHR, "eligible", NULL);
	make_bookable(st, VHR, 2, this_minute());
	move_ok(st, VHR, "travel_ready", NULL);
	/* A new high assessment blocks again, until it is cleared in turn. */
	assess_ok(st, VHR "-02", COR_PROT_HIGH, 2);
	move_refused(st, VHR, "booked", NULL, "PROTECTION_NOT_CLEARED",
		     "case '" VHR "' is 'travel_ready'; it cannot go to 'booked': person '" VHR
		     "-02' at high protection risk, not cleared by a protection officer");
	assess_ok(st, VHR "-01", COR_PROT_HIGH, 2);
	move_refused(st, VHR, "booked", NULL, "PROTECTION_NOT_CLEARED",
		     "case '" VHR "' is 'travel_ready'; it cannot go to 'booked': person '" VHR
		     "-01' and 1 other at high protection risk, not cleared by a protection "
		     "officer");
	assert_int_equal(clear(st, VHR "-01", "ok", &no), 0);
	assert_int_equal(no, 2);
	/* A later lower assessment replaces a high one; booked through a
	 * movement. */
	assess_ok(st, VHR "-02", COR_PROT_MEDIUM, 3);
	move_refused(st, VHR, "booked", NULL, "NO_BOOKING", NO_BOOKING_MSG(VHR));
	char mref[COR_MOVEMENT_REF_MAX + 1];
	add_movement(st, mref, sizeof(mref));
	book_ok(st, mref, VHR);
	/* Back to travel_ready: the booking is cancelled with it. */
	move_ok(st, VHR, "travel_ready", "flight rescheduled");
	assert_string_equal(booking_status(VHR), "cancelled");
	/* Not a return: a high risk does not block. */
	assess_ok(st, HEV "-01", COR_PROT_HIGH, 1);
	move_ok(st, HEV, "assessed", NULL);
	move_ok(st, HEV, "eligible", NULL);
	/* A closed case's record does not change. */
	move_ok(st, RST, "closed", "withdrawn");
	before = digest();
	assert_int_equal(assess(st, RST "-01", COR_PROT_LOW, "g", &no), COR_EWRONGSTATE);
	assert_string_equal(cx.err.message,
			    "case '" RST "' is 'closed'; its protection record does not change");
	assert_true(digest() == before);
	cor_store_close(st);
}

/* ---- held-from, eligibility -------------------------------------------- */

static void test_held_from_history(void **state)
{
	struct cor_store *st = open_with_cases("held");
	struct cor_case_gate gate;
	struct cor_case c;
	int64_t id = add_case(st, "LY-TIP-2026-000010", "HASM", "LY-TIP", "on_hold", 1);
	/* As the demo writes it. */
	struct cor_event e = {
		.actor = "x", .action = "state", .detail = "counselled -> assessed", .reason = ""};
	cor_time_now(e.at);
	assert_int_equal(cor_store_event_add(st, id, &e), 0);
	e.detail = "assessed -> on_hold";
	e.reason = "medical treatment under way; travel deferred";
	assert_int_equal(cor_store_event_add(st, id, &e), 0);
	e.action = "note";
	e.detail = "eligible -> on_hold"; /* not a state event: ignored */
	assert_int_equal(cor_store_event_add(st, id, &e), 0);
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000010", NULL, &c), 0);
	assert_int_equal(cor_store_case_gate(st, id, &c, &gate), 0);
	assert_string_equal(gate.held_from, "assessed");
	move_refused(st, "LY-TIP-2026-000010", "eligible", NULL, "WRONG_STATE",
		     "case 'LY-TIP-2026-000010' is 'on_hold'; it cannot go to 'eligible' (next: "
		     "assessed, ineligible, closed)");
	assess_ok(st, "LY-TIP-2026-000010-01", COR_PROT_NONE, 1);
	move_ok(st, "LY-TIP-2026-000010", "assessed", NULL);
	/* Imported on hold, no history: resumes at registered. */
	id = add_case(st, "LY-TIP-2026-000011", "HASM", "LY-TIP", "on_hold", 1);
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000011", NULL, &c), 0);
	assert_int_equal(cor_store_case_gate(st, id, &c, &gate), 0);
	assert_string_equal(gate.held_from, "");
	move_ok(st, "LY-TIP-2026-000011", "registered", NULL);
	cor_store_close(st);
}

/* ---- record writes ----------------------------------------------------- */

static int collect_protection(const struct cor_protection_record *r, void *ctx)
{
	char *buf = ctx;
	size_t n = strlen(buf);
	snprintf(buf + n, 512 - n, "%d|%d|%s|%s|%s;", r->person, r->assessments,
		 r->level ? r->level : "-", r->assessed_by ? r->assessed_by : "-",
		 r->cleared_by ? r->cleared_by : "-");
	return 0;
}

/* The plain writes check no rule: a state set needs only the state it
 * leaves to be the case's (COR_EBUSY otherwise, nothing written); the
 * protection record reads back per person. */
static void test_record_writes(void **state)
{
	struct cor_store *st = open_with_cases("records");
	struct cor_case c;
	int64_t id;
	assert_int_equal(cor_store_case_get(st, VHR, &id, &c), 0);
	uint64_t before = digest();
	assert_int_equal(cor_store_case_state_set(st, id, "counselled", "assessed", "t", NULL),
			 COR_EBUSY);
	assert_string_equal(cor_store_errmsg(st),
			    "the case changed state while it was being moved");
	assert_true(digest() == before);
	/* No lifecycle check here: registered -> departed is the caller's to refuse. */
	assert_int_equal(cor_store_case_state_set(st, id, "registered", "departed", "t", "r"), 0);
	assert_string_equal(state_of(st, VHR), "departed");

	int no = 0, open = -1;
	assert_int_equal(cor_store_referral_open_first(st, id, &open), 0);
	assert_int_equal(open, 0);
	assert_int_equal(
		cor_store_referral_open(st, id, "IOM legal", "family tracing", 0, 0, "t", &no), 0);
	assert_int_equal(no, 1);
	assert_int_equal(cor_store_referral_open_first(st, id, &open), 0);
	assert_int_equal(open, 1);

	char buf[512] = "";
	assess_ok(st, VHR "-02", COR_PROT_HIGH, 1);
	assert_int_equal(cor_store_protection_list(st, VHR, collect_protection, buf), 0);
	assert_string_equal(buf, "1|0|-|-|-;2|1|high|protection|-;");
	assert_int_equal(
		cor_store_protection_list(st, "LY-TIP-2026-000999", collect_protection, buf),
		COR_ENOTFOUND);
	cor_store_close(st);
}

/* ---- every backend ----------------------------------------------------- */

/* A fresh store on the backend in progress with a VHR case of 2 persons
 * and an HEV case of 1. */
static struct cor_store *open_both(const char *name)
{
	struct cor_store *st = backend_open(backend_fresh("test_workflow", name));
	add_case(st, VHR, "VHR", "LY-TIP", "registered", 2);
	add_case(st, HEV, "HEV", "SD-PZU", "registered", 1);
	cor_store_set_now(st, "2026-11-28T09:00:00Z");
	return st;
}

static struct cor_case_gate gate_of(struct cor_store *st, const char *ref)
{
	static struct cor_case c;
	struct cor_case_gate g;
	int64_t id;
	assert_int_equal(cor_store_case_get(st, ref, &id, &c), 0);
	assert_int_equal(cor_store_case_gate(st, id, &c, &g), 0);
	return g;
}

/* The record writes and reads, with no rule checked: the same records,
 * events, numbers, messages and codes on every backend. */
static void test_records_both(void **state)
{
	struct cor_store *st = open_both("records");
	int64_t id, sid = 0;
	int no = 0, open = -1;
	assert_int_equal(cor_store_case_get(st, VHR, &id, NULL), 0);
	struct cor_case_gate g = gate_of(st, VHR);
	assert_string_equal(g.ref, VHR);
	assert_int_equal(g.sessions, 0);
	assert_null(g.decision);
	assert_int_equal(g.persons, 2);
	assert_int_equal(g.persons_assessed, 0);
	assert_int_equal(g.bookings, 0);
	assert_string_equal(g.held_from, "");

	/* Sessions, numbered in the case. */
	struct cor_counselling s = session(COR_COUNSEL_UNDECIDED, false);
	assert_int_equal(cor_store_counselling_session_add(st, id, &s, "tester", &no, &sid), 0);
	assert_int_equal(no, 1);
	assert_true(sid > 0);
	s = (struct cor_counselling){
		.counsellor = "Jean Dupont", .language = "fr", .decision = COR_COUNSEL_YES};
	assert_int_equal(cor_store_counselling_session_add(st, id, &s, "registration", &no, &sid),
			 0);
	assert_int_equal(no, 2);
	struct sessions ss = {0};
	assert_int_equal(cor_store_counselling_list(st, VHR, collect_session, &ss), 0);
	assert_int_equal(ss.n, 2);
	assert_string_equal(ss.lines[0], "1|Amal Haddad|ar|1|undecided|0|explained the return and "
					 "reintegration package|tester");
	assert_string_equal(ss.lines[1], "2|Jean Dupont|fr|0|yes|0||registration");
	g = gate_of(st, VHR);
	assert_int_equal(g.sessions, 2);
	assert_string_equal(g.decision, "yes");

	/* Referrals: opened by a session or not, closed once. */
	assert_int_equal(cor_store_referral_open_first(st, id, &open), 0);
	assert_int_equal(open, 0);
	assert_int_equal(
		cor_store_referral_open(st, id, "UNHCR", "asylum wish", sid, 2, "tester", &no), 0);
	assert_int_equal(no, 1);
	assert_int_equal(
		cor_store_referral_open(st, id, "IOM legal", "family tracing", 0, 0, "t", &no), 0);
	assert_int_equal(no, 2);
	assert_int_equal(cor_store_referral_open_first(st, id, &open), 0);
	assert_int_equal(open, 1);
	assert_int_equal(gate_of(st, VHR).open_referrals, 2);
	assert_int_equal(cor_store_referral_close(st, VHR, 1, "claim lodged", "protection"), 0);
	assert_int_equal(cor_store_referral_open_first(st, id, &open), 0);
	assert_int_equal(open, 2);
	struct referrals rs = {0};
	assert_int_equal(cor_store_referral_list(st, VHR, collect_referral, &rs), 0);
	assert_int_equal(rs.n, 2);
	assert_string_equal(rs.lines[0], "1|UNHCR|asylum wish|2|tester|claim lodged|protection");
	assert_string_equal(rs.lines[1], "2|IOM legal|family tracing|0|t|(open)|");
	uint64_t before = backend_digest();
	assert_int_equal(cor_store_referral_close(st, VHR, 1, "again", "x"), COR_EWRONGSTATE);
	assert_string_equal(cor_store_errmsg(st),
			    "referral 1 of case '" VHR "' is already closed (2026-11-28T09:00:00Z: "
			    "claim lodged)");
	assert_int_equal(cor_store_referral_close(st, VHR, 3, "x", "x"), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "case '" VHR "' has no referral 3");
	assert_int_equal(cor_store_referral_close(st, "LY-TIP-2026-000999", 1, "x", "x"),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000999'");
	assert_int_equal(cor_store_referral_list(st, "LY-TIP-2026-000999", collect_referral, &rs),
			 COR_ENOTFOUND);
	assert_int_equal(cor_store_counselling_list(st, "LY-TIP-2026-000999", collect_session, &ss),
			 COR_ENOTFOUND);

	/* A state set needs only the state it leaves to be the case's. */
	assert_int_equal(cor_store_case_state_set(st, id, "counselled", "assessed", "t", NULL),
			 COR_EBUSY);
	assert_string_equal(cor_store_errmsg(st),
			    "the case changed state while it was being moved");
	assert_true(backend_digest() == before);
	assert_int_equal(cor_store_case_state_set(st, id, "registered", "on_hold", "t", "why"), 0);
	assert_string_equal(state_of(st, VHR), "on_hold");
	assert_string_equal(gate_of(st, VHR).held_from, "registered");

	/* Protection: the latest assessment counts, cleared or not. */
	int64_t p2 = backend_int("SELECT id FROM person WHERE seq = 2 AND case_id ="
				 " (SELECT id FROM cases WHERE ref = '" VHR "')");
	struct cor_protection_latest l;
	int64_t aid = -1;
	assert_int_equal(cor_store_protection_latest(st, p2, &l, &aid), 0);
	assert_int_equal(l.no, 0);
	assert_int_equal(aid, 0);
	assert_int_equal(cor_store_protection_assessment_add(st, id, p2, VHR "-02", COR_PROT_LOW,
							     "interview", "protection", &no),
			 0);
	assert_int_equal(no, 1);
	assert_int_equal(cor_store_protection_assessment_add(st, id, p2, VHR "-02", COR_PROT_HIGH,
							     "interview", "protection", &no),
			 0);
	assert_int_equal(no, 2);
	g = gate_of(st, VHR);
	assert_int_equal(g.persons_assessed, 1);
	assert_int_equal(g.persons_at_risk, 1);
	assert_string_equal(g.person_at_risk, VHR "-02");
	assert_int_equal(cor_store_protection_latest(st, p2, &l, &aid), 0);
	assert_int_equal(l.no, 2);
	assert_int_equal(l.level, COR_PROT_HIGH);
	assert_string_equal(l.cleared_at, "");
	assert_true(aid > 0);
	assert_int_equal(cor_store_protection_clearance_add(st, id, aid, VHR "-02", 2, "reviewed",
							    "protection"),
			 0);
	assert_int_equal(cor_store_protection_latest(st, p2, &l, NULL), 0);
	assert_string_equal(l.cleared_at, "2026-11-28T09:00:00Z");
	assert_int_equal(gate_of(st, VHR).persons_at_risk, 0);
	char buf[512] = "";
	assert_int_equal(cor_store_protection_list(st, VHR, collect_protection, buf), 0);
	assert_string_equal(buf, "1|0|-|-|-;2|2|high|protection|protection;");
	assert_int_equal(
		cor_store_protection_list(st, "LY-TIP-2026-000999", collect_protection, buf),
		COR_ENOTFOUND);

	static const char *const want[] = {
		"counselling|session 1 by Amal Haddad in ar with an interpreter: decision "
		"undecided||tester",
		"counselling|session 2 by Jean Dupont in fr: decision yes||registration",
		"referral|referral 1 opened to UNHCR: asylum wish (counselling session 2)||tester",
		"referral|referral 2 opened to IOM legal: family tracing||t",
		"referral|referral 1 to UNHCR closed|claim lodged|protection",
		"state|registered -> on_hold|why|t",
		"protection|person " VHR "-02 assessed at low protection risk (assessment 1)||"
		"protection",
		"protection|person " VHR "-02 assessed at high protection risk (assessment 2)||"
		"protection",
		"protection|person " VHR "-02 cleared of high protection risk (assessment 2)|"
		"reviewed|protection",
	};
	struct events *ev = events_of(st, VHR);
	assert_int_equal(ev->n, (int)ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(ev->lines[i], want[i]);
	cor_store_close(st);
}

/* Inside a caller's transaction each write is a savepoint: a refused one
 * keeps the caller's earlier work; rolled back with the caller, nothing
 * stays. */
static void test_units_both(void **state)
{
	struct cor_store *st = open_both("units");
	int64_t id;
	int no = 0;
	assert_int_equal(cor_store_case_get(st, HEV, &id, NULL), 0);
	assert_int_equal(cor_store_begin(st), 0);
	struct cor_counselling s = session(COR_COUNSEL_YES, false);
	assert_int_equal(cor_store_counselling_session_add(st, id, &s, "tester", &no, NULL), 0);
	assert_int_equal(cor_store_case_state_set(st, id, "assessed", "eligible", "t", NULL),
			 COR_EBUSY);
	assert_int_equal(cor_store_case_state_set(st, id, "registered", "assessed", "t", NULL), 0);
	assert_int_equal(cor_store_commit(st), 0);
	assert_string_equal(state_of(st, HEV), "assessed");
	assert_int_equal(events_of(st, HEV)->n, 2);

	uint64_t before = backend_digest();
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_case_state_set(st, id, "assessed", "eligible", "t", NULL), 0);
	assert_int_equal(cor_store_referral_open(st, id, "UNHCR", "x", 0, 0, "t", &no), 0);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_string_equal(state_of(st, HEV), "assessed");
	assert_true(backend_digest() == before);
	cor_store_close(st);
}

/* Records of work done earlier, with their own times and events. */
static void test_history_both(void **state)
{
	struct cor_store *st = open_both("history");
	int64_t id, pid;
	assert_int_equal(cor_store_case_get(st, VHR, &id, NULL), 0);
	pid = backend_int("SELECT id FROM person WHERE seq = 1 AND case_id ="
			  " (SELECT id FROM cases WHERE ref = '" VHR "')");
	struct cor_counselling s = session(COR_COUNSEL_UNDECIDED, true);
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_history_counselling(st, id, 1, "2026-02-01T10:00:00Z", &s, "c"),
			 0);
	assert_int_equal(cor_store_history_protection(st, id, pid, VHR "-01", COR_PROT_HIGH, "g",
						      "2026-02-02T10:00:00Z", "p",
						      "2026-02-03T10:00:00Z", "reviewed"),
			 0);
	struct cor_health_check h = {.kind = COR_HEALTH_FITNESS,
				     .outcome = COR_HEALTH_FIT_WITH_CONDITIONS,
				     .conditions = COR_HEALTH_COND_BIT(COR_HEALTH_OXYGEN) |
						   COR_HEALTH_COND_BIT(COR_HEALTH_WCHR),
				     .examiner = "Dr N. Haddad"};
	assert_int_equal(cor_time_parse_utc("2026-02-04T10:30Z", &h.at), 0);
	assert_int_equal(cor_store_history_health(st, id, pid, VHR "-01", &h, "medic"), 0);
	long req = 0;
	assert_int_equal(cor_store_history_fund_request(st, id, 2026, "medical", "cash", 150000,
							"EUR", "2026-02-05T10:00:00Z", "f", &req),
			 0);
	assert_true(req > 0);
	assert_int_equal(cor_store_history_fund_pay(st, id, req, "2026-02-06T10:00:00Z", "f"),
			 COR_EWRONGSTATE);
	assert_string_equal(cor_store_errmsg(st), "fund request 1 is not in the state to be paid");
	assert_int_equal(cor_store_history_fund_approve(st, id, req, "2026-02-06T10:00:00Z", "f"),
			 0);
	assert_int_equal(cor_store_history_fund_pay(st, id, req, "2026-02-07T10:00:00Z", "f"), 0);
	assert_int_equal(cor_store_history_fund_budgets(st, "2026-02-08T10:00:00Z", "f"), 0);
	assert_int_equal(cor_store_history_arrival(st, id, "2026-02-09T10:00:00Z", "Lagos", "a"),
			 0);
	assert_int_equal(cor_store_history_support_item(st, id, 1, COR_SUPPORT_CASH, "grant", 50000,
							"NGN", "2026-02-10T10:00:00Z",
							"2026-02-11T10:00:00Z", "s"),
			 0);
	assert_int_equal(cor_store_history_support_visit(st, id, 1, "2026-03-01T10:00:00Z", "IOM",
							 "settled", "s"),
			 0);
	assert_int_equal(cor_store_commit(st), 0);
	static const char *const want[] = {
		"counselling|session 1 by Amal Haddad in ar with an interpreter: decision "
		"undecided; asylum wish||c",
		"referral|referral 1 opened to UNHCR: asylum wish (counselling session 1)||c",
		"protection|person " VHR "-01 assessed at high protection risk (assessment 1)||p",
		"protection|person " VHR "-01 cleared of high protection risk (assessment 1)|"
		"reviewed|p",
		"health|fitness to travel of " VHR "-01 at 2026-02-04T10:30Z by Dr N. Haddad: "
		"fit_with_conditions (oxygen, wchr)||medic",
		"fund|request 1: 1,500.00 EUR for cash (medical)||f",
		"fund|request 1 approved: 1,500.00 EUR||f",
		"fund|request 1: paid 1,500.00 EUR||f",
		"support|arrival confirmed at Lagos on 2026-02-09T10:00:00Z by a||a",
		"support|item 1 planned: cash, grant, 500.00 NGN||s",
		"support|item 1 delivered||s",
		"support|follow-up visit 1 on 2026-03-01 by IOM||s",
	};
	struct events *ev = events_of(st, VHR);
	for (int i = 0; i < ev->n && i < (int)ROWS(want); i++)
		assert_string_equal(ev->lines[i], want[i]);
	assert_int_equal(ev->n, (int)ROWS(want));
	assert_int_equal(backend_int("SELECT count(*) FROM health_condition"), 2);
	assert_int_equal(backend_int("SELECT amount FROM fund_budget"), 200000);
	assert_int_equal(backend_int("SELECT count(*) FROM referral WHERE counselling_id IS NULL"),
			 0);

	/* A movement that departed (between places the schema brings) and the
	 * booking on it. */
	assert_int_equal(backend_int("SELECT count(*) FROM place WHERE code IN ('MJI', 'LOS')"), 2);
	struct cor_movement m = {.ref = "LY-TIP-MV-2026-0001",
				 .kind = COR_MOVEMENT_CHARTER,
				 .label = "UZ 8401",
				 .carrier = "UZ",
				 .office = "LY-TIP",
				 .state = COR_MSTATE_DEPARTED,
				 .escort_seats = 2,
				 .nlegs = 1};
	m.legs[0] = (struct cor_leg){.from = "MJI", .to = "LOS", .number = "UZ8401", .seats = 180};
	assert_int_equal(cor_time_parse_utc("2026-02-20T08:00Z", &m.legs[0].departs), 0);
	m.legs[0].arrives = m.legs[0].departs + 5 * 3600;
	const char *at[COR_MSTATE__N] = {
		[COR_MSTATE_PLANNED] = "2026-02-12T10:00:00Z",
		[COR_MSTATE_OPEN] = "2026-02-13T10:00:00Z",
		[COR_MSTATE_CLOSED] = "2026-02-19T10:00:00Z",
		[COR_MSTATE_DEPARTED] = "2026-02-20T08:00:00Z",
	};
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_history_movement(st, 7, &m, at, NULL, "planner"), 0);
	assert_int_equal(cor_store_history_booking(st, id, 7, &m, COR_BOOKING_DEPARTED, "MJI",
						   "LOS", 1, "2026-02-14T10:00:00Z", "planner"),
			 0);
	assert_int_equal(cor_store_commit(st), 0);
	ev = events_of(st, VHR);
	assert_string_equal(ev->lines[ev->n - 1], "state|travel_ready -> booked|on UZ 8401 "
						  "(LY-TIP-MV-2026-0001), MJI -> LOS|planner");
	assert_int_equal(backend_int("SELECT count(*) FROM event WHERE movement_id = 7"), 4);
	assert_int_equal(backend_int("SELECT count(*) FROM booking WHERE status = 'departed'"), 1);
	if (on_pg) /* the table's own numbering goes on after the caller's ids */
		assert_int_equal(
			backend_int("SELECT nextval(pg_get_serial_sequence('movement', 'id'))"), 8);
	cor_store_close(st);
}

/* ---- faults ------------------------------------------------------------ */

/* A write that fails after others of its unit leaves nothing of the unit:
 * a trigger of our own makes the last insert fail. */
static void test_fault_undoes_unit(void **state)
{
	struct cor_store *st = open_with_cases("fault");
	struct cor_svc_case_counsel_out res;
	char msg[256];
	counsel_ok(st, VHR, COR_COUNSEL_YES, false, &res);

	/* The asylum wish: session, event, state, event, then the referral fails. */
	assert_int_equal(raw_exec("CREATE TRIGGER fault BEFORE INSERT ON referral"
				  " BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
				  msg, sizeof(msg)),
			 SQLITE_OK);
	uint64_t before = digest();
	struct cor_counselling s = session(COR_COUNSEL_UNDECIDED, true);
	assert_int_equal(counsel(st, VHR, &s, "tester", &res), COR_EINVAL);
	assert_non_null(strstr(cx.err.message, "opening a referral: injected fault"));
	assert_true(digest() == before);
	assert_string_equal(state_of(st, VHR), "registered");
	assert_int_equal(raw_exec("DROP TRIGGER fault", msg, sizeof(msg)), SQLITE_OK);

	/* A move: the state is set, then its event fails. */
	assert_int_equal(raw_exec("CREATE TRIGGER fault BEFORE INSERT ON event"
				  " BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
				  msg, sizeof(msg)),
			 SQLITE_OK);
	before = digest();
	struct cor_svc_case_move_in mv = {VHR, "counselled", NULL};
	struct cor_svc_case_move_out mout;
	assert_int_equal(cor_svc_case_move(as(st, "tester"), &mv, &mout), COR_EINVAL);
	assert_non_null(strstr(cx.err.message, "recording an event: injected fault"));
	assert_string_equal(cor_code_name(cx.err.code), "INVALID");
	assert_true(digest() == before);
	assert_string_equal(state_of(st, VHR), "registered");

	/* Inside a caller's transaction: the unit is undone, the caller's work kept. */
	assert_int_equal(cor_store_begin(st), 0);
	int64_t hev, p1;
	assert_int_equal(cor_store_case_get(st, HEV, &hev, NULL), 0);
	assert_int_equal(cor_store_case_state_set(st, hev, "registered", "assessed", "t", NULL),
			 COR_EINVAL);
	p1 = raw_int("SELECT id FROM person WHERE seq = 1 AND case_id = 1");
	assert_int_equal(cor_store_protection_assessment_add(st, 1, p1, VHR "-01", COR_PROT_LOW,
							     "g", "p", NULL),
			 COR_EINVAL);
	assert_int_equal(cor_store_commit(st), 0);
	assert_string_equal(state_of(st, HEV), "registered");
	assert_true(digest() == before);
	assert_int_equal(raw_exec("DROP TRIGGER fault", msg, sizeof(msg)), SQLITE_OK);
	move_ok(st, VHR, "counselled", NULL);
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_vhr_happy_path),
		cmocka_unit_test(test_move_refused),
		cmocka_unit_test(test_move_in_transaction),
		cmocka_unit_test(test_asylum_wish),
		cmocka_unit_test(test_referrals),
		cmocka_unit_test(test_counselling_refused),
		cmocka_unit_test(test_counselling_list),
		cmocka_unit_test(test_protection),
		cmocka_unit_test(test_held_from_history),
		cmocka_unit_test(test_fault_undoes_unit),
		cmocka_unit_test(test_record_writes),
	};
	const struct CMUnitTest both[] = {
		cmocka_unit_test(test_records_both),
		cmocka_unit_test(test_units_both),
		cmocka_unit_test(test_history_both),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
	return failed + backend_run_both("test_workflow", both, ROWS(both));
}

// SPDX-License-Identifier: Apache-2.0
// Unit tests for the store's health and document calls, on database files
// under $COR_TEST_TMP and, when $COR_TEST_PG holds a libpq URI, on
// PostgreSQL too (a fresh database per test, the same expected results):
// finding persons by ID (and every way an ID can be
// wrong), checks with their conditions and TB class, the latest check by
// examination time, clinical notes kept apart (the outcome calls work with
// the notes table gone; no event carries a note or a TB class), documents
// with their source, and all-or-nothing writes under injected failures.
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

#include "domain/document.h"
#include "domain/health.h"
#include "store/store.h"
#include "store/store_health.h"
#include "util/error.h"
#include "unit/store/pgtest.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define B(c)    COR_HEALTH_COND_BIT(COR_HEALTH_##c)

/* ---- helpers ----------------------------------------------------------- */

/* The backend the tests in progress run on. */
static bool on_pg;

/* A fresh database for one test: a file path, or on PostgreSQL the URI of
 * an empty database. */
static const char *db_path(const char *name)
{
	static char path[4][512];
	static int k;
	if (on_pg) {
		char *u = path[k++ % 4];
		if (pgtest_create(name, u, sizeof(path[0])) < 0)
			fail_msg("cannot create a PostgreSQL database for '%s'", name);
		return u;
	}
	const char *dir = getenv("COR_TEST_TMP");
	char *p = path[k++ % 4];
	snprintf(p, sizeof(path[0]), "%s/test_health_store-%s.db", dir && *dir ? dir : "/tmp",
		 name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", p, ext[i]);
		unlink(f);
	}
	return p;
}

static struct cor_store *open_db(const char *path)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	int err = cor_store_open(path, COR_STORE_CREATE, &st, msg, sizeof(msg));
	if (err)
		fail_msg("cannot open '%s': %d %s", path, err, msg);
	return st;
}

/* Run sql on the database with a connection of our own: NULL when it
 * worked, else the database's message (static storage). */
static const char *raw_try(const char *path, const char *sql)
{
	static char msg[512];
	if (on_pg) {
		PGresult *r = pgtest_exec(pgtest_db_of(path), sql, NULL);
		ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
		const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
		snprintf(msg, sizeof(msg), "%s", m ? m : "no connection");
		PQclear(r);
		return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK ? NULL : msg;
	}
	sqlite3 *db = NULL;
	char *err = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	snprintf(msg, sizeof(msg), "%s", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
	return rc == SQLITE_OK ? NULL : msg;
}

static void raw_exec(const char *path, const char *sql)
{
	const char *err = raw_try(path, sql);
	if (err)
		fail_msg("%s: %s", sql, err);
}

static long raw_int(const char *path, const char *sql)
{
	long v = -12345;
	if (on_pg) {
		PGresult *r = pgtest_exec(pgtest_db_of(path), sql, NULL);
		if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, r ? PQresultErrorMessage(r) : "no connection");
		if (PQntuples(r) > 0)
			v = strtol(PQgetvalue(r, 0, 0), NULL, 10);
		PQclear(r);
		return v;
	}
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static int64_t T(const char *s)
{
	int64_t t;
	assert_int_equal(cor_health_time_parse(s, &t), 0);
	return t;
}

/* Two cases: LY-TIP-2026-000201 (VHR to SDN) with persons 1 and 2, and
 * KE-NBO-2026-000010 (RST to the USA) with person 1. */
static struct cor_store *populated(const char *path)
{
	struct cor_store *st = open_db(path);
	static const struct {
		const char *ref, *prog, *office, *origin, *dest;
	} cases[] = {
		{"LY-TIP-2026-000201", "VHR", "LY-TIP", "LBY", "SDN"},
		{"KE-NBO-2026-000010", "RST", "KE-NBO", "KEN", "USA"},
	};
	static const struct {
		int c, seq;
		const char *family, *given;
		char sex;
		int y, m, d;
		const char *nat;
	} persons[] = {
		{0, 1, "YUSUF", "Amina", 'F', 1990, 3, 14, "SDN"},
		{0, 2, "YUSUF", "Omar", 'M', 2015, 6, 1, "SDN"},
		{1, 1, "HABIMANA", "Jean", 'M', 1985, 11, 20, "COD"},
	};
	int64_t ids[ROWS(cases)];
	for (size_t i = 0; i < ROWS(cases); i++) {
		struct cor_case c;
		memset(&c, 0, sizeof(c));
		snprintf(c.ref, sizeof(c.ref), "%s", cases[i].ref);
		snprintf(c.programme, sizeof(c.programme), "%s", cases[i].prog);
		snprintf(c.office, sizeof(c.office), "%s", cases[i].office);
		snprintf(c.origin, sizeof(c.origin), "%s", cases[i].origin);
		snprintf(c.destination, sizeof(c.destination), "%s", cases[i].dest);
		snprintf(c.state, sizeof(c.state), "registered");
		c.registered_on = (struct cor_date){2026, 1, 10};
		assert_int_equal(cor_store_case_add(st, &c, &ids[i]), 0);
	}
	for (size_t i = 0; i < ROWS(persons); i++) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		p.seq = persons[i].seq;
		p.relationship = p.seq == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD;
		snprintf(p.family_name, sizeof(p.family_name), "%s", persons[i].family);
		snprintf(p.family_name_latin, sizeof(p.family_name_latin), "%s", persons[i].family);
		snprintf(p.given_names, sizeof(p.given_names), "%s", persons[i].given);
		snprintf(p.given_names_latin, sizeof(p.given_names_latin), "%s", persons[i].given);
		p.sex = persons[i].sex;
		p.birth_date = (struct cor_date){persons[i].y, persons[i].m, persons[i].d};
		snprintf(p.nationality, sizeof(p.nationality), "%s", persons[i].nat);
		snprintf(p.needs, sizeof(p.needs), "%s", i == 0 ? "SM-CC" : "");
		assert_int_equal(cor_store_person_add(st, ids[persons[i].c], &p, NULL), 0);
	}
	return st;
}

static struct cor_person_found find(struct cor_store *st, const char *ref)
{
	struct cor_person_found who;
	if (cor_store_person_find(st, ref, &who) != 0)
		fail_msg("no person '%s': %s", ref, cor_store_errmsg(st));
	return who;
}

static struct cor_health_check mkcheck(enum cor_health_kind kind, const char *at,
				       enum cor_health_outcome o, unsigned conds,
				       enum cor_health_tb tb)
{
	struct cor_health_check h;
	memset(&h, 0, sizeof(h));
	h.kind = kind;
	h.at = T(at);
	h.outcome = o;
	h.conditions = conds;
	h.tb = tb;
	snprintf(h.examiner, sizeof(h.examiner), "Dr N. Haddad");
	return h;
}

/* The events of a case, "action|actor|detail" one per line. */
struct events {
	char text[4096];
	size_t len;
	int n;
};

static int collect_event(const struct cor_event *e, void *ctx)
{
	struct events *ev = ctx;
	ev->len += (size_t)snprintf(ev->text + ev->len, sizeof(ev->text) - ev->len, "%s|%s|%s\n",
				    e->action, e->actor, e->detail);
	ev->n++;
	return 0;
}

static struct events events_of(struct cor_store *st, int64_t case_id)
{
	struct events ev;
	memset(&ev, 0, sizeof(ev));
	assert_int_equal(cor_store_case_events(st, case_id, collect_event, &ev), 0);
	return ev;
}

/* ---- tests ------------------------------------------------------------- */

static void test_schema(void **state)
{
	const char *path = db_path("schema");
	cor_store_close(open_db(path));
	assert_int_equal(raw_int(path, "PRAGMA user_version"), cor_store_schema_version());
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
				       " ('health_check', 'health_condition', 'health_note')"),
			 3);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM pragma_table_info('document')"
				       " WHERE name = 'source' AND dflt_value = '''import'''"),
			 1);
}

static void test_person_find(void **state)
{
	const char *path = db_path("find");
	struct cor_store *st = populated(path);
	struct cor_person_found who;

	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000201-02", &who), 0);
	assert_string_equal(who.ref, "LY-TIP-2026-000201-02");
	assert_string_equal(who.c.ref, "LY-TIP-2026-000201");
	assert_string_equal(who.c.destination, "SDN");
	assert_string_equal(who.c.programme, "VHR");
	assert_string_equal(who.p.given_names_latin, "Omar");
	assert_int_equal(who.p.seq, 2);
	assert_int_equal(who.p.sex, 'M');
	assert_int_equal(who.p.birth_date.year, 2015);
	assert_true(who.id > 0 && who.case_id > 0);
	who = find(st, "LY-TIP-2026-000201-01");
	assert_string_equal(who.p.needs, "SM-CC");

	static const char *const malformed[] = {
		"",
		"LY-TIP-2026-000201",
		"LY-TIP-2026-000201-1",
		"LY-TIP-2026-000201-00",
		"LY-TIP-2026-000201-0a",
		"XX-01",
		"LY-TIP-2026-000201--01",
		"ly-tip-2026-000201-01",
	};
	for (size_t i = 0; i < ROWS(malformed); i++) {
		char want[200];
		if (cor_store_person_find(st, malformed[i], &who) != COR_EINVAL)
			fail_msg("'%s' accepted", malformed[i]);
		snprintf(want, sizeof(want),
			 "'%s' is not a person ID (a case ID, '-' and two digits, e.g. "
			 "LY-TIP-2026-000123-01)",
			 malformed[i]);
		assert_string_equal(cor_store_errmsg(st), want);
	}
	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000999-01", &who), COR_ENOTFOUND);
	assert_string_equal(
		cor_store_errmsg(st),
		"no person 'LY-TIP-2026-000999-01': there is no case 'LY-TIP-2026-000999'");
	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000201-07", &who), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st),
			    "no person 'LY-TIP-2026-000201-07': case 'LY-TIP-2026-000201' has no "
			    "person 07");
	cor_store_close(st);
}

static int collect_check(const struct cor_health_check *h, int64_t id, void *ctx)
{
	char *out = ctx, at[COR_HEALTH_TIME_LEN], conds[200];
	size_t n = strlen(out);
	snprintf(out + n, 2048 - n, "%s %s %s [%s] %s\n", cor_health_time_format(h->at, at),
		 cor_health_kind_name(h->kind), cor_health_outcome_name(h->outcome),
		 cor_health_conditions_format(h->conditions, conds, sizeof(conds)),
		 cor_health_tb_name(h->tb));
	return 0;
}

static void test_checks(void **state)
{
	const char *path = db_path("checks");
	struct cor_store *st = populated(path);
	struct cor_person_found amina = find(st, "LY-TIP-2026-000201-01"),
				jean = find(st, "KE-NBO-2026-000010-01");
	struct cor_health_check h, got;
	int64_t id1, id2, id;

	assert_int_equal(cor_store_health_latest(st, amina.id, COR_HEALTH_FITNESS, &got, &id),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no fitness to travel recorded");

	h = mkcheck(COR_HEALTH_FITNESS, "2026-03-02T09:30Z", COR_HEALTH_FIT_WITH_CONDITIONS,
		    B(STRETCHER) | B(MEDICAL_ESCORT) | B(OXYGEN), COR_HEALTH_TB_NOT_SCREENED);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id1), 0);
	/* An earlier check recorded later does not supersede it. */
	h = mkcheck(COR_HEALTH_FITNESS, "2026-02-20T10:00Z", COR_HEALTH_DEFERRED, 0, 0);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id2), 0);
	assert_true(id2 > id1);
	h = mkcheck(COR_HEALTH_PRE_MIGRATION, "2026-01-15T08:00Z", COR_HEALTH_FIT, 0,
		    COR_HEALTH_TB_B2);
	assert_int_equal(cor_store_health_add(st, &jean, &h, "medic2", NULL), 0);

	assert_int_equal(cor_store_health_latest(st, amina.id, COR_HEALTH_FITNESS, &got, &id), 0);
	assert_int_equal(id, id1);
	assert_int_equal(got.kind, COR_HEALTH_FITNESS);
	assert_int_equal(got.outcome, COR_HEALTH_FIT_WITH_CONDITIONS);
	assert_int_equal(got.conditions, B(STRETCHER) | B(MEDICAL_ESCORT) | B(OXYGEN));
	assert_int_equal(got.tb, COR_HEALTH_TB_NOT_SCREENED);
	assert_true(got.at == T("2026-03-02T09:30Z"));
	assert_string_equal(got.examiner, "Dr N. Haddad");
	assert_int_equal(
		cor_store_health_latest(st, amina.id, COR_HEALTH_PRE_MIGRATION, &got, NULL),
		COR_ENOTFOUND);
	assert_int_equal(cor_store_health_latest(st, jean.id, COR_HEALTH_PRE_MIGRATION, &got, NULL),
			 0);
	assert_int_equal(got.tb, COR_HEALTH_TB_B2);

	/* Two checks at the same time: the one recorded last wins. */
	h = mkcheck(COR_HEALTH_FITNESS, "2026-03-02T09:30Z", COR_HEALTH_FIT, 0, 0);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id), 0);
	assert_int_equal(cor_store_health_latest(st, amina.id, COR_HEALTH_FITNESS, &got, &id2), 0);
	assert_int_equal(id2, id);
	assert_int_equal(got.outcome, COR_HEALTH_FIT);

	char list[2048] = "";
	assert_int_equal(cor_store_health_each(st, amina.id, collect_check, list), 0);
	assert_string_equal(list, "2026-03-02T09:30Z fitness_to_travel fit []"
				  " \n"
				  "2026-03-02T09:30Z fitness_to_travel fit_with_conditions "
				  "[medical_escort, oxygen, stretcher] \n"
				  "2026-02-20T10:00Z fitness_to_travel deferred [] \n");

	/* Each recording is one event, without the TB class. */
	struct events ev = events_of(st, amina.case_id);
	assert_int_equal(ev.n, 3);
	assert_string_equal(
		ev.text, "health|medic1|fitness to travel of LY-TIP-2026-000201-01 at "
			 "2026-03-02T09:30Z by Dr N. Haddad: fit_with_conditions (medical_escort, "
			 "oxygen, stretcher)\n"
			 "health|medic1|fitness to travel of LY-TIP-2026-000201-01 at "
			 "2026-02-20T10:00Z by Dr N. Haddad: deferred\n"
			 "health|medic1|fitness to travel of LY-TIP-2026-000201-01 at "
			 "2026-03-02T09:30Z by Dr N. Haddad: fit\n");
	ev = events_of(st, jean.case_id);
	assert_string_equal(ev.text,
			    "health|medic2|pre-migration health assessment of "
			    "KE-NBO-2026-000010-01 at 2026-01-15T08:00Z by Dr N. Haddad: fit\n");
	assert_null(strstr(ev.text, "B2"));
	cor_store_close(st);

	/* Checks are never changed in place. */
	const char *err = raw_try(path, "UPDATE health_check SET outcome = 'fit'");
	assert_non_null(err);
	assert_string_equal(err, "health checks are never changed: record a new one");
}

static int collect_note(const struct cor_health_note *n, void *ctx)
{
	char *out = ctx, at[COR_HEALTH_TIME_LEN];
	size_t len = strlen(out);
	snprintf(out + len, 1024 - len, "%s %s %s: %s\n", cor_health_time_format(n->check_at, at),
		 cor_health_kind_name(n->kind), n->author, n->text);
	assert_int_equal(strlen(n->written_at), 20);
	return 0;
}

static void test_notes_apart(void **state)
{
	const char *path = db_path("notes");
	struct cor_store *st = populated(path);
	struct cor_person_found amina = find(st, "LY-TIP-2026-000201-01"),
				omar = find(st, "LY-TIP-2026-000201-02");
	static const char note1[] = "Hip fracture 2026-01, post-operative; oxygen saturation 91%";
	static const char note2[] = "Reviewed: stable";
	int64_t id, other;
	struct cor_health_check h =
		mkcheck(COR_HEALTH_FITNESS, "2026-03-02T09:30Z", COR_HEALTH_FIT_WITH_CONDITIONS,
			B(WCHC) | B(OXYGEN), COR_HEALTH_TB_B1_PULMONARY);

	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id), 0);
	assert_int_equal(cor_store_health_notes_add(st, &amina, id, "medic1", note1), 0);
	assert_int_equal(cor_store_health_notes_add(st, &amina, id, "medic2", note2), 0);
	assert_int_equal(cor_store_commit(st), 0);
	h = mkcheck(COR_HEALTH_FITNESS, "2026-03-01T09:30Z", COR_HEALTH_FIT, 0, 0);
	assert_int_equal(cor_store_health_add(st, &omar, &h, "medic1", &other), 0);

	char notes[1024] = "";
	assert_int_equal(cor_store_health_notes_each(st, amina.id, collect_note, notes), 0);
	assert_string_equal(notes,
			    "2026-03-02T09:30Z fitness_to_travel medic1: Hip fracture 2026-01, "
			    "post-operative; oxygen saturation 91%\n"
			    "2026-03-02T09:30Z fitness_to_travel medic2: Reviewed: stable\n");
	notes[0] = '\0';
	assert_int_equal(cor_store_health_notes_each(st, omar.id, collect_note, notes), 0);
	assert_string_equal(notes, "");

	/* A note goes with a check of the same person. */
	assert_int_equal(cor_store_health_notes_add(st, &amina, other, "medic1", "x"),
			 COR_ENOTFOUND);
	char want[128];
	snprintf(want, sizeof(want), "LY-TIP-2026-000201-01 has no health check %lld",
		 (long long)other);
	assert_string_equal(cor_store_errmsg(st), want);
	/* What a note must be is the caller's rule (cor_health_note_validate);
	 * the schema still refuses an empty one, as its last line. */
	assert_int_equal(cor_store_health_notes_add(st, &amina, id, "medic1", ""), COR_EINVAL);
	assert_non_null(strstr(cor_store_errmsg(st),
			       on_pg ? "violates check constraint" : "CHECK constraint failed"));
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_note"), 2);

	/* No event carries a note's text or the TB class. */
	struct events ev = events_of(st, amina.case_id);
	assert_int_equal(ev.n, 4);
	assert_null(strstr(ev.text, "Hip"));
	assert_null(strstr(ev.text, "stable"));
	assert_null(strstr(ev.text, "saturation"));
	assert_null(strstr(ev.text, "B1"));
	assert_string_equal(
		ev.text,
		"health|medic1|fitness to travel of LY-TIP-2026-000201-01 at "
		"2026-03-02T09:30Z by Dr N. Haddad: fit_with_conditions (oxygen, wchc)\n"
		"health|medic1|clinical note added to the fitness to travel of "
		"LY-TIP-2026-000201-01 at 2026-03-02T09:30Z (kept apart, for medical staff)\n"
		"health|medic2|clinical note added to the fitness to travel of "
		"LY-TIP-2026-000201-01 at 2026-03-02T09:30Z (kept apart, for medical staff)\n"
		"health|medic1|fitness to travel of LY-TIP-2026-000201-02 at "
		"2026-03-01T09:30Z by Dr N. Haddad: fit\n");
	cor_store_close(st);

	/* The outcome calls never read the notes table: with it gone they
	 * answer as before, while the notes calls fail. */
	raw_exec(path, "ALTER TABLE health_note RENAME TO health_note_elsewhere");
	st = open_db(path);
	struct cor_health_check got;
	assert_int_equal(cor_store_health_latest(st, amina.id, COR_HEALTH_FITNESS, &got, NULL), 0);
	assert_int_equal(got.conditions, B(WCHC) | B(OXYGEN));
	char list[2048] = "";
	assert_int_equal(cor_store_health_each(st, amina.id, collect_check, list), 0);
	assert_string_equal(list, "2026-03-02T09:30Z fitness_to_travel fit_with_conditions "
				  "[oxygen, wchc] B1_pulmonary\n");
	notes[0] = '\0';
	assert_int_equal(cor_store_health_notes_each(st, amina.id, collect_note, notes), COR_EIO);
	assert_non_null(
		strstr(cor_store_errmsg(st),
		       on_pg ? "reading clinical notes: relation \"health_note\" does not exist"
			     : "reading clinical notes: no such table"));
	cor_store_close(st);
}

static int collect_doc(const struct cor_document *d, enum cor_doc_source src, void *ctx)
{
	char *out = ctx, date[COR_DATE_LEN];
	size_t n = strlen(out);
	snprintf(out + n, 1024 - n, "%s %s %s %s %s\n", cor_doc_kind_name(d->kind), d->number,
		 d->issuer, d->has_expiry ? cor_date_format(d->expires_on, date) : "-",
		 cor_doc_source_name(src));
	return 0;
}

static void test_documents(void **state)
{
	const char *path = db_path("documents");
	struct cor_store *st = populated(path);
	struct cor_person_found amina = find(st, "LY-TIP-2026-000201-01");
	struct cor_document d;
	char list[1024] = "";

	memset(&d, 0, sizeof(d));
	d.kind = COR_DOC_PASSPORT;
	snprintf(d.number, sizeof(d.number), "P04918273");
	memcpy(d.issuer, "SDN", 4);
	d.has_expiry = true;
	d.expires_on = (struct cor_date){2027, 1, 2};
	assert_int_equal(cor_store_document_add(st, amina.id, &d), 0); /* as an import does */
	d.kind = COR_DOC_PASSPORT;
	snprintf(d.number, sizeof(d.number), "L898902C3");
	d.expires_on = (struct cor_date){2031, 5, 1};
	assert_int_equal(cor_store_document_record(st, &amina, &d, COR_DOC_SOURCE_MRZ, "clerk"), 0);
	d.kind = COR_DOC_VISA;
	snprintf(d.number, sizeof(d.number), "V77");
	memcpy(d.issuer, "CAN", 4);
	d.has_expiry = false;
	assert_int_equal(cor_store_document_record(st, &amina, &d, COR_DOC_SOURCE_MANUAL, "clerk"),
			 0);
	/* That a person holds a document once is the caller's rule
	 * (cor_document_same, checked by document.add): the store records. */

	assert_int_equal(cor_store_documents_each(st, amina.id, collect_doc, list), 0);
	assert_string_equal(list, "passport P04918273 SDN 2027-01-02 import\n"
				  "passport L898902C3 SDN 2031-05-01 mrz\n"
				  "visa V77 CAN - manual\n");
	struct events ev = events_of(st, amina.case_id);
	assert_string_equal(ev.text,
			    "document|clerk|passport L898902C3 issued by SDN, expires 2031-05-01 "
			    "added for LY-TIP-2026-000201-01 (read from the MRZ)\n"
			    "document|clerk|visa V77 issued by CAN added for LY-TIP-2026-000201-01 "
			    "(entered by hand)\n");
	cor_store_close(st);
}

/* Fail every event insert of one action, from inside the database. */
static void inject_event_failure(const char *path, const char *action)
{
	char sql[300];
	if (on_pg)
		snprintf(
			sql, sizeof(sql),
			"CREATE TRIGGER inject BEFORE INSERT ON event FOR EACH ROW"
			" WHEN (NEW.action = '%s') EXECUTE FUNCTION cor_refuse('injected failure')",
			action);
	else
		snprintf(sql, sizeof(sql),
			 "CREATE TRIGGER inject BEFORE INSERT ON event WHEN NEW.action = '%s'"
			 " BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
			 action);
	raw_exec(path, sql);
}

static void drop_injection(const char *path)
{
	raw_exec(path, on_pg ? "DROP TRIGGER inject ON event" : "DROP TRIGGER inject");
}

static void test_all_or_nothing(void **state)
{
	const char *path = db_path("atomic");
	struct cor_store *st = populated(path);
	struct cor_person_found amina = find(st, "LY-TIP-2026-000201-01");
	struct cor_health_check h =
		mkcheck(COR_HEALTH_FITNESS, "2026-03-02T09:30Z", COR_HEALTH_FIT_WITH_CONDITIONS,
			B(WCHR) | B(EXTRA_SEAT), 0);
	int64_t id;
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id), 0);
	cor_store_close(st);

	inject_event_failure(path, "health");
	st = open_db(path);
	long checks = raw_int(path, "SELECT count(*) FROM health_check"),
	     conds = raw_int(path, "SELECT count(*) FROM health_condition"),
	     notes = raw_int(path, "SELECT count(*) FROM health_note"),
	     events = raw_int(path, "SELECT count(*) FROM event");
	assert_int_equal(checks, 1);
	assert_int_equal(conds, 2);

	/* Outside a transaction: the check and its conditions are undone. */
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", NULL), COR_EINVAL);
	assert_non_null(strstr(cor_store_errmsg(st), "injected failure"));
	assert_int_equal(cor_store_health_notes_add(st, &amina, id, "medic1", "text"), COR_EINVAL);
	/* Inside one: the caller's earlier work stays, to commit or roll back. */
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", NULL), COR_EINVAL);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_check"), checks);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_condition"), conds);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_note"), notes);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event"), events);
	cor_store_close(st);

	drop_injection(path);
	inject_event_failure(path, "document");
	st = open_db(path);
	struct cor_document d;
	memset(&d, 0, sizeof(d));
	d.kind = COR_DOC_ETD;
	snprintf(d.number, sizeof(d.number), "E1");
	memcpy(d.issuer, "SDN", 4);
	long docs = raw_int(path, "SELECT count(*) FROM document");
	assert_int_equal(cor_store_document_record(st, &amina, &d, COR_DOC_SOURCE_MANUAL, "clerk"),
			 COR_EINVAL);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM document"), docs);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event"), events);
	cor_store_close(st);

	/* A rolled-back caller transaction leaves nothing either. */
	drop_injection(path);
	st = open_db(path);
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_document_record(st, &amina, &d, COR_DOC_SOURCE_MANUAL, "clerk"),
			 0);
	assert_int_equal(cor_store_health_add(st, &amina, &h, "medic1", &id), 0);
	assert_int_equal(cor_store_health_notes_add(st, &amina, id, "medic1", "text"), 0);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM document"), docs);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_check"), checks);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM health_note"), notes);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event"), events);
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test(test_schema),
	};
	const struct CMUnitTest both[] = {
		cmocka_unit_test(test_person_find),    cmocka_unit_test(test_checks),
		cmocka_unit_test(test_notes_apart),    cmocka_unit_test(test_documents),
		cmocka_unit_test(test_all_or_nothing),
	};
	int failed = cmocka_run_group_tests_name("sqlite", sqlite_only, NULL, NULL);
	failed += cmocka_run_group_tests_name("sqlite, every backend", both, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_health_store: COR_TEST_PG is not set: the PostgreSQL half is "
		       "skipped\n");
		return failed;
	}
	on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql, every backend", both, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

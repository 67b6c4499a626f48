// SPDX-License-Identifier: Apache-2.0
// Unit tests for the health and document operations (service/health.h,
// service/document.h), driven through cor_svc_* on a database file under
// $COR_TEST_TMP and, when $COR_TEST_PG holds a libpq URI, on PostgreSQL too
// (a fresh database per test), with an injected clock: what each op records and returns,
// the exact code, field, message and causes of each refusal, that a refused
// op changed nothing, that "now", "the future", "expired" and the MRZ's
// reference date are the context's clock, and that the clinical notes have
// an operation (and a permission) of their own.
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

#include <jansson.h>

#include "service/document.h"
#include "service/health.h"
#include "service/service.h"
#include "store/store.h"
#include "util/error.h"
#include "unit/store/pgtest.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define B(c)    COR_HEALTH_COND_BIT(COR_HEALTH_##c)

#define NOW "2026-03-01T09:30:40Z"

static const char amina_td3[] = "P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
				"L898902C36SDN9003141F3105010ZE184226B<<<<<16\n";
static const char specimen_td3[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
				   "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n";
/* Amina's booklet, expiring 2012-04-15. */
static const char old_td3[] = "P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
			      "L898902C36SDN9003141F1204159ZE184226B<<<<<18\n";

struct fixture {
	char path[512];
	struct cor_store *st;
	struct cor_ctx cx;
};

/* The backend the tests in progress run on. */
static bool on_pg;

static long raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
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
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Everything the ops may write, as one number: rows of each table. */
static long written(const struct fixture *f)
{
	return raw_int(f->path, "SELECT (SELECT count(*) FROM health_check) * 1000000"
				" + (SELECT count(*) FROM health_note) * 10000"
				" + (SELECT count(*) FROM document) * 100"
				" + (SELECT count(*) FROM event)");
}

static int64_t T(const char *s)
{
	int64_t t;
	assert_int_equal(cor_health_time_parse(s, &t), 0);
	return t;
}

/* LY-TIP-2026-000201 (VHR to SDN): Amina (F, 1990-03-14, with a passport
 * expiring 2027-01-02) and Omar (M, 2015-06-01); KE-NBO-2026-000010 (RST
 * to the USA): Jean. */
static int setup(void **state)
{
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
	static int n;
	struct fixture *f = calloc(1, sizeof(*f));
	const char *dir = getenv("COR_TEST_TMP");
	char msg[600] = "";
	int64_t ids[ROWS(cases)], pid;
	snprintf(f->path, sizeof(f->path), "%s/test_service_health-%d.db",
		 dir && *dir ? dir : "/tmp", n++);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char p[600];
		snprintf(p, sizeof(p), "%s%s", f->path, ext[i]);
		unlink(p);
	}
	if (on_pg) {
		char name[32];
		snprintf(name, sizeof(name), "health%d", n);
		if (pgtest_create(name, f->path, sizeof(f->path)) < 0)
			fail_msg("cannot create a PostgreSQL database for '%s'", name);
	}
	if (cor_store_open(f->path, COR_STORE_CREATE, &f->st, msg, sizeof(msg)) < 0)
		fail_msg("cannot open '%s': %s", f->path, msg);
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
		assert_int_equal(cor_store_case_add(f->st, &c, &ids[i]), 0);
	}
	for (size_t i = 0; i < ROWS(persons); i++) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		p.seq = persons[i].seq;
		p.relationship = p.seq == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD;
		snprintf(p.family_name_latin, sizeof(p.family_name_latin), "%s", persons[i].family);
		snprintf(p.given_names_latin, sizeof(p.given_names_latin), "%s", persons[i].given);
		p.sex = persons[i].sex;
		p.birth_date = (struct cor_date){persons[i].y, persons[i].m, persons[i].d};
		snprintf(p.nationality, sizeof(p.nationality), "%s", persons[i].nat);
		assert_int_equal(cor_store_person_add(f->st, ids[persons[i].c], &p, &pid), 0);
		if (i == 0) {
			struct cor_document d = {.kind = COR_DOC_PASSPORT,
						 .number = "P04918273",
						 .issuer = "SDN",
						 .expires_on = {2027, 1, 2},
						 .has_expiry = true};
			assert_int_equal(cor_store_document_add(f->st, pid, &d), 0);
		}
	}
	assert_int_equal(cor_ctx_init(&f->cx, f->st, "medic1", NOW), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	cor_store_close(f->st);
	free(f);
	return 0;
}

static void assert_cause(const struct cor_error *e, int i, enum cor_code code, const char *field,
			 const char *message)
{
	assert_true(i < e->ncauses);
	assert_int_equal(e->causes[i].code, code);
	assert_string_equal(e->causes[i].field, field);
	assert_string_equal(e->causes[i].message, message);
}

/* ---- health.check, health.assess -------------------------------------------- */

static void test_check_records(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_health_record_in in = {
		.person = "LY-TIP-2026-000201-01",
		.outcome = COR_HEALTH_FIT_WITH_CONDITIONS,
		.conditions = B(WCHC) | B(OXYGEN) | B(MEDICAL_ESCORT),
		.examiner = "Dr N. Haddad",
		.note = "SpO2 91% at rest",
	};
	struct cor_svc_health_record_out out;
	long before = written(f);

	/* No time given: the clock's, to the minute. */
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), 0);
	assert_string_equal(out.person, "LY-TIP-2026-000201-01");
	assert_string_equal(out.case_ref, "LY-TIP-2026-000201");
	assert_int_equal(out.check.kind, COR_HEALTH_FITNESS);
	assert_int_equal(out.check.at, T("2026-03-01T09:30Z"));
	assert_string_equal(out.check.examiner, "Dr N. Haddad");
	assert_true(out.note_kept);
	/* The check, its three conditions' table untouched here, the note and
	 * two events (the check's and the note's), in one transaction. */
	assert_int_equal(written(f), before + 1000000 + 10000 + 2);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM health_note WHERE author = 'medic1'"
					  " AND text = 'SpO2 91% at rest'"),
			 1);

	json_t *doc = cor_svc_health_record_json(&out);
	char *s = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	char want[512];
	snprintf(want, sizeof(want),
		 "{\"person\":\"LY-TIP-2026-000201-01\",\"case\":\"LY-TIP-2026-000201\","
		 "\"check\":{\"id\":%lld,\"kind\":\"fitness_to_travel\",\"at\":\"2026-03-01T09:"
		 "30Z\","
		 "\"examiner\":\"Dr N. Haddad\",\"outcome\":\"fit_with_conditions\","
		 "\"conditions\":[\"medical_escort\",\"oxygen\",\"wchc\"],"
		 "\"ssr_codes\":[\"MEDA\",\"OXYG\",\"WCHC\"],\"tb_class\":null},\"note_kept\":true,"
		 "\"taken_off\":null}",
		 (long long)out.id);
	assert_string_equal(s, want);
	free(s);
	json_decref(doc);

	/* The examiner defaults to the actor; an assessment is of its kind. */
	struct cor_svc_health_record_in pre = {.person = "KE-NBO-2026-000010-01",
					       .outcome = COR_HEALTH_FIT,
					       .tb = COR_HEALTH_TB_B2,
					       .has_at = true,
					       .at = T("2026-02-01T08:00Z")};
	assert_int_equal(cor_svc_health_assess(&f->cx, &pre, &out), 0);
	assert_int_equal(out.check.kind, COR_HEALTH_PRE_MIGRATION);
	assert_string_equal(out.check.examiner, "medic1");
	assert_false(out.note_kept);
}

static void test_check_future_is_the_clock(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_health_record_in in = {.person = "LY-TIP-2026-000201-02",
					      .outcome = COR_HEALTH_FIT,
					      .has_at = true,
					      .at = T("2026-03-01T09:31Z")};
	struct cor_svc_health_record_out out;
	long before = written(f);

	/* One minute after the clock's: refused, whatever the system clock says. */
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(f->cx.err.code, COR_CODE_INVALID);
	assert_string_equal(f->cx.err.field, "at");
	assert_string_equal(f->cx.err.message,
			    "at: 2026-03-01T09:31Z is in the future (now is 2026-03-01T09:30Z)");
	assert_int_equal(f->cx.err.ncauses, 0);
	assert_int_equal(written(f), before);
	/* The clock's own minute is not the future; a later clock accepts both. */
	in.at = T("2026-03-01T09:30Z");
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), 0);
	assert_int_equal(cor_ctx_set_now(&f->cx, "2026-03-01T09:31:00Z"), 0);
	in.at = T("2026-03-01T09:31Z");
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), 0);
}

static void test_check_every_cause(void **state)
{
	struct fixture *f = *state;
	char long_name[COR_NAME_MAX + 2];
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	struct cor_svc_health_record_in in = {
		.person = "KE-NBO-2026-000010-01",
		.outcome = COR_HEALTH_UNFIT,
		.conditions = B(OXYGEN),
		.has_at = true,
		.at = T("2027-01-01T00:00Z"),
		.examiner = long_name,
		.note = "first\nsecond",
	};
	struct cor_svc_health_record_out out;
	long before = written(f);

	assert_int_equal(cor_svc_health_assess(&f->cx, &in, &out), COR_EINVAL);
	const struct cor_error *e = &f->cx.err;
	assert_int_equal(e->code, COR_CODE_INVALID);
	assert_string_equal(e->field, "");
	assert_string_equal(e->message, "the pre-migration health assessment of "
					"'KE-NBO-2026-000010-01' breaks 5 rules");
	assert_int_equal(e->ncauses, 5);
	assert_cause(e, 0, COR_CODE_INVALID, "condition",
		     "condition: outcome 'unfit' takes no condition: conditions are the terms of "
		     "travel (given: oxygen)");
	assert_cause(e, 1, COR_CODE_INVALID, "tb",
		     "tb: a case bound for the USA needs a TB class: none, A, B1_pulmonary, "
		     "B1_extrapulmonary, B2 or B3");
	assert_cause(e, 2, COR_CODE_INVALID, "at",
		     "at: 2027-01-01T00:00Z is in the future (now is 2026-03-01T09:30Z)");
	assert_cause(e, 3, COR_CODE_INVALID, "examiner", "examiner: give a name of 1 to 120 bytes");
	assert_cause(e, 4, COR_CODE_INVALID, "note",
		     "note: holds a control character (a line break?) or is not UTF-8");
	assert_int_equal(written(f), before);

	/* The parameters first, one at a time. */
	in = (struct cor_svc_health_record_in){.person = "LY-TIP-2026-000201-01"};
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(e->field, "outcome");
	assert_string_equal(e->message,
			    "give the outcome: fit, fit_with_conditions, unfit or deferred");
	in = (struct cor_svc_health_record_in){.outcome = COR_HEALTH_FIT};
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(e->field, "person");

	/* Persons: not an ID, no such case, no such person. */
	in.person = "LY-TIP-2026-000201";
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->code, COR_CODE_INVALID);
	assert_string_equal(e->field, "person");
	assert_string_equal(e->message, "'LY-TIP-2026-000201' is not a person ID (a case ID, '-' "
					"and two digits, e.g. LY-TIP-2026-000123-01)");
	in.person = "LY-TIP-2026-000201-09";
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &out), COR_ENOTFOUND);
	assert_int_equal(e->code, COR_CODE_PERSON_NOT_FOUND);
	assert_string_equal(e->field, "person");
	assert_string_equal(e->message, "no person 'LY-TIP-2026-000201-09': case "
					"'LY-TIP-2026-000201' has no person 09");
	assert_int_equal(written(f), before);
}

/* ---- health.show, health.show_clinical ---------------------------------------- */

static void test_show(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_health_record_in in = {.person = "LY-TIP-2026-000201-01",
					      .outcome = COR_HEALTH_FIT,
					      .has_at = true,
					      .at = T("2026-02-27T10:00Z"),
					      .note = "clinical detail"};
	struct cor_svc_health_record_out rec;
	struct cor_svc_health_show_in show = {.person = "LY-TIP-2026-000201-01",
					      .has_departure = true,
					      .departure = T("2026-03-03T10:00Z")};
	struct cor_svc_health_show_out out;
	assert_int_equal(cor_svc_health_check(&f->cx, &in, &rec), 0);

	assert_int_equal(cor_svc_health_show(&f->cx, &show, &out), 0);
	assert_non_null(out.doc);
	assert_null(json_object_get(out.doc, "clinical_notes"));
	char *s = json_dumps(out.doc, JSON_COMPACT);
	assert_null(strstr(s, "clinical detail"));
	free(s);
	json_t *dep = json_object_get(out.doc, "departure");
	assert_false(json_is_true(json_object_get(dep, "valid")));
	assert_string_equal(json_string_value(json_object_get(dep, "reason")),
			    "the check of 2026-02-27T10:00Z is 96 h before departure at "
			    "2026-03-03T10:00Z, more than the 72 h allowed");
	assert_true(json_is_null(json_object_get(out.doc, "pre_migration")));
	assert_int_equal(json_array_size(json_object_get(out.doc, "history")), 1);
	json_decref(out.doc);

	show.clinical = true;
	show.window_hours = 96;
	assert_int_equal(cor_svc_health_show(&f->cx, &show, &out), 0);
	json_t *notes = json_object_get(out.doc, "clinical_notes");
	assert_int_equal(json_array_size(notes), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(notes, 0), "text")),
			    "clinical detail");
	assert_true(json_is_true(json_object_get(json_object_get(out.doc, "departure"), "valid")));
	json_decref(out.doc);

	show.window_hours = 721;
	assert_int_equal(cor_svc_health_show(&f->cx, &show, &out), COR_EINVAL);
	assert_int_equal(f->cx.err.code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(f->cx.err.field, "window_hours");
	assert_null(out.doc);
}

static void test_ops_and_permissions(void **state)
{
	(void)state;
	static const struct {
		const char *name, *permission;
		unsigned flags;
	} rows[] = {
		{"health.check", "health.write", COR_OP_WRITE},
		{"health.assess", "health.write", COR_OP_WRITE},
		{"health.show", "health.read", COR_OP_READ},
		{"health.show_clinical", "health.clinical", COR_OP_READ},
		{"document.add", "document.write", COR_OP_WRITE},
		{"document.list", "document.read", COR_OP_READ},
		{"document.check", "document.read", COR_OP_READ},
	};
	for (size_t i = 0; i < ROWS(rows); i++) {
		const struct cor_op *op = cor_op_find(rows[i].name);
		if (!op)
			fail_msg("no op '%s'", rows[i].name);
		assert_string_equal(op->permission, rows[i].permission);
		assert_int_equal(op->flags, rows[i].flags);
	}
}

/* ---- document.add -------------------------------------------------------------- */

static void test_add_fields(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_document_add_in in = {.person = "LY-TIP-2026-000201-02",
					     .kind = COR_DOC_PASSPORT,
					     .number = "P0001",
					     .issuer = "SDN",
					     .has_expires = true,
					     .expires = {2026, 2, 28}};
	struct cor_svc_document_add_out out;
	long before = written(f);

	/* Expired the day before the clock's today: recorded, and said so. */
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), 0);
	assert_true(out.expired);
	assert_int_equal(out.source, COR_DOC_SOURCE_MANUAL);
	assert_int_equal(written(f), before + 100 + 1);
	in.number = "P0002";
	in.expires = (struct cor_date){2026, 3, 1};
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), 0);
	assert_false(out.expired);

	/* The same again. */
	before = written(f);
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EEXIST);
	assert_int_equal(f->cx.err.code, COR_CODE_EXISTS);
	assert_string_equal(f->cx.err.field, "number");
	assert_string_equal(f->cx.err.message,
			    "'LY-TIP-2026-000201-02' already has passport P0002 issued by SDN");

	/* Every field's problem at once. */
	in = (struct cor_svc_document_add_in){.person = "LY-TIP-2026-000201-01",
					      .kind = COR_DOC_VISA,
					      .number = "p-1",
					      .issuer = "Sudan",
					      .has_expires = true,
					      .expires = {1980, 1, 1}};
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	const struct cor_error *e = &f->cx.err;
	assert_int_equal(e->code, COR_CODE_INVALID);
	assert_string_equal(e->message, "the document of 'LY-TIP-2026-000201-01' has 3 problems");
	assert_int_equal(e->ncauses, 3);
	assert_cause(e, 0, COR_CODE_INVALID, "number", "number: 'p-1' may hold only A-Z and 0-9");
	assert_cause(e, 1, COR_CODE_INVALID, "issuer",
		     "issuer: 'Sudan' is not an ISO 3166-1 alpha-3 country code");
	assert_cause(e, 2, COR_CODE_INVALID, "expires",
		     "expires: 1980-01-01 is not after the holder's birth date 1990-03-14");
	/* One problem: the error itself. */
	in.number = "V1";
	in.issuer = "SDN";
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	assert_string_equal(e->field, "expires");
	assert_int_equal(e->ncauses, 0);
	/* Missing fields are parameters. */
	in.kind = COR_DOC_NONE;
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(e->field, "kind");
	assert_int_equal(written(f), before);
}

static void test_add_mrz(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_document_add_in in = {
		.person = "LY-TIP-2026-000201-02", .mrz = amina_td3, .mrz_len = strlen(amina_td3)};
	struct cor_svc_document_add_out out;
	long before = written(f);

	/* Amina's passport against her son: name, birth date and sex disagree,
	 * each a cause; nothing is written. */
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	const struct cor_error *e = &f->cx.err;
	assert_int_equal(e->code, COR_CODE_INVALID);
	assert_string_equal(e->field, "mrz");
	assert_string_equal(e->message, "the MRZ does not match person 'LY-TIP-2026-000201-02'");
	assert_int_equal(e->ncauses, 3);
	assert_cause(e, 0, COR_CODE_INVALID, "mrz.name",
		     "name: the MRZ says YUSUF, AMINA, the person record says YUSUF, OMAR");
	assert_cause(e, 1, COR_CODE_INVALID, "mrz.birth_date",
		     "birth_date: the MRZ says 1990-03-14, the person record says 2015-06-01");
	assert_cause(e, 2, COR_CODE_INVALID, "mrz.sex",
		     "sex: the MRZ says F, the person record says M");
	assert_int_equal(written(f), before);

	/* The specimen against Amina: name, nationality, birth date, and an
	 * issuer that is no country. */
	in.person = "LY-TIP-2026-000201-01";
	in.mrz = specimen_td3;
	in.mrz_len = strlen(specimen_td3);
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->ncauses, 4);
	assert_string_equal(e->causes[0].field, "mrz.name");
	assert_string_equal(e->causes[3].field, "mrz.issuing_state");

	/* A check failed: each failed check a cause. */
	char bad[sizeof(amina_td3)];
	memcpy(bad, amina_td3, sizeof(bad));
	bad[sizeof(bad) - 3] = '7'; /* the composite check digit */
	in.mrz = bad;
	in.mrz_len = strlen(bad);
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	assert_string_equal(e->message, "the MRZ fails 1 check");
	assert_int_equal(e->ncauses, 1);
	assert_cause(e, 0, COR_CODE_INVALID, "mrz.composite",
		     "composite: check digit of composite is 7, expected 6");
	/* Fields given with an MRZ. */
	in.number = "X1";
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), COR_EINVAL);
	assert_int_equal(e->code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(e->field, "number");
	assert_int_equal(written(f), before);

	/* Her own passport: recorded from the MRZ. */
	in = (struct cor_svc_document_add_in){
		.person = "LY-TIP-2026-000201-01", .mrz = amina_td3, .mrz_len = strlen(amina_td3)};
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), 0);
	assert_int_equal(out.source, COR_DOC_SOURCE_MRZ);
	assert_int_equal(out.doc.kind, COR_DOC_PASSPORT);
	assert_string_equal(out.doc.number, "L898902C3");
	assert_false(out.expired);
	assert_int_equal(written(f), before + 100 + 1);

	/* Expired is the clock's: the 2012 booklet, before and after its day. */
	assert_int_equal(cor_ctx_set_now(&f->cx, "2012-04-15T23:59:59Z"), 0);
	in.kind = COR_DOC_ETD;
	in.mrz = old_td3;
	in.mrz_len = strlen(old_td3);
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), 0);
	assert_false(out.expired);
	assert_int_equal(cor_ctx_set_now(&f->cx, "2012-04-16T00:00:00Z"), 0);
	in.kind = COR_DOC_LAISSEZ_PASSER;
	assert_int_equal(cor_svc_document_add(&f->cx, &in, &out), 0);
	assert_true(out.expired);
}

/* ---- document.list, document.check ----------------------------------------------- */

static void test_list_and_check(void **state)
{
	struct fixture *f = *state;
	struct cor_svc_document_list_in lin = {.person = "LY-TIP-2026-000201-01"};
	struct cor_svc_document_list_out lout;
	assert_int_equal(cor_svc_document_list(&f->cx, &lin, &lout), 0);
	char *s = json_dumps(json_object_get(lout.doc, "documents"), JSON_COMPACT);
	assert_string_equal(s,
			    "[{\"kind\":\"passport\",\"number\":\"P04918273\",\"issuer\":\"SDN\","
			    "\"expires_on\":\"2027-01-02\",\"source\":\"import\","
			    "\"expired\":false}]");
	free(s);
	json_decref(lout.doc);

	struct cor_svc_document_check_in cin = {.case_ref = "LY-TIP-2026-000201",
						.has_travel_date = true,
						.travel_date = {2027, 1, 2},
						.margin_days = 1};
	struct cor_svc_document_check_out cout;
	long before = written(f);
	assert_int_equal(cor_svc_document_check(&f->cx, &cin, &cout), 0);
	assert_int_equal(cout.persons, 2);
	assert_int_equal(cout.lacking, 2);
	json_t *p = json_array_get(json_object_get(cout.doc, "persons"), 0);
	assert_string_equal(json_string_value(json_object_get(p, "reason")),
			    "passport of Amina YUSUF expires 2027-01-02, less than 1 day after "
			    "travel on 2027-01-02");
	json_decref(cout.doc);
	cin.margin_days = 0;
	assert_int_equal(cor_svc_document_check(&f->cx, &cin, &cout), 0);
	assert_int_equal(cout.lacking, 1);
	json_decref(cout.doc);
	assert_int_equal(written(f), before);

	cin.case_ref = "LY-TIP-2026-000999";
	assert_int_equal(cor_svc_document_check(&f->cx, &cin, &cout), COR_ENOTFOUND);
	assert_int_equal(f->cx.err.code, COR_CODE_CASE_NOT_FOUND);
	assert_string_equal(f->cx.err.field, "case");
	assert_string_equal(f->cx.err.message, "no case 'LY-TIP-2026-000999'");
	cin.case_ref = "LY-TIP-2026-000201";
	cin.margin_days = 3661;
	assert_int_equal(cor_svc_document_check(&f->cx, &cin, &cout), COR_EINVAL);
	assert_int_equal(f->cx.err.code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(f->cx.err.field, "margin_days");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_check_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_future_is_the_clock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_every_cause, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show, setup, teardown),
		cmocka_unit_test(test_ops_and_permissions),
		cmocka_unit_test_setup_teardown(test_add_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_mrz, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_and_check, setup, teardown),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_service_health: COR_TEST_PG is not set: the PostgreSQL half is "
		       "skipped\n");
		return failed;
	}
	on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql", tests, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

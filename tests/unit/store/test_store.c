// SPDX-License-Identifier: Apache-2.0
// Unit tests for the store, on database files under $COR_TEST_TMP and, when
// $COR_TEST_PG holds a libpq URI, on PostgreSQL too (a fresh database per
// test): creating and reopening, refusing databases that are not Corridor's
// or are newer, offices, cases, persons, documents, the append-only history,
// the case filter, statistics over a small dataset whose every number is
// worked out by hand below, nested units of work, large writes, and the
// same results from both backends for the same writes.
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
#include <sys/stat.h>
#include <unistd.h>

#include "domain/stats.h"
#include "store/migrations.h"
#include "store/store_health.h"
#include "store/store_numbers.h"
#include "store/store_workflow.h"
#include "store/store.h"
#include "store/store_movement.h"
#include "util/error.h"
#include "util/uuid.h"
#include "unit/store/pgtest.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers ----------------------------------------------------------- */

/* The backend the tests in progress run on. */
static bool on_pg;

/* A fresh database for one test: a path with nothing there yet, or on
 * PostgreSQL the URI of an empty database. */
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
	snprintf(p, sizeof(path[0]), "%s/test_store-%s.db", dir && *dir ? dir : "/tmp", name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", p, ext[i]);
		unlink(f);
	}
	return p;
}

static struct cor_store *open_new(const char *path)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	int err = cor_store_open(path, COR_STORE_CREATE, &st, msg, sizeof(msg));
	if (err)
		fail_msg("cannot create '%s': %d %s", path, err, msg);
	assert_non_null(st);
	return st;
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Run SQL on the file with a connection of our own; the SQLite result code,
 * and the message in msg (when not NULL). */
/* The uid function the store gives its connection (the migrations from 8
 * on call it), for a raw connection. */
static void raw_uuid7(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct cor_uuid u;
	assert_int_equal(cor_uuid7_now(&u), 0);
	sqlite3_result_blob(cx, u.b, sizeof(u.b), SQLITE_TRANSIENT);
}

static int raw_exec(const char *path, const char *sql, char *msg, size_t msglen)
{
	if (on_pg) {
		PGresult *r = pgtest_exec(pgtest_db_of(path), sql, NULL);
		ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
		const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
		const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
		if (msg)
			snprintf(msg, msglen, "%s", m ? m : "");
		int rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? SQLITE_OK
			 : state && (!strncmp(state, "23", 2) || !strcmp(state, "P0001"))
				 ? SQLITE_CONSTRAINT
				 : SQLITE_ERROR;
		PQclear(r);
		return rc;
	}
	sqlite3 *db = NULL;
	char *err = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "cor_uuid7", 0, SQLITE_UTF8, NULL, raw_uuid7, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (msg)
		snprintf(msg, msglen, "%s", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
	return rc;
}

/* One integer from a query of our own. */
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

static struct cor_case mkcase(const char *ref, const char *prog, const char *office,
			      const char *origin, const char *dest, const char *state,
			      enum cor_priority prio, struct cor_date reg)
{
	struct cor_case c;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%s", office);
	snprintf(c.origin, sizeof(c.origin), "%s", origin);
	snprintf(c.destination, sizeof(c.destination), "%s", dest);
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = prio;
	c.registered_on = reg;
	return c;
}

static struct cor_person mkperson(int seq, enum cor_relationship rel, const char *fam_latin,
				  const char *given_latin, const char *fam, const char *given,
				  char sex, struct cor_date birth, const char *nat,
				  const char *langs, const char *needs)
{
	struct cor_person p;
	memset(&p, 0, sizeof(p));
	p.seq = seq;
	p.relationship = rel;
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "%s", fam_latin);
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "%s", given_latin);
	snprintf(p.family_name, sizeof(p.family_name), "%s", fam ? fam : fam_latin);
	snprintf(p.given_names, sizeof(p.given_names), "%s", given ? given : given_latin);
	p.sex = sex;
	p.birth_date = birth;
	snprintf(p.nationality, sizeof(p.nationality), "%s", nat);
	snprintf(p.languages, sizeof(p.languages), "%s", langs);
	snprintf(p.needs, sizeof(p.needs), "%s", needs);
	return p;
}

static struct cor_document mkdoc(enum cor_doc_kind kind, const char *number, const char *issuer,
				 const struct cor_date *expires)
{
	struct cor_document d;
	memset(&d, 0, sizeof(d));
	d.kind = kind;
	snprintf(d.number, sizeof(d.number), "%s", number);
	snprintf(d.issuer, sizeof(d.issuer), "%s", issuer);
	if (expires) {
		d.expires_on = *expires;
		d.has_expiry = true;
	}
	return d;
}

static struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

static void
assert_same_date(struct cor_date a, struct cor_date b)
{
	assert_int_equal(a.year, b.year);
	assert_int_equal(a.month, b.month);
	assert_int_equal(a.day, b.day);
}

static void assert_same_case(const struct cor_case *a, const struct cor_case *b)
{
	assert_string_equal(a->ref, b->ref);
	assert_string_equal(a->programme, b->programme);
	assert_string_equal(a->office, b->office);
	assert_string_equal(a->origin, b->origin);
	assert_string_equal(a->destination, b->destination);
	assert_string_equal(a->state, b->state);
	assert_int_equal(a->priority, b->priority);
	assert_same_date(a->registered_on, b->registered_on);
}

/* The needs as a set: the store keeps codes, not their order. */
static void assert_same_needs(const char *a, const char *b)
{
	char x[COR_NEEDS_MAX + 4], y[COR_NEEDS_MAX + 4];
	size_t na = *a ? 1 : 0, nb = *b ? 1 : 0;
	for (const char *c = a; *c; c++)
		na += *c == ';';
	for (const char *c = b; *c; c++)
		nb += *c == ';';
	if (na != nb)
		fail_msg("needs '%s' and '%s' differ", a, b);
	snprintf(x, sizeof(x), ";%s;", a);
	for (const char *c = b; *c;) {
		size_t n = strcspn(c, ";");
		snprintf(y, sizeof(y), ";%.*s;", (int)n, c);
		if (!strstr(x, y))
			fail_msg("needs '%s' and '%s' differ", a, b);
		c += n + (c[n] != '\0');
	}
}

static void assert_same_person(const struct cor_person *a, const struct cor_person *b)
{
	assert_int_equal(a->seq, b->seq);
	assert_int_equal(a->relationship, b->relationship);
	assert_string_equal(a->family_name, b->family_name);
	assert_string_equal(a->given_names, b->given_names);
	assert_string_equal(a->family_name_latin, b->family_name_latin);
	assert_string_equal(a->given_names_latin, b->given_names_latin);
	assert_int_equal(a->sex, b->sex);
	assert_same_date(a->birth_date, b->birth_date);
	assert_int_equal(a->birth_date_approx, b->birth_date_approx);
	assert_string_equal(a->nationality, b->nationality);
	assert_string_equal(a->languages, b->languages);
	assert_same_needs(a->needs, b->needs);
}

static void assert_same_doc(const struct cor_document *a, const struct cor_document *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_string_equal(a->number, b->number);
	assert_string_equal(a->issuer, b->issuer);
	assert_int_equal(a->has_expiry, b->has_expiry);
	if (a->has_expiry)
		assert_same_date(a->expires_on, b->expires_on);
}

/* ---- opening ----------------------------------------------------------- */

static void test_create_reopen(void **state)
{
	const char *path = db_path("create");
	struct cor_store *st = NULL;
	char msg[600], want[700];

	/* Without COR_STORE_CREATE a missing file is not created. */
	assert_int_equal(cor_store_open(path, 0, &st, msg, sizeof(msg)), COR_ENOTFOUND);
	assert_null(st);
	snprintf(want, sizeof(want),
		 "no database at '%s' (create one with 'corridor init' or 'corridor demo')", path);
	assert_string_equal(msg, want);
	struct stat sb;
	assert_int_equal(stat(path, &sb), -1);

	st = open_new(path);
	cor_store_close(st);
	/* One version per migration. */
	assert_int_equal(cor_store_schema_version(), (int)cor_sqlite_migrations_len);
	assert_true(cor_store_schema_version() >= 1);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), cor_store_schema_version());
	assert_int_equal(raw_int(path, "PRAGMA application_id"), 0x436f7272);

	/* Reopen without the flag; the shipped offices are there. */
	st = NULL;
	assert_int_equal(cor_store_open(path, 0, &st, msg, sizeof(msg)), 0);
	struct cor_office o;
	assert_int_equal(cor_store_office_get(st, "LY-TIP", &o), 0);
	assert_string_equal(o.code, "LY-TIP");
	assert_string_equal(o.country, "LBY");
	assert_string_equal(o.name, "Tripoli");
	long cases = -1, persons = -1, docs = -1, events = -1;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, 0);
	assert_int_equal(persons, 0);
	assert_int_equal(docs, 0);
	assert_int_equal(events, 0);
	cor_store_close(st);
	/* Reopening with the flag opens, and migrating again changes nothing. */
	st = open_new(path);
	cor_store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM office"), 24);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM programme"), 8);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), cor_store_schema_version());
	cor_store_close(NULL); /* allowed */
}

static void expect_refused(const char *path, unsigned flags, int err, const char *want)
{
	struct cor_store *st = (struct cor_store *)1;
	char msg[600] = "";
	int got = cor_store_open(path, flags, &st, msg, sizeof(msg));
	if (got != err)
		fail_msg("open '%s': %d (%s), expected %d", path, got, msg, err);
	assert_null(st);
	assert_string_equal(msg, want);
}

static void test_refuse_not_sqlite(void **state)
{
	const char *path = db_path("text");
	static const char text[] = "case_id,programme\nLY-TIP-2026-000001,VHR\n";
	char want[700];
	write_file(path, text, strlen(text));
	snprintf(want, sizeof(want), "'%s' is not a Corridor database (not an SQLite file)", path);
	expect_refused(path, 0, COR_ENOTCORRIDOR, want);
	/* Not even when asked to create: the file is someone's. */
	expect_refused(path, COR_STORE_CREATE, COR_ENOTCORRIDOR, want);
	/* And the file is as it was. */
	char buf[256] = "";
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(buf, text, n);

	/* A larger binary file that is not SQLite either. */
	path = db_path("binary");
	unsigned char junk[8192];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 131 + 7);
	write_file(path, junk, sizeof(junk));
	snprintf(want, sizeof(want), "'%s' is not a Corridor database (not an SQLite file)", path);
	expect_refused(path, 0, COR_ENOTCORRIDOR, want);
}

static void test_refuse_empty_and_dir(void **state)
{
	const char *path = db_path("empty");
	char want[700];
	write_file(path, "", 0);
	snprintf(want, sizeof(want), "'%s' is empty, not a Corridor database", path);
	expect_refused(path, 0, COR_ENOTCORRIDOR, want);
	/* With COR_STORE_CREATE an empty file becomes a database. */
	struct cor_store *st = open_new(path);
	cor_store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), cor_store_schema_version());

	const char *dir = getenv("COR_TEST_TMP");
	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(want, sizeof(want), "'%s' is not a regular file", dir);
	expect_refused(dir, COR_STORE_CREATE, COR_EINVAL, want);
}

static void test_refuse_other_application(void **state)
{
	const char *path = db_path("other");
	char want[700];
	assert_int_equal(raw_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (42);", NULL, 0),
			 SQLITE_OK);
	snprintf(want, sizeof(want), "'%s' is not a Corridor database (application id 0)", path);
	expect_refused(path, 0, COR_ENOTCORRIDOR, want);
	expect_refused(path, COR_STORE_CREATE, COR_ENOTCORRIDOR, want);
	/* Untouched: no Corridor table was added. */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_schema"), 1);
	assert_int_equal(raw_int(path, "SELECT x FROM t"), 42);

	/* Another application that does set an application id. */
	path = db_path("other-id");
	assert_int_equal(
		raw_exec(path, "PRAGMA application_id = 1234; CREATE TABLE t (x);", NULL, 0),
		SQLITE_OK);
	snprintf(want, sizeof(want), "'%s' is not a Corridor database (application id 0x4d2)",
		 path);
	expect_refused(path, 0, COR_ENOTCORRIDOR, want);
}

static void test_refuse_newer(void **state)
{
	const char *path = db_path("newer");
	char want[700];
	cor_store_close(open_new(path));
	assert_int_equal(raw_exec(path, "PRAGMA user_version = 99", NULL, 0), SQLITE_OK);
	snprintf(
		want, sizeof(want),
		"'%s' has schema version 99 but this corridor knows up to %d: use a newer corridor",
		path, cor_store_schema_version());
	expect_refused(path, 0, COR_ETOONEW, want);
	expect_refused(path, COR_STORE_CREATE, COR_ETOONEW, want);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 99);
}

/* The schema as a list of its objects' SQL, to compare two databases. */
static char *schema_of(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(db,
				   "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
				   -1, &s, NULL),
		SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		fprintf(m, "%s %s %s\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
			sqlite3_column_text(s, 2) ? (const char *)sqlite3_column_text(s, 2) : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
	fclose(m);
	return buf;
}

/* A database left at any older version is brought up to date on opening,
 * to the same schema as a new one. */
static void test_migrate_from_each_version(void **state)
{
	const char *fresh = db_path("fresh");
	cor_store_close(open_new(fresh));
	char *want = schema_of(fresh);
	for (size_t v = 0; v < cor_sqlite_migrations_len; v++) {
		char name[32], sql[128];
		snprintf(name, sizeof(name), "at-version-%zu", v);
		const char *path = db_path(name);
		for (size_t i = 0; i < v; i++)
			assert_int_equal(raw_exec(path, cor_sqlite_migrations[i], NULL, 0),
					 SQLITE_OK);
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %zu; PRAGMA application_id = %d",
			 v, v ? 0x436f7272 : 0);
		assert_int_equal(raw_exec(path, sql, NULL, 0), SQLITE_OK);
		struct cor_store *st = NULL;
		char msg[600] = "";
		/* Version 0 is an empty file: only COR_STORE_CREATE makes it a database. */
		if (cor_store_open(path, v ? 0 : COR_STORE_CREATE, &st, msg, sizeof(msg)) != 0)
			fail_msg("opening a database at version %zu: %s", v, msg);
		cor_store_close(st);
		assert_int_equal(raw_int(path, "PRAGMA user_version"), cor_store_schema_version());
		char *got = schema_of(path);
		if (strcmp(got, want))
			fail_msg("migrated from version %zu, the schema differs:\n%s\nexpected\n%s",
				 v, got, want);
		free(got);
	}
	free(want);
}

/* ---- offices ----------------------------------------------------------- */

struct office_list {
	char codes[64][8];
	int n;
	int stop_after;
};

static int collect_office(const struct cor_office *o, void *ctx)
{
	struct office_list *l = ctx;
	assert_true(l->n < 64);
	snprintf(l->codes[l->n++], 8, "%s", o->code);
	return l->stop_after && l->n == l->stop_after ? 77 : 0;
}

static void test_offices(void **state)
{
	const char *path = db_path("offices");
	struct cor_store *st = open_new(path);
	struct cor_office o = {"NE-ZIN", "NER", "Zinder"}, got;

	assert_int_equal(cor_store_office_add(st, &o), 0);
	memset(&got, 0, sizeof(got));
	assert_int_equal(cor_store_office_get(st, "NE-ZIN", &got), 0);
	assert_string_equal(got.code, "NE-ZIN");
	assert_string_equal(got.country, "NER");
	assert_string_equal(got.name, "Zinder");

	struct cor_office dup = {"NE-ZIN", "NER", "Zinder again"};
	assert_int_equal(cor_store_office_add(st, &dup), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(st), "office 'NE-ZIN' already exists");
	assert_int_equal(cor_store_office_get(st, "NE-ZIN", &got), 0);
	assert_string_equal(got.name, "Zinder");

	assert_int_equal(cor_store_office_get(st, "XX-XXX", &got), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no office 'XX-XXX'");

	/* A Unicode name is kept as written. */
	struct cor_office u = {"TR-ANK", "TUR",
			       "Ankara \xC3\x87"
			       "ankaya"};
	assert_int_equal(cor_store_office_add(st, &u), 0);
	assert_int_equal(cor_store_office_get(st, "TR-ANK", &got), 0);
	assert_string_equal(got.name, "Ankara \xC3\x87"
				      "ankaya");

	struct office_list l = {.n = 0};
	assert_int_equal(cor_store_office_list(st, collect_office, &l), 0);
	assert_int_equal(l.n, 26);
	for (int i = 1; i < l.n; i++)
		if (strcmp(l.codes[i - 1], l.codes[i]) >= 0)
			fail_msg("offices not in code order: %s, %s", l.codes[i - 1], l.codes[i]);
	assert_string_equal(l.codes[0], "AF-KBL");
	assert_string_equal(l.codes[l.n - 1], "YE-ADE");
	/* A callback's non-zero return stops the list and is returned. */
	struct office_list s = {.n = 0, .stop_after = 3};
	assert_int_equal(cor_store_office_list(st, collect_office, &s), 77);
	assert_int_equal(s.n, 3);
	cor_store_close(st);
}

/* ---- cases, persons, documents ----------------------------------------- */

static void test_cases(void **state)
{
	const char *path = db_path("cases");
	struct cor_store *st = open_new(path);
	struct cor_case c = mkcase("LY-TIP-2026-000005", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_URGENT, D(2026, 1, 10)),
			got;
	int64_t id = 0, id2 = 0, last = -1;
	long seq = 0;

	assert_int_equal(cor_store_case_last_id(st, &last), 0);
	assert_int_equal(last, 0);
	assert_int_equal(cor_store_case_add(st, &c, &id), 0);
	assert_true(id > 0);
	assert_int_equal(cor_store_case_last_id(st, &last), 0);
	assert_int_equal(last, id);

	memset(&got, 0, sizeof(got));
	int64_t gid = 0;
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000005", &gid, &got), 0);
	assert_int_equal(gid, id);
	assert_same_case(&got, &c);
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000005", NULL, NULL), 0);
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000006", &gid, &got), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000006'");

	/* The same ref again. */
	struct cor_case dup = c;
	snprintf(dup.programme, sizeof(dup.programme), "AVR");
	assert_int_equal(cor_store_case_add(st, &dup, &id2), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(st), "case 'LY-TIP-2026-000005' already exists");
	assert_int_equal(cor_store_case_get(st, "LY-TIP-2026-000005", NULL, &got), 0);
	assert_string_equal(got.programme, "VHR");

	/* An office that does not exist. */
	struct cor_case nowhere = mkcase("XX-ABC-2026-000001", "VHR", "XX-ABC", "LBY", "NGA",
					 "registered", COR_PRIO_NORMAL, D(2026, 1, 10));
	assert_int_equal(cor_store_case_add(st, &nowhere, NULL), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no office 'XX-ABC'");

	/* A malformed reference. */
	struct cor_case bad = c;
	snprintf(bad.ref, sizeof(bad.ref), "LY-TIP-26-5");
	assert_int_equal(cor_store_case_add(st, &bad, NULL), COR_EINVAL);
	assert_string_equal(cor_store_errmsg(st), "malformed case reference 'LY-TIP-26-5'");

	/* Numbering continues after the highest ref added, per office and year. */
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 6);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 7);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2025, &seq), 0);
	assert_int_equal(seq, 1);
	assert_int_equal(cor_store_case_next_seq(st, "LY-BEN", 2026, &seq), 0);
	assert_int_equal(seq, 1);
	/* A lower ref added later does not move the counter back... */
	struct cor_case low = mkcase("LY-TIP-2026-000002", "VHR", "LY-TIP", "LBY", "NER",
				     "registered", COR_PRIO_NORMAL, D(2026, 1, 11));
	assert_int_equal(cor_store_case_add(st, &low, NULL), 0);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 8);
	/* ...and a higher one moves it forward. */
	struct cor_case high = mkcase("LY-TIP-2026-000100", "VHR", "LY-TIP", "LBY", "NER",
				      "registered", COR_PRIO_NORMAL, D(2026, 1, 11));
	assert_int_equal(cor_store_case_add(st, &high, NULL), 0);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 101);
	assert_int_equal(cor_store_case_next_seq(st, "XX-ABC", 2026, &seq), COR_ENOTFOUND);
	cor_store_close(st);
}

struct person_got {
	struct cor_person p[8];
	struct cor_document d[8][4];
	int nd[8];
	int n;
};

static int collect_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
			  void *ctx)
{
	struct person_got *g = ctx;
	assert_true(g->n < 8 && ndocs <= 4);
	g->p[g->n] = *p;
	for (int i = 0; i < ndocs; i++)
		g->d[g->n][i] = docs[i];
	g->nd[g->n++] = ndocs;
	return 0;
}

static void test_persons_documents(void **state)
{
	const char *path = db_path("persons");
	struct cor_store *st = open_new(path);
	struct cor_case c = mkcase("LB-BEY-2025-000007", "RST", "LB-BEY", "LBN", "CAN", "submitted",
				   COR_PRIO_EMERGENCY, D(2025, 11, 20));
	int64_t cid, pid1 = 0, pid2 = 0, pid3 = 0;
	assert_int_equal(cor_store_case_add(st, &c, &cid), 0);

	struct cor_person p1 = mkperson(1, COR_REL_PRINCIPAL, "Al-Hassan", "Fatima",
					"\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB3\xD9\x86",
					"\xD9\x81\xD8\xA7\xD8\xB7\xD9\x85\xD8\xA9", 'F',
					D(1960, 1, 16), "SYR", "ar;ku", "SM-CC;ER-NF;WR-SF");
	p1.birth_date_approx = true;
	struct cor_person p2 = mkperson(2, COR_REL_CHILD, "Al-Hassan", "Omar", NULL, NULL, 'M',
					D(2008, 1, 16), "SYR", "ar", "");
	struct cor_person p3 = mkperson(3, COR_REL_OTHER_RELATIVE, "", "Mariam", NULL, NULL, 'X',
					D(2022, 1, 16), "XXA", "", "SC-SC");
	/* Added out of order: read back in seq order. */
	assert_int_equal(cor_store_person_add(st, cid, &p3, &pid3), 0);
	assert_int_equal(cor_store_person_add(st, cid, &p1, &pid1), 0);
	assert_int_equal(cor_store_person_add(st, cid, &p2, &pid2), 0);
	assert_true(pid1 > 0 && pid2 > 0 && pid3 > 0);
	assert_true(pid1 != pid2 && pid2 != pid3 && pid1 != pid3);

	/* The same seq twice. */
	struct cor_person again = p2;
	snprintf(again.given_names_latin, sizeof(again.given_names_latin), "Other");
	assert_int_equal(cor_store_person_add(st, cid, &again, NULL), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(st), "the case already has a person 2");
	/* A case that does not exist. */
	assert_int_equal(cor_store_person_add(st, cid + 1000, &again, NULL), COR_ENOTFOUND);

	struct cor_date e1 = D(2030, 5, 1), e2 = D(2027, 2, 2);
	struct cor_document visa = mkdoc(COR_DOC_VISA, "V1234567", "CAN", &e2);
	struct cor_document rtd = mkdoc(COR_DOC_REFUGEE_TD, "RT0000001", "LBN", &e1);
	struct cor_document idc = mkdoc(COR_DOC_ID_CARD, "ID77", "SYR", NULL);
	assert_int_equal(cor_store_document_add(st, pid1, &visa), 0);
	assert_int_equal(cor_store_document_add(st, pid1, &rtd), 0);
	assert_int_equal(cor_store_document_add(st, pid2, &idc), 0);

	struct person_got g = {.n = 0};
	assert_int_equal(cor_store_case_persons(st, cid, collect_person, &g), 0);
	assert_int_equal(g.n, 3);
	assert_same_person(&g.p[0], &p1);
	assert_same_person(&g.p[1], &p2);
	assert_same_person(&g.p[2], &p3);
	assert_int_equal(g.nd[0], 2);
	assert_same_doc(&g.d[0][0], &visa); /* in the order added */
	assert_same_doc(&g.d[0][1], &rtd);
	assert_int_equal(g.nd[1], 1);
	assert_same_doc(&g.d[1][0], &idc);
	assert_int_equal(g.nd[2], 0);
	/* The needs are rows of their own. */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM person_need"), 4);

	long cases, persons, docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, 1);
	assert_int_equal(persons, 3);
	assert_int_equal(docs, 3);
	assert_int_equal(events, 0);
	cor_store_close(st);
	if (!on_pg)
		assert_int_equal(raw_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

/* ---- the history ------------------------------------------------------- */

struct event_got {
	char at[4][COR_TIME_LEN], actor[4][32], action[4][32], detail[4][64], reason[4][64];
	int n;
};

static int collect_event(const struct cor_event *e, void *ctx)
{
	struct event_got *g = ctx;
	assert_true(g->n < 4);
	snprintf(g->at[g->n], COR_TIME_LEN, "%s", e->at);
	snprintf(g->actor[g->n], 32, "%s", e->actor);
	snprintf(g->action[g->n], 32, "%s", e->action);
	snprintf(g->detail[g->n], 64, "%s", e->detail);
	snprintf(g->reason[g->n], 64, "%s", e->reason);
	g->n++;
	return 0;
}

static void test_events_append_only(void **state)
{
	const char *path = db_path("events");
	struct cor_store *st = open_new(path);
	struct cor_case c = mkcase("YE-ADE-2026-000001", "VHR", "YE-ADE", "YEM", "ETH", "on_hold",
				   COR_PRIO_NORMAL, D(2026, 1, 2));
	int64_t cid;
	assert_int_equal(cor_store_case_add(st, &c, &cid), 0);
	struct cor_event e1 = {"2026-01-02T08:00:00Z",
			       "registration",
			       "registered",
			       "case registered with 1 person",
			       "",
			       NULL,
			       NULL,
			       NULL};
	struct cor_event e2 = {
		"2026-01-05T09:30:00Z", "protection", "state", "registered -> on_hold",
		"asylum wish recorded", NULL,         NULL,    NULL};
	/* detail and reason may be NULL: stored as "". */
	struct cor_event e3 = {
		"2026-01-06T10:00:00Z", "counsellor", "note", NULL, NULL, NULL, NULL, NULL};
	assert_int_equal(cor_store_event_add(st, cid, &e1), 0);
	assert_int_equal(cor_store_event_add(st, cid, &e2), 0);
	assert_int_equal(cor_store_event_add(st, cid, &e3), 0);
	struct event_got g = {.n = 0};
	assert_int_equal(cor_store_case_events(st, cid, collect_event, &g), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.at[0], "2026-01-02T08:00:00Z");
	assert_string_equal(g.actor[0], "registration");
	assert_string_equal(g.action[0], "registered");
	assert_string_equal(g.detail[0], "case registered with 1 person");
	assert_string_equal(g.reason[0], "");
	assert_string_equal(g.actor[1], "protection");
	assert_string_equal(g.detail[1], "registered -> on_hold");
	assert_string_equal(g.reason[1], "asylum wish recorded");
	assert_string_equal(g.action[2], "note");
	assert_string_equal(g.detail[2], "");
	assert_string_equal(g.reason[2], "");
	cor_store_close(st);

	/* The history cannot be changed or removed, even with SQL of one's own. */
	char msg[256];
	assert_int_equal(
		raw_exec(path, "UPDATE event SET actor = 'someone else'", msg, sizeof(msg)),
		SQLITE_CONSTRAINT);
	assert_string_equal(msg, "the event history is append-only");
	assert_int_equal(raw_exec(path, "DELETE FROM event WHERE id = 1", msg, sizeof(msg)),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "the event history is append-only");
	assert_int_equal(raw_exec(path, "DELETE FROM event", msg, sizeof(msg)), SQLITE_CONSTRAINT);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event"), 3);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event WHERE actor = 'someone else'"),
			 0);
	/* Appending still works. */
	assert_int_equal(raw_exec(path,
				  "INSERT INTO event (case_id, at, actor, action, detail, reason)"
				  " VALUES (1, '2026-01-07T00:00:00Z', 'x', 'note', '', '')",
				  NULL, 0),
			 SQLITE_OK);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM event"), 4);
}

/* ---- a small known dataset: filters and statistics -------------------- */

/* Three cases, seven persons, five documents, written so that every age band
 * and document status has a boundary case on 2026-01-15:
 *
 *  A LY-TIP-2026-000001 VHR counselled   urgent    LBY>NGA
 *    1 principal M NGA 1990-05-01 (35, 18-59) SM-CC;SM-CI passport to 2026-09-01 (valid)
 *    2 spouse    F NGA 1995-02-28 (30, 18-59) SM-MI       passport to 2026-01-15 (today: within 6
 * months) 3 child     F NGA 2021-01-15 (5 today, 5-11)         no document B YE-ADE-2026-000001 VHR
 * travel_ready normal    YEM>ETH 1 principal M ETH 1966-01-15 (60 today, 60+)        id_card to
 * 2026-01-14 (expired) C LB-BEY-2025-000007 RST submitted    emergency LBN>CAN 1 principal F SYR
 * 1960-01-16 (65, 60+) ER-NF;WR-SF  refugee_td, no expiry (valid) 2 child     M SYR 2008-01-16 (17
 * until tomorrow, 12-17) visa only (no travel document) 3 other_relative F XXA 2022-01-16 (3, 0-4)
 * no document
 */
static const char *const arabic_family = "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB3\xD9\x86"; /* الحسن */
static const char *const arabic_given = "\xD9\x81\xD8\xA7\xD8\xB7\xD9\x85\xD8\xA9"; /* فاطمة */

static struct cor_store *known_dataset(const char *path)
{
	struct cor_store *st = open_new(path);
	int64_t ca, cb, cc, p;
	struct cor_case a = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "counselled", COR_PRIO_URGENT, D(2026, 1, 10));
	struct cor_case b = mkcase("YE-ADE-2026-000001", "VHR", "YE-ADE", "YEM", "ETH",
				   "travel_ready", COR_PRIO_NORMAL, D(2025, 12, 1));
	struct cor_case c = mkcase("LB-BEY-2025-000007", "RST", "LB-BEY", "LBN", "CAN", "submitted",
				   COR_PRIO_EMERGENCY, D(2025, 11, 20));
	struct cor_date x1 = D(2026, 9, 1), x2 = D(2026, 1, 15), x3 = D(2026, 1, 14),
			x4 = D(2026, 9, 1);
	assert_int_equal(cor_store_begin(st), 0);

	assert_int_equal(cor_store_case_add(st, &a, &ca), 0);
	struct cor_person a1 = mkperson(1, COR_REL_PRINCIPAL, "ADEBAYO", "Musa", NULL, NULL, 'M',
					D(1990, 5, 1), "NGA", "en;yo", "SM-CC;SM-CI");
	struct cor_person a2 = mkperson(2, COR_REL_SPOUSE, "Okafor", "Chioma", NULL, NULL, 'F',
					D(1995, 2, 28), "NGA", "en", "SM-MI");
	struct cor_person a3 = mkperson(3, COR_REL_CHILD, "ADEBAYO", "Ada", NULL, NULL, 'F',
					D(2021, 1, 15), "NGA", "en", "");
	struct cor_document da1 = mkdoc(COR_DOC_PASSPORT, "A1234567", "NGA", &x1);
	struct cor_document da2 = mkdoc(COR_DOC_PASSPORT, "A7654321", "NGA", &x2);
	assert_int_equal(cor_store_person_add(st, ca, &a1, &p), 0);
	assert_int_equal(cor_store_document_add(st, p, &da1), 0);
	assert_int_equal(cor_store_person_add(st, ca, &a2, &p), 0);
	assert_int_equal(cor_store_document_add(st, p, &da2), 0);
	assert_int_equal(cor_store_person_add(st, ca, &a3, &p), 0);

	assert_int_equal(cor_store_case_add(st, &b, &cb), 0);
	struct cor_person b1 = mkperson(1, COR_REL_PRINCIPAL, "", "Abebe", "",
					"\xE1\x8A\xA0\xE1\x89\xA0\xE1\x89\xA0", 'M', D(1966, 1, 15),
					"ETH", "am", "");
	struct cor_document db1 = mkdoc(COR_DOC_ID_CARD, "E998877", "ETH", &x3);
	assert_int_equal(cor_store_person_add(st, cb, &b1, &p), 0);
	assert_int_equal(cor_store_document_add(st, p, &db1), 0);

	assert_int_equal(cor_store_case_add(st, &c, &cc), 0);
	struct cor_person c1 =
		mkperson(1, COR_REL_PRINCIPAL, "Al-Hassan", "Fatima", arabic_family, arabic_given,
			 'F', D(1960, 1, 16), "SYR", "ar", "ER-NF;WR-SF");
	struct cor_person c2 =
		mkperson(2, COR_REL_CHILD, "Al-Hassan", "Omar", arabic_family,
			 "\xD8\xB9\xD9\x85\xD8\xB1", 'M', D(2008, 1, 16), "SYR", "ar", "");
	struct cor_person c3 = mkperson(3, COR_REL_OTHER_RELATIVE, "Haddad", "Lina", NULL, NULL,
					'F', D(2022, 1, 16), "XXA", "ar", "");
	struct cor_document dc1 = mkdoc(COR_DOC_REFUGEE_TD, "RT55", "LBN", NULL);
	struct cor_document dc2 = mkdoc(COR_DOC_VISA, "V100", "CAN", &x4);
	assert_int_equal(cor_store_person_add(st, cc, &c1, &p), 0);
	assert_int_equal(cor_store_document_add(st, p, &dc1), 0);
	assert_int_equal(cor_store_person_add(st, cc, &c2, &p), 0);
	assert_int_equal(cor_store_document_add(st, p, &dc2), 0);
	assert_int_equal(cor_store_person_add(st, cc, &c3, &p), 0);

	struct cor_event e = {"2026-01-15T10:00:00Z",
			      "tester",
			      "registered",
			      "case registered",
			      "",
			      NULL,
			      NULL,
			      NULL};
	assert_int_equal(cor_store_event_add(st, ca, &e), 0);
	assert_int_equal(cor_store_event_add(st, cb, &e), 0);
	assert_int_equal(cor_store_event_add(st, cc, &e), 0);
	assert_int_equal(cor_store_commit(st), 0);
	return st;
}

struct summaries {
	struct cor_case_summary s[8];
	int n;
};

static int collect_summary(const struct cor_case_summary *s, void *ctx)
{
	struct summaries *l = ctx;
	assert_true(l->n < 8);
	l->s[l->n++] = *s;
	return 0;
}

/* The refs the filter selects, space-separated, and its count. */
static void expect_list(struct cor_store *st, struct cor_case_filter f, const char *want,
			long want_count)
{
	struct summaries l = {.n = 0};
	char got[256] = "";
	long n = -1;
	assert_int_equal(cor_store_case_list(st, &f, collect_summary, &l), 0);
	for (int i = 0; i < l.n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s", i ? " " : "",
			 l.s[i].c.ref);
	if (strcmp(got, want))
		fail_msg("filter (prog %s office %s state %s nat %s text %s limit %ld): got '%s', "
			 "expected '%s'",
			 f.programme ? f.programme : "-", f.office ? f.office : "-",
			 f.state ? f.state : "-", f.nationality ? f.nationality : "-",
			 f.text ? f.text : "-", f.limit, got, want);
	assert_int_equal(cor_store_case_count(st, &f, &n), 0);
	assert_int_equal(n, want_count);
}

static void test_case_list(void **state)
{
	const char *path = db_path("list");
	struct cor_store *st = known_dataset(path);
	const char *A = "LY-TIP-2026-000001", *B = "YE-ADE-2026-000001", *C = "LB-BEY-2025-000007";
	char all[80], ab[80];
	/* By registration date (C 2025-11-20, B 2025-12-01, A 2026-01-10),
	 * not by the order they were added in (A, B, C). */
	snprintf(all, sizeof(all), "%s %s %s", C, B, A);
	snprintf(ab, sizeof(ab), "%s %s", B, A);

	expect_list(st, (struct cor_case_filter){0}, all, 3);
	expect_list(st, (struct cor_case_filter){.programme = "VHR"}, ab, 2);
	expect_list(st, (struct cor_case_filter){.programme = "RST"}, C, 1);
	expect_list(st, (struct cor_case_filter){.programme = "HEV"}, "", 0);
	expect_list(st, (struct cor_case_filter){.office = "LY-TIP"}, A, 1);
	expect_list(st, (struct cor_case_filter){.office = "XX-XXX"}, "", 0);
	expect_list(st, (struct cor_case_filter){.state = "travel_ready"}, B, 1);
	expect_list(st, (struct cor_case_filter){.state = "closed"}, "", 0);
	/* Nationality: any person of the case, not only the principal. */
	expect_list(st, (struct cor_case_filter){.nationality = "SYR"}, C, 1);
	expect_list(st, (struct cor_case_filter){.nationality = "XXA"}, C, 1);
	expect_list(st, (struct cor_case_filter){.nationality = "NGA"}, A, 1);
	expect_list(st, (struct cor_case_filter){.nationality = "AFG"}, "", 0);
	/* Text: Latin names in any case, names in the original script, the ref. */
	expect_list(st, (struct cor_case_filter){.text = "adebayo"}, A, 1);
	expect_list(st, (struct cor_case_filter){.text = "Chioma"}, A, 1); /* the spouse */
	expect_list(st, (struct cor_case_filter){.text = "HASSAN"}, C, 1);
	expect_list(st, (struct cor_case_filter){.text = arabic_family}, C, 1);
	expect_list(st, (struct cor_case_filter){.text = arabic_given}, C, 1);
	expect_list(st, (struct cor_case_filter){.text = "\xE1\x8A\xA0\xE1\x89\xA0"}, B, 1);
	expect_list(st, (struct cor_case_filter){.text = "YE-ADE-2026"}, B, 1);
	expect_list(st, (struct cor_case_filter){.text = "LB-BEY-2025-000007"}, C, 1);
	expect_list(st, (struct cor_case_filter){.text = "Nobody"}, "", 0);
	/* Filters combine. */
	expect_list(st, (struct cor_case_filter){.programme = "VHR", .nationality = "ETH"}, B, 1);
	expect_list(st, (struct cor_case_filter){.programme = "VHR", .text = "Al-Hassan"}, "", 0);
	expect_list(st,
		    (struct cor_case_filter){.programme = "VHR",
					     .office = "LY-TIP",
					     .state = "counselled",
					     .nationality = "NGA",
					     .text = "musa"},
		    A, 1);
	/* The limit cuts the list, not the count. */
	expect_list(st, (struct cor_case_filter){.limit = 1}, C, 3);
	expect_list(st, (struct cor_case_filter){.limit = 2, .programme = "VHR"}, ab, 2);

	/* The summaries. */
	struct summaries l = {.n = 0};
	struct cor_case_filter f = {0};
	assert_int_equal(cor_store_case_list(st, &f, collect_summary, &l), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.s[2].persons, 3);
	assert_string_equal(l.s[2].principal, "ADEBAYO, Musa");
	assert_string_equal(l.s[2].nationality, "NGA");
	assert_string_equal(l.s[2].c.state, "counselled");
	assert_int_equal(l.s[2].c.priority, COR_PRIO_URGENT);
	assert_same_date(l.s[2].c.registered_on, D(2026, 1, 10));
	assert_int_equal(l.s[1].persons, 1);
	assert_string_equal(l.s[1].principal, "Abebe"); /* no family name: no comma */
	assert_string_equal(l.s[1].nationality, "ETH");
	assert_string_equal(l.s[0].principal, "Al-Hassan, Fatima");
	assert_string_equal(l.s[0].c.destination, "CAN");
	assert_int_equal(l.s[0].c.priority, COR_PRIO_EMERGENCY);
	cor_store_close(st);
	if (!on_pg)
		assert_int_equal(raw_int(path, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

/* The text filter is text: '%' and '_' are not wildcards. */
static void test_case_list_text_is_literal(void **state)
{
	const char *path = db_path("literal");
	struct cor_store *st = known_dataset(path);
	long n = -1;
	/* BUG (src/store/store_sqlite.c, FILTER_WHERE): the case-ref part of the
	 * text filter is "c.ref LIKE ?5 || '%'", so '%' or '_' in the text
	 * match any reference: 'corridor case list --text %' lists every case.
	 * Trivial to fix (substr(c.ref, 1, length(?5)) = ?5, or LIKE ... ESCAPE);
	 * this test fails until then. */
	assert_int_equal(cor_store_case_count(st, &(struct cor_case_filter){.text = "%"}, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cor_store_case_count(st, &(struct cor_case_filter){.text = "__-___"}, &n),
			 0);
	assert_int_equal(n, 0);
	/* A reference prefix still selects. */
	assert_int_equal(cor_store_case_count(st, &(struct cor_case_filter){.text = "LY-TIP"}, &n),
			 0);
	assert_int_equal(n, 1);
	cor_store_close(st);
}

struct each_got {
	char line[16][512];
	int n;
};

static int collect_each(const struct cor_case *c, const struct cor_person *p,
			const struct cor_document *d, void *ctx)
{
	struct each_got *g = ctx;
	assert_true(g->n < 16);
	snprintf(g->line[g->n++], sizeof(g->line[0]), "%s %d %s %s %s %s", c->ref, p->seq,
		 p->given_names_latin, c->state,
		 cor_doc_kind_name(d->kind)[0] ? cor_doc_kind_name(d->kind) : "-",
		 d->number[0] ? d->number : "-");
	return 0;
}

static void test_persons_each(void **state)
{
	const char *path = db_path("each");
	struct cor_store *st = known_dataset(path);
	struct each_got g = {.n = 0};
	struct cor_case_filter f = {0};
	static const char *const want[] = {
		"LY-TIP-2026-000001 1 Musa counselled passport A1234567",
		"LY-TIP-2026-000001 2 Chioma counselled passport A7654321",
		"LY-TIP-2026-000001 3 Ada counselled - -",
		"YE-ADE-2026-000001 1 Abebe travel_ready id_card E998877",
		"LB-BEY-2025-000007 1 Fatima submitted refugee_td RT55",
		"LB-BEY-2025-000007 2 Omar submitted - -", /* a visa is not a travel document */
		"LB-BEY-2025-000007 3 Lina submitted - -",
	};
	assert_int_equal(cor_store_persons_each(st, &f, collect_each, &g), 0);
	assert_int_equal(g.n, ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(g.line[i], want[i]);

	/* The filter's limit counts cases, not persons. */
	struct each_got h = {.n = 0};
	f.limit = 1;
	assert_int_equal(cor_store_persons_each(st, &f, collect_each, &h), 0);
	assert_int_equal(h.n, 3);
	struct each_got k = {.n = 0};
	f = (struct cor_case_filter){.nationality = "XXA"};
	assert_int_equal(cor_store_persons_each(st, &f, collect_each, &k), 0);
	assert_int_equal(k.n, 3); /* every person of the case that matches */
	assert_string_equal(k.line[0], want[4]);
	cor_store_close(st);
}

static int collect_export(const struct cor_store_export_row *r, void *ctx)
{
	struct each_got *g = ctx;
	char docs[256] = "", pm[160] = "-";
	assert_true(g->n < 16);
	for (int i = 0; i < r->ndocs; i++)
		snprintf(docs + strlen(docs), sizeof(docs) - strlen(docs), "%s%s:%s", i ? "," : "",
			 cor_doc_kind_name(r->docs[i].kind), r->docs[i].number);
	if (r->pre_migration)
		snprintf(pm, sizeof(pm), "%s/%s",
			 cor_health_outcome_name(r->pre_migration->outcome),
			 r->pre_migration->examiner);
	snprintf(g->line[g->n++], sizeof(g->line[0]),
		 "%s %d [%s] at=%s s%d %s/%s/%d/%s risk=%s%s pm=%s", r->c->ref, r->p->seq,
		 docs[0] ? docs : "-", r->location[0] ? r->location : "-", r->session_no,
		 r->session_no ? r->counsellor : "-", r->session_no ? r->language : "-",
		 r->interpreter, cor_counselling_decision_name(r->decision),
		 r->risk ? r->risk : "-", r->risk_cleared ? "+cleared" : "", pm);
	return 0;
}

/* Export reads every document, the case's latest session and each
 * person's latest protection assessment and pre-migration check (a fitness
 * check is not one), the same on both backends. */
static void test_export_each(void **state)
{
	const char *path = db_path("export");
	struct cor_store *st = known_dataset(path);
	struct cor_person_found musa, chioma, fatima;
	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000001-01", &musa), 0);
	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000001-02", &chioma), 0);
	assert_int_equal(cor_store_person_find(st, "LB-BEY-2025-000007-01", &fatima), 0);
	struct cor_date x = D(2030, 1, 1);
	struct cor_document visa = mkdoc(COR_DOC_VISA, "V200", "NGA", &x);
	struct cor_document id = mkdoc(COR_DOC_ID_CARD, "N42", "NGA", NULL);
	struct cor_counselling s1 = {
		.counsellor = "A. One", .language = "en", .decision = COR_COUNSEL_UNDECIDED};
	struct cor_counselling s2 = {.counsellor = "B. Two",
				     .language = "yo",
				     .interpreter = true,
				     .decision = COR_COUNSEL_YES};
	struct cor_health_check h = {.kind = COR_HEALTH_PRE_MIGRATION,
				     .outcome = COR_HEALTH_FIT,
				     .at = 1767225600, /* 2026-01-01 */
				     .examiner = "Dr Later"};
	struct cor_health_check early = h, fit = h;
	early.at -= 86400;
	early.outcome = COR_HEALTH_UNFIT;
	snprintf(early.examiner, sizeof(early.examiner), "Dr Earlier");
	fit.kind = COR_HEALTH_FITNESS;
	fit.at += 86400;
	snprintf(fit.examiner, sizeof(fit.examiner), "Dr Fitness");
	int no;
	int64_t aid;
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_document_add(st, musa.id, &visa), 0);
	assert_int_equal(cor_store_document_add(st, musa.id, &id), 0);
	assert_int_equal(cor_store_counselling_session_add(st, musa.case_id, &s1, "c1", NULL, NULL),
			 0);
	assert_int_equal(cor_store_counselling_session_add(st, musa.case_id, &s2, "c1", NULL, NULL),
			 0);
	assert_int_equal(cor_store_protection_assessment_add(st, musa.case_id, musa.id, musa.ref,
							     COR_PROT_HIGH, "g", "p1", &no),
			 0);
	assert_int_equal(cor_store_protection_assessment_add(st, musa.case_id, musa.id, musa.ref,
							     COR_PROT_LOW, "g", "p1", &no),
			 0);
	assert_int_equal(cor_store_protection_assessment_add(st, chioma.case_id, chioma.id,
							     chioma.ref, COR_PROT_HIGH, "g", "p1",
							     &no),
			 0);
	struct cor_protection_latest l;
	assert_int_equal(cor_store_protection_latest(st, chioma.id, &l, &aid), 0);
	assert_int_equal(cor_store_protection_clearance_add(st, chioma.case_id, aid, chioma.ref, no,
							    "safe now", "p2"),
			 0);
	assert_int_equal(cor_store_health_add(st, &musa, &h, "m1", NULL), 0);
	assert_int_equal(cor_store_health_add(st, &musa, &early, "m1", NULL), 0);
	assert_int_equal(cor_store_health_add(st, &fatima, &fit, "m1", NULL), 0);
	assert_int_equal(cor_store_commit(st), 0);

	/* Each line in parentheses: one literal in two parts. */
	static const char *const want[] = {
		("LY-TIP-2026-000001 1 [passport:A1234567,visa:V200,id_card:N42] at=- s2 B. "
		 "Two/yo/1/"
		 "yes risk=low pm=fit/Dr Later"),
		("LY-TIP-2026-000001 2 [passport:A7654321] at=- s2 B. Two/yo/1/yes "
		 "risk=high+cleared"
		 " pm=-"),
		"LY-TIP-2026-000001 3 [-] at=- s2 B. Two/yo/1/yes risk=- pm=-",
		"YE-ADE-2026-000001 1 [id_card:E998877] at=- s0 -/-/0/undecided risk=- pm=-",
		"LB-BEY-2025-000007 1 [refugee_td:RT55] at=- s0 -/-/0/undecided risk=- pm=-",
		"LB-BEY-2025-000007 2 [visa:V100] at=- s0 -/-/0/undecided risk=- pm=-",
		"LB-BEY-2025-000007 3 [-] at=- s0 -/-/0/undecided risk=- pm=-",
	};
	struct each_got g = {.n = 0};
	struct cor_case_filter f = {0};
	assert_int_equal(cor_store_export_each(st, &f, collect_export, &g), 0);
	assert_int_equal(g.n, ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(g.line[i], want[i]);
	/* With a limit the same rows, of the first cases only. */
	struct each_got k = {.n = 0};
	f.limit = 1;
	assert_int_equal(cor_store_export_each(st, &f, collect_export, &k), 0);
	assert_int_equal(k.n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(k.line[i], want[i]);
	cor_store_close(st);
}

/* A case's records written in a large write as the import writes them
 * (PostgreSQL streams them with the case): numbered, read back, and gone
 * with a unit of work that is undone. */
static void records_of(struct cor_store *st, const char *ref, int64_t *case_id)
{
	struct cor_case c = mkcase(ref, "VHR", "LY-TIP", "LBY", "NGA", "counselled",
				   COR_PRIO_NORMAL, D(2026, 1, 10));
	struct cor_person a = mkperson(1, COR_REL_PRINCIPAL, "Bello", "Musa", NULL, NULL, 'M',
				       D(1990, 5, 1), "NGA", "en", "");
	struct cor_person b = mkperson(2, COR_REL_SPOUSE, "Bello", "Amina", NULL, NULL, 'F',
				       D(1992, 5, 1), "NGA", "en", "");
	struct cor_counselling s = {
		.counsellor = "A. One", .language = "en", .decision = COR_COUNSEL_YES};
	struct cor_health_check h = {.kind = COR_HEALTH_PRE_MIGRATION,
				     .outcome = COR_HEALTH_FIT_WITH_CONDITIONS,
				     .conditions = COR_HEALTH_COND_BIT(0),
				     .at = 1767225600,
				     .examiner = "Dr One"};
	struct cor_person_found who = {0};
	struct cor_protection_latest l;
	int64_t pa, pb, aid;
	int no;
	assert_int_equal(cor_store_case_add(st, &c, case_id), 0);
	assert_int_equal(cor_store_person_add(st, *case_id, &a, &pa), 0);
	assert_int_equal(cor_store_person_add(st, *case_id, &b, &pb), 0);
	assert_int_equal(cor_store_counselling_session_add(st, *case_id, &s, "c1", &no, NULL), 0);
	assert_int_equal(no, 1);
	s.decision = COR_COUNSEL_NO;
	assert_int_equal(cor_store_counselling_session_add(st, *case_id, &s, "c1", &no, NULL), 0);
	assert_int_equal(no, 2);
	assert_int_equal(cor_store_protection_assessment_add(st, *case_id, pa, "x", COR_PROT_LOW,
							     "g", "p1", &no),
			 0);
	assert_int_equal(cor_store_protection_assessment_add(st, *case_id, pa, "x", COR_PROT_HIGH,
							     "g", "p1", &no),
			 0);
	assert_int_equal(no, 2);
	assert_int_equal(cor_store_protection_latest(st, pa, &l, &aid), 0);
	assert_int_equal(l.no, 2);
	assert_int_equal(l.level, COR_PROT_HIGH);
	assert_string_equal(l.cleared_at, "");
	assert_int_equal(
		cor_store_protection_clearance_add(st, *case_id, aid, "x", 2, "safe", "p2"), 0);
	assert_int_equal(cor_store_protection_latest(st, pa, &l, &aid), 0);
	assert_string_not_equal(l.cleared_at, "");
	assert_int_equal(cor_store_protection_latest(st, pb, &l, NULL), 0);
	assert_int_equal(l.no, 0);
	who.id = pb;
	who.case_id = *case_id;
	snprintf(who.ref, sizeof(who.ref), "%s-02", ref);
	assert_int_equal(cor_store_health_add(st, &who, &h, "m1", NULL), 0);
}

static void test_large_records(void **state)
{
	const char *path = db_path("large-records");
	struct cor_store *st = open_new(path);
	int64_t c1, c2;
	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_mark(st), 0);
	records_of(st, "LY-TIP-2026-000001", &c1);
	assert_int_equal(cor_store_release(st), 0);
	assert_int_equal(cor_store_mark(st), 0);
	records_of(st, "LY-TIP-2026-000002", &c2);
	assert_int_equal(cor_store_undo(st), 0);
	assert_int_equal(cor_store_commit(st), 0);

	static const char *const want[] = {
		"LY-TIP-2026-000001 1 [-] at=- s2 A. One/en/0/no risk=high+cleared pm=-",
		("LY-TIP-2026-000001 2 [-] at=- s2 A. One/en/0/no risk=- pm=fit_with_conditions/"
		 "Dr One"),
	};
	struct each_got g = {.n = 0};
	struct cor_case_filter f = {0};
	assert_int_equal(cor_store_export_each(st, &f, collect_export, &g), 0);
	assert_int_equal(g.n, ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(g.line[i], want[i]);
	/* The history has each record's event, the undone case's none. */
	long cases, persons, docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, 1);
	assert_int_equal(events, 6);
	struct cor_health_check h;
	struct cor_person_found amina;
	assert_int_equal(cor_store_person_find(st, "LY-TIP-2026-000001-02", &amina), 0);
	assert_int_equal(cor_store_health_latest(st, amina.id, COR_HEALTH_PRE_MIGRATION, &h, NULL),
			 0);
	assert_int_equal(h.conditions, COR_HEALTH_COND_BIT(0));
	cor_store_close(st);
}

/* What statistics are built from: one line per person, in case then seq
 * order. */
struct facts_got {
	char line[16][256];
	int n;
	struct cor_stats *agg;
};

static int collect_facts(const struct cor_person_facts *f, void *ctx)
{
	struct facts_got *g = ctx;
	char birth[COR_DATE_LEN], exp[COR_DATE_LEN];
	/* The groups as a sorted set: their order is not part of the contract. */
	char groups[32] = "";
	static const char *const all[] = {"CR", "DS", "ER", "FU", "LP", "PG",
					  "SC", "SM", "SP", "SV", "TR", "WR"};
	char padded[64];
	snprintf(padded, sizeof(padded), ";%s;", f->need_groups ? f->need_groups : "");
	for (size_t i = 0; i < ROWS(all); i++) {
		char k[8];
		snprintf(k, sizeof(k), ";%s;", all[i]);
		if (strstr(padded, k))
			snprintf(groups + strlen(groups), sizeof(groups) - strlen(groups), "%s%s",
				 groups[0] ? ";" : "", all[i]);
	}
	assert_true(g->n < 16);
	snprintf(g->line[g->n++], sizeof(g->line[0]), "%s|%s|%s|%s|%s|%c|%s|%s|%s|%s", f->programme,
		 f->state, f->office, f->priority, f->destination, f->sex,
		 cor_date_format(f->birth_date, birth), f->nationality, groups[0] ? groups : "-",
		 !f->has_travel_doc ? "no doc"
		 : f->doc_expires   ? cor_date_format(f->doc_expiry, exp)
				    : "no expiry");
	if (g->n > 1)
		assert_true(f->case_id >= 1);
	return g->agg ? cor_stats_add(g->agg, f) : 0;
}

static void test_person_facts(void **state)
{
	const char *path = db_path("facts");
	struct cor_store *st = known_dataset(path);
	struct facts_got g = {.n = 0};
	static const char *const want[] = {
		"VHR|counselled|LY-TIP Tripoli|urgent|NGA|M|1990-05-01|NGA|SM|2026-09-01",
		"VHR|counselled|LY-TIP Tripoli|urgent|NGA|F|1995-02-28|NGA|SM|2026-01-15",
		"VHR|counselled|LY-TIP Tripoli|urgent|NGA|F|2021-01-15|NGA|-|no doc",
		"VHR|travel_ready|YE-ADE Aden|normal|ETH|M|1966-01-15|ETH|-|2026-01-14",
		"RST|submitted|LB-BEY Beirut|emergency|CAN|F|1960-01-16|SYR|ER;WR|no expiry",
		"RST|submitted|LB-BEY Beirut|emergency|CAN|M|2008-01-16|SYR|-|no doc", /* a visa */
		"RST|submitted|LB-BEY Beirut|emergency|CAN|F|2022-01-16|XXA|-|no doc",
	};
	assert_int_equal(cor_store_person_facts_each(st, collect_facts, &g), 0);
	assert_int_equal(g.n, ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++)
		assert_string_equal(g.line[i], want[i]);
	cor_store_close(st);
}

struct stat_got {
	char text[1024];
};

static int collect_stat(const struct cor_stat_row *r, void *ctx)
{
	struct stat_got *g = ctx;
	size_t n = strlen(g->text);
	snprintf(g->text + n, sizeof(g->text) - n, "%s=%ld/%ld;", r->key, r->cases, r->persons);
	return 0;
}

/* The statistics of the known dataset on a day, as 'corridor stats' builds
 * them: the store's facts into the domain's aggregate. */
static struct cor_stats *stats_on(struct cor_store *st, struct cor_date on)
{
	struct facts_got g = {.n = 0, .agg = cor_stats_new(on)};
	assert_non_null(g.agg);
	assert_int_equal(cor_store_person_facts_each(st, collect_facts, &g), 0);
	return g.agg;
}

static void expect_stats(struct cor_stats *agg, enum cor_stat_dim dim, const char *want)
{
	struct stat_got g = {""};
	assert_int_equal(cor_stats_each(agg, dim, collect_stat, &g), 0);
	if (strcmp(g.text, want))
		fail_msg("stats %d: got '%s', expected '%s'", (int)dim, g.text, want);
}

static void test_stats(void **state)
{
	const char *path = db_path("stats");
	struct cor_store *st = known_dataset(path);
	struct cor_stats *agg = stats_on(st, D(2026, 1, 15));
	long cases = -1, persons = -1;
	cor_stats_totals(agg, &cases, &persons);
	assert_int_equal(cases, 3);
	assert_int_equal(persons, 7);
	/* key=cases/persons, largest first then by key. */
	expect_stats(agg, COR_STAT_PROGRAMME, "VHR=2/4;RST=1/3;");
	expect_stats(agg, COR_STAT_STATE, "counselled=1/3;submitted=1/3;travel_ready=1/1;");
	expect_stats(agg, COR_STAT_OFFICE, "LB-BEY Beirut=1/3;LY-TIP Tripoli=1/3;YE-ADE Aden=1/1;");
	expect_stats(agg, COR_STAT_PRIORITY, "emergency=1/3;urgent=1/3;normal=1/1;");
	expect_stats(agg, COR_STAT_DESTINATION, "CAN=1/3;NGA=1/3;ETH=1/1;");
	expect_stats(agg, COR_STAT_NATIONALITY, "NGA=1/3;SYR=1/2;ETH=1/1;XXA=1/1;");
	/* Ages on 2026-01-15; bands in age order, F before M. */
	expect_stats(
		agg, COR_STAT_SEX_AGE,
		"F 0-4=1/1;F 5-11=1/1;F 18-59=1/1;F 60+=1/1;M 12-17=1/1;M 18-59=1/1;M 60+=1/1;");
	/* Persons per needs group: two SM codes on one person count once. */
	expect_stats(agg, COR_STAT_NEED, "SM=1/2;ER=1/1;WR=1/1;");
	expect_stats(agg, COR_STAT_DOCUMENT,
		     "no travel document=2/3;valid 6 months or more=2/2;expired=1/1;"
		     "expires within 6 months=1/1;");
	struct stat_got none = {""};
	assert_int_equal(cor_stats_each(agg, COR_STAT__N, collect_stat, &none), COR_EINVAL);
	cor_stats_free(agg);

	/* A day later Omar is 18 and Chioma's passport has expired. */
	agg = stats_on(st, D(2026, 1, 16));
	expect_stats(agg, COR_STAT_SEX_AGE,
		     "F 0-4=1/1;F 5-11=1/1;F 18-59=1/1;F 60+=1/1;M 18-59=2/2;M 60+=1/1;");
	expect_stats(agg, COR_STAT_DOCUMENT,
		     "no travel document=2/3;expired=2/2;valid 6 months or more=2/2;");
	cor_stats_free(agg);

	long docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, 3);
	assert_int_equal(persons, 7);
	assert_int_equal(docs, 5);
	assert_int_equal(events, 3);
	cor_store_close(st);
}

/* ---- units of work ----------------------------------------------------- */

static void test_mark_undo_release(void **state)
{
	const char *path = db_path("units");
	struct cor_store *st = open_new(path);
	struct cor_case x = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_case y = mkcase("LY-TIP-2026-000002", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_case z = mkcase("LY-TIP-2026-000003", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_person p = mkperson(1, COR_REL_PRINCIPAL, "A", "B", NULL, NULL, 'F',
				       D(1990, 1, 1), "NGA", "", "SM");
	int64_t id;
	long seq;

	assert_int_equal(cor_store_begin(st), 0);
	/* A unit undone leaves nothing, not even the numbering. */
	assert_int_equal(cor_store_mark(st), 0);
	assert_int_equal(cor_store_case_add(st, &x, &id), 0);
	assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
	assert_int_equal(cor_store_undo(st), 0);
	assert_int_equal(cor_store_case_get(st, x.ref, NULL, NULL), COR_ENOTFOUND);
	/* A unit kept. */
	assert_int_equal(cor_store_mark(st), 0);
	assert_int_equal(cor_store_case_add(st, &y, &id), 0);
	assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
	/* A failed call inside the transaction leaves it open. */
	assert_int_equal(cor_store_case_add(st, &y, NULL), COR_EEXIST);
	assert_int_equal(cor_store_release(st), 0);
	assert_int_equal(cor_store_commit(st), 0);

	/* A transaction rolled back. */
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_case_add(st, &z, NULL), 0);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(cor_store_rollback(st), 0); /* none open: nothing to do */

	assert_int_equal(cor_store_case_get(st, x.ref, NULL, NULL), COR_ENOTFOUND);
	assert_int_equal(cor_store_case_get(st, y.ref, NULL, NULL), 0);
	assert_int_equal(cor_store_case_get(st, z.ref, NULL, NULL), COR_ENOTFOUND);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 3);

	/* Closing with a transaction open rolls it back. */
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_case_add(st, &z, NULL), 0);
	cor_store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM person"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM person_need"), 1);
}

/* Undoing a unit undoes the numbering it caused too: a case number taken
 * by a case that was undone is free again. */
static void test_undo_forgets_numbering(void **state)
{
	const char *path = db_path("undo-number");
	struct cor_store *st = open_new(path);
	struct cor_case hi = mkcase("LY-TIP-2026-000009", "VHR", "LY-TIP", "LBY", "NGA",
				    "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_case lo = mkcase("LY-TIP-2026-000002", "VHR", "LY-TIP", "LBY", "NGA",
				    "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	long seq = 0;
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_mark(st), 0);
	assert_int_equal(cor_store_case_add(st, &hi, NULL), 0);
	assert_int_equal(cor_store_undo(st), 0);
	assert_int_equal(cor_store_mark(st), 0);
	assert_int_equal(cor_store_case_add(st, &lo, NULL), 0);
	assert_int_equal(cor_store_release(st), 0);
	assert_int_equal(cor_store_commit(st), 0);
	assert_int_equal(cor_store_case_get(st, hi.ref, NULL, NULL), COR_ENOTFOUND);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	cor_store_close(st);
	assert_int_equal(seq, 3);
}

/* The uid of a case and a person: a UUIDv7, distinct, read back as made. */
static int got_uid(const struct cor_person *p, const struct cor_document *docs, int ndocs,
		   void *ctx)
{
	(void)docs;
	(void)ndocs;
	snprintf(ctx, COR_UUID_LEN, "%s", p->uid);
	return 0;
}

static void test_uids_and_numbering(void **state)
{
	const char *path = db_path("numbering");
	struct cor_store *st = open_new(path);
	struct cor_case c = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2)),
			got;
	struct cor_person p = mkperson(1, COR_REL_PRINCIPAL, "ADEBAYO", "Musa", NULL, NULL, 'M',
				       D(1990, 5, 1), "NGA", "en", "");
	struct cor_uuid u;
	char puid[COR_UUID_LEN] = "";
	int64_t id, pid;
	long seq = 0, first = 0;

	assert_int_equal(cor_store_case_add(st, &c, &id), 0);
	assert_int_equal(cor_store_person_add(st, id, &p, &pid), 0);
	assert_int_equal(cor_store_case_get(st, c.ref, NULL, &got), 0);
	assert_int_equal(cor_uuid_parse(got.uid, &u), 0);
	assert_int_equal(u.b[6] >> 4, 7);
	assert_int_equal(cor_store_case_persons(st, id, got_uid, puid), 0);
	assert_int_equal(cor_uuid_parse(puid, &u), 0);
	assert_string_not_equal(puid, got.uid);

	/* A new database is a primary. */
	struct cor_numbering n;
	assert_int_equal(cor_store_numbering_get(st, &n), 0);
	assert_false(n.device);
	assert_string_equal(n.name, "");
	/* Reserving moves the counter past the block. */
	assert_int_equal(cor_store_case_reserve(st, "LY-TIP", 2026, 10, &first), 0);
	assert_int_equal(first, 2);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 12);
	assert_int_equal(cor_store_case_reserve(st, "LY-BEN", 2027, 5, &first), 0);
	assert_int_equal(first, 1);

	/* A device's blocks give their numbers in order, lowest block first. */
	assert_int_equal(cor_store_numbering_enrol(st, "laptop-1", "2026-12-07T09:00:00Z"), 0);
	assert_int_equal(cor_store_numbering_get(st, &n), 0);
	assert_true(n.device);
	assert_string_equal(n.name, "laptop-1");
	assert_string_equal(n.since, "2026-12-07T09:00:00Z");
	struct cor_number_block b = {.office = "LY-TIP",
				     .year = 2026,
				     .first = 20,
				     .last = 21,
				     .next = 20,
				     .device = "laptop-1",
				     .at = "2026-12-07T09:00:00Z",
				     .by = "tester"};
	assert_int_equal(cor_store_block_add(st, &b), 0);
	b.first = b.next = 5;
	b.last = 5;
	assert_int_equal(cor_store_block_add(st, &b), 0);
	assert_int_equal(cor_store_block_add(st, &b), COR_EEXIST);
	snprintf(b.office, sizeof(b.office), "XX-ABC");
	assert_int_equal(cor_store_block_add(st, &b), COR_ENOTFOUND);
	long want[] = {5, 20, 21};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(cor_store_block_take(st, "LY-TIP", 2026, &seq), 0);
		assert_int_equal(seq, want[i]);
	}
	assert_int_equal(cor_store_block_take(st, "LY-TIP", 2026, &seq), COR_ENOTFOUND);
	assert_int_equal(cor_store_block_take(st, "LY-BEN", 2026, &seq), COR_ENOTFOUND);
	cor_store_close(st);
}

static bool file_exists(const char *path, const char *ext)
{
	char f[600];
	struct stat sb;
	snprintf(f, sizeof(f), "%s%s", path, ext);
	return stat(f, &sb) == 0;
}

/* A large write on a database nobody else has open goes through a rollback
 * journal; WAL and foreign keys come back at commit and at rollback. New
 * databases have 8 KiB pages. */
static void test_large_write_alone(void **state)
{
	const char *path = db_path("large");
	struct cor_store *st = open_new(path);
	struct cor_case a = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_case b = mkcase("LY-TIP-2026-000002", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_person p = mkperson(1, COR_REL_PRINCIPAL, "A", "B", NULL, NULL, 'F',
				       D(1990, 1, 1), "NGA", "", "");
	int64_t id;

	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &a, &id), 0);
	assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
	assert_true(file_exists(path, "-journal"));
	assert_false(file_exists(path, "-wal"));
	assert_int_equal(cor_store_commit(st), 0);
	assert_false(file_exists(path, "-journal"));
	/* Foreign keys are checked again. */
	assert_int_equal(cor_store_person_add(st, id + 1000, &p, NULL), COR_ENOTFOUND);

	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &b, NULL), 0);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(cor_store_person_add(st, id + 1000, &p, NULL), COR_ENOTFOUND);
	assert_int_equal(cor_store_case_get(st, b.ref, NULL, NULL), COR_ENOTFOUND);
	cor_store_close(st);

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_int_equal(raw_int(path, "PRAGMA page_size"), 8192);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM person"), 1);

	/* Closed in the middle of a large write: rolled back, WAL again. */
	st = NULL;
	char msg[600];
	assert_int_equal(cor_store_open(path, 0, &st, msg, sizeof(msg)), 0);
	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &b, NULL), 0);
	cor_store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM cases"), 1);
	assert_true(file_exists(path, "-wal") || !file_exists(path, "-journal"));
}

/* While another connection has the database open, a large write stays in
 * WAL, and that connection can read during it. */
static void test_large_write_shared(void **state)
{
	const char *path = db_path("large-shared");
	struct cor_store *st = open_new(path);
	struct cor_case a = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	sqlite3 *other = NULL;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM cases", NULL, NULL, NULL),
			 SQLITE_OK);

	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &a, NULL), 0);
	assert_false(file_exists(path, "-journal"));
	assert_true(file_exists(path, "-wal"));
	assert_int_equal(sqlite3_prepare_v2(other, "SELECT count(*) FROM cases", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	sqlite3_reset(s);
	assert_int_equal(cor_store_commit(st), 0);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_close(other);
	cor_store_close(st);
}

/* ---- PostgreSQL -------------------------------------------------------- */

/* An empty database gets the schema with COR_STORE_CREATE only; one with
 * other tables, or a newer schema, is refused; a failed connection's
 * message carries no password. */
static void test_pg_open(void **state)
{
	const char *uri = db_path("pg-open");
	struct cor_store *st = NULL;
	char msg[600], want[700];
	const char *db = pgtest_db_of(uri);
	char name[64];
	snprintf(name, sizeof(name), "%s", db);

	assert_int_equal(cor_store_open(uri, 0, &st, msg, sizeof(msg)), COR_ENOTCORRIDOR);
	assert_null(st);
	snprintf(want, sizeof(want),
		 "the PostgreSQL database '%s' is empty, not a Corridor database (create the "
		 "schema with 'corridor init')",
		 name);
	assert_string_equal(msg, want);
	assert_int_equal(cor_store_open(uri, COR_STORE_CREATE, &st, msg, sizeof(msg)), 0);
	assert_false(cor_store_in_transaction(st));
	cor_store_close(st);
	assert_int_equal(raw_int(uri, "SELECT version FROM corridor_schema"),
			 cor_store_schema_version());
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM office"), 24);
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM programme"), 8);
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM place"), 89);
	/* Opening again changes nothing; "postgres://" is the same. */
	assert_int_equal(cor_store_open(uri, 0, &st, msg, sizeof(msg)), 0);
	cor_store_close(st);
	char short_uri[600];
	snprintf(short_uri, sizeof(short_uri), "postgres://%s", strstr(uri, "://") + 3);
	assert_int_equal(cor_store_open(short_uri, 0, &st, msg, sizeof(msg)), 0);
	cor_store_close(st);
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM office"), 24);

	/* Newer than this binary. */
	assert_int_equal(raw_exec(uri, "UPDATE corridor_schema SET version = 99", NULL, 0),
			 SQLITE_OK);
	assert_int_equal(cor_store_open(uri, 0, &st, msg, sizeof(msg)), COR_ETOONEW);
	assert_non_null(strstr(msg, "has schema version 99"));

	/* Someone else's tables. */
	const char *other = db_path("pg-other");
	assert_int_equal(
		raw_exec(other, "CREATE TABLE t (x int); INSERT INTO t VALUES (42)", NULL, 0),
		SQLITE_OK);
	assert_int_equal(cor_store_open(other, COR_STORE_CREATE, &st, msg, sizeof(msg)),
			 COR_ENOTCORRIDOR);
	snprintf(name, sizeof(name), "%s", pgtest_db_of(other));
	snprintf(want, sizeof(want),
		 "the PostgreSQL database '%s' is not a Corridor database (it has other tables)",
		 name);
	assert_string_equal(msg, want);
	assert_int_equal(raw_int(other, "SELECT x FROM t"), 42);
	assert_int_equal(
		raw_int(other, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 1);

	/* No server there: the message names the database, not the password. */
	assert_int_equal(
		cor_store_open("postgresql://corridor:s3cret@/nodb?host=/nonexistent&port=1", 0,
			       &st, msg, sizeof(msg)),
		COR_EIO);
	assert_null(st);
	assert_non_null(strstr(msg, "cannot connect to the PostgreSQL database 'nodb'"));
	assert_null(strstr(msg, "s3cret"));
}

struct dump {
	char *buf;
	size_t len, cap;
};

static void dump_add(struct dump *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void dump_add(struct dump *d, const char *fmt, ...)
{
	va_list ap;
	char line[1024];
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(line));
	if (d->len + (size_t)n + 1 > d->cap) {
		d->cap = (d->cap + (size_t)n + 1) * 2;
		d->buf = realloc(d->buf, d->cap);
		assert_non_null(d->buf);
	}
	memcpy(d->buf + d->len, line, (size_t)n + 1);
	d->len += (size_t)n;
}

static int dump_summary(const struct cor_case_summary *s, void *ctx)
{
	char reg[COR_DATE_LEN];
	dump_add(ctx, "case %s %s %s %s>%s %s %s %s %d '%s' %s\n", s->c.ref, s->c.programme,
		 s->c.office, s->c.origin, s->c.destination, s->c.state,
		 cor_priority_name(s->c.priority), cor_date_format(s->c.registered_on, reg),
		 s->persons, s->principal, s->nationality);
	return 0;
}

static int dump_each(const struct cor_case *c, const struct cor_person *p,
		     const struct cor_document *d, void *ctx)
{
	char b[COR_DATE_LEN], x[COR_DATE_LEN];
	dump_add(ctx, "person %s %d %s '%s' '%s' '%s' '%s' %c %s%s %s '%s' '%s' doc %s %s %s %s\n",
		 c->ref, p->seq, cor_relationship_name(p->relationship), p->family_name,
		 p->given_names, p->family_name_latin, p->given_names_latin, p->sex,
		 cor_date_format(p->birth_date, b), p->birth_date_approx ? "~" : "", p->nationality,
		 p->languages, p->needs, cor_doc_kind_name(d->kind), d->number, d->issuer,
		 d->has_expiry ? cor_date_format(d->expires_on, x) : "-");
	return 0;
}

static int dump_facts(const struct cor_person_facts *f, void *ctx)
{
	char b[COR_DATE_LEN], x[COR_DATE_LEN];
	dump_add(ctx, "facts %s %s '%s' %s %s %c %s %s %s %d %s\n", f->programme, f->state,
		 f->office, f->priority, f->destination, f->sex, cor_date_format(f->birth_date, b),
		 f->nationality, f->need_groups ? f->need_groups : "NULL", f->has_travel_doc,
		 f->doc_expires ? cor_date_format(f->doc_expiry, x) : "-");
	return 0;
}

static int dump_event(const struct cor_event *e, void *ctx)
{
	dump_add(ctx, "event %s %s %s '%s' '%s'\n", e->at, e->actor, e->action, e->detail,
		 e->reason);
	return 0;
}

static int dump_case_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
			    void *ctx)
{
	dump_add(ctx, "  %d %s %s", p->seq, p->given_names_latin, p->needs);
	for (int i = 0; i < ndocs; i++)
		dump_add(ctx, " %s:%s", cor_doc_kind_name(docs[i].kind), docs[i].number);
	dump_add(ctx, "\n");
	return 0;
}

static int dump_office(const struct cor_office *o, void *ctx)
{
	dump_add(ctx, "office %s %s %s\n", o->code, o->country, o->name);
	return 0;
}

/* Everything the store's reads give of st, as text. */
static char *dump_store(struct cor_store *st)
{
	struct dump d = {0};
	static const struct cor_case_filter filters[] = {
		{0},
		{.programme = "VHR"},
		{.office = "LB-BEY"},
		{.state = "counselled"},
		{.nationality = "NGA"},
		{.text = "musa"},
		{.text = "LY-"},
		{.text = "\xD9\x81"},
		{.limit = 2},
	};
	for (size_t i = 0; i < ROWS(filters); i++) {
		long n = -1;
		assert_int_equal(cor_store_case_count(st, &filters[i], &n), 0);
		dump_add(&d, "filter %zu: %ld\n", i, n);
		assert_int_equal(cor_store_case_list(st, &filters[i], dump_summary, &d), 0);
		assert_int_equal(cor_store_persons_each(st, &filters[i], dump_each, &d), 0);
	}
	assert_int_equal(cor_store_person_facts_each(st, dump_facts, &d), 0);
	assert_int_equal(cor_store_office_list(st, dump_office, &d), 0);
	static const char *const refs[] = {"LY-TIP-2026-000001", "YE-ADE-2026-000001",
					   "LB-BEY-2025-000007"};
	for (size_t i = 0; i < ROWS(refs); i++) {
		int64_t id;
		assert_int_equal(cor_store_case_get(st, refs[i], &id, NULL), 0);
		dump_add(&d, "%s\n", refs[i]);
		assert_int_equal(cor_store_case_persons(st, id, dump_case_person, &d), 0);
		assert_int_equal(cor_store_case_events(st, id, dump_event, &d), 0);
	}
	long c, p, docs, e;
	assert_int_equal(cor_store_totals(st, &c, &p, &docs, &e), 0);
	dump_add(&d, "totals %ld %ld %ld %ld\n", c, p, docs, e);
	int version;
	char *text;
	assert_int_equal(cor_store_rules_get(st, &version, &text), 0);
	dump_add(&d, "rules %d '%s'\n", version, text);
	free(text);
	return d.buf;
}

/* The same writes give the same reads on SQLite and on PostgreSQL. */
static void add_more(struct cor_store *st)
{
	int64_t id, pid;
	long seq;
	int version;
	assert_int_equal(cor_store_begin(st), 0);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	char ref[COR_CASE_REF_MAX];
	snprintf(ref, sizeof(ref), "LY-TIP-2026-%06ld", seq);
	struct cor_case c = mkcase(ref, "HEV", "LY-TIP", "LBY", "ITA", "registered",
				   COR_PRIO_EMERGENCY, D(2026, 2, 1));
	assert_int_equal(cor_store_case_add(st, &c, &id), 0);
	/* Names in another script, tabs and backslashes kept as written. */
	struct cor_person p = mkperson(
		1, COR_REL_PRINCIPAL, "HADDAD", "Omar", "\xD8\xAD\xD8\xAF\xD8\xA7\xD8\xAF",
		"\xD8\xB9\xD9\x85\xD8\xB1", 'M', D(1980, 1, 1), "SYR", "ar", "DS-PM;SM-CI;ER");
	p.birth_date_approx = true;
	assert_int_equal(cor_store_person_add(st, id, &p, &pid), 0);
	struct cor_document d = mkdoc(COR_DOC_ID_CARD, "X\\1\t2", "SYR", NULL);
	assert_int_equal(cor_store_document_add(st, pid, &d), 0);
	struct cor_event e = {
		"2026-02-01T10:00:00Z", "registration", "registered", "line one\nline two",
		"because\\why",         NULL,           NULL,         NULL};
	assert_int_equal(cor_store_event_add(st, id, &e), 0);
	assert_int_equal(cor_store_rules_add(st, "min_age = 18\n", "admin", &version), 0);
	assert_int_equal(version, 1);
	assert_int_equal(cor_store_commit(st), 0);
}

static void test_same_on_both(void **state)
{
	on_pg = false;
	const char *path = db_path("same");
	struct cor_store *lite = known_dataset(path);
	on_pg = true;
	struct cor_store *pg = known_dataset(db_path("same"));
	add_more(lite);
	add_more(pg);
	char *a = dump_store(lite), *b = dump_store(pg);
	if (strcmp(a, b)) {
		fprintf(stderr, "SQLite:\n%s\nPostgreSQL:\n%s\n", a, b);
		fail_msg("the backends differ");
	}
	assert_non_null(strstr(a, "X\\1\t2"));
	free(a);
	free(b);
	cor_store_close(lite);
	cor_store_close(pg);
}

/* A large write streams with COPY: ids come back, refusals are those of a
 * plain write, a person of another case and units of work still work. */
static void test_pg_large_write(void **state)
{
	const char *uri = db_path("pg-large");
	struct cor_store *st = open_new(uri);
	struct cor_case a = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_case b = mkcase("LY-TIP-2026-000002", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_person p = mkperson(1, COR_REL_PRINCIPAL, "A", "B", NULL, NULL, 'F',
				       D(1990, 1, 1), "NGA", "en", "SM-CI;DS-PM");
	struct cor_document d = mkdoc(COR_DOC_PASSPORT, "P1", "NGA", NULL);
	struct cor_event e = {
		"2026-01-02T08:00:00Z", "x", "imported", "from a file", "", NULL, NULL, NULL};
	int64_t ida, idb, pid, got;
	long seq;

	assert_int_equal(cor_store_begin_large(st), 0);
	assert_true(cor_store_in_transaction(st));
	assert_int_equal(cor_store_case_add(st, &a, &ida), 0);
	assert_int_equal(cor_store_event_add(st, ida, &e), 0);
	assert_int_equal(cor_store_person_add(st, ida, &p, &pid), 0);
	assert_int_equal(cor_store_document_add(st, pid, &d), 0);
	assert_int_equal(cor_store_person_add(st, ida, &p, NULL), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(st), "the case already has a person 1");
	assert_int_equal(cor_store_case_add(st, &a, NULL), COR_EEXIST);
	assert_string_equal(cor_store_errmsg(st), "case 'LY-TIP-2026-000001' already exists");
	/* A read sees what was streamed. */
	assert_int_equal(cor_store_case_get(st, a.ref, &got, NULL), 0);
	assert_int_equal(got, ida);
	assert_int_equal(cor_store_commit(st), 0);
	assert_false(cor_store_in_transaction(st));
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM person_need"), 2);
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM event"), 1);
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM document WHERE person_id = %lld",
		 (long long)pid);
	assert_int_equal(raw_int(uri, sql), 1);
	assert_int_equal(cor_store_case_next_seq(st, "LY-TIP", 2026, &seq), 0);
	assert_int_equal(seq, 2);

	/* A case of the database before the write is refused too; a person of
	 * another case than the last added; a unit undone. */
	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &a, NULL), COR_EEXIST);
	assert_int_equal(cor_store_case_add(st, &b, &idb), 0);
	struct cor_person p2 = mkperson(2, COR_REL_SPOUSE, "A", "C", NULL, NULL, 'M', D(1991, 1, 1),
					"NGA", "en", "");
	assert_int_equal(cor_store_person_add(st, ida, &p2, NULL), 0);
	assert_int_equal(cor_store_person_add(st, ida, &p2, NULL), COR_EEXIST);
	assert_int_equal(cor_store_mark(st), 0);
	struct cor_case c = mkcase("LY-TIP-2026-000003", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	assert_int_equal(cor_store_case_add(st, &c, NULL), 0);
	assert_int_equal(cor_store_undo(st), 0);
	assert_int_equal(cor_store_case_add(st, &c, NULL), 0);
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(cor_store_case_get(st, b.ref, NULL, NULL), COR_ENOTFOUND);
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM person"), 1);

	/* Enough rows for several batches: every id given back is the row's. */
	enum { N = 12000 };
	int64_t *ids = calloc(N, sizeof(*ids));
	assert_non_null(ids);
	assert_int_equal(cor_store_begin_large(st), 0);
	for (int i = 0; i < N; i++) {
		struct cor_case k = mkcase("", "RST", "LB-BEY", "LBN", "CAN", "registered",
					   COR_PRIO_NORMAL, D(2025, 3, 1));
		snprintf(k.ref, sizeof(k.ref), "LB-BEY-2025-%06d", i + 1);
		assert_int_equal(cor_store_case_add(st, &k, &ids[i]), 0);
		assert_int_equal(cor_store_event_add(st, ids[i], &e), 0);
		for (int s = 1; s <= 4; s++) {
			struct cor_person q = mkperson(
				s, s == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD, "FAMILY", "Given",
				NULL, NULL, 'X', D(2000, 1, 1), "SYR", "ar;en", "SM-CI");
			int64_t qid;
			assert_int_equal(cor_store_person_add(st, ids[i], &q, &qid), 0);
			struct cor_document qd = mkdoc(COR_DOC_PASSPORT, "N0000000", "SYR", NULL);
			snprintf(qd.number, sizeof(qd.number), "N%07d", i * 4 + s);
			assert_int_equal(cor_store_document_add(st, qid, &qd), 0);
		}
	}
	assert_int_equal(cor_store_commit(st), 0);
	for (int i = 0; i < N; i += 997) {
		char ref[COR_CASE_REF_MAX];
		snprintf(ref, sizeof(ref), "LB-BEY-2025-%06d", i + 1);
		assert_int_equal(cor_store_case_get(st, ref, &got, NULL), 0);
		assert_int_equal(got, ids[i]);
		snprintf(sql, sizeof(sql),
			 "SELECT count(*) FROM person p JOIN document d ON d.person_id = p.id"
			 " WHERE p.case_id = %lld AND d.number = 'N%07d'",
			 (long long)ids[i], i * 4 + 3);
		assert_int_equal(raw_int(uri, sql), 1);
	}
	free(ids);
	long cases, persons, docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, N + 1);
	assert_int_equal(persons, 4 * N + 1);
	assert_int_equal(docs, 4 * N + 1);
	assert_int_equal(events, N + 1);
	assert_int_equal(cor_store_case_next_seq(st, "LB-BEY", 2025, &seq), 0);
	assert_int_equal(seq, N + 1);
	cor_store_close(st);
}

/* Units of work in a large write: undone or kept, small (in memory) or so
 * large that their rows reach the server before they end. */
static void add_cases(struct cor_store *st, int first, int n, int persons)
{
	for (int i = first; i < first + n; i++) {
		struct cor_case k = mkcase("", "RST", "LB-BEY", "LBN", "CAN", "registered",
					   COR_PRIO_NORMAL, D(2025, 3, 1));
		int64_t id;
		snprintf(k.ref, sizeof(k.ref), "LB-BEY-2025-%06d", i);
		assert_int_equal(cor_store_case_add(st, &k, &id), 0);
		for (int s = 1; s <= persons; s++) {
			struct cor_person q = mkperson(
				s, s == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD, "FAMILY", "Given",
				NULL, NULL, 'X', D(2000, 1, 1), "SYR", "ar;en", "SM-CI;DS-PM");
			assert_int_equal(cor_store_person_add(st, id, &q, NULL), 0);
		}
	}
}

static void test_pg_large_units(void **state)
{
	enum { BIG = 700 }; /* cases of 99 persons: more than a batch */
	const char *uri = db_path("pg-large-units");
	struct cor_store *st = open_new(uri);
	for (int round = 0; round < 2; round++) {
		/* Round 0 loads an empty database; round 1 adds to one. */
		int base = round * 100000;
		assert_int_equal(cor_store_begin_large(st), 0);
		add_cases(st, base + 1, 3, 2);
		assert_int_equal(cor_store_mark(st), 0);
		add_cases(st, base + 4, 2, 2);
		assert_int_equal(cor_store_undo(st), 0);
		assert_int_equal(cor_store_mark(st), 0);
		add_cases(st, base + 4, 1, 3); /* the undone ref is free again */
		assert_int_equal(cor_store_release(st), 0);
		/* A unit too large to stay in memory, undone, then kept. */
		assert_int_equal(cor_store_mark(st), 0);
		add_cases(st, base + 10, BIG, 99);
		assert_int_equal(cor_store_undo(st), 0);
		assert_int_equal(cor_store_mark(st), 0);
		add_cases(st, base + 10, BIG, 99);
		assert_int_equal(cor_store_release(st), 0);
		assert_int_equal(cor_store_mark(st), 0);
		add_cases(st, base + 5, 1, 1);
		assert_int_equal(cor_store_release(st), 0);
		/* Taken refs are still refused after all that. */
		struct cor_case dup = mkcase("", "RST", "LB-BEY", "LBN", "CAN", "registered",
					     COR_PRIO_NORMAL, D(2025, 3, 1));
		snprintf(dup.ref, sizeof(dup.ref), "LB-BEY-2025-%06d", base + 10 + BIG / 2);
		assert_int_equal(cor_store_case_add(st, &dup, NULL), COR_EEXIST);
		assert_int_equal(cor_store_commit(st), 0);
	}
	long cases, persons, docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, 2 * (3 + 1 + BIG + 1));
	assert_int_equal(persons, 2 * (3 * 2 + 3 + BIG * 99 + 1));
	assert_int_equal(raw_int(uri, "SELECT count(*) FROM person_need"),
			 2 * 2 * (6 + 3 + BIG * 99 + 1));
	assert_int_equal(cor_store_case_get(st, "LB-BEY-2025-100005", NULL, NULL), 0);
	assert_int_equal(cor_store_case_get(st, "LB-BEY-2025-000006", NULL, NULL), COR_ENOTFOUND);
	cor_store_close(st);
}

/* Loading an empty database builds keys and indexes at commit: a row that
 * breaks a foreign key fails the commit, and nothing is left behind. */
static void test_pg_large_write_checked(void **state)
{
	const char *uri = db_path("pg-large-checked");
	struct cor_store *st = open_new(uri);
	const char *count_keys = "SELECT (SELECT count(*) FROM pg_indexes WHERE schemaname ="
				 " current_schema()) * 1000 + (SELECT count(*) FROM pg_constraint"
				 " WHERE contype IN ('f', 'u'))";
	long keys = raw_int(uri, count_keys);
	struct cor_case a = mkcase("LY-TIP-2026-000001", "VHR", "LY-TIP", "LBY", "NGA",
				   "registered", COR_PRIO_NORMAL, D(2026, 1, 2));
	struct cor_document d = mkdoc(COR_DOC_PASSPORT, "P1", "NGA", NULL);
	int64_t id;
	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &a, &id), 0);
	assert_int_equal(cor_store_document_add(st, id + 1000000, &d), 0);
	assert_int_equal(cor_store_commit(st), COR_ENOTFOUND);
	assert_non_null(strstr(cor_store_errmsg(st), "checking the rows written"));
	assert_int_equal(cor_store_rollback(st), 0);
	assert_int_equal(cor_store_case_get(st, a.ref, NULL, NULL), COR_ENOTFOUND);
	assert_int_equal(raw_int(uri, count_keys), keys);
	/* And the same write without the bad row goes in. */
	assert_int_equal(cor_store_begin_large(st), 0);
	assert_int_equal(cor_store_case_add(st, &a, &id), 0);
	assert_int_equal(cor_store_commit(st), 0);
	assert_int_equal(raw_int(uri, count_keys), keys);
	assert_int_equal(cor_store_case_get(st, a.ref, NULL, NULL), 0);
	cor_store_close(st);
}

int main(void)
{
	/* What only SQLite has: files, journals, PRAGMAs. */
	const struct CMUnitTest sqlite_only[] = {
		cmocka_unit_test(test_create_reopen),
		cmocka_unit_test(test_refuse_not_sqlite),
		cmocka_unit_test(test_refuse_empty_and_dir),
		cmocka_unit_test(test_refuse_other_application),
		cmocka_unit_test(test_refuse_newer),
		cmocka_unit_test(test_migrate_from_each_version),
		cmocka_unit_test(test_large_write_alone),
		cmocka_unit_test(test_large_write_shared),
	};
	/* Every backend. */
	const struct CMUnitTest both[] = {
		cmocka_unit_test(test_offices),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_persons_documents),
		cmocka_unit_test(test_events_append_only),
		cmocka_unit_test(test_case_list),
		cmocka_unit_test(test_case_list_text_is_literal),
		cmocka_unit_test(test_persons_each),
		cmocka_unit_test(test_export_each),
		cmocka_unit_test(test_large_records),
		cmocka_unit_test(test_person_facts),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_mark_undo_release),
		cmocka_unit_test(test_undo_forgets_numbering),
		cmocka_unit_test(test_uids_and_numbering),
	};
	const struct CMUnitTest pg_only[] = {
		cmocka_unit_test(test_pg_open),
		cmocka_unit_test(test_pg_large_write),
		cmocka_unit_test(test_pg_large_write_checked),
		cmocka_unit_test(test_pg_large_units),
		cmocka_unit_test(test_same_on_both),
	};
	int failed = cmocka_run_group_tests_name("sqlite", sqlite_only, NULL, NULL);
	failed += cmocka_run_group_tests_name("sqlite, every backend", both, NULL, NULL);
	if (!pgtest_uri()) {
		printf("test_store: COR_TEST_PG is not set: the PostgreSQL half is skipped\n");
		return failed;
	}
	on_pg = true;
	failed += cmocka_run_group_tests_name("postgresql, every backend", both, NULL, NULL);
	failed += cmocka_run_group_tests_name("postgresql", pg_only, NULL, NULL);
	pgtest_drop_all();
	return failed;
}

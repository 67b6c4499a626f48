// SPDX-License-Identifier: Apache-2.0
// The tests of a store area on every backend: a fresh database per test (a
// file under $COR_TEST_TMP, or a database of its own on the PostgreSQL
// server of $COR_TEST_PG, see pgtest.h), queries of our own on it, a digest
// of every row of every table (what another connection sees), and a group
// run on SQLite and then, when COR_TEST_PG is set, on PostgreSQL.
#ifndef COR_BACKENDS_H
#define COR_BACKENDS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "unit/store/pgtest.h"

/* The backend the tests in progress run on. */
static bool on_pg;
/* The database of the test in progress: a path or a URI. */
static char backend_db[1024];

/* A fresh database for test name of file prefix; its target. */
__attribute__((unused)) static const char *backend_fresh(const char *prefix, const char *name)
{
	if (on_pg) {
		char db[128];
		snprintf(db, sizeof(db), "%s_%s", prefix, name);
		if (pgtest_create(db, backend_db, sizeof(backend_db)) < 0)
			fail_msg("cannot create a PostgreSQL database for '%s'", name);
		return backend_db;
	}
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(backend_db, sizeof(backend_db), "%s/%s-%s.db", dir && *dir ? dir : "/tmp", prefix,
		 name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char f[1100];
		snprintf(f, sizeof(f), "%s%s", backend_db, ext[i]);
		unlink(f);
	}
	return backend_db;
}

__attribute__((unused)) static struct cor_store *backend_open(const char *target)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	if (cor_store_open(target, COR_STORE_CREATE, &st, msg, sizeof(msg)) < 0)
		fail_msg("cannot create '%s': %s", target, msg);
	return st;
}

/* Run sql on the test's database with a connection of our own: 0, or -1
 * with the database's message in msg. */
__attribute__((unused)) static int backend_exec(const char *sql, char *msg, size_t len)
{
	if (on_pg) {
		PGresult *r = pgtest_exec(pgtest_db_of(backend_db), sql, NULL);
		ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
		const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
		snprintf(msg, len, "%s", m ? m : "");
		PQclear(r);
		return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? 0 : -1;
	}
	sqlite3 *db = NULL;
	char *err = NULL;
	int rc = sqlite3_open_v2(backend_db, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	snprintf(msg, len, "%s", err ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* One integer from a query of our own (-12345 when no row). */
__attribute__((unused)) static long backend_int(const char *sql)
{
	long v = -12345;
	if (on_pg) {
		PGresult *r = pgtest_exec(pgtest_db_of(backend_db), sql, NULL);
		if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, r ? PQresultErrorMessage(r) : "no connection");
		if (PQntuples(r) > 0)
			v = strtol(PQgetvalue(r, 0, 0), NULL, 10);
		PQclear(r);
		return v;
	}
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_open_v2(backend_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

__attribute__((unused)) static uint64_t backend_fnv(uint64_t h, const char *v)
{
	for (const unsigned char *c = (const unsigned char *)(v ? v : "\1"); *c; c++)
		h = (h ^ *c) * 1099511628211ull;
	return (h ^ 0xff) * 1099511628211ull;
}

/* FNV-1a over every row of every table, read by a connection of our own:
 * what another process would see. */
__attribute__((unused)) static uint64_t backend_digest(void)
{
	uint64_t h = 1469598103934665603ull;
	if (on_pg) {
		PGconn *c = NULL;
		PGresult *t = pgtest_exec(pgtest_db_of(backend_db),
					  "SELECT tablename FROM pg_tables"
					  " WHERE schemaname = current_schema() ORDER BY 1",
					  &c);
		assert_true(t && PQresultStatus(t) == PGRES_TUPLES_OK);
		for (int i = 0; i < PQntuples(t); i++) {
			char sql[256];
			snprintf(sql, sizeof(sql), "SELECT x::text FROM \"%s\" x ORDER BY 1",
				 PQgetvalue(t, i, 0));
			PGresult *r = PQexec(c, sql);
			assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
			h = backend_fnv(h, PQgetvalue(t, i, 0));
			for (int j = 0; j < PQntuples(r); j++)
				h = backend_fnv(h, PQgetvalue(r, j, 0));
			PQclear(r);
		}
		PQclear(t);
		PQfinish(c);
		return h;
	}
	sqlite3 *db = NULL;
	sqlite3_stmt *t = NULL;
	assert_int_equal(sqlite3_open_v2(backend_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
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
			for (int i = 0; i < sqlite3_column_count(s); i++)
				h = backend_fnv(h, (const char *)sqlite3_column_text(s, i));
		sqlite3_finalize(s);
	}
	sqlite3_finalize(t);
	sqlite3_close(db);
	return h;
}

/* Run group (n tests) on SQLite, then on PostgreSQL when COR_TEST_PG is
 * set (a notice when not); the number of failures. who names the test
 * program in the notice. */
__attribute__((unused)) static int backend_run_both(const char *who, const struct CMUnitTest *group,
						    size_t n)
{
	on_pg = false;
	int failed = _cmocka_run_group_tests("sqlite, every backend", group, n, NULL, NULL);
	if (!pgtest_uri()) {
		printf("%s: COR_TEST_PG is not set: the PostgreSQL half is skipped\n", who);
		return failed;
	}
	on_pg = true;
	failed += _cmocka_run_group_tests("postgresql, every backend", group, n, NULL, NULL);
	on_pg = false;
	pgtest_drop_all();
	return failed;
}

#endif

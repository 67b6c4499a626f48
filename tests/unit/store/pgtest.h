// SPDX-License-Identifier: Apache-2.0
// PostgreSQL for the store's tests: $COR_TEST_PG is a libpq URI of a server
// the tests may create databases on. Every test gets a database of its own
// (created fresh, named for the process and the test) and every one made is
// dropped at the end of the run.
#ifndef COR_PGTEST_H
#define COR_PGTEST_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The server's URI, or NULL when the tests run without PostgreSQL. */
static const char *pgtest_uri(void)
{
	const char *u = getenv("COR_TEST_PG");
	return u && *u ? u : NULL;
}

static void pgtest_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static char pgtest_made[64][64];
static int pgtest_nmade;

/* uri with its database replaced by db. */
static void pgtest_uri_for(const char *db, char *out, size_t len)
{
	const char *u = pgtest_uri();
	const char *auth = strstr(u, "://");
	auth = auth ? auth + 3 : u;
	size_t host_end = strcspn(auth, "/?");
	const char *query = strchr(auth, '?');
	snprintf(out, len, "%.*s/%s%s", (int)(auth - u + host_end), u, db, query ? query : "");
}

/* Run sql on the database db (NULL: the server's own from the URI); the
 * result for the caller to clear, or NULL when the connection failed. */
static PGresult *pgtest_exec(const char *db, const char *sql, PGconn **keep)
{
	char uri[1024];
	if (db)
		pgtest_uri_for(db, uri, sizeof(uri));
	else
		snprintf(uri, sizeof(uri), "%s", pgtest_uri());
	PGconn *c = PQconnectdb(uri);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "pgtest: %s", PQerrorMessage(c));
		PQfinish(c);
		return NULL;
	}
	PQsetNoticeProcessor(c, pgtest_quiet, NULL);
	PGresult *r = PQexec(c, sql);
	if (keep)
		*keep = c;
	else
		PQfinish(c);
	return r;
}

/* A fresh, empty database for test name; its URI into out. */
static int pgtest_create(const char *name, char *out, size_t len)
{
	char db[64], sql[256];
	snprintf(db, sizeof(db), "cor_test_%ld_", (long)getpid());
	for (size_t i = strlen(db); *name && i + 1 < sizeof(db); name++)
		db[i++] = (*name >= 'a' && *name <= 'z') || (*name >= '0' && *name <= '9') ? *name
											   : '_',
		db[i] = '\0';
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	PQclear(pgtest_exec(NULL, sql, NULL));
	snprintf(
		sql, sizeof(sql),
		"CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
		db);
	PGresult *r = pgtest_exec(NULL, sql, NULL);
	int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "pgtest: %s", r ? PQresultErrorMessage(r) : "no connection\n");
	PQclear(r);
	if (!ok)
		return -1;
	if (pgtest_nmade < 64)
		snprintf(pgtest_made[pgtest_nmade++], sizeof(pgtest_made[0]), "%s", db);
	pgtest_uri_for(db, out, len);
	return 0;
}

/* The database name of a URI made by pgtest_create. */
static __attribute__((unused)) const char *pgtest_db_of(const char *uri)
{
	const char *auth = strstr(uri, "://");
	const char *slash = auth ? strchr(auth + 3, '/') : NULL;
	static char db[64];
	if (!slash)
		return NULL;
	snprintf(db, sizeof(db), "%.*s", (int)strcspn(slash + 1, "?"), slash + 1);
	return db;
}

static void pgtest_drop_all(void)
{
	char sql[128];
	for (int i = 0; i < pgtest_nmade; i++) {
		snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %.63s WITH (FORCE)",
			 pgtest_made[i]);
		PQclear(pgtest_exec(NULL, sql, NULL));
	}
	pgtest_nmade = 0;
}

#endif

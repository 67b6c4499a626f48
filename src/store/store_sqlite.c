// SPDX-License-Identifier: Apache-2.0
// The SQLite backend of store.h. One connection per store; hot statements are
// prepared once and reused. The database is identified by PRAGMA
// application_id and versioned by PRAGMA user_version; WAL journal, foreign
// keys on, full fsync on commit unless the caller asked for bulk mode.
#include "store/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/migrations.h"
#include "util/uuid.h"
#include "store/store_fund_ops.h"
#include "store/store_health_ops.h"
#include "store/store_movement_ops.h"
#include "store/store_plan_ops.h"
#include "store/store_facts_ops.h"
#include "store/store_int.h"
#include "store/store_sqlite_int.h"
#include "store/store_numbers_ops.h"
#include "store/store_support_ops.h"
#include "store/store_history_ops.h"
#include "store/store_correct_ops.h"
#include "store/store_search_ops.h"
#include "store/store_workflow_ops.h"
#include "util/error.h"

#define COR_APP_ID 0x436f7272 /* "Corr" */

/* Rows per statement of the batched adds: one statement's fixed cost
 * (opening and closing a cursor on the table and each index) is shared by
 * them, which takes about 40% off a small row. */
#define ADD_ROWS  32
#define X2(x)     x x
#define X4(x)     X2(X2(x))
#define X8(x)     X2(X4(x))
#define X16(x)    X2(X8(x))
#define X31(x)    X16(x) X8(x) X4(x) X2(x) x
#define DOC_ROW   "(?, ?, ?, ?, ?, ?)"
#define EVENT_ROW "(?, ?, ?, ?, ?, ?, ?)"

static const char *const stmt_sql[S__N] = {
	[S_OFFICE_ID] = "SELECT id FROM office WHERE code = ?1",
	[S_CASE_ADD] = "INSERT INTO cases (ref, programme, office_id, origin, destination, state,"
		       " priority, registered_on, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_COUNTER_BUMP] =
		"INSERT INTO case_counter (office_id, year, last) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (office_id, year) DO UPDATE SET last = max(last, excluded.last)",
	[S_COUNTER_RESERVE] = "INSERT INTO case_counter (office_id, year, last) VALUES (?1, ?2, ?3)"
			      " ON CONFLICT (office_id, year) DO UPDATE SET last = last + ?3"
			      " RETURNING last",
	[S_PERSON_ADD] =
		"INSERT INTO person (case_id, seq, relationship, family_name, given_names,"
		" family_name_latin, given_names_latin, sex, birth_date, birth_date_approx,"
		" nationality, languages, uid)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[S_NEED_ADD] = "INSERT INTO person_need (person_id, code) VALUES (?1, ?2)",
	[S_DOC_ADD] = "INSERT INTO document (person_id, kind, number, issuer, expires_on, uid)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_EVENT_ADD] = "INSERT INTO event (case_id, at, actor, action, detail, reason, uid)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_DOC_ADD_N] = "INSERT INTO document (person_id, kind, number, issuer, expires_on, uid)"
			" VALUES " DOC_ROW X31(", " DOC_ROW),
	[S_EVENT_ADD_N] = "INSERT INTO event (case_id, at, actor, action, detail, reason, uid)"
			  " VALUES " EVENT_ROW X31(", " EVENT_ROW),
	[S_CASE_GET] = "SELECT c.id, c.ref, c.programme, o.code, c.origin, c.destination,"
		       " c.state, c.priority, c.registered_on, c.uid"
		       " FROM cases c JOIN office o ON o.id = c.office_id WHERE c.ref = ?1",
	[S_MARK] = "SAVEPOINT cor_unit",
	[S_RELEASE] = "RELEASE cor_unit",
	[S_UNDO] = "ROLLBACK TO cor_unit",
};

/* The events a bulk write holds back: their case, time, and their texts
 * copied into text (as offsets, which survive its growth). */
struct cor_event_batch {
	int n;
	int64_t case_id[ADD_ROWS];
	char at[ADD_ROWS][COR_TIME_LEN];
	size_t actor[ADD_ROWS], action[ADD_ROWS], detail[ADD_ROWS], reason[ADD_ROWS];
	char *text;
	size_t used, cap;
};

/* ---- errors ------------------------------------------------------------ */

void cor_sqlite_copy_uid(char out[COR_UUID_LEN], sqlite3_stmt *s, int col)
{
	struct cor_uuid u;
	if (sqlite3_column_bytes(s, col) == (int)sizeof(u.b)) {
		memcpy(u.b, sqlite3_column_blob(s, col), sizeof(u.b));
		cor_uuid_format(&u, out);
	} else {
		out[0] = '\0';
	}
}

int cor_sqlite_bind_uid(struct cor_store *st, sqlite3_stmt *s, int i)
{
	struct cor_uuid u;
	if (cor_uuid7_now(&u) < 0) {
		cor_sqlite_msg(st, "the system gives no randomness for a record identity");
		return COR_EIO;
	}
	sqlite3_bind_blob(s, i, u.b, sizeof(u.b), SQLITE_TRANSIENT);
	return 0;
}

void cor_sqlite_msg(struct cor_store *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->msg, sizeof(st->msg), fmt, ap);
	va_end(ap);
}

bool cor_sqlite_foreign(struct cor_store *st, const char *what)
{
	if (st->ops == &cor_sqlite_ops)
		return false;
	cor_sqlite_msg(st, "%s reached the SQLite backend of a %s store: a defect of the store",
		       what, st->ops->name);
	return true;
}

/* Map an SQLite result code to a cor_err and record a message. */
int cor_sqlite_fail(struct cor_store *st, int rc, const char *what)
{
	int prim = rc & 0xff;
	int err;
	if (cor_sqlite_foreign(st, what))
		return COR_EIO;
	switch (prim) {
	case SQLITE_CONSTRAINT:
		err = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			      ? COR_EEXIST
		      : rc == SQLITE_CONSTRAINT_FOREIGNKEY ? COR_ENOTFOUND
							   : COR_EINVAL;
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err = COR_EBUSY;
		break;
	case SQLITE_NOTADB:
		err = COR_ENOTCORRIDOR;
		break;
	case SQLITE_CORRUPT:
		err = COR_ECORRUPT;
		break;
	case SQLITE_NOMEM:
		err = COR_ENOMEM;
		break;
	default:
		err = COR_EIO;
	}
	cor_sqlite_msg(st, "%s: %s (database '%s')", what, sqlite3_errmsg(st->db), st->path);
	return err;
}

/* ---- statements -------------------------------------------------------- */

sqlite3_stmt *cor_sqlite_stmt(struct cor_store *st, const char *sql)
{
	if (cor_sqlite_foreign(st, "this operation"))
		return NULL;
	/* Events held back go in before anything that reads or adds events. */
	if (st->events && st->events->n && strstr(sql, "event") && cor_sqlite_events_flush(st) < 0)
		return NULL;
	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].s);
			sqlite3_clear_bindings(st->cache[i].s);
			return st->cache[i].s;
		}
	sqlite3_stmt *s = NULL;
	if (st->ncache == (int)(sizeof(st->cache) / sizeof(st->cache[0])) ||
	    sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		return NULL;
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache++].s = s;
	return s;
}

static sqlite3_stmt *stmt(struct cor_store *st, enum stmt_id id)
{
	if (!st->stmt[id] && sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
						&st->stmt[id], NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(st->stmt[id]);
	sqlite3_clear_bindings(st->stmt[id]);
	return st->stmt[id];
}

void cor_sqlite_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* NULL for an empty string: optional filters and columns. */
void cor_sqlite_bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

void cor_sqlite_copy_col(char *dst, size_t len, sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	snprintf(dst, len, "%s", v ? v : "");
}

static int exec(struct cor_store *st, const char *sql, const char *what)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : cor_sqlite_fail(st, rc, what);
}

/* Step a write statement to completion. */
int cor_sqlite_step_done(struct cor_store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), what);
	int rc = sqlite3_step(s);
	int err =
		rc == SQLITE_DONE ? 0 : cor_sqlite_fail(st, sqlite3_extended_errcode(st->db), what);
	sqlite3_reset(s);
	return err;
}

/* Run a one-integer query. */
static int query_int(struct cor_store *st, const char *sql, long *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	*out = 0;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = (long)sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	int err = rc == SQLITE_OK ? 0 : cor_sqlite_fail(st, rc, "reading the database");
	sqlite3_finalize(s);
	return err;
}

/* ---- open and migrate -------------------------------------------------- */

/* Tell a Corridor database from anything else, and decide whether it needs
 * creating. *fresh is set for an empty database. */
static int identify(struct cor_store *st, bool *fresh)
{
	long app_id, version, objects;
	int err;
	if ((err = query_int(st, "PRAGMA application_id", &app_id)) < 0 ||
	    (err = query_int(st, "PRAGMA user_version", &version)) < 0 ||
	    (err = query_int(st, "SELECT count(*) FROM sqlite_schema", &objects)) < 0) {
		if (err == COR_ENOTCORRIDOR || err == COR_ECORRUPT)
			cor_sqlite_msg(st, "'%s' is not a Corridor database (%s)", st->path,
				       err == COR_ENOTCORRIDOR ? "not an SQLite file"
							       : "the file is damaged");
		return err;
	}
	*fresh = app_id == 0 && version == 0 && objects == 0;
	if (!*fresh && app_id != COR_APP_ID) {
		cor_sqlite_msg(st, "'%s' is not a Corridor database (application id %#lx)",
			       st->path, (unsigned long)app_id);
		return COR_ENOTCORRIDOR;
	}
	if (version > (long)cor_sqlite_migrations_len) {
		cor_sqlite_msg(st,
			       "'%s' has schema version %ld but this corridor knows up to %zu: "
			       "use a newer corridor",
			       st->path, version, cor_sqlite_migrations_len);
		return COR_ETOONEW;
	}
	return 0;
}

/* cor_uuid7(): a new record identity as 16 bytes, for the uid column of
 * every record a device can create (migration 8), in the statements that
 * do not bind one made by cor_sqlite_bind_uid. */
static void sql_uuid7(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct cor_uuid u;
	if (cor_uuid7_now(&u) < 0) {
		sqlite3_result_error(cx, "the system gives no randomness for a record identity",
				     -1);
		return;
	}
	sqlite3_result_blob(cx, u.b, sizeof(u.b), SQLITE_TRANSIENT);
}

static int migrate(struct cor_store *st)
{
	long version;
	int err;
	if ((err = exec(st, "BEGIN IMMEDIATE", "starting the schema upgrade")) < 0)
		return err;
	/* A migration may fill a new column of an append-only table: the
	 * triggers guard what operations write, not the schema's own steps. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	if ((err = query_int(st, "PRAGMA user_version", &version)) < 0)
		goto out;
	for (size_t i = (size_t)version; i < cor_sqlite_migrations_len; i++) {
		char what[64], pragma[96];
		snprintf(what, sizeof(what), "applying schema migration %zu", i + 1);
		if ((err = exec(st, cor_sqlite_migrations[i], what)) < 0)
			goto out;
		if (i + 1 == COR_SCHEMA_SEARCH && (err = cor_sqlite_search_ops.backfill(st)) < 0)
			goto out;
		snprintf(pragma, sizeof(pragma),
			 "PRAGMA user_version = %zu; PRAGMA application_id = %d", i + 1,
			 COR_APP_ID);
		if ((err = exec(st, pragma, what)) < 0)
			goto out;
	}
	err = exec(st, "COMMIT", "committing the schema upgrade");
out:
	if (err < 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, (int *)NULL);
	return err;
}

int cor_sqlite_open(const char *path, unsigned flags, struct cor_store **out, char *msg,
		    size_t msglen)
{
	struct cor_store *st = NULL;
	struct stat sb;
	bool fresh = false;
	int err = COR_ENOMEM;

	*out = NULL;
	/* Memory statistics cost a global mutex on every allocation; Corridor
	 * does not read them. Only possible before SQLite initialises. */
	static bool configured;
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			snprintf(msg, msglen, "'%s' is not a regular file", path);
			return COR_EINVAL;
		}
		if (sb.st_size == 0 && !(flags & COR_STORE_CREATE)) {
			snprintf(msg, msglen, "'%s' is empty, not a Corridor database", path);
			return COR_ENOTCORRIDOR;
		}
	} else if (errno != ENOENT || !(flags & COR_STORE_CREATE)) {
		snprintf(msg, msglen,
			 errno == ENOENT
				 ? "no database at '%s' (create one with 'corridor init' or "
				   "'corridor demo')"
				 : "cannot open '%s': %s",
			 path, strerror(errno));
		return errno == ENOENT ? COR_ENOTFOUND : COR_EIO;
	}

	st = calloc(1, sizeof(*st));
	if (!st)
		goto fail;
	st->ops = &cor_sqlite_ops;
	if (!(st->path = strdup(path)))
		goto fail;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		     (flags & COR_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "opening the database");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	if (sqlite3_create_function(st->db, "cor_uuid7", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
				    sql_uuid7, NULL, NULL) != SQLITE_OK) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "opening the database");
		goto fail;
	}
	if ((err = identify(st, &fresh)) < 0)
		goto fail;
	if (fresh && !(flags & COR_STORE_CREATE)) {
		cor_sqlite_msg(st, "'%s' is empty, not a Corridor database", path);
		err = COR_ENOTCORRIDOR;
		goto fail;
	}
	/* A new database gets 8 KiB pages (set before WAL, which fixes the
	 * page size): fewer pages to write and to walk for the same rows. */
	if (fresh && (err = exec(st, "PRAGMA page_size = 8192", "setting the page size")) < 0)
		goto fail;
	st->bulk = flags & COR_STORE_BULK;
	/* Bulk mode (for generated data only, which can be generated again,
	 * and whose generator the tests check with foreign_key_check): the
	 * rollback journal in memory, no fsync, one writer, no foreign-key
	 * lookups. Otherwise WAL with a full fsync at commit.
	 * 24 MiB of page cache bounds memory whatever the database size. */
	if ((err = exec(st,
			flags & COR_STORE_BULK
				? "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;"
				  "PRAGMA locking_mode = EXCLUSIVE"
				: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
			"setting the journal mode")) < 0 ||
	    (err = exec(st,
			flags & COR_STORE_BULK
				? "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -24576;"
				  "PRAGMA temp_store = MEMORY"
				: "PRAGMA foreign_keys = ON; PRAGMA cache_size = -24576;"
				  "PRAGMA temp_store = MEMORY",
			"configuring the database")) < 0)
		goto fail;
	if ((err = migrate(st)) < 0)
		goto fail;
	st->created = fresh;
	*out = st;
	return 0;
fail:
	snprintf(msg, msglen, "%s", st && st->msg[0] ? st->msg : "out of memory");
	cor_store_close(st);
	return err;
}

static int end_large(struct cor_store *st, int err);
static void events_free(struct cor_store *st);

static void sqlite_close(struct cor_store *st)
{
	if (!st)
		return;
	for (int i = 0; i < S__N; i++)
		sqlite3_finalize(st->stmt[i]);
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].s);
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st->db)
		end_large(st, 0);
	cor_sqlite_keys_drop(st);
	events_free(st);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

static int sqlite_begin(struct cor_store *st)
{
	return exec(st, "BEGIN IMMEDIATE", "starting a transaction");
}

static int sqlite_begin_read(struct cor_store *st)
{
	return exec(st, "BEGIN DEFERRED", "starting a read transaction");
}

static bool sqlite_in_transaction(struct cor_store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

static int sqlite_rules_get(struct cor_store *st, int *version, char **text)
{
	static const char sql[] =
		"SELECT version, text FROM rules_config ORDER BY version DESC LIMIT 1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	*version = 0;
	*text = NULL;
	if (!s)
		return COR_EIO;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 1);
		*version = sqlite3_column_int(s, 0);
		*text = strdup(t ? (const char *)t : "");
	} else if (rc == SQLITE_DONE) {
		*text = strdup("");
	} else {
		int err = cor_sqlite_fail(st, rc, "reading the rules in force");
		sqlite3_reset(s);
		return err;
	}
	sqlite3_reset(s);
	if (!*text) {
		cor_sqlite_msg(st, "out of memory reading the rules in force");
		return COR_ENOMEM;
	}
	return 0;
}

static int sqlite_rules_add(struct cor_store *st, const char *text, const char *actor, int *version)
{
	static const char sql[] =
		"INSERT INTO rules_config (version, text, set_at, set_by) "
		"SELECT coalesce(max(version), 0) + 1, ?1, ?2, ?3 FROM rules_config "
		"RETURNING version";
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return COR_EIO;
	cor_sqlite_bind_text(s, 1, text);
	cor_sqlite_bind_text(s, 2, cor_store_now(st, at));
	cor_sqlite_bind_text(s, 3, actor);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		int err = cor_sqlite_fail(st, rc, "storing the rules");
		sqlite3_reset(s);
		return err;
	}
	*version = sqlite3_column_int(s, 0);
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	return 0;
}

static int sqlite_rules_history(struct cor_store *st,
				int (*cb)(int version, const char *at, const char *by, void *ctx),
				void *ctx)
{
	static const char sql[] =
		"SELECT version, set_at, set_by FROM rules_config ORDER BY version DESC";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	int rc, ret = 0;
	if (!s)
		return COR_EIO;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((ret = cb(sqlite3_column_int(s, 0), (const char *)sqlite3_column_text(s, 1),
			      (const char *)sqlite3_column_text(s, 2), ctx)))
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading the rules' versions");
	sqlite3_reset(s);
	return ret;
}

/* Set the journal mode; *mode gets what SQLite reports it is now. A
 * database another connection has open cannot leave WAL: that is reported
 * at once, not after the busy timeout. */
static int journal_mode(struct cor_store *st, const char *sql, char *mode, size_t len)
{
	sqlite3_stmt *s = NULL;
	sqlite3_busy_timeout(st->db, 0);
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *m = sqlite3_column_text(s, 0);
		snprintf(mode, len, "%s", m ? (const char *)m : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	sqlite3_busy_timeout(st->db, 5000);
	return rc;
}

static int sqlite_begin_large(struct cor_store *st)
{
	char mode[16] = "";
	int err;
	if (!sqlite3_get_autocommit(st->db))
		return cor_store_begin(st);
	/* What a large write sorts (beyond its search keys, kept in memory by
	 * sqlite_search.c) goes to a temporary file, not to memory. Set
	 * outside a transaction only. */
	if ((err = exec(st, "PRAGMA temp_store = FILE", "starting a large write")) < 0)
		return err;
	if (st->bulk) {
		if ((err = cor_store_begin(st)) == 0 && (err = cor_sqlite_keys_stage(st)) == 0)
			st->stage_keys = true;
		return err;
	}
	if (journal_mode(st, "PRAGMA journal_mode = DELETE", mode, sizeof(mode)) == SQLITE_OK)
		st->unshared = !strcmp(mode, "delete");
	st->large = true;
	if ((err = exec(st, "PRAGMA foreign_keys = OFF", "starting a large write")) < 0 ||
	    (err = cor_store_begin(st)) < 0)
		return end_large(st, err);
	if ((err = cor_sqlite_keys_stage(st)) < 0)
		return err;
	st->stage_keys = true;
	return 0;
}

/* After a large write: foreign keys checked again, and back to WAL, so
 * that readers and a writer can work side by side again. */
static int end_large(struct cor_store *st, int err)
{
	char mode[16] = "";
	if (st->bulk || st->large)
		sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	if (!st->large)
		return err;
	st->large = false;
	int rc = sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (err == 0 && rc != SQLITE_OK)
		err = cor_sqlite_fail(st, rc, "ending a large write");
	if (!st->unshared)
		return err;
	st->unshared = false;
	rc = SQLITE_BUSY;
	for (int i = 0; i < 50 && rc == SQLITE_BUSY; i++) {
		rc = journal_mode(st, "PRAGMA journal_mode = WAL", mode, sizeof(mode));
		if (rc == SQLITE_BUSY)
			sqlite3_sleep(100);
	}
	if (err == 0 && (rc != SQLITE_OK || strcmp(mode, "wal")))
		err = cor_sqlite_fail(st, rc == SQLITE_OK ? SQLITE_ERROR : rc,
				      "returning the journal to WAL");
	return err;
}

/* Write the pending case counters. */
static int flush_counters(struct cor_store *st)
{
	for (int i = 0; i < st->npending; i++) {
		sqlite3_stmt *s = stmt(st, S_COUNTER_BUMP);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "numbering cases");
		sqlite3_bind_int64(s, 1, st->pending[i].office_id);
		sqlite3_bind_int(s, 2, st->pending[i].year);
		sqlite3_bind_int64(s, 3, st->pending[i].seq);
		int err = cor_sqlite_step_done(st, s, "numbering cases");
		if (err < 0)
			return err;
	}
	st->npending = 0;
	return 0;
}

/* Note that office/year holds case number seq; flushed at commit. */
static int note_counter(struct cor_store *st, int64_t office_id, int year, long seq)
{
	for (int i = 0; i < st->npending; i++) {
		struct pending_counter *p = &st->pending[i];
		if (p->office_id == office_id && p->year == year) {
			if (seq > p->seq)
				p->seq = seq;
			return 0;
		}
	}
	if (st->npending == (int)(sizeof(st->pending) / sizeof(st->pending[0]))) {
		int err = flush_counters(st);
		if (err < 0)
			return err;
	}
	st->pending[st->npending++] = (struct pending_counter){office_id, year, seq};
	/* Outside a transaction the write is its own: flush now. */
	return sqlite3_get_autocommit(st->db) ? flush_counters(st) : 0;
}

static int sqlite_commit(struct cor_store *st)
{
	int err = cor_sqlite_events_flush(st);
	if (err == 0)
		err = flush_counters(st);
	if (err == 0)
		err = cor_sqlite_keys_flush(st);
	st->stage_keys = false;
	if (err == 0)
		err = exec(st, "COMMIT", "committing");
	return sqlite3_get_autocommit(st->db) ? end_large(st, err) : err;
}

static int sqlite_rollback(struct cor_store *st)
{
	st->npending = 0;
	st->stage_keys = false;
	cor_sqlite_keys_drop(st);
	if (st->events)
		st->events->n = 0;
	int err = sqlite3_get_autocommit(st->db) ? 0 : exec(st, "ROLLBACK", "rolling back");
	return end_large(st, err);
}

static void read_case(sqlite3_stmt *s, int at, struct cor_case *c);

static int sqlite_mark(struct cor_store *st)
{
	memcpy(st->marked, st->pending, sizeof(st->pending));
	st->nmarked = st->npending;
	int err = cor_sqlite_events_flush(st);
	if (err == 0)
		err = cor_sqlite_keys_mark(st);
	return err < 0 ? err : cor_sqlite_step_done(st, stmt(st, S_MARK), "marking a unit of work");
}

static int sqlite_release(struct cor_store *st)
{
	int err = cor_sqlite_events_flush(st);
	if (err < 0)
		return err;
	cor_sqlite_keys_release(st);
	return cor_sqlite_step_done(st, stmt(st, S_RELEASE), "keeping a unit of work");
}

static int sqlite_undo(struct cor_store *st)
{
	/* The events held back came after the mark (which wrote the rest). */
	if (st->events)
		st->events->n = 0;
	int err = cor_sqlite_step_done(st, stmt(st, S_UNDO), "undoing a unit of work");
	if (err < 0)
		return err;
	/* Numbers given inside the undone unit are free again, its keys gone. */
	cor_sqlite_keys_undo(st);
	memcpy(st->pending, st->marked, sizeof(st->pending));
	st->npending = st->nmarked;
	return cor_store_release(st);
}

/* ---- writes ------------------------------------------------------------ */

static int office_id(struct cor_store *st, const char *code, int64_t *id)
{
	if (!strcmp(st->office_code, code)) {
		*id = st->office_id;
		return 0;
	}
	sqlite3_stmt *s = stmt(st, S_OFFICE_ID);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "looking up an office");
	cor_sqlite_bind_text(s, 1, code);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		snprintf(st->office_code, sizeof(st->office_code), "%s", code);
		st->office_id = *id;
		sqlite3_reset(s);
		return 0;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return cor_sqlite_fail(st, rc, "looking up an office");
	cor_sqlite_msg(st, "no office '%s'", code);
	return COR_ENOTFOUND;
}

static int sqlite_office_add(struct cor_store *st, const struct cor_office *o)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "INSERT INTO office (code, country, name) VALUES (?1, ?2, ?3)",
				    -1, &s, NULL);
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "adding an office");
	cor_sqlite_bind_text(s, 1, o->code);
	cor_sqlite_bind_text(s, 2, o->country);
	cor_sqlite_bind_text(s, 3, o->name);
	int err = cor_sqlite_step_done(st, s, "adding an office");
	sqlite3_finalize(s);
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "office '%s' already exists", o->code);
	return err;
}

static void read_office(sqlite3_stmt *s, struct cor_office *o)
{
	cor_sqlite_copy_col(o->code, sizeof(o->code), s, 0);
	cor_sqlite_copy_col(o->country, sizeof(o->country), s, 1);
	cor_sqlite_copy_col(o->name, sizeof(o->name), s, 2);
}

static int sqlite_office_get(struct cor_store *st, const char *code, struct cor_office *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(
		st->db, "SELECT code, country, name FROM office WHERE code = ?1", -1, &s, NULL);
	int err = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading offices");
	cor_sqlite_bind_text(s, 1, code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_office(s, out);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no office '%s'", code);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading offices");
	}
	sqlite3_finalize(s);
	return err;
}

static int sqlite_office_list(struct cor_store *st,
			      int (*cb)(const struct cor_office *o, void *ctx), void *ctx)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "SELECT code, country, name FROM office ORDER BY code",
				    -1, &s, NULL);
	int ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading offices");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_office o;
		read_office(s, &o);
		if ((ret = cb(&o, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading offices");
	sqlite3_finalize(s);
	return ret;
}

static int sqlite_case_reserve(struct cor_store *st, const char *office, int year, long count,
			       long *first)
{
	int64_t oid;
	int err = flush_counters(st);
	if (err == 0)
		err = office_id(st, office, &oid);
	if (err < 0)
		return err;
	sqlite3_stmt *s = stmt(st, S_COUNTER_RESERVE);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reserving case numbers");
	sqlite3_bind_int64(s, 1, oid);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_int64(s, 3, count);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		err = cor_sqlite_fail(st, sqlite3_extended_errcode(st->db),
				      "reserving case numbers");
		sqlite3_reset(s);
		return err;
	}
	*first = (long)sqlite3_column_int64(s, 0) - count + 1;
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	sqlite3_reset(s);
	return 0;
}

static int sqlite_case_add(struct cor_store *st, const struct cor_case *c, int64_t *id)
{
	char office[8], date[COR_DATE_LEN];
	int year;
	long seq;
	int64_t oid;
	int err;

	if (cor_case_ref_parse(c->ref, office, &year, &seq) < 0) {
		cor_sqlite_msg(st, "malformed case reference '%s'", c->ref);
		return COR_EINVAL;
	}
	if ((err = office_id(st, c->office, &oid)) < 0)
		return err;
	sqlite3_stmt *s = stmt(st, S_CASE_ADD);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding a case");
	cor_sqlite_bind_text(s, 1, c->ref);
	cor_sqlite_bind_text(s, 2, c->programme);
	sqlite3_bind_int64(s, 3, oid);
	cor_sqlite_bind_text(s, 4, c->origin);
	cor_sqlite_bind_text(s, 5, c->destination);
	cor_sqlite_bind_text(s, 6, c->state);
	cor_sqlite_bind_text(s, 7, cor_priority_name(c->priority));
	cor_sqlite_bind_text(s, 8, cor_date_format(c->registered_on, date));
	if ((err = cor_sqlite_bind_uid(st, s, 9)) < 0 ||
	    (err = cor_sqlite_step_done(st, s, "adding a case")) < 0) {
		if (err == COR_EEXIST)
			cor_sqlite_msg(st, "case '%s' already exists", c->ref);
		return err;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	/* Keep the office's numbering ahead of every reference it holds. */
	return strcmp(office, c->office) ? 0 : note_counter(st, oid, year, seq);
}

int cor_sqlite_unit_begin(struct cor_store *st, bool *own)
{
	*own = false;
	if (cor_sqlite_foreign(st, "this operation"))
		return COR_EIO;
	*own = sqlite3_get_autocommit(st->db) != 0;
	return *own ? cor_store_begin(st) : cor_store_mark(st);
}

int cor_sqlite_unit_end(struct cor_store *st, bool own, int err)
{
	if (err == 0) {
		err = own ? cor_store_commit(st) : cor_store_release(st);
		if (err == 0)
			return 0;
	}
	char msg[sizeof(st->msg)];
	memcpy(msg, st->msg, sizeof(msg));
	if (own)
		cor_store_rollback(st);
	else
		cor_store_undo(st);
	memcpy(st->msg, msg, sizeof(msg));
	return err;
}

int cor_sqlite_case_id(struct cor_store *st, const char *ref, int64_t *id)
{
	if (cor_sqlite_foreign(st, "this operation"))
		return COR_EIO;
	return cor_store_case_get(st, ref, id, NULL);
}

static int sqlite_case_last_id(struct cor_store *st, int64_t *id)
{
	long v;
	int err = query_int(st, "SELECT coalesce(max(id), 0) FROM cases", &v);
	if (err == 0)
		*id = v;
	return err;
}

static int sqlite_case_get(struct cor_store *st, const char *ref, int64_t *id, struct cor_case *out)
{
	sqlite3_stmt *s = stmt(st, S_CASE_GET);
	int err = 0;
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	cor_sqlite_bind_text(s, 1, ref);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(s, 0);
		if (out) {
			read_case(s, 1, out);
			cor_sqlite_copy_uid(out->uid, s, 9);
		}
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading a case");
	}
	sqlite3_reset(s);
	return err;
}

static int sqlite_person_add(struct cor_store *st, int64_t case_id, const struct cor_person *p,
			     int64_t *id)
{
	char date[COR_DATE_LEN];
	int err;
	sqlite3_stmt *s = stmt(st, S_PERSON_ADD);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding a person");
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int(s, 2, p->seq);
	cor_sqlite_bind_text(s, 3, cor_relationship_name(p->relationship));
	cor_sqlite_bind_text(s, 4, p->family_name);
	cor_sqlite_bind_text(s, 5, p->given_names);
	cor_sqlite_bind_text(s, 6, p->family_name_latin);
	cor_sqlite_bind_text(s, 7, p->given_names_latin);
	sqlite3_bind_text(s, 8, &p->sex, 1, SQLITE_STATIC);
	cor_sqlite_bind_text(s, 9, cor_date_format(p->birth_date, date));
	sqlite3_bind_int(s, 10, p->birth_date_approx);
	cor_sqlite_bind_text(s, 11, p->nationality);
	cor_sqlite_bind_text(s, 12, p->languages);
	if ((err = cor_sqlite_bind_uid(st, s, 13)) < 0 ||
	    (err = cor_sqlite_step_done(st, s, "adding a person")) < 0) {
		if (err == COR_EEXIST)
			cor_sqlite_msg(st, "the case already has a person %d", p->seq);
		return err;
	}
	int64_t pid = sqlite3_last_insert_rowid(st->db);
	if (id)
		*id = pid;
	for (const char *c = p->needs; *c;) {
		const char *end = strchr(c, ';');
		int n = end ? (int)(end - c) : (int)strlen(c);
		s = stmt(st, S_NEED_ADD);
		sqlite3_bind_int64(s, 1, pid);
		sqlite3_bind_text(s, 2, c, n, SQLITE_STATIC);
		if ((err = cor_sqlite_step_done(st, s, "adding a specific need")) < 0)
			return err;
		c += n + (end != NULL);
	}
	return 0;
}

/* Bind a document's columns from parameter at + 1 on. */
static int bind_document(struct cor_store *st, sqlite3_stmt *s, int at, int64_t person_id,
			 const struct cor_document *d, char date[COR_DATE_LEN])
{
	sqlite3_bind_int64(s, at + 1, person_id);
	cor_sqlite_bind_text(s, at + 2, cor_doc_kind_name(d->kind));
	cor_sqlite_bind_text(s, at + 3, d->number);
	cor_sqlite_bind_text(s, at + 4, d->issuer);
	if (d->has_expiry)
		cor_sqlite_bind_text(s, at + 5, cor_date_format(d->expires_on, date));
	else
		sqlite3_bind_null(s, at + 5);
	return cor_sqlite_bind_uid(st, s, at + 6);
}

static int sqlite_document_add(struct cor_store *st, int64_t person_id,
			       const struct cor_document *d)
{
	char date[COR_DATE_LEN];
	sqlite3_stmt *s = stmt(st, S_DOC_ADD);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding a document");
	int err = bind_document(st, s, 0, person_id, d, date);
	return err < 0 ? err : cor_sqlite_step_done(st, s, "adding a document");
}

static int sqlite_documents_add(struct cor_store *st, size_t n, const int64_t *person_ids,
				const struct cor_document *docs)
{
	char dates[ADD_ROWS][COR_DATE_LEN];
	size_t i = 0;
	int err = 0;
	for (; n - i >= ADD_ROWS && err == 0; i += ADD_ROWS) {
		sqlite3_stmt *s = stmt(st, S_DOC_ADD_N);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "adding documents");
		for (int k = 0; k < ADD_ROWS && err == 0; k++)
			err = bind_document(st, s, 6 * k, person_ids[i + k], &docs[i + k],
					    dates[k]);
		if (err == 0)
			err = cor_sqlite_step_done(st, s, "adding documents");
	}
	for (; i < n && err == 0; i++)
		err = sqlite_document_add(st, person_ids[i], &docs[i]);
	return err;
}

/* Bind an event's columns from parameter at + 1 on. */
static int bind_event(struct cor_store *st, sqlite3_stmt *s, int at, int64_t case_id,
		      const struct cor_event *e)
{
	sqlite3_bind_int64(s, at + 1, case_id);
	cor_sqlite_bind_text(s, at + 2, e->at);
	cor_sqlite_bind_text(s, at + 3, e->actor);
	cor_sqlite_bind_text(s, at + 4, e->action);
	cor_sqlite_bind_text(s, at + 5, e->detail ? e->detail : "");
	cor_sqlite_bind_text(s, at + 6, e->reason ? e->reason : "");
	return cor_sqlite_bind_uid(st, s, at + 7);
}

static int event_add_now(struct cor_store *st, int64_t case_id, const struct cor_event *e)
{
	sqlite3_stmt *s = stmt(st, S_EVENT_ADD);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording an event");
	int err = bind_event(st, s, 0, case_id, e);
	return err < 0 ? err : cor_sqlite_step_done(st, s, "recording an event");
}

/* n events, ADD_ROWS to a statement, in their order. */
static int events_add_now(struct cor_store *st, size_t n, const int64_t *case_ids,
			  const struct cor_event *events)
{
	size_t i = 0;
	int err = 0;
	for (; n - i >= ADD_ROWS && err == 0; i += ADD_ROWS) {
		sqlite3_stmt *s = stmt(st, S_EVENT_ADD_N);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording events");
		for (int k = 0; k < ADD_ROWS && err == 0; k++)
			err = bind_event(st, s, 7 * k, case_ids[i + k], &events[i + k]);
		if (err == 0)
			err = cor_sqlite_step_done(st, s, "recording events");
	}
	for (; i < n && err == 0; i++)
		err = event_add_now(st, case_ids[i], &events[i]);
	return err;
}

static void events_free(struct cor_store *st)
{
	if (st->events)
		free(st->events->text);
	free(st->events);
	st->events = NULL;
}

/* Copy v into b's text; its offset in *at. false when out of memory. */
static bool batch_text(struct cor_event_batch *b, const char *v, size_t *at)
{
	size_t len = strlen(v ? v : "") + 1;
	if (b->used + len > b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 8192;
		while (cap < b->used + len)
			cap *= 2;
		char *t = realloc(b->text, cap);
		if (!t)
			return false;
		b->text = t;
		b->cap = cap;
	}
	memcpy(b->text + b->used, v ? v : "", len);
	*at = b->used;
	b->used += len;
	return true;
}

int cor_sqlite_events_flush(struct cor_store *st)
{
	struct cor_event_batch *b = st->events;
	if (!b || b->n == 0)
		return 0;
	struct cor_event ev[ADD_ROWS];
	int n = b->n;
	for (int i = 0; i < n; i++) {
		ev[i] = (struct cor_event){.actor = b->text + b->actor[i],
					   .action = b->text + b->action[i],
					   .detail = b->text + b->detail[i],
					   .reason = b->text + b->reason[i]};
		memcpy(ev[i].at, b->at[i], sizeof(ev[i].at));
	}
	b->n = 0;
	b->used = 0;
	sqlite3_int64 last = sqlite3_last_insert_rowid(st->db);
	int err = events_add_now(st, (size_t)n, b->case_id, ev);
	sqlite3_set_last_insert_rowid(st->db, last);
	return err;
}

static int sqlite_event_add(struct cor_store *st, int64_t case_id, const struct cor_event *e)
{
	/* A bulk write (the demo) holds its events back to add them
	 * ADD_ROWS a statement; nothing it writes names an event's id. */
	if (!st->bulk || sqlite3_get_autocommit(st->db)) {
		int err = cor_sqlite_events_flush(st);
		return err < 0 ? err : event_add_now(st, case_id, e);
	}
	if (!st->events && !(st->events = calloc(1, sizeof(*st->events)))) {
		cor_sqlite_msg(st, "recording an event: out of memory");
		return COR_ENOMEM;
	}
	struct cor_event_batch *b = st->events;
	if (!batch_text(b, e->actor, &b->actor[b->n]) ||
	    !batch_text(b, e->action, &b->action[b->n]) ||
	    !batch_text(b, e->detail, &b->detail[b->n]) ||
	    !batch_text(b, e->reason, &b->reason[b->n])) {
		cor_sqlite_msg(st, "recording an event: out of memory");
		return COR_ENOMEM;
	}
	b->case_id[b->n] = case_id;
	memcpy(b->at[b->n], e->at, sizeof(b->at[0]));
	return ++b->n == ADD_ROWS ? cor_sqlite_events_flush(st) : 0;
}

static int sqlite_events_add(struct cor_store *st, size_t n, const int64_t *case_ids,
			     const struct cor_event *events)
{
	int err = cor_sqlite_events_flush(st);
	return err < 0 ? err : events_add_now(st, n, case_ids, events);
}

/* ---- reads ------------------------------------------------------------- */

/* The case filter as SQL over "cases c JOIN office o"; parameters ?1..?5 and
 * ?7 (the text's fold, set by store.c). */
#define FILTER_WHERE                                                                               \
	" WHERE (?1 IS NULL OR c.programme = ?1) AND (?2 IS NULL OR o.code = ?2)"                  \
	" AND (?3 IS NULL OR c.state = ?3)"                                                        \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM person x WHERE x.case_id = c.id"                \
	"      AND x.nationality = ?4))"                                                           \
	" AND (?5 IS NULL OR (c.ref >= ?5 AND c.ref < ?5 || char(1114111))"                        \
	"      OR c.id IN (SELECT x.case_id FROM person x WHERE x.id IN"                           \
	"        (SELECT person_id FROM person_key WHERE key >= ?7 AND key < ?7 || "               \
	"char(1114111))))"

static void bind_filter(sqlite3_stmt *s, const struct cor_case_filter *f)
{
	cor_sqlite_bind_opt(s, 1, f->programme);
	cor_sqlite_bind_opt(s, 2, f->office);
	cor_sqlite_bind_opt(s, 3, f->state);
	cor_sqlite_bind_opt(s, 4, f->nationality);
	cor_sqlite_bind_opt(s, 5, f->text);
	sqlite3_bind_int64(s, 6, f->limit > 0 ? f->limit : -1);
	cor_sqlite_bind_opt(s, 7, f->text_key);
}

/* The case columns, first in every case query: c.ref ... c.registered_on. */
#define CASE_COLS                                                                                  \
	"c.ref, c.programme, o.code, c.origin, c.destination, c.state, c.priority,"                \
	" c.registered_on"

static void read_case(sqlite3_stmt *s, int at, struct cor_case *c)
{
	c->uid[0] = '\0';
	cor_sqlite_copy_col(c->ref, sizeof(c->ref), s, at);
	cor_sqlite_copy_col(c->programme, sizeof(c->programme), s, at + 1);
	cor_sqlite_copy_col(c->office, sizeof(c->office), s, at + 2);
	cor_sqlite_copy_col(c->origin, sizeof(c->origin), s, at + 3);
	cor_sqlite_copy_col(c->destination, sizeof(c->destination), s, at + 4);
	cor_sqlite_copy_col(c->state, sizeof(c->state), s, at + 5);
	c->priority = COR_PRIO_NORMAL;
	cor_priority_parse((const char *)sqlite3_column_text(s, at + 6), &c->priority);
	cor_date_parse((const char *)sqlite3_column_text(s, at + 7), &c->registered_on);
}

static int sqlite_case_list(struct cor_store *st, const struct cor_case_filter *f,
			    int (*cb)(const struct cor_case_summary *s, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT " CASE_COLS ", (SELECT count(*) FROM person x WHERE x.case_id = c.id),"
		" pa.family_name_latin, pa.given_names_latin, pa.nationality"
		" FROM cases c JOIN office o ON o.id = c.office_id"
		" LEFT JOIN person pa ON pa.case_id = c.id AND pa.relationship = "
		"'principal'" FILTER_WHERE " ORDER BY c.registered_on, c.ref LIMIT ?6";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "listing cases");
	bind_filter(s, f);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_case_summary sum;
		read_case(s, 0, &sum.c);
		sum.persons = sqlite3_column_int(s, 8);
		const char *fam = (const char *)sqlite3_column_text(s, 9);
		const char *giv = (const char *)sqlite3_column_text(s, 10);
		snprintf(sum.principal, sizeof(sum.principal), "%s%s%s", fam ? fam : "",
			 fam && *fam ? ", " : "", giv ? giv : "");
		cor_sqlite_copy_col(sum.nationality, sizeof(sum.nationality), s, 11);
		if ((ret = cb(&sum, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "listing cases");
	sqlite3_finalize(s);
	return ret;
}

static int sqlite_case_count(struct cor_store *st, const struct cor_case_filter *f, long *n)
{
	static const char sql[] =
		"SELECT count(*) FROM cases c JOIN office o ON o.id = c.office_id" FILTER_WHERE;
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), err = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "counting cases");
	bind_filter(s, f);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	else
		err = cor_sqlite_fail(st, rc, "counting cases");
	sqlite3_finalize(s);
	return err;
}

/* The person columns at position at: seq ... languages, needs. */
#define PERSON_COLS                                                                                \
	"p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,"                \
	" p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality,"           \
	" p.languages,"                                                                            \
	" coalesce((SELECT group_concat(code, ';') FROM person_need n WHERE n.person_id = p.id), " \
	"'')"

static void read_person(sqlite3_stmt *s, int at, struct cor_person *p)
{
	p->seq = sqlite3_column_int(s, at);
	p->uid[0] = '\0';
	p->relationship = COR_REL_UNRELATED;
	cor_relationship_parse((const char *)sqlite3_column_text(s, at + 1), &p->relationship);
	cor_sqlite_copy_col(p->family_name, sizeof(p->family_name), s, at + 2);
	cor_sqlite_copy_col(p->given_names, sizeof(p->given_names), s, at + 3);
	cor_sqlite_copy_col(p->family_name_latin, sizeof(p->family_name_latin), s, at + 4);
	cor_sqlite_copy_col(p->given_names_latin, sizeof(p->given_names_latin), s, at + 5);
	const char *sex = (const char *)sqlite3_column_text(s, at + 6);
	p->sex = sex ? sex[0] : 'X';
	cor_date_parse((const char *)sqlite3_column_text(s, at + 7), &p->birth_date);
	p->birth_date_approx = sqlite3_column_int(s, at + 8) != 0;
	cor_sqlite_copy_col(p->nationality, sizeof(p->nationality), s, at + 9);
	cor_sqlite_copy_col(p->languages, sizeof(p->languages), s, at + 10);
	cor_sqlite_copy_col(p->needs, sizeof(p->needs), s, at + 11);
}

static void read_document(sqlite3_stmt *s, int at, struct cor_document *d)
{
	memset(d, 0, sizeof(*d));
	const char *kind = (const char *)sqlite3_column_text(s, at);
	if (!kind || cor_doc_kind_parse(kind, &d->kind) < 0)
		d->kind = COR_DOC_NONE;
	cor_sqlite_copy_col(d->number, sizeof(d->number), s, at + 1);
	cor_sqlite_copy_col(d->issuer, sizeof(d->issuer), s, at + 2);
	const char *exp = (const char *)sqlite3_column_text(s, at + 3);
	d->has_expiry = exp && cor_date_parse(exp, &d->expires_on) == 0;
}

static int sqlite_case_persons(struct cor_store *st, int64_t case_id,
			       int (*cb)(const struct cor_person *p,
					 const struct cor_document *docs, int ndocs, void *ctx),
			       void *ctx)
{
	enum { MAX_DOCS = 16 };
	sqlite3_stmt *s = NULL, *ds = NULL;
	int ret = 0;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT p.id, " PERSON_COLS ", p.uid FROM person p"
				    " WHERE p.case_id = ?1 ORDER BY p.seq",
				    -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db,
					"SELECT kind, number, issuer, expires_on FROM document"
					" WHERE person_id = ?1 ORDER BY id",
					-1, &ds, NULL);
	if (rc != SQLITE_OK) {
		ret = cor_sqlite_fail(st, rc, "reading persons");
		goto out;
	}
	sqlite3_bind_int64(s, 1, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person p;
		struct cor_document docs[MAX_DOCS];
		int n = 0;
		read_person(s, 1, &p);
		cor_sqlite_copy_uid(p.uid, s, 13);
		sqlite3_reset(ds);
		sqlite3_bind_int64(ds, 1, sqlite3_column_int64(s, 0));
		while (n < MAX_DOCS && sqlite3_step(ds) == SQLITE_ROW)
			read_document(ds, 0, &docs[n++]);
		if ((ret = cb(&p, docs, n, ctx)) != 0)
			goto out;
	}
	if (rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading persons");
out:
	sqlite3_finalize(s);
	sqlite3_finalize(ds);
	return ret;
}

static int sqlite_case_events(struct cor_store *st, int64_t case_id,
			      int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	sqlite3_stmt *s = NULL;
	int flushed = cor_sqlite_events_flush(st);
	if (flushed < 0)
		return flushed;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT at, actor, action, detail, reason, field, old_value, "
				    "new_value FROM event"
				    " WHERE case_id = ?1 ORDER BY id",
				    -1, &s, NULL),
	    ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading the history");
	sqlite3_bind_int64(s, 1, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_event e;
		cor_sqlite_copy_col(e.at, sizeof(e.at), s, 0);
		e.actor = (const char *)sqlite3_column_text(s, 1);
		e.action = (const char *)sqlite3_column_text(s, 2);
		e.detail = (const char *)sqlite3_column_text(s, 3);
		e.reason = (const char *)sqlite3_column_text(s, 4);
		e.field = (const char *)sqlite3_column_text(s, 5);
		e.before = (const char *)sqlite3_column_text(s, 6);
		e.after = (const char *)sqlite3_column_text(s, 7);
		if ((ret = cb(&e, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading the history");
	sqlite3_finalize(s);
	return ret;
}

/* The case's latest session beside its columns; its persons with every
 * document, their latest protection assessment and pre-migration check. */
static const char export_cases_sql[] =
	"SELECT c.id, " CASE_COLS ", coalesce(c.location, ''),"
	" s.no, s.counsellor, s.language, s.interpreter, s.decision"
	" FROM cases c JOIN office o ON o.id = c.office_id"
	" LEFT JOIN counselling s ON s.id ="
	"   (SELECT id FROM counselling WHERE case_id = c.id ORDER BY no DESC LIMIT 1)" FILTER_WHERE
	" ORDER BY c.id LIMIT ?6";
static const char export_persons_sql[] =
	"SELECT " PERSON_COLS ", d.kind, d.number, d.issuer, d.expires_on,"
	" a.level, k.id IS NOT NULL, " COR_SQLITE_CHECK_COLS " FROM person p"
	" LEFT JOIN document d ON d.person_id = p.id"
	" LEFT JOIN protection_assessment a ON a.id ="
	"   (SELECT max(id) FROM protection_assessment WHERE person_id = p.id)"
	" LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
	" LEFT JOIN health_check h ON h.id = (SELECT id FROM health_check"
	"   WHERE person_id = p.id AND kind = ?2 ORDER BY at DESC, id DESC LIMIT 1)"
	" WHERE p.case_id = ?1 ORDER BY p.seq, d.id";

static void export_case(sqlite3_stmt *cs, struct cor_export_acc *a)
{
	read_case(cs, 1, &a->c);
	cor_sqlite_copy_col(a->location, sizeof(a->location), cs, 9);
	a->session_no = sqlite3_column_int(cs, 10);
	cor_sqlite_copy_col(a->counsellor, sizeof(a->counsellor), cs, 11);
	cor_sqlite_copy_col(a->language, sizeof(a->language), cs, 12);
	a->interpreter = sqlite3_column_int(cs, 13) != 0;
	a->decision = COR_COUNSEL_UNDECIDED;
	if (a->session_no)
		cor_counselling_decision_parse((const char *)sqlite3_column_text(cs, 14),
					       &a->decision);
}

/* A row of export_persons_sql: a new person (its first document, or none),
 * or the next document of the person gathered. */
static int export_person_row(struct cor_store *st, sqlite3_stmt *ps, struct cor_export_acc *a)
{
	int seq = sqlite3_column_int(ps, 0), err;
	if (!a->pending || a->p.seq != seq) {
		if ((err = cor_export_acc_flush(a)) != 0)
			return err;
		read_person(ps, 0, &a->p);
		a->has_risk = sqlite3_column_type(ps, 16) != SQLITE_NULL;
		cor_sqlite_copy_col(a->risk, sizeof(a->risk), ps, 16);
		a->risk_cleared = sqlite3_column_int(ps, 17) != 0;
		a->has_pm = sqlite3_column_type(ps, 18) != SQLITE_NULL;
		if (a->has_pm)
			cor_sqlite_read_check(ps, 18, &a->pm);
		a->pending = true;
	}
	if (sqlite3_column_type(ps, 12) == SQLITE_NULL)
		return 0;
	struct cor_document d;
	read_document(ps, 12, &d);
	if ((err = cor_export_acc_doc(a, &d)) < 0)
		cor_sqlite_msg(st, "out of memory reading documents");
	return err;
}

static int sqlite_export_each(struct cor_store *st, const struct cor_case_filter *f,
			      int (*cb)(const struct cor_store_export_row *r, void *ctx), void *ctx)
{
	/* Cases in id order, then each case's persons through the (case_id,
	 * seq) index: index walks, no sort, memory independent of size. Not
	 * cached statements: the callback may call the store. */
	struct cor_export_acc a = {.cb = cb, .ctx = ctx};
	sqlite3_stmt *cs = NULL, *ps = NULL;
	int rc = sqlite3_prepare_v2(st->db, export_cases_sql, -1, &cs, NULL), ret = 0;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, export_persons_sql, -1, &ps, NULL);
	if (rc != SQLITE_OK) {
		ret = cor_sqlite_fail(st, rc, "reading persons");
		goto out;
	}
	bind_filter(cs, f);
	cor_sqlite_bind_text(ps, 2, cor_health_kind_name(COR_HEALTH_PRE_MIGRATION));
	while (ret == 0 && (rc = sqlite3_step(cs)) == SQLITE_ROW) {
		export_case(cs, &a);
		sqlite3_reset(ps);
		sqlite3_bind_int64(ps, 1, sqlite3_column_int64(cs, 0));
		while (ret == 0 && (rc = sqlite3_step(ps)) == SQLITE_ROW)
			ret = export_person_row(st, ps, &a);
		if (ret == 0)
			ret = rc == SQLITE_DONE ? cor_export_acc_flush(&a)
						: cor_sqlite_fail(st, rc, "reading persons");
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading persons");
out:
	sqlite3_finalize(cs);
	sqlite3_finalize(ps);
	cor_export_acc_free(&a);
	return ret;
}

/* ---- statistics -------------------------------------------------------- */

static const char facts_sql[] =
	"SELECT c.id, c.programme, c.state, o.code || ' ' || o.name, c.priority, c.destination,"
	" p.sex, p.birth_date, p.nationality,"
	" (SELECT replace(group_concat(DISTINCT substr(n.code, 1, 2)), ',', ';') FROM person_need n"
	"   WHERE n.person_id = p.id),"
	" (SELECT count(*) || ' ' || max(coalesce(d.expires_on, '9999-12-31')) FROM document d"
	"   WHERE d.person_id = p.id AND d.kind <> 'visa')"
	" FROM person p JOIN cases c ON c.id = p.case_id JOIN office o ON o.id = c.office_id"
	" ORDER BY p.case_id, p.seq";

static int sqlite_person_facts_each(struct cor_store *st,
				    int (*cb)(const struct cor_person_facts *f, void *ctx),
				    void *ctx)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, facts_sql, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "computing statistics");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person_facts f = {0};
		const char *sex = (const char *)sqlite3_column_text(s, 6);
		const char *doc = (const char *)sqlite3_column_text(s, 10);
		f.case_id = sqlite3_column_int64(s, 0);
		f.programme = (const char *)sqlite3_column_text(s, 1);
		f.state = (const char *)sqlite3_column_text(s, 2);
		f.office = (const char *)sqlite3_column_text(s, 3);
		f.priority = (const char *)sqlite3_column_text(s, 4);
		f.destination = (const char *)sqlite3_column_text(s, 5);
		f.sex = sex ? sex[0] : 'X';
		cor_date_parse((const char *)sqlite3_column_text(s, 7), &f.birth_date);
		f.nationality = (const char *)sqlite3_column_text(s, 8);
		f.need_groups = (const char *)sqlite3_column_text(s, 9);
		/* "N YYYY-MM-DD": how many travel documents, the latest expiry
		 * (9999-12-31 for one that does not expire). */
		f.has_travel_doc = doc && doc[0] != '0';
		f.doc_expires = f.has_travel_doc && strchr(doc, ' ') &&
				cor_date_parse(strchr(doc, ' ') + 1, &f.doc_expiry) == 0 &&
				f.doc_expiry.year < 9999;
		if ((ret = cb(&f, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "computing statistics");
	sqlite3_finalize(s);
	return ret;
}

static int sqlite_totals(struct cor_store *st, long *cases, long *persons, long *documents,
			 long *events)
{
	int err;
	if ((err = cor_sqlite_events_flush(st)) < 0 ||
	    (err = query_int(st, "SELECT count(*) FROM cases", cases)) < 0 ||
	    (err = query_int(st, "SELECT count(*) FROM person", persons)) < 0 ||
	    (err = query_int(st, "SELECT count(*) FROM document", documents)) < 0 ||
	    (err = query_int(st, "SELECT count(*) FROM event", events)) < 0)
		return err;
	return 0;
}

const struct cor_store_ops cor_sqlite_ops = {
	.name = "SQLite",
	.health = &cor_sqlite_health_ops,
	.fund = &cor_sqlite_fund_ops,
	.support = &cor_sqlite_support_ops,
	.numbers = &cor_sqlite_numbers_ops,
	.search = &cor_sqlite_search_ops,
	.workflow = &cor_sqlite_workflow_ops,
	.history = &cor_sqlite_history_ops,
	.movement = &cor_sqlite_movement_ops,
	.plan = &cor_sqlite_plan_ops,
	.facts = &cor_sqlite_facts_ops,
	.correct = &cor_sqlite_correct_ops,
	.close = sqlite_close,
	.begin = sqlite_begin,
	.begin_read = sqlite_begin_read,
	.in_transaction = sqlite_in_transaction,
	.begin_large = sqlite_begin_large,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.mark = sqlite_mark,
	.release = sqlite_release,
	.undo = sqlite_undo,
	.rules_get = sqlite_rules_get,
	.rules_add = sqlite_rules_add,
	.rules_history = sqlite_rules_history,
	.office_add = sqlite_office_add,
	.office_get = sqlite_office_get,
	.office_list = sqlite_office_list,
	.case_reserve = sqlite_case_reserve,
	.case_add = sqlite_case_add,
	.case_last_id = sqlite_case_last_id,
	.case_get = sqlite_case_get,
	.person_add = sqlite_person_add,
	.document_add = sqlite_document_add,
	.event_add = sqlite_event_add,
	.documents_add = sqlite_documents_add,
	.events_add = sqlite_events_add,
	.case_list = sqlite_case_list,
	.case_count = sqlite_case_count,
	.case_persons = sqlite_case_persons,
	.case_events = sqlite_case_events,
	.export_each = sqlite_export_each,
	.person_facts_each = sqlite_person_facts_each,
	.totals = sqlite_totals,
};

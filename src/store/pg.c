// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL backend of store.h (libpq). One connection per store; the
// hot statements are prepared once per connection. The database is
// identified by its corridor_schema table (application and schema version);
// an empty database gets the schema, one holding other tables is refused.
// Write transactions take one advisory lock, so that writers follow one
// another as on SQLite (a check-then-write in a service op stays sound);
// read transactions are REPEATABLE READ READ ONLY: one consistent view.
// The refusals a caller expects inside a transaction (a reference or a
// person number taken) use ON CONFLICT DO NOTHING, so the transaction stays
// usable as on SQLite; any other failed statement fails the transaction as
// a whole (PostgreSQL's rule), which the caller then rolls back. Long reads
// walk a cursor. A large write (an import) streams with COPY (pg_copy.c).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrations.h"
#include "store/store_movement_ops.h"
#include "store/store_plan_ops.h"
#include "store/pg_int.h"
#include "store/store_fund_ops.h"
#include "store/store_health_ops.h"
#include "store/store_numbers_ops.h"
#include "store/store_search_ops.h"
#include "store/store_support_ops.h"
#include "store/store_history_ops.h"
#include "store/store_correct_ops.h"
#include "store/store_workflow_ops.h"
#include "store/store_facts_ops.h"
#include "util/error.h"

#define COR_APP_ID 0x436f7272 /* "Corr": the advisory lock of writers and migrations */
#define FETCH_ROWS 2000
#define PG(st)     ((struct cor_pg *)(void *)(st))

static const char *const stmt_sql[P__N] = {
	[P_OFFICE_ID] = "SELECT id FROM office WHERE code = $1",
	[P_CASE_ADD] = "INSERT INTO cases (ref, programme, office_id, origin, destination, state,"
		       " priority, registered_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		       " ON CONFLICT (ref) DO NOTHING RETURNING id",
	[P_COUNTER_BUMP] = "INSERT INTO case_counter (office_id, year, last) VALUES ($1, $2, $3)"
			   " ON CONFLICT (office_id, year)"
			   " DO UPDATE SET last = greatest(case_counter.last, excluded.last)",
	[P_COUNTER_RESERVE] =
		"INSERT INTO case_counter (office_id, year, last) VALUES ($1, $2, $3)"
		" ON CONFLICT (office_id, year) DO UPDATE SET last = case_counter.last + $3"
		" RETURNING last",
	/* The person and their specific needs in one round trip. */
	[P_PERSON_ADD] = "WITH p AS (INSERT INTO person (case_id, seq, relationship, family_name,"
			 " given_names, family_name_latin, given_names_latin, sex, birth_date,"
			 " birth_date_approx, nationality, languages)"
			 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
			 " ON CONFLICT (case_id, seq) DO NOTHING RETURNING id),"
			 " n AS (INSERT INTO person_need (person_id, code)"
			 " SELECT p.id, x FROM p, unnest(string_to_array($13, ';')) x)"
			 " SELECT id FROM p",
	[P_NEED_ADD] = "INSERT INTO person_need (person_id, code) VALUES ($1, $2)",
	[P_DOC_ADD] = "INSERT INTO document (person_id, kind, number, issuer, expires_on)"
		      " VALUES ($1, $2, $3, $4, $5)",
	[P_EVENT_ADD] = "INSERT INTO event (case_id, at, actor, action, detail, reason)"
			" VALUES ($1, $2, $3, $4, $5, $6)",
	[P_CASE_GET] = "SELECT c.id, c.ref, c.programme, o.code, c.origin, c.destination,"
		       " c.state, c.priority, c.registered_on, c.uid"
		       " FROM cases c JOIN office o ON o.id = c.office_id WHERE c.ref = $1",
	[P_CASE_EXISTS] = "SELECT 1 FROM cases WHERE ref = $1",
};

static const int stmt_nparams[P__N] = {
	[P_OFFICE_ID] = 1,   [P_CASE_ADD] = 8,    [P_COUNTER_BUMP] = 3, [P_COUNTER_RESERVE] = 3,
	[P_PERSON_ADD] = 13, [P_NEED_ADD] = 2,    [P_DOC_ADD] = 5,      [P_EVENT_ADD] = 6,
	[P_CASE_GET] = 1,    [P_CASE_EXISTS] = 1,
};

/* ---- errors ------------------------------------------------------------ */

void cor_pg_msg(struct cor_pg *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->msg, sizeof(st->msg), fmt, ap);
	va_end(ap);
}

/* The first line of libpq's message, without "ERROR:  " or the newline. */
static void first_line(char *dst, size_t len, const char *m)
{
	if (!m)
		m = "";
	if (!strncmp(m, "ERROR:  ", 8))
		m += 8;
	size_t n = strcspn(m, "\n");
	snprintf(dst, len, "%.*s", (int)n, m);
}

int cor_pg_fail(struct cor_pg *st, PGresult *res, const char *what)
{
	return cor_pg_fail_into(st, res, what, st->msg, sizeof(st->msg));
}

int cor_pg_fail_into(struct cor_pg *st, PGresult *res, const char *what, char *msg, size_t len)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *prim = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char why[256];
	int err = COR_EIO;
	first_line(why, sizeof(why), prim ? prim : PQerrorMessage(st->conn));
	if (state) {
		if (!strcmp(state, "23505"))
			err = COR_EEXIST;
		else if (!strcmp(state, "23503"))
			err = COR_ENOTFOUND;
		else if (!strncmp(state, "23", 2) || !strncmp(state, "22", 2) ||
			 !strcmp(state, "P0001"))
			err = COR_EINVAL;
		else if (!strcmp(state, "40001") || !strcmp(state, "40P01") ||
			 !strcmp(state, "55P03") || !strcmp(state, "57014"))
			err = COR_EBUSY;
		else if (!strcmp(state, "53200"))
			err = COR_ENOMEM;
	}
	snprintf(msg, len, "%s: %s (database '%s')", what, why[0] ? why : "the server failed",
		 st->label);
	PQclear(res);
	return err;
}

static bool ok(PGresult *r)
{
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

int cor_pg_exec(struct cor_pg *st, const char *sql, const char *what)
{
	int err = cor_pg_copy_ready(st);
	if (err < 0)
		return err;
	PGresult *r = PQexec(st->conn, sql);
	if (!ok(r))
		return cor_pg_fail(st, r, what);
	PQclear(r);
	return 0;
}

/* Run a prepared statement (preparing it on first use); NULL and a message
 * when it fails. */
static PGresult *run(struct cor_pg *st, enum pg_stmt_id id, const char *const *v, const char *what,
		     int *err)
{
	char name[16];
	if ((*err = cor_pg_copy_ready(st)) < 0)
		return NULL;
	snprintf(name, sizeof(name), "cor%d", (int)id);
	if (!st->prepared[id]) {
		PGresult *p = PQprepare(st->conn, name, stmt_sql[id], stmt_nparams[id], NULL);
		if (!ok(p)) {
			*err = cor_pg_fail(st, p, what);
			return NULL;
		}
		PQclear(p);
		st->prepared[id] = true;
	}
	PGresult *r = PQexecPrepared(st->conn, name, stmt_nparams[id], v, NULL, NULL, 0);
	if (!ok(r)) {
		*err = cor_pg_fail(st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

/* Run sql with n text parameters. */
static PGresult *query(struct cor_pg *st, const char *sql, int n, const char *const *v,
		       const char *what, int *err)
{
	if ((*err = cor_pg_copy_ready(st)) < 0)
		return NULL;
	PGresult *r = PQexecParams(st->conn, sql, n, NULL, v, NULL, NULL, 0);
	if (!ok(r)) {
		*err = cor_pg_fail(st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

/* A one-integer query. */
static int query_long(struct cor_pg *st, const char *sql, const char *what, long *out)
{
	int err;
	PGresult *r = query(st, sql, 0, NULL, what, &err);
	*out = 0;
	if (!r)
		return err;
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		*out = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return 0;
}

static const char *val(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

PGresult *cor_pg_query(struct cor_pg *st, const char *sql, int n, const char *const *v,
		       const char *what, int *err)
{
	if ((*err = st->large ? cor_pg_copy_flush(st) : 0) < 0)
		return NULL;
	return query(st, sql, n, v, what, err);
}

int cor_pg_unit_begin(struct cor_store *s, bool *own)
{
	*own = !cor_store_in_transaction(s);
	return *own ? cor_store_begin(s) : cor_store_mark(s);
}

int cor_pg_unit_end(struct cor_store *s, bool own, int err)
{
	struct cor_pg *st = PG(s);
	if (err == 0) {
		err = own ? cor_store_commit(s) : cor_store_release(s);
		if (err == 0)
			return 0;
	}
	char msg[sizeof(st->msg)];
	memcpy(msg, st->msg, sizeof(msg));
	if (own)
		cor_store_rollback(s);
	else
		cor_store_undo(s);
	memcpy(st->msg, msg, sizeof(msg));
	return err;
}

void cor_pg_text(char *dst, size_t len, PGresult *r, int row, int col)
{
	snprintf(dst, len, "%s", PQgetvalue(r, row, col));
}

/* Not during a large write's background batch: cor_pg_copy_ready first. */
static bool in_tx(struct cor_pg *st)
{
	return PQtransactionStatus(st->conn) != PQTRANS_IDLE;
}

/* Before a statement that reads or writes outside the COPY streams: the
 * streamed rows go to the server first. */
static int sync_copy(struct cor_pg *st)
{
	return st->large ? cor_pg_copy_flush(st) : 0;
}

/* ---- open and migrate -------------------------------------------------- */

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The database's name for messages, from the URI (never its password). */
static char *label_of(const char *uri)
{
	char *errmsg = NULL, *label = NULL;
	PQconninfoOption *opts = PQconninfoParse(uri, &errmsg);
	PQfreemem(errmsg);
	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (!strcmp(o->keyword, "dbname") && o->val && *o->val)
			label = strdup(o->val);
	if (!label) {
		const char *user = NULL;
		for (PQconninfoOption *o = opts; o && o->keyword; o++)
			if (!strcmp(o->keyword, "user") && o->val && *o->val)
				user = o->val;
		label = strdup(user ? user : "postgres");
	}
	PQconninfoFree(opts);
	return label;
}

/* What is in the database: *fresh when it has no tables at all, *version
 * the schema version when it is Corridor's (-1 when it is not). */
static int identify(struct cor_pg *st, bool *fresh, long *version)
{
	int err;
	PGresult *r = query(st,
			    "SELECT count(*) FILTER (WHERE c.relname = 'corridor_schema'), count(*)"
			    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
			    " WHERE n.nspname = current_schema()"
			    " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
			    0, NULL, "reading the database", &err);
	if (!r)
		return err;
	bool ours = strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	*fresh = !strcmp(PQgetvalue(r, 0, 1), "0");
	PQclear(r);
	*version = -1;
	if (!ours)
		return 0;
	r = query(st, "SELECT application, version FROM corridor_schema", 0, NULL,
		  "reading the schema version", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), "corridor"))
		*version = strtol(PQgetvalue(r, 0, 1), NULL, 10);
	PQclear(r);
	return 0;
}

static int migrate(struct cor_pg *st)
{
	char sql[128], what[64];
	long version;
	bool fresh;
	int err;
	if ((err = cor_pg_exec(st, "BEGIN", "starting the schema upgrade")) < 0)
		return err;
	/* One upgrade at a time: another connection may be doing it. */
	snprintf(sql, sizeof(sql), "SELECT pg_advisory_xact_lock(%d)", COR_APP_ID);
	if ((err = cor_pg_exec(st, sql, "starting the schema upgrade")) < 0 ||
	    (err = identify(st, &fresh, &version)) < 0)
		goto out;
	if (version < 0 &&
	    (err = cor_pg_exec(st,
			       "CREATE TABLE corridor_schema ("
			       "  application text NOT NULL CHECK (application = 'corridor'),"
			       "  version integer NOT NULL);"
			       "INSERT INTO corridor_schema VALUES ('corridor', 0)",
			       "creating the schema")) < 0)
		goto out;
	for (size_t i = version < 0 ? 0 : (size_t)version; i < cor_pg_migrations_len; i++) {
		snprintf(what, sizeof(what), "applying schema migration %zu", i + 1);
		snprintf(sql, sizeof(sql), "UPDATE corridor_schema SET version = %zu", i + 1);
		if ((err = cor_pg_exec(st, cor_pg_migrations[i], what)) < 0 ||
		    (i + 1 == COR_SCHEMA_SEARCH &&
		     (err = cor_pg_search_ops.backfill((struct cor_store *)(void *)st)) < 0) ||
		    (err = cor_pg_exec(st, sql, what)) < 0)
			goto out;
	}
	err = cor_pg_exec(st, "COMMIT", "committing the schema upgrade");
out:
	if (err < 0) {
		char msg[sizeof(st->msg)];
		memcpy(msg, st->msg, sizeof(msg));
		PQclear(PQexec(st->conn, "ROLLBACK"));
		memcpy(st->msg, msg, sizeof(msg));
	}
	return err;
}

static void pg_close(struct cor_store *s);

int cor_pg_open(const char *uri, unsigned flags, struct cor_store **out, char *msg, size_t msglen)
{
	struct cor_pg *st = calloc(1, sizeof(*st));
	bool fresh;
	long version;
	int err = COR_ENOMEM;

	*out = NULL;
	if (!st || !(st->label = label_of(uri)))
		goto fail;
	st->ops = &cor_pg_ops;
	st->bulk = flags & COR_STORE_BULK;
	if (cor_pg_migrations_len != cor_sqlite_migrations_len) {
		cor_pg_msg(st,
			   "the PostgreSQL schema does not match SQLite's (%zu migrations, %zu)",
			   cor_pg_migrations_len, cor_sqlite_migrations_len);
		err = COR_EIO;
		goto fail;
	}
	st->conn = PQconnectdb(uri);
	if (!st->conn || PQstatus(st->conn) != CONNECTION_OK) {
		char why[256];
		first_line(why, sizeof(why), st->conn ? PQerrorMessage(st->conn) : "out of memory");
		cor_pg_msg(st, "cannot connect to the PostgreSQL database '%s': %s", st->label,
			   why);
		err = COR_EIO;
		goto fail;
	}
	PQsetNoticeProcessor(st->conn, quiet, NULL);
	if (PQserverVersion(st->conn) < 150000) {
		cor_pg_msg(st, "the database '%s' is on PostgreSQL %d: Corridor needs 15 or newer",
			   st->label, PQserverVersion(st->conn) / 10000);
		err = COR_EIO;
		goto fail;
	}
	const char *enc = PQparameterStatus(st->conn, "server_encoding");
	if (enc && strcmp(enc, "UTF8") && strcmp(enc, "SQL_ASCII")) {
		cor_pg_msg(st,
			   "the PostgreSQL database '%s' is in %s: Corridor needs UTF8 (names are "
			   "in any script)",
			   st->label, enc);
		err = COR_EINVAL;
		goto fail;
	}
	if (PQsetClientEncoding(st->conn, "UTF8") != 0) {
		cor_pg_msg(st, "the database '%s' cannot talk UTF-8", st->label);
		err = COR_EIO;
		goto fail;
	}
	/* A writer waits for another at most 5 s, as on SQLite. */
	if ((err = cor_pg_exec(st,
			       st->bulk ? "SET lock_timeout = '5s'; SET synchronous_commit = off;"
					  " SET cursor_tuple_fraction = 1"
					: "SET lock_timeout = '5s'; SET cursor_tuple_fraction = 1",
			       "configuring the connection")) < 0 ||
	    (err = identify(st, &fresh, &version)) < 0)
		goto fail;
	if (version < 0 && !fresh) {
		cor_pg_msg(st,
			   "the PostgreSQL database '%s' is not a Corridor database (it has "
			   "other tables)",
			   st->label);
		err = COR_ENOTCORRIDOR;
		goto fail;
	}
	if (version < 0 && !(flags & COR_STORE_CREATE)) {
		cor_pg_msg(st,
			   "the PostgreSQL database '%s' is empty, not a Corridor database "
			   "(create the schema with 'corridor init')",
			   st->label);
		err = COR_ENOTCORRIDOR;
		goto fail;
	}
	if (version > (long)cor_pg_migrations_len) {
		cor_pg_msg(st,
			   "the PostgreSQL database '%s' has schema version %ld but this corridor "
			   "knows up to %zu: use a newer corridor",
			   st->label, version, cor_pg_migrations_len);
		err = COR_ETOONEW;
		goto fail;
	}
	if (version < (long)cor_pg_migrations_len && (err = migrate(st)) < 0)
		goto fail;
	st->created = version < 0;
	*out = (struct cor_store *)(void *)st;
	return 0;
fail:
	snprintf(msg, msglen, "%s", st && st->msg[0] ? st->msg : "out of memory");
	pg_close((struct cor_store *)(void *)st);
	return err;
}

static void pg_close(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	if (!st)
		return;
	cor_pg_copy_stop(st);
	if (st->conn && PQstatus(st->conn) == CONNECTION_OK && in_tx(st))
		PQclear(PQexec(st->conn, "ROLLBACK"));
	cor_pg_copy_reset(st);
	for (int i = 0; i < C__N; i++) {
		free(st->copy[i].buf);
		free(st->bg.batch[i].buf);
	}
	cor_pg_copy_forget_refs(st);
	PQfinish(st->conn);
	free(st->label);
	free(st);
}

/* ---- transactions ------------------------------------------------------ */

static int pg_begin(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	char sql[96];
	snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(%d)", COR_APP_ID);
	int err = cor_pg_exec(st, sql, "starting a transaction");
	if (err < 0 && in_tx(st))
		PQclear(PQexec(st->conn, "ROLLBACK"));
	return err;
}

static int pg_begin_read(struct cor_store *s)
{
	return cor_pg_exec(PG(s), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
			   "starting a read transaction");
}

static bool pg_in_transaction(struct cor_store *s)
{
	/* A large write is one (and its connection may be busy writing). */
	return PG(s)->large || in_tx(PG(s));
}

static void forget_rebuild(struct cor_pg *st)
{
	for (int i = 0; i < st->nrebuild; i++)
		free(st->rebuild[i]);
	st->nrebuild = 0;
}

/* The tables a large write fills in bulk; booking too, whose rows a
 * history may write before the movements they name (the demo writes its
 * movements last): its keys are checked at the end, with the others. */
#define STREAMED_NAMES "cases, person, person_need, document, event, booking, person_key"
/* The records a large write streams too (with their indexes in place), or
 * writes as history (the demo): analysed after it as well. */
#define RECORD_NAMES                                                                               \
	"counselling, protection_assessment, protection_clearance, health_check,"                  \
	" health_condition"
#define STREAMED                                                                                   \
	"('cases'::regclass, 'person'::regclass, 'person_need'::regclass, 'document'::regclass,"   \
	" 'event'::regclass, 'booking'::regclass, 'person_key'::regclass)"

/* Drop the foreign keys, unique constraints and secondary indexes of the
 * streamed tables (primary keys stay: the foreign keys need them),
 * remembering how to add each back. */
static int drop_for_load(struct cor_pg *st)
{
	static const char sql[] =
		"SELECT 2, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, "
		"conname),"
		" format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,"
		"   pg_get_constraintdef(oid))"
		" FROM pg_constraint WHERE contype = 'f' AND conrelid IN " STREAMED " UNION ALL"
		" SELECT 1, format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, "
		"conname),"
		" format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,"
		"   pg_get_constraintdef(oid))"
		" FROM pg_constraint WHERE contype = 'u' AND conrelid IN " STREAMED " UNION ALL"
		" SELECT 0, format('DROP INDEX %s', indexrelid::regclass), "
		"pg_get_indexdef(indexrelid)"
		" FROM pg_index i WHERE indrelid IN " STREAMED " AND NOT indisprimary"
		" AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
		" ORDER BY 1 DESC, 2";
	int err;
	PGresult *r = query(st, sql, 0, NULL, "starting a large write", &err);
	if (!r)
		return err;
	int n = PQntuples(r);
	if (n > (int)(sizeof(st->rebuild) / sizeof(st->rebuild[0]))) {
		PQclear(r);
		return 0; /* more than expected: load with them in place */
	}
	for (int i = 0; i < n && err == 0; i++)
		err = cor_pg_exec(st, PQgetvalue(r, i, 1), "starting a large write");
	/* Added back in the reverse order: indexes, then foreign keys. */
	for (int i = n - 1; i >= 0 && err == 0; i--) {
		if (!(st->rebuild[st->nrebuild] = strdup(PQgetvalue(r, i, 2)))) {
			cor_pg_msg(st, "out of memory starting a large write");
			err = COR_ENOMEM;
		} else {
			st->nrebuild++;
		}
	}
	PQclear(r);
	return err;
}

/* Add back what drop_for_load dropped: each checks every row at once. */
static int add_after_load(struct cor_pg *st)
{
	int err = 0;
	for (int i = 0; i < st->nrebuild && err == 0; i++)
		err = cor_pg_exec(st, st->rebuild[i], "checking the rows written");
	forget_rebuild(st);
	return err;
}

static int pg_rollback(struct cor_store *s);

static int pg_begin_large(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	long n;
	int err;
	if (in_tx(st))
		return pg_begin(s);
	if ((err = pg_begin(s)) < 0)
		return err;
	/* No other connection adds cases, persons, protection assessments or
	 * health checks until the commit (readers go on): the ids taken in
	 * advance are then a block of each sequence. */
	if ((err = cor_pg_exec(st,
			       "LOCK TABLE cases, person, protection_assessment, health_check"
			       " IN SHARE ROW EXCLUSIVE MODE",
			       "starting a large write")) < 0 ||
	    (err = query_long(st, "SELECT count(*) FROM (SELECT 1 FROM cases LIMIT 1) x",
			      "starting a large write", &n)) < 0) {
		pg_rollback(s);
		return err;
	}
	memset(st->ids, 0, sizeof(st->ids));
	cor_pg_copy_reset(st);
	cor_pg_copy_forget_refs(st);
	st->had_cases = n > 0;
	if (st->had_cases && (err = cor_pg_copy_load_refs(st)) < 0) {
		pg_rollback(s);
		return err;
	}
	st->large = true;
	/* Loading an empty database: keys and indexes are built at the end
	 * (other connections wait until the commit). */
	if (!st->had_cases && (err = drop_for_load(st)) < 0) {
		pg_rollback(s);
		return err;
	}
	/* No cases, so no persons and no search keys: person_key emptied in
	 * this transaction is loaded frozen (COPY FREEZE), its pages marked
	 * all-visible at once, so that searches right after the load read the
	 * index alone instead of visiting the table for every key, until
	 * autovacuum came. Frozen rows are seen by transactions older than the
	 * commit too: keys without their persons, which every search joins. */
	if (!st->had_cases) {
		if ((err = cor_pg_exec(st, "TRUNCATE person_key", "starting a large write")) < 0) {
			pg_rollback(s);
			return err;
		}
		st->freeze_keys = true;
	}
	return 0;
}

/* Write the pending case counters. */
static int flush_counters(struct cor_pg *st)
{
	for (int i = 0; i < st->npending; i++) {
		char oid[24], year[16], seq[24];
		const char *v[] = {oid, year, seq};
		int err;
		snprintf(oid, sizeof(oid), "%lld", (long long)st->pending[i].office_id);
		snprintf(year, sizeof(year), "%d", st->pending[i].year);
		snprintf(seq, sizeof(seq), "%ld", st->pending[i].seq);
		PGresult *r = run(st, P_COUNTER_BUMP, v, "numbering cases", &err);
		if (!r)
			return err;
		PQclear(r);
	}
	st->npending = 0;
	return 0;
}

static int note_counter(struct cor_pg *st, int64_t office_id, int year, long seq)
{
	for (int i = 0; i < st->npending; i++) {
		struct pg_counter *p = &st->pending[i];
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
	st->pending[st->npending++] = (struct pg_counter){office_id, year, seq};
	return st->large || in_tx(st) ? 0 : flush_counters(st);
}

static void end_large(struct cor_pg *st)
{
	cor_pg_copy_stop(st);
	st->large = false;
	st->freeze_keys = false;
	forget_rebuild(st);
	cor_pg_copy_reset(st);
	cor_pg_copy_forget_refs(st);
}

static int pg_commit(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	int err = sync_copy(st);
	if (err == 0)
		err = flush_counters(st);
	if (err == 0 && st->nrebuild)
		err = add_after_load(st);
	if (err == 0 && PQtransactionStatus(st->conn) == PQTRANS_INERROR) {
		cor_pg_msg(st,
			   "committing: an earlier statement of the transaction failed "
			   "(database '%s')",
			   st->label);
		err = COR_EIO;
	}
	if (err == 0) {
		PGresult *r = PQexec(st->conn, "COMMIT");
		if (!ok(r))
			err = cor_pg_fail(st, r, "committing");
		else
			PQclear(r);
	}
	/* After a bulk load the planner's statistics are those of the tables
	 * before it (autovacuum catches up only later): without fresh ones
	 * the next reads plan for a few hundred rows and sort on disk. The
	 * rows are committed: a failed ANALYZE changes nothing. */
	if (err == 0)
		st->office_added = false;
	if (err == 0 && st->large)
		PQclear(PQexec(st->conn, "ANALYZE " STREAMED_NAMES ", " RECORD_NAMES));
	if (!in_tx(st))
		end_large(st);
	return err;
}

static int pg_rollback(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	int err = 0;
	st->npending = 0;
	st->noffices = 0;
	st->office_added = false;
	end_large(st);
	if (in_tx(st))
		err = cor_pg_exec(st, "ROLLBACK", "rolling back");
	return err;
}

static int pg_mark(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	memcpy(st->marked, st->pending, sizeof(st->pending));
	st->nmarked = st->npending;
	if (st->large)
		return cor_pg_copy_mark(st);
	return cor_pg_exec(st, "SAVEPOINT cor_unit", "marking a unit of work");
}

static int pg_release(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	if (st->large)
		return cor_pg_copy_release(st);
	return cor_pg_exec(st, "RELEASE cor_unit", "keeping a unit of work");
}

static int pg_undo(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	bool was_virtual = st->large && st->vmark;
	int err = st->large ? cor_pg_copy_undo(st)
			    : cor_pg_exec(st, "ROLLBACK TO cor_unit", "undoing a unit of work");
	if (err < 0)
		return err;
	memcpy(st->pending, st->marked, sizeof(st->pending));
	st->npending = st->nmarked;
	/* The office cache may name an office added in the undone unit (none
	 * can be in one marked in memory: that talked to no one); the offices
	 * it names otherwise are still there. */
	if (!was_virtual && st->office_added)
		st->noffices = 0;
	if (st->large)
		return 0;
	return cor_pg_exec(st, "RELEASE cor_unit", "keeping a unit of work");
}

/* ---- rules ------------------------------------------------------------- */

static int pg_rules_get(struct cor_store *s, int *version, char **text)
{
	struct cor_pg *st = PG(s);
	int err = sync_copy(st);
	*version = 0;
	*text = NULL;
	if (err < 0)
		return err;
	PGresult *r =
		query(st, "SELECT version, text FROM rules_config ORDER BY version DESC LIMIT 1", 0,
		      NULL, "reading the rules in force", &err);
	if (!r)
		return err;
	if (PQntuples(r) > 0) {
		*version = atoi(PQgetvalue(r, 0, 0));
		*text = strdup(PQgetvalue(r, 0, 1));
	} else {
		*text = strdup("");
	}
	PQclear(r);
	if (!*text) {
		cor_pg_msg(st, "out of memory reading the rules in force");
		return COR_ENOMEM;
	}
	return 0;
}

static int pg_rules_add(struct cor_store *s, const char *text, const char *actor, int *version)
{
	struct cor_pg *st = PG(s);
	char at[COR_TIME_LEN];
	const char *v[] = {text, cor_store_now(s, at), actor};
	int err = sync_copy(st);
	if (err < 0)
		return err;
	PGresult *r = query(st,
			    "INSERT INTO rules_config (version, text, set_at, set_by)"
			    " SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM rules_config"
			    " RETURNING version",
			    3, v, "storing the rules", &err);
	if (!r)
		return err;
	*version = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

static int pg_rules_history(struct cor_store *s,
			    int (*cb)(int version, const char *at, const char *by, void *ctx),
			    void *ctx)
{
	struct cor_pg *st = PG(s);
	int err = sync_copy(st), ret = 0;
	if (err < 0)
		return err;
	PGresult *r =
		query(st, "SELECT version, set_at, set_by FROM rules_config ORDER BY version DESC",
		      0, NULL, "reading the rules' versions", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++)
		ret = cb(atoi(PQgetvalue(r, i, 0)), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), ctx);
	PQclear(r);
	return ret;
}

/* ---- offices ----------------------------------------------------------- */

static int office_id(struct cor_pg *st, const char *code, int64_t *id)
{
	for (int i = 0; i < st->noffices; i++)
		if (!strcmp(st->offices[i].code, code)) {
			*id = st->offices[i].id;
			return 0;
		}
	const char *v[] = {code};
	int err;
	PGresult *r = run(st, P_OFFICE_ID, v, "looking up an office", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(st, "no office '%s'", code);
		return COR_ENOTFOUND;
	}
	*id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	if (st->noffices == (int)(sizeof(st->offices) / sizeof(st->offices[0])))
		st->noffices = 0;
	struct pg_office *o = &st->offices[st->noffices++];
	snprintf(o->code, sizeof(o->code), "%s", code);
	o->id = *id;
	return 0;
}

static int pg_office_add(struct cor_store *s, const struct cor_office *o)
{
	struct cor_pg *st = PG(s);
	const char *v[] = {o->code, o->country, o->name};
	int err = sync_copy(st);
	if (err < 0)
		return err;
	PGresult *r = query(st,
			    "INSERT INTO office (code, country, name) VALUES ($1, $2, $3)"
			    " ON CONFLICT (code) DO NOTHING",
			    3, v, "adding an office", &err);
	if (!r)
		return err;
	bool added = strcmp(PQcmdTuples(r), "1") == 0;
	PQclear(r);
	if (!added) {
		cor_pg_msg(st, "office '%s' already exists", o->code);
		return COR_EEXIST;
	}
	st->office_added = true;
	return 0;
}

static void read_office(PGresult *r, int i, struct cor_office *o)
{
	cor_pg_text(o->code, sizeof(o->code), r, i, 0);
	cor_pg_text(o->country, sizeof(o->country), r, i, 1);
	cor_pg_text(o->name, sizeof(o->name), r, i, 2);
}

static int pg_office_get(struct cor_store *s, const char *code, struct cor_office *out)
{
	struct cor_pg *st = PG(s);
	const char *v[] = {code};
	int err = sync_copy(st);
	if (err < 0)
		return err;
	PGresult *r = query(st, "SELECT code, country, name FROM office WHERE code = $1", 1, v,
			    "reading offices", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(st, "no office '%s'", code);
		err = COR_ENOTFOUND;
	} else {
		read_office(r, 0, out);
	}
	PQclear(r);
	return err;
}

static int pg_office_list(struct cor_store *s, int (*cb)(const struct cor_office *o, void *ctx),
			  void *ctx)
{
	struct cor_pg *st = PG(s);
	int err = sync_copy(st), ret = 0;
	if (err < 0)
		return err;
	PGresult *r =
		query(st, "SELECT code, country, name FROM office ORDER BY code COLLATE \"C\"", 0,
		      NULL, "reading offices", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_office o;
		read_office(r, i, &o);
		ret = cb(&o, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- cases, persons, documents, events ----------------------------------- */

static int pg_case_reserve(struct cor_store *s, const char *office, int year, long count,
			   long *first)
{
	struct cor_pg *st = PG(s);
	char oid_s[24], year_s[16], count_s[24];
	const char *v[] = {oid_s, year_s, count_s};
	int64_t oid;
	int err = sync_copy(st);
	if (err == 0)
		err = flush_counters(st);
	if (err == 0)
		err = office_id(st, office, &oid);
	if (err < 0)
		return err;
	snprintf(oid_s, sizeof(oid_s), "%lld", (long long)oid);
	snprintf(year_s, sizeof(year_s), "%d", year);
	snprintf(count_s, sizeof(count_s), "%ld", count);
	PGresult *r = run(st, P_COUNTER_RESERVE, v, "reserving case numbers", &err);
	if (!r)
		return err;
	*first = strtol(PQgetvalue(r, 0, 0), NULL, 10) - count + 1;
	PQclear(r);
	return 0;
}

static int pg_case_add(struct cor_store *s, const struct cor_case *c, int64_t *id)
{
	struct cor_pg *st = PG(s);
	char office[8], date[COR_DATE_LEN], oid_s[24];
	int year;
	long seq;
	int64_t oid, cid = 0;
	int err;

	if (cor_case_ref_parse(c->ref, office, &year, &seq) < 0) {
		cor_pg_msg(st, "malformed case reference '%s'", c->ref);
		return COR_EINVAL;
	}
	if ((err = office_id(st, c->office, &oid)) < 0)
		return err;
	if (st->large) {
		err = cor_pg_copy_case(st, c, oid, &cid);
	} else {
		snprintf(oid_s, sizeof(oid_s), "%lld", (long long)oid);
		const char *v[] = {c->ref,
				   c->programme,
				   oid_s,
				   c->origin,
				   c->destination,
				   c->state,
				   cor_priority_name(c->priority),
				   cor_date_format(c->registered_on, date)};
		PGresult *r = run(st, P_CASE_ADD, v, "adding a case", &err);
		if (!r)
			return err;
		if (PQntuples(r) == 0)
			err = COR_EEXIST;
		else
			cid = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		PQclear(r);
	}
	if (err == COR_EEXIST)
		cor_pg_msg(st, "case '%s' already exists", c->ref);
	if (err < 0)
		return err;
	if (id)
		*id = cid;
	return strcmp(office, c->office) ? 0 : note_counter(st, oid, year, seq);
}

static int pg_case_last_id(struct cor_store *s, int64_t *id)
{
	struct cor_pg *st = PG(s);
	long v;
	int err = sync_copy(st);
	if (err == 0)
		err = query_long(st, "SELECT coalesce(max(id), 0) FROM cases",
				 "reading the database", &v);
	if (err == 0)
		*id = v;
	return err;
}

static void read_case(PGresult *r, int i, int at, struct cor_case *c)
{
	c->uid[0] = '\0';
	cor_pg_text(c->ref, sizeof(c->ref), r, i, at);
	cor_pg_text(c->programme, sizeof(c->programme), r, i, at + 1);
	cor_pg_text(c->office, sizeof(c->office), r, i, at + 2);
	cor_pg_text(c->origin, sizeof(c->origin), r, i, at + 3);
	cor_pg_text(c->destination, sizeof(c->destination), r, i, at + 4);
	cor_pg_text(c->state, sizeof(c->state), r, i, at + 5);
	c->priority = COR_PRIO_NORMAL;
	cor_priority_parse(PQgetvalue(r, i, at + 6), &c->priority);
	cor_date_parse(PQgetvalue(r, i, at + 7), &c->registered_on);
}

static int pg_case_get(struct cor_store *s, const char *ref, int64_t *id, struct cor_case *out)
{
	struct cor_pg *st = PG(s);
	const char *v[] = {ref};
	int err = sync_copy(st);
	if (err < 0)
		return err;
	PGresult *r = run(st, P_CASE_GET, v, "reading a case", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(st, "no case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		if (id)
			*id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		if (out) {
			read_case(r, 0, 1, out);
			cor_pg_text(out->uid, sizeof(out->uid), r, 0, 9);
		}
	}
	PQclear(r);
	return err;
}

static int pg_person_add(struct cor_store *s, int64_t case_id, const struct cor_person *p,
			 int64_t *id)
{
	struct cor_pg *st = PG(s);
	char cid[24], seq[16], date[COR_DATE_LEN], sex[2] = {p->sex, '\0'};
	int err;
	if (st->large) {
		err = cor_pg_copy_person(st, case_id, p, id);
		if (err != 1)
			goto out;
		/* Not the case the stream is on: the plain way. */
		if ((err = cor_pg_copy_flush(st)) < 0)
			return err;
	}
	snprintf(cid, sizeof(cid), "%lld", (long long)case_id);
	snprintf(seq, sizeof(seq), "%d", p->seq);
	const char *v[] = {cid,
			   seq,
			   cor_relationship_name(p->relationship),
			   p->family_name,
			   p->given_names,
			   p->family_name_latin,
			   p->given_names_latin,
			   sex,
			   cor_date_format(p->birth_date, date),
			   p->birth_date_approx ? "1" : "0",
			   p->nationality,
			   p->languages,
			   p->needs[0] ? p->needs : NULL};
	PGresult *r = run(st, P_PERSON_ADD, v, "adding a person", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		err = COR_EEXIST;
	} else if (id) {
		*id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	}
	PQclear(r);
out:
	if (err == COR_EEXIST)
		cor_pg_msg(st, "the case already has a person %d", p->seq);
	return err;
}

static int pg_document_add(struct cor_store *s, int64_t person_id, const struct cor_document *d)
{
	struct cor_pg *st = PG(s);
	char pid[24], date[COR_DATE_LEN];
	int err;
	if (st->large)
		return cor_pg_copy_document(st, person_id, d);
	snprintf(pid, sizeof(pid), "%lld", (long long)person_id);
	const char *v[] = {pid, cor_doc_kind_name(d->kind), d->number, d->issuer,
			   d->has_expiry ? cor_date_format(d->expires_on, date) : NULL};
	PGresult *r = run(st, P_DOC_ADD, v, "adding a document", &err);
	PQclear(r);
	return err;
}

static int pg_event_add(struct cor_store *s, int64_t case_id, const struct cor_event *e)
{
	struct cor_pg *st = PG(s);
	char cid[24];
	int err;
	if (st->large)
		return cor_pg_copy_event(st, case_id, e);
	snprintf(cid, sizeof(cid), "%lld", (long long)case_id);
	const char *v[] = {cid,
			   e->at,
			   e->actor,
			   e->action,
			   e->detail ? e->detail : "",
			   e->reason ? e->reason : ""};
	PGresult *r = run(st, P_EVENT_ADD, v, "recording an event", &err);
	PQclear(r);
	return err;
}

/* ---- reads ------------------------------------------------------------- */

/* Walk the rows of sql through a cursor, FETCH_ROWS at a time: memory stays
 * bounded whatever the size, and a callback may call the store. Outside a
 * transaction the walk has a read transaction of its own. */
static int each_row(struct cor_pg *st, const char *sql, int n, const char *const *v,
		    const char *what, int (*fn)(PGresult *r, int i, void *ctx), void *ctx)
{
	static unsigned counter;
	char name[32], fetch[64], close_sql[48];
	int err = sync_copy(st), ret = 0;
	if (err < 0)
		return err;
	bool own = !in_tx(st);
	if (own && (err = pg_begin_read((struct cor_store *)(void *)st)) < 0)
		return err;
	snprintf(name, sizeof(name), "cor_cursor%u", ++counter);
	size_t len = strlen(sql) + 64;
	char *decl = malloc(len);
	if (!decl) {
		cor_pg_msg(st, "out of memory %s", what);
		ret = COR_ENOMEM;
		goto out;
	}
	snprintf(decl, len, "DECLARE %s NO SCROLL CURSOR FOR %s", name, sql);
	PGresult *r = query(st, decl, n, v, what, &ret);
	free(decl);
	if (!r)
		goto out;
	PQclear(r);
	snprintf(fetch, sizeof(fetch), "FETCH %d FROM %s", FETCH_ROWS, name);
	for (;;) {
		r = query(st, fetch, 0, NULL, what, &ret);
		if (!r)
			goto out;
		int rows = PQntuples(r);
		for (int i = 0; i < rows && !ret; i++)
			ret = fn(r, i, ctx);
		PQclear(r);
		if (ret || rows < FETCH_ROWS)
			break;
	}
	snprintf(close_sql, sizeof(close_sql), "CLOSE %s", name);
	if (PQtransactionStatus(st->conn) == PQTRANS_INTRANS)
		PQclear(PQexec(st->conn, close_sql));
out:
	if (own) {
		char msg[sizeof(st->msg)];
		memcpy(msg, st->msg, sizeof(msg));
		PQclear(PQexec(st->conn, ret < 0 ? "ROLLBACK" : "COMMIT"));
		memcpy(st->msg, msg, sizeof(msg));
	}
	return ret;
}

/* The case filter over "cases c JOIN office o"; parameters $1..$5 and $7
 * (the text's fold, set by store.c), as SQLite's. */
#define FILTER_WHERE                                                                               \
	" WHERE ($1::text IS NULL OR c.programme = $1) AND ($2::text IS NULL OR o.code = $2)"      \
	" AND ($3::text IS NULL OR c.state = $3)"                                                  \
	" AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM person x WHERE x.case_id = c.id"          \
	"      AND x.nationality = $4))"                                                           \
	" AND ($5::text IS NULL OR (c.ref >= $5 AND c.ref < $5 || chr(1114111)"                    \
	"      AND starts_with(c.ref, $5))"                                                        \
	"      OR c.id IN (SELECT x.case_id FROM person x WHERE x.id IN"                           \
	"        (SELECT person_id FROM person_key WHERE key >= $7::text"                          \
	"         AND key < $7::text || chr(1114111))))"

struct filter_params {
	char limit[24];
	const char *v[7];
};

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

static void filter_params(struct filter_params *fp, const struct cor_case_filter *f)
{
	fp->v[0] = opt(f->programme);
	fp->v[1] = opt(f->office);
	fp->v[2] = opt(f->state);
	fp->v[3] = opt(f->nationality);
	fp->v[4] = opt(f->text);
	snprintf(fp->limit, sizeof(fp->limit), "%ld", f->limit);
	fp->v[5] = f->limit > 0 ? fp->limit : NULL;
	fp->v[6] = opt(f->text_key);
}

#define CASE_COLS                                                                                  \
	"c.ref, c.programme, o.code, c.origin, c.destination, c.state, c.priority,"                \
	" c.registered_on"

struct list_ctx {
	int (*cb)(const struct cor_case_summary *s, void *ctx);
	void *ctx;
};

static int list_row(PGresult *r, int i, void *ctx)
{
	struct list_ctx *lc = ctx;
	struct cor_case_summary sum;
	read_case(r, i, 0, &sum.c);
	sum.persons = atoi(PQgetvalue(r, i, 8));
	const char *fam = val(r, i, 9), *giv = val(r, i, 10);
	snprintf(sum.principal, sizeof(sum.principal), "%s%s%s", fam ? fam : "",
		 fam && *fam ? ", " : "", giv ? giv : "");
	cor_pg_text(sum.nationality, sizeof(sum.nationality), r, i, 11);
	return lc->cb(&sum, lc->ctx);
}

static int pg_case_list(struct cor_store *s, const struct cor_case_filter *f,
			int (*cb)(const struct cor_case_summary *s, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT " CASE_COLS ", (SELECT count(*) FROM person x WHERE x.case_id = c.id),"
		" pa.family_name_latin, pa.given_names_latin, pa.nationality"
		" FROM cases c JOIN office o ON o.id = c.office_id"
		" LEFT JOIN person pa ON pa.case_id = c.id AND pa.relationship = "
		"'principal'" FILTER_WHERE
		" ORDER BY c.registered_on COLLATE \"C\", c.ref COLLATE \"C\" LIMIT $6::bigint";
	struct filter_params fp;
	struct list_ctx lc = {cb, ctx};
	filter_params(&fp, f);
	return each_row(PG(s), sql, 7, fp.v, "listing cases", list_row, &lc);
}

static int pg_case_count(struct cor_store *s, const struct cor_case_filter *f, long *n)
{
	static const char sql[] =
		"SELECT count(*) FROM cases c JOIN office o ON o.id = c.office_id" FILTER_WHERE
		" AND $6::bigint IS NULL";
	struct cor_pg *st = PG(s);
	struct filter_params fp;
	int err = sync_copy(st);
	if (err < 0)
		return err;
	filter_params(&fp, f);
	fp.v[5] = NULL; /* a count ignores the limit */
	PGresult *r = query(st, sql, 7, fp.v, "counting cases", &err);
	if (!r)
		return err;
	*n = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return 0;
}

/* The person columns: seq ... languages, needs (sorted by code, as SQLite's
 * walk of its (person_id, code) key gives them). */
#define PERSON_COLS                                                                                \
	"p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,"                \
	" p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality,"           \
	" p.languages,"                                                                            \
	" coalesce((SELECT string_agg(n.code, ';' ORDER BY n.code COLLATE \"C\")"                  \
	"   FROM person_need n WHERE n.person_id = p.id), '')"

static void read_person(PGresult *r, int i, int at, struct cor_person *p)
{
	p->uid[0] = '\0';
	p->seq = atoi(PQgetvalue(r, i, at));
	p->relationship = COR_REL_UNRELATED;
	cor_relationship_parse(PQgetvalue(r, i, at + 1), &p->relationship);
	cor_pg_text(p->family_name, sizeof(p->family_name), r, i, at + 2);
	cor_pg_text(p->given_names, sizeof(p->given_names), r, i, at + 3);
	cor_pg_text(p->family_name_latin, sizeof(p->family_name_latin), r, i, at + 4);
	cor_pg_text(p->given_names_latin, sizeof(p->given_names_latin), r, i, at + 5);
	const char *sex = PQgetvalue(r, i, at + 6);
	p->sex = sex[0] ? sex[0] : 'X';
	cor_date_parse(PQgetvalue(r, i, at + 7), &p->birth_date);
	p->birth_date_approx = strcmp(PQgetvalue(r, i, at + 8), "0") != 0;
	cor_pg_text(p->nationality, sizeof(p->nationality), r, i, at + 9);
	cor_pg_text(p->languages, sizeof(p->languages), r, i, at + 10);
	cor_pg_text(p->needs, sizeof(p->needs), r, i, at + 11);
}

static void read_document(PGresult *r, int i, int at, struct cor_document *d)
{
	memset(d, 0, sizeof(*d));
	const char *kind = val(r, i, at);
	if (!kind || cor_doc_kind_parse(kind, &d->kind) < 0)
		d->kind = COR_DOC_NONE;
	cor_pg_text(d->number, sizeof(d->number), r, i, at + 1);
	cor_pg_text(d->issuer, sizeof(d->issuer), r, i, at + 2);
	const char *exp = val(r, i, at + 3);
	d->has_expiry = exp && cor_date_parse(exp, &d->expires_on) == 0;
}

static int pg_case_persons(struct cor_store *s, int64_t case_id,
			   int (*cb)(const struct cor_person *p, const struct cor_document *docs,
				     int ndocs, void *ctx),
			   void *ctx)
{
	enum { MAX_DOCS = 16 };
	struct cor_pg *st = PG(s);
	char cid[24];
	const char *v[] = {cid};
	int err = sync_copy(st), ret = 0;
	if (err < 0)
		return err;
	snprintf(cid, sizeof(cid), "%lld", (long long)case_id);
	/* Each person once per document (once with none), in seq then
	 * document order. */
	PGresult *r =
		query(st,
		      "SELECT p.id, " PERSON_COLS ", d.kind, d.number, d.issuer, d.expires_on,"
		      " p.uid FROM person p LEFT JOIN document d ON d.person_id = p.id"
		      " WHERE p.case_id = $1 ORDER BY p.seq, d.id",
		      1, v, "reading persons", &err);
	if (!r)
		return err;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && !ret;) {
		struct cor_person p;
		struct cor_document docs[MAX_DOCS];
		int n = 0, j = i;
		read_person(r, i, 1, &p);
		cor_pg_text(p.uid, sizeof(p.uid), r, i, 17);
		for (; j < rows && !strcmp(PQgetvalue(r, j, 0), PQgetvalue(r, i, 0)); j++)
			if (!PQgetisnull(r, j, 13) && n < MAX_DOCS)
				read_document(r, j, 13, &docs[n++]);
		ret = cb(&p, docs, n, ctx);
		i = j;
	}
	PQclear(r);
	return ret;
}

static int pg_case_events(struct cor_store *s, int64_t case_id,
			  int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	struct cor_pg *st = PG(s);
	char cid[24];
	const char *v[] = {cid};
	int err = sync_copy(st), ret = 0;
	if (err < 0)
		return err;
	snprintf(cid, sizeof(cid), "%lld", (long long)case_id);
	PGresult *r = query(
		st,
		"SELECT at, actor, action, detail, reason, field, old_value, new_value FROM event"
		" WHERE case_id = $1 ORDER BY id",
		1, v, "reading the history", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_event e;
		cor_pg_text(e.at, sizeof(e.at), r, i, 0);
		e.actor = PQgetvalue(r, i, 1);
		e.action = PQgetvalue(r, i, 2);
		e.detail = PQgetvalue(r, i, 3);
		e.reason = PQgetvalue(r, i, 4);
		e.field = PQgetvalue(r, i, 5);
		e.before = PQgetvalue(r, i, 6);
		e.after = PQgetvalue(r, i, 7);
		ret = cb(&e, ctx);
	}
	PQclear(r);
	return ret;
}

/* Every person's needs in one pass: for walks over many persons, cheaper
 * than a lookup per person. */
#define NEEDS_ALL                                                                                  \
	" LEFT JOIN (SELECT person_id, string_agg(code, ';' ORDER BY code COLLATE \"C\") AS needs" \
	"   FROM person_need GROUP BY person_id) n ON n.person_id = p.id"
#define PERSON_COLS_N                                                                              \
	"p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,"                \
	" p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality,"           \
	" p.languages, coalesce(n.needs, '')"

/* An export's columns: the case, where it is and its latest session, the
 * person (PERSON_COLS or PERSON_COLS_N at 14), a document, the latest
 * protection assessment's level and whether it is cleared, the latest
 * pre-migration check. */
#define EXPORT_COLS(persons)                                                                       \
	CASE_COLS ", coalesce(c.location, ''), coalesce(s.no, 0), s.counsellor, s.language,"       \
		  " s.interpreter, s.decision, " persons                                           \
		  ", d.kind, d.number, d.issuer, d.expires_on,"                                    \
		  " a.level, pc.id IS NOT NULL, " COR_PG_CHECK_COLS
enum { EX_LOCATION = 8, EX_SESSION = 9, EX_PERSON = 14, EX_DOC = 26, EX_RISK = 30, EX_PM = 32 };

struct export_ctx {
	struct cor_export_acc a;
	struct cor_pg *st;
};

static int export_row(PGresult *r, int i, void *ctx)
{
	struct export_ctx *ec = ctx;
	struct cor_export_acc *a = &ec->a;
	int seq = atoi(PQgetvalue(r, i, EX_PERSON)), err;
	bool new_case = !a->pending || strcmp(a->c.ref, PQgetvalue(r, i, 0));
	if (new_case || a->p.seq != seq) {
		if ((err = cor_export_acc_flush(a)) != 0)
			return err;
		if (new_case) {
			read_case(r, i, 0, &a->c);
			cor_pg_text(a->location, sizeof(a->location), r, i, EX_LOCATION);
			a->session_no = atoi(PQgetvalue(r, i, EX_SESSION));
			cor_pg_text(a->counsellor, sizeof(a->counsellor), r, i, EX_SESSION + 1);
			cor_pg_text(a->language, sizeof(a->language), r, i, EX_SESSION + 2);
			a->interpreter = atoi(PQgetvalue(r, i, EX_SESSION + 3)) != 0;
			a->decision = COR_COUNSEL_UNDECIDED;
			if (a->session_no)
				cor_counselling_decision_parse(PQgetvalue(r, i, EX_SESSION + 4),
							       &a->decision);
		}
		read_person(r, i, EX_PERSON, &a->p);
		a->has_risk = !PQgetisnull(r, i, EX_RISK);
		cor_pg_text(a->risk, sizeof(a->risk), r, i, EX_RISK);
		a->risk_cleared = PQgetvalue(r, i, EX_RISK + 1)[0] == 't';
		a->has_pm = !PQgetisnull(r, i, EX_PM);
		if (a->has_pm)
			cor_pg_read_check(r, i, EX_PM, &a->pm);
		a->pending = true;
	}
	if (PQgetisnull(r, i, EX_DOC))
		return 0;
	struct cor_document d;
	read_document(r, i, EX_DOC, &d);
	if ((err = cor_export_acc_doc(a, &d)) < 0)
		cor_pg_msg(ec->st, "out of memory reading documents");
	return err;
}

static int pg_export_each(struct cor_store *s, const struct cor_case_filter *f,
			  int (*cb)(const struct cor_store_export_row *r, void *ctx), void *ctx)
{
	/* Without a limit, one join in (case, seq, document) order, each
	 * latest record found in one pass over its table; with one, the cases
	 * first and the latest records looked up for them. */
	static const char all_sql[] = "SELECT " EXPORT_COLS(
		PERSON_COLS_N) " FROM cases c"
			       " JOIN office o ON o.id = c.office_id JOIN person p ON p.case_id = "
			       "c.id" NEEDS_ALL " LEFT JOIN (SELECT DISTINCT ON (case_id) case_id, "
			       "no, counsellor, language,"
			       "   interpreter, decision FROM counselling ORDER BY case_id, no "
			       "DESC) s"
			       "   ON s.case_id = c.id"
			       " LEFT JOIN document d ON d.person_id = p.id"
			       " LEFT JOIN (SELECT DISTINCT ON (person_id) id, person_id, level"
			       "   FROM protection_assessment ORDER BY person_id, id DESC) a ON "
			       "a.person_id = p.id"
			       " LEFT JOIN protection_clearance pc ON pc.assessment_id = a.id"
			       " LEFT JOIN (SELECT DISTINCT ON (person_id) * FROM health_check "
			       "WHERE kind = $8"
			       "   ORDER BY person_id, at COLLATE \"C\" DESC, id DESC) h ON "
			       "h.person_id = p.id" FILTER_WHERE
			       " AND $6::bigint IS NULL ORDER BY c.id, p.seq, d.id";
	static const char limit_sql[] = "SELECT " EXPORT_COLS(
		PERSON_COLS) " FROM (SELECT c.id FROM cases c"
			     " JOIN office o ON o.id = c.office_id" FILTER_WHERE
			     " ORDER BY c.id LIMIT $6::bigint) q"
			     " JOIN cases c ON c.id = q.id JOIN office o ON o.id = c.office_id"
			     " JOIN person p ON p.case_id = c.id"
			     " LEFT JOIN LATERAL (SELECT no, counsellor, language, interpreter, "
			     "decision"
			     "   FROM counselling WHERE case_id = c.id ORDER BY no DESC LIMIT 1) s "
			     "ON true"
			     " LEFT JOIN document d ON d.person_id = p.id"
			     " LEFT JOIN LATERAL (SELECT id, level FROM protection_assessment"
			     "   WHERE person_id = p.id ORDER BY id DESC LIMIT 1) a ON true"
			     " LEFT JOIN protection_clearance pc ON pc.assessment_id = a.id"
			     " LEFT JOIN LATERAL (SELECT * FROM health_check WHERE person_id = "
			     "p.id AND kind = $8"
			     "   ORDER BY at COLLATE \"C\" DESC, id DESC LIMIT 1) h ON true"
			     " ORDER BY c.id, p.seq, d.id";
	struct filter_params fp;
	struct export_ctx ec = {.a = {.cb = cb, .ctx = ctx}, .st = PG(s)};
	const char *v[8];
	filter_params(&fp, f);
	memcpy(v, fp.v, sizeof(fp.v));
	v[7] = cor_health_kind_name(COR_HEALTH_PRE_MIGRATION);
	int ret = each_row(PG(s), f->limit > 0 ? limit_sql : all_sql, 8, v, "reading persons",
			   export_row, &ec);
	if (ret == 0)
		ret = cor_export_acc_flush(&ec.a);
	cor_export_acc_free(&ec.a);
	return ret;
}

/* ---- statistics -------------------------------------------------------- */

struct facts_ctx {
	int (*cb)(const struct cor_person_facts *f, void *ctx);
	void *ctx;
};

static int facts_row(PGresult *r, int i, void *ctx)
{
	struct facts_ctx *fc = ctx;
	struct cor_person_facts f = {0};
	const char *sex = PQgetvalue(r, i, 6);
	const char *doc = val(r, i, 10);
	f.case_id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
	f.programme = PQgetvalue(r, i, 1);
	f.state = PQgetvalue(r, i, 2);
	f.office = PQgetvalue(r, i, 3);
	f.priority = PQgetvalue(r, i, 4);
	f.destination = PQgetvalue(r, i, 5);
	f.sex = sex[0] ? sex[0] : 'X';
	cor_date_parse(PQgetvalue(r, i, 7), &f.birth_date);
	f.nationality = PQgetvalue(r, i, 8);
	f.need_groups = val(r, i, 9);
	f.has_travel_doc = doc && doc[0] != '0';
	f.doc_expires = f.has_travel_doc && strchr(doc, ' ') &&
			cor_date_parse(strchr(doc, ' ') + 1, &f.doc_expiry) == 0 &&
			f.doc_expiry.year < 9999;
	return fc->cb(&f, fc->ctx);
}

static int pg_person_facts_each(struct cor_store *s,
				int (*cb)(const struct cor_person_facts *f, void *ctx), void *ctx)
{
	static const char sql[] =
		"SELECT c.id, c.programme, c.state, o.code || ' ' || o.name, c.priority,"
		" c.destination, p.sex, p.birth_date, p.nationality, ng.groups, dd.doc"
		" FROM person p JOIN cases c ON c.id = p.case_id JOIN office o ON o.id = "
		"c.office_id"
		" LEFT JOIN (SELECT person_id, string_agg(g, ';' ORDER BY g) AS groups"
		"   FROM (SELECT DISTINCT person_id, left(code, 2) COLLATE \"C\" AS g"
		"   FROM person_need) x GROUP BY person_id) ng ON ng.person_id = p.id"
		" LEFT JOIN (SELECT person_id, count(*) || ' ' ||"
		"   max(coalesce(expires_on, '9999-12-31')) AS doc FROM document"
		"   WHERE kind <> 'visa' GROUP BY person_id) dd ON dd.person_id = p.id"
		" ORDER BY p.case_id, p.seq";
	struct facts_ctx fc = {cb, ctx};
	return each_row(PG(s), sql, 0, NULL, "computing statistics", facts_row, &fc);
}

static int pg_totals(struct cor_store *s, long *cases, long *persons, long *documents, long *events)
{
	struct cor_pg *st = PG(s);
	int err = sync_copy(st);
	if (err < 0)
		return err;
	PGresult *r = query(st,
			    "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM person),"
			    " (SELECT count(*) FROM document), (SELECT count(*) FROM event)",
			    0, NULL, "reading the database", &err);
	if (!r)
		return err;
	*cases = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	*persons = strtol(PQgetvalue(r, 0, 1), NULL, 10);
	*documents = strtol(PQgetvalue(r, 0, 2), NULL, 10);
	*events = strtol(PQgetvalue(r, 0, 3), NULL, 10);
	PQclear(r);
	return 0;
}

const struct cor_store_ops cor_pg_ops = {
	.name = "PostgreSQL",
	.health = &cor_pg_health_ops,
	.fund = &cor_pg_fund_ops,
	.support = &cor_pg_support_ops,
	.numbers = &cor_pg_numbers_ops,
	.search = &cor_pg_search_ops,
	.workflow = &cor_pg_workflow_ops,
	.history = &cor_pg_history_ops,
	.movement = &cor_pg_movement_ops,
	.plan = &cor_pg_plan_ops,
	.facts = &cor_pg_facts_ops,
	.correct = &cor_pg_correct_ops,
	.close = pg_close,
	.begin = pg_begin,
	.begin_read = pg_begin_read,
	.in_transaction = pg_in_transaction,
	.begin_large = pg_begin_large,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.mark = pg_mark,
	.release = pg_release,
	.undo = pg_undo,
	.rules_get = pg_rules_get,
	.rules_add = pg_rules_add,
	.rules_history = pg_rules_history,
	.office_add = pg_office_add,
	.office_get = pg_office_get,
	.office_list = pg_office_list,
	.case_reserve = pg_case_reserve,
	.case_add = pg_case_add,
	.case_last_id = pg_case_last_id,
	.case_get = pg_case_get,
	.person_add = pg_person_add,
	.document_add = pg_document_add,
	.event_add = pg_event_add,
	.case_list = pg_case_list,
	.case_count = pg_case_count,
	.case_persons = pg_case_persons,
	.case_events = pg_case_events,
	.export_each = pg_export_each,
	.person_facts_each = pg_person_facts_each,
	.totals = pg_totals,
};

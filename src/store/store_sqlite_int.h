// SPDX-License-Identifier: Apache-2.0
// Internals of the SQLite backend, shared by its files (store_sqlite.c and
// one file per feature area). Nothing outside src/store includes this.
#ifndef COR_STORE_SQLITE_INT_H
#define COR_STORE_SQLITE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/store_int.h"

/* The hot statements of store_sqlite.c. */
enum stmt_id {
	S_OFFICE_ID,
	S_CASE_ADD,
	S_COUNTER_BUMP,
	S_COUNTER_RESERVE,
	S_PERSON_ADD,
	S_NEED_ADD,
	S_DOC_ADD,
	S_EVENT_ADD,
	S_CASE_GET,
	S_MARK,
	S_RELEASE,
	S_UNDO,
	S_DOC_ADD_N,
	S_EVENT_ADD_N,
	S__N
};

/* SQLite's store: the common part first (store_int.h), then the connection;
 * a PostgreSQL store has NULL where db is. */
struct cor_store {
	COR_STORE_COMMON;
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S__N];
	/* Statements of the feature files, prepared once, keyed by their SQL's
	 * address (see cor_sqlite_stmt). */
	struct {
		const char *sql;
		sqlite3_stmt *s;
	} cache[128];
	int ncache;
	char office_code[8]; /* the last office looked up, and its id */
	int64_t office_id;
	/* The highest case number added per office and year in the open
	 * transaction, written to case_counter at commit (one write per office
	 * and year, not per case). */
	struct pending_counter {
		int64_t office_id;
		int year;
		long seq;
	} pending[32];
	int npending;
	/* The pending counters when the unit of work began (cor_store_mark),
	 * restored when it is undone. */
	struct pending_counter marked[32];
	int nmarked;
	bool bulk;     /* opened with COR_STORE_BULK */
	bool large;    /* in a large write (cor_store_begin_large) */
	bool unshared; /* a large write switched the journal out of WAL */
	/* In a large write, search keys are kept in memory first and go into
	 * person_key in key order at the commit (sqlite_search.c): a million
	 * persons' keys inserted at random places of the index would each
	 * touch a page out of the cache. */
	bool stage_keys;
	struct cor_key_stage *stage;
	/* In a bulk write, the thread that folds and stages the keys
	 * (sqlite_search.c). */
	struct cor_key_worker *worker;
	/* In a bulk write, events wait here to go in ADD_ROWS to a statement
	 * (store_sqlite.c); they take their ids in the order they came. */
	struct cor_event_batch *events;
};

/* Is st a store of another backend (PostgreSQL)? Every call reaches its
 * backend through the store's table, so this never holds; should a defect
 * send another backend's store here, the helpers below refuse it (COR_EIO,
 * with a message naming what) instead of reading SQLite state it lacks. */
bool cor_sqlite_foreign(struct cor_store *st, const char *what);

/* A health check's columns over "health_check h", in the order
 * cor_sqlite_read_check reads them. */
#define COR_SQLITE_CHECK_COLS                                                                      \
	"h.id, h.kind, h.at, h.outcome, h.tb_class, h.examiner,"                                   \
	" coalesce((SELECT group_concat(name, ';') FROM health_condition k"                        \
	"   WHERE k.check_id = h.id), '')"
/* Read the COR_SQLITE_CHECK_COLS of s from column at; returns the check's id. */
int64_t cor_sqlite_read_check(sqlite3_stmt *s, int at, struct cor_health_check *h);
/* Record a message for a person on st. */
void cor_sqlite_msg(struct cor_store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Map an SQLite result code to a cor_err, recording "what: sqlite's message"
 * (COR_EIO on another backend's store, see cor_sqlite_foreign). */
int cor_sqlite_fail(struct cor_store *st, int rc, const char *what);
/* A prepared statement for sql, reset and with bindings cleared; prepared on
 * first use and kept until close. sql must have static storage: its address
 * is the key. NULL when it does not prepare (cor_sqlite_fail tells why). */
sqlite3_stmt *cor_sqlite_stmt(struct cor_store *st, const char *sql);
/* Write the events a bulk write holds back (see struct cor_store): before
 * a statement that reads or writes the event table, and at a mark, a
 * release and the commit. The last insert rowid is kept. */
int cor_sqlite_events_flush(struct cor_store *st);
/* Step a write statement to completion and reset it. */
int cor_sqlite_step_done(struct cor_store *st, sqlite3_stmt *s, const char *what);
/* Bind text (borrowed until the statement is reset); NULL or "" binds NULL
 * with bind_opt. */
void cor_sqlite_bind_text(sqlite3_stmt *s, int i, const char *v);
void cor_sqlite_bind_opt(sqlite3_stmt *s, int i, const char *v);
/* Bind a new record identity (a UUIDv7, 16 bytes) as parameter i;
 * COR_EIO with a message when the system gives no randomness. */
int cor_sqlite_bind_uid(struct cor_store *st, sqlite3_stmt *s, int i);
/* Copy a text column into a buffer ("" for NULL). */
void cor_sqlite_copy_col(char *dst, size_t len, sqlite3_stmt *s, int i);
/* A uid column (16 bytes) in its canonical text form; "" when absent. */
void cor_sqlite_copy_uid(char out[COR_UUID_LEN], sqlite3_stmt *s, int col);
/* A unit of work: its own transaction outside one (*own set), a savepoint
 * inside one. */
int cor_sqlite_unit_begin(struct cor_store *st, bool *own);
/* End a unit: keep it when err is 0, else undo it, keeping err's message.
 * Returns err, or the failure to keep it. */
int cor_sqlite_unit_end(struct cor_store *st, bool own, int err);
/* The internal id of a case by ref; COR_ENOTFOUND with a message. */
int cor_sqlite_case_id(struct cor_store *st, const char *ref, int64_t *id);
/* Start staging a large write's search keys in memory; write what was
 * staged into person_key (at the commit); forget it (a rollback, a close).
 * A unit of work marked, kept or undone marks, keeps or takes away the
 * keys staged since its mark. */
int cor_sqlite_keys_stage(struct cor_store *st);
int cor_sqlite_keys_flush(struct cor_store *st);
void cor_sqlite_keys_drop(struct cor_store *st);
int cor_sqlite_keys_mark(struct cor_store *st);
void cor_sqlite_keys_release(struct cor_store *st);
void cor_sqlite_keys_undo(struct cor_store *st);

#endif

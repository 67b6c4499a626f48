// SPDX-License-Identifier: Apache-2.0
// Internals of the PostgreSQL backend of store.h (pg.c, its migrations in
// pg_migrations.c, and the COPY streams of a large write in pg_copy.c).
#ifndef COR_PG_INT_H
#define COR_PG_INT_H

#include <libpq-fe.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/counselling.h"
#include "domain/health.h"
#include "domain/protection.h"
#include "store/store_int.h"

/* The statements prepared once per connection (named "cor<N>"). */
enum pg_stmt_id {
	P_OFFICE_ID,
	P_CASE_ADD,
	P_COUNTER_BUMP,
	P_COUNTER_RESERVE,
	P_PERSON_ADD,
	P_NEED_ADD,
	P_DOC_ADD,
	P_EVENT_ADD,
	P_CASE_GET,
	P_CASE_EXISTS,
	P__N
};

/* The tables a large write streams with COPY, in the order they are
 * flushed (a row's parents first). */
enum pg_copy_id {
	C_CASES,
	C_PERSON,
	C_NEED,
	C_DOCUMENT,
	C_EVENT,
	C_KEY,
	C_SESSION,
	C_ASSESSMENT,
	C_CLEARANCE,
	C_CHECK,
	C_CONDITION,
	C__N
};

/* The tables whose ids a large write takes in advance (pg_copy.c). */
enum pg_id_table { ID_CASES, ID_PERSON, ID_ASSESSMENT, ID_CHECK, ID__N };

/* Ids taken from a table's identity sequence in advance: next <= id < end. */
struct pg_ids {
	int64_t next, end, block;
};

/* One COPY FROM STDIN stream's rows, in COPY's text format. */
struct pg_copy {
	char *buf;
	size_t len, cap;
	long rows;
};

struct cor_pg {
	COR_STORE_COMMON;
	void *sqlite_db; /* always NULL: where SQLite's store has its connection */
	PGconn *conn;
	char *label;       /* the database for a message: name and host, never a password */
	bool bulk;         /* opened with COR_STORE_BULK */
	bool in_tx;        /* a transaction is open */
	bool large;        /* in a large write: adds go to COPY streams */
	bool office_added; /* an office was added in the open transaction */
	bool prepared[P__N];
	/* The offices looked up, and their ids. */
	struct pg_office {
		char code[8];
		int64_t id;
	} offices[64];
	int noffices;
	/* The highest case number added per office and year in the open
	 * transaction, written to case_counter at commit (as SQLite's). */
	struct pg_counter {
		int64_t office_id;
		int year;
		long seq;
	} pending[512];
	int npending;
	struct pg_counter marked[512];
	int nmarked;
	/* A large write: the streams, the ids taken in advance, whether refs
	 * must be looked up (the database had cases when it began), the refs
	 * and person numbers added in it. */
	struct pg_copy copy[C__N];
	/* The batch before, written by a thread of its own while the next one
	 * fills: the connection is the thread's until it is done (every other
	 * use of it waits, cor_pg_copy_wait). */
	struct pg_flusher {
		pthread_t thread;
		pthread_mutex_t mu;
		pthread_cond_t cv;
		bool started, busy, quit;
		struct pg_copy batch[C__N];
		int err;
		char msg[512];
	} bg;
	struct pg_ids ids[ID__N]; /* the ids callers get back */
	bool had_cases;           /* the database had cases when the large write began */
	bool freeze_keys;         /* person_key emptied by this write: its COPY freezes */
	struct pg_refset {
		char (*ref)[COR_CASE_REF_MAX];
		size_t n, cap; /* open addressing; cap a power of two */
	} refs;
	/* Units of work in a large write. The first is marked in memory only
	 * (vmark: where each stream was), undone by cutting the streams back,
	 * and becomes a real savepoint only when the connection is needed
	 * before it ends (cor_pg_copy_ready). The refs added since the first
	 * open mark, and for each real one where its own begin. */
	bool vmark;
	size_t mark_len[C__N];
	long mark_rows[C__N];
	int64_t mark_seq_case;
	uint64_t mark_seqs[2];
	int nreal;
	size_t log_at[8];
	struct pg_reflog {
		char (*ref)[COR_CASE_REF_MAX];
		size_t n, cap;
	} reflog;
	/* A large write into a database without cases drops the foreign keys,
	 * unique constraints and secondary indexes of the streamed tables and
	 * adds them back at commit: one pass or one sorted build each instead
	 * of work on every row. The statements to add them back, in order. */
	char *rebuild[32];
	int nrebuild;
	int64_t seq_case; /* the case whose person numbers seqs holds */
	uint64_t seqs[2]; /* person numbers 1..99 taken in seq_case */
	/* The records streamed for the case last added (seq_case): how many
	 * counselling sessions it has, and per person added to it the
	 * protection assessments and the latest's id, level and clearance. A
	 * record of another case is written by a statement of its own. */
	struct pg_records {
		int64_t case_id; /* 0: none known */
		int sessions;
		int npersons;
		struct pg_person_records {
			int64_t person_id, assessment_id;
			int assessments;
			enum cor_protection_level level;
			char cleared_at[COR_TIME_LEN];
		} p[99];
	} rec;
};

/* Numbered migrations, one for one with SQLite's (migrations.c). */
extern const char *const cor_pg_migrations[];
extern const size_t cor_pg_migrations_len;

/* Record a message for a person on st. */
void cor_pg_msg(struct cor_pg *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Map a failed result (NULL: the connection failed) to a cor_err, recording
 * "what: the server's reason"; clears res. */
int cor_pg_fail(struct cor_pg *st, PGresult *res, const char *what);
/* The same, with the message into msg instead. */
int cor_pg_fail_into(struct cor_pg *st, PGresult *res, const char *what, char *msg, size_t len);
/* Run sql without parameters; 0 or a cor_err. */
int cor_pg_exec(struct cor_pg *st, const char *sql, const char *what);
/* Run sql with n text parameters, after the rows a large write streams;
 * NULL with *err and a message when it fails. */
PGresult *cor_pg_query(struct cor_pg *st, const char *sql, int n, const char *const *v,
		       const char *what, int *err);
/* A unit of work: its own transaction outside one (*own set), a savepoint
 * inside one. */
int cor_pg_unit_begin(struct cor_store *s, bool *own);
/* Keep the unit when err is 0, else undo it keeping err's message. Returns
 * err, or the failure to keep it. */
int cor_pg_unit_end(struct cor_store *s, bool own, int err);
/* Copy a text value of a result ("" for NULL) into dst. */
void cor_pg_text(char *dst, size_t len, PGresult *r, int row, int col);

/* A health check's columns over "health_check h", in the order
 * cor_pg_read_check reads them. */
#define COR_PG_CHECK_COLS                                                                          \
	"h.id, h.kind, h.at, h.outcome, h.tb_class, h.examiner,"                                   \
	" coalesce((SELECT string_agg(k.name, ';') FROM health_condition k"                        \
	"   WHERE k.check_id = h.id), '')"
/* Read the COR_PG_CHECK_COLS of row i of r from column at; returns the
 * check's id. */
int64_t cor_pg_read_check(PGresult *r, int i, int at, struct cor_health_check *h);

/* Large writes (pg_copy.c): the adds of cor_store_begin_large go to COPY
 * FROM STDIN streams, flushed before any other statement, when they grow
 * large, and at commit. reset drops what is not flushed yet. */
int cor_pg_copy_flush(struct cor_pg *st);
void cor_pg_copy_reset(struct cor_pg *st);
/* Wait until the batch being written in the background is; its failure. */
int cor_pg_copy_wait(struct cor_pg *st);
/* Before any use of the connection: a unit marked in memory becomes a
 * savepoint, the background batch is waited for. */
int cor_pg_copy_ready(struct cor_pg *st);
/* Units of work in a large write: 1 when the caller must do it with SQL. */
int cor_pg_copy_mark(struct cor_pg *st);
int cor_pg_copy_release(struct cor_pg *st);
int cor_pg_copy_undo(struct cor_pg *st);
/* The refs of the database, at the start of a large write; all forgotten. */
int cor_pg_copy_load_refs(struct cor_pg *st);
void cor_pg_copy_forget_refs(struct cor_pg *st);
/* End the background writer (at the end of a large write). */
void cor_pg_copy_stop(struct cor_pg *st);
int cor_pg_copy_case(struct cor_pg *st, const struct cor_case *c, int64_t office_id, int64_t *id);
int cor_pg_copy_person(struct cor_pg *st, int64_t case_id, const struct cor_person *p, int64_t *id);
int cor_pg_copy_document(struct cor_pg *st, int64_t person_id, const struct cor_document *d);
int cor_pg_copy_event(struct cor_pg *st, int64_t case_id, const struct cor_event *e);
int cor_pg_copy_key(struct cor_pg *st, int64_t person_id, const char *key);
/* The records a large write streams when they belong to the case last
 * added in it (the import's): 1 when they do not (the caller writes the
 * record with a statement), else 0 or a failure. The caller adds the
 * record's event. */
int cor_pg_copy_session(struct cor_pg *st, int64_t case_id, const struct cor_counselling *c,
			const char *at, const char *actor, int *no);
int cor_pg_copy_assessment(struct cor_pg *st, int64_t person_id, enum cor_protection_level level,
			   const char *grounds, const char *actor, const char *at, int *no);
int cor_pg_copy_latest(struct cor_pg *st, int64_t person_id, struct cor_protection_latest *l,
		       int64_t *assessment_id);
int cor_pg_copy_clearance(struct cor_pg *st, int64_t assessment_id, const char *actor,
			  const char *at, const char *reason);
int cor_pg_copy_check(struct cor_pg *st, int64_t person_id, const struct cor_health_check *h,
		      const char *actor, const char *now, int64_t *id);

#endif

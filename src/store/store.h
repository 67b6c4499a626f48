// SPDX-License-Identifier: Apache-2.0
// The case store: the only door to persistent data. Callers see records from
// src/domain and never SQL. Two backends sit behind this header (store.c
// picks one from the target and dispatches through its table of
// operations): SQLite, embedded (store_sqlite.c and the sqlite_*.c area
// files), and PostgreSQL (pg.c and the pg_*.c area files). Each area's
// calls (store_<area>.h) reach the backend through its table
// (store_<area>_ops.h).
//
// Invariants every backend keeps:
//  - a database is identified as Corridor's and carries a schema version;
//    opening applies pending migrations and refuses foreign or newer files;
//  - the event history is append-only;
//  - a failed call inside a transaction leaves the transaction open for the
//    caller to roll back; outside one, it changes nothing.
// Strings passed in are borrowed; records passed to callbacks are borrowed
// for the duration of the call. Callbacks return 0 to go on, non-zero to
// stop (that value is then returned by the iterating call).
#ifndef COR_STORE_H
#define COR_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/case.h"
#include "domain/counselling.h"
#include "domain/date.h"
#include "domain/health.h"
#include "domain/stats.h"

struct cor_store;

enum cor_store_flags {
	COR_STORE_CREATE = 1 << 0, /* create the database when there is none */
	COR_STORE_BULK = 1 << 1,   /* no fsync: for generating data that can be generated again */
};

struct cor_office {
	char code[8];    /* "LY-TIP" */
	char country[4]; /* ISO alpha-3 */
	char name[64];   /* "Tripoli" */
};

struct cor_event {
	char at[COR_TIME_LEN]; /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	const char *actor;
	const char *action; /* "registered", "imported", "state" */
	const char *detail; /* what changed, for a person to read */
	const char *reason; /* why; "" when none was given */
	/* A correction (action "corrected"): the field and its values before
	 * and after. NULL or "" for every other event; the adds above leave
	 * them out (store_correct.h writes corrections). */
	const char *field, *before, *after;
};

struct cor_case_filter {
	const char *programme;   /* NULL: any */
	const char *office;      /* NULL: any */
	const char *state;       /* NULL: any */
	const char *nationality; /* a case with at least one person of it */
	const char *text;        /* the start of the case ref, or a name in any script */
	long limit;              /* 0: no limit */
	/* Set by the store from text, for its backends: a name key
	 * (domain/fold.h) that starts with text_key selects; text is then the
	 * case ref's start in upper case. */
	const char *text_key;
};

struct cor_case_summary {
	struct cor_case c;
	int persons;
	char principal[2 * COR_NAME_MAX + 2]; /* "FAMILY, Given" in Latin script */
	char nationality[4];                  /* of the principal applicant */
};

/* Open (and with COR_STORE_CREATE create) the database target names,
 * applying migrations: a file path (SQLite), or a "postgresql://" or
 * "postgres://" URI (a libpq connection string; CREATE creates the schema in
 * an empty database, not the database). On failure *out is NULL and msg gets
 * a sentence naming the database (never a password). */
int cor_store_open(const char *target, unsigned flags, struct cor_store **out, char *msg,
		   size_t msglen);
/* Close; NULL is allowed. An open transaction is rolled back. */
void cor_store_close(struct cor_store *st);
/* The message of the last failure on st. Borrowed until the next call. */
const char *cor_store_errmsg(const struct cor_store *st);
/* Did opening st create the schema (the database was empty)? */
bool cor_store_created(const struct cor_store *st);
/* The schema version this binary writes. */
int cor_store_schema_version(void);

/* Begin a write transaction: other writers wait until it ends. */
int cor_store_begin(struct cor_store *st);
/* Begin a read transaction: one consistent view of the data, without
 * blocking writers. */
int cor_store_begin_read(struct cor_store *st);
/* Is a transaction open? */
bool cor_store_in_transaction(struct cor_store *st);
/* Begin a large write (an import). When no other connection has the
 * database open, the write goes through a rollback journal instead of WAL:
 * a new database's pages are then written once instead of twice, as safely
 * (a crash leaves a hot journal that the next open rolls back); other
 * connections wait until the commit. The database does not check foreign
 * keys during a large write: every id the caller writes must come from the
 * store in the same transaction (returned by an _add, or looked up by code
 * as cor_store_case_add does for the office), which the importer keeps to.
 * Foreign keys and WAL return at commit or rollback. On PostgreSQL the adds
 * of cases, persons, needs, documents and events stream with COPY (ids are
 * still returned at once), and so do the counselling sessions, protection
 * assessments and clearances and health checks of the case added last (an
 * import's); other connections read on but wait to add cases, persons,
 * protection assessments or health checks until the commit. */
int cor_store_begin_large(struct cor_store *st);
int cor_store_commit(struct cor_store *st);
int cor_store_rollback(struct cor_store *st);
/* A nested unit of work inside a transaction: mark, then release (keep) or
 * undo everything since the mark. */
int cor_store_mark(struct cor_store *st);
int cor_store_release(struct cor_store *st);
int cor_store_undo(struct cor_store *st);

/* The clock the store dates what it writes by: now ("YYYY-MM-DDTHH:MM:SSZ",
 * copied) until it is set again; NULL or "" for the system clock. */
void cor_store_set_now(struct cor_store *st, const char *now);
/* The store's "now" into buf (COR_TIME_LEN bytes); returns buf. */
char *cor_store_now(struct cor_store *st, char *buf);
/* The store's today (the UTC date of its "now"). */
struct cor_date cor_store_today(struct cor_store *st);

/* The rules configuration in force: its version (0 when none was ever set,
 * and then text is "") and its "key = value" text, returned for the caller
 * to free. */
int cor_store_rules_get(struct cor_store *st, int *version, char **text);
/* Store text as the next version of the rules, set by actor at the store's
 * now; *version gets its number. */
int cor_store_rules_add(struct cor_store *st, const char *text, const char *actor, int *version);
/* The versions of the rules, newest first: number, when, by whom. */
int cor_store_rules_history(struct cor_store *st,
			    int (*cb)(int version, const char *at, const char *by, void *ctx),
			    void *ctx);

/* Offices. add: COR_EEXIST when the code is taken. get: COR_ENOTFOUND. */
int cor_store_office_add(struct cor_store *st, const struct cor_office *o);
int cor_store_office_get(struct cor_store *st, const char *code, struct cor_office *out);
int cor_store_office_list(struct cor_store *st, int (*cb)(const struct cor_office *o, void *ctx),
			  void *ctx);

/* Reserve the next case number of office in year (1, 2, ...): a reserve of one. */
int cor_store_case_next_seq(struct cor_store *st, const char *office, int year, long *seq);
/* Reserve the next count case numbers of office in year at once: *first is
 * the first of them (a block leased to a device, store_numbers.h). */
int cor_store_case_reserve(struct cor_store *st, const char *office, int year, long count,
			   long *first);
/* Add a case; c->ref must be set. COR_EEXIST when the ref is taken,
 * COR_ENOTFOUND when the office is unknown. *id may be NULL. */
int cor_store_case_add(struct cor_store *st, const struct cor_case *c, int64_t *id);
/* The highest case id so far (0 when none): cases added later have higher ids. */
int cor_store_case_last_id(struct cor_store *st, int64_t *id);
/* Find a case by ref. COR_ENOTFOUND when there is none. id or out may be NULL. */
int cor_store_case_get(struct cor_store *st, const char *ref, int64_t *id, struct cor_case *out);
/* Add a person (and their specific needs) to a case. COR_EEXIST when seq is taken. */
int cor_store_person_add(struct cor_store *st, int64_t case_id, const struct cor_person *p,
			 int64_t *id);
/* Add a document to a person. */
int cor_store_document_add(struct cor_store *st, int64_t person_id, const struct cor_document *d);
/* Append to a case's history. */
int cor_store_event_add(struct cor_store *st, int64_t case_id, const struct cor_event *e);
/* n documents (docs[i] of person person_ids[i]) or n events (events[i] of
 * case case_ids[i]) at once: as n calls of the adds above, in fewer
 * statements where the backend can (a large write's batches). */
int cor_store_documents_add(struct cor_store *st, size_t n, const int64_t *person_ids,
			    const struct cor_document *docs);
int cor_store_events_add(struct cor_store *st, size_t n, const int64_t *case_ids,
			 const struct cor_event *events);

/* Cases matching f, by registration date, then case ID (byte order). */
int cor_store_case_list(struct cor_store *st, const struct cor_case_filter *f,
			int (*cb)(const struct cor_case_summary *s, void *ctx), void *ctx);
/* How many cases match f (ignoring its limit). */
int cor_store_case_count(struct cor_store *st, const struct cor_case_filter *f, long *n);
/* A case's persons in seq order, each with its documents (ndocs may be 0). */
int cor_store_case_persons(struct cor_store *st, int64_t case_id,
			   int (*cb)(const struct cor_person *p, const struct cor_document *docs,
				     int ndocs, void *ctx),
			   void *ctx);
/* A case's history, oldest first. */
int cor_store_case_events(struct cor_store *st, int64_t case_id,
			  int (*cb)(const struct cor_event *e, void *ctx), void *ctx);
/* Every person of the cases matching f (its limit counts cases), in case then
 * seq order, with the case and the person's first travel document (kind
 * COR_DOC_NONE when none). */
int cor_store_persons_each(struct cor_store *st, const struct cor_case_filter *f,
			   int (*cb)(const struct cor_case *c, const struct cor_person *p,
				     const struct cor_document *d, void *ctx),
			   void *ctx);

/* A person as export reads it, with what its case and it hold. The pointers
 * last until the callback returns. */
struct cor_store_export_row {
	const struct cor_case *c;
	const char *location; /* the case's assembly point; "" at its office */
	/* The case's latest counselling session (its number 0: none): */
	int session_no;
	const char *counsellor, *language;
	bool interpreter;
	enum cor_counselling_decision decision;
	const struct cor_person *p;
	const struct cor_document *docs; /* every document the person holds, oldest first */
	int ndocs;
	const char *risk;  /* the level of the latest protection assessment; NULL: none */
	bool risk_cleared; /* that assessment is cleared */
	const struct cor_health_check *pre_migration; /* the latest; NULL: none */
};

/* Every person of the cases matching f (its limit counts cases), in case then
 * seq order, read a run of cases at a time (a few statements for all, not
 * some for each person). For export. */
int cor_store_export_each(struct cor_store *st, const struct cor_case_filter *f,
			  int (*cb)(const struct cor_store_export_row *r, void *ctx), void *ctx);

/* The facts statistics need of every person, persons of a case together
 * (see domain/stats.h). */
int cor_store_person_facts_each(struct cor_store *st,
				int (*cb)(const struct cor_person_facts *f, void *ctx), void *ctx);
/* Totals: cases, persons, documents, events. */
int cor_store_totals(struct cor_store *st, long *cases, long *persons, long *documents,
		     long *events);

#endif

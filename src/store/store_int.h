// SPDX-License-Identifier: Apache-2.0
// The inside of store.h, shared by its backends: the table of operations
// each backend fills in (one function pointer per call of store.h, as
// SQLite's VFS does) and the part of struct cor_store every backend's store
// begins with. store.c dispatches through the table; nothing outside
// src/store includes this.
#ifndef COR_STORE_INT_H
#define COR_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/movement.h"
#include "store/store.h"

/* The tables of the feature areas (store_<area>_ops.h), one a header of
 * src/store: NULL while a backend lacks the area. */
struct cor_store_workflow_ops;
struct cor_store_history_ops;
struct cor_store_health_ops;
struct cor_store_fund_ops;
struct cor_store_support_ops;
struct cor_store_movement_ops;
struct cor_store_plan_ops;
struct cor_store_facts_ops;
struct cor_store_numbers_ops;
struct cor_store_correct_ops;
struct cor_store_search_ops;

struct cor_store_ops {
	const char *name; /* "SQLite", "PostgreSQL": for messages */
	const struct cor_store_workflow_ops *workflow;
	const struct cor_store_history_ops *history;
	const struct cor_store_health_ops *health;
	const struct cor_store_fund_ops *fund;
	const struct cor_store_support_ops *support;
	const struct cor_store_movement_ops *movement;
	const struct cor_store_plan_ops *plan;
	const struct cor_store_facts_ops *facts;
	const struct cor_store_numbers_ops *numbers;
	const struct cor_store_correct_ops *correct;
	const struct cor_store_search_ops *search;
	void (*close)(struct cor_store *st);
	int (*begin)(struct cor_store *st);
	int (*begin_read)(struct cor_store *st);
	bool (*in_transaction)(struct cor_store *st);
	int (*begin_large)(struct cor_store *st);
	int (*commit)(struct cor_store *st);
	int (*rollback)(struct cor_store *st);
	int (*mark)(struct cor_store *st);
	int (*release)(struct cor_store *st);
	int (*undo)(struct cor_store *st);

	int (*rules_get)(struct cor_store *st, int *version, char **text);
	int (*rules_add)(struct cor_store *st, const char *text, const char *actor, int *version);
	int (*rules_history)(struct cor_store *st,
			     int (*cb)(int version, const char *at, const char *by, void *ctx),
			     void *ctx);

	int (*office_add)(struct cor_store *st, const struct cor_office *o);
	int (*office_get)(struct cor_store *st, const char *code, struct cor_office *out);
	int (*office_list)(struct cor_store *st, int (*cb)(const struct cor_office *o, void *ctx),
			   void *ctx);

	int (*case_reserve)(struct cor_store *st, const char *office, int year, long count,
			    long *first);
	int (*case_add)(struct cor_store *st, const struct cor_case *c, int64_t *id);
	int (*case_last_id)(struct cor_store *st, int64_t *id);
	int (*case_get)(struct cor_store *st, const char *ref, int64_t *id, struct cor_case *out);
	int (*person_add)(struct cor_store *st, int64_t case_id, const struct cor_person *p,
			  int64_t *id);
	int (*document_add)(struct cor_store *st, int64_t person_id, const struct cor_document *d);
	int (*event_add)(struct cor_store *st, int64_t case_id, const struct cor_event *e);
	/* NULL: one document_add or event_add each. */
	int (*documents_add)(struct cor_store *st, size_t n, const int64_t *person_ids,
			     const struct cor_document *docs);
	int (*events_add)(struct cor_store *st, size_t n, const int64_t *case_ids,
			  const struct cor_event *events);

	int (*case_list)(struct cor_store *st, const struct cor_case_filter *f,
			 int (*cb)(const struct cor_case_summary *s, void *ctx), void *ctx);
	int (*case_count)(struct cor_store *st, const struct cor_case_filter *f, long *n);
	int (*case_persons)(struct cor_store *st, int64_t case_id,
			    int (*cb)(const struct cor_person *p, const struct cor_document *docs,
				      int ndocs, void *ctx),
			    void *ctx);
	int (*case_events)(struct cor_store *st, int64_t case_id,
			   int (*cb)(const struct cor_event *e, void *ctx), void *ctx);
	int (*export_each)(struct cor_store *st, const struct cor_case_filter *f,
			   int (*cb)(const struct cor_store_export_row *r, void *ctx), void *ctx);
	int (*person_facts_each)(struct cor_store *st,
				 int (*cb)(const struct cor_person_facts *f, void *ctx), void *ctx);
	int (*totals)(struct cor_store *st, long *cases, long *persons, long *documents,
		      long *events);
};

/* An export as a backend reads it, a row for each person and document in
 * case, seq and document order (a person without documents: one row),
 * gathered into a person at a time for the callback. */
struct cor_export_acc {
	int (*cb)(const struct cor_store_export_row *r, void *ctx);
	void *ctx;
	bool pending; /* a person is being gathered */
	struct cor_case c;
	char location[COR_LOCATION_CODE_MAX + 1];
	int session_no;
	char counsellor[COR_NAME_MAX + 1];
	char language[COR_LANGS_MAX + 1];
	bool interpreter;
	enum cor_counselling_decision decision;
	struct cor_person p;
	struct cor_document *docs;
	int ndocs, cap;
	char risk[16];
	bool has_risk, risk_cleared;
	struct cor_health_check pm;
	bool has_pm;
};

/* Give the person gathered, if one is, to the callback (its return), and
 * start the next: pending false, no documents. */
int cor_export_acc_flush(struct cor_export_acc *a);
/* Add a document to the person gathered. COR_ENOMEM. */
int cor_export_acc_doc(struct cor_export_acc *a, const struct cor_document *d);
void cor_export_acc_free(struct cor_export_acc *a);

/* The first member of every backend's store, unnamed so that its fields read
 * as the store's own (st->msg): the backend's table, the clock of the
 * operation under way ("": the system's) and the message of the last
 * failure. */
#define COR_STORE_COMMON                                                                           \
	struct {                                                                                   \
		const struct cor_store_ops *ops;                                                   \
		char now[COR_TIME_LEN];                                                            \
		char msg[512];                                                                     \
		bool created; /* the open created the schema in an empty database */               \
	}

struct cor_store_head {
	COR_STORE_COMMON;
};

static inline struct cor_store_head *cor_store_head(struct cor_store *st)
{
	return (struct cor_store_head *)(void *)st;
}

/* The backends' tables, and their opens (same contract as cor_store_open). */
extern const struct cor_store_ops cor_sqlite_ops;
extern const struct cor_store_ops cor_pg_ops;
int cor_sqlite_open(const char *path, unsigned flags, struct cor_store **out, char *msg,
		    size_t msglen);
int cor_pg_open(const char *uri, unsigned flags, struct cor_store **out, char *msg, size_t msglen);

/* Is target a PostgreSQL connection URI ("postgresql://", "postgres://")? */
bool cor_store_target_is_pg(const char *target);

#endif

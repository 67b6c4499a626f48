// SPDX-License-Identifier: Apache-2.0
// The store's side of arrival and (re)integration support (domain/support.h).
// Each call is one unit of work (its own transaction, or a savepoint inside
// the caller's) and appends to the history. Records only: the rules are
// checked, and the case moved through its lifecycle, by the operations
// (service/support.h).
#ifndef COR_STORE_SUPPORT_H
#define COR_STORE_SUPPORT_H

#include <stdint.h>

#include "domain/support.h"
#include "store/store.h"

struct cor_arrival {
	char at[COR_TIME_LEN]; /* "YYYY-MM-DDTHH:MM:SSZ" */
	char place[128];
	char confirmed_by[64];
	char note[256];
};

struct cor_support_item {
	int no;
	enum cor_support_kind kind;
	char description[256];
	int64_t amount; /* minor units; 0 when none */
	char currency[4];
	enum cor_support_status status;
	char planned_at[COR_TIME_LEN];
	char done_at[COR_TIME_LEN]; /* "" while planned */
	char done_note[256];
};

struct cor_support_visit {
	int no;
	struct cor_date on;
	char by[64];
	char finding[512];
};

/* Record the arrival of case ref with its "support" event (who confirmed
 * it: a->confirmed_by, or actor when ""). The case is not moved.
 * COR_ENOTFOUND for an unknown case, COR_EEXIST when its arrival is
 * recorded already. */
int cor_store_arrival_record(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			     const char *actor);
/* The arrival of a case; COR_ENOTFOUND when none is confirmed. */
int cor_store_arrival_get(struct cor_store *st, const char *ref, struct cor_arrival *out);
/* Record a planned item. *no gets the item's number. */
int cor_store_support_plan(struct cor_store *st, const char *ref, enum cor_support_kind kind,
			   const char *description, int64_t amount, const char *currency,
			   const char *actor, int *no);
/* One item of a case; COR_ENOTFOUND when there is none. */
int cor_store_support_item_get(struct cor_store *st, const char *ref, int no,
			       struct cor_support_item *out);
/* Mark a planned item delivered or cancelled (a note: what was given, or why not). */
int cor_store_support_done(struct cor_store *st, const char *ref, int no,
			   enum cor_support_status status, const char *note, const char *actor);
/* Record a follow-up visit. *no gets its number. */
int cor_store_support_visit(struct cor_store *st, const char *ref, struct cor_date on,
			    const char *by, const char *finding, const char *actor, int *no);
/* What a case's support holds: items by status and visits. */
int cor_store_support_tally(struct cor_store *st, const char *ref, struct cor_support_tally *t);
/* Record that the support closed, with its outcome (the case is moved by
 * the caller). */
int cor_store_support_close(struct cor_store *st, const char *ref, const char *outcome,
			    const char *actor);
/* A case's items and visits, in order. */
int cor_store_support_items(struct cor_store *st, const char *ref,
			    int (*cb)(const struct cor_support_item *i, void *ctx), void *ctx);
int cor_store_support_visits(struct cor_store *st, const char *ref,
			     int (*cb)(const struct cor_support_visit *v, void *ctx), void *ctx);

#endif

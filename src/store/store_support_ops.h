// SPDX-License-Identifier: Apache-2.0
// The table of arrival and (re)integration support (store_support.h) each
// backend fills in: one function pointer per record call of that header,
// same contract. store_support.c dispatches through it; nothing outside
// src/store includes this.
#ifndef COR_STORE_SUPPORT_OPS_H
#define COR_STORE_SUPPORT_OPS_H

#include "store/store_support.h"

struct cor_store_support_ops {
	int (*arrival_record)(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			      const char *actor);
	int (*arrival_get)(struct cor_store *st, const char *ref, struct cor_arrival *out);
	int (*plan)(struct cor_store *st, const char *ref, enum cor_support_kind kind,
		    const char *description, int64_t amount, const char *currency,
		    const char *actor, int *no);
	int (*item_get)(struct cor_store *st, const char *ref, int no,
			struct cor_support_item *out);
	int (*done)(struct cor_store *st, const char *ref, int no, enum cor_support_status status,
		    const char *note, const char *actor);
	int (*visit)(struct cor_store *st, const char *ref, struct cor_date on, const char *by,
		     const char *finding, const char *actor, int *no);
	int (*tally)(struct cor_store *st, const char *ref, struct cor_support_tally *t);
	int (*close)(struct cor_store *st, const char *ref, const char *outcome, const char *actor);
	int (*items)(struct cor_store *st, const char *ref,
		     int (*cb)(const struct cor_support_item *i, void *ctx), void *ctx);
	int (*visits)(struct cor_store *st, const char *ref,
		      int (*cb)(const struct cor_support_visit *v, void *ctx), void *ctx);
};

extern const struct cor_store_support_ops cor_sqlite_support_ops;
extern const struct cor_store_support_ops cor_pg_support_ops;

#endif

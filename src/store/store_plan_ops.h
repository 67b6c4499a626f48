// SPDX-License-Identifier: Apache-2.0
// The table of the planner's part of the store (store_plan.h): one
// function pointer per call, filled in by each backend (sqlite_plan.c,
// pg_plan.c); store_plan.c dispatches through it.
#ifndef COR_STORE_PLAN_OPS_H
#define COR_STORE_PLAN_OPS_H

#include "store/store_plan.h"

struct cor_store_plan_ops {
	int (*plan_movements)(struct cor_store *st, const struct cor_plan_query *q,
			      struct cor_plan_load *l);
	int (*plan_held)(struct cor_store *st, const struct cor_plan_load *l,
			 struct cor_plan_held **held, size_t *n);
	int (*plan_available)(struct cor_store *st, int64_t case_id, int64_t *from);
	int (*plan_available_all)(struct cor_store *st, struct cor_plan_avail **out, size_t *n);
	int (*plan_booked)(struct cor_store *st, const char *ref, char (**refs)[32], size_t *n);
	int (*plan_write)(struct cor_store *st, const struct cor_plan_load *l,
			  const struct cor_plan_result *res, const struct cor_plan_places *places,
			  const char *actor, struct cor_plan_written *out);
};

extern const struct cor_store_plan_ops cor_sqlite_plan_ops;
extern const struct cor_store_plan_ops cor_pg_plan_ops;

#endif

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
	int (*location_add)(struct cor_store *st, const struct cor_location *loc);
	int (*location_get)(struct cor_store *st, const char *code, struct cor_location *out);
	int (*location_each)(struct cor_store *st,
			     int (*cb)(const struct cor_location *loc, void *ctx), void *ctx);
	int (*case_location)(struct cor_store *st, const char *ref, char *out);
	int (*case_locate)(struct cor_store *st, const char *ref, const char *location,
			   const char *detail, const char *actor, const char *reason);
	int (*reach_put)(struct cor_store *st, const struct cor_place_reach *r);
	int (*reach_remove)(struct cor_store *st, const char *place, const char *location);
	int (*reach_each)(struct cor_store *st, const char *location,
			  int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx);
	int (*plan_located_all)(struct cor_store *st, struct cor_plan_located **out, size_t *n);
	int (*cases_locate)(struct cor_store *st, const struct cor_plan_located *rows, size_t n);
};

/* Where people are, on each backend (sqlite_location.c, pg_location.c). */
int cor_sqlite_location_add(struct cor_store *st, const struct cor_location *loc);
int cor_sqlite_location_get(struct cor_store *st, const char *code, struct cor_location *out);
int cor_sqlite_location_each(struct cor_store *st,
			     int (*cb)(const struct cor_location *loc, void *ctx), void *ctx);
int cor_sqlite_case_location(struct cor_store *st, const char *ref, char *out);
int cor_sqlite_case_locate(struct cor_store *st, const char *ref, const char *location,
			   const char *detail, const char *actor, const char *reason);
int cor_sqlite_reach_put(struct cor_store *st, const struct cor_place_reach *r);
int cor_sqlite_reach_remove(struct cor_store *st, const char *place, const char *location);
int cor_sqlite_reach_each(struct cor_store *st, const char *location,
			  int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx);
int cor_sqlite_plan_located_all(struct cor_store *st, struct cor_plan_located **out, size_t *n);
int cor_sqlite_cases_locate(struct cor_store *st, const struct cor_plan_located *rows, size_t n);
int cor_pg_location_add(struct cor_store *st, const struct cor_location *loc);
int cor_pg_location_get(struct cor_store *st, const char *code, struct cor_location *out);
int cor_pg_location_each(struct cor_store *st, int (*cb)(const struct cor_location *loc, void *ctx),
			 void *ctx);
int cor_pg_case_location(struct cor_store *st, const char *ref, char *out);
int cor_pg_case_locate(struct cor_store *st, const char *ref, const char *location,
		       const char *detail, const char *actor, const char *reason);
int cor_pg_reach_put(struct cor_store *st, const struct cor_place_reach *r);
int cor_pg_reach_remove(struct cor_store *st, const char *place, const char *location);
int cor_pg_reach_each(struct cor_store *st, const char *location,
		      int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx);
int cor_pg_plan_located_all(struct cor_store *st, struct cor_plan_located **out, size_t *n);
int cor_pg_cases_locate(struct cor_store *st, const struct cor_plan_located *rows, size_t n);

extern const struct cor_store_plan_ops cor_sqlite_plan_ops;
extern const struct cor_store_plan_ops cor_pg_plan_ops;

#endif

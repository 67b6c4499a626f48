// SPDX-License-Identifier: Apache-2.0
// The plan part of the store (store_plan.h), dispatched to the backend's
// table (store_plan_ops.h).
#include "store/store_plan.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_plan_ops.h"
#include "store/store_int.h"

int cor_store_plan_movements(struct cor_store *st, const struct cor_plan_query *q,
			     struct cor_plan_load *l)
{
	return cor_store_head(st)->ops->plan->plan_movements(st, q, l);
}

int cor_store_plan_held(struct cor_store *st, const struct cor_plan_load *l,
			struct cor_plan_held **held, size_t *n)
{
	return cor_store_head(st)->ops->plan->plan_held(st, l, held, n);
}

int cor_store_plan_available(struct cor_store *st, int64_t case_id, int64_t *from)
{
	return cor_store_head(st)->ops->plan->plan_available(st, case_id, from);
}

int cor_store_plan_available_all(struct cor_store *st, struct cor_plan_avail **out, size_t *n)
{
	return cor_store_head(st)->ops->plan->plan_available_all(st, out, n);
}

int cor_store_plan_booked(struct cor_store *st, const char *ref, char (**refs)[32], size_t *n)
{
	return cor_store_head(st)->ops->plan->plan_booked(st, ref, refs, n);
}

int cor_store_plan_write(struct cor_store *st, const struct cor_plan_load *l,
			 const struct cor_plan_result *res, const struct cor_plan_places *places,
			 const char *actor, struct cor_plan_written *out)
{
	return cor_store_head(st)->ops->plan->plan_write(st, l, res, places, actor, out);
}

int cor_store_location_add(struct cor_store *st, const struct cor_location *loc)
{
	return cor_store_head(st)->ops->plan->location_add(st, loc);
}

int cor_store_location_get(struct cor_store *st, const char *code, struct cor_location *out)
{
	return cor_store_head(st)->ops->plan->location_get(st, code, out);
}

int cor_store_location_each(struct cor_store *st,
			    int (*cb)(const struct cor_location *loc, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->plan->location_each(st, cb, ctx);
}

int cor_store_case_location(struct cor_store *st, const char *ref,
			    char out[COR_LOCATION_CODE_MAX + 1])
{
	return cor_store_head(st)->ops->plan->case_location(st, ref, out);
}

int cor_store_case_locate(struct cor_store *st, const char *ref, const char *location,
			  const char *detail, const char *actor, const char *reason)
{
	return cor_store_head(st)->ops->plan->case_locate(st, ref, location, detail, actor, reason);
}

int cor_store_reach_put(struct cor_store *st, const struct cor_place_reach *r)
{
	return cor_store_head(st)->ops->plan->reach_put(st, r);
}

int cor_store_reach_remove(struct cor_store *st, const char *place, const char *location)
{
	return cor_store_head(st)->ops->plan->reach_remove(st, place, location);
}

int cor_store_reach_each(struct cor_store *st, const char *location,
			 int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->plan->reach_each(st, location, cb, ctx);
}

int cor_store_plan_located_all(struct cor_store *st, struct cor_plan_located **out, size_t *n)
{
	return cor_store_head(st)->ops->plan->plan_located_all(st, out, n);
}

int cor_store_cases_locate(struct cor_store *st, const struct cor_plan_located *rows, size_t n)
{
	return cor_store_head(st)->ops->plan->cases_locate(st, rows, n);
}

void cor_store_plan_release(struct cor_plan_load *l)
{
	free(l->cases);
	free(l->case_ids);
	free(l->booked);
	free(l->movements);
	free(l->movement_ids);
	free(l->legs);
	free(l->quotas);
	free(l->named);
	free(l->named_medical);
	free(l->skipped);
	free(l->held);
	free(l->ssr);
	free(l->reaches);
	free(l->reach_places);
	memset(l, 0, sizeof(*l));
}

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
	memset(l, 0, sizeof(*l));
}

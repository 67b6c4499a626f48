// SPDX-License-Identifier: Apache-2.0
// PostgreSQL versions of store_plan.h (the SQLite ones are sqlite_plan.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_plan_ops.h"
#include "util/error.h"

#define PG(s) ((struct cor_pg *)(void *)(s))

/* What this backend does not do yet. */
static int missing(struct cor_store *s, const char *what)
{
	cor_pg_msg(PG(s), "%s is not available on PostgreSQL yet", what);
	return COR_EIO;
}

static int pg_plan_movements(struct cor_store *s, const struct cor_plan_query *q, struct cor_plan_load *l)
{
	return missing(s, "plan movements");
}

static int pg_plan_held(struct cor_store *s, const struct cor_plan_load *l, struct cor_plan_held **held, size_t *n)
{
	return missing(s, "plan held");
}

static int pg_plan_available(struct cor_store *s, int64_t case_id, int64_t *from)
{
	return missing(s, "plan available");
}

static int pg_plan_booked(struct cor_store *s, const char *ref, char (**refs)[32], size_t *n)
{
	return missing(s, "plan booked");
}

static int pg_plan_write(struct cor_store *s, const struct cor_plan_load *l, const struct cor_plan_result *res, const struct cor_plan_places *places, const char *actor, struct cor_plan_written *out)
{
	return missing(s, "plan write");
}

const struct cor_store_plan_ops cor_pg_plan_ops = {
	.plan_movements = pg_plan_movements,
	.plan_held = pg_plan_held,
	.plan_available = pg_plan_available,
	.plan_booked = pg_plan_booked,
	.plan_write = pg_plan_write,
};

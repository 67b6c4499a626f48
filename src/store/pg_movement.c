// SPDX-License-Identifier: Apache-2.0
// PostgreSQL versions of store_movement.h (the SQLite ones are sqlite_movement.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_movement_ops.h"
#include "util/error.h"

#define PG(s) ((struct cor_pg *)(void *)(s))

/* What this backend does not do yet. */
static int missing(struct cor_store *s, const char *what)
{
	cor_pg_msg(PG(s), "%s is not available on PostgreSQL yet", what);
	return COR_EIO;
}

static int pg_place_add(struct cor_store *s, const struct cor_place *p)
{
	return missing(s, "place add");
}

static int pg_place_get(struct cor_store *s, const char *code, struct cor_place *out)
{
	return missing(s, "place get");
}

static int pg_place_each(struct cor_store *s, int (*cb)(const struct cor_place *p, void *ctx), void *ctx)
{
	return missing(s, "place each");
}

static int pg_movement_add(struct cor_store *s, struct cor_movement *m, const char *actor)
{
	return missing(s, "movement add");
}

static int pg_movement_get(struct cor_store *s, const char *ref, struct cor_movement *out)
{
	return missing(s, "movement get");
}

static int pg_movement_events(struct cor_store *s, const char *ref, int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	return missing(s, "movement events");
}

static int pg_case_available(struct cor_store *s, const char *ref, const struct cor_date *on, const char *actor, const char *reason)
{
	return missing(s, "case available");
}

static int pg_movement_each(struct cor_store *s, const struct cor_movement_query *q, int (*cb)(const struct cor_movement *m, const struct cor_movement_load *l, void *ctx), void *ctx)
{
	return missing(s, "movement each");
}

static int pg_movement_set_state(struct cor_store *s, const char *ref, enum cor_movement_state to, const char *actor, const char *reason, struct cor_movement_change *res)
{
	return missing(s, "movement set state");
}

static int pg_movement_quota(struct cor_store *s, const char *ref, const char *office, int seats, const char *actor)
{
	return missing(s, "movement quota");
}

static int pg_movement_quota_each(struct cor_store *s, const char *ref, int (*cb)(const char *office, int seats, void *ctx), void *ctx)
{
	return missing(s, "movement quota each");
}

static int pg_movement_escort_add(struct cor_store *s, const char *ref, const struct cor_escort *e, const char *actor)
{
	return missing(s, "movement escort add");
}

static int pg_movement_escort_each(struct cor_store *s, const char *ref, int (*cb)(const struct cor_escort *e, void *ctx), void *ctx)
{
	return missing(s, "movement escort each");
}

static int pg_booking_put(struct cor_store *s, const char *movement, const char *case_ref, enum cor_booking_status status, const char *board, const char *alight, const char *actor, const char *reason)
{
	return missing(s, "booking put");
}

static int pg_booking_add(struct cor_store *s, const char *movement, const char *case_ref, enum cor_booking_status status, const char *actor, const char *reason)
{
	return missing(s, "booking add");
}

static int pg_booking_each(struct cor_store *s, const char *movement, int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	return missing(s, "booking each");
}

static int pg_booking_cases(struct cor_store *s, const char *movement, enum cor_booking_status status, char (**refs)[32], size_t *n)
{
	return missing(s, "booking cases");
}

static int pg_booking_promote(struct cor_store *s, const char *movement, const char *case_ref, const char *board, const char *alight)
{
	return missing(s, "booking promote");
}

static int pg_standby_cancel(struct cor_store *s, const char *movement, const char *case_ref, const char *actor, const char *reason)
{
	return missing(s, "standby cancel");
}

const struct cor_store_movement_ops cor_pg_movement_ops = {
	.place_add = pg_place_add,
	.place_get = pg_place_get,
	.place_each = pg_place_each,
	.movement_add = pg_movement_add,
	.movement_get = pg_movement_get,
	.movement_events = pg_movement_events,
	.case_available = pg_case_available,
	.movement_each = pg_movement_each,
	.movement_set_state = pg_movement_set_state,
	.movement_quota = pg_movement_quota,
	.movement_quota_each = pg_movement_quota_each,
	.movement_escort_add = pg_movement_escort_add,
	.movement_escort_each = pg_movement_escort_each,
	.booking_put = pg_booking_put,
	.booking_add = pg_booking_add,
	.booking_each = pg_booking_each,
	.booking_cases = pg_booking_cases,
	.booking_promote = pg_booking_promote,
	.standby_cancel = pg_standby_cancel,
};

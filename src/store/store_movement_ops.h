// SPDX-License-Identifier: Apache-2.0
// The table of the movements part of the store (store_movement.h): one
// function pointer per call, filled in by each backend (sqlite_movement.c,
// pg_movement.c); store_movement.c dispatches through it.
#ifndef COR_STORE_MOVEMENT_OPS_H
#define COR_STORE_MOVEMENT_OPS_H

#include "store/store_movement.h"

struct cor_store_movement_ops {
	int (*place_add)(struct cor_store *st, const struct cor_place *p);
	int (*place_get)(struct cor_store *st, const char *code, struct cor_place *out);
	int (*place_each)(struct cor_store *st, int (*cb)(const struct cor_place *p, void *ctx),
			  void *ctx);
	int (*movement_add)(struct cor_store *st, struct cor_movement *m, const char *actor);
	int (*movement_get)(struct cor_store *st, const char *ref, struct cor_movement *out);
	int (*movement_events)(struct cor_store *st, const char *ref,
			       int (*cb)(const struct cor_event *e, void *ctx), void *ctx);
	int (*case_available)(struct cor_store *st, const char *ref, const struct cor_date *on,
			      const char *actor, const char *reason);
	int (*movement_each)(struct cor_store *st, const struct cor_movement_query *q,
			     int (*cb)(const struct cor_movement *m,
				       const struct cor_movement_load *l, void *ctx),
			     void *ctx);
	int (*movement_set_state)(struct cor_store *st, const char *ref, enum cor_movement_state to,
				  const char *actor, const char *reason,
				  struct cor_movement_change *res);
	int (*movement_quota)(struct cor_store *st, const char *ref, const char *office, int seats,
			      const char *actor);
	int (*movement_quota_each)(struct cor_store *st, const char *ref,
				   int (*cb)(const char *office, int seats, void *ctx), void *ctx);
	int (*movement_escort_add)(struct cor_store *st, const char *ref,
				   const struct cor_escort *e, const char *actor);
	int (*movement_escort_each)(struct cor_store *st, const char *ref,
				    int (*cb)(const struct cor_escort *e, void *ctx), void *ctx);
	int (*booking_put)(struct cor_store *st, const char *movement, const char *case_ref,
			   enum cor_booking_status status, const char *board, const char *alight,
			   const char *actor, const char *reason);
	int (*booking_add)(struct cor_store *st, const char *movement, const char *case_ref,
			   enum cor_booking_status status, const char *actor, const char *reason);
	int (*booking_each)(struct cor_store *st, const char *movement,
			    int (*cb)(const struct cor_booking *b, void *ctx), void *ctx);
	int (*case_booking)(struct cor_store *st, const char *case_ref, struct cor_booking *out);
	int (*movement_note)(struct cor_store *st, const char *ref, const char *actor,
			     const char *action, const char *detail, const char *reason);
	int (*booking_cases)(struct cor_store *st, const char *movement,
			     enum cor_booking_status status, char (**refs)[32], size_t *n);
	int (*booking_promote)(struct cor_store *st, const char *movement, const char *case_ref,
			       const char *board, const char *alight);
	int (*standby_cancel)(struct cor_store *st, const char *movement, const char *case_ref,
			      const char *actor, const char *reason);
};

extern const struct cor_store_movement_ops cor_sqlite_movement_ops;
extern const struct cor_store_movement_ops cor_pg_movement_ops;

#endif

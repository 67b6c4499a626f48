// SPDX-License-Identifier: Apache-2.0
// The table of the history area (store_history.h) each backend fills in:
// one function pointer per call, with that call's contract. store_history.c
// dispatches through it; nothing outside src/store includes this.
#ifndef COR_STORE_HISTORY_OPS_H
#define COR_STORE_HISTORY_OPS_H

#include "store/store_history.h"
#include "store/store_int.h"

struct cor_store_history_ops {
	int (*counselling)(struct cor_store *st, int64_t case_id, int no, const char *at,
			   const struct cor_counselling *s, const char *actor);
	int (*protection)(struct cor_store *st, int64_t case_id, int64_t person_id,
			  const char *person_ref, enum cor_protection_level level,
			  const char *grounds, const char *at, const char *actor,
			  const char *cleared_at, const char *clearance_reason);
	int (*health)(struct cor_store *st, int64_t case_id, int64_t person_id,
		      const char *person_ref, const struct cor_health_check *h, const char *actor);
	int (*fund_request)(struct cor_store *st, int64_t case_id, int year, const char *reason,
			    const char *kind, int64_t amount, const char *currency, const char *at,
			    const char *actor, long *id);
	int (*fund_approve)(struct cor_store *st, int64_t case_id, long id, const char *at,
			    const char *actor);
	int (*fund_pay)(struct cor_store *st, int64_t case_id, long id, const char *at,
			const char *actor);
	int (*arrival)(struct cor_store *st, int64_t case_id, const char *at, const char *place,
		       const char *actor);
	int (*support_item)(struct cor_store *st, int64_t case_id, int no,
			    enum cor_support_kind kind, const char *description, int64_t amount,
			    const char *currency, const char *planned_at, const char *delivered_at,
			    const char *actor);
	int (*support_visit)(struct cor_store *st, int64_t case_id, int no, const char *at,
			     const char *by, const char *finding, const char *actor);
	int (*movement)(struct cor_store *st, int64_t id, const struct cor_movement *m,
			const char *const at[COR_MSTATE__N], const char *reason, const char *actor);
	int (*booking)(struct cor_store *st, int64_t case_id, int64_t movement_id,
		       const struct cor_movement *m, enum cor_booking_status status,
		       const char *board, const char *alight, int seat_group, const char *at,
		       const char *actor);
	int (*fund_budgets)(struct cor_store *st, const char *at, const char *actor);
};

extern const struct cor_store_history_ops cor_sqlite_history_ops;
extern const struct cor_store_history_ops cor_pg_history_ops;

#endif

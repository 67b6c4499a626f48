// SPDX-License-Identifier: Apache-2.0
// The door of store_history.h: every call goes through the store's history
// table (store_history_ops.h) to its backend.
#include "store/store_history.h"

#include "store/store_history_ops.h"

#define HI(st) (cor_store_head(st)->ops->history)

int cor_store_history_counselling(struct cor_store *st, int64_t case_id, int no, const char *at,
				  const struct cor_counselling *s, const char *actor)
{
	return HI(st)->counselling(st, case_id, no, at, s, actor);
}

int cor_store_history_protection(struct cor_store *st, int64_t case_id, int64_t person_id,
				 const char *person_ref, enum cor_protection_level level,
				 const char *grounds, const char *at, const char *actor,
				 const char *cleared_at, const char *clearance_reason)
{
	return HI(st)->protection(st, case_id, person_id, person_ref, level, grounds, at, actor,
				  cleared_at, clearance_reason);
}

int cor_store_history_health(struct cor_store *st, int64_t case_id, int64_t person_id,
			     const char *person_ref, const struct cor_health_check *h,
			     const char *actor)
{
	return HI(st)->health(st, case_id, person_id, person_ref, h, actor);
}

int cor_store_history_fund_request(struct cor_store *st, int64_t case_id, int year,
				   const char *reason, const char *kind, int64_t amount,
				   const char *currency, const char *at, const char *actor,
				   long *id)
{
	return HI(st)->fund_request(st, case_id, year, reason, kind, amount, currency, at, actor,
				    id);
}

int cor_store_history_fund_approve(struct cor_store *st, int64_t case_id, long id, const char *at,
				   const char *actor)
{
	return HI(st)->fund_approve(st, case_id, id, at, actor);
}

int cor_store_history_fund_pay(struct cor_store *st, int64_t case_id, long id, const char *at,
			       const char *actor)
{
	return HI(st)->fund_pay(st, case_id, id, at, actor);
}

int cor_store_history_arrival(struct cor_store *st, int64_t case_id, const char *at,
			      const char *place, const char *actor)
{
	return HI(st)->arrival(st, case_id, at, place, actor);
}

int cor_store_history_support_item(struct cor_store *st, int64_t case_id, int no,
				   enum cor_support_kind kind, const char *description,
				   int64_t amount, const char *currency, const char *planned_at,
				   const char *delivered_at, const char *actor)
{
	return HI(st)->support_item(st, case_id, no, kind, description, amount, currency,
				    planned_at, delivered_at, actor);
}

int cor_store_history_support_visit(struct cor_store *st, int64_t case_id, int no, const char *at,
				    const char *by, const char *finding, const char *actor)
{
	return HI(st)->support_visit(st, case_id, no, at, by, finding, actor);
}

int cor_store_history_movement(struct cor_store *st, int64_t id, const struct cor_movement *m,
			       const char *const at[COR_MSTATE__N], const char *reason,
			       const char *actor)
{
	return HI(st)->movement(st, id, m, at, reason, actor);
}

int cor_store_history_booking(struct cor_store *st, int64_t case_id, int64_t movement_id,
			      const struct cor_movement *m, enum cor_booking_status status,
			      const char *board, const char *alight, int seat_group, const char *at,
			      const char *actor)
{
	return HI(st)->booking(st, case_id, movement_id, m, status, board, alight, seat_group, at,
			       actor);
}

int cor_store_history_fund_budgets(struct cor_store *st, const char *at, const char *actor)
{
	return HI(st)->fund_budgets(st, at, actor);
}

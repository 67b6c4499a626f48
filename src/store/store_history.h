// SPDX-License-Identifier: Apache-2.0
// Records of work done earlier, written with the times it was done: for the
// demo caseload, and for bringing a caseload over from another system. Each
// call writes its record and the matching event, inside the caller's
// transaction; the caller keeps the records consistent with the case's
// lifecycle (the rules are checked when work is done live, through
// store_workflow.h and store_health.h).
#ifndef COR_STORE_HISTORY_H
#define COR_STORE_HISTORY_H

#include <stdint.h>

#include "domain/counselling.h"
#include "domain/health.h"
#include "domain/movement.h"
#include "domain/protection.h"
#include "domain/support.h"
#include "store/store.h"

/* Counselling session no of a case, held at `at` ("YYYY-MM-DDTHH:MM:SSZ").
 * With an asylum wish, referral 1 is opened to s->refer_to (or UNHCR). */
int cor_store_history_counselling(struct cor_store *st, int64_t case_id, int no, const char *at,
				  const struct cor_counselling *s, const char *actor);
/* A protection assessment of a person (person_ref for the event text); when
 * cleared_at is not NULL, its clearance too. */
int cor_store_history_protection(struct cor_store *st, int64_t case_id, int64_t person_id,
				 const char *person_ref, enum cor_protection_level level,
				 const char *grounds, const char *at, const char *actor,
				 const char *cleared_at, const char *clearance_reason);
/* A health check of a person (the outcome and conditions only: no notes). */
int cor_store_history_health(struct cor_store *st, int64_t case_id, int64_t person_id,
			     const char *person_ref, const struct cor_health_check *h,
			     const char *actor);

/* The stranded-migrant fund: a request on a HASM case made at `at` (*id gets
 * its number), its approval, its payment in full, each at its own time. */
int cor_store_history_fund_request(struct cor_store *st, int64_t case_id, int year,
				   const char *reason, const char *kind, int64_t amount,
				   const char *currency, const char *at, const char *actor,
				   long *id);
int cor_store_history_fund_approve(struct cor_store *st, int64_t case_id, long id, const char *at,
				   const char *actor);
int cor_store_history_fund_pay(struct cor_store *st, int64_t case_id, long id, const char *at,
			       const char *actor);
/* The arrival of a case at `at` in place. */
int cor_store_history_arrival(struct cor_store *st, int64_t case_id, const char *at,
			      const char *place, const char *actor);
/* (Re)integration support: item no planned at planned_at; delivered at
 * delivered_at when not NULL. */
int cor_store_history_support_item(struct cor_store *st, int64_t case_id, int no,
				   enum cor_support_kind kind, const char *description,
				   int64_t amount, const char *currency, const char *planned_at,
				   const char *delivered_at, const char *actor);
/* A follow-up visit on `on` (its event at `at`). */
int cor_store_history_support_visit(struct cor_store *st, int64_t case_id, int no, const char *at,
				    const char *by, const char *finding, const char *actor);

/* Movement m as it stands (m->state), under id (the caller numbers
 * movements and their refs; the table holds none of its own yet), with its
 * history: created at at[COR_MSTATE_PLANNED], then an event for each state it
 * went through, in the order planned -> open -> closed -> departed ->
 * arrived, at at[state] (NULL: not reached); at[COR_MSTATE_CANCELLED] with
 * reason for a cancellation. The movement's created_at is at[PLANNED]. */
int cor_store_history_movement(struct cor_store *st, int64_t id, const struct cor_movement *m,
			       const char *const at[COR_MSTATE__N], const char *reason,
			       const char *actor);
/* A booking of case_id on movement m (id movement_id, which may be written
 * later in the same batch) from board to alight, as seat group seat_group,
 * made at `at` and now in status (booked, no_show or departed), with the
 * case's event of the booking worded as the live booking words it:
 * "travel_ready -> booked", "on ET 3412 (LY-TIP-MV-2026-0012), MJI -> LOS". */
int cor_store_history_booking(struct cor_store *st, int64_t case_id, int64_t movement_id,
			      const struct cor_movement *m, enum cor_booking_status status,
			      const char *board, const char *alight, int seat_group, const char *at,
			      const char *actor);

/* Give every office a budget for each year and currency it approved money
 * in: what it approved and a quarter more, rounded up to 100,000 minor
 * units. For generated caseloads, whose approvals come first. */
int cor_store_history_fund_budgets(struct cor_store *st, const char *at, const char *actor);

#endif

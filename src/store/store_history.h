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
				   const char *currency, const char *at, const char *actor, long *id);
int cor_store_history_fund_approve(struct cor_store *st, int64_t case_id, long id,
				   const char *at, const char *actor);
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
int cor_store_history_support_visit(struct cor_store *st, int64_t case_id, int no,
				    const char *at, const char *by, const char *finding,
				    const char *actor);

/* Give every office a budget for each year and currency it approved money
 * in: what it approved and a quarter more, rounded up to 100,000 minor
 * units. For generated caseloads, whose approvals come first. */
int cor_store_history_fund_budgets(struct cor_store *st, const char *at, const char *actor);

#endif

// SPDX-License-Identifier: Apache-2.0
// The planner's input read from the store, and its plan written back.
//
// A candidate is a case in state travel_ready that meets every eligibility
// criterion on the reference day, or (unless replanning) a case booked on
// an open movement of the horizon, which is then fixed to that movement.
// What the planner needs of a case is derived here from its records, in one
// place:
//  - travellers: the persons of the case, each taking a seat;
//  - stretcher, WCHC and WCHS places: travellers whose latest fitness check
//    has that condition; medical: those with medical_escort, oxygen or a
//    stretcher (they travel with a medical escort);
//  - available_from: the case's available_on day (0:00 UTC), else none;
//  - valid_until: for each traveller, the later of the ends of their
//    accepted documents (the day after expiry, 0:00 UTC, less the
//    programme's margin) and, where a fitness window applies, their fitness
//    check's time plus the window; the earliest over travellers;
//  - deadline: the priority engine's deadline day, to its end.
// Movements are the open ones whose first leg departs in [now, now +
// horizon), with their legs, the countries of their places, quotas and
// escort seats.
#ifndef COR_STORE_PLAN_H
#define COR_STORE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/eligibility.h"
#include "plan/plan.h"
#include "store/store.h"

struct cor_plan_query {
	int64_t now;           /* UTC seconds: the reference time */
	int64_t horizon;       /* seconds after now */
	bool replan;           /* bookings on open movements are candidates again, not fixed */
	const char *movement;  /* only this movement (any state but cancelled); NULL: the horizon */
	const char *with_case; /* also this case, whatever its state (a booking being checked) */
};

/* A case that is travel-ready but not a candidate. */
struct cor_plan_skip {
	char ref[COR_PLAN_REF_MAX + 1];
	int persons;
	char why[160]; /* "not eligible: FITNESS_EXPIRED, DOC_EXPIRES_BEFORE_TRAVEL" */
};

/* The input and what it owns. */
struct cor_plan_load {
	struct cor_plan_input in;
	struct cor_plan_case *cases;
	int64_t *case_ids;
	bool *booked; /* per case: it holds a booking (fixed unless replanning) */
	struct cor_plan_movement *movements;
	int64_t *movement_ids;
	struct cor_plan_leg *legs;
	struct cor_plan_quota *quotas;
	struct cor_plan_skip *skipped;
	size_t nskipped;
};

/* Read the planner's input for q under cfg (rules: fitness windows and
 * document margins; priority deadlines). *out is zeroed first; free with
 * cor_store_plan_release. */
int cor_store_plan_load(struct cor_store *st, const struct cor_plan_query *q,
			const struct cor_rules_config *cfg, struct cor_plan_load *out);
void cor_store_plan_release(struct cor_plan_load *l);

/* What writing a plan did. */
struct cor_plan_written {
	int booked;   /* cases newly booked */
	int unbooked; /* cases taken off a movement (replanning only) */
	int moved;    /* cases moved from one movement to another (replanning) */
};
/* Write res (a plan of l->in) as bookings, as actor, in one transaction:
 * every newly placed case is booked (travel_ready -> booked, event naming
 * the movement); when replanning, cases whose movement changed are moved
 * and cases left out are unbooked, each with its event. */
int cor_store_plan_write(struct cor_store *st, const struct cor_plan_load *l,
			 const struct cor_plan_result *res, const char *actor,
			 struct cor_plan_written *out);

#endif

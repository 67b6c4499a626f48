// SPDX-License-Identifier: Apache-2.0
// plan.run: put travel-ready cases on the open movements of the horizon in
// one operation: read the planner's input (store_plan.h) under the rules in
// force, plan (src/plan), and, unless it is a dry run, write the plan as
// bookings, all in one transaction, so that what is written is the plan of
// what was read.
#ifndef COR_SERVICE_PLAN_H
#define COR_SERVICE_PLAN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "plan/plan.h"
#include "service/service.h"
#include "store/store_plan.h"

#define COR_PLAN_HORIZON_DAYS 14 /* the default horizon */

struct cor_svc_plan_in {
	int64_t now;      /* UTC seconds, the planning time; 0: the context's now */
	int horizon_days; /* 1..366; 0: COR_PLAN_HORIZON_DAYS */
	bool replan;      /* bookings on open movements are planned again, not kept */
	bool dry_run;     /* plan only: nothing is written (a read operation) */
	int escort_ratio; /* 1..50; 0: the planner's default */
	int time_limit;   /* seconds, 1..86400; 0: the planner's default */
	FILE *lp;         /* when not NULL: the model is written there (CPLEX LP) first */
};

struct cor_svc_plan_out {
	int64_t now;                  /* the planning time used */
	int horizon_days;             /* the horizon used */
	bool replan, dry_run;         /* as asked */
	struct cor_plan_load load;    /* the input read, and who was not eligible */
	struct cor_plan_result res;   /* the plan */
	struct cor_plan_written done; /* what was written (zero for a dry run) */
};

/* The planner's input for q under cfg (*out zeroed first; free with
 * cor_store_plan_release), from the store's records (store_plan.h). A
 * candidate is a case in state travel_ready that meets every eligibility
 * criterion on the reference day (else it is listed in out->skipped with its
 * unmet codes), or (unless replanning) a case booked on a movement of the
 * horizon, then fixed to it; with q->with_case, that case whatever its
 * state. What the planner needs of a case:
 *  - travellers: the persons of the case, each taking a seat;
 *  - stretcher, WCHC and WCHS places: travellers whose latest fitness check
 *    has that condition; medical: those with medical_escort, oxygen or a
 *    stretcher (they travel with a medical escort);
 *  - available_from: the case's available day (0:00 UTC), else none;
 *  - valid_until: for each traveller, the later of the ends of their
 *    accepted documents (the day after expiry, 0:00 UTC, less the
 *    programme's margin) and, where a fitness window applies, their fitness
 *    check's time plus the window; the earliest over travellers;
 *  - deadline: the priority engine's deadline day, to its end.
 * Named escorts take their seats off every leg and off the escort seats;
 * the medical ones count towards the escorts medical travellers need. */
int cor_svc_plan_load(struct cor_store *st, const struct cor_plan_query *q,
		      const struct cor_rules_config *cfg, struct cor_plan_load *out);

/* Plan (and write, unless in->dry_run). out is owned by the caller, to free
 * with cor_svc_plan_release, also after a failure. Refusals: BAD_PARAMETER
 * (horizon_days, escort_ratio, time_limit), INVALID (an input the planner
 * refuses), STORE_FAILED (the model could not be written). */
int cor_svc_plan_run(struct cor_ctx *cx, const struct cor_svc_plan_in *in,
		     struct cor_svc_plan_out *out);
void cor_svc_plan_release(struct cor_svc_plan_out *out);

/* What the plan does with candidate i against the bookings held when it
 * was read: where it boards (board, "" when left out), and whether it is
 * added (it held none), kept (on the movement it holds), moved (from the
 * movement it held, *from its index) or removed (a replan leaves it out). */
enum cor_plan_change {
	COR_PLAN_NONE, /* left out, as it was */
	COR_PLAN_ADDED,
	COR_PLAN_KEPT,
	COR_PLAN_MOVED,
	COR_PLAN_REMOVED,
};
enum cor_plan_change cor_svc_plan_change(const struct cor_svc_plan_out *out, size_t i,
					 char board[COR_PLAN_PLACE_MAX + 1], int *from);
/* "added", "kept", "moved", "removed"; "" for none. */
const char *cor_svc_plan_change_name(enum cor_plan_change c);

/* The plan as the API serves it:
 * {"now","horizon_days","replan","dry_run",
 *  "candidates":{"cases","persons","kept"},
 *  "placed":{"cases","persons","weighted_persons"},
 *  "value","bound","gap","optimal","timed_out","seconds",
 *  "movements":[{"ref","label","departs","escorts","persons","cases":[case refs],
 *                 "travellers":[{"case","persons","board","ssr":[codes],
 *                                "change":"added"|"kept"|"moved","from":ref|null}]}],
 *  "removed":[{"case","persons","from","why","reason"}],
 *  "left_out":[{"case","persons","level","why","reason"}],
 *  "not_eligible":[{"case","persons","why"}],
 *  "written":{"booked","moved","unbooked"} or null for a dry run}
 * New reference, or NULL when out of memory. */
json_t *cor_svc_plan_json(const struct cor_svc_plan_out *out);

extern const struct cor_op *const cor_ops_plan[];

#endif

// SPDX-License-Identifier: Apache-2.0
// The records the planner's input is made of, and its plan written back.
// The store reads: the movements of a query (the open ones whose first leg
// departs in [now, now + horizon), or one movement), with their legs, the
// countries of their places, quotas and the escorts named on them; the
// bookings held on them; a case's available day; a movement's booked cases.
// Which cases are candidates, what each needs and until when it can travel,
// and what named escorts take from a movement are the operations layer's
// (service/plan.h, cor_svc_plan_load), from the facts loader's records.
#ifndef COR_STORE_PLAN_H
#define COR_STORE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/eligibility.h"
#include "domain/movement.h"
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

/* The input and what it owns (free with cor_store_plan_release). */
struct cor_plan_load {
	struct cor_plan_input in;
	struct cor_plan_case *cases;
	int64_t *case_ids;
	bool *booked; /* per case: it holds a booking (fixed unless replanning) */
	struct cor_plan_movement *movements;
	int64_t *movement_ids;
	struct cor_plan_leg *legs;
	struct cor_plan_quota *quotas;
	int *named, *named_medical; /* per movement: escorts named, medical ones among them */
	struct cor_plan_skip *skipped;
	size_t nskipped;
	int *held;       /* per case: the movement it holds a booking on, else -1 */
	char (*ssr)[40]; /* per case: its travellers' SSR codes, "WCHC,MEDA" ("" none) */
	struct cor_plan_reach *reaches; /* where the cases' locations reach */
	size_t nreaches;
	char (*reach_places)[COR_PLAN_PLACE_MAX + 1]; /* the reaches' places */
};

/* A booking held on a movement of a load: the case's id, the movement's index. */
struct cor_plan_held {
	int64_t case_id;
	int movement;
};

/* The movements q selects into l (zeroed by the caller), by first
 * departure then reference: l->movements, movement_ids, legs (their
 * capacity as stored), quotas, named and named_medical; l->in's movements
 * and quotas point at them. */
int cor_store_plan_movements(struct cor_store *st, const struct cor_plan_query *q,
			     struct cor_plan_load *l);
/* The bookings held (status booked) on l's movements, sorted by case id;
 * *held is returned for the caller to free. */
int cor_store_plan_held(struct cor_store *st, const struct cor_plan_load *l,
			struct cor_plan_held **held, size_t *n);
/* The day case_id can travel from (its available_on, 0:00 UTC), 0 when none. */
int cor_store_plan_available(struct cor_store *st, int64_t case_id, int64_t *from);
/* A case's available day: its id and the day (0:00 UTC). */
struct cor_plan_avail {
	int64_t case_id, from;
};
/* Every case with an available day, by case id; *out for the caller to
 * free. One read for a load over the horizon, where asking for each
 * candidate's would cost a round trip each on a server. */
int cor_store_plan_available_all(struct cor_store *st, struct cor_plan_avail **out, size_t *n);
/* The cases booked on movement ref, by seat group; *refs for the caller to free. */
int cor_store_plan_booked(struct cor_store *st, const char *ref, char (**refs)[32], size_t *n);
/* Free what a load (cor_svc_plan_load, service/plan.h) holds. */
void cor_store_plan_release(struct cor_plan_load *l);

/* What writing a plan did. */
struct cor_plan_written {
	int booked;   /* cases newly booked */
	int unbooked; /* cases taken off a movement (replanning only) */
	int moved;    /* cases moved from one movement to another (replanning) */
};
/* Where a case placed by a plan boards and leaves its movement. */
struct cor_plan_places {
	char board[COR_PLAN_PLACE_MAX + 1], alight[COR_PLAN_PLACE_MAX + 1];
};
/* Write the booking records of res (a plan of l->in), as actor: a booking
 * row for every newly placed case (from places[i].board to
 * places[i].alight), and, when replanning, every case whose movement
 * changed moved with its event. The cases' moves (travel_ready -> booked
 * for the new, booked -> travel_ready for those left out) are the
 * operations layer's (service/plan.c), in the same transaction; out->booked
 * counts the rows written, out->moved the bookings moved, out->unbooked is
 * left 0. Outside a transaction, its own transaction; inside one, it takes
 * no savepoint of its own (it would slow every write of a large plan): on a
 * failure the caller must roll its transaction back, as the operations
 * layer's dispatcher does. */
int cor_store_plan_write(struct cor_store *st, const struct cor_plan_load *l,
			 const struct cor_plan_result *res, const struct cor_plan_places *places,
			 const char *actor, struct cor_plan_written *out);

/* ---- where people are ---------------------------------------------- */

/* An assembly point (never an office): COR_EEXIST when its code is taken. */
int cor_store_location_add(struct cor_store *st, const struct cor_location *loc);
/* A location by code: an assembly point, or an office (kind
 * COR_LOCATION_OFFICE, its name and country); COR_ENOTFOUND. */
int cor_store_location_get(struct cor_store *st, const char *code, struct cor_location *out);
/* Every assembly point, by code, to cb (a non-zero return stops it). */
int cor_store_location_each(struct cor_store *st,
			    int (*cb)(const struct cor_location *loc, void *ctx), void *ctx);
/* Where case ref is: out gets its location's code, "" when it is at its
 * office; COR_ENOTFOUND when there is no such case. */
int cor_store_case_location(struct cor_store *st, const char *ref,
			    char out[COR_LOCATION_CODE_MAX + 1]);
/* Put case ref at location (NULL: back at its office), with an event
 * "located" (detail and reason as given), in one unit. */
int cor_store_case_locate(struct cor_store *st, const char *ref, const char *location,
			  const char *detail, const char *actor, const char *reason);
/* Record (or change) how r->location reaches r->place. */
int cor_store_reach_put(struct cor_store *st, const struct cor_place_reach *r);
/* Forget how location reaches place; COR_ENOTFOUND when it was not recorded. */
int cor_store_reach_remove(struct cor_store *st, const char *place, const char *location);
/* The reach recorded for location (NULL: every location), by location and
 * place, to cb (a non-zero return stops it). */
int cor_store_reach_each(struct cor_store *st, const char *location,
			 int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx);
/* A case away from its office: its id and location. */
struct cor_plan_located {
	int64_t case_id;
	char location[COR_LOCATION_CODE_MAX + 1];
};
/* Every case with a location of its own, by case id; *out for the caller
 * to free (one read for a load over the horizon, as for available days). */
int cor_store_plan_located_all(struct cor_store *st, struct cor_plan_located **out, size_t *n);
/* Set the location of many cases at once (rows[i].location "": at its
 * office), with no event: for data made where the cases already are (the
 * demo). Inside a large write too. */
int cor_store_cases_locate(struct cor_store *st, const struct cor_plan_located *rows, size_t n);

#endif

// SPDX-License-Identifier: Apache-2.0
// The pre-departure check: may the travellers booked on a movement leave?
// For each booked case, its programme's eligibility rules evaluated on the
// departure of the leg it boards (the day, and the minute for the fitness
// window): fitness to travel still valid and neither unfit nor deferred,
// travel documents valid for the travel date, counselling and the informed
// decision, protection assessed and cleared, no open referral or asylum
// hold, whatever its table asks. Then the movement's whole load against its
// capacity: seats, stretcher and wheelchair places per leg, escort seats,
// quotas (the planner's own model). Every blocker is listed, by traveller.
//
// movement.check runs it on demand (a read); movement.set_state runs it
// before closing and before departing and refuses (DEPARTURE_BLOCKED, each
// blocker a cause) while any blocker stands: the case is fixed or taken off
// (booking.cancel) first.
#ifndef COR_SERVICE_DEPARTURE_H
#define COR_SERVICE_DEPARTURE_H

#include <jansson.h>
#include <stddef.h>

#include "domain/movement.h"
#include "service/service.h"

struct cor_departure_blocker {
	char case_ref[32];             /* "" for the movement's capacity */
	char who[40];                  /* a traveller's ID, a case's, or the movement's */
	char criterion[24];            /* "FITNESS", "TRAVEL_DOCUMENT", ..., "CAPACITY" */
	char code[40];                 /* "FITNESS_EXPIRED", ..., "CAPACITY" */
	char message[COR_MESSAGE_MAX]; /* for a person */
};

struct cor_departure {
	char movement[COR_MOVEMENT_REF_MAX + 1];
	char label[24];
	int cases, travellers; /* booked */
	size_t n, cap;
	struct cor_departure_blocker *blockers; /* n of them; cor_departure_release */
};

/* Run the check on movement m into out (zeroed first). 0, whatever it
 * finds; a failure to read sets cx->err. */
int cor_departure_check(struct cor_ctx *cx, const struct cor_movement *m,
			struct cor_departure *out);
void cor_departure_release(struct cor_departure *d);
/* Refuse doing ("close", "depart") on cx->err with DEPARTURE_BLOCKED and
 * each blocker a cause; returns the cor_err. d must hold a blocker. */
int cor_departure_refuse(struct cor_ctx *cx, const struct cor_departure *d, const char *doing);
/* {"movement","label","cases","travellers","clear",
 *  "blockers":[{"case","who","criterion","code","message"}]} */
json_t *cor_departure_json(const struct cor_departure *d);

/* movement.check: the check of movement ref, on demand. */
int cor_svc_movement_check(struct cor_ctx *cx, const char *ref, struct cor_departure *out);

#endif

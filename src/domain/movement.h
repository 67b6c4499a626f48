// SPDX-License-Identifier: Apache-2.0
// Movements: charter flights, scheduled flights with block seats, vessels
// and land convoys, each one or more legs between places (IATA airport codes,
// UN/LOCODE for ports and towns), with times in UTC and capacity per leg;
// and the bookings of cases on them. Pure C: names, validation and the
// movement's own lifecycle.
//
//   planned -> open -> closed (manifest closed) -> departed -> arrived
//   planned | open | closed -> cancelled;  closed -> open (reopened)
//
// Only open movements are planned on; closing the manifest freezes the
// passenger list except for the day's no-shows and stand-bys; departure
// moves every booked case to departed.
#ifndef COR_MOVEMENT_H
#define COR_MOVEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/date.h"
#include "domain/lifecycle.h"

#define COR_MOVEMENT_LEGS_MAX 8
#define COR_MOVEMENT_REF_MAX  24 /* "LY-TIP-MV-2026-0001" */
#define COR_PLACE_NAME_MAX    63

enum cor_movement_kind {
	COR_MOVEMENT_CHARTER,
	COR_MOVEMENT_SCHEDULED, /* a scheduled flight with block seats */
	COR_MOVEMENT_VESSEL,
	COR_MOVEMENT_CONVOY,
	COR_MOVEMENT_KIND__N
};

enum cor_movement_state {
	COR_MSTATE_PLANNED,
	COR_MSTATE_OPEN,
	COR_MSTATE_CLOSED,
	COR_MSTATE_DEPARTED,
	COR_MSTATE_ARRIVED,
	COR_MSTATE_CANCELLED,
	COR_MSTATE__N
};

enum cor_place_kind { COR_PLACE_AIRPORT, COR_PLACE_PORT, COR_PLACE_LAND, COR_PLACE__N };

/* What becomes of a booking. */
enum cor_booking_status {
	COR_BOOKING_BOOKED,    /* has a seat; on the manifest */
	COR_BOOKING_STANDBY,   /* waits for a seat freed on the day */
	COR_BOOKING_NO_SHOW,   /* did not report on the day */
	COR_BOOKING_DEPARTED,  /* left on the movement */
	COR_BOOKING_CANCELLED, /* unbooked, or the movement was cancelled */
	COR_BOOKING__N
};

struct cor_place {
	char code[6]; /* "TIP" or "LYTIP" */
	enum cor_place_kind kind;
	char name[COR_PLACE_NAME_MAX + 1];
	char country[4]; /* ISO alpha-3 */
	char tz[48];     /* IANA zone */
};

struct cor_leg {
	int seq;             /* 1-based */
	char from[6], to[6]; /* place codes */
	char number[16]; /* flight number ("ET3412"), vessel or convoy name; may differ per leg */
	char carrier[4]; /* the leg's own carrier (IATA designator), "": the movement's */
	int64_t departs, arrives; /* UTC seconds */
	int seats, stretchers, wchc, wchs;
};

struct cor_movement {
	char ref[COR_MOVEMENT_REF_MAX + 1];
	enum cor_movement_kind kind;
	char label[24];  /* "ET 3412" */
	char carrier[4]; /* IATA airline designator, "" for vessels and convoys */
	char office[8];  /* the office that runs it */
	enum cor_movement_state state;
	int escort_seats; /* the most escorts it carries */
	int nlegs;
	struct cor_leg legs[COR_MOVEMENT_LEGS_MAX];
};

/* Where people are: a case is at its office, or at an assembly point of
 * its country (a detention centre, a town, a transit centre). */
enum cor_location_kind {
	COR_LOCATION_OFFICE, /* an office: no record of its own */
	COR_LOCATION_DETENTION,
	COR_LOCATION_TOWN,
	COR_LOCATION_TRANSIT,
	COR_LOCATION__N
};
#define COR_LOCATION_CODE_MAX 16

struct cor_location {
	char code[COR_LOCATION_CODE_MAX + 1]; /* "LY-TIP" (an office), "LY-TIP-DC01" */
	enum cor_location_kind kind;
	char country[4]; /* ISO alpha-3 */
	char name[COR_PLACE_NAME_MAX + 1];
};

/* How a location reaches a place where movements board. */
enum cor_reach_mode {
	COR_REACH_ROAD, /* by road, in about hours */
	COR_REACH_LEG,  /* by a domestic leg of its own (a flight or a boat) */
	COR_REACH__N
};

struct cor_place_reach {
	char place[6];
	char location[COR_LOCATION_CODE_MAX + 1];
	enum cor_reach_mode mode;
	int hours; /* 0..999 */
};

const char *cor_location_kind_name(enum cor_location_kind k); /* "office", "detention", ... */
int cor_location_kind_parse(const char *s, enum cor_location_kind *out);
const char *cor_reach_mode_name(enum cor_reach_mode m); /* "road", "leg" */
int cor_reach_mode_parse(const char *s, enum cor_reach_mode *out);
/* An assembly point's code: 7 to 16 capital letters, digits and '-', so
 * never an office's code (6 characters). */
bool cor_location_code_is_valid(const char *code);

const char *cor_movement_kind_name(enum cor_movement_kind k); /* "charter", ... */
int cor_movement_kind_parse(const char *s, enum cor_movement_kind *out);
const char *cor_movement_state_name(enum cor_movement_state s); /* "planned", ... */
int cor_movement_state_parse(const char *s, enum cor_movement_state *out);
const char *cor_place_kind_name(enum cor_place_kind k); /* "airport", "port", "land" */
int cor_place_kind_parse(const char *s, enum cor_place_kind *out);
const char *cor_booking_status_name(enum cor_booking_status s); /* "booked", ... */
int cor_booking_status_parse(const char *s, enum cor_booking_status *out);

/* Can a movement go from state a to state b? */
bool cor_movement_can(enum cor_movement_state a, enum cor_movement_state b);
/* The states a movement can go to from s, ", "-joined, into buf. */
char *cor_movement_next(enum cor_movement_state s, char *buf, size_t len);
/* Does going to b need a reason (cancel, reopen)? */
bool cor_movement_needs_reason(enum cor_movement_state a, enum cor_movement_state b);

/* A place code: an IATA airport code (three capital letters) or a UN/LOCODE
 * (two capital letters of the country, three capital letters or digits 2-9). */
bool cor_place_code_is_valid(const char *code);
/* A flight number, vessel or convoy name for a leg: 1..15 printable ASCII
 * characters without ' + : ? (they would need escaping in PAXLST). */
bool cor_leg_number_is_valid(const char *s);
/* An IATA airline designator: two letters or digits, or three letters (ICAO). */
bool cor_carrier_is_valid(const char *s);

/* Parse a leg written as comma-separated KEY=VALUE pairs:
 * "from=MJI,to=LOS,departs=2026-12-01T07:00Z,arrives=2026-12-01T12:10Z,seats=180"
 * with optional stretchers=N, wchc=N, wchs=N (0..9999; seats 1..9999),
 * number=ET3412 (default: label without its spaces) and carrier=ET (the
 * leg's own carrier; default: the movement's). On a problem
 * COR_EINVAL with msg naming the key ("departs: '2026-12-01 07:00' is not a
 * UTC time (YYYY-MM-DDTHH:MMZ)"). Checks each value's form only:
 * cor_movement_validate checks the legs together. */
int cor_leg_parse(const char *spec, const char *label, struct cor_leg *out, char *msg,
		  size_t msglen);

/* Check a movement before it is stored: legs in order, each leg's to the
 * next one's from, times that run forwards (each leg arrives after it
 * departs, and departs no earlier than the previous leg arrives), capacities
 * not negative and at least one seat. On a problem COR_EINVAL with msg
 * naming the leg and the field ("leg 2: departs 2026-12-01T08:00Z before leg
 * 1 arrives 2026-12-01T09:10Z"). Place codes are checked for form only: the
 * store checks that they are known places. */
int cor_movement_validate(const struct cor_movement *m, char *msg, size_t msglen);

/* ---- the fit of a booking -------------------------------------------- */

struct cor_plan_input;
struct cor_plan_case;
struct cor_plan_movement;
struct cor_error;

/* The legs (indexes) case c boards and leaves movement m by: the first leg
 * leaving its origin country from a place it reaches (cor_plan_journey),
 * the first at or after it reaching its destination country. COR_EINVAL when the movement does not
 * take it. */
int cor_booking_journey(const struct cor_plan_case *c, const struct cor_plan_movement *m,
			int *board, int *alight);

/* Would movement 0 of in keep every constraint of the planner's model with
 * case at on it, beside the cases fixed to it (fixed == 0)? in holds that
 * one movement, its named escorts already taken off (as the planner's input
 * has them). Refuses, on e, with:
 *  - REFUSED, field "movement": the movement does not go from the case's
 *    origin to its destination;
 *  - REFUSED, field "case": the case cannot board it at that time, or it
 *    goes there but boards nowhere the case's location reaches;
 *  - CAPACITY, field "movement": every constraint that would break (seats,
 *    stretcher, WCHC and WCHS places per leg, escort seats for its medical
 *    travellers, office quotas), each as a cause of its own.
 * The message names the case and the movement, label first ("case 'X'
 * cannot go on MS 801 ('REF')"). */
int cor_booking_fit(const struct cor_plan_input *in, size_t at, struct cor_error *e);
/* Do the cases fixed to movement 0 of in (its bookings) keep every
 * capacity constraint of the planner's model: seats, stretcher, WCHC and
 * WCHS places per leg, escort seats, office quotas? 0 when they do;
 * otherwise CAPACITY on e ("the travellers booked on movement 'REF' (LABEL)
 * do not fit it") with every broken constraint a cause, and COR_EINVAL. */
int cor_movement_load_fit(const struct cor_plan_input *in, struct cor_error *e);

/* ---- named escorts ----------------------------------------------------- */

/* May a named escort travel on day, as a traveller may? Born from 1900 and
 * at least COR_ESCORT_MIN_AGE years old on day; a passport (when has_passport)
 * valid on day. 0, or COR_EINVAL with why: code INVALID, field "birth_date"
 * or "expires_on". The movement's escorts are checked when named or
 * corrected (on the last leg's day), and again by the pre-departure check. */
#define COR_ESCORT_MIN_AGE 18
int cor_escort_travel_check(struct cor_date birth, bool has_passport, bool has_expiry,
			    struct cor_date expires, struct cor_date day, struct cor_refusal *why);

#endif

// SPDX-License-Identifier: Apache-2.0
// The movements part of the store: places, movements with their legs,
// quotas and escorts, and the bookings of cases on them, with the day of
// departure (manifest closure, no-shows, stand-bys, departure, arrival).
// Callers see domain records, never SQL (the backends are
// sqlite_movement.c and pg_movement.c; store_movement.c checks the fields of
// a record before either writes it).
//
// Invariants every backend keeps:
//  - each write is one unit: outside a transaction its own transaction,
//    inside one a savepoint; refused or failed, it changes nothing;
//  - a case is booked (state 'booked') exactly when it has one booking in
//    status 'booked': the store writes the booking rows, and the case's
//    moves (with every lifecycle rule) are the operations layer's, in the
//    same transaction; a move out of 'booked' takes the booking with it
//    (store_workflow.h);
//  - every change of a movement appends an event to the movement's history
//    (event.movement_id), every change of a booking one to the case's;
//  - the store holds records, not rules: whether a booking fits (capacity
//    per leg, special places, escorts, quotas, route, dates), which state
//    allows which change, and how many escorts a movement takes are the
//    operations layer's (service/movement.h), checked before it writes.
#ifndef COR_STORE_MOVEMENT_H
#define COR_STORE_MOVEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/case.h"
#include "domain/date.h"
#include "domain/movement.h"
#include "store/store.h"

/* ---- places ------------------------------------------------------------ */

/* Add a place. COR_EEXIST, COR_EINVAL (code, country or zone not valid). */
int cor_store_place_add(struct cor_store *st, const struct cor_place *p);
/* COR_ENOTFOUND with a message naming the code. */
int cor_store_place_get(struct cor_store *st, const char *code, struct cor_place *out);
/* Every place, by code. */
int cor_store_place_each(struct cor_store *st, int (*cb)(const struct cor_place *p, void *ctx),
			 void *ctx);

/* ---- movements --------------------------------------------------------- */

/* Add movement m in state planned (or open when m->state says so), as
 * actor; m->ref gets its reference "OFFICE-MV-YEAR-NNNN" (the year of its
 * first departure). Validates m (cor_movement_validate) and that its office
 * and places exist: COR_EINVAL / COR_ENOTFOUND with a message. */
int cor_store_movement_add(struct cor_store *st, struct cor_movement *m, const char *actor);
/* COR_ENOTFOUND: "no movement 'REF'". */
int cor_store_movement_get(struct cor_store *st, const char *ref, struct cor_movement *out);

/* The movement's history, oldest first. */
int cor_store_movement_events(struct cor_store *st, const char *ref,
			      int (*cb)(const struct cor_event *e, void *ctx), void *ctx);
/* Set the day case ref can travel from (NULL: now), as actor, with an event. */
int cor_store_case_available(struct cor_store *st, const char *ref, const struct cor_date *on,
			     const char *actor, const char *reason);

/* What a listing shows besides the movement. */
struct cor_movement_load {
	int cases, persons; /* booked, or on board once it departed */
	int standby;        /* cases on stand-by */
	int escorts;        /* named escorts */
	int seats_free;     /* on the fullest leg, named escorts taking theirs */
};
struct cor_movement_query {
	const char *state;  /* NULL: any */
	const char *office; /* NULL: any */
	int64_t from, to;   /* first departure in [from, to); 0: unbounded */
};
/* The movements q selects, by first departure then reference. */
int cor_store_movement_each(struct cor_store *st, const struct cor_movement_query *q,
			    int (*cb)(const struct cor_movement *m,
				      const struct cor_movement_load *l, void *ctx),
			    void *ctx);

/* What a change of a movement's state did. */
struct cor_movement_change {
	enum cor_movement_state from;
	int cases;    /* cases whose state changed with it */
	int released; /* stand-bys released */
};
/* Move movement ref to state to, as actor, with reason (the operations
 * layer checks that the change is allowed and has its reason: the store
 * writes it, with the movement's event). Closing, departing and cancelling
 * release the stand-bys left (res->released), each with its case's event.
 * The cases' own changes (departing, arriving, unbooking) are the
 * operations layer's moves (service/movement.c); res->cases is left 0. */
int cor_store_movement_set_state(struct cor_store *st, const char *ref, enum cor_movement_state to,
				 const char *actor, const char *reason,
				 struct cor_movement_change *res);
/* Set (seats >= 0) or clear (seats < 0) the quota of office on movement
 * ref. */
int cor_store_movement_quota(struct cor_store *st, const char *ref, const char *office, int seats,
			     const char *actor);
/* The quotas of movement ref. */
int cor_store_movement_quota_each(struct cor_store *st, const char *ref,
				  int (*cb)(const char *office, int seats, void *ctx), void *ctx);
/* An escort: staff travelling with the movement's travellers, a passenger
 * on its manifest like them. */
struct cor_escort {
	int no;                                /* on the movement: 1, 2, ... */
	char family_name[64], given_names[64]; /* Latin script, as on the passport */
	char sex;                              /* 'F', 'M', 'X' */
	struct cor_date birth_date;
	char nationality[4];
	char passport[COR_DOCNO_MAX + 1]; /* "" when none is recorded */
	char issuer[4];
	struct cor_date expires_on;
	bool has_expiry;
	bool medical; /* a doctor or nurse (medical escort), else operational */
};
/* Name escort e on movement ref (numbered next). COR_EINVAL (a field). */
int cor_store_movement_escort_add(struct cor_store *st, const char *ref, const struct cor_escort *e,
				  const char *actor);
int cor_store_movement_escort_each(struct cor_store *st, const char *ref,
				   int (*cb)(const struct cor_escort *e, void *ctx), void *ctx);

/* ---- bookings ---------------------------------------------------------- */

struct cor_booking {
	char case_ref[32];
	char movement_ref[COR_MOVEMENT_REF_MAX + 1];
	enum cor_booking_status status;
	char board[6], alight[6]; /* places */
	char seat_group[8];       /* "G001" */
	int persons;
	char at[COR_TIME_LEN]; /* when booked or put on stand-by */
};

/* Write a booking of case on movement, boarding at board and leaving at
 * alight (places of its legs). Status booked writes the booking row only:
 * the case's move travel_ready -> booked (which needs that row) is the
 * operations layer's, in the same transaction. Status standby keeps the
 * case travel_ready, on the stand-by list, with the case's event. The
 * store checks no rule of capacity or state (service/movement.h).
 * COR_EEXIST when the case already holds a booking or a stand-by. */
int cor_store_booking_put(struct cor_store *st, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *board, const char *alight,
			  const char *actor, const char *reason);
/* As cor_store_booking_put, the journey found from the case's origin and
 * destination countries (the first leg leaving its origin country, the
 * first after it reaching its destination), and a booked case's state set
 * to booked with its event (a record write: no lifecycle check); for tests
 * and tools that write records directly. COR_EINVAL when the movement does
 * not take the case. */
int cor_store_booking_add(struct cor_store *st, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *actor, const char *reason);
/* The bookings of movement ref (all statuses), by seat group. */
int cor_store_booking_each(struct cor_store *st, const char *movement,
			   int (*cb)(const struct cor_booking *b, void *ctx), void *ctx);
/* The booking (booked, or on stand-by) case_ref holds: COR_ENOTFOUND when
 * it holds none. */
int cor_store_case_booking(struct cor_store *st, const char *case_ref, struct cor_booking *out);
/* Append an event to movement ref's history, dated by the store's clock.
 * COR_ENOTFOUND: no movement. */
int cor_store_movement_note(struct cor_store *st, const char *ref, const char *actor,
			    const char *action, const char *detail, const char *reason);
/* The cases holding a booking in status on movement ref, by seat group;
 * *refs for the caller to free. COR_ENOTFOUND: no movement. */
int cor_store_booking_cases(struct cor_store *st, const char *movement,
			    enum cor_booking_status status, char (**refs)[32], size_t *n);
/* A stand-by given a seat: its stand-by is cancelled and a booking row
 * written from board to alight (the case's move to booked is the
 * operations layer's). COR_ENOTFOUND when it holds no stand-by there. */
int cor_store_booking_promote(struct cor_store *st, const char *movement, const char *case_ref,
			      const char *board, const char *alight);
/* Cancel the stand-by of case on movement, with the case's event and
 * reason. COR_ENOTFOUND when it holds none there. (A booked case leaves
 * its booking by its move out of 'booked': store_workflow.h.) */
int cor_store_standby_cancel(struct cor_store *st, const char *movement, const char *case_ref,
			     const char *actor, const char *reason);

#endif

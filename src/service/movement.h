// SPDX-License-Identifier: Apache-2.0
// Places, movements and bookings: every operation on them once (place.*,
// movement.*, booking.*), with the rules the store does not hold: which
// state allows which change, whether a booking fits the movement (the
// planner's own model, every broken constraint listed), how many escorts a
// movement takes, and the stand-bys given the seats a no-show frees.
//
// Refusals (cx->err): MOVEMENT_NOT_FOUND (field "movement"), PLACE_NOT_FOUND,
// OFFICE_NOT_FOUND ("office"), CASE_NOT_FOUND ("case"), BOOKING_NOT_FOUND,
// WRONG_STATE, REASON_REQUIRED ("reason"), CAPACITY (each constraint that
// would break a cause of its own), REFUSED (route or dates), NOT_ELIGIBLE,
// EXISTS, INVALID / BAD_PARAMETER naming the input field.
#ifndef COR_SERVICE_MOVEMENT_H
#define COR_SERVICE_MOVEMENT_H

#include <jansson.h>
#include <stdbool.h>

#include "domain/movement.h"
#include "service/service.h"
#include "store/store_movement.h"
#include "util/tz.h"

/* ---- places ------------------------------------------------------------ */

/* place.add: a place, its code, kind, country, zone and name checked. */
int cor_svc_place_add(struct cor_ctx *cx, const struct cor_place *in);

/* place.list: every place, by code, to cb (a non-zero return stops it). */
struct cor_svc_place_list_in {
	int (*cb)(const struct cor_place *p, void *ctx);
	void *ctx;
};
int cor_svc_place_list(struct cor_ctx *cx, const struct cor_svc_place_list_in *in);
/* {"code":"MJI","kind":"airport","country":"LBY","tz":"Africa/Tripoli","name":...} */
json_t *cor_svc_place_json(const struct cor_place *p);

/* ---- movements --------------------------------------------------------- */

/* movement.add: m (planned, or open) checked and stored; m->ref is set. Its
 * first leg departs in the future; _history records one that already left
 * (its legs may lie in the past). */
int cor_svc_movement_add(struct cor_ctx *cx, struct cor_movement *m);
int cor_svc_movement_add_history(struct cor_ctx *cx, struct cor_movement *m);

/* movement.list: the movements q selects, by first departure, to cb. */
struct cor_svc_movement_row {
	const struct cor_movement *m;
	const struct cor_movement_load *load;
	char departs_local[COR_LOCAL_LEN]; /* the first departure at its place */
};
struct cor_svc_movement_list_in {
	struct cor_movement_query q;
	int (*cb)(const struct cor_svc_movement_row *r, void *ctx);
	void *ctx;
};
int cor_svc_movement_list(struct cor_ctx *cx, const struct cor_svc_movement_list_in *in);
/* {"ref","state","kind","label","office","route":["PZU","CAI"],"departs",
 *  "departs_local","cases","persons","standby","escorts","seats_free"} */
json_t *cor_svc_movement_row_json(const struct cor_svc_movement_row *r);

/* movement.show: the movement, its legs (times in UTC and at the place),
 * quotas, escorts, bookings and history. out->doc, returned for the caller
 * to json_decref:
 * {"ref","kind","label","carrier","office","state","escort_seats",
 *  "legs":[{"seq","number","from","to","departs","departs_local","arrives",
 *           "arrives_local","seats","stretchers","wchc","wchs"}],
 *  "quotas":[{"office","seats"}],
 *  "escorts":[{"no","family_name","given_names","medical"}],
 *  "bookings":[{"case","seat_group","status","persons","board","alight","at"}],
 *  "history":[{"at","actor","action","detail","reason","field","before",
 *   "after"}]} (field, before, after: a correction's, service/correct.h) */
struct cor_svc_movement_show_out {
	json_t *doc;
};
int cor_svc_movement_show(struct cor_ctx *cx, const char *ref,
			  struct cor_svc_movement_show_out *out);

/* movement.set_state: open, close, depart, arrive, cancel, or reopen (a
 * closed manifest back to open: reopen set, to open). Cancelling and
 * reopening need a reason. What happened to the cases goes to out. */
struct cor_svc_movement_state_in {
	const char *ref;
	enum cor_movement_state to;
	bool reopen;
	const char *reason; /* NULL or "" for none */
};
int cor_svc_movement_set_state(struct cor_ctx *cx, const struct cor_svc_movement_state_in *in,
			       struct cor_movement_change *out);

/* movement.quota: set (seats 0..9999) or clear (seats -1) an office's quota,
 * while the movement is planned or open. */
struct cor_svc_quota_in {
	const char *ref, *office;
	int seats;
};
int cor_svc_movement_quota(struct cor_ctx *cx, const struct cor_svc_quota_in *in);

/* movement.escort_add: name an escort, before departure, within the
 * movement's escort seats and a seat free on every leg. */
struct cor_svc_escort_in {
	const char *ref;
	struct cor_escort e;
};
int cor_svc_movement_escort_add(struct cor_ctx *cx, const struct cor_svc_escort_in *in);
/* Check escort e of movement m (INVALID naming the field): a family name,
 * given names of text, sex F, M or X, a nationality, the issuer of a
 * passport; then as a traveller on the day of m's last leg (an adult born
 * from 1900, a passport valid that day: cor_escort_travel_check); and named
 * once on m (EXISTS: no other escort than number self, 0 for a new one,
 * with the same passport or the same names, folded, and birth date). Naming an
 * escort and correcting one share it. */
int cor_svc_escort_check(struct cor_ctx *cx, const struct cor_movement *m,
			 const struct cor_escort *e, int self);

/* ---- bookings ---------------------------------------------------------- */

struct cor_svc_booking_in {
	const char *movement, *case_ref;
	enum cor_booking_status status; /* booking.add: booked or standby */
	const char *reason;             /* cancel and no_show need one */
};
/* booking.add: book a travel-ready, eligible case on an open movement
 * (booked: it must fit every constraint; standby: the route must fit, the
 * movement may be open or closed). out gets where it boards and leaves. */
struct cor_svc_booking_out {
	char board[6], alight[6];
	int promoted; /* booking.no_show: stand-bys given a seat */
};
int cor_svc_booking_add(struct cor_ctx *cx, const struct cor_svc_booking_in *in,
			struct cor_svc_booking_out *out);
/* booking.cancel: take a booked case off (back to travel_ready) or cancel a
 * stand-by. */
int cor_svc_booking_cancel(struct cor_ctx *cx, const struct cor_svc_booking_in *in);
/* booking.no_show: the case did not report; then the stand-bys, in the order
 * they were put on the list, are booked while they fit. */
int cor_svc_booking_no_show(struct cor_ctx *cx, const struct cor_svc_booking_in *in,
			    struct cor_svc_booking_out *out);

/* Take case_ref off the movement it is booked on (or off a stand-by list)
 * at once, as a step of the operation under way, because a record just
 * made says it may not travel (found unfit or deferred, a high protection
 * risk): booked -> travel_ready with why, its seats freed, an event on the
 * case and on the movement. out says where from; out->movement "" when the
 * case held no booking. */
struct cor_svc_taken_off {
	char movement[COR_MOVEMENT_REF_MAX + 1];
	char label[24];
	bool standby; /* it was on the stand-by list, not booked */
	int seats;    /* seats freed: the case's travellers */
};
int cor_svc_take_off(struct cor_ctx *cx, const char *case_ref, const char *why,
		     struct cor_svc_taken_off *out);
/* "case C taken off MS 801 (REF): 2 seats freed", or "" when out took
 * nothing off. Returns buf. */
char *cor_svc_taken_off_line(const char *case_ref, const struct cor_svc_taken_off *out, char *buf,
			     size_t len);
/* {"movement","label","standby","seats"}, or null when nothing was taken off. */
json_t *cor_svc_taken_off_json(const struct cor_svc_taken_off *out);

/* The reason a booked case's move carries: "on LABEL (REF), B -> A[: why]",
 * cut to len - 1 bytes on a character boundary. */
void cor_svc_booking_reason(const char *label, const char *ref, const char *board,
			    const char *alight, const char *why, char *buf, size_t len);
/* Move case ref to to with reason as a step of the operation under way
 * (cor_svc_case_move_within: every rule of case.move). */
int cor_svc_movement_case_move(struct cor_ctx *cx, const char *ref, const char *to,
			       const char *reason);

extern const struct cor_op *const cor_ops_movement[];

#endif

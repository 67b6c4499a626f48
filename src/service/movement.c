// SPDX-License-Identifier: Apache-2.0
// place.*, movement.* and booking.* (see movement.h). The store writes the
// records; the rules are here and in domain/movement.c: a booking is checked
// with cor_booking_fit on the planner's input for the one movement, so a
// booking made by hand keeps exactly the constraints a planned one does.
#include "service/movement.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/country.h"
#include "domain/fold.h"
#include "service/departure.h"
#include "service/json.h"
#include "service/plan.h"
#include "service/support.h"
#include "service/workflow.h"
#include "store/store_plan.h"
#include "util/error.h"

#define OOM(cx) cor_error_set(&(cx)->err, COR_CODE_NO_MEMORY, NULL, "out of memory")

/* ---- the cases' moves ---------------------------------------------------- */

/* s cut to at most len - 1 bytes, not inside a UTF-8 character. */
static void clip(char *s, size_t len)
{
	size_t n = strlen(s);
	if (n < len - 1)
		return;
	n = len - 1;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	s[n] = '\0';
}

/* snprintf into buf, cut on a character boundary. */
static void format_reason(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void format_reason(char *buf, size_t len, const char *fmt, ...)
{
	size_t big = len * 4 + 1024;
	char *tmp = malloc(big);
	va_list ap;
	va_start(ap, fmt);
	if (tmp) {
		vsnprintf(tmp, big, fmt, ap);
		clip(tmp, len);
		snprintf(buf, len, "%s", tmp);
		free(tmp);
	} else {
		vsnprintf(buf, len, fmt, ap);
	}
	va_end(ap);
}

void cor_svc_booking_reason(const char *label, const char *ref, const char *board,
			    const char *alight, const char *why, char *buf, size_t len)
{
	format_reason(buf, len, "on %s (%s), %s -> %s%s%s", label, ref, board, alight,
		      why && *why ? ": " : "", why && *why ? why : "");
}

int cor_svc_movement_case_move(struct cor_ctx *cx, const char *ref, const char *to,
			       const char *reason)
{
	struct cor_svc_case_move_in in = {.ref = ref, .to = to, .reason = reason};
	struct cor_svc_case_move_out out;
	return cor_svc_case_move_within(cx, &in, &out);
}

/* Move every case holding a booking in status on movement m to to. */
static int move_cases(struct cor_ctx *cx, const struct cor_movement *m,
		      enum cor_booking_status status, const char *to, const char *reason,
		      int *moved)
{
	char(*refs)[32] = NULL;
	size_t n = 0;
	int err = cor_store_booking_cases(cx->st, m->ref, status, &refs, &n);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	for (size_t i = 0; err == 0 && i < n; i++)
		err = cor_svc_movement_case_move(cx, refs[i], to, reason);
	free(refs);
	if (err == 0)
		*moved = (int)n;
	return err;
}

/* Confirm the arrival of every departed case of movement m at its last
 * leg's destination (a case confirmed one by one already, or moved on by
 * itself, is left as it is). */
static int arrive_cases(struct cor_ctx *cx, const struct cor_movement *m, int *arrived)
{
	struct cor_place p;
	char(*refs)[32] = NULL, place[128], note[160];
	size_t n = 0;
	int err;
	if ((err = cor_store_place_get(cx->st, m->legs[m->nlegs - 1].to, &p)) < 0 ||
	    (err = cor_store_booking_cases(cx->st, m->ref, COR_BOOKING_DEPARTED, &refs, &n)) < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(place, sizeof(place), "%s (%s)", p.name, p.code);
	format_reason(note, sizeof(note), "arrived on %s (%s)", m->label, m->ref);
	for (size_t i = 0; err == 0 && i < n; i++) {
		struct cor_arrival prev;
		if ((err = cor_store_arrival_get(cx->st, refs[i], &prev)) == 0)
			continue; /* confirmed one by one already */
		if (err != COR_ENOTFOUND) {
			err = cor_ctx_store_error(cx, err);
			break;
		}
		struct cor_svc_arrival_in in = {
			.case_ref = refs[i], .place = place, .by = cx->actor, .note = note};
		struct cor_svc_arrival_out out;
		err = cor_svc_arrival_confirm_within(cx, &in, &out);
		if (err < 0 && cx->err.code == COR_CODE_WRONG_STATE) {
			cor_error_clear(&cx->err); /* the case moved on by itself (closed...) */
			err = 0;
		} else if (err == 0) {
			(*arrived)++;
		}
	}
	free(refs);
	return err;
}

/* ---- look-ups that name what is missing --------------------------------- */

static int get_movement(struct cor_ctx *cx, const char *ref, struct cor_movement *m)
{
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "movement",
				     "give the movement's reference");
	int err = cor_store_movement_get(cx->st, ref, m);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_MOVEMENT_NOT_FOUND, "movement",
				     "no movement '%s'", ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int get_case(struct cor_ctx *cx, const char *ref, struct cor_case *c)
{
	int64_t id;
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "give the case's reference");
	int err = cor_store_case_get(cx->st, ref, &id, c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int get_office(struct cor_ctx *cx, const char *code)
{
	struct cor_office o;
	if (!code || !*code)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "office",
				     "give the office's code");
	int err = cor_store_office_get(cx->st, code, &o);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static bool text_ok(const char *s, size_t max)
{
	return s && *s && strlen(s) <= max && cor_text_is_clean(s);
}

/* ---- places ------------------------------------------------------------ */

static int op_place_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_place *p = vin;
	(void)vout;
	if (!cor_place_code_is_valid(p->code))
		return cor_error_set(
			&cx->err, COR_CODE_INVALID, "code",
			"'%s' is not an IATA airport code (ABC) or a UN/LOCODE (ABCDE)", p->code);
	if ((unsigned)p->kind >= COR_PLACE__N)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "kind",
				     "a place is an airport, a port or a land crossing");
	if (!cor_country_is_iso3(p->country))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "country",
				     "'%s' is not an ISO 3166-1 alpha-3 code", p->country);
	if (!cor_tz_is_known(p->tz))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "tz",
				     "'%s' is not a time zone this system knows (e.g. "
				     "Africa/Tripoli)",
				     p->tz);
	if (!text_ok(p->name, COR_PLACE_NAME_MAX))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "name",
				     "a place's name is 1 to %d bytes of text", COR_PLACE_NAME_MAX);
	int err = cor_store_place_add(cx->st, p);
	if (err == COR_EEXIST)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "code", "place '%s' already exists",
				     p->code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_place_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_place_list_in *in = vin;
	(void)vout;
	int err = cor_store_place_each(cx->st, in->cb, in->ctx);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_place_json(const struct cor_place *p)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s}", "code", p->code, "kind",
			 cor_place_kind_name(p->kind), "country", p->country, "tz", p->tz, "name",
			 p->name);
}

/* ---- movements --------------------------------------------------------- */

static int op_movement_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct cor_movement *m = vout; /* its reference is set */
	const bool *history = vin;     /* NULL or false: planned ahead */
	char msg[256];
	if ((unsigned)m->kind >= COR_MOVEMENT_KIND__N)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "kind",
				     "a movement is a charter, scheduled, vessel or convoy");
	if (m->state != COR_MSTATE_PLANNED && m->state != COR_MSTATE_OPEN)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "state",
				     "a new movement is planned or open, not %s",
				     cor_movement_state_name(m->state));
	if (!text_ok(m->label, sizeof(m->label) - 1))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "label",
				     "give the name people use for it (\"ET 3412\", \"MV Amal\"), "
				     "1 to %zu bytes",
				     sizeof(m->label) - 1);
	if (m->carrier[0] && !cor_carrier_is_valid(m->carrier))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "carrier",
				     "'%s' is not an IATA airline designator", m->carrier);
	if (m->escort_seats < 0 || m->escort_seats > 99)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "escort_seats",
				     "escort seats are 0 to 99, not %d", m->escort_seats);
	if (m->nlegs < 1 || m->nlegs > COR_MOVEMENT_LEGS_MAX)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "legs",
				     "a movement has 1 to %d legs", COR_MOVEMENT_LEGS_MAX);
	if (cor_movement_validate(m, msg, sizeof(msg)) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "legs", "%s", msg);
	/* Movements are planned ahead; one that already left is recorded as
	 * history, said so. */
	int64_t now = 0;
	cor_time_parse_utc(cx->now, &now);
	if (!(history && *history) && m->legs[0].departs < now) {
		char t1[18], t2[18];
		return cor_error_set(&cx->err, COR_CODE_INVALID, "legs",
				     "leg 1 departs %s, before now (%s): a movement is planned "
				     "ahead; one that already left is recorded as history",
				     cor_time_format_utc(m->legs[0].departs, t1),
				     cor_time_format_utc(now, t2));
	}
	int err = get_office(cx, m->office);
	if (err < 0)
		return err;
	char start[4] = "", end[4] = "";
	for (int i = 0; i < m->nlegs; i++) {
		const char *codes[2] = {m->legs[i].from, m->legs[i].to};
		for (int k = 0; k < 2; k++) {
			struct cor_place p;
			err = cor_store_place_get(cx->st, codes[k], &p);
			if (err == COR_ENOTFOUND)
				return cor_error_set(&cx->err, COR_CODE_PLACE_NOT_FOUND, "legs",
						     "leg %d: no place '%s'", i + 1, codes[k]);
			if (err < 0)
				return cor_ctx_store_error(cx, err);
			if (i == 0 && k == 0)
				snprintf(start, sizeof(start), "%s", p.country);
			if (i == m->nlegs - 1 && k == 1)
				snprintf(end, sizeof(end), "%s", p.country);
		}
	}
	/* A movement takes people out of a country: a domestic leg is part of
	 * one, never the whole. */
	if (!strcmp(start, end))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "legs",
				     "the route starts and ends in %s: a movement leaves the "
				     "country it starts in",
				     start);
	err = cor_store_movement_add(cx->st, m, cx->actor);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* The local time of t at place code (UTC when the place or zone is not
 * known); last caches the place read last. */
static void local_time(struct cor_ctx *cx, int64_t t, const char *code, struct cor_place *last,
		       char *buf)
{
	if (strcmp(last->code, code) && cor_store_place_get(cx->st, code, last) < 0)
		last->code[0] = '\0';
	if (!last->code[0] || cor_tz_format(t, last->tz, buf) < 0)
		cor_time_format_utc(t, buf);
}

struct list_ctx {
	struct cor_ctx *cx;
	const struct cor_svc_movement_list_in *in;
	struct cor_place last;
};

static int on_movement(const struct cor_movement *m, const struct cor_movement_load *l, void *ctx)
{
	struct list_ctx *c = ctx;
	struct cor_svc_movement_row r = {.m = m, .load = l};
	local_time(c->cx, m->legs[0].departs, m->legs[0].from, &c->last, r.departs_local);
	return c->in->cb(&r, c->in->ctx);
}

static int op_movement_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_movement_list_in *in = vin;
	struct list_ctx c = {.cx = cx, .in = in};
	(void)vout;
	int err = cor_store_movement_each(cx->st, &in->q, on_movement, &c);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_movement_row_json(const struct cor_svc_movement_row *r)
{
	const struct cor_movement *m = r->m;
	char dep[18];
	json_t *route = json_array();
	json_array_append_new(route, json_string(m->legs[0].from));
	for (int i = 0; i < m->nlegs; i++)
		json_array_append_new(route, json_string(m->legs[i].to));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:i, s:i, s:i, s:i, s:i}", "ref",
			 m->ref, "state", cor_movement_state_name(m->state), "kind",
			 cor_movement_kind_name(m->kind), "label", m->label, "office", m->office,
			 "route", route, "departs", cor_time_format_utc(m->legs[0].departs, dep),
			 "departs_local", r->departs_local, "cases", r->load->cases, "persons",
			 r->load->persons, "standby", r->load->standby, "escorts", r->load->escorts,
			 "seats_free", r->load->seats_free);
}

static int add_quota(const char *office, int seats, void *ctx)
{
	return json_array_append_new(ctx,
				     json_pack("{s:s, s:i}", "office", office, "seats", seats));
}

static int add_escort(const struct cor_escort *e, void *ctx)
{
	return json_array_append_new(
		ctx, json_pack("{s:i, s:s, s:o, s:b}", "no", e->no, "family_name", e->family_name,
			       "given_names", cor_json_str(e->given_names), "medical", e->medical));
}

static int add_booking(const struct cor_booking *b, void *ctx)
{
	return json_array_append_new(ctx, json_pack("{s:s, s:s, s:s, s:i, s:s, s:s, s:s}", "case",
						    b->case_ref, "seat_group", b->seat_group,
						    "status", cor_booking_status_name(b->status),
						    "persons", b->persons, "board", b->board,
						    "alight", b->alight, "at", b->at));
}

static int add_event(const struct cor_event *e, void *ctx)
{
	bool change = e->field && *e->field;
	return json_array_append_new(
		ctx,
		json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "at", e->at, "actor",
			  e->actor, "action", e->action, "detail", e->detail, "reason",
			  cor_json_str(e->reason), "field", cor_json_str(change ? e->field : NULL),
			  "before", change ? json_string(e->before ? e->before : "") : json_null(),
			  "after", change ? json_string(e->after ? e->after : "") : json_null()));
}

static int op_movement_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	const char *ref = vin;
	struct cor_svc_movement_show_out *out = vout;
	struct cor_movement m;
	struct cor_place last = {0};
	int err;
	out->doc = NULL;
	if ((err = get_movement(cx, ref, &m)) < 0)
		return err;
	json_t *legs = json_array(), *quotas = json_array(), *escorts = json_array(),
	       *bookings = json_array(), *history = json_array();
	for (int i = 0; i < m.nlegs; i++) {
		const struct cor_leg *l = &m.legs[i];
		char d[18], a[18], dl[COR_LOCAL_LEN], al[COR_LOCAL_LEN];
		local_time(cx, l->departs, l->from, &last, dl);
		local_time(cx, l->arrives, l->to, &last, al);
		json_array_append_new(
			legs,
			json_pack(
				"{s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:i}",
				"seq", l->seq, "number", l->number, "carrier",
				l->carrier[0] ? l->carrier : m.carrier, "from", l->from, "to",
				l->to, "departs", cor_time_format_utc(l->departs, d),
				"departs_local", dl, "arrives", cor_time_format_utc(l->arrives, a),
				"arrives_local", al, "seats", l->seats, "stretchers", l->stretchers,
				"wchc", l->wchc, "wchs", l->wchs));
	}
	if ((err = cor_store_movement_quota_each(cx->st, m.ref, add_quota, quotas)) < 0 ||
	    (err = cor_store_movement_escort_each(cx->st, m.ref, add_escort, escorts)) < 0 ||
	    (err = cor_store_booking_each(cx->st, m.ref, add_booking, bookings)) < 0 ||
	    (err = cor_store_movement_events(cx->st, m.ref, add_event, history)) < 0) {
		json_decref(legs);
		json_decref(quotas);
		json_decref(escorts);
		json_decref(bookings);
		json_decref(history);
		return cor_ctx_store_error(cx, err);
	}
	out->doc = json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:i, s:o, s:o, s:o, s:o, s:o}", "ref",
			     m.ref, "kind", cor_movement_kind_name(m.kind), "label", m.label,
			     "carrier", cor_json_str(m.carrier), "office", m.office, "state",
			     cor_movement_state_name(m.state), "escort_seats", m.escort_seats,
			     "legs", legs, "quotas", quotas, "escorts", escorts, "bookings",
			     bookings, "history", history);
	return out->doc ? 0 : OOM(cx);
}

/* When movement ref was recorded as departed, into *at (0: never). */
struct departed_at {
	int64_t at;
};

static int on_movement_event(const struct cor_event *e, void *ctx)
{
	struct departed_at *d = ctx;
	if (cor_svc_event_is_departure(e))
		cor_time_parse_utc(e->at, &d->at);
	return 0;
}

static int check_times(struct cor_ctx *cx, const struct cor_movement *m, enum cor_movement_state to)
{
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	char t1[18], t2[18];
	int64_t now = 0;
	if (!cfg)
		return COR_EIO;
	cor_time_parse_utc(cx->now, &now);
	if (to == COR_MSTATE_DEPARTED) {
		int64_t earliest = m->legs[0].departs - 60 * (int64_t)cfg->departure_early_minutes;
		if (now < earliest)
			return cor_error_set(
				&cx->err, COR_CODE_REFUSED, "movement",
				"movement '%s' (%s) is scheduled to depart at %s: it can be "
				"recorded as departed from %s (%d minutes before), not at %s",
				m->ref, m->label, cor_time_format_utc(m->legs[0].departs, t1),
				cor_time_format_utc(earliest, t2), cfg->departure_early_minutes,
				cx->now);
	}
	if (to == COR_MSTATE_ARRIVED) {
		struct departed_at d = {0};
		int err = cor_store_movement_events(cx->st, m->ref, on_movement_event, &d);
		if (err < 0)
			return cor_ctx_store_error(cx, err);
		if (d.at && now < d.at)
			return cor_error_set(&cx->err, COR_CODE_REFUSED, "movement",
					     "movement '%s' (%s) departed at %s: it cannot arrive "
					     "before, at %s",
					     m->ref, m->label, cor_time_format_utc(d.at, t1),
					     cx->now);
	}
	return 0;
}

static int op_movement_set_state(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_movement_state_in *in = vin;
	struct cor_movement_change *out = vout;
	struct cor_movement m;
	char next[96];
	int err;
	memset(out, 0, sizeof(*out));
	if ((unsigned)in->to >= COR_MSTATE__N)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "state",
				     "not a movement state");
	if ((err = get_movement(cx, in->ref, &m)) < 0)
		return err;
	out->from = m.state;
	if (in->reopen && m.state != COR_MSTATE_CLOSED)
		return cor_error_set(
			&cx->err, COR_CODE_WRONG_STATE, "movement",
			"movement '%s' is '%s': reopening takes a closed manifest back "
			"to open",
			m.ref, cor_movement_state_name(m.state));
	if (!cor_movement_can(m.state, in->to))
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is '%s'; it cannot go to '%s' (next: %s)",
				     m.ref, cor_movement_state_name(m.state),
				     cor_movement_state_name(in->to),
				     cor_movement_next(m.state, next, sizeof(next)));
	if (cor_movement_needs_reason(m.state, in->to) && (!in->reason || !*in->reason))
		return cor_error_set(&cx->err, COR_CODE_REASON_REQUIRED, "reason",
				     "movement '%s': going from %s to %s needs a reason", m.ref,
				     cor_movement_state_name(m.state),
				     cor_movement_state_name(in->to));
	if (in->reason && *in->reason && !text_ok(in->reason, 500))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "a reason is at most 500 bytes of text");
	/* Time that makes sense: no departure long before the scheduled one,
	 * no arrival before the departure. */
	if ((err = check_times(cx, &m, in->to)) < 0)
		return err;
	/* Nobody unsafe leaves: a manifest closes, and a movement departs, only
	 * when the pre-departure check finds nothing. */
	if (in->to == COR_MSTATE_CLOSED || in->to == COR_MSTATE_DEPARTED) {
		struct cor_departure d;
		if ((err = cor_departure_check(cx, &m, &d)) < 0)
			return err;
		if (d.n) {
			err = cor_departure_refuse(
				cx, &d, in->to == COR_MSTATE_CLOSED ? "close" : "depart");
			cor_departure_release(&d);
			return err;
		}
		cor_departure_release(&d);
	}
	if ((err = cor_store_movement_set_state(cx->st, m.ref, in->to, cx->actor, in->reason,
						out)) < 0)
		return cor_ctx_store_error(cx, err);
	out->from = m.state;
	char why[160];
	switch (in->to) {
	case COR_MSTATE_DEPARTED:
		format_reason(why, sizeof(why), "departed on %s (%s)", m.label, m.ref);
		return move_cases(cx, &m, COR_BOOKING_BOOKED, "departed", why, &out->cases);
	case COR_MSTATE_ARRIVED:
		return arrive_cases(cx, &m, &out->cases);
	case COR_MSTATE_CANCELLED:
		format_reason(why, sizeof(why), "%s (%s) cancelled: %s", m.label, m.ref,
			      in->reason);
		return move_cases(cx, &m, COR_BOOKING_BOOKED, "travel_ready", why, &out->cases);
	default:
		return 0;
	}
}

static int op_movement_check(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct cor_movement m;
	int err = get_movement(cx, vin, &m);
	if (err < 0)
		return err;
	if (m.state == COR_MSTATE_CANCELLED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is cancelled: nobody travels on it", m.ref);
	return cor_departure_check(cx, &m, vout);
}

static int op_movement_quota(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_quota_in *in = vin;
	struct cor_movement m;
	int err;
	(void)vout;
	if (in->seats < -1 || in->seats > 9999)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "seats",
				     "a quota is 0 to 9999 seats, not %d", in->seats);
	if ((err = get_movement(cx, in->ref, &m)) < 0 || (err = get_office(cx, in->office)) < 0)
		return err;
	if (m.state != COR_MSTATE_PLANNED && m.state != COR_MSTATE_OPEN)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is '%s': quotas change only while it is "
				     "planned or open",
				     m.ref, cor_movement_state_name(m.state));
	/* A quota caps an office's seats: never more than the movement has. */
	int most = 0;
	for (int i = 0; i < m.nlegs; i++)
		if (m.legs[i].seats > most)
			most = m.legs[i].seats;
	if (in->seats > most)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "seats",
				     "a quota of %d seats is more than movement '%s' (%s) has: %d "
				     "on its largest leg",
				     in->seats, m.ref, m.label, most);
	err = cor_store_movement_quota(cx->st, m.ref, in->office, in->seats, cx->actor);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

struct seat_use {
	const struct cor_movement *m;
	int per_leg[COR_MOVEMENT_LEGS_MAX];
	int escorts;
};

static int count_booked(const struct cor_booking *b, void *ctx)
{
	struct seat_use *u = ctx;
	bool on = false;
	if (b->status != COR_BOOKING_BOOKED)
		return 0;
	for (int i = 0; i < u->m->nlegs; i++) {
		if (!on && !strcmp(u->m->legs[i].from, b->board))
			on = true;
		if (on)
			u->per_leg[i] += b->persons;
		if (on && !strcmp(u->m->legs[i].to, b->alight))
			break;
	}
	return 0;
}

static int count_escort(const struct cor_escort *e, void *ctx)
{
	(void)e;
	((struct seat_use *)ctx)->escorts++;
	return 0;
}

/* Do two names fold alike (case, accents, punctuation: domain/fold.h)? */
static bool same_name(const char *a, const char *b)
{
	char fa[256], fb[256];
	return !strcmp(cor_fold(a, fa, sizeof(fa)), cor_fold(b, fb, sizeof(fb)));
}

/* Is e the person escort o is (another escort of the movement)? The same
 * passport, or the same names, as folded, and birth date. */
static bool same_escort(const struct cor_escort *e, const struct cor_escort *o)
{
	if (e->passport[0] && !strcmp(e->passport, o->passport) && !strcmp(e->issuer, o->issuer))
		return true;
	return !cor_date_cmp(e->birth_date, o->birth_date) &&
	       same_name(e->family_name, o->family_name) &&
	       same_name(e->given_names, o->given_names);
}

struct named_once {
	const struct cor_escort *e;
	int self, twin;
};

static int find_twin(const struct cor_escort *o, void *ctx)
{
	struct named_once *n = ctx;
	if (o->no != n->self && same_escort(n->e, o)) {
		n->twin = o->no;
		return 1;
	}
	return 0;
}

int cor_svc_escort_check(struct cor_ctx *cx, const struct cor_movement *m,
			 const struct cor_escort *e, int self)
{
	if (!text_ok(e->family_name, sizeof(e->family_name) - 1))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "family_name",
				     "give the escort's family name, as on the passport");
	if (e->given_names[0] && !text_ok(e->given_names, sizeof(e->given_names) - 1))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "given_names",
				     "given names are at most %zu bytes of text",
				     sizeof(e->given_names) - 1);
	if (e->sex != 'F' && e->sex != 'M' && e->sex != 'X')
		return cor_error_set(&cx->err, COR_CODE_INVALID, "sex", "sex is F, M or X");
	if (!cor_country_is_iso3(e->nationality))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "nationality",
				     "'%s' is not an ISO 3166-1 alpha-3 code", e->nationality);
	if (e->passport[0] && !cor_country_is_iso3(e->issuer))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "issuer",
				     "'%s' is not an ISO 3166-1 alpha-3 code", e->issuer);
	/* Checked like a traveller, on the day of the last leg. */
	struct cor_refusal why;
	struct cor_date day = cor_date_from_days((int32_t)(m->legs[m->nlegs - 1].departs / 86400));
	if (cor_escort_travel_check(e->birth_date, e->passport[0] != '\0', e->has_expiry,
				    e->expires_on, day, &why) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, why.field, "%s", why.msg);
	/* A person is named once. */
	struct named_once n = {.e = e, .self = self};
	int err = cor_store_movement_escort_each(cx->st, m->ref, find_twin, &n);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if (n.twin)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "escort",
				     "%s%s%s is named already as escort %d of movement '%s'",
				     e->family_name, e->given_names[0] ? " " : "", e->given_names,
				     n.twin, m->ref);
	return 0;
}

static int op_movement_escort_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_escort_in *in = vin;
	struct cor_movement m;
	int err;
	(void)vout;
	if ((err = get_movement(cx, in->ref, &m)) < 0 ||
	    (err = cor_svc_escort_check(cx, &m, &in->e, 0)) < 0)
		return err;
	if (m.state != COR_MSTATE_PLANNED && m.state != COR_MSTATE_OPEN &&
	    m.state != COR_MSTATE_CLOSED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is '%s': escorts are named before departure",
				     m.ref, cor_movement_state_name(m.state));
	struct seat_use u = {.m = &m};
	if ((err = cor_store_movement_escort_each(cx->st, m.ref, count_escort, &u)) < 0 ||
	    (err = cor_store_booking_each(cx->st, m.ref, count_booked, &u)) < 0)
		return cor_ctx_store_error(cx, err);
	if (u.escorts >= m.escort_seats)
		return cor_error_set(&cx->err, COR_CODE_CAPACITY, "escort_seats",
				     "movement '%s' has %d escort seat%s, all named", m.ref,
				     m.escort_seats, m.escort_seats == 1 ? "" : "s");
	/* An escort takes a seat on every leg, like the travellers booked. */
	cor_error_set(&cx->err, COR_CODE_CAPACITY, "movement",
		      "movement '%s' has no seat left for an escort", m.ref);
	for (int i = 0; i < m.nlegs; i++)
		if (u.per_leg[i] + u.escorts + 1 > m.legs[i].seats)
			cor_error_cause(&cx->err, COR_CODE_CAPACITY, "movement",
					"leg %d (%s -> %s): %d travellers and %d escort%s in %d "
					"seats",
					i + 1, m.legs[i].from, m.legs[i].to, u.per_leg[i],
					u.escorts, u.escorts == 1 ? "" : "s", m.legs[i].seats);
	if (cx->err.ncauses)
		return COR_EINVAL;
	cor_error_clear(&cx->err);
	err = cor_store_movement_escort_add(cx->st, m.ref, &in->e, cx->actor);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- bookings ---------------------------------------------------------- */

/* Check that case_ref fits on movement ref as a booking (full) or a stand-by
 * (the route only), with the rules in force, now; board and alight get its
 * journey. */
static int check_fit(struct cor_ctx *cx, const struct cor_movement *m, const char *case_ref,
		     bool full, char *board, char *alight)
{
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	struct cor_plan_query q = {.movement = m->ref, .with_case = case_ref};
	struct cor_plan_load l;
	int err, b = -1, a = -1;
	if (!cfg)
		return COR_EIO;
	if (cor_time_parse_utc(cx->now, &q.now) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is not a UTC time", cx->now);
	if ((err = cor_svc_plan_load(cx->st, &q, cfg, &l)) < 0)
		return cor_ctx_store_error(cx, err);
	size_t at = l.in.ncases;
	for (size_t i = 0; i < l.in.ncases; i++)
		if (!strcmp(l.cases[i].ref, case_ref))
			at = i;
	if (at == l.in.ncases || l.in.nmovements != 1) {
		const char *why = "its criteria are not met";
		for (size_t i = 0; i < l.nskipped; i++)
			if (!strcmp(l.skipped[i].ref, case_ref))
				why = l.skipped[i].why;
		if (!strncmp(why, "not eligible: ", 14))
			why += 14;
		err = cor_error_set(&cx->err, COR_CODE_NOT_ELIGIBLE, "case",
				    "case '%s' is not eligible today: %s", case_ref, why);
		goto out;
	}
	/* The route, or where it can board: cor_booking_fit's refusal (a stand-by
	 * too must be able to travel on it). */
	if (cor_booking_journey(&l.cases[at], &l.movements[0], &b, &a) < 0)
		err = cor_booking_fit(&l.in, at, &cx->err);
	else if (full)
		err = cor_booking_fit(&l.in, at, &cx->err);
	if (b >= 0 && a >= 0) {
		snprintf(board, 6, "%s", l.movements[0].legs[b].from);
		snprintf(alight, 6, "%s", l.movements[0].legs[a].to);
	}
out:
	cor_store_plan_release(&l);
	return err;
}

static int op_booking_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_booking_in *in = vin;
	struct cor_svc_booking_out *out = vout;
	struct cor_movement m;
	struct cor_case c;
	int err;
	memset(out, 0, sizeof(*out));
	if (in->status != COR_BOOKING_BOOKED && in->status != COR_BOOKING_STANDBY)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "status",
				     "a new booking is booked or standby");
	if (in->reason && *in->reason && !text_ok(in->reason, 500))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "a reason is at most 500 bytes of text");
	if ((err = get_movement(cx, in->movement, &m)) < 0 ||
	    (err = get_case(cx, in->case_ref, &c)) < 0)
		return err;
	if (m.state != COR_MSTATE_OPEN && m.state != COR_MSTATE_CLOSED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is '%s': cases are booked on open movements%s",
				     m.ref, cor_movement_state_name(m.state),
				     m.state == COR_MSTATE_PLANNED ? " (open it first)" : "");
	if (strcmp(c.state, "travel_ready"))
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "case",
				     "case '%s' is '%s', not travel_ready", c.ref, c.state);
	bool booked = in->status == COR_BOOKING_BOOKED;
	if ((err = check_fit(cx, &m, c.ref, booked, out->board, out->alight)) < 0)
		return err;
	if (booked && m.state == COR_MSTATE_CLOSED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is closed: add the case as a stand-by, or "
				     "reopen the manifest",
				     m.ref);
	err = cor_store_booking_put(cx->st, m.ref, c.ref, in->status, out->board, out->alight,
				    cx->actor, in->reason);
	if (err == COR_EEXIST)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "case",
				     "case '%s' already holds a booking or a stand-by", c.ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if (!booked)
		return 0;
	char why[200];
	cor_svc_booking_reason(m.label, m.ref, out->board, out->alight, in->reason, why,
			       sizeof(why));
	return cor_svc_movement_case_move(cx, c.ref, "booked", why);
}

/* The booking of one case on a movement, found among its bookings. */
struct find {
	const char *case_ref;
	enum cor_booking_status status[2];
	struct cor_booking found;
	bool any;
};

static int find_booking(const struct cor_booking *b, void *ctx)
{
	struct find *f = ctx;
	if (!f->any && !strcmp(b->case_ref, f->case_ref) &&
	    (b->status == f->status[0] || b->status == f->status[1])) {
		f->found = *b;
		f->any = true;
	}
	return 0;
}

static int need_reason(struct cor_ctx *cx, const char *reason, const char *what)
{
	if (!reason || !*reason)
		return cor_error_set(&cx->err, COR_CODE_REASON_REQUIRED, "reason",
				     "%s needs a reason", what);
	if (!text_ok(reason, 500))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "a reason is at most 500 bytes of text");
	return 0;
}

int cor_svc_take_off(struct cor_ctx *cx, const char *case_ref, const char *why,
		     struct cor_svc_taken_off *out)
{
	struct cor_booking b;
	struct cor_movement m;
	memset(out, 0, sizeof(*out));
	int err = cor_store_case_booking(cx->st, case_ref, &b);
	if (err == COR_ENOTFOUND)
		return 0;
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = get_movement(cx, b.movement_ref, &m)) < 0)
		return err;
	char reason[200];
	format_reason(reason, sizeof(reason), "taken off %s (%s): %s", m.label, m.ref, why);
	if (b.status == COR_BOOKING_BOOKED)
		err = cor_svc_movement_case_move(cx, case_ref, "travel_ready", reason);
	else if ((err = cor_store_standby_cancel(cx->st, m.ref, case_ref, cx->actor, reason)) < 0)
		err = cor_ctx_store_error(cx, err);
	if (err < 0)
		return err;
	/* The movement's officer reads it in the movement's history too. */
	char detail[96];
	snprintf(detail, sizeof(detail), "case %s taken off%s", case_ref,
		 b.status == COR_BOOKING_BOOKED ? "" : " the stand-by list");
	if ((err = cor_store_movement_note(cx->st, m.ref, cx->actor, "booking", detail, why)) < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(out->movement, sizeof(out->movement), "%s", m.ref);
	snprintf(out->label, sizeof(out->label), "%s", m.label);
	out->standby = b.status != COR_BOOKING_BOOKED;
	out->seats = out->standby ? 0 : b.persons;
	return 0;
}

char *cor_svc_taken_off_line(const char *case_ref, const struct cor_svc_taken_off *out, char *buf,
			     size_t len)
{
	if (!out->movement[0])
		snprintf(buf, len, "%s", "");
	else if (out->standby)
		snprintf(buf, len, "case %s taken off the stand-by list of %s (%s)", case_ref,
			 out->label, out->movement);
	else
		snprintf(buf, len, "case %s taken off %s (%s): %d seat%s freed", case_ref,
			 out->label, out->movement, out->seats, out->seats == 1 ? "" : "s");
	return buf;
}

json_t *cor_svc_taken_off_json(const struct cor_svc_taken_off *out)
{
	if (!out->movement[0])
		return json_null();
	return json_pack("{s:s, s:s, s:b, s:i}", "movement", out->movement, "label", out->label,
			 "standby", out->standby, "seats", out->seats);
}

static int op_booking_cancel(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_booking_in *in = vin;
	struct cor_movement m;
	struct cor_case c;
	int err;
	(void)vout;
	if ((err = need_reason(cx, in->reason, "unbooking")) < 0 ||
	    (err = get_movement(cx, in->movement, &m)) < 0 ||
	    (err = get_case(cx, in->case_ref, &c)) < 0)
		return err;
	struct find f = {.case_ref = c.ref, .status = {COR_BOOKING_BOOKED, COR_BOOKING_STANDBY}};
	if ((err = cor_store_booking_each(cx->st, m.ref, find_booking, &f)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!f.any)
		return cor_error_set(&cx->err, COR_CODE_BOOKING_NOT_FOUND, "case",
				     "case '%s' is '%s' and has no booking on '%s'", c.ref, c.state,
				     m.ref);
	if (f.found.status == COR_BOOKING_BOOKED)
		return cor_svc_movement_case_move(cx, c.ref, "travel_ready", in->reason);
	err = cor_store_standby_cancel(cx->st, m.ref, c.ref, cx->actor, in->reason);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

struct standbys {
	char (*refs)[32];
	size_t n, cap;
	int err;
};

static int collect_standby(const struct cor_booking *b, void *ctx)
{
	struct standbys *s = ctx;
	if (b->status != COR_BOOKING_STANDBY)
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		char(*r)[32] = realloc(s->refs, cap * sizeof(*r));
		if (!r)
			return s->err = COR_ENOMEM;
		s->refs = r;
		s->cap = cap;
	}
	snprintf(s->refs[s->n++], 32, "%s", b->case_ref);
	return 0;
}

static int op_booking_no_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_booking_in *in = vin;
	struct cor_svc_booking_out *out = vout;
	struct cor_movement m;
	struct cor_case c;
	struct standbys sb = {0};
	int err;
	memset(out, 0, sizeof(*out));
	if ((err = need_reason(cx, in->reason, "a no-show")) < 0 ||
	    (err = get_movement(cx, in->movement, &m)) < 0 ||
	    (err = get_case(cx, in->case_ref, &c)) < 0)
		return err;
	if (m.state != COR_MSTATE_OPEN && m.state != COR_MSTATE_CLOSED)
		return cor_error_set(
			&cx->err, COR_CODE_WRONG_STATE, "movement",
			"movement '%s' is '%s': no-shows are recorded before departure", m.ref,
			cor_movement_state_name(m.state));
	struct find f = {.case_ref = c.ref, .status = {COR_BOOKING_BOOKED, COR_BOOKING_BOOKED}};
	if ((err = cor_store_booking_each(cx->st, m.ref, find_booking, &f)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!f.any)
		return cor_error_set(&cx->err, COR_CODE_BOOKING_NOT_FOUND, "case",
				     "case '%s' holds no booking on '%s'", c.ref, m.ref);
	if ((err = cor_svc_movement_case_move(cx, c.ref, "no_show", in->reason)) < 0)
		return err;
	/* The seats freed go to the stand-bys, first come first served, while
	 * they fit. */
	if ((err = cor_store_booking_each(cx->st, m.ref, collect_standby, &sb)) < 0 ||
	    (err = sb.err) < 0) {
		err = cor_ctx_store_error(cx, err);
		goto out;
	}
	for (size_t i = 0; i < sb.n; i++) {
		struct cor_case s;
		char board[6] = "", alight[6] = "";
		if ((err = get_case(cx, sb.refs[i], &s)) < 0)
			goto out;
		if (strcmp(s.state, "travel_ready"))
			continue;
		err = check_fit(cx, &m, s.ref, true, board, alight);
		if (err < 0) {
			enum cor_code code = cx->err.code;
			if (code != COR_CODE_CAPACITY && code != COR_CODE_REFUSED &&
			    code != COR_CODE_NOT_ELIGIBLE)
				goto out;
			cor_error_clear(&cx->err);
			continue;
		}
		if ((err = cor_store_booking_promote(cx->st, m.ref, s.ref, board, alight)) < 0) {
			err = cor_ctx_store_error(cx, err);
			goto out;
		}
		char why[200];
		cor_svc_booking_reason(m.label, m.ref, board, alight,
				       "stand-by given a seat freed by a no-show", why,
				       sizeof(why));
		if ((err = cor_svc_movement_case_move(cx, s.ref, "booked", why)) < 0)
			goto out;
		out->promoted++;
	}
	err = 0;
out:
	free(sb.refs);
	return err;
}

/* ---- the table ----------------------------------------------------------- */

static const struct cor_op op_place_add_row = {"place.add", COR_OP_WRITE, "movement.write",
					       op_place_add, "add a place movements run between"};
static const struct cor_op op_place_list_row = {"place.list", COR_OP_READ, "movement.read",
						op_place_list, "every place, by code"};
static const struct cor_op op_movement_add_row = {"movement.add", COR_OP_WRITE, "movement.write",
						  op_movement_add,
						  "add a movement with its legs, planned or open"};
static const struct cor_op op_movement_list_row = {
	"movement.list", COR_OP_READ, "movement.read", op_movement_list,
	"the movements a query selects, by first departure, with their load"};
static const struct cor_op op_movement_show_row = {
	"movement.show", COR_OP_READ, "movement.read", op_movement_show,
	"a movement with its legs, quotas, escorts, bookings and history"};
static const struct cor_op op_movement_state_row = {
	"movement.set_state", COR_OP_WRITE, "movement.write", op_movement_set_state,
	"open, close, depart, arrive, cancel or reopen a movement"};
static const struct cor_op op_movement_quota_row = {"movement.quota", COR_OP_WRITE,
						    "movement.write", op_movement_quota,
						    "set or clear an office's quota of seats"};
static const struct cor_op op_movement_escort_row = {"movement.escort_add", COR_OP_WRITE,
						     "movement.write", op_movement_escort_add,
						     "name an escort on a movement"};
static const struct cor_op op_booking_add_row = {
	"booking.add", COR_OP_WRITE, "booking.write", op_booking_add,
	"book a case on a movement, or put it on the stand-by list"};
static const struct cor_op op_booking_cancel_row = {"booking.cancel", COR_OP_WRITE, "booking.write",
						    op_booking_cancel,
						    "take a case off a movement"};
static const struct cor_op op_booking_no_show_row = {
	"booking.no_show", COR_OP_WRITE, "booking.write", op_booking_no_show,
	"record a no-show and give its seats to the stand-bys"};

static const struct cor_op op_movement_check_row = {
	"movement.check", COR_OP_READ, "movement.read", op_movement_check,
	"the pre-departure check: every blocker of every traveller booked"};

const struct cor_op *const cor_ops_movement[] = {
	&op_place_add_row,
	&op_place_list_row,
	&op_movement_add_row,
	&op_movement_list_row,
	&op_movement_show_row,
	&op_movement_check_row,
	&op_movement_state_row,
	&op_movement_quota_row,
	&op_movement_escort_row,
	&op_booking_add_row,
	&op_booking_cancel_row,
	&op_booking_no_show_row,
	NULL,
};

int cor_svc_place_add(struct cor_ctx *cx, const struct cor_place *in)
{
	return cor_service_run(cx, &op_place_add_row, in, NULL);
}

int cor_svc_place_list(struct cor_ctx *cx, const struct cor_svc_place_list_in *in)
{
	return cor_service_run(cx, &op_place_list_row, in, NULL);
}

int cor_svc_movement_add(struct cor_ctx *cx, struct cor_movement *m)
{
	return cor_service_run(cx, &op_movement_add_row, NULL, m);
}

int cor_svc_movement_add_history(struct cor_ctx *cx, struct cor_movement *m)
{
	static const bool history = true;
	return cor_service_run(cx, &op_movement_add_row, &history, m);
}

int cor_svc_movement_list(struct cor_ctx *cx, const struct cor_svc_movement_list_in *in)
{
	return cor_service_run(cx, &op_movement_list_row, in, NULL);
}

int cor_svc_movement_show(struct cor_ctx *cx, const char *ref,
			  struct cor_svc_movement_show_out *out)
{
	return cor_service_run(cx, &op_movement_show_row, ref, out);
}

int cor_svc_movement_set_state(struct cor_ctx *cx, const struct cor_svc_movement_state_in *in,
			       struct cor_movement_change *out)
{
	return cor_service_run(cx, &op_movement_state_row, in, out);
}

int cor_svc_movement_check(struct cor_ctx *cx, const char *ref, struct cor_departure *out)
{
	memset(out, 0, sizeof(*out));
	return cor_service_run(cx, &op_movement_check_row, ref, out);
}

int cor_svc_movement_quota(struct cor_ctx *cx, const struct cor_svc_quota_in *in)
{
	return cor_service_run(cx, &op_movement_quota_row, in, NULL);
}

int cor_svc_movement_escort_add(struct cor_ctx *cx, const struct cor_svc_escort_in *in)
{
	return cor_service_run(cx, &op_movement_escort_row, in, NULL);
}

int cor_svc_booking_add(struct cor_ctx *cx, const struct cor_svc_booking_in *in,
			struct cor_svc_booking_out *out)
{
	return cor_service_run(cx, &op_booking_add_row, in, out);
}

int cor_svc_booking_cancel(struct cor_ctx *cx, const struct cor_svc_booking_in *in)
{
	return cor_service_run(cx, &op_booking_cancel_row, in, NULL);
}

int cor_svc_booking_no_show(struct cor_ctx *cx, const struct cor_svc_booking_in *in,
			    struct cor_svc_booking_out *out)
{
	return cor_service_run(cx, &op_booking_no_show_row, in, out);
}

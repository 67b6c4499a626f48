// SPDX-License-Identifier: Apache-2.0
// Movements: names, validation, and the movement's lifecycle as a table.
#include "domain/movement.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan.h"
#include "util/error.h"
#include "util/tz.h"

static const char *const kind_names[COR_MOVEMENT_KIND__N] = {"charter", "scheduled", "vessel",
							     "convoy"};
static const char *const state_names[COR_MSTATE__N] = {"planned",  "open",    "closed",
						       "departed", "arrived", "cancelled"};
static const char *const place_names[COR_PLACE__N] = {"airport", "port", "land"};
static const char *const booking_names[COR_BOOKING__N] = {"booked", "standby", "no_show",
							  "departed", "cancelled"};

static int parse(const char *const *names, int n, const char *s, int *out)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], s)) {
			*out = i;
			return 0;
		}
	return COR_EINVAL;
}

static const char *const location_names[COR_LOCATION__N] = {"office", "detention", "town",
							    "transit"};
static const char *const reach_names[COR_REACH__N] = {"road", "leg"};

const char *cor_location_kind_name(enum cor_location_kind k)
{
	return (unsigned)k < COR_LOCATION__N ? location_names[k] : "?";
}

int cor_location_kind_parse(const char *s, enum cor_location_kind *out)
{
	int v, err = parse(location_names, COR_LOCATION__N, s, &v);
	if (!err)
		*out = (enum cor_location_kind)v;
	return err;
}

const char *cor_reach_mode_name(enum cor_reach_mode m)
{
	return (unsigned)m < COR_REACH__N ? reach_names[m] : "?";
}

int cor_reach_mode_parse(const char *s, enum cor_reach_mode *out)
{
	int v, err = parse(reach_names, COR_REACH__N, s, &v);
	if (!err)
		*out = (enum cor_reach_mode)v;
	return err;
}

bool cor_location_code_is_valid(const char *code)
{
	size_t n = strlen(code);
	if (n < 7 || n > COR_LOCATION_CODE_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(code[i] >= 'A' && code[i] <= 'Z') && !(code[i] >= '0' && code[i] <= '9') &&
		    code[i] != '-')
			return false;
	return true;
}

const char *cor_movement_kind_name(enum cor_movement_kind k)
{
	return (unsigned)k < COR_MOVEMENT_KIND__N ? kind_names[k] : "?";
}

int cor_movement_kind_parse(const char *s, enum cor_movement_kind *out)
{
	int v, err = parse(kind_names, COR_MOVEMENT_KIND__N, s, &v);
	if (!err)
		*out = (enum cor_movement_kind)v;
	return err;
}

const char *cor_movement_state_name(enum cor_movement_state s)
{
	return (unsigned)s < COR_MSTATE__N ? state_names[s] : "?";
}

int cor_movement_state_parse(const char *s, enum cor_movement_state *out)
{
	int v, err = parse(state_names, COR_MSTATE__N, s, &v);
	if (!err)
		*out = (enum cor_movement_state)v;
	return err;
}

const char *cor_place_kind_name(enum cor_place_kind k)
{
	return (unsigned)k < COR_PLACE__N ? place_names[k] : "?";
}

int cor_place_kind_parse(const char *s, enum cor_place_kind *out)
{
	int v, err = parse(place_names, COR_PLACE__N, s, &v);
	if (!err)
		*out = (enum cor_place_kind)v;
	return err;
}

const char *cor_booking_status_name(enum cor_booking_status s)
{
	return (unsigned)s < COR_BOOKING__N ? booking_names[s] : "?";
}

int cor_booking_status_parse(const char *s, enum cor_booking_status *out)
{
	int v, err = parse(booking_names, COR_BOOKING__N, s, &v);
	if (!err)
		*out = (enum cor_booking_status)v;
	return err;
}

/* The lifecycle: from, to, and whether a reason is required. */
static const struct {
	enum cor_movement_state from, to;
	bool reason;
} moves[] = {
	{COR_MSTATE_PLANNED, COR_MSTATE_OPEN, false},
	{COR_MSTATE_OPEN, COR_MSTATE_CLOSED, false},
	{COR_MSTATE_CLOSED, COR_MSTATE_DEPARTED, false},
	{COR_MSTATE_DEPARTED, COR_MSTATE_ARRIVED, false},
	{COR_MSTATE_CLOSED, COR_MSTATE_OPEN, true},
	{COR_MSTATE_PLANNED, COR_MSTATE_CANCELLED, true},
	{COR_MSTATE_OPEN, COR_MSTATE_CANCELLED, true},
	{COR_MSTATE_CLOSED, COR_MSTATE_CANCELLED, true},
};

bool cor_movement_can(enum cor_movement_state a, enum cor_movement_state b)
{
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (moves[i].from == a && moves[i].to == b)
			return true;
	return false;
}

bool cor_movement_needs_reason(enum cor_movement_state a, enum cor_movement_state b)
{
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (moves[i].from == a && moves[i].to == b)
			return moves[i].reason;
	return false;
}

char *cor_movement_next(enum cor_movement_state s, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (moves[i].from == s && used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
						 state_names[moves[i].to]);
	if (!buf[0])
		snprintf(buf, len, "none");
	return buf;
}

static bool upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

bool cor_place_code_is_valid(const char *code)
{
	size_t n = strlen(code);
	if (n == 3)
		return upper(code[0]) && upper(code[1]) && upper(code[2]);
	if (n != 5 || !upper(code[0]) || !upper(code[1]))
		return false;
	for (int i = 2; i < 5; i++)
		if (!upper(code[i]) && !(code[i] >= '2' && code[i] <= '9'))
			return false;
	return true;
}

bool cor_leg_number_is_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e || strchr("'+:?", s[i]))
			return false;
	return true;
}

bool cor_carrier_is_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 3)
		return upper(s[0]) && upper(s[1]) && upper(s[2]);
	if (n != 2)
		return false;
	for (int i = 0; i < 2; i++)
		if (!upper(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	return !(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9');
}

int cor_movement_validate(const struct cor_movement *m, char *msg, size_t msglen)
{
	char a[18], b[18];
	if ((unsigned)m->kind >= COR_MOVEMENT_KIND__N) {
		snprintf(msg, msglen, "kind: not a movement kind");
		return COR_EINVAL;
	}
	if (m->nlegs < 1 || m->nlegs > COR_MOVEMENT_LEGS_MAX) {
		snprintf(msg, msglen, "a movement has 1 to %d legs, not %d", COR_MOVEMENT_LEGS_MAX,
			 m->nlegs);
		return COR_EINVAL;
	}
	if (m->escort_seats < 0) {
		snprintf(msg, msglen, "escort seats: %d is negative", m->escort_seats);
		return COR_EINVAL;
	}
	if (m->carrier[0] && !cor_carrier_is_valid(m->carrier)) {
		snprintf(msg, msglen, "carrier: '%s' is not an IATA airline designator",
			 m->carrier);
		return COR_EINVAL;
	}
	for (int i = 0; i < m->nlegs; i++) {
		const struct cor_leg *l = &m->legs[i];
		int n = i + 1;
		if (!cor_place_code_is_valid(l->from) || !cor_place_code_is_valid(l->to)) {
			snprintf(msg, msglen,
				 "leg %d: '%s' is not an IATA airport code or a UN/LOCODE", n,
				 cor_place_code_is_valid(l->from) ? l->to : l->from);
			return COR_EINVAL;
		}
		if (!strcmp(l->from, l->to)) {
			snprintf(msg, msglen, "leg %d: leaves from and goes to %s", n, l->from);
			return COR_EINVAL;
		}
		if (l->carrier[0] && !cor_carrier_is_valid(l->carrier)) {
			snprintf(msg, msglen,
				 "leg %d: carrier '%s' is not an IATA airline designator", n,
				 l->carrier);
			return COR_EINVAL;
		}
		if (!cor_leg_number_is_valid(l->number)) {
			snprintf(msg, msglen,
				 "leg %d: number '%s' must be 1 to 15 printable characters without "
				 "' + : ?",
				 n, l->number);
			return COR_EINVAL;
		}
		if (l->arrives <= l->departs) {
			snprintf(msg, msglen, "leg %d: arrives %s, not after it departs %s", n,
				 cor_time_format_utc(l->arrives, a),
				 cor_time_format_utc(l->departs, b));
			return COR_EINVAL;
		}
		if (l->seats < 1 || l->stretchers < 0 || l->wchc < 0 || l->wchs < 0) {
			snprintf(msg, msglen, "leg %d: %s", n,
				 l->seats < 1 ? "needs at least one seat"
					      : "special capacity cannot be negative");
			return COR_EINVAL;
		}
		/* Whoever takes a special place takes a seat too. */
		long special = (long)l->stretchers + l->wchc + l->wchs;
		if (special > l->seats) {
			snprintf(msg, msglen,
				 "leg %d: %ld special places (stretchers %d, WCHC %d, WCHS %d) "
				 "for %d seat%s",
				 n, special, l->stretchers, l->wchc, l->wchs, l->seats,
				 l->seats == 1 ? "" : "s");
			return COR_EINVAL;
		}
		if (i > 0) {
			const struct cor_leg *p = &m->legs[i - 1];
			if (strcmp(p->to, l->from)) {
				snprintf(msg, msglen,
					 "leg %d: leaves from %s, but leg %d goes to %s", n,
					 l->from, i, p->to);
				return COR_EINVAL;
			}
			if (l->departs < p->arrives) {
				snprintf(msg, msglen, "leg %d: departs %s before leg %d arrives %s",
					 n, cor_time_format_utc(l->departs, a), i,
					 cor_time_format_utc(p->arrives, b));
				return COR_EINVAL;
			}
		}
	}
	return 0;
}

/* A whole number in [lo, hi], all of s. */
static bool whole(const char *s, long lo, long hi, long *out)
{
	char *end;
	if (!*s || !((*s >= '0' && *s <= '9')))
		return false;
	long v = strtol(s, &end, 10);
	if (*end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* A value as a message quotes it: at most 40 bytes, control characters
 * shown as '?', so that nothing typed can steer the terminal. */
static const char *shown(const char *v, char buf[41])
{
	size_t i = 0;
	for (; v[i] && i < 40; i++)
		buf[i] = (unsigned char)v[i] < 0x20 || v[i] == 0x7f ? '?' : v[i];
	buf[i] = '\0';
	return buf;
}

int cor_leg_parse(const char *spec, const char *label, struct cor_leg *out, char *msg,
		  size_t msglen)
{
	char q[41];
	static const char *const required[] = {"from", "to", "departs", "arrives", "seats"};
	bool have[5] = {0};
	char buf[512];
	struct cor_leg l;
	memset(&l, 0, sizeof(l));
	/* The number: the label without spaces ("ET 3412" -> "ET3412"). */
	size_t k = 0;
	bool too_long = false;
	for (const char *p = label ? label : ""; *p; p++) {
		if (*p == ' ')
			continue;
		if (k + 1 == sizeof(l.number)) {
			too_long = true; /* never cut a number short: ask for one */
			break;
		}
		l.number[k++] = *p;
	}
	l.number[k] = '\0';
	bool numbered = false;
	if (strlen(spec) >= sizeof(buf)) {
		snprintf(msg, msglen, "longer than %zu bytes", sizeof(buf) - 1);
		return COR_EINVAL;
	}
	memcpy(buf, spec, strlen(spec) + 1);
	char *save = NULL;
	unsigned seen = 0; /* the keys given so far, one bit each */
	for (char *kv = strtok_r(buf, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
		char *v = strchr(kv, '=');
		if (!v) {
			snprintf(msg, msglen, "'%s' is not KEY=VALUE", shown(kv, q));
			return COR_EINVAL;
		}
		*v++ = '\0';
		long num;
		static const char *const keys[] = {"from",   "to",         "departs", "arrives",
						   "seats",  "stretchers", "wchc",    "wchs",
						   "number", "carrier"};
		unsigned bit = 0;
		for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strcmp(kv, keys[i]))
				bit = 1u << i;
		if (bit & seen) {
			snprintf(msg, msglen, "%s: given twice", kv);
			return COR_EINVAL;
		}
		seen |= bit;
		if (!strcmp(kv, "from") || !strcmp(kv, "to")) {
			if (!cor_place_code_is_valid(v)) {
				snprintf(msg, msglen,
					 "%s: '%s' is not an IATA airport code or a UN/LOCODE", kv,
					 shown(v, q));
				return COR_EINVAL;
			}
			snprintf(kv[0] == 'f' ? l.from : l.to, sizeof(l.from), "%s", v);
			have[kv[0] == 'f' ? 0 : 1] = true;
		} else if (!strcmp(kv, "departs") || !strcmp(kv, "arrives")) {
			if (cor_time_parse_utc(v, kv[0] == 'd' ? &l.departs : &l.arrives) < 0) {
				snprintf(msg, msglen,
					 "%s: '%s' is not a UTC time (YYYY-MM-DDTHH:MMZ)", kv,
					 shown(v, q));
				return COR_EINVAL;
			}
			have[kv[0] == 'd' ? 2 : 3] = true;
		} else if (!strcmp(kv, "number")) {
			if (!cor_leg_number_is_valid(v)) {
				snprintf(msg, msglen,
					 "number: '%s' must be 1 to 15 printable characters "
					 "without ' + : ?",
					 shown(v, q));
				return COR_EINVAL;
			}
			snprintf(l.number, sizeof(l.number), "%s", v);
			numbered = true;
		} else if (!strcmp(kv, "carrier")) {
			if (!cor_carrier_is_valid(v)) {
				snprintf(msg, msglen,
					 "carrier: '%s' is not an IATA airline designator",
					 shown(v, q));
				return COR_EINVAL;
			}
			snprintf(l.carrier, sizeof(l.carrier), "%s", v);
		} else if (!strcmp(kv, "seats") || !strcmp(kv, "stretchers") ||
			   !strcmp(kv, "wchc") || !strcmp(kv, "wchs")) {
			long lo = !strcmp(kv, "seats");
			if (!whole(v, lo, 9999, &num)) {
				snprintf(msg, msglen,
					 "%s: '%s' is not a whole number from %ld to 9999", kv,
					 shown(v, q), lo);
				return COR_EINVAL;
			}
			if (!strcmp(kv, "seats")) {
				l.seats = (int)num;
				have[4] = true;
			} else if (!strcmp(kv, "stretchers")) {
				l.stretchers = (int)num;
			} else if (!strcmp(kv, "wchc")) {
				l.wchc = (int)num;
			} else {
				l.wchs = (int)num;
			}
		} else {
			snprintf(msg, msglen,
				 "unknown key '%s' (from, to, departs, arrives, seats, stretchers, "
				 "wchc, "
				 "wchs, number, carrier)",
				 shown(kv, q));
			return COR_EINVAL;
		}
	}
	for (int i = 0; i < 5; i++)
		if (!have[i]) {
			snprintf(msg, msglen, "%s= is missing", required[i]);
			return COR_EINVAL;
		}
	if (!numbered && (too_long || !cor_leg_number_is_valid(l.number))) {
		snprintf(msg, msglen, "number: give number= (the label does not make one)");
		return COR_EINVAL;
	}
	*out = l;
	return 0;
}

/* ---- the fit of a booking -------------------------------------------- */

int cor_booking_journey(const struct cor_plan_case *c, const struct cor_plan_movement *m,
			int *board, int *alight)
{
	*board = *alight = -1;
	return cor_plan_journey(m, c, board, alight) ? 0 : COR_EINVAL;
}

/* The causes, on e, of every constraint of movement 0 of in that the cases
 * fixed to it (and case at, when at >= 0) would break; e's headline is the
 * caller's. 0 when they fit (e cleared), COR_EINVAL, COR_ENOMEM. */
static int capacity(const struct cor_plan_input *in, long at, struct cor_error *e)
{
	static const char *const what[COR_RES__N] = {"seats", "stretcher positions", "WCHC places",
						     "WCHS places"};
	const struct cor_plan_movement *m = &in->movements[0];
	long use[COR_MOVEMENT_LEGS_MAX][COR_RES__N] = {{0}};
	long medical = 0;

	/* What the cases on it and the one added use, leg by leg. */
	long *quota = calloc(in->nquotas + 1, sizeof(*quota));
	if (!quota) {
		cor_error_set(e, COR_CODE_NO_MEMORY, NULL, "out of memory");
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < in->ncases; i++) {
		const struct cor_plan_case *k = &in->cases[i];
		int kb, ka;
		if (((long)i != at && k->fixed != 0) || cor_booking_journey(k, m, &kb, &ka) < 0)
			continue;
		for (int l = kb; l <= ka && l < COR_MOVEMENT_LEGS_MAX; l++)
			for (int r = 0; r < COR_RES__N; r++)
				use[l][r] += k->need[r];
		medical += k->medical;
		for (size_t q = 0; q < in->nquotas; q++)
			if (in->quotas[q].movement == 0 && !strcmp(in->quotas[q].office, k->office))
				quota[q] += k->need[COR_RES_SEATS];
	}
	int ratio = in->cfg.escort_ratio > 0 ? in->cfg.escort_ratio : 1;
	long escorts = (medical + ratio - 1) / ratio - m->escorts_named;
	if (escorts < 0)
		escorts = 0;

	if (escorts > m->escort_seats)
		cor_error_cause(
			e, COR_CODE_CAPACITY, "escort_seats",
			"'%s' carries %ld medical traveller%s, who need%s %ld medical escort%s "
			"(1 per %d), and has %d escort seat%s free",
			m->ref, medical, medical == 1 ? "" : "s", medical == 1 ? "s" : "", escorts,
			escorts == 1 ? "" : "s", ratio, m->escort_seats,
			m->escort_seats == 1 ? "" : "s");
	for (int l = 0; l < m->nlegs && l < COR_MOVEMENT_LEGS_MAX; l++)
		for (int r = 0; r < COR_RES__N; r++) {
			long need = use[l][r] + (r == COR_RES_SEATS ? escorts : 0);
			if (need > m->legs[l].cap[r])
				cor_error_cause(e, COR_CODE_CAPACITY, "movement",
						"leg %s-%s of '%s' has %d %s for %ld",
						m->legs[l].from, m->legs[l].to, m->ref,
						m->legs[l].cap[r], what[r], need);
		}
	for (size_t q = 0; q < in->nquotas; q++)
		if (in->quotas[q].movement == 0 && quota[q] > in->quotas[q].seats)
			cor_error_cause(e, COR_CODE_CAPACITY, "movement",
					"the %s quota of %d seats on '%s' carries %ld",
					in->quotas[q].office, in->quotas[q].seats, m->ref,
					quota[q]);
	free(quota);
	if (e->ncauses == 0 && e->ncauses_lost == 0) {
		cor_error_clear(e);
		return 0;
	}
	return COR_EINVAL;
}

int cor_booking_fit(const struct cor_plan_input *in, size_t at, struct cor_error *e)
{
	const struct cor_plan_movement *m = &in->movements[0];
	const struct cor_plan_case *c = &in->cases[at];
	char t1[18], t2[18];
	int b, a;

	if (cor_booking_journey(c, m, &b, &a) < 0) {
		struct cor_plan_case anywhere = *c;
		anywhere.reach = NULL;
		if (c->reach && cor_booking_journey(&anywhere, m, &b, &a) == 0)
			return cor_error_set(
				e, COR_CODE_REFUSED, "case",
				"case '%s' is at %s (%s); no road or transfer leg reaches %s, "
				"where "
				"movement '%s' (%s) boards in %s",
				c->ref, c->reach->name[0] ? c->reach->name : c->reach->location,
				c->reach->location, m->legs[b].from, m->ref, m->label, c->origin);
		return cor_error_set(e, COR_CODE_REFUSED, "movement",
				     "movement '%s' (%s) does not go from %s to %s", m->ref,
				     m->label, c->origin, c->destination);
	}
	int64_t departs = m->legs[b].departs;
	if (departs < c->available_from)
		return cor_error_set(e, COR_CODE_REFUSED, "case",
				     "case '%s' is available to travel from %.10s; movement '%s' "
				     "(%s) departs %s",
				     c->ref, cor_time_format_utc(c->available_from, t1), m->ref,
				     m->label, cor_time_format_utc(departs, t2));
	if (departs > c->valid_until)
		return cor_error_set(e, COR_CODE_REFUSED, "case",
				     "case '%s' cannot board movement '%s' (%s) at %s: %s", c->ref,
				     m->ref, m->label, cor_time_format_utc(departs, t1),
				     c->valid_why[0] ? c->valid_why
						     : "a traveller's validity ends");
	cor_error_set(e, COR_CODE_CAPACITY, "movement", "case '%s' cannot go on movement '%s' (%s)",
		      c->ref, m->ref, m->label);
	return capacity(in, (long)at, e);
}

int cor_movement_load_fit(const struct cor_plan_input *in, struct cor_error *e)
{
	const struct cor_plan_movement *m = &in->movements[0];
	cor_error_set(e, COR_CODE_CAPACITY, "movement",
		      "the travellers booked on movement '%s' (%s) do not fit it", m->ref,
		      m->label);
	return capacity(in, -1, e);
}

/* ---- named escorts ----------------------------------------------------- */

int cor_escort_travel_check(struct cor_date birth, bool has_passport, bool has_expiry,
			    struct cor_date expires, struct cor_date day, struct cor_refusal *why)
{
	char b[11], d[11], x[11];
	why->code = "INVALID";
	why->field = "birth_date";
	if (birth.year < 1900 || cor_date_cmp(birth, day) > 0) {
		snprintf(why->msg, sizeof(why->msg),
			 "an escort's birth date %s is not from 1900 to the travel date %s",
			 cor_date_format(birth, b), cor_date_format(day, d));
		return COR_EINVAL;
	}
	int age = cor_date_age(birth, day);
	if (age < COR_ESCORT_MIN_AGE) {
		snprintf(why->msg, sizeof(why->msg),
			 "an escort is an adult: born %s, %d years old on the travel date %s, not "
			 "%d",
			 cor_date_format(birth, b), age, cor_date_format(day, d),
			 COR_ESCORT_MIN_AGE);
		return COR_EINVAL;
	}
	why->field = "expires_on";
	if (has_passport && has_expiry && cor_date_cmp(expires, day) < 0) {
		snprintf(why->msg, sizeof(why->msg),
			 "the escort's passport expires on %s, before the travel date %s",
			 cor_date_format(expires, x), cor_date_format(day, d));
		return COR_EINVAL;
	}
	why->field = NULL;
	why->msg[0] = '\0';
	return 0;
}

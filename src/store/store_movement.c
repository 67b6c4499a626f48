// SPDX-License-Identifier: Apache-2.0
// The movement part of the store (store_movement.h), dispatched to the backend's
// table (store_movement_ops.h).
#include "store/store_movement.h"

#include "store/store_movement_ops.h"
#include "store/store_int.h"

#include <stdarg.h>
#include <stdio.h>

#include "domain/country.h"
#include "util/error.h"
#include "util/tz.h"

/* The fields of a record are checked here, before either backend writes:
 * the same messages on both. */
static void msg(struct cor_store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void msg(struct cor_store *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cor_store_head(st)->msg, sizeof(cor_store_head(st)->msg), fmt, ap);
	va_end(ap);
}

int cor_store_place_add(struct cor_store *st, const struct cor_place *p)
{
	if (!cor_place_code_is_valid(p->code)) {
		msg(st, "code: '%s' is not an IATA airport code (ABC) or a UN/LOCODE (ABCDE)",
		    p->code);
		return COR_EINVAL;
	}
	if (!cor_country_is_iso3(p->country)) {
		msg(st, "country: '%s' is not an ISO 3166-1 alpha-3 code", p->country);
		return COR_EINVAL;
	}
	if (!cor_tz_is_known(p->tz)) {
		msg(st, "tz: '%s' is not a time zone this system knows (e.g. Africa/Tripoli)",
		    p->tz);
		return COR_EINVAL;
	}
	if (!p->name[0] || !cor_text_is_clean(p->name)) {
		msg(st, "name: must be UTF-8 text without control characters");
		return COR_EINVAL;
	}
	return cor_store_head(st)->ops->movement->place_add(st, p);
}

int cor_store_place_get(struct cor_store *st, const char *code, struct cor_place *out)
{
	return cor_store_head(st)->ops->movement->place_get(st, code, out);
}

int cor_store_place_each(struct cor_store *st, int (*cb)(const struct cor_place *p, void *ctx),
			 void *ctx)
{
	return cor_store_head(st)->ops->movement->place_each(st, cb, ctx);
}

int cor_store_movement_add(struct cor_store *st, struct cor_movement *m, const char *actor)
{
	char msg_[256];
	if (cor_movement_validate(m, msg_, sizeof(msg_)) < 0) {
		msg(st, "%s", msg_);
		return COR_EINVAL;
	}
	if (m->state != COR_MSTATE_PLANNED && m->state != COR_MSTATE_OPEN) {
		msg(st, "a new movement is planned or open, not %s",
		    cor_movement_state_name(m->state));
		return COR_EINVAL;
	}
	if (!m->label[0] || !cor_text_is_clean(m->label)) {
		msg(st, "label: give the name people use for it (\"ET 3412\", \"MV Amal\")");
		return COR_EINVAL;
	}
	return cor_store_head(st)->ops->movement->movement_add(st, m, actor);
}

int cor_store_movement_get(struct cor_store *st, const char *ref, struct cor_movement *out)
{
	return cor_store_head(st)->ops->movement->movement_get(st, ref, out);
}

int cor_store_movement_events(struct cor_store *st, const char *ref,
			      int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->movement->movement_events(st, ref, cb, ctx);
}

int cor_store_case_available(struct cor_store *st, const char *ref, const struct cor_date *on,
			     const char *actor, const char *reason)
{
	return cor_store_head(st)->ops->movement->case_available(st, ref, on, actor, reason);
}

int cor_store_movement_each(struct cor_store *st, const struct cor_movement_query *q,
			    int (*cb)(const struct cor_movement *m,
				      const struct cor_movement_load *l, void *ctx),
			    void *ctx)
{
	return cor_store_head(st)->ops->movement->movement_each(st, q, cb, ctx);
}

int cor_store_movement_set_state(struct cor_store *st, const char *ref, enum cor_movement_state to,
				 const char *actor, const char *reason,
				 struct cor_movement_change *res)
{
	return cor_store_head(st)->ops->movement->movement_set_state(st, ref, to, actor, reason,
								     res);
}

int cor_store_movement_quota(struct cor_store *st, const char *ref, const char *office, int seats,
			     const char *actor)
{
	return cor_store_head(st)->ops->movement->movement_quota(st, ref, office, seats, actor);
}

int cor_store_movement_quota_each(struct cor_store *st, const char *ref,
				  int (*cb)(const char *office, int seats, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->movement->movement_quota_each(st, ref, cb, ctx);
}

int cor_store_movement_escort_add(struct cor_store *st, const char *ref, const struct cor_escort *e,
				  const char *actor)
{
	if (!e->family_name[0] || !cor_text_is_clean(e->family_name) ||
	    !cor_text_is_clean(e->given_names)) {
		msg(st, "family name: give the escort's name as on their passport");
		return COR_EINVAL;
	}
	if (e->sex != 'F' && e->sex != 'M' && e->sex != 'X') {
		msg(st, "sex: F, M or X");
		return COR_EINVAL;
	}
	if (!cor_country_is_iso3(e->nationality)) {
		msg(st, "nationality: '%s' is not an ISO 3166-1 alpha-3 code", e->nationality);
		return COR_EINVAL;
	}
	if (e->passport[0] && !cor_country_is_iso3(e->issuer)) {
		msg(st, "issuer: '%s' is not an ISO 3166-1 alpha-3 code", e->issuer);
		return COR_EINVAL;
	}
	return cor_store_head(st)->ops->movement->movement_escort_add(st, ref, e, actor);
}

int cor_store_movement_escort_each(struct cor_store *st, const char *ref,
				   int (*cb)(const struct cor_escort *e, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->movement->movement_escort_each(st, ref, cb, ctx);
}

int cor_store_booking_put(struct cor_store *st, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *board, const char *alight,
			  const char *actor, const char *reason)
{
	return cor_store_head(st)->ops->movement->booking_put(st, movement, case_ref, status, board,
							      alight, actor, reason);
}

int cor_store_booking_add(struct cor_store *st, const char *movement, const char *case_ref,
			  enum cor_booking_status status, const char *actor, const char *reason)
{
	return cor_store_head(st)->ops->movement->booking_add(st, movement, case_ref, status, actor,
							      reason);
}

int cor_store_booking_each(struct cor_store *st, const char *movement,
			   int (*cb)(const struct cor_booking *b, void *ctx), void *ctx)
{
	return cor_store_head(st)->ops->movement->booking_each(st, movement, cb, ctx);
}

int cor_store_case_booking(struct cor_store *st, const char *case_ref, struct cor_booking *out)
{
	return cor_store_head(st)->ops->movement->case_booking(st, case_ref, out);
}

int cor_store_movement_note(struct cor_store *st, const char *ref, const char *actor,
			    const char *action, const char *detail, const char *reason)
{
	return cor_store_head(st)->ops->movement->movement_note(st, ref, actor, action, detail,
								reason);
}

int cor_store_booking_cases(struct cor_store *st, const char *movement,
			    enum cor_booking_status status, char (**refs)[32], size_t *n)
{
	return cor_store_head(st)->ops->movement->booking_cases(st, movement, status, refs, n);
}

int cor_store_booking_promote(struct cor_store *st, const char *movement, const char *case_ref,
			      const char *board, const char *alight)
{
	return cor_store_head(st)->ops->movement->booking_promote(st, movement, case_ref, board,
								  alight);
}

int cor_store_standby_cancel(struct cor_store *st, const char *movement, const char *case_ref,
			     const char *actor, const char *reason)
{
	return cor_store_head(st)->ops->movement->standby_cancel(st, movement, case_ref, actor,
								 reason);
}

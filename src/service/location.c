// SPDX-License-Identifier: Apache-2.0
// Where people are (location.h): assembly points, their reach to the places
// movements board at, and a case's location, each checked once here.
#include "service/location.h"

#include <stdio.h>
#include <string.h>

#include "domain/case.h"
#include "domain/country.h"
#include "service/case.h"
#include "store/store_movement.h"
#include "store/store_plan.h"
#include "util/error.h"

static bool text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	return n >= 1 && n <= max && cor_text_is_clean(s);
}

/* The location code names: an office or an assembly point. */
static int find_location(struct cor_ctx *cx, const char *code, struct cor_location *out)
{
	if (!code || !*code)
		return cor_error_set(
			&cx->err, COR_CODE_BAD_PARAMETER, "location",
			"which location? give an office (LY-TIP) or an assembly point");
	if (strlen(code) > COR_LOCATION_CODE_MAX)
		return cor_error_set(&cx->err, COR_CODE_NOT_FOUND, "location",
				     "no location '%.16s...'", code);
	int err = cor_store_location_get(cx->st, code, out);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_NOT_FOUND, "location",
				     "no location '%s' (an office or an assembly point: 'corridor "
				     "location list')",
				     code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- location.add, location.list ----------------------------------------- */

static int op_location_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_location *l = vin;
	(void)vout;
	if (!cor_location_code_is_valid(l->code))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "code",
				     "'%s' is not an assembly point's code: 7 to 16 capital "
				     "letters, digits and '-' (LY-TIP-DC01)",
				     l->code);
	if (l->kind == COR_LOCATION_OFFICE || (unsigned)l->kind >= COR_LOCATION__N)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "kind",
				     "an assembly point is a detention centre, a town or a "
				     "transit centre (detention, town, transit)");
	if (!cor_country_is_iso3(l->country))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "country",
				     "'%s' is not an ISO 3166-1 alpha-3 code", l->country);
	if (!text_ok(l->name, COR_PLACE_NAME_MAX))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "name",
				     "a location's name is 1 to %d bytes of text",
				     COR_PLACE_NAME_MAX);
	int err = cor_store_location_add(cx->st, l);
	if (err == COR_EEXIST)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "code",
				     "location '%s' already exists", l->code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_location_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_location_list_in *in = vin;
	(void)vout;
	int err = cor_store_location_each(cx->st, in->cb, in->ctx);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_location_json(const struct cor_location *loc)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "code", loc->code, "kind",
			 cor_location_kind_name(loc->kind), "country", loc->country, "name",
			 loc->name);
}

/* ---- place.reach, place.reach_list ---------------------------------------- */

static int op_place_reach(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_reach_in *in = vin;
	const struct cor_place_reach *r = &in->r;
	struct cor_location loc;
	struct cor_place p;
	(void)vout;
	int err = cor_store_place_get(cx->st, r->place, &p);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_PLACE_NOT_FOUND, "place", "no place '%s'",
				     r->place);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = find_location(cx, r->location, &loc)) < 0)
		return err;
	if (in->remove) {
		err = cor_store_reach_remove(cx->st, r->place, r->location);
		if (err == COR_ENOTFOUND)
			return cor_error_set(&cx->err, COR_CODE_NOT_FOUND, "place",
					     "no reach of %s from %s is recorded", r->place,
					     r->location);
		return err < 0 ? cor_ctx_store_error(cx, err) : 0;
	}
	if ((unsigned)r->mode >= COR_REACH__N)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "mode",
				     "a place is reached by road or by a domestic leg (road, leg)");
	if (r->hours < 0 || r->hours > 999)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "hours",
				     "the hours to get there are 0 to 999, not %d", r->hours);
	if (strcmp(loc.country, p.country))
		return cor_error_set(&cx->err, COR_CODE_REFUSED, "location",
				     "%s (%s) is in %s and %s (%s) in %s: a location reaches "
				     "places of its own country",
				     loc.code, loc.name, loc.country, p.code, p.name, p.country);
	err = cor_store_reach_put(cx->st, r);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_reach_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_reach_list_in *in = vin;
	struct cor_location loc;
	(void)vout;
	int err;
	if (in->location && (err = find_location(cx, in->location, &loc)) < 0)
		return err;
	err = cor_store_reach_each(cx->st, in->location, in->cb, in->ctx);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_reach_json(const struct cor_place_reach *r)
{
	return json_pack("{s:s, s:s, s:s, s:i}", "place", r->place, "location", r->location, "mode",
			 cor_reach_mode_name(r->mode), "hours", r->hours);
}

/* ---- case.locate ------------------------------------------------------------ */

int cor_svc_locate_case(struct cor_ctx *cx, const char *ref, const char *office, const char *origin,
			const char *location, const char *reason, struct cor_svc_locate_out *out)
{
	struct cor_location to;
	char was[COR_LOCATION_CODE_MAX + 1], detail[160];
	int err;
	if (!reason || !*reason)
		return cor_error_set(&cx->err, COR_CODE_REASON_REQUIRED, "reason",
				     "say why case '%s' is now somewhere else", ref);
	if (strlen(reason) > COR_REASON_MAX || !cor_text_is_clean(reason))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "the reason must be at most %d bytes of text", COR_REASON_MAX);
	if ((err = find_location(cx, location, &to)) < 0)
		return err;
	if (strcmp(to.country, origin))
		return cor_error_set(&cx->err, COR_CODE_REFUSED, "location",
				     "case '%s' is in %s (its origin); %s (%s) is in %s", ref,
				     origin, to.code, to.name, to.country);
	if ((err = cor_store_case_location(cx->st, ref, was)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!was[0])
		snprintf(was, sizeof(was), "%s", office);
	bool home = !strcmp(to.code, office);
	snprintf(detail, sizeof(detail), "at %s (%s), was at %s", to.name, to.code, was);
	if ((err = cor_store_case_locate(cx->st, ref, home ? NULL : to.code, detail, cx->actor,
					 reason)) < 0)
		return cor_ctx_store_error(cx, err);
	if (out) {
		snprintf(out->from, sizeof(out->from), "%s", was);
		snprintf(out->to, sizeof(out->to), "%s", to.code);
	}
	return 0;
}

static int op_case_locate(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_locate_in *in = vin;
	struct cor_case c;
	int64_t id;
	if (!in->ref || !*in->ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "which case? give a case ID like LY-TIP-2026-000123");
	int err = cor_store_case_get(cx->st, in->ref, &id, &c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     in->ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	return cor_svc_locate_case(cx, in->ref, c.office, c.origin, in->location, in->reason, vout);
}

static const struct cor_op op_location_add_row = {
	"location.add", COR_OP_WRITE, "movement.write", op_location_add,
	"add an assembly point: a detention centre, a town, a transit centre"};
static const struct cor_op op_location_list_row = {"location.list", COR_OP_READ, "movement.read",
						   op_location_list,
						   "every assembly point, by code"};
static const struct cor_op op_place_reach_row = {
	"place.reach", COR_OP_WRITE, "movement.write", op_place_reach,
	"record how a location reaches a place (road or a domestic leg, hours)"};
static const struct cor_op op_reach_list_row = {"place.reach_list", COR_OP_READ, "movement.read",
						op_reach_list,
						"which locations reach which places"};
static const struct cor_op op_case_locate_row = {
	"case.locate", COR_OP_WRITE, "case.write", op_case_locate,
	"put a case at a location: its office or an assembly point"};

const struct cor_op *const cor_ops_location[] = {
	&op_location_add_row, &op_location_list_row, &op_place_reach_row,
	&op_reach_list_row,   &op_case_locate_row,   NULL,
};

int cor_svc_location_add(struct cor_ctx *cx, const struct cor_location *in)
{
	return cor_service_run(cx, &op_location_add_row, in, NULL);
}

int cor_svc_location_list(struct cor_ctx *cx, const struct cor_svc_location_list_in *in)
{
	return cor_service_run(cx, &op_location_list_row, in, NULL);
}

int cor_svc_place_reach(struct cor_ctx *cx, const struct cor_svc_reach_in *in)
{
	return cor_service_run(cx, &op_place_reach_row, in, NULL);
}

int cor_svc_place_reach_list(struct cor_ctx *cx, const struct cor_svc_reach_list_in *in)
{
	return cor_service_run(cx, &op_reach_list_row, in, NULL);
}

int cor_svc_case_locate(struct cor_ctx *cx, const struct cor_svc_locate_in *in,
			struct cor_svc_locate_out *out)
{
	struct cor_svc_locate_out ignored;
	return cor_service_run(cx, &op_case_locate_row, in, out ? out : &ignored);
}

// SPDX-License-Identifier: Apache-2.0
// Where people are: assembly points (location.add, location.list), which
// locations reach each place and how (place.reach, place.reach_list), and
// a case's location (case.locate). The planner boards a case only at a
// place its location reaches (service/plan.c, docs/planner.md).
//
// Refusals (cx->err): INVALID naming the field ("code", "kind", "country",
// "name", "hours", "mode", "reason"), NOT_FOUND (field "location"),
// PLACE_NOT_FOUND ("place"), CASE_NOT_FOUND ("case"), EXISTS ("code"),
// REFUSED ("location": not in the country of the case or of the place),
// REASON_REQUIRED ("reason").
#ifndef COR_SERVICE_LOCATION_H
#define COR_SERVICE_LOCATION_H

#include <jansson.h>
#include <stdbool.h>

#include "domain/movement.h"
#include "service/service.h"

/* location.add: an assembly point (kind detention, town or transit), its
 * code (7 to 16 of A-Z, 0-9, '-'), country and name checked. */
int cor_svc_location_add(struct cor_ctx *cx, const struct cor_location *in);

/* location.list: every assembly point, by code, to cb. */
struct cor_svc_location_list_in {
	int (*cb)(const struct cor_location *loc, void *ctx);
	void *ctx;
};
int cor_svc_location_list(struct cor_ctx *cx, const struct cor_svc_location_list_in *in);
/* {"code","kind","country","name"} */
json_t *cor_svc_location_json(const struct cor_location *loc);

/* place.reach: location reaches place by mode in hours (remove: forget it).
 * The location is an office or an assembly point of the place's country. */
struct cor_svc_reach_in {
	struct cor_place_reach r;
	bool remove;
};
int cor_svc_place_reach(struct cor_ctx *cx, const struct cor_svc_reach_in *in);

/* place.reach_list: the reach recorded for location (NULL: all), by
 * location and place, to cb. NOT_FOUND when location is not one. */
struct cor_svc_reach_list_in {
	const char *location;
	int (*cb)(const struct cor_place_reach *r, void *ctx);
	void *ctx;
};
int cor_svc_place_reach_list(struct cor_ctx *cx, const struct cor_svc_reach_list_in *in);
/* {"place","location","mode","hours"} */
json_t *cor_svc_reach_json(const struct cor_place_reach *r);

/* case.locate: case ref is now at location (an office or an assembly point
 * of its origin country; its own office puts it back there), with an event
 * "located" and its reason (required). out, when given, gets where it was
 * and where it is now (office codes for "at its office"). */
struct cor_svc_locate_in {
	const char *ref, *location, *reason;
};
struct cor_svc_locate_out {
	char from[COR_LOCATION_CODE_MAX + 1], to[COR_LOCATION_CODE_MAX + 1];
};
int cor_svc_case_locate(struct cor_ctx *cx, const struct cor_svc_locate_in *in,
			struct cor_svc_locate_out *out);

/* Inside an operation: put case ref (of office, from origin) at location,
 * as case.locate does without its own transaction (registration uses it). */
int cor_svc_locate_case(struct cor_ctx *cx, const char *ref, const char *office, const char *origin,
			const char *location, const char *reason, struct cor_svc_locate_out *out);

extern const struct cor_op *const cor_ops_location[];

#endif

// SPDX-License-Identifier: Apache-2.0
// What the health and document operations share (service/health.c,
// service/document.c): finding the person an input names, the person as
// JSON, and a refusal that lists every cause. Not for front ends.
#ifndef COR_SERVICE_HEALTH_INT_H
#define COR_SERVICE_HEALTH_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "service/service.h"
#include "store/store_health.h"

/* Find the person ref names, the value of input field `field`. On failure
 * cx->err says why: BAD_PARAMETER (none given), INVALID (not a person ID),
 * PERSON_NOT_FOUND, each with field. */
int cor_svc_person_find(struct cor_ctx *cx, const char *field, const char *ref,
			struct cor_person_found *who);
/* {"id":"LY-TIP-2026-000201-01","case":"LY-TIP-2026-000201",
 *  "family_name_latin":"YUSUF","given_names_latin":"Amina","programme":"VHR",
 *  "origin":"LBY","destination":"SDN"}. New reference. */
json_t *cor_svc_person_json(const struct cor_person_found *who);
#endif

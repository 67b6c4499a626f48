// SPDX-License-Identifier: Apache-2.0
// manifest.build: who travels on one leg of a movement, with what the
// manifest writers (manifest/manifest.h) need and nothing more. Travellers
// come from the bookings (booked, or departed once the movement has left),
// in seat-group order, each case's persons in order; the named escorts
// follow. SSR codes come from each person's latest fitness-to-travel
// conditions (cor_health_ssr_codes), plus INFT for a child under two on the
// day of departure. A traveller whose conditions call for a medical escort
// is assigned one of the movement's medical escorts in turn; one who needs a
// non-medical escort, an operational escort. The manifest is dated with the
// context's clock. Before the movement departs, no manifest holds a traveller
// who fails the pre-departure check (service/departure.h): the cases and
// named escorts it blocks are left out and counted (withheld_*).
#ifndef COR_SERVICE_MANIFEST_H
#define COR_SERVICE_MANIFEST_H

#include "manifest/manifest.h"
#include "service/service.h"

struct cor_svc_manifest_in {
	const char *movement;        /* its reference */
	int leg;                     /* 1-based */
	const char *reporting_party; /* NULL or "": the movement's office */
};

/* Fill *out for leg of movement; out->pax is allocated (free with
 * cor_svc_manifest_release). Refusals: MOVEMENT_NOT_FOUND, NOT_FOUND (field
 * "leg": no such leg), WRONG_STATE (the movement is cancelled). */
int cor_svc_manifest_build(struct cor_ctx *cx, const struct cor_svc_manifest_in *in,
			   struct cor_manifest *out);
void cor_svc_manifest_release(struct cor_manifest *m);

extern const struct cor_op *const cor_ops_manifest[];

#endif

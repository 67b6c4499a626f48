// SPDX-License-Identifier: Apache-2.0
// A manifest read from the store: who travels on one leg of a movement,
// with what the manifest writers (manifest/manifest.h) need and nothing
// more. Travellers come from the bookings (booked, or departed once the
// movement has left), in seat-group order, each case's persons in order;
// the named escorts follow. SSR codes come from each person's latest
// fitness-to-travel conditions (cor_health_ssr_codes), plus INFT for a child
// under two on the day of departure. A traveller whose conditions call for a
// medical escort is assigned one of the movement's medical escorts in turn;
// one who needs a non-medical escort, an operational escort.
#ifndef COR_STORE_MANIFEST_H
#define COR_STORE_MANIFEST_H

#include "manifest/manifest.h"
#include "store/store.h"

/* Fill *out for leg (1-based) of movement ref; out->pax is allocated (free
 * with cor_store_manifest_release). COR_ENOTFOUND (no movement, no such
 * leg), COR_EWRONGSTATE (the movement is cancelled). */
int cor_store_manifest_load(struct cor_store *st, const char *ref, int leg,
			    const char *reporting_party, struct cor_manifest *out);
void cor_store_manifest_release(struct cor_manifest *m);

#endif

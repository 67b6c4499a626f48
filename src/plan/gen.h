// SPDX-License-Identifier: Apache-2.0
// Planner instances shaped like real operations, for tests and benchmarks:
// voluntary-return charters from Libya to West Africa, Khartoum and Dhaka,
// vessels from Aden, resettlement block seats through Istanbul, Addis Ababa
// and Doha, land convoys from Agadez; families of 1-8, a few stretcher,
// wheelchair and medically escorted travellers, an emergency/urgent/normal
// mix, dates that sometimes bind, optional office quotas and kept bookings.
// Demand exceeds capacity so that choices matter. The same arguments give
// the same instance on every machine.
#ifndef COR_PLAN_GEN_H
#define COR_PLAN_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan/plan.h"

struct cor_plan_gen {
	double demand; /* travellers per seat; 0: drawn from 1.3..2.0 */
	bool quotas;   /* office quotas on some charters */
	bool fixed;    /* about 1% of the cases keep a booking */
};

/* An instance and the arrays its input points into (owned). */
struct cor_plan_instance {
	struct cor_plan_input in;
	struct cor_plan_case *cases;
	struct cor_plan_movement *movements;
	struct cor_plan_leg *legs;
	struct cor_plan_quota *quotas;
};

/* Generate ncases cases and nmovements movements (>= 1) from seed; opt may
 * be NULL for {0, true, true}. The configuration is the default with the
 * horizon starting 2026-12-01. COR_EINVAL, COR_ENOMEM. Free with
 * cor_plan_instance_free. */
int cor_plan_generate(size_t ncases, size_t nmovements, uint64_t seed,
		      const struct cor_plan_gen *opt, struct cor_plan_instance *out);
void cor_plan_instance_free(struct cor_plan_instance *inst);

#endif

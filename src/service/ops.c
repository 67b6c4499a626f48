// SPDX-License-Identifier: Apache-2.0
// The table of every operation: one group a service module, each group a
// NULL-terminated list of rows defined beside the operations it names.
#include "service/service.h"

#include "service/manifest.h"
#include "service/movement.h"
#include "service/plan.h"
#include "service/rules.h"

const struct cor_op *const *const cor_ops[] = {
	cor_ops_rules, cor_ops_movement, cor_ops_plan, cor_ops_manifest, NULL,
};

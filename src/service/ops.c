// SPDX-License-Identifier: Apache-2.0
// The table of every operation: one group a service module, each group a
// NULL-terminated list of rows defined beside the operations it names.
#include "service/service.h"

#include "service/case.h"
#include "service/correct.h"
#include "service/document.h"
#include "service/fund.h"
#include "service/health.h"
#include "service/location.h"
#include "service/manifest.h"
#include "service/movement.h"
#include "service/numbers.h"
#include "service/plan.h"
#include "service/queue.h"
#include "service/registry.h"
#include "service/rules.h"
#include "service/search.h"
#include "service/support.h"
#include "service/workflow.h"

const struct cor_op *const *const cor_ops[] = {
	cor_ops_rules,    cor_ops_case,   cor_ops_registry, cor_ops_numbers, cor_ops_queue,
	cor_ops_workflow, cor_ops_health, cor_ops_document, cor_ops_fund,    cor_ops_support,
	cor_ops_movement, cor_ops_plan,   cor_ops_manifest, cor_ops_correct, cor_ops_search,
	cor_ops_location, NULL,
};

// SPDX-License-Identifier: Apache-2.0
// The opening summary of case.show: where a case stands, in one object
// read in case.show's own transaction. Each conclusion is the domain's:
// fitness to travel is the eligibility engine's FITNESS criterion under the
// rules in force, evaluated at the departure of the leg the case boards
// when it holds a booking, else at the context's now (the pre-departure
// check's evaluation, service/departure.h); the next steps are the
// lifecycle's moves from the case's state whose guards the case meets now
// (domain/lifecycle.h, as case.move checks them); the protection level and
// the fund position are domain/summary.h's folds.
#ifndef COR_SERVICE_SUMMARY_H
#define COR_SERVICE_SUMMARY_H

#include <jansson.h>
#include <stdint.h>

#include "service/service.h"

/* The summary of case c (internal id id) into *out, for the caller to
 * json_decref:
 * {"booking":null|{"movement","label","status":"booked"|"standby","board",
 *   "alight","departs","arrives","legs":[{"from","to","number","departs",
 *   "arrives"}],"seats"},
 *  "referrals":{"open":N,"kinds":[{"no","to","subject"}]} (the open ones),
 *  "protection":{"level":null|"none"|"low"|"medium"|"high","persons",
 *   "assessed","uncleared"},
 *  "fitness":{"required":bool,"valid":null|bool,"at","for":"departure"|"now",
 *   "until":null|time,"unmet":[{"who","code","message"}]},
 *  "fund":{"requests":N,"positions":[{"currency","requests","pending",
 *   "asked","approved","paid"}]} (amounts as decimal strings),
 *  "next":[{"state","role","reason_required"}],
 *  "not_yet":[{"state","code","message"}]}
 * Times are "YYYY-MM-DDTHH:MMZ". On failure cx->err says why. */
int cor_svc_case_summary(struct cor_ctx *cx, int64_t id, const struct cor_case *c, json_t **out);

#endif

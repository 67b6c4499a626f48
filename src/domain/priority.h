// SPDX-License-Identifier: Apache-2.0
// The priority engine: where a travel-ready case stands in the queue and
// why. Pure C over struct cor_case_facts (see eligibility.h): no I/O, no SQL,
// no allocation.
//
// A case's level (emergency, urgent, normal) gives it a deadline: the day the
// level was set (else the registration day) plus the level's time frame in
// the config (7, 42, 365 days by default). Its vulnerability weight is the
// sum, over its travellers, of the weights of their specific-needs codes.
//
// Invariants: the order is total and deterministic: level (emergency
// first), then deadline (earliest first), then weight (heaviest first), then
// registration day (earliest first), then case reference (byte order). The
// explanation of a case names each of those values, so a reader can see why
// it is where it is.
#ifndef COR_PRIORITY_H
#define COR_PRIORITY_H

#include <stddef.h>
#include <stdint.h>

#include "domain/eligibility.h"

/* One case in the queue: 32 bytes, everything the order needs without
 * following a pointer but the reference on a tie. Level and registration
 * day are the facts'. */
struct cor_priority_rec {
	uint64_t key;    /* level, deadline, weight, registration packed: smaller goes first */
	const char *ref; /* borrowed: facts->ref ("" when NULL), the last tie-break */
	const struct cor_case_facts *facts; /* borrowed: for the explanation */
	int32_t deadline;                   /* day number (cor_date_to_days) */
	int32_t weight;
};

/* The vulnerability weight of one ';'-separated list of needs codes; unknown
 * codes weigh nothing. */
int cor_vulnerability_weight(const struct cor_rules_config *cfg, const char *needs);
/* Fill *out for case f. COR_EINVAL when the level or the registration day is
 * not valid. */
int cor_priority_compute(const struct cor_rules_config *cfg, const struct cor_case_facts *f,
			 struct cor_priority_rec *out);
/* <0 when a goes before b, >0 after, 0 only for the same reference and values. */
int cor_priority_cmp(const struct cor_priority_rec *a, const struct cor_priority_rec *b);
/* Sort n records into queue order (cor_priority_cmp), in place, without
 * allocating. */
void cor_priority_sort(struct cor_priority_rec *recs, size_t n);
/* Write why r is where it is, seen on `today`, into buf (snprintf rules) and
 * return the length it needs, e.g. "urgent (deadline 2026-12-20, 23 days
 * left); vulnerability 7: SM-CC critical medical condition (4), SP single
 * parent or caregiver (3); registered 2026-10-02". */
size_t cor_priority_explain(const struct cor_rules_config *cfg, const struct cor_priority_rec *r,
			    struct cor_date today, char *buf, size_t len);

#endif

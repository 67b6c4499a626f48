// SPDX-License-Identifier: Apache-2.0
// The demo caseload: a deterministic, realistic set of cases across every
// programme, shaped like real operations (returns from Libya and Yemen,
// evacuations, resettlement, relocation, stranded migrants), written through
// the same store calls as real work, each case with a plausible history.
#ifndef COR_DEMO_H
#define COR_DEMO_H

#include <stdint.h>

#include "domain/date.h"
#include "store/store.h"

#define COR_DEMO_DEFAULT_PEOPLE 20000

struct cor_demo_opts {
	long people;           /* exact number of persons to generate */
	uint64_t seed;         /* same seed, people and today: same database */
	struct cor_date today; /* the day the caseload is seen from */
};

struct cor_demo_result {
	long cases, persons, documents, events;
	long movements, bookings;
};

/* Generate into st, which must hold no case yet. */
int cor_demo_generate(struct cor_store *st, const struct cor_demo_opts *o,
		      struct cor_demo_result *res, char *msg, size_t msglen);

#endif

// SPDX-License-Identifier: Apache-2.0
// Facts from the store: the records of a case (the case, its persons and
// their documents, specific needs, fitness-to-travel checks with conditions
// and TB class, protection assessments and clearances; the case's
// counselling sessions and open referrals) mapped onto the facts the
// eligibility and priority engines read (domain/eligibility.h), and what is
// built on them: the eligibility hook of a move (store_workflow.h) and the
// priority queue of travel-ready cases. docs/queue.md is the reference.
//
// Invariants:
//  - the mapping from records to facts lives in one place (store_facts.c,
//    "The mapping"), which every backend's loader feeds, and a record that is missing maps to the
//    zero value of its fact ("nothing recorded"), which the engines report as unmet;
//  - cases have no booking yet, so no travel date: facts carry one only
//    when the caller gives it (travel_on); otherwise the engines evaluate on
//    the caller's reference date;
//  - cor_store_facts_each reads every table once, in order, whatever the
//    number of cases (no query per case), holding one case at a time in
//    buffers it reuses: its memory does not grow with the caseload;
//  - a case and its facts are borrowed by the callback for the duration of
//    the call; the callback returns 0 to go on, non-zero to stop (that value
//    is returned).
#ifndef COR_STORE_FACTS_H
#define COR_STORE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/case.h"
#include "domain/eligibility.h"
#include "domain/lifecycle.h"
#include "domain/priority.h"
#include "domain/stats.h"
#include "store/store.h"

/* What a report shows of a person besides the engine's facts. */
struct cor_facts_person {
	int64_t id;          /* the person's internal id */
	int seq;             /* 1 for the principal applicant, then 2, 3... */
	unsigned conditions; /* of the latest fitness check: COR_HEALTH_COND_BIT set */
	int docs_held;       /* documents on record; the facts keep COR_FACT_DOCS_MAX */
};

/* One case as loaded. f.travellers and persons run in parallel, in seq order. */
struct cor_facts_case {
	int64_t id;                             /* the case's internal id */
	struct cor_case c;                      /* as stored: ref, programme, office, state... */
	struct cor_case_facts f;                /* what the engines read */
	const struct cor_facts_person *persons; /* f.n_travellers of them */
};

/* Which cases, and the travel date their facts carry. */
struct cor_facts_query {
	const char *programme;            /* NULL: any */
	const char *office;               /* NULL: any */
	const char *state;                /* NULL: any */
	const struct cor_date *travel_on; /* NULL: no travel date (the usual: none is booked yet) */
};

typedef int (*cor_facts_cb)(const struct cor_facts_case *fc, void *ctx);

/* ---- loading ----------------------------------------------------------- */

/* The facts of case ref (travel_on as in struct cor_facts_query), given to
 * cb once. COR_ENOTFOUND when there is no such case (cor_store_errmsg: "no
 * case 'REF'"). cb may call the store. */
int cor_store_facts_case(struct cor_store *st, const char *ref, const struct cor_date *travel_on,
			 cor_facts_cb cb, void *ctx);
/* The facts of every case q selects, in case order, each given to cb. One
 * ordered pass over each table; cb must not call cor_store_facts_each.
 * COR_ENOTFOUND when q names an office that does not exist. */
int cor_store_facts_each(struct cor_store *st, const struct cor_facts_query *q, cor_facts_cb cb,
			 void *ctx);

/* ---- travel ------------------------------------------------------------ */

typedef int (*cor_travel_cb)(const struct cor_case_travel *t, void *ctx);
/* The travel of every case of q's programme and office (its state and
 * travel date are ignored) that has departed or arrived, in case order, each
 * given to cb: the UTC day of its first move into 'departed' and of its
 * first move into 'arrived' (from its history), and its persons. What
 * statistics count flows from (domain/stats.h); no names. */
int cor_store_travel_each(struct cor_store *st, const struct cor_facts_query *q, cor_travel_cb cb,
			  void *ctx);

/* Record msg as the message of st's last failure (cor_store_errmsg), for a
 * caller that fails inside a store call, e.g. a hook of a move. */
void cor_store_facts_note(struct cor_store *st, const char *msg);

#endif

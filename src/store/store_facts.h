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
//  - the mapping from records to facts lives in one place (sqlite_facts.c,
//    "The mapping") and a record that is missing maps to the zero value of
//    its fact ("nothing recorded"), which the engines report as unmet;
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

/* ---- reports ----------------------------------------------------------- */

/* The report line of unmet criterion u of fc: criterion, whom (the person
 * ID, or the case ID for a case criterion), code and sentence, e.g.
 * "TRAVEL_DOCUMENT  LY-TIP-2026-000123-01  DOC_EXPIRES_BEFORE_TRAVEL  passport
 * of AMINA YUSUF expires 2027-01-02, before travel on 2027-01-10" (columns
 * padded; no newline). snprintf rules; returns the length it needs. */
size_t cor_facts_unmet_line(const struct cor_facts_case *fc, const struct cor_unmet *u, char *buf,
			    size_t len);
/* "for travel on 2027-01-10", or "on 2026-11-27 (no travel date set)": the
 * day an evaluation is for, as reports say it. Returns buf (48 bytes do). */
char *cor_facts_day_phrase(const struct cor_date *travel_on, struct cor_date today, char *buf,
			   size_t len);

/* ---- the eligibility hook of a move ------------------------------------ */

/* The context of cor_facts_eligibility_hook. Set cfg and today (and
 * travel_on); the hook sets the rest. */
struct cor_facts_hook_ctx {
	const struct cor_rules_config *cfg; /* borrowed */
	struct cor_date today;              /* the reference date */
	const struct cor_date *travel_on;   /* NULL: none */
	size_t unmet;                       /* out: unmet criteria found */
	char *report; /* out: one cor_facts_unmet_line per unmet criterion, each ending in
			 "\n"; NULL when none. The caller frees it. */
};
/* For struct cor_eligibility_hook (store_workflow.h), ctx a struct
 * cor_facts_hook_ctx: evaluates the case's facts and sets gate->eligibility;
 * when not met, gate->ineligible_why says how many criteria fail and on
 * which day, and ctx->report lists them. */
int cor_facts_eligibility_hook(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			       struct cor_case_gate *gate, void *ctx);

/* ---- the queue --------------------------------------------------------- */

/* A travel-ready case that is not eligible, when asked for. */
struct cor_facts_blocked {
	const char *ref;
	int persons;
	size_t unmet;
	const char *codes; /* "FITNESS_EXPIRED x2, DOC_EXPIRES_BEFORE_TRAVEL" */
};

/* Every case a query selected, evaluated; the travel-ready ones in the
 * queue or blocked. Owns its memory (cor_facts_queue_release). */
struct cor_facts_queue {
	struct cor_priority_rec *recs; /* the eligible travel-ready cases, in queue order */
	size_t n;
	long persons;                      /* in recs */
	struct cor_facts_blocked *blocked; /* with keep_blocked: in case order */
	long n_blocked, blocked_persons;   /* travel-ready, not eligible */
	long cases, travellers;            /* evaluated */
	long eligible;                     /* of those, eligible (any state) */
	long unmet;                        /* unmet criteria found, all cases */
	struct queue_mem *mem;             /* internal */
};
#define COR_FACTS_QUEUE_INIT                                                                       \
	{                                                                                          \
		0                                                                                  \
	}

/* Evaluate every case q selects under cfg on `today` (the reference date;
 * q->travel_on, when set, is every case's travel date); the eligible cases
 * in state travel_ready make the queue, sorted by cor_priority_sort, and
 * the others in that state are counted (and kept with keep_blocked).
 * *out must be COR_FACTS_QUEUE_INIT or released. */
int cor_facts_queue_build(struct cor_store *st, const struct cor_facts_query *q,
			  const struct cor_rules_config *cfg, struct cor_date today,
			  bool keep_blocked, struct cor_facts_queue *out);
/* The persons of queue entry i, and the travel conditions any of them needs. */
int cor_facts_queue_persons(const struct cor_facts_queue *q, size_t i, unsigned *conditions);
/* Free what the queue holds; it is then empty (COR_FACTS_QUEUE_INIT). */
void cor_facts_queue_release(struct cor_facts_queue *q);

#endif

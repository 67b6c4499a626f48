// SPDX-License-Identifier: Apache-2.0
// Eligibility and the priority queue, decided with the rules in force
// (cor_ctx_rules): the evaluation of one case (eligibility), and the queue
// of travel-ready cases that meet every criterion, in the priority engine's
// order, with those that do not (queue). The store only reads facts
// (store/store_facts.h); what they mean is decided here and in src/domain.
// docs/queue.md is the reference.
//
// Invariants:
//  - the same records and the same rules give the same verdicts and the
//    same queue, whatever reads them (command line, API, planner's hook);
//  - the queue reads every case once, in one pass (cor_store_facts_each);
//    its memory grows with the queued cases only, never with the caseload;
//  - neither operation writes anything.
#ifndef COR_SERVICE_QUEUE_H
#define COR_SERVICE_QUEUE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "domain/priority.h"
#include "service/service.h"
#include "store/store_workflow.h"

/* ---- eligibility ------------------------------------------------------------ */

/* eligibility: every criterion case ref does not meet under its
 * programme's rules, for every person, evaluated for travel on travel_on
 * (NULL: on cx->today, with no travel date set). out->doc, for the caller
 * to json_decref:
 * {"case":"LY-TIP-2026-000123","programme":"VHR","state":"travel_ready",
 *  "persons":2,"travel_on":"2027-01-10"|null,"evaluated_on":"2026-11-27",
 *  "rules_version":0,"eligible":false,"unmet_count":1,
 *  "unmet":[{"criterion":"TRAVEL_DOCUMENT","who":"LY-TIP-2026-000123-01",
 *            "code":"DOC_EXPIRES_BEFORE_TRAVEL","message":"passport of ..."}]}
 * ("who" is the person, or the case for a case criterion). CASE_NOT_FOUND
 * (field "case") when there is no such case. A case that is not eligible is
 * not a failure: out->eligible says the verdict. */
struct cor_svc_eligibility_in {
	const char *ref;
	const struct cor_date *travel_on;
};
struct cor_svc_eligibility_out {
	bool eligible;
	json_t *doc;
};
int cor_svc_eligibility(struct cor_ctx *cx, const struct cor_svc_eligibility_in *in,
			struct cor_svc_eligibility_out *out);

/* ---- the queue ----------------------------------------------------------------- */

/* A travel-ready case that is not eligible, when asked for. */
struct cor_svc_blocked {
	const char *ref;
	int persons;
	size_t unmet;
	const char *codes; /* "FITNESS_EXPIRED x2, DOC_EXPIRES_BEFORE_TRAVEL" */
};

struct cor_svc_queue_mem;

/* Every case the queue evaluated; the travel-ready ones in the queue or
 * blocked. Owns its memory (cor_svc_queue_release). */
struct cor_svc_queue {
	struct cor_priority_rec *recs; /* the eligible travel-ready cases, in queue order */
	size_t n;
	long persons;                    /* in recs */
	struct cor_svc_blocked *blocked; /* with keep_blocked: in case order */
	long n_blocked, blocked_persons; /* travel-ready, not eligible */
	long cases, travellers;          /* evaluated */
	long eligible;                   /* of those, eligible (any state) */
	long unmet;                      /* unmet criteria found, all cases */
	bool kept_blocked;               /* blocked holds them */
	bool has_travel_on;
	struct cor_date travel_on;     /* with has_travel_on: every case's travel date */
	struct cor_date today;         /* the reference date */
	struct cor_rules_config rules; /* the rules it was built with */
	int rules_version;
	struct cor_svc_queue_mem *mem; /* internal */
};
#define COR_SVC_QUEUE_INIT                                                                         \
	{                                                                                          \
		0                                                                                  \
	}

/* queue: evaluate every case of programme and office (NULL: any) under the
 * rules in force on cx->today (travel_on, when not NULL, is every case's
 * travel date); the eligible cases in state travel_ready make the queue,
 * sorted by cor_priority_sort, and the others in that state are counted (and
 * kept with keep_blocked). OFFICE_NOT_FOUND (field "office") for an office
 * that is not there. *out must be COR_SVC_QUEUE_INIT or released. */
struct cor_svc_queue_in {
	const char *programme;
	const char *office;
	const struct cor_date *travel_on;
	bool keep_blocked;
};
int cor_svc_queue(struct cor_ctx *cx, const struct cor_svc_queue_in *in, struct cor_svc_queue *out);
/* The persons of queue entry i, and the travel conditions any of them needs. */
int cor_svc_queue_persons(const struct cor_svc_queue *q, size_t i, unsigned *conditions);
/* Why entry i stands where it does (deadlines counted to the travel date
 * when there is one), snprintf rules: returns the length it needs. */
size_t cor_svc_queue_why(const struct cor_svc_queue *q, size_t i, char *buf, size_t len);
/* The queue as a document (its first limit entries; 0: all), for the
 * caller to json_decref; NULL when out of memory:
 * {"travel_on":null|"2027-01-10","evaluated_on":"2026-11-27",
 *  "rules_version":0,
 *  "queue":[{"place":1,"case":"...","persons":2,"conditions":["wchr"],
 *            "priority":"urgent","why":"urgent (deadline ...); ..."}],
 *  "eligible":{"cases":10,"persons":25},
 *  "not_eligible":{"cases":3,"persons":4},
 *  "blocked":[{"case":"...","persons":1,"unmet_count":2,
 *              "codes":[{"code":"FITNESS_EXPIRED","count":2}]}] | null}
 * (blocked is null unless the queue kept them). */
json_t *cor_svc_queue_json(const struct cor_svc_queue *q, long limit);
/* Free what the queue holds; it is then empty (COR_SVC_QUEUE_INIT). */
void cor_svc_queue_release(struct cor_svc_queue *q);

extern const struct cor_op *const cor_ops_queue[];

/* ---- the eligibility hook of a move ------------------------------------ */

/* The context of cor_facts_eligibility_hook. Set cfg and today (and
 * travel_on); the hook sets the rest. */
struct cor_facts_hook_ctx {
	const struct cor_rules_config *cfg; /* borrowed */
	struct cor_date today;              /* the reference date */
	const struct cor_date *travel_on;   /* NULL: none */
	size_t unmet;                       /* out: unmet criteria found */
	struct cor_error causes;            /* out: one NOT_ELIGIBLE cause per unmet criterion:
					       field the person or case ID, message the report
					       line (criterion, ID, code, sentence) */
};
/* The eligibility step of case.move (service/workflow.c), ctx a struct
 * cor_facts_hook_ctx: evaluates the case's facts and sets gate->eligibility;
 * when not met, gate->ineligible_why says how many criteria fail and on
 * which day, and ctx->causes lists them. */
int cor_facts_eligibility_hook(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			       struct cor_case_gate *gate, void *ctx);

#endif

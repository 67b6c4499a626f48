// SPDX-License-Identifier: Apache-2.0
// The operations of arrival and (re)integration support (domain/support.h):
// confirm that a departed case arrived; plan assistance items (the first
// moves an arrived case into reintegration or integration), deliver or
// cancel them, record follow-up visits, close the support and the case.
// Inputs are the text a person gave; every fault of an input is reported,
// each under the input's field name ("case", "place", "at", "by", "note",
// "kind", "description", "amount", "currency", "item", "on", "finding",
// "outcome"). Times and dates default to the context's clock and may not
// be after it.
//
// JSON shapes (absent texts are null; amounts decimal strings):
//  arrival: {"at":"2026-11-20T14:30:00Z","place":"Lagos (LOS)",
//            "confirmed_by":"tester","note":null}
//  item:    {"no":1,"kind":"cash","description":"...","amount":"500.00",
//            "currency":"USD","status":"delivered","planned_at":...,
//            "done_at":...,"note":...}   (amount and currency null when none)
//  visit:   {"no":1,"on":"2026-11-26","by":"K. Mensah","finding":"..."}
//  show:    {"case":"...","programme":"VHR","state":"closed",
//            "arrival":arrival|null,"items":[item...],"visits":[visit...]}
#ifndef COR_SERVICE_SUPPORT_H
#define COR_SERVICE_SUPPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "service/service.h"
#include "store/store_support.h"

/* arrival.confirm: a departed case arrived; it becomes 'arrived'. */
struct cor_svc_arrival_in {
	const char *case_ref;
	const char *place;
	const char *at;   /* "YYYY-MM-DDTHH:MMZ" or with seconds; NULL: now */
	const char *by;   /* who confirmed it; NULL: the actor */
	const char *note; /* NULL: none */
};
struct cor_svc_arrival_out {
	struct cor_arrival arrival; /* as recorded */
};
int cor_svc_arrival_confirm(struct cor_ctx *cx, const struct cor_svc_arrival_in *in,
			    struct cor_svc_arrival_out *out);
/* The same as a step of another operation (a movement arriving confirms its
 * cases' arrival): in that operation's transaction, with every rule. */
int cor_svc_arrival_confirm_within(struct cor_ctx *cx, const struct cor_svc_arrival_in *in,
				   struct cor_svc_arrival_out *out);

/* support.plan: plan an assistance item for a case that arrived or is in
 * support. */
struct cor_svc_support_plan_in {
	const char *case_ref;
	const char *kind;
	const char *description;
	const char *amount, *currency; /* both or neither */
};
struct cor_svc_support_plan_out {
	struct cor_support_item item;
	const char *entered; /* the state the case entered ("reintegration"); NULL: none */
};
int cor_svc_support_plan(struct cor_ctx *cx, const struct cor_svc_support_plan_in *in,
			 struct cor_svc_support_plan_out *out);

/* support.item.settle: a planned item delivered (a note optional) or
 * cancelled (a note saying why required). */
struct cor_svc_support_settle_in {
	const char *case_ref;
	int item;
	enum cor_support_status status; /* COR_SUPPORT_DELIVERED or _CANCELLED */
	const char *note;
};
struct cor_svc_support_settle_out {
	struct cor_support_item item; /* as it now stands */
};
int cor_svc_support_settle(struct cor_ctx *cx, const struct cor_svc_support_settle_in *in,
			   struct cor_svc_support_settle_out *out);

/* support.visit: a follow-up visit to a case in support. */
struct cor_svc_support_visit_in {
	const char *case_ref;
	const char *on; /* "YYYY-MM-DD"; NULL: today */
	const char *by;
	const char *finding;
};
struct cor_svc_support_visit_out {
	struct cor_support_visit visit;
};
int cor_svc_support_visit(struct cor_ctx *cx, const struct cor_svc_support_visit_in *in,
			  struct cor_svc_support_visit_out *out);

/* support.close: close the support and the case, once no item is still
 * planned, one was delivered and a visit is recorded. */
struct cor_svc_support_close_in {
	const char *case_ref;
	const char *outcome;
};
int cor_svc_support_close(struct cor_ctx *cx, const struct cor_svc_support_close_in *in);

/* support.show: a case and its arrival, then its items and visits, each
 * passed to a callback (head may be NULL, item and visit are required;
 * records borrowed for the call; arrival NULL when none is confirmed). A
 * callback returns 0 to go on; non-zero stops the operation, which then
 * fails as out of memory. */
struct cor_svc_support_show_in {
	const char *case_ref;
	int (*head)(const struct cor_case *c, const struct cor_arrival *arrival, void *ctx);
	int (*item)(const struct cor_support_item *i, void *ctx);
	int (*visit)(const struct cor_support_visit *v, void *ctx);
	void *ctx;
};
struct cor_svc_support_show_out {
	struct cor_case c;
	bool arrived; /* an arrival is confirmed: arrival holds it */
	struct cor_arrival arrival;
};
int cor_svc_support_show(struct cor_ctx *cx, const struct cor_svc_support_show_in *in,
			 struct cor_svc_support_show_out *out);
/* support.show as one document (show shape above), in *doc for the caller
 * to json_decref. in's callbacks are ignored. */
int cor_svc_support_show_doc(struct cor_ctx *cx, const struct cor_svc_support_show_in *in,
			     json_t **doc);

/* The JSON of one record (shapes above); new references, NULL when out of
 * memory. */
json_t *cor_svc_arrival_json(const struct cor_arrival *a);
json_t *cor_svc_support_item_json(const struct cor_support_item *i);
json_t *cor_svc_support_visit_json(const struct cor_support_visit *v);

/* What a write did, as JSON (new references, NULL when out of memory):
 * arrival {"case","state":"arrived","arrival":arrival}; plan {"case",
 * "item":item,"entered":state|null}; settle {"case","item":item}; visit
 * {"case","visit":visit}; close {"case","state":"closed","outcome"}. */
json_t *cor_svc_arrival_result_json(const struct cor_svc_arrival_in *in,
				    const struct cor_svc_arrival_out *out);
json_t *cor_svc_support_plan_result_json(const struct cor_svc_support_plan_in *in,
					 const struct cor_svc_support_plan_out *out);
json_t *cor_svc_support_settle_result_json(const struct cor_svc_support_settle_in *in,
					   const struct cor_svc_support_settle_out *out);
json_t *cor_svc_support_visit_result_json(const struct cor_svc_support_visit_in *in,
					  const struct cor_svc_support_visit_out *out);
json_t *cor_svc_support_close_result_json(const struct cor_svc_support_close_in *in);

extern const struct cor_op *const cor_ops_support[];

#endif

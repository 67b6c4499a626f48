// SPDX-License-Identifier: Apache-2.0
// The stranded-migrant fund's operations (domain/fund.h): budgets, requests,
// decisions, payments, and the position of an office. Inputs are the text a
// person gave (amounts in the currency's units, "120.50"); every fault of an
// input is reported, each under the input's field name ("office",
// "currency", "amount", "reason", "kind", "note", "reference", "year").
//
// JSON shapes (amounts are decimal strings in the currency's units, exact):
//  request:  {"id":1,"case":"NE-AJY-2026-000001","office":"NE-AJY","year":2026,
//             "reason":"lost_documents","kind":"documents","amount":"45000",
//             "currency":"XOF","state":"approved","paid":"30000","note":...,
//             "requested_by":...,"requested_at":...,"decided_by":...,
//             "decision_note":...}  (absent texts are null)
//  position: {"currency":"XOF","budget":"1000000","approved":"45000",
//             "paid":"30000","left":"955000"}
//  status:   {"office":"NE-AJY","year":2026,"positions":[position...],
//             "requests":[request...]}
//  list:     {"office":null,"year":2026,"state":null,"requests":[request...]}
#ifndef COR_SERVICE_FUND_H
#define COR_SERVICE_FUND_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "service/service.h"
#include "store/store_fund.h"

/* fund.budget.set: set (or change) an office's budget for a year. */
struct cor_svc_fund_budget_in {
	const char *office;
	int year; /* 0: the year of the context's today */
	const char *currency;
	const char *amount;
};
struct cor_svc_fund_budget_out {
	int year;
	int64_t amount;   /* minor units */
	int64_t previous; /* the budget it replaced; 0 when none */
};
int cor_svc_fund_budget_set(struct cor_ctx *cx, const struct cor_svc_fund_budget_in *in,
			    struct cor_svc_fund_budget_out *out);

/* fund.request: a request on a HASM case that is not closed, drawing on
 * the budget of the year of the context's today. */
struct cor_svc_fund_request_in {
	const char *case_ref;
	const char *reason, *kind;
	const char *currency, *amount;
	const char *note; /* NULL: none */
};
/* What request, decide and pay did: the request as it now stands. */
struct cor_svc_fund_request_out {
	struct cor_fund_request request;
	int64_t paid_now; /* pay: the amount of this payment, minor units */
};
int cor_svc_fund_request(struct cor_ctx *cx, const struct cor_svc_fund_request_in *in,
			 struct cor_svc_fund_request_out *out);

/* fund.decide: approve (within the budget) or reject (with a note) a
 * request that is 'requested'. */
struct cor_svc_fund_decide_in {
	long id;
	bool approve;
	const char *note; /* required to reject */
};
int cor_svc_fund_decide(struct cor_ctx *cx, const struct cor_svc_fund_decide_in *in,
			struct cor_svc_fund_request_out *out);

/* fund.pay: a payment on an approved request, in its currency, within
 * what is left of its approval. */
struct cor_svc_fund_pay_in {
	long id;
	const char *amount;
	const char *reference; /* NULL: none */
};
int cor_svc_fund_pay(struct cor_ctx *cx, const struct cor_svc_fund_pay_in *in,
		     struct cor_svc_fund_request_out *out);

/* fund.status: an office's position per currency in a year, then its
 * requests, each passed to a callback (both required; records borrowed
 * for the call). A callback returns 0 to go on; non-zero stops the
 * operation, which then fails as out of memory. */
struct cor_svc_fund_status_in {
	const char *office;
	int year; /* 0: the year of the context's today */
	int (*position)(const char *currency, const struct cor_fund_position *p, void *ctx);
	int (*request)(const struct cor_fund_request *r, void *ctx);
	void *ctx;
};
struct cor_svc_fund_status_out {
	int year;
};
int cor_svc_fund_status(struct cor_ctx *cx, const struct cor_svc_fund_status_in *in,
			struct cor_svc_fund_status_out *out);
/* fund.status as one document (status shape above), returned in *doc for
 * the caller to json_decref. in's callbacks are ignored. */
int cor_svc_fund_status_doc(struct cor_ctx *cx, const struct cor_svc_fund_status_in *in,
			    json_t **doc);

/* fund.list: the requests of a year, of one office or all, in one state or
 * any, oldest first, each passed to request. */
struct cor_svc_fund_list_in {
	const char *office; /* NULL: every office */
	int year;           /* 0: the year of the context's today */
	const char *state;  /* NULL: any; else "requested", "approved", "rejected" */
	int (*request)(const struct cor_fund_request *r, void *ctx);
	void *ctx;
};
struct cor_svc_fund_list_out {
	int year;
	long count;
};
int cor_svc_fund_list(struct cor_ctx *cx, const struct cor_svc_fund_list_in *in,
		      struct cor_svc_fund_list_out *out);
/* fund.list as one document (list shape above), in *doc for the caller to
 * json_decref. */
int cor_svc_fund_list_doc(struct cor_ctx *cx, const struct cor_svc_fund_list_in *in, json_t **doc);

/* The JSON of one request and one position (shapes above); new references,
 * NULL when out of memory. */
json_t *cor_svc_fund_request_json(const struct cor_fund_request *r);
json_t *cor_svc_fund_position_json(const char *currency, const struct cor_fund_position *p);

/* What a write did, as JSON (new references, NULL when out of memory):
 * budget {"office","year","currency","amount","previous"} (previous null
 * when there was none); pay {"request":request,"payment":{"amount",
 * "reference"}}. request and decide serve the request itself. */
json_t *cor_svc_fund_budget_result_json(const struct cor_svc_fund_budget_in *in,
					const struct cor_svc_fund_budget_out *out);
json_t *cor_svc_fund_pay_result_json(const struct cor_svc_fund_pay_in *in,
				     const struct cor_svc_fund_request_out *out);

extern const struct cor_op *const cor_ops_fund[];

#endif

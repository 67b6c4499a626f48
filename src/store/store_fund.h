// SPDX-License-Identifier: Apache-2.0
// The store's side of the stranded-migrant fund (domain/fund.h): budgets per
// office, year and currency; requests on HASM cases; decisions; payments.
// Each call is one unit of work (its own transaction, or a savepoint inside
// the caller's) and appends to the history. The store holds records, not
// rules: the fund's rules are checked by its operations (service/fund.h).
#ifndef COR_STORE_FUND_H
#define COR_STORE_FUND_H

#include <stdint.h>

#include "domain/date.h"
#include "domain/fund.h"
#include "store/store.h"

struct cor_fund_request {
	long id;
	char case_ref[COR_CASE_REF_MAX];
	char office[8];
	int year;
	char reason[24];
	char kind[16];
	int64_t amount; /* minor units */
	char currency[4];
	enum cor_fund_state state;
	int64_t paid;
	char requested_by[64];
	char requested_at[COR_TIME_LEN];
	char note[256];
	char decided_by[64];
	char decision_note[256];
};

/* Set (or change) a budget. actor is recorded. COR_ENOTFOUND for an
 * unknown office. */
int cor_store_fund_set_budget(struct cor_store *st, const char *office, int year,
			      const char *currency, int64_t amount, const char *actor);
/* The position of an office in a year and currency (zeros when none). */
int cor_store_fund_position(struct cor_store *st, const char *office, int year,
			    const char *currency, struct cor_fund_position *out);
/* Record a request on a case, drawing on the budget of year. *id gets its
 * number. COR_ENOTFOUND for an unknown case. */
int cor_store_fund_request(struct cor_store *st, const char *case_ref, int year, const char *reason,
			   const char *kind, int64_t amount, const char *currency, const char *note,
			   const char *actor, long *id);
/* Record the decision on a request that is 'requested' (approved or
 * rejected, with a note). */
int cor_store_fund_decide(struct cor_store *st, long id, bool approve, const char *note,
			  const char *actor);
/* Record a payment on a request. */
int cor_store_fund_pay(struct cor_store *st, long id, int64_t amount, const char *reference,
		       const char *actor);
/* The request of office's fund a payment with this reference was made on
 * into *request_id (0 when no payment has it). */
int cor_store_fund_reference_used(struct cor_store *st, const char *office, const char *reference,
				  long *request_id);
/* One request. COR_ENOTFOUND when there is none. */
int cor_store_fund_get(struct cor_store *st, long id, struct cor_fund_request *out);
/* The requests of an office in a year (office NULL: all), oldest first. */
int cor_store_fund_requests(struct cor_store *st, const char *office, int year,
			    int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx);
/* The requests on case case_ref, every year, oldest first (none: no
 * call, whether or not the case exists). */
int cor_store_fund_case_requests(struct cor_store *st, const char *case_ref,
				 int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx);
/* The positions of an office in a year, one per currency with a budget or a request. */
int cor_store_fund_positions(struct cor_store *st, const char *office, int year,
			     int (*cb)(const char *currency, const struct cor_fund_position *p,
				       void *ctx),
			     void *ctx);

#endif

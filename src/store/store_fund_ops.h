// SPDX-License-Identifier: Apache-2.0
// The table of the stranded-migrant fund (store_fund.h) each backend fills
// in: one function pointer per call of that header, same contract.
// store_fund.c dispatches through it; nothing outside src/store includes
// this.
#ifndef COR_STORE_FUND_OPS_H
#define COR_STORE_FUND_OPS_H

#include "store/store_fund.h"

struct cor_store_fund_ops {
	int (*set_budget)(struct cor_store *st, const char *office, int year, const char *currency,
			  int64_t amount, const char *actor);
	int (*position)(struct cor_store *st, const char *office, int year, const char *currency,
			struct cor_fund_position *out);
	int (*request)(struct cor_store *st, const char *case_ref, int year, const char *reason,
		       const char *kind, int64_t amount, const char *currency, const char *note,
		       const char *actor, long *id);
	int (*decide)(struct cor_store *st, long id, bool approve, const char *note,
		      const char *actor);
	int (*pay)(struct cor_store *st, long id, int64_t amount, const char *reference,
		   const char *actor);
	int (*reference_used)(struct cor_store *st, const char *office, const char *reference,
			      long *request_id);
	int (*get)(struct cor_store *st, long id, struct cor_fund_request *out);
	int (*requests)(struct cor_store *st, const char *office, int year,
			int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx);
	int (*case_requests)(struct cor_store *st, const char *case_ref,
			     int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx);
	int (*positions)(struct cor_store *st, const char *office, int year,
			 int (*cb)(const char *currency, const struct cor_fund_position *p,
				   void *ctx),
			 void *ctx);
};

extern const struct cor_store_fund_ops cor_sqlite_fund_ops;
extern const struct cor_store_fund_ops cor_pg_fund_ops;

#endif

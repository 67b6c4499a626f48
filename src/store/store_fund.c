// SPDX-License-Identifier: Apache-2.0
// The door of store_fund.h: every call goes through the store's table of
// the fund (store_fund_ops.h), SQLite's or PostgreSQL's.
#include "store/store_fund.h"

#include "store/store_fund_ops.h"
#include "store/store_int.h"

#define OPS(st) (cor_store_head(st)->ops->fund)

int cor_store_fund_set_budget(struct cor_store *st, const char *office, int year,
			      const char *currency, int64_t amount, const char *actor)
{
	return OPS(st)->set_budget(st, office, year, currency, amount, actor);
}

int cor_store_fund_position(struct cor_store *st, const char *office, int year,
			    const char *currency, struct cor_fund_position *out)
{
	return OPS(st)->position(st, office, year, currency, out);
}

int cor_store_fund_request(struct cor_store *st, const char *case_ref, int year, const char *reason,
			   const char *kind, int64_t amount, const char *currency, const char *note,
			   const char *actor, long *id)
{
	return OPS(st)->request(st, case_ref, year, reason, kind, amount, currency, note, actor,
				id);
}

int cor_store_fund_decide(struct cor_store *st, long id, bool approve, const char *note,
			  const char *actor)
{
	return OPS(st)->decide(st, id, approve, note, actor);
}

int cor_store_fund_pay(struct cor_store *st, long id, int64_t amount, const char *reference,
		       const char *actor)
{
	return OPS(st)->pay(st, id, amount, reference, actor);
}

int cor_store_fund_reference_used(struct cor_store *st, const char *office, const char *reference,
				  long *request_id)
{
	return OPS(st)->reference_used(st, office, reference, request_id);
}

int cor_store_fund_get(struct cor_store *st, long id, struct cor_fund_request *out)
{
	return OPS(st)->get(st, id, out);
}

int cor_store_fund_requests(struct cor_store *st, const char *office, int year,
			    int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	return OPS(st)->requests(st, office, year, cb, ctx);
}

int cor_store_fund_case_requests(struct cor_store *st, const char *case_ref,
				 int (*cb)(const struct cor_fund_request *r, void *ctx), void *ctx)
{
	return OPS(st)->case_requests(st, case_ref, cb, ctx);
}

int cor_store_fund_positions(struct cor_store *st, const char *office, int year,
			     int (*cb)(const char *currency, const struct cor_fund_position *p,
				       void *ctx),
			     void *ctx)
{
	return OPS(st)->positions(st, office, year, cb, ctx);
}

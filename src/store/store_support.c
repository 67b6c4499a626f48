// SPDX-License-Identifier: Apache-2.0
// The door of store_support.h: every record call goes through the store's
// table of support (store_support_ops.h), SQLite's or PostgreSQL's.
#include "store/store_support.h"

#include "store/store_int.h"
#include "store/store_support_ops.h"

#define OPS(st) (cor_store_head(st)->ops->support)

int cor_store_arrival_record(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			     const char *actor)
{
	return OPS(st)->arrival_record(st, ref, a, actor);
}

int cor_store_arrival_get(struct cor_store *st, const char *ref, struct cor_arrival *out)
{
	return OPS(st)->arrival_get(st, ref, out);
}

int cor_store_support_plan(struct cor_store *st, const char *ref, enum cor_support_kind kind,
			   const char *description, int64_t amount, const char *currency,
			   const char *actor, int *no)
{
	return OPS(st)->plan(st, ref, kind, description, amount, currency, actor, no);
}

int cor_store_support_item_get(struct cor_store *st, const char *ref, int no,
			       struct cor_support_item *out)
{
	return OPS(st)->item_get(st, ref, no, out);
}

int cor_store_support_done(struct cor_store *st, const char *ref, int no,
			   enum cor_support_status status, const char *note, const char *actor)
{
	return OPS(st)->done(st, ref, no, status, note, actor);
}

int cor_store_support_visit(struct cor_store *st, const char *ref, struct cor_date on,
			    const char *by, const char *finding, const char *actor, int *no)
{
	return OPS(st)->visit(st, ref, on, by, finding, actor, no);
}

int cor_store_support_tally(struct cor_store *st, const char *ref, struct cor_support_tally *t)
{
	return OPS(st)->tally(st, ref, t);
}

int cor_store_support_close(struct cor_store *st, const char *ref, const char *outcome,
			    const char *actor)
{
	return OPS(st)->close(st, ref, outcome, actor);
}

int cor_store_support_items(struct cor_store *st, const char *ref,
			    int (*cb)(const struct cor_support_item *i, void *ctx), void *ctx)
{
	return OPS(st)->items(st, ref, cb, ctx);
}

int cor_store_support_visits(struct cor_store *st, const char *ref,
			     int (*cb)(const struct cor_support_visit *v, void *ctx), void *ctx)
{
	return OPS(st)->visits(st, ref, cb, ctx);
}

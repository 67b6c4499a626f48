// SPDX-License-Identifier: Apache-2.0
// The door of store_support.h: every record call goes through the store's
// table of support (store_support_ops.h), SQLite's or PostgreSQL's.
#include "store/store_support.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"
#include "store/store_support_ops.h"
#include "store/store_workflow.h"
#include "util/error.h"

#define OPS(st) (cor_store_head(st)->ops->support)

int cor_store_arrival_record(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			     const char *actor)
{
	return OPS(st)->arrival_record(st, ref, a, actor);
}

/* TEMPORARY, until movements confirm their cases' arrivals with
 * cor_svc_arrival_confirm_within (service/support.h): the arrival's record
 * and the case's move to 'arrived' in one unit of work, the move through
 * the store's lifecycle wrapper (cor_store_case_move). Nothing else may
 * call this; it goes once src/store/sqlite_movement.c stops calling it. */
int cor_store_arrival_confirm(struct cor_store *st, const char *ref, const struct cor_arrival *a,
			      const char *actor)
{
	struct cor_store_head *h = cor_store_head(st);
	struct cor_move_result res;
	struct cor_error why;
	struct cor_case c;
	bool own = !cor_store_in_transaction(st);
	int err = own ? cor_store_begin(st) : cor_store_mark(st);
	if (err < 0)
		return err;
	if ((err = cor_store_case_get(st, ref, NULL, &c)) == 0 &&
	    (err = cor_arrival_check_case(&c, &why)) < 0)
		snprintf(h->msg, sizeof(h->msg), "%s", why.message);
	if (err == 0)
		err = cor_store_arrival_record(st, ref, a, actor);
	if (err == 0)
		err = cor_store_case_move(st, ref, "arrived", actor, "", NULL, &res);
	if (err == 0)
		return own ? cor_store_commit(st) : cor_store_release(st);
	char msg[sizeof(h->msg)];
	memcpy(msg, h->msg, sizeof(msg));
	if (own)
		cor_store_rollback(st);
	else
		cor_store_undo(st);
	memcpy(h->msg, msg, sizeof(msg));
	return err;
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

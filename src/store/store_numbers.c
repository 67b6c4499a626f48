// SPDX-License-Identifier: Apache-2.0
// The door of store_numbers.h: every call goes through the store's table of
// case-number records (store_numbers_ops.h), SQLite's or PostgreSQL's.
#include "store/store_numbers.h"

#include "store/store_int.h"
#include "store/store_numbers_ops.h"

#define OPS(st) (cor_store_head(st)->ops->numbers)

int cor_store_numbering_get(struct cor_store *st, struct cor_numbering *out)
{
	return OPS(st)->get(st, out);
}

int cor_store_numbering_enrol(struct cor_store *st, const char *name, const char *at)
{
	return OPS(st)->enrol(st, name, at);
}

int cor_store_block_add(struct cor_store *st, const struct cor_number_block *b)
{
	return OPS(st)->block_add(st, b);
}

int cor_store_blocks(struct cor_store *st, int (*cb)(const struct cor_number_block *b, void *ctx),
		     void *ctx)
{
	return OPS(st)->blocks(st, cb, ctx);
}

int cor_store_block_take(struct cor_store *st, const char *office, int year, long *seq)
{
	return OPS(st)->block_take(st, office, year, seq);
}

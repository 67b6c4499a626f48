// SPDX-License-Identifier: Apache-2.0
// The table of case-number records (store_numbers.h) each backend fills in:
// one function pointer per call of that header, same contract.
// store_numbers.c dispatches through it; nothing outside src/store includes
// this.
#ifndef COR_STORE_NUMBERS_OPS_H
#define COR_STORE_NUMBERS_OPS_H

#include "store/store_numbers.h"

struct cor_store_numbers_ops {
	int (*get)(struct cor_store *st, struct cor_numbering *out);
	int (*enrol)(struct cor_store *st, const char *name, const char *at);
	int (*block_add)(struct cor_store *st, const struct cor_number_block *b);
	int (*blocks)(struct cor_store *st, int (*cb)(const struct cor_number_block *b, void *ctx),
		      void *ctx);
	int (*block_take)(struct cor_store *st, const char *office, int year, long *seq);
};

extern const struct cor_store_numbers_ops cor_sqlite_numbers_ops;
extern const struct cor_store_numbers_ops cor_pg_numbers_ops;

#endif

// SPDX-License-Identifier: Apache-2.0
// Case numbers across devices (docs/operations.md, "Identity across
// devices"): whether this database is its office's primary or a device
// enrolled with one, and the blocks of numbers a primary leased out or a
// device was given. Records only: when a device may number, and from what,
// is the operations layer's (service/numbers.h).
#ifndef COR_STORE_NUMBERS_H
#define COR_STORE_NUMBERS_H

#include <stdbool.h>

#include "domain/date.h"
#include "store/store.h"
#include "util/uuid.h"

#define COR_DEVICE_MAX 40 /* bytes of a device's name, without the NUL */

struct cor_numbering {
	bool device;                   /* false: a primary (or a database on its own) */
	char name[COR_DEVICE_MAX + 1]; /* the device's name; "" on a primary */
	char since[COR_TIME_LEN];      /* when it was enrolled; "" on a primary */
};

/* A block of case numbers of one office and year, first..last. On a device,
 * next is the number it gives next (last + 1 once used up); on a primary,
 * where the block records a lease, next is last + 1. */
struct cor_number_block {
	char office[8];
	int year;
	long first, last, next;
	char device[COR_DEVICE_MAX + 1]; /* leased to (primary), or this device's name */
	char at[COR_TIME_LEN];           /* when it was leased, or received */
	char by[65];                     /* who leased, or recorded, it */
	char uid[COR_UUID_LEN];          /* "" when not read */
};

int cor_store_numbering_get(struct cor_store *st, struct cor_numbering *out);
/* Make this database the device name, enrolled at at. */
int cor_store_numbering_enrol(struct cor_store *st, const char *name, const char *at);
/* Record a block. COR_ENOTFOUND when its office is unknown, COR_EEXIST when
 * a block of that office and year starts at the same number. */
int cor_store_block_add(struct cor_store *st, const struct cor_number_block *b);
/* Every block, by office code, year and first number. */
int cor_store_blocks(struct cor_store *st, int (*cb)(const struct cor_number_block *b, void *ctx),
		     void *ctx);
/* Give the next number of the lowest block of office and year that has one
 * left. COR_ENOTFOUND when none has. */
int cor_store_block_take(struct cor_store *st, const char *office, int year, long *seq);

#endif

// SPDX-License-Identifier: Apache-2.0
// Case numbers that stay unique across devices (docs/operations.md,
// "Identity across devices"), and registering a case under one.
//
// A database is its office's primary (it numbers cases from its counters
// and leases blocks of numbers to devices) or a device enrolled with a
// primary (it numbers cases only from the blocks it was given, so that two
// laptops registering offline never give the same number).
//
// Invariants:
//  - a number is given by exactly one database: a lease moves the
//    primary's counter past the block; a device never uses its counter;
//  - a device's blocks never overlap, and it gives each number once, in
//    order within each block;
//  - only a database that holds no case can become a device.
#ifndef COR_SERVICE_NUMBERS_H
#define COR_SERVICE_NUMBERS_H

#include <jansson.h>

#include "service/service.h"
#include "store/store_numbers.h"

#define COR_LEASE_MAX 100000 /* numbers in one block */

/* numbers.show: {"role":"primary"|"device","device":null|"...","since":...,
 * "blocks":[{"office","year","first","last","next","left","device","at",
 * "by","uid"}]} for the caller to json_decref. */
struct cor_svc_numbers_show_out {
	json_t *doc;
};
int cor_svc_numbers_show(struct cor_ctx *cx, struct cor_svc_numbers_show_out *out);

/* numbers.enrol: make this database the device name (letters, digits, '-',
 * '_' and '.', up to COR_DEVICE_MAX). WRONG_STATE when it is a device
 * already, or holds a case. */
struct cor_svc_numbers_enrol_in {
	const char *device;
};
int cor_svc_numbers_enrol(struct cor_ctx *cx, const struct cor_svc_numbers_enrol_in *in);

/* numbers.lease (on a primary): reserve count numbers of office in year
 * for device; out gets the block. WRONG_STATE on a device; CAPACITY when the
 * year's numbers would pass 999999. */
struct cor_svc_numbers_lease_in {
	const char *office;
	int year;
	long count;
	const char *device;
};
int cor_svc_numbers_lease(struct cor_ctx *cx, const struct cor_svc_numbers_lease_in *in,
			  struct cor_number_block *out);

/* numbers.add (on a device): record the block first..last of office in
 * year, leased to it by its primary. WRONG_STATE on a primary; EXISTS when
 * it overlaps a block the device holds. */
struct cor_svc_numbers_add_in {
	const char *office;
	int year;
	long first, last;
};
int cor_svc_numbers_add(struct cor_ctx *cx, const struct cor_svc_numbers_add_in *in,
			struct cor_number_block *out);

/* The next case number of office in year, as this database may give it:
 * from the counter on a primary, from a block on a device (NO_NUMBERS when
 * none is left). Within an operation's transaction. */
int cor_svc_case_number(struct cor_ctx *cx, const char *office, int year, long *seq);

/* Check a person's fields as registration does (INVALID naming the field):
 * names (the given names in Latin script required), sex, a birth date not
 * in the future (cx->today) nor before 1900, nationality, languages and
 * specific needs. Registration and corrections share it. */
int cor_svc_person_check(struct cor_ctx *cx, const struct cor_person *p);

/* case.register: a new case in state "registered", numbered by
 * cor_svc_case_number in the year of cx->today, with its principal
 * applicant (p->seq and p->relationship are set here). Each field is
 * checked (INVALID naming it); out gets the case as stored, its ref set. */
struct cor_svc_case_register_in {
	const char *programme, *office, *origin, *destination;
	enum cor_priority priority;
	struct cor_person principal;
	const char *location; /* NULL: at its office; else an assembly point (case.locate) */
};
int cor_svc_case_register(struct cor_ctx *cx, const struct cor_svc_case_register_in *in,
			  struct cor_case *out);

extern const struct cor_op *const cor_ops_numbers[];

#endif

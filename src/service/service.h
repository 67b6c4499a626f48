// SPDX-License-Identifier: Apache-2.0
// The operations layer: every operation of Corridor once, the only thing
// front ends (the command line, the HTTP API) call. An operation is a row
// of the table in ops.c (name, flags, permission, function); one dispatcher,
// cor_service_run, opens the transaction, calls it, and commits or rolls
// back. That dispatcher is the one place where the policy check and the
// audit record go.
//
// An operation runs against a context: the store, who is acting, the clock,
// the rules in force and one error. It takes "now" from the context, never
// from the system clock, and reports a refusal only through cx->err (the
// one error shape of util/error.h), so that every front end can show it.
//
// Invariants:
//  - a write operation changes everything it says or nothing: any failure
//    rolls its whole transaction back;
//  - a read operation sees one consistent state of the data;
//  - every operation runs under a known actor (cor_ctx_init refuses an
//    empty or unprintable one).
#ifndef COR_SERVICE_H
#define COR_SERVICE_H

#include <stdbool.h>

#include "domain/date.h"
#include "domain/eligibility.h"
#include "store/store.h"
#include "util/error.h"

#define COR_ACTOR_MAX 64 /* bytes of an actor's name, without the NUL */

struct cor_ctx {
	struct cor_store *st;          /* borrowed */
	char actor[COR_ACTOR_MAX + 1]; /* who is acting */
	char now[COR_TIME_LEN];        /* the clock: UTC "YYYY-MM-DDTHH:MM:SSZ" */
	struct cor_date today;         /* the UTC date of now */
	struct cor_rules_config rules; /* the rules in force (cor_ctx_rules) */
	int rules_version;             /* their stored version; 0: the defaults */
	bool rules_loaded;             /* read from the store in this operation */
	struct cor_error err;          /* why the last operation failed */
};

/* Set up cx over st (borrowed) for actor at now (NULL: the system clock).
 * Refuses (NO_ACTOR) an actor that is NULL, empty, longer than
 * COR_ACTOR_MAX or holds a control character, and (BAD_PARAMETER, field
 * "now") a now that is not a UTC time. On failure cx->err says why. */
int cor_ctx_init(struct cor_ctx *cx, struct cor_store *st, const char *actor, const char *now);
/* Set the clock to now (a UTC time "YYYY-MM-DDTHH:MM:SSZ"). */
int cor_ctx_set_now(struct cor_ctx *cx, const char *now);

/* The rules in force: read from the store on first use in an operation
 * (in its transaction), the defaults changed by the stored text. NULL on
 * failure, with cx->err set. */
const struct cor_rules_config *cor_ctx_rules(struct cor_ctx *cx);

/* Is e the state change that records a departure ("... -> departed"), of
 * a case or of a movement? */
bool cor_svc_event_is_departure(const struct cor_event *e);

/* Record a store failure of a lower layer on cx->err, with the store's
 * message; returns err. An operation calls it when a store call fails with
 * nothing more specific to say. */
int cor_ctx_store_error(struct cor_ctx *cx, int err);

enum cor_op_flags {
	COR_OP_READ = 1 << 0,  /* reads only: a read transaction */
	COR_OP_WRITE = 1 << 1, /* writes: a write transaction, all or nothing */
	COR_OP_LARGE = 1 << 2, /* with WRITE: a large write (cor_store_begin_large) */
};

struct cor_op {
	const char *name;       /* "case.move": the area, a dot, the verb */
	unsigned flags;         /* enum cor_op_flags */
	const char *permission; /* what the actor must be allowed: "case.write" */
	int (*fn)(struct cor_ctx *cx, const void *in, void *out);
	const char *summary; /* one line for a person */
};

/* Run op with its input and output structs: checks and opens what its
 * flags say, calls it, commits when it returns 0 and rolls back otherwise.
 * Returns 0, or a negative cor_err with cx->err set. */
int cor_service_run(struct cor_ctx *cx, const struct cor_op *op, const void *in, void *out);

/* Every operation, in area order, and the one named name (NULL when none). */
extern const struct cor_op *const *const cor_ops[];
const struct cor_op *cor_op_find(const char *name);

#endif

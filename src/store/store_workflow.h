// SPDX-License-Identifier: Apache-2.0
// The workflow part of the case store: state transitions, counselling
// sessions, referrals, protection risk assessments and clearances. Callers
// see domain records, never SQL (the SQLite side is sqlite_workflow.c).
//
// Invariants every backend keeps:
//  - each write below is one unit: outside a transaction it is its own
//    transaction, inside one it is a savepoint; refused or failed, it
//    changes nothing;
//  - a state change happens only through cor_store_case_move or the
//    counselling rule (an asylum wish on a return), always after
//    cor_lifecycle_check on facts read in the same transaction;
//  - every change appends an event to the case's history;
//  - sessions, assessments and clearances are never changed or deleted; a
//    referral changes once, when it is closed.
// Strings passed in are borrowed; records passed to callbacks are borrowed
// for the duration of the call. On failure cor_store_errmsg tells why.
#ifndef COR_STORE_WORKFLOW_H
#define COR_STORE_WORKFLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/counselling.h"
#include "domain/lifecycle.h"
#include "domain/protection.h"
#include "store/store.h"

/* The eligibility hook: called inside a move's transaction when the
 * transition carries COR_GUARD_ELIGIBLE, to set gate->eligibility (and
 * gate->ineligible_why). Returns 0 or a cor_err (which aborts the move).
 * Without a hook the criteria are not evaluated (COR_ELIG_UNCHECKED). */
struct cor_eligibility_hook {
	int (*fn)(struct cor_store *st, int64_t case_id, const struct cor_case *c,
		  struct cor_case_gate *gate, void *ctx);
	void *ctx;
};

/* What a move did, or why it did not. */
struct cor_move_result {
	char from[COR_STATE_MAX]; /* the state the case was in */
	struct cor_refusal why;   /* on refusal: code and message (also cor_store_errmsg) */
};

/* What recording a counselling session did. */
struct cor_counselling_result {
	int session;              /* the session's number within the case (1, 2, ...) */
	bool held;                /* the case was put on hold */
	char from[COR_STATE_MAX]; /* the case's state before the session */
	int referral;             /* the asylum referral opened (or already open); 0: none */
	bool referral_opened;     /* that referral was opened by this session */
	struct cor_refusal why;   /* on refusal */
};

/* A referral, as stored. */
struct cor_referral {
	int no;              /* within the case: 1, 2, ... */
	const char *to;      /* "UNHCR" */
	const char *subject; /* "asylum wish" */
	int session;         /* the counselling session that opened it; 0: none */
	char opened_at[COR_TIME_LEN];
	const char *opened_by;
	const char *outcome;          /* NULL while open */
	char closed_at[COR_TIME_LEN]; /* "" while open */
	const char *closed_by;        /* NULL while open */
};

/* A counselling session, as stored. */
struct cor_counselling_record {
	int no;
	char at[COR_TIME_LEN];
	struct cor_counselling s;
	const char *recorded_by;
};

/* The facts the lifecycle's guards read for case c (id case_id), without
 * the reason and the eligibility (the caller's). gate->ref is c->ref. */
int cor_store_case_gate(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			struct cor_case_gate *gate);

/* Move case ref to state to, as actor, with reason (NULL or "" for none):
 * checks the lifecycle on facts read in the same transaction, sets the
 * state and appends a "state" event "from -> to". COR_ENOTFOUND (no case),
 * COR_EINVAL or COR_EWRONGSTATE (refused: res->why), or a store error.
 * hook may be NULL. */
int cor_store_case_move(struct cor_store *st, const char *ref, const char *to, const char *actor,
			const char *reason, const struct cor_eligibility_hook *hook,
			struct cor_move_result *res);

/* Record a counselling session for case ref, as actor. The case must be in
 * a state that can be put on hold, or on hold. For a return with an asylum
 * wish it also puts the case on hold (unless it is) and opens a referral
 * (unless one is open), each with its event. */
int cor_store_counselling_add(struct cor_store *st, const char *ref,
			      const struct cor_counselling *s, const char *actor,
			      struct cor_counselling_result *res);
/* A case's counselling sessions, oldest first. */
int cor_store_counselling_list(struct cor_store *st, const char *ref,
			       int (*cb)(const struct cor_counselling_record *r, void *ctx),
			       void *ctx);

/* A case's referrals, in number order. */
int cor_store_referral_list(struct cor_store *st, const char *ref,
			    int (*cb)(const struct cor_referral *r, void *ctx), void *ctx);
/* Close referral no of case ref with outcome, as actor. COR_ENOTFOUND (no
 * case, no such referral), COR_EWRONGSTATE (already closed), COR_EINVAL. */
int cor_store_referral_close(struct cor_store *st, const char *ref, int no, const char *outcome,
			     const char *actor);

/* Record a protection risk assessment of person person_ref
 * ("LY-TIP-2026-000123-01") at level with grounds, by actor. *no, when not
 * NULL, gets its number among the person's assessments. COR_ENOTFOUND (no
 * such case or person), COR_EWRONGSTATE (the case is closed), COR_EINVAL. */
int cor_store_protection_assess(struct cor_store *st, const char *person_ref,
				enum cor_protection_level level, const char *grounds,
				const char *actor, int *no);
/* Clear the person's latest assessment, which must be high and not yet
 * cleared, with reason, by actor; *no gets that assessment's number.
 * COR_ENOTFOUND, COR_EWRONGSTATE (nothing to clear), COR_EINVAL. */
int cor_store_protection_clear(struct cor_store *st, const char *person_ref, const char *reason,
			       const char *actor, int *no);

#endif

// SPDX-License-Identifier: Apache-2.0
// The workflow part of the case store: state transitions, counselling
// sessions, referrals, protection risk assessments and clearances. Callers
// see domain records, never SQL (the backends: sqlite_workflow.c and
// pg_workflow.c, through store_workflow_ops.h).
//
// Invariants every backend keeps:
//  - each write below is one unit: outside a transaction it is its own
//    transaction, inside one it is a savepoint; refused or failed, it
//    changes nothing;
//  - the record writes (cor_store_case_state_set, the session, referral
//    and protection writes) check no rule of the domain: the caller (an
//    operation of service/workflow.h) reads the gate facts with
//    cor_store_case_gate, asks cor_lifecycle_check and writes, all in one
//    transaction; once a case is stored, its state changes only through
//    cor_store_case_state_set after such a check;
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

/* A person's protection record: the latest assessment and its clearance. */
struct cor_protection_record {
	int person;                    /* the person's number in the case (1, 2, ...) */
	int assessments;               /* how many; the latest is number `assessments` */
	const char *level;             /* the latest's level; NULL when none */
	char at[COR_TIME_LEN];         /* when the latest was made; "" when none */
	const char *assessed_by;       /* NULL when none */
	char cleared_at[COR_TIME_LEN]; /* "" when the latest is not cleared */
	const char *cleared_by;        /* NULL when not cleared */
	const char *clear_reason;      /* NULL when not cleared */
};

/* The facts the lifecycle's guards read for case c (id case_id), without
 * the reason and the eligibility (the caller's). gate->ref is c->ref. */
int cor_store_case_gate(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			struct cor_case_gate *gate);

/* Set the state of case case_id from from to to, as actor, with reason
 * (NULL or "" for none), and append the "state" event "from -> to"; a
 * booking follows the case out of 'booked' (departed, no_show or
 * cancelled). No lifecycle check (the caller's). COR_EBUSY when the case
 * is no longer in from. */
int cor_store_case_state_set(struct cor_store *st, int64_t case_id, const char *from,
			     const char *to, const char *actor, const char *reason);

/* Add session s as the next session of case case_id, recorded by actor,
 * with its "counselling" event. *no gets its number in the case and
 * *session_id (may be NULL) its id, for a referral it opens. */
int cor_store_counselling_session_add(struct cor_store *st, int64_t case_id,
				      const struct cor_counselling *s, const char *actor, int *no,
				      int64_t *session_id);
/* The number of the case's first open referral in *no; 0 when none is open. */
int cor_store_referral_open_first(struct cor_store *st, int64_t case_id, int *no);
/* Open the next referral of case case_id to to on subject, by actor, with
 * its "referral" event; session_id and session_no name the counselling
 * session that opened it (0: none). *no gets its number. */
int cor_store_referral_open(struct cor_store *st, int64_t case_id, const char *to,
			    const char *subject, int64_t session_id, int session_no,
			    const char *actor, int *no);

/* A case's counselling sessions, oldest first. */
int cor_store_counselling_list(struct cor_store *st, const char *ref,
			       int (*cb)(const struct cor_counselling_record *r, void *ctx),
			       void *ctx);

/* A case's referrals, in number order. */
int cor_store_referral_list(struct cor_store *st, const char *ref,
			    int (*cb)(const struct cor_referral *r, void *ctx), void *ctx);
/* Close referral no of case ref with outcome, as actor, and append its
 * event. COR_ENOTFOUND (no case, no such referral), COR_EWRONGSTATE
 * (already closed: a referral closes once). The caller checks the outcome
 * (text of at most COR_REASON_MAX bytes). */
int cor_store_referral_close(struct cor_store *st, const char *ref, int no, const char *outcome,
			     const char *actor);

/* Person person_id's latest protection assessment (l->no 0 when none) and
 * its id in *assessment_id (may be NULL). */
int cor_store_protection_latest(struct cor_store *st, int64_t person_id,
				struct cor_protection_latest *l, int64_t *assessment_id);
/* Add an assessment of person person_id (ID person_ref, of case case_id)
 * at level on grounds, by actor, with its "protection" event (the level,
 * never the grounds); *no (may be NULL) gets its number. */
int cor_store_protection_assessment_add(struct cor_store *st, int64_t case_id, int64_t person_id,
					const char *person_ref, enum cor_protection_level level,
					const char *grounds, const char *actor, int *no);
/* Add the clearance of assessment assessment_id (number no of person
 * person_ref, of case case_id) with reason, by actor, with its event. */
int cor_store_protection_clearance_add(struct cor_store *st, int64_t case_id, int64_t assessment_id,
				       const char *person_ref, int no, const char *reason,
				       const char *actor);

/* Every person of case ref with their protection record, in person order. */
int cor_store_protection_list(struct cor_store *st, const char *ref,
			      int (*cb)(const struct cor_protection_record *r, void *ctx),
			      void *ctx);

#endif

// SPDX-License-Identifier: Apache-2.0
// The lifecycle of a case, per programme: which state may follow which, who
// does it, and on what condition. Pure rules: no I/O, no SQL.
//
// Invariants:
//  - every transition is a row of cor_transitions; a move that is not a row
//    is refused with WRONG_STATE, whatever the guards would say;
//  - no programme has two rows for the same (from, to);
//  - every programme's usual path (case.h) is a chain of rows, so a case
//    can always go from 'registered' to 'closed' along it;
//  - a case enters 'booked' only while it holds a booking (the planner or a
//    booking makes one just before), whatever the row;
//  - guards read only the facts in struct cor_case_gate, which the caller
//    (the operation, from the store, in one transaction) fills;
//  - every code a refusal carries is a row of cor_refusal_codes, and each
//    of those is a code of util/error.h's table.
#ifndef COR_LIFECYCLE_H
#define COR_LIFECYCLE_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/case.h"

#define COR_STATE_MAX  16  /* bytes of the longest state name and its terminator */
#define COR_REASON_MAX 500 /* bytes of a reason, an outcome, grounds */

/* Who does a transition. Descriptive for now: Corridor has no user roles
 * yet, so the role is documented and shown, not enforced. */
enum cor_role {
	COR_ROLE_CASEWORKER, /* caseworker / registration */
	COR_ROLE_COUNSELLOR,
	COR_ROLE_PROTECTION, /* protection officer */
	COR_ROLE_MEDICAL,    /* medical officer */
	COR_ROLE_MOVEMENT,   /* movement / operations officer */
	COR_ROLE_MANAGER,    /* programme manager */
	COR_ROLE__N
};

/* Conditions on a transition, beyond its being a row. A row's guards are a
 * bit set; they are checked in this order. */
enum cor_guard {
	COR_GUARD_RESUME = 1 << 0,      /* from on_hold: only to the state it was held from */
	COR_GUARD_REASON = 1 << 1,      /* a reason must be given */
	COR_GUARD_COUNSELLING = 1 << 2, /* a counselling session is recorded */
	COR_GUARD_DECISION = 1 << 3,    /* the latest informed decision is 'yes' */
	COR_GUARD_NO_REFERRAL = 1 << 4, /* no referral of the case is open */
	COR_GUARD_ASSESSED = 1 << 5,    /* every person has a protection risk assessment */
	COR_GUARD_NOT_AT_RISK = 1 << 6, /* no person's latest assessment is high and not cleared */
	COR_GUARD_ELIGIBLE = 1 << 7,    /* the eligibility criteria are met: the caller evaluates */
	COR_GUARD_PRE_MIGRATION = 1 << 8, /* every person has a pre-migration health assessment */
	COR_GUARD__ALL = (1 << 9) - 1
};

/* One transition: for the programmes whose bits are set (bit i is
 * cor_programmes[i]), a case in state from may go to state to. */
struct cor_transition {
	unsigned programmes;
	const char *from;
	const char *to;
	enum cor_role role;
	unsigned guards; /* enum cor_guard bits */
};

/* The eligibility criteria, as the caller found them (see
 * COR_GUARD_ELIGIBLE). The eligibility engine is another module: until it
 * is wired, callers leave COR_ELIG_UNCHECKED, which lets the move pass. */
enum cor_gate_eligibility {
	COR_ELIG_UNCHECKED,
	COR_ELIG_MET,
	COR_ELIG_NOT_MET,
};

/* The facts the guards read. Strings are borrowed. */
struct cor_case_gate {
	const char *ref;               /* the case, for messages */
	const char *reason;            /* the reason given for the move; NULL or "" when none */
	char held_from[COR_STATE_MAX]; /* on_hold: the state it was held from; "" when unknown */
	int sessions;                  /* counselling sessions recorded */
	const char *decision;          /* the latest informed decision: "yes", "no",
					  "undecided"; NULL when none */
	int open_referrals;
	int bookings; /* bookings of the case in status booked */
	int persons;
	int persons_assessed; /* persons with at least one protection risk assessment */
	int persons_at_risk;  /* persons whose latest assessment is high and not cleared */
	char person_at_risk[COR_PERSON_REF_MAX + 4]; /* the first of them */
	int persons_pre_migration; /* persons with a pre-migration health assessment */
	enum cor_gate_eligibility eligibility;
	char ineligible_why[200]; /* COR_ELIG_NOT_MET: which criterion failed, for whom */
};

/* Why something was refused: a stable code and a sentence for a person.
 * The code is the name of a code of util/error.h (cor_code_from_name finds
 * it). */
struct cor_refusal {
	const char *code;  /* "WRONG_STATE", "REASON_REQUIRED", ...; static storage */
	const char *field; /* the input at fault ("reason", "language"), or NULL */
	char msg[512];
};

/* Every code a refusal of the lifecycle, counselling or protection rules
 * can carry, NULL-terminated. */
extern const char *const cor_refusal_codes[];

/* The transitions, every programme together. */
extern const struct cor_transition cor_transitions[];
extern const size_t cor_transitions_len;

/* The bit of programme p in cor_transition.programmes; 0 for an unknown one. */
unsigned cor_programme_bit(const struct cor_programme *p);
/* The row letting a case of p go from -> to, or NULL. A resume row (from
 * on_hold) is found whatever the held-from state; the check tells. */
const struct cor_transition *cor_lifecycle_find(const struct cor_programme *p, const char *from,
						const char *to);
/* May a case of p in state from go to to, given gate? 0; or COR_EINVAL
 * (UNKNOWN_STATE, INVALID, REASON_REQUIRED, NO_BOOKING) or COR_EWRONGSTATE
 * (WRONG_STATE, NOT_COUNSELLED, NO_INFORMED_DECISION, REFERRAL_OPEN,
 * PROTECTION_NOT_ASSESSED, PROTECTION_NOT_CLEARED, NOT_ELIGIBLE,
 * HEALTH_NOT_ASSESSED) with why
 * filled (why may be NULL). A reason given is checked as text (INVALID,
 * field "reason"). Messages name the case, its state and the state asked
 * for. */
int cor_lifecycle_check(const struct cor_programme *p, const char *from, const char *to,
			const struct cor_case_gate *gate, struct cor_refusal *why);
/* The states a case of p in state from may go to, ignoring guards other
 * than RESUME (held_from as in the gate; NULL or "" when unknown, and then
 * an on_hold case resumes at 'registered'): the next state on the usual
 * path (or the state to resume) first, then the others in cor_states
 * order. Writes at most max into out and returns how many there are. */
size_t cor_lifecycle_next(const struct cor_programme *p, const char *from, const char *held_from,
			  const char **out, size_t max);
/* What a case of p must hold to be at state without having moved there
 * (an import): the guards of every step of p's usual path from
 * 'registered' to state, in *guards (0 for 'registered'); *movement (may be
 * NULL) is set when that path goes through 'booked', so the case holds or
 * held a seat on a movement. COR_EINVAL when state is not on p's usual path
 * (a branch: on_hold, ineligible, no_show, rejected; or a state of another
 * programme). */
int cor_lifecycle_implied(const struct cor_programme *p, const char *state, unsigned *guards,
			  bool *movement);
/* "caseworker", "counsellor", "protection officer", "medical officer",
 * "movement officer", "programme manager". */
const char *cor_role_name(enum cor_role r);
/* "resume", "reason", "counselling", "decision", "no referral",
 * "assessed", "not at risk", "eligible", "pre-migration health" for one
 * guard bit; "?" otherwise. */
const char *cor_guard_name(enum cor_guard g);
/* Check free text given for field (a reason, an outcome, grounds): 1 to max
 * bytes of UTF-8 without control characters, not only spaces. 0, or
 * COR_EINVAL with why (code "INVALID", field set) filled. */
int cor_lifecycle_text_check(const char *field, const char *s, size_t max, struct cor_refusal *why);

#endif

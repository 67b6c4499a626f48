// SPDX-License-Identifier: Apache-2.0
// The rules of corrections: what a correction of a record entered wrongly
// may change, and what it may not. Pure rules: no I/O, no SQL. The
// operations (service/correct.h) read the facts in their transaction, ask
// these and write; docs/corrections.md is the reference.
//
// Invariants:
//  - a case keeps exactly one principal applicant and at least one person;
//  - a person who travelled (the case departed) can be corrected, never
//    removed; a person booked on a movement is not removed until unbooked;
//  - relationships stay plausible against the principal applicant's birth
//    date: a child, stepchild or grandchild born after, a parent or
//    grandparent before;
//  - a state is put back only one transition, to the state that transition
//    came from, and only while nothing recorded since may depend on it;
//    only a closed case is reopened, to the state it was closed from.
// Every refusal carries a code of util/error.h and the field at fault.
#ifndef COR_CORRECT_H
#define COR_CORRECT_H

#include <stdbool.h>

#include "domain/case.h"
#include "domain/lifecycle.h"

/* The facts a person's removal is decided on. Strings are borrowed. */
struct cor_removal {
	const char *person;  /* the person's ID, for messages */
	const char *state;   /* the case's state */
	const char *booking; /* the movement the case is booked (or on stand-by) on; NULL: none */
	bool principal;      /* the person is the principal applicant */
	const char *new_principal; /* who becomes principal instead; NULL: no one named */
	int persons;               /* persons of the case, the person among them */
	int documents;             /* travel documents the person holds (not voided) */
	int health_checks;         /* health checks recorded for the person */
	int assessments;           /* protection risk assessments of the person */
};

/* The last change of a case's state, read from its history. */
struct cor_last_change {
	char from[COR_STATE_MAX]; /* "" when the case's state never changed */
	char to[COR_STATE_MAX];
	bool corrected;       /* that change was itself a correction (a revert, a reopening) */
	int records_since;    /* events recorded after it, corrections aside */
	char first_since[24]; /* the action of the first of them */
	char merged_into[COR_CASE_REF_MAX]; /* the case it was merged into; "" when none */
};

/* A case persons leave or join, for a move, a split or a merge. */
struct cor_case_side {
	const char *ref, *state, *office, *programme;
	const char *booking; /* the movement it is booked (or on stand-by) on; NULL: none */
	int persons;
};

/* Has a case in state gone on its journey (departed, arrived, in
 * (re)integration)? */
bool cor_correct_travelled(const char *state);
/* May case ref, in state, be changed other than by correcting its
 * persons' identity (a priority, a transfer, a person added or removed)?
 * Not while closed: WRONG_STATE, field "case". */
int cor_correct_open_check(const char *ref, const char *state, struct cor_refusal *why);
/* May a person be added to case ref, in state, booked (or on stand-by) on
 * movement booking (NULL: none)? Not while closed, nor while booked: the
 * booking holds seats for the persons it has (WRONG_STATE). */
int cor_correct_addition_check(const char *ref, const char *state, const char *booking,
			       struct cor_refusal *why);
/* May the person of r be removed? 0, or WRONG_STATE (closed, travelled,
 * booked), REFUSED (the only person; the principal without a successor;
 * records that stay with the person) or BAD_PARAMETER (a successor named
 * for someone who is not the principal), with why filled. */
int cor_correct_removal_check(const struct cor_removal *r, struct cor_refusal *why);
/* May n persons of case from go to case into (NULL: a new case split off
 * from it)? whole: all of from's persons go (a merge); otherwise at least
 * one stays, so that neither case is left empty. Neither case may be
 * closed, have travelled or be booked (WRONG_STATE); into must be another
 * case (BAD_PARAMETER) of the same office and programme (REFUSED); a case
 * numbers at most 99 persons (CAPACITY). */
int cor_correct_join_check(const struct cor_case_side *from, const struct cor_case_side *into,
			   int n, bool whole, struct cor_refusal *why);
/* May person (born on birth, the principal applicant or not) have
 * relationship rel in a case whose principal applicant was born on
 * principal_birth? REFUSED for a change to or from 'principal'; INVALID,
 * field "relationship", for a relationship the dates make implausible. */
int cor_correct_relationship_check(const char *person, bool is_principal, enum cor_relationship rel,
				   struct cor_date birth, struct cor_date principal_birth,
				   struct cor_refusal *why);
/* May case ref, in state, be put back from its last change of state c? 0
 * (the case returns to c->from), or WRONG_STATE with why filled. */
int cor_correct_revert_check(const char *ref, const char *state, const struct cor_last_change *c,
			     struct cor_refusal *why);
/* May case ref, in state, be reopened? Only from closed, closed by a
 * recorded transition (c->to "closed"; the case returns to c->from), and
 * not by a merge (its persons are in the other case). WRONG_STATE
 * otherwise. */
int cor_correct_reopen_check(const char *ref, const char *state, const struct cor_last_change *c,
			     struct cor_refusal *why);

#endif

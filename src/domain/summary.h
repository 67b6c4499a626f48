// SPDX-License-Identifier: Apache-2.0
// What the opening summary of a case concludes from its records, beyond
// what other modules decide: the protection level of the case from each
// person's latest assessment, how long the fitness-to-travel checks of its
// travellers hold, and its position with the stranded-migrant fund. Whether
// a check is valid is the eligibility engine's (domain/eligibility.h), and
// which moves a case may make the lifecycle's (domain/lifecycle.h): this
// module only folds their inputs and results. Pure: no I/O, no SQL.
//
// Invariants:
//  - a case's protection level is the highest of its persons' latest
//    levels, so a family is never shown safer than its most exposed member;
//  - a request counts once in its currency: pending while requested, its
//    amount approved once approved, nothing once rejected; payments count
//    as paid whatever the state.
#ifndef COR_SUMMARY_H
#define COR_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/eligibility.h"
#include "domain/fund.h"
#include "domain/protection.h"

/* The protection record of a case, folded one person at a time from a
 * zeroed struct. */
struct cor_case_protection {
	int persons;                     /* persons counted */
	int assessed;                    /* of them, with an assessment */
	enum cor_protection_level level; /* the highest latest level; NONE when none assessed */
	int uncleared;                   /* latest at a level that blocks a return, not cleared */
};
/* Count one person: assessed or not, the level of their latest assessment
 * and whether it is cleared. */
void cor_case_protection_add(struct cor_case_protection *s, bool assessed,
			     enum cor_protection_level latest, bool cleared);

/* When the fitness checks of f's travellers stop holding: the earliest
 * check (its day, and its minute when known, else the day's start) plus
 * window_hours, in UTC seconds; -1 when f has no traveller or a traveller
 * has no fit or fit-with-conditions check. */
int64_t cor_fitness_holds_until(const struct cor_case_facts *f, int window_hours);
/* The window of the FITNESS rule of programme rules pr, in hours; 0 when
 * the programme asks for no fitness check. */
int cor_fitness_window(const struct cor_programme_rules *pr);

/* A case's position with the fund in one currency, from a zeroed struct
 * with its currency set; amounts in minor units. */
struct cor_fund_case_position {
	char currency[4];
	int requests;     /* every request, whatever its state */
	int pending;      /* requests not yet decided */
	int64_t asked;    /* the amounts of the pending ones */
	int64_t approved; /* the amounts of the approved ones */
	int64_t paid;     /* payments made */
};
/* Count one request in state s for amount, of which paid is paid. */
void cor_fund_case_add(struct cor_fund_case_position *p, enum cor_fund_state s, int64_t amount,
		       int64_t paid);

#endif

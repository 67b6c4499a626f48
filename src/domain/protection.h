// SPDX-License-Identifier: Apache-2.0
// Protection risk before return (non-refoulement): the levels a protection
// officer assesses for each person, and the person reference the commands
// take. Pure rules: no I/O, no SQL.
//
// Invariants: a person's latest assessment is the one that counts; a
// 'high' one blocks the return of the person's case (see
// COR_GUARD_NOT_AT_RISK in lifecycle.h) until a protection officer clears
// that very assessment, with a reason, once. A later assessment replaces
// both. A closed case's protection record does not change.
#ifndef COR_PROTECTION_H
#define COR_PROTECTION_H

#include <stdbool.h>

#include "domain/case.h"
#include "domain/date.h"
#include "domain/lifecycle.h"

enum cor_protection_level {
	COR_PROT_NONE,
	COR_PROT_LOW,
	COR_PROT_MEDIUM,
	COR_PROT_HIGH,
	COR_PROT__N
};

/* "none", "low", "medium", "high"; "?" otherwise. */
const char *cor_protection_level_name(enum cor_protection_level r);
/* COR_EINVAL for anything but the four names. */
int cor_protection_level_parse(const char *s, enum cor_protection_level *out);
/* Does an uncleared assessment at level r block a return? */
bool cor_protection_level_blocks_return(enum cor_protection_level r);
/* Split a person reference "LY-TIP-2026-000123-01" into the case reference
 * (COR_CASE_REF_MAX bytes) and the person's number (1-99). COR_EINVAL when
 * malformed. (The inverse of cor_person_ref_format.) */
int cor_protection_person_ref_parse(const char *ref, char case_ref[COR_CASE_REF_MAX], int *seq);

/* A person's latest assessment, as a clearance sees it. */
struct cor_protection_latest {
	int no; /* its number among the person's assessments; 0: none */
	enum cor_protection_level level;
	char cleared_at[COR_TIME_LEN]; /* "" while not cleared */
};

/* May the protection record of case ref, in state, change? Not once the
 * case is closed. 0, or COR_EWRONGSTATE (WRONG_STATE) with why. */
int cor_protection_state_check(const char *ref, const char *state, struct cor_refusal *why);
/* May person's latest assessment l be cleared? Only a high one, once.
 * 0, or COR_EWRONGSTATE (WRONG_STATE) with why. */
int cor_protection_clear_check(const char *person, const struct cor_protection_latest *l,
			       struct cor_refusal *why);

#endif

// SPDX-License-Identifier: Apache-2.0
// Counselling and voluntariness: what a counselling session records (who
// counselled, in which language, with an interpreter or not, the informed
// decision, whether the person wishes to apply for asylum) and what the
// session implies for the case. Pure rules: no I/O, no SQL.
//
// Invariants: a session always has a counsellor, an ISO 639 language and a
// decision; an asylum wish recorded for a return puts the case on hold and
// opens a referral (cor_counselling_holds), so it never blocks silently.
#ifndef COR_COUNSELLING_H
#define COR_COUNSELLING_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/case.h"
#include "domain/lifecycle.h"

#define COR_NOTE_MAX        2000          /* bytes of a session's notes */
#define COR_ASYLUM_REFERRAL "UNHCR"       /* whom an asylum wish is referred to unless told */
#define COR_ASYLUM_SUBJECT  "asylum wish" /* the subject of the referral it opens */

/* The informed decision recorded at counselling. */
enum cor_counselling_decision {
	COR_COUNSEL_YES,
	COR_COUNSEL_NO,
	COR_COUNSEL_UNDECIDED,
	COR_COUNSEL__N
};

/* A counselling session, as recorded. Strings are borrowed. */
struct cor_counselling {
	const char *counsellor; /* the counsellor's name */
	const char *language;   /* ISO 639-1 ("ar") or 639-3 ("tir") code of the session */
	bool interpreter;       /* an interpreter was used */
	enum cor_counselling_decision decision;
	bool asylum_wish;     /* the person wishes to apply for asylum */
	const char *notes;    /* NULL or "" when none */
	const char *refer_to; /* whom an asylum wish is referred to; NULL: COR_ASYLUM_REFERRAL */
};

/* "yes", "no", "undecided"; "?" otherwise. */
const char *cor_counselling_decision_name(enum cor_counselling_decision d);
/* COR_EINVAL for anything but "yes", "no", "undecided". */
int cor_counselling_decision_parse(const char *s, enum cor_counselling_decision *out);
/* Is the session complete and well-formed? 0, or COR_EINVAL with why
 * naming the field ("counsellor", "language", "decision", "notes",
 * "refer_to"; code INVALID, or BAD_PARAMETER for a refer_to without an
 * asylum wish). */
int cor_counselling_check(const struct cor_counselling *s, struct cor_refusal *why);
/* May a session be recorded for case ref of p in state? Only before
 * departure: while the case can be put on hold, or is on hold. 0, or
 * COR_EWRONGSTATE (WRONG_STATE) with why. */
int cor_counselling_state_check(const struct cor_programme *p, const char *ref, const char *state,
				struct cor_refusal *why);
/* The reason recorded on the hold an asylum wish at session puts a case on. */
void cor_counselling_hold_reason(int session, char *buf, size_t len);
/* Does recording s for a case of p put it on hold and open a referral?
 * (A return with an asylum wish.) */
bool cor_counselling_holds(const struct cor_programme *p, const struct cor_counselling *s);
/* Whom s refers an asylum wish to. Borrowed. */
const char *cor_counselling_refer_to(const struct cor_counselling *s);

#endif

// SPDX-License-Identifier: Apache-2.0
// Health: pre-migration health assessments (resettlement) and the
// fitness-to-travel check of one person, the travel conditions an outcome
// carries and their IATA SSR codes, the US CDC TB class, and the window
// before departure within which a fitness check holds. Pure: no I/O, no SQL,
// no allocation. See docs/health-documents.md.
//
// Invariants the rules keep (cor_health_check_validate):
//  - fit takes no condition; fit_with_conditions takes at least one;
//    unfit and deferred take none (conditions are the terms of travel);
//  - at most one wheelchair class (wchr, wchs, wchc), none with a stretcher,
//    and a stretcher passenger travels with a medical escort;
//  - a case bound for the USA carries a TB class on every check.
// A struct cor_health_check holds only what travel planning may read: the
// outcome, the conditions, the TB class, when and by whom. Clinical notes are
// not part of it and never pass through this module's records; the store
// keeps them apart (store/store_health.h).
//
// The outcome and TB values and their names are those of enum cor_fitness
// and enum cor_tb_class in domain/eligibility.h, so that one maps onto the
// other by value; the two are to be merged into this header.
#ifndef COR_HEALTH_H
#define COR_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/case.h"
#include "domain/date.h"

#define COR_HEALTH_WINDOW_HOURS 72   /* default: a fitness check holds 72 h before departure */
#define COR_HEALTH_TIME_LEN     18   /* "YYYY-MM-DDTHH:MMZ" and its terminator */
#define COR_HEALTH_MSG_MAX      200  /* room for any message of this module */
#define COR_HEALTH_SSR_MAX      8    /* distinct SSR codes a set of conditions can yield */
#define COR_HEALTH_NOTE_MAX     2000 /* bytes of one clinical note */
#define COR_HEALTH_ISSUES_MAX                                                                      \
	4 /* rules a check can break at once (kind, outcome or                                     \
	     condition, tb, examiner) */

/* What was done. */
enum cor_health_kind {
	COR_HEALTH_FITNESS,       /* fitness to travel, shortly before departure */
	COR_HEALTH_PRE_MIGRATION, /* pre-migration health assessment (resettlement) */
	COR_HEALTH_KIND__N
};

/* The outcome. 0 is "no outcome": never valid in a record. */
enum cor_health_outcome {
	COR_HEALTH_OUTCOME_NONE,
	COR_HEALTH_FIT,
	COR_HEALTH_FIT_WITH_CONDITIONS,
	COR_HEALTH_UNFIT,
	COR_HEALTH_DEFERRED,
	COR_HEALTH_OUTCOME__N
};

/* The travel conditions of fit_with_conditions; a set is a bit mask of
 * COR_HEALTH_COND_BIT(c). */
enum cor_health_condition {
	COR_HEALTH_MEDICAL_ESCORT,     /* a doctor or nurse travels with the person */
	COR_HEALTH_NON_MEDICAL_ESCORT, /* a non-medical escort travels with the person */
	COR_HEALTH_OXYGEN,             /* oxygen in flight */
	COR_HEALTH_WCHR,               /* wheelchair for distance; walks steps and in the cabin */
	COR_HEALTH_WCHS,               /* wheelchair; no steps, walks in the cabin */
	COR_HEALTH_WCHC,               /* carried to and from the cabin seat */
	COR_HEALTH_STRETCHER,
	COR_HEALTH_EXTRA_SEAT,
	COR_HEALTH_FRONT_ROW, /* seated in the front row */
	COR_HEALTH_CONDITION__N
};
#define COR_HEALTH_COND_BIT(c) (1u << (unsigned)(c))

/* US CDC TB classification. 0 is "not screened": no class recorded. */
enum cor_health_tb {
	COR_HEALTH_TB_NOT_SCREENED,
	COR_HEALTH_TB_NONE, /* screened: no TB classification */
	COR_HEALTH_TB_A,    /* infectious: blocks travel unless waived */
	COR_HEALTH_TB_B1_PULMONARY,
	COR_HEALTH_TB_B1_EXTRAPULMONARY,
	COR_HEALTH_TB_B2, /* latent TB evaluation */
	COR_HEALTH_TB_B3, /* contact evaluation */
	COR_HEALTH_TB__N
};

/* One assessment or check as travel planning sees it: no clinical detail. */
struct cor_health_check {
	enum cor_health_kind kind;
	enum cor_health_outcome outcome;
	unsigned conditions; /* COR_HEALTH_COND_BIT set; 0 when none */
	enum cor_health_tb tb;
	int64_t at;                      /* when the person was examined: UTC seconds since 1970 */
	char examiner[COR_NAME_MAX + 1]; /* who examined ("Dr N. Haddad"); may be "" */
};

/* Which rule a check breaks: the parameter it concerns ("outcome",
 * "condition", "tb", "examiner", "at", "note") and a sentence. */
struct cor_health_issue {
	const char *field; /* static storage */
	char message[COR_HEALTH_MSG_MAX];
};

/* ---- names ------------------------------------------------------------ */

/* "fitness_to_travel", "pre_migration". */
const char *cor_health_kind_name(enum cor_health_kind k);
/* "fitness to travel", "pre-migration health assessment". */
const char *cor_health_kind_title(enum cor_health_kind k);
/* "fit", "fit_with_conditions", "unfit", "deferred"; "" for NONE. */
const char *cor_health_outcome_name(enum cor_health_outcome o);
/* COR_EINVAL for anything but the four names (exact, lower case). */
int cor_health_outcome_parse(const char *s, enum cor_health_outcome *out);
/* "medical_escort", "non_medical_escort", "oxygen", "wchr", "wchs", "wchc",
 * "stretcher", "extra_seat", "front_row". */
const char *cor_health_condition_name(enum cor_health_condition c);
/* A condition by name; the wheelchair classes also in upper case ("WCHC").
 * COR_EINVAL when unknown. */
int cor_health_condition_parse(const char *s, enum cor_health_condition *out);
/* The names of a set, in enum order, joined by ", " ("medical_escort, wchc";
 * "" for none). Returns buf. */
char *cor_health_conditions_format(unsigned conditions, char *buf, size_t len);
/* "none", "A", "B1_pulmonary", "B1_extrapulmonary", "B2", "B3"; "" for NOT_SCREENED. */
const char *cor_health_tb_name(enum cor_health_tb t);
/* One of those names, ignoring ASCII case; COR_EINVAL otherwise ("" included). */
int cor_health_tb_parse(const char *s, enum cor_health_tb *out);

/* ---- SSR codes ---------------------------------------------------------- */

/* The IATA special service request codes a set of conditions needs, each
 * once, in the order MEDA OXYG STCR WCHR WCHS WCHC EXST. medical_escort,
 * oxygen and stretcher need MEDA (medical clearance); non_medical_escort and
 * front_row have no code (the escort is booked as a passenger, the front row
 * is a seat assignment). out gets static strings; returns how many. */
int cor_health_ssr_codes(unsigned conditions, const char *out[COR_HEALTH_SSR_MAX]);
/* The codes joined by one space ("MEDA WCHC"; "" for none). Returns buf. */
char *cor_health_ssr_format(unsigned conditions, char *buf, size_t len);

/* ---- rules ------------------------------------------------------------ */

/* Every rule (see the top of this file) h breaks for a case bound for
 * destination (ISO alpha-3), one issue a field (the conditions' first broken
 * rule only), in the order kind, outcome or condition, tb, examiner.
 * Returns how many (0: h keeps them all). */
int cor_health_check_issues(const struct cor_health_check *h, const char *destination,
			    struct cor_health_issue issues[COR_HEALTH_ISSUES_MAX]);
/* Does h keep the rules for a case bound for destination? 0, or COR_EINVAL
 * with the first broken rule in *issue. */
int cor_health_check_validate(const struct cor_health_check *h, const char *destination,
			      struct cor_health_issue *issue);
/* Is a clinical note acceptable: 1..COR_HEALTH_NOTE_MAX bytes of clean
 * UTF-8 (no control characters)? 0, or COR_EINVAL with *issue (field "note"). */
int cor_health_note_validate(const char *text, struct cor_health_issue *issue);

/* Is a fitness check made at `at` valid for a departure at `departure`: not
 * after it and at most window_hours before it (exactly window_hours is
 * valid)? When not, msg gets why, e.g. "the check of 2026-03-01T08:00Z is
 * 72 h 01 min before departure at 2026-03-04T08:01Z, more than the 72 h
 * allowed". */
bool cor_health_window_ok(int64_t at, int64_t departure, int window_hours, char *msg, size_t len);
/* Does h clear the person for a departure: a fitness-to-travel check,
 * outcome fit or fit_with_conditions, within the window? When not, msg gets
 * why. */
bool cor_health_clears_travel(const struct cor_health_check *h, int64_t departure, int window_hours,
			      char *msg, size_t len);

/* The text of the history event recording h for person_ref: kind, time,
 * outcome, conditions, examiner; never the TB class nor any note, since every
 * role that reads a case reads its history. Returns buf. */
char *cor_health_event_detail(const struct cor_health_check *h, const char *person_ref, char *buf,
			      size_t len);

/* The text of the history event recording that a clinical note was kept
 * with the check of kind made at check_at for person_ref, and nothing of
 * what it says: "clinical note added to the fitness to travel of
 * LY-TIP-2026-000201-01 at 2026-03-01T08:00Z (kept apart, for medical
 * staff)". Returns buf. */
char *cor_health_note_event_detail(enum cor_health_kind kind, int64_t check_at,
				   const char *person_ref, char *buf, size_t len);

/* ---- times ------------------------------------------------------------ */

/* Parse exactly "YYYY-MM-DDTHH:MMZ" (UTC) into seconds since 1970.
 * COR_EINVAL when malformed or not a real time. */
int cor_health_time_parse(const char *s, int64_t *out);
/* Write t (floored to the minute) as "YYYY-MM-DDTHH:MMZ" into buf
 * (COR_HEALTH_TIME_LEN bytes). Returns buf. */
char *cor_health_time_format(int64_t t, char *buf);
/* t floored to the minute (records keep minutes; the clock is an input). */
int64_t cor_health_time_floor(int64_t t);
/* The day of t and its minute of the day (0..1439), as domain/eligibility.h
 * wants them. */
void cor_health_time_split(int64_t t, struct cor_date *day, int *minute);

#endif

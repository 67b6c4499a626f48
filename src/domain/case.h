// SPDX-License-Identifier: Apache-2.0
// The vocabulary of a case: programmes, lifecycle states, priorities,
// relationships, sexes, document kinds, and the human-readable identifiers
// (case "LY-TIP-2026-000123", person "LY-TIP-2026-000123-02"). Pure data and
// validation: no I/O, no SQL.
//
// Records use fixed-size buffers so that import, export and the demo move a
// million persons without an allocation per field; the limits are part of
// the validation (a name longer than COR_NAME_MAX bytes is refused).
#ifndef COR_CASE_H
#define COR_CASE_H

#include "util/uuid.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/date.h"

#define COR_NAME_MAX       120 /* bytes of UTF-8 in one name field */
#define COR_CASE_REF_MAX   24  /* "LY-TIP-2026-000123" and room for longer sequences */
#define COR_PERSON_REF_MAX 28  /* case ref + "-02" */
#define COR_LANGS_MAX      48  /* "ar;fr;en" */
#define COR_NEEDS_MAX      96  /* "SM-CC;DS-PS" */
#define COR_DOCNO_MAX      24

enum cor_priority { COR_PRIO_NORMAL, COR_PRIO_URGENT, COR_PRIO_EMERGENCY, COR_PRIO__N };

enum cor_relationship {
	COR_REL_PRINCIPAL,
	COR_REL_SPOUSE,
	COR_REL_CHILD,
	COR_REL_STEPCHILD,
	COR_REL_PARENT,
	COR_REL_SIBLING,
	COR_REL_GRANDPARENT,
	COR_REL_GRANDCHILD,
	COR_REL_OTHER_RELATIVE,
	COR_REL_UNRELATED,
	COR_REL__N
};

enum cor_doc_kind {
	COR_DOC_NONE,
	COR_DOC_PASSPORT,
	COR_DOC_ID_CARD,
	COR_DOC_ETD, /* emergency travel document */
	COR_DOC_LAISSEZ_PASSER,
	COR_DOC_EXIT_PERMIT,
	COR_DOC_VISA,
	COR_DOC_REFUGEE_TD, /* Convention travel document */
	COR_DOC__N
};

struct cor_programme {
	const char *code;        /* "VHR" */
	const char *name;        /* "voluntary humanitarian return" */
	bool is_return;          /* voluntariness, counselling and protection risk apply */
	bool is_admission;       /* a receiving state selects: submission, interview, acceptance */
	const char *const *path; /* the usual lifecycle, NULL-terminated */
};

struct cor_case {
	char ref[COR_CASE_REF_MAX];
	char programme[5];
	char office[8];      /* "LY-TIP" */
	char origin[4];      /* ISO 3166-1 alpha-3: where the case is now */
	char destination[4]; /* ISO 3166-1 alpha-3: where it is going */
	char state[16];
	enum cor_priority priority;
	struct cor_date registered_on;
	char uid[COR_UUID_LEN]; /* its identity across devices; "" when not read */
};

struct cor_person {
	int seq;                /* 1 for the principal applicant, then 2, 3... within the case */
	char uid[COR_UUID_LEN]; /* its identity across devices; "" when not read */
	enum cor_relationship relationship;
	char family_name[COR_NAME_MAX + 1];       /* as written, any script; may be empty */
	char given_names[COR_NAME_MAX + 1];       /* as written, any script */
	char family_name_latin[COR_NAME_MAX + 1]; /* Latin script */
	char given_names_latin[COR_NAME_MAX + 1]; /* Latin script, required */
	char sex;                                 /* 'F', 'M' or 'X' */
	struct cor_date birth_date;
	bool birth_date_approx;
	char nationality[4]; /* ISO alpha-3, or XXA stateless, XXX unknown: cor_nationality_is_valid
			      */
	char languages[COR_LANGS_MAX + 1];
	char needs[COR_NEEDS_MAX + 1]; /* ';'-separated specific-needs codes */
};

struct cor_document {
	enum cor_doc_kind kind; /* COR_DOC_NONE: the person holds no document */
	char number[COR_DOCNO_MAX + 1];
	char issuer[4]; /* ISO alpha-3 of the issuing state */
	struct cor_date expires_on;
	bool has_expiry;
};

/* The programmes, in DOMAIN.md order. */
extern const struct cor_programme cor_programmes[];
extern const size_t cor_programmes_len;
/* The programme with that code, or NULL. */
const struct cor_programme *cor_programme_find(const char *code);

/* Every lifecycle state, in lifecycle order. */
extern const char *const cor_states[];
extern const size_t cor_states_len;
/* Is state a lifecycle state known to any programme? */
bool cor_state_is_valid(const char *state);
/* Does the programme's lifecycle include state? */
bool cor_programme_has_state(const struct cor_programme *p, const char *state);

/* "normal", "urgent", "emergency". */
const char *cor_priority_name(enum cor_priority p);
/* COR_EINVAL for an unknown name. */
int cor_priority_parse(const char *s, enum cor_priority *out);

const char *cor_relationship_name(enum cor_relationship r);
int cor_relationship_parse(const char *s, enum cor_relationship *out);

/* The least difference in age between generations: a parent is at least
 * this many years older than their child, a grandparent twice as many. */
#define COR_GENERATION_YEARS 12
/* How much an estimated birth date (either one) may be off, in years. */
#define COR_BIRTH_APPROX_YEARS 2

/* Is a person born on birth (approx: an estimate) plausibly the rel of a
 * principal applicant born on principal (principal_approx)? A child is at
 * least COR_GENERATION_YEARS younger, a grandchild twice that, a stepchild
 * younger; a parent that much older, a grandparent twice that; with an
 * estimated date either way, COR_BIRTH_APPROX_YEARS less. The other
 * relationships have no age rule. 0; or COR_EINVAL with a sentence in msg
 * ("a child is at least 12 years younger than the principal applicant,
 * born 1990-05-01; this one is 3 years younger"). */
int cor_relationship_check(enum cor_relationship rel, struct cor_date birth, bool approx,
			   struct cor_date principal, bool principal_approx, char *msg, size_t len);

/* "" for COR_DOC_NONE, then "passport", "id_card", "etd", ... */
const char *cor_doc_kind_name(enum cor_doc_kind k);
int cor_doc_kind_parse(const char *s, enum cor_doc_kind *out);

/* Is code a valid office code: ISO alpha-2, '-', three upper-case letters ("LY-TIP")? */
bool cor_office_code_is_valid(const char *code);
/* Format a case reference "OFFICE-YEAR-SEQ" (SEQ zero-padded to 6) into buf. */
void cor_case_ref_format(char *buf, size_t len, const char *office, int year, long seq);
/* Parse a case reference; office gets "LY-TIP" (8 bytes). COR_EINVAL when malformed. */
int cor_case_ref_parse(const char *ref, char office[8], int *year, long *seq);
/* Format a person reference: case ref + "-" + two-digit seq. */
void cor_person_ref_format(char *buf, size_t len, const char *case_ref, int seq);

/* Is s valid UTF-8 with no control characters? */
bool cor_text_is_clean(const char *s);
/* Is s written in Latin script (ASCII letters, Latin-1 Supplement and Latin
 * Extended-A/B letters, spaces, hyphens, apostrophes and periods)? */
bool cor_text_is_latin(const char *s);

#endif

// SPDX-License-Identifier: Apache-2.0
// Corrections: putting right what was recorded wrongly, each as an
// amendment the history keeps (who, when, why, which field, the value
// before and after), never by rewriting the history. Each correction is one
// operation of the table (service.h), one transaction; a reason is required
// for every one. The rules of what may be corrected are domain/correct.h's;
// docs/corrections.md is the reference.
//
// Invariants:
//  - every field a correction changes is one "corrected" event of the
//    case's history, with the field, the value before and after, the
//    reason and the actor (case.show shows them);
//  - a refused correction changes nothing, and its refusal names the rule
//    and the field at fault;
//  - a person's names change only through one function of correct.c
//    (person_store), whatever the correction: what follows names (search
//    keys) follows them there.
// Strings in inputs are borrowed; documents returned are the caller's to
// json_decref.
#ifndef COR_SERVICE_CORRECT_H
#define COR_SERVICE_CORRECT_H

#include <jansson.h>

#include "domain/movement.h"
#include "service/service.h"

/* Fields one correction changes at most: a merge of 99 persons records each
 * person's new ID in both cases and their relationship, and the case's. */
#define COR_SVC_CHANGES_MAX (3 * 99 + 3)
#define COR_SVC_VALUE_MAX   (2 * COR_NAME_MAX + 48) /* bytes of a value before or after */

/* One field changed: what it belongs to ("person LY-TIP-2026-000123-02",
 * "case", "document passport P123 of LY-...-01"), the field, its values. */
struct cor_svc_change {
	char case_ref[COR_CASE_REF_MAX]; /* the case (or movement) whose history records it */
	char subject[80];
	char field[24];
	char before[COR_SVC_VALUE_MAX];
	char after[COR_SVC_VALUE_MAX];
};

/* What a correction did: the case it corrected and each change, in the
 * order recorded (a move, a split or a merge records in both cases).
 * Every correction's output; about 200 KiB, so better not on a stack. */
struct cor_svc_correction_out {
	char case_ref[COR_CASE_REF_MAX];
	/* A person added or moved: their new ID; "" otherwise. */
	char person[COR_PERSON_REF_MAX + 8];
	char case_made[COR_CASE_REF_MAX];        /* a case split off: its ref; "" otherwise */
	char movement[COR_MOVEMENT_REF_MAX + 1]; /* an escort's movement; "" otherwise */
	int n;
	struct cor_svc_change changes[COR_SVC_CHANGES_MAX];
};
/* {"case":..|null,"movement":..|null,"person":..|null,"case_made":..|null,
 *  "reason":..,"at":..,"by":..,
 *  "changes":[{"case":..,"subject":..,"field":..,"before":..,"after":..}]} */
json_t *cor_svc_correction_json(const struct cor_ctx *cx, const char *reason,
				const struct cor_svc_correction_out *out);

/* Every correction refuses a reason that is missing or empty
 * (REASON_REQUIRED, field "reason") or not text (INVALID). */

/* person.correct: correct person's names, sex, birth date (and whether it
 * is approximate), nationality and relationship; NULL (sex 0, approx -1,
 * has_birth_date false) leaves a field as it is. Each value is checked as
 * registration checks it (INVALID naming the field); a relationship stays
 * plausible (domain/correct.h), and a change of the principal's birth date
 * keeps every relationship plausible. BAD_PARAMETER "person" when nothing
 * is given, INVALID when every value given is the one recorded. */
struct cor_svc_person_correct_in {
	const char *person;
	const char *family_name, *given_names, *family_name_latin, *given_names_latin;
	const char *sex; /* "F", "M" or "X" */
	bool has_birth_date;
	struct cor_date birth_date;
	int birth_date_approx; /* -1: unchanged; 0 or 1 */
	const char *nationality;
	const char *relationship; /* "child", ...; never to or from "principal" */
	const char *reason;
};
int cor_svc_person_correct(struct cor_ctx *cx, const struct cor_svc_person_correct_in *in,
			   struct cor_svc_correction_out *out);

/* person.add: a person missing from case ref (a newborn), as its next
 * person number, with relationship (not "principal": the case has one,
 * plausible against the principal's birth date). p's fields are checked as
 * registration checks them; p->seq and p->relationship are set here.
 * Refused while the case is closed or booked (WRONG_STATE); CAPACITY when
 * the case has 99 persons. out->person gets the new person's ID. */
struct cor_svc_person_add_in {
	const char *case_ref;
	const char *relationship;
	struct cor_person p;
	const char *reason;
};
int cor_svc_person_add(struct cor_ctx *cx, const struct cor_svc_person_add_in *in,
		       struct cor_svc_correction_out *out);

/* person.remove: take out a person registered by mistake (their specific
 * needs go with them). The principal applicant only with new_principal, a
 * person of the same case who becomes principal. Refusals: the rules of
 * cor_correct_removal_check (closed, travelled, booked, the only person,
 * documents not voided, health checks, protection assessments). */
struct cor_svc_person_remove_in {
	const char *person;
	const char *new_principal; /* NULL: none */
	const char *reason;
};
int cor_svc_person_remove(struct cor_ctx *cx, const struct cor_svc_person_remove_in *in,
			  struct cor_svc_correction_out *out);

/* person.move: move person to case into, another case of the same office
 * and programme, as its next person number (the person's ID changes; what
 * is recorded of them goes with them; each case's history records the
 * move). The rules of cor_correct_join_check (neither case closed,
 * travelled or booked; one person left behind). relationship: theirs in
 * the new case (NULL: as it is), required for a principal applicant, who
 * may move only with new_principal (a person staying, who becomes
 * principal of the case left). Relationships stay plausible against the
 * new case's principal. out->person gets the new ID. */
struct cor_svc_person_move_in {
	const char *person;
	const char *into;
	const char *relationship;  /* NULL: unchanged */
	const char *new_principal; /* NULL: none */
	const char *reason;
};
int cor_svc_person_move(struct cor_ctx *cx, const struct cor_svc_person_move_in *in,
			struct cor_svc_correction_out *out);

/* case.split: persons[0..n) of case ref go to a new case of the same
 * programme, office, route and priority, registered today in state
 * 'registered' under the office's next number (cor_svc_case_number). The
 * first named becomes its principal applicant; the principal of ref stays
 * (REFUSED). At least one person goes and one stays. out->case_made gets
 * the new case's ref. */
#define COR_SVC_SPLIT_MAX 98
struct cor_svc_case_split_in {
	const char *case_ref;
	const char *const *persons; /* person IDs of case_ref */
	int n;
	const char *reason;
};
int cor_svc_case_split(struct cor_ctx *cx, const struct cor_svc_case_split_in *in,
		       struct cor_svc_correction_out *out);

/* case.merge: every person of case ref goes into case into, which keeps its
 * ref; ref is closed and recorded as merged into it. For two cases opened
 * for one household (a possible duplicate found), merged by a caseworker.
 *
 * Input: case_ref, the case that goes (its ref is kept in the history,
 * never given again); into, the case that stays; relationship, that of
 * ref's principal applicant in into ("spouse", "child", ...; NULL:
 * "other_relative"); reason, required (the reason of every correction).
 * The other persons keep their relationship, which must be plausible
 * against into's principal (else INVALID naming the person: correct it
 * first). Refusals: the rules of cor_correct_join_check for the whole
 * case (both open, neither travelled nor booked, one office, one programme,
 * at most 99 persons); WRONG_STATE while ref has an open referral. out:
 * case_ref is into; each person's new ID, ref's state and its
 * "merged_into" are changes. */
struct cor_svc_case_merge_in {
	const char *case_ref;
	const char *into;
	const char *relationship;
	const char *reason;
};
int cor_svc_case_merge(struct cor_ctx *cx, const struct cor_svc_case_merge_in *in,
		       struct cor_svc_correction_out *out);

/* case.priority: set case ref's priority ("normal", "urgent",
 * "emergency"; BAD_PARAMETER "priority" otherwise). Not while closed;
 * INVALID when it is the priority already. */
struct cor_svc_case_priority_in {
	const char *case_ref;
	const char *priority;
	const char *reason;
};
int cor_svc_case_priority(struct cor_ctx *cx, const struct cor_svc_case_priority_in *in,
			  struct cor_svc_correction_out *out);

/* case.transfer: move case ref to office, an existing office
 * (OFFICE_NOT_FOUND) of the same country as its office (REFUSED), not its
 * office already (INVALID). The case keeps its ref. Not while closed. */
struct cor_svc_case_transfer_in {
	const char *case_ref;
	const char *office;
	const char *reason;
};
int cor_svc_case_transfer(struct cor_ctx *cx, const struct cor_svc_case_transfer_in *in,
			  struct cor_svc_correction_out *out);

/* case.reopen: a closed case back to the state it was closed from
 * (cor_correct_reopen_check). case.revert: a case back to the state its
 * last transition came from (cor_correct_revert_check), no lifecycle check:
 * it undoes one. Both record the correction of field "state". */
struct cor_svc_case_state_in {
	const char *case_ref;
	const char *reason;
};
int cor_svc_case_reopen(struct cor_ctx *cx, const struct cor_svc_case_state_in *in,
			struct cor_svc_correction_out *out);
int cor_svc_case_revert(struct cor_ctx *cx, const struct cor_svc_case_state_in *in,
			struct cor_svc_correction_out *out);

/* document.void: a document of person added in error, named by kind and
 * number (and issuer, needed only when the person holds that kind and
 * number from two issuers: BAD_PARAMETER "issuer"). It leaves the person's
 * documents and is kept as voided. DOCUMENT_NOT_FOUND when the person holds
 * no such document. */
struct cor_svc_document_void_in {
	const char *person;
	const char *kind;
	const char *number;
	const char *issuer; /* NULL: the only one of that kind and number */
	const char *reason;
};
int cor_svc_document_void(struct cor_ctx *cx, const struct cor_svc_document_void_in *in,
			  struct cor_svc_correction_out *out);

/* escort.correct: correct named escort no of movement: family_name and
 * given_names (Latin script, as on the passport), sex, birth date,
 * nationality, passport (with issuer and expiry), medical; NULL (has_*
 * false, medical -1) leaves a field as it is. Checked as naming an escort
 * checks it (INVALID naming the field). Not on a cancelled movement; the
 * medical flag not while a case is booked on the movement (the bookings
 * counted the medical escorts named). ESCORT_NOT_FOUND when there is no
 * such escort; INVALID when nothing changes. Recorded in the movement's
 * history. */
struct cor_svc_escort_correct_in {
	const char *movement;
	int no;
	const char *family_name, *given_names, *sex, *nationality, *passport, *issuer;
	bool has_birth_date, has_expires;
	struct cor_date birth_date, expires;
	int medical; /* -1: unchanged; 0 operational, 1 medical */
	const char *reason;
};
int cor_svc_escort_correct(struct cor_ctx *cx, const struct cor_svc_escort_correct_in *in,
			   struct cor_svc_correction_out *out);

/* escort.remove: take named escort no off movement, named by mistake;
 * only before departure (planned, open, closed), and a medical escort not
 * while a case is booked on it (WRONG_STATE). */
struct cor_svc_escort_remove_in {
	const char *movement;
	int no;
	const char *reason;
};
int cor_svc_escort_remove(struct cor_ctx *cx, const struct cor_svc_escort_remove_in *in,
			  struct cor_svc_correction_out *out);

extern const struct cor_op *const cor_ops_correct[];

#endif

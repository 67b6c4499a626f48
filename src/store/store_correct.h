// SPDX-License-Identifier: Apache-2.0
// The store's side of corrections: the record writes a correction makes
// (a person's fields, a person added by mistake taken out or moved, a
// case's priority, office or state put right, a document voided, a named
// escort corrected or taken off) and the event that records each with the
// value before and after. Callers see domain
// records, never SQL (the backends: sqlite_correct.c and pg_correct.c,
// through store_correct_ops.h).
//
// Invariants every backend keeps:
//  - each write is one unit: outside a transaction its own, inside one a
//    savepoint; refused or failed, it changes nothing;
//  - the writes check no rule: what may be corrected is decided by the
//    operations (service/correct.h) on facts read in the same transaction;
//  - a voided document is kept, apart from the documents every read sees,
//    with who voided it, when and why; the history is never rewritten.
// Strings passed in are borrowed.
#ifndef COR_STORE_CORRECT_H
#define COR_STORE_CORRECT_H

#include <stdint.h>

#include "domain/case.h"
#include "store/store.h"
#include "store/store_movement.h"

/* One corrected field, as the history keeps it. */
struct cor_correction {
	const char *subject; /* what was corrected: "person LY-TIP-2026-000123-02", "case" */
	const char *field;   /* "family_name_latin", "priority", "state", ... */
	const char *before;  /* the value before ("" when there was none) */
	const char *after;   /* the value after ("" when there is none) */
	const char *reason;  /* why: required */
	const char *actor;
};

/* What refers to a person besides their needs: the records that keep a
 * person from being taken out. */
struct cor_person_holds {
	int documents;     /* travel documents not voided */
	int health_checks; /* health checks recorded */
	int assessments;   /* protection risk assessments */
};

/* Append correction c to case case_id's history: an event "corrected",
 * dated by the store's clock, its detail c->subject. */
int cor_store_correction_add(struct cor_store *st, int64_t case_id, const struct cor_correction *c);
/* Write person person_id's relationship, names, sex, birth date (and
 * whether it is approximate) and nationality from p; the rest stays.
 * COR_ENOTFOUND when there is no such person. */
int cor_store_person_update(struct cor_store *st, int64_t person_id, const struct cor_person *p);
/* What refers to person person_id. */
int cor_store_person_holds(struct cor_store *st, int64_t person_id, struct cor_person_holds *out);
/* Delete person person_id with their specific needs and voided documents.
 * The caller has found nothing else referring to them (holds all 0). */
int cor_store_person_delete(struct cor_store *st, int64_t person_id);
/* Move person person_id to case to_case_id as its person number seq, with
 * everything recorded of them (documents, checks, assessments follow the
 * person); their former case keeps its history. */
int cor_store_person_move(struct cor_store *st, int64_t person_id, int64_t to_case_id, int seq);
/* Record that case case_id was merged into case into_id, by actor, at the
 * store's now (once: a merged case is closed, which the caller checks). */
int cor_store_case_merge_record(struct cor_store *st, int64_t case_id, int64_t into_id,
				const char *actor);
/* Write escort e (the one numbered e->no) of movement ref: names, sex,
 * birth date, nationality, passport, issuer, expiry, medical.
 * COR_ENOTFOUND when the movement has no such escort. */
int cor_store_escort_update(struct cor_store *st, const char *movement, const struct cor_escort *e);
/* Delete escort no of movement ref. COR_ENOTFOUND when there is none. */
int cor_store_escort_delete(struct cor_store *st, const char *movement, int no);
/* Append correction c to movement ref's history (an event of no case). */
int cor_store_movement_correction_add(struct cor_store *st, const char *movement,
				      const struct cor_correction *c);
/* Set case case_id's priority. */
int cor_store_case_priority_set(struct cor_store *st, int64_t case_id, enum cor_priority p);
/* Set case case_id's office (its ref stays). COR_ENOTFOUND: no such office. */
int cor_store_case_office_set(struct cor_store *st, int64_t case_id, const char *office);
/* Put case case_id's state from from back to to, without a "state" event
 * (the caller records the correction). COR_EBUSY when it is not in from. */
int cor_store_case_state_put(struct cor_store *st, int64_t case_id, const char *from,
			     const char *to);
/* Void the first document of person person_id equal to d (kind, number,
 * issuer): it leaves the documents and is kept as voided, by actor, with
 * reason, at the store's now. COR_ENOTFOUND when the person has none. */
int cor_store_document_void(struct cor_store *st, int64_t person_id, const struct cor_document *d,
			    const char *actor, const char *reason);

#endif

// SPDX-License-Identifier: Apache-2.0
// The store's side of health and documents: finding a person by ID, the
// documents of a person with where each came from, health checks (outcome,
// conditions, TB class) and, apart from them, clinical notes.
//
// Invariants:
//  - every call that records something appends an event to the case
//    history, and does it all or nothing (a unit of work of its own, nested
//    in the caller's transaction when there is one);
//  - clinical notes live in their own table and are read and written only
//    by the cor_store_health_notes_* calls; no other call returns them and no
//    event carries their text. This is the one door a later access rule
//    (medical staff only) has to guard; see docs/health-documents.md;
//  - health checks are never updated: a new check supersedes the last one of
//    its kind (the latest by examination time).
// The backend holds records, not rules: what a record must satisfy is
// checked by the caller (domain/health.h, domain/document.h, service/) before
// it is written; the schema's constraints are the last line only.
// Strings passed in are borrowed; records passed to callbacks are borrowed
// for the duration of the call.
#ifndef COR_STORE_HEALTH_H
#define COR_STORE_HEALTH_H

#include <stdint.h>

#include "domain/case.h"
#include "domain/document.h"
#include "domain/health.h"
#include "store/store.h"

/* A person found by ID, with their case. */
struct cor_person_found {
	int64_t id;                   /* the person's internal id */
	int64_t case_id;              /* their case's internal id */
	char ref[COR_PERSON_REF_MAX]; /* "LY-TIP-2026-000123-01" */
	struct cor_case c;
	struct cor_person p;
};

/* A clinical note, as the notes calls return it. */
struct cor_health_note {
	int64_t check_id;              /* the check it was written with */
	enum cor_health_kind kind;     /* that check's kind */
	int64_t check_at;              /* and examination time */
	char written_at[COR_TIME_LEN]; /* when it was recorded */
	const char *author;
	const char *text;
};

/* Find a person by ID: a case ID, '-' and two digits ("LY-TIP-2026-000123-01").
 * COR_EINVAL when ref is not of that form, COR_ENOTFOUND when there is no
 * such case or person, each with a message naming ref. */
int cor_store_person_find(struct cor_store *st, const char *ref, struct cor_person_found *out);

/* ---- documents --------------------------------------------------------- */

/* Record document d of person who, from source, and append a "document"
 * event by actor (the text of cor_document_event_detail). d must pass
 * cor_document_validate, and the person must not hold it already
 * (cor_document_same): the caller checks both. */
int cor_store_document_record(struct cor_store *st, const struct cor_person_found *who,
			      const struct cor_document *d, enum cor_doc_source source,
			      const char *actor);
/* The documents of a person, oldest first. */
int cor_store_documents_each(struct cor_store *st, int64_t person_id,
			     int (*cb)(const struct cor_document *d, enum cor_doc_source source,
				       void *ctx),
			     void *ctx);

/* ---- health: what travel planning may read ------------------------------ */

/* Record check h of person who and append a "health" event by actor (the
 * text of cor_health_event_detail). h must pass cor_health_check_validate.
 * *id (may be NULL) gets the check's id, for notes. */
int cor_store_health_add(struct cor_store *st, const struct cor_person_found *who,
			 const struct cor_health_check *h, const char *actor, int64_t *id);
/* The latest check of kind for a person (latest examination time, then
 * latest recorded). COR_ENOTFOUND when there is none. *id may be NULL. */
int cor_store_health_latest(struct cor_store *st, int64_t person_id, enum cor_health_kind kind,
			    struct cor_health_check *out, int64_t *id);
/* Every check of a person, newest first. */
int cor_store_health_each(struct cor_store *st, int64_t person_id,
			  int (*cb)(const struct cor_health_check *h, int64_t id, void *ctx),
			  void *ctx);

/* ---- health: clinical notes (medical staff only) -------------------------- */

/* Keep a clinical note, written by author, with check check_id of person
 * who, and append a "health" event by author that says a note was added and
 * nothing of what it says. text must pass cor_health_note_validate.
 * COR_ENOTFOUND when the check is not that person's. */
int cor_store_health_notes_add(struct cor_store *st, const struct cor_person_found *who,
			       int64_t check_id, const char *author, const char *text);
/* The clinical notes of a person, newest check first, then in the order
 * written. */
int cor_store_health_notes_each(struct cor_store *st, int64_t person_id,
				int (*cb)(const struct cor_health_note *n, void *ctx), void *ctx);

#endif

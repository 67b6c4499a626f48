// SPDX-License-Identifier: Apache-2.0
// Document rules: which kinds are travel documents, what a manually entered
// document must hold, whether a document is valid for a travel date plus a
// margin (with the sentence a caseworker reads when it is not), and how a
// document read from its MRZ (domain/mrz.h) becomes a struct cor_document
// and is compared with the person record. Pure: no I/O, no SQL, no
// allocation. See docs/health-documents.md.
//
// Invariants: a document is valid through its expiry day; one with no expiry
// recorded does not expire; a person can travel when at least one travel
// document is valid on the travel date plus the margin. Issuers are ISO
// 3166-1 alpha-3 codes (ICAO's "D" becomes "DEU").
#ifndef COR_DOCUMENT_H
#define COR_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/case.h"
#include "domain/date.h"
#include "domain/mrz.h"

#define COR_DOCUMENT_MARGIN_DAYS 0 /* default: valid on the travel day itself */
#define COR_DOCUMENT_MSG_MAX     200
#define COR_DOCUMENT_MRZ_ISSUES  4 /* name, nationality, birth date, sex */
#define COR_DOCUMENT_ISSUES_MAX  4 /* kind, number, issuer, expires */

/* Where a document record came from. */
enum cor_doc_source {
	COR_DOC_SOURCE_IMPORT, /* a CSV import or generated data */
	COR_DOC_SOURCE_MANUAL, /* typed in by a caseworker */
	COR_DOC_SOURCE_MRZ,    /* read from the machine readable zone */
	COR_DOC_SOURCE__N
};

/* A rule a document breaks: the field it concerns ("kind", "number",
 * "issuer", "expires", "document_code", "issuing_state", "nationality",
 * "birth_date", "sex") and a sentence. */
struct cor_document_issue {
	const char *field; /* static storage */
	char message[COR_DOCUMENT_MSG_MAX];
};

/* "import", "manual", "mrz". */
const char *cor_doc_source_name(enum cor_doc_source s);
/* COR_EINVAL for any other name. */
int cor_doc_source_parse(const char *s, enum cor_doc_source *out);

/* Can a person cross a border on a document of kind k: passport, id_card,
 * etd, laissez_passer, refugee_td? Exit permits and visas go with one. */
bool cor_document_is_travel(enum cor_doc_kind k);

/* The holder's name as a person reads it: given names then family name,
 * Latin script, in the case they were registered in ("Amina Yusuf",
 * "Gédéon Mbala"). Only an MRZ upper-cases a name (domain/mrz.h). Returns
 * buf. */
char *cor_document_holder(const struct cor_person *p, char *buf, size_t len);

/* Every problem of d as a record: a kind, a number of 1-24 characters A-Z
 * and 0-9, an ISO alpha-3 issuer, and an expiry (when given) after the
 * holder's birth date. One issue a field, in that order; returns how many
 * (0: d may be recorded). */
int cor_document_issues(const struct cor_document *d, const struct cor_person *holder,
			struct cor_document_issue issues[COR_DOCUMENT_ISSUES_MAX]);
/* Does d hold what a record needs? 0, or COR_EINVAL with the first problem
 * in *issue. */
int cor_document_validate(const struct cor_document *d, const struct cor_person *holder,
			  struct cor_document_issue *issue);

/* Are a and b one document: the same kind, number and issuer? A person
 * holds each document once (the same document on two persons is allowed). */
bool cor_document_same(const struct cor_document *a, const struct cor_document *b);

/* The text of the history event recording d for person_ref from source:
 * "passport P1 issued by SDN, expires 2031-05-01 added for
 * LY-TIP-2026-000201-01 (read from the MRZ)" ("entered by hand" when not
 * from the MRZ). Returns buf. */
char *cor_document_event_detail(const struct cor_document *d, enum cor_doc_source source,
				const char *person_ref, char *buf, size_t len);

/* Had d expired by today (its expiry day before today)? One with no expiry
 * never has. */
bool cor_document_expired(const struct cor_document *d, struct cor_date today);

/* Is d valid for travel on `travel`, still valid margin_days after it? A
 * document without an expiry date is. When not, msg gets a sentence naming
 * holder: "passport of Amina Yusuf expires 2027-01-02, before travel on
 * 2027-01-10" or "... expires 2027-01-20, less than 30 days after travel on
 * 2027-01-10". */
bool cor_document_valid_for_travel(const struct cor_document *d, const char *holder,
				   struct cor_date travel, int margin_days, char *msg, size_t len);

/* Does person p, holding docs[0..n), have a travel document valid for
 * travel plus margin_days? *which (may be NULL) gets the index of the first
 * such document, or -1. When not, msg gets why: "Amina Yusuf holds no
 * document", "Amina Yusuf holds no travel document (holds: visa)", or the
 * sentence of the travel document that expires last. */
bool cor_document_person_can_travel(const struct cor_person *p, const struct cor_document *docs,
				    int n, struct cor_date travel, int margin_days, int *which,
				    char *msg, size_t len);

/* The document a valid MRZ describes. kind COR_DOC_NONE takes the kind from
 * the document code (P: passport; I, A, C: id_card; V: visa); another kind
 * must suit the code (P: passport, etd, laissez_passer or refugee_td).
 * 0, or COR_EINVAL with *issue (document_code, kind or issuing_state). */
int cor_document_from_mrz(const struct cor_mrz *m, enum cor_doc_kind kind, struct cor_document *out,
			  struct cor_document_issue *issue);

/* Compare an MRZ with the person record: the name (family name against the
 * primary identifier, given names against the secondary, as the MRZ writes
 * them: upper case, punctuation a space, apostrophes dropped; a name field
 * filled to its end may be cut short; not compared when the record's Latin
 * name holds other than ASCII), nationality, birth date (the year alone when
 * the record's date is approximate) and sex ('<' and 'X' match a record's
 * 'X'). Writes one issue per mismatch into issues, in that order, and
 * returns how many (0: they agree). */
int cor_document_mrz_mismatches(const struct cor_mrz *m, const struct cor_person *p,
				struct cor_document_issue issues[COR_DOCUMENT_MRZ_ISSUES]);

#endif

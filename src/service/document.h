// SPDX-License-Identifier: Apache-2.0
// Document operations: record a person's document from given fields or from
// its machine readable zone, checked against the person record
// (document.add); list a person's documents (document.list); check every
// person of a case for a travel document valid on a travel date plus a
// margin (document.check, which writes nothing). The MRZ's reference date
// and "expired" are cx->today. The rules are domain/document.h's.
#ifndef COR_SERVICE_DOCUMENT_H
#define COR_SERVICE_DOCUMENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "domain/document.h"
#include "service/service.h"

#define COR_SVC_MRZ_MAX 4096 /* bytes of MRZ text one document.add reads */

/* document.add. Refusals: BAD_PARAMETER "person", "kind", "number",
 * "issuer" (not given; or given with mrz, which holds them); TOO_LARGE
 * "mrz"; INVALID "person" (not a person ID); PERSON_NOT_FOUND "person";
 * INVALID for each field that breaks a rule (every one a cause when there
 * are several); INVALID "mrz" when the MRZ fails a check (a cause a failed
 * check, field "mrz.<check>") or disagrees with the person record or cannot
 * be recorded (a cause a field: "mrz.name", "mrz.nationality",
 * "mrz.birth_date", "mrz.sex", "kind", "mrz.issuing_state", ...); EXISTS
 * "number" when the person has that kind, number and issuer already. An
 * expired document is recorded (out->expired says so), and so is a number
 * a person of another case holds (out->holders say who). */
struct cor_svc_document_add_in {
	const char *person;
	enum cor_doc_kind kind; /* COR_DOC_NONE: with mrz, the MRZ's document code says */
	const char *number;     /* without mrz */
	const char *issuer;     /* without mrz: ISO 3166-1 alpha-3 */
	bool has_expires;       /* without mrz */
	struct cor_date expires;
	const char *mrz; /* the MRZ lines, mrz_len bytes; NULL: from the fields */
	size_t mrz_len;
};
#define COR_SVC_HOLDERS_MAX 8 /* other holders of a number document.add names */
/* A person of another case who holds a document of the same kind and
 * number (the duplicate key of search.h: the issuer is not compared). */
struct cor_svc_document_holder {
	char person[COR_PERSON_REF_MAX]; /* "LY-TIP-2026-000101-02" */
	char case_ref[COR_CASE_REF_MAX];
	int seq; /* the person's number in that case */
};
struct cor_svc_document_add_out {
	char person[COR_PERSON_REF_MAX];
	struct cor_document doc;
	enum cor_doc_source source;
	bool expired; /* its expiry is before today */
	/* The document is recorded whoever else holds its number: those
	 * others, of other cases, in key then person order (visas, whose
	 * numbers are not identities, are never compared). */
	int nholders;      /* how many are listed */
	bool more_holders; /* there are more than COR_SVC_HOLDERS_MAX */
	struct cor_svc_document_holder holders[COR_SVC_HOLDERS_MAX];
};
int cor_svc_document_add(struct cor_ctx *cx, const struct cor_svc_document_add_in *in,
			 struct cor_svc_document_add_out *out);
/* What was recorded: {"person":..., "document":DOCUMENT,
 * "also_held_by":[{"person","case","seq"}], "also_held_by_more":false}
 * (DOCUMENT as in document.list). New reference; NULL when out of memory. */
json_t *cor_svc_document_add_json(const struct cor_svc_document_add_out *out);

/* document.list. out->doc, for the caller to json_decref:
 * {"person":PERSON (as health.show's), "documents":[DOCUMENT, ...oldest first]}
 * DOCUMENT: {"kind":"passport","number":"P04918273","issuer":"SDN",
 *  "expires_on":"2027-01-02"|null,"source":"import"|"manual"|"mrz",
 *  "expired":false}. */
struct cor_svc_document_list_in {
	const char *person;
};
struct cor_svc_document_list_out {
	json_t *doc;
};
int cor_svc_document_list(struct cor_ctx *cx, const struct cor_svc_document_list_in *in,
			  struct cor_svc_document_list_out *out);

/* document.check. out->doc, for the caller to json_decref:
 * {"case":"LY-TIP-2026-000201","travel_date":"2027-01-10","margin_days":0,
 *  "persons":[{"person":"LY-TIP-2026-000201-01","holder":"AMINA YUSUF",
 *              "valid":false,"document":null|{"kind",...,"expires_on"},
 *              "reason":null|"passport of AMINA YUSUF expires ..."}],
 *  "persons_total":3,"persons_lacking":2}
 * Refusals: BAD_PARAMETER "case" or "travel_date" (not given),
 * "margin_days" outside 0..3660; CASE_NOT_FOUND "case". A person lacking a
 * document is a result, not a refusal. */
struct cor_svc_document_check_in {
	const char *case_ref;
	bool has_travel_date;
	struct cor_date travel_date;
	int margin_days; /* 0..COR_DOCUMENT_MARGIN_MAX */
};
struct cor_svc_document_check_out {
	json_t *doc;
	int persons, lacking;
};
int cor_svc_document_check(struct cor_ctx *cx, const struct cor_svc_document_check_in *in,
			   struct cor_svc_document_check_out *out);

#define COR_DOCUMENT_MARGIN_MAX 3660

extern const struct cor_op *const cor_ops_document[];

#endif

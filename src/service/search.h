// SPDX-License-Identifier: Apache-2.0
// Search a person would expect, and possible duplicates (docs/search.md).
//
// case.search finds cases by the start of a case ID or by names folded
// (domain/fold.h): case, accents, punctuation and spaces do not matter,
// Arabic script is normalised, and a name written in one script is found
// from another by its skeleton. Best matches first, each with the person
// matched and why.
//
// duplicates.list pairs persons of different cases that may be the same
// person: the same identity document, or the same birth date with names
// alike; each pair with a score and its reasons, until it is resolved:
// marked distinct (duplicates.distinct, an event on both cases, never
// listed again) or merged (a correction of the cases, case.merge).
//
// Invariants:
//  - a search reads the index of keys, never every person: a case-ID
//    prefix is a range of the case ref's index, a name a range of the
//    keys' (store_search.h);
//  - every refusal names its field ("text", "office", "limit", "person",
//    "other", "reason").
#ifndef COR_SERVICE_SEARCH_H
#define COR_SERVICE_SEARCH_H

#include <jansson.h>

#include "service/service.h"

#define COR_SEARCH_TEXT_MAX  200  /* bytes of a query */
#define COR_SEARCH_LIMIT_MAX 1000 /* results of one search */

/* case.search: out->doc, for the caller to json_decref:
 * {"query":"...","cases":[{"ref","programme","office","state","person",
 *   "score","match","field"}],
 *  "persons":[{"ref","case","office","state","family_name","given_names",
 *   "family_name_latin","given_names_latin","sex","birth_date",
 *   "nationality","score","match","field"}],
 *  "shown":N}
 * cases hold each case once, with its best person; persons every person
 * matched. match is "case ID", "name", "start of a name", "words",
 * "consonants" or "words and consonants"; field the name field it was
 * found in ("family_name_latin", ..., "names" for words over several
 * fields, "ref"). limit 0 is the default, 20. */
struct cor_svc_case_search_in {
	const char *text;
	const char *office; /* NULL: any */
	long limit;
};
struct cor_svc_case_search_out {
	json_t *doc;
};
int cor_svc_case_search(struct cor_ctx *cx, const struct cor_svc_case_search_in *in,
			struct cor_svc_case_search_out *out);

/* duplicates.list: the pairs not resolved, highest score first. out->doc:
 * {"pairs":[{"score","reasons":[...],"persons":[{person},{person}],
 *   "resolve":["case.merge","duplicates.distinct"]}],"shown":N,"total":N}
 * A pair is listed when one of its persons' cases is of office (NULL: any).
 * limit 0: all. */
struct cor_svc_duplicates_in {
	const char *office;
	long limit;
};
struct cor_svc_duplicates_out {
	json_t *doc;
};
int cor_svc_duplicates_list(struct cor_ctx *cx, const struct cor_svc_duplicates_in *in,
			    struct cor_svc_duplicates_out *out);

/* duplicates.of: the persons of other cases that may be the same person as
 * person (a person ID), as duplicates.list finds them, pairs marked
 * distinct left out (what registration shows). out->doc:
 * {"person":"...","pairs":[...as duplicates.list's]}. PERSON_NOT_FOUND. */
struct cor_svc_duplicates_of_in {
	const char *person;
};
int cor_svc_duplicates_of(struct cor_ctx *cx, const struct cor_svc_duplicates_of_in *in,
			  struct cor_svc_duplicates_out *out);

/* duplicates.distinct: persons person and other (person IDs, of different
 * cases) are not the same person, for reason (1 to COR_REASON_MAX bytes):
 * recorded with a "distinct" event on both cases; the pair is not listed
 * again. PERSON_NOT_FOUND, INVALID (the same person or case twice),
 * REASON_REQUIRED, EXISTS (marked already). */
struct cor_svc_distinct_in {
	const char *person;
	const char *other;
	const char *reason;
};
int cor_svc_duplicates_distinct(struct cor_ctx *cx, const struct cor_svc_distinct_in *in);

extern const struct cor_op *const cor_ops_search[];

#endif

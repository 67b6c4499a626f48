// SPDX-License-Identifier: Apache-2.0
// The store's side of search and possible duplicates: the index of search
// keys of persons (table person_key, migration 10; the keys are made by
// domain/fold.h) and the pairs of persons marked as not the same person
// (person_distinct). Records only: what a key is, how a query is folded and
// how matches are scored are domain/fold.h and service/search.h.
//
// Keys are written with the persons and documents they come from:
// cor_store_person_add, cor_store_document_add(s) and
// cor_store_document_record add them in the same transaction, and the
// migration that made the table wrote those of the persons already there.
// They are looked up by prefix (a B-tree range, key >= K AND key < K || the
// last code point) or by equality.
#ifndef COR_STORE_SEARCH_H
#define COR_STORE_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "domain/fold.h"
#include "store/store.h"
#include "store/store_health.h"

/* The schema version that made person_key and person_distinct. */
#define COR_SCHEMA_SEARCH 10

/* Add n keys (each at most COR_KEY_MAX bytes) of person person_id; a key
 * the person has already is kept once. */
int cor_store_keys_add(struct cor_store *st, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX]);
/* How many (key, person) rows have key (prefix: start with it), counting
 * at most max. */
int cor_store_keys_count(struct cor_store *st, const char *key, bool prefix, long max, long *n);
/* The persons (internal ids) with key (prefix: a key that starts with it),
 * at most max rows, in key then person order (a person with two such keys
 * comes twice), into ids (room for max); how many into *n. From the index
 * alone. */
int cor_store_keys_ids(struct cor_store *st, const char *key, bool prefix, long max, int64_t *ids,
		       long *n);
/* The persons with key (prefix: a key that starts with it), at most limit
 * rows, of office (NULL: any), in key then person order; a person with two
 * such keys comes twice. */
int cor_store_keys_persons(struct cor_store *st, const char *key, bool prefix, const char *office,
			   long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			   void *ctx);
/* The principal applicants of the cases whose ref starts with prefix, of
 * office (NULL: any), at most limit, in ref order (on the ref's unique
 * index). */
int cor_store_ref_persons(struct cor_store *st, const char *prefix, const char *office, long limit,
			  int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx);
/* Every key that starts with prefix and is held by two persons or more,
 * in key order, with those persons' ids (ascending). */
int cor_store_keys_shared(struct cor_store *st, const char *prefix,
			  int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			  void *ctx);
/* The person of internal id person_id. COR_ENOTFOUND when none. */
int cor_store_person_by_id(struct cor_store *st, int64_t person_id, struct cor_person_found *out);
/* The persons of the n internal ids (at most COR_PERSONS_BATCH), each to cb
 * once, in no particular order; an id of no person is left out. One query
 * on PostgreSQL, not one a person. */
#define COR_PERSONS_BATCH 1000
int cor_store_persons_by_ids(struct cor_store *st, int n, const int64_t *ids,
			     int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx);

/* Mark persons a < b as not the same person, by actor at the store's now,
 * for reason. COR_EEXIST when the pair is marked already. */
int cor_store_distinct_add(struct cor_store *st, int64_t a, int64_t b, const char *reason,
			   const char *actor);
/* Every pair marked distinct (a < b), in no particular order. */
int cor_store_distinct_each(struct cor_store *st, int (*cb)(int64_t a, int64_t b, void *ctx),
			    void *ctx);

#endif

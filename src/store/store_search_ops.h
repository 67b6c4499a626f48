// SPDX-License-Identifier: Apache-2.0
// The table of search records (store_search.h) each backend fills in: one
// function pointer per call of that header, same contract. store_search.c
// dispatches through it; nothing outside src/store includes this.
#ifndef COR_STORE_SEARCH_OPS_H
#define COR_STORE_SEARCH_OPS_H

#include "store/store_search.h"

struct cor_store_search_ops {
	int (*keys_add)(struct cor_store *st, int64_t person_id, int n,
			const char (*keys)[COR_KEY_MAX]);
	/* The keys of person p, folded by the backend (SQLite folds those of a
	 * bulk write on a thread of its own); NULL: folded by store_search.c
	 * and added by keys_add. */
	int (*person_keys_add)(struct cor_store *st, int64_t person_id, const struct cor_person *p);
	/* Remove n keys of person_id (n < 0: every key of theirs). */
	int (*keys_remove)(struct cor_store *st, int64_t person_id, int n,
			   const char (*keys)[COR_KEY_MAX]);
	int (*keys_ids)(struct cor_store *st, const char *key, bool prefix, long max, int64_t *ids,
			long *n);
	int (*keys_persons)(struct cor_store *st, const char *key, bool prefix, const char *office,
			    long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			    void *ctx);
	int (*ref_persons)(struct cor_store *st, const char *prefix, const char *office, long limit,
			   int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx);
	int (*keys_shared)(struct cor_store *st, const char *prefix,
			   int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			   void *ctx);
	int (*person_by_id)(struct cor_store *st, int64_t person_id, struct cor_person_found *out);
	int (*persons_by_ids)(struct cor_store *st, int n, const int64_t *ids,
			      int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx);
	int (*distinct_add)(struct cor_store *st, int64_t a, int64_t b, const char *reason,
			    const char *actor);
	int (*distinct_each)(struct cor_store *st, int (*cb)(int64_t a, int64_t b, void *ctx),
			     void *ctx);
	/* Write the keys of every person and document already there (the
	 * migration that made person_key). */
	int (*backfill)(struct cor_store *st);
};

extern const struct cor_store_search_ops cor_sqlite_search_ops;
extern const struct cor_store_search_ops cor_pg_search_ops;

/* The keys of a person and of a document, written where they are (store.c,
 * store_health.c, the backfills). */
int cor_store_person_keys_add(struct cor_store *st, int64_t person_id, const struct cor_person *p);
/* The keys of a person when their record changes from old to p (NULL:
 * removed): the keys old had and p has not go, p's come. */
int cor_store_person_keys_change(struct cor_store *st, int64_t person_id,
				 const struct cor_person *old, const struct cor_person *p);
/* The key of a document that leaves its holder (voided). */
int cor_store_doc_key_remove(struct cor_store *st, int64_t person_id, const struct cor_document *d);
int cor_store_doc_keys_add(struct cor_store *st, size_t n, const int64_t *person_ids,
			   const struct cor_document *docs);

#endif

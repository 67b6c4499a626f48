// SPDX-License-Identifier: Apache-2.0
// The door of store_search.h: every call goes through the store's table of
// search records (store_search_ops.h), SQLite's or PostgreSQL's; and the
// keys written with persons and documents.
#include "store/store_search.h"

#include <string.h>

#include "store/store_int.h"
#include "store/store_search_ops.h"
#include "util/error.h"

#define OPS(st) (cor_store_head(st)->ops->search)

int cor_store_keys_add(struct cor_store *st, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX])
{
	return n > 0 ? OPS(st)->keys_add(st, person_id, n, keys) : 0;
}

int cor_store_person_keys_add(struct cor_store *st, int64_t person_id, const struct cor_person *p)
{
	if (OPS(st)->person_keys_add)
		return OPS(st)->person_keys_add(st, person_id, p);
	struct cor_keys k;
	cor_fold_person_keys(p, &k);
	return cor_store_keys_add(st, person_id, k.n, (const char(*)[COR_KEY_MAX])k.key);
}

int cor_store_person_keys_change(struct cor_store *st, int64_t person_id,
				 const struct cor_person *old, const struct cor_person *p)
{
	if (!p)
		return OPS(st)->keys_remove(st, person_id, -1, NULL);
	struct cor_keys was, now;
	cor_fold_person_keys(old, &was);
	cor_fold_person_keys(p, &now);
	char gone[COR_KEYS_MAX][COR_KEY_MAX];
	int n = 0;
	for (int i = 0; i < was.n; i++)
		if (!cor_keys_has(&now, was.key[i]))
			memcpy(gone[n++], was.key[i], COR_KEY_MAX);
	int err = n ? OPS(st)->keys_remove(st, person_id, n, (const char(*)[COR_KEY_MAX])gone) : 0;
	return err < 0 ? err
		       : cor_store_keys_add(st, person_id, now.n,
					    (const char(*)[COR_KEY_MAX])now.key);
}

int cor_store_doc_key_remove(struct cor_store *st, int64_t person_id, const struct cor_document *d)
{
	char key[1][COR_KEY_MAX];
	if (d->kind == COR_DOC_VISA)
		return 0;
	cor_fold_doc_key(d, key[0]);
	return OPS(st)->keys_remove(st, person_id, 1, (const char(*)[COR_KEY_MAX])key);
}

/* A visa's number names the visa, not its holder: identity documents only. */
int cor_store_doc_keys_add(struct cor_store *st, size_t n, const int64_t *person_ids,
			   const struct cor_document *docs)
{
	int err = 0;
	for (size_t i = 0; i < n && err == 0; i++) {
		char key[1][COR_KEY_MAX];
		if (docs[i].kind == COR_DOC_VISA || !cor_fold_doc_key(&docs[i], key[0])[0])
			continue;
		err = cor_store_keys_add(st, person_ids[i], 1, (const char(*)[COR_KEY_MAX])key);
	}
	return err;
}

int cor_store_keys_ids(struct cor_store *st, const char *key, bool prefix, long max, int64_t *ids,
		       long *n)
{
	*n = 0;
	return max > 0 ? OPS(st)->keys_ids(st, key, prefix, max, ids, n) : 0;
}

int cor_store_keys_persons(struct cor_store *st, const char *key, bool prefix, const char *office,
			   long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			   void *ctx)
{
	return OPS(st)->keys_persons(st, key, prefix, office, limit, cb, ctx);
}

int cor_store_ref_persons(struct cor_store *st, const char *prefix, const char *office, long limit,
			  int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	return OPS(st)->ref_persons(st, prefix, office, limit, cb, ctx);
}

int cor_store_keys_shared(struct cor_store *st, const char *prefix,
			  int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			  void *ctx)
{
	return OPS(st)->keys_shared(st, prefix, cb, ctx);
}

int cor_store_person_by_id(struct cor_store *st, int64_t person_id, struct cor_person_found *out)
{
	return OPS(st)->person_by_id(st, person_id, out);
}

int cor_store_persons_by_ids(struct cor_store *st, int n, const int64_t *ids,
			     int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	if (n <= 0)
		return 0;
	if (n > COR_PERSONS_BATCH)
		return COR_EINVAL;
	return OPS(st)->persons_by_ids(st, n, ids, cb, ctx);
}

int cor_store_distinct_add(struct cor_store *st, int64_t a, int64_t b, const char *reason,
			   const char *actor)
{
	return OPS(st)->distinct_add(st, a, b, reason, actor);
}

int cor_store_distinct_each(struct cor_store *st, int (*cb)(int64_t a, int64_t b, void *ctx),
			    void *ctx)
{
	return OPS(st)->distinct_each(st, cb, ctx);
}

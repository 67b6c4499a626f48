// SPDX-License-Identifier: Apache-2.0
// The door of store_health.h: every call goes through the store's table of
// health and documents (store_health_ops.h), SQLite's or PostgreSQL's.
#include "store/store_health.h"

#include "store/store_health_ops.h"
#include "store/store_int.h"
#include "store/store_search_ops.h"

#define OPS(st) (cor_store_head(st)->ops->health)

int cor_store_person_find(struct cor_store *st, const char *ref, struct cor_person_found *out)
{
	return OPS(st)->person_find(st, ref, out);
}

int cor_store_document_record(struct cor_store *st, const struct cor_person_found *who,
			      const struct cor_document *d, enum cor_doc_source source,
			      const char *actor)
{
	int err = OPS(st)->document_record(st, who, d, source, actor);
	return err < 0 ? err : cor_store_doc_keys_add(st, 1, &who->id, d);
}

int cor_store_documents_each(struct cor_store *st, int64_t person_id,
			     int (*cb)(const struct cor_document *d, enum cor_doc_source source,
				       void *ctx),
			     void *ctx)
{
	return OPS(st)->documents_each(st, person_id, cb, ctx);
}

int cor_store_health_add(struct cor_store *st, const struct cor_person_found *who,
			 const struct cor_health_check *h, const char *actor, int64_t *id)
{
	return OPS(st)->health_add(st, who, h, actor, id);
}

int cor_store_health_latest(struct cor_store *st, int64_t person_id, enum cor_health_kind kind,
			    struct cor_health_check *out, int64_t *id)
{
	return OPS(st)->health_latest(st, person_id, kind, out, id);
}

int cor_store_health_each(struct cor_store *st, int64_t person_id,
			  int (*cb)(const struct cor_health_check *h, int64_t id, void *ctx),
			  void *ctx)
{
	return OPS(st)->health_each(st, person_id, cb, ctx);
}

int cor_store_health_notes_add(struct cor_store *st, const struct cor_person_found *who,
			       int64_t check_id, const char *author, const char *text)
{
	return OPS(st)->notes_add(st, who, check_id, author, text);
}

int cor_store_health_notes_each(struct cor_store *st, int64_t person_id,
				int (*cb)(const struct cor_health_note *n, void *ctx), void *ctx)
{
	return OPS(st)->notes_each(st, person_id, cb, ctx);
}

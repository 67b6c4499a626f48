// SPDX-License-Identifier: Apache-2.0
// The table of health and documents (store_health.h) each backend fills in:
// one function pointer per call of that header, same contract. store_health.c
// dispatches through it; nothing outside src/store includes this.
#ifndef COR_STORE_HEALTH_OPS_H
#define COR_STORE_HEALTH_OPS_H

#include "store/store_health.h"

struct cor_store_health_ops {
	int (*person_find)(struct cor_store *st, const char *ref, struct cor_person_found *out);
	int (*document_record)(struct cor_store *st, const struct cor_person_found *who,
			       const struct cor_document *d, enum cor_doc_source source,
			       const char *actor);
	int (*documents_each)(struct cor_store *st, int64_t person_id,
			      int (*cb)(const struct cor_document *d, enum cor_doc_source source,
					void *ctx),
			      void *ctx);
	int (*health_add)(struct cor_store *st, const struct cor_person_found *who,
			  const struct cor_health_check *h, const char *actor, int64_t *id);
	int (*health_latest)(struct cor_store *st, int64_t person_id, enum cor_health_kind kind,
			     struct cor_health_check *out, int64_t *id);
	int (*health_each)(struct cor_store *st, int64_t person_id,
			   int (*cb)(const struct cor_health_check *h, int64_t id, void *ctx),
			   void *ctx);
	int (*notes_add)(struct cor_store *st, const struct cor_person_found *who, int64_t check_id,
			 const char *author, const char *text);
	int (*notes_each)(struct cor_store *st, int64_t person_id,
			  int (*cb)(const struct cor_health_note *n, void *ctx), void *ctx);
};

extern const struct cor_store_health_ops cor_sqlite_health_ops;
extern const struct cor_store_health_ops cor_pg_health_ops;

#endif

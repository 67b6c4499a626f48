// SPDX-License-Identifier: Apache-2.0
// The table of corrections (store_correct.h) each backend fills in: one
// function pointer per call of that header, same contract. store_correct.c
// dispatches through it; nothing outside src/store includes this.
#ifndef COR_STORE_CORRECT_OPS_H
#define COR_STORE_CORRECT_OPS_H

#include "store/store_correct.h"

struct cor_store_correct_ops {
	int (*correction_add)(struct cor_store *st, int64_t case_id,
			      const struct cor_correction *c);
	int (*person_update)(struct cor_store *st, int64_t person_id, const struct cor_person *p);
	int (*person_holds)(struct cor_store *st, int64_t person_id, struct cor_person_holds *out);
	int (*person_delete)(struct cor_store *st, int64_t person_id);
	int (*person_move)(struct cor_store *st, int64_t person_id, int64_t to_case_id, int seq);
	int (*merge_record)(struct cor_store *st, int64_t case_id, int64_t into_id,
			    const char *actor);
	int (*escort_update)(struct cor_store *st, const char *movement,
			     const struct cor_escort *e);
	int (*escort_delete)(struct cor_store *st, const char *movement, int no);
	int (*movement_correction_add)(struct cor_store *st, const char *movement,
				       const struct cor_correction *c);
	int (*priority_set)(struct cor_store *st, int64_t case_id, enum cor_priority p);
	int (*office_set)(struct cor_store *st, int64_t case_id, const char *office);
	int (*state_put)(struct cor_store *st, int64_t case_id, const char *from, const char *to);
	int (*document_void)(struct cor_store *st, int64_t person_id, const struct cor_document *d,
			     const char *actor, const char *reason);
};

extern const struct cor_store_correct_ops cor_sqlite_correct_ops;
extern const struct cor_store_correct_ops cor_pg_correct_ops;

#endif

// SPDX-License-Identifier: Apache-2.0
// The door of store_correct.h: every call goes through the store's table of
// corrections (store_correct_ops.h), SQLite's or PostgreSQL's.
#include "store/store_correct.h"

#include "store/store_correct_ops.h"
#include "store/store_int.h"
#include "store/store_search.h"
#include "store/store_search_ops.h"

#define OPS(st) (cor_store_head(st)->ops->correct)

int cor_store_correction_add(struct cor_store *st, int64_t case_id, const struct cor_correction *c)
{
	return OPS(st)->correction_add(st, case_id, c);
}

/* The search keys follow a person's record (store_search_ops.h). */
int cor_store_person_update(struct cor_store *st, int64_t person_id, const struct cor_person *p)
{
	struct cor_person_found old;
	int err = cor_store_person_by_id(st, person_id, &old);
	if (err == 0)
		err = OPS(st)->person_update(st, person_id, p);
	return err < 0 ? err : cor_store_person_keys_change(st, person_id, &old.p, p);
}

int cor_store_person_holds(struct cor_store *st, int64_t person_id, struct cor_person_holds *out)
{
	return OPS(st)->person_holds(st, person_id, out);
}

int cor_store_person_delete(struct cor_store *st, int64_t person_id)
{
	int err = cor_store_person_keys_change(st, person_id, NULL, NULL);
	return err < 0 ? err : OPS(st)->person_delete(st, person_id);
}

int cor_store_person_move(struct cor_store *st, int64_t person_id, int64_t to_case_id, int seq)
{
	return OPS(st)->person_move(st, person_id, to_case_id, seq);
}

int cor_store_case_merge_record(struct cor_store *st, int64_t case_id, int64_t into_id,
				const char *actor)
{
	return OPS(st)->merge_record(st, case_id, into_id, actor);
}

int cor_store_escort_update(struct cor_store *st, const char *movement, const struct cor_escort *e)
{
	return OPS(st)->escort_update(st, movement, e);
}

int cor_store_escort_delete(struct cor_store *st, const char *movement, int no)
{
	return OPS(st)->escort_delete(st, movement, no);
}

int cor_store_movement_correction_add(struct cor_store *st, const char *movement,
				      const struct cor_correction *c)
{
	return OPS(st)->movement_correction_add(st, movement, c);
}

int cor_store_case_priority_set(struct cor_store *st, int64_t case_id, enum cor_priority p)
{
	return OPS(st)->priority_set(st, case_id, p);
}

int cor_store_case_office_set(struct cor_store *st, int64_t case_id, const char *office)
{
	return OPS(st)->office_set(st, case_id, office);
}

int cor_store_case_state_put(struct cor_store *st, int64_t case_id, const char *from,
			     const char *to)
{
	return OPS(st)->state_put(st, case_id, from, to);
}

int cor_store_document_void(struct cor_store *st, int64_t person_id, const struct cor_document *d,
			    const char *actor, const char *reason)
{
	int err = OPS(st)->document_void(st, person_id, d, actor, reason);
	return err < 0 ? err : cor_store_doc_key_remove(st, person_id, d);
}

// SPDX-License-Identifier: Apache-2.0
// The door of store_workflow.h: every record call goes through the store's
// workflow table (store_workflow_ops.h) to its backend.
#include "store/store_workflow.h"

#include "store/store_workflow_ops.h"

#define WF(st) (cor_store_head(st)->ops->workflow)

int cor_store_case_gate(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			struct cor_case_gate *gate)
{
	return WF(st)->case_gate(st, case_id, c, gate);
}

int cor_store_case_state_set(struct cor_store *st, int64_t case_id, const char *from,
			     const char *to, const char *actor, const char *reason)
{
	return WF(st)->case_state_set(st, case_id, from, to, actor, reason);
}

int cor_store_counselling_session_add(struct cor_store *st, int64_t case_id,
				      const struct cor_counselling *s, const char *actor, int *no,
				      int64_t *session_id)
{
	return WF(st)->counselling_session_add(st, case_id, s, actor, no, session_id);
}

int cor_store_referral_open_first(struct cor_store *st, int64_t case_id, int *no)
{
	return WF(st)->referral_open_first(st, case_id, no);
}

int cor_store_referral_open(struct cor_store *st, int64_t case_id, const char *to,
			    const char *subject, int64_t session_id, int session_no,
			    const char *actor, int *no)
{
	return WF(st)->referral_open(st, case_id, to, subject, session_id, session_no, actor, no);
}

int cor_store_counselling_list(struct cor_store *st, const char *ref,
			       int (*cb)(const struct cor_counselling_record *r, void *ctx),
			       void *ctx)
{
	return WF(st)->counselling_list(st, ref, cb, ctx);
}

int cor_store_referral_list(struct cor_store *st, const char *ref,
			    int (*cb)(const struct cor_referral *r, void *ctx), void *ctx)
{
	return WF(st)->referral_list(st, ref, cb, ctx);
}

int cor_store_referral_close(struct cor_store *st, const char *ref, int no, const char *outcome,
			     const char *actor)
{
	return WF(st)->referral_close(st, ref, no, outcome, actor);
}

int cor_store_protection_latest(struct cor_store *st, int64_t person_id,
				struct cor_protection_latest *l, int64_t *assessment_id)
{
	return WF(st)->protection_latest(st, person_id, l, assessment_id);
}

int cor_store_protection_assessment_add(struct cor_store *st, int64_t case_id, int64_t person_id,
					const char *person_ref, enum cor_protection_level level,
					const char *grounds, const char *actor, int *no)
{
	return WF(st)->protection_assessment_add(st, case_id, person_id, person_ref, level, grounds,
						 actor, no);
}

int cor_store_protection_clearance_add(struct cor_store *st, int64_t case_id, int64_t assessment_id,
				       const char *person_ref, int no, const char *reason,
				       const char *actor)
{
	return WF(st)->protection_clearance_add(st, case_id, assessment_id, person_ref, no, reason,
						actor);
}

int cor_store_protection_list(struct cor_store *st, const char *ref,
			      int (*cb)(const struct cor_protection_record *r, void *ctx),
			      void *ctx)
{
	return WF(st)->protection_list(st, ref, cb, ctx);
}

// SPDX-License-Identifier: Apache-2.0
// The table of the workflow area (store_workflow.h) each backend fills in:
// one function pointer per record call, with that call's contract.
// store_workflow.c dispatches through it; nothing outside src/store
// includes this.
#ifndef COR_STORE_WORKFLOW_OPS_H
#define COR_STORE_WORKFLOW_OPS_H

#include "store/store_int.h"
#include "store/store_workflow.h"

struct cor_store_workflow_ops {
	int (*case_gate)(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			 struct cor_case_gate *gate);
	int (*case_state_set)(struct cor_store *st, int64_t case_id, const char *from,
			      const char *to, const char *actor, const char *reason);
	int (*counselling_session_add)(struct cor_store *st, int64_t case_id,
				       const struct cor_counselling *s, const char *actor, int *no,
				       int64_t *session_id);
	int (*referral_open_first)(struct cor_store *st, int64_t case_id, int *no);
	int (*referral_open)(struct cor_store *st, int64_t case_id, const char *to,
			     const char *subject, int64_t session_id, int session_no,
			     const char *actor, int *no);
	int (*counselling_list)(struct cor_store *st, const char *ref,
				int (*cb)(const struct cor_counselling_record *r, void *ctx),
				void *ctx);
	int (*referral_list)(struct cor_store *st, const char *ref,
			     int (*cb)(const struct cor_referral *r, void *ctx), void *ctx);
	int (*referral_close)(struct cor_store *st, const char *ref, int no, const char *outcome,
			      const char *actor);
	int (*protection_latest)(struct cor_store *st, int64_t person_id,
				 struct cor_protection_latest *l, int64_t *assessment_id);
	int (*protection_assessment_add)(struct cor_store *st, int64_t case_id, int64_t person_id,
					 const char *person_ref, enum cor_protection_level level,
					 const char *grounds, const char *actor, int *no);
	int (*protection_clearance_add)(struct cor_store *st, int64_t case_id,
					int64_t assessment_id, const char *person_ref, int no,
					const char *reason, const char *actor);
	int (*protection_list)(struct cor_store *st, const char *ref,
			       int (*cb)(const struct cor_protection_record *r, void *ctx),
			       void *ctx);
};

extern const struct cor_store_workflow_ops cor_sqlite_workflow_ops;
extern const struct cor_store_workflow_ops cor_pg_workflow_ops;

#endif

// SPDX-License-Identifier: Apache-2.0
// The case workflow's operations: moving a case through its programme's
// lifecycle, counselling sessions, referrals and protection risk. The rules
// are the domain's (domain/lifecycle.h, counselling.h, protection.h); each
// operation reads the facts from the store, asks the domain and writes, in
// the one transaction the dispatcher gives it. docs/workflow.md is the
// reference.
//
// Invariants:
//  - a move is decided on facts read in its own transaction, with the rules
//    in force (cor_ctx_rules) and the context's today, never the defaults
//    or the system clock;
//  - a refusal carries the code of the rule that refused (util/error.h);
//    NOT_ELIGIBLE lists every unmet criterion as a cause;
//  - a return with an asylum wish recorded at counselling is put on hold
//    and referred (unless a referral is open) in the session's transaction:
//    it never blocks silently;
//  - JSON documents are built only when asked for (the *_json and *_doc
//    functions); lists otherwise stream to a callback.
// Strings in inputs are borrowed; documents returned are the caller's to
// json_decref.
#ifndef COR_SERVICE_WORKFLOW_H
#define COR_SERVICE_WORKFLOW_H

#include <jansson.h>
#include <stdbool.h>

#include "domain/counselling.h"
#include "domain/lifecycle.h"
#include "domain/protection.h"
#include "service/movement.h"
#include "service/service.h"
#include "store/store_workflow.h"

/* case.move: move case ref to state to, with reason (NULL: none). */
struct cor_svc_case_move_in {
	const char *ref;
	const char *to;
	const char *reason;
};
struct cor_svc_case_move_out {
	char from[COR_STATE_MAX]; /* the state the move left: travel_ready after a take-off */
	/* Put on hold, found ineligible or closed while booked or on
	 * stand-by: the case was taken off its movement first. */
	struct cor_svc_taken_off taken_off;
};
int cor_svc_case_move(struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
		      struct cor_svc_case_move_out *out);
/* {"case":..,"from":..,"to":..,"reason":..|null,"at":..,"by":..,
 *  "taken_off":null|{"movement","label","standby","seats"}} */
/* The same move as a step of another operation (a movement departing moves
 * its cases): runs in that operation's transaction, with every rule of
 * case.move; a refusal fails the calling operation. */
int cor_svc_case_move_within(struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
			     struct cor_svc_case_move_out *out);
json_t *cor_svc_case_move_json(const struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
			       const struct cor_svc_case_move_out *out);

/* case.counsel: record counselling session s of case ref. */
struct cor_svc_case_counsel_in {
	const char *ref;
	struct cor_counselling s;
};
struct cor_svc_case_counsel_out {
	int session;              /* its number in the case */
	char from[COR_STATE_MAX]; /* the state before the hold: travel_ready after a take-off */
	bool held;                /* the case was put on hold */
	int referral;             /* the asylum referral opened or already open; 0: none */
	bool referral_opened;     /* opened by this session */
	/* Held while booked or on stand-by: taken off its movement first. */
	struct cor_svc_taken_off taken_off;
};
int cor_svc_case_counsel(struct cor_ctx *cx, const struct cor_svc_case_counsel_in *in,
			 struct cor_svc_case_counsel_out *out);
/* {"case":..,"session":1,"at":..,"decision":"yes","asylum_wish":false,
 *  "from":..,"state":..,"held":false,"referral":null|{"no":1,"to":"UNHCR"|null,
 *  "opened":true},"taken_off":null|{"movement","label","standby","seats"}} */
json_t *cor_svc_case_counsel_json(const struct cor_ctx *cx,
				  const struct cor_svc_case_counsel_in *in,
				  const struct cor_svc_case_counsel_out *out);

/* counselling.list: the sessions of case ref, oldest first, each given to
 * cb (borrowed for the call; non-zero stops). */
struct cor_svc_counselling_list_in {
	const char *ref;
	int (*cb)(const struct cor_counselling_record *r, void *ctx);
	void *ctx;
};
int cor_svc_counselling_list(struct cor_ctx *cx, const struct cor_svc_counselling_list_in *in);
/* The same as one document: {"case":..,"sessions":[{"no":1,"at":..,
 * "counsellor":..,"language":"ar","interpreter":false,"decision":"yes",
 * "asylum_wish":false,"notes":..|null,"recorded_by":..}]} */
int cor_svc_counselling_list_doc(struct cor_ctx *cx, const char *ref, json_t **doc);

/* referral.list: the referrals of case ref, in number order, to cb. */
struct cor_svc_referral_list_in {
	const char *ref;
	int (*cb)(const struct cor_referral *r, void *ctx);
	void *ctx;
};
int cor_svc_referral_list(struct cor_ctx *cx, const struct cor_svc_referral_list_in *in);
/* {"case":..,"referrals":[{"no":1,"to":"UNHCR","subject":"asylum wish",
 *  "session":1|null,"opened_at":..,"opened_by":..,"status":"open"|"closed",
 *  "outcome":..|null,"closed_at":..|null,"closed_by":..|null}],"open":1} */
int cor_svc_referral_list_doc(struct cor_ctx *cx, const char *ref, json_t **doc);

/* referral.close: close referral no of case ref with outcome. */
struct cor_svc_referral_close_in {
	const char *ref;
	int no;
	const char *outcome;
};
int cor_svc_referral_close(struct cor_ctx *cx, const struct cor_svc_referral_close_in *in);
/* {"case":..,"referral":1,"status":"closed","outcome":..,"closed_at":..,"closed_by":..} */
json_t *cor_svc_referral_close_json(const struct cor_ctx *cx,
				    const struct cor_svc_referral_close_in *in);

/* protection.assess: assess person (a person ID "LY-TIP-2026-000123-01")
 * at level on grounds. */
struct cor_svc_protection_assess_in {
	const char *person;
	enum cor_protection_level level;
	const char *grounds;
};
struct cor_svc_protection_assess_out {
	int assessment;     /* its number among the person's assessments */
	bool blocks_return; /* the case is a return that this level blocks */
	/* A high risk: the case was taken off its movement (service/movement.h). */
	struct cor_svc_taken_off taken_off;
};
int cor_svc_protection_assess(struct cor_ctx *cx, const struct cor_svc_protection_assess_in *in,
			      struct cor_svc_protection_assess_out *out);
/* {"person":..,"assessment":1,"level":"high","at":..,"by":..,"blocks_return":true} */
json_t *cor_svc_protection_assess_json(const struct cor_ctx *cx,
				       const struct cor_svc_protection_assess_in *in,
				       const struct cor_svc_protection_assess_out *out);

/* protection.clear: clear person's latest assessment (high, not cleared)
 * with reason; *assessment gets its number. */
struct cor_svc_protection_clear_in {
	const char *person;
	const char *reason;
};
int cor_svc_protection_clear(struct cor_ctx *cx, const struct cor_svc_protection_clear_in *in,
			     int *assessment);
/* {"person":..,"assessment":1,"cleared_at":..,"cleared_by":..,"reason":..} */
json_t *cor_svc_protection_clear_json(const struct cor_ctx *cx,
				      const struct cor_svc_protection_clear_in *in, int assessment);

/* protection.show: every person of case ref and their latest assessment,
 * to cb, with whether it blocks the case's return (high, not cleared, and
 * the case a return). The grounds stay with protection staff: not shown. */
struct cor_svc_protection_show_in {
	const char *ref;
	int (*cb)(const struct cor_protection_record *r, bool blocks_return, void *ctx);
	void *ctx;
};
int cor_svc_protection_show(struct cor_ctx *cx, const struct cor_svc_protection_show_in *in);
/* {"case":..,"persons":[{"person":"..-01","assessments":2,"latest":null|
 *  {"assessment":2,"level":"high","at":..,"assessed_by":..,
 *  "cleared":null|{"at":..,"by":..,"reason":..}},"blocks_return":false}]} */
int cor_svc_protection_show_doc(struct cor_ctx *cx, const char *ref, json_t **doc);

extern const struct cor_op *const cor_ops_workflow[];

#endif

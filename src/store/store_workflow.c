// SPDX-License-Identifier: Apache-2.0
// The door of store_workflow.h: every record call goes through the store's
// workflow table (store_workflow_ops.h) to its backend.
#include "store/store_workflow.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "store/store_health.h"
#include "store/store_workflow_ops.h"
#include "util/error.h"

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

/* ---- TEMPORARY: the checked wrappers ------------------------------------
 * cor_store_case_move, cor_store_counselling_add, cor_store_protection_assess
 * and cor_store_protection_clear run lifecycle rules inside the store: a
 * defect kept only until their last callers (SQLite units of other areas,
 * other areas' tests) go through the operations (service/workflow.h:
 * cor_svc_case_move_within and the others). They compose the record calls
 * above with the domain's checks, and run on SQLite only: they are never
 * to reach another backend. Delete this whole section, and their
 * declarations in store_workflow.h, once nothing calls them. */

static void msg(struct cor_store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void msg(struct cor_store *st, const char *fmt, ...)
{
	struct cor_store_head *h = cor_store_head(st);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(h->msg, sizeof(h->msg), fmt, ap);
	va_end(ap);
}

/* SQLite only; its own transaction outside one, a savepoint inside one. */
static int unit_begin(struct cor_store *st, const char *what, bool *own)
{
	*own = false;
	if (cor_store_head(st)->ops != &cor_sqlite_ops) {
		msg(st, "%s is not available on %s: use the operations", what,
		    cor_store_head(st)->ops->name);
		return COR_EIO;
	}
	*own = !cor_store_in_transaction(st);
	return *own ? cor_store_begin(st) : cor_store_mark(st);
}

static int unit_end(struct cor_store *st, bool own, int err)
{
	struct cor_store_head *h = cor_store_head(st);
	if (err == 0) {
		err = own ? cor_store_commit(st) : cor_store_release(st);
		if (err == 0)
			return 0;
	}
	char keep[sizeof(h->msg)];
	memcpy(keep, h->msg, sizeof(keep));
	if (own)
		cor_store_rollback(st);
	else
		cor_store_undo(st);
	memcpy(h->msg, keep, sizeof(keep));
	return err;
}

static int refused(struct cor_store *st, struct cor_refusal *why, int err)
{
	msg(st, "%s", why->msg);
	return err;
}

static int load_case(struct cor_store *st, const char *ref, int64_t *id, struct cor_case *c,
		     const struct cor_programme **p)
{
	int err = cor_store_case_get(st, ref, id, c);
	if (err < 0)
		return err;
	if (!(*p = cor_programme_find(c->programme))) {
		msg(st, "case '%s' has an unknown programme '%s'", ref, c->programme);
		return COR_ECORRUPT;
	}
	return 0;
}

static void keep_why(struct cor_store *st, int err, struct cor_refusal *why)
{
	if (err < 0 && !why->code[0]) {
		why->code = cor_errcode(err);
		snprintf(why->msg, sizeof(why->msg), "%s", cor_store_errmsg(st));
	}
}

int cor_store_case_move(struct cor_store *st, const char *ref, const char *to, const char *actor,
			const char *reason, const struct cor_eligibility_hook *hook,
			struct cor_move_result *res)
{
	struct cor_case c;
	struct cor_case_gate gate;
	const struct cor_programme *p;
	int64_t id;
	bool own;
	int err;

	memset(res, 0, sizeof(*res));
	res->why.code = "";
	if ((err = unit_begin(st, "moving a case", &own)) < 0)
		return err;
	if ((err = load_case(st, ref, &id, &c, &p)) < 0)
		goto out;
	snprintf(res->from, sizeof(res->from), "%s", c.state);
	if ((err = cor_store_case_gate(st, id, &c, &gate)) < 0)
		goto out;
	gate.reason = reason;
	const struct cor_transition *t = cor_lifecycle_find(p, c.state, to);
	if (t && (t->guards & COR_GUARD_ELIGIBLE) && hook && hook->fn &&
	    (err = hook->fn(st, id, &c, &gate, hook->ctx)) < 0)
		goto out;
	if ((err = cor_lifecycle_check(p, c.state, to, &gate, &res->why)) < 0) {
		err = refused(st, &res->why, err);
		goto out;
	}
	err = cor_store_case_state_set(st, id, c.state, to, actor, reason);
out:
	keep_why(st, err, &res->why);
	return unit_end(st, own, err);
}

int cor_store_counselling_add(struct cor_store *st, const char *ref,
			      const struct cor_counselling *s, const char *actor,
			      struct cor_counselling_result *res)
{
	struct cor_case c;
	const struct cor_programme *p;
	int64_t id, session_id = 0;
	bool own;
	int err;

	memset(res, 0, sizeof(*res));
	res->why.code = "";
	if ((err = cor_counselling_check(s, &res->why)) < 0) {
		msg(st, "case '%s': %s", ref, res->why.msg);
		return err;
	}
	if ((err = unit_begin(st, "recording counselling", &own)) < 0)
		return err;
	if ((err = load_case(st, ref, &id, &c, &p)) < 0)
		goto out;
	snprintf(res->from, sizeof(res->from), "%s", c.state);
	if ((err = cor_counselling_state_check(p, ref, c.state, &res->why)) < 0) {
		err = refused(st, &res->why, err);
		goto out;
	}
	if ((err = cor_store_counselling_session_add(st, id, s, actor, &res->session,
						     &session_id)) < 0)
		goto out;
	if (!cor_counselling_holds(p, s))
		goto out;

	/* An asylum wish on a return: on hold, and referred. */
	if (strcmp(c.state, "on_hold")) {
		struct cor_case_gate gate;
		char reason[96];
		cor_counselling_hold_reason(res->session, reason, sizeof(reason));
		if ((err = cor_store_case_gate(st, id, &c, &gate)) < 0)
			goto out;
		gate.reason = reason;
		if ((err = cor_lifecycle_check(p, c.state, "on_hold", &gate, &res->why)) < 0) {
			err = refused(st, &res->why, err);
			goto out;
		}
		if ((err = cor_store_case_state_set(st, id, c.state, "on_hold", actor, reason)) < 0)
			goto out;
		res->held = true;
	}
	if ((err = cor_store_referral_open_first(st, id, &res->referral)) < 0 || res->referral)
		goto out;
	if ((err = cor_store_referral_open(st, id, cor_counselling_refer_to(s), COR_ASYLUM_SUBJECT,
					   session_id, res->session, actor, &res->referral)) < 0)
		goto out;
	res->referral_opened = true;
out:
	keep_why(st, err, &res->why);
	return unit_end(st, own, err);
}

/* The person of person_ref in a case whose protection record may change. */
static int load_person(struct cor_store *st, const char *person_ref, struct cor_person_found *who)
{
	struct cor_refusal why;
	int err = cor_store_person_find(st, person_ref, who);
	if (err < 0)
		return err;
	if ((err = cor_protection_state_check(who->c.ref, who->c.state, &why)) < 0)
		return refused(st, &why, err);
	return 0;
}

int cor_store_protection_assess(struct cor_store *st, const char *person_ref,
				enum cor_protection_level level, const char *grounds,
				const char *actor, int *no)
{
	struct cor_person_found who;
	struct cor_refusal why;
	bool own;
	int err;

	if ((unsigned)level >= COR_PROT__N) {
		msg(st, "level: give 'none', 'low', 'medium' or 'high'");
		return COR_EINVAL;
	}
	if ((err = cor_lifecycle_text_check("grounds", grounds, COR_REASON_MAX, &why)) < 0)
		return refused(st, &why, err);
	if ((err = unit_begin(st, "assessing protection", &own)) < 0)
		return err;
	if ((err = load_person(st, person_ref, &who)) == 0)
		err = cor_store_protection_assessment_add(st, who.case_id, who.id, person_ref,
							  level, grounds, actor, no);
	return unit_end(st, own, err);
}

int cor_store_protection_clear(struct cor_store *st, const char *person_ref, const char *reason,
			       const char *actor, int *no)
{
	struct cor_person_found who;
	struct cor_protection_latest l = {0};
	struct cor_refusal why;
	int64_t aid;
	bool own;
	int err;

	if ((err = cor_lifecycle_text_check("reason", reason, COR_REASON_MAX, &why)) < 0)
		return refused(st, &why, err);
	if ((err = unit_begin(st, "clearing protection", &own)) < 0)
		return err;
	if ((err = load_person(st, person_ref, &who)) < 0 ||
	    (err = cor_store_protection_latest(st, who.id, &l, &aid)) < 0)
		goto out;
	if ((err = cor_protection_clear_check(person_ref, &l, &why)) < 0) {
		err = refused(st, &why, err);
		goto out;
	}
	err = cor_store_protection_clearance_add(st, who.case_id, aid, person_ref, l.no, reason,
						 actor);
out:
	if (err == 0 && no)
		*no = l.no;
	return unit_end(st, own, err);
}

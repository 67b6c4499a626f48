// SPDX-License-Identifier: Apache-2.0
// The case workflow's operations (see workflow.h): each reads the facts,
// asks the domain and writes through store_workflow.h's record writes.
#include "service/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "service/json.h"
#include "service/queue.h"
#include "store/store_facts.h"
#include "store/store_health.h"

/* ---- helpers ----------------------------------------------------------- */

/* cx->err from a domain refusal; returns err. */
static int refusal(struct cor_ctx *cx, const struct cor_refusal *why, int err)
{
	int code = cor_code_from_name(why->code);
	cor_error_set(&cx->err, code < 0 ? COR_CODE_REFUSED : (enum cor_code)code, why->field, "%s",
		      why->msg);
	return err < 0 ? err : COR_EINVAL;
}

/* cx->err from a store failure: not_found for COR_ENOTFOUND, with field;
 * the store's message. Returns err. */
static int store_fail(struct cor_ctx *cx, int err, enum cor_code not_found, const char *field)
{
	cor_ctx_store_error(cx, err);
	if (err == COR_ENOTFOUND) {
		cx->err.code = not_found;
		snprintf(cx->err.field, sizeof(cx->err.field), "%s", field);
	}
	return err;
}

static int check_ref(struct cor_ctx *cx, const char *ref)
{
	char office[8];
	int year;
	long seq;
	if (!ref || cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "'%s' is not a case ID like LY-TIP-2026-000123",
				     ref ? ref : "");
	return 0;
}

/* The case ref, its id and its programme; CASE_NOT_FOUND when none. */
static int load_case(struct cor_ctx *cx, const char *ref, int64_t *id, struct cor_case *c,
		     const struct cor_programme **p)
{
	int err;
	if ((err = check_ref(cx, ref)) < 0)
		return err;
	if ((err = cor_store_case_get(cx->st, ref, id, c)) < 0)
		return store_fail(cx, err, COR_CODE_CASE_NOT_FOUND, "case");
	if (!(*p = cor_programme_find(c->programme)))
		return cor_error_set(&cx->err, COR_CODE_CORRUPT, "case",
				     "case '%s' has an unknown programme '%s'", ref, c->programme);
	return 0;
}

/* The case of a person ID, loaded; *seq gets the person's number. */
static int load_person_case(struct cor_ctx *cx, const char *person, int64_t *id, struct cor_case *c,
			    const struct cor_programme **p)
{
	char ref[COR_CASE_REF_MAX];
	int seq;
	if (!person || cor_protection_person_ref_parse(person, ref, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "person",
				     "'%s' is not a person ID like LY-TIP-2026-000123-01",
				     person ? person : "");
	return load_case(cx, ref, id, c, p);
}

static int text(struct cor_ctx *cx, const char *field, const char *s, size_t max)
{
	struct cor_refusal why;
	int err = cor_lifecycle_text_check(field, s, max, &why);
	return err < 0 ? refusal(cx, &why, err) : 0;
}

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

/* Check the lifecycle's move of case c (id) to to with reason on facts
 * read now, and, when set, set the state. hook, when not NULL, evaluates
 * eligibility when the row asks for it. */
static int check_move(struct cor_ctx *cx, int64_t id, const struct cor_case *c,
		      const struct cor_programme *p, const char *to, const char *reason,
		      struct cor_facts_hook_ctx *hook, bool set)
{
	struct cor_case_gate gate;
	struct cor_refusal why;
	int err;

	if ((err = cor_store_case_gate(cx->st, id, c, &gate)) < 0)
		return cor_ctx_store_error(cx, err);
	gate.reason = reason;
	const struct cor_transition *t = cor_lifecycle_find(p, c->state, to);
	if (hook && t && (t->guards & COR_GUARD_ELIGIBLE) &&
	    (err = cor_facts_eligibility_hook(cx->st, id, c, &gate, hook)) < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = cor_lifecycle_check(p, c->state, to, &gate, &why)) < 0) {
		refusal(cx, &why, err);
		/* Every unmet criterion, a cause of its own. */
		if (cx->err.code == COR_CODE_NOT_ELIGIBLE && hook)
			cor_error_add_causes(&cx->err, &hook->causes);
		return err;
	}
	if (set &&
	    (err = cor_store_case_state_set(cx->st, id, c->state, to, cx->actor, reason)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int checked_move(struct cor_ctx *cx, int64_t id, const struct cor_case *c,
			const struct cor_programme *p, const char *to, const char *reason,
			struct cor_facts_hook_ctx *hook)
{
	return check_move(cx, id, c, p, to, reason, hook, true);
}

/* Nobody unsafe leaves: a case put on hold, found ineligible or closed
 * while it holds a seat or a stand-by place is taken off its movement
 * first (the seat freed, an event on the case and on the movement, *off
 * says which), then moved from the state that leaves it in: a hold from
 * booked resumes at travel_ready, never at a booking that no longer is.
 * The move is checked from the case's state before anything is written.
 * *c is the case as the final move found it (travel_ready after a take-off). */
static int move_off(struct cor_ctx *cx, int64_t id, struct cor_case *c,
		    const struct cor_programme *p, const char *to, const char *reason,
		    struct cor_facts_hook_ctx *hook, struct cor_svc_taken_off *off)
{
	int err;
	memset(off, 0, sizeof(*off));
	bool leaves = !strcmp(to, "on_hold") || !strcmp(to, "ineligible") || !strcmp(to, "closed");
	if (!leaves || (strcmp(c->state, "booked") && strcmp(c->state, "travel_ready")))
		return checked_move(cx, id, c, p, to, reason, hook);
	if ((err = check_move(cx, id, c, p, to, reason, hook, false)) < 0)
		return err;
	char why[COR_REASON_MAX + 32];
	snprintf(why, sizeof(why), "%s: %s",
		 !strcmp(to, "on_hold")      ? "put on hold"
		 : !strcmp(to, "ineligible") ? "found ineligible"
					     : "closed",
		 reason && *reason ? reason : "no reason given");
	if ((err = cor_svc_take_off(cx, c->ref, why, off)) < 0)
		return err;
	if (off->movement[0] && (err = cor_store_case_get(cx->st, c->ref, &id, c)) < 0)
		return cor_ctx_store_error(cx, err);
	return checked_move(cx, id, c, p, to, reason, hook);
}

/* ---- case.move --------------------------------------------------------- */

static int op_move(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_move_in *in = vin;
	struct cor_svc_case_move_out *out = vout;
	const struct cor_rules_config *rules;
	const struct cor_programme *p;
	struct cor_case c;
	int64_t id;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_ref(cx, in->ref)) < 0)
		return err;
	if (!in->to || !cor_state_is_valid(in->to))
		return cor_error_set(&cx->err, COR_CODE_UNKNOWN_STATE, "state",
				     "'%s' is not a lifecycle state", in->to ? in->to : "");
	if (in->reason && (err = text(cx, "reason", in->reason, COR_REASON_MAX)) < 0)
		return err;
	if (!(rules = cor_ctx_rules(cx)))
		return COR_EIO;
	if ((err = load_case(cx, in->ref, &id, &c, &p)) < 0)
		return err;
	snprintf(out->from, sizeof(out->from), "%s", c.state);
	struct cor_facts_hook_ctx hook = {.cfg = rules, .today = cx->today};
	if ((err = move_off(cx, id, &c, p, in->to, in->reason, &hook, &out->taken_off)) < 0)
		return err;
	snprintf(out->from, sizeof(out->from), "%s", c.state);
	return 0;
}

int cor_svc_case_move_within(struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
			     struct cor_svc_case_move_out *out)
{
	return op_move(cx, in, out);
}

json_t *cor_svc_case_move_json(const struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
			       const struct cor_svc_case_move_out *out)
{
	return json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:o}", "case", in->ref, "from", out->from,
			 "to", in->to, "reason", cor_json_str(in->reason), "at", cx->now, "by",
			 cx->actor, "taken_off", cor_svc_taken_off_json(&out->taken_off));
}

/* ---- case.counsel ------------------------------------------------------ */

static int op_counsel(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_counsel_in *in = vin;
	struct cor_svc_case_counsel_out *out = vout;
	const struct cor_counselling *s = &in->s;
	const struct cor_programme *p;
	struct cor_refusal why;
	struct cor_case c;
	int64_t id, session_id = 0;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_ref(cx, in->ref)) < 0)
		return err;
	if ((err = cor_counselling_check(s, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = load_case(cx, in->ref, &id, &c, &p)) < 0)
		return err;
	snprintf(out->from, sizeof(out->from), "%s", c.state);
	if ((err = cor_counselling_state_check(p, in->ref, c.state, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = cor_store_counselling_session_add(cx->st, id, s, cx->actor, &out->session,
						     &session_id)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!cor_counselling_holds(p, s))
		return 0;

	/* A return with an asylum wish: on hold (by the lifecycle's rules), and
	 * referred unless a referral is open. */
	if (strcmp(c.state, "on_hold")) {
		char reason[96];
		cor_counselling_hold_reason(out->session, reason, sizeof(reason));
		if ((err = move_off(cx, id, &c, p, "on_hold", reason, NULL, &out->taken_off)) < 0)
			return err;
		snprintf(out->from, sizeof(out->from), "%s", c.state);
		out->held = true;
	}
	if ((err = cor_store_referral_open_first(cx->st, id, &out->referral)) < 0)
		return cor_ctx_store_error(cx, err);
	if (out->referral)
		return 0;
	if ((err = cor_store_referral_open(cx->st, id, cor_counselling_refer_to(s),
					   COR_ASYLUM_SUBJECT, session_id, out->session, cx->actor,
					   &out->referral)) < 0)
		return cor_ctx_store_error(cx, err);
	out->referral_opened = true;
	return 0;
}

json_t *cor_svc_case_counsel_json(const struct cor_ctx *cx,
				  const struct cor_svc_case_counsel_in *in,
				  const struct cor_svc_case_counsel_out *out)
{
	json_t *referral = json_null();
	if (out->referral)
		referral = json_pack("{s:i, s:o, s:b}", "no", out->referral, "to",
				     out->referral_opened
					     ? json_string(cor_counselling_refer_to(&in->s))
					     : json_null(),
				     "opened", out->referral_opened);
	return json_pack("{s:s, s:i, s:s, s:s, s:b, s:s, s:s, s:b, s:o, s:o}", "case", in->ref,
			 "session", out->session, "at", cx->now, "decision",
			 cor_counselling_decision_name(in->s.decision), "asylum_wish",
			 in->s.asylum_wish, "from", out->from, "state",
			 out->held ? "on_hold" : out->from, "held", out->held, "referral", referral,
			 "taken_off", cor_svc_taken_off_json(&out->taken_off));
}

/* ---- lists ------------------------------------------------------------- */

static int op_counselling_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_counselling_list_in *in = vin;
	int err;
	(void)vout;
	if ((err = check_ref(cx, in->ref)) < 0)
		return err;
	if ((err = cor_store_counselling_list(cx->st, in->ref, in->cb, in->ctx)) < 0)
		return store_fail(cx, err, COR_CODE_CASE_NOT_FOUND, "case");
	return 0;
}

static int op_referral_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_referral_list_in *in = vin;
	int err;
	(void)vout;
	if ((err = check_ref(cx, in->ref)) < 0)
		return err;
	if ((err = cor_store_referral_list(cx->st, in->ref, in->cb, in->ctx)) < 0)
		return store_fail(cx, err, COR_CODE_CASE_NOT_FOUND, "case");
	return 0;
}

struct show_ctx {
	const struct cor_svc_protection_show_in *in;
	bool is_return;
};

static int show_one(const struct cor_protection_record *r, void *vctx)
{
	struct show_ctx *sc = vctx;
	enum cor_protection_level l = COR_PROT_NONE;
	bool blocks = sc->is_return && r->level && !r->cleared_at[0] &&
		      cor_protection_level_parse(r->level, &l) == 0 &&
		      cor_protection_level_blocks_return(l);
	return sc->in->cb(r, blocks, sc->in->ctx);
}

static int op_protection_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct show_ctx sc = {vin, false};
	const struct cor_programme *p;
	struct cor_case c;
	int64_t id;
	int err;
	(void)vout;
	if ((err = load_case(cx, sc.in->ref, &id, &c, &p)) < 0)
		return err;
	sc.is_return = p->is_return;
	if ((err = cor_store_protection_list(cx->st, sc.in->ref, show_one, &sc)) < 0)
		return store_fail(cx, err, COR_CODE_CASE_NOT_FOUND, "case");
	return 0;
}

/* ---- referral.close ---------------------------------------------------- */

static int op_referral_close(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_referral_close_in *in = vin;
	const struct cor_programme *p;
	struct cor_case c;
	int64_t id;
	int err;
	(void)vout;

	if ((err = check_ref(cx, in->ref)) < 0)
		return err;
	if (in->no < 1)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "referral",
				     "%d is not a referral number (1, 2, ...)", in->no);
	if ((err = text(cx, "outcome", in->outcome, COR_REASON_MAX)) < 0)
		return err;
	if ((err = load_case(cx, in->ref, &id, &c, &p)) < 0)
		return err;
	if ((err = cor_store_referral_close(cx->st, in->ref, in->no, in->outcome, cx->actor)) < 0)
		return store_fail(cx, err, COR_CODE_REFERRAL_NOT_FOUND, "referral");
	return 0;
}

json_t *cor_svc_referral_close_json(const struct cor_ctx *cx,
				    const struct cor_svc_referral_close_in *in)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:s, s:s}", "case", in->ref, "referral", in->no,
			 "status", "closed", "outcome", in->outcome, "closed_at", cx->now,
			 "closed_by", cx->actor);
}

/* ---- protection -------------------------------------------------------- */

/* The person of a case whose protection record may change. */
static int protection_person(struct cor_ctx *cx, const char *person, const struct cor_case *c,
			     struct cor_person_found *who)
{
	struct cor_refusal why;
	int err;
	if ((err = cor_protection_state_check(c->ref, c->state, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = cor_store_person_find(cx->st, person, who)) < 0)
		return store_fail(cx, err, COR_CODE_PERSON_NOT_FOUND, "person");
	return 0;
}

static int op_assess(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_protection_assess_in *in = vin;
	struct cor_svc_protection_assess_out *out = vout;
	const struct cor_programme *p;
	struct cor_person_found who;
	struct cor_case c;
	int64_t id;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = load_person_case(cx, in->person, &id, &c, &p)) < 0)
		return err;
	if ((unsigned)in->level >= COR_PROT__N)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "level",
				     "level: give 'none', 'low', 'medium' or 'high'");
	if ((err = text(cx, "grounds", in->grounds, COR_REASON_MAX)) < 0 ||
	    (err = protection_person(cx, in->person, &c, &who)) < 0)
		return err;
	if ((err = cor_store_protection_assessment_add(cx->st, id, who.id, in->person, in->level,
						       in->grounds, cx->actor, &out->assessment)) <
	    0)
		return cor_ctx_store_error(cx, err);
	out->blocks_return = p->is_return && cor_protection_level_blocks_return(in->level);
	/* Nobody unsafe leaves: a high risk takes the case off its movement at
	 * once, until a protection officer clears it. */
	if (in->level == COR_PROT_HIGH) {
		char why[96];
		snprintf(why, sizeof(why), "a high protection risk for %s", in->person);
		return cor_svc_take_off(cx, c.ref, why, &out->taken_off);
	}
	return 0;
}

json_t *cor_svc_protection_assess_json(const struct cor_ctx *cx,
				       const struct cor_svc_protection_assess_in *in,
				       const struct cor_svc_protection_assess_out *out)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:s, s:b, s:o}", "person", in->person, "assessment",
			 out->assessment, "level", cor_protection_level_name(in->level), "at",
			 cx->now, "by", cx->actor, "blocks_return", out->blocks_return, "taken_off",
			 cor_svc_taken_off_json(&out->taken_off));
}

static int op_clear(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_protection_clear_in *in = vin;
	int *no = vout;
	const struct cor_programme *p;
	struct cor_protection_latest l;
	struct cor_person_found who;
	struct cor_refusal why;
	struct cor_case c;
	int64_t id, aid;
	int err;

	*no = 0;
	if ((err = load_person_case(cx, in->person, &id, &c, &p)) < 0)
		return err;
	if ((err = text(cx, "reason", in->reason, COR_REASON_MAX)) < 0 ||
	    (err = protection_person(cx, in->person, &c, &who)) < 0)
		return err;
	if ((err = cor_store_protection_latest(cx->st, who.id, &l, &aid)) < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = cor_protection_clear_check(in->person, &l, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = cor_store_protection_clearance_add(cx->st, id, aid, in->person, l.no, in->reason,
						      cx->actor)) < 0)
		return cor_ctx_store_error(cx, err);
	*no = l.no;
	return 0;
}

json_t *cor_svc_protection_clear_json(const struct cor_ctx *cx,
				      const struct cor_svc_protection_clear_in *in, int assessment)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:s}", "person", in->person, "assessment",
			 assessment, "cleared_at", cx->now, "cleared_by", cx->actor, "reason",
			 in->reason);
}

/* ---- the table --------------------------------------------------------- */

static const struct cor_op op_case_move = {"case.move", COR_OP_WRITE, "case.write", op_move,
					   "move a case to another lifecycle state"};
static const struct cor_op op_case_counsel = {
	"case.counsel", COR_OP_WRITE, "counselling.write", op_counsel,
	"record a counselling session and the informed decision"};
static const struct cor_op op_counselling_list_row = {"counselling.list", COR_OP_READ,
						      "counselling.read", op_counselling_list,
						      "the counselling sessions of a case"};
static const struct cor_op op_referral_list_row = {"referral.list", COR_OP_READ, "referral.read",
						   op_referral_list, "the referrals of a case"};
static const struct cor_op op_referral_close_row = {"referral.close", COR_OP_WRITE,
						    "referral.write", op_referral_close,
						    "close a referral with its outcome"};
static const struct cor_op op_protection_assess = {"protection.assess", COR_OP_WRITE,
						   "protection.write", op_assess,
						   "record a person's protection risk on return"};
static const struct cor_op op_protection_clear = {"protection.clear", COR_OP_WRITE,
						  "protection.write", op_clear,
						  "clear a person's high protection risk"};
static const struct cor_op op_protection_show_row = {"protection.show", COR_OP_READ,
						     "protection.read", op_protection_show,
						     "the protection record of a case's persons"};

const struct cor_op *const cor_ops_workflow[] = {
	&op_case_move,         &op_case_counsel,        &op_counselling_list_row,
	&op_referral_list_row, &op_referral_close_row,  &op_protection_assess,
	&op_protection_clear,  &op_protection_show_row, NULL,
};

int cor_svc_case_move(struct cor_ctx *cx, const struct cor_svc_case_move_in *in,
		      struct cor_svc_case_move_out *out)
{
	return cor_service_run(cx, &op_case_move, in, out);
}

int cor_svc_case_counsel(struct cor_ctx *cx, const struct cor_svc_case_counsel_in *in,
			 struct cor_svc_case_counsel_out *out)
{
	return cor_service_run(cx, &op_case_counsel, in, out);
}

int cor_svc_counselling_list(struct cor_ctx *cx, const struct cor_svc_counselling_list_in *in)
{
	return cor_service_run(cx, &op_counselling_list_row, in, NULL);
}

int cor_svc_referral_list(struct cor_ctx *cx, const struct cor_svc_referral_list_in *in)
{
	return cor_service_run(cx, &op_referral_list_row, in, NULL);
}

int cor_svc_referral_close(struct cor_ctx *cx, const struct cor_svc_referral_close_in *in)
{
	return cor_service_run(cx, &op_referral_close_row, in, NULL);
}

int cor_svc_protection_assess(struct cor_ctx *cx, const struct cor_svc_protection_assess_in *in,
			      struct cor_svc_protection_assess_out *out)
{
	return cor_service_run(cx, &op_protection_assess, in, out);
}

int cor_svc_protection_clear(struct cor_ctx *cx, const struct cor_svc_protection_clear_in *in,
			     int *assessment)
{
	return cor_service_run(cx, &op_protection_clear, in, assessment);
}

int cor_svc_protection_show(struct cor_ctx *cx, const struct cor_svc_protection_show_in *in)
{
	return cor_service_run(cx, &op_protection_show_row, in, NULL);
}

/* ---- documents --------------------------------------------------------- */

/* Append item (taken) to the array ctx; stops on out of memory. */
static int append(json_t *a, json_t *item)
{
	return item && json_array_append_new(a, item) == 0 ? 0 : COR_ENOMEM;
}

static int session_json(const struct cor_counselling_record *r, void *ctx)
{
	return append(ctx, json_pack("{s:i, s:s, s:s, s:s, s:b, s:s, s:b, s:o, s:s}", "no", r->no,
				     "at", r->at, "counsellor", r->s.counsellor, "language",
				     r->s.language, "interpreter", r->s.interpreter, "decision",
				     cor_counselling_decision_name(r->s.decision), "asylum_wish",
				     r->s.asylum_wish, "notes", cor_json_str(r->s.notes),
				     "recorded_by", r->recorded_by));
}

static int referral_json(const struct cor_referral *r, void *ctx)
{
	return append(ctx,
		      json_pack("{s:i, s:s, s:s, s:o, s:s, s:s, s:s, s:o, s:o, s:o}", "no", r->no,
				"to", r->to, "subject", r->subject, "session",
				r->session ? json_integer(r->session) : json_null(), "opened_at",
				r->opened_at, "opened_by", r->opened_by, "status",
				r->outcome ? "closed" : "open", "outcome", cor_json_str(r->outcome),
				"closed_at", cor_json_str(r->closed_at), "closed_by",
				cor_json_str(r->closed_by)));
}

struct person_ctx {
	json_t *a;
	const char *ref;
};

static int person_json(const struct cor_protection_record *r, bool blocks, void *vctx)
{
	struct person_ctx *pc = vctx;
	char person[COR_PERSON_REF_MAX + 4];
	json_t *latest = json_null();
	cor_person_ref_format(person, sizeof(person), pc->ref, r->person);
	if (r->level)
		latest = json_pack(
			"{s:i, s:s, s:s, s:s, s:o}", "assessment", r->assessments, "level",
			r->level, "at", r->at, "assessed_by", r->assessed_by, "cleared",
			r->cleared_at[0] ? json_pack("{s:s, s:s, s:s}", "at", r->cleared_at, "by",
						     r->cleared_by, "reason", r->clear_reason)
					 : json_null());
	return append(pc->a, json_pack("{s:s, s:i, s:o, s:b}", "person", person, "assessments",
				       r->assessments, "latest", latest, "blocks_return", blocks));
}

/* The document {"case": ref, key: a} after run filled a, or cx->err. */
static int finish(struct cor_ctx *cx, int err, const char *ref, const char *key, json_t *a,
		  json_t **doc)
{
	*doc = NULL;
	if (err < 0) {
		json_decref(a);
		return err;
	}
	if (!(*doc = json_pack("{s:s, s:o}", "case", ref, key, a)))
		return no_memory(cx);
	return 0;
}

int cor_svc_counselling_list_doc(struct cor_ctx *cx, const char *ref, json_t **doc)
{
	json_t *a = json_array();
	if (!a)
		return no_memory(cx);
	struct cor_svc_counselling_list_in in = {ref, session_json, a};
	return finish(cx, cor_svc_counselling_list(cx, &in), ref, "sessions", a, doc);
}

int cor_svc_referral_list_doc(struct cor_ctx *cx, const char *ref, json_t **doc)
{
	json_t *a = json_array();
	if (!a)
		return no_memory(cx);
	struct cor_svc_referral_list_in in = {ref, referral_json, a};
	int err = finish(cx, cor_svc_referral_list(cx, &in), ref, "referrals", a, doc);
	if (err == 0) {
		size_t i, open = 0;
		json_t *r;
		json_array_foreach(a, i, r)
		{
			open += json_is_null(json_object_get(r, "closed_at"));
		}
		json_object_set_new(*doc, "open", json_integer((json_int_t)open));
	}
	return err;
}

int cor_svc_protection_show_doc(struct cor_ctx *cx, const char *ref, json_t **doc)
{
	struct person_ctx pc = {json_array(), ref};
	if (!pc.a)
		return no_memory(cx);
	struct cor_svc_protection_show_in in = {ref, person_json, &pc};
	return finish(cx, cor_svc_protection_show(cx, &in), ref, "persons", pc.a, doc);
}

// SPDX-License-Identifier: Apache-2.0
// The operations of arrival and (re)integration support (see support.h).
// Each checks every field of its input first and reports all faults at
// once, then the rules of domain/support.h on what is stored, then writes
// the records through the store; a case moves through the lifecycle with
// cor_svc_case_move_within (service/workflow.h), so every rule of case.move
// holds here too, in the same transaction.
#include "service/support.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "domain/money.h"
#include "service/json.h"
#include "service/workflow.h"
#include "util/tz.h"

#define PLACE_MAX       127
#define NAME_MAX_BYTES  63
#define NOTE_MAX        255
#define DESCRIPTION_MAX 255
#define FINDING_MAX     511
#define OUTCOME_MAX     255

/* Refuse with the faults collected in f, if any (cor_error_refuse): several
 * go under one sentence naming what. Returns 0 when f holds none. */
static int refuse(struct cor_ctx *cx, const struct cor_error *f, const char *what)
{
	return cor_error_refuse(&cx->err, f, COR_CODE_OK, NULL, false, "%s: %d problems", what,
				f->ncauses + f->ncauses_lost);
}

static bool given(const char *s)
{
	return s && *s;
}

/* A text of at most max bytes without control characters, named label in
 * messages ("the place"); missing is the sentence when it is required and
 * absent (NULL: optional). */
static void check_text(struct cor_error *f, const char *field, const char *label, const char *s,
		       size_t max, const char *missing)
{
	if (!given(s)) {
		if (missing)
			cor_error_cause(f, COR_CODE_BAD_PARAMETER, field, "%s", missing);
		return;
	}
	if (strlen(s) > max || !cor_text_is_clean(s))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, field,
				"%s must be at most %zu bytes of text without control characters",
				label, max);
}

static void check_case_ref(struct cor_error *f, const char *ref)
{
	if (!given(ref))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "case", "the case is missing");
}

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static int need_case(struct cor_ctx *cx, const char *ref, struct cor_case *c)
{
	int err = cor_store_case_get(cx->st, ref, NULL, c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int need_item(struct cor_ctx *cx, const char *ref, int no, struct cor_support_item *i)
{
	int err = cor_store_support_item_get(cx->st, ref, no, i);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_SUPPORT_NOT_FOUND, "item",
				     "case '%s' has no assistance item %d", ref, no);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* Move case ref through the lifecycle, inside the operation under way and
 * with every rule of case.move; a refusal keeps the lifecycle's code. */
static int move(struct cor_ctx *cx, const char *ref, const char *to, const char *reason)
{
	struct cor_svc_case_move_in in = {ref, to, reason && *reason ? reason : NULL};
	struct cor_svc_case_move_out out;
	return cor_svc_case_move_within(cx, &in, &out);
}

/* When a case last departed ("" when it never did), from its history. */
struct departed {
	char at[COR_TIME_LEN];
};

static int on_case_event(const struct cor_event *e, void *ctx)
{
	struct departed *d = ctx;
	if (cor_svc_event_is_departure(e))
		snprintf(d->at, sizeof(d->at), "%s", e->at);
	return 0;
}

static int case_departed(struct cor_ctx *cx, const char *ref, struct departed *d)
{
	int64_t id;
	int err = cor_store_case_get(cx->st, ref, &id, NULL);
	if (err == 0)
		err = cor_store_case_events(cx->st, id, on_case_event, d);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* Two UTC times, either "YYYY-MM-DDTHH:MM:SSZ" or "...THH:MMZ", compared. */
static int time_cmp(const char *a, const char *b)
{
	int64_t x = 0, y = 0;
	cor_time_parse_utc(a, &x);
	cor_time_parse_utc(b, &y);
	return x < y ? -1 : x > y;
}

static int op_arrival(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_arrival_in *in = vin;
	struct cor_svc_arrival_out *out = vout;
	struct cor_arrival *a = &out->arrival;
	struct cor_arrival prev;
	struct cor_case c;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	check_text(&f, "place", "the place", in->place, PLACE_MAX,
		   "the place is missing: where the case arrived (an airport, a port, a "
		   "reception centre)");
	if (!in->at)
		snprintf(a->at, sizeof(a->at), "%s", cx->now);
	else if (cor_arrival_time_parse(in->at, a->at) < 0)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "at",
				"'%s' is not a UTC time like 2026-11-27T14:30Z", in->at);
	else if (strcmp(a->at, cx->now) > 0)
		cor_error_cause(&f, COR_CODE_INVALID, "at", "'%s' is in the future", in->at);
	check_text(&f, "by", "the name of who confirmed it", in->by, NAME_MAX_BYTES, NULL);
	check_text(&f, "note", "the note", in->note, NOTE_MAX, NULL);
	if ((err = refuse(cx, &f, "the arrival is refused")) < 0 ||
	    (err = need_case(cx, in->case_ref, &c)) < 0 ||
	    (err = cor_arrival_check_case(&c, &cx->err)) < 0)
		return err;
	/* Not before the case departed. */
	struct departed d = {""};
	if ((err = case_departed(cx, in->case_ref, &d)) < 0)
		return err;
	if (d.at[0] && time_cmp(a->at, d.at) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "at",
				     "'%s' is before case '%s' departed (%s)",
				     in->at ? in->at : a->at, in->case_ref, d.at);
	if ((err = cor_store_arrival_get(cx->st, in->case_ref, &prev)) == 0)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "case",
				     "the arrival of case '%s' is already confirmed", in->case_ref);
	if (err != COR_ENOTFOUND)
		return cor_ctx_store_error(cx, err);
	snprintf(a->place, sizeof(a->place), "%s", in->place);
	snprintf(a->confirmed_by, sizeof(a->confirmed_by), "%.*s", (int)sizeof(a->confirmed_by) - 1,
		 given(in->by) ? in->by : cx->actor);
	snprintf(a->note, sizeof(a->note), "%s", in->note ? in->note : "");
	if ((err = cor_store_arrival_record(cx->st, in->case_ref, a, cx->actor)) < 0)
		return cor_ctx_store_error(cx, err);
	return move(cx, in->case_ref, "arrived", NULL);
}

int cor_svc_arrival_confirm_within(struct cor_ctx *cx, const struct cor_svc_arrival_in *in,
				   struct cor_svc_arrival_out *out)
{
	return op_arrival(cx, in, out);
}

static int op_plan(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_support_plan_in *in = vin;
	struct cor_svc_support_plan_out *out = vout;
	enum cor_support_kind kind = COR_SUPPORT_CASH;
	struct cor_case c;
	struct cor_error f;
	int64_t amount = 0;
	int no = 0, err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	if (!given(in->kind) || cor_support_kind_parse(in->kind, &kind) < 0)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "kind",
				"the kind must be one of cash, in_kind, referral, business, "
				"medical, education, housing, psychosocial");
	check_text(&f, "description", "the description", in->description, DESCRIPTION_MAX,
		   "the description is missing: what is given");
	if (in->amount || in->currency) {
		int units = given(in->currency) ? cor_currency_minor_units(in->currency) : -1;
		if (units < 0)
			cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "currency",
					"an amount needs an ISO 4217 currency code such as USD");
		if (!given(in->amount))
			cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "amount",
					"a currency needs an amount");
		else if (units >= 0 && cor_money_parse(in->amount, in->currency, &amount) < 0)
			cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "amount",
					"'%s' is not a positive amount in %s with at most %d "
					"decimals",
					in->amount, in->currency, units);
	}
	if ((err = refuse(cx, &f, "the item is refused")) < 0 ||
	    (err = need_case(cx, in->case_ref, &c)) < 0 ||
	    (err = cor_support_check_case(&c, false, &cx->err)) < 0)
		return err;
	/* The first item opens the support: the case enters (re)integration. */
	if (!strcmp(c.state, "arrived")) {
		out->entered = cor_support_state(cor_programme_find(c.programme));
		if ((err = move(cx, in->case_ref, out->entered, "")) < 0)
			return err;
	}
	if ((err = cor_store_support_plan(cx->st, in->case_ref, kind, in->description, amount,
					  amount ? in->currency : "", cx->actor, &no)) < 0 ||
	    (err = cor_store_support_item_get(cx->st, in->case_ref, no, &out->item)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_settle(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_support_settle_in *in = vin;
	struct cor_svc_support_settle_out *out = vout;
	struct cor_case c;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	if (in->item < 1)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "item",
				"%d is not an item number (1, 2, ...)", in->item);
	if (in->status != COR_SUPPORT_DELIVERED && in->status != COR_SUPPORT_CANCELLED)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "status",
				"an item is settled as delivered or cancelled");
	check_text(&f, "note", "the note", in->note, NOTE_MAX, NULL);
	if (in->status == COR_SUPPORT_CANCELLED && !given(in->note))
		cor_error_cause(&f, COR_CODE_REASON_REQUIRED, "note",
				"a cancellation needs a note saying why");
	if ((err = refuse(cx, &f, "the item cannot be settled")) < 0 ||
	    (err = need_case(cx, in->case_ref, &c)) < 0 ||
	    (err = cor_support_check_case(&c, true, &cx->err)) < 0 ||
	    (err = need_item(cx, in->case_ref, in->item, &out->item)) < 0 ||
	    (err = cor_support_check_item(in->case_ref, in->item, out->item.status, &cx->err)) < 0)
		return err;
	if ((err = cor_store_support_done(cx->st, in->case_ref, in->item, in->status, in->note,
					  cx->actor)) < 0 ||
	    (err = cor_store_support_item_get(cx->st, in->case_ref, in->item, &out->item)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_visit(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_support_visit_in *in = vin;
	struct cor_svc_support_visit_out *out = vout;
	struct cor_support_visit *v = &out->visit;
	struct cor_case c;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	v->on = cx->today;
	if (in->on && cor_date_parse(in->on, &v->on) < 0)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "on",
				"'%s' is not a date like 2026-11-26", in->on);
	else if (in->on && cor_date_cmp(v->on, cx->today) > 0)
		cor_error_cause(&f, COR_CODE_INVALID, "on", "'%s' is in the future", in->on);
	check_text(&f, "by", "the visitor's name", in->by, NAME_MAX_BYTES,
		   "who visited is missing");
	check_text(&f, "finding", "the finding", in->finding, FINDING_MAX,
		   "the finding is missing: what the visit found");
	if ((err = refuse(cx, &f, "the visit is refused")) < 0 ||
	    (err = need_case(cx, in->case_ref, &c)) < 0 ||
	    (err = cor_support_check_case(&c, true, &cx->err)) < 0)
		return err;
	/* Not before the arrival. */
	struct cor_arrival a;
	struct cor_date arrived;
	if ((err = cor_store_arrival_get(cx->st, in->case_ref, &a)) < 0 && err != COR_ENOTFOUND)
		return cor_ctx_store_error(cx, err);
	char day[COR_DATE_LEN];
	snprintf(day, sizeof(day), "%.10s", a.at);
	if (err == 0 && cor_date_parse(day, &arrived) == 0 && cor_date_cmp(v->on, arrived) < 0) {
		char d1[COR_DATE_LEN], d2[COR_DATE_LEN];
		return cor_error_set(
			&cx->err, COR_CODE_INVALID, "on", "%s is before case '%s' arrived (%s)",
			cor_date_format(v->on, d1), in->case_ref, cor_date_format(arrived, d2));
	}
	snprintf(v->by, sizeof(v->by), "%s", in->by);
	snprintf(v->finding, sizeof(v->finding), "%s", in->finding);
	if ((err = cor_store_support_visit(cx->st, in->case_ref, v->on, in->by, in->finding,
					   cx->actor, &v->no)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_close(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_support_close_in *in = vin;
	struct cor_support_tally t = {0};
	struct cor_case c;
	struct cor_error f;
	int err;

	(void)vout;
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	check_text(&f, "outcome", "the outcome", in->outcome, OUTCOME_MAX,
		   "the outcome is missing: how the support ended");
	if ((err = refuse(cx, &f, "the support cannot close")) < 0 ||
	    (err = need_case(cx, in->case_ref, &c)) < 0 ||
	    (err = cor_support_check_case(&c, true, &cx->err)) < 0)
		return err;
	if ((err = cor_store_support_tally(cx->st, in->case_ref, &t)) < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = cor_support_check_close(in->case_ref, &t, &cx->err)) < 0)
		return err;
	if ((err = cor_store_support_close(cx->st, in->case_ref, in->outcome, cx->actor)) < 0)
		return cor_ctx_store_error(cx, err);
	return move(cx, in->case_ref, "closed", in->outcome);
}

static int op_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_support_show_in *in = vin;
	struct cor_svc_support_show_out *out = vout;
	struct cor_error f;
	int err;

	assert(in->item && in->visit);
	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_case_ref(&f, in->case_ref);
	if ((err = refuse(cx, &f, "the support cannot be shown")) < 0 ||
	    (err = need_case(cx, in->case_ref, &out->c)) < 0)
		return err;
	err = cor_store_arrival_get(cx->st, in->case_ref, &out->arrival);
	if (err < 0 && err != COR_ENOTFOUND)
		return cor_ctx_store_error(cx, err);
	out->arrived = err == 0;
	if (in->head && in->head(&out->c, out->arrived ? &out->arrival : NULL, in->ctx) != 0)
		return no_memory(cx);
	if ((err = cor_store_support_items(cx->st, in->case_ref, in->item, in->ctx)) != 0 ||
	    (err = cor_store_support_visits(cx->st, in->case_ref, in->visit, in->ctx)) != 0)
		return err < 0 ? cor_ctx_store_error(cx, err) : no_memory(cx);
	return 0;
}

static const struct cor_op op_arrival_confirm = {"arrival.confirm", COR_OP_WRITE, "support.write",
						 op_arrival,
						 "confirm the arrival of a case that departed"};
static const struct cor_op op_support_plan = {"support.plan", COR_OP_WRITE, "support.write",
					      op_plan, "plan an assistance item for a case"};
static const struct cor_op op_support_settle = {"support.item.settle", COR_OP_WRITE,
						"support.write", op_settle,
						"mark a planned item delivered or cancelled"};
static const struct cor_op op_support_visit = {"support.visit", COR_OP_WRITE, "support.write",
					       op_visit, "record a follow-up visit"};
static const struct cor_op op_support_close = {"support.close", COR_OP_WRITE, "support.write",
					       op_close, "close the support and the case"};
static const struct cor_op op_support_show = {"support.show", COR_OP_READ, "support.read", op_show,
					      "a case's arrival, assistance items and visits"};

const struct cor_op *const cor_ops_support[] = {
	&op_arrival_confirm,
	&op_support_plan,
	&op_support_settle,
	&op_support_visit,
	&op_support_close,
	&op_support_show,
	NULL,
};

int cor_svc_arrival_confirm(struct cor_ctx *cx, const struct cor_svc_arrival_in *in,
			    struct cor_svc_arrival_out *out)
{
	return cor_service_run(cx, &op_arrival_confirm, in, out);
}

int cor_svc_support_plan(struct cor_ctx *cx, const struct cor_svc_support_plan_in *in,
			 struct cor_svc_support_plan_out *out)
{
	return cor_service_run(cx, &op_support_plan, in, out);
}

int cor_svc_support_settle(struct cor_ctx *cx, const struct cor_svc_support_settle_in *in,
			   struct cor_svc_support_settle_out *out)
{
	return cor_service_run(cx, &op_support_settle, in, out);
}

int cor_svc_support_visit(struct cor_ctx *cx, const struct cor_svc_support_visit_in *in,
			  struct cor_svc_support_visit_out *out)
{
	return cor_service_run(cx, &op_support_visit, in, out);
}

int cor_svc_support_close(struct cor_ctx *cx, const struct cor_svc_support_close_in *in)
{
	return cor_service_run(cx, &op_support_close, in, NULL);
}

int cor_svc_support_show(struct cor_ctx *cx, const struct cor_svc_support_show_in *in,
			 struct cor_svc_support_show_out *out)
{
	return cor_service_run(cx, &op_support_show, in, out);
}

/* ---- JSON ---------------------------------------------------------------- */

json_t *cor_svc_arrival_json(const struct cor_arrival *a)
{
	return json_pack("{s:s, s:s, s:o, s:o}", "at", a->at, "place", a->place, "confirmed_by",
			 cor_json_str(a->confirmed_by), "note", cor_json_str(a->note));
}

json_t *cor_svc_support_item_json(const struct cor_support_item *i)
{
	char m[COR_MONEY_LEN];
	return json_pack(
		"{s:i, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "no", i->no, "kind",
		cor_support_kind_name(i->kind), "description", i->description, "amount",
		i->amount ? json_string(cor_money_decimal(i->amount, i->currency, m)) : json_null(),
		"currency", i->amount ? cor_json_str(i->currency) : json_null(), "status",
		cor_support_status_name(i->status), "planned_at", cor_json_str(i->planned_at),
		"done_at", cor_json_str(i->done_at), "note", cor_json_str(i->done_note));
}

json_t *cor_svc_support_visit_json(const struct cor_support_visit *v)
{
	char d[COR_DATE_LEN];
	return json_pack("{s:i, s:s, s:s, s:s}", "no", v->no, "on", cor_date_format(v->on, d), "by",
			 v->by, "finding", v->finding);
}

json_t *cor_svc_arrival_result_json(const struct cor_svc_arrival_in *in,
				    const struct cor_svc_arrival_out *out)
{
	return json_pack("{s:s, s:s, s:o}", "case", in->case_ref, "state", "arrived", "arrival",
			 cor_svc_arrival_json(&out->arrival));
}

json_t *cor_svc_support_plan_result_json(const struct cor_svc_support_plan_in *in,
					 const struct cor_svc_support_plan_out *out)
{
	return json_pack("{s:s, s:o, s:o}", "case", in->case_ref, "item",
			 cor_svc_support_item_json(&out->item), "entered",
			 cor_json_str(out->entered));
}

json_t *cor_svc_support_settle_result_json(const struct cor_svc_support_settle_in *in,
					   const struct cor_svc_support_settle_out *out)
{
	return json_pack("{s:s, s:o}", "case", in->case_ref, "item",
			 cor_svc_support_item_json(&out->item));
}

json_t *cor_svc_support_visit_result_json(const struct cor_svc_support_visit_in *in,
					  const struct cor_svc_support_visit_out *out)
{
	return json_pack("{s:s, s:o}", "case", in->case_ref, "visit",
			 cor_svc_support_visit_json(&out->visit));
}

json_t *cor_svc_support_close_result_json(const struct cor_svc_support_close_in *in)
{
	return json_pack("{s:s, s:s, s:s}", "case", in->case_ref, "state", "closed", "outcome",
			 in->outcome);
}

struct doc_ctx {
	json_t *items, *visits;
};

static int doc_item(const struct cor_support_item *i, void *vctx)
{
	struct doc_ctx *d = vctx;
	return json_array_append_new(d->items, cor_svc_support_item_json(i)) ? 1 : 0;
}

static int doc_visit(const struct cor_support_visit *v, void *vctx)
{
	struct doc_ctx *d = vctx;
	return json_array_append_new(d->visits, cor_svc_support_visit_json(v)) ? 1 : 0;
}

int cor_svc_support_show_doc(struct cor_ctx *cx, const struct cor_svc_support_show_in *in,
			     json_t **doc)
{
	struct doc_ctx d = {json_array(), json_array()};
	struct cor_svc_support_show_in run = *in;
	struct cor_svc_support_show_out out;
	run.head = NULL;
	run.item = doc_item;
	run.visit = doc_visit;
	run.ctx = &d;
	*doc = NULL;
	int err = d.items && d.visits ? cor_svc_support_show(cx, &run, &out) : no_memory(cx);
	if (err == 0 &&
	    !(*doc = json_pack("{s:s, s:s, s:s, s:o, s:O, s:O}", "case", out.c.ref, "programme",
			       out.c.programme, "state", out.c.state, "arrival",
			       out.arrived ? cor_svc_arrival_json(&out.arrival) : json_null(),
			       "items", d.items, "visits", d.visits)))
		err = no_memory(cx);
	json_decref(d.items);
	json_decref(d.visits);
	return err;
}

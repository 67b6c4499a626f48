// SPDX-License-Identifier: Apache-2.0
// The stranded-migrant fund's operations (see fund.h). Each checks every
// field of its input first and reports all faults at once, then the rules
// of domain/fund.h on what is stored, then writes through the store.
#include "service/fund.h"

#include <assert.h>
#include <string.h>

#include "domain/case.h"
#include "domain/fund.h"
#include "domain/money.h"
#include "service/json.h"

#define NOTE_MAX      255 /* bytes of a note */
#define REFERENCE_MAX 63  /* bytes of a payment reference */

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

/* An optional text: clean, at most max bytes. */
static void check_text(struct cor_error *f, const char *field, const char *s, size_t max)
{
	if (!s)
		return;
	if (strlen(s) > max || !cor_text_is_clean(s))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, field,
				"the %s must be at most %zu bytes of text without control "
				"characters",
				field, max);
}

static void check_office(struct cor_error *f, const char *office)
{
	if (!given(office))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "office",
				"the office is missing: give its code, e.g. NE-AJY");
	else if (!cor_office_code_is_valid(office))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "office",
				"'%s' is not an office code like NE-AJY", office);
}

/* The year given (0: today's) into *year, or a fault. */
static void check_year(struct cor_ctx *cx, struct cor_error *f, int given_year, int *year)
{
	*year = cor_fund_year(given_year, cx->today.year);
	if (!cor_fund_year_is_valid(*year))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "year",
				"%d is not a year from 2000 to 2100", *year);
}

/* The currency and the amount in it into *minor, or faults. */
static void check_money(struct cor_error *f, const char *currency, const char *amount,
			int64_t *minor)
{
	int units = given(currency) ? cor_currency_minor_units(currency) : -1;
	if (!given(currency))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "currency",
				"the currency is missing: give an ISO 4217 code such as USD, EUR, "
				"LYD");
	else if (units < 0)
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "currency",
				"'%s' is not an ISO 4217 currency code such as USD, EUR, LYD",
				currency);
	if (!given(amount))
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "amount", "the amount is missing");
	else if (units >= 0 && cor_money_parse(amount, currency, minor) < 0)
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "amount",
				"'%s' is not a positive amount in %s with at most %d decimals",
				amount, currency, units);
}

static void check_id(struct cor_error *f, long id)
{
	if (id < 1)
		cor_error_cause(f, COR_CODE_BAD_PARAMETER, "request",
				"%ld is not a fund request number (1, 2, ...)", id);
}

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

/* The office's record must exist. */
static int need_office(struct cor_ctx *cx, const char *office)
{
	struct cor_office o;
	int err = cor_store_office_get(cx->st, office, &o);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", office);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int need_request(struct cor_ctx *cx, long id, struct cor_fund_request *r)
{
	int err = cor_store_fund_get(cx->st, id, r);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_FUND_REQUEST_NOT_FOUND, "request",
				     "no fund request %ld", id);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_budget(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_budget_in *in = vin;
	struct cor_svc_fund_budget_out *out = vout;
	struct cor_fund_position p;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_office(&f, in->office);
	check_year(cx, &f, in->year, &out->year);
	check_money(&f, in->currency, in->amount, &out->amount);
	if ((err = refuse(cx, &f, "the budget is refused")) < 0 ||
	    (err = need_office(cx, in->office)) < 0)
		return err;
	if ((err = cor_store_fund_position(cx->st, in->office, out->year, in->currency, &p)) < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = cor_fund_check_budget(&p, out->amount, in->office, out->year, in->currency,
					 &cx->err)) < 0)
		return err;
	out->previous = p.budget;
	err = cor_store_fund_set_budget(cx->st, in->office, out->year, in->currency, out->amount,
					cx->actor);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_request(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_request_in *in = vin;
	struct cor_svc_fund_request_out *out = vout;
	struct cor_case c;
	struct cor_error f;
	int64_t amount = 0;
	long id = 0;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	if (!given(in->case_ref))
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "case", "the case is missing");
	if (!given(in->reason) || !cor_fund_reason_is_valid(in->reason))
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "reason",
				"the reason must be one of lost_documents, destitution, "
				"accident_illness, abuse, broken_promises, asylum_rejected, "
				"insecurity");
	if (!given(in->kind) || !cor_fund_kind_is_valid(in->kind))
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "kind",
				"the kind must be one of shelter, food, medical, documents, "
				"transport, cash, other");
	check_money(&f, in->currency, in->amount, &amount);
	check_text(&f, "note", in->note, NOTE_MAX);
	if ((err = refuse(cx, &f, "the request is refused")) < 0)
		return err;
	err = cor_store_case_get(cx->st, in->case_ref, NULL, &c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     in->case_ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = cor_fund_check_case(&c, &cx->err)) < 0)
		return err;
	if ((err = cor_store_fund_request(cx->st, in->case_ref, cx->today.year, in->reason,
					  in->kind, amount, in->currency, in->note, cx->actor,
					  &id)) < 0 ||
	    (err = cor_store_fund_get(cx->st, id, &out->request)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_decide(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_decide_in *in = vin;
	struct cor_svc_fund_request_out *out = vout;
	struct cor_fund_request *r = &out->request;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_id(&f, in->id);
	check_text(&f, "note", in->note, NOTE_MAX);
	if (!in->approve && !given(in->note))
		cor_error_cause(&f, COR_CODE_REASON_REQUIRED, "note",
				"a rejection needs a note saying why");
	if ((err = refuse(cx, &f, "the decision is refused")) < 0 ||
	    (err = need_request(cx, in->id, r)) < 0 ||
	    (err = cor_fund_check_decision(in->id, r->state, &cx->err)) < 0)
		return err;
	if (in->approve) {
		struct cor_fund_position p;
		if ((err = cor_store_fund_position(cx->st, r->office, r->year, r->currency, &p)) <
		    0)
			return cor_ctx_store_error(cx, err);
		if ((err = cor_fund_check_approval(&p, r->amount, r->office, r->year, r->currency,
						   &cx->err)) < 0)
			return err;
	}
	if ((err = cor_store_fund_decide(cx->st, in->id, in->approve, in->note, cx->actor)) < 0 ||
	    (err = cor_store_fund_get(cx->st, in->id, r)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_pay(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_pay_in *in = vin;
	struct cor_svc_fund_request_out *out = vout;
	struct cor_fund_request *r = &out->request;
	struct cor_error f;
	int err;

	memset(out, 0, sizeof(*out));
	cor_error_clear(&f);
	check_id(&f, in->id);
	if ((err = refuse(cx, &f, "the payment is refused")) < 0 ||
	    (err = need_request(cx, in->id, r)) < 0)
		return err;
	/* The amount is in the request's currency. */
	check_money(&f, r->currency, in->amount, &out->paid_now);
	check_text(&f, "reference", in->reference, REFERENCE_MAX);
	if ((err = refuse(cx, &f, "the payment is refused")) < 0 ||
	    (err = cor_fund_check_payment(in->id, r->state, r->amount, r->paid, out->paid_now,
					  r->currency, &cx->err)) < 0)
		return err;
	/* A payment reference (a transfer's, a voucher's) is used once in a
	 * fund: a second use is a payment recorded twice. */
	if (given(in->reference)) {
		long used = 0;
		if ((err = cor_store_fund_reference_used(cx->st, r->office, in->reference, &used)) <
		    0)
			return cor_ctx_store_error(cx, err);
		if (used)
			return cor_error_set(&cx->err, COR_CODE_EXISTS, "reference",
					     "payment reference '%s' is already used in the %s "
					     "fund, by request %ld",
					     in->reference, r->office, used);
	}
	if ((err = cor_store_fund_pay(cx->st, in->id, out->paid_now, in->reference, cx->actor)) <
		    0 ||
	    (err = cor_store_fund_get(cx->st, in->id, r)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

static int op_status(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_status_in *in = vin;
	struct cor_svc_fund_status_out *out = vout;
	struct cor_error f;
	int err;

	assert(in->position && in->request);
	cor_error_clear(&f);
	check_office(&f, in->office);
	check_year(cx, &f, in->year, &out->year);
	if ((err = refuse(cx, &f, "the fund status cannot be shown")) < 0 ||
	    (err = need_office(cx, in->office)) < 0)
		return err;
	if ((err = cor_store_fund_positions(cx->st, in->office, out->year, in->position,
					    in->ctx)) != 0 ||
	    (err = cor_store_fund_requests(cx->st, in->office, out->year, in->request, in->ctx)) !=
		    0)
		return err < 0 ? cor_ctx_store_error(cx, err) : no_memory(cx);
	return 0;
}

struct list_ctx {
	const struct cor_svc_fund_list_in *in;
	bool any_state;
	enum cor_fund_state state;
	long count;
};

static int list_one(const struct cor_fund_request *r, void *vctx)
{
	struct list_ctx *l = vctx;
	if (!l->any_state && r->state != l->state)
		return 0;
	l->count++;
	return l->in->request(r, l->in->ctx);
}

static int op_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_fund_list_in *in = vin;
	struct cor_svc_fund_list_out *out = vout;
	struct list_ctx l = {in, !in->state, COR_FUND_REQUESTED, 0};
	struct cor_error f;
	int err;

	assert(in->request);
	cor_error_clear(&f);
	if (in->office)
		check_office(&f, in->office);
	check_year(cx, &f, in->year, &out->year);
	if (in->state && cor_fund_state_parse(in->state, &l.state) < 0)
		cor_error_cause(&f, COR_CODE_BAD_PARAMETER, "state",
				"the state must be one of requested, approved, rejected");
	if ((err = refuse(cx, &f, "the fund requests cannot be listed")) < 0 ||
	    (in->office && (err = need_office(cx, in->office)) < 0))
		return err;
	err = cor_store_fund_requests(cx->st, in->office, out->year, list_one, &l);
	out->count = l.count;
	if (err != 0)
		return err < 0 ? cor_ctx_store_error(cx, err) : no_memory(cx);
	return 0;
}

static const struct cor_op op_fund_budget = {"fund.budget.set", COR_OP_WRITE, "fund.write",
					     op_budget,
					     "set an office's fund budget for a year and currency"};
static const struct cor_op op_fund_request = {"fund.request", COR_OP_WRITE, "fund.write",
					      op_request, "request help from the fund for a case"};
static const struct cor_op op_fund_decide = {"fund.decide", COR_OP_WRITE, "fund.decide", op_decide,
					     "approve or reject a fund request"};
static const struct cor_op op_fund_pay = {"fund.pay", COR_OP_WRITE, "fund.pay", op_pay,
					  "record a payment on an approved fund request"};
static const struct cor_op op_fund_status = {"fund.status", COR_OP_READ, "fund.read", op_status,
					     "an office's fund position and requests in a year"};
static const struct cor_op op_fund_list = {"fund.list", COR_OP_READ, "fund.read", op_list,
					   "the fund requests of a year"};

const struct cor_op *const cor_ops_fund[] = {
	&op_fund_budget,
	&op_fund_request,
	&op_fund_decide,
	&op_fund_pay,
	&op_fund_status,
	&op_fund_list,
	NULL,
};

int cor_svc_fund_budget_set(struct cor_ctx *cx, const struct cor_svc_fund_budget_in *in,
			    struct cor_svc_fund_budget_out *out)
{
	return cor_service_run(cx, &op_fund_budget, in, out);
}

int cor_svc_fund_request(struct cor_ctx *cx, const struct cor_svc_fund_request_in *in,
			 struct cor_svc_fund_request_out *out)
{
	return cor_service_run(cx, &op_fund_request, in, out);
}

int cor_svc_fund_decide(struct cor_ctx *cx, const struct cor_svc_fund_decide_in *in,
			struct cor_svc_fund_request_out *out)
{
	return cor_service_run(cx, &op_fund_decide, in, out);
}

int cor_svc_fund_pay(struct cor_ctx *cx, const struct cor_svc_fund_pay_in *in,
		     struct cor_svc_fund_request_out *out)
{
	return cor_service_run(cx, &op_fund_pay, in, out);
}

int cor_svc_fund_status(struct cor_ctx *cx, const struct cor_svc_fund_status_in *in,
			struct cor_svc_fund_status_out *out)
{
	return cor_service_run(cx, &op_fund_status, in, out);
}

int cor_svc_fund_list(struct cor_ctx *cx, const struct cor_svc_fund_list_in *in,
		      struct cor_svc_fund_list_out *out)
{
	return cor_service_run(cx, &op_fund_list, in, out);
}

/* ---- JSON ---------------------------------------------------------------- */

static json_t *money(int64_t minor, const char *currency)
{
	char buf[COR_MONEY_LEN];
	return json_string(cor_money_decimal(minor, currency, buf));
}

json_t *cor_svc_fund_request_json(const struct cor_fund_request *r)
{
	return json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o, "
			 "s:o}",
			 "id", (json_int_t)r->id, "case", r->case_ref, "office", r->office, "year",
			 r->year, "reason", r->reason, "kind", r->kind, "amount",
			 money(r->amount, r->currency), "currency", r->currency, "state",
			 cor_fund_state_name(r->state), "paid", money(r->paid, r->currency), "note",
			 cor_json_str(r->note), "requested_by", cor_json_str(r->requested_by),
			 "requested_at", cor_json_str(r->requested_at), "decided_by",
			 cor_json_str(r->decided_by), "decision_note",
			 cor_json_str(r->decision_note));
}

json_t *cor_svc_fund_position_json(const char *currency, const struct cor_fund_position *p)
{
	return json_pack("{s:s, s:o, s:o, s:o, s:o}", "currency", currency, "budget",
			 money(p->budget, currency), "approved", money(p->approved, currency),
			 "paid", money(p->disbursed, currency), "left",
			 money(p->budget - p->approved, currency));
}

json_t *cor_svc_fund_budget_result_json(const struct cor_svc_fund_budget_in *in,
					const struct cor_svc_fund_budget_out *out)
{
	return json_pack("{s:s, s:i, s:s, s:o, s:o}", "office", in->office, "year", out->year,
			 "currency", in->currency, "amount", money(out->amount, in->currency),
			 "previous",
			 out->previous ? money(out->previous, in->currency) : json_null());
}

json_t *cor_svc_fund_pay_result_json(const struct cor_svc_fund_pay_in *in,
				     const struct cor_svc_fund_request_out *out)
{
	return json_pack("{s:o, s:{s:o, s:o}}", "request", cor_svc_fund_request_json(&out->request),
			 "payment", "amount", money(out->paid_now, out->request.currency),
			 "reference", cor_json_str(in->reference));
}

/* Callbacks that append to a document's arrays; non-zero when out of memory. */
struct doc_ctx {
	json_t *positions, *requests;
};

static int doc_position(const char *currency, const struct cor_fund_position *p, void *vctx)
{
	struct doc_ctx *d = vctx;
	return json_array_append_new(d->positions, cor_svc_fund_position_json(currency, p)) ? 1 : 0;
}

static int doc_request(const struct cor_fund_request *r, void *vctx)
{
	struct doc_ctx *d = vctx;
	return json_array_append_new(d->requests, cor_svc_fund_request_json(r)) ? 1 : 0;
}

int cor_svc_fund_status_doc(struct cor_ctx *cx, const struct cor_svc_fund_status_in *in,
			    json_t **doc)
{
	struct doc_ctx d = {json_array(), json_array()};
	struct cor_svc_fund_status_in run = *in;
	struct cor_svc_fund_status_out out;
	run.position = doc_position;
	run.request = doc_request;
	run.ctx = &d;
	*doc = NULL;
	int err = d.positions && d.requests ? cor_svc_fund_status(cx, &run, &out) : no_memory(cx);
	if (err == 0 &&
	    !(*doc = json_pack("{s:s, s:i, s:O, s:O}", "office", in->office, "year", out.year,
			       "positions", d.positions, "requests", d.requests)))
		err = no_memory(cx);
	json_decref(d.positions);
	json_decref(d.requests);
	return err;
}

int cor_svc_fund_list_doc(struct cor_ctx *cx, const struct cor_svc_fund_list_in *in, json_t **doc)
{
	struct doc_ctx d = {NULL, json_array()};
	struct cor_svc_fund_list_in run = *in;
	struct cor_svc_fund_list_out out;
	run.request = doc_request;
	run.ctx = &d;
	*doc = NULL;
	int err = d.requests ? cor_svc_fund_list(cx, &run, &out) : no_memory(cx);
	if (err == 0 &&
	    !(*doc = json_pack("{s:o, s:i, s:o, s:O}", "office", cor_json_str(in->office), "year",
			       out.year, "state", cor_json_str(in->state), "requests", d.requests)))
		err = no_memory(cx);
	json_decref(d.requests);
	return err;
}

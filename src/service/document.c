// SPDX-License-Identifier: Apache-2.0
// document.add, document.list and document.check (see document.h).
#include "service/document.h"

#include <stdio.h>
#include <string.h>

#include "domain/fold.h"
#include "domain/mrz.h"
#include "service/health_int.h"
#include "service/json.h"
#include "store/store_health.h"
#include "store/store_search.h"

/* ---- JSON ------------------------------------------------------------------- */

static json_t *doc_json(const struct cor_document *d)
{
	char exp[COR_DATE_LEN];
	return json_pack("{s:s, s:s, s:s, s:o}", "kind", cor_doc_kind_name(d->kind), "number",
			 d->number, "issuer", d->issuer, "expires_on",
			 d->has_expiry ? json_string(cor_date_format(d->expires_on, exp))
				       : json_null());
}

/* A listed document: where it came from and whether it has expired. */
static json_t *listed_json(const struct cor_document *d, enum cor_doc_source src, bool expired)
{
	json_t *o = doc_json(d);
	if (o) {
		json_object_set_new(o, "source", json_string(cor_doc_source_name(src)));
		json_object_set_new(o, "expired", json_boolean(expired));
	}
	return o;
}

json_t *cor_svc_document_add_json(const struct cor_svc_document_add_out *out)
{
	json_t *held = json_array();
	for (int i = 0; held && i < out->nholders; i++) {
		const struct cor_svc_document_holder *h = &out->holders[i];
		json_t *o = json_pack("{s:s, s:s, s:i}", "person", h->person, "case", h->case_ref,
				      "seq", h->seq);
		if (!o || json_array_append_new(held, o) < 0) {
			json_decref(held);
			held = NULL;
		}
	}
	return json_pack("{s:s, s:o, s:o, s:b}", "person", out->person, "document",
			 listed_json(&out->doc, out->source, out->expired), "also_held_by", held,
			 "also_held_by_more", out->more_holders);
}

/* ---- add -------------------------------------------------------------------- */

/* The field an MRZ-derived problem is reported under: the kind given, or
 * the MRZ's own field. */
static const char *mrz_field(const char *field, char *buf, size_t len)
{
	if (!strcmp(field, "kind"))
		return field;
	snprintf(buf, len, "mrz.%s", field);
	return buf;
}

/* The document of the given fields; every problem a cause, in the order
 * kind, number, issuer, expires. */
static int from_fields(struct cor_ctx *cx, const struct cor_svc_document_add_in *in,
		       const struct cor_person_found *who, struct cor_document *d)
{
	static const char *const order[] = {"kind", "number", "issuer", "expires"};
	struct cor_document_issue issues[COR_DOCUMENT_ISSUES_MAX];
	struct cor_error causes;
	char summary[160];
	bool number_long = strlen(in->number) > COR_DOCNO_MAX, issuer_long = strlen(in->issuer) > 3;

	cor_error_clear(&causes);
	memset(d, 0, sizeof(*d));
	d->kind = in->kind;
	snprintf(d->number, sizeof(d->number), "%s", number_long ? "0" : in->number);
	snprintf(d->issuer, sizeof(d->issuer), "%s", issuer_long ? "" : in->issuer);
	d->has_expiry = in->has_expires;
	d->expires_on = in->expires;
	int n = cor_document_issues(d, &who->p, issues);
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		if (k == 1 && number_long) {
			cor_error_cause(&causes, COR_CODE_INVALID, "number",
					"number: '%s' is longer than %d characters", in->number,
					COR_DOCNO_MAX);
			continue;
		}
		if (k == 2 && issuer_long) {
			cor_error_cause(&causes, COR_CODE_INVALID, "issuer",
					"issuer: '%s' is not an ISO 3166-1 alpha-3 country code",
					in->issuer);
			continue;
		}
		for (int i = 0; i < n; i++)
			if (!strcmp(issues[i].field, order[k]))
				cor_error_cause(&causes, COR_CODE_INVALID, issues[i].field,
						"%s: %s", issues[i].field, issues[i].message);
	}
	if (!causes.ncauses)
		return 0;
	snprintf(summary, sizeof(summary), "the document of '%s' has %d problems", who->ref,
		 causes.ncauses + causes.ncauses_lost);
	return cor_error_refuse(&cx->err, &causes, COR_CODE_INVALID, NULL, false, "%s", summary);
}

/* The document the MRZ describes, checked against the person: every failed
 * check, or every disagreement and problem, a cause. */
static int from_mrz(struct cor_ctx *cx, const struct cor_svc_document_add_in *in,
		    const struct cor_person_found *who, struct cor_document *d)
{
	struct cor_mrz m;
	struct cor_document_issue is, issues[COR_DOCUMENT_MRZ_ISSUES];
	struct cor_document_issue fields[COR_DOCUMENT_ISSUES_MAX];
	struct cor_error causes;
	char summary[160], f[COR_FIELD_MAX];

	cor_error_clear(&causes);
	if (cor_mrz_parse(&m, in->mrz, in->mrz_len, cx->today) < 0) {
		for (int i = 0; i < m.n_checks; i++)
			if (!m.checks[i].ok)
				cor_error_cause(&causes, COR_CODE_INVALID,
						mrz_field(m.checks[i].name, f, sizeof(f)), "%s: %s",
						m.checks[i].name, m.checks[i].message);
		snprintf(summary, sizeof(summary), "the MRZ fails %d check%s", causes.ncauses,
			 causes.ncauses == 1 ? "" : "s");
		return cor_error_refuse(&cx->err, &causes, COR_CODE_INVALID, "mrz", true, "%s",
					summary);
	}
	int n = cor_document_mrz_mismatches(&m, &who->p, issues);
	for (int i = 0; i < n; i++)
		cor_error_cause(&causes, COR_CODE_INVALID, mrz_field(issues[i].field, f, sizeof(f)),
				"%s: %s", issues[i].field, issues[i].message);
	if (cor_document_from_mrz(&m, in->kind, d, &is) < 0) {
		cor_error_cause(&causes, COR_CODE_INVALID, mrz_field(is.field, f, sizeof(f)),
				"%s: %s", is.field, is.message);
	} else {
		int k = cor_document_issues(d, &who->p, fields);
		for (int i = 0; i < k; i++)
			cor_error_cause(&causes, COR_CODE_INVALID,
					mrz_field(fields[i].field, f, sizeof(f)), "%s: %s",
					fields[i].field, fields[i].message);
	}
	if (!causes.ncauses)
		return 0;
	if (n)
		snprintf(summary, sizeof(summary), "the MRZ does not match person '%s'", who->ref);
	else
		snprintf(summary, sizeof(summary), "the MRZ cannot be recorded for '%s'", who->ref);
	return cor_error_refuse(&cx->err, &causes, COR_CODE_INVALID, "mrz", true, "%s", summary);
}

/* Does the person hold d already? */
struct held {
	const struct cor_document *d;
	bool found;
};

static int held_already(const struct cor_document *d, enum cor_doc_source src, void *ctx)
{
	struct held *k = ctx;
	(void)src;
	k->found = cor_document_same(d, k->d);
	return k->found; /* stop at the first */
}

/* A person holding the document's key: kept when of another case. */
struct holders {
	const struct cor_person_found *who;
	struct cor_svc_document_add_out *out;
};

static int other_holder(const struct cor_person_found *f, void *ctx)
{
	struct holders *h = ctx;
	if (f->case_id == h->who->case_id)
		return 0;
	if (h->out->nholders == COR_SVC_HOLDERS_MAX) {
		h->out->more_holders = true;
		return 1;
	}
	struct cor_svc_document_holder *o = &h->out->holders[h->out->nholders++];
	snprintf(o->person, sizeof(o->person), "%s", f->ref);
	snprintf(o->case_ref, sizeof(o->case_ref), "%s", f->c.ref);
	o->seq = f->p.seq;
	return 0;
}

static int op_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_document_add_in *in = vin;
	struct cor_svc_document_add_out *out = vout;
	struct cor_person_found who;
	struct cor_document *d = &out->doc;
	int err;

	memset(out, 0, sizeof(*out));
	if (!in->person || !*in->person)
		return cor_svc_person_find(cx, "person", in->person, &who);
	if (in->mrz) {
		const char *given = in->number        ? "number"
				    : in->issuer      ? "issuer"
				    : in->has_expires ? "expires"
						      : NULL;
		if (given)
			return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, given,
					     "the number, issuer and expiry are read from the MRZ: "
					     "give them only without one");
		if (in->mrz_len > COR_SVC_MRZ_MAX)
			return cor_error_set(&cx->err, COR_CODE_TOO_LARGE, "mrz",
					     "the MRZ text is %zu bytes, more than the %d allowed",
					     in->mrz_len, COR_SVC_MRZ_MAX);
	} else if (in->kind == COR_DOC_NONE) {
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "kind",
				     "give the kind of document (or its MRZ)");
	} else if (!in->number) {
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "number",
				     "give the document number");
	} else if (!in->issuer) {
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "issuer",
				     "give the issuing state's ISO 3166-1 alpha-3 code");
	}
	if ((err = cor_svc_person_find(cx, "person", in->person, &who)) < 0)
		return err;
	if ((err = in->mrz ? from_mrz(cx, in, &who, d) : from_fields(cx, in, &who, d)) < 0)
		return err;
	struct held k = {.d = d};
	if ((err = cor_store_documents_each(cx->st, who.id, held_already, &k)) < 0)
		return cor_ctx_store_error(cx, err);
	if (k.found)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, in->mrz ? "mrz" : "number",
				     "'%s' already has %s %s issued by %s", who.ref,
				     cor_doc_kind_name(d->kind), d->number, d->issuer);
	out->source = in->mrz ? COR_DOC_SOURCE_MRZ : COR_DOC_SOURCE_MANUAL;
	if ((err = cor_store_document_record(cx->st, &who, d, out->source, cx->actor)) < 0)
		return cor_ctx_store_error(cx, err);
	memcpy(out->person, who.ref, sizeof(out->person));
	out->expired = cor_document_expired(d, cx->today);
	/* Its number held in another case: recorded all the same, and said. */
	char key[COR_KEY_MAX];
	struct holders h = {&who, out};
	if (d->kind != COR_DOC_VISA && cor_fold_doc_key(d, key)[0] &&
	    (err = cor_store_keys_persons(cx->st, key, false, NULL, 4 * COR_SVC_HOLDERS_MAX,
					  other_holder, &h)) < 0)
		return cor_ctx_store_error(cx, err);
	return 0;
}

/* ---- list ------------------------------------------------------------------- */

struct listing {
	json_t *docs;
	struct cor_date today;
};

static int add_doc(const struct cor_document *d, enum cor_doc_source src, void *ctx)
{
	struct listing *l = ctx;
	return json_array_append_new(l->docs,
				     listed_json(d, src, cor_document_expired(d, l->today)));
}

static int op_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_document_list_in *in = vin;
	struct cor_svc_document_list_out *out = vout;
	struct cor_person_found who;
	struct listing l = {.today = cx->today};
	int err;

	out->doc = NULL;
	if ((err = cor_svc_person_find(cx, "person", in->person, &who)) < 0)
		return err;
	l.docs = json_array();
	if ((err = cor_store_documents_each(cx->st, who.id, add_doc, &l)) < 0) {
		json_decref(l.docs);
		return cor_ctx_store_error(cx, err);
	}
	out->doc =
		json_pack("{s:o, s:o}", "person", cor_svc_person_json(&who), "documents", l.docs);
	return out->doc ? 0 : cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

/* ---- check ------------------------------------------------------------------ */

struct check {
	const struct cor_case *c;
	const struct cor_svc_document_check_in *in;
	json_t *persons;
	int total, lacking;
};

static int check_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
			void *ctx)
{
	struct check *k = ctx;
	char ref[COR_PERSON_REF_MAX + 8], why[COR_DOCUMENT_MSG_MAX], holder[2 * COR_NAME_MAX + 2];
	int which;
	cor_person_ref_format(ref, sizeof(ref), k->c->ref, p->seq);
	cor_document_holder(p, holder, sizeof(holder));
	bool ok = cor_document_person_can_travel(p, docs, ndocs, k->in->travel_date,
						 k->in->margin_days, &which, why, sizeof(why));
	k->total++;
	k->lacking += !ok;
	return json_array_append_new(k->persons,
				     json_pack("{s:s, s:s, s:b, s:o, s:o}", "person", ref, "holder",
					       holder, "valid", ok, "document",
					       ok ? doc_json(&docs[which]) : json_null(), "reason",
					       ok ? json_null() : json_string(why)));
}

static int op_check(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_document_check_in *in = vin;
	struct cor_svc_document_check_out *out = vout;
	struct cor_case c;
	struct check k = {.c = &c, .in = in};
	char date[COR_DATE_LEN];
	int64_t case_id;
	int err;

	memset(out, 0, sizeof(*out));
	if (!in->case_ref || !*in->case_ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "give a case ID, e.g. LY-TIP-2026-000123");
	if (!in->has_travel_date)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "travel_date",
				     "give the day of travel");
	if (in->margin_days < 0 || in->margin_days > COR_DOCUMENT_MARGIN_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "margin_days",
				     "%d is not a whole number of days from 0 to %d",
				     in->margin_days, COR_DOCUMENT_MARGIN_MAX);
	err = cor_store_case_get(cx->st, in->case_ref, &case_id, &c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     in->case_ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	k.persons = json_array();
	if ((err = cor_store_case_persons(cx->st, case_id, check_person, &k)) < 0) {
		json_decref(k.persons);
		return cor_ctx_store_error(cx, err);
	}
	out->doc = json_pack("{s:s, s:s, s:i, s:o, s:i, s:i}", "case", c.ref, "travel_date",
			     cor_date_format(in->travel_date, date), "margin_days", in->margin_days,
			     "persons", k.persons, "persons_total", k.total, "persons_lacking",
			     k.lacking);
	out->persons = k.total;
	out->lacking = k.lacking;
	return out->doc ? 0 : cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

/* ---- the table -------------------------------------------------------------- */

static const struct cor_op op_document_add = {
	"document.add", COR_OP_WRITE, "document.write", op_add,
	"record a person's document, by hand or from its MRZ"};
static const struct cor_op op_document_list = {"document.list", COR_OP_READ, "document.read",
					       op_list, "a person's documents"};
static const struct cor_op op_document_check = {
	"document.check", COR_OP_READ, "document.read", op_check,
	"does every person of a case hold a travel document valid for a date"};

const struct cor_op *const cor_ops_document[] = {&op_document_add, &op_document_list,
						 &op_document_check, NULL};

int cor_svc_document_add(struct cor_ctx *cx, const struct cor_svc_document_add_in *in,
			 struct cor_svc_document_add_out *out)
{
	return cor_service_run(cx, &op_document_add, in, out);
}

int cor_svc_document_list(struct cor_ctx *cx, const struct cor_svc_document_list_in *in,
			  struct cor_svc_document_list_out *out)
{
	return cor_service_run(cx, &op_document_list, in, out);
}

int cor_svc_document_check(struct cor_ctx *cx, const struct cor_svc_document_check_in *in,
			   struct cor_svc_document_check_out *out)
{
	return cor_service_run(cx, &op_document_check, in, out);
}

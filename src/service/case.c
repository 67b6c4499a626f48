// SPDX-License-Identifier: Apache-2.0
// case.list, case.show, case.available, office.list, office.add and stats
// (see case.h).
#include "service/case.h"

#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "domain/needs.h"
#include "domain/stats.h"
#include "service/json.h"
#include "service/summary.h"
#include "store/store_facts.h"
#include "store/store_plan.h"
#include "store/store_movement.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static json_t *date_json(struct cor_date d)
{
	char buf[COR_DATE_LEN];
	return d.year ? json_string(cor_date_format(d, buf)) : json_null();
}

/* The office code must name an office: OFFICE_NOT_FOUND otherwise. */
static int office_exists(struct cor_ctx *cx, const char *code)
{
	struct cor_office o;
	int err = cor_store_office_get(cx->st, code, &o);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* The case ref must be one and name a case: its id and record. */
static int find_case(struct cor_ctx *cx, const char *ref, int64_t *id, struct cor_case *c)
{
	char office[8];
	int year;
	long seq;
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "which case? give a case ID like LY-TIP-2026-000123");
	if (cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "'%s' is not a case ID like LY-TIP-2026-000123", ref);
	int err = cor_store_case_get(cx->st, ref, id, c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- case.list -------------------------------------------------------------- */

int cor_svc_case_filter_check(struct cor_error *e, const struct cor_case_filter *f)
{
	if (f->programme && !cor_programme_find(f->programme))
		return cor_error_set(e, COR_CODE_BAD_PARAMETER, "programme",
				     "'%s' is not a programme", f->programme);
	if (f->office && !cor_office_code_is_valid(f->office))
		return cor_error_set(e, COR_CODE_BAD_PARAMETER, "office",
				     "'%s' is not an office code like LY-TIP", f->office);
	if (f->state && !cor_state_is_valid(f->state))
		return cor_error_set(e, COR_CODE_BAD_PARAMETER, "state", "'%s' is not a case state",
				     f->state);
	if (f->nationality && !cor_nationality_is_valid(f->nationality))
		return cor_error_set(e, COR_CODE_BAD_PARAMETER, "nationality",
				     "'%s' is not an ISO 3166-1 alpha-3 code", f->nationality);
	if (f->limit < 0)
		return cor_error_set(e, COR_CODE_BAD_PARAMETER, "limit",
				     "%ld is not a number of cases", f->limit);
	return 0;
}

int cor_svc_case_filter_resolve(struct cor_ctx *cx, const struct cor_case_filter *f)
{
	int err = cor_svc_case_filter_check(&cx->err, f);
	return err < 0 ? err : f->office ? office_exists(cx, f->office) : 0;
}

struct list_run {
	const struct cor_svc_case_list_in *in;
	long shown;
};

static int list_one(const struct cor_case_summary *s, void *ctx)
{
	struct list_run *r = ctx;
	r->shown++;
	return r->in->each ? r->in->each(s, r->in->ctx) : 0;
}

static int op_case_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_list_in *in = vin;
	struct cor_svc_case_list_out *out = vout;
	struct list_run r = {in, 0};
	int err;
	out->shown = out->total = 0;
	if ((err = cor_svc_case_filter_resolve(cx, &in->filter)) < 0)
		return err;
	/* A callback that stops the list ends it early: not a failure. */
	if ((err = cor_store_case_list(cx->st, &in->filter, list_one, &r)) < 0)
		return cx->err.code ? err : cor_ctx_store_error(cx, err);
	if ((err = cor_store_case_count(cx->st, &in->filter, &out->total)) < 0)
		return cor_ctx_store_error(cx, err);
	out->shown = r.shown;
	return 0;
}

json_t *cor_svc_case_summary_json(const struct cor_case_summary *s)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:o, s:o, s:o}", "ref", s->c.ref,
			 "programme", s->c.programme, "office", s->c.office, "state", s->c.state,
			 "priority", cor_priority_name(s->c.priority), "persons", s->persons,
			 "origin", s->c.origin, "destination", s->c.destination, "registered_on",
			 date_json(s->c.registered_on), "nationality", cor_json_str(s->nationality),
			 "principal", cor_json_str(s->principal));
}

/* ---- case.show -------------------------------------------------------------- */

/* A ';'-separated list as an array, each item through item(). */
static json_t *split_json(const char *list, json_t *(*item)(const char *code))
{
	json_t *a = json_array();
	for (const char *s = list; a && *s;) {
		char code[COR_NEEDS_MAX + 1];
		size_t n = strcspn(s, ";");
		if (n && n < sizeof(code)) {
			memcpy(code, s, n);
			code[n] = '\0';
			json_array_append_new(a, item(code));
		}
		s += n + (s[n] != '\0');
	}
	return a;
}

static json_t *language_json(const char *code)
{
	return json_string(code);
}

static json_t *need_json(const char *code)
{
	const struct cor_need *need = cor_need_find(code);
	return json_pack("{s:s, s:o}", "code", code, "meaning",
			 cor_json_str(need ? need->meaning : NULL));
}

struct show_run {
	const struct cor_case *c;
	json_t *persons, *history;
};

static int show_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
		       void *ctx)
{
	struct show_run *r = ctx;
	char ref[COR_PERSON_REF_MAX + 8];
	json_t *d = json_array();
	for (int i = 0; d && i < ndocs; i++)
		json_array_append_new(
			d,
			json_pack("{s:s, s:s, s:s, s:o}", "kind", cor_doc_kind_name(docs[i].kind),
				  "number", docs[i].number, "issuer", docs[i].issuer, "expires_on",
				  docs[i].has_expiry ? date_json(docs[i].expires_on)
						     : json_null()));
	cor_person_ref_format(ref, sizeof(ref), r->c->ref, p->seq);
	json_t *o = json_pack(
		"{s:s, s:o, s:i, s:s, s:s, s:s, s:s, s:s, s:s%, s:o, s:b, s:s, s:o, s:o, s:o}",
		"ref", ref, "uid", cor_json_str(p->uid[0] ? p->uid : NULL), "seq", p->seq,
		"relationship", cor_relationship_name(p->relationship), "family_name",
		p->family_name, "given_names", p->given_names, "family_name_latin",
		p->family_name_latin, "given_names_latin", p->given_names_latin, "sex", &p->sex,
		(size_t)1, "birth_date", date_json(p->birth_date), "birth_date_approx",
		p->birth_date_approx, "nationality", p->nationality, "languages",
		split_json(p->languages, language_json), "needs", split_json(p->needs, need_json),
		"documents", d);
	return o && !json_array_append_new(r->persons, o) ? 0 : COR_ENOMEM;
}

static int show_event(const struct cor_event *e, void *ctx)
{
	struct show_run *r = ctx;
	bool change = e->field && *e->field;
	json_t *o =
		json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "at", e->at, "actor",
			  e->actor, "action", e->action, "detail", e->detail, "reason",
			  cor_json_str(e->reason), "field", cor_json_str(change ? e->field : NULL),
			  "before", change ? json_string(e->before ? e->before : "") : json_null(),
			  "after", change ? json_string(e->after ? e->after : "") : json_null());
	return o && !json_array_append_new(r->history, o) ? 0 : COR_ENOMEM;
}

static json_t *case_json(const struct cor_case *c)
{
	const struct cor_programme *p = cor_programme_find(c->programme);
	return json_pack("{s:s, s:o, s:s, s:o, s:s, s:s, s:o, s:s, s:o, s:s, s:s, s:o}", "ref",
			 c->ref, "uid", cor_json_str(c->uid[0] ? c->uid : NULL), "programme",
			 c->programme, "programme_name", cor_json_str(p ? p->name : NULL), "office",
			 c->office, "origin", c->origin, "origin_name",
			 cor_json_str(cor_country_name(c->origin)), "destination", c->destination,
			 "destination_name", cor_json_str(cor_country_name(c->destination)),
			 "state", c->state, "priority", cor_priority_name(c->priority),
			 "registered_on", date_json(c->registered_on));
}

static int op_case_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_show_in *in = vin;
	struct cor_svc_case_show_out *out = vout;
	struct cor_case c;
	int64_t id;
	int err;

	out->doc = NULL;
	if ((err = find_case(cx, in->ref, &id, &c)) < 0)
		return err;
	/* First where it stands, then its records. */
	json_t *summary;
	if ((err = cor_svc_case_summary(cx, id, &c, &summary)) < 0)
		return err;
	struct show_run r = {&c, json_array(), json_array()};
	json_t *doc = json_pack("{s:o, s:o, s:o, s:o}", "case", case_json(&c), "summary", summary,
				"persons", r.persons, "history", r.history);
	if (!doc)
		return no_memory(cx);
	/* Where it is: its location, its office when it has none. */
	char loc[COR_LOCATION_CODE_MAX + 1];
	if ((err = cor_store_case_location(cx->st, c.ref, loc)) < 0) {
		json_decref(doc);
		return cor_ctx_store_error(cx, err);
	}
	json_object_set_new(json_object_get(doc, "case"), "location",
			    json_string(loc[0] ? loc : c.office));
	if ((err = cor_store_case_persons(cx->st, id, show_person, &r)) == 0)
		err = cor_store_case_events(cx->st, id, show_event, &r);
	if (err < 0) {
		json_decref(doc);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	out->doc = doc;
	return 0;
}

/* ---- case.available --------------------------------------------------------- */

static int op_case_available(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_available_in *in = vin;
	int64_t id;
	int err;
	if (in->reason && (strlen(in->reason) > COR_REASON_MAX || !cor_text_is_clean(in->reason)))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "the reason must be at most %d bytes of text", COR_REASON_MAX);
	if ((err = find_case(cx, in->ref, &id, NULL)) < 0)
		return err;
	err = cor_store_case_available(cx->st, in->ref, in->on, cx->actor,
				       in->reason ? in->reason : "");
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- offices ------------------------------------------------------------------ */

static int office_row(const struct cor_office *o, void *ctx)
{
	json_t *row = json_pack("{s:s, s:s, s:s}", "code", o->code, "country", o->country, "name",
				o->name);
	return row && !json_array_append_new(ctx, row) ? 0 : COR_ENOMEM;
}

static int op_office_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct cor_svc_office_list_out *out = vout;
	json_t *a = json_array();
	int err;
	out->doc = NULL;
	if (!a)
		return no_memory(cx);
	if ((err = cor_store_office_list(cx->st, office_row, a)) < 0) {
		json_decref(a);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	out->doc = json_pack("{s:o}", "offices", a);
	return out->doc ? 0 : no_memory(cx);
}

static int op_office_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_office *o = vin;
	size_t n = strnlen(o->name, sizeof(o->name));
	if (!cor_office_code_is_valid(o->code))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "code",
				     "'%s' is not an office code like LY-TIP", o->code);
	if (!cor_country_is_iso3(o->country))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "country",
				     "'%s' is not an ISO 3166-1 alpha-3 country code", o->country);
	if (n == 0 || n >= sizeof(o->name) || !cor_text_is_clean(o->name))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "name",
				     "the office's name must be 1 to %zu bytes of text",
				     sizeof(o->name) - 1);
	const char *a2 = cor_country_alpha2(o->country);
	if (strncmp(o->code, a2, 2))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "code",
				     "'%s' must start with %s, the code of %s", o->code, a2,
				     o->country);
	int err = cor_store_office_add(cx->st, o);
	if (err == COR_EEXIST)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "code",
				     "office '%s' already exists", o->code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- stats ----------------------------------------------------------------------- */

static const struct {
	enum cor_stat_dim dim;
	const char *key;
} stat_dims[] = {
	{COR_STAT_PROGRAMME, "by_programme"},     {COR_STAT_STATE, "by_state"},
	{COR_STAT_PRIORITY, "by_priority"},       {COR_STAT_OFFICE, "by_office"},
	{COR_STAT_DESTINATION, "by_destination"}, {COR_STAT_NATIONALITY, "by_nationality"},
	{COR_STAT_SEX_AGE, "by_sex_age"},         {COR_STAT_NEED, "by_need"},
	{COR_STAT_DOCUMENT, "by_document"},
};

static int stat_add(const struct cor_person_facts *f, void *ctx)
{
	return cor_stats_add(ctx, f);
}

static int stat_row(const struct cor_stat_row *r, void *ctx)
{
	json_t *row = json_pack("{s:s, s:I, s:I}", "key", r->key, "cases", (json_int_t)r->cases,
				"persons", (json_int_t)r->persons);
	return row && !json_array_append_new(ctx, row) ? 0 : COR_ENOMEM;
}

static int op_stats(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_stats_in *in = vin;
	struct cor_svc_stats_out *out = vout;
	struct cor_date on = in && in->on ? *in->on : cx->today;
	long cases, persons, docs, events;
	json_t *doc = NULL;
	int err;

	out->doc = NULL;
	struct cor_stats *agg = cor_stats_new(on);
	if (!agg)
		return no_memory(cx);
	if ((err = cor_store_totals(cx->st, &cases, &persons, &docs, &events)) < 0 ||
	    (err = cor_store_person_facts_each(cx->st, stat_add, agg)) < 0) {
		cor_stats_free(agg);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	doc = json_pack("{s:o, s:{s:I, s:I, s:I, s:I}}", "as_of", date_json(on), "totals", "cases",
			(json_int_t)cases, "persons", (json_int_t)persons, "documents",
			(json_int_t)docs, "events", (json_int_t)events);
	for (size_t i = 0; doc && i < ROWS(stat_dims); i++) {
		json_t *a = json_array();
		if (json_object_set_new(doc, stat_dims[i].key, a) < 0 ||
		    cor_stats_each(agg, stat_dims[i].dim, stat_row, a) != 0) {
			json_decref(doc);
			doc = NULL;
		}
	}
	cor_stats_free(agg);
	if (!doc)
		return no_memory(cx);
	out->doc = doc;
	return 0;
}

/* ---- stats.flows ----------------------------------------------------------------- */

static int flow_add(const struct cor_case_travel *t, void *ctx)
{
	cor_flows_add(ctx, t);
	return 0;
}

static json_t *flow_json(long cases, long persons)
{
	return json_pack("{s:I, s:I}", "cases", (json_int_t)cases, "persons", (json_int_t)persons);
}

static json_t *flow_row_json(const struct cor_flow_row *r)
{
	return json_pack("{s:o, s:o}", "departed",
			 flow_json(r->departed_cases, r->departed_persons), "arrived",
			 flow_json(r->arrived_cases, r->arrived_persons));
}

static int op_stats_flows(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_stats_flows_in *in = vin;
	struct cor_svc_stats_out *out = vout;
	char msg[128];
	int err;

	out->doc = NULL;
	if (!in->from || !in->to)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, in->from ? "to" : "from",
				     "a period needs its first and its last day");
	if (cor_flows_period_check(*in->from, *in->to, msg, sizeof(msg)) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "to", "%s", msg);
	struct cor_case_filter f = {.programme = in->programme, .office = in->office};
	if ((err = cor_svc_case_filter_resolve(cx, &f)) < 0)
		return err;
	struct cor_flows *fl = cor_flows_new(*in->from, *in->to);
	if (!fl)
		return no_memory(cx);
	struct cor_facts_query q = {.programme = in->programme, .office = in->office};
	if ((err = cor_store_travel_each(cx->st, &q, flow_add, fl)) < 0) {
		cor_flows_free(fl);
		return cor_ctx_store_error(cx, err);
	}
	json_t *months = json_array();
	for (size_t i = 0; months && i < cor_flows_months(fl); i++) {
		const struct cor_flow_row *r = cor_flows_row(fl, i);
		char month[8];
		snprintf(month, sizeof(month), "%04d-%02d", r->year, r->month);
		json_t *row = json_pack("{s:s, s:o, s:o}", "month", month, "departed",
					flow_json(r->departed_cases, r->departed_persons),
					"arrived", flow_json(r->arrived_cases, r->arrived_persons));
		if (!row || json_array_append_new(months, row) < 0) {
			json_decref(months);
			months = NULL;
		}
	}
	struct cor_flow_row total = cor_flows_total(fl);
	cor_flows_free(fl);
	json_t *doc = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "from", date_json(*in->from),
				"to", date_json(*in->to), "office", cor_json_str(in->office),
				"programme", cor_json_str(in->programme), "months", months, "total",
				flow_row_json(&total));
	if (!doc)
		return no_memory(cx);
	out->doc = doc;
	return 0;
}

/* ---- the table ------------------------------------------------------------------- */

static const struct cor_op op_list = {"case.list", COR_OP_READ, "case.read", op_case_list,
				      "the cases a filter selects, oldest registration first"};
static const struct cor_op op_show = {"case.show", COR_OP_READ, "case.read", op_case_show,
				      "a case's summary, then its persons, documents and history"};
static const struct cor_op op_available = {"case.available", COR_OP_WRITE, "case.write",
					   op_case_available,
					   "set the day from which a case can travel"};
static const struct cor_op op_olist = {"office.list", COR_OP_READ, "office.read", op_office_list,
				       "the offices, in code order"};
static const struct cor_op op_oadd = {"office.add", COR_OP_WRITE, "office.write", op_office_add,
				      "add an office"};
static const struct cor_op op_stat = {"stats.show", COR_OP_READ, "stats.read", op_stats,
				      "the caseload in aggregate: counts only"};
static const struct cor_op op_flows = {"stats.flows", COR_OP_READ, "stats.read", op_stats_flows,
				       "departures and arrivals per month over a period"};

const struct cor_op *const cor_ops_case[] = {&op_list, &op_show, &op_available, &op_olist,
					     &op_oadd, &op_stat, &op_flows,     NULL};

int cor_svc_case_list(struct cor_ctx *cx, const struct cor_svc_case_list_in *in,
		      struct cor_svc_case_list_out *out)
{
	return cor_service_run(cx, &op_list, in, out);
}

int cor_svc_case_show(struct cor_ctx *cx, const struct cor_svc_case_show_in *in,
		      struct cor_svc_case_show_out *out)
{
	return cor_service_run(cx, &op_show, in, out);
}

int cor_svc_case_available(struct cor_ctx *cx, const struct cor_svc_case_available_in *in)
{
	return cor_service_run(cx, &op_available, in, NULL);
}

int cor_svc_office_list(struct cor_ctx *cx, struct cor_svc_office_list_out *out)
{
	return cor_service_run(cx, &op_olist, NULL, out);
}

int cor_svc_office_add(struct cor_ctx *cx, const struct cor_office *in)
{
	return cor_service_run(cx, &op_oadd, in, NULL);
}

int cor_svc_stats(struct cor_ctx *cx, const struct cor_svc_stats_in *in,
		  struct cor_svc_stats_out *out)
{
	return cor_service_run(cx, &op_stat, in, out);
}

int cor_svc_stats_flows(struct cor_ctx *cx, const struct cor_svc_stats_flows_in *in,
			struct cor_svc_stats_out *out)
{
	return cor_service_run(cx, &op_flows, in, out);
}

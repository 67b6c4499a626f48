// SPDX-License-Identifier: Apache-2.0
// health.check, health.assess, health.show and health.show_clinical (see
// health.h), and what they share with the document operations
// (health_int.h).
#include "service/health.h"

#include <stdio.h>
#include <string.h>

#include "service/health_int.h"
#include "service/json.h"
#include "store/store_health.h"
#include "util/tz.h"

/* ---- shared with document.c ----------------------------------------------- */

int cor_svc_person_find(struct cor_ctx *cx, const char *field, const char *ref,
			struct cor_person_found *who)
{
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, field,
				     "give a person ID, e.g. LY-TIP-2026-000123-01");
	int err = cor_store_person_find(cx->st, ref, who);
	if (err == COR_EINVAL)
		return cor_error_set(&cx->err, COR_CODE_INVALID, field, "%s",
				     cor_store_errmsg(cx->st));
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_PERSON_NOT_FOUND, field, "%s",
				     cor_store_errmsg(cx->st));
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_person_json(const struct cor_person_found *who)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s}", "id", who->ref, "case", who->c.ref,
			 "family_name_latin", cor_json_str(who->p.family_name_latin),
			 "given_names_latin", cor_json_str(who->p.given_names_latin), "programme",
			 who->c.programme, "origin", who->c.origin, "destination",
			 who->c.destination);
}

/* ---- JSON ----------------------------------------------------------------- */

static json_t *check_json(const struct cor_health_check *h, int64_t id)
{
	char at[COR_HEALTH_TIME_LEN];
	const char *ssr[COR_HEALTH_SSR_MAX];
	json_t *conds = json_array(), *codes = json_array();
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++)
		if (h->conditions & COR_HEALTH_COND_BIT(c))
			json_array_append_new(conds, json_string(cor_health_condition_name(c)));
	int n = cor_health_ssr_codes(h->conditions, ssr);
	for (int i = 0; i < n; i++)
		json_array_append_new(codes, json_string(ssr[i]));
	return json_pack("{s:I, s:s, s:s, s:o, s:s, s:o, s:o, s:o}", "id", (json_int_t)id, "kind",
			 cor_health_kind_name(h->kind), "at", cor_health_time_format(h->at, at),
			 "examiner", cor_json_str(h->examiner), "outcome",
			 cor_health_outcome_name(h->outcome), "conditions", conds, "ssr_codes",
			 codes, "tb_class", cor_json_str(cor_health_tb_name(h->tb)));
}

json_t *cor_svc_health_record_json(const struct cor_svc_health_record_out *out)
{
	return json_pack("{s:s, s:s, s:o, s:b, s:o}", "person", out->person, "case", out->case_ref,
			 "check", check_json(&out->check, out->id), "note_kept", out->note_kept,
			 "taken_off", cor_svc_taken_off_json(&out->taken_off));
}

/* ---- check, assess ---------------------------------------------------------- */

/* The clock's minute: what "now" is for a record kept to the minute. */
static int64_t now_minute(const struct cor_ctx *cx)
{
	int64_t t = 0;
	cor_time_parse_utc(cx->now, &t); /* cor_ctx_set_now checked it */
	return cor_health_time_floor(t);
}

static int record(struct cor_ctx *cx, enum cor_health_kind kind,
		  const struct cor_svc_health_record_in *in, struct cor_svc_health_record_out *out)
{
	struct cor_person_found who;
	struct cor_health_issue issues[COR_HEALTH_ISSUES_MAX], is;
	struct cor_health_check *h = &out->check;
	struct cor_error causes;
	char a[COR_HEALTH_TIME_LEN], b[COR_HEALTH_TIME_LEN], summary[160];
	int64_t now = now_minute(cx);
	int err;

	memset(out, 0, sizeof(*out));
	if (!in->person || !*in->person)
		return cor_svc_person_find(cx, "person", in->person, &who);
	if (in->outcome == COR_HEALTH_OUTCOME_NONE)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "outcome",
				     "give the outcome: fit, fit_with_conditions, unfit or "
				     "deferred");
	if ((err = cor_svc_person_find(cx, "person", in->person, &who)) < 0)
		return err;

	/* Every rule broken, each a cause. */
	cor_error_clear(&causes);
	h->kind = kind;
	h->outcome = in->outcome;
	h->conditions = in->conditions;
	h->tb = in->tb;
	h->at = in->has_at ? in->at : now;
	const char *examiner = in->examiner ? in->examiner : cx->actor;
	bool examiner_ok = *examiner && strlen(examiner) <= COR_NAME_MAX;
	if (examiner_ok)
		memcpy(h->examiner, examiner, strlen(examiner) + 1);
	int n = cor_health_check_issues(h, who.c.destination, issues);
	for (int i = 0; i < n; i++)
		cor_error_cause(&causes, COR_CODE_INVALID, issues[i].field, "%s: %s",
				issues[i].field, issues[i].message);
	if (h->at > now)
		cor_error_cause(&causes, COR_CODE_INVALID, "at",
				"at: %s is in the future (now is %s)",
				cor_health_time_format(h->at, a), cor_health_time_format(now, b));
	if (!examiner_ok)
		cor_error_cause(&causes, COR_CODE_INVALID, "examiner",
				"examiner: give a name of 1 to %d bytes", COR_NAME_MAX);
	if (in->note && cor_health_note_validate(in->note, &is) < 0)
		cor_error_cause(&causes, COR_CODE_INVALID, is.field, "%s: %s", is.field,
				is.message);
	if (causes.ncauses) {
		snprintf(summary, sizeof(summary), "the %s of '%s' breaks %d rules",
			 kind == COR_HEALTH_FITNESS ? "fitness-to-travel check"
						    : "pre-migration health assessment",
			 who.ref, causes.ncauses + causes.ncauses_lost);
		return cor_error_refuse(&cx->err, &causes, COR_CODE_INVALID, NULL, false, "%s",
					summary);
	}

	if ((err = cor_store_health_add(cx->st, &who, h, cx->actor, &out->id)) < 0 ||
	    (in->note &&
	     (err = cor_store_health_notes_add(cx->st, &who, out->id, cx->actor, in->note)) < 0))
		return cor_ctx_store_error(cx, err);
	memcpy(out->person, who.ref, sizeof(out->person));
	memcpy(out->case_ref, who.c.ref, sizeof(out->case_ref));
	out->note_kept = in->note != NULL;
	/* Nobody unsafe leaves: found unfit or deferred, off the movement at
	 * once. */
	if (kind == COR_HEALTH_FITNESS &&
	    (h->outcome == COR_HEALTH_UNFIT || h->outcome == COR_HEALTH_DEFERRED)) {
		char why[96];
		if (h->outcome == COR_HEALTH_UNFIT)
			snprintf(why, sizeof(why), "%s found unfit to travel", who.ref);
		else
			snprintf(why, sizeof(why), "the fitness to travel of %s was deferred",
				 who.ref);
		return cor_svc_take_off(cx, who.c.ref, why, &out->taken_off);
	}
	return 0;
}

static int op_check(struct cor_ctx *cx, const void *in, void *out)
{
	return record(cx, COR_HEALTH_FITNESS, in, out);
}

static int op_assess(struct cor_ctx *cx, const void *in, void *out)
{
	return record(cx, COR_HEALTH_PRE_MIGRATION, in, out);
}

/* ---- show ------------------------------------------------------------------- */

static int add_check(const struct cor_health_check *h, int64_t id, void *ctx)
{
	return json_array_append_new(ctx, check_json(h, id));
}

static int add_note(const struct cor_health_note *n, void *ctx)
{
	char at[COR_HEALTH_TIME_LEN];
	return json_array_append_new(
		ctx,
		json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "check_id", (json_int_t)n->check_id,
			  "kind", cor_health_kind_name(n->kind), "check_at",
			  cor_health_time_format(n->check_at, at), "written_at", n->written_at,
			  "author", n->author ? n->author : "", "text", n->text ? n->text : ""));
}

/* The latest check of kind, or null; *h gets it (kind COR_HEALTH_KIND__N
 * when there is none). */
static int latest(struct cor_ctx *cx, int64_t person, enum cor_health_kind kind,
		  struct cor_health_check *h, json_t **out)
{
	int64_t id;
	int err = cor_store_health_latest(cx->st, person, kind, h, &id);
	if (err == COR_ENOTFOUND) {
		h->kind = COR_HEALTH_KIND__N;
		*out = json_null();
		return 0;
	}
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	*out = check_json(h, id);
	return 0;
}

static int show(struct cor_ctx *cx, const struct cor_svc_health_show_in *in,
		struct cor_svc_health_show_out *out, bool clinical)
{
	struct cor_person_found who;
	struct cor_health_check fit, pre;
	json_t *jfit = NULL, *jpre = NULL, *history = NULL, *notes = NULL, *departure;
	char at[COR_HEALTH_TIME_LEN], why[COR_HEALTH_MSG_MAX];
	int window = in->window_hours ? in->window_hours : COR_HEALTH_WINDOW_HOURS, err;

	out->doc = NULL;
	if (window < 1 || window > COR_HEALTH_WINDOW_HOURS_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "window_hours",
				     "%d is not a whole number of hours from 1 to %d", window,
				     COR_HEALTH_WINDOW_HOURS_MAX);
	if ((err = cor_svc_person_find(cx, "person", in->person, &who)) < 0)
		return err;
	history = json_array();
	if ((err = latest(cx, who.id, COR_HEALTH_FITNESS, &fit, &jfit)) < 0 ||
	    (err = latest(cx, who.id, COR_HEALTH_PRE_MIGRATION, &pre, &jpre)) < 0)
		goto fail;
	if ((err = cor_store_health_each(cx->st, who.id, add_check, history)) < 0) {
		err = cor_ctx_store_error(cx, err);
		goto fail;
	}
	if (clinical) {
		notes = json_array();
		if ((err = cor_store_health_notes_each(cx->st, who.id, add_note, notes)) < 0) {
			err = cor_ctx_store_error(cx, err);
			goto fail;
		}
	}
	departure = json_null();
	if (in->has_departure) {
		bool ok = false;
		if (fit.kind == COR_HEALTH_KIND__N)
			snprintf(why, sizeof(why), "no fitness-to-travel check recorded");
		else
			ok = cor_health_clears_travel(&fit, in->departure, window, why,
						      sizeof(why));
		json_decref(departure);
		departure =
			json_pack("{s:s, s:i, s:b, s:o}", "at",
				  cor_health_time_format(in->departure, at), "window_hours", window,
				  "valid", ok, "reason", ok ? json_null() : json_string(why));
	}
	out->doc = json_pack("{s:o, s:o, s:o, s:o, s:o}", "person", cor_svc_person_json(&who),
			     "fitness_to_travel", jfit, "pre_migration", jpre, "departure",
			     departure, "history", history);
	if (out->doc && notes)
		json_object_set_new(out->doc, "clinical_notes", notes);
	else
		json_decref(notes);
	return out->doc ? 0 : cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
fail:
	json_decref(jfit);
	json_decref(jpre);
	json_decref(history);
	json_decref(notes);
	return err;
}

static int op_show(struct cor_ctx *cx, const void *in, void *out)
{
	return show(cx, in, out, false);
}

static int op_show_clinical(struct cor_ctx *cx, const void *in, void *out)
{
	return show(cx, in, out, true);
}

/* ---- the table -------------------------------------------------------------- */

static const struct cor_op op_health_check = {"health.check", COR_OP_WRITE, "health.write",
					      op_check,
					      "record a fitness-to-travel check and its note"};
static const struct cor_op op_health_assess = {
	"health.assess", COR_OP_WRITE, "health.write", op_assess,
	"record a pre-migration health assessment and its note"};
static const struct cor_op op_health_show = {"health.show", COR_OP_READ, "health.read", op_show,
					     "a person's travel-relevant health outcome"};
static const struct cor_op op_health_show_clinical = {
	"health.show_clinical", COR_OP_READ, "health.clinical", op_show_clinical,
	"a person's health outcome and clinical notes (medical staff)"};

const struct cor_op *const cor_ops_health[] = {&op_health_check, &op_health_assess, &op_health_show,
					       &op_health_show_clinical, NULL};

int cor_svc_health_check(struct cor_ctx *cx, const struct cor_svc_health_record_in *in,
			 struct cor_svc_health_record_out *out)
{
	return cor_service_run(cx, &op_health_check, in, out);
}

int cor_svc_health_assess(struct cor_ctx *cx, const struct cor_svc_health_record_in *in,
			  struct cor_svc_health_record_out *out)
{
	return cor_service_run(cx, &op_health_assess, in, out);
}

int cor_svc_health_show(struct cor_ctx *cx, const struct cor_svc_health_show_in *in,
			struct cor_svc_health_show_out *out)
{
	return cor_service_run(cx, in->clinical ? &op_health_show_clinical : &op_health_show, in,
			       out);
}

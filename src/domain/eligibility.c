// SPDX-License-Identifier: Apache-2.0
// The eligibility evaluation: one function per criterion, chosen by the
// rows of the case's programme table, each adding one struct cor_unmet per
// unmet criterion into the caller's buffer; and the sentences for those
// records, written only when someone reads them.
//
// Invariants: no allocation and no I/O; an evaluation never stops at the
// first failure; records carry values, not text, and everything a sentence
// needs is in the record, the facts it came from, or the rule it points at.
#include "domain/eligibility.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/needs.h"
#include "util/error.h"
#include "util/out.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Names of the fact enums ------------------------------------------ */

static const char *const fitness_names[] = {"", "fit", "fit_with_conditions", "unfit", "deferred"};
static const char *const tb_names[] = {"",   "none", "A", "B1_pulmonary", "B1_extrapulmonary",
				       "B2", "B3"};
static const char *const risk_names[] = {"", "none", "low", "medium", "high"};
static const char *const decision_names[] = {"", "yes", "no"};
static const char *const selection_names[] = {"", "submitted", "interviewed", "accepted",
					      "rejected"};

_Static_assert(ROWS(fitness_names) == COR_FITNESS__N, "fitness names");
_Static_assert(ROWS(tb_names) == COR_TB__N, "TB names");
_Static_assert(ROWS(risk_names) == COR_RISK__N, "risk names");
_Static_assert(ROWS(decision_names) == COR_DECISION__N, "decision names");
_Static_assert(ROWS(selection_names) == COR_SELECTION__N, "selection names");

static const char *name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "?";
}

static int parse_of(const char *const *names, int n, const char *s, int *out)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], s)) {
			*out = i;
			return 0;
		}
	return COR_EINVAL;
}

const char *cor_fitness_name(enum cor_fitness v)
{
	return name_of(fitness_names, COR_FITNESS__N, (int)v);
}

const char *cor_tb_class_name(enum cor_tb_class v)
{
	return name_of(tb_names, COR_TB__N, (int)v);
}

const char *cor_risk_name(enum cor_risk v)
{
	return name_of(risk_names, COR_RISK__N, (int)v);
}

const char *cor_decision_name(enum cor_decision v)
{
	return name_of(decision_names, COR_DECISION__N, (int)v);
}

const char *cor_selection_name(enum cor_selection v)
{
	return name_of(selection_names, COR_SELECTION__N, (int)v);
}

int cor_fitness_parse(const char *s, enum cor_fitness *out)
{
	int v;
	if (parse_of(fitness_names, COR_FITNESS__N, s, &v) < 0)
		return COR_EINVAL;
	*out = (enum cor_fitness)v;
	return 0;
}

int cor_tb_class_parse(const char *s, enum cor_tb_class *out)
{
	int v;
	if (parse_of(tb_names, COR_TB__N, s, &v) < 0)
		return COR_EINVAL;
	*out = (enum cor_tb_class)v;
	return 0;
}

int cor_risk_parse(const char *s, enum cor_risk *out)
{
	int v;
	if (parse_of(risk_names, COR_RISK__N, s, &v) < 0)
		return COR_EINVAL;
	*out = (enum cor_risk)v;
	return 0;
}

int cor_decision_parse(const char *s, enum cor_decision *out)
{
	int v;
	if (parse_of(decision_names, COR_DECISION__N, s, &v) < 0)
		return COR_EINVAL;
	*out = (enum cor_decision)v;
	return 0;
}

int cor_selection_parse(const char *s, enum cor_selection *out)
{
	int v;
	if (parse_of(selection_names, COR_SELECTION__N, s, &v) < 0)
		return COR_EINVAL;
	*out = (enum cor_selection)v;
	return 0;
}

/* ---- Codes ------------------------------------------------------------ */

static const struct {
	const char *name;
	enum cor_criterion criterion;
} codes[] = {
	[COR_UNMET_NO_PRINCIPAL] = {"NO_PRINCIPAL", COR_CRIT_PRINCIPAL},
	[COR_UNMET_SEVERAL_PRINCIPALS] = {"SEVERAL_PRINCIPALS", COR_CRIT_PRINCIPAL},
	[COR_UNMET_NOT_COUNSELLED] = {"NOT_COUNSELLED", COR_CRIT_COUNSELLED},
	[COR_UNMET_NO_INFORMED_DECISION] = {"NO_INFORMED_DECISION", COR_CRIT_DECISION},
	[COR_UNMET_RETURN_DECLINED] = {"RETURN_DECLINED", COR_CRIT_DECISION},
	[COR_UNMET_ASYLUM_REFERRAL_OPEN] = {"ASYLUM_REFERRAL_OPEN", COR_CRIT_ASYLUM},
	[COR_UNMET_REFERRAL_OPEN] = {"REFERRAL_OPEN", COR_CRIT_REFERRALS},
	[COR_UNMET_NOT_ACCEPTED] = {"NOT_ACCEPTED", COR_CRIT_ACCEPTANCE},
	[COR_UNMET_SELECTION_REJECTED] = {"SELECTION_REJECTED", COR_CRIT_ACCEPTANCE},
	[COR_UNMET_PRINCIPAL_AGE_UNKNOWN] = {"PRINCIPAL_AGE_UNKNOWN", COR_CRIT_PRINCIPAL_AGE},
	[COR_UNMET_PRINCIPAL_MINOR] = {"PRINCIPAL_MINOR", COR_CRIT_PRINCIPAL_AGE},
	[COR_UNMET_RELATIONSHIP_NOT_ALLOWED] = {"RELATIONSHIP_NOT_ALLOWED", COR_CRIT_FAMILY},
	[COR_UNMET_CHILD_AGE_UNKNOWN] = {"CHILD_AGE_UNKNOWN", COR_CRIT_FAMILY},
	[COR_UNMET_CHILD_OVER_AGE] = {"CHILD_OVER_AGE", COR_CRIT_FAMILY},
	[COR_UNMET_FITNESS_MISSING] = {"FITNESS_MISSING", COR_CRIT_FITNESS},
	[COR_UNMET_UNFIT] = {"UNFIT", COR_CRIT_FITNESS},
	[COR_UNMET_FITNESS_DEFERRED] = {"FITNESS_DEFERRED", COR_CRIT_FITNESS},
	[COR_UNMET_FITNESS_EXPIRED] = {"FITNESS_EXPIRED", COR_CRIT_FITNESS},
	[COR_UNMET_FITNESS_AFTER_TRAVEL] = {"FITNESS_AFTER_TRAVEL", COR_CRIT_FITNESS},
	[COR_UNMET_NO_TRAVEL_DOCUMENT] = {"NO_TRAVEL_DOCUMENT", COR_CRIT_TRAVEL_DOCUMENT},
	[COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL] = {"DOC_EXPIRES_BEFORE_TRAVEL",
						 COR_CRIT_TRAVEL_DOCUMENT},
	[COR_UNMET_DOC_VALIDITY_SHORT] = {"DOC_VALIDITY_SHORT", COR_CRIT_TRAVEL_DOCUMENT},
	[COR_UNMET_TB_NOT_SCREENED] = {"TB_NOT_SCREENED", COR_CRIT_TB},
	[COR_UNMET_TB_CLASS_A] = {"TB_CLASS_A", COR_CRIT_TB},
	[COR_UNMET_PROTECTION_NOT_ASSESSED] = {"PROTECTION_NOT_ASSESSED", COR_CRIT_PROTECTION},
	[COR_UNMET_PROTECTION_NOT_CLEARED] = {"PROTECTION_NOT_CLEARED", COR_CRIT_PROTECTION},
};
_Static_assert(ROWS(codes) == COR_UNMET__N, "a name for every code");

const char *cor_unmet_code_name(enum cor_unmet_code c)
{
	return (int)c >= 0 && c < COR_UNMET__N ? codes[c].name : "?";
}

enum cor_criterion cor_unmet_criterion(enum cor_unmet_code c)
{
	return (int)c >= 0 && c < COR_UNMET__N ? codes[c].criterion : COR_CRIT__N;
}

/* ---- Evaluation ------------------------------------------------------- */

struct eval {
	const struct cor_case_facts *f;
	struct cor_eligibility *r;
	struct cor_date on_date;
	int32_t on;    /* day number of on_date */
	int32_t today; /* day number of the reference date */
};

static void add(struct eval *e, const struct cor_rule *rule, enum cor_unmet_code code, int person,
		int doc, int32_t a, int32_t b)
{
	struct cor_eligibility *r = e->r;
	if (r->n >= r->cap) {
		r->overflow++;
		return;
	}
	r->unmet[r->n++] = (struct cor_unmet){.code = code,
					      .person = person,
					      .doc = doc,
					      .on = e->on,
					      .a = a,
					      .b = b,
					      .rule = rule};
}

static bool date_ok(struct cor_date d)
{
	return cor_date_is_valid(d.year, d.month, d.day);
}

/* The traveller's age on the evaluation day, or -1 when the birth date is unknown. */
static int age_of(const struct eval *e, const struct cor_traveller_facts *t)
{
	const struct cor_date *b = &t->birth_date;
	if (!cor_date_is_valid(b->year, b->month, b->day))
		return -1;
	return cor_date_age(*b, e->on_date);
}

/* Does the ';'-separated needs list hold a code of the exempt list, itself
 * codes ("SC-UC") or groups ("SC")? */
static bool has_exempt_need(const char *needs, const char *exempt)
{
	if (!needs || !exempt)
		return false;
	for (const char *p = needs; *p;) {
		size_t n = strcspn(p, ";");
		size_t group = strcspn(p, "-;");
		for (const char *q = exempt; *q;) {
			size_t m = strcspn(q, ";");
			if (m && ((m == n && !memcmp(p, q, n)) || (m == group && !memcmp(p, q, m))))
				return true;
			q += m + (q[m] == ';');
		}
		p += n + (p[n] == ';');
	}
	return false;
}

static void check_principal(struct eval *e, const struct cor_rule *rule)
{
	int n = 0;
	for (size_t i = 0; i < e->f->n_travellers; i++)
		n += e->f->travellers[i].relationship == COR_REL_PRINCIPAL;
	if (n == 0)
		add(e, rule, COR_UNMET_NO_PRINCIPAL, -1, -1, 0, 0);
	else if (n > 1)
		add(e, rule, COR_UNMET_SEVERAL_PRINCIPALS, -1, -1, n, 0);
}

static void check_counselled(struct eval *e, const struct cor_rule *rule)
{
	if (!e->f->counselled)
		add(e, rule, COR_UNMET_NOT_COUNSELLED, -1, -1, 0, 0);
}

static void check_decision(struct eval *e, const struct cor_rule *rule)
{
	if (e->f->decision == COR_DECISION_NO)
		add(e, rule, COR_UNMET_RETURN_DECLINED, -1, -1, 0, 0);
	else if (e->f->decision != COR_DECISION_YES)
		add(e, rule, COR_UNMET_NO_INFORMED_DECISION, -1, -1, 0, 0);
}

static void check_asylum(struct eval *e, const struct cor_rule *rule)
{
	if (e->f->asylum_wish)
		add(e, rule, COR_UNMET_ASYLUM_REFERRAL_OPEN, -1, -1, 0, 0);
}

static void check_referrals(struct eval *e, const struct cor_rule *rule)
{
	if (e->f->open_referrals > 0)
		add(e, rule, COR_UNMET_REFERRAL_OPEN, -1, -1, e->f->open_referrals, 0);
}

static void check_acceptance(struct eval *e, const struct cor_rule *rule)
{
	enum cor_selection s = e->f->selection;
	if (s == COR_SELECTION_REJECTED)
		add(e, rule, COR_UNMET_SELECTION_REJECTED, -1, -1, 0, 0);
	else if (s != COR_SELECTION_ACCEPTED)
		add(e, rule, COR_UNMET_NOT_ACCEPTED, -1, -1,
		    (int)s >= 0 && s < COR_SELECTION__N ? (int32_t)s : 0, 0);
}

static void check_principal_age(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	if (t->relationship != COR_REL_PRINCIPAL)
		return;
	int age = age_of(e, t);
	if (age < 0)
		add(e, rule, COR_UNMET_PRINCIPAL_AGE_UNKNOWN, i, -1, 0, 0);
	else if (age < rule->value && !has_exempt_need(t->needs, rule->exempt))
		add(e, rule, COR_UNMET_PRINCIPAL_MINOR, i, -1, age, 0);
}

static void check_family(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	unsigned rel = (unsigned)t->relationship;
	if (rel >= 32 || !(rule->mask & (1u << rel))) {
		add(e, rule, COR_UNMET_RELATIONSHIP_NOT_ALLOWED, i, -1, 0, 0);
		return;
	}
	if (rule->value <= 0 ||
	    (t->relationship != COR_REL_CHILD && t->relationship != COR_REL_STEPCHILD))
		return;
	int age = age_of(e, t);
	if (age < 0)
		add(e, rule, COR_UNMET_CHILD_AGE_UNKNOWN, i, -1, 0, 0);
	else if (age >= rule->value)
		add(e, rule, COR_UNMET_CHILD_OVER_AGE, i, -1, age, 0);
}

static bool minute_known(int m)
{
	return m >= 0 && m < 24 * 60;
}

static void check_fitness(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	const struct cor_date *d = &t->fitness_on;
	switch (t->fitness) {
	case COR_FITNESS_FIT:
	case COR_FITNESS_FIT_WITH_CONDITIONS:
		break;
	case COR_FITNESS_UNFIT:
		add(e, rule, COR_UNMET_UNFIT, i, -1, 0, 0);
		return;
	case COR_FITNESS_DEFERRED:
		add(e, rule, COR_UNMET_FITNESS_DEFERRED, i, -1, 0, 0);
		return;
	default:
		add(e, rule, COR_UNMET_FITNESS_MISSING, i, -1, 0, 0);
		return;
	}
	if (!cor_date_is_valid(d->year, d->month, d->day)) {
		add(e, rule, COR_UNMET_FITNESS_MISSING, i, -1, 0, 0);
		return;
	}
	/* Minutes from the check to departure; whole days when either time of
	 * day is unknown. */
	int64_t gap = (int64_t)(e->on - cor_date_to_days(*d)) * 24 * 60;
	bool exact = e->f->has_travel_date && minute_known(e->f->departure_minute) &&
		     minute_known(t->fitness_minute);
	if (exact)
		gap += e->f->departure_minute - t->fitness_minute;
	if (gap < 0)
		add(e, rule, COR_UNMET_FITNESS_AFTER_TRAVEL, i, -1, exact, 0);
	else if (gap > (int64_t)rule->value * 60)
		add(e, rule, COR_UNMET_FITNESS_EXPIRED, i, -1,
		    gap > INT32_MAX ? INT32_MAX : (int32_t)gap, exact);
}

/* The day number of a document's expiry; a date that is not a real day
 * counts as long expired. */
static int32_t expiry_day(const struct cor_doc_facts *d)
{
	if (!date_ok(d->expires_on))
		return INT32_MIN / 4;
	return cor_date_to_days(d->expires_on);
}

static void check_travel_document(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	int n = t->n_docs < 0 ? 0 : t->n_docs > COR_FACT_DOCS_MAX ? COR_FACT_DOCS_MAX : t->n_docs;
	int best = -1;
	int32_t best_slack = INT32_MIN;
	for (int k = 0; k < n; k++) {
		const struct cor_doc_facts *d = &t->docs[k];
		unsigned kind = (unsigned)d->kind;
		if (kind >= COR_DOC__N || !(rule->mask & (1u << kind)))
			continue;
		if (!d->has_expiry)
			return;
		int32_t slack = expiry_day(d) - (e->on + rule->margin_days[kind]);
		if (slack >= 0)
			return;
		if (slack > best_slack) {
			best_slack = slack;
			best = k;
		}
	}
	if (best < 0) {
		add(e, rule, COR_UNMET_NO_TRAVEL_DOCUMENT, i, -1, 0, 0);
		return;
	}
	const struct cor_doc_facts *d = &t->docs[best];
	int32_t expiry = expiry_day(d);
	if (expiry < e->on)
		add(e, rule, COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL, i, best, 0, e->today);
	else
		add(e, rule, COR_UNMET_DOC_VALIDITY_SHORT, i, best, expiry - e->on,
		    rule->margin_days[d->kind]);
}

static void check_tb(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	if (rule->destination[0] && strncmp(rule->destination, e->f->destination, 4))
		return;
	if (t->tb == COR_TB_NOT_SCREENED) {
		int age = age_of(e, t);
		if (age < 0 || age >= rule->value)
			add(e, rule, COR_UNMET_TB_NOT_SCREENED, i, -1, age, 0);
	} else if (t->tb == COR_TB_A && !t->tb_waived) {
		add(e, rule, COR_UNMET_TB_CLASS_A, i, -1, 0, 0);
	}
}

static void check_protection(struct eval *e, const struct cor_rule *rule, int i)
{
	const struct cor_traveller_facts *t = &e->f->travellers[i];
	if (t->protection_risk == COR_RISK_NOT_ASSESSED || (int)t->protection_risk < 0 ||
	    t->protection_risk >= COR_RISK__N)
		add(e, rule, COR_UNMET_PROTECTION_NOT_ASSESSED, i, -1, 0, 0);
	else if ((int)t->protection_risk >= rule->value && !t->protection_cleared)
		add(e, rule, COR_UNMET_PROTECTION_NOT_CLEARED, i, -1, t->protection_risk, 0);
}

/* The criterion functions, selected by the rows: the only dispatch there is. */
static const struct criterion {
	const char *name;
	enum cor_scope scope;
	void (*on_case)(struct eval *e, const struct cor_rule *rule);
	void (*on_person)(struct eval *e, const struct cor_rule *rule, int i);
} criteria[] = {
	[COR_CRIT_PRINCIPAL] = {"PRINCIPAL", COR_SCOPE_CASE, check_principal, NULL},
	[COR_CRIT_COUNSELLED] = {"COUNSELLED", COR_SCOPE_CASE, check_counselled, NULL},
	[COR_CRIT_DECISION] = {"DECISION", COR_SCOPE_CASE, check_decision, NULL},
	[COR_CRIT_ASYLUM] = {"ASYLUM", COR_SCOPE_CASE, check_asylum, NULL},
	[COR_CRIT_REFERRALS] = {"REFERRALS", COR_SCOPE_CASE, check_referrals, NULL},
	[COR_CRIT_ACCEPTANCE] = {"ACCEPTANCE", COR_SCOPE_CASE, check_acceptance, NULL},
	[COR_CRIT_PRINCIPAL_AGE] = {"PRINCIPAL_AGE", COR_SCOPE_PERSON, NULL, check_principal_age},
	[COR_CRIT_FAMILY] = {"FAMILY", COR_SCOPE_PERSON, NULL, check_family},
	[COR_CRIT_FITNESS] = {"FITNESS", COR_SCOPE_PERSON, NULL, check_fitness},
	[COR_CRIT_TRAVEL_DOCUMENT] = {"TRAVEL_DOCUMENT", COR_SCOPE_PERSON, NULL,
				      check_travel_document},
	[COR_CRIT_TB] = {"TB", COR_SCOPE_PERSON, NULL, check_tb},
	[COR_CRIT_PROTECTION] = {"PROTECTION", COR_SCOPE_PERSON, NULL, check_protection},
};
_Static_assert(ROWS(criteria) == COR_CRIT__N, "a function for every criterion");

const char *cor_criterion_name(enum cor_criterion c)
{
	return (int)c >= 0 && c < COR_CRIT__N ? criteria[c].name : "?";
}

enum cor_scope cor_criterion_scope(enum cor_criterion c)
{
	return (int)c >= 0 && c < COR_CRIT__N ? criteria[c].scope : COR_SCOPE_CASE;
}

void cor_eligibility_init(struct cor_eligibility *r, struct cor_unmet *buf, size_t cap)
{
	r->unmet = buf;
	r->cap = buf ? cap : 0;
	r->n = 0;
	r->overflow = 0;
}

const struct cor_programme_rules *cor_rules_for(const struct cor_rules_config *cfg,
						const struct cor_programme *p)
{
	if (!p)
		return NULL;
	for (size_t i = 0; i < cfg->n_programmes && i < COR_RULES_PROGRAMMES_MAX; i++)
		if (cfg->programmes[i].programme == p)
			return &cfg->programmes[i];
	return NULL;
}

int cor_eligibility_evaluate(const struct cor_rules_config *cfg, const struct cor_case_facts *f,
			     struct cor_date today, struct cor_eligibility *r)
{
	r->n = 0;
	r->overflow = 0;
	const struct cor_programme_rules *pr = cor_rules_for(cfg, f->programme);
	if (!pr || !date_ok(today) || (f->has_travel_date && !date_ok(f->travel_on)) ||
	    (f->n_travellers && !f->travellers) || f->n_travellers > INT_MAX)
		return COR_EINVAL;

	struct eval e = {.f = f, .r = r, .on_date = f->has_travel_date ? f->travel_on : today};
	e.on = cor_date_to_days(e.on_date);
	e.today = cor_date_to_days(today);
	size_t n_rules = pr->n_rules < COR_RULES_ROWS_MAX ? pr->n_rules : COR_RULES_ROWS_MAX;

	for (size_t k = 0; k < n_rules; k++) {
		const struct cor_rule *rule = &pr->rules[k];
		if ((unsigned)rule->criterion < COR_CRIT__N && criteria[rule->criterion].on_case)
			criteria[rule->criterion].on_case(&e, rule);
	}
	for (size_t i = 0; i < f->n_travellers; i++)
		for (size_t k = 0; k < n_rules; k++) {
			const struct cor_rule *rule = &pr->rules[k];
			if ((unsigned)rule->criterion < COR_CRIT__N &&
			    criteria[rule->criterion].on_person)
				criteria[rule->criterion].on_person(&e, rule, (int)i);
		}
	return 0;
}

bool cor_eligibility_is_met(const struct cor_eligibility *r)
{
	return r->n == 0 && r->overflow == 0;
}

/* ---- Sentences -------------------------------------------------------- */

/* snprintf into a buffer that remembers the length the whole text needs. */

static const char *doc_kind_text(enum cor_doc_kind k)
{
	static const char *const text[] = {
		[COR_DOC_NONE] = "document",
		[COR_DOC_PASSPORT] = "passport",
		[COR_DOC_ID_CARD] = "national ID card",
		[COR_DOC_ETD] = "emergency travel document",
		[COR_DOC_LAISSEZ_PASSER] = "laissez-passer",
		[COR_DOC_EXIT_PERMIT] = "exit permit",
		[COR_DOC_VISA] = "visa",
		[COR_DOC_REFUGEE_TD] = "refugee travel document",
	};
	_Static_assert(ROWS(text) == COR_DOC__N, "a text for every document kind");
	return (unsigned)k < COR_DOC__N ? text[k] : "document";
}

static const char *relationship_text(enum cor_relationship r)
{
	static const char *const text[] = {
		[COR_REL_PRINCIPAL] = "principal applicant",
		[COR_REL_SPOUSE] = "spouse",
		[COR_REL_CHILD] = "child",
		[COR_REL_STEPCHILD] = "stepchild",
		[COR_REL_PARENT] = "parent",
		[COR_REL_SIBLING] = "sibling",
		[COR_REL_GRANDPARENT] = "grandparent",
		[COR_REL_GRANDCHILD] = "grandchild",
		[COR_REL_OTHER_RELATIVE] = "other relative",
		[COR_REL_UNRELATED] = "unrelated",
	};
	_Static_assert(ROWS(text) == COR_REL__N, "a text for every relationship");
	return (unsigned)r < COR_REL__N ? text[r] : "unknown";
}

static const char *who(const struct cor_case_facts *f, int person, char *tmp, size_t len)
{
	if (person < 0 || (size_t)person >= f->n_travellers) {
		snprintf(tmp, len, "traveller %d", person + 1);
		return tmp;
	}
	const struct cor_traveller_facts *t = &f->travellers[person];
	if (t->display_name && *t->display_name)
		return t->display_name;
	if (t->ref && *t->ref)
		return t->ref;
	snprintf(tmp, len, "traveller %d", person + 1);
	return tmp;
}

static const char *case_ref(const struct cor_case_facts *f)
{
	return f->ref && *f->ref ? f->ref : "(no reference)";
}

static const char *prog_code(const struct cor_case_facts *f)
{
	return f->programme ? f->programme->code : "?";
}

/* "travel on 2027-01-10", or "2026-11-27 (no travel date set)", after prep. */
static void put_when(struct cor_out *o, const struct cor_case_facts *f, int32_t on,
		     const char *prep)
{
	char d[COR_DATE_LEN];
	cor_date_format(cor_date_from_days(on), d);
	const char *sep = *prep ? " " : "";
	if (f->has_travel_date)
		cor_out_printf(o, "%s%stravel on %s", prep, sep, d);
	else
		cor_out_printf(o, "%s%s%s (no travel date set)", !strcmp(prep, "at") ? "on" : prep,
			       sep, d);
}

/* "a, b or c" of the names of the set bits of mask. */
static void put_list(struct cor_out *o, uint32_t mask, int n, const char *(*text)(int),
		     const char *last)
{
	int total = 0, seen = 0;
	for (int i = 0; i < n; i++)
		total += (mask >> i) & 1;
	for (int i = 0; i < n; i++) {
		if (!((mask >> i) & 1))
			continue;
		cor_out_printf(o, "%s%s",
			       seen == 0           ? ""
			       : seen == total - 1 ? last
						   : ", ",
			       text(i));
		seen++;
	}
	if (!total)
		cor_out_printf(o, "none");
}

static const char *doc_text_i(int i)
{
	return doc_kind_text((enum cor_doc_kind)i);
}

static const char *rel_text_i(int i)
{
	return relationship_text((enum cor_relationship)i);
}

static void put_hours(struct cor_out *o, int32_t minutes)
{
	int32_t h = minutes / 60, m = minutes % 60;
	cor_out_printf(o, "%ld hour%s", (long)h, h == 1 ? "" : "s");
	if (m)
		cor_out_printf(o, " %ld minute%s", (long)m, m == 1 ? "" : "s");
}

static void put_minute(struct cor_out *o, int minute)
{
	if (minute_known(minute))
		cor_out_printf(o, " %02d:%02d", minute / 60, minute % 60);
}

/* "SC (unaccompanied or separated child)" for each code of the list. */
static void put_exempt(struct cor_out *o, const char *exempt)
{
	int k = 0;
	for (const char *q = exempt ? exempt : ""; *q;) {
		size_t m = strcspn(q, ";");
		char code[8];
		if (m && m < sizeof(code)) {
			memcpy(code, q, m);
			code[m] = '\0';
			const struct cor_need *need = cor_need_find(code);
			cor_out_printf(o, "%s%s", k++ ? " or " : "", code);
			if (need)
				cor_out_printf(o, " (%s)", need->meaning);
		}
		q += m + (q[m] == ';');
	}
	if (!k)
		cor_out_printf(o, "no exemption");
}

/* FITNESS_EXPIRED and FITNESS_AFTER_TRAVEL: when the check was, against
 * the departure; times of day only when both are known (the record says). */
static void put_fitness_timing(struct cor_out *o, const struct cor_unmet *u,
			       const struct cor_case_facts *f, const struct cor_traveller_facts *t,
			       const char *name)
{
	char d[COR_DATE_LEN];
	bool expired = u->code == COR_UNMET_FITNESS_EXPIRED;
	bool exact = expired ? u->b : u->a;
	cor_out_printf(o, "fitness check of %s on %s", name,
		       t ? cor_date_format(t->fitness_on, d) : "?");
	if (exact && t)
		put_minute(o, t->fitness_minute);
	if (expired) {
		cor_out_printf(o, " is ");
		put_hours(o, u->a);
		cor_out_printf(o, " before ");
	} else {
		cor_out_printf(o, " is dated after ");
	}
	if (exact) {
		cor_out_printf(o, "departure on %s", cor_date_format(cor_date_from_days(u->on), d));
		put_minute(o, f->departure_minute);
	} else {
		put_when(o, f, u->on, "");
	}
	if (expired)
		cor_out_printf(o, "; at most %d hours are allowed", u->rule ? u->rule->value : 0);
}

size_t cor_unmet_describe(const struct cor_unmet *u, const struct cor_case_facts *f, char *buf,
			  size_t len)
{
	struct cor_out o = COR_OUT_INIT(buf, len);
	char tmp[32], d1[COR_DATE_LEN];
	const char *name = who(f, u->person, tmp, sizeof(tmp));
	const struct cor_rule *rule = u->rule;
	const struct cor_traveller_facts *t = u->person >= 0 && (size_t)u->person < f->n_travellers
						      ? &f->travellers[u->person]
						      : NULL;
	const struct cor_doc_facts *d =
		t && u->doc >= 0 && u->doc < t->n_docs && u->doc < COR_FACT_DOCS_MAX
			? &t->docs[u->doc]
			: NULL;
	if (len)
		buf[0] = '\0';

	switch (u->code) {
	case COR_UNMET_NO_PRINCIPAL:
		cor_out_printf(&o, "case %s has no principal applicant", case_ref(f));
		break;
	case COR_UNMET_SEVERAL_PRINCIPALS:
		cor_out_printf(&o, "case %s has %ld principal applicants; it needs exactly one",
			       case_ref(f), (long)u->a);
		break;
	case COR_UNMET_NOT_COUNSELLED:
		cor_out_printf(&o, "case %s has not been counselled", case_ref(f));
		break;
	case COR_UNMET_NO_INFORMED_DECISION:
		cor_out_printf(&o, "case %s has no informed decision recorded", case_ref(f));
		break;
	case COR_UNMET_RETURN_DECLINED:
		cor_out_printf(&o, "case %s decided not to travel (informed decision: no)",
			       case_ref(f));
		break;
	case COR_UNMET_ASYLUM_REFERRAL_OPEN:
		cor_out_printf(&o,
			       "case %s wishes to apply for asylum; it is on hold until the asylum "
			       "referral is closed",
			       case_ref(f));
		break;
	case COR_UNMET_REFERRAL_OPEN:
		cor_out_printf(&o, "case %s has %ld open referral%s", case_ref(f), (long)u->a,
			       u->a == 1 ? "" : "s");
		break;
	case COR_UNMET_NOT_ACCEPTED:
		cor_out_printf(
			&o, "case %s is not accepted by the receiving state (%s)", case_ref(f),
			u->a == COR_SELECTION_SUBMITTED     ? "submitted, awaiting a decision"
			: u->a == COR_SELECTION_INTERVIEWED ? "interviewed, awaiting a decision"
							    : "not submitted");
		break;
	case COR_UNMET_SELECTION_REJECTED:
		cor_out_printf(&o, "case %s was rejected by the receiving state", case_ref(f));
		break;
	case COR_UNMET_PRINCIPAL_AGE_UNKNOWN:
		cor_out_printf(
			&o,
			"birth date of principal applicant %s is not recorded; the principal "
			"applicant must be %d or over",
			name, rule ? rule->value : 18);
		break;
	case COR_UNMET_CHILD_AGE_UNKNOWN:
		cor_out_printf(
			&o,
			"birth date of %s, %s of the principal applicant, is not recorded; %s "
			"takes children under %d only",
			name, t ? relationship_text(t->relationship) : "child", prog_code(f),
			rule ? rule->value : 18);
		break;
	case COR_UNMET_PRINCIPAL_MINOR:
		cor_out_printf(&o, "principal applicant %s is %ld ", name, (long)u->a);
		put_when(&o, f, u->on, "at");
		cor_out_printf(&o, ", under %d, and is not recorded as ", rule ? rule->value : 18);
		put_exempt(&o, rule ? rule->exempt : NULL);
		break;
	case COR_UNMET_RELATIONSHIP_NOT_ALLOWED:
		cor_out_printf(&o, "%s is recorded as %s; %s takes only ", name,
			       t ? relationship_text(t->relationship) : "unknown", prog_code(f));
		put_list(&o, rule ? rule->mask : 0, COR_REL__N, rel_text_i, " and ");
		break;
	case COR_UNMET_CHILD_OVER_AGE:
		cor_out_printf(&o, "%s, %s of the principal applicant, is %ld ", name,
			       t ? relationship_text(t->relationship) : "child", (long)u->a);
		put_when(&o, f, u->on, "at");
		cor_out_printf(&o, "; %s takes children under %d only", prog_code(f),
			       rule ? rule->value : 18);
		break;
	case COR_UNMET_FITNESS_MISSING:
		cor_out_printf(&o, "no fitness-to-travel check recorded for %s", name);
		break;
	case COR_UNMET_UNFIT:
		cor_out_printf(&o, "%s was found unfit to travel on %s", name,
			       t ? cor_date_format(t->fitness_on, d1) : "?");
		break;
	case COR_UNMET_FITNESS_DEFERRED:
		cor_out_printf(&o, "fitness to travel of %s was deferred on %s", name,
			       t ? cor_date_format(t->fitness_on, d1) : "?");
		break;
	case COR_UNMET_FITNESS_EXPIRED:
	case COR_UNMET_FITNESS_AFTER_TRAVEL:
		put_fitness_timing(&o, u, f, t, name);
		break;
	case COR_UNMET_NO_TRAVEL_DOCUMENT:
		cor_out_printf(&o, "%s holds no travel document accepted for %s (", name,
			       prog_code(f));
		put_list(&o, rule ? rule->mask : 0, COR_DOC__N, doc_text_i, " or ");
		cor_out_printf(&o, ")");
		if (t && t->n_docs > 0) {
			uint32_t held = 0;
			for (int k = 0; k < t->n_docs && k < COR_FACT_DOCS_MAX; k++)
				if ((unsigned)t->docs[k].kind < COR_DOC__N)
					held |= 1u << t->docs[k].kind;
			cor_out_printf(&o, "; holds: ");
			put_list(&o, held, COR_DOC__N, doc_text_i, " and ");
		}
		break;
	case COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL:
		cor_out_printf(&o, "%s of %s %s %s, ", d ? doc_kind_text(d->kind) : "document",
			       name, d && expiry_day(d) < u->b ? "expired" : "expires",
			       d ? cor_date_format(d->expires_on, d1) : "?");
		put_when(&o, f, u->on, "before");
		break;
	case COR_UNMET_DOC_VALIDITY_SHORT:
		cor_out_printf(&o, "%s of %s expires %s, %ld day%s after ",
			       d ? doc_kind_text(d->kind) : "document", name,
			       d ? cor_date_format(d->expires_on, d1) : "?", (long)u->a,
			       u->a == 1 ? "" : "s");
		put_when(&o, f, u->on, "");
		cor_out_printf(&o, "; %s requires %ld days", prog_code(f), (long)u->b);
		break;
	case COR_UNMET_TB_NOT_SCREENED:
		cor_out_printf(&o, "no TB classification recorded for %s, bound for %.3s", name,
			       f->destination);
		break;
	case COR_UNMET_TB_CLASS_A:
		cor_out_printf(
			&o,
			"%s has TB class A (infectious), which blocks travel to %.3s unless waived",
			name, f->destination);
		break;
	case COR_UNMET_PROTECTION_NOT_ASSESSED:
		cor_out_printf(&o, "no protection risk assessment recorded for %s", name);
		break;
	case COR_UNMET_PROTECTION_NOT_CLEARED:
		cor_out_printf(
			&o,
			"protection risk of %s on return is %s and not cleared by a protection "
			"officer",
			name, cor_risk_name((enum cor_risk)u->a));
		break;
	default:
		cor_out_printf(&o, "unknown criterion %d", (int)u->code);
	}
	return o.need;
}

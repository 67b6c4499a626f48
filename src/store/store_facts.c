// SPDX-License-Identifier: Apache-2.0
// store_facts.h's calls, dispatched to the store's backend, and the builder
// both backends' loaders feed (store_facts_ops.h): the mapping from records
// to facts, in one place.
#include "store/store_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/counselling.h"
#include "domain/document.h"
#include "domain/health.h"
#include "domain/protection.h"
#include "store/store_facts_ops.h"
#include "store/store_int.h"
#include "util/error.h"

#define ROWS(a)                 (sizeof(a) / sizeof((a)[0]))
#define ASYLUM_REFERRAL_SUBJECT "asylum wish" /* the workflow opens these */

/* ---- dispatch ------------------------------------------------------------ */

static const struct cor_store_facts_ops *ops(struct cor_store *st)
{
	return cor_store_head(st)->ops->facts;
}

int cor_store_facts_case(struct cor_store *st, const char *ref, const struct cor_date *travel_on,
			 cor_facts_cb cb, void *ctx)
{
	return ops(st)->facts_case(st, ref, travel_on, cb, ctx);
}

int cor_store_facts_each(struct cor_store *st, const struct cor_facts_query *q, cor_facts_cb cb,
			 void *ctx)
{
	return ops(st)->facts_each(st, q, cb, ctx);
}

void cor_store_facts_note(struct cor_store *st, const char *msg)
{
	ops(st)->facts_note(st, msg);
}

int cor_store_travel_each(struct cor_store *st, const struct cor_facts_query *q, cor_travel_cb cb,
			  void *ctx)
{
	return ops(st)->travel_each(st, q, cb, ctx);
}

/* The UTC day of a stored time "YYYY-MM-DDTHH:MM...Z"; year 0 when none. */
static struct cor_date day_of(const char *at)
{
	struct cor_date d = {0, 0, 0};
	char day[COR_DATE_LEN];
	if (at && strlen(at) >= 10) {
		memcpy(day, at, 10);
		day[10] = '\0';
		if (cor_date_parse(day, &d) < 0)
			memset(&d, 0, sizeof(d));
	}
	return d;
}

void cor_facts_travel(struct cor_case_travel *t, long persons, const char *departed_at,
		      const char *arrived_at)
{
	t->persons = (int)persons;
	t->departed_on = day_of(departed_at);
	t->arrived_on = day_of(arrived_at);
}

/* ---- The mapping: records -> facts ---------------------------------------
 * Each enum the workflow and health records use, onto the eligibility
 * engine's. A missing record is the zero value of the fact. */

/* health_check.outcome of the latest fitness-to-travel check. */
static const enum cor_fitness fitness_of[COR_HEALTH_OUTCOME__N] = {
	[COR_HEALTH_OUTCOME_NONE] = COR_FITNESS_NONE,
	[COR_HEALTH_FIT] = COR_FITNESS_FIT,
	[COR_HEALTH_FIT_WITH_CONDITIONS] = COR_FITNESS_FIT_WITH_CONDITIONS,
	[COR_HEALTH_UNFIT] = COR_FITNESS_UNFIT,
	[COR_HEALTH_DEFERRED] = COR_FITNESS_DEFERRED,
};
/* health_check.tb_class of the latest check (either kind) that has one. */
static const enum cor_tb_class tb_of[COR_HEALTH_TB__N] = {
	[COR_HEALTH_TB_NOT_SCREENED] = COR_TB_NOT_SCREENED,
	[COR_HEALTH_TB_NONE] = COR_TB_NONE,
	[COR_HEALTH_TB_A] = COR_TB_A,
	[COR_HEALTH_TB_B1_PULMONARY] = COR_TB_B1_PULMONARY,
	[COR_HEALTH_TB_B1_EXTRAPULMONARY] = COR_TB_B1_EXTRAPULMONARY,
	[COR_HEALTH_TB_B2] = COR_TB_B2,
	[COR_HEALTH_TB_B3] = COR_TB_B3,
};
/* protection_assessment.level of the person's latest assessment. */
static const enum cor_risk risk_of[COR_PROT__N] = {
	[COR_PROT_NONE] = COR_RISK_NONE,
	[COR_PROT_LOW] = COR_RISK_LOW,
	[COR_PROT_MEDIUM] = COR_RISK_MEDIUM,
	[COR_PROT_HIGH] = COR_RISK_HIGH,
};
/* counselling.decision of the case's latest session. */
static const enum cor_decision decision_of[COR_COUNSEL__N] = {
	[COR_COUNSEL_YES] = COR_DECISION_YES,
	[COR_COUNSEL_NO] = COR_DECISION_NO,
	[COR_COUNSEL_UNDECIDED] = COR_DECISION_UNDECIDED,
};
/* Where an admission case (RST, REL, CPW) stands with the receiving state,
 * by its lifecycle state: the lifecycle reaches these states only through
 * that step. on_hold, ineligible and closed say nothing by themselves: the
 * case's latest move to submitted, interviewed, accepted or rejected does
 * (COR_FACTS_SELECTION_WHERE). Other programmes: not submitted (their
 * tables have no ACCEPTANCE row). */
static const struct {
	const char *state;
	enum cor_selection selection;
} selection_of[] = {
	{"registered", COR_SELECTION_NOT_SUBMITTED}, {"counselled", COR_SELECTION_NOT_SUBMITTED},
	{"assessed", COR_SELECTION_NOT_SUBMITTED},   {"eligible", COR_SELECTION_NOT_SUBMITTED},
	{"submitted", COR_SELECTION_SUBMITTED},      {"interviewed", COR_SELECTION_INTERVIEWED},
	{"accepted", COR_SELECTION_ACCEPTED},        {"rejected", COR_SELECTION_REJECTED},
	{"orientation", COR_SELECTION_ACCEPTED},     {"travel_ready", COR_SELECTION_ACCEPTED},
	{"booked", COR_SELECTION_ACCEPTED},          {"departed", COR_SELECTION_ACCEPTED},
	{"no_show", COR_SELECTION_ACCEPTED},         {"arrived", COR_SELECTION_ACCEPTED},
	{"integration", COR_SELECTION_ACCEPTED},
};

static const char *str(const char *s)
{
	return s ? s : "";
}

static enum cor_fitness map_fitness(const char *outcome)
{
	enum cor_health_outcome o = COR_HEALTH_OUTCOME_NONE;
	if (outcome && cor_health_outcome_parse(outcome, &o) < 0)
		o = COR_HEALTH_OUTCOME_NONE;
	return fitness_of[o];
}

/* COR_TB__N for "no class on this record" (''), so that it is not taken as
 * the latest classification. */
static enum cor_tb_class map_tb(const char *tb)
{
	enum cor_health_tb t;
	if (!tb || !*tb || cor_health_tb_parse(tb, &t) < 0)
		return COR_TB__N;
	return tb_of[t];
}

static enum cor_risk map_risk(const char *level)
{
	enum cor_protection_level l;
	if (!level || cor_protection_level_parse(level, &l) < 0)
		return COR_RISK_NOT_ASSESSED;
	return risk_of[l];
}

static enum cor_decision map_decision(const char *decision)
{
	enum cor_counselling_decision d;
	if (!decision || cor_counselling_decision_parse(decision, &d) < 0)
		return COR_DECISION_UNDECIDED;
	return decision_of[d];
}

/* The selection a state implies; false when the state does not say. */
static bool map_selection(const char *state, enum cor_selection *out)
{
	for (size_t i = 0; i < ROWS(selection_of); i++)
		if (!strcmp(selection_of[i].state, state)) {
			*out = selection_of[i].selection;
			return true;
		}
	return false;
}

/* ---- The builder ---------------------------------------------------------- */

static void copy(char *dst, size_t len, const char *src)
{
	size_t n = strlen(str(src));
	if (n >= len)
		n = len - 1;
	memcpy(dst, str(src), n);
	dst[n] = '\0';
}

/* The person ID: what cor_person_ref_format writes, without printf (this
 * runs for every person). */
static void person_ref(char out[COR_PERSON_REF_MAX], const char *case_ref, int seq)
{
	size_t n = strlen(case_ref);
	if (n > COR_PERSON_REF_MAX - 4 || seq < 0 || seq > 99) {
		cor_person_ref_format(out, COR_PERSON_REF_MAX, case_ref, seq);
		return;
	}
	memcpy(out, case_ref, n);
	out[n] = '-';
	out[n + 1] = (char)('0' + seq / 10);
	out[n + 2] = (char)('0' + seq % 10);
	out[n + 3] = '\0';
}

/* The name as a person reads it (cor_document_holder): given names, then
 * family name, Latin script, in the case they were registered in. */
static void holder_name(char out[2 * COR_NAME_MAX + 2], const char *given, const char *family)
{
	size_t o = 0;
	for (const char *c = given; *c && o < COR_NAME_MAX; c++)
		out[o++] = *c;
	if (o && *family)
		out[o++] = ' ';
	for (const char *c = family; *c && o < 2 * COR_NAME_MAX + 1; c++)
		out[o++] = *c;
	out[o] = '\0';
}

void cor_facts_begin(struct cor_facts_build *b, int64_t id, const char *ref, const char *programme,
		     const char *office, const char *origin, const char *destination,
		     const char *state, const char *priority, const char *registered_on)
{
	struct cor_facts_case *fc = &b->fc;
	struct cor_case *c = &fc->c;
	memset(c, 0, sizeof(*c));
	memset(&fc->f, 0, sizeof(fc->f));
	fc->id = id;
	copy(c->ref, sizeof(c->ref), ref);
	copy(c->programme, sizeof(c->programme), programme);
	copy(c->office, sizeof(c->office), office);
	copy(c->origin, sizeof(c->origin), origin);
	copy(c->destination, sizeof(c->destination), destination);
	copy(c->state, sizeof(c->state), state);
	if (cor_priority_parse(str(priority), &c->priority) < 0)
		c->priority = COR_PRIO_NORMAL;
	if (cor_date_parse(str(registered_on), &c->registered_on) < 0)
		memset(&c->registered_on, 0, sizeof(c->registered_on));

	struct cor_case_facts *f = &fc->f;
	f->ref = c->ref;
	f->programme = cor_programme_find(c->programme);
	memcpy(f->destination, c->destination, sizeof(f->destination));
	f->priority = c->priority;
	f->registered_on = c->registered_on; /* no record of a later change of level */
	f->has_travel_date = b->travel_on != NULL;
	if (b->travel_on)
		f->travel_on = *b->travel_on;
	f->departure_minute = COR_TIME_UNKNOWN; /* no movement booked yet */
	f->travellers = b->tr;
	fc->persons = b->pe;
}

static int grow(struct cor_facts_build *b, size_t n)
{
	if (n <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap * 2 : 16;
	while (cap < n)
		cap *= 2;
	void *tr = realloc(b->tr, cap * sizeof(*b->tr));
	if (tr)
		b->tr = tr;
	void *pe = realloc(b->pe, cap * sizeof(*b->pe));
	if (pe)
		b->pe = pe;
	void *sl = realloc(b->sl, cap * sizeof(*b->sl));
	if (sl)
		b->sl = sl;
	if (!tr || !pe || !sl)
		return COR_ENOMEM;
	/* The facts point into the slots: point them again. */
	for (size_t i = 0; i < b->fc.f.n_travellers; i++) {
		b->tr[i].ref = b->sl[i].ref;
		b->tr[i].display_name = b->sl[i].name;
		b->tr[i].needs = b->sl[i].needs;
		for (int k = 0; k < b->tr[i].n_docs; k++)
			b->tr[i].docs[k].number = b->sl[i].docno[k];
	}
	b->fc.f.travellers = b->tr;
	b->fc.persons = b->pe;
	b->cap = cap;
	return 0;
}

int cor_facts_traveller(struct cor_facts_build *b, int64_t person_id)
{
	struct cor_case_facts *f = &b->fc.f;
	int err = grow(b, f->n_travellers + 1);
	if (err < 0)
		return err;
	size_t i = f->n_travellers++;
	struct cor_traveller_facts *t = &b->tr[i];
	struct cor_facts_slot *sl = &b->sl[i];
	memset(t, 0, sizeof(*t));
	memset(&b->pe[i], 0, sizeof(b->pe[i]));
	b->pe[i].id = person_id;
	sl->ref[0] = sl->name[0] = sl->needs[0] = sl->tb_at[0] = '\0';
	sl->tb_id = 0;
	t->ref = sl->ref;
	t->display_name = sl->name;
	t->needs = sl->needs;
	t->relationship = COR_REL_UNRELATED;
	t->sex = 'X';
	t->fitness_minute = COR_TIME_UNKNOWN;
	return (int)i;
}

void cor_facts_person_row(struct cor_facts_build *b, int i, int seq, const char *relationship,
			  const char *given_latin, const char *family_latin, const char *sex,
			  const char *birth_date, const char *nationality)
{
	struct cor_traveller_facts *t = &b->tr[i];
	struct cor_facts_slot *sl = &b->sl[i];
	b->pe[i].seq = seq;
	person_ref(sl->ref, b->fc.c.ref, seq);
	cor_relationship_parse(str(relationship), &t->relationship);
	holder_name(sl->name, str(given_latin), str(family_latin));
	t->sex = str(sex)[0] ? str(sex)[0] : 'X';
	if (cor_date_parse(str(birth_date), &t->birth_date) < 0)
		memset(&t->birth_date, 0, sizeof(t->birth_date));
	copy(t->nationality, sizeof(t->nationality), nationality);
}

/* Documents: keep COR_FACT_DOCS_MAX, preferring travel documents, and among
 * those the ones that stay valid longest (no expiry: longest). */
static bool outlasts(const struct cor_doc_facts *a, const struct cor_doc_facts *b)
{
	if (!a->has_expiry || !b->has_expiry)
		return !a->has_expiry && b->has_expiry;
	return cor_date_cmp(a->expires_on, b->expires_on) > 0;
}

void cor_facts_document(struct cor_facts_build *b, int i, const char *kind, const char *number,
			const char *issuer, const char *expires_on)
{
	struct cor_traveller_facts *t = &b->tr[i];
	struct cor_doc_facts d;
	memset(&d, 0, sizeof(d));
	if (cor_doc_kind_parse(str(kind), &d.kind) < 0)
		d.kind = COR_DOC_NONE;
	copy(d.issuer, sizeof(d.issuer), issuer);
	d.has_expiry = expires_on && cor_date_parse(expires_on, &d.expires_on) == 0;
	b->pe[i].docs_held++;
	int at = t->n_docs;
	if (at == COR_FACT_DOCS_MAX) {
		/* Full: d replaces a document that is no travel document, else
		 * the travel document that expires first, if d outlasts it. */
		if (!cor_document_is_travel(d.kind))
			return;
		at = -1;
		for (int k = 0; k < t->n_docs && at < 0; k++)
			if (!cor_document_is_travel(t->docs[k].kind))
				at = k;
		if (at < 0)
			for (int k = 0; k < t->n_docs; k++)
				if (outlasts(&d, &t->docs[k]) &&
				    (at < 0 || outlasts(&t->docs[at], &t->docs[k])))
					at = k;
		if (at < 0)
			return;
	} else {
		t->n_docs++;
	}
	copy(b->sl[i].docno[at], sizeof(b->sl[i].docno[at]), number);
	d.number = b->sl[i].docno[at];
	t->docs[at] = d;
}

void cor_facts_need(struct cor_facts_build *b, int i, const char *code)
{
	char *needs = b->sl[i].needs;
	size_t have = strlen(needs), n = strlen(str(code));
	if (!n || have + (have > 0) + n >= COR_FACTS_NEEDS_MAX)
		return;
	if (have)
		needs[have++] = ';';
	memcpy(needs + have, code, n + 1);
}

/* Rows come by kind, then examination time, then id: the last fitness row is
 * the latest check; the TB class is that of the latest row with one. */
void cor_facts_health(struct cor_facts_build *b, int i, int64_t id, const char *kind,
		      const char *at, const char *outcome, const char *tb, const char *conditions)
{
	struct cor_traveller_facts *t = &b->tr[i];
	struct cor_facts_slot *sl = &b->sl[i];
	int64_t when;
	at = str(at);
	bool timed = cor_health_time_parse(at, &when) == 0;
	if (!strcmp(str(kind), cor_health_kind_name(COR_HEALTH_FITNESS))) {
		t->fitness = map_fitness(str(outcome));
		b->pe[i].conditions = 0;
		if (timed) {
			cor_health_time_split(when, &t->fitness_on, &t->fitness_minute);
		} else {
			memset(&t->fitness_on, 0, sizeof(t->fitness_on));
			t->fitness_minute = COR_TIME_UNKNOWN;
		}
		for (const char *c = str(conditions); *c;) {
			char name[24];
			size_t n = strcspn(c, ";");
			enum cor_health_condition cond;
			if (n < sizeof(name)) {
				memcpy(name, c, n);
				name[n] = '\0';
				if (cor_health_condition_parse(name, &cond) == 0)
					b->pe[i].conditions |= COR_HEALTH_COND_BIT(cond);
			}
			c += n + (c[n] == ';');
		}
	}
	enum cor_tb_class tbc = map_tb(tb);
	if (tbc == COR_TB__N)
		return;
	int later = strcmp(at, sl->tb_at);
	if (!sl->tb_at[0] || later > 0 || (later == 0 && id > sl->tb_id)) {
		t->tb = tbc;
		copy(sl->tb_at, sizeof(sl->tb_at), at);
		sl->tb_id = id;
	}
}

/* Rows come by id: the last is the latest assessment. */
void cor_facts_protection(struct cor_facts_build *b, int i, const char *level, bool cleared)
{
	b->tr[i].protection_risk = map_risk(level);
	b->tr[i].protection_cleared = cleared;
}

/* Sessions come by number: the last is the latest decision. */
void cor_facts_counselling(struct cor_facts_build *b, const char *decision)
{
	b->fc.f.counselled = true;
	b->fc.f.decision = map_decision(decision);
}

void cor_facts_referral(struct cor_facts_build *b, const char *subject)
{
	b->fc.f.open_referrals++;
	if (!strcmp(str(subject), ASYLUM_REFERRAL_SUBJECT))
		b->fc.f.asylum_wish = true;
}

bool cor_facts_selection(struct cor_facts_build *b)
{
	struct cor_facts_case *fc = &b->fc;
	if (!fc->f.programme || !fc->f.programme->is_admission)
		return true;
	return map_selection(fc->c.state, &fc->f.selection);
}

void cor_facts_selection_step(struct cor_facts_build *b, const char *to_state)
{
	if (to_state && !map_selection(to_state, &b->fc.f.selection))
		b->fc.f.selection = COR_SELECTION_NOT_SUBMITTED;
}

void cor_facts_build_release(struct cor_facts_build *b)
{
	free(b->tr);
	free(b->pe);
	free(b->sl);
	b->tr = NULL;
	b->pe = NULL;
	b->sl = NULL;
	b->cap = 0;
}

/* Append word to the array literal in buf. */
static void array_add(char *buf, size_t len, const char *word)
{
	size_t n = strlen(buf);
	snprintf(buf + n, len - n, "%s%s", n > 1 ? "," : "", word);
}

void cor_facts_selection_arrays(char *programmes, size_t plen, char *states, size_t slen)
{
	snprintf(programmes, plen, "{");
	for (size_t i = 0; i < cor_programmes_len; i++)
		if (cor_programmes[i].is_admission)
			array_add(programmes, plen, cor_programmes[i].code);
	strncat(programmes, "}", plen - strlen(programmes) - 1);
	snprintf(states, slen, "{");
	for (size_t i = 0; i < ROWS(selection_of); i++)
		array_add(states, slen, selection_of[i].state);
	strncat(states, "}", slen - strlen(states) - 1);
}

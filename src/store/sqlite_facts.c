// SPDX-License-Identifier: Apache-2.0
// The SQLite side of store_facts.h: the facts of one case, or of every case,
// read in a few ordered passes and merged in C. What the facts mean (the
// eligibility verdict, the queue) is decided above the store
// (service/queue.c).
//
// How the passes fit (docs/queue.md, "How facts are read"):
//  - one scan of cases in id order; per case, in case id order: its persons
//    (from the (case_id, seq) index alone), counselling sessions, open
//    referrals;
//  - per person, in person id order: the person's row, documents, specific
//    needs, health checks (with the conditions of a check with conditions),
//    protection assessments with their clearance;
//  - each scan is a cursor that moves forward only: a case or person takes
//    the rows of its id, and rows of ids not asked for are stepped over.
//    Person ids follow case then seq order when persons are written case by
//    case (import, demo); a person met out of that order is read with
//    indexed queries of its own, so the result never depends on the order;
//  - a selection of cases reads its persons by case, and one case
//    (cor_store_facts_case) reads everything with indexed queries by id.
// Invariants: the only place records become facts is "The mapping" below;
// buffers are the loader's and reused from case to case; every statement is
// reset before a call returns.
#include "store/store_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/counselling.h"
#include "domain/document.h"
#include "domain/health.h"
#include "domain/protection.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

#define ROWS(a)                 (sizeof(a) / sizeof((a)[0]))
#define NEEDS_MAX               256           /* bytes of one person's ';'-separated needs codes */
#define ASYLUM_REFERRAL_SUBJECT "asylum wish" /* sqlite_workflow.c opens these */

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
 * (sql_selection_history). Other programmes: not submitted (their tables
 * have no ACCEPTANCE row). */
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

/* ---- Statements ------------------------------------------------------------
 * Each source has the same columns whether scanned in order (_all) or read
 * for one key (_one); column 0 is the key the rows are merged on. */

#define CASE_COLS                                                                                  \
	"id, ref, programme, office_id, origin, destination, state, priority, registered_on"
static const char sql_cases_all[] =
	"SELECT " CASE_COLS " FROM cases WHERE (?1 IS NULL OR programme = ?1)"
	" AND (?2 IS NULL OR office_id = ?2) AND (?3 IS NULL OR state = ?3) ORDER BY id";
static const char sql_cases_one[] = "SELECT " CASE_COLS " FROM cases WHERE id = ?1";

/* The persons of each case in seq order, from the (case_id, seq) index
 * alone; then each person's row by id. */
static const char sql_members_all[] = "SELECT case_id, id FROM person ORDER BY case_id, seq";
static const char sql_members_one[] =
	"SELECT case_id, id FROM person WHERE case_id = ?1 ORDER BY case_id, seq";
#define PERSON_COLS                                                                                \
	"id, seq, relationship, given_names_latin, family_name_latin, sex, birth_date, "           \
	"nationality"
static const char sql_person_all[] = "SELECT " PERSON_COLS " FROM person ORDER BY id";
static const char sql_person_one[] = "SELECT " PERSON_COLS " FROM person WHERE id = ?1";

#define DOC_COLS "person_id, kind, number, issuer, expires_on"
static const char sql_docs_all[] = "SELECT " DOC_COLS " FROM document ORDER BY person_id, id";
static const char sql_docs_one[] =
	"SELECT " DOC_COLS " FROM document WHERE person_id = ?1 ORDER BY person_id, id";

static const char sql_needs_all[] =
	"SELECT person_id, code FROM person_need ORDER BY person_id, code";
static const char sql_needs_one[] =
	"SELECT person_id, code FROM person_need WHERE person_id = ?1 ORDER BY person_id, code";

/* Conditions only on a check with conditions: the health rules allow them
 * there alone (cor_health_check_validate). */
#define HEALTH_COLS                                                                                \
	"h.person_id, h.id, h.kind, h.at, h.outcome, h.tb_class,"                                  \
	" CASE WHEN h.outcome = 'fit_with_conditions' THEN"                                        \
	" (SELECT group_concat(k.name, ';') FROM health_condition k WHERE k.check_id = h.id) END"
static const char sql_health_all[] =
	"SELECT " HEALTH_COLS " FROM health_check h ORDER BY h.person_id, h.kind, h.at, h.id";
static const char sql_health_one[] = "SELECT " HEALTH_COLS " FROM health_check h WHERE"
				     " h.person_id = ?1 ORDER BY h.person_id, h.kind, h.at, h.id";

#define PROTECTION_COLS "a.person_id, a.level, k.assessment_id IS NOT NULL"
#define PROTECTION_FROM                                                                            \
	" FROM protection_assessment a LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
static const char sql_protection_all[] =
	"SELECT " PROTECTION_COLS PROTECTION_FROM " ORDER BY a.person_id, a.id";
static const char sql_protection_one[] = "SELECT " PROTECTION_COLS PROTECTION_FROM
					 " WHERE a.person_id = ?1 ORDER BY a.person_id, a.id";

static const char sql_counselling_all[] =
	"SELECT case_id, decision FROM counselling ORDER BY case_id, no";
static const char sql_counselling_one[] =
	"SELECT case_id, decision FROM counselling WHERE case_id = ?1 ORDER BY case_id, no";

static const char sql_referral_all[] =
	"SELECT case_id, subject FROM referral WHERE closed_at IS NULL ORDER BY case_id, no";
static const char sql_referral_one[] =
	"SELECT case_id, subject FROM referral"
	" WHERE case_id = ?1 AND closed_at IS NULL ORDER BY case_id, no";

/* The latest selection step in a case's history (see selection_of). */
static const char sql_selection_history[] =
	"SELECT substr(detail, instr(detail, ' -> ') + 4) FROM event"
	" WHERE case_id = ?1 AND action = 'state' AND (detail LIKE '% -> submitted'"
	" OR detail LIKE '% -> interviewed' OR detail LIKE '% -> accepted'"
	" OR detail LIKE '% -> rejected') ORDER BY id DESC LIMIT 1";

static const char sql_offices[] = "SELECT id, code FROM office ORDER BY id";

/* ---- The loader --------------------------------------------------------- */

/* The strings a traveller's facts point at, and scratch for merging. */
struct slot {
	char ref[COR_PERSON_REF_MAX];
	char name[2 * COR_NAME_MAX + 2];
	char needs[NEEDS_MAX];
	char docno[COR_FACT_DOCS_MAX][COR_DOCNO_MAX + 1];
	char tb_at[COR_HEALTH_TIME_LEN]; /* the TB class in effect: its check's time and id */
	int64_t tb_id;
};

struct loader;

/* A source of rows merged on column 0: a scan when open (stream), else a
 * query by key. */
struct side {
	const char *sql_all, *sql_one, *what;
	/* Take one row for traveller i (person sources) or the case (i = -1). */
	int (*take)(struct loader *l, int i, sqlite3_stmt *s);
	bool stream;
	sqlite3_stmt *cur; /* stream: the scan, on a row unless done */
	bool done;
	int64_t key;
};

struct office_code {
	int64_t id;
	char code[8];
};

struct loader {
	struct cor_store *st;
	const struct cor_date *travel_on;
	int64_t last_person; /* the highest person id taken from a scan */
	struct office_code *offices;
	size_t n_offices;
	/* The case being built. */
	struct cor_facts_case fc;
	struct cor_traveller_facts *tr;
	struct cor_facts_person *pe;
	struct slot *sl;
	size_t cap;
	struct side person_row;      /* the person's own row */
	struct side persons_side[4]; /* what each person has */
	struct side case_side[3];    /* what the case has: its persons first */
};

static const char *col(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return v ? v : "";
}

static void copy(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);
	if (n >= len)
		n = len - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Documents: keep COR_FACT_DOCS_MAX, preferring travel documents, and among
 * those the ones that stay valid longest (no expiry: longest). */
static bool outlasts(const struct cor_doc_facts *a, const struct cor_doc_facts *b)
{
	if (!a->has_expiry || !b->has_expiry)
		return !a->has_expiry && b->has_expiry;
	return cor_date_cmp(a->expires_on, b->expires_on) > 0;
}

static int take_doc(struct loader *l, int i, sqlite3_stmt *s)
{
	struct cor_traveller_facts *t = &l->tr[i];
	struct cor_doc_facts d;
	memset(&d, 0, sizeof(d));
	if (cor_doc_kind_parse(col(s, 1), &d.kind) < 0)
		d.kind = COR_DOC_NONE;
	copy(d.issuer, sizeof(d.issuer), col(s, 3));
	d.has_expiry = sqlite3_column_type(s, 4) != SQLITE_NULL &&
		       cor_date_parse(col(s, 4), &d.expires_on) == 0;
	l->pe[i].docs_held++;
	int at = t->n_docs;
	if (at == COR_FACT_DOCS_MAX) {
		/* Full: d replaces a document that is no travel document, else
		 * the travel document that expires first, if d outlasts it. */
		if (!cor_document_is_travel(d.kind))
			return 0;
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
			return 0;
	} else {
		t->n_docs++;
	}
	copy(l->sl[i].docno[at], sizeof(l->sl[i].docno[at]), col(s, 2));
	d.number = l->sl[i].docno[at];
	t->docs[at] = d;
	return 0;
}

static int take_need(struct loader *l, int i, sqlite3_stmt *s)
{
	char *needs = l->sl[i].needs;
	const char *code = col(s, 1);
	size_t have = strlen(needs), n = strlen(code);
	if (!n || have + (have > 0) + n >= NEEDS_MAX)
		return 0;
	if (have)
		needs[have++] = ';';
	memcpy(needs + have, code, n + 1);
	return 0;
}

/* Rows come by kind, then examination time, then id: the last fitness row is
 * the latest check; the TB class is that of the latest row with one. */
static int take_health(struct loader *l, int i, sqlite3_stmt *s)
{
	struct cor_traveller_facts *t = &l->tr[i];
	struct slot *sl = &l->sl[i];
	int64_t id = sqlite3_column_int64(s, 1);
	const char *at = col(s, 3);
	int64_t when;
	bool timed = cor_health_time_parse(at, &when) == 0;
	if (!strcmp(col(s, 2), cor_health_kind_name(COR_HEALTH_FITNESS))) {
		t->fitness = map_fitness(col(s, 4));
		l->pe[i].conditions = 0;
		if (timed) {
			cor_health_time_split(when, &t->fitness_on, &t->fitness_minute);
		} else {
			memset(&t->fitness_on, 0, sizeof(t->fitness_on));
			t->fitness_minute = COR_TIME_UNKNOWN;
		}
		for (const char *c = col(s, 6); *c;) {
			char name[24];
			size_t n = strcspn(c, ";");
			enum cor_health_condition cond;
			if (n < sizeof(name)) {
				memcpy(name, c, n);
				name[n] = '\0';
				if (cor_health_condition_parse(name, &cond) == 0)
					l->pe[i].conditions |= COR_HEALTH_COND_BIT(cond);
			}
			c += n + (c[n] == ';');
		}
	}
	enum cor_tb_class tb = map_tb(col(s, 5));
	if (tb == COR_TB__N)
		return 0;
	int later = strcmp(at, sl->tb_at);
	if (!sl->tb_at[0] || later > 0 || (later == 0 && id > sl->tb_id)) {
		t->tb = tb;
		copy(sl->tb_at, sizeof(sl->tb_at), at);
		sl->tb_id = id;
	}
	return 0;
}

/* Rows come by id: the last is the latest assessment. */
static int take_protection(struct loader *l, int i, sqlite3_stmt *s)
{
	l->tr[i].protection_risk = map_risk(col(s, 1));
	l->tr[i].protection_cleared = sqlite3_column_int(s, 2) != 0;
	return 0;
}

/* Sessions come by number: the last is the latest decision. */
static int take_counselling(struct loader *l, int i, sqlite3_stmt *s)
{
	l->fc.f.counselled = true;
	l->fc.f.decision = map_decision(col(s, 1));
	return 0;
}

static int take_referral(struct loader *l, int i, sqlite3_stmt *s)
{
	l->fc.f.open_referrals++;
	if (!strcmp(col(s, 1), ASYLUM_REFERRAL_SUBJECT))
		l->fc.f.asylum_wish = true;
	return 0;
}

static int take_person(struct loader *l, int i, sqlite3_stmt *s);
static int take_member(struct loader *l, int i, sqlite3_stmt *s);

static void sides_init(struct loader *l)
{
	static const struct side row = {sql_person_all,
					sql_person_one,
					"reading persons",
					take_person,
					false,
					NULL,
					true,
					0};
	static const struct side persons[] = {
		{sql_docs_all, sql_docs_one, "reading documents", take_doc, false, NULL, true, 0},
		{sql_needs_all, sql_needs_one, "reading specific needs", take_need, false, NULL,
		 true, 0},
		{sql_health_all, sql_health_one, "reading health checks", take_health, false, NULL,
		 true, 0},
		{sql_protection_all, sql_protection_one, "reading protection assessments",
		 take_protection, false, NULL, true, 0},
	};
	static const struct side cases[] = {
		{sql_members_all, sql_members_one, "reading persons", take_member, false, NULL,
		 true, 0},
		{sql_counselling_all, sql_counselling_one, "reading counselling sessions",
		 take_counselling, false, NULL, true, 0},
		{sql_referral_all, sql_referral_one, "reading referrals", take_referral, false,
		 NULL, true, 0},
	};
	_Static_assert(ROWS(persons) == ROWS(l->persons_side), "person sources");
	_Static_assert(ROWS(cases) == ROWS(l->case_side), "case sources");
	l->person_row = row;
	memcpy(l->persons_side, persons, sizeof(persons));
	memcpy(l->case_side, cases, sizeof(cases));
}

static int side_step(struct loader *l, struct side *sd)
{
	int rc = sqlite3_step(sd->cur);
	if (rc == SQLITE_ROW) {
		sd->key = sqlite3_column_int64(sd->cur, 0);
		return 0;
	}
	sd->done = true;
	return rc == SQLITE_DONE ? 0 : cor_sqlite_fail(l->st, rc, sd->what);
}

/* Begin the scan of sd: from now on its rows come from it, in key order. */
static int side_open(struct loader *l, struct side *sd)
{
	sd->cur = cor_sqlite_stmt(l->st, sd->sql_all);
	if (!sd->cur)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), sd->what);
	sd->stream = true;
	sd->done = false;
	return side_step(l, sd);
}

/* The rows of key for traveller i (or the case: -1): from the scan when it
 * is open and the key comes in order, else with a query of their own. Rows
 * the scan steps over belong to keys not asked for, or asked for out of
 * order (and then read by the query). */
static int side_take(struct loader *l, struct side *sd, int i, int64_t key, bool in_order)
{
	int err = 0;
	if (sd->stream && in_order) {
		while (!sd->done && sd->key < key && (err = side_step(l, sd)) == 0)
			;
		while (err == 0 && !sd->done && sd->key == key &&
		       (err = sd->take(l, i, sd->cur)) == 0)
			err = side_step(l, sd);
		return err;
	}
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sd->sql_one);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), sd->what);
	sqlite3_bind_int64(s, 1, key);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && (err = sd->take(l, i, s)) == 0)
		;
	if (err == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = cor_sqlite_fail(l->st, rc, sd->what);
	sqlite3_reset(s);
	return err;
}

static void side_reset(struct side *sd)
{
	if (sd->stream && sd->cur)
		sqlite3_reset(sd->cur);
	sd->stream = false;
}

static void sides_reset(struct loader *l)
{
	side_reset(&l->person_row);
	for (size_t i = 0; i < ROWS(l->persons_side); i++)
		side_reset(&l->persons_side[i]);
	for (size_t i = 0; i < ROWS(l->case_side); i++)
		side_reset(&l->case_side[i]);
}

static int load_offices(struct loader *l)
{
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sql_offices);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), "reading offices");
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (l->n_offices % 32 == 0) {
			void *p = realloc(l->offices, (l->n_offices + 32) * sizeof(*l->offices));
			if (!p) {
				err = COR_ENOMEM;
				cor_sqlite_msg(l->st, "out of memory reading offices");
				break;
			}
			l->offices = p;
		}
		struct office_code *o = &l->offices[l->n_offices++];
		o->id = sqlite3_column_int64(s, 0);
		copy(o->code, sizeof(o->code), col(s, 1));
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(l->st, rc, "reading offices");
	sqlite3_reset(s);
	return err;
}

static const char *office_code(const struct loader *l, int64_t id)
{
	for (size_t i = 0; i < l->n_offices; i++)
		if (l->offices[i].id == id)
			return l->offices[i].code;
	return "";
}

static int grow(struct loader *l, size_t n)
{
	if (n <= l->cap)
		return 0;
	size_t cap = l->cap ? l->cap * 2 : 16;
	while (cap < n)
		cap *= 2;
	void *tr = realloc(l->tr, cap * sizeof(*l->tr));
	if (tr)
		l->tr = tr;
	void *pe = realloc(l->pe, cap * sizeof(*l->pe));
	if (pe)
		l->pe = pe;
	void *sl = realloc(l->sl, cap * sizeof(*l->sl));
	if (sl)
		l->sl = sl;
	if (!tr || !pe || !sl) {
		cor_sqlite_msg(l->st, "out of memory reading a case of %zu persons", n);
		return COR_ENOMEM;
	}
	/* The facts point into the slots: point them again. */
	for (size_t i = 0; i < l->fc.f.n_travellers; i++) {
		l->tr[i].ref = l->sl[i].ref;
		l->tr[i].display_name = l->sl[i].name;
		l->tr[i].needs = l->sl[i].needs;
		for (int k = 0; k < l->tr[i].n_docs; k++)
			l->tr[i].docs[k].number = l->sl[i].docno[k];
	}
	l->fc.f.travellers = l->tr;
	l->fc.persons = l->pe;
	l->cap = cap;
	return 0;
}

/* Start case fc from a row of the cases query. */
static void case_begin(struct loader *l, sqlite3_stmt *s)
{
	struct cor_facts_case *fc = &l->fc;
	struct cor_case *c = &fc->c;
	memset(c, 0, sizeof(*c));
	memset(&fc->f, 0, sizeof(fc->f));
	fc->id = sqlite3_column_int64(s, 0);
	copy(c->ref, sizeof(c->ref), col(s, 1));
	copy(c->programme, sizeof(c->programme), col(s, 2));
	copy(c->office, sizeof(c->office), office_code(l, sqlite3_column_int64(s, 3)));
	copy(c->origin, sizeof(c->origin), col(s, 4));
	copy(c->destination, sizeof(c->destination), col(s, 5));
	copy(c->state, sizeof(c->state), col(s, 6));
	if (cor_priority_parse(col(s, 7), &c->priority) < 0)
		c->priority = COR_PRIO_NORMAL;
	if (cor_date_parse(col(s, 8), &c->registered_on) < 0)
		memset(&c->registered_on, 0, sizeof(c->registered_on));

	struct cor_case_facts *f = &fc->f;
	f->ref = c->ref;
	f->programme = cor_programme_find(c->programme);
	memcpy(f->destination, c->destination, sizeof(f->destination));
	f->priority = c->priority;
	f->registered_on = c->registered_on; /* no record of a later change of level */
	f->has_travel_date = l->travel_on != NULL;
	if (l->travel_on)
		f->travel_on = *l->travel_on;
	f->departure_minute = COR_TIME_UNKNOWN; /* no movement booked yet */
	f->travellers = l->tr;
	fc->persons = l->pe;
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

/* The name as documents print it (cor_document_holder): given names, then
 * family name, Latin script, ASCII letters in upper case. */
static void holder_name(char out[2 * COR_NAME_MAX + 2], const char *given, const char *family)
{
	size_t o = 0;
	for (const char *c = given; *c && o < COR_NAME_MAX; c++)
		out[o++] = *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
	if (o && *family)
		out[o++] = ' ';
	for (const char *c = family; *c && o < 2 * COR_NAME_MAX + 1; c++)
		out[o++] = *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
	out[o] = '\0';
}

/* The person's own row (PERSON_COLS) into traveller i. */
static int take_person(struct loader *l, int i, sqlite3_stmt *s)
{
	struct cor_traveller_facts *t = &l->tr[i];
	struct slot *sl = &l->sl[i];
	l->pe[i].seq = sqlite3_column_int(s, 1);
	person_ref(sl->ref, l->fc.c.ref, l->pe[i].seq);
	cor_relationship_parse(col(s, 2), &t->relationship);
	holder_name(sl->name, col(s, 3), col(s, 4));
	t->sex = col(s, 5)[0] ? col(s, 5)[0] : 'X';
	if (cor_date_parse(col(s, 6), &t->birth_date) < 0)
		memset(&t->birth_date, 0, sizeof(t->birth_date));
	copy(t->nationality, sizeof(t->nationality), col(s, 7));
	return 0;
}

/* A person of the case (column 1: its id), with everything it has. */
static int take_member(struct loader *l, int unused, sqlite3_stmt *s)
{
	int64_t pid = sqlite3_column_int64(s, 1);
	struct cor_case_facts *f = &l->fc.f;
	int err = grow(l, f->n_travellers + 1);
	if (err < 0)
		return err;
	size_t i = f->n_travellers++;
	struct cor_traveller_facts *t = &l->tr[i];
	struct slot *sl = &l->sl[i];
	memset(t, 0, sizeof(*t));
	memset(&l->pe[i], 0, sizeof(l->pe[i]));
	l->pe[i].id = pid;
	sl->ref[0] = sl->name[0] = sl->needs[0] = sl->tb_at[0] = '\0';
	sl->tb_id = 0;
	t->ref = sl->ref;
	t->display_name = sl->name;
	t->needs = sl->needs;
	t->relationship = COR_REL_UNRELATED;
	t->sex = 'X';
	t->fitness_minute = COR_TIME_UNKNOWN;

	bool in_order = pid > l->last_person;
	if (in_order)
		l->last_person = pid;
	err = side_take(l, &l->person_row, (int)i, pid, in_order);
	for (size_t k = 0; k < ROWS(l->persons_side) && err == 0; k++)
		err = side_take(l, &l->persons_side[k], (int)i, pid, in_order);
	return err;
}

/* The case's own rows (its persons first), and its selection step. */
static int case_rows(struct loader *l)
{
	struct cor_facts_case *fc = &l->fc;
	int err = 0;
	for (size_t k = 0; k < ROWS(l->case_side) && err == 0; k++)
		err = side_take(l, &l->case_side[k], -1, fc->id, true);
	if (err < 0 || !fc->f.programme || !fc->f.programme->is_admission)
		return err;
	if (map_selection(fc->c.state, &fc->f.selection))
		return 0;
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sql_selection_history);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), "reading the history");
	sqlite3_bind_int64(s, 1, fc->id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (!map_selection(col(s, 0), &fc->f.selection))
			fc->f.selection = COR_SELECTION_NOT_SUBMITTED;
	} else if (rc != SQLITE_DONE) {
		err = cor_sqlite_fail(l->st, rc, "reading the history");
	}
	sqlite3_reset(s);
	return err;
}

/* Read the cases of the cases query s (bound), giving each to cb. */
static int load(struct loader *l, sqlite3_stmt *s, cor_facts_cb cb, void *ctx)
{
	int rc = SQLITE_DONE, err = 0, ret = 0;
	while (err == 0 && ret == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		case_begin(l, s);
		if ((err = case_rows(l)) == 0)
			ret = cb(&l->fc, ctx);
	}
	if (err == 0 && ret == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(l->st, rc, "reading cases");
	sqlite3_reset(s);
	return err < 0 ? err : ret;
}

static void loader_release(struct loader *l)
{
	sides_reset(l);
	free(l->tr);
	free(l->pe);
	free(l->sl);
	free(l->offices);
}

static int load_one(struct cor_store *st, int64_t case_id, const struct cor_date *travel_on,
		    cor_facts_cb cb, void *ctx)
{
	struct loader l;
	memset(&l, 0, sizeof(l));
	l.st = st;
	l.travel_on = travel_on;
	sides_init(&l);
	int err = load_offices(&l);
	sqlite3_stmt *s = NULL;
	if (err == 0 && !(s = cor_sqlite_stmt(st, sql_cases_one)))
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	if (err == 0) {
		sqlite3_bind_int64(s, 1, case_id);
		err = load(&l, s, cb, ctx);
	}
	loader_release(&l);
	return err;
}

int cor_store_facts_case(struct cor_store *st, const char *ref, const struct cor_date *travel_on,
			 cor_facts_cb cb, void *ctx)
{
	int64_t id;
	int err = cor_sqlite_case_id(st, ref, &id);
	return err < 0 ? err : load_one(st, id, travel_on, cb, ctx);
}

int cor_store_facts_each(struct cor_store *st, const struct cor_facts_query *q, cor_facts_cb cb,
			 void *ctx)
{
	struct loader l;
	sqlite3_stmt *s = NULL;
	int err;
	memset(&l, 0, sizeof(l));
	l.st = st;
	l.travel_on = q ? q->travel_on : NULL;
	sides_init(&l);
	if ((err = load_offices(&l)) < 0)
		goto out;
	int64_t office_id = 0;
	if (q && q->office) {
		for (size_t i = 0; i < l.n_offices && !office_id; i++)
			if (!strcmp(l.offices[i].code, q->office))
				office_id = l.offices[i].id;
		if (!office_id) {
			cor_sqlite_msg(st, "no office '%s'", q->office);
			err = COR_ENOTFOUND;
			goto out;
		}
	}
	if (!(s = cor_sqlite_stmt(st, sql_cases_all))) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading cases");
		goto out;
	}
	cor_sqlite_bind_opt(s, 1, q ? q->programme : NULL);
	if (office_id)
		sqlite3_bind_int64(s, 2, office_id);
	cor_sqlite_bind_opt(s, 3, q ? q->state : NULL);
	/* Every scan begins before the first case is read, in one read
	 * transaction with the others. A selection of cases reads its persons
	 * by case (an indexed query each) rather than scanning all of them. */
	bool all = !q || (!q->programme && !q->office && !q->state);
	if (all && (err = side_open(&l, &l.person_row)) == 0)
		err = side_open(&l, &l.case_side[0]);
	for (size_t k = 0; k < ROWS(l.persons_side) && err == 0; k++)
		err = side_open(&l, &l.persons_side[k]);
	for (size_t k = 1; k < ROWS(l.case_side) && err == 0; k++)
		err = side_open(&l, &l.case_side[k]);
	if (err == 0)
		err = load(&l, s, cb, ctx);
out:
	loader_release(&l);
	return err;
}

void cor_store_facts_note(struct cor_store *st, const char *msg)
{
	cor_sqlite_msg(st, "%s", msg);
}

// SPDX-License-Identifier: Apache-2.0
// Unit tests for the eligibility engine. Table-driven golden cases: each is
// facts in (a case and its travellers, as designated initialisers) and the
// exact list of (code, person, sentence) out, in report order. Together they
// cover every programme, every unmet code, the edge dates (a document
// expiring on the travel date, a passport with exactly its margin, a fitness
// check exactly 72 hours before departure, by the day and by the minute) and
// many failures at once. Then: the default tables, the report buffer's
// overflow, bad facts, the enum names, and the config parser: what each key
// changes, and every error it refuses a line with.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/eligibility.h"
#include "domain/needs.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* The golden facts override single members of a ready traveller; only
 * top-level members are overridden, which C defines as the last one wins. */
#ifdef __clang__
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic ignored "-Woverride-init"
#endif

/* ---- Facts ------------------------------------------------------------ */

// clang-format off
#define TODAY {2027, 1, 5}

/* A case that meets every case criterion of every programme, travelling on
 * 2027-01-10 at an unknown hour. */
#define CASE_OK(ref_, dest_)                                                                  \
	.ref = ref_, .destination = dest_, .priority = COR_PRIO_NORMAL,                       \
	.registered_on = {2026, 10, 2}, .has_travel_date = true, .travel_on = {2027, 1, 10},  \
	.departure_minute = COR_TIME_UNKNOWN, .counselled = true,                            \
	.decision = COR_DECISION_YES, .selection = COR_SELECTION_ACCEPTED

#define DOC(kind_, no_, y, m, d)                                                             \
	{.kind = COR_DOC_##kind_, .issuer = "NGA", .number = no_, .expires_on = {y, m, d},    \
	 .has_expiry = true}
#define PASSPORT(y, m, d) DOC(PASSPORT, "A01234567", y, m, d)
#define ETD(y, m, d) DOC(ETD, "ETD998877", y, m, d)
#define LAISSEZ(y, m, d) DOC(LAISSEZ_PASSER, "LP445566", y, m, d)
#define REFUGEE_TD(y, m, d) DOC(REFUGEE_TD, "RTD112233", y, m, d)
#define ID_CARD(y, m, d) DOC(ID_CARD, "ID5550001", y, m, d)
#define VISA(y, m, d) DOC(VISA, "V00012345", y, m, d)

/* A traveller who meets every person criterion of every programme: a
 * passport valid to 2030, fit two days before travel, screened for TB with
 * no class, low protection risk. */
#define READY(ref_, name_, rel_, sex_, y, m, d)                                               \
	.ref = ref_, .display_name = name_, .relationship = COR_REL_##rel_, .sex = sex_,      \
	.birth_date = {y, m, d}, .nationality = "NGA", .needs = "", .n_docs = 1,             \
	.docs = {PASSPORT(2030, 1, 1)}, .fitness = COR_FITNESS_FIT, .fitness_on = {2027, 1, 8}, \
	.fitness_minute = COR_TIME_UNKNOWN, .tb = COR_TB_NONE, .protection_risk = COR_RISK_LOW

#define P1 "LY-TIP-2026-000101-01"
#define P2 "LY-TIP-2026-000101-02"
#define P3 "LY-TIP-2026-000101-03"
#define P4 "LY-TIP-2026-000101-04"
#define P5 "LY-TIP-2026-000101-05"
#define AMINA(...) {READY(P1, "AMINA YUSUF", PRINCIPAL, 'F', 1990, 5, 1), __VA_ARGS__}
#define IBRAHIM(...) {READY(P2, "IBRAHIM YUSUF", CHILD, 'M', 2015, 3, 3), __VA_ARGS__}
#define MUSA(...) {READY(P3, "MUSA YUSUF", SPOUSE, 'M', 1985, 2, 2), __VA_ARGS__}
#define FATIMA(...) {READY(P4, "FATIMA BELLO", SIBLING, 'F', 1995, 7, 7), __VA_ARGS__}
#define ZAINAB(...) {READY(P5, "ZAINAB YUSUF", CHILD, 'F', 2008, 6, 15), __VA_ARGS__}

#define CASE1 "LY-TIP-2026-000101"

struct want {
	const char *code;
	const char *person; /* reference, NULL for the case */
	const char *sentence;
};

struct golden {
	const char *name;
	const char *programme;
	struct cor_case_facts c; /* programme and travellers set when run */
	struct cor_traveller_facts t[5];
	size_t n;
	struct cor_date today;
	struct want want[8];
};

static const struct golden goldens[] = {
	/* ---- Ready cases, one per programme ---- */
	{"VHR: a ready family", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(), IBRAHIM(.docs = {ETD(2027, 2, 1)})}, 2, TODAY, {{0}}},
	{"HEV: no counselling, decision or protection assessment needed", "HEV",
	 {.ref = "SD-PZU-2027-000007", .destination = "NGA", .registered_on = {2027, 1, 2},
	  .has_travel_date = true, .travel_on = {2027, 1, 10}, .departure_minute = COR_TIME_UNKNOWN},
	 {AMINA(.protection_risk = COR_RISK_NOT_ASSESSED),
	  IBRAHIM(.protection_risk = COR_RISK_NOT_ASSESSED, .tb = COR_TB_NOT_SCREENED)},
	 2, TODAY, {{0}}},
	{"AVR: a ready family", "AVR", {CASE_OK(CASE1, "NGA")}, {AMINA(), IBRAHIM()}, 2, TODAY,
	 {{0}}},
	{"REP: a ready family", "REP", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.docs = {LAISSEZ(2027, 1, 31)}), IBRAHIM()}, 2, TODAY, {{0}}},
	{"HASM: a ready family, one fit with conditions", "HASM", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.fitness = COR_FITNESS_FIT_WITH_CONDITIONS), IBRAHIM()}, 2, TODAY, {{0}}},
	{"RST: ready for the USA; laissez-passer to the travel date, passport to 90 days", "RST",
	 {CASE_OK(CASE1, "USA")},
	 {AMINA(.docs = {LAISSEZ(2027, 1, 10)}), IBRAHIM(.tb = COR_TB_B2),
	  MUSA(.docs = {PASSPORT(2027, 4, 10)}, .tb = COR_TB_B1_PULMONARY)},
	 3, TODAY, {{0}}},
	{"REL: principal, spouse and a minor child", "REL", {CASE_OK(CASE1, "DEU")},
	 {AMINA(), IBRAHIM(), MUSA(.docs = {LAISSEZ(2027, 1, 12)})}, 3, TODAY, {{0}}},
	{"CPW: ready on a refugee travel document", "CPW", {CASE_OK(CASE1, "ITA")},
	 {AMINA(.docs = {REFUGEE_TD(2028, 1, 1)}), IBRAHIM()}, 2, TODAY, {{0}}},

	/* ---- Travel documents ---- */
	{"VHR: an ETD expiring on the travel date is valid", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(), IBRAHIM(.docs = {ETD(2027, 1, 10)})}, 2, TODAY, {{0}}},
	{"VHR: documents expiring before travel, one already expired", "VHR",
	 {CASE_OK(CASE1, "NGA")},
	 {AMINA(.docs = {PASSPORT(2027, 1, 9)}), IBRAHIM(.docs = {ETD(2026, 12, 1)})}, 2, TODAY,
	 {{"DOC_EXPIRES_BEFORE_TRAVEL", P1,
	   "passport of AMINA YUSUF expires 2027-01-09, before travel on 2027-01-10"},
	  {"DOC_EXPIRES_BEFORE_TRAVEL", P2,
	   "emergency travel document of IBRAHIM YUSUF expired 2026-12-01, before travel on "
	   "2027-01-10"}}},
	{"RST: a passport one day short of its 90-day margin", "RST", {CASE_OK(CASE1, "CAN")},
	 {AMINA(), MUSA(.docs = {PASSPORT(2027, 4, 9)})}, 2, TODAY,
	 {{"DOC_VALIDITY_SHORT", P3,
	   "passport of MUSA YUSUF expires 2027-04-09, 89 days after travel on 2027-01-10; RST "
	   "requires 90 days"}}},
	{"VHR: no accepted travel document", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.docs = {ID_CARD(2030, 1, 1)}), IBRAHIM(.n_docs = 0)}, 2, TODAY,
	 {{"NO_TRAVEL_DOCUMENT", P1,
	   "AMINA YUSUF holds no travel document accepted for VHR (passport, emergency travel "
	   "document or laissez-passer); holds: national ID card"},
	  {"NO_TRAVEL_DOCUMENT", P2,
	   "IBRAHIM YUSUF holds no travel document accepted for VHR (passport, emergency travel "
	   "document or laissez-passer)"}}},
	{"VHR: the best of several documents counts, and is the one reported", "VHR",
	 {CASE_OK(CASE1, "NGA")},
	 {AMINA(.n_docs = 3, .docs = {PASSPORT(2026, 6, 1), VISA(2028, 1, 1), ETD(2027, 3, 1)}),
	  IBRAHIM(.n_docs = 3, .docs = {PASSPORT(2026, 6, 1), ETD(2027, 1, 8), VISA(2028, 1, 1)})},
	 2, TODAY,
	 {{"DOC_EXPIRES_BEFORE_TRAVEL", P2,
	   "emergency travel document of IBRAHIM YUSUF expires 2027-01-08, before travel on "
	   "2027-01-10"}}},

	/* ---- Fitness to travel ---- */
	{"fitness: exactly 72 hours before travel, counted in days", "VHR",
	 {CASE_OK(CASE1, "NGA")},
	 {AMINA(.fitness_on = {2027, 1, 7}), IBRAHIM(.fitness_on = {2027, 1, 6})}, 2, TODAY,
	 {{"FITNESS_EXPIRED", P2,
	   "fitness check of IBRAHIM YUSUF on 2027-01-06 is 96 hours before travel on "
	   "2027-01-10; at most 72 hours are allowed"}}},
	{"fitness: exactly 72 hours before departure, to the minute", "VHR",
	 {CASE_OK(CASE1, "NGA"), .departure_minute = 600},
	 {AMINA(.fitness_on = {2027, 1, 7}, .fitness_minute = 600),
	  IBRAHIM(.fitness_on = {2027, 1, 7}, .fitness_minute = 599),
	  MUSA(.fitness_on = {2027, 1, 7})},
	 3, TODAY,
	 {{"FITNESS_EXPIRED", P2,
	   "fitness check of IBRAHIM YUSUF on 2027-01-07 09:59 is 72 hours 1 minute before "
	   "departure on 2027-01-10 10:00; at most 72 hours are allowed"}}},
	{"fitness: checks dated after travel", "AVR", {CASE_OK(CASE1, "NGA"), .departure_minute = 600},
	 {AMINA(.fitness_on = {2027, 1, 11}),
	  IBRAHIM(.fitness_on = {2027, 1, 10}, .fitness_minute = 660),
	  MUSA(.fitness_on = {2027, 1, 10}, .fitness_minute = 600)},
	 3, TODAY,
	 {{"FITNESS_AFTER_TRAVEL", P1,
	   "fitness check of AMINA YUSUF on 2027-01-11 is dated after travel on 2027-01-10"},
	  {"FITNESS_AFTER_TRAVEL", P2,
	   "fitness check of IBRAHIM YUSUF on 2027-01-10 11:00 is dated after departure on "
	   "2027-01-10 10:00"}}},
	{"fitness: unfit, deferred, missing", "HASM", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.fitness = COR_FITNESS_UNFIT), IBRAHIM(.fitness = COR_FITNESS_DEFERRED),
	  MUSA(.fitness = COR_FITNESS_NONE),
	  FATIMA(.fitness = COR_FITNESS_FIT, .fitness_on = {0, 0, 0})},
	 4, TODAY,
	 {{"UNFIT", P1, "AMINA YUSUF was found unfit to travel on 2027-01-08"},
	  {"FITNESS_DEFERRED", P2, "fitness to travel of IBRAHIM YUSUF was deferred on 2027-01-08"},
	  {"FITNESS_MISSING", P3, "no fitness-to-travel check recorded for MUSA YUSUF"},
	  {"FITNESS_MISSING", P4, "no fitness-to-travel check recorded for FATIMA BELLO"}}},
	{"no travel date: evaluated on the reference date", "AVR",
	 {CASE_OK(CASE1, "NGA"), .has_travel_date = false},
	 {AMINA(.docs = {PASSPORT(2027, 1, 1)}, .fitness_on = {2027, 1, 1}),
	  IBRAHIM(.fitness_on = {2027, 1, 4})},
	 2, TODAY,
	 {{"DOC_EXPIRES_BEFORE_TRAVEL", P1,
	   "passport of AMINA YUSUF expired 2027-01-01, before 2027-01-05 (no travel date set)"},
	  {"FITNESS_EXPIRED", P1,
	   "fitness check of AMINA YUSUF on 2027-01-01 is 96 hours before 2027-01-05 (no travel "
	   "date set); at most 72 hours are allowed"}}},

	/* ---- Voluntariness and protection ---- */
	{"VHR: voluntariness and protection, all at once", "VHR",
	 {CASE_OK(CASE1, "NGA"), .counselled = false, .decision = COR_DECISION_UNDECIDED,
	  .asylum_wish = true, .open_referrals = 2},
	 {AMINA(.protection_risk = COR_RISK_HIGH),
	  IBRAHIM(.protection_risk = COR_RISK_NOT_ASSESSED),
	  MUSA(.protection_risk = COR_RISK_HIGH, .protection_cleared = true),
	  FATIMA(.protection_risk = COR_RISK_MEDIUM)},
	 4, TODAY,
	 {{"NOT_COUNSELLED", NULL, "case LY-TIP-2026-000101 has not been counselled"},
	  {"NO_INFORMED_DECISION", NULL, "case LY-TIP-2026-000101 has no informed decision recorded"},
	  {"ASYLUM_REFERRAL_OPEN", NULL,
	   "case LY-TIP-2026-000101 wishes to apply for asylum; it is on hold until the asylum "
	   "referral is closed"},
	  {"REFERRAL_OPEN", NULL, "case LY-TIP-2026-000101 has 2 open referrals"},
	  {"PROTECTION_NOT_CLEARED", P1,
	   "protection risk of AMINA YUSUF on return is high and not cleared by a protection "
	   "officer"},
	  {"PROTECTION_NOT_ASSESSED", P2, "no protection risk assessment recorded for IBRAHIM YUSUF"}}},
	{"AVR: return declined, one referral open", "AVR",
	 {CASE_OK(CASE1, "NGA"), .decision = COR_DECISION_NO, .open_referrals = 1},
	 {AMINA(), IBRAHIM()}, 2, TODAY,
	 {{"RETURN_DECLINED", NULL,
	   "case LY-TIP-2026-000101 decided not to travel (informed decision: no)"},
	  {"REFERRAL_OPEN", NULL, "case LY-TIP-2026-000101 has 1 open referral"}}},

	/* ---- Principal applicant, age and relationships ---- */
	{"REP: no principal applicant", "REP", {CASE_OK(CASE1, "NGA")}, {IBRAHIM(), MUSA()}, 2,
	 TODAY, {{"NO_PRINCIPAL", NULL, "case LY-TIP-2026-000101 has no principal applicant"}}},
	{"HASM: two principal applicants", "HASM", {CASE_OK(CASE1, "NGA")},
	 {AMINA(), MUSA(.relationship = COR_REL_PRINCIPAL)}, 2, TODAY,
	 {{"SEVERAL_PRINCIPALS", NULL,
	   "case LY-TIP-2026-000101 has 2 principal applicants; it needs exactly one"}}},
	{"VHR: a child principal applicant", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.birth_date = {2010, 6, 1}, .needs = "SM-CI")}, 1, TODAY,
	 {{"PRINCIPAL_MINOR", P1,
	   "principal applicant AMINA YUSUF is 16 at travel on 2027-01-10, under 18, and is not "
	   "recorded as SC (unaccompanied or separated child)"}}},
	{"VHR: 17 the day before the 18th birthday", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.birth_date = {2009, 1, 11})}, 1, TODAY,
	 {{"PRINCIPAL_MINOR", P1,
	   "principal applicant AMINA YUSUF is 17 at travel on 2027-01-10, under 18, and is not "
	   "recorded as SC (unaccompanied or separated child)"}}},
	{"VHR: 18 on the travel date", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.birth_date = {2009, 1, 10})}, 1, TODAY, {{0}}},
	{"VHR: a separated child may lead the case", "VHR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.birth_date = {2010, 6, 1}, .needs = "SM-CI;SC-SC")}, 1, TODAY, {{0}}},
	{"AVR: principal applicant's birth date unknown", "AVR", {CASE_OK(CASE1, "NGA")},
	 {AMINA(.birth_date = {0, 0, 0}), IBRAHIM()}, 2, TODAY,
	 {{"PRINCIPAL_AGE_UNKNOWN", P1,
	   "birth date of principal applicant AMINA YUSUF is not recorded; the principal "
	   "applicant must be 18 or over"}}},
	{"REL: family members only, children under 18", "REL", {CASE_OK(CASE1, "DEU")},
	 {AMINA(), IBRAHIM(.birth_date = {0, 0, 0}), MUSA(), FATIMA(), ZAINAB()}, 5, TODAY,
	 {{"CHILD_AGE_UNKNOWN", P2,
	   "birth date of IBRAHIM YUSUF, child of the principal applicant, is not recorded; REL "
	   "takes children under 18 only"},
	  {"RELATIONSHIP_NOT_ALLOWED", P4,
	   "FATIMA BELLO is recorded as sibling; REL takes only principal applicant, spouse, "
	   "child, stepchild and parent"},
	  {"CHILD_OVER_AGE", P5,
	   "ZAINAB YUSUF, child of the principal applicant, is 18 at travel on 2027-01-10; REL "
	   "takes children under 18 only"}}},

	/* ---- TB classes (USA-bound resettlement) ---- */
	{"RST to the USA: class A, waived class A, not screened, an infant, an unrelated member",
	 "RST", {CASE_OK(CASE1, "USA")},
	 {AMINA(.tb = COR_TB_A), IBRAHIM(.tb = COR_TB_A, .tb_waived = true),
	  MUSA(.tb = COR_TB_NOT_SCREENED),
	  FATIMA(.relationship = COR_REL_UNRELATED, .tb = COR_TB_B1_EXTRAPULMONARY),
	  ZAINAB(.birth_date = {2026, 1, 1}, .tb = COR_TB_NOT_SCREENED)},
	 5, TODAY,
	 {{"TB_CLASS_A", P1,
	   "AMINA YUSUF has TB class A (infectious), which blocks travel to USA unless waived"},
	  {"TB_NOT_SCREENED", P3, "no TB classification recorded for MUSA YUSUF, bound for USA"},
	  {"RELATIONSHIP_NOT_ALLOWED", P4,
	   "FATIMA BELLO is recorded as unrelated; RST takes only principal applicant, spouse, "
	   "child, stepchild, parent, sibling, grandparent, grandchild and other relative"}}},
	{"RST to the USA: a traveller of unknown age needs screening", "RST",
	 {CASE_OK(CASE1, "USA")},
	 {AMINA(), IBRAHIM(.birth_date = {0, 0, 0}, .tb = COR_TB_NOT_SCREENED)}, 2, TODAY,
	 {{"TB_NOT_SCREENED", P2, "no TB classification recorded for IBRAHIM YUSUF, bound for USA"}}},
	{"RST elsewhere: TB classes are not checked", "RST", {CASE_OK(CASE1, "CAN")},
	 {AMINA(.tb = COR_TB_A), MUSA(.tb = COR_TB_NOT_SCREENED)}, 2, TODAY, {{0}}},

	/* ---- Admissions ---- */
	{"RST: interviewed, awaiting the decision", "RST",
	 {CASE_OK("TR-IST-2026-000202", "CAN"), .selection = COR_SELECTION_INTERVIEWED},
	 {AMINA()}, 1, TODAY,
	 {{"NOT_ACCEPTED", NULL,
	   "case TR-IST-2026-000202 is not accepted by the receiving state (interviewed, awaiting "
	   "a decision)"}}},
	{"REL: not submitted", "REL",
	 {CASE_OK("IT-ROM-2026-000303", "DEU"), .selection = COR_SELECTION_NOT_SUBMITTED},
	 {AMINA()}, 1, TODAY,
	 {{"NOT_ACCEPTED", NULL,
	   "case IT-ROM-2026-000303 is not accepted by the receiving state (not submitted)"}}},
	{"CPW: submitted", "CPW",
	 {CASE_OK("AF-KBL-2026-000404", "DEU"), .selection = COR_SELECTION_SUBMITTED}, {AMINA()},
	 1, TODAY,
	 {{"NOT_ACCEPTED", NULL,
	   "case AF-KBL-2026-000404 is not accepted by the receiving state (submitted, awaiting a "
	   "decision)"}}},
	{"CPW: everything at once", "CPW",
	 {CASE_OK("AF-KBL-2026-000405", "DEU"), .counselled = false,
	  .selection = COR_SELECTION_REJECTED},
	 {AMINA(.docs = {PASSPORT(2027, 2, 1)}, .fitness = COR_FITNESS_NONE),
	  IBRAHIM(.relationship = COR_REL_UNRELATED, .n_docs = 0)},
	 2, TODAY,
	 {{"NOT_COUNSELLED", NULL, "case AF-KBL-2026-000405 has not been counselled"},
	  {"SELECTION_REJECTED", NULL, "case AF-KBL-2026-000405 was rejected by the receiving state"},
	  {"DOC_VALIDITY_SHORT", P1,
	   "passport of AMINA YUSUF expires 2027-02-01, 22 days after travel on 2027-01-10; CPW "
	   "requires 90 days"},
	  {"FITNESS_MISSING", P1, "no fitness-to-travel check recorded for AMINA YUSUF"},
	  {"RELATIONSHIP_NOT_ALLOWED", P2,
	   "IBRAHIM YUSUF is recorded as unrelated; CPW takes only principal applicant, spouse, "
	   "child, stepchild, parent, sibling, grandparent, grandchild and other relative"},
	  {"NO_TRAVEL_DOCUMENT", P2,
	   "IBRAHIM YUSUF holds no travel document accepted for CPW (passport, laissez-passer or "
	   "refugee travel document)"}}},
};
// clang-format on

/* ---- Running goldens -------------------------------------------------- */

static struct cor_case_facts facts_of(const struct golden *g)
{
	struct cor_case_facts c = g->c;
	c.programme = cor_programme_find(g->programme);
	c.travellers = g->t;
	c.n_travellers = g->n;
	return c;
}

static size_t n_wanted(const struct golden *g)
{
	size_t n = 0;
	while (n < ROWS(g->want) && g->want[n].code)
		n++;
	return n;
}

static void print_report(const struct golden *g, const struct cor_case_facts *c,
			 const struct cor_eligibility *r)
{
	char s[512];
	fprintf(stderr, "golden '%s' reported %zu (+%zu overflow):\n", g->name, r->n, r->overflow);
	for (size_t i = 0; i < r->n; i++) {
		const struct cor_unmet *u = &r->unmet[i];
		cor_unmet_describe(u, c, s, sizeof(s));
		fprintf(stderr, "  {\"%s\", %s, \"%s\"}\n", cor_unmet_code_name(u->code),
			u->person < 0 ? "NULL" : c->travellers[u->person].ref, s);
	}
}

/* Evaluate golden g under cfg and compare with what it wants. */
static void check_golden(const struct golden *g, const struct cor_rules_config *cfg)
{
	struct cor_case_facts c = facts_of(g);
	struct cor_unmet buf[32];
	struct cor_eligibility r;
	char s[512];

	if (!c.programme)
		fail_msg("golden '%s': no programme '%s'", g->name, g->programme);
	cor_eligibility_init(&r, buf, ROWS(buf));
	assert_int_equal(cor_eligibility_evaluate(cfg, &c, g->today, &r), 0);
	size_t want = n_wanted(g);
	if (r.n != want || r.overflow) {
		print_report(g, &c, &r);
		fail_msg("golden '%s': %zu unmet, expected %zu", g->name, r.n, want);
	}
	assert_int_equal(cor_eligibility_is_met(&r), want == 0);
	for (size_t i = 0; i < want; i++) {
		const struct cor_unmet *u = &buf[i];
		const struct want *w = &g->want[i];
		const char *person = u->person < 0 ? NULL : c.travellers[u->person].ref;
		size_t need = cor_unmet_describe(u, &c, s, sizeof(s));
		if (strcmp(cor_unmet_code_name(u->code), w->code) ||
		    (person == NULL) != (w->person == NULL) ||
		    (person && strcmp(person, w->person)) || strcmp(s, w->sentence)) {
			print_report(g, &c, &r);
			fail_msg("golden '%s': item %zu differs", g->name, i);
		}
		assert_int_equal(need, strlen(s));
		/* The record points at the row that found it. */
		assert_non_null(u->rule);
		assert_int_equal(u->rule->criterion, cor_unmet_criterion(u->code));
		assert_int_equal(u->on,
				 cor_date_to_days(c.has_travel_date ? c.travel_on : g->today));
		if (u->doc >= 0)
			assert_true(u->doc < c.travellers[u->person].n_docs);
	}
}

static void test_goldens(void **state)
{
	struct cor_rules_config cfg = cor_rules_config_default();
	for (size_t i = 0; i < ROWS(goldens); i++)
		check_golden(&goldens[i], &cfg);
}

/* The goldens reach every code and every programme, and each programme has
 * a golden that passes. */
static void test_golden_coverage(void **state)
{
	bool code_seen[COR_UNMET__N] = {false};
	for (size_t i = 0; i < ROWS(goldens); i++)
		for (size_t k = 0; k < n_wanted(&goldens[i]); k++) {
			bool found = false;
			for (int c = 0; c < COR_UNMET__N; c++)
				if (!strcmp(cor_unmet_code_name((enum cor_unmet_code)c),
					    goldens[i].want[k].code))
					code_seen[c] = found = true;
			if (!found)
				fail_msg("golden '%s' wants unknown code '%s'", goldens[i].name,
					 goldens[i].want[k].code);
		}
	for (int c = 0; c < COR_UNMET__N; c++)
		if (!code_seen[c])
			fail_msg("no golden covers %s",
				 cor_unmet_code_name((enum cor_unmet_code)c));
	for (size_t p = 0; p < cor_programmes_len; p++) {
		bool any = false, ready = false;
		for (size_t i = 0; i < ROWS(goldens); i++) {
			if (strcmp(goldens[i].programme, cor_programmes[p].code))
				continue;
			any = true;
			ready = ready || n_wanted(&goldens[i]) == 0;
		}
		if (!any || !ready)
			fail_msg("programme %s lacks a golden%s", cor_programmes[p].code,
				 any ? " that passes" : "");
	}
}

/* ---- Other evaluation behaviour --------------------------------------- */

static const struct golden *golden_named(const char *prefix)
{
	for (size_t i = 0; i < ROWS(goldens); i++)
		if (!strncmp(goldens[i].name, prefix, strlen(prefix)))
			return &goldens[i];
	fail_msg("no golden '%s'", prefix);
	return NULL;
}

/* A full buffer counts what it could not hold; what it holds is the start. */
static void test_overflow(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	const struct golden *g = golden_named("VHR: voluntariness");
	struct cor_case_facts c = facts_of(g);
	struct cor_unmet buf[3];
	struct cor_eligibility r;
	char s[256];

	cor_eligibility_init(&r, buf, ROWS(buf));
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.overflow, 3);
	assert_false(cor_eligibility_is_met(&r));
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(cor_unmet_code_name(buf[i].code), g->want[i].code);
		cor_unmet_describe(&buf[i], &c, s, sizeof(s));
		assert_string_equal(s, g->want[i].sentence);
	}
	/* No buffer at all: everything is overflow, and the verdict stands. */
	cor_eligibility_init(&r, NULL, 0);
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.overflow, 6);
	assert_false(cor_eligibility_is_met(&r));
	/* A second evaluation starts afresh. */
	g = golden_named("VHR: a ready family");
	c = facts_of(g);
	cor_eligibility_init(&r, buf, ROWS(buf));
	r.n = 2, r.overflow = 5;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_true(cor_eligibility_is_met(&r));
	assert_int_equal(r.overflow, 0);
}

static void test_bad_facts(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	const struct golden *g = golden_named("VHR: a ready family");
	struct cor_unmet buf[8];
	struct cor_eligibility r;
	struct cor_case_facts c = facts_of(g);

	cor_eligibility_init(&r, buf, ROWS(buf));
	c.programme = NULL;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), COR_EINVAL);
	static const struct cor_programme stranger = {"XYZ", "not ours", false, false, NULL};
	c.programme = &stranger;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), COR_EINVAL);
	c = facts_of(g);
	c.travel_on = (struct cor_date){2027, 2, 30};
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), COR_EINVAL);
	c = facts_of(g);
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, (struct cor_date){0, 0, 0}, &r),
			 COR_EINVAL);
	c.travellers = NULL;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), COR_EINVAL);
	/* A document whose expiry is not a real day counts as long expired. */
	struct cor_traveller_facts t[2] = {g->t[0], g->t[1]};
	t[0].docs[0].expires_on = (struct cor_date){2027, 2, 30};
	t[1].docs[0].expires_on = (struct cor_date){2147483647, 1, 1};
	c = facts_of(g);
	c.travellers = t;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(buf[0].code, COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL);
	assert_int_equal(buf[1].code, COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL);
	char s[256];
	cor_unmet_describe(&buf[0], &c, s, sizeof(s));
	assert_string_equal(s, "passport of AMINA YUSUF expired 2027-02-30, before travel on "
			       "2027-01-10");
	/* No travellers at all: no principal applicant. */
	c.n_travellers = 0;
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(buf[0].code, COR_UNMET_NO_PRINCIPAL);
}

/* Sentences follow snprintf: cut to the buffer, always terminated, and the
 * return is the length of the whole. A traveller without a name is named by
 * reference, and without either by position. */
static void test_describe(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	const struct golden *g = golden_named("VHR: documents expiring");
	struct cor_case_facts c = facts_of(g);
	struct cor_traveller_facts t[2] = {g->t[0], g->t[1]};
	struct cor_unmet buf[4];
	struct cor_eligibility r;
	char s[16], big[256];

	c.travellers = t;
	cor_eligibility_init(&r, buf, ROWS(buf));
	assert_int_equal(cor_eligibility_evaluate(&cfg, &c, g->today, &r), 0);
	assert_int_equal(r.n, 2);
	size_t need = cor_unmet_describe(&buf[0], &c, s, sizeof(s));
	assert_int_equal(need, strlen(g->want[0].sentence));
	assert_string_equal(s, "passport of AMI");
	assert_int_equal(cor_unmet_describe(&buf[0], &c, NULL, 0), need);

	t[0].display_name = "";
	cor_unmet_describe(&buf[0], &c, big, sizeof(big));
	assert_string_equal(big, "passport of LY-TIP-2026-000101-01 expires 2027-01-09, before "
				 "travel on 2027-01-10");
	t[0].display_name = NULL;
	t[0].ref = NULL;
	cor_unmet_describe(&buf[0], &c, big, sizeof(big));
	assert_string_equal(big, "passport of traveller 1 expires 2027-01-09, before travel on "
				 "2027-01-10");
}

/* ---- Default tables --------------------------------------------------- */

static const struct cor_rule *rule_of(const struct cor_rules_config *cfg, const char *prog,
				      enum cor_criterion c)
{
	const struct cor_programme_rules *pr = cor_rules_for(cfg, cor_programme_find(prog));
	assert_non_null(pr);
	for (size_t k = 0; k < pr->n_rules; k++)
		if (pr->rules[k].criterion == c)
			return &pr->rules[k];
	return NULL;
}

/* The tables of docs/eligibility.md, criterion by criterion. */
static void test_default_tables(void **state)
{
	static const struct {
		const char *prog;
		const char *criteria; /* one letter per criterion, in enum order */
	} want[] = {
		/* P principal, C counselled, D decision, A asylum, R referrals,
		 * S acceptance, g principal age, f family, F fitness, T travel
		 * document, B TB, X protection */
		{"HEV", "P.....g.FT.."}, {"VHR", "PCDAR.g.FT.X"},  {"AVR", "PCDAR.g.FT.X"},
		{"REP", "PCDAR.g.FT.X"}, {"HASM", "PCDAR.g.FT.X"}, {"RST", "PC...SgfFTB."},
		{"REL", "PC...SgfFT.."}, {"CPW", "PC...SgfFT.."},
	};
	static const char letters[] = "PCDARSgfFTBX";
	const struct cor_rules_config cfg = cor_rules_config_default();

	assert_int_equal(cfg.n_programmes, cor_programmes_len);
	assert_int_equal(ROWS(want), cor_programmes_len);
	assert_int_equal(strlen(letters), COR_CRIT__N);
	for (size_t i = 0; i < ROWS(want); i++) {
		const struct cor_programme_rules *pr = &cfg.programmes[i];
		assert_ptr_equal(pr->programme, cor_programme_find(want[i].prog));
		char got[COR_CRIT__N + 1];
		memset(got, '.', COR_CRIT__N);
		got[COR_CRIT__N] = '\0';
		for (size_t k = 0; k < pr->n_rules; k++) {
			enum cor_criterion c = pr->rules[k].criterion;
			if (got[c] != '.')
				fail_msg("%s: %s twice", want[i].prog, cor_criterion_name(c));
			got[c] = letters[c];
			/* Case rows come before person rows. */
			if (k > 0)
				assert_true(cor_criterion_scope(pr->rules[k - 1].criterion) <=
					    cor_criterion_scope(c));
		}
		if (strcmp(got, want[i].criteria))
			fail_msg("%s: criteria %s, expected %s", want[i].prog, got,
				 want[i].criteria);
		assert_int_equal(rule_of(&cfg, want[i].prog, COR_CRIT_FITNESS)->value, 72);
		const struct cor_rule *age = rule_of(&cfg, want[i].prog, COR_CRIT_PRINCIPAL_AGE);
		assert_int_equal(age->value, 18);
		assert_string_equal(age->exempt, "SC");
	}
	const uint32_t home =
		1u << COR_DOC_PASSPORT | 1u << COR_DOC_ETD | 1u << COR_DOC_LAISSEZ_PASSER;
	const uint32_t abroad =
		1u << COR_DOC_PASSPORT | 1u << COR_DOC_LAISSEZ_PASSER | 1u << COR_DOC_REFUGEE_TD;
	static const char *const homes[] = {"HEV", "VHR", "AVR", "REP", "HASM"};
	for (size_t i = 0; i < ROWS(homes); i++) {
		const struct cor_rule *d = rule_of(&cfg, homes[i], COR_CRIT_TRAVEL_DOCUMENT);
		assert_int_equal(d->mask, home);
		for (int k = 0; k < COR_DOC__N; k++)
			assert_int_equal(d->margin_days[k], 0);
	}
	for (size_t i = 1; i < ROWS(homes); i++)
		assert_int_equal(rule_of(&cfg, homes[i], COR_CRIT_PROTECTION)->value,
				 COR_RISK_HIGH);
	static const char *const abroads[] = {"RST", "CPW"};
	for (size_t i = 0; i < ROWS(abroads); i++) {
		const struct cor_rule *d = rule_of(&cfg, abroads[i], COR_CRIT_TRAVEL_DOCUMENT);
		assert_int_equal(d->mask, abroad);
		assert_int_equal(d->margin_days[COR_DOC_PASSPORT], 90);
		assert_int_equal(d->margin_days[COR_DOC_REFUGEE_TD], 90);
		assert_int_equal(d->margin_days[COR_DOC_LAISSEZ_PASSER], 0);
		assert_int_equal(rule_of(&cfg, abroads[i], COR_CRIT_FAMILY)->mask,
				 ((1u << COR_REL__N) - 1) & ~(1u << COR_REL_UNRELATED));
	}
	const struct cor_rule *rel = rule_of(&cfg, "REL", COR_CRIT_TRAVEL_DOCUMENT);
	assert_int_equal(rel->mask, 1u << COR_DOC_PASSPORT | 1u << COR_DOC_LAISSEZ_PASSER);
	const struct cor_rule *fam = rule_of(&cfg, "REL", COR_CRIT_FAMILY);
	assert_int_equal(fam->value, 18);
	assert_int_equal(fam->mask, 1u << COR_REL_PRINCIPAL | 1u << COR_REL_SPOUSE |
					    1u << COR_REL_CHILD | 1u << COR_REL_STEPCHILD |
					    1u << COR_REL_PARENT);
	const struct cor_rule *tb = rule_of(&cfg, "RST", COR_CRIT_TB);
	assert_string_equal(tb->destination, "USA");
	assert_int_equal(tb->value, 2);

	assert_int_equal(cfg.priority_days[COR_PRIO_EMERGENCY], 7);
	assert_int_equal(cfg.priority_days[COR_PRIO_URGENT], 42);
	assert_int_equal(cfg.priority_days[COR_PRIO_NORMAL], 365);
}

/* ---- Names ------------------------------------------------------------ */

static void test_names(void **state)
{
	/* Codes: unique, upper snake case, each tied to a criterion. */
	for (int i = 0; i < COR_UNMET__N; i++) {
		const char *n = cor_unmet_code_name((enum cor_unmet_code)i);
		assert_true(strlen(n) > 3);
		for (const char *p = n; *p; p++)
			assert_true((*p >= 'A' && *p <= 'Z') || *p == '_');
		for (int j = 0; j < i; j++)
			assert_string_not_equal(n, cor_unmet_code_name((enum cor_unmet_code)j));
		assert_true(cor_unmet_criterion((enum cor_unmet_code)i) < COR_CRIT__N);
	}
	assert_string_equal(cor_unmet_code_name(COR_UNMET__N), "?");
	assert_string_equal(cor_unmet_code_name(COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL),
			    "DOC_EXPIRES_BEFORE_TRAVEL");
	assert_string_equal(cor_criterion_name(COR_CRIT_TRAVEL_DOCUMENT), "TRAVEL_DOCUMENT");
	assert_string_equal(cor_criterion_name(COR_CRIT__N), "?");
	assert_int_equal(cor_criterion_scope(COR_CRIT_ASYLUM), COR_SCOPE_CASE);
	assert_int_equal(cor_criterion_scope(COR_CRIT_TB), COR_SCOPE_PERSON);

	/* The fact enums both ways; the zero value is "". */
	static const char *const fit[] = {"", "fit", "fit_with_conditions", "unfit", "deferred"};
	for (int i = 0; i < COR_FITNESS__N; i++) {
		enum cor_fitness v = COR_FITNESS__N;
		assert_string_equal(cor_fitness_name((enum cor_fitness)i), fit[i]);
		assert_int_equal(cor_fitness_parse(fit[i], &v), 0);
		assert_int_equal(v, i);
	}
	static const char *const tb[] = {"",   "none", "A", "B1_pulmonary", "B1_extrapulmonary",
					 "B2", "B3"};
	for (int i = 0; i < COR_TB__N; i++) {
		enum cor_tb_class v = COR_TB__N;
		assert_string_equal(cor_tb_class_name((enum cor_tb_class)i), tb[i]);
		assert_int_equal(cor_tb_class_parse(tb[i], &v), 0);
		assert_int_equal(v, i);
	}
	static const char *const risk[] = {"", "none", "low", "medium", "high"};
	for (int i = 0; i < COR_RISK__N; i++) {
		enum cor_risk v = COR_RISK__N;
		assert_string_equal(cor_risk_name((enum cor_risk)i), risk[i]);
		assert_int_equal(cor_risk_parse(risk[i], &v), 0);
		assert_int_equal(v, i);
	}
	static const char *const dec[] = {"", "yes", "no"};
	for (int i = 0; i < COR_DECISION__N; i++) {
		enum cor_decision v = COR_DECISION__N;
		assert_string_equal(cor_decision_name((enum cor_decision)i), dec[i]);
		assert_int_equal(cor_decision_parse(dec[i], &v), 0);
		assert_int_equal(v, i);
	}
	static const char *const sel[] = {"", "submitted", "interviewed", "accepted", "rejected"};
	for (int i = 0; i < COR_SELECTION__N; i++) {
		enum cor_selection v = COR_SELECTION__N;
		assert_string_equal(cor_selection_name((enum cor_selection)i), sel[i]);
		assert_int_equal(cor_selection_parse(sel[i], &v), 0);
		assert_int_equal(v, i);
	}
	enum cor_risk r = COR_RISK_LOW;
	assert_int_equal(cor_risk_parse("High", &r), COR_EINVAL);
	assert_int_equal(cor_risk_parse("not_assessed", &r), COR_EINVAL);
	assert_int_equal(r, COR_RISK_LOW);
	enum cor_tb_class t = COR_TB_B2;
	assert_int_equal(cor_tb_class_parse("B1", &t), COR_EINVAL);
	assert_int_equal(cor_tb_class_parse("a", &t), COR_EINVAL);
	assert_int_equal(t, COR_TB_B2);
	assert_string_equal(cor_fitness_name(COR_FITNESS__N), "?");
	assert_string_equal(cor_tb_class_name((enum cor_tb_class) - 1), "?");
}

/* ---- Config ----------------------------------------------------------- */

/* Configs are equal in every field (the tail padding aside). */
static void assert_same_config(const struct cor_rules_config *a, const struct cor_rules_config *b)
{
	size_t n = offsetof(struct cor_rules_config, weight) + sizeof(a->weight);
	assert_memory_equal(a, b, n);
}

/* Does cfg evaluate golden g to exactly these codes? */
static void assert_codes(const struct cor_rules_config *cfg, const struct golden *g,
			 const char *const *codes, size_t n)
{
	struct cor_case_facts c = facts_of(g);
	struct cor_unmet buf[16];
	struct cor_eligibility r;
	cor_eligibility_init(&r, buf, ROWS(buf));
	assert_int_equal(cor_eligibility_evaluate(cfg, &c, g->today, &r), 0);
	if (r.n != n) {
		print_report(g, &c, &r);
		fail_msg("'%s': %zu unmet, expected %zu", g->name, r.n, n);
	}
	for (size_t i = 0; i < n; i++)
		assert_string_equal(cor_unmet_code_name(buf[i].code), codes[i]);
}

static int parse(struct cor_rules_config *cfg, const char *text, char *msg, size_t len)
{
	return cor_rules_config_parse(cfg, text, strlen(text), "rules.conf", msg, len);
}

static void test_config_empty(void **state)
{
	const struct cor_rules_config def = cor_rules_config_default();
	struct cor_rules_config cfg = def;
	char msg[200] = "stale";
	assert_int_equal(parse(&cfg, "", msg, sizeof(msg)), 0);
	assert_string_equal(msg, "");
	assert_int_equal(
		parse(&cfg, "# only comments\n\n   \t\n  # indented comment\r\n", msg, sizeof(msg)),
		0);
	assert_same_config(&cfg, &def);
}

static void test_config_rules(void **state)
{
	struct cor_rules_config cfg = cor_rules_config_default();
	char msg[200];
	const struct golden *g72 = golden_named("fitness: exactly 72 hours before travel, counted");

	/* Global first, then one programme; and the other way round. */
	assert_int_equal(parse(&cfg,
			       "# fitness\n"
			       "fitness_window_hours = 48\r\n"
			       "\tVHR.fitness_window_hours\t=\t96  \n"
			       "HEV.fitness_window_hours=24",
			       msg, sizeof(msg)),
			 0);
	assert_int_equal(rule_of(&cfg, "VHR", COR_CRIT_FITNESS)->value, 96);
	assert_int_equal(rule_of(&cfg, "HEV", COR_CRIT_FITNESS)->value, 24);
	assert_int_equal(rule_of(&cfg, "RST", COR_CRIT_FITNESS)->value, 48);
	assert_codes(&cfg, g72, NULL, 0); /* 96 h in VHR: the 96-hour-old check passes */
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "VHR.fitness_window_hours = 96\nfitness_window_hours = 48\n",
			       msg, sizeof(msg)),
			 0);
	assert_int_equal(rule_of(&cfg, "VHR", COR_CRIT_FITNESS)->value, 96);
	assert_int_equal(rule_of(&cfg, "AVR", COR_CRIT_FITNESS)->value, 48);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "fitness_window_hours = 71", msg, sizeof(msg)), 0);
	assert_codes(&cfg, g72, (const char *[]){"FITNESS_EXPIRED", "FITNESS_EXPIRED"}, 2);

	/* Documents: kinds and margins. */
	const struct golden *etd = golden_named("VHR: an ETD expiring on the travel date");
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "doc_margin_days.etd = 1", msg, sizeof(msg)), 0);
	assert_codes(&cfg, etd, (const char *[]){"DOC_VALIDITY_SHORT"}, 1);
	assert_int_equal(rule_of(&cfg, "RST", COR_CRIT_TRAVEL_DOCUMENT)->margin_days[COR_DOC_ETD],
			 1);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "VHR.doc_kinds = passport , laissez_passer", msg, sizeof(msg)),
			 0);
	assert_codes(&cfg, etd, (const char *[]){"NO_TRAVEL_DOCUMENT"}, 1);
	assert_int_equal(rule_of(&cfg, "VHR", COR_CRIT_TRAVEL_DOCUMENT)->mask,
			 1u << COR_DOC_PASSPORT | 1u << COR_DOC_LAISSEZ_PASSER);
	assert_int_equal(rule_of(&cfg, "AVR", COR_CRIT_TRAVEL_DOCUMENT)->mask,
			 1u << COR_DOC_PASSPORT | 1u << COR_DOC_ETD | 1u << COR_DOC_LAISSEZ_PASSER);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "VHR.doc_kinds = id_card,etd", msg, sizeof(msg)), 0);
	assert_codes(&cfg, golden_named("VHR: no accepted"), (const char *[]){"NO_TRAVEL_DOCUMENT"},
		     1);

	/* Protection from medium, family, ages. */
	const struct golden *vol = golden_named("VHR: voluntariness");
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "VHR.protection_clearance_from = medium", msg, sizeof(msg)),
			 0);
	assert_codes(&cfg, vol,
		     (const char *[]){"NOT_COUNSELLED", "NO_INFORMED_DECISION",
				      "ASYLUM_REFERRAL_OPEN", "REFERRAL_OPEN",
				      "PROTECTION_NOT_CLEARED", "PROTECTION_NOT_ASSESSED",
				      "PROTECTION_NOT_CLEARED"},
		     7);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg,
			       "REL.relationships = principal,spouse,child,sibling\n"
			       "REL.child_age_limit = 0\n",
			       msg, sizeof(msg)),
			 0);
	assert_codes(&cfg, golden_named("REL: family"), NULL, 0);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "principal_min_age = 16", msg, sizeof(msg)), 0);
	assert_codes(&cfg, golden_named("VHR: a child principal"), NULL, 0);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "RST.tb_screening_min_age = 0", msg, sizeof(msg)), 0);
	assert_codes(&cfg, golden_named("RST to the USA"),
		     (const char *[]){"TB_CLASS_A", "TB_NOT_SCREENED", "RELATIONSHIP_NOT_ALLOWED",
				      "TB_NOT_SCREENED"},
		     4);
}

static void test_config_priority_and_weights(void **state)
{
	struct cor_rules_config cfg = cor_rules_config_default();
	char msg[200];
	size_t sm = (size_t)(cor_need_find("SM") - cor_needs);
	size_t sm_cc = (size_t)(cor_need_find("SM-CC") - cor_needs);
	size_t sm_dp = (size_t)(cor_need_find("SM-DP") - cor_needs);
	size_t sp = (size_t)(cor_need_find("SP") - cor_needs);

	assert_int_equal(cfg.weight[sm], 3);
	assert_int_equal(cfg.weight[sm_cc], 4);
	assert_int_equal(cfg.weight[sm_dp], 3); /* its group's */
	assert_int_equal(cfg.weight_own[sm_dp], -1);
	assert_int_equal(cfg.weight[sp], 3);
	for (size_t i = 0; i < cor_needs_len; i++)
		if (cfg.weight[i] <= 0)
			fail_msg("default weight of %s is %d", cor_needs[i].code, cfg.weight[i]);

	assert_int_equal(parse(&cfg,
			       "priority.emergency_days = 3\n"
			       "priority.urgent_days = 30\n"
			       "priority.normal_days = 180\n"
			       "weight.SM = 5\n"
			       "weight.SM-CC = 0\n",
			       msg, sizeof(msg)),
			 0);
	assert_int_equal(cfg.priority_days[COR_PRIO_EMERGENCY], 3);
	assert_int_equal(cfg.priority_days[COR_PRIO_URGENT], 30);
	assert_int_equal(cfg.priority_days[COR_PRIO_NORMAL], 180);
	assert_int_equal(cfg.weight[sm], 5);
	assert_int_equal(cfg.weight[sm_dp], 5); /* follows its group */
	assert_int_equal(cfg.weight[sm_cc], 0);
	/* Equal time frames are allowed. */
	assert_int_equal(parse(&cfg, "priority.urgent_days = 3\n", msg, sizeof(msg)), 0);
}

/* Every refusal: the message a person sees, and the config untouched. */
/* The departure tolerance: 180 minutes by default, 0 to 1440, set once. */
static void test_config_departure(void **state)
{
	(void)state;
	struct cor_rules_config cfg = cor_rules_config_default();
	char msg[200];
	assert_int_equal(cfg.departure_early_minutes, 180);
	assert_int_equal(parse(&cfg, "departure.early_minutes = 0\n", msg, sizeof(msg)), 0);
	assert_int_equal(cfg.departure_early_minutes, 0);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "departure.early_minutes = 1440", msg, sizeof(msg)), 0);
	assert_int_equal(cfg.departure_early_minutes, 1440);
	cfg = cor_rules_config_default();
	assert_int_equal(parse(&cfg, "departure.early_minutes = -1", msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg,
			    "rules.conf:1: 'departure.early_minutes' must be a whole number of "
			    "minutes from 0 to 1440, not '-1'");
	assert_int_equal(cfg.departure_early_minutes, 180);
	assert_int_equal(parse(&cfg, "departure.early_minutes = 60\ndeparture.early_minutes = 90",
			       msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg,
			    "rules.conf:2: 'departure.early_minutes' is already set on line 1");
}

static void test_config_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{"fitness_window_hours 72", "rules.conf:1: expected 'key = value', not "
					    "'fitness_window_hours 72'"},
		{"# ok\n\n= 72", "rules.conf:3: missing key before '='"},
		{"fitness_window_hours =", "rules.conf:1: 'fitness_window_hours' has no value"},
		{"fitnes_window_hours = 72", "rules.conf:1: unknown key 'fitnes_window_hours'"},
		{"fitness_window_hours = 0", "rules.conf:1: 'fitness_window_hours' must be a whole "
					     "number of hours from 1 to 720, not '0'"},
		{"fitness_window_hours = 72h",
		 "rules.conf:1: 'fitness_window_hours' must be a whole "
		 "number of hours from 1 to 720, not '72h'"},
		{"fitness_window_hours = -1",
		 "rules.conf:1: 'fitness_window_hours' must be a whole "
		 "number of hours from 1 to 720, not '-1'"},
		{"fitness_window_hours = 72 # hours", "rules.conf:1: 'fitness_window_hours' must "
						      "be a whole number of hours from 1 to 720, "
						      "not '72 # hours'"},
		{"fitness_window_hours = 99999999999", "rules.conf:1: 'fitness_window_hours' must "
						       "be a whole number of hours from 1 to 720, "
						       "not '99999999999'"},
		{"fitness_window_hours = 72\nfitness_window_hours = 48",
		 "rules.conf:2: 'fitness_window_hours' is already set on line 1"},
		{"RST.fitness_window_hours = 72\nRST.fitness_window_hours = 48",
		 "rules.conf:2: 'RST.fitness_window_hours' is already set on line 1"},
		{"XYZ.fitness_window_hours = 72",
		 "rules.conf:1: unknown programme 'XYZ' in 'XYZ.fitness_window_hours'"},
		{"VHRXYZZY.fitness_window_hours = 72",
		 "rules.conf:1: unknown programme 'VHRXYZZY' in 'VHRXYZZY.fitness_window_hours'"},
		{"RST.fitness = 72", "rules.conf:1: unknown key 'RST.fitness'"},
		{"HEV.tb_screening_min_age = 2",
		 "rules.conf:1: 'HEV.tb_screening_min_age': HEV has no TB criterion"},
		{"VHR.child_age_limit = 18",
		 "rules.conf:1: 'VHR.child_age_limit': VHR has no FAMILY criterion"},
		{"protection_clearance_from = none",
		 "rules.conf:1: 'protection_clearance_from' must "
		 "be low, medium or high, not 'none'"},
		{"protection_clearance_from = HIGH",
		 "rules.conf:1: 'protection_clearance_from' must "
		 "be low, medium or high, not 'HIGH'"},
		{"doc_kinds = passport,,etd", "rules.conf:1: 'doc_kinds' has an empty entry"},
		{"doc_kinds = passport,", "rules.conf:1: 'doc_kinds' has an empty entry"},
		{"doc_kinds = passport, pasport",
		 "rules.conf:1: 'doc_kinds': unknown document kind 'pasport'"},
		{"doc_kinds = visa", "rules.conf:1: 'doc_kinds': 'visa' is not a travel document"},
		{"REL.relationships = spouse,child",
		 "rules.conf:1: 'REL.relationships' must include principal"},
		{"REL.relationships = principal,cousin",
		 "rules.conf:1: 'REL.relationships': unknown relationship 'cousin'"},
		{"doc_margin_days.visa = 10", "rules.conf:1: unknown key 'doc_margin_days.visa'"},
		{"doc_margin_days.passport = 3651", "rules.conf:1: 'doc_margin_days.passport' must "
						    "be a whole number of days from 0 to "
						    "3650, not '3651'"},
		{"weight.XX = 3", "rules.conf:1: 'weight.XX': unknown specific-needs code 'XX'"},
		{"weight.sm-cc = 3", "rules.conf:1: 'weight.sm-cc': unknown specific-needs code "
				     "'sm-cc'"},
		{"weight.SM-CC = 101",
		 "rules.conf:1: 'weight.SM-CC' must be a whole number from 0 to 100, not '101'"},
		{"priority.urgent_days = 0", "rules.conf:1: 'priority.urgent_days' must be a whole "
					     "number of days from 1 to 3650, not '0'"},
		{"priority.high_days = 3", "rules.conf:1: unknown key 'priority.high_days'"},
		{"priority.urgent_days = 400",
		 "rules.conf:1: 'priority.urgent_days' (400) must not be longer than "
		 "'priority.normal_days' (365)"},
		{"priority.emergency_days = 50\n# two\npriority.urgent_days = 40\n",
		 "rules.conf:3: 'priority.emergency_days' (50) must not be longer than "
		 "'priority.urgent_days' (40)"},
		{"fitness_window_hours = 72\nweight.SM\x01 = 2",
		 "rules.conf:2: unknown key 'weight.SM?'"},
		{"fitness_window_hours = \xc3\xa9", "rules.conf:1: 'fitness_window_hours' must be "
						    "a whole number of hours from 1 to 720, "
						    "not '?"
						    "?'"}, /* no trigraph */
		{"a_key_that_goes_on_and_on_and_on_and_on_and_on_and_on_and_on_forever = 1",
		 "rules.conf:1: unknown key 'a_key_that_goes_on_and_on_and_on_and_on_...'"},
	};
	const struct cor_rules_config def = cor_rules_config_default();
	for (size_t i = 0; i < ROWS(bad); i++) {
		struct cor_rules_config cfg = def;
		char msg[200] = "";
		/* Good lines before the bad one must not stick either. */
		if (parse(&cfg, bad[i].text, msg, sizeof(msg)) != COR_EINVAL)
			fail_msg("accepted: '%s'", bad[i].text);
		if (strcmp(msg, bad[i].msg))
			fail_msg("for '%s':\n  got      '%s'\n  expected '%s'", bad[i].text, msg,
				 bad[i].msg);
		assert_same_config(&cfg, &def);
	}
	/* A NUL byte, and a message buffer too small or absent. */
	struct cor_rules_config cfg = def;
	char msg[200], small[12];
	assert_int_equal(cor_rules_config_parse(&cfg, "a = 1\0b", 7, "x.conf", msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg, "x.conf:1: NUL byte in line");
	assert_int_equal(
		cor_rules_config_parse(&cfg, "nope", 4, "rules.conf", small, sizeof(small)),
		COR_EINVAL);
	assert_string_equal(small, "rules.conf:");
	assert_int_equal(cor_rules_config_parse(&cfg, "nope", 4, NULL, NULL, 0), COR_EINVAL);
	assert_int_equal(cor_rules_config_parse(&cfg, "nope", 4, NULL, msg, sizeof(msg)),
			 COR_EINVAL);
	assert_string_equal(msg, "(config):1: expected 'key = value', not 'nope'");
	/* The text need not be terminated: the length bounds it. */
	assert_int_equal(cor_rules_config_parse(&cfg, "fitness_window_hours = 48XYZ", 25, "x", msg,
						sizeof(msg)),
			 0);
	assert_int_equal(rule_of(&cfg, "VHR", COR_CRIT_FITNESS)->value, 48);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_goldens),
		cmocka_unit_test(test_golden_coverage),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_bad_facts),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_default_tables),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_config_empty),
		cmocka_unit_test(test_config_rules),
		cmocka_unit_test(test_config_priority_and_weights),
		cmocka_unit_test(test_config_departure),
		cmocka_unit_test(test_config_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

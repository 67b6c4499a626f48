// SPDX-License-Identifier: Apache-2.0
// Benchmark of the eligibility and priority engines: builds a caseload of
// facts in memory (1,000,000 persons in about 375,000 cases by default, a
// mix of programmes, household sizes, documents, fitness checks, needs and
// the usual reasons for not being ready), then, per round on one core:
// evaluates eligibility for every case, computes the priority of every case
// found travel-ready and sorts that queue. A second timing adds writing the
// sentence of every unmet criterion, which a real report would do only for
// the cases it shows. Exits 1 if the result looks wrong (no case ready, or
// all of them; the queue out of order), so it doubles as a smoke test.
//
// usage: bench_rules [PERSONS [ROUNDS]]   (default 1000000 5)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/eligibility.h"
#include "domain/priority.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rnd(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(rng_state >> 33) % n;
}

static bool chance(unsigned percent)
{
	return rnd(1000) < percent * 10;
}

static unsigned weighted(const unsigned *w, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	unsigned r = rnd(total);
	for (size_t i = 0; i < n; i++) {
		if (r < w[i])
			return (unsigned)i;
		r -= w[i];
	}
	return (unsigned)n - 1;
}

/* Programmes by share of cases; household sizes by kind of caseload. */
static const struct {
	const char *code, *office, *dest;
	unsigned cases;
	int household; /* 0 migrant, 1 refugee, 2 evacuee */
} progs[] = {
	{"VHR", "LY-TIP", "NGA", 200, 0}, {"AVR", "DE-BER", "IRQ", 40, 0},
	{"HASM", "NE-AJY", "MLI", 35, 0}, {"HEV", "SD-PZU", "ETH", 30, 2},
	{"RST", "TR-IST", "USA", 160, 1}, {"REL", "IT-ROM", "DEU", 20, 1},
	{"CPW", "AF-KBL", "DEU", 15, 1},  {"REP", "TZ-DAR", "BDI", 20, 1},
};
static const unsigned household_sizes[3][11] = {
	{0, 78, 8, 6, 4, 3, 1},
	{0, 14, 12, 15, 17, 15, 11, 7, 4, 3, 2},
	{0, 45, 15, 15, 12, 8, 5},
};
static const char *const names[] = {
	"AMINA YUSUF",  "IBRAHIM BELLO", "FATIMA OKAFOR", "MUSA DIALLO",
	"AISHA TRAORE", "OMAR HADDAD",   "ZAHRA RAHIMI",  "YUSUF AHMED",
	"MARIAM KONE",  "ALI HASSAN",    "HAWA CAMARA",   "SAMIR KHALIL",
	"NOUR ALSAYED", "GRACE OKONKWO", "DAWIT TESFAYE", "HIBO WARSAME",
};
/* Needs lists, mostly none, at rates in the range of operations. */
static const char *const needs_pool[] = {
	"SM-CC", "SM-CI", "SP", "WR-WR",    "ER-NF", "DS-PM", "PG",          "TR",
	"SV-VA", "LP-DA", "CR", "SM-CC;SP", "SC-UC", "LP-RR", "DS-PS;ER-FR", "FU-FR"};

struct caseload {
	struct cor_case_facts *cases;
	struct cor_traveller_facts *persons;
	char *case_refs, *person_refs;
	size_t n_cases, n_persons;
};

enum { CASE_REF_LEN = 24, PERSON_REF_LEN = 28 };

static void make_doc(struct cor_doc_facts *d, enum cor_doc_kind kind, int32_t expires)
{
	d->kind = kind;
	d->number = "A01234567";
	memcpy(d->issuer, "NGA", 4);
	d->has_expiry = true;
	d->expires_on = cor_date_from_days(expires);
}

/* One traveller: ready, or with the odd reason not to be. */
static void make_person(struct cor_traveller_facts *t, int32_t travel, bool ready, int seq,
			bool refugee, int age)
{
	memset(t, 0, sizeof(*t));
	t->display_name = names[rnd(ROWS(names))];
	t->relationship = seq == 1                ? COR_REL_PRINCIPAL
			  : seq == 2 && age >= 18 ? COR_REL_SPOUSE
						  : COR_REL_CHILD;
	t->sex = chance(50) ? 'F' : 'M';
	t->birth_date = cor_date_from_days(travel - age * 365 - (int32_t)rnd(365));
	memcpy(t->nationality, "NGA", 4);
	t->needs = chance(18) ? needs_pool[rnd(ROWS(needs_pool))] : "";
	t->n_docs = 1;
	int32_t doc_days = ready || chance(70) ? 200 + (int32_t)rnd(2000) : -(int32_t)rnd(400);
	make_doc(&t->docs[0], refugee ? COR_DOC_LAISSEZ_PASSER : COR_DOC_PASSPORT,
		 travel + doc_days);
	if (chance(10))
		make_doc(&t->docs[t->n_docs++], COR_DOC_VISA, travel + 300);
	if (!ready && chance(15))
		t->n_docs = 0;
	t->fitness = COR_FITNESS_FIT;
	int32_t checked = travel - 1 - (int32_t)rnd(2);
	if (!ready) {
		unsigned r = rnd(100);
		t->fitness = r < 40   ? COR_FITNESS_NONE
			     : r < 45 ? COR_FITNESS_UNFIT
			     : r < 50 ? COR_FITNESS_DEFERRED
				      : COR_FITNESS_FIT_WITH_CONDITIONS;
		checked -= (int32_t)rnd(20);
	}
	t->fitness_on = cor_date_from_days(checked);
	t->fitness_minute = chance(50) ? (int)rnd(24 * 60) : COR_TIME_UNKNOWN;
	t->tb = ready || chance(80) ? COR_TB_NONE : COR_TB_NOT_SCREENED;
	t->protection_risk = ready ? COR_RISK_LOW : (enum cor_risk)rnd(COR_RISK__N);
	t->protection_cleared = chance(50);
}

static int build(struct caseload *cl, size_t n_persons, struct cor_date today)
{
	int32_t day = cor_date_to_days(today);
	unsigned case_w[ROWS(progs)];
	for (size_t i = 0; i < ROWS(progs); i++)
		case_w[i] = progs[i].cases;
	/* At most one case per person. */
	cl->cases = calloc(n_persons, sizeof(*cl->cases));
	cl->persons = calloc(n_persons, sizeof(*cl->persons));
	cl->case_refs = malloc(n_persons * CASE_REF_LEN);
	cl->person_refs = malloc(n_persons * PERSON_REF_LEN);
	if (!cl->cases || !cl->persons || !cl->case_refs || !cl->person_refs)
		return -1;
	size_t p = 0, c = 0;
	while (p < n_persons) {
		unsigned pi = weighted(case_w, ROWS(progs));
		const struct cor_programme *prog = cor_programme_find(progs[pi].code);
		const unsigned *hw = household_sizes[progs[pi].household];
		size_t size = weighted(hw, 11);
		if (size > n_persons - p)
			size = n_persons - p;
		struct cor_case_facts *f = &cl->cases[c];
		char *ref = cl->case_refs + c * CASE_REF_LEN;
		bool ready = chance(55);
		int32_t travel = day + 1 + (int32_t)rnd(14);
		struct cor_date reg = cor_date_from_days(day - 20 - (int32_t)rnd(700));
		cor_case_ref_format(ref, CASE_REF_LEN, progs[pi].office, reg.year, (long)c + 1);
		f->ref = ref;
		f->programme = prog;
		memcpy(f->destination, progs[pi].dest, 4);
		unsigned roll = rnd(100);
		f->priority = roll < 3    ? COR_PRIO_EMERGENCY
			      : roll < 15 ? COR_PRIO_URGENT
					  : COR_PRIO_NORMAL;
		f->registered_on = reg;
		if (chance(40))
			f->priority_set_on = cor_date_from_days(day - (int32_t)rnd(20));
		f->has_travel_date = ready || chance(30);
		if (!f->has_travel_date)
			travel = day;
		f->travel_on = cor_date_from_days(travel);
		f->departure_minute = chance(60) ? (int)rnd(24 * 60) : COR_TIME_UNKNOWN;
		f->counselled = ready || chance(70);
		f->decision = ready || chance(60) ? COR_DECISION_YES : (enum cor_decision)rnd(3);
		f->asylum_wish = !ready && chance(5);
		f->open_referrals = !ready && chance(10) ? 1 + (int)rnd(2) : 0;
		f->selection = ready || chance(40) ? COR_SELECTION_ACCEPTED
						   : (enum cor_selection)rnd(COR_SELECTION__N);
		f->travellers = &cl->persons[p];
		f->n_travellers = size;
		bool refugee = prog->is_admission || !strcmp(prog->code, "REP");
		int pa_age = 18 + (int)rnd(40);
		for (size_t k = 0; k < size; k++) {
			struct cor_traveller_facts *t = &cl->persons[p + k];
			int age = k == 0 ? pa_age : k == 1 ? 18 + (int)rnd(40) : (int)rnd(17);
			/* A ready case can still hold the odd unready person. */
			make_person(t, travel, ready && !chance(2), (int)k + 1, refugee, age);
			char *pref = cl->person_refs + (p + k) * PERSON_REF_LEN;
			cor_person_ref_format(pref, PERSON_REF_LEN, ref, (int)k + 1);
			t->ref = pref;
		}
		p += size;
		c++;
	}
	cl->n_cases = c;
	cl->n_persons = p;
	return 0;
}

static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

struct totals {
	double sort_s; /* of which sorting the queue */
	size_t ready, unmet, overflow, sentence_bytes;
	uint64_t code_counts[COR_UNMET__N];
};

/* Evaluate every case; queue and sort the ready ones. With sentences, also
 * write the sentence of every unmet criterion. */
static void run(const struct cor_rules_config *cfg, const struct caseload *cl,
		struct cor_date today, struct cor_priority_rec *queue, bool sentences,
		struct totals *t)
{
	struct cor_unmet buf[64];
	struct cor_eligibility r;
	char s[512];
	memset(t, 0, sizeof(*t));
	cor_eligibility_init(&r, buf, ROWS(buf));
	for (size_t i = 0; i < cl->n_cases; i++) {
		const struct cor_case_facts *f = &cl->cases[i];
		if (cor_eligibility_evaluate(cfg, f, today, &r) < 0)
			continue;
		t->unmet += r.n;
		t->overflow += r.overflow;
		for (size_t k = 0; k < r.n; k++) {
			t->code_counts[buf[k].code]++;
			if (sentences)
				t->sentence_bytes += cor_unmet_describe(&buf[k], f, s, sizeof(s));
		}
		if (cor_eligibility_is_met(&r) &&
		    cor_priority_compute(cfg, f, &queue[t->ready]) == 0)
			t->ready++;
	}
	double t0 = now(CLOCK_MONOTONIC);
	cor_priority_sort(queue, t->ready);
	t->sort_s = now(CLOCK_MONOTONIC) - t0;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	const struct cor_date today = {2026, 11, 27};
	const struct cor_rules_config cfg = cor_rules_config_default();
	struct caseload cl = {0};
	struct cor_priority_rec *queue = NULL;
	double *wall = NULL, *cpu = NULL;
	struct totals t;
	int status = 0;

	if (n == 0 || rounds < 1 || rounds > 100) {
		fprintf(stderr, "usage: bench_rules [PERSONS [ROUNDS]]\n");
		return 2;
	}
	double b0 = now(CLOCK_MONOTONIC);
	if (build(&cl, n, today) < 0 || !(queue = malloc(n * sizeof(*queue))) ||
	    !(wall = malloc((size_t)rounds * sizeof(*wall))) ||
	    !(cpu = malloc((size_t)rounds * sizeof(*cpu)))) {
		fprintf(stderr, "bench_rules: out of memory\n");
		status = 1;
		goto out;
	}
	printf("built %zu persons in %zu cases (%.2f persons per case) in %.2f s; facts: %.0f MB\n",
	       cl.n_persons, cl.n_cases, (double)cl.n_persons / (double)cl.n_cases,
	       now(CLOCK_MONOTONIC) - b0,
	       (double)(cl.n_cases * sizeof(*cl.cases) + cl.n_persons * sizeof(*cl.persons)) / 1e6);

	for (int k = 0; k < rounds; k++) {
		double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
		run(&cfg, &cl, today, queue, false, &t);
		wall[k] = now(CLOCK_MONOTONIC) - t0;
		cpu[k] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
		printf("round %d: evaluate %zu cases + queue and sort %zu ready: %.3f s (CPU %.3f "
		       "s; "
		       "sort %.3f s)\n",
		       k + 1, cl.n_cases, t.ready, wall[k], cpu[k], t.sort_s);
	}
	qsort(wall, (size_t)rounds, sizeof(*wall), cmp_double);
	qsort(cpu, (size_t)rounds, sizeof(*cpu), cmp_double);
	printf("median %.3f s (best %.3f s; CPU median %.3f s) for %zu persons in %zu cases\n",
	       wall[rounds / 2], wall[0], cpu[rounds / 2], cl.n_persons, cl.n_cases);

	double s0 = now(CLOCK_MONOTONIC);
	run(&cfg, &cl, today, queue, true, &t);
	printf("with every sentence written (%zu sentences, %.1f MB of text): %.3f s\n", t.unmet,
	       (double)t.sentence_bytes / 1e6, now(CLOCK_MONOTONIC) - s0);

	printf("travel-ready: %zu of %zu cases; unmet criteria: %zu (+%zu past the buffer)\n",
	       t.ready, cl.n_cases, t.unmet, t.overflow);
	for (int c = 0; c < COR_UNMET__N; c++)
		if (t.code_counts[c])
			printf("  %-26s %9llu\n", cor_unmet_code_name((enum cor_unmet_code)c),
			       (unsigned long long)t.code_counts[c]);
	printf("head of the queue:\n");
	for (size_t i = 0; i < t.ready && i < 3; i++) {
		char s[512];
		cor_priority_explain(&cfg, &queue[i], today, s, sizeof(s));
		printf("  %zu. %s: %s\n", i + 1, queue[i].facts->ref, s);
	}
	if (t.ready == 0 || t.ready == cl.n_cases) {
		fprintf(stderr, "bench_rules: %zu of %zu cases ready: the mix is wrong\n", t.ready,
			cl.n_cases);
		status = 1;
	}
	for (size_t i = 1; i < t.ready; i++)
		if (cor_priority_cmp(&queue[i - 1], &queue[i]) >= 0) {
			fprintf(stderr, "bench_rules: queue out of order at %zu\n", i);
			status = 1;
			break;
		}
out:
	free(cl.cases);
	free(cl.persons);
	free(cl.case_refs);
	free(cl.person_refs);
	free(queue);
	free(wall);
	free(cpu);
	return status;
}

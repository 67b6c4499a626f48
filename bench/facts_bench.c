// SPDX-License-Identifier: Apache-2.0
// Benchmark of the facts read (store/store_facts.h) on a database of either
// backend (a path or a PostgreSQL URI): cor_store_facts_each over every
// case, then over the travel-ready and the booked cases (what `corridor
// queue` and the planner read), ROUNDS times each. Prints a Markdown table:
// cases, persons, documents kept, a checksum of every fact read (the same
// records give the same checksum on both backends), wall and CPU seconds
// (median, best) and peak RSS. Exits 1 when a read fails.
//
// usage: bench_facts DB [ROUNDS]   (default 3)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "store/store.h"
#include "store/store_facts.h"

static double now(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double peak_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

struct tally {
	long cases, persons, docs;
	uint64_t sum;
};

static void mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ c[i]) * 1099511628211ULL;
}

static void mix_s(uint64_t *h, const char *s)
{
	mix(h, s ? s : "", strlen(s ? s : "") + 1);
}

static void mix_i(uint64_t *h, long v)
{
	mix(h, &v, sizeof(v));
}

static void mix_d(uint64_t *h, struct cor_date d)
{
	mix_i(h, d.year * 10000L + d.month * 100L + d.day);
}

/* Every fact of the case into the checksum. */
static int on_case(const struct cor_facts_case *fc, void *ctx)
{
	struct tally *t = ctx;
	const struct cor_case_facts *f = &fc->f;
	uint64_t *h = &t->sum;
	t->cases++;
	mix_s(h, f->ref);
	mix_s(h, fc->c.state);
	mix_s(h, fc->c.office);
	mix_s(h, f->programme ? f->programme->code : "?");
	mix_s(h, f->destination);
	mix_i(h, f->priority);
	mix_d(h, f->registered_on);
	mix_i(h, f->counselled * 1000 + f->decision * 100 + f->asylum_wish * 10 + f->selection);
	mix_i(h, f->open_referrals);
	for (size_t i = 0; i < f->n_travellers; i++) {
		const struct cor_traveller_facts *r = &f->travellers[i];
		t->persons++;
		t->docs += r->n_docs;
		mix_s(h, r->ref);
		mix_s(h, r->display_name);
		mix_s(h, r->needs);
		mix_s(h, r->nationality);
		mix_i(h, r->relationship * 1000 + r->sex);
		mix_d(h, r->birth_date);
		for (int k = 0; k < r->n_docs; k++) {
			mix_i(h, r->docs[k].kind);
			mix_s(h, r->docs[k].number);
			mix_s(h, r->docs[k].issuer);
			mix_d(h,
			      r->docs[k].has_expiry ? r->docs[k].expires_on : (struct cor_date){0});
		}
		mix_i(h, r->fitness * 100 + r->tb);
		mix_d(h, r->fitness_on);
		mix_i(h, r->fitness_minute);
		mix_i(h, r->protection_risk * 10 + r->protection_cleared);
		mix_i(h, (long)fc->persons[i].conditions * 100 + fc->persons[i].docs_held);
	}
	return 0;
}

int main(int argc, char **argv)
{
	long rounds = 3;
	char msg[600];
	struct cor_store *st = NULL;
	if (argc < 2 || argc > 3 || (argc > 2 && (rounds = strtol(argv[2], NULL, 10)) < 1)) {
		fprintf(stderr, "usage: bench_facts DB [ROUNDS]\n");
		return 2;
	}
	if (cor_store_open(argv[1], 0, &st, msg, sizeof(msg)) < 0) {
		fprintf(stderr, "bench_facts: %s\n", msg);
		return 1;
	}
	static const struct {
		const char *what;
		struct cor_facts_query q;
	} runs[] = {
		{"every case", {NULL, NULL, NULL, NULL}},
		{"travel-ready cases (queue, plan)", {NULL, NULL, "travel_ready", NULL}},
		{"booked cases (plan)", {NULL, NULL, "booked", NULL}},
	};
	printf("| run | cases | persons | documents | checksum | wall s | CPU s | peak RSS MB |\n");
	printf("|---|---:|---:|---:|---|---:|---:|---:|\n");
	double *wall = calloc((size_t)rounds, sizeof(double));
	double *cpu = calloc((size_t)rounds, sizeof(double));
	int bad = !wall || !cpu;
	for (size_t k = 0; k < sizeof(runs) / sizeof(runs[0]) && !bad; k++) {
		struct tally t = {0};
		for (long r = 0; r < rounds && !bad; r++) {
			t = (struct tally){.sum = 14695981039346656037ULL};
			double w = now(CLOCK_MONOTONIC), c = now(CLOCK_PROCESS_CPUTIME_ID);
			if (cor_store_facts_each(st, &runs[k].q, on_case, &t) < 0) {
				fprintf(stderr, "bench_facts: %s\n", cor_store_errmsg(st));
				bad = 1;
			}
			wall[r] = now(CLOCK_MONOTONIC) - w;
			cpu[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c;
		}
		if (bad)
			break;
		qsort(wall, (size_t)rounds, sizeof(double), cmp_double);
		qsort(cpu, (size_t)rounds, sizeof(double), cmp_double);
		printf("| %s | %ld | %ld | %ld | %016llx | %.2f (%.2f) | %.2f (%.2f) | %.0f |\n",
		       runs[k].what, t.cases, t.persons, t.docs, (unsigned long long)t.sum,
		       wall[rounds / 2], wall[0], cpu[rounds / 2], cpu[0], peak_mb());
	}
	free(wall);
	free(cpu);
	cor_store_close(st);
	return bad;
}

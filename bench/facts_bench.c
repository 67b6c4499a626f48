// SPDX-License-Identifier: Apache-2.0
// Benchmark of eligibility and priority from the store: on a database (a
// demo caseload: `corridor demo --people 1000000 --seed 7 --date
// 2026-11-27`), reads the facts of every case in one ordered pass over each
// table (store/store_facts.h), evaluates every case under the default rules
// and sorts the queue of the eligible travel-ready ones: what `corridor
// queue` does, over all cases instead of the travel-ready ones alone. Then
// the same with a 720-hour fitness window (the demo's fitness checks were made
// when each case became travel-ready, weeks before the reference date, so
// the default 72 hours leave the queue empty), and `corridor queue` itself
// (travel-ready cases only).
// Prints a Markdown table: persons, cases, seconds (wall and CPU), peak RSS.
// Exits 1 if the result looks wrong (not every person read, nothing
// evaluated, the queue out of order), so it doubles as a smoke test.
//
// usage: bench_facts DB [REFERENCE-DATE [ROUNDS]]   (default 2026-11-27 3)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "domain/eligibility.h"
#include "domain/priority.h"
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
	return (double)ru.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One round: build the queue; wall and CPU seconds. */
static int round_of(struct cor_store *st, const struct cor_facts_query *q,
		    const struct cor_rules_config *cfg, struct cor_date today,
		    struct cor_facts_queue *out, double *wall, double *cpu)
{
	double w = now(CLOCK_MONOTONIC), c = now(CLOCK_PROCESS_CPUTIME_ID);
	int err = cor_facts_queue_build(st, q, cfg, today, false, out);
	*wall = now(CLOCK_MONOTONIC) - w;
	*cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c;
	if (err < 0)
		fprintf(stderr, "bench_facts: %s\n", cor_store_errmsg(st));
	return err;
}

static bool in_order(const struct cor_facts_queue *q)
{
	for (size_t i = 1; i < q->n; i++)
		if (cor_priority_cmp(&q->recs[i - 1], &q->recs[i]) >= 0)
			return false;
	return true;
}

int main(int argc, char **argv)
{
	struct cor_date today = {2026, 11, 27};
	long rounds = 3, cases, persons, docs, events;
	char msg[600];
	struct cor_store *st = NULL;

	if (argc < 2 || argc > 4 || (argc > 2 && cor_date_parse(argv[2], &today) < 0) ||
	    (argc > 3 && (rounds = strtol(argv[3], NULL, 10)) < 1)) {
		fprintf(stderr, "usage: bench_facts DB [REFERENCE-DATE [ROUNDS]]\n");
		return 2;
	}
	if (cor_store_open(argv[1], 0, &st, msg, sizeof(msg)) < 0) {
		fprintf(stderr, "bench_facts: %s\n", msg);
		return 1;
	}
	if (cor_store_totals(st, &cases, &persons, &docs, &events) < 0) {
		fprintf(stderr, "bench_facts: %s\n", cor_store_errmsg(st));
		cor_store_close(st);
		return 1;
	}
	static const struct {
		const char *what;
		struct cor_facts_query q;
		const char *config;
	} runs[] = {
		{"every case: load, evaluate, queue", {NULL, NULL, NULL, NULL}, ""},
		{"every case, fitness window 720 h",
		 {NULL, NULL, NULL, NULL},
		 "fitness_window_hours = 720"},
		{"travel-ready cases (corridor queue)", {NULL, NULL, "travel_ready", NULL}, ""},
	};
	char day[COR_DATE_LEN];
	int bad = 0;
	printf("Reference date %s, no travel date set; %ld rounds, median (best):\n\n",
	       cor_date_format(today, day), rounds);
	printf("| run | persons | cases | eligible | queued | not eligible | unmet | wall s | "
	       "CPU s | peak RSS MB |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	double *wall = calloc((size_t)rounds, sizeof(double));
	double *cpu = calloc((size_t)rounds, sizeof(double));
	for (size_t k = 0; k < sizeof(runs) / sizeof(runs[0]) && wall && cpu; k++) {
		struct cor_facts_queue q = COR_FACTS_QUEUE_INIT;
		struct cor_rules_config cfg = cor_rules_config_default();
		if (cor_rules_config_parse(&cfg, runs[k].config, strlen(runs[k].config), "bench",
					   msg, sizeof(msg)) < 0) {
			fprintf(stderr, "bench_facts: %s\n", msg);
			bad = 1;
			break;
		}
		for (long r = 0; r < rounds; r++) {
			cor_facts_queue_release(&q);
			if (round_of(st, &runs[k].q, &cfg, today, &q, &wall[r], &cpu[r]) < 0) {
				bad = 1;
				break;
			}
		}
		if (bad)
			break;
		if ((!runs[k].q.state && q.travellers != persons) || q.cases == 0 ||
		    !in_order(&q)) {
			fprintf(stderr,
				"bench_facts: read %ld of %ld persons in %ld cases; queue %s\n",
				q.travellers, persons, q.cases,
				in_order(&q) ? "in order" : "OUT OF ORDER");
			bad = 1;
		}
		double best_wall = wall[0], best_cpu = cpu[0];
		for (long r = 1; r < rounds; r++) {
			best_wall = wall[r] < best_wall ? wall[r] : best_wall;
			best_cpu = cpu[r] < best_cpu ? cpu[r] : best_cpu;
		}
		qsort(wall, (size_t)rounds, sizeof(double), cmp_double);
		qsort(cpu, (size_t)rounds, sizeof(double), cmp_double);
		printf("| %s | %ld | %ld | %ld | %zu | %ld | %ld | %.2f (%.2f) | %.2f (%.2f) | "
		       "%.0f |\n",
		       runs[k].what, q.travellers, q.cases, q.eligible, q.n, q.n_blocked, q.unmet,
		       wall[rounds / 2], best_wall, cpu[rounds / 2], best_cpu, peak_mb());
		cor_facts_queue_release(&q);
	}
	free(wall);
	free(cpu);
	cor_store_close(st);
	return bad;
}

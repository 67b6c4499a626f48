// SPDX-License-Identifier: Apache-2.0
// The planner on one generated instance: prints one line of figures
// (cases, movements, options' outcome, objective, bound, gap, seconds), and
// with --lp FILE writes the instance's model for an exact solver outside.
// Run by bench/plan/run.sh and bench/plan/optima.sh; --nodes raises the
// branch-and-bound node limit (and the time limit to 600 s), --time-limit
// sets the time limit in seconds (after --nodes, it wins). With
// PLAN_BENCH_COLUMNS set it also prints the plan as the LP file's columns
// (x_<case>_<movement> 1, s_<movement> escorts), to set beside a solver's;
// with PLAN_BENCH_REASONS, the reason of every case left out.
//   plan_bench CASES MOVEMENTS SEED [--lp FILE] [--no-solve] [--nodes N]
//              [--time-limit S]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan/gen.h"
#include "plan/plan.h"
#include "util/error.h"

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: plan_bench CASES MOVEMENTS SEED [--lp FILE] [--no-solve] "
				"[--nodes N] [--time-limit S]\n");
		return 2;
	}
	size_t n = strtoul(argv[1], NULL, 10), nm = strtoul(argv[2], NULL, 10);
	uint64_t seed = strtoull(argv[3], NULL, 10);
	const char *lp = NULL;
	int solve = 1;
	long nodes = 0;
	double limit = 0;
	for (int a = 4; a < argc; a++) {
		if (!strcmp(argv[a], "--lp") && a + 1 < argc)
			lp = argv[++a];
		else if (!strcmp(argv[a], "--no-solve"))
			solve = 0;
		else if (!strcmp(argv[a], "--nodes") && a + 1 < argc)
			nodes = strtol(argv[++a], NULL, 10);
		else if (!strcmp(argv[a], "--time-limit") && a + 1 < argc)
			limit = strtod(argv[++a], NULL);
	}
	struct cor_plan_instance inst;
	int rc = cor_plan_generate(n, nm, seed, NULL, &inst);
	if (rc) {
		fprintf(stderr, "plan_bench: generate: %s\n", cor_strerror(rc));
		return 1;
	}
	if (nodes > 0) {
		inst.in.cfg.node_limit = nodes;
		inst.in.cfg.time_limit = 600;
	}
	if (limit > 0)
		inst.in.cfg.time_limit = limit;
	if (lp) {
		FILE *f = fopen(lp, "w");
		if (!f || cor_plan_write_lp(&inst.in, f) || fclose(f)) {
			fprintf(stderr, "plan_bench: cannot write '%s'\n", lp);
			return 1;
		}
	}
	if (solve) {
		struct cor_plan_result res;
		char msg[256] = "";
		rc = cor_plan_solve(&inst.in, &res, msg, sizeof(msg));
		if (rc) {
			fprintf(stderr, "plan_bench: solve: %s: %s\n", cor_strerror(rc), msg);
			return 1;
		}
		rc = cor_plan_check(&inst.in, res.movement, res.escorts, msg, sizeof(msg));
		long out = 0, why[COR_WHY__N] = {0};
		for (size_t i = 0; i < n; i++) {
			why[res.why[i]]++;
			out += res.movement[i] < 0;
		}
		printf("cases %zu movements %zu placed %ld persons %ld out %ld objective %lld "
		       "bound %lld "
		       "gap %.6f%% optimal %d nodes %ld iterations %d seconds %.3f check %s\n",
		       n, nm, res.cases, res.persons, out, (long long)res.value,
		       (long long)res.bound, 100 * res.gap, res.optimal, res.nodes, res.iterations,
		       res.seconds, rc ? msg : "ok");
		printf("reasons:");
		for (int w = 1; w < COR_WHY__N; w++)
			printf(" %s %ld", cor_plan_why_code(w), why[w]);
		printf("\n");
		/* PLAN_BENCH_COLUMNS: the plan as the LP file's columns, one per
		 * line, to set beside an exact solver's answer. */
		if (getenv("PLAN_BENCH_COLUMNS")) {
			for (size_t i = 0; i < n; i++)
				if (res.movement[i] >= 0)
					printf("x_%zu_%d 1\n", i, res.movement[i]);
			for (size_t m = 0; m < nm; m++)
				if (res.escorts[m] > 0)
					printf("s_%zu %d\n", m, res.escorts[m]);
		}
		if (getenv("PLAN_BENCH_REASONS"))
			for (size_t i = 0; i < n; i++)
				if (res.movement[i] < 0)
					printf("  %s: %s\n", inst.cases[i].ref, res.reason[i]);
		cor_plan_result_free(&res);
		if (rc)
			return 1;
	}
	cor_plan_instance_free(&inst);
	return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Benchmark of case.search (service/search.h) on a database of either
// backend (a path or a PostgreSQL URI): QUERIES queries of each kind, made
// from persons picked at random (seed 1) -- by a Latin family name as
// written, by given and family names folded by hand (lower case, no
// accents, no hyphens: "mohamed al khatib"), by a family name in Arabic
// script, by the first 16 characters of a case ID -- each one operation
// through the service, as the command line runs it (its own read
// transaction, the JSON result built). Prints a Markdown table: kind,
// queries, results per query (mean), p50, p99 and max in ms. Then
// duplicates.list once, timed. Exits 1 when an operation fails.
//
// usage: bench_search DB [QUERIES]   (default 200)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/fold.h"
#include "service/search.h"
#include "store/store_search.h"

enum { K_LATIN, K_FOLDED, K_ARABIC, K_REF, K__N };
static const char *const kind_names[K__N] = {"Latin family name", "folded given and family name",
					     "Arabic-script family name", "case-ID prefix"};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Is s written in Arabic script (its first byte a lead of U+0600-U+06FF)? */
static bool arabic(const char *s)
{
	return (unsigned char)s[0] == 0xd8 || (unsigned char)s[0] == 0xd9 ||
	       (unsigned char)s[0] == 0xda || (unsigned char)s[0] == 0xdb;
}

/* Words folded one by one, joined by spaces: what a person might type. */
static void fold_words(const char *a, const char *b, char *out, size_t len)
{
	char buf[2 * COR_NAME_MAX + 2], w[COR_KEY_MAX];
	size_t o = 0;
	snprintf(buf, sizeof(buf), "%s %s", a, b);
	for (char *save = NULL, *t = strtok_r(buf, " -'", &save); t;
	     t = strtok_r(NULL, " -'", &save)) {
		cor_fold(t, w, sizeof(w));
		if (w[0] && o + strlen(w) + 2 < len)
			o += (size_t)snprintf(out + o, len - o, "%s%s", o ? " " : "", w);
	}
	out[o] = '\0';
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_search DB [QUERIES]\n");
		return 2;
	}
	int queries = argc > 2 ? atoi(argv[2]) : 200;
	struct cor_store *st = NULL;
	char msg[512];
	if (cor_store_open(argv[1], 0, &st, msg, sizeof(msg)) < 0) {
		fprintf(stderr, "bench_search: %s\n", msg);
		return 1;
	}
	long cases, persons, docs, events;
	if (cor_store_totals(st, &cases, &persons, &docs, &events) < 0 || persons == 0) {
		fprintf(stderr, "bench_search: no persons\n");
		return 1;
	}
	struct cor_ctx cx;
	if (cor_ctx_init(&cx, st, "bench", "2026-11-27T12:00:00Z") < 0)
		return 1;
	char(*text)[K__N][2 * COR_KEY_MAX] = calloc((size_t)queries, sizeof(*text));
	double *ms = calloc((size_t)queries, sizeof(double));
	if (!text || !ms)
		return 1;
	srand(1);
	for (int k = 0; k < K__N; k++) {
		for (int i = 0, tries = 0; i < queries && tries < 100 * queries; tries++) {
			struct cor_person_found f;
			int64_t id =
				1 + (int64_t)(((double)rand() / RAND_MAX) * (double)(persons - 1));
			if (cor_store_person_by_id(st, id, &f) < 0)
				continue;
			char *t = text[i][k];
			size_t len = sizeof(text[i][k]);
			if (k == K_LATIN && f.p.family_name_latin[0])
				snprintf(t, len, "%s", f.p.family_name_latin);
			else if (k == K_FOLDED)
				fold_words(f.p.given_names_latin, f.p.family_name_latin, t, len);
			else if (k == K_ARABIC && arabic(f.p.family_name))
				snprintf(t, len, "%s", f.p.family_name);
			else if (k == K_REF)
				snprintf(t, len, "%.16s", f.c.ref);
			if (t[0])
				i++;
		}
	}
	printf("| query | queries | results (mean) | p50 ms | p99 ms | max ms |\n");
	printf("|---|---|---|---|---|---|\n");
	int failed = 0;
	for (int k = 0; k < K__N; k++) {
		long results = 0;
		int n = 0;
		for (int i = 0; i < queries; i++) {
			if (!text[i][k][0])
				continue;
			struct cor_svc_case_search_in in = {.text = text[i][k]};
			struct cor_svc_case_search_out out;
			double t0 = now_ms();
			if (cor_svc_case_search(&cx, &in, &out) < 0) {
				fprintf(stderr, "bench_search: '%s': %s\n", text[i][k],
					cx.err.message);
				failed = 1;
				continue;
			}
			ms[n++] = now_ms() - t0;
			if (getenv("BENCH_SLOW_MS") && ms[n - 1] > atof(getenv("BENCH_SLOW_MS")))
				fprintf(stderr, "slow: %.2f ms '%s' (%zu found)\n", ms[n - 1],
					text[i][k],
					json_array_size(json_object_get(out.doc, "persons")));
			results += (long)json_array_size(json_object_get(out.doc, "persons"));
			json_decref(out.doc);
		}
		if (!n)
			continue;
		qsort(ms, (size_t)n, sizeof(double), cmp_double);
		printf("| %s | %d | %.1f | %.2f | %.2f | %.2f |\n", kind_names[k], n,
		       (double)results / n, ms[n / 2], ms[(int)(0.99 * (n - 1))], ms[n - 1]);
	}
	struct cor_svc_duplicates_in din = {0};
	struct cor_svc_duplicates_out dout;
	double t0 = now_ms();
	if (cor_svc_duplicates_list(&cx, &din, &dout) < 0) {
		fprintf(stderr, "bench_search: duplicates: %s\n", cx.err.message);
		failed = 1;
	} else {
		printf("\nduplicates.list over %ld persons: %lld pairs in %.0f ms\n", persons,
		       (long long)json_integer_value(json_object_get(dout.doc, "total")),
		       now_ms() - t0);
		json_decref(dout.doc);
	}
	free(text);
	free(ms);
	cor_store_close(st);
	return failed;
}

// SPDX-License-Identifier: Apache-2.0
// Benchmark of the MRZ reader: builds distinct valid TD1, TD2 and TD3
// documents in memory (long document numbers among them), then times
// cor_mrz_parse over all of them for several rounds on one core. Exits 1 if
// any built document is reported invalid, so it doubles as a smoke test.
// Rates are by the monotonic clock; on a shared machine the rate by the
// process's CPU time, printed beside it, says what the reader itself costs.
//
// usage: bench_mrz [DOCUMENTS [ROUNDS]]   (default 1000000 5)
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/mrz.h"

enum { STRIDE = 96 }; /* bytes per document: 3 x 30 + 3 newlines fits */

static const char *const states[] = {"UTO", "D",   "SYR", "AFG", "UKR", "NGA", "NLD", "FRA",
				     "SDN", "ERI", "SOM", "VEN", "XXA", "COL", "IRQ", "LBY"};
static const char *const surnames[] = {"ERIKSSON", "HADDAD",     "RAHIMI",   "OKONKWO",
				       "NGUYEN",   "SHEVCHENKO", "AL<SAYED", "GARCIA<LOPEZ"};
static const char *const given[] = {"ANNA<MARIA", "OMAR",  "ZAHRA", "CHINEDU",
				    "THI<MINH",   "OLENA", "YUSUF", "MARIA<JOSE"};

static int check_digit(const char *s, size_t n)
{
	static const int w[3] = {7, 3, 1};
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int v = c == '<' ? 0 : c <= '9' ? c - '0' : c - 'A' + 10;
		sum += v * w[i % 3];
	}
	return sum % 10;
}

static char cdc(const char *s, size_t n)
{
	return (char)('0' + check_digit(s, n));
}

/* Copy s to p and pad with '<' to width. */
static void put(char *p, const char *s, size_t width)
{
	size_t n = strlen(s);
	if (n > width)
		n = width;
	memcpy(p, s, n);
	memset(p + n, '<', width - n);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rnd(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(rng_state >> 33) % n;
}

/* A distinct document number for i: a letter, then i in base 36. */
static void number_for(size_t i, char *out, size_t len)
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	out[0] = (char)('A' + i % 26);
	for (size_t k = len - 1; k > 0; k--) {
		out[k] = digits[i % 36];
		i /= 36;
	}
	out[len] = '\0';
}

static void yymmdd(char *p, int year, int month, int day)
{
	p[0] = (char)('0' + year / 10 % 10);
	p[1] = (char)('0' + year % 10);
	p[2] = (char)('0' + month / 10);
	p[3] = (char)('0' + month % 10);
	p[4] = (char)('0' + day / 10);
	p[5] = (char)('0' + day % 10);
}

/* Build document i at p; returns its length. */
static size_t build(size_t i, char *p)
{
	char l[3][45], number[16], name[48], birth[6], expiry[6];
	const char *state = states[rnd(16)], *nat = states[rnd(16)];
	char sex = "MFX<"[rnd(4)];
	int fmt = (int)(i % 3); /* 0 TD1, 1 TD2, 2 TD3 */
	int is_long = fmt != 2 && i % 8 == 0;

	number_for(i, number, is_long ? 12 : 9);
	snprintf(name, sizeof(name), "%s<<%s", surnames[rnd(8)], given[rnd(8)]);
	yymmdd(birth, 1930 + (int)rnd(95), 1 + (int)rnd(12), 1 + (int)rnd(28));
	yymmdd(expiry, 2020 + (int)rnd(20), 1 + (int)rnd(12), 1 + (int)rnd(28));
	memset(l, '<', sizeof(l));

	if (fmt == 0) {
		char *a = l[0], *b = l[1];
		a[0] = 'I';
		put(a + 2, state, 3);
		memcpy(a + 5, number, 9);
		if (is_long) {
			char opt[8] = {number[9], number[10], number[11], cdc(number, 12), '\0'};
			put(a + 15, opt, 15);
		} else {
			a[14] = cdc(number, 9);
		}
		memcpy(b, birth, 6);
		b[6] = cdc(birth, 6);
		b[7] = sex;
		memcpy(b + 8, expiry, 6);
		b[14] = cdc(expiry, 6);
		put(b + 15, nat, 3);
		char comp[64];
		memcpy(comp, a + 5, 25);
		memcpy(comp + 25, b, 7);
		memcpy(comp + 32, b + 8, 7);
		memcpy(comp + 39, b + 18, 11);
		b[29] = cdc(comp, 50);
		put(l[2], name, 30);
		for (int k = 0; k < 3; k++) {
			memcpy(p + k * 31, l[k], 30);
			p[k * 31 + 30] = '\n';
		}
		return 93;
	}

	size_t w = fmt == 1 ? 36 : 44;
	char *a = l[0], *b = l[1];
	a[0] = fmt == 1 ? 'I' : 'P';
	put(a + 2, state, 3);
	put(a + 5, name, w - 5);
	memcpy(b, number, 9);
	if (is_long) {
		char opt[8] = {number[9], number[10], number[11], cdc(number, 12), '\0'};
		put(b + 28, opt, 7);
	} else {
		b[9] = cdc(number, 9);
	}
	put(b + 10, nat, 3);
	memcpy(b + 13, birth, 6);
	b[19] = cdc(birth, 6);
	b[20] = sex;
	memcpy(b + 21, expiry, 6);
	b[27] = cdc(expiry, 6);
	if (fmt == 2) {
		char personal[16];
		number_for(i * 7 + 3, personal, 1 + i % 14);
		put(b + 28, personal, 14);
		b[42] = cdc(b + 28, 14);
	}
	char comp[64];
	memcpy(comp, b, 10);
	memcpy(comp + 10, b + 13, 7);
	memcpy(comp + 17, b + 21, w - 22);
	b[w - 1] = cdc(comp, 17 + w - 22);
	memcpy(p, a, w);
	p[w] = '\n';
	memcpy(p + w + 1, b, w);
	p[2 * w + 1] = '\n';
	return 2 * w + 2;
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

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	const struct cor_date ref = {2026, 1, 15};
	int status = 0;

	if (n == 0 || rounds < 1 || rounds > 100) {
		fprintf(stderr, "usage: bench_mrz [DOCUMENTS [ROUNDS]]\n");
		return 2;
	}
	char *docs = malloc(n * STRIDE);
	unsigned char *lens = malloc(n);
	double *rates = malloc((size_t)rounds * sizeof(*rates));
	double *cpu_rates = malloc((size_t)rounds * sizeof(*cpu_rates));
	if (!docs || !lens || !rates || !cpu_rates) {
		fprintf(stderr, "bench_mrz: out of memory\n");
		status = 1;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		lens[i] = (unsigned char)build(i, docs + i * STRIDE);

	for (int r = 0; r < rounds; r++) {
		struct cor_mrz m;
		size_t invalid = 0;
		double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
		for (size_t i = 0; i < n; i++)
			if (cor_mrz_parse(&m, docs + i * STRIDE, lens[i], ref) != 0)
				invalid++;
		double dt = now(CLOCK_MONOTONIC) - t0, dc = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
		rates[r] = (double)n / dt;
		cpu_rates[r] = (double)n / dc;
		printf("round %d: %zu documents in %.3f s: %.0f documents/s (%.0f by CPU time)\n",
		       r + 1, n, dt, rates[r], cpu_rates[r]);
		if (invalid) {
			for (size_t i = 0; i < n; i++) {
				if (cor_mrz_parse(&m, docs + i * STRIDE, lens[i], ref) == 0)
					continue;
				fprintf(stderr, "document %zu is invalid:\n%.*s", i, (int)lens[i],
					docs + i * STRIDE);
				for (int k = 0; k < m.n_checks; k++)
					if (!m.checks[k].ok)
						fprintf(stderr, "  %s: %s\n", m.checks[k].name,
							m.checks[k].message);
				break;
			}
			fprintf(stderr, "bench_mrz: %zu of %zu documents invalid\n", invalid, n);
			status = 1;
			goto out;
		}
	}
	qsort(rates, (size_t)rounds, sizeof(*rates), cmp_double);
	qsort(cpu_rates, (size_t)rounds, sizeof(*cpu_rates), cmp_double);
	printf("median %.0f documents/s, best %.0f documents/s; by CPU time median %.0f "
	       "(%zu documents, %d rounds)\n",
	       rates[rounds / 2], rates[rounds - 1], cpu_rates[rounds / 2], n, rounds);
out:
	free(docs);
	free(lens);
	free(rates);
	free(cpu_rates);
	return status;
}

// SPDX-License-Identifier: Apache-2.0
#include "util/rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void cor_rng_seed(struct cor_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t cor_rng_next(struct cor_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint32_t cor_rng_below(struct cor_rng *r, uint32_t n)
{
	/* Lemire's multiply-shift; the tiny bias is irrelevant for demo data. */
	return (uint32_t)(((cor_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int cor_rng_range(struct cor_rng *r, int lo, int hi)
{
	return lo + (int)cor_rng_below(r, (uint32_t)(hi - lo + 1));
}

int cor_rng_chance(struct cor_rng *r, double p)
{
	return (double)(cor_rng_next(r) >> 11) * 0x1.0p-53 < p;
}

int cor_rng_weighted(struct cor_rng *r, const unsigned *weights, int n)
{
	unsigned total = 0;
	for (int i = 0; i < n; i++)
		total += weights[i];
	unsigned x = cor_rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

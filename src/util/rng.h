// SPDX-License-Identifier: Apache-2.0
// A small deterministic pseudo-random generator (xoshiro256**, seeded by
// splitmix64): the same seed gives the same sequence on every platform.
#ifndef COR_RNG_H
#define COR_RNG_H

#include <stdint.h>

struct cor_rng {
	uint64_t s[4];
};

void cor_rng_seed(struct cor_rng *r, uint64_t seed);
uint64_t cor_rng_next(struct cor_rng *r);
/* Uniform in [0, n); n > 0. */
uint32_t cor_rng_below(struct cor_rng *r, uint32_t n);
/* Uniform in [lo, hi]. */
int cor_rng_range(struct cor_rng *r, int lo, int hi);
/* True with probability p (0..1). */
int cor_rng_chance(struct cor_rng *r, double p);
/* An index drawn from weights[0..n) (not all zero). */
int cor_rng_weighted(struct cor_rng *r, const unsigned *weights, int n);

#endif

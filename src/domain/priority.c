// SPDX-License-Identifier: Apache-2.0
// Priority records, their order and their explanation. The order is packed
// into one 64-bit key per case so that sorting compares integers; only equal
// keys fall back to comparing references.
//
// Key layout, most significant first (62 bits used):
//   2 bits  level, inverted (emergency 0, urgent 1, normal 2)
//   23 bits deadline day + 2^20 (every day of years 1..9999 plus 10 years fits)
//   14 bits 16383 - weight (heavier weights share 0; the compare then reads them)
//   23 bits registration day + 2^20
#include "domain/priority.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/needs.h"
#include "util/error.h"
#include "util/out.h"

#define DAY_BIAS    (1 << 20)
#define DAY_BITS    23
#define WEIGHT_BITS 14
#define WEIGHT_MAX  ((1 << WEIGHT_BITS) - 1)

/* The index in cor_needs of the code p[0..n), or -1. */
static int need_index(const char *p, size_t n)
{
	for (size_t i = 0; i < cor_needs_len && i < COR_RULES_NEEDS_MAX; i++) {
		const char *c = cor_needs[i].code;
		if (c[0] == p[0] && !strncmp(c, p, n) && c[n] == '\0')
			return (int)i;
	}
	return -1;
}

/* Call fn for each known code of the list. */
static void each_need(const char *needs, void (*fn)(int idx, void *ctx), void *ctx)
{
	if (!needs)
		return;
	for (const char *p = needs; *p;) {
		size_t n = strcspn(p, ";");
		int i = n ? need_index(p, n) : -1;
		if (i >= 0)
			fn(i, ctx);
		p += n + (p[n] == ';');
	}
}

struct sum {
	const struct cor_rules_config *cfg;
	int total;
};

static void add_weight(int idx, void *ctx)
{
	struct sum *s = ctx;
	s->total += s->cfg->weight[idx];
}

int cor_vulnerability_weight(const struct cor_rules_config *cfg, const char *needs)
{
	struct sum s = {cfg, 0};
	each_need(needs, add_weight, &s);
	return s.total;
}

static bool date_ok(struct cor_date d)
{
	return cor_date_is_valid(d.year, d.month, d.day);
}

static uint64_t day_bits(int32_t day)
{
	int64_t v = (int64_t)day + DAY_BIAS;
	if (v < 0)
		v = 0;
	if (v >= (1 << DAY_BITS))
		v = (1 << DAY_BITS) - 1;
	return (uint64_t)v;
}

int cor_priority_compute(const struct cor_rules_config *cfg, const struct cor_case_facts *f,
			 struct cor_priority_rec *out)
{
	if ((int)f->priority < 0 || f->priority >= COR_PRIO__N || !date_ok(f->registered_on))
		return COR_EINVAL;
	struct cor_date set = date_ok(f->priority_set_on) ? f->priority_set_on : f->registered_on;
	int weight = 0;
	for (size_t i = 0; i < f->n_travellers; i++)
		weight += cor_vulnerability_weight(cfg, f->travellers[i].needs);

	int32_t registered = cor_date_to_days(f->registered_on);
	out->ref = f->ref ? f->ref : "";
	out->facts = f;
	out->deadline = cor_date_to_days(set) + cfg->priority_days[f->priority];
	out->weight = weight;
	uint64_t w = (uint64_t)(WEIGHT_MAX - (weight > WEIGHT_MAX ? WEIGHT_MAX : weight));
	out->key = (uint64_t)(COR_PRIO__N - 1 - f->priority) << (2 * DAY_BITS + WEIGHT_BITS) |
		   day_bits(out->deadline) << (DAY_BITS + WEIGHT_BITS) | w << DAY_BITS |
		   day_bits(registered);
	return 0;
}

static inline int cmp(const struct cor_priority_rec *a, const struct cor_priority_rec *b)
{
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	/* Weights past the key's range still order heaviest first. */
	if (a->weight != b->weight)
		return a->weight > b->weight ? -1 : 1;
	return strcmp(a->ref, b->ref);
}

int cor_priority_cmp(const struct cor_priority_rec *a, const struct cor_priority_rec *b)
{
	return cmp(a, b);
}

/* Introsort with the comparison inlined: qsort's indirect call and its
 * merge buffer cost several times more on a queue of 10^5 cases, many tied
 * down to the reference. Quicksort (median of three, Hoare partition), a
 * heapsort when it goes too deep, insertion sort for short runs. The order
 * is total, so the result does not depend on the algorithm's stability. */
static void swap(struct cor_priority_rec *a, struct cor_priority_rec *b)
{
	struct cor_priority_rec t = *a;
	*a = *b;
	*b = t;
}

static void insertion_sort(struct cor_priority_rec *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct cor_priority_rec x = r[i];
		size_t j = i;
		for (; j > 0 && cmp(&r[j - 1], &x) > 0; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

static void sift_down(struct cor_priority_rec *r, size_t i, size_t n)
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && cmp(&r[c], &r[c + 1]) < 0)
			c++;
		if (cmp(&r[i], &r[c]) >= 0)
			return;
		swap(&r[i], &r[c]);
		i = c;
	}
}

static void heap_sort(struct cor_priority_rec *r, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(r, i, n);
	for (size_t end = n; end-- > 1;) {
		swap(&r[0], &r[end]);
		sift_down(r, 0, end);
	}
}

static void intro_sort(struct cor_priority_rec *r, size_t n, int depth)
{
	while (n > 16) {
		if (depth-- == 0) {
			heap_sort(r, n);
			return;
		}
		size_t m = n / 2;
		if (cmp(&r[m], &r[0]) < 0)
			swap(&r[m], &r[0]);
		if (cmp(&r[n - 1], &r[0]) < 0)
			swap(&r[n - 1], &r[0]);
		if (cmp(&r[n - 1], &r[m]) < 0)
			swap(&r[n - 1], &r[m]);
		/* r[0] <= pivot <= r[n - 1] bound both scans. */
		struct cor_priority_rec pivot = r[m];
		size_t i = 0, j = n - 1;
		for (;;) {
			while (cmp(&r[i], &pivot) < 0)
				i++;
			while (cmp(&pivot, &r[j]) < 0)
				j--;
			if (i >= j)
				break;
			swap(&r[i], &r[j]);
			i++;
			j--;
		}
		size_t left = j + 1; /* r[0..left) <= pivot <= r[left..n) */
		if (left >= n) {
			heap_sort(r, n);
			return;
		}
		/* Recurse into the smaller side, loop on the larger. */
		if (left < n - left) {
			intro_sort(r, left, depth);
			r += left;
			n -= left;
		} else {
			intro_sort(r + left, n - left, depth);
			n = left;
		}
	}
	insertion_sort(r, n);
}

void cor_priority_sort(struct cor_priority_rec *recs, size_t n)
{
	int depth = 0;
	for (size_t k = n; k > 1; k >>= 1)
		depth += 2;
	if (n > 1)
		intro_sort(recs, n, depth);
}

/* ---- Explanation ------------------------------------------------------ */

struct tally {
	int persons[COR_RULES_NEEDS_MAX];
};

static void count_need(int idx, void *ctx)
{
	struct tally *t = ctx;
	t->persons[idx]++;
}

size_t cor_priority_explain(const struct cor_rules_config *cfg, const struct cor_priority_rec *r,
			    struct cor_date today, char *buf, size_t len)
{
	struct cor_out o = COR_OUT_INIT(buf, len);
	struct tally t;
	char d[COR_DATE_LEN];
	const struct cor_case_facts *f = r->facts;
	if (len)
		buf[0] = '\0';

	int32_t left = r->deadline - cor_date_to_days(today);
	cor_out_printf(&o, "%s (deadline %s, ", f ? cor_priority_name(f->priority) : "?",
		       cor_date_format(cor_date_from_days(r->deadline), d));
	if (left > 0)
		cor_out_printf(&o, "%ld day%s left)", (long)left, left == 1 ? "" : "s");
	else if (left == 0)
		cor_out_printf(&o, "due today)");
	else
		cor_out_printf(&o, "%ld day%s overdue)", (long)-left, left == -1 ? "" : "s");

	/* Each weighted code once, heaviest contribution first, then by code. */
	memset(&t, 0, sizeof(t));
	for (size_t i = 0; f && i < f->n_travellers; i++)
		each_need(f->travellers[i].needs, count_need, &t);
	int order[COR_RULES_NEEDS_MAX], n = 0;
	for (int i = 0; i < (int)cor_needs_len && i < COR_RULES_NEEDS_MAX; i++)
		if (t.persons[i] && cfg->weight[i] > 0)
			order[n++] = i;
	for (int i = 1; i < n; i++) {
		int x = order[i], j = i;
		int cx = t.persons[x] * cfg->weight[x];
		while (j > 0) {
			int y = order[j - 1], cy = t.persons[y] * cfg->weight[y];
			if (cy > cx ||
			    (cy == cx && strcmp(cor_needs[y].code, cor_needs[x].code) < 0))
				break;
			order[j] = y;
			j--;
		}
		order[j] = x;
	}
	cor_out_printf(&o, "; vulnerability %d: ", r->weight);
	if (!n)
		cor_out_printf(&o, "no weighted specific needs");
	for (int k = 0; k < n; k++) {
		int i = order[k];
		cor_out_printf(&o, "%s%s %s (", k ? ", " : "", cor_needs[i].code,
			       cor_needs[i].meaning);
		if (t.persons[i] == 1)
			cor_out_printf(&o, "%d)", cfg->weight[i]);
		else
			cor_out_printf(&o, "%d persons x %d = %d)", t.persons[i], cfg->weight[i],
				       t.persons[i] * cfg->weight[i]);
	}
	if (f)
		cor_out_printf(&o, "; registered %s", cor_date_format(f->registered_on, d));
	return o.need;
}

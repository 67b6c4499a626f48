// SPDX-License-Identifier: Apache-2.0
// One pass, small hash tables: per dimension, a table of keys with their
// counts. A case is counted once per key by remembering the last case seen
// for each key (persons of a case arrive together).
#include "domain/stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define KEY_MAX 64

struct entry {
	char key[KEY_MAX];
	long cases, persons;
	int64_t last_case;
	int order; /* for dimensions with a natural order */
};

struct table {
	struct entry *slots; /* open addressing; key[0] == 0 is empty */
	size_t cap, used;
};

struct cor_stats {
	struct cor_date on;
	int32_t six_months; /* day number of on + 183 days */
	int32_t today;
	struct table t[COR_STAT__N];
	long cases, persons;
	int64_t last_case;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int grow(struct table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct entry *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return COR_ENOMEM;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slots[i].key[0])
			continue;
		size_t j = hash(t->slots[i].key) & (cap - 1);
		while (slots[j].key[0])
			j = (j + 1) & (cap - 1);
		slots[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return 0;
}

/* Count a person (and their case, once) under key. */
static int count(struct table *t, const char *key, int64_t case_id, int order)
{
	if (!key || !*key)
		key = "(none)";
	if (2 * (t->used + 1) > t->cap && grow(t) < 0)
		return COR_ENOMEM;
	size_t j = hash(key) & (t->cap - 1);
	while (t->slots[j].key[0] && strncmp(t->slots[j].key, key, KEY_MAX - 1))
		j = (j + 1) & (t->cap - 1);
	struct entry *e = &t->slots[j];
	if (!e->key[0]) {
		strncpy(e->key, key, KEY_MAX - 1);
		e->last_case = -1;
		e->order = order;
		t->used++;
	}
	e->persons++;
	if (e->last_case != case_id) {
		e->cases++;
		e->last_case = case_id;
	}
	return 0;
}

struct cor_stats *cor_stats_new(struct cor_date on)
{
	struct cor_stats *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->on = on;
	s->today = cor_date_to_days(on);
	s->six_months = s->today + 183;
	s->last_case = -1;
	return s;
}

void cor_stats_free(struct cor_stats *s)
{
	if (!s)
		return;
	for (int i = 0; i < COR_STAT__N; i++)
		free(s->t[i].slots);
	free(s);
}

static const char *const bands[] = {"0-4", "5-11", "12-17", "18-59", "60+"};

static int band(int age)
{
	return age < 5 ? 0 : age < 12 ? 1 : age < 18 ? 2 : age < 60 ? 3 : 4;
}

int cor_stats_add(struct cor_stats *s, const struct cor_person_facts *f)
{
	int64_t c = f->case_id;
	int err = 0;
	s->persons++;
	if (c != s->last_case) {
		s->cases++;
		s->last_case = c;
	}
	err |= count(&s->t[COR_STAT_PROGRAMME], f->programme, c, 0);
	err |= count(&s->t[COR_STAT_STATE], f->state, c, 0);
	err |= count(&s->t[COR_STAT_OFFICE], f->office, c, 0);
	err |= count(&s->t[COR_STAT_PRIORITY], f->priority, c, 0);
	err |= count(&s->t[COR_STAT_DESTINATION], f->destination, c, 0);
	err |= count(&s->t[COR_STAT_NATIONALITY], f->nationality, c, 0);

	int b = band(cor_date_age(f->birth_date, s->on));
	char key[16] = {f->sex, ' '};
	strcpy(key + 2, bands[b]);
	int sex_order = f->sex == 'F' ? 0 : f->sex == 'M' ? 1 : 2;
	err |= count(&s->t[COR_STAT_SEX_AGE], key, c, sex_order * 8 + b);

	for (const char *g = f->need_groups; g && *g;) {
		size_t n = strcspn(g, ";");
		char grp[8];
		if (n && n < sizeof(grp)) {
			memcpy(grp, g, n);
			grp[n] = '\0';
			err |= count(&s->t[COR_STAT_NEED], grp, c, 0);
		}
		g += n + (g[n] == ';');
	}

	const char *doc;
	if (!f->has_travel_doc)
		doc = "no travel document";
	else if (!f->doc_expires)
		doc = "valid 6 months or more";
	else {
		int32_t e = cor_date_to_days(f->doc_expiry);
		doc = e < s->today        ? "expired"
		      : e < s->six_months ? "expires within 6 months"
					  : "valid 6 months or more";
	}
	err |= count(&s->t[COR_STAT_DOCUMENT], doc, c, 0);
	return err ? COR_ENOMEM : 0;
}

void cor_stats_totals(const struct cor_stats *s, long *cases, long *persons)
{
	*cases = s->cases;
	*persons = s->persons;
}

static int by_persons(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a,
			   *y = *(const struct entry *const *)b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->persons != y->persons)
		return x->persons > y->persons ? -1 : 1;
	return strcmp(x->key, y->key);
}

int cor_stats_each(const struct cor_stats *s, enum cor_stat_dim dim,
		   int (*cb)(const struct cor_stat_row *r, void *ctx), void *ctx)
{
	if ((unsigned)dim >= COR_STAT__N)
		return COR_EINVAL;
	const struct table *t = &s->t[dim];
	if (!t->used)
		return 0;
	const struct entry **rows = malloc(t->used * sizeof(*rows));
	if (!rows)
		return COR_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key[0])
			rows[n++] = &t->slots[i];
	qsort(rows, n, sizeof(*rows), by_persons);
	int ret = 0;
	for (size_t i = 0; i < n && !ret; i++) {
		struct cor_stat_row r = {rows[i]->key, rows[i]->cases, rows[i]->persons};
		ret = cb(&r, ctx);
	}
	free(rows);
	return ret;
}

/* ---- flows ----------------------------------------------------------------------- */

struct cor_flows {
	struct cor_date from, to;
	size_t n;
	struct cor_flow_row rows[];
};

/* Calendar months from a's to b's, both counted. */
static long months_between(struct cor_date a, struct cor_date b)
{
	return (long)(b.year - a.year) * 12 + (b.month - a.month) + 1;
}

int cor_flows_period_check(struct cor_date from, struct cor_date to, char *msg, size_t len)
{
	char a[COR_DATE_LEN], b[COR_DATE_LEN];
	if (cor_date_cmp(from, to) > 0) {
		snprintf(msg, len, "the period ends on %s, before it starts on %s",
			 cor_date_format(to, b), cor_date_format(from, a));
		return COR_EINVAL;
	}
	long n = months_between(from, to);
	if (n > COR_FLOW_MONTHS_MAX) {
		snprintf(msg, len, "the period runs over %ld months; at most %d", n,
			 COR_FLOW_MONTHS_MAX);
		return COR_EINVAL;
	}
	return 0;
}

struct cor_flows *cor_flows_new(struct cor_date from, struct cor_date to)
{
	char msg[96];
	if (cor_flows_period_check(from, to, msg, sizeof(msg)) < 0)
		return NULL;
	size_t n = (size_t)months_between(from, to);
	struct cor_flows *f = calloc(1, sizeof(*f) + n * sizeof(f->rows[0]));
	if (!f)
		return NULL;
	f->from = from;
	f->to = to;
	f->n = n;
	for (size_t i = 0; i < n; i++) {
		int m = from.month - 1 + (int)i;
		f->rows[i].year = from.year + m / 12;
		f->rows[i].month = m % 12 + 1;
	}
	return f;
}

void cor_flows_free(struct cor_flows *f)
{
	free(f);
}

/* The row of day d, or NULL when d is not inside the period. */
static struct cor_flow_row *row_of(struct cor_flows *f, struct cor_date d)
{
	if (!d.year || cor_date_cmp(d, f->from) < 0 || cor_date_cmp(d, f->to) > 0)
		return NULL;
	return &f->rows[months_between(f->from, d) - 1];
}

void cor_flows_add(struct cor_flows *f, const struct cor_case_travel *t)
{
	struct cor_flow_row *r;
	if ((r = row_of(f, t->departed_on))) {
		r->departed_cases++;
		r->departed_persons += t->persons;
	}
	if ((r = row_of(f, t->arrived_on))) {
		r->arrived_cases++;
		r->arrived_persons += t->persons;
	}
}

size_t cor_flows_months(const struct cor_flows *f)
{
	return f->n;
}

const struct cor_flow_row *cor_flows_row(const struct cor_flows *f, size_t i)
{
	return i < f->n ? &f->rows[i] : NULL;
}

struct cor_flow_row cor_flows_total(const struct cor_flows *f)
{
	struct cor_flow_row t = {0};
	for (size_t i = 0; i < f->n; i++) {
		t.departed_cases += f->rows[i].departed_cases;
		t.departed_persons += f->rows[i].departed_persons;
		t.arrived_cases += f->rows[i].arrived_cases;
		t.arrived_persons += f->rows[i].arrived_persons;
	}
	return t;
}

// SPDX-License-Identifier: Apache-2.0
// One pass, small hash tables: per dimension, a table of keys with their
// counts. A case is counted once per key by remembering the last case seen
// for each key (persons of a case arrive together).
#include "domain/stats.h"

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

// SPDX-License-Identifier: Apache-2.0
// case.search, duplicates.list and duplicates.distinct (see search.h).
#include "service/search.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/fold.h"
#include "service/case.h"
#include "service/json.h"
#include "store/store_search.h"

#define DEFAULT_LIMIT 20
/* Candidates read for a query of several words, through its rarest word:
 * they are checked against every word in memory. */
#define WORDS_CANDIDATES 1000
/* Persons of one word read from the index to narrow the candidates. */
#define WORDS_IDS 16000

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static int office_check(struct cor_ctx *cx, const char *office)
{
	struct cor_office o;
	if (!office)
		return 0;
	if (!cor_office_code_is_valid(office))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "office",
				     "'%s' is not an office code like LY-TIP", office);
	int err = cor_store_office_get(cx->st, office, &o);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", office);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static json_t *date_json(struct cor_date d)
{
	char buf[COR_DATE_LEN];
	return d.year ? json_string(cor_date_format(d, buf)) : json_null();
}

/* A person found, as the JSON of search and duplicates. */
static json_t *person_json(const struct cor_person_found *f)
{
	const struct cor_person *p = &f->p;
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s%, s:o, s:b, s:s}", "ref",
			 f->ref, "case", f->c.ref, "office", f->c.office, "state", f->c.state,
			 "family_name", p->family_name, "given_names", p->given_names,
			 "family_name_latin", p->family_name_latin, "given_names_latin",
			 p->given_names_latin, "sex", &p->sex, (size_t)1, "birth_date",
			 date_json(p->birth_date), "birth_date_approx", p->birth_date_approx,
			 "nationality", p->nationality);
}

/* ---- case.search ------------------------------------------------------------ */

struct hit {
	struct cor_person_found f;
	int score; /* 6 case ID, then cor_query_match's */
	const char *field;
};

struct search_run {
	struct cor_ctx *cx;
	const struct cor_query *q;
	struct hit *hits;
	int n, cap;
};

static const char *const how_names[] = {
	"", "words and consonants", "consonants", "words", "start of a name", "name", "case ID",
};

static const struct {
	const char *field;
	size_t off;
} name_fields[] = {
	{"family_name_latin", offsetof(struct cor_person, family_name_latin)},
	{"given_names_latin", offsetof(struct cor_person, given_names_latin)},
	{"family_name", offsetof(struct cor_person, family_name)},
	{"given_names", offsetof(struct cor_person, given_names)},
};

/* The name field a match was found in: the one whose own keys match best
 * (the first of equals); "names" when the words are spread over several. */
static const char *match_field(const struct cor_query *q, const struct cor_person *p)
{
	const char *field = "names";
	int best = 0;
	for (size_t i = 0; i < sizeof(name_fields) / sizeof(name_fields[0]); i++) {
		struct cor_keys k = {0};
		cor_fold_name_keys((const char *)p + name_fields[i].off, &k);
		int m = cor_query_match(q, &k);
		if (m > best) {
			best = m;
			field = name_fields[i].field;
		}
	}
	return field;
}

static bool seen(const struct search_run *r, int64_t id)
{
	for (int i = 0; i < r->n; i++)
		if (r->hits[i].f.id == id)
			return true;
	return false;
}

static int add_hit(struct search_run *r, const struct cor_person_found *f, int score,
		   const char *field)
{
	if (r->n == r->cap) {
		int cap = r->cap ? 2 * r->cap : 64;
		struct hit *h = realloc(r->hits, (size_t)cap * sizeof(*h));
		if (!h)
			return COR_ENOMEM;
		r->hits = h;
		r->cap = cap;
	}
	r->hits[r->n++] = (struct hit){*f, score, field};
	return 0;
}

/* A candidate from the index: kept when its keys match the query. */
static int take_person(const struct cor_person_found *f, void *ctx)
{
	struct search_run *r = ctx;
	if (seen(r, f->id))
		return 0;
	struct cor_keys k;
	cor_fold_person_keys(&f->p, &k);
	int score = cor_query_match(r->q, &k);
	return score > 0 ? add_hit(r, f, score, match_field(r->q, &f->p)) : 0;
}

static int take_ref(const struct cor_person_found *f, void *ctx)
{
	struct search_run *r = ctx;
	return seen(r, f->id) ? 0 : add_hit(r, f, 6, "ref");
}

static int by_score(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	if (x->score != y->score)
		return y->score - x->score;
	int c = strcmp(x->f.c.ref, y->f.c.ref);
	return c ? c : x->f.p.seq - y->f.p.seq;
}

/* Could text be the start of a case ID ("LY-TIP-2026-0001", "ly-tip")? Its
 * upper-case form into ref. */
static bool ref_prefix(const char *text, char *ref, size_t len)
{
	size_t n = strlen(text);
	if (n < 2 || n >= len || !isalpha((unsigned char)text[0]) ||
	    !isalpha((unsigned char)text[1]))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (!isalnum(c) && c != '-')
			return false;
		ref[i] = (char)toupper(c);
	}
	ref[n] = '\0';
	return n <= 2 || ref[2] == '-';
}

static int by_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The persons one word of a query finds (the start of its fold, or its
 * skeleton), sorted, each once, into a fresh array *out (NULL when none);
 * *full when the index holds more than WORDS_IDS of either; the rows read
 * into *rows. */
static int word_ids(struct cor_store *st, const struct cor_query *q, int w, int64_t **out, long *n,
		    long *rows, bool *full)
{
	int64_t *ids = malloc(2 * (WORDS_IDS + 1) * sizeof(*ids));
	long a = 0, b = 0;
	int err;
	*out = NULL;
	*n = 0;
	if (!ids)
		return COR_ENOMEM;
	if ((err = cor_store_keys_ids(st, q->word[w], true, WORDS_IDS + 1, ids, &a)) < 0 ||
	    (q->word_skel[w][0] && (err = cor_store_keys_ids(st, q->word_skel[w], false,
							     WORDS_IDS + 1, ids + a, &b)) < 0)) {
		free(ids);
		return err;
	}
	*full = a > WORDS_IDS || b > WORDS_IDS;
	*rows = a + b;
	qsort(ids, (size_t)(a + b), sizeof(*ids), by_int64);
	long o = 0;
	for (long i = 0; i < a + b; i++)
		if (!o || ids[o - 1] != ids[i])
			ids[o++] = ids[i];
	*out = ids;
	*n = o;
	return 0;
}

struct office_take {
	struct search_run *r;
	const char *office;
};

static int take_in_office(const struct cor_person_found *f, void *ctx)
{
	struct office_take *t = ctx;
	return t->office && strcmp(f->c.office, t->office) ? 0 : take_person(f, t->r);
}

/* A query of several words: the persons every word finds (by the start of
 * its fold or by its skeleton), from the index alone, then read and
 * checked against the query; a word held by more than WORDS_IDS persons
 * narrows nothing and is left to the check. When every word is that
 * common, the candidates of the rarest, as many as WORDS_CANDIDATES. */
static int search_words(struct search_run *r, const char *office, long limit)
{
	const struct cor_query *q = r->q;
	struct cor_store *st = r->cx->st;
	int64_t *cand = NULL;
	long ncand = 0;
	bool narrowed = false;
	int err = 0, rarest = 0;
	long fewest = -1;
	for (int i = 0; i < q->nwords && err == 0; i++) {
		int64_t *ids;
		long n, rows;
		bool full;
		if ((err = word_ids(st, q, i, &ids, &n, &rows, &full)) < 0)
			break;
		if (fewest < 0 || rows < fewest) {
			fewest = rows;
			rarest = i;
		}
		if (full) {
			free(ids);
			continue;
		}
		if (!narrowed) {
			cand = ids;
			ncand = n;
			narrowed = true;
			continue;
		}
		long o = 0; /* both sorted: the ids in both */
		for (long x = 0, y = 0; x < ncand && y < n;) {
			if (cand[x] < ids[y])
				x++;
			else if (cand[x] > ids[y])
				y++;
			else
				cand[o++] = cand[x++], y++;
		}
		ncand = o;
		free(ids);
	}
	if (err == 0 && !narrowed) {
		err = cor_store_keys_persons(st, q->word[rarest], true, office, WORDS_CANDIDATES,
					     take_person, r);
		if (err == 0 && r->n < limit && q->word_skel[rarest][0])
			err = cor_store_keys_persons(st, q->word_skel[rarest], false, office,
						     WORDS_CANDIDATES, take_person, r);
	}
	struct office_take t = {r, office && *office ? office : NULL};
	for (long i = 0; err == 0 && i < ncand && i < WORDS_CANDIDATES; i += COR_PERSONS_BATCH) {
		long n = ncand - i < COR_PERSONS_BATCH ? ncand - i : COR_PERSONS_BATCH;
		if (i + n > WORDS_CANDIDATES)
			n = WORDS_CANDIDATES - i;
		err = cor_store_persons_by_ids(st, (int)n, cand + i, take_in_office, &t);
	}
	free(cand);
	return err;
}

static int search(struct search_run *r, const char *text, const char *office, long limit)
{
	char ref[COR_CASE_REF_MAX + 8];
	const struct cor_query *q = r->q;
	struct cor_store *st = r->cx->st;
	int err = 0;
	/* Best first, each step only while too few are found: a case ID,
	 * a whole name, the start of one, words, then consonants. */
	if (ref_prefix(text, ref, sizeof(ref)))
		err = cor_store_ref_persons(st, ref, office, limit, take_ref, r);
	if (err == 0 && r->n < limit && q->nwords)
		err = cor_store_keys_persons(st, q->fold, false, office, 2 * limit, take_person, r);
	if (err == 0 && r->n < limit && q->nwords)
		err = cor_store_keys_persons(st, q->fold, true, office, 2 * limit, take_person, r);
	if (err == 0 && r->n < limit && q->split)
		err = search_words(r, office, limit);
	if (err == 0 && r->n < limit && q->skeleton[0])
		err = cor_store_keys_persons(st, q->skeleton, false, office, 2 * limit, take_person,
					     r);
	return err;
}

static json_t *search_json(const char *text, struct hit *hits, int n)
{
	json_t *cases = json_array(), *persons = json_array();
	json_t *doc = json_pack("{s:s, s:o, s:o, s:i}", "query", text, "cases", cases, "persons",
				persons, "shown", n);
	for (int i = 0; doc && i < n; i++) {
		const struct hit *h = &hits[i];
		json_t *p = person_json(&h->f);
		if (!p || json_object_set_new(p, "score", json_integer(h->score)) < 0 ||
		    json_object_set_new(p, "match", json_string(how_names[h->score])) < 0 ||
		    json_object_set_new(p, "field", json_string(h->field)) < 0 ||
		    json_array_append_new(persons, p) < 0)
			goto fail;
		bool dup = false;
		for (int j = 0; j < i && !dup; j++)
			dup = hits[j].f.case_id == h->f.case_id;
		if (dup)
			continue;
		json_t *c = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:s, s:s}", "ref", h->f.c.ref,
				      "programme", h->f.c.programme, "office", h->f.c.office,
				      "state", h->f.c.state, "person", h->f.ref, "score", h->score,
				      "match", how_names[h->score], "field", h->field);
		if (!c || json_array_append_new(cases, c) < 0)
			goto fail;
	}
	return doc;
fail:
	json_decref(doc);
	return NULL;
}

static int op_case_search(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_search_in *in = vin;
	struct cor_svc_case_search_out *out = vout;
	struct cor_query q;
	int err;
	out->doc = NULL;
	if (!in->text || !*in->text)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "text",
				     "what to search for? give a name or the start of a case ID");
	if (strlen(in->text) > COR_SEARCH_TEXT_MAX || !cor_text_is_clean(in->text))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "text",
				     "the text to search for must be at most %d bytes of text",
				     COR_SEARCH_TEXT_MAX);
	if (in->limit < 0 || in->limit > COR_SEARCH_LIMIT_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "limit",
				     "%ld is not a number of results from 1 to %d", in->limit,
				     COR_SEARCH_LIMIT_MAX);
	if ((err = office_check(cx, in->office)) < 0)
		return err;
	if (cor_fold_init() < 0)
		return cor_error_set(&cx->err, COR_CODE_STORE_FAILED, NULL,
				     "the Unicode library has no transliterator for names");
	long limit = in->limit ? in->limit : DEFAULT_LIMIT;
	cor_fold_query(in->text, &q);
	struct search_run r = {cx, &q, NULL, 0, 0};
	if ((err = search(&r, in->text, in->office, limit)) < 0) {
		free(r.hits);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	if (r.n > 0)
		qsort(r.hits, (size_t)r.n, sizeof(r.hits[0]), by_score);
	out->doc = search_json(in->text, r.hits, r.n < limit ? r.n : (int)limit);
	free(r.hits);
	return out->doc ? 0 : no_memory(cx);
}

/* ---- duplicates ----------------------------------------------------------------- */

struct pair {
	int64_t a, b;    /* person ids, a < b */
	bool doc, names; /* share a document's key, the names' and birth date's */
	char doc_key[COR_KEY_MAX];
};

struct dup_run {
	struct cor_ctx *cx;
	struct pair *pairs;
	size_t n, cap;
	int64_t (*distinct)[2];
	size_t ndistinct, capdistinct;
};

static int take_distinct(int64_t a, int64_t b, void *ctx)
{
	struct dup_run *r = ctx;
	if (r->ndistinct == r->capdistinct) {
		size_t cap = r->capdistinct ? 2 * r->capdistinct : 64;
		int64_t(*d)[2] = realloc(r->distinct, cap * sizeof(*d));
		if (!d)
			return COR_ENOMEM;
		r->distinct = d;
		r->capdistinct = cap;
	}
	r->distinct[r->ndistinct][0] = a;
	r->distinct[r->ndistinct++][1] = b;
	return 0;
}

static bool is_distinct(const struct dup_run *r, int64_t a, int64_t b)
{
	for (size_t i = 0; i < r->ndistinct; i++)
		if (r->distinct[i][0] == a && r->distinct[i][1] == b)
			return true;
	return false;
}

/* Persons sharing a duplicate key: each pair once, its reasons gathered. */
static int take_shared(const char *key, int n, const int64_t *ids, void *ctx)
{
	struct dup_run *r = ctx;
	bool doc = key[1] < '0' || key[1] > '9'; /* "=passport:...", not "=1990-..." */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			int64_t a = ids[i] < ids[j] ? ids[i] : ids[j];
			int64_t b = ids[i] < ids[j] ? ids[j] : ids[i];
			if (r->n == r->cap) {
				size_t cap = r->cap ? 2 * r->cap : 256;
				struct pair *q = realloc(r->pairs, cap * sizeof(*q));
				if (!q)
					return COR_ENOMEM;
				r->pairs = q;
				r->cap = cap;
			}
			struct pair *p = &r->pairs[r->n++];
			memset(p, 0, sizeof(*p));
			p->a = a;
			p->b = b;
			if (doc) {
				p->doc = true;
				snprintf(p->doc_key, sizeof(p->doc_key), "%s", key + 1);
			} else {
				p->names = true;
			}
		}
	return 0;
}

static int by_ids(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* One entry a pair, its reasons joined: sorted by ids, then merged. */
static void merge_pairs(struct dup_run *r)
{
	size_t o = 0;
	if (r->n)
		qsort(r->pairs, r->n, sizeof(*r->pairs), by_ids);
	for (size_t i = 0; i < r->n; i++) {
		struct pair *p = &r->pairs[i];
		if (o && r->pairs[o - 1].a == p->a && r->pairs[o - 1].b == p->b) {
			struct pair *q = &r->pairs[o - 1];
			q->names = q->names || p->names;
			if (p->doc && !q->doc) {
				q->doc = true;
				memcpy(q->doc_key, p->doc_key, sizeof(q->doc_key));
			}
		} else {
			r->pairs[o++] = *p;
		}
	}
	r->n = o;
}

/* The score of a pair of persons and its reasons (appended to reasons). */
static int pair_score(const struct pair *pr, const struct cor_person_found *x,
		      const struct cor_person_found *y, json_t *reasons)
{
	int score = 0;
	if (pr->doc) {
		char kind[32];
		snprintf(kind, sizeof(kind), "%.*s", (int)strcspn(pr->doc_key, ":"), pr->doc_key);
		char why[96];
		snprintf(why, sizeof(why), "the same %s number", kind);
		json_array_append_new(reasons, json_string(why));
		score += 60;
	}
	if (pr->names) {
		char f1[COR_KEY_MAX], g1[COR_KEY_MAX], f2[COR_KEY_MAX], g2[COR_KEY_MAX];
		cor_fold(x->p.family_name_latin, f1, sizeof(f1));
		cor_fold(x->p.given_names_latin, g1, sizeof(g1));
		cor_fold(y->p.family_name_latin, f2, sizeof(f2));
		cor_fold(y->p.given_names_latin, g2, sizeof(g2));
		bool same = (!strcmp(f1, f2) && !strcmp(g1, g2)) ||
			    (!strcmp(f1, g2) && !strcmp(g1, f2));
		json_array_append_new(
			reasons, json_string(same ? "the same names" : "names alike (consonants)"));
		json_array_append_new(reasons, json_string("the same birth date"));
		score += same ? 35 : 25;
		if (x->p.birth_date_approx || y->p.birth_date_approx)
			score -= 10;
	}
	if (x->p.sex == y->p.sex && x->p.sex != 'X') {
		json_array_append_new(reasons, json_string("the same sex"));
		score += 5;
	} else if (x->p.sex != 'X' && y->p.sex != 'X') {
		score -= 20;
	}
	return score < 0 ? 0 : score > 100 ? 100 : score;
}

struct dup_row {
	json_t *row;
	int score;
	int64_t a, b;
};

/* Highest score first, then in the order the persons were written. */
static int by_pair_score(const void *va, const void *vb)
{
	const struct dup_row *x = va, *y = vb;
	if (x->score != y->score)
		return y->score - x->score;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* The persons of a run of pairs, read together (one query a batch, not one
 * a person), sorted by id. */
struct person_batch {
	struct cor_person_found *f;
	int n;
};

static int take_batch(const struct cor_person_found *f, void *ctx)
{
	struct person_batch *b = ctx;
	if (b->n < COR_PERSONS_BATCH)
		b->f[b->n++] = *f;
	return 0;
}

static int by_person_id(const void *a, const void *b)
{
	const struct cor_person_found *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* Read the persons of the pairs from pair `from` on, as many pairs as fit
 * in one batch; *end is the first pair not read. */
static int read_batch(struct cor_ctx *cx, const struct dup_run *r, size_t from,
		      struct person_batch *b, size_t *end)
{
	int64_t ids[COR_PERSONS_BATCH];
	int n = 0;
	size_t i = from;
	for (; i < r->n && n + 2 <= COR_PERSONS_BATCH; i++) {
		if (is_distinct(r, r->pairs[i].a, r->pairs[i].b))
			continue;
		ids[n++] = r->pairs[i].a;
		ids[n++] = r->pairs[i].b;
	}
	*end = i;
	qsort(ids, (size_t)n, sizeof(ids[0]), by_id);
	int m = 0;
	for (int k = 0; k < n; k++)
		if (!m || ids[m - 1] != ids[k])
			ids[m++] = ids[k];
	b->n = 0;
	int err = cor_store_persons_by_ids(cx->st, m, ids, take_batch, b);
	if (err == 0 && b->n)
		qsort(b->f, (size_t)b->n, sizeof(*b->f), by_person_id);
	return err;
}

static const struct cor_person_found *batch_find(const struct person_batch *b, int64_t id)
{
	struct cor_person_found key;
	key.id = id;
	return b->n ? bsearch(&key, b->f, (size_t)b->n, sizeof(*b->f), by_person_id) : NULL;
}

static int op_duplicates_list(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_duplicates_in *in = vin;
	struct cor_svc_duplicates_out *out = vout;
	struct dup_run r = {cx, NULL, 0, 0, NULL, 0, 0};
	char prefix[2] = {COR_KEY_DUP, '\0'};
	struct dup_row *rows = NULL;
	struct person_batch batch = {NULL, 0};
	size_t nrows = 0, batch_end = 0;
	int err;
	out->doc = NULL;
	if (in->limit < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "limit",
				     "%ld is not a number of pairs", in->limit);
	if ((err = office_check(cx, in->office)) < 0)
		return err;
	if ((err = cor_store_distinct_each(cx->st, take_distinct, &r)) < 0 ||
	    (err = cor_store_keys_shared(cx->st, prefix, take_shared, &r)) < 0)
		goto out;
	merge_pairs(&r);
	if (r.n && !(rows = calloc(r.n, sizeof(*rows)))) {
		err = COR_ENOMEM;
		goto out;
	}
	if (r.n && !(batch.f = malloc(COR_PERSONS_BATCH * sizeof(*batch.f)))) {
		err = COR_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < r.n; i++) {
		const struct pair *pr = &r.pairs[i];
		if (is_distinct(&r, pr->a, pr->b))
			continue;
		if (i >= batch_end && (err = read_batch(cx, &r, i, &batch, &batch_end)) < 0)
			goto out;
		const struct cor_person_found *px = batch_find(&batch, pr->a);
		const struct cor_person_found *py = batch_find(&batch, pr->b);
		if (!px || !py)
			continue; /* a person gone since the keys were read */
		const struct cor_person_found x = *px, y = *py;
		if (x.case_id == y.case_id)
			continue; /* one case's family: not one person written twice */
		if (in->office && strcmp(x.c.office, in->office) && strcmp(y.c.office, in->office))
			continue;
		json_t *reasons = json_array();
		int score = pair_score(pr, &x, &y, reasons);
		json_t *row = json_pack("{s:i, s:o, s:[o, o], s:[s, s]}", "score", score, "reasons",
					reasons, "persons", person_json(&x), person_json(&y),
					"resolve", "case.merge", "duplicates.distinct");
		if (!row) {
			err = COR_ENOMEM;
			goto out;
		}
		rows[nrows++] = (struct dup_row){row, score, pr->a, pr->b};
	}
	if (nrows)
		qsort(rows, nrows, sizeof(*rows), by_pair_score);
	json_t *pairs = json_array();
	size_t shown = in->limit > 0 && (size_t)in->limit < nrows ? (size_t)in->limit : nrows;
	for (size_t i = 0; pairs && i < nrows; i++) {
		if (i < shown)
			json_array_append(pairs, rows[i].row);
	}
	out->doc = json_pack("{s:o, s:I, s:I}", "pairs", pairs, "shown", (json_int_t)shown, "total",
			     (json_int_t)nrows);
	if (!out->doc)
		err = COR_ENOMEM;
out:
	for (size_t i = 0; i < nrows; i++)
		json_decref(rows[i].row);
	free(rows);
	free(batch.f);
	free(r.pairs);
	free(r.distinct);
	if (err < 0)
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	return 0;
}

static int find_person(struct cor_ctx *cx, const char *field, const char *ref,
		       struct cor_person_found *f)
{
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, field,
				     "which person? give a person ID like LY-TIP-2026-000123-01");
	int err = cor_store_person_find(cx->st, ref, f);
	if (err == COR_EINVAL)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, field,
				     "'%s' is not a person ID like LY-TIP-2026-000123-01", ref);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_PERSON_NOT_FOUND, field, "no person '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- duplicates.of ---------------------------------------------------------------- */

struct of_run {
	struct cor_ctx *cx;
	const struct cor_person_found *who;
	struct dup_run *r;
	bool doc;
	char key[COR_KEY_MAX];
};

/* Another person with one of who's duplicate keys: a pair. */
static int take_other(const struct cor_person_found *f, void *ctx)
{
	struct of_run *o = ctx;
	if (f->case_id == o->who->case_id)
		return 0;
	int64_t ids[2] = {o->who->id, f->id};
	return take_shared(o->key, 2, ids, o->r);
}

static int take_doc(const struct cor_document *d, enum cor_doc_source source, void *ctx)
{
	struct of_run *o = ctx;
	(void)source;
	if (d->kind == COR_DOC_VISA || !cor_fold_doc_key(d, o->key)[0])
		return 0;
	return cor_store_keys_persons(o->cx->st, o->key, false, NULL, 100, take_other, o);
}

static int op_duplicates_of(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_duplicates_of_in *in = vin;
	struct cor_svc_duplicates_out *out = vout;
	struct dup_run r = {cx, NULL, 0, 0, NULL, 0, 0};
	struct cor_person_found who;
	int err;
	out->doc = NULL;
	if ((err = find_person(cx, "person", in->person, &who)) < 0)
		return err;
	struct of_run o = {cx, &who, &r, false, ""};
	json_t *pairs = json_array();
	if (!pairs)
		return no_memory(cx);
	if ((err = cor_store_distinct_each(cx->st, take_distinct, &r)) == 0 &&
	    cor_fold_dup_key(&who.p, o.key)[0])
		err = cor_store_keys_persons(cx->st, o.key, false, NULL, 100, take_other, &o);
	if (err == 0)
		err = cor_store_documents_each(cx->st, who.id, take_doc, &o);
	if (err == 0)
		merge_pairs(&r);
	for (size_t i = 0; err == 0 && i < r.n; i++) {
		const struct pair *pr = &r.pairs[i];
		struct cor_person_found other;
		if (is_distinct(&r, pr->a < pr->b ? pr->a : pr->b, pr->a < pr->b ? pr->b : pr->a))
			continue;
		if ((err = cor_store_person_by_id(cx->st, pr->b == who.id ? pr->a : pr->b,
						  &other)) < 0)
			break;
		json_t *reasons = json_array();
		int score = pair_score(pr, &who, &other, reasons);
		json_t *row = json_pack("{s:i, s:o, s:[o, o], s:[s, s]}", "score", score, "reasons",
					reasons, "persons", person_json(&who), person_json(&other),
					"resolve", "case.merge", "duplicates.distinct");
		if (!row || json_array_append_new(pairs, row) < 0)
			err = COR_ENOMEM;
	}
	free(r.pairs);
	free(r.distinct);
	if (err == 0)
		out->doc = json_pack("{s:s, s:o}", "person", who.ref, "pairs", pairs);
	else
		json_decref(pairs);
	if (err < 0 || !out->doc)
		return err == COR_ENOMEM || !out->doc ? no_memory(cx)
						      : cor_ctx_store_error(cx, err);
	return 0;
}

static int distinct_event(struct cor_ctx *cx, int64_t case_id, const char *detail,
			  const char *reason)
{
	struct cor_event e = {
		.actor = cx->actor, .action = "distinct", .detail = detail, .reason = reason};
	snprintf(e.at, sizeof(e.at), "%s", cx->now);
	int err = cor_store_event_add(cx->st, case_id, &e);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_duplicates_distinct(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_distinct_in *in = vin;
	struct cor_person_found x, y;
	char detail[2 * COR_PERSON_REF_MAX + 64];
	int err;
	if ((err = find_person(cx, "person", in->person, &x)) < 0 ||
	    (err = find_person(cx, "other", in->other, &y)) < 0)
		return err;
	if (x.id == y.id)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "other",
				     "%s is one person: give two", x.ref);
	if (x.case_id == y.case_id)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "other",
				     "%s and %s are of one case: a case's persons are distinct "
				     "already",
				     x.ref, y.ref);
	if (!in->reason || !*in->reason)
		return cor_error_set(&cx->err, COR_CODE_REASON_REQUIRED, "reason",
				     "say why %s and %s are not the same person", x.ref, y.ref);
	if (strlen(in->reason) > COR_REASON_MAX || !cor_text_is_clean(in->reason))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "reason",
				     "the reason must be at most %d bytes of text", COR_REASON_MAX);
	const struct cor_person_found *a = x.id < y.id ? &x : &y, *b = x.id < y.id ? &y : &x;
	err = cor_store_distinct_add(cx->st, a->id, b->id, in->reason, cx->actor);
	if (err == COR_EEXIST)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "other",
				     "%s and %s are marked as not the same person already", a->ref,
				     b->ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(detail, sizeof(detail), "%s and %s are not the same person", a->ref, b->ref);
	if ((err = distinct_event(cx, a->case_id, detail, in->reason)) < 0)
		return err;
	return distinct_event(cx, b->case_id, detail, in->reason);
}

/* ---- the table ------------------------------------------------------------------- */

static const struct cor_op op_search = {"case.search", COR_OP_READ, "case.read", op_case_search,
					"cases by a name in any script or the start of a case ID"};
static const struct cor_op op_dups = {"duplicates.list", COR_OP_READ, "case.read",
				      op_duplicates_list,
				      "pairs of persons that may be the same person, scored"};
static const struct cor_op op_dups_of = {"duplicates.of", COR_OP_READ, "case.read",
					 op_duplicates_of,
					 "the persons that may be the same person as one person"};
static const struct cor_op op_distinct = {"duplicates.distinct", COR_OP_WRITE, "case.write",
					  op_duplicates_distinct,
					  "mark two persons as not the same person"};

const struct cor_op *const cor_ops_search[] = {&op_search, &op_dups, &op_dups_of, &op_distinct,
					       NULL};

int cor_svc_case_search(struct cor_ctx *cx, const struct cor_svc_case_search_in *in,
			struct cor_svc_case_search_out *out)
{
	return cor_service_run(cx, &op_search, in, out);
}

int cor_svc_duplicates_list(struct cor_ctx *cx, const struct cor_svc_duplicates_in *in,
			    struct cor_svc_duplicates_out *out)
{
	return cor_service_run(cx, &op_dups, in, out);
}

int cor_svc_duplicates_distinct(struct cor_ctx *cx, const struct cor_svc_distinct_in *in)
{
	return cor_service_run(cx, &op_distinct, in, NULL);
}

int cor_svc_duplicates_of(struct cor_ctx *cx, const struct cor_svc_duplicates_of_in *in,
			  struct cor_svc_duplicates_out *out)
{
	return cor_service_run(cx, &op_dups_of, in, out);
}

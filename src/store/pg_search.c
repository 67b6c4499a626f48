// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of search records (store/store_search.h), on the tables
// of migration 10 (pg_migrations.c): the same records and messages as
// SQLite's (sqlite_search.c). person_key.key is COLLATE "C": ranges compare
// bytes, as SQLite's do.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_search_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

#define LAST_CODE_POINT "\xf4\x8f\xbf\xbf"

#define FOUND_COLS                                                                                 \
	"p.id, c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state,"                \
	" c.priority, c.registered_on, p.seq, p.relationship, p.family_name, p.given_names,"       \
	" p.family_name_latin, p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx,"     \
	" p.nationality, p.languages"
#define FOUND_FROM " person p JOIN cases c ON c.id = p.case_id JOIN office o ON o.id = c.office_id"

static void range(const char *key, bool prefix, char *hi, size_t len)
{
	snprintf(hi, len, "%s%s", key, prefix ? LAST_CODE_POINT : "\x01");
}

static void read_found(PGresult *r, int i, struct cor_person_found *out)
{
	struct cor_case *c = &out->c;
	struct cor_person *p = &out->p;
	memset(out, 0, sizeof(*out));
	out->id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
	out->case_id = strtoll(PQgetvalue(r, i, 1), NULL, 10);
	cor_pg_text(c->ref, sizeof(c->ref), r, i, 2);
	cor_pg_text(c->programme, sizeof(c->programme), r, i, 3);
	cor_pg_text(c->office, sizeof(c->office), r, i, 4);
	cor_pg_text(c->origin, sizeof(c->origin), r, i, 5);
	cor_pg_text(c->destination, sizeof(c->destination), r, i, 6);
	cor_pg_text(c->state, sizeof(c->state), r, i, 7);
	cor_priority_parse(PQgetvalue(r, i, 8), &c->priority);
	cor_date_parse(PQgetvalue(r, i, 9), &c->registered_on);
	p->seq = atoi(PQgetvalue(r, i, 10));
	p->relationship = COR_REL_UNRELATED;
	cor_relationship_parse(PQgetvalue(r, i, 11), &p->relationship);
	cor_pg_text(p->family_name, sizeof(p->family_name), r, i, 12);
	cor_pg_text(p->given_names, sizeof(p->given_names), r, i, 13);
	cor_pg_text(p->family_name_latin, sizeof(p->family_name_latin), r, i, 14);
	cor_pg_text(p->given_names_latin, sizeof(p->given_names_latin), r, i, 15);
	p->sex = PQgetvalue(r, i, 16)[0] ? PQgetvalue(r, i, 16)[0] : 'X';
	cor_date_parse(PQgetvalue(r, i, 17), &p->birth_date);
	p->birth_date_approx = strcmp(PQgetvalue(r, i, 18), "0") != 0;
	cor_pg_text(p->nationality, sizeof(p->nationality), r, i, 19);
	cor_pg_text(p->languages, sizeof(p->languages), r, i, 20);
	cor_person_ref_format(out->ref, sizeof(out->ref), c->ref, p->seq);
}

/* Append s to the array literal a (len bytes), quoted. */
static bool array_add(char *a, size_t len, size_t *at, const char *s)
{
	size_t o = *at;
	if (o + 4 + 2 * strlen(s) >= len)
		return false;
	if (o > 1)
		a[o++] = ',';
	a[o++] = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			a[o++] = '\\';
		a[o++] = *s;
	}
	a[o++] = '"';
	a[o] = '\0';
	*at = o;
	return true;
}

static int pg_keys_add(struct cor_store *s, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX])
{
	struct cor_pg *st = PG(s);
	int err = 0;
	if (st->large) {
		for (int i = 0; i < n && err == 0; i++)
			err = cor_pg_copy_key(st, person_id, keys[i]);
		return err;
	}
	char arr[COR_KEYS_MAX * (2 * COR_KEY_MAX + 3) + 4] = "{", pid[24];
	size_t at = 1;
	for (int i = 0; i < n; i++)
		if (!array_add(arr, sizeof(arr) - 1, &at, keys[i])) {
			cor_pg_msg(st, "indexing names: too many keys");
			return COR_EINVAL;
		}
	arr[at++] = '}';
	arr[at] = '\0';
	snprintf(pid, sizeof(pid), "%lld", (long long)person_id);
	const char *v[] = {arr, pid};
	PGresult *r = cor_pg_query(st,
				   "INSERT INTO person_key (key, person_id)"
				   " SELECT k, $2::bigint FROM unnest($1::text[]) k"
				   " ON CONFLICT DO NOTHING",
				   2, v, "indexing names", &err);
	PQclear(r);
	return err;
}

static int pg_keys_remove(struct cor_store *s, int64_t person_id, int n,
			  const char (*keys)[COR_KEY_MAX])
{
	struct cor_pg *st = PG(s);
	char arr[COR_KEYS_MAX * (2 * COR_KEY_MAX + 3) + 4] = "{", pid[24];
	size_t at = 1;
	int err = 0;
	for (int i = 0; i < n; i++)
		if (!array_add(arr, sizeof(arr) - 1, &at, keys[i])) {
			cor_pg_msg(st, "indexing names: too many keys");
			return COR_EINVAL;
		}
	arr[at++] = '}';
	arr[at] = '\0';
	snprintf(pid, sizeof(pid), "%lld", (long long)person_id);
	const char *v[] = {pid, n < 0 ? NULL : arr};
	PGresult *r = cor_pg_query(st,
				   "DELETE FROM person_key WHERE person_id = $1::bigint"
				   " AND ($2::text[] IS NULL OR key = ANY($2::text[]))",
				   2, v, "indexing names", &err);
	PQclear(r);
	return err;
}

static int pg_keys_count(struct cor_store *s, const char *key, bool prefix, long max, long *n)
{
	char hi[COR_KEY_MAX + 8], lim[24];
	int err;
	range(key, prefix, hi, sizeof(hi));
	snprintf(lim, sizeof(lim), "%ld", max);
	const char *v[] = {key, hi, lim};
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT count(*) FROM (SELECT 1 FROM person_key"
				   " WHERE key >= $1 AND key < $2 LIMIT $3::bigint) x",
				   3, v, "searching names", &err);
	if (!r)
		return err;
	*n = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return 0;
}

static int pg_keys_ids(struct cor_store *s, const char *key, bool prefix, long max, int64_t *ids,
		       long *n)
{
	char hi[COR_KEY_MAX + 8], lim[24];
	int err;
	range(key, prefix, hi, sizeof(hi));
	snprintf(lim, sizeof(lim), "%ld", max);
	const char *v[] = {key, hi, lim};
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT person_id FROM person_key WHERE key >= $1 AND key < $2"
				   " ORDER BY key, person_id LIMIT $3::bigint",
				   3, v, "searching names", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && *n < max; i++)
		ids[(*n)++] = strtoll(PQgetvalue(r, i, 0), NULL, 10);
	PQclear(r);
	return 0;
}

/* Run sql with v, each row to cb as a person found. */
static int each_found(struct cor_pg *st, const char *sql, int n, const char *const *v,
		      int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx,
		      const char *what)
{
	int err, ret = 0;
	PGresult *r = cor_pg_query(st, sql, n, v, what, &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		struct cor_person_found f;
		read_found(r, i, &f);
		ret = cb(&f, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_keys_persons(struct cor_store *s, const char *key, bool prefix, const char *office,
			   long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			   void *ctx)
{
	char hi[COR_KEY_MAX + 8], lim[24];
	range(key, prefix, hi, sizeof(hi));
	snprintf(lim, sizeof(lim), "%ld", limit);
	const char *v[] = {key, hi, office && *office ? office : NULL, limit > 0 ? lim : NULL};
	return each_found(PG(s),
			  "SELECT " FOUND_COLS " FROM person_key k JOIN" FOUND_FROM
			  " ON TRUE WHERE k.key >= $1 AND k.key < $2 AND p.id = k.person_id"
			  " AND ($3::text IS NULL OR o.code = $3)"
			  " ORDER BY k.key, k.person_id LIMIT $4::bigint",
			  4, v, cb, ctx, "searching names");
}

static int pg_ref_persons(struct cor_store *s, const char *prefix, const char *office, long limit,
			  int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	char hi[COR_KEY_MAX + 8], lim[24];
	range(prefix, true, hi, sizeof(hi));
	snprintf(lim, sizeof(lim), "%ld", limit);
	const char *v[] = {prefix, hi, office && *office ? office : NULL, limit > 0 ? lim : NULL};
	return each_found(PG(s),
			  "SELECT " FOUND_COLS " FROM" FOUND_FROM
			  " WHERE c.ref >= $1 AND c.ref < $2 AND starts_with(c.ref, $1)"
			  " AND p.seq = 1 AND ($3::text IS NULL OR o.code = $3)"
			  " ORDER BY c.ref LIMIT $4::bigint",
			  4, v, cb, ctx, "searching case IDs");
}

static int pg_keys_shared(struct cor_store *s, const char *prefix,
			  int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			  void *ctx)
{
	enum { MAX_IDS = 64 };
	char hi[COR_KEY_MAX + 8];
	int err, ret = 0;
	range(prefix, true, hi, sizeof(hi));
	const char *v[] = {prefix, hi};
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT key, string_agg(person_id::text, ',' ORDER BY person_id)"
				   " FROM person_key WHERE key >= $1 AND key < $2"
				   " GROUP BY key HAVING count(*) > 1 ORDER BY key",
				   2, v, "finding shared keys", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++) {
		int64_t ids[MAX_IDS];
		int n = 0;
		const char *list = PQgetvalue(r, i, 1);
		for (char *e; *list && n < MAX_IDS; list = *e ? e + 1 : e)
			ids[n++] = strtoll(list, &e, 10);
		ret = cb(PQgetvalue(r, i, 0), n, ids, ctx);
	}
	PQclear(r);
	return ret;
}

static int found_one(const struct cor_person_found *f, void *ctx)
{
	*(struct cor_person_found *)ctx = *f;
	return 1;
}

static int pg_person_by_id(struct cor_store *s, int64_t person_id, struct cor_person_found *out)
{
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)person_id);
	const char *v[] = {id};
	int ret = each_found(PG(s), "SELECT " FOUND_COLS " FROM" FOUND_FROM " WHERE p.id = $1", 1,
			     v, found_one, out, "reading a person");
	if (ret == 0) {
		cor_pg_msg(PG(s), "no person %lld", (long long)person_id);
		return COR_ENOTFOUND;
	}
	return ret < 0 ? ret : 0;
}

static int pg_persons_by_ids(struct cor_store *s, int n, const int64_t *ids,
			     int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	size_t len = (size_t)n * 21 + 3, at = 1;
	char *arr = malloc(len);
	if (!arr) {
		cor_pg_msg(PG(s), "reading persons: out of memory");
		return COR_ENOMEM;
	}
	arr[0] = '{';
	for (int i = 0; i < n; i++)
		at += (size_t)snprintf(arr + at, len - at, "%s%lld", i ? "," : "",
				       (long long)ids[i]);
	snprintf(arr + at, len - at, "}");
	const char *v[] = {arr};
	int ret = each_found(
		PG(s), "SELECT " FOUND_COLS " FROM" FOUND_FROM " WHERE p.id = ANY($1::bigint[])", 1,
		v, cb, ctx, "reading persons");
	free(arr);
	return ret;
}

static int pg_distinct_add(struct cor_store *s, int64_t a, int64_t b, const char *reason,
			   const char *actor)
{
	struct cor_pg *st = PG(s);
	char sa[24], sb[24], at[COR_TIME_LEN];
	int err;
	snprintf(sa, sizeof(sa), "%lld", (long long)a);
	snprintf(sb, sizeof(sb), "%lld", (long long)b);
	const char *v[] = {sa, sb, reason, cor_store_now(s, at), actor};
	PGresult *r = cor_pg_query(st,
				   "INSERT INTO person_distinct (person_a, person_b, reason,"
				   " marked_at, marked_by) VALUES ($1, $2, $3, $4, $5)"
				   " ON CONFLICT (person_a, person_b) DO NOTHING RETURNING id",
				   5, v, "marking persons distinct", &err);
	if (!r)
		return err;
	err = PQntuples(r) == 0 ? COR_EEXIST : 0;
	PQclear(r);
	if (err == COR_EEXIST)
		cor_pg_msg(st, "the pair is marked distinct already");
	return err;
}

static int pg_distinct_each(struct cor_store *s, int (*cb)(int64_t a, int64_t b, void *ctx),
			    void *ctx)
{
	int err, ret = 0;
	PGresult *r = cor_pg_query(PG(s), "SELECT person_a, person_b FROM person_distinct", 0, NULL,
				   "reading distinct pairs", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && ret == 0; i++)
		ret = cb(strtoll(PQgetvalue(r, i, 0), NULL, 10),
			 strtoll(PQgetvalue(r, i, 1), NULL, 10), ctx);
	PQclear(r);
	return ret;
}

/* The keys of the persons and documents already there, in the migration's
 * transaction, through a cursor: memory stays flat whatever the size. */
static int pg_backfill(struct cor_store *s)
{
	struct cor_pg *st = PG(s);
	int err = cor_pg_exec(st,
			      "DECLARE cor_backfill NO SCROLL CURSOR FOR"
			      " SELECT 0, id, family_name, given_names, family_name_latin,"
			      " given_names_latin, birth_date, '' FROM person"
			      " UNION ALL SELECT 1, person_id, '', '', '', '', kind, number"
			      " FROM document",
			      "indexing the names there");
	while (err == 0) {
		PGresult *r = cor_pg_query(st, "FETCH 5000 FROM cor_backfill", 0, NULL,
					   "indexing the names there", &err);
		if (!r)
			break;
		int n = PQntuples(r);
		for (int i = 0; i < n && err == 0; i++) {
			int64_t id = strtoll(PQgetvalue(r, i, 1), NULL, 10);
			if (PQgetvalue(r, i, 0)[0] == '0') {
				struct cor_person p;
				memset(&p, 0, sizeof(p));
				cor_pg_text(p.family_name, sizeof(p.family_name), r, i, 2);
				cor_pg_text(p.given_names, sizeof(p.given_names), r, i, 3);
				cor_pg_text(p.family_name_latin, sizeof(p.family_name_latin), r, i,
					    4);
				cor_pg_text(p.given_names_latin, sizeof(p.given_names_latin), r, i,
					    5);
				cor_date_parse(PQgetvalue(r, i, 6), &p.birth_date);
				err = cor_store_person_keys_add(s, id, &p);
			} else {
				struct cor_document d;
				memset(&d, 0, sizeof(d));
				if (cor_doc_kind_parse(PQgetvalue(r, i, 6), &d.kind) < 0)
					continue;
				cor_pg_text(d.number, sizeof(d.number), r, i, 7);
				err = cor_store_doc_keys_add(s, 1, &id, &d);
			}
		}
		PQclear(r);
		if (n == 0)
			break;
	}
	int cerr = cor_pg_exec(st, "CLOSE cor_backfill", "indexing the names there");
	return err < 0 ? err : cerr;
}

const struct cor_store_search_ops cor_pg_search_ops = {
	.keys_add = pg_keys_add,
	.keys_remove = pg_keys_remove,
	.keys_count = pg_keys_count,
	.keys_ids = pg_keys_ids,
	.keys_persons = pg_keys_persons,
	.ref_persons = pg_ref_persons,
	.keys_shared = pg_keys_shared,
	.person_by_id = pg_person_by_id,
	.persons_by_ids = pg_persons_by_ids,
	.distinct_add = pg_distinct_add,
	.distinct_each = pg_distinct_each,
	.backfill = pg_backfill,
};

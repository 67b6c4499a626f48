// SPDX-License-Identifier: Apache-2.0
// SQLite side of search records (store/store_search.h), on the tables of
// migration 10 (migrations.c): records only.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_search_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

/* A prefix's range ends before its last code point appended (U+10FFFF);
 * an equality's before "\x01" appended (keys hold no control character). */
#define LAST_CODE_POINT "\xf4\x8f\xbf\xbf"

#define KEY_ROW  "(?, ?)"
#define KEY_ROWS 8

static const char sql_key_add[] = "INSERT OR IGNORE INTO person_key (key, person_id) VALUES (?, ?)";
static const char sql_key_add_n[] =
	"INSERT OR IGNORE INTO person_key (key, person_id) VALUES " KEY_ROW ", " KEY_ROW
	", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW;
static const char sql_count[] = "SELECT count(*) FROM (SELECT 1 FROM person_key"
				" WHERE key >= ?1 AND key < ?2 LIMIT ?3)";

/* The columns of a person found, in the order read_found reads them. */
#define FOUND_COLS                                                                                 \
	"p.id, c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state,"                \
	" c.priority, c.registered_on, p.seq, p.relationship, p.family_name, p.given_names,"       \
	" p.family_name_latin, p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx,"     \
	" p.nationality, p.languages"
#define FOUND_FROM " person p JOIN cases c ON c.id = p.case_id JOIN office o ON o.id = c.office_id"

static const char sql_key_persons[] =
	"SELECT " FOUND_COLS " FROM person_key k JOIN" FOUND_FROM
	" WHERE k.key >= ?1 AND k.key < ?2 AND p.id = k.person_id AND (?3 IS NULL OR o.code = ?3)"
	" ORDER BY k.key, k.person_id LIMIT ?4";
static const char sql_ref_persons[] =
	"SELECT " FOUND_COLS " FROM" FOUND_FROM
	" WHERE c.ref >= ?1 AND c.ref < ?2 AND p.seq = 1 AND (?3 IS NULL OR o.code = ?3)"
	" ORDER BY c.ref LIMIT ?4";
static const char sql_by_id[] = "SELECT " FOUND_COLS " FROM" FOUND_FROM " WHERE p.id = ?1";
static const char sql_shared[] = "SELECT key, group_concat(person_id) FROM person_key"
				 " WHERE key >= ?1 AND key < ?2 GROUP BY key HAVING count(*) > 1";
static const char sql_distinct_add[] =
	"INSERT INTO person_distinct (person_a, person_b, reason, marked_at, marked_by, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_distinct_each[] = "SELECT person_a, person_b FROM person_distinct";

/* Bind key's range at 1 and 2: its prefix range, or its equality. */
static void bind_range(sqlite3_stmt *s, const char *key, bool prefix, char *hi, size_t len)
{
	snprintf(hi, len, "%s%s", key, prefix ? LAST_CODE_POINT : "\x01");
	cor_sqlite_bind_text(s, 1, key);
	cor_sqlite_bind_text(s, 2, hi);
}

static void read_found(sqlite3_stmt *s, struct cor_person_found *out)
{
	struct cor_case *c = &out->c;
	struct cor_person *p = &out->p;
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(s, 0);
	out->case_id = sqlite3_column_int64(s, 1);
	cor_sqlite_copy_col(c->ref, sizeof(c->ref), s, 2);
	cor_sqlite_copy_col(c->programme, sizeof(c->programme), s, 3);
	cor_sqlite_copy_col(c->office, sizeof(c->office), s, 4);
	cor_sqlite_copy_col(c->origin, sizeof(c->origin), s, 5);
	cor_sqlite_copy_col(c->destination, sizeof(c->destination), s, 6);
	cor_sqlite_copy_col(c->state, sizeof(c->state), s, 7);
	cor_priority_parse((const char *)sqlite3_column_text(s, 8), &c->priority);
	cor_date_parse((const char *)sqlite3_column_text(s, 9), &c->registered_on);
	p->seq = sqlite3_column_int(s, 10);
	p->relationship = COR_REL_UNRELATED;
	cor_relationship_parse((const char *)sqlite3_column_text(s, 11), &p->relationship);
	cor_sqlite_copy_col(p->family_name, sizeof(p->family_name), s, 12);
	cor_sqlite_copy_col(p->given_names, sizeof(p->given_names), s, 13);
	cor_sqlite_copy_col(p->family_name_latin, sizeof(p->family_name_latin), s, 14);
	cor_sqlite_copy_col(p->given_names_latin, sizeof(p->given_names_latin), s, 15);
	const char *sex = (const char *)sqlite3_column_text(s, 16);
	p->sex = sex ? sex[0] : 'X';
	cor_date_parse((const char *)sqlite3_column_text(s, 17), &p->birth_date);
	p->birth_date_approx = sqlite3_column_int(s, 18) != 0;
	cor_sqlite_copy_col(p->nationality, sizeof(p->nationality), s, 19);
	cor_sqlite_copy_col(p->languages, sizeof(p->languages), s, 20);
	cor_person_ref_format(out->ref, sizeof(out->ref), c->ref, p->seq);
}

static const char sql_stage_add[] =
	"INSERT INTO temp.person_key_load (key, person_id) VALUES (?, ?)";
static const char sql_stage_add_n[] =
	"INSERT INTO temp.person_key_load (key, person_id) VALUES " KEY_ROW ", " KEY_ROW
	", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW;

/* The staging table of a large write, in a temporary file: it holds every
 * key of the write until the commit. Made as the write begins, outside any
 * unit of work (an undone unit would take it away). */
int cor_sqlite_keys_stage(struct cor_store *st)
{
	if (st->keys_staged)
		return 0;
	int rc = sqlite3_exec(st->db,
			      "CREATE TEMP TABLE IF NOT EXISTS person_key_load ("
			      "  key TEXT NOT NULL, person_id INTEGER NOT NULL)",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "indexing names");
	st->keys_staged = true;
	return 0;
}

int cor_sqlite_keys_flush(struct cor_store *st)
{
	if (!st->keys_staged)
		return 0;
	st->keys_staged = false;
	int rc = sqlite3_exec(st->db,
			      "INSERT OR IGNORE INTO person_key (key, person_id)"
			      " SELECT key, person_id FROM temp.person_key_load"
			      " ORDER BY key, person_id;"
			      "DELETE FROM temp.person_key_load",
			      NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : cor_sqlite_fail(st, rc, "indexing names");
}

static int sq_keys_remove(struct cor_store *st, int64_t person_id, int n,
			  const char (*keys)[COR_KEY_MAX])
{
	int err = 0;
	for (int i = 0; (n < 0 ? i < 1 : i < n) && err == 0; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(
			st, n < 0 ? "DELETE FROM person_key WHERE person_id = ?1"
				  : "DELETE FROM person_key WHERE person_id = ?1 AND key = ?2");
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		sqlite3_bind_int64(s, 1, person_id);
		if (n >= 0)
			cor_sqlite_bind_text(s, 2, keys[i]);
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	return err;
}

static int sq_keys_add(struct cor_store *st, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX])
{
	int i = 0, err = 0;
	if (st->stage_keys && (err = cor_sqlite_keys_stage(st)) < 0)
		return err;
	const char *one = st->stage_keys ? sql_stage_add : sql_key_add;
	const char *many = st->stage_keys ? sql_stage_add_n : sql_key_add_n;
	for (; n - i >= KEY_ROWS && err == 0; i += KEY_ROWS) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, many);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		for (int k = 0; k < KEY_ROWS; k++) {
			cor_sqlite_bind_text(s, 2 * k + 1, keys[i + k]);
			sqlite3_bind_int64(s, 2 * k + 2, person_id);
		}
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	for (; i < n && err == 0; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, one);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		cor_sqlite_bind_text(s, 1, keys[i]);
		sqlite3_bind_int64(s, 2, person_id);
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	return err;
}

static int sq_keys_count(struct cor_store *st, const char *key, bool prefix, long max, long *n)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_count);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching names");
	bind_range(s, key, prefix, hi, sizeof(hi));
	sqlite3_bind_int64(s, 3, max);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	else
		err = cor_sqlite_fail(st, rc, "searching names");
	sqlite3_reset(s);
	return err;
}

/* Step s, each row to cb as a person found. */
static int each_found(struct cor_store *st, sqlite3_stmt *s,
		      int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx,
		      const char *what)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person_found f;
		read_found(s, &f);
		if ((ret = cb(&f, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, what);
	sqlite3_reset(s);
	return ret;
}

static int sq_keys_persons(struct cor_store *st, const char *key, bool prefix, const char *office,
			   long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			   void *ctx)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_persons);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching names");
	bind_range(s, key, prefix, hi, sizeof(hi));
	cor_sqlite_bind_opt(s, 3, office);
	sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
	return each_found(st, s, cb, ctx, "searching names");
}

static int sq_ref_persons(struct cor_store *st, const char *prefix, const char *office, long limit,
			  int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_ref_persons);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching case IDs");
	bind_range(s, prefix, true, hi, sizeof(hi));
	cor_sqlite_bind_opt(s, 3, office);
	sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
	return each_found(st, s, cb, ctx, "searching case IDs");
}

static int sq_keys_shared(struct cor_store *st, const char *prefix,
			  int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			  void *ctx)
{
	enum { MAX_IDS = 64 };
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_shared);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "finding shared keys");
	bind_range(s, prefix, true, hi, sizeof(hi));
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t ids[MAX_IDS];
		int n = 0;
		const char *list = (const char *)sqlite3_column_text(s, 1);
		for (char *e; list && *list && n < MAX_IDS; list = *e ? e + 1 : e)
			ids[n++] = strtoll(list, &e, 10);
		if ((ret = cb((const char *)sqlite3_column_text(s, 0), n, ids, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "finding shared keys");
	sqlite3_reset(s);
	return ret;
}

static int sq_person_by_id(struct cor_store *st, int64_t person_id, struct cor_person_found *out)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_by_id);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a person");
	sqlite3_bind_int64(s, 1, person_id);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW) {
		read_found(s, out);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no person %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading a person");
	}
	sqlite3_reset(s);
	return err;
}

static int sq_distinct_add(struct cor_store *st, int64_t a, int64_t b, const char *reason,
			   const char *actor)
{
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_distinct_add);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "marking persons distinct");
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	cor_sqlite_bind_text(s, 3, reason);
	cor_sqlite_bind_text(s, 4, cor_store_now(st, at));
	cor_sqlite_bind_text(s, 5, actor);
	int err = cor_sqlite_bind_uid(st, s, 6);
	if (err == 0)
		err = cor_sqlite_step_done(st, s, "marking persons distinct");
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "the pair is marked distinct already");
	return err;
}

static int sq_distinct_each(struct cor_store *st, int (*cb)(int64_t a, int64_t b, void *ctx),
			    void *ctx)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_distinct_each);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading distinct pairs");
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((ret = cb(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), ctx)) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading distinct pairs");
	sqlite3_reset(s);
	return ret;
}

/* The keys of the persons and documents already there, in the migration's
 * transaction. */
static int backfill(struct cor_store *st);

static int sq_backfill(struct cor_store *st)
{
	bool was = st->stage_keys;
	st->stage_keys = true;
	int err = backfill(st);
	st->stage_keys = was;
	if (err == 0)
		err = cor_sqlite_keys_flush(st);
	st->keys_staged = false;
	return err;
}

static int backfill(struct cor_store *st)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT id, family_name, given_names, family_name_latin,"
				    " given_names_latin, birth_date FROM person ORDER BY id",
				    -1, &s, NULL),
	    err = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "indexing the names there");
	while (err == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		cor_sqlite_copy_col(p.family_name, sizeof(p.family_name), s, 1);
		cor_sqlite_copy_col(p.given_names, sizeof(p.given_names), s, 2);
		cor_sqlite_copy_col(p.family_name_latin, sizeof(p.family_name_latin), s, 3);
		cor_sqlite_copy_col(p.given_names_latin, sizeof(p.given_names_latin), s, 4);
		cor_date_parse((const char *)sqlite3_column_text(s, 5), &p.birth_date);
		err = cor_store_person_keys_add(st, sqlite3_column_int64(s, 0), &p);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "indexing the names there");
	sqlite3_finalize(s);
	if (err < 0)
		return err;
	rc = sqlite3_prepare_v2(st->db, "SELECT person_id, kind, number FROM document ORDER BY id",
				-1, &s, NULL);
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "indexing the documents there");
	while (err == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_document d;
		int64_t pid = sqlite3_column_int64(s, 0);
		memset(&d, 0, sizeof(d));
		if (cor_doc_kind_parse((const char *)sqlite3_column_text(s, 1), &d.kind) < 0)
			continue;
		cor_sqlite_copy_col(d.number, sizeof(d.number), s, 2);
		err = cor_store_doc_keys_add(st, 1, &pid, &d);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "indexing the documents there");
	sqlite3_finalize(s);
	return err;
}

const struct cor_store_search_ops cor_sqlite_search_ops = {
	.keys_add = sq_keys_add,
	.keys_remove = sq_keys_remove,
	.keys_count = sq_keys_count,
	.keys_persons = sq_keys_persons,
	.ref_persons = sq_ref_persons,
	.keys_shared = sq_keys_shared,
	.person_by_id = sq_person_by_id,
	.distinct_add = sq_distinct_add,
	.distinct_each = sq_distinct_each,
	.backfill = sq_backfill,
};

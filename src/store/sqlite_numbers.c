// SPDX-License-Identifier: Apache-2.0
// SQLite side of case-number records (store/store_numbers.h), on the tables
// of migration 8 (migrations.c): records only.
#include <string.h>

#include "store/store_numbers_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

static const char sql_get[] = "SELECT role, device, since FROM db_identity WHERE one = 1";
static const char sql_enrol[] =
	"UPDATE db_identity SET role = 'device', device = ?1, since = ?2 WHERE one = 1";
static const char sql_block_add[] =
	"INSERT INTO number_block (office_id, year, first_no, last_no, next_no, device, leased_at,"
	" leased_by, uid) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cor_uuid7() FROM office"
	" WHERE code = ?1";
static const char sql_blocks[] =
	"SELECT o.code, b.year, b.first_no, b.last_no, b.next_no, b.device, b.leased_at,"
	" b.leased_by, b.uid FROM number_block b JOIN office o ON o.id = b.office_id"
	" ORDER BY o.code, b.year, b.first_no";
static const char sql_take[] =
	"UPDATE number_block SET next_no = next_no + 1 WHERE id = (SELECT b.id FROM number_block b"
	" JOIN office o ON o.id = b.office_id WHERE o.code = ?1 AND b.year = ?2"
	" AND b.next_no <= b.last_no ORDER BY b.first_no LIMIT 1) RETURNING next_no - 1";

static int sq_get(struct cor_store *st, struct cor_numbering *out)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_get);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading the numbering");
	memset(out, 0, sizeof(*out));
	int rc = sqlite3_step(q), err = 0;
	if (rc == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(q, 0);
		out->device = role && !strcmp(role, "device");
		cor_sqlite_copy_col(out->name, sizeof(out->name), q, 1);
		cor_sqlite_copy_col(out->since, sizeof(out->since), q, 2);
	} else if (rc != SQLITE_DONE) {
		err = cor_sqlite_fail(st, rc, "reading the numbering");
	}
	sqlite3_reset(q);
	return err;
}

static int sq_enrol(struct cor_store *st, const char *name, const char *at)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_enrol);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "enrolling the device");
	cor_sqlite_bind_text(q, 1, name);
	cor_sqlite_bind_text(q, 2, at);
	return cor_sqlite_step_done(st, q, "enrolling the device");
}

static int sq_block_add(struct cor_store *st, const struct cor_number_block *b)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_block_add);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a block of numbers");
	cor_sqlite_bind_text(q, 1, b->office);
	sqlite3_bind_int(q, 2, b->year);
	sqlite3_bind_int64(q, 3, b->first);
	sqlite3_bind_int64(q, 4, b->last);
	sqlite3_bind_int64(q, 5, b->next);
	cor_sqlite_bind_text(q, 6, b->device);
	cor_sqlite_bind_text(q, 7, b->at);
	cor_sqlite_bind_text(q, 8, b->by);
	int err = cor_sqlite_step_done(st, q, "recording a block of numbers");
	if (err == COR_EEXIST) {
		cor_sqlite_msg(st, "a block of %s's numbers for %d already starts at %ld",
			       b->office, b->year, b->first);
		return err;
	}
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no office '%s'", b->office);
		return COR_ENOTFOUND;
	}
	return err;
}

static int sq_blocks(struct cor_store *st, int (*cb)(const struct cor_number_block *b, void *ctx),
		     void *ctx)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_blocks);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading blocks of numbers");
	int rc, ret = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct cor_number_block b;
		memset(&b, 0, sizeof(b));
		cor_sqlite_copy_col(b.office, sizeof(b.office), q, 0);
		b.year = sqlite3_column_int(q, 1);
		b.first = (long)sqlite3_column_int64(q, 2);
		b.last = (long)sqlite3_column_int64(q, 3);
		b.next = (long)sqlite3_column_int64(q, 4);
		cor_sqlite_copy_col(b.device, sizeof(b.device), q, 5);
		cor_sqlite_copy_col(b.at, sizeof(b.at), q, 6);
		cor_sqlite_copy_col(b.by, sizeof(b.by), q, 7);
		cor_sqlite_copy_uid(b.uid, q, 8);
		if ((ret = cb(&b, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading blocks of numbers");
	sqlite3_reset(q);
	return ret;
}

static int sq_block_take(struct cor_store *st, const char *office, int year, long *seq)
{
	sqlite3_stmt *q = cor_sqlite_stmt(st, sql_take);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "numbering a case");
	cor_sqlite_bind_text(q, 1, office);
	sqlite3_bind_int(q, 2, year);
	int rc = sqlite3_step(q), err = 0;
	if (rc == SQLITE_ROW) {
		*seq = (long)sqlite3_column_int64(q, 0);
		while (sqlite3_step(q) == SQLITE_ROW)
			;
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no number of %s for %d is left in this device's blocks", office,
			       year);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "numbering a case");
	}
	sqlite3_reset(q);
	return err;
}

const struct cor_store_numbers_ops cor_sqlite_numbers_ops = {
	.get = sq_get,
	.enrol = sq_enrol,
	.block_add = sq_block_add,
	.blocks = sq_blocks,
	.block_take = sq_block_take,
};

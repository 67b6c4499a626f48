// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of case-number records (store/store_numbers.h), on the
// tables of migration 8 (pg_migrations.c): the same records and messages as
// SQLite's (sqlite_numbers.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_numbers_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

static int pg_get(struct cor_store *s, struct cor_numbering *out)
{
	int err;
	PGresult *r =
		cor_pg_query(PG(s), "SELECT role, device, since FROM db_identity WHERE one = 1", 0,
			     NULL, "reading the numbering", &err);
	if (!r)
		return err;
	memset(out, 0, sizeof(*out));
	if (PQntuples(r) > 0) {
		out->device = !strcmp(PQgetvalue(r, 0, 0), "device");
		cor_pg_text(out->name, sizeof(out->name), r, 0, 1);
		cor_pg_text(out->since, sizeof(out->since), r, 0, 2);
	}
	PQclear(r);
	return 0;
}

static int pg_enrol(struct cor_store *s, const char *name, const char *at)
{
	const char *v[] = {name, at};
	int err;
	PGresult *r = cor_pg_query(PG(s),
				   "UPDATE db_identity SET role = 'device', device = $1, since = $2"
				   " WHERE one = 1",
				   2, v, "enrolling the device", &err);
	PQclear(r);
	return err;
}

static int pg_block_add(struct cor_store *s, const struct cor_number_block *b)
{
	char year[16], first[24], last[24], next[24];
	snprintf(year, sizeof(year), "%d", b->year);
	snprintf(first, sizeof(first), "%ld", b->first);
	snprintf(last, sizeof(last), "%ld", b->last);
	snprintf(next, sizeof(next), "%ld", b->next);
	const char *v[] = {b->office, year, first, last, next, b->device, b->at, b->by};
	int err;
	PGresult *r = cor_pg_query(
		PG(s),
		"INSERT INTO number_block (office_id, year, first_no, last_no, next_no,"
		" device, leased_at, leased_by) SELECT id, $2, $3, $4, $5, $6, $7, $8"
		" FROM office WHERE code = $1 ON CONFLICT (office_id, year, first_no)"
		" DO NOTHING RETURNING id",
		8, v, "recording a block of numbers", &err);
	if (!r)
		return err;
	int n = PQntuples(r);
	PQclear(r);
	if (n == 1)
		return 0;
	/* Nothing written: an unknown office, or the same block again. */
	const char *o[] = {b->office};
	r = cor_pg_query(PG(s), "SELECT 1 FROM office WHERE code = $1", 1, o,
			 "recording a block of numbers", &err);
	if (!r)
		return err;
	bool office = PQntuples(r) > 0;
	PQclear(r);
	if (!office) {
		cor_pg_msg(PG(s), "no office '%s'", b->office);
		return COR_ENOTFOUND;
	}
	cor_pg_msg(PG(s), "a block of %s's numbers for %d already starts at %ld", b->office,
		   b->year, b->first);
	return COR_EEXIST;
}

static int pg_blocks(struct cor_store *s, int (*cb)(const struct cor_number_block *b, void *ctx),
		     void *ctx)
{
	int err, ret = 0;
	PGresult *r = cor_pg_query(
		PG(s),
		"SELECT o.code, b.year, b.first_no, b.last_no, b.next_no, b.device,"
		" b.leased_at, b.leased_by, b.uid FROM number_block b"
		" JOIN office o ON o.id = b.office_id ORDER BY o.code, b.year, b.first_no",
		0, NULL, "reading blocks of numbers", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_number_block b;
		memset(&b, 0, sizeof(b));
		cor_pg_text(b.office, sizeof(b.office), r, i, 0);
		b.year = atoi(PQgetvalue(r, i, 1));
		b.first = strtol(PQgetvalue(r, i, 2), NULL, 10);
		b.last = strtol(PQgetvalue(r, i, 3), NULL, 10);
		b.next = strtol(PQgetvalue(r, i, 4), NULL, 10);
		cor_pg_text(b.device, sizeof(b.device), r, i, 5);
		cor_pg_text(b.at, sizeof(b.at), r, i, 6);
		cor_pg_text(b.by, sizeof(b.by), r, i, 7);
		cor_pg_text(b.uid, sizeof(b.uid), r, i, 8);
		ret = cb(&b, ctx);
	}
	PQclear(r);
	return ret;
}

static int pg_block_take(struct cor_store *s, const char *office, int year, long *seq)
{
	char year_s[16];
	snprintf(year_s, sizeof(year_s), "%d", year);
	const char *v[] = {office, year_s};
	int err;
	PGresult *r =
		cor_pg_query(PG(s),
			     "UPDATE number_block SET next_no = next_no + 1 WHERE id = ("
			     "SELECT b.id FROM number_block b JOIN office o ON o.id = b.office_id"
			     " WHERE o.code = $1 AND b.year = $2 AND b.next_no <= b.last_no"
			     " ORDER BY b.first_no LIMIT 1 FOR UPDATE) RETURNING next_no - 1",
			     2, v, "numbering a case", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no number of %s for %d is left in this device's blocks", office,
			   year);
		return COR_ENOTFOUND;
	}
	*seq = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return 0;
}

const struct cor_store_numbers_ops cor_pg_numbers_ops = {
	.get = pg_get,
	.enrol = pg_enrol,
	.block_add = pg_block_add,
	.blocks = pg_blocks,
	.block_take = pg_block_take,
};

// SPDX-License-Identifier: Apache-2.0
// Where people are, on SQLite (store_plan.h; pg_location.c on PostgreSQL):
// assembly points, a case's location, and which locations reach each place.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_plan.h"
#include "store/store_plan_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

int cor_sqlite_location_add(struct cor_store *st, const struct cor_location *loc)
{
	static const char sql[] =
		"INSERT INTO location (code, kind, country, name) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		cor_sqlite_bind_text(s, 1, loc->code);
		cor_sqlite_bind_text(s, 2, cor_location_kind_name(loc->kind));
		cor_sqlite_bind_text(s, 3, loc->country);
		cor_sqlite_bind_text(s, 4, loc->name);
	}
	int err = cor_sqlite_step_done(st, s, "adding a location");
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "location '%s' already exists", loc->code);
	return err;
}

static void read_location(sqlite3_stmt *s, struct cor_location *loc)
{
	char kind[16];
	memset(loc, 0, sizeof(*loc));
	cor_sqlite_copy_col(loc->code, sizeof(loc->code), s, 0);
	cor_sqlite_copy_col(kind, sizeof(kind), s, 1);
	cor_location_kind_parse(kind, &loc->kind);
	cor_sqlite_copy_col(loc->country, sizeof(loc->country), s, 2);
	cor_sqlite_copy_col(loc->name, sizeof(loc->name), s, 3);
}

int cor_sqlite_location_get(struct cor_store *st, const char *code, struct cor_location *out)
{
	static const char sql[] = "SELECT code, kind, country, name FROM location WHERE code = ?1"
				  " UNION ALL SELECT code, 'office', country, name FROM office"
				  " WHERE code = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a location");
	cor_sqlite_bind_text(s, 1, code);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW) {
		read_location(s, out);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no location '%s'", code);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading a location");
	}
	sqlite3_reset(s);
	return err;
}

int cor_sqlite_location_each(struct cor_store *st,
			     int (*cb)(const struct cor_location *loc, void *ctx), void *ctx)
{
	static const char sql[] = "SELECT code, kind, country, name FROM location ORDER BY code";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading locations");
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_location loc;
		read_location(s, &loc);
		if ((err = cb(&loc, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading locations");
	sqlite3_reset(s);
	return err < 0 ? err : 0;
}

int cor_sqlite_case_location(struct cor_store *st, const char *ref, char *out)
{
	static const char sql[] = "SELECT location FROM cases WHERE ref = ?1";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	cor_sqlite_bind_text(s, 1, ref);
	int rc = sqlite3_step(s), err = 0;
	out[0] = '\0';
	if (rc == SQLITE_ROW) {
		cor_sqlite_copy_col(out, COR_LOCATION_CODE_MAX + 1, s, 0);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no case '%s'", ref);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading a case");
	}
	sqlite3_reset(s);
	return err;
}

int cor_sqlite_case_locate(struct cor_store *st, const char *ref, const char *location,
			   const char *detail, const char *actor, const char *reason)
{
	static const char sql[] = "UPDATE cases SET location = ?2 WHERE id = ?1";
	int64_t id;
	bool own;
	int err;
	if ((err = cor_sqlite_unit_begin(st, &own)) < 0)
		return err;
	if ((err = cor_sqlite_case_id(st, ref, &id)) < 0)
		goto out;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		sqlite3_bind_int64(s, 1, id);
		cor_sqlite_bind_opt(s, 2, location);
	}
	if ((err = cor_sqlite_step_done(st, s, "setting a location")) < 0)
		goto out;
	struct cor_event e = {.actor = actor,
			      .action = "located",
			      .detail = detail,
			      .reason = reason ? reason : ""};
	cor_store_now(st, e.at);
	err = cor_store_event_add(st, id, &e);
out:
	return cor_sqlite_unit_end(st, own, err);
}

int cor_sqlite_reach_put(struct cor_store *st, const struct cor_place_reach *r)
{
	static const char sql[] = "INSERT INTO place_reach (place, location, mode, hours)"
				  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (location, place)"
				  " DO UPDATE SET mode = excluded.mode, hours = excluded.hours";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		cor_sqlite_bind_text(s, 1, r->place);
		cor_sqlite_bind_text(s, 2, r->location);
		cor_sqlite_bind_text(s, 3, cor_reach_mode_name(r->mode));
		sqlite3_bind_int(s, 4, r->hours);
	}
	return cor_sqlite_step_done(st, s, "recording a reach");
}

int cor_sqlite_reach_remove(struct cor_store *st, const char *place, const char *location)
{
	static const char sql[] = "DELETE FROM place_reach WHERE place = ?1 AND location = ?2";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s) {
		cor_sqlite_bind_text(s, 1, place);
		cor_sqlite_bind_text(s, 2, location);
	}
	int err = cor_sqlite_step_done(st, s, "removing a reach");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no reach of %s from '%s' is recorded", place, location);
		err = COR_ENOTFOUND;
	}
	return err;
}

int cor_sqlite_reach_each(struct cor_store *st, const char *location,
			  int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx)
{
	static const char sql[] = "SELECT place, location, mode, hours FROM place_reach"
				  " WHERE ?1 IS NULL OR location = ?1 ORDER BY location, place";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading reach");
	cor_sqlite_bind_opt(s, 1, location);
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_place_reach r;
		char mode[8];
		memset(&r, 0, sizeof(r));
		cor_sqlite_copy_col(r.place, sizeof(r.place), s, 0);
		cor_sqlite_copy_col(r.location, sizeof(r.location), s, 1);
		cor_sqlite_copy_col(mode, sizeof(mode), s, 2);
		cor_reach_mode_parse(mode, &r.mode);
		r.hours = sqlite3_column_int(s, 3);
		if ((err = cb(&r, ctx)) != 0)
			break;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading reach");
	sqlite3_reset(s);
	return err < 0 ? err : 0;
}

int cor_sqlite_plan_located_all(struct cor_store *st, struct cor_plan_located **out, size_t *n)
{
	static const char sql[] =
		"SELECT id, location FROM cases WHERE location IS NOT NULL ORDER BY id";
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading cases");
	size_t cap = 0;
	int rc, err = 0;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t c = cap ? 2 * cap : 64;
			struct cor_plan_located *p = realloc(*out, c * sizeof(*p));
			if (!p) {
				err = COR_ENOMEM;
				break;
			}
			*out = p;
			cap = c;
		}
		struct cor_plan_located *p = &(*out)[(*n)++];
		p->case_id = sqlite3_column_int64(s, 0);
		cor_sqlite_copy_col(p->location, sizeof(p->location), s, 1);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "reading cases");
	sqlite3_reset(s);
	if (err < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

int cor_sqlite_cases_locate(struct cor_store *st, const struct cor_plan_located *rows, size_t n)
{
	static const char sql[] = "UPDATE cases SET location = ?2 WHERE id = ?1";
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
		if (s) {
			sqlite3_bind_int64(s, 1, rows[i].case_id);
			cor_sqlite_bind_opt(s, 2, rows[i].location);
		}
		int err = cor_sqlite_step_done(st, s, "setting locations");
		if (err < 0)
			return err;
	}
	return 0;
}

// SPDX-License-Identifier: Apache-2.0
// Where people are, on PostgreSQL (store_plan.h; sqlite_location.c on
// SQLite): assembly points, a case's location, and which locations reach
// each place.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_plan.h"
#include "store/store_plan_ops.h"
#include "util/error.h"

#define PG(s) ((struct cor_pg *)(void *)(s))

static PGresult *q(struct cor_store *s, const char *sql, int n, const char *const *v,
		   const char *what, int *err)
{
	struct cor_pg *st = PG(s);
	if ((*err = cor_pg_copy_ready(st)) < 0 || (st->large && (*err = cor_pg_copy_flush(st)) < 0))
		return NULL;
	PGresult *r = PQexecParams(st->conn, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		*err = cor_pg_fail(st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

static int qdo(struct cor_store *s, const char *sql, int n, const char *const *v, const char *what,
	       long *changed)
{
	int err;
	PGresult *r = q(s, sql, n, v, what, &err);
	if (!r)
		return err;
	if (changed)
		*changed = strtol(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return 0;
}

int cor_pg_location_add(struct cor_store *s, const struct cor_location *loc)
{
	static const char sql[] =
		"INSERT INTO location (code, kind, country, name) VALUES ($1, $2, $3, $4)";
	const char *v[] = {loc->code, cor_location_kind_name(loc->kind), loc->country, loc->name};
	int err = qdo(s, sql, 4, v, "adding a location", NULL);
	if (err == COR_EEXIST)
		cor_pg_msg(PG(s), "location '%s' already exists", loc->code);
	return err;
}

static void read_location(PGresult *r, int i, struct cor_location *loc)
{
	memset(loc, 0, sizeof(*loc));
	cor_pg_text(loc->code, sizeof(loc->code), r, i, 0);
	cor_location_kind_parse(PQgetvalue(r, i, 1), &loc->kind);
	cor_pg_text(loc->country, sizeof(loc->country), r, i, 2);
	cor_pg_text(loc->name, sizeof(loc->name), r, i, 3);
}

int cor_pg_location_get(struct cor_store *s, const char *code, struct cor_location *out)
{
	int err;
	const char *v[] = {code};
	PGresult *r = q(s,
			"SELECT code, kind, country, name FROM location WHERE code = $1"
			" UNION ALL SELECT code, 'office', country, name FROM office"
			" WHERE code = $1",
			1, v, "reading a location", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no location '%s'", code);
		return COR_ENOTFOUND;
	}
	read_location(r, 0, out);
	PQclear(r);
	return 0;
}

int cor_pg_location_each(struct cor_store *s, int (*cb)(const struct cor_location *loc, void *ctx),
			 void *ctx)
{
	int err;
	PGresult *r =
		q(s, "SELECT code, kind, country, name FROM location ORDER BY code COLLATE \"C\"",
		  0, NULL, "reading locations", &err);
	if (!r)
		return err;
	for (int i = 0; err == 0 && i < PQntuples(r); i++) {
		struct cor_location loc;
		read_location(r, i, &loc);
		err = cb(&loc, ctx);
	}
	PQclear(r);
	return err < 0 ? err : 0;
}

int cor_pg_case_location(struct cor_store *s, const char *ref, char *out)
{
	int err;
	const char *v[] = {ref};
	PGresult *r =
		q(s, "SELECT location FROM cases WHERE ref = $1", 1, v, "reading a case", &err);
	out[0] = '\0';
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no case '%s'", ref);
		return COR_ENOTFOUND;
	}
	cor_pg_text(out, COR_LOCATION_CODE_MAX + 1, r, 0, 0);
	PQclear(r);
	return 0;
}

int cor_pg_case_locate(struct cor_store *s, const char *ref, const char *location,
		       const char *detail, const char *actor, const char *reason)
{
	bool own;
	int err;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {ref, location};
	PGresult *r = q(s, "UPDATE cases SET location = $2 WHERE ref = $1 RETURNING id", 2, v,
			"setting a location", &err);
	if (!r)
		goto out;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no case '%s'", ref);
		err = COR_ENOTFOUND;
		goto out;
	}
	int64_t id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	struct cor_event e = {.actor = actor,
			      .action = "located",
			      .detail = detail,
			      .reason = reason ? reason : ""};
	cor_store_now(s, e.at);
	err = cor_store_event_add(s, id, &e);
out:
	return cor_pg_unit_end(s, own, err);
}

int cor_pg_reach_put(struct cor_store *s, const struct cor_place_reach *r)
{
	char hours[12];
	snprintf(hours, sizeof(hours), "%d", r->hours);
	const char *v[] = {r->place, r->location, cor_reach_mode_name(r->mode), hours};
	return qdo(s,
		   "INSERT INTO place_reach (place, location, mode, hours) VALUES ($1, $2, $3, $4)"
		   " ON CONFLICT (location, place) DO UPDATE SET mode = excluded.mode,"
		   " hours = excluded.hours",
		   4, v, "recording a reach", NULL);
}

int cor_pg_reach_remove(struct cor_store *s, const char *place, const char *location)
{
	long changed = 0;
	const char *v[] = {place, location};
	int err = qdo(s, "DELETE FROM place_reach WHERE place = $1 AND location = $2", 2, v,
		      "removing a reach", &changed);
	if (err == 0 && changed == 0) {
		cor_pg_msg(PG(s), "no reach of %s from '%s' is recorded", place, location);
		err = COR_ENOTFOUND;
	}
	return err;
}

int cor_pg_reach_each(struct cor_store *s, const char *location,
		      int (*cb)(const struct cor_place_reach *r, void *ctx), void *ctx)
{
	int err;
	const char *v[] = {location};
	PGresult *r = q(s,
			"SELECT place, location, mode, hours FROM place_reach"
			" WHERE $1::text IS NULL OR location = $1 ORDER BY location COLLATE \"C\", "
			"place COLLATE \"C\"",
			1, v, "reading reach", &err);
	if (!r)
		return err;
	for (int i = 0; err == 0 && i < PQntuples(r); i++) {
		struct cor_place_reach pr;
		memset(&pr, 0, sizeof(pr));
		cor_pg_text(pr.place, sizeof(pr.place), r, i, 0);
		cor_pg_text(pr.location, sizeof(pr.location), r, i, 1);
		cor_reach_mode_parse(PQgetvalue(r, i, 2), &pr.mode);
		pr.hours = (int)strtol(PQgetvalue(r, i, 3), NULL, 10);
		err = cb(&pr, ctx);
	}
	PQclear(r);
	return err < 0 ? err : 0;
}

int cor_pg_plan_located_all(struct cor_store *s, struct cor_plan_located **out, size_t *n)
{
	int err;
	*out = NULL;
	*n = 0;
	PGresult *r = q(s, "SELECT id, location FROM cases WHERE location IS NOT NULL ORDER BY id",
			0, NULL, "reading cases", &err);
	if (!r)
		return err;
	int rows = PQntuples(r);
	if (rows && !(*out = malloc((size_t)rows * sizeof(**out)))) {
		PQclear(r);
		return COR_ENOMEM;
	}
	for (int i = 0; i < rows; i++) {
		(*out)[i].case_id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		cor_pg_text((*out)[i].location, sizeof((*out)[i].location), r, i, 1);
	}
	*n = (size_t)rows;
	PQclear(r);
	return 0;
}

/* One statement for them all: the ids and locations as two arrays. */
int cor_pg_cases_locate(struct cor_store *s, const struct cor_plan_located *rows, size_t n)
{
	if (n == 0)
		return 0;
	size_t cap = n * (21 + COR_LOCATION_CODE_MAX + 4) + 8, a = 0, b = 0;
	char *ids = malloc(cap), *locs = malloc(cap);
	int err = COR_ENOMEM;
	if (!ids || !locs)
		goto out;
	ids[a++] = '{';
	locs[b++] = '{';
	for (size_t i = 0; i < n; i++) {
		a += (size_t)snprintf(ids + a, cap - a, "%s%lld", i ? "," : "",
				      (long long)rows[i].case_id);
		/* Codes are capitals, digits and '-': nothing to quote. */
		b += (size_t)snprintf(locs + b, cap - b, "%s%s", i ? "," : "",
				      rows[i].location[0] ? rows[i].location : "NULL");
	}
	snprintf(ids + a, cap - a, "}");
	snprintf(locs + b, cap - b, "}");
	const char *v[] = {ids, locs};
	err = qdo(s,
		  "UPDATE cases c SET location = u.location FROM unnest($1::bigint[], $2::text[])"
		  " AS u(id, location) WHERE c.id = u.id",
		  2, v, "setting locations", NULL);
out:
	free(ids);
	free(locs);
	return err;
}

// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of corrections (store/store_correct.h), on the tables of
// migration 11 (pg_migrations.c): records only, the same records and
// messages as SQLite's (sqlite_correct.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_correct_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

/* Run sql with n parameters; *changed (may be NULL) gets whether a row changed. */
static int exec(struct cor_store *s, const char *sql, int n, const char *const *v, const char *what,
		bool *changed)
{
	int err;
	PGresult *r = cor_pg_query(PG(s), sql, n, v, what, &err);
	if (!r)
		return err;
	if (changed)
		*changed = strcmp(PQcmdTuples(r), "0") != 0;
	PQclear(r);
	return 0;
}

static int pg_correction_add(struct cor_store *s, int64_t case_id, const struct cor_correction *c)
{
	char cid[24], at[COR_TIME_LEN];
	const char *v[] = {num(cid, case_id),
			   cor_store_now(s, at),
			   c->actor,
			   c->subject,
			   c->reason ? c->reason : "",
			   c->field,
			   c->before ? c->before : "",
			   c->after ? c->after : ""};
	return exec(s,
		    "INSERT INTO event (case_id, at, actor, action, detail, reason, field,"
		    " old_value, new_value) VALUES ($1, $2, $3, 'corrected', $4, $5, $6, $7, $8)",
		    8, v, "recording a correction", NULL);
}

static int pg_person_update(struct cor_store *s, int64_t person_id, const struct cor_person *p)
{
	char pid[24], date[COR_DATE_LEN], sex[2] = {p->sex, '\0'};
	bool changed = false;
	const char *v[] = {num(pid, person_id),
			   cor_relationship_name(p->relationship),
			   p->family_name,
			   p->given_names,
			   p->family_name_latin,
			   p->given_names_latin,
			   sex,
			   cor_date_format(p->birth_date, date),
			   p->birth_date_approx ? "1" : "0",
			   p->nationality};
	int err = exec(s,
		       "UPDATE person SET relationship = $2, family_name = $3, given_names = $4,"
		       " family_name_latin = $5, given_names_latin = $6, sex = $7, birth_date = $8,"
		       " birth_date_approx = $9, nationality = $10 WHERE id = $1",
		       10, v, "correcting a person", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "no person with id %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_person_holds(struct cor_store *s, int64_t person_id, struct cor_person_holds *out)
{
	char pid[24];
	const char *v[] = {num(pid, person_id)};
	int err;
	PGresult *r =
		cor_pg_query(PG(s),
			     "SELECT (SELECT count(*) FROM document WHERE person_id = $1),"
			     " (SELECT count(*) FROM health_check WHERE person_id = $1),"
			     " (SELECT count(*) FROM protection_assessment WHERE person_id = $1)",
			     1, v, "reading a person's records", &err);
	if (!r)
		return err;
	out->documents = atoi(PQgetvalue(r, 0, 0));
	out->health_checks = atoi(PQgetvalue(r, 0, 1));
	out->assessments = atoi(PQgetvalue(r, 0, 2));
	PQclear(r);
	return 0;
}

static int pg_person_delete(struct cor_store *s, int64_t person_id)
{
	char pid[24];
	const char *v[] = {num(pid, person_id)};
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	if ((err = exec(s, "DELETE FROM person_need WHERE person_id = $1", 1, v,
			"removing a person's needs", NULL)) == 0 &&
	    (err = exec(s, "DELETE FROM document_void WHERE person_id = $1", 1, v,
			"removing a person's voided documents", NULL)) == 0)
		err = exec(s, "DELETE FROM person WHERE id = $1", 1, v, "removing a person", NULL);
	return cor_pg_unit_end(s, own, err);
}

static int pg_person_move(struct cor_store *s, int64_t person_id, int64_t to_case_id, int seq)
{
	char pid[24], cid[24], sq[24];
	bool changed = false;
	const char *v[] = {num(pid, person_id), num(cid, to_case_id), num(sq, seq)};
	int err = exec(s, "UPDATE person SET case_id = $2, seq = $3 WHERE id = $1", 3, v,
		       "moving a person", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "no person with id %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_merge_record(struct cor_store *s, int64_t case_id, int64_t into_id, const char *actor)
{
	char cid[24], iid[24], at[COR_TIME_LEN];
	const char *v[] = {num(cid, case_id), num(iid, into_id), cor_store_now(s, at), actor};
	return exec(s, "INSERT INTO case_merge (case_id, into_id, at, by) VALUES ($1, $2, $3, $4)",
		    4, v, "recording a merge", NULL);
}

static int pg_escort_update(struct cor_store *s, const char *movement, const struct cor_escort *e)
{
	char no[24], birth[COR_DATE_LEN], exp[COR_DATE_LEN], sex[2] = {e->sex, '\0'};
	bool changed = false;
	const char *v[] = {movement,
			   num(no, e->no),
			   e->family_name,
			   e->given_names,
			   sex,
			   cor_date_format(e->birth_date, birth),
			   e->nationality,
			   e->passport,
			   e->passport[0] ? e->issuer : "",
			   e->passport[0] && e->has_expiry ? cor_date_format(e->expires_on, exp)
							   : NULL,
			   e->medical ? "1" : "0"};
	int err = exec(s,
		       "UPDATE movement_escort SET family_name = $3, given_names = $4, sex = $5,"
		       " birth_date = $6, nationality = $7, passport = $8, issuer = $9,"
		       " expires_on = $10, medical = $11"
		       " WHERE movement_id = (SELECT id FROM movement WHERE ref = $1) AND no = $2",
		       11, v, "correcting an escort", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "movement '%s' has no escort %d", movement, e->no);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_escort_delete(struct cor_store *s, const char *movement, int no)
{
	char n[24];
	bool changed = false;
	const char *v[] = {movement, num(n, no)};
	int err = exec(s,
		       "DELETE FROM movement_escort WHERE movement_id ="
		       " (SELECT id FROM movement WHERE ref = $1) AND no = $2",
		       2, v, "removing an escort", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "movement '%s' has no escort %d", movement, no);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_movement_correction_add(struct cor_store *s, const char *movement,
				      const struct cor_correction *c)
{
	char at[COR_TIME_LEN];
	bool changed = false;
	const char *v[] = {movement,
			   cor_store_now(s, at),
			   c->actor,
			   c->subject,
			   c->reason ? c->reason : "",
			   c->field,
			   c->before ? c->before : "",
			   c->after ? c->after : ""};
	int err = exec(s,
		       "INSERT INTO event (case_id, movement_id, at, actor, action, detail, reason,"
		       " field, old_value, new_value) SELECT NULL, id, $2, $3, 'corrected', $4, $5,"
		       " $6, $7, $8 FROM movement WHERE ref = $1",
		       8, v, "recording a correction", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "no movement '%s'", movement);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_priority_set(struct cor_store *s, int64_t case_id, enum cor_priority p)
{
	char cid[24];
	const char *v[] = {num(cid, case_id), cor_priority_name(p)};
	return exec(s, "UPDATE cases SET priority = $2 WHERE id = $1", 2, v,
		    "setting a case's priority", NULL);
}

static int pg_office_set(struct cor_store *s, int64_t case_id, const char *office)
{
	char cid[24];
	bool changed = false;
	const char *v[] = {num(cid, case_id), office};
	int err = exec(s,
		       "UPDATE cases SET office_id = o.id FROM office o"
		       " WHERE cases.id = $1 AND o.code = $2",
		       2, v, "transferring a case", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "no office '%s'", office);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int pg_state_put(struct cor_store *s, int64_t case_id, const char *from, const char *to)
{
	char cid[24];
	bool changed = false;
	const char *v[] = {num(cid, case_id), from, to};
	int err = exec(s, "UPDATE cases SET state = $3 WHERE id = $1 AND state = $2", 3, v,
		       "correcting a case's state", &changed);
	if (err == 0 && !changed) {
		cor_pg_msg(PG(s), "the case is no longer '%s'", from);
		err = COR_EBUSY;
	}
	return err;
}

static int pg_document_void(struct cor_store *s, int64_t person_id, const struct cor_document *d,
			    const char *actor, const char *reason)
{
	char pid[24], at[COR_TIME_LEN], did[24];
	const char *v[] = {num(pid, person_id), cor_doc_kind_name(d->kind), d->number, d->issuer};
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT id FROM document WHERE person_id = $1 AND kind = $2"
				   " AND number = $3 AND issuer = $4 ORDER BY id LIMIT 1",
				   4, v, "finding a document", &err);
	if (!r)
		return cor_pg_unit_end(s, own, err);
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "no %s %s issued by %s", cor_doc_kind_name(d->kind), d->number,
			   d->issuer);
		return cor_pg_unit_end(s, own, COR_ENOTFOUND);
	}
	snprintf(did, sizeof(did), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	const char *k[] = {did, cor_store_now(s, at), actor, reason};
	if ((err = exec(s,
			"INSERT INTO document_void (person_id, kind, number, issuer, expires_on,"
			" source, uid, voided_at, voided_by, reason) SELECT person_id, kind,"
			" number, issuer, expires_on, source, uid, $2, $3, $4 FROM document"
			" WHERE id = $1",
			4, k, "keeping a voided document", NULL)) == 0)
		err = exec(s, "DELETE FROM document WHERE id = $1", 1, k, "voiding a document",
			   NULL);
	return cor_pg_unit_end(s, own, err);
}

const struct cor_store_correct_ops cor_pg_correct_ops = {
	.correction_add = pg_correction_add,
	.person_update = pg_person_update,
	.person_holds = pg_person_holds,
	.person_delete = pg_person_delete,
	.person_move = pg_person_move,
	.merge_record = pg_merge_record,
	.escort_update = pg_escort_update,
	.escort_delete = pg_escort_delete,
	.movement_correction_add = pg_movement_correction_add,
	.priority_set = pg_priority_set,
	.office_set = pg_office_set,
	.state_put = pg_state_put,
	.document_void = pg_document_void,
};

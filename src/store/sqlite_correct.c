// SPDX-License-Identifier: Apache-2.0
// SQLite side of corrections (store/store_correct.h): records only. What a
// correction may change is the operations' (service/correct.h).
#include <stdio.h>
#include <string.h>

#include "store/migrations.h"
#include "store/store_correct_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

/* Migration 11. An event keeps the field a correction changed and the
 * values before and after ("" for every other event); a voided document is
 * kept apart from the documents every read sees, with who voided it, when
 * and why; a case merged into another is recorded. */
const char cor_sqlite_migration_correct[] =
	"ALTER TABLE event ADD COLUMN field TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE event ADD COLUMN old_value TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE event ADD COLUMN new_value TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE document_void ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  kind TEXT NOT NULL,"
	"  number TEXT NOT NULL,"
	"  issuer TEXT NOT NULL CHECK (length(issuer) = 3),"
	"  expires_on TEXT,"
	"  source TEXT NOT NULL,"
	"  uid BLOB NOT NULL,"
	"  voided_at TEXT NOT NULL,"
	"  voided_by TEXT NOT NULL,"
	"  reason TEXT NOT NULL CHECK (length(reason) >= 1)"
	") STRICT;"
	"CREATE INDEX document_void_person ON document_void(person_id);"
	/* A case merged into another: its persons went there, it is closed. */
	"CREATE TABLE case_merge ("
	"  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  into_id INTEGER NOT NULL REFERENCES cases(id) CHECK (into_id <> case_id),"
	"  at TEXT NOT NULL,"
	"  by TEXT NOT NULL"
	") STRICT;";

static const char sql_correction_add[] =
	"INSERT INTO event (case_id, at, actor, action, detail, reason, field, old_value, "
	"new_value, uid) VALUES (?1, ?2, ?3, 'corrected', ?4, ?5, ?6, ?7, ?8, cor_uuid7())";
static const char sql_person_update[] =
	"UPDATE person SET relationship = ?2, family_name = ?3, given_names = ?4,"
	" family_name_latin = ?5, given_names_latin = ?6, sex = ?7, birth_date = ?8,"
	" birth_date_approx = ?9, nationality = ?10 WHERE id = ?1";
static const char sql_person_holds[] =
	"SELECT (SELECT count(*) FROM document WHERE person_id = ?1),"
	" (SELECT count(*) FROM health_check WHERE person_id = ?1),"
	" (SELECT count(*) FROM protection_assessment WHERE person_id = ?1)";
static const char sql_need_delete[] = "DELETE FROM person_need WHERE person_id = ?1";
static const char sql_void_delete[] = "DELETE FROM document_void WHERE person_id = ?1";
static const char sql_person_delete[] = "DELETE FROM person WHERE id = ?1";
static const char sql_person_move[] = "UPDATE person SET case_id = ?2, seq = ?3 WHERE id = ?1";
static const char sql_merge_record[] =
	"INSERT INTO case_merge (case_id, into_id, at, by) VALUES (?1, ?2, ?3, ?4)";
static const char sql_escort_update[] =
	"UPDATE movement_escort SET family_name = ?3, given_names = ?4, sex = ?5, birth_date = ?6,"
	" nationality = ?7, passport = ?8, issuer = ?9, expires_on = ?10, medical = ?11"
	" WHERE movement_id = (SELECT id FROM movement WHERE ref = ?1) AND no = ?2";
static const char sql_escort_delete[] =
	"DELETE FROM movement_escort WHERE movement_id = (SELECT id FROM movement WHERE ref = ?1)"
	" AND no = ?2";
static const char sql_movement_correction_add[] =
	"INSERT INTO event (case_id, movement_id, at, actor, action, detail, reason, field,"
	" old_value, new_value, uid) SELECT NULL, id, ?2, ?3, 'corrected', ?4, ?5, ?6, ?7, ?8,"
	" cor_uuid7() FROM movement WHERE ref = ?1";
static const char sql_priority_set[] = "UPDATE cases SET priority = ?2 WHERE id = ?1";
static const char sql_office_set[] =
	"UPDATE cases SET office_id = (SELECT id FROM office WHERE code = ?2)"
	" WHERE id = ?1 AND EXISTS (SELECT 1 FROM office WHERE code = ?2)";
static const char sql_state_put[] = "UPDATE cases SET state = ?3 WHERE id = ?1 AND state = ?2";
static const char sql_doc_find[] =
	"SELECT id FROM document WHERE person_id = ?1 AND kind = ?2 AND number = ?3"
	" AND issuer = ?4 ORDER BY id LIMIT 1";
static const char sql_doc_keep[] =
	"INSERT INTO document_void (person_id, kind, number, issuer, expires_on, source, uid,"
	" voided_at, voided_by, reason) SELECT person_id, kind, number, issuer, expires_on,"
	" source, uid, ?2, ?3, ?4 FROM document WHERE id = ?1";
static const char sql_doc_delete[] = "DELETE FROM document WHERE id = ?1";

/* Run sql with one id parameter to completion. */
static int by_id(struct cor_store *st, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, id);
	return cor_sqlite_step_done(st, s, what);
}

static int sq_correction_add(struct cor_store *st, int64_t case_id, const struct cor_correction *c)
{
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_correction_add);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 3, c->actor);
		cor_sqlite_bind_text(s, 4, c->subject);
		cor_sqlite_bind_text(s, 5, c->reason ? c->reason : "");
		cor_sqlite_bind_text(s, 6, c->field);
		cor_sqlite_bind_text(s, 7, c->before ? c->before : "");
		cor_sqlite_bind_text(s, 8, c->after ? c->after : "");
	}
	return cor_sqlite_step_done(st, s, "recording a correction");
}

static int sq_person_update(struct cor_store *st, int64_t person_id, const struct cor_person *p)
{
	char date[COR_DATE_LEN], sex[2] = {p->sex, '\0'};
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_person_update);
	if (s) {
		sqlite3_bind_int64(s, 1, person_id);
		cor_sqlite_bind_text(s, 2, cor_relationship_name(p->relationship));
		cor_sqlite_bind_text(s, 3, p->family_name);
		cor_sqlite_bind_text(s, 4, p->given_names);
		cor_sqlite_bind_text(s, 5, p->family_name_latin);
		cor_sqlite_bind_text(s, 6, p->given_names_latin);
		cor_sqlite_bind_text(s, 7, sex);
		cor_sqlite_bind_text(s, 8, cor_date_format(p->birth_date, date));
		sqlite3_bind_int(s, 9, p->birth_date_approx);
		cor_sqlite_bind_text(s, 10, p->nationality);
	}
	int err = cor_sqlite_step_done(st, s, "correcting a person");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no person with id %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int sq_person_holds(struct cor_store *st, int64_t person_id, struct cor_person_holds *out)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_person_holds);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a person's records");
	sqlite3_bind_int64(s, 1, person_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->documents = sqlite3_column_int(s, 0);
		out->health_checks = sqlite3_column_int(s, 1);
		out->assessments = sqlite3_column_int(s, 2);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : cor_sqlite_fail(st, rc, "reading a person's records");
}

static int sq_person_delete(struct cor_store *st, int64_t person_id)
{
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	if ((err = by_id(st, sql_need_delete, person_id, "removing a person's needs")) == 0 &&
	    (err = by_id(st, sql_void_delete, person_id, "removing a person's voided documents")) ==
		    0)
		err = by_id(st, sql_person_delete, person_id, "removing a person");
	return cor_sqlite_unit_end(st, own, err);
}

static int sq_person_move(struct cor_store *st, int64_t person_id, int64_t to_case_id, int seq)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_person_move);
	if (s) {
		sqlite3_bind_int64(s, 1, person_id);
		sqlite3_bind_int64(s, 2, to_case_id);
		sqlite3_bind_int(s, 3, seq);
	}
	int err = cor_sqlite_step_done(st, s, "moving a person");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no person with id %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int sq_merge_record(struct cor_store *st, int64_t case_id, int64_t into_id,
			   const char *actor)
{
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_merge_record);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		sqlite3_bind_int64(s, 2, into_id);
		cor_sqlite_bind_text(s, 3, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 4, actor);
	}
	return cor_sqlite_step_done(st, s, "recording a merge");
}

/* COR_ENOTFOUND, with a message, when the last statement changed no row. */
static int changed(struct cor_store *st, int err, const char *movement, int no)
{
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "movement '%s' has no escort %d", movement, no);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int sq_escort_update(struct cor_store *st, const char *movement, const struct cor_escort *e)
{
	char birth[COR_DATE_LEN], exp[COR_DATE_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_escort_update);
	if (s) {
		cor_sqlite_bind_text(s, 1, movement);
		sqlite3_bind_int(s, 2, e->no);
		cor_sqlite_bind_text(s, 3, e->family_name);
		cor_sqlite_bind_text(s, 4, e->given_names);
		sqlite3_bind_text(s, 5, &e->sex, 1, SQLITE_STATIC);
		cor_sqlite_bind_text(s, 6, cor_date_format(e->birth_date, birth));
		cor_sqlite_bind_text(s, 7, e->nationality);
		cor_sqlite_bind_text(s, 8, e->passport);
		cor_sqlite_bind_text(s, 9, e->passport[0] ? e->issuer : "");
		if (e->passport[0] && e->has_expiry)
			cor_sqlite_bind_text(s, 10, cor_date_format(e->expires_on, exp));
		sqlite3_bind_int(s, 11, e->medical);
	}
	return changed(st, cor_sqlite_step_done(st, s, "correcting an escort"), movement, e->no);
}

static int sq_escort_delete(struct cor_store *st, const char *movement, int no)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_escort_delete);
	if (s) {
		cor_sqlite_bind_text(s, 1, movement);
		sqlite3_bind_int(s, 2, no);
	}
	return changed(st, cor_sqlite_step_done(st, s, "removing an escort"), movement, no);
}

static int sq_movement_correction_add(struct cor_store *st, const char *movement,
				      const struct cor_correction *c)
{
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_movement_correction_add);
	if (s) {
		cor_sqlite_bind_text(s, 1, movement);
		cor_sqlite_bind_text(s, 2, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 3, c->actor);
		cor_sqlite_bind_text(s, 4, c->subject);
		cor_sqlite_bind_text(s, 5, c->reason ? c->reason : "");
		cor_sqlite_bind_text(s, 6, c->field);
		cor_sqlite_bind_text(s, 7, c->before ? c->before : "");
		cor_sqlite_bind_text(s, 8, c->after ? c->after : "");
	}
	int err = cor_sqlite_step_done(st, s, "recording a correction");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no movement '%s'", movement);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int sq_priority_set(struct cor_store *st, int64_t case_id, enum cor_priority p)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_priority_set);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, cor_priority_name(p));
	}
	return cor_sqlite_step_done(st, s, "setting a case's priority");
}

static int sq_office_set(struct cor_store *st, int64_t case_id, const char *office)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_office_set);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, office);
	}
	int err = cor_sqlite_step_done(st, s, "transferring a case");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "no office '%s'", office);
		err = COR_ENOTFOUND;
	}
	return err;
}

static int sq_state_put(struct cor_store *st, int64_t case_id, const char *from, const char *to)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_state_put);
	if (s) {
		sqlite3_bind_int64(s, 1, case_id);
		cor_sqlite_bind_text(s, 2, from);
		cor_sqlite_bind_text(s, 3, to);
	}
	int err = cor_sqlite_step_done(st, s, "correcting a case's state");
	if (err == 0 && sqlite3_changes(st->db) == 0) {
		cor_sqlite_msg(st, "the case is no longer '%s'", from);
		err = COR_EBUSY;
	}
	return err;
}

static int sq_document_void(struct cor_store *st, int64_t person_id, const struct cor_document *d,
			    const char *actor, const char *reason)
{
	char at[COR_TIME_LEN];
	int64_t doc_id = 0;
	bool own;
	int err = cor_sqlite_unit_begin(st, &own);
	if (err < 0)
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_doc_find);
	if (!s) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "finding a document");
		goto out;
	}
	sqlite3_bind_int64(s, 1, person_id);
	cor_sqlite_bind_text(s, 2, cor_doc_kind_name(d->kind));
	cor_sqlite_bind_text(s, 3, d->number);
	cor_sqlite_bind_text(s, 4, d->issuer);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		doc_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err = cor_sqlite_fail(st, rc, "finding a document");
		goto out;
	}
	if (!doc_id) {
		cor_sqlite_msg(st, "no %s %s issued by %s", cor_doc_kind_name(d->kind), d->number,
			       d->issuer);
		err = COR_ENOTFOUND;
		goto out;
	}
	if ((s = cor_sqlite_stmt(st, sql_doc_keep))) {
		sqlite3_bind_int64(s, 1, doc_id);
		cor_sqlite_bind_text(s, 2, cor_store_now(st, at));
		cor_sqlite_bind_text(s, 3, actor);
		cor_sqlite_bind_text(s, 4, reason);
	}
	if ((err = cor_sqlite_step_done(st, s, "keeping a voided document")) == 0)
		err = by_id(st, sql_doc_delete, doc_id, "voiding a document");
out:
	return cor_sqlite_unit_end(st, own, err);
}

const struct cor_store_correct_ops cor_sqlite_correct_ops = {
	.correction_add = sq_correction_add,
	.person_update = sq_person_update,
	.person_holds = sq_person_holds,
	.person_delete = sq_person_delete,
	.person_move = sq_person_move,
	.merge_record = sq_merge_record,
	.escort_update = sq_escort_update,
	.escort_delete = sq_escort_delete,
	.movement_correction_add = sq_movement_correction_add,
	.priority_set = sq_priority_set,
	.office_set = sq_office_set,
	.state_put = sq_state_put,
	.document_void = sq_document_void,
};

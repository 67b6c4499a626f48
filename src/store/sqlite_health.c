// SPDX-License-Identifier: Apache-2.0
// SQLite side of health and documents (store/store_health.h). Health checks
// and their conditions are one table each; clinical notes are a third table
// that only the notes calls touch. Every write is a unit of work (savepoint)
// holding its event, so a failure leaves nothing behind.
#include <stdio.h>
#include <string.h>

#include "store/migrations.h"
#include "store/store_health_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

const char cor_sqlite_migration_health[] =
	/* Where each document came from: rows before this migration were
	 * imported or generated. */
	"ALTER TABLE document ADD COLUMN source TEXT NOT NULL DEFAULT 'import'"
	"  CHECK (source = 'import' OR source = 'manual' OR source = 'mrz');"

	/* Health checks: only what travel planning may read. */
	"CREATE TABLE health_check ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  kind TEXT NOT NULL CHECK (kind = 'fitness_to_travel' OR kind = 'pre_migration'),"
	"  at TEXT NOT NULL CHECK (length(at) = 17),"
	"  outcome TEXT NOT NULL CHECK (outcome = 'fit' OR outcome = 'fit_with_conditions'"
	"    OR outcome = 'unfit' OR outcome = 'deferred'),"
	"  tb_class TEXT NOT NULL CHECK (tb_class = '' OR tb_class = 'none' OR tb_class = 'A'"
	"    OR tb_class = 'B1_pulmonary' OR tb_class = 'B1_extrapulmonary' OR tb_class = 'B2'"
	"    OR tb_class = 'B3'),"
	"  examiner TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL,"
	"  recorded_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX health_check_person ON health_check(person_id, kind, at);"
	"CREATE TRIGGER health_check_no_update BEFORE UPDATE ON health_check"
	"  BEGIN SELECT RAISE(ABORT, 'health checks are never changed: record a new one'); END;"

	"CREATE TABLE health_condition ("
	"  check_id INTEGER NOT NULL REFERENCES health_check(id),"
	"  name TEXT NOT NULL CHECK (name = 'medical_escort' OR name = 'non_medical_escort'"
	"    OR name = 'oxygen' OR name = 'wchr' OR name = 'wchs' OR name = 'wchc'"
	"    OR name = 'stretcher' OR name = 'extra_seat' OR name = 'front_row'),"
	"  PRIMARY KEY (check_id, name)"
	") STRICT, WITHOUT ROWID;"

	/* Clinical detail: medical staff only. Read and written by the
	 * cor_store_health_notes_* calls alone. */
	"CREATE TABLE health_note ("
	"  id INTEGER PRIMARY KEY,"
	"  check_id INTEGER NOT NULL REFERENCES health_check(id),"
	"  author TEXT NOT NULL,"
	"  written_at TEXT NOT NULL,"
	"  text TEXT NOT NULL CHECK (length(text) > 0)"
	") STRICT;"
	"CREATE INDEX health_note_check ON health_note(check_id);"
	"CREATE TRIGGER health_note_no_update BEFORE UPDATE ON health_note"
	"  BEGIN SELECT RAISE(ABORT, 'clinical notes are never changed: add a new one'); END;";

/* ---- statements ---------------------------------------------------------- */

static const char sql_person[] =
	"SELECT p.id, c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state,"
	" c.priority, c.registered_on,"
	" p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,"
	" p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality,"
	" p.languages,"
	" coalesce((SELECT group_concat(code, ';') FROM person_need n WHERE n.person_id = p.id), "
	"'')"
	" FROM cases c JOIN office o ON o.id = c.office_id JOIN person p ON p.case_id = c.id"
	" WHERE c.ref = ?1 AND p.seq = ?2";
static const char sql_doc_add[] =
	"INSERT INTO document (person_id, kind, number, issuer, expires_on, source, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, cor_uuid7())";
static const char sql_docs[] =
	"SELECT kind, number, issuer, expires_on, source FROM document WHERE person_id = ?1"
	" ORDER BY id";
static const char sql_check_add[] =
	"INSERT INTO health_check (person_id, kind, at, outcome, tb_class, examiner, recorded_by,"
	" recorded_at, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cor_uuid7())";
static const char sql_condition_add[] =
	"INSERT INTO health_condition (check_id, name) VALUES (?1, ?2)";
#define CHECK_COLS COR_SQLITE_CHECK_COLS
static const char sql_latest[] =
	"SELECT " CHECK_COLS " FROM health_check h WHERE h.person_id = ?1 AND h.kind = ?2"
	" ORDER BY h.at DESC, h.id DESC LIMIT 1";
static const char sql_checks[] = "SELECT " CHECK_COLS " FROM health_check h WHERE h.person_id = ?1"
				 " ORDER BY h.at DESC, h.id DESC";
static const char sql_check_of[] =
	"SELECT kind, at FROM health_check WHERE id = ?1 AND person_id = ?2";
static const char sql_note_add[] = "INSERT INTO health_note (check_id, author, written_at, text, "
				   "uid) VALUES (?1, ?2, ?3, ?4, cor_uuid7())";
static const char sql_notes[] = "SELECT n.check_id, h.kind, h.at, n.written_at, n.author, n.text"
				" FROM health_note n JOIN health_check h ON h.id = n.check_id"
				" WHERE h.person_id = ?1 ORDER BY h.at DESC, h.id DESC, n.id";

/* ---- helpers ------------------------------------------------------------- */

/* End a unit of work begun with cor_store_mark: keep it, or undo it and
 * return err with the message of the failure kept. */
static int unit_end(struct cor_store *st, int err)
{
	if (err == 0)
		return cor_store_release(st);
	char msg[sizeof(st->msg)];
	memcpy(msg, st->msg, sizeof(msg));
	cor_store_undo(st);
	memcpy(st->msg, msg, sizeof(msg));
	return err;
}

static int event(struct cor_store *st, int64_t case_id, const char *actor, const char *action,
		 const char *detail)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = ""};
	cor_store_now(st, e.at);
	return cor_store_event_add(st, case_id, &e);
}

/* Split "CASE-REF-NN" into the case ref and seq. */
static bool split_person_ref(const char *ref, char case_ref[COR_CASE_REF_MAX], int *seq)
{
	char office[8];
	int year;
	long n;
	size_t len = strlen(ref);
	if (len < 4 || len >= COR_CASE_REF_MAX + 3 || ref[len - 3] != '-' || ref[len - 2] < '0' ||
	    ref[len - 2] > '9' || ref[len - 1] < '0' || ref[len - 1] > '9')
		return false;
	*seq = (ref[len - 2] - '0') * 10 + (ref[len - 1] - '0');
	memcpy(case_ref, ref, len - 3);
	case_ref[len - 3] = '\0';
	return *seq >= 1 && cor_case_ref_parse(case_ref, office, &year, &n) == 0;
}

/* ---- persons ------------------------------------------------------------- */

static int sq_person_find(struct cor_store *st, const char *ref, struct cor_person_found *out)
{
	char case_ref[COR_CASE_REF_MAX];
	int seq, err = 0;
	if (!split_person_ref(ref, case_ref, &seq)) {
		cor_sqlite_msg(st,
			       "'%s' is not a person ID (a case ID, '-' and two digits, e.g. "
			       "LY-TIP-2026-000123-01)",
			       ref);
		return COR_EINVAL;
	}
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_person);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "finding a person");
	cor_sqlite_bind_text(s, 1, case_ref);
	sqlite3_bind_int(s, 2, seq);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
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
		cor_sqlite_copy_col(p->needs, sizeof(p->needs), s, 21);
		cor_person_ref_format(out->ref, sizeof(out->ref), c->ref, p->seq);
	} else if (rc != SQLITE_DONE) {
		err = cor_sqlite_fail(st, rc, "finding a person");
	}
	sqlite3_reset(s);
	if (err < 0 || rc == SQLITE_ROW)
		return err;
	int64_t case_id;
	if ((err = cor_store_case_get(st, case_ref, &case_id, NULL)) == COR_ENOTFOUND) {
		cor_sqlite_msg(st, "no person '%s': there is no case '%s'", ref, case_ref);
		return err;
	}
	if (err < 0)
		return err;
	cor_sqlite_msg(st, "no person '%s': case '%s' has no person %02d", ref, case_ref, seq);
	return COR_ENOTFOUND;
}

/* ---- documents ------------------------------------------------------------- */

static int sq_document_record(struct cor_store *st, const struct cor_person_found *who,
			      const struct cor_document *d, enum cor_doc_source source,
			      const char *actor)
{
	char date[COR_DATE_LEN], detail[256];
	int err = cor_store_mark(st);
	if (err < 0)
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_doc_add);
	if (s) {
		sqlite3_bind_int64(s, 1, who->id);
		cor_sqlite_bind_text(s, 2, cor_doc_kind_name(d->kind));
		cor_sqlite_bind_text(s, 3, d->number);
		cor_sqlite_bind_text(s, 4, d->issuer);
		if (d->has_expiry)
			cor_sqlite_bind_text(s, 5, cor_date_format(d->expires_on, date));
		cor_sqlite_bind_text(s, 6, cor_doc_source_name(source));
	}
	err = cor_sqlite_step_done(st, s, "adding a document");
	if (err == 0) {
		cor_document_event_detail(d, source, who->ref, detail, sizeof(detail));
		err = event(st, who->case_id, actor, "document", detail);
	}
	return unit_end(st, err);
}

static int sq_documents_each(struct cor_store *st, int64_t person_id,
			     int (*cb)(const struct cor_document *d, enum cor_doc_source source,
				       void *ctx),
			     void *ctx)
{
	sqlite3_stmt *s = NULL;
	/* Not the cached statement: a callback may call the store. */
	int rc = sqlite3_prepare_v2(st->db, sql_docs, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading documents");
	sqlite3_bind_int64(s, 1, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_document d;
		enum cor_doc_source src = COR_DOC_SOURCE_IMPORT;
		memset(&d, 0, sizeof(d));
		if (cor_doc_kind_parse((const char *)sqlite3_column_text(s, 0), &d.kind) < 0)
			d.kind = COR_DOC_NONE;
		cor_sqlite_copy_col(d.number, sizeof(d.number), s, 1);
		cor_sqlite_copy_col(d.issuer, sizeof(d.issuer), s, 2);
		const char *exp = (const char *)sqlite3_column_text(s, 3);
		d.has_expiry = exp && cor_date_parse(exp, &d.expires_on) == 0;
		cor_doc_source_parse((const char *)sqlite3_column_text(s, 4), &src);
		if ((ret = cb(&d, src, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading documents");
	sqlite3_finalize(s);
	return ret;
}

/* ---- health checks ----------------------------------------------------------- */

static int sq_health_add(struct cor_store *st, const struct cor_person_found *who,
			 const struct cor_health_check *h, const char *actor, int64_t *id)
{
	char at[COR_HEALTH_TIME_LEN], now[COR_TIME_LEN], detail[512];
	int err = cor_store_mark(st);
	if (err < 0)
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_check_add);
	if (s) {
		sqlite3_bind_int64(s, 1, who->id);
		cor_sqlite_bind_text(s, 2, cor_health_kind_name(h->kind));
		cor_sqlite_bind_text(s, 3, cor_health_time_format(h->at, at));
		cor_sqlite_bind_text(s, 4, cor_health_outcome_name(h->outcome));
		cor_sqlite_bind_text(s, 5, cor_health_tb_name(h->tb));
		cor_sqlite_bind_text(s, 6, h->examiner);
		cor_sqlite_bind_text(s, 7, actor);
		cor_sqlite_bind_text(s, 8, cor_store_now(st, now));
	}
	if ((err = cor_sqlite_step_done(st, s, "recording a health check")) < 0)
		return unit_end(st, err);
	int64_t check_id = sqlite3_last_insert_rowid(st->db);
	for (int c = 0; c < COR_HEALTH_CONDITION__N && err == 0; c++) {
		if (!(h->conditions & COR_HEALTH_COND_BIT(c)))
			continue;
		s = cor_sqlite_stmt(st, sql_condition_add);
		if (s) {
			sqlite3_bind_int64(s, 1, check_id);
			cor_sqlite_bind_text(s, 2, cor_health_condition_name(c));
		}
		err = cor_sqlite_step_done(st, s, "recording a travel condition");
	}
	if (err == 0)
		err = event(st, who->case_id, actor, "health",
			    cor_health_event_detail(h, who->ref, detail, sizeof(detail)));
	if (err == 0 && id)
		*id = check_id;
	return unit_end(st, err);
}

int64_t cor_sqlite_read_check(sqlite3_stmt *s, int at, struct cor_health_check *h)
{
	memset(h, 0, sizeof(*h));
	const char *kind = (const char *)sqlite3_column_text(s, at + 1);
	h->kind = kind && !strcmp(kind, cor_health_kind_name(COR_HEALTH_PRE_MIGRATION))
			  ? COR_HEALTH_PRE_MIGRATION
			  : COR_HEALTH_FITNESS;
	const char *when = (const char *)sqlite3_column_text(s, at + 2);
	if (!when || cor_health_time_parse(when, &h->at) < 0)
		h->at = 0;
	const char *outcome = (const char *)sqlite3_column_text(s, at + 3);
	if (outcome)
		cor_health_outcome_parse(outcome, &h->outcome);
	const char *tb = (const char *)sqlite3_column_text(s, at + 4);
	if (tb && *tb)
		cor_health_tb_parse(tb, &h->tb);
	cor_sqlite_copy_col(h->examiner, sizeof(h->examiner), s, at + 5);
	const char *conds = (const char *)sqlite3_column_text(s, at + 6);
	while (conds && *conds) {
		char name[32];
		size_t n = strcspn(conds, ";");
		enum cor_health_condition c;
		snprintf(name, sizeof(name), "%.*s", (int)n, conds);
		if (cor_health_condition_parse(name, &c) == 0)
			h->conditions |= COR_HEALTH_COND_BIT(c);
		conds += n + (conds[n] == ';');
	}
	return sqlite3_column_int64(s, at);
}

static int sq_health_latest(struct cor_store *st, int64_t person_id, enum cor_health_kind kind,
			    struct cor_health_check *out, int64_t *id)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_latest);
	int err = 0;
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading health checks");
	sqlite3_bind_int64(s, 1, person_id);
	cor_sqlite_bind_text(s, 2, cor_health_kind_name(kind));
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		int64_t v = cor_sqlite_read_check(s, 0, out);
		if (id)
			*id = v;
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no %s recorded", cor_health_kind_title(kind));
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading health checks");
	}
	sqlite3_reset(s);
	return err;
}

static int sq_health_each(struct cor_store *st, int64_t person_id,
			  int (*cb)(const struct cor_health_check *h, int64_t id, void *ctx),
			  void *ctx)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql_checks, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading health checks");
	sqlite3_bind_int64(s, 1, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_health_check h;
		int64_t id = cor_sqlite_read_check(s, 0, &h);
		if ((ret = cb(&h, id, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading health checks");
	sqlite3_finalize(s);
	return ret;
}

/* ---- clinical notes ------------------------------------------------------------ */

static int sq_notes_add(struct cor_store *st, const struct cor_person_found *who, int64_t check_id,
			const char *author, const char *text)
{
	char now[COR_TIME_LEN], detail[256], kind[32] = "";
	int64_t check_at = 0;

	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_check_of);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "keeping a clinical note");
	sqlite3_bind_int64(s, 1, check_id);
	sqlite3_bind_int64(s, 2, who->id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		cor_sqlite_copy_col(kind, sizeof(kind), s, 0);
		const char *v = (const char *)sqlite3_column_text(s, 1);
		if (v)
			cor_health_time_parse(v, &check_at);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "%s has no health check %lld", who->ref, (long long)check_id);
		return COR_ENOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return cor_sqlite_fail(st, rc, "keeping a clinical note");

	int err = cor_store_mark(st);
	if (err < 0)
		return err;
	s = cor_sqlite_stmt(st, sql_note_add);
	if (s) {
		sqlite3_bind_int64(s, 1, check_id);
		cor_sqlite_bind_text(s, 2, author);
		cor_sqlite_bind_text(s, 3, cor_store_now(st, now));
		cor_sqlite_bind_text(s, 4, text);
	}
	err = cor_sqlite_step_done(st, s, "keeping a clinical note");
	if (err == 0) {
		enum cor_health_kind k =
			strcmp(kind, cor_health_kind_name(COR_HEALTH_PRE_MIGRATION))
				? COR_HEALTH_FITNESS
				: COR_HEALTH_PRE_MIGRATION;
		cor_health_note_event_detail(k, check_at, who->ref, detail, sizeof(detail));
		err = event(st, who->case_id, author, "health", detail);
	}
	return unit_end(st, err);
}

static int sq_notes_each(struct cor_store *st, int64_t person_id,
			 int (*cb)(const struct cor_health_note *n, void *ctx), void *ctx)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql_notes, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading clinical notes");
	sqlite3_bind_int64(s, 1, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_health_note n;
		memset(&n, 0, sizeof(n));
		n.check_id = sqlite3_column_int64(s, 0);
		const char *kind = (const char *)sqlite3_column_text(s, 1);
		n.kind = kind && !strcmp(kind, "pre_migration") ? COR_HEALTH_PRE_MIGRATION
								: COR_HEALTH_FITNESS;
		const char *at = (const char *)sqlite3_column_text(s, 2);
		if (at)
			cor_health_time_parse(at, &n.check_at);
		cor_sqlite_copy_col(n.written_at, sizeof(n.written_at), s, 3);
		n.author = (const char *)sqlite3_column_text(s, 4);
		n.text = (const char *)sqlite3_column_text(s, 5);
		if ((ret = cb(&n, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading clinical notes");
	sqlite3_finalize(s);
	return ret;
}

const struct cor_store_health_ops cor_sqlite_health_ops = {
	.person_find = sq_person_find,
	.document_record = sq_document_record,
	.documents_each = sq_documents_each,
	.health_add = sq_health_add,
	.health_latest = sq_health_latest,
	.health_each = sq_health_each,
	.notes_add = sq_notes_add,
	.notes_each = sq_notes_each,
};

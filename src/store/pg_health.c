// SPDX-License-Identifier: Apache-2.0
// PostgreSQL side of health and documents (store/store_health.h), on the
// tables of migration 4 (pg_migrations.c). The same records, order and
// messages as SQLite's (sqlite_health.c); a write is one unit of work (a
// savepoint inside the caller's transaction, else a transaction of its
// own) holding its event. Each call is one query or a few; a check and its
// conditions go in one statement.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_health_ops.h"
#include "util/error.h"

#define PG(st) ((struct cor_pg *)(void *)(st))

/* ---- helpers ------------------------------------------------------------- */

static const char *num(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%lld", (long long)v);
	return buf;
}

static int event(struct cor_store *st, int64_t case_id, const char *actor, const char *action,
		 const char *detail)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = ""};
	cor_store_now(st, e.at);
	return cor_store_event_add(st, case_id, &e);
}

static enum cor_health_kind kind_of(const char *s)
{
	return !strcmp(s, cor_health_kind_name(COR_HEALTH_PRE_MIGRATION)) ? COR_HEALTH_PRE_MIGRATION
									  : COR_HEALTH_FITNESS;
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

static int pg_person_find(struct cor_store *s, const char *ref, struct cor_person_found *out)
{
	/* The case, and the person when there is one: one round trip tells
	 * which is missing. */
	static const char sql[] =
		"SELECT p.id, c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state,"
		" c.priority, c.registered_on,"
		" p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,"
		" p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality,"
		" p.languages,"
		" coalesce((SELECT string_agg(n.code, ';' ORDER BY n.code COLLATE \"C\")"
		"   FROM person_need n WHERE n.person_id = p.id), '')"
		" FROM cases c JOIN office o ON o.id = c.office_id"
		" LEFT JOIN person p ON p.case_id = c.id AND p.seq = $2::bigint WHERE c.ref = $1";
	struct cor_pg *st = PG(s);
	char case_ref[COR_CASE_REF_MAX], seq_s[24];
	int seq, err;
	if (!split_person_ref(ref, case_ref, &seq)) {
		cor_pg_msg(st,
			   "'%s' is not a person ID (a case ID, '-' and two digits, e.g. "
			   "LY-TIP-2026-000123-01)",
			   ref);
		return COR_EINVAL;
	}
	const char *v[] = {case_ref, num(seq_s, seq)};
	PGresult *r = cor_pg_query(PG(s), sql, 2, v, "finding a person", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(st, "no person '%s': there is no case '%s'", ref, case_ref);
		err = COR_ENOTFOUND;
	} else if (PQgetisnull(r, 0, 0)) {
		cor_pg_msg(st, "no person '%s': case '%s' has no person %02d", ref, case_ref, seq);
		err = COR_ENOTFOUND;
	} else {
		struct cor_case *c = &out->c;
		struct cor_person *p = &out->p;
		memset(out, 0, sizeof(*out));
		out->id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		out->case_id = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
		cor_pg_text(c->ref, sizeof(c->ref), r, 0, 2);
		cor_pg_text(c->programme, sizeof(c->programme), r, 0, 3);
		cor_pg_text(c->office, sizeof(c->office), r, 0, 4);
		cor_pg_text(c->origin, sizeof(c->origin), r, 0, 5);
		cor_pg_text(c->destination, sizeof(c->destination), r, 0, 6);
		cor_pg_text(c->state, sizeof(c->state), r, 0, 7);
		cor_priority_parse(PQgetvalue(r, 0, 8), &c->priority);
		cor_date_parse(PQgetvalue(r, 0, 9), &c->registered_on);
		p->seq = atoi(PQgetvalue(r, 0, 10));
		p->relationship = COR_REL_UNRELATED;
		cor_relationship_parse(PQgetvalue(r, 0, 11), &p->relationship);
		cor_pg_text(p->family_name, sizeof(p->family_name), r, 0, 12);
		cor_pg_text(p->given_names, sizeof(p->given_names), r, 0, 13);
		cor_pg_text(p->family_name_latin, sizeof(p->family_name_latin), r, 0, 14);
		cor_pg_text(p->given_names_latin, sizeof(p->given_names_latin), r, 0, 15);
		const char *sex = PQgetvalue(r, 0, 16);
		p->sex = sex[0] ? sex[0] : 'X';
		cor_date_parse(PQgetvalue(r, 0, 17), &p->birth_date);
		p->birth_date_approx = strcmp(PQgetvalue(r, 0, 18), "0") != 0;
		cor_pg_text(p->nationality, sizeof(p->nationality), r, 0, 19);
		cor_pg_text(p->languages, sizeof(p->languages), r, 0, 20);
		cor_pg_text(p->needs, sizeof(p->needs), r, 0, 21);
		cor_person_ref_format(out->ref, sizeof(out->ref), c->ref, p->seq);
	}
	PQclear(r);
	return err;
}

/* ---- documents ----------------------------------------------------------- */

static int pg_document_record(struct cor_store *s, const struct cor_person_found *who,
			      const struct cor_document *d, enum cor_doc_source source,
			      const char *actor)
{
	char pid[24], date[COR_DATE_LEN], detail[256];
	const char *v[] = {num(pid, who->id),
			   cor_doc_kind_name(d->kind),
			   d->number,
			   d->issuer,
			   d->has_expiry ? cor_date_format(d->expires_on, date) : NULL,
			   cor_doc_source_name(source)};
	bool own;
	int err = cor_pg_unit_begin(s, &own);
	if (err < 0)
		return err;
	PGresult *r =
		cor_pg_query(PG(s),
			     "INSERT INTO document (person_id, kind, number, issuer, expires_on,"
			     " source) VALUES ($1, $2, $3, $4, $5, $6)",
			     6, v, "adding a document", &err);
	PQclear(r);
	if (err == 0) {
		cor_document_event_detail(d, source, who->ref, detail, sizeof(detail));
		err = event(s, who->case_id, actor, "document", detail);
	}
	return cor_pg_unit_end(s, own, err);
}

static int pg_documents_each(struct cor_store *s, int64_t person_id,
			     int (*cb)(const struct cor_document *d, enum cor_doc_source source,
				       void *ctx),
			     void *ctx)
{
	char pid[24];
	const char *v[] = {num(pid, person_id)};
	int err, ret = 0;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT kind, number, issuer, expires_on, source FROM document"
				   " WHERE person_id = $1 ORDER BY id",
				   1, v, "reading documents", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_document d;
		enum cor_doc_source src = COR_DOC_SOURCE_IMPORT;
		memset(&d, 0, sizeof(d));
		if (cor_doc_kind_parse(PQgetvalue(r, i, 0), &d.kind) < 0)
			d.kind = COR_DOC_NONE;
		cor_pg_text(d.number, sizeof(d.number), r, i, 1);
		cor_pg_text(d.issuer, sizeof(d.issuer), r, i, 2);
		d.has_expiry = !PQgetisnull(r, i, 3) &&
			       cor_date_parse(PQgetvalue(r, i, 3), &d.expires_on) == 0;
		cor_doc_source_parse(PQgetvalue(r, i, 4), &src);
		ret = cb(&d, src, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- health checks ------------------------------------------------------- */

static int pg_health_add(struct cor_store *s, const struct cor_person_found *who,
			 const struct cor_health_check *h, const char *actor, int64_t *id)
{
	/* The check and its conditions in one statement. */
	static const char sql[] =
		"WITH h AS (INSERT INTO health_check (person_id, kind, at, outcome, tb_class,"
		" examiner, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		" RETURNING id),"
		" k AS (INSERT INTO health_condition (check_id, name)"
		" SELECT h.id, x FROM h, unnest(string_to_array($9, ';')) x)"
		" SELECT id FROM h";
	char pid[24], at[COR_HEALTH_TIME_LEN], now[COR_TIME_LEN], detail[512], conds[256] = "";
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++)
		if (h->conditions & COR_HEALTH_COND_BIT(c)) {
			size_t n = strlen(conds);
			snprintf(conds + n, sizeof(conds) - n, "%s%s", n ? ";" : "",
				 cor_health_condition_name(c));
		}
	const char *v[] = {num(pid, who->id),
			   cor_health_kind_name(h->kind),
			   cor_health_time_format(h->at, at),
			   cor_health_outcome_name(h->outcome),
			   cor_health_tb_name(h->tb),
			   h->examiner,
			   actor,
			   cor_store_now(s, now),
			   conds[0] ? conds : NULL};
	bool own;
	int64_t check_id = 0;
	int err;
	/* In a large write, a check of a person of the case it added last
	 * streams, in the caller's unit of work (see counselling). */
	if (PG(s)->large &&
	    (err = cor_pg_copy_check(PG(s), who->id, h, actor, now, &check_id)) <= 0) {
		if (err == 0)
			err = event(s, who->case_id, actor, "health",
				    cor_health_event_detail(h, who->ref, detail, sizeof(detail)));
		if (err == 0 && id)
			*id = check_id;
		return err;
	}
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	PGresult *r = cor_pg_query(PG(s), sql, 9, v, "recording a health check", &err);
	if (r)
		check_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	if (err == 0)
		err = event(s, who->case_id, actor, "health",
			    cor_health_event_detail(h, who->ref, detail, sizeof(detail)));
	if (err == 0 && id)
		*id = check_id;
	return cor_pg_unit_end(s, own, err);
}

#define CHECK_COLS COR_PG_CHECK_COLS

int64_t cor_pg_read_check(PGresult *r, int i, int at, struct cor_health_check *h)
{
	memset(h, 0, sizeof(*h));
	h->kind = kind_of(PQgetvalue(r, i, at + 1));
	if (cor_health_time_parse(PQgetvalue(r, i, at + 2), &h->at) < 0)
		h->at = 0;
	cor_health_outcome_parse(PQgetvalue(r, i, at + 3), &h->outcome);
	const char *tb = PQgetvalue(r, i, at + 4);
	if (*tb)
		cor_health_tb_parse(tb, &h->tb);
	cor_pg_text(h->examiner, sizeof(h->examiner), r, i, at + 5);
	for (const char *conds = PQgetvalue(r, i, at + 6); *conds;) {
		char name[32];
		size_t n = strcspn(conds, ";");
		enum cor_health_condition c;
		snprintf(name, sizeof(name), "%.*s", (int)n, conds);
		if (cor_health_condition_parse(name, &c) == 0)
			h->conditions |= COR_HEALTH_COND_BIT(c);
		conds += n + (conds[n] == ';');
	}
	return strtoll(PQgetvalue(r, i, at), NULL, 10);
}

static int pg_health_latest(struct cor_store *s, int64_t person_id, enum cor_health_kind kind,
			    struct cor_health_check *out, int64_t *id)
{
	char pid[24];
	const char *v[] = {num(pid, person_id), cor_health_kind_name(kind)};
	int err;
	PGresult *r =
		cor_pg_query(PG(s),
			     "SELECT " CHECK_COLS " FROM health_check h WHERE h.person_id = $1"
			     " AND h.kind = $2 ORDER BY h.at COLLATE \"C\" DESC, h.id DESC LIMIT 1",
			     2, v, "reading health checks", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		cor_pg_msg(PG(s), "no %s recorded", cor_health_kind_title(kind));
		err = COR_ENOTFOUND;
	} else {
		int64_t v_id = cor_pg_read_check(r, 0, 0, out);
		if (id)
			*id = v_id;
	}
	PQclear(r);
	return err;
}

static int pg_health_each(struct cor_store *s, int64_t person_id,
			  int (*cb)(const struct cor_health_check *h, int64_t id, void *ctx),
			  void *ctx)
{
	char pid[24];
	const char *v[] = {num(pid, person_id)};
	int err, ret = 0;
	PGresult *r =
		cor_pg_query(PG(s),
			     "SELECT " CHECK_COLS " FROM health_check h WHERE h.person_id = $1"
			     " ORDER BY h.at COLLATE \"C\" DESC, h.id DESC",
			     1, v, "reading health checks", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_health_check h;
		int64_t hid = cor_pg_read_check(r, i, 0, &h);
		ret = cb(&h, hid, ctx);
	}
	PQclear(r);
	return ret;
}

/* ---- clinical notes ------------------------------------------------------ */

static int pg_notes_add(struct cor_store *s, const struct cor_person_found *who, int64_t check_id,
			const char *author, const char *text)
{
	char cid[24], pid[24], now[COR_TIME_LEN], detail[256];
	const char *of[] = {num(cid, check_id), num(pid, who->id)};
	int64_t check_at = 0;
	enum cor_health_kind kind;
	int err;
	PGresult *r = cor_pg_query(
		PG(s), "SELECT kind, at FROM health_check WHERE id = $1 AND person_id = $2", 2, of,
		"keeping a clinical note", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(PG(s), "%s has no health check %lld", who->ref, (long long)check_id);
		return COR_ENOTFOUND;
	}
	kind = kind_of(PQgetvalue(r, 0, 0));
	cor_health_time_parse(PQgetvalue(r, 0, 1), &check_at);
	PQclear(r);

	bool own;
	if ((err = cor_pg_unit_begin(s, &own)) < 0)
		return err;
	const char *v[] = {cid, author, cor_store_now(s, now), text};
	r = cor_pg_query(PG(s),
			 "INSERT INTO health_note (check_id, author, written_at, text)"
			 " VALUES ($1, $2, $3, $4)",
			 4, v, "keeping a clinical note", &err);
	PQclear(r);
	if (err == 0) {
		cor_health_note_event_detail(kind, check_at, who->ref, detail, sizeof(detail));
		err = event(s, who->case_id, author, "health", detail);
	}
	return cor_pg_unit_end(s, own, err);
}

static int pg_notes_each(struct cor_store *s, int64_t person_id,
			 int (*cb)(const struct cor_health_note *n, void *ctx), void *ctx)
{
	char pid[24];
	const char *v[] = {num(pid, person_id)};
	int err, ret = 0;
	PGresult *r = cor_pg_query(PG(s),
				   "SELECT n.check_id, h.kind, h.at, n.written_at, n.author, n.text"
				   " FROM health_note n JOIN health_check h ON h.id = n.check_id"
				   " WHERE h.person_id = $1"
				   " ORDER BY h.at COLLATE \"C\" DESC, h.id DESC, n.id",
				   1, v, "reading clinical notes", &err);
	if (!r)
		return err;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		struct cor_health_note n;
		memset(&n, 0, sizeof(n));
		n.check_id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		n.kind = kind_of(PQgetvalue(r, i, 1));
		cor_health_time_parse(PQgetvalue(r, i, 2), &n.check_at);
		cor_pg_text(n.written_at, sizeof(n.written_at), r, i, 3);
		n.author = PQgetvalue(r, i, 4);
		n.text = PQgetvalue(r, i, 5);
		ret = cb(&n, ctx);
	}
	PQclear(r);
	return ret;
}

const struct cor_store_health_ops cor_pg_health_ops = {
	.person_find = pg_person_find,
	.document_record = pg_document_record,
	.documents_each = pg_documents_each,
	.health_add = pg_health_add,
	.health_latest = pg_health_latest,
	.health_each = pg_health_each,
	.notes_add = pg_notes_add,
	.notes_each = pg_notes_each,
};

// SPDX-License-Identifier: Apache-2.0
// The door of store.h: picks the backend from the target (a file path for
// SQLite, a postgresql:// URI for PostgreSQL) and sends every call through
// the store's table of operations. The clock and the last message are kept
// here, alike for every backend.
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrations.h"
#include "store/pg_int.h"
#include "store/store_int.h"
#include "store/store_search_ops.h"
#include "domain/fold.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

/* A feature function without a PostgreSQL version reads st->db: on a
 * PostgreSQL store that is a null pointer at the same place. */
_Static_assert(offsetof(struct cor_store, db) == offsetof(struct cor_pg, sqlite_db),
	       "a PostgreSQL store holds NULL where SQLite's holds its connection");

#define OPS(st) (cor_store_head(st)->ops)

bool cor_store_target_is_pg(const char *target)
{
	return target &&
	       (!strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11));
}

int cor_store_open(const char *target, unsigned flags, struct cor_store **out, char *msg,
		   size_t msglen)
{
	if (cor_store_target_is_pg(target))
		return cor_pg_open(target, flags, out, msg, msglen);
	return cor_sqlite_open(target, flags, out, msg, msglen);
}

void cor_store_close(struct cor_store *st)
{
	if (st)
		OPS(st)->close(st);
}

const char *cor_store_errmsg(const struct cor_store *st)
{
	return cor_store_head((struct cor_store *)st)->msg;
}

bool cor_store_created(const struct cor_store *st)
{
	return cor_store_head((struct cor_store *)st)->created;
}

int cor_store_schema_version(void)
{
	return (int)cor_sqlite_migrations_len;
}

int cor_store_begin(struct cor_store *st)
{
	return OPS(st)->begin(st);
}

int cor_store_begin_read(struct cor_store *st)
{
	return OPS(st)->begin_read(st);
}

bool cor_store_in_transaction(struct cor_store *st)
{
	return OPS(st)->in_transaction(st);
}

int cor_store_begin_large(struct cor_store *st)
{
	return OPS(st)->begin_large(st);
}

int cor_store_commit(struct cor_store *st)
{
	return OPS(st)->commit(st);
}

int cor_store_rollback(struct cor_store *st)
{
	return OPS(st)->rollback(st);
}

int cor_store_mark(struct cor_store *st)
{
	return OPS(st)->mark(st);
}

int cor_store_release(struct cor_store *st)
{
	return OPS(st)->release(st);
}

int cor_store_undo(struct cor_store *st)
{
	return OPS(st)->undo(st);
}

/* ---- the clock --------------------------------------------------------- */

void cor_store_set_now(struct cor_store *st, const char *now)
{
	struct cor_store_head *h = cor_store_head(st);
	snprintf(h->now, sizeof(h->now), "%s", now ? now : "");
}

char *cor_store_now(struct cor_store *st, char *buf)
{
	struct cor_store_head *h = cor_store_head(st);
	if (!h->now[0])
		return cor_time_now(buf);
	memcpy(buf, h->now, COR_TIME_LEN);
	return buf;
}

struct cor_date cor_store_today(struct cor_store *st)
{
	char now[COR_TIME_LEN];
	struct cor_date d;
	cor_store_now(st, now);
	now[10] = '\0';
	if (cor_date_parse(now, &d) < 0)
		return cor_date_today();
	return d;
}

/* ---- records ----------------------------------------------------------- */

int cor_store_rules_get(struct cor_store *st, int *version, char **text)
{
	return OPS(st)->rules_get(st, version, text);
}

int cor_store_rules_add(struct cor_store *st, const char *text, const char *actor, int *version)
{
	return OPS(st)->rules_add(st, text, actor, version);
}

int cor_store_rules_history(struct cor_store *st,
			    int (*cb)(int version, const char *at, const char *by, void *ctx),
			    void *ctx)
{
	return OPS(st)->rules_history(st, cb, ctx);
}

int cor_store_office_add(struct cor_store *st, const struct cor_office *o)
{
	return OPS(st)->office_add(st, o);
}

int cor_store_office_get(struct cor_store *st, const char *code, struct cor_office *out)
{
	return OPS(st)->office_get(st, code, out);
}

int cor_store_office_list(struct cor_store *st, int (*cb)(const struct cor_office *o, void *ctx),
			  void *ctx)
{
	return OPS(st)->office_list(st, cb, ctx);
}

int cor_store_case_next_seq(struct cor_store *st, const char *office, int year, long *seq)
{
	return OPS(st)->case_reserve(st, office, year, 1, seq);
}

int cor_store_case_reserve(struct cor_store *st, const char *office, int year, long count,
			   long *first)
{
	return OPS(st)->case_reserve(st, office, year, count, first);
}

int cor_store_case_add(struct cor_store *st, const struct cor_case *c, int64_t *id)
{
	return OPS(st)->case_add(st, c, id);
}

int cor_store_case_last_id(struct cor_store *st, int64_t *id)
{
	return OPS(st)->case_last_id(st, id);
}

int cor_store_case_get(struct cor_store *st, const char *ref, int64_t *id, struct cor_case *out)
{
	return OPS(st)->case_get(st, ref, id, out);
}

int cor_store_person_add(struct cor_store *st, int64_t case_id, const struct cor_person *p,
			 int64_t *id)
{
	int64_t pid;
	int err = OPS(st)->person_add(st, case_id, p, &pid);
	if (err == 0 && id)
		*id = pid;
	return err < 0 ? err : cor_store_person_keys_add(st, pid, p);
}

int cor_store_document_add(struct cor_store *st, int64_t person_id, const struct cor_document *d)
{
	int err = OPS(st)->document_add(st, person_id, d);
	return err < 0 ? err : cor_store_doc_keys_add(st, 1, &person_id, d);
}

int cor_store_event_add(struct cor_store *st, int64_t case_id, const struct cor_event *e)
{
	return OPS(st)->event_add(st, case_id, e);
}

int cor_store_documents_add(struct cor_store *st, size_t n, const int64_t *person_ids,
			    const struct cor_document *docs)
{
	if (OPS(st)->documents_add) {
		int err = OPS(st)->documents_add(st, n, person_ids, docs);
		return err < 0 ? err : cor_store_doc_keys_add(st, n, person_ids, docs);
	}
	for (size_t i = 0; i < n; i++) {
		int err = cor_store_document_add(st, person_ids[i], &docs[i]);
		if (err < 0)
			return err;
	}
	return 0;
}

int cor_store_events_add(struct cor_store *st, size_t n, const int64_t *case_ids,
			 const struct cor_event *events)
{
	if (OPS(st)->events_add)
		return OPS(st)->events_add(st, n, case_ids, events);
	for (size_t i = 0; i < n; i++) {
		int err = OPS(st)->event_add(st, case_ids[i], &events[i]);
		if (err < 0)
			return err;
	}
	return 0;
}

/* ---- reads ------------------------------------------------------------- */

/* The filter's text folded as a search folds it (domain/fold.h), to start
 * a name key; and in upper case, to start a case ID. A list is filtered by
 * the fold only: consonants alone (case.search's last resort) would select
 * too widely for a filter. */
struct text_keys {
	struct cor_case_filter f;
	char fold[COR_KEY_MAX], ref[COR_KEY_MAX];
};

static const struct cor_case_filter *fold_text(const struct cor_case_filter *f, struct text_keys *t)
{
	if (!f->text || !*f->text)
		return f;
	t->f = *f;
	cor_fold(f->text, t->fold, sizeof(t->fold));
	size_t i = 0;
	for (; f->text[i] && i + 1 < sizeof(t->ref); i++)
		t->ref[i] = f->text[i] >= 'a' && f->text[i] <= 'z' ? (char)(f->text[i] - 32)
								   : f->text[i];
	t->ref[i] = '\0';
	t->f.text = t->ref;
	t->f.text_key = t->fold[0] ? t->fold : NULL;
	return &t->f;
}

int cor_store_case_list(struct cor_store *st, const struct cor_case_filter *f,
			int (*cb)(const struct cor_case_summary *s, void *ctx), void *ctx)
{
	struct text_keys t;
	return OPS(st)->case_list(st, fold_text(f, &t), cb, ctx);
}

int cor_store_case_count(struct cor_store *st, const struct cor_case_filter *f, long *n)
{
	struct text_keys t;
	return OPS(st)->case_count(st, fold_text(f, &t), n);
}

int cor_store_case_persons(struct cor_store *st, int64_t case_id,
			   int (*cb)(const struct cor_person *p, const struct cor_document *docs,
				     int ndocs, void *ctx),
			   void *ctx)
{
	return OPS(st)->case_persons(st, case_id, cb, ctx);
}

int cor_store_case_events(struct cor_store *st, int64_t case_id,
			  int (*cb)(const struct cor_event *e, void *ctx), void *ctx)
{
	return OPS(st)->case_events(st, case_id, cb, ctx);
}

struct first_doc {
	int (*cb)(const struct cor_case *c, const struct cor_person *p,
		  const struct cor_document *d, void *ctx);
	void *ctx;
};

static int first_doc_row(const struct cor_store_export_row *r, void *ctx)
{
	struct first_doc *fd = ctx;
	struct cor_document none = {.kind = COR_DOC_NONE};
	const struct cor_document *d = &none;
	for (int i = 0; i < r->ndocs; i++)
		if (r->docs[i].kind != COR_DOC_VISA) {
			d = &r->docs[i];
			break;
		}
	return fd->cb(r->c, r->p, d, fd->ctx);
}

int cor_store_persons_each(struct cor_store *st, const struct cor_case_filter *f,
			   int (*cb)(const struct cor_case *c, const struct cor_person *p,
				     const struct cor_document *d, void *ctx),
			   void *ctx)
{
	struct first_doc fd = {cb, ctx};
	return cor_store_export_each(st, f, first_doc_row, &fd);
}

int cor_store_export_each(struct cor_store *st, const struct cor_case_filter *f,
			  int (*cb)(const struct cor_store_export_row *r, void *ctx), void *ctx)
{
	struct text_keys t;
	return OPS(st)->export_each(st, fold_text(f, &t), cb, ctx);
}

int cor_export_acc_flush(struct cor_export_acc *a)
{
	if (!a->pending)
		return 0;
	struct cor_store_export_row r = {
		.c = &a->c,
		.location = a->location,
		.session_no = a->session_no,
		.counsellor = a->counsellor,
		.language = a->language,
		.interpreter = a->interpreter,
		.decision = a->decision,
		.p = &a->p,
		.docs = a->docs,
		.ndocs = a->ndocs,
		.risk = a->has_risk ? a->risk : NULL,
		.risk_cleared = a->has_risk && a->risk_cleared,
		.pre_migration = a->has_pm ? &a->pm : NULL,
	};
	a->pending = false;
	int ret = a->cb(&r, a->ctx);
	a->ndocs = 0;
	return ret;
}

int cor_export_acc_doc(struct cor_export_acc *a, const struct cor_document *d)
{
	if (a->ndocs == a->cap) {
		int cap = a->cap ? 2 * a->cap : 8;
		struct cor_document *n = realloc(a->docs, (size_t)cap * sizeof(*n));
		if (!n)
			return COR_ENOMEM;
		a->docs = n;
		a->cap = cap;
	}
	a->docs[a->ndocs++] = *d;
	return 0;
}

void cor_export_acc_free(struct cor_export_acc *a)
{
	free(a->docs);
	a->docs = NULL;
	a->ndocs = a->cap = 0;
}

int cor_store_person_facts_each(struct cor_store *st,
				int (*cb)(const struct cor_person_facts *f, void *ctx), void *ctx)
{
	return OPS(st)->person_facts_each(st, cb, ctx);
}

int cor_store_totals(struct cor_store *st, long *cases, long *persons, long *documents,
		     long *events)
{
	return OPS(st)->totals(st, cases, persons, documents, events);
}

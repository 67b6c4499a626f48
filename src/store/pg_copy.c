// SPDX-License-Identifier: Apache-2.0
// A large write on PostgreSQL (an import): cases, persons, their specific
// needs, documents and events go to COPY FROM STDIN streams in COPY's text
// format instead of one INSERT each, and reach the server in batches. The
// ids callers get back (of cases and persons) are taken from the tables'
// identity sequences in advance, in contiguous blocks. The refusals an INSERT would
// give are decided here before a row is streamed: a case reference taken
// (in this write, or before it: looked up when the database had cases) and
// a person number taken in the case.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "util/error.h"
#include "util/uuid.h"

#define BATCH_BYTES (4u << 20) /* flush when the streams hold this much */
#define BLOCK_MAX   (1 << 20)
#define TOMBSTONE   '\x01' /* a ref forgotten (its case undone) */

static const char *const copy_sql[C__N] = {
	[C_CASES] = "COPY cases (id, ref, programme, office_id, origin, destination, state,"
		    " priority, registered_on, uid) FROM STDIN",
	[C_PERSON] = "COPY person (id, case_id, seq, relationship, family_name, given_names,"
		     " family_name_latin, given_names_latin, sex, birth_date, birth_date_approx,"
		     " nationality, languages, uid) FROM STDIN",
	[C_NEED] = "COPY person_need (person_id, code) FROM STDIN",
	[C_DOCUMENT] =
		"COPY document (person_id, kind, number, issuer, expires_on, uid) FROM STDIN",
	[C_EVENT] = "COPY event (case_id, at, actor, action, detail, reason, uid) FROM STDIN",
	[C_KEY] = "COPY person_key (key, person_id) FROM STDIN",
	[C_SESSION] = "COPY counselling (case_id, no, at, counsellor, language, interpreter,"
		      " decision, asylum_wish, notes, recorded_by, uid) FROM STDIN",
	[C_ASSESSMENT] = "COPY protection_assessment (id, person_id, level, grounds, assessed_by,"
			 " at, uid) FROM STDIN",
	[C_CLEARANCE] = "COPY protection_clearance (assessment_id, cleared_by, at, reason, uid)"
			" FROM STDIN",
	[C_CHECK] = "COPY health_check (id, person_id, kind, at, outcome, tb_class, examiner,"
		    " recorded_by, recorded_at, uid) FROM STDIN",
	[C_CONDITION] = "COPY health_condition (check_id, name) FROM STDIN",
};

static const char *const id_table[ID__N] = {"cases", "person", "protection_assessment",
					    "health_check"};

/* ---- the streams ------------------------------------------------------- */

static bool reserve(struct pg_copy *c, size_t more)
{
	if (c->len + more <= c->cap)
		return true;
	size_t cap = c->cap ? c->cap : 1u << 16;
	while (cap < c->len + more)
		cap *= 2;
	char *b = realloc(c->buf, cap);
	if (!b)
		return false;
	c->buf = b;
	c->cap = cap;
	return true;
}

/* Append one field (NULL: \N), escaped, and its separator. */
static bool put(struct pg_copy *c, const char *v, bool last)
{
	size_t n = v ? strlen(v) : 2;
	if (!reserve(c, 2 * n + 1))
		return false;
	char *o = c->buf + c->len;
	if (!v) {
		*o++ = '\\';
		*o++ = 'N';
	} else {
		for (const char *p = v; *p; p++) {
			switch (*p) {
			case '\\':
				*o++ = '\\';
				*o++ = '\\';
				break;
			case '\t':
				*o++ = '\\';
				*o++ = 't';
				break;
			case '\n':
				*o++ = '\\';
				*o++ = 'n';
				break;
			case '\r':
				*o++ = '\\';
				*o++ = 'r';
				break;
			default:
				*o++ = *p;
			}
		}
	}
	*o++ = last ? '\n' : '\t';
	c->len = (size_t)(o - c->buf);
	return true;
}

static bool put_int(struct pg_copy *c, long long v, bool last)
{
	char b[24];
	snprintf(b, sizeof(b), "%lld", v);
	return put(c, b, last);
}

/* A new uid, the row's last field: made here rather than by the column's
 * default, a SQL function the server would run row by row. */
static bool put_uid(struct pg_copy *c)
{
	struct cor_uuid u;
	char b[COR_UUID_LEN];
	if (cor_uuid7_now(&u) < 0)
		return false;
	return put(c, cor_uuid_format(&u, b), true);
}

static int oom(struct cor_pg *st)
{
	cor_pg_msg(st, "out of memory streaming rows to the database");
	return COR_ENOMEM;
}

/* Write stream i's rows c with one COPY; a failure's message into msg. */
static int flush_one(struct cor_pg *st, enum pg_copy_id i, struct pg_copy *c, char *msg, size_t len)
{
	if (!c->len)
		return 0;
	/* FREEZE only outside a unit of work's savepoint (PostgreSQL's rule:
	 * the table emptied in the current subtransaction). */
	bool freeze = i == C_KEY && st->freeze_keys && st->nreal == 0;
	PGresult *r = PQexec(st->conn, freeze ? "COPY person_key (key, person_id) FROM STDIN"
						" WITH (FREEZE)"
					      : copy_sql[i]);
	if (!r || PQresultStatus(r) != PGRES_COPY_IN) {
		int err = cor_pg_fail_into(st, r, "writing rows", msg, len);
		while ((r = PQgetResult(st->conn)) != NULL)
			PQclear(r);
		return err;
	}
	PQclear(r);
	int err = 0;
	if (PQputCopyData(st->conn, c->buf, (int)c->len) != 1 || PQputCopyEnd(st->conn, NULL) != 1)
		err = cor_pg_fail_into(st, NULL, "writing rows", msg, len);
	while ((r = PQgetResult(st->conn)) != NULL) {
		if (err == 0 && PQresultStatus(r) != PGRES_COMMAND_OK)
			err = cor_pg_fail_into(st, r, "writing rows", msg, len);
		else
			PQclear(r);
	}
	c->len = 0;
	c->rows = 0;
	return err;
}

static int flush_all(struct cor_pg *st, struct pg_copy *c, char *msg, size_t len)
{
	int err = 0;
	for (int i = 0; i < C__N && err == 0; i++)
		err = flush_one(st, (enum pg_copy_id)i, &c[i], msg, len);
	for (int i = 0; i < C__N; i++)
		c[i].len = 0;
	return err;
}

/* ---- the background writer --------------------------------------------- */

static void *flusher_main(void *arg)
{
	struct cor_pg *st = arg;
	struct pg_flusher *bg = &st->bg;
	pthread_mutex_lock(&bg->mu);
	for (;;) {
		while (!bg->busy && !bg->quit)
			pthread_cond_wait(&bg->cv, &bg->mu);
		if (!bg->busy)
			break;
		pthread_mutex_unlock(&bg->mu);
		char msg[sizeof(bg->msg)] = "";
		int err = flush_all(st, bg->batch, msg, sizeof(msg));
		pthread_mutex_lock(&bg->mu);
		if (err < 0 && bg->err == 0) {
			bg->err = err;
			memcpy(bg->msg, msg, sizeof(msg));
		}
		bg->busy = false;
		pthread_cond_broadcast(&bg->cv);
	}
	pthread_mutex_unlock(&bg->mu);
	return NULL;
}

int cor_pg_copy_wait(struct cor_pg *st)
{
	struct pg_flusher *bg = &st->bg;
	if (!bg->started)
		return 0;
	pthread_mutex_lock(&bg->mu);
	while (bg->busy)
		pthread_cond_wait(&bg->cv, &bg->mu);
	int err = bg->err;
	if (err < 0)
		memcpy(st->msg, bg->msg, sizeof(st->msg));
	bg->err = 0;
	pthread_mutex_unlock(&bg->mu);
	return err;
}

void cor_pg_copy_stop(struct cor_pg *st)
{
	struct pg_flusher *bg = &st->bg;
	if (!bg->started)
		return;
	pthread_mutex_lock(&bg->mu);
	bg->quit = true;
	pthread_cond_broadcast(&bg->cv);
	pthread_mutex_unlock(&bg->mu);
	pthread_join(bg->thread, NULL);
	pthread_cond_destroy(&bg->cv);
	pthread_mutex_destroy(&bg->mu);
	bg->started = bg->quit = bg->busy = false;
	bg->err = 0;
}

/* Hand the streams to the background writer, once it is done with the
 * batch before. */
static int flush_behind(struct cor_pg *st)
{
	struct pg_flusher *bg = &st->bg;
	int err = cor_pg_copy_ready(st);
	if (err < 0)
		return err;
	if (!bg->started) {
		if (pthread_mutex_init(&bg->mu, NULL) != 0)
			return cor_pg_copy_flush(st);
		if (pthread_cond_init(&bg->cv, NULL) != 0) {
			pthread_mutex_destroy(&bg->mu);
			return cor_pg_copy_flush(st);
		}
		if (pthread_create(&bg->thread, NULL, flusher_main, st) != 0) {
			pthread_cond_destroy(&bg->cv);
			pthread_mutex_destroy(&bg->mu);
			return cor_pg_copy_flush(st);
		}
		bg->started = true;
	}
	pthread_mutex_lock(&bg->mu);
	for (int i = 0; i < C__N; i++) {
		struct pg_copy t = bg->batch[i];
		bg->batch[i] = st->copy[i];
		st->copy[i] = t;
		st->copy[i].len = 0;
		st->copy[i].rows = 0;
	}
	bg->busy = true;
	pthread_cond_broadcast(&bg->cv);
	pthread_mutex_unlock(&bg->mu);
	return 0;
}

int cor_pg_copy_flush(struct cor_pg *st)
{
	int err = cor_pg_copy_ready(st);
	if (err == 0)
		err = flush_all(st, st->copy, st->msg, sizeof(st->msg));
	if (err < 0)
		cor_pg_copy_reset(st);
	return err;
}

static int maybe_flush(struct cor_pg *st)
{
	size_t total = 0;
	for (int i = 0; i < C__N; i++)
		total += st->copy[i].len;
	return total >= BATCH_BYTES ? flush_behind(st) : 0;
}

void cor_pg_copy_reset(struct cor_pg *st)
{
	char msg[sizeof(st->msg)];
	memcpy(msg, st->msg, sizeof(msg));
	cor_pg_copy_wait(st);
	memcpy(st->msg, msg, sizeof(msg));
	for (int i = 0; i < C__N; i++) {
		st->copy[i].len = 0;
		st->copy[i].rows = 0;
	}
	st->vmark = false;
	st->seq_case = 0;
	st->rec.case_id = 0;
}

/* ---- ids in advance ---------------------------------------------------- */

/* The block is contiguous: the large write holds a lock on cases and
 * person that keeps every other writer out (cor_pg_begin_large), so no
 * nextval of another connection can fall inside it. */
static int next_id(struct cor_pg *st, int which, int64_t *id)
{
	struct pg_ids *ids = &st->ids[which];
	if (ids->next == ids->end) {
		char sql[200];
		int err = cor_pg_copy_ready(st);
		if (err < 0)
			return err;
		int64_t block = ids->block ? ids->block : 1024;
		snprintf(sql, sizeof(sql),
			 "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
			 " nextval(pg_get_serial_sequence('%s', 'id')) + %lld) - %lld",
			 id_table[which], id_table[which], (long long)block - 1,
			 (long long)block - 1);
		PGresult *r = PQexec(st->conn, sql);
		if (!r || PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
			return cor_pg_fail(st, r, "numbering rows");
		ids->next = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		ids->end = ids->next + block;
		PQclear(r);
		ids->block = block < BLOCK_MAX ? block * 4 : BLOCK_MAX;
	}
	*id = ids->next++;
	return 0;
}

/* ---- refs added in the write ------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Is ref in the set? With add, put it there when it is not. */
static int ref_seen(struct cor_pg *st, const char *ref, bool add, bool *seen)
{
	struct pg_refset *rs = &st->refs;
	if (add && (rs->n + 1) * 2 > rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 4096;
		char(*t)[COR_CASE_REF_MAX] = calloc(cap, sizeof(*t));
		if (!t)
			return oom(st);
		for (size_t i = 0; i < rs->cap; i++) {
			if (!rs->ref[i][0] || rs->ref[i][0] == TOMBSTONE)
				continue;
			size_t j = hash(rs->ref[i]) & (cap - 1);
			while (t[j][0])
				j = (j + 1) & (cap - 1);
			memcpy(t[j], rs->ref[i], sizeof(t[j]));
		}
		free(rs->ref);
		rs->ref = t;
		rs->cap = cap;
	}
	*seen = false;
	if (!rs->cap)
		return 0;
	size_t j = hash(ref) & (rs->cap - 1);
	for (; rs->ref[j][0]; j = (j + 1) & (rs->cap - 1))
		if (!strcmp(rs->ref[j], ref)) {
			*seen = true;
			return 0;
		}
	if (add) {
		snprintf(rs->ref[j], sizeof(rs->ref[j]), "%s", ref);
		rs->n++;
		if (st->vmark || st->nreal) {
			struct pg_reflog *lg = &st->reflog;
			if (lg->n == lg->cap) {
				size_t cap = lg->cap ? lg->cap * 2 : 16;
				char(*t)[COR_CASE_REF_MAX] = realloc(lg->ref, cap * sizeof(*t));
				if (!t)
					return oom(st);
				lg->ref = t;
				lg->cap = cap;
			}
			memcpy(lg->ref[lg->n++], rs->ref[j], sizeof(lg->ref[0]));
		}
	}
	return 0;
}

/* Forget the refs logged from at on: their cases were undone. */
static void unlog_refs(struct cor_pg *st, size_t at)
{
	struct pg_refset *rs = &st->refs;
	for (size_t k = at; k < st->reflog.n; k++) {
		const char *ref = st->reflog.ref[k];
		for (size_t j = hash(ref) & (rs->cap - 1); rs->ref[j][0];
		     j = (j + 1) & (rs->cap - 1))
			if (!strcmp(rs->ref[j], ref)) {
				rs->ref[j][0] = TOMBSTONE;
				break;
			}
	}
	st->reflog.n = at;
}

int cor_pg_copy_load_refs(struct cor_pg *st)
{
	PGresult *r =
		PQexec(st->conn, "DECLARE cor_refs NO SCROLL CURSOR FOR SELECT ref FROM cases");
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK)
		return cor_pg_fail(st, r, "starting a large write");
	PQclear(r);
	int err = 0;
	for (;;) {
		r = PQexec(st->conn, "FETCH 50000 FROM cor_refs");
		if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
			return cor_pg_fail(st, r, "starting a large write");
		int n = PQntuples(r);
		bool seen;
		for (int i = 0; i < n && err == 0; i++)
			err = ref_seen(st, PQgetvalue(r, i, 0), true, &seen);
		PQclear(r);
		if (err < 0)
			return err;
		if (n < 50000)
			break;
	}
	PQclear(PQexec(st->conn, "CLOSE cor_refs"));
	return 0;
}

void cor_pg_copy_forget_refs(struct cor_pg *st)
{
	free(st->refs.ref);
	free(st->reflog.ref);
	memset(&st->refs, 0, sizeof(st->refs));
	memset(&st->reflog, 0, sizeof(st->reflog));
	st->nreal = 0;
	st->vmark = false;
}

/* ---- units of work ----------------------------------------------------- */

/* The unit marked in memory becomes a savepoint: the rows before its mark
 * go to the server first. */
static int realize(struct cor_pg *st)
{
	int err = cor_pg_copy_wait(st);
	st->vmark = false;
	for (int i = 0; i < C__N && err == 0; i++) {
		struct pg_copy *c = &st->copy[i];
		struct pg_copy head = {.buf = c->buf, .len = st->mark_len[i]};
		err = flush_one(st, (enum pg_copy_id)i, &head, st->msg, sizeof(st->msg));
		if (st->mark_len[i])
			memmove(c->buf, c->buf + st->mark_len[i], c->len - st->mark_len[i]);
		c->len -= st->mark_len[i];
		c->rows -= st->mark_rows[i];
	}
	if (err == 0)
		err = cor_pg_exec(st, "SAVEPOINT cor_unit", "marking a unit of work");
	if (err < 0) {
		cor_pg_copy_reset(st);
		return err;
	}
	st->log_at[0] = 0;
	st->nreal = 1;
	return 0;
}

int cor_pg_copy_ready(struct cor_pg *st)
{
	return st->vmark ? realize(st) : cor_pg_copy_wait(st);
}

int cor_pg_copy_mark(struct cor_pg *st)
{
	if (st->vmark || st->nreal) {
		/* A unit inside a unit: savepoints. */
		int err = st->vmark ? realize(st) : 0;
		if (err == 0 && st->nreal == (int)(sizeof(st->log_at) / sizeof(st->log_at[0]))) {
			cor_pg_msg(st, "marking a unit of work: too many units inside each other");
			err = COR_EINVAL;
		}
		if (err == 0 && (err = cor_pg_copy_flush(st)) == 0 &&
		    (err = cor_pg_exec(st, "SAVEPOINT cor_unit", "marking a unit of work")) == 0)
			st->log_at[st->nreal++] = st->reflog.n;
		return err;
	}
	for (int i = 0; i < C__N; i++) {
		st->mark_len[i] = st->copy[i].len;
		st->mark_rows[i] = st->copy[i].rows;
	}
	st->mark_seq_case = st->seq_case;
	memcpy(st->mark_seqs, st->seqs, sizeof(st->seqs));
	st->reflog.n = 0;
	st->vmark = true;
	return 0;
}

int cor_pg_copy_release(struct cor_pg *st)
{
	if (st->vmark) {
		st->vmark = false;
		st->reflog.n = 0;
		return 0;
	}
	int err = cor_pg_exec(st, "RELEASE cor_unit", "keeping a unit of work");
	if (err == 0 && st->nreal > 0 && --st->nreal == 0)
		st->reflog.n = 0;
	return err;
}

int cor_pg_copy_undo(struct cor_pg *st)
{
	if (st->vmark) {
		for (int i = 0; i < C__N; i++) {
			st->copy[i].len = st->mark_len[i];
			st->copy[i].rows = st->mark_rows[i];
		}
		st->seq_case = st->mark_seq_case;
		memcpy(st->seqs, st->mark_seqs, sizeof(st->seqs));
		st->rec.case_id = 0; /* what was streamed for it may be undone */
		unlog_refs(st, 0);
		st->vmark = false;
		return 0;
	}
	/* Everything buffered came after the savepoint. */
	cor_pg_copy_reset(st);
	int err = cor_pg_exec(st, "ROLLBACK TO cor_unit", "undoing a unit of work");
	if (err == 0)
		err = cor_pg_exec(st, "RELEASE cor_unit", "keeping a unit of work");
	if (err == 0 && st->nreal > 0) {
		st->nreal--;
		unlog_refs(st, st->log_at[st->nreal]);
	}
	return err;
}

/* ---- rows -------------------------------------------------------------- */

int cor_pg_copy_case(struct cor_pg *st, const struct cor_case *c, int64_t office_id, int64_t *id)
{
	char date[COR_DATE_LEN];
	bool seen;
	int err = ref_seen(st, c->ref, false, &seen);
	if (err < 0)
		return err;
	if (seen)
		return COR_EEXIST;
	if ((err = next_id(st, ID_CASES, id)) < 0 || (err = ref_seen(st, c->ref, true, &seen)) < 0)
		return err;
	struct pg_copy *k = &st->copy[C_CASES];
	if (!put_int(k, *id, false) || !put(k, c->ref, false) || !put(k, c->programme, false) ||
	    !put_int(k, office_id, false) || !put(k, c->origin, false) ||
	    !put(k, c->destination, false) || !put(k, c->state, false) ||
	    !put(k, cor_priority_name(c->priority), false) ||
	    !put(k, cor_date_format(c->registered_on, date), false) || !put_uid(k))
		return oom(st);
	k->rows++;
	st->seq_case = *id;
	st->seqs[0] = st->seqs[1] = 0;
	st->rec.case_id = *id;
	st->rec.sessions = 0;
	st->rec.npersons = 0;
	return maybe_flush(st);
}

int cor_pg_copy_person(struct cor_pg *st, int64_t case_id, const struct cor_person *p, int64_t *id)
{
	char date[COR_DATE_LEN], sex[2] = {p->sex, '\0'};
	int64_t pid;
	int err;
	if (case_id != st->seq_case || p->seq < 1 || p->seq > 99)
		return 1;
	uint64_t bit = 1ull << (p->seq % 64);
	if (st->seqs[p->seq / 64] & bit)
		return COR_EEXIST;
	/* A need given twice would break person_need's key. */
	for (const char *c = p->needs; *c;) {
		size_t n = strcspn(c, ";");
		for (const char *d = c + n + (c[n] == ';'); *d;) {
			size_t m = strcspn(d, ";");
			if (m == n && !strncmp(c, d, n)) {
				cor_pg_msg(st, "adding a specific need: '%.*s' is given twice",
					   (int)n, c);
				return COR_EEXIST;
			}
			d += m + (d[m] == ';');
		}
		c += n + (c[n] == ';');
	}
	if ((err = next_id(st, ID_PERSON, &pid)) < 0)
		return err;
	struct pg_copy *k = &st->copy[C_PERSON];
	if (!put_int(k, pid, false) || !put_int(k, case_id, false) || !put_int(k, p->seq, false) ||
	    !put(k, cor_relationship_name(p->relationship), false) ||
	    !put(k, p->family_name, false) || !put(k, p->given_names, false) ||
	    !put(k, p->family_name_latin, false) || !put(k, p->given_names_latin, false) ||
	    !put(k, sex, false) || !put(k, cor_date_format(p->birth_date, date), false) ||
	    !put(k, p->birth_date_approx ? "1" : "0", false) || !put(k, p->nationality, false) ||
	    !put(k, p->languages, false) || !put_uid(k))
		return oom(st);
	k->rows++;
	struct pg_copy *nk = &st->copy[C_NEED];
	for (const char *c = p->needs; *c;) {
		char code[COR_NEEDS_MAX + 1];
		size_t n = strcspn(c, ";");
		snprintf(code, sizeof(code), "%.*s", (int)n, c);
		if (!put_int(nk, pid, false) || !put(nk, code, true))
			return oom(st);
		nk->rows++;
		c += n + (c[n] == ';');
	}
	st->seqs[p->seq / 64] |= bit;
	if (st->rec.case_id == case_id &&
	    st->rec.npersons < (int)(sizeof(st->rec.p) / sizeof(st->rec.p[0])))
		st->rec.p[st->rec.npersons++] = (struct pg_person_records){.person_id = pid};
	if (id)
		*id = pid;
	return maybe_flush(st);
}

int cor_pg_copy_document(struct cor_pg *st, int64_t person_id, const struct cor_document *d)
{
	char date[COR_DATE_LEN];
	struct pg_copy *k = &st->copy[C_DOCUMENT];
	if (!put_int(k, person_id, false) || !put(k, cor_doc_kind_name(d->kind), false) ||
	    !put(k, d->number, false) || !put(k, d->issuer, false) ||
	    !put(k, d->has_expiry ? cor_date_format(d->expires_on, date) : NULL, false) ||
	    !put_uid(k))
		return oom(st);
	k->rows++;
	return maybe_flush(st);
}

int cor_pg_copy_event(struct cor_pg *st, int64_t case_id, const struct cor_event *e)
{
	struct pg_copy *k = &st->copy[C_EVENT];
	if (!put_int(k, case_id, false) || !put(k, e->at, false) || !put(k, e->actor, false) ||
	    !put(k, e->action, false) || !put(k, e->detail ? e->detail : "", false) ||
	    !put(k, e->reason ? e->reason : "", false) || !put_uid(k))
		return oom(st);
	k->rows++;
	return maybe_flush(st);
}

int cor_pg_copy_key(struct cor_pg *st, int64_t person_id, const char *key)
{
	struct pg_copy *k = &st->copy[C_KEY];
	if (!put(k, key, false) || !put_int(k, person_id, true))
		return oom(st);
	k->rows++;
	return maybe_flush(st);
}

/* ---- the records of the case last added -------------------------------- */

static struct pg_person_records *rec_person(struct cor_pg *st, int64_t person_id)
{
	if (!st->rec.case_id)
		return NULL;
	for (int i = 0; i < st->rec.npersons; i++)
		if (st->rec.p[i].person_id == person_id)
			return &st->rec.p[i];
	return NULL;
}

int cor_pg_copy_session(struct cor_pg *st, int64_t case_id, const struct cor_counselling *c,
			const char *at, const char *actor, int *no)
{
	if (!st->rec.case_id || st->rec.case_id != case_id)
		return 1;
	struct pg_copy *k = &st->copy[C_SESSION];
	int n = st->rec.sessions + 1;
	if (!put_int(k, case_id, false) || !put_int(k, n, false) || !put(k, at, false) ||
	    !put(k, c->counsellor, false) || !put(k, c->language, false) ||
	    !put(k, c->interpreter ? "1" : "0", false) ||
	    !put(k, cor_counselling_decision_name(c->decision), false) ||
	    !put(k, c->asylum_wish ? "1" : "0", false) ||
	    !put(k, c->notes ? c->notes : "", false) || !put(k, actor, false) || !put_uid(k))
		return oom(st);
	k->rows++;
	st->rec.sessions = n;
	*no = n;
	return maybe_flush(st);
}

int cor_pg_copy_assessment(struct cor_pg *st, int64_t person_id, enum cor_protection_level level,
			   const char *grounds, const char *actor, const char *at, int *no)
{
	struct pg_person_records *r = rec_person(st, person_id);
	int64_t id;
	int err;
	if (!r)
		return 1;
	if ((err = next_id(st, ID_ASSESSMENT, &id)) < 0)
		return err;
	struct pg_copy *k = &st->copy[C_ASSESSMENT];
	if (!put_int(k, id, false) || !put_int(k, person_id, false) ||
	    !put(k, cor_protection_level_name(level), false) || !put(k, grounds, false) ||
	    !put(k, actor, false) || !put(k, at, false) || !put_uid(k))
		return oom(st);
	k->rows++;
	r->assessment_id = id;
	r->level = level;
	r->cleared_at[0] = '\0';
	*no = ++r->assessments;
	return maybe_flush(st);
}

int cor_pg_copy_latest(struct cor_pg *st, int64_t person_id, struct cor_protection_latest *l,
		       int64_t *assessment_id)
{
	const struct pg_person_records *r = rec_person(st, person_id);
	if (!r)
		return 1;
	memset(l, 0, sizeof(*l));
	if (assessment_id)
		*assessment_id = r->assessment_id;
	if (r->assessments) {
		l->no = r->assessments;
		l->level = r->level;
		snprintf(l->cleared_at, sizeof(l->cleared_at), "%s", r->cleared_at);
	}
	return 0;
}

int cor_pg_copy_clearance(struct cor_pg *st, int64_t assessment_id, const char *actor,
			  const char *at, const char *reason)
{
	struct pg_person_records *r = NULL;
	for (int i = 0; st->rec.case_id && i < st->rec.npersons && !r; i++)
		if (st->rec.p[i].assessments && st->rec.p[i].assessment_id == assessment_id)
			r = &st->rec.p[i];
	/* A second clearance is the unique key's refusal: the statement's. */
	if (!r || r->cleared_at[0])
		return 1;
	struct pg_copy *k = &st->copy[C_CLEARANCE];
	if (!put_int(k, assessment_id, false) || !put(k, actor, false) || !put(k, at, false) ||
	    !put(k, reason, false) || !put_uid(k))
		return oom(st);
	k->rows++;
	snprintf(r->cleared_at, sizeof(r->cleared_at), "%s", at);
	return maybe_flush(st);
}

int cor_pg_copy_check(struct cor_pg *st, int64_t person_id, const struct cor_health_check *h,
		      const char *actor, const char *now, int64_t *id)
{
	char at[COR_HEALTH_TIME_LEN];
	int64_t cid;
	int err;
	if (!rec_person(st, person_id))
		return 1;
	if ((err = next_id(st, ID_CHECK, &cid)) < 0)
		return err;
	struct pg_copy *k = &st->copy[C_CHECK];
	if (!put_int(k, cid, false) || !put_int(k, person_id, false) ||
	    !put(k, cor_health_kind_name(h->kind), false) ||
	    !put(k, cor_health_time_format(h->at, at), false) ||
	    !put(k, cor_health_outcome_name(h->outcome), false) ||
	    !put(k, cor_health_tb_name(h->tb), false) || !put(k, h->examiner, false) ||
	    !put(k, actor, false) || !put(k, now, false) || !put_uid(k))
		return oom(st);
	k->rows++;
	struct pg_copy *ck = &st->copy[C_CONDITION];
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++)
		if (h->conditions & COR_HEALTH_COND_BIT(c)) {
			if (!put_int(ck, cid, false) ||
			    !put(ck, cor_health_condition_name(c), true))
				return oom(st);
			ck->rows++;
		}
	if (id)
		*id = cid;
	return maybe_flush(st);
}

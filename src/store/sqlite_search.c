// SPDX-License-Identifier: Apache-2.0
// SQLite side of search records (store/store_search.h), on the tables of
// migration 10 (migrations.c): records only.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/fold.h"
#include "store/store_search_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

/* A prefix's range ends before its last code point appended (U+10FFFF);
 * an equality's before "\x01" appended (keys hold no control character). */
#define LAST_CODE_POINT "\xf4\x8f\xbf\xbf"

#define KEY_ROW  "(?, ?)"
#define KEY_ROWS 8

static const char sql_key_add[] = "INSERT OR IGNORE INTO person_key (key, person_id) VALUES (?, ?)";
static const char sql_key_add_n[] =
	"INSERT OR IGNORE INTO person_key (key, person_id) VALUES " KEY_ROW ", " KEY_ROW
	", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW ", " KEY_ROW;

static const char sql_ids[] = "SELECT person_id FROM person_key"
			      " WHERE key >= ?1 AND key < ?2 ORDER BY key, person_id LIMIT ?3";

/* The columns of a person found, in the order read_found reads them. */
#define FOUND_COLS                                                                                 \
	"p.id, c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state,"                \
	" c.priority, c.registered_on, p.seq, p.relationship, p.family_name, p.given_names,"       \
	" p.family_name_latin, p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx,"     \
	" p.nationality, p.languages"
#define FOUND_FROM " person p JOIN cases c ON c.id = p.case_id JOIN office o ON o.id = c.office_id"

static const char sql_key_persons[] =
	"SELECT " FOUND_COLS " FROM person_key k JOIN" FOUND_FROM
	" WHERE k.key >= ?1 AND k.key < ?2 AND p.id = k.person_id AND (?3 IS NULL OR o.code = ?3)"
	" ORDER BY k.key, k.person_id LIMIT ?4";
static const char sql_ref_persons[] =
	"SELECT " FOUND_COLS " FROM" FOUND_FROM
	" WHERE c.ref >= ?1 AND c.ref < ?2 AND p.seq = 1 AND (?3 IS NULL OR o.code = ?3)"
	" ORDER BY c.ref LIMIT ?4";
static const char sql_by_id[] = "SELECT " FOUND_COLS " FROM" FOUND_FROM " WHERE p.id = ?1";
static const char sql_shared[] = "SELECT key, group_concat(person_id) FROM person_key"
				 " WHERE key >= ?1 AND key < ?2 GROUP BY key HAVING count(*) > 1";
static const char sql_distinct_add[] =
	"INSERT INTO person_distinct (person_a, person_b, reason, marked_at, marked_by, uid)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char sql_distinct_each[] = "SELECT person_a, person_b FROM person_distinct";

/* Bind key's range at 1 and 2: its prefix range, or its equality. */
static void bind_range(sqlite3_stmt *s, const char *key, bool prefix, char *hi, size_t len)
{
	snprintf(hi, len, "%s%s", key, prefix ? LAST_CODE_POINT : "\x01");
	cor_sqlite_bind_text(s, 1, key);
	cor_sqlite_bind_text(s, 2, hi);
}

static void read_found(sqlite3_stmt *s, struct cor_person_found *out)
{
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
	cor_person_ref_format(out->ref, sizeof(out->ref), c->ref, p->seq);
}

/* ---- the keys of a large write, staged in memory ------------------------
 *
 * A large write (an import, the demo) adds millions of keys. Inserted one
 * by one they would land at random places of person_key's B-tree; handed
 * to SQLite's sorter (a temporary table ordered at the commit) they cost
 * some ten seconds a million persons in record comparisons. So they are
 * kept here: each distinct key once (a hash table of interned strings),
 * each row as two 32-bit numbers (the key's number, the person's id less
 * the first id staged). At the commit the distinct keys are sorted, the
 * rows counted into key order (a counting sort: the rows of one key keep
 * the order they came in, which is the persons' order), and written in
 * that order, which appends to the B-tree's pages instead of searching
 * them. Eight bytes a row and some 30 a distinct key, with the sort's
 * arrays: held whole, the keys of a million persons would take some 170 MB.
 * So every STAGE_ROWS rows, between units of work, the stage is written as
 * a sorted run of its own and starts again: the import of a million
 * persons peaks at about 90 MB, as fast as with one run (each run lands in
 * order, the later ones among the pages of the earlier). A unit of work
 * undone takes its rows away (marks, below). */

#define STAGE_MARKS 16
/* Rows staged before they are written as a run: a million persons make
 * some eight million, written in eight runs. Debug builds (the tests)
 * write runs of 4,096 rows, so that a test's few thousand persons go
 * through several runs, sealed and sorted as a million would. */
#ifdef NDEBUG
#define STAGE_ROWS (1u << 20)
#else
#define STAGE_ROWS (1u << 12)
#endif

struct cor_key_stage {
	/* Distinct keys: text in blocks, kid -> its text. */
	char **text;
	uint32_t nkeys, capkeys;
	uint32_t *slot; /* open addressing: kid + 1, 0 empty */
	uint32_t nslots;
	char *block;
	size_t blockused, blockcap;
	char **blocks;
	size_t nblocks, capblocks;
	/* Rows. */
	uint32_t *kid, *pid;
	size_t nrows, caprows;
	int64_t base;
	bool has_base;
	size_t mark[STAGE_MARKS];
	int nmarks;
	/* The rows sorted (stage_sort), NULL until then. */
	uint32_t *order, *pids;
	size_t *at;
};

static uint32_t key_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void stage_free(struct cor_key_stage *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->nblocks; i++)
		free(k->blocks[i]);
	free(k->blocks);
	free(k->text);
	free(k->slot);
	free(k->kid);
	free(k->pid);
	free(k->order);
	free(k->pids);
	free(k->at);
	free(k);
}

/* Room for len more bytes of key text; NULL when out of memory. */
static char *stage_text(struct cor_key_stage *k, size_t len)
{
	if (k->block && k->blockused + len <= k->blockcap) {
		char *at = k->block + k->blockused;
		k->blockused += len;
		return at;
	}
	if (k->nblocks == k->capblocks) {
		size_t cap = k->capblocks ? 2 * k->capblocks : 64;
		char **b = realloc(k->blocks, cap * sizeof(*b));
		if (!b)
			return NULL;
		k->blocks = b;
		k->capblocks = cap;
	}
	size_t cap = len > (1u << 20) ? len : (1u << 20);
	if (!(k->block = malloc(cap)))
		return NULL;
	k->blocks[k->nblocks++] = k->block;
	k->blockcap = cap;
	k->blockused = len;
	return k->block;
}

static bool stage_grow_slots(struct cor_key_stage *k)
{
	uint32_t n = k->nslots ? 2 * k->nslots : 1u << 16;
	uint32_t *slot = calloc(n, sizeof(*slot));
	if (!slot)
		return false;
	for (uint32_t i = 0; i < k->nkeys; i++) {
		uint32_t h = key_hash(k->text[i]) & (n - 1);
		while (slot[h])
			h = (h + 1) & (n - 1);
		slot[h] = i + 1;
	}
	free(k->slot);
	k->slot = slot;
	k->nslots = n;
	return true;
}

/* The number of key (added when new); false when out of memory. */
static bool stage_key(struct cor_key_stage *k, const char *key, uint32_t *kid)
{
	if (2 * (k->nkeys + 1) > k->nslots && !stage_grow_slots(k))
		return false;
	uint32_t h = key_hash(key) & (k->nslots - 1);
	for (; k->slot[h]; h = (h + 1) & (k->nslots - 1))
		if (!strcmp(k->text[k->slot[h] - 1], key)) {
			*kid = k->slot[h] - 1;
			return true;
		}
	if (k->nkeys == k->capkeys) {
		uint32_t cap = k->capkeys ? 2 * k->capkeys : 1u << 14;
		char **t = realloc(k->text, cap * sizeof(*t));
		if (!t)
			return false;
		k->text = t;
		k->capkeys = cap;
	}
	size_t len = strlen(key) + 1;
	char *at = stage_text(k, len);
	if (!at)
		return false;
	memcpy(at, key, len);
	k->text[k->nkeys] = at;
	k->slot[h] = ++k->nkeys;
	*kid = k->nkeys - 1;
	return true;
}

static bool stage_row(struct cor_key_stage *k, uint32_t kid, uint32_t pid)
{
	if (k->nrows == k->caprows) {
		size_t cap = k->caprows ? 2 * k->caprows : 1u << 16;
		uint32_t *a = realloc(k->kid, cap * sizeof(*a));
		if (!a)
			return false;
		k->kid = a;
		uint32_t *b = realloc(k->pid, cap * sizeof(*b));
		if (!b)
			return false;
		k->pid = b;
		k->caprows = cap;
	}
	k->kid[k->nrows] = kid;
	k->pid[k->nrows++] = pid;
	return true;
}

/* Can person_id be staged (as an offset of 32 bits from the first id)? */
static bool stage_fits(struct cor_key_stage *k, int64_t person_id)
{
	if (!k->has_base) {
		k->base = person_id;
		k->has_base = true;
	}
	return person_id >= k->base && person_id - k->base <= (int64_t)UINT32_MAX;
}

/* ---- a bulk write's keys, folded and staged on a thread of their own -----
 *
 * In a bulk write (the demo) the folding of names (ICU), the staging and
 * the sorting of the runs take a fifth of the time; a second core does
 * them while this one writes the records. The writer hands persons and
 * folded keys over in batches of JOBS (one wake-up a batch, not a job);
 * the worker folds and stages them into st->stage, which it alone touches
 * until the writer waits for it to be idle (keys_quiet): before any other
 * use of the stage (a mark, a run, the commit). The rows staged are those
 * the writer would have staged, in the same order. A full stage is sealed
 * (stage_spill): the worker sorts it while the writer goes on, and the
 * writer writes it as a run at its next person outside a unit of work.
 * person_key ends with the same rows (its order is its key's); only where
 * one run ends and the next begins moves. */

#define JOBS    256
#define BATCHES 4

static bool stage_sort(struct cor_key_stage *k);

struct key_job {
	uint32_t pid; /* less the stage's base */
	bool person;  /* p's keys to fold, else key */
	union {
		struct cor_person p;
		char key[COR_KEY_MAX];
	} u;
};

struct key_batch {
	struct key_job job[JOBS];
	int n;
};

struct cor_key_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	struct key_batch batch[BATCHES];
	/* Batches handed over, in order (indexes into batch), and free. */
	int queue[BATCHES], nqueue;
	int free_[BATCHES], nfree;
	int filling; /* the batch the writer fills, -1 none */
	bool busy;   /* the worker is staging a batch */
	bool stop;
	int err; /* the worker's failure (COR_ENOMEM), kept for the writer */
	struct cor_key_stage *stage;
	atomic_size_t rows; /* rows staged so far, for the writer to spill */
	/* A full stage the worker sorts (stage_sort) for the writer to write
	 * as a run when it is sorted and no unit of work is open. */
	struct cor_key_stage *sealed;
	atomic_bool sorted;
};

/* Stage one job's rows; false when out of memory. */
static bool stage_job(struct cor_key_stage *k, const struct key_job *j)
{
	uint32_t kid;
	if (!j->person)
		return stage_key(k, j->u.key, &kid) && stage_row(k, kid, j->pid);
	struct cor_keys keys;
	cor_fold_person_keys(&j->u.p, &keys);
	for (int i = 0; i < keys.n; i++)
		if (keys.key[i][0] &&
		    (!stage_key(k, keys.key[i], &kid) || !stage_row(k, kid, j->pid)))
			return false;
	return true;
}

static void *worker_main(void *arg)
{
	struct cor_key_worker *w = arg;
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->nqueue && !(w->sealed && !atomic_load(&w->sorted)) && !w->stop)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->sealed && !atomic_load(&w->sorted)) {
			struct cor_key_stage *k = w->sealed;
			w->busy = true;
			pthread_mutex_unlock(&w->lock);
			bool ok = stage_sort(k);
			pthread_mutex_lock(&w->lock);
			if (!ok && !w->err)
				w->err = COR_ENOMEM;
			atomic_store(&w->sorted, true);
			w->busy = false;
			pthread_cond_signal(&w->done);
			continue;
		}
		if (!w->nqueue)
			break;
		int b = w->queue[0];
		memmove(w->queue, w->queue + 1, (size_t)--w->nqueue * sizeof(w->queue[0]));
		w->busy = true;
		struct cor_key_stage *k = w->stage;
		bool failed = w->err != 0;
		pthread_mutex_unlock(&w->lock);
		for (int i = 0; i < w->batch[b].n && !failed; i++)
			failed = !stage_job(k, &w->batch[b].job[i]);
		atomic_store(&w->rows, k->nrows);
		pthread_mutex_lock(&w->lock);
		if (failed && !w->err)
			w->err = COR_ENOMEM;
		w->batch[b].n = 0;
		w->free_[w->nfree++] = b;
		w->busy = false;
		pthread_cond_signal(&w->done);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Hand the batch being filled over to the worker. Under lock. */
static void worker_hand(struct cor_key_worker *w)
{
	if (w->filling < 0)
		return;
	if (w->batch[w->filling].n) {
		w->queue[w->nqueue++] = w->filling;
		pthread_cond_signal(&w->work);
	} else {
		w->free_[w->nfree++] = w->filling;
	}
	w->filling = -1;
}

/* Wait until the worker has staged every job handed over: the stage is
 * the writer's again. Its failure, if any, with a message. */
static int keys_quiet(struct cor_store *st)
{
	struct cor_key_worker *w = st->worker;
	if (!w)
		return 0;
	pthread_mutex_lock(&w->lock);
	worker_hand(w);
	while (w->nqueue || w->busy || (w->sealed && !atomic_load(&w->sorted)))
		pthread_cond_wait(&w->done, &w->lock);
	int err = w->err;
	pthread_mutex_unlock(&w->lock);
	if (err)
		cor_sqlite_msg(st, "indexing names: out of memory");
	return err;
}

static void worker_stop(struct cor_store *st)
{
	struct cor_key_worker *w = st->worker;
	if (!w)
		return;
	keys_quiet(st);
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	stage_free(w->sealed);
	pthread_cond_destroy(&w->work);
	pthread_cond_destroy(&w->done);
	pthread_mutex_destroy(&w->lock);
	free(w);
	st->worker = NULL;
}

static int worker_start(struct cor_store *st)
{
	struct cor_key_worker *w = calloc(1, sizeof(*w));
	if (!w) {
		cor_sqlite_msg(st, "indexing names: out of memory");
		return COR_ENOMEM;
	}
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->done, NULL);
	for (int i = 0; i < BATCHES; i++)
		w->free_[w->nfree++] = i;
	w->filling = -1;
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		pthread_cond_destroy(&w->work);
		pthread_cond_destroy(&w->done);
		pthread_mutex_destroy(&w->lock);
		free(w);
		cor_sqlite_msg(st, "indexing names: no thread to fold them on");
		return COR_EIO;
	}
	st->worker = w;
	return 0;
}

static int stage_spill(struct cor_store *st);
static int stage_write(struct cor_store *st, struct cor_key_stage *k);

/* Write the run the worker sorted, if any; the writer's, between units of
 * work. */
static int sealed_write(struct cor_store *st)
{
	struct cor_key_worker *w = st->worker;
	if (!w || !w->sealed || !atomic_load(&w->sorted))
		return 0;
	pthread_mutex_lock(&w->lock);
	struct cor_key_stage *k = w->sealed;
	w->sealed = NULL;
	pthread_mutex_unlock(&w->lock);
	int err = stage_write(st, k);
	stage_free(k);
	return err;
}

/* A job for the writer to fill in. Its batch goes to the worker when full,
 * at the next job (once this one is filled) or at keys_quiet. */
static struct key_job *worker_job(struct cor_store *st, int64_t person_id)
{
	struct cor_key_worker *w = st->worker;
	if (w->filling >= 0 && w->batch[w->filling].n == JOBS) {
		pthread_mutex_lock(&w->lock);
		worker_hand(w);
		pthread_mutex_unlock(&w->lock);
	}
	if (w->filling < 0) {
		pthread_mutex_lock(&w->lock);
		while (!w->nfree)
			pthread_cond_wait(&w->done, &w->lock);
		w->filling = w->free_[--w->nfree];
		w->stage = st->stage;
		pthread_mutex_unlock(&w->lock);
	}
	struct key_batch *b = &w->batch[w->filling];
	struct key_job *j = &b->job[b->n++];
	j->pid = (uint32_t)(person_id - st->stage->base);
	return j;
}

/* May person_id's keys go to the worker? It is started on first use. */
static bool worker_takes(struct cor_store *st, int64_t person_id, int *err)
{
	*err = 0;
	if (!st->bulk || !st->stage_keys || !st->stage)
		return false;
	if (!st->worker && (*err = worker_start(st)) < 0)
		return false;
	/* A stage of STAGE_ROWS rows is written as a run first (outside any
	 * unit of work); the base of the next is set here, by the writer. */
	if (st->stage->nmarks == 0 &&
	    ((*err = sealed_write(st)) < 0 ||
	     (atomic_load(&st->worker->rows) >= STAGE_ROWS && (*err = stage_spill(st)) < 0)))
		return false;
	return stage_fits(st->stage, person_id);
}

int cor_sqlite_keys_stage(struct cor_store *st)
{
	if (st->stage)
		return 0;
	if (!(st->stage = calloc(1, sizeof(*st->stage)))) {
		cor_sqlite_msg(st, "indexing names: out of memory");
		return COR_ENOMEM;
	}
	return 0;
}

void cor_sqlite_keys_drop(struct cor_store *st)
{
	worker_stop(st);
	stage_free(st->stage);
	st->stage = NULL;
}

/* Outside any unit of work, a stage that holds STAGE_ROWS rows is written
 * (a sorted run of its own) and starts again empty. */
static int stage_spill(struct cor_store *st)
{
	int err = keys_quiet(st);
	struct cor_key_stage *k = st->stage;
	if (err < 0 || !k || k->nmarks > 0 || k->nrows < STAGE_ROWS)
		return err;
	st->stage = NULL;
	struct cor_key_worker *w = st->worker;
	if (w) {
		/* The worker sorts it while the writer goes on; the run before
		 * it, sorted by now (keys_quiet), goes in first. */
		if ((err = sealed_write(st)) < 0) {
			stage_free(k);
			return err;
		}
		atomic_store(&w->rows, 0);
		pthread_mutex_lock(&w->lock);
		w->sealed = k;
		atomic_store(&w->sorted, false);
		pthread_cond_signal(&w->work);
		pthread_mutex_unlock(&w->lock);
		return cor_sqlite_keys_stage(st);
	}
	err = stage_write(st, k);
	stage_free(k);
	return err < 0 ? err : cor_sqlite_keys_stage(st);
}

int cor_sqlite_keys_mark(struct cor_store *st)
{
	int err = stage_spill(st);
	if (err < 0)
		return err;
	struct cor_key_stage *k = st->stage;
	if (!k)
		return 0;
	if (k->nmarks == STAGE_MARKS) {
		cor_sqlite_msg(st, "marking a unit of work: too many units inside each other");
		return COR_EINVAL;
	}
	k->mark[k->nmarks++] = k->nrows;
	return 0;
}

void cor_sqlite_keys_release(struct cor_store *st)
{
	keys_quiet(st);
	if (st->stage && st->stage->nmarks > 0)
		st->stage->nmarks--;
}

void cor_sqlite_keys_undo(struct cor_store *st)
{
	keys_quiet(st);
	struct cor_key_stage *k = st->stage;
	if (k && k->nmarks > 0)
		k->nrows = k->mark[k->nmarks - 1];
}

/* The stage qsort's comparator reads (the worker's or the writer's). */
static _Thread_local const struct cor_key_stage *sort_stage;

static int by_text(const void *a, const void *b)
{
	return strcmp(sort_stage->text[*(const uint32_t *)a],
		      sort_stage->text[*(const uint32_t *)b]);
}

static int by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sort the staged rows into key, then person order: the keys in byte
 * order (SQLite's BINARY collation) in k->order, key r's rows from
 * k->at[r] to k->at[r + 1] in k->pids. false when out of memory. */
static bool stage_sort(struct cor_key_stage *k)
{
	uint32_t *order = malloc(((size_t)k->nkeys + 1) * sizeof(*order));
	size_t *at = calloc((size_t)k->nkeys + 1, sizeof(*at));
	uint32_t *rank = malloc(((size_t)k->nkeys + 1) * sizeof(*rank));
	uint32_t *pids = malloc((k->nrows + 1) * sizeof(*pids));
	size_t *next = malloc(((size_t)k->nkeys + 1) * sizeof(*next));
	if (!order || !at || !rank || !pids || !next) {
		free(order);
		free(at);
		free(rank);
		free(pids);
		free(next);
		return false;
	}
	for (uint32_t i = 0; i < k->nkeys; i++)
		order[i] = i;
	sort_stage = k;
	qsort(order, k->nkeys, sizeof(*order), by_text);
	for (uint32_t r = 0; r < k->nkeys; r++)
		rank[order[r]] = r;
	/* Rows counted into key order: at[r] is where key r's rows begin. */
	for (size_t i = 0; i < k->nrows; i++)
		at[rank[k->kid[i]] + 1]++;
	for (uint32_t r = 0; r < k->nkeys; r++)
		at[r + 1] += at[r];
	memcpy(next, at, ((size_t)k->nkeys + 1) * sizeof(*next));
	for (size_t i = 0; i < k->nrows; i++)
		pids[next[rank[k->kid[i]]]++] = k->pid[i];
	/* A sorted stage takes no more rows: the rows as staged and the hash
	 * of the keys go (while the worker sorts a stage the writer fills
	 * the next, and both are held). */
	free(k->kid);
	free(k->pid);
	free(k->slot);
	k->kid = k->pid = k->slot = NULL;
	k->caprows = 0;
	k->nslots = 0;
	for (uint32_t r = 0; r < k->nkeys; r++) {
		size_t lo = at[r], hi = at[r + 1];
		bool sorted = true;
		for (size_t i = lo + 1; i < hi && sorted; i++)
			sorted = pids[i - 1] <= pids[i];
		if (!sorted)
			qsort(pids + lo, hi - lo, sizeof(*pids), by_u32);
	}
	free(rank);
	free(next);
	k->order = order;
	k->at = at;
	k->pids = pids;
	return true;
}

/* Write the staged rows into person_key in key, then person order (sorted
 * first unless the worker sorted them). */
static int stage_write(struct cor_store *st, struct cor_key_stage *k)
{
	if (!k->order && !stage_sort(k)) {
		cor_sqlite_msg(st, "indexing names: out of memory");
		return COR_ENOMEM;
	}
	const uint32_t *order = k->order, *pids = k->pids;
	const size_t *at = k->at;
	int err = 0;
	/* The rows go in batches of KEY_ROWS; a key's person written once. */
	const char *batch_key[KEY_ROWS];
	int64_t batch_pid[KEY_ROWS];
	int nb = 0;
	for (uint32_t r = 0; r < k->nkeys && err == 0; r++) {
		size_t lo = at[r], hi = at[r + 1];
		for (size_t i = lo; i < hi && err == 0; i++) {
			if (i > lo && pids[i] == pids[i - 1])
				continue;
			batch_key[nb] = k->text[order[r]];
			batch_pid[nb++] = k->base + (int64_t)pids[i];
			if (nb < KEY_ROWS)
				continue;
			sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_add_n);
			if (!s) {
				err = cor_sqlite_fail(st, sqlite3_errcode(st->db),
						      "indexing names");
				break;
			}
			for (int b = 0; b < KEY_ROWS; b++) {
				cor_sqlite_bind_text(s, 2 * b + 1, batch_key[b]);
				sqlite3_bind_int64(s, 2 * b + 2, batch_pid[b]);
			}
			err = cor_sqlite_step_done(st, s, "indexing names");
			nb = 0;
		}
	}
	for (int b = 0; b < nb && err == 0; b++) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_add);
		if (!s) {
			err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
			break;
		}
		cor_sqlite_bind_text(s, 1, batch_key[b]);
		sqlite3_bind_int64(s, 2, batch_pid[b]);
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	return err;
}

int cor_sqlite_keys_flush(struct cor_store *st)
{
	int err = keys_quiet(st);
	if (err == 0)
		err = sealed_write(st);
	worker_stop(st);
	struct cor_key_stage *k = st->stage;
	if (!k)
		return err;
	st->stage = NULL;
	if (err == 0 && k->nrows)
		err = stage_write(st, k);
	stage_free(k);
	return err;
}

static int sq_keys_add(struct cor_store *st, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX]);

/* A person's keys: folded by the worker in a bulk write, here otherwise. */
static int sq_person_keys_add(struct cor_store *st, int64_t person_id, const struct cor_person *p)
{
	int err;
	if (worker_takes(st, person_id, &err)) {
		struct key_job *j = worker_job(st, person_id);
		j->person = true;
		j->u.p = *p;
		return 0;
	}
	if (err < 0)
		return err;
	struct cor_keys k;
	cor_fold_person_keys(p, &k);
	return k.n > 0 ? sq_keys_add(st, person_id, k.n, (const char(*)[COR_KEY_MAX])k.key) : 0;
}

static int sq_keys_remove(struct cor_store *st, int64_t person_id, int n,
			  const char (*keys)[COR_KEY_MAX])
{
	int err = 0;
	for (int i = 0; (n < 0 ? i < 1 : i < n) && err == 0; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(
			st, n < 0 ? "DELETE FROM person_key WHERE person_id = ?1"
				  : "DELETE FROM person_key WHERE person_id = ?1 AND key = ?2");
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		sqlite3_bind_int64(s, 1, person_id);
		if (n >= 0)
			cor_sqlite_bind_text(s, 2, keys[i]);
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	return err;
}

static int sq_keys_add(struct cor_store *st, int64_t person_id, int n,
		       const char (*keys)[COR_KEY_MAX])
{
	int i = 0, err = 0;
	if (worker_takes(st, person_id, &err)) {
		for (; i < n; i++) {
			if (!keys[i][0])
				continue;
			struct key_job *j = worker_job(st, person_id);
			j->person = false;
			memcpy(j->u.key, keys[i], COR_KEY_MAX);
		}
		return 0;
	}
	if (err < 0 || (err = keys_quiet(st)) < 0)
		return err;
	if (st->stage_keys &&
	    ((err = cor_sqlite_keys_stage(st)) < 0 || (err = stage_spill(st)) < 0))
		return err;
	if (st->stage_keys && stage_fits(st->stage, person_id)) {
		for (; i < n; i++) {
			uint32_t kid;
			if (!keys[i][0])
				continue;
			if (!stage_key(st->stage, keys[i], &kid) ||
			    !stage_row(st->stage, kid, (uint32_t)(person_id - st->stage->base))) {
				cor_sqlite_msg(st, "indexing names: out of memory");
				return COR_ENOMEM;
			}
		}
		return 0;
	}
	for (; n - i >= KEY_ROWS && err == 0; i += KEY_ROWS) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_add_n);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		for (int k = 0; k < KEY_ROWS; k++) {
			cor_sqlite_bind_text(s, 2 * k + 1, keys[i + k]);
			sqlite3_bind_int64(s, 2 * k + 2, person_id);
		}
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	for (; i < n && err == 0; i++) {
		sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_add);
		if (!s)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "indexing names");
		cor_sqlite_bind_text(s, 1, keys[i]);
		sqlite3_bind_int64(s, 2, person_id);
		err = cor_sqlite_step_done(st, s, "indexing names");
	}
	return err;
}

static int sq_keys_ids(struct cor_store *st, const char *key, bool prefix, long max, int64_t *ids,
		       long *n)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_ids);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching names");
	bind_range(s, key, prefix, hi, sizeof(hi));
	sqlite3_bind_int64(s, 3, max);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		ids[(*n)++] = sqlite3_column_int64(s, 0);
	int err = rc == SQLITE_ROW || rc == SQLITE_DONE
			  ? 0
			  : cor_sqlite_fail(st, rc, "searching names");
	sqlite3_reset(s);
	return err;
}

/* Step s, each row to cb as a person found. */
static int each_found(struct cor_store *st, sqlite3_stmt *s,
		      int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx,
		      const char *what)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person_found f;
		read_found(s, &f);
		if ((ret = cb(&f, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, what);
	sqlite3_reset(s);
	return ret;
}

static int sq_keys_persons(struct cor_store *st, const char *key, bool prefix, const char *office,
			   long limit, int (*cb)(const struct cor_person_found *f, void *ctx),
			   void *ctx)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_key_persons);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching names");
	bind_range(s, key, prefix, hi, sizeof(hi));
	cor_sqlite_bind_opt(s, 3, office);
	sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
	return each_found(st, s, cb, ctx, "searching names");
}

static int sq_ref_persons(struct cor_store *st, const char *prefix, const char *office, long limit,
			  int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_ref_persons);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "searching case IDs");
	bind_range(s, prefix, true, hi, sizeof(hi));
	cor_sqlite_bind_opt(s, 3, office);
	sqlite3_bind_int64(s, 4, limit > 0 ? limit : -1);
	return each_found(st, s, cb, ctx, "searching case IDs");
}

static int sq_keys_shared(struct cor_store *st, const char *prefix,
			  int (*cb)(const char *key, int n, const int64_t *ids, void *ctx),
			  void *ctx)
{
	enum { MAX_IDS = 64 };
	char hi[COR_KEY_MAX + 8];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_shared);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "finding shared keys");
	bind_range(s, prefix, true, hi, sizeof(hi));
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t ids[MAX_IDS];
		int n = 0;
		const char *list = (const char *)sqlite3_column_text(s, 1);
		for (char *e; list && *list && n < MAX_IDS; list = *e ? e + 1 : e)
			ids[n++] = strtoll(list, &e, 10);
		if ((ret = cb((const char *)sqlite3_column_text(s, 0), n, ids, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "finding shared keys");
	sqlite3_reset(s);
	return ret;
}

static int sq_person_by_id(struct cor_store *st, int64_t person_id, struct cor_person_found *out)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_by_id);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a person");
	sqlite3_bind_int64(s, 1, person_id);
	int rc = sqlite3_step(s), err = 0;
	if (rc == SQLITE_ROW) {
		read_found(s, out);
	} else if (rc == SQLITE_DONE) {
		cor_sqlite_msg(st, "no person %lld", (long long)person_id);
		err = COR_ENOTFOUND;
	} else {
		err = cor_sqlite_fail(st, rc, "reading a person");
	}
	sqlite3_reset(s);
	return err;
}

/* In-process: one read of the id's primary key each is as fast as any. */
static int sq_persons_by_ids(struct cor_store *st, int n, const int64_t *ids,
			     int (*cb)(const struct cor_person_found *f, void *ctx), void *ctx)
{
	int ret = 0;
	for (int i = 0; i < n && ret == 0; i++) {
		struct cor_person_found f;
		ret = sq_person_by_id(st, ids[i], &f);
		if (ret == COR_ENOTFOUND)
			ret = 0;
		else if (ret == 0)
			ret = cb(&f, ctx);
	}
	return ret;
}

static int sq_distinct_add(struct cor_store *st, int64_t a, int64_t b, const char *reason,
			   const char *actor)
{
	char at[COR_TIME_LEN];
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_distinct_add);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "marking persons distinct");
	sqlite3_bind_int64(s, 1, a);
	sqlite3_bind_int64(s, 2, b);
	cor_sqlite_bind_text(s, 3, reason);
	cor_sqlite_bind_text(s, 4, cor_store_now(st, at));
	cor_sqlite_bind_text(s, 5, actor);
	int err = cor_sqlite_bind_uid(st, s, 6);
	if (err == 0)
		err = cor_sqlite_step_done(st, s, "marking persons distinct");
	if (err == COR_EEXIST)
		cor_sqlite_msg(st, "the pair is marked distinct already");
	return err;
}

static int sq_distinct_each(struct cor_store *st, int (*cb)(int64_t a, int64_t b, void *ctx),
			    void *ctx)
{
	sqlite3_stmt *s = cor_sqlite_stmt(st, sql_distinct_each);
	if (!s)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading distinct pairs");
	int rc, ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((ret = cb(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), ctx)) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading distinct pairs");
	sqlite3_reset(s);
	return ret;
}

/* The keys of the persons and documents already there, in the migration's
 * transaction. */
static int backfill(struct cor_store *st);

static int sq_backfill(struct cor_store *st)
{
	bool was = st->stage_keys;
	st->stage_keys = true;
	int err = backfill(st);
	st->stage_keys = was;
	if (err == 0)
		err = cor_sqlite_keys_flush(st);
	cor_sqlite_keys_drop(st);
	return err;
}

static int backfill(struct cor_store *st)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db,
				    "SELECT id, family_name, given_names, family_name_latin,"
				    " given_names_latin, birth_date FROM person ORDER BY id",
				    -1, &s, NULL),
	    err = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "indexing the names there");
	while (err == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		cor_sqlite_copy_col(p.family_name, sizeof(p.family_name), s, 1);
		cor_sqlite_copy_col(p.given_names, sizeof(p.given_names), s, 2);
		cor_sqlite_copy_col(p.family_name_latin, sizeof(p.family_name_latin), s, 3);
		cor_sqlite_copy_col(p.given_names_latin, sizeof(p.given_names_latin), s, 4);
		cor_date_parse((const char *)sqlite3_column_text(s, 5), &p.birth_date);
		err = cor_store_person_keys_add(st, sqlite3_column_int64(s, 0), &p);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "indexing the names there");
	sqlite3_finalize(s);
	if (err < 0)
		return err;
	rc = sqlite3_prepare_v2(st->db, "SELECT person_id, kind, number FROM document ORDER BY id",
				-1, &s, NULL);
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "indexing the documents there");
	while (err == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_document d;
		int64_t pid = sqlite3_column_int64(s, 0);
		memset(&d, 0, sizeof(d));
		if (cor_doc_kind_parse((const char *)sqlite3_column_text(s, 1), &d.kind) < 0)
			continue;
		cor_sqlite_copy_col(d.number, sizeof(d.number), s, 2);
		err = cor_store_doc_keys_add(st, 1, &pid, &d);
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(st, rc, "indexing the documents there");
	sqlite3_finalize(s);
	return err;
}

const struct cor_store_search_ops cor_sqlite_search_ops = {
	.keys_add = sq_keys_add,
	.person_keys_add = sq_person_keys_add,
	.keys_remove = sq_keys_remove,
	.keys_ids = sq_keys_ids,
	.keys_persons = sq_keys_persons,
	.ref_persons = sq_ref_persons,
	.keys_shared = sq_keys_shared,
	.person_by_id = sq_person_by_id,
	.persons_by_ids = sq_persons_by_ids,
	.distinct_add = sq_distinct_add,
	.distinct_each = sq_distinct_each,
	.backfill = sq_backfill,
};

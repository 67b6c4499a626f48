// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL side of store_facts.h: the same passes as SQLite's
// (sqlite_facts.c), each a cursor read FETCH_ROWS rows at a time in one
// read transaction and merged in C, rows given to the builder of
// store_facts_ops.h. What the facts mean is decided there and above.
//
// How the passes fit:
//  - one cursor over the selected cases in id order (with their office's
//    code); per case, in case id order: its persons in seq order (the
//    person's whole row), counselling sessions, open referrals;
//  - per person, in person id order: documents, specific needs, health
//    checks (with the conditions of a check with conditions), protection
//    assessments with their clearance;
//  - a selection of cases (programme, office, state) is applied by the
//    server to every pass, so that only the rows of selected cases travel;
//  - each pass moves forward only: a case or person takes the rows of its
//    id, and rows of ids not asked for are stepped over. A person met out of
//    person id order (written after a person of a later case) is read with
//    queries of its own, so the result never depends on the order;
//  - one case (cor_store_facts_case) reads each pass with one query.
// Invariants: no query per case or per person in order; memory is one batch
// per pass and one case; every cursor is closed and the read transaction
// the call began (outside one) ended before it returns.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_int.h"
#include "store/store_facts_ops.h"
#include "util/error.h"

#define ROWS(a)    (sizeof(a) / sizeof((a)[0]))
#define FETCH_ROWS 20000
#define PG(st)     ((struct cor_pg *)(void *)(st))

/* ---- Statements ------------------------------------------------------------
 * Each pass has the same columns whether over every case (_all), a
 * selection ($1 programme, $2 office code, $3 state; _sel) or one case ($1
 * its id; _one); column 0 is the key rows are merged on. Person passes also
 * have a query for one person ($1 its id; _person). */

#define FILTER                                                                                     \
	"($1::text IS NULL OR c.programme = $1) AND ($2::text IS NULL OR o.code = $2)"             \
	" AND ($3::text IS NULL OR c.state = $3)"
#define SEL_CASES   "(SELECT c.id FROM cases c JOIN office o ON o.id = c.office_id WHERE " FILTER ")"
#define SEL_PERSONS "(SELECT p.id FROM person p WHERE p.case_id IN " SEL_CASES ")"
#define ONE_PERSONS "(SELECT p.id FROM person p WHERE p.case_id = $1)"

#define CASE_COLS                                                                                  \
	"SELECT c.id, c.ref, c.programme, o.code, c.origin, c.destination, c.state, c.priority,"   \
	" c.registered_on FROM cases c JOIN office o ON o.id = c.office_id"
static const char sql_cases_sel[] = CASE_COLS " WHERE " FILTER " ORDER BY c.id";
static const char sql_cases_one[] = CASE_COLS " WHERE c.id = $1";

#define MEMBER_COLS                                                                                \
	"SELECT p.case_id, p.id, p.seq, p.relationship, p.given_names_latin,"                      \
	" p.family_name_latin, p.sex, p.birth_date, p.nationality FROM person p"
#define MEMBER_ORDER " ORDER BY p.case_id, p.seq"

#define DOC_COLS   "SELECT person_id, kind, number, issuer, expires_on FROM document"
#define DOC_ORDER  " ORDER BY person_id, id"
#define NEED_COLS  "SELECT person_id, code FROM person_need"
#define NEED_ORDER " ORDER BY person_id, code COLLATE \"C\""
/* Conditions only on a check with conditions: the health rules allow them
 * there alone. */
#define HEALTH_COLS                                                                                \
	"SELECT h.person_id, h.id, h.kind, h.at, h.outcome, h.tb_class,"                           \
	" CASE WHEN h.outcome = 'fit_with_conditions' THEN"                                        \
	" (SELECT string_agg(k.name, ';') FROM health_condition k WHERE k.check_id = h.id) END"    \
	" FROM health_check h"
#define HEALTH_ORDER " ORDER BY h.person_id, h.kind, h.at, h.id"
#define PROT_COLS                                                                                  \
	"SELECT a.person_id, a.level, k.assessment_id IS NOT NULL FROM protection_assessment a"    \
	" LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
#define PROT_ORDER     " ORDER BY a.person_id, a.id"
#define COUNSEL_COLS   "SELECT case_id, decision FROM counselling"
#define COUNSEL_ORDER  " ORDER BY case_id, no"
#define REFERRAL_COLS  "SELECT case_id, subject FROM referral WHERE closed_at IS NULL"
#define REFERRAL_ORDER " ORDER BY case_id, no"

/* The latest selection step of each selected case that needs one ($4 the
 * programmes with that step, $5 the states that say: cor_facts_selection). */
static const char sql_history_sel[] =
	"SELECT DISTINCT ON (case_id) case_id, substr(detail, strpos(detail, ' -> ') + 4)"
	" FROM event WHERE case_id IN (SELECT c.id FROM cases c JOIN office o ON o.id ="
	" c.office_id WHERE " FILTER " AND c.programme = ANY ($4::text[])"
	" AND c.state <> ALL ($5::text[])) AND " COR_FACTS_SELECTION_WHERE
	" ORDER BY case_id, id DESC";
static const char sql_history[] =
	"SELECT substr(detail, strpos(detail, ' -> ') + 4) FROM event"
	" WHERE case_id = $1 AND " COR_FACTS_SELECTION_WHERE " ORDER BY id DESC LIMIT 1";

/* ---- The loader --------------------------------------------------------- */

struct loader;

/* What a pass reads. */
struct pass_def {
	const char *sql_all, *sql_sel, *sql_one, *sql_person, *what;
	/* Take row k of r for traveller i (person passes) or the case (-1). */
	int (*take)(struct loader *l, int i, PGresult *r, int k);
};

/* A pass: its rows in key order, a batch at a time. */
struct pass {
	const struct pass_def *d;
	bool open;       /* the pass is under way */
	char cursor[32]; /* "": all its rows in r */
	PGresult *r;
	int row, rows;
	bool last; /* r is the last batch */
	bool done;
	int64_t key;
};

struct loader {
	struct cor_pg *st;
	int64_t last_person; /* the highest person id taken in order */
	struct cor_facts_build b;
	struct pass members;      /* the persons of each case */
	struct pass person[4];    /* what each person has */
	struct pass case_side[2]; /* what the case has besides its persons */
	struct pass history;      /* the selection steps of the cases that need one */
	struct pass cases;
};

static const char *val(PGresult *r, int k, int c)
{
	return PQgetisnull(r, k, c) ? NULL : PQgetvalue(r, k, c);
}

static int64_t num(PGresult *r, int k, int c)
{
	return strtoll(PQgetvalue(r, k, c), NULL, 10);
}

static int take_doc(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_document(&l->b, i, val(r, k, 1), val(r, k, 2), val(r, k, 3), val(r, k, 4));
	return 0;
}

static int take_need(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_need(&l->b, i, val(r, k, 1));
	return 0;
}

static int take_health(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_health(&l->b, i, num(r, k, 1), val(r, k, 2), val(r, k, 3), val(r, k, 4),
			 val(r, k, 5), val(r, k, 6));
	return 0;
}

static int take_protection(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_protection(&l->b, i, val(r, k, 1), PQgetvalue(r, k, 2)[0] == 't');
	return 0;
}

static int take_counselling(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_counselling(&l->b, val(r, k, 1));
	return 0;
}

static int take_referral(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_referral(&l->b, val(r, k, 1));
	return 0;
}

static int take_step(struct loader *l, int i, PGresult *r, int k)
{
	cor_facts_selection_step(&l->b, val(r, k, 1));
	return 0;
}

static int take_member(struct loader *l, int unused, PGresult *r, int k);

static void passes_init(struct loader *l)
{
	static const struct pass_def members = {
		MEMBER_COLS MEMBER_ORDER,
		MEMBER_COLS " WHERE p.case_id IN " SEL_CASES MEMBER_ORDER,
		MEMBER_COLS " WHERE p.case_id = $1" MEMBER_ORDER,
		NULL,
		"reading persons",
		take_member,
	};
	static const struct pass_def person[] = {
		{DOC_COLS DOC_ORDER, DOC_COLS " WHERE person_id IN " SEL_PERSONS DOC_ORDER,
		 DOC_COLS " WHERE person_id IN " ONE_PERSONS DOC_ORDER,
		 DOC_COLS " WHERE person_id = $1" DOC_ORDER, "reading documents", take_doc},
		{NEED_COLS NEED_ORDER, NEED_COLS " WHERE person_id IN " SEL_PERSONS NEED_ORDER,
		 NEED_COLS " WHERE person_id IN " ONE_PERSONS NEED_ORDER,
		 NEED_COLS " WHERE person_id = $1" NEED_ORDER, "reading specific needs", take_need},
		{HEALTH_COLS HEALTH_ORDER,
		 HEALTH_COLS " WHERE h.person_id IN " SEL_PERSONS HEALTH_ORDER,
		 HEALTH_COLS " WHERE h.person_id IN " ONE_PERSONS HEALTH_ORDER,
		 HEALTH_COLS " WHERE h.person_id = $1" HEALTH_ORDER, "reading health checks",
		 take_health},
		{PROT_COLS PROT_ORDER, PROT_COLS " WHERE a.person_id IN " SEL_PERSONS PROT_ORDER,
		 PROT_COLS " WHERE a.person_id IN " ONE_PERSONS PROT_ORDER,
		 PROT_COLS " WHERE a.person_id = $1" PROT_ORDER, "reading protection assessments",
		 take_protection},
	};
	static const struct pass_def case_side[] = {
		{COUNSEL_COLS COUNSEL_ORDER,
		 COUNSEL_COLS " WHERE case_id IN " SEL_CASES COUNSEL_ORDER,
		 COUNSEL_COLS " WHERE case_id = $1" COUNSEL_ORDER, NULL,
		 "reading counselling sessions", take_counselling},
		{REFERRAL_COLS REFERRAL_ORDER,
		 REFERRAL_COLS " AND case_id IN " SEL_CASES REFERRAL_ORDER,
		 REFERRAL_COLS " AND case_id = $1" REFERRAL_ORDER, NULL, "reading referrals",
		 take_referral},
	};
	static const struct pass_def history = {sql_history_sel,       sql_history_sel, NULL, NULL,
						"reading the history", take_step};
	static const struct pass_def cases = {sql_cases_sel, sql_cases_sel,   sql_cases_one,
					      NULL,          "reading cases", NULL};
	_Static_assert(ROWS(person) == ROWS(l->person), "person passes");
	_Static_assert(ROWS(case_side) == ROWS(l->case_side), "case passes");
	l->members.d = &members;
	for (size_t k = 0; k < ROWS(person); k++)
		l->person[k].d = &person[k];
	for (size_t k = 0; k < ROWS(case_side); k++)
		l->case_side[k].d = &case_side[k];
	l->history.d = &history;
	l->cases.d = &cases;
}

static PGresult *exec(struct loader *l, const char *sql, int n, const char *const *v,
		      const char *what, int *err)
{
	if ((*err = cor_pg_copy_ready(l->st)) < 0)
		return NULL;
	PGresult *r = PQexecParams(l->st->conn, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		*err = cor_pg_fail(l->st, r, what);
		return NULL;
	}
	*err = 0;
	return r;
}

/* Make pass p's current row the next one (a new batch when needed). */
static int pass_step(struct loader *l, struct pass *p)
{
	int err = 0;
	if (++p->row >= p->rows) {
		PQclear(p->r);
		p->r = NULL;
		p->row = p->rows = 0;
		if (!p->last) {
			char fetch[64];
			snprintf(fetch, sizeof(fetch), "FETCH %d FROM %s", FETCH_ROWS, p->cursor);
			if (!(p->r = exec(l, fetch, 0, NULL, p->d->what, &err)))
				return err;
			p->rows = PQntuples(p->r);
			p->last = p->rows < FETCH_ROWS;
		}
	}
	p->done = p->row >= p->rows;
	if (!p->done)
		p->key = num(p->r, p->row, 0);
	return 0;
}

/* Begin pass p: with a cursor (cursor) or all its rows at once. */
static int pass_open(struct loader *l, struct pass *p, const char *sql, int n, const char *const *v,
		     bool cursor)
{
	static unsigned counter;
	int err;
	p->open = true;
	p->row = -1;
	p->rows = 0;
	p->done = false;
	if (!cursor) {
		p->cursor[0] = '\0';
		if (!(p->r = exec(l, sql, n, v, p->d->what, &err)))
			return err;
		p->rows = PQntuples(p->r);
		p->last = true;
		if (p->rows == 0) {
			p->done = true;
			return 0;
		}
		p->row = 0;
		p->key = num(p->r, 0, 0);
		return 0;
	}
	snprintf(p->cursor, sizeof(p->cursor), "cor_facts%u", ++counter);
	size_t len = strlen(sql) + 64;
	char *decl = malloc(len);
	if (!decl) {
		cor_pg_msg(l->st, "out of memory %s", p->d->what);
		return COR_ENOMEM;
	}
	snprintf(decl, len, "DECLARE %s NO SCROLL CURSOR FOR %s", p->cursor, sql);
	PGresult *r = exec(l, decl, n, v, p->d->what, &err);
	free(decl);
	if (!r) {
		p->cursor[0] = '\0';
		return err;
	}
	PQclear(r);
	p->last = false;
	return pass_step(l, p);
}

static void pass_close(struct loader *l, struct pass *p)
{
	PQclear(p->r);
	p->r = NULL;
	if (p->open && p->cursor[0] && PQtransactionStatus(l->st->conn) == PQTRANS_INTRANS) {
		char sql[64];
		snprintf(sql, sizeof(sql), "CLOSE %s", p->cursor);
		PQclear(PQexec(l->st->conn, sql));
	}
	p->cursor[0] = '\0';
	p->open = false;
}

/* The rows of key for traveller i (or the case: -1): from the pass when it
 * is open and the key comes in order, else with a query of their own. */
static int pass_take(struct loader *l, struct pass *p, int i, int64_t key, bool in_order)
{
	int err = 0;
	if (p->open && in_order) {
		while (!p->done && p->key < key && (err = pass_step(l, p)) == 0)
			;
		while (err == 0 && !p->done && p->key == key &&
		       (err = p->d->take(l, i, p->r, p->row)) == 0)
			err = pass_step(l, p);
		return err;
	}
	char k[24];
	snprintf(k, sizeof(k), "%lld", (long long)key);
	const char *v[] = {k};
	PGresult *r = exec(l, p->d->sql_person, 1, v, p->d->what, &err);
	for (int row = 0; r && err == 0 && row < PQntuples(r); row++)
		err = p->d->take(l, i, r, row);
	PQclear(r);
	return err;
}

/* A person of the case, with everything it has. */
static int take_member(struct loader *l, int unused, PGresult *r, int k)
{
	int64_t pid = num(r, k, 1);
	int i = cor_facts_traveller(&l->b, pid);
	if (i < 0) {
		cor_pg_msg(l->st, "out of memory reading a case of %zu persons",
			   l->b.fc.f.n_travellers + 1);
		return i;
	}
	cor_facts_person_row(&l->b, i, (int)num(r, k, 2), val(r, k, 3), val(r, k, 4), val(r, k, 5),
			     val(r, k, 6), val(r, k, 7), val(r, k, 8));
	bool in_order = pid > l->last_person;
	if (in_order)
		l->last_person = pid;
	int err = 0;
	for (size_t p = 0; p < ROWS(l->person) && err == 0; p++)
		err = pass_take(l, &l->person[p], i, pid, in_order);
	return err;
}

/* The case at the cases pass's row: its rows, its selection step. */
static int case_rows(struct loader *l)
{
	struct cor_facts_case *fc = &l->b.fc;
	PGresult *r = l->cases.r;
	int k = l->cases.row, err;
	cor_facts_begin(&l->b, num(r, k, 0), val(r, k, 1), val(r, k, 2), val(r, k, 3), val(r, k, 4),
			val(r, k, 5), val(r, k, 6), val(r, k, 7), val(r, k, 8));
	if ((err = pass_take(l, &l->members, -1, fc->id, true)) < 0)
		return err;
	for (size_t p = 0; p < ROWS(l->case_side) && err == 0; p++)
		err = pass_take(l, &l->case_side[p], -1, fc->id, true);
	if (err < 0 || cor_facts_selection(&l->b))
		return err;
	if (l->history.open)
		return pass_take(l, &l->history, -1, fc->id, true);
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)fc->id);
	const char *v[] = {id};
	PGresult *h = exec(l, sql_history, 1, v, "reading the history", &err);
	if (!h)
		return err;
	if (PQntuples(h) > 0)
		cor_facts_selection_step(&l->b, val(h, 0, 0));
	PQclear(h);
	return 0;
}

static struct pass *all_passes(struct loader *l, size_t k)
{
	struct pass *p[] = {&l->cases,        &l->members,      &l->person[0],
			    &l->person[1],    &l->person[2],    &l->person[3],
			    &l->case_side[0], &l->case_side[1], &l->history};
	return k < ROWS(p) ? p[k] : NULL;
}

/* The number of parameters sql uses ($1..$n: the highest). */
static int params(const char *sql, int n)
{
	int most = 0;
	for (const char *c = strchr(sql, '$'); c; c = strchr(c + 1, '$'))
		if (c[1] >= '1' && c[1] <= '9' && c[1] - '0' > most)
			most = c[1] - '0';
	return most < n ? most : n;
}

/* Read the cases: every pass with the query chosen (one case: key, with
 * no cursor; else the selection's parameters, through cursors), the
 * history's when some case may need it. */
static int load(struct loader *l, bool one, bool sel, bool history, int n, const char *const *v,
		cor_facts_cb cb, void *ctx)
{
	struct cor_pg *st = l->st;
	int err = 0, ret = 0;
	bool own = PQtransactionStatus(st->conn) == PQTRANS_IDLE && !st->large;
	/* In a large write, the rows streamed so far go to the server first. */
	if (st->large && (err = cor_pg_copy_flush(st)) < 0)
		return err;
	if (own && (err = cor_pg_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
				      "starting a read transaction")) < 0)
		return err;
	struct pass *p;
	for (size_t k = 0; err == 0 && (p = all_passes(l, k)); k++) {
		const char *sql = one ? p->d->sql_one : sel ? p->d->sql_sel : p->d->sql_all;
		if (sql && !(p == &l->history && !history))
			err = pass_open(l, p, sql, params(sql, n), v, !one);
	}
	while (err == 0 && ret == 0 && !l->cases.done) {
		if ((err = case_rows(l)) == 0)
			ret = cb(&l->b.fc, ctx);
		if (err == 0 && ret == 0)
			err = pass_step(l, &l->cases);
	}
	for (size_t k = 0; (p = all_passes(l, k)); k++)
		pass_close(l, p);
	cor_facts_build_release(&l->b);
	if (own) {
		char msg[sizeof(st->msg)];
		memcpy(msg, st->msg, sizeof(msg));
		PQclear(PQexec(st->conn, err < 0 ? "ROLLBACK" : "COMMIT"));
		memcpy(st->msg, msg, sizeof(msg));
	}
	return err < 0 ? err : ret;
}

static int pg_facts_case(struct cor_store *s, const char *ref, const struct cor_date *travel_on,
			 cor_facts_cb cb, void *ctx)
{
	struct loader l = {.st = PG(s)};
	int err;
	l.b.travel_on = travel_on;
	passes_init(&l);
	const char *v[] = {ref};
	PGresult *r = exec(&l, "SELECT id FROM cases WHERE ref = $1", 1, v, "reading a case", &err);
	if (!r)
		return err;
	if (PQntuples(r) == 0) {
		PQclear(r);
		cor_pg_msg(l.st, "no case '%s'", ref);
		return COR_ENOTFOUND;
	}
	char id[24];
	snprintf(id, sizeof(id), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	const char *key[] = {id};
	return load(&l, true, false, false, 1, key, cb, ctx);
}

static int pg_facts_each(struct cor_store *s, const struct cor_facts_query *q, cor_facts_cb cb,
			 void *ctx)
{
	struct loader l = {.st = PG(s)};
	int err;
	l.b.travel_on = q ? q->travel_on : NULL;
	passes_init(&l);
	if (q && q->office) {
		const char *v[] = {q->office};
		PGresult *r = exec(&l, "SELECT 1 FROM office WHERE code = $1", 1, v,
				   "reading offices", &err);
		if (!r)
			return err;
		bool found = PQntuples(r) > 0;
		PQclear(r);
		if (!found) {
			cor_pg_msg(l.st, "no office '%s'", q->office);
			return COR_ENOTFOUND;
		}
	}
	char programmes[64], states[512];
	cor_facts_selection_arrays(programmes, sizeof(programmes), states, sizeof(states));
	const char *v[] = {q ? q->programme : NULL, q ? q->office : NULL, q ? q->state : NULL,
			   programmes, states};
	bool sel = v[0] || v[1] || v[2];
	/* A state that says where a case stands: no case selected needs its
	 * history. */
	char needle[40], list[sizeof(states) + 2];
	snprintf(needle, sizeof(needle), ",%s,", v[2] ? v[2] : "");
	snprintf(list, sizeof(list), ",%.*s,", (int)strlen(states) - 2, states + 1);
	bool history = !v[2] || !strstr(list, needle);
	return load(&l, false, sel, history, 5, v, cb, ctx);
}

static void pg_facts_note(struct cor_store *s, const char *msg)
{
	cor_pg_msg(PG(s), "%s", msg);
}

static int pg_travel_each(struct cor_store *s, const struct cor_facts_query *q, cor_travel_cb cb,
			  void *ctx)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM person p WHERE p.case_id = c.id),"
		" min((" COR_FACTS_TRAVEL_DEPARTED ") COLLATE \"C\"),"
		" min((" COR_FACTS_TRAVEL_ARRIVED ") COLLATE \"C\")"
		" FROM event e JOIN cases c ON c.id = e.case_id JOIN office o ON o.id = c.office_id"
		" WHERE " COR_FACTS_TRAVEL_WHERE
		" AND ($1::text IS NULL OR c.programme = $1) AND ($2::text IS NULL OR o.code = $2)"
		" GROUP BY c.id ORDER BY c.id";
	const char *v[2] = {q->programme, q->office};
	int err = 0;
	PGresult *r = cor_pg_query(PG(s), sql, 2, v, "reading departures and arrivals", &err);
	if (!r)
		return err;
	for (int i = 0, n = PQntuples(r); i < n && err == 0; i++) {
		struct cor_case_travel t;
		cor_facts_travel(&t, atol(PQgetvalue(r, i, 0)),
				 PQgetisnull(r, i, 1) ? NULL : PQgetvalue(r, i, 1),
				 PQgetisnull(r, i, 2) ? NULL : PQgetvalue(r, i, 2));
		err = cb(&t, ctx);
	}
	PQclear(r);
	return err;
}

const struct cor_store_facts_ops cor_pg_facts_ops = {
	.facts_case = pg_facts_case,
	.facts_each = pg_facts_each,
	.facts_note = pg_facts_note,
	.travel_each = pg_travel_each,
};

// SPDX-License-Identifier: Apache-2.0
// The SQLite side of store_facts.h: the facts of one case, or of every case,
// read in a few ordered passes, merged in C and given to the builder of
// store_facts_ops.h, which maps them onto facts. What the facts mean (the
// eligibility verdict, the queue) is decided above the store
// (service/queue.c).
//
// How the passes fit (docs/queue.md, "How facts are read"):
//  - one scan of cases in id order; per case, in case id order: its persons
//    (from the (case_id, seq) index alone), counselling sessions, open
//    referrals;
//  - per person, in person id order: the person's row, documents, specific
//    needs, health checks (with the conditions of a check with conditions),
//    protection assessments with their clearance;
//  - each scan is a cursor that moves forward only: a case or person takes
//    the rows of its id, and rows of ids not asked for are stepped over.
//    Person ids follow case then seq order when persons are written case by
//    case (import, demo); a person met out of that order is read with
//    indexed queries of its own, so the result never depends on the order;
//  - a selection of cases reads its persons by case, and one case
//    (cor_store_facts_case) reads everything with indexed queries by id.
// Invariants: records become facts in store_facts.c alone; buffers are the loader's and reused from
// case to case; every statement is reset before a call returns.
#include "store/store_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/counselling.h"
#include "domain/document.h"
#include "domain/health.h"
#include "domain/protection.h"
#include "store/store_facts_ops.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Statements ------------------------------------------------------------
 * Each source has the same columns whether scanned in order (_all) or read
 * for one key (_one); column 0 is the key the rows are merged on. */

#define CASE_COLS                                                                                  \
	"id, ref, programme, office_id, origin, destination, state, priority, registered_on"
static const char sql_cases_all[] =
	"SELECT " CASE_COLS " FROM cases WHERE (?1 IS NULL OR programme = ?1)"
	" AND (?2 IS NULL OR office_id = ?2) AND (?3 IS NULL OR state = ?3) ORDER BY id";
static const char sql_cases_one[] = "SELECT " CASE_COLS " FROM cases WHERE id = ?1";

/* The persons of each case in seq order, from the (case_id, seq) index
 * alone; then each person's row by id. */
static const char sql_members_all[] = "SELECT case_id, id FROM person ORDER BY case_id, seq";
static const char sql_members_one[] =
	"SELECT case_id, id FROM person WHERE case_id = ?1 ORDER BY case_id, seq";
#define PERSON_COLS                                                                                \
	"id, seq, relationship, given_names_latin, family_name_latin, sex, birth_date, "           \
	"nationality"
static const char sql_person_all[] = "SELECT " PERSON_COLS " FROM person ORDER BY id";
static const char sql_person_one[] = "SELECT " PERSON_COLS " FROM person WHERE id = ?1";

#define DOC_COLS "person_id, kind, number, issuer, expires_on"
static const char sql_docs_all[] = "SELECT " DOC_COLS " FROM document ORDER BY person_id, id";
static const char sql_docs_one[] =
	"SELECT " DOC_COLS " FROM document WHERE person_id = ?1 ORDER BY person_id, id";

static const char sql_needs_all[] =
	"SELECT person_id, code FROM person_need ORDER BY person_id, code";
static const char sql_needs_one[] =
	"SELECT person_id, code FROM person_need WHERE person_id = ?1 ORDER BY person_id, code";

/* Conditions only on a check with conditions: the health rules allow them
 * there alone (cor_health_check_validate). */
#define HEALTH_COLS                                                                                \
	"h.person_id, h.id, h.kind, h.at, h.outcome, h.tb_class,"                                  \
	" CASE WHEN h.outcome = 'fit_with_conditions' THEN"                                        \
	" (SELECT group_concat(k.name, ';') FROM health_condition k WHERE k.check_id = h.id) END"
static const char sql_health_all[] =
	"SELECT " HEALTH_COLS " FROM health_check h ORDER BY h.person_id, h.kind, h.at, h.id";
static const char sql_health_one[] = "SELECT " HEALTH_COLS " FROM health_check h WHERE"
				     " h.person_id = ?1 ORDER BY h.person_id, h.kind, h.at, h.id";

#define PROTECTION_COLS "a.person_id, a.level, k.assessment_id IS NOT NULL"
#define PROTECTION_FROM                                                                            \
	" FROM protection_assessment a LEFT JOIN protection_clearance k ON k.assessment_id = a.id"
static const char sql_protection_all[] =
	"SELECT " PROTECTION_COLS PROTECTION_FROM " ORDER BY a.person_id, a.id";
static const char sql_protection_one[] = "SELECT " PROTECTION_COLS PROTECTION_FROM
					 " WHERE a.person_id = ?1 ORDER BY a.person_id, a.id";

static const char sql_counselling_all[] =
	"SELECT case_id, decision FROM counselling ORDER BY case_id, no";
static const char sql_counselling_one[] =
	"SELECT case_id, decision FROM counselling WHERE case_id = ?1 ORDER BY case_id, no";

static const char sql_referral_all[] =
	"SELECT case_id, subject FROM referral WHERE closed_at IS NULL ORDER BY case_id, no";
static const char sql_referral_one[] =
	"SELECT case_id, subject FROM referral"
	" WHERE case_id = ?1 AND closed_at IS NULL ORDER BY case_id, no";

/* The latest selection step in a case's history (cor_facts_selection). */
static const char sql_selection_history[] =
	"SELECT substr(detail, instr(detail, ' -> ') + 4) FROM event"
	" WHERE case_id = ?1 AND " COR_FACTS_SELECTION_WHERE " ORDER BY id DESC LIMIT 1";

static const char sql_offices[] = "SELECT id, code FROM office ORDER BY id";

/* ---- The loader --------------------------------------------------------- */

struct loader;

/* A source of rows merged on column 0: a scan when open (stream), else a
 * query by key. */
struct side {
	const char *sql_all, *sql_one, *what;
	/* Take one row for traveller i (person sources) or the case (i = -1). */
	int (*take)(struct loader *l, int i, sqlite3_stmt *s);
	bool stream;
	sqlite3_stmt *cur; /* stream: the scan, on a row unless done */
	bool done;
	int64_t key;
};

struct office_code {
	int64_t id;
	char code[8];
};

struct loader {
	struct cor_store *st;
	int64_t last_person; /* the highest person id taken from a scan */
	struct office_code *offices;
	size_t n_offices;
	struct cor_facts_build b;    /* the case being built */
	struct side person_row;      /* the person's own row */
	struct side persons_side[4]; /* what each person has */
	struct side case_side[3];    /* what the case has: its persons first */
};

static const char *col(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return v ? v : "";
}

static void copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src);
}

static const char *opt_col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static int take_doc(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_document(&l->b, i, col(s, 1), col(s, 2), col(s, 3), opt_col(s, 4));
	return 0;
}

static int take_need(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_need(&l->b, i, col(s, 1));
	return 0;
}

static int take_health(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_health(&l->b, i, sqlite3_column_int64(s, 1), col(s, 2), col(s, 3), col(s, 4),
			 col(s, 5), col(s, 6));
	return 0;
}

static int take_protection(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_protection(&l->b, i, opt_col(s, 1), sqlite3_column_int(s, 2) != 0);
	return 0;
}

static int take_counselling(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_counselling(&l->b, opt_col(s, 1));
	return 0;
}

static int take_referral(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_referral(&l->b, col(s, 1));
	return 0;
}

static int take_person(struct loader *l, int i, sqlite3_stmt *s);
static int take_member(struct loader *l, int i, sqlite3_stmt *s);

static void sides_init(struct loader *l)
{
	static const struct side row = {sql_person_all,
					sql_person_one,
					"reading persons",
					take_person,
					false,
					NULL,
					true,
					0};
	static const struct side persons[] = {
		{sql_docs_all, sql_docs_one, "reading documents", take_doc, false, NULL, true, 0},
		{sql_needs_all, sql_needs_one, "reading specific needs", take_need, false, NULL,
		 true, 0},
		{sql_health_all, sql_health_one, "reading health checks", take_health, false, NULL,
		 true, 0},
		{sql_protection_all, sql_protection_one, "reading protection assessments",
		 take_protection, false, NULL, true, 0},
	};
	static const struct side cases[] = {
		{sql_members_all, sql_members_one, "reading persons", take_member, false, NULL,
		 true, 0},
		{sql_counselling_all, sql_counselling_one, "reading counselling sessions",
		 take_counselling, false, NULL, true, 0},
		{sql_referral_all, sql_referral_one, "reading referrals", take_referral, false,
		 NULL, true, 0},
	};
	_Static_assert(ROWS(persons) == ROWS(l->persons_side), "person sources");
	_Static_assert(ROWS(cases) == ROWS(l->case_side), "case sources");
	l->person_row = row;
	memcpy(l->persons_side, persons, sizeof(persons));
	memcpy(l->case_side, cases, sizeof(cases));
}

static int side_step(struct loader *l, struct side *sd)
{
	int rc = sqlite3_step(sd->cur);
	if (rc == SQLITE_ROW) {
		sd->key = sqlite3_column_int64(sd->cur, 0);
		return 0;
	}
	sd->done = true;
	return rc == SQLITE_DONE ? 0 : cor_sqlite_fail(l->st, rc, sd->what);
}

/* Begin the scan of sd: from now on its rows come from it, in key order. */
static int side_open(struct loader *l, struct side *sd)
{
	sd->cur = cor_sqlite_stmt(l->st, sd->sql_all);
	if (!sd->cur)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), sd->what);
	sd->stream = true;
	sd->done = false;
	return side_step(l, sd);
}

/* The rows of key for traveller i (or the case: -1): from the scan when it
 * is open and the key comes in order, else with a query of their own. Rows
 * the scan steps over belong to keys not asked for, or asked for out of
 * order (and then read by the query). */
static int side_take(struct loader *l, struct side *sd, int i, int64_t key, bool in_order)
{
	int err = 0;
	if (sd->stream && in_order) {
		while (!sd->done && sd->key < key && (err = side_step(l, sd)) == 0)
			;
		while (err == 0 && !sd->done && sd->key == key &&
		       (err = sd->take(l, i, sd->cur)) == 0)
			err = side_step(l, sd);
		return err;
	}
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sd->sql_one);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), sd->what);
	sqlite3_bind_int64(s, 1, key);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && (err = sd->take(l, i, s)) == 0)
		;
	if (err == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		err = cor_sqlite_fail(l->st, rc, sd->what);
	sqlite3_reset(s);
	return err;
}

static void side_reset(struct side *sd)
{
	if (sd->stream && sd->cur)
		sqlite3_reset(sd->cur);
	sd->stream = false;
}

static void sides_reset(struct loader *l)
{
	side_reset(&l->person_row);
	for (size_t i = 0; i < ROWS(l->persons_side); i++)
		side_reset(&l->persons_side[i]);
	for (size_t i = 0; i < ROWS(l->case_side); i++)
		side_reset(&l->case_side[i]);
}

static int load_offices(struct loader *l)
{
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sql_offices);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), "reading offices");
	int rc, err = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (l->n_offices % 32 == 0) {
			void *p = realloc(l->offices, (l->n_offices + 32) * sizeof(*l->offices));
			if (!p) {
				err = COR_ENOMEM;
				cor_sqlite_msg(l->st, "out of memory reading offices");
				break;
			}
			l->offices = p;
		}
		struct office_code *o = &l->offices[l->n_offices++];
		o->id = sqlite3_column_int64(s, 0);
		copy(o->code, sizeof(o->code), col(s, 1));
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(l->st, rc, "reading offices");
	sqlite3_reset(s);
	return err;
}

static const char *office_code(const struct loader *l, int64_t id)
{
	for (size_t i = 0; i < l->n_offices; i++)
		if (l->offices[i].id == id)
			return l->offices[i].code;
	return "";
}

/* Start the case from a row of the cases query. */
static void case_begin(struct loader *l, sqlite3_stmt *s)
{
	cor_facts_begin(&l->b, sqlite3_column_int64(s, 0), col(s, 1), col(s, 2),
			office_code(l, sqlite3_column_int64(s, 3)), col(s, 4), col(s, 5), col(s, 6),
			col(s, 7), col(s, 8));
}

/* The person's own row (PERSON_COLS) into traveller i. */
static int take_person(struct loader *l, int i, sqlite3_stmt *s)
{
	cor_facts_person_row(&l->b, i, sqlite3_column_int(s, 1), col(s, 2), col(s, 3), col(s, 4),
			     col(s, 5), col(s, 6), col(s, 7));
	return 0;
}

/* A person of the case (column 1: its id), with everything it has. */
static int take_member(struct loader *l, int unused, sqlite3_stmt *s)
{
	int64_t pid = sqlite3_column_int64(s, 1);
	int i = cor_facts_traveller(&l->b, pid);
	if (i < 0) {
		cor_sqlite_msg(l->st, "out of memory reading a case of %zu persons",
			       l->b.fc.f.n_travellers + 1);
		return i;
	}
	bool in_order = pid > l->last_person;
	if (in_order)
		l->last_person = pid;
	int err = side_take(l, &l->person_row, i, pid, in_order);
	for (size_t k = 0; k < ROWS(l->persons_side) && err == 0; k++)
		err = side_take(l, &l->persons_side[k], i, pid, in_order);
	return err;
}

/* The case's own rows (its persons first), and its selection step. */
static int case_rows(struct loader *l)
{
	struct cor_facts_case *fc = &l->b.fc;
	int err = 0;
	for (size_t k = 0; k < ROWS(l->case_side) && err == 0; k++)
		err = side_take(l, &l->case_side[k], -1, fc->id, true);
	if (err < 0 || cor_facts_selection(&l->b))
		return err;
	sqlite3_stmt *s = cor_sqlite_stmt(l->st, sql_selection_history);
	if (!s)
		return cor_sqlite_fail(l->st, sqlite3_errcode(l->st->db), "reading the history");
	sqlite3_bind_int64(s, 1, fc->id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		cor_facts_selection_step(&l->b, col(s, 0));
	else if (rc != SQLITE_DONE)
		err = cor_sqlite_fail(l->st, rc, "reading the history");
	sqlite3_reset(s);
	return err;
}

/* Read the cases of the cases query s (bound), giving each to cb. */
static int load(struct loader *l, sqlite3_stmt *s, cor_facts_cb cb, void *ctx)
{
	int rc = SQLITE_DONE, err = 0, ret = 0;
	while (err == 0 && ret == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		case_begin(l, s);
		if ((err = case_rows(l)) == 0)
			ret = cb(&l->b.fc, ctx);
	}
	if (err == 0 && ret == 0 && rc != SQLITE_DONE)
		err = cor_sqlite_fail(l->st, rc, "reading cases");
	sqlite3_reset(s);
	return err < 0 ? err : ret;
}

static void loader_release(struct loader *l)
{
	sides_reset(l);
	cor_facts_build_release(&l->b);
	free(l->offices);
}

static int load_one(struct cor_store *st, int64_t case_id, const struct cor_date *travel_on,
		    cor_facts_cb cb, void *ctx)
{
	struct loader l;
	memset(&l, 0, sizeof(l));
	l.st = st;
	l.b.travel_on = travel_on;
	sides_init(&l);
	int err = load_offices(&l);
	sqlite3_stmt *s = NULL;
	if (err == 0 && !(s = cor_sqlite_stmt(st, sql_cases_one)))
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading a case");
	if (err == 0) {
		sqlite3_bind_int64(s, 1, case_id);
		err = load(&l, s, cb, ctx);
	}
	loader_release(&l);
	return err;
}

static int sqlite_facts_case(struct cor_store *st, const char *ref,
			     const struct cor_date *travel_on, cor_facts_cb cb, void *ctx)
{
	int64_t id;
	int err = cor_sqlite_case_id(st, ref, &id);
	return err < 0 ? err : load_one(st, id, travel_on, cb, ctx);
}

static int sqlite_facts_each(struct cor_store *st, const struct cor_facts_query *q, cor_facts_cb cb,
			     void *ctx)
{
	struct loader l;
	sqlite3_stmt *s = NULL;
	int err;
	memset(&l, 0, sizeof(l));
	l.st = st;
	l.b.travel_on = q ? q->travel_on : NULL;
	sides_init(&l);
	if ((err = load_offices(&l)) < 0)
		goto out;
	int64_t office_id = 0;
	if (q && q->office) {
		for (size_t i = 0; i < l.n_offices && !office_id; i++)
			if (!strcmp(l.offices[i].code, q->office))
				office_id = l.offices[i].id;
		if (!office_id) {
			cor_sqlite_msg(st, "no office '%s'", q->office);
			err = COR_ENOTFOUND;
			goto out;
		}
	}
	if (!(s = cor_sqlite_stmt(st, sql_cases_all))) {
		err = cor_sqlite_fail(st, sqlite3_errcode(st->db), "reading cases");
		goto out;
	}
	cor_sqlite_bind_opt(s, 1, q ? q->programme : NULL);
	if (office_id)
		sqlite3_bind_int64(s, 2, office_id);
	cor_sqlite_bind_opt(s, 3, q ? q->state : NULL);
	/* Every scan begins before the first case is read, in one read
	 * transaction with the others. A selection of cases reads its persons
	 * by case (an indexed query each) rather than scanning all of them. */
	bool all = !q || (!q->programme && !q->office && !q->state);
	if (all && (err = side_open(&l, &l.person_row)) == 0)
		err = side_open(&l, &l.case_side[0]);
	for (size_t k = 0; k < ROWS(l.persons_side) && err == 0; k++)
		err = side_open(&l, &l.persons_side[k]);
	for (size_t k = 1; k < ROWS(l.case_side) && err == 0; k++)
		err = side_open(&l, &l.case_side[k]);
	if (err == 0)
		err = load(&l, s, cb, ctx);
out:
	loader_release(&l);
	return err;
}

static void sqlite_facts_note(struct cor_store *st, const char *msg)
{
	cor_sqlite_msg(st, "%s", msg);
}

static int sqlite_travel_each(struct cor_store *st, const struct cor_facts_query *q,
			      cor_travel_cb cb, void *ctx)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM person p WHERE p.case_id = c.id),"
		" min(" COR_FACTS_TRAVEL_DEPARTED "), min(" COR_FACTS_TRAVEL_ARRIVED ")"
		" FROM event e JOIN cases c ON c.id = e.case_id JOIN office o ON o.id = c.office_id"
		" WHERE " COR_FACTS_TRAVEL_WHERE
		" AND (?1 IS NULL OR c.programme = ?1) AND (?2 IS NULL OR o.code = ?2)"
		" GROUP BY c.id ORDER BY c.id";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), ret = 0;
	if (rc != SQLITE_OK)
		return cor_sqlite_fail(st, rc, "reading departures and arrivals");
	cor_sqlite_bind_opt(s, 1, q->programme);
	cor_sqlite_bind_opt(s, 2, q->office);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cor_case_travel t;
		cor_facts_travel(&t, (long)sqlite3_column_int64(s, 0),
				 (const char *)sqlite3_column_text(s, 1),
				 (const char *)sqlite3_column_text(s, 2));
		if ((ret = cb(&t, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cor_sqlite_fail(st, rc, "reading departures and arrivals");
	sqlite3_finalize(s);
	return ret;
}

const struct cor_store_facts_ops cor_sqlite_facts_ops = {
	.facts_case = sqlite_facts_case,
	.facts_each = sqlite_facts_each,
	.facts_note = sqlite_facts_note,
	.travel_each = sqlite_travel_each,
};

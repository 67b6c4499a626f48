// SPDX-License-Identifier: Apache-2.0
// Unit tests for the demo caseload: the same options give the same database,
// exactly the persons asked for, and every record passes the rules real
// records must pass (read back through the import's own validation, plus the
// rules that span rows: principals, numbering, history). The demo writes with
// foreign keys off for speed, so PRAGMA foreign_key_check here is what
// guarantees its integrity. The movements and bookings agree with the cases'
// states, keep their capacity, and the planner takes them as they are. The
// name tables it draws from are checked too.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo/demo.h"
#include "demo/names_data.h"
#include "domain/case.h"
#include "domain/country.h"
#include "domain/needs.h"
#include "io/persons_csv.h"
#include "plan/plan.h"
#include "store/store.h"
#include "service/plan.h"
#include "store/store_plan.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define PEOPLE  2000
#define SEED    20260116

static const struct cor_date today = {2026, 1, 15};

/* ---- helpers ----------------------------------------------------------- */

static const char *db_path(const char *name)
{
	static char path[4][512];
	static int k;
	const char *dir = getenv("COR_TEST_TMP");
	char *p = path[k++ % 4];
	snprintf(p, sizeof(path[0]), "%s/test_demo-%s.db", dir && *dir ? dir : "/tmp", name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", p, ext[i]);
		unlink(f);
	}
	return p;
}

/* Generate into a new database at path, as 'corridor demo' does. */
static struct cor_demo_result generate(const char *path, long people, uint64_t seed)
{
	struct cor_store *st = NULL;
	struct cor_demo_opts o = {.people = people, .seed = seed, .today = today};
	struct cor_demo_result res;
	char msg[600] = "";
	if (cor_store_open(path, COR_STORE_CREATE | COR_STORE_BULK, &st, msg, sizeof(msg)) != 0)
		fail_msg("cannot create '%s': %s", path, msg);
	int err = cor_demo_generate(st, &o, &res, msg, sizeof(msg));
	if (err)
		fail_msg("demo failed: %d %s", err, msg);
	cor_store_close(st);
	return res;
}

/* Every table, every row and column, as text (a uid as its length): two
 * databases with the same dump hold the same data. Returned to the caller to free. */
static char *dump(const char *path)
{
	static const char *const queries[] = {
		"SELECT * FROM office ORDER BY id",
		"SELECT * FROM programme ORDER BY code",
		"SELECT * FROM case_counter ORDER BY office_id, year",
		"SELECT * FROM cases ORDER BY id",
		"SELECT * FROM person ORDER BY id",
		"SELECT * FROM person_need ORDER BY person_id, code",
		"SELECT * FROM document ORDER BY id",
		"SELECT * FROM event ORDER BY id",
		"SELECT * FROM movement ORDER BY id",
		"SELECT * FROM leg ORDER BY movement_id, seq",
		"SELECT * FROM booking ORDER BY id",
	};
	sqlite3 *db = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (size_t q = 0; q < ROWS(queries); q++) {
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(db, queries[q], -1, &s, NULL) != SQLITE_OK)
			fail_msg("%s: %s", queries[q], sqlite3_errmsg(db));
		fprintf(m, "-- %s\n", queries[q]);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				/* A uid is random by design: only its presence compares. */
				if (!strcmp(sqlite3_column_name(s, c), "uid")) {
					fprintf(m, "%suid%d", c ? "|" : "",
						sqlite3_column_bytes(s, c));
					continue;
				}
				const unsigned char *v = sqlite3_column_text(s, c);
				fprintf(m, "%s%s", c ? "|" : "", v ? (const char *)v : "NULL");
			}
			fputc('\n', m);
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	fclose(m);
	return buf;
}

static long query_long(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The demo database of this test run, generated once. */
static char demo_db[512];
static struct cor_demo_result demo_res;

static int setup(void **state)
{
	snprintf(demo_db, sizeof(demo_db), "%s", db_path("main"));
	demo_res = generate(demo_db, PEOPLE, SEED);
	return 0;
}

/* ---- determinism and size --------------------------------------------- */

static void test_same_seed_same_database(void **state)
{
	const char *other = db_path("again");
	struct cor_demo_result res = generate(other, PEOPLE, SEED);
	assert_int_equal(res.cases, demo_res.cases);
	assert_int_equal(res.persons, demo_res.persons);
	assert_int_equal(res.documents, demo_res.documents);
	assert_int_equal(res.events, demo_res.events);
	assert_int_equal(res.movements, demo_res.movements);
	assert_int_equal(res.bookings, demo_res.bookings);
	char *a = dump(demo_db), *b = dump(other);
	assert_true(strlen(a) > 100000);
	if (strcmp(a, b)) {
		size_t i = 0;
		while (a[i] == b[i])
			i++;
		fail_msg("the dumps differ at byte %zu: '%.80s' / '%.80s'", i,
			 a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
	}
	free(b);
	/* Another seed gives another caseload. */
	const char *third = db_path("seed2");
	generate(third, PEOPLE, SEED + 1);
	char *c = dump(third);
	assert_true(strcmp(a, c) != 0);
	free(a);
	free(c);
}

static void test_exact_count(void **state)
{
	assert_int_equal(demo_res.persons, PEOPLE);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(demo_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(query_long(db, "SELECT count(*) FROM person"), PEOPLE);
	assert_int_equal(query_long(db, "SELECT count(*) FROM cases"), demo_res.cases);
	assert_int_equal(query_long(db, "SELECT count(*) FROM document"), demo_res.documents);
	assert_int_equal(query_long(db, "SELECT count(*) FROM event"), demo_res.events);
	assert_int_equal(query_long(db, "SELECT count(*) FROM movement"), demo_res.movements);
	assert_int_equal(query_long(db, "SELECT count(*) FROM booking"), demo_res.bookings);
	/* Households of one to ten: between 200 and 2,000 cases. */
	assert_true(demo_res.cases >= PEOPLE / 10 && demo_res.cases < PEOPLE);
	sqlite3_close(db);
	/* Sizes that cut the last household short are exact too. */
	static const long sizes[] = {1, 2, 7, 33};
	for (size_t i = 0; i < ROWS(sizes); i++) {
		char name[32];
		snprintf(name, sizeof(name), "size%ld", sizes[i]);
		const char *path = db_path(name);
		struct cor_demo_result r = generate(path, sizes[i], 5);
		assert_int_equal(r.persons, sizes[i]);
		assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		assert_int_equal(query_long(db, "SELECT count(*) FROM person"), sizes[i]);
		assert_int_equal(query_long(db, "SELECT count(*) FROM cases c WHERE NOT EXISTS"
						" (SELECT 1 FROM person p WHERE p.case_id = c.id"
						" AND p.seq = 1)"),
				 0);
		sqlite3_close(db);
	}
}

static void test_refuses_store_with_cases(void **state)
{
	struct cor_store *st = NULL;
	struct cor_demo_opts o = {.people = 10, .seed = 1, .today = today};
	struct cor_demo_result res;
	char msg[600] = "";
	assert_int_equal(cor_store_open(demo_db, COR_STORE_BULK, &st, msg, sizeof(msg)), 0);
	assert_int_equal(cor_demo_generate(st, &o, &res, msg, sizeof(msg)), COR_EEXIST);
	assert_string_equal(msg, "the database already holds cases; demo data goes only into a "
				 "new database (give another --db)");
	long cases, persons, docs, events;
	assert_int_equal(cor_store_totals(st, &cases, &persons, &docs, &events), 0);
	assert_int_equal(cases, demo_res.cases);
	assert_int_equal(persons, PEOPLE);
	cor_store_close(st);
}

/* ---- integrity --------------------------------------------------------- */

static void test_foreign_keys(void **state)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(demo_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL),
			 SQLITE_OK);
	int rows = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (rows++ < 5)
			print_error("foreign key broken: table %s rowid %lld -> %s\n",
				    sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1),
				    sqlite3_column_text(s, 2));
	}
	sqlite3_finalize(s);
	assert_int_equal(rows, 0);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* Each row at 'registered': the records a later state implies are not
 * written here (the export's round trip, t0430, checks them). */
static int write_row(const struct cor_case *c, const struct cor_person *p,
		     const struct cor_document *d, void *ctx)
{
	struct cor_case at = *c;
	snprintf(at.state, sizeof(at.state), "registered");
	cor_persons_csv_write_row(ctx, &at, NULL, p, NULL, d);
	return 0;
}

struct read_check {
	long rows, bad;
	char first_bad[400];
	bool seen_programme[16];
};

static int check_row(struct cor_persons_row *r, void *ctx)
{
	struct read_check *k = ctx;
	k->rows++;
	if (r->nissues) {
		if (!k->bad++)
			snprintf(k->first_bad, sizeof(k->first_bad), "line %ld: %s: %s", r->line,
				 r->issues[0].column, r->issues[0].msg);
		return 0;
	}
	for (size_t i = 0; i < cor_programmes_len; i++)
		if (!strcmp(cor_programmes[i].code, r->c.programme))
			k->seen_programme[i] = true;
	return 0;
}

/* Every person, exported and read back through the import's validation,
 * passes every rule of a row; every programme is there. */
static void test_rows_pass_import_rules(void **state)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	char *csv = NULL;
	size_t len = 0;
	assert_int_equal(cor_store_open(demo_db, 0, &st, msg, sizeof(msg)), 0);
	FILE *m = open_memstream(&csv, &len);
	cor_persons_csv_write_header(m);
	struct cor_case_filter f = {0};
	assert_int_equal(cor_store_persons_each(st, &f, write_row, m), 0);
	fclose(m);
	cor_store_close(st);

	struct read_check k = {0};
	FILE *in = fmemopen(csv, len, "r");
	assert_int_equal(
		cor_persons_csv_read(in, "demo.csv", today, check_row, &k, msg, sizeof(msg)), 0);
	fclose(in);
	free(csv);
	assert_int_equal(k.rows, PEOPLE);
	if (k.bad)
		fail_msg("%ld of %ld demo rows break the import rules; first: %s", k.bad, k.rows,
			 k.first_bad);
	for (size_t i = 0; i < cor_programmes_len; i++)
		if (!k.seen_programme[i])
			fail_msg("no case of programme %s", cor_programmes[i].code);
}

/* The rules that span rows and tables, over the database itself. */
static void test_cases_whole(void **state)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(demo_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	/* Persons are numbered 1..n in each case; only person 1 is the principal. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM (SELECT case_id FROM person"
			       " GROUP BY case_id HAVING min(seq) <> 1 OR max(seq) <> count(*))"),
		0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM person WHERE (seq = 1) <>"
					" (relationship = 'principal')"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM cases c WHERE NOT EXISTS"
					" (SELECT 1 FROM person p WHERE p.case_id = c.id)"),
			 0);
	/* Each case's reference is of its own office, and refs are unique
	 * (the schema says so) and numbered from 1 per office and year. */
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM cases c JOIN office o"
				    " ON o.id = c.office_id WHERE substr(c.ref, 1, 6) <> o.code"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM (SELECT substr(ref, 1, 11) k,"
					" count(*) n, max(CAST(substr(ref, 13) AS INTEGER)) m"
					" FROM cases GROUP BY k HAVING n <> m)"),
			 0);
	/* The counters are ahead of every reference, so new cases get new numbers. */
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM cases c WHERE NOT EXISTS"
				    " (SELECT 1 FROM case_counter k WHERE k.office_id = c.office_id"
				    " AND k.year = CAST(substr(c.ref, 8, 4) AS INTEGER)"
				    " AND k.last >= CAST(substr(c.ref, 13) AS INTEGER))"),
			 0);
	/* The year of the reference is the year of registration. */
	assert_int_equal(query_long(db, "SELECT count(*) FROM cases"
					" WHERE substr(ref, 8, 4) <> substr(registered_on, 1, 4)"),
			 0);
	/* Registered in the past; born before registration... or at least
	 * before today; documents are of a known kind. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM cases WHERE registered_on > '2026-01-15'"), 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM person WHERE birth_date > '2026-01-15'"
				    " OR birth_date < '1900-01-01'"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM document WHERE kind NOT IN"
					" ('passport', 'id_card', 'etd', 'laissez_passer',"
					" 'exit_permit', 'visa', 'refugee_td')"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM document d JOIN person p"
				    " ON p.id = d.person_id WHERE d.expires_on <= p.birth_date"),
			 0);
	/* Travel-ready cases and later have a valid travel document for each
	 * person (the movement cannot happen without one). */
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM person p JOIN cases c"
				    " ON c.id = p.case_id WHERE c.state IN ('travel_ready',"
				    " 'booked', 'no_show') AND NOT EXISTS (SELECT 1 FROM document d"
				    " WHERE d.person_id = p.id AND d.kind <> 'visa'"
				    " AND d.expires_on >= '2026-01-15')"),
			 0);
	/* Every case has a history that starts with its registration, in
	 * time order, within its life, and ends in its current state. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM cases c WHERE (SELECT action FROM event"
			       " WHERE case_id = c.id ORDER BY id LIMIT 1) IS NOT 'registered'"),
		0);
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM event e JOIN cases c"
			       " ON c.id = e.case_id WHERE substr(e.at, 1, 10) < c.registered_on"
			       " OR substr(e.at, 1, 10) > '2026-01-15'"),
		0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM event a JOIN event b"
				    " ON b.case_id = a.case_id AND b.id > a.id WHERE b.at < a.at"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM cases c WHERE c.state <> 'registered'"
					" AND (SELECT detail FROM event WHERE case_id = c.id"
					" ORDER BY id DESC LIMIT 1) NOT LIKE '% -> ' || c.state"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM cases c WHERE c.state = 'registered'"
				    " AND (SELECT count(*) FROM event WHERE case_id = c.id) <> 1"),
			 0);
	/* Branches carry a reason; the path does not, but for the booking and
	 * the departure, which name the movement. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM event WHERE action = 'state' AND"
			       " case_id IS NOT NULL AND (reason <> '') <> (detail LIKE"
			       " '% -> ineligible' OR detail LIKE '% -> on_hold' OR detail LIKE"
			       " '% -> rejected' OR detail LIKE '% -> no_show' OR detail ="
			       " 'travel_ready -> booked' OR detail ="
			       " 'booked -> departed')"),
		0);
	sqlite3_stmt *s = NULL;
	assert_int_equal(
		sqlite3_prepare_v2(db, "SELECT programme, state, ref FROM cases", -1, &s, NULL),
		SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *prog = (const char *)sqlite3_column_text(s, 0);
		const char *st = (const char *)sqlite3_column_text(s, 1);
		const struct cor_programme *p = cor_programme_find(prog);
		if (!p || !cor_programme_has_state(p, st))
			fail_msg("case %s: state '%s' is not in programme %s",
				 sqlite3_column_text(s, 2), st, prog);
	}
	sqlite3_finalize(s);
	/* The needs rows are the needs of persons, known codes, and one
	 * per code per person (the schema's key). */
	assert_true(query_long(db, "SELECT count(*) FROM person_need") > 0);
	s = NULL;
	assert_int_equal(
		sqlite3_prepare_v2(db, "SELECT DISTINCT code FROM person_need", -1, &s, NULL),
		SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		if (!cor_need_find((const char *)sqlite3_column_text(s, 0)))
			fail_msg("unknown need '%s'", sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	/* Every state of every programme's main path is reached by a
	 * caseload this size, and each branch at least once. */
	static const char *const branches[] = {"ineligible", "on_hold", "no_show", "rejected"};
	for (size_t i = 0; i < ROWS(branches); i++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM cases WHERE state = '%s'",
			 branches[i]);
		if (query_long(db, sql) < 1)
			fail_msg("no case in state '%s'", branches[i]);
	}
	sqlite3_close(db);
}

/* ---- movements and bookings --------------------------------------------- */

/* Every case's bookings agree with its state: booked on an open movement
 * exactly when booked; departed on a movement that departed once it left;
 * a no-show's booking says so. */
static void test_bookings_match_states(void **state)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(demo_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_true(demo_res.movements > 10);
	assert_true(query_long(db, "SELECT count(*) FROM cases WHERE state = 'booked'") > 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM cases c WHERE c.state = 'booked'"
					" AND (SELECT count(*) FROM booking b JOIN movement m"
					" ON m.id = b.movement_id WHERE b.case_id = c.id"
					" AND b.status = 'booked' AND m.state = 'open') <> 1"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM booking b JOIN cases c"
					" ON c.id = b.case_id WHERE b.status = 'booked'"
					" AND c.state <> 'booked'"),
			 0);
	/* Booked today on movements leaving within two days, before the
	 * fitness to travel found yesterday ends. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM booking b JOIN movement m"
			       " ON m.id = b.movement_id WHERE b.status = 'booked' AND"
			       " (m.departs < '2026-01-16' OR m.departs >= '2026-01-17T07:00Z')"),
		0);
	static const char *const gone[] = {"departed", "arrived", "reintegration", "integration"};
	for (size_t i = 0; i < ROWS(gone); i++) {
		char sql[400];
		snprintf(sql, sizeof(sql),
			 "SELECT count(*) FROM cases c WHERE c.state = '%s' AND (SELECT count(*)"
			 " FROM booking b JOIN movement m ON m.id = b.movement_id WHERE b.case_id "
			 "= c.id"
			 " AND b.status = 'departed' AND m.state IN ('departed', 'arrived')) <> 1",
			 gone[i]);
		if (query_long(db, sql))
			fail_msg("a case in state '%s' without its departure", gone[i]);
	}
	/* Closed after the journey: departed on a movement too. */
	assert_int_equal(
		query_long(db,
			   "SELECT count(*) FROM cases c WHERE EXISTS (SELECT 1 FROM"
			   " event e WHERE e.case_id = c.id AND e.detail = 'booked -> departed')"
			   " <> EXISTS (SELECT 1 FROM booking b WHERE b.case_id = c.id"
			   " AND b.status = 'departed')"),
		0);
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM cases c WHERE c.state = 'no_show'"
			       " AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.case_id = c.id"
			       " AND b.status = 'no_show')"),
		0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM booking b JOIN cases c"
					" ON c.id = b.case_id WHERE b.status = 'no_show'"
					" AND c.state <> 'no_show'"),
			 0);
	/* A movement has arrived when its cases arrived; cases still
	 * 'departed' are on movements that departed. */
	assert_int_equal(query_long(db, "SELECT count(*) FROM booking b JOIN movement m"
					" ON m.id = b.movement_id JOIN cases c ON c.id = b.case_id"
					" WHERE b.status = 'departed' AND (m.state = 'departed')"
					" <> (c.state = 'departed')"),
			 0);
	/* The case's departure is the movement's; its arrival the last leg's;
	 * it was booked before, on the movement's route. */
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM booking b JOIN movement m"
				    " ON m.id = b.movement_id JOIN event e ON e.case_id = b.case_id"
				    " AND e.detail = 'booked -> departed' WHERE e.at <>"
				    " substr(m.departs, 1, 16) || ':00Z' OR e.reason <>"
				    " 'departed on ' || m.label || ' (' || m.ref || ')'"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM booking b JOIN leg l"
				    " ON l.movement_id = b.movement_id AND l.seq = (SELECT max(seq)"
				    " FROM leg WHERE movement_id = b.movement_id) JOIN event e"
				    " ON e.case_id = b.case_id AND e.detail = 'departed -> arrived'"
				    " WHERE e.at <> substr(l.arrives, 1, 16) || ':00Z'"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM booking b JOIN movement m"
				    " ON m.id = b.movement_id JOIN event e ON e.case_id = b.case_id"
				    " AND e.detail = 'travel_ready -> booked' WHERE e.at <> b.at"
				    " OR e.reason <> 'on ' || m.label || ' (' || m.ref || '), '"
				    " || b.board || ' -> ' || b.alight OR (b.status <> 'booked'"
				    " AND b.at >= m.departs)"),
			 0);
	/* Board where the case leaves its country, alight in its destination. */
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM booking b JOIN cases c"
			       " ON c.id = b.case_id JOIN place f ON f.code = b.board JOIN place t"
			       " ON t.code = b.alight WHERE f.country <> c.origin"
			       " OR t.country <> c.destination"),
		0);
	assert_int_equal(
		query_long(
			db,
			"SELECT count(*) FROM arrival a JOIN booking b"
			" ON b.case_id = a.case_id AND b.status = 'departed' JOIN place p"
			" ON p.code = b.alight WHERE a.place <> p.name || ' (' || p.code || ')'"),
		0);
	sqlite3_close(db);
}

/* No leg carries more persons (and escorts for its medical travellers) than
 * it has seats, nor more WCHS passengers than places; movements are
 * numbered per office and year of departure, seat groups per movement. */
static void test_movements_keep_capacity(void **state)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(demo_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	static const char load[] =
		"SELECT b.movement_id, count(p.id) AS persons,"
		" count(DISTINCT CASE WHEN x.name = 'medical_escort' THEN p.id END) AS medical,"
		" count(DISTINCT CASE WHEN x.name = 'wchs' THEN p.id END) AS wchs"
		" FROM booking b JOIN person p ON p.case_id = b.case_id"
		" LEFT JOIN health_check h ON h.person_id = p.id AND h.kind = 'fitness'"
		" LEFT JOIN health_condition x ON x.check_id = h.id"
		" WHERE b.status IN ('booked', 'departed') GROUP BY b.movement_id";
	char sql[1200];
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM (%s) n JOIN leg l ON l.movement_id = n.movement_id"
		 " JOIN movement m ON m.id = n.movement_id WHERE n.persons + (n.medical + 2) / 3"
		 " > l.seats OR (n.medical + 2) / 3 > m.escort_seats OR n.wchs > l.wchs",
		 load);
	assert_int_equal(query_long(db, sql), 0);
	/* A past movement flew 70-95% full (its no-shows held their seats),
	 * or on the block seats, boat or bus taken for the few who went. */
	assert_int_equal(
		query_long(
			db,
			"SELECT count(*) FROM (SELECT b.movement_id, count(p.id) n FROM booking b"
			" JOIN person p ON p.case_id = b.case_id GROUP BY b.movement_id) x"
			" JOIN movement m ON m.id = x.movement_id JOIN leg l"
			" ON l.movement_id = m.id AND l.seq = 1"
			" WHERE m.state IN ('departed', 'arrived') AND NOT (x.n * 100 BETWEEN"
			" l.seats * 70 AND l.seats * 95 OR (m.kind <> 'charter' AND x.n < 10))"),
		0);
	assert_true(query_long(db, "SELECT count(*) FROM movement WHERE state = 'arrived'") >= 20);
	assert_int_equal(
		query_long(db, "SELECT count(*) FROM movement m JOIN office o"
			       " ON o.id = m.office_id WHERE m.ref NOT LIKE o.code || '-MV-' ||"
			       " substr(m.departs, 1, 4) || '-____'"),
		0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM (SELECT substr(ref, 1, 14) k,"
					" count(*) n, max(CAST(substr(ref, 16) AS INTEGER)) x"
					" FROM movement GROUP BY k HAVING n <> x)"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM (SELECT movement_id FROM booking"
				    " GROUP BY movement_id HAVING min(seat_group) <> 1"
				    " OR max(seat_group) <> count(*) OR count(DISTINCT seat_group)"
				    " <> count(*))"),
			 0);
	/* Legs run forward in time and join up; open movements leave over the
	 * next five weeks, those that left did so today (and have not arrived
	 * yet) or before (and arrived). */
	assert_int_equal(query_long(db, "SELECT count(*) FROM leg a LEFT JOIN leg b"
					" ON b.movement_id = a.movement_id AND b.seq = a.seq + 1"
					" WHERE a.arrives <= a.departs OR (b.seq IS NOT NULL AND"
					" (b.origin <> a.destination OR b.departs < a.arrives))"),
			 0);
	assert_int_equal(query_long(db, "SELECT count(*) FROM movement WHERE (state IN"
					" ('departed', 'arrived') AND departs >= '2026-01-16')"
					" OR (state = 'departed' AND departs < '2026-01-15')"
					" OR (state = 'arrived' AND departs >= '2026-01-15')"
					" OR (state = 'open' AND (departs < '2026-01-16'"
					" OR departs >= '2026-02-20'))"),
			 0);
	/* Each movement's history starts with its creation and ends in its
	 * state; a cancellation has its reason. */
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM movement m WHERE (SELECT action"
				    " FROM event WHERE movement_id = m.id ORDER BY id LIMIT 1)"
				    " IS NOT 'created' OR (m.state <> 'planned' AND (SELECT detail"
				    " FROM event WHERE movement_id = m.id ORDER BY id DESC LIMIT 1)"
				    " NOT LIKE '% -> ' || m.state)"),
			 0);
	assert_int_equal(query_long(db,
				    "SELECT count(*) FROM event WHERE movement_id IS NOT NULL"
				    " AND (case_id IS NOT NULL OR (detail LIKE '% -> cancelled')"
				    " <> (reason <> ''))"),
			 0);
	/* Every kind but the charter, which only a caseload large enough to
	 * fill aircraft has (t0030 looks at those), and every state. */
	for (size_t i = 0; i < 8; i++) {
		static const char *const kinds[] = {"scheduled", "vessel", "convoy"};
		static const char *const states[] = {"arrived", "departed", "open", "planned",
						     "cancelled"};
		char q[160];
		snprintf(q, sizeof(q), "SELECT count(*) FROM movement WHERE %s = '%s'",
			 i < 3 ? "kind" : "state", i < 3 ? kinds[i] : states[i - 3]);
		if (query_long(db, q) < 1)
			fail_msg("no movement with %s", q + 37);
	}
	sqlite3_close(db);
}

/* The planner takes the demo as it stands: the bookings kept can all
 * travel, and the open movements take travel-ready cases, not all. */
static void test_plan_on_demo(void **state)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	assert_int_equal(cor_store_open(demo_db, 0, &st, msg, sizeof(msg)), 0);
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_plan_query q = {.now = (int64_t)cor_date_to_days(today) * 86400 + 6 * 3600,
				   .horizon = 14 * 86400};
	struct cor_plan_load l;
	assert_int_equal(cor_svc_plan_load(st, &q, &cfg, &l), 0);
	size_t kept = 0;
	for (size_t i = 0; i < l.in.ncases; i++)
		kept += l.booked[i];
	assert_true(kept > 0);
	assert_true(l.in.ncases > kept);
	struct cor_plan_result res;
	if (cor_plan_solve(&l.in, &res, msg, sizeof(msg)) != 0)
		fail_msg("the planner refuses the demo: %s", msg);
	assert_true(res.cases > (long)kept);
	assert_true(res.cases < (long)l.in.ncases);
	for (size_t i = 0; i < l.in.ncases; i++)
		if (l.booked[i])
			assert_int_equal(res.movement[i], l.cases[i].fixed);
	cor_plan_result_free(&res);
	cor_store_plan_release(&l);
	cor_store_close(st);
}

/* ---- the name tables -------------------------------------------------- */

static void check_names(const char *nat, const char *what, const struct cor_name *list, size_t n)
{
	if (n == 0)
		fail_msg("%s: no %s names", nat, what);
	for (size_t i = 0; i < n; i++) {
		const char *l = list[i].latin, *s = list[i].script;
		if (!l || !*l)
			fail_msg("%s %s[%zu]: no Latin form", nat, what, i);
		if (strlen(l) >= COR_NAME_MAX)
			fail_msg("%s %s '%s': %zu bytes", nat, what, l, strlen(l));
		if (!cor_text_is_clean(l) || !cor_text_is_latin(l))
			fail_msg("%s %s '%s' is not clean Latin script", nat, what, l);
		if (l[0] == ' ' || l[strlen(l) - 1] == ' ' || strstr(l, "  "))
			fail_msg("%s %s '%s' has stray spaces", nat, what, l);
		if (s) {
			if (!*s || strlen(s) >= COR_NAME_MAX)
				fail_msg("%s %s '%s': script form of %zu bytes", nat, what, l,
					 strlen(s));
			if (!cor_text_is_clean(s))
				fail_msg("%s %s '%s': script form is not clean UTF-8", nat, what,
					 l);
			if (cor_text_is_latin(s))
				fail_msg("%s %s '%s': script form '%s' is Latin", nat, what, l, s);
		}
	}
}

static void check_set(const struct cor_name_set *ns)
{
	size_t at;
	if (!cor_language_list_is_valid(ns->languages, &at) || !*ns->languages)
		fail_msg("%s: languages '%s' bad at %zu", ns->nationality, ns->languages, at);
	check_names(ns->nationality, "male", ns->male, ns->n_male);
	check_names(ns->nationality, "female", ns->female, ns->n_female);
	check_names(ns->nationality, "family", ns->family, ns->n_family);
}

static void test_name_sets(void **state)
{
	assert_true(cor_name_sets_len >= 20);
	for (size_t i = 0; i < cor_name_sets_len; i++) {
		const struct cor_name_set *ns = &cor_name_sets[i];
		if (!cor_country_is_iso3(ns->nationality))
			fail_msg("set %zu: '%s' is not ISO alpha-3", i, ns->nationality);
		if (i && strcmp(cor_name_sets[i - 1].nationality, ns->nationality) >= 0)
			fail_msg("sets not sorted at '%s' (cor_names_for searches them)",
				 ns->nationality);
		assert_ptr_equal(cor_names_for(ns->nationality), ns);
		check_set(ns);
	}
	/* Any other code gets the generic set, which passes the same checks. */
	const struct cor_name_set *g = cor_names_for("ZZZ");
	assert_non_null(g);
	assert_string_equal(g->nationality, "XXX");
	assert_ptr_equal(cor_names_for(""), g);
	assert_ptr_equal(cor_names_for(NULL), g);
	check_set(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_sets),
		cmocka_unit_test(test_same_seed_same_database),
		cmocka_unit_test(test_exact_count),
		cmocka_unit_test(test_foreign_keys),
		cmocka_unit_test(test_rows_pass_import_rules),
		cmocka_unit_test(test_cases_whole),
		cmocka_unit_test(test_bookings_match_states),
		cmocka_unit_test(test_movements_keep_capacity),
		cmocka_unit_test(test_plan_on_demo),
		cmocka_unit_test(test_refuses_store_with_cases),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

// SPDX-License-Identifier: Apache-2.0
// Unit tests for the priority engine: vulnerability weights from needs
// lists, the golden queue (eleven cases in a known order, each with its exact
// explanation, whatever order they come in), ties down to the case
// reference, deadlines overdue, due today and a day away, configured time
// frames and weights, weights past the sort key's range, the sort against
// a reference on random queues full of ties, and bad facts.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/priority.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const struct cor_date today = {2026, 11, 27};

static void test_weight(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	static const struct {
		const char *needs;
		int weight;
	} want[] = {
		{"", 0},           {"SM-CC;SP", 7},
		{"SM-CC", 4},      {"SM-DP", 3}, /* its group's weight */
		{"SM", 3},         {"SC-UC;LP-RR", 9},
		{"XX;SM-CC;S", 4}, /* unknown codes weigh nothing */
		{";;SM-CC;", 4},   /* empty items too */
		{"SM-CCX", 0},     {"SM-C", 0},
		{"sm-cc", 0},      {"DS-DF;DS-BD;PG", 5},
	};
	for (size_t i = 0; i < ROWS(want); i++)
		if (cor_vulnerability_weight(&cfg, want[i].needs) != want[i].weight)
			fail_msg("weight of '%s' is %d, expected %d", want[i].needs,
				 cor_vulnerability_weight(&cfg, want[i].needs), want[i].weight);
	assert_int_equal(cor_vulnerability_weight(&cfg, NULL), 0);
}

/* ---- The golden queue ------------------------------------------------- */

// clang-format off
#define T(n) {.needs = n}
#define NO_DATE {0, 0, 0}

struct golden {
	const char *ref;
	enum cor_priority level;
	struct cor_date set_on, registered_on;
	struct cor_traveller_facts t[4];
	size_t n;
	const char *explanation;
};

/* In queue order. */
static const struct golden queue[] = {
	{"SD-PZU-2026-000050", COR_PRIO_EMERGENCY, {2026, 11, 15}, {2026, 11, 14},
	 {T("SM-CI;ER-NF")}, 1,
	 "emergency (deadline 2026-11-22, 5 days overdue); vulnerability 4: ER-NF single older "
	 "person (2), SM-CI chronic illness (2); registered 2026-11-14"},
	{"SD-PZU-2026-000040", COR_PRIO_EMERGENCY, {2026, 11, 25}, {2026, 11, 20}, {T("")}, 1,
	 "emergency (deadline 2026-12-02, 5 days left); vulnerability 0: no weighted specific "
	 "needs; registered 2026-11-20"},
	{"KE-NBO-2026-000070", COR_PRIO_URGENT, {2026, 10, 17}, {2026, 9, 1}, {T("SC-UC")}, 1,
	 "urgent (deadline 2026-11-28, 1 day left); vulnerability 5: SC-UC unaccompanied child "
	 "(5); registered 2026-09-01"},
	{"LB-BEY-2026-000030", COR_PRIO_URGENT, {2026, 11, 8}, {2026, 11, 1},
	 {T("LP-RR"), T("CR"), T("CR"), T("")}, 4,
	 "urgent (deadline 2026-12-20, 23 days left); vulnerability 10: CR child at risk (2 "
	 "persons x 3 = 6), LP-RR at risk of refoulement (4); registered 2026-11-01"},
	{"TR-IST-2026-000020", COR_PRIO_URGENT, {2026, 11, 8}, {2026, 10, 2}, {T("SM-CC;SP"), T("")},
	 2,
	 "urgent (deadline 2026-12-20, 23 days left); vulnerability 7: SM-CC critical medical "
	 "condition (4), SP single parent or caregiver (3); registered 2026-10-02"},
	{"NE-AJY-2025-000060", COR_PRIO_NORMAL, NO_DATE, {2025, 11, 27}, {T("TR")}, 1,
	 "normal (deadline 2026-11-27, due today); vulnerability 3: TR torture (3); registered "
	 "2025-11-27"},
	{"LY-TIP-2026-000010", COR_PRIO_NORMAL, NO_DATE, {2026, 1, 10}, {T(""), T("")}, 2,
	 "normal (deadline 2027-01-10, 44 days left); vulnerability 0: no weighted specific needs; "
	 "registered 2026-01-10"},
	{"YE-ADE-2026-000004", COR_PRIO_NORMAL, {2026, 3, 1}, {2026, 3, 15}, {T("FU")}, 1,
	 "normal (deadline 2027-03-01, 94 days left); vulnerability 1: FU family unity (1); "
	 "registered 2026-03-15"},
	{"YE-ADE-2026-000003", COR_PRIO_NORMAL, {2026, 3, 1}, {2026, 2, 1}, {T("")}, 1,
	 "normal (deadline 2027-03-01, 94 days left); vulnerability 0: no weighted specific needs; "
	 "registered 2026-02-01"},
	{"YE-ADE-2026-000001", COR_PRIO_NORMAL, {2026, 3, 1}, {2026, 3, 1}, {T("")}, 1,
	 "normal (deadline 2027-03-01, 94 days left); vulnerability 0: no weighted specific needs; "
	 "registered 2026-03-01"},
	{"YE-ADE-2026-000002", COR_PRIO_NORMAL, {2026, 3, 1}, {2026, 3, 1}, {T("")}, 1,
	 "normal (deadline 2027-03-01, 94 days left); vulnerability 0: no weighted specific needs; "
	 "registered 2026-03-01"},
};
// clang-format on

#define N_QUEUE ROWS(queue)

static struct cor_case_facts facts[N_QUEUE];

static void build_facts(void)
{
	for (size_t i = 0; i < N_QUEUE; i++) {
		facts[i] = (struct cor_case_facts){
			.ref = queue[i].ref,
			.programme = cor_programme_find("RST"),
			.priority = queue[i].level,
			.priority_set_on = queue[i].set_on,
			.registered_on = queue[i].registered_on,
			.travellers = queue[i].t,
			.n_travellers = queue[i].n,
		};
	}
}

/* Sort recs and check the order and every explanation. */
static void check_queue(const struct cor_rules_config *cfg, struct cor_priority_rec *recs)
{
	char s[512];
	cor_priority_sort(recs, N_QUEUE);
	for (size_t i = 0; i < N_QUEUE; i++) {
		if (strcmp(recs[i].facts->ref, queue[i].ref)) {
			for (size_t k = 0; k < N_QUEUE; k++)
				fprintf(stderr, "  %zu %s\n", k + 1, recs[k].facts->ref);
			fail_msg("place %zu is %s, expected %s", i + 1, recs[i].facts->ref,
				 queue[i].ref);
		}
		size_t need = cor_priority_explain(cfg, &recs[i], today, s, sizeof(s));
		if (strcmp(s, queue[i].explanation))
			fail_msg("%s:\n  got      '%s'\n  expected '%s'", queue[i].ref, s,
				 queue[i].explanation);
		assert_int_equal(need, strlen(s));
	}
}

static void test_golden_queue(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_priority_rec recs[N_QUEUE];
	build_facts();

	/* Whatever the input order: every rotation, forwards and backwards. */
	for (size_t rot = 0; rot < N_QUEUE; rot++)
		for (int dir = 0; dir < 2; dir++) {
			for (size_t i = 0; i < N_QUEUE; i++) {
				size_t k = (i + rot) % N_QUEUE;
				if (dir)
					k = N_QUEUE - 1 - k;
				assert_int_equal(cor_priority_compute(&cfg, &facts[k], &recs[i]),
						 0);
			}
			check_queue(&cfg, recs);
		}
}

/* cmp is a strict total order on distinct references, and 0 on itself. */
static void test_cmp_order(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_priority_rec recs[N_QUEUE];
	build_facts();
	for (size_t i = 0; i < N_QUEUE; i++)
		assert_int_equal(cor_priority_compute(&cfg, &facts[i], &recs[i]), 0);
	for (size_t i = 0; i < N_QUEUE; i++)
		for (size_t j = 0; j < N_QUEUE; j++) {
			int c = cor_priority_cmp(&recs[i], &recs[j]);
			if (i == j)
				assert_int_equal(c, 0);
			else if ((c < 0) != (i < j))
				fail_msg("cmp(%s, %s) = %d", queue[i].ref, queue[j].ref, c);
		}
	/* The record's values. */
	assert_int_equal(recs[3].weight, 10);
	assert_int_equal(recs[3].deadline, cor_date_to_days((struct cor_date){2026, 12, 20}));
	assert_ptr_equal(recs[3].facts, &facts[3]);
	assert_ptr_equal(recs[3].ref, facts[3].ref);
	assert_int_equal(sizeof(recs[0]), 32); /* what the sort moves */
}

/* The sort against a plain insertion sort on random queues of every small
 * size and a large one, with many ties down to the reference and some equal
 * references: same sequence, in order. */
static uint64_t rng = 88172645463325252u;

static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void test_sort_random(void **state)
{
	static const char *const refs[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
	static struct cor_priority_rec a[5000], b[5000];
	size_t sizes[80];
	for (size_t i = 0; i < 79; i++)
		sizes[i] = i;
	sizes[79] = ROWS(a);
	for (size_t s = 0; s < ROWS(sizes); s++) {
		size_t n = sizes[s];
		for (int round = 0; round < 4; round++) {
			for (size_t i = 0; i < n; i++) {
				unsigned spread = round == 0 ? 2 : round == 1 ? 5 : 1000;
				a[i] = (struct cor_priority_rec){.key = next(spread),
								 .ref = refs[next(8)],
								 .weight = (int32_t)next(3)};
				if (round == 3) /* already sorted input, then reversed */
					a[i].key = n - i;
			}
			memcpy(b, a, n * sizeof(a[0]));
			cor_priority_sort(a, n);
			for (size_t i = 1; i < n; i++) { /* reference: insertion sort */
				struct cor_priority_rec x = b[i];
				size_t j = i;
				for (; j > 0 && cor_priority_cmp(&b[j - 1], &x) > 0; j--)
					b[j] = b[j - 1];
				b[j] = x;
			}
			for (size_t i = 0; i < n; i++)
				if (a[i].key != b[i].key || a[i].weight != b[i].weight ||
				    strcmp(a[i].ref, b[i].ref))
					fail_msg("size %zu round %d: differs at %zu", n, round, i);
		}
	}
}

/* Time frames and weights from the config move cases in the queue. */
static void test_config(void **state)
{
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_priority_rec a, b;
	char s[512], msg[128];
	build_facts();

	/* With 30 urgent days, TR-IST's deadline is 2026-12-08. */
	const char *text = "priority.urgent_days = 30\nweight.SP = 10\n";
	assert_int_equal(cor_rules_config_parse(&cfg, text, strlen(text), "t", msg, sizeof(msg)),
			 0);
	assert_int_equal(cor_priority_compute(&cfg, &facts[4], &a), 0);
	cor_priority_explain(&cfg, &a, today, s, sizeof(s));
	assert_string_equal(s, "urgent (deadline 2026-12-08, 11 days left); vulnerability 14: SP "
			       "single parent or caregiver (10), SM-CC critical medical condition "
			       "(4); registered 2026-10-02");
	/* ...and, heavier now, it goes before LB-BEY on the same deadline. */
	assert_int_equal(cor_priority_compute(&cfg, &facts[3], &b), 0);
	assert_true(cor_priority_cmp(&a, &b) < 0);

	/* A weight of 0 leaves a code out of the explanation. */
	cfg = cor_rules_config_default();
	text = "weight.SM-CC = 0";
	assert_int_equal(cor_rules_config_parse(&cfg, text, strlen(text), "t", msg, sizeof(msg)),
			 0);
	assert_int_equal(cor_priority_compute(&cfg, &facts[4], &a), 0);
	cor_priority_explain(&cfg, &a, today, s, sizeof(s));
	assert_string_equal(s, "urgent (deadline 2026-12-20, 23 days left); vulnerability 3: SP "
			       "single parent or caregiver (3); registered 2026-10-02");
}

/* Weights past the key's 14 bits still order heaviest first. */
static void test_heavy(void **state)
{
	static struct cor_traveller_facts many[2000];
	const struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_priority_rec a, b;
	for (size_t i = 0; i < ROWS(many); i++)
		many[i].needs = "SC-UC;SM-CC;LP-RR;LP-IH"; /* 17 each */
	struct cor_case_facts fa = {.ref = "B",
				    .priority = COR_PRIO_NORMAL,
				    .registered_on = {2026, 1, 1},
				    .travellers = many,
				    .n_travellers = 2000};
	struct cor_case_facts fb = fa;
	fb.ref = "A";
	fb.n_travellers = 1000;
	assert_int_equal(cor_priority_compute(&cfg, &fa, &a), 0);
	assert_int_equal(cor_priority_compute(&cfg, &fb, &b), 0);
	assert_int_equal(a.weight, 34000);
	assert_int_equal(b.weight, 17000);
	assert_true(a.key == b.key);
	assert_true(cor_priority_cmp(&a, &b) < 0);
	assert_true(cor_priority_cmp(&b, &a) > 0);
	char s[64];
	size_t need = cor_priority_explain(&cfg, &a, today, s, sizeof(s));
	assert_true(need > sizeof(s));
	assert_int_equal(strlen(s), sizeof(s) - 1);
	assert_int_equal(cor_priority_explain(&cfg, &a, today, NULL, 0), need);
}

static void test_bad_facts(void **state)
{
	const struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_priority_rec r;
	struct cor_case_facts f = {
		.ref = "X", .priority = COR_PRIO_URGENT, .registered_on = {2026, 2, 29}};
	assert_int_equal(cor_priority_compute(&cfg, &f, &r), COR_EINVAL);
	f.registered_on = (struct cor_date){2026, 2, 28};
	assert_int_equal(cor_priority_compute(&cfg, &f, &r), 0);
	assert_int_equal(r.weight, 0);
	f.priority = COR_PRIO__N;
	assert_int_equal(cor_priority_compute(&cfg, &f, &r), COR_EINVAL);
	f.priority = (enum cor_priority) - 1;
	assert_int_equal(cor_priority_compute(&cfg, &f, &r), COR_EINVAL);
	/* An impossible "set on" date falls back to registration. */
	f.priority = COR_PRIO_URGENT;
	f.priority_set_on = (struct cor_date){2026, 13, 1};
	assert_int_equal(cor_priority_compute(&cfg, &f, &r), 0);
	assert_int_equal(r.deadline, cor_date_to_days(f.registered_on) + 42);
	/* Sorting nothing, or one, is fine. */
	cor_priority_sort(NULL, 0);
	cor_priority_sort(&r, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weight),    cmocka_unit_test(test_golden_queue),
		cmocka_unit_test(test_cmp_order), cmocka_unit_test(test_sort_random),
		cmocka_unit_test(test_config),    cmocka_unit_test(test_heavy),
		cmocka_unit_test(test_bad_facts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

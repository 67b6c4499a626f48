// SPDX-License-Identifier: Apache-2.0
// corridor queue: the travel-ready cases that are eligible under the rules
// in force, in priority order, each with its place, its persons and why it
// stands there; then those in travel_ready that are not eligible, counted
// or, with --show-blocked, listed with their unmet codes (service/queue.h).
// Parsing and printing only; nothing is written to the database.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/case_filter.h"
#include "cli/cli.h"
#include "domain/health.h"
#include "service/queue.h"

static const struct cor_command *const cmd = &cor_cmd_queue;

/* "3 persons" or "1 person (medical_escort, wchs)". */
static void persons_text(int n, unsigned conditions, char *buf, size_t len)
{
	char conds[160];
	cor_health_conditions_format(conditions, conds, sizeof(conds));
	snprintf(buf, len, "%d person%s%s%s%s", n, n == 1 ? "" : "s", *conds ? " (" : "", conds,
		 *conds ? ")" : "");
}

static void print_queue(const struct cor_svc_queue *q, long limit)
{
	char who[256], why[1024];
	for (size_t i = 0; i < q->n && (limit == 0 || (long)i < limit); i++) {
		unsigned conditions;
		int n = cor_svc_queue_persons(q, i, &conditions);
		persons_text(n, conditions, who, sizeof(who));
		size_t need = cor_svc_queue_why(q, i, why, sizeof(why));
		char *text = why, *big = NULL;
		if (need >= sizeof(why) && (big = malloc(need + 1))) {
			cor_svc_queue_why(q, i, big, need + 1);
			text = big;
		}
		printf("%4zu  %s  %s  %s\n", i + 1, q->recs[i].ref, who, cor_cli_shown(text));
		free(big);
	}
}

static void print_blocked(const struct cor_svc_queue *q)
{
	char who[256];
	for (long i = 0; i < q->n_blocked; i++) {
		const struct cor_svc_blocked *b = &q->blocked[i];
		persons_text(b->persons, 0, who, sizeof(who));
		printf("   -  %s  %s  not eligible: %s\n", b->ref, who, b->codes);
	}
}

static void print_summary(const struct cor_svc_queue *q, long limit, bool show_blocked)
{
	char day[64], date[COR_DATE_LEN], a[32], b[32], c[32], d[32];
	if (q->has_travel_on)
		snprintf(day, sizeof(day), "for travel on %s", cor_date_format(q->travel_on, date));
	else
		snprintf(day, sizeof(day), "on %s (no travel date set)",
			 cor_date_format(q->today, date));
	cor_cli_thousands(a, sizeof(a), (long)q->n);
	cor_cli_thousands(b, sizeof(b), q->persons);
	cor_cli_thousands(c, sizeof(c), q->n_blocked);
	cor_cli_thousands(d, sizeof(d), q->blocked_persons);
	printf("travel-ready %s: %s case%s eligible (%s person%s), %s not eligible (%s person%s)",
	       day, a, q->n == 1 ? "" : "s", b, q->persons == 1 ? "" : "s", c, d,
	       q->blocked_persons == 1 ? "" : "s");
	if (limit > 0 && (size_t)limit < q->n)
		printf("; the first %ld shown", limit);
	if (q->n_blocked > 0 && !show_blocked)
		printf("; --show-blocked lists those not eligible");
	putchar('\n');
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"programme", required_argument, NULL, 'P'},
		{"office", required_argument, NULL, 'O'},
		{"limit", required_argument, NULL, 'L'},
		{"travel-date", required_argument, NULL, 't'},
		{"show-blocked", no_argument, NULL, 'b'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	struct cor_svc_queue q = COR_SVC_QUEUE_INIT;
	struct cor_case_filter filter = {0};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_date travel;
	struct cor_svc_queue_in in = {0};
	const char *db = NULL;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'b':
			in.keep_blocked = true;
			break;
		case 't':
			if (cor_cli_parse_date(cmd, "--travel-date", optarg, &travel) !=
			    COR_EXIT_OK)
				return COR_EXIT_USAGE;
			in.travel_on = &travel;
			break;
		case 'P':
		case 'O':
		case 'L':
			if ((ret = cor_cli_filter_option(cmd, c, optarg, &filter)) != 0)
				return ret;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	in.programme = filter.programme;
	in.office = filter.office;
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_queue(&cx, &in, &q) < 0) {
		ret = cor_cli_error(&cx, json);
		if (!json && cx.err.code == COR_CODE_OFFICE_NOT_FOUND)
			fprintf(stderr, "(see 'corridor office list')\n");
	} else if (json) {
		ret = cor_cli_print_json(cor_svc_queue_json(&q, filter.limit));
	} else {
		print_queue(&q, filter.limit);
		if (in.keep_blocked)
			print_blocked(&q);
		print_summary(&q, filter.limit, in.keep_blocked);
		ret = COR_EXIT_OK;
	}
	cor_svc_queue_release(&q);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_queue = {
	"queue",
	run,
	"usage: corridor queue [--programme P] [--office O] [--travel-date YYYY-MM-DD] [--limit "
	"N]\n"
	"                      [--show-blocked] [--json] [--db PATH]\n\n"
	"The priority queue of travel-ready cases that meet every eligibility\n"
	"criterion under the rules in force ('corridor rules show'): place, case ID,\n"
	"persons (and their travel conditions), and why the case stands there\n"
	"(level and deadline, vulnerability, registration). Travel-ready cases that\n"
	"are not eligible are counted on the last line.\n\n"
	"  --programme P    HEV, VHR, AVR, REP, HASM, RST, REL or CPW\n"
	"  --office O       an office code, e.g. LY-TIP\n"
	"  --travel-date D  evaluate for travel on D and count deadlines to D (default:\n"
	"                   today, with no travel date set: cases are not booked on a\n"
	"                   movement yet)\n"
	"  --limit N        show the first N places (0: all)\n"
	"  --show-blocked   list the travel-ready cases that are not eligible, with\n"
	"                   their unmet codes ('corridor eligibility' tells why)\n"
	"  --json           one JSON document: the queue, the counts, the blocked cases\n"
	"See docs/queue.md.",
	"the priority queue of eligible travel-ready cases",
	0,
};

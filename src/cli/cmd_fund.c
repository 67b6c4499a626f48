// SPDX-License-Identifier: Apache-2.0
// corridor fund: the stranded-migrant fund (HASM): budgets, requests,
// decisions, payments, and the position of an office. The operations and
// their rules are service/fund.h; this file parses and prints.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/fund.h"
#include "domain/money.h"
#include "service/fund.h"

static const struct cor_command *const cmd = &cor_cmd_fund;

struct args {
	const char *db, *year, *currency, *amount, *reason, *kind, *note, *reference, *state;
	bool json;
	int npos;
	char *pos[4];
};

/* Parse the options every fund subcommand may take; which ones a
 * subcommand needs is checked by its operation. */
static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"year", required_argument, NULL, 'y'},
		{"currency", required_argument, NULL, 'c'},
		{"amount", required_argument, NULL, 'a'},
		{"reason", required_argument, NULL, 'r'},
		{"kind", required_argument, NULL, 'k'},
		{"note", required_argument, NULL, 'n'},
		{"reference", required_argument, NULL, 'f'},
		{"state", required_argument, NULL, 's'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	int c;
	memset(a, 0, sizeof(*a));
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'y':
			a->year = optarg;
			break;
		case 'c':
			a->currency = optarg;
			break;
		case 'a':
			a->amount = optarg;
			break;
		case 'r':
			a->reason = optarg;
			break;
		case 'k':
			a->kind = optarg;
			break;
		case 'n':
			a->note = optarg;
			break;
		case 'f':
			a->reference = optarg;
			break;
		case 's':
			a->state = optarg;
			break;
		case 'j':
			a->json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (a->npos == 4)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		a->pos[a->npos++] = argv[i];
	}
	return 0;
}

/* --year as a number (0 when not given: the operation takes this year). */
static int parse_year(struct args *a, int *year)
{
	long y = 0;
	int ret = a->year ? cor_cli_parse_long(cmd, "--year", a->year, 1, 9999, &y) : 0;
	*year = (int)y;
	return ret;
}

static int parse_request_id(struct args *a, long *id)
{
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one request number");
	return cor_cli_parse_long(cmd, "REQUEST", a->pos[0], 1, 2147483647L, id);
}

/* Open the store and the context; the exit status on failure. */
static int open_ctx(struct args *a, struct cor_store **st, struct cor_ctx *cx)
{
	return cor_cli_ctx_open(a->db, 0, a->json, st, cx);
}

/* The end of a command: the error when err < 0, else doc (with --json) or
 * nothing more (the text was printed). */
static int finish(struct cor_store *st, struct cor_ctx *cx, struct args *a, int err, json_t *doc)
{
	int ret = COR_EXIT_OK;
	if (err < 0)
		ret = cor_cli_error(cx, a->json);
	else if (doc)
		ret = cor_cli_print_json(doc);
	cor_store_close(st);
	return ret;
}

static int cmd_budget(struct args *a)
{
	struct cor_svc_fund_budget_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	char m[COR_MONEY_LEN];
	json_t *doc = NULL;
	int year, ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one office code, e.g. NE-AJY");
	if ((ret = parse_year(a, &year)) || (ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_fund_budget_in in = {a->pos[0], year, a->currency, a->amount};
	int err = cor_svc_fund_budget_set(&cx, &in, &out);
	if (err == 0 && a->json)
		doc = cor_svc_fund_budget_result_json(&in, &out);
	else if (err == 0)
		printf("budget of %s for %d: %s\n", in.office, out.year,
		       cor_money_format(out.amount, in.currency, m));
	return finish(st, &cx, a, err, doc);
}

static int cmd_request(struct args *a)
{
	struct cor_svc_fund_request_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	char m[COR_MONEY_LEN];
	json_t *doc = NULL;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if ((ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_fund_request_in in = {a->pos[0],   a->reason, a->kind,
					     a->currency, a->amount, a->note};
	int err = cor_svc_fund_request(&cx, &in, &out);
	const struct cor_fund_request *r = &out.request;
	if (err == 0 && a->json)
		doc = cor_svc_fund_request_json(r);
	else if (err == 0)
		printf("request %ld: %s for %s on case %s\n", r->id,
		       cor_money_format(r->amount, r->currency, m), r->kind, r->case_ref);
	return finish(st, &cx, a, err, doc);
}

static int cmd_decide(struct args *a, bool approve)
{
	struct cor_svc_fund_request_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	long id;
	int ret;
	if ((ret = parse_request_id(a, &id)) || (ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_fund_decide_in in = {id, approve, a->note};
	int err = cor_svc_fund_decide(&cx, &in, &out);
	if (err == 0 && a->json)
		doc = cor_svc_fund_request_json(&out.request);
	else if (err == 0)
		printf("request %ld %s\n", id, approve ? "approved" : "rejected");
	return finish(st, &cx, a, err, doc);
}

static int cmd_pay(struct args *a)
{
	struct cor_svc_fund_request_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	char m[COR_MONEY_LEN];
	json_t *doc = NULL;
	long id;
	int ret;
	if ((ret = parse_request_id(a, &id)) || (ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_fund_pay_in in = {id, a->amount, a->reference};
	int err = cor_svc_fund_pay(&cx, &in, &out);
	const struct cor_fund_request *r = &out.request;
	if (err == 0 && a->json)
		doc = cor_svc_fund_pay_result_json(&in, &out);
	else if (err == 0)
		printf("request %ld: paid %s\n", id,
		       cor_money_format(out.paid_now, r->currency, m));
	return finish(st, &cx, a, err, doc);
}

/* The text of fund status, printed as the operation streams it: the
 * heading before the first position, "requests" before the first request. */
struct status_text {
	const char *office;
	int year;
	bool heading, requests; /* printed */
};

static void heading(struct status_text *t)
{
	if (!t->heading)
		printf("fund of %s in %d\n", t->office, t->year);
	t->heading = true;
}

static void requests_heading(struct status_text *t)
{
	heading(t);
	if (!t->requests)
		printf("requests\n");
	t->requests = true;
}

static int print_position(const char *currency, const struct cor_fund_position *p, void *ctx)
{
	char b[COR_MONEY_LEN], ap[COR_MONEY_LEN], d[COR_MONEY_LEN], l[COR_MONEY_LEN];
	heading(ctx);
	printf("  %-4s budget %s, approved %s, paid %s, left to approve %s\n", currency,
	       cor_money_format(p->budget, currency, b),
	       cor_money_format(p->approved, currency, ap),
	       cor_money_format(p->disbursed, currency, d),
	       cor_money_format(p->budget - p->approved, currency, l));
	return 0;
}

static void request_line(const struct cor_fund_request *r)
{
	char m[COR_MONEY_LEN], paid[COR_MONEY_LEN];
	printf("  %5ld  %-20s %-9s %-16s %-10s %16s  paid %s\n", r->id, r->case_ref,
	       cor_fund_state_name(r->state), r->reason, r->kind,
	       cor_money_format(r->amount, r->currency, m),
	       cor_money_format(r->paid, r->currency, paid));
}

static int print_request(const struct cor_fund_request *r, void *ctx)
{
	requests_heading(ctx);
	request_line(r);
	return 0;
}

static int cmd_status(struct args *a)
{
	struct cor_svc_fund_status_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	int year, ret, err;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one office code, e.g. NE-AJY");
	if ((ret = parse_year(a, &year)) || (ret = open_ctx(a, &st, &cx)))
		return ret;
	if (a->json) {
		struct cor_svc_fund_status_in in = {.office = a->pos[0], .year = year};
		err = cor_svc_fund_status_doc(&cx, &in, &doc);
	} else {
		struct status_text t = {a->pos[0], cor_fund_year(year, cx.today.year), false,
					false};
		struct cor_svc_fund_status_in in = {a->pos[0], year, print_position, print_request,
						    &t};
		if ((err = cor_svc_fund_status(&cx, &in, &out)) == 0)
			requests_heading(&t);
	}
	return finish(st, &cx, a, err, doc);
}

static int print_listed(const struct cor_fund_request *r, void *ctx)
{
	request_line(r);
	return 0;
}

static int cmd_list(struct args *a)
{
	struct cor_svc_fund_list_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	int year, ret, err;
	if (a->npos > 1)
		return cor_cli_usage_error(cmd, "give at most one office code");
	if ((ret = parse_year(a, &year)) || (ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_fund_list_in in = {a->npos ? a->pos[0] : NULL, year, a->state, print_listed,
					  NULL};
	if (a->json)
		err = cor_svc_fund_list_doc(&cx, &in, &doc);
	else if ((err = cor_svc_fund_list(&cx, &in, &out)) == 0)
		printf("%ld request%s in %d\n", out.count, out.count == 1 ? "" : "s", out.year);
	return finish(st, &cx, a, err, doc);
}

static int cmd_approve(struct args *a)
{
	return cmd_decide(a, true);
}

static int cmd_reject(struct args *a)
{
	return cmd_decide(a, false);
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"budget", "request", "approve", "reject",
					    "pay",    "status",  "list",    NULL};
	static int (*const subs[])(struct args *) = {
		cmd_budget, cmd_request, cmd_approve, cmd_reject, cmd_pay, cmd_status, cmd_list};
	_Static_assert(sizeof(subs) / sizeof(subs[0]) == sizeof(names) / sizeof(names[0]) - 1,
		       "one function per subcommand name");
	struct args a;
	int ret, i = cor_cli_subcommand(cmd, names, argc, argv);
	if (i < 0)
		return COR_EXIT_USAGE;
	if ((ret = parse(argc - 1, argv + 1, &a)))
		return ret;
	return subs[i](&a);
}

const struct cor_command cor_cmd_fund = {
	"fund",
	run,
	"usage: corridor fund budget OFFICE --currency CUR --amount A [--year Y]\n"
	"       corridor fund request CASE-ID --reason R --kind K --currency CUR --amount A "
	"[--note T]\n"
	"       corridor fund approve REQUEST [--note T]\n"
	"       corridor fund reject REQUEST --note T\n"
	"       corridor fund pay REQUEST --amount A [--reference REF]\n"
	"       corridor fund status OFFICE [--year Y]\n"
	"       corridor fund list [OFFICE] [--year Y] [--state requested|approved|rejected]\n"
	"  (each also takes --json and --db PATH)\n\n"
	"  reasons: lost_documents destitution accident_illness abuse broken_promises\n"
	"           asylum_rejected insecurity\n"
	"  kinds:   shelter food medical documents transport cash other\n"
	"Amounts are in the currency's units (120.50 USD, 5000 XOF, 12.500 LYD). Approval is\n"
	"refused when it would exceed the office's budget for the year in that currency.",
	"the stranded-migrant fund: budgets, requests, approvals, payments",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor fund: the stranded-migrant fund (HASM): budgets, requests,
// decisions, payments, and the position of an office.
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "domain/money.h"
#include "store/store_fund.h"

static const struct cor_command *const cmd = &cor_cmd_fund;

struct args {
	const char *db, *year, *currency, *amount, *reason, *kind, *note, *reference;
	int npos;
	char *pos[4];
};

/* Parse the options every fund subcommand may take; which ones a
 * subcommand needs is checked by the subcommand. */
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

static int need_year(struct args *a, int *year)
{
	long y;
	if (!a->year) {
		*year = cor_date_today().year;
		return 0;
	}
	int ret = cor_cli_parse_long(cmd, "--year", a->year, 2000, 2100, &y);
	*year = (int)y;
	return ret;
}

static int need_money(struct args *a, int64_t *amount)
{
	if (!a->currency || cor_currency_minor_units(a->currency) < 0)
		return cor_cli_usage_error(
			cmd, "--currency: give an ISO 4217 code such as USD, EUR, LYD");
	if (!a->amount || cor_money_parse(a->amount, a->currency, amount) < 0)
		return cor_cli_usage_error(
			cmd,
			"--amount: '%s' is not a positive amount in %s with at most %d decimals",
			a->amount ? a->amount : "", a->currency,
			cor_currency_minor_units(a->currency));
	return 0;
}

static int need_request_id(struct args *a, long *id)
{
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one request number");
	return cor_cli_parse_long(cmd, "REQUEST", a->pos[0], 1, 2147483647L, id);
}

static int open_store(struct args *a, struct cor_store **st)
{
	return cor_cli_open(a->db, 0, st);
}

static int done(struct cor_store *st, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int done(struct cor_store *st, int err, const char *fmt, ...)
{
	int ret = COR_EXIT_OK;
	if (err < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	} else {
		va_list ap;
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	cor_store_close(st);
	return ret;
}

static int cmd_budget(struct args *a)
{
	int year, ret;
	int64_t amount;
	struct cor_store *st;
	char m[COR_MONEY_LEN];
	if (a->npos != 1 || !cor_office_code_is_valid(a->pos[0]))
		return cor_cli_usage_error(cmd, "give one office code, e.g. NE-AJY");
	if ((ret = need_year(a, &year)) || (ret = need_money(a, &amount)))
		return ret;
	if (open_store(a, &st))
		return COR_EXIT_FAIL;
	int err = cor_store_fund_set_budget(st, a->pos[0], year, a->currency, amount,
					    cor_cli_actor());
	return done(st, err, "budget of %s for %d: %s\n", a->pos[0], year,
		    cor_money_format(amount, a->currency, m));
}

static int cmd_request(struct args *a)
{
	int ret;
	int64_t amount;
	long id = 0;
	struct cor_store *st;
	char m[COR_MONEY_LEN];
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (!a->reason || !cor_fund_reason_is_valid(a->reason))
		return cor_cli_usage_error(
			cmd, "--reason: one of lost_documents, destitution, accident_illness, "
			     "abuse, broken_promises, asylum_rejected, insecurity");
	if (!a->kind || !cor_fund_kind_is_valid(a->kind))
		return cor_cli_usage_error(cmd, "--kind: one of shelter, food, medical, documents, "
						"transport, cash, other");
	if ((ret = need_money(a, &amount)))
		return ret;
	if (open_store(a, &st))
		return COR_EXIT_FAIL;
	int err = cor_store_fund_request(st, a->pos[0], a->reason, a->kind, amount, a->currency,
					 a->note, cor_cli_actor(), &id);
	return done(st, err, "request %ld: %s for %s on case %s\n", id,
		    cor_money_format(amount, a->currency, m), a->kind, a->pos[0]);
}

static int cmd_decide(struct args *a, bool approve)
{
	long id;
	int ret;
	struct cor_store *st;
	if ((ret = need_request_id(a, &id)))
		return ret;
	if (!approve && (!a->note || !*a->note))
		return cor_cli_usage_error(cmd, "--note: say why the request is rejected");
	if (open_store(a, &st))
		return COR_EXIT_FAIL;
	int err = cor_store_fund_decide(st, id, approve, a->note, cor_cli_actor());
	return done(st, err, "request %ld %s\n", id, approve ? "approved" : "rejected");
}

static int cmd_pay(struct args *a)
{
	long id;
	int ret;
	int64_t amount;
	struct cor_store *st;
	struct cor_fund_request r;
	char m[COR_MONEY_LEN];
	if ((ret = need_request_id(a, &id)))
		return ret;
	if (!a->amount)
		return cor_cli_usage_error(cmd, "--amount: how much is paid");
	if (open_store(a, &st))
		return COR_EXIT_FAIL;
	/* The amount is in the request's currency. */
	int err = cor_store_fund_get(st, id, &r);
	if (err == 0 && cor_money_parse(a->amount, r.currency, &amount) < 0) {
		cor_store_close(st);
		return cor_cli_usage_error(cmd, "--amount: '%s' is not a positive amount in %s",
					   a->amount, r.currency);
	}
	if (err == 0)
		err = cor_store_fund_pay(st, id, amount, a->reference, cor_cli_actor());
	return done(st, err, "request %ld: paid %s\n", id,
		    err == 0 ? cor_money_format(amount, r.currency, m) : "");
}

static int print_position(const char *currency, const struct cor_fund_position *p, void *ctx)
{
	char b[COR_MONEY_LEN], ap[COR_MONEY_LEN], d[COR_MONEY_LEN], l[COR_MONEY_LEN];
	printf("  %-4s budget %s, approved %s, paid %s, left to approve %s\n", currency,
	       cor_money_format(p->budget, currency, b),
	       cor_money_format(p->approved, currency, ap),
	       cor_money_format(p->disbursed, currency, d),
	       cor_money_format(p->budget - p->approved, currency, l));
	return 0;
}

static int print_request(const struct cor_fund_request *r, void *ctx)
{
	char m[COR_MONEY_LEN], paid[COR_MONEY_LEN];
	printf("  %5ld  %-20s %-9s %-16s %-10s %16s  paid %s\n", r->id, r->case_ref,
	       cor_fund_state_name(r->state), r->reason, r->kind,
	       cor_money_format(r->amount, r->currency, m),
	       cor_money_format(r->paid, r->currency, paid));
	return 0;
}

static int cmd_status(struct args *a)
{
	int year, ret;
	struct cor_store *st;
	if (a->npos != 1 || !cor_office_code_is_valid(a->pos[0]))
		return cor_cli_usage_error(cmd, "give one office code, e.g. NE-AJY");
	if ((ret = need_year(a, &year)))
		return ret;
	if (open_store(a, &st))
		return COR_EXIT_FAIL;
	printf("fund of %s in %d\n", a->pos[0], year);
	int err = cor_store_fund_positions(st, a->pos[0], year, print_position, NULL);
	if (err == 0) {
		printf("requests\n");
		err = cor_store_fund_requests(st, a->pos[0], year, print_request, NULL);
	}
	return done(st, err, "%s", "");
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
					    "pay",    "status",  NULL};
	static int (*const subs[])(struct args *) = {cmd_budget, cmd_request, cmd_approve,
						     cmd_reject, cmd_pay,     cmd_status};
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
	"  (each also takes --db PATH)\n\n"
	"  reasons: lost_documents destitution accident_illness abuse broken_promises\n"
	"           asylum_rejected insecurity\n"
	"  kinds:   shelter food medical documents transport cash other\n"
	"Amounts are in the currency's units (120.50 USD, 5000 XOF, 12.500 LYD). Approval is\n"
	"refused when it would exceed the office's budget for the year in that currency.",
	"the stranded-migrant fund: budgets, requests, approvals, payments",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor support: (re)integration support after arrival: plan assistance
// items, deliver or cancel them, record follow-up visits, close.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/money.h"
#include "store/store_support.h"

static const struct cor_command *const cmd = &cor_cmd_support;

struct args {
	const char *db, *kind, *description, *amount, *currency, *note, *on, *by, *finding,
		*outcome;
	int npos;
	char *pos[3];
};

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"kind", required_argument, NULL, 'k'},
		{"description", required_argument, NULL, 't'},
		{"amount", required_argument, NULL, 'a'},
		{"currency", required_argument, NULL, 'c'},
		{"note", required_argument, NULL, 'n'},
		{"on", required_argument, NULL, 'o'},
		{"by", required_argument, NULL, 'b'},
		{"finding", required_argument, NULL, 'f'},
		{"outcome", required_argument, NULL, 'u'},
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
		case 'k':
			a->kind = optarg;
			break;
		case 't':
			a->description = optarg;
			break;
		case 'a':
			a->amount = optarg;
			break;
		case 'c':
			a->currency = optarg;
			break;
		case 'n':
			a->note = optarg;
			break;
		case 'o':
			a->on = optarg;
			break;
		case 'b':
			a->by = optarg;
			break;
		case 'f':
			a->finding = optarg;
			break;
		case 'u':
			a->outcome = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (a->npos == 3)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		a->pos[a->npos++] = argv[i];
	}
	return 0;
}

/* Is s present, clean text of at most max bytes? */
static bool text_ok(const char *s, size_t max)
{
	return s && *s && strlen(s) <= max && cor_text_is_clean(s);
}

static int finish(struct cor_store *st, int err, const char *done)
{
	int ret = COR_EXIT_OK;
	if (err < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else
		fputs(done, stdout);
	cor_store_close(st);
	return ret;
}

static int cmd_plan(struct args *a)
{
	enum cor_support_kind kind;
	int64_t amount = 0;
	struct cor_store *st;
	char done[200];
	int no = 0;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (!a->kind || cor_support_kind_parse(a->kind, &kind) < 0)
		return cor_cli_usage_error(cmd, "--kind: one of cash, in_kind, referral, business, "
						"medical, education, housing, psychosocial");
	if (!text_ok(a->description, 255))
		return cor_cli_usage_error(cmd,
					   "--description: what is given (1-255 bytes of text)");
	if (a->amount || a->currency) {
		if (!a->currency || cor_currency_minor_units(a->currency) < 0)
			return cor_cli_usage_error(cmd, "--currency: an ISO 4217 code such as USD");
		if (!a->amount || cor_money_parse(a->amount, a->currency, &amount) < 0)
			return cor_cli_usage_error(cmd,
						   "--amount: '%s' is not a positive amount in %s",
						   a->amount ? a->amount : "", a->currency);
	}
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err = cor_store_support_plan(st, a->pos[0], kind, a->description, amount, a->currency,
					 cor_cli_actor(), &no);
	snprintf(done, sizeof(done), "case %s: item %d planned\n", a->pos[0], no);
	return finish(st, err, done);
}

static int cmd_done(struct args *a, enum cor_support_status status)
{
	long no;
	int ret;
	struct cor_store *st;
	char done[200];
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "give a case ID and an item number");
	if ((ret = cor_cli_parse_long(cmd, "ITEM", a->pos[1], 1, 9999, &no)))
		return ret;
	if (status == COR_SUPPORT_CANCELLED && !text_ok(a->note, 255))
		return cor_cli_usage_error(cmd, "--note: say why the item is cancelled");
	if (a->note && !text_ok(a->note, 255))
		return cor_cli_usage_error(cmd, "--note: at most 255 bytes of text");
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err = cor_store_support_done(st, a->pos[0], (int)no, status, a->note, cor_cli_actor());
	snprintf(done, sizeof(done), "case %s: item %ld %s\n", a->pos[0], no,
		 cor_support_status_name(status));
	return finish(st, err, done);
}

static int cmd_visit(struct args *a)
{
	struct cor_date on = cor_date_today();
	struct cor_store *st;
	char done[200];
	int no = 0;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (a->on && cor_cli_parse_date(cmd, "--on", a->on, &on))
		return COR_EXIT_USAGE;
	if (cor_date_cmp(on, cor_date_today()) > 0)
		return cor_cli_usage_error(cmd, "--on: '%s' is in the future", a->on);
	if (!text_ok(a->by, 63))
		return cor_cli_usage_error(cmd, "--by: who visited (1-63 bytes)");
	if (!text_ok(a->finding, 511))
		return cor_cli_usage_error(cmd, "--finding: what the visit found (1-511 bytes)");
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err =
		cor_store_support_visit(st, a->pos[0], on, a->by, a->finding, cor_cli_actor(), &no);
	snprintf(done, sizeof(done), "case %s: follow-up visit %d recorded\n", a->pos[0], no);
	return finish(st, err, done);
}

static int cmd_close(struct args *a)
{
	struct cor_store *st;
	char done[200];
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (!text_ok(a->outcome, 255))
		return cor_cli_usage_error(cmd, "--outcome: how the support ended (1-255 bytes)");
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err = cor_store_support_close(st, a->pos[0], a->outcome, cor_cli_actor());
	snprintf(done, sizeof(done), "case %s: support closed; the case is closed\n", a->pos[0]);
	return finish(st, err, done);
}

static int print_item(const struct cor_support_item *i, void *ctx)
{
	char m[COR_MONEY_LEN] = "";
	if (i->amount)
		cor_money_format(i->amount, i->currency, m);
	printf("  item %-3d %-12s %-9s %s%s%s\n", i->no, cor_support_kind_name(i->kind),
	       cor_support_status_name(i->status), i->description, m[0] ? ", " : "", m);
	if (i->done_note[0])
		printf("           %s: %s\n", i->done_at, i->done_note);
	return 0;
}

static int print_visit(const struct cor_support_visit *v, void *ctx)
{
	char d[COR_DATE_LEN];
	printf("  visit %-3d %s by %s: %s\n", v->no, cor_date_format(v->on, d), v->by, v->finding);
	return 0;
}

static int cmd_show(struct args *a)
{
	struct cor_store *st;
	struct cor_arrival arr;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	int err = cor_store_case_get(st, a->pos[0], NULL, NULL);
	if (err == 0) {
		if (cor_store_arrival_get(st, a->pos[0], &arr) == 0)
			printf("case %s arrived at %s on %s (confirmed by %s)\n", a->pos[0],
			       arr.place, arr.at, arr.confirmed_by);
		else
			printf("case %s: no arrival confirmed\n", a->pos[0]);
		printf("items\n");
		err = cor_store_support_items(st, a->pos[0], print_item, NULL);
	}
	if (err == 0) {
		printf("visits\n");
		err = cor_store_support_visits(st, a->pos[0], print_visit, NULL);
	}
	return finish(st, err, "");
}

static int cmd_deliver(struct args *a)
{
	return cmd_done(a, COR_SUPPORT_DELIVERED);
}

static int cmd_cancel(struct args *a)
{
	return cmd_done(a, COR_SUPPORT_CANCELLED);
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"plan",  "deliver", "cancel", "visit",
					    "close", "show",    NULL};
	static int (*const subs[])(struct args *) = {cmd_plan,  cmd_deliver, cmd_cancel,
						     cmd_visit, cmd_close,   cmd_show};
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

const struct cor_command cor_cmd_support = {
	"support",
	run,
	"usage: corridor support plan CASE-ID --kind K --description T [--amount A --currency C]\n"
	"       corridor support deliver CASE-ID ITEM [--note T]\n"
	"       corridor support cancel CASE-ID ITEM --note T\n"
	"       corridor support visit CASE-ID --by NAME --finding T [--on YYYY-MM-DD]\n"
	"       corridor support close CASE-ID --outcome T\n"
	"       corridor support show CASE-ID\n"
	"  (each also takes --db PATH)\n\n"
	"  kinds: cash in_kind referral business medical education housing psychosocial\n"
	"The first item planned for an arrived case opens its support: a return enters\n"
	"'reintegration', an admission 'integration'. Closing needs every item delivered or\n"
	"cancelled, at least one delivered, and a follow-up visit; the case is then closed.",
	"(re)integration support after arrival: items, follow-up visits, closure",
	0,
};

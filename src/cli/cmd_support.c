// SPDX-License-Identifier: Apache-2.0
// corridor support: (re)integration support after arrival: plan assistance
// items, deliver or cancel them, record follow-up visits, close. The
// operations and their rules are service/support.h; this file parses and
// prints.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/money.h"
#include "service/support.h"

static const struct cor_command *const cmd = &cor_cmd_support;

struct args {
	const char *db, *kind, *description, *amount, *currency, *note, *on, *by, *finding,
		*outcome;
	bool json;
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
		case 'j':
			a->json = true;
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

/* Open the store and the context; the exit status on failure. */
static int open_ctx(struct args *a, struct cor_store **st, struct cor_ctx *cx)
{
	return cor_cli_ctx_open(a->db, 0, a->json, st, cx);
}

/* The end of a command: the error when err < 0, else doc (with --json). */
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

static int cmd_plan(struct args *a)
{
	struct cor_svc_support_plan_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if ((ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_support_plan_in in = {a->pos[0], a->kind, a->description, a->amount,
					     a->currency};
	int err = cor_svc_support_plan(&cx, &in, &out);
	if (err == 0 && a->json)
		doc = cor_svc_support_plan_result_json(&in, &out);
	else if (err == 0)
		printf("case %s: item %d planned\n", in.case_ref, out.item.no);
	return finish(st, &cx, a, err, doc);
}

static int cmd_settle(struct args *a, enum cor_support_status status)
{
	struct cor_svc_support_settle_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	long no;
	int ret;
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "give a case ID and an item number");
	if ((ret = cor_cli_parse_long(cmd, "ITEM", a->pos[1], 1, 9999, &no)) ||
	    (ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_support_settle_in in = {a->pos[0], (int)no, status, a->note};
	int err = cor_svc_support_settle(&cx, &in, &out);
	if (err == 0 && a->json)
		doc = cor_svc_support_settle_result_json(&in, &out);
	else if (err == 0)
		printf("case %s: item %ld %s\n", in.case_ref, no, cor_support_status_name(status));
	return finish(st, &cx, a, err, doc);
}

static int cmd_visit(struct args *a)
{
	struct cor_svc_support_visit_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if ((ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_support_visit_in in = {a->pos[0], a->on, a->by, a->finding};
	int err = cor_svc_support_visit(&cx, &in, &out);
	if (err == 0 && a->json)
		doc = cor_svc_support_visit_result_json(&in, &out);
	else if (err == 0)
		printf("case %s: follow-up visit %d recorded\n", in.case_ref, out.visit.no);
	return finish(st, &cx, a, err, doc);
}

static int cmd_close(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if ((ret = open_ctx(a, &st, &cx)))
		return ret;
	struct cor_svc_support_close_in in = {a->pos[0], a->outcome};
	int err = cor_svc_support_close(&cx, &in);
	if (err == 0 && a->json)
		doc = cor_svc_support_close_result_json(&in);
	else if (err == 0)
		printf("case %s: support closed; the case is closed\n", in.case_ref);
	return finish(st, &cx, a, err, doc);
}

static int print_head(const struct cor_case *c, const struct cor_arrival *arr, void *ctx)
{
	if (arr)
		printf("case %s arrived at %s on %s (confirmed by %s)\n", c->ref,
		       cor_cli_shown(arr->place), arr->at, cor_cli_shown(arr->confirmed_by));
	else
		printf("case %s: no arrival confirmed\n", c->ref);
	printf("items\n");
	return 0;
}

static int print_item(const struct cor_support_item *i, void *ctx)
{
	char m[COR_MONEY_LEN] = "";
	if (i->amount)
		cor_money_format(i->amount, i->currency, m);
	printf("  item %-3d %-12s %-9s %s%s%s\n", i->no, cor_support_kind_name(i->kind),
	       cor_support_status_name(i->status), cor_cli_shown(i->description), m[0] ? ", " : "",
	       m);
	if (i->done_note[0])
		printf("           %s: %s\n", i->done_at, cor_cli_shown(i->done_note));
	return 0;
}

static int print_visit(const struct cor_support_visit *v, void *ctx)
{
	char d[COR_DATE_LEN];
	bool *heading = ctx;
	if (!*heading)
		printf("visits\n");
	*heading = true;
	printf("  visit %-3d %s by %s: %s\n", v->no, cor_date_format(v->on, d),
	       cor_cli_shown(v->by), cor_cli_shown(v->finding));
	return 0;
}

static int cmd_show(struct args *a)
{
	struct cor_svc_support_show_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	json_t *doc = NULL;
	bool visits = false;
	int ret, err;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if ((ret = open_ctx(a, &st, &cx)))
		return ret;
	if (a->json) {
		struct cor_svc_support_show_in in = {.case_ref = a->pos[0]};
		err = cor_svc_support_show_doc(&cx, &in, &doc);
	} else {
		struct cor_svc_support_show_in in = {a->pos[0], print_head, print_item, print_visit,
						     &visits};
		if ((err = cor_svc_support_show(&cx, &in, &out)) == 0 && !visits)
			printf("visits\n");
	}
	return finish(st, &cx, a, err, doc);
}

static int cmd_deliver(struct args *a)
{
	return cmd_settle(a, COR_SUPPORT_DELIVERED);
}

static int cmd_cancel(struct args *a)
{
	return cmd_settle(a, COR_SUPPORT_CANCELLED);
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
	"  (each also takes --json and --db PATH)\n\n"
	"  kinds: cash in_kind referral business medical education housing psychosocial\n"
	"The first item planned for an arrived case opens its support: a return enters\n"
	"'reintegration', an admission 'integration'. Closing needs every item delivered or\n"
	"cancelled, at least one delivered, and a follow-up visit; the case is then closed.",
	"(re)integration support after arrival: items, follow-up visits, closure",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor case list|show: find cases, and read one with its persons,
// documents, needs and history.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/case_filter.h"
#include "domain/country.h"
#include "domain/needs.h"
#include "store/store_movement.h"

static int print_summary(const struct cor_case_summary *s, void *ctx)
{
	long *shown = ctx;
	printf("%-20s %-4s %-13s %-9s %3d  %s>%s  %-3s %s\n", s->c.ref, s->c.programme, s->c.state,
	       cor_priority_name(s->c.priority), s->persons, s->c.origin, s->c.destination,
	       s->nationality, s->principal);
	(*shown)++;
	return 0;
}

static int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		COR_FILTER_OPTIONS,
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_case;
	struct cor_case_filter f = {.limit = 50};
	struct cor_store *st = NULL;
	const char *db = NULL;
	long shown = 0, total = 0;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if ((ret = cor_cli_filter_option(cmd, c, optarg, &f)) != 1) {
			if (ret)
				return ret;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	printf("%-20s %-4s %-13s %-9s %3s  %-7s  %-3s %s\n", "CASE", "PROG", "STATE", "PRIORITY",
	       "PER", "ROUTE", "NAT", "PRINCIPAL APPLICANT");
	if (cor_store_case_list(st, &f, print_summary, &shown) < 0 ||
	    cor_store_case_count(st, &f, &total) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		cor_store_close(st);
		return ret;
	}
	cor_store_close(st);
	char a[32], b[32];
	cor_cli_thousands(a, sizeof(a), shown);
	cor_cli_thousands(b, sizeof(b), total);
	if (shown < total)
		printf("(%s of %s cases; --limit 0 shows all)\n", a, b);
	else
		printf("(%s case%s)\n", b, total == 1 ? "" : "s");
	return COR_EXIT_OK;
}

static int print_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
			void *ctx)
{
	char ref[COR_PERSON_REF_MAX + 8], birth[COR_DATE_LEN];
	const struct cor_case *c = ctx;
	cor_person_ref_format(ref, sizeof(ref), c->ref, p->seq);
	printf("  %s  %-14s %s, %s", ref, cor_relationship_name(p->relationship),
	       p->family_name_latin[0] ? p->family_name_latin : "-", p->given_names_latin);
	if (strcmp(p->family_name, p->family_name_latin) ||
	    strcmp(p->given_names, p->given_names_latin))
		printf("  (%s %s)", p->given_names, p->family_name);
	printf("\n      %c, born %s%s, %s, speaks %s\n", p->sex,
	       cor_date_format(p->birth_date, birth), p->birth_date_approx ? " (approximate)" : "",
	       p->nationality, p->languages[0] ? p->languages : "-");
	if (p->needs[0]) {
		printf("      specific needs:");
		for (const char *s = p->needs; *s;) {
			char code[8];
			size_t n = strcspn(s, ";");
			snprintf(code, sizeof(code), "%.*s", (int)n, s);
			const struct cor_need *need = cor_need_find(code);
			printf(" %s (%s)%s", code, need ? need->meaning : "?", s[n] ? "," : "");
			s += n + (s[n] != '\0');
		}
		printf("\n");
	}
	if (!ndocs)
		printf("      no document\n");
	for (int i = 0; i < ndocs; i++) {
		char exp[COR_DATE_LEN];
		printf("      %s %s issued by %s%s%s\n", cor_doc_kind_name(docs[i].kind),
		       docs[i].number, docs[i].issuer, docs[i].has_expiry ? ", expires " : "",
		       docs[i].has_expiry ? cor_date_format(docs[i].expires_on, exp) : "");
	}
	return 0;
}

static int print_event(const struct cor_event *e, void *ctx)
{
	printf("  %s  %-12s %-10s %s%s%s\n", e->at, e->actor, e->action, e->detail,
	       e->reason && *e->reason ? ": " : "", e->reason ? e->reason : "");
	return 0;
}

static int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'}, {0}};
	const struct cor_command *cmd = &cor_cmd_case;
	struct cor_store *st = NULL;
	struct cor_case c;
	const char *db = NULL;
	int64_t id;
	int opt, ret = COR_EXIT_OK;
	char reg[COR_DATE_LEN];

	cor_cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'd')
			db = optarg;
		else
			return cor_cli_bad_option(cmd, opt, argv);
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_case_get(st, argv[optind], &id, &c) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	const struct cor_programme *p = cor_programme_find(c.programme);
	const char *o = cor_country_name(c.origin), *d = cor_country_name(c.destination);
	printf("case %s\n", c.ref);
	printf("  programme    %s (%s)\n", c.programme, p ? p->name : "?");
	printf("  office       %s\n", c.office);
	printf("  route        %s (%s) -> %s (%s)\n", c.origin, o ? o : "?", c.destination,
	       d ? d : "?");
	printf("  state        %s\n", c.state);
	printf("  priority     %s\n", cor_priority_name(c.priority));
	printf("  registered   %s\n", cor_date_format(c.registered_on, reg));
	printf("persons\n");
	if (cor_store_case_persons(st, id, print_person, &c) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("history\n");
	if (cor_store_case_events(st, id, print_event, NULL) < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
out:
	cor_store_close(st);
	return ret;
}

/* corridor case available CASE-ID --on DAY|now [--reason T] */
static int cmd_available(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"on", required_argument, NULL, 'o'},
					     {"reason", required_argument, NULL, 'r'},
					     {0}};
	const struct cor_command *cmd = &cor_cmd_case;
	const char *db = NULL, *on = NULL, *reason = NULL;
	struct cor_store *st = NULL;
	struct cor_date day;
	int opt, ret = COR_EXIT_OK;

	cor_cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'd')
			db = optarg;
		else if (opt == 'o')
			on = optarg;
		else if (opt == 'r')
			reason = optarg;
		else
			return cor_cli_bad_option(cmd, opt, argv);
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	if (!on)
		return cor_cli_usage_error(cmd, "--on: the day the case can travel from, or 'now'");
	if (strcmp(on, "now") && cor_cli_parse_date(cmd, "--on", on, &day) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	if (reason && (strlen(reason) > 500 || !cor_text_is_clean(reason)))
		return cor_cli_usage_error(cmd, "--reason: at most 500 bytes of text");
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_case_available(st, argv[optind], strcmp(on, "now") ? &day : NULL,
				     cor_cli_actor(), reason) < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else
		printf("case %s: available to travel from %s\n", argv[optind], on);
	cor_store_close(st);
	return ret;
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"list", "show", "available", NULL};
	static int (*const subs[])(int, char **) = {cmd_list, cmd_show, cmd_available};
	int i = cor_cli_subcommand(&cor_cmd_case, names, argc, argv);
	if (i < 0)
		return COR_EXIT_USAGE;
	return subs[i](argc - 1, argv + 1);
}

const struct cor_command cor_cmd_case = {
	"case",
	run,
	"usage: corridor case list [filters] [--db PATH]\n"
	"       corridor case show CASE-ID [--db PATH]\n"
	"       corridor case available CASE-ID --on YYYY-MM-DD|now [--reason T] [--db "
	"PATH]\n\n" COR_FILTER_USAGE
	"'list' shows 50 cases unless --limit says otherwise. 'available' sets the day from\n"
	"which the planner may put the case on a movement.",
	"list cases, or show one with its persons and history",
	0,
};

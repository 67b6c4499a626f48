// SPDX-License-Identifier: Apache-2.0
// corridor duplicates [list] | distinct: persons that may be the same
// person, scored, and the pairs marked as not the same person
// (service/search.h). Parsing and printing only.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/case.h"
#include "service/search.h"

static const struct cor_command *const cmd = &cor_cmd_duplicates;

static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

static void print_person(const json_t *p)
{
	printf("    %-23s %s, %s", str(p, "ref"),
	       *str(p, "family_name_latin") ? str(p, "family_name_latin") : "-",
	       str(p, "given_names_latin"));
	if ((*str(p, "family_name") || *str(p, "given_names")) &&
	    (strcmp(str(p, "family_name"), str(p, "family_name_latin")) ||
	     strcmp(str(p, "given_names"), str(p, "given_names_latin"))))
		printf(" (%s %s)", str(p, "given_names"), str(p, "family_name"));
	printf("  %s  born %s%s  %s  %s\n", str(p, "sex"), str(p, "birth_date"),
	       json_is_true(json_object_get(p, "birth_date_approx")) ? " (approximate)" : "",
	       str(p, "nationality"), str(p, "office"));
}

static void print_pairs(const json_t *doc)
{
	const json_t *v, *w;
	size_t i, j;
	json_array_foreach(json_object_get(doc, "pairs"), i, v)
	{
		printf("score %3d:", (int)json_integer_value(json_object_get(v, "score")));
		json_array_foreach(json_object_get(v, "reasons"), j, w)
		{
			printf("%s %s", j ? "," : "", json_string_value(w));
		}
		printf("\n");
		json_array_foreach(json_object_get(v, "persons"), j, w)
		{
			print_person(w);
		}
	}
	json_int_t shown = json_integer_value(json_object_get(doc, "shown"));
	json_int_t total = json_integer_value(json_object_get(doc, "total"));
	if (shown < total)
		printf("(%lld of %lld pairs; --limit 0 shows all)\n", (long long)shown,
		       (long long)total);
	else
		printf("(%lld pair%s)\n", (long long)total, total == 1 ? "" : "s");
	if (total)
		printf("a pair is resolved by merging its cases' persons (case.merge) or by\n"
		       "'corridor duplicates distinct PERSON-ID PERSON-ID --reason TEXT'\n");
}

static int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"json", no_argument, NULL, 'j'},
					     {"office", required_argument, NULL, 'O'},
					     {"limit", required_argument, NULL, 'L'},
					     {0}};
	struct cor_svc_duplicates_in in = {.limit = 50};
	struct cor_svc_duplicates_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 'O')
			in.office = optarg;
		else if (c == 'L') {
			if (cor_cli_parse_long(cmd, "--limit", optarg, 0, 100000000, &in.limit) !=
			    COR_EXIT_OK)
				return COR_EXIT_USAGE;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_duplicates_list(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
	} else if (json) {
		ret = cor_cli_print_json(out.doc);
	} else {
		print_pairs(out.doc);
		json_decref(out.doc);
	}
	cor_store_close(st);
	return ret;
}

static int cmd_distinct(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"json", no_argument, NULL, 'j'},
					     {"reason", required_argument, NULL, 'r'},
					     {0}};
	struct cor_svc_distinct_in in = {0};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else if (c == 'r')
			in.reason = optarg;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != 2)
		return cor_cli_usage_error(cmd, "distinct: give two person IDs");
	if (!in.reason)
		return cor_cli_usage_error(cmd, "distinct: --reason is missing");
	in.person = argv[optind];
	in.other = argv[optind + 1];
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_duplicates_distinct(&cx, &in) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(json_pack("{s:[s, s], s:s}", "distinct", in.person,
						   in.other, "reason", in.reason));
	else
		printf("%s and %s are marked as not the same person\n", in.person, in.other);
	cor_store_close(st);
	return ret;
}

static int run(int argc, char **argv)
{
	/* No subcommand, or an option first: the list. */
	if (argc < 2 || argv[1][0] == '-')
		return cmd_list(argc, argv);
	static const char *const names[] = {"list", "distinct", NULL};
	static int (*const subs[])(int, char **) = {cmd_list, cmd_distinct};
	int i = cor_cli_subcommand(cmd, names, argc, argv);
	if (i < 0)
		return COR_EXIT_USAGE;
	return subs[i](argc - 1, argv + 1);
}

const struct cor_command cor_cmd_duplicates = {
	"duplicates",
	run,
	"usage: corridor duplicates [list] [--office O] [--limit N] [--json] [--db PATH]\n"
	"       corridor duplicates distinct PERSON-ID PERSON-ID --reason TEXT [--json] [--db "
	"PATH]\n\n"
	"  --office O   pairs with a person of a case of that office\n"
	"  --limit N    at most N pairs, highest score first (default 50; 0: all)\n"
	"  --reason T   why the two are not the same person (required)\n\n"
	"'list' shows pairs of persons of different cases that may be the same person:\n"
	"the same identity document number, or the same birth date and names alike (folded,\n"
	"in either order, or by their consonants across scripts), each with a score from\n"
	"0 to 100 and its reasons. A pair is resolved by merging the two (a correction of\n"
	"the cases) or by 'distinct', which records an event on both cases; a pair marked\n"
	"distinct is not listed again. --json prints one JSON document.",
	"persons that may be the same person",
	0,
};

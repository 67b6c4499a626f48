// SPDX-License-Identifier: Apache-2.0
// corridor rules show|set: the eligibility and priority rules in force,
// stored in the database and versioned (service/rules.h), so that every
// command decides with the same rules.
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/rules.h"

static const struct cor_command *const cmd = &cor_cmd_rules;

/* Read all of file into *text (returned for the caller to free). */
static int slurp(const char *file, char **text, size_t *len)
{
	FILE *f = fopen(file, "rb");
	size_t cap = 4096, n = 0;
	char *buf = NULL;
	if (!f)
		return cor_cli_fail("cannot read '%s': %s", file, strerror(errno));
	for (;;) {
		if (n > COR_RULES_TEXT_MAX) {
			fclose(f);
			free(buf);
			return cor_cli_fail("'%s' is larger than %d bytes: not a rules file", file,
					    COR_RULES_TEXT_MAX);
		}
		char *nb = realloc(buf, cap + 1);
		if (!nb) {
			fclose(f);
			free(buf);
			return cor_cli_fail("out of memory reading '%s'", file);
		}
		buf = nb;
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		cap *= 2;
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return cor_cli_fail("cannot read '%s': %s", file, strerror(errno));
	}
	fclose(f);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return COR_EXIT_OK;
}

static int print_show(json_t *doc)
{
	json_t *versions = json_object_get(doc, "versions");
	int version = (int)json_integer_value(json_object_get(doc, "version"));
	const char *text = json_string_value(json_object_get(doc, "text"));
	if (version == 0) {
		printf("rules: the defaults (never changed; see docs/eligibility.md)\n");
	} else {
		json_t *v = json_array_get(versions, 0);
		printf("rules: version %d, set %s by %s\n", version,
		       json_string_value(json_object_get(v, "set_at")),
		       json_string_value(json_object_get(v, "set_by")));
		printf("changes to the defaults:\n%s", text);
		if (*text && text[strlen(text) - 1] != '\n')
			putchar('\n');
	}
	if (json_array_size(versions) > 1) {
		size_t i;
		json_t *v;
		printf("earlier versions:\n");
		json_array_foreach(versions, i, v)
		{
			if (i == 0)
				continue;
			printf("  %lld  %s  %s\n",
			       (long long)json_integer_value(json_object_get(v, "version")),
			       json_string_value(json_object_get(v, "set_at")),
			       json_string_value(json_object_get(v, "set_by")));
		}
	}
	json_decref(doc);
	return COR_EXIT_OK;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const char *db = NULL;
	const char *const subs[] = {"show", "set", NULL};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	bool json = false;
	int c, ret;

	int sub = cor_cli_subcommand(cmd, subs, argc, argv);
	if (sub < 0)
		return COR_EXIT_USAGE;
	argc--;
	argv++;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			json = true;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (sub == 0 && optind != argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (sub == 1 && argc - optind != 1)
		return cor_cli_usage_error(cmd, "give the rules file, e.g. rules.conf");

	if (sub == 0) {
		struct cor_svc_rules_show_out out;
		if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
			return ret;
		if (cor_svc_rules_show(&cx, &out) < 0)
			ret = cor_cli_error(&cx, json);
		else
			ret = json ? cor_cli_print_json(out.doc) : print_show(out.doc);
		cor_store_close(st);
		return ret;
	}

	const char *file = argv[optind];
	struct cor_svc_rules_set_out out;
	char *text = NULL;
	size_t len = 0;
	if ((ret = slurp(file, &text, &len)) != COR_EXIT_OK)
		return ret;
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK) {
		free(text);
		return ret;
	}
	struct cor_svc_rules_set_in in = {.text = text, .len = len, .source = file};
	if (cor_svc_rules_set(&cx, &in, &out) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(json_pack("{s:i}", "version", out.version));
	else
		printf("rules: version %d in force, from %s\n", out.version, file);
	free(text);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_rules = {
	"rules",
	run,
	"usage: corridor rules show [--json] [--db PATH]\n"
	"       corridor rules set FILE [--json] [--db PATH]\n\n"
	"show: the rules in force (the changes a version made to the defaults) and\n"
	"their earlier versions. set: check FILE (\"key = value\" lines, see\n"
	"docs/eligibility.md) and store it as the next version, in force for every\n"
	"command from then on. A bad line is refused, naming FILE and the line, and\n"
	"the rules in force stay as they were.",
	"show or set the eligibility and priority rules in force",
	0,
};

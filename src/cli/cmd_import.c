// SPDX-License-Identifier: Apache-2.0
// corridor import FILE: import persons from CSV, all or nothing
// (service/registry.h). Parsing and printing only.
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/json.h"
#include "service/registry.h"

/* Do both paths name one existing file (under any name)? */
static bool same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static void report(const char *line, void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s\n", line);
}

/* The lines printed of the documents held by another case; the others are
 * counted, and --json gives them all. */
#define HELD_SHOWN 20

/* A document of an imported person that another case holds: kept to print
 * after the summary. */
static void held(const struct cor_svc_import_held *h, void *ctx)
{
	json_t *list = ctx;
	json_array_append_new(
		list,
		json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "person", h->person->ref,
			  "family_name_latin", h->person->p.family_name_latin, "given_names_latin",
			  h->person->p.given_names_latin, "document", h->document, "other",
			  h->other->ref, "other_family_name_latin", h->other->p.family_name_latin,
			  "other_given_names_latin", h->other->p.given_names_latin));
}

static const char *str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"skip-bad", no_argument, NULL, 'k'},
		{"rejects", required_argument, NULL, 'r'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_import;
	struct cor_svc_import_in o = {.report = report, .held = held};
	struct cor_import_result res = {0};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	char rejects[4096];
	bool json = false;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'k':
			o.skip_bad = true;
			break;
		case 'r':
			o.rejects_path = optarg;
			break;
		case 'j':
			json = true;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, optind == argc ? "which file? give one CSV file"
							       : "give exactly one CSV file");
	o.path = argv[optind];
	if (o.rejects_path && !o.skip_bad)
		return cor_cli_usage_error(cmd, "--rejects goes with --skip-bad");
	if (o.skip_bad && !o.rejects_path) {
		size_t n = strlen(o.path);
		if (n > 4 && !strcmp(o.path + n - 4, ".csv"))
			n -= 4;
		snprintf(rejects, sizeof(rejects), "%.*s.rejected.csv", (int)n, o.path);
		o.rejects_path = rejects;
	}
	/* Opening the rejects file empties it: never the file being read, nor
	 * the database. */
	if (o.skip_bad && same_file(o.path, o.rejects_path))
		return cor_cli_usage_error(cmd, "--rejects: '%s' is the file being imported",
					   o.rejects_path);
	if (o.skip_bad && same_file(cor_cli_db_path(db), o.rejects_path))
		return cor_cli_usage_error(cmd, "--rejects: '%s' is the database", o.rejects_path);
	json_t *held_list = json_array();
	if (!held_list)
		return cor_cli_fail("out of memory");
	o.ctx = held_list;
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK) {
		json_decref(held_list);
		return ret;
	}
	int err = cor_svc_import(&cx, &o, &res);
	cor_store_close(st);
	cor_import_result_release(&res);
	if (err < 0) {
		json_decref(held_list);
		return cor_cli_error(&cx, json);
	}
	/* The import is committed; only the check of what its persons share
	 * failed (held < 0, cx.err says why): told, and not a failure. */
	bool unchecked = res.held < 0;
	if (json) {
		json_t *check = NULL;
		if (unchecked) {
			json_t *e = cor_error_json(&cx.err);
			check = json_incref(json_object_get(e, "error"));
			json_decref(e);
			json_decref(held_list);
			held_list = json_null();
		}
		ret = cor_cli_print_json(json_pack(
			"{s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o*}", "rows", (json_int_t)res.rows,
			"persons", (json_int_t)res.persons, "cases", (json_int_t)res.cases,
			"bad_rows", (json_int_t)res.bad_rows, "rejected_rows",
			(json_int_t)res.rejected_rows, "documents_held", held_list,
			"possible_duplicates",
			unchecked ? json_null() : json_integer((json_int_t)res.duplicates),
			"check_error", check));
		return ret == COR_EXIT_OK && o.skip_bad && res.rejected_rows ? COR_EXIT_FAIL : ret;
	}
	char p[32], cs[32];
	cor_cli_thousands(p, sizeof(p), res.persons);
	cor_cli_thousands(cs, sizeof(cs), res.cases);
	printf("imported %s person%s in %s case%s from %s\n", p, res.persons == 1 ? "" : "s", cs,
	       res.cases == 1 ? "" : "s", cor_cli_shown(o.path));
	if (unchecked) {
		fprintf(stderr, "warning: %s\n", cx.err.message);
		json_array_clear(held_list);
	}
	size_t i;
	const json_t *v;
	json_array_foreach(held_list, i, v)
	{
		if (i == HELD_SHOWN)
			break;
		printf("document held by another case: %s %s, %s, %s, as %s %s, %s\n",
		       str(v, "person"), cor_cli_shown(str(v, "family_name_latin")),
		       cor_cli_shown(str(v, "given_names_latin")), str(v, "document"),
		       str(v, "other"), cor_cli_shown(str(v, "other_family_name_latin")),
		       cor_cli_shown(str(v, "other_given_names_latin")));
	}
	if (json_array_size(held_list) > HELD_SHOWN)
		printf("... and %zu more documents held by another case (see --json)\n",
		       json_array_size(held_list) - HELD_SHOWN);
	json_decref(held_list);
	if (res.duplicates > 0)
		printf("possible duplicates: %ld imported person%s may be the same as a person of "
		       "another case (see 'corridor duplicates')\n",
		       res.duplicates, res.duplicates == 1 ? "" : "s");
	if (o.skip_bad && res.rejected_rows) {
		printf("rejected %ld row%s (%ld bad, the others of the same cases) into %s\n",
		       res.rejected_rows, res.rejected_rows == 1 ? "" : "s", res.bad_rows,
		       o.rejects_path);
		return COR_EXIT_FAIL;
	}
	return COR_EXIT_OK;
}

const struct cor_command cor_cmd_import = {
	"import",
	run,
	"usage: corridor import FILE [--skip-bad [--rejects FILE]] [--json] [--db PATH]\n\n"
	"  FILE          a persons CSV (columns in docs/import-csv.md)\n"
	"  --skip-bad    import the good cases; write the rows of bad ones to a file\n"
	"  --rejects F   where rejected rows go (default: FILE.rejected.csv)\n"
	"Without --skip-bad, one bad row means nothing is imported. --json prints what\n"
	"was read, imported and rejected as one document.",
	"import persons from a CSV file, validating every row",
	0,
};

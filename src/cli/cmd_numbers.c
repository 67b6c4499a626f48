// SPDX-License-Identifier: Apache-2.0
// corridor numbers show|enrol|lease|add: case numbers that stay unique
// across devices (service/numbers.h). Parsing and printing only.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/numbers.h"

static const struct cor_command *const cmd = &cor_cmd_numbers;

static json_t *block_json(const struct cor_number_block *b)
{
	return json_pack("{s:s, s:i, s:I, s:I, s:I, s:I, s:s, s:s, s:s}", "office", b->office,
			 "year", b->year, "first", (json_int_t)b->first, "last",
			 (json_int_t)b->last, "next", (json_int_t)b->next, "left",
			 (json_int_t)(b->last + 1 - b->next), "device", b->device, "at", b->at,
			 "by", b->by);
}

static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

static long num(const json_t *o, const char *key)
{
	return (long)json_integer_value(json_object_get(o, key));
}

static int print_show(json_t *doc)
{
	bool device = !strcmp(str(doc, "role"), "device");
	if (device)
		printf("numbering: the device %s (enrolled %s): case numbers only from its "
		       "blocks\n",
		       str(doc, "device"), str(doc, "since"));
	else
		printf("numbering: a primary: case numbers from its own counters\n");
	json_t *blocks = json_object_get(doc, "blocks"), *b;
	size_t i;
	if (json_array_size(blocks) == 0)
		printf(device ? "no block yet: lease one from the office's primary database\n"
			      : "no block leased to a device\n");
	json_array_foreach(blocks, i, b)
	{
		if (device)
			printf("  %s %ld  %06ld-%06ld  %ld left  (recorded %s by %s)\n",
			       str(b, "office"), num(b, "year"), num(b, "first"), num(b, "last"),
			       num(b, "left"), str(b, "at"), str(b, "by"));
		else
			printf("  %s %ld  %06ld-%06ld  leased to %s  (%s by %s)\n",
			       str(b, "office"), num(b, "year"), num(b, "first"), num(b, "last"),
			       str(b, "device"), str(b, "at"), str(b, "by"));
	}
	json_decref(doc);
	return COR_EXIT_OK;
}

/* "501-1000" into first and last. */
static int parse_range(const char *v, long *first, long *last)
{
	char *end;
	*first = strtol(v, &end, 10);
	if (end == v || *end != '-')
		return -1;
	const char *l = end + 1;
	*last = strtol(l, &end, 10);
	return end == l || *end ? -1 : 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{"to", required_argument, NULL, 't'},
		{0},
	};
	const char *const subs[] = {"show", "enrol", "lease", "add", NULL};
	static const int nargs[] = {0, 1, 3, 3};
	const char *db = NULL, *to = NULL;
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
		else if (c == 't' && sub == 2)
			to = optarg;
		else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (argc - optind != nargs[sub])
		return cor_cli_usage_error(cmd, "%s takes %d argument%s", subs[sub], nargs[sub],
					   nargs[sub] == 1 ? "" : "s");
	char **a = argv + optind;
	long year = 0, count = 0, first = 0, last = 0;
	if (sub >= 2 && cor_cli_parse_long(cmd, "YEAR", a[1], 2000, 2999, &year) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	if (sub == 2) {
		if (cor_cli_parse_long(cmd, "COUNT", a[2], 1, COR_LEASE_MAX, &count) != COR_EXIT_OK)
			return COR_EXIT_USAGE;
		if (!to)
			return cor_cli_usage_error(cmd, "lease: --to DEVICE names the device");
	}
	if (sub == 3 && parse_range(a[2], &first, &last) < 0)
		return cor_cli_usage_error(cmd, "'%s' is not a range of case numbers like 501-1000",
					   a[2]);

	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_number_block b;
	switch (sub) {
	case 0: {
		struct cor_svc_numbers_show_out out;
		if (cor_svc_numbers_show(&cx, &out) < 0)
			ret = cor_cli_error(&cx, json);
		else
			ret = json ? cor_cli_print_json(out.doc) : print_show(out.doc);
		break;
	}
	case 1: {
		struct cor_svc_numbers_enrol_in in = {a[0]};
		if (cor_svc_numbers_enrol(&cx, &in) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(json_pack("{s:s, s:s, s:s}", "role", "device",
							   "device", a[0], "since", cx.now));
		else
			printf("this database is now the device %s: it numbers cases only from "
			       "blocks its primary leases it\n",
			       a[0]);
		break;
	}
	case 2: {
		struct cor_svc_numbers_lease_in in = {a[0], (int)year, count, to};
		if (cor_svc_numbers_lease(&cx, &in, &b) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(block_json(&b));
		else
			printf("leased %s %d %ld-%ld (%ld numbers) to %s; on that device: corridor "
			       "numbers add %s %d %ld-%ld\n",
			       b.office, b.year, b.first, b.last, count, b.device, b.office, b.year,
			       b.first, b.last);
		break;
	}
	default: {
		struct cor_svc_numbers_add_in in = {a[0], (int)year, first, last};
		if (cor_svc_numbers_add(&cx, &in, &b) < 0)
			ret = cor_cli_error(&cx, json);
		else if (json)
			ret = cor_cli_print_json(block_json(&b));
		else
			printf("device %s: numbers %ld-%ld of %s for %d recorded, %ld to give\n",
			       b.device, b.first, b.last, b.office, b.year, b.last - b.first + 1);
		break;
	}
	}
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_numbers = {
	"numbers",
	run,
	"usage: corridor numbers show [--json] [--db PATH]\n"
	"       corridor numbers enrol DEVICE [--json] [--db PATH]\n"
	"       corridor numbers lease OFFICE YEAR COUNT --to DEVICE [--json] [--db PATH]\n"
	"       corridor numbers add OFFICE YEAR FIRST-LAST [--json] [--db PATH]\n\n"
	"Case numbers stay unique when laptops register cases offline. The office's\n"
	"primary database numbers cases from its counters; a laptop is enrolled as a\n"
	"device while it holds no case ('enrol'), and then numbers cases only from\n"
	"blocks the primary leases it ('lease' on the primary, 'add' on the device).\n"
	"show: this database's role and its blocks (on a device, the numbers left).",
	"case numbers across devices: enrol a device, lease and add blocks",
	0,
};

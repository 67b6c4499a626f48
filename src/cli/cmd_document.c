// SPDX-License-Identifier: Apache-2.0
// corridor document add|list|check: record a person's document by hand or
// from its machine readable zone (checked against the person record), list
// a person's documents, and check every person of a case for a travel
// document valid on the travel date plus a margin. The operations are
// service/document.h's; this file parses, reads standard input and prints.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/document.h"
#include "service/document.h"

static const struct cor_command *const cmd = &cor_cmd_document;

struct args {
	const char *db, *kind, *number, *issuer, *expires, *travel, *margin;
	bool mrz, json;
	int npos;
	char *pos[2];
};

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"kind", required_argument, NULL, 'k'},
		{"number", required_argument, NULL, 'n'},
		{"issuer", required_argument, NULL, 'i'},
		{"expires", required_argument, NULL, 'e'},
		{"mrz", no_argument, NULL, 'm'},
		{"travel-date", required_argument, NULL, 't'},
		{"margin-days", required_argument, NULL, 'g'},
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
		case 'n':
			a->number = optarg;
			break;
		case 'i':
			a->issuer = optarg;
			break;
		case 'e':
			a->expires = optarg;
			break;
		case 'm':
			a->mrz = true;
			break;
		case 'j':
			a->json = true;
			break;
		case 't':
			a->travel = optarg;
			break;
		case 'g':
			a->margin = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (a->npos == 1)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		a->pos[a->npos++] = argv[i];
	}
	return 0;
}

static int parse_kind(const char *v, enum cor_doc_kind *out)
{
	if (cor_doc_kind_parse(v, out) < 0 || *out == COR_DOC_NONE)
		return cor_cli_usage_error(
			cmd,
			"--kind: '%s' is not passport, id_card, etd, laissez_passer, "
			"exit_permit, visa or refugee_td",
			v);
	return 0;
}

/* ---- add ---------------------------------------------------------------------- */

/* Read standard input whole (at most COR_SVC_MRZ_MAX bytes) into buf; *len
 * gets its length. Returns an exit status. */
static int read_stdin(char *buf, size_t cap, size_t *len)
{
	size_t n = fread(buf, 1, cap, stdin);
	if (ferror(stdin))
		return cor_cli_fail("cannot read standard input");
	if (n == cap)
		return cor_cli_fail("standard input holds more than %zu bytes: give one MRZ",
				    cap - 1);
	*len = n;
	return COR_EXIT_OK;
}

static int cmd_add(struct args *a)
{
	static char text[COR_SVC_MRZ_MAX + 1];
	struct cor_svc_document_add_in in = {.person = a->pos[0]};
	struct cor_svc_document_add_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	char date[COR_DATE_LEN];
	int ret;

	if (a->travel || a->margin)
		return cor_cli_usage_error(cmd, "%s is for 'document check'",
					   a->travel ? "--travel-date" : "--margin-days");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a person ID, e.g. LY-TIP-2026-000123-01");
	if (a->kind && (ret = parse_kind(a->kind, &in.kind)))
		return ret;
	if (a->mrz) {
		if (a->number || a->issuer || a->expires)
			return cor_cli_usage_error(cmd,
						   "%s: --mrz reads the number, issuer and expiry "
						   "from the MRZ",
						   a->number   ? "--number"
						   : a->issuer ? "--issuer"
							       : "--expires");
	} else {
		if (!a->kind)
			return cor_cli_usage_error(cmd,
						   "--kind: give the kind of document (or --mrz)");
		if (!a->number)
			return cor_cli_usage_error(cmd, "--number: give the document number");
		if (!a->issuer)
			return cor_cli_usage_error(cmd,
						   "--issuer: give the issuing state's ISO 3166-1 "
						   "alpha-3 code");
		if (a->expires &&
		    (ret = cor_cli_parse_date(cmd, "--expires", a->expires, &in.expires)))
			return ret;
		in.number = a->number;
		in.issuer = a->issuer;
		in.has_expires = a->expires != NULL;
	}
	if (a->mrz) {
		if ((ret = read_stdin(text, sizeof(text), &in.mrz_len)))
			return ret;
		in.mrz = text;
	}

	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_document_add(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(cor_svc_document_add_json(&out));
	} else {
		const struct cor_document *d = &out.doc;
		printf("added %s %s issued by %s%s%s to %s%s\n", cor_doc_kind_name(d->kind),
		       d->number, d->issuer, d->has_expiry ? ", expires " : "",
		       d->has_expiry ? cor_date_format(d->expires_on, date) : "", out.person,
		       out.source == COR_DOC_SOURCE_MRZ ? " (read from the MRZ)" : "");
		for (int i = 0; i < out.nholders; i++)
			printf("%s %s is also held by person %d of case %s\n",
			       cor_doc_kind_name(d->kind), d->number, out.holders[i].seq,
			       out.holders[i].case_ref);
		if (out.more_holders)
			printf("(and by more persons)\n");
		if (out.nholders)
			printf("(see 'corridor duplicates')\n");
		if (out.expired)
			fprintf(stderr, "warning: this %s expired on %s\n",
				cor_doc_kind_name(d->kind), cor_date_format(d->expires_on, date));
	}
	cor_store_close(st);
	return ret;
}

/* ---- list --------------------------------------------------------------------- */

static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

/* "passport P04918273 issued by SDN, expires 2027-01-02" (no_expiry when none). */
static void print_document(const json_t *d, const char *no_expiry)
{
	const char *exp = str(d, "expires_on");
	printf("%s %s issued by %s%s%s", str(d, "kind"), str(d, "number"), str(d, "issuer"),
	       *exp ? ", expires " : no_expiry, exp);
}

static int cmd_list(struct args *a)
{
	struct cor_svc_document_list_in in = {.person = a->pos[0]};
	struct cor_svc_document_list_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	size_t i;
	json_t *d;
	int ret;

	if (a->kind || a->number || a->issuer || a->expires || a->mrz || a->travel || a->margin)
		return cor_cli_usage_error(cmd, "list takes a person ID, --json and --db only");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a person ID, e.g. LY-TIP-2026-000123-01");
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_document_list(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(out.doc);
	} else {
		const json_t *p = json_object_get(out.doc, "person"),
			     *docs = json_object_get(out.doc, "documents");
		printf("%s  %s%s%s\n", str(p, "id"), str(p, "family_name_latin"),
		       *str(p, "family_name_latin") ? ", " : "", str(p, "given_names_latin"));
		json_array_foreach(docs, i, d)
		{
			printf("  ");
			print_document(d, "");
			printf(" (%s)\n", str(d, "source"));
		}
		if (!json_array_size(docs))
			printf("  no document\n");
		json_decref(out.doc);
	}
	cor_store_close(st);
	return ret;
}

/* ---- check -------------------------------------------------------------------- */

static void print_check(const json_t *doc)
{
	const json_t *persons = json_object_get(doc, "persons");
	long margin = (long)json_integer_value(json_object_get(doc, "margin_days"));
	size_t i;
	json_t *p;
	printf("case %s, travel on %s, margin %ld day%s\n", str(doc, "case"),
	       str(doc, "travel_date"), margin, margin == 1 ? "" : "s");
	json_array_foreach(persons, i, p)
	{
		if (json_is_true(json_object_get(p, "valid"))) {
			printf("  %s  ok  ", str(p, "person"));
			print_document(json_object_get(p, "document"), ", no expiry date");
			putchar('\n');
		} else {
			printf("  %s  NO  %s\n", str(p, "person"), str(p, "reason"));
		}
	}
}

static int cmd_check(struct args *a)
{
	struct cor_svc_document_check_in in = {.case_ref = a->pos[0]};
	struct cor_svc_document_check_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	long margin = COR_DOCUMENT_MARGIN_DAYS;
	int ret;

	if (a->kind || a->number || a->issuer || a->expires || a->mrz)
		return cor_cli_usage_error(cmd,
					   "check takes --travel-date, --margin-days and --json");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a case ID, e.g. LY-TIP-2026-000123");
	if (!a->travel)
		return cor_cli_usage_error(cmd,
					   "--travel-date: give the day of travel, YYYY-MM-DD");
	if ((ret = cor_cli_parse_date(cmd, "--travel-date", a->travel, &in.travel_date)))
		return ret;
	if (a->margin && (ret = cor_cli_parse_long(cmd, "--margin-days", a->margin, 0,
						   COR_DOCUMENT_MARGIN_MAX, &margin)))
		return ret;
	in.has_travel_date = true;
	in.margin_days = (int)margin;
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_document_check(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, a->json);
		goto out;
	}
	/* A person without a valid travel document fails the check: exit 1. */
	if (a->json) {
		ret = cor_cli_print_json(out.doc);
		if (ret == COR_EXIT_OK && out.lacking)
			ret = COR_EXIT_FAIL;
		goto out;
	}
	print_check(out.doc);
	if (out.lacking) {
		fflush(stdout);
		ret = cor_cli_fail(
			"%d of %d person%s of '%s' lack%s a valid travel document for travel on %s",
			out.lacking, out.persons, out.persons == 1 ? "" : "s", str(out.doc, "case"),
			out.lacking == 1 ? "s" : "", str(out.doc, "travel_date"));
	} else {
		printf("every person holds a valid travel document (%d of %d)\n", out.persons,
		       out.persons);
	}
	json_decref(out.doc);
out:
	cor_store_close(st);
	return ret;
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"add", "list", "check", NULL};
	static int (*const subs[])(struct args *) = {cmd_add, cmd_list, cmd_check};
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

const struct cor_command cor_cmd_document = {
	"document",
	run,
	"usage: corridor document add PERSON-ID --kind KIND --number N --issuer ISO3\n"
	"                             [--expires YYYY-MM-DD] [--json] [--db PATH]\n"
	"       corridor document add PERSON-ID --mrz [--kind KIND] [--json] [--db PATH] < MRZ\n"
	"       corridor document list PERSON-ID [--json] [--db PATH]\n"
	"       corridor document check CASE-ID --travel-date YYYY-MM-DD [--margin-days N]\n"
	"                               [--json] [--db PATH]\n\n"
	"  --kind     passport, id_card, etd, laissez_passer, exit_permit, visa, refugee_td\n"
	"             (with --mrz: from the document code unless given)\n"
	"  --number   A-Z and 0-9, at most 24;  --issuer  ISO 3166-1 alpha-3\n"
	"  --mrz      read the MRZ lines (TD1, TD2, TD3) from standard input; the document\n"
	"             must pass every check and match the person's name, nationality, birth\n"
	"             date and sex\n"
	"  check      exit 1 when a person lacks a travel document valid on the travel date\n"
	"             and --margin-days after it (default 0)\n"
	"  --json     print the result (list, check) or what was added (add) as JSON\n"
	"PERSON-ID is the case ID and the person's two-digit number: LY-TIP-2026-000123-01.",
	"add, list and check identity and travel documents",
	0,
};

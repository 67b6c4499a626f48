// SPDX-License-Identifier: Apache-2.0
// corridor document add|list|check: record a person's document by hand or
// from its machine readable zone (checked against the person record), list
// a person's documents, and check every person of a case for a travel
// document valid on the travel date plus a margin.
// Invariant: nothing is written unless every option, the MRZ and the rules
// passed; 'check' writes nothing.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/document.h"
#include "domain/mrz.h"
#include "store/store_health.h"
#include "util/error.h"

static const struct cor_command *const cmd = &cor_cmd_document;

#define MRZ_INPUT_MAX 4096 /* bytes of standard input read for one MRZ */

struct args {
	const char *db, *kind, *number, *issuer, *expires, *travel, *margin;
	bool mrz;
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

/* Read standard input whole (at most MRZ_INPUT_MAX bytes) into buf; *len
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

/* The document the MRZ on standard input describes, checked against the
 * person; refusals are printed. Returns an exit status. */
static int from_mrz(enum cor_doc_kind kind, const struct cor_person_found *who,
		    struct cor_document *d)
{
	static char text[MRZ_INPUT_MAX + 1];
	struct cor_mrz m;
	struct cor_document_issue is, issues[COR_DOCUMENT_MRZ_ISSUES];
	size_t len = 0;
	int ret;

	if ((ret = read_stdin(text, sizeof(text), &len)))
		return ret;
	if (cor_mrz_parse(&m, text, len, cor_date_today()) < 0) {
		int failed = 0;
		for (int i = 0; i < m.n_checks; i++)
			if (!m.checks[i].ok) {
				fprintf(stderr, "mrz: %s: %s\n", m.checks[i].name,
					m.checks[i].message);
				failed++;
			}
		return cor_cli_fail("the MRZ fails %d check%s; nothing was added", failed,
				    failed == 1 ? "" : "s");
	}
	/* Every problem at once: the person record first, then the document. */
	int n = cor_document_mrz_mismatches(&m, &who->p, issues);
	for (int i = 0; i < n; i++)
		fprintf(stderr, "mrz: %s: %s\n", issues[i].field, issues[i].message);
	bool unusable = cor_document_from_mrz(&m, kind, d, &is) < 0;
	if (unusable)
		fprintf(stderr, "mrz: %s: %s\n", is.field, is.message);
	if (n)
		return cor_cli_fail("the MRZ does not match person %s; nothing was added",
				    who->ref);
	if (unusable)
		return cor_cli_fail("the MRZ cannot be recorded; nothing was added");
	return COR_EXIT_OK;
}

static int cmd_add(struct args *a)
{
	struct cor_document d;
	struct cor_document_issue is;
	struct cor_person_found who;
	struct cor_store *st = NULL;
	enum cor_doc_kind kind = COR_DOC_NONE;
	char date[COR_DATE_LEN];
	int ret;

	if (a->travel || a->margin)
		return cor_cli_usage_error(cmd, "%s is for 'document check'",
					   a->travel ? "--travel-date" : "--margin-days");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a person ID, e.g. LY-TIP-2026-000123-01");
	if (a->kind && (ret = parse_kind(a->kind, &kind)))
		return ret;
	memset(&d, 0, sizeof(d));
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
		    (ret = cor_cli_parse_date(cmd, "--expires", a->expires, &d.expires_on)))
			return ret;
		if (strlen(a->number) > COR_DOCNO_MAX)
			return cor_cli_fail("--number: '%s' is longer than %d characters",
					    a->number, COR_DOCNO_MAX);
		if (strlen(a->issuer) > 3)
			return cor_cli_fail(
				"--issuer: '%s' is not an ISO 3166-1 alpha-3 country code",
				a->issuer);
		d.kind = kind;
		d.has_expiry = a->expires != NULL;
		snprintf(d.number, sizeof(d.number), "%s", a->number);
		snprintf(d.issuer, sizeof(d.issuer), "%s", a->issuer);
	}

	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	ret = COR_EXIT_FAIL;
	if (cor_store_person_find(st, a->pos[0], &who) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	if (a->mrz && (ret = from_mrz(kind, &who, &d)) != COR_EXIT_OK)
		goto out;
	ret = COR_EXIT_FAIL;
	if (cor_document_validate(&d, &who.p, &is) < 0) {
		ret = cor_cli_fail("--%s: %s", is.field, is.message);
		goto out;
	}
	if (cor_store_document_record(st, &who, &d,
				      a->mrz ? COR_DOC_SOURCE_MRZ : COR_DOC_SOURCE_MANUAL,
				      cor_cli_actor()) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("added %s %s issued by %s%s%s to %s%s\n", cor_doc_kind_name(d.kind), d.number,
	       d.issuer, d.has_expiry ? ", expires " : "",
	       d.has_expiry ? cor_date_format(d.expires_on, date) : "", who.ref,
	       a->mrz ? " (read from the MRZ)" : "");
	if (d.has_expiry && cor_date_cmp(d.expires_on, cor_date_today()) < 0)
		fprintf(stderr, "warning: this %s expired on %s\n", cor_doc_kind_name(d.kind),
			cor_date_format(d.expires_on, date));
	ret = COR_EXIT_OK;
out:
	cor_store_close(st);
	return ret;
}

/* ---- list --------------------------------------------------------------------- */

static int print_doc(const struct cor_document *d, enum cor_doc_source src, void *ctx)
{
	char date[COR_DATE_LEN];
	printf("  %s %s issued by %s%s%s (%s)\n", cor_doc_kind_name(d->kind), d->number, d->issuer,
	       d->has_expiry ? ", expires " : "",
	       d->has_expiry ? cor_date_format(d->expires_on, date) : "", cor_doc_source_name(src));
	(*(int *)ctx)++;
	return 0;
}

static int cmd_list(struct args *a)
{
	struct cor_person_found who;
	struct cor_store *st = NULL;
	int ret = COR_EXIT_FAIL, n = 0;

	if (a->kind || a->number || a->issuer || a->expires || a->mrz || a->travel || a->margin)
		return cor_cli_usage_error(cmd, "list takes a person ID and --db only");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a person ID, e.g. LY-TIP-2026-000123-01");
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_person_find(st, a->pos[0], &who) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("%s  %s%s%s\n", who.ref, who.p.family_name_latin,
	       who.p.family_name_latin[0] ? ", " : "", who.p.given_names_latin);
	if (cor_store_documents_each(st, who.id, print_doc, &n) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	if (n == 0)
		printf("  no document\n");
	ret = COR_EXIT_OK;
out:
	cor_store_close(st);
	return ret;
}

/* ---- check -------------------------------------------------------------------- */

struct check {
	const struct cor_case *c;
	struct cor_date travel;
	int margin;
	int persons, lacking;
};

static int check_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
			void *ctx)
{
	struct check *k = ctx;
	char ref[COR_PERSON_REF_MAX + 8], why[COR_DOCUMENT_MSG_MAX], date[COR_DATE_LEN];
	int which;
	cor_person_ref_format(ref, sizeof(ref), k->c->ref, p->seq);
	k->persons++;
	if (cor_document_person_can_travel(p, docs, ndocs, k->travel, k->margin, &which, why,
					   sizeof(why))) {
		const struct cor_document *d = &docs[which];
		printf("  %s  ok  %s %s issued by %s%s%s\n", ref, cor_doc_kind_name(d->kind),
		       d->number, d->issuer, d->has_expiry ? ", expires " : ", no expiry date",
		       d->has_expiry ? cor_date_format(d->expires_on, date) : "");
	} else {
		k->lacking++;
		printf("  %s  NO  %s\n", ref, why);
	}
	return 0;
}

static int cmd_check(struct args *a)
{
	struct check k = {0};
	struct cor_store *st = NULL;
	struct cor_case c;
	int64_t case_id;
	long margin = COR_DOCUMENT_MARGIN_DAYS;
	char date[COR_DATE_LEN];
	int ret = COR_EXIT_FAIL;

	if (a->kind || a->number || a->issuer || a->expires || a->mrz)
		return cor_cli_usage_error(cmd, "check takes --travel-date and --margin-days");
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give a case ID, e.g. LY-TIP-2026-000123");
	if (!a->travel)
		return cor_cli_usage_error(cmd,
					   "--travel-date: give the day of travel, YYYY-MM-DD");
	if ((ret = cor_cli_parse_date(cmd, "--travel-date", a->travel, &k.travel)))
		return ret;
	if (a->margin &&
	    (ret = cor_cli_parse_long(cmd, "--margin-days", a->margin, 0, 3660, &margin)))
		return ret;
	k.margin = (int)margin;
	k.c = &c;
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_case_get(st, a->pos[0], &case_id, &c) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("case %s, travel on %s, margin %ld day%s\n", c.ref, cor_date_format(k.travel, date),
	       margin, margin == 1 ? "" : "s");
	if (cor_store_case_persons(st, case_id, check_person, &k) < 0) {
		fflush(stdout);
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	if (k.lacking) {
		fflush(stdout);
		ret = cor_cli_fail(
			"%d of %d person%s of %s lack%s a valid travel document for travel on %s",
			k.lacking, k.persons, k.persons == 1 ? "" : "s", c.ref,
			k.lacking == 1 ? "s" : "", date);
		goto out;
	}
	printf("every person holds a valid travel document (%d of %d)\n", k.persons, k.persons);
	ret = COR_EXIT_OK;
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
	"                             [--expires YYYY-MM-DD] [--db PATH]\n"
	"       corridor document add PERSON-ID --mrz [--kind KIND] [--db PATH] < MRZ\n"
	"       corridor document list PERSON-ID [--db PATH]\n"
	"       corridor document check CASE-ID --travel-date YYYY-MM-DD [--margin-days N]\n"
	"                               [--db PATH]\n\n"
	"  --kind     passport, id_card, etd, laissez_passer, exit_permit, visa, refugee_td\n"
	"             (with --mrz: from the document code unless given)\n"
	"  --number   A-Z and 0-9, at most 24;  --issuer  ISO 3166-1 alpha-3\n"
	"  --mrz      read the MRZ lines (TD1, TD2, TD3) from standard input; the document\n"
	"             must pass every check and match the person's nationality, birth date, sex\n"
	"  check      exit 1 when a person lacks a travel document valid on the travel date\n"
	"             and --margin-days after it (default 0)\n"
	"PERSON-ID is the case ID and the person's two-digit number: LY-TIP-2026-000123-01.",
	"add, list and check identity and travel documents",
	0,
};

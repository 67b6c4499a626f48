// SPDX-License-Identifier: Apache-2.0
// corridor case list|show|available|register|search: find cases, read one with its persons,
// documents, needs and history, and set the day a case can travel from
// (service/case.h). Parsing and printing only.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/case_filter.h"
#include "domain/money.h"
#include "service/case.h"
#include "service/location.h"
#include "service/numbers.h"
#include "service/search.h"

static const struct cor_command *const cmd = &cor_cmd_case;

/* The value of key in o as a string to print (cor_cli_shown), "" when
 * absent or null. */
static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

struct list_print {
	bool json;
	bool head;   /* the header is out */
	long n;      /* cases printed */
	bool failed; /* stdout could not be written */
};

/* The header, or the document's opening: printed with the first case, or
 * at the end when there is none, so that a refusal prints nothing on
 * stdout. */
static void print_head(struct list_print *lp)
{
	if (lp->head)
		return;
	lp->head = true;
	if (lp->json)
		fputs("{\"cases\":[", stdout);
	else
		printf("%-20s %-4s %-13s %-9s %3s  %-7s  %-3s %s\n", "CASE", "PROG", "STATE",
		       "PRIORITY", "PER", "ROUTE", "NAT", "PRINCIPAL APPLICANT");
}

static int print_summary(const struct cor_case_summary *s, void *ctx)
{
	struct list_print *lp = ctx;
	print_head(lp);
	if (lp->json) {
		json_t *o = cor_svc_case_summary_json(s);
		int rc = o && fputs(lp->n++ ? ",\n" : "\n", stdout) != EOF
				 ? json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER)
				 : -1;
		json_decref(o);
		if (rc < 0) {
			lp->failed = true;
			return -1;
		}
		return 0;
	}
	printf("%-20s %-4s %-13s %-9s %3d  %s>%s  %-3s %s\n", s->c.ref, s->c.programme, s->c.state,
	       cor_priority_name(s->c.priority), s->persons, s->c.origin, s->c.destination,
	       s->nationality, cor_cli_shown(s->principal));
	return 0;
}

static int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		COR_FILTER_OPTIONS,
		{0},
	};
	struct cor_svc_case_list_in in = {.filter = {.limit = 50}, .each = print_summary};
	struct cor_svc_case_list_out out;
	struct list_print lp = {0};
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'j')
			lp.json = true;
		else if ((ret = cor_cli_filter_option(cmd, c, optarg, &in.filter)) != 1) {
			if (ret)
				return ret;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if ((ret = cor_cli_ctx_open(db, 0, lp.json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	in.ctx = &lp;
	/* The list streams: a case at a time as the store gives them. */
	if (cor_svc_case_list(&cx, &in, &out) < 0) {
		ret = lp.failed ? cor_cli_fail("cannot write the output")
				: cor_cli_error(&cx, lp.json);
		if (cx.err.code == COR_CODE_OFFICE_NOT_FOUND && !lp.json)
			fprintf(stderr, "(see 'corridor office list')\n");
		cor_store_close(st);
		return ret;
	}
	cor_store_close(st);
	print_head(&lp);
	if (lp.json) {
		printf("%s],\"shown\":%ld,\"total\":%ld}\n", lp.n ? "\n" : "", out.shown,
		       out.total);
		return fflush(stdout) == 0 ? COR_EXIT_OK : cor_cli_fail("cannot write the output");
	}
	char a[32], b[32];
	cor_cli_thousands(a, sizeof(a), out.shown);
	cor_cli_thousands(b, sizeof(b), out.total);
	if (out.shown < out.total)
		printf("(%s of %s cases; --limit 0 shows all)\n", a, b);
	else
		printf("(%s case%s)\n", b, out.total == 1 ? "" : "s");
	return COR_EXIT_OK;
}

static void print_person(const json_t *p)
{
	const json_t *needs = json_object_get(p, "needs"), *docs = json_object_get(p, "documents");
	const json_t *v;
	size_t i;
	printf("  %s  %-14s %s, %s", str(p, "ref"), str(p, "relationship"),
	       *str(p, "family_name_latin") ? str(p, "family_name_latin") : "-",
	       str(p, "given_names_latin"));
	if (strcmp(str(p, "family_name"), str(p, "family_name_latin")) ||
	    strcmp(str(p, "given_names"), str(p, "given_names_latin")))
		printf("  (%s %s)", str(p, "given_names"), str(p, "family_name"));
	printf("\n      %s, born %s%s, %s, speaks ", str(p, "sex"), str(p, "birth_date"),
	       json_is_true(json_object_get(p, "birth_date_approx")) ? " (approximate)" : "",
	       str(p, "nationality"));
	json_array_foreach(json_object_get(p, "languages"), i, v)
	{
		printf("%s%s", i ? ";" : "", cor_cli_shown(json_string_value(v)));
	}
	printf("%s\n", json_array_size(json_object_get(p, "languages")) ? "" : "-");
	if (json_array_size(needs)) {
		printf("      specific needs:");
		json_array_foreach(needs, i, v)
		{
			const char *meaning = str(v, "meaning");
			printf(" %s (%s)%s", str(v, "code"), *meaning ? meaning : "?",
			       i + 1 < json_array_size(needs) ? "," : "");
		}
		printf("\n");
	}
	if (!json_array_size(docs))
		printf("      no document\n");
	json_array_foreach(docs, i, v)
	{
		const char *exp = str(v, "expires_on");
		printf("      %s %s issued by %s%s%s\n", str(v, "kind"), str(v, "number"),
		       str(v, "issuer"), *exp ? ", expires " : "", exp);
	}
}

/* The integer at key of o. */
static long num(const json_t *o, const char *key)
{
	return (long)json_integer_value(json_object_get(o, key));
}

/* The booking line: movement, the legs ridden, seats and where it boards. */
static void print_booking(const json_t *b)
{
	const json_t *v;
	size_t i;
	if (!json_is_object(b)) {
		printf("  booking      none\n");
		return;
	}
	printf("  booking      %s %s (%s): ",
	       strcmp(str(b, "status"), "standby") ? "booked on" : "on stand-by for",
	       str(b, "label"), str(b, "movement"));
	json_array_foreach(json_object_get(b, "legs"), i, v)
	{
		printf("%s%s %s", i ? " -> " : "", str(v, "from"), str(v, "departs"));
	}
	printf(" -> %s, %ld seat%s, boards at %s\n", str(b, "alight"), num(b, "seats"),
	       num(b, "seats") == 1 ? "" : "s", str(b, "board"));
}

static void print_referrals(const json_t *r)
{
	const json_t *v;
	size_t i;
	if (!num(r, "open")) {
		printf("  referrals    none open\n");
		return;
	}
	printf("  referrals    %ld open:", num(r, "open"));
	json_array_foreach(json_object_get(r, "kinds"), i, v)
	{
		printf("%s %s to %s", i ? "," : "", str(v, "subject"), str(v, "to"));
	}
	printf("\n");
}

static void print_protection(const json_t *p)
{
	long persons = num(p, "persons"), assessed = num(p, "assessed");
	if (!assessed) {
		printf("  protection   not assessed\n");
		return;
	}
	printf("  protection   %s", str(p, "level"));
	if (num(p, "uncleared"))
		printf(", not cleared");
	else if (!strcmp(str(p, "level"), "high"))
		printf(", cleared");
	if (assessed < persons)
		printf(" (%ld of %ld persons assessed)", assessed, persons);
	printf("\n");
}

static void print_fitness(const json_t *f)
{
	const json_t *unmet = json_object_get(f, "unmet");
	bool now = !strcmp(str(f, "for"), "now");
	if (!json_is_true(json_object_get(f, "required"))) {
		printf("  fitness      not required\n");
		return;
	}
	bool valid = json_is_true(json_object_get(f, "valid"));
	printf("  fitness      %s%s%s%s", valid ? "valid" : "not valid",
	       now ? " now (" : " for the departure at ", str(f, "at"), now ? ")" : "");
	if (valid) {
		printf(", until %s\n", str(f, "until"));
		return;
	}
	size_t n = json_array_size(unmet);
	printf(": %s", str(json_array_get(unmet, 0), "message"));
	if (n > 1)
		printf(" (and %zu more)", n - 1);
	printf("\n");
}

/* An amount of o (a decimal string in cur's units) as "45,000 XOF". */
static const char *money(const json_t *o, const char *key, const char *cur, char buf[COR_MONEY_LEN])
{
	int64_t minor = 0;
	if (cor_money_parse(str(o, key), cur, &minor) < 0)
		minor = 0; /* "0": nothing */
	return cor_money_format(minor, cur, buf);
}

static void print_fund(const json_t *f)
{
	char a[COR_MONEY_LEN], b[COR_MONEY_LEN];
	const json_t *v;
	size_t i;
	if (!num(f, "requests")) {
		printf("  fund         none\n");
		return;
	}
	printf("  fund         ");
	json_array_foreach(json_object_get(f, "positions"), i, v)
	{
		const char *cur = str(v, "currency");
		printf("%sapproved %s, paid %s", i ? "; " : "", money(v, "approved", cur, a),
		       money(v, "paid", cur, b));
		if (num(v, "pending"))
			printf(", %ld pending for %s", num(v, "pending"),
			       money(v, "asked", cur, a));
	}
	printf(" (%ld request%s)\n", num(f, "requests"), num(f, "requests") == 1 ? "" : "s");
}

/* The states the case may go to now, those that need a reason marked. */
static void print_next(const json_t *s)
{
	const json_t *next = json_object_get(s, "next"), *v;
	size_t i;
	printf("  next         ");
	json_array_foreach(next, i, v)
	{
		printf("%s%s%s", i ? ", " : "", str(v, "state"),
		       json_is_true(json_object_get(v, "reason_required")) ? " (with a reason)"
									   : "");
	}
	printf("%s\n", json_array_size(next) ? "" : "none");
	if (!json_array_size(json_object_get(s, "not_yet")))
		return;
	printf("  not yet      ");
	json_array_foreach(json_object_get(s, "not_yet"), i, v)
	{
		printf("%s%s (%s)", i ? ", " : "", str(v, "state"), str(v, "code"));
	}
	printf("\n");
}

static void print_summary_lines(const json_t *s)
{
	print_booking(json_object_get(s, "booking"));
	print_referrals(json_object_get(s, "referrals"));
	print_protection(json_object_get(s, "protection"));
	print_fitness(json_object_get(s, "fitness"));
	print_fund(json_object_get(s, "fund"));
	print_next(s);
}

static int print_show(json_t *doc)
{
	const json_t *c = json_object_get(doc, "case"), *v;
	size_t i;
	const char *pn = str(c, "programme_name"), *on = str(c, "origin_name"),
		   *dn = str(c, "destination_name");
	printf("case %s\n", str(c, "ref"));
	print_summary_lines(json_object_get(doc, "summary"));
	printf("  programme    %s (%s)\n", str(c, "programme"), *pn ? pn : "?");
	printf("  office       %s\n", str(c, "office"));
	if (strcmp(str(c, "location"), str(c, "office")))
		printf("  location     %s\n", str(c, "location"));
	printf("  route        %s (%s) -> %s (%s)\n", str(c, "origin"), *on ? on : "?",
	       str(c, "destination"), *dn ? dn : "?");
	printf("  state        %s\n", str(c, "state"));
	printf("  priority     %s\n", str(c, "priority"));
	printf("  registered   %s\n", str(c, "registered_on"));
	printf("persons\n");
	json_array_foreach(json_object_get(doc, "persons"), i, v)
	{
		print_person(v);
	}
	printf("history\n");
	json_array_foreach(json_object_get(doc, "history"), i, v)
	{
		const char *reason = str(v, "reason"), *field = str(v, "field");
		if (*field)
			printf("  %s  %-12s %-10s %s %s: '%s' -> '%s'%s%s\n", str(v, "at"),
			       str(v, "actor"), str(v, "action"), str(v, "detail"), field,
			       str(v, "before"), str(v, "after"), *reason ? ": " : "", reason);
		else
			printf("  %s  %-12s %-10s %s%s%s\n", str(v, "at"), str(v, "actor"),
			       str(v, "action"), str(v, "detail"), *reason ? ": " : "", reason);
	}
	json_decref(doc);
	return COR_EXIT_OK;
}

static int cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'}, {0}};
	struct cor_svc_case_show_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL;
	bool json = false;
	int opt, ret;

	cor_cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'd')
			db = optarg;
		else if (opt == 'j')
			json = true;
		else
			return cor_cli_bad_option(cmd, opt, argv);
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_case_show_in in = {argv[optind]};
	if (cor_svc_case_show(&cx, &in, &out) < 0)
		ret = cor_cli_error(&cx, json);
	else
		ret = json ? cor_cli_print_json(out.doc) : print_show(out.doc);
	cor_store_close(st);
	return ret;
}

/* corridor case available CASE-ID --on DAY|now [--reason T] */
static int cmd_available(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"on", required_argument, NULL, 'o'},
					     {"reason", required_argument, NULL, 'r'},
					     {"json", no_argument, NULL, 'j'},
					     {0}};
	const char *db = NULL, *on = NULL, *reason = NULL;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_date day;
	bool json = false;
	int opt, ret;

	cor_cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'd')
			db = optarg;
		else if (opt == 'o')
			on = optarg;
		else if (opt == 'r')
			reason = optarg;
		else if (opt == 'j')
			json = true;
		else
			return cor_cli_bad_option(cmd, opt, argv);
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID, e.g. LY-TIP-2026-000123");
	if (!on)
		return cor_cli_usage_error(cmd, "--on: the day the case can travel from, or 'now'");
	if (strcmp(on, "now") && cor_cli_parse_date(cmd, "--on", on, &day) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	if (reason && (strlen(reason) > COR_REASON_MAX || !cor_text_is_clean(reason)))
		return cor_cli_usage_error(cmd, "--reason: at most %d bytes of text",
					   COR_REASON_MAX);
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_case_available_in in = {argv[optind], strcmp(on, "now") ? &day : NULL,
					       reason};
	if (cor_svc_case_available(&cx, &in) < 0) {
		ret = cor_cli_error(&cx, json);
	} else if (json) {
		ret = cor_cli_print_json(
			json_pack("{s:s, s:s}", "case", argv[optind], "available_from", on));
	} else {
		printf("case %s: available to travel from %s\n", argv[optind], on);
	}
	cor_store_close(st);
	return ret;
}

/* Copy v into a person's field, refusing what does not fit. */
static int person_field(const char *opt, char *dst, size_t len, const char *v)
{
	if (strlen(v) >= len)
		return cor_cli_usage_error(cmd, "%s: at most %zu bytes", opt, len - 1);
	memcpy(dst, v, strlen(v) + 1);
	return COR_EXIT_OK;
}

/* corridor case register --programme P --office O --origin X --destination Y
 * [--priority P] and the principal applicant */
static int cmd_register(int argc, char **argv)
{
	enum {
		O_DB = 1,
		O_JSON,
		O_PROG,
		O_OFFICE,
		O_ORIGIN,
		O_DEST,
		O_PRIO,
		O_FAM_L,
		O_GIV_L,
		O_FAM,
		O_GIV,
		O_SEX,
		O_BIRTH,
		O_APPROX,
		O_NAT,
		O_LANG,
		O_NEEDS,
		O_LOCATION
	};
	static const struct option opts[] = {
		{"db", required_argument, NULL, O_DB},
		{"json", no_argument, NULL, O_JSON},
		{"programme", required_argument, NULL, O_PROG},
		{"office", required_argument, NULL, O_OFFICE},
		{"origin", required_argument, NULL, O_ORIGIN},
		{"destination", required_argument, NULL, O_DEST},
		{"priority", required_argument, NULL, O_PRIO},
		{"family-name-latin", required_argument, NULL, O_FAM_L},
		{"given-names-latin", required_argument, NULL, O_GIV_L},
		{"family-name", required_argument, NULL, O_FAM},
		{"given-names", required_argument, NULL, O_GIV},
		{"sex", required_argument, NULL, O_SEX},
		{"birth-date", required_argument, NULL, O_BIRTH},
		{"birth-date-approx", no_argument, NULL, O_APPROX},
		{"nationality", required_argument, NULL, O_NAT},
		{"languages", required_argument, NULL, O_LANG},
		{"needs", required_argument, NULL, O_NEEDS},
		{"location", required_argument, NULL, O_LOCATION},
		{0}};
	struct cor_svc_case_register_in in = {.priority = COR_PRIO_NORMAL};
	struct cor_person *p = &in.principal;
	const char *db = NULL, *birth = NULL;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	struct cor_case out;
	bool json = false;
	int opt, ret = COR_EXIT_OK;

	memset(p, 0, sizeof(*p));
	cor_cli_getopt_reset();
	while (ret == COR_EXIT_OK && (opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (opt) {
		case O_DB:
			db = optarg;
			break;
		case O_JSON:
			json = true;
			break;
		case O_PROG:
			in.programme = optarg;
			break;
		case O_OFFICE:
			in.office = optarg;
			break;
		case O_ORIGIN:
			in.origin = optarg;
			break;
		case O_DEST:
			in.destination = optarg;
			break;
		case O_PRIO:
			if (cor_priority_parse(optarg, &in.priority) < 0)
				ret = cor_cli_usage_error(cmd,
							  "--priority: '%s' is not normal, urgent "
							  "or emergency",
							  optarg);
			break;
		case O_FAM_L:
			ret = person_field("--family-name-latin", p->family_name_latin,
					   sizeof(p->family_name_latin), optarg);
			break;
		case O_GIV_L:
			ret = person_field("--given-names-latin", p->given_names_latin,
					   sizeof(p->given_names_latin), optarg);
			break;
		case O_FAM:
			ret = person_field("--family-name", p->family_name, sizeof(p->family_name),
					   optarg);
			break;
		case O_GIV:
			ret = person_field("--given-names", p->given_names, sizeof(p->given_names),
					   optarg);
			break;
		case O_SEX:
			if (strlen(optarg) != 1)
				ret = cor_cli_usage_error(cmd, "--sex: F, M or X");
			else
				p->sex = optarg[0];
			break;
		case O_BIRTH:
			birth = optarg;
			break;
		case O_APPROX:
			p->birth_date_approx = true;
			break;
		case O_NAT:
			ret = person_field("--nationality", p->nationality, sizeof(p->nationality),
					   optarg);
			break;
		case O_LANG:
			ret = person_field("--languages", p->languages, sizeof(p->languages),
					   optarg);
			break;
		case O_NEEDS:
			ret = person_field("--needs", p->needs, sizeof(p->needs), optarg);
			break;
		case O_LOCATION:
			in.location = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, opt, argv);
		}
	}
	if (ret != COR_EXIT_OK)
		return ret;
	if (optind != argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	static const char *const need[] = {"--programme",   "--office", "--origin",
					   "--destination", "--sex",    "--birth-date",
					   "--nationality"};
	const void *given[] = {in.programme,
			       in.office,
			       in.origin,
			       in.destination,
			       p->sex ? "" : NULL,
			       birth,
			       p->nationality[0] ? "" : NULL};
	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!given[i])
			return cor_cli_usage_error(cmd, "register: %s is missing", need[i]);
	if (cor_cli_parse_date(cmd, "--birth-date", birth, &p->birth_date) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	/* Then the persons it may duplicate, from a read of its own. */
	char pref[COR_PERSON_REF_MAX + 8];
	struct cor_svc_duplicates_out dups = {NULL};
	if (cor_svc_case_register(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
	} else {
		cor_person_ref_format(pref, sizeof(pref), out.ref, 1);
		struct cor_svc_duplicates_of_in din = {pref};
		if (cor_svc_duplicates_of(&cx, &din, &dups) < 0)
			dups.doc = NULL;
	}
	const json_t *pairs = json_object_get(dups.doc, "pairs");
	if (ret != COR_EXIT_OK) {
	} else if (json) {
		json_t *pd = pairs ? json_incref((json_t *)pairs) : json_array();
		ret = cor_cli_print_json(json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "ref", out.ref,
						   "uid", out.uid, "programme", out.programme,
						   "office", out.office, "state", out.state,
						   "possible_duplicates", pd));
	} else {
		const json_t *v;
		size_t i;
		printf("registered case %s (%s, %s): %s %s\n", out.ref, out.programme, out.office,
		       cor_cli_shown(p->family_name_latin), cor_cli_shown(p->given_names_latin));
		json_array_foreach(pairs, i, v)
		{
			const json_t *o = json_array_get(json_object_get(v, "persons"), 1);
			printf("possible duplicate (score %d): %s %s, %s, born %s\n",
			       (int)json_integer_value(json_object_get(v, "score")), str(o, "ref"),
			       str(o, "family_name_latin"), str(o, "given_names_latin"),
			       str(o, "birth_date"));
		}
		if (json_array_size(pairs))
			printf("(see 'corridor duplicates')\n");
	}
	json_decref(dups.doc);
	cor_store_close(st);
	return ret;
}

/* One line a case: the case, its person matched, the names in both
 * scripts, and why. */
static void print_search(const json_t *doc)
{
	const json_t *persons = json_object_get(doc, "persons"), *v;
	size_t i;
	json_array_foreach(json_object_get(doc, "cases"), i, v)
	{
		const json_t *p = NULL, *w;
		size_t j;
		json_array_foreach(persons, j, w)
		{
			if (!p && !strcmp(str(w, "ref"), str(v, "person")))
				p = w;
		}
		if (!p)
			continue;
		printf("%-20s %-4s %-13s %s  %s, %s", str(v, "ref"), str(v, "programme"),
		       str(v, "state"), str(p, "ref"),
		       *str(p, "family_name_latin") ? str(p, "family_name_latin") : "-",
		       str(p, "given_names_latin"));
		if ((*str(p, "family_name") || *str(p, "given_names")) &&
		    (strcmp(str(p, "family_name"), str(p, "family_name_latin")) ||
		     strcmp(str(p, "given_names"), str(p, "given_names_latin"))))
			printf(" (%s %s)", str(p, "given_names"), str(p, "family_name"));
		printf("  born %s  [%s: %s]\n", str(p, "birth_date"), str(v, "match"),
		       str(v, "field"));
	}
	size_t n = json_array_size(json_object_get(doc, "cases"));
	printf("(%zu case%s, %zu person%s)\n", n, n == 1 ? "" : "s", json_array_size(persons),
	       json_array_size(persons) == 1 ? "" : "s");
}

static int cmd_search(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"json", no_argument, NULL, 'j'},
					     {"office", required_argument, NULL, 'O'},
					     {"limit", required_argument, NULL, 'L'},
					     {0}};
	struct cor_svc_case_search_in in = {0};
	struct cor_svc_case_search_out out;
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
			if (cor_cli_parse_long(cmd, "--limit", optarg, 1, COR_SEARCH_LIMIT_MAX,
					       &in.limit) != COR_EXIT_OK)
				return COR_EXIT_USAGE;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind >= argc)
		return cor_cli_usage_error(cmd, "search: what to search for? give TEXT");
	if (optind + 1 < argc)
		return cor_cli_usage_error(cmd,
					   "unexpected argument '%s' (quote a text of "
					   "several words)",
					   argv[optind + 1]);
	in.text = argv[optind];
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_case_search(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, json);
	} else if (json) {
		ret = cor_cli_print_json(out.doc);
	} else {
		print_search(out.doc);
		json_decref(out.doc);
	}
	cor_store_close(st);
	return ret;
}

/* corridor case locate CASE-ID LOCATION --reason T */
static int cmd_locate(int argc, char **argv)
{
	static const struct option opts[] = {{"db", required_argument, NULL, 'd'},
					     {"reason", required_argument, NULL, 'r'},
					     {"json", no_argument, NULL, 'j'},
					     {0}};
	const char *db = NULL, *reason = NULL;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	bool json = false;
	int opt, ret;

	cor_cli_getopt_reset();
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'd')
			db = optarg;
		else if (opt == 'r')
			reason = optarg;
		else if (opt == 'j')
			json = true;
		else
			return cor_cli_bad_option(cmd, opt, argv);
	}
	if (optind != argc - 2)
		return cor_cli_usage_error(cmd, "give a case ID and a location (an office or an "
						"assembly point)");
	if (!reason)
		return cor_cli_usage_error(cmd, "--reason: say why the case is somewhere else");
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_locate_in in = {argv[optind], argv[optind + 1], reason};
	struct cor_svc_locate_out out;
	if (cor_svc_case_locate(&cx, &in, &out) < 0)
		ret = cor_cli_error(&cx, json);
	else if (json)
		ret = cor_cli_print_json(json_pack("{s:s, s:s, s:s}", "case", argv[optind], "from",
						   out.from, "location", out.to));
	else
		printf("case %s: at %s (was at %s)\n", argv[optind], out.to, out.from);
	cor_store_close(st);
	return ret;
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"list",   "show",   "available", "register",
					    "search", "locate", NULL};
	static int (*const subs[])(int, char **) = {cmd_list,     cmd_show,   cmd_available,
						    cmd_register, cmd_search, cmd_locate};
	int i = cor_cli_subcommand(cmd, names, argc, argv);
	if (i < 0)
		return COR_EXIT_USAGE;
	return subs[i](argc - 1, argv + 1);
}

const struct cor_command cor_cmd_case = {
	"case",
	run,
	"usage: corridor case list [filters] [--json] [--db PATH]\n"
	"       corridor case show CASE-ID [--json] [--db PATH]\n"
	"       corridor case available CASE-ID --on YYYY-MM-DD|now [--reason T] [--json] [--db "
	"PATH]\n"
	"       corridor case register --programme P --office O --origin C --destination C\n"
	"                [--priority normal|urgent|emergency] --family-name-latin N\n"
	"                --given-names-latin N [--family-name N] [--given-names N] --sex F|M|X\n"
	"                --birth-date YYYY-MM-DD [--birth-date-approx] --nationality C\n"
	"                [--languages L;L] [--needs C-C] [--location L] [--json] [--db PATH]\n"
	"       corridor case search TEXT [--office O] [--limit N] [--json] [--db PATH]\n"
	"       corridor case locate CASE-ID LOCATION --reason T [--json] [--db "
	"PATH]\n\n" COR_FILTER_USAGE
	"'list' shows 50 cases unless --limit says otherwise. 'show' opens with a summary:\n"
	"the booking, open referrals, protection level, fitness to travel, fund position and\n"
	"the moves the case may make now. 'available' sets the day from\n"
	"which the planner may put the case on a movement. 'register' records a new case\n"
	"with its principal applicant under the next case number of the office this year\n"
	"(on a device, from its blocks: see 'corridor numbers'). 'search' finds cases by\n"
	"the start of a case ID or by a name in any script: case, accents, punctuation and\n"
	"spaces do not matter, and a name is found from another script by its consonants;\n"
	"best matches first, each with the person matched and why (20 unless --limit says\n"
	"otherwise, up to 1000). 'register --location' puts the case at an assembly point\n"
	"of its origin country rather than its office. 'locate' says where a case is now:\n"
	"its office, or an assembly point ('corridor location list'); the planner boards it\n"
	"only at places that location reaches ('corridor place reach').\n"
	"--json prints one JSON document.",
	"list, show or register cases",
	0,
};

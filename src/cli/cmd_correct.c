// SPDX-License-Identifier: Apache-2.0
// corridor correct: put right what was recorded wrongly, each correction an
// amendment the case's history keeps with the value before and after and a
// reason. The operations and their rules are service/correct.h; this file
// parses and prints.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/correct.h"

static const struct cor_command *const cmd = &cor_cmd_correct;

enum {
	O_DB = 1,
	O_JSON,
	O_REASON,
	O_FAM_L,
	O_GIV_L,
	O_FAM,
	O_GIV,
	O_SEX,
	O_BIRTH,
	O_APPROX,
	O_EXACT,
	O_NAT,
	O_REL,
	O_LANG,
	O_NEEDS,
	O_HEIR,
	O_ISSUER,
	O_FAMILY,
	O_GIVEN,
	O_PASSPORT,
	O_EXPIRES,
	O_MEDICAL,
	O_OPERATIONAL,
};

struct args {
	const char *db, *reason, *fam_l, *giv_l, *fam, *giv, *sex, *birth, *nat, *rel, *langs,
		*needs, *heir, *issuer, *family, *given, *passport, *expires;
	int approx;  /* -1: not given */
	int medical; /* -1: not given */
	bool json;
	int npos;
	char *pos[2 + COR_SVC_SPLIT_MAX];
};

/* What a correction did: large (service/correct.h), so not on the stack. */
static struct cor_svc_correction_out out;

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, O_DB},
		{"json", no_argument, NULL, O_JSON},
		{"reason", required_argument, NULL, O_REASON},
		{"family-name-latin", required_argument, NULL, O_FAM_L},
		{"given-names-latin", required_argument, NULL, O_GIV_L},
		{"family-name", required_argument, NULL, O_FAM},
		{"given-names", required_argument, NULL, O_GIV},
		{"sex", required_argument, NULL, O_SEX},
		{"birth-date", required_argument, NULL, O_BIRTH},
		{"birth-date-approx", no_argument, NULL, O_APPROX},
		{"birth-date-exact", no_argument, NULL, O_EXACT},
		{"nationality", required_argument, NULL, O_NAT},
		{"relationship", required_argument, NULL, O_REL},
		{"languages", required_argument, NULL, O_LANG},
		{"needs", required_argument, NULL, O_NEEDS},
		{"new-principal", required_argument, NULL, O_HEIR},
		{"issuer", required_argument, NULL, O_ISSUER},
		{"family", required_argument, NULL, O_FAMILY},
		{"given", required_argument, NULL, O_GIVEN},
		{"passport", required_argument, NULL, O_PASSPORT},
		{"expires", required_argument, NULL, O_EXPIRES},
		{"medical", no_argument, NULL, O_MEDICAL},
		{"operational", no_argument, NULL, O_OPERATIONAL},
		{0},
	};
	int c;
	memset(a, 0, sizeof(*a));
	a->approx = -1;
	a->medical = -1;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_DB:
			a->db = optarg;
			break;
		case O_JSON:
			a->json = true;
			break;
		case O_REASON:
			a->reason = optarg;
			break;
		case O_FAM_L:
			a->fam_l = optarg;
			break;
		case O_GIV_L:
			a->giv_l = optarg;
			break;
		case O_FAM:
			a->fam = optarg;
			break;
		case O_GIV:
			a->giv = optarg;
			break;
		case O_SEX:
			a->sex = optarg;
			break;
		case O_BIRTH:
			a->birth = optarg;
			break;
		case O_APPROX:
		case O_EXACT:
			if (a->approx >= 0)
				return cor_cli_usage_error(
					cmd, "--birth-date-approx or --birth-date-exact, once");
			a->approx = c == O_APPROX;
			break;
		case O_NAT:
			a->nat = optarg;
			break;
		case O_REL:
			a->rel = optarg;
			break;
		case O_LANG:
			a->langs = optarg;
			break;
		case O_NEEDS:
			a->needs = optarg;
			break;
		case O_HEIR:
			a->heir = optarg;
			break;
		case O_ISSUER:
			a->issuer = optarg;
			break;
		case O_FAMILY:
			a->family = optarg;
			break;
		case O_GIVEN:
			a->given = optarg;
			break;
		case O_PASSPORT:
			a->passport = optarg;
			break;
		case O_EXPIRES:
			a->expires = optarg;
			break;
		case O_MEDICAL:
		case O_OPERATIONAL:
			if (a->medical >= 0)
				return cor_cli_usage_error(cmd, "--medical or --operational, once");
			a->medical = c == O_MEDICAL;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (a->npos == (int)(sizeof(a->pos) / sizeof(a->pos[0])))
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		a->pos[a->npos++] = argv[i];
	}
	return 0;
}

/* Which subcommands take an option. */
enum {
	T_PERSON = 1,
	T_ADD = 2,
	T_HEIR = 4,
	T_ISSUER = 8,
	T_MOVE = 16,
	T_MERGE = 32,
	T_ESCORT = 64
};

/* Options a subcommand does not take: a usage error naming the first. */
static int only(const struct args *a, const char *sub, unsigned allowed)
{
	const struct {
		const char *name;
		bool given;
		unsigned in;
	} opts[] = {
		{"--family-name-latin", a->fam_l != NULL, T_PERSON | T_ADD},
		{"--given-names-latin", a->giv_l != NULL, T_PERSON | T_ADD},
		{"--family-name", a->fam != NULL, T_PERSON | T_ADD},
		{"--given-names", a->giv != NULL, T_PERSON | T_ADD},
		{"--sex", a->sex != NULL, T_PERSON | T_ADD | T_ESCORT},
		{"--birth-date", a->birth != NULL, T_PERSON | T_ADD | T_ESCORT},
		{"--birth-date-approx/--birth-date-exact", a->approx >= 0, T_PERSON | T_ADD},
		{"--nationality", a->nat != NULL, T_PERSON | T_ADD | T_ESCORT},
		{"--relationship", a->rel != NULL, T_PERSON | T_ADD | T_MOVE | T_MERGE},
		{"--languages", a->langs != NULL, T_ADD},
		{"--needs", a->needs != NULL, T_ADD},
		{"--new-principal", a->heir != NULL, T_HEIR | T_MOVE},
		{"--issuer", a->issuer != NULL, T_ISSUER | T_ESCORT},
		{"--family", a->family != NULL, T_ESCORT},
		{"--given", a->given != NULL, T_ESCORT},
		{"--passport", a->passport != NULL, T_ESCORT},
		{"--expires", a->expires != NULL, T_ESCORT},
		{"--medical/--operational", a->medical >= 0, T_ESCORT},
	};
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (opts[i].given && !(opts[i].in & allowed))
			return cor_cli_usage_error(cmd, "%s: %s takes no %s", sub, sub,
						   opts[i].name);
	return 0;
}

/* The end of a correction: the error, or what it did. */
static int finish(struct cor_store *st, struct cor_ctx *cx, const struct args *a, int err,
		  const struct cor_svc_correction_out *res)
{
	int ret = COR_EXIT_OK;
	if (err < 0) {
		ret = cor_cli_error(cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(cor_svc_correction_json(cx, a->reason, res));
	} else {
		if (res->movement[0])
			printf("movement %s corrected", res->movement);
		else
			printf("case %s corrected", res->case_ref);
		if (res->case_made[0])
			printf(": case %s split off", res->case_made);
		else if (res->person[0])
			printf(": person %s", res->person);
		printf("\n");
		for (int i = 0; i < res->n; i++) {
			const struct cor_svc_change *ch = &res->changes[i];
			bool other = !res->movement[0] && strcmp(ch->case_ref, res->case_ref);
			printf("  %s%s%s %s: '%s' -> '%s'\n", other ? ch->case_ref : "",
			       other ? " " : "", ch->subject, ch->field, cor_cli_shown(ch->before),
			       cor_cli_shown(ch->after));
		}
	}
	cor_store_close(st);
	return ret;
}

static int person_field(const char *opt, char *dst, size_t len, const char *v)
{
	if (!v)
		return COR_EXIT_OK;
	if (strlen(v) >= len)
		return cor_cli_usage_error(cmd, "%s: at most %zu bytes", opt, len - 1);
	memcpy(dst, v, strlen(v) + 1);
	return COR_EXIT_OK;
}

static int cmd_person(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "person: give one person ID");
	if ((ret = only(a, "person", T_PERSON)))
		return ret;
	struct cor_svc_person_correct_in in = {
		.person = a->pos[0],
		.family_name = a->fam,
		.given_names = a->giv,
		.family_name_latin = a->fam_l,
		.given_names_latin = a->giv_l,
		.sex = a->sex,
		.has_birth_date = a->birth != NULL,
		.birth_date_approx = a->approx,
		.nationality = a->nat,
		.relationship = a->rel,
		.reason = a->reason,
	};
	if (a->birth && cor_cli_parse_date(cmd, "--birth-date", a->birth, &in.birth_date))
		return COR_EXIT_USAGE;
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	return finish(st, &cx, a, cor_svc_person_correct(&cx, &in, &out), &out);
}

static int cmd_person_add(struct args *a)
{
	struct cor_svc_person_add_in in = {.reason = a->reason};
	struct cor_person *p = &in.p;
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "person-add: give one case ID");
	if ((ret = only(a, "person-add", T_ADD)))
		return ret;
	static const char *const need[] = {"--relationship", "--given-names-latin", "--sex",
					   "--birth-date", "--nationality"};
	const char *given[] = {a->rel, a->giv_l, a->sex, a->birth, a->nat};
	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!given[i])
			return cor_cli_usage_error(cmd, "person-add: %s is missing", need[i]);
	if (a->approx == 0)
		return cor_cli_usage_error(cmd, "person-add: takes no --birth-date-exact");
	memset(p, 0, sizeof(*p));
	in.case_ref = a->pos[0];
	in.relationship = a->rel;
	if ((ret = person_field("--family-name-latin", p->family_name_latin,
				sizeof(p->family_name_latin), a->fam_l)) ||
	    (ret = person_field("--given-names-latin", p->given_names_latin,
				sizeof(p->given_names_latin), a->giv_l)) ||
	    (ret = person_field("--family-name", p->family_name, sizeof(p->family_name), a->fam)) ||
	    (ret = person_field("--given-names", p->given_names, sizeof(p->given_names), a->giv)) ||
	    (ret = person_field("--nationality", p->nationality, sizeof(p->nationality), a->nat)) ||
	    (ret = person_field("--languages", p->languages, sizeof(p->languages), a->langs)) ||
	    (ret = person_field("--needs", p->needs, sizeof(p->needs), a->needs)))
		return ret;
	if (strlen(a->sex) != 1)
		return cor_cli_usage_error(cmd, "--sex: F, M or X");
	p->sex = a->sex[0];
	p->birth_date_approx = a->approx == 1;
	if (cor_cli_parse_date(cmd, "--birth-date", a->birth, &p->birth_date))
		return COR_EXIT_USAGE;
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	return finish(st, &cx, a, cor_svc_person_add(&cx, &in, &out), &out);
}

static int cmd_person_remove(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "person-remove: give one person ID");
	if ((ret = only(a, "person-remove", T_HEIR)) ||
	    (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_person_remove_in in = {a->pos[0], a->heir, a->reason};
	return finish(st, &cx, a, cor_svc_person_remove(&cx, &in, &out), &out);
}

static int cmd_priority(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "priority: give a case ID and a priority");
	if ((ret = only(a, "priority", 0)) || (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_case_priority_in in = {a->pos[0], a->pos[1], a->reason};
	return finish(st, &cx, a, cor_svc_case_priority(&cx, &in, &out), &out);
}

static int cmd_transfer(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "transfer: give a case ID and an office");
	if ((ret = only(a, "transfer", 0)) || (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_case_transfer_in in = {a->pos[0], a->pos[1], a->reason};
	return finish(st, &cx, a, cor_svc_case_transfer(&cx, &in, &out), &out);
}

static int state_sub(struct args *a, const char *sub, bool reopen)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret, err;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "%s: give one case ID", sub);
	if ((ret = only(a, sub, 0)) || (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_case_state_in in = {a->pos[0], a->reason};
	err = reopen ? cor_svc_case_reopen(&cx, &in, &out) : cor_svc_case_revert(&cx, &in, &out);
	return finish(st, &cx, a, err, &out);
}

static int cmd_reopen(struct args *a)
{
	return state_sub(a, "reopen", true);
}

static int cmd_revert(struct args *a)
{
	return state_sub(a, "revert", false);
}

static int cmd_document_void(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 3)
		return cor_cli_usage_error(cmd,
					   "document-void: give a person ID, a kind and a number");
	if ((ret = only(a, "document-void", T_ISSUER)) ||
	    (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_document_void_in in = {a->pos[0], a->pos[1], a->pos[2], a->issuer,
					      a->reason};
	return finish(st, &cx, a, cor_svc_document_void(&cx, &in, &out), &out);
}

static int cmd_person_move(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "person-move: give a person ID and a case ID");
	if ((ret = only(a, "person-move", T_MOVE)) ||
	    (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_person_move_in in = {a->pos[0], a->pos[1], a->rel, a->heir, a->reason};
	return finish(st, &cx, a, cor_svc_person_move(&cx, &in, &out), &out);
}

static int cmd_split(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos < 2)
		return cor_cli_usage_error(cmd,
					   "split: give a case ID and the persons to split off");
	if ((ret = only(a, "split", 0)) || (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_case_split_in in = {a->pos[0], (const char *const *)a->pos + 1, a->npos - 1,
					   a->reason};
	return finish(st, &cx, a, cor_svc_case_split(&cx, &in, &out), &out);
}

static int cmd_merge(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 2)
		return cor_cli_usage_error(
			cmd, "merge: give the case to merge and the case it goes into");
	if ((ret = only(a, "merge", T_MERGE)) ||
	    (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_case_merge_in in = {a->pos[0], a->pos[1], a->rel, a->reason};
	return finish(st, &cx, a, cor_svc_case_merge(&cx, &in, &out), &out);
}

/* The escort's number, or a usage error. */
static int escort_no(const struct args *a, const char *sub, long *no)
{
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "%s: give a movement and an escort's number", sub);
	return cor_cli_parse_long(cmd, "ESCORT", a->pos[1], 1, 99, no);
}

static int cmd_escort(struct args *a)
{
	struct cor_svc_escort_correct_in in = {.medical = a->medical, .reason = a->reason};
	struct cor_store *st;
	struct cor_ctx cx;
	long no;
	int ret;
	if ((ret = escort_no(a, "escort", &no)) || (ret = only(a, "escort", T_ESCORT)))
		return ret;
	if (a->birth && cor_cli_parse_date(cmd, "--birth-date", a->birth, &in.birth_date))
		return COR_EXIT_USAGE;
	if (a->expires && cor_cli_parse_date(cmd, "--expires", a->expires, &in.expires))
		return COR_EXIT_USAGE;
	in.movement = a->pos[0];
	in.no = (int)no;
	in.family_name = a->family;
	in.given_names = a->given;
	in.sex = a->sex;
	in.nationality = a->nat;
	in.passport = a->passport;
	in.issuer = a->issuer;
	in.has_birth_date = a->birth != NULL;
	in.has_expires = a->expires != NULL;
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	return finish(st, &cx, a, cor_svc_escort_correct(&cx, &in, &out), &out);
}

static int cmd_escort_remove(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	long no;
	int ret;
	if ((ret = escort_no(a, "escort-remove", &no)) || (ret = only(a, "escort-remove", 0)) ||
	    (ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)))
		return ret;
	struct cor_svc_escort_remove_in in = {a->pos[0], (int)no, a->reason};
	return finish(st, &cx, a, cor_svc_escort_remove(&cx, &in, &out), &out);
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {
		"person",        "person-add", "person-remove", "person-move", "split",
		"merge",         "priority",   "transfer",      "reopen",      "revert",
		"document-void", "escort",     "escort-remove", NULL};
	static int (*const subs[])(struct args *) = {
		cmd_person,        cmd_person_add, cmd_person_remove, cmd_person_move, cmd_split,
		cmd_merge,         cmd_priority,   cmd_transfer,      cmd_reopen,      cmd_revert,
		cmd_document_void, cmd_escort,     cmd_escort_remove};
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

const struct cor_command cor_cmd_correct = {
	"correct",
	run,
	"usage: corridor correct person PERSON-ID [--family-name-latin N] [--given-names-latin N]\n"
	"                [--family-name N] [--given-names N] [--sex F|M|X] [--birth-date D]\n"
	"                [--birth-date-approx|--birth-date-exact] [--nationality C]\n"
	"                [--relationship R] --reason T\n"
	"       corridor correct person-add CASE-ID --relationship R --given-names-latin N\n"
	"                [--family-name-latin N] [--family-name N] [--given-names N] --sex F|M|X\n"
	"                --birth-date D [--birth-date-approx] --nationality C [--languages L;L]\n"
	"                [--needs C-C] --reason T\n"
	"       corridor correct person-remove PERSON-ID [--new-principal PERSON-ID] --reason T\n"
	"       corridor correct person-move PERSON-ID CASE-ID [--relationship R]\n"
	"                [--new-principal PERSON-ID] --reason T\n"
	"       corridor correct split CASE-ID PERSON-ID... --reason T\n"
	"       corridor correct merge CASE-ID INTO-CASE-ID [--relationship R] --reason T\n"
	"       corridor correct priority CASE-ID normal|urgent|emergency --reason T\n"
	"       corridor correct transfer CASE-ID OFFICE --reason T\n"
	"       corridor correct reopen CASE-ID --reason T\n"
	"       corridor correct revert CASE-ID --reason T\n"
	"       corridor correct document-void PERSON-ID KIND NUMBER [--issuer C] --reason T\n"
	"       corridor correct escort MOVEMENT ESCORT [--family N] [--given N] [--sex F|M|X]\n"
	"                [--birth-date D] [--nationality C] [--passport NO] [--issuer C]\n"
	"                [--expires D] [--medical|--operational] --reason T\n"
	"       corridor correct escort-remove MOVEMENT ESCORT --reason T\n"
	"  (each also takes --json and --db PATH)\n\n"
	"Each correction is kept in the case's history with the value before and after,\n"
	"the reason and who made it ('corridor case show'). A reason is required. A person\n"
	"booked on a movement is not removed until the booking is cancelled, nor a person\n"
	"who travelled; the principal applicant only with --new-principal. 'reopen' takes\n"
	"a closed case back to the state it was closed from; 'revert' takes a case back\n"
	"over its last transition, while nothing recorded since depends on it. A person\n"
	"moved takes the next number of the case joined; 'split' makes a new case whose\n"
	"principal is the first person named; 'merge' moves every person into INTO-CASE-ID,\n"
	"which keeps its ID, and closes CASE-ID (--relationship: that of its principal\n"
	"there, other_relative when not given). 'escort' corrects a named escort (ESCORT:\n"
	"its number on the movement), 'escort-remove' takes one off before departure.\n"
	"See docs/corrections.md.",
	"correct what was recorded wrongly, with the value before and after and a reason",
	0,
};

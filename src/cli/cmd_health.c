// SPDX-License-Identifier: Apache-2.0
// corridor health check|assess|show: record a person's fitness-to-travel
// check or pre-migration health assessment (outcome, travel conditions, TB
// class; a clinical note kept apart), and show the travel-relevant outcome,
// with the clinical notes only when --clinical asks for them.
// Invariant: nothing is written unless every option and rule passed.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/health.h"
#include "store/store_health.h"
#include "util/error.h"

static const struct cor_command *const cmd = &cor_cmd_health;

struct args {
	const char *db, *outcome, *tb, *at, *by, *note, *departure, *window;
	bool clinical;
	unsigned conditions;
	int npos;
	char *pos[2];
};

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"outcome", required_argument, NULL, 'o'},
		{"condition", required_argument, NULL, 'c'},
		{"tb", required_argument, NULL, 't'},
		{"at", required_argument, NULL, 'a'},
		{"by", required_argument, NULL, 'b'},
		{"note", required_argument, NULL, 'n'},
		{"clinical", no_argument, NULL, 'C'},
		{"departure", required_argument, NULL, 'D'},
		{"window-hours", required_argument, NULL, 'w'},
		{0},
	};
	enum cor_health_condition cond;
	int c;
	memset(a, 0, sizeof(*a));
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'o':
			a->outcome = optarg;
			break;
		case 't':
			a->tb = optarg;
			break;
		case 'a':
			a->at = optarg;
			break;
		case 'b':
			a->by = optarg;
			break;
		case 'n':
			a->note = optarg;
			break;
		case 'C':
			a->clinical = true;
			break;
		case 'D':
			a->departure = optarg;
			break;
		case 'w':
			a->window = optarg;
			break;
		case 'c':
			if (cor_health_condition_parse(optarg, &cond) < 0)
				return cor_cli_usage_error(
					cmd,
					"--condition: '%s' is not a condition (medical_escort, "
					"non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, "
					"extra_seat, front_row)",
					optarg);
			a->conditions |= COR_HEALTH_COND_BIT(cond);
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
	if (a->npos == 0)
		return cor_cli_usage_error(cmd, "give a person ID, e.g. LY-TIP-2026-000123-01");
	return 0;
}

/* The option a rule's field stands for. */
static const char *option_of(const char *field)
{
	if (!strcmp(field, "examiner"))
		return "--by";
	if (!strcmp(field, "kind"))
		return "the subcommand";
	static char buf[32];
	snprintf(buf, sizeof(buf), "--%s", field);
	return buf;
}

/* ---- check, assess -------------------------------------------------------- */

static int cmd_record(struct args *a, enum cor_health_kind kind)
{
	struct cor_health_check h;
	struct cor_health_issue is;
	struct cor_person_found who;
	struct cor_store *st = NULL;
	char detail[512];
	int64_t id;
	int ret = COR_EXIT_FAIL, err;

	if (a->clinical || a->departure || a->window)
		return cor_cli_usage_error(cmd, "%s is for 'health show'",
					   a->clinical    ? "--clinical"
					   : a->departure ? "--departure"
							  : "--window-hours");
	memset(&h, 0, sizeof(h));
	h.kind = kind;
	h.conditions = a->conditions;
	if (!a->outcome)
		return cor_cli_usage_error(
			cmd, "--outcome: give fit, fit_with_conditions, unfit or deferred");
	if (cor_health_outcome_parse(a->outcome, &h.outcome) < 0)
		return cor_cli_usage_error(
			cmd, "--outcome: '%s' is not fit, fit_with_conditions, unfit or deferred",
			a->outcome);
	if (a->tb && cor_health_tb_parse(a->tb, &h.tb) < 0)
		return cor_cli_usage_error(
			cmd, "--tb: '%s' is not none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3",
			a->tb);
	if (a->at && cor_health_time_parse(a->at, &h.at) < 0)
		return cor_cli_usage_error(
			cmd, "--at: '%s' is not a UTC time in the form YYYY-MM-DDTHH:MMZ", a->at);
	if (!a->at)
		h.at = cor_health_time_now();
	else if (h.at > cor_health_time_now())
		return cor_cli_fail("--at: %s is in the future", a->at);
	const char *by = a->by ? a->by : cor_cli_actor();
	if (strlen(by) > COR_NAME_MAX || !*by)
		return cor_cli_fail("--by: give a name of 1 to %d bytes", COR_NAME_MAX);
	snprintf(h.examiner, sizeof(h.examiner), "%s", by);
	if (a->note && cor_health_note_validate(a->note, &is) < 0)
		return cor_cli_fail("--note: %s", is.message);

	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_person_find(st, a->pos[0], &who) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	if (cor_health_check_validate(&h, who.c.destination, &is) < 0) {
		ret = cor_cli_fail("%s: %s", option_of(is.field), is.message);
		goto out;
	}
	if ((err = cor_store_begin(st)) < 0 ||
	    (err = cor_store_health_add(st, &who, &h, cor_cli_actor(), &id)) < 0 ||
	    (a->note &&
	     (err = cor_store_health_notes_add(st, &who, id, cor_cli_actor(), a->note)) < 0) ||
	    (err = cor_store_commit(st)) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		cor_store_rollback(st);
		goto out;
	}
	printf("recorded %s\n", cor_health_event_detail(&h, who.ref, detail, sizeof(detail)));
	ret = COR_EXIT_OK;
out:
	cor_store_close(st);
	return ret;
}

/* ---- show ------------------------------------------------------------------- */

static void print_block(struct cor_store *st, const struct cor_person_found *who,
			enum cor_health_kind kind, const int64_t *departure, int window, int *err)
{
	struct cor_health_check h;
	char at[COR_HEALTH_TIME_LEN], conds[200], ssr[64], why[COR_HEALTH_MSG_MAX];
	printf("%s\n", cor_health_kind_title(kind));
	int e = cor_store_health_latest(st, who->id, kind, &h, NULL);
	if (e == COR_ENOTFOUND) {
		printf("  none recorded\n");
		if (departure)
			printf("  departure   %s: not valid: no fitness-to-travel check recorded\n",
			       cor_health_time_format(*departure, at));
		return;
	}
	if (e < 0) {
		*err = e;
		return;
	}
	printf("  at          %s\n", cor_health_time_format(h.at, at));
	printf("  by          %s\n", h.examiner[0] ? h.examiner : "-");
	printf("  outcome     %s\n", cor_health_outcome_name(h.outcome));
	cor_health_conditions_format(h.conditions, conds, sizeof(conds));
	printf("  conditions  %s\n", conds[0] ? conds : "none");
	cor_health_ssr_format(h.conditions, ssr, sizeof(ssr));
	printf("  SSR codes   %s\n", ssr[0] ? ssr : "none");
	printf("  TB class    %s\n", h.tb ? cor_health_tb_name(h.tb) : "not recorded");
	if (departure) {
		bool ok = cor_health_clears_travel(&h, *departure, window, why, sizeof(why));
		printf("  departure   %s: %s%s\n", cor_health_time_format(*departure, at),
		       ok ? "valid" : "not valid: ", ok ? "" : why);
	}
}

static int print_check(const struct cor_health_check *h, int64_t id, void *ctx)
{
	char at[COR_HEALTH_TIME_LEN], conds[200];
	cor_health_conditions_format(h->conditions, conds, sizeof(conds));
	printf("  %s  %-17s  %-19s  %s%s%s\n", cor_health_time_format(h->at, at),
	       cor_health_kind_name(h->kind), cor_health_outcome_name(h->outcome),
	       h->examiner[0] ? h->examiner : "-", conds[0] ? "; " : "", conds);
	(*(int *)ctx)++;
	return 0;
}

static int print_note(const struct cor_health_note *n, void *ctx)
{
	char at[COR_HEALTH_TIME_LEN];
	printf("  %s  %-17s  %s: %s\n", cor_health_time_format(n->check_at, at),
	       cor_health_kind_name(n->kind), n->author, n->text);
	(*(int *)ctx)++;
	return 0;
}

static int cmd_show(struct args *a)
{
	struct cor_person_found who;
	struct cor_store *st = NULL;
	int64_t departure;
	long window = COR_HEALTH_WINDOW_HOURS;
	int ret = COR_EXIT_FAIL, err = 0, n = 0;

	if (a->outcome || a->conditions || a->tb || a->at || a->by || a->note)
		return cor_cli_usage_error(cmd,
					   "show takes --clinical, --departure and --window-hours; "
					   "the other options are for 'check' and 'assess'");
	if (a->departure && cor_health_time_parse(a->departure, &departure) < 0)
		return cor_cli_usage_error(
			cmd, "--departure: '%s' is not a UTC time in the form YYYY-MM-DDTHH:MMZ",
			a->departure);
	if (a->window) {
		if (!a->departure)
			return cor_cli_usage_error(cmd, "--window-hours goes with --departure");
		if ((ret = cor_cli_parse_long(cmd, "--window-hours", a->window, 1, 720, &window)))
			return ret;
	}
	if (cor_cli_open(a->db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_person_find(st, a->pos[0], &who) < 0) {
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	printf("person %s  %s%s%s  (case %s, %s %s -> %s)\n", who.ref, who.p.family_name_latin,
	       who.p.family_name_latin[0] ? ", " : "", who.p.given_names_latin, who.c.ref,
	       who.c.programme, who.c.origin, who.c.destination);
	print_block(st, &who, COR_HEALTH_FITNESS, a->departure ? &departure : NULL, (int)window,
		    &err);
	if (err == 0)
		print_block(st, &who, COR_HEALTH_PRE_MIGRATION, NULL, 0, &err);
	if (err == 0) {
		printf("history\n");
		err = cor_store_health_each(st, who.id, print_check, &n);
		if (err == 0 && n == 0)
			printf("  none\n");
	}
	if (err == 0 && a->clinical) {
		n = 0;
		printf("clinical notes (medical staff only)\n");
		err = cor_store_health_notes_each(st, who.id, print_note, &n);
		if (err == 0 && n == 0)
			printf("  none\n");
	}
	if (err < 0) {
		fflush(stdout);
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
		goto out;
	}
	ret = COR_EXIT_OK;
out:
	cor_store_close(st);
	return ret;
}

static int cmd_check(struct args *a)
{
	return cmd_record(a, COR_HEALTH_FITNESS);
}

static int cmd_assess(struct args *a)
{
	return cmd_record(a, COR_HEALTH_PRE_MIGRATION);
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"check", "assess", "show", NULL};
	static int (*const subs[])(struct args *) = {cmd_check, cmd_assess, cmd_show};
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

const struct cor_command cor_cmd_health = {
	"health",
	run,
	"usage: corridor health check PERSON-ID --outcome OUTCOME [--condition NAME]... [--tb "
	"CLASS]\n"
	"                             [--at YYYY-MM-DDTHH:MMZ] [--by NAME] [--note TEXT] [--db "
	"PATH]\n"
	"       corridor health assess PERSON-ID (the options of check)\n"
	"       corridor health show PERSON-ID [--clinical] [--departure YYYY-MM-DDTHH:MMZ]\n"
	"                            [--window-hours N] [--db PATH]\n\n"
	"  check      record a fitness-to-travel check; assess: a pre-migration health assessment\n"
	"  --outcome  fit, fit_with_conditions, unfit or deferred\n"
	"  --condition  with fit_with_conditions, once per condition: medical_escort,\n"
	"             non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, extra_seat, "
	"front_row\n"
	"  --tb       TB class: none, A, B1_pulmonary, B1_extrapulmonary, B2, B3 (required for\n"
	"             cases bound for the USA)\n"
	"  --at       when the person was examined, UTC (default: now)\n"
	"  --by       who examined (default: the user)\n"
	"  --note     a clinical note, kept apart from the outcome, for medical staff\n"
	"  --clinical show the clinical notes too\n"
	"  --departure  say whether the latest fitness check holds for this departure,\n"
	"             at most --window-hours before it (default 72)\n"
	"PERSON-ID is the case ID and the person's two-digit number: LY-TIP-2026-000123-01.",
	"record and show fitness to travel and health assessments",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor health check|assess|show: record a person's fitness-to-travel
// check or pre-migration health assessment (outcome, travel conditions, TB
// class; a clinical note kept apart), and show the travel-relevant outcome,
// with the clinical notes only when --clinical asks for them. The
// operations are service/health.h's; this file parses and prints.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "domain/health.h"
#include "service/health.h"

static const struct cor_command *const cmd = &cor_cmd_health;

struct args {
	const char *db, *outcome, *tb, *at, *by, *note, *departure, *window;
	bool clinical, json;
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
		{"json", no_argument, NULL, 'j'},
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
		case 'j':
			a->json = true;
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

/* ---- check, assess -------------------------------------------------------- */

static int cmd_record(struct args *a, enum cor_health_kind kind)
{
	struct cor_svc_health_record_in in = {0};
	struct cor_svc_health_record_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	char detail[512];
	int ret;

	if (a->clinical || a->departure || a->window)
		return cor_cli_usage_error(cmd, "%s is for 'health show'",
					   a->clinical    ? "--clinical"
					   : a->departure ? "--departure"
							  : "--window-hours");
	if (!a->outcome)
		return cor_cli_usage_error(
			cmd, "--outcome: give fit, fit_with_conditions, unfit or deferred");
	if (cor_health_outcome_parse(a->outcome, &in.outcome) < 0)
		return cor_cli_usage_error(
			cmd, "--outcome: '%s' is not fit, fit_with_conditions, unfit or deferred",
			a->outcome);
	if (a->tb && cor_health_tb_parse(a->tb, &in.tb) < 0)
		return cor_cli_usage_error(
			cmd, "--tb: '%s' is not none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3",
			a->tb);
	if (a->at && cor_health_time_parse(a->at, &in.at) < 0)
		return cor_cli_usage_error(
			cmd, "--at: '%s' is not a UTC time in the form YYYY-MM-DDTHH:MMZ", a->at);
	in.person = a->pos[0];
	in.conditions = a->conditions;
	in.has_at = a->at != NULL;
	in.examiner = a->by;
	in.note = a->note;

	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	ret = (kind == COR_HEALTH_FITNESS ? cor_svc_health_check : cor_svc_health_assess)(&cx, &in,
											  &out);
	if (ret < 0)
		ret = cor_cli_error(&cx, a->json);
	else if (a->json)
		ret = cor_cli_print_json(cor_svc_health_record_json(&out));
	else {
		char off[200];
		printf("recorded %s\n",
		       cor_health_event_detail(&out.check, out.person, detail, sizeof(detail)));
		if (*cor_svc_taken_off_line(out.case_ref, &out.taken_off, off, sizeof(off)))
			printf("%s\n", off);
	}
	cor_store_close(st);
	return ret;
}

/* ---- show ------------------------------------------------------------------- */

static const char *str(const json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

/* The names of a list of strings joined by sep ("" for none). */
static void joined(const json_t *list, const char *sep, char *buf, size_t len)
{
	size_t i, o = 0;
	json_t *v;
	buf[0] = '\0';
	json_array_foreach(list, i, v)
	{
		o += (size_t)snprintf(o < len ? buf + o : NULL, o < len ? len - o : 0, "%s%s",
				      i ? sep : "", json_string_value(v));
	}
}

static void print_departure(const json_t *dep)
{
	if (json_is_true(json_object_get(dep, "valid")))
		printf("  departure   %s: valid\n", str(dep, "at"));
	else
		printf("  departure   %s: not valid: %s\n", str(dep, "at"), str(dep, "reason"));
}

static void print_block(const json_t *h, const char *title, const json_t *dep)
{
	char conds[200], ssr[64];
	printf("%s\n", title);
	if (json_is_null(h)) {
		printf("  none recorded\n");
	} else {
		printf("  at          %s\n", str(h, "at"));
		printf("  by          %s\n", *str(h, "examiner") ? str(h, "examiner") : "-");
		printf("  outcome     %s\n", str(h, "outcome"));
		joined(json_object_get(h, "conditions"), ", ", conds, sizeof(conds));
		printf("  conditions  %s\n", conds[0] ? conds : "none");
		joined(json_object_get(h, "ssr_codes"), " ", ssr, sizeof(ssr));
		printf("  SSR codes   %s\n", ssr[0] ? ssr : "none");
		printf("  TB class    %s\n",
		       *str(h, "tb_class") ? str(h, "tb_class") : "not recorded");
	}
	if (dep && !json_is_null(dep))
		print_departure(dep);
}

static void print_show(const json_t *doc)
{
	const json_t *p = json_object_get(doc, "person"), *notes;
	char conds[200];
	size_t i;
	json_t *v;
	printf("person %s  %s%s%s  (case %s, %s %s -> %s)\n", str(p, "id"),
	       str(p, "family_name_latin"), *str(p, "family_name_latin") ? ", " : "",
	       str(p, "given_names_latin"), str(p, "case"), str(p, "programme"), str(p, "origin"),
	       str(p, "destination"));
	print_block(json_object_get(doc, "fitness_to_travel"),
		    cor_health_kind_title(COR_HEALTH_FITNESS), json_object_get(doc, "departure"));
	print_block(json_object_get(doc, "pre_migration"),
		    cor_health_kind_title(COR_HEALTH_PRE_MIGRATION), NULL);
	printf("history\n");
	json_array_foreach(json_object_get(doc, "history"), i, v)
	{
		joined(json_object_get(v, "conditions"), ", ", conds, sizeof(conds));
		printf("  %s  %-17s  %-19s  %s%s%s\n", str(v, "at"), str(v, "kind"),
		       str(v, "outcome"), *str(v, "examiner") ? str(v, "examiner") : "-",
		       conds[0] ? "; " : "", conds);
	}
	if (!json_array_size(json_object_get(doc, "history")))
		printf("  none\n");
	if (!(notes = json_object_get(doc, "clinical_notes")))
		return;
	printf("clinical notes (medical staff only)\n");
	json_array_foreach(notes, i, v)
	{
		printf("  %s  %-17s  %s: %s\n", str(v, "check_at"), str(v, "kind"),
		       str(v, "author"), str(v, "text"));
	}
	if (!json_array_size(notes))
		printf("  none\n");
}

static int cmd_show(struct args *a)
{
	struct cor_svc_health_show_in in = {.person = a->pos[0], .clinical = a->clinical};
	struct cor_svc_health_show_out out;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	long window = COR_HEALTH_WINDOW_HOURS;
	int ret;

	if (a->outcome || a->conditions || a->tb || a->at || a->by || a->note)
		return cor_cli_usage_error(cmd,
					   "show takes --clinical, --departure and --window-hours; "
					   "the other options are for 'check' and 'assess'");
	if (a->departure && cor_health_time_parse(a->departure, &in.departure) < 0)
		return cor_cli_usage_error(
			cmd, "--departure: '%s' is not a UTC time in the form YYYY-MM-DDTHH:MMZ",
			a->departure);
	if (a->window) {
		if (!a->departure)
			return cor_cli_usage_error(cmd, "--window-hours goes with --departure");
		if ((ret = cor_cli_parse_long(cmd, "--window-hours", a->window, 1,
					      COR_HEALTH_WINDOW_HOURS_MAX, &window)))
			return ret;
	}
	in.has_departure = a->departure != NULL;
	in.window_hours = (int)window;
	if ((ret = cor_cli_ctx_open(a->db, 0, a->json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_health_show(&cx, &in, &out) < 0) {
		ret = cor_cli_error(&cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(out.doc);
	} else {
		print_show(out.doc);
		json_decref(out.doc);
	}
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
	"                             [--at YYYY-MM-DDTHH:MMZ] [--by NAME] [--note TEXT] [--json]\n"
	"                             [--db PATH]\n"
	"       corridor health assess PERSON-ID (the options of check)\n"
	"       corridor health show PERSON-ID [--clinical] [--departure YYYY-MM-DDTHH:MMZ]\n"
	"                            [--window-hours N] [--json] [--db PATH]\n\n"
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
	"  --clinical show the clinical notes too (medical staff)\n"
	"  --json     print the result (show) or what was recorded (check, assess) as JSON\n"
	"  --departure  say whether the latest fitness check holds for this departure,\n"
	"             at most --window-hours before it (default 72)\n"
	"PERSON-ID is the case ID and the person's two-digit number: LY-TIP-2026-000123-01.",
	"record and show fitness to travel and health assessments",
	0,
};

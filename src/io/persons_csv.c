// SPDX-License-Identifier: Apache-2.0
// Reading and writing the persons CSV. libcsv does the RFC 4180 parsing; this
// file maps the header to columns, tracks physical line numbers (libcsv does
// not) by feeding it one line at a time, and validates each field with a
// per-column rule from a table.
#include "io/persons_csv.h"

#include <csv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "domain/country.h"
#include "domain/lifecycle.h"
#include "domain/needs.h"
#include "util/error.h"

#define MAX_FIELDS 64
#define MAX_FIELD  1024

struct reader;
typedef void (*col_fn)(struct reader *rd, struct cor_persons_row *r, const char *v);

struct column {
	const char *name;
	bool required;
	col_fn parse;
};

/* ---- per-column rules -------------------------------------------------- */

struct reader {
	const char *name;
	struct cor_date today;
	struct csv_parser parser;
	/* header: the column each field position maps to (-1: ignored) */
	int map[MAX_FIELDS];
	char *header[MAX_FIELDS];
	int nheader;
	bool have_header;
	/* the row being read */
	char *fields[MAX_FIELDS];
	size_t cap[MAX_FIELDS];
	int nfields;
	bool too_many;
	long line;      /* line being fed */
	long row_line;  /* line where the row being parsed began (libcsv knows no lines) */
	bool in_row;    /* the parser is inside a row that has not ended yet */
	bool row_ended; /* a row ended on the line being fed */
	long row_start; /* line where the current row began, 0 when none yet */
	int (*row_cb)(struct cor_persons_row *r, void *ctx);
	void *ctx;
	int stop; /* non-zero: a callback asked to stop, or the file is unusable */
	char *msg;
	size_t msglen;
	bool programme_ok;    /* so state is checked against it */
	bool relationship_ok; /* so the principal rules are checked */
	/* Which document fields were given (valid or not), so that a field
	 * refused on its own is not also reported as missing. */
	bool doc_present, doc_type_ok, doc_number_given, doc_issuer_given, doc_expiry_given;
	/* Which record fields were given, as above. */
	bool counsellor_given, language_given, decision_given, decision_ok;
	bool risk_given, cleared_given, pm_outcome_given, pm_outcome_ok, pm_at_given, pm_at_ok,
		pm_rest_given;
};

/* Messages quote what the file holds, and go to a terminal: control
 * characters (C0, DEL, and C1 as UTF-8) become '?', so that a file cannot
 * move the cursor or change the terminal's state. */
static void defang(char *msg)
{
	for (unsigned char *p = (unsigned char *)msg; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			*p = '?';
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			p[0] = p[1] = '?';
	}
}

void cor_persons_row_issue(struct cor_persons_row *r, const char *column, const char *fmt, ...)
{
	if (r->nissues++ >= COR_CSV_MAX_ISSUES)
		return;
	struct cor_csv_issue *i = &r->issues[r->nissues - 1];
	va_list ap;
	i->column = column;
	va_start(ap, fmt);
	vsnprintf(i->msg, sizeof(i->msg), fmt, ap);
	va_end(ap);
	defang(i->msg);
}

#define ISSUE(col, ...) cor_persons_row_issue(r, col, __VA_ARGS__)

/* Copy v into a fixed buffer, refusing what does not fit. */
static bool copy_field(struct cor_persons_row *r, const char *col, char *dst, size_t len,
		       const char *v)
{
	size_t n = strlen(v);
	if (n >= len) {
		ISSUE(col, "is %zu bytes long; at most %zu are allowed", n, len - 1);
		return false;
	}
	memcpy(dst, v, n + 1);
	return true;
}

static void col_case_id(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	char office[8];
	int year;
	long seq;
	if (cor_case_ref_parse(v, office, &year, &seq) < 0) {
		ISSUE("case_id", "'%.40s' is not a case ID like LY-TIP-2026-000123", v);
		return;
	}
	snprintf(r->c.ref, sizeof(r->c.ref), "%s", v);
}

static void col_programme(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!cor_programme_find(v)) {
		ISSUE("programme",
		      "'%.20s' is not a programme (HEV, VHR, AVR, REP, HASM, RST, REL, CPW)", v);
		return;
	}
	snprintf(r->c.programme, sizeof(r->c.programme), "%s", v);
	rd->programme_ok = true;
}

static void col_office(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!cor_office_code_is_valid(v)) {
		ISSUE("office", "'%.20s' is not an office code like LY-TIP", v);
		return;
	}
	snprintf(r->c.office, sizeof(r->c.office), "%s", v);
}

static void country(struct cor_persons_row *r, const char *col, char dst[4], const char *v)
{
	if (!cor_country_is_iso3(v)) {
		ISSUE(col, "'%.20s' is not an ISO 3166-1 alpha-3 country code", v);
		return;
	}
	memcpy(dst, v, 4);
}

static void col_origin(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	country(r, "origin", r->c.origin, v);
}

static void col_destination(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	country(r, "destination", r->c.destination, v);
}

static void col_state(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!*v)
		v = "registered";
	if (!cor_state_is_valid(v)) {
		ISSUE("case_state", "'%.20s' is not a case state", v);
		return;
	}
	snprintf(r->c.state, sizeof(r->c.state), "%s", v);
}

static void col_priority(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (cor_priority_parse(*v ? v : "normal", &r->c.priority) < 0)
		ISSUE("priority", "'%.20s' is not a priority (emergency, urgent, normal)", v);
}

static bool date_field(struct reader *rd, struct cor_persons_row *r, const char *col, const char *v,
		       struct cor_date *out)
{
	if (cor_date_parse(v, out) < 0) {
		ISSUE(col, "'%.20s' is not a real date in the form YYYY-MM-DD", v);
		return false;
	}
	return true;
}

static void col_registered_on(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!*v) {
		r->c.registered_on = rd->today;
		return;
	}
	if (date_field(rd, r, "registered_on", v, &r->c.registered_on) &&
	    cor_date_cmp(r->c.registered_on, rd->today) > 0)
		ISSUE("registered_on", "'%s' is in the future", v);
}

static void col_person_no(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < 1 || n > 99) {
		ISSUE("person_no", "'%.20s' is not a number from 1 to 99", v);
		return;
	}
	r->p.seq = (int)n;
}

static void col_relationship(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (cor_relationship_parse(v, &r->p.relationship) < 0) {
		ISSUE("relationship",
		      "'%.20s' is not a relationship (principal, spouse, child, stepchild, parent, "
		      "sibling, grandparent, grandchild, other_relative, unrelated)",
		      v);
		return;
	}
	rd->relationship_ok = true;
}

static void name_field(struct cor_persons_row *r, const char *col, char *dst, const char *v,
		       bool latin)
{
	if (!cor_text_is_clean(v)) {
		ISSUE(col, "is not valid UTF-8 text or holds control characters");
		return;
	}
	if (latin && !cor_text_is_latin(v)) {
		ISSUE(col, "'%.60s' is not written in Latin script", v);
		return;
	}
	copy_field(r, col, dst, COR_NAME_MAX + 1, v);
}

static void col_family_name_latin(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	name_field(r, "family_name_latin", r->p.family_name_latin, v, true);
}

static void col_given_names_latin(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!*v)
		ISSUE("given_names_latin", "is empty; every person needs a name in Latin script");
	else
		name_field(r, "given_names_latin", r->p.given_names_latin, v, true);
}

static void col_family_name(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	name_field(r, "family_name", r->p.family_name, v, false);
}

static void col_given_names(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	name_field(r, "given_names", r->p.given_names, v, false);
}

static void col_sex(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (strcmp(v, "F") && strcmp(v, "M") && strcmp(v, "X")) {
		ISSUE("sex", "'%.10s' is not F, M or X", v);
		return;
	}
	r->p.sex = v[0];
}

static void col_birth_date(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!date_field(rd, r, "birth_date", v, &r->p.birth_date))
		return;
	if (cor_date_cmp(r->p.birth_date, rd->today) > 0)
		ISSUE("birth_date", "'%s' is in the future", v);
	else if (r->p.birth_date.year < 1900)
		ISSUE("birth_date", "'%s' is before 1900", v);
}

static void col_birth_date_approx(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	static const char *const yes[] = {"1", "true", "yes", "y"};
	static const char *const no[] = {"", "0", "false", "no", "n"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!strcmp(v, yes[i])) {
			r->p.birth_date_approx = true;
			return;
		}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (!strcmp(v, no[i]))
			return;
	ISSUE("birth_date_approx", "'%.10s' is not 1 or 0", v);
}

static void col_nationality(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (!cor_nationality_is_valid(v)) {
		ISSUE("nationality",
		      "'%.20s' is not an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)",
		      v);
		return;
	}
	memcpy(r->p.nationality, v, 4);
}

static void col_languages(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	size_t at;
	if (!cor_language_list_is_valid(v, &at)) {
		ISSUE("languages",
		      "'%.40s' is not a ';'-separated list of ISO 639 codes (bad at '%.10s')", v,
		      v + at);
		return;
	}
	copy_field(r, "languages", r->p.languages, sizeof(r->p.languages), v);
}

static void col_needs(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	size_t at;
	if (!cor_need_list_is_valid(v, &at)) {
		ISSUE("specific_needs",
		      "'%.60s' is not a ';'-separated list of distinct specific-needs codes (bad "
		      "at "
		      "'%.10s')",
		      v, v + at);
		return;
	}
	copy_field(r, "specific_needs", r->p.needs, sizeof(r->p.needs), v);
}

static void col_doc_type(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->doc_present = *v != '\0';
	if (cor_doc_kind_parse(v, &r->d.kind) < 0) {
		ISSUE("doc_type",
		      "'%.20s' is not a document type (passport, id_card, etd, laissez_passer, "
		      "exit_permit, visa, refugee_td)",
		      v);
		return;
	}
	rd->doc_type_ok = true;
}

static void col_doc_number(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->doc_number_given = *v != '\0';
	for (const char *c = v; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'))) {
			ISSUE("doc_number", "'%.30s' may hold only A-Z and 0-9", v);
			return;
		}
	copy_field(r, "doc_number", r->d.number, sizeof(r->d.number), v);
}

static void col_doc_issuer(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->doc_issuer_given = *v != '\0';
	if (*v)
		country(r, "doc_issuer", r->d.issuer, v);
}

static void col_doc_expiry(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->doc_expiry_given = *v != '\0';
	if (*v)
		r->d.has_expiry = date_field(rd, r, "doc_expiry", v, &r->d.expires_on);
}

static void col_location(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	if (*v && !cor_location_code_is_valid(v)) {
		ISSUE("location", "'%.20s' is not a location code like LY-TIP-DC01", v);
		return;
	}
	snprintf(r->cr.location, sizeof(r->cr.location), "%s", v);
}

static void col_counsellor(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->counsellor_given = *v != '\0';
	if (*v)
		name_field(r, "counsellor", r->cr.counsellor, v, false);
}

static void col_counselling_language(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	size_t at;
	rd->language_given = *v != '\0';
	if (!*v)
		return;
	if (strchr(v, ';') || !cor_language_list_is_valid(v, &at)) {
		ISSUE("counselling_language", "'%.20s' is not an ISO 639-1 or 639-3 code", v);
		return;
	}
	copy_field(r, "counselling_language", r->cr.language, sizeof(r->cr.language), v);
}

static const char *const yes_words[] = {"1", "true", "yes", "y"};
static const char *const no_words[] = {"", "0", "false", "no", "n"};

/* A 0/1 column: false when empty. */
static void flag(struct cor_persons_row *r, const char *col, bool *out, const char *v)
{
	for (size_t i = 0; i < sizeof(yes_words) / sizeof(yes_words[0]); i++)
		if (!strcmp(v, yes_words[i])) {
			*out = true;
			return;
		}
	for (size_t i = 0; i < sizeof(no_words) / sizeof(no_words[0]); i++)
		if (!strcmp(v, no_words[i]))
			return;
	ISSUE(col, "'%.10s' is not 1 or 0", v);
}

static void col_interpreter(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	flag(r, "interpreter", &r->cr.interpreter, v);
}

static void col_decision(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->decision_given = *v != '\0';
	if (!*v)
		return;
	if (cor_counselling_decision_parse(v, &r->cr.decision) < 0) {
		ISSUE("decision", "'%.20s' is not an informed decision (yes, no, undecided)", v);
		return;
	}
	rd->decision_ok = true;
}

static void col_protection_risk(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->risk_given = *v != '\0';
	if (!*v)
		return;
	if (cor_protection_level_parse(v, &r->pr.risk) < 0) {
		ISSUE("protection_risk", "'%.20s' is not a risk level (none, low, medium, high)",
		      v);
		return;
	}
	r->pr.assessed = true;
}

static void col_protection_cleared(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->cleared_given = *v != '\0';
	flag(r, "protection_cleared", &r->pr.cleared, v);
}

static void col_pm_outcome(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->pm_outcome_given = *v != '\0';
	if (!*v)
		return;
	if (cor_health_outcome_parse(v, &r->pr.pm.outcome) < 0) {
		ISSUE("pre_migration_outcome",
		      "'%.30s' is not an outcome (fit, fit_with_conditions, unfit, deferred)", v);
		return;
	}
	rd->pm_outcome_ok = true;
}

static void col_pm_at(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->pm_at_given = *v != '\0';
	if (!*v)
		return;
	struct cor_date day;
	if (cor_health_time_parse(v, &r->pr.pm.at) < 0) {
		ISSUE("pre_migration_at", "'%.30s' is not a time in the form YYYY-MM-DDTHH:MMZ", v);
		return;
	}
	if (cor_date_parse(
		    (char[11]){v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], '\0'},
		    &day) == 0 &&
	    cor_date_cmp(day, rd->today) > 0) {
		ISSUE("pre_migration_at", "'%s' is in the future", v);
		return;
	}
	rd->pm_at_ok = true;
}

static void col_pm_by(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->pm_rest_given = rd->pm_rest_given || *v;
	if (*v)
		name_field(r, "pre_migration_by", r->pr.pm.examiner, v, false);
}

static void col_pm_conditions(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->pm_rest_given = rd->pm_rest_given || *v;
	char buf[256];
	if (strlen(v) >= sizeof(buf)) {
		ISSUE("pre_migration_conditions", "is too long");
		return;
	}
	snprintf(buf, sizeof(buf), "%s", v);
	for (char *save = NULL, *c = strtok_r(buf, ";", &save); c; c = strtok_r(NULL, ";", &save)) {
		enum cor_health_condition k;
		if (cor_health_condition_parse(c, &k) < 0) {
			ISSUE("pre_migration_conditions",
			      "'%.20s' is not a travel condition (medical_escort, "
			      "non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, "
			      "extra_seat, "
			      "front_row)",
			      c);
			return;
		}
		r->pr.pm.conditions |= COR_HEALTH_COND_BIT(k);
	}
}

static void col_pm_tb(struct reader *rd, struct cor_persons_row *r, const char *v)
{
	rd->pm_rest_given = rd->pm_rest_given || *v;
	if (*v && cor_health_tb_parse(v, &r->pr.pm.tb) < 0)
		ISSUE("pre_migration_tb",
		      "'%.20s' is not a TB class (none, A, B1_pulmonary, B1_extrapulmonary, B2, "
		      "B3)",
		      v);
}

/* Written in this order; read in any order. */
static const struct column columns[] = {
	{"case_id", true, col_case_id},
	{"programme", true, col_programme},
	{"office", true, col_office},
	{"origin", true, col_origin},
	{"destination", true, col_destination},
	{"case_state", false, col_state},
	{"priority", false, col_priority},
	{"registered_on", false, col_registered_on},
	{"person_no", true, col_person_no},
	{"relationship", true, col_relationship},
	{"family_name_latin", false, col_family_name_latin},
	{"given_names_latin", true, col_given_names_latin},
	{"family_name", false, col_family_name},
	{"given_names", false, col_given_names},
	{"sex", true, col_sex},
	{"birth_date", true, col_birth_date},
	{"birth_date_approx", false, col_birth_date_approx},
	{"nationality", true, col_nationality},
	{"languages", false, col_languages},
	{"specific_needs", false, col_needs},
	{"doc_type", false, col_doc_type},
	{"doc_number", false, col_doc_number},
	{"doc_issuer", false, col_doc_issuer},
	{"doc_expiry", false, col_doc_expiry},
	{"location", false, col_location},
	{"counsellor", false, col_counsellor},
	{"counselling_language", false, col_counselling_language},
	{"interpreter", false, col_interpreter},
	{"decision", false, col_decision},
	{"protection_risk", false, col_protection_risk},
	{"protection_cleared", false, col_protection_cleared},
	{"pre_migration_outcome", false, col_pm_outcome},
	{"pre_migration_at", false, col_pm_at},
	{"pre_migration_by", false, col_pm_by},
	{"pre_migration_conditions", false, col_pm_conditions},
	{"pre_migration_tb", false, col_pm_tb},
};
#define NCOLS ((int)(sizeof(columns) / sizeof(columns[0])))

const char *const cor_persons_csv_columns[] = {
	"case_id",
	"programme",
	"office",
	"origin",
	"destination",
	"case_state",
	"priority",
	"registered_on",
	"person_no",
	"relationship",
	"family_name_latin",
	"given_names_latin",
	"family_name",
	"given_names",
	"sex",
	"birth_date",
	"birth_date_approx",
	"nationality",
	"languages",
	"specific_needs",
	"doc_type",
	"doc_number",
	"doc_issuer",
	"doc_expiry",
	"location",
	"counsellor",
	"counselling_language",
	"interpreter",
	"decision",
	"protection_risk",
	"protection_cleared",
	"pre_migration_outcome",
	"pre_migration_at",
	"pre_migration_by",
	"pre_migration_conditions",
	"pre_migration_tb",
	NULL,
};

/* The rejected-rows file adds this column; reading ignores it. */
static const char errors_column[] = "import_errors";

/* The case's counselling session, when given, is complete and well-formed. */
static void check_session(struct reader *rd, struct cor_persons_row *r)
{
	static const struct {
		const char *field, *column;
	} columns_of[] = {
		{"counsellor", "counsellor"},
		{"language", "counselling_language"},
		{"decision", "decision"},
	};
	bool any = rd->counsellor_given || rd->language_given || rd->decision_given;
	if (!any)
		return;
	if (!rd->counsellor_given)
		ISSUE("counsellor", "is empty but the row has a counselling session");
	if (!rd->language_given)
		ISSUE("counselling_language", "is empty but the row has a counselling session");
	if (!rd->decision_given)
		ISSUE("decision", "is empty but the row has a counselling session");
	if (!rd->counsellor_given || !rd->language_given || !rd->decision_ok)
		return;
	struct cor_counselling s = {.counsellor = r->cr.counsellor,
				    .language = r->cr.language,
				    .interpreter = r->cr.interpreter,
				    .decision = r->cr.decision};
	struct cor_refusal why;
	if (cor_counselling_check(&s, &why) < 0) {
		const char *col = "counsellor";
		for (size_t i = 0; i < sizeof(columns_of) / sizeof(columns_of[0]); i++)
			if (why.field && !strcmp(why.field, columns_of[i].field))
				col = columns_of[i].column;
		ISSUE(col, "%s", why.msg);
		return;
	}
	r->cr.counselled = true;
}

/* A clearance is of a high risk: a protection officer lifts what blocks a
 * return (domain/protection.h); the other levels block nothing. */
static void check_clearance(struct cor_persons_row *r)
{
	if (!r->pr.cleared || (r->pr.assessed && r->pr.risk == COR_PROT_HIGH))
		return;
	r->pr.cleared = false;
	if (!r->pr.assessed)
		ISSUE("protection_cleared", "is 1 but protection_risk is empty: a clearance is of "
					    "an assessment");
	else if (r->pr.risk != COR_PROT_HIGH)
		ISSUE("protection_cleared",
		      "is 1 but the risk is '%s': only a high risk is cleared",
		      cor_protection_level_name(r->pr.risk));
}

/* The person's pre-migration health assessment, when given, keeps the
 * health rules (domain/health.h). */
static void check_pre_migration(struct reader *rd, struct cor_persons_row *r)
{
	static const struct {
		const char *field, *column;
	} columns_of[] = {
		{"outcome", "pre_migration_outcome"},
		{"condition", "pre_migration_conditions"},
		{"tb", "pre_migration_tb"},
		{"examiner", "pre_migration_by"},
	};
	if (!rd->pm_outcome_given && !rd->pm_at_given && !rd->pm_rest_given)
		return;
	if (!rd->pm_outcome_given)
		ISSUE("pre_migration_outcome", "is empty but the row has a pre-migration health "
					       "assessment");
	if (!rd->pm_at_given)
		ISSUE("pre_migration_at", "is empty but the row has a pre-migration health "
					  "assessment");
	if (!rd->pm_outcome_ok || !rd->pm_at_ok)
		return;
	r->pr.pm.kind = COR_HEALTH_PRE_MIGRATION;
	struct cor_health_issue is[COR_HEALTH_ISSUES_MAX];
	int n = cor_health_check_issues(&r->pr.pm, r->c.destination, is);
	for (int i = 0; i < n; i++) {
		const char *col = "pre_migration_outcome";
		for (size_t k = 0; k < sizeof(columns_of) / sizeof(columns_of[0]); k++)
			if (!strcmp(is[i].field, columns_of[k].field))
				col = columns_of[k].column;
		ISSUE(col, "%s", is[i].message);
	}
	if (n == 0)
		r->pr.pre_migration = true;
}

/* A case comes in at 'registered', or at a later state of its usual path
 * with the records that state implies (cor_lifecycle_implied). */
static void check_records(struct reader *rd, struct cor_persons_row *r)
{
	check_session(rd, r);
	check_clearance(r);
	check_pre_migration(rd, r);
	const struct cor_programme *p =
		rd->programme_ok ? cor_programme_find(r->c.programme) : NULL;
	if (!p || !r->c.state[0] || !cor_programme_has_state(p, r->c.state))
		return;
	unsigned g;
	bool movement;
	const char *st = r->c.state;
	if (cor_lifecycle_implied(p, st, &g, &movement) < 0) {
		ISSUE("case_state",
		      "'%s' is a branch of the lifecycle, and the file cannot carry why the case "
		      "went there: import it at the state it was in before and move it with "
		      "corridor move",
		      st);
		return;
	}
	if (!strcmp(st, "closed")) {
		/* Closed after travel or withdrawn on the way: either way the
		 * file cannot say how the case ended. */
		ISSUE("case_state",
		      "'closed' is the end of a case, and the file cannot carry how it ended: "
		      "import it at the state it was in before and close it with corridor move");
		return;
	}
	if (movement) {
		ISSUE("case_state",
		      "'%s' comes after a booking on a movement, which the file cannot carry: "
		      "import the case at travel_ready and book it with corridor movement book",
		      st);
		return;
	}
	if ((g & COR_GUARD_COUNSELLING) && !rd->counsellor_given && !rd->language_given &&
	    !rd->decision_given)
		ISSUE("counsellor",
		      "is empty but a case at '%s' has been counselled: give counsellor, "
		      "counselling_language and decision",
		      st);
	if ((g & COR_GUARD_DECISION) && r->cr.counselled && r->cr.decision != COR_COUNSEL_YES)
		ISSUE("decision",
		      "is '%s'; a return at '%s' has an informed decision 'yes' to return",
		      cor_counselling_decision_name(r->cr.decision), st);
	if ((g & COR_GUARD_ASSESSED) && !rd->risk_given)
		ISSUE("protection_risk",
		      "is empty but every person of a case at '%s' has a protection risk "
		      "assessment: give none, low, medium or high",
		      st);
	if ((g & COR_GUARD_NOT_AT_RISK) && r->pr.assessed && r->pr.risk == COR_PROT_HIGH &&
	    !r->pr.cleared)
		ISSUE("protection_risk",
		      "is high and not cleared, and a return at '%s' has nobody at high risk not "
		      "cleared: give protection_cleared 1 if a protection officer cleared it, or "
		      "import the case at assessed and clear the risk before it moves on",
		      st);
	if ((g & COR_GUARD_PRE_MIGRATION) && !rd->pm_outcome_given && !rd->pm_at_given &&
	    !rd->pm_rest_given)
		ISSUE("pre_migration_outcome",
		      "is empty but every person of a case at '%s' has a pre-migration health "
		      "assessment: give pre_migration_outcome and pre_migration_at",
		      st);
}

/* Rules that tie several fields of a row together. */
static void check_row(struct reader *rd, struct cor_persons_row *r)
{
	if (r->c.ref[0] && r->c.office[0] && strncmp(r->c.ref, r->c.office, 6))
		ISSUE("case_id", "'%s' does not belong to office '%s'", r->c.ref, r->c.office);
	if (rd->programme_ok && r->c.state[0] &&
	    !cor_programme_has_state(cor_programme_find(r->c.programme), r->c.state))
		ISSUE("case_state", "'%s' is not a step of programme %s", r->c.state,
		      r->c.programme);
	if (r->c.origin[0] && !strcmp(r->c.origin, r->c.destination))
		ISSUE("destination", "'%s' is the origin: a case moves out of the country it is in",
		      r->c.destination);
	if (rd->relationship_ok && r->p.seq == 1 && r->p.relationship != COR_REL_PRINCIPAL)
		ISSUE("relationship", "person 1 must be the principal applicant, not '%s'",
		      cor_relationship_name(r->p.relationship));
	if (rd->relationship_ok && r->p.seq > 1 && r->p.relationship == COR_REL_PRINCIPAL)
		ISSUE("relationship", "only person 1 is the principal applicant; person %d is '%s'",
		      r->p.seq, "principal");
	if (!r->p.family_name[0] && !r->p.given_names[0]) {
		/* Names as written default to the Latin ones. */
		memcpy(r->p.family_name, r->p.family_name_latin, sizeof(r->p.family_name));
		memcpy(r->p.given_names, r->p.given_names_latin, sizeof(r->p.given_names));
	}
	/* A field refused on its own is not reported again as missing. */
	if (rd->doc_present) {
		if (rd->doc_type_ok && !rd->doc_number_given)
			ISSUE("doc_number", "is empty but doc_type is '%s'",
			      cor_doc_kind_name(r->d.kind));
		if (rd->doc_type_ok && !rd->doc_issuer_given)
			ISSUE("doc_issuer", "is empty but doc_type is '%s'",
			      cor_doc_kind_name(r->d.kind));
	} else if (rd->doc_number_given || rd->doc_issuer_given || rd->doc_expiry_given) {
		ISSUE("doc_type", "is empty but the row has document details");
	}
	if (r->d.has_expiry && r->p.birth_date.year &&
	    cor_date_cmp(r->d.expires_on, r->p.birth_date) <= 0)
		ISSUE("doc_expiry", "is not after the birth date");
	check_records(rd, r);
}

/* ---- parsing ----------------------------------------------------------- */

static void stop_with(struct reader *rd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void stop_with(struct reader *rd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rd->msg, rd->msglen, fmt, ap);
	va_end(ap);
	defang(rd->msg);
	rd->stop = COR_EINVAL;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *rd = data;
	if (rd->stop)
		return;
	if (rd->row_start == 0)
		rd->row_start = rd->row_line;
	if (rd->nfields >= MAX_FIELDS) {
		rd->too_many = true;
		return;
	}
	int i = rd->nfields++;
	if (len + 1 > rd->cap[i]) {
		size_t cap = len + 1 < 64 ? 64 : len + 1;
		char *p = realloc(rd->fields[i], cap);
		if (!p) {
			stop_with(rd, "%s: out of memory", rd->name);
			return;
		}
		rd->fields[i] = p;
		rd->cap[i] = cap;
	}
	if (len)
		memcpy(rd->fields[i], s, len);
	rd->fields[i][len] = '\0';
	if (memchr(rd->fields[i], '\0', len))
		rd->fields[i][0] = '\x01'; /* a NUL byte inside: make it fail validation */
}

static void take_header(struct reader *rd)
{
	bool seen[NCOLS] = {false};
	rd->have_header = true;
	rd->nheader = rd->nfields;
	for (int f = 0; f < rd->nfields; f++) {
		const char *h = rd->fields[f];
		rd->header[f] = strdup(h);
		if (!rd->header[f]) {
			stop_with(rd, "%s: out of memory", rd->name);
			return;
		}
		rd->map[f] = -1;
		if (!strcmp(h, errors_column))
			continue;
		int c = 0;
		while (c < NCOLS && strcmp(columns[c].name, h))
			c++;
		if (c == NCOLS) {
			stop_with(rd,
				  "%s: line 1, column %d: unknown column '%.40s' (see "
				  "docs/import-csv.md)",
				  rd->name, f + 1, h);
			return;
		}
		if (seen[c]) {
			stop_with(rd, "%s: line 1, column %d: column '%s' appears twice", rd->name,
				  f + 1, h);
			return;
		}
		seen[c] = true;
		rd->map[f] = c;
	}
	for (int c = 0; c < NCOLS; c++)
		if (columns[c].required && !seen[c]) {
			stop_with(rd, "%s: line 1: missing column '%s' (see docs/import-csv.md)",
				  rd->name, columns[c].name);
			return;
		}
}

static void on_row(int term, void *data)
{
	struct reader *rd = data;
	if (rd->stop)
		goto reset;
	if (rd->too_many) {
		stop_with(rd, "%s: line %ld: more than %d fields", rd->name, rd->row_start,
			  MAX_FIELDS);
		goto reset;
	}
	if (!rd->have_header) {
		if (rd->nfields > MAX_FIELDS) {
			stop_with(rd, "%s: line 1: too many columns", rd->name);
			goto reset;
		}
		take_header(rd);
		goto reset;
	}
	/* A row cut short at the end of the file is a truncated file. */
	if (rd->nfields != rd->nheader) {
		if (term == -1)
			stop_with(rd,
				  "%s: line %ld: the file ends inside a row (%d of %d fields): "
				  "truncated?",
				  rd->name, rd->row_start, rd->nfields, rd->nheader);
		else
			stop_with(rd, "%s: line %ld: %d fields where the header has %d", rd->name,
				  rd->row_start, rd->nfields, rd->nheader);
		goto reset;
	}
	struct cor_persons_row r;
	memset(&r.c, 0, sizeof(r.c));
	memset(&r.p, 0, sizeof(r.p));
	memset(&r.d, 0, sizeof(r.d));
	r.line = rd->row_start;
	r.nissues = 0;
	r.nfields = rd->nfields;
	r.fields = (const char *const *)rd->fields;
	r.header = (const char *const *)rd->header;
	r.nheader = rd->nheader;
	r.c.priority = COR_PRIO_NORMAL;
	snprintf(r.c.state, sizeof(r.c.state), "registered");
	r.c.registered_on = rd->today;
	rd->programme_ok = false;
	rd->relationship_ok = false;
	rd->doc_present = rd->doc_type_ok = false;
	rd->doc_number_given = rd->doc_issuer_given = rd->doc_expiry_given = false;
	memset(&r.cr, 0, sizeof(r.cr));
	memset(&r.pr, 0, sizeof(r.pr));
	rd->counsellor_given = rd->language_given = rd->decision_given = rd->decision_ok = false;
	rd->risk_given = rd->cleared_given = rd->pm_outcome_given = rd->pm_outcome_ok = false;
	rd->pm_at_given = rd->pm_at_ok = rd->pm_rest_given = false;
	for (int f = 0; f < rd->nfields; f++)
		if (rd->map[f] >= 0)
			columns[rd->map[f]].parse(rd, &r, rd->fields[f]);
	check_row(rd, &r);
	rd->stop = rd->row_cb(&r, rd->ctx);
reset:
	rd->nfields = 0;
	rd->too_many = false;
	rd->row_start = 0;
	rd->row_ended = true;
}

/* Is the line only what libcsv skips between rows (spaces, tabs, line ends)? */
static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* Parse one physical line. */
static void feed_line(struct reader *rd, const char *p, size_t n)
{
	rd->line++;
	/* A byte-order mark, as spreadsheets write, is not part of the first
	 * column's name (which may be quoted). */
	if (rd->line == 1 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		p += 3;
		n -= 3;
	}
	/* A row begins on the line the parser enters it, which for a quoted
	 * first field is not where the field ends. */
	if (!rd->in_row)
		rd->row_line = rd->line;
	rd->row_ended = false;
	if (csv_parse(&rd->parser, p, n, on_field, on_row, rd) != n && !rd->stop)
		stop_with(rd, "%s: line %ld: %s", rd->name, rd->line,
			  csv_error(&rd->parser) == CSV_EPARSE
				  ? "malformed quoting (a '\"' inside an unquoted field, "
				    "or text after a closing quote)"
				  : csv_strerror(csv_error(&rd->parser)));
	rd->in_row = rd->row_ended ? false : rd->in_row || !blank(p, n);
}

int cor_persons_csv_read(FILE *f, const char *name, struct cor_date today,
			 int (*row)(struct cor_persons_row *r, void *ctx), void *ctx, char *msg,
			 size_t msglen)
{
	struct reader rd = {.name = name,
			    .today = today,
			    .row_cb = row,
			    .ctx = ctx,
			    .msg = msg,
			    .msglen = msglen};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int ret = 0;

	msg[0] = '\0';
	if (csv_init(&rd.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		snprintf(msg, msglen, "%s: out of memory", name);
		return COR_ENOMEM;
	}
	while (!rd.stop && (n = getline(&line, &cap, f)) > 0) {
		/* A lone CR ends a line too (old Mac files): libcsv ends a row
		 * there, and the rows after it are on lines of their own. */
		size_t at = 0;
		while (at < (size_t)n && !rd.stop) {
			size_t end = at;
			while (end < (size_t)n && line[end] != '\n' &&
			       !(line[end] == '\r' &&
				 (end + 1 == (size_t)n || line[end + 1] != '\n')))
				end++;
			if (end < (size_t)n)
				end++;
			feed_line(&rd, line + at, end - at);
			at = end;
		}
	}
	if (!rd.stop && ferror(f))
		stop_with(&rd, "%s: read error", name);
	if (!rd.stop && csv_fini(&rd.parser, on_field, on_row, &rd) != 0 && !rd.stop)
		stop_with(&rd, "%s: line %ld: the file ends inside a quoted field: truncated?",
			  name, rd.row_line);
	if (!rd.stop && !rd.have_header)
		stop_with(&rd,
			  "%s: the file is empty: expected a header line (see docs/import-csv.md)",
			  name);
	ret = rd.stop;
	csv_free(&rd.parser);
	free(line);
	for (int i = 0; i < MAX_FIELDS; i++) {
		free(rd.fields[i]);
		free(rd.header[i]);
	}
	return ret;
}

/* ---- writing ----------------------------------------------------------- */

void cor_csv_write_field(FILE *f, const char *v, char sep)
{
	if (sep)
		putc(sep, f);
	/* libcsv drops spaces around an unquoted field: quote them to keep them. */
	size_t n = strlen(v);
	if (!strpbrk(v, ",\"\r\n") && (n == 0 || (v[0] != ' ' && v[n - 1] != ' '))) {
		fputs(v, f);
		return;
	}
	putc('"', f);
	for (; *v; v++) {
		if (*v == '"')
			putc('"', f);
		putc(*v, f);
	}
	putc('"', f);
}

void cor_persons_csv_write_header(FILE *f)
{
	for (int i = 0; cor_persons_csv_columns[i]; i++)
		cor_csv_write_field(f, cor_persons_csv_columns[i], i ? ',' : 0);
	fputs("\r\n", f);
}

void cor_persons_csv_write_row(FILE *f, const struct cor_case *c,
			       const struct cor_persons_case_records *cr,
			       const struct cor_person *p,
			       const struct cor_persons_person_records *pr,
			       const struct cor_document *d)
{
	static const struct cor_persons_case_records no_cr;
	static const struct cor_persons_person_records no_pr;
	char reg[COR_DATE_LEN], birth[COR_DATE_LEN], exp[COR_DATE_LEN], no[4];
	char pm_at[COR_HEALTH_TIME_LEN] = "", conds[256] = "";
	if (!cr)
		cr = &no_cr;
	if (!pr)
		pr = &no_pr;
	bool same_names = !strcmp(p->family_name, p->family_name_latin) &&
			  !strcmp(p->given_names, p->given_names_latin);
	snprintf(no, sizeof(no), "%d", p->seq);
	if (pr->pre_migration) {
		cor_health_time_format(pr->pm.at, pm_at);
		cor_health_conditions_format(pr->pm.conditions, conds, sizeof(conds));
		/* ", " between names: ';' in the file, as the reader takes them */
		char *o = conds;
		for (const char *i = conds; *i; i++)
			if (*i != ' ')
				*o++ = *i == ',' ? ';' : *i;
		*o = '\0';
	}
	const char *v[] = {
		c->ref,
		c->programme,
		c->office,
		c->origin,
		c->destination,
		c->state,
		cor_priority_name(c->priority),
		cor_date_format(c->registered_on, reg),
		no,
		cor_relationship_name(p->relationship),
		p->family_name_latin,
		p->given_names_latin,
		same_names ? "" : p->family_name,
		same_names ? "" : p->given_names,
		(char[]){p->sex, '\0'},
		cor_date_format(p->birth_date, birth),
		p->birth_date_approx ? "1" : "0",
		p->nationality,
		p->languages,
		p->needs,
		cor_doc_kind_name(d->kind),
		d->number,
		d->issuer,
		d->has_expiry ? cor_date_format(d->expires_on, exp) : "",
		cr->location,
		cr->counselled ? cr->counsellor : "",
		cr->counselled ? cr->language : "",
		cr->counselled ? (cr->interpreter ? "1" : "0") : "",
		cr->counselled ? cor_counselling_decision_name(cr->decision) : "",
		pr->assessed ? cor_protection_level_name(pr->risk) : "",
		pr->assessed ? (pr->cleared ? "1" : "0") : "",
		pr->pre_migration ? cor_health_outcome_name(pr->pm.outcome) : "",
		pm_at,
		pr->pre_migration ? pr->pm.examiner : "",
		conds,
		pr->pre_migration ? cor_health_tb_name(pr->pm.tb) : "",
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		cor_csv_write_field(f, v[i], i ? ',' : 0);
	fputs("\r\n", f);
}

// SPDX-License-Identifier: Apache-2.0
// Health rules: outcome names, travel conditions and their SSR codes, TB
// classes, the rules a check keeps, the fitness window, and UTC times at
// minute precision. The vocabularies are tables indexed by their enum; the
// rules read them and never branch on a programme.
#include "domain/health.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kind_names[COR_HEALTH_KIND__N] = {"fitness_to_travel", "pre_migration"};
static const char *const kind_titles[COR_HEALTH_KIND__N] = {"fitness to travel",
							    "pre-migration health assessment"};

static const char *const outcome_names[COR_HEALTH_OUTCOME__N] = {
	"", "fit", "fit_with_conditions", "unfit", "deferred",
};

/* Each condition: its name and the SSR codes it needs. */
static const struct {
	const char *name;
	const char *ssr[2];
} conditions[COR_HEALTH_CONDITION__N] = {
	[COR_HEALTH_MEDICAL_ESCORT] = {"medical_escort", {"MEDA"}},
	[COR_HEALTH_NON_MEDICAL_ESCORT] = {"non_medical_escort", {NULL}},
	[COR_HEALTH_OXYGEN] = {"oxygen", {"OXYG", "MEDA"}},
	[COR_HEALTH_WCHR] = {"wchr", {"WCHR"}},
	[COR_HEALTH_WCHS] = {"wchs", {"WCHS"}},
	[COR_HEALTH_WCHC] = {"wchc", {"WCHC"}},
	[COR_HEALTH_STRETCHER] = {"stretcher", {"STCR", "MEDA"}},
	[COR_HEALTH_EXTRA_SEAT] = {"extra_seat", {"EXST"}},
	[COR_HEALTH_FRONT_ROW] = {"front_row", {NULL}},
};

/* The order SSR codes are listed in. */
static const char *const ssr_order[] = {"MEDA", "OXYG", "STCR", "WCHR", "WCHS", "WCHC", "EXST"};

static const char *const tb_names[COR_HEALTH_TB__N] = {
	"", "none", "A", "B1_pulmonary", "B1_extrapulmonary", "B2", "B3",
};

#define WHEELCHAIRS                                                                                \
	(COR_HEALTH_COND_BIT(COR_HEALTH_WCHR) | COR_HEALTH_COND_BIT(COR_HEALTH_WCHS) |             \
	 COR_HEALTH_COND_BIT(COR_HEALTH_WCHC))
#define ALL_CONDITIONS ((1u << COR_HEALTH_CONDITION__N) - 1u)

/* ---- names ------------------------------------------------------------ */

const char *cor_health_kind_name(enum cor_health_kind k)
{
	return (unsigned)k < COR_HEALTH_KIND__N ? kind_names[k] : "?";
}

const char *cor_health_kind_title(enum cor_health_kind k)
{
	return (unsigned)k < COR_HEALTH_KIND__N ? kind_titles[k] : "?";
}

const char *cor_health_outcome_name(enum cor_health_outcome o)
{
	return (unsigned)o < COR_HEALTH_OUTCOME__N ? outcome_names[o] : "?";
}

int cor_health_outcome_parse(const char *s, enum cor_health_outcome *out)
{
	for (size_t i = 1; i < ROWS(outcome_names); i++)
		if (!strcmp(s, outcome_names[i])) {
			*out = (enum cor_health_outcome)i;
			return 0;
		}
	return COR_EINVAL;
}

const char *cor_health_condition_name(enum cor_health_condition c)
{
	return (unsigned)c < COR_HEALTH_CONDITION__N ? conditions[c].name : "?";
}

int cor_health_condition_parse(const char *s, enum cor_health_condition *out)
{
	for (size_t i = 0; i < ROWS(conditions); i++) {
		bool wheelchair = COR_HEALTH_COND_BIT(i) & WHEELCHAIRS;
		if (!strcmp(s, conditions[i].name) ||
		    (wheelchair && !strcasecmp(s, conditions[i].name))) {
			*out = (enum cor_health_condition)i;
			return 0;
		}
	}
	return COR_EINVAL;
}

char *cor_health_conditions_format(unsigned set, char *buf, size_t len)
{
	size_t o = 0;
	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < ROWS(conditions); i++) {
		if (!(set & COR_HEALTH_COND_BIT(i)))
			continue;
		o += (size_t)snprintf(o < len ? buf + o : NULL, o < len ? len - o : 0, "%s%s",
				      o ? ", " : "", conditions[i].name);
	}
	return buf;
}

const char *cor_health_tb_name(enum cor_health_tb t)
{
	return (unsigned)t < COR_HEALTH_TB__N ? tb_names[t] : "?";
}

int cor_health_tb_parse(const char *s, enum cor_health_tb *out)
{
	for (size_t i = 1; i < ROWS(tb_names); i++)
		if (!strcasecmp(s, tb_names[i])) {
			*out = (enum cor_health_tb)i;
			return 0;
		}
	return COR_EINVAL;
}

/* ---- SSR codes ---------------------------------------------------------- */

int cor_health_ssr_codes(unsigned set, const char *out[COR_HEALTH_SSR_MAX])
{
	int n = 0;
	for (size_t k = 0; k < ROWS(ssr_order); k++) {
		bool needed = false;
		for (size_t i = 0; i < ROWS(conditions) && !needed; i++)
			if (set & COR_HEALTH_COND_BIT(i))
				for (size_t j = 0; j < ROWS(conditions[i].ssr); j++)
					if (conditions[i].ssr[j] &&
					    !strcmp(conditions[i].ssr[j], ssr_order[k]))
						needed = true;
		if (needed && n < COR_HEALTH_SSR_MAX)
			out[n++] = ssr_order[k];
	}
	return n;
}

char *cor_health_ssr_format(unsigned set, char *buf, size_t len)
{
	const char *codes[COR_HEALTH_SSR_MAX];
	int n = cor_health_ssr_codes(set, codes);
	size_t o = 0;
	if (len)
		buf[0] = '\0';
	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(o < len ? buf + o : NULL, o < len ? len - o : 0, "%s%s",
				      i ? " " : "", codes[i]);
	return buf;
}

/* ---- rules ------------------------------------------------------------ */

static int issue(struct cor_health_issue *is, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int issue(struct cor_health_issue *is, const char *field, const char *fmt, ...)
{
	va_list ap;
	is->field = field;
	va_start(ap, fmt);
	vsnprintf(is->message, sizeof(is->message), fmt, ap);
	va_end(ap);
	return COR_EINVAL;
}

/* The first condition of set, in enum order. */
static const char *first_of(unsigned set)
{
	for (size_t i = 0; i < ROWS(conditions); i++)
		if (set & COR_HEALTH_COND_BIT(i))
			return conditions[i].name;
	return "";
}

/* The conditions' rules: 0, or COR_EINVAL with the first broken one. */
static int condition_rules(const struct cor_health_check *h, struct cor_health_issue *is)
{
	char given[160];
	unsigned set = h->conditions;

	if (set & ~ALL_CONDITIONS)
		return issue(is, "condition", "holds a condition this version does not know");
	cor_health_conditions_format(set, given, sizeof(given));
	switch (h->outcome) {
	case COR_HEALTH_FIT:
		if (set)
			return issue(is, "condition",
				     "outcome 'fit' takes no condition (given: %s); record "
				     "fit_with_conditions instead",
				     given);
		break;
	case COR_HEALTH_FIT_WITH_CONDITIONS:
		if (!set)
			return issue(
				is, "condition",
				"outcome 'fit_with_conditions' needs at least one condition "
				"(medical_escort, non_medical_escort, oxygen, wchr, wchs, wchc, "
				"stretcher, extra_seat, front_row)");
		break;
	default:
		if (set)
			return issue(is, "condition",
				     "outcome '%s' takes no condition: conditions are the terms of "
				     "travel (given: %s)",
				     outcome_names[h->outcome], given);
	}
	unsigned wheel = set & WHEELCHAIRS;
	if (wheel & (wheel - 1)) {
		unsigned rest = wheel & (wheel - 1); /* all but the lowest bit */
		return issue(is, "condition", "%s and %s are both wheelchair classes: give one",
			     first_of(wheel), first_of(rest));
	}
	if ((set & COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER)) && wheel)
		return issue(
			is, "condition",
			"a stretcher passenger takes no wheelchair class (given: stretcher and "
			"%s)",
			first_of(wheel));
	if ((set & COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER)) &&
	    !(set & COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT)))
		return issue(is, "condition",
			     "a stretcher passenger travels with a medical escort: add "
			     "medical_escort");
	return 0;
}

int cor_health_check_issues(const struct cor_health_check *h, const char *destination,
			    struct cor_health_issue issues[COR_HEALTH_ISSUES_MAX])
{
	int n = 0;
	if ((unsigned)h->kind >= COR_HEALTH_KIND__N)
		issue(&issues[n++], "kind", "is not fitness_to_travel or pre_migration");
	if (h->outcome == COR_HEALTH_OUTCOME_NONE || (unsigned)h->outcome >= COR_HEALTH_OUTCOME__N)
		issue(&issues[n++], "outcome",
		      "give one of fit, fit_with_conditions, unfit, deferred");
	else if (condition_rules(h, &issues[n]) < 0)
		n++;
	if ((unsigned)h->tb >= COR_HEALTH_TB__N)
		issue(&issues[n++], "tb", "is not a TB class");
	else if (h->tb == COR_HEALTH_TB_NOT_SCREENED && destination && !strcmp(destination, "USA"))
		issue(&issues[n++], "tb",
		      "a case bound for the USA needs a TB class: none, A, B1_pulmonary, "
		      "B1_extrapulmonary, B2 or B3");
	if (!cor_text_is_clean(h->examiner))
		issue(&issues[n++], "examiner", "holds a control character or is not UTF-8");
	return n;
}

int cor_health_check_validate(const struct cor_health_check *h, const char *destination,
			      struct cor_health_issue *is)
{
	struct cor_health_issue all[COR_HEALTH_ISSUES_MAX];
	if (cor_health_check_issues(h, destination, all) == 0)
		return 0;
	*is = all[0];
	return COR_EINVAL;
}

int cor_health_note_validate(const char *text, struct cor_health_issue *is)
{
	size_t n = strlen(text);
	if (n == 0)
		return issue(is, "note", "is empty");
	if (n > COR_HEALTH_NOTE_MAX)
		return issue(is, "note", "is %zu bytes long; at most %d are kept", n,
			     COR_HEALTH_NOTE_MAX);
	if (!cor_text_is_clean(text))
		return issue(is, "note",
			     "holds a control character (a line break?) or is not UTF-8");
	return 0;
}

/* "72 h", "72 h 01 min", "0 h 05 min". */
static void span(char *buf, size_t len, int64_t seconds)
{
	int64_t minutes = seconds / 60;
	if (minutes % 60)
		snprintf(buf, len, "%lld h %02d min", (long long)(minutes / 60),
			 (int)(minutes % 60));
	else
		snprintf(buf, len, "%lld h", (long long)(minutes / 60));
}

bool cor_health_window_ok(int64_t at, int64_t departure, int window_hours, char *msg, size_t len)
{
	char a[COR_HEALTH_TIME_LEN], d[COR_HEALTH_TIME_LEN], gap[48];
	if (len)
		msg[0] = '\0';
	if (at > departure) {
		snprintf(msg, len, "the check of %s is after departure at %s",
			 cor_health_time_format(at, a), cor_health_time_format(departure, d));
		return false;
	}
	if (departure - at > (int64_t)window_hours * 3600) {
		span(gap, sizeof(gap), departure - at);
		snprintf(msg, len,
			 "the check of %s is %s before departure at %s, more than the %d h allowed",
			 cor_health_time_format(at, a), gap, cor_health_time_format(departure, d),
			 window_hours);
		return false;
	}
	return true;
}

bool cor_health_clears_travel(const struct cor_health_check *h, int64_t departure, int window_hours,
			      char *msg, size_t len)
{
	char a[COR_HEALTH_TIME_LEN];
	if (h->kind != COR_HEALTH_FITNESS) {
		snprintf(msg, len, "a %s is not a fitness-to-travel check",
			 cor_health_kind_title(h->kind));
		return false;
	}
	if (h->outcome != COR_HEALTH_FIT && h->outcome != COR_HEALTH_FIT_WITH_CONDITIONS) {
		snprintf(msg, len, "the check of %s says %s", cor_health_time_format(h->at, a),
			 cor_health_outcome_name(h->outcome));
		return false;
	}
	return cor_health_window_ok(h->at, departure, window_hours, msg, len);
}

char *cor_health_event_detail(const struct cor_health_check *h, const char *person_ref, char *buf,
			      size_t len)
{
	char at[COR_HEALTH_TIME_LEN], conds[160];
	cor_health_conditions_format(h->conditions, conds, sizeof(conds));
	snprintf(buf, len, "%s of %s at %s%s%s: %s%s%s%s", cor_health_kind_title(h->kind),
		 person_ref, cor_health_time_format(h->at, at), h->examiner[0] ? " by " : "",
		 h->examiner, cor_health_outcome_name(h->outcome), conds[0] ? " (" : "", conds,
		 conds[0] ? ")" : "");
	return buf;
}

char *cor_health_note_event_detail(enum cor_health_kind kind, int64_t check_at,
				   const char *person_ref, char *buf, size_t len)
{
	char at[COR_HEALTH_TIME_LEN];
	snprintf(buf, len,
		 "clinical note added to the %s of %s at %s (kept apart, for medical staff)",
		 kind == COR_HEALTH_PRE_MIGRATION ? "pre-migration health assessment"
						  : "fitness to travel",
		 person_ref, cor_health_time_format(check_at, at));
	return buf;
}

/* ---- times ------------------------------------------------------------ */

static int two_digits(const char *s, int lo, int hi, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return COR_EINVAL;
	int v = (s[0] - '0') * 10 + (s[1] - '0');
	if (v < lo || v > hi)
		return COR_EINVAL;
	*out = v;
	return 0;
}

int cor_health_time_parse(const char *s, int64_t *out)
{
	char day[COR_DATE_LEN];
	struct cor_date d;
	int h, m;
	if (strlen(s) != 17 || s[10] != 'T' || s[13] != ':' || s[16] != 'Z')
		return COR_EINVAL;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (cor_date_parse(day, &d) < 0 || two_digits(s + 11, 0, 23, &h) < 0 ||
	    two_digits(s + 14, 0, 59, &m) < 0)
		return COR_EINVAL;
	*out = (int64_t)cor_date_to_days(d) * 86400 + h * 3600 + m * 60;
	return 0;
}

/* Floor division: times before 1970 stay on their day. */
static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void cor_health_time_split(int64_t t, struct cor_date *day, int *minute)
{
	int64_t days = floor_div(t, 86400);
	*day = cor_date_from_days((int32_t)days);
	*minute = (int)((t - days * 86400) / 60);
}

char *cor_health_time_format(int64_t t, char *buf)
{
	struct cor_date d;
	int minute;
	char day[COR_DATE_LEN];
	cor_health_time_split(t, &d, &minute);
	cor_date_format(d, day);
	unsigned h = (unsigned)minute / 60 % 24, m = (unsigned)minute % 60;
	memcpy(buf, day, 10);
	buf[10] = 'T';
	buf[11] = (char)('0' + h / 10);
	buf[12] = (char)('0' + h % 10);
	buf[13] = ':';
	buf[14] = (char)('0' + m / 10);
	buf[15] = (char)('0' + m % 10);
	buf[16] = 'Z';
	buf[17] = '\0';
	return buf;
}

int64_t cor_health_time_floor(int64_t t)
{
	return floor_div(t, 60) * 60;
}

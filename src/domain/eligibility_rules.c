// SPDX-License-Identifier: Apache-2.0
// The rules as data: the default criteria table of every programme, the
// default priority time frames and vulnerability weights, and the parser of
// the "key = value" text that changes them. docs/eligibility.md is the
// readable copy of these tables; test_default_tables pins them to it.
//
// Invariants: every programme of cor_programmes has a table here; a parse
// either applies every line of the text or none (the config is untouched on
// error); a programme-specific key ("RST.fitness_window_hours") wins over
// the global one whatever their order; a key may be set once per text.
#include "domain/eligibility.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/needs.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Default tables --------------------------------------------------- */

// clang-format off
#define KIND(k) (1u << COR_DOC_##k)
#define REL(r) (1u << COR_REL_##r)
#define ALL_RELATIONSHIPS ((1u << COR_REL__N) - 1)

#define FITNESS_72H {.criterion = COR_CRIT_FITNESS, .value = 72}
#define ADULT_PRINCIPAL {.criterion = COR_CRIT_PRINCIPAL_AGE, .value = 18, .exempt = "SC"}
#define ONE_PRINCIPAL {.criterion = COR_CRIT_PRINCIPAL}
/* Going home, or out of danger: accepted documents must be valid on the day. */
#define HOME_DOCS                                                                          \
	{.criterion = COR_CRIT_TRAVEL_DOCUMENT,                                            \
	 .mask = KIND(PASSPORT) | KIND(ETD) | KIND(LAISSEZ_PASSER)}
/* The voluntariness of a return: counselled, decided, no asylum wish, no
 * referral open, and the protection risk assessed (cleared when high). */
#define VOLUNTARY_RETURN                                                                   \
	{.criterion = COR_CRIT_COUNSELLED}, {.criterion = COR_CRIT_DECISION},                 \
		{.criterion = COR_CRIT_ASYLUM}, {.criterion = COR_CRIT_REFERRALS}
#define PROTECTION_HIGH {.criterion = COR_CRIT_PROTECTION, .value = COR_RISK_HIGH}

struct default_table {
	const char *programme;
	struct cor_rule rules[COR_RULES_ROWS_MAX];
};

static const struct default_table defaults[] = {
	{"HEV", {ONE_PRINCIPAL, ADULT_PRINCIPAL, HOME_DOCS, FITNESS_72H}},
	{"VHR", {ONE_PRINCIPAL, VOLUNTARY_RETURN, ADULT_PRINCIPAL, HOME_DOCS, FITNESS_72H,
		 PROTECTION_HIGH}},
	{"AVR", {ONE_PRINCIPAL, VOLUNTARY_RETURN, ADULT_PRINCIPAL, HOME_DOCS, FITNESS_72H,
		 PROTECTION_HIGH}},
	{"REP", {ONE_PRINCIPAL, VOLUNTARY_RETURN, ADULT_PRINCIPAL, HOME_DOCS, FITNESS_72H,
		 PROTECTION_HIGH}},
	{"HASM", {ONE_PRINCIPAL, VOLUNTARY_RETURN, ADULT_PRINCIPAL, HOME_DOCS, FITNESS_72H,
		  PROTECTION_HIGH}},
	{"RST",
	 {ONE_PRINCIPAL,
	  {.criterion = COR_CRIT_COUNSELLED},
	  {.criterion = COR_CRIT_ACCEPTANCE},
	  ADULT_PRINCIPAL,
	  {.criterion = COR_CRIT_FAMILY, .mask = ALL_RELATIONSHIPS & ~REL(UNRELATED)},
	  {.criterion = COR_CRIT_TRAVEL_DOCUMENT,
	   .mask = KIND(PASSPORT) | KIND(LAISSEZ_PASSER) | KIND(REFUGEE_TD),
	   .margin_days = {[COR_DOC_PASSPORT] = 90, [COR_DOC_REFUGEE_TD] = 90}},
	  FITNESS_72H,
	  {.criterion = COR_CRIT_TB, .value = 2, .destination = "USA"}}},
	{"REL",
	 {ONE_PRINCIPAL,
	  {.criterion = COR_CRIT_COUNSELLED},
	  {.criterion = COR_CRIT_ACCEPTANCE},
	  ADULT_PRINCIPAL,
	  {.criterion = COR_CRIT_FAMILY,
	   .value = 18,
	   .mask = REL(PRINCIPAL) | REL(SPOUSE) | REL(CHILD) | REL(STEPCHILD) | REL(PARENT)},
	  {.criterion = COR_CRIT_TRAVEL_DOCUMENT, .mask = KIND(PASSPORT) | KIND(LAISSEZ_PASSER)},
	  FITNESS_72H}},
	{"CPW",
	 {ONE_PRINCIPAL,
	  {.criterion = COR_CRIT_COUNSELLED},
	  {.criterion = COR_CRIT_ACCEPTANCE},
	  ADULT_PRINCIPAL,
	  {.criterion = COR_CRIT_FAMILY, .mask = ALL_RELATIONSHIPS & ~REL(UNRELATED)},
	  {.criterion = COR_CRIT_TRAVEL_DOCUMENT,
	   .mask = KIND(PASSPORT) | KIND(LAISSEZ_PASSER) | KIND(REFUGEE_TD),
	   .margin_days = {[COR_DOC_PASSPORT] = 90, [COR_DOC_REFUGEE_TD] = 90}},
	  FITNESS_72H}},
};
// clang-format on

/* Rows end at the first zeroed one; COR_CRIT_PRINCIPAL (0) always comes
 * first, so a row of criterion 0 after row 0 is the end. */
static size_t table_len(const struct default_table *t)
{
	size_t n = 1;
	while (n < COR_RULES_ROWS_MAX && t->rules[n].criterion != COR_CRIT_PRINCIPAL)
		n++;
	return n;
}

/* Vulnerability weights. A sub-code not listed weighs as its group. */
static const struct {
	const char *code;
	int weight;
} default_weights[] = {
	{"CR", 3},    {"SC", 4},    {"SC-UC", 5}, {"SC-CH", 5}, {"WR", 3},    {"ER", 2},
	{"ER-FR", 3}, {"SP", 3},    {"DS", 2},    {"DS-PS", 3}, {"DS-MS", 3}, {"DS-DF", 1},
	{"SM", 3},    {"SM-CC", 4}, {"SM-CI", 2}, {"SM-MI", 2}, {"FU", 1},    {"LP", 3},
	{"LP-RR", 4}, {"LP-IH", 4}, {"LP-ND", 1}, {"TR", 3},    {"SV", 3},    {"PG", 2},
};

static const int default_priority_days[COR_PRIO__N] = {
	[COR_PRIO_NORMAL] = 365,
	[COR_PRIO_URGENT] = 42,
	[COR_PRIO_EMERGENCY] = 7,
};

/* The index in cor_needs of the group of code i ("SM" for "SM-CC"). */
static size_t group_of(size_t i)
{
	const char *code = cor_needs[i].code;
	for (size_t g = 0; g < cor_needs_len; g++)
		if (strlen(cor_needs[g].code) == 2 && !strncmp(cor_needs[g].code, code, 2))
			return g;
	return i;
}

/* weight from weight_own: a code's own weight, else its group's, else 0. */
static void resolve_weights(struct cor_rules_config *c)
{
	for (size_t i = 0; i < cor_needs_len && i < COR_RULES_NEEDS_MAX; i++) {
		int w = c->weight_own[i];
		if (w < 0)
			w = c->weight_own[group_of(i)];
		c->weight[i] = (int16_t)(w < 0 ? 0 : w);
	}
}

struct cor_rules_config cor_rules_config_default(void)
{
	struct cor_rules_config c;
	memset(&c, 0, sizeof(c));
	assert(cor_programmes_len <= COR_RULES_PROGRAMMES_MAX);
	assert(cor_needs_len <= COR_RULES_NEEDS_MAX);
	c.n_programmes = cor_programmes_len;
	for (size_t i = 0; i < cor_programmes_len; i++) {
		struct cor_programme_rules *pr = &c.programmes[i];
		pr->programme = &cor_programmes[i];
		for (size_t k = 0; k < ROWS(defaults); k++) {
			if (strcmp(defaults[k].programme, cor_programmes[i].code))
				continue;
			pr->n_rules = table_len(&defaults[k]);
			memcpy(pr->rules, defaults[k].rules, pr->n_rules * sizeof(pr->rules[0]));
		}
	}
	memcpy(c.priority_days, default_priority_days, sizeof(c.priority_days));
	c.departure_early_minutes = 180;
	for (size_t i = 0; i < COR_RULES_NEEDS_MAX; i++)
		c.weight_own[i] = -1;
	for (size_t k = 0; k < ROWS(default_weights); k++)
		for (size_t i = 0; i < cor_needs_len; i++)
			if (!strcmp(cor_needs[i].code, default_weights[k].code))
				c.weight_own[i] = (int16_t)default_weights[k].weight;
	resolve_weights(&c);
	return c;
}

/* ---- The config parser ------------------------------------------------ */

enum field { F_VALUE, F_MASK, F_MARGIN };
enum vtype { T_INT, T_RISK, T_DOC_KINDS, T_RELATIONSHIPS };

/* Keys that set a parameter of a criterion's rows, in every programme
 * ("key") or in one ("RST.key"). */
static const struct rule_key {
	const char *name;
	enum cor_criterion criterion;
	enum field field;
	enum vtype type;
	int kind; /* F_MARGIN: the document kind */
	int min, max;
	const char *unit;
} rule_keys[] = {
	{"fitness_window_hours", COR_CRIT_FITNESS, F_VALUE, T_INT, 0, 1, 720, "hours"},
	{"principal_min_age", COR_CRIT_PRINCIPAL_AGE, F_VALUE, T_INT, 0, 0, 25, "years"},
	{"child_age_limit", COR_CRIT_FAMILY, F_VALUE, T_INT, 0, 0, 30, "years"},
	{"relationships", COR_CRIT_FAMILY, F_MASK, T_RELATIONSHIPS, 0, 0, 0, NULL},
	{"tb_screening_min_age", COR_CRIT_TB, F_VALUE, T_INT, 0, 0, 18, "years"},
	{"protection_clearance_from", COR_CRIT_PROTECTION, F_VALUE, T_RISK, 0, 0, 0, NULL},
	{"doc_kinds", COR_CRIT_TRAVEL_DOCUMENT, F_MASK, T_DOC_KINDS, 0, 0, 0, NULL},
	{"doc_margin_days.passport", COR_CRIT_TRAVEL_DOCUMENT, F_MARGIN, T_INT, COR_DOC_PASSPORT, 0,
	 3650, "days"},
	{"doc_margin_days.id_card", COR_CRIT_TRAVEL_DOCUMENT, F_MARGIN, T_INT, COR_DOC_ID_CARD, 0,
	 3650, "days"},
	{"doc_margin_days.etd", COR_CRIT_TRAVEL_DOCUMENT, F_MARGIN, T_INT, COR_DOC_ETD, 0, 3650,
	 "days"},
	{"doc_margin_days.laissez_passer", COR_CRIT_TRAVEL_DOCUMENT, F_MARGIN, T_INT,
	 COR_DOC_LAISSEZ_PASSER, 0, 3650, "days"},
	{"doc_margin_days.refugee_td", COR_CRIT_TRAVEL_DOCUMENT, F_MARGIN, T_INT,
	 COR_DOC_REFUGEE_TD, 0, 3650, "days"},
};

#define N_RULE_KEYS (sizeof(rule_keys) / sizeof(rule_keys[0]))

/* A value read from the text, and the line it came from (0: not set). */
struct setting {
	int line;
	int32_t value;
	uint32_t mask;
};

struct parse {
	const char *file;
	char *msg;
	size_t msglen;
	int line;
	/* [key][0]: every programme; [key][1 + i]: programme i only. */
	struct setting rule[N_RULE_KEYS][1 + COR_RULES_PROGRAMMES_MAX];
	struct setting prio[COR_PRIO__N];
	struct setting weight[COR_RULES_NEEDS_MAX];
	struct setting early;
};

static int fail(struct parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct parse *p, const char *fmt, ...)
{
	if (p->msg && p->msglen) {
		int n = snprintf(p->msg, p->msglen, "%s:%d: ", p->file, p->line);
		if (n >= 0 && (size_t)n < p->msglen) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(p->msg + n, p->msglen - (size_t)n, fmt, ap);
			va_end(ap);
		}
	}
	return COR_EINVAL;
}

/* s (n bytes) fit to quote in a message: at most 40 characters, anything
 * but printable ASCII shown as '?'. */
static const char *quote(char out[48], const char *s, size_t n)
{
	size_t k = 0;
	for (; k < n && k < 40; k++) {
		unsigned char c = (unsigned char)s[k];
		out[k] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (k < n) {
		memcpy(out + k, "...", 3);
		k += 3;
	}
	out[k] = '\0';
	return out;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* A whole number from min to max, digits only. */
static bool read_int(const char *v, int min, int max, int32_t *out)
{
	long n = 0;
	size_t len = strlen(v);
	if (len == 0 || len > 9)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		n = n * 10 + (v[i] - '0');
	}
	if (n < min || n > max)
		return false;
	*out = (int32_t)n;
	return true;
}

/* Read a comma-separated list of document kinds or relationships. */
static int read_list(struct parse *p, const char *key, enum vtype type, const char *v,
		     uint32_t *out)
{
	char item[48], q[48];
	uint32_t mask = 0;
	for (const char *s = v;;) {
		size_t n = strcspn(s, ",");
		const char *a = s, *b = s + n;
		while (a < b && is_space(*a))
			a++;
		while (b > a && is_space(b[-1]))
			b--;
		if (a == b)
			return fail(p, "'%s' has an empty entry", key);
		if ((size_t)(b - a) >= sizeof(item))
			return fail(p, "'%s': unknown %s '%s'", key,
				    type == T_DOC_KINDS ? "document kind" : "relationship",
				    quote(q, a, (size_t)(b - a)));
		memcpy(item, a, (size_t)(b - a));
		item[b - a] = '\0';
		if (type == T_DOC_KINDS) {
			enum cor_doc_kind k;
			if (cor_doc_kind_parse(item, &k) < 0 || k == COR_DOC_NONE)
				return fail(p, "'%s': unknown document kind '%s'", key,
					    quote(q, item, strlen(item)));
			if (k == COR_DOC_VISA || k == COR_DOC_EXIT_PERMIT)
				return fail(p, "'%s': '%s' is not a travel document", key, item);
			mask |= 1u << k;
		} else {
			enum cor_relationship r;
			if (cor_relationship_parse(item, &r) < 0)
				return fail(p, "'%s': unknown relationship '%s'", key,
					    quote(q, item, strlen(item)));
			mask |= 1u << r;
		}
		if (!s[n])
			break;
		s += n + 1;
	}
	if (type == T_RELATIONSHIPS && !(mask & (1u << COR_REL_PRINCIPAL)))
		return fail(p, "'%s' must include principal", key);
	*out = mask;
	return 0;
}

/* Record s = value at this line, unless the key was already set. */
static int set_once(struct parse *p, struct setting *s, const char *key, int32_t value,
		    uint32_t mask)
{
	if (s->line)
		return fail(p, "'%s' is already set on line %d", key, s->line);
	s->line = p->line;
	s->value = value;
	s->mask = mask;
	return 0;
}

static int read_rule_key(struct parse *p, const struct rule_key *rk, struct setting *s,
			 const char *key, const char *v)
{
	char q[48];
	int32_t value = 0;
	uint32_t mask = 0;
	int err;
	switch (rk->type) {
	case T_INT:
		if (!read_int(v, rk->min, rk->max, &value))
			return fail(p, "'%s' must be a whole number of %s from %d to %d, not '%s'",
				    key, rk->unit, rk->min, rk->max, quote(q, v, strlen(v)));
		break;
	case T_RISK: {
		enum cor_risk r;
		if (cor_risk_parse(v, &r) < 0 || r < COR_RISK_LOW)
			return fail(p, "'%s' must be low, medium or high, not '%s'", key,
				    quote(q, v, strlen(v)));
		value = (int32_t)r;
		break;
	}
	case T_DOC_KINDS:
	case T_RELATIONSHIPS:
		if ((err = read_list(p, key, rk->type, v, &mask)) < 0)
			return err;
		break;
	}
	return set_once(p, s, key, value, mask);
}

static const struct rule_key *find_rule_key(const char *name)
{
	for (size_t k = 0; k < N_RULE_KEYS; k++)
		if (!strcmp(rule_keys[k].name, name))
			return &rule_keys[k];
	return NULL;
}

static bool has_criterion(const struct cor_programme_rules *pr, enum cor_criterion c)
{
	for (size_t k = 0; k < pr->n_rules && k < COR_RULES_ROWS_MAX; k++)
		if (pr->rules[k].criterion == c)
			return true;
	return false;
}

static int read_line(struct parse *p, const struct cor_rules_config *cfg, const char *key,
		     const char *v)
{
	static const char *const prio_keys[COR_PRIO__N] = {
		[COR_PRIO_NORMAL] = "priority.normal_days",
		[COR_PRIO_URGENT] = "priority.urgent_days",
		[COR_PRIO_EMERGENCY] = "priority.emergency_days",
	};
	char q[48];
	int32_t value;

	for (const char *c = key; *c; c++)
		if (*c <= 0x20 || *c >= 0x7f)
			return fail(p, "unknown key '%s'", quote(q, key, strlen(key)));
	for (int l = 0; l < COR_PRIO__N; l++) {
		if (strcmp(key, prio_keys[l]))
			continue;
		if (!read_int(v, 1, 3650, &value))
			return fail(p,
				    "'%s' must be a whole number of days from 1 to 3650, not '%s'",
				    key, quote(q, v, strlen(v)));
		return set_once(p, &p->prio[l], key, value, 0);
	}
	if (!strcmp(key, "departure.early_minutes")) {
		if (!read_int(v, 0, 1440, &value))
			return fail(
				p,
				"'%s' must be a whole number of minutes from 0 to 1440, not '%s'",
				key, quote(q, v, strlen(v)));
		return set_once(p, &p->early, key, value, 0);
	}
	if (!strncmp(key, "weight.", 7)) {
		const struct cor_need *need = cor_need_find(key + 7);
		if (!need)
			return fail(p, "'%s': unknown specific-needs code '%s'", key,
				    quote(q, key + 7, strlen(key + 7)));
		if (!read_int(v, 0, 100, &value))
			return fail(p, "'%s' must be a whole number from 0 to 100, not '%s'", key,
				    quote(q, v, strlen(v)));
		return set_once(p, &p->weight[need - cor_needs], key, value, 0);
	}

	/* "RST.key": a programme's own value. */
	size_t up = 0;
	while (key[up] >= 'A' && key[up] <= 'Z')
		up++;
	if (up > 0 && key[up] == '.') {
		char code[8];
		if (up >= sizeof(code))
			return fail(p, "unknown programme '%s' in '%s'", quote(q, key, up), key);
		memcpy(code, key, up);
		code[up] = '\0';
		const struct cor_programme_rules *pr = cor_rules_for(cfg, cor_programme_find(code));
		if (!pr)
			return fail(p, "unknown programme '%s' in '%s'", code, key);
		const struct rule_key *rk = find_rule_key(key + up + 1);
		if (!rk)
			return fail(p, "unknown key '%s'", key);
		if (!has_criterion(pr, rk->criterion))
			return fail(p, "'%s': %s has no %s criterion", key, code,
				    cor_criterion_name(rk->criterion));
		size_t i = (size_t)(pr - cfg->programmes);
		return read_rule_key(p, rk, &p->rule[rk - rule_keys][1 + i], key, v);
	}
	const struct rule_key *rk = find_rule_key(key);
	if (!rk)
		return fail(p, "unknown key '%s'", key);
	return read_rule_key(p, rk, &p->rule[rk - rule_keys][0], key, v);
}

static void apply_rule_key(struct cor_programme_rules *pr, const struct rule_key *rk,
			   const struct setting *s)
{
	for (size_t k = 0; k < pr->n_rules && k < COR_RULES_ROWS_MAX; k++) {
		struct cor_rule *r = &pr->rules[k];
		if (r->criterion != rk->criterion)
			continue;
		if (rk->field == F_VALUE)
			r->value = s->value;
		else if (rk->field == F_MASK)
			r->mask = s->mask;
		else
			r->margin_days[rk->kind] = (int16_t)s->value;
	}
}

/* Apply what was read to a copy of cfg; check what spans lines. */
static int apply(struct parse *p, struct cor_rules_config *c)
{
	static const char *const prio_keys[COR_PRIO__N] = {
		"priority.normal_days", "priority.urgent_days", "priority.emergency_days"};
	for (size_t k = 0; k < N_RULE_KEYS; k++) {
		for (size_t i = 0; i < c->n_programmes && i < COR_RULES_PROGRAMMES_MAX; i++) {
			if (p->rule[k][0].line)
				apply_rule_key(&c->programmes[i], &rule_keys[k], &p->rule[k][0]);
			if (p->rule[k][1 + i].line)
				apply_rule_key(&c->programmes[i], &rule_keys[k],
					       &p->rule[k][1 + i]);
		}
	}
	for (int l = 0; l < COR_PRIO__N; l++)
		if (p->prio[l].line)
			c->priority_days[l] = p->prio[l].value;
	/* A more pressing level never has a longer time frame. */
	for (int l = COR_PRIO_URGENT; l < COR_PRIO__N; l++) {
		if (c->priority_days[l] <= c->priority_days[l - 1])
			continue;
		p->line = p->prio[l].line > p->prio[l - 1].line ? p->prio[l].line
								: p->prio[l - 1].line;
		return fail(p, "'%s' (%d) must not be longer than '%s' (%d)", prio_keys[l],
			    c->priority_days[l], prio_keys[l - 1], c->priority_days[l - 1]);
	}
	for (size_t i = 0; i < cor_needs_len && i < COR_RULES_NEEDS_MAX; i++)
		if (p->weight[i].line)
			c->weight_own[i] = (int16_t)p->weight[i].value;
	resolve_weights(c);
	if (p->early.line)
		c->departure_early_minutes = p->early.value;
	return 0;
}

int cor_rules_config_parse(struct cor_rules_config *cfg, const char *text, size_t len,
			   const char *file, char *msg, size_t msglen)
{
	static struct parse zero;
	struct parse p = zero;
	char key[64], value[256], q[48];
	struct cor_rules_config tmp = *cfg;
	size_t pos = 0;
	int err;

	p.file = file ? file : "(config)";
	p.msg = msg;
	p.msglen = msglen;
	if (msg && msglen)
		msg[0] = '\0';
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl != NULL);
		p.line++;
		if (n && s[n - 1] == '\r')
			n--;
		if (memchr(s, '\0', n))
			return fail(&p, "NUL byte in line");
		while (n && is_space(*s))
			s++, n--;
		while (n && is_space(s[n - 1]))
			n--;
		if (n == 0 || *s == '#')
			continue;
		const char *eq = memchr(s, '=', n);
		if (!eq)
			return fail(&p, "expected 'key = value', not '%s'", quote(q, s, n));
		size_t kn = (size_t)(eq - s), vn = n - kn - 1;
		const char *v = eq + 1;
		while (kn && is_space(s[kn - 1]))
			kn--;
		while (vn && is_space(*v))
			v++, vn--;
		if (kn == 0)
			return fail(&p, "missing key before '='");
		if (kn >= sizeof(key))
			return fail(&p, "unknown key '%s'", quote(q, s, kn));
		memcpy(key, s, kn);
		key[kn] = '\0';
		if (vn == 0)
			return fail(&p, "'%s' has no value", quote(q, key, kn));
		if (vn >= sizeof(value))
			return fail(&p, "value of '%s' is too long", quote(q, key, kn));
		memcpy(value, v, vn);
		value[vn] = '\0';
		if ((err = read_line(&p, &tmp, key, value)) < 0)
			return err;
	}
	if ((err = apply(&p, &tmp)) < 0)
		return err;
	*cfg = tmp;
	return 0;
}

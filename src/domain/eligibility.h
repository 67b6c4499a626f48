// SPDX-License-Identifier: Apache-2.0
// The eligibility engine: is a case ready to travel under its programme, and
// if not, exactly what stands in the way, for whom. Pure C fed with facts:
// the store maps its records onto struct cor_case_facts, the engine reads
// them, and nothing here does I/O, SQL or allocation.
//
// Criteria are data. Each programme has a table of rules (struct cor_rule):
// a criterion, and that criterion's parameters (hours, days, ages, accepted
// document kinds, relationships...). A small set of criterion functions, one
// per enum cor_criterion, reads the rows; no code branches on the programme.
// The tables, the priority time frames and the vulnerability weights live
// in struct cor_rules_config, whose defaults (cor_rules_config_default) a
// "key = value" text can change (cor_rules_config_parse). docs/eligibility.md
// lists every table, code, sentence and key.
//
// Invariants: an evaluation reports EVERY unmet criterion of every traveller
// and of the case, never a bare yes/no; each has a stable code and a sentence
// a caseworker understands (cor_unmet_describe). The order of the report is
// fixed: case criteria in table order, then each traveller in case order with
// that traveller's criteria in table order. Results go into the caller's
// buffer; what does not fit is counted, not lost silently.
#ifndef COR_ELIGIBILITY_H
#define COR_ELIGIBILITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/case.h"
#include "domain/date.h"

/* ---- Facts ------------------------------------------------------------ */

#define COR_FACT_DOCS_MAX 4    /* documents per traveller the engine reads */
#define COR_TIME_UNKNOWN  (-1) /* a minute-of-day that is not known */

/* Outcome of the fitness-to-travel check. */
enum cor_fitness {
	COR_FITNESS_NONE, /* no check recorded */
	COR_FITNESS_FIT,
	COR_FITNESS_FIT_WITH_CONDITIONS, /* escort, oxygen, wheelchair, stretcher... */
	COR_FITNESS_UNFIT,
	COR_FITNESS_DEFERRED,
	COR_FITNESS__N
};

/* US CDC TB classification (pre-migration health, USA-bound refugees). */
enum cor_tb_class {
	COR_TB_NOT_SCREENED, /* no classification recorded */
	COR_TB_NONE,         /* screened: no TB classification */
	COR_TB_A,            /* infectious: blocks travel unless waived */
	COR_TB_B1_PULMONARY,
	COR_TB_B1_EXTRAPULMONARY,
	COR_TB_B2, /* latent TB evaluation */
	COR_TB_B3, /* contact evaluation */
	COR_TB__N
};

/* Protection risk on return, from the protection risk assessment. */
enum cor_risk {
	COR_RISK_NOT_ASSESSED,
	COR_RISK_NONE,
	COR_RISK_LOW,
	COR_RISK_MEDIUM,
	COR_RISK_HIGH,
	COR_RISK__N
};

/* The informed decision recorded after counselling. */
enum cor_decision { COR_DECISION_UNDECIDED, COR_DECISION_YES, COR_DECISION_NO, COR_DECISION__N };

/* Where an admission case (RST, REL, CPW) stands with the receiving state. */
enum cor_selection {
	COR_SELECTION_NOT_SUBMITTED,
	COR_SELECTION_SUBMITTED,
	COR_SELECTION_INTERVIEWED,
	COR_SELECTION_ACCEPTED,
	COR_SELECTION_REJECTED,
	COR_SELECTION__N
};

/* One document a traveller holds. Strings are borrowed. */
struct cor_doc_facts {
	enum cor_doc_kind kind;
	char issuer[4];             /* ISO alpha-3 */
	const char *number;         /* may be NULL */
	struct cor_date expires_on; /* valid through this day */
	bool has_expiry;            /* false: valid without limit */
};

/* One person of the case. Strings are borrowed for as long as any result
 * that points at this traveller is read. A zeroed struct is a traveller with
 * nothing recorded: no document, no fitness check, not screened, not
 * assessed. */
struct cor_traveller_facts {
	const char *ref;          /* "LY-TIP-2026-000123-02" */
	const char *display_name; /* Latin script, as registered: "Amina Yusuf"; NULL: ref */
	enum cor_relationship relationship; /* to the principal applicant */
	char sex;                           /* 'F', 'M', 'X' */
	struct cor_date birth_date;         /* year 0: unknown */
	char nationality[4];
	const char *needs; /* ';'-separated specific-needs codes; "" or NULL: none */
	int n_docs;        /* 0..COR_FACT_DOCS_MAX */
	struct cor_doc_facts docs[COR_FACT_DOCS_MAX];
	enum cor_fitness fitness;
	struct cor_date fitness_on; /* day of the check, UTC */
	int fitness_minute;         /* minute of that day 0..1439, or COR_TIME_UNKNOWN */
	enum cor_tb_class tb;
	bool tb_waived; /* a class A waiver is on file */
	enum cor_risk protection_risk;
	bool protection_cleared; /* a protection officer cleared the risk, with a reason */
};

/* The case. Strings and travellers are borrowed. */
struct cor_case_facts {
	const char *ref;                       /* "LY-TIP-2026-000123" */
	const struct cor_programme *programme; /* from cor_programme_find */
	char destination[4];                   /* ISO alpha-3 */
	enum cor_priority priority;
	struct cor_date priority_set_on; /* when the level was set; year 0: registered_on */
	struct cor_date registered_on;
	bool has_travel_date; /* false: evaluate on the reference date */
	struct cor_date travel_on;
	int departure_minute; /* 0..1439, or COR_TIME_UNKNOWN */
	bool counselled;
	enum cor_decision decision;
	bool asylum_wish;   /* an asylum wish is pending (its referral open) */
	int open_referrals; /* referrals not yet closed, of any kind */
	enum cor_selection selection;
	const struct cor_traveller_facts *travellers;
	size_t n_travellers;
};

/* "fit", "fit_with_conditions", "unfit", "deferred"; "" for NONE. */
const char *cor_fitness_name(enum cor_fitness v);
/* "none", "A", "B1_pulmonary", "B1_extrapulmonary", "B2", "B3"; "" for NOT_SCREENED. */
const char *cor_tb_class_name(enum cor_tb_class v);
/* "none", "low", "medium", "high"; "" for NOT_ASSESSED. */
const char *cor_risk_name(enum cor_risk v);
/* "yes", "no"; "" for UNDECIDED. */
const char *cor_decision_name(enum cor_decision v);
/* "submitted", "interviewed", "accepted", "rejected"; "" for NOT_SUBMITTED. */
const char *cor_selection_name(enum cor_selection v);
/* The value a name stands for ("" for the zero value); COR_EINVAL when unknown,
 * *out untouched. */
int cor_fitness_parse(const char *s, enum cor_fitness *out);
int cor_tb_class_parse(const char *s, enum cor_tb_class *out);
int cor_risk_parse(const char *s, enum cor_risk *out);
int cor_decision_parse(const char *s, enum cor_decision *out);
int cor_selection_parse(const char *s, enum cor_selection *out);

/* ---- Rules and configuration ----------------------------------------- */

/* The criterion functions a rule can select. Scope: the case, or each person. */
enum cor_criterion {
	COR_CRIT_PRINCIPAL,       /* case: exactly one principal applicant */
	COR_CRIT_COUNSELLED,      /* case: counselling recorded */
	COR_CRIT_DECISION,        /* case: informed decision "yes" */
	COR_CRIT_ASYLUM,          /* case: no asylum wish pending */
	COR_CRIT_REFERRALS,       /* case: no open referral */
	COR_CRIT_ACCEPTANCE,      /* case: accepted by the receiving state */
	COR_CRIT_PRINCIPAL_AGE,   /* person: principal applicant an adult, or an exempt child */
	COR_CRIT_FAMILY,          /* person: relationship allowed; children under an age */
	COR_CRIT_FITNESS,         /* person: fit (with conditions) within the window */
	COR_CRIT_TRAVEL_DOCUMENT, /* person: an accepted document valid at travel + margin */
	COR_CRIT_TB,              /* person: screened, and not class A unless waived */
	COR_CRIT_PROTECTION,      /* person: risk assessed; cleared from a level up */
	COR_CRIT__N
};

enum cor_scope { COR_SCOPE_CASE, COR_SCOPE_PERSON };

/* One row of a programme's table. Which fields mean something depends on
 * the criterion (docs/eligibility.md); the others are zero. */
struct cor_rule {
	enum cor_criterion criterion;
	/* FITNESS: window in hours before departure. PRINCIPAL_AGE: minimum
	 * age. FAMILY: children and stepchildren must be under this age (0: any
	 * age). TB: screening needed from this age. PROTECTION: the enum
	 * cor_risk from which a clearance is needed. */
	int value;
	/* TRAVEL_DOCUMENT: accepted kinds, bit (1u << enum cor_doc_kind).
	 * FAMILY: allowed relationships, bit (1u << enum cor_relationship). */
	uint32_t mask;
	/* TRAVEL_DOCUMENT: days a document of each kind must stay valid after
	 * the travel date. */
	int16_t margin_days[COR_DOC__N];
	/* TB: the destination it applies to ("USA"); "" for every destination. */
	char destination[4];
	/* PRINCIPAL_AGE: ';'-separated need codes or groups that let a child be
	 * the principal applicant ("SC": unaccompanied, separated, child-headed). */
	const char *exempt;
};

#define COR_RULES_ROWS_MAX       16
#define COR_RULES_PROGRAMMES_MAX 16
#define COR_RULES_NEEDS_MAX      64

/* The table of one programme. */
struct cor_programme_rules {
	const struct cor_programme *programme;
	size_t n_rules;
	struct cor_rule rules[COR_RULES_ROWS_MAX];
};

/* Everything the engines read besides the facts. A plain value: copy it,
 * change fields, compare it. */
struct cor_rules_config {
	size_t n_programmes; /* == cor_programmes_len, in that order */
	struct cor_programme_rules programmes[COR_RULES_PROGRAMMES_MAX];
	/* Days from the day a level was set to the case's deadline, by enum
	 * cor_priority: normal 365, urgent 42, emergency 7. */
	int priority_days[COR_PRIO__N];
	/* Minutes before its scheduled first departure that a movement may be
	 * recorded as departed ("departure.early_minutes", 0-1440; 180). */
	int departure_early_minutes;
	/* Vulnerability weight of each specific-needs code, by index in
	 * cor_needs: weight_own is the code's own (-1: its group's), weight
	 * the one in effect. */
	int16_t weight_own[COR_RULES_NEEDS_MAX];
	int16_t weight[COR_RULES_NEEDS_MAX];
};

/* The defaults: the tables of docs/eligibility.md. */
struct cor_rules_config cor_rules_config_default(void);
/* The table of programme p in cfg, or NULL. */
const struct cor_programme_rules *cor_rules_for(const struct cor_rules_config *cfg,
						const struct cor_programme *p);
/* Apply a "key = value" text (len bytes, need not be NUL-terminated) to cfg.
 * On a bad line: COR_EINVAL, cfg untouched, and msg gets "FILE:LINE: reason"
 * (file is the name to show). */
int cor_rules_config_parse(struct cor_rules_config *cfg, const char *text, size_t len,
			   const char *file, char *msg, size_t msglen);

/* "PRINCIPAL", "TRAVEL_DOCUMENT", ...; "?" when out of range. */
const char *cor_criterion_name(enum cor_criterion c);
enum cor_scope cor_criterion_scope(enum cor_criterion c);

/* ---- Results ---------------------------------------------------------- */

/* Why a criterion is unmet: stable codes, part of the interface. */
enum cor_unmet_code {
	COR_UNMET_NO_PRINCIPAL,
	COR_UNMET_SEVERAL_PRINCIPALS,
	COR_UNMET_NOT_COUNSELLED,
	COR_UNMET_NO_INFORMED_DECISION,
	COR_UNMET_RETURN_DECLINED,
	COR_UNMET_ASYLUM_REFERRAL_OPEN,
	COR_UNMET_REFERRAL_OPEN,
	COR_UNMET_NOT_ACCEPTED,
	COR_UNMET_SELECTION_REJECTED,
	COR_UNMET_PRINCIPAL_AGE_UNKNOWN,
	COR_UNMET_PRINCIPAL_MINOR,
	COR_UNMET_RELATIONSHIP_NOT_ALLOWED,
	COR_UNMET_CHILD_AGE_UNKNOWN,
	COR_UNMET_CHILD_OVER_AGE,
	COR_UNMET_FITNESS_MISSING,
	COR_UNMET_UNFIT,
	COR_UNMET_FITNESS_DEFERRED,
	COR_UNMET_FITNESS_EXPIRED,
	COR_UNMET_FITNESS_AFTER_TRAVEL,
	COR_UNMET_NO_TRAVEL_DOCUMENT,
	COR_UNMET_DOC_EXPIRES_BEFORE_TRAVEL,
	COR_UNMET_DOC_VALIDITY_SHORT,
	COR_UNMET_TB_NOT_SCREENED,
	COR_UNMET_TB_CLASS_A,
	COR_UNMET_PROTECTION_NOT_ASSESSED,
	COR_UNMET_PROTECTION_NOT_CLEARED,
	COR_UNMET__N
};

/* One unmet criterion: its code, whom it concerns, and the values its
 * sentence needs (so that sentences are written only when read). */
struct cor_unmet {
	enum cor_unmet_code code;
	int person;   /* index in the case's travellers; -1: the case itself */
	int doc;      /* index in that traveller's documents; -1: none */
	int32_t on;   /* day number evaluated against: travel date, else reference date */
	int32_t a, b; /* code-specific: ages, hours, days, counts (eligibility.c) */
	const struct cor_rule *rule; /* borrowed from the config evaluated with */
};

/* The report of one evaluation, in a buffer the caller owns. */
struct cor_eligibility {
	struct cor_unmet *unmet; /* borrowed: cap entries */
	size_t cap;
	size_t n;        /* entries written */
	size_t overflow; /* unmet criteria that did not fit */
};

/* Point r at buf (cap entries) and empty it. */
void cor_eligibility_init(struct cor_eligibility *r, struct cor_unmet *buf, size_t cap);
/* Evaluate case f under its programme's table in cfg, on its travel date or,
 * without one, on `today`. r is emptied first. COR_EINVAL when f has no
 * programme that cfg knows; otherwise 0, whatever the verdict. */
int cor_eligibility_evaluate(const struct cor_rules_config *cfg, const struct cor_case_facts *f,
			     struct cor_date today, struct cor_eligibility *r);
/* Did the last evaluation find every criterion met? */
bool cor_eligibility_is_met(const struct cor_eligibility *r);

/* "DOC_EXPIRES_BEFORE_TRAVEL"; "?" when out of range. */
const char *cor_unmet_code_name(enum cor_unmet_code c);
/* The criterion a code belongs to. */
enum cor_criterion cor_unmet_criterion(enum cor_unmet_code c);
/* Write u's sentence for a caseworker into buf (snprintf rules: always
 * terminated when len > 0) and return the length it needs. f must be the
 * facts u was evaluated from, e.g. "passport of AMINA YUSUF expires
 * 2027-01-02, before travel on 2027-01-10". */
size_t cor_unmet_describe(const struct cor_unmet *u, const struct cor_case_facts *f, char *buf,
			  size_t len);

#endif

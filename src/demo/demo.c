// SPDX-License-Identifier: Apache-2.0
// The demo caseload generator. Operations are rows in a table: programme,
// office, who is assisted (nationalities with weights), where they go, how
// households look, how urgent they are. Everything random comes from one
// seeded generator, so the same options give the same database. Persons are
// streamed into the store in batches: memory does not grow with size.
#include "demo/demo.h"

#include <stdio.h>
#include <string.h>

#include "demo/names_data.h"
#include "domain/country.h"
#include "domain/support.h"
#include "store/store_history.h"
#include "util/error.h"
#include "util/progress.h"
#include "util/rng.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define BATCH_CASES 20000
#define MAX_MEMBERS 10 /* the largest household household_size() draws */

struct weighted {
	const char *code;
	unsigned w;
};

enum household {
	HH_MIGRANT,  /* mostly single young men, some families: returns, stranded */
	HH_REFUGEE,  /* families, often large, with elders: resettlement, repatriation */
	HH_EVACUEE,  /* mixed */
};

struct operation {
	const char *programme;
	const char *office;
	unsigned share;          /* relative share of all persons */
	enum household household;
	/* nationality -> destination: "" means the person's own country */
	struct weighted nat[12];
	struct weighted dest[14];
	unsigned urgent_pct, emergency_pct;
};

/* The shape of the caseload: shares roughly follow recent operations. */
static const struct operation ops[] = {
	{"VHR", "LY-TIP", 150, HH_MIGRANT,
	 {{"NGA", 24}, {"NER", 14}, {"MLI", 10}, {"GIN", 10}, {"GMB", 8}, {"SEN", 8}, {"SDN", 7},
	  {"TCD", 5}, {"GHA", 5}, {"CIV", 5}, {"BGD", 4}},
	 {{"", 1}}, 10, 2},
	{"VHR", "LY-BEN", 90, HH_MIGRANT,
	 {{"SDN", 20}, {"TCD", 15}, {"NGA", 15}, {"NER", 15}, {"BGD", 12}, {"EGY", 10}, {"GHA", 6},
	  {"MLI", 7}},
	 {{"", 1}}, 10, 2},
	{"VHR", "LY-SEB", 60, HH_MIGRANT,
	 {{"NER", 35}, {"NGA", 20}, {"TCD", 15}, {"MLI", 10}, {"GHA", 8}, {"SDN", 7}, {"BFA", 5}},
	 {{"", 1}}, 12, 3},
	{"VHR", "YE-ADE", 80, HH_MIGRANT, {{"ETH", 88}, {"SOM", 12}}, {{"", 1}}, 15, 3},
	{"HEV", "SD-PZU", 50, HH_EVACUEE,
	 {{"ETH", 25}, {"SSD", 20}, {"NGA", 15}, {"TCD", 15}, {"UGA", 10}, {"KEN", 10}, {"PAK", 5}},
	 {{"", 1}}, 35, 55},
	{"HEV", "LB-BEY", 20, HH_EVACUEE, {{"SYR", 40}, {"ETH", 25}, {"SDN", 20}, {"BGD", 15}},
	 {{"", 1}}, 30, 60},
	{"RST", "TR-IST", 55, HH_REFUGEE, {{"SYR", 70}, {"AFG", 15}, {"IRQ", 10}, {"IRN", 5}},
	 {{"USA", 25}, {"CAN", 20}, {"DEU", 12}, {"SWE", 10}, {"NOR", 8}, {"NLD", 6}, {"FRA", 6},
	  {"GBR", 5}, {"FIN", 4}, {"AUS", 4}},
	 12, 3},
	{"RST", "TR-GZT", 35, HH_REFUGEE, {{"SYR", 90}, {"IRQ", 10}},
	 {{"USA", 20}, {"CAN", 20}, {"DEU", 15}, {"SWE", 10}, {"NOR", 10}, {"NLD", 10}, {"GBR", 15}},
	 12, 3},
	{"RST", "LB-BEY", 45, HH_REFUGEE, {{"SYR", 92}, {"IRQ", 5}, {"SDN", 3}},
	 {{"CAN", 25}, {"GBR", 15}, {"FRA", 15}, {"DEU", 10}, {"NOR", 10}, {"SWE", 10}, {"IRL", 5},
	  {"AUS", 5}, {"USA", 5}},
	 15, 4},
	{"RST", "JO-AMM", 35, HH_REFUGEE, {{"SYR", 80}, {"IRQ", 15}, {"SDN", 3}, {"YEM", 2}},
	 {{"USA", 30}, {"CAN", 25}, {"AUS", 15}, {"GBR", 10}, {"DEU", 10}, {"NZL", 10}},
	 12, 3},
	{"RST", "KE-NBO", 40, HH_REFUGEE,
	 {{"SOM", 40}, {"SSD", 25}, {"COD", 20}, {"ETH", 10}, {"BDI", 5}},
	 {{"USA", 45}, {"CAN", 20}, {"AUS", 15}, {"SWE", 10}, {"NOR", 5}, {"FIN", 5}}, 10, 2},
	{"RST", "UG-KLA", 30, HH_REFUGEE, {{"COD", 50}, {"SSD", 35}, {"BDI", 15}},
	 {{"USA", 50}, {"CAN", 20}, {"AUS", 15}, {"NOR", 10}, {"SWE", 5}}, 10, 2},
	{"RST", "TZ-DAR", 15, HH_REFUGEE, {{"BDI", 55}, {"COD", 45}},
	 {{"USA", 70}, {"CAN", 20}, {"AUS", 10}}, 8, 2},
	{"RST", "EG-CAI", 30, HH_REFUGEE,
	 {{"SDN", 45}, {"SYR", 25}, {"ERI", 15}, {"SSD", 10}, {"YEM", 5}},
	 {{"USA", 30}, {"CAN", 25}, {"AUS", 15}, {"SWE", 10}, {"NLD", 10}, {"FRA", 10}}, 12, 3},
	{"RST", "ET-ADD", 20, HH_REFUGEE, {{"ERI", 50}, {"SSD", 30}, {"SOM", 20}},
	 {{"USA", 40}, {"CAN", 30}, {"AUS", 10}, {"SWE", 10}, {"NOR", 10}}, 10, 2},
	{"RST", "PK-ISB", 25, HH_REFUGEE, {{"AFG", 100}},
	 {{"USA", 40}, {"CAN", 25}, {"DEU", 20}, {"GBR", 10}, {"AUS", 5}}, 20, 5},
	{"CPW", "AF-KBL", 20, HH_REFUGEE, {{"AFG", 100}},
	 {{"DEU", 60}, {"CAN", 20}, {"ITA", 10}, {"ESP", 10}}, 25, 10},
	{"CPW", "LB-BEY", 12, HH_REFUGEE, {{"SYR", 100}},
	 {{"ITA", 50}, {"FRA", 20}, {"BEL", 15}, {"CAN", 15}}, 10, 2},
	{"CPW", "JO-AMM", 8, HH_REFUGEE, {{"SYR", 70}, {"IRQ", 30}},
	 {{"CAN", 60}, {"DEU", 20}, {"GBR", 20}}, 8, 2},
	{"REL", "IT-ROM", 25, HH_REFUGEE, {{"ERI", 45}, {"SYR", 30}, {"SDN", 15}, {"IRQ", 10}},
	 {{"DEU", 25}, {"FRA", 20}, {"NLD", 10}, {"FIN", 8}, {"PRT", 8}, {"ESP", 8}, {"BEL", 6},
	  {"IRL", 5}, {"LUX", 5}, {"ROU", 5}},
	 5, 1},
	{"REL", "GR-ATH", 25, HH_REFUGEE, {{"SYR", 60}, {"IRQ", 20}, {"AFG", 15}, {"ERI", 5}},
	 {{"DEU", 25}, {"FRA", 20}, {"NLD", 10}, {"PRT", 10}, {"FIN", 8}, {"ESP", 7}, {"IRL", 5},
	  {"LTU", 5}, {"ROU", 5}, {"BEL", 5}},
	 5, 1},
	{"AVR", "DE-BER", 30, HH_MIGRANT,
	 {{"IRQ", 25}, {"AFG", 10}, {"NGA", 15}, {"PAK", 15}, {"IRN", 10}, {"UKR", 10}, {"MAR", 15}},
	 {{"", 1}}, 5, 1},
	{"AVR", "BE-BRU", 15, HH_MIGRANT,
	 {{"CMR", 25}, {"GIN", 25}, {"CIV", 20}, {"MAR", 20}, {"COD", 10}}, {{"", 1}}, 5, 1},
	{"AVR", "MA-RBA", 25, HH_MIGRANT,
	 {{"GIN", 25}, {"CIV", 20}, {"SEN", 15}, {"MLI", 15}, {"CMR", 15}, {"BFA", 10}},
	 {{"", 1}}, 8, 1},
	{"HASM", "NE-AJY", 35, HH_MIGRANT,
	 {{"NGA", 25}, {"MLI", 20}, {"GIN", 15}, {"CMR", 10}, {"BFA", 10}, {"SEN", 10},
	  {"CIV", 5}, {"GHA", 5}},
	 {{"", 1}}, 20, 5},
	{"HASM", "NE-NIM", 15, HH_MIGRANT, {{"NGA", 30}, {"MLI", 25}, {"GIN", 20}, {"BFA", 25}},
	 {{"", 1}}, 15, 3},
	{"HASM", "DJ-JIB", 15, HH_MIGRANT, {{"ETH", 90}, {"SOM", 10}}, {{"", 1}}, 20, 5},
	{"REP", "TZ-DAR", 20, HH_REFUGEE, {{"BDI", 100}}, {{"", 1}}, 5, 1},
	{"REP", "KE-NBO", 15, HH_REFUGEE, {{"SOM", 100}}, {{"", 1}}, 5, 1},
	{"REP", "UG-KLA", 10, HH_REFUGEE, {{"SSD", 60}, {"COD", 40}}, {{"", 1}}, 5, 1},
};

/* Where each office is: the origin of its cases. */
static const char *office_country(const char *office)
{
	static const struct {
		const char *office, *country;
	} map[] = {
		{"LY", "LBY"}, {"YE", "YEM"}, {"SD", "SDN"}, {"LB", "LBN"}, {"TR", "TUR"},
		{"JO", "JOR"}, {"KE", "KEN"}, {"UG", "UGA"}, {"TZ", "TZA"}, {"EG", "EGY"},
		{"ET", "ETH"}, {"PK", "PAK"}, {"AF", "AFG"}, {"IT", "ITA"}, {"GR", "GRC"},
		{"DE", "DEU"}, {"BE", "BEL"}, {"MA", "MAR"}, {"NE", "NER"}, {"DJ", "DJI"},
	};
	for (size_t i = 0; i < ROWS(map); i++)
		if (!strncmp(office, map[i].office, 2))
			return map[i].country;
	return "XXX";
}

/* Nationalities whose spouses keep their own family name. */
static bool spouse_keeps_name(const char *nat)
{
	static const char *const keep[] = {"SDN", "SYR", "IRQ", "YEM", "EGY", "LBY", "ETH", "ERI",
					   "SOM", "AFG", "IRN", "MAR", "TCD", "PAK", "BGD"};
	for (size_t i = 0; i < ROWS(keep); i++)
		if (!strcmp(nat, keep[i]))
			return true;
	return false;
}

struct gen {
	struct cor_store *st;
	const struct cor_demo_opts *o;
	struct cor_demo_result *res;
	struct cor_rng rng;
	int32_t today;
	struct counter {
		const char *office;
		int year;
		long last;
	} counters[256]; /* the last case number per office and year */
	size_t ncounters;
};

/* The next case number of an office in a year; -1 when the table is full. */
static long next_number(struct gen *g, const char *office, int year)
{
	for (size_t i = 0; i < g->ncounters; i++)
		if (g->counters[i].year == year && !strcmp(g->counters[i].office, office))
			return ++g->counters[i].last;
	if (g->ncounters == ROWS(g->counters))
		return -1;
	g->counters[g->ncounters++] = (struct counter){office, year, 1};
	return 1;
}

static const char *pick(struct gen *g, const struct weighted *w, size_t n)
{
	unsigned weights[16];
	size_t k = 0;
	while (k < n && w[k].code)
		k++;
	for (size_t i = 0; i < k; i++)
		weights[i] = w[i].w;
	return w[cor_rng_weighted(&g->rng, weights, (int)k)].code;
}

static const struct cor_name *pick_name(struct gen *g, const struct cor_name *list, size_t n)
{
	return &list[cor_rng_below(&g->rng, (uint32_t)n)];
}

static void set_names(struct cor_person *p, const struct cor_name *given,
		      const struct cor_name *family)
{
	/* Table names are far shorter than the buffers (checked in test_demo). */
	strcpy(p->given_names_latin, given->latin);
	strcpy(p->family_name_latin, family->latin);
	strcpy(p->given_names, given->script ? given->script : given->latin);
	strcpy(p->family_name, family->script ? family->script : family->latin);
}

static void add_need(char *needs, const char *code)
{
	size_t n = strlen(needs);
	snprintf(needs + n, COR_NEEDS_MAX + 1 - n, "%s%s", n ? ";" : "", code);
}

/* A person of the household: age in years, sex, relationship. */
static void make_person(struct gen *g, struct cor_person *p, int seq, enum cor_relationship rel,
			char sex, int age, const char *nat, const struct cor_name *family)
{
	const struct cor_name_set *ns = cor_names_for(nat);
	memset(p, 0, sizeof(*p));
	p->seq = seq;
	p->relationship = rel;
	p->sex = sex;
	const struct cor_name *given = sex == 'F' ? pick_name(g, ns->female, ns->n_female)
						  : pick_name(g, ns->male, ns->n_male);
	set_names(p, given, family);
	int32_t born = g->today - age * 365 - (int32_t)cor_rng_below(&g->rng, 365);
	p->birth_date = cor_date_from_days(born);
	/* Many people do not know their exact date of birth: recorded as 1 January. */
	if (age >= 5 && cor_rng_chance(&g->rng, 0.12)) {
		p->birth_date.month = 1;
		p->birth_date.day = 1;
		p->birth_date_approx = true;
	}
	memcpy(p->nationality, nat, 4);
	/* Adults speak the first one or two languages of their country; children the first. */
	const char *langs = ns->languages;
	const char *semi = strchr(langs, ';');
	if (semi && (age < 12 || cor_rng_chance(&g->rng, 0.5)))
		snprintf(p->languages, sizeof(p->languages), "%.*s", (int)(semi - langs), langs);
	else if (semi) {
		const char *semi2 = strchr(semi + 1, ';');
		snprintf(p->languages, sizeof(p->languages), "%.*s",
			 semi2 ? (int)(semi2 - langs) : (int)strlen(langs), langs);
	} else {
		snprintf(p->languages, sizeof(p->languages), "%s", langs);
	}
}

/* Specific needs at rates in the range seen in operations. */
static void add_needs(struct gen *g, struct cor_person *p, int age, enum household hh,
		      bool single_parent, bool alone_child)
{
	struct cor_rng *r = &g->rng;
	if (alone_child)
		add_need(p->needs, cor_rng_chance(r, 0.7) ? "SC-UC" : "SC-SC");
	if (single_parent)
		add_need(p->needs, "SP");
	if (age < 18 && !alone_child && cor_rng_chance(r, 0.02))
		add_need(p->needs, "CR");
	if (p->sex == 'F' && age >= 18 && cor_rng_chance(r, hh == HH_REFUGEE ? 0.08 : 0.05))
		add_need(p->needs, cor_rng_chance(r, 0.5) ? "WR-WR" : "WR-SF");
	if (age >= 60 && cor_rng_chance(r, 0.35))
		add_need(p->needs, cor_rng_chance(r, 0.5) ? "ER-NF" : "ER-FR");
	if (cor_rng_chance(r, 0.03))
		add_need(p->needs, (const char *[]){"DS-PM", "DS-PS", "DS-BD", "DS-DF", "DS-MM"}
					   [cor_rng_below(r, 5)]);
	if (cor_rng_chance(r, age >= 50 ? 0.10 : 0.035))
		add_need(p->needs,
			 (const char *[]){"SM-CI", "SM-CI", "SM-CC", "SM-MI"}[cor_rng_below(r, 4)]);
	if (p->sex == 'F' && age >= 18 && age <= 44 && cor_rng_chance(r, 0.06))
		add_need(p->needs, "PG");
	if (age >= 18 && cor_rng_chance(r, hh == HH_MIGRANT ? 0.04 : 0.025))
		add_need(p->needs, "TR");
	if (age >= 15 && cor_rng_chance(r, p->sex == 'F' ? 0.06 : 0.01))
		add_need(p->needs,
			 (const char *[]){"SV-VA", "SV-VF", "SV-VO", "SV-FM"}[cor_rng_below(r, 4)]);
	if (age >= 18 && cor_rng_chance(r, hh == HH_MIGRANT ? 0.08 : 0.03))
		add_need(p->needs, hh == HH_MIGRANT ? "LP-DA" : "LP-RR");
}

/* The state a case has reached, as an index on its programme's path, or a
 * branch off it. */
struct progress {
	int step;           /* index on the path of the last state reached */
	const char *branch; /* NULL, or "ineligible", "on_hold", "rejected", "no_show" */
	int why;            /* which reason of the branch (see branch_reason) */
};

/* Reasons of the branches; their order matters to the records written with
 * them (an asylum wish opens a referral, a high protection risk stays). */
enum { HOLD_ASYLUM, HOLD_DECISION, HOLD_MEDICAL };
enum { INELIGIBLE_WITHDREW, INELIGIBLE_NO_DOCUMENT, INELIGIBLE_PROTECTION, INELIGIBLE_ASSISTED };

static size_t path_len(const struct cor_programme *p)
{
	size_t n = 0;
	while (p->path[n])
		n++;
	return n;
}

static int path_index(const struct cor_programme *p, const char *state)
{
	for (int i = 0; p->path[i]; i++)
		if (!strcmp(p->path[i], state))
			return i;
	return -1;
}

static const char *const reasons_ineligible_return[] = {
	[INELIGIBLE_WITHDREW] = "the person withdrew the request to return",
	[INELIGIBLE_NO_DOCUMENT] = "no travel document can be obtained from the consulate",
	[INELIGIBLE_PROTECTION] = "protection risk on return assessed high; return not possible",
	[INELIGIBLE_ASSISTED] = "already assisted under the programme in the last two years",
};
static const char *const reasons_ineligible_other[] = {
	"does not meet the criteria of the programme",
	"no travel document can be obtained",
	"withdrew from the process",
};
static const char *const reasons_hold[] = {
	[HOLD_ASYLUM] = "asylum wish recorded at counselling; referred to UNHCR",
	[HOLD_DECISION] = "informed decision pending: the person asked for more time",
	[HOLD_MEDICAL] = "medical treatment under way; travel deferred",
};
static const char *const reasons_rejected[] = {
	"not accepted by the receiving state after the selection interview",
	"security screening not cleared by the receiving state",
};
static const char *const reasons_noshow[] = {
	"did not report to the departure point",
	"could not reach the departure point in time",
	"fell ill on the day of departure",
};

/* The reasons a branch of programme p can have. */
static const char *const *branch_reasons(const struct cor_programme *p, const char *branch,
					 size_t *n)
{
#define LIST(a) (*n = ROWS(a), a)
	if (!strcmp(branch, "ineligible"))
		return p->is_return ? LIST(reasons_ineligible_return) : LIST(reasons_ineligible_other);
	if (!strcmp(branch, "on_hold"))
		return LIST(reasons_hold);
	if (!strcmp(branch, "rejected"))
		return LIST(reasons_rejected);
	return LIST(reasons_noshow);
#undef LIST
}

static struct progress pick_progress(struct gen *g, const struct cor_programme *p)
{
	struct progress pr = {0, NULL, 0};
	int n = (int)path_len(p);
	/* More cases early in the pipeline than late, and a large closed tail. */
	unsigned w[16];
	for (int i = 0; i < n; i++)
		w[i] = (unsigned)(i == n - 1 ? 18 : 14 - (i * 8) / n);
	pr.step = cor_rng_weighted(&g->rng, w, n);
	int assessed = path_index(p, "assessed");
	unsigned roll = cor_rng_below(&g->rng, 100);
	if (pr.step >= assessed && pr.step <= path_index(p, "eligible")) {
		if (roll < 6) {
			pr.step = assessed;
			pr.branch = "ineligible";
		} else if (roll < 14 && p->is_return) {
			pr.step = path_index(p, "counselled");
			pr.branch = "on_hold";
		}
	} else if (p->is_admission && pr.step == path_index(p, "interviewed") && roll < 20) {
		pr.branch = "rejected";
	} else if (pr.step == path_index(p, "booked") && roll < 8) {
		pr.branch = "no_show";
	}
	if (pr.branch) {
		size_t nreasons;
		branch_reasons(p, pr.branch, &nreasons);
		pr.why = (int)cor_rng_below(&g->rng, (uint32_t)nreasons);
	}
	return pr;
}

static const char *const actors[] = {
	"registration", "counsellor", "protection", "medical", "movement", "manager",
};

static const char *actor_for(const char *state)
{
	static const struct {
		const char *state;
		int actor;
	} map[] = {
		{"registered", 0}, {"counselled", 1}, {"assessed", 2}, {"eligible", 0},
		{"ineligible", 0}, {"on_hold", 2}, {"submitted", 0}, {"interviewed", 0},
		{"accepted", 0}, {"rejected", 0}, {"orientation", 1}, {"travel_ready", 3},
		{"booked", 4}, {"departed", 4}, {"no_show", 4}, {"arrived", 4},
		{"reintegration", 0}, {"integration", 0}, {"closed", 5},
	};
	for (size_t i = 0; i < ROWS(map); i++)
		if (!strcmp(map[i].state, state))
			return actors[map[i].actor];
	return actors[0];
}

/* The minute of the day at_of writes for a draw of 0..599. */
static int minute_of(int draw)
{
	return ((7 + draw / 60 % 10) % 24) * 60 + draw % 60;
}

static void at_of(char *buf, int32_t day, int minute)
{
	cor_date_format(cor_date_from_days(day), buf);
	snprintf(buf + 10, COR_TIME_LEN - 10, "T%02u:%02u:00Z", (unsigned)(7 + minute / 60 % 10) % 24,
		 (unsigned)minute % 60);
}

/* Who is in a case, for the records of its history. */
struct members {
	int64_t case_id;
	const struct cor_case *c;
	int n;
	int64_t pid[MAX_MEMBERS];
	char ref[MAX_MEMBERS][COR_PERSON_REF_MAX];
	char needs[MAX_MEMBERS][COR_NEEDS_MAX + 1];
	int age[MAX_MEMBERS];
	char language[4]; /* the principal applicant's first language */
	long fund_request; /* HASM: the request made at assessment, 0 when none */
};

static const char *const counsellors[] = {
	"A. Idris", "M. Diallo", "S. Haddad", "F. Osman", "K. Mensah", "L. Moreau", "H. Tesfaye",
	"N. Rahimi", "R. Okoro", "Y. Barre",
};
static const char *const doctors[] = {
	"Dr N. Haddad", "Dr A. Keita", "Dr S. Alemu", "Dr M. Farah", "Dr J. Ochieng", "Dr R. Saleh",
};

static bool has_need(const char *needs, const char *code)
{
	size_t n = strlen(code);
	for (const char *p = needs; (p = strstr(p, code)); p += n)
		if ((p == needs || p[-1] == ';') && (p[n] == '\0' || p[n] == ';' || p[n] == '-'))
			return true;
	return false;
}

/* A counselling session before the case moves on. */
static int counsel(struct gen *g, const struct members *h, int no, const char *at,
		   enum cor_counselling_decision decision, bool asylum_wish)
{
	struct cor_counselling s = {
		.counsellor = counsellors[cor_rng_below(&g->rng, ROWS(counsellors))],
		.language = h->language,
		.interpreter = strcmp(h->language, "en") && strcmp(h->language, "fr") &&
			       strcmp(h->language, "ar") && cor_rng_chance(&g->rng, 0.6),
		.decision = decision,
		.asylum_wish = asylum_wish,
	};
	g->res->events += 1 + asylum_wish;
	return cor_store_history_counselling(g->st, h->case_id, no, at, &s, "counsellor");
}

/* Protection risk of every person before a return is found eligible; a high
 * risk is cleared with a reason unless it made the case ineligible. */
static int assess_protection(struct gen *g, const struct members *h, const char *at,
			     bool high_stays)
{
	static const char *const grounds[] = {
		[COR_PROT_NONE] = "no risk factors identified at interview",
		[COR_PROT_LOW] = "general insecurity in the area of return; no individual risk",
		[COR_PROT_MEDIUM] = "family conflict reported in the area of return",
		[COR_PROT_HIGH] = "credible individual threat reported in the area of return",
	};
	static const unsigned weights[] = {70, 20, 8, 2};
	for (int i = 0; i < h->n; i++) {
		enum cor_protection_level l =
			high_stays && i == 0 ? COR_PROT_HIGH
					     : (enum cor_protection_level)cor_rng_weighted(&g->rng, weights, 4);
		/* Cleared at the same sitting: the history stays in time order. */
		bool clear = l == COR_PROT_HIGH && !(high_stays && i == 0);
		int err = cor_store_history_protection(
			g->st, h->case_id, h->pid[i], h->ref[i], l, grounds[l], at, "protection",
			clear ? at : NULL,
			"threat verified with the community; relocation within the country of "
			"return arranged");
		if (err < 0)
			return err;
		g->res->events += 1 + clear;
	}
	return 0;
}

/* Fitness to travel of every person before the case is travel-ready, with
 * the conditions their needs call for, and TB screening for the USA. */
static int check_fitness(struct gen *g, const struct members *h, int32_t day, int minute)
{
	for (int i = 0; i < h->n; i++) {
		const char *nd = h->needs[i];
		struct cor_health_check c = {.kind = COR_HEALTH_FITNESS};
		/* Examined at the time the case is found travel-ready. */
		c.at = (int64_t)day * 86400 + (int64_t)minute * 60;
		snprintf(c.examiner, sizeof(c.examiner), "%s",
			 doctors[cor_rng_below(&g->rng, ROWS(doctors))]);
		if (has_need(nd, "DS-PS"))
			c.conditions |= COR_HEALTH_COND_BIT(COR_HEALTH_WCHS);
		else if (has_need(nd, "DS-PM") || has_need(nd, "ER-FR"))
			c.conditions |= COR_HEALTH_COND_BIT(COR_HEALTH_WCHR);
		if (has_need(nd, "SM-CC"))
			c.conditions |= COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT);
		if (has_need(nd, "SM-DP") || has_need(nd, "DS-MS"))
			c.conditions |= COR_HEALTH_COND_BIT(COR_HEALTH_NON_MEDICAL_ESCORT);
		c.outcome = c.conditions ? COR_HEALTH_FIT_WITH_CONDITIONS : COR_HEALTH_FIT;
		if (!strcmp(h->c->programme, "RST") && !strcmp(h->c->destination, "USA") &&
		    h->age[i] >= 2) {
			static const unsigned tb[] = {0, 88, 0, 2, 1, 7, 2}; /* no A: it blocks travel */
			c.tb = (enum cor_health_tb)cor_rng_weighted(&g->rng, tb, (int)ROWS(tb));
		}
		int err = cor_store_history_health(g->st, h->case_id, h->pid[i], h->ref[i], &c,
						   "medical");
		if (err < 0)
			return err;
		g->res->events++;
	}
	return 0;
}

/* A stranded migrant's request to the fund, at assessment: the reason, the
 * help it pays for, an amount in the office's currency. */
static int request_help(struct gen *g, struct members *h, const char *at, int32_t day)
{
	static const struct {
		const char *reason, *kind;
		int lo, hi; /* XOF */
	} help[] = {
		{"lost_documents", "documents", 15000, 60000},
		{"destitution", "shelter", 20000, 100000},
		{"destitution", "food", 10000, 50000},
		{"accident_illness", "medical", 30000, 300000},
		{"abuse", "shelter", 30000, 120000},
		{"broken_promises", "transport", 50000, 250000},
		{"asylum_rejected", "transport", 50000, 250000},
		{"insecurity", "cash", 25000, 100000},
	};
	int i = (int)cor_rng_below(&g->rng, ROWS(help));
	int64_t xof = cor_rng_range(&g->rng, help[i].lo, help[i].hi) / 500 * 500;
	bool djibouti = !strncmp(h->c->office, "DJ", 2);
	/* Djibouti pays in its franc, worth about 3.4 CFA francs. */
	int64_t amount = djibouti ? xof * 10 / 34 / 100 * 100 : xof;
	return cor_store_history_fund_request(g->st, h->case_id, cor_date_from_days(day).year,
					      help[i].reason, help[i].kind, amount,
					      djibouti ? "DJF" : "XOF", at, "registration",
					      &h->fund_request);
}

/* Where people arrive, by destination; the country's name otherwise. */
static const char *arrival_place(const char *iso3)
{
	static const struct {
		const char *country, *place;
	} places[] = {
		{"AUS", "Sydney (SYD)"},      {"BDI", "Bujumbura (BJM)"},   {"BEL", "Brussels (BRU)"},
		{"BFA", "Ouagadougou (OUA)"}, {"BGD", "Dhaka (DAC)"},       {"CAN", "Toronto (YYZ)"},
		{"CIV", "Abidjan (ABJ)"},     {"CMR", "Douala (DLA)"},      {"COD", "Kinshasa (FIH)"},
		{"DEU", "Frankfurt (FRA)"},   {"ETH", "Addis Ababa (ADD)"}, {"FRA", "Paris (CDG)"},
		{"GBR", "London (LHR)"},      {"GHA", "Accra (ACC)"},       {"GIN", "Conakry (CKY)"},
		{"GMB", "Banjul (BJL)"},      {"IRQ", "Erbil (EBL)"},       {"ITA", "Rome (FCO)"},
		{"MLI", "Bamako (BKO)"},      {"NER", "Niamey (NIM)"},      {"NGA", "Lagos (LOS)"},
		{"NLD", "Amsterdam (AMS)"},   {"NOR", "Oslo (OSL)"},        {"SDN", "Port Sudan (PZU)"},
		{"SEN", "Dakar (DSS)"},       {"SOM", "Mogadishu (MGQ)"},   {"SSD", "Juba (JUB)"},
		{"SWE", "Stockholm (ARN)"},   {"TCD", "N'Djamena (NDJ)"},   {"USA", "New York (JFK)"},
	};
	for (size_t i = 0; i < ROWS(places); i++)
		if (!strcmp(places[i].country, iso3))
			return places[i].place;
	const char *name = cor_country_name(iso3);
	return name ? name : iso3;
}

/* The assistance planned when support begins; delivered at once when the
 * case goes on to be closed, else the first item only, half the time. */
static int plan_support(struct gen *g, const struct members *h, const struct cor_programme *p,
			const char *at, bool closing)
{
	static const struct {
		enum cor_support_kind kind;
		const char *what;
	} returns[] = {
		{COR_SUPPORT_BUSINESS, "small business start-up kit"},
		{COR_SUPPORT_IN_KIND, "household and tools kit"},
		{COR_SUPPORT_EDUCATION, "vocational training"},
		{COR_SUPPORT_MEDICAL, "referral to the district hospital"},
		{COR_SUPPORT_PSYCHOSOCIAL, "psychosocial counselling sessions"},
	},
	  admissions[] = {
		{COR_SUPPORT_HOUSING, "first three months of rent"},
		{COR_SUPPORT_EDUCATION, "language course"},
		{COR_SUPPORT_REFERRAL, "referral to employment services"},
		{COR_SUPPORT_IN_KIND, "household starter kit"},
	};
	int err, no = 1;
	bool first_done = closing || cor_rng_chance(&g->rng, 0.5);
	if (p->is_return) {
		int64_t usd = (int64_t)cor_rng_range(&g->rng, 6, 30) * 5000; /* 300-1,500 USD */
		if ((err = cor_store_history_support_item(g->st, h->case_id, no++, COR_SUPPORT_CASH,
							  "reinsertion grant", usd, "USD", at,
							  first_done ? at : NULL, "registration")) < 0)
			return err;
		int k = (int)cor_rng_below(&g->rng, ROWS(returns));
		g->res->events += 1 + first_done + 1 + closing;
		return cor_store_history_support_item(g->st, h->case_id, no, returns[k].kind,
						      returns[k].what, 0, "", at, closing ? at : NULL,
						      "registration");
	}
	int n = cor_rng_range(&g->rng, 1, 3);
	for (int i = 0; i < n; i++, no++) {
		bool done = closing || (i == 0 && first_done);
		if ((err = cor_store_history_support_item(g->st, h->case_id, no, admissions[i].kind,
							  admissions[i].what, 0, "", at,
							  done ? at : NULL, "registration")) < 0)
			return err;
		g->res->events += 1 + done;
	}
	return 0;
}

/* The records a step needs before the case takes it: a counselling session
 * before 'counselled' (and the one that puts it on hold), every person's
 * protection risk (and the clearance of a high one) before 'assessed',
 * fitness to travel before 'travel_ready'. */
static int records_for(struct gen *g, struct members *h, const struct cor_programme *p,
		       struct progress pr, const char *state, const char *at, int32_t day,
		       int minute)
{
	bool protect = p->is_return || !strcmp(p->code, "HASM");
	bool branch = pr.branch && state == pr.branch;
	if (!strcmp(state, "counselled"))
		return counsel(g, h, 1, at, COR_COUNSEL_YES, false);
	if (branch && !strcmp(state, "on_hold") && pr.why != HOLD_MEDICAL)
		return counsel(g, h, 2, at,
			       pr.why == HOLD_ASYLUM ? COR_COUNSEL_YES : COR_COUNSEL_UNDECIDED,
			       pr.why == HOLD_ASYLUM);
	bool hasm = !strcmp(p->code, "HASM");
	int err;
	if (!strcmp(state, "assessed") && protect) {
		err = assess_protection(g, h, at,
					pr.branch && !strcmp(pr.branch, "ineligible") &&
						p->is_return && pr.why == INELIGIBLE_PROTECTION);
		if (err < 0 || !hasm)
			return err;
		g->res->events++;
		return request_help(g, h, at, day);
	}
	if (hasm && h->fund_request && !strcmp(state, "eligible")) {
		g->res->events++;
		return cor_store_history_fund_approve(g->st, h->case_id, h->fund_request, at, "manager");
	}
	if (hasm && h->fund_request && !strcmp(state, "travel_ready")) {
		g->res->events++;
		if ((err = cor_store_history_fund_pay(g->st, h->case_id, h->fund_request, at,
						      "registration")) < 0)
			return err;
	}
	if (!strcmp(state, "travel_ready"))
		return check_fitness(g, h, day, minute);
	if (!strcmp(state, "arrived")) {
		g->res->events++;
		return cor_store_history_arrival(g->st, h->case_id, at,
						 arrival_place(h->c->destination), "movement");
	}
	const char *support = cor_support_state(p);
	if (support && !strcmp(state, support))
		return plan_support(g, h, p, at, pr.step > path_index(p, support) && !pr.branch);
	if (support && !strcmp(state, "closed") && pr.step == path_index(p, "closed")) {
		static const char *const findings[] = {
			"living with family; income from the business",
			"working as a day labourer; children back at school",
			"settled in a rented flat; attending the course",
			"employed; no further support needed",
		};
		g->res->events += 2;
		if ((err = cor_store_history_support_visit(
			     g->st, h->case_id, 1, at, counsellors[cor_rng_below(&g->rng, ROWS(counsellors))],
			     findings[cor_rng_below(&g->rng, ROWS(findings))], "registration")) < 0)
			return err;
		struct cor_event e = {.actor = "registration", .action = "support",
				      .detail = "support closed", .reason = "support completed"};
		snprintf(e.at, sizeof(e.at), "%s", at);
		return cor_store_event_add(g->st, h->case_id, &e);
	}
	return 0;
}

/* Write the case's history from registration to its current state, with the
 * records each step needs, in the order they happened. */
static int write_history(struct gen *g, struct members *h, const struct cor_programme *p,
			 struct progress pr, int32_t registered)
{
	struct cor_event e = {.reason = ""};
	char detail[128];
	int steps = pr.step + (pr.branch != NULL);
	int32_t span = g->today - registered;
	int err;
	/* A case waiting to travel (travel-ready or booked) was found fit in the
	 * last days: its last steps are yesterday and today, so its fitness to
	 * travel is still valid for the queue. */
	int ready = path_index(p, "travel_ready");
	bool waiting = !pr.branch && ready >= 0 && pr.step >= ready &&
		       pr.step <= path_index(p, "booked");
	int32_t last_day = -1;
	int last_minute = -1;
	for (int i = 0; i <= steps; i++) {
		const char *state = i <= pr.step ? p->path[i] : pr.branch;
		int32_t day = registered + (steps ? (int32_t)((int64_t)span * i / (steps + 1)) : 0);
		if (waiting && i >= ready && day < g->today - (steps - i))
			day = g->today - (steps - i);
		int minute = (int)cor_rng_below(&g->rng, 600);
		/* Steps on one day happen one after the other. */
		if (day == last_day && minute <= last_minute)
			minute = last_minute < 599 ? last_minute + 1 : 599;
		last_day = day;
		last_minute = minute;
		at_of(e.at, day, minute);
		if ((err = records_for(g, h, p, pr, state, e.at, day, minute_of(minute))) < 0)
			return err;
		e.actor = actor_for(state);
		e.reason = "";
		if (i == 0) {
			e.action = "registered";
			snprintf(detail, sizeof(detail), "case registered with %d person%s", h->n,
				 h->n == 1 ? "" : "s");
		} else {
			e.action = "state";
			snprintf(detail, sizeof(detail), "%s -> %s",
				 i - 1 <= pr.step ? p->path[i - 1] : pr.branch, state);
			if (state == pr.branch) {
				size_t n;
				e.reason = branch_reasons(p, state, &n)[pr.why];
			}
		}
		e.detail = detail;
		if ((err = cor_store_event_add(g->st, h->case_id, &e)) < 0)
			return err;
		g->res->events++;
	}
	return 0;
}

static void doc_number(struct gen *g, char *buf, enum cor_doc_kind kind)
{
	static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
	switch (kind) {
	case COR_DOC_ETD:
		snprintf(buf, COR_DOCNO_MAX + 1, "E%08u", cor_rng_below(&g->rng, 100000000));
		break;
	case COR_DOC_LAISSEZ_PASSER:
		snprintf(buf, COR_DOCNO_MAX + 1, "LP%07u", cor_rng_below(&g->rng, 10000000));
		break;
	default:
		snprintf(buf, COR_DOCNO_MAX + 1, "%c%c%07u", letters[cor_rng_below(&g->rng, 23)],
			 letters[cor_rng_below(&g->rng, 23)], cor_rng_below(&g->rng, 10000000));
	}
}

/* The travel document a person holds at this point of the case, if any. */
static bool make_document(struct gen *g, struct cor_document *d, const struct cor_programme *p,
			  const struct cor_person *person, const char *nat, const char *origin,
			  bool ready)
{
	struct cor_rng *r = &g->rng;
	memset(d, 0, sizeof(*d));
	bool refugee = p->is_admission || !strcmp(p->code, "REP");
	double has_passport = refugee ? 0.35 : p->is_return ? 0.30 : 0.45;
	if (cor_rng_chance(r, has_passport)) {
		d->kind = COR_DOC_PASSPORT;
		snprintf(d->issuer, sizeof(d->issuer), "%s", nat);
		/* Issued some years ago for 5 or 10 years: some expired, some expiring. */
		int32_t issued = g->today - (int32_t)cor_rng_below(r, 9 * 365);
		int32_t expires = issued + (cor_rng_chance(r, 0.5) ? 5 : 10) * 365;
		if (ready && expires < g->today + 200)
			expires = g->today + 200 + (int32_t)cor_rng_below(r, 2000);
		d->expires_on = cor_date_from_days(expires);
		d->has_expiry = true;
	} else if (ready) {
		/* Travel-ready people without a passport get a one-way document. */
		d->kind = refugee ? COR_DOC_LAISSEZ_PASSER : COR_DOC_ETD;
		/* A laissez-passer comes from the country of asylum; an emergency
		 * travel document from the person's own consulate. */
		snprintf(d->issuer, sizeof(d->issuer), "%s", refugee ? origin : nat);
		d->expires_on = cor_date_from_days(g->today + 30 + (int32_t)cor_rng_below(r, 150));
		d->has_expiry = true;
	} else if (cor_rng_chance(r, 0.25)) {
		d->kind = COR_DOC_ID_CARD;
		snprintf(d->issuer, sizeof(d->issuer), "%s", nat);
		d->expires_on = cor_date_from_days(g->today + (int32_t)cor_rng_below(r, 3650) - 900);
		d->has_expiry = true;
	} else {
		return false;
	}
	if (person->birth_date.year && cor_date_cmp(d->expires_on, person->birth_date) <= 0)
		d->expires_on = cor_date_from_days(cor_date_to_days(person->birth_date) + 5 * 365);
	doc_number(g, d->number, d->kind);
	return true;
}

/* One household: sizes, ages and sexes by the household kind. */
static int household_size(struct gen *g, enum household hh)
{
	static const unsigned migrant[] = {0, 78, 8, 6, 4, 3, 1};
	static const unsigned refugee[] = {0, 14, 12, 15, 17, 15, 11, 7, 4, 3, 2};
	static const unsigned evacuee[] = {0, 45, 15, 15, 12, 8, 5};
	switch (hh) {
	case HH_MIGRANT:
		return cor_rng_weighted(&g->rng, migrant, ROWS(migrant));
	case HH_REFUGEE:
		return cor_rng_weighted(&g->rng, refugee, ROWS(refugee));
	default:
		return cor_rng_weighted(&g->rng, evacuee, ROWS(evacuee));
	}
}

static int make_case(struct gen *g, const struct operation *op, size_t opi, int size)
{
	struct cor_rng *r = &g->rng;
	const struct cor_programme *prog = cor_programme_find(op->programme);
	const char *nat = pick(g, op->nat, ROWS(op->nat));
	const char *dest = pick(g, op->dest, ROWS(op->dest));
	struct progress pr = pick_progress(g, prog);
	int n = (int)path_len(prog);
	unsigned roll = cor_rng_below(r, 100);
	enum cor_priority priority = roll < op->emergency_pct ? COR_PRIO_EMERGENCY
				     : roll < op->emergency_pct + op->urgent_pct ? COR_PRIO_URGENT
										 : COR_PRIO_NORMAL;
	/* Later steps were registered longer ago: up to ~2 years for closed cases.
	 * Emergency and urgent cases still waiting to leave move fast: they were
	 * registered within days or weeks. */
	bool waiting = pr.step < path_index(prog, "departed");
	int32_t age_days;
	if (waiting && priority == COR_PRIO_EMERGENCY)
		age_days = 1 + pr.step + (int32_t)cor_rng_below(r, 3);
	else if (waiting && priority == COR_PRIO_URGENT)
		age_days = 3 + 3 * pr.step + (int32_t)cor_rng_below(r, (uint32_t)(5 + 3 * pr.step));
	else
		age_days = 3 + pr.step * 25 + (int32_t)cor_rng_below(r, (uint32_t)(20 + pr.step * 40));
	if (pr.step == n - 1)
		age_days += (int32_t)cor_rng_below(r, 365);
	int32_t registered = g->today - age_days;
	struct cor_case c = {0};
	struct cor_date reg = cor_date_from_days(registered);
	long number = next_number(g, op->office, reg.year);
	if (number < 0)
		return COR_ENOMEM;
	cor_case_ref_format(c.ref, sizeof(c.ref), op->office, reg.year, number);
	snprintf(c.programme, sizeof(c.programme), "%s", op->programme);
	snprintf(c.office, sizeof(c.office), "%s", op->office);
	snprintf(c.origin, sizeof(c.origin), "%s", office_country(op->office));
	snprintf(c.destination, sizeof(c.destination), "%s", *dest ? dest : nat);
	const char *state = pr.branch ? pr.branch : prog->path[pr.step];
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = priority;
	c.registered_on = reg;

	int64_t case_id;
	int err = cor_store_case_add(g->st, &c, &case_id);
	if (err < 0)
		return err;
	g->res->cases++;
	bool ready = pr.step >= path_index(prog, "travel_ready") && !pr.branch;
	if (pr.branch && !strcmp(pr.branch, "no_show"))
		ready = true;

	/* The household. */
	struct members m = {.case_id = case_id, .c = &c, .n = 0};
	const struct cor_name_set *ns = cor_names_for(nat);
	const struct cor_name *family = pick_name(g, ns->family, ns->n_family);
	bool alone_child = size == 1 && op->household != HH_REFUGEE && cor_rng_chance(r, 0.06);
	bool male_pa = op->household == HH_MIGRANT ? cor_rng_chance(r, size == 1 ? 0.88 : 0.8)
						   : cor_rng_chance(r, 0.65);
	int pa_age = alone_child ? cor_rng_range(r, 14, 17)
		     : op->household == HH_MIGRANT ? cor_rng_range(r, 18, 42)
						   : cor_rng_range(r, 22, 58);
	bool spouse = size >= 2 && cor_rng_chance(r, male_pa ? 0.85 : 0.45);
	bool elder = size >= 4 && op->household == HH_REFUGEE && cor_rng_chance(r, 0.2);
	bool single_parent = !spouse && size >= 2;
	for (int i = 1; i <= size; i++) {
		struct cor_person p;
		enum cor_relationship rel;
		char sex;
		int age;
		const struct cor_name *fam = family;
		if (i == 1) {
			rel = COR_REL_PRINCIPAL;
			sex = male_pa ? 'M' : 'F';
			age = pa_age;
		} else if (i == 2 && spouse) {
			rel = COR_REL_SPOUSE;
			sex = male_pa ? 'F' : 'M';
			age = pa_age + cor_rng_range(r, male_pa ? -10 : -2, male_pa ? 2 : 10);
			if (age < 18)
				age = 18;
			if (spouse_keeps_name(nat) || cor_rng_chance(r, 0.3))
				fam = pick_name(g, ns->family, ns->n_family);
		} else if (i == size && elder) {
			rel = COR_REL_PARENT;
			sex = cor_rng_chance(r, 0.6) ? 'F' : 'M';
			age = pa_age + cor_rng_range(r, 20, 32);
			fam = pick_name(g, ns->family, ns->n_family);
		} else if (pa_age >= 20) {
			rel = cor_rng_chance(r, 0.94) ? COR_REL_CHILD : COR_REL_OTHER_RELATIVE;
			sex = cor_rng_chance(r, 0.5) ? 'F' : 'M';
			int max_age = pa_age - 17 < 17 ? pa_age - 17 : 17;
			age = cor_rng_range(r, 0, max_age < 0 ? 0 : max_age);
		} else {
			rel = COR_REL_SIBLING;
			sex = cor_rng_chance(r, 0.5) ? 'F' : 'M';
			age = cor_rng_range(r, 5, 17);
		}
		make_person(g, &p, i, rel, sex, age, nat, fam);
		add_needs(g, &p, age, op->household, i == 1 && single_parent, i == 1 && alone_child);
		int64_t pid;
		if ((err = cor_store_person_add(g->st, case_id, &p, &pid)) < 0)
			return err;
		m.pid[m.n] = pid;
		cor_person_ref_format(m.ref[m.n], sizeof(m.ref[0]), c.ref, i);
		memcpy(m.needs[m.n], p.needs, sizeof(p.needs));
		m.age[m.n++] = age;
		if (i == 1)
			snprintf(m.language, sizeof(m.language), "%.*s", (int)strcspn(p.languages, ";"),
				 p.languages);
		g->res->persons++;
		struct cor_document d;
		if (make_document(g, &d, prog, &p, nat, c.origin, ready)) {
			if ((err = cor_store_document_add(g->st, pid, &d)) < 0)
				return err;
			g->res->documents++;
		}
	}
	return write_history(g, &m, prog, pr, registered);
}

int cor_demo_generate(struct cor_store *st, const struct cor_demo_opts *o,
		      struct cor_demo_result *res, char *msg, size_t msglen)
{
	struct gen g = {.st = st, .o = o, .res = res};
	struct cor_progress prog;
	unsigned weights[ROWS(ops)];
	int64_t last;
	int err;

	memset(res, 0, sizeof(*res));
	cor_progress_init(&prog, "generating", "persons", o->people);
	if ((err = cor_store_case_last_id(st, &last)) < 0)
		goto store_fail;
	if (last > 0) {
		snprintf(msg, msglen,
			 "the database already holds cases; demo data goes only into a new database "
			 "(give another --db)");
		return COR_EEXIST;
	}
	cor_rng_seed(&g.rng, o->seed);
	g.today = cor_date_to_days(o->today);
	for (size_t i = 0; i < ROWS(ops); i++)
		weights[i] = ops[i].share;
	if ((err = cor_store_begin(st)) < 0)
		goto store_fail;
	long in_batch = 0;
	while (res->persons < o->people) {
		int opi = cor_rng_weighted(&g.rng, weights, (int)ROWS(ops));
		int size = household_size(&g, ops[opi].household);
		if (size > o->people - res->persons)
			size = (int)(o->people - res->persons);
		if ((err = make_case(&g, &ops[opi], (size_t)opi, size)) < 0)
			goto store_fail;
		if (++in_batch == BATCH_CASES) {
			if ((err = cor_store_commit(st)) < 0 || (err = cor_store_begin(st)) < 0)
				goto store_fail;
			in_batch = 0;
		}
		cor_progress_update(&prog, res->persons);
	}
	/* Budgets that cover what the offices approved. */
	char at[COR_TIME_LEN];
	cor_date_format(o->today, at);
	snprintf(at + 10, sizeof(at) - 10, "T00:00:00Z");
	if ((err = cor_store_history_fund_budgets(st, at, "manager")) < 0 ||
	    (err = cor_store_commit(st)) < 0)
		goto store_fail;
	cor_progress_end(&prog);
	return 0;
store_fail:
	cor_progress_end(&prog);
	snprintf(msg, msglen, "%s", cor_store_errmsg(st));
	cor_store_rollback(st);
	return err;
}

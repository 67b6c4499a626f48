// SPDX-License-Identifier: Apache-2.0
// The demo caseload generator. Operations are rows in a table: programme,
// office, who is assisted (nationalities with weights), where they go, how
// households look, how urgent they are. Everything random comes from one
// seeded generator, so the same options give the same database. Persons are
// streamed into the store in batches: memory does not grow with size.
#include "demo/demo.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/names_data.h"
#include "domain/country.h"
#include "domain/support.h"
#include "store/store_numbers.h"
#include "store/store_history.h"
#include "store/store_movement.h"
#include "store/store_plan.h"
#include "util/error.h"
#include "util/progress.h"
#include "util/rng.h"

#define ROWS(a)     (sizeof(a) / sizeof((a)[0]))
#define MAX_MEMBERS 10 /* the largest household household_size() draws */

struct weighted {
	const char *code;
	unsigned w;
};

enum household {
	HH_MIGRANT, /* mostly single young men, some families: returns, stranded */
	HH_REFUGEE, /* families, often large, with elders: resettlement, repatriation */
	HH_EVACUEE, /* mixed */
};

struct operation {
	const char *programme;
	const char *office;
	unsigned share; /* relative share of all persons */
	enum household household;
	/* nationality -> destination: "" means the person's own country */
	struct weighted nat[12];
	struct weighted dest[14];
	unsigned urgent_pct, emergency_pct;
};

/* The shape of the caseload: shares roughly follow recent operations. */
static const struct operation ops[] = {
	{"VHR",
	 "LY-TIP",
	 150,
	 HH_MIGRANT,
	 {{"NGA", 24},
	  {"NER", 14},
	  {"MLI", 10},
	  {"GIN", 10},
	  {"GMB", 8},
	  {"SEN", 8},
	  {"SDN", 7},
	  {"TCD", 5},
	  {"GHA", 5},
	  {"CIV", 5},
	  {"BGD", 4}},
	 {{"", 1}},
	 10,
	 2},
	{"VHR",
	 "LY-BEN",
	 90,
	 HH_MIGRANT,
	 {{"SDN", 20},
	  {"TCD", 15},
	  {"NGA", 15},
	  {"NER", 15},
	  {"BGD", 12},
	  {"EGY", 10},
	  {"GHA", 6},
	  {"MLI", 7}},
	 {{"", 1}},
	 10,
	 2},
	{"VHR",
	 "LY-SEB",
	 60,
	 HH_MIGRANT,
	 {{"NER", 35}, {"NGA", 20}, {"TCD", 15}, {"MLI", 10}, {"GHA", 8}, {"SDN", 7}, {"BFA", 5}},
	 {{"", 1}},
	 12,
	 3},
	{"VHR", "YE-ADE", 80, HH_MIGRANT, {{"ETH", 88}, {"SOM", 12}}, {{"", 1}}, 15, 3},
	{"HEV",
	 "SD-PZU",
	 50,
	 HH_EVACUEE,
	 {{"ETH", 25}, {"SSD", 20}, {"NGA", 15}, {"TCD", 15}, {"UGA", 10}, {"KEN", 10}, {"PAK", 5}},
	 {{"", 1}},
	 35,
	 55},
	{"HEV",
	 "LB-BEY",
	 20,
	 HH_EVACUEE,
	 {{"SYR", 40}, {"ETH", 25}, {"SDN", 20}, {"BGD", 15}},
	 {{"", 1}},
	 30,
	 60},
	{"RST",
	 "TR-IST",
	 55,
	 HH_REFUGEE,
	 {{"SYR", 70}, {"AFG", 15}, {"IRQ", 10}, {"IRN", 5}},
	 {{"USA", 25},
	  {"CAN", 20},
	  {"DEU", 12},
	  {"SWE", 10},
	  {"NOR", 8},
	  {"NLD", 6},
	  {"FRA", 6},
	  {"GBR", 5},
	  {"FIN", 4},
	  {"AUS", 4}},
	 12,
	 3},
	{"RST",
	 "TR-GZT",
	 35,
	 HH_REFUGEE,
	 {{"SYR", 90}, {"IRQ", 10}},
	 {{"USA", 20},
	  {"CAN", 20},
	  {"DEU", 15},
	  {"SWE", 10},
	  {"NOR", 10},
	  {"NLD", 10},
	  {"GBR", 15}},
	 12,
	 3},
	{"RST",
	 "LB-BEY",
	 45,
	 HH_REFUGEE,
	 {{"SYR", 92}, {"IRQ", 5}, {"SDN", 3}},
	 {{"CAN", 25},
	  {"GBR", 15},
	  {"FRA", 15},
	  {"DEU", 10},
	  {"NOR", 10},
	  {"SWE", 10},
	  {"IRL", 5},
	  {"AUS", 5},
	  {"USA", 5}},
	 15,
	 4},
	{"RST",
	 "JO-AMM",
	 35,
	 HH_REFUGEE,
	 {{"SYR", 80}, {"IRQ", 15}, {"SDN", 3}, {"YEM", 2}},
	 {{"USA", 30}, {"CAN", 25}, {"AUS", 15}, {"GBR", 10}, {"DEU", 10}, {"NZL", 10}},
	 12,
	 3},
	{"RST",
	 "KE-NBO",
	 40,
	 HH_REFUGEE,
	 {{"SOM", 40}, {"SSD", 25}, {"COD", 20}, {"ETH", 10}, {"BDI", 5}},
	 {{"USA", 45}, {"CAN", 20}, {"AUS", 15}, {"SWE", 10}, {"NOR", 5}, {"FIN", 5}},
	 10,
	 2},
	{"RST",
	 "UG-KLA",
	 30,
	 HH_REFUGEE,
	 {{"COD", 50}, {"SSD", 35}, {"BDI", 15}},
	 {{"USA", 50}, {"CAN", 20}, {"AUS", 15}, {"NOR", 10}, {"SWE", 5}},
	 10,
	 2},
	{"RST",
	 "TZ-DAR",
	 15,
	 HH_REFUGEE,
	 {{"BDI", 55}, {"COD", 45}},
	 {{"USA", 70}, {"CAN", 20}, {"AUS", 10}},
	 8,
	 2},
	{"RST",
	 "EG-CAI",
	 30,
	 HH_REFUGEE,
	 {{"SDN", 45}, {"SYR", 25}, {"ERI", 15}, {"SSD", 10}, {"YEM", 5}},
	 {{"USA", 30}, {"CAN", 25}, {"AUS", 15}, {"SWE", 10}, {"NLD", 10}, {"FRA", 10}},
	 12,
	 3},
	{"RST",
	 "ET-ADD",
	 20,
	 HH_REFUGEE,
	 {{"ERI", 50}, {"SSD", 30}, {"SOM", 20}},
	 {{"USA", 40}, {"CAN", 30}, {"AUS", 10}, {"SWE", 10}, {"NOR", 10}},
	 10,
	 2},
	{"RST",
	 "PK-ISB",
	 25,
	 HH_REFUGEE,
	 {{"AFG", 100}},
	 {{"USA", 40}, {"CAN", 25}, {"DEU", 20}, {"GBR", 10}, {"AUS", 5}},
	 20,
	 5},
	{"CPW",
	 "AF-KBL",
	 20,
	 HH_REFUGEE,
	 {{"AFG", 100}},
	 {{"DEU", 60}, {"CAN", 20}, {"ITA", 10}, {"ESP", 10}},
	 25,
	 10},
	{"CPW",
	 "LB-BEY",
	 12,
	 HH_REFUGEE,
	 {{"SYR", 100}},
	 {{"ITA", 50}, {"FRA", 20}, {"BEL", 15}, {"CAN", 15}},
	 10,
	 2},
	{"CPW",
	 "JO-AMM",
	 8,
	 HH_REFUGEE,
	 {{"SYR", 70}, {"IRQ", 30}},
	 {{"CAN", 60}, {"DEU", 20}, {"GBR", 20}},
	 8,
	 2},
	{"REL",
	 "IT-ROM",
	 25,
	 HH_REFUGEE,
	 {{"ERI", 45}, {"SYR", 30}, {"SDN", 15}, {"IRQ", 10}},
	 {{"DEU", 25},
	  {"FRA", 20},
	  {"NLD", 10},
	  {"FIN", 8},
	  {"PRT", 8},
	  {"ESP", 8},
	  {"BEL", 6},
	  {"IRL", 5},
	  {"LUX", 5},
	  {"ROU", 5}},
	 5,
	 1},
	{"REL",
	 "GR-ATH",
	 25,
	 HH_REFUGEE,
	 {{"SYR", 60}, {"IRQ", 20}, {"AFG", 15}, {"ERI", 5}},
	 {{"DEU", 25},
	  {"FRA", 20},
	  {"NLD", 10},
	  {"PRT", 10},
	  {"FIN", 8},
	  {"ESP", 7},
	  {"IRL", 5},
	  {"LTU", 5},
	  {"ROU", 5},
	  {"BEL", 5}},
	 5,
	 1},
	{"AVR",
	 "DE-BER",
	 30,
	 HH_MIGRANT,
	 {{"IRQ", 25},
	  {"AFG", 10},
	  {"NGA", 15},
	  {"PAK", 15},
	  {"IRN", 10},
	  {"UKR", 10},
	  {"MAR", 15}},
	 {{"", 1}},
	 5,
	 1},
	{"AVR",
	 "BE-BRU",
	 15,
	 HH_MIGRANT,
	 {{"CMR", 25}, {"GIN", 25}, {"CIV", 20}, {"MAR", 20}, {"COD", 10}},
	 {{"", 1}},
	 5,
	 1},
	{"AVR",
	 "MA-RBA",
	 25,
	 HH_MIGRANT,
	 {{"GIN", 25}, {"CIV", 20}, {"SEN", 15}, {"MLI", 15}, {"CMR", 15}, {"BFA", 10}},
	 {{"", 1}},
	 8,
	 1},
	{"HASM",
	 "NE-AJY",
	 35,
	 HH_MIGRANT,
	 {{"NGA", 25},
	  {"MLI", 20},
	  {"GIN", 15},
	  {"CMR", 10},
	  {"BFA", 10},
	  {"SEN", 10},
	  {"CIV", 5},
	  {"GHA", 5}},
	 {{"", 1}},
	 20,
	 5},
	{"HASM",
	 "NE-NIM",
	 15,
	 HH_MIGRANT,
	 {{"NGA", 30}, {"MLI", 25}, {"GIN", 20}, {"BFA", 25}},
	 {{"", 1}},
	 15,
	 3},
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

/* ---- movements ---------------------------------------------------------
 * Cases that reach 'booked' travel on movements. Each operation has a route
 * per destination country: from its office's airport (or port, or town) to
 * an airport of the country, by charter for returns and evacuations, by
 * scheduled flights with block seats (through a hub when there is no direct
 * flight) for resettlement, pathways, relocation and returns from Europe, by
 * vessel or convoy where people go by sea or by land. A route departs on a
 * timetable (every few days, as often as its volume needs); a case takes the
 * route's departure on or before the day its history reaches it, and when
 * that movement is full for it another one leaves the same day. Movements are
 * kept in memory, numbered when first used (their bookings name them), and
 * written at the end with their history. Routes need seeded places: a
 * country without one is not served, and its cases stop before 'booked'. */

#define MAX_PLACES   256
#define MAX_ROUTES   512
#define ROUTE_DESTS  4
#define DEPART_SHARE 0.38 /* persons who reach departure, roughly */
#define DEPART_DAYS  450  /* the span their departures spread over, roughly */
#define CHARTER_LOAD 145  /* persons on a charter of 150-200 seats filled to 74-92% */
#define MAX_INTERVAL 180  /* days between departures of a route, at most */

struct place_row {
	char code[6], name[COR_PLACE_NAME_MAX + 1], country[4];
};

struct route {
	size_t opi;
	char country[4];
	enum cor_movement_kind kind;
	char from[6];
	char hubs[2][6];
	int nhubs;
	char to[ROUTE_DESTS][6];
	int nto;
	const char *carrier; /* charters */
	int interval, phase; /* departs on the days d with (d + phase) % interval == 0 */
	int minute;          /* the usual departure, minutes after 0:00 UTC */
	long waiting;        /* travel-ready persons waiting for it */
	int filling;         /* the past movement being filled, + 1; 0 before the first */
	int past;            /* its past departures so far */
	int per_departure;   /* persons a past departure takes at most: the volume of an interval */
};

/* Kinds of departure of a route on a day. */
enum slot {
	SLOT_ARRIVED,  /* gone and arrived: its cases arrived */
	SLOT_DEPARTED, /* gone today, arrival not recorded yet: its cases are 'departed' */
	SLOT_OPEN,     /* tomorrow, open, with the cases booked today */
	SLOT_SPARE,    /* open in the next days with free seats, or planned, or cancelled */
};

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
	struct counter mv_counters[256]; /* the last movement number per office and year */
	size_t nmv_counters;
	struct counter convoys[64]; /* the last convoy number per office */
	size_t nconvoys;
	struct place_row places[MAX_PLACES];
	size_t nplaces;
	struct route routes[MAX_ROUTES]; /* by operation, then destination */
	size_t nroutes;
	size_t op_routes[ROWS(ops)]; /* the first route of each operation */
	struct mv *mvs;              /* every movement, in the order they were first used */
	size_t nmvs, cap_mvs;
	uint32_t *slots; /* open addressing: route, day, slot -> its latest movement + 1 */
	size_t nslots;
	struct cor_plan_located *located; /* the cases at an assembly point */
	size_t nlocated, cap_located;
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
			char sex, int age, const char *nat, const struct cor_name *family,
			int32_t registered)
{
	const struct cor_name_set *ns = cor_names_for(nat);
	memset(p, 0, sizeof(*p));
	p->seq = seq;
	p->relationship = rel;
	p->sex = sex;
	const struct cor_name *given = sex == 'F' ? pick_name(g, ns->female, ns->n_female)
						  : pick_name(g, ns->male, ns->n_male);
	set_names(p, given, family);
	/* Age in whole years on the day the case was registered: born on or
	 * before that day, a year less a day before at most. */
	struct cor_date on = cor_date_from_days(registered);
	struct cor_date anniversary = {on.year - age, on.month,
				       on.month == 2 && on.day == 29 ? 28 : on.day};
	p->birth_date = cor_date_from_days(cor_date_to_days(anniversary) -
					   (int32_t)cor_rng_below(&g->rng, 365));
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
		add_need(p->needs, (const char *[]){"DS-PM", "DS-PS", "DS-BD", "DS-DF",
						    "DS-MM"}[cor_rng_below(r, 5)]);
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
	int step;                      /* index on the path of the last state reached */
	const char *branch;            /* NULL, or "ineligible", "on_hold", "rejected", "no_show" */
	int why;                       /* which reason of the branch (see branch_reason) */
	int32_t support_on, closed_on; /* after departure: the days of those steps */
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
		return p->is_return ? LIST(reasons_ineligible_return)
				    : LIST(reasons_ineligible_other);
	if (!strcmp(branch, "on_hold"))
		return LIST(reasons_hold);
	if (!strcmp(branch, "rejected"))
		return LIST(reasons_rejected);
	return LIST(reasons_noshow);
#undef LIST
}

/* The progress of a new case of programme p; one that cannot travel (no
 * route serves its destination) stops before 'booked'. */
static struct progress pick_progress(struct gen *g, const struct cor_programme *p, bool can_travel)
{
	struct progress pr = {.branch = NULL};
	int n = (int)path_len(p);
	int reach = can_travel ? n : path_index(p, "booked");
	/* More cases early in the pipeline than late, and a large closed tail. */
	unsigned w[16];
	for (int i = 0; i < n; i++)
		w[i] = (unsigned)(i == n - 1 ? 18 : 14 - (i * 8) / n);
	pr.step = cor_rng_weighted(&g->rng, w, reach);
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
		{"registered", 0},    {"counselled", 1},  {"assessed", 2},    {"eligible", 0},
		{"ineligible", 0},    {"on_hold", 2},     {"submitted", 0},   {"interviewed", 0},
		{"accepted", 0},      {"rejected", 0},    {"orientation", 1}, {"travel_ready", 3},
		{"booked", 4},        {"departed", 4},    {"no_show", 4},     {"arrived", 4},
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

/* Who is in a case, for the records of its history. */
struct members {
	int64_t case_id;
	const struct cor_case *c;
	int n;
	int64_t pid[MAX_MEMBERS];
	char ref[MAX_MEMBERS][COR_PERSON_REF_MAX];
	char needs[MAX_MEMBERS][COR_NEEDS_MAX + 1];
	struct cor_date born[MAX_MEMBERS];
	char language[4];    /* the principal applicant's first language */
	long fund_request;   /* HASM: the request made at assessment, 0 when none */
	int medical, wchs;   /* travellers with a medical escort, in a WCHS wheelchair */
	const char *arrival; /* where it arrives: "Lagos (LOS)" */
};

static const char *const counsellors[] = {
	"A. Idris",  "M. Diallo",  "S. Haddad", "F. Osman", "K. Mensah",
	"L. Moreau", "H. Tesfaye", "N. Rahimi", "R. Okoro", "Y. Barre",
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

/* Where the places are, for the length of a leg. */
static const struct {
	const char *code;
	double lat, lon;
} positions[] = {
	{"MJI", 32.89, 13.28},   {"TIP", 32.66, 13.16},   {"BEN", 32.10, 20.27},
	{"SEB", 26.99, 14.47},   {"LOS", 6.58, 3.32},     {"ABV", 9.01, 7.26},
	{"KAN", 12.05, 8.52},    {"NIM", 13.48, 2.18},    {"BKO", 12.53, -7.95},
	{"CKY", 9.58, -13.61},   {"BJL", 13.34, -16.65},  {"DSS", 14.67, -17.07},
	{"KRT", 15.59, 32.55},   {"PZU", 19.43, 37.23},   {"NDJ", 12.13, 15.03},
	{"ACC", 5.61, -0.17},    {"ABJ", 5.26, -3.93},    {"DAC", 23.84, 90.40},
	{"ADD", 8.98, 38.80},    {"MGQ", 2.01, 45.30},    {"ADE", 12.83, 45.03},
	{"JIB", 11.55, 43.16},   {"IST", 41.26, 28.74},   {"GZT", 36.95, 37.48},
	{"BEY", 33.82, 35.49},   {"AMM", 31.72, 35.99},   {"NBO", -1.32, 36.93},
	{"EBB", 0.04, 32.44},    {"DAR", -6.88, 39.20},   {"CAI", 30.12, 31.41},
	{"KBL", 34.57, 69.21},   {"ISB", 33.55, 72.83},   {"RBA", 34.05, -6.75},
	{"DOH", 25.27, 51.61},   {"DXB", 25.25, 55.36},   {"FRA", 50.03, 8.56},
	{"BER", 52.36, 13.50},   {"CDG", 49.01, 2.55},    {"FCO", 41.80, 12.25},
	{"ATH", 37.94, 23.94},   {"BRU", 50.90, 4.48},    {"AMS", 52.31, 4.76},
	{"MAD", 40.47, -3.57},   {"LIS", 38.77, -9.13},   {"ARN", 59.65, 17.92},
	{"HEL", 60.32, 24.96},   {"JFK", 40.64, -73.78},  {"IAD", 38.95, -77.46},
	{"ORD", 41.98, -87.90},  {"LAX", 33.94, -118.41}, {"YYZ", 43.68, -79.63},
	{"YUL", 45.47, -73.74},  {"YVR", 49.19, -123.18}, {"SYD", -33.95, 151.18},
	{"MEL", -37.67, 144.84}, {"PER", -31.94, 115.97}, {"YEADE", 12.79, 44.98},
	{"DJJIB", 11.60, 43.14}, {"SOBBO", 10.44, 45.01}, {"LYTIP", 32.90, 13.18},
	{"LYSEB", 27.04, 14.43}, {"NEAJY", 16.97, 7.99},  {"NENIM", 13.51, 2.11},
	{"TDNDJ", 12.11, 15.04}, {"SDKRT", 15.50, 32.56}, {"AKL", -37.01, 174.79},
	{"JUB", 4.87, 31.60},    {"DAM", 33.41, 36.51},   {"OUA", 12.35, -1.51},
	{"DLA", 4.01, 9.72},     {"FIH", -4.39, 15.44},   {"BJM", -3.32, 29.32},
	{"EBL", 36.24, 43.96},   {"IKA", 35.42, 51.15},   {"LHR", 51.47, -0.45},
	{"OSL", 60.19, 11.10},   {"DUB", 53.42, -6.27},   {"LUX", 49.63, 6.21},
	{"OTP", 44.57, 26.08},   {"VNO", 54.63, 25.29},   {"WAW", 52.17, 20.97},
	{"PLPRZ", 49.78, 22.77}, {"UALVI", 49.84, 24.03}, {"ETDIR", 9.60, 41.85},
	{"DJGAL", 11.73, 41.84},
};

/* Where each office's movements leave from, who flies its charters, and the
 * hubs its scheduled flights connect through ("" when they fly direct). */
static const struct {
	const char *office, *place, *charter, *hubs;
} departures[] = {
	{"LY-TIP", "MJI", "UZ", ""},        {"LY-BEN", "BEN", "8U", ""},
	{"LY-SEB", "SEB", "UZ", ""},        {"YE-ADE", "ADE", "IY", ""},
	{"SD-PZU", "PZU", "ET", ""},        {"LB-BEY", "BEY", "ME", "IST DOH"},
	{"TR-IST", "IST", "TK", ""},        {"TR-GZT", "GZT", "TK", "IST"},
	{"JO-AMM", "AMM", "RJ", "DOH IST"}, {"KE-NBO", "NBO", "KQ", "ADD DOH"},
	{"UG-KLA", "EBB", "ET", "ADD"},     {"TZ-DAR", "DAR", "ET", "ADD DOH"},
	{"EG-CAI", "CAI", "MS", ""},        {"ET-ADD", "ADD", "ET", ""},
	{"PK-ISB", "ISB", "PK", "DOH"},     {"AF-KBL", "KBL", "QR", "DOH"},
	{"IT-ROM", "FCO", "AZ", ""},        {"GR-ATH", "ATH", "A3", ""},
	{"DE-BER", "BER", "TK", "IST"},     {"BE-BRU", "BRU", "TK", "IST"},
	{"MA-RBA", "RBA", "AT", ""},        {"NE-AJY", "NIM", "HF", ""},
	{"NE-NIM", "NIM", "HF", ""},        {"DJ-JIB", "JIB", "ET", ""},
};

/* Where people wait away from their office, and how each reaches the place
 * its movements leave from: every office of departures[] reaches its place
 * by road in an hour (and Sabha its convoys' town, Aden its port), but
 * Agadez, whose cases fly to Niamey on a domestic leg of their own. A case of an office with an
 * assembly point is there when its number says so (no draw: the rest of the demo stays as it was).
 */
static const struct {
	const char *code, *office, *name, *place;
	enum cor_location_kind kind;
	enum cor_reach_mode mode;
	int hours;
	int every, at; /* the cases of office numbered at modulo every */
} assembly[] = {
	{"LY-TIP-DC01", "LY-TIP", "Tariq al-Sikka detention centre", "MJI", COR_LOCATION_DETENTION,
	 COR_REACH_ROAD, 1, 4, 1},
	{"LY-BEN-DC01", "LY-BEN", "Ganfouda detention centre", "BEN", COR_LOCATION_DETENTION,
	 COR_REACH_ROAD, 1, 5, 2},
	{"NE-AJY-TC01", "NE-AJY", "Agadez transit centre", "NIM", COR_LOCATION_TRANSIT,
	 COR_REACH_LEG, 2, 3, 0},
};

/* The airline of a hub or of a direct scheduled flight from an airport. */
static const char *airline_of(const char *airport)
{
	static const struct {
		const char *airport, *airline;
	} map[] = {
		{"IST", "TK"}, {"DOH", "QR"}, {"ADD", "ET"}, {"CAI", "MS"}, {"FCO", "AZ"},
		{"ATH", "A3"}, {"RBA", "AT"}, {"BER", "LH"}, {"BRU", "SN"},
	};
	for (size_t i = 0; i < ROWS(map); i++)
		if (!strcmp(map[i].airport, airport))
			return map[i].airline;
	return "TK";
}

/* The airports people arrive at, by country, the busiest first. */
static const struct {
	const char *country, *airports;
} arrivals[] = {
	{"NGA", "LOS ABV"},     {"NER", "NIM"},
	{"MLI", "BKO"},         {"GIN", "CKY"},
	{"GMB", "BJL"},         {"SEN", "DSS"},
	{"SDN", "PZU"},         {"TCD", "NDJ"},
	{"GHA", "ACC"},         {"CIV", "ABJ"},
	{"BGD", "DAC"},         {"EGY", "CAI"},
	{"ETH", "ADD"},         {"SOM", "MGQ"},
	{"AFG", "KBL"},         {"PAK", "ISB"},
	{"MAR", "RBA"},         {"KEN", "NBO"},
	{"UGA", "EBB"},         {"USA", "JFK IAD ORD LAX"},
	{"CAN", "YYZ YUL YVR"}, {"DEU", "FRA BER"},
	{"SWE", "ARN"},         {"NLD", "AMS"},
	{"FRA", "CDG"},         {"FIN", "HEL"},
	{"AUS", "SYD MEL PER"}, {"ITA", "FCO"},
	{"ESP", "MAD"},         {"PRT", "LIS"},
	{"BEL", "BRU"},         {"NZL", "AKL"},
	{"SSD", "JUB"},         {"SYR", "DAM"},
	{"BFA", "OUA"},         {"CMR", "DLA"},
	{"COD", "FIH"},         {"BDI", "BJM"},
	{"IRQ", "EBL"},         {"IRN", "IKA"},
	{"GBR", "LHR"},         {"NOR", "OSL"},
	{"IRL", "DUB"},         {"LUX", "LUX"},
	{"ROU", "OTP"},         {"LTU", "VNO"},
	{"POL", "WAW"},
};

/* Routes by sea and by land, where the places exist. */
static const struct {
	const char *office, *country;
	enum cor_movement_kind kind;
	const char *from, *to;
} surface[] = {
	{"YE-ADE", "SOM", COR_MOVEMENT_VESSEL, "YEADE", "SOBBO"},
	{"LY-SEB", "NER", COR_MOVEMENT_CONVOY, "LYSEB", "NEAJY"},
	{"LY-SEB", "TCD", COR_MOVEMENT_CONVOY, "LYSEB", "TDNDJ"},
};

static const char *const vessels[] = {"MV Amal", "MV Al Salam", "MV Bahr Star"};

struct mv {
	struct cor_movement m;
	int route;
	int32_t day;
	enum slot slot;
	int seq;     /* the how-many-th movement of the route that day and slot */
	int persons; /* booked, no-show included: they held a seat */
	int medical, wchs, groups;
	int fill; /* a past movement: the share of its seats it is filled to, per mille */
	char arrival[COR_PLACE_NAME_MAX + 12]; /* "Lagos (LOS)" */
};

static const struct place_row *place_find(const struct gen *g, const char *code)
{
	for (size_t i = 0; i < g->nplaces; i++)
		if (!strcmp(g->places[i].code, code))
			return &g->places[i];
	return NULL;
}

static int on_place(const struct cor_place *p, void *ctx)
{
	struct gen *g = ctx;
	if (g->nplaces == MAX_PLACES)
		return 0;
	struct place_row *r = &g->places[g->nplaces++];
	snprintf(r->code, sizeof(r->code), "%s", p->code);
	snprintf(r->name, sizeof(r->name), "%s", p->name);
	snprintf(r->country, sizeof(r->country), "%s", p->country);
	return 0;
}

static int on_movement(const struct cor_movement *m, const struct cor_movement_load *l, void *ctx)
{
	(void)m;
	(void)l;
	*(bool *)ctx = true;
	return 1;
}

/* A small hash of a few integers, for the details of a movement that must
 * not depend on the order cases are generated in. */
static uint32_t mix(uint32_t a, uint32_t b, uint32_t c)
{
	uint64_t x = ((uint64_t)a * 0x9E3779B97F4A7C15u) ^ ((uint64_t)b << 21) ^ c;
	x ^= x >> 31;
	x *= 0xBF58476D1CE4E5B9u;
	x ^= x >> 29;
	return (uint32_t)(x >> 16);
}

/* Minutes a leg takes, by the distance between its places. */
static int leg_minutes(const char *from, const char *to, enum cor_movement_kind kind)
{
	const double pi = 3.14159265358979;
	double a[2] = {0, 0}, b[2] = {0, 0};
	bool fa = false, fb = false;
	for (size_t i = 0; i < ROWS(positions); i++) {
		if (!strcmp(positions[i].code, from))
			a[0] = positions[i].lat, a[1] = positions[i].lon, fa = true;
		if (!strcmp(positions[i].code, to))
			b[0] = positions[i].lat, b[1] = positions[i].lon, fb = true;
	}
	if (!fa || !fb)
		return 180;
	double la = a[0] * pi / 180, lb = b[0] * pi / 180, dl = (b[1] - a[1]) * pi / 180;
	double c = sin(la) * sin(lb) + cos(la) * cos(lb) * cos(dl);
	double km = 6371 * acos(c > 1 ? 1 : c < -1 ? -1 : c);
	switch (kind) {
	case COR_MOVEMENT_VESSEL:
		return 120 + (int)(km / 18 * 60); /* about 10 knots, and boarding */
	case COR_MOVEMENT_CONVOY:
		return 240 + (int)(km / 40 * 60); /* desert tracks, stops and checkpoints */
	default:
		return 30 + (int)(km * 1.1 / 800 * 60); /* taxi, climb, airways */
	}
}

/* The route of operation opi to country: false when it cannot be served
 * with the places the database has. */
static bool make_route(struct gen *g, size_t opi, const char *country, unsigned weight,
		       unsigned total, struct route *r)
{
	const struct operation *op = &ops[opi];
	memset(r, 0, sizeof(*r));
	r->opi = opi;
	snprintf(r->country, sizeof(r->country), "%s", country);
	size_t d = 0;
	while (d < ROWS(departures) && strcmp(departures[d].office, op->office))
		d++;
	if (d == ROWS(departures) || !place_find(g, departures[d].place))
		return false;
	/* Departures as often as the volume needs to fill them. */
	unsigned share_total = 0;
	for (size_t i = 0; i < ROWS(ops); i++)
		share_total += ops[i].share;
	double per_day = (double)g->o->people * op->share / share_total * weight / total *
			 DEPART_SHARE / DEPART_DAYS;
	/* A return or an evacuation charters aircraft when its people fill more
	 * than one over the months; a few go on scheduled flights instead. */
	bool scheduled = !strcmp(op->programme, "RST") || !strcmp(op->programme, "CPW") ||
			 !strcmp(op->programme, "REL") || !strcmp(op->programme, "AVR") ||
			 per_day * DEPART_DAYS < 1.2 * CHARTER_LOAD;
	r->kind = scheduled ? COR_MOVEMENT_SCHEDULED : COR_MOVEMENT_CHARTER;
	r->carrier = departures[d].charter;
	snprintf(r->from, sizeof(r->from), "%s", departures[d].place);
	for (size_t i = 0; i < ROWS(surface); i++) {
		if (strcmp(surface[i].office, op->office) || strcmp(surface[i].country, country))
			continue;
		if (!place_find(g, surface[i].from) || !place_find(g, surface[i].to))
			return false;
		r->kind = surface[i].kind;
		r->carrier = "";
		snprintf(r->from, sizeof(r->from), "%s", surface[i].from);
		snprintf(r->to[r->nto++], sizeof(r->to[0]), "%s", surface[i].to);
	}
	for (size_t i = 0; !r->nto && i < ROWS(arrivals); i++) {
		if (strcmp(arrivals[i].country, country))
			continue;
		for (const char *s = arrivals[i].airports; *s && r->nto < ROUTE_DESTS;) {
			size_t n = strcspn(s, " ");
			char code[6];
			snprintf(code, sizeof(code), "%.*s", (int)n, s);
			const struct place_row *p = place_find(g, code);
			if (p && !strcmp(p->country, country) && strcmp(code, r->from))
				snprintf(r->to[r->nto++], sizeof(r->to[0]), "%s", code);
			s += n + (s[n] == ' ');
		}
	}
	if (!r->nto)
		return false;
	if (r->kind == COR_MOVEMENT_SCHEDULED) {
		/* Far destinations and offices without direct flights connect. */
		const char *hubs = !strcmp(country, "AUS") && strcmp(r->from, "DOH")
					   ? "DOH"
					   : departures[d].hubs;
		for (const char *s = hubs; *s && r->nhubs < 2;) {
			size_t n = strcspn(s, " ");
			char code[6];
			snprintf(code, sizeof(code), "%.*s", (int)n, s);
			const struct place_row *p = place_find(g, code);
			if (p && strcmp(p->country, country) && strcmp(code, r->from))
				snprintf(r->hubs[r->nhubs++], sizeof(r->hubs[0]), "%s", code);
			s += n + (s[n] == ' ');
		}
	}
	double load = r->kind == COR_MOVEMENT_SCHEDULED ? 21
		      : r->kind == COR_MOVEMENT_CHARTER ? CHARTER_LOAD
		      : r->kind == COR_MOVEMENT_VESSEL  ? 290
							: 210;
	/* Scheduled flights leave every month at least, with the block seats
	 * the month's few need. */
	int most = r->kind == COR_MOVEMENT_SCHEDULED ? 30 : MAX_INTERVAL;
	double every = per_day > 0 ? load / per_day : most;
	r->interval = every < 1 ? 1 : every > most ? most : (int)(every + 0.5);
	r->per_departure = (int)ceil(per_day * r->interval);
	if (r->per_departure < 1)
		r->per_departure = 1;
	r->phase = (int)(mix((uint32_t)opi,
			     (uint32_t)country[0] * 65536u + (uint32_t)country[1] * 256u +
				     (uint32_t)country[2],
			     1) %
			 (uint32_t)r->interval);
	r->minute = 4 * 60 + (int)(mix((uint32_t)opi, (uint32_t)country[1], 2) % 360);
	return true;
}

/* Every operation's routes, with the places the database has. */
static int make_routes(struct gen *g)
{
	int err = cor_store_place_each(g->st, on_place, g);
	if (err < 0)
		return err;
	for (size_t i = 0; i < ROWS(ops); i++) {
		const struct operation *op = &ops[i];
		bool own = !op->dest[0].code[0];
		g->op_routes[i] = g->nroutes;
		const struct weighted *w = own ? op->nat : op->dest;
		size_t n = own ? ROWS(op->nat) : ROWS(op->dest);
		unsigned total = 0;
		for (size_t k = 0; k < n && w[k].code; k++)
			total += w[k].w;
		for (size_t k = 0; k < n && w[k].code; k++) {
			if (g->nroutes == MAX_ROUTES)
				return COR_ENOMEM;
			struct route *r = &g->routes[g->nroutes];
			if (make_route(g, i, w[k].code, w[k].w, total, r))
				g->nroutes++;
		}
	}
	return 0;
}

/* The route of operation opi to country, or -1 when none serves it. */
static int route_find(const struct gen *g, size_t opi, const char *country)
{
	for (size_t i = g->op_routes[opi]; i < g->nroutes && g->routes[i].opi == opi; i++)
		if (!memcmp(g->routes[i].country, country, 4))
			return (int)i;
	return -1;
}

static long next_in(struct counter *c, size_t *n, size_t cap, const char *office, int year)
{
	for (size_t i = 0; i < *n; i++)
		if (c[i].year == year && !strcmp(c[i].office, office))
			return ++c[i].last;
	if (*n == cap)
		return -1;
	c[(*n)++] = (struct counter){office, year, 1};
	return 1;
}

/* A new movement of route ri leaving on day, the seq-th of its slot. */
static struct mv *new_movement(struct gen *g, int ri, int32_t day, enum slot slot, int seq)
{
	if (g->nmvs == g->cap_mvs) {
		size_t cap = g->cap_mvs ? 2 * g->cap_mvs : 256;
		struct mv *a = realloc(g->mvs, cap * sizeof(*a));
		if (!a)
			return NULL;
		g->mvs = a;
		g->cap_mvs = cap;
	}
	const struct route *r = &g->routes[ri];
	const char *office = ops[r->opi].office;
	struct mv *v = &g->mvs[g->nmvs];
	memset(v, 0, sizeof(*v));
	v->route = ri;
	v->day = day;
	v->slot = slot;
	v->seq = seq;
	struct cor_movement *m = &v->m;
	uint32_t h = mix((uint32_t)ri, (uint32_t)day, (uint32_t)(slot * 16 + seq));
	int round = (int)((day + r->phase) / r->interval);
	const char *to = r->to[(round + seq) % r->nto];
	const char *hub = r->nhubs ? r->hubs[(round + seq) % r->nhubs] : NULL;
	m->kind = r->kind;
	m->state = COR_MSTATE_OPEN;
	snprintf(m->office, sizeof(m->office), "%s", office);
	int seats, stretchers = 0, wchc = 1, wchs, escorts;
	switch (r->kind) {
	case COR_MOVEMENT_CHARTER: {
		static const int sizes[] = {150, 156, 162, 168, 174, 180, 186, 189, 195, 200};
		seats = sizes[h % ROWS(sizes)];
		stretchers = h % 5 == 0;
		wchc = 2;
		wchs = 4;
		escorts = 6;
		int no = 4000 + (ri * 37) % 900 + seq;
		snprintf(m->carrier, sizeof(m->carrier), "%s", r->carrier);
		snprintf(m->label, sizeof(m->label), "%s %d", r->carrier, no);
		snprintf(m->legs[0].number, sizeof(m->legs[0].number), "%s%d", r->carrier, no);
		break;
	}
	case COR_MOVEMENT_SCHEDULED:
		seats = 10 + (int)(h % 31); /* block seats */
		wchs = 2;
		escorts = 2;
		break;
	case COR_MOVEMENT_VESSEL:
		seats = 300 + (int)(h % 5) * 25;
		wchs = 10;
		wchc = 4;
		escorts = 10;
		snprintf(m->label, sizeof(m->label), "%s", vessels[(round + seq) % ROWS(vessels)]);
		snprintf(m->legs[0].number, sizeof(m->legs[0].number), "%.15s", m->label);
		break;
	default: {
		seats = 50 * (4 + (int)(h % 3)); /* buses of 50 */
		wchs = 6;
		escorts = 8;
		unsigned no =
			(unsigned)next_in(g->convoys, &g->nconvoys, ROWS(g->convoys), office, 0);
		snprintf(m->label, sizeof(m->label), "Convoy %u", no % 10000);
		snprintf(m->legs[0].number, sizeof(m->legs[0].number), "Convoy %u", no % 10000);
		break;
	}
	}
	/* Later movements of a slot leave later the same day. */
	int64_t t =
		(int64_t)day * 86400 + (int64_t)(r->minute + 95 * seq % 840 + (int)(h % 40)) * 60;
	m->nlegs = hub ? 2 : 1;
	for (int i = 0; i < m->nlegs; i++) {
		struct cor_leg *l = &m->legs[i];
		const char *from = i == 0 ? r->from : hub;
		const char *dest = i == m->nlegs - 1 ? to : hub;
		l->seq = i + 1;
		snprintf(l->from, sizeof(l->from), "%s", from);
		snprintf(l->to, sizeof(l->to), "%s", dest);
		if (r->kind == COR_MOVEMENT_SCHEDULED) {
			/* A flight of the hub's airline, or of the origin's when direct. */
			const char *airline = airline_of(hub ? hub : from);
			int no = 100 +
				 (int)(mix((uint32_t)from[0] * 256u + (uint32_t)from[1],
					   (uint32_t)dest[0] * 256u + (uint32_t)dest[2],
					   (uint32_t)from[2] + (uint32_t)dest[1]) %
				       1800) +
				 2 * seq;
			snprintf(l->number, sizeof(l->number), "%s%d", airline, no);
			if (i == 0) {
				snprintf(m->carrier, sizeof(m->carrier), "%s", airline);
				snprintf(m->label, sizeof(m->label), "%s %d", airline, no);
			}
		} else if (i > 0) {
			snprintf(l->number, sizeof(l->number), "%s", m->legs[0].number);
		}
		if (i > 0)
			t = m->legs[i - 1].arrives + (int64_t)(100 + (int)(h % 140)) * 60;
		l->departs = t;
		l->arrives = t + (int64_t)leg_minutes(from, dest, r->kind) * 60;
		l->seats = seats;
		l->stretchers = stretchers;
		l->wchc = wchc;
		l->wchs = wchs;
	}
	m->escort_seats = escorts;
	struct cor_date dep = cor_date_from_days(day);
	long no = next_in(g->mv_counters, &g->nmv_counters, ROWS(g->mv_counters), office, dep.year);
	if (no < 0 || no > 9999)
		return NULL;
	snprintf(m->ref, sizeof(m->ref), "%s-MV-%04d-%04ld", office, dep.year, no);
	const struct place_row *p = place_find(g, to);
	snprintf(v->arrival, sizeof(v->arrival), "%s (%s)", p ? p->name : to, to);
	g->nmvs++;
	return v;
}

/* Escorts for medical travellers: one for every three. */
static int escorts_for(int medical)
{
	return (medical + 2) / 3;
}

static bool takes(const struct mv *v, const struct members *h)
{
	const struct cor_leg *l = &v->m.legs[0];
	int esc = escorts_for(v->medical + h->medical);
	return v->persons + h->n + esc <= l->seats && esc <= v->m.escort_seats &&
	       v->wchs + h->wchs <= l->wchs;
}

static uint64_t slot_key(int route, int32_t day, enum slot slot)
{
	return ((uint64_t)(uint32_t)route << 40) | ((uint64_t)(uint32_t)day << 4) | (uint64_t)slot;
}

/* The movement of route ri that day and slot with room for h's case: the
 * slot's latest, or a new one when it is full. Its seat group for the case
 * in *group. NULL when out of memory or references. */
static struct mv *assign(struct gen *g, int ri, int32_t day, enum slot slot,
			 const struct members *h, int *group)
{
	if (2 * (g->nmvs + 1) > g->nslots) {
		size_t n = g->nslots ? 2 * g->nslots : 1024;
		uint32_t *s = calloc(n, sizeof(*s));
		if (!s)
			return NULL;
		for (size_t i = 0; i < g->nslots; i++) {
			if (!g->slots[i])
				continue;
			const struct mv *v = &g->mvs[g->slots[i] - 1];
			size_t k =
				(size_t)mix((uint32_t)(slot_key(v->route, v->day, v->slot) >> 32),
					    (uint32_t)slot_key(v->route, v->day, v->slot), 0) &
				(n - 1);
			while (s[k])
				k = (k + 1) & (n - 1);
			s[k] = g->slots[i];
		}
		free(g->slots);
		g->slots = s;
		g->nslots = n;
	}
	uint64_t key = slot_key(ri, day, slot);
	size_t k = (size_t)mix((uint32_t)(key >> 32), (uint32_t)key, 0) & (g->nslots - 1);
	while (g->slots[k]) {
		const struct mv *v = &g->mvs[g->slots[k] - 1];
		if (slot_key(v->route, v->day, v->slot) == key)
			break;
		k = (k + 1) & (g->nslots - 1);
	}
	struct mv *v = g->slots[k] ? &g->mvs[g->slots[k] - 1] : NULL;
	if (!v || !takes(v, h)) {
		if (!(v = new_movement(g, ri, day, slot, v ? v->seq + 1 : 0)))
			return NULL;
		/* A case larger than the movement gets a larger one. */
		int esc = escorts_for(h->medical);
		for (int i = 0; i < v->m.nlegs; i++) {
			struct cor_leg *l = &v->m.legs[i];
			if (l->seats < h->n + esc)
				l->seats = h->n + esc;
			if (l->wchs < h->wchs)
				l->wchs = h->wchs;
		}
		if (v->m.escort_seats < esc)
			v->m.escort_seats = esc;
		g->slots[k] = (uint32_t)g->nmvs;
	}
	v->persons += h->n;
	v->medical += h->medical;
	v->wchs += h->wchs;
	*group = ++v->groups;
	return v;
}

/* The past movement of route ri a departing case of n persons takes: the
 * one being filled, or, once the case would take it past the share of its
 * seats it is to fly with (74-92%) or past the volume of an interval,
 * another departure of the route: on a day of the months departures spread
 * over, or for one route in eight first today (its cases then 'departed').
 * Index + 1 of the movement in g->mvs, 0 when out of memory. */
static size_t assign_past(struct gen *g, int ri, int n, int *group)
{
	struct route *r = &g->routes[ri];
	struct mv *v = r->filling ? &g->mvs[r->filling - 1] : NULL;
	int target = v ? (int)((int64_t)v->m.legs[0].seats * v->fill / 1000) : 0;
	if (v && target > r->per_departure)
		target = r->per_departure;
	if (!v || v->persons + n > target) {
		int32_t day;
		uint32_t h = mix((uint32_t)ri, v ? (uint32_t)v->day : 0, 3);
		/* The months its departures spread over, today's among them. */
		if (!v && h % 8 == 0)
			day = g->today;
		else
			day = g->today - 1 -
			      (int32_t)(mix((uint32_t)ri, (uint32_t)g->nmvs, 6) % DEPART_DAYS);
		/* (Two the same day leave at other times, with other numbers.) */
		if (!(v = new_movement(g, ri, day, day == g->today ? SLOT_DEPARTED : SLOT_ARRIVED,
				       r->past++ % 8)))
			return 0;
		v->fill = 740 + (int)(mix((uint32_t)ri, (uint32_t)day, 4) % 181);
		r->filling = (int)g->nmvs;
	}
	v->persons += n;
	*group = ++v->groups;
	return (size_t)r->filling;
}

/* Days from registration to departure, by programme, at normal priority:
 * resettlement takes 18-24 months (referral, interviews, security and
 * health checks, a visa), relocation and pathways months, a return weeks. */
static int32_t journey_days(struct gen *g, const char *programme, enum cor_priority prio)
{
	static const struct {
		const char *programme;
		int lo, hi;
	} spans[] = {
		{"HEV", 4, 30},   {"VHR", 30, 120},  {"AVR", 45, 180},  {"REP", 60, 180},
		{"HASM", 20, 90}, {"RST", 540, 730}, {"REL", 120, 300}, {"CPW", 240, 450},
	};
	int lo = 30, hi = 120;
	for (size_t i = 0; i < ROWS(spans); i++)
		if (!strcmp(spans[i].programme, programme))
			lo = spans[i].lo, hi = spans[i].hi;
	int32_t d = cor_rng_range(&g->rng, lo, hi);
	/* Emergency cases leave within days or weeks, urgent ones within months. */
	if (prio == COR_PRIO_EMERGENCY)
		d = d / 12 + 2;
	else if (prio == COR_PRIO_URGENT)
		d = d / 4 + 3;
	return d;
}

/* The step a case that left `elapsed` days ago has reached: departed the
 * same day, arrived, its (re)integration support begun one to four weeks
 * later, closed after six to twelve months of support (a return), nine
 * to seventeen (an admission), or two to eight weeks after an evacuation or
 * a stranded migrant's return. The days of those steps in pr. */
static void after_departure(const struct gen *g, const struct cor_programme *p, int32_t left,
			    uint32_t h, struct progress *pr)
{
	int32_t elapsed = g->today - left;
	const char *support = cor_support_state(p);
	pr->support_on = left + 7 + (int32_t)(h % 21);
	pr->closed_on = left + (int32_t)(support ? p->is_return ? 180 + h % 180 : 270 + h % 240
						 : 14 + h % 45);
	pr->step = path_index(p, elapsed <= 0 ? "departed" : "arrived");
	if (support && g->today >= pr->support_on)
		pr->step = path_index(p, support);
	if (g->today >= pr->closed_on)
		pr->step = path_index(p, "closed");
}

static void at_time(char *buf, int64_t t)
{
	int32_t day = (int32_t)(t / 86400);
	int s = (int)(t - (int64_t)day * 86400);
	cor_date_format(cor_date_from_days(day), buf);
	/* "THH:MM:SSZ" by hand: this runs for every step of every case. */
	unsigned part[3] = {(unsigned)s / 3600 % 24, (unsigned)s / 60 % 60, (unsigned)s % 60};
	char *o = buf + 10;
	*o++ = 'T';
	for (int i = 0; i < 3; i++) {
		*o++ = (char)('0' + part[i] / 10);
		*o++ = (char)('0' + part[i] % 10);
		*o++ = i < 2 ? ':' : 'Z';
	}
	*o = '\0';
}

/* Open movements in the next days with free seats on the routes where
 * travel-ready cases wait (about for three in five of them, so a plan leaves
 * some out), a few planned further out, and one cancelled. */
static int add_spare_movements(struct gen *g)
{
	int busiest = -1;
	for (size_t ri = 0; ri < g->nroutes; ri++) {
		const struct route *r = &g->routes[ri];
		if (!r->waiting)
			continue;
		if (busiest < 0 || r->waiting > g->routes[busiest].waiting)
			busiest = (int)ri;
		long free_seats = 0;
		for (size_t i = 0; i < g->nmvs; i++) {
			const struct mv *v = &g->mvs[i];
			if (v->route == (int)ri && v->slot == SLOT_OPEN)
				free_seats +=
					v->m.legs[0].seats - v->persons - escorts_for(v->medical);
		}
		int most = r->kind == COR_MOVEMENT_SCHEDULED ? 4 : 2;
		for (int k = 0; free_seats < r->waiting * 3 / 5 && k < most; k++) {
			struct mv *v =
				new_movement(g, (int)ri, g->today + 2 + k % 2, SLOT_SPARE, k);
			if (!v)
				return COR_ENOMEM;
			free_seats += v->m.legs[0].seats;
		}
	}
	/* Further out, over the coming five weeks, the next departures of every
	 * route that a person a week or more takes (three at most), open and not
	 * booked yet. */
	for (size_t ri = 0; ri < g->nroutes; ri++) {
		const struct route *r = &g->routes[ri];
		if (!r->filling || r->per_departure * 7 < r->interval)
			continue;                      /* fewer than one a week go that way */
		int every = r->interval <= 7 ? 7 : 14; /* weekly, or every other week */
		int32_t first = g->today + 5 + (int32_t)(mix((uint32_t)ri, 5, 5) % 7);
		for (int k = 0; k < 3 && first + k * every <= g->today + 35; k++)
			if (!new_movement(g, (int)ri, first + k * every, SLOT_SPARE, 4 + k))
				return COR_ENOMEM;
	}
	if (busiest < 0)
		return 0;
	/* Planned: the next departures of the busiest routes. */
	for (size_t ri = 0, n = 0; ri < g->nroutes && n < 4; ri++) {
		const struct route *r = &g->routes[ri];
		if (r->waiting * 4 < g->routes[busiest].waiting)
			continue;
		struct mv *v = new_movement(g, (int)ri, g->today + 7 + 2 * (int)n, SLOT_SPARE, 8);
		if (!v)
			return COR_ENOMEM;
		v->m.state = COR_MSTATE_PLANNED;
		n++;
	}
	struct mv *v = new_movement(g, busiest, g->today + 4, SLOT_SPARE, 9);
	if (!v)
		return COR_ENOMEM;
	v->m.state = COR_MSTATE_CANCELLED;
	return 0;
}

/* A past movement flew with the seats its load needs: those it was given
 * when its travellers and escorts took 72-94% of them, else as many as make
 * the share it was filled to; and the wheelchair places and escort seats
 * its travellers took. */
static void fit_past(struct mv *v)
{
	int esc = escorts_for(v->medical);
	int load = v->persons + esc;
	/* The last few of a charter route went on block seats of a scheduled
	 * flight: no aircraft is chartered for a handful. */
	if (v->m.kind == COR_MOVEMENT_CHARTER && load < 60)
		v->m.kind = COR_MOVEMENT_SCHEDULED;
	for (int i = 0; i < v->m.nlegs; i++) {
		struct cor_leg *l = &v->m.legs[i];
		if (load * 100 < l->seats * 72 || load * 100 > l->seats * 94)
			l->seats = (load * 1000 + v->fill - 1) / v->fill;
		/* Block seats (or a boat, a bus) for a few are for them alone. */
		if (v->m.kind != COR_MOVEMENT_CHARTER && load < 10)
			l->seats = load;
		if (l->seats < load)
			l->seats = load;
		if (l->wchs < v->wchs)
			l->wchs = v->wchs;
		/* A small aircraft has fewer special places. */
		if (l->stretchers + l->wchc + l->wchs > l->seats)
			l->stretchers = 0;
		if (l->wchs > l->seats)
			l->wchs = l->seats; /* still as many as its travellers use */
		if (l->wchc + l->wchs > l->seats)
			l->wchc = l->seats - l->wchs;
	}
	if (v->m.escort_seats < esc)
		v->m.escort_seats = esc;
}

/* Write every movement with its history: created some weeks before it
 * leaves, open a week before, its manifest closed three hours before
 * departure; those still to come were created and opened in the last days. */
static int write_movements(struct gen *g)
{
	char at[COR_MSTATE__N][COR_TIME_LEN];
	for (size_t i = 0; i < g->nmvs; i++) {
		struct mv *v = &g->mvs[i];
		struct cor_movement *m = &v->m;
		const char *times[COR_MSTATE__N] = {NULL};
		int64_t dep = m->legs[0].departs, arr = m->legs[m->nlegs - 1].arrives;
		int64_t today = (int64_t)g->today * 86400;
		uint32_t h = mix((uint32_t)i, 7, 7);
		const char *reason = NULL;
		int n = 1;
		if (v->slot == SLOT_ARRIVED || v->slot == SLOT_DEPARTED) {
			fit_past(v);
			at_time(at[COR_MSTATE_PLANNED],
				dep - (int64_t)(14 + h % 14) * 86400 - 3600 * 3);
			at_time(at[COR_MSTATE_OPEN], dep - 7 * 86400 - 3600 * 2);
			at_time(at[COR_MSTATE_CLOSED], dep - 3 * 3600);
			at_time(at[COR_MSTATE_DEPARTED], dep);
			at_time(at[COR_MSTATE_ARRIVED], arr);
			times[COR_MSTATE_OPEN] = at[COR_MSTATE_OPEN];
			times[COR_MSTATE_CLOSED] = at[COR_MSTATE_CLOSED];
			times[COR_MSTATE_DEPARTED] = at[COR_MSTATE_DEPARTED];
			n += 3;
			m->state = COR_MSTATE_DEPARTED;
			if (v->slot == SLOT_ARRIVED) {
				times[COR_MSTATE_ARRIVED] = at[COR_MSTATE_ARRIVED];
				m->state = COR_MSTATE_ARRIVED;
				n++;
			}
		} else if (m->state == COR_MSTATE_PLANNED) {
			at_time(at[COR_MSTATE_PLANNED],
				today - 86400 + 3600 * 9 + (int64_t)(h % 300) * 60);
		} else {
			at_time(at[COR_MSTATE_PLANNED],
				today - 5 * 86400 + 3600 * 8 + (int64_t)(h % 300) * 60);
			at_time(at[COR_MSTATE_OPEN],
				today - 3 * 86400 + 3600 * 8 + (int64_t)(h % 300) * 60);
			times[COR_MSTATE_OPEN] = at[COR_MSTATE_OPEN];
			n++;
			if (m->state == COR_MSTATE_CANCELLED) {
				at_time(at[COR_MSTATE_CANCELLED], today - 86400 + 3600 * 15);
				times[COR_MSTATE_CANCELLED] = at[COR_MSTATE_CANCELLED];
				reason = "aircraft grounded for maintenance; cases to be planned "
					 "on the "
					 "next departures";
				n++;
			} else {
				m->state = COR_MSTATE_OPEN;
			}
		}
		times[COR_MSTATE_PLANNED] = at[COR_MSTATE_PLANNED];
#ifndef NDEBUG
		char msg[256];
		/* The tables above make only valid movements. */
		assert(cor_movement_validate(m, msg, sizeof(msg)) == 0);
#endif
		int err = cor_store_history_movement(g->st, (int64_t)i + 1, m, times, reason,
						     "movement");
		if (err < 0)
			return err;
		g->res->events += n;
		g->res->movements++;
	}
	return 0;
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

/* Protection risk of every person before the case is assessed (of return
 * for a return, of the journey and where the person is for the others); a
 * high risk is cleared with a reason unless it made the case ineligible. */
static int assess_protection(struct gen *g, const struct members *h, const char *at, bool is_return,
			     bool high_stays)
{
	static const char *const of_return[] = {
		[COR_PROT_NONE] = "no risk factors identified at interview",
		[COR_PROT_LOW] = "general insecurity in the area of return; no individual risk",
		[COR_PROT_MEDIUM] = "family conflict reported in the area of return",
		[COR_PROT_HIGH] = "credible individual threat reported in the area of return",
	};
	static const char *const of_stay[] = {
		[COR_PROT_NONE] = "no risk factors identified at interview",
		[COR_PROT_LOW] = "general insecurity where the person stays; no individual risk",
		[COR_PROT_MEDIUM] = "exploitation by an employer reported; safe shelter arranged",
		[COR_PROT_HIGH] = "credible individual threat where the person stays",
	};
	const char *const *grounds = is_return ? of_return : of_stay;
	static const unsigned weights[] = {70, 20, 8, 2};
	for (int i = 0; i < h->n; i++) {
		enum cor_protection_level l =
			high_stays && i == 0
				? COR_PROT_HIGH
				: (enum cor_protection_level)cor_rng_weighted(&g->rng, weights, 4);
		/* Cleared at the same sitting: the history stays in time order. */
		bool clear = l == COR_PROT_HIGH && !(high_stays && i == 0);
		int err = cor_store_history_protection(
			g->st, h->case_id, h->pid[i], h->ref[i], l, grounds[l], at, "protection",
			clear ? at : NULL,
			is_return ? "threat verified with the community; relocation within the "
				    "country of return arranged"
				  : "threat verified; the person moved to a protected shelter");
		if (err < 0)
			return err;
		g->res->events += 1 + clear;
	}
	return 0;
}

/* A health check of every person before the case is travel-ready (kind:
 * fitness to travel; or, for a resettlement or complementary pathway, the
 * pre-migration health assessment first), with the conditions their needs
 * call for, and TB screening for the USA. */
static int check_fitness(struct gen *g, const struct members *h, enum cor_health_kind kind,
			 int32_t day, int minute)
{
	for (int i = 0; i < h->n; i++) {
		const char *nd = h->needs[i];
		struct cor_health_check c = {.kind = kind};
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
		/* Every check of a case bound for the USA gives a TB class (the
		 * rule of health.c): drawn for a refugee of two or more, none for a
		 * younger child or another pathway's traveller. */
		if (!strcmp(h->c->destination, "USA")) {
			static const unsigned tb[] = {0, 88, 0, 2,
						      1, 7,  2}; /* no A: it blocks travel */
			if (!strcmp(h->c->programme, "RST") &&
			    cor_date_age(h->born[i], cor_date_from_days(day + 7)) >= 2)
				c.tb = (enum cor_health_tb)cor_rng_weighted(&g->rng, tb,
									    (int)ROWS(tb));
			else
				c.tb = COR_HEALTH_TB_NONE;
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
	return cor_store_history_fund_request(
		g->st, h->case_id, cor_date_from_days(day).year, help[i].reason, help[i].kind,
		amount, djibouti ? "DJF" : "XOF", at, "registration", &h->fund_request);
}

/* Where people arrive, by destination; the country's name otherwise. */
static const char *arrival_place(const char *iso3)
{
	static const struct {
		const char *country, *place;
	} places[] = {
		{"AUS", "Sydney (SYD)"},      {"BDI", "Bujumbura (BJM)"},
		{"BEL", "Brussels (BRU)"},    {"BFA", "Ouagadougou (OUA)"},
		{"BGD", "Dhaka (DAC)"},       {"CAN", "Toronto (YYZ)"},
		{"CIV", "Abidjan (ABJ)"},     {"CMR", "Douala (DLA)"},
		{"COD", "Kinshasa (FIH)"},    {"DEU", "Frankfurt (FRA)"},
		{"ETH", "Addis Ababa (ADD)"}, {"FRA", "Paris (CDG)"},
		{"GBR", "London (LHR)"},      {"GHA", "Accra (ACC)"},
		{"GIN", "Conakry (CKY)"},     {"GMB", "Banjul (BJL)"},
		{"IRQ", "Erbil (EBL)"},       {"ITA", "Rome (FCO)"},
		{"MLI", "Bamako (BKO)"},      {"NER", "Niamey (NIM)"},
		{"NGA", "Lagos (LOS)"},       {"NLD", "Amsterdam (AMS)"},
		{"NOR", "Oslo (OSL)"},        {"SDN", "Port Sudan (PZU)"},
		{"SEN", "Dakar (DSS)"},       {"SOM", "Mogadishu (MGQ)"},
		{"SSD", "Juba (JUB)"},        {"SWE", "Stockholm (ARN)"},
		{"TCD", "N'Djamena (NDJ)"},   {"USA", "New York (JFK)"},
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
	} returns[] =
		{
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
		if ((err = cor_store_history_support_item(
			     g->st, h->case_id, no++, COR_SUPPORT_CASH, "reinsertion grant", usd,
			     "USD", at, first_done ? at : NULL, "registration")) < 0)
			return err;
		int k = (int)cor_rng_below(&g->rng, ROWS(returns));
		g->res->events += 1 + first_done + 1 + closing;
		return cor_store_history_support_item(g->st, h->case_id, no, returns[k].kind,
						      returns[k].what, 0, "", at,
						      closing ? at : NULL, "registration");
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
 * protection risk (and the clearance of a high one) before 'assessed' in
 * every programme, fitness to travel (and for RST and CPW the pre-migration
 * health assessment) before 'travel_ready'. */
static int records_for(struct gen *g, struct members *h, const struct cor_programme *p,
		       struct progress pr, const char *state, const char *at, int32_t day,
		       int minute)
{
	bool branch = pr.branch && state == pr.branch;
	if (!strcmp(state, "counselled"))
		return counsel(g, h, 1, at, COR_COUNSEL_YES, false);
	if (branch && !strcmp(state, "on_hold") && pr.why != HOLD_MEDICAL)
		return counsel(g, h, 2, at,
			       pr.why == HOLD_ASYLUM ? COR_COUNSEL_YES : COR_COUNSEL_UNDECIDED,
			       pr.why == HOLD_ASYLUM);
	bool hasm = !strcmp(p->code, "HASM");
	int err;
	if (!strcmp(state, "assessed")) {
		err = assess_protection(g, h, at, p->is_return,
					pr.branch && !strcmp(pr.branch, "ineligible") &&
						p->is_return && pr.why == INELIGIBLE_PROTECTION);
		if (err < 0 || !hasm)
			return err;
		g->res->events++;
		return request_help(g, h, at, day);
	}
	if (hasm && h->fund_request && !strcmp(state, "eligible")) {
		g->res->events++;
		return cor_store_history_fund_approve(g->st, h->case_id, h->fund_request, at,
						      "manager");
	}
	if (hasm && h->fund_request && !strcmp(state, "travel_ready")) {
		g->res->events++;
		if ((err = cor_store_history_fund_pay(g->st, h->case_id, h->fund_request, at,
						      "registration")) < 0)
			return err;
	}
	if (!strcmp(state, "travel_ready")) {
		bool selected = !strcmp(p->code, "RST") || !strcmp(p->code, "CPW");
		if (selected && (err = check_fitness(g, h, COR_HEALTH_PRE_MIGRATION, day,
						     minute > 0 ? minute - 1 : 0)) < 0)
			return err;
		return check_fitness(g, h, COR_HEALTH_FITNESS, day, minute);
	}
	if (!strcmp(state, "arrived")) {
		g->res->events++;
		return cor_store_history_arrival(
			g->st, h->case_id, at,
			h->arrival ? h->arrival : arrival_place(h->c->destination), "movement");
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
			     g->st, h->case_id, 1, at,
			     counsellors[cor_rng_below(&g->rng, ROWS(counsellors))],
			     findings[cor_rng_below(&g->rng, ROWS(findings))], "registration")) < 0)
			return err;
		struct cor_event e = {.actor = "registration",
				      .action = "support",
				      .detail = "support closed",
				      .reason = "support completed"};
		snprintf(e.at, sizeof(e.at), "%s", at);
		return cor_store_event_add(g->st, h->case_id, &e);
	}
	return 0;
}

/* "from -> to" into out (len bytes, cut short as snprintf would): a
 * snprintf for each of some three million steps is felt. */
static void transition(char *out, size_t len, const char *from, const char *to)
{
	const char *part[3] = {from, " -> ", to};
	size_t n = 0;
	for (int i = 0; i < 3; i++)
		for (const char *c = part[i]; *c && n + 1 < len; c++)
			out[n++] = *c;
	out[n] = '\0';
}

/* Write the case's history from registration to its current state, with the
 * records each step needs, in the order they happened. A case that reached
 * 'booked' is booked on a movement of its route (ri): one that went (or was
 * a no-show) on the route's departure before its history reaches that step,
 * booked the day before and found fit the day before that, departing when
 * the movement departs and arriving when it arrives; one booked today on the
 * route's open movement tomorrow. */
static int write_history(struct gen *g, struct members *h, const struct cor_programme *p,
			 struct progress pr, int32_t registered, int ri, size_t past, int group)
{
	struct cor_event e = {.reason = ""};
	char detail[128], why[160];
	int steps = pr.step + (pr.branch != NULL);
	int32_t span = g->today - registered;
	int32_t day[24];
	int64_t t[24];
	int err;
	assert(steps < (int)ROWS(day));
	/* A case waiting to travel (travel-ready or booked) was found fit in the
	 * last days: its last steps are yesterday and today, so its fitness to
	 * travel is still valid for the queue. */
	int ready = path_index(p, "travel_ready"), booked = path_index(p, "booked");
	bool waiting = !pr.branch && ready >= 0 && pr.step >= ready && pr.step <= booked;
	for (int i = 0; i <= steps; i++) {
		day[i] = registered + (steps ? (int32_t)((int64_t)span * i / (steps + 1)) : 0);
		if (waiting && i >= ready && day[i] < g->today - (steps - i))
			day[i] = g->today - (steps - i);
		t[i] = (int64_t)day[i] * 86400 +
		       (int64_t)minute_of((int)cor_rng_below(&g->rng, 600)) * 60;
	}

	/* Its movement, and the step at which the movement leaves (the
	 * departure, or the no-show on the day). */
	struct mv *mv = NULL;
	enum cor_booking_status status = COR_BOOKING_BOOKED;
	int leave = -1;
	bool no_show = pr.branch && !strcmp(pr.branch, "no_show");
	if (ri >= 0 && pr.step >= booked && (!pr.branch || no_show)) {
		if (no_show) {
			status = COR_BOOKING_NO_SHOW;
			leave = steps;
		} else if (pr.step > booked) {
			status = COR_BOOKING_DEPARTED;
			leave = booked + 1;
		}
	}
	if (leave >= 0) {
		assert(past > 0);
		mv = &g->mvs[past - 1];
		int32_t s = mv->day;
		/* The steps before it spread from registration to the day before. */
		for (int i = 1; i < leave; i++) {
			int64_t time_of_day = t[i] - (int64_t)day[i] * 86400;
			day[i] = registered + (int32_t)((int64_t)(s - 1 - registered) * i / leave);
			if (day[i] > s - 1)
				day[i] = s - 1;
			if (i >= ready && day[i] < s - (leave - i))
				day[i] = s - (leave - i);
			if (day[i] < day[i - 1])
				day[i] = day[i - 1];
			t[i] = (int64_t)day[i] * 86400 + time_of_day;
		}
		int64_t dep = mv->m.legs[0].departs;
		/* A no-show is recorded at the check-in. */
		t[leave] = no_show ? dep - 90 * 60 : dep;
		if (leave < steps)
			t[leave + 1] = mv->m.legs[mv->m.nlegs - 1].arrives;
		for (int i = leave + 2; i <= steps; i++) {
			int32_t on = strcmp(p->path[i], "closed") ? pr.support_on : pr.closed_on;
			t[i] = t[i] - (int64_t)day[i] * 86400 + (int64_t)on * 86400;
		}
	} else if (ri >= 0 && !pr.branch && pr.step == booked) {
		if (!(mv = assign(g, ri, g->today + 1, SLOT_OPEN, h, &group)))
			return COR_ENOMEM;
	}
	if (mv)
		h->arrival = mv->arrival;

	for (int i = 0; i <= steps; i++) {
		const char *state = i <= pr.step ? p->path[i] : pr.branch;
		/* Steps happen one after the other. */
		if (i > 0 && t[i] <= t[i - 1])
			t[i] = t[i - 1] + 60;
		at_time(e.at, t[i]);
		int32_t d = (int32_t)(t[i] / 86400);
		if ((err = records_for(g, h, p, pr, state, e.at, d,
				       (int)(t[i] / 60 - (int64_t)d * 1440))) < 0)
			return err;
		if (mv && i == booked) {
			const struct cor_movement *m = &mv->m;
			if ((err = cor_store_history_booking(
				     g->st, h->case_id, (int64_t)(mv - g->mvs) + 1, m, status,
				     m->legs[0].from, m->legs[m->nlegs - 1].to, group, e.at,
				     actor_for(state))) < 0)
				return err;
			g->res->events++;
			g->res->bookings++;
			continue;
		}
		e.actor = actor_for(state);
		e.reason = "";
		if (i == 0) {
			e.action = "registered";
			snprintf(detail, sizeof(detail), "case registered with %d person%s", h->n,
				 h->n == 1 ? "" : "s");
		} else {
			e.action = "state";
			transition(detail, sizeof(detail),
				   i - 1 <= pr.step ? p->path[i - 1] : pr.branch, state);
			if (state == pr.branch) {
				size_t n;
				e.reason = branch_reasons(p, state, &n)[pr.why];
			} else if (mv && i == leave) {
				snprintf(why, sizeof(why), "departed on %s (%s)", mv->m.label,
					 mv->m.ref);
				e.reason = why;
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
		d->expires_on =
			cor_date_from_days(g->today + (int32_t)cor_rng_below(r, 3650) - 900);
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
	int ri = route_find(g, opi, *dest ? dest : nat);
	struct progress pr = pick_progress(g, prog, ri >= 0);
	unsigned roll = cor_rng_below(r, 100);
	enum cor_priority priority = roll < op->emergency_pct ? COR_PRIO_EMERGENCY
				     : roll < op->emergency_pct + op->urgent_pct ? COR_PRIO_URGENT
										 : COR_PRIO_NORMAL;
	/* A case that left (or failed to show up) went on its route's past
	 * departure being filled, and was registered its journey's length
	 * before; its steps since follow from the days since it left. A case
	 * still on its way is as far along its journey as its step, one ready
	 * to leave all of it. */
	int ready = path_index(prog, "travel_ready"), booked = path_index(prog, "booked");
	bool no_show = pr.branch && !strcmp(pr.branch, "no_show");
	int32_t journey = journey_days(g, op->programme, priority);
	int32_t registered;
	size_t past = 0;
	int group = 0;
	if (ri >= 0 && (no_show || (!pr.branch && pr.step > booked))) {
		if (!(past = assign_past(g, ri, size, &group)))
			return COR_ENOMEM;
		int32_t left = g->mvs[past - 1].day;
		if (!no_show)
			after_departure(g, prog, left, cor_rng_below(r, 1u << 30), &pr);
		registered = left - journey;
	} else if (!pr.branch && pr.step >= ready) {
		int32_t back = journey - (int32_t)cor_rng_below(r, 3);
		registered = g->today - (back > pr.step ? back : pr.step);
	} else {
		int dep = path_index(prog, "departed");
		int32_t far = (int32_t)((int64_t)journey *
					(pr.step * 100 + (int)cor_rng_below(r, 100)) / (100 * dep));
		registered = g->today - (far > pr.step ? far : pr.step) - 1;
	}
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
	for (size_t a = 0; a < ROWS(assembly); a++) {
		if (strcmp(assembly[a].office, op->office) ||
		    number % assembly[a].every != assembly[a].at)
			continue;
		if (g->nlocated == g->cap_located) {
			size_t cap = g->cap_located ? 2 * g->cap_located : 256;
			struct cor_plan_located *p = realloc(g->located, cap * sizeof(*p));
			if (!p)
				return COR_ENOMEM;
			g->located = p;
			g->cap_located = cap;
		}
		g->located[g->nlocated].case_id = case_id;
		snprintf(g->located[g->nlocated++].location, COR_LOCATION_CODE_MAX + 1, "%s",
			 assembly[a].code);
	}
	bool documented = (pr.step >= ready && !pr.branch) || no_show;

	/* The household. */
	struct members m = {.case_id = case_id, .c = &c, .n = 0};
	const struct cor_name_set *ns = cor_names_for(nat);
	const struct cor_name *family = pick_name(g, ns->family, ns->n_family);
	bool alone_child = size == 1 && op->household != HH_REFUGEE && cor_rng_chance(r, 0.06);
	bool male_pa = op->household == HH_MIGRANT ? cor_rng_chance(r, size == 1 ? 0.88 : 0.8)
						   : cor_rng_chance(r, 0.65);
	int pa_age = alone_child                   ? cor_rng_range(r, 14, 17)
		     : op->household == HH_MIGRANT ? cor_rng_range(r, 18, 42)
						   : cor_rng_range(r, 22, 58);
	bool spouse = size >= 2 && cor_rng_chance(r, male_pa ? 0.85 : 0.45);
	bool elder = size >= 4 && op->household == HH_REFUGEE && cor_rng_chance(r, 0.2);
	bool single_parent = !spouse && size >= 2;
	/* (A birth date recorded as 1 January makes a child up to a year older.) */
	int child_max = 16 - (g->today + 30 - registered + 364) / 365;
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
		/* Relocation takes the nuclear family only, children still under
		 * 18 when they travel. */
		if (!strcmp(op->programme, "REL") && rel == COR_REL_OTHER_RELATIVE)
			rel = COR_REL_CHILD;
		if (!strcmp(op->programme, "REL") && rel == COR_REL_CHILD && age > child_max)
			age = child_max < 0 ? 0 : child_max;
		make_person(g, &p, i, rel, sex, age, nat, fam, registered);
		add_needs(g, &p, age, op->household, i == 1 && single_parent,
			  i == 1 && alone_child);
		int64_t pid;
		if ((err = cor_store_person_add(g->st, case_id, &p, &pid)) < 0)
			return err;
		m.pid[m.n] = pid;
		cor_person_ref_format(m.ref[m.n], sizeof(m.ref[0]), c.ref, i);
		memcpy(m.needs[m.n], p.needs, sizeof(p.needs));
		m.born[m.n] = p.birth_date;
		m.n++;
		m.medical += has_need(p.needs, "SM-CC");
		m.wchs += has_need(p.needs, "DS-PS");
		if (i == 1)
			snprintf(m.language, sizeof(m.language), "%.*s",
				 (int)strcspn(p.languages, ";"), p.languages);
		g->res->persons++;
		struct cor_document d;
		if (make_document(g, &d, prog, &p, nat, c.origin, documented)) {
			if ((err = cor_store_document_add(g->st, pid, &d)) < 0)
				return err;
			g->res->documents++;
		}
	}
	if (ri >= 0 && !pr.branch && pr.step == path_index(prog, "travel_ready"))
		g->routes[ri].waiting += size;
	if (past) {
		struct mv *v = &g->mvs[past - 1];
		v->medical += m.medical;
		v->wchs += m.wchs;
	}
	return write_history(g, &m, prog, pr, registered, ri, past, group);
}

/* The assembly points, and the reach of every office and of each of them. */
static int write_locations(struct gen *g)
{
	int err;
	for (size_t a = 0; a < ROWS(assembly); a++) {
		struct cor_location loc = {.kind = assembly[a].kind};
		snprintf(loc.code, sizeof(loc.code), "%s", assembly[a].code);
		snprintf(loc.country, sizeof(loc.country), "%s",
			 office_country(assembly[a].office));
		snprintf(loc.name, sizeof(loc.name), "%s", assembly[a].name);
		struct cor_place_reach r = {.mode = assembly[a].mode, .hours = assembly[a].hours};
		snprintf(r.place, sizeof(r.place), "%s", assembly[a].place);
		snprintf(r.location, sizeof(r.location), "%s", assembly[a].code);
		if ((err = cor_store_location_add(g->st, &loc)) < 0 ||
		    (err = cor_store_reach_put(g->st, &r)) < 0)
			return err;
	}
	for (size_t d = 0; d < ROWS(departures); d++) {
		bool agadez = !strcmp(departures[d].office, "NE-AJY");
		struct cor_place_reach r = {.mode = agadez ? COR_REACH_LEG : COR_REACH_ROAD,
					    .hours = agadez ? 2 : 1};
		snprintf(r.place, sizeof(r.place), "%s", departures[d].place);
		snprintf(r.location, sizeof(r.location), "%s", departures[d].office);
		if ((err = cor_store_reach_put(g->st, &r)) < 0)
			return err;
	}
	/* Convoys from Sabha and vessels from Aden leave from the town and the
	 * port, not the airport. */
	static const struct cor_place_reach more[] = {
		{"LYSEB", "LY-SEB", COR_REACH_ROAD, 0},
		{"YEADE", "YE-ADE", COR_REACH_ROAD, 1},
	};
	for (size_t k = 0; k < ROWS(more); k++)
		if ((err = cor_store_reach_put(g->st, &more[k])) < 0)
			return err;
	return 0;
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
		snprintf(
			msg, msglen,
			"the database already holds cases; demo data goes only into a new database "
			"(give another --db)");
		return COR_EEXIST;
	}
	/* A device numbers cases only from its blocks; the demo numbers its own. */
	struct cor_numbering numbering;
	if ((err = cor_store_numbering_get(st, &numbering)) < 0)
		goto store_fail;
	if (numbering.device) {
		snprintf(msg, msglen,
			 "the database is the device '%s', which numbers cases only from the "
			 "blocks its primary leased it; demo data goes only into a new database",
			 numbering.name);
		return COR_EINVAL;
	}
	bool movements = false;
	if ((err = cor_store_movement_each(st, NULL, on_movement, &movements)) < 0)
		goto store_fail;
	if (movements) {
		snprintf(msg, msglen,
			 "the database already holds movements; demo data goes only into a new "
			 "database (give another --db)");
		return COR_EEXIST;
	}
	cor_rng_seed(&g.rng, o->seed);
	g.today = cor_date_to_days(o->today);
	if ((err = make_routes(&g)) < 0)
		goto store_fail;
	for (size_t i = 0; i < ROWS(ops); i++)
		weights[i] = ops[i].share;
	/* One large write: bookings name movements written at the end (their
	 * keys are checked then), and a failure leaves the database empty. */
	if ((err = cor_store_begin_large(st)) < 0 || (err = write_locations(&g)) < 0)
		goto store_fail;
	while (res->persons < o->people) {
		int opi = cor_rng_weighted(&g.rng, weights, (int)ROWS(ops));
		int size = household_size(&g, ops[opi].household);
		if (size > o->people - res->persons)
			size = (int)(o->people - res->persons);
		if ((err = make_case(&g, &ops[opi], (size_t)opi, size)) < 0)
			goto store_fail;
		cor_progress_update(&prog, res->persons);
	}
	/* The movements the cases went on or are booked on, and more to come. */
	if ((err = add_spare_movements(&g)) < 0 || (err = write_movements(&g)) < 0 ||
	    (err = cor_store_cases_locate(st, g.located, g.nlocated)) < 0)
		goto store_fail;
	/* Budgets that cover what the offices approved. */
	char at[COR_TIME_LEN];
	cor_date_format(o->today, at);
	snprintf(at + 10, sizeof(at) - 10, "T00:00:00Z");
	if ((err = cor_store_history_fund_budgets(st, at, "manager")) < 0 ||
	    (err = cor_store_commit(st)) < 0)
		goto store_fail;
	cor_progress_end(&prog);
	free(g.mvs);
	free(g.slots);
	free(g.located);
	return 0;
store_fail:
	cor_progress_end(&prog);
	if (err == COR_ENOMEM)
		snprintf(msg, msglen,
			 "out of memory (or of movement numbers) generating movements");
	else
		snprintf(msg, msglen, "%s", cor_store_errmsg(st));
	cor_store_rollback(st);
	free(g.mvs);
	free(g.slots);
	free(g.located);
	return err;
}

// SPDX-License-Identifier: Apache-2.0
// The instance generator (see gen.h). Movements are drawn first, route by
// route from a table of the operations; cases follow the seats: each case's
// origin and destination are drawn in proportion to the capacity that
// serves them, and the seats are then scaled so that the travellers are
// the chosen multiple of the seats.
#include "plan/gen.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/date.h"
#include "plan/plan_int.h"
#include "util/error.h"
#include "util/rng.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define DAY     86400
#define HOUR    3600

struct place {
	const char *code, *country;
};

static const struct place places[] = {
	{"TIP", "LBY"},   {"MJI", "LBY"},   {"BEN", "LBY"},   {"SEB", "LBY"},   {"LOS", "NGA"},
	{"ABV", "NGA"},   {"NIM", "NER"},   {"BKO", "MLI"},   {"CKY", "GIN"},   {"BJL", "GMB"},
	{"DSS", "SEN"},   {"ACC", "GHA"},   {"ABJ", "CIV"},   {"KRT", "SDN"},   {"DAC", "BGD"},
	{"YEADE", "YEM"}, {"DJJIB", "DJI"}, {"SOBBO", "SOM"}, {"IST", "TUR"},   {"ADD", "ETH"},
	{"DOH", "QAT"},   {"NBO", "KEN"},   {"CAI", "EGY"},   {"AMM", "JOR"},   {"IAD", "USA"},
	{"JFK", "USA"},   {"YYZ", "CAN"},   {"SYD", "AUS"},   {"ARN", "SWE"},   {"HEL", "FIN"},
	{"CDG", "FRA"},   {"NEAJY", "NER"}, {"NGKAN", "NGA"}, {"MLGAO", "MLI"}, {"JIB", "DJI"},
	{"CMN", "MAR"},   {"TUN", "TUN"},   {"OUA", "BFA"},   {"FNA", "SLE"},   {"ROB", "LBR"},
	{"DLA", "CMR"},   {"NDJ", "TCD"},   {"ISB", "PAK"},   {"BEY", "LBN"},   {"EBB", "UGA"},
	{"KGL", "RWA"},   {"DAR", "TZA"},   {"KUL", "MYS"},   {"FRA", "DEU"},   {"OSL", "NOR"},
	{"LHR", "GBR"},   {"AMS", "NLD"},   {"AKL", "NZL"},   {"MAD", "ESP"},   {"LIS", "PRT"},
	{"DUB", "IRL"},   {"NEZIN", "NER"}, {"BFOUA", "BFA"},
};

enum kind { CHARTER, VESSEL, SCHEDULED, CONVOY };

struct route_def {
	enum kind kind;
	const char *stop[4]; /* places, NULL-terminated */
	unsigned weight;     /* movements per unit of the kind's share */
};

static const struct route_def classic[] = {
	{CHARTER, {"TIP", "LOS"}, 3},          {SCHEDULED, {"NBO", "ADD", "IAD"}, 3},
	{CONVOY, {"NEAJY", "NGKAN"}, 3},       {VESSEL, {"YEADE", "DJJIB"}, 2},
	{CHARTER, {"MJI", "ACC", "ABJ"}, 2},   {SCHEDULED, {"CAI", "IST", "YYZ"}, 3},
	{CHARTER, {"TIP", "NIM"}, 3},          {SCHEDULED, {"AMM", "DOH", "SYD"}, 2},
	{CHARTER, {"BEN", "KRT"}, 2},          {SCHEDULED, {"NBO", "DOH", "ARN"}, 2},
	{CHARTER, {"TIP", "DSS", "BJL"}, 2},   {CONVOY, {"NEAJY", "MLGAO"}, 2},
	{SCHEDULED, {"ADD", "IST", "HEL"}, 2}, {CHARTER, {"SEB", "NIM", "BKO"}, 2},
	{VESSEL, {"YEADE", "SOBBO"}, 1},       {SCHEDULED, {"CAI", "IST", "CDG"}, 2},
	{CHARTER, {"BEN", "ABV"}, 2},          {SCHEDULED, {"AMM", "IST", "JFK"}, 2},
	{CHARTER, {"MJI", "CKY"}, 2},          {SCHEDULED, {"NBO", "ADD", "YYZ"}, 2},
	{CHARTER, {"TIP", "DAC"}, 1},          {CHARTER, {"MJI", "BKO"}, 2},
};

/* Share of the movements by kind, percent. */
static const unsigned kind_share[] = {15, 3, 60, 22};

/* Beyond the classic routes, larger operations fly these combinations. */
static const char *const vhr_from[] = {"TIP", "MJI", "BEN", "SEB", "NIM", "JIB", "CMN", "TUN"};
static const char *const vhr_to[] = {"LOS", "ABV", "NIM", "BKO", "CKY", "BJL", "DSS", "ACC", "ABJ",
				     "KRT", "DAC", "OUA", "FNA", "ROB", "DLA", "NDJ", "ISB"};
static const char *const rst_from[] = {"NBO", "CAI", "AMM", "ADD", "IST",
				       "BEY", "EBB", "KGL", "DAR", "KUL"};
static const char *const rst_hub[] = {"IST", "ADD", "DOH"};
static const char *const rst_to[] = {"IAD", "JFK", "YYZ", "SYD", "ARN", "HEL", "CDG", "FRA",
				     "OSL", "LHR", "AMS", "AKL", "MAD", "LIS", "DUB"};
static const char *const convoy_from[] = {"NEAJY", "NEZIN"};
static const char *const convoy_to[] = {"NGKAN", "MLGAO", "BFOUA"};

static const char *const vessel_names[] = {"MV Amal", "MV Salam", "MV Noor", "MV Rahma"};
static const unsigned family_weights[] = {34, 16, 14, 12, 10, 7, 4, 3};

static const char *country_of(const char *place)
{
	for (size_t k = 0; k < ROWS(places); k++)
		if (!strcmp(places[k].code, place))
			return places[k].country;
	return "XXX";
}

static const char *office_of(struct cor_rng *r, const char *country)
{
	static const char *const libya[] = {"LY-TIP", "LY-BEN", "LY-SEB"};
	static const struct {
		const char *country, *office;
	} tab[] = {{"YEM", "YE-ADE"}, {"KEN", "KE-NBO"}, {"EGY", "EG-CAI"}, {"JOR", "JO-AMM"},
		   {"ETH", "ET-ADD"}, {"NER", "NE-AGZ"}, {"TUR", "TR-IST"}, {"QAT", "QA-DOH"}};
	if (!strcmp(country, "LBY"))
		return libya[cor_rng_weighted(r, (const unsigned[]){5, 3, 2}, 3)];
	for (size_t k = 0; k < ROWS(tab); k++)
		if (!strcmp(tab[k].country, country))
			return tab[k].office;
	return "XX-XXX";
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
}

static int64_t horizon_start(void)
{
	return (int64_t)cor_date_to_days((struct cor_date){2026, 12, 1}) * DAY;
}

/* One demand pair of a route: board at stop a, alight at stop b. */
struct pair {
	int route;
	int a, b;
	unsigned seats;
};

void cor_plan_instance_free(struct cor_plan_instance *inst)
{
	free(inst->cases);
	free(inst->movements);
	free(inst->legs);
	free(inst->quotas);
	memset(inst, 0, sizeof(*inst));
}

static int nstops(const struct route_def *rd)
{
	int n = 0;
	while (n < 4 && rd->stop[n])
		n++;
	return n;
}

/* Legs of one movement of route rd departing on day. */
static void make_legs(struct cor_rng *r, const struct route_def *rd, int64_t t0,
		      struct cor_plan_leg *legs, int nlegs)
{
	int64_t t = t0;
	int seats = 0;
	switch (rd->kind) {
	case CHARTER:
		t += (6 + cor_rng_range(r, 0, 4)) * HOUR;
		seats = cor_rng_range(r, 150, 200);
		break;
	case VESSEL:
		t += 18 * HOUR;
		seats = cor_rng_range(r, 200, 300);
		break;
	case SCHEDULED:
		t += cor_rng_range(r, 1, 22) * HOUR;
		seats = cor_rng_range(r, 10, 40);
		break;
	case CONVOY:
		t += 5 * HOUR;
		seats = cor_rng_range(r, 40, 60);
		break;
	}
	for (int k = 0; k < nlegs; k++) {
		struct cor_plan_leg *lg = &legs[k];
		memset(lg, 0, sizeof(*lg));
		copy(lg->from, sizeof(lg->from), rd->stop[k]);
		copy(lg->to, sizeof(lg->to), rd->stop[k + 1]);
		copy(lg->from_country, sizeof(lg->from_country), country_of(rd->stop[k]));
		copy(lg->to_country, sizeof(lg->to_country), country_of(rd->stop[k + 1]));
		int dur = 0;
		switch (rd->kind) {
		case CHARTER:
			dur = cor_rng_range(r, 3, 6) * HOUR;
			lg->cap[COR_RES_SEATS] = seats;
			lg->cap[COR_RES_STRETCHERS] =
				cor_rng_chance(r, 0.5) ? 0 : cor_rng_range(r, 1, 2);
			lg->cap[COR_RES_WCHC] = cor_rng_range(r, 2, 4);
			lg->cap[COR_RES_WCHS] = cor_rng_range(r, 4, 8);
			break;
		case VESSEL:
			dur = 20 * HOUR;
			lg->cap[COR_RES_SEATS] = seats;
			lg->cap[COR_RES_STRETCHERS] = 2;
			lg->cap[COR_RES_WCHC] = 4;
			lg->cap[COR_RES_WCHS] = 6;
			break;
		case SCHEDULED:
			/* Block seats are bought leg by leg. */
			dur = (k == 0 ? cor_rng_range(r, 2, 5) : cor_rng_range(r, 8, 15)) * HOUR;
			lg->cap[COR_RES_SEATS] = k == 0 ? seats : seats + cor_rng_range(r, -5, 10);
			if (lg->cap[COR_RES_SEATS] < 5)
				lg->cap[COR_RES_SEATS] = 5;
			lg->cap[COR_RES_STRETCHERS] = cor_rng_chance(r, 0.1);
			lg->cap[COR_RES_WCHC] = cor_rng_range(r, 1, 2);
			lg->cap[COR_RES_WCHS] = 2;
			break;
		case CONVOY:
			dur = cor_rng_range(r, 24, 48) * HOUR;
			lg->cap[COR_RES_SEATS] = seats;
			lg->cap[COR_RES_STRETCHERS] = cor_rng_chance(r, 0.3);
			lg->cap[COR_RES_WCHC] = 0;
			lg->cap[COR_RES_WCHS] = 2;
			break;
		}
		lg->departs = t;
		lg->arrives = t + dur;
		t = lg->arrives + (rd->kind == SCHEDULED ? cor_rng_range(r, 3, 8) : 1) * HOUR;
	}
}

static void label_of(struct cor_rng *r, const struct route_def *rd, size_t m, char *buf, size_t n)
{
	static const char *const carriers[] = {"8U", "UZ", "LN"};
	switch (rd->kind) {
	case CHARTER:
		snprintf(buf, n, "%s %zu", carriers[cor_rng_below(r, 3)], 4000 + m % 6000);
		break;
	case VESSEL:
		snprintf(buf, n, "%s v%zu", vessel_names[m % ROWS(vessel_names)], 1 + m / 4 % 999);
		break;
	case SCHEDULED: {
		const char *hub = rd->stop[1];
		const char *air = !strcmp(hub, "ADD") ? "ET" : !strcmp(hub, "IST") ? "TK" : "QR";
		snprintf(buf, n, "%s %zu", air, 300 + m % 9000);
		break;
	}
	case CONVOY:
		snprintf(buf, n, "convoy %zu", 1 + m);
		break;
	}
}

static int64_t end_of_day(int64_t t)
{
	return t - t % DAY + DAY - 1;
}

static void make_case(struct cor_rng *r, struct cor_plan_case *c, size_t i, const char *origin,
		      const char *destination, int horizon)
{
	int64_t h0 = horizon_start();
	char d[COR_DATE_LEN];
	memset(c, 0, sizeof(*c));
	copy(c->origin, sizeof(c->origin), origin);
	copy(c->destination, sizeof(c->destination), destination);
	copy(c->office, sizeof(c->office), office_of(r, origin));
	snprintf(c->ref, sizeof(c->ref), "%.7s-2026-%06u", c->office, (unsigned)(i + 1) % 1000000u);
	int persons = 1 + cor_rng_weighted(r, family_weights, (int)ROWS(family_weights));
	c->need[COR_RES_SEATS] = persons;
	if (cor_rng_chance(r, 0.008)) {
		c->need[COR_RES_STRETCHERS] = 1;
		c->medical = 1;
	} else if (cor_rng_chance(r, 0.015)) {
		c->need[COR_RES_WCHC] = 1;
	} else if (cor_rng_chance(r, 0.03)) {
		c->need[COR_RES_WCHS] = persons >= 2 && cor_rng_chance(r, 0.2) ? 2 : 1;
	}
	if (!c->medical && cor_rng_chance(r, 0.03))
		c->medical = persons >= 2 && cor_rng_chance(r, 0.2) ? 2 : 1;
	int lv = cor_rng_weighted(r, (const unsigned[]){75, 20, 5}, 3);
	c->level = lv;
	int dl = lv == 2   ? cor_rng_range(r, 2, horizon / 2 + 2)
		 : lv == 1 ? cor_rng_range(r, 14, 45)
			   : 180;
	c->deadline = end_of_day(h0 + (int64_t)dl * DAY);
	c->available_from =
		cor_rng_chance(r, 0.55)
			? h0
			: h0 + (int64_t)cor_rng_range(r, 1, horizon > 6 ? horizon - 5 : 1) * DAY;
	c->valid_until = h0 + 400LL * DAY;
	/* Fitness to travel lasts weeks; some documents run out too. */
	if (c->medical || c->need[COR_RES_STRETCHERS] || cor_rng_chance(r, 0.12)) {
		int64_t end = c->available_from + (int64_t)cor_rng_range(r, 3, 40) * DAY +
			      cor_rng_range(r, 8, 17) * HOUR;
		c->valid_until = end;
		cor_date_format(cor_date_from_days((int32_t)(end / DAY)), d);
		int who = 1 + (int)cor_rng_below(r, (uint32_t)persons);
		if (c->medical || cor_rng_chance(r, 0.5))
			snprintf(c->valid_why, sizeof(c->valid_why),
				 "fitness to travel of %s-%02d ends %s %02d:00 UTC", c->ref, who, d,
				 (int)(end % DAY / HOUR));
		else
			snprintf(c->valid_why, sizeof(c->valid_why),
				 "the passport of %s-%02d expires %s", c->ref, who, d);
	}
	c->fixed = -1;
}

struct draft {
	int route;
	int64_t departs;
	size_t leg0;
	int nlegs;
};

static int draft_cmp(const void *a, const void *b)
{
	const struct draft *x = a, *y = b;
	if (x->departs != y->departs)
		return x->departs < y->departs ? -1 : 1;
	if (x->route != y->route)
		return x->route < y->route ? -1 : 1;
	return (x->leg0 > y->leg0) - (x->leg0 < y->leg0);
}

/* Every route the generator knows: the classic ones, then combinations. */
struct catalogue {
	struct route_def *r;
	size_t n;
};

static int place_known(const char *code)
{
	return strcmp(country_of(code), "XXX") != 0;
}

static int catalogue_build(struct catalogue *cat)
{
	size_t most = ROWS(classic) + ROWS(vhr_from) * ROWS(vhr_to) * 2 +
		      ROWS(rst_from) * ROWS(rst_hub) * ROWS(rst_to) +
		      ROWS(convoy_from) * ROWS(convoy_to);
	cat->r = malloc(most * sizeof(*cat->r));
	cat->n = 0;
	if (!cat->r)
		return COR_ENOMEM;
	for (size_t k = 0; k < ROWS(classic); k++)
		cat->r[cat->n++] = classic[k];
	for (size_t a = 0; a < ROWS(vhr_from); a++)
		for (size_t b = 0; b < ROWS(vhr_to); b++) {
			if (!strcmp(country_of(vhr_from[a]), country_of(vhr_to[b])))
				continue;
			cat->r[cat->n++] = (struct route_def){CHARTER, {vhr_from[a], vhr_to[b]}, 2};
			/* Some charters stop twice: on to the next country. */
			size_t c = (b + 1) % ROWS(vhr_to);
			if ((a + b) % 4 == 0 &&
			    strcmp(country_of(vhr_to[c]), country_of(vhr_to[b])) &&
			    strcmp(country_of(vhr_to[c]), country_of(vhr_from[a])))
				cat->r[cat->n++] = (struct route_def){
					CHARTER, {vhr_from[a], vhr_to[b], vhr_to[c]}, 1};
		}
	for (size_t a = 0; a < ROWS(rst_from); a++)
		for (size_t h = 0; h < ROWS(rst_hub); h++)
			for (size_t b = 0; b < ROWS(rst_to); b++)
				if (strcmp(country_of(rst_from[a]), country_of(rst_hub[h])))
					cat->r[cat->n++] = (struct route_def){
						SCHEDULED, {rst_from[a], rst_hub[h], rst_to[b]}, 1};
	for (size_t a = 0; a < ROWS(convoy_from); a++)
		for (size_t b = 0; b < ROWS(convoy_to); b++)
			cat->r[cat->n++] =
				(struct route_def){CONVOY, {convoy_from[a], convoy_to[b]}, 1};
	for (size_t k = 0; k < cat->n; k++)
		for (int j = 0; j < 4 && cat->r[k].stop[j]; j++)
			if (!place_known(cat->r[k].stop[j]))
				return COR_EINVAL; /* a typing slip in the tables */
	/* One route per pair of countries: an operation flies a pair from one
	 * airport, and cases see a realistic handful of departures. */
	size_t kept = 0;
	for (size_t k = 0; k < cat->n; k++) {
		const struct route_def *a = &cat->r[k];
		const char *from = country_of(a->stop[0]), *to = country_of(a->stop[nstops(a) - 1]);
		bool dup = false;
		for (size_t j = 0; j < kept && !dup; j++) {
			const struct route_def *b = &cat->r[j];
			dup = !strcmp(from, country_of(b->stop[0])) &&
			      !strcmp(to, country_of(b->stop[nstops(b) - 1]));
		}
		if (!dup)
			cat->r[kept++] = *a;
	}
	cat->n = kept;
	return 0;
}

/* Choose the routes that run: about one per eight movements, each kind in
 * its share, the classic routes of a kind before the combinations. */
static size_t choose_routes(struct cor_rng *r, const struct catalogue *cat, size_t nmovements,
			    size_t *chosen)
{
	size_t nr = nmovements / 8, n = 0;
	if (nr < 1)
		nr = 1;
	for (int kind = 0; kind < 4 && n < nr; kind++) {
		size_t want = (nr * kind_share[kind] + 99) / 100, have = 0;
		size_t *pool = malloc(cat->n * sizeof(*pool)), np = 0, nclassic = 0;
		if (!pool)
			return 0;
		for (size_t k = 0; k < cat->n; k++)
			if ((int)cat->r[k].kind == kind) {
				pool[np++] = k;
				nclassic += k < ROWS(classic);
			}
		for (size_t k = np; k > nclassic + 1; k--) {
			size_t j = nclassic + cor_rng_below(r, (uint32_t)(k - nclassic));
			size_t t = pool[k - 1];
			pool[k - 1] = pool[j];
			pool[j] = t;
		}
		for (size_t k = 0; k < np && have < want && n < nr; k++, have++)
			chosen[n++] = pool[k];
		free(pool);
	}
	return n;
}

/* Draw which routes run and how many movements each gets. */
static int draw_movements(struct cor_rng *r, const struct catalogue *cat, size_t nmovements,
			  int horizon, struct cor_plan_instance *out, int *route_of)
{
	size_t *order = malloc((nmovements / 8 + 2) * sizeof(*order));
	unsigned *w = malloc((nmovements / 8 + 2) * sizeof(*w)), kind_total[4] = {0};
	struct draft *dr = malloc(nmovements * sizeof(*dr));
	struct cor_plan_leg *legs = malloc(nmovements * 3 * sizeof(*legs));
	size_t nr = order ? choose_routes(r, cat, nmovements, order) : 0;
	int rc = COR_ENOMEM;
	if (!order || !w || !dr || !legs || nr == 0)
		goto out;
	for (size_t k = 0; k < nr; k++)
		kind_total[cat->r[order[k]].kind] += cat->r[order[k]].weight;
	for (size_t k = 0; k < nr; k++) {
		const struct route_def *rd = &cat->r[order[k]];
		w[k] = 1 + 1000 * kind_share[rd->kind] * rd->weight / kind_total[rd->kind];
	}
	size_t nl = 0;
	for (size_t m = 0; m < nmovements; m++) {
		size_t k = m < nr ? m : (size_t)cor_rng_weighted(r, w, (int)nr);
		const struct route_def *rd = &cat->r[order[k]];
		int day = cor_rng_range(r, 0, horizon - 1);
		int n = nstops(rd) - 1;
		make_legs(r, rd, horizon_start() + (int64_t)day * DAY, &legs[nl], n);
		dr[m] = (struct draft){(int)order[k], legs[nl].departs, nl, n};
		nl += (size_t)n;
	}
	qsort(dr, nmovements, sizeof(*dr), draft_cmp);
	out->movements = calloc(nmovements, sizeof(*out->movements));
	out->legs = malloc((nl + 1) * sizeof(*out->legs));
	if (!out->movements || !out->legs)
		goto out;
	nl = 0;
	for (size_t m = 0; m < nmovements; m++) {
		struct cor_plan_movement *mv = &out->movements[m];
		const struct route_def *rd = &cat->r[dr[m].route];
		memcpy(&out->legs[nl], &legs[dr[m].leg0], (size_t)dr[m].nlegs * sizeof(*legs));
		snprintf(mv->ref, sizeof(mv->ref), "MOV-2026-%05zu", m + 1);
		label_of(r, rd, m, mv->label, sizeof(mv->label));
		mv->escort_seats = rd->kind == CHARTER     ? cor_rng_range(r, 2, 4)
				   : rd->kind == VESSEL    ? 3
				   : rd->kind == SCHEDULED ? cor_rng_range(r, 1, 2)
							   : 1;
		mv->nlegs = dr[m].nlegs;
		mv->legs = &out->legs[nl];
		nl += (size_t)dr[m].nlegs;
		route_of[m] = dr[m].route;
	}
	rc = 0;
out:
	free(order);
	free(w);
	free(dr);
	free(legs);
	return rc;
}

/* Board at stop a, alight at stop b: the pairs each kind of route serves,
 * with their share of its seats in percent. */
static int route_pairs(const struct route_def *rd, struct pair *p)
{
	int n = nstops(rd);
	if (rd->kind == SCHEDULED && n == 3) {
		/* Through travellers, and refugees boarding at the hub. */
		p[0] = (struct pair){0, 0, 2, 75};
		p[1] = (struct pair){0, 1, 2, 25};
		return 2;
	}
	if (n == 3) {
		p[0] = (struct pair){0, 0, 1, 50};
		p[1] = (struct pair){0, 0, 2, 50};
		return 2;
	}
	p[0] = (struct pair){0, 0, 1, 100};
	return 1;
}

static int draw_cases(struct cor_rng *r, const struct catalogue *cat, size_t ncases,
		      size_t nmovements, int horizon, double demand, const int *route_of,
		      struct cor_plan_instance *out)
{
	/* Seats per demand pair of every route that runs, over its movements:
	 * pair slot 2 * route + j. */
	size_t np = 2 * cat->n;
	struct pair *all = calloc(np + 1, sizeof(*all));
	unsigned *w = calloc(np + 1, sizeof(*w));
	double seats = 0;
	int rc = COR_ENOMEM;
	if (!all || !w)
		goto out;
	for (size_t k = 0; k < cat->n; k++) {
		struct pair p[2];
		int n = route_pairs(&cat->r[k], p);
		for (int j = 0; j < n; j++) {
			p[j].route = (int)k;
			all[2 * k + (size_t)j] = p[j];
		}
	}
	for (size_t m = 0; m < nmovements; m++) {
		const struct cor_plan_movement *mv = &out->movements[m];
		int most = 0;
		for (int k = 0; k < mv->nlegs; k++)
			if (mv->legs[k].cap[COR_RES_SEATS] > most)
				most = mv->legs[k].cap[COR_RES_SEATS];
		seats += most;
		for (size_t j = 0; j < 2; j++) {
			const struct pair *p = &all[2 * (size_t)route_of[m] + j];
			if (p->seats)
				w[2 * (size_t)route_of[m] + j] +=
					(unsigned)(most * (int)p->seats / 100);
		}
	}
	/* Scale the seats so that travellers / seats is the demand: a family
	 * has 3 travellers on average. */
	double f = 3.0 * (double)ncases / (demand * (seats > 0 ? seats : 1));
	for (size_t m = 0; m < nmovements; m++) {
		struct cor_plan_movement *mv = &out->movements[m];
		for (int k = 0; k < mv->nlegs; k++) {
			struct cor_plan_leg *lg = (struct cor_plan_leg *)&mv->legs[k];
			int v = (int)(lg->cap[COR_RES_SEATS] * f + 0.5);
			lg->cap[COR_RES_SEATS] = v < 1 ? 1 : v;
		}
	}
	out->cases = calloc(ncases + 1, sizeof(*out->cases));
	if (!out->cases)
		goto out;
	for (size_t i = 0; i < ncases; i++) {
		const char *o = "LBY", *d = "ERI"; /* nobody goes there: no route */
		if (!cor_rng_chance(r, 0.005)) {
			const struct pair *p = &all[cor_rng_weighted(r, w, (int)np)];
			o = country_of(cat->r[p->route].stop[p->a]);
			d = country_of(cat->r[p->route].stop[p->b]);
		}
		make_case(r, &out->cases[i], i, o, d, horizon);
	}
	rc = 0;
out:
	free(all);
	free(w);
	return rc;
}

/* About 1% of the cases keep a booking, on movements no more than half
 * full of kept bookings. */
static int draw_fixed(struct cor_rng *r, struct cor_plan_instance *out)
{
	struct cor_plan_input *in = &out->in;
	size_t nl = 0;
	for (size_t m = 0; m < in->nmovements; m++)
		nl += (size_t)in->movements[m].nlegs;
	int *load = calloc(nl + 1, sizeof(*load));
	size_t *first = calloc(in->nmovements + 1, sizeof(*first));
	if (!load || !first) {
		free(load);
		free(first);
		return COR_ENOMEM;
	}
	for (size_t m = 0; m < in->nmovements; m++)
		first[m + 1] = first[m] + (size_t)in->movements[m].nlegs;
	for (size_t i = 0; i < in->ncases; i++) {
		struct cor_plan_case *c = &out->cases[i];
		if (!cor_rng_chance(r, 0.01) || c->medical || c->need[1] || c->need[2] ||
		    c->need[3])
			continue;
		size_t seen = 0, pick = SIZE_MAX;
		for (size_t m = 0; m < in->nmovements; m++) {
			int k1, k2, ok = cor_plan_value(in, i, m) > 0;
			if (!ok ||
			    !plan_journey(&in->movements[m], c->origin, c->destination, &k1, &k2))
				continue;
			for (int k = k1; k <= k2; k++)
				ok &= 2 * (load[first[m] + (size_t)k] + c->need[0]) <=
				      in->movements[m].legs[k].cap[COR_RES_SEATS];
			if (ok && cor_rng_below(r, (uint32_t)++seen) == 0)
				pick = m;
		}
		if (pick == SIZE_MAX)
			continue;
		int k1, k2;
		plan_journey(&in->movements[pick], c->origin, c->destination, &k1, &k2);
		for (int k = k1; k <= k2; k++)
			load[first[pick] + (size_t)k] += c->need[0];
		c->fixed = (int)pick;
	}
	free(load);
	free(first);
	return 0;
}

static int draw_quotas(struct cor_rng *r, struct cor_plan_instance *out)
{
	static const char *const libya[] = {"LY-TIP", "LY-BEN", "LY-SEB"};
	struct cor_plan_input *in = &out->in;
	out->quotas = calloc(in->nmovements + 1, sizeof(*out->quotas));
	if (!out->quotas)
		return COR_ENOMEM;
	size_t nq = 0;
	for (size_t m = 0; m < in->nmovements; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		if (strcmp(mv->legs[0].from_country, "LBY") ||
		    mv->legs[0].cap[COR_RES_SEATS] < 20 || !cor_rng_chance(r, 0.3))
			continue;
		struct cor_plan_quota *q = &out->quotas[nq++];
		q->movement = (int)m;
		copy(q->office, sizeof(q->office), libya[cor_rng_below(r, 3)]);
		q->seats = mv->legs[0].cap[COR_RES_SEATS] * cor_rng_range(r, 15, 35) / 100;
		/* A quota never takes back a kept booking. */
		int kept = 0;
		for (size_t i = 0; i < in->ncases; i++)
			if (out->cases[i].fixed == (int)m &&
			    !strcmp(out->cases[i].office, q->office))
				kept += out->cases[i].need[COR_RES_SEATS];
		if (q->seats < kept)
			q->seats = kept;
	}
	in->quotas = out->quotas;
	in->nquotas = nq;
	return 0;
}

int cor_plan_generate(size_t ncases, size_t nmovements, uint64_t seed,
		      const struct cor_plan_gen *opt, struct cor_plan_instance *out)
{
	static const struct cor_plan_gen dflt = {0, true, true};
	struct cor_rng r;
	int *route_of = NULL;
	int rc;
	memset(out, 0, sizeof(*out));
	if (!opt)
		opt = &dflt;
	if (nmovements < 1 || nmovements > 1000000 || ncases > 10000000)
		return COR_EINVAL;
	cor_rng_seed(&r, seed);
	int horizon = nmovements >= 28 ? 56 : nmovements * 2 < 7 ? 7 : (int)nmovements * 2;
	double demand =
		opt->demand > 0 ? opt->demand : 1.3 + 0.7 * (double)cor_rng_below(&r, 1001) / 1000;
	struct catalogue cat = {0};
	route_of = malloc(nmovements * sizeof(*route_of));
	rc = route_of ? catalogue_build(&cat) : COR_ENOMEM;
	if (!rc)
		rc = draw_movements(&r, &cat, nmovements, horizon, out, route_of);
	if (!rc)
		rc = draw_cases(&r, &cat, ncases, nmovements, horizon, demand, route_of, out);
	free(route_of);
	free(cat.r);
	if (rc)
		goto fail;
	struct cor_plan_input *in = &out->in;
	in->cases = out->cases;
	in->ncases = ncases;
	in->movements = out->movements;
	in->nmovements = nmovements;
	cor_plan_config_default(&in->cfg);
	in->cfg.horizon_start = horizon_start();
	if (opt->fixed && (rc = draw_fixed(&r, out)))
		goto fail;
	if (opt->quotas && (rc = draw_quotas(&r, out)))
		goto fail;
	return 0;
fail:
	cor_plan_instance_free(out);
	return rc;
}

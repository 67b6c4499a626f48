// SPDX-License-Identifier: Apache-2.0
// The planner's entry points: the input checked, the model built (every way
// each case can travel, found through an index of the movements by origin
// and destination country), the solver chosen by size, the answer filled.
// The model follows plan.h; docs/planner.md writes it out as a program.
#include "plan/plan.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "domain/date.h"
#include "plan/plan_int.h"
#include "util/error.h"

static const char *const why_codes[COR_WHY__N] = {
	"placed",      "no_route", "not_yet",    "expires",  "special_full",
	"escort_full", "quota",    "seats_full", "no_reach",
};

const char *cor_plan_why_code(enum cor_plan_why why)
{
	return (unsigned)why < COR_WHY__N ? why_codes[why] : "unknown";
}

void cor_plan_config_default(struct cor_plan_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->escort_ratio = 3;
	cfg->weight[0] = 1;
	cfg->weight[1] = 10;
	cfg->weight[2] = 100;
	cfg->exact_max_cases = 200;
	cfg->node_limit = 2000;
	cfg->bound_steps = 200;
	cfg->time_limit = 60.0;
	cfg->threads = 0;
}

double plan_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void plan_fmt_date(int64_t t, char *buf)
{
	int64_t day = t >= 0 ? t / PLAN_DAY : -((-t + PLAN_DAY - 1) / PLAN_DAY);
	cor_date_format(cor_date_from_days((int32_t)day), buf);
}

static int fail(char *msg, size_t msglen, const char *fmt, ...)
{
	if (msg && msglen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return COR_EINVAL;
}

bool plan_journey(const struct cor_plan_movement *mv, const char *origin, const char *destination,
		  int *k1, int *k2)
{
	int a = -1;
	for (int k = 0; k < mv->nlegs; k++) {
		if (a < 0 && !strcmp(mv->legs[k].from_country, origin))
			a = k;
		if (a >= 0 && !strcmp(mv->legs[k].to_country, destination)) {
			*k1 = a;
			*k2 = k;
			return true;
		}
	}
	return false;
}

bool cor_plan_reaches(const struct cor_plan_reach *reach, const char *place)
{
	if (!reach)
		return true;
	for (int p = 0; p < reach->nplaces; p++)
		if (!strcmp(reach->places[p], place))
			return true;
	return false;
}

bool cor_plan_journey(const struct cor_plan_movement *mv, const struct cor_plan_case *c, int *k1,
		      int *k2)
{
	int a = -1;
	for (int k = 0; k < mv->nlegs; k++) {
		if (a < 0 && !strcmp(mv->legs[k].from_country, c->origin) &&
		    cor_plan_reaches(c->reach, mv->legs[k].from))
			a = k;
		if (a >= 0 && !strcmp(mv->legs[k].to_country, c->destination)) {
			*k1 = a;
			*k2 = k;
			return true;
		}
	}
	return false;
}

/* Whole days from the horizon start to t, 0 before it. */
static int64_t days_from_start(const struct cor_plan_input *in, int64_t t)
{
	return t <= in->cfg.horizon_start ? 0 : (t - in->cfg.horizon_start) / PLAN_DAY;
}

int64_t plan_option_value(const struct cor_plan_input *in, const struct cor_plan_case *c,
			  const struct cor_plan_movement *mv, int k1)
{
	int64_t dep = mv->legs[k1].departs;
	int level = c->level;
	/* An emergency is one only until its deadline; after it, it waits as
	 * an urgent case would. */
	if (level == 2 && dep > c->deadline)
		level = 1;
	return (int64_t)c->need[COR_RES_SEATS] * in->cfg.weight[level] * COR_PLAN_SCALE -
	       days_from_start(in, dep);
}

/* Can m take case c, and by which legs? */
static bool can_take(const struct cor_plan_movement *mv, const struct cor_plan_case *c, int *k1,
		     int *k2)
{
	if (!cor_plan_journey(mv, c, k1, k2))
		return false;
	int64_t dep = mv->legs[*k1].departs;
	return dep >= c->available_from && dep <= c->valid_until;
}

int64_t cor_plan_value(const struct cor_plan_input *in, size_t i, size_t m)
{
	int k1, k2;
	if (i >= in->ncases || m >= in->nmovements)
		return -1;
	const struct cor_plan_case *c = &in->cases[i];
	if (c->fixed >= 0 && (size_t)c->fixed != m)
		return -1;
	if (!can_take(&in->movements[m], c, &k1, &k2))
		return -1;
	return plan_option_value(in, c, &in->movements[m], k1);
}

static int check_input(const struct cor_plan_input *in, char *msg, size_t msglen)
{
	const struct cor_plan_config *cfg = &in->cfg;
	if ((in->ncases && !in->cases) || (in->nmovements && !in->movements) ||
	    (in->nquotas && !in->quotas))
		return fail(msg, msglen, "missing input arrays");
	if (in->ncases > INT_MAX / 2 || in->nmovements > INT_MAX / 2 || in->nquotas > INT_MAX / 2)
		return fail(msg, msglen, "too many cases, movements or quotas");
	if (cfg->escort_ratio < 1)
		return fail(msg, msglen, "escort ratio %d is not at least 1", cfg->escort_ratio);
	for (int l = 0; l < 3; l++)
		if (cfg->weight[l] < 1 || cfg->weight[l] > 1000000)
			return fail(msg, msglen, "priority weight %d is not in 1..1000000",
				    cfg->weight[l]);
	for (size_t m = 0; m < in->nmovements; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		if (mv->nlegs < 1 || mv->nlegs > PLAN_MAX_LEGS || !mv->legs)
			return fail(msg, msglen, "movement '%s' has %d legs (1..%d)", mv->ref,
				    mv->nlegs, PLAN_MAX_LEGS);
		if (mv->escorts_named < 0)
			return fail(msg, msglen, "movement '%s' has %d named escorts", mv->ref,
				    mv->escorts_named);
		if (mv->escort_seats < 0)
			return fail(msg, msglen, "movement '%s' has a negative escort seat count",
				    mv->ref);
		for (int k = 0; k < mv->nlegs; k++) {
			const struct cor_plan_leg *lg = &mv->legs[k];
			if (lg->arrives < lg->departs)
				return fail(msg, msglen,
					    "leg %s-%s of '%s' arrives before it departs", lg->from,
					    lg->to, mv->ref);
			if (k > 0 && (strcmp(mv->legs[k - 1].to, lg->from) ||
				      lg->departs < mv->legs[k - 1].arrives))
				return fail(msg, msglen,
					    "leg %s-%s of '%s' does not follow the leg before it",
					    lg->from, lg->to, mv->ref);
			for (int r = 0; r < COR_RES__N; r++)
				if (lg->cap[r] < 0)
					return fail(msg, msglen,
						    "leg %s-%s of '%s' has a negative capacity",
						    lg->from, lg->to, mv->ref);
			if (days_from_start(in, lg->departs) > PLAN_MAX_DAYS)
				return fail(msg, msglen,
					    "movement '%s' departs more than %d days after the "
					    "horizon start",
					    mv->ref, PLAN_MAX_DAYS);
		}
	}
	for (size_t i = 0; i < in->ncases; i++) {
		const struct cor_plan_case *c = &in->cases[i];
		int persons = c->need[COR_RES_SEATS];
		if (persons < 1 || persons > 10000)
			return fail(msg, msglen, "case '%s' has %d travellers", c->ref, persons);
		for (int r = 1; r < COR_RES__N; r++)
			if (c->need[r] < 0 || c->need[r] > persons)
				return fail(msg, msglen,
					    "case '%s' has a special need count out of range",
					    c->ref);
		if (c->medical < 0 || c->medical > persons)
			return fail(msg, msglen, "case '%s' has %d medical travellers", c->ref,
				    c->medical);
		if (c->level < 0 || c->level > 2)
			return fail(msg, msglen, "case '%s' has priority level %d", c->ref,
				    c->level);
		if (c->fixed >= (int)in->nmovements || c->fixed < -1)
			return fail(msg, msglen,
				    "case '%s' is kept on movement %d, which does not exist",
				    c->ref, c->fixed);
		int k1, k2;
		if (c->fixed >= 0 && !can_take(&in->movements[c->fixed], c, &k1, &k2))
			return fail(msg, msglen, "case '%s' is kept on '%s', which cannot take it",
				    c->ref, in->movements[c->fixed].ref);
	}
	for (size_t q = 0; q < in->nquotas; q++) {
		const struct cor_plan_quota *qt = &in->quotas[q];
		if (qt->movement < 0 || (size_t)qt->movement >= in->nmovements)
			return fail(msg, msglen,
				    "quota of '%s' is on movement %d, which does not exist",
				    qt->office, qt->movement);
		if (qt->seats < 0)
			return fail(msg, msglen, "quota of '%s' is negative", qt->office);
		for (size_t p = 0; p < q; p++)
			if (in->quotas[p].movement == qt->movement &&
			    !strcmp(in->quotas[p].office, qt->office))
				return fail(msg, msglen, "two quotas of '%s' on '%s'", qt->office,
					    in->movements[qt->movement].ref);
	}
	return 0;
}

/* ---- The index of journeys by (origin, destination) ------------------ */

struct route {
	uint64_t key; /* origin and destination countries, packed */
	int32_t m;
	uint16_t k1, k2;
	uint16_t first; /* k1 is the first leg from its country */
};

static uint64_t pack3(const char *s)
{
	uint64_t v = 0;
	for (int k = 0; k < 3 && s[k]; k++)
		v = v << 8 | (unsigned char)s[k];
	return v;
}

static uint64_t route_key(const char *origin, const char *destination)
{
	return pack3(origin) << 24 | pack3(destination);
}

static int route_cmp(const void *a, const void *b)
{
	const struct route *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->m != y->m)
		return (x->m > y->m) - (x->m < y->m);
	return (x->k1 > y->k1) - (x->k1 < y->k1);
}

/* Every (origin, destination) a movement serves, with its journey: from
 * every leg a case may board (the first leg from each country for a case
 * that may board anywhere in it; any leg for one that boards where it can
 * get to). */
static int build_routes(const struct cor_plan_input *in, struct route **out, size_t *nout)
{
	size_t n = 0, cap = 0;
	struct route *r = NULL;
	bool reach = false;
	for (size_t i = 0; i < in->ncases && !reach; i++)
		reach = in->cases[i].reach != NULL;
	for (size_t m = 0; m < in->nmovements; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		for (int a = 0; a < mv->nlegs; a++) {
			int seen = 0;
			for (int p = 0; p < a; p++)
				seen |= !strcmp(mv->legs[p].from_country, mv->legs[a].from_country);
			if (seen && !reach)
				continue;
			for (int b = a; b < mv->nlegs; b++) {
				int first = 1;
				for (int p = a; p < b; p++)
					first &= !!strcmp(mv->legs[p].to_country,
							  mv->legs[b].to_country);
				if (!first)
					continue;
				if (n == cap) {
					cap = cap ? cap * 2 : 256;
					struct route *t = realloc(r, cap * sizeof(*r));
					if (!t) {
						free(r);
						return COR_ENOMEM;
					}
					r = t;
				}
				r[n++] = (struct route){
					route_key(mv->legs[a].from_country, mv->legs[b].to_country),
					(int32_t)m, (uint16_t)a, (uint16_t)b, (uint16_t)!seen};
			}
		}
	}
	if (n)
		qsort(r, n, sizeof(*r), route_cmp);
	*out = r;
	*nout = n;
	return 0;
}

static int quota_of(const struct cor_plan_input *in, const int *qfirst, const int *qnext, int m,
		    const char *office)
{
	for (int q = qfirst[m]; q >= 0; q = qnext[q])
		if (!strcmp(in->quotas[q].office, office))
			return q;
	return -1;
}

void plan_model_release(struct plan_model *md)
{
	free(md->leg0);
	free(md->ofs);
	free(md->opt);
	free(md->cap);
	memset(md, 0, sizeof(*md));
}

int plan_option_on(const struct plan_model *md, size_t i, size_t m)
{
	for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
		if ((size_t)md->opt[o].m == m)
			return (int)o;
	return -1;
}

int plan_model_build(struct plan_model *md, const struct cor_plan_input *in, char *msg,
		     size_t msglen)
{
	struct route *routes = NULL;
	size_t nroutes = 0;
	int *qfirst = NULL, *qnext = NULL;
	int rc = check_input(in, msg, msglen);
	memset(md, 0, sizeof(*md));
	if (rc)
		return rc;
	md->in = in;
	md->n = in->ncases;
	md->nm = in->nmovements;
	md->nq = in->nquotas;
	rc = COR_ENOMEM;
	md->leg0 = malloc((md->nm + 1) * sizeof(*md->leg0));
	md->ofs = malloc((md->n + 1) * sizeof(*md->ofs));
	qfirst = malloc((md->nm + 1) * sizeof(*qfirst));
	qnext = malloc((md->nq + 1) * sizeof(*qnext));
	if (!md->leg0 || !md->ofs || !qfirst || !qnext)
		goto out;
	md->leg0[0] = 0;
	for (size_t m = 0; m < md->nm; m++) {
		md->leg0[m + 1] = md->leg0[m] + (size_t)in->movements[m].nlegs;
		qfirst[m] = -1;
	}
	md->nlegs = md->leg0[md->nm];
	md->nrows = md->nlegs * COR_RES__N + md->nm + md->nq;
	md->cap = malloc((md->nlegs * COR_RES__N + 1) * sizeof(*md->cap));
	if (!md->cap)
		goto out;
	for (size_t m = 0; m < md->nm; m++)
		for (int k = 0; k < in->movements[m].nlegs; k++)
			for (int r = 0; r < COR_RES__N; r++)
				md->cap[(md->leg0[m] + (size_t)k) * COR_RES__N + (size_t)r] =
					in->movements[m].legs[k].cap[r];
	for (size_t q = md->nq; q-- > 0;) {
		int m = in->quotas[q].movement;
		qnext[q] = qfirst[m];
		qfirst[m] = (int)q;
	}
	rc = build_routes(in, &routes, &nroutes);
	if (rc)
		goto out;
	/* Two passes: count the options, then write them. */
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;
		for (size_t i = 0; i < md->n; i++) {
			const struct cor_plan_case *c = &in->cases[i];
			uint64_t key = route_key(c->origin, c->destination);
			size_t lo = 0, hi = nroutes;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (routes[mid].key < key)
					lo = mid + 1;
				else
					hi = mid;
			}
			md->ofs[i] = k;
			int32_t taken = -1; /* the movement whose boarding leg was found */
			for (size_t e = lo; e < nroutes && routes[e].key == key; e++) {
				const struct route *rt = &routes[e];
				const struct cor_plan_movement *mv = &in->movements[rt->m];
				int64_t dep = mv->legs[rt->k1].departs;
				if (c->fixed >= 0 && c->fixed != rt->m)
					continue;
				/* The first leg it may board (routes of a movement
				 * come by leg). */
				if (rt->m == taken ||
				    (c->reach ? !cor_plan_reaches(c->reach, mv->legs[rt->k1].from)
					      : !rt->first))
					continue;
				taken = rt->m;
				if (dep < c->available_from || dep > c->valid_until)
					continue;
				if (pass == 1)
					md->opt[k] = (struct plan_opt){
						plan_option_value(in, c, mv, rt->k1), rt->m,
						quota_of(in, qfirst, qnext, rt->m, c->office),
						rt->k1, rt->k2};
				k++;
			}
		}
		md->ofs[md->n] = k;
		if (pass == 0) {
			md->nopt = k;
			md->opt = malloc((k + 1) * sizeof(*md->opt));
			if (!md->opt) {
				rc = COR_ENOMEM;
				goto out;
			}
		}
	}
	rc = 0;
out:
	free(routes);
	free(qfirst);
	free(qnext);
	if (rc)
		plan_model_release(md);
	return rc;
}

/* ---- Solving ------------------------------------------------------------ */

void cor_plan_result_free(struct cor_plan_result *res)
{
	free(res->movement);
	free(res->escorts);
	free(res->why);
	free(res->reason);
	memset(res, 0, sizeof(*res));
}

static int result_alloc(struct cor_plan_result *res, size_t n, size_t nm)
{
	memset(res, 0, sizeof(*res));
	res->movement = malloc((n + 1) * sizeof(*res->movement));
	res->escorts = calloc(nm + 1, sizeof(*res->escorts));
	res->why = malloc((n + 1) * sizeof(*res->why));
	res->reason = calloc(n + 1, sizeof(*res->reason));
	if (!res->movement || !res->escorts || !res->why || !res->reason) {
		cor_plan_result_free(res);
		return COR_ENOMEM;
	}
	return 0;
}

/* Kept bookings go first; they must fit together. */
static int place_fixed(const struct plan_model *md, struct plan_state *st, char *msg, size_t msglen)
{
	const struct cor_plan_input *in = md->in;
	for (size_t i = 0; i < md->n; i++) {
		if (in->cases[i].fixed < 0)
			continue;
		size_t o = md->ofs[i];
		if (!plan_fits(st, i, o))
			return fail(msg, msglen,
				    "the kept bookings on '%s' do not fit it (case '%s' is one too "
				    "many)",
				    in->movements[in->cases[i].fixed].ref, in->cases[i].ref);
		plan_place(st, i, o);
	}
	return 0;
}

struct solved {
	int64_t bound;
	bool optimal;
	long nodes;
	int iterations;
};

/* Solve one model: kept bookings first, then exactly when small enough,
 * else by the bound and its heuristic plans. */
static int solve_model(const struct plan_model *md, struct plan_state *best, struct solved *sv,
		       double deadline, char *msg, size_t msglen)
{
	const struct cor_plan_input *in = md->in;
	int rc = place_fixed(md, best, msg, msglen);
	memset(sv, 0, sizeof(*sv));
	if (rc)
		return rc;
	if ((long)md->n <= in->cfg.exact_max_cases) {
		struct plan_exact ex;
		rc = plan_exact(md, best, &ex, deadline);
		sv->bound = ex.bound;
		sv->optimal = ex.optimal;
		sv->nodes = ex.nodes;
	} else {
		struct plan_bound bd;
		rc = plan_lagrange(md, best, &bd, deadline);
		sv->bound = bd.bound;
		sv->iterations = bd.iterations;
		sv->optimal = bd.bound <= best->value;
	}
	if (sv->optimal || sv->bound < best->value)
		sv->bound = best->value;
	return rc;
}

/* ---- Independent parts ---------------------------------------------------- */
//
// Cases that share no movement, directly or through other cases, do not
// compete: each such part is planned on its own, which keeps the exact
// search and the bound small. The parts are the connected components of the
// movements, joined by every case that could take two of them.

static size_t uf_find(size_t *up, size_t x)
{
	while (up[x] != x) {
		up[x] = up[up[x]];
		x = up[x];
	}
	return x;
}

struct part {
	size_t *cases, ncases; /* global indices, in input order */
	size_t *moves, nmoves; /* global indices, in input order */
	/* The answer: per case of the part, its option in the whole model or
	 * -1; the part's bound and counts; an error and its message. */
	int *at;
	struct solved sv;
	int rc;
	char msg[256];
};

static int split_parts(const struct plan_model *md, struct part **out, size_t *nout)
{
	size_t nm = md->nm, n = md->n, np = 0;
	size_t *up = malloc((nm + 1) * sizeof(*up));
	size_t *id = malloc((nm + 1) * sizeof(*id));
	struct part *parts = NULL;
	int rc = COR_ENOMEM;
	if (!up || !id)
		goto out;
	for (size_t m = 0; m < nm; m++)
		up[m] = m;
	for (size_t i = 0; i < n; i++)
		for (size_t o = md->ofs[i] + 1; o < md->ofs[i + 1]; o++) {
			size_t a = uf_find(up, (size_t)md->opt[md->ofs[i]].m);
			size_t b = uf_find(up, (size_t)md->opt[o].m);
			if (a != b)
				up[a > b ? a : b] = a < b ? a : b;
		}
	/* Number the parts in the order of their first movement. */
	for (size_t m = 0; m < nm; m++)
		id[m] = SIZE_MAX;
	for (size_t m = 0; m < nm; m++) {
		size_t root = uf_find(up, m);
		if (id[root] == SIZE_MAX)
			id[root] = np++;
		id[m] = id[root];
	}
	parts = calloc(np + 1, sizeof(*parts));
	if (!parts)
		goto out;
	for (size_t m = 0; m < nm; m++)
		parts[id[m]].nmoves++;
	for (size_t i = 0; i < n; i++)
		if (md->ofs[i] < md->ofs[i + 1])
			parts[id[md->opt[md->ofs[i]].m]].ncases++;
	for (size_t p = 0; p < np; p++) {
		parts[p].cases = malloc((parts[p].ncases + 1) * sizeof(size_t));
		parts[p].moves = malloc((parts[p].nmoves + 1) * sizeof(size_t));
		parts[p].at = malloc((parts[p].ncases + 1) * sizeof(int));
		if (!parts[p].cases || !parts[p].moves || !parts[p].at)
			goto out;
		parts[p].ncases = parts[p].nmoves = 0;
	}
	for (size_t m = 0; m < nm; m++)
		parts[id[m]].moves[parts[id[m]].nmoves++] = m;
	for (size_t i = 0; i < n; i++)
		if (md->ofs[i] < md->ofs[i + 1]) {
			struct part *pt = &parts[id[md->opt[md->ofs[i]].m]];
			pt->cases[pt->ncases++] = i;
		}
	rc = 0;
out:
	if (rc && parts) {
		for (size_t p = 0; p < np; p++) {
			free(parts[p].cases);
			free(parts[p].moves);
			free(parts[p].at);
		}
		free(parts);
		parts = NULL;
		np = 0;
	}
	free(up);
	free(id);
	*out = parts;
	*nout = np;
	return rc;
}

#define PLAN_PART_EXACT 30

/* Plan one part as an input of its own; its answer goes into *pt. */
static int solve_part(const struct plan_model *md, struct part *pt, const size_t *local,
		      double deadline)
{
	char *msg = pt->msg;
	size_t msglen = sizeof(pt->msg);
	const struct cor_plan_input *in = md->in;
	struct cor_plan_input sub = {0};
	struct cor_plan_case *cases = malloc((pt->ncases + 1) * sizeof(*cases));
	struct cor_plan_movement *moves = malloc((pt->nmoves + 1) * sizeof(*moves));
	struct cor_plan_quota *quotas = malloc((in->nquotas + 1) * sizeof(*quotas));
	struct plan_model sm = {0};
	struct plan_state sb = {0};
	int rc = COR_ENOMEM;
	if (!cases || !moves || !quotas)
		goto out;
	/* local[] maps each movement to its index in its part; it is filled
	 * before the workers start and only read here. */
	for (size_t k = 0; k < pt->nmoves; k++)
		moves[k] = in->movements[pt->moves[k]];
	for (size_t k = 0; k < pt->ncases; k++) {
		cases[k] = in->cases[pt->cases[k]];
		if (cases[k].fixed >= 0)
			cases[k].fixed = (int)local[cases[k].fixed];
	}
	size_t nq = 0;
	for (size_t q = 0; q < in->nquotas; q++) {
		size_t m = (size_t)in->quotas[q].movement;
		if (local[m] < pt->nmoves && pt->moves[local[m]] == m) {
			quotas[nq] = in->quotas[q];
			quotas[nq++].movement = (int)local[m];
		}
	}
	sub = (struct cor_plan_input){cases, pt->ncases, moves, pt->nmoves, quotas, nq, in->cfg};
	/* In a plan too large to solve exactly as a whole, only parts of up to
	 * PLAN_PART_EXACT cases are searched exactly, with a tenth of the
	 * nodes; larger parts get the smoothed dual and its rounded plans,
	 * within a few hundredths of a percent of their optimum at a fraction
	 * of the search's time (docs/planner.md). */
	if ((long)md->n > in->cfg.exact_max_cases) {
		if (sub.cfg.node_limit >= 10)
			sub.cfg.node_limit /= 10;
		if (sub.cfg.exact_max_cases > PLAN_PART_EXACT)
			sub.cfg.exact_max_cases = PLAN_PART_EXACT;
	}
	if ((rc = plan_model_build(&sm, &sub, msg, msglen)) || (rc = plan_state_init(&sb, &sm)))
		goto out;
	if ((rc = solve_model(&sm, &sb, &pt->sv, deadline, msg, msglen)))
		goto out;
	/* Each case's option in the whole model, or -1. */
	for (size_t k = 0; k < pt->ncases; k++) {
		int o = sb.at[k];
		pt->at[k] = -1;
		if (o < 0)
			continue;
		pt->at[k] = plan_option_on(md, pt->cases[k], pt->moves[sm.opt[o].m]);
	}
	rc = 0;
out:
	plan_state_release(&sb);
	plan_model_release(&sm);
	free(cases);
	free(moves);
	free(quotas);
	return rc;
}

/* The parts are independent, so they are planned side by side, one worker
 * per processor (at most cfg.threads, all of them when 0). Each part's
 * answer depends on the part alone, so the plan is the same whatever the
 * number of workers and whichever part finishes first. Workers take the
 * largest parts first. */
struct pool {
	const struct plan_model *md;
	struct part *parts;
	size_t *order, nparts, next;
	const size_t *local;
	double deadline;
	pthread_mutex_t lock;
};

static void *pool_work(void *arg)
{
	struct pool *pl = arg;
	for (;;) {
		pthread_mutex_lock(&pl->lock);
		size_t k = pl->next < pl->nparts ? pl->order[pl->next++] : SIZE_MAX;
		pthread_mutex_unlock(&pl->lock);
		if (k == SIZE_MAX)
			return NULL;
		struct part *pt = &pl->parts[k];
		pt->rc = solve_part(pl->md, pt, pl->local, pl->deadline);
	}
}

struct part_size {
	size_t ncases, p;
};

static int part_size_cmp(const void *a, const void *b)
{
	const struct part_size *x = a, *y = b;
	if (x->ncases != y->ncases)
		return x->ncases > y->ncases ? -1 : 1;
	return (x->p > y->p) - (x->p < y->p);
}

static int solve_parts(const struct plan_model *md, struct part *parts, size_t nparts,
		       const size_t *local, double deadline)
{
	struct pool pl = {md, parts, NULL, 0, 0, local, deadline, PTHREAD_MUTEX_INITIALIZER};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int want = md->in->cfg.threads > 0 ? md->in->cfg.threads : (int)(cpus > 0 ? cpus : 1);
	pthread_t th[COR_PLAN_THREADS_MAX];
	int started = 0;
	struct part_size *by = malloc((nparts + 1) * sizeof(*by));
	pl.order = malloc((nparts + 1) * sizeof(*pl.order));
	if (!by || !pl.order) {
		free(by);
		free(pl.order);
		return COR_ENOMEM;
	}
	for (size_t p = 0; p < nparts; p++)
		if (parts[p].ncases)
			by[pl.nparts++] = (struct part_size){parts[p].ncases, p};
	qsort(by, pl.nparts, sizeof(*by), part_size_cmp);
	for (size_t k = 0; k < pl.nparts; k++)
		pl.order[k] = by[k].p;
	free(by);
	if (want > COR_PLAN_THREADS_MAX)
		want = COR_PLAN_THREADS_MAX;
	if ((size_t)want > pl.nparts)
		want = (int)pl.nparts;
	for (int t = 1; t < want; t++) {
		if (pthread_create(&th[started], NULL, pool_work, &pl))
			break;
		started++;
	}
	pool_work(&pl);
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	free(pl.order);
	return 0;
}

int cor_plan_solve(const struct cor_plan_input *in, struct cor_plan_result *res, char *msg,
		   size_t msglen)
{
	double t0 = plan_now();
	struct plan_model md;
	struct plan_state best = {0};
	struct part *parts = NULL;
	size_t nparts = 0, *local = NULL;
	struct solved sv = {0, true, 0, 0};
	int rc = plan_model_build(&md, in, msg, msglen);
	memset(res, 0, sizeof(*res));
	if (rc)
		return rc;
	rc = result_alloc(res, md.n, md.nm);
	if (rc)
		goto out;
	rc = plan_state_init(&best, &md);
	if (rc)
		goto out;
	double deadline = t0 + (in->cfg.time_limit > 0 ? in->cfg.time_limit : 1e9);
	if ((rc = split_parts(&md, &parts, &nparts)))
		goto out;
	if (nparts <= 1) {
		rc = solve_model(&md, &best, &sv, deadline, msg, msglen);
	} else {
		local = malloc((md.nm + 1) * sizeof(*local));
		rc = local ? 0 : COR_ENOMEM;
		for (size_t m = 0; local && m < md.nm; m++)
			local[m] = SIZE_MAX;
		for (size_t p = 0; local && p < nparts; p++)
			for (size_t k = 0; k < parts[p].nmoves; k++)
				local[parts[p].moves[k]] = k;
		if (!rc)
			rc = solve_parts(&md, parts, nparts, local, deadline);
		/* Merged in the order of the parts, whatever order they ran in:
		 * the first part that failed gives the error. */
		for (size_t p = 0; !rc && p < nparts; p++) {
			struct part *pt = &parts[p];
			if (!pt->ncases)
				continue;
			if (pt->rc) {
				rc = pt->rc;
				snprintf(msg, msglen, "%s", pt->msg);
				break;
			}
			sv.bound += pt->sv.bound;
			sv.optimal &= pt->sv.optimal;
			sv.nodes += pt->sv.nodes;
			if (pt->sv.iterations > sv.iterations)
				sv.iterations = pt->sv.iterations;
			for (size_t k = 0; k < pt->ncases; k++)
				if (pt->at[k] >= 0)
					plan_place(&best, pt->cases[k], (size_t)pt->at[k]);
		}
	}
	if (rc)
		goto out;
	/* Every search asks the clock only before this point, so a deadline
	 * not yet passed here stopped none of them. */
	res->timed_out = plan_now() > deadline;
	res->value = best.value;
	res->bound = sv.bound < best.value ? best.value : sv.bound;
	res->optimal = sv.optimal;
	res->nodes = sv.nodes;
	res->iterations = sv.iterations;
	if (res->optimal)
		res->bound = res->value;
	res->gap = res->bound > 0 ? (double)(res->bound - res->value) / (double)res->bound : 0.0;
	for (size_t i = 0; i < md.n; i++) {
		int o = best.at[i];
		res->movement[i] = o >= 0 ? md.opt[o].m : -1;
		if (o < 0)
			continue;
		const struct cor_plan_case *c = &in->cases[i];
		int level = c->level;
		if (level == 2 &&
		    in->movements[md.opt[o].m].legs[md.opt[o].k1].departs > c->deadline)
			level = 1;
		res->weighted_persons += (long)c->need[COR_RES_SEATS] * in->cfg.weight[level];
		res->persons += c->need[COR_RES_SEATS];
		res->cases++;
	}
	for (size_t m = 0; m < md.nm; m++)
		res->escorts[m] = best.escorts[m];
	plan_reasons(&md, &best, res);
	res->seconds = plan_now() - t0;
out:
	for (size_t p = 0; p < nparts; p++) {
		free(parts[p].cases);
		free(parts[p].moves);
		free(parts[p].at);
	}
	free(parts);
	free(local);
	plan_state_release(&best);
	plan_model_release(&md);
	if (rc)
		cor_plan_result_free(res);
	return rc;
}

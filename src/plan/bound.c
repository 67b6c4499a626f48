// SPDX-License-Identifier: Apache-2.0
// The bound and the plans of any size. Every constraint but "a case goes at
// most once" gets a price y >= 0 (per leg and resource, per escort group,
// per quota); then each case on its own takes the option of largest reduced
// value, and
//
//   L(y) = sum of the cases' best reduced values (or 0) + sum y * capacity
//          + the escorts' own term
//
// is an upper bound on every plan, whatever y is (Lagrangian relaxation).
// Its minimum over y is the LP bound. It is reached by a few sweeps of
// price adjustment, then by minimising a smoothed L with a quasi-Newton
// method, the smoothing made finer stage by stage (below). At the prices
// of every stage two plans are built that keep every constraint: a greedy
// pass, and a rounding of the smoothed problem's fractional answer; the
// best plan and the lowest L give the gap. Prices are doubles, but plans
// are compared by their integer values and cases are ordered by integer
// keys with the input order breaking ties, so the answer is the same on
// every machine.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_int.h"
#include "util/error.h"

#define R      COR_RES__N
#define SWEEPS 5

static size_t esc_row(const struct plan_model *md, size_t m)
{
	return md->nlegs * R + m;
}

static size_t quota_row(const struct plan_model *md, size_t q)
{
	return md->nlegs * R + md->nm + q;
}

/* Prefix sums of the seat prices over the legs, so that a journey's seat
 * price is one subtraction. */
static void seat_prefix(const struct plan_model *md, const double *y, double *pre)
{
	pre[0] = 0;
	for (size_t l = 0; l < md->nlegs; l++)
		pre[l + 1] = pre[l] + y[l * R];
}

static inline double reduced(const struct plan_model *md, const double *y, const double *pre,
			     size_t i, const struct plan_opt *op)
{
	const struct cor_plan_case *c = &md->in->cases[i];
	size_t base = md->leg0[op->m];
	double v = (double)op->value;
	v -= c->need[0] * (pre[base + op->k2 + 1] - pre[base + op->k1]);
	if (c->need[1] | c->need[2] | c->need[3])
		for (size_t l = base + op->k1; l <= base + op->k2; l++)
			for (int r = 1; r < R; r++)
				v -= c->need[r] * y[l * R + (size_t)r];
	if (c->medical)
		v -= c->medical * y[esc_row(md, (size_t)op->m)];
	if (op->quota >= 0)
		v -= c->need[0] * y[quota_row(md, (size_t)op->quota)];
	return v;
}

double plan_row_rhs(const struct plan_model *md, size_t row)
{
	const struct cor_plan_input *in = md->in;
	if (row < md->nlegs * R)
		return md->cap[row];
	if (row < md->nlegs * R + md->nm)
		return (double)in->movements[row - md->nlegs * R].escorts_named *
		       in->cfg.escort_ratio;
	return in->quotas[row - md->nlegs * R - md->nm].seats;
}

/* L(y): the bound at prices y (any y >= 0 gives one). */
static double lagrange_eval(const struct plan_model *md, const double *y, double *pre)
{
	const struct cor_plan_input *in = md->in;
	long double L = 0;
	seat_prefix(md, y, pre);
	for (size_t row = 0; row < md->nrows; row++)
		L += (long double)y[row] * plan_row_rhs(md, row);
	for (size_t m = 0; m < md->nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		double coef = in->cfg.escort_ratio * y[esc_row(md, m)] -
			      (pre[md->leg0[m + 1]] - pre[md->leg0[m]]);
		if (coef > 0)
			L += (long double)coef * mv->escort_seats;
	}
	for (size_t i = 0; i < md->n; i++) {
		if (md->ofs[i] == md->ofs[i + 1])
			continue;
		double best = in->cases[i].fixed >= 0 ? -INFINITY : 0;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			double v = reduced(md, y, pre, i, &md->opt[o]);
			if (v > best)
				best = v;
		}
		L += best;
	}
	return (double)L;
}

/* ---- Greedy plans ----------------------------------------------------- */

struct keyed {
	int64_t key;
	size_t i;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

struct greedy_buf {
	struct keyed *order;
	double *pre;
	double *zero;
};

/* Place the cases work has not placed, in order of their best reduced
 * value at prices y, each on its fitting option of largest reduced value. */
static void greedy_fill(const struct plan_model *md, const double *y, struct greedy_buf *gb,
			struct plan_state *work)
{
	size_t nk = 0;
	if (!y)
		y = gb->zero;
	seat_prefix(md, y, gb->pre);
	for (size_t i = 0; i < md->n; i++) {
		if (work->at[i] >= 0 || md->ofs[i] == md->ofs[i + 1])
			continue;
		double k = -INFINITY;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			double v = reduced(md, y, gb->pre, i, &md->opt[o]);
			if (v > k)
				k = v;
		}
		gb->order[nk++] = (struct keyed){(int64_t)llround(k), i};
	}
	qsort(gb->order, nk, sizeof(*gb->order), keyed_cmp);
	for (size_t e = 0; e < nk; e++) {
		size_t i = gb->order[e].i, bo = SIZE_MAX;
		int64_t bv = 0;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			int64_t v = llround(reduced(md, y, gb->pre, i, &md->opt[o]));
			if ((bo == SIZE_MAX || v > bv) && plan_fits(work, i, o)) {
				bo = o;
				bv = v;
			}
		}
		if (bo != SIZE_MAX)
			plan_place(work, i, bo);
	}
}

/* Start work afresh: only the kept bookings. */
static void place_kept(const struct plan_model *md, struct plan_state *work)
{
	plan_state_clear(work);
	for (size_t i = 0; i < md->n; i++)
		if (md->in->cases[i].fixed >= 0)
			plan_place(work, i, md->ofs[i]);
}

static void keep_better(struct plan_state *work, struct plan_state *best)
{
	if (work->value > best->value)
		plan_state_copy(best, work);
}

static int greedy_run(const struct plan_model *md, const double *y, struct greedy_buf *gb,
		      struct plan_state *work, struct plan_state *best)
{
	place_kept(md, work);
	greedy_fill(md, y, gb, work);
	keep_better(work, best);
	return 0;
}

static void greedy_buf_release(struct greedy_buf *gb)
{
	free(gb->order);
	free(gb->pre);
	free(gb->zero);
	memset(gb, 0, sizeof(*gb));
}

static int greedy_buf_init(struct greedy_buf *gb, const struct plan_model *md)
{
	gb->order = malloc((md->n + 1) * sizeof(*gb->order));
	gb->pre = malloc((md->nlegs + 1) * sizeof(*gb->pre));
	gb->zero = calloc(md->nrows + 1, sizeof(*gb->zero));
	if (!gb->order || !gb->pre || !gb->zero) {
		greedy_buf_release(gb);
		return COR_ENOMEM;
	}
	return 0;
}

int plan_greedy(const struct plan_model *md, const double *price, struct plan_state *work,
		struct plan_state *best)
{
	struct greedy_buf gb;
	int rc = greedy_buf_init(&gb, md);
	if (rc)
		return rc;
	rc = greedy_run(md, price, &gb, work, best);
	greedy_buf_release(&gb);
	return rc;
}

/* ---- Starting prices and price adjustment ------------------------------- */

/* First prices from a greedy plan: a leg it fills is worth, per seat, what
 * the least valuable traveller on it brought (shared over the legs of that
 * traveller's journey). The dual's minimisation then starts near the answer. */
static void start_prices(const struct plan_model *md, const struct plan_state *st, double *y)
{
	const struct cor_plan_input *in = md->in;
	for (size_t l = 0; l < md->nlegs; l++)
		y[l * R] = INFINITY;
	for (size_t i = 0; i < md->n; i++) {
		if (st->at[i] < 0)
			continue;
		const struct plan_opt *op = &md->opt[st->at[i]];
		size_t base = md->leg0[op->m];
		double per =
			(double)op->value / ((double)in->cases[i].need[0] * (op->k2 - op->k1 + 1));
		for (size_t l = base + op->k1; l <= base + op->k2; l++)
			if (per < y[l * R])
				y[l * R] = per;
	}
	for (size_t m = 0; m < md->nm; m++)
		for (size_t l = md->leg0[m]; l < md->leg0[m + 1]; l++) {
			int left = md->cap[l * R] - st->used[l * R] - st->escorts[m];
			/* Room for a family of four: not full, no price. */
			if (left >= 4 || y[l * R] == INFINITY)
				y[l * R] = 0;
		}
}

/* floor(L) with room for rounding in the sums. */
static int64_t safe_floor(double L)
{
	return (int64_t)floor(L + 1e-9 * fabs(L) + 1e-3);
}

/* Options by leg: the options whose journey uses leg l are
 * lopt[lbeg[l]..lbeg[l + 1]), each with its case in lcase. */
struct leg_index {
	size_t *lbeg, *lopt, *lcase;
	double *top1, *top2; /* per case: best and second best reduced value (or 0) */
	size_t *arg1;        /* per case: option of top1, or SIZE_MAX */
	double *t, *w;       /* scratch per option of a leg: threshold, seats */
	double *ynew;
};

static void leg_index_release(struct leg_index *ix)
{
	free(ix->lbeg);
	free(ix->lopt);
	free(ix->lcase);
	free(ix->top1);
	free(ix->top2);
	free(ix->arg1);
	free(ix->t);
	free(ix->w);
	free(ix->ynew);
	memset(ix, 0, sizeof(*ix));
}

static int leg_index_build(const struct plan_model *md, struct leg_index *ix)
{
	size_t most = 0, total = 0;
	ix->lbeg = calloc(md->nlegs + 2, sizeof(*ix->lbeg));
	if (!ix->lbeg)
		return COR_ENOMEM;
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			const struct plan_opt *op = &md->opt[o];
			size_t base = md->leg0[op->m];
			for (size_t l = base + op->k1; l <= base + op->k2; l++)
				ix->lbeg[l + 2]++;
		}
	for (size_t l = 0; l < md->nlegs; l++) {
		if (ix->lbeg[l + 2] > most)
			most = ix->lbeg[l + 2];
		ix->lbeg[l + 2] += ix->lbeg[l + 1];
	}
	total = ix->lbeg[md->nlegs + 1];
	ix->lopt = malloc((total + 1) * sizeof(*ix->lopt));
	ix->lcase = malloc((total + 1) * sizeof(*ix->lcase));
	ix->top1 = malloc((md->n + 1) * sizeof(*ix->top1));
	ix->top2 = malloc((md->n + 1) * sizeof(*ix->top2));
	ix->arg1 = malloc((md->n + 1) * sizeof(*ix->arg1));
	ix->t = malloc((most + 1) * sizeof(*ix->t));
	ix->w = malloc((most + 1) * sizeof(*ix->w));
	ix->ynew = malloc((md->nlegs + 1) * sizeof(*ix->ynew));
	if (!ix->lopt || !ix->lcase || !ix->top1 || !ix->top2 || !ix->arg1 || !ix->t || !ix->w ||
	    !ix->ynew) {
		leg_index_release(ix);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			const struct plan_opt *op = &md->opt[o];
			size_t base = md->leg0[op->m];
			for (size_t l = base + op->k1; l <= base + op->k2; l++) {
				size_t at = ix->lbeg[l + 1]++;
				ix->lopt[at] = o;
				ix->lcase[at] = i;
			}
		}
	return 0;
}

/* The price at which the travellers of thresholds t (weights w) that
 * still want the leg just fit in cap: the largest t_k such that those with
 * a threshold above it need no more than cap, or 0. A weighted selection,
 * linear on average; the pivot is the middle element, so it is the same on
 * every run. */
static double fit_price(double *t, double *w, size_t n, double cap)
{
	while (n > 0) {
		double p = t[n / 2], above = 0, equal = 0;
		size_t hi = 0, lo = n;
		/* Partition: t > p first, t < p last, t == p between. */
		for (size_t k = 0; k < lo;) {
			if (t[k] > p) {
				double a = t[k], b = w[k];
				t[k] = t[hi];
				w[k] = w[hi];
				t[hi] = a;
				w[hi] = b;
				above += b;
				hi++;
				k++;
			} else if (t[k] < p) {
				lo--;
				double a = t[k], b = w[k];
				t[k] = t[lo];
				w[k] = w[lo];
				t[lo] = a;
				w[lo] = b;
			} else {
				equal += w[k];
				k++;
			}
		}
		if (above > cap) {
			n = hi;
			continue;
		}
		if (above + equal > cap)
			return p;
		cap -= above + equal;
		memmove(t, t + lo, (n - lo) * sizeof(*t));
		memmove(w, w + lo, (n - lo) * sizeof(*w));
		n -= lo;
	}
	return 0;
}

/* One sweep of price adjustment on the seat rows: each leg gets the price
 * at which the travellers who still want it just fit, the other prices
 * held (the coordinate minimum of L), moved part of the way. */
static void seat_sweep(const struct plan_model *md, struct leg_index *ix, double *y, double *pre,
		       double damp)
{
	const struct cor_plan_input *in = md->in;
	seat_prefix(md, y, pre);
	for (size_t i = 0; i < md->n; i++) {
		double a = 0, b = 0;
		size_t arg = SIZE_MAX;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			double v = reduced(md, y, pre, i, &md->opt[o]);
			if (v > a) {
				b = a;
				a = v;
				arg = o;
			} else if (v > b) {
				b = v;
			}
		}
		ix->top1[i] = a;
		ix->top2[i] = b;
		ix->arg1[i] = arg;
	}
	for (size_t l = 0; l < md->nlegs; l++) {
		size_t n = 0;
		for (size_t e = ix->lbeg[l]; e < ix->lbeg[l + 1]; e++) {
			size_t o = ix->lopt[e], i = ix->lcase[e];
			if (in->cases[i].fixed >= 0)
				continue;
			double need = in->cases[i].need[0];
			double alt = ix->arg1[i] == o ? ix->top2[i] : ix->top1[i];
			double red = reduced(md, y, pre, i, &md->opt[o]) + need * y[l * R];
			double t = (red - alt) / need;
			if (t <= 0)
				continue;
			ix->t[n] = t;
			ix->w[n] = need;
			n++;
		}
		ix->ynew[l] = fit_price(ix->t, ix->w, n, md->cap[l * R]);
	}
	for (size_t l = 0; l < md->nlegs; l++)
		y[l * R] += damp * (ix->ynew[l] - y[l * R]);
}

/* ---- The smoothed dual -------------------------------------------------- */
//
// L(y) is convex and piecewise linear in the prices: its minimum over y >= 0
// is the LP bound (each case's own problem, "one option or none", has
// integral optima), but subgradient steps creep towards it. Replacing every
// max by a soft maximum,
//
//   max(0, r_1, ..., r_k)  <=  mu log(1 + sum_o exp(r_o / mu))
//                          <=  max(...) + mu log(k + 1),
//
// gives a smooth convex f_mu >= L that a quasi-Newton method (L-BFGS, with
// the prices kept >= 0 by projection) minimises quickly; mu is then made
// smaller, stage by stage, each stage starting where the last one ended.
// The bound reported is always L(y) itself, exact and valid at every y, and
// L comes free with each evaluation of f_mu (the shift of the soft maximum
// is the max). Counts, not the clock, end every stage.

#define LBFGS_MEM    8
#define STAGES       6 /* values of mu */
#define STAGE_SHRINK 0.3
#define MU_START     60 /* the first mu: the value of an average placed case / 60 */

/* Cases that differ only in what they are worth share their options:
 * the same movements and legs, the same needs and quota rows, values that
 * differ from the first option's by the same amounts. For those the
 * reduced values are r(i, o) = a(i) + u(o, y), with a(i) the case's own
 * constant and u common to the class, so the soft maximum over the options
 * is computed once per class and each case adds one term. On generated
 * instances of 100,000 cases there are about ten cases per class. */
struct smooth {
	const struct plan_model *md;
	double *pre; /* seat price prefix sums */
	double *u;   /* scratch: one class's u(o, y), then its weights */
	size_t most; /* the most options of a case */
	size_t ncls;
	size_t *rep; /* per class: the case whose options stand for all */
	size_t *beg; /* per class: its cases are member[beg[c]..beg[c + 1]) */
	size_t *member;
	double *a;     /* per member: value of its first option */
	size_t *fixed; /* the cases with a kept booking */
	size_t nfixed;
	long evals;
};

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdULL;
}

static bool same_class(const struct plan_model *md, size_t i, size_t j)
{
	const struct cor_plan_case *a = &md->in->cases[i], *b = &md->in->cases[j];
	size_t ka = md->ofs[i + 1] - md->ofs[i];
	if (ka != md->ofs[j + 1] - md->ofs[j] || a->medical != b->medical ||
	    memcmp(a->need, b->need, sizeof(a->need)))
		return false;
	const struct plan_opt *x = &md->opt[md->ofs[i]], *y = &md->opt[md->ofs[j]];
	for (size_t o = 0; o < ka; o++)
		if (x[o].m != y[o].m || x[o].k1 != y[o].k1 || x[o].k2 != y[o].k2 ||
		    x[o].quota != y[o].quota || x[o].value - x[0].value != y[o].value - y[0].value)
			return false;
	return true;
}

struct hashed {
	uint64_t h;
	size_t i;
};

static int hashed_cmp(const void *p, const void *q)
{
	const struct hashed *x = p, *y = q;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static void smooth_release(struct smooth *sm)
{
	free(sm->pre);
	free(sm->u);
	free(sm->rep);
	free(sm->beg);
	free(sm->member);
	free(sm->a);
	free(sm->fixed);
}

static int smooth_init(struct smooth *sm, const struct plan_model *md)
{
	const struct cor_plan_input *in = md->in;
	memset(sm, 0, sizeof(*sm));
	sm->md = md;
	struct hashed *hs = malloc((md->n + 1) * sizeof(*hs));
	size_t nh = 0;
	sm->pre = malloc((md->nlegs + 1) * sizeof(*sm->pre));
	sm->rep = malloc((md->n + 1) * sizeof(*sm->rep));
	sm->beg = malloc((md->n + 2) * sizeof(*sm->beg));
	sm->member = malloc((md->n + 1) * sizeof(*sm->member));
	sm->a = malloc((md->n + 1) * sizeof(*sm->a));
	sm->fixed = malloc((md->n + 1) * sizeof(*sm->fixed));
	for (size_t i = 0; i < md->n; i++)
		if (md->ofs[i + 1] - md->ofs[i] > sm->most)
			sm->most = md->ofs[i + 1] - md->ofs[i];
	sm->u = malloc((sm->most + 1) * sizeof(*sm->u));
	if (!hs || !sm->pre || !sm->rep || !sm->beg || !sm->member || !sm->a || !sm->fixed ||
	    !sm->u) {
		free(hs);
		smooth_release(sm);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < md->n; i++) {
		const struct cor_plan_case *c = &in->cases[i];
		if (md->ofs[i] == md->ofs[i + 1])
			continue;
		if (c->fixed >= 0) {
			sm->fixed[sm->nfixed++] = i;
			continue;
		}
		uint64_t h = mix(0, (uint64_t)c->medical);
		for (int r = 0; r < R; r++)
			h = mix(h, (uint64_t)c->need[r]);
		const struct plan_opt *op = &md->opt[md->ofs[i]];
		for (size_t o = 0; o < md->ofs[i + 1] - md->ofs[i]; o++) {
			h = mix(h, (uint64_t)op[o].m << 32 | (uint64_t)op[o].k1 << 16 | op[o].k2);
			h = mix(h, (uint64_t)(int64_t)op[o].quota);
			h = mix(h, (uint64_t)(op[o].value - op[0].value));
		}
		hs[nh++] = (struct hashed){h, i};
	}
	qsort(hs, nh, sizeof(*hs), hashed_cmp);
	/* Equal hashes are next to each other; a class is a run of cases equal
	 * to its first (a collision only splits a class, never merges two). */
	size_t nmem = 0;
	for (size_t k = 0; k < nh;) {
		size_t e = k + 1;
		sm->rep[sm->ncls] = hs[k].i;
		sm->beg[sm->ncls++] = nmem;
		sm->member[nmem] = hs[k].i;
		sm->a[nmem++] = (double)md->opt[md->ofs[hs[k].i]].value;
		for (; e < nh && hs[e].h == hs[k].h; e++) {
			if (!same_class(md, hs[k].i, hs[e].i))
				break;
			sm->member[nmem] = hs[e].i;
			sm->a[nmem++] = (double)md->opt[md->ofs[hs[e].i]].value;
		}
		k = e;
	}
	sm->beg[sm->ncls] = nmem;
	free(hs);
	return 0;
}

/* exp(z) for -40 <= z <= 0, to about 1e-8 relative: 2^round(t) times
 * a Taylor polynomial of 2^f on [-1/2, 1/2]. Only f_mu uses it, which
 * steers the prices; the bound itself, L(y), takes no exponential. Plain
 * arithmetic, so the same on every machine. */
static double exp_neg(double z)
{
	if (z < -40)
		return 0;
	double t = z * 1.4426950408889634, n = floor(t + 0.5), f = (t - n) * 0.6931471805599453;
	double p = 1 +
		   f * (1 + f * (1.0 / 2 +
				 f * (1.0 / 6 +
				      f * (1.0 / 24 +
					   f * (1.0 / 120 + f * (1.0 / 720 + f * (1.0 / 5040)))))));
	uint64_t bits = (uint64_t)((int64_t)n + 1023) << 52;
	double scale;
	memcpy(&scale, &bits, sizeof(scale));
	return p * scale;
}

/* Class c at prices y (sm->pre filled): u(o) = r(rep, o) - a(rep), its
 * maximum into *U, and sm->u[o] = exp((u(o) - U) / mu), which sum to *S. */
static void class_weights(struct smooth *sm, const double *y, size_t c, double inv, double *U,
			  double *S)
{
	const struct plan_model *md = sm->md;
	size_t rep = sm->rep[c], o0 = md->ofs[rep], k = md->ofs[rep + 1] - o0;
	double a0 = (double)md->opt[o0].value, top = -INFINITY, sum = 0;
	for (size_t o = 0; o < k; o++) {
		sm->u[o] = reduced(md, y, sm->pre, rep, &md->opt[o0 + o]) - a0;
		if (sm->u[o] > top)
			top = sm->u[o];
	}
	for (size_t o = 0; o < k; o++) {
		sm->u[o] = exp_neg((sm->u[o] - top) * inv);
		sum += sm->u[o];
	}
	*U = top;
	*S = sum;
}

/* g -= w * (the rows option op of case i uses). */
static void sub_usage(const struct plan_model *md, double *g, size_t i, const struct plan_opt *op,
		      double w)
{
	const struct cor_plan_case *c = &md->in->cases[i];
	size_t base = md->leg0[op->m];
	for (size_t l = base + op->k1; l <= base + op->k2; l++)
		for (int r = 0; r < R; r++)
			if (c->need[r])
				g[l * R + (size_t)r] -= w * c->need[r];
	if (c->medical)
		g[esc_row(md, (size_t)op->m)] -= w * c->medical;
	if (op->quota >= 0)
		g[quota_row(md, (size_t)op->quota)] -= w * c->need[0];
}

/* f_mu(y) into *f, its gradient into g, and L(y) into *L. */
static void smooth_eval(struct smooth *sm, const double *y, double mu, double *f, double *g,
			double *L)
{
	const struct plan_model *md = sm->md;
	const struct cor_plan_input *in = md->in;
	long double F = 0, Lt = 0;
	double inv = 1 / mu;
	sm->evals++;
	seat_prefix(md, y, sm->pre);
	for (size_t row = 0; row < md->nrows; row++) {
		double b = plan_row_rhs(md, row);
		g[row] = b;
		F += (long double)y[row] * b;
	}
	Lt = F;
	for (size_t m = 0; m < md->nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		if (mv->escort_seats == 0)
			continue;
		double E = mv->escort_seats;
		double c = in->cfg.escort_ratio * y[esc_row(md, m)] -
			   (sm->pre[md->leg0[m + 1]] - sm->pre[md->leg0[m]]);
		double pos = c > 0 ? c : 0;
		double e = exp_neg(-fabs(c) * inv);
		double sig = c > 0 ? 1 / (1 + e) : e / (1 + e);
		F += (long double)E * (pos + mu * log1p(e));
		Lt += (long double)E * pos;
		g[esc_row(md, m)] += E * sig * in->cfg.escort_ratio;
		for (size_t l = md->leg0[m]; l < md->leg0[m + 1]; l++)
			g[l * R] -= E * sig;
	}
	for (size_t k = 0; k < sm->nfixed; k++) {
		size_t i = sm->fixed[k];
		double v = reduced(md, y, sm->pre, i, &md->opt[md->ofs[i]]);
		F += v;
		Lt += v;
		sub_usage(md, g, i, &md->opt[md->ofs[i]], 1);
	}
	for (size_t c = 0; c < sm->ncls; c++) {
		size_t rep = sm->rep[c], o0 = md->ofs[rep], k = md->ofs[rep + 1] - o0;
		double U, S, W = 0;
		class_weights(sm, y, c, inv, &U, &S);
		double Ubar = U + mu * log(S); /* the soft maximum of u over the options */
		for (size_t e = sm->beg[c]; e < sm->beg[c + 1]; e++) {
			double M = sm->a[e] + U, z = (sm->a[e] + Ubar) * inv;
			double t = exp_neg(-fabs(z)); /* softplus and sigmoid of z */
			Lt += M > 0 ? M : 0;
			F += mu * ((z > 0 ? z : 0) + log1p(t));
			W += z > 0 ? 1 / (1 + t) : t / (1 + t);
		}
		if (W <= 0)
			continue;
		for (size_t o = 0; o < k; o++)
			if (sm->u[o] > 0)
				sub_usage(md, g, rep, &md->opt[o0 + o], W * sm->u[o] / S);
	}
	*f = (double)F;
	*L = (double)Lt;
}

/* A plan from the smoothed dual's fractional answer: each case i takes
 * option o with weight x(i, o) = sigmoid(z_i) * softmax_o, close to an LP
 * solution when mu is small. The pairs with the largest weights are placed
 * first, while they fit; the rest is filled greedily at the prices. */
struct frac {
	int64_t key; /* weight in millionths */
	size_t i, o;
};

static int frac_cmp(const void *p, const void *q)
{
	const struct frac *x = p, *y = q;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	if (x->i != y->i)
		return (x->i > y->i) - (x->i < y->i);
	return (x->o > y->o) - (x->o < y->o);
}

static int lp_round(struct smooth *sm, const double *y, double mu, struct greedy_buf *gb,
		    struct plan_state *work, struct plan_state *best)
{
	const struct plan_model *md = sm->md;
	double inv = 1 / mu;
	size_t nf = 0, cap = md->n + 16;
	struct frac *fr = malloc(cap * sizeof(*fr));
	if (!fr)
		return COR_ENOMEM;
	seat_prefix(md, y, sm->pre);
	for (size_t c = 0; c < sm->ncls; c++) {
		size_t k = md->ofs[sm->rep[c] + 1] - md->ofs[sm->rep[c]];
		double U, S;
		class_weights(sm, y, c, inv, &U, &S);
		double Ubar = U + mu * log(S);
		for (size_t e = sm->beg[c]; e < sm->beg[c + 1]; e++) {
			double z = (sm->a[e] + Ubar) * inv, t = exp_neg(-fabs(z));
			double sig = z > 0 ? 1 / (1 + t) : t / (1 + t);
			for (size_t o = 0; o < k; o++) {
				double x = sig * sm->u[o] / S;
				if (x < 0.01)
					continue;
				if (nf == cap) {
					struct frac *bigger = realloc(fr, 2 * cap * sizeof(*fr));
					if (!bigger) {
						free(fr);
						return COR_ENOMEM;
					}
					fr = bigger;
					cap *= 2;
				}
				fr[nf++] = (struct frac){llround(x * 1e6), sm->member[e],
							 md->ofs[sm->member[e]] + o};
			}
		}
	}
	qsort(fr, nf, sizeof(*fr), frac_cmp);
	place_kept(md, work);
	for (size_t e = 0; e < nf; e++)
		if (work->at[fr[e].i] < 0 && plan_fits(work, fr[e].i, fr[e].o))
			plan_place(work, fr[e].i, fr[e].o);
	free(fr);
	greedy_fill(md, y, gb, work);
	keep_better(work, best);
	return 0;
}

struct lbfgs {
	size_t n;
	int len, head;
	double *s, *q; /* LBFGS_MEM x n each */
	double rho[LBFGS_MEM];
	double alpha[LBFGS_MEM];
	double *y1, *g1, *d; /* trial point, its gradient, the direction */
};

static double dot(const double *a, const double *b, size_t n)
{
	double t = 0;
	for (size_t k = 0; k < n; k++)
		t += a[k] * b[k];
	return t;
}

/* d = -H g over the free prices (those above 0, or at 0 with a gradient
 * that would raise them); the others stay where they are. */
static void lbfgs_direction(struct lbfgs *lb, const double *y, const double *g, double gamma)
{
	size_t n = lb->n;
	for (size_t k = 0; k < n; k++)
		lb->d[k] = (y[k] > 0 || g[k] < 0) ? -g[k] : 0;
	for (int a = 0; a < lb->len; a++) {
		int j = (lb->head - 1 - a + LBFGS_MEM) % LBFGS_MEM;
		const double *s = lb->s + (size_t)j * n, *q = lb->q + (size_t)j * n;
		lb->alpha[j] = lb->rho[j] * dot(s, lb->d, n);
		for (size_t k = 0; k < n; k++)
			lb->d[k] -= lb->alpha[j] * q[k];
	}
	for (size_t k = 0; k < n; k++)
		lb->d[k] *= gamma;
	for (int a = lb->len - 1; a >= 0; a--) {
		int j = (lb->head - 1 - a + LBFGS_MEM) % LBFGS_MEM;
		const double *s = lb->s + (size_t)j * n, *q = lb->q + (size_t)j * n;
		double b = lb->rho[j] * dot(q, lb->d, n);
		for (size_t k = 0; k < n; k++)
			lb->d[k] += (lb->alpha[j] - b) * s[k];
	}
	for (size_t k = 0; k < n; k++)
		if (!(y[k] > 0 || g[k] < 0))
			lb->d[k] = 0;
}

/* Minimise f_mu from y (updated in place, with f and g); the lowest L(y)
 * seen and its prices go to *Lbest and ybest. */
static void smooth_stage(struct smooth *sm, struct lbfgs *lb, double *y, double mu, double *f,
			 double *g, double *gamma, double *Lbest, double *ybest, double deadline)
{
	int steps = sm->md->in->cfg.bound_steps > 0 ? sm->md->in->cfg.bound_steps : 1;
	size_t n = lb->n;
	double L;
	lb->len = lb->head = 0;
	smooth_eval(sm, y, mu, f, g, &L);
	if (L < *Lbest) {
		*Lbest = L;
		memcpy(ybest, y, n * sizeof(*y));
	}
	double hist[10]; /* f of the last ten steps */
	for (int step = 0; step < steps; step++) {
		/* Settled: ten steps gained less than a millionth. */
		if (step >= 10 && hist[step % 10] - *f < 1e-6 * fabs(*f))
			return;
		hist[step % 10] = *f;
		lbfgs_direction(lb, y, g, *gamma);
		double slope = dot(g, lb->d, n);
		if (!(slope < 0)) {
			lb->len = 0;
			lbfgs_direction(lb, y, g, *gamma);
			slope = dot(g, lb->d, n);
			if (!(slope < 0))
				return;
		}
		double t = 1, f1 = 0, L1 = 0;
		bool ok = false;
		for (int tries = 0; tries < 40; tries++) {
			double dec = 0;
			for (size_t k = 0; k < n; k++) {
				double v = y[k] + t * lb->d[k];
				lb->y1[k] = v > 0 ? v : 0;
				dec += g[k] * (lb->y1[k] - y[k]);
			}
			smooth_eval(sm, lb->y1, mu, &f1, lb->g1, &L1);
			if (L1 < *Lbest) {
				*Lbest = L1;
				memcpy(ybest, lb->y1, n * sizeof(*y));
			}
			if (f1 <= *f + 1e-4 * dec) {
				ok = true;
				break;
			}
			t *= 0.5;
		}
		if (!ok)
			return;
		/* The memory pair: s = y1 - y, q = g1 - g. */
		double *s = lb->s + (size_t)lb->head * n, *q = lb->q + (size_t)lb->head * n;
		for (size_t k = 0; k < n; k++) {
			s[k] = lb->y1[k] - y[k];
			q[k] = lb->g1[k] - g[k];
		}
		double sq = dot(s, q, n), qq = dot(q, q, n);
		double drop = *f - f1;
		memcpy(y, lb->y1, n * sizeof(*y));
		memcpy(g, lb->g1, n * sizeof(*g));
		*f = f1;
		if (sq > 1e-12 * sqrt(dot(s, s, n) * qq) && qq > 0) {
			lb->rho[lb->head] = 1 / sq;
			lb->head = (lb->head + 1) % LBFGS_MEM;
			if (lb->len < LBFGS_MEM)
				lb->len++;
			*gamma = sq / qq;
		}
		if (drop <= 1e-10 * fabs(*f) || plan_now() > deadline)
			return;
	}
}

static void lbfgs_release(struct lbfgs *lb)
{
	free(lb->s);
	free(lb->q);
	free(lb->y1);
	free(lb->g1);
	free(lb->d);
	memset(lb, 0, sizeof(*lb));
}

static int lbfgs_init(struct lbfgs *lb, size_t n)
{
	memset(lb, 0, sizeof(*lb));
	lb->n = n;
	lb->s = calloc(LBFGS_MEM * n + 1, sizeof(*lb->s));
	lb->q = calloc(LBFGS_MEM * n + 1, sizeof(*lb->q));
	lb->y1 = calloc(n + 1, sizeof(*lb->y1));
	lb->g1 = calloc(n + 1, sizeof(*lb->g1));
	lb->d = calloc(n + 1, sizeof(*lb->d));
	if (!lb->s || !lb->q || !lb->y1 || !lb->g1 || !lb->d) {
		lbfgs_release(lb);
		return COR_ENOMEM;
	}
	return 0;
}

int plan_lagrange(const struct plan_model *md, struct plan_state *best, struct plan_bound *out,
		  double deadline)
{
	struct greedy_buf gb = {0};
	struct plan_state work = {0};
	struct lbfgs lb = {0};
	struct smooth sm;
	size_t nr = md->nrows;
	double *y = calloc(nr + 1, sizeof(*y));
	double *ybest = calloc(nr + 1, sizeof(*ybest));
	double *g = calloc(nr + 1, sizeof(*g));
	int rc = smooth_init(&sm, md);
	if (rc) {
		free(y);
		free(ybest);
		free(g);
		return rc;
	}
	rc = COR_ENOMEM;
	if (!y || !ybest || !g)
		goto out;
	if ((rc = greedy_buf_init(&gb, md)) || (rc = plan_state_init(&work, md)) ||
	    (rc = lbfgs_init(&lb, nr)))
		goto out;
	greedy_run(md, NULL, &gb, &work, best);
	start_prices(md, best, y);
	/* Price adjustment first: a few sweeps bring L most of the way. */
	struct leg_index ix = {0};
	if ((rc = leg_index_build(md, &ix)))
		goto out;
	for (int k = 0; k < SWEEPS && plan_now() < deadline; k++)
		seat_sweep(md, &ix, y, sm.pre, 0.5);
	leg_index_release(&ix);
	greedy_run(md, y, &gb, &work, best);

	/* mu starts at a sixtieth of the value of an average placed case and
	 * shrinks by STAGE_SHRINK per stage; the stages end early when the
	 * bound meets the plan. */
	long placed = 0;
	for (size_t i = 0; i < md->n; i++)
		placed += best->at[i] >= 0;
	double avg = placed ? (double)best->value / (double)placed : 1000.0;
	double mu = avg / MU_START, gamma = 1, f = 0;
	double Lbest = lagrange_eval(md, y, sm.pre);
	memcpy(ybest, y, nr * sizeof(*y));
	int stage;
	for (stage = 0; stage < STAGES && plan_now() < deadline; stage++) {
		smooth_stage(&sm, &lb, y, mu, &f, g, &gamma, &Lbest, ybest, deadline);
		greedy_run(md, y, &gb, &work, best);
		if ((rc = lp_round(&sm, y, mu, &gb, &work, best)))
			goto out;
		int64_t ub = safe_floor(Lbest);
		if (ub <= best->value || (double)(ub - best->value) < 1e-5 * (double)ub)
			break;
		mu *= STAGE_SHRINK;
		gamma *= STAGE_SHRINK;
	}
	greedy_run(md, ybest, &gb, &work, best);
	out->bound = safe_floor(Lbest);
	out->iterations = (int)sm.evals;
	rc = 0;
out:
	greedy_buf_release(&gb);
	plan_state_release(&work);
	lbfgs_release(&lb);
	free(y);
	free(ybest);
	free(g);
	smooth_release(&sm);
	return rc;
}

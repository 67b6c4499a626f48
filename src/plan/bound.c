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
// Subgradient steps lower L towards the LP bound; at the same prices a
// greedy pass builds a plan that keeps every constraint, and the best plan
// and the lowest L give the gap. Prices are doubles, but plans are compared
// by their integer values and cases are ordered by integer keys with the
// input order breaking ties, so the answer is the same on every machine.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan_int.h"
#include "util/error.h"

#define R COR_RES__N
#define SWEEPS 20

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

static double reduced(const struct plan_model *md, const double *y, const double *pre, size_t i,
		      const struct plan_opt *op)
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

static double rhs(const struct plan_model *md, size_t row)
{
	if (row < md->nlegs * R)
		return md->cap[row];
	if (row < md->nlegs * R + md->nm)
		return 0;
	return md->in->quotas[row - md->nlegs * R - md->nm].seats;
}

/* Add the rows that option o of case i uses to usage (scaled by f). */
static void add_usage(const struct plan_model *md, double *usage, size_t i,
		      const struct plan_opt *op)
{
	const struct cor_plan_case *c = &md->in->cases[i];
	size_t base = md->leg0[op->m];
	for (size_t l = base + op->k1; l <= base + op->k2; l++)
		for (int r = 0; r < R; r++)
			usage[l * R + (size_t)r] += c->need[r];
	if (c->medical)
		usage[esc_row(md, (size_t)op->m)] += c->medical;
	if (op->quota >= 0)
		usage[quota_row(md, (size_t)op->quota)] += c->need[0];
}

/* L(y), with the usage of its maximiser when usage is not NULL. */
static double lagrange_eval(const struct plan_model *md, const double *y, double *pre,
			    double *usage)
{
	const struct cor_plan_input *in = md->in;
	long double L = 0;
	seat_prefix(md, y, pre);
	if (usage)
		memset(usage, 0, md->nrows * sizeof(*usage));
	for (size_t row = 0; row < md->nrows; row++)
		L += (long double)y[row] * rhs(md, row);
	for (size_t m = 0; m < md->nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		double coef = in->cfg.escort_ratio * y[esc_row(md, m)] -
			      (pre[md->leg0[m + 1]] - pre[md->leg0[m]]);
		if (coef <= 0 || mv->escort_seats == 0)
			continue;
		L += (long double)coef * mv->escort_seats;
		if (usage) {
			for (size_t l = md->leg0[m]; l < md->leg0[m + 1]; l++)
				usage[l * R] += mv->escort_seats;
			usage[esc_row(md, m)] -= (double)in->cfg.escort_ratio * mv->escort_seats;
		}
	}
	for (size_t i = 0; i < md->n; i++) {
		bool fixed = in->cases[i].fixed >= 0;
		double best = fixed ? -INFINITY : 0;
		size_t bo = SIZE_MAX;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			double v = reduced(md, y, pre, i, &md->opt[o]);
			if (v > best) {
				best = v;
				bo = o;
			}
		}
		if (bo == SIZE_MAX)
			continue;
		L += best;
		if (usage)
			add_usage(md, usage, i, &md->opt[bo]);
	}
	return (double)L;
}

double plan_lagrange_value(const struct plan_model *md, const double *y)
{
	double *pre = malloc((md->nlegs + 1) * sizeof(*pre));
	if (!pre)
		return INFINITY;
	double L = lagrange_eval(md, y, pre, NULL);
	free(pre);
	return L;
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

static int greedy_run(const struct plan_model *md, const double *y, struct greedy_buf *gb,
		      struct plan_state *work, struct plan_state *best)
{
	const struct cor_plan_input *in = md->in;
	size_t nk = 0;
	if (!y)
		y = gb->zero;
	seat_prefix(md, y, gb->pre);
	plan_state_clear(work);
	for (size_t i = 0; i < md->n; i++) {
		if (in->cases[i].fixed >= 0) {
			plan_place(work, i, md->ofs[i]);
			continue;
		}
		if (md->ofs[i] == md->ofs[i + 1])
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
	if (work->value > best->value)
		plan_state_copy(best, work);
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

/* ---- The subgradient search --------------------------------------------- */

/* First prices from a greedy plan: a leg it fills is worth, per seat, what
 * the least valuable traveller on it brought (shared over the legs of that
 * traveller's journey). Subgradient steps then start near the answer. */
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
		double per = (double)op->value /
			     ((double)in->cases[i].need[0] * (op->k2 - op->k1 + 1));
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

int plan_lagrange(const struct plan_model *md, struct plan_state *best, struct plan_bound *out,
		  double deadline)
{
	const struct cor_plan_input *in = md->in;
	struct greedy_buf gb = {0};
	struct plan_state work = {0};
	double *y = calloc(md->nrows + 1, sizeof(*y));
	double *ybest = calloc(md->nrows + 1, sizeof(*ybest));
	double *usage = malloc((md->nrows + 1) * sizeof(*usage));
	double *pre = malloc((md->nlegs + 1) * sizeof(*pre));
	int rc = COR_ENOMEM;
	if (!y || !ybest || !usage || !pre)
		goto out;
	rc = greedy_buf_init(&gb, md);
	if (rc)
		goto out;
	rc = plan_state_init(&work, md);
	if (rc)
		goto out;
	greedy_run(md, NULL, &gb, &work, best);
	start_prices(md, best, y);
	/* Price adjustment first: it brings L most of the way in a few
	 * sweeps; subgradient steps take it on from there. */
	struct leg_index ix = {0};
	if ((rc = leg_index_build(md, &ix)))
		goto out;
	for (int k = 0; k < SWEEPS && plan_now() < deadline; k++)
		seat_sweep(md, &ix, y, pre, 0.5);
	leg_index_release(&ix);

	double Lbest = INFINITY, theta = 1.0;
	int stall = 0, it = 0, last_gain = 0, maxit = in->cfg.bound_iterations > 0 ? in->cfg.bound_iterations : 1;
	for (it = 0; it < maxit; it++) {
		double L = lagrange_eval(md, y, pre, usage);
		if (L < Lbest - 1e-9 * fabs(L)) {
			if (L < Lbest - 1e-5 * fabs(L))
				last_gain = it;
			Lbest = L;
			memcpy(ybest, y, md->nrows * sizeof(*y));
			stall = 0;
		} else if (++stall >= 15) {
			theta /= 2;
			stall = 0;
		}
		/* Sixty steps without a gain of 0.001%: the bound has settled. */
		if (it - last_gain > 60)
			break;
		int64_t ub = safe_floor(Lbest);
		if (ub <= best->value || (double)(ub - best->value) < 1e-5 * (double)ub)
			break;
		if (it % 20 == 5)
			greedy_run(md, y, &gb, &work, best);
		double norm = 0;
		for (size_t row = 0; row < md->nrows; row++) {
			usage[row] = rhs(md, row) - usage[row];
			if (y[row] <= 0 && usage[row] > 0)
				usage[row] = 0;
			norm += usage[row] * usage[row];
		}
		if (norm <= 0 || theta < 1e-6 || plan_now() > deadline)
			break;
		double t = theta * (L - (double)best->value) / norm;
		for (size_t row = 0; row < md->nrows; row++) {
			double v = y[row] - t * usage[row];
			y[row] = v > 0 ? v : 0;
		}
	}
	greedy_run(md, ybest, &gb, &work, best);
	out->bound = safe_floor(Lbest);
	out->iterations = it;
	rc = 0;
out:
	greedy_buf_release(&gb);
	plan_state_release(&work);
	free(y);
	free(ybest);
	free(usage);
	free(pre);
	return rc;
}

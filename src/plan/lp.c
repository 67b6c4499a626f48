// SPDX-License-Identifier: Apache-2.0
// The bounded dual simplex, revised, with the basis inverse kept whole
// (see lp.h). The slack basis with every column at the bound its cost
// prefers is dual feasible, and a change of bounds keeps a basis dual
// feasible once each nonbasic column is moved to the bound its reduced cost
// prefers, so every solve, first or after branching, is a dual simplex: no
// phase one. Choices break ties by the lowest index, so the pivots are the
// same on every run.
//
// A pivot computes the leaving row of B^-1 [A I] from row r of B^-1 and A
// by rows (row_of: only the rows where that row of B^-1 is not zero, which
// in the planner's LPs, nearly all "at most one option" rows, are few), the
// entering column B^-1 A_q (ftran), and updates B^-1 by that column (m^2);
// the ratio test and the reduced costs go over the columns of the row that
// are not zero, not over all of them. The
// inverse drifts with the pivots; the caller starts it afresh from the
// slack basis after many (plan_lp_reset).
//
// The leaving row is the basic value furthest out of its bounds, or, once
// plan_lp_steepest is called, the one furthest out over the length of its
// row of B^-1 (dual steepest edge). With the inverse whole, the lengths are
// kept exact at little cost: each row a pivot changes is summed as it is
// updated, while it is in the cache.
#include "plan/lp.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define PRIMAL_TOL 1e-7
#define DUAL_TOL   1e-9
#define PIVOT_TOL  1e-9

int plan_lp_init(struct plan_lp *lp, int m, int n, size_t nnz)
{
	memset(lp, 0, sizeof(*lp));
	lp->m = m;
	lp->n = n;
	lp->N = n + m;
	size_t N = (size_t)lp->N + 1, M = (size_t)m + 1;
	lp->cbeg = calloc((size_t)n + 1, sizeof(*lp->cbeg));
	lp->crow = malloc((nnz + 1) * sizeof(*lp->crow));
	lp->cval = malloc((nnz + 1) * sizeof(*lp->cval));
	lp->b = calloc(M, sizeof(*lp->b));
	lp->c = calloc((size_t)n + 1, sizeof(*lp->c));
	lp->lb = calloc(N, sizeof(*lp->lb));
	lp->ub = calloc(N, sizeof(*lp->ub));
	lp->binv = malloc(M * M * sizeof(*lp->binv));
	lp->rbeg = calloc(M + 1, sizeof(*lp->rbeg));
	lp->rcol = malloc((nnz + 1) * sizeof(*lp->rcol));
	lp->rval = malloc((nnz + 1) * sizeof(*lp->rval));
	lp->alpha = calloc(N, sizeof(*lp->alpha));
	lp->alist = malloc(N * sizeof(*lp->alist));
	lp->amark = calloc(N, 1);
	lp->col = calloc(M, sizeof(*lp->col));
	lp->w = calloc(M, sizeof(*lp->w));
	lp->wt = calloc(M, sizeof(*lp->wt));
	lp->d = calloc(N, sizeof(*lp->d));
	lp->x = calloc(N, sizeof(*lp->x));
	lp->head = calloc(M, sizeof(*lp->head));
	lp->pos = calloc(N, sizeof(*lp->pos));
	lp->up = calloc(N, sizeof(*lp->up));
	if (!lp->cbeg || !lp->crow || !lp->cval || !lp->b || !lp->c || !lp->lb || !lp->ub ||
	    !lp->binv || !lp->rbeg || !lp->rcol || !lp->rval || !lp->alpha || !lp->alist ||
	    !lp->amark || !lp->col || !lp->w || !lp->wt || !lp->d || !lp->x || !lp->head ||
	    !lp->pos || !lp->up) {
		plan_lp_release(lp);
		return COR_ENOMEM;
	}
	for (int j = n; j < lp->N; j++) {
		lp->lb[j] = 0;
		lp->ub[j] = HUGE_VAL;
	}
	return 0;
}

void plan_lp_release(struct plan_lp *lp)
{
	free(lp->cbeg);
	free(lp->crow);
	free(lp->cval);
	free(lp->b);
	free(lp->c);
	free(lp->lb);
	free(lp->ub);
	free(lp->binv);
	free(lp->rbeg);
	free(lp->rcol);
	free(lp->rval);
	free(lp->alpha);
	free(lp->alist);
	free(lp->amark);
	free(lp->col);
	free(lp->w);
	free(lp->wt);
	free(lp->d);
	free(lp->x);
	free(lp->head);
	free(lp->pos);
	free(lp->up);
	memset(lp, 0, sizeof(*lp));
}

/* A by rows, from its columns, once: row i's entries at rbeg[i]..rbeg[i+1],
 * in increasing column order. */
static void build_rows(struct plan_lp *lp)
{
	if (lp->rows)
		return;
	int nnz = lp->cbeg[lp->n];
	memset(lp->rbeg, 0, ((size_t)lp->m + 2) * sizeof(*lp->rbeg));
	for (int k = 0; k < nnz; k++)
		lp->rbeg[lp->crow[k] + 2]++;
	for (int i = 0; i < lp->m; i++)
		lp->rbeg[i + 2] += lp->rbeg[i + 1];
	for (int j = 0; j < lp->n; j++)
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
			int at = lp->rbeg[lp->crow[k] + 1]++;
			lp->rcol[at] = j;
			lp->rval[at] = lp->cval[k];
		}
	lp->rows = true;
}

void plan_lp_reset(struct plan_lp *lp)
{
	size_t m = (size_t)lp->m;
	build_rows(lp);
	memset(lp->binv, 0, m * m * sizeof(*lp->binv));
	for (int r = 0; r < lp->m; r++) {
		lp->binv[(size_t)r * m + (size_t)r] = 1;
		lp->wt[r] = 1;
		lp->head[r] = lp->n + r;
		lp->pos[lp->n + r] = r;
		lp->d[lp->n + r] = 0;
	}
	for (int j = 0; j < lp->n; j++) {
		lp->pos[j] = -1;
		lp->d[j] = lp->c[j];
		lp->up[j] = 0;
	}
	lp->since_reset = 0;
}

/* Put each nonbasic column at the bound its reduced cost prefers. */
static void place_nonbasic(struct plan_lp *lp)
{
	for (int j = 0; j < lp->N; j++) {
		if (lp->pos[j] >= 0)
			continue;
		if (lp->lb[j] == lp->ub[j])
			lp->up[j] = 0;
		else if (lp->d[j] > DUAL_TOL && lp->ub[j] < HUGE_VAL)
			lp->up[j] = 1;
		else if (lp->d[j] < -DUAL_TOL)
			lp->up[j] = 0;
		lp->x[j] = lp->up[j] ? lp->ub[j] : lp->lb[j];
	}
}

/* Basic values: B^-1 (b - sum of the nonbasic columns at their values). */
static void compute_basic(struct plan_lp *lp)
{
	size_t m = (size_t)lp->m;
	double *w = lp->w;
	memcpy(w, lp->b, m * sizeof(*w));
	for (int j = 0; j < lp->n; j++)
		if (lp->pos[j] < 0 && lp->x[j] != 0)
			for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
				w[lp->crow[k]] -= lp->cval[k] * lp->x[j];
	for (int r = 0; r < lp->m; r++)
		if (lp->pos[lp->n + r] < 0 && lp->x[lp->n + r] != 0)
			w[r] -= lp->x[lp->n + r];
	for (int r = 0; r < lp->m; r++) {
		const double *row = &lp->binv[(size_t)r * m];
		double v = 0;
		for (size_t k = 0; k < m; k++)
			v += row[k] * w[k];
		lp->x[lp->head[r]] = v;
	}
}

/* y -= f * x over n entries; the rows of the inverse never overlap. */
static void axpy(double *restrict y, const double *restrict x, double f, size_t n)
{
	for (size_t j = 0; j < n; j++)
		y[j] -= f * x[j];
}

/* As axpy, and the sum of squares of the new y. */
static double axpy_norm(double *restrict y, const double *restrict x, double f, size_t n)
{
	double s = 0;
	for (size_t j = 0; j < n; j++) {
		y[j] -= f * x[j];
		s += y[j] * y[j];
	}
	return s;
}

/* The squared length of every row of B^-1. */
static void row_norms(struct plan_lp *lp)
{
	size_t m = (size_t)lp->m;
	for (size_t r = 0; r < m; r++) {
		const double *row = &lp->binv[r * m];
		double s = 0;
		for (size_t k = 0; k < m; k++)
			s += row[k] * row[k];
		lp->wt[r] = s;
	}
}

void plan_lp_steepest(struct plan_lp *lp)
{
	row_norms(lp);
	lp->steepest = true;
}

/* Column q of B^-1 [A I] into lp->col. */
static void ftran(struct plan_lp *lp, int q)
{
	size_t m = (size_t)lp->m;
	double *col = lp->col;
	if (q >= lp->n) {
		for (size_t r = 0; r < m; r++)
			col[r] = lp->binv[r * m + (size_t)(q - lp->n)];
		return;
	}
	for (size_t r = 0; r < m; r++) {
		const double *row = &lp->binv[r * m];
		double v = 0;
		for (int k = lp->cbeg[q]; k < lp->cbeg[q + 1]; k++)
			v += row[lp->crow[k]] * lp->cval[k];
		col[r] = v;
	}
}

/* Row r of B^-1 [A I], for the nonbasic columns, into lp->alpha: the sum
 * over the rows i where row r of B^-1 is not zero of that entry times row i
 * of [A I]. The columns it reaches go on alist (the last row's are cleared
 * first); alpha is zero on every other. */
static void row_of(struct plan_lp *lp, int r)
{
	size_t m = (size_t)lp->m;
	const double *rho = &lp->binv[(size_t)r * m];
	double *alpha = lp->alpha;
	unsigned char *mark = lp->amark;
	int *list = lp->alist, na = 0;
	for (int k = 0; k < lp->nalpha; k++) {
		alpha[list[k]] = 0;
		mark[list[k]] = 0;
	}
	for (int i = 0; i < lp->m; i++) {
		double f = rho[i];
		if (f == 0)
			continue;
		for (int k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
			int j = lp->rcol[k];
			if (lp->pos[j] >= 0)
				continue;
			if (!mark[j]) {
				mark[j] = 1;
				list[na++] = j;
			}
			alpha[j] += f * lp->rval[k];
		}
		int s = lp->n + i;
		if (lp->pos[s] < 0) {
			mark[s] = 1;
			list[na++] = s;
			alpha[s] = f;
		}
	}
	lp->nalpha = na;
}

/* Column q enters at row r: alpha holds row r, col column q. */
static void pivot(struct plan_lp *lp, int r, int q)
{
	size_t m = (size_t)lp->m;
	double *pr = &lp->binv[(size_t)r * m];
	double arq = lp->col[r];
	double inv = 1.0 / arq;
	double s = 0;
	for (size_t k = 0; k < m; k++) {
		pr[k] *= inv;
		s += pr[k] * pr[k];
	}
	if (lp->steepest)
		lp->wt[r] = s;
	for (int i = 0; i < lp->m; i++) {
		double f = lp->col[i];
		if (i == r || f == 0)
			continue;
		if (lp->steepest)
			lp->wt[i] = axpy_norm(&lp->binv[(size_t)i * m], pr, f, m);
		else
			axpy(&lp->binv[(size_t)i * m], pr, f, m);
	}
	double dq = lp->d[q];
	if (dq != 0) {
		double f = dq / arq;
		for (int k = 0; k < lp->nalpha; k++) {
			int j = lp->alist[k];
			if (lp->alpha[j] != 0)
				lp->d[j] -= f * lp->alpha[j];
		}
	}
	int p = lp->head[r];
	lp->d[p] = -dq / arq;
	lp->d[q] = 0;
	lp->pos[p] = -1;
	lp->pos[q] = r;
	lp->head[r] = q;
	lp->pivots++;
	lp->since_reset++;
}

enum plan_lp_status plan_lp_solve(struct plan_lp *lp, long max_pivots)
{
	long done = 0;
	build_rows(lp);
	place_nonbasic(lp);
	compute_basic(lp);
	for (;;) {
		/* The row most out of its bounds leaves (with steepest, most
		 * out relative to the length of its row of B^-1). */
		int r = -1;
		double worst = lp->steepest ? 0 : PRIMAL_TOL;
		for (int i = 0; i < lp->m; i++) {
			int j = lp->head[i];
			double v = lp->x[j], inf = 0;
			double tol = PRIMAL_TOL * (1 + fabs(v));
			if (v < lp->lb[j] - tol)
				inf = lp->lb[j] - v;
			else if (v > lp->ub[j] + tol)
				inf = v - lp->ub[j];
			if (lp->steepest ? inf > PRIMAL_TOL && inf * inf > worst * lp->wt[i]
					 : inf > worst) {
				worst = lp->steepest ? inf * inf / lp->wt[i] : inf;
				r = i;
			}
		}
		if (r < 0)
			return PLAN_LP_OPTIMAL;
		if (done++ >= max_pivots)
			return PLAN_LP_LIMIT;
		int p = lp->head[r];
		int rise = lp->x[p] < lp->lb[p];
		row_of(lp, r);
		const double *row = lp->alpha;
		int q = -1;
		double best = HUGE_VAL, balpha = 0;
		for (int k = 0; k < lp->nalpha; k++) {
			int j = lp->alist[k];
			if (lp->lb[j] == lp->ub[j])
				continue;
			double a = row[j];
			if (fabs(a) < PIVOT_TOL)
				continue;
			int ok = rise ? (lp->up[j] ? a > 0 : a < 0) : (lp->up[j] ? a < 0 : a > 0);
			if (!ok)
				continue;
			double dj = lp->up[j] ? lp->d[j] : -lp->d[j];
			double ratio = (dj > 0 ? dj : 0) / fabs(a);
			/* The columns come in no set order: on a tie in both
			 * the ratio and the pivot, the lowest index. */
			if (ratio < best - 1e-12 ||
			    (ratio <= best + 1e-12 &&
			     (fabs(a) > balpha || (fabs(a) == balpha && j < q)))) {
				best = ratio;
				balpha = fabs(a);
				q = j;
			}
		}
		if (q < 0) {
			lp->why = r;
			return PLAN_LP_INFEASIBLE;
		}
		/* Move q until p reaches its bound; the other basic values
		 * follow column q. Every solve starts from compute_basic, so
		 * the drift of these updates never outlives one solve. */
		ftran(lp, q);
		double bound = rise ? lp->lb[p] : lp->ub[p];
		double delta = (lp->x[p] - bound) / lp->col[r];
		for (int i = 0; i < lp->m; i++)
			if (i != r)
				lp->x[lp->head[i]] -= lp->col[i] * delta;
		lp->x[q] += delta;
		pivot(lp, r, q);
		lp->up[p] = rise ? 0 : 1;
		lp->x[p] = bound;
	}
}

int plan_lp_refactor(struct plan_lp *lp)
{
	size_t m = (size_t)lp->m;
	build_rows(lp);
	double *a = malloc((m * m + 1) * sizeof(*a)), *inv = lp->binv;
	if (!a)
		return COR_ENOMEM;
	/* B, by rows, and I beside it in binv; Gauss-Jordan with the largest
	 * pivot of each column. */
	memset(a, 0, m * m * sizeof(*a));
	memset(inv, 0, m * m * sizeof(*inv));
	for (size_t r = 0; r < m; r++) {
		int j = lp->head[r];
		inv[r * m + r] = 1;
		if (j >= lp->n)
			a[(size_t)(j - lp->n) * m + r] = 1;
		else
			for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
				a[(size_t)lp->crow[k] * m + r] = lp->cval[k];
	}
	int rc = 0;
	for (size_t c = 0; c < m; c++) {
		size_t best = c;
		for (size_t r = c + 1; r < m; r++)
			if (fabs(a[r * m + c]) > fabs(a[best * m + c]))
				best = r;
		if (fabs(a[best * m + c]) < 1e-11) {
			rc = COR_EINVAL; /* singular: the caller starts afresh */
			break;
		}
		if (best != c)
			for (size_t k = 0; k < m; k++) {
				double t = a[c * m + k];
				a[c * m + k] = a[best * m + k];
				a[best * m + k] = t;
				t = inv[c * m + k];
				inv[c * m + k] = inv[best * m + k];
				inv[best * m + k] = t;
			}
		double f = 1.0 / a[c * m + c];
		for (size_t k = 0; k < m; k++) {
			a[c * m + k] *= f;
			inv[c * m + k] *= f;
		}
		for (size_t r = 0; r < m; r++) {
			double g = a[r * m + c];
			if (r == c || g == 0)
				continue;
			axpy(&a[r * m], &a[c * m], g, m);
			axpy(&inv[r * m], &inv[c * m], g, m);
		}
	}
	free(a);
	if (rc)
		return rc;
	if (lp->steepest)
		row_norms(lp);
	/* B^-1 B = I with B's column r the basic column of row r: row r of
	 * the inverse gives the value of head[r]. The reduced costs from
	 * y = c_B B^-1. */
	double *y = lp->w;
	for (size_t k = 0; k < m; k++)
		y[k] = 0;
	for (size_t r = 0; r < m; r++) {
		int j = lp->head[r];
		double cj = j < lp->n ? lp->c[j] : 0;
		if (cj != 0)
			for (size_t k = 0; k < m; k++)
				y[k] += cj * inv[r * m + k];
	}
	for (int j = 0; j < lp->n; j++) {
		double v = lp->c[j];
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
			v -= y[lp->crow[k]] * lp->cval[k];
		lp->d[j] = lp->pos[j] >= 0 ? 0 : v;
	}
	for (int r = 0; r < lp->m; r++)
		lp->d[lp->n + r] = lp->pos[lp->n + r] >= 0 ? 0 : -y[r];
	lp->since_reset = 0;
	return 0;
}

const double *plan_lp_binv_row(const struct plan_lp *lp, int r)
{
	return &lp->binv[(size_t)r * (size_t)lp->m];
}

void plan_lp_duals(const struct plan_lp *lp, double *y)
{
	for (int r = 0; r < lp->m; r++) {
		double v = -lp->d[lp->n + r];
		y[r] = v > 0 || lp->ub[lp->n + r] == 0 ? v : 0;
	}
}

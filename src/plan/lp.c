// SPDX-License-Identifier: Apache-2.0
// The bounded dual simplex on a dense tableau (see lp.h). The slack basis
// with every column at the bound its cost prefers is dual feasible, and a
// change of bounds keeps a basis dual feasible once each nonbasic column is
// moved to the bound its reduced cost prefers, so every solve, first or
// after branching, is a dual simplex: no phase one. Choices break ties by
// the lowest index, so the pivots are the same on every run.
#include "plan/lp.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define PRIMAL_TOL 1e-7
#define DUAL_TOL 1e-9
#define PIVOT_TOL 1e-9

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
	lp->t = malloc(M * N * sizeof(*lp->t));
	lp->beta = calloc(M, sizeof(*lp->beta));
	lp->d = calloc(N, sizeof(*lp->d));
	lp->x = calloc(N, sizeof(*lp->x));
	lp->head = calloc(M, sizeof(*lp->head));
	lp->pos = calloc(N, sizeof(*lp->pos));
	lp->up = calloc(N, sizeof(*lp->up));
	lp->nz = calloc(N, sizeof(*lp->nz));
	if (!lp->cbeg || !lp->crow || !lp->cval || !lp->b || !lp->c || !lp->lb || !lp->ub ||
	    !lp->t || !lp->beta || !lp->d || !lp->x || !lp->head || !lp->pos || !lp->up ||
	    !lp->nz) {
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
	free(lp->t);
	free(lp->beta);
	free(lp->d);
	free(lp->x);
	free(lp->head);
	free(lp->pos);
	free(lp->up);
	free(lp->nz);
	memset(lp, 0, sizeof(*lp));
}

void plan_lp_reset(struct plan_lp *lp)
{
	size_t N = (size_t)lp->N;
	memset(lp->t, 0, (size_t)lp->m * N * sizeof(*lp->t));
	for (int j = 0; j < lp->n; j++)
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
			lp->t[(size_t)lp->crow[k] * N + (size_t)j] = lp->cval[k];
	for (int r = 0; r < lp->m; r++) {
		lp->t[(size_t)r * N + (size_t)(lp->n + r)] = 1;
		lp->beta[r] = lp->b[r];
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

/* Basic values from beta and the nonbasic values. */
static void compute_basic(struct plan_lp *lp)
{
	size_t N = (size_t)lp->N;
	int nn = 0;
	for (int j = 0; j < lp->N; j++)
		if (lp->pos[j] < 0 && lp->x[j] != 0)
			lp->nz[nn++] = j;
	for (int r = 0; r < lp->m; r++) {
		const double *row = &lp->t[(size_t)r * N];
		double v = lp->beta[r];
		for (int k = 0; k < nn; k++)
			v -= row[lp->nz[k]] * lp->x[lp->nz[k]];
		lp->x[lp->head[r]] = v;
	}
}

/* y -= f * x over n entries; the rows of the tableau never overlap. */
static void axpy(double *restrict y, const double *restrict x, double f, size_t n)
{
	for (size_t j = 0; j < n; j++)
		y[j] -= f * x[j];
}

static void pivot(struct plan_lp *lp, int r, int q)
{
	size_t N = (size_t)lp->N;
	double *pr = &lp->t[(size_t)r * N];
	double inv = 1.0 / pr[q];
	int nn = 0;
	for (int j = 0; j < lp->N; j++)
		if (pr[j] != 0) {
			pr[j] *= inv;
			lp->nz[nn++] = j;
		}
	lp->beta[r] *= inv;
	pr[q] = 1;
	/* A dense pivot row is applied in full, a loop the compiler turns
	 * into vector instructions; x - f * 0 is x, so both ways give the
	 * same bits. */
	bool dense = (size_t)nn * 2 > N;
	for (int i = 0; i < lp->m; i++) {
		if (i == r)
			continue;
		double *pi = &lp->t[(size_t)i * N];
		double f = pi[q];
		if (f == 0)
			continue;
		if (dense)
			axpy(pi, pr, f, N);
		else
			for (int k = 0; k < nn; k++)
				pi[lp->nz[k]] -= f * pr[lp->nz[k]];
		pi[q] = 0;
		lp->beta[i] -= f * lp->beta[r];
	}
	double dq = lp->d[q];
	if (dq != 0)
		for (int k = 0; k < nn; k++)
			lp->d[lp->nz[k]] -= dq * pr[lp->nz[k]];
	lp->d[q] = 0;
	int p = lp->head[r];
	lp->pos[p] = -1;
	lp->pos[q] = r;
	lp->head[r] = q;
	lp->pivots++;
	lp->since_reset++;
}

enum plan_lp_status plan_lp_solve(struct plan_lp *lp, long max_pivots)
{
	size_t N = (size_t)lp->N;
	long done = 0;
	place_nonbasic(lp);
	compute_basic(lp);
	for (;;) {
		/* The row most out of its bounds leaves. */
		int r = -1;
		double worst = PRIMAL_TOL;
		for (int i = 0; i < lp->m; i++) {
			int j = lp->head[i];
			double v = lp->x[j], inf = 0;
			double tol = PRIMAL_TOL * (1 + fabs(v));
			if (v < lp->lb[j] - tol)
				inf = lp->lb[j] - v;
			else if (v > lp->ub[j] + tol)
				inf = v - lp->ub[j];
			if (inf > worst) {
				worst = inf;
				r = i;
			}
		}
		if (r < 0)
			return PLAN_LP_OPTIMAL;
		if (done++ >= max_pivots)
			return PLAN_LP_LIMIT;
		int p = lp->head[r];
		int rise = lp->x[p] < lp->lb[p];
		const double *row = &lp->t[(size_t)r * N];
		int q = -1;
		double best = HUGE_VAL, balpha = 0;
		for (int j = 0; j < lp->N; j++) {
			if (lp->pos[j] >= 0 || lp->lb[j] == lp->ub[j])
				continue;
			double a = row[j];
			if (fabs(a) < PIVOT_TOL)
				continue;
			int ok = rise ? (lp->up[j] ? a > 0 : a < 0) : (lp->up[j] ? a < 0 : a > 0);
			if (!ok)
				continue;
			double dj = lp->up[j] ? lp->d[j] : -lp->d[j];
			double ratio = (dj > 0 ? dj : 0) / fabs(a);
			if (ratio < best - 1e-12 || (ratio <= best + 1e-12 && fabs(a) > balpha)) {
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
		double bound = rise ? lp->lb[p] : lp->ub[p];
		double delta = (lp->x[p] - bound) / row[q];
		for (int i = 0; i < lp->m; i++)
			if (i != r)
				lp->x[lp->head[i]] -= lp->t[(size_t)i * N + (size_t)q] * delta;
		lp->x[q] += delta;
		pivot(lp, r, q);
		lp->up[p] = rise ? 0 : 1;
		lp->x[p] = bound;
	}
}

void plan_lp_duals(const struct plan_lp *lp, double *y)
{
	for (int r = 0; r < lp->m; r++) {
		double v = -lp->d[lp->n + r];
		y[r] = v > 0 || lp->ub[lp->n + r] == 0 ? v : 0;
	}
}

// SPDX-License-Identifier: Apache-2.0
// A small linear-programming solver for the exact planner: maximise c.x
// subject to A x <= b, lb <= x <= ub, by the bounded dual simplex, revised:
// the basis inverse is kept whole (m x m) and A by its sparse columns, so a
// pivot costs m^2 plus A's entries instead of m times all the columns. Only
// for problems of a few hundred rows. Its answers are used through their
// duals, and every bound drawn from them is recomputed from the original
// data (plan/exact.c), so rounding in the inverse can slow the search but
// cannot make it wrong.
#ifndef COR_PLAN_LP_H
#define COR_PLAN_LP_H

#include <stdbool.h>
#include <stddef.h>

enum plan_lp_status { PLAN_LP_OPTIMAL, PLAN_LP_INFEASIBLE, PLAN_LP_LIMIT };

struct plan_lp {
	int m, n, N;      /* rows, structural columns, N = n + m with the slacks */
	int *cbeg, *crow; /* A by column: rows of column j at cbeg[j]..cbeg[j+1] */
	double *cval;
	double *b, *c;    /* right-hand sides (m), objective (n) */
	double *lb, *ub;  /* N; a slack's bounds are 0 and HUGE_VAL (0 and 0: an equality) */
	double *binv;     /* m x m: the basis inverse B^-1, by rows */
	int *rbeg, *rcol; /* A by row (built from the columns at the first reset) */
	double *rval;
	bool rows;            /* rbeg, rcol and rval hold A */
	double *alpha;        /* N: scratch, the pivot row of B^-1 [A I], zero off alist */
	int *alist, nalpha;   /* the nonbasic columns of the pivot row, nalpha of them */
	unsigned char *amark; /* N: a column is on alist */
	double *col;          /* m: scratch, the entering column of B^-1 [A I] */
	double *w;            /* m: scratch */
	double *wt;           /* m: with steepest, the squared length of each row of B^-1 */
	bool steepest;        /* the leaving row by dual steepest edge (plan_lp_steepest) */
	double *d;            /* N: reduced costs */
	double *x;            /* N: values */
	int *head;            /* m: basic column of each row */
	int *pos;             /* N: row of a basic column, -1 */
	unsigned char *up;    /* N: a nonbasic column sits at its upper bound */
	long pivots, since_reset;
	int why; /* after PLAN_LP_INFEASIBLE: the row that proves it */
};

/* Allocate for m rows and n columns with nnz entries; the caller fills
 * cbeg, crow, cval, b, c, lb and ub of the structural columns. A (cbeg,
 * crow, cval) is read once, at the first plan_lp_reset or
 * plan_lp_refactor, and must not change after it. */
int plan_lp_init(struct plan_lp *lp, int m, int n, size_t nnz);
void plan_lp_release(struct plan_lp *lp);
/* Start again from the slack basis (after the data or many pivots). */
void plan_lp_reset(struct plan_lp *lp);
/* The inverse computed afresh for the basis in head and pos (after a
 * change of the rows, or to end the drift of many pivots), and the
 * reduced costs with it; COR_EINVAL if that basis is singular (then
 * plan_lp_reset). */
int plan_lp_refactor(struct plan_lp *lp);
/* From now on, the leaving row is the one whose infeasibility is largest
 * over the length of its row of B^-1 (dual steepest edge, the lengths kept
 * exact: a pivot recomputes those of the rows it changes), not the one
 * whose infeasibility is largest: fewer pivots, each dearer. */
void plan_lp_steepest(struct plan_lp *lp);
/* Optimise from the current basis after a change of bounds. */
enum plan_lp_status plan_lp_solve(struct plan_lp *lp, long max_pivots);
/* The row duals of the current basis, in objective units: y >= 0 for a
 * row A x <= b, any sign for an equality (a row whose slack has ub 0). */
void plan_lp_duals(const struct plan_lp *lp, double *y);
/* Row r of B^-1 (m entries): after PLAN_LP_INFEASIBLE, row why gives the
 * multipliers of the rows whose combination has no solution. */
const double *plan_lp_binv_row(const struct plan_lp *lp, int r);

#endif

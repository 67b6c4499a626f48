// SPDX-License-Identifier: Apache-2.0
// The exact planner for small plans: depth-first branch and bound, each
// node bounded by the LP relaxation.
//
// Why it is hard. value = persons * weight * 1000 - days, so the LP's
// optimum differs from the best plan by a few units: it shares families
// between movements of different days and fills the last seats with a
// fraction of one. Almost every option's reduced cost is then within those
// few units, and branching on cases alone hardly moves the bound.
//
// Integer columns. Besides the options the LP has, as integer columns,
// the escorts of each movement and, for each boarding leg with two or more
// options, the count n_g of the cases boarding it (a row sum x - n_g = 0):
// every case boarding leg g pays the same days. Near the target (the bound
// within one person of it) the search branches first on the escort or count
// column the LP splits most, which takes away the days the LP saves by
// splitting; further off, on the case the LP splits most, its children in
// the order the LP prefers them (options by LP value, then left out).
//
// Bounds. The LP's row duals y give the Lagrangian bound
//   L(y) = y.b + sum over columns of max over [lo, hi] of (c_j - y.A_j) x_j,
// recomputed here from the integer data, so it is valid whatever rounding
// the simplex suffered (y of a count row may take either sign: it is an
// equality). A column whose reduced cost alone takes L below the target is
// fixed or its range narrowed (reduced-cost fixing). A second bound keeps
// the seats of each movement's dearest leg as a knapsack (below); a third
// rounds: a plan is worth 1000 W - D with W whole, and the counts' ranges
// bound D. The simplex's claim that a node has no solution is checked from
// the integer data too (infeasible()) before the node is dropped.
//
// Plans. Every node rounds its LP solution into a plan and improves it by
// local search (improve.c); at the root, neighbourhoods of one to five
// movements are searched as models of their own, the rest of the best plan
// fixed (lns.c). A node is cut when it
// cannot beat the best plan known by one value unit. With every choice
// tied to an index, the search is the same on every run; the node limit is
// a count, so a cut search is cut at the same place every time.
//
// Cuts. After the neighbourhoods, rounds of cuts at the root tighten the
// LP: lifted knapsack covers on the rows of seats, special places and
// quotas, and Gomory mixed-integer cuts computed in integers from rows of
// B^-1 that are exactly k / D (below, at "Cuts"). They are valid for every
// plan within the root's bounds, so the bounds above stay proven. From the
// cuts on, the LP picks its leaving rows by dual steepest edge. At 200
// cases all 32 of the benchmark's plans are at HiGHS's value (its proven
// optimum or, on two, its best in ten minutes), 26 proven optimal within
// the node limit; on five of the other six the root bound is 7-23 units
// above the optimum or HiGHS's best plan (10-59 before the cuts).
//
// The LP carries x <= s for each medical option: one medical traveller
// already needs a whole escort, which the plain escort row would share out
// in fractions.
//
// Dominance. If case i can do everything case j can, on the same legs with
// the same needs, at least as well (strictly better when i comes after j),
// some optimal plan never leaves i out while taking j; identical cases also
// take their movements in input order. Both rules cut the symmetric
// subtrees that families of the same size and route make.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan/lp.h"
#include "plan/plan_int.h"
#include "util/error.h"

#define R             COR_RES__N
#define LP_SCALE      1e-3 /* objective in the tableau: value / 1000 */
#define LNS_BUDGET    50   /* nodes of the neighbourhoods (lns.c) per node of the limit */
#define LNS_ALL_MOVES 5    /* up to this many movements, lns.c's sets already take all */

struct bb {
	const struct plan_model *md;
	struct plan_lp lp;
	size_t ncol;            /* options, escort columns, then count columns */
	size_t col0;            /* the first count column */
	int *gdays;             /* per count column (from col0): the days its cases pay */
	int *gin, *gout;        /* scratch per count column */
	size_t ngrp;            /* count columns: one per boarding leg with 2+ options */
	int *grp;               /* per option: its count column, or -1 */
	size_t nint;            /* integer columns: the escort and count columns */
	int *nlo, *nhi;         /* per integer column (column nopt + k): bounds at this node */
	int *esc_col;           /* per movement: its escort column, or -1 */
	int *row_model;         /* per LP row: the model row it prices, or -1 */
	unsigned char *lo, *hi; /* per option: bounds at this node */
	unsigned char *stack;   /* saved option bounds per depth */
	int *nstack;            /* saved count bounds per depth */
	size_t nframes;         /* depths the stacks hold */
	size_t **dom, *ndom;    /* dom[i]: cases j that i dominates */
	size_t **same, *nsame;  /* same[i]: later cases identical to i */
	int *lp_row;            /* per model row: its LP row, or -1 */
	double *dp;             /* knapsack table, the largest seat capacity + 1 */
	bool *dp_row;           /* per LP row: priced inside a knapsack */
	int dp_cap;
	double *y, *yrow, *dcol, *u;
	size_t *child, most_opts; /* children order per depth */
	struct plan_state work, heur;
	struct plan_state *known;
	struct plan_improve im;
	struct ranked *rank; /* per option: scratch for rounding */
	bool cut, oom, near_done, after_cuts;
	bool steepest;  /* the LP by dual steepest edge (from the cuts on) */
	int err;        /* an error of the neighbourhood search */
	long lns_nodes; /* nodes of the neighbourhood search */
	long nodes;
	double deadline;
	int64_t root_bound;
	/* Cuts (below), rows of the LP after the model's: cut c is
	 * sum of cut_val x over the columns cut_col[cut_beg[c]..cut_beg[c + 1])
	 * <= cut_rhs[c]. */
	size_t ncut, cut_nnz, cut_room, cut_rows; /* cuts, entries, room for each */
	size_t *cut_beg;
	int *cut_col, *cut_val, *cut_rhs;
	int *lift, lift_cap; /* lifting table: 0..lift_cap */
};

/* Only a plan better than the best known is worth a node. */
static int64_t target(const struct bb *bb)
{
	return bb->known->value + 1;
}

static int64_t safe_floor(long double L)
{
	/* Not a number (a broken inverse) bounds nothing; -inf is a proof. */
	if (isnan(L) || L >= 9e18L)
		return INT64_MAX;
	if (L <= -9e18L)
		return INT64_MIN;
	return (int64_t)floorl(L + 1e-9L * fabsl(L) + 1e-3L);
}

/* ---- Building the LP ---------------------------------------------------- */

/* The days option o pays: its value is persons * weight * 1000 - days
 * with 0 <= days <= PLAN_MAX_DAYS. */
static int days_of(const struct plan_model *md, size_t o)
{
	int64_t v = md->opt[o].value;
	return (int)((v + PLAN_MAX_DAYS) / COR_PLAN_SCALE * COR_PLAN_SCALE - v);
}

/* x_o <= s_m for the medical options of m: only with an escort column,
 * and no medical escort named (one named makes it hold anyway). */
static bool has_link(const struct bb *bb, size_t m)
{
	return bb->esc_col[m] >= 0 && bb->md->in->movements[m].escorts_named == 0;
}

/* With cuts, the LP's optimal face is wide and the dual simplex stalls on
 * it (on 15/4 of the benchmark, two thirds of the pivots go once the costs
 * are perturbed): each option gets a cost of at most 1e-7 (a ten-thousandth
 * of a value unit) more, fixed by its index. Bounds are recomputed from
 * the true values, so this can cost a bound at most 200 options x 1e-4
 * units and never its truth.
 * Without cuts (and so in the neighbourhoods) the costs stay exact. */
static double perturb(const struct bb *bb, size_t o)
{
	if (!bb->ncut)
		return 0;
	return 1e-7 * (double)((o * 2654435761u) % 1000) / 1000;
}

static int build_lp(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	const struct cor_plan_input *in = md->in;
	size_t nmrows = md->nrows;
	int *rowid = malloc((nmrows + md->n + 1) * sizeof(*rowid));
	double *pot = calloc(nmrows + 1, sizeof(*pot));
	int *gcnt = calloc(md->nlegs + 1, sizeof(*gcnt));
	int *gcol = malloc((md->nlegs + 1) * sizeof(*gcol));
	/* The cuts of each column, by column (options, escorts, counts). */
	size_t most_cols = md->nopt + md->nm + md->nlegs;
	size_t *obeg = calloc(most_cols + 2, sizeof(*obeg));
	int *ocut = malloc((bb->cut_nnz + 1) * sizeof(*ocut));
	int *oval = malloc((bb->cut_nnz + 1) * sizeof(*oval));
	int rc = COR_ENOMEM;
	/* A rebuild (with more cuts) starts from nothing. */
	plan_lp_release(&bb->lp);
	free(bb->esc_col);
	free(bb->lp_row);
	free(bb->row_model);
	bb->esc_col = NULL;
	bb->lp_row = NULL;
	bb->row_model = NULL;
	if (!rowid || !pot || !gcnt || !gcol || !obeg || !ocut || !oval)
		goto out;
	for (size_t q = 0; q < bb->cut_nnz; q++)
		obeg[bb->cut_col[q] + 2]++;
	for (size_t j = 0; j < most_cols; j++)
		obeg[j + 2] += obeg[j + 1];
	for (size_t c = 0; c < bb->ncut; c++)
		for (size_t q = bb->cut_beg[c]; q < bb->cut_beg[c + 1]; q++) {
			size_t at = obeg[bb->cut_col[q] + 1]++;
			ocut[at] = (int)c;
			oval[at] = bb->cut_val[q];
		}
	bb->esc_col = malloc((md->nm + 1) * sizeof(*bb->esc_col));
	if (!bb->esc_col)
		goto out;
	/* Escort columns for movements that may carry medical travellers. */
	bb->ncol = md->nopt;
	for (size_t m = 0; m < md->nm; m++)
		bb->esc_col[m] = -1;
	for (size_t i = 0; i < md->n; i++)
		if (in->cases[i].medical)
			for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
				int m = md->opt[o].m;
				if (in->movements[m].escort_seats > 0)
					bb->esc_col[m] = 0;
			}
	/* Numbered in movement order: the columns are filled in that order,
	 * and lp.cbeg must rise with the column. */
	for (size_t m = 0; m < md->nm; m++)
		if (bb->esc_col[m] == 0)
			bb->esc_col[m] = (int)bb->ncol++;
	/* Count columns: n_g = the cases boarding leg g, which all pay the
	 * same days. The LP makes it fractional to save a few days; branching
	 * on it first closes that gap. */
	/* Decided at the first build, kept by the rebuilds (with cuts), so
	 * that the integer columns stay the same. */
	if (bb->grp) {
		bb->col0 = bb->ncol;
		bb->ncol += bb->ngrp;
	} else {
		bb->grp = malloc((md->nopt + 1) * sizeof(*bb->grp));
		if (!bb->grp)
			goto out;
		for (size_t o = 0; o < md->nopt; o++)
			if (bb->hi[o] && !bb->lo[o])
				gcnt[md->leg0[md->opt[o].m] + md->opt[o].k1]++;
		bb->col0 = bb->ncol;
		for (size_t l = 0; l < md->nlegs; l++)
			gcol[l] = gcnt[l] >= 2 ? (int)bb->ncol++ : -1;
		bb->ngrp = bb->ncol - bb->col0;
		for (size_t o = 0; o < md->nopt; o++)
			bb->grp[o] = bb->hi[o] && !bb->lo[o]
					     ? gcol[md->leg0[md->opt[o].m] + md->opt[o].k1]
					     : -1;
	}
	/* A row is kept only if the columns could ever overfill it. */
	for (size_t i = 0; i < md->n; i++) {
		const struct cor_plan_case *c = &in->cases[i];
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			const struct plan_opt *op = &md->opt[o];
			size_t base = md->leg0[op->m];
			for (size_t l = base + op->k1; l <= base + op->k2; l++)
				for (int r = 0; r < R; r++)
					pot[l * R + (size_t)r] += c->need[r];
			if (op->quota >= 0)
				pot[md->nlegs * R + md->nm + (size_t)op->quota] += c->need[0];
			pot[md->nlegs * R + (size_t)op->m] += c->medical;
		}
	}
	for (size_t m = 0; m < md->nm; m++)
		if (bb->esc_col[m] >= 0)
			for (size_t l = md->leg0[m]; l < md->leg0[m + 1]; l++)
				pot[l * R] += in->movements[m].escort_seats;
	int nrow = 0;
	for (size_t row = 0; row < nmrows; row++) {
		double cap;
		if (row < md->nlegs * R)
			cap = md->cap[row];
		else if (row < md->nlegs * R + md->nm)
			/* With an escort column the row is kept; without, and
			 * with medical escorts named, it holds the medical
			 * travellers to what those cover (the options that would
			 * need an escort seat are closed by plan_fits). */
			cap = bb->esc_col[row - md->nlegs * R] >= 0 ? -1
			      : in->movements[row - md->nlegs * R].escorts_named
				      ? plan_row_rhs(md, row)
				      : 1e300;
		else
			cap = in->quotas[row - md->nlegs * R - md->nm].seats;
		rowid[row] = pot[row] > cap ? nrow++ : -1;
	}
	for (size_t i = 0; i < md->n; i++)
		rowid[nmrows + i] = md->ofs[i + 1] - md->ofs[i] >= 2 ? nrow++ : -1;
	/* x_o <= s_m for a medical option: one medical traveller already
	 * takes a whole escort, which the LP would otherwise share out. */
	int nlink = 0;
	for (size_t i = 0; i < md->n; i++)
		if (in->cases[i].medical)
			for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
				nlink += has_link(bb, (size_t)md->opt[o].m);
	int link0 = nrow;
	nrow += nlink;
	int grow0 = nrow; /* count rows: sum of x - n_g = 0 */
	nrow += (int)bb->ngrp;
	int cut0 = nrow;
	nrow += (int)bb->ncut;
	/* Count the entries, then fill the columns. */
	size_t nnz = 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;
		int link = link0;
		for (size_t i = 0; i < md->n; i++) {
			const struct cor_plan_case *c = &in->cases[i];
			for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
				const struct plan_opt *op = &md->opt[o];
				size_t base = md->leg0[op->m];
				if (pass)
					bb->lp.cbeg[o] = (int)k;
#define CUTS(j)                                                                                    \
	do {                                                                                       \
		for (size_t q = obeg[j]; q < obeg[(j) + 1]; q++) {                                 \
			if (pass) {                                                                \
				bb->lp.crow[k] = cut0 + ocut[q];                                   \
				bb->lp.cval[k] = oval[q];                                          \
			}                                                                          \
			k++;                                                                       \
		}                                                                                  \
	} while (0)
#define ENTRY(row, v)                                                                              \
	do {                                                                                       \
		if (rowid[row] >= 0 && (v) != 0) {                                                 \
			if (pass) {                                                                \
				bb->lp.crow[k] = rowid[row];                                       \
				bb->lp.cval[k] = (v);                                              \
			}                                                                          \
			k++;                                                                       \
		}                                                                                  \
	} while (0)
				for (size_t l = base + op->k1; l <= base + op->k2; l++)
					for (int r = 0; r < R; r++)
						ENTRY(l * R + (size_t)r, c->need[r]);
				if (c->medical)
					ENTRY(md->nlegs * R + (size_t)op->m, c->medical);
				if (op->quota >= 0)
					ENTRY(md->nlegs * R + md->nm + (size_t)op->quota,
					      c->need[0]);
				ENTRY(nmrows + i, 1);
				if (bb->grp[o] >= 0) {
					if (pass) {
						bb->lp.crow[k] = grow0 + bb->grp[o] - (int)bb->col0;
						bb->lp.cval[k] = 1;
					}
					k++;
				}
				if (c->medical && has_link(bb, (size_t)op->m)) {
					if (pass) {
						bb->lp.crow[k] = link;
						bb->lp.cval[k] = 1;
					}
					link++;
					k++;
				}
				CUTS(o);
				if (pass) {
					bb->lp.c[o] = (double)op->value * LP_SCALE + perturb(bb, o);
					bb->lp.lb[o] = bb->lo[o];
					bb->lp.ub[o] = bb->hi[o];
				}
			}
		}
		for (size_t m = 0; m < md->nm; m++) {
			int j = bb->esc_col[m];
			if (j < 0)
				continue;
			if (pass)
				bb->lp.cbeg[j] = (int)k;
			for (size_t l = md->leg0[m]; l < md->leg0[m + 1]; l++)
				ENTRY(l * R, 1);
			ENTRY(md->nlegs * R + m, -in->cfg.escort_ratio);
			/* The links of this movement's medical options. */
			for (size_t i = 0, l = (size_t)link0; i < md->n; i++)
				if (in->cases[i].medical)
					for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
						int mo = md->opt[o].m;
						if (!has_link(bb, (size_t)mo))
							continue;
						if ((size_t)mo == m) {
							if (pass) {
								bb->lp.crow[k] = (int)l;
								bb->lp.cval[k] = -1;
							}
							k++;
						}
						l++;
					}
			CUTS((size_t)j);
			if (pass) {
				bb->lp.c[j] = 0;
				bb->lp.lb[j] = 0;
				bb->lp.ub[j] = in->movements[m].escort_seats;
			}
		}
		for (size_t g = 0; g < bb->ngrp; g++) {
			size_t j = bb->col0 + g;
			if (pass) {
				bb->lp.cbeg[j] = (int)k;
				bb->lp.crow[k] = grow0 + (int)g;
				bb->lp.cval[k] = -1;
				bb->lp.c[j] = 0;
				bb->lp.lb[j] = 0;
				bb->lp.ub[j] = 0;
			}
			k++;
			CUTS(j);
		}
#undef ENTRY
#undef CUTS
		if (pass == 0) {
			nnz = k;
			rc = plan_lp_init(&bb->lp, nrow, (int)bb->ncol, nnz);
			if (rc)
				goto out;
			bb->lp.steepest = bb->steepest; /* lengths from the refactoring */
		} else {
			bb->lp.cbeg[bb->ncol] = (int)k;
		}
	}
	for (size_t o = 0; o < md->nopt; o++) {
		if (bb->grp[o] >= 0)
			bb->lp.ub[bb->grp[o]]++;
	}
	for (size_t g = 0; g < bb->ngrp; g++)
		bb->lp.ub[bb->lp.n + grow0 + (int)g] = 0; /* an equality: the slack is 0 */

	rc = COR_ENOMEM;
	bb->lp_row = malloc((nmrows + 1) * sizeof(*bb->lp_row));
	if (!bb->lp_row)
		goto out;
	memcpy(bb->lp_row, rowid, nmrows * sizeof(*rowid));
	bb->row_model = malloc(((size_t)nrow + 1) * sizeof(*bb->row_model));
	if (!bb->row_model)
		goto out;
	for (int r = 0; r < nrow; r++)
		bb->row_model[r] = -1;
	for (size_t row = 0; row < nmrows + md->n; row++) {
		if (rowid[row] < 0)
			continue;
		if (row < nmrows) {
			bb->row_model[rowid[row]] = (int)row;
			double b;
			if (row < md->nlegs * R)
				b = md->cap[row];
			else if (row < md->nlegs * R + md->nm)
				b = plan_row_rhs(md, row);
			else
				b = in->quotas[row - md->nlegs * R - md->nm].seats;
			bb->lp.b[rowid[row]] = b;
		} else {
			bb->lp.b[rowid[row]] = 1;
		}
	}
	for (size_t c = 0; c < bb->ncut; c++)
		bb->lp.b[cut0 + (int)c] = bb->cut_rhs[c];
	/* A rebuild: the integer columns' bounds as they are now. */
	for (size_t k = 0; bb->nlo && k < bb->nint; k++) {
		bb->lp.lb[md->nopt + k] = bb->nlo[k];
		bb->lp.ub[md->nopt + k] = bb->nhi[k];
	}
	plan_lp_reset(&bb->lp);
	rc = 0;
out:
	free(obeg);
	free(ocut);
	free(oval);
	free(gcnt);
	free(gcol);
	free(rowid);
	free(pot);
	return rc;
}

/* ---- Dominance ------------------------------------------------------------ */

static bool same_needs(const struct cor_plan_case *a, const struct cor_plan_case *b)
{
	return !memcmp(a->need, b->need, sizeof(a->need)) && a->medical == b->medical;
}

/* Does i dominate j (i left out means j left out in a first optimal plan)?
 * *same is set when they are interchangeable. */
static bool dominates(const struct plan_model *md, size_t i, size_t j, bool *same)
{
	const struct cor_plan_case *ci = &md->in->cases[i], *cj = &md->in->cases[j];
	*same = false;
	if (ci->fixed >= 0 || cj->fixed >= 0 || !same_needs(ci, cj))
		return false;
	size_t oi = md->ofs[i], oj = md->ofs[j];
	if (oj == md->ofs[j + 1])
		return false;
	bool equal = md->ofs[i + 1] - oi == md->ofs[j + 1] - oj;
	for (; oj < md->ofs[j + 1]; oj++) {
		const struct plan_opt *b = &md->opt[oj];
		while (oi < md->ofs[i + 1] && md->opt[oi].m < b->m)
			oi++;
		if (oi == md->ofs[i + 1])
			return false;
		const struct plan_opt *a = &md->opt[oi];
		if (a->m != b->m || a->k1 != b->k1 || a->k2 != b->k2 || a->quota != b->quota)
			return false;
		if (a->value < b->value || (i > j && a->value == b->value))
			return false;
		equal &= a->value == b->value;
	}
	*same = equal && i < j;
	return true;
}

static int build_dominance(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	size_t n = md->n;
	bb->dom = calloc(n + 1, sizeof(*bb->dom));
	bb->same = calloc(n + 1, sizeof(*bb->same));
	bb->ndom = calloc(n + 1, sizeof(*bb->ndom));
	bb->nsame = calloc(n + 1, sizeof(*bb->nsame));
	if (!bb->dom || !bb->same || !bb->ndom || !bb->nsame)
		return COR_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			bool same;
			if (i == j || !dominates(md, i, j, &same))
				continue;
			size_t **lst = same ? &bb->same[i] : &bb->dom[i];
			size_t *cnt = same ? &bb->nsame[i] : &bb->ndom[i];
			size_t *t = realloc(*lst, (*cnt + 1) * sizeof(**lst));
			if (!t)
				return COR_ENOMEM;
			*lst = t;
			(*lst)[(*cnt)++] = j;
		}
	}
	return 0;
}

/* ---- Node bookkeeping ----------------------------------------------------- */

/* The option case i is fixed to, -1 if none, -2 if left out. */
static long decided(const struct bb *bb, size_t i)
{
	const struct plan_model *md = bb->md;
	bool open = false;
	for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
		if (bb->lo[o])
			return (long)o;
		open |= bb->hi[o];
	}
	return open ? -1 : -2;
}

static bool close_case(struct bb *bb, size_t j, int below_m, bool *changed)
{
	const struct plan_model *md = bb->md;
	for (size_t o = md->ofs[j]; o < md->ofs[j + 1]; o++) {
		if (below_m >= 0 && md->opt[o].m >= below_m)
			continue;
		if (bb->lo[o])
			return false;
		if (bb->hi[o]) {
			bb->hi[o] = 0;
			*changed = true;
		}
	}
	return true;
}

/* Apply what the decisions imply; false when they contradict. */
static bool propagate(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t i = 0; i < md->n; i++) {
			long at = -1;
			for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
				if (!bb->lo[o])
					continue;
				if (at >= 0 || !bb->hi[o])
					return false;
				at = (long)o;
			}
			if (at >= 0) {
				for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
					if ((long)o != at && bb->hi[o]) {
						bb->hi[o] = 0;
						changed = true;
					}
				for (size_t k = 0; k < bb->nsame[i]; k++)
					if (!close_case(bb, bb->same[i][k], md->opt[at].m,
							&changed))
						return false;
				continue;
			}
			if (decided(bb, i) != -2)
				continue;
			for (size_t k = 0; k < bb->nsame[i]; k++)
				if (!close_case(bb, bb->same[i][k], -1, &changed))
					return false;
			for (size_t k = 0; k < bb->ndom[i]; k++)
				if (!close_case(bb, bb->dom[i][k], -1, &changed))
					return false;
		}
	}
	return true;
}

/* The Lagrangian bound of the node from the LP's duals, with every column's
 * reduced cost in value units left in dcol. */
static long double node_bound(struct bb *bb)
{
	const struct plan_lp *lp = &bb->lp;
	long double L = 0;
	plan_lp_duals(lp, bb->y);
	for (int r = 0; r < lp->m; r++) {
		bb->y[r] /= LP_SCALE;
		L += (long double)bb->y[r] * lp->b[r];
	}
	for (size_t j = 0; j < bb->ncol; j++) {
		long double d = j < bb->md->nopt ? (long double)bb->md->opt[j].value : 0;
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
			d -= (long double)bb->y[lp->crow[k]] * lp->cval[k];
		bb->dcol[j] = (double)d;
		double lo = j < bb->md->nopt ? bb->lo[j] : lp->lb[j];
		double hi = j < bb->md->nopt ? bb->hi[j] : lp->ub[j];
		L += d > 0 ? d * hi : d * lo;
	}
	return L;
}

/* Is the simplex's claim that the node has no solution true? Row why of
 * the tableau is u.(A x + s) = u.b with u the row's slack entries; the
 * claim holds if u.b lies outside what the left side can reach within
 * the bounds, recomputed here from the integer data. */
static bool infeasible(struct bb *bb)
{
	const struct plan_lp *lp = &bb->lp;
	const double *t = plan_lp_binv_row(lp, lp->why);
	double *u = bb->u;
	long double lo = 0, hi = 0, ub = 0, mag = 0;
	/* Any multipliers give a true equation; the tableau's rounding
	 * noise is left out so that it cannot open an unbounded slack. */
	for (int r = 0; r < lp->m; r++)
		u[r] = fabs(t[r]) < 1e-9 ? 0 : t[r];
	for (int r = 0; r < lp->m; r++) {
		ub += (long double)u[r] * lp->b[r];
		if (lp->ub[lp->n + r] > 0 && u[r] != 0) { /* s_r >= 0 */
			if (u[r] > 0)
				hi = HUGE_VALL;
			else
				lo = -HUGE_VALL;
		}
	}
	for (size_t j = 0; j < bb->ncol; j++) {
		long double a = 0;
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
			a += (long double)u[lp->crow[k]] * lp->cval[k];
		double l = j < bb->md->nopt ? bb->lo[j] : lp->lb[j];
		double h = j < bb->md->nopt ? bb->hi[j] : lp->ub[j];
		lo += a > 0 ? a * l : a * h;
		hi += a > 0 ? a * h : a * l;
		mag += fabsl(a) * (fabs(l) + fabs(h));
	}
	long double tol = 1e-7L * (1 + mag + fabsl(ub));
	return ub < lo - tol || ub > hi + tol;
}

/* Place the cases as their options say; false if that breaks a constraint. */
static bool build_plan(struct bb *bb, const unsigned char *take)
{
	const struct plan_model *md = bb->md;
	plan_state_clear(&bb->work);
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
			if (take[o]) {
				if (!plan_fits(&bb->work, i, o))
					return false;
				plan_place(&bb->work, i, o);
				break;
			}
	return true;
}

/* An LP optimum that is already a plan is a plan known from elsewhere. */
static void try_integral(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	unsigned char *take = bb->stack; /* scratch row 0 is free at this point */
	for (size_t o = 0; o < md->nopt; o++) {
		double v = bb->lp.x[o];
		if (fabs(v - nearbyint(v)) > 1e-6)
			return;
		take[o] = v > 0.5;
	}
	if (build_plan(bb, take) && bb->work.value > bb->known->value) {
		plan_state_copy(bb->known, &bb->work);
	}
}

struct ranked {
	double x, d;
	size_t o;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *p = a, *q = b;
	if (p->x != q->x)
		return p->x > q->x ? -1 : 1;
	if (p->d != q->d)
		return p->d > q->d ? -1 : 1;
	return (p->o > q->o) - (p->o < q->o);
}

/* A plan near the node's LP: its decisions, then the options in order of
 * their LP value (ties by reduced cost), each if its case is still out and
 * it fits; then local search. */
static void round_node(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	struct plan_state *st = &bb->heur;
	size_t nr = 0;
	plan_state_clear(st);
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			if (bb->lo[o]) {
				if (!plan_fits(st, i, o))
					return;
				plan_place(st, i, o);
			} else if (bb->hi[o]) {
				bb->rank[nr++] = (struct ranked){bb->lp.x[o], bb->dcol[o], o};
			}
		}
	qsort(bb->rank, nr, sizeof(*bb->rank), ranked_cmp);
	for (size_t k = 0; k < nr; k++) {
		size_t o = bb->rank[k].o, i = bb->im.owner[o];
		if (st->at[i] < 0 && plan_fits(st, i, o))
			plan_place(st, i, o);
	}
	/* Local search only for a plan within three persons of the best. */
	if (st->value + 3 * COR_PLAN_SCALE > bb->known->value)
		plan_improve_run(&bb->im, st, 50);
	if (st->value > bb->known->value)
		plan_state_copy(bb->known, st);
}

/* A tighter bound for pruning: the same prices, except that on each
 * movement the seats of its most expensive leg are kept as a hard
 * constraint and the movement's cases are packed into them exactly (a 0/1
 * knapsack by dynamic programming over the seats). The LP shares the last
 * seats out in fractions; families do not split, and this closes most of
 * the difference. Valid for any prices, like L. */
static long double knapsack_bound(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	const struct cor_plan_input *in = md->in;
	const struct plan_lp *lp = &bb->lp;
	long double total = 0;
	memset(bb->dp_row, 0, (size_t)lp->m * sizeof(*bb->dp_row));
	for (size_t m = 0; m < md->nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		int kstar = -1, row = -1;
		double ystar = 0;
		for (int k = 0; k < mv->nlegs; k++) {
			int r = bb->lp_row[(md->leg0[m] + (size_t)k) * R];
			if (r >= 0 && bb->y[r] > ystar) {
				ystar = bb->y[r];
				kstar = k;
				row = r;
			}
		}
		long double part = 0;
		int cap = kstar >= 0 ? mv->legs[kstar].cap[COR_RES_SEATS] : 0;
		for (int v = 0; v <= cap; v++)
			bb->dp[v] = 0;
		for (size_t e = bb->im.mbeg[m]; e < bb->im.mbeg[m + 1]; e++) {
			size_t o = bb->im.mopt[e];
			if (!bb->hi[o])
				continue;
			const struct plan_opt *op = &md->opt[o];
			int w = kstar >= op->k1 && kstar <= op->k2
					? in->cases[bb->im.owner[o]].need[COR_RES_SEATS]
					: 0;
			double p = bb->dcol[o] + w * ystar;
			if (bb->lo[o]) {
				part += p;
				cap -= w;
			} else if (w == 0 || p <= 0) {
				part += p > 0 ? p : 0;
			} else if (w <= cap) {
				for (int v = cap; v >= w; v--)
					if (bb->dp[v - w] + p > bb->dp[v])
						bb->dp[v] = bb->dp[v - w] + p;
			}
		}
		/* Each escort is one seat on every leg: E items of weight 1. */
		int j = bb->esc_col[m];
		if (j >= 0 && kstar >= 0) {
			/* The escorts at this node: elo taken, up to ehi. */
			int elo = bb->nlo[(size_t)j - md->nopt],
			    ehi = bb->nhi[(size_t)j - md->nopt];
			double p = bb->dcol[j] + ystar;
			part += (long double)p * elo;
			cap -= elo;
			for (int e = elo; e < ehi && p > 0 && cap >= 1; e++)
				for (int v = cap; v >= 1; v--)
					if (bb->dp[v - 1] + p > bb->dp[v])
						bb->dp[v] = bb->dp[v - 1] + p;
		} else if (j >= 0) {
			double d = bb->dcol[j];
			part += (long double)d * bb->nlo[(size_t)j - md->nopt];
			if (d > 0)
				part += (long double)d * (bb->nhi[(size_t)j - md->nopt] -
							  bb->nlo[(size_t)j - md->nopt]);
		}
		if (cap < 0)
			return -HUGE_VALL; /* kept and forced travellers overfill it */
		/* Forced weight came off the top: the best packing of what is
		 * left is at most dp[cap] of the full table, which only grows. */
		double best = 0;
		for (int v = 0; v <= cap; v++)
			if (bb->dp[v] > best)
				best = bb->dp[v];
		part += best;
		if (row >= 0)
			bb->dp_row[row] = true;
		total += part;
	}
	for (int r = 0; r < lp->m; r++)
		if (!bb->dp_row[r])
			total += (long double)bb->y[r] * lp->b[r];
	for (size_t j = bb->col0; j < bb->ncol; j++) {
		double d = bb->dcol[j];
		total += (long double)d * (d > 0 ? bb->nhi[j - md->nopt] : bb->nlo[j - md->nopt]);
	}
	return total;
}

/* Integer rounding. Every plan is worth 1000 W - D, W its priority-weighted
 * persons and D its days; at this node D lies in [dmin, dmax], from the
 * decisions and the counts' bounds. A plan worth at most U then has
 * W <= floor((U + dmax) / 1000), so it is worth at most that * 1000 - dmin:
 * the LP's fraction of a person is gone once the days are known closely
 * enough. */
static int64_t round_bound(struct bb *bb, int64_t U)
{
	const struct plan_model *md = bb->md;
	int64_t dmin = 0, dmax = 0;
	memset(bb->gin, 0, bb->ngrp * sizeof(*bb->gin));
	memset(bb->gout, 0, bb->ngrp * sizeof(*bb->gout));
	for (size_t o = 0; o < md->nopt; o++) {
		if (!bb->hi[o])
			continue;
		int g = bb->grp[o];
		if (g >= 0) {
			bb->gin[g - (int)bb->col0] += bb->lo[o];
			bb->gout[g - (int)bb->col0]++;
		} else {
			int d = days_of(md, o);
			dmin += bb->lo[o] ? d : 0;
			dmax += d;
		}
	}
	const int *nlo = bb->nlo + (bb->col0 - md->nopt), *nhi = bb->nhi + (bb->col0 - md->nopt);
	for (size_t g = 0; g < bb->ngrp; g++) {
		int lo = nlo[g] > bb->gin[g] ? nlo[g] : bb->gin[g];
		int hi = nhi[g] < bb->gout[g] ? nhi[g] : bb->gout[g];
		if (lo > hi)
			return INT64_MIN; /* the counts cannot be met */
		dmin += (int64_t)bb->gdays[g] * lo;
		dmax += (int64_t)bb->gdays[g] * hi;
	}
	int64_t s = U + dmax, w = (s >= 0 ? s : s - (COR_PLAN_SCALE - 1)) / COR_PLAN_SCALE;
	int64_t b = w * COR_PLAN_SCALE - dmin;
	return b < U ? b : U;
}

static void search(struct bb *bb, size_t depth);
static int root_cuts(struct bb *bb);

/* After the cuts, two neighbourhoods that span every movement (lns.c,
 * plan_lns_placed), each searched with cuts at its own root. First the
 * cases the best plan places, free to take any movement or none, those it
 * leaves out kept out: a better plan may move a dozen cases over as many
 * movements, each into the seats another leaves (on 200/20/18 of the
 * benchmark, 14 cases over 12 movements), which no set of up to five
 * movements holds. Then the same with the cases left out that the root
 * LP, cut, still takes in part. */
static int reshuffle(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	long limit = md->in->cfg.node_limit, nodes = 0;
	int rc = plan_lns_placed(md, bb->known, NULL, limit, bb->deadline, &nodes);
	bb->lns_nodes += nodes;
	if (rc < 0)
		return rc;
	unsigned char *extra = calloc(md->n + 1, 1);
	if (!extra)
		return COR_ENOMEM;
	size_t nextra = 0;
	for (size_t i = 0; i < md->n; i++) {
		if (bb->known->at[i] >= 0 || md->in->cases[i].fixed >= 0)
			continue;
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1] && !extra[i]; o++)
			extra[i] = bb->hi[o] && bb->lp.x[o] > 1e-6;
		nextra += extra[i];
	}
	if (nextra) {
		nodes = 0;
		rc = plan_lns_placed(md, bb->known, extra, limit, bb->deadline, &nodes);
		bb->lns_nodes += nodes;
	}
	free(extra);
	return rc < 0 ? rc : 0;
}

/* The scratch arrays by LP row, after the rows changed. */
static int resize_rows(struct bb *bb)
{
	size_t m = (size_t)bb->lp.m + 1;
	double *y = realloc(bb->y, m * sizeof(*y));
	if (y)
		bb->y = y;
	double *u = realloc(bb->u, m * sizeof(*u));
	if (u)
		bb->u = u;
	bool *dr = realloc(bb->dp_row, m * sizeof(*dr));
	if (dr)
		bb->dp_row = dr;
	return y && u && dr ? 0 : COR_ENOMEM;
}

/* The bounds of a node, saved at slot d of the stacks and put back. The
 * stacks may move while a child searches (they grow on demand), so each
 * use takes their address afresh. */
static void bounds_save(struct bb *bb, size_t d)
{
	size_t nopt = bb->md->nopt, ng = bb->nint;
	memcpy(bb->stack + d * 2 * nopt, bb->lo, nopt);
	memcpy(bb->stack + d * 2 * nopt + nopt, bb->hi, nopt);
	memcpy(bb->nstack + d * 2 * ng, bb->nlo, ng * sizeof(int));
	memcpy(bb->nstack + d * 2 * ng + ng, bb->nhi, ng * sizeof(int));
}

static void bounds_restore(struct bb *bb, size_t d)
{
	size_t nopt = bb->md->nopt, ng = bb->nint;
	memcpy(bb->lo, bb->stack + d * 2 * nopt, nopt);
	memcpy(bb->hi, bb->stack + d * 2 * nopt + nopt, nopt);
	memcpy(bb->nlo, bb->nstack + d * 2 * ng, ng * sizeof(int));
	memcpy(bb->nhi, bb->nstack + d * 2 * ng + ng, ng * sizeof(int));
}

/* Room in the stacks for the bounds saved at depth; false (and the
 * search cut short) when memory runs out. */
static bool frames(struct bb *bb, size_t depth)
{
	if (depth < bb->nframes)
		return true;
	size_t n = bb->nframes * 2 + 8;
	while (n <= depth)
		n *= 2;
	unsigned char *st = realloc(bb->stack, n * 2 * (bb->md->nopt + 1));
	if (st)
		bb->stack = st;
	int *ns = realloc(bb->nstack, n * 2 * (bb->nint + 1) * sizeof(*ns));
	if (ns)
		bb->nstack = ns;
	size_t *ch = realloc(bb->child, n * (bb->most_opts + 1) * sizeof(*ch));
	if (ch)
		bb->child = ch;
	if (!st || !ns || !ch) {
		bb->cut = bb->oom = true;
		return false;
	}
	bb->nframes = n;
	return true;
}

static void search(struct bb *bb, size_t depth)
{
	const struct plan_model *md = bb->md;
	struct plan_lp *lp = &bb->lp;
	if (bb->cut)
		return;
	if (++bb->nodes > md->in->cfg.node_limit ||
	    ((bb->nodes & 15) == 0 && plan_now() > bb->deadline)) {
		bb->cut = true;
		return;
	}
again:
	for (size_t o = 0; o < md->nopt; o++) {
		lp->lb[o] = bb->lo[o];
		lp->ub[o] = bb->hi[o];
	}
	for (size_t k = 0; k < bb->nint; k++) {
		lp->lb[md->nopt + k] = bb->nlo[k];
		lp->ub[md->nopt + k] = bb->nhi[k];
	}
	if (lp->since_reset > 40L * (lp->m + 10) && plan_lp_refactor(lp))
		plan_lp_reset(lp);
	enum plan_lp_status st = plan_lp_solve(lp, 20L * (lp->m + 50));
	/* A claim of no solution prunes only once checked: the tableau's
	 * rounding can make one up. Unchecked, the LP starts afresh, and if
	 * the claim still fails the check the node goes on with the bound
	 * of the duals, which holds whatever they are. */
	if (st == PLAN_LP_INFEASIBLE && !infeasible(bb)) {
		plan_lp_reset(lp);
		st = plan_lp_solve(lp, 20L * (lp->m + 50));
		if (st == PLAN_LP_INFEASIBLE && !infeasible(bb))
			st = PLAN_LP_LIMIT;
	}
	if (st == PLAN_LP_INFEASIBLE)
		return;
	long double L = node_bound(bb);
	if (depth == 0)
		bb->root_bound = safe_floor(L);
	/* Once, at the root after the cuts: the placed cases reshuffled
	 * (below). */
	if (depth == 0 && bb->after_cuts) {
		bb->after_cuts = false;
		int rc = reshuffle(bb);
		if (rc) {
			bb->cut = true;
			bb->err = rc;
			return;
		}
		goto again;
	}
	if (st == PLAN_LP_OPTIMAL)
		try_integral(bb);
	round_node(bb);
	int64_t T = target(bb);
	if (safe_floor(L) < T)
		return;
	int64_t K = safe_floor(knapsack_bound(bb)), U = safe_floor(L);
	if (round_bound(bb, K < U ? K : U) < T)
		return;
	/* Reduced-cost fixing. */
	for (size_t o = 0; o < md->nopt; o++) {
		if (bb->lo[o] || !bb->hi[o])
			continue;
		double d = bb->dcol[o];
		if (d > 0 && safe_floor(L - d) < T)
			bb->lo[o] = 1;
		else if (d < 0 && safe_floor(L + d) < T)
			bb->hi[o] = 0;
	}
	for (size_t g = 0; g < bb->nint; g++) {
		double d = bb->dcol[md->nopt + g];
		if (d > 0)
			while (bb->nlo[g] < bb->nhi[g] &&
			       safe_floor(L - d * (bb->nhi[g] - bb->nlo[g])) < T)
				bb->nlo[g]++;
		else if (d < 0)
			while (bb->nlo[g] < bb->nhi[g] &&
			       safe_floor(L + d * (bb->nhi[g] - bb->nlo[g])) < T)
				bb->nhi[g]--;
	}
	if (!propagate(bb))
		return;
	if (!frames(bb, depth + 1))
		return;
	size_t nopt = md->nopt, ng = bb->nint;
	/* Once, at the root: better plans nearby (lns.c, each neighbourhood
	 * a model of its own), then the root again with the fixing the
	 * better plan allows. */
	if (depth == 0 && !bb->near_done) {
		bb->near_done = true;
		int rc = 0;
		if (!md->inner) {
			long lns_nodes = 0;
			rc = plan_lns(md, bb->known, md->in->cfg.node_limit * LNS_BUDGET,
				      bb->deadline, &lns_nodes);
			bb->lns_nodes += lns_nodes;
			bb->after_cuts = md->nm > LNS_ALL_MOVES;
		}
		/* The cuts at the root: the top search's, and a neighbourhood's
		 * when it asks for them. */
		if (!rc && (!md->inner || md->inner_cuts) && !(rc = root_cuts(bb)))
			rc = resize_rows(bb);
		if (rc) {
			bb->cut = true;
			bb->err = rc;
			return;
		}
		goto again;
	}
	/* First the escort or count column the LP splits most: its two
	 * sides, the nearer first. */
	size_t gb = ng;
	double gmost = 1e-6;
	for (size_t g = 0; g < ng; g++) {
		/* Only a value strictly inside the bounds splits them. */
		double x = lp->x[nopt + g], f = x - floor(x);
		if (x > bb->nlo[g] && x < bb->nhi[g] && fmin(f, 1 - f) > gmost) {
			gmost = fmin(f, 1 - f);
			gb = g;
		}
	}
	/* The case the LP splits most (below). */
	size_t i = md->n;
	double most = -1;
	for (size_t k = 0; k < md->n; k++) {
		if (decided(bb, k) != -1)
			continue;
		double sum = 0, top = 0;
		for (size_t o = md->ofs[k]; o < md->ofs[k + 1]; o++) {
			sum += lp->x[o];
			if (lp->x[o] > top)
				top = lp->x[o];
		}
		double frac = fmin(top, 1 - top) + 1e-9 * (sum > 0);
		if (frac > most + 1e-9) {
			most = frac;
			i = k;
		}
	}
	/* The counts first when the bound is within a person of the target:
	 * then the days the LP saves by splitting are what stands between;
	 * further off, the cases. */
	if (gb < ng && i < md->n && (L - (long double)T < COR_PLAN_SCALE || most < 1e-6)) {
		bounds_save(bb, depth + 1);
		double x = lp->x[nopt + gb];
		int down = (int)floor(x);
		bool down_first = x - down < 0.5;
		for (int side = 0; side < 2 && !bb->cut; side++) {
			bounds_restore(bb, depth + 1);
			if ((side == 0) == down_first)
				bb->nhi[gb] = down;
			else
				bb->nlo[gb] = down + 1;
			search(bb, depth + 1);
		}
		bounds_restore(bb, depth + 1);
		return;
	}
	/* Branch on that case; its children in the order the LP prefers
	 * them, which makes the first dive an LP-guided descent. */
	if (i == md->n) {
		if (build_plan(bb, bb->lo) && bb->work.value >= T)
			plan_state_copy(bb->known, &bb->work);
		return;
	}
	size_t nch = md->ofs[i + 1] - md->ofs[i] + 1;
	size_t *child = bb->child + depth * (bb->most_opts + 1);
	bounds_save(bb, depth + 1);
	/* child k < nch - 1 is option ofs[i] + k; nch - 1 is "left out". */
	double rest = 1;
	for (size_t k = 0; k + 1 < nch; k++)
		rest -= lp->x[md->ofs[i] + k];
	for (size_t k = 0; k < nch; k++)
		child[k] = k;
	for (size_t a = 1; a < nch; a++) {
		size_t c = child[a], b = a;
		double xc = c + 1 == nch ? rest : lp->x[md->ofs[i] + c];
		while (b > 0) {
			size_t p = child[b - 1];
			double xp = p + 1 == nch ? rest : lp->x[md->ofs[i] + p];
			if (xp >= xc - 1e-9)
				break;
			child[b] = p;
			b--;
		}
		child[b] = c;
	}
	for (size_t k = 0; k < nch && !bb->cut; k++) {
		/* The stacks may have moved while the last child searched. */
		const unsigned char *save = bb->stack + (depth + 1) * 2 * nopt;
		child = bb->child + depth * (bb->most_opts + 1);
		bool out = child[k] + 1 == nch;
		size_t o = md->ofs[i] + child[k];
		if (!out && !save[nopt + o])
			continue;
		bounds_restore(bb, depth + 1);
		for (size_t p = md->ofs[i]; p < md->ofs[i + 1]; p++)
			bb->hi[p] = !out && p == o;
		if (!out)
			bb->lo[o] = 1;
		if (propagate(bb))
			search(bb, depth + 1);
	}
	bounds_restore(bb, depth + 1);
}

static void bb_release(struct bb *bb)
{
	plan_lp_release(&bb->lp);
	free(bb->esc_col);
	free(bb->row_model);
	free(bb->lo);
	free(bb->hi);
	free(bb->stack);
	free(bb->nstack);
	free(bb->grp);
	free(bb->nlo);
	free(bb->nhi);
	free(bb->gdays);
	free(bb->gin);
	free(bb->gout);
	for (size_t i = 0; bb->dom && i < bb->md->n; i++)
		free(bb->dom[i]);
	for (size_t i = 0; bb->same && i < bb->md->n; i++)
		free(bb->same[i]);
	free(bb->dom);
	free(bb->same);
	free(bb->ndom);
	free(bb->nsame);
	free(bb->lp_row);
	free(bb->dp);
	free(bb->dp_row);
	free(bb->child);
	free(bb->y);
	free(bb->u);
	free(bb->yrow);
	free(bb->dcol);
	plan_state_release(&bb->work);
	plan_state_release(&bb->heur);
	plan_improve_release(&bb->im);
	free(bb->rank);
	free(bb->cut_beg);
	free(bb->cut_col);
	free(bb->cut_val);
	free(bb->cut_rhs);
	free(bb->lift);
}

/* ---- Cover cuts ----------------------------------------------------------- */

/* Cuts: inequalities every plan keeps and the LP's answer breaks, added
 * as rows at the root, after the neighbourhoods (so that they start from
 * the same plan with or without them), in rounds: separate, rebuild the LP
 * from the basis it had (each new row's slack basic), solve on. The rounds
 * stop when one finds nothing, after two that gain less than a value unit
 * each, or when the LP stops solving (then without that round's cuts);
 * cuts the last LP does not hold tight are dropped. A cut is valid for
 * every plan within the root's bounds, so the Lagrangian bound with these
 * rows priced stays a bound.
 *
 * Covers. A knapsack row of the model (a leg's seats, stretcher or
 * wheelchair places, or a quota) says sum a_o x_o <= b with a_o > 0 (the
 * escorts' seats, left out, only loosen it). A cover C, options whose needs
 * together exceed b, cannot all be taken: sum over C of x <= |C| - 1. The
 * options by (1 - x) / a, smallest first, until they overfill the row; then
 * lifted (below). The LP fills the last seats with fractions of families;
 * this takes that back. */
#define CUT_ROUNDS 20
#define CUT_MIN    0.02 /* a violation worth a row */
#define CUT_GAIN   1.0  /* value units a round must gain, or two such end them */

struct item {
	double key;
	int a;
	size_t o;
};

static int item_cmp(const void *p, const void *q)
{
	const struct item *a = p, *b = q;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->a != b->a)
		return a->a > b->a ? -1 : 1;
	return (a->o > b->o) - (a->o < b->o);
}

static bool cut_room(struct bb *bb, size_t more)
{
	if (bb->cut_nnz + more > bb->cut_room) {
		size_t room = (bb->cut_nnz + more) * 2;
		int *o = realloc(bb->cut_col, room * sizeof(*o));
		if (!o)
			return false;
		bb->cut_col = o;
		int *v = realloc(bb->cut_val, room * sizeof(*v));
		if (!v)
			return false;
		bb->cut_val = v;
		bb->cut_room = room;
	}
	if (bb->ncut + 2 > bb->cut_rows) {
		size_t rows = bb->ncut * 2 + 64;
		size_t *beg = realloc(bb->cut_beg, rows * sizeof(*beg));
		if (!beg)
			return false;
		bb->cut_beg = beg;
		int *rhs = realloc(bb->cut_rhs, rows * sizeof(*rhs));
		if (!rhs)
			return false;
		bb->cut_rhs = rhs;
		bb->cut_rows = rows;
	}
	return true;
}

/* The covers the LP's answer breaks, added to the pool: how many, or an
 * error. */
static int separate_covers(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	const struct plan_lp *lp = &bb->lp;
	size_t nmrows = md->nrows, added = 0;
	size_t *rbeg = calloc((size_t)lp->m + 2, sizeof(*rbeg));
	struct item *it = malloc(((size_t)lp->cbeg[md->nopt] + 1) * sizeof(*it));
	struct item *row = malloc((md->nopt + 1) * sizeof(*row));
	unsigned char *knap = calloc((size_t)lp->m + 1, 1), *in = calloc(md->nopt + 1, 1);
	int rc = COR_ENOMEM;
	if (!rbeg || !it || !row || !knap || !in)
		goto out;
	for (size_t r = 0; r < nmrows; r++)
		if (bb->lp_row[r] >= 0 && (r < md->nlegs * R || r >= md->nlegs * R + md->nm))
			knap[bb->lp_row[r]] = 1;
	/* The options of each knapsack row, by row. */
	for (size_t o = 0; o < md->nopt; o++)
		for (int k = lp->cbeg[o]; k < lp->cbeg[o + 1]; k++)
			if (knap[lp->crow[k]] && bb->hi[o])
				rbeg[lp->crow[k] + 2]++;
	for (int r = 0; r < lp->m; r++)
		rbeg[r + 2] += rbeg[r + 1];
	for (size_t o = 0; o < md->nopt; o++)
		for (int k = lp->cbeg[o]; k < lp->cbeg[o + 1]; k++)
			if (knap[lp->crow[k]] && bb->hi[o])
				it[rbeg[lp->crow[k] + 1]++] = (struct item){0, (int)lp->cval[k], o};
	for (int r = 0; r < lp->m; r++) {
		if (!knap[r])
			continue;
		double b = lp->b[r];
		size_t nr = 0;
		for (size_t e = rbeg[r]; e < rbeg[r + 1]; e++) {
			double x = lp->x[it[e].o];
			if (x > 1e-9) {
				row[nr] = it[e];
				row[nr++].key = (1 - fmin(x, 1)) / it[e].a;
			}
		}
		qsort(row, nr, sizeof(*row), item_cmp);
		long sum = 0;
		size_t nc = 0;
		while (nc < nr && sum <= b)
			sum += row[nc++].a;
		if (sum <= b)
			continue;
		/* Drop what the cover does not need, the least taken first. */
		for (size_t k = nc; k-- > 0;)
			if (sum - row[k].a > b) {
				sum -= row[k].a;
				row[k].a = 0;
			}
		double lhs = 0;
		int amax = 0;
		size_t size = 0;
		for (size_t k = 0; k < nc; k++)
			if (row[k].a > 0) {
				lhs += lp->x[row[k].o];
				amax = row[k].a > amax ? row[k].a : amax;
				in[row[k].o] = 1;
				size++;
			}
		if (lhs > (double)size - 1 + CUT_MIN && b >= 0 && b <= bb->lift_cap) {
			/* Lifted: each other option, those the LP takes most
			 * first, gets the coefficient alpha = |C| - 1 - f(b - a),
			 * f(c) the most the inequality's left side can be within
			 * c of the row (a 0/1 knapsack over C and the options
			 * lifted before it, by dynamic programming). */
			int cap = (int)b, *f = bb->lift;
			for (int v = 0; v <= cap; v++)
				f[v] = 0;
			for (size_t k = 0; k < nc; k++)
				if (row[k].a > 0)
					for (int v = cap; v >= row[k].a; v--)
						if (f[v - row[k].a] + 1 > f[v])
							f[v] = f[v - row[k].a] + 1;
			if (!cut_room(bb, rbeg[r + 1] - rbeg[r]))
				goto out;
			if (bb->ncut == 0)
				bb->cut_beg[0] = 0;
			size_t nl = 0;
			for (size_t e = rbeg[r]; e < rbeg[r + 1]; e++)
				if (!in[it[e].o] && it[e].a <= cap) {
					row[nl] = it[e];
					row[nl++].key = -lp->x[it[e].o];
				}
			qsort(row, nl, sizeof(*row), item_cmp);
			for (size_t k = 0; k < nl; k++) {
				int a = row[k].a, alpha = (int)size - 1 - f[cap - a];
				if (alpha <= 0)
					continue;
				for (int v = cap; v >= a; v--)
					if (f[v - a] + alpha > f[v])
						f[v] = f[v - a] + alpha;
				bb->cut_col[bb->cut_nnz] = (int)row[k].o;
				bb->cut_val[bb->cut_nnz++] = alpha;
			}
			for (size_t e = rbeg[r]; e < rbeg[r + 1]; e++)
				if (in[it[e].o]) {
					bb->cut_col[bb->cut_nnz] = (int)it[e].o;
					bb->cut_val[bb->cut_nnz++] = 1;
				}
			bb->cut_rhs[bb->ncut] = (int)size - 1;
			bb->cut_beg[++bb->ncut] = bb->cut_nnz;
			added++;
		}
		for (size_t e = rbeg[r]; e < rbeg[r + 1]; e++)
			in[it[e].o] = 0;
	}
	rc = (int)added;
out:
	free(rbeg);
	free(it);
	free(row);
	free(knap);
	free(in);
	return rc;
}

/* Gomory mixed-integer cuts, in exact integer arithmetic. Every column of
 * the LP is integer, slacks included (the rows have integer data), so any
 * multipliers u of the rows give an equation sum a_j z_j = beta over
 * integer z >= 0 (each column measured from the bound it sits at), and
 * with f the fractional parts, sum min(f_j / f_0, (1 - f_j) / (1 - f_0))
 * z_j >= 1 holds for every integer point. u is the row of B^-1 of a basic
 * column the LP leaves fractional, taken only if it is exactly k / D with
 * k whole and D <= GMI_DMAX; the cut is then computed in integers, scaled
 * to whole coefficients, so it is valid however the inverse was rounded. */
#define GMI_DMAX 64
#define GMI_ROWS 40   /* rows tried per round */
#define GMI_BIG  1000 /* no coefficient larger */

static int64_t gcd64(int64_t a, int64_t b)
{
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static int64_t mod64(int64_t a, int64_t d)
{
	int64_t r = a % d;
	return r < 0 ? r + d : r;
}

struct gmi {
	int *rbeg, *rcol; /* the LP by rows, structural columns */
	int64_t *rval;
	int64_t *a, *coef; /* per column (n + m) */
	struct item *cand;
};

static int separate_gmi(struct bb *bb)
{
	const struct plan_lp *lp = &bb->lp;
	int m = lp->m, n = lp->n, N = lp->N, nnz = lp->cbeg[n];
	struct gmi g = {0};
	int rc = COR_ENOMEM, added = 0;
	g.rbeg = calloc((size_t)m + 2, sizeof(*g.rbeg));
	g.rcol = malloc(((size_t)nnz + 1) * sizeof(*g.rcol));
	g.rval = malloc(((size_t)nnz + 1) * sizeof(*g.rval));
	g.a = calloc((size_t)N + 1, sizeof(*g.a));
	g.coef = calloc((size_t)N + 1, sizeof(*g.coef));
	g.cand = malloc(((size_t)m + 1) * sizeof(*g.cand));
	if (!g.rbeg || !g.rcol || !g.rval || !g.a || !g.coef || !g.cand)
		goto out;
	for (int k = 0; k < nnz; k++)
		g.rbeg[lp->crow[k] + 2]++;
	for (int r = 0; r < m; r++)
		g.rbeg[r + 2] += g.rbeg[r + 1];
	for (int j = 0; j < n; j++)
		for (int k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
			int at = g.rbeg[lp->crow[k] + 1]++;
			g.rcol[at] = j;
			g.rval[at] = llround(lp->cval[k]);
		}
	/* The rows whose basic column is most fractional. */
	size_t nc = 0;
	for (int r = 0; r < m; r++) {
		double v = lp->x[lp->head[r]], f = v - floor(v);
		if (f > 0.01 && f < 0.99)
			g.cand[nc++] = (struct item){-fmin(f, 1 - f), 0, (size_t)r};
	}
	qsort(g.cand, nc, sizeof(*g.cand), item_cmp);
	for (size_t c = 0; c < nc && c < GMI_ROWS; c++) {
		int r = (int)g.cand[c].o;
		const double *u = plan_lp_binv_row(lp, r);
		int64_t D = 0;
		for (int64_t d = 1; d <= GMI_DMAX && !D; d++) {
			bool whole = true;
			for (int q = 0; q < m && whole; q++)
				whole = fabs(d * u[q] - nearbyint(d * u[q])) < 1e-7;
			if (whole)
				D = d;
		}
		if (!D)
			continue;
		/* a = k A (structural) and k (slacks), beta = k b; then each
		 * column measured from its bound. */
		int64_t beta = 0;
		bool ok = true;
		memset(g.a, 0, (size_t)N * sizeof(*g.a));
		for (int q = 0; q < m; q++) {
			int64_t k = llround(D * u[q]);
			if (!k)
				continue;
			if (llabs(k) > GMI_BIG) {
				ok = false;
				break;
			}
			beta += k * llround(lp->b[q]);
			g.a[n + q] = k;
			for (int e = g.rbeg[q]; e < g.rbeg[q + 1]; e++)
				g.a[g.rcol[e]] += k * g.rval[e];
		}
		if (!ok)
			continue;
		for (int j = 0; j < N; j++) {
			if (!g.a[j])
				continue;
			if (lp->lb[j] == lp->ub[j]) {
				beta -= g.a[j] * llround(lp->lb[j]);
				g.a[j] = 0;
			} else if (lp->pos[j] < 0 && lp->up[j] && lp->ub[j] < HUGE_VAL) {
				beta -= g.a[j] * llround(lp->ub[j]);
				g.a[j] = -g.a[j]; /* measured down from the upper bound */
			} else {
				beta -= g.a[j] * llround(lp->lb[j]);
			}
		}
		int64_t r0 = mod64(beta, D);
		if (r0 == 0)
			continue;
		/* sum g_j z_j >= h, z_j = x_j - lb_j, ub_j - x_j, or a slack
		 * b_q - A_q x; into the columns: sum coef_j x_j >= h. */
		int64_t h = r0 * (D - r0);
		for (int j = 0; j < N; j++) {
			int64_t f = g.a[j] ? mod64(g.a[j], D) : 0;
			g.a[j] =
				f ? (f * (D - r0) < (D - f) * r0 ? f * (D - r0) : (D - f) * r0) : 0;
		}
		/* Back to the columns, each from the bound chosen above. */
		for (int j = 0; j < n; j++) {
			int64_t gj = g.a[j];
			if (!gj)
				continue;
			if (lp->pos[j] < 0 && lp->up[j] && lp->ub[j] < HUGE_VAL &&
			    lp->lb[j] != lp->ub[j]) {
				g.coef[j] -= gj;
				h -= gj * llround(lp->ub[j]);
			} else {
				g.coef[j] += gj;
				h += gj * llround(lp->lb[j]);
			}
		}
		for (int q = 0; q < m; q++) {
			int64_t gj = g.a[n + q];
			if (!gj)
				continue;
			h -= gj * llround(lp->b[q]);
			for (int e = g.rbeg[q]; e < g.rbeg[q + 1]; e++)
				g.coef[g.rcol[e]] -= gj * g.rval[e];
		}
		int64_t div = 0;
		size_t size = 0;
		for (int j = 0; j < n; j++)
			if (g.coef[j]) {
				div = gcd64(div, g.coef[j]);
				size++;
			}
		if (!div)
			continue;
		/* sum (coef / div) x >= ceil(h / div): the left side is whole. */
		int64_t hh = h >= 0 ? (h + div - 1) / div : -((-h) / div);
		long double lhs = 0, norm = 0;
		for (int j = 0; j < n && ok; j++) {
			if (!g.coef[j])
				continue;
			g.coef[j] /= div;
			if (llabs(g.coef[j]) > GMI_BIG)
				ok = false;
			lhs += (long double)g.coef[j] * lp->x[j];
			norm += (long double)g.coef[j] * g.coef[j];
		}
		if (!ok || llabs(hh) > GMI_BIG * 100LL || (hh - lhs) < 1e-3L * sqrtl(norm)) {
			memset(g.coef, 0, (size_t)N * sizeof(*g.coef));
			continue;
		}
		if (!cut_room(bb, size))
			goto out;
		if (bb->ncut == 0)
			bb->cut_beg[0] = 0;
		for (int j = 0; j < n; j++)
			if (g.coef[j]) {
				bb->cut_col[bb->cut_nnz] = j;
				bb->cut_val[bb->cut_nnz++] = (int)-g.coef[j];
				g.coef[j] = 0;
			}
		bb->cut_rhs[bb->ncut] = (int)-hh;
		bb->cut_beg[++bb->ncut] = bb->cut_nnz;
		added++;
	}
	rc = added;
out:
	free(g.rbeg);
	free(g.rcol);
	free(g.rval);
	free(g.a);
	free(g.coef);
	free(g.cand);
	return rc;
}

/* The LP rebuilt with the cuts added since, from the basis it had: the
 * old rows keep their basic columns, each new row its slack, so the dual
 * simplex goes on from where it was. */
static int rebuild_warm(struct bb *bb, const int *head, const unsigned char *up, int m)
{
	int n = bb->lp.n;
	int rc = build_lp(bb);
	if (rc || bb->lp.n != n)
		return rc;
	struct plan_lp *lp = &bb->lp;
	for (int j = 0; j < lp->N; j++)
		lp->pos[j] = -1;
	for (int r = 0; r < lp->m; r++) {
		lp->head[r] = r < m ? head[r] : n + r;
		lp->pos[lp->head[r]] = r;
	}
	for (int j = 0; j < lp->N; j++)
		lp->up[j] = j < n + m ? up[j] : 0;
	if (plan_lp_refactor(lp))
		plan_lp_reset(lp);
	return 0;
}

/* The cuts the LP solved last (its basis head, up, with m rows) does not
 * hold tight are dropped, and the LP rebuilt from that basis less their
 * slacks: rows that cost every pivot and bound nothing. */
static int purge_cuts(struct bb *bb, int *head, unsigned char *up, int m)
{
	int n = bb->lp.n, cut0 = m - (int)bb->ncut, nm = cut0;
	size_t nc = 0, nnz = 0;
	if (bb->ncut == 0)
		return 0;
	int *map = malloc(((size_t)m + 1) * sizeof(*map));
	if (!map)
		return COR_ENOMEM;
	for (int r = 0; r < cut0; r++)
		map[r] = r;
	for (size_t c = 0; c < bb->ncut; c++) {
		int r = cut0 + (int)c, sl = n + r;
		bool slack = bb->lp.pos[sl] >= 0 && bb->lp.x[sl] > 1e-6;
		map[r] = slack ? -1 : nm++;
		if (slack)
			continue;
		size_t b0 = bb->cut_beg[c], b1 = bb->cut_beg[c + 1];
		bb->cut_beg[nc] = nnz;
		for (size_t q = b0; q < b1; q++) {
			bb->cut_col[nnz] = bb->cut_col[q];
			bb->cut_val[nnz++] = bb->cut_val[q];
		}
		bb->cut_rhs[nc++] = bb->cut_rhs[c];
	}
	bb->cut_beg[nc] = nnz;
	if (nc == bb->ncut) {
		free(map);
		return 0;
	}
	bb->ncut = nc;
	bb->cut_nnz = nnz;
	/* The basis without the dropped rows and their (basic) slacks. */
	int k = 0;
	unsigned char *nup = malloc((size_t)(n + nm) + 1);
	if (!nup) {
		free(map);
		return COR_ENOMEM;
	}
	for (int j = 0; j < n; j++)
		nup[j] = up[j];
	for (int r = 0; r < m; r++)
		if (map[r] >= 0)
			nup[n + map[r]] = up[n + r];
	for (int r = 0; r < m; r++) {
		int j = head[r];
		if (j >= n && map[j - n] < 0)
			continue; /* a dropped row's slack */
		head[k++] = j < n ? j : n + map[j - n];
	}
	free(map);
	int rc = k == nm ? rebuild_warm(bb, head, nup, nm) : build_lp(bb);
	free(nup);
	return rc;
}

/* Rounds of cuts at the root: separate, rebuild the LP with them, solve. */
static int root_cuts(struct bb *bb)
{
	const struct plan_model *md = bb->md;
	int most = 0;
	for (size_t l = 0; l < md->nlegs * R; l++)
		most = md->cap[l] > most ? md->cap[l] : most;
	for (size_t q = 0; q < md->in->nquotas; q++)
		most = md->in->quotas[q].seats > most ? md->in->quotas[q].seats : most;
	bb->lift = malloc(((size_t)most + 1) * sizeof(*bb->lift));
	if (!bb->lift)
		return COR_ENOMEM;
	bb->lift_cap = most;
	/* From here on the LP chooses its leaving row by dual steepest edge:
	 * a fifth to two thirds of the pivots per node (378 to 71 on the
	 * benchmark's 15/4), each somewhat dearer, and other cuts from other
	 * bases (30/2's root bound: 982 units above the optimum to 0). Not
	 * before: the neighbourhoods' searches above, each with its own LP,
	 * keep the plain rule, with which they reach the optimum on more of
	 * the benchmark's instances (bench/RESULTS.md). */
	bb->steepest = true;
	plan_lp_steepest(&bb->lp);
	/* The basis of the last LP solved, to go on from. */
	int m = 0, *head = NULL;
	unsigned char *up = NULL;
	size_t good = 0, good_nnz = 0;
	int rc = 0, stale = 0;
	double last = 0;
	for (int round = 0; round < CUT_ROUNDS; round++) {
		enum plan_lp_status st = plan_lp_solve(&bb->lp, 50L * (bb->lp.m + 50));
		if (st != PLAN_LP_OPTIMAL) {
			/* The last round's cuts made the LP too hard: without. */
			if (bb->ncut != good) {
				bb->ncut = good;
				bb->cut_nnz = good_nnz;
				rc = rebuild_warm(bb, head, up, m);
			}
			break;
		}
		good = bb->ncut;
		good_nnz = bb->cut_nnz;
		m = bb->lp.m;
		int *h = realloc(head, ((size_t)m + 1) * sizeof(*head));
		unsigned char *u = h ? realloc(up, (size_t)bb->lp.N + 1) : NULL;
		if (h)
			head = h;
		if (u)
			up = u;
		if (!h || !u) {
			rc = COR_ENOMEM;
			break;
		}
		memcpy(head, bb->lp.head, (size_t)m * sizeof(*head));
		memcpy(up, bb->lp.up, (size_t)bb->lp.N);
		int added = separate_covers(bb);
		if (added >= 0) {
			int more = separate_gmi(bb);
			added = more < 0 ? more : added + more;
		}
		/* Tailing off: rounds that gain less than a unit stop it. */
		double z = 0;
		for (size_t o = 0; o < bb->md->nopt; o++)
			z += bb->lp.c[o] * bb->lp.x[o];
		z /= LP_SCALE;
		if (round > 0 && last - z < CUT_GAIN)
			stale++;
		else
			stale = 0;
		last = z;
		if (added <= 0 || stale >= 2) {
			if (added > 0) { /* not worth their rows */
				bb->ncut = good;
				bb->cut_nnz = good_nnz;
			}
			rc = added < 0 ? added : purge_cuts(bb, head, up, m);
			break;
		}
		if ((rc = rebuild_warm(bb, head, up, m)))
			break;
	}
	free(head);
	free(up);
	return rc;
}

int plan_exact(const struct plan_model *md, struct plan_state *best, struct plan_exact *out,
	       double deadline)
{
	const struct cor_plan_input *in = md->in;
	struct bb bb = {0};
	int rc = COR_ENOMEM;
	bb.md = md;
	bb.known = best;
	bb.deadline = deadline;
	memset(out, 0, sizeof(*out));
	bb.lo = calloc(md->nopt + 1, 1);
	bb.hi = calloc(md->nopt + 1, 1);
	bb.yrow = calloc(md->nrows + 1, sizeof(*bb.yrow));
	if (!bb.lo || !bb.hi || !bb.yrow)
		goto out;
	if ((rc = plan_state_init(&bb.work, md)) || (rc = plan_state_init(&bb.heur, md)) ||
	    (rc = plan_improve_init(&bb.im, md)))
		goto out;
	bb.rank = malloc((md->nopt + 1) * sizeof(*bb.rank));
	if (!bb.rank) {
		rc = COR_ENOMEM;
		goto out;
	}
	rc = COR_ENOMEM;
	/* Root bounds: kept bookings on; options that cannot fit even next
	 * to the kept bookings alone off (best may hold a plan already: a
	 * neighbourhood's starts from the larger plan's). */
	plan_state_clear(&bb.work);
	for (size_t i = 0; i < md->n; i++)
		if (in->cases[i].fixed >= 0)
			plan_place(&bb.work, i, md->ofs[i]);
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			bool fixed = in->cases[i].fixed >= 0;
			bb.lo[o] = fixed;
			bb.hi[o] = fixed || plan_fits(&bb.work, i, o);
		}
	if ((rc = build_dominance(&bb)))
		goto out;
	/* The root cannot contradict itself: kept bookings follow no rule. */
	(void)propagate(&bb);
	rc = build_lp(&bb);
	if (rc)
		goto out;
	bb.nint = bb.ncol - md->nopt;
	bb.nlo = calloc(bb.nint + 1, sizeof(*bb.nlo));
	bb.nhi = calloc(bb.nint + 1, sizeof(*bb.nhi));
	if (!bb.nlo || !bb.nhi) {
		rc = COR_ENOMEM;
		goto out;
	}
	bb.gdays = calloc(bb.ngrp + 1, sizeof(*bb.gdays));
	bb.gin = calloc(bb.ngrp + 1, sizeof(*bb.gin));
	bb.gout = calloc(bb.ngrp + 1, sizeof(*bb.gout));
	if (!bb.gdays || !bb.gin || !bb.gout) {
		rc = COR_ENOMEM;
		goto out;
	}
	for (size_t k = 0; k < bb.nint; k++) {
		bb.nlo[k] = (int)bb.lp.lb[md->nopt + k];
		bb.nhi[k] = (int)bb.lp.ub[md->nopt + k];
	}
	for (size_t o = 0; o < md->nopt; o++)
		if (bb.grp[o] >= 0)
			bb.gdays[bb.grp[o] - (int)bb.col0] = days_of(md, o);
	rc = COR_ENOMEM;
	bb.y = calloc((size_t)bb.lp.m + 1, sizeof(*bb.y));
	bb.u = calloc((size_t)bb.lp.m + 1, sizeof(*bb.u));
	bb.dcol = calloc(bb.ncol + 1, sizeof(*bb.dcol));
	bb.dp_row = calloc((size_t)bb.lp.m + 1, sizeof(*bb.dp_row));
	if (!bb.y || !bb.u || !bb.dcol || !bb.dp_row)
		goto out;
	int most = 0;
	for (size_t l = 0; l < md->nlegs; l++)
		if (md->cap[l * R] > most)
			most = md->cap[l * R];
	bb.dp = malloc(((size_t)most + 1) * sizeof(*bb.dp));
	bb.dp_cap = most;

	for (size_t i = 0; i < md->n; i++)
		if (md->ofs[i + 1] - md->ofs[i] > bb.most_opts)
			bb.most_opts = md->ofs[i + 1] - md->ofs[i];
	if (!bb.dp || !frames(&bb, 1))
		goto out;
	/* A first plan: greedy by value, then greedy at the root LP's prices. */
	if ((rc = plan_greedy(md, NULL, &bb.work, best)))
		goto out;
	for (size_t o = 0; o < md->nopt; o++) {
		bb.lp.lb[o] = bb.lo[o];
		bb.lp.ub[o] = bb.hi[o];
	}
	if (plan_lp_solve(&bb.lp, 50L * (bb.lp.m + 50)) != PLAN_LP_INFEASIBLE) {
		plan_lp_duals(&bb.lp, bb.y);
		for (int r = 0; r < bb.lp.m; r++)
			if (bb.row_model[r] >= 0)
				bb.yrow[bb.row_model[r]] = bb.y[r] / LP_SCALE;
		if ((rc = plan_greedy(md, bb.yrow, &bb.work, best)))
			goto out;
	}
	bb.root_bound = INT64_MAX;
	search(&bb, 0);
	out->nodes = bb.nodes + bb.lns_nodes;
	out->root_bound = bb.root_bound;
	if (bb.err) {
		rc = bb.err;
		goto out;
	}
	if (bb.oom) {
		rc = COR_ENOMEM;
		goto out;
	}
	out->optimal = !bb.cut;
	out->bound = out->optimal ? best->value : bb.root_bound;
	if (out->bound < best->value)
		out->bound = best->value;
	rc = 0;
out:
	bb_release(&bb);
	return rc;
}

// SPDX-License-Identifier: Apache-2.0
// The planner's inside: the model built once from a cor_plan_input (every
// way each case can travel, with its value) and the state of a plan being
// built (what each leg, escort group and quota has left). Shared by the
// files of src/plan; nothing here is part of the planner's interface.
//
// Rows of the model, in this order, for the bounds:
//   leg l, resource r:   row l * COR_RES__N + r       (capacity of the leg)
//   movement m:          row nlegs * COR_RES__N + m   (escort ratio)
//   quota q:             row nlegs * COR_RES__N + nm + q
#ifndef COR_PLAN_INT_H
#define COR_PLAN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan/plan.h"

#define PLAN_DAY      86400
#define PLAN_MAX_DAYS 999 /* days(i, m) stays below one weighted person */
#define PLAN_MAX_LEGS 64

/* One way case i can travel: on movement m, legs k1..k2 of it. */
struct plan_opt {
	int64_t value;
	int32_t m;
	int32_t quota; /* the quota row for (m, i's office), or -1 */
	uint16_t k1, k2;
};

struct plan_model {
	const struct cor_plan_input *in;
	size_t n, nm, nlegs, nq;
	size_t *leg0;         /* nm + 1: global id of movement m's first leg */
	size_t *ofs;          /* n + 1: case i's options are opt[ofs[i]..ofs[i+1]) */
	struct plan_opt *opt; /* in increasing movement order per case */
	size_t nopt;
	int *cap;            /* nlegs * COR_RES__N */
	size_t nrows;        /* nlegs * COR_RES__N + nm + nq */
	int64_t fixed_value; /* value of the kept bookings */
	bool inner;          /* a neighbourhood of a larger model (lns.c): no
				neighbourhoods of its own */
	bool inner_cuts;     /* a neighbourhood whose root is cut all the same */
};

/* Usage of every constraint by a plan under construction. */
struct plan_state {
	const struct plan_model *md;
	int *at;      /* per case: option index (global) or -1 */
	int *used;    /* per leg and resource: travellers' needs (no escorts) */
	int *medical; /* per movement: medical travellers */
	int *escorts; /* per movement: escorts, ceil(medical / ratio) */
	int *qused;   /* per quota: persons */
	int64_t value;
};

/* plan.c */
int plan_model_build(struct plan_model *md, const struct cor_plan_input *in, char *msg,
		     size_t msglen);
void plan_model_release(struct plan_model *md);
/* The option of case i on movement m, or -1 when m cannot take it. */
int plan_option_on(const struct plan_model *md, size_t i, size_t m);
/* The journey of a case with these countries on m: legs *k1..*k2. */
bool plan_journey(const struct cor_plan_movement *mv, const char *origin, const char *destination,
		  int *k1, int *k2);
int64_t plan_option_value(const struct cor_plan_input *in, const struct cor_plan_case *c,
			  const struct cor_plan_movement *mv, int k1);
void plan_fmt_date(int64_t t, char *buf); /* "YYYY-MM-DD", 11 bytes */

/* state.c */
int plan_state_init(struct plan_state *st, const struct plan_model *md);
void plan_state_release(struct plan_state *st);
void plan_state_clear(struct plan_state *st);
void plan_state_copy(struct plan_state *dst, const struct plan_state *src);
/* Does option o of case i fit the state as it stands? */
bool plan_fits(const struct plan_state *st, size_t i, size_t o);
void plan_place(struct plan_state *st, size_t i, size_t o);
void plan_remove(struct plan_state *st, size_t i);
/* The planner's escorts m needs for this many medical travellers: one per
 * escort_ratio, less the medical escorts already named on it. */
int plan_escorts_needed(const struct cor_plan_input *in, size_t m, int medical);
/* The right-hand side of a model row (capacity, escort cover, quota). */
double plan_row_rhs(const struct plan_model *md, size_t row);

/* bound.c: the Lagrangian bound (smoothed dual) and heuristic plans for any size. */
struct plan_bound {
	int64_t bound;  /* the best Lagrangian upper bound found */
	int iterations; /* evaluations of the dual */
};
int plan_lagrange(const struct plan_model *md, struct plan_state *best, struct plan_bound *out,
		  double deadline);
/* A greedy plan at row prices price (NULL: none): cases in order of their
 * best reduced value (an integer key, ties by input order), each to the
 * fitting option of largest reduced value; *best is replaced when the plan
 * is worth more. work is scratch. */
int plan_greedy(const struct plan_model *md, const double *price, struct plan_state *work,
		struct plan_state *best);
double plan_now(void);

/* exact.c: branch and bound over an LP relaxation, for small plans. */
struct plan_exact {
	bool optimal;
	int64_t bound;
	int64_t root_bound; /* the bound at the root, before any branching */
	long nodes;
};
int plan_exact(const struct plan_model *md, struct plan_state *best, struct plan_exact *out,
	       double deadline);

/* lns.c: better plans near *best, one or two movements' cases at a time,
 * each searched exactly within a node limit, in passes while one gains;
 * at most budget nodes in all, counted in *nodes. */
int plan_lns(const struct plan_model *md, struct plan_state *best, long budget, double deadline,
	     long *nodes);

/* One neighbourhood of every movement: the cases best places free, and those
 * extra names (per case, or NULL), the others left out; cuts at its root. */
int plan_lns_placed(const struct plan_model *md, struct plan_state *best,
		    const unsigned char *extra, long node_limit, double deadline, long *nodes);

/* improve.c: local search for the exact planner's plans. */
struct plan_improve {
	const struct plan_model *md;
	size_t *mbeg, *mopt; /* options of movement m: mopt[mbeg[m]..mbeg[m + 1]) */
	size_t *owner;       /* per option: its case */
};
int plan_improve_init(struct plan_improve *im, const struct plan_model *md);
void plan_improve_release(struct plan_improve *im);
/* Moves that each raise st's value (one case to another option or in,
 * ejecting at most one other), at most max_sweeps sweeps; the new value. */
int64_t plan_improve_run(struct plan_improve *im, struct plan_state *st, int max_sweeps);

/* reason.c */
void plan_reasons(const struct plan_model *md, const struct plan_state *st,
		  struct cor_plan_result *res);

#endif

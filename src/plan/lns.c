// SPDX-License-Identifier: Apache-2.0
// Large neighbourhood search for the exact planner: better plans near the
// best one. A neighbourhood is a set of one to five movements (four in a
// part of more than 12, but for a few sets of five, below), each sharing a
// case with one before it. Free in it: the cases that could take one of
// them and are on one of them or left out; for a single movement, also (up
// to 60 free cases in all) those on other movements, each of which may
// stay where it is or move in. Every other case keeps its place in the
// best plan.
//
// Each neighbourhood is a model of its own, searched exactly by plan_exact
// within a node limit: the set's movements with the capacity and quotas
// the fixed cases leave, and for a case that may stay elsewhere, a copy of
// its movement with just the capacity it uses there and no escort seats
// (a case that needs an escort, or on a movement with quotas, never moves
// from elsewhere). Its LP is a fraction of the whole one, so a node costs a
// fraction too; that is what makes tens of thousands of them affordable.
// The plan found is mapped back and checked case by case (plan_fits); should
// a placement not fit, which is not expected, the best plan stays as it was.
//
// A fixed case that needs a medical escort on a movement of the set stays
// in the neighbourhood as a kept booking, so that the escorts of that
// movement are counted whole; the others are taken out of the capacity.
//
// Passes go over all sets of one size in index order; after a pass that
// gains, back to single movements, else one size up, within a node budget.
//
// In a part of more than 12 movements the sets of five are too many to
// take all (3,003 of 15), yet some plans need one: on the benchmark's 15/7
// no set of up to four improves the plan, and one of five takes it 2 units
// up to HiGHS's best. So after a pass over the fours that gains nothing,
// of the fours whose LP at the root promised at least half a weighted
// person more than their plan (most promise a few units), the LNS_HOPE_MAX
// that promised most each lend the sets of five that hold them and one
// movement more; the LNS_HOPE_MAX sets whose fours promised most are
// searched, most first, until one gains. On 15/7 the promising fours are
// the 78 that hold movements 4 and 7 (657-664 units), and the tenth set
// searched, one of the 11 around the four of 664, gains.
//
// After the exact search's cuts, plan_lns_placed takes every movement at
// once: free are the cases the best plan places (and a few left out that
// the caller names), the others stay out, and the neighbourhood's root is
// cut like the whole model's, which its search needs to find the rare
// better plan there (exact.c, reshuffle).
//
// Every choice follows the input order and the limits are counts, so the
// search is the same on every run.
#include <stdlib.h>
#include <string.h>

#include "plan/plan_int.h"
#include "util/error.h"

#define R            COR_RES__N
#define LNS_NODES    60 /* nodes per neighbourhood, per movement in it */
#define LNS_MAX_SET  5  /* movements per neighbourhood, at most, in a part of */
#define LNS_SMALL_NM 12 /* at most this many movements; one less in a larger one */
#define LNS_JOIN_SET 1  /* sets of up to this size take in cases from other movements */
#define LNS_FREE_MAX 60 /* while fewer cases than this are free */
#define LNS_PROMISE  (COR_PLAN_SCALE / 2) /* a root bound this far above the plan */
#define LNS_HOPE_MAX 32 /* sets of five searched after a pass over the fours, at most */

struct lns {
	const struct plan_model *md;
	struct plan_state *best;
	unsigned char *fr; /* per case: free in this neighbourhood */
	size_t *gi;        /* per case of the neighbourhood: its case in md */
	int *loc;          /* per movement of md: its index in the neighbourhood, or -1 */
	size_t *gm;        /* per movement of the neighbourhood: its movement in md */
	size_t *moff;      /* per movement of the neighbourhood: its first leg in legs */
	struct cor_plan_case *cases;
	struct cor_plan_movement *moves;
	struct cor_plan_leg *legs;
	struct cor_plan_quota *quotas;
	struct plan_improve idx;  /* the options of each movement, their cases */
	unsigned char *has_quota; /* per movement: some quota is on it */
	int *copy;                /* per case: its movement's copy in the neighbourhood */
	int *was;                 /* per case of the neighbourhood: its option before */
	long nodes;
	int64_t promise; /* the last neighbourhood's root bound over its plan's value */
	bool hoping;     /* sets of five follow the fours (below) */
	size_t hope[LNS_HOPE_MAX][LNS_MAX_SET - 1]; /* fours that promised, nhope of them */
	int64_t hope_by[LNS_HOPE_MAX];              /* what each promised */
	size_t nhope;
	bool placed_only;           /* free: the placed cases and extra's (plan_lns_placed) */
	const unsigned char *extra; /* per case: free though left out, or NULL */
};

/* Search the neighbourhood of the nset movements set[] (distinct; with
 * placed_only, every movement, and the free cases those of the top); 1 when it
 * found a better plan (now in best), 0 when not, or an error. */
static int neighbourhood(struct lns *ln, const size_t *set, int nset, long node_limit,
			 double deadline)
{
	const struct plan_model *md = ln->md;
	const struct cor_plan_input *in = md->in;
	struct plan_state *best = ln->best;
	size_t n = 0, nm = 0, nl = 0, nq = 0;
	/* Free: the cases that could take a movement of the set, unless kept,
	 * that are on it or left out; then, for a small set, those on other
	 * movements (see the top of the file). */
	memset(ln->fr, 0, md->n);
	for (size_t m = 0; m < md->nm; m++)
		ln->loc[m] = -1;
	for (int s = 0; s < nset; s++)
		ln->loc[set[s]] = 0;
	size_t nfree = 0;
	for (size_t i = 0; ln->placed_only && i < md->n; i++)
		if (in->cases[i].fixed < 0 && (best->at[i] >= 0 || (ln->extra && ln->extra[i]))) {
			ln->fr[i] = 1;
			nfree++;
		}
	for (int s = 0; s < nset && !ln->placed_only; s++) {
		size_t m = set[s];
		for (size_t e = ln->idx.mbeg[m]; e < ln->idx.mbeg[m + 1]; e++) {
			size_t i = ln->idx.owner[ln->idx.mopt[e]];
			int at = best->at[i];
			if (in->cases[i].fixed < 0 && !ln->fr[i] &&
			    (at < 0 || ln->loc[md->opt[at].m] == 0)) {
				ln->fr[i] = 1;
				nfree++;
			}
		}
	}
	for (int s = 0; s < nset; s++) {
		size_t m = set[s];
		for (size_t e = ln->idx.mbeg[m];
		     e < ln->idx.mbeg[m + 1] && nset <= LNS_JOIN_SET && nfree < LNS_FREE_MAX; e++) {
			size_t i = ln->idx.owner[ln->idx.mopt[e]];
			int at = best->at[i];
			if (in->cases[i].fixed < 0 && !ln->fr[i] && !in->cases[i].medical &&
			    !ln->has_quota[md->opt[at].m]) {
				ln->fr[i] = 2;
				nfree++;
			}
		}
	}
	if (nfree == 0)
		return 0;
	for (size_t m = 0; m < md->nm; m++) {
		if (ln->loc[m] < 0)
			continue;
		ln->loc[m] = (int)nm;
		ln->gm[nm] = m;
		ln->moff[nm] = nl;
		ln->moves[nm] = in->movements[m];
		ln->moves[nm].legs = ln->legs + nl;
		for (int l = 0; l < in->movements[m].nlegs; l++)
			ln->legs[nl++] = in->movements[m].legs[l];
		nm++;
	}
	for (size_t i = 0; i < md->n; i++) {
		if (ln->fr[i] != 2)
			continue;
		const struct plan_opt *op = &md->opt[best->at[i]];
		const struct cor_plan_movement *mv = &in->movements[op->m];
		ln->copy[i] = (int)nm;
		ln->gm[nm] = (size_t)op->m;
		ln->moves[nm] = *mv;
		ln->moves[nm].escort_seats = 0;
		ln->moves[nm].escorts_named = 0;
		ln->moves[nm].legs = ln->legs + nl;
		for (int l = 0; l < mv->nlegs; l++) {
			ln->legs[nl] = mv->legs[l];
			for (int r = 0; r < R; r++)
				ln->legs[nl].cap[r] =
					l >= op->k1 && l <= op->k2 ? in->cases[i].need[r] : 0;
			nl++;
		}
		nm++;
	}
	for (size_t q = 0; q < in->nquotas; q++)
		if (ln->loc[in->quotas[q].movement] >= 0) {
			ln->quotas[nq] = in->quotas[q];
			ln->quotas[nq++].movement = ln->loc[in->quotas[q].movement];
		}
	/* The cases: the free ones, and the fixed ones there that carry
	 * medical travellers, as kept bookings; the other fixed ones only
	 * take their share of the capacity and quotas. */
	for (size_t i = 0; i < md->n; i++) {
		int o = best->at[i];
		if (ln->fr[i]) {
			ln->gi[n] = i;
			ln->cases[n] = in->cases[i];
			ln->cases[n++].fixed = -1;
			continue;
		}
		if (o < 0)
			continue;
		const struct plan_opt *op = &md->opt[o];
		int lm = ln->loc[op->m];
		if (lm < 0)
			continue;
		const struct cor_plan_case *c = &in->cases[i];
		if (c->medical) {
			ln->gi[n] = i;
			ln->cases[n] = *c;
			ln->cases[n++].fixed = lm;
			continue;
		}
		struct cor_plan_leg *lg = ln->legs + ln->moff[lm];
		for (int k = op->k1; k <= op->k2; k++)
			for (int r = 0; r < R; r++)
				lg[k].cap[r] -= c->need[r];
		for (size_t q = 0; q < nq; q++)
			if (ln->quotas[q].movement == lm &&
			    !strcmp(ln->quotas[q].office, c->office))
				ln->quotas[q].seats -= c->need[COR_RES_SEATS];
	}
	struct cor_plan_input sub = {ln->cases, n, ln->moves, nm, ln->quotas, nq, in->cfg};
	sub.cfg.node_limit = node_limit;
	struct plan_model sm = {0};
	struct plan_state sb = {0};
	char msg[256];
	int rc = plan_model_build(&sm, &sub, msg, sizeof(msg));
	if (rc)
		return rc == COR_EINVAL ? 0 : rc; /* not expected: its data is the plan's */
	sm.inner = true;
	sm.inner_cuts = ln->placed_only;
	if ((rc = plan_state_init(&sb, &sm)))
		goto out;
	/* The best plan, restricted to the neighbourhood: it fits, since the
	 * capacity left is what the rest of it leaves. */
	int64_t start = 0;
	for (size_t k = 0; k < n; k++) {
		int o = best->at[ln->gi[k]];
		if (o < 0)
			continue;
		size_t i = ln->gi[k];
		int lm = ln->fr[i] == 2 ? ln->copy[i] : ln->loc[md->opt[o].m];
		int so = plan_option_on(&sm, k, (size_t)lm);
		if (so < 0 || !plan_fits(&sb, k, (size_t)so))
			goto out; /* not expected: the best plan is a plan */
		plan_place(&sb, k, (size_t)so);
	}
	start = sb.value;
	struct plan_exact ex;
	if ((rc = plan_exact(&sm, &sb, &ex, deadline)))
		goto out;
	ln->nodes += ex.nodes;
	ln->promise = ex.root_bound == INT64_MAX ? 0 : ex.root_bound - start;
	if (sb.value <= start)
		goto out;
	/* Into the best plan, each placement checked there; should one not
	 * fit (not expected), the best plan is put back as it was. */
	for (size_t k = 0; k < n; k++) {
		size_t i = ln->gi[k];
		ln->was[k] = best->at[i];
		if (ln->fr[i])
			plan_remove(best, i);
	}
	rc = 1;
	for (size_t k = 0; k < n && rc == 1; k++) {
		size_t i = ln->gi[k];
		if (!ln->fr[i] || sb.at[k] < 0)
			continue;
		int g = plan_option_on(md, i, ln->gm[sm.opt[sb.at[k]].m]);
		if (g < 0 || !plan_fits(best, i, (size_t)g))
			rc = 0;
		else
			plan_place(best, i, (size_t)g);
	}
	if (rc == 0) {
		for (size_t k = 0; k < n; k++)
			if (ln->fr[ln->gi[k]])
				plan_remove(best, ln->gi[k]);
		for (size_t k = 0; k < n; k++)
			if (ln->fr[ln->gi[k]] && ln->was[k] >= 0)
				plan_place(best, ln->gi[k], (size_t)ln->was[k]);
	}
out:
	plan_state_release(&sb);
	plan_model_release(&sm);
	return rc;
}

/* Note set[0..size) as a set whose neighbourhood's LP promised more than
 * its search found: the LNS_HOPE_MAX that promised most are kept (on a
 * tie, those searched first), enough for the LNS_HOPE_MAX sets of five
 * below, each of which takes the most one of its fours promised. */
static void keep_hope(struct lns *ln, const size_t *set, int size)
{
	size_t at = ln->nhope;
	if (at == LNS_HOPE_MAX) {
		at = 0;
		for (size_t h = 1; h < LNS_HOPE_MAX; h++)
			if (ln->hope_by[h] <= ln->hope_by[at])
				at = h;
		if (ln->promise <= ln->hope_by[at])
			return;
	} else {
		ln->nhope++;
	}
	memcpy(ln->hope[at], set, (size_t)size * sizeof(*set));
	ln->hope_by[at] = ln->promise;
}

/* A set of five movements to search, and the most any four of it promised. */
struct hope {
	size_t m[LNS_MAX_SET];
	int64_t by;
};

static int hope_by_set(const void *a, const void *b)
{
	const struct hope *x = a, *y = b;
	for (int k = 0; k < LNS_MAX_SET; k++)
		if (x->m[k] != y->m[k])
			return x->m[k] < y->m[k] ? -1 : 1;
	return 0;
}

static int hope_by_promise(const void *a, const void *b)
{
	const struct hope *x = a, *y = b;
	if (x->by != y->by)
		return x->by > y->by ? -1 : 1;
	return hope_by_set(a, b);
}

/* The sets of LNS_MAX_SET movements that hold a set of hope[] and one
 * movement more sharing a case with it: the LNS_HOPE_MAX of them whose
 * four promised most, the most first (then in increasing order), each
 * searched in turn until one gains. */
static int hopeful(struct lns *ln, const unsigned char *adj, long budget, double deadline,
		   bool *gained)
{
	const int small = LNS_MAX_SET - 1;
	size_t nm = ln->md->nm, n = 0;
	struct hope *all = malloc((ln->nhope * nm + 1) * sizeof(*all));
	if (!all)
		return COR_ENOMEM;
	for (size_t h = 0; h < ln->nhope; h++) {
		const size_t *t = ln->hope[h];
		for (size_t m = 0; m < nm; m++) {
			bool in = false, near = false;
			for (int j = 0; j < small; j++) {
				in |= t[j] == m;
				near |= adj[t[j] * nm + m] != 0;
			}
			if (in || !near)
				continue;
			struct hope *s = &all[n++];
			int j = 0, k = 0;
			while (j < small && t[j] < m)
				s->m[k++] = t[j++];
			s->m[k++] = m;
			while (j < small)
				s->m[k++] = t[j++];
			s->by = ln->hope_by[h];
		}
	}
	/* Each set once, with the most any of its fours promised. */
	qsort(all, n, sizeof(*all), hope_by_set);
	size_t u = 0;
	for (size_t i = 0; i < n; i++) {
		if (u > 0 && !hope_by_set(&all[i], &all[u - 1])) {
			if (all[i].by > all[u - 1].by)
				all[u - 1].by = all[i].by;
			continue;
		}
		all[u++] = all[i];
	}
	qsort(all, u, sizeof(*all), hope_by_promise);
	int rc = 0;
	for (size_t i = 0;
	     i < u && i < LNS_HOPE_MAX && !*gained && ln->nodes < budget && plan_now() < deadline;
	     i++) {
		long left = budget - ln->nodes, lim = LNS_NODES * LNS_MAX_SET;
		rc = neighbourhood(ln, all[i].m, LNS_MAX_SET, lim < left ? lim : left, deadline);
		if (rc < 0)
			break;
		*gained = rc == 1;
		rc = 0;
	}
	free(all);
	return rc;
}

/* Every set of size movements in increasing order, each sharing a case
 * with one before it, that extends set[0..k), searched in turn. */
static int sets(struct lns *ln, const unsigned char *adj, size_t *set, int k, int size, long budget,
		double deadline, bool *gained)
{
	size_t nm = ln->md->nm;
	if (k == size) {
		long left = budget - ln->nodes, lim = LNS_NODES * size;
		ln->promise = 0;
		int rc = neighbourhood(ln, set, size, lim < left ? lim : left, deadline);
		if (rc == 1)
			*gained = true;
		if (rc == 0 && ln->hoping && size == LNS_MAX_SET - 1 && ln->promise >= LNS_PROMISE)
			keep_hope(ln, set, size);
		return rc < 0 ? rc : 0;
	}
	for (size_t m = k ? set[k - 1] + 1 : 0; m < nm && ln->nodes < budget; m++) {
		if (plan_now() > deadline)
			return 0;
		bool near = k == 0;
		for (int j = 0; j < k && !near; j++)
			near = adj[set[j] * nm + m];
		if (!near)
			continue;
		set[k] = m;
		int rc = sets(ln, adj, set, k + 1, size, budget, deadline, gained);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static void lns_release(struct lns *ln)
{
	free(ln->fr);
	free(ln->gi);
	free(ln->loc);
	free(ln->gm);
	free(ln->moff);
	free(ln->cases);
	free(ln->moves);
	free(ln->legs);
	free(ln->quotas);
	plan_improve_release(&ln->idx);
	free(ln->has_quota);
	free(ln->copy);
	free(ln->was);
}

static int lns_init(struct lns *ln, const struct plan_model *md, struct plan_state *best)
{
	size_t nm = md->nm;
	*ln = (struct lns){.md = md, .best = best};
	ln->fr = calloc(md->n + 1, 1);
	ln->gi = malloc((md->n + 1) * sizeof(*ln->gi));
	ln->loc = malloc((nm + 1) * sizeof(*ln->loc));
	ln->cases = malloc((md->n + 1) * sizeof(*ln->cases));
	ln->moves = malloc((nm + md->n + 1) * sizeof(*ln->moves));
	ln->gm = malloc((nm + md->n + 1) * sizeof(*ln->gm));
	ln->moff = malloc((nm + md->n + 1) * sizeof(*ln->moff));
	ln->legs = malloc((md->nlegs + md->n * PLAN_MAX_LEGS + 1) * sizeof(*ln->legs));
	ln->has_quota = calloc(nm + 1, 1);
	ln->copy = malloc((md->n + 1) * sizeof(*ln->copy));
	ln->was = malloc((md->n + 1) * sizeof(*ln->was));
	ln->quotas = malloc((md->in->nquotas + 1) * sizeof(*ln->quotas));
	if (!ln->fr || !ln->gi || !ln->loc || !ln->gm || !ln->cases || !ln->moves || !ln->legs ||
	    !ln->quotas || !ln->has_quota || !ln->copy || !ln->moff || !ln->was ||
	    plan_improve_init(&ln->idx, md)) {
		lns_release(ln);
		return COR_ENOMEM;
	}
	for (size_t q = 0; q < md->in->nquotas; q++)
		ln->has_quota[md->in->quotas[q].movement] = 1;
	return 0;
}

int plan_lns_placed(const struct plan_model *md, struct plan_state *best,
		    const unsigned char *extra, long node_limit, double deadline, long *nodes)
{
	struct lns ln;
	*nodes = 0;
	if (lns_init(&ln, md, best))
		return COR_ENOMEM;
	size_t *all = malloc((md->nm + 1) * sizeof(*all));
	int rc = COR_ENOMEM;
	if (all) {
		for (size_t m = 0; m < md->nm; m++)
			all[m] = m;
		ln.placed_only = true;
		ln.extra = extra;
		rc = neighbourhood(&ln, all, (int)md->nm, node_limit, deadline);
		*nodes = ln.nodes;
	}
	free(all);
	lns_release(&ln);
	return rc;
}

int plan_lns(const struct plan_model *md, struct plan_state *best, long budget, double deadline,
	     long *nodes)
{
	struct lns ln;
	size_t nm = md->nm;
	*nodes = 0;
	if (lns_init(&ln, md, best))
		return COR_ENOMEM;
	int rc = COR_ENOMEM;
	unsigned char *adj = calloc(nm * nm + 1, 1);
	if (!adj)
		goto out;
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			for (size_t p = o + 1; p < md->ofs[i + 1]; p++) {
				size_t a = (size_t)md->opt[o].m, b = (size_t)md->opt[p].m;
				adj[a * nm + b] = adj[b * nm + a] = 1;
			}
		}
	/* Passes over the movements alone, then the pairs, the triples...
	 * of movements each sharing a case with one before it; after a pass
	 * that gains, back to the single movements, else one size up. */
	size_t set[LNS_MAX_SET];
	int most = nm <= LNS_SMALL_NM ? LNS_MAX_SET : LNS_MAX_SET - 1;
	ln.hoping = most < LNS_MAX_SET;
	for (int size = 1; size <= most && ln.nodes < budget && plan_now() < deadline;) {
		bool gained = false;
		if (size == LNS_MAX_SET - 1)
			ln.nhope = 0;
		rc = sets(&ln, adj, set, 0, size, budget, deadline, &gained);
		if (rc < 0)
			goto out;
		/* Where five movements are too many to take all, those that
		 * hold four whose LP promised more than their search found. */
		if (!gained && size == most && ln.hoping && ln.nhope) {
			rc = hopeful(&ln, adj, budget, deadline, &gained);
			if (rc < 0)
				goto out;
		}
		size = gained ? 1 : size + 1;
	}
	rc = 0;
out:
	*nodes = ln.nodes;
	free(adj);
	lns_release(&ln);
	return rc;
}

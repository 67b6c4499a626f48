// SPDX-License-Identifier: Apache-2.0
// Local search on a plan, for the exact planner's incumbents: moves that
// each make the plan worth more, until none does. A move takes case i to
// option o (or in from the left-out), ejecting at most one case j already
// on o's movement when i does not fit otherwise; j then goes to its best
// option that still fits, or out. After each sweep the cases left out are
// offered their best fitting option. Kept bookings never move.
//
// The plan stays a plan: every placement goes through plan_fits. The moves
// are tried in index order and the first gain is taken, so the result is
// the same on every run.
#include <stdlib.h>

#include "plan/plan_int.h"
#include "util/error.h"

int plan_improve_init(struct plan_improve *im, const struct plan_model *md)
{
	im->md = md;
	im->mbeg = calloc(md->nm + 2, sizeof(*im->mbeg));
	im->mopt = malloc((md->nopt + 1) * sizeof(*im->mopt));
	im->owner = malloc((md->nopt + 1) * sizeof(*im->owner));
	if (!im->mbeg || !im->mopt || !im->owner) {
		plan_improve_release(im);
		return COR_ENOMEM;
	}
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			im->owner[o] = i;
			im->mbeg[md->opt[o].m + 2]++;
		}
	for (size_t m = 0; m < md->nm; m++)
		im->mbeg[m + 2] += im->mbeg[m + 1];
	for (size_t o = 0; o < md->nopt; o++)
		im->mopt[im->mbeg[md->opt[o].m + 1]++] = o;
	return 0;
}

void plan_improve_release(struct plan_improve *im)
{
	free(im->mbeg);
	free(im->mopt);
	free(im->owner);
	im->mbeg = im->mopt = im->owner = NULL;
}

/* Case i to its most valuable fitting option; false if none fits. */
static bool place_best(struct plan_state *st, size_t i)
{
	const struct plan_model *md = st->md;
	size_t bo = SIZE_MAX;
	for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
		if ((bo == SIZE_MAX || md->opt[o].value > md->opt[bo].value) && plan_fits(st, i, o))
			bo = o;
	if (bo == SIZE_MAX)
		return false;
	plan_place(st, i, bo);
	return true;
}

static bool fill(struct plan_state *st)
{
	const struct plan_model *md = st->md;
	bool any = false;
	for (size_t i = 0; i < md->n; i++)
		if (st->at[i] < 0 && md->in->cases[i].fixed < 0)
			any |= place_best(st, i);
	return any;
}

/* Try i to o, ejecting at most one case; keep it if the plan gains. */
static bool try_move(struct plan_improve *im, struct plan_state *st, size_t i, size_t o)
{
	const struct plan_model *md = im->md;
	int64_t old = st->value;
	int a = st->at[i];
	size_t m = (size_t)md->opt[o].m;
	plan_remove(st, i);
	if (plan_fits(st, i, o)) {
		plan_place(st, i, o);
		if (st->value > old)
			return true;
		plan_remove(st, i);
	} else {
		for (size_t e = im->mbeg[m]; e < im->mbeg[m + 1]; e++) {
			size_t p = im->mopt[e], j = im->owner[p];
			if (j == i || st->at[j] != (int)p || md->in->cases[j].fixed >= 0)
				continue;
			plan_remove(st, j);
			if (plan_fits(st, i, o)) {
				plan_place(st, i, o);
				(void)place_best(st, j);
				if (st->value > old)
					return true;
				plan_remove(st, j);
				plan_remove(st, i);
			}
			plan_place(st, j, p);
		}
	}
	if (a >= 0)
		plan_place(st, i, (size_t)a);
	return false;
}

int64_t plan_improve_run(struct plan_improve *im, struct plan_state *st, int max_sweeps)
{
	const struct plan_model *md = im->md;
	(void)fill(st);
	for (int sweep = 0; sweep < max_sweeps; sweep++) {
		bool gained = false;
		for (size_t i = 0; i < md->n; i++) {
			if (md->in->cases[i].fixed >= 0)
				continue;
			for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++)
				if ((int)o != st->at[i] && try_move(im, st, i, o))
					gained = true;
		}
		gained |= fill(st);
		if (!gained)
			break;
	}
	return st->value;
}

// SPDX-License-Identifier: Apache-2.0
// The model as a CPLEX LP file, for the exact solvers outside (glpsol --lp,
// cbc): the same variables, rows and integer coefficients as plan.h, one
// binary x_<case>_<movement> per way a case can travel and one integer
// s_<movement> per movement that may carry medical travellers. Rows that
// no choice touches are left out; rows x <= s that the escort rows imply
// are written too.
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "plan/plan_int.h"
#include "util/error.h"

#define R        COR_RES__N
#define PER_LINE 8 /* terms per line: LP readers limit the line length */

struct writer {
	FILE *f;
	int terms;
};

static void row_start(struct writer *w, const char *name)
{
	fprintf(w->f, " %s:", name);
	w->terms = 0;
}

static void term(struct writer *w, int64_t coef, const char *var)
{
	if (w->terms && w->terms % PER_LINE == 0)
		fputs("\n   ", w->f);
	fprintf(w->f, " %c %" PRId64 " %s", coef < 0 ? '-' : '+', coef < 0 ? -coef : coef, var);
	w->terms++;
}

static const char *xname(char *buf, size_t i, int m)
{
	snprintf(buf, 32, "x_%zu_%d", i, m);
	return buf;
}

/* Terms of every row, gathered in one pass over the options: row r's
 * options are ent[start[r]..start[r + 1]). */
struct rows {
	size_t *start, *ent, *owner;
};

static size_t option_rows(const struct plan_model *md, size_t i, size_t o, size_t *rows)
{
	const struct cor_plan_case *c = &md->in->cases[i];
	const struct plan_opt *op = &md->opt[o];
	size_t base = md->leg0[op->m], nr = 0;
	for (size_t l = base + op->k1; l <= base + op->k2; l++)
		for (int r = 0; r < R; r++)
			if (c->need[r])
				rows[nr++] = l * R + (size_t)r;
	if (c->medical)
		rows[nr++] = md->nlegs * R + (size_t)op->m;
	if (op->quota >= 0)
		rows[nr++] = md->nlegs * R + md->nm + (size_t)op->quota;
	return nr;
}

static int rows_build(const struct plan_model *md, struct rows *rw)
{
	size_t *fill = NULL, buf[PLAN_MAX_LEGS * R + 2];
	rw->start = calloc(md->nrows + 2, sizeof(*rw->start));
	rw->owner = malloc((md->nopt + 1) * sizeof(*rw->owner));
	fill = malloc((md->nrows + 1) * sizeof(*fill));
	if (!rw->start || !rw->owner || !fill)
		goto fail;
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			rw->owner[o] = i;
			size_t nr = option_rows(md, i, o, buf);
			for (size_t k = 0; k < nr; k++)
				rw->start[buf[k] + 1]++;
		}
	for (size_t r = 0; r < md->nrows; r++) {
		rw->start[r + 1] += rw->start[r];
		fill[r] = rw->start[r];
	}
	rw->ent = malloc((rw->start[md->nrows] + 1) * sizeof(*rw->ent));
	if (!rw->ent)
		goto fail;
	for (size_t i = 0; i < md->n; i++)
		for (size_t o = md->ofs[i]; o < md->ofs[i + 1]; o++) {
			size_t nr = option_rows(md, i, o, buf);
			for (size_t k = 0; k < nr; k++)
				rw->ent[fill[buf[k]]++] = o;
		}
	free(fill);
	return 0;
fail:
	free(fill);
	return COR_ENOMEM;
}

static void rows_release(struct rows *rw)
{
	free(rw->start);
	free(rw->ent);
	free(rw->owner);
}

int cor_plan_write_lp(const struct cor_plan_input *in, FILE *f)
{
	struct plan_model md;
	struct rows rw = {0};
	char msg[200], name[64], var[32];
	int rc = plan_model_build(&md, in, msg, sizeof(msg));
	if (rc)
		return rc;
	struct writer w = {f, 0};
	const size_t legrows = md.nlegs * R;
	bool *esc = calloc(md.nm + 1, sizeof(*esc));
	size_t *mov = malloc((md.nlegs + 1) * sizeof(*mov));
	rc = COR_ENOMEM;
	if (!esc || !mov || rows_build(&md, &rw))
		goto out;
	for (size_t m = 0; m < md.nm; m++)
		for (size_t l = md.leg0[m]; l < md.leg0[m + 1]; l++)
			mov[l] = m;
	for (size_t i = 0; i < md.n; i++)
		for (size_t o = md.ofs[i]; o < md.ofs[i + 1]; o++)
			if (in->cases[i].medical && in->movements[md.opt[o].m].escort_seats > 0)
				esc[md.opt[o].m] = true;

	fprintf(f, "\\ Corridor movement plan: %zu cases, %zu movements, %zu options\n", md.n,
		md.nm, md.nopt);
	fputs("Maximize\n", f);
	row_start(&w, "obj");
	for (size_t i = 0; i < md.n; i++)
		for (size_t o = md.ofs[i]; o < md.ofs[i + 1]; o++)
			term(&w, md.opt[o].value, xname(var, i, md.opt[o].m));
	if (md.nopt == 0)
		fputs(" 0 x_none", f);
	fputs("\nSubject To\n", f);
	for (size_t i = 0; i < md.n; i++) {
		size_t k = md.ofs[i + 1] - md.ofs[i];
		if (in->cases[i].fixed >= 0) {
			snprintf(name, sizeof(name), "keep_%zu", i);
			row_start(&w, name);
			term(&w, 1, xname(var, i, md.opt[md.ofs[i]].m));
			fputs(" = 1\n", f);
		} else if (k >= 2) {
			snprintf(name, sizeof(name), "one_%zu", i);
			row_start(&w, name);
			for (size_t o = md.ofs[i]; o < md.ofs[i + 1]; o++)
				term(&w, 1, xname(var, i, md.opt[o].m));
			fputs(" <= 1\n", f);
		}
	}
	for (size_t row = 0; row < md.nrows; row++) {
		size_t a = rw.start[row], b = rw.start[row + 1];
		if (row < legrows) {
			size_t l = row / R, m = mov[l];
			int r = (int)(row % R);
			bool s = r == COR_RES_SEATS && esc[m];
			if (a == b && !s)
				continue;
			snprintf(name, sizeof(name), "cap_%zu_%d", l, r);
			row_start(&w, name);
			for (size_t k = a; k < b; k++) {
				size_t o = rw.ent[k], i = rw.owner[o];
				term(&w, in->cases[i].need[r], xname(var, i, md.opt[o].m));
			}
			if (s) {
				snprintf(var, sizeof(var), "s_%zu", m);
				term(&w, 1, var);
			}
			fprintf(f, " <= %d\n", md.cap[row]);
		} else if (row < legrows + md.nm) {
			size_t m = row - legrows;
			if (a == b)
				continue;
			snprintf(name, sizeof(name), "esc_%zu", m);
			row_start(&w, name);
			for (size_t k = a; k < b; k++) {
				size_t o = rw.ent[k], i = rw.owner[o];
				term(&w, in->cases[i].medical, xname(var, i, md.opt[o].m));
			}
			if (esc[m]) {
				snprintf(var, sizeof(var), "s_%zu", m);
				term(&w, -in->cfg.escort_ratio, var);
			}
			fprintf(f, " <= %d\n",
				in->movements[m].escorts_named * in->cfg.escort_ratio);
		} else {
			size_t q = row - legrows - md.nm;
			if (a == b)
				continue;
			snprintf(name, sizeof(name), "quota_%zu", q);
			row_start(&w, name);
			for (size_t k = a; k < b; k++) {
				size_t o = rw.ent[k], i = rw.owner[o];
				term(&w, in->cases[i].need[0], xname(var, i, md.opt[o].m));
			}
			fprintf(f, " <= %d\n", in->quotas[q].seats);
		}
	}
	/* Implied by the escort rows (an escort is whole): written out because
	 * it spares the solvers most of their search. */
	for (size_t i = 0; i < md.n; i++)
		for (size_t o = md.ofs[i]; o < md.ofs[i + 1]; o++) {
			int m = md.opt[o].m;
			/* With a medical escort named, x <= s + named holds anyway. */
			if (!in->cases[i].medical || !esc[m] || in->movements[m].escorts_named > 0)
				continue;
			snprintf(name, sizeof(name), "link_%zu_%d", i, m);
			row_start(&w, name);
			term(&w, 1, xname(var, i, m));
			snprintf(var, sizeof(var), "s_%d", m);
			term(&w, -1, var);
			fputs(" <= 0\n", f);
		}
	fputs("Bounds\n", f);
	for (size_t m = 0; m < md.nm; m++)
		if (esc[m])
			fprintf(f, " 0 <= s_%zu <= %d\n", m, in->movements[m].escort_seats);
	if (md.nopt == 0)
		fputs(" x_none = 0\n", f);
	fputs("Binaries\n", f);
	w.terms = 0;
	for (size_t i = 0; i < md.n; i++)
		for (size_t o = md.ofs[i]; o < md.ofs[i + 1]; o++)
			fprintf(f, "%s%s", w.terms++ % PER_LINE ? " " : "\n ",
				xname(var, i, md.opt[o].m));
	fputs("\nGenerals\n", f);
	for (size_t m = 0; m < md.nm; m++)
		if (esc[m])
			fprintf(f, " s_%zu\n", m);
	fputs("End\n", f);
	rc = ferror(f) || fflush(f) ? COR_EIO : 0;
out:
	free(esc);
	free(mov);
	rows_release(&rw);
	plan_model_release(&md);
	return rc;
}

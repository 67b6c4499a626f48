// SPDX-License-Identifier: Apache-2.0
// The folds of a case's summary (see summary.h).
#include "domain/summary.h"

#include "domain/date.h"

void cor_case_protection_add(struct cor_case_protection *s, bool assessed,
			     enum cor_protection_level latest, bool cleared)
{
	s->persons++;
	if (!assessed)
		return;
	if (!s->assessed++ || latest > s->level)
		s->level = latest;
	if (cor_protection_level_blocks_return(latest) && !cleared)
		s->uncleared++;
}

int64_t cor_fitness_holds_until(const struct cor_case_facts *f, int window_hours)
{
	int64_t until = -1;
	if (!f->n_travellers)
		return -1;
	for (size_t i = 0; i < f->n_travellers; i++) {
		const struct cor_traveller_facts *t = &f->travellers[i];
		const struct cor_date *d = &t->fitness_on;
		if ((t->fitness != COR_FITNESS_FIT &&
		     t->fitness != COR_FITNESS_FIT_WITH_CONDITIONS) ||
		    !cor_date_is_valid(d->year, d->month, d->day))
			return -1;
		int64_t at = (int64_t)cor_date_to_days(*d) * 86400;
		if (t->fitness_minute >= 0 && t->fitness_minute < 24 * 60)
			at += (int64_t)t->fitness_minute * 60;
		at += (int64_t)window_hours * 3600;
		if (until < 0 || at < until)
			until = at;
	}
	return until;
}

int cor_fitness_window(const struct cor_programme_rules *pr)
{
	for (size_t i = 0; pr && i < pr->n_rules; i++)
		if (pr->rules[i].criterion == COR_CRIT_FITNESS)
			return pr->rules[i].value;
	return 0;
}

void cor_fund_case_add(struct cor_fund_case_position *p, enum cor_fund_state s, int64_t amount,
		       int64_t paid)
{
	p->requests++;
	if (s == COR_FUND_REQUESTED) {
		p->pending++;
		p->asked += amount;
	} else if (s == COR_FUND_APPROVED) {
		p->approved += amount;
	}
	p->paid += paid;
}

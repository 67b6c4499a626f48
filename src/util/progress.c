// SPDX-License-Identifier: Apache-2.0
#include "util/progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cor_progress_init(struct cor_progress *p, const char *what, const char *unit, long total)
{
	p->what = what;
	p->unit = unit;
	p->total = total;
	p->on = isatty(STDERR_FILENO);
	p->last = 0;
}

void cor_progress_update(struct cor_progress *p, long done)
{
	if (!p->on)
		return;
	double t = now();
	if (t - p->last < 0.2)
		return;
	p->last = t;
	if (p->total > 0)
		fprintf(stderr, "\r%s: %ld / %ld %s (%ld%%)", p->what, done, p->total, p->unit,
			done * 100 / p->total);
	else
		fprintf(stderr, "\r%s: %ld %s", p->what, done, p->unit);
}

void cor_progress_end(struct cor_progress *p)
{
	if (p->on && p->last > 0)
		fprintf(stderr, "\r\033[K");
}

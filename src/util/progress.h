// SPDX-License-Identifier: Apache-2.0
// Progress of long work on stderr, only when stderr is a terminal, at most a
// few times a second.
#ifndef COR_PROGRESS_H
#define COR_PROGRESS_H

#include <stdbool.h>

struct cor_progress {
	const char *what; /* "importing" */
	const char *unit; /* "persons" */
	long total;       /* 0 when unknown */
	bool on;
	double last;
};

void cor_progress_init(struct cor_progress *p, const char *what, const char *unit, long total);
void cor_progress_update(struct cor_progress *p, long done);
/* Clear the progress line. */
void cor_progress_end(struct cor_progress *p);

#endif

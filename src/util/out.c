// SPDX-License-Identifier: Apache-2.0
#include "util/out.h"

#include <stdarg.h>
#include <stdio.h>

void cor_out_printf(struct cor_out *o, const char *fmt, ...)
{
	va_list ap;
	size_t room = o->need < o->len ? o->len - o->need : 0;
	va_start(ap, fmt);
	int n = vsnprintf(room ? o->buf + o->need : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->need += (size_t)n;
}

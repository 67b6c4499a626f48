// SPDX-License-Identifier: Apache-2.0
// Writing text into a caller's fixed buffer, snprintf-style: what does not
// fit is cut (the buffer stays NUL-terminated) but still counted, so the
// caller learns the length the whole text needs.
#ifndef COR_OUT_H
#define COR_OUT_H

#include <stddef.h>

struct cor_out {
	char *buf;
	size_t len;  /* bytes of buf */
	size_t need; /* bytes the text written so far needs, without the NUL */
};

#define COR_OUT_INIT(buf, len)                                                                     \
	{                                                                                          \
		(buf), (len), 0                                                                    \
	}

/* Append printf-style text. */
void cor_out_printf(struct cor_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

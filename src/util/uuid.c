// SPDX-License-Identifier: Apache-2.0
#include "util/uuid.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "util/error.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t last_ms = -1;
static uint8_t last[10]; /* the 80 bits after the timestamp, as last given */
/* Random bytes fetched a page at a time: one getrandom a few hundred UUIDs
 * rather than one each, which a million-row import would feel. */
static uint8_t pool[4096];
static size_t pool_left;

/* n fresh random bytes; false when the system has none to give. Under lock. */
static bool take_random(uint8_t *out, size_t n)
{
	if (pool_left < n) {
		if (getrandom(pool, sizeof(pool), 0) != (ssize_t)sizeof(pool))
			return false;
		pool_left = sizeof(pool);
	}
	memcpy(out, pool + sizeof(pool) - pool_left, n);
	memset(pool + sizeof(pool) - pool_left, 0, n); /* never handed out twice */
	pool_left -= n;
	return true;
}

/* Add one to the 74 bits under the version and variant: b[6] low nibble,
 * b[7], b[8] low 6 bits, b[9..15]. false when they overflow. */
static bool step(uint8_t r[10])
{
	for (int i = 9; i >= 0; i--) {
		uint8_t mask = i == 0 ? 0x0f : i == 2 ? 0x3f : 0xff;
		uint8_t v = (uint8_t)((r[i] & mask) + 1);
		r[i] = (uint8_t)((r[i] & ~mask) | (v & mask));
		if (v & mask)
			return true;
	}
	return false;
}

int cor_uuid7(int64_t unix_ms, struct cor_uuid *out)
{
	uint8_t r[10];
	pthread_mutex_lock(&lock);
	if (unix_ms <= last_ms) {
		/* The same millisecond (or a clock set back): keep the order. */
		unix_ms = last_ms;
		memcpy(r, last, sizeof(r));
		if (!step(r)) {
			if (!take_random(r, sizeof(r))) {
				pthread_mutex_unlock(&lock);
				return COR_EIO;
			}
			unix_ms = last_ms + 1; /* the millisecond is full: the next one */
		}
	} else if (!take_random(r, sizeof(r))) {
		pthread_mutex_unlock(&lock);
		return COR_EIO;
	}
	r[0] = (uint8_t)(0x70 | (r[0] & 0x0f)); /* version 7 */
	r[2] = (uint8_t)(0x80 | (r[2] & 0x3f)); /* variant 10 */
	last_ms = unix_ms;
	memcpy(last, r, sizeof(r));
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < 6; i++)
		out->b[i] = (uint8_t)((uint64_t)unix_ms >> (40 - 8 * i));
	memcpy(out->b + 6, r, sizeof(r));
	return 0;
}

int cor_uuid7_now(struct cor_uuid *out)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return cor_uuid7((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, out);
}

char *cor_uuid_format(const struct cor_uuid *u, char buf[COR_UUID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	char *p = buf;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[u->b[i] >> 4];
		*p++ = hex[u->b[i] & 15];
	}
	*p = '\0';
	return buf;
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int cor_uuid_parse(const char *s, struct cor_uuid *out)
{
	struct cor_uuid u;
	int k = 0;
	if (strlen(s) != COR_UUID_LEN - 1)
		return COR_EINVAL;
	for (int i = 0; i < COR_UUID_LEN - 1; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return COR_EINVAL;
			continue;
		}
		int hi = nibble(s[i]), lo = nibble(s[i + 1]);
		if (hi < 0 || lo < 0)
			return COR_EINVAL;
		u.b[k++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	*out = u;
	return 0;
}

int64_t cor_uuid7_ms(const struct cor_uuid *u)
{
	int64_t ms = 0;
	for (int i = 0; i < 6; i++)
		ms = ms << 8 | u->b[i];
	return ms;
}

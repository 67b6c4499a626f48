// SPDX-License-Identifier: Apache-2.0
// Local times through the C library's own tz database reading: TZ is set
// for the call and restored, under a lock, since TZ is process-wide.
#include "util/tz.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/error.h"

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

bool cor_tz_is_known(const char *zone)
{
	if (!zone || !*zone || zone[0] == '/' || strstr(zone, "..") || strlen(zone) > 64)
		return false;
	for (const char *p = zone; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '/' || *p == '_' || *p == '-' || *p == '+'))
			return false;
	char path[128];
	struct stat sb;
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", zone);
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

int cor_tz_format(int64_t utc, const char *zone, char buf[COR_LOCAL_LEN])
{
	if (!cor_tz_is_known(zone))
		return COR_EINVAL;
	time_t t = (time_t)utc;
	struct tm tm;
	pthread_mutex_lock(&tz_lock);
	char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;
	setenv("TZ", zone, 1);
	tzset();
	bool ok = localtime_r(&t, &tm) != NULL;
	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
	pthread_mutex_unlock(&tz_lock);
	if (!ok)
		return COR_EINVAL;
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	char tmp[80];
	int n = snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d %02d:%02d %c%02ld:%02ld",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, sign,
			 off / 3600, off % 3600 / 60);
	if (n < 0 || n >= COR_LOCAL_LEN)
		return COR_EINVAL; /* a year past 9999 */
	memcpy(buf, tmp, (size_t)n + 1);
	return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int cor_time_parse_utc(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, sec = 0, n = 0;
	size_t len = strlen(s);
	if (len == 17) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &n) != 5 || n != 17)
			return COR_EINVAL;
	} else if (len == 20) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 ||
		    n != 20)
			return COR_EINVAL;
	} else {
		return COR_EINVAL;
	}
	for (size_t i = 0; i < len; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == len - 1;
		if (digit == sep)
			return COR_EINVAL;
	}
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || sec > 59)
		return COR_EINVAL;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

char *cor_time_format_utc(int64_t utc, char buf[18])
{
	time_t t = (time_t)utc;
	struct tm tm;
	gmtime_r(&t, &tm);
	char tmp[80];
	int n = snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02dZ", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	if (n < 0 || n >= 18)
		n = 0; /* a year past 9999: not a time Corridor stores */
	memcpy(buf, tmp, (size_t)n);
	buf[n] = '\0';
	return buf;
}

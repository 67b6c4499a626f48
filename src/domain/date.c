// SPDX-License-Identifier: Apache-2.0
// Date arithmetic by day numbers (the civil-from-days algorithm, exact for the
// proleptic Gregorian calendar), and strict ISO 8601 parsing.
#include "domain/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/error.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool cor_date_is_valid(int year, int month, int day)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	return day <= mdays[month - 1] + (month == 2 && is_leap(year));
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int cor_date_parse(const char *s, struct cor_date *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return COR_EINVAL;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !cor_date_is_valid(y, m, d))
		return COR_EINVAL;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

char *cor_date_format(struct cor_date d, char *buf)
{
	/* Hand-rolled: this runs for every person on import and export. */
	int y = d.year;
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + d.month / 10);
	buf[6] = (char)('0' + d.month % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d.day / 10);
	buf[9] = (char)('0' + d.day % 10);
	buf[10] = '\0';
	return buf;
}

int32_t cor_date_to_days(struct cor_date d)
{
	int y = d.year - (d.month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int mp = (d.month + 9) % 12;
	int doy = (153 * mp + 2) / 5 + d.day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct cor_date cor_date_from_days(int32_t z)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	struct cor_date d;
	d.day = doy - (153 * mp + 2) / 5 + 1;
	d.month = mp < 10 ? mp + 3 : mp - 9;
	d.year = yoe + era * 400 + (d.month <= 2);
	return d;
}

struct cor_date cor_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return (struct cor_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int cor_date_age(struct cor_date birth, struct cor_date on)
{
	int age = on.year - birth.year;
	if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
		age--;
	return age < 0 ? 0 : age;
}

int cor_date_cmp(struct cor_date a, struct cor_date b)
{
	return cor_date_to_days(a) - cor_date_to_days(b);
}

char *cor_time_now(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, COR_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

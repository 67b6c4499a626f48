// SPDX-License-Identifier: Apache-2.0
// ICAO Doc 9303 MRZ reader. A layout table places every field of TD1, TD2 and
// TD3, and one routine reads any of them. Invariants: no allocation and no
// I/O; out->valid is true exactly when every check in out->checks passed.
//
// Speed (bench/mrz_bench.c, millions of documents a second on one core): a
// message is formatted only when its check fails; characters are validated
// and given their values 16 at a time; check digits are sums over those
// values with a table of weights; country answers are cached per thread.
#include "domain/mrz.h"

#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "util/error.h"

/* The value of each character plus one; 0 marks a character no MRZ holds.
 * For cor_mrz_check_digit() and error messages; see values16() for the
 * fast path. */
// clang-format off
static const unsigned char char_value[256] = {
	['<'] = 1,
	['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,
	['7'] = 8,  ['8'] = 9,  ['9'] = 10, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14,
	['E'] = 15, ['F'] = 16, ['G'] = 17, ['H'] = 18, ['I'] = 19, ['J'] = 20, ['K'] = 21,
	['L'] = 22, ['M'] = 23, ['N'] = 24, ['O'] = 25, ['P'] = 26, ['Q'] = 27, ['R'] = 28,
	['S'] = 29, ['T'] = 30, ['U'] = 31, ['V'] = 32, ['W'] = 33, ['X'] = 34, ['Y'] = 35,
	['Z'] = 36,
};
// clang-format on

/* Where a field lies: line and column, 0-based, and its length. */
struct span {
	unsigned char line, col, len;
};

struct layout {
	enum cor_mrz_format format;
	const char *name;
	unsigned char lines, width;
	bool long_numbers; /* a number over 9 characters may continue in opt */
	struct span code, state, number, number_cd, nationality, birth, birth_cd, sex, expiry,
		expiry_cd, opt, opt_cd, opt2, name_field, composite_cd;
	struct span composite[5]; /* what the composite covers; ends at len 0 */
};

// clang-format off
static const struct layout layouts[] = {
	{
		.format = COR_MRZ_TD1, .name = "TD1", .lines = 3, .width = 30,
		.long_numbers = true,
		.code = {0, 0, 2}, .state = {0, 2, 3}, .number = {0, 5, 9},
		.number_cd = {0, 14, 1}, .opt = {0, 15, 15},
		.birth = {1, 0, 6}, .birth_cd = {1, 6, 1}, .sex = {1, 7, 1},
		.expiry = {1, 8, 6}, .expiry_cd = {1, 14, 1}, .nationality = {1, 15, 3},
		.opt2 = {1, 18, 11}, .composite_cd = {1, 29, 1},
		.name_field = {2, 0, 30},
		.composite = {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}},
	},
	{
		.format = COR_MRZ_TD2, .name = "TD2", .lines = 2, .width = 36,
		.long_numbers = true,
		.code = {0, 0, 2}, .state = {0, 2, 3}, .name_field = {0, 5, 31},
		.number = {1, 0, 9}, .number_cd = {1, 9, 1}, .nationality = {1, 10, 3},
		.birth = {1, 13, 6}, .birth_cd = {1, 19, 1}, .sex = {1, 20, 1},
		.expiry = {1, 21, 6}, .expiry_cd = {1, 27, 1}, .opt = {1, 28, 7},
		.composite_cd = {1, 35, 1},
		.composite = {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}},
	},
	{
		.format = COR_MRZ_TD3, .name = "TD3", .lines = 2, .width = 44,
		.code = {0, 0, 2}, .state = {0, 2, 3}, .name_field = {0, 5, 39},
		.number = {1, 0, 9}, .number_cd = {1, 9, 1}, .nationality = {1, 10, 3},
		.birth = {1, 13, 6}, .birth_cd = {1, 19, 1}, .sex = {1, 20, 1},
		.expiry = {1, 21, 6}, .expiry_cd = {1, 27, 1}, .opt = {1, 28, 14},
		.opt_cd = {1, 42, 1}, .composite_cd = {1, 43, 1},
		.composite = {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}},
	},
};
// clang-format on

enum { TD1, TD2, TD3 };

struct line {
	const char *p;
	size_t n;
};

/* The lines of a document and, once its characters are known to be valid,
 * the value of each character. */
struct mrz_text {
	struct line line[3];
	unsigned char val[3][44];
};

static const char *at(const struct mrz_text *t, struct span s)
{
	return t->line[s.line].p + s.col;
}

static const unsigned char *val_at(const struct mrz_text *t, struct span s)
{
	return t->val[s.line] + s.col;
}

/* The weights 7, 3, 1 repeated, so that a sum needs no modulo. */
static const unsigned char weights[66] = {
	7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7,
	3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3,
	1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1,
};

/* The weighted sum of n character values v[0..n) whose first weight is
 * weights[phase] (phase 0, 1 or 2). */
static unsigned weigh(const unsigned char *v, size_t n, unsigned phase)
{
	assert(phase < 3 && n + phase <= sizeof(weights));
	const unsigned char *w = weights + phase;
	unsigned sum = 0;
	for (size_t k = 0; k < n; k++)
		sum += (unsigned)v[k] * w[k];
	return sum;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Copy s[0..n) less the filler on its right into dst (n + 1 bytes). Fields
 * are short: a loop beats a call to memcpy. */
static void copy_trimmed(char *dst, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '<')
		n--;
	for (size_t k = 0; k < n; k++)
		dst[k] = s[k];
	dst[n] = '\0';
}

/* --- checks ------------------------------------------------------------ */

static struct cor_mrz_check *add_check(struct cor_mrz *m, const char *name, bool ok)
{
	assert(m->n_checks < COR_MRZ_MAX_CHECKS);
	struct cor_mrz_check *c = &m->checks[m->n_checks++];
	c->name = name;
	c->ok = ok;
	c->message[0] = '\0';
	if (!ok)
		m->valid = false;
	return c;
}

static void pass(struct cor_mrz *m, const char *name)
{
	add_check(m, name, true);
}

__attribute__((format(printf, 3, 4))) static void fail(struct cor_mrz *m, const char *name,
						       const char *fmt, ...)
{
	struct cor_mrz_check *c = add_check(m, name, false);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof(c->message), fmt, ap);
	va_end(ap);
}

/* A check character for a message: 7 as "7", anything else quoted. */
static const char *shown(char c, char buf[4])
{
	if (is_digit(c)) {
		buf[0] = c;
		buf[1] = '\0';
	} else {
		buf[0] = '\'';
		buf[1] = c;
		buf[2] = '\'';
		buf[3] = '\0';
	}
	return buf;
}

static void check_digit(struct cor_mrz *m, const char *name, char got, int want)
{
	char buf[4];
	if (got == '0' + want)
		pass(m, name);
	else
		fail(m, name, "check digit of %s is %s, expected %d", name, shown(got, buf), want);
}

/* --- dates ------------------------------------------------------------- */

static long date_key(int y, int m, int d)
{
	return (long)y * 10000 + m * 100 + d;
}

/* Read YYMMDD at p into *d, the century chosen against ref: a birth date is
 * the latest not after ref, an expiry lies within ref -49 .. +50 years. */
static bool read_date(const char *p, const struct cor_date *ref, bool birth, struct cor_date *d)
{
	for (int k = 0; k < 6; k++)
		if (!is_digit(p[k]))
			return false;
	int yy = (p[0] - '0') * 10 + (p[1] - '0');
	int mm = (p[2] - '0') * 10 + (p[3] - '0');
	int dd = (p[4] - '0') * 10 + (p[5] - '0');
	int y = ref->year - ref->year % 100 + yy;
	if (birth) {
		if (date_key(y, mm, dd) > date_key(ref->year, ref->month, ref->day))
			y -= 100;
	} else if (y > ref->year + 50) {
		y -= 100;
	} else if (y < ref->year - 49) {
		y += 100;
	}
	if (!cor_date_is_valid(y, mm, dd))
		return false;
	*d = (struct cor_date){y, mm, dd};
	return true;
}

/* "YYYY-MM-DD" from the YYMMDD digits at p and the century of d. */
static void write_iso(char *s, const char *p, const struct cor_date *d)
{
	int century = d->year / 100;
	s[0] = (char)('0' + century / 10);
	s[1] = (char)('0' + century % 10);
	s[2] = p[0];
	s[3] = p[1];
	s[4] = '-';
	s[5] = p[2];
	s[6] = p[3];
	s[7] = '-';
	s[8] = p[4];
	s[9] = p[5];
	s[10] = '\0';
}

/* One date field and its check digit, as one check called name. */
static void date_field(struct cor_mrz *m, const char *name, const struct mrz_text *t,
		       struct span field, struct span cd, const struct cor_date *ref, bool birth,
		       struct cor_date *d, char *iso)
{
	const char *p = at(t, field);
	char got = at(t, cd)[0];
	int want = (int)(weigh(val_at(t, field), 6, 0) % 10);
	bool digit_ok = got == '0' + want;
	bool date_ok = read_date(p, ref, birth, d);
	char buf[4];

	if (date_ok)
		write_iso(iso, p, d);
	if (digit_ok && date_ok)
		pass(m, name);
	else if (digit_ok)
		fail(m, name, "%s '%.6s' is not a valid YYMMDD date", name, p);
	else if (date_ok)
		fail(m, name, "check digit of %s is %s, expected %d", name, shown(got, buf), want);
	else
		fail(m, name,
		     "check digit of %s is %s, expected %d, and '%.6s' is not a valid "
		     "YYMMDD date",
		     name, shown(got, buf), want, p);
}

/* A birth date the MRZ leaves unknown, wholly ("<<<<<<") or in part (the
 * day, "YYMM<<", or the month and day, "YY<<<<"), as ICAO 9303 fills it:
 * the known part read (the century as for any birth date), the rest 0, and
 * the check digit over the field as it stands. false when the field holds
 * no '<' (an ordinary date, for date_field). */
static bool birth_unknown_field(struct cor_mrz *m, const struct mrz_text *t, struct span field,
				struct span cd, const struct cor_date *ref)
{
	const char *p = at(t, field);
	int known = 0;
	while (known < 6 && is_digit(p[known]))
		known++;
	if (known == 6 || memchr(p, '<', 6) == NULL)
		return false;
	bool shape = known == 0 || known == 2 || known == 4;
	for (int k = known; k < 6; k++)
		shape = shape && p[k] == '<';
	char got = at(t, cd)[0], buf[4];
	int want = (int)(weigh(val_at(t, field), 6, 0) % 10);
	m->birth_unknown = true;
	if (!shape) {
		fail(m, "birth_date",
		     "birth_date '%.6s' is not a YYMMDD date, nor one with its unknown part "
		     "filled with '<'",
		     p);
		return true;
	}
	int y = 0, mm = 0;
	if (known >= 2) {
		int yy = (p[0] - '0') * 10 + (p[1] - '0');
		y = ref->year - ref->year % 100 + yy;
		if (y > ref->year)
			y -= 100;
	}
	if (known == 4) {
		mm = (p[2] - '0') * 10 + (p[3] - '0');
		if (mm < 1 || mm > 12) {
			fail(m, "birth_date", "birth_date '%.6s' has no month %02d", p, mm);
			return true;
		}
		if (date_key(y, mm, 1) > date_key(ref->year, ref->month, 1))
			y -= 100;
	}
	m->birth = (struct cor_date){y, mm, 0};
	if (known == 4)
		snprintf(m->birth_date, sizeof(m->birth_date), "%04d-%02d", y, mm);
	else if (known == 2)
		snprintf(m->birth_date, sizeof(m->birth_date), "%04d", y);
	if (got == '0' + want)
		pass(m, "birth_date");
	else
		fail(m, "birth_date", "check digit of birth_date is %s, expected %d",
		     shown(got, buf), want);
	return true;
}

/* --- fields ------------------------------------------------------------ */

/* Is the code at p (3 characters, filler on the right stripped into code) an
 * ICAO country? cor_country_is_icao() answers from static tables, so its
 * answers may be kept: a small cache per thread spares the one or two binary
 * searches a code costs on every document. */
static bool known_country(const char *p, const char *code)
{
	/* A slot holds the three characters and, in bit 24, the answer; 0 is
	 * empty, as no valid character is 0. */
	static _Thread_local uint32_t cache[256];
	uint32_t key = (uint32_t)(unsigned char)p[0] | (uint32_t)(unsigned char)p[1] << 8 |
		       (uint32_t)(unsigned char)p[2] << 16;
	uint32_t *slot = &cache[(key * 2654435761u) >> 24];
	if ((*slot & 0xffffff) == key)
		return *slot >> 24;
	bool ok = cor_country_is_icao(code);
	*slot = key | (uint32_t)ok << 24;
	return ok;
}

static bool country_field(struct cor_mrz *m, const char *name, const char *p, char *code)
{
	copy_trimmed(code, p, 3);
	if (known_country(p, code)) {
		pass(m, name);
		return true;
	}
	fail(m, name, "%s '%.3s' is not an ICAO country code", name, p);
	return false;
}

/* Read the document number and the optional data that follows it (TD1 line 1,
 * TD2, TD3). Returns whether the number is a long one, continued in the
 * optional data: its check position holds '<', the rest of the number and its
 * check digit start the optional data, and a '<' ends them. */
static bool number_field(struct cor_mrz *m, const struct layout *L, const struct mrz_text *t)
{
	const char *num = at(t, L->number);
	const char *opt = at(t, L->opt);
	char got = at(t, L->number_cd)[0];
	size_t cont = 0, opt_from = 0;
	bool is_long = false;

	if (L->long_numbers && got == '<' && num[8] != '<') {
		size_t k = 0;
		while (k < L->opt.len && opt[k] != '<')
			k++;
		if (k >= 2) {
			is_long = true;
			cont = k - 1;
			got = opt[k - 1];
			opt_from = k < L->opt.len ? k + 1 : k;
		}
	}
	/* 9 is a multiple of 3: the continuation's weights start again at 7. */
	unsigned sum = weigh(val_at(t, L->number), 9, 0) + weigh(val_at(t, L->opt), cont, 0);

	char *dst = m->document_number;
	size_t n = 9 + cont;
	assert(n < sizeof(m->document_number));
	memcpy(dst, num, 9);
	memcpy(dst + 9, opt, cont);
	while (n > 0 && dst[n - 1] == '<')
		n--;
	dst[n] = '\0';
	check_digit(m, "document_number", got, (int)(sum % 10));

	assert(L->opt.len - opt_from < sizeof(m->optional_data));
	copy_trimmed(m->optional_data, opt + opt_from, L->opt.len - opt_from);
	return is_long;
}

/* TD3's personal number check digit: '<' is allowed when the field is empty. */
static void optional_check(struct cor_mrz *m, const struct layout *L, const struct mrz_text *t)
{
	const unsigned char *v = val_at(t, L->opt);
	char got = at(t, L->opt_cd)[0];
	unsigned sum = weigh(v, L->opt.len, 0);
	bool empty = true;
	char buf[4];

	for (size_t k = 0; k < L->opt.len; k++)
		if (at(t, L->opt)[k] != '<')
			empty = false;
	int want = (int)(sum % 10);
	if (got == '0' + want || (empty && got == '<'))
		pass(m, "optional_data");
	else if (empty)
		fail(m, "optional_data", "check digit of optional_data is %s, expected 0 or '<'",
		     shown(got, buf));
	else
		check_digit(m, "optional_data", got, want);
}

/* The composite check. For a long document number, readers disagree whether
 * the '<' at the number's check position counts: both readings pass. */
static void composite_check(struct cor_mrz *m, const struct layout *L, const struct mrz_text *t,
			    bool is_long)
{
	const struct span skip = L->number_cd;
	unsigned sa = 0, pa = 0, sb = 0, pb = 0;
	char buf[4];

	for (const struct span *s = L->composite; s->len; s++) {
		const unsigned char *v = val_at(t, *s);
		sa += weigh(v, s->len, pa);
		pa = (pa + s->len) % 3;
		if (!is_long)
			continue;
		if (s->line == skip.line && skip.col >= s->col && skip.col < s->col + s->len) {
			unsigned before = (unsigned)(skip.col - s->col);
			unsigned after = s->len - before - 1;
			sb += weigh(v, before, pb);
			pb = (pb + before) % 3;
			sb += weigh(v + before + 1, after, pb);
			pb = (pb + after) % 3;
		} else {
			sb += weigh(v, s->len, pb);
			pb = (pb + s->len) % 3;
		}
	}
	int want_a = (int)(sa % 10), want_b = (int)(sb % 10);
	char got = at(t, L->composite_cd)[0];
	if (got == '0' + want_a || (is_long && got == '0' + want_b))
		pass(m, "composite");
	else if (is_long && want_a != want_b)
		fail(m, "composite", "check digit of composite is %s, expected %d or %d",
		     shown(got, buf), want_a, want_b);
	else
		check_digit(m, "composite", got, want_a);
}

/* Names: primary and secondary identifiers split at the first "<<"; each
 * '<' run becomes one space, none at either end. */
static void name_part(char *dst, const char *s, size_t n)
{
	/* Most parts are words with single '<' between them: map each '<' to a
	 * space, and take the slow path only for runs or a '<' at either end. */
	bool prev = false, messy = n > 0 && (s[0] == '<' || s[n - 1] == '<');
	for (size_t k = 0; k < n; k++) {
		bool filler = s[k] == '<';
		messy |= prev & filler;
		prev = filler;
		dst[k] = filler ? ' ' : s[k];
	}
	dst[n] = '\0';
	if (!messy)
		return;

	size_t o = 0;
	bool space = false;
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '<') {
			space = o > 0;
			continue;
		}
		if (space)
			dst[o++] = ' ';
		space = false;
		dst[o++] = s[k];
	}
	dst[o] = '\0';
}

/* Do the 8 characters at s hold a '<'? (The zero-byte test, on s ^ '<'.) */
static bool has_filler8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, sizeof(x));
	x ^= 0x3c3c3c3c3c3c3c3cu;
	return ((x - 0x0101010101010101u) & ~x & 0x8080808080808080u) != 0;
}

static void name_field(struct cor_mrz *m, const char *s, size_t n)
{
	static const char fillers[8] = "<<<<<<<<";
	assert(n > 0 && n < sizeof(m->primary_name));
	m->name_truncated = s[n - 1] != '<';
	/* Names are short and the field long: skip filler and letters 8 at a time. */
	while (n >= 8 && !memcmp(s + n - 8, fillers, 8))
		n -= 8;
	while (n > 0 && s[n - 1] == '<')
		n--;
	size_t k = 0;
	while (k + 8 <= n && !has_filler8(s + k))
		k += 8;
	while (k + 1 < n && !(s[k] == '<' && s[k + 1] == '<'))
		k++;
	if (k + 1 >= n) {
		name_part(m->primary_name, s, n);
		m->secondary_name[0] = '\0';
	} else {
		name_part(m->primary_name, s, k);
		name_part(m->secondary_name, s + k + 2, n - k - 2);
	}
}

static void read_document(struct cor_mrz *m, const struct layout *L, const struct mrz_text *t,
			  const struct cor_date *ref)
{
	const char *code = at(t, L->code);
	copy_trimmed(m->document_code, code, 2);
	if (is_letter(code[0]) && (code[1] == '<' || is_letter(code[1])))
		pass(m, "document_code");
	else
		fail(m, "document_code",
		     "document_code '%.2s' is not a letter followed by a "
		     "letter or '<'",
		     code);

	const char *state = at(t, L->state), *nationality = at(t, L->nationality);
	bool state_ok = country_field(m, "issuing_state", state, m->issuing_state);
	bool is_long = number_field(m, L, t);
	if (!memcmp(state, nationality, 3) && state_ok) {
		/* The common case: one lookup serves both. */
		memcpy(m->nationality, m->issuing_state, sizeof(m->nationality));
		pass(m, "nationality");
	} else {
		country_field(m, "nationality", nationality, m->nationality);
	}
	if (!birth_unknown_field(m, t, L->birth, L->birth_cd, ref))
		date_field(m, "birth_date", t, L->birth, L->birth_cd, ref, true, &m->birth,
			   m->birth_date);

	char sex = at(t, L->sex)[0];
	m->sex = sex;
	if (sex == 'M' || sex == 'F' || sex == '<' || sex == 'X')
		pass(m, "sex");
	else
		fail(m, "sex", "sex '%c' is not M, F, X or '<'", sex);

	date_field(m, "expiry_date", t, L->expiry, L->expiry_cd, ref, false, &m->expiry,
		   m->expiry_date);
	if (m->expiry_date[0])
		m->expired = date_key(m->expiry.year, m->expiry.month, m->expiry.day) <
			     date_key(ref->year, ref->month, ref->day);

	if (L->opt_cd.len)
		optional_check(m, L, t);
	if (L->opt2.len)
		copy_trimmed(m->optional_data_2, at(t, L->opt2), L->opt2.len);
	composite_check(m, L, t, is_long);
	name_field(m, at(t, L->name_field), L->name_field.len);
}

/* --- structure --------------------------------------------------------- */

/* Split text into lines, up to max kept; returns how many there are. Trailing
 * blanks ('\r', ' ', '\t') of each line, blank lines at the start and
 * whitespace at the end are dropped. */
static size_t split_lines(const char *text, size_t len, struct line *lines, size_t max)
{
	size_t count = 0, start = 0;
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' ' ||
			   text[len - 1] == '\t'))
		len--;
	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - start;
		while (n > 0 && (text[start + n - 1] == '\r' || text[start + n - 1] == ' ' ||
				 text[start + n - 1] == '\t'))
			n--;
		if (count > 0 || n > 0) {
			if (count < max)
				lines[count] = (struct line){text + start, n};
			count++;
		}
		if (!nl)
			break;
		start = end + 1;
	}
	return count;
}

/* The layout that the line count and lengths call for, or NULL after a
 * failed "format" check. */
static const struct layout *pick_layout(struct cor_mrz *m, const struct line *lines, size_t count)
{
	const struct layout *L;
	if (count == 3) {
		L = &layouts[TD1];
	} else if (count == 2) {
		if (lines[0].n == 44 || (lines[0].n != 36 && lines[1].n == 44))
			L = &layouts[TD3];
		else if (lines[0].n == 36 || lines[1].n == 36)
			L = &layouts[TD2];
		else {
			fail(m, "format",
			     "line 1 has %zu characters, expected 36 (TD2) or 44 (TD3)",
			     lines[0].n);
			return NULL;
		}
	} else if (count == 0) {
		fail(m, "format", "no MRZ text, expected 2 lines (TD2, TD3) or 3 (TD1)");
		return NULL;
	} else {
		fail(m, "format", "expected 2 lines (TD2, TD3) or 3 (TD1), got %zu", count);
		return NULL;
	}
	for (size_t i = 0; i < L->lines; i++) {
		if (lines[i].n != L->width) {
			fail(m, "format", "line %zu has %zu characters, expected %d (%s)", i + 1,
			     lines[i].n, L->width, L->name);
			return NULL;
		}
	}
	pass(m, "format");
	return L;
}

typedef unsigned char u8x16 __attribute__((vector_size(16)));

/* The values of the 16 characters at p into v, 16 at a time (GCC and Clang
 * vector extensions). Returns a lane of 0xff for each invalid character. */
static u8x16 values16(const char *p, unsigned char *v)
{
	u8x16 c;
	memcpy(&c, p, sizeof(c));
	u8x16 digit = c - (unsigned char)'0', letter = c - (unsigned char)'A';
	u8x16 digits = (u8x16)(digit < 10), letters = (u8x16)(letter < 26);
	u8x16 val = (digit & digits) | ((letter + 10) & letters);
	memcpy(v, &val, sizeof(val));
	return ~(digits | letters | (u8x16)(c == '<'));
}

/* Check that every character is A-Z, 0-9 or '<' and keep their values. Lines
 * are 30 to 44 characters long: the last 16 of a line may overlap the ones
 * before them. */
static bool characters_ok(struct cor_mrz *m, struct mrz_text *t, size_t count)
{
	u8x16 invalid = {0};
	for (size_t i = 0; i < count; i++) {
		size_t n = t->line[i].n;
		assert(n >= 16 && n <= sizeof(t->val[i]));
		for (size_t off = 0;; off += 16) {
			if (off + 16 > n)
				off = n - 16;
			invalid |= values16(t->line[i].p + off, t->val[i] + off);
			if (off + 16 == n)
				break;
		}
	}
	uint64_t half[2];
	memcpy(half, &invalid, sizeof(half));
	if (!(half[0] | half[1])) {
		pass(m, "characters");
		return true;
	}

	size_t bad = 0, bad_line = 0, bad_col = 0;
	for (size_t i = 0; i < count; i++) {
		for (size_t k = 0; k < t->line[i].n; k++) {
			if (char_value[(unsigned char)t->line[i].p[k]])
				continue;
			if (bad++ == 0) {
				bad_line = i;
				bad_col = k;
			}
		}
	}
	unsigned char c = (unsigned char)t->line[bad_line].p[bad_col];
	char what[16];
	if (c >= 0x20 && c < 0x7f)
		snprintf(what, sizeof(what), "'%c'", c);
	else
		snprintf(what, sizeof(what), "byte 0x%02x", c);
	if (bad == 1)
		fail(m, "characters", "line %zu position %zu: %s is not A-Z, 0-9 or '<'",
		     bad_line + 1, bad_col + 1, what);
	else
		fail(m, "characters", "line %zu position %zu: %s is not A-Z, 0-9 or '<' (%zu more)",
		     bad_line + 1, bad_col + 1, what, bad - 1);
	return false;
}

static void reset(struct cor_mrz *m)
{
	m->format = COR_MRZ_UNKNOWN;
	m->valid = true;
	m->document_code[0] = '\0';
	m->issuing_state[0] = '\0';
	m->document_number[0] = '\0';
	m->nationality[0] = '\0';
	m->birth_date[0] = '\0';
	m->birth_unknown = false;
	m->sex = '\0';
	m->expiry_date[0] = '\0';
	m->expired = false;
	m->optional_data[0] = '\0';
	m->optional_data_2[0] = '\0';
	m->primary_name[0] = '\0';
	m->secondary_name[0] = '\0';
	m->name_truncated = false;
	m->birth = (struct cor_date){0, 0, 0};
	m->expiry = (struct cor_date){0, 0, 0};
	m->n_checks = 0;
}

/* --- public ------------------------------------------------------------ */

int cor_mrz_parse(struct cor_mrz *out, const char *text, size_t len, struct cor_date ref)
{
	struct mrz_text t;

	reset(out);
	if (!cor_date_is_valid(ref.year, ref.month, ref.day)) {
		fail(out, "reference_date", "the reference date is not a real date");
		return COR_EINVAL;
	}
	size_t count = split_lines(text ? text : "", text ? len : 0, t.line, 3);
	const struct layout *L = pick_layout(out, t.line, count);
	if (!L || !characters_ok(out, &t, L->lines)) {
		assert(!out->valid);
		return COR_EINVAL;
	}
	out->format = L->format;
	read_document(out, L, &t, &ref);
	return out->valid ? 0 : COR_EINVAL;
}

int cor_mrz_check_digit(const char *s, size_t len)
{
	static const unsigned char w[3] = {7, 3, 1};
	unsigned sum = 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char x = char_value[(unsigned char)s[k]];
		if (!x)
			return COR_EINVAL;
		sum += (unsigned)(x - 1) * w[k % 3];
	}
	return (int)(sum % 10);
}

const struct cor_mrz_check *cor_mrz_find_check(const struct cor_mrz *m, const char *name)
{
	for (int i = 0; i < m->n_checks; i++)
		if (!strcmp(m->checks[i].name, name))
			return &m->checks[i];
	return NULL;
}

const char *cor_mrz_format_name(enum cor_mrz_format f)
{
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].format == f)
			return layouts[i].name;
	return "unknown";
}

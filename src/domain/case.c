// SPDX-License-Identifier: Apache-2.0
// Tables of the case vocabulary and the identifier formats. Every list here
// is data: adding a programme or a state is a row, not a branch.
#include "domain/case.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

const char *const cor_states[] = {
	"registered",  "counselled",    "assessed",    "eligible", "ineligible",
	"on_hold",     "submitted",     "interviewed", "accepted", "rejected",
	"orientation", "travel_ready",  "booked",      "departed", "no_show",
	"arrived",     "reintegration", "integration", "closed",
};
const size_t cor_states_len = ROWS(cor_states);

/* The usual path of each programme; the branches off it (ineligible,
 * on_hold, rejected, no_show) are allowed wherever the path is. */
static const char *const path_return[] = {"registered",    "counselled", "assessed", "eligible",
					  "travel_ready",  "booked",     "departed", "arrived",
					  "reintegration", "closed",     NULL};
static const char *const path_evacuation[] = {"registered",   "assessed", "eligible",
					      "travel_ready", "booked",   "departed",
					      "arrived",      "closed",   NULL};
static const char *const path_stranded[] = {"registered",   "counselled", "assessed", "eligible",
					    "travel_ready", "booked",     "departed", "arrived",
					    "closed",       NULL};
static const char *const path_admission[] = {
	"registered",  "counselled", "assessed",    "eligible",     "submitted",
	"interviewed", "accepted",   "orientation", "travel_ready", "booked",
	"departed",    "arrived",    "integration", "closed",       NULL};
static const char *const path_relocation[] = {
	"registered", "counselled",  "assessed",     "eligible", "submitted",
	"accepted",   "orientation", "travel_ready", "booked",   "departed",
	"arrived",    "integration", "closed",       NULL};

const struct cor_programme cor_programmes[] = {
	{"HEV", "international humanitarian evacuation", false, false, path_evacuation},
	{"VHR", "voluntary humanitarian return", true, false, path_return},
	{"AVR", "assisted voluntary return and reintegration", true, false, path_return},
	{"REP", "voluntary repatriation of refugees", true, false, path_return},
	{"HASM", "humanitarian assistance to stranded migrants", false, false, path_stranded},
	{"RST", "resettlement to a third state", false, true, path_admission},
	{"REL", "relocation inside the EU", false, true, path_relocation},
	{"CPW", "complementary pathways", false, true, path_admission},
};
const size_t cor_programmes_len = ROWS(cor_programmes);

const struct cor_programme *cor_programme_find(const char *code)
{
	for (size_t i = 0; i < ROWS(cor_programmes); i++)
		if (!strcmp(cor_programmes[i].code, code))
			return &cor_programmes[i];
	return NULL;
}

bool cor_state_is_valid(const char *state)
{
	for (size_t i = 0; i < ROWS(cor_states); i++)
		if (!strcmp(cor_states[i], state))
			return true;
	return false;
}

bool cor_programme_has_state(const struct cor_programme *p, const char *state)
{
	static const char *const branches[] = {"ineligible", "on_hold", "no_show"};
	for (const char *const *s = p->path; *s; s++)
		if (!strcmp(*s, state))
			return true;
	for (size_t i = 0; i < ROWS(branches); i++)
		if (!strcmp(branches[i], state))
			return true;
	return p->is_admission && !strcmp(state, "rejected");
}

static const char *const priorities[] = {"normal", "urgent", "emergency"};

const char *cor_priority_name(enum cor_priority p)
{
	return (unsigned)p < ROWS(priorities) ? priorities[p] : "?";
}

/* Find s in a table of names; the index or -1. */
static int lookup(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], s))
			return (int)i;
	return -1;
}

int cor_priority_parse(const char *s, enum cor_priority *out)
{
	int i = lookup(priorities, ROWS(priorities), s);
	if (i < 0)
		return COR_EINVAL;
	*out = (enum cor_priority)i;
	return 0;
}

static const char *const relationships[] = {
	"principal", "spouse",      "child",      "stepchild",      "parent",
	"sibling",   "grandparent", "grandchild", "other_relative", "unrelated",
};

const char *cor_relationship_name(enum cor_relationship r)
{
	return (unsigned)r < ROWS(relationships) ? relationships[r] : "?";
}

int cor_relationship_parse(const char *s, enum cor_relationship *out)
{
	int i = lookup(relationships, ROWS(relationships), s);
	if (i < 0)
		return COR_EINVAL;
	*out = (enum cor_relationship)i;
	return 0;
}

/* Whole years from a to b (negative when b is before a). */
static int years_between(struct cor_date a, struct cor_date b)
{
	return cor_date_cmp(a, b) <= 0 ? cor_date_age(a, b) : -cor_date_age(b, a);
}

int cor_relationship_check(enum cor_relationship rel, struct cor_date birth, bool approx,
			   struct cor_date principal, bool principal_approx, char *msg, size_t len)
{
	int slack = approx || principal_approx ? COR_BIRTH_APPROX_YEARS : 0;
	int least;    /* years younger (positive) or older (negative) at least */
	bool younger; /* the person is the younger generation */
	switch (rel) {
	case COR_REL_CHILD:
		least = COR_GENERATION_YEARS, younger = true;
		break;
	case COR_REL_GRANDCHILD:
		least = 2 * COR_GENERATION_YEARS, younger = true;
		break;
	case COR_REL_PARENT:
		least = COR_GENERATION_YEARS, younger = false;
		break;
	case COR_REL_GRANDPARENT:
		least = 2 * COR_GENERATION_YEARS, younger = false;
		break;
	case COR_REL_STEPCHILD:
		least = 0, younger = true;
		break;
	default:
		return 0;
	}
	/* How many years the person is younger (or older) than the principal. */
	int gap = younger ? years_between(principal, birth) : years_between(birth, principal);
	bool strict = least == 0; /* a stepchild: younger at all */
	int need = least > slack ? least - slack : 0;
	bool ok = strict ? cor_date_cmp(birth, principal) > 0 || slack > 0 : gap >= need;
	if (ok)
		return 0;
	char pd[COR_DATE_LEN];
	cor_date_format(principal, pd);
	const char *dir = younger ? "younger" : "older";
	const char *than = gap >= 0 ? dir : (younger ? "older" : "younger");
	int shown = gap >= 0 ? gap : -gap;
	if (strict)
		snprintf(msg, len,
			 "a stepchild is younger than the principal applicant, born %s; this one "
			 "is not",
			 pd);
	else
		snprintf(msg, len,
			 "a %s is at least %d years %s than the principal applicant, born %s%s; "
			 "this one is %d year%s %s",
			 cor_relationship_name(rel), need, dir, pd,
			 slack ? " (allowing for an estimated date)" : "", shown,
			 shown == 1 ? "" : "s", than);
	return COR_EINVAL;
}

static const char *const doc_kinds[] = {
	"", "passport", "id_card", "etd", "laissez_passer", "exit_permit", "visa", "refugee_td",
};

const char *cor_doc_kind_name(enum cor_doc_kind k)
{
	return (unsigned)k < ROWS(doc_kinds) ? doc_kinds[k] : "?";
}

int cor_doc_kind_parse(const char *s, enum cor_doc_kind *out)
{
	int i = lookup(doc_kinds, ROWS(doc_kinds), s);
	if (i < 0)
		return COR_EINVAL;
	*out = (enum cor_doc_kind)i;
	return 0;
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

bool cor_office_code_is_valid(const char *code)
{
	return strlen(code) == 6 && is_upper(code[0]) && is_upper(code[1]) && code[2] == '-' &&
	       is_upper(code[3]) && is_upper(code[4]) && is_upper(code[5]);
}

void cor_case_ref_format(char *buf, size_t len, const char *office, int year, long seq)
{
	snprintf(buf, len, "%s-%04d-%06ld", office, year, seq);
}

int cor_case_ref_parse(const char *ref, char office[8], int *year, long *seq)
{
	size_t n = strlen(ref);
	if (n < 18 || n >= COR_CASE_REF_MAX || ref[6] != '-' || ref[11] != '-')
		return COR_EINVAL;
	char code[7];
	memcpy(code, ref, 6);
	code[6] = '\0';
	if (!cor_office_code_is_valid(code))
		return COR_EINVAL;
	int y = 0;
	for (int i = 7; i < 11; i++) {
		if (ref[i] < '0' || ref[i] > '9')
			return COR_EINVAL;
		y = y * 10 + (ref[i] - '0');
	}
	long s = 0;
	for (size_t i = 12; i < n; i++) {
		if (ref[i] < '0' || ref[i] > '9')
			return COR_EINVAL;
		s = s * 10 + (ref[i] - '0');
	}
	if (y < 1900 || s < 1)
		return COR_EINVAL;
	memcpy(office, code, 7);
	*year = y;
	*seq = s;
	return 0;
}

void cor_person_ref_format(char *buf, size_t len, const char *case_ref, int seq)
{
	snprintf(buf, len, "%s-%02d", case_ref, seq);
}

/* Decode one UTF-8 sequence at s; the code point, or -1 when malformed.
 * *len gets the number of bytes. */
static long utf8_next(const unsigned char *s, int *len)
{
	unsigned c = s[0];
	long cp;
	int n;
	if (c < 0x80) {
		*len = 1;
		return c;
	} else if ((c & 0xE0) == 0xC0) {
		cp = c & 0x1F, n = 2;
	} else if ((c & 0xF0) == 0xE0) {
		cp = c & 0x0F, n = 3;
	} else if ((c & 0xF8) == 0xF0) {
		cp = c & 0x07, n = 4;
	} else {
		return -1;
	}
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and out-of-range points are malformed. */
	static const long min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = n;
	return cp;
}

bool cor_text_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n;
		long cp = utf8_next(p, &n);
		if (cp < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return false;
		p += n;
	}
	return true;
}

bool cor_text_is_latin(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n;
		long cp = utf8_next(p, &n);
		bool ok = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == ' ' ||
			  cp == '-' || cp == '\'' || cp == '.' ||
			  (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
		if (!ok)
			return false;
		p += n;
	}
	return true;
}

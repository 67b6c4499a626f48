// SPDX-License-Identifier: Apache-2.0
// Document rules: travel documents, what a record must hold, validity for a
// travel date plus a margin, and MRZ documents against the person record.
// Sentences name the document's kind and holder so that a caseworker reads
// them without the record at hand.
#include "domain/document.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const source_names[COR_DOC_SOURCE__N] = {"import", "manual", "mrz"};

#define KIND_BIT(k) (1u << (unsigned)(k))
#define TRAVEL_KINDS                                                                               \
	(KIND_BIT(COR_DOC_PASSPORT) | KIND_BIT(COR_DOC_ID_CARD) | KIND_BIT(COR_DOC_ETD) |          \
	 KIND_BIT(COR_DOC_LAISSEZ_PASSER) | KIND_BIT(COR_DOC_REFUGEE_TD))

/* MRZ document codes (first letter) and the kinds they can be. */
static const struct {
	char code;
	enum cor_doc_kind usual;
	unsigned allowed;
	const char *allowed_text;
} mrz_codes[] = {
	{'P', COR_DOC_PASSPORT,
	 KIND_BIT(COR_DOC_PASSPORT) | KIND_BIT(COR_DOC_ETD) | KIND_BIT(COR_DOC_LAISSEZ_PASSER) |
		 KIND_BIT(COR_DOC_REFUGEE_TD),
	 "passport, etd, laissez_passer or refugee_td"},
	{'I', COR_DOC_ID_CARD, KIND_BIT(COR_DOC_ID_CARD), "id_card"},
	{'A', COR_DOC_ID_CARD, KIND_BIT(COR_DOC_ID_CARD), "id_card"},
	{'C', COR_DOC_ID_CARD, KIND_BIT(COR_DOC_ID_CARD), "id_card"},
	{'V', COR_DOC_VISA, KIND_BIT(COR_DOC_VISA), "visa"},
};

static int issue(struct cor_document_issue *is, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int issue(struct cor_document_issue *is, const char *field, const char *fmt, ...)
{
	va_list ap;
	is->field = field;
	va_start(ap, fmt);
	vsnprintf(is->message, sizeof(is->message), fmt, ap);
	va_end(ap);
	return COR_EINVAL;
}

const char *cor_doc_source_name(enum cor_doc_source s)
{
	return (unsigned)s < COR_DOC_SOURCE__N ? source_names[s] : "?";
}

int cor_doc_source_parse(const char *s, enum cor_doc_source *out)
{
	for (size_t i = 0; i < ROWS(source_names); i++)
		if (!strcmp(s, source_names[i])) {
			*out = (enum cor_doc_source)i;
			return 0;
		}
	return COR_EINVAL;
}

bool cor_document_is_travel(enum cor_doc_kind k)
{
	return (unsigned)k < COR_DOC__N && (TRAVEL_KINDS & KIND_BIT(k));
}

char *cor_document_holder(const struct cor_person *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", p->given_names_latin,
		 p->given_names_latin[0] && p->family_name_latin[0] ? " " : "",
		 p->family_name_latin);
	return buf;
}

int cor_document_issues(const struct cor_document *d, const struct cor_person *holder,
			struct cor_document_issue issues[COR_DOCUMENT_ISSUES_MAX])
{
	char a[COR_DATE_LEN], b[COR_DATE_LEN];
	int n = 0;
	if (d->kind == COR_DOC_NONE || (unsigned)d->kind >= COR_DOC__N)
		issue(&issues[n++], "kind",
		      "give one of passport, id_card, etd, laissez_passer, exit_permit, visa, "
		      "refugee_td");
	if (!d->number[0])
		issue(&issues[n++], "number", "is empty");
	for (const char *c = d->number; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'))) {
			issue(&issues[n++], "number", "'%s' may hold only A-Z and 0-9", d->number);
			break;
		}
	if (!cor_country_is_iso3(d->issuer))
		issue(&issues[n++], "issuer", "'%s' is not an ISO 3166-1 alpha-3 country code",
		      d->issuer);
	if (d->has_expiry && holder && cor_date_cmp(d->expires_on, holder->birth_date) <= 0)
		issue(&issues[n++], "expires", "%s is not after the holder's birth date %s",
		      cor_date_format(d->expires_on, a), cor_date_format(holder->birth_date, b));
	return n;
}

int cor_document_validate(const struct cor_document *d, const struct cor_person *holder,
			  struct cor_document_issue *is)
{
	struct cor_document_issue all[COR_DOCUMENT_ISSUES_MAX];
	if (cor_document_issues(d, holder, all) == 0)
		return 0;
	*is = all[0];
	return COR_EINVAL;
}

bool cor_document_same(const struct cor_document *a, const struct cor_document *b)
{
	return a->kind == b->kind && !strcmp(a->number, b->number) && !strcmp(a->issuer, b->issuer);
}

char *cor_document_event_detail(const struct cor_document *d, enum cor_doc_source source,
				const char *person_ref, char *buf, size_t len)
{
	char date[COR_DATE_LEN];
	snprintf(buf, len, "%s %s issued by %s%s%s added for %s (%s)", cor_doc_kind_name(d->kind),
		 d->number, d->issuer, d->has_expiry ? ", expires " : "",
		 d->has_expiry ? cor_date_format(d->expires_on, date) : "", person_ref,
		 source == COR_DOC_SOURCE_MRZ ? "read from the MRZ" : "entered by hand");
	return buf;
}

bool cor_document_expired(const struct cor_document *d, struct cor_date today)
{
	return d->has_expiry && cor_date_cmp(d->expires_on, today) < 0;
}

bool cor_document_valid_for_travel(const struct cor_document *d, const char *holder,
				   struct cor_date travel, int margin_days, char *msg, size_t len)
{
	char exp[COR_DATE_LEN], on[COR_DATE_LEN];
	if (len)
		msg[0] = '\0';
	if (!d->has_expiry)
		return true;
	int32_t e = cor_date_to_days(d->expires_on), t = cor_date_to_days(travel);
	if (e < t) {
		snprintf(msg, len, "%s of %s expires %s, before travel on %s",
			 cor_doc_kind_name(d->kind), holder, cor_date_format(d->expires_on, exp),
			 cor_date_format(travel, on));
		return false;
	}
	if (e - t < margin_days) {
		snprintf(msg, len, "%s of %s expires %s, less than %d day%s after travel on %s",
			 cor_doc_kind_name(d->kind), holder, cor_date_format(d->expires_on, exp),
			 margin_days, margin_days == 1 ? "" : "s", cor_date_format(travel, on));
		return false;
	}
	return true;
}

bool cor_document_person_can_travel(const struct cor_person *p, const struct cor_document *docs,
				    int n, struct cor_date travel, int margin_days, int *which,
				    char *msg, size_t len)
{
	char holder[2 * COR_NAME_MAX + 2], others[96] = "";
	int last = -1; /* the travel document that expires last */
	size_t o = 0;

	if (which)
		*which = -1;
	if (len)
		msg[0] = '\0';
	cor_document_holder(p, holder, sizeof(holder));
	for (int i = 0; i < n; i++) {
		if (!cor_document_is_travel(docs[i].kind)) {
			if (o < sizeof(others))
				o += (size_t)snprintf(others + o, sizeof(others) - o, "%s%s",
						      o ? ", " : "",
						      cor_doc_kind_name(docs[i].kind));
			continue;
		}
		if (cor_document_valid_for_travel(&docs[i], holder, travel, margin_days, NULL, 0)) {
			if (which)
				*which = i;
			return true;
		}
		if (last < 0 || cor_date_cmp(docs[i].expires_on, docs[last].expires_on) > 0)
			last = i;
	}
	if (last >= 0)
		cor_document_valid_for_travel(&docs[last], holder, travel, margin_days, msg, len);
	else if (n == 0)
		snprintf(msg, len, "%s holds no document", holder);
	else
		snprintf(msg, len, "%s holds no travel document (holds: %s)", holder, others);
	return false;
}

/* An MRZ country code as an ISO alpha-3 code: ICAO's "D" is Germany. */
static const char *iso_of(const char *icao)
{
	return strcmp(icao, "D") ? icao : "DEU";
}

int cor_document_from_mrz(const struct cor_mrz *m, enum cor_doc_kind kind, struct cor_document *out,
			  struct cor_document_issue *is)
{
	size_t i;
	memset(out, 0, sizeof(*out));
	for (i = 0; i < ROWS(mrz_codes); i++)
		if (m->document_code[0] == mrz_codes[i].code)
			break;
	if (i == ROWS(mrz_codes)) {
		if (kind == COR_DOC_NONE)
			return issue(
				is, "document_code",
				"'%s' does not say which kind of document this is: give the kind",
				m->document_code);
	} else if (kind == COR_DOC_NONE) {
		kind = mrz_codes[i].usual;
	} else if (!(mrz_codes[i].allowed & KIND_BIT(kind))) {
		return issue(is, "kind", "MRZ code '%s' is for %s, not %s", m->document_code,
			     mrz_codes[i].allowed_text, cor_doc_kind_name(kind));
	}
	const char *issuer = iso_of(m->issuing_state);
	if (!cor_country_is_iso3(issuer))
		return issue(is, "issuing_state", "'%s' is not an ISO 3166-1 alpha-3 country code",
			     m->issuing_state);
	if (strlen(m->document_number) > COR_DOCNO_MAX)
		return issue(is, "document_number", "'%s' is longer than %d characters",
			     m->document_number, COR_DOCNO_MAX);
	out->kind = kind;
	snprintf(out->number, sizeof(out->number), "%s", m->document_number);
	memcpy(out->issuer, issuer, 4);
	if (m->expiry_date[0]) {
		out->has_expiry = true;
		out->expires_on = m->expiry;
	}
	return 0;
}

/* A sex as the MRZ writes it, for a sentence. */
static const char *sex_text(char sex)
{
	switch (sex) {
	case 'F':
		return "F";
	case 'M':
		return "M";
	case 'X':
		return "X";
	case '<':
		return "'<' (unspecified)";
	default:
		return "nothing";
	}
}

/* name as the MRZ writes it into out: ASCII letters in upper case, an
 * apostrophe dropped, every other run of characters one space, none at the
 * ends. false when name holds a byte beyond ASCII: its transliteration is the
 * issuer's, and no comparison is made. */
static bool mrz_name(const char *name, char *out, size_t len)
{
	size_t o = 0;
	bool space = false;
	for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
		if (*c >= 0x80)
			return false;
		if (*c == '\'')
			continue;
		bool letter = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z');
		if (!letter) {
			space = o > 0;
			continue;
		}
		if (space && o + 1 < len)
			out[o++] = ' ';
		space = false;
		if (o + 1 < len)
			out[o++] = (char)(*c >= 'a' ? *c - 'a' + 'A' : *c);
	}
	out[o] = '\0';
	return true;
}

/* Does the MRZ's name agree with the record's family and given names
 * (record gets the record's name as the MRZ would write it)? A
 * name field filled to its end may be cut: the record's name then need only
 * begin with it. */
static bool names_agree(const struct cor_mrz *m, const struct cor_person *p, char *record,
			size_t len)
{
	char family[2 * COR_NAME_MAX + 2], given[2 * COR_NAME_MAX + 2], mrz[96];
	if (!mrz_name(p->family_name_latin, family, sizeof(family)) ||
	    !mrz_name(p->given_names_latin, given, sizeof(given)))
		return true;
	if (!family[0]) { /* one name: ICAO writes it as the primary identifier */
		memcpy(family, given, sizeof(family));
		given[0] = '\0';
	}
	snprintf(record, len, "%s%s%s", family, given[0] ? ", " : "", given);
	if (!m->name_truncated)
		return !strcmp(m->primary_name, family) && !strcmp(m->secondary_name, given);
	snprintf(mrz, sizeof(mrz), "%s%s%s", m->primary_name, m->secondary_name[0] ? ", " : "",
		 m->secondary_name);
	return !strncmp(record, mrz, strlen(mrz));
}

int cor_document_mrz_mismatches(const struct cor_mrz *m, const struct cor_person *p,
				struct cor_document_issue issues[COR_DOCUMENT_MRZ_ISSUES])
{
	char a[COR_DATE_LEN], record[4 * COR_NAME_MAX + 8];
	int n = 0;
	if (!names_agree(m, p, record, sizeof(record)))
		issue(&issues[n++], "name", "the MRZ says %s%s%s%s, the person record says %s",
		      m->primary_name, m->secondary_name[0] ? ", " : "", m->secondary_name,
		      m->name_truncated ? " (cut short)" : "", record);
	if (strcmp(iso_of(m->nationality), p->nationality))
		issue(&issues[n++], "nationality", "the MRZ says %s, the person record says %s",
		      m->nationality, p->nationality);
	/* What the MRZ leaves unknown ('<') agrees with any date. */
	bool born_same = m->birth_unknown
				 ? (!m->birth.year || m->birth.year == p->birth_date.year) &&
					   (!m->birth.month || p->birth_date_approx ||
					    m->birth.month == p->birth_date.month)
			 : p->birth_date_approx ? m->birth.year == p->birth_date.year
						: cor_date_cmp(m->birth, p->birth_date) == 0;
	if (!born_same) {
		if (p->birth_date_approx)
			issue(&issues[n++], "birth_date",
			      "the MRZ says %s, the person record says born in %d (approximate)",
			      m->birth_date[0] ? m->birth_date : "no date", p->birth_date.year);
		else
			issue(&issues[n++], "birth_date",
			      "the MRZ says %s, the person record says %s",
			      m->birth_date[0] ? m->birth_date : "no date",
			      cor_date_format(p->birth_date, a));
	}
	bool sex_same = m->sex == p->sex || (p->sex == 'X' && m->sex == '<');
	if (!sex_same)
		issue(&issues[n++], "sex", "the MRZ says %s, the person record says %c",
		      sex_text(m->sex), p->sex);
	return n;
}

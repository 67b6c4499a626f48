// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness for the persons CSV reader. Any bytes must be read
// without a crash, and every row handed to the callback must keep the
// reader's promises: a line number past the header that never goes back,
// issues that name a column and say something, and for a row without issues
// values that pass every rule of src/domain, and that the writer writes back
// to the same values. A file refused as a whole says why, naming the file; messages hold
// no control characters. Seed it with fuzz/seeds/persons_csv and
// tests/cli/data/*.csv to go deep fast. Built by CMake with -DCOR_FUZZ=ON
// (CC=clang), or by hand:
//   clang -std=c17 -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE
//     -Isrc fuzz/fuzz_persons_csv.c src/io/persons_csv.c
//     src/domain/{case,country,iso_tables,date,needs}.c src/util/error.c -lcsv -lm
//
// Checks use abort(), not assert(): they hold in release builds too.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "domain/country.h"
#include "domain/date.h"
#include "domain/needs.h"
#include "io/persons_csv.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                                   \
	do {                                                                                       \
		if (!(x)) {                                                                        \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #x);  \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

#define TERMINATED(buf) CHECK(memchr((buf), '\0', sizeof(buf)) != NULL)

static const struct cor_date today = {2026, 1, 15};

struct ctx {
	long last_line;
	int depth;                          /* 1 inside the round trip of a row */
	const struct cor_persons_row *want; /* the row the round trip must give back */
	int rows;
};

static bool is_column(const char *c)
{
	for (int i = 0; cor_persons_csv_columns[i]; i++)
		if (!strcmp(cor_persons_csv_columns[i], c))
			return true;
	return false;
}

static bool no_controls(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
			return false;
	return true;
}

static bool date_ok(struct cor_date d)
{
	return cor_date_is_valid(d.year, d.month, d.day);
}

static void check_valid_row(const struct cor_persons_row *r)
{
	const struct cor_case *c = &r->c;
	const struct cor_person *p = &r->p;
	const struct cor_document *d = &r->d;
	char office[8];
	int year;
	long seq;

	TERMINATED(c->ref);
	TERMINATED(c->programme);
	TERMINATED(c->office);
	TERMINATED(c->origin);
	TERMINATED(c->destination);
	TERMINATED(c->state);
	CHECK(cor_case_ref_parse(c->ref, office, &year, &seq) == 0);
	CHECK(cor_office_code_is_valid(c->office));
	CHECK(!strcmp(office, c->office));
	const struct cor_programme *prog = cor_programme_find(c->programme);
	CHECK(prog != NULL);
	CHECK(cor_state_is_valid(c->state));
	CHECK(cor_programme_has_state(prog, c->state));
	CHECK(cor_country_is_iso3(c->origin));
	CHECK(cor_country_is_iso3(c->destination));
	CHECK((unsigned)c->priority < COR_PRIO__N);
	CHECK(date_ok(c->registered_on));
	CHECK(cor_date_cmp(c->registered_on, today) <= 0);

	CHECK(p->seq >= 1 && p->seq <= 99);
	CHECK((unsigned)p->relationship < COR_REL__N);
	CHECK((p->seq == 1) == (p->relationship == COR_REL_PRINCIPAL));
	TERMINATED(p->family_name);
	TERMINATED(p->given_names);
	TERMINATED(p->family_name_latin);
	TERMINATED(p->given_names_latin);
	CHECK(cor_text_is_clean(p->family_name) && cor_text_is_clean(p->given_names));
	CHECK(cor_text_is_clean(p->family_name_latin) && cor_text_is_clean(p->given_names_latin));
	CHECK(cor_text_is_latin(p->family_name_latin) && cor_text_is_latin(p->given_names_latin));
	CHECK(p->given_names_latin[0] != '\0');
	CHECK(p->sex == 'F' || p->sex == 'M' || p->sex == 'X');
	CHECK(date_ok(p->birth_date));
	CHECK(cor_date_cmp(p->birth_date, today) <= 0 && p->birth_date.year >= 1900);
	TERMINATED(p->nationality);
	CHECK(cor_nationality_is_valid(p->nationality));
	TERMINATED(p->languages);
	TERMINATED(p->needs);
	CHECK(cor_language_list_is_valid(p->languages, NULL));
	CHECK(cor_need_list_is_valid(p->needs, NULL));

	CHECK((unsigned)d->kind < COR_DOC__N);
	TERMINATED(d->number);
	TERMINATED(d->issuer);
	if (d->kind == COR_DOC_NONE) {
		CHECK(d->number[0] == '\0' && d->issuer[0] == '\0' && !d->has_expiry);
	} else {
		CHECK(d->number[0] != '\0');
		for (const char *n = d->number; *n; n++)
			CHECK((*n >= 'A' && *n <= 'Z') || (*n >= '0' && *n <= '9'));
		CHECK(cor_country_is_iso3(d->issuer));
	}
	if (d->has_expiry) {
		CHECK(date_ok(d->expires_on));
		CHECK(cor_date_cmp(d->expires_on, p->birth_date) > 0);
	}
}

static bool same_date(struct cor_date a, struct cor_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void check_same(const struct cor_persons_row *a, const struct cor_persons_row *b)
{
	CHECK(!strcmp(a->c.ref, b->c.ref));
	CHECK(!strcmp(a->c.programme, b->c.programme));
	CHECK(!strcmp(a->c.office, b->c.office));
	CHECK(!strcmp(a->c.origin, b->c.origin));
	CHECK(!strcmp(a->c.destination, b->c.destination));
	CHECK(!strcmp(a->c.state, b->c.state));
	CHECK(a->c.priority == b->c.priority);
	CHECK(same_date(a->c.registered_on, b->c.registered_on));
	CHECK(a->p.seq == b->p.seq);
	CHECK(a->p.relationship == b->p.relationship);
	CHECK(!strcmp(a->p.family_name, b->p.family_name));
	CHECK(!strcmp(a->p.given_names, b->p.given_names));
	CHECK(!strcmp(a->p.family_name_latin, b->p.family_name_latin));
	CHECK(!strcmp(a->p.given_names_latin, b->p.given_names_latin));
	CHECK(a->p.sex == b->p.sex);
	CHECK(same_date(a->p.birth_date, b->p.birth_date));
	CHECK(a->p.birth_date_approx == b->p.birth_date_approx);
	CHECK(!strcmp(a->p.nationality, b->p.nationality));
	CHECK(!strcmp(a->p.languages, b->p.languages));
	CHECK(!strcmp(a->p.needs, b->p.needs));
	CHECK(a->d.kind == b->d.kind);
	CHECK(!strcmp(a->d.number, b->d.number));
	CHECK(!strcmp(a->d.issuer, b->d.issuer));
	CHECK(a->d.has_expiry == b->d.has_expiry);
	if (a->d.has_expiry)
		CHECK(same_date(a->d.expires_on, b->d.expires_on));
	CHECK(!strcmp(a->cr.location, b->cr.location));
	CHECK(a->cr.counselled == b->cr.counselled);
	if (a->cr.counselled) {
		CHECK(!strcmp(a->cr.counsellor, b->cr.counsellor));
		CHECK(!strcmp(a->cr.language, b->cr.language));
		CHECK(a->cr.interpreter == b->cr.interpreter);
		CHECK(a->cr.decision == b->cr.decision);
	}
	CHECK(a->pr.assessed == b->pr.assessed);
	if (a->pr.assessed)
		CHECK(a->pr.risk == b->pr.risk);
	CHECK(a->pr.cleared == b->pr.cleared);
	CHECK(a->pr.pre_migration == b->pr.pre_migration);
	if (a->pr.pre_migration) {
		CHECK(a->pr.pm.outcome == b->pr.pm.outcome);
		CHECK(a->pr.pm.at == b->pr.pm.at);
		CHECK(!strcmp(a->pr.pm.examiner, b->pr.pm.examiner));
		CHECK(a->pr.pm.conditions == b->pr.pm.conditions);
		CHECK(a->pr.pm.tb == b->pr.pm.tb);
	}
}

static int on_row(struct cor_persons_row *r, void *arg);

/* Write a valid row with the writer and read it back: the same values. */
static void round_trip(const struct cor_persons_row *r)
{
	char *buf = NULL, msg[512];
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	CHECK(m != NULL);
	cor_persons_csv_write_header(m);
	cor_persons_csv_write_row(m, &r->c, &r->cr, &r->p, &r->pr, &r->d);
	CHECK(fclose(m) == 0);
	FILE *in = fmemopen(buf, len, "r");
	CHECK(in != NULL);
	struct ctx again = {.depth = 1, .want = r};
	int rc = cor_persons_csv_read(in, "again.csv", today, on_row, &again, msg, sizeof(msg));
	fclose(in);
	if (rc != 0 || again.rows != 1)
		fprintf(stderr, "round trip: rc %d rows %d msg '%s'\n%s", rc, again.rows, msg, buf);
	CHECK(rc == 0);
	CHECK(again.rows == 1);
	free(buf);
}

static int on_row(struct cor_persons_row *r, void *arg)
{
	struct ctx *x = arg;
	x->rows++;
	CHECK(r->line >= 2);
	CHECK(r->line >= x->last_line); /* a lone CR ends a row inside a line */
	x->last_line = r->line;
	CHECK(r->nissues >= 0);
	CHECK(r->nfields > 0 && r->nfields == r->nheader);
	for (int i = 0; i < r->nfields; i++)
		CHECK(r->fields[i] != NULL && r->header[i] != NULL);
	for (int i = 0; i < r->nissues && i < COR_CSV_MAX_ISSUES; i++) {
		CHECK(r->issues[i].column != NULL && is_column(r->issues[i].column));
		TERMINATED(r->issues[i].msg);
		CHECK(r->issues[i].msg[0] != '\0');
		CHECK(no_controls(r->issues[i].msg));
	}
	if (x->depth == 1) {
		/* Read back from the writer: no issue, and the values written. */
		if (r->nissues)
			fprintf(stderr, "round trip: line %ld: %s: %s\n", r->line,
				r->issues[0].column, r->issues[0].msg);
		CHECK(r->nissues == 0);
		check_same(r, x->want);
		return 0;
	}
	if (r->nissues == 0) {
		check_valid_row(r);
		round_trip(r);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char msg[512];
	if (size == 0)
		return 0; /* fmemopen wants at least one byte */
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	struct ctx x = {.depth = 0};
	int rc = cor_persons_csv_read(f, "fuzz.csv", today, on_row, &x, msg, sizeof(msg));
	fclose(f);
	CHECK(rc == 0 || rc == COR_EINVAL || rc == COR_ENOMEM);
	TERMINATED(msg);
	if (rc == 0) {
		CHECK(msg[0] == '\0');
	} else {
		CHECK(!strncmp(msg, "fuzz.csv: ", 10));
		CHECK(no_controls(msg));
	}
	return 0;
}

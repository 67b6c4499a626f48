// SPDX-License-Identifier: Apache-2.0
// `corridor mrz`: read the machine readable zones (ICAO Doc 9303 TD1, TD2,
// TD3) of documents given as arguments or on standard input, and print for
// each one JSON object, on one line, with the fields read and every check.
// Exit 0 when every document is valid, 1 when one is not, 2 on misuse.
// See docs/mrz.md.
#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli/cli.h"
#include "domain/mrz.h"

static int cmd_mrz(int argc, char **argv);

const struct cor_command cor_cmd_mrz = {
	"mrz",
	cmd_mrz,
	"usage: corridor mrz [--date YYYY-MM-DD] [--pretty] [LINE...]\n\n"
	"  --date D   the day that decides the century of two-digit years\n"
	"             (default: today, UTC)\n"
	"  --pretty   indent the JSON instead of one object per line\n"
	"Each LINE is one MRZ line; an empty argument ends a document. Without\n"
	"LINEs, documents are read from standard input, separated by blank lines.\n"
	"Prints one JSON object per document; exit 1 if any fails a check.\n"
	"Opens no database: --db is accepted and ignored.",
	"read and check the MRZ of passports and ID cards",
	COR_CMD_NO_ACTOR,
};

/* The text of one document: its lines, each ended by '\n'. */
struct doc {
	char *text;
	size_t len, cap;
	size_t lines;
};

static int doc_add_line(struct doc *d, const char *line, size_t n)
{
	if (d->len + n + 2 > d->cap) {
		size_t cap = d->cap ? d->cap : 128;
		while (d->len + n + 2 > cap)
			cap *= 2;
		char *text = realloc(d->text, cap);
		if (!text)
			return -1;
		d->text = text;
		d->cap = cap;
	}
	memcpy(d->text + d->len, line, n);
	d->len += n;
	d->text[d->len++] = '\n';
	d->text[d->len] = '\0';
	d->lines++;
	return 0;
}

static void doc_clear(struct doc *d)
{
	d->len = 0;
	d->lines = 0;
}

/* A string field, or null when the document could not be read. */
static json_t *field(const struct cor_mrz *m, const char *s)
{
	return m->format == COR_MRZ_UNKNOWN ? json_null() : json_string(s);
}

static json_t *date_field(const char *iso)
{
	return iso[0] ? json_string(iso) : json_null();
}

static json_t *sex_field(char sex)
{
	switch (sex) {
	case 'M':
		return json_string("M");
	case 'F':
		return json_string("F");
	case 'X':
		return json_string("X");
	case '<':
		return json_string("unspecified");
	default:
		return json_null();
	}
}

/* The JSON object for one document; NULL when out of memory. */
static json_t *mrz_json(const struct cor_mrz *m)
{
	bool read = m->format != COR_MRZ_UNKNOWN;
	json_t *checks = json_array();
	json_t *o = json_object();
	if (!checks || !o)
		goto fail;

	for (int i = 0; i < m->n_checks; i++) {
		const struct cor_mrz_check *c = &m->checks[i];
		json_t *check = json_object();
		if (!check || json_array_append_new(checks, check) < 0)
			goto fail;
		json_object_set_new(check, "name", json_string(c->name));
		json_object_set_new(check, "ok", json_boolean(c->ok));
		if (!c->ok)
			json_object_set_new(check, "message", json_string(c->message));
	}

	json_object_set_new(o, "format",
			    read ? json_string(cor_mrz_format_name(m->format)) : json_null());
	json_object_set_new(o, "valid", json_boolean(m->valid));
	json_object_set_new(o, "document_code", field(m, m->document_code));
	json_object_set_new(o, "issuing_state", field(m, m->issuing_state));
	json_object_set_new(o, "document_number", field(m, m->document_number));
	json_object_set_new(o, "nationality", field(m, m->nationality));
	json_object_set_new(o, "birth_date", date_field(m->birth_date));
	json_object_set_new(o, "birth_date_unknown", json_boolean(m->birth_unknown));
	json_object_set_new(o, "sex", sex_field(m->sex));
	json_object_set_new(o, "expiry_date", date_field(m->expiry_date));
	json_object_set_new(o, "expired",
			    m->expiry_date[0] ? json_boolean(m->expired) : json_null());
	json_object_set_new(o, "optional_data", field(m, m->optional_data));
	json_object_set_new(o, "optional_data_2",
			    m->format == COR_MRZ_TD1 ? json_string(m->optional_data_2)
						     : json_null());
	json_object_set_new(o, "primary_name", field(m, m->primary_name));
	json_object_set_new(o, "secondary_name", field(m, m->secondary_name));
	json_object_set_new(o, "name_truncated",
			    read ? json_boolean(m->name_truncated) : json_null());
	if (json_object_set_new(o, "checks", checks) < 0) {
		checks = NULL;
		goto fail;
	}
	return o;
fail:
	json_decref(checks);
	json_decref(o);
	return NULL;
}

/* Read and print one document, counting it in *invalid when it fails a
 * check. Returns 0, or -1 when out of memory. */
static int print_document(const struct doc *d, struct cor_date ref, size_t flags, size_t *invalid)
{
	struct cor_mrz m;
	char *text = NULL;
	int ret = -1;

	if (cor_mrz_parse(&m, d->text, d->len, ref) != 0)
		(*invalid)++;
	json_t *o = mrz_json(&m);
	if (!o)
		goto out;
	text = json_dumps(o, flags);
	if (!text)
		goto out;
	puts(text);
	ret = 0;
out:
	free(text);
	json_decref(o);
	return ret;
}

/* Is the line blank: nothing but spaces, tabs and '\r'? */
static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

static int cmd_mrz(int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"pretty", no_argument, NULL, 'p'},
		{"db", required_argument, NULL, 'b'}, /* taken by every command; unused */
		{NULL, 0, NULL, 0},
	};
	const struct cor_command *cmd = &cor_cmd_mrz;
	struct cor_date ref = cor_date_today();
	size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
	struct doc d = {NULL, 0, 0, 0};
	char *line = NULL;
	size_t line_cap = 0, documents = 0, invalid = 0;
	int ret, c;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd') {
			if ((ret = cor_cli_parse_date(cmd, "--date", optarg, &ref)))
				return ret;
		} else if (c == 'p') {
			flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
		} else if (c != 'b') {
			return cor_cli_bad_option(cmd, c, argv);
		}
	}

	if (optind < argc) {
		/* Each argument a line; an empty argument ends a document. */
		for (int i = optind; i <= argc; i++) {
			if (i < argc && argv[i][0]) {
				if (doc_add_line(&d, argv[i], strlen(argv[i])) < 0)
					goto nomem;
				continue;
			}
			if (d.lines == 0)
				continue;
			if (print_document(&d, ref, flags, &invalid) < 0)
				goto nomem;
			documents++;
			doc_clear(&d);
		}
	} else {
		/* Standard input: documents separated by blank lines. */
		ssize_t n;
		while ((n = getline(&line, &line_cap, stdin)) >= 0) {
			if (!is_blank(line, (size_t)n)) {
				if (line[n - 1] == '\n')
					n--;
				if (doc_add_line(&d, line, (size_t)n) < 0)
					goto nomem;
				continue;
			}
			if (d.lines == 0)
				continue;
			if (print_document(&d, ref, flags, &invalid) < 0)
				goto nomem;
			documents++;
			doc_clear(&d);
		}
		if (ferror(stdin)) {
			ret = cor_cli_fail("cannot read standard input");
			goto out;
		}
		if (d.lines > 0) {
			if (print_document(&d, ref, flags, &invalid) < 0)
				goto nomem;
			documents++;
		}
	}

	if (fflush(stdout) != 0)
		ret = cor_cli_fail("cannot write standard output");
	else if (documents == 0)
		ret = cor_cli_fail("no MRZ lines given");
	else if (invalid)
		ret = cor_cli_fail("%zu of %zu documents failed a check", invalid, documents);
	else
		ret = COR_EXIT_OK;
	goto out;
nomem:
	ret = cor_cli_fail("out of memory");
out:
	free(line);
	free(d.text);
	return ret;
}

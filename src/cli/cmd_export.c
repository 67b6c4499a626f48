// SPDX-License-Identifier: Apache-2.0
// corridor export: write persons as CSV, in the format import reads
// (service/registry.h). Parsing and writing only.
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/case_filter.h"
#include "io/persons_csv.h"
#include "service/registry.h"
#include "util/progress.h"

struct out {
	FILE *fp;
	long rows;
	struct cor_progress progress;
};

/* Do both paths name one existing file (under any name)? */
static bool same_file(const char *a, const char *b)
{
	struct stat x, y;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static int write_row(const struct cor_svc_export_row *r, void *ctx)
{
	struct out *o = ctx;
	static const struct cor_document none = {.kind = COR_DOC_NONE};
	/* One row a document; a person without one still has a row. */
	for (size_t i = 0; i == 0 || i < r->ndocs; i++)
		cor_persons_csv_write_row(o->fp, r->c, r->cr, r->p, r->pr,
					  r->ndocs ? &r->docs[i] : &none);
	cor_progress_update(&o->progress, ++o->rows);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"out", required_argument, NULL, 'o'},
		COR_FILTER_OPTIONS,
		{0},
	};
	const struct cor_command *cmd = &cor_cmd_export;
	struct cor_svc_export_in in = {0};
	struct cor_svc_export_out res;
	struct cor_store *st = NULL;
	struct cor_ctx cx;
	const char *db = NULL, *out = NULL;
	char tmp[4096];
	FILE *fp = stdout;
	int c, ret;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'd')
			db = optarg;
		else if (c == 'o')
			out = optarg;
		else if ((ret = cor_cli_filter_option(cmd, c, optarg, &in.filter)) != 1) {
			if (ret)
				return ret;
		} else
			return cor_cli_bad_option(cmd, c, argv);
	}
	if (optind < argc)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	/* The rename would put the CSV in place of the database. */
	if (out && same_file(out, cor_cli_db_path(db)))
		return cor_cli_usage_error(cmd, "--out: '%s' is the database", out);
	if ((ret = cor_cli_ctx_open(db, 0, false, &st, &cx)) != COR_EXIT_OK)
		return ret;
	/* A file is written beside its target and renamed: never half a file. */
	if (out) {
		snprintf(tmp, sizeof(tmp), "%s.tmp", out);
		if (!(fp = fopen(tmp, "w"))) {
			int e = errno; /* closing the store may change errno */
			cor_store_close(st);
			return cor_cli_fail("cannot write '%s': %s", tmp, strerror(e));
		}
	}
	cor_persons_csv_write_header(fp);
	struct out o = {.fp = fp};
	cor_progress_init(&o.progress, "exporting", "persons", 0);
	in.row = write_row;
	in.ctx = &o;
	int err = cor_svc_export(&cx, &in, &res);
	cor_progress_end(&o.progress);
	if (err < 0)
		ret = cor_cli_error(&cx, false);
	else if (fflush(fp) != 0 || ferror(fp))
		ret = cor_cli_fail("cannot write '%s': %s", out ? tmp : "standard output",
				   strerror(errno));
	else
		ret = COR_EXIT_OK;
	cor_store_close(st);
	if (out) {
		if (fclose(fp) != 0 && ret == COR_EXIT_OK)
			ret = cor_cli_fail("cannot write '%s': %s", tmp, strerror(errno));
		if (ret == COR_EXIT_OK && rename(tmp, out) != 0)
			ret = cor_cli_fail("cannot rename '%s' to '%s': %s", tmp, out,
					   strerror(errno));
		if (ret != COR_EXIT_OK)
			unlink(tmp);
	}
	return ret;
}

const struct cor_command cor_cmd_export = {
	"export",
	run,
	"usage: corridor export [--out FILE] [filters] [--db PATH]\n\n"
	"  --out FILE       write there (default: standard output)\n" COR_FILTER_USAGE
	"Writes one row per person, in the columns 'corridor import' reads.",
	"export persons as CSV",
	0,
};

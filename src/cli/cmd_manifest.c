// SPDX-License-Identifier: Apache-2.0
// corridor manifest: the passenger list of one leg of a movement, as CSV,
// as a PDF for print, or as a UN/EDIFACT PAXLST message for the border
// authorities. What leaves is the minimum (docs/manifests.md).
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "manifest/manifest.h"
#include "service/manifest.h"
#include "util/error.h"

static const struct cor_command *const cmd = &cor_cmd_manifest;

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"leg", required_argument, NULL, 'l'},
		{"out", required_argument, NULL, 'o'},
		{"reporting-party", required_argument, NULL, 'r'},
		{"control", required_argument, NULL, 'c'},
		{"recipient", required_argument, NULL, 'R'},
		{"sender", required_argument, NULL, 'S'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	const char *db = NULL, *format = NULL, *out = NULL, *party = NULL, *control = NULL,
		   *recipient = NULL, *sender = NULL;
	long leg = 1;
	bool json = false;
	int c, ret;
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'r':
			party = optarg;
			break;
		case 'c':
			control = optarg;
			break;
		case 'R':
			recipient = optarg;
			break;
		case 'S':
			sender = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'l':
			if ((ret = cor_cli_parse_long(cmd, "--leg", optarg, 1, 8, &leg)))
				return ret;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one movement reference");
	if (!format || (strcmp(format, "csv") && strcmp(format, "pdf") && strcmp(format, "paxlst")))
		return cor_cli_usage_error(cmd, "--format: one of csv, pdf, paxlst");
	if (!strcmp(format, "pdf") && !out)
		return cor_cli_usage_error(cmd, "--out: a PDF is written to a file");
	if (!strcmp(format, "paxlst") && !recipient)
		return cor_cli_usage_error(cmd,
					   "--recipient: the border authority's identification "
					   "(for example USADHS)");
	if (recipient && (!*recipient || strlen(recipient) > 35))
		return cor_cli_usage_error(cmd, "--recipient: 1 to 35 characters");
	if (sender && (!*sender || strlen(sender) > 35))
		return cor_cli_usage_error(cmd, "--sender: 1 to 35 characters");
	if (party && (strlen(party) > 63 || !cor_text_is_clean(party)))
		return cor_cli_usage_error(cmd, "--reporting-party: at most 63 bytes of text");
	if (control && (strlen(control) < 1 || strlen(control) > 14 ||
			strspn(control, "0123456789") != strlen(control)))
		return cor_cli_usage_error(cmd, "--control: 1 to 14 digits");

	struct cor_store *st;
	struct cor_ctx cx;
	struct cor_manifest m;
	char msg[512] = "", ctl[16];
	if ((ret = cor_cli_ctx_open(db, 0, json, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_manifest_in in = {argv[optind], (int)leg, party};
	if (cor_svc_manifest_build(&cx, &in, &m) < 0) {
		ret = cor_cli_error(&cx, json);
		cor_store_close(st);
		return ret;
	}
	cor_store_close(st);
	snprintf(m.recipient, sizeof(m.recipient), "%s", recipient ? recipient : "");
	snprintf(m.sender, sizeof(m.sender), "%s", sender ? sender : "");
	int err;
	if (!strcmp(format, "pdf")) {
		err = cor_manifest_write_pdf(&m, out, msg, sizeof(msg));
	} else {
		/* Into a temporary file renamed at the end: a failed run leaves no
		 * half-written manifest behind. */
		char tmp[4096];
		FILE *f = stdout;
		if (out) {
			snprintf(tmp, sizeof(tmp), "%s.part", out);
			if (!(f = fopen(tmp, "w"))) {
				ret = cor_cli_fail("cannot write '%s': %s", tmp, strerror(errno));
				cor_svc_manifest_release(&m);
				return ret;
			}
		}
		/* The control reference: given, else the generation time's digits. */
		if (!control) {
			size_t k = 0;
			for (const char *p = m.generated_at + 2; *p && k < 12; p++)
				if (*p >= '0' && *p <= '9')
					ctl[k++] = *p;
			ctl[k] = '\0';
			control = ctl;
		}
		err = !strcmp(format, "csv")
			      ? cor_manifest_write_csv(&m, f, msg, sizeof(msg))
			      : cor_manifest_write_paxlst(&m, control, f, msg, sizeof(msg));
		if (out) {
			if (fclose(f) != 0 && err == 0) {
				err = COR_EIO;
				snprintf(msg, sizeof(msg), "cannot write '%.400s'", tmp);
			}
			if (err == 0 && rename(tmp, out) != 0) {
				err = COR_EIO;
				snprintf(msg, sizeof(msg), "cannot write '%.400s': %s", out,
					 strerror(errno));
			}
			if (err < 0)
				remove(tmp);
		} else if (fflush(stdout) != 0 && err == 0) {
			err = COR_EIO;
			snprintf(msg, sizeof(msg), "cannot write the manifest to standard output");
		}
	}
	size_t npax = m.npax;
	int wc = m.withheld_cases, wt = m.withheld_travellers, we = m.withheld_escorts;
	cor_svc_manifest_release(&m);
	if (err < 0)
		return cor_cli_fail("%s", msg);
	if (wc || we)
		fprintf(stderr,
			"warning: left out of the manifest, blocked by the pre-departure check: "
			"%d case%s (%d traveller%s), %d escort%s; see 'corridor movement check "
			"%s'\n",
			wc, wc == 1 ? "" : "s", wt, wt == 1 ? "" : "s", we, we == 1 ? "" : "s",
			argv[optind]);
	if (out)
		printf("manifest of %s leg %ld: %zu passenger%s written to %s\n", argv[optind], leg,
		       npax, npax == 1 ? "" : "s", out);
	return COR_EXIT_OK;
}

const struct cor_command cor_cmd_manifest = {
	"manifest",
	run,
	"usage: corridor manifest MOVEMENT --format csv|pdf|paxlst [--leg N] [--out FILE]\n"
	"                         [--reporting-party NAME] [--recipient ID] [--sender ID]\n"
	"                         [--control DIGITS] [--json] [--db PATH]\n\n"
	"The passengers of leg N (default 1): the cases booked on it (departed once it has\n"
	"left) and the named escorts; before departure, those the pre-departure check\n"
	"blocks are left out, with a warning. CSV and PAXLST go to standard output unless --out;\n"
	"a PDF needs --out. No vulnerability, health or protection detail leaves in a\n"
	"manifest beyond the SSR codes a carrier needs. PAXLST needs --recipient (the border\n"
	"authority's identification); --sender defaults to the office code. With --json an\n"
	"error is printed as a JSON document on standard error.",
	"passenger manifest of a movement: CSV, PDF, PAXLST",
	0,
};

// SPDX-License-Identifier: Apache-2.0
// corridor arrival: confirm that a departed case has arrived.
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/case.h"
#include "store/store_support.h"

static const struct cor_command *const cmd = &cor_cmd_arrival;

/* "YYYY-MM-DDTHH:MMZ" or "YYYY-MM-DDTHH:MM:SSZ" into the event form. */
static bool parse_at(const char *s, char out[COR_TIME_LEN])
{
	struct cor_date d;
	char date[COR_DATE_LEN];
	unsigned h, m, sec = 0;
	char z[2];
	size_t n = strlen(s);
	if (n < 17 || s[10] != 'T')
		return false;
	snprintf(date, sizeof(date), "%.10s", s);
	if (cor_date_parse(date, &d) < 0)
		return false;
	if (n == 17 ? sscanf(s + 11, "%2u:%2u%1[Z]", &h, &m, z) != 3
		    : n != 20 || sscanf(s + 11, "%2u:%2u:%2u%1[Z]", &h, &m, &sec, z) != 4)
		return false;
	if (h > 23 || m > 59 || sec > 59)
		return false;
	snprintf(out, COR_TIME_LEN, "%sT%02u:%02u:%02uZ", date, h % 24, m % 60, sec % 60);
	return true;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},   {"place", required_argument, NULL, 'p'},
		{"at", required_argument, NULL, 'a'},   {"by", required_argument, NULL, 'b'},
		{"note", required_argument, NULL, 'n'}, {0},
	};
	struct cor_arrival a = {0};
	struct cor_store *st = NULL;
	const char *db = NULL, *place = NULL, *at = NULL, *by = NULL, *note = NULL;
	int c, ret = COR_EXIT_OK;

	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			place = optarg;
			break;
		case 'a':
			at = optarg;
			break;
		case 'b':
			by = optarg;
			break;
		case 'n':
			note = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	if (optind != argc - 1)
		return cor_cli_usage_error(cmd, "give one case ID");
	if (!place || !*place || strlen(place) >= sizeof(a.place) || !cor_text_is_clean(place))
		return cor_cli_usage_error(cmd,
					   "--place: where the case arrived (1-127 bytes of text)");
	if (at && !parse_at(at, a.at))
		return cor_cli_usage_error(
			cmd, "--at: '%s' is not a UTC time like 2026-11-27T14:30Z", at);
	if (!at)
		cor_time_now(a.at);
	if (by && (strlen(by) >= sizeof(a.confirmed_by) || !cor_text_is_clean(by)))
		return cor_cli_usage_error(cmd, "--by: a name of at most 63 bytes");
	if (note && (strlen(note) >= sizeof(a.note) || !cor_text_is_clean(note)))
		return cor_cli_usage_error(cmd, "--note: at most 255 bytes of text");
	snprintf(a.place, sizeof(a.place), "%s", place);
	snprintf(a.confirmed_by, sizeof(a.confirmed_by), "%s", by ? by : "");
	snprintf(a.note, sizeof(a.note), "%s", note ? note : "");
	if (cor_cli_open(db, 0, &st) != COR_EXIT_OK)
		return COR_EXIT_FAIL;
	if (cor_store_arrival_confirm(st, argv[optind], &a, cor_cli_actor()) < 0)
		ret = cor_cli_fail("%s", cor_store_errmsg(st));
	else
		printf("case %s: arrived at %s on %s\n", argv[optind], a.place, a.at);
	cor_store_close(st);
	return ret;
}

const struct cor_command cor_cmd_arrival = {
	"arrival",
	run,
	"usage: corridor arrival CASE-ID --place PLACE [--at YYYY-MM-DDTHH:MMZ] [--by NAME]\n"
	"                        [--note TEXT] [--db PATH]\n\n"
	"  --place P  where the case arrived (airport, port, reception centre)\n"
	"  --at T     when, in UTC (default: now)\n"
	"  --by N     who confirmed it (default: the actor)\n"
	"The case must have departed; it becomes 'arrived'.",
	"confirm the arrival of a case that departed",
	0,
};

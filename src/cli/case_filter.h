// SPDX-License-Identifier: Apache-2.0
// The case filter options shared by 'case list' and 'export'.
#ifndef COR_CASE_FILTER_H
#define COR_CASE_FILTER_H

#include <getopt.h>

#include "cli/cli.h"

/* The long options of the filter; option values 'P','O','S','N','T','L'. */
#define COR_FILTER_OPTIONS                                                                         \
	{"programme", required_argument, NULL, 'P'}, {"office", required_argument, NULL, 'O'},     \
		{"state", required_argument, NULL, 'S'},                                           \
		{"nationality", required_argument, NULL, 'N'},                                     \
		{"text", required_argument, NULL, 'T'},                                            \
	{                                                                                          \
		"limit", required_argument, NULL, 'L'                                              \
	}

#define COR_FILTER_USAGE                                                                           \
	"  --programme P    HEV, VHR, AVR, REP, HASM, RST, REL or CPW\n"                           \
	"  --office O       an office code, e.g. LY-TIP\n"                                         \
	"  --state S        a case state, e.g. travel_ready\n"                                     \
	"  --nationality N  cases with a person of that ISO 3166-1 alpha-3 nationality\n"          \
	"  --text T         in the case ID or any name, in either script\n"                        \
	"  --limit N        at most N cases (0: all)\n"

/* Take one filter option; returns 1 when c was not a filter option, 0 when
 * taken, or a usage error status (2) when its value is bad. */
int cor_cli_filter_option(const struct cor_command *cmd, int c, const char *v,
			  struct cor_case_filter *f);

#endif

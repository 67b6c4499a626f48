// SPDX-License-Identifier: Apache-2.0
// Validation of the case filter options: a value that can match nothing is a
// mistake worth saying, not an empty list.
#include "cli/case_filter.h"

#include "domain/country.h"

int cor_cli_filter_option(const struct cor_command *cmd, int c, const char *v,
			  struct cor_case_filter *f)
{
	switch (c) {
	case 'P':
		if (!cor_programme_find(v))
			return cor_cli_usage_error(cmd, "--programme: '%s' is not a programme", v);
		f->programme = v;
		return 0;
	case 'O':
		if (!cor_office_code_is_valid(v))
			return cor_cli_usage_error(
				cmd, "--office: '%s' is not an office code like LY-TIP", v);
		f->office = v;
		return 0;
	case 'S':
		if (!cor_state_is_valid(v))
			return cor_cli_usage_error(cmd, "--state: '%s' is not a case state", v);
		f->state = v;
		return 0;
	case 'N':
		if (!cor_nationality_is_valid(v))
			return cor_cli_usage_error(
				cmd, "--nationality: '%s' is not an ISO 3166-1 alpha-3 code", v);
		f->nationality = v;
		return 0;
	case 'T':
		f->text = v;
		return 0;
	case 'L':
		return cor_cli_parse_long(cmd, "--limit", v, 0, 100000000, &f->limit);
	}
	return 1;
}

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The command list, each command's usage, and command lines that are wrong:
# status 2 with the problem and the usage, and no database touched.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" help
expect_stdout_contains "usage: corridor <command> [options]"
for c in init demo import export case office stats help; do
	grep -qE "^   $c +[a-z]" "$WORK/.stdout" || fail "'corridor help' does not list '$c'"
done
expect_empty_stderr
help_text=$(stdout)

# No command at all: the list, and status 2.
expect_status 2 "$CORRIDOR"
[ "$(stdout)" = "$help_text" ] || fail "'corridor' alone should print the command list"
expect_status 0 "$CORRIDOR" --help
expect_status 0 "$CORRIDOR" --version
expect_stdout "corridor 0.1.0"

expect_status 0 "$CORRIDOR" help import
expect_stdout_contains "import persons from a CSV file, validating every row"
expect_stdout_contains "usage: corridor import FILE [--skip-bad [--rejects FILE]] [--json] [--db PATH]"
expect_status 0 "$CORRIDOR" import --help
expect_stdout_contains "usage: corridor import FILE"
expect_status 0 "$CORRIDOR" case list -h
expect_stdout_contains "usage: corridor case list [filters] [--json] [--db PATH]"

expect_status 2 "$CORRIDOR" help nosuch
expect_stderr "corridor: no command 'nosuch' (see 'corridor help')"
expect_status 2 "$CORRIDOR" help import export
expect_stderr "corridor help: too many arguments
see 'corridor help --help'"

expect_status 2 "$CORRIDOR" frobnicate
expect_stderr "corridor: 'frobnicate' is not a command (see 'corridor help')"
expect_empty_stdout

# Unknown options and missing values: the message, then where the usage is
# (one line each: the usage itself is --help's).
expect_status 2 "$CORRIDOR" init --bogus
expect_stderr "corridor init: unknown option '--bogus'
see 'corridor init --help'"
expect_status 2 "$CORRIDOR" init -x
expect_stderr_contains "corridor init: unknown option '-x'"
expect_status 2 "$CORRIDOR" init -xy
expect_stderr_contains "corridor init: unknown option '-x'"
expect_status 2 "$CORRIDOR" case list --limit 3 -ab
expect_stderr_contains "corridor case: unknown option '-a'"
expect_status 2 "$CORRIDOR" init --colour=red
expect_stderr_contains "corridor init: unknown option '--colour=red'"
expect_status 2 "$CORRIDOR" stats --db
expect_stderr "corridor stats: option '--db' needs a value
see 'corridor stats --help'"
expect_status 2 "$CORRIDOR" init extra
expect_stderr "corridor init: unexpected argument 'extra'
see 'corridor init --help'"
expect_status 2 "$CORRIDOR" export --programme XYZ
expect_stderr_contains "corridor export: --programme: 'XYZ' is not a programme"
expect_stderr_contains "see 'corridor export --help'"

expect_status 2 "$CORRIDOR" import
expect_stderr_contains "corridor import: which file? give one CSV file"
expect_status 2 "$CORRIDOR" import a.csv b.csv
expect_stderr_contains "corridor import: give exactly one CSV file"
expect_status 2 "$CORRIDOR" import a.csv --rejects r.csv
expect_stderr_contains "corridor import: --rejects goes with --skip-bad"

expect_status 2 "$CORRIDOR" demo --people 0
expect_stderr_contains "corridor demo: --people: '0' is not a whole number from 1 to 10000000"
expect_status 2 "$CORRIDOR" demo --people 12x
expect_stderr_contains "corridor demo: --people: '12x' is not a whole number from 1 to 10000000"
expect_status 2 "$CORRIDOR" demo --date 2026-02-30
expect_stderr_contains "corridor demo: --date: '2026-02-30' is not a real date in the form YYYY-MM-DD"
expect_status 2 "$CORRIDOR" stats --date 26-01-01
expect_stderr_contains "corridor stats: --date: '26-01-01' is not a real date in the form YYYY-MM-DD"

expect_status 2 "$CORRIDOR" case
expect_stderr_contains "corridor case: which? list, show, available, register, search or locate"
expect_status 2 "$CORRIDOR" case delete
expect_stderr_contains "corridor case: 'delete' is not list, show, available, register, search or locate"
expect_status 2 "$CORRIDOR" case show
expect_stderr_contains "corridor case: give one case ID, e.g. LY-TIP-2026-000123"
expect_status 2 "$CORRIDOR" case list --state flying
expect_stderr_contains "corridor case: --state: 'flying' is not a case state"
expect_status 2 "$CORRIDOR" case list --office LYTIP
expect_stderr_contains "corridor case: --office: 'LYTIP' is not an office code like LY-TIP"
expect_status 2 "$CORRIDOR" case list --nationality Syria
expect_stderr_contains "corridor case: --nationality: 'Syria' is not an ISO 3166-1 alpha-3 code"
expect_status 2 "$CORRIDOR" case list --limit -1
expect_stderr_contains "corridor case: --limit: '-1' is not a whole number from 0 to 100000000"
expect_status 2 "$CORRIDOR" office
expect_stderr_contains "corridor office: which? 'list' or 'add'"
expect_status 2 "$CORRIDOR" office list --country NER
expect_stderr_contains "corridor office: --country goes with 'add'"
expect_status 2 "$CORRIDOR" office list --colour red
expect_stderr_contains "corridor office: unknown option '--colour'"

# None of that created a database.
expect_no_file corridor.db
pass

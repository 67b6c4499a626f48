#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor health refuses bad input with a message naming the option or the
# rule, exit 2 for a wrong command line and 1 for a refused record, and
# leaves the database exactly as it was (its dump, byte for byte).
. "$(dirname "$0")/lib.sh"

# The clock is an input: "the future" is after CORRIDOR_NOW.
export CORRIDOR_NOW=2026-12-01T09:30:45Z
fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
amina=LY-TIP-2026-000201-01
jean=KE-NBO-2026-000010-01
expect_status 0 "$CORRIDOR" health check $amina --outcome fit --at 2026-03-01T08:00Z --db h.db

# refused STATUS MESSAGE ARGS...: 'corridor health ARGS --db h.db' exits
# STATUS; with 1, stderr is MESSAGE; with 2, its first line is MESSAGE and
# the usage follows. Nothing on stdout, nothing changed.
refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump h.db >before.sql
	expect_status "$want_status" "$CORRIDOR" health "$@" --db h.db
	if [ "$want_status" -eq 2 ]; then
		[ "$(stderr | head -n 1)" = "$want" ] || fail "stderr: $(stderr | head -n 1)
expected: $want"
		expect_stderr_contains "see 'corridor health --help'"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump h.db >after.sql
	cmp -s before.sql after.sql || fail "health $* changed the database"
}

# The command line.
refused 2 "corridor health: 'frob' is not check, assess or show" frob
refused 2 "corridor health: give a person ID, e.g. LY-TIP-2026-000123-01" check --outcome fit
refused 2 "corridor health: unexpected argument 'LY-TIP-2026-000201-02'" \
	check $amina LY-TIP-2026-000201-02 --outcome fit
refused 2 "corridor health: --outcome: give fit, fit_with_conditions, unfit or deferred" check $amina
refused 2 "corridor health: --outcome: 'Fit' is not fit, fit_with_conditions, unfit or deferred" \
	check $amina --outcome Fit
db_dump h.db >before.sql
expect_status 2 "$CORRIDOR" health check $amina --db h.db --outcome
[ "$(stderr | head -n 1)" = "corridor health: option '--outcome' needs a value" ] || fail "stderr: $(stderr | head -n 1)"
db_dump h.db >after.sql
expect_same_file before.sql after.sql
refused 2 "corridor health: --condition: 'wheelchair' is not a condition (medical_escort, non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, extra_seat, front_row)" \
	check $amina --outcome fit_with_conditions --condition wheelchair
refused 2 "corridor health: --tb: 'B1' is not none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3" \
	check $jean --outcome fit --tb B1
refused 2 "corridor health: --at: '2026-03-01T08:00' is not a UTC time in the form YYYY-MM-DDTHH:MMZ" \
	check $amina --outcome fit --at 2026-03-01T08:00
refused 2 "corridor health: --at: '2026-02-30T08:00Z' is not a UTC time in the form YYYY-MM-DDTHH:MMZ" \
	check $amina --outcome fit --at 2026-02-30T08:00Z
refused 2 "corridor health: unknown option '--frob'" check $amina --outcome fit --frob
refused 2 "corridor health: --clinical is for 'health show'" check $amina --outcome fit --clinical
refused 2 "corridor health: --departure is for 'health show'" \
	assess $amina --outcome fit --departure 2026-03-02T08:00Z
refused 2 "corridor health: show takes --clinical, --departure and --window-hours; the other options are for 'check' and 'assess'" \
	show $amina --outcome fit
refused 2 "corridor health: --window-hours goes with --departure" show $amina --window-hours 24
refused 2 "corridor health: --window-hours: '0' is not a whole number from 1 to 720" \
	show $amina --departure 2026-03-02T08:00Z --window-hours 0
refused 2 "corridor health: --departure: '2026-03-02' is not a UTC time in the form YYYY-MM-DDTHH:MMZ" \
	show $amina --departure 2026-03-02

# Values and rules.
refused 1 "error: at: 2999-01-01T00:00Z is in the future (now is 2026-12-01T09:30Z)" check $amina --outcome fit --at 2999-01-01T00:00Z
refused 1 "error: at: 2026-12-01T09:31Z is in the future (now is 2026-12-01T09:30Z)" check $amina --outcome fit --at 2026-12-01T09:31Z
refused 1 "error: condition: outcome 'fit' takes no condition (given: wchr); record fit_with_conditions instead" \
	check $amina --outcome fit --condition wchr
refused 1 "error: condition: outcome 'fit_with_conditions' needs at least one condition (medical_escort, non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, extra_seat, front_row)" \
	check $amina --outcome fit_with_conditions
refused 1 "error: condition: outcome 'unfit' takes no condition: conditions are the terms of travel (given: oxygen)" \
	check $amina --outcome unfit --condition oxygen
refused 1 "error: condition: outcome 'deferred' takes no condition: conditions are the terms of travel (given: medical_escort, extra_seat)" \
	assess $amina --outcome deferred --condition extra_seat --condition medical_escort
refused 1 "error: condition: wchr and wchs are both wheelchair classes: give one" \
	check $amina --outcome fit_with_conditions --condition wchs --condition wchr
refused 1 "error: condition: a stretcher passenger takes no wheelchair class (given: stretcher and wchc)" \
	check $amina --outcome fit_with_conditions --condition stretcher --condition medical_escort --condition wchc
refused 1 "error: condition: a stretcher passenger travels with a medical escort: add medical_escort" \
	check $amina --outcome fit_with_conditions --condition stretcher --condition non_medical_escort
refused 1 "error: tb: a case bound for the USA needs a TB class: none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3" \
	check $jean --outcome fit
refused 1 "error: tb: a case bound for the USA needs a TB class: none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3" \
	assess $jean --outcome unfit --note "active TB suspected"
refused 1 "error: note: is empty" check $amina --outcome fit --note ""
refused 1 "error: note: holds a control character (a line break?) or is not UTF-8" \
	check $amina --outcome fit --note "$(printf 'first line\nsecond line')"
refused 1 "error: note: is 2001 bytes long; at most 2000 are kept" \
	check $amina --outcome fit --note "$(head -c 2001 /dev/zero | tr '\0' x)"
refused 1 "error: examiner: give a name of 1 to 120 bytes" check $amina --outcome fit --by ""
refused 1 "error: examiner: holds a control character or is not UTF-8" \
	check $amina --outcome fit --by "$(printf 'Dr\tX')"

# Several rules broken at once: every one is a cause, nothing is written.
refused 1 "error: the pre-migration health assessment of 'KE-NBO-2026-000010-01' breaks 4 rules
  condition: outcome 'unfit' takes no condition: conditions are the terms of travel (given: oxygen)
  tb: a case bound for the USA needs a TB class: none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3
  at: 2027-01-01T00:00Z is in the future (now is 2026-12-01T09:30Z)
  note: is empty" \
	assess $jean --outcome unfit --condition oxygen --at 2027-01-01T00:00Z --note ""
# The same under --json: the error document on stderr, each cause with its field.
db_dump h.db >before.sql
expect_status 1 "$CORRIDOR" health check $jean --outcome fit --condition wchr --by "" --json --db h.db
expect_empty_stdout
[ "$(stderr | jq -c '.error | [.code, .field, (.causes | map([.code, .field]))]')" = \
	'["INVALID",null,[["INVALID","condition"],["INVALID","tb"],["INVALID","examiner"]]]' ] ||
	fail "error document: $(stderr)"
[ "$(stderr | jq -r .error.message)" = "the fitness-to-travel check of 'KE-NBO-2026-000010-01' breaks 3 rules" ] ||
	fail "message: $(stderr | jq -r .error.message)"
expect_status 1 "$CORRIDOR" health show LY-TIP-2026-000999-01 --json --db h.db
[ "$(stderr | jq -c '.error | [.code, .field]')" = '["PERSON_NOT_FOUND","person"]' ] || fail "$(stderr)"
db_dump h.db >after.sql
expect_same_file before.sql after.sql

# Persons.
refused 1 "error: 'LY-TIP-2026-000201' is not a person ID (a case ID, '-' and two digits, e.g. LY-TIP-2026-000123-01)" \
	check LY-TIP-2026-000201 --outcome fit
refused 1 "error: 'LY-TIP-2026-000201-1' is not a person ID (a case ID, '-' and two digits, e.g. LY-TIP-2026-000123-01)" \
	show LY-TIP-2026-000201-1
refused 1 "error: no person 'LY-TIP-2026-000201-09': case 'LY-TIP-2026-000201' has no person 09" \
	check LY-TIP-2026-000201-09 --outcome fit
refused 1 "error: no person 'LY-TIP-2026-000999-01': there is no case 'LY-TIP-2026-000999'" \
	show LY-TIP-2026-000999-01 --clinical

# No database.
expect_status 1 "$CORRIDOR" health show $amina --db nowhere.db
expect_stderr "$(no_db_error nowhere.db)"
expect_no_file nowhere.db

# After all that, one check and one event of it, and no note: in the
# histories of every case and the health records of every person.
for c in $(jv '.cases[].ref' case list --limit 0 --db h.db); do
	jv . case show "$c" --db h.db
done | jq -s . >cases.json
[ "$(jq length cases.json)" = 2 ] || fail "2 cases expected: $(jq -c 'map(.case.ref)' cases.json)"
for p in $(jq -r '.[].persons[].ref' cases.json); do
	jv . health show "$p" --clinical --db h.db
done | jq -s . >health.json
[ "$(jq length health.json)" = 5 ] || fail "the health records of 5 persons expected: $(jq -c 'map(.person.id)' health.json)"
[ "$(jq '[.[].history[]] | length' health.json)" = 1 ] || fail "one check expected: $(jq -c '[.[].history[]]' health.json)"
[ "$(jq '[.[].history[] | select(.action == "health")] | length' cases.json)" = 1 ] ||
	fail "one health event expected: $(jq -c '[.[].history[] | select(.action == "health")]' cases.json)"
[ "$(jq '[.[].clinical_notes[]] | length' health.json)" = 0 ] || fail "no note expected: $(jq -c '[.[].clinical_notes[]]' health.json)"
pass

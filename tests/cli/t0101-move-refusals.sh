#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move refuses, with a message naming the case, its state and the
# state asked for (or the parameter at fault), and changes nothing: every
# lifecycle guard of a return, and every way of asking badly.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,,,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db

# refused STATUS MESSAGE CMD...: that status, MESSAGE as the first line of
# stderr (the only one for a refusal; the usage follows a command-line
# error), nothing on stdout, the database unchanged.
refused()
{
	local status=$1 msg=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	if [ "$status" -eq 1 ]; then
		[ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line"
	else
		expect_stderr_contains "see 'corridor move --help'"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
move() { "$CORRIDOR" move "$@" --db w.db; }

# The lifecycle.
refused 1 "error: case '$C' is 'registered'; it cannot go to 'booked' (next: counselled, ineligible, on_hold, closed)" \
	move "$C" booked
refused 1 "error: case '$C' is 'registered'; it cannot go to 'registered' (next: counselled, ineligible, on_hold, closed)" \
	move "$C" registered
refused 1 "error: case '$C' is 'registered'; it cannot go to 'submitted' (next: counselled, ineligible, on_hold, closed)" \
	move "$C" submitted
refused 1 "error: case '$C' is 'registered'; it can go to 'on_hold' only with a reason" move "$C" on_hold
refused 1 "error: case '$C' is 'registered'; it can go to 'closed' only with a reason" move "$C" closed
refused 1 "error: case '$C' is 'registered'; it cannot go to 'counselled' before a counselling session is recorded (a return happens only at the person's request)" \
	move "$C" counselled
refused 1 "error: no case 'LY-TIP-2026-000999'" move LY-TIP-2026-000999 counselled

# The informed decision.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ar --decision undecided --db w.db
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db
refused 1 "error: case '$C' is 'counselled'; it cannot go to 'assessed' without an informed decision 'yes' to return (the latest is 'undecided')" \
	move "$C" assessed
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ar --decision yes --db w.db

# Protection: every person assessed before 'assessed', no high risk left
# uncleared after it.
refused 1 "error: case '$C' is 'counselled'; it cannot go to 'assessed' before every person's protection risk is assessed (2 of 2 not assessed)" \
	move "$C" assessed
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level medium --grounds "unclear situation in the home area" --db w.db
refused 1 "error: case '$C' is 'counselled'; it cannot go to 'assessed' before every person's protection risk is assessed (1 of 2 not assessed)" \
	move "$C" assessed
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level high --grounds "prior detention by a militia" --db w.db
expect_status 0 "$CORRIDOR" move "$C" assessed --db w.db
refused 1 "error: case '$C' is 'assessed'; it cannot go to 'eligible': person '$C-01' at high protection risk, not cleared by a protection officer" \
	move "$C" eligible
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level high --grounds "the same militia" --db w.db
refused 1 "error: case '$C' is 'assessed'; it cannot go to 'eligible': person '$C-01' and 1 other at high protection risk, not cleared by a protection officer" \
	move "$C" eligible
# Moving away from a return is never blocked.
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "protection review" --db w.db
expect_stdout "case $C: assessed -> on_hold"
refused 1 "error: case '$C' is 'on_hold'; it cannot go to 'eligible' (next: assessed, ineligible, closed)" \
	move "$C" eligible
expect_status 0 "$CORRIDOR" move "$C" assessed --db w.db
expect_stdout "case $C: on_hold -> assessed"
expect_status 0 "$CORRIDOR" move "$C" ineligible --reason "protection risk on return assessed high; return not possible" --db w.db
expect_stdout "case $C: assessed -> ineligible"
refused 1 "error: case '$C' is 'ineligible'; it can go to 'assessed' only with a reason" move "$C" assessed
expect_status 0 "$CORRIDOR" move "$C" assessed --reason "new information from the person" --db w.db
[ "$(jv '.history[-1] | "\(.detail): \(.reason)"' case show "$C" --db w.db)" = "ineligible -> assessed: new information from the person" ] ||
	fail "the re-assessment event: $(jv '.history[-1] | tojson' case show "$C" --db w.db)"

# The command line: status 2, the usage, nothing changed.
refused 2 "corridor move: give a case ID and a state, e.g. LY-TIP-2026-000123 counselled" move "$C"
refused 2 "corridor move: give a case ID and a state, e.g. LY-TIP-2026-000123 counselled" move
refused 2 "corridor move: give a case ID and a state, e.g. LY-TIP-2026-000123 counselled" move "$C" eligible extra
refused 2 "corridor move: 'LY-TIP-123' is not a case ID like LY-TIP-2026-000123" move LY-TIP-123 eligible
refused 2 "corridor move: 'bokked' is not a lifecycle state" move "$C" bokked
refused 2 "corridor move: 'Eligible' is not a lifecycle state" move "$C" Eligible
# A reason that is not one line of text breaks a rule of its field: status 1.
refused 1 "error: reason: give 1 to 500 bytes of text without control characters" \
	move "$C" on_hold --reason ""
refused 1 "error: reason: give 1 to 500 bytes of text without control characters" \
	move "$C" on_hold --reason "$(printf 'two\nlines')"
refused 1 "error: reason: give 1 to 500 bytes of text without control characters" \
	move "$C" on_hold --reason "$(printf 'r%.0s' $(seq 501))"
refused 2 "corridor move: option '--reason' needs a value" "$CORRIDOR" move "$C" on_hold --db w.db --reason
refused 2 "corridor move: unknown option '--force'" move "$C" eligible --force
# 500 bytes is the longest reason.
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "$(printf 'r%.0s' $(seq 500))" --db w.db
expect_stdout "case $C: assessed -> on_hold"

# No database.
expect_status 1 "$CORRIDOR" move "$C" eligible --db missing.db
expect_stderr "$(no_db_error missing.db)"
expect_no_file missing.db
pass

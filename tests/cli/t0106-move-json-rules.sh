#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move decides eligibility with the rules in force and on the
# day of the clock ($CORRIDOR_NOW), never the defaults or the system clock;
# a NOT_ELIGIBLE refusal lists every unmet criterion (one a line, or as
# causes of the error document under --json) and changes nothing; under
# --json a move prints what it did.
. "$(dirname "$0")/lib.sh"

C=SD-PZU-2026-000001
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
SD-PZU-2026-000001,HEV,SD-PZU,SDN,EGY,registered,urgent,2026-11-20,1,principal,OSMAN,Hawa,,,F,1988-04-04,0,EGY,ar,,passport,E1234567,EGY,2026-12-01
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
# Fit the day before; the passport runs to 2026-12-01. On 2026-11-28 the
# case is eligible under the defaults; by the system clock it would not be.
expect_status 0 "$CORRIDOR" health check "$C-01" --outcome fit --at 2026-11-27T10:00Z --db w.db
export CORRIDOR_NOW=2026-11-28T09:00:00Z
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level none --grounds "no risk factors identified" --db w.db
expect_status 0 "$CORRIDOR" move "$C" assessed --db w.db
expect_status 0 "$CORRIDOR" move "$C" eligible --json --db w.db
[ "$(stdout | jq -c .)" = '{"case":"'"$C"'","from":"assessed","to":"eligible","reason":null,"at":"2026-11-28T09:00:00Z","by":"tester","taken_off":null}' ] ||
	fail "move --json: $(stdout)"

# refused STATUS CMD...: that status, nothing on stdout, nothing changed.
refused()
{
	local status=$1
	shift
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# A stricter rule in force: the passport is too short for it.
printf 'HEV.doc_margin_days.passport = 30\n' >strict.conf
expect_status 0 "$CORRIDOR" rules set strict.conf --db w.db
refused 1 "$CORRIDOR" move "$C" travel_ready --db w.db
expect_stderr "error: case '$C' is 'eligible'; it cannot go to 'travel_ready': 1 eligibility criterion is not met on 2026-11-28 (no travel date set)
  TRAVEL_DOCUMENT  $C-01  DOC_VALIDITY_SHORT         passport of Hawa OSMAN expires 2026-12-01, 3 days after 2026-11-28 (no travel date set); HEV requires 30 days"
refused 1 "$CORRIDOR" move "$C" travel_ready --json --db w.db
[ "$(stderr | jq -c '[.error.code, .error.field, (.error.causes | length), .error.causes[0].code]')" = '["NOT_ELIGIBLE",null,1,"NOT_ELIGIBLE"]' ] ||
	fail "the error document: $(stderr)"
stderr | jq -r '.error.causes[0].message' | grep -q DOC_VALIDITY_SHORT || fail "the cause: $(stderr)"

# A later day: the passport has expired and the fitness check lapsed, under
# the defaults again; each unmet criterion a line of its own.
: >defaults.conf
expect_status 0 "$CORRIDOR" rules set defaults.conf --db w.db
CORRIDOR_NOW=2026-12-05T09:00:00Z refused 1 "$CORRIDOR" move "$C" travel_ready --db w.db
[ "$(stderr | head -n 1)" = "error: case '$C' is 'eligible'; it cannot go to 'travel_ready': 2 eligibility criteria are not met on 2026-12-05 (no travel date set)" ] ||
	fail "stderr: $(stderr)"
[ "$(stderr | wc -l)" -eq 3 ] || fail "two criteria, two lines: $(stderr)"
stderr | sed -n 2p | grep -q '^  TRAVEL_DOCUMENT .*DOC_EXPIRES_BEFORE_TRAVEL' || fail "the document line: $(stderr)"
stderr | sed -n 3p | grep -q '^  FITNESS .*FITNESS_EXPIRED' || fail "the fitness line: $(stderr)"

# On 2026-11-28 under the defaults it goes through.
expect_status 0 "$CORRIDOR" move "$C" travel_ready --json --db w.db
[ "$(stdout | jq -c '[.from, .to, .at]')" = '["eligible","travel_ready","2026-11-28T09:00:00Z"]' ] || fail "move --json: $(stdout)"

# Errors under --json: the code, the field, the message, on stderr.
refused 1 "$CORRIDOR" move "$C" on_hold --reason "" --json --db w.db
[ "$(stderr | jq -c .)" = '{"error":{"code":"INVALID","field":"reason","message":"reason: give 1 to 500 bytes of text without control characters"}}' ] ||
	fail "reason --json: $(stderr)"
refused 1 "$CORRIDOR" move "$C" on_hold --json --db w.db
[ "$(stderr | jq -c .error.code,.error.field)" = '"REASON_REQUIRED"
"reason"' ] || fail "REASON_REQUIRED --json: $(stderr)"
refused 1 "$CORRIDOR" move SD-PZU-2026-000999 on_hold --reason r --json --db w.db
[ "$(stderr | jq -c .)" = '{"error":{"code":"CASE_NOT_FOUND","field":"case","message":"no case '"'SD-PZU-2026-000999'"'"}}' ] ||
	fail "CASE_NOT_FOUND --json: $(stderr)"
refused 1 "$CORRIDOR" move "$C" booked --json --db w.db
[ "$(stderr | jq -c .)" = '{"error":{"code":"NO_BOOKING","field":null,"message":"case '"'$C'"' is '"'travel_ready'"'; it cannot go to '"'booked'"' without a seat on a movement"}}' ] ||
	fail "NO_BOOKING --json: $(stderr)"
pass

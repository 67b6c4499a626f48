#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# 'case show' opens with a summary of where the case stands (docs/cli.md):
# its booking, its open referrals, its protection level, whether its
# fitness to travel holds (at the departure it is booked on, else now, on
# the injected clock), its fund position and the moves it may make now.
# A case walked from registration to a seat, the summary checked at each
# step, line by line and in --json. And 'document add' records a number a
# person of another case holds, and says who.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-11-27T10:00:00Z
C=LY-TIP-2026-000123 H=NE-AJY-2026-000001
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,passport,B7654321,NGA,2031-06-30
CSV
fixture hasm.csv
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
expect_status 0 "$CORRIDOR" import hasm.csv --db w.db

# The summary of case $1: the lines between the case's first line and its
# programme. A read: it changes nothing.
summary()
{
	db_dump w.db >before.sql
	expect_status 0 "$CORRIDOR" case show "$1" --db w.db
	expect_empty_stderr
	[ "$(stdout | head -n 1)" = "case $1" ] || fail "case show $1 opens with: $(stdout | head -n 1)"
	stdout | sed -n '2,/^  programme/p' | sed '$d' >summary.txt
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
expect_summary()
{
	summary "$1"
	[ "$(cat summary.txt)" = "$2" ] || fail "the summary of $1:
$(cat summary.txt)
expected:
$2"
}
run_ok()
{
	expect_status 0 "$CORRIDOR" "$@" --db w.db
}

NOCHECK="not valid now (2026-11-27T10:00Z): no fitness-to-travel check recorded for Musa ADEBAYO (and 1 more)"
expect_summary "$C" "  booking      none
  referrals    none open
  protection   not assessed
  fitness      $NOCHECK
  fund         none
  next         ineligible (with a reason), on_hold (with a reason), closed (with a reason)
  not yet      counselled (NOT_COUNSELLED)"
[ "$(jv '.summary | tojson' case show "$C" --db w.db)" = '{"booking":null,"referrals":{"open":0,"kinds":[]},"protection":{"level":null,"persons":2,"assessed":0,"uncleared":0},"fitness":{"required":true,"valid":false,"at":"2026-11-27T10:00Z","for":"now","until":null,"unmet":[{"who":"LY-TIP-2026-000123-01","code":"FITNESS_MISSING","message":"no fitness-to-travel check recorded for Musa ADEBAYO"},{"who":"LY-TIP-2026-000123-02","code":"FITNESS_MISSING","message":"no fitness-to-travel check recorded for Chioma OKAFOR"}]},"fund":{"requests":0,"positions":[]},"next":[{"state":"ineligible","role":"caseworker","reason_required":true},{"state":"on_hold","role":"caseworker","reason_required":true},{"state":"closed","role":"programme manager","reason_required":true}],"not_yet":[{"state":"counselled","code":"NOT_COUNSELLED","message":"case '"'$C'"' is '"'registered'"'; it cannot go to '"'counselled'"' before a counselling session is recorded (a return happens only at the person'"'"'s request)"}]}' ] ||
	fail "summary --json: $(jv '.summary | tojson' case show "$C" --db w.db)"

# Counselled with an asylum wish: on hold, and referred.
run_ok counsel "$C" --counsellor "Amal Haddad" --language ar --decision yes --asylum-wish
expect_summary "$C" "  booking      none
  referrals    1 open: asylum wish to UNHCR
  protection   not assessed
  fitness      $NOCHECK
  fund         none
  next         ineligible (with a reason), closed (with a reason)
  not yet      registered (REFERRAL_OPEN)"
[ "$(jv '.summary.referrals | tojson' case show "$C" --db w.db)" = '{"open":1,"kinds":[{"no":1,"to":"UNHCR","subject":"asylum wish"}]}' ] ||
	fail "referrals --json: $(jv '.summary.referrals | tojson' case show "$C" --db w.db)"
# The referral closed, the case resumes where it was held from.
run_ok referral close "$C" 1 --outcome "the person withdrew the asylum wish"
run_ok move "$C" registered --reason "asylum wish withdrawn"
run_ok move "$C" counselled
expect_summary "$C" "  booking      none
  referrals    none open
  protection   not assessed
  fitness      $NOCHECK
  fund         none
  next         ineligible (with a reason), on_hold (with a reason), closed (with a reason)
  not yet      assessed (PROTECTION_NOT_ASSESSED)"

# Protection: the highest latest level of the persons, until cleared.
run_ok protection assess "$C-01" --level low --grounds "no known threat in Lagos State"
run_ok protection assess "$C-02" --level high --grounds "family feud in the home area"
summary "$C"
[ "$(sed -n 3p summary.txt)" = "  protection   high, not cleared" ] || fail "protection: $(sed -n 3p summary.txt)"
[ "$(jv '.summary.protection | tojson' case show "$C" --db w.db)" = '{"level":"high","persons":2,"assessed":2,"uncleared":1}' ] ||
	fail "protection --json: $(jv '.summary.protection | tojson' case show "$C" --db w.db)"
run_ok protection clear "$C-02" --reason "return to Abuja, away from the home area"
run_ok move "$C" assessed
run_ok move "$C" eligible
expect_summary "$C" "  booking      none
  referrals    none open
  protection   high, cleared
  fitness      $NOCHECK
  fund         none
  next         ineligible (with a reason), on_hold (with a reason), closed (with a reason)
  not yet      travel_ready (NOT_ELIGIBLE)"

# Fit to travel two hours ago: valid now, for 72 hours from the check.
for p in 01 02; do
	run_ok health check "$C-$p" --outcome fit --at 2026-11-27T08:00Z --by "Dr N. Haddad"
done
summary "$C"
[ "$(sed -n 4p summary.txt)" = "  fitness      valid now (2026-11-27T10:00Z), until 2026-11-30T08:00Z" ] ||
	fail "fitness: $(sed -n 4p summary.txt)"
[ "$(sed -n 6p summary.txt)" = "  next         travel_ready, ineligible (with a reason), on_hold (with a reason), closed (with a reason)" ] ||
	fail "next: $(sed -n 6p summary.txt)"
run_ok move "$C" travel_ready
# Three days later on the clock, the checks no longer hold.
CORRIDOR_NOW=2026-11-30T09:00:00Z summary "$C"
[ "$(sed -n 4p summary.txt)" = "  fitness      not valid now (2026-11-30T09:00Z): fitness check of Musa ADEBAYO on 2026-11-27 08:00 is 73 hours before departure on 2026-11-30 09:00; at most 72 hours are allowed (and 1 more)" ] ||
	fail "fitness three days later: $(sed -n 4p summary.txt)"

# A seat on a charter: the booking, and fitness at its departure.
M=LY-TIP-MV-2026-0001
run_ok movement add --office LY-TIP --kind charter --label "UZ 8401" --carrier UZ --open \
	--leg "from=MJI,to=IST,departs=2026-11-28T07:00Z,arrives=2026-11-28T10:00Z,seats=180" \
	--leg "from=IST,to=LOS,departs=2026-11-28T12:00Z,arrives=2026-11-28T18:00Z,seats=180"
run_ok movement book "$M" "$C"
expect_summary "$C" "  booking      booked on UZ 8401 ($M): MJI 2026-11-28T07:00Z -> IST 2026-11-28T12:00Z -> LOS, 2 seats, boards at MJI
  referrals    none open
  protection   high, cleared
  fitness      valid for the departure at 2026-11-28T07:00Z, until 2026-11-30T08:00Z
  fund         none
  next         departed, ineligible (with a reason), on_hold (with a reason), travel_ready (with a reason), no_show (with a reason), closed (with a reason)"
[ "$(jv '.summary.booking | tojson' case show "$C" --db w.db)" = '{"movement":"'$M'","label":"UZ 8401","status":"booked","board":"MJI","alight":"LOS","departs":"2026-11-28T07:00Z","arrives":"2026-11-28T18:00Z","legs":[{"from":"MJI","to":"IST","number":"UZ8401","departs":"2026-11-28T07:00Z","arrives":"2026-11-28T10:00Z"},{"from":"IST","to":"LOS","number":"UZ8401","departs":"2026-11-28T12:00Z","arrives":"2026-11-28T18:00Z"}],"seats":2}' ] ||
	fail "booking --json: $(jv '.summary.booking | tojson' case show "$C" --db w.db)"

# The fund: what a stranded migrant's case was granted and paid.
expect_summary "$H" "  booking      none
  referrals    none open
  protection   not assessed
  fitness      not valid now (2026-11-27T10:00Z): no fitness-to-travel check recorded for Moussa Traoré
  fund         none
  next         ineligible (with a reason), on_hold (with a reason), closed (with a reason)
  not yet      counselled (NOT_COUNSELLED)"
run_ok fund budget NE-AJY --currency XOF --amount 1000000
run_ok fund request "$H" --reason lost_documents --kind documents --currency XOF --amount 45000
run_ok fund request "$H" --reason lost_documents --kind shelter --currency XOF --amount 10000
run_ok fund request "$H" --reason destitution --kind food --currency XOF --amount 5000
run_ok fund approve 1
run_ok fund pay 1 --amount 30000
run_ok fund reject 3 --note "covered by a partner"
summary "$H"
[ "$(sed -n 5p summary.txt)" = "  fund         approved 45,000 XOF, paid 30,000 XOF, 1 pending for 10,000 XOF (3 requests)" ] ||
	fail "fund: $(sed -n 5p summary.txt)"
[ "$(jv '.summary.fund | tojson' case show "$H" --db w.db)" = '{"requests":3,"positions":[{"currency":"XOF","requests":3,"pending":1,"asked":"10000","approved":"45000","paid":"30000"}]}' ] ||
	fail "fund --json: $(jv '.summary.fund | tojson' case show "$H" --db w.db)"

# A document number held in another case: recorded, and said.
run_ok document add "$H-01" --kind passport --number A1234567 --issuer MLI --expires 2031-01-01
expect_stdout "added passport A1234567 issued by MLI, expires 2031-01-01 to $H-01
passport A1234567 is also held by person 1 of case $C
(see 'corridor duplicates')"
expect_empty_stderr
run_ok document add "NE-AJY-2026-000002-01" --kind passport --number A1234567 --issuer GIN --json
[ "$(stdout | jq -c '[.document.number, .also_held_by, .also_held_by_more]')" = '["A1234567",[{"person":"'$C'-01","case":"'$C'","seq":1},{"person":"'$H'-01","case":"'$H'","seq":1}],false]' ] ||
	fail "document add --json: $(stdout)"
# Another kind of document with that number, or a number of the same
# case, is no one else's.
run_ok document add "$H-01" --kind id_card --number A1234567 --issuer MLI
expect_stdout "added id_card A1234567 issued by MLI to $H-01"
run_ok document add "$C-02" --kind id_card --number Z999 --issuer NGA
run_ok document add "$C-01" --kind id_card --number Z999 --issuer NGA --json
[ "$(stdout | jq -c '.also_held_by')" = '[]' ] || fail "a number of the same case: $(stdout)"
# Held already by the person: refused, and nothing changes.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" document add "$H-01" --kind passport --number A1234567 --issuer MLI --db w.db
expect_stderr "error: '$H-01' already has passport A1234567 issued by MLI"
expect_empty_stdout
db_dump w.db >after.sql
expect_same_file before.sql after.sql

pass

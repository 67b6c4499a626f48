#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move to travel_ready evaluates the eligibility criteria on the
# case's records, today: refused with the number of unmet criteria and each
# of them under the refusal, the database unchanged; other guards speak
# first, alone; once every criterion is met the move goes through. A case
# is booked on a movement (the move alone is refused: NO_BOOKING); a no-show
# recorded on the movement, then rebooked to travel_ready, is evaluated
# again.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,interpreter,decision,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,eligible,urgent,2026-01-05,1,principal,YUSUF,Amina,,,F,1990-03-14,0,NGA,ha;en,,passport,A1234567,NGA,2026-03-02,A. Counsellor,en,0,yes,low
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,eligible,urgent,2026-01-05,2,child,YUSUF,Ibrahim,,,M,2015-06-01,0,NGA,ha,CR,,,,,A. Counsellor,en,0,yes,low
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ha --decision yes --db w.db
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level high --grounds "threat in the home area" --db w.db
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level none --grounds "child with the mother" --db w.db
today=$(date -u +%F)

# refused STDERR CMD...: status 1, exactly that stderr, nothing on stdout,
# the database unchanged.
refused()
{
	local want=$1
	shift
	db_dump w.db >before.sql
	expect_status 1 "$@"
	expect_stderr "$want"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# The protection guard comes first, on its own line.
refused "error: case '$C' is 'eligible'; it cannot go to 'travel_ready': person '$C-01' at high protection risk, not cleared by a protection officer" \
	"$CORRIDOR" move "$C" travel_ready --db w.db
expect_status 0 "$CORRIDOR" protection clear "$C-01" --reason "the threat was verified as past" --db w.db

refused "error: case '$C' is 'eligible'; it cannot go to 'travel_ready': 4 eligibility criteria are not met on $today (no travel date set)
  TRAVEL_DOCUMENT  $C-01  DOC_EXPIRES_BEFORE_TRAVEL  passport of Amina YUSUF expired 2026-03-02, before $today (no travel date set)
  FITNESS          $C-01  FITNESS_MISSING            no fitness-to-travel check recorded for Amina YUSUF
  TRAVEL_DOCUMENT  $C-02  NO_TRAVEL_DOCUMENT         Ibrahim YUSUF holds no travel document accepted for VHR (passport, emergency travel document or laissez-passer)
  FITNESS          $C-02  FITNESS_MISSING            no fitness-to-travel check recorded for Ibrahim YUSUF" \
	"$CORRIDOR" move "$C" travel_ready --db w.db

expect_status 0 "$CORRIDOR" document add "$C-01" --kind passport --number A7654321 --issuer NGA --expires 2031-01-01 --db w.db
expect_status 0 "$CORRIDOR" document add "$C-02" --kind etd --number E2 --issuer NGA --db w.db
expect_status 0 "$CORRIDOR" health check "$C-01" --outcome fit --db w.db
refused "error: case '$C' is 'eligible'; it cannot go to 'travel_ready': 1 eligibility criterion is not met on $today (no travel date set)
  FITNESS          $C-02  FITNESS_MISSING            no fitness-to-travel check recorded for Ibrahim YUSUF" \
	"$CORRIDOR" move "$C" travel_ready --db w.db

expect_status 0 "$CORRIDOR" health check "$C-02" --outcome fit --db w.db
expect_status 0 "$CORRIDOR" move "$C" travel_ready --db w.db
expect_stdout "case $C: eligible -> travel_ready"
expect_empty_stderr
expect_status 0 "$CORRIDOR" eligibility "$C" --db w.db
expect_stdout "case $C (VHR, travel_ready, 2 persons) is eligible on $today (no travel date set)"

# Booked, a no-show, the child found unfit: not rebooked.
refused "error: case '$C' is 'travel_ready'; it cannot go to 'booked' without a seat on a movement: book it with 'corridor plan' or 'corridor movement book MOVEMENT CASE'" \
	"$CORRIDOR" move "$C" booked --db w.db
dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 5 hours' +%Y-%m-%dT%H:%MZ)
M=LY-TIP-MV-${dep:0:4}-0001
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --open \
	--leg "from=MJI,to=LOS,departs=$dep,arrives=$arr,seats=180" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" "$C" --db w.db
expect_stdout "case $C booked on $M"
expect_status 0 "$CORRIDOR" movement noshow "$M" "$C" --reason "fell ill on the day of departure" --db w.db
expect_stdout "case $C: no-show on $M; 0 stand-bys given a seat"
expect_empty_stderr
[ "$(jv '.bookings[].status' movement show "$M" --db w.db)" = "no_show" ] ||
	fail "no-show: the bookings are $(jq -c .bookings "$WORK/.jv.stdout")"
expect_status 0 "$CORRIDOR" case show "$C" --json --db w.db
[ "$(stdout | jq -r .case.state)" = no_show ] || fail "no-show: the case is $(stdout | jq -r .case.state)"
[ "$(stdout | jq -r '[.history[] | select(.action == "state")] | .[-2:] | reverse | .[] | "\(.detail)|\(.reason)"')" = "booked -> no_show|fell ill on the day of departure
travel_ready -> booked|on UZ 8401 ($M), MJI -> LOS" ] || fail "events: $(stdout | jq -c .history)"
expect_status 0 "$CORRIDOR" health check "$C-02" --outcome unfit --db w.db
refused "error: case '$C' is 'no_show'; it cannot go to 'travel_ready': 1 eligibility criterion is not met on $today (no travel date set)
  FITNESS          $C-02  UNFIT                      Ibrahim YUSUF was found unfit to travel on $today" \
	"$CORRIDOR" move "$C" travel_ready --db w.db
expect_status 0 "$CORRIDOR" health check "$C-02" --outcome fit --db w.db
expect_status 0 "$CORRIDOR" move "$C" travel_ready --db w.db
expect_stdout "case $C: no_show -> travel_ready"
expect_status 0 "$CORRIDOR" case show "$C" --json --db w.db
[ "$(stdout | jq -r .case.state)" = travel_ready ] || fail "not travel_ready"

# Moves that do not need the criteria are not evaluated.
expect_status 0 "$CORRIDOR" health check "$C-02" --outcome deferred --db w.db
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "medical treatment under way" --db w.db
expect_stdout "case $C: travel_ready -> on_hold"
pass

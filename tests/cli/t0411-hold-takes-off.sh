#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Nobody unsafe leaves (docs/movements.md): a booked case put on hold, by a
# move or by an asylum wish at counselling, found ineligible or closed, is
# taken off its movement first, its seats freed, an event on the case and
# on the movement, the command saying so; it is held from travel_ready, so
# resuming never brings back a booking that is gone. A stand-by place goes
# the same way. A refused move takes nobody off.
. "$(dirname "$0")/lib.sh"

now=$(date -u +%Y-%m-%dT%H:%MZ)
dep=$(date -u -d "${now%Z} UTC + 1 day" +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d "${now%Z} UTC + 1 day 5 hours" +%Y-%m-%dT%H:%MZ)
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en,,passport,A1234567,NGA,2030-01-01
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,passport,B7654321,NGA,2031-06-30
LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-06,1,principal,BELLO,Sani,,,M,1988-03-14,0,NGA,ha,,passport,C1234567,NGA,2030-01-01
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-07,1,principal,EZE,Ngozi,,,F,1992-07-30,0,NGA,ig,,passport,D1234567,NGA,2030-01-01
LY-TIP-2026-000004,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-08,1,principal,ABUBAKAR,Yusuf,,,M,1985-11-02,0,NGA,ha,,passport,E1234567,NGA,2030-01-01
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
C1=LY-TIP-2026-000001 C2=LY-TIP-2026-000002 C3=LY-TIP-2026-000003 C4=LY-TIP-2026-000004
for c in $C1 $C2 $C3 $C4; do
	expect_status 0 "$CORRIDOR" counsel "$c" --counsellor "Amal Haddad" --language en --decision yes --db w.db
	expect_status 0 "$CORRIDOR" move "$c" counselled --db w.db
	for p in $(jv '.persons[].ref' case show "$c" --db w.db); do
		expect_status 0 "$CORRIDOR" protection assess "$p" --level low --grounds "no known threat" --db w.db
		expect_status 0 "$CORRIDOR" health check "$p" --outcome fit --at "$now" --db w.db
	done
	for s in assessed eligible travel_ready; do
		expect_status 0 "$CORRIDOR" move "$c" "$s" --db w.db
	done
done
Y=${dep:0:4}
M=LY-TIP-MV-$Y-0001
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --open \
	--leg "from=MJI,to=LOS,departs=$dep,arrives=$arr,seats=4" --db w.db
for c in $C1 $C2 $C3; do
	expect_status 0 "$CORRIDOR" movement book "$M" "$c" --db w.db
done
# Four seats, four booked travellers: the last case waits on stand-by.
expect_status 0 "$CORRIDOR" movement standby "$M" "$C4" --db w.db
booked() { jv '[.bookings[] | select(.status == "booked") | .case] | join(" ")' movement show "$M" --db w.db; }
standby() { jv '[.bookings[] | select(.status == "standby") | .case] | join(" ")' movement show "$M" --db w.db; }
[ "$(booked)" = "$C1 $C2 $C3" ] || fail "booked: $(booked)"
[ "$(standby)" = "$C4" ] || fail "standby: $(standby)"

# A hold without a reason is refused and takes nobody off.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" move "$C1" on_hold --db w.db
expect_stderr "error: case '$C1' is 'booked'; it can go to 'on_hold' only with a reason"
expect_empty_stdout
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# Put on hold while booked: taken off first, held from travel_ready.
expect_status 0 "$CORRIDOR" move "$C1" on_hold --reason "asked to wait for the birth" --db w.db
expect_stdout "case $C1 taken off UZ 8401 ($M): 2 seats freed
case $C1: travel_ready -> on_hold"
expect_empty_stderr
[ "$(booked)" = "$C2 $C3" ] || fail "booked after the hold: $(booked)"
[ "$(jv '.case.state' case show "$C1" --db w.db)" = on_hold ] || fail "C1 is not on hold"
jv '.history[] | "\(.action)|\(.detail)|\(.reason // "")"' case show "$C1" --db w.db | tail -n 2 >got.txt
cat >want.txt <<EOT
state|booked -> travel_ready|taken off UZ 8401 ($M): put on hold: asked to wait for the birth
state|travel_ready -> on_hold|asked to wait for the birth
EOT
expect_same_file want.txt got.txt
jv '.history[] | "\(.action)|\(.detail)|\(.reason)"' movement show "$M" --db w.db | grep 'taken off' >got.txt
echo "booking|case $C1 taken off|put on hold: asked to wait for the birth" >want.txt
expect_same_file want.txt got.txt
# Resuming goes back to travel_ready, where it was held from, not to booked.
expect_status 1 "$CORRIDOR" move "$C1" booked --reason "resumed" --db w.db
expect_status 0 "$CORRIDOR" move "$C1" travel_ready --reason "the birth went well" --db w.db
expect_stdout "case $C1: on_hold -> travel_ready"

# An asylum wish at counselling while booked: taken off, held, referred.
expect_status 0 "$CORRIDOR" counsel "$C2" --counsellor "Amal Haddad" --language ha --decision undecided --asylum-wish --db w.db
expect_stdout "recorded counselling session 2 of case $C2: decision undecided
asylum wish: case $C2 taken off UZ 8401 ($M): 1 seat freed
asylum wish: case $C2 put on hold (travel_ready -> on_hold)
asylum wish: referral 1 opened to UNHCR"
[ "$(booked)" = "$C3" ] || fail "booked after the asylum wish: $(booked)"
# With --json, the move says what was taken off; a stand-by place goes too.
expect_status 0 "$CORRIDOR" move "$C4" on_hold --reason "lost the passport" --json --db w.db
[ "$(stdout | jq -c '{from, to, taken_off}')" = '{"from":"travel_ready","to":"on_hold","taken_off":{"movement":"'"$M"'","label":"UZ 8401","standby":true,"seats":0}}' ] ||
	fail "move --json: $(stdout)"
[ "$(standby)" = "" ] || fail "standby after the hold: $(standby)"
# Closed while booked (withdrawn): taken off too.
expect_status 0 "$CORRIDOR" move "$C3" closed --reason "withdrew" --db w.db
expect_stdout "case $C3 taken off UZ 8401 ($M): 1 seat freed
case $C3: travel_ready -> closed"
[ "$(booked)" = "" ] || fail "booked at the end: $(booked)"
# A move that leaves the booking alone prints no taken-off line.
expect_status 0 "$CORRIDOR" move "$C1" on_hold --reason "again" --json --db w.db
[ "$(stdout | jq -c .taken_off)" = null ] || fail "taken_off: $(stdout)"

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Bookings by hand and the day of departure: each refusal names what would
# break (seats, a stretcher place, the route, the case's state, the
# movement's state, an office's quota) and changes nothing; stand-bys; a
# no-show whose seats go to the first stand-by that fits; unbooking;
# quotas; escorts with every field, no more than the escort seats.
. "$(dirname "$0")/lib.sh"

fixture mv-day.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-day.csv --db w.db
for p in 000001-01 000001-02 000002-01 000003-01 000005-01 000006-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
# She travels on a stretcher, with a medical escort.
expect_status 0 "$CORRIDOR" health check SD-PZU-2026-000004-01 --outcome fit_with_conditions \
	--condition stretcher --condition medical_escort --db w.db
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002 C3=SD-PZU-2026-000003
C4=SD-PZU-2026-000004 C5=SD-PZU-2026-000005 C6=SD-PZU-2026-000006

refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$want_status" "$@"
	[ "$(head -n 1 "$WORK/.stderr")" = "${want%%$'\n'*}" ] || fail "stderr does not start with: $want"
	[ "$want_status" = 2 ] || expect_stderr "$want"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
ok()
{
	local want=$1
	shift
	expect_status 0 "$CORRIDOR" movement "$@" --db w.db
	expect_stdout "$want"
	expect_empty_stderr
}
state_of() { jv .case.state case show "$1" --db w.db; }

dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 2 hours' +%Y-%m-%dT%H:%MZ)
Y=${dep:0:4}
M1=SD-PZU-MV-$Y-0001 M2=SD-PZU-MV-$Y-0002 M3=SD-PZU-MV-$Y-0003
ok "movement $M1 added (open)" add --office SD-PZU --kind charter --label "MS 801" --carrier MS \
	--escort-seats 2 --open --leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=3"
ok "movement $M2 added (open)" add --office SD-PZU --kind charter --label "MS 802" --escort-seats 1 \
	--open --leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=2,stretchers=1"
ok "movement $M3 added (planned)" add --office SD-PZU --kind charter --label "MS 803" \
	--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=9"

# A stretcher case on a movement without stretcher places.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement book "$M1" "$C4" --db w.db
expect_stderr "error: case '$C4' cannot go on movement '$M1' (MS 801)
  leg PZU-CAI of '$M1' has 0 stretcher positions for 1"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
# Without an escort seat either: both causes, each its own, code CAPACITY.
M4=SD-PZU-MV-$Y-0004
ok "movement $M4 added (open)" add --office SD-PZU --kind charter --label "MS 804" --escort-seats 0 \
	--open --leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=9"
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement book "$M4" "$C4" --db w.db
expect_stderr "error: case '$C4' cannot go on movement '$M4' (MS 804)
  '$M4' carries 1 medical traveller, who needs 1 medical escort (1 per 3), and has 0 escort seats free
  leg PZU-CAI of '$M4' has 0 stretcher positions for 1"
expect_status 1 "$CORRIDOR" movement book "$M4" "$C4" --json --db w.db
[ "$(jq -r '[.error.code, .error.field, (.error.causes | map(.code + ":" + .field) | join(","))] | join("|")' "$WORK/.stderr")" = \
	"CAPACITY|movement|CAPACITY:escort_seats,CAPACITY:movement" ] || fail "causes: $(cat "$WORK/.stderr")"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
ok "movement $M4: open -> cancelled" cancel "$M4" --reason "not needed"

# Quotas: the family of two does not fit a quota of one seat for its office.
ok "movement $M1: quota of SD-PZU set to 1 seat" quota "$M1" SD-PZU 1
refused 1 "error: case '$C1' cannot go on movement '$M1' (MS 801)
  the SD-PZU quota of 1 seats on '$M1' carries 2" \
	"$CORRIDOR" movement book "$M1" "$C1" --db w.db
ok "movement $M1: quota of SD-PZU set to 2 seats" quota "$M1" SD-PZU 2
ok "movement $M1: quota of LY-TIP set to 0 seats" quota "$M1" LY-TIP 0
ok "case $C1 booked on $M1" book "$M1" "$C1"
refused 1 "error: case '$C2' cannot go on movement '$M1' (MS 801)
  the SD-PZU quota of 2 seats on '$M1' carries 3" \
	"$CORRIDOR" movement book "$M1" "$C2" --db w.db
ok "movement $M1: quota of SD-PZU removed" quota "$M1" SD-PZU none
refused 1 "error: no office 'XX-YYY'" "$CORRIDOR" movement quota "$M1" XX-YYY 3 --db w.db
refused 1 "error: a quota of 4 seats is more than movement '$M1' (MS 801) has: 3 on its largest leg" \
	"$CORRIDOR" movement quota "$M1" SD-PZU 4 --db w.db
refused 2 "corridor movement: SEATS: 'many' is not a whole number from 0 to 9999" \
	"$CORRIDOR" movement quota "$M1" SD-PZU many --db w.db
refused 2 "corridor movement: give a movement reference, an office and a number of seats (or 'none')" \
	"$CORRIDOR" movement quota "$M1" SD-PZU --db w.db
ok "case $C2 booked on $M1" book "$M1" "$C2"

# Refusals: seats full, a stretcher needed, a route not served, a case not
# travel-ready, a movement not open, a case already booked.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement book "$M1" "$C3" --db w.db
expect_stderr "error: case '$C3' cannot go on movement '$M1' (MS 801)
  leg PZU-CAI of '$M1' has 3 seats for 4"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
refused 1 "error: movement '$M1' (MS 801) does not go from SDN to ETH" "$CORRIDOR" movement book "$M1" "$C5" --db w.db
refused 1 "error: case '$C6' is 'eligible', not travel_ready" "$CORRIDOR" movement book "$M1" "$C6" --db w.db
refused 1 "error: movement '$M3' is 'planned': cases are booked on open movements (open it first)" \
	"$CORRIDOR" movement book "$M3" "$C3" --db w.db
refused 1 "error: case '$C1' is 'booked', not travel_ready" "$CORRIDOR" movement book "$M2" "$C1" --db w.db
refused 1 "error: no case 'SD-PZU-2026-000099'" "$CORRIDOR" movement book "$M1" SD-PZU-2026-000099 --db w.db
refused 2 "corridor movement: give a movement reference and a case ID" "$CORRIDOR" movement book "$M1" --db w.db
# The stretcher and her medical escort fit the other movement: two seats.
ok "case $C4 booked on $M2" book "$M2" "$C4"

# Stand-bys: only the route must fit.
expect_status 0 "$CORRIDOR" movement standby "$M1" "$C3" --json --db w.db
expect_empty_stderr
[ "$(jq -r '[.movement, .case, .status, .board, .alight] | join("|")' "$WORK/.stdout")" = \
	"$M1|$C3|standby|PZU|CAI" ] || fail "standby --json: $(cat "$WORK/.stdout")"
refused 1 "error: movement '$M1' (MS 801) does not go from SDN to ETH" "$CORRIDOR" movement standby "$M1" "$C5" --db w.db
refused 1 "error: case '$C3' already holds a booking or a stand-by" "$CORRIDOR" movement standby "$M1" "$C3" --db w.db

# A no-show frees two seats; the stand-by takes one.
refused 2 "corridor movement: --reason: say what is known (did not report, ill...)" \
	"$CORRIDOR" movement noshow "$M1" "$C1" --db w.db
ok "case $C1: no-show on $M1; 1 stand-by given a seat" noshow "$M1" "$C1" --reason "did not report"
[ "$(state_of "$C1")/$(state_of "$C3")" = no_show/booked ] ||
	fail "after the no-show: $(jv '.cases | map(.ref + " " + .state) | join(", ")' case list --db w.db)"
refused 1 "error: case '$C1' holds no booking on '$M1'" \
	"$CORRIDOR" movement noshow "$M1" "$C1" --reason "again" --db w.db

# Unbooking.
refused 2 "corridor movement: --reason: say why the case comes off the movement" \
	"$CORRIDOR" movement unbook "$M1" "$C2" --db w.db
ok "case $C2 off $M1" unbook "$M1" "$C2" --reason "chose to wait for the family"
[ "$(state_of "$C2")" = travel_ready ] || fail "$C2 is not travel_ready"
refused 1 "error: case '$C2' is 'travel_ready' and has no booking on '$M1'" \
	"$CORRIDOR" movement unbook "$M1" "$C2" --reason "again" --db w.db

# Escorts, with every field; no more than the escort seats.
ok "movement $M1: medical escort O'BRIEN named" escort "$M1" --family "O'BRIEN" --given "Siobhán" --sex F \
	--birth-date 1985-04-04 --nationality IRL --passport PA1234567 --issuer IRL --expires 2030-01-01 --medical
ok "movement $M1: operational escort SMITH named" escort "$M1" --family SMITH --given John --sex M \
	--birth-date 1975-04-04 --nationality GBR
refused 1 "error: movement '$M1' has 2 escort seats, all named" "$CORRIDOR" movement escort "$M1" --family DOE \
	--given Jane --sex X --birth-date 1980-01-01 --nationality GBR --db w.db
refused 2 "corridor movement: --sex: F, M or X" "$CORRIDOR" movement escort "$M2" --family DOE --sex Q \
	--birth-date 1980-01-01 --nationality GBR --db w.db
refused 2 "corridor movement: --passport needs --issuer and --expires" "$CORRIDOR" movement escort "$M2" \
	--family DOE --sex F --birth-date 1980-01-01 --nationality GBR --passport X1 --db w.db
refused 2 "corridor movement: --birth-date: '1980-02-30' is not a real date in the form YYYY-MM-DD" \
	"$CORRIDOR" movement escort "$M2" --family DOE --sex F --birth-date 1980-02-30 --nationality GBR --db w.db
refused 2 "corridor movement: --family: the escort's family name, as on the passport" \
	"$CORRIDOR" movement escort "$M2" --sex F --birth-date 1980-01-01 --nationality GBR --db w.db
[ "$(jv '.escorts | map([(.no | tostring), .family_name, (.given_names // ""), (.medical | if . then "1" else "0" end)] | join("|")) | join(" / ")' \
	movement show "$M1" --db w.db)" = "1|O'BRIEN|Siobhán|1 / 2|SMITH|John|0" ] ||
	fail "escorts: $(jq -c .escorts "$WORK/.jv.stdout")"
# sql: no --json shows an escort's sex, birth date, nationality, passport, issuer or expiry yet
[ "$(sql w.db "SELECT group_concat(no || '|' || sex || '|' || birth_date || '|' ||
 nationality || '|' || passport || '|' || issuer || '|' || coalesce(expires_on, '-'), ' / ')
 FROM (SELECT * FROM movement_escort ORDER BY no) AS e")" = \
	"1|F|1985-04-04|IRL|PA1234567|IRL|2030-01-01 / 2|M|1975-04-04|GBR|||-" ] ||
	fail "escorts: $(sql w.db 'SELECT * FROM movement_escort')"

expect_status 0 "$CORRIDOR" movement show "$M1" --db w.db
sed -E 's/^  20[0-9-]{8}T[0-9:]{8}Z  /  AT  /' "$WORK/.stdout" | sed 2,3d >show.txt
cat >want.txt <<EOT
$M1  charter MS 801 carrier MS, open, office SD-PZU, 2 escort seats
  quota     LY-TIP: 0 seats
  escort    1. O'BRIEN, Siobhán (medical)
  escort    2. SMITH, John (operational)
bookings
  G001  $C1   no_show   2 persons  PZU -> CAI
  G002  $C2   cancelled 1 person   PZU -> CAI
  G003  $C3   cancelled 1 person   PZU -> CAI
  G004  $C3   booked    1 person   PZU -> CAI
history
  AT  created    charter MS 801 PZU -> CAI, 1 leg, open  (tester)
  AT  quota      quota of SD-PZU: 1 seat  (tester)
  AT  quota      quota of SD-PZU: 2 seats  (tester)
  AT  quota      quota of LY-TIP: 0 seats  (tester)
  AT  quota      quota of SD-PZU removed  (tester)
  AT  escort     medical escort 1: O'BRIEN, Siobhán  (tester)
  AT  escort     operational escort 2: SMITH, John  (tester)
EOT
expect_same_file want.txt show.txt

# The cases' events, each case's in order.
for c in "$C1" "$C2" "$C3" "$C4" "$C5" "$C6"; do
	jv '.history[] | select(.action == ("state", "booking")) | [.action, .detail, (.reason // "")] | join("|")' \
		case show "$c" --db w.db | sed "s/^/$c|/"
done >events.txt
cat >want.txt <<EOT
$C1|state|travel_ready -> booked|on MS 801 ($M1), PZU -> CAI
$C1|state|booked -> no_show|did not report
$C2|state|travel_ready -> booked|on MS 801 ($M1), PZU -> CAI
$C2|state|booked -> travel_ready|chose to wait for the family
$C3|booking|stand-by on MS 801 ($M1), PZU -> CAI|
$C3|state|travel_ready -> booked|on MS 801 ($M1), PZU -> CAI: stand-by given a seat freed by a no-show
$C4|state|travel_ready -> booked|on MS 802 ($M2), PZU -> CAI
EOT
expect_same_file want.txt events.txt
pass

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A movement's lifecycle: planned -> open -> closed -> departed -> arrived,
# reopen and cancel with a reason; what happens to the cases with it
# (booked cases depart, arrive with their arrival confirmed, or go back to
# travel_ready; stand-bys are released), each with its event; illegal
# transitions refused with the states it can go to, nothing changed.
. "$(dirname "$0")/lib.sh"

# Evacuees from Port Sudan to Cairo, travel-ready, fit to travel today.
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
for p in 000001-01 000001-02 000002-01 000003-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002 C3=SD-PZU-2026-000003

refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$want_status" "$@"
	[ "$(head -n 1 "$WORK/.stderr")" = "$want" ] || fail "stderr does not start with: $want"
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
# A case's history as CASE|ACTION|DETAIL|REASON lines, for those actions.
case_events()
{
	jv '.history[] | select(.action == ("state", "booking", "support"))
		| [.action, .detail, (.reason // "")] | join("|")' case show "$1" --db w.db | sed "s/^/$1|/"
}

dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 2 hours' +%Y-%m-%dT%H:%MZ)
Y=${dep:0:4}
M1=SD-PZU-MV-$Y-0001 M2=SD-PZU-MV-$Y-0002 M3=SD-PZU-MV-$Y-0003
for n in 1 2 3; do
	ok "movement SD-PZU-MV-$Y-000$n added (planned)" add --office SD-PZU --kind charter --label "MS 80$n" \
		--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=3"
done

# Planned: not yet bookable, and it cannot leave.
refused 1 "error: movement '$M1' is 'planned': cases are booked on open movements (open it first)" \
	"$CORRIDOR" movement book "$M1" "$C1" --db w.db
refused 1 "error: movement '$M1' is 'planned'; it cannot go to 'departed' (next: open, cancelled)" \
	"$CORRIDOR" movement depart "$M1" --db w.db
ok "movement $M1: planned -> open" open "$M1"
refused 1 "error: movement '$M1' is 'open'; it cannot go to 'open' (next: closed, cancelled)" \
	"$CORRIDOR" movement open "$M1" --db w.db
refused 1 "error: movement '$M1' is 'open'; it cannot go to 'departed' (next: closed, cancelled)" \
	"$CORRIDOR" movement depart "$M1" --db w.db
refused 1 "error: movement '$M1' is 'open'; it cannot go to 'arrived' (next: closed, cancelled)" \
	"$CORRIDOR" movement arrive "$M1" --db w.db

# Three seats: a family of two and one man booked, a woman on stand-by.
ok "case $C1 booked on $M1" book "$M1" "$C1"
ok "case $C2 booked on $M1" book "$M1" "$C2"
ok "case $C3 on stand-by for $M1" standby "$M1" "$C3"
[ "$(state_of "$C3")" = travel_ready ] || fail "a stand-by stays travel_ready"
expect_status 0 "$CORRIDOR" movement list --state open --db w.db
expect_stdout_contains "$M1  open      charter    MS 801       PZU-CAI"
expect_stdout_contains "  2 cases, 3 persons, 0 free, 1 on stand-by"

# Closing the manifest releases the stand-by; reopening needs a reason.
ok "movement $M1: open -> closed; 1 stand-by released" close "$M1"
refused 2 "corridor movement: --reason: say why the manifest is reopened" "$CORRIDOR" movement reopen "$M1" --db w.db
# Reopening takes a closed manifest back: a planned movement is opened instead.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement reopen "$M2" --reason "more seats" --db w.db
expect_stderr "error: movement '$M2' is 'planned': reopening takes a closed manifest back to open
hint: 'corridor movement open' opens a planned movement"
expect_status 1 "$CORRIDOR" movement reopen "$M2" --reason "more seats" --json --db w.db
[ "$(jq -r '.error.code + " " + .error.field' "$WORK/.stderr")" = "WRONG_STATE movement" ] ||
	fail "reopen --json: $(cat "$WORK/.stderr")"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
refused 1 "error: movement '$M1': going from closed to open needs a reason" \
	"$CORRIDOR" movement open "$M1" --db w.db
ok "movement $M1: closed -> open" reopen "$M1" --reason "two seats more from the carrier"
ok "movement $M1: open -> closed" close "$M1"
# Departure day: the clock stands at the scheduled departure (a movement
# departs no earlier than three hours before it).
export CORRIDOR_NOW=$(date -u -d "${dep%Z} UTC" +%Y-%m-%dT%H:%M:%SZ)
# On departure day a stand-by may still wait; departing releases it.
ok "case $C3 on stand-by for $M1" standby "$M1" "$C3"
ok "movement $M1: closed -> departed; 2 cases departed; 1 stand-by released" depart "$M1"
[ "$(state_of "$C1")/$(state_of "$C2")/$(state_of "$C3")" = departed/departed/travel_ready ] ||
	fail "after departure: $(jv '.cases | map(.ref + " " + .state) | join(", ")' case list --db w.db)"
refused 1 "error: movement '$M1' is 'departed'; it cannot go to 'cancelled' (next: arrived)" \
	"$CORRIDOR" movement cancel "$M1" --reason "too late" --db w.db
ok "movement $M1: departed -> arrived; 2 cases arrived" arrive "$M1"
[ "$(state_of "$C1")/$(state_of "$C2")" = arrived/arrived ] || fail "not arrived"
arrival_of() { jv '.arrival | [.place, .confirmed_by, .note] | join("|")' support show "$1" --db w.db; }
[ "$(arrival_of "$C1") / $(arrival_of "$C2")" = \
	"Cairo (CAI)|tester|arrived on MS 801 ($M1) / Cairo (CAI)|tester|arrived on MS 801 ($M1)" ] ||
	fail "arrivals: $(arrival_of "$C1") / $(arrival_of "$C2")"
[ "$(jv .arrival support show "$C3" --db w.db)" = null ] || fail "$C3 has an arrival: $(jq -c .arrival "$WORK/.jv.stdout")"
refused 1 "error: movement '$M1' is 'arrived'; it cannot go to 'cancelled' (next: none)" \
	"$CORRIDOR" movement cancel "$M1" --reason "too late" --db w.db

# Cancelling an open movement puts its booked cases back to travel_ready.
ok "movement $M2: planned -> open" open "$M2"
ok "case $C3 booked on $M2" book "$M2" "$C3"
refused 2 "corridor movement: --reason: say why the movement is cancelled" "$CORRIDOR" movement cancel "$M2" --db w.db
ok "movement $M2: open -> cancelled; 1 case back to travel_ready" cancel "$M2" --reason "the airport closed"
[ "$(state_of "$C3")" = travel_ready ] || fail "$C3 is not back to travel_ready"
refused 1 "error: movement '$M2' is 'cancelled'; it cannot go to 'open' (next: none)" \
	"$CORRIDOR" movement open "$M2" --db w.db
ok "movement $M3: planned -> cancelled" cancel "$M3" --reason "not needed"
refused 1 "error: no movement 'SD-PZU-MV-$Y-0009'" \
	"$CORRIDOR" movement close "SD-PZU-MV-$Y-0009" --db w.db
refused 2 "corridor movement: give one movement reference" "$CORRIDOR" movement close --db w.db

# The movements' histories.
expect_status 0 "$CORRIDOR" movement show "$M1" --db w.db
sed -n '/^bookings$/,$p' "$WORK/.stdout" | sed -E 's/^  20[0-9-]{8}T[0-9:]{8}Z  /  AT  /' >show.txt
cat >want.txt <<EOT
bookings
  G001  $C1   departed  2 persons  PZU -> CAI
  G002  $C2   departed  1 person   PZU -> CAI
  G003  $C3   cancelled 1 person   PZU -> CAI
  G004  $C3   cancelled 1 person   PZU -> CAI
history
  AT  created    charter MS 801 PZU -> CAI, 1 leg, planned  (tester)
  AT  state      planned -> open  (tester)
  AT  state      open -> closed  (tester)
  AT  state      closed -> open: two seats more from the carrier  (tester)
  AT  state      open -> closed  (tester)
  AT  state      closed -> departed  (tester)
  AT  state      departed -> arrived  (tester)
EOT
expect_same_file want.txt show.txt
# Each movement's history, in its order.
movement_events() { jv '.history[] | [.action, .detail, (.reason // "")] | join("|")' movement show "$1" --db w.db; }
[ "$(movement_events "$M2")" = "created|charter MS 802 PZU -> CAI, 1 leg, planned|
state|planned -> open|
state|open -> cancelled|the airport closed" ] || fail "history of $M2: $(movement_events "$M2")"
[ "$(movement_events "$M3")" = "created|charter MS 803 PZU -> CAI, 1 leg, planned|
state|planned -> cancelled|not needed" ] || fail "history of $M3: $(movement_events "$M3")"

# And the cases' own, each in its order.
{
	case_events "$C1"
	case_events "$C2"
	case_events "$C3"
} >cases.txt
cat >want.txt <<EOT
$C1|state|travel_ready -> booked|on MS 801 ($M1), PZU -> CAI
$C1|state|booked -> departed|departed on MS 801 ($M1)
$C1|support|arrival confirmed at Cairo (CAI) on ATZ by tester|arrived on MS 801 ($M1)
$C1|state|departed -> arrived|
$C2|state|travel_ready -> booked|on MS 801 ($M1), PZU -> CAI
$C2|state|booked -> departed|departed on MS 801 ($M1)
$C2|support|arrival confirmed at Cairo (CAI) on ATZ by tester|arrived on MS 801 ($M1)
$C2|state|departed -> arrived|
$C3|booking|stand-by on MS 801 ($M1), PZU -> CAI|
$C3|booking|stand-by on MS 801 ($M1) released|the manifest was closed
$C3|booking|stand-by on MS 801 ($M1), PZU -> CAI|
$C3|booking|stand-by on MS 801 ($M1) released|the movement departed
$C3|state|travel_ready -> booked|on MS 802 ($M2), PZU -> CAI
$C3|state|booked -> travel_ready|MS 802 ($M2) cancelled: the airport closed
EOT
sed -i -E 's/ on 20[0-9-]{8}T[0-9:]{8}Z by / on ATZ by /' cases.txt
expect_same_file want.txt cases.txt
# Every booking, movement by movement, each movement's in the order made.
bookings=$(for m in $(jv '.movements[].ref' movement list --db w.db); do
	jv '.bookings[].status' movement show "$m" --db w.db
done | paste -sd, -)
[ "$bookings" = "departed,departed,cancelled,cancelled,cancelled" ] || fail "bookings: $bookings"

# What a state change did, and the states, read with --json.
M4=SD-PZU-MV-$Y-0004
ok "movement $M4 added (planned)" add --office SD-PZU --kind charter --label "MS 804" \
	--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=3"
expect_status 0 "$CORRIDOR" movement open "$M4" --json --db w.db
[ "$(jq -r '[.ref, .from, .to, .cases, .released] | map(tostring) | join("|")' "$WORK/.stdout")" = \
	"$M4|planned|open|0|0" ] || fail "open --json: $(cat "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" movement list --json --db w.db
[ "$(jq -r '.movements | map(.ref + ":" + .state) | join(",")' "$WORK/.stdout")" = \
	"$M1:arrived,$M2:cancelled,$M3:cancelled,$M4:open" ] || fail "list --json: $(cat "$WORK/.stdout")"
# A movement that departed still carries its travellers: 2 cases, 3 persons
# on its 3 seats; the cancelled ones carry none.
[ "$(jq -r '.movements | map("\(.ref):\(.cases)/\(.persons)/\(.seats_free)") | join(",")' "$WORK/.stdout")" = \
	"$M1:2/3/0,$M2:0/0/3,$M3:0/0/3,$M4:0/0/3" ] || fail "list --json load: $(cat "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" movement show "$M1" --json --db w.db
[ "$(jq -r '.bookings | map(.case + ":" + .status) | join(",")' "$WORK/.stdout")" = \
	"$C1:departed,$C2:departed,$C3:cancelled,$C3:cancelled" ] || fail "show --json: $(cat "$WORK/.stdout")"
pass

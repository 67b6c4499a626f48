#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The pre-departure check (docs/movements.md): `movement check` lists every
# blocker of every booked traveller on the departure of the leg they board
# (fitness, documents, decision, protection, referrals: the programme's
# rules) and the movement's load against its seats and special places;
# closing the manifest and departing are refused while any blocker stands,
# with each blocker, and change nothing; taking the case off or fixing the
# record clears the way.
. "$(dirname "$0")/lib.sh"

# Everyone examined this minute; the charters leave exactly a day later.
now=$(date -u +%Y-%m-%dT%H:%MZ)
dep=$(date -u -d "${now%Z} UTC + 1 day" +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d "${now%Z} UTC + 1 day 2 hours" +%Y-%m-%dT%H:%MZ)
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
for p in 000001-01 000001-02 000002-01 000003-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --at "$now" --db w.db
done
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002

refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$want_status" "$@"
	# A usage error is its line, then the usage.
	if [ "$want_status" = 2 ]; then
		[ "$(head -n 1 "$WORK/.stderr")" = "$want" ] || fail "stderr does not start with: $want"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
check() { expect_status "$1" "$CORRIDOR" movement check "$M1" --db w.db; }

Y=${dep:0:4}
M1=SD-PZU-MV-$Y-0001 M2=SD-PZU-MV-$Y-0002
for n in 1 2; do
	expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 80$n" --open \
		--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=3" --db w.db
done
expect_status 0 "$CORRIDOR" movement book "$M1" "$C1" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M1" "$C2" --db w.db

# All clear: exit 0.
check 0
expect_stdout "movement $M1 (MS 801): 2 cases, 3 travellers booked
clear: no blocker"
expect_status 0 "$CORRIDOR" movement check "$M1" --json --db w.db
[ "$(jq -c . "$WORK/.stdout")" = "{\"movement\":\"$M1\",\"label\":\"MS 801\",\"cases\":2,\"travellers\":3,\"clear\":true,\"blockers\":[]}" ] ||
	fail "check --json: $(cat "$WORK/.stdout")"
# Nobody booked on the second: clear too.
expect_status 0 "$CORRIDOR" movement check "$M2" --db w.db
expect_stdout "movement $M2 (MS 802): 0 cases, 0 travellers booked
clear: no blocker"

# After booking, the woman of the first case needs a stretcher and a
# medical escort, for whom the aircraft has no place, and the rules shorten
# the fitness window to 23 hours (the checks were made 24 hours, or a little
# less for the later one, before the departure): every blocker is listed, by traveller, then the movement's.
expect_status 0 "$CORRIDOR" health check "$C1-02" --outcome fit_with_conditions --condition stretcher --condition medical_escort --db w.db
printf 'HEV.fitness_window_hours = 23\n' >short.conf
expect_status 0 "$CORRIDOR" rules set short.conf --db w.db
check 1
stdout | sed -E 's/ on [0-9-]{10} [0-9:]{5} is [0-9]+ hours( [0-9]+ minutes?)? before departure on [0-9-]{10} [0-9:]{5};/ on AT is N hours before departure on DEP;/' >got.txt
cat >want.txt <<EOT
movement $M1 (MS 801): 2 cases, 3 travellers booked
6 blockers
  $C1-01  FITNESS_EXPIRED            fitness check of Omar HASSAN on AT is N hours before departure on DEP; at most 23 hours are allowed
  $C1-02  FITNESS_EXPIRED            fitness check of Mona HASSAN on AT is N hours before departure on DEP; at most 23 hours are allowed
  $C2-01  FITNESS_EXPIRED            fitness check of Ali SALEH on AT is N hours before departure on DEP; at most 23 hours are allowed
  $M1    CAPACITY                   '$M1' carries 1 medical traveller, who needs 1 medical escort (1 per 3), and has 0 escort seats free
  $M1    CAPACITY                   leg PZU-CAI of '$M1' has 3 seats for 4
  $M1    CAPACITY                   leg PZU-CAI of '$M1' has 0 stretcher positions for 1
EOT
expect_same_file want.txt got.txt
# --json prints the check too, and exits 1 as well while a blocker stands.
expect_status 1 "$CORRIDOR" movement check "$M1" --json --db w.db
cp "$WORK/.stdout" check.json
got=$(jq -r '.blockers[] | [(.case // "-"), .who, .criterion, .code] | join(" ")' check.json)
[ "$got" = "$C1 $C1-01 FITNESS FITNESS_EXPIRED
$C1 $C1-02 FITNESS FITNESS_EXPIRED
$C2 $C2-01 FITNESS FITNESS_EXPIRED
- $M1 CAPACITY CAPACITY
- $M1 CAPACITY CAPACITY
- $M1 CAPACITY CAPACITY" ] || fail "blockers: $got"
[ "$(jq -r .clear check.json)" = false ] || fail "not clear: $(cat check.json)"

# Closing is refused with every blocker, and nothing changes.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement close "$M1" --db w.db
[ "$(head -n 1 "$WORK/.stderr")" = "error: movement '$M1' (MS 801) cannot close: the pre-departure check finds 6 blockers; resolve each, or take the case off the movement" ] ||
	fail "close: $(stderr)"
[ "$(sed -n 5p "$WORK/.stderr")" = "  $M1: CAPACITY: '$M1' carries 1 medical traveller, who needs 1 medical escort (1 per 3), and has 0 escort seats free" ] ||
	fail "close: $(stderr)"
expect_status 1 "$CORRIDOR" movement close "$M1" --json --db w.db
[ "$(jq -r '[.error.code, .error.field, (.error.causes | length | tostring), .error.causes[0].field] | join(" ")' "$WORK/.stderr")" = \
	"DEPARTURE_BLOCKED movement 6 $C1-01" ] || fail "close --json: $(cat "$WORK/.stderr")"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
[ "$(jv .state movement show "$M1" --db w.db)" = open ] || fail "the movement closed"

# The window is 24 hours again; the woman is fit without the stretcher.
printf 'HEV.fitness_window_hours = 24\n' >day.conf
expect_status 0 "$CORRIDOR" rules set day.conf --db w.db
expect_status 0 "$CORRIDOR" health check "$C1-02" --outcome fit --db w.db
check 0

# Found unfit after booking: taken off at once, its seat freed, an event on
# the case and on the movement, and the officer told.
expect_status 0 "$CORRIDOR" health check "$C2-01" --outcome unfit --db w.db
[ "$(stdout | sed -E 's/ at [0-9T:-]+Z by tester//')" = "recorded fitness to travel of $C2-01: unfit
case $C2 taken off MS 801 ($M1): 1 seat freed" ] || fail "health check: $(stdout)"
[ "$(jv .case.state case show "$C2" --db w.db)" = travel_ready ] || fail "$C2 is still booked"
[ "$(jv '.movements[0] | "\(.cases)/\(.persons)/\(.seats_free)"' movement list --db w.db)" = 1/2/1 ] ||
	fail "seats: $(cat "$WORK/.jv.stdout")"
[ "$(jv '[.history[] | select(.detail == "booked -> travel_ready")] | .[0].reason' case show "$C2" --db w.db)" = \
	"taken off MS 801 ($M1): $C2-01 found unfit to travel" ] || fail "case event: $(cat "$WORK/.jv.stdout")"
[ "$(jv '.history[-1] | [.actor, .action, .detail, .reason] | join("|")' movement show "$M1" --db w.db)" = \
	"tester|booking|case $C2 taken off|$C2-01 found unfit to travel" ] || fail "movement event: $(cat "$WORK/.jv.stdout")"
check 0
expect_stdout "movement $M1 (MS 801): 1 case, 2 travellers booked
clear: no blocker"
# The planner does not put it back: it is not eligible.
expect_status 0 "$CORRIDOR" plan --dry-run --explain --db w.db
expect_stdout_contains "  $C2   1 person   -          not eligible: UNFIT"
[ "$(jv .case.state case show "$C2" --db w.db)" = travel_ready ] || fail "$C2 was booked again"

expect_status 0 "$CORRIDOR" movement close "$M1" --db w.db

# A high protection risk after closing takes the case off too (--json says
# where from); the manifest and the departure count nobody.
expect_status 0 "$CORRIDOR" protection assess "$C1-01" --level high --grounds "threats on return" --json --db w.db
[ "$(jq -c .taken_off "$WORK/.stdout")" = "{\"movement\":\"$M1\",\"label\":\"MS 801\",\"standby\":false,\"seats\":2}" ] ||
	fail "assess --json: $(cat "$WORK/.stdout")"
[ "$(jv .case.state case show "$C1" --db w.db)" = travel_ready ] || fail "$C1 is still booked"
# Departure day: the clock stands at the scheduled departure (a movement
# departs no earlier than three hours before it).
export CORRIDOR_NOW=$(date -u -d "${dep%Z} UTC" +%Y-%m-%dT%H:%M:%SZ)
expect_status 0 "$CORRIDOR" movement depart "$M1" --db w.db
expect_stdout "movement $M1: closed -> departed"

# Bad input names what is wrong.
refused 2 "corridor movement: give one movement reference" "$CORRIDOR" movement check --db w.db
refused 1 "error: no movement 'SD-PZU-MV-$Y-0009'" "$CORRIDOR" movement check "SD-PZU-MV-$Y-0009" --db w.db
expect_status 0 "$CORRIDOR" movement cancel "$M2" --reason "not needed" --db w.db
refused 1 "error: movement '$M2' is cancelled: nobody travels on it" "$CORRIDOR" movement check "$M2" --db w.db
pass

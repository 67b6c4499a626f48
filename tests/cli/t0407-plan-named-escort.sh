#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A medical escort named on a movement covers medical travellers: before it
# is named, the planner books an escort of its own for the family whose
# fitness to travel calls for one; once the only escort seat is named with
# a medical escort, the family still travels, with no escort added, and a
# second plan after the escort is named gives the same cases their seats.
. "$(dirname "$0")/lib.sh"

fixture mv-plan.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-plan.csv --db w.db
at=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%MZ)
for c in 1 2 3; do
	expect_status 0 "$CORRIDOR" counsel "LY-TIP-2026-00000$c" --counsellor "Amal Haddad" --language en \
		--decision yes --db w.db
done
for p in 1-01 1-02 2-01 2-02 3-01; do
	expect_status 0 "$CORRIDOR" protection assess "LY-TIP-2026-00000$p" --level low --grounds "no known threat" --db w.db
done
expect_status 0 "$CORRIDOR" health check LY-TIP-2026-000001-01 --outcome fit_with_conditions \
	--condition medical_escort --at "$at" --db w.db
for p in 1-02 2-01 2-02 3-01; do
	expect_status 0 "$CORRIDOR" health check "LY-TIP-2026-00000$p" --outcome fit --at "$at" --db w.db
done
for c in 1 2 3; do
	expect_status 0 "$CORRIDOR" move "LY-TIP-2026-00000$c" travel_ready --db w.db
done

now=$(date -u +%Y-%m-%dT%H:%MZ)
t() { date -u -d "${now%Z} UTC $1" +%Y-%m-%dT%H:%MZ; }
d1=$(t '+1 day')
M1=LY-TIP-MV-${d1:0:4}-0001
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --open \
	--escort-seats 1 --leg "from=MJI,to=LOS,departs=$d1,arrives=$(t '+1 day 5 hours'),seats=6" --db w.db

# No escort named: the planner adds one, and its seat.
expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --db w.db
expect_empty_stderr
grep -qxF "  $M1  UZ 8401    MJI-LOS              $d1  3 cases, 5 persons + 1 escort (6 seats)" "$WORK/.stdout" ||
	fail "before the escort is named: $(cat "$WORK/.stdout")"

# The medical escort named takes the escort seat and one seat; the family
# still goes, with no escort added.
expect_status 0 "$CORRIDOR" movement escort "$M1" --family HADDAD --given Amal --sex F \
	--birth-date 1985-04-04 --nationality LBY --passport LY1234567 --issuer LBY --expires 2031-01-01 \
	--medical --db w.db
expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --db w.db
expect_empty_stderr
grep -qxF "  $M1  UZ 8401    MJI-LOS              $d1  3 cases, 5 persons + 0 escorts (5 seats)" "$WORK/.stdout" ||
	fail "after the escort is named: $(cat "$WORK/.stdout")"
grep -q "^left out: 0 cases" "$WORK/.stdout" || fail "cases left out: $(cat "$WORK/.stdout")"

# Written: three bookings.
expect_status 0 "$CORRIDOR" plan --now "$now" --db w.db
[ "$(jv '[.bookings[] | select(.status == "booked")] | length' movement show "$M1" --db w.db)" = 3 ] ||
	fail "bookings: $(jq -c .bookings "$WORK/.jv.stdout")"
pass

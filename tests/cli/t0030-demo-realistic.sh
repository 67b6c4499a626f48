#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The demo caseload looks like a real operation, and every record in it is
# one the commands could have made: nothing is dated after the moment it is
# seen from (the end of the working day, 18:00 UTC), nobody is born after
# the case was registered, past charters flew 70-95% full, every movement
# that left has arrived or left today, resettlement took 18-24 months,
# people carry names of their nationality, open movements spread over the
# coming weeks, every travel-ready case meets its programme's criteria,
# no booked traveller is blocked before departure, and a plan fills the
# open movements. Exact figures where the seed fixes them.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-03-10T18:00:00Z
expect_status 0 "$CORRIDOR" demo --people 20000 --seed 5 --date 2026-03-10 --db r.db
[ "$(stdout | sed -E 's/ in [0-9]+\.[0-9] s$/ in T s/')" = \
	"generated 20,000 persons in 7,358 cases (14,569 documents, 98,616 events) into r.db in T s" ] ||
	fail "demo said: $(stdout)"

# Nothing dated after now: every time a record carries.
for col in event.at booking.at counselling.at health_check.at health_check.recorded_at \
	protection_assessment.at protection_clearance.at arrival.at movement.created_at \
	fund_request.requested_at fund_request.decided_at fund_payment.paid_at fund_budget.set_at \
	support_item.planned_at support_item.done_at referral.opened_at; do
	t=${col%.*} c=${col#*.}
	n=$(sql r.db "SELECT count(*) FROM $t WHERE $c > '2026-03-10T18:00'")
	[ "$n" = 0 ] || fail "$n rows of $t have $c after now"
done
[ "$(sql r.db "SELECT count(*) FROM cases WHERE registered_on > '2026-03-10'")" = 0 ] ||
	fail "cases registered after today"
# Nobody born after the case was registered.
n=$(sql r.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id WHERE p.birth_date > c.registered_on")
[ "$n" = 0 ] || fail "$n persons born after their case was registered"

# Movements of every state; those that left have arrived, or left today.
got=$(jv '[.movements[].state] | group_by(.) | map("\(.[0]) \(length)") | join(" ")' movement list --db r.db)
[ "$got" = "arrived 1273 cancelled 1 departed 26 open 252 planned 4" ] || fail "movements by state: $got"
got=$(jv '[.movements[] | select(.state == "departed") | .departs[0:10]] | unique | join(" ")' movement list --db r.db)
[ "$got" = 2026-03-10 ] || fail "departed movements left on: $got"
n=$(sql r.db "SELECT count(*) FROM booking b JOIN movement m ON m.id = b.movement_id JOIN cases c ON c.id = b.case_id WHERE m.state = 'arrived' AND b.status = 'departed' AND c.state IN ('booked', 'departed')")
[ "$n" = 0 ] || fail "$n cases went on a movement that arrived but did not arrive"

# Past charters flew 70-95% full (travellers and escorts on the seats).
jv '.movements[] | select(.kind == "charter" and (.state == "arrived" or .state == "departed")) |
	"\(.ref) \(.persons) \(.escorts) \(.seats_free)"' movement list --db r.db >charters.txt
[ "$(wc -l <charters.txt)" = 3 ] || fail "past charters: $(wc -l <charters.txt)"
awk '{ seats = $2 + $3 + $4; f = $2 / seats; g = ($2 + $3) / seats
	if (f < 0.70 || g > 0.95) { print $1 " flew " $2 "+" $3 " on " seats " seats"; bad = 1 } }
	END { exit bad }' charters.txt || fail "a past charter was not 70-95% full"

# Open movements spread over the coming weeks: the first leaves tomorrow,
# the last in the fifth week.
got=$(jv '[.movements[] | select(.state == "open") | .departs[0:10]] | "\(min) \(max)"' movement list --db r.db)
[ "$got" = "2026-03-11 2026-04-14" ] || fail "open movements leave from and to: $got"

# Resettlement takes 18-24 months from registration to departure.
sql r.db "SELECT c.registered_on || ' ' || substr(e.at, 1, 10) FROM cases c JOIN event e ON e.case_id = c.id
	WHERE c.programme = 'RST' AND c.priority = 'normal' AND e.detail LIKE '% -> departed'" >rst.txt
[ "$(wc -l <rst.txt)" -gt 100 ] || fail "too few resettled cases: $(wc -l <rst.txt)"
jq -R -s 'split("\n") | map(select(length > 0) | split(" ") | map(strptime("%Y-%m-%d") | mktime) |
	(.[1] - .[0]) / 86400) | "\(min) \(max)"' rst.txt >rst-range.txt
[ "$(jq -r . rst-range.txt)" = "540 730" ] || fail "resettlement took from and to (days): $(cat rst-range.txt)"

# Names fit the nationality: the evacuees from Port Sudan of Kenya and
# Uganda carry names of their own, none of the generic set's.
n=$(sql r.db "SELECT count(*) FROM person WHERE nationality IN ('KEN', 'UGA')")
[ "$n" -gt 0 ] || fail "no Kenyan or Ugandan evacuees to look at"
n=$(sql r.db "SELECT count(*) FROM person WHERE nationality IN ('KEN', 'UGA') AND given_names_latin IN ('Carlos', 'José', 'Luis', 'Mateo', 'Noah', 'Alexander', 'Omar', 'Amir')")
[ "$n" = 0 ] || fail "$n Kenyans or Ugandans with generic names"

# The lifecycle's records: counselled before moving on, every person's
# protection assessed, resettlement and pathways with pre-migration health.
n=$(sql r.db "SELECT count(*) FROM cases c WHERE c.programme <> 'HEV' AND c.state NOT IN ('registered', 'ineligible', 'on_hold') AND NOT EXISTS (SELECT 1 FROM counselling s WHERE s.case_id = c.id)")
[ "$n" = 0 ] || fail "$n cases past counselling without a session"
n=$(sql r.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id WHERE c.state IN ('eligible', 'travel_ready', 'booked', 'departed', 'arrived', 'closed') AND NOT EXISTS (SELECT 1 FROM protection_assessment a WHERE a.person_id = p.id)")
[ "$n" = 0 ] || fail "$n persons of assessed cases without a protection assessment"
n=$(sql r.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id WHERE c.programme IN ('RST', 'CPW') AND c.state IN ('travel_ready', 'booked', 'departed', 'arrived', 'integration') AND NOT EXISTS (SELECT 1 FROM health_check h WHERE h.person_id = p.id AND h.kind = 'pre_migration')")
[ "$n" = 0 ] || fail "$n resettled persons without a pre-migration health assessment"

# Every travel-ready case meets its programme's criteria.
expect_status 0 "$CORRIDOR" queue --db r.db
[ "$(stdout | tail -n 1)" = "travel-ready on 2026-03-10 (no travel date set): 638 cases eligible (1,585 persons), 0 not eligible (0 persons)" ] ||
	fail "queue: $(stdout | tail -n 1)"
# No booked traveller is blocked before departure.
for m in $(jv '.movements[] | select(.state == "open" and .cases > 0) | .ref' movement list --db r.db); do
	[ "$(jv .clear movement check "$m" --db r.db)" = true ] ||
		fail "movement check $m: $(jv -c .blockers movement check "$m" --db r.db)"
done
# A plan fills the open movements.
expect_status 0 "$CORRIDOR" plan --dry-run --db r.db
[ "$(stdout | sed -n 2p | cut -d';' -f1)" = "placed 1,039 cases, 2,625 persons" ] || fail "plan: $(stdout | sed -n 2p)"
[ "$(stdout | tail -n 2 | head -n 1)" = "left out: 56 cases (117 persons); not eligible today: 0 travel-ready cases (--explain says why)" ] ||
	fail "plan: $(stdout | tail -n 2 | head -n 1)"
pass

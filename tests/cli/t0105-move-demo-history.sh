#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move on a demo caseload, whose history and records were written
# by the demo generator: a return held for an asylum wish has an open
# referral that blocks it until closed; a return held for other reasons
# resumes where its history says it was held. The demo's open movements go
# through the day of departure under the live rules.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 3000 --seed 7 --date 2026-01-15 --db d.db
[ "$(sql d.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken by the demo"

# Held for an asylum wish: a session with the wish, an open referral.
asylum=$(sql d.db "SELECT c.ref FROM cases c WHERE c.programme = 'VHR' AND c.state = 'on_hold'
 AND EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.closed_at IS NULL) ORDER BY c.id LIMIT 1")
[ -n "$asylum" ] || fail "the demo has no VHR case held for an asylum wish: a weak test"
[ "$(sql d.db "SELECT count(*) FROM counselling k JOIN cases c ON c.id = k.case_id
 WHERE c.ref = '$asylum' AND k.asylum_wish = 1")" = 1 ] || fail "$asylum: no session with the asylum wish"
db_dump d.db >before.sql
expect_status 1 "$CORRIDOR" move "$asylum" counselled --db d.db
expect_stderr "error: case '$asylum' is 'on_hold'; it cannot go to 'counselled' while 1 referral is open"
db_dump d.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" referral close "$asylum" 1 --outcome "asylum claim withdrawn; return requested" --db d.db
expect_status 0 "$CORRIDOR" move "$asylum" counselled --db d.db
expect_stdout "case $asylum: on_hold -> counselled"

# Held for another reason (no referral): it resumes at 'counselled', where
# its history says it was held, and nowhere else.
other=$(sql d.db "SELECT c.ref FROM cases c WHERE c.programme = 'VHR' AND c.state = 'on_hold'
 AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id) ORDER BY c.id LIMIT 1")
[ -n "$other" ] || fail "the demo has no VHR case held without a referral: a weak test"
held=$(sql d.db "SELECT replace(e.detail, ' -> on_hold', '') FROM event e JOIN cases c ON c.id = e.case_id
 WHERE c.ref = '$other' AND e.action = 'state' AND e.detail LIKE '% -> on_hold' ORDER BY e.id DESC LIMIT 1")
[ "$held" = counselled ] || fail "the demo held $other from '$held'"
db_dump d.db >before.sql
expect_status 1 "$CORRIDOR" move "$other" assessed --db d.db
expect_stderr "error: case '$other' is 'on_hold'; it cannot go to 'assessed' (next: counselled, ineligible, closed)"
db_dump d.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" move "$other" counselled --db d.db
expect_stdout "case $other: on_hold -> counselled"
expect_status 0 "$CORRIDOR" case show "$other" --db d.db
expect_stdout_contains "  state        counselled"
[ "$(stdout | tail -n 1 | sed -E 's/^  [0-9TZ:-]+  //')" = "tester       state      on_hold -> counselled" ] ||
	fail "last history line: $(stdout | tail -n 1)"

# Every return past 'assessed' has a protection assessment for each person,
# and none stands at high without a clearance unless the case is ineligible.
[ "$(sql d.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id
 WHERE c.programme IN ('VHR', 'AVR', 'REP') AND c.state IN ('eligible', 'travel_ready', 'booked', 'departed')
 AND NOT EXISTS (SELECT 1 FROM protection_assessment a WHERE a.person_id = p.id)")" = 0 ] ||
	fail "a return went on without a protection assessment"
[ "$(sql d.db "SELECT count(*) FROM protection_assessment a JOIN person p ON p.id = a.person_id
 JOIN cases c ON c.id = p.case_id WHERE a.level = 'high' AND c.state <> 'ineligible'
 AND NOT EXISTS (SELECT 1 FROM protection_clearance x WHERE x.assessment_id = a.id)")" = 0 ] ||
	fail "a high protection risk stands uncleared on a case that went on"
# Everyone travel-ready or later was found fit to travel.
[ "$(sql d.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id
 WHERE c.state IN ('travel_ready', 'booked', 'no_show', 'departed', 'arrived')
 AND NOT EXISTS (SELECT 1 FROM health_check h WHERE h.person_id = p.id
 AND h.outcome IN ('fit', 'fit_with_conditions'))")" = 0 ] || fail "a traveller without fitness to travel"
# Stranded migrants' requests to the fund: approved ones fit their office's
# budget, and every payment is within its approval.
[ "$(sql d.db "SELECT count(*) FROM fund_request")" -gt 0 ] || fail "the demo made no fund request"
[ "$(sql d.db "SELECT count(*) FROM fund_request r JOIN cases c ON c.id = r.case_id
 WHERE c.programme <> 'HASM'")" = 0 ] || fail "a fund request on a case that is not HASM"
[ "$(sql d.db "SELECT count(*) FROM (SELECT c.office_id, r.year, r.currency, sum(r.amount) AS a
 FROM fund_request r JOIN cases c ON c.id = r.case_id WHERE r.state = 'approved'
 GROUP BY 1, 2, 3) x LEFT JOIN fund_budget b ON b.office_id = x.office_id AND b.year = x.year
 AND b.currency = x.currency WHERE b.amount IS NULL OR b.amount < x.a")" = 0 ] ||
	fail "approvals beyond a budget"
[ "$(sql d.db "SELECT count(*) FROM fund_request r WHERE (SELECT coalesce(sum(amount), 0)
 FROM fund_payment p WHERE p.request_id = r.id) > CASE r.state WHEN 'approved' THEN r.amount ELSE 0 END")" = 0 ] ||
	fail "payments beyond an approval"
# The demo's busiest open movement departs and arrives with its cases.
mv=$(sql d.db "SELECT m.ref FROM movement m WHERE m.state = 'open' ORDER BY (SELECT count(*)
 FROM booking b WHERE b.movement_id = m.id) DESC, m.ref LIMIT 1")
[ "$mv" = YE-ADE-MV-2026-0001 ] || fail "the busiest open movement is $mv"
[ "$(sql d.db "SELECT count(*) FROM booking b JOIN movement m ON m.id = b.movement_id
 JOIN cases c ON c.id = b.case_id WHERE m.ref = '$mv' AND b.status = 'booked' AND c.state = 'booked'")" = 7 ] ||
	fail "$mv does not carry its 7 booked cases"
expect_status 0 "$CORRIDOR" movement close "$mv" --db d.db
expect_stdout "movement $mv: open -> closed"
expect_status 0 "$CORRIDOR" movement depart "$mv" --db d.db
expect_stdout "movement $mv: closed -> departed; 7 cases departed"
expect_status 0 "$CORRIDOR" movement arrive "$mv" --db d.db
expect_stdout "movement $mv: departed -> arrived; 7 cases arrived"
[ "$(sql d.db "SELECT c.state || ' ' || b.status || ' ' || count(*) FROM booking b JOIN movement m
 ON m.id = b.movement_id JOIN cases c ON c.id = b.case_id WHERE m.ref = '$mv' GROUP BY c.state, b.status")" = "arrived departed 7" ] ||
	fail "the cases of $mv did not arrive"
[ "$(sql d.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken by the day of departure"
pass

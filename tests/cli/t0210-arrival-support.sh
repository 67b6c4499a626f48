#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor arrival and corridor support: a departed return arrives, its
# reintegration is planned, delivered, followed up and closed, and the case
# with it; every refusal names why and changes nothing.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 3000 --seed 7 --date 2026-11-27 --db d.db
ret=$(sql d.db "SELECT ref FROM cases WHERE programme = 'VHR' AND state = 'departed' ORDER BY id LIMIT 1")
adm=$(sql d.db "SELECT ref FROM cases WHERE programme = 'RST' AND state = 'departed' ORDER BY id LIMIT 1")
hev=$(sql d.db "SELECT ref FROM cases WHERE programme = 'HEV' AND state = 'arrived' ORDER BY id LIMIT 1")
[ -n "$ret" ] && [ -n "$adm" ] && [ -n "$hev" ] || fail "the demo lacks a departed VHR or RST, or an arrived HEV case"

refused()
{
	local want=$1
	shift
	db_dump d.db >before.sql
	expect_status 1 "$CORRIDOR" "$@" --db d.db
	expect_stderr "$want"
	db_dump d.db >after.sql
	cmp -s before.sql after.sql || fail "$* changed the database"
}

refused "error: case '$ret' is 'departed'; support is for cases that arrived or are in reintegration" \
	support plan "$ret" --kind cash --description "reinsertion grant"
expect_status 2 "$CORRIDOR" arrival "$ret" --db d.db
expect_stderr_contains "corridor arrival: --place: where the case arrived"
expect_status 2 "$CORRIDOR" arrival "$ret" --place Lagos --at 2026-11-31T10:00Z --db d.db
expect_stderr_contains "corridor arrival: --at: '2026-11-31T10:00Z' is not a UTC time like 2026-11-27T14:30Z"

expect_status 0 "$CORRIDOR" arrival "$ret" --place "Lagos (LOS)" --at 2026-11-20T14:30Z --db d.db
expect_stdout "case $ret: arrived at Lagos (LOS) on 2026-11-20T14:30:00Z"
refused "error: case '$ret' is 'arrived'; only a departed case can arrive" arrival "$ret" --place Lagos
[ "$(sql d.db "SELECT state FROM cases WHERE ref = '$ret'")" = arrived ] || fail "not arrived"

# The first item opens reintegration.
expect_status 2 "$CORRIDOR" support plan "$ret" --kind loan --description x --db d.db
expect_stderr_contains "corridor support: --kind: one of cash, in_kind, referral, business"
expect_status 2 "$CORRIDOR" support plan "$ret" --kind cash --description grant --amount 12.345 --currency USD --db d.db
expect_stderr_contains "corridor support: --amount: '12.345' is not a positive amount in USD"
expect_status 0 "$CORRIDOR" support plan "$ret" --kind cash --description "reinsertion grant" \
	--amount 500 --currency USD --db d.db
expect_stdout "case $ret: item 1 planned"
[ "$(sql d.db "SELECT state FROM cases WHERE ref = '$ret'")" = reintegration ] || fail "not in reintegration"
expect_status 0 "$CORRIDOR" support plan "$ret" --kind business --description "tailoring start-up kit" --db d.db
expect_stdout "case $ret: item 2 planned"

refused "error: case '$ret' has 2 assistance items still planned: deliver or cancel them first" \
	support close "$ret" --outcome done
expect_status 0 "$CORRIDOR" support deliver "$ret" 1 --note "paid by mobile money" --db d.db
expect_stdout "case $ret: item 1 delivered"
refused "error: item 1 of case '$ret' is already delivered" support deliver "$ret" 1
refused "error: case '$ret' has no assistance item 3" support deliver "$ret" 3
expect_status 2 "$CORRIDOR" support cancel "$ret" 2 --db d.db
expect_stderr_contains "corridor support: --note: say why the item is cancelled"
expect_status 0 "$CORRIDOR" support cancel "$ret" 2 --note "found work instead" --db d.db
refused "error: case '$ret' has no follow-up visit recorded" support close "$ret" --outcome done
expect_status 2 "$CORRIDOR" support visit "$ret" --by "K. Mensah" --finding ok --on 2099-01-01 --db d.db
expect_stderr_contains "corridor support: --on: '2099-01-01' is in the future"
expect_status 0 "$CORRIDOR" support visit "$ret" --by "K. Mensah" --finding "living with family; working" \
	--on 2026-11-26 --db d.db
expect_stdout "case $ret: follow-up visit 1 recorded"
expect_status 0 "$CORRIDOR" support close "$ret" --outcome "reintegrated: income from work" --db d.db
expect_stdout "case $ret: support closed; the case is closed"
[ "$(sql d.db "SELECT state FROM cases WHERE ref = '$ret'")" = closed ] || fail "not closed"

expect_status 0 "$CORRIDOR" support show "$ret" --db d.db
expect_stdout "case $ret arrived at Lagos (LOS) on 2026-11-20T14:30:00Z (confirmed by tester)
items
  item 1   cash         delivered reinsertion grant, 500.00 USD
$(sql d.db "SELECT '           ' || i.done_at || ': paid by mobile money' FROM support_item i JOIN cases c ON c.id = i.case_id WHERE c.ref = '$ret' AND i.no = 1")
  item 2   business     cancelled tailoring start-up kit
$(sql d.db "SELECT '           ' || i.done_at || ': found work instead' FROM support_item i JOIN cases c ON c.id = i.case_id WHERE c.ref = '$ret' AND i.no = 2")
visits
  visit 1   2026-11-26 by K. Mensah: living with family; working"
expect_status 0 "$CORRIDOR" case show "$ret" --db d.db
expect_stdout_contains "tester       support    arrival confirmed at Lagos (LOS) on 2026-11-20T14:30:00Z by tester"
expect_stdout_contains "tester       support    follow-up visit 1 on 2026-11-26 by K. Mensah"
expect_stdout_contains "tester       state      reintegration -> closed: reintegrated: income from work"

# An admission enters integration; an evacuation has no support.
expect_status 0 "$CORRIDOR" arrival "$adm" --place "New York (JFK)" --db d.db
expect_status 0 "$CORRIDOR" support plan "$adm" --kind housing --description "first rent" --db d.db
[ "$(sql d.db "SELECT state FROM cases WHERE ref = '$adm'")" = integration ] || fail "not in integration"
refused "error: case '$hev' is HEV, a programme without (re)integration support" \
	support plan "$hev" --kind cash --description x
refused "error: no case 'LY-TIP-2026-999999'" arrival LY-TIP-2026-999999 --place Lagos
pass

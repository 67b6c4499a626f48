#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor protection assess|clear: a high protection risk blocks a return
# until a protection officer clears it, with a reason, as an event; a new
# high assessment blocks again; a high risk does not block other
# programmes. Every bad input refused with its message, changing nothing.
. "$(dirname "$0")/lib.sh"

C=YE-ADE-2026-000042
E=SD-PZU-2026-000003
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
YE-ADE-2026-000042,REP,YE-ADE,YEM,SOM,registered,normal,2026-01-05,1,principal,WARSAME,Hodan,,,F,1988-01-01,1,SOM,so,,,,,
YE-ADE-2026-000042,REP,YE-ADE,YEM,SOM,registered,normal,2026-01-05,2,child,WARSAME,Abdi,,,M,2015-06-01,0,SOM,so,,,,,
SD-PZU-2026-000003,HEV,SD-PZU,SDN,EGY,registered,emergency,2026-01-08,1,principal,HASSAN,Omar,,,M,1980-02-02,0,EGY,ar,,,,,
YE-ADE-2026-000043,REP,YE-ADE,YEM,SOM,registered,normal,2026-01-05,1,principal,WARSAME,Ali,,,M,1980-01-01,1,SOM,so,,,,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
# The return counselled, with a decision to go home; its persons are
# assessed below, and it moves to assessed then.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Faduma Ali" --language so --decision yes --db w.db
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db
# A return withdrawn: closed, with a reason.
expect_status 0 "$CORRIDOR" move YE-ADE-2026-000043 closed --reason "withdrew the request to return" --db w.db

refused()
{
	local status=$1 msg=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	if [ "$status" -eq 1 ]; then
		[ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line"
	else
		expect_stderr_contains "see 'corridor protection --help'"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
protection() { "$CORRIDOR" protection "$@" --db w.db; }
# The last event of case C, as 'case show' gives it: action|detail|reason|actor.
last_event() { jv '.history[-1] | "\(.action)|\(.detail)|\(.reason // "")|\(.actor)"' case show "$C" --db w.db; }
# Every event of every case whose detail or reason mentions WORD (in upper
# or lower case), one JSON line each.
events_with()
{
	local c
	for c in $(jv '.cases[].ref' case list --limit 0 --db w.db); do
		jv '.history[] | select(((.detail // "") + " " + (.reason // "")) | test("'"$1"'"; "i")) | tojson' case show "$c" --db w.db
	done
}

expect_status 0 "$CORRIDOR" protection assess "$C-01" --level high --grounds "clan conflict in the return district" --db w.db
expect_stdout "recorded protection risk 'high' for person $C-01 (assessment 1)
the return of case $C is blocked until a protection officer clears person $C-01"
expect_empty_stderr
# The history says the level, never the grounds.
[ "$(last_event)" = "protection|person $C-01 assessed at high protection risk (assessment 1)||tester" ] || fail "event: $(last_event)"
[ -z "$(events_with clan)" ] || fail "grounds in the history: $(events_with clan)"
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level none --grounds "child travelling with the mother" --db w.db
expect_stdout "recorded protection risk 'none' for person $C-02 (assessment 1)"
# Every person assessed: the case is assessed; a high risk not cleared
# keeps it there.
expect_status 0 "$CORRIDOR" move "$C" assessed --db w.db
refused 1 "error: case '$C' is 'assessed'; it cannot go to 'eligible': person '$C-01' at high protection risk, not cleared by a protection officer" \
	"$CORRIDOR" move "$C" eligible --db w.db

# Clearing: only the latest assessment, only a high one, only once.
refused 1 "error: person '$C-02' is assessed at 'none' protection risk (assessment 1); only a high risk is cleared" \
	protection clear "$C-02" --reason "x"
refused 1 "error: person '$E-01' has no protection risk assessment to clear" protection clear "$E-01" --reason "x"
CORRIDOR_USER=prot.officer expect_status 0 "$CORRIDOR" protection clear "$C-01" \
	--reason "UNHCR confirms the district is under a local peace agreement; return to Mogadishu" --db w.db
expect_stdout "cleared person $C-01 of high protection risk (assessment 1)"
expect_empty_stderr
[ "$(last_event)" = "protection|person $C-01 cleared of high protection risk (assessment 1)|UNHCR confirms the district is under a local peace agreement; return to Mogadishu|prot.officer" ] ||
	fail "event: $(last_event)"
expect_status 0 "$CORRIDOR" protection show "$C" --json --db w.db
cleared=$(stdout | jq -r '.persons[0].latest.cleared.at')
[ "$(stdout | jq -c '.persons[0] | [.person, .assessments, .latest.level, .latest.cleared.by, .latest.cleared.reason, .blocks_return]')" = \
	'["'"$C-01"'",1,"high","prot.officer","UNHCR confirms the district is under a local peace agreement; return to Mogadishu",false]' ] ||
	fail "protection show --json: $(stdout)"
refused 1 "error: the high protection risk of person '$C-01' (assessment 1) was cleared at $cleared" \
	protection clear "$C-01" --reason "again"
expect_status 0 "$CORRIDOR" move "$C" eligible --db w.db
# Travel-ready needs the eligibility criteria: a travel document and fitness
# to travel for each person.
for p in 01 02; do
	expect_status 0 "$CORRIDOR" document add "$C-$p" --kind etd --number "SO00$p" --issuer SOM --db w.db
	expect_status 0 "$CORRIDOR" health check "$C-$p" --outcome fit --db w.db
done
expect_status 0 "$CORRIDOR" move "$C" travel_ready --db w.db

# A new high assessment blocks again.
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level high --grounds "new information: recruitment of boys" --db w.db
expect_stdout "recorded protection risk 'high' for person $C-02 (assessment 2)
the return of case $C is blocked until a protection officer clears person $C-02"
refused 1 "error: case '$C' is 'travel_ready'; it cannot go to 'booked': person '$C-02' at high protection risk, not cleared by a protection officer" \
	"$CORRIDOR" move "$C" booked --db w.db
# Going back is never blocked.
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "protection review of the child" --db w.db
expect_stdout "case $C: travel_ready -> on_hold"

# Not a return: a high risk is recorded and does not block.
expect_status 0 "$CORRIDOR" protection assess "$E-01" --level high --grounds "targeted in the crisis" --db w.db
expect_stdout "recorded protection risk 'high' for person $E-01 (assessment 1)"
expect_status 0 "$CORRIDOR" move "$E" assessed --db w.db
expect_status 0 "$CORRIDOR" move "$E" eligible --db w.db

# The record, as protection show says it: the latest assessment counts,
# the grounds are not shown.
expect_status 0 "$CORRIDOR" protection show "$C" --json --db w.db
[ "$(stdout | jq -c '[.case, (.persons[] | [.person, .assessments, .latest.assessment, .latest.level, .latest.assessed_by, (.latest.cleared != null), .blocks_return])]')" = \
	'["'"$C"'",["'"$C-01"'",1,1,"high","tester",true,false],["'"$C-02"'",2,2,"high","tester",false,true]]' ] ||
	fail "protection show --json: $(stdout)"
[ "$(stdout | grep -c recruitment)" = 0 ] || fail "grounds shown"
expect_status 0 "$CORRIDOR" protection show "$E" --json --db w.db
[ "$(stdout | jq -c '[.persons[] | [.latest.level, .blocks_return]]')" = '[["high",false]]' ] || fail "not a return: $(stdout)"
expect_status 0 "$CORRIDOR" protection show "$C" --db w.db
expect_stdout "PERSON                   LEVEL   NO   ASSESSED             STATUS
$C-01    high    1    $(jv '.persons[0].latest.at' protection show "$C" --db w.db) cleared $cleared by prot.officer: UNHCR confirms the district is under a local peace agreement; return to Mogadishu
$C-02    high    2    $(jv '.persons[1].latest.at' protection show "$C" --db w.db) blocks the return"
# Under --json, what an assessment did.
copy_db w.db j.db
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level medium --grounds "g" --json --db j.db
[ "$(stdout | jq -c 'del(.at)')" = '{"person":"'"$C-01"'","assessment":2,"level":"medium","by":"tester","blocks_return":false,"taken_off":null}' ] ||
	fail "assess --json: $(stdout)"

# Refusals.
refused 1 "error: no person '$C-03': case '$C' has no person 03" protection assess "$C-03" --level low --grounds g
refused 1 "error: no case 'YE-ADE-2026-000999'" protection assess YE-ADE-2026-000999-01 --level low --grounds g
refused 1 "error: case 'YE-ADE-2026-000043' is 'closed'; its protection record does not change" \
	protection assess YE-ADE-2026-000043-01 --level low --grounds g
refused 2 "corridor protection: '--db' is not assess, clear or show" protection
refused 2 "corridor protection: 'review' is not assess, clear or show" protection review "$C-01"
refused 1 "error: no case 'YE-ADE-2026-000999'" protection show YE-ADE-2026-000999
refused 2 "corridor protection: '$C-01' is not a case ID like LY-TIP-2026-000123" protection show "$C-01"
refused 2 "corridor protection: give one person ID, e.g. LY-TIP-2026-000123-01" protection assess --level low --grounds g
refused 2 "corridor protection: '$C' is not a person ID like LY-TIP-2026-000123-01" protection assess "$C" --level low --grounds g
refused 2 "corridor protection: '$C-1' is not a person ID like LY-TIP-2026-000123-01" protection clear "$C-1" --reason r
refused 2 "corridor protection: '$C-00' is not a person ID like LY-TIP-2026-000123-01" protection clear "$C-00" --reason r
refused 2 "corridor protection: --level: give none, low, medium or high" protection assess "$C-01" --grounds g
refused 2 "corridor protection: --level: give none, low, medium or high" protection assess "$C-01" --level severe --grounds g
refused 2 "corridor protection: --level: give none, low, medium or high" protection assess "$C-01" --level HIGH --grounds g
refused 2 "corridor protection: --grounds: say what the level rests on" protection assess "$C-01" --level low
refused 1 "error: grounds: give 1 to 500 bytes of text without control characters" \
	protection assess "$C-01" --level low --grounds ""
refused 2 "corridor protection: --reason: say why the risk is cleared" protection clear "$C-02"
refused 1 "error: reason: give 1 to 500 bytes of text without control characters" \
	protection clear "$C-02" --reason "$(printf 'a\x01b')"
refused 2 "corridor protection: --reason goes with 'clear'" protection assess "$C-01" --level low --grounds g --reason r
refused 2 "corridor protection: --level goes with 'assess'" protection clear "$C-02" --reason r --level high
refused 2 "corridor protection: --grounds goes with 'assess'" protection clear "$C-02" --reason r --grounds g
refused 2 "corridor protection: give one person ID, e.g. LY-TIP-2026-000123-01" protection clear "$C-01" "$C-02" --reason r
pass

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor counsel and corridor referral: an asylum wish at counselling puts
# a return on hold and opens a referral in the same command, and says so;
# the open referral keeps the case on hold; closing it does not resume the
# case. Not a return: the wish is recorded, nothing is held. Every bad
# input refused with its message, changing nothing.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
H=NE-NIM-2026-000007
# LY-TIP-2026-000200 comes in travel_ready, with the session, the
# assessment and the document that state needs, and travels to Asmara.
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,decision,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,ERI,registered,normal,2026-01-05,1,principal,TESFAY,Yonas,,,M,1994-03-02,0,ERI,ti,,,,,,,,,
NE-NIM-2026-000007,HASM,NE-NIM,NER,MLI,registered,normal,2026-01-07,1,principal,KEITA,Fanta,,,F,1999-07-07,0,MLI,bm;fr,,,,,,,,,
LY-TIP-2026-000200,VHR,LY-TIP,LBY,ERI,travel_ready,normal,2026-01-05,1,principal,TESFAY,Selam,,,F,1996-03-02,0,ERI,ti,,etd,ER0000200,ERI,,Hiwet Gebre,ti,yes,low
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
expect_status 0 "$CORRIDOR" place add ASM --kind airport --country ERI --tz Africa/Asmara --name Asmara --db w.db
fit_now w.db LY-TIP-2026-000200
travel w.db departed "from=MJI,to=ASM" LY-TIP-2026-000200

refused()
{
	local status=$1 msg=$2 usage=$3
	shift 3
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	if [ "$status" -eq 1 ]; then
		[ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line"
	else
		expect_stderr_contains "$usage"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
CU="see 'corridor counsel --help'"
RU="see 'corridor referral --help'"
counsel() { "$CORRIDOR" counsel "$@" --db w.db; }
referral() { "$CORRIDOR" referral "$@" --db w.db; }
# last_events CASE N: the last N events of CASE, oldest first, as 'case
# show' gives them: action|detail|reason.
last_events() { jv ".history[-$2:][] | \"\\(.action)|\\(.detail)|\\(.reason // \"\")\"" case show "$1" --db w.db; }
# How many referrals the database holds, case by case.
referrals()
{
	local c
	for c in $(jv '.cases[].ref' case list --limit 0 --db w.db); do
		jv '.referrals | length' referral list "$c" --db w.db
	done | awk '{ n += $1 } END { print n + 0 }'
}

# The first session: the person wants to go home.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Hiwet Gebre" --language ti --decision yes --db w.db
expect_stdout "recorded counselling session 1 of case $C: decision yes"
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db

# The second: an asylum wish. On hold and referred, and the command says so
# (under --json, what it did as one document).
copy_db w.db j.db
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Hiwet Gebre" --language tir --interpreter \
	--decision undecided --asylum-wish --note "fears forced conscription on return" --db w.db
expect_stdout "recorded counselling session 2 of case $C: decision undecided
asylum wish: case $C put on hold (counselled -> on_hold)
asylum wish: referral 1 opened to UNHCR"
expect_empty_stderr
# The same session again, elsewhere, under --json.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Hiwet Gebre" --language tir --interpreter \
	--decision undecided --asylum-wish --json --db j.db
[ "$(stdout | jq -c 'del(.at)')" = '{"case":"'"$C"'","session":2,"decision":"undecided","asylum_wish":true,"from":"counselled","state":"on_hold","held":true,"referral":{"no":1,"to":"UNHCR","opened":true},"taken_off":null}' ] ||
	fail "counsel --json: $(stdout)"
expect_status 0 "$CORRIDOR" counsel list "$C" --json --db w.db
[ "$(stdout | jq -c '[.case, (.sessions[] | [.no, .language, .interpreter, .decision, .asylum_wish, .notes, .recorded_by])]')" = \
	'["'"$C"'",[1,"ti",false,"yes",false,null,"tester"],[2,"tir",true,"undecided",true,"fears forced conscription on return","tester"]]' ] ||
	fail "counsel list --json: $(stdout)"
expect_status 0 "$CORRIDOR" counsel list "$C" --db w.db
expect_stdout_contains "2   $(jv '.sessions[] | select(.no == 2) | .at' counsel list "$C" --db w.db) tir        undecided Hiwet Gebre              interpreter, asylum wish"
expect_stdout_contains "(2 sessions)"
[ "$(last_events "$C" 3)" = "counselling|session 2 by Hiwet Gebre in tir with an interpreter: decision undecided; asylum wish|
state|counselled -> on_hold|asylum wish recorded at counselling session 2
referral|referral 1 opened to UNHCR: asylum wish (counselling session 2)|" ] || fail "events: $(last_events "$C" 3)"
expect_status 0 "$CORRIDOR" referral list "$C" --json --db w.db
[ "$(stdout | jq -c '[.case, .open, (.referrals[] | [.no, .to, .subject, .session, .opened_by, .status, .outcome, .closed_at, .closed_by])]')" = \
	'["'"$C"'",1,[1,"UNHCR","asylum wish",2,"tester","open",null,null,null]]' ] || fail "referral list --json: $(stdout)"

# The list, line for line from the database.
expect_status 0 "$CORRIDOR" referral list "$C" --db w.db
opened=$(jv '.referrals[] | select(.no == 1) | .opened_at' referral list "$C" --db w.db)
expect_stdout "NO  OPENED               TO           SUBJECT                    STATUS
1   $opened UNHCR        asylum wish (session 2)    open
(1 referral, 1 open)"

# While the referral is open, the case stays on hold.
refused 1 "error: case '$C' is 'on_hold'; it cannot go to 'counselled' while 1 referral is open" "" \
	"$CORRIDOR" move "$C" counselled --db w.db
refused 1 "error: case '$C' is 'on_hold'; it cannot go to 'assessed' (next: counselled, ineligible, closed)" "" \
	"$CORRIDOR" move "$C" assessed --db w.db
# Another wish while referred: recorded, no second referral.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Hiwet Gebre" --language ti --decision undecided --asylum-wish --db w.db
expect_stdout "recorded counselling session 3 of case $C: decision undecided
asylum wish: referral 1 is open already"
[ "$(referrals)" = 1 ] || fail "a second referral: $(referrals) referrals"

# Closing it: an event with the outcome; the case stays on hold.
refused 1 "error: case '$C' has no referral 2" "" referral close "$C" 2 --outcome x
expect_status 1 "$CORRIDOR" referral close "$C" 2 --outcome x --json --db w.db
[ "$(stderr | jq -c .)" = '{"error":{"code":"REFERRAL_NOT_FOUND","field":"referral","message":"case '"'$C'"' has no referral 2"}}' ] ||
	fail "referral close --json error: $(stderr)"
expect_status 0 "$CORRIDOR" referral close "$C" 1 --outcome "asylum claim withdrawn by the person after legal counselling" --db w.db
expect_stdout "closed referral 1 of case $C"
expect_empty_stderr
[ "$(last_events "$C" 1)" = "referral|referral 1 to UNHCR closed|asylum claim withdrawn by the person after legal counselling" ] ||
	fail "close event: $(last_events "$C" 1)"
expect_status 0 "$CORRIDOR" referral list "$C" --json --db w.db
closed=$(stdout | jq -r '.referrals[0].closed_at')
[ "$(stdout | jq -c '[.open, .referrals[0].status, .referrals[0].outcome, .referrals[0].closed_by]')" = \
	'[0,"closed","asylum claim withdrawn by the person after legal counselling","tester"]' ] || fail "closed: $(stdout)"
# Closing it did not move the case: it resumes from on_hold.
copy_db w.db j2.db
expect_status 0 "$CORRIDOR" move "$C" counselled --json --db j2.db
[ "$(stdout | jq -r .from)" = on_hold ] || fail "closing a referral moved the case"
expect_status 0 "$CORRIDOR" referral list "$C" --db w.db
expect_stdout "NO  OPENED               TO           SUBJECT                    STATUS
1   $opened UNHCR        asylum wish (session 2)    closed $closed by tester: asylum claim withdrawn by the person after legal counselling
(1 referral, 0 open)"
refused 1 "error: referral 1 of case '$C' is already closed ($closed: asylum claim withdrawn by the person after legal counselling)" "" \
	referral close "$C" 1 --outcome "again"

# Resumed where it was held; the decision must be 'yes' again to go on.
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db
expect_stdout "case $C: on_hold -> counselled"
refused 1 "error: case '$C' is 'counselled'; it cannot go to 'assessed' without an informed decision 'yes' to return (the latest is 'undecided')" "" \
	"$CORRIDOR" move "$C" assessed --db w.db

# Not a return: the wish is recorded, the case is neither held nor referred.
copy_db w.db j3.db
expect_status 0 "$CORRIDOR" counsel "$H" --counsellor "Awa Diallo" --language fr --decision yes --asylum-wish --json --db j3.db
[ "$(stdout | jq -c '[.state, .held, .referral]')" = '["registered",false,null]' ] || fail "HASM --json: $(stdout)"
expect_status 0 "$CORRIDOR" counsel "$H" --counsellor "Awa Diallo" --language fr --decision yes --asylum-wish --db w.db
expect_stdout "recorded counselling session 1 of case $H: decision yes
asylum wish recorded (not a return: no hold, no referral)"
expect_status 0 "$CORRIDOR" referral list "$H" --db w.db
expect_stdout "NO  OPENED               TO           SUBJECT                    STATUS
(0 referrals, 0 open)"
# Referred elsewhere than UNHCR.
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "second asylum interview" --db w.db
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Hiwet Gebre" --language ti --decision undecided \
	--asylum-wish --refer-to "Libyan Red Crescent legal aid" --db w.db
expect_stdout "recorded counselling session 4 of case $C: decision undecided
asylum wish: referral 2 opened to Libyan Red Crescent legal aid"

# Refusals.
refused 1 "error: case 'LY-TIP-2026-000200' is 'departed'; counselling is recorded only before departure, while the case can be put on hold or is on hold" "" \
	counsel LY-TIP-2026-000200 --counsellor X --language ti --decision yes
refused 1 "error: no case 'LY-TIP-2026-000999'" "" counsel LY-TIP-2026-000999 --counsellor X --language ti --decision yes
refused 2 "corridor counsel: --counsellor: give the counsellor's name" "$CU" counsel "$C" --language ti --decision yes
refused 1 "error: counsellor: give 1 to 120 bytes of text without control characters" "" \
	counsel "$C" --counsellor "" --language ti --decision yes
refused 2 "corridor counsel: --language: give the ISO 639 code of the session's language, e.g. ar" "$CU" \
	counsel "$C" --counsellor X --decision yes
refused 1 "error: language: 'tigrinya' is not an ISO 639-1 or ISO 639-3 language code (lower case, e.g. 'ar', 'fr', 'tir')" "" \
	counsel "$C" --counsellor X --language tigrinya --decision yes
refused 1 "error: language: 'AR' is not an ISO 639-1 or ISO 639-3 language code (lower case, e.g. 'ar', 'fr', 'tir')" "" \
	counsel "$C" --counsellor X --language AR --decision yes
refused 2 "corridor counsel: --decision: give the informed decision: yes, no or undecided" "$CU" \
	counsel "$C" --counsellor X --language ar
refused 2 "corridor counsel: --decision: 'maybe' is not yes, no or undecided" "$CU" \
	counsel "$C" --counsellor X --language ar --decision maybe
refused 2 "corridor counsel: --refer-to goes with --asylum-wish" "$CU" \
	counsel "$C" --counsellor X --language ar --decision yes --refer-to UNHCR
refused 1 "error: notes: give 1 to 2000 bytes of text without control characters" "" \
	counsel "$C" --counsellor X --language ar --decision yes --note "$(printf 'a\tb')"
refused 2 "corridor counsel: give one case ID, e.g. LY-TIP-2026-000123" "$CU" counsel --counsellor X --language ar --decision yes
refused 2 "corridor counsel: 'LY-TIP' is not a case ID like LY-TIP-2026-000123" "$CU" \
	counsel LY-TIP --counsellor X --language ar --decision yes
refused 2 "corridor counsel: unknown option '--urgent'" "$CU" counsel "$C" --counsellor X --language ar --decision yes --urgent
refused 2 "corridor referral: '--db' is not list or close" "$RU" referral
refused 2 "corridor referral: 'open' is not list or close" "$RU" referral open "$C"
refused 2 "corridor referral: give one case ID, e.g. LY-TIP-2026-000123" "$RU" referral list
refused 2 "corridor referral: --outcome goes with 'close'" "$RU" referral list "$C" --outcome x
refused 2 "corridor referral: give a case ID and a referral number, e.g. LY-TIP-2026-000123 1" "$RU" referral close "$C" --outcome x
refused 2 "corridor referral: REFERRAL-NO: 'one' is not a whole number from 1 to 9999" "$RU" referral close "$C" one --outcome x
refused 2 "corridor referral: REFERRAL-NO: '0' is not a whole number from 1 to 9999" "$RU" referral close "$C" 0 --outcome x
refused 2 "corridor referral: --outcome: say how the referral ended" "$RU" referral close "$C" 2
refused 1 "error: outcome: give 1 to 500 bytes of text without control characters" "" referral close "$C" 2 --outcome " "
refused 2 "corridor referral: 'x' is not a case ID like LY-TIP-2026-000123" "$RU" referral list x
refused 1 "error: no case 'LY-TIP-2026-000999'" "" referral list LY-TIP-2026-000999
refused 1 "error: no case 'LY-TIP-2026-000999'" "" referral close LY-TIP-2026-000999 1 --outcome x
refused 1 "error: no case 'LY-TIP-2026-000999'" "" counsel list LY-TIP-2026-000999
expect_status 1 "$CORRIDOR" referral list LY-TIP-2026-000999 --json --db w.db
[ "$(stderr | jq -c .error.code)" = '"CASE_NOT_FOUND"' ] || fail "referral list --json error: $(stderr)"
expect_empty_stdout
pass

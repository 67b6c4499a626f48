#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct priority, transfer, reopen and revert: a case's priority
# and office corrected (the case keeps its ref), a closed case reopened at
# the state it was closed from, a wrong transition reverted to the state it
# came from while nothing recorded since depends on it. Each is an event
# with the value before and after; each refusal names the rule and changes
# nothing.
. "$(dirname "$0")/lib.sh"

# LY-TIP-2026-000125 comes in travel_ready, with the assessment and the
# document that state needs, and travels below; LY-TIP-2026-000124 is
# closed: the return was withdrawn.
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01,
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,BELLO,Sani,,,M,1980-05-01,0,NGA,en,,,,,,
LY-TIP-2026-000125,HEV,LY-TIP,LBY,NGA,travel_ready,urgent,2026-01-05,1,principal,IDRIS,Ali,,,M,1980-05-01,0,NGA,en,,passport,N0000125,NGA,2031-01-01,none
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
C=LY-TIP-2026-000123 CLOSED=LY-TIP-2026-000124 ARR=LY-TIP-2026-000125
export CORRIDOR_NOW=2026-11-27T12:00:00Z
expect_status 0 "$CORRIDOR" move "$CLOSED" closed --reason "withdrew the request to return" --db w.db
fit_now w.db "$ARR"
travel w.db arrived "from=MJI,to=LOS" "$ARR"

refused()
{
	local status=$1 msg=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	case $msg in
	"corridor correct:"*) expect_stderr_contains "see 'corridor correct --help'" ;;
	*) [ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line" ;;
	esac
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
correct() { "$CORRIDOR" correct "$@" --db w.db; }
of() { jv ".case.$2" case show "$1" --db w.db; }
last() { jv '.history[-1] | "\(.action)|\(.detail)|\(.field)|\(.before)|\(.after)|\(.reason)|\(.actor)"' case show "$1" --db w.db; }

# ---- priority.
expect_status 0 correct priority "$C" emergency --reason "a medical emergency was missed"
expect_stdout "case $C corrected
  case priority: 'normal' -> 'emergency'"
[ "$(of "$C" priority)" = emergency ] || fail "the priority"
[ "$(last "$C")" = "corrected|case|priority|normal|emergency|a medical emergency was missed|tester" ] || fail "the history: $(last "$C")"
refused 1 "error: case '$C' is 'emergency' already" correct priority "$C" emergency --reason x
refused 2 "error: 'high' is not a priority: normal, urgent or emergency" correct priority "$C" high --reason x
refused 1 "error: case '$CLOSED' is closed: reopen it first" correct priority "$CLOSED" urgent --reason x
refused 1 "error: a correction needs a reason: say why the record was wrong" correct priority "$C" urgent
refused 1 "error: no case 'LY-TIP-2026-000999'" correct priority LY-TIP-2026-000999 urgent --reason x
refused 2 "corridor correct: priority: give a case ID and a priority" correct priority "$C" --reason x

# ---- transfer: to an office of the same country; the ref stays.
expect_status 0 correct transfer "$C" LY-BEN --reason "he lives in Benghazi"
expect_stdout "case $C corrected
  case office: 'LY-TIP' -> 'LY-BEN'"
[ "$(of "$C" office) $(of "$C" ref)" = "LY-BEN $C" ] || fail "the office"
[ "$(jv '.shown' case list --office LY-BEN --db w.db)" = 1 ] || fail "the case is listed at its new office"
[ "$(last "$C")" = "corrected|case|office|LY-TIP|LY-BEN|he lives in Benghazi|tester" ] || fail "the history: $(last "$C")"
refused 1 "error: office 'NE-NIM' is in NER, case '$C' is at 'LY-BEN' in LBY: a case is transferred only between offices of one country" \
	correct transfer "$C" NE-NIM --reason x
refused 1 "error: no office 'LY-XYZ'" correct transfer "$C" LY-XYZ --reason x
refused 2 "error: 'Benghazi' is not an office code like LY-TIP" correct transfer "$C" Benghazi --reason x
refused 1 "error: case '$C' is at office 'LY-BEN' already" correct transfer "$C" LY-BEN --reason x
refused 1 "error: case '$CLOSED' is closed: reopen it first" correct transfer "$CLOSED" LY-BEN --reason x
db_dump w.db >before.sql
expect_status 1 correct transfer "$C" NE-NIM --reason x --json
[ "$(stderr | jq -r '"\(.error.code) \(.error.field)"')" = "REFUSED office" ] || fail "the error document: $(stderr)"

# ---- revert: back over the last transition.
refused 1 "error: case '$C' has no recorded transition to revert" correct revert "$C" --reason x
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "waiting for a document" --db w.db
expect_status 0 correct revert "$C" --reason "the wrong case was put on hold"
expect_stdout "case $C corrected
  case state: 'on_hold' -> 'registered'"
[ "$(of "$C" state)" = registered ] || fail "the state"
[ "$(last "$C")" = "corrected|case|state|on_hold|registered|the wrong case was put on hold|tester" ] || fail "the history: $(last "$C")"
refused 1 "error: case '$C': its last change of state (on_hold -> registered) was a correction; a revert goes back one transition only" \
	correct revert "$C" --reason x
# Something recorded after the transition may depend on it.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language en --decision yes --db w.db
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db
expect_status 0 "$CORRIDOR" case available "$C" --on 2026-12-01 --db w.db
refused 1 "error: case '$C': 1 record (first 'available') came after the move from 'registered' to 'counselled' and may depend on it: it cannot be reverted" \
	correct revert "$C" --reason x
# A travelled case: its movement's records depend on the state.
expect_status 0 "$CORRIDOR" move "$ARR" closed --db w.db
expect_status 0 correct reopen "$ARR" --reason "closed before the support ended"
expect_stdout "case $ARR corrected
  case state: 'closed' -> 'arrived'"
refused 1 "error: case '$ARR': its last change of state (closed -> arrived) was a correction; a revert goes back one transition only" \
	correct revert "$ARR" --reason x

# ---- reopen: only a closed case, to the state it was closed from.
refused 1 "error: case '$C' is 'counselled': only a closed case is reopened" correct reopen "$C" --reason x
# A case closed with no transition recorded (no state to reopen it at) no
# longer comes about: the import refuses a closed case.
printf '%s\n' "$(head -n 1 cases.csv)" \
	"LY-TIP-2026-000130,VHR,LY-TIP,LBY,NGA,closed,normal,2026-01-05,1,principal,GARBA,Musa,,,M,1980-05-01,0,NGA,en,,,,,," >closed.csv
expect_import_refused w.db closed.csv "closed.csv:2: case_state: 'closed' is the end of a case, and the file cannot carry how it ended: import it at the state it was in before and close it with corridor move
error: closed.csv: 1 bad row of 1; nothing was imported"
expect_status 0 "$CORRIDOR" move "$C" closed --reason "withdrew" --db w.db
refused 1 "error: case '$C' is closed: a closed case is reopened, not reverted" correct revert "$C" --reason x
expect_status 0 correct reopen "$C" --reason "he did not withdraw: another case did"
expect_stdout "case $C corrected
  case state: 'closed' -> 'counselled'"
[ "$(of "$C" state)" = counselled ] || fail "the state"
refused 1 "error: case '$C' is 'counselled': only a closed case is reopened" correct reopen "$C" --reason x
# After a reopening the case moves on by the lifecycle as before.
expect_status 0 "$CORRIDOR" move "$C" on_hold --reason "waiting" --db w.db
[ "$(jv '.changes[0] | "\(.before) \(.after)"' correct revert "$C" --reason "not to be held" --db w.db)" = "on_hold counselled" ] ||
	fail "the revert's document"
refused 2 "corridor correct: reopen: give one case ID" correct reopen --reason x
refused 2 "corridor correct: revert: revert takes no --issuer" correct revert "$C" --issuer NGA --reason x
pass

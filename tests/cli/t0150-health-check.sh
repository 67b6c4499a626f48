#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor health check, assess and show on an imported caseload: what is
# recorded and shown (outcome, conditions, SSR codes, TB class), the latest
# check by examination time, the 72-hour window at its edge, the TB class a
# USA-bound case needs, and the clinical note kept apart: only 'show
# --clinical' prints it; the history and the outcome tables never hold it.
. "$(dirname "$0")/lib.sh"

fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
amina=LY-TIP-2026-000201-01
note="Post-operative: hip fracture, SpO2 91% at rest"

# A deferral, then a check that clears her with conditions and a note.
expect_status 0 "$CORRIDOR" health check $amina --outcome deferred --at 2026-02-27T10:00Z \
	--by "Dr N. Haddad" --db h.db
expect_stdout "recorded fitness to travel of $amina at 2026-02-27T10:00Z by Dr N. Haddad: deferred"
expect_empty_stderr
# Conditions are a set: WCHC is wchc, given twice it counts once.
expect_status 0 "$CORRIDOR" health check $amina --outcome fit_with_conditions --condition WCHC \
	--condition medical_escort --condition oxygen --condition wchc --at 2026-03-01T08:00Z \
	--by "Dr N. Haddad" --note "$note" --db h.db
expect_stdout "recorded fitness to travel of $amina at 2026-03-01T08:00Z by Dr N. Haddad: fit_with_conditions (medical_escort, oxygen, wchc)"
expect_empty_stderr
# A check examined earlier but recorded later does not supersede it.
expect_status 0 "$CORRIDOR" health check $amina --outcome unfit --at 2026-02-20T09:00Z --db h.db
expect_stdout "recorded fitness to travel of $amina at 2026-02-20T09:00Z by tester: unfit"

show="person $amina  YUSUF, Amina  (case LY-TIP-2026-000201, VHR LBY -> SDN)
fitness to travel
  at          2026-03-01T08:00Z
  by          Dr N. Haddad
  outcome     fit_with_conditions
  conditions  medical_escort, oxygen, wchc
  SSR codes   MEDA OXYG WCHC
  TB class    not recorded
pre-migration health assessment
  none recorded
history
  2026-03-01T08:00Z  fitness_to_travel  fit_with_conditions  Dr N. Haddad; medical_escort, oxygen, wchc
  2026-02-27T10:00Z  fitness_to_travel  deferred             Dr N. Haddad
  2026-02-20T09:00Z  fitness_to_travel  unfit                tester"
expect_status 0 "$CORRIDOR" health show $amina --db h.db
expect_stdout "$show"
expect_empty_stderr
grep -qF "hip" .stdout && fail "health show without --clinical prints the clinical note"

expect_status 0 "$CORRIDOR" health show $amina --clinical --db h.db
expect_stdout "$show
clinical notes (medical staff only)
  2026-03-01T08:00Z  fitness_to_travel  tester: $note"

# The window: exactly 72 h before departure holds, one minute more does not;
# --window-hours changes it.
expect_status 0 "$CORRIDOR" health show $amina --departure 2026-03-04T08:00Z --db h.db
[ "$(stdout | sed -n 9p)" = "  departure   2026-03-04T08:00Z: valid" ] || fail "departure line: $(stdout | sed -n 9p)"
expect_status 0 "$CORRIDOR" health show $amina --departure 2026-03-04T08:01Z --db h.db
[ "$(stdout | sed -n 9p)" = "  departure   2026-03-04T08:01Z: not valid: the check of 2026-03-01T08:00Z is 72 h 01 min before departure at 2026-03-04T08:01Z, more than the 72 h allowed" ] ||
	fail "departure line: $(stdout | sed -n 9p)"
expect_status 0 "$CORRIDOR" health show $amina --departure 2026-03-03T08:00Z --window-hours 24 --db h.db
[ "$(stdout | sed -n 9p)" = "  departure   2026-03-03T08:00Z: not valid: the check of 2026-03-01T08:00Z is 48 h before departure at 2026-03-03T08:00Z, more than the 24 h allowed" ] ||
	fail "departure line: $(stdout | sed -n 9p)"
expect_status 0 "$CORRIDOR" health show $amina --departure 2026-03-01T07:00Z --db h.db
[ "$(stdout | sed -n 9p)" = "  departure   2026-03-01T07:00Z: not valid: the check of 2026-03-01T08:00Z is after departure at 2026-03-01T07:00Z" ] ||
	fail "departure line: $(stdout | sed -n 9p)"

# --json: the same as one document; the clinical notes only with --clinical.
expect_status 0 "$CORRIDOR" health show $amina --departure 2026-03-04T08:01Z --json --db h.db
expect_empty_stderr
[ "$(stdout | jq -c '[.person.id, .person.case, .fitness_to_travel.outcome, .fitness_to_travel.conditions,
	.fitness_to_travel.ssr_codes, .fitness_to_travel.tb_class, .pre_migration, (.history | map(.outcome)),
	.departure.valid, .departure.window_hours, has("clinical_notes")]')" = \
	'["'$amina'","LY-TIP-2026-000201","fit_with_conditions",["medical_escort","oxygen","wchc"],["MEDA","OXYG","WCHC"],null,null,["fit_with_conditions","deferred","unfit"],false,72,false]' ] ||
	fail "show --json: $(stdout)"
grep -qF "hip" .stdout && fail "health show --json without --clinical prints the clinical note"
expect_status 0 "$CORRIDOR" health show $amina --clinical --json --db h.db
[ "$(stdout | jq -c '[.clinical_notes[] | [.kind, .check_at, .author, .text]]')" = \
	'[["fitness_to_travel","2026-03-01T08:00Z","tester","'"$note"'"]]' ] || fail "notes --json: $(stdout)"
# A person with nothing recorded.
expect_status 0 "$CORRIDOR" health show LY-TIP-2026-000201-02 --departure 2026-03-04T08:00Z --db h.db
expect_stdout "person LY-TIP-2026-000201-02  YUSUF, Omar  (case LY-TIP-2026-000201, VHR LBY -> SDN)
fitness to travel
  none recorded
  departure   2026-03-04T08:00Z: not valid: no fitness-to-travel check recorded
pre-migration health assessment
  none recorded
history
  none"
expect_status 0 "$CORRIDOR" health show LY-TIP-2026-000201-02 --clinical --db h.db
[ "$(stdout | tail -n 2)" = "clinical notes (medical staff only)
  none" ] || fail "no notes: $(stdout | tail -n 2)"

# A USA-bound case: the TB class is required, recorded and shown.
jean=KE-NBO-2026-000010-01
expect_status 0 "$CORRIDOR" health assess $jean --outcome fit --tb b2 --at 2026-02-01T08:00Z \
	--by "Dr K. Otieno" --note "LTBI evaluation pending" --db h.db
expect_stdout "recorded pre-migration health assessment of $jean at 2026-02-01T08:00Z by Dr K. Otieno: fit"
expect_status 0 "$CORRIDOR" health check $jean --outcome fit_with_conditions --condition stretcher \
	--condition medical_escort --tb B2 --at 2026-03-10T06:30Z --by "Dr K. Otieno" --db h.db
expect_status 0 "$CORRIDOR" health show $jean --departure 2026-03-10T18:00Z --clinical --db h.db
expect_stdout "person $jean  HABIMANA, Jean  (case KE-NBO-2026-000010, RST KEN -> USA)
fitness to travel
  at          2026-03-10T06:30Z
  by          Dr K. Otieno
  outcome     fit_with_conditions
  conditions  medical_escort, stretcher
  SSR codes   MEDA STCR
  TB class    B2
  departure   2026-03-10T18:00Z: valid
pre-migration health assessment
  at          2026-02-01T08:00Z
  by          Dr K. Otieno
  outcome     fit
  conditions  none
  SSR codes   none
  TB class    B2
history
  2026-03-10T06:30Z  fitness_to_travel  fit_with_conditions  Dr K. Otieno; medical_escort, stretcher
  2026-02-01T08:00Z  pre_migration      fit                  Dr K. Otieno
clinical notes (medical staff only)
  2026-02-01T08:00Z  pre_migration      tester: LTBI evaluation pending"

# Every person of the database: the health records of all, as 'health show
# --clinical --json' gives them, one array.
for c in $(jv '.cases[].ref' case list --limit 0 --db h.db); do
	for p in $(jv '.persons[].ref' case show "$c" --db h.db); do
		jv . health show "$p" --clinical --db h.db
	done
done | jq -s . >health.json
[ "$(jq length health.json)" = 5 ] || fail "the health records of 5 persons expected: $(jq -c 'map(.person.id)' health.json)"
# The notes: two in all, each with its check; in the database in their own
# table, nowhere else.
[ "$(jq '[.[].clinical_notes[]] | length' health.json)" = 2 ] || fail "two notes expected: $(jq -c '[.[].clinical_notes[]]' health.json)"
[ "$(jq -r '.[].clinical_notes[] | select(.check_at == "2026-03-01T08:00Z") | .text' health.json)" = "$note" ] ||
	fail "the note of the check at 2026-03-01T08:00Z is not '$note'"
db_dump h.db | grep -vE '^INSERT INTO (public\.)?health_note ' | grep -qF 'hip fracture' &&
	fail "the clinical note is somewhere besides health_note"
db_dump h.db | grep -vE '^INSERT INTO (public\.)?health_note ' | grep -qF 'LTBI' &&
	fail "the clinical note is somewhere besides health_note"
[ "$(jq -r '.[].history[] | select(.at == "2026-03-01T08:00Z") | .conditions | join(",")' health.json)" = \
	"medical_escort,oxygen,wchc" ] || fail "conditions as stored: $(jq -c '[.[].history[] | select(.at == "2026-03-01T08:00Z")]' health.json)"

# The history: one event per check and per note, no clinical detail, no TB class.
expect_status 0 "$CORRIDOR" case show LY-TIP-2026-000201 --db h.db
stdout | sed -n '/^history$/,$p' | sed -E 's/^  [0-9T:Z-]{20}  /  TIME  /' >history.txt
cat >want.txt <<EOF
history
  TIME  tester       imported   imported from health-documents.csv, line 2
  TIME  tester       counselling session 1 by Aisha Ben Salem in ar: decision yes
  TIME  tester       health     fitness to travel of $amina at 2026-02-27T10:00Z by Dr N. Haddad: deferred
  TIME  tester       health     fitness to travel of $amina at 2026-03-01T08:00Z by Dr N. Haddad: fit_with_conditions (medical_escort, oxygen, wchc)
  TIME  tester       health     clinical note added to the fitness to travel of $amina at 2026-03-01T08:00Z (kept apart, for medical staff)
  TIME  tester       health     fitness to travel of $amina at 2026-02-20T09:00Z by tester: unfit
EOF
expect_same_file want.txt history.txt
expect_status 0 "$CORRIDOR" case show KE-NBO-2026-000010 --db h.db
grep -qE 'B2|LTBI|TB' .stdout && fail "case show of the USA case shows the TB class or the note"
[ "$(grep -c '  health  ' .stdout)" -eq 3 ] || fail "three health events expected for KE-NBO-2026-000010"
# A write under --json prints what it stored.
expect_status 0 "$CORRIDOR" health check LY-TIP-2026-000201-03 --outcome fit --at 2026-03-01T09:00Z \
	--note "seen with her mother" --json --db h.db
[ "$(stdout | jq -c '[.person, .check.kind, .check.at, .check.examiner, .check.outcome, .check.conditions, .note_kept]')" = \
	'["LY-TIP-2026-000201-03","fitness_to_travel","2026-03-01T09:00Z","tester","fit",[],true]' ] ||
	fail "check --json: $(stdout)"
# Without --at the check is dated by the clock (CORRIDOR_NOW, to the minute).
CORRIDOR_NOW=2026-03-02T10:15:59Z expect_status 0 "$CORRIDOR" health assess LY-TIP-2026-000201-03 --outcome fit --json --db h.db
[ "$(stdout | jq -r .check.at)" = 2026-03-02T10:15Z ] || fail "at: $(stdout)"
pass

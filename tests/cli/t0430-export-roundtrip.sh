#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Export then import into a fresh database gives the same records: on a
# demo caseload, every case the file can carry (at 'registered', or at a
# later state of its usual path before any booking) comes back with its
# persons, every document, where it is, its counselling session and each
# person's protection and pre-migration health assessments, and the
# export of the copy is the first export's rows of those cases, byte for
# byte. The others (booked and after, which a movement's seat implies; the
# branches on_hold, ineligible, no_show, rejected, whose reason the file
# cannot carry) are refused, each for that reason, into the rejects file.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 2000 --seed 7 --date 2025-06-30 --db demo.db
# A person with more documents than one: a case at eligible, whose
# principal gets an exit permit and a visa besides what the demo gave.
ref=$(jv '[.cases[] | select(.state == "eligible")][0].ref' case list --limit 0 --db demo.db)
[ -n "$ref" ] && [ "$ref" != null ] || fail "no eligible case in the demo"
expect_status 0 "$CORRIDOR" document add "$ref-01" --kind exit_permit --number EP0001 --issuer LBY --db demo.db
expect_status 0 "$CORRIDOR" document add "$ref-01" --kind visa --number V0002 --issuer CAN --expires 2026-12-31 --db demo.db
expect_status 0 "$CORRIDOR" export --db demo.db --out one.csv
expect_empty_stderr
[ "$(grep -c "^$ref,.*,1,principal," one.csv)" -ge 2 ] || fail "$ref-01 should have a row a document"

new_db copy.db
# The assembly points are the database's own, like its offices: the copy
# gets the demo's before the import.
"$CORRIDOR" location list --json --db demo.db |
	jq -r '.locations[] | select(.kind != "office") | [.code, .kind, .country, .name] | @tsv' >locations.tsv
[ -s locations.tsv ] || fail "the demo has no assembly point: a weak test"
while IFS=$'\t' read -r code kind country name; do
	expect_status 0 "$CORRIDOR" location add "$code" --kind "$kind" --country "$country" --name "$name" --db copy.db
done <locations.tsv

expect_status 1 "$CORRIDOR" import one.csv --skip-bad --rejects rejected.csv --db copy.db
stderr >refusals.txt
# Every refusal is of a state the file cannot carry; nothing else.
grep -vE "^one\.csv:[0-9]+: case_state: '(booked|departed|arrived|reintegration|integration)' comes after a booking on a movement, which the file cannot carry: import the case at travel_ready and book it with corridor movement book$|^one\.csv:[0-9]+: case_state: 'closed' is the end of a case, and the file cannot carry how it ended: import it at the state it was in before and close it with corridor move$|^one\.csv:[0-9]+: case_state: '(on_hold|ineligible|no_show|rejected)' is a branch of the lifecycle, and the file cannot carry why the case went there: import it at the state it was in before and move it with corridor move$|^one\.csv:[0-9]+: pre_migration_tb: a case bound for the USA needs a TB class: none, A, B1_pulmonary, B1_extrapulmonary, B2 or B3$" \
	refusals.txt >other.txt
[ -s other.txt ] && fail "refusals other than the states the file cannot carry:
$(head -n 5 other.txt)"

python3 - one.csv rejected.csv >split.txt <<'EOF' || fail "cannot split one.csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
rejected = {r["case_id"] for r in csv.DictReader(open(sys.argv[2], newline=""))}
carried = {"registered", "counselled", "assessed", "eligible", "submitted", "interviewed",
           "accepted", "orientation", "travel_ready"}
kept = {r["case_id"] for r in rows} - rejected
# Every case at a state the file carries came in; no other did.
wrong = [c for c in kept if next(r for r in rows if r["case_id"] == c)["case_state"] not in carried]
missed = sorted({r["case_id"] for r in rows if r["case_id"] in rejected and r["case_state"] in carried})
print(len(kept), len(wrong), len(missed), " ".join(missed[:5]))
EOF
read -r kept wrong missed first_missed <split.txt
[ "$wrong" -eq 0 ] || fail "$wrong cases came in at a state the file cannot carry"
[ "$missed" -eq 0 ] || fail "$missed cases at a state the file carries were refused: $first_missed"
[ "$kept" -gt 300 ] || fail "only $kept cases came in: a weak test"

# The copy's export is the first export's rows of the cases that came in.
carried_rows one.csv rejected.csv >want.csv
expect_status 0 "$CORRIDOR" export --db copy.db --out two.csv
expect_same_file want.csv two.csv
# The records are there, not only their columns: some of each kind.
for col in location counsellor protection_risk protection_cleared pre_migration_outcome; do
	[ "$(python3 -c '
import csv, sys
print(sum(1 for r in csv.DictReader(open("two.csv", newline="")) if r[sys.argv[1]] not in ("", "0")))' "$col")" -gt 0 ] ||
		fail "no row of two.csv has a $col: a weak test"
done
# A person with several documents: one row each, the same person.
[ "$(sed 1d two.csv | cut -d, -f1,9 | sort | uniq -d | wc -l)" -gt 0 ] ||
	fail "no person with two documents in the copy: a weak test"
pass

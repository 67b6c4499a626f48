#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Export then import into a new database gives the same export: the CSV
# carries everything the import needs, in every script. Export filters, and
# --out never leaves half a file.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 1500 --seed 11 --date 2025-06-30 --db demo.db
expect_status 0 "$CORRIDOR" export --db demo.db --out one.csv
expect_empty_stdout
expect_empty_stderr
expect_no_file one.csv.tmp
[ "$(wc -l <one.csv)" -eq 1501 ] || fail "the export should have a header and 1,500 rows"
# To standard output, the same bytes.
expect_status 0 "$CORRIDOR" export --db demo.db
stdout >stdout.csv
expect_same_file one.csv stdout.csv

# The cases the file carries (not booked or after, not on a branch: see
# t0430), as an import with --skip-bad leaves them.
new_db first.db
expect_status 1 "$CORRIDOR" import one.csv --skip-bad --rejects one.rejected.csv --db first.db
carried_rows one.csv one.rejected.csv >carried.csv
new_db copy.db
expect_status 0 "$CORRIDOR" import carried.csv --db copy.db
persons=$(($(wc -l <carried.csv) - 1))
cases=$(sed 1d carried.csv | cut -d, -f1 | sort -u | wc -l)
[ "$persons" -gt 400 ] || fail "only $persons persons are carried: a weak test"
expect_stdout_contains "imported $(thousands "$persons") persons in $(thousands "$cases") cases from carried.csv"
expect_status 0 "$CORRIDOR" export --db copy.db --out two.csv
expect_same_file carried.csv two.csv
# The persons and documents themselves, compared in the databases.
# sql: no --json lists every person of a caseload at once yet (case show
# --json per case would take 1,120 runs here)
q='SELECT c.ref, p.seq, p.relationship, p.family_name, p.given_names, p.family_name_latin,
 p.given_names_latin, p.sex, p.birth_date, p.birth_date_approx, p.nationality, p.languages,
 (SELECT group_concat(code) FROM (SELECT code FROM person_need n WHERE n.person_id = p.id
  ORDER BY code) AS x)
 FROM person p JOIN cases c ON c.id = p.case_id ORDER BY c.ref, p.seq'
sql copy.db "$q" >copy-persons.txt
sed 1d carried.csv | cut -d, -f1 | sort -u >carried-refs.txt
sql demo.db "$q" | awk -F'|' 'NR == FNR { keep[$1] = 1; next } $1 in keep' carried-refs.txt - >demo-persons.txt
expect_same_file demo-persons.txt copy-persons.txt
# Names in other scripts, as the export of the copy gives them: a family
# name besides the Latin one (no field is quoted: commas split the columns).
grep -qF '"' two.csv && fail "the export of copy.db quotes a field: splitting on commas would not do"
[ "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["family_name"] != "" && $col["family_name"] != $col["family_name_latin"]' two.csv | wc -l)" -gt 100 ] ||
	fail "names in other scripts did not survive"

# Filters: the rows of matching cases only.
expect_status 0 "$CORRIDOR" export --db demo.db --programme RST --out rst.csv
want=$("$CORRIDOR" stats --json --db demo.db | jq '.by_programme[] | select(.key == "RST") | .persons')
[ "$(($(wc -l <rst.csv) - 1))" -eq "$want" ] || fail "RST export: $(($(wc -l <rst.csv) - 1)) rows, expected $want"
[ "$(sed 1d rst.csv | cut -d, -f2 | sort -u)" = "RST" ] || fail "the RST export holds other programmes"
expect_status 0 "$CORRIDOR" export --db demo.db --nationality AFG --state integration --out afg.csv
want=$("$CORRIDOR" case list --nationality AFG --state integration --limit 0 --json --db demo.db |
	jq '[.cases[].persons] | add // 0')
[ "$want" -gt 0 ] || fail "no AFG case in integration in the demo: a weak test"
[ "$(($(wc -l <afg.csv) - 1))" -eq "$want" ] || fail "AFG integration export: wrong row count"
expect_status 0 "$CORRIDOR" export --db demo.db --limit 3 --out three.csv
[ "$(sed 1d three.csv | cut -d, -f1 | sort -u | wc -l)" -eq 3 ] || fail "--limit 3 should export 3 cases"
expect_status 0 "$CORRIDOR" export --db demo.db --text NOSUCHNAME --out none.csv
[ "$(wc -l <none.csv)" -eq 1 ] || fail "an export that matches nothing is the header alone"

# Never over the database itself (a file on SQLite).
if on_sqlite; then
	cp demo.db demo-copy.db
	expect_status 2 "$CORRIDOR" export --db demo.db --out demo.db
	expect_stderr_contains "corridor export: --out: 'demo.db' is the database"
	expect_same_file demo-copy.db demo.db
	expect_no_file demo.db.tmp
	CORRIDOR_DB=demo.db expect_status 2 "$CORRIDOR" export --out ./demo.db
	expect_stderr_contains "corridor export: --out: './demo.db' is the database"
	expect_same_file demo-copy.db demo.db
fi

# A failed export leaves no file: here, the database is not there.
expect_status 1 "$CORRIDOR" export --db nosuch.db --out never.csv
expect_no_file never.csv
expect_no_file never.csv.tmp
expect_status 1 "$CORRIDOR" export --db demo.db --out nodir/x.csv
expect_stderr "error: cannot write 'nodir/x.csv.tmp': No such file or directory"
# An office that is not there is refused, not an empty file.
expect_status 1 "$CORRIDOR" export --db demo.db --office XX-ABC --out no-office.csv
expect_stderr "error: no office 'XX-ABC'"
expect_no_file no-office.csv
expect_no_file no-office.csv.tmp
pass

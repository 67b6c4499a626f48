#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# --skip-bad: the good cases are imported; every row of a case with a bad
# row goes to the rejects file with an import_errors column; status 1. The
# rejects file, corrected, imports.
. "$(dirname "$0")/lib.sh"

fixture mixed.csv good.csv
new_db s.db
# mixed.csv: LY-TIP-2026-000101 (lines 2-4, line 3 bad), LB-BEY-2025-000007
# (lines 5-6, good), LY-TIP-2026-000102 (lines 7-8, line 7 bad).
expect_status 1 "$CORRIDOR" import mixed.csv --skip-bad --db s.db
expect_stdout "imported 2 persons in 1 case from mixed.csv
rejected 5 rows (2 bad, the others of the same cases) into mixed.rejected.csv"
expect_stderr "mixed.csv:3: sex: 'Q' is not F, M or X
mixed.csv:7: nationality: 'NGX' is not an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)"
expect_status 0 "$CORRIDOR" case list --limit 0 --json --db s.db
[ "$(stdout | jq -r '[.cases[].ref] | join(",")')" = "LB-BEY-2025-000007" ] ||
	fail "only LB-BEY-2025-000007 should be imported"
[ "$(stdout | jq '[.cases[].persons] | add')" = 2 ] || fail "only its 2 persons should be imported"

# The rejects file: the header plus import_errors, then the rows as read.
[ -f mixed.rejected.csv ] || fail "no rejects file"
tr -d '\r' <mixed.rejected.csv >rejected-lf.csv
[ "$(head -n 1 rejected-lf.csv)" = "$(head -n 1 mixed.csv),import_errors" ] ||
	fail "rejects header: $(head -n 1 rejected-lf.csv)"
[ "$(wc -l <rejected-lf.csv)" -eq 6 ] || fail "the rejects file should have a header and 5 rows"
# The rows, without their import_errors, are the input rows of the bad cases.
sed -n '2,4p;7,8p' mixed.csv >want-rows.csv
sed 1d rejected-lf.csv | python3 -c '
import csv, sys
for row in csv.reader(sys.stdin):
    print(",".join(row[:-1]))' >got-rows.csv
expect_same_file want-rows.csv got-rows.csv
errors=$(sed 1d rejected-lf.csv | python3 -c '
import csv, sys
for row in csv.reader(sys.stdin):
    print(row[-1])')
[ "$(echo "$errors" | sed -n 1p)" = "case_id: not imported: line 3 of case 'LY-TIP-2026-000101' is bad" ] ||
	fail "import_errors of line 2: $errors"
[ "$(echo "$errors" | sed -n 2p)" = "sex: 'Q' is not F, M or X" ] || fail "import_errors of line 3: $errors"
[ "$(echo "$errors" | sed -n 3p)" = "case_id: not imported: line 3 of case 'LY-TIP-2026-000101' is bad" ] ||
	fail "import_errors of line 4: $errors"
[ "$(echo "$errors" | sed -n 4p)" = "nationality: 'NGX' is not an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)" ] ||
	fail "import_errors of line 7: $errors"
[ "$(echo "$errors" | sed -n 5p)" = "case_id: not imported: line 7 of case 'LY-TIP-2026-000102' is bad" ] ||
	fail "import_errors of line 8: $errors"

# Corrected, the rejects file imports (its import_errors column is ignored).
sed -e 's/,Q,1995-02-28,/,F,1995-02-28,/' -e 's/,NGX,en;yo,/,NGA,en;yo,/' mixed.rejected.csv >fixed.csv
expect_status 0 "$CORRIDOR" import fixed.csv --db s.db
expect_stdout "imported 5 persons in 2 cases from fixed.csv"
expect_empty_stderr
expect_status 0 "$CORRIDOR" stats --json --db s.db
[ "$(stdout | jq .totals.cases)" = 3 ] || fail "three cases expected"
[ "$(stdout | jq .totals.persons)" = 7 ] || fail "seven persons expected"

# A rejects file of its own name; an unwritable one is refused before any work.
new_db t.db
expect_status 1 "$CORRIDOR" import mixed.csv --skip-bad --rejects out/bad.csv --db t.db
expect_stderr "error: cannot write rejected rows to 'out/bad.csv': No such file or directory"
expect_status 0 "$CORRIDOR" case list --json --db t.db
[ "$(stdout | jq .total)" = 0 ] || fail "nothing should be imported"
expect_status 1 "$CORRIDOR" import mixed.csv --skip-bad --rejects bad.csv --db t.db
expect_stdout "imported 2 persons in 1 case from mixed.csv
rejected 5 rows (2 bad, the others of the same cases) into bad.csv"
expect_same_file mixed.rejected.csv bad.csv

# The rejects file is never the file being imported (opening it would
# empty it), under any name.
cp mixed.csv again.csv
ln -s again.csv link.csv
for r in again.csv ./again.csv link.csv; do
	expect_status 2 "$CORRIDOR" import again.csv --skip-bad --rejects "$r" --db t.db
	expect_stderr_contains "corridor import: --rejects: '$r' is the file being imported"
	expect_same_file mixed.csv again.csv
done

# Nor the database (a file on SQLite).
if on_sqlite; then
	cp t.db t-copy.db
	expect_status 2 "$CORRIDOR" import mixed.csv --skip-bad --rejects t.db --db t.db
	expect_stderr_contains "corridor import: --rejects: 't.db' is the database"
	expect_same_file t-copy.db t.db
fi

# Nothing bad: status 0, nothing rejected.
new_db u.db
expect_status 0 "$CORRIDOR" import good.csv --skip-bad --db u.db
expect_stdout "imported 5 persons in 2 cases from good.csv"
# A case whose rows are not consecutive is refused whole, also when its
# first part was rejected: line 2 (person 2 of LY-TIP-2026-000101, bad),
# lines 3-4 (LB-BEY-2025-000007), line 5 (person 1 of LY-TIP-2026-000101).
{
	head -n 1 good.csv
	sed -n 3p good.csv | sed 's/,F,1995-02-28,/,Q,1995-02-28,/'
	sed -n 5,6p good.csv
	sed -n 2p good.csv
} >split.csv
new_db v.db
expect_status 1 "$CORRIDOR" import split.csv --skip-bad --db v.db
expect_stdout "imported 2 persons in 1 case from split.csv
rejected 2 rows (2 bad, the others of the same cases) into split.rejected.csv"
expect_stderr "split.csv:2: sex: 'Q' is not F, M or X
split.csv:5: case_id: the rows of case 'LY-TIP-2026-000101' must be consecutive; it appeared earlier in the file"
expect_status 1 "$CORRIDOR" case show LY-TIP-2026-000101 --json --db v.db
[ "$(jq -r .error.code "$WORK/.stderr")" = CASE_NOT_FOUND ] || fail "LY-TIP-2026-000101 was imported in part"
pass

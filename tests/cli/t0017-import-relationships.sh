#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# An import refuses a family whose ages cannot be: a child at least 12 years
# younger than the principal applicant (a grandchild 24), a parent at least
# 12 older (a grandparent 24), a stepchild younger; two years less when a
# date is an estimate. The message names the file, the line of the member
# and the principal's birth date, wherever in the case the principal's row
# comes; nothing is imported; with --skip-bad the rejects file says it on
# that row.
. "$(dirname "$0")/lib.sh"

H=case_id,programme,office,origin,destination,person_no,relationship,given_names_latin,family_name_latin,sex,birth_date,birth_date_approx,nationality
cat >bad.csv <<CSV
$H
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,2,child,Ada,OKAFOR,F,1985-01-01,0,NGA
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,OKAFOR,M,1990-05-01,0,NGA
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,3,parent,Ibrahim,OKAFOR,M,1981-01-01,0,NGA
LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,1,principal,Ngozi,EZE,F,1990-05-01,0,NGA
LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,2,child,Chidi,EZE,M,2002-05-01,0,NGA
LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,3,stepchild,Obi,EZE,M,1989-05-01,0,NGA
LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,4,grandparent,Ifeoma,EZE,F,1970-01-01,1,NGA
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,1,principal,Amina,BELLO,F,1990-05-01,1,NGA
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,2,child,Sani,BELLO,M,2000-06-01,0,NGA
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,3,grandchild,Zara,BELLO,F,2011-01-01,0,NGA
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,4,spouse,Yusuf,BELLO,M,2001-01-01,0,NGA
LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,5,sibling,Hauwa,BELLO,F,1960-01-01,0,NGA
CSV
new_db w.db
expect_import_refused w.db bad.csv "bad.csv:2: birth_date: a child is at least 12 years younger than the principal applicant, born 1990-05-01; this one is 5 years older
bad.csv:4: birth_date: a parent is at least 12 years older than the principal applicant, born 1990-05-01; this one is 9 years older
bad.csv:7: birth_date: a stepchild is younger than the principal applicant, born 1990-05-01; this one is not
bad.csv:8: birth_date: a grandparent is at least 22 years older than the principal applicant, born 1990-05-01 (allowing for an estimated date); this one is 20 years older
bad.csv:11: birth_date: a grandchild is at least 22 years younger than the principal applicant, born 1990-05-01 (allowing for an estimated date); this one is 20 years younger
error: bad.csv: 5 bad rows of 12; nothing was imported"

# With --skip-bad: every case has a bad row here but none; the rejects
# file names the rule on the member's row and the bad line on the others.
cat >mixed.csv <<CSV
$H
LY-TIP-2026-000004,VHR,LY-TIP,LBY,NGA,1,principal,Musa,OKAFOR,M,1990-05-01,0,NGA
LY-TIP-2026-000004,VHR,LY-TIP,LBY,NGA,2,child,Ada,OKAFOR,F,1999-01-01,0,NGA
LY-TIP-2026-000005,VHR,LY-TIP,LBY,NGA,1,principal,Amina,BELLO,F,1990-05-01,1,NGA
LY-TIP-2026-000005,VHR,LY-TIP,LBY,NGA,2,child,Sani,BELLO,M,2000-06-01,0,NGA
CSV
expect_status 1 "$CORRIDOR" import mixed.csv --skip-bad --db w.db
expect_stdout "imported 2 persons in 1 case from mixed.csv
rejected 2 rows (1 bad, the others of the same cases) into mixed.rejected.csv"
expect_stderr "mixed.csv:3: birth_date: a child is at least 12 years younger than the principal applicant, born 1990-05-01; this one is 8 years younger"
[ "$(jv '[.cases[].ref] | join(",")' case list --db w.db)" = LY-TIP-2026-000005 ] ||
	fail "imported: $(jv '[.cases[].ref] | join(",")' case list --db w.db)"
python3 -c '
import csv, sys
for row in csv.reader(open(sys.argv[1], newline="")):
    print(row[5] + ": " + row[-1])' mixed.rejected.csv >errors.txt
cat >want.txt <<'EOT'
person_no: import_errors
1: case_id: not imported: line 3 of case 'LY-TIP-2026-000004' is bad
2: birth_date: a child is at least 12 years younger than the principal applicant, born 1990-05-01; this one is 8 years younger
EOT
expect_same_file want.txt errors.txt
pass

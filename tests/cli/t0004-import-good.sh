#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Importing a good file: the counts, what 'case list' and 'case show' then
# say (names in both scripts, needs, documents, the history), that the same
# file with a byte-order mark and CRLF line ends imports the same, and that
# importing it again is refused without changing anything.
. "$(dirname "$0")/lib.sh"

fixture good.csv good-bom-crlf.csv
new_db g.db
expect_status 0 "$CORRIDOR" import good.csv --db g.db
expect_stdout "imported 5 persons in 2 cases from good.csv"
expect_empty_stderr

# Oldest registration first: the file lists the 2026 case before the 2025 one.
expect_status 0 "$CORRIDOR" case list --db g.db
expect_stdout "CASE                 PROG STATE         PRIORITY  PER  ROUTE    NAT PRINCIPAL APPLICANT
LB-BEY-2025-000007   RST  submitted     emergency   2  LBN>CAN  SYR Al-Hassan, Fatima
LY-TIP-2026-000101   VHR  counselled    urgent      3  LBY>NGA  NGA ADEBAYO, Musa
(2 cases)"

expect_status 0 "$CORRIDOR" case show LB-BEY-2025-000007 --db g.db
# The time of the import varies, and the clock the summary's fitness is
# judged on: check the first's form, then set both aside.
grep -qE '^  [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z  tester ' "$WORK/.stdout" ||
	fail "no history line with a UTC time and the actor"
shown=$(stdout | sed -E -e 's/^  [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/  TIME/' -e 's/now \([0-9T:-]{16}Z\)/now (NOW)/')
[ "$shown" = "case LB-BEY-2025-000007
  booking      none
  referrals    none open
  protection   low
  fitness      not valid now (NOW): no fitness-to-travel check recorded for Fatima Al-Hassan (and 1 more)
  fund         none
  next         interviewed, ineligible (with a reason), on_hold (with a reason), rejected (with a reason), closed (with a reason)
  programme    RST (resettlement to a third state)
  office       LB-BEY
  route        LBN (Lebanon) -> CAN (Canada)
  state        submitted
  priority     emergency
  registered   2025-11-20
persons
  LB-BEY-2025-000007-01  principal      Al-Hassan, Fatima  (فاطمة الحسن)
      F, born 1960-01-16, SYR, speaks ar
      specific needs: ER-NF (single older person), WR-SF (single woman at risk)
      refugee_td RT55 issued by LBN
  LB-BEY-2025-000007-02  child          Al-Hassan, Omar  (عمر الحسن)
      M, born 2008-01-16, SYR, speaks ar
      id_card SY998877 issued by SYR, expires 2027-06-30
history
  TIME  tester       imported   imported from good.csv, line 5
  TIME  tester       counselling session 1 by Rania Khoury in ar: decision yes
  TIME  tester       protection person LB-BEY-2025-000007-01 assessed at low protection risk (assessment 1)
  TIME  tester       protection person LB-BEY-2025-000007-02 assessed at low protection risk (assessment 1)" ] || fail "case show LB-BEY-2025-000007:
$shown"

expect_status 0 "$CORRIDOR" case show LY-TIP-2026-000101 --db g.db
shown=$(stdout | sed -E -e 's/^  [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/  TIME/' -e 's/now \([0-9T:-]{16}Z\)/now (NOW)/')
[ "$shown" = "case LY-TIP-2026-000101
  booking      none
  referrals    none open
  protection   not assessed
  fitness      not valid now (NOW): no fitness-to-travel check recorded for Musa ADEBAYO (and 2 more)
  fund         none
  next         ineligible (with a reason), on_hold (with a reason), closed (with a reason)
  not yet      assessed (PROTECTION_NOT_ASSESSED)
  programme    VHR (voluntary humanitarian return)
  office       LY-TIP
  route        LBY (Libya) -> NGA (Nigeria)
  state        counselled
  priority     urgent
  registered   2026-01-05
persons
  LY-TIP-2026-000101-01  principal      ADEBAYO, Musa
      M, born 1990-05-01, NGA, speaks en;yo
      specific needs: SM-CC (critical medical condition)
      passport A1234567 issued by NGA, expires 2030-01-01
  LY-TIP-2026-000101-02  spouse         OKAFOR, Chioma
      F, born 1995-02-28, NGA, speaks en
      no document
  LY-TIP-2026-000101-03  child          ADEBAYO, Ada
      F, born 2021-01-01 (approximate), NGA, speaks en
      no document
history
  TIME  tester       imported   imported from good.csv, line 2
  TIME  tester       counselling session 1 by Aisha Ben Salem in en: decision yes" ] || fail "case show LY-TIP-2026-000101:
$shown"

expect_status 1 "$CORRIDOR" case show LY-TIP-2026-000999 --db g.db
expect_stderr "error: no case 'LY-TIP-2026-000999'"
expect_empty_stdout

# The numbering of new cases continues after the imported ones.
# sql: no --json shows an office's case counter yet
[ "$(sql g.db "SELECT last FROM case_counter k JOIN office o ON o.id = k.office_id WHERE o.code = 'LY-TIP' AND year = 2026")" = 101 ] ||
	fail "the LY-TIP 2026 counter is not at 101"

# The same file again: refused, nothing changes.
expect_import_refused g.db good.csv "good.csv:2: case_id: case 'LY-TIP-2026-000101' already exists in the database
good.csv:5: case_id: case 'LB-BEY-2025-000007' already exists in the database
error: good.csv: 2 bad rows of 5; nothing was imported"

# With a byte-order mark and CRLF: the same database content.
new_db b.db
expect_status 0 "$CORRIDOR" import good-bom-crlf.csv --db b.db
expect_stdout "imported 5 persons in 2 cases from good-bom-crlf.csv"
expect_status 0 "$CORRIDOR" export --db g.db --out g.csv
expect_status 0 "$CORRIDOR" export --db b.db --out b.csv
expect_same_file g.csv b.csv
# The export is the input, with CRLF line ends.
sed 's/\r$//' g.csv >g-lf.csv
expect_same_file good.csv g-lf.csv

# The import wrote through a rollback journal (nobody else had the database
# open) without checking foreign keys itself: every reference holds, and the
# database is back in WAL.
if on_sqlite; then
	[ -z "$(sqlite3 g.db 'PRAGMA foreign_key_check')" ] || fail "dangling references after import"
	[ "$(sqlite3 g.db 'PRAGMA journal_mode')" = wal ] || fail "g.db is not in WAL after import"
	[ ! -e g.db-journal ] || fail "a journal is left after import"
fi

# A file with a header and no rows imports nothing, successfully.
head -n 1 good.csv >header-only.csv
db_dump g.db >before.sql
expect_status 0 "$CORRIDOR" import header-only.csv --db g.db
expect_stdout "imported 0 persons in 0 cases from header-only.csv"
db_dump g.db >after.sql
expect_same_file before.sql after.sql

# --json: what was read and imported, as one document; the cases are there,
# with the clock's time on their "imported" event.
new_db j.db
CORRIDOR_NOW=2026-02-01T10:30:00Z expect_status 0 "$CORRIDOR" import good.csv --json --db j.db
rows=$(($(wc -l <good.csv) - 1))
[ "$(stdout | jq -c '[.rows, .bad_rows, .rejected_rows]')" = "[$rows,0,0]" ] || fail "import --json: $(stdout)"
[ "$(stdout | jq .persons)" = "$rows" ] || fail "import --json: $(stdout)"
cases=$(stdout | jq .cases)
expect_status 0 "$CORRIDOR" stats --json --db j.db
[ "$(stdout | jq -c '[.totals.cases, .totals.persons]')" = "[$cases,$rows]" ] || fail "stats after import --json: $(stdout | jq -c .totals)"
ref=$("$CORRIDOR" case list --limit 1 --json --db j.db | jq -r '.cases[0].ref')
expect_status 0 "$CORRIDOR" case show "$ref" --json --db j.db
[ "$(stdout | jq -r '.history[] | select(.action == "imported") | "\(.at) \(.actor)"')" = "2026-02-01T10:30:00Z tester" ] ||
	fail "the imported event: $(stdout | jq -c '.history')"
pass

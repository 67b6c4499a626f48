#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor document add (by hand) and list: what is printed, where each
# document came from, what 'case show' then says, the event each addition
# appends, and that the same document twice is refused without a change.
. "$(dirname "$0")/lib.sh"

fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
omar=LY-TIP-2026-000201-02

expect_status 0 "$CORRIDOR" document list $omar --db h.db
expect_stdout "$omar  YUSUF, Omar
  no document"
expect_status 0 "$CORRIDOR" document list LY-TIP-2026-000201-03 --db h.db
expect_stdout "LY-TIP-2026-000201-03  YUSUF, Huda
  etd E7700123 issued by SDN, expires 2027-03-31 (import)"

expect_status 0 "$CORRIDOR" document add $omar --kind exit_permit --number EP2026001 --issuer LBY \
	--expires 2031-12-31 --db h.db
expect_stdout "added exit_permit EP2026001 issued by LBY, expires 2031-12-31 to $omar"
expect_empty_stderr
expect_status 0 "$CORRIDOR" document add $omar --kind laissez_passer --number LP88 --issuer SDN --db h.db
expect_stdout "added laissez_passer LP88 issued by SDN to $omar"
# An expired document is recorded (it is a fact about the person), with a warning.
expect_status 0 "$CORRIDOR" document add $omar --kind passport --number P0001 --issuer SDN \
	--expires 2020-01-01 --db h.db
expect_stdout "added passport P0001 issued by SDN, expires 2020-01-01 to $omar"
expect_stderr "warning: this passport expired on 2020-01-01"

expect_status 0 "$CORRIDOR" document list $omar --db h.db
expect_stdout "$omar  YUSUF, Omar
  exit_permit EP2026001 issued by LBY, expires 2031-12-31 (manual)
  laissez_passer LP88 issued by SDN (manual)
  passport P0001 issued by SDN, expires 2020-01-01 (manual)"
# Where every document of the database came from, person by person.
got=$(for c in $(jv '.cases[].ref' case list --limit 0 --db h.db); do
	for p in $(jv '.persons[].ref' case show "$c" --db h.db); do
		echo "$p:$(jv '[.documents[].source] | join(",")' document list "$p" --db h.db)"
	done
done)
[ "$got" = "LY-TIP-2026-000201-01:import
$omar:manual,manual,manual
LY-TIP-2026-000201-03:import
KE-NBO-2026-000010-01:import
KE-NBO-2026-000010-02:" ] || fail "sources: $got"

expect_status 0 "$CORRIDOR" case show LY-TIP-2026-000201 --db h.db
stdout | sed -n "/^  $omar /,/^  LY-TIP-2026-000201-03 /p" | sed '$d' >person.txt
cat >want.txt <<EOF
  $omar  child          YUSUF, Omar  (عمر يوسف)
      M, born 2015-06-01, SDN, speaks ar
      exit_permit EP2026001 issued by LBY, expires 2031-12-31
      laissez_passer LP88 issued by SDN
      passport P0001 issued by SDN, expires 2020-01-01
EOF
expect_same_file want.txt person.txt
stdout | sed -n '/^history$/,$p' | sed -E 's/^  [0-9T:Z-]{20}  /  TIME  /' >history.txt
cat >want.txt <<EOF
history
  TIME  tester       imported   imported from health-documents.csv, line 2
  TIME  tester       counselling session 1 by Aisha Ben Salem in ar: decision yes
  TIME  tester       document   exit_permit EP2026001 issued by LBY, expires 2031-12-31 added for $omar (entered by hand)
  TIME  tester       document   laissez_passer LP88 issued by SDN added for $omar (entered by hand)
  TIME  tester       document   passport P0001 issued by SDN, expires 2020-01-01 added for $omar (entered by hand)
EOF
expect_same_file want.txt history.txt

# The same kind, number and issuer again: refused, nothing changes. The same
# number from another issuer is another document.
db_dump h.db >before.sql
expect_status 1 "$CORRIDOR" document add $omar --kind laissez_passer --number LP88 --issuer SDN --db h.db
expect_stderr "error: '$omar' already has laissez_passer LP88 issued by SDN"
expect_empty_stdout
db_dump h.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" document add $omar --kind laissez_passer --number LP88 --issuer LBY --db h.db
# A child on a parent's passport: the same document on two persons is allowed.
expect_status 0 "$CORRIDOR" document add $omar --kind passport --number P04918273 --issuer SDN \
	--expires 2027-01-02 --db h.db

# --json: the list as one document, and a write prints what it stored.
expect_status 0 "$CORRIDOR" document list LY-TIP-2026-000201-03 --json --db h.db
expect_empty_stderr
[ "$(stdout | jq -c '[.person.id, .person.family_name_latin, .person.given_names_latin, .documents]')" = \
	'["LY-TIP-2026-000201-03","YUSUF","Huda",[{"kind":"etd","number":"E7700123","issuer":"SDN","expires_on":"2027-03-31","source":"import","expired":false}]]' ] ||
	fail "list --json: $(stdout)"
expect_status 0 "$CORRIDOR" document add LY-TIP-2026-000201-03 --kind visa --number V9 --issuer NGA --json --db h.db
[ "$(stdout | jq -c .)" = '{"person":"LY-TIP-2026-000201-03","document":{"kind":"visa","number":"V9","issuer":"NGA","expires_on":null,"source":"manual","expired":false},"also_held_by":[],"also_held_by_more":false}' ] ||
	fail "add --json: $(stdout)"
expect_status 0 "$CORRIDOR" document list $omar --json --db h.db
[ "$(stdout | jq -c '[.documents[] | select(.number == "P0001") | .expired]')" = '[true]' ] ||
	fail "expired: $(stdout)"
pass

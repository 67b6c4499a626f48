#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The demo caseload is reproducible: the same --people, --seed and --date
# give the same database, byte for byte in its dump, and the same
# statistics, whose totals are fixed here, with the same movements. The
# sections of 'stats' add up.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --date 2026-01-15 --db a.db
[ "$(stdout | sed -E 's/ in [0-9]+\.[0-9] s$/ in T s/')" = \
	"generated 2,000 persons in 719 cases (1,471 documents, 10,584 events) into a.db in T s" ] ||
	fail "demo said: $(stdout)"
expect_status 0 "$CORRIDOR" stats --date 2026-01-15 --db a.db
# Computed once from this seed; a change here is a change of the generator.
[ "$(stdout | head -n 1)" = "a.db: 719 cases, 2,000 persons, 1,471 documents, 10,584 events (as of 2026-01-15)" ] ||
	fail "stats totals: $(stdout | head -n 1)"
stdout >stats-a.txt

# Each section adds up to the totals (persons by need group excepted: a
# person may have none or several).
awk '
	/^[a-z]/ { section = $0; next }
	/^  / { c = $(NF - 1); p = $NF; gsub(",", "", c); gsub(",", "", p); cases[section] += c; persons[section] += p }
	END {
		for (s in persons) {
			if (s ~ /specific needs/) continue
			if (persons[s] != 2000) { print "section " s ": " persons[s] " persons"; bad = 1 }
			if (s ~ /^by (programme|state|priority|office|destination)/ && cases[s] != 719) {
				print "section " s ": " cases[s] " cases"; bad = 1
			}
		}
		exit bad
	}' stats-a.txt || fail "the sections of 'stats' do not add up"
for section in "by programme" "by state" "by priority" "by office" "by destination" \
	"persons by nationality" "persons by sex and age" "persons with specific needs, by group" \
	"persons by travel document"; do
	grep -q "^$section  *cases    persons$" stats-a.txt || fail "no section '$section'"
done
for prog in HEV VHR AVR REP HASM RST REL CPW; do
	grep -qE "^  $prog +[0-9,]+ +[0-9,]+$" stats-a.txt || fail "no programme $prog in the statistics"
done
# The cases that went or are booked to go travel on movements of every state.
got=$(jv '[.movements[].state] | group_by(.) | map("\(.[0]) \(length)") | join(" ")' movement list --db a.db)
[ "$got" = "arrived 223 cancelled 1 departed 13 open 56 planned 4" ] || fail "movements by state: $got"
# The bookings of every movement, by status.
got=$(for m in $(jv '.movements[].ref' movement list --db a.db); do
	jv '.bookings[].status' movement show "$m" --db a.db
done | sort | uniq -c | awk '{ print $2 " " $1 }' | paste -sd ' ')
[ "$got" = "booked 44 departed 247 no_show 6" ] || fail "bookings by status: $got"
expect_status 0 "$CORRIDOR" stats --date 2026-01-15 --json --db a.db
[ "$(stdout | jq '.by_state[] | select(.key == "booked") | .cases')" = 44 ] || fail "the booked cases are not those with a booking"
# The document says what the text says: the same totals, every section's
# rows adding up to them.
[ "$(stdout | jq -r '.as_of')" = 2026-01-15 ] || fail "stats --json: as_of $(stdout | jq -r .as_of)"
[ "$(stdout | jq -c '[.totals.cases, ([.by_programme[].cases] | add), ([.by_office[].cases] | add), ([.by_state[].cases] | add)] | unique | length')" = 1 ] ||
	fail "stats --json: the cases by programme, office and state do not add up to the total"
[ "$(stdout | jq -c '[.totals.persons, ([.by_nationality[].persons] | add), ([.by_sex_age[].persons] | add), ([.by_document[].persons] | add)] | unique | length')" = 1 ] ||
	fail "stats --json: the persons by nationality, sex and age, and document do not add up to the total"
[ "$(stdout | jq .totals.persons)" = 2000 ] || fail "stats --json: $(stdout | jq -c .totals)"

# Statistics never carry names: the Latin names of five letters or more,
# from the export (no field is quoted: commas split the columns).
expect_status 0 "$CORRIDOR" export --db a.db --out a.csv
grep -qF '"' a.csv && fail "the export of a.db quotes a field: splitting on commas would not do"
awk -F, 'NR == 1 {
		for (i = 1; i <= NF; i++) col[$i] = i
		if (!col["family_name_latin"] || !col["given_names_latin"]) exit 1
		next
	}
	{ print $col["family_name_latin"]; print $col["given_names_latin"] }' a.csv >names-all.txt ||
	fail "the export of a.db has no column family_name_latin or given_names_latin"
grep -xE '.{5,}' names-all.txt | sort -u >names.txt
[ "$(wc -l <names.txt)" -gt 100 ] || fail "too few names to look for"
found=$(grep -owFf names.txt stats-a.txt | head -n 3)
[ -z "$found" ] || fail "names appear in the statistics: $found"

# Again with the same options: the same database and statistics.
expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --date 2026-01-15 --db b.db
db_dump a.db >a.sql
db_dump b.db >b.sql
expect_same_file a.sql b.sql
expect_status 0 "$CORRIDOR" stats --date 2026-01-15 --db b.db
stdout | sed 's/^b\.db:/a.db:/' >stats-b.txt
expect_same_file stats-a.txt stats-b.txt

# Without --date, the day of CORRIDOR_NOW: the same database again.
CORRIDOR_NOW=2026-01-15T18:00:00Z expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --db n.db
db_dump n.db >n.sql
expect_same_file a.sql n.sql

# Another seed, another caseload.
expect_status 0 "$CORRIDOR" demo --people 2000 --seed 43 --date 2026-01-15 --db c.db
db_dump c.db >c.sql
cmp -s a.sql c.sql && fail "seeds 42 and 43 gave the same database"

# Demo data goes only into a database without cases; the refusal changes nothing.
expect_status 1 "$CORRIDOR" demo --people 10 --db a.db
expect_stderr "error: the database already holds cases; demo data goes only into a new database (give another --db)"
expect_empty_stdout
db_dump a.db >a2.sql
expect_same_file a.sql a2.sql
# An initialised database without cases takes it.
new_db e.db
expect_status 0 "$CORRIDOR" demo --people 1 --seed 1 --date 2026-01-15 --db e.db
[ "$(stdout | sed -E 's/ in [0-9]+\.[0-9] s$/ in T s/')" = \
	"generated 1 person in 1 case (1 document, 16 events) into e.db in T s" ] ||
	fail "demo said: $(stdout)"
# Its one case, booked today, on the open flight tomorrow.
expect_status 0 "$CORRIDOR" movement list --db e.db
expect_stdout "ET-ADD-MV-2026-0001  open      scheduled  ET 1329      ADD-ORD                  2026-01-16 07:16 +03:00  1 case, 1 person, 16 free
1 movement"
expect_status 0 "$CORRIDOR" stats --json --db e.db
[ "$(stdout | jq .totals.persons)" = 1 ] || fail "--people 1 gave another number"
pass

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A route leaves the country it starts in: a case registered or imported
# with its destination for origin, and a movement whose legs end in the
# country they start in (a domestic leg is part of a movement, never the
# whole), are refused with the field and nothing changes.
. "$(dirname "$0")/lib.sh"

new_db w.db
# refused STATUS MESSAGE CMD...: that status and message, nothing changed.
refused()
{
	local status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	expect_stderr "$want"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

refused 1 "error: destination: 'LBY' is the origin: a case moves out of the country it is in" \
	"$CORRIDOR" case register --programme VHR --office LY-TIP --origin LBY --destination LBY \
	--family-name-latin ADEBAYO --given-names-latin Musa --sex M --birth-date 1990-05-01 \
	--nationality NGA --db w.db
expect_status 1 "$CORRIDOR" case register --programme VHR --office LY-TIP --origin NGA --destination NGA \
	--family-name-latin ADEBAYO --given-names-latin Musa --sex M --birth-date 1990-05-01 \
	--nationality NGA --json --db w.db
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"INVALID","field":"destination","message":"destination: '"'NGA'"' is the origin: a case moves out of the country it is in"}' ] ||
	fail "register --json: $(stderr)"

cat >same.csv <<'CSV'
case_id,programme,office,origin,destination,person_no,relationship,given_names_latin,family_name_latin,sex,birth_date,nationality
LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,OKAFOR,M,1990-05-01,NGA
LY-TIP-2026-000002,HEV,LY-TIP,LBY,LBY,1,principal,Ngozi,EZE,F,1990-05-01,NGA
CSV
expect_import_refused w.db same.csv "same.csv:3: destination: 'LBY' is the origin: a case moves out of the country it is in
error: same.csv: 1 bad row of 2; nothing was imported"

# Tripoli Mitiga -> Benghazi is domestic; with a leg on to Lagos it is a
# movement.
dep=$(date -u -d '+3 days' +%Y-%m-%dT08:00Z)
arr=$(date -u -d '+3 days' +%Y-%m-%dT09:30Z)
dep2=$(date -u -d '+3 days' +%Y-%m-%dT11:00Z)
arr2=$(date -u -d '+3 days' +%Y-%m-%dT16:00Z)
refused 1 "error: the route starts and ends in LBY: a movement leaves the country it starts in" \
	"$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 100" \
	--leg "from=MJI,to=BEN,departs=$dep,arrives=$arr,seats=50" --db w.db
refused 1 "error: the route starts and ends in LBY: a movement leaves the country it starts in" \
	"$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 100" \
	--leg "from=MJI,to=LOS,departs=$dep,arrives=$arr,seats=50" \
	--leg "from=LOS,to=BEN,departs=$dep2,arrives=$arr2,seats=50" --db w.db
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 100" \
	--leg "from=MJI,to=BEN,departs=$dep,arrives=$arr,seats=50" \
	--leg "from=BEN,to=LOS,departs=$dep2,arrives=$arr2,seats=50" --db w.db
expect_stdout "movement LY-TIP-MV-${dep:0:4}-0001 added (planned)"
pass

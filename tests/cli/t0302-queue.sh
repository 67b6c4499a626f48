#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor queue over travel-ready cases built with the real commands
# (import, health, counsel, protection): the eligible ones in priority order
# (level, deadline, vulnerability, registration), each with its place,
# persons, travel conditions and explanation; those not eligible counted,
# or listed with --show-blocked; --limit, --programme, --office, the rules
# in force; --json; cases in other states left out. queue never writes the
# database.
. "$(dirname "$0")/lib.sh"

# The cases come in travel_ready with the records that state needs: the
# counselling session of a return or a resettlement, a protection risk for
# every person, a pre-migration health assessment for a resettlement. No
# fitness check comes with them. SD-PZU-2026-000003 is booked on a charter
# below.
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,decision,protection_risk,pre_migration_outcome,pre_migration_at
SD-PZU-2026-000001,HEV,SD-PZU,SDN,EGY,travel_ready,emergency,2026-02-20,1,principal,HASSAN,Omar,,,M,1980-02-02,0,EGY,ar,,passport,P0000001,EGY,2030-01-01,,,,none,,
SD-PZU-2026-000001,HEV,SD-PZU,SDN,EGY,travel_ready,emergency,2026-02-20,2,child,HASSAN,Ali,,,M,2016-02-02,0,EGY,ar,SM-CC,passport,P0000002,EGY,2030-01-01,,,,none,,
SD-PZU-2026-000002,HEV,SD-PZU,SDN,ETH,travel_ready,urgent,2026-01-15,1,principal,ALEMU,Sara,,,F,1995-05-05,0,ETH,am,SP,etd,E0000003,ETH,,,,,none,,
LY-TIP-2026-000010,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2025-06-01,1,principal,OKORO,Emeka,,,M,1992-07-07,0,NGA,en,TR,passport,P0000010,NGA,2030-01-01,Amal Haddad,en,yes,none,,
LY-TIP-2026-000011,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2025-06-01,1,principal,ADEYEMI,Tunde,,,M,1993-08-08,0,NGA,en,,passport,P0000011,NGA,2030-01-01,Amal Haddad,en,yes,none,,
LY-TIP-2026-000012,VHR,LY-TIP,LBY,GHA,travel_ready,urgent,2026-02-01,1,principal,MENSAH,Kofi,,,M,1990-09-09,0,GHA,en,,passport,P0000012,GHA,2030-01-01,Amal Haddad,en,yes,none,,
LY-TIP-2026-000012,VHR,LY-TIP,LBY,GHA,travel_ready,urgent,2026-02-01,2,spouse,MENSAH,Ama,,,F,1991-10-10,0,GHA,en,PG,,,,,Amal Haddad,en,yes,none,,
TR-IST-2026-000020,RST,TR-IST,TUR,CAN,travel_ready,normal,2026-01-10,1,principal,AL-HASSAN,Fatima,,,F,1960-01-16,0,SYR,ar,ER-NF,refugee_td,R0000020,TUR,2030-01-01,Amal Haddad,ar,yes,none,fit,2026-01-20T10:00Z
SD-PZU-2026-000003,HEV,SD-PZU,SDN,EGY,travel_ready,emergency,2026-02-25,1,principal,IDRIS,Adam,,,M,1985-03-03,0,EGY,ar,,passport,P0000030,EGY,2030-01-01,,,,none,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
check()
{
	local who=$1
	shift
	expect_status 0 "$CORRIDOR" health check "$who" "$@" --by "Dr A. Keita" --db w.db
}
check SD-PZU-2026-000001-01 --outcome fit_with_conditions --condition wchr --at 2026-03-01T08:00Z
check SD-PZU-2026-000001-02 --outcome fit_with_conditions --condition medical_escort --condition oxygen --at 2026-03-01T08:10Z
check SD-PZU-2026-000002-01 --outcome fit --at 2026-03-01T09:00Z
check LY-TIP-2026-000010-01 --outcome fit --at 2026-03-02T09:00Z
check LY-TIP-2026-000011-01 --outcome fit --at 2026-03-02T09:00Z
check TR-IST-2026-000020-01 --outcome fit --at 2026-03-02T09:00Z
check SD-PZU-2026-000003-01 --outcome fit --at 2026-03-02T09:00Z
for c in LY-TIP-2026-000010 LY-TIP-2026-000011 LY-TIP-2026-000012 TR-IST-2026-000020; do
	expect_status 0 "$CORRIDOR" counsel "$c" --counsellor "Amal Haddad" --language en --decision yes --db w.db
done
for p in LY-TIP-2026-000010-01 LY-TIP-2026-000011-01; do
	expect_status 0 "$CORRIDOR" protection assess "$p" --level none --grounds "no risk factors" --db w.db
done
# New information on LY-TIP-2026-000012: both at high risk, not cleared.
for p in LY-TIP-2026-000012-01 LY-TIP-2026-000012-02; do
	expect_status 0 "$CORRIDOR" protection assess "$p" --level high --grounds "threats from the family in Kumasi" --db w.db
done
# A seat on a charter the day of its fitness check: booked, not in the queue.
CORRIDOR_NOW=2026-03-02T10:00:00Z travel w.db booked "from=PZU,to=CAI" SD-PZU-2026-000003

# queue with the same arguments: status 0, nothing on stderr, the database
# untouched.
queue()
{
	db_dump w.db >before.sql
	expect_status 0 "$CORRIDOR" queue "$@" --db w.db
	expect_empty_stderr
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

L1="   1  SD-PZU-2026-000001  2 persons (medical_escort, oxygen, wchr)  emergency (deadline 2026-02-27, 4 days overdue); vulnerability 4: SM-CC critical medical condition (4); registered 2026-02-20"
L2="   2  SD-PZU-2026-000002  1 person  urgent (deadline 2026-02-26, 5 days overdue); vulnerability 3: SP single parent or caregiver (3); registered 2026-01-15"
L3="   3  LY-TIP-2026-000010  1 person  normal (deadline 2026-06-01, 90 days left); vulnerability 3: TR torture (3); registered 2025-06-01"
L4="   4  LY-TIP-2026-000011  1 person  normal (deadline 2026-06-01, 90 days left); vulnerability 0: no weighted specific needs; registered 2025-06-01"
L5="   5  TR-IST-2026-000020  1 person  normal (deadline 2027-01-10, 313 days left); vulnerability 2: ER-NF single older person (2); registered 2026-01-10"
BLOCKED="   -  LY-TIP-2026-000012  2 persons  not eligible: FITNESS_MISSING x2, PROTECTION_NOT_CLEARED x2, NO_TRAVEL_DOCUMENT"

# A level is never overtaken (the urgent case overdue longer stays behind
# the emergency); then deadline, vulnerability, registration.
queue --travel-date 2026-03-03
expect_stdout "$L1
$L2
$L3
$L4
$L5
travel-ready for travel on 2026-03-03: 5 cases eligible (6 persons), 1 not eligible (2 persons); --show-blocked lists those not eligible"

queue --travel-date 2026-03-03 --show-blocked --limit 2
expect_stdout "$L1
$L2
$BLOCKED
travel-ready for travel on 2026-03-03: 5 cases eligible (6 persons), 1 not eligible (2 persons); the first 2 shown"

queue --travel-date 2026-03-03 --programme VHR --show-blocked
expect_stdout "${L3/   3/   1}
${L4/   4/   2}
$BLOCKED
travel-ready for travel on 2026-03-03: 2 cases eligible (2 persons), 1 not eligible (2 persons)"

queue --travel-date 2026-03-03 --office SD-PZU --limit 0
expect_stdout "$L1
$L2
travel-ready for travel on 2026-03-03: 2 cases eligible (3 persons), 0 not eligible (0 persons)"

queue --travel-date 2026-03-03 --programme REL
expect_stdout "travel-ready for travel on 2026-03-03: 0 cases eligible (0 persons), 0 not eligible (0 persons)"

# Two days later the HEV checks are 96 hours old; a rules file gives HEV
# a 120-hour window.
queue --travel-date 2026-03-05 --programme HEV --show-blocked
expect_stdout "   -  SD-PZU-2026-000001  2 persons  not eligible: FITNESS_EXPIRED x2
   -  SD-PZU-2026-000002  1 person  not eligible: FITNESS_EXPIRED
travel-ready for travel on 2026-03-05: 0 cases eligible (0 persons), 2 not eligible (3 persons)"
queue --travel-date 2026-03-05 --programme HEV --show-blocked --json
[ "$(stdout | jq -c '[.queue, .eligible, .not_eligible, [.blocked[] | [.case, .persons, .unmet_count, .codes]]]')" = \
	'[[],{"cases":0,"persons":0},{"cases":2,"persons":3},[["SD-PZU-2026-000001",2,2,[{"code":"FITNESS_EXPIRED","count":2}]],["SD-PZU-2026-000002",1,1,[{"code":"FITNESS_EXPIRED","count":1}]]]]' ] ||
	fail "queue --json blocked: $(stdout)"
printf 'HEV.fitness_window_hours = 120\npriority.emergency_days = 3\n' >rules.conf
expect_status 0 "$CORRIDOR" rules set rules.conf --db w.db
queue --travel-date 2026-03-05 --programme HEV
expect_stdout "   1  SD-PZU-2026-000001  2 persons (medical_escort, oxygen, wchr)  emergency (deadline 2026-02-23, 10 days overdue); vulnerability 4: SM-CC critical medical condition (4); registered 2026-02-20
   2  SD-PZU-2026-000002  1 person  urgent (deadline 2026-02-26, 7 days overdue); vulnerability 3: SP single parent or caregiver (3); registered 2026-01-15
travel-ready for travel on 2026-03-05: 2 cases eligible (3 persons), 0 not eligible (0 persons)"
queue --travel-date 2026-03-05 --programme HEV --json
[ "$(stdout | jq -c '[.travel_on, .rules_version, .blocked, [.queue[] | [.place, .case, .persons, .conditions, .priority, .why]]]')" = \
	'["2026-03-05",1,null,[[1,"SD-PZU-2026-000001",2,["medical_escort","oxygen","wchr"],"emergency","emergency (deadline 2026-02-23, 10 days overdue); vulnerability 4: SM-CC critical medical condition (4); registered 2026-02-20"],[2,"SD-PZU-2026-000002",1,[],"urgent","urgent (deadline 2026-02-26, 7 days overdue); vulnerability 3: SP single parent or caregiver (3); registered 2026-01-15"]]]' ] ||
	fail "queue --json: $(stdout)"
: >defaults.conf
expect_status 0 "$CORRIDOR" rules set defaults.conf --db w.db

# Without a travel date: the clock's day, long after these checks.
today=2026-06-01
export CORRIDOR_NOW=${today}T08:00:00Z
queue
expect_stdout "travel-ready on $today (no travel date set): 0 cases eligible (0 persons), 6 not eligible (8 persons); --show-blocked lists those not eligible"

# The command in 'corridor help'.
expect_status 0 "$CORRIDOR" help
expect_stdout_contains "   queue        the priority queue of eligible travel-ready cases"
expect_status 0 "$CORRIDOR" queue --help
expect_stdout_contains "usage: corridor queue [--programme P] [--office O] [--travel-date YYYY-MM-DD] [--limit N]"
expect_stdout_contains "[--show-blocked] [--json] [--db PATH]"
pass

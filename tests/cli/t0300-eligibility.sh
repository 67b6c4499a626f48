#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor eligibility on a return built with the real commands (import,
# counsel, protection, health, document): every unmet criterion of every
# person, exactly, with status 1; then each one met in turn until the case
# is eligible (status 0); a travel date beyond the fitness window; the
# rules in force widening it; an asylum wish; --json. eligibility never
# writes the database.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
B=LY-TIP-2026-000124
# C comes in registered and is taken to eligible below; B comes in
# counselled, with its session.
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,decision
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-05,1,principal,YUSUF,Amina,,,F,1990-03-14,0,NGA,ha;en,SM-CC,passport,A1234567,NGA,2026-03-02,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-05,2,child,YUSUF,Ibrahim,,,M,2015-06-01,0,NGA,ha,CR,,,,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-05,3,spouse,YUSUF,Musa,,,M,1985-01-01,0,NGA,ha,,etd,E7654321,NGA,2030-12-31,,,
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,counselled,normal,2026-01-06,1,principal,BELLO,Fatima,,,F,1988-01-01,0,NGA,en,,passport,B1111111,NGA,2031-01-01,Amal Haddad,en,yes
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db

# eligibility with the same arguments, and the database untouched.
elig()
{
	local status=$1
	shift
	db_dump w.db >before.sql
	expect_status "$status" "$CORRIDOR" eligibility "$@" --db w.db
	expect_empty_stderr
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# As imported: nothing recorded but the documents.
elig 1 "$C" --travel-date 2026-03-03
expect_stdout "COUNSELLED       $C     NOT_COUNSELLED             case $C has not been counselled
DECISION         $C     NO_INFORMED_DECISION       case $C has no informed decision recorded
TRAVEL_DOCUMENT  $C-01  DOC_EXPIRES_BEFORE_TRAVEL  passport of Amina YUSUF expired 2026-03-02, before travel on 2026-03-03
FITNESS          $C-01  FITNESS_MISSING            no fitness-to-travel check recorded for Amina YUSUF
PROTECTION       $C-01  PROTECTION_NOT_ASSESSED    no protection risk assessment recorded for Amina YUSUF
TRAVEL_DOCUMENT  $C-02  NO_TRAVEL_DOCUMENT         Ibrahim YUSUF holds no travel document accepted for VHR (passport, emergency travel document or laissez-passer)
FITNESS          $C-02  FITNESS_MISSING            no fitness-to-travel check recorded for Ibrahim YUSUF
PROTECTION       $C-02  PROTECTION_NOT_ASSESSED    no protection risk assessment recorded for Ibrahim YUSUF
FITNESS          $C-03  FITNESS_MISSING            no fitness-to-travel check recorded for Musa YUSUF
PROTECTION       $C-03  PROTECTION_NOT_ASSESSED    no protection risk assessment recorded for Musa YUSUF
case $C (VHR, registered, 3 persons) is not eligible for travel on 2026-03-03: 10 unmet criteria"

# On to eligible the way the lifecycle allows: counselled with a decision
# to return, every person assessed at no risk.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ha --decision yes --db w.db
expect_status 0 "$CORRIDOR" move "$C" counselled --db w.db
for p in 01 02 03; do
	expect_status 0 "$CORRIDOR" protection assess "$C-$p" --level none --grounds "no risk factors known" --db w.db
done
expect_status 0 "$CORRIDOR" move "$C" assessed --db w.db
expect_status 0 "$CORRIDOR" move "$C" eligible --db w.db

# Counselled again and assessed again (the latest counts), examined; one
# document added.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ha --interpreter --decision undecided --db w.db
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level high --grounds "threat from a militia in the home area" --db w.db
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level none --grounds "child travelling with the mother" --db w.db
expect_status 0 "$CORRIDOR" protection assess "$C-03" --level low --grounds "general insecurity" --db w.db
expect_status 0 "$CORRIDOR" health check "$C-01" --outcome fit_with_conditions --condition medical_escort --at 2026-03-01T08:00Z --db w.db
expect_status 0 "$CORRIDOR" health check "$C-02" --outcome deferred --at 2026-03-01T09:00Z --db w.db
expect_status 0 "$CORRIDOR" health check "$C-03" --outcome fit --at 2026-02-26T10:00Z --db w.db
expect_status 0 "$CORRIDOR" document add "$C-02" --kind laissez_passer --number LP2 --issuer NGA --expires 2026-03-02 --db w.db
elig 1 "$C" --travel-date 2026-03-03
expect_stdout "DECISION         $C     NO_INFORMED_DECISION       case $C has no informed decision recorded
TRAVEL_DOCUMENT  $C-01  DOC_EXPIRES_BEFORE_TRAVEL  passport of Amina YUSUF expired 2026-03-02, before travel on 2026-03-03
PROTECTION       $C-01  PROTECTION_NOT_CLEARED     protection risk of Amina YUSUF on return is high and not cleared by a protection officer
TRAVEL_DOCUMENT  $C-02  DOC_EXPIRES_BEFORE_TRAVEL  laissez-passer of Ibrahim YUSUF expired 2026-03-02, before travel on 2026-03-03
FITNESS          $C-02  FITNESS_DEFERRED           fitness to travel of Ibrahim YUSUF was deferred on 2026-03-01
FITNESS          $C-03  FITNESS_EXPIRED            fitness check of Musa YUSUF on 2026-02-26 is 120 hours before travel on 2026-03-03; at most 72 hours are allowed
case $C (VHR, eligible, 3 persons) is not eligible for travel on 2026-03-03: 6 unmet criteria"

# A decision no is not "undecided".
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ha --decision no --db w.db
elig 1 "$C" --travel-date 2026-03-03
expect_stdout_contains "DECISION         $C     RETURN_DECLINED            case $C decided not to travel (informed decision: no)"

# Each criterion met in turn.
expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ha --decision yes --db w.db
expect_status 0 "$CORRIDOR" protection clear "$C-01" --reason "the militia left the area; verified" --db w.db
expect_status 0 "$CORRIDOR" document add "$C-01" --kind passport --number A7654321 --issuer NGA --expires 2031-01-01 --db w.db
expect_status 0 "$CORRIDOR" document add "$C-02" --kind etd --number E2 --issuer NGA --db w.db
expect_status 0 "$CORRIDOR" health check "$C-02" --outcome fit --at 2026-03-01T10:00Z --db w.db
elig 1 "$C" --travel-date 2026-03-03
expect_stdout "FITNESS          $C-03  FITNESS_EXPIRED            fitness check of Musa YUSUF on 2026-02-26 is 120 hours before travel on 2026-03-03; at most 72 hours are allowed
case $C (VHR, eligible, 3 persons) is not eligible for travel on 2026-03-03: 1 unmet criterion"
expect_status 0 "$CORRIDOR" health check "$C-03" --outcome fit --at 2026-03-02T16:30Z --db w.db
elig 0 "$C" --travel-date 2026-03-03
expect_stdout "case $C (VHR, eligible, 3 persons) is eligible for travel on 2026-03-03"
# The latest check counts, by examination time: one examined earlier and
# entered later changes nothing.
expect_status 0 "$CORRIDOR" health check "$C-03" --outcome unfit --at 2026-02-20T10:00Z --db w.db
elig 0 "$C" --travel-date 2026-03-03
# Whole days: 72 hours before the 4th is the 1st.
elig 0 "$C" --travel-date 2026-03-04
elig 1 "$C" --travel-date 2026-03-05
expect_stdout "FITNESS          $C-01  FITNESS_EXPIRED            fitness check of Amina YUSUF on 2026-03-01 is 96 hours before travel on 2026-03-05; at most 72 hours are allowed
FITNESS          $C-02  FITNESS_EXPIRED            fitness check of Ibrahim YUSUF on 2026-03-01 is 96 hours before travel on 2026-03-05; at most 72 hours are allowed
case $C (VHR, eligible, 3 persons) is not eligible for travel on 2026-03-05: 2 unmet criteria"
elig 1 "$C" --travel-date 2026-02-28
expect_stdout "FITNESS          $C-01  FITNESS_AFTER_TRAVEL       fitness check of Amina YUSUF on 2026-03-01 is dated after travel on 2026-02-28
FITNESS          $C-02  FITNESS_AFTER_TRAVEL       fitness check of Ibrahim YUSUF on 2026-03-01 is dated after travel on 2026-02-28
FITNESS          $C-03  FITNESS_AFTER_TRAVEL       fitness check of Musa YUSUF on 2026-03-02 is dated after travel on 2026-02-28
case $C (VHR, eligible, 3 persons) is not eligible for travel on 2026-02-28: 3 unmet criteria"

# The same as one JSON document.
elig 1 "$C" --travel-date 2026-02-28 --json
[ "$(stdout | jq -c '[.case, .programme, .state, .persons, .travel_on, .eligible, .unmet_count, .rules_version]')" = \
	'["'"$C"'","VHR","eligible",3,"2026-02-28",false,3,0]' ] || fail "eligibility --json: $(stdout)"
[ "$(stdout | jq -r '.unmet[2] | [.criterion, .who, .code, .message] | join("|")')" = \
	"FITNESS|$C-03|FITNESS_AFTER_TRAVEL|fitness check of Musa YUSUF on 2026-03-02 is dated after travel on 2026-02-28" ] ||
	fail "eligibility --json: $(stdout | jq -c '.unmet[2]')"

# The rules in force: a wider window for VHR only, then the defaults again.
cat >rules.conf <<'EOT'
# VHR charters leave up to five days after the medical
VHR.fitness_window_hours = 120
EOT
expect_status 0 "$CORRIDOR" rules set rules.conf --db w.db
elig 0 "$C" --travel-date 2026-03-05
expect_stdout "case $C (VHR, eligible, 3 persons) is eligible for travel on 2026-03-05"
elig 0 "$C" --travel-date 2026-03-05 --json
[ "$(stdout | jq -c '[.eligible, .unmet_count, .unmet, .rules_version]')" = '[true,0,[],1]' ] ||
	fail "eligibility --json under version 1: $(stdout)"
: >defaults.conf
expect_status 0 "$CORRIDOR" rules set defaults.conf --db w.db
elig 1 "$C" --travel-date 2026-03-05
# The option that read a rules file is gone: the stored rules decide.
expect_status 2 "$CORRIDOR" eligibility "$C" --config rules.conf --db w.db
expect_stderr_contains "corridor eligibility: unknown option '--config'"

# Without a travel date: the clock's day, and the sentences say so.
today=2026-03-10
export CORRIDOR_NOW=${today}T12:00:00Z
elig 1 "$C"
expect_stdout_contains "FITNESS          $C-01  FITNESS_EXPIRED            fitness check of Amina YUSUF on 2026-03-01 is "
expect_stdout_contains " before $today (no travel date set); at most 72 hours are allowed"
[ "$(stdout | tail -n 1)" = "case $C (VHR, eligible, 3 persons) is not eligible on $today (no travel date set): 3 unmet criteria" ] ||
	fail "summary: $(stdout | tail -n 1)"

# An asylum wish: on hold, referred; both say so.
expect_status 0 "$CORRIDOR" counsel "$B" --counsellor "Amal Haddad" --language en --decision yes --asylum-wish --db w.db
elig 1 "$B" --travel-date 2026-03-03
expect_stdout "ASYLUM           $B     ASYLUM_REFERRAL_OPEN       case $B wishes to apply for asylum; it is on hold until the asylum referral is closed
REFERRALS        $B     REFERRAL_OPEN              case $B has 1 open referral
FITNESS          $B-01  FITNESS_MISSING            no fitness-to-travel check recorded for Fatima BELLO
PROTECTION       $B-01  PROTECTION_NOT_ASSESSED    no protection risk assessment recorded for Fatima BELLO
case $B (VHR, on_hold, 1 person) is not eligible for travel on 2026-03-03: 4 unmet criteria"
expect_status 0 "$CORRIDOR" referral close "$B" 1 --outcome "the person withdrew the asylum wish" --db w.db
elig 1 "$B" --travel-date 2026-03-03
expect_stdout "FITNESS          $B-01  FITNESS_MISSING            no fitness-to-travel check recorded for Fatima BELLO
PROTECTION       $B-01  PROTECTION_NOT_ASSESSED    no protection risk assessment recorded for Fatima BELLO
case $B (VHR, on_hold, 1 person) is not eligible for travel on 2026-03-03: 2 unmet criteria"

# No such case: said on stderr, as JSON with --json.
expect_status 1 "$CORRIDOR" eligibility LY-TIP-2026-000999 --db w.db
expect_stderr "error: no case 'LY-TIP-2026-000999'"
expect_status 1 "$CORRIDOR" eligibility LY-TIP-2026-000999 --json --db w.db
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"CASE_NOT_FOUND","field":"case","message":"no case '"'LY-TIP-2026-000999'"'"}' ] ||
	fail "eligibility --json error: $(cat "$WORK/.stderr")"

# The command in 'corridor help'.
expect_status 0 "$CORRIDOR" help
grep -qE "^   eligibility  every unmet eligibility criterion of a case, for every person$" "$WORK/.stdout" ||
	fail "'corridor help' does not list eligibility"
expect_status 0 "$CORRIDOR" help eligibility
expect_stdout_contains "usage: corridor eligibility CASE-ID [--travel-date YYYY-MM-DD] [--json] [--db PATH]"
pass

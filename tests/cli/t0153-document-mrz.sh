#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor document add --mrz: the ICAO TD3 specimen adapted to an imported
# person (her nationality, birth date and a future expiry, check digits
# recomputed) is recorded as her passport; a TD1 identity card likewise. An
# MRZ that fails a check is refused naming the check, one that does not
# match the person record naming each field; neither changes anything.
# The MRZ semantics are those of 'corridor mrz' (docs/mrz.md).
. "$(dirname "$0")/lib.sh"

fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
amina=LY-TIP-2026-000201-01
omar=LY-TIP-2026-000201-02

# The specimen, from shared/reference/icao9303.md, and its adaptation to
# YUSUF, Amina (F, born 1990-03-14, SDN).
specimen='P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10'
adapted='P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36SDN9003141F3105010ZE184226B<<<<<16'

# 'corridor mrz' reads both as valid documents.
expect_status 0 "$CORRIDOR" mrz --date 2026-11-01 $specimen '' $adapted
[ "$(grep -c '"valid":true' .stdout)" -eq 2 ] || fail "corridor mrz does not read both as valid"

# refused STATUS STDERR PERSON [ARGS]: the MRZ on stdin ($MRZ) is refused,
# nothing printed on stdout, the database unchanged.
refused()
{
	local want_status=$1 want=$2 person=$3
	shift 3
	db_dump h.db >before.sql
	LAST="document add $person --mrz $*"
	printf '%s\n' "$MRZ" | "$CORRIDOR" document add "$person" --mrz "$@" --db h.db >.stdout 2>.stderr
	STATUS=$?
	[ "$STATUS" -eq "$want_status" ] || fail "exit status $STATUS, expected $want_status"
	grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' .stderr && fail "a sanitizer reported an error"
	if [ "$want_status" -eq 2 ]; then
		[ "$(stderr | head -n 1)" = "$want" ] || fail "stderr: $(stderr | head -n 1)
expected: $want"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump h.db >after.sql
	cmp -s before.sql after.sql || fail "$LAST changed the database"
}

# The raw specimen against Amina: name, nationality and birth date disagree
# (the sex agrees), and UTO is no country to record as an issuer: every one
# is a cause of the one refusal.
MRZ=$specimen
refused 1 "error: the MRZ does not match person '$amina'
  name: the MRZ says ERIKSSON, ANNA MARIA, the person record says YUSUF, AMINA
  nationality: the MRZ says UTO, the person record says SDN
  birth_date: the MRZ says 1974-08-12, the person record says 1990-03-14
  issuing_state: 'UTO' is not an ISO 3166-1 alpha-3 country code" $amina
# Under --json each cause names the MRZ's field.
printf '%s\n' "$specimen" >specimen.mrz
expect_status 1 "$CORRIDOR" document add $amina --mrz --json --db h.db <specimen.mrz
[ "$(stderr | jq -c '.error | [.code, .field, (.causes | map(.field))]')" = \
	'["INVALID","mrz",["mrz.name","mrz.nationality","mrz.birth_date","mrz.issuing_state"]]' ] ||
	fail "error document: $(stderr)"
# Her adapted passport against her son: name, birth date and sex.
MRZ=$adapted
refused 1 "error: the MRZ does not match person '$omar'
  name: the MRZ says YUSUF, AMINA, the person record says YUSUF, OMAR
  birth_date: the MRZ says 1990-03-14, the person record says 2015-06-01
  sex: the MRZ says F, the person record says M" $omar
# One check digit wrong: the composite check fails.
MRZ='P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36SDN9003141F3105010ZE184226B<<<<<17'
refused 1 "error: the MRZ fails 1 check
  composite: check digit of composite is 7, expected 6" $amina
# The birth date's check digit wrong as well.
MRZ='P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36SDN9003142F3105010ZE184226B<<<<<16'
refused 1 "error: the MRZ fails 2 checks
  birth_date: check digit of birth_date is 2, expected 1
  composite: check digit of composite is 6, expected 9" $amina
# A line cut short; lower case; nothing at all.
MRZ='P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36SDN9003141F3105010ZE184226B<<<<<1'
refused 1 "error: the MRZ fails 1 check
  format: line 2 has 43 characters, expected 44 (TD3)" $amina
MRZ='p<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C36SDN9003141F3105010ZE184226B<<<<<16'
refused 1 "error: the MRZ fails 1 check
  characters: line 1 position 1: 'p' is not A-Z, 0-9 or '<'" $amina
MRZ=''
refused 1 "error: the MRZ fails 1 check
  format: no MRZ text, expected 2 lines (TD2, TD3) or 3 (TD1)" $amina
# A passport MRZ is no identity card; number, issuer and expiry come from the MRZ.
MRZ=$adapted
refused 1 "error: the MRZ cannot be recorded for '$amina'
  kind: MRZ code 'P' is for passport, etd, laissez_passer or refugee_td, not id_card" $amina --kind id_card
refused 2 "corridor document: --number: --mrz reads the number, issuer and expiry from the MRZ" \
	$amina --number L898902C3
refused 2 "corridor document: --expires: --mrz reads the number, issuer and expiry from the MRZ" \
	$amina --expires 2031-05-01

# The adapted specimen is recorded as her passport.
printf '%s\n' "$adapted" >amina.mrz
expect_status 0 "$CORRIDOR" document add $amina --mrz --db h.db <amina.mrz
expect_stdout "added passport L898902C3 issued by SDN, expires 2031-05-01 to $amina (read from the MRZ)"
expect_empty_stderr
expect_status 0 "$CORRIDOR" document list $amina --db h.db
expect_stdout "$amina  YUSUF, Amina
  passport P04918273 issued by SDN, expires 2027-01-02 (import)
  passport L898902C3 issued by SDN, expires 2031-05-01 (mrz)"
got=$(jv '.documents | length, (.[-1] | "\(.kind) \(.number) \(.issuer) \(.expires_on) \(.source)")' document list $amina --db h.db)
[ "$got" = "2
passport L898902C3 SDN 2031-05-01 mrz" ] || fail "the stored document: $got"
# Read again: the same document, refused.
expect_status 1 "$CORRIDOR" document add $amina --mrz --db h.db <amina.mrz
expect_stderr "error: '$amina' already has passport L898902C3 issued by SDN"
# The same booklet as a refugee travel document is another record.
expect_status 0 "$CORRIDOR" document add $amina --mrz --kind refugee_td --db h.db <amina.mrz
expect_stdout "added refugee_td L898902C3 issued by SDN, expires 2031-05-01 to $amina (read from the MRZ)"

# A TD1 identity card for Omar, with CRLF line ends and blank lines around.
printf '\n\r\nI<SDNS231458902<<<<<<<<<<<<<<<\r\n1506015M3006014SDN<<<<<<<<<<<0\r\nYUSUF<<OMAR<<<<<<<<<<<<<<<<<<<  \n\n' >omar.mrz
expect_status 0 "$CORRIDOR" document add $omar --mrz --db h.db <omar.mrz
expect_stdout "added id_card S23145890 issued by SDN, expires 2030-06-01 to $omar (read from the MRZ)"
# An expired passport is recorded, with a warning.
printf 'P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<\nL898902C36SDN9003141F1204159ZE184226B<<<<<18\n' >old.mrz
expect_status 0 "$CORRIDOR" document add $amina --mrz --kind etd --db h.db <old.mrz
expect_stdout "added etd L898902C3 issued by SDN, expires 2012-04-15 to $amina (read from the MRZ)"
expect_stderr "warning: this etd expired on 2012-04-15"

# Expired is relative to the clock (CORRIDOR_NOW), and so is the MRZ's
# reference date: in early 2012 the same booklet had not expired yet.
CORRIDOR_NOW=2012-01-01T00:00:00Z expect_status 0 "$CORRIDOR" document add $amina --mrz --kind laissez_passer \
	--json --db h.db <old.mrz
expect_empty_stderr
[ "$(stdout | jq -c '[.person, .document.kind, .document.expires_on, .document.source, .document.expired]')" = \
	'["'$amina'","laissez_passer","2012-04-15","mrz",false]' ] || fail "added: $(stdout)"
expect_status 0 "$CORRIDOR" document list $amina --json --db h.db
[ "$(stdout | jq -c '[.documents[] | select(.kind == "laissez_passer") | .expired]')" = '[true]' ] ||
	fail "listed: $(stdout)"

expect_status 0 "$CORRIDOR" case show LY-TIP-2026-000201 --db h.db
[ "$(grep -c '(read from the MRZ)$' .stdout)" -eq 5 ] || fail "five MRZ document events expected"

# A birth date the MRZ leaves unknown ('<', ICAO 9303): wholly, or the day.
# What it gives must match the person; what it leaves out matches anything.
MRZ='P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<
L898902C47SDN9004<<1F3105010ZE184226B<<<<<18'
refused 1 "error: the MRZ does not match person '$amina'
  birth_date: the MRZ says 1990-04, the person record says 1990-03-14" $amina
printf '%s\n' 'P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<' 'L898902C47SDN9003<<4F3105010ZE184226B<<<<<14' >day.mrz
expect_status 0 "$CORRIDOR" mrz --date 2026-11-01 <day.mrz
[ "$(jq -c '[.valid, .birth_date, .birth_date_unknown]' .stdout)" = '[true,"1990-03",true]' ] ||
	fail "mrz, the day unknown: $(cat .stdout)"
expect_status 0 "$CORRIDOR" document add $amina --mrz --db h.db <day.mrz
expect_stdout "added passport L898902C4 issued by SDN, expires 2031-05-01 to $amina (read from the MRZ)"
printf '%s\n' 'P<SDNYUSUF<<OMAR<<<<<<<<<<<<<<<<<<<<<<<<<<<<' 'L898902C58SDN<<<<<<0M3105010ZE184226B<<<<<14' >omar.mrz
expect_status 0 "$CORRIDOR" mrz --date 2026-11-01 <omar.mrz
[ "$(jq -c '[.valid, .birth_date, .birth_date_unknown]' .stdout)" = '[true,null,true]' ] ||
	fail "mrz, the birth date unknown: $(cat .stdout)"
expect_status 0 "$CORRIDOR" document add $omar --mrz --db h.db <omar.mrz
expect_stdout "added passport L898902C5 issued by SDN, expires 2031-05-01 to $omar (read from the MRZ)"
pass

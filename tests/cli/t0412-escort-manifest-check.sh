#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Named escorts are checked like travellers (docs/movements.md): an adult on
# the day of the last leg, a passport valid that day, a person named once;
# the pre-departure check blocks an escort with no passport. And no manifest
# holds a traveller who fails the check (docs/manifests.md): before
# departure the blocked cases and escorts are left out, with a warning.
. "$(dirname "$0")/lib.sh"

now=$(date -u +%Y-%m-%dT%H:%MZ)
earlier=$(date -u -d "${now%Z} UTC - 30 hours" +%Y-%m-%dT%H:%MZ)
dep=$(date -u -d "${now%Z} UTC + 1 day" +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d "${now%Z} UTC + 1 day 2 hours" +%Y-%m-%dT%H:%MZ)
depday=${dep:0:10}
dayafter=$(date -u -d "$depday + 1 day" +%Y-%m-%d)
daybefore=$(date -u -d "$depday - 1 day" +%Y-%m-%d)
minor=$(date -u -d "$depday - 17 years" +%Y-%m-%d)
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002
# Case 1 examined now, case 2 thirty hours ago: both within the 72 hours.
for p in $C1-01 $C1-02; do
	expect_status 0 "$CORRIDOR" health check "$p" --outcome fit --at "$now" --db w.db
done
expect_status 0 "$CORRIDOR" health check "$C2-01" --outcome fit --at "$earlier" --db w.db
M=SD-PZU-MV-${dep:0:4}-0001
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 801" --open --escort-seats 3 \
	--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=8" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" "$C1" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" "$C2" --db w.db

refused()
{
	local want=$1
	shift
	db_dump w.db >before.sql
	expect_status 1 "$CORRIDOR" "$@"
	expect_stderr "$want"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
escort() { "$CORRIDOR" movement escort "$M" --sex F --nationality IRL --db w.db "$@"; }

# Escorts: a minor, a passport that expires before the travel day.
refused "error: an escort is an adult: born $minor, 17 years old on the travel date $depday, not 18" \
	movement escort "$M" --family KELLY --given Aoife --sex F --birth-date "$minor" --nationality IRL --db w.db
refused "error: the escort's passport expires on $daybefore, before the travel date $depday" \
	movement escort "$M" --family KELLY --given Aoife --sex F --birth-date 1985-04-04 --nationality IRL \
	--passport PA1111111 --issuer IRL --expires "$daybefore" --db w.db
expect_status 0 escort --family "O'BRIEN" --given "Siobhán" --birth-date 1985-04-04 \
	--passport PA1234567 --issuer IRL --expires "$dayafter" --medical
# A person named once: the same passport, or the same names and birth date.
refused "error: KELLY Aoife is named already as escort 1 of movement '$M'" \
	movement escort "$M" --family KELLY --given Aoife --sex F --birth-date 1990-01-01 --nationality IRL \
	--passport PA1234567 --issuer IRL --expires 2035-01-01 --db w.db
refused "error: o'brien siobhán is named already as escort 1 of movement '$M'" \
	movement escort "$M" --family "o'brien" --given "siobhán" --sex F --birth-date 1985-04-04 --nationality IRL --db w.db
refused "error: OBRIEN Siobhan is named already as escort 1 of movement '$M'" \
	movement escort "$M" --family OBRIEN --given Siobhan --sex F --birth-date 1985-04-04 --nationality IRL --db w.db
# An escort with no passport recorded is named, but blocks the departure.
expect_status 0 escort --family MURPHY --given Niamh --birth-date 1979-09-09
# Corrected into a second O'BRIEN: refused the same way.
refused "error: O'BRIEN Siobhán is named already as escort 1 of movement '$M'" \
	correct escort "$M" 2 --family "O'BRIEN" --given "Siobhán" --birth-date 1985-04-04 \
	--reason "typed from the wrong passport" --db w.db
expect_status 1 "$CORRIDOR" movement check "$M" --db w.db
expect_stdout "movement $M (MS 801): 2 cases, 3 travellers booked
1 blocker
  escort 2               DOCUMENT_MISSING           escort 2 MURPHY Niamh has no passport recorded"
expect_status 1 "$CORRIDOR" movement check "$M" --json --db w.db
[ "$(stdout | jq -c '.blockers[0]')" = '{"case":null,"who":"escort 2","criterion":"ESCORT","code":"DOCUMENT_MISSING","message":"escort 2 MURPHY Niamh has no passport recorded"}' ] ||
	fail "check --json: $(stdout)"

# The manifest leaves the escort out, and says so.
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --out m.csv --db w.db
expect_stdout "manifest of $M leg 1: 4 passengers written to m.csv"
expect_stderr "warning: left out of the manifest, blocked by the pre-departure check: 0 cases (0 travellers), 1 escort; see 'corridor movement check $M'"
[ "$(cut -d, -f8,9,11 m.csv | tail -n +2 | tr '\n' ' ')" = "$C1,1,HASSAN $C1,2,HASSAN $C2,1,SALEH ,,O'BRIEN " ] ||
	fail "manifest: $(cat m.csv)"

# The passport recorded: the escort is on it.
expect_status 0 "$CORRIDOR" correct escort "$M" 2 --passport PB7654321 --issuer IRL --expires 2033-03-03 \
	--reason "passport seen" --db w.db
expect_status 0 "$CORRIDOR" movement check "$M" --db w.db

# Case 2's fitness check, 54 hours before departure, falls outside a
# 36-hour window: the check blocks it, and the manifest leaves it out
# (the movement is not closed: closing is refused while it stands).
printf 'HEV.fitness_window_hours = 36\n' >short.conf
expect_status 0 "$CORRIDOR" rules set short.conf --db w.db
expect_status 1 "$CORRIDOR" movement check "$M" --db w.db
for f in csv paxlst; do
	expect_status 0 "$CORRIDOR" manifest "$M" --format $f --recipient EGYCAI --out m.$f --db w.db
	expect_stderr "warning: left out of the manifest, blocked by the pre-departure check: 1 case (1 traveller), 0 escorts; see 'corridor movement check $M'"
done
expect_stdout "manifest of $M leg 1: 4 passengers written to m.paxlst"
grep -q SALEH m.csv && fail "the blocked case is on the CSV manifest"
grep -q SALEH m.paxlst && fail "the blocked case is on the PAXLST"
grep -q HASSAN m.paxlst || fail "case 1 is not on the PAXLST"
# Under AddressSanitizer fontconfig loses 288 bytes once per process: that
# allocation is suppressed for the PDF run (as in t0405).
ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=64" \
	LSAN_OPTIONS="suppressions=$COR_SOURCE/tests/lsan-fontconfig.supp" \
	expect_status 0 "$CORRIDOR" manifest "$M" --format pdf --out m.pdf --db w.db
expect_stdout "manifest of $M leg 1: 4 passengers written to m.pdf"
pdftotext -layout m.pdf m.txt
grep -q SALEH m.txt && fail "the blocked case is on the PDF manifest"
grep -q MURPHY m.txt || fail "the escort is not on the PDF manifest"
# Taken off, nothing is left out.
expect_status 0 "$CORRIDOR" movement unbook "$M" "$C2" --reason "fitness to be checked again" --db w.db
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --out m.csv --db w.db
expect_empty_stderr
expect_status 0 "$CORRIDOR" movement close "$M" --db w.db

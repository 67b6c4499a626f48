#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Identity across devices (docs/operations.md): every record carries a uid,
# a UUIDv7 made where it is made; case numbers stay unique when two laptops
# register offline, because a device numbers cases only from the blocks its
# primary leased it. Refusals name the cause and change nothing.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-12-07T09:00:00Z
UUID7='^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
register()
{
	local db=$1 name=$2
	shift 2
	"$CORRIDOR" case register --programme VHR --office LY-TIP --origin LBY --destination NGA \
		--family-name-latin "$name" --given-names-latin Musa --sex M --birth-date 1990-05-01 \
		--nationality NGA --languages 'en;yo' --db "$db" "$@"
}

new_db office.db
new_db laptop-a.db
new_db laptop-b.db

# A new database is a primary; it numbers from its counter.
[ "$(jv '.role + "|" + (.device // "-") + "|" + (.blocks | length | tostring)' numbers show --db office.db)" = "primary|-|0" ] ||
	fail "a new database is not a primary without blocks"
expect_status 0 register office.db ADEBAYO --json
[ "$(jq -r '.ref + " " + .state' "$WORK/.stdout")" = "LY-TIP-2026-000001 registered" ] ||
	fail "the first case of the office is not LY-TIP-2026-000001"
uid=$(jq -r .uid "$WORK/.stdout")
echo "$uid" | grep -qE "$UUID7" || fail "case uid '$uid' is not a UUIDv7"
[ "$(jv '.case.uid' case show LY-TIP-2026-000001 --db office.db)" = "$uid" ] || fail "case show gives another uid"
puid=$(jv '.persons[0].uid' case show LY-TIP-2026-000001 --db office.db)
echo "$puid" | grep -qE "$UUID7" || fail "person uid '$puid' is not a UUIDv7"
[ "$puid" != "$uid" ] || fail "the person has the case's uid"
[ "$(jv '.persons[0].relationship + " " + .history[0].action + " " + .history[0].actor' case show LY-TIP-2026-000001 --db office.db)" = \
	"principal registered tester" ] || fail "not registered with its principal"

# Enrolling: only an empty database becomes a device.
expect_status 1 "$CORRIDOR" numbers enrol laptop-x --db office.db
expect_stderr "error: this database holds 1 case numbered by itself: a device starts empty, so that its numbers come only from its blocks"
expect_status 2 "$CORRIDOR" numbers enrol 'laptop a' --db laptop-a.db
expect_stderr "error: 'laptop a' is not a device name: 1 to 40 letters, digits, '-', '_' or '.'"
expect_status 0 "$CORRIDOR" numbers enrol laptop-a --db laptop-a.db
expect_stdout "this database is now the device laptop-a: it numbers cases only from blocks its primary leases it"
expect_status 0 "$CORRIDOR" numbers enrol laptop-b --db laptop-b.db
expect_status 1 "$CORRIDOR" numbers enrol laptop-c --db laptop-b.db
expect_stderr "error: this database is already the device 'laptop-b', enrolled at 2026-12-07T09:00:00Z"

# A device without a block registers nothing, and says why.
db_dump laptop-a.db >before.sql
expect_status 1 register laptop-a.db ADEBAYO --json
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"NO_NUMBERS","field":"office","message":"the device '"'"'laptop-a'"'"' has no case number of LY-TIP for 2026 left: it needs a new block from the office'"'"'s primary database"}' ] ||
	fail "not NO_NUMBERS: $(stderr)"
db_dump laptop-a.db >after.sql
expect_same_file before.sql after.sql

# The primary leases two blocks; its own counter goes past them.
expect_status 0 "$CORRIDOR" numbers lease LY-TIP 2026 2 --to laptop-a --db office.db
expect_stdout "leased LY-TIP 2026 2-3 (2 numbers) to laptop-a; on that device: corridor numbers add LY-TIP 2026 2-3"
expect_status 0 "$CORRIDOR" numbers lease LY-TIP 2026 3 --to laptop-b --db office.db --json
[ "$(jq -c '[.first, .last, .device]' "$WORK/.stdout")" = '[4,6,"laptop-b"]' ] || fail "the second block is not 4-6"
expect_status 1 "$CORRIDOR" numbers add LY-TIP 2026 2-3 --db office.db
expect_stderr "error: this database is a primary: it numbers cases from its own counters, and takes no block"
expect_status 1 "$CORRIDOR" numbers lease LY-TIP 2026 2 --to x --db laptop-a.db
expect_stderr "error: this database is the device 'laptop-a': blocks are leased by the office's primary database"
expect_status 2 "$CORRIDOR" numbers lease LY-TIP 2026 0 --to laptop-a --db office.db
expect_status 1 "$CORRIDOR" numbers lease XX-ABC 2026 5 --to laptop-a --db office.db
expect_stderr "error: no office 'XX-ABC'"
# Six digits a year: a lease past 999999 is refused, and moves nothing.
for i in 1 2 3 4 5 6 7 8 9; do
	expect_status 0 "$CORRIDOR" numbers lease LY-BEN 2026 100000 --to laptop-a --db office.db
done
expect_status 1 "$CORRIDOR" numbers lease LY-BEN 2026 100000 --to laptop-a --db office.db --json
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"CAPACITY","field":"count","message":"LY-BEN has 99999 case numbers left for 2026, fewer than 100000"}' ] ||
	fail "not CAPACITY: $(stderr)"
expect_status 0 "$CORRIDOR" numbers lease LY-BEN 2026 99999 --to laptop-a --db office.db --json
[ "$(jq -c '[.first, .last]' "$WORK/.stdout")" = '[900001,999999]' ] || fail "the refused lease moved the counter"

# The devices take their blocks; an overlapping block is refused.
expect_status 0 "$CORRIDOR" numbers add LY-TIP 2026 2-3 --db laptop-a.db
expect_stdout "device laptop-a: numbers 2-3 of LY-TIP for 2026 recorded, 2 to give"
expect_status 0 "$CORRIDOR" numbers add LY-TIP 2026 4-6 --db laptop-b.db
expect_status 1 "$CORRIDOR" numbers add LY-TIP 2026 5-9 --db laptop-b.db
expect_stderr "error: numbers 5-9 of LY-TIP for 2026 overlap the block 4-6 recorded at 2026-12-07T09:00:00Z"
expect_status 2 "$CORRIDOR" numbers add LY-TIP 2026 9-5 --db laptop-b.db

# Offline, each registers from its own blocks: no number twice.
for n in ALI AMAN; do expect_status 0 register laptop-a.db "$n"; done
expect_status 1 register laptop-a.db ASHA
expect_stderr_contains "has no case number of LY-TIP for 2026 left"
for n in BELLO BASHIR BAKO; do expect_status 0 register laptop-b.db "$n"; done
expect_status 0 register office.db OFFICE
expect_stdout "registered case LY-TIP-2026-000007 (VHR, LY-TIP): OFFICE Musa"
refs=$( (jv '.cases[].ref' case list --db office.db; jv '.cases[].ref' case list --db laptop-a.db
	jv '.cases[].ref' case list --db laptop-b.db) | sort)
[ "$(echo "$refs" | tr '\n' ' ')" = "LY-TIP-2026-000001 LY-TIP-2026-000002 LY-TIP-2026-000003 LY-TIP-2026-000004 LY-TIP-2026-000005 LY-TIP-2026-000006 LY-TIP-2026-000007 " ] ||
	fail "the three databases' case numbers: $refs"
[ "$(jv '.blocks[] | "\(.first)-\(.last) next \(.next) left \(.left)"' numbers show --db laptop-b.db)" = "4-6 next 7 left 0" ] ||
	fail "laptop-b's block is not used up"
expect_status 0 "$CORRIDOR" numbers show --db laptop-a.db
expect_stdout "numbering: the device laptop-a (enrolled 2026-12-07T09:00:00Z): case numbers only from its blocks
  LY-TIP 2026  000002-000003  0 left  (recorded 2026-12-07T09:00:00Z by tester)"

# Every uid differs across the three databases.
uids=$(for d in office laptop-a laptop-b; do
	for r in $(jv '.cases[].ref' case list --db $d.db); do
		jv '.case.uid, .persons[].uid' case show "$r" --db $d.db
	done
done)
[ "$(echo "$uids" | wc -l)" = 14 ] || fail "not 14 uids: $uids"
[ "$(echo "$uids" | sort -u | wc -l)" = 14 ] || fail "a uid appears twice: $uids"
[ "$(echo "$uids" | grep -cE "$UUID7")" = 14 ] || fail "not all uids are UUIDv7: $uids"

# Every record of every kind has a UUIDv7 of its own, also where no index
# checks it (only cases, movements and number blocks have one: the rest are
# found through them), after a demo and after an import in one large write
# and with --skip-bad (its savepoints).
# sql: no --json shows the uid of a document, an event, a booking, ...
expect_status 0 "$CORRIDOR" demo --people 400 --seed 3 --date 2026-11-27 --db uids.db
expect_status 0 "$CORRIDOR" export --db uids.db --out all.csv
# The cases the file carries (not booked or after, not on a branch: see
# t0430), as a first import with --skip-bad leaves them.
new_db uids-first.db
expect_status 1 "$CORRIDOR" import all.csv --skip-bad --rejects all.rejected.csv --db uids-first.db
carried_rows all.csv all.rejected.csv >uids.csv
new_db uids-import.db
expect_status 0 "$CORRIDOR" import uids.csv --db uids-import.db
new_db uids-skip.db
expect_status 0 "$CORRIDOR" import uids.csv --skip-bad --db uids-skip.db
if on_sqlite; then
	version="substr(hex(uid), 13, 1) = '7' AND length(uid) = 16"
else
	version="substr(uid::text, 15, 1) = '7'"
fi
for d in uids.db uids-import.db uids-skip.db; do
	for t in cases person document event counselling referral protection_assessment \
		protection_clearance health_check health_note fund_request fund_payment movement \
		booking support_item support_visit number_block; do
		got=$(sql $d "SELECT count(*) - count(DISTINCT uid), count(*) - count(*) FILTER (WHERE $version) FROM $t")
		[ "$got" = "0|0" ] || fail "$d: $t: uids repeated|not UUIDv7: $got"
	done
done
[ "$(sql uids.db "SELECT count(*) FROM event")" -gt 400 ] || fail "the demo wrote few events"
[ "$(sql uids-import.db "SELECT count(*) FROM document")" -gt 100 ] || fail "the import wrote few documents"
[ "$(sql uids-import.db "SELECT count(*) FROM event")" = "$(sql uids-skip.db "SELECT count(*) FROM event")" ] ||
	fail "the imports with and without --skip-bad wrote different events"

# A device imports nothing and takes no demo: both number cases themselves.
fixture good.csv
db_dump laptop-a.db >before.sql
expect_status 1 "$CORRIDOR" import good.csv --db laptop-a.db
expect_stderr "error: this database is the device 'laptop-a': cases with their own case IDs are imported into the office's primary database"
db_dump laptop-a.db >after.sql
expect_same_file before.sql after.sql

new_db laptop-c.db
expect_status 0 "$CORRIDOR" numbers enrol laptop-c --db laptop-c.db
expect_status 1 "$CORRIDOR" demo --people 10 --db laptop-c.db
expect_stderr "error: the database is the device 'laptop-c', which numbers cases only from the blocks its primary leased it; demo data goes only into a new database"
[ "$(jv '.cases | length' case list --db laptop-c.db)" = 0 ] || fail "the demo wrote into a device"

# Bad registrations name the field and change nothing.
db_dump office.db >before.sql
expect_status 1 "$CORRIDOR" case register --programme XYZ --office LY-TIP --origin LBY --destination NGA \
	--family-name-latin A --given-names-latin B --sex M --birth-date 1990-05-01 --nationality NGA --db office.db --json
[ "$(jq -r '.error.code + " " + .error.field' "$WORK/.stderr")" = "INVALID programme" ] || fail "$(stderr)"
expect_status 1 register office.db ADEBAYO --birth-date 2030-01-01
expect_stderr "error: birth_date: '2030-01-01' is in the future"
expect_status 1 "$CORRIDOR" case register --programme VHR --office LY-TIP --origin LBY --destination NGA \
	--family-name-latin A --given-names-latin '' --sex M --birth-date 1990-05-01 --nationality NGA --db office.db
expect_stderr "error: given_names_latin: is empty; every person needs a name in Latin script"
expect_status 1 register office.db ADEBAYO --languages 'en;zz9'
expect_stderr "error: languages: 'en;zz9' is not a ';'-separated list of ISO 639 codes"
expect_status 1 register office.db 'ADEBAYO1'
expect_stderr "error: family_name_latin: 'ADEBAYO1' is not in Latin script"
expect_status 2 "$CORRIDOR" case register --office LY-TIP --db office.db
expect_stderr_contains "--programme is missing"
db_dump office.db >after.sql
expect_same_file before.sql after.sql
pass

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The search keys of a large write (an import) are held until its commit:
# a case undone by --skip-bad takes its persons' keys with it, so its names
# find nobody, not even the person written next (who may be given the id
# the undone one had), and every key names a person that is there.
. "$(dirname "$0")/lib.sh"

fixture mixed.csv
new_db s.db
# mixed.csv: LY-TIP-2026-000101 (line 2 ADEBAYO Musa written, then line 3
# bad: the case undone), LB-BEY-2025-000007 (Al-Hassan, good),
# LY-TIP-2026-000102 (line 7 bad at once).
expect_status 1 "$CORRIDOR" import mixed.csv --skip-bad --db s.db

[ "$(jv '.shown' case search adebayo --db s.db)" = 0 ] ||
	fail "adebayo (undone) should find nobody: $(cat "$WORK/.jv.stdout")"
[ "$(jv '.shown' case search musa --db s.db)" = 0 ] || fail "musa (undone) should find nobody"
[ "$(jv '.shown' case search '=passport:A1234567' --db s.db)" = 0 ] ||
	fail "the undone passport should find nobody"
[ "$(jv '[.persons[].ref] | join(",")' case search al-hassan --db s.db)" = \
	"LB-BEY-2025-000007-01,LB-BEY-2025-000007-02" ] || fail "al-hassan: $(cat "$WORK/.jv.stdout")"
[ "$(jv '.persons[0].ref' case search 'الحسن' --db s.db)" = "LB-BEY-2025-000007-01" ] ||
	fail "الحسن should find the Al-Hassans"
# case list --text reads the index without checking the names again.
[ "$(jv '.cases | length' case list --text adebayo --db s.db)" = 0 ] ||
	fail "case list --text adebayo should list no case: $(cat "$WORK/.jv.stdout")"
[ "$(sql s.db "SELECT count(*) FROM person_key WHERE key = 'adebayo' OR key = 'musa'")" = 0 ] ||
	fail "the undone person's keys are in the index"
[ "$(jv '.total' duplicates --db s.db)" = 0 ] || fail "no pairs: $(cat "$WORK/.jv.stdout")"
[ "$(sql s.db "SELECT count(*) FROM person_key k WHERE NOT EXISTS
	(SELECT 1 FROM person p WHERE p.id = k.person_id)")" = 0 ] || fail "a key names no person"
# Keys are written once each: the persons imported have them all.
[ "$(sql s.db "SELECT count(*) FROM person_key WHERE key = 'alhassan'")" = 2 ] ||
	fail "each Al-Hassan has the key alhassan once"

pass

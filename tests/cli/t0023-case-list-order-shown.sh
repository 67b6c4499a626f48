#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor case list puts the oldest registration first, then the case ID,
# whatever order the cases were written in; names keep the case they were
# registered in ("Gédéon", not "GéDéON"); stored text with control
# characters (a reason with ESC and a line break, a name with a tab) is shown
# escaped in human-readable output, and as JSON escapes it with --json.
. "$(dirname "$0")/lib.sh"

new_db w.db
# register NOW OFFICE FAMILY GIVEN: a case registered on that day.
register()
{
	CORRIDOR_NOW=$1 expect_status 0 "$CORRIDOR" case register --programme VHR --office "$2" \
		--origin LBY --destination COD --family-name-latin "$3" --given-names-latin "$4" \
		--sex M --birth-date 1990-01-01 --nationality COD --db w.db
}
# Written out of order: the later days first, and two cases on one day.
register 2026-03-05T09:00:00Z LY-TIP Mbala Gédéon     # LY-TIP-2026-000001
register 2026-01-20T09:00:00Z LY-TIP Ilunga Bérénice  # LY-TIP-2026-000002
register 2026-01-20T09:00:00Z LY-SEB Kabila Aimé      # LY-SEB-2026-000001
register 2026-02-01T09:00:00Z LY-SEB "N'Diaye" Siobhán # LY-SEB-2026-000002

expect_status 0 "$CORRIDOR" case list --db w.db
expect_stdout "CASE                 PROG STATE         PRIORITY  PER  ROUTE    NAT PRINCIPAL APPLICANT
LY-SEB-2026-000001   VHR  registered    normal      1  LBY>COD  COD Kabila, Aimé
LY-TIP-2026-000002   VHR  registered    normal      1  LBY>COD  COD Ilunga, Bérénice
LY-SEB-2026-000002   VHR  registered    normal      1  LBY>COD  COD N'Diaye, Siobhán
LY-TIP-2026-000001   VHR  registered    normal      1  LBY>COD  COD Mbala, Gédéon
(4 cases)"
[ "$(jv '[.cases[].ref] | join(" ")' case list --db w.db)" = \
	"LY-SEB-2026-000001 LY-TIP-2026-000002 LY-SEB-2026-000002 LY-TIP-2026-000001" ] ||
	fail "case list --json order: $(stdout)"
expect_status 0 "$CORRIDOR" case list --limit 1 --office LY-TIP --db w.db
expect_stdout_contains "LY-TIP-2026-000002   VHR"

# The holder's name in a sentence keeps its case too.
expect_status 1 "$CORRIDOR" document check LY-TIP-2026-000001 --travel-date 2026-04-01 --db w.db
expect_stdout_contains "  LY-TIP-2026-000001-01  NO  Gédéon Mbala holds no document"

# Text with control characters reaches the store only from outside the
# commands (an older version, a tool): write it there directly.
C=LY-TIP-2026-000001
if on_sqlite; then
	esc="char(27)" nl="char(10)" tab="char(9)"
else
	esc="chr(27)" nl="chr(10)" tab="chr(9)"
fi
sql w.db "INSERT INTO event (case_id, at, actor, action, detail, reason)
	SELECT id, '2026-03-06T10:00:00Z', 'tester', 'note', 'a note', 'first line' || $nl || $esc || '[31mred' || $esc || '[0m'
	FROM cases WHERE ref = '$C'" >/dev/null
sql w.db "UPDATE person SET given_names_latin = 'G' || $tab || 'édéon' || $esc || '[2J'
	WHERE case_id = (SELECT id FROM cases WHERE ref = '$C')" >/dev/null

expect_status 0 "$CORRIDOR" case show "$C" --db w.db
expect_stdout_contains '  2026-03-06T10:00:00Z  tester       note       a note: first line\n\x1b[31mred\x1b[0m'
expect_stdout_contains "  $C-01  principal      Mbala, G\\tédéon\\x1b[2J"
# Nothing a terminal would act on is printed.
if grep -q $'\x1b' "$WORK/.stdout" || grep -q $'\t' "$WORK/.stdout"; then
	fail "case show prints a control character"
fi
[ "$(stdout | grep -c 'first line')" = 1 ] || fail "the reason's line break is printed as one"
expect_status 0 "$CORRIDOR" case list --db w.db
expect_stdout_contains 'LY-TIP-2026-000001   VHR  registered    normal      1  LBY>COD  COD Mbala, G\tédéon\x1b[2J'
# JSON carries the text itself, escaped as JSON.
[ "$(jv '.history[-1].reason' case show "$C" --db w.db)" = "first line"$'\n\x1b[31mred\x1b[0m' ] ||
	fail "case show --json: the reason is not the stored text"
expect_status 0 "$CORRIDOR" case show "$C" --json --db w.db
expect_stdout_contains '"reason": "first line\n\u001B[31mred\u001B[0m"'
pass

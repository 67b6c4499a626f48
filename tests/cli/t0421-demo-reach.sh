#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The demo knows where people are: assembly points in Tripoli, Benghazi and
# Agadez, cases waiting there, every office reaching the place its
# movements leave from; a dry run boards each case only where its location
# reaches (no Tripoli case in Benghazi, Agadez's cases at Niamey, which
# they reach by a domestic leg), and still fills the open movements.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 5000 --seed 3 --db d.db
[ "$(jv '.locations | map(.code + "|" + .kind) | join(",")' location list --db d.db)" = \
	"LY-BEN-DC01|detention,LY-TIP-DC01|detention,NE-AJY-TC01|transit" ] ||
	fail "locations: $(cat "$WORK/.jv.stdout")"
jv '.reach[] | .location + " " + .place' place reaches --db d.db >reach.txt
grep -qx "LY-TIP MJI" reach.txt && grep -qx "LY-TIP-DC01 MJI" reach.txt && grep -qx "NE-AJY NIM" reach.txt ||
	fail "reach: $(cat reach.txt)"
grep -q "^LY-TIP BEN$" reach.txt && fail "Tripoli reaches Benghazi: $(cat reach.txt)"
[ "$(jv '.reach[] | select(.location == "NE-AJY") | .mode' place reaches --location NE-AJY --db d.db)" = leg ] ||
	fail "Agadez: $(cat "$WORK/.jv.stdout")"
[ "$(sql d.db "SELECT count(*) FROM cases WHERE location = 'LY-TIP-DC01'")" -gt 0 ] || fail "nobody in detention"

expect_status 0 "$CORRIDOR" plan --dry-run --json --db d.db
cp "$WORK/.stdout" plan.json
# Each traveller as OFFICE BOARDING-POINT: the office's own place only.
jq -r '.movements[].travellers[] | .case[0:6] + " " + .board' plan.json | sort -u >boards.txt
grep -E '^LY-TIP ' boards.txt | grep -qv '^LY-TIP MJI$' && fail "a Tripoli case boards elsewhere: $(cat boards.txt)"
grep -E '^LY-BEN ' boards.txt | grep -qv '^LY-BEN BEN$' && fail "a Benghazi case boards elsewhere: $(cat boards.txt)"
grep -E '^NE-AJY ' boards.txt | grep -qv '^NE-AJY NIM$' && fail "an Agadez case boards elsewhere: $(cat boards.txt)"
grep -qx "LY-TIP MJI" boards.txt && grep -qx "NE-AJY NIM" boards.txt || fail "boarding: $(cat boards.txt)"
# The detention centre's cases board at Mitiga too.
for c in $(sql d.db "SELECT ref FROM cases WHERE location = 'LY-TIP-DC01' AND state = 'travel_ready'"); do
	b=$(jq -r --arg c "$c" '[.movements[].travellers[] | select(.case == $c) | .board] | join(",")' plan.json)
	[ -z "$b" ] || [ "$b" = MJI ] || fail "$c boards at $b"
done
# It still fills the open movements: nearly every one takes someone, and
# most candidates go.
[ "$(jq '([.movements[] | select((.travellers | length) == 0)] | length) <= (.movements | length) / 10' plan.json)" = true ] &&
	[ "$(jq '.placed.cases * 10 >= .candidates.cases * 9' plan.json)" = true ] ||
	fail "fill: $(jq -c '[.placed, .candidates, (.movements | length)]' plan.json)"
pass

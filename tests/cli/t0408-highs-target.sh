#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# tests/node/highs-solve.js, the benchmark's reference solver: its line as
# before without a target; with one, when HiGHS's best plan first reached
# it (read from HiGHS's log, within the run), "-" when it never did; a
# target that is not an integer refused. The model: 40 items in
# three knapsacks, whose optimum (1,087) HiGHS finds by branching.
. "$(dirname "$0")/lib.sh"
no_database "the reference solver alone"

fixture knapsack3.lp
solve="$COR_SOURCE/tests/node/highs-solve.js"
expect_status 0 node "$solve" knapsack3.lp 60
grep -qxE 'status optimal objective 1087 seconds [0-9]+\.[0-9]{2}' "$WORK/.stdout" ||
	fail "no target: not 'status optimal objective 1087 seconds S'"

# Reached within the run: at most its seconds (a tenth's rounding apart).
for target in 1087 950; do
	expect_status 0 node "$solve" knapsack3.lp 60 "$target"
	grep -qxE "status optimal objective 1087 seconds [0-9.]+ target $target at [0-9]+\.[0-9]" \
		"$WORK/.stdout" || fail "target $target: not '... target $target at T'"
	awk '{ exit !($NF <= $6 + 0.05) }' "$WORK/.stdout" ||
		fail "target $target: reached after the run ended"
done

expect_status 0 node "$solve" knapsack3.lp 60 1088
grep -qxE 'status optimal objective 1087 seconds [0-9.]+ target 1088 at -' "$WORK/.stdout" ||
	fail "target 1088, above the optimum: not '... target 1088 at -'"

expect_status 1 node "$solve" knapsack3.lp 60 1e3
expect_stderr "highs-solve: TARGET '1e3' is not an integer"
expect_empty_stdout
pass

#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs on PostgreSQL every black-box test that tests/cli/pg-pending.txt
# lists as not passing there yet (or the tests named), and tells which pass
# by now, so that the list can be shortened, and for the others the first
# command that fails and what it said.
#
#   tests/cli/pg-pending-check.sh [-b BUILD] [TEST...]
#
# BUILD is the build folder with the corridor binary (default build/test).
# COR_TEST_PG must be the URI of a cluster (scripts/pg.sh start DIR prints
# one). The status is 0 when every test run still fails (the list is
# right), 1 when some pass (take them off the list), 2 on bad usage.
set -u
cd "$(dirname "$0")/../.." || exit 2
build=build/test
if [ "${1:-}" = -b ]; then
	build=${2:?-b needs a build folder}
	shift 2
fi
: "${COR_TEST_PG:?set COR_TEST_PG to the URI of a PostgreSQL cluster (scripts/pg.sh start DIR)}"
bin=$(cd "$build" 2>/dev/null && pwd)/corridor
[ -x "$bin" ] || {
	echo "pg-pending-check: no corridor binary in $build (build it, or give -b BUILD)" >&2
	exit 2
}
if [ $# -gt 0 ]; then
	tests=("$@")
else
	mapfile -t tests < <(grep -E '^t[0-9]' tests/cli/pg-pending.txt | sed -E 's/[ \t:].*//')
fi
# The environment ctest gives the tests (tests/CMakeLists.txt).
export COR_SOURCE=${COR_SOURCE:-$PWD}
if [ -z "${COR_SHARED:-}" ] && [ -d ../shared ]; then
	COR_SHARED=$(cd ../shared && pwd)
	export COR_SHARED
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cor-pg-pending.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passing=()
for t in "${tests[@]}"; do
	t=$(basename "$t" .sh)
	[ -f "tests/cli/$t.sh" ] || {
		echo "pg-pending-check: no test tests/cli/$t.sh" >&2
		exit 2
	}
	CORRIDOR=$bin COR_TEST_TMP=$tmp COR_TEST_BACKEND=pg bash "tests/cli/$t.sh" >"$tmp/out" 2>"$tmp/err"
	case $? in
	0)
		echo "passes now: $t"
		passing+=("$t")
		;;
	77) echo "skipped:    $t: $(tail -n 1 "$tmp/out")" ;;
	*)
		echo "still fails: $t: $(grep -m 1 '^FAIL' "$tmp/err")"
		# lib.sh's report: the command, then its stdout and stderr.
		awk '/^--- last command: / { sub(/^--- last command: /, ""); sub(/^[^ ]*\/pg-corridor\.sh /, "corridor "); print "    command: " $0 }
			/^--- its stdout/ { o = 1; next }
			/^--- its stderr/ { o = 0; e = 1; next }
			o && NF && !so++ { print "    stdout:  " $0 }
			e && NF { print "    stderr:  " $0; exit }' "$tmp/err"
		;;
	esac
done
if [ ${#passing[@]} -gt 0 ]; then
	echo "${#passing[@]} of ${#tests[@]} pass on PostgreSQL now: take them off tests/cli/pg-pending.txt: ${passing[*]}"
	exit 1
fi
echo "all ${#tests[@]} still fail on PostgreSQL"
exit 0

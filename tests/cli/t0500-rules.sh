#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor rules show|set: the rules in force are stored in the database and
# versioned; a bad file is refused with its name and line and changes
# nothing. Every command that touches data needs CORRIDOR_USER, and
# CORRIDOR_NOW sets the clock that dates what is written.
. "$(dirname "$0")/lib.sh"

new_db r.db

# The defaults, never changed.
expect_status 0 "$CORRIDOR" rules show --db r.db
expect_stdout "rules: the defaults (never changed; see docs/eligibility.md)"
expect_status 0 "$CORRIDOR" rules show --db r.db --json
[ "$(jq -c . "$WORK/.stdout")" = '{"version":0,"text":"","versions":[]}' ] ||
	fail "the defaults' JSON is not as expected"

# Two versions, by two people, at injected times.
printf 'priority.urgent_days = 30\n' >v1.conf
CORRIDOR_USER="Amal Haddad" CORRIDOR_NOW=2026-11-27T12:00Z expect_status 0 "$CORRIDOR" rules set v1.conf --db r.db
expect_stdout "rules: version 1 in force, from v1.conf"
printf 'priority.urgent_days = 21\nfitness_window_hours = 48\n' >v2.conf
CORRIDOR_USER=bob CORRIDOR_NOW=2026-11-28T08:30:00Z expect_status 0 "$CORRIDOR" rules set v2.conf --db r.db --json
[ "$(jq -c . "$WORK/.stdout")" = '{"version":2}' ] || fail "rules set --json is not {\"version\":2}"
expect_status 0 "$CORRIDOR" rules show --db r.db
expect_stdout "rules: version 2, set 2026-11-28T08:30:00Z by bob
changes to the defaults:
priority.urgent_days = 21
fitness_window_hours = 48
earlier versions:
  1  2026-11-27T12:00:00Z  Amal Haddad"
expect_status 0 "$CORRIDOR" rules show --db r.db --json
[ "$(jq -c '[.version, .versions[].set_by]' "$WORK/.stdout")" = '[2,"bob","Amal Haddad"]' ] ||
	fail "rules show --json does not list both versions"

# A bad line: refused, naming the file and the line; nothing stored.
db_dump r.db >before.sql
printf 'priority.urgent_days = 14\nbogus = 1\n' >bad.conf
expect_status 1 "$CORRIDOR" rules set bad.conf --db r.db
expect_stderr "error: bad.conf:2: unknown key 'bogus'"
expect_status 1 "$CORRIDOR" rules set bad.conf --db r.db --json
[ "$(jq -c . "$WORK/.stderr")" = '{"error":{"code":"INVALID","field":"rules","message":"bad.conf:2: unknown key '"'bogus'"'"}}' ] ||
	fail "the JSON error is not as expected"
expect_empty_stdout
expect_status 1 "$CORRIDOR" rules set missing.conf --db r.db
expect_stderr "error: cannot read 'missing.conf': No such file or directory"
db_dump r.db >after.sql
expect_same_file before.sql after.sql

# The command line itself.
expect_status 2 "$CORRIDOR" rules set --db r.db
expect_stderr_contains "corridor rules: give the rules file, e.g. rules.conf"
expect_status 2 "$CORRIDOR" rules show extra --db r.db
expect_stderr_contains "corridor rules: unexpected argument 'extra'"
expect_status 2 "$CORRIDOR" rules drop --db r.db
expect_stderr_contains "corridor rules: 'drop' is not show or set"

# No actor, or an unprintable one: refused before anything is opened.
CORRIDOR_USER= expect_status 1 "$CORRIDOR" rules show --db r.db
expect_stderr "corridor rules: set CORRIDOR_USER to your name or user ID: every change is recorded under it
error: who is acting is not known: every operation is recorded under the name of the person who does it"
(unset CORRIDOR_USER; "$CORRIDOR" case list --db r.db >/dev/null 2>no-actor.err; echo $? >no-actor.status)
[ "$(cat no-actor.status)" = 1 ] || fail "case list without CORRIDOR_USER did not fail"
grep -qF "set CORRIDOR_USER" no-actor.err || fail "case list without CORRIDOR_USER does not say why"
CORRIDOR_USER=$'tab\there' expect_status 1 "$CORRIDOR" rules set v1.conf --db r.db --json
[ "$(jq -r .error.code "$WORK/.stderr")" = NO_ACTOR ] || fail "an unprintable actor is not NO_ACTOR"
# help and mrz touch no data and need no actor.
CORRIDOR_USER= expect_status 0 "$CORRIDOR" help rules
expect_stdout_contains "usage: corridor rules show [--json] [--db PATH]"

# A clock that is not a UTC time.
CORRIDOR_NOW=yesterday expect_status 2 "$CORRIDOR" rules show --db r.db
expect_stderr "corridor rules: CORRIDOR_NOW must be a UTC time, or unset for the system clock
error: 'yesterday' is not a UTC time like 2026-11-27T12:00:00Z"
db_dump r.db >after.sql
expect_same_file before.sql after.sql
pass

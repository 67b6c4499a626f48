#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A throwaway PostgreSQL 15 cluster for the tests.
#
#   scripts/pg.sh start DIR   create a cluster in DIR, start it, print its URI
#   scripts/pg.sh stop DIR    stop the cluster of DIR and remove DIR
#
# The cluster listens only on a unix socket in DIR (no TCP), trusts every
# local connection, and trades durability for speed (fsync off, small
# buffers). It has a superuser role `corridor` and a database `corridor`;
# its libpq URI is written to DIR/uri, e.g.
#   postgresql://corridor@/corridor?host=/abs/DIR&port=54329
# initdb refuses to run as root: as root the cluster belongs to the
# `postgres` system user (Debian's package creates it), otherwise to the
# caller. COR_PG_SETTINGS (lines of postgresql.conf) is appended to the
# test settings: bench/backends.sh gives a server's memory settings. The
# port (COR_PG_PORT, default 54329) only names the socket file
# in DIR, so clusters in different folders never clash. A cluster left
# behind in DIR by an interrupted run is stopped and removed by `start`.
set -euo pipefail

bin=${COR_PG_BIN:-/usr/lib/postgresql/15/bin}
port=${COR_PG_PORT:-54329}
marker=.corridor-test-cluster

die() {
  echo "pg: $*" >&2
  exit 1
}

usage() {
  echo "usage: scripts/pg.sh start|stop DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
[ -n "$2" ] || usage
# Absolute, because the socket directory and the URI need it.
mkdir -p "$(dirname "$2")"
dir="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
case $dir in
/ | /root | /home | /tmp | /usr* | /etc* | /var | /var/lib*) die "refusing to use $dir" ;;
esac

if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  getent passwd "$owner" >/dev/null || die "no '$owner' system user (is postgresql installed?)"
  as_owner() { (cd / && runuser -u "$owner" -- "$@"); }
else
  owner=$(id -un)
  as_owner() { (cd / && "$@"); }
fi

# stop_cluster: stop the postmaster of $dir (if one runs) and remove $dir.
# Refuses a folder this script did not make, so a wrong DIR loses nothing.
stop_cluster() {
  [ -e "$dir" ] || return 0
  if [ ! -e "$dir/$marker" ]; then
    [ -z "$(ls -A "$dir")" ] || die "$dir is not a test cluster made by this script; not removing it"
    rmdir "$dir"
    return 0
  fi
  local pidfile=$dir/data/postmaster.pid pid
  if [ -f "$pidfile" ]; then
    pid=$(head -n 1 "$pidfile")
    # Only a postmaster of this data folder: a stale pid file may name a
    # process id the system has given to another program since.
    if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] &&
      tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/data"; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null ||
        die "could not stop the cluster in $dir"
    fi
  fi
  rm -rf "$dir"
}

start_cluster() {
  [ -x "$bin/initdb" ] || die "no $bin/initdb (install postgresql-15)"
  stop_cluster
  case $dir in
  *[!A-Za-z0-9/._-]*) die "the folder's path may hold only letters, digits and / . _ -: $dir" ;;
  esac
  # A unix socket's path has at most 107 bytes.
  [ ${#dir} -le 80 ] || die "the folder's path is too long for a unix socket: $dir"
  mkdir -p "$dir"
  touch "$dir/$marker"
  chown "$owner:" "$dir"
  as_owner test -w "$dir" || die "user '$owner' cannot write to $dir (a parent folder closed to it?)"

  as_owner "$bin/initdb" -D "$dir/data" -U corridor --auth=trust -E UTF8 --locale=C \
    --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
    {
      cat "$dir/initdb.log" >&2
      die "initdb failed"
    }
  cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg.sh: a throwaway cluster for the tests
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 50
${COR_PG_SETTINGS:-}
EOF
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    {
      tail -n 20 "$dir/server.log" >&2 || true
      die "the cluster did not start"
    }
  local uri="postgresql://corridor@/corridor?host=$dir&port=$port"
  "$bin/psql" -X -q -v ON_ERROR_STOP=1 "postgresql://corridor@/postgres?host=$dir&port=$port" \
    -c 'create database corridor' >/dev/null || die "could not create the database"
  "$bin/psql" -X -Atq "$uri" -c 'select 1' | grep -qx 1 || die "the cluster does not answer at $uri"
  echo "$uri" >"$dir/uri"
  echo "$uri"
}

case $cmd in
start) start_cluster ;;
stop) stop_cluster ;;
*) usage ;;
esac

#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install every system package Corridor needs to build, run and test, on
# Debian 12, as root. Idempotent: quiet and fast when everything is there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config     # toolchain
  libsqlite3-dev sqlite3               # the embedded store, and its CLI for tests and benchmarks
  libcsv-dev                           # RFC 4180 CSV parsing
  libjansson-dev                       # JSON output
  libcmocka-dev                        # unit tests
  clang libclang-rt-14-dev             # libFuzzer harnesses
  time bc                              # benchmarks: peak RSS, rates
  libcairo2-dev libpango1.0-dev        # PDF manifests
  fonts-dejavu-core fonts-noto-core    # Latin with accents, Arabic script in PDFs
  poppler-utils                        # tests: pdftoppm, pdftotext
  glpk-utils coinor-cbc                # tests and benchmarks: exact solvers for the planner
  nodejs                               # tests: the edifact parser (npm)
  jq                                   # black-box tests read the binary's --json output
  postgresql libpq-dev                 # the PostgreSQL backend, and its throwaway test cluster
  libicu-dev                           # Unicode: folding and transliterating names for search
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Node's packages for the tests (tests/node/package-lock.json), from npm.
node_deps() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/node"
  [ -f "$dir/package-lock.json" ] || return 0
  [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return 0
  command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null
  (cd "$dir" && npm ci --silent --no-audit --no-fund >/dev/null)
}
[ ${#missing[@]} -eq 0 ] && { node_deps; exit 0; }

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: these packages are missing: ${missing[*]}" >&2
  echo "setup: run as root, or install them with apt-get" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
node_deps

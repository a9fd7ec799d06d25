#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries for the storage tests: each test run makes a throwaway cluster with
# initdb/pg_ctl (as the package's unprivileged postgres user when run as root) on a free port and removes it after.
# Idempotent and quiet: does nothing when initdb is already there.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi

bash "$(dirname "$0")/apt-install.sh" postgresql
ls /usr/lib/postgresql/*/bin/initdb

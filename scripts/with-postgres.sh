#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: installs Debian's `postgresql` when missing
# (idempotent), creates a cluster in a temporary directory as the `postgres` user, starts it on a Unix
# socket in that directory (no TCP port), exports EFAPIAO_TEST_PG_URL for the tests, and stops the server
# and removes the directory when the command ends, whatever happened.
#   usage: bash scripts/with-postgres.sh COMMAND [ARG…]
set -euo pipefail

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! bin=$(pg_bin); then
  echo "with-postgres: installing postgresql (Debian package)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  bin=$(pg_bin)
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir=$(mktemp -d /tmp/efapiao-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"

stop() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
# fsync stays on: the durability the store promises is what the tests and the benchmark measure.
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -s \
  -o "-k $dir -c listen_addresses='' -c max_connections=200" start

export EFAPIAO_TEST_PG_URL="postgresql://postgres@localhost/postgres?host=$dir"
"$@"

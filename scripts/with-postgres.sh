#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL beside it: a fresh cluster on a free loopback port, owned by the
# unprivileged postgres user, removed again when the command ends (also on failure or Ctrl-C).
#   scripts/with-postgres.sh ./mvnw verify
# The command sees ORDERFLOW_TEST_POSTGRES_URL/_USER/_PASSWORD (an admin connection; the tests create one database
# per application context from it). Installs Debian's postgresql package first when it is absent and we are root.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed (apt-get install -y postgresql as root)" >&2
    exit 1
  fi
  echo "Installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(pg_bin)"

# initdb refuses to run as root: the cluster belongs to postgres (or to the calling user when not root)
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

WORK="$(mktemp -d /tmp/orderflow-pg.XXXXXX)"
chmod 755 "$WORK"
[ "$(id -u)" -eq 0 ] && chown postgres: "$WORK"
PGDATA="$WORK/data"
PASSWORD="orderflow-test-$RANDOM$RANDOM"

cleanup() {
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"

echo "$PASSWORD" > "$WORK/pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres: "$WORK/pwfile"
as_owner "$BIN/initdb" -D "$PGDATA" -U orderflow --pwfile="$WORK/pwfile" -A scram-sha-256 -E UTF8 \
  --no-sync >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
rm -f "$WORK/pwfile"
# loopback only; fsync off: a throwaway cluster need not survive a power cut, and the tests' commits get cheaper
as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$WORK/server.log" -w -t 60 start \
  -o "-h 127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }

export ORDERFLOW_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres"
export ORDERFLOW_TEST_POSTGRES_USER=orderflow
export ORDERFLOW_TEST_POSTGRES_PASSWORD="$PASSWORD"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT for: $*"

# not exec: the trap must still remove the cluster
"$@"

#!/usr/bin/env bash
# Launches a local PostgreSQL server for the AppHost's Local infrastructure mode.
# - Creates the cluster on first use (initdb) with the password in $BB_PG_PASSWORD_FILE.
# - As root, runs every PostgreSQL program as $BB_PG_OS_USER (PostgreSQL refuses to run as root).
# - Creates each database named in $BB_PG_DATABASES that does not exist yet.
# - Turns the orchestrator's SIGTERM into SIGINT: PostgreSQL's "fast" shutdown, because SIGTERM means "smart"
#   shutdown, which waits for every client to disconnect and can hang the AppHost's stop.
set -euo pipefail

: "${PGPORT:?PGPORT (the port to listen on) is not set}"
: "${BB_PG_BIN:?BB_PG_BIN (directory of initdb and postgres) is not set}"
: "${BB_PG_ROOT:?BB_PG_ROOT (the PostgreSQL directory inside the data directory) is not set}"
: "${BB_PG_PASSWORD_FILE:?BB_PG_PASSWORD_FILE is not set}"
databases=${BB_PG_DATABASES:-}
os_user=${BB_PG_OS_USER:-postgres}
data="$BB_PG_ROOT/data"
sockets="$BB_PG_ROOT/run"

run_as_db_user=(setpriv --pdeathsig INT)
if [ "$(id -u)" = 0 ]; then
  if ! id "$os_user" >/dev/null 2>&1; then
    echo "run-postgres: running as root needs an unprivileged account '$os_user' for PostgreSQL;" \
      "create it (sudo useradd --system $os_user) or set Infrastructure:PostgresOsUser" >&2
    exit 64
  fi
  run_as_db_user=(setpriv --reuid="$os_user" --regid="$(id -g "$os_user")" --init-groups --pdeathsig INT)
  mkdir -p "$data" "$sockets"
  chown -R "$os_user:$(id -g "$os_user")" "$BB_PG_ROOT"
  if ! "${run_as_db_user[@]}" test -x "$BB_PG_ROOT"; then
    echo "run-postgres: account '$os_user' cannot enter $BB_PG_ROOT; choose an Infrastructure:DataDirectory" \
      "whose parent directories it may traverse (for example under /var/lib or /tmp, not /root)" >&2
    exit 65
  fi
elif ! command -v setpriv >/dev/null 2>&1; then
  run_as_db_user=()
fi
mkdir -p "$data" "$sockets"
chmod 700 "$data"

fast_storage=()
initdb_sync=()
if [ "${BB_PG_EPHEMERAL:-false}" = true ]; then
  fast_storage=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  initdb_sync=(--no-sync)
fi

if [ ! -s "$data/PG_VERSION" ]; then
  echo "run-postgres: creating a new cluster in $data"
  "${run_as_db_user[@]}" "$BB_PG_BIN/initdb" --pgdata="$data" --username=postgres --pwfile="$BB_PG_PASSWORD_FILE" \
    --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --no-locale "${initdb_sync[@]}" >/dev/null
fi

# A server left running by an AppHost that was killed outright still holds the data directory: stop it first.
if [ -s "$data/postmaster.pid" ]; then
  stale=$(head -n 1 "$data/postmaster.pid")
  if [ -n "$stale" ] && kill -0 "$stale" 2>/dev/null && grep -q postgres "/proc/$stale/comm" 2>/dev/null; then
    echo "run-postgres: stopping a leftover server (pid $stale) that still uses $data"
    kill -INT "$stale"
    for _ in $(seq 1 100); do kill -0 "$stale" 2>/dev/null || break; sleep 0.1; done
  fi
fi

"${run_as_db_user[@]}" "$BB_PG_BIN/postgres" -D "$data" -p "$PGPORT" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories="$sockets" "${fast_storage[@]}" &
server=$!
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT

ready=false
for _ in $(seq 1 300); do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" || true
    echo "run-postgres: the server exited during start-up; see the lines above" >&2
    exit 70
  fi
  if "$BB_PG_BIN/pg_isready" -q -h "$sockets" -p "$PGPORT"; then ready=true; break; fi
  sleep 0.1
done
if [ "$ready" != true ]; then
  echo "run-postgres: the server did not accept connections within 30 s" >&2
  kill -INT "$server" 2>/dev/null || true
  exit 71
fi

for database in $databases; do
  exists=$("${run_as_db_user[@]}" "$BB_PG_BIN/psql" -h "$sockets" -p "$PGPORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'")
  if [ "$exists" != 1 ]; then
    echo "run-postgres: creating database $database"
    "${run_as_db_user[@]}" "$BB_PG_BIN/psql" -h "$sockets" -p "$PGPORT" -U postgres -d postgres -q -c "CREATE DATABASE \"$database\""
  fi
done
echo "run-postgres: ready on port $PGPORT"

# 'wait' returns early whenever a trapped signal arrives; keep waiting until the server has really exited.
status=0
while kill -0 "$server" 2>/dev/null; do
  if wait "$server"; then status=0; else status=$?; fi
done
exit "$status"

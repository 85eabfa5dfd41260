#!/bin/sh
# Starts PostgreSQL as the image's non-root user. On an empty data directory it first creates the cluster with the
# superuser POSTGRES_USER (default postgres) and the password POSTGRES_PASSWORD (required), and the database
# POSTGRES_DB when given; clients authenticate with scram-sha-256 over TCP. The variables are those of the Docker
# Official Image, so the same manifests configure either.
set -eu
bin=/usr/lib/postgresql/15/bin
data=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}

if [ ! -s "$data/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set to create the database cluster}"
  mkdir -p "$data"
  chmod 700 "$data"
  password_file=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" >"$password_file"
  "$bin/initdb" --pgdata="$data" --username="$user" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$data/pg_hba.conf"
  if [ -n "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != "$user" ]; then
    "$bin/postgres" --single -D "$data" -c unix_socket_directories=/tmp postgres >/dev/null <<SQL
CREATE DATABASE "$POSTGRES_DB";
SQL
  fi
fi

exec "$bin/postgres" -D "$data" -c listen_addresses='*' -c unix_socket_directories=/tmp "$@"

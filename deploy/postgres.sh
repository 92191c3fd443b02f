#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs (Debian's package, installed when missing) with the role
# vliegwiel (password vliegwiel, allowed to create databases) and the databases named as
# arguments, owned by it. Used by .ci/run and deploy/local.sh; needs root.
# Usage: deploy/postgres.sh DATABASE...
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -n | tail -n 1)
wait_for_postgres() {
    for _ in $(seq 1 30); do
        su postgres -c "pg_isready -q" && return
        sleep 1
    done
}
pg_ctlcluster "$version" main start 2>/dev/null || true
wait_for_postgres
# The tests run in parallel, each with an app of its own and its own connections: the default
# of 100 connections is not enough for all of them at once.
if [ "$(su postgres -c "psql -tAc 'SHOW max_connections'")" -lt 500 ]; then
    su postgres -c "psql -q -c 'ALTER SYSTEM SET max_connections = 500'"
    pg_ctlcluster "$version" main restart
    wait_for_postgres
fi
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
SELECT 'CREATE ROLE vliegwiel LOGIN PASSWORD ''vliegwiel''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vliegwiel')\gexec
SQL
for database in "$@"; do
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<SQL
SELECT 'CREATE DATABASE $database OWNER vliegwiel' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')\gexec
SQL
done

#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# A throwaway PostgreSQL cluster on loopback for the database tests.
#   scripts/postgres.sh start   -> prints the connection string on stdout
#   scripts/postgres.sh stop
# Installs Debian's postgresql if it is missing. The cluster lives under
# $PG_WORK (default /tmp/sagemaker-studio-pg) and is owned by the postgres user,
# because PostgreSQL refuses to run as root.
set -euo pipefail

PG_WORK=${PG_WORK:-/tmp/sagemaker-studio-pg}
PG_PORT=${PG_PORT:-55432}
PG_PASSWORD=${PG_PASSWORD:-sagemaker-studio-test}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || return 1
  echo "$dir"
}

ensure_installed() {
  if ! pg_bin >/dev/null; then
    echo "installing Debian's postgresql" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  fi
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  ensure_installed
  local bin
  bin=$(pg_bin)
  mkdir -p "$PG_WORK"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_WORK"; fi
  if [ ! -f "$PG_WORK/data/PG_VERSION" ]; then
    echo "$PG_PASSWORD" > "$PG_WORK/pwfile"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_WORK/pwfile"; fi
    as_postgres "$bin/initdb" -D "$PG_WORK/data" -U postgres --pwfile="$PG_WORK/pwfile" -A scram-sha-256 >&2
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$PG_WORK/data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_WORK -c max_connections=200" start >&2
  fi
  echo "postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT"
}

stop() {
  local bin
  bin=$(pg_bin) || return 0
  if [ -f "$PG_WORK/data/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$PG_WORK/data" -m fast stop >&2 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

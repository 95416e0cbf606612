#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Shared helpers for the scripts: Yarn from the repository, installs that
# are quick when already done, and waiting for a service.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export npm_config_nodedir=${npm_config_nodedir:-/usr}
export SCARF_ANALYTICS=false DO_NOT_TRACK=1
export AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE=1
YARN="node $ROOT/.yarn/releases/yarn-4.13.0.cjs"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the workspace's packages unless node_modules matches yarn.lock,
# then checks that the native SQLite module really built (Yarn only warns).
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.install-stamp"
  local want
  want=$(cat "$ROOT/yarn.lock" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/plugins/*/package.json | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "Installing dependencies (yarn install --immutable)"
    (cd "$ROOT" && $YARN install --immutable) >&2
    echo "$want" > "$stamp"
  fi
  if ! (cd "$ROOT" && node -e "new (require('better-sqlite3'))(':memory:')") 2>/dev/null; then
    log "better-sqlite3 did not build; rebuilding it against Node's headers"
    (cd "$ROOT" && $YARN rebuild better-sqlite3) >&2
    (cd "$ROOT" && node -e "new (require('better-sqlite3'))(':memory:')") || {
      echo "better-sqlite3 still does not load: is g++ installed, and npm_config_nodedir=/usr set?" >&2
      return 1
    }
  fi
}

# Debian's Chromium, for the browser checks.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Debian's chromium"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  fi
}

# wait_for URL SECONDS [header]: polls until the URL answers 2xx.
wait_for() {
  local url=$1 seconds=$2 header=${3:-}
  local deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ -n "$header" ]; then
      curl -fsS -o /dev/null -H 'X-Requested-With: XMLHttpRequest' -H "$header" "$url" 2>/dev/null && return 0
    else
      curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    fi
    sleep 2
  done
  echo "timed out after ${seconds}s waiting for $url" >&2
  return 1
}

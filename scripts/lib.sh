#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Shared helpers for the scripts: Node 24 (fetched from the npm registry when
# the machine has another Node), Yarn from the repository, installs that are
# quick when already done, and waiting for a service.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export npm_config_nodedir=${npm_config_nodedir:-/usr}
export SCARF_ANALYTICS=false DO_NOT_TRACK=1
YARN="node $ROOT/.yarn/releases/yarn-4.13.0.cjs"

# The Node we run and test on: Node 24 LTS. A machine whose `node` is another
# major (say Node 20, which only bootstraps) gets the official binary from the
# npm registry's node-linux-<arch> package, kept in .node/ (git-ignored).
NODE_MAJOR=24
NODE_VERSION=${PORTAL_NODE_VERSION:-24.22.3}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# sha512 of a file in npm's integrity format (sha512-<base64>).
sri_sha512() {
  node -e "const h=require('crypto').createHash('sha512');h.update(require('fs').readFileSync(process.argv[1]));console.log('sha512-'+h.digest('base64'))" "$1"
}

# Puts Node $NODE_MAJOR first on PATH, and its headers in npm_config_nodedir
# for native modules, unless `node` already is that major. Quick when the
# unpacked Node is there (a stamp); otherwise `npm pack`s it (once, ~53 MB),
# checks its sha512 against the registry's integrity and unpacks it.
ensure_node() {
  local have
  have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)
  if [ "$have" != "$NODE_MAJOR" ]; then
    local arch
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) arch=x64 ;;
      Linux-aarch64) arch=arm64 ;;
      *) echo "no Node $NODE_MAJOR package for $(uname -s)-$(uname -m): install Node $NODE_MAJOR and retry" >&2; return 1 ;;
    esac
    local pkg=node-linux-$arch
    local dir=$ROOT/.node/$pkg-$NODE_VERSION
    if ! node_stamp_ok "$pkg" "$dir"; then
      mkdir -p "$ROOT/.node"
      # one install at a time when several scripts start together
      ( flock 9 && { node_stamp_ok "$pkg" "$dir" || install_node "$pkg" "$dir"; } ) 9>"$ROOT/.node/.lock" || return 1
    fi
    export PATH="$dir/package/bin:$PATH"
    export npm_config_nodedir="$dir/package"
  fi
  log "Node $(node -v) ($(command -v node))"
}

node_stamp_ok() {
  local stamp
  stamp=$(cat "$2/.stamp" 2>/dev/null) || return 1
  [ "${stamp%% *}" = "$1@$NODE_VERSION" ] && [ -x "$2/package/bin/node" ]
}

install_node() {
  local pkg=$1 dir=$2
  local tgz=$ROOT/.node/$pkg-$NODE_VERSION.tgz want got
  want=$(npm view "$pkg@$NODE_VERSION" dist.integrity 2>/dev/null)
  case "$want" in sha512-*) ;; *) echo "could not read the integrity of $pkg@$NODE_VERSION from the npm registry" >&2; return 1 ;; esac
  if [ ! -f "$tgz" ] || [ "$(sri_sha512 "$tgz")" != "$want" ]; then
    log "Fetching Node $NODE_VERSION ($pkg@$NODE_VERSION, ~53 MB) from the npm registry"
    rm -f "$tgz"
    (cd "$ROOT/.node" && npm pack "$pkg@$NODE_VERSION" --silent >/dev/null) || { echo "npm pack $pkg@$NODE_VERSION failed" >&2; return 1; }
  fi
  got=$(sri_sha512 "$tgz")
  if [ "$got" != "$want" ]; then
    echo "$tgz: sha512 $got does not match the registry's $want" >&2
    rm -f "$tgz"
    return 1
  fi
  rm -rf "$dir" "$dir.tmp" && mkdir -p "$dir.tmp"
  tar xzf "$tgz" -C "$dir.tmp" && mv "$dir.tmp" "$dir" || return 1
  [ "$("$dir/package/bin/node" -v)" = "v$NODE_VERSION" ] || { echo "$dir/package/bin/node does not run" >&2; return 1; }
  echo "$pkg@$NODE_VERSION $want" > "$dir/.stamp"
  log "Node $NODE_VERSION verified ($want) and unpacked in ${dir#$ROOT/}"
}

# Installs the workspace's packages unless node_modules matches yarn.lock,
# then checks that the native SQLite module really built (Yarn only warns).
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.install-stamp"
  local want
  # Node's major is part of it: native modules built for another Node must
  # be rebuilt (Yarn rebuilds them when it runs under a new Node).
  want=$( (node -p '"node " + process.versions.node.split(".")[0]'; cat "$ROOT/yarn.lock" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/plugins/*/package.json) | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "Installing dependencies (yarn install --immutable)"
    (cd "$ROOT" && $YARN install --immutable) >&2
    echo "$want" > "$stamp"
  fi
  if ! (cd "$ROOT" && node -e "new (require('better-sqlite3'))(':memory:')") 2>/dev/null; then
    log "better-sqlite3 did not build; rebuilding it against Node's headers"
    (cd "$ROOT" && $YARN rebuild better-sqlite3) >&2
    (cd "$ROOT" && node -e "new (require('better-sqlite3'))(':memory:')") || {
      echo "better-sqlite3 still does not load under Node $(node -v): is g++ installed, and npm_config_nodedir ($npm_config_nodedir) the headers of that Node?" >&2
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

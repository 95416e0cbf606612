#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Starts the sandbox, the backend and the app, waits until every local
# identity can sign in (the catalog has read the org data), runs the browser
# check in headless Chromium, and stops everything.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_node
ensure_node_modules
ensure_chromium

# The check starts its own sandbox, backend and app: with one of their ports
# taken it would test whatever answers there instead.
for port in 4580 7007 3000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use by another process (a sandbox, backend or app already running?): stop it and run again" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 1
  fi
done

LOGS=${E2E_LOGS:-$ROOT/e2e-artifacts/logs}
mkdir -p "$LOGS"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

set -m
node packages/aws-sandbox/bin/aws-sandbox --port 4580 --demo --delay-ms 500 > "$LOGS/sandbox.log" 2>&1 &
pids+=($!)
# The backend as `yarn start` runs it, minus its file watcher: with others
# editing the tree, every saved file would restart it mid-check, and its
# in-memory database (requests, compliance findings) would start empty.
(cd packages/backend && NODE_ENV=development exec node --enable-source-maps \
  --require "$ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" \
  src/index) > "$LOGS/backend.log" 2>&1 &
pids+=($!)
(cd packages/app && exec $YARN start) > "$LOGS/app.log" 2>&1 &
pids+=($!)
set +m

log "Waiting for the sandbox, the backend and the app"
wait_for http://127.0.0.1:4580/_sandbox/health 120
for who in dana-scientist ada-admin sam-lead grace-admin; do
  wait_for http://127.0.0.1:7007/api/auth/localIdentities/refresh 400 "x-sagemaker-studio-local-identity: user:default/$who"
done
wait_for http://localhost:3000 400

log "Running the browser check"
BASE_URL=http://localhost:3000 node e2e/run.mjs

#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Sets up and runs the product locally on Node 24 (fetched when the machine
# has another Node): dependencies, the local AWS sandbox
# (with a demo estate) on 127.0.0.1:4580, the backend on :7007 and the app on
# :3000. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_node
ensure_node_modules

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

log "Starting the local AWS sandbox on http://127.0.0.1:4580 (development only)"
node packages/aws-sandbox/bin/aws-sandbox --port 4580 --demo --delay-ms 2000 &
pids+=($!)
wait_for http://127.0.0.1:4580/_sandbox/health 120

log "Starting Backstage (backend :7007, app :3000)"
$YARN start &
pids+=($!)
wait_for http://127.0.0.1:7007/.backstage/health/v1/readiness 300 || true
wait_for http://localhost:3000 300 || true

cat <<MSG

  SageMaker Studio Portal is running: open http://localhost:3000
  Sign in as Dana (data scientist) or Ada (data-science admin).
  Local AWS sandbox: http://127.0.0.1:4580 (a development tool, never production)
  Ctrl-C stops everything.

MSG
wait

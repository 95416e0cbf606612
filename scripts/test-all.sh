#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# The full test suite, as CI runs it, on Node 24 (fetched from the npm
# registry when the machine has another Node): installs what it needs
# (dependencies, Debian's Chromium and PostgreSQL), checks the native module,
# type-checks, lints, validates the CloudFormation, audits the runtime
# dependencies for known vulnerabilities (critical ones in code we ship fail),
# runs every Jest test (the database tests against SQLite and a real
# PostgreSQL started here), then the end-to-end check in headless Chromium.
# Prints `N passed, N failed`.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export CI=true

OUT=$ROOT/.ci-out
rm -rf "$OUT" && mkdir -p "$OUT"
passed=0
failed=0
step_failed=()

# step NAME COMMAND...: a check that counts as one test.
step() {
  local name=$1; shift
  log "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); step_failed+=("$name")
  fi
}

ensure_node || { echo "Node $NODE_MAJOR is not available"; echo "0 passed, 1 failed"; exit 1; }
ensure_node_modules || { echo "0 passed, 1 failed"; exit 1; }
ensure_chromium

PG_URL=$(bash scripts/postgres.sh start) || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
trap 'bash scripts/postgres.sh stop' EXIT

step "native modules load (better-sqlite3)" node -e "new (require('better-sqlite3'))(':memory:')"
step "type-check (tsc)" $YARN tsc
step "lint" $YARN backstage-cli repo lint
step "CloudFormation: spec and security rules" node packages/cfn-tools/bin/sagemaker-studio-cfn validate cloudformation
# AWS's own linter, beside ours, where the machine has it (no PyPI here to install it).
CFN_LINT=$(command -v cfn-lint || ls "$HOME"/.pyenv/shims/cfn-lint 2>/dev/null | head -n 1)
if [ -n "$CFN_LINT" ]; then
  step "CloudFormation: cfn-lint $("$CFN_LINT" --version | cut -d' ' -f2) (errors fail, warnings shown)" \
    "$CFN_LINT" --non-zero-exit-code error cloudformation/*.yaml cloudformation/*/*.yaml
else
  log "cfn-lint is not installed on this machine; skipped (the project's validator above still ran)"
fi
step "known vulnerabilities of the runtime dependencies (yarn npm audit)" bash scripts/audit.sh

log "Jest: unit, integration and database tests (SQLite and PostgreSQL)"
BACKSTAGE_TEST_DISABLE_DOCKER=1 \
SAGEMAKER_STUDIO_REQUIRE_POSTGRES=1 \
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=$PG_URL \
  $YARN backstage-cli repo test --json --outputFile="$OUT/jest.json" 2>&1 | tee "$OUT/jest.log" | grep -E '^(PASS|FAIL)|✕' || true
if [ -s "$OUT/jest.json" ]; then
  read -r jp jf < <(node -e "const r=require('$OUT/jest.json'); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)")
  echo "jest: $jp passed, $jf failed"
  passed=$((passed + jp)); failed=$((failed + jf))
  [ "$jf" = 0 ] || step_failed+=("jest")
else
  echo "jest wrote no results"; failed=$((failed + 1)); step_failed+=("jest")
fi

log "End-to-end check in headless Chromium"
bash scripts/e2e.sh 2>&1 | tee "$OUT/e2e.log"
line=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$OUT/e2e.log" | tail -n 1)
if [ -n "$line" ]; then
  ep=$(echo "$line" | sed -E 's/e2e: ([0-9]+) passed.*/\1/'); ef=$(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')
  passed=$((passed + ep)); failed=$((failed + ef))
  [ "$ef" = 0 ] || step_failed+=("e2e")
else
  echo "the e2e check did not run to its end"; failed=$((failed + 1)); step_failed+=("e2e")
fi

if [ ${#step_failed[@]} -gt 0 ]; then
  echo "failed: ${step_failed[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Known vulnerabilities of the runtime dependencies, from the npm registry's
# audit service (`yarn npm audit --environment production --recursive`).
# Reports the advisories of every workspace's production dependencies, and
# fails on critical ones in code we ship: packages/backend, packages/app and
# plugins/* with everything they depend on. When the audit service does not
# answer, it says so and does not fail: an unreachable service is not a
# vulnerability of ours.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT=${AUDIT_OUT:-$ROOT/.ci-out/audit}
mkdir -p "$OUT"
AUDIT="$YARN npm audit --recursive --environment production --no-deprecations --json"

# summary FILE: one line per advisory in Yarn's JSON output, then a count.
summary() {
  node - "$1" <<'JS'
const fs = require('fs');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const rank = { critical: 4, high: 3, moderate: 2, low: 1, info: 0 };
const found = [];
for (const line of lines) {
  let o;
  try { o = JSON.parse(line); } catch { continue; }
  if (o && typeof o.value === 'string' && o.children) {
    const c = o.children;
    found.push({
      pkg: o.value,
      sev: String(c.Severity || '').toLowerCase(),
      issue: c.Issue || '',
      url: c.URL || '',
      vuln: c['Vulnerable Versions'] || '',
      tree: [].concat(c['Tree Versions'] || []).join(', '),
      via: [].concat(c.Dependents || []).slice(0, 3).map(d => d.replace(/@virtual:[0-9a-f]+#/, '@')).join(', '),
    });
  }
}
found.sort((a, b) => (rank[b.sev] ?? 0) - (rank[a.sev] ?? 0) || a.pkg.localeCompare(b.pkg));
for (const f of found) {
  console.log(`  ${f.sev.padEnd(8)} ${f.pkg}@${f.tree} (vulnerable ${f.vuln}): ${f.issue} ${f.url}${f.via ? ` [via ${f.via}]` : ''}`);
}
const counts = {};
for (const f of found) counts[f.sev] = (counts[f.sev] || 0) + 1;
console.log(`  ${found.length} advisories${found.length ? ` (${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')})` : ''}`);
JS
}

# why FILE...: the reason Yarn gave for a failed request, on one line.
why() {
  cat "$@" | grep -a -v -E '^.{300,}' | sed -E 's/\x1b\[[0-9;]*m//g' \
    | grep -a -o -E 'Response Code: .*|Request URL: .*|(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|getaddrinfo).*' \
    | head -n 3 | paste -sd ';' - | sed 's/;/; /g'
}

log "yarn npm audit: production dependencies of every workspace"
$AUDIT --all > "$OUT/all.json" 2> "$OUT/all.err"
rc=$?
# Yarn exits 0 with no advisories, 1 with advisories (JSON lines with a
# "value") and 1 when the request failed (no such lines).
if [ "$rc" != 0 ] && ! grep -q '"value"' "$OUT/all.json"; then
  echo "audit: the registry's audit service did not answer ($(why "$OUT/all.json" "$OUT/all.err")); known vulnerabilities NOT checked (not a failure)"
  exit 0
fi
summary "$OUT/all.json"

log "yarn npm audit: critical advisories in code we ship (packages/backend, packages/app, plugins/*)"
rm -f "$OUT"/critical-*.json
unanswered=0
while read -r ws; do
  f="$OUT/critical-${ws//\//_}.json"
  (cd "$ROOT/$ws" && $AUDIT --severity critical) > "$f" 2> "$OUT/critical.err" < /dev/null
  rc=$?
  if [ "$rc" != 0 ] && ! grep -q '"value"' "$f"; then
    echo "audit: the registry's audit service did not answer for $ws ($(why "$f" "$OUT/critical.err")); NOT checked (not a failure)"
    unanswered=$((unanswered + 1)); rm -f "$f"
  fi
done < <(ls -d packages/backend packages/app plugins/*/ | sed 's:/$::')

# One line per critical advisory, with the shipped workspaces it is in.
node - "$OUT" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const byAdvisory = new Map();
for (const file of fs.readdirSync(dir).filter(f => /^critical-.*\.json$/.test(f))) {
  const ws = file.replace(/^critical-|\.json$/g, '').replace(/_/g, '/');
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    let o;
    try { o = JSON.parse(line); } catch { continue; }
    if (!o || typeof o.value !== 'string' || !o.children) continue;
    const c = o.children;
    const key = `${o.value} ${c.ID}`;
    if (!byAdvisory.has(key)) byAdvisory.set(key, { o, ws: [] });
    byAdvisory.get(key).ws.push(ws);
  }
}
for (const { o, ws } of byAdvisory.values()) {
  const c = o.children;
  console.log(`  critical ${o.value}@${[].concat(c['Tree Versions'] || []).join(', ')} (vulnerable ${c['Vulnerable Versions']}): ${c.Issue} ${c.URL}`);
  console.log(`           in ${ws.sort().join(', ')}`);
}
fs.writeFileSync(path.join(dir, 'critical-count'), String(byAdvisory.size));
JS
critical=$(cat "$OUT/critical-count" 2>/dev/null || echo 0)
if [ "$critical" -gt 0 ]; then
  echo "audit: $critical critical vulnerabilities in code we ship"
  exit 1
fi
if [ "$unanswered" -gt 0 ]; then
  echo "audit: no critical vulnerabilities found in the shipped workspaces that were checked"
else
  echo "audit: no critical vulnerabilities in code we ship"
fi

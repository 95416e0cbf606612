/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/* Figures, tables and the results file, shared by the benchmarks. */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function pad(value, width) {
  const text = String(value);
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function printTable(title, header, rows) {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(row => String(row[i]).length)),
  );
  const line = cells => cells.map((c, i) => pad(c, widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function formatCounts(counts) {
  const entries = Object.entries(counts);
  return entries.length === 0
    ? '-'
    : entries.map(([key, value]) => `${key} x${value}`).join(', ');
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

/** Writes the report as the repository's Prettier would, and says where. */
async function writeResults(file, report) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let json = JSON.stringify(report, null, 2);
  try {
    const prettier = require('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    json = await prettier.format(json, { ...config, parser: 'json' });
  } catch {
    json += '\n';
  }
  fs.writeFileSync(file, json);
  console.log(`\nWritten to ${path.relative(REPO, file)}`);
}

module.exports = {
  REPO,
  percentile,
  round,
  pad,
  printTable,
  formatCounts,
  machine,
  writeResults,
};

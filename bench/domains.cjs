#!/usr/bin/env node
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

/*
 * Benchmark of GET /api/sagemaker-studio/domains, end to end over HTTP:
 *
 *   HTTP client -> test backend (the real plugin) -> counting proxy -> AWS sandbox
 *
 * For estates of 1, 10 and 50 Studio domains it prints, and writes to
 * bench/results/domains.json, the AWS calls made per request and the latency
 * of sequential requests, without faults and with 5% of AWS calls throttled.
 * It prints figures only: nothing here passes or fails on time.
 *
 * Run from the repository root: `yarn bench` (or `node bench/domains.cjs`).
 * Options: --requests <n> (default 100), --warmup <n> (default 10),
 * --sizes 1,10,50, --throttle-rate 0.05, --seed 1.
 */

// The sandbox and the plugins are TypeScript sources; run them without a build,
// as packages/aws-sandbox/bin/aws-sandbox does.
require('@backstage/cli/config/nodeTransform.cjs');

const http = require('node:http');
const path = require('node:path');
const { startCountingProxy } = require('./lib/countingProxy.cjs');
const {
  REPO,
  formatCounts,
  machine,
  percentile,
  printTable,
  round,
  writeResults,
} = require('./lib/report.cjs');
const RESULTS_FILE = path.join(__dirname, 'results', 'domains.json');
const ACCOUNT_ID = '123456789012';
const REGION = 'us-east-1';
const USER = 'user:default/dana-scientist';
const ENDPOINT_PATH = '/api/sagemaker-studio/domains';

function parseArgs(argv) {
  const options = {
    requests: 100,
    warmup: 10,
    sizes: [1, 10, 50],
    throttleRate: 0.05,
    seed: 1,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, value] = [argv[i], argv[i + 1]];
    i += 1;
    switch (name) {
      case '--requests':
        options.requests = positiveInteger(name, value);
        break;
      case '--warmup':
        options.warmup = positiveInteger(name, value, 0);
        break;
      case '--sizes':
        options.sizes = String(value)
          .split(',')
          .map(size => positiveInteger(name, size));
        break;
      case '--throttle-rate':
        options.throttleRate = Number(value);
        if (!(options.throttleRate >= 0 && options.throttleRate <= 1)) {
          throw new Error(`${name} must be a number from 0 to 1`);
        }
        break;
      case '--seed':
        options.seed = positiveInteger(name, value);
        break;
      default:
        throw new Error(
          `Unknown option ${name}; known: --requests, --warmup, --sizes, --throttle-rate, --seed`,
        );
    }
  }
  return options;
}

function positiveInteger(name, value, min = 1) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`${name} must be an integer of at least ${min}`);
  }
  return number;
}

/**
 * Gives the sandbox exactly `size` InService Studio domains. The first ones
 * are made with CreateDomain; past the sandbox's quota (5 per account and
 * region, like AWS's default) the rest are copies of the first domain's
 * record with their own id, name and ARN, written to the sandbox's state.
 */
async function seedDomains(sandbox, size) {
  const { MAX_DOMAINS_PER_REGION } = require(path.join(
    REPO,
    'packages/aws-sandbox/src/services/sagemaker/domains',
  ));
  await sandbox.reset();
  const created = [];
  for (let i = 0; i < Math.min(size, MAX_DOMAINS_PER_REGION); i += 1) {
    const { DomainId } = await sandbox.invoke('sagemaker', 'CreateDomain', {
      DomainName: `bench-studio-${i + 1}`,
      AuthMode: 'IAM',
      AppNetworkAccessType: 'VpcOnly',
      VpcId: 'vpc-0bench',
      SubnetIds: ['subnet-0bench1', 'subnet-0bench2'],
      KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/bench`,
      DefaultUserSettings: {
        ExecutionRole: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/bench-studio-execution`,
        SecurityGroups: ['sg-0bench'],
      },
      Tags: [{ Key: 'team', Value: 'bench' }],
    });
    created.push(DomainId);
  }
  const table = sandbox.state.table('sagemaker', 'domains');
  const template = table.get(`${ACCOUNT_ID}/${REGION}/${created[0]}`);
  for (let i = created.length; i < size; i += 1) {
    const domainId = `d-bench${String(i + 1).padStart(7, '0')}`;
    const record = structuredClone(template);
    record.name = `bench-studio-${i + 1}`;
    record.input.DomainName = record.name;
    record.arn = template.arn.replace(created[0], domainId);
    record.creationTime = template.creationTime + i;
    record.lastModifiedTime = record.creationTime;
    record.extra.DomainId = domainId;
    record.extra.Url = template.extra.Url.replace(created[0], domainId);
    table.set(`${ACCOUNT_ID}/${REGION}/${domainId}`, record);
  }
  const listed = await sandbox.invoke('sagemaker', 'ListDomains', {
    MaxResults: 100,
  });
  if (listed.Domains.length !== size) {
    throw new Error(
      `Seeding failed: the sandbox lists ${listed.Domains.length} domains, expected ${size}`,
    );
  }
}

/** One GET of the endpoint; resolves with status, body and elapsed ms. */
function getDomains(backendUrl, agent, authorization) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(
      `${backendUrl}${ENDPOINT_PATH}`,
      { agent, headers: { authorization, accept: 'application/json' } },
      res => {
        const chunks = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const elapsedMs =
            Number(process.hrtime.bigint() - started) / 1_000_000;
          let body;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode, body, elapsedMs });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** Warm-up, then `requests` sequential requests; latency and outcomes. */
async function measure({ backendUrl, agent, authorization, proxy, size }, o) {
  for (let i = 0; i < o.warmup; i += 1) {
    await getDomains(backendUrl, agent, authorization);
  }
  proxy.take();
  const latencies = [];
  const outcome = {
    http200: 0,
    httpOther: {},
    complete: 0,
    withSourceErrors: 0,
    sourceErrors: {},
  };
  for (let i = 0; i < o.requests; i += 1) {
    const { status, body, elapsedMs } = await getDomains(
      backendUrl,
      agent,
      authorization,
    );
    latencies.push(elapsedMs);
    if (status !== 200) {
      outcome.httpOther[status] = (outcome.httpOther[status] ?? 0) + 1;
      continue;
    }
    outcome.http200 += 1;
    const errors = body?.errors ?? [];
    if (errors.length === 0 && body?.items?.length === size) {
      outcome.complete += 1;
    }
    if (errors.length > 0) {
      outcome.withSourceErrors += 1;
      for (const error of errors) {
        const key = `${error.source}: ${error.errorType ?? 'unknown'}`;
        outcome.sourceErrors[key] = (outcome.sourceErrors[key] ?? 0) + 1;
      }
    }
  }
  const aws = proxy.take();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: o.requests,
    warmup: o.warmup,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      max: round(sorted[sorted.length - 1]),
      mean: round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
    },
    awsCallsPerRequest: round(aws.calls / o.requests, 2),
    awsCalls: aws,
    ...outcome,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { startSandbox } = require(path.join(
    REPO,
    'packages/aws-sandbox/src/sandbox',
  ));
  const {
    mockCredentials,
    mockServices,
    startTestBackend,
  } = require('@backstage/backend-test-utils');
  const { sageMakerStudioPlugin } = require(path.join(
    REPO,
    'plugins/sagemaker-studio-backend/src/plugin',
  ));

  const sandbox = await startSandbox({
    port: 0,
    delayMs: 0,
    detectiveControl: false,
  });
  const proxy = await startCountingProxy(sandbox.url);
  const backend = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({
        data: {
          sageMakerStudio: {
            region: REGION,
            accountId: ACCOUNT_ID,
            endpoint: proxy.url,
            adminGroup: 'group:default/data-science-admins',
          },
          aws: {
            accounts: [
              {
                accountId: ACCOUNT_ID,
                accessKeyId: 'bench',
                secretAccessKey: 'bench',
              },
            ],
          },
        },
      }),
      // Only `warn` and above, so the figures are not drowned in request logs.
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  const backendUrl = `http://127.0.0.1:${backend.server.port()}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const authorization = mockCredentials.user.header(USER);

  const results = [];
  try {
    for (const size of options.sizes) {
      await seedDomains(sandbox, size);
      const context = { backendUrl, agent, authorization, proxy, size };

      sandbox.faults.configure({});
      const clean = await measure(context, options);

      sandbox.faults.configure({
        throttleRate: options.throttleRate,
        seed: options.seed,
      });
      const throttled = await measure(context, options);
      sandbox.faults.configure({});

      results.push({ domains: size, noFaults: clean, throttled });
      process.stderr.write(`measured ${size} domain(s)\n`);
    }
  } finally {
    agent.destroy();
    await backend.stop();
    await proxy.close();
    await sandbox.close();
  }

  const pct = `${round(options.throttleRate * 100, 2)}%`;
  printTable(
    `GET ${ENDPOINT_PATH}, no faults (${options.requests} sequential requests after ${options.warmup} warm-up; latency in ms)`,
    [
      'domains',
      'AWS calls/req',
      'by operation (total)',
      'p50',
      'p95',
      'max',
      '200',
    ],
    results.map(({ domains, noFaults: r }) => [
      domains,
      r.awsCallsPerRequest,
      formatCounts(r.awsCalls.byOperation),
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.max,
      `${r.http200}/${r.requests}`,
    ]),
  );
  printTable(
    `Same, with ${pct} of AWS calls throttled (sandbox fault injection, seed ${options.seed}; SDK default retries)`,
    [
      'domains',
      'AWS calls/req',
      'throttled calls',
      'p50',
      'p95',
      'max',
      '200',
      'complete',
      'with per-source errors',
    ],
    results.map(({ domains, throttled: r }) => [
      domains,
      r.awsCallsPerRequest,
      r.awsCalls.errors.ThrottlingException ?? 0,
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.max,
      `${r.http200}/${r.requests}`,
      `${r.complete}/${r.requests}`,
      `${r.withSourceErrors} (${formatCounts(r.sourceErrors)})`,
    ]),
  );

  await writeResults(RESULTS_FILE, {
    benchmark: `GET ${ENDPOINT_PATH}`,
    date: new Date().toISOString(),
    machine: machine(),
    options,
    results,
  });
}

main().then(
  // The test backend's stop() leaves its in-memory SQLite pool (knex/tarn)
  // with a reaping interval, which would keep Node alive: exit explicitly.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

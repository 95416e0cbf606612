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
 * Benchmark of the provisioning executor, end to end:
 *
 *   HTTP client -> test backend (the real plugin and the real scheduler)
 *               -> counting proxy -> AWS sandbox (Service Catalog, CloudFormation)
 *
 * 200 team environments are requested through the API; once every plan is
 * READY, a second admin approves all of them at once while 10% of AWS calls
 * are throttled, and the script waits until every request is final. It
 * prints, and writes to bench/results/provisioning.json, the time to drain,
 * the AWS calls per request against the minimum, the retries, duplicates
 * (provisioned products or launch records beyond one per request) and lost
 * requests (not final at the end). Nothing passes or fails on time; the exit
 * code is 1 only when duplicates or lost requests are found, since those are
 * correctness, not speed.
 *
 * Run from the repository root: `yarn bench:provisioning` (or
 * `node bench/provisioning.cjs`). Options: --requests <n> (default 200),
 * --throttle-rate 0.1, --seed 1, --delay-ms 200 (sandbox duration of a
 * change set or stack operation), --frequency 1 (seconds between rounds of
 * the scheduled task), --timeout 240 (seconds to wait for the drain),
 * --latency-ms 0 (added by the sandbox to every AWS call, both phases).
 */

// The sandbox and the plugins are TypeScript sources; run them without a build,
// as packages/aws-sandbox/bin/aws-sandbox does.
require('@backstage/cli/config/nodeTransform.cjs');

const http = require('node:http');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
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

const RESULTS_FILE = path.join(__dirname, 'results', 'provisioning.json');
const BASE_PATH = '/api/sagemaker-studio';
const TASK_ID = 'sagemaker-studio:provisioning';
const REQUESTER = 'user:default/ada-admin';
const REVIEWER = 'user:default/grace-admin';
const ADMINS = [REQUESTER, REVIEWER];
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'REJECTED', 'CANCELLED']);

/** What each phase needs of Service Catalog per request, at the least. */
const MINIMUM = {
  plan: { CreateProvisionedProductPlan: 1, DescribeProvisionedProductPlan: 1 },
  launch: { ExecuteProvisionedProductPlan: 1, DescribeRecord: 1 },
};
/** Product resolution, once per product per 60 s (the provisioner's cache). */
const RESOLUTION = [
  'DescribeProduct',
  'ListLaunchPaths',
  'DescribeProvisioningParameters',
];
const PRODUCT_CACHE_MS = 60_000;

function parseArgs(argv) {
  const options = {
    requests: 200,
    throttleRate: 0.1,
    seed: 1,
    delayMs: 200,
    latencyMs: 0,
    frequency: 1,
    timeout: 240,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, value] = [argv[i], argv[i + 1]];
    i += 1;
    switch (name) {
      case '--requests':
        options.requests = integer(name, value, 1, 999);
        break;
      case '--throttle-rate':
        options.throttleRate = Number(value);
        if (!(options.throttleRate >= 0 && options.throttleRate <= 1)) {
          throw new Error(`${name} must be a number from 0 to 1`);
        }
        break;
      case '--seed':
        options.seed = integer(name, value, 1);
        break;
      case '--delay-ms':
        options.delayMs = integer(name, value, 0);
        break;
      case '--latency-ms':
        options.latencyMs = integer(name, value, 0);
        break;
      case '--frequency':
        options.frequency = integer(name, value, 1, 3600);
        break;
      case '--timeout':
        options.timeout = integer(name, value, 1);
        break;
      default:
        throw new Error(
          `Unknown option ${name}; known: --requests, --throttle-rate, --seed, --delay-ms, --latency-ms, --frequency, --timeout`,
        );
    }
  }
  return options;
}

function integer(name, value, min, max = Number.MAX_SAFE_INTEGER) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return number;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function teamName(i) {
  return `bench-${String(i + 1).padStart(3, '0')}`;
}

/** The example organisation of the plugin's tests, plus one group per benchmark team. */
function organisation(requests) {
  const group = (name, team) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      ...(team ? { annotations: { 'sagemaker-studio.aws/team': team } } : {}),
    },
    spec: { type: 'team', children: [] },
  });
  const user = (ref, groups) => {
    const name = ref.split('/')[1];
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { profile: { email: `${name}@example.com` }, memberOf: groups },
      relations: groups.map(g => ({
        type: 'memberOf',
        targetRef: `group:default/${g}`,
      })),
    };
  };
  return [
    group('fraud-detection', 'fraud-detection'),
    group('recommendations', 'recommendations'),
    group('data-science-admins'),
    user('user:default/dana-scientist', ['fraud-detection']),
    user(REQUESTER, ['data-science-admins']),
    user(REVIEWER, ['data-science-admins']),
    ...Array.from({ length: requests }, (_, i) =>
      group(teamName(i), teamName(i)),
    ),
  ];
}

/** Service factories: permissions, notifications, logger and scheduler. */
function serviceFactories({ log, rounds }) {
  const {
    coreServices,
    createServiceFactory,
  } = require('@backstage/backend-plugin-api');
  const { metricsServiceRef } = require('@backstage/backend-plugin-api/alpha');
  const {
    DefaultSchedulerService,
  } = require('@backstage/backend-defaults/scheduler');
  const {
    notificationService,
  } = require('@backstage/plugin-notifications-node');
  const { AuthorizeResult } = require('@backstage/plugin-permission-common');

  // Admin permissions for the admins, everything else for everyone (as in the plugin's tests).
  const permissions = createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => ({
      authorize: async (requests, options) =>
        requests.map(r => ({
          result:
            [
              'sagemaker-studio.request.review',
              'sagemaker-studio.estate.read',
            ].includes(r.permission.name) &&
            !ADMINS.includes(options.credentials.principal.userEntityRef)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async () => [],
    }),
  });

  const notifications = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({ send: async () => {} }),
  });

  // Keeps warnings and errors (the executor's retries and failures) for the figures.
  const makeLogger = meta => ({
    error: (message, extra) => log.push({ level: 'error', message, meta }),
    warn: (message, extra) => log.push({ level: 'warn', message, meta }),
    info: () => {},
    debug: () => {},
    child: more => makeLogger({ ...meta, ...more }),
  });
  const rootLogger = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => makeLogger({}),
  });

  // The real scheduler of @backstage/backend-defaults (a task claimed through
  // the database), with each run of the provisioning task timed.
  const scheduler = createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      database: coreServices.database,
      logger: coreServices.logger,
      rootLifecycle: coreServices.rootLifecycle,
      httpRouter: coreServices.httpRouter,
      pluginMetadata: coreServices.pluginMetadata,
      metrics: metricsServiceRef,
    },
    factory: deps => {
      const real = DefaultSchedulerService.create(deps);
      return {
        triggerTask: id => real.triggerTask(id),
        cancelTask: id => real.cancelTask(id),
        getScheduledTasks: () => real.getScheduledTasks(),
        createScheduledTaskRunner: schedule => ({
          run: task => real.scheduleTask({ ...task, ...schedule }),
        }),
        scheduleTask: task =>
          real.scheduleTask({
            ...task,
            fn: async signal => {
              if (task.id !== TASK_ID) return task.fn(signal);
              const round = { start: Date.now() };
              rounds.push(round);
              try {
                return await task.fn(signal);
              } finally {
                round.end = Date.now();
              }
            },
          }),
      };
    },
  });

  return [permissions, notifications, rootLogger, scheduler];
}

/** A small JSON client of the plugin's API. */
function apiClient(backendUrl) {
  const { mockCredentials } = require('@backstage/backend-test-utils');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const call = (who, method, urlPath, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${backendUrl}${BASE_PATH}${urlPath}`,
        {
          method,
          agent,
          headers: {
            authorization: mockCredentials.user.header(who),
            accept: 'application/json',
            ...(payload
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }
              : {}),
          },
        },
        res => {
          const chunks = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => {
            let json;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode, body: json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    create: (who, body) => call(who, 'POST', '/requests', body),
    review: (who, id, body) =>
      call(who, 'POST', `/requests/${id}/review`, body),
    /** Every request (scope=all), optionally of one status, page by page. */
    async listAll(who, status) {
      const items = [];
      let cursor;
      do {
        const query = new URLSearchParams({ scope: 'all', limit: '100' });
        if (status) query.set('status', status);
        if (cursor) query.set('cursor', cursor);
        const res = await call(who, 'GET', `/requests?${query}`);
        if (res.status !== 200) {
          throw new Error(`listing requests: HTTP ${res.status}`);
        }
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    },
    /** Whether any request has this status (one small page). */
    async any(who, status) {
      const query = new URLSearchParams({ scope: 'all', limit: '1', status });
      const res = await call(who, 'GET', `/requests?${query}`);
      if (res.status !== 200) {
        throw new Error(`listing requests: HTTP ${res.status}`);
      }
      return res.body.items.length > 0;
    },
    close: () => agent.destroy(),
  };
}

/** Runs `fn` over `items`, `width` at a time. */
async function inParallel(items, width, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * Calls attributed to requests from the bodies the proxy saw: the plan and
 * the launch carry the request id as their idempotency token; plan and record
 * reads carry ids that the requests record.
 */
function callLedger() {
  const calls = [];
  return {
    onCall({ operation, status, errorType, body }) {
      let input = {};
      try {
        input = JSON.parse(body || '{}');
      } catch {
        // not JSON: counted, not attributed
      }
      calls.push({
        at: Date.now(),
        operation,
        status,
        errorType,
        token: input.IdempotencyToken,
        planId: input.PlanId,
        recordId: input.Id,
      });
    },
    /** Per request id: calls by operation, throttled included, within [from, to). */
    perRequest(requests, from, to) {
      const byPlan = new Map();
      const byRecord = new Map();
      for (const r of requests) {
        if (r.plan?.planId) byPlan.set(r.plan.planId, r.id);
        if (r.recordId) byRecord.set(r.recordId, r.id);
      }
      const result = new Map(requests.map(r => [r.id, {}]));
      let unattributed = 0;
      for (const c of calls) {
        if (c.at < from || c.at >= to) continue;
        const id =
          (c.operation === 'CreateProvisionedProductPlan' ||
          c.operation === 'ExecuteProvisionedProductPlan'
            ? c.token
            : undefined) ??
          (c.operation === 'DescribeProvisionedProductPlan'
            ? byPlan.get(c.planId)
            : undefined) ??
          (c.operation === 'DescribeRecord'
            ? byRecord.get(c.recordId)
            : undefined);
        const counts = id && result.get(id);
        if (!counts) {
          unattributed += 1;
          continue;
        }
        counts[c.operation] = (counts[c.operation] ?? 0) + 1;
      }
      return { perRequest: result, unattributed };
    },
  };
}

/** min / p50 / p95 / max of per-request numbers. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { min: 0, p50: 0, p95: 0, max: 0 };
  return {
    min: sorted[0],
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
  };
}

function perOperation(counts, requests, minimum, phaseMs, perRequestSpread) {
  const rows = [];
  const operations = new Set([
    ...Object.keys(minimum),
    ...Object.keys(counts.byOperation),
  ]);
  for (const operation of operations) {
    const total = counts.byOperation[operation] ?? 0;
    const throttled =
      counts.errorsByOperation[operation]?.ThrottlingException ?? 0;
    let min = minimum[operation];
    let minText = min === undefined ? '0' : String(min);
    if (RESOLUTION.includes(operation)) {
      // Once per 60 s window the phase touched, for one product.
      const windows = Math.max(1, Math.ceil(phaseMs / PRODUCT_CACHE_MS));
      min = windows / requests;
      minText = `${windows}/${requests}`;
    }
    const s = perRequestSpread?.[operation];
    const latency = counts.latencyMsByOperation[operation];
    rows.push({
      operation,
      total,
      throttled,
      sandboxMs: latency
        ? { mean: round(latency.total / total), max: round(latency.max) }
        : undefined,
      perRequest: round(total / requests, 2),
      minimumPerRequest: min ?? 0,
      minimumText: minText,
      ...(s ? { perRequestSpread: s } : {}),
    });
  }
  return rows;
}

/**
 * What the sandbox holds for the benchmark's products: provisioned products,
 * plans and launch records, by provisioned product name. One of each per
 * request is expected; anything beyond is a duplicate.
 */
async function sandboxCensus(sandbox, names) {
  const wanted = new Set(names);
  const table = name => sandbox.state.table('servicecatalog', name).values();
  const products = table('provisionedProducts').filter(
    p => wanted.has(p.name) && !p.terminated,
  );
  const plans = table('plans').filter(p =>
    wanted.has(p.provisionedProductName),
  );
  const launches = table('records').filter(
    r =>
      wanted.has(r.provisionedProductName) &&
      r.type !== 'TERMINATE_PROVISIONED_PRODUCT',
  );
  const countBy = (items, key) => {
    const counts = new Map();
    for (const item of items) {
      const k = key(item);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const beyondOne = counts =>
    [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const productsByName = countBy(products, p => p.name);
  const plansByName = countBy(plans, p => p.provisionedProductName);
  const launchesByName = countBy(launches, r => r.provisionedProductName);

  // The same through the API the estate is audited with (no faults, no proxy).
  let searched = 0;
  let pageToken;
  do {
    const page = await sandbox.invoke(
      'servicecatalog',
      'ScanProvisionedProducts',
      { PageSize: 20, ...(pageToken ? { PageToken: pageToken } : {}) },
    );
    searched += page.ProvisionedProducts.filter(p => wanted.has(p.Name)).length;
    pageToken = page.NextPageToken;
  } while (pageToken);

  return {
    provisionedProducts: products.length,
    provisionedProductsFromScan: searched,
    plans: plans.length,
    launchRecords: launches.length,
    duplicateProvisionedProducts: beyondOne(productsByName),
    duplicatePlans: beyondOne(plansByName),
    duplicateLaunchRecords: beyondOne(launchesByName),
    namesWithoutProduct: names.filter(n => !productsByName.has(n)).length,
  };
}

function eventTime(request, ...actions) {
  const event = [...request.events]
    .reverse()
    .find(e => actions.includes(e.action));
  return event ? Date.parse(event.at) : undefined;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const { startSandbox, seedPlatform } = require(path.join(
    REPO,
    'packages/aws-sandbox/src',
  ));
  const {
    mockServices,
    startTestBackend,
  } = require('@backstage/backend-test-utils');
  const {
    catalogServiceMock,
  } = require('@backstage/plugin-catalog-node/testUtils');
  const { sageMakerStudioPlugin } = require(path.join(
    REPO,
    'plugins/sagemaker-studio-backend/src/plugin',
  ));

  const sandbox = await startSandbox({
    port: 0,
    delayMs: options.delayMs,
    detectiveControl: false,
  });
  await seedPlatform(sandbox, {
    templatesDir: path.join(REPO, 'cloudformation'),
  });
  sandbox.faults.configure({ latencyMs: options.latencyMs });
  const ledger = callLedger();
  const proxy = await startCountingProxy(sandbox.url, {
    onCall: call => ledger.onCall(call),
  });
  const log = [];
  const rounds = [];
  const backend = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({
        data: {
          sageMakerStudio: {
            region: sandbox.settings.region,
            accountId: sandbox.settings.accountId,
            endpoint: proxy.url,
            adminGroup: 'group:default/data-science-admins',
            products: { teamEnvironment: { requiresApproval: true } },
            platformParameters: { SharedServicesName: 'ds-shared' },
            provisioning: { frequencySeconds: options.frequency },
            // One admin makes all the requests: lift the per-person limits.
            limits: {
              requestsPerMinute: 10_000,
              pendingRequestsPerUser: 10_000,
            },
          },
          aws: {
            accounts: [
              {
                accountId: sandbox.settings.accountId,
                accessKeyId: 'bench',
                secretAccessKey: 'bench',
              },
            ],
          },
        },
      }),
      catalogServiceMock.factory({
        entities: organisation(options.requests),
      }),
      ...serviceFactories({ log, rounds }),
    ],
  });
  const api = apiClient(`http://127.0.0.1:${backend.server.port()}`);
  const names = Array.from(
    { length: options.requests },
    (_, i) => `team-${teamName(i)}-dev`,
  );
  const progress = text =>
    process.stderr.write(
      `[${round((Date.now() - started) / 1000)} s] ${text}\n`,
    );

  let report;
  try {
    // 1. The requests, through the API (no faults yet).
    proxy.take();
    const createStart = Date.now();
    const created = await inParallel(
      Array.from({ length: options.requests }, (_, i) => i),
      8,
      i =>
        api.create(REQUESTER, {
          product: 'teamEnvironment',
          teamName: teamName(i),
          parameters: { EnvType: 'dev' },
          idempotencyKey: `bench-provisioning-${i}`,
        }),
    );
    const refused = created.filter(r => r.status !== 201);
    if (refused.length > 0) {
      throw new Error(
        `${refused.length} requests refused, e.g. HTTP ${
          refused[0].status
        }: ${JSON.stringify(refused[0].body)}`,
      );
    }
    const ids = created.map(r => r.body.id);
    const createMs = Date.now() - createStart;
    progress(`${ids.length} requests created in ${createMs} ms`);

    // 2. The plans, made by the scheduled executor.
    const planDeadline = Date.now() + options.timeout * 1000;
    let pending;
    for (;;) {
      pending = await api.listAll(REVIEWER, 'PENDING_APPROVAL');
      const creating = pending.filter(r => r.plan?.status === 'CREATING');
      if (creating.length === 0) break;
      if (Date.now() > planDeadline) {
        throw new Error(`${creating.length} plans still CREATING`);
      }
      await sleep(500);
    }
    const planMs = Date.now() - createStart;
    const planCalls = proxy.take();
    const planRounds = rounds.length;
    const ready = pending.filter(r => r.plan?.status === 'READY');
    progress(
      `${ready.length} plans READY ${planMs} ms after the first request`,
    );

    // 3. Throttling on, then every approval at once, by the second admin.
    sandbox.faults.configure({
      throttleRate: options.throttleRate,
      seed: options.seed,
      latencyMs: options.latencyMs,
    });
    const approveStart = Date.now();
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const reviews = await Promise.all(
      ready.map(r =>
        api.review(REVIEWER, r.id, {
          decision: 'approve',
          comment: 'benchmark',
        }),
      ),
    );
    const approvedMs = Date.now() - approveStart;
    const notApproved = reviews.filter(r => r.status !== 200);
    progress(
      `${
        reviews.length - notApproved.length
      } approvals answered in ${approvedMs} ms`,
    );

    // 4. Until nothing is waiting for the executor any more.
    const drainDeadline = approveStart + options.timeout * 1000;
    let timedOut = false;
    for (;;) {
      await sleep(250);
      const busy =
        (await api.any(REVIEWER, 'APPROVED')) ||
        (await api.any(REVIEWER, 'PROVISIONING'));
      if (!busy) break;
      if (Date.now() > drainDeadline) {
        timedOut = true;
        break;
      }
    }
    const drainSeenMs = Date.now() - approveStart;
    const launchCalls = proxy.take();
    sandbox.faults.configure({});
    const launchEnd = Date.now();
    // One Node process runs the backend, the sandbox and this client: how busy it was.
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const cpu = process.cpuUsage(cpu0);
    progress(
      timedOut
        ? `timed out after ${options.timeout} s`
        : `drained (seen ${drainSeenMs} ms after the approvals)`,
    );

    // 5. The outcome of every request, and what the sandbox holds.
    const all = (await api.listAll(REVIEWER)).filter(r => ids.includes(r.id));
    const byStatus = {};
    for (const r of all) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const final = all.filter(r => FINAL.has(r.status));
    // Not final at the end, or missing from the listing.
    const lost = ids.length - final.length;
    const finishedAt = final
      .map(r => eventTime(r, 'succeeded', 'failed', 'plan-failed'))
      .filter(t => t !== undefined);
    const drainMs =
      finishedAt.length > 0 ? Math.max(...finishedAt) - approveStart : NaN;
    const succeeded = all.filter(r => r.status === 'SUCCEEDED');
    const latencies = succeeded
      .map(r => eventTime(r, 'succeeded') - eventTime(r, 'approved'))
      .sort((a, b) => a - b);
    const claimDelays = succeeded
      .map(r => eventTime(r, 'provisioning') - eventTime(r, 'approved'))
      .sort((a, b) => a - b);
    const failures = {};
    for (const r of all.filter(x => x.status === 'FAILED')) {
      const reason = (r.recordErrors ?? [])
        .map(e => `${e.code}: ${e.description}`)
        .join('; ');
      failures[reason || 'no reason'] =
        (failures[reason || 'no reason'] ?? 0) + 1;
    }
    const census = await sandboxCensus(sandbox, names);
    const duplicates =
      census.duplicateProvisionedProducts + census.duplicateLaunchRecords;

    // Calls per request, attributed by token, plan id and record id.
    const planLedger = ledger.perRequest(all, createStart, approveStart);
    const launchLedger = ledger.perRequest(all, approveStart, launchEnd);
    const spreadOf = (attributed, ops) =>
      Object.fromEntries(
        ops.map(op => [
          op,
          spread([...attributed.perRequest.values()].map(c => c[op] ?? 0)),
        ]),
      );
    const planRows = perOperation(
      planCalls,
      ids.length,
      MINIMUM.plan,
      approveStart - createStart,
      spreadOf(planLedger, Object.keys(MINIMUM.plan)),
    );
    const launchRows = perOperation(
      launchCalls,
      ids.length,
      MINIMUM.launch,
      launchEnd - approveStart,
      spreadOf(launchLedger, Object.keys(MINIMUM.launch)),
    );
    const minimumOf = rows =>
      rows.reduce((sum, row) => sum + row.minimumPerRequest, 0);

    // The executor's own retries: one warning per transient failure it backs off from.
    const retryLines = log.filter(
      l =>
        l.meta.task === 'provisioning' && / retry \d+ of \d+ /.test(l.message),
    );
    const retriesByCause = {};
    for (const l of retryLines) {
      const cause = l.message
        .replace(/^Request \S+: /, '')
        .replace(/; retry \d+ of \d+ in \d+ ms$/, '');
      retriesByCause[cause] = (retriesByCause[cause] ?? 0) + 1;
    }
    const executorErrors = log.filter(
      l => l.meta.task === 'provisioning' && l.level === 'error',
    );
    const otherErrors = log.filter(
      l => l.meta.task !== 'provisioning' && l.level === 'error',
    );
    const launchRounds = rounds.filter(
      r => r.start >= approveStart && r.start < launchEnd,
    );
    const roundMs = launchRounds
      .filter(r => r.end)
      .map(r => r.end - r.start)
      .sort((a, b) => a - b);
    const gaps = launchRounds
      .slice(1)
      .map((r, i) => r.start - launchRounds[i].end)
      .filter(g => Number.isFinite(g))
      .sort((a, b) => a - b);

    report = {
      benchmark: 'provisioning: approve many at once, with throttling',
      date: new Date().toISOString(),
      machine: machine(),
      options,
      database: 'SQLite in memory (better-sqlite3, mockServices.database)',
      scheduler:
        '@backstage/backend-defaults scheduler (DefaultSchedulerService), global task',
      executor: {
        batch: 50,
        concurrency: 4,
        pollMs: 2000,
        retryBaseMs: 2000,
        maxAttempts: 8,
      },
      requests: ids.length,
      create: { ms: createMs },
      plan: {
        msToAllReady: planMs,
        ready: ready.length,
        rounds: planRounds,
        awsCalls: planCalls,
        perOperation: planRows,
        callsPerRequest: round(planCalls.calls / ids.length, 2),
        minimumPerRequest: round(minimumOf(planRows), 3),
        unattributedCalls: planLedger.unattributed,
      },
      launch: {
        approvalsAnsweredMs: approvedMs,
        approvalsRefused: notApproved.length,
        drainMs,
        drainSeenByPollingMs: drainSeenMs,
        timedOut,
        approveToSucceededMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          max: latencies[latencies.length - 1],
          min: latencies[0],
        },
        approveToClaimMs: {
          p50: percentile(claimDelays, 50),
          p95: percentile(claimDelays, 95),
          max: claimDelays[claimDelays.length - 1],
        },
        process: {
          eventLoopUtilization: round(elu, 2),
          cpuMs: round((cpu.user + cpu.system) / 1000, 0),
          wallMs: launchEnd - approveStart,
        },
        rounds: {
          count: launchRounds.length,
          durationMs: spread(roundMs),
          gapMs: spread(gaps),
        },
        awsCalls: launchCalls,
        perOperation: launchRows,
        callsPerRequest: round(launchCalls.calls / ids.length, 2),
        minimumPerRequest: round(minimumOf(launchRows), 3),
        throttledCalls: launchCalls.errors.ThrottlingException ?? 0,
        unattributedCalls: launchLedger.unattributed,
        executorRetries: retryLines.length,
        executorRetriesByCause: retriesByCause,
        executorErrors: executorErrors.map(l => l.message),
      },
      outcome: {
        byStatus,
        succeeded: succeeded.length,
        failed: byStatus.FAILED ?? 0,
        failures,
        lost,
      },
      sandbox: census,
      duplicates,
      lost,
      otherErrors: otherErrors.map(l => l.message).slice(0, 20),
    };
  } finally {
    api.close();
    await backend.stop();
    await proxy.close();
    await sandbox.close();
  }

  print(report);
  await writeResults(RESULTS_FILE, report);
  return report.duplicates > 0 || report.lost > 0 ? 1 : 0;
}

function print(r) {
  const pct = `${round(r.options.throttleRate * 100, 2)}%`;
  console.log(
    `\n${r.requests} team environments, requiresApproval; ${r.scheduler}, frequency ${r.options.frequency} s; ${r.database}; sandbox delay ${r.options.delayMs} ms, added latency ${r.options.latencyMs} ms`,
  );
  const rows = (phase, rowsOf) =>
    rowsOf.map(row => [
      phase,
      row.operation,
      row.total,
      row.throttled,
      row.perRequest,
      row.minimumText,
      row.perRequestSpread
        ? `${row.perRequestSpread.min} / ${row.perRequestSpread.p50} / ${row.perRequestSpread.max}`
        : '-',
      row.sandboxMs ? `${row.sandboxMs.mean} / ${row.sandboxMs.max}` : '-',
    ]);
  printTable(
    `AWS calls (proxy count, SDK retries included); plan phase without faults, launch phase with ${pct} throttled`,
    [
      'phase',
      'operation',
      'calls',
      'throttled',
      'per request',
      'minimum',
      'per request min / p50 / max',
      'answer ms mean / max',
    ],
    [
      ...rows('plan', r.plan.perOperation),
      [
        'plan',
        'all',
        r.plan.awsCalls.calls,
        r.plan.awsCalls.errors.ThrottlingException ?? 0,
        r.plan.callsPerRequest,
        r.plan.minimumPerRequest,
        '',
        '',
      ],
      ...rows('launch', r.launch.perOperation),
      [
        'launch',
        'all',
        r.launch.awsCalls.calls,
        r.launch.throttledCalls,
        r.launch.callsPerRequest,
        r.launch.minimumPerRequest,
        '',
        '',
      ],
    ],
  );
  const l = r.launch;
  printFigures(
    `Approve ${r.requests} at once, ${pct} of AWS calls throttled (seed ${r.options.seed}); times in ms`,
    [
      ['plans READY after the first request', r.plan.msToAllReady],
      [
        'approvals answered',
        `${l.approvalsAnsweredMs} (${l.approvalsRefused} refused)`,
      ],
      ['time to drain (approve -> last final status)', l.drainMs],
      [
        'approve -> SUCCEEDED p50 / p95 / max',
        `${l.approveToSucceededMs.p50} / ${l.approveToSucceededMs.p95} / ${l.approveToSucceededMs.max}`,
      ],
      [
        'approve -> claimed (PROVISIONING) p50 / p95 / max',
        `${l.approveToClaimMs.p50} / ${l.approveToClaimMs.p95} / ${l.approveToClaimMs.max}`,
      ],
      [
        'one process (backend + sandbox): event loop busy, CPU',
        `${Math.round(l.process.eventLoopUtilization * 100)}%, ${
          l.process.cpuMs
        } ms CPU in ${l.process.wallMs} ms`,
      ],
      ['executor rounds while draining', l.rounds.count],
      [
        'round duration p50 / max',
        `${l.rounds.durationMs.p50} / ${l.rounds.durationMs.max}`,
      ],
      [
        'gap between rounds p50 / max',
        `${l.rounds.gapMs.p50} / ${l.rounds.gapMs.max}`,
      ],
      ['throttled calls', l.throttledCalls],
      [
        'executor retries (attempts backed off)',
        `${l.executorRetries} (${formatCounts(l.executorRetriesByCause)})`,
      ],
      ['SUCCEEDED', r.outcome.succeeded],
      ['FAILED', `${r.outcome.failed} (${formatCounts(r.outcome.failures)})`],
      [
        'duplicates (products + launch records beyond one per request)',
        `${r.duplicates} (${r.sandbox.duplicateProvisionedProducts} + ${r.sandbox.duplicateLaunchRecords}; plans beyond one: ${r.sandbox.duplicatePlans})`,
      ],
      [
        'provisioned products in the sandbox (state / scan)',
        `${r.sandbox.provisionedProducts} / ${r.sandbox.provisionedProductsFromScan}`,
      ],
      ['lost (not final at the end)', r.lost],
    ],
  );
}

function printFigures(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value}`);
  }
}

main().then(
  // The test backend's stop() leaves its in-memory SQLite pool (knex/tarn)
  // with a reaping interval, which would keep Node alive: exit explicitly.
  code => process.exit(code),
  error => {
    console.error(error);
    process.exit(2);
  },
);

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
 * Benchmark of one compliance sweep over a large estate:
 *
 *   ComplianceSweep (the real one) -> counting proxy -> AWS sandbox (in-process)
 *
 * The sandbox gets, split evenly over two accounts, `--training` training
 * jobs, `--processing` processing jobs and `--models` models (defaults
 * 10,000, 10,000 and 2,000); a fraction `--active` of the jobs (default 0.1)
 * is still running, the rest finished, and every fifth resource fails a rule.
 * The sandbox is seeded in its own process (with the counting proxy), so
 * the memory measured is the sweep's process alone: the sweep, its SDK
 * clients and SQLite in memory. Printed, and written to
 * bench/results/compliance-sweep.json: AWS calls by operation against the
 * minimum the APIs allow, wall time, and peak RSS and heap (sampled every
 * 20 ms, with the figures before the sweep). Nothing passes or fails on time.
 *
 * Run from the repository root: `yarn bench:compliance` (or
 * `node bench/compliance-sweep.cjs`). Options: --training <n>,
 * --processing <n>, --models <n>, --active <fraction>.
 */

require('@backstage/cli/config/nodeTransform.cjs');

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { startCountingProxy } = require('./lib/countingProxy.cjs');
const {
  REPO,
  formatCounts,
  machine,
  printTable,
  round,
  writeResults,
} = require('./lib/report.cjs');

const RESULTS_FILE = path.join(__dirname, 'results', 'compliance-sweep.json');
const ACCOUNTS = ['123456789012', '210987654321'];
const REGION = 'us-east-1';
const MB = 1024 * 1024;

function parseArgs(argv) {
  const options = {
    training: 10_000,
    processing: 10_000,
    models: 2_000,
    active: 0.1,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], Number(argv[i + 1])];
    const key = name.replace(/^--/, '');
    if (key === 'child') continue;
    if (!(key in options)) {
      throw new Error(
        `Unknown option ${name}; known: --training, --processing, --models, --active`,
      );
    }
    if (!(value >= 0) || (key !== 'active' && !Number.isInteger(value))) {
      throw new Error(`${name} must be a whole number (--active: 0 to 1)`);
    }
    options[key] = value;
  }
  return options;
}

const role = (account, team) =>
  `arn:aws:iam::${account}:role/service-role/ds-exec-${team}-dev-bench`;

/** Creates the estate through the sandbox's own API, then marks some jobs running. */
async function seed(sandbox, options) {
  const perAccount = n => Math.ceil(n / ACCOUNTS.length);
  let active = 0;
  for (const account of ACCOUNTS) {
    const aws = sandbox.forAccount(account, REGION);
    for (let i = 0; i < perAccount(options.training); i += 1) {
      const compliant = i % 5 !== 0;
      await aws.invoke('sagemaker', 'CreateTrainingJob', {
        TrainingJobName: `bench-train-${i}`,
        RoleArn: role(account, i % 2 ? 'fraud-detection' : 'recommendations'),
        AlgorithmSpecification: {
          TrainingImage: 'image:1',
          TrainingInputMode: 'File',
        },
        OutputDataConfig: { S3OutputPath: 's3://bench/out', KmsKeyId: 'key' },
        ResourceConfig: {
          InstanceType: 'ml.m5.large',
          InstanceCount: 1,
          VolumeSizeInGB: 10,
          VolumeKmsKeyId: 'key',
        },
        ...(compliant
          ? {
              VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
              EnableNetworkIsolation: true,
              EnableInterContainerTrafficEncryption: true,
            }
          : {}),
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        Tags: [{ Key: 'TeamName', Value: `team-${i % 7}` }],
      });
    }
    for (let i = 0; i < perAccount(options.processing); i += 1) {
      await aws.invoke('sagemaker', 'CreateProcessingJob', {
        ProcessingJobName: `bench-proc-${i}`,
        RoleArn: role(account, 'fraud-detection'),
        AppSpecification: { ImageUri: 'image:1' },
        ProcessingResources: {
          ClusterConfig: {
            InstanceType: 'ml.m5.large',
            InstanceCount: 1,
            VolumeSizeInGB: 10,
            ...(i % 5 ? { VolumeKmsKeyId: 'key' } : {}),
          },
        },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      });
    }
    for (let i = 0; i < perAccount(options.models); i += 1) {
      await aws.invoke('sagemaker', 'CreateModel', {
        ModelName: `bench-model-${i}`,
        ExecutionRoleArn: role(account, 'recommendations'),
        PrimaryContainer: { Image: 'image:1' },
        ...(i % 5
          ? {
              VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] },
              EnableNetworkIsolation: true,
            }
          : {}),
      });
    }
  }
  // Jobs finish at once in the sandbox (delayMs 0); some are made to run.
  const running = { training: 0, processing: 0 };
  for (const [table, kind] of [
    ['trainingJobs', 'training'],
    ['processingJobs', 'processing'],
  ]) {
    const records = Object.values(sandbox.state.rawTable('sagemaker', table));
    records.forEach((record, index) => {
      if (index % Math.round(1 / options.active) === 0) {
        record.status = 'InProgress';
        record.schedule = [];
        running[kind] += 1;
        active += 1;
      }
    });
  }
  return { running, active };
}

/** The fewest calls the APIs allow for this estate, per account and region. */
function minimumCalls(options, running) {
  const perAccount = n => Math.ceil(n / ACCOUNTS.length);
  const pages = n => Math.max(1, Math.ceil(n / 100));
  let total = 0;
  const byOperation = {};
  const add = (operation, n) => {
    byOperation[operation] = (byOperation[operation] ?? 0) + n;
    total += n;
  };
  for (let a = 0; a < ACCOUNTS.length; a += 1) {
    add('Search', pages(perAccount(options.training)));
    add('Search', pages(0)); // tuning jobs
    add('Search', pages(perAccount(options.models)));
    add('ListProcessingJobs', pages(perAccount(options.processing)));
    for (const list of [
      'ListTransformJobs',
      'ListAutoMLJobs',
      'ListNotebookInstances',
      'ListEndpointConfigs',
      'ListDomains',
      'ListUserProfiles',
      'ListSpaces',
      'ListApps',
    ]) {
      add(list, 1);
    }
    // One page of the detective control's findings. The sweep reads it twice
    // (before the resources, to know which to watch, and after, to merge and
    // resolve), so it makes one call per target above this minimum.
    add('GetFindings', 1);
  }
  // A running processing job is read whole only by Describe, its tags only by ListTags.
  add('DescribeProcessingJob', running.processing);
  add('ListTags', running.processing);
  return { total, byOperation };
}

/**
 * The sandbox's own process: seeds the estate, puts the counting proxy in
 * front of it, and answers the parent's `take` (the counts) and `close`.
 */
async function sandboxProcess(options) {
  const { startSandbox } = require(path.join(REPO, 'packages/aws-sandbox/src'));
  const sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  const seedStart = performance.now();
  const { running } = await seed(sandbox, options);
  const seedSeconds = round((performance.now() - seedStart) / 1000);
  const proxy = await startCountingProxy(sandbox.url);
  process.on('message', async message => {
    if (message === 'take') {
      process.send({ type: 'counts', counts: proxy.take() });
    } else if (message === 'close') {
      await proxy.close();
      await sandbox.close();
      process.exit(0);
    }
  });
  process.send({ type: 'ready', url: proxy.url, running, seedSeconds });
}

/** Starts the sandbox process and resolves with its first message. */
function startSandboxProcess(options) {
  const { fork } = require('node:child_process');
  const child = fork(__filename, [
    '--child',
    '1',
    ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, String(v)]),
  ]);
  const next = type =>
    new Promise((resolve, reject) => {
      const onMessage = message => {
        if (message?.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = code => {
        child.off('message', onMessage);
        reject(new Error(`sandbox process exited with ${code}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return { child, next };
}

async function main() {
  const argv = process.argv.slice(2);
  const childIndex = argv.indexOf('--child');
  if (childIndex >= 0) {
    argv.splice(childIndex, 2);
    await sandboxProcess(parseArgs(argv));
    return;
  }
  const options = parseArgs(argv);
  console.log(
    `Seeding ${options.training} training jobs, ${options.processing} processing jobs and ${options.models} models over ${ACCOUNTS.length} accounts (sandbox in its own process) ...`,
  );
  const sandbox = startSandboxProcess(options);
  const { url, running, seedSeconds } = await sandbox.next('ready');
  console.log(`Seeded in ${seedSeconds} s`);

  const { SageMakerStudioAwsClients } = require(path.join(
    REPO,
    'plugins/sagemaker-studio-node/src',
  ));
  const { ComplianceSweep, DatabaseComplianceStore } = require(path.join(
    REPO,
    'plugins/sagemaker-studio-backend/src/compliance',
  ));
  const knex = require('knex')({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  const clients = new SageMakerStudioAwsClients({
    config: {
      region: REGION,
      accountId: ACCOUNTS[0],
      targets: ACCOUNTS.map(accountId => ({ accountId, region: REGION })),
      endpoint: url,
      adminGroup: 'group:default/admins',
      products: {},
      platformParameters: {},
      provisioning: { frequencySeconds: 5, maxAttempts: 8 },
      limits: {
        requestsPerMinute: 10,
        pendingRequestsPerUser: 5,
        openStudioPerMinute: 10,
      },
      cache: { ttlSeconds: 30 },
      openStudio: { sessionExpirationSeconds: 43200 },
    },
    credentialsManager: {
      getCredentialProvider: async opts => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: opts?.accountId ?? ACCOUNTS[0],
          secretAccessKey: 'bench',
        }),
      }),
    },
  });
  const store = await DatabaseComplianceStore.create({
    database: { getClient: async () => knex },
  });
  const quiet = { info() {}, warn() {}, error: console.error, debug() {} };
  quiet.child = () => quiet;

  sandbox.child.send('take');
  await sandbox.next('counts');
  if (global.gc) global.gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const start = performance.now();
  const result = await new ComplianceSweep({
    clients,
    store,
    logger: quiet,
  }).run();
  const wallMs = performance.now() - start;
  clearInterval(sampler);
  sandbox.child.send('take');
  const { counts } = await sandbox.next('counts');
  const minimum = minimumCalls(options, running);
  const open = await knex('sagemaker_studio_compliance_findings')
    .where({ state: 'OPEN' })
    .count({ n: '*' })
    .first();

  // Security Hub is REST (no X-Amz-Target): its calls count as `unknown`.
  const byOperation = { ...counts.byOperation };
  if (byOperation.unknown) {
    byOperation['GetFindings (Security Hub)'] = byOperation.unknown;
    delete byOperation.unknown;
  }
  printTable(
    'AWS calls of one sweep, by operation',
    ['operation', 'calls', 'minimum'],
    Object.keys({ ...byOperation, ...minimum.byOperation })
      .filter(op => op !== 'GetFindings')
      .sort()
      .map(op => [
        op,
        byOperation[op] ?? 0,
        op === 'GetFindings (Security Hub)'
          ? minimum.byOperation.GetFindings
          : minimum.byOperation[op] ?? 0,
      ]),
  );
  const figures = {
    estate: {
      accounts: ACCOUNTS.length,
      trainingJobs: options.training,
      processingJobs: options.processing,
      models: options.models,
      runningJobs: running,
    },
    sweep: {
      status: result.status,
      evaluatedResources: result.evaluated,
      openFindings: Number(open.n),
    },
    awsCalls: counts.calls,
    minimumCalls: minimum.total,
    errors: formatCounts(counts.errors),
    wallSeconds: round(wallMs / 1000, 2),
    memoryMB: {
      rssBefore: round(before.rss / MB),
      peakRss: round(peakRss / MB),
      heapBefore: round(before.heapUsed / MB),
      peakHeap: round(peakHeap / MB),
      // What the sweep itself added: flat if the same for any estate size.
      rssGrowth: round((peakRss - before.rss) / MB),
      heapGrowth: round((peakHeap - before.heapUsed) / MB),
    },
  };
  printTable(
    'Sweep',
    [
      'AWS calls',
      'minimum',
      'wall s',
      'RSS before MB',
      'peak RSS MB',
      'heap before MB',
      'peak heap MB',
      'RSS growth MB',
      'heap growth MB',
      'evaluated',
      'open',
    ],
    [
      [
        figures.awsCalls,
        figures.minimumCalls,
        figures.wallSeconds,
        figures.memoryMB.rssBefore,
        figures.memoryMB.peakRss,
        figures.memoryMB.heapBefore,
        figures.memoryMB.peakHeap,
        figures.memoryMB.rssGrowth,
        figures.memoryMB.heapGrowth,
        figures.sweep.evaluatedResources,
        figures.sweep.openFindings,
      ],
    ],
  );
  await writeResults(RESULTS_FILE, {
    date: new Date().toISOString(),
    machine: machine(),
    options,
    figures,
    byOperation,
  });
  sandbox.child.send('close');
  await knex.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

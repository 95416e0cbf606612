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
 * Benchmark of GET /api/sagemaker-studio/entity/:namespace/:kind/:name for a
 * user, a team (Group) and a Studio domain Resource, end to end over HTTP:
 *
 *   HTTP client -> test backend (the real plugin) -> counting proxy -> AWS sandbox
 *
 * The sandbox holds 3 accounts x 2 regions. Each target gets the platform and a
 * small estate through the real APIs (seedPlatform, seedDemoEstate); the rest
 * (teams' provisioned products, user profiles and their user profile
 * provisioned products) are copies of those state records with their own ids,
 * names and tags, since 5,000 launches through Service Catalog would take too
 * long. Copies share the stack (and so the outputs) of the record they were
 * copied from.
 *
 * Prints figures only. Options: --teams 200 --profiles 5000 --samples 20.
 */

require('@backstage/cli/config/nodeTransform.cjs');

const http = require('node:http');
const path = require('node:path');
const { startCountingProxy } = require('./lib/countingProxy.cjs');
const {
  REPO,
  percentile,
  round,
  writeResults,
  machine,
} = require('./lib/report.cjs');

const RESULTS_FILE = path.join(__dirname, 'results', 'entity-routes.json');
const ACCOUNTS = ['123456789012', '210987654321', '345678901234'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const ANN = 'sagemaker-studio.aws';

function parseArgs(argv) {
  const options = { teams: 200, profiles: 5000, samples: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options)) throw new Error(`Unknown option ${argv[i]}`);
    options[key] = Number(argv[i + 1]);
  }
  return options;
}

const pad = (n, width) => String(n).padStart(width, '0');

async function seedTargets(sandbox, options) {
  const { seedPlatform, seedDemoEstate } = require(path.join(
    REPO,
    'packages/aws-sandbox/src/seed',
  ));
  const targets = [];
  for (const accountId of ACCOUNTS) {
    for (const region of REGIONS) {
      const target = sandbox.forAccount(accountId, region);
      await seedPlatform(target, {
        templatesDir: path.join(REPO, 'cloudformation'),
      });
      const estate = await seedDemoEstate(target, {
        preset: 'local-identities',
        teams: ['team-seed'],
        profiles: [
          {
            team: 'team-seed',
            user: 'seed',
            profileName: 'seed',
            version: 'v2',
            email: 'seed@example.com',
          },
        ],
        jobs: false,
      });
      targets.push({ accountId, region, estate, teams: [] });
    }
  }
  const products = sandbox.state.rawTable(
    'servicecatalog',
    'provisionedProducts',
  );
  const profiles = sandbox.state.rawTable('sagemaker', 'userProfiles');
  const retag = (tags, changes) => [
    ...tags.filter(tag => !(tag.Key in changes)),
    ...Object.entries(changes).map(([Key, Value]) => ({ Key, Value })),
  ];
  for (let t = 0; t < options.teams; t += 1) {
    const target = targets[t % targets.length];
    const team = `team-${pad(t, 3)}`;
    const template =
      products[target.estate.provisionedProducts['team-team-seed-dev']];
    const id = `pp-bench${pad(t, 6)}`;
    products[id] = {
      ...structuredClone(template),
      id,
      name: `team-${team}-dev`,
      arn: template.arn
        .replace(template.id, id)
        .replace('team-team-seed-dev', `team-${team}-dev`),
      idempotencyToken: `bench-${id}`,
      tags: retag(template.tags, { TeamName: team, EnvType: 'dev' }),
      parameters: { ...template.parameters, TeamName: team },
    };
    target.teams.push({ team, provisionedProductId: id });
  }
  const users = [];
  const profileTemplates = new Map(
    targets.map(target => [
      target,
      products[target.estate.provisionedProducts['profile-team-seed-seed']],
    ]),
  );
  for (let p = 0; p < options.profiles; p += 1) {
    const teamIndex = p % options.teams;
    const target = targets[teamIndex % targets.length];
    const team = `team-${pad(teamIndex, 3)}`;
    const name = `user-${pad(p, 4)}`;
    const key = Object.keys(profiles).find(
      k =>
        k.startsWith(`${target.accountId}/${target.region}/`) &&
        k.endsWith('/seed'),
    );
    const template = profiles[key];
    const record = structuredClone(template);
    record.name = name;
    record.arn = template.arn.replace(/\/seed$/, `/${name}`);
    record.input.UserProfileName = name;
    record.tags = retag(template.tags, {
      TeamName: team,
      StudioUserProfileName: name,
      BackstageRequestedFor: `user:default/${name}`,
    });
    profiles[key.replace(/\/seed$/, `/${name}`)] = record;
    // The profile's provisioned product, named and tagged as the backend
    // launches it: the team pages find members through these.
    const productTemplate = profileTemplates.get(target);
    const productId = `pp-benchu${pad(p, 5)}`;
    const productName = `profile-${team}-${name}`;
    products[productId] = {
      ...structuredClone(productTemplate),
      id: productId,
      name: productName,
      arn: productTemplate.arn
        .replace(productTemplate.id, productId)
        .replace(productTemplate.name, productName),
      idempotencyToken: `bench-${productId}`,
      tags: retag(productTemplate.tags, {
        TeamName: team,
        BackstageRequestedBy: `user:default/${name}`,
        BackstageRequestedFor: `user:default/${name}`,
      }),
      parameters: {
        ...productTemplate.parameters,
        TeamName: team,
        StudioUserProfileName: name,
      },
    };
    users.push({ name, team, target });
  }
  return { targets, users };
}

/**
 * The fewest AWS calls each route can make for the samples the script asks
 * for, from what is in the sandbox, with the documented APIs and a cache
 * shared by every entity of one account and region (see bench/README.md):
 *
 * - user: DescribeUserProfile, ListSpaces and ListApps (filtered by the
 *   profile) per profile;
 * - domain: DescribeDomain, ListUserProfiles pages of 100 (its profiles are
 *   counted: ListUserProfiles filters by domain), ListSpaces, ListApps;
 * - team: per target, one account-level SearchProvisionedProducts listing
 *   (100 a page; its documented filters cannot pick one team's products), the
 *   target's ListUserProfiles pages (for the members' status) where the team
 *   has members, and one DescribeStacks per environment (status and outputs).
 *   Listings are paid once per target over the samples.
 */
async function minimumCalls(sandbox, targets, users, options, routes) {
  const pages = n => Math.max(1, Math.ceil(n / 100));
  const profiles = Object.keys(
    sandbox.state.rawTable('sagemaker', 'userProfiles'),
  );
  const at = target => `${target.accountId}/${target.region}`;
  const count = {};
  for (const target of targets) {
    // Asked before the proxy starts, so not counted.
    const { TotalResultsCount } = await sandbox
      .forAccount(target.accountId, target.region)
      .invoke('servicecatalog', 'SearchProvisionedProducts', { PageSize: 1 });
    count[at(target)] = {
      products: TotalResultsCount,
      profiles: profiles.filter(k => k.startsWith(`${at(target)}/`)).length,
    };
  }
  const teamTarget = new Map(
    targets.flatMap(target => target.teams.map(t => [t.team, target])),
  );
  const searchAll = targets.reduce(
    (sum, target) => sum + pages(count[at(target)].products),
    0,
  );
  const team = [];
  const profilesListed = new Set();
  for (let i = 0; i < options.samples; i += 1) {
    const name = routes.team(i).split('/').pop();
    const target = teamTarget.get(name);
    let calls = i === 0 ? searchAll : 0;
    const hasMembers = users.some(u => u.team === name);
    if (hasMembers && !profilesListed.has(at(target))) {
      profilesListed.add(at(target));
      calls += pages(count[at(target)].profiles);
    }
    team.push(calls + 1);
  }
  const domain = targets.map(
    target => 3 + pages(users.filter(u => u.target === target).length + 1),
  );
  return {
    count,
    'user cold': Array(options.samples).fill(3),
    'team cold': team,
    'domain cold': domain,
  };
}

function entities(targets, users) {
  const annotationsOf = target => ({
    [`${ANN}/account-id`]: target.accountId,
    [`${ANN}/region`]: target.region,
  });
  return [
    ...targets.map(target => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: target.estate.domainId,
        namespace: 'default',
        annotations: {
          [`${ANN}/domain-id`]: target.estate.domainId,
          ...annotationsOf(target),
        },
      },
      spec: {
        type: 'sagemaker-studio-domain',
        owner: 'group:default/data-science-admins',
      },
    })),
    ...targets.flatMap(target =>
      target.teams.map(({ team }) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: team,
          namespace: 'default',
          annotations: { [`${ANN}/team`]: team },
        },
        spec: { type: 'team', children: [] },
      })),
    ),
    ...users.map(({ name, team, target }) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          [`${ANN}/user-profile`]: name,
          [`${ANN}/domain-id`]: target.estate.domainId,
          [`${ANN}/team`]: team,
          ...annotationsOf(target),
        },
      },
      spec: { memberOf: [team] },
    })),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'data-science-admins', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'ada-admin', namespace: 'default' },
      spec: { memberOf: ['data-science-admins'] },
    },
  ];
}

function get(url, agent, authorization) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(
        url,
        { agent, headers: { authorization, accept: 'application/json' } },
        res => {
          const chunks = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => {
            const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
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
      )
      .on('error', reject);
  });
}

async function startBackend(proxyUrl, catalogEntities) {
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
  const backend = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({
        data: {
          sageMakerStudio: {
            region: REGIONS[0],
            accountId: ACCOUNTS[0],
            accounts: ACCOUNTS.map(accountId => ({
              accountId,
              regions: REGIONS,
            })),
            endpoint: proxyUrl,
            adminGroup: 'group:default/data-science-admins',
          },
          aws: {
            // A 12-digit access key makes the sandbox answer as that account.
            accounts: ACCOUNTS.map(accountId => ({
              accountId,
              accessKeyId: accountId,
              secretAccessKey: 'bench',
            })),
          },
        },
      }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  return backend;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { startSandbox } = require(path.join(
    REPO,
    'packages/aws-sandbox/src/sandbox',
  ));
  const { mockCredentials } = require('@backstage/backend-test-utils');
  const sandbox = await startSandbox({
    port: 0,
    delayMs: 0,
    detectiveControl: false,
  });
  const seeding = Date.now();
  const { targets, users } = await seedTargets(sandbox, options);
  console.log(
    `Seeded ${targets.length} targets, ${options.teams} teams, ${
      users.length
    } user profiles in ${Date.now() - seeding} ms`,
  );
  const proxy = await startCountingProxy(sandbox.url);
  const backend = await startBackend(proxy.url, entities(targets, users));
  const base = `http://127.0.0.1:${backend.server.port()}/api/sagemaker-studio/entity`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const authorization = mockCredentials.user.header('user:default/ada-admin');
  const routes = {
    user: i => `default/user/${users[(i * 97) % users.length].name}`,
    team: i => `default/group/team-${pad((i * 7) % options.teams, 3)}`,
    domain: i =>
      `default/resource/${targets[i % targets.length].estate.domainId}`,
  };
  const minimum = await minimumCalls(sandbox, targets, users, options, routes);
  const results = {};
  try {
    for (const [route, refOf] of Object.entries(routes)) {
      const samples = route === 'domain' ? targets.length : options.samples;
      for (const phase of ['cold', 'warm']) {
        const latencies = [];
        const calls = [];
        const byOperation = {};
        const statuses = {};
        const errors = {};
        for (let i = 0; i < samples; i += 1) {
          proxy.take();
          const { status, body, elapsedMs } = await get(
            `${base}/${refOf(i)}`,
            agent,
            authorization,
          );
          const counted = proxy.take();
          latencies.push(elapsedMs);
          calls.push(counted.calls);
          for (const [op, n] of Object.entries(counted.byOperation))
            byOperation[op] = (byOperation[op] ?? 0) + n;
          statuses[status] = (statuses[status] ?? 0) + 1;
          for (const error of body?.errors ?? [])
            errors[error.errorType] = (errors[error.errorType] ?? 0) + 1;
        }
        const firstMs = latencies[0];
        results[`${route} ${phase}`] = {
          samples,
          p50: round(
            percentile(
              latencies.sort((a, b) => a - b),
              50,
            ),
          ),
          p95: round(percentile(latencies, 95)),
          max: round(Math.max(...latencies)),
          callsPerRequest: round(calls.reduce((a, b) => a + b, 0) / samples),
          firstMs: round(firstMs),
          firstCalls: calls[0],
          minimumPerRequest: minimum[`${route} ${phase}`]
            ? round(
                minimum[`${route} ${phase}`].reduce((a, b) => a + b, 0) /
                  samples,
              )
            : 0,
          minimumFirst: minimum[`${route} ${phase}`]?.[0] ?? 0,
          byOperation,
          statuses,
          errors,
        };
      }
    }
  } finally {
    await backend.stop();
    await proxy.close();
    await sandbox.close();
  }
  const cell = (value, width) => String(value).padStart(width);
  console.log(
    'route         samples   p50 ms   p95 ms   max ms  first ms  first calls (min)  AWS calls/req (min)  by operation (total)  HTTP  per-source errors',
  );
  for (const [name, r] of Object.entries(results)) {
    const ratio = r.minimumPerRequest
      ? ` ${round(r.callsPerRequest / r.minimumPerRequest)}x`
      : '';
    console.log(
      `${name.padEnd(12)} ${cell(r.samples, 8)} ${cell(r.p50, 8)} ${cell(
        r.p95,
        8,
      )} ${cell(r.max, 8)} ${cell(r.firstMs, 9)} ${cell(
        `${r.firstCalls} (${r.minimumFirst})`,
        18,
      )} ${cell(
        `${r.callsPerRequest} (${r.minimumPerRequest})${ratio}`,
        20,
      )}  ${Object.entries(r.byOperation)
        .map(([o, n]) => `${o} x${n}`)
        .join(', ')}  ${JSON.stringify(r.statuses)} ${JSON.stringify(
        r.errors,
      )}`,
    );
  }
  console.log(
    `Per target: ${Object.entries(minimum.count)
      .map(([t, c]) => `${t} ${c.products} products, ${c.profiles} profiles`)
      .join('; ')}`,
  );
  writeResults(RESULTS_FILE, {
    options,
    machine: machine(),
    perTarget: minimum.count,
    results,
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});

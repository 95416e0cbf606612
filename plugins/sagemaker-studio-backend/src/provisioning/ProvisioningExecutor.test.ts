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

import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { seedPlatform, startSandbox, Sandbox } from '@internal/aws-sandbox';
import {
  SageMakerStudioAwsClients,
  SageMakerStudioConfig,
  SageMakerStudioProvisioner,
  ServiceCatalogProvisioner,
} from '@internal/plugin-sagemaker-studio-node';
import knexFactory, { Knex } from 'knex';
import { DatabaseRequestStore } from '../requests/DatabaseRequestStore';
import { RequestTransition } from '../requests/types';
import { ProvisioningExecutor } from './ProvisioningExecutor';
import { RequestNotifier } from './RequestNotifier';
import {
  executorConfig,
  sandboxLaunches,
  seedTeamEnvironmentRequests,
  storeOn,
  TEMPLATES_DIR,
} from './__testUtils__/provisioningFixtures';

// Every fault the sandbox injects reaches the executor: the SDK's own retries
// (3 attempts by default) would hide most of them, and the executor's
// back-off is what is under test here.
process.env.AWS_MAX_ATTEMPTS = '1';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const RETRY_BASE_MS = 1000;
const POLL_MS = 2000;

let sandbox: Sandbox;
/** Every HTTP call the sandbox answered, with the fault it injected (if any). */
let calls: Array<{ operation: string; fault?: string }>;

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
  const decide = sandbox.faults.decide.bind(sandbox.faults);
  sandbox.faults.decide = (service, operation) => {
    const decision = decide(service, operation);
    calls?.push({ operation, fault: decision.fault });
    return decision;
  };
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  calls = [];
  sandbox.faults.configure({});
});

function awsClients(config: SageMakerStudioConfig) {
  return new SageMakerStudioAwsClients({
    config,
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: 'sandbox',
          secretAccessKey: 'sandbox',
        }),
      }),
    },
  });
}

/** Simulated time, shared by the executors of a test. */
class Clock {
  at = Date.now();
  now = () => new Date(this.at);
}

interface Retry {
  id: string;
  attempts: number;
  delayMs: number;
  lastError: string;
}

/** One executor as one backend instance would build it, with its own provisioner and SDK clients. */
function executorFor(options: {
  store: DatabaseRequestStore;
  config: SageMakerStudioConfig;
  clock: Clock;
  retries?: Retry[];
  wrap?: (p: SageMakerStudioProvisioner) => SageMakerStudioProvisioner;
}) {
  const { store, config, clock } = options;
  const logger = mockServices.logger.mock();
  // Sees what the executor writes: every retry with its delay.
  const observed = Object.create(store) as DatabaseRequestStore;
  observed.transition = async (t: RequestTransition) => {
    if (t.changes?.lastError && t.changes.attempts && t.changes.nextAttemptAt) {
      options.retries?.push({
        id: t.id,
        attempts: t.changes.attempts,
        delayMs: t.changes.nextAttemptAt.getTime() - clock.at,
        lastError: t.changes.lastError,
      });
    }
    return store.transition(t);
  };
  const provisioner = new ServiceCatalogProvisioner({
    config,
    clients: awsClients(config),
  });
  return new ProvisioningExecutor({
    store: observed,
    provisioner: options.wrap ? options.wrap(provisioner) : provisioner,
    config,
    logger,
    auditor: mockServices.auditor.mock(),
    notifier: new RequestNotifier({ adminGroup: config.adminGroup, logger }),
    now: clock.now,
    retryBaseMs: RETRY_BASE_MS,
    pollMs: POLL_MS,
  });
}

/** Moves the clock on by a scheduler period, or further to when the next request is due. */
async function passTime(knex: Knex, clock: Clock) {
  const next = await knex('sagemaker_studio_requests')
    .whereNotNull('next_attempt_at')
    .min({ at: 'next_attempt_at' })
    .first();
  const at = next?.at ? new Date(next.at).getTime() : clock.at;
  clock.at = Math.max(clock.at + POLL_MS, at);
}

async function statuses(store: DatabaseRequestStore, ids: string[]) {
  const all = await Promise.all(ids.map(id => store.get(id)));
  return all.map(r => r!);
}

/** Rounds until every request is final (or `maxRounds`); returns how many it took. */
async function driveToEnd(
  knex: Knex,
  clock: Clock,
  executors: ProvisioningExecutor[],
  ids: string[],
  maxRounds = 200,
) {
  for (let round = 1; round <= maxRounds; round++) {
    await passTime(knex, clock);
    // Instances run their rounds at the same time, as two replicas whose
    // scheduler locks happen to overlap (a run past its timeout).
    await Promise.all(executors.map(e => e.runOnce()));
    const open = await knex('sagemaker_studio_requests')
      .whereIn('id', ids)
      .whereNotIn('status', ['SUCCEEDED', 'FAILED'])
      .count({ n: '*' })
      .first();
    if (Number(open?.n) === 0) {
      return round;
    }
  }
  return maxRounds;
}

function byOperation() {
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.operation] = (counts[c.operation] ?? 0) + 1;
  return counts;
}

describe.each(databases.eachSupportedId())(
  'ProvisioningExecutor on %p',
  (databaseId: TestDatabaseId) => {
    const tag = databaseId === 'SQLITE_3' ? 's' : 'p';
    let knex: Knex;
    let store: DatabaseRequestStore;
    let clock: Clock;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await storeOn(knex);
      clock = new Clock();
    });

    it('provisions 20 requests exactly once through 30% throttling and 10% server errors, backing off', async () => {
      const config = executorConfig(sandbox, { maxAttempts: 12 });
      const requests = await seedTeamEnvironmentRequests(store, {
        prefix: `fault${tag}`,
        count: 20,
      });
      const ids = requests.map(r => r.id);
      sandbox.faults.configure({ throttleRate: 0.3, errorRate: 0.1, seed: 7 });
      const retries: Retry[] = [];
      const executor = executorFor({ store, config, clock, retries });
      const started = clock.at;

      const rounds = await driveToEnd(knex, clock, [executor], ids);

      const done = await statuses(store, ids);
      expect(done.map(r => r.status)).toEqual(ids.map(() => 'SUCCEEDED'));
      const sandboxSide = sandboxLaunches(sandbox, ids);
      expect(sandboxSide.products).toHaveLength(20);
      expect(sandboxSide.duplicates).toBe(0);
      expect(sandboxSide.lost).toBe(0);
      for (const id of ids) {
        expect(sandboxSide.recordsByRequest.get(id)).toBe(1);
      }
      // Each request's product is the one its record made.
      for (const r of done) {
        expect(
          sandboxSide.products.find(p => p.id === r.provisionedProductId),
        ).toBeDefined();
      }

      const faults = calls.filter(c => c.fault);
      expect(faults.length).toBeGreaterThan(10);
      // Every fault is a retry of the request whose call it hit; a failed
      // product lookup is shared by the requests waiting on it (cached promise).
      const faultsOn = (op: string) => faults.filter(f => f.operation === op);
      const retriesOf = (text: string) =>
        retries.filter(r => r.lastError.startsWith(text));
      expect(retriesOf('Provisioning the product')).toHaveLength(
        faultsOn('ProvisionProduct').length,
      );
      expect(retriesOf('Reading the provisioning record')).toHaveLength(
        faultsOn('DescribeRecord').length,
      );
      expect(
        retries.length -
          retriesOf('Provisioning the product').length -
          retriesOf('Reading the provisioning record').length,
      ).toBeGreaterThanOrEqual(
        faults.length -
          faultsOn('ProvisionProduct').length -
          faultsOn('DescribeRecord').length,
      );
      expect(retries.map(r => r.lastError)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/throttled by AWS/),
          expect.stringMatching(/AWS answered InternalFailure/),
        ]),
      );
      // Exponential back-off with up to 25% jitter: base * 2^(attempt-1).
      for (const r of retries) {
        const delay = RETRY_BASE_MS * 2 ** (r.attempts - 1);
        expect(r.delayMs).toBeGreaterThanOrEqual(delay);
        expect(r.delayMs).toBeLessThanOrEqual(delay * 1.25);
      }
      const maxAttempt = Math.max(...retries.map(r => r.attempts));
      expect(maxAttempt).toBeGreaterThanOrEqual(2);
      // The timeline shows one launch per request, whatever the retries.
      for (const r of done) {
        expect(r.events.map(e => e.action)).toEqual([
          'requested',
          'provisioning',
          'succeeded',
        ]);
      }
      const ops = byOperation();
      // eslint-disable-next-line no-console
      console.log(
        `[${databaseId}] faults: 20 requests SUCCEEDED in ${rounds} rounds, ${Math.round(
          (clock.at - started) / 1000,
        )} s simulated; ${calls.length} Service Catalog calls (${
          faults.filter(f => f.fault === 'throttle').length
        } throttled, ${
          faults.filter(f => f.fault === 'server-error').length
        } server errors), ProvisionProduct ${ops.ProvisionProduct}, ${
          retries.length
        } retries up to attempt ${maxAttempt}; products 20, duplicates ${
          sandboxSide.duplicates
        }, lost ${sandboxSide.lost}`,
      );
    });

    it('repeats the launch with the same token after a crash between the AWS call and saving the record id', async () => {
      const config = executorConfig(sandbox);
      const [planned] = await seedTeamEnvironmentRequests(store, {
        prefix: `crashplan${tag}`,
        count: 1,
        pending: true,
      });
      // The planned one: plan made and approved first.
      const healthy = executorFor({ store, config, clock });
      for (let i = 0; i < 4; i++) {
        await passTime(knex, clock);
        await healthy.runOnce();
      }
      expect((await store.get(planned.id))!.plan!.status).toBe('READY');
      await store.transition({
        id: planned.id,
        from: ['PENDING_APPROVAL'],
        to: 'APPROVED',
        event: { actor: 'user:default/ada-admin', action: 'approved' },
        changes: { nextAttemptAt: clock.now() },
      });
      const [direct] = await seedTeamEnvironmentRequests(store, {
        prefix: `crash${tag}`,
        count: 1,
      });

      // This instance dies right after Service Catalog answered: nothing
      // more of its round runs (its promise never settles).
      const launched: string[] = [];
      const crashing = executorFor({
        store,
        config,
        clock,
        wrap: p =>
          Object.assign(Object.create(p), {
            provision: async (o: any) => {
              await p.provision(o);
              launched.push(`provision:${o.token}`);
              return new Promise(() => {});
            },
            executePlan: async (o: any) => {
              await p.executePlan(o);
              launched.push(`executePlan:${o.token}`);
              return new Promise(() => {});
            },
          }),
      });
      await passTime(knex, clock);
      void crashing.runOnce();
      await waitFor(() => launched.length === 2);
      expect(launched.sort()).toEqual(
        [`executePlan:${planned.id}`, `provision:${direct.id}`].sort(),
      );
      for (const id of [direct.id, planned.id]) {
        const r = (await store.get(id))!;
        expect(r.status).toBe('PROVISIONING');
        expect(r.recordId).toBeUndefined();
      }
      const recordsBefore = sandboxLaunches(sandbox, [direct.id, planned.id]);
      expect(recordsBefore.records).toHaveLength(2);

      // A new process: it finds PROVISIONING without a record id and
      // repeats the call with the same token.
      calls = [];
      const restarted = executorFor({ store, config, clock });
      const rounds = await driveToEnd(
        knex,
        clock,
        [restarted],
        [direct.id, planned.id],
      );
      const ops = byOperation();
      expect(ops.ProvisionProduct).toBe(1);
      expect(ops.ExecuteProvisionedProductPlan).toBe(1);

      for (const id of [direct.id, planned.id]) {
        const r = (await store.get(id))!;
        expect(r.status).toBe('SUCCEEDED');
        const record = recordsBefore.records.find(x => x.token === id);
        expect(r.recordId).toBe(record.id);
        expect(r.events.map(e => e.action)).toContain('provisioning');
        expect(r.events.filter(e => e.action === 'provisioning')).toHaveLength(
          1,
        );
      }
      const after = sandboxLaunches(sandbox, [direct.id, planned.id]);
      expect(after.products).toHaveLength(2);
      expect(after.records).toHaveLength(2);
      expect(after.duplicates).toBe(0);
      // eslint-disable-next-line no-console
      console.log(
        `[${databaseId}] crash: 2 launches repeated after the crash (ProvisionProduct, ExecuteProvisionedProductPlan) answered with the first records; SUCCEEDED in ${rounds} rounds; products 2, records 2, duplicates 0`,
      );
    });

    it('repeats the launch with the same token when the answer is lost (the call succeeded at AWS)', async () => {
      const config = executorConfig(sandbox);
      const requests = await seedTeamEnvironmentRequests(store, {
        prefix: `lost${tag}`,
        count: 3,
      });
      const ids = requests.map(r => r.id);
      const lostOnce = new Set(ids);
      const retries: Retry[] = [];
      const executor = executorFor({
        store,
        config,
        clock,
        retries,
        wrap: p =>
          Object.assign(Object.create(p), {
            provision: async (o: any) => {
              const result = await p.provision(o);
              if (lostOnce.delete(o.token)) {
                throw new ServiceUnavailableError(
                  'Provisioning the product failed: socket hang up',
                );
              }
              return result;
            },
          }),
      });
      const rounds = await driveToEnd(knex, clock, [executor], ids);
      const done = await statuses(store, ids);
      expect(done.map(r => r.status)).toEqual([
        'SUCCEEDED',
        'SUCCEEDED',
        'SUCCEEDED',
      ]);
      expect(byOperation().ProvisionProduct).toBe(6);
      expect(retries.map(r => [r.attempts, r.lastError])).toEqual(
        ids.map(() => [1, 'Provisioning the product failed: socket hang up']),
      );
      const side = sandboxLaunches(sandbox, ids);
      expect(side.products).toHaveLength(3);
      expect(side.records).toHaveLength(3);
      expect(side.duplicates).toBe(0);
      // eslint-disable-next-line no-console
      console.log(
        `[${databaseId}] lost answer: 3 requests, 6 ProvisionProduct calls (3 repeated with the same token), ${rounds} rounds; products 3, duplicates 0`,
      );
    });

    if (databaseId === 'POSTGRES_15') {
      it('provisions each of 20 requests once with two instances on two connection pools running rounds at the same time', async () => {
        const config = executorConfig(sandbox);
        const second = knexFactory({
          client: 'pg',
          // knex keeps the password out of sight (not enumerable): copy it by name.
          connection: {
            ...knex.client.config.connection,
            password: knex.client.config.connection.password,
          },
          pool: { min: 0, max: 5 },
        });
        try {
          const storeB = await storeOn(second);
          const requests = await seedTeamEnvironmentRequests(store, {
            prefix: `pair${tag}`,
            count: 20,
          });
          const ids = requests.map(r => r.id);
          // Some faults too, so that the two interleave at every step.
          sandbox.faults.configure({ throttleRate: 0.1, seed: 3 });
          const a = executorFor({ store, config, clock });
          const b = executorFor({ store: storeB, config, clock });
          const rounds = await driveToEnd(knex, clock, [a, b, a, b], ids);

          const done = await statuses(store, ids);
          expect(done.map(r => r.status)).toEqual(ids.map(() => 'SUCCEEDED'));
          for (const r of done) {
            expect(
              r.events.filter(e => e.action === 'provisioning'),
            ).toHaveLength(1);
            expect(r.events.filter(e => e.action === 'succeeded')).toHaveLength(
              1,
            );
          }
          const side = sandboxLaunches(sandbox, ids);
          expect(side.products).toHaveLength(20);
          expect(side.duplicates).toBe(0);
          expect(side.lost).toBe(0);
          for (const id of ids) {
            expect(side.recordsByRequest.get(id)).toBe(1);
          }
          const ops = byOperation();
          // eslint-disable-next-line no-console
          console.log(
            `[${databaseId}] two instances: 20 requests SUCCEEDED in ${rounds} rounds of 4 concurrent runOnce; ProvisionProduct calls ${ops.ProvisionProduct} (same token when repeated), products 20, duplicates 0, lost 0`,
          );
        } finally {
          await second.destroy();
        }
      });
    }

    it('fails a request Service Catalog refuses, with the error and without retrying', async () => {
      const config = executorConfig(sandbox);
      const [request] = await seedTeamEnvironmentRequests(store, {
        prefix: `bad${tag}`,
        count: 1,
        parameters: { NotAParameter: 'x' },
      });
      const retries: Retry[] = [];
      const executor = executorFor({ store, config, clock, retries });
      await driveToEnd(knex, clock, [executor], [request.id], 5);

      const failed = (await store.get(request.id))!;
      expect(failed.status).toBe('FAILED');
      expect(failed.recordErrors).toEqual([
        {
          code: 'REFUSED',
          description: expect.stringMatching(/NotAParameter/),
        },
      ]);
      expect(retries).toEqual([]);
      expect(failed.attempts).toBe(0);
      expect(byOperation().ProvisionProduct).toBe(1);
      expect(failed.events.map(e => e.action)).toEqual([
        'requested',
        'provisioning',
        'failed',
      ]);
      expect(sandboxLaunches(sandbox, [request.id]).products).toHaveLength(0);
    });

    it('gives up with RETRIES_EXHAUSTED after maxAttempts transient failures, doubling the wait each time', async () => {
      const config = executorConfig(sandbox, { maxAttempts: 4 });
      const [request] = await seedTeamEnvironmentRequests(store, {
        prefix: `tired${tag}`,
        count: 1,
      });
      sandbox.faults.configure({
        operations: { 'servicecatalog:ProvisionProduct': { throttleRate: 1 } },
      });
      const retries: Retry[] = [];
      const executor = executorFor({ store, config, clock, retries });
      await driveToEnd(knex, clock, [executor], [request.id], 10);

      const failed = (await store.get(request.id))!;
      expect(failed.status).toBe('FAILED');
      expect(failed.recordErrors).toEqual([
        {
          code: 'RETRIES_EXHAUSTED',
          description: expect.stringMatching(/throttled by AWS/),
        },
      ]);
      expect(byOperation().ProvisionProduct).toBe(4);
      expect(retries.map(r => r.attempts)).toEqual([1, 2, 3]);
      const delays = retries.map(r => r.delayMs);
      expect(delays[1]).toBeGreaterThan(delays[0]);
      expect(delays[2]).toBeGreaterThan(delays[1]);
      expect(failed.events.at(-1)).toMatchObject({
        action: 'failed',
        comment: expect.stringMatching(/gave up after 4 attempts/),
      });
      expect(sandboxLaunches(sandbox, [request.id]).products).toHaveLength(0);
    });
  },
);

async function waitFor(condition: () => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 20));
  }
}

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
 * Two real backend processes on one PostgreSQL database, the provisioning
 * task scheduled by Backstage's scheduler with scope 'global'. One of them is
 * killed with SIGKILL while its round has Service Catalog calls in flight
 * (the sandbox adds latency to the launch calls, and still completes a call
 * whose caller died: AWS did the work, the record id was never saved). The
 * other one keeps running, and a third process is started as the restart of
 * the killed one. Every request must end SUCCEEDED with exactly one
 * provisioned product.
 *
 * A killed instance holds the scheduler's global lock until the task's
 * timeout has passed and a janitor (every minute, and at every backend start)
 * clears it. The plugin's timeout is 5 minutes; the processes here shorten it
 * to 15 s (STUDIO_TASK_TIMEOUT_SECONDS) so that the test runs in test time.
 */

import { seedPlatform, startSandbox, Sandbox } from '@internal/aws-sandbox';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DatabaseRequestStore } from '../requests/DatabaseRequestStore';
import {
  sandboxLaunches,
  seedTeamEnvironmentRequests,
  storeOn,
  TEAM_ENVIRONMENT_PRODUCT,
  TEMPLATES_DIR,
} from './__testUtils__/provisioningFixtures';

jest.setTimeout(170_000);

const CONNECTION_STRING =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const REQUESTS = 20;
const LAUNCH_LATENCY_MS = 1200;
/** Kill when this many launch calls have reached the sandbox (the last one still in flight). */
const KILL_AT_LAUNCH = 6;
const TASK_TIMEOUT_SECONDS = 15;
const FINISH_WITHIN_MS = 90_000;
const TASK_ID = 'sagemaker-studio:provisioning';

/** The CI's PostgreSQL server, from its connection string. */
function serverConnection() {
  const url = new URL(CONNECTION_STRING!);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

if (!CONNECTION_STRING) {
  // eslint-disable-next-line no-console
  console.warn(
    'twoBackends.test.ts skipped: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (CI does) to run two backends on one PostgreSQL',
  );
}
const describeWithPostgres = CONNECTION_STRING ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** One backend process and what it printed. */
class BackendProcess {
  readonly child: ChildProcess;
  readonly output: string[] = [];
  rounds = 0;
  inRound = false;
  exited = false;

  constructor(readonly name: string, config: object) {
    this.child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.resolve(__dirname, '__testUtils__/backendProcess.ts'),
      ],
      {
        cwd: path.resolve(__dirname, '../..'),
        env: {
          ...process.env,
          // Not 'test': the scheduler's janitor, which frees the lock of a
          // dead instance, only runs outside tests.
          NODE_ENV: 'production',
          STUDIO_BACKEND_CONFIG: JSON.stringify(config),
          STUDIO_TASK_TIMEOUT_SECONDS: String(TASK_TIMEOUT_SECONDS),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        this.output.push(line);
        if (line.startsWith('ROUND start')) {
          this.inRound = true;
          this.rounds++;
        } else if (line.startsWith('ROUND end')) {
          this.inRound = false;
        }
      }
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
    this.child.once('exit', () => {
      this.exited = true;
      this.inRound = false;
    });
  }

  kill(signal: NodeJS.Signals) {
    if (!this.exited) this.child.kill(signal);
  }

  async stop() {
    if (this.exited) return;
    const exited = new Promise(r => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  tail(lines = 30) {
    return `--- ${this.name} (pid ${this.child.pid}) ---\n${this.output
      .slice(-lines)
      .join('\n')}`;
  }
}

describeWithPostgres('provisioning with two backends on one PostgreSQL', () => {
  let sandbox: Sandbox;
  let admin: Knex;
  let knex: Knex;
  let store: DatabaseRequestStore;
  const databaseName = `sm_two_backends_${randomBytes(6).toString('hex')}`;
  const processes: BackendProcess[] = [];
  const launches: number[] = [];
  const calls: Record<string, number> = {};
  let onLaunch: (() => void) | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      delayMs: 0,
      detectiveControl: false,
      faults: {
        operations: {
          'servicecatalog:ProvisionProduct': { latencyMs: LAUNCH_LATENCY_MS },
          'servicecatalog:ExecuteProvisionedProductPlan': {
            latencyMs: LAUNCH_LATENCY_MS,
          },
        },
      },
    });
    await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
    const decide = sandbox.faults.decide.bind(sandbox.faults);
    sandbox.faults.decide = (service, operation) => {
      calls[operation] = (calls[operation] ?? 0) + 1;
      if (operation === 'ProvisionProduct') {
        launches.push(Date.now());
        onLaunch?.();
      }
      return decide(service, operation);
    };

    const connection = serverConnection();
    admin = knexFactory({
      client: 'pg',
      connection: { ...connection, database: 'postgres' },
      pool: { min: 0, max: 1 },
    });
    await admin.raw('CREATE DATABASE ??', [databaseName]);
    knex = knexFactory({
      client: 'pg',
      connection: { ...connection, database: databaseName },
      pool: { min: 0, max: 4 },
    });
    store = await storeOn(knex);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map(p => p.stop()));
    await knex?.destroy();
    await admin
      ?.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [databaseName])
      .catch(() => {});
    await admin?.destroy();
    await sandbox?.close();
  });

  function backendConfig(port: number) {
    return {
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: {
          client: 'pg',
          connection: serverConnection(),
          // Every process, and this test, on the same database.
          plugin: {
            'sagemaker-studio': { connection: { database: databaseName } },
          },
        },
      },
      sageMakerStudio: {
        region: sandbox.settings.region,
        accountId: sandbox.settings.accountId,
        endpoint: sandbox.url,
        adminGroup: 'group:default/data-science-admins',
        products: {
          teamEnvironment: {
            productName: TEAM_ENVIRONMENT_PRODUCT,
            requiresApproval: true,
          },
        },
        platformParameters: { SharedServicesName: 'ds-shared' },
        provisioning: { frequencySeconds: 1, maxAttempts: 8 },
      },
      aws: {
        accounts: [
          {
            accountId: sandbox.settings.accountId,
            accessKeyId: 'sandbox',
            secretAccessKey: 'sandbox',
          },
        ],
      },
    };
  }

  async function start(name: string) {
    const p = new BackendProcess(name, backendConfig(await freePort()));
    processes.push(p);
    return p;
  }

  async function requestRows() {
    return knex('sagemaker_studio_requests')
      .select('id', 'status', 'record_id')
      .orderBy('id');
  }

  it('provisions every request exactly once when the instance running the round is killed mid-flight, and recovers with the survivor and a restarted process', async () => {
    const requests = await seedTeamEnvironmentRequests(store, {
      prefix: 'kill',
      envType: 'twob',
      count: REQUESTS,
    });
    const ids = requests.map(r => r.id);
    const startedAt = Date.now();

    // Kill the instance whose round is running, right as its launch call
    // number KILL_AT_LAUNCH reaches Service Catalog (so that call, at least,
    // is in flight: the sandbox completes it after a delay).
    let victim: BackendProcess | undefined;
    const killed = new Promise<void>(resolve => {
      onLaunch = () => {
        if (launches.length !== KILL_AT_LAUNCH) return;
        victim = processes.find(p => p.inRound);
        victim?.kill('SIGKILL');
        resolve();
      };
    });
    const a = await start('backend-a');
    const b = await start('backend-b');
    try {
      await Promise.race([
        killed,
        waitFor('the first launches', () => a.exited || b.exited, 60_000),
      ]);
      expect(victim).toBeDefined();
      const killedAt = Date.now();
      const survivor = victim === a ? b : a;
      await waitFor('the killed process to exit', () => victim!.exited, 5000);

      // What the killed instance left: launches Service Catalog received
      // whose record id it never saved.
      await new Promise(r => setTimeout(r, LAUNCH_LATENCY_MS + 500));
      const atKill = await requestRows();
      const sandboxAtKill = sandboxLaunches(sandbox, ids);
      const orphaned = atKill.filter(
        r => !r.record_id && sandboxAtKill.recordsByRequest.has(r.id),
      );
      const claimedWithoutCall = atKill.filter(
        r =>
          r.status === 'PROVISIONING' &&
          !r.record_id &&
          !sandboxAtKill.recordsByRequest.has(r.id),
      );
      expect(orphaned.length).toBeGreaterThanOrEqual(1);
      const launchesAtKill = launches.length;
      // Launch calls from the instance we keep are impossible before the
      // lock times out: these all came from the killed round.
      const victimLaunches = launchesAtKill;

      // The lock of the killed round runs out; a restarted process's
      // janitor (at its start) or the survivor's (every minute) frees it.
      await waitFor(
        'the killed round to time out',
        async () => {
          const row = await knex('backstage_backend_tasks__tasks')
            .where({ id: TASK_ID })
            .select(
              'current_run_ticket',
              knex.raw('current_run_expires_at < now() as expired'),
            )
            .first();
          return !row?.current_run_ticket || row.expired;
        },
        TASK_TIMEOUT_SECONDS * 1000 + 10_000,
      );
      const restarted = await start('backend-restarted');
      const restartedAt = Date.now();

      const done = await waitFor(
        'every request to be final',
        async () => {
          const rows = await requestRows();
          return rows.every(r => ['SUCCEEDED', 'FAILED'].includes(r.status))
            ? rows
            : undefined;
        },
        FINISH_WITHIN_MS,
      );
      const finishedAt = Date.now();

      expect(done.map(r => r.status)).toEqual(ids.map(() => 'SUCCEEDED'));
      const final = sandboxLaunches(sandbox, ids);
      expect(final.products).toHaveLength(REQUESTS);
      expect(final.duplicates).toBe(0);
      expect(final.lost).toBe(0);
      for (const id of ids) {
        // One Service Catalog record per request, and it is the one saved.
        expect(final.recordsByRequest.get(id)).toBe(1);
        const row = done.find(r => r.id === id)!;
        expect(row.record_id).toBe(final.records.find(r => r.token === id).id);
      }
      for (const r of await Promise.all(ids.map(id => store.get(id)))) {
        expect(r!.events.filter(e => e.action === 'provisioning')).toHaveLength(
          1,
        );
        expect(r!.events.filter(e => e.action === 'succeeded')).toHaveLength(1);
      }
      expect(survivor.exited).toBe(false);
      expect(restarted.exited).toBe(false);
      expect(survivor.rounds + restarted.rounds).toBeGreaterThan(0);

      // eslint-disable-next-line no-console
      console.log(
        [
          `two backends on PostgreSQL (${databaseName}), ${REQUESTS} APPROVED requests, launch latency ${LAUNCH_LATENCY_MS} ms, task timeout ${TASK_TIMEOUT_SECONDS} s`,
          `killed ${victim!.name} (SIGKILL) ${Math.round(
            (killedAt - startedAt) / 1000,
          )} s after the start, during its round ${
            victim!.rounds
          } as launch call ${KILL_AT_LAUNCH} reached Service Catalog (${victimLaunches} launch calls of its round arrived in all): ${
            orphaned.length
          } launches done by Service Catalog but never saved, ${
            claimedWithoutCall.length
          } claimed but not yet sent`,
          `restarted process started ${Math.round(
            (restartedAt - killedAt) / 1000,
          )} s after the kill (once the killed round's lock had timed out); all ${REQUESTS} SUCCEEDED ${Math.round(
            (finishedAt - killedAt) / 1000,
          )} s after the kill, ${Math.round(
            (finishedAt - startedAt) / 1000,
          )} s in all`,
          `killed round's lock freed by the janitor of ${
            processes
              .filter(p => p.output.some(l => /timed out and was lost/.test(l)))
              .map(p => p.name)
              .join(', ') || 'nobody (released)'
          }`,
          `rounds: ${processes.map(p => `${p.name} ${p.rounds}`).join(', ')}`,
          `Service Catalog calls: ${Object.entries(calls)
            .map(([op, n]) => `${op} ${n}`)
            .join(', ')}`,
          `provisioned products ${final.products.length}, records ${final.records.length}, duplicates ${final.duplicates}, lost ${final.lost}`,
        ].join('\n'),
      );
    } catch (error) {
      // eslint-disable-next-line no-console
      console.log(processes.map(p => p.tail()).join('\n'));
      throw error;
    }
  });
});

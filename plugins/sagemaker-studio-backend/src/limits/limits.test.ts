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

import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { seedPlatform, startSandbox, Sandbox } from '@internal/aws-sandbox';
import path from 'node:path';
import {
  api,
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from '../__testUtils__/studioTestBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, {
    templatesDir: path.resolve(__dirname, '../../../../cloudformation'),
  });
}, 60_000);
afterAll(() => sandbox?.close());

describe.each(databases.eachSupportedId())(
  'abuse limits on %p',
  (databaseId: TestDatabaseId) => {
    let backend: StudioTestBackend;
    beforeAll(async () => {
      backend = await startStudioBackend({
        knex: await databases.init(databaseId),
        sandbox,
        settings: {
          limits: { requestsPerMinute: 3, pendingRequestsPerUser: 2 },
        },
      });
    });
    afterAll(() => backend.stop());

    const teamEnvironment = (env: string, key: string) => ({
      product: 'teamEnvironment',
      teamName: 'fraud-detection',
      parameters: { EnvType: env },
      idempotencyKey: key,
    });

    it('caps the requests waiting for review per person with a 409 that says how to get on', async () => {
      const client = api(backend.server);
      expect(
        (await client.create(PEOPLE.frank, teamEnvironment('test', 'a')))
          .status,
      ).toBe(201);
      expect(
        (await client.create(PEOPLE.frank, teamEnvironment('prod', 'b')))
          .status,
      ).toBe(201);
      const third = await client.create(
        PEOPLE.frank,
        teamEnvironment('dev', 'c'),
      );
      expect(third.status).toBe(409);
      expect(third.body.error.message).toMatch(
        /2 requests waiting for review.*cancel one/,
      );
    });

    it('answers 429 with Retry-After beyond the per-minute limit, per person', async () => {
      const client = api(backend.server);
      // frank has used 3 creates in the previous test (the refused one counts too).
      const refused = await client.create(
        PEOPLE.frank,
        teamEnvironment('dev', 'd'),
      );
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.error.message).toMatch(/at most 3 per 60 s/);
      // Another person is not affected.
      const other = await client.create(PEOPLE.dana, {
        ...teamEnvironment('test', 'e'),
        idempotencyKey: 'dana-e',
      });
      expect(other.status).not.toBe(429);
    });

    it('refuses a body over 32 kB with 413 and stores nothing', async () => {
      const client = api(backend.server);
      const big = await client.create(PEOPLE.sam, {
        product: 'teamEnvironment',
        teamName: 'recommendations',
        parameters: { EnvType: 'x'.repeat(40_000) },
        idempotencyKey: 'big',
      });
      expect(big.status).toBe(413);
      const mine = await client.list(PEOPLE.sam);
      expect(mine.body.items).toEqual([]);
    });
  },
);

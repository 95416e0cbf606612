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
import {
  seedDemoEstate,
  seedPlatform,
  startSandbox,
  Sandbox,
} from '@internal/aws-sandbox';
import path from 'node:path';
import {
  api,
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from './__testUtils__/studioTestBackend';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const TEMPLATES = path.resolve(__dirname, '../../../cloudformation');

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES });
  await seedDemoEstate(sandbox);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

/** Rounds of the scheduler, with the time between them passed (every wait is over). */
async function drive(backend: StudioTestBackend, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await backend.passTime();
    await backend.scheduler.run();
  }
}

describe.each(databases.eachSupportedId())(
  'provisioning through the API on %p',
  (databaseId: TestDatabaseId) => {
    let backend: StudioTestBackend;

    beforeEach(async () => {
      backend = await startStudioBackend({
        knex: await databases.init(databaseId),
        sandbox,
        // New profiles start on v1 so that the upgrade to v2 can be shown.
        products: { userProfile: { requiresApproval: false, version: 'v1' } },
      });
    });
    afterEach(() => backend.stop());

    it('makes a plan, waits for an admin, provisions once approved and tracks the record to SUCCEEDED', async () => {
      const client = api(backend.server);
      const created = await client.create(PEOPLE.sam, {
        product: 'teamEnvironment',
        teamName: 'recommendations',
        parameters: { EnvType: 'test' },
        idempotencyKey: `sam-env-${databaseId}`,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'PENDING_APPROVAL',
        operation: 'provision',
        teamName: 'recommendations',
        productName: 'Data science team environment',
        provisionedProductName: 'team-recommendations-test',
        entityRef: 'resource:default/recommendations-test-team-environment',
        plan: { status: 'CREATING', resourceChanges: [] },
        parameters: {
          TeamName: 'recommendations',
          EnvType: 'test',
          SharedServicesName: 'ds-shared',
        },
      });
      const id = created.body.id;

      const early = await client.review(PEOPLE.ada, id, {
        decision: 'approve',
      });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/still making the plan/);

      await drive(backend, 2);
      const planned = await client.get(PEOPLE.sam, id);
      expect(planned.body.plan.status).toBe('READY');
      expect(planned.body.plan.resourceChanges.length).toBeGreaterThan(3);
      expect(planned.body.plan.resourceChanges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'ADD',
            resourceType: 'AWS::KMS::Key',
          }),
        ]),
      );
      expect(
        backend.notifications.some(
          n =>
            n.recipients.entityRef.includes(
              'group:default/data-science-admins',
            ) && /waits for review/.test(n.payload.title),
        ),
      ).toBe(true);

      const approved = await client.review(PEOPLE.ada, id, {
        decision: 'approve',
        comment: 'ok for the test environment',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('APPROVED');

      await drive(backend);
      const done = await client.get(PEOPLE.sam, id);
      expect(done.body).toMatchObject({
        status: 'SUCCEEDED',
        entityRef: 'resource:default/recommendations-test-team-environment',
      });
      expect(done.body.provisionedProductId).toMatch(/^pp-/);
      expect(done.body.recordId).toBeDefined();
      expect(done.body.outputs).toEqual(expect.objectContaining({}));
      expect(done.body.events.map((e: any) => e.action)).toEqual([
        'requested',
        'plan-ready',
        'approved',
        'provisioning',
        'succeeded',
      ]);

      const search = await sandbox.invoke(
        'servicecatalog',
        'SearchProvisionedProducts',
        { Filters: { SearchQuery: ['name:team-recommendations-test'] } },
      );
      expect(search.ProvisionedProducts).toHaveLength(1);

      // Clean up so the next database's run provisions it again.
      const offboard = await client.create(PEOPLE.sam, {
        product: 'teamEnvironment',
        operation: 'terminate',
        provisionedProductId: done.body.provisionedProductId,
        idempotencyKey: `sam-env-off-${databaseId}`,
      });
      expect(offboard.status).toBe(201);
      await client.review(PEOPLE.grace, offboard.body.id, {
        decision: 'approve',
      });
      await drive(backend);
      expect((await client.get(PEOPLE.sam, offboard.body.id)).body.status).toBe(
        'SUCCEEDED',
      );
    });

    it('provisions, upgrades and offboards a user profile without approval', async () => {
      const client = api(backend.server);
      const created = await client.create(PEOPLE.dana, {
        product: 'userProfile',
        teamName: 'fraud-detection',
        parameters: {},
        idempotencyKey: `dana-profile-${databaseId}`,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'APPROVED',
        parameters: {
          StudioUserProfileName: 'dana-scientist',
          TeamName: 'fraud-detection',
          OwnerEmail: 'dana-scientist@example.com',
        },
      });
      await drive(backend);
      const done = (await client.get(PEOPLE.dana, created.body.id)).body;
      expect(done.status).toBe('SUCCEEDED');
      expect(done.entityRef).toBe(
        'resource:default/dana-scientist-user-profile',
      );

      const upgrade = await client.create(PEOPLE.dana, {
        product: 'userProfile',
        operation: 'update',
        provisionedProductId: done.provisionedProductId,
        idempotencyKey: `dana-upgrade-${databaseId}`,
      });
      expect(upgrade.status).toBe(201);
      await drive(backend);
      const upgraded = (await client.get(PEOPLE.dana, upgrade.body.id)).body;
      expect(upgraded).toMatchObject({
        status: 'SUCCEEDED',
        productVersion: 'v2',
      });

      const offboard = await client.create(PEOPLE.dana, {
        product: 'userProfile',
        operation: 'terminate',
        provisionedProductId: done.provisionedProductId,
        idempotencyKey: `dana-off-${databaseId}`,
      });
      expect(offboard.status).toBe(201);
      await drive(backend);
      expect(
        (await client.get(PEOPLE.dana, offboard.body.id)).body.status,
      ).toBe('SUCCEEDED');
    });
  },
);

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
import { DatabaseRequestStore } from './DatabaseRequestStore';

// CI sets SAGEMAKER_STUDIO_REQUIRE_POSTGRES so a missing PostgreSQL fails
// loudly instead of silently shrinking the matrix to SQLite.
const ids: TestDatabaseId[] = ['SQLITE_3', 'POSTGRES_15'];
const databases = TestDatabases.create({ ids });

describe('DatabaseRequestStore', () => {
  it('runs against PostgreSQL when CI asks for it', () => {
    const required = process.env.SAGEMAKER_STUDIO_REQUIRE_POSTGRES
      ? [['SQLITE_3'], ['POSTGRES_15']]
      : [['SQLITE_3']];
    expect(databases.eachSupportedId()).toEqual(
      expect.arrayContaining(required),
    );
  });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return DatabaseRequestStore.create({
      database: { getClient: async () => knex },
    });
  }

  const newRequest = {
    product: 'userProfile' as const,
    operation: 'provision' as const,
    teamName: 'fraud-detection',
    parameters: { StudioUserProfileName: 'dana', TeamName: 'fraud-detection' },
    requestedBy: 'user:default/dana',
    idempotencyKey: 'task-1:step-1',
    payloadHash: 'hash-1',
    status: 'PENDING_APPROVAL' as const,
    productName: 'Studio user profile',
    productVersion: 'v2',
    provisionedProductName: 'profile-fraud-detection-dana',
    due: false,
  };

  it.each(databases.eachSupportedId())(
    'creates a request once per idempotency key, and refuses the key with another payload, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = await store.create(newRequest);
      const again = await store.create(newRequest);

      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.request.id).toBe(first.request.id);
      expect(first.request).toMatchObject({
        product: 'userProfile',
        operation: 'provision',
        teamName: 'fraud-detection',
        parameters: newRequest.parameters,
        status: 'PENDING_APPROVAL',
        productVersion: 'v2',
        events: [
          {
            actor: 'user:default/dana',
            action: 'requested',
            status: 'PENDING_APPROVAL',
          },
        ],
      });
      await expect(
        store.create({ ...newRequest, payloadHash: 'hash-2' }),
      ).rejects.toThrow(/idempotencyKey: already used for request/);
      expect((await store.list({})).items).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'moves a request only from the expected state and audits it, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const { request } = await store.create(newRequest);

      const approved = await store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        to: 'APPROVED',
        event: {
          actor: 'user:default/ada',
          action: 'approved',
          comment: 'profile for the new hire',
        },
        changes: { nextAttemptAt: new Date() },
      });
      const approvedTwice = await store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        to: 'APPROVED',
        event: { actor: 'user:default/other-admin', action: 'approved' },
      });

      expect(approved?.status).toBe('APPROVED');
      expect(approved?.events.map(e => [e.actor, e.action, e.comment])).toEqual(
        [
          ['user:default/dana', 'requested', undefined],
          ['user:default/ada', 'approved', 'profile for the new hire'],
        ],
      );
      expect(approvedTwice).toBeUndefined();
      await expect(
        store.transition({ id: request.id, from: ['APPROVED'], to: 'FAILED' }),
      ).rejects.toThrow(/timeline entry/);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps plan, record, errors and outputs, and lists what is due, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const { request } = await store.create({ ...newRequest, due: true });
      const now = new Date();
      expect((await store.listDue({ now, limit: 10 })).map(r => r.id)).toEqual([
        request.id,
      ]);

      const changed = await store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        changes: {
          plan: {
            planId: 'pp-plan',
            status: 'READY',
            resourceChanges: [
              {
                action: 'ADD',
                logicalResourceId: 'UserProfile',
                resourceType: 'AWS::SageMaker::UserProfile',
                replacement: 'False',
              },
            ],
          },
          recordId: 'rec-1',
          provisionedProductId: 'pp-1',
          recordErrors: [{ code: 'CREATE_FAILED', description: 'nope' }],
          outputs: { UserProfileArn: 'arn' },
          entityRef: 'resource:default/dana-user-profile',
          attempts: 2,
          lastError: 'throttled',
          nextAttemptAt: null,
        },
      });
      expect(changed).toMatchObject({
        plan: { planId: 'pp-plan', status: 'READY' },
        recordId: 'rec-1',
        provisionedProductId: 'pp-1',
        recordErrors: [{ code: 'CREATE_FAILED', description: 'nope' }],
        outputs: { UserProfileArn: 'arn' },
        entityRef: 'resource:default/dana-user-profile',
        attempts: 2,
        lastError: 'throttled',
      });
      expect(changed?.events).toHaveLength(1);
      expect(await store.listDue({ now, limit: 10 })).toEqual([]);
      expect(
        (await store.listActiveFor({ provisionedProductId: 'pp-1' })).map(
          r => r.id,
        ),
      ).toEqual([request.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages with a cursor without losing or repeating a request, filtered by person and status, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const created: string[] = [];
      for (let i = 0; i < 7; i++) {
        const { request } = await store.create({
          ...newRequest,
          requestedBy: i % 2 ? 'user:default/sam' : 'user:default/dana',
          idempotencyKey: `key-${i}`,
        });
        created.push(request.id);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ limit: 3, cursor });
        seen.push(...page.items.map(r => r.id));
        cursor = page.nextCursor;
        if (seen.length === 3) {
          // A status change between pages shifts nothing.
          await store.transition({
            id: seen[0],
            from: ['PENDING_APPROVAL'],
            to: 'CANCELLED',
            event: { actor: 'user:default/dana', action: 'cancelled' },
          });
        }
      } while (cursor);
      expect([...seen].sort()).toEqual([...created].sort());

      expect(
        (await store.list({ involving: 'user:default/sam' })).items.map(
          r => r.requestedBy,
        ),
      ).toEqual(['user:default/sam', 'user:default/sam', 'user:default/sam']);
      expect(
        (await store.list({ status: 'CANCELLED' })).items.map(r => r.id),
      ).toEqual([seen[0]]);
      await expect(store.list({ cursor: 'not-a-cursor' })).rejects.toThrow(
        /cursor: not a cursor/,
      );
      expect(
        await store.get('00000000-0000-4000-8000-000000000000'),
      ).toBeUndefined();
    },
  );
});

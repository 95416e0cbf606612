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
    teamName: 'fraud-detection',
    parameters: { StudioUserProfileName: 'dana', TeamName: 'fraud-detection' },
    requestedBy: 'user:default/dana',
    idempotencyKey: 'task-1:step-1',
    status: 'PENDING_APPROVAL' as const,
  };

  it.each(databases.eachSupportedId())(
    'creates a request once per idempotency key, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = await store.create(newRequest);
      const again = await store.create(newRequest);

      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.request.id).toBe(first.request.id);
      expect(first.request).toMatchObject({
        product: 'userProfile',
        teamName: 'fraud-detection',
        parameters: newRequest.parameters,
        status: 'PENDING_APPROVAL',
        events: [
          {
            actor: 'user:default/dana',
            action: 'requested',
            status: 'PENDING_APPROVAL',
          },
        ],
      });
      expect(await store.list({})).toHaveLength(1);
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
        actor: 'user:default/ada',
        action: 'approved',
        comment: 'profile for the new hire',
      });
      const approvedTwice = await store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        to: 'APPROVED',
        actor: 'user:default/other-admin',
        action: 'approved',
      });

      expect(approved?.status).toBe('APPROVED');
      expect(approved?.events.map(e => [e.actor, e.action, e.comment])).toEqual(
        [
          ['user:default/dana', 'requested', undefined],
          ['user:default/ada', 'approved', 'profile for the new hire'],
        ],
      );
      expect(approvedTwice).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'filters the list by requester and status, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.create(newRequest);
      await store.create({
        ...newRequest,
        requestedBy: 'user:default/sam',
        idempotencyKey: 'task-2:step-1',
        status: 'PROVISIONING',
      });

      expect(
        (await store.list({ requestedBy: 'user:default/sam' })).map(
          r => r.requestedBy,
        ),
      ).toEqual(['user:default/sam']);
      expect(
        (await store.list({ status: 'PENDING_APPROVAL' })).map(r => r.status),
      ).toEqual(['PENDING_APPROVAL']);
      expect(await store.get('no-such-id')).toBeUndefined();
    },
  );
});

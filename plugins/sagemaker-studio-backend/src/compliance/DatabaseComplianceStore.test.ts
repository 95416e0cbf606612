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
import { InputError } from '@backstage/errors';
import { ComplianceFinding } from '@internal/plugin-sagemaker-studio-common';
import { SweptResource } from '@internal/plugin-sagemaker-studio-node';
import { DatabaseComplianceStore, dayOf } from './DatabaseComplianceStore';

// The store on its own, on SQLite and PostgreSQL: what a sweep writes, what
// the routes read, and the permission filter as SQL.

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const TARGET = `${ACCOUNT}/${REGION}`;
const NOW = new Date('2026-12-01T10:00:00.000Z');

function failed(
  ruleId: string,
  severity: ComplianceFinding['severity'] = 'HIGH',
): ComplianceFinding {
  return {
    ruleId,
    title: `${ruleId} title`,
    severity,
    status: 'FAILED',
    reason: `${ruleId} failed`,
    resourceKind: 'TrainingJob',
    resourceName: 'x',
  };
}

function job(
  name: string,
  options: Partial<SweptResource> & { rules?: ComplianceFinding[] } = {},
): SweptResource {
  const { rules = [], ...rest } = options;
  return {
    kind: 'TrainingJob',
    name,
    arn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/${name}`,
    accountId: ACCOUNT,
    region: REGION,
    status: 'InProgress',
    active: true,
    failed: rules,
    ...rest,
  };
}

async function createStore(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  return DatabaseComplianceStore.create({
    database: { getClient: async () => knex },
  });
}

async function sweep(
  store: DatabaseComplianceStore,
  resources: SweptResource[],
  now = NOW,
) {
  const sweepId = await store.startSweep(now);
  await store.recordResources({ sweepId, targetKey: TARGET, now, resources });
  await store.resolveUnseen({ sweepId, targetKey: TARGET, now });
  await store.writeHistory(dayOf(now));
  await store.finishSweep({
    id: sweepId,
    now,
    status: 'succeeded',
    failedTargets: [],
  });
  return sweepId;
}

describe.each(databases.eachSupportedId())(
  'DatabaseComplianceStore on %p',
  databaseId => {
    it('keeps the latest state of a finding: one row per resource and rule, refreshed and reopened', async () => {
      const store = await createStore(databaseId);
      await sweep(store, [
        job('a', { team: 'fraud', rules: [failed('VPC', 'CRITICAL')] }),
      ]);
      const later = new Date(NOW.getTime() + 3_600_000);
      await sweep(
        store,
        [
          job('a', {
            team: 'fraud',
            rules: [{ ...failed('VPC', 'CRITICAL'), reason: 'still no VPC' }],
          }),
        ],
        later,
      );
      const { items } = await store.listFindings({});
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        ruleId: 'VPC',
        state: 'OPEN',
        team: 'fraud',
        explanation: 'still no VPC',
        firstSeenAt: NOW.toISOString(),
        lastSeenAt: later.toISOString(),
        resource: { kind: 'TrainingJob', name: 'a', status: 'InProgress' },
      });
    });

    it('resolves a finding whose resource stopped, and one the sweep no longer found true', async () => {
      const store = await createStore(databaseId);
      await sweep(store, [
        job('stopped', { team: 'fraud', rules: [failed('VPC')] }),
        job('fixed', { team: 'fraud', rules: [failed('KMS')] }),
      ]);
      const later = new Date(NOW.getTime() + 60_000);
      await sweep(
        store,
        [
          job('stopped', { status: 'Stopped', active: false }),
          job('fixed', { team: 'fraud' }),
        ],
        later,
      );
      const { items } = await store.listFindings({ state: 'RESOLVED' });
      expect(
        items.map(f => [f.resource.name, f.resource.status, f.resolvedAt]),
      ).toEqual(
        expect.arrayContaining([
          ['stopped', 'Stopped', later.toISOString()],
          ['fixed', 'InProgress', later.toISOString()],
        ]),
      );
      expect((await store.listFindings({ state: 'OPEN' })).items).toEqual([]);
    });

    it('writes a daily history and scores the latest day', async () => {
      const store = await createStore(databaseId);
      const sweepId = await sweep(store, [
        job('a', { team: 'fraud', rules: [failed('VPC', 'CRITICAL')] }),
        job('b', { team: 'fraud', rules: [failed('KMS', 'MEDIUM')] }),
      ]);
      await store.writeResourceCounts({
        day: dayOf(NOW),
        targetKey: TARGET,
        counts: [
          {
            team: 'fraud',
            accountId: ACCOUNT,
            region: REGION,
            evaluated: 4,
            compliant: 2,
          },
        ],
      });
      const nextDay = new Date(NOW.getTime() + 86_400_000);
      await sweep(
        store,
        [job('a', { team: 'fraud', rules: [failed('VPC', 'CRITICAL')] })],
        nextDay,
      );
      const history = await store.history(
        { team: 'fraud' },
        { now: nextDay, days: 2 },
      );
      expect(history).toEqual([
        expect.objectContaining({
          day: dayOf(NOW),
          openBySeverity: { CRITICAL: 1, HIGH: 0, MEDIUM: 1, LOW: 0 },
          score: 50,
        }),
        expect.objectContaining({
          day: dayOf(nextDay),
          openBySeverity: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0 },
          resolved: 1,
          score: null,
        }),
      ]);
      expect(sweepId).toMatch(/^[0-9a-f-]{36}$/);
      const summary = await store.summary({ team: 'fraud' });
      expect(summary.openBySeverity.CRITICAL).toBe(1);
      expect(summary.lastSweep).toMatchObject({ status: 'succeeded' });
    });

    it('translates HAS_TEAM criteria (allOf, anyOf, not) into SQL on the team', async () => {
      const store = await createStore(databaseId);
      await sweep(store, [
        job('f', { team: 'fraud', rules: [failed('VPC')] }),
        job('r', { team: 'recs', rules: [failed('VPC')] }),
        job('n', { rules: [failed('VPC')] }),
      ]);
      const names = async (access: any) =>
        (await store.listFindings({ access })).items
          .map(f => f.resource.name)
          .sort();
      expect(await names({ teams: ['fraud'] })).toEqual(['f']);
      expect(await names({ teams: [] })).toEqual([]);
      expect(
        await names({ anyOf: [{ teams: ['fraud'] }, { teams: ['recs'] }] }),
      ).toEqual(['f', 'r']);
      expect(
        await names({
          allOf: [{ teams: ['fraud', 'recs'] }, { teams: ['recs'] }],
        }),
      ).toEqual(['r']);
      // NOT team IN (...): SQL leaves out NULL teams as well.
      expect(await names({ not: { teams: ['fraud'] } })).toEqual(['r']);
      expect(
        await names({
          allOf: [
            { anyOf: [{ teams: ['fraud'] }, { teams: ['recs'] }] },
            { not: { teams: ['recs'] } },
          ],
        }),
      ).toEqual(['f']);
      const facets = await store.facets({ access: { teams: ['recs'] } });
      expect(facets.teams).toEqual(['recs']);
    });

    it('pages with a keyset cursor, stable under ties of severity', async () => {
      const store = await createStore(databaseId);
      const resources = Array.from({ length: 12 }, (_, i) =>
        job(`j${i}`, {
          team: 'fraud',
          rules: [failed('VPC', i % 3 === 0 ? 'CRITICAL' : 'HIGH')],
        }),
      );
      await sweep(store, resources);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listFindings({}, { cursor, limit: 5 });
        seen.push(...page.items.map(f => f.id));
        // A finding written between two pages does not shift the ones not yet read.
        if (pages === 0) {
          await sweep(store, [
            ...resources,
            job('late', { team: 'fraud', rules: [failed('VPC', 'LOW')] }),
          ]);
        }
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(13);
      const all = (await store.listFindings({}, { limit: 100 })).items;
      expect(seen).toEqual(all.map(f => f.id));
      const ranks = all.map(f => f.severity);
      expect(ranks.slice(0, 4)).toEqual(Array(4).fill('CRITICAL'));
      expect(ranks[12]).toBe('LOW');
      await expect(
        store.listFindings({}, { cursor: 'not-a-cursor' }),
      ).rejects.toBeInstanceOf(InputError);
    });

    it('refuses NUL, control and bidi characters before any SQL', async () => {
      const store = await createStore(databaseId);
      for (const filter of [
        { team: 'fraud\u0000' },
        { ruleId: 'VPC\n' },
        { region: 'eu-west-1\u202e' },
        { teams: ['a', 'b\u0007'] },
        { access: { anyOf: [{ teams: ['ok'] }, { teams: ['x\u0000'] }] } },
        { access: { not: { teams: ['\u001b[31m'] } } },
      ]) {
        await expect(store.listFindings(filter as any)).rejects.toBeInstanceOf(
          InputError,
        );
        await expect(store.summary(filter as any)).rejects.toBeInstanceOf(
          InputError,
        );
      }
    });
  },
);

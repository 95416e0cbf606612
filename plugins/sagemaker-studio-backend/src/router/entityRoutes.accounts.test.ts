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

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { DEMO_SECOND_ACCOUNT, Sandbox } from '@internal/aws-sandbox';
import { Knex } from 'knex';
import request from 'supertest';
import {
  as,
  catalogResource,
  ORG,
  PEOPLE,
  startStudioBackend,
} from '../__testUtils__/studioTestBackend';
import {
  addSecondAccountCredentials,
  startTwoAccountSandbox,
} from '../__testUtils__/twoAccounts';

// Issue 8, many accounts: the sandbox holds the test estate in its default
// account (A) and a domain, recommendations' prod environment and a profile
// of Dana's in a second account (B, 210987654321, as in the local config).
// The domain list and the entity routes for each kind of identity, on both
// databases, with B healthy and with B failing (the sandbox's fault scope
// for one account).

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const BASE = '/api/sagemaker-studio';
const { dana, frank, sam, ada } = PEOPLE;
const B = DEMO_SECOND_ACCOUNT.accountId;
const REGION = 'us-east-1';
const ALICE = 'alice-fraud-detection';
const DANA_B = 'dana-in-b';
const UNAVAILABLE = 'AWS could not be reached; try again later.';

let sandbox: Sandbox;
let A: string;
let domainA: string;
let domainB: string;

const inA = () => ({
  'sagemaker-studio.aws/account-id': A,
  'sagemaker-studio.aws/region': REGION,
});
const inB = {
  'sagemaker-studio.aws/account-id': B,
  'sagemaker-studio.aws/region': REGION,
};

/** The catalog as the catalog module fills it for both accounts (fewer profiles). */
function estateEntities(): Entity[] {
  const danaUser = ORG.find(e => e.metadata.name === 'dana-scientist')!;
  return [
    {
      ...danaUser,
      metadata: {
        ...danaUser.metadata,
        annotations: { 'sagemaker-studio.aws/user-profile': ALICE },
      },
    },
    catalogResource(
      domainA,
      'sagemaker-studio-domain',
      'group:default/data-science-admins',
      {
        'sagemaker-studio.aws/domain-id': domainA,
        ...inA(),
      },
    ),
    catalogResource(
      `${domainB}-${B}-${REGION}`,
      'sagemaker-studio-domain',
      'group:default/data-science-admins',
      { 'sagemaker-studio.aws/domain-id': domainB, ...inB },
    ),
    catalogResource(
      'fraud-detection-dev-team-environment',
      'sagemaker-studio-team-environment',
      'group:default/fraud-detection',
      {
        'sagemaker-studio.aws/team': 'fraud-detection',
        'sagemaker-studio.aws/domain-id': domainA,
        ...inA(),
      },
    ),
    catalogResource(
      `${ALICE}-user-profile`,
      'sagemaker-studio-user-profile',
      dana,
      {
        'sagemaker-studio.aws/domain-id': domainA,
        'sagemaker-studio.aws/user-profile': ALICE,
        'sagemaker-studio.aws/team': 'fraud-detection',
        ...inA(),
      },
    ),
    // Recommendations works in B through this profile (Sam's team).
    catalogResource(
      `${DANA_B}-user-profile-${B}-${REGION}`,
      'sagemaker-studio-user-profile',
      dana,
      {
        'sagemaker-studio.aws/domain-id': domainB,
        'sagemaker-studio.aws/user-profile': DANA_B,
        'sagemaker-studio.aws/team': 'recommendations',
        ...inB,
      },
    ),
  ];
}

beforeAll(async () => {
  ({ sandbox, A, domainA, domainB } = await startTwoAccountSandbox({
    ...DEMO_SECOND_ACCOUNT.estate,
    profiles: [
      {
        team: 'recommendations',
        user: 'dana-scientist',
        profileName: DANA_B,
        version: 'v1',
        email: 'dana@example.com',
      },
    ],
  }));
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

/** The plugin reading accounts A and B, with the catalog of both. */
async function startBackend(knex: Knex) {
  return startStudioBackend({
    knex,
    sandbox,
    settings: {
      accounts: [
        { accountId: A, regions: [REGION] },
        { accountId: B, regions: [REGION] },
      ],
    },
    entities: estateEntities(),
    configure: addSecondAccountCredentials,
  });
}

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return ['arn:aws', sandbox.url, 'ServiceUnavailable'].filter(leak =>
    text.includes(leak),
  );
};

describe.each(databases.eachSupportedId())(
  'many accounts on %p',
  databaseId => {
    const get = (server: any, who: string, url: string) =>
      request(server).get(`${BASE}${url}`).set('Authorization', as(who));
    const open = (server: any, who: string, ref: string) =>
      request(server)
        .post(`${BASE}/entity/${ref}/open-studio`)
        .set('Authorization', as(who))
        .send({});
    const DANA_B_RESOURCE = () =>
      `default/resource/${DANA_B}-user-profile-${B}-${REGION}`;

    describe('with both accounts answering', () => {
      let backend: Awaited<ReturnType<typeof startBackend>>;
      beforeAll(async () => {
        backend = await startBackend(await databases.init(databaseId));
      }, 60_000);
      afterAll(() => backend?.stop());

      it.each([
        ['the admin', ada, ['A', 'B']],
        ['the owner of profiles in both', dana, ['A', 'B']],
        ['another member of fraud-detection', frank, ['A']],
        ['the lead of another team (recommendations, in B)', sam, ['B']],
      ])(
        'lists to %s only the domains they may see, each with its account and region',
        async (_who, who, expected) => {
          const res = await get(backend.server, who as string, '/domains');
          expect(res.status).toBe(200);
          expect(res.body.errors).toEqual([]);
          const byAccount = { A: domainA, B: domainB } as Record<
            string,
            string
          >;
          expect(
            res.body.items.map((d: any) => [d.domainId, d.accountId, d.region]),
          ).toEqual(
            (expected as string[]).map(x => [
              byAccount[x],
              x === 'A' ? A : B,
              REGION,
            ]),
          );
          // Those who see a domain work in it, and see its details.
          for (const domain of res.body.items) {
            expect(domain.vpcId).toEqual(expect.any(String));
          }
        },
        30_000,
      );

      it('answers 403 to a service principal on the domain list', async () => {
        const res = await request(backend.server)
          .get(`${BASE}/domains`)
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(403);
      });

      it("shows Dana's profiles from both accounts, each with its own account", async () => {
        const res = await get(
          backend.server,
          dana,
          '/entity/default/user/dana-scientist',
        );
        expect(res.status).toBe(200);
        expect(res.body.errors).toEqual([]);
        expect(
          res.body.userProfiles.map((p: any) => [
            p.userProfileName,
            p.domainId,
            p.accountId,
            p.region,
            p.canOpen,
          ]),
        ).toEqual([
          [ALICE, domainA, A, REGION, true],
          [DANA_B, domainB, B, REGION, true],
        ]);
      }, 30_000);

      // Dana's profile in A is fraud-detection's, the one in B recommendations'.
      it.each([
        [dana, 'full', 'full'],
        [frank, 'full', 'summary'],
        [sam, 'summary', 'full'],
        [ada, 'full', 'full'],
      ])(
        "shows Dana's profiles to %s: in A %s, in B %s (by each profile's team)",
        async (who, accessA, accessB) => {
          const res = await get(
            backend.server,
            who,
            '/entity/default/user/dana-scientist',
          );
          expect(res.status).toBe(200);
          expect(res.body.errors).toEqual([]);
          expect(
            res.body.userProfiles.map((p: any) => [
              p.accountId,
              p.access,
              p.access === 'full'
                ? typeof p.executionRoleArn
                : p.executionRoleArn,
            ]),
          ).toEqual([
            [A, accessA, accessA === 'full' ? 'string' : undefined],
            [B, accessB, accessB === 'full' ? 'string' : undefined],
          ]);
        },
        30_000,
      );

      it.each([
        [sam, 'recommendations', 'full'],
        [frank, 'recommendations', 'summary'],
        [frank, 'fraud-detection', 'full'],
        [sam, 'fraud-detection', 'summary'],
      ])(
        "shows %s %s's environments of both accounts: %s",
        async (who, team, access) => {
          const res = await get(
            backend.server,
            who,
            `/entity/default/group/${team}`,
          );
          expect(res.status).toBe(200);
          expect(res.body.errors).toEqual([]);
          expect(res.body.teamEnvironments.length).toBeGreaterThan(0);
          for (const environment of res.body.teamEnvironments) {
            expect(environment.access).toBe(access);
            expect(Object.keys(environment.outputs).length > 0).toBe(
              access === 'full',
            );
          }
        },
        30_000,
      );

      it("gathers recommendations' environments from both accounts", async () => {
        const res = await get(
          backend.server,
          sam,
          '/entity/default/group/recommendations',
        );
        expect(res.status).toBe(200);
        expect(res.body.errors).toEqual([]);
        expect(
          res.body.teamEnvironments
            .map((e: any) => [e.envType, e.accountId, e.region])
            .sort(),
        ).toEqual([
          ['dev', A, REGION],
          ['prod', B, REGION],
        ]);
      }, 30_000);

      it('reads a domain Resource in the account its annotations name', async () => {
        const res = await get(
          backend.server,
          sam,
          `/entity/default/resource/${domainB}-${B}-${REGION}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.domains).toEqual([
          expect.objectContaining({ domainId: domainB, accountId: B }),
        ]);
        // Sam's team works in B: he sees its details.
        expect(res.body.domains[0].vpcId).toEqual(expect.any(String));
      }, 30_000);

      it("opens Studio for Dana's profile in B, in account B", async () => {
        const res = await open(backend.server, dana, DANA_B_RESOURCE());
        expect(res.status).toBe(200);
        expect(res.body.url).toEqual(expect.any(String));
        const other = await open(backend.server, sam, DANA_B_RESOURCE());
        expect(other.status).toBe(403);
      }, 30_000);
    });

    describe('with account B failing', () => {
      let backend: Awaited<ReturnType<typeof startBackend>>;
      beforeAll(async () => {
        backend = await startBackend(await databases.init(databaseId));
        await request(sandbox.url)
          .put(`/_sandbox/faults/scopes/${B}`)
          .set('Content-Type', 'application/json')
          .send({ unavailableRate: 1 });
      }, 60_000);
      afterAll(async () => {
        await request(sandbox.url).delete(`/_sandbox/faults/scopes/${B}`);
        await backend?.stop();
      });

      const failedB = {
        errorType: 'UNAVAILABLE',
        message: UNAVAILABLE,
        accountId: B,
        region: REGION,
      };

      it.each([
        [ada, ['A']],
        [dana, ['A']],
        [sam, []],
      ])(
        'lists to %s the domains of A and says that B failed',
        async (who, expected) => {
          const res = await get(backend.server, who as string, '/domains');
          expect(res.status).toBe(200);
          expect(res.body.items.map((d: any) => d.domainId)).toEqual(
            (expected as string[]).map(() => domainA),
          );
          expect(res.body.errors).toEqual([
            { source: `ListDomains:${B}/${REGION}`, ...failedB },
          ]);
          expect(leaks(res.body.errors)).toEqual([]);
        },
        60_000,
      );

      it("shows Dana's profile in A and names B as failed", async () => {
        const res = await get(
          backend.server,
          dana,
          '/entity/default/user/dana-scientist',
        );
        expect(res.status).toBe(200);
        expect(
          res.body.userProfiles.map((p: any) => p.userProfileName),
        ).toEqual([ALICE]);
        expect(res.body.errors).toEqual([expect.objectContaining(failedB)]);
        expect(leaks(res.body.errors)).toEqual([]);
      }, 60_000);

      it("shows recommendations' environment in A and names B as failed", async () => {
        const res = await get(
          backend.server,
          sam,
          '/entity/default/group/recommendations',
        );
        expect(res.status).toBe(200);
        expect(res.body.teamEnvironments.map((e: any) => e.accountId)).toEqual([
          A,
        ]);
        expect(res.body.errors).toEqual([expect.objectContaining(failedB)]);
        expect(leaks(res.body.errors)).toEqual([]);
      }, 60_000);

      it('answers open-studio in B with 503 and the fixed message', async () => {
        const res = await open(backend.server, dana, DANA_B_RESOURCE());
        expect(res.status).toBe(503);
        expect(res.body.error.message).toBe(UNAVAILABLE);
      }, 60_000);
    });
  },
);

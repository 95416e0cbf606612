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
import {
  seedDemoEstate,
  seedPlatform,
  startSandbox,
  Sandbox,
} from '@internal/aws-sandbox';
import path from 'node:path';
import request from 'supertest';
import {
  as,
  catalogResource,
  ORG,
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from '../__testUtils__/studioTestBackend';

// Issue 8: the entity routes for each kind of identity, on both databases,
// against the sandbox with the demo estate (profiles of alice, bob and
// carol). Dana is given alice's profile by annotation and both fraud-detection
// profiles by catalog ownership.

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const TEMPLATES = path.resolve(__dirname, '../../../../cloudformation');
const BASE = '/api/sagemaker-studio';
const { dana, frank, sam, ada } = PEOPLE;
const ALICE = 'alice-fraud-detection';
const BOB = 'bob-fraud-detection';
const CAROL = 'carol-recommendations';
/** Sam's profile, launched by the portal for recommendations' test environment. */
const SAM_TEST = 'sam-lead-test';
const FIXED = {
  THROTTLED: 'AWS is throttling the portal; try again in a minute.',
  UNAVAILABLE: 'AWS could not be reached; try again later.',
};

let sandbox: Sandbox;
let domainId: string;
let fraudEnvironmentId: string;

/** The catalog as the catalog module would fill it for the demo estate. */
function estateEntities(): Entity[] {
  const danaUser = ORG.find(e => e.metadata.name === 'dana-scientist')!;
  const profile = (name: string) =>
    catalogResource(
      `${name}-user-profile`,
      'sagemaker-studio-user-profile',
      dana,
      {
        'sagemaker-studio.aws/domain-id': domainId,
        'sagemaker-studio.aws/user-profile': name,
        'sagemaker-studio.aws/team': 'fraud-detection',
      },
    );
  return [
    {
      ...danaUser,
      metadata: {
        ...danaUser.metadata,
        annotations: {
          'sagemaker-studio.aws/user-profile': ALICE,
          'sagemaker-studio.aws/domain-id': domainId,
        },
      },
    },
    catalogResource(
      domainId,
      'sagemaker-studio-domain',
      'group:default/data-science-admins',
      {
        'sagemaker-studio.aws/domain-id': domainId,
      },
    ),
    catalogResource(
      'fraud-detection-dev-team-environment',
      'sagemaker-studio-team-environment',
      'group:default/fraud-detection',
      {
        'sagemaker-studio.aws/provisioned-product-id': fraudEnvironmentId,
        'sagemaker-studio.aws/team': 'fraud-detection',
        'sagemaker-studio.aws/environment-type': 'dev',
        'sagemaker-studio.aws/domain-id': domainId,
      },
    ),
    profile(ALICE),
    profile(BOB),
  ];
}

/** Every AWS call the sandbox answers, as `service:Operation`. */
function countAwsCalls() {
  const calls: string[] = [];
  const decide = sandbox.faults.decide.bind(sandbox.faults);
  const spy = jest
    .spyOn(sandbox.faults, 'decide')
    .mockImplementation((service, operation) => {
      calls.push(`${service}:${operation}`);
      return decide(service, operation);
    });
  return { calls, restore: () => spy.mockRestore() };
}

/** Sets a profile's status in the sandbox, as AWS would while it changes. */
function setProfileStatus(name: string, status: string) {
  const table = sandbox.state.rawTable('sagemaker', 'userProfiles') as Record<
    string,
    { name: string; status: string; schedule?: unknown[] }
  >;
  const record = Object.values(table).find(r => r.name === name)!;
  record.status = status;
  record.schedule = [];
}

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES });
  const estate = await seedDemoEstate(sandbox);
  domainId = estate.domainId;
  fraudEnvironmentId = estate.provisionedProducts['team-fraud-detection-dev'];
  // Recommendations also has a test environment, in the same account and
  // region, with a profile of Sam's launched for it (tagged EnvType=test, as
  // the portal tags); carol's (untagged, dev) profile is not one of its members.
  await seedDemoEstate(sandbox, {
    preset: 'local-identities',
    teams: ['recommendations'],
    envType: 'test',
    profiles: [
      {
        team: 'recommendations',
        user: 'sam-lead',
        profileName: SAM_TEST,
        version: 'v1',
        email: 'sam@example.com',
      },
    ],
    jobs: false,
  });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe.each(databases.eachSupportedId())(
  'entity routes on %p',
  databaseId => {
    async function start(settings: Record<string, object> = {}) {
      return startStudioBackend({
        knex: await databases.init(databaseId),
        sandbox,
        settings,
        entities: estateEntities(),
      });
    }
    const get = (backend: StudioTestBackend, who: string, ref: string) =>
      request(backend.server)
        .get(`${BASE}/entity/${ref}`)
        .set('Authorization', as(who));
    const open = (
      backend: StudioTestBackend,
      who: string,
      ref: string,
      body: object = {},
    ) =>
      request(backend.server)
        .post(`${BASE}/entity/${ref}/open-studio`)
        .set('Authorization', as(who))
        .send(body);

    const DANA = 'default/user/dana-scientist';
    const ALICE_RESOURCE = `default/resource/${ALICE}-user-profile`;
    const BOB_RESOURCE = `default/resource/${BOB}-user-profile`;
    const FRAUD = 'default/group/fraud-detection';
    const FRAUD_ENV = 'default/resource/fraud-detection-dev-team-environment';
    const domainRef = () => `default/resource/${domainId}`;

    describe('who may see and open what', () => {
      let backend: StudioTestBackend;
      beforeAll(async () => {
        backend = await start({ limits: { openStudioPerMinute: 1000 } });
      }, 30_000);
      afterAll(() => backend?.stop());

      it.each([dana, frank, sam, ada])(
        'answers 404 to %s for an unknown entity',
        async who => {
          for (const res of [
            await get(backend, who, 'default/user/nobody'),
            await open(backend, who, 'default/user/nobody'),
          ]) {
            expect(res.status).toBe(404);
            expect(res.body.error.message).toBe(
              'No entity user:default/nobody',
            );
          }
        },
      );

      it('answers 403 to a service principal on both routes', async () => {
        const service = mockCredentials.service.header();
        for (const ref of [DANA, FRAUD, FRAUD_ENV, ALICE_RESOURCE]) {
          const reads = await request(backend.server)
            .get(`${BASE}/entity/${ref}`)
            .set('Authorization', service);
          expect(reads.status).toBe(403);
          expect(reads.body).not.toHaveProperty('teamEnvironments');
          expect(reads.body).not.toHaveProperty('userProfiles');
        }
        const opens = await request(backend.server)
          .post(`${BASE}/entity/${DANA}/open-studio`)
          .set('Authorization', service)
          .send({});
        expect(opens.status).toBe(403);
      });

      it('answers 400 to a malformed entity ref or body', async () => {
        expect((await get(backend, dana, 'default/user/da%20na')).status).toBe(
          400,
        );
        const res = await open(backend, dana, DANA, { url: 'x' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe('body: unknown field(s) "url"');
      });

      it("shows Dana's profiles to Dana, openable, with account and region", async () => {
        const res = await get(backend, dana, DANA);
        expect(res.status).toBe(200);
        expect(res.body.entityRef).toBe(dana);
        expect(res.body.errors).toEqual([]);
        expect(res.body.userProfiles).toEqual([
          expect.objectContaining({
            userProfileName: ALICE,
            domainId,
            status: 'InService',
            owner: dana,
            canOpen: true,
            access: 'full',
            accountId: sandbox.settings.accountId,
            region: 'us-east-1',
            executionRoleArn: expect.stringMatching(/^arn:aws:iam::/),
            spaces: [],
            apps: [],
          }),
          expect.objectContaining({
            userProfileName: BOB,
            teamName: 'fraud-detection',
            canOpen: true,
          }),
        ]);
      });

      it.each([frank, sam, ada])(
        "shows Dana's profiles to %s, not openable",
        async who => {
          const res = await get(backend, who, DANA);
          expect(res.status).toBe(200);
          expect(res.body.userProfiles.map((p: any) => p.canOpen)).toEqual([
            false,
            false,
          ]);
        },
      );

      const SUMMARY_FIELDS = [
        'accountId',
        'region',
        'domainId',
        'userProfileName',
        'status',
        'owner',
        'spaces',
        'apps',
        'canOpen',
        'access',
      ].sort();
      const ROLE_ARN = expect.stringMatching(/^arn:aws:iam::/);
      // Alice's profile has no team annotation (Dana's teams count: she owns
      // it), Bob's is annotated fraud-detection.
      it.each([
        [frank, 'full'],
        [ada, 'full'],
        [sam, 'summary'],
      ])(
        "shows Dana's profiles to %s from her User and the profile Resources: %s",
        async (who, access) => {
          for (const [ref, names] of [
            [DANA, [ALICE, BOB]],
            [ALICE_RESOURCE, [ALICE]],
            [BOB_RESOURCE, [BOB]],
          ] as const) {
            const res = await get(backend, who, ref);
            expect(res.status).toBe(200);
            expect(res.body.errors).toEqual([]);
            const profiles = res.body.userProfiles;
            expect(profiles.map((p: any) => p.userProfileName)).toEqual(names);
            for (const profile of profiles) {
              expect(profile).toMatchObject({
                domainId,
                status: 'InService',
                owner: dana,
                accountId: sandbox.settings.accountId,
                region: 'us-east-1',
                canOpen: false,
                access,
              });
            }
            // Full: the role; a summary: these fields only (the ARN and the
            // team when known), no spaces or apps.
            expect(
              profiles.map((p: any) =>
                p.access === 'full'
                  ? p.executionRoleArn
                  : [
                      Object.keys(p)
                        .filter(key => !['arn', 'teamName'].includes(key))
                        .sort(),
                      p.spaces,
                      p.apps,
                    ],
              ),
            ).toEqual(
              names.map(() =>
                access === 'full' ? ROLE_ARN : [SUMMARY_FIELDS, [], []],
              ),
            );
          }
        },
      );

      it.each([
        [dana, true],
        [frank, true],
        [ada, true],
        [sam, false],
      ])(
        'shows the domain to %s, with network and key details: %s',
        async (who, details) => {
          const res = await get(backend, who, domainRef());
          expect(res.status).toBe(200);
          const [domain] = res.body.domains;
          expect(domain).toMatchObject({
            domainId,
            status: 'InService',
            accountId: sandbox.settings.accountId,
            region: 'us-east-1',
            // alice, bob, carol and Sam's test profile.
            counts: { userProfiles: 4, spaces: 0, runningApps: 0 },
          });
          const shown = [
            'vpcId',
            'subnetIds',
            'kmsKeyId',
            'securityGroupIds',
            'defaultExecutionRoleArn',
            'url',
          ].filter(key => domain[key] !== undefined);
          // The sandbox's demo domain has at least a VPC, subnets and a key.
          expect(
            shown.filter(key =>
              ['vpcId', 'subnetIds', 'kmsKeyId'].includes(key),
            ),
          ).toEqual(details ? ['vpcId', 'subnetIds', 'kmsKeyId'] : []);
          expect(shown.length === 0).toBe(!details);
        },
      );

      it.each([dana, frank, ada])(
        'shows the fraud-detection environment and members to %s, from the Group and the Resource',
        async who => {
          for (const ref of [FRAUD, FRAUD_ENV]) {
            const res = await get(backend, who, ref);
            expect(res.status).toBe(200);
            expect(res.body.errors).toEqual([]);
            expect(res.body.teamEnvironments).toEqual([
              expect.objectContaining({
                teamName: 'fraud-detection',
                envType: 'dev',
                provisionedProductId: fraudEnvironmentId,
                status: 'AVAILABLE',
                stackStatus: 'CREATE_COMPLETE',
                version: 'v1',
                access: 'full',
                outputs: expect.objectContaining({
                  DataBucketName: expect.any(String),
                  TeamKmsKeyArn: expect.any(String),
                  TeamSecurityGroupId: expect.any(String),
                }),
              }),
            ]);
            expect(
              res.body.teamEnvironments[0].members
                .map((m: any) => m.userProfileName)
                .sort(),
            ).toEqual([ALICE, BOB]);
          }
        },
      );

      it("shows Sam (recommendations) only a summary of fraud-detection's environment, from the Group and the Resource", async () => {
        const full = await get(backend, ada, FRAUD);
        const [details] = full.body.teamEnvironments;
        const secrets = [
          ...Object.values(details.outputs as Record<string, string>),
          ...details.members.map((m: any) => m.userProfileName),
          details.stackStatus,
        ];
        expect(secrets.length).toBeGreaterThan(5);
        for (const ref of [FRAUD, FRAUD_ENV]) {
          const res = await get(backend, sam, ref);
          expect(res.status).toBe(200);
          expect(res.body.errors).toEqual([]);
          expect(res.body.teamEnvironments).toEqual([
            {
              accountId: sandbox.settings.accountId,
              region: 'us-east-1',
              teamName: 'fraud-detection',
              envType: 'dev',
              provisionedProductId: fraudEnvironmentId,
              provisionedProductName: details.provisionedProductName,
              productName: details.productName,
              version: 'v1',
              status: 'AVAILABLE',
              outputs: {},
              members: [],
              access: 'summary',
            },
          ]);
          const text = JSON.stringify(res.body);
          expect(secrets.filter(secret => text.includes(secret))).toEqual([]);
        }
      });

      it('shows Sam his own team in full, each environment with the members launched for its environment type', async () => {
        const res = await get(backend, sam, 'default/group/recommendations');
        expect(res.status).toBe(200);
        expect(res.body.errors).toEqual([]);
        const environments = [...res.body.teamEnvironments].sort(
          (a: any, b: any) => a.envType.localeCompare(b.envType),
        );
        expect(environments).toEqual(
          ['dev', 'test'].map(envType =>
            expect.objectContaining({
              teamName: 'recommendations',
              envType,
              access: 'full',
              outputs: expect.objectContaining({
                DataBucketName: expect.any(String),
              }),
            }),
          ),
        );
        // carol's product is untagged: its stack's EnvType parameter says dev.
        // Sam's carries the EnvType tag the portal puts on what it launches.
        expect(
          environments.map((e: any) => [
            e.envType,
            e.members.map((m: any) => m.userProfileName),
          ]),
        ).toEqual([
          ['dev', [CAROL]],
          ['test', [SAM_TEST]],
        ]);
        expect(environments[1].members[0]).toEqual({
          userProfileName: SAM_TEST,
          status: 'InService',
          domainId,
          owner: 'user:default/sam-lead',
        });
      });

      it('gives Dana a URL for her profile, from her User and from the profile Resource', async () => {
        for (const ref of [DANA, ALICE_RESOURCE]) {
          const res = await open(backend, dana, ref);
          expect(res.status).toBe(200);
          expect(res.headers['cache-control']).toBe('no-store');
          expect(res.body).toEqual({
            url: expect.stringContaining(
              `${sandbox.url}/studio/${domainId}/${ALICE}?token=`,
            ),
            expiresAt: expect.any(String),
          });
          const expiresIn = Date.parse(res.body.expiresAt) - Date.now();
          expect(expiresIn).toBeGreaterThan(0);
          expect(expiresIn).toBeLessThanOrEqual(60_000);
          const token = new URL(res.body.url).searchParams.get('token')!;
          expect(backend.logs.join('\n')).not.toContain(token);
          // The URL works: the sandbox's Studio page opens.
          const page = await fetch(res.body.url);
          expect(page.status).toBe(200);
        }
        const audits = backend.logs
          .map(line => JSON.parse(line))
          .filter(line => line.eventId === 'open-studio');
        expect(audits).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ status: 'succeeded' }),
          ]),
        );
      });

      it.each([frank, sam, ada])(
        "refuses %s a URL for Dana's profile (403)",
        async who => {
          for (const ref of [DANA, ALICE_RESOURCE, BOB_RESOURCE]) {
            const res = await open(backend, who, ref);
            expect(res.status).toBe(403);
            expect(res.body.error.message).toMatch(
              /^Only the owner of user profile [a-z-]+ may open Studio as it$/,
            );
            expect(res.body).not.toHaveProperty('url');
          }
        },
      );

      it('answers 404 for an entity without a user profile', async () => {
        const res = await open(backend, frank, FRAUD);
        expect(res.status).toBe(404);
        expect(res.body.error.message).toBe(
          'group:default/fraud-detection has no SageMaker Studio user profile',
        );
      });

      it('answers 409 while the profile is not InService', async () => {
        setProfileStatus(BOB, 'Updating');
        try {
          const res = await open(backend, dana, BOB_RESOURCE);
          expect(res.status).toBe(409);
          expect(res.body.error.message).toBe(
            `User profile ${BOB} is Updating, not InService; try again when it is`,
          );
        } finally {
          setProfileStatus(BOB, 'InService');
        }
      });

      it('answers 400 for a space the profile does not own', async () => {
        const res = await open(backend, dana, DANA, { spaceName: 'not-mine' });
        expect(res.status).toBe(400);
      });
    });

    describe('caching and limits', () => {
      let backend: StudioTestBackend;
      beforeAll(async () => {
        backend = await start({ limits: { openStudioPerMinute: 2 } });
      }, 30_000);
      afterAll(() => backend?.stop());

      // Calls per route, cold then warm. The group and the environment
      // Resource share the team's cached member list.
      it.each([
        [
          'user',
          DANA,
          [
            'sagemaker:DescribeUserProfile',
            'sagemaker:DescribeUserProfile',
            'sagemaker:ListApps',
            'sagemaker:ListApps',
            'sagemaker:ListSpaces',
            'sagemaker:ListSpaces',
          ],
        ],
        [
          'group',
          FRAUD,
          // The environment's stack, and the stacks of alice's and bob's
          // products, which the fixtures launched untagged (their stack's
          // TeamName parameter says the team); no ListTags.
          [
            'cloudformation:DescribeStacks',
            'cloudformation:DescribeStacks',
            'cloudformation:DescribeStacks',
            'sagemaker:ListUserProfiles',
            'servicecatalog:SearchProvisionedProducts',
          ],
        ],
        [
          'team environment resource',
          FRAUD_ENV,
          [
            'cloudformation:DescribeStacks',
            'servicecatalog:SearchProvisionedProducts',
          ],
        ],
        [
          'domain resource',
          'DOMAIN',
          [
            'sagemaker:DescribeDomain',
            'sagemaker:ListApps',
            'sagemaker:ListSpaces',
            'sagemaker:ListUserProfiles',
          ],
        ],
      ])(
        'serves the %s route warm without calling AWS',
        async (_what, ref, cold) => {
          const target = ref === 'DOMAIN' ? domainRef() : ref;
          const counter = countAwsCalls();
          try {
            expect((await get(backend, frank, target)).status).toBe(200);
            expect([...counter.calls].sort()).toEqual(cold);
            counter.calls.length = 0;
            // Another person, who sees less of the team and of Dana: the
            // cache is per resource, not per caller.
            const warm = await get(backend, sam, target);
            expect(warm.status).toBe(200);
            expect(warm.body.errors).toEqual([]);
            expect(counter.calls).toEqual([]);
          } finally {
            counter.restore();
          }
        },
      );

      it('serves another team from the product and profile listings read for the first team (no ListTags)', async () => {
        const counter = countAwsCalls();
        try {
          const res = await get(backend, sam, 'default/group/recommendations');
          expect(res.status).toBe(200);
          expect(res.body.errors).toEqual([]);
          expect(res.body.teamEnvironments).toHaveLength(2);
          // Only the stacks of the team's own environments (dev and test)
          // and of carol's (untagged) product are read; Sam's tagged product
          // is placed by its name; the listings come from the cache.
          expect(counter.calls).toEqual([
            'cloudformation:DescribeStacks',
            'cloudformation:DescribeStacks',
            'cloudformation:DescribeStacks',
          ]);
        } finally {
          counter.restore();
        }
      });

      it('asks AWS for a new URL each time (never cached) and limits them per person (429)', async () => {
        const counter = countAwsCalls();
        try {
          const first = await open(backend, dana, DANA);
          const second = await open(backend, dana, DANA);
          expect([first.status, second.status]).toEqual([200, 200]);
          expect(first.body.url).not.toBe(second.body.url);
          // The status is read fresh before each URL: the cache may be stale.
          expect(counter.calls).toEqual([
            'sagemaker:DescribeUserProfile',
            'sagemaker:CreatePresignedDomainUrl',
            'sagemaker:DescribeUserProfile',
            'sagemaker:CreatePresignedDomainUrl',
          ]);
          const third = await open(backend, dana, DANA);
          expect(third.status).toBe(429);
          expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
          // Another person has a limit of their own.
          expect((await open(backend, sam, DANA)).status).toBe(403);
        } finally {
          counter.restore();
        }
      });
    });

    describe('what a summary costs', () => {
      let backend: StudioTestBackend;
      beforeAll(async () => {
        backend = await start();
      }, 30_000);
      afterAll(() => backend?.stop());

      it('reads no members for a summary; a member then reads only them', async () => {
        const counter = countAwsCalls();
        const calls = () => {
          const sorted = [...counter.calls].sort();
          counter.calls.length = 0;
          return sorted;
        };
        try {
          // The listing and the environment's stack; no ListUserProfiles,
          // no stacks of alice's and bob's products.
          const group = await get(backend, sam, FRAUD);
          expect(group.body.teamEnvironments[0].access).toBe('summary');
          expect(calls()).toEqual([
            'cloudformation:DescribeStacks',
            'servicecatalog:SearchProvisionedProducts',
          ]);
          const environment = await get(backend, sam, FRAUD_ENV);
          expect(environment.body.teamEnvironments[0].access).toBe('summary');
          expect(calls()).toEqual([
            'cloudformation:DescribeStacks',
            'servicecatalog:SearchProvisionedProducts',
          ]);
          // Frank, a member: the members only, the rest is cached.
          const full = await get(backend, frank, FRAUD);
          expect(full.body.teamEnvironments[0].members).toHaveLength(2);
          expect(calls()).toEqual([
            'cloudformation:DescribeStacks',
            'cloudformation:DescribeStacks',
            'sagemaker:ListUserProfiles',
          ]);
          const again = await get(backend, frank, FRAUD_ENV);
          expect(again.body.teamEnvironments[0].members).toHaveLength(2);
          expect(calls()).toEqual([]);
        } finally {
          counter.restore();
        }
      });
    });

    describe('AWS failures', () => {
      let backend: StudioTestBackend;
      beforeAll(async () => {
        backend = await start();
      }, 30_000);
      afterAll(() => backend?.stop());
      afterEach(() => sandbox.faults.configure({}));

      const leaks = (body: unknown) => {
        const text = JSON.stringify(body);
        return ['Rate exceeded', 'arn:aws', sandbox.url, 'Throttling'].filter(
          leak => text.includes(leak),
        );
      };

      it('reports a throttled DescribeUserProfile as a per-source error with a fixed message', async () => {
        sandbox.faults.configure({
          operations: { 'sagemaker:DescribeUserProfile': { throttleRate: 1 } },
        });
        const res = await get(backend, dana, DANA);
        expect(res.status).toBe(200);
        expect(res.body.userProfiles).toEqual([]);
        expect(res.body.errors).toEqual([
          {
            source: `sagemaker:us-east-1:user-profile/${domainId}/${ALICE}`,
            errorType: 'THROTTLED',
            message: FIXED.THROTTLED,
            accountId: sandbox.settings.accountId,
            region: 'us-east-1',
          },
          {
            source: `sagemaker:us-east-1:user-profile/${domainId}/${BOB}`,
            errorType: 'THROTTLED',
            message: FIXED.THROTTLED,
            accountId: sandbox.settings.accountId,
            region: 'us-east-1',
          },
        ]);
        expect(leaks(res.body)).toEqual([]);
        // AWS's own text stays in the server log.
        expect(backend.logs.join('\n')).toContain('Rate exceeded');
      }, 30_000);

      it('answers open-studio with 503 and a fixed message when DescribeUserProfile is throttled', async () => {
        sandbox.faults.configure({
          operations: { 'sagemaker:DescribeUserProfile': { throttleRate: 1 } },
        });
        const res = await open(backend, dana, DANA);
        expect(res.status).toBe(503);
        expect(res.body.error.message).toBe(FIXED.THROTTLED);
        expect(leaks(res.body)).toEqual([]);
      }, 30_000);

      it('answers open-studio with 503 when CreatePresignedDomainUrl fails, and records the failure', async () => {
        sandbox.faults.configure({
          operations: {
            'sagemaker:CreatePresignedDomainUrl': { errorRate: 1 },
          },
        });
        const res = await open(backend, dana, DANA);
        expect(res.status).toBe(503);
        expect(res.body.error.message).toBe(FIXED.UNAVAILABLE);
        expect(leaks(res.body)).toEqual([]);
        const audits = backend.logs
          .map(line => JSON.parse(line))
          .filter(line => line.eventId === 'open-studio');
        expect(audits).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ status: 'failed' }),
          ]),
        );
      }, 30_000);

      it('reports a failing domain read as data and reads AWS again next time (failures are not cached)', async () => {
        sandbox.faults.configure({
          operations: { 'sagemaker:DescribeDomain': { errorRate: 1 } },
        });
        const failed = await get(backend, ada, domainRef());
        expect(failed.status).toBe(200);
        expect(failed.body.domains).toEqual([]);
        expect(failed.body.errors).toEqual([
          {
            source: `sagemaker:us-east-1:domain/${domainId}`,
            errorType: 'UNAVAILABLE',
            message: FIXED.UNAVAILABLE,
            accountId: sandbox.settings.accountId,
            region: 'us-east-1',
          },
        ]);
        sandbox.faults.configure({});
        const recovered = await get(backend, ada, domainRef());
        expect(recovered.body.domains).toHaveLength(1);
        expect(recovered.body.errors).toEqual([]);
      }, 30_000);
    });
  },
);

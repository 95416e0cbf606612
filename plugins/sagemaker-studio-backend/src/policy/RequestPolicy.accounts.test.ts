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
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEMO_SECOND_ACCOUNT, Sandbox } from '@internal/aws-sandbox';
import { StudioDomainSummary } from '@internal/plugin-sagemaker-studio-common';
import {
  SageMakerStudioConfig,
  SageMakerStudioProvisioner,
  StudioDomainReader,
} from '@internal/plugin-sagemaker-studio-node';
import { Knex } from 'knex';
import { RequestStore } from '../requests/types';
import { RequestPolicy } from './RequestPolicy';
import {
  api,
  ORG,
  PEOPLE,
  startStudioBackend,
} from '../__testUtils__/studioTestBackend';
import {
  addSecondAccountCredentials,
  startTwoAccountSandbox,
} from '../__testUtils__/twoAccounts';

// A profile is launched by the home account's Service Catalog, so its
// domain must be in the home account and region (A, us-east-1), whatever
// other accounts the portal reads (B). The sandbox holds a domain in each;
// a profile request names one by id (`domainId`).

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const { dana, ada } = PEOPLE;
const B = DEMO_SECOND_ACCOUNT.accountId;
const REGION = 'us-east-1';
/** A domain id both accounts have: Failed in A, InService in B. */
const TWIN_FAILED = 'd-twinfailed001';
/** A domain id both accounts have, InService in each. */
const TWIN = 'd-twininservice1';

let sandbox: Sandbox;
let A: string;
let domainA: string;
let domainB: string;

type DomainRecord = {
  arn: string;
  account: string;
  region: string;
  status: string;
  extra: Record<string, unknown>;
};

/** A copy of a sandbox domain under another id (and status), in the same account. */
function copyDomain(account: string, from: string, id: string, status: string) {
  const table = sandbox.state.table<DomainRecord>('sagemaker', 'domains');
  const record = structuredClone(table.get(`${account}/${REGION}/${from}`)!);
  record.arn = record.arn.replace(from, id);
  record.status = status;
  record.extra = { ...record.extra, DomainId: id };
  table.set(`${account}/${REGION}/${id}`, record);
}

beforeAll(async () => {
  ({ sandbox, A, domainA, domainB } = await startTwoAccountSandbox());
  copyDomain(A, domainA, TWIN_FAILED, 'Failed');
  copyDomain(B, domainB, TWIN_FAILED, 'InService');
  copyDomain(A, domainA, TWIN, 'InService');
  copyDomain(B, domainB, TWIN, 'InService');
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

/**
 * The plugin reading A (home) and B. `homeAccount: 'main'` leaves
 * `sageMakerStudio.accountId` out: the home account is the `aws:` block's
 * main account (A by its keys), as a single-account install has it.
 */
async function startBackend(knex: Knex, homeAccount: 'configured' | 'main') {
  return startStudioBackend({
    knex,
    sandbox,
    settings: {
      accounts: [
        homeAccount === 'main'
          ? { regions: [REGION] }
          : { accountId: A, regions: [REGION] },
        { accountId: B, regions: [REGION] },
      ],
    },
    configure: config => {
      if (homeAccount === 'main') {
        const data = config as any;
        delete data.sageMakerStudio.accountId;
        data.aws.mainAccount = {
          accessKeyId: 'sandbox',
          secretAccessKey: 'sandbox',
        };
      }
      addSecondAccountCredentials(config);
    },
  });
}

let keys = 0;
const profileIn = (domainId: string, extra: object = {}) => ({
  product: 'userProfile',
  teamName: 'fraud-detection',
  domainId,
  idempotencyKey: `domain-key-${++keys}`,
  ...extra,
});

describe.each(databases.eachSupportedId())(
  'the domain of a profile request, with two accounts, on %p',
  databaseId => {
    describe.each(['configured', 'main'] as const)(
      'home account %s',
      homeAccount => {
        let backend: Awaited<ReturnType<typeof startBackend>>;
        let client: ReturnType<typeof api>;
        beforeAll(async () => {
          backend = await startBackend(
            await databases.init(databaseId),
            homeAccount,
          );
          client = api(backend.server);
        }, 60_000);
        afterAll(() => backend?.stop());

        // Without a configured account, the home domains' ARNs name it.
        const home = () => `${A}/${REGION}`;

        it('launches a profile in a domain of the home account', async () => {
          const res = await client.create(
            dana,
            profileIn(domainA, { dryRun: true }),
          );
          expect(res.status).toBe(200);
          expect(res.body.parameters.StudioDomainId).toBe(domainA);
        }, 30_000);

        it('refuses a domain of the other account, naming the field and where it is, and records nothing', async () => {
          for (const dryRun of [true, false]) {
            const res = await client.create(
              dana,
              profileIn(domainB, { dryRun }),
            );
            expect(res.status).toBe(400);
            expect(res.body.error.message).toBe(
              `domainId: domain ${domainB} is in ${B}/${REGION}; profiles are launched in the home account ${home()} only`,
            );
          }
          // Admins are held to it as well, for themselves or someone else.
          const admin = await client.create(
            ada,
            profileIn(domainB, { onBehalfOf: dana }),
          );
          expect(admin.status).toBe(400);
          expect(admin.body.error.message).toMatch(/^domainId: domain /);
          const { body } = await client.list(ada, { scope: 'all' });
          expect(body.items).toEqual([]);
        }, 30_000);

        it("refuses the catalog name of the other account's domain, saying what it is", async () => {
          const res = await client.create(
            dana,
            profileIn(`${domainB}-${B}-${REGION}`, { dryRun: true }),
          );
          expect(res.status).toBe(400);
          expect(res.body.error.message).toBe(
            `domainId: ${domainB}-${B}-${REGION} is the catalog name of domain ${domainB} in ${B}/${REGION}, not a domain id; profiles are launched in the home account ${home()} only`,
          );
        }, 30_000);

        it('judges an id both accounts have by the home domain, never by the other', async () => {
          // B's InService twin does not stand in for A's failed domain.
          const failed = await client.create(
            dana,
            profileIn(TWIN_FAILED, { dryRun: true }),
          );
          expect(failed.status).toBe(400);
          expect(failed.body.error.message).toBe(
            `domainId: domain ${TWIN_FAILED} is Failed, not InService`,
          );
          // Both InService: the home one is meant, the product launched at home.
          const twin = await client.create(
            dana,
            profileIn(TWIN, { dryRun: true }),
          );
          expect(twin.status).toBe(200);
          expect(twin.body.parameters.StudioDomainId).toBe(TWIN);
        }, 30_000);

        it('refuses a domain no account has, naming the home account', async () => {
          const res = await client.create(
            dana,
            profileIn('d-nosuchdomain0', { dryRun: true }),
          );
          expect(res.status).toBe(400);
          expect(res.body.error.message).toBe(
            `domainId: no Studio domain d-nosuchdomain0 in the home account ${home()}`,
          );
        }, 30_000);
      },
    );
  },
);

// How a domain of the home listing is told to be at home, whatever AWS
// reports: the region must be the home one; the account counts only when
// both the config and the domain name one (no configured account means the
// `aws:` block's main account, whose id config does not give).
describe('the home account and region of a domain', () => {
  const HOME = '111122223333';
  const OTHER = '444455556666';

  function domain(extra: Partial<StudioDomainSummary>): StudioDomainSummary {
    return {
      domainId: 'd-home00000001',
      domainName: 'ds-studio',
      status: 'InService',
      arn: '',
      region: REGION,
      ...extra,
    };
  }

  /** The policy with the home listing (and every target's) given. */
  function policy(options: {
    accountId?: string;
    home: StudioDomainSummary[];
    everyTarget?: StudioDomainSummary[];
  }) {
    const config = {
      region: REGION,
      ...(options.accountId ? { accountId: options.accountId } : {}),
      targets: [],
      adminGroup: 'group:default/data-science-admins',
      products: {
        studioDomain: { productName: 'd', requiresApproval: true },
        teamEnvironment: { productName: 't', requiresApproval: true },
        userProfile: { productName: 'p', requiresApproval: false },
      },
      platformParameters: {},
    } as unknown as SageMakerStudioConfig;
    const provisioner = {
      resolveProduct: async () => ({
        kind: 'userProfile',
        productId: 'prod-profile',
        productName: 'Studio user profile',
        artifactId: 'pa-1',
        artifactName: 'v1',
        latestArtifactId: 'pa-1',
        latestArtifactName: 'v1',
        parameters: ['TeamName', 'StudioUserProfileName', 'StudioDomainId'].map(
          key => ({ key }),
        ),
      }),
    } as unknown as SageMakerStudioProvisioner;
    const domains = {
      listDomains: async () => ({ items: options.home, errors: [] }),
      listDomainsOfEveryTarget: async () => ({
        items: options.everyTarget ?? options.home,
        errors: [],
      }),
    } as unknown as StudioDomainReader;
    const subject = new RequestPolicy({
      config,
      catalog: catalogServiceMock({ entities: ORG }),
      permissions: mockServices.permissions({
        result: AuthorizeResult.ALLOW,
      }),
      provisioner,
      domains,
      store: {} as RequestStore,
    });
    return (domainId: string) =>
      subject
        .prepare(
          {
            credentials: mockCredentials.user(dana),
            userRef: dana,
            isAdmin: false,
          },
          {
            product: 'userProfile',
            teamName: 'fraud-detection',
            domainId,
            parameters: {},
            idempotencyKey: 'k',
          },
        )
        .then(prepared => prepared.parameters.StudioDomainId);
  }

  it('accepts a home domain whose account the config names', async () => {
    const prepare = policy({
      accountId: HOME,
      home: [domain({ accountId: HOME })],
    });
    await expect(prepare('d-home00000001')).resolves.toBe('d-home00000001');
  });

  it('accepts a domain of the main account when config names no account, by region', async () => {
    const prepare = policy({ home: [domain({ accountId: OTHER })] });
    await expect(prepare('d-home00000001')).resolves.toBe('d-home00000001');
  });

  it('accepts a home domain whose ARN names no account', async () => {
    const prepare = policy({ accountId: HOME, home: [domain({})] });
    await expect(prepare('d-home00000001')).resolves.toBe('d-home00000001');
  });

  it('refuses a domain whose known account is not the configured one', async () => {
    const stray = domain({ accountId: OTHER });
    const prepare = policy({ accountId: HOME, home: [stray] });
    await expect(prepare('d-home00000001')).rejects.toThrow(
      `domainId: domain d-home00000001 is in ${OTHER}/${REGION}; profiles are launched in the home account ${HOME}/${REGION} only`,
    );
  });

  it('refuses a domain of another region, with or without an account', async () => {
    for (const accountId of [HOME, undefined]) {
      const away = domain({ accountId, region: 'eu-west-1' });
      const prepare = policy({ accountId, home: [away] });
      await expect(prepare('d-home00000001')).rejects.toThrow(
        `domainId: domain d-home00000001 is in ${
          accountId ?? 'default'
        }/eu-west-1; profiles are launched in the home account ${
          accountId ?? 'default'
        }/${REGION} only`,
      );
    }
  });

  it('takes the home twin of an id two accounts have, whatever order they are listed in', async () => {
    const twin = domain({ accountId: OTHER, status: 'Failed' });
    const prepare = policy({
      accountId: HOME,
      home: [twin, domain({ accountId: HOME })],
    });
    await expect(prepare('d-home00000001')).resolves.toBe('d-home00000001');
  });
});

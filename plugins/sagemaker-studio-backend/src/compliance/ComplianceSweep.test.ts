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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSandbox, Sandbox } from '@internal/aws-sandbox';
import {
  ASFF_PRODUCT_FIELDS,
  toAsffFinding,
} from '@internal/plugin-sagemaker-studio-common';
import {
  COMPLIANCE_READ_FAILURE_MESSAGES,
  SageMakerStudioAwsClients,
} from '@internal/plugin-sagemaker-studio-node';
import { ComplianceSweep } from './ComplianceSweep';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';

// The sweep against the sandbox over two accounts: what it finds, what it
// resolves, and a failing account reported without stopping the other.

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const HOME = '123456789012';
const OTHER = '210987654321';

let sandbox: Sandbox;

function clientsFor(accounts: string[]) {
  return new SageMakerStudioAwsClients({
    config: {
      region: 'us-east-1',
      accountId: HOME,
      targets: accounts.map(accountId => ({ accountId, region: 'us-east-1' })),
      endpoint: sandbox.url,
      adminGroup: 'group:default/admins',
      products: {} as any,
      platformParameters: {},
      provisioning: { frequencySeconds: 5, maxAttempts: 8 },
      limits: {
        requestsPerMinute: 10,
        pendingRequestsPerUser: 5,
        openStudioPerMinute: 10,
      },
      cache: { ttlSeconds: 30 },
      openStudio: { sessionExpirationSeconds: 43200 },
    },
    // The sandbox reads a 12-digit access key as that account.
    credentialsManager: {
      getCredentialProvider: async (options?: { accountId?: string }) => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: options?.accountId ?? HOME,
          secretAccessKey: 'sandbox',
        }),
      }),
    },
  });
}

function logs() {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['error', 'warn', 'info'] as const) {
    logger[level].mockImplementation((message: string, meta?: any) => {
      lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
    });
  }
  return { logger, lines };
}

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await sandbox.invoke('sagemaker', 'CreateModel', {
    ModelName: 'fraud-model-no-vpc',
    ExecutionRoleArn: `arn:aws:iam::${HOME}:role/ds-team-user-fraud-detection-dev`,
    PrimaryContainer: { Image: 'image:1' },
  });
  await sandbox.forAccount(OTHER).invoke('sagemaker', 'CreateModel', {
    ModelName: 'recs-model-no-vpc',
    ExecutionRoleArn: `arn:aws:iam::${OTHER}:role/x`,
    PrimaryContainer: { Image: 'image:1' },
    Tags: [{ Key: 'TeamName', Value: 'recommendations' }],
  });
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe.each(databases.eachSupportedId())(
  'ComplianceSweep on %p',
  databaseId => {
    let store: DatabaseComplianceStore;
    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      store = await DatabaseComplianceStore.create({
        database: { getClient: async () => knex },
      });
    });
    afterEach(() => sandbox.faults.configure({}));

    it('sweeps every account, attributing by tag or role', async () => {
      const { logger } = logs();
      const result = await new ComplianceSweep({
        clients: clientsFor([HOME, OTHER]),
        store,
        logger,
      }).run();
      expect(result).toMatchObject({
        status: 'succeeded',
        failedTargets: [],
        evaluated: 2,
      });
      const { items } = await store.listFindings({
        ruleId: 'SAGEMAKER_VPC_REQUIRED',
      });
      expect(
        items.map(f => [f.resource.name, f.team, f.accountId, f.state]).sort(),
      ).toEqual([
        ['fraud-model-no-vpc', 'fraud-detection', HOME, 'OPEN'],
        ['recs-model-no-vpc', 'recommendations', OTHER, 'OPEN'],
      ]);
      const summary = await store.summary({ team: 'recommendations' });
      expect(summary).toMatchObject({
        score: 0,
        evaluatedResources: 1,
        lastSweep: { status: 'succeeded' },
      });
    });

    it('reports an account that keeps failing, keeps its findings, and sweeps the other', async () => {
      const { logger, lines } = logs();
      sandbox.faults.configure({ scopes: { [OTHER]: { errorRate: 1 } } });
      const result = await new ComplianceSweep({
        clients: clientsFor([HOME, OTHER]),
        store,
        logger,
        retry: { attempts: 2, sleep: async () => {} },
      }).run();
      expect(result.status).toBe('partial');
      expect(result.failedTargets).toEqual([
        {
          accountId: OTHER,
          region: 'us-east-1',
          message: COMPLIANCE_READ_FAILURE_MESSAGES.sageMaker,
        },
      ]);
      expect((await store.latestSweep())?.failedTargets).toEqual(
        result.failedTargets,
      );
      const { items } = await store.listFindings({ accountId: OTHER });
      expect(items.map(f => f.state)).toEqual(items.map(() => 'OPEN'));
      expect(items.length).toBeGreaterThan(0);
      // Its resource counts are carried, so the score does not jump.
      expect((await store.summary({})).evaluatedResources).toBe(2);
      // What AWS said is in the log only.
      expect(lines.some(l => l.includes('awsError'))).toBe(true);
      expect(JSON.stringify(result)).not.toMatch(
        /InternalFailure|InternalError|500/,
      );
    });

    it('fails when no account can be read', async () => {
      sandbox.faults.configure({ errorRate: 1 });
      const result = await new ComplianceSweep({
        clients: clientsFor([HOME]),
        store,
        logger: logs().logger,
        retry: { attempts: 1 },
      }).run();
      expect(result.status).toBe('failed');
    });

    it('resolves a finding whose resource is gone', async () => {
      // The detective control's finding on the model, as the Lambda writes it.
      const asff = toAsffFinding(
        {
          ruleId: 'SAGEMAKER_VPC_REQUIRED',
          title: 'SageMaker workloads must run in a VPC',
          severity: 'CRITICAL',
          status: 'FAILED',
          reason: 'VpcConfig is missing',
          resourceKind: 'Model',
          resourceName: 'fraud-model-no-vpc',
          resourceArn: `arn:aws:sagemaker:us-east-1:${HOME}:model/fraud-model-no-vpc`,
        },
        {
          accountId: HOME,
          region: 'us-east-1',
          now: new Date(),
          teamName: 'fraud-detection',
          remediation: 'NONE',
        },
      );
      await sandbox.invoke('securityhub', 'BatchImportFindings', {
        Findings: [asff],
      });
      await sandbox.invoke('sagemaker', 'DeleteModel', {
        ModelName: 'fraud-model-no-vpc',
      });
      await new ComplianceSweep({
        clients: clientsFor([HOME, OTHER]),
        store,
        logger: logs().logger,
      }).run();
      const { items } = await store.listFindings({ team: 'fraud-detection' });
      expect(items.length).toBeGreaterThan(0);
      for (const finding of items) {
        expect(finding).toMatchObject({ state: 'RESOLVED' });
        expect(finding.resolvedAt).toBeDefined();
      }
      const history = await store.history(
        { team: 'fraud-detection' },
        { now: new Date() },
      );
      expect(history[history.length - 1].resolved).toBeGreaterThan(0);
      // Security Hub: archived as deleted, workflow RESOLVED (resolveFinding).
      const { Findings } = await sandbox.invoke('securityhub', 'GetFindings', {
        Filters: { Id: [{ Value: asff.Id, Comparison: 'EQUALS' }] },
      });
      expect(Findings[0]).toMatchObject({
        RecordState: 'ARCHIVED',
        Workflow: { Status: 'RESOLVED' },
        Compliance: { Status: 'NOT_AVAILABLE' },
        ProductFields: {
          [ASFF_PRODUCT_FIELDS.resolution]: 'deleted',
          [ASFF_PRODUCT_FIELDS.action]: 'reported',
        },
      });
      // Put it back for the other database's run.
      await sandbox.invoke('sagemaker', 'CreateModel', {
        ModelName: 'fraud-model-no-vpc',
        ExecutionRoleArn: `arn:aws:iam::${HOME}:role/ds-team-user-fraud-detection-dev`,
        PrimaryContainer: { Image: 'image:1' },
      });
    });

    it('sweeps Studio spaces and apps, attributed to the owner profile’s team, judged with the configured context', async () => {
      const { DomainId } = await sandbox.invoke('sagemaker', 'CreateDomain', {
        DomainName: `studio-${databaseId.toLowerCase().replace(/_/g, '-')}`,
        AuthMode: 'IAM',
        AppNetworkAccessType: 'VpcOnly',
        VpcId: 'vpc-0abc',
        SubnetIds: ['subnet-1'],
        KmsKeyId: `arn:aws:kms:us-east-1:${HOME}:key/1111`,
        DefaultUserSettings: {
          ExecutionRole: `arn:aws:iam::${HOME}:role/x`,
          SecurityGroups: ['sg-1'],
        },
      });
      await sandbox.invoke('sagemaker', 'CreateUserProfile', {
        DomainId,
        UserProfileName: 'dana',
        Tags: [{ Key: 'TeamName', Value: 'fraud-detection' }],
      });
      await sandbox.invoke('sagemaker', 'CreateSpace', {
        DomainId,
        SpaceName: 'fraud-shared',
        SpaceSettings: { AppType: 'JupyterLab' },
        SpaceSharingSettings: { SharingType: 'Shared' },
        OwnershipSettings: { OwnerUserProfileName: 'dana' },
      });
      await sandbox.invoke('sagemaker', 'CreateApp', {
        DomainId,
        SpaceName: 'fraud-shared',
        AppType: 'JupyterLab',
        AppName: 'default',
        ResourceSpec: {
          SageMakerImageArn: `arn:aws:sagemaker:us-east-1:${HOME}:image/unreviewed`,
        },
      });
      const result = await new ComplianceSweep({
        clients: clientsFor([HOME]),
        store,
        logger: logs().logger,
        context: {
          approvedImageNames: ['ds-custom'],
          allowSharedSpaces: false,
        },
      }).run();
      expect(result.status).toBe('succeeded');
      const { items } = await store.listFindings({ team: 'fraud-detection' });
      const studio = items
        .filter(f => ['Space', 'App'].includes(f.resource.kind))
        .map(f => [f.resource.kind, f.resource.name, f.ruleId, f.state])
        .sort();
      expect(studio).toEqual([
        ['App', 'default', 'SAGEMAKER_APPROVED_IMAGE', 'OPEN'],
        ['Space', 'fraud-shared', 'SAGEMAKER_SPACE_SHARING', 'OPEN'],
      ]);
      await sandbox.invoke('sagemaker', 'DeleteApp', {
        DomainId,
        SpaceName: 'fraud-shared',
        AppType: 'JupyterLab',
        AppName: 'default',
      });
      await sandbox.invoke('sagemaker', 'DeleteSpace', {
        DomainId,
        SpaceName: 'fraud-shared',
      });
      // Gone for the other database's run.
      await sandbox.invoke('sagemaker', 'DeleteUserProfile', {
        DomainId,
        UserProfileName: 'dana',
      });
      await sandbox.invoke('sagemaker', 'DeleteDomain', { DomainId });
    });
  },
);

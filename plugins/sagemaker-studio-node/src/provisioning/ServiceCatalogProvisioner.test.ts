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
  CreateProvisionedProductPlanCommand,
  DeleteProvisionedProductPlanCommand,
  DescribeProductCommand,
  DescribeProvisionedProductPlanCommand,
  DescribeProvisioningParametersCommand,
  DescribeRecordCommand,
  ExecuteProvisionedProductPlanCommand,
  ListLaunchPathsCommand,
  ProvisionProductCommand,
  ProvisioningArtifact,
  ServiceCatalogClient,
  TerminateProvisionedProductCommand,
  UpdateProvisionedProductCommand,
} from '@aws-sdk/client-service-catalog';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { SageMakerStudioAwsClients } from '../aws/SageMakerStudioAwsClients';
import { SageMakerStudioConfig } from '../config';
import { ServiceCatalogProvisioner } from './ServiceCatalogProvisioner';
import { ResolvedProduct } from './types';

const serviceCatalog = mockClient(ServiceCatalogClient);

const TEAM_PRODUCT = 'Data science team environment';

function provisioner(
  options: { version?: string; now?: () => number } = {},
): ServiceCatalogProvisioner {
  const config = {
    region: 'eu-west-1',
    adminGroup: 'group:default/admins',
    products: {
      studioDomain: {
        productName: 'SageMaker Studio domain',
        requiresApproval: true,
      },
      teamEnvironment: {
        productName: TEAM_PRODUCT,
        requiresApproval: true,
        ...(options.version ? { version: options.version } : {}),
      },
      userProfile: {
        productName: 'Studio user profile',
        requiresApproval: false,
      },
    },
  } as SageMakerStudioConfig;
  const clients = new SageMakerStudioAwsClients({
    config,
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: 'AKIAFAKE',
          secretAccessKey: 'fake',
        }),
      }),
    },
  });
  return new ServiceCatalogProvisioner({ config, clients, now: options.now });
}

function awsError(name: string, message = `${name} from AWS`): Error {
  return Object.assign(new Error(message), { name });
}

/** The rejection of a promise, to assert its type, message and cause at once. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    error => error,
  );
}

const V1: ProvisioningArtifact = {
  Id: 'pa-v1',
  Name: 'v1',
  CreatedTime: new Date('2026-01-10T10:00:00Z'),
  Guidance: 'DEFAULT',
};
const V2: ProvisioningArtifact = {
  Id: 'pa-v2',
  Name: 'v2',
  CreatedTime: new Date('2026-06-10T10:00:00Z'),
  Guidance: 'DEFAULT',
};
const V3_DEPRECATED: ProvisioningArtifact = {
  Id: 'pa-v3',
  Name: 'v3',
  CreatedTime: new Date('2026-09-10T10:00:00Z'),
  Guidance: 'DEPRECATED',
};

/** Scripts the three reads of the team environment product, one `.on` per call. */
function productReads(options: {
  artifacts?: ProvisioningArtifact[];
  artifactId: string;
  /** Fails the first DescribeProduct with this error. */
  failFirst?: Error;
}) {
  const describeProduct = serviceCatalog.on(DescribeProductCommand, {
    Name: TEAM_PRODUCT,
  });
  if (options.failFirst) {
    describeProduct.rejectsOnce(options.failFirst);
  }
  describeProduct.resolves({
    ProductViewSummary: { ProductId: 'prod-team', Name: TEAM_PRODUCT },
    // Oldest first, so that only sorting by CreatedTime finds the newest.
    ProvisioningArtifacts: options.artifacts ?? [V1, V3_DEPRECATED, V2],
  });
  serviceCatalog
    .on(ListLaunchPathsCommand, { ProductId: 'prod-team' })
    .resolves({
      LaunchPathSummaries: [
        { Id: 'lpv-first', Name: 'Portfolio A' },
        { Id: 'lpv-second', Name: 'Portfolio B' },
      ],
    });
  serviceCatalog
    .on(DescribeProvisioningParametersCommand, {
      ProductId: 'prod-team',
      ProvisioningArtifactId: options.artifactId,
      PathId: 'lpv-first',
    })
    .resolves({
      ProvisioningArtifactParameters: [
        {
          ParameterKey: 'EnvType',
          DefaultValue: 'dev',
          Description: 'The environment type',
          ParameterConstraints: {
            AllowedValues: ['dev', 'test', 'prod'],
            ConstraintDescription: 'One of dev, test or prod',
          },
        },
        {
          ParameterKey: 'TeamName',
          ParameterConstraints: {
            AllowedValues: [],
            AllowedPattern: '^[a-z][a-z0-9-]*$',
            MinLength: '3',
            MaxLength: '63',
          },
        },
        {
          ParameterKey: 'IdleTimeoutInMinutes',
          DefaultValue: '60',
          ParameterConstraints: {
            AllowedPattern: '',
            MinValue: '60',
            MaxValue: '525600',
            MinLength: '',
          },
        },
      ],
    });
}

const PRODUCT: ResolvedProduct = {
  kind: 'teamEnvironment',
  productId: 'prod-team',
  productName: TEAM_PRODUCT,
  artifactId: 'pa-v1',
  artifactName: 'v1',
  latestArtifactId: 'pa-v2',
  latestArtifactName: 'v2',
  pathId: 'lpv-first',
  parameters: [
    { key: 'EnvType', defaultValue: 'dev' },
    { key: 'TeamName' },
    { key: 'SharedServicesName' },
  ],
};

const RECORD = {
  RecordDetail: { RecordId: 'rec-1', ProvisionedProductId: 'pp-1' },
};

/** One Service Catalog call the provisioner makes, as the tables below script it. */
type Call = {
  command: new (input: any) => any;
  input: Record<string, unknown>;
  run: (subject: ServiceCatalogProvisioner) => Promise<unknown>;
};

/** The mutating calls, each with the token under its own name. */
const LAUNCHES: Record<
  'executePlan' | 'provision' | 'update' | 'terminate',
  Call
> = {
  executePlan: {
    command: ExecuteProvisionedProductPlanCommand,
    input: { PlanId: 'plan-1', IdempotencyToken: 'request-1' },
    run: subject =>
      subject.executePlan({ token: 'request-1', planId: 'plan-1' }),
  },
  provision: {
    command: ProvisionProductCommand,
    // The configured version, not the newest.
    input: {
      ProductId: 'prod-team',
      ProvisioningArtifactId: 'pa-v1',
      PathId: 'lpv-first',
      ProvisionedProductName: 'profile-dana',
      ProvisioningParameters: [{ Key: 'EnvType', Value: 'dev' }],
      Tags: [{ Key: 'BackstageRequestId', Value: 'request-1' }],
      ProvisionToken: 'request-1',
    },
    run: subject =>
      subject.provision({
        token: 'request-1',
        product: PRODUCT,
        provisionedProductName: 'profile-dana',
        parameters: { EnvType: 'dev' },
        tags: { BackstageRequestId: 'request-1' },
      }),
  },
  update: {
    command: UpdateProvisionedProductCommand,
    // The newest version, keeping the value of every parameter.
    input: {
      ProvisionedProductId: 'pp-1',
      ProductId: 'prod-team',
      ProvisioningArtifactId: 'pa-v2',
      PathId: 'lpv-first',
      ProvisioningParameters: [
        { Key: 'EnvType', UsePreviousValue: true },
        { Key: 'TeamName', UsePreviousValue: true },
        { Key: 'SharedServicesName', UsePreviousValue: true },
      ],
      UpdateToken: 'request-1',
    },
    run: subject =>
      subject.update({
        token: 'request-1',
        provisionedProductId: 'pp-1',
        product: PRODUCT,
      }),
  },
  terminate: {
    command: TerminateProvisionedProductCommand,
    input: { ProvisionedProductId: 'pp-1', TerminateToken: 'request-1' },
    run: subject =>
      subject.terminate({ token: 'request-1', provisionedProductId: 'pp-1' }),
  },
};

describe('ServiceCatalogProvisioner', () => {
  beforeEach(() => serviceCatalog.reset());

  describe('resolveProduct', () => {
    it('picks the configured version by name, reports the newest separately and uses the first launch path', async () => {
      productReads({ artifactId: 'pa-v1' });

      const product = await provisioner({ version: 'v1' }).resolveProduct(
        'teamEnvironment',
      );

      expect(product).toEqual({
        kind: 'teamEnvironment',
        productId: 'prod-team',
        productName: TEAM_PRODUCT,
        artifactId: 'pa-v1',
        artifactName: 'v1',
        latestArtifactId: 'pa-v2',
        latestArtifactName: 'v2',
        pathId: 'lpv-first',
        parameters: expect.any(Array),
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(DescribeProductCommand, {
        Name: TEAM_PRODUCT,
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(ListLaunchPathsCommand, {
        ProductId: 'prod-team',
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        DescribeProvisioningParametersCommand,
        {
          ProductId: 'prod-team',
          ProvisioningArtifactId: 'pa-v1',
          PathId: 'lpv-first',
        },
      );
    });

    it('picks the newest version that is not deprecated when none is configured', async () => {
      productReads({ artifactId: 'pa-v2' });

      const product = await provisioner().resolveProduct('teamEnvironment');

      expect(product).toMatchObject({
        artifactId: 'pa-v2',
        artifactName: 'v2',
        latestArtifactId: 'pa-v2',
        latestArtifactName: 'v2',
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        DescribeProvisioningParametersCommand,
        {
          ProductId: 'prod-team',
          ProvisioningArtifactId: 'pa-v2',
          PathId: 'lpv-first',
        },
      );
      expect(serviceCatalog).not.toHaveReceivedCommandWith(
        DescribeProvisioningParametersCommand,
        { ProvisioningArtifactId: 'pa-v3' },
      );
    });

    it('maps the parameter constraints, with lengths and values as numbers', async () => {
      productReads({ artifactId: 'pa-v2' });

      const { parameters } = await provisioner().resolveProduct(
        'teamEnvironment',
      );

      expect(parameters).toEqual([
        {
          key: 'EnvType',
          defaultValue: 'dev',
          description: 'The environment type',
          allowedValues: ['dev', 'test', 'prod'],
          allowedPattern: undefined,
          constraintDescription: 'One of dev, test or prod',
          minLength: undefined,
          maxLength: undefined,
          minValue: undefined,
          maxValue: undefined,
        },
        {
          key: 'TeamName',
          defaultValue: undefined,
          description: undefined,
          allowedValues: undefined,
          allowedPattern: '^[a-z][a-z0-9-]*$',
          constraintDescription: undefined,
          minLength: 3,
          maxLength: 63,
          minValue: undefined,
          maxValue: undefined,
        },
        {
          key: 'IdleTimeoutInMinutes',
          defaultValue: '60',
          description: undefined,
          allowedValues: undefined,
          allowedPattern: undefined,
          constraintDescription: undefined,
          minLength: undefined,
          maxLength: undefined,
          minValue: 60,
          maxValue: 525600,
        },
      ]);
    });

    it('leaves out the launch path when the product has none', async () => {
      serviceCatalog
        .on(DescribeProductCommand, { Name: TEAM_PRODUCT })
        .resolves({
          ProductViewSummary: { ProductId: 'prod-team' },
          ProvisioningArtifacts: [V2],
        });
      serviceCatalog
        .on(ListLaunchPathsCommand, { ProductId: 'prod-team' })
        .resolves({ LaunchPathSummaries: [] });
      serviceCatalog
        .on(DescribeProvisioningParametersCommand, {
          ProductId: 'prod-team',
          ProvisioningArtifactId: 'pa-v2',
        })
        .resolves({});

      const product = await provisioner().resolveProduct('teamEnvironment');

      expect(product.pathId).toBeUndefined();
      expect(product.parameters).toEqual([]);
      expect(serviceCatalog).toHaveReceivedCommandWith(
        DescribeProvisioningParametersCommand,
        { ProductId: 'prod-team', ProvisioningArtifactId: 'pa-v2' },
      );
      expect(
        serviceCatalog.commandCalls(DescribeProvisioningParametersCommand)[0]
          .args[0].input,
      ).not.toHaveProperty('PathId');
    });

    it('answers a second call within 60 s from the cache and reads again after', async () => {
      productReads({ artifactId: 'pa-v2' });
      let now = 1_000_000;
      const subject = provisioner({ now: () => now });

      const first = await subject.resolveProduct('teamEnvironment');
      now += 59_999;
      const second = await subject.resolveProduct('teamEnvironment');

      expect(second).toEqual(first);
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProductCommand,
        1,
      );
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        ListLaunchPathsCommand,
        1,
      );
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProvisioningParametersCommand,
        1,
      );

      now += 1;
      await subject.resolveProduct('teamEnvironment');

      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProductCommand,
        2,
      );
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        ListLaunchPathsCommand,
        2,
      );
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProvisioningParametersCommand,
        2,
      );
    });

    it('caches each product kind on its own', async () => {
      productReads({ artifactId: 'pa-v2' });
      serviceCatalog
        .on(DescribeProductCommand, { Name: 'Studio user profile' })
        .resolves({ ProductViewSummary: { ProductId: 'prod-profile' } });
      const subject = provisioner({ now: () => 0 });

      await subject.resolveProduct('teamEnvironment');
      await expect(subject.resolveProduct('userProfile')).rejects.toThrow(
        InputError,
      );

      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProductCommand,
        2,
      );
      expect(serviceCatalog).toHaveReceivedCommandWith(DescribeProductCommand, {
        Name: 'Studio user profile',
      });
    });

    it('does not cache a failed read', async () => {
      productReads({
        artifactId: 'pa-v2',
        failFirst: awsError('ThrottlingException', 'Rate exceeded'),
      });
      const subject = provisioner({ now: () => 0 });

      await expect(subject.resolveProduct('teamEnvironment')).rejects.toThrow(
        ServiceUnavailableError,
      );
      const product = await subject.resolveProduct('teamEnvironment');

      expect(product.artifactId).toBe('pa-v2');
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeProductCommand,
        2,
      );
    });

    it('refuses a product without an active version, naming the config key', async () => {
      serviceCatalog
        .on(DescribeProductCommand, { Name: TEAM_PRODUCT })
        .resolves({
          ProductViewSummary: { ProductId: 'prod-team' },
          ProvisioningArtifacts: [V3_DEPRECATED, { Name: 'no-id' }],
        });

      const error = await rejectionOf(
        provisioner().resolveProduct('teamEnvironment'),
      );

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `The Service Catalog product "${TEAM_PRODUCT}" has no active version (config sageMakerStudio.products.teamEnvironment)`,
      );
      expect(serviceCatalog).not.toHaveReceivedCommand(ListLaunchPathsCommand);
      expect(serviceCatalog).not.toHaveReceivedCommand(
        DescribeProvisioningParametersCommand,
      );
    });

    it('refuses a configured version that is deprecated or missing, naming it and the config key', async () => {
      serviceCatalog
        .on(DescribeProductCommand, { Name: TEAM_PRODUCT })
        .resolves({
          ProductViewSummary: { ProductId: 'prod-team' },
          ProvisioningArtifacts: [V1, V2, V3_DEPRECATED],
        });

      const error = await rejectionOf(
        provisioner({ version: 'v3' }).resolveProduct('teamEnvironment'),
      );

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `The Service Catalog product "${TEAM_PRODUCT}" has no active version named "v3" (config sageMakerStudio.products.teamEnvironment)`,
      );
    });
  });

  describe('createPlan', () => {
    it('creates a CloudFormation plan with the token, parameters and tags', async () => {
      const expected = {
        PlanName: 'backstage-request-1',
        PlanType: 'CLOUDFORMATION' as const,
        ProductId: 'prod-team',
        ProvisioningArtifactId: 'pa-v1',
        PathId: 'lpv-first',
        ProvisionedProductName: 'team-fraud-detection-dev',
        ProvisioningParameters: [
          { Key: 'TeamName', Value: 'fraud-detection' },
          { Key: 'EnvType', Value: 'dev' },
        ],
        Tags: [
          { Key: 'BackstageRequestId', Value: 'request-1' },
          { Key: 'TeamName', Value: 'fraud-detection' },
        ],
        IdempotencyToken: 'request-1',
      };
      serviceCatalog
        .on(CreateProvisionedProductPlanCommand, expected)
        .resolves({ PlanId: 'plan-1' });

      const plan = await provisioner().createPlan({
        token: 'request-1',
        product: PRODUCT,
        provisionedProductName: 'team-fraud-detection-dev',
        parameters: { TeamName: 'fraud-detection', EnvType: 'dev' },
        tags: { BackstageRequestId: 'request-1', TeamName: 'fraud-detection' },
      });

      expect(plan).toEqual({ planId: 'plan-1' });
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        CreateProvisionedProductPlanCommand,
        1,
      );
      expect(serviceCatalog).toHaveReceivedCommandWith(
        CreateProvisionedProductPlanCommand,
        expected,
      );
    });
  });

  describe('describePlan', () => {
    it.each([
      ['CREATE_IN_PROGRESS', 'CREATING'],
      ['CREATE_SUCCESS', 'READY'],
      ['CREATE_FAILED', 'FAILED'],
    ] as const)('maps %s to %s', async (awsStatus, status) => {
      serviceCatalog
        .on(DescribeProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .resolves({
          ProvisionedProductPlanDetails: {
            PlanId: 'plan-1',
            Status: awsStatus,
          },
        });

      const plan = await provisioner().describePlan('plan-1');

      expect(plan).toEqual({ planId: 'plan-1', status, resourceChanges: [] });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        DescribeProvisionedProductPlanCommand,
        { PlanId: 'plan-1' },
      );
    });

    it('maps the status message and the resource changes', async () => {
      serviceCatalog
        .on(DescribeProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .resolves({
          ProvisionedProductPlanDetails: {
            Status: 'CREATE_FAILED',
            StatusMessage: 'Template format error',
          },
          ResourceChanges: [
            {
              Action: 'ADD',
              LogicalResourceId: 'TeamBucket',
              ResourceType: 'AWS::S3::Bucket',
            },
            {
              Action: 'MODIFY',
              LogicalResourceId: 'TeamRole',
              PhysicalResourceId: 'team-role',
              ResourceType: 'AWS::IAM::Role',
              Replacement: 'CONDITIONAL',
            },
            {},
          ],
        });

      const plan = await provisioner().describePlan('plan-1');

      expect(plan).toEqual({
        planId: 'plan-1',
        status: 'FAILED',
        statusMessage: 'Template format error',
        resourceChanges: [
          {
            action: 'ADD',
            logicalResourceId: 'TeamBucket',
            resourceType: 'AWS::S3::Bucket',
          },
          {
            action: 'MODIFY',
            logicalResourceId: 'TeamRole',
            physicalResourceId: 'team-role',
            resourceType: 'AWS::IAM::Role',
            replacement: 'CONDITIONAL',
          },
          { action: 'UNKNOWN', logicalResourceId: '', resourceType: '' },
        ],
      });
    });
  });

  describe('deletePlan', () => {
    it('deletes the plan', async () => {
      serviceCatalog
        .on(DeleteProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .resolves({});

      await expect(provisioner().deletePlan('plan-1')).resolves.toBeUndefined();

      expect(serviceCatalog).toHaveReceivedCommandWith(
        DeleteProvisionedProductPlanCommand,
        { PlanId: 'plan-1' },
      );
    });

    it('ignores a plan that is already gone', async () => {
      serviceCatalog
        .on(DeleteProvisionedProductPlanCommand, { PlanId: 'plan-gone' })
        .rejects(awsError('ResourceNotFoundException'));

      await expect(
        provisioner().deletePlan('plan-gone'),
      ).resolves.toBeUndefined();
    });
  });

  describe('executePlan, provision, update and terminate', () => {
    it.each(Object.entries(LAUNCHES))(
      '%s sends its input with the token and answers the record',
      async (_method, { command, input, run }) => {
        serviceCatalog.on(command, input).resolves(RECORD);

        const result = await run(provisioner());

        expect(result).toEqual({
          recordId: 'rec-1',
          provisionedProductId: 'pp-1',
        });
        expect(serviceCatalog).toHaveReceivedCommandTimes(command, 1);
        expect(serviceCatalog).toHaveReceivedCommandWith(command, input);
      },
    );

    it('fails when Service Catalog answers without a record id', async () => {
      serviceCatalog
        .on(ExecuteProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .resolves({ RecordDetail: {} });

      await expect(LAUNCHES.executePlan.run(provisioner())).rejects.toThrow(
        'Service Catalog answered without a record id',
      );
    });
  });

  describe('describeRecord', () => {
    it('follows the page token for the outputs and reads the status of the last page', async () => {
      serviceCatalog
        .on(DescribeRecordCommand, { Id: 'rec-1', PageToken: undefined })
        .resolves({
          RecordDetail: { RecordId: 'rec-1', Status: 'IN_PROGRESS' },
          RecordOutputs: [
            { OutputKey: 'TeamBucketName', OutputValue: 'team-bucket' },
            { OutputKey: 'NoValue' },
          ],
          NextPageToken: 'page-2',
        })
        .on(DescribeRecordCommand, { Id: 'rec-1', PageToken: 'page-2' })
        .resolves({
          RecordDetail: {
            RecordId: 'rec-1',
            Status: 'SUCCEEDED',
            ProvisionedProductId: 'pp-1',
          },
          RecordOutputs: [
            { OutputKey: 'SsmParameterPrefix', OutputValue: '/team/dev/' },
            { OutputKey: 'Empty', OutputValue: '' },
          ],
        });

      const record = await provisioner().describeRecord('rec-1');

      expect(record).toEqual({
        status: 'SUCCEEDED',
        provisionedProductId: 'pp-1',
        errors: [],
        outputs: {
          TeamBucketName: 'team-bucket',
          SsmParameterPrefix: '/team/dev/',
          Empty: '',
        },
      });
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        DescribeRecordCommand,
        2,
      );
      expect(serviceCatalog).toHaveReceivedNthSpecificCommandWith(
        1,
        DescribeRecordCommand,
        { Id: 'rec-1', PageToken: undefined },
      );
      expect(serviceCatalog).toHaveReceivedNthSpecificCommandWith(
        2,
        DescribeRecordCommand,
        { Id: 'rec-1', PageToken: 'page-2' },
      );
    });

    it.each([
      ['CREATED', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'IN_PROGRESS'],
      ['IN_PROGRESS_IN_ERROR', 'IN_PROGRESS'],
      ['SUCCEEDED', 'SUCCEEDED'],
      ['FAILED', 'FAILED'],
    ] as const)('maps %s to %s', async (awsStatus, status) => {
      serviceCatalog
        .on(DescribeRecordCommand, { Id: 'rec-1' })
        .resolves({ RecordDetail: { RecordId: 'rec-1', Status: awsStatus } });

      const record = await provisioner().describeRecord('rec-1');

      expect(record.status).toBe(status);
    });

    it('maps the record errors', async () => {
      serviceCatalog.on(DescribeRecordCommand, { Id: 'rec-1' }).resolves({
        RecordDetail: {
          RecordId: 'rec-1',
          Status: 'FAILED',
          ProvisionedProductId: 'pp-1',
          RecordErrors: [
            {
              Code: 'CREATE_FAILED',
              Description: 'TeamBucket: bucket name already taken',
            },
            {},
          ],
        },
      });

      const record = await provisioner().describeRecord('rec-1');

      expect(record).toEqual({
        status: 'FAILED',
        provisionedProductId: 'pp-1',
        errors: [
          {
            code: 'CREATE_FAILED',
            description: 'TeamBucket: bucket name already taken',
          },
          { code: 'UNKNOWN', description: '' },
        ],
        outputs: {},
      });
    });
  });

  describe('AWS errors', () => {
    it.each<
      Call & {
        aws: string;
        type: new (...args: any[]) => Error;
        method: string;
        message: string;
      }
    >([
      {
        aws: 'ResourceNotFoundException',
        type: NotFoundError,
        method: 'resolveProduct',
        command: DescribeProductCommand,
        input: { Name: TEAM_PRODUCT },
        run: subject => subject.resolveProduct('teamEnvironment'),
        message: `Finding the Service Catalog product "${TEAM_PRODUCT}" failed: AWS said no`,
      },
      {
        aws: 'InvalidParametersException',
        type: InputError,
        method: 'createPlan',
        command: CreateProvisionedProductPlanCommand,
        input: { IdempotencyToken: 'request-1' },
        run: subject =>
          subject.createPlan({
            token: 'request-1',
            product: PRODUCT,
            provisionedProductName: 'team-x',
            parameters: { EnvType: 'staging' },
            tags: {},
          }),
        message: 'Creating the provisioning plan failed: AWS said no',
      },
      {
        aws: 'ResourceNotFoundException',
        type: NotFoundError,
        method: 'describePlan',
        command: DescribeProvisionedProductPlanCommand,
        input: { PlanId: 'plan-gone' },
        run: subject => subject.describePlan('plan-gone'),
        message: 'Reading the provisioning plan failed: AWS said no',
      },
      {
        // Only a plan that is gone is ignored; anything else is rethrown.
        aws: 'ThrottlingException',
        type: ServiceUnavailableError,
        method: 'deletePlan',
        command: DeleteProvisionedProductPlanCommand,
        input: { PlanId: 'plan-1' },
        run: subject => subject.deletePlan('plan-1'),
        message: 'Deleting the plan was throttled by AWS',
      },
      {
        aws: 'DuplicateResourceException',
        type: ConflictError,
        method: 'executePlan',
        ...LAUNCHES.executePlan,
        message: 'Executing the provisioning plan failed: AWS said no',
      },
      {
        aws: 'DuplicateResourceException',
        type: ConflictError,
        method: 'provision',
        ...LAUNCHES.provision,
        message: 'Provisioning the product failed: AWS said no',
      },
      {
        aws: 'InvalidParametersException',
        type: InputError,
        method: 'update',
        ...LAUNCHES.update,
        message: 'Updating the provisioned product failed: AWS said no',
      },
      {
        aws: 'ThrottlingException',
        type: ServiceUnavailableError,
        method: 'terminate',
        ...LAUNCHES.terminate,
        message: 'Terminating the provisioned product was throttled by AWS',
      },
      {
        aws: 'ResourceNotFoundException',
        type: NotFoundError,
        method: 'terminate',
        ...LAUNCHES.terminate,
        message: 'Terminating the provisioned product failed: AWS said no',
      },
      {
        aws: 'ThrottlingException',
        type: ServiceUnavailableError,
        method: 'describeRecord',
        command: DescribeRecordCommand,
        input: { Id: 'rec-1' },
        run: subject => subject.describeRecord('rec-1'),
        message: 'Reading the provisioning record was throttled by AWS',
      },
    ])(
      '$method turns $aws into $type.name naming the action, with the AWS error as cause',
      async ({ aws, type, command, input, run, message }) => {
        const cause = awsError(aws, 'AWS said no');
        serviceCatalog.on(command, input).rejects(cause);

        const error = await rejectionOf(run(provisioner()));

        expect(error).toBeInstanceOf(type);
        expect(error.message).toContain(message);
        expect((error as ServiceUnavailableError).cause).toBe(cause);
      },
    );
  });
});

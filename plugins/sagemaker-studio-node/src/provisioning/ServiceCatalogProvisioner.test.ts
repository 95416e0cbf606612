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

    it('turns a missing product into NotFoundError naming the product, with the AWS error as cause', async () => {
      const cause = awsError('ResourceNotFoundException', 'Product not found');
      serviceCatalog
        .on(DescribeProductCommand, { Name: TEAM_PRODUCT })
        .rejects(cause);

      const error = await rejectionOf(
        provisioner().resolveProduct('teamEnvironment'),
      );

      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(
        `Finding the Service Catalog product "${TEAM_PRODUCT}" failed: Product not found`,
      );
      expect((error as NotFoundError).cause).toBe(cause);
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

    it('turns invalid parameters into InputError naming the action, with the AWS error as cause', async () => {
      const cause = awsError(
        'InvalidParametersException',
        'Parameter EnvType failed to satisfy constraint',
      );
      serviceCatalog
        .on(CreateProvisionedProductPlanCommand, { IdempotencyToken: 'r-2' })
        .rejects(cause);

      const error = await rejectionOf(
        provisioner().createPlan({
          token: 'r-2',
          product: PRODUCT,
          provisionedProductName: 'team-x',
          parameters: { EnvType: 'staging' },
          tags: {},
        }),
      );

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(
        'Creating the provisioning plan failed: Parameter EnvType failed to satisfy constraint',
      );
      expect((error as InputError).cause).toBe(cause);
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

    it('turns a missing plan into NotFoundError naming the action', async () => {
      const cause = awsError('ResourceNotFoundException', 'Plan not found');
      serviceCatalog
        .on(DescribeProvisionedProductPlanCommand, { PlanId: 'plan-gone' })
        .rejects(cause);

      const error = await rejectionOf(provisioner().describePlan('plan-gone'));

      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toContain(
        'Reading the provisioning plan failed: Plan not found',
      );
      expect((error as NotFoundError).cause).toBe(cause);
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

    it('rethrows other failures translated, with the AWS error as cause', async () => {
      const cause = awsError('ThrottlingException', 'Rate exceeded');
      serviceCatalog
        .on(DeleteProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .rejects(cause);

      const error = await rejectionOf(provisioner().deletePlan('plan-1'));

      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toContain('Deleting the plan was throttled by AWS');
      expect((error as ServiceUnavailableError).cause).toBe(cause);
    });
  });

  describe('executePlan', () => {
    it('executes the plan with the token as idempotency token', async () => {
      serviceCatalog
        .on(ExecuteProvisionedProductPlanCommand, {
          PlanId: 'plan-1',
          IdempotencyToken: 'request-1',
        })
        .resolves(RECORD);

      const result = await provisioner().executePlan({
        token: 'request-1',
        planId: 'plan-1',
      });

      expect(result).toEqual({
        recordId: 'rec-1',
        provisionedProductId: 'pp-1',
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        ExecuteProvisionedProductPlanCommand,
        { PlanId: 'plan-1', IdempotencyToken: 'request-1' },
      );
    });

    it('fails when Service Catalog answers without a record id', async () => {
      serviceCatalog
        .on(ExecuteProvisionedProductPlanCommand, { PlanId: 'plan-1' })
        .resolves({ RecordDetail: {} });

      await expect(
        provisioner().executePlan({ token: 'request-1', planId: 'plan-1' }),
      ).rejects.toThrow('Service Catalog answered without a record id');
    });
  });

  describe('provision', () => {
    it('launches the configured version with the token as provision token', async () => {
      const expected = {
        ProductId: 'prod-team',
        ProvisioningArtifactId: 'pa-v1',
        PathId: 'lpv-first',
        ProvisionedProductName: 'profile-dana',
        ProvisioningParameters: [{ Key: 'EnvType', Value: 'dev' }],
        Tags: [{ Key: 'BackstageRequestId', Value: 'request-1' }],
        ProvisionToken: 'request-1',
      };
      serviceCatalog.on(ProvisionProductCommand, expected).resolves(RECORD);

      const result = await provisioner().provision({
        token: 'request-1',
        product: PRODUCT,
        provisionedProductName: 'profile-dana',
        parameters: { EnvType: 'dev' },
        tags: { BackstageRequestId: 'request-1' },
      });

      expect(result).toEqual({
        recordId: 'rec-1',
        provisionedProductId: 'pp-1',
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        ProvisionProductCommand,
        expected,
      );
    });

    it('turns a duplicate name into ConflictError naming the action, with the AWS error as cause', async () => {
      const cause = awsError(
        'DuplicateResourceException',
        'A provisioned product named profile-dana exists',
      );
      serviceCatalog
        .on(ProvisionProductCommand, { ProvisionToken: 'request-1' })
        .rejects(cause);

      const error = await rejectionOf(
        provisioner().provision({
          token: 'request-1',
          product: PRODUCT,
          provisionedProductName: 'profile-dana',
          parameters: {},
          tags: {},
        }),
      );

      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain(
        'Provisioning the product failed: A provisioned product named profile-dana exists',
      );
      expect((error as ConflictError).cause).toBe(cause);
    });
  });

  describe('update', () => {
    it('moves the product to the newest version, keeping every parameter value, with the token as update token', async () => {
      const expected = {
        ProvisionedProductId: 'pp-1',
        ProductId: 'prod-team',
        ProvisioningArtifactId: 'pa-v2',
        PathId: 'lpv-first',
        ProvisioningParameters: [
          { Key: 'EnvType', UsePreviousValue: true },
          { Key: 'TeamName', UsePreviousValue: true },
          { Key: 'SharedServicesName', UsePreviousValue: true },
        ],
        UpdateToken: 'request-2',
      };
      serviceCatalog
        .on(UpdateProvisionedProductCommand, expected)
        .resolves({ RecordDetail: { RecordId: 'rec-2' } });

      const result = await provisioner().update({
        token: 'request-2',
        provisionedProductId: 'pp-1',
        product: PRODUCT,
      });

      expect(result).toEqual({ recordId: 'rec-2' });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        UpdateProvisionedProductCommand,
        expected,
      );
    });
  });

  describe('terminate', () => {
    it('terminates the product with the token as terminate token', async () => {
      serviceCatalog
        .on(TerminateProvisionedProductCommand, {
          ProvisionedProductId: 'pp-1',
          TerminateToken: 'request-3',
        })
        .resolves({
          RecordDetail: { RecordId: 'rec-3', ProvisionedProductId: 'pp-1' },
        });

      const result = await provisioner().terminate({
        token: 'request-3',
        provisionedProductId: 'pp-1',
      });

      expect(result).toEqual({
        recordId: 'rec-3',
        provisionedProductId: 'pp-1',
      });
      expect(serviceCatalog).toHaveReceivedCommandWith(
        TerminateProvisionedProductCommand,
        { ProvisionedProductId: 'pp-1', TerminateToken: 'request-3' },
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
    it.each([
      [
        'ThrottlingException',
        'ServiceUnavailableError',
        ServiceUnavailableError,
        'was throttled by AWS',
      ],
      [
        'ResourceNotFoundException',
        'NotFoundError',
        NotFoundError,
        'failed: AWS said no',
      ],
      [
        'InvalidParametersException',
        'InputError',
        InputError,
        'failed: AWS said no',
      ],
      [
        'DuplicateResourceException',
        'ConflictError',
        ConflictError,
        'failed: AWS said no',
      ],
    ])(
      'turns %s into %s naming the action, with the AWS error as cause',
      async (name, _typeName, ErrorType, wording) => {
        const cause = awsError(name, 'AWS said no');
        serviceCatalog
          .on(TerminateProvisionedProductCommand, {
            ProvisionedProductId: 'pp-1',
            TerminateToken: 'request-3',
          })
          .rejects(cause);

        const error = await rejectionOf(
          provisioner().terminate({
            token: 'request-3',
            provisionedProductId: 'pp-1',
          }),
        );

        expect(error).toBeInstanceOf(ErrorType);
        expect(error.message).toContain(
          `Terminating the provisioned product ${wording}`,
        );
        expect((error as ServiceUnavailableError).cause).toBe(cause);
      },
    );
  });
});

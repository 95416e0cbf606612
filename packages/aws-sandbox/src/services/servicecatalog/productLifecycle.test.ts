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
  CreateProvisioningArtifactCommand,
  DeleteProvisionedProductPlanCommand,
  DescribeProductCommand,
  DescribeProvisionedProductCommand,
  DescribeProvisionedProductPlanCommand,
  DescribeProvisioningParametersCommand,
  DescribeRecordCommand,
  ExecuteProvisionedProductPlanCommand,
  ListLaunchPathsCommand,
  ProvisioningArtifactParameter,
  ProvisionProductCommand,
  ResourceNotFoundException,
  ScanProvisionedProductsCommand,
  SearchProvisionedProductsCommand,
  ServiceCatalogClient,
  TerminateProvisionedProductCommand,
  UpdateProvisionedProductCommand,
} from '@aws-sdk/client-service-catalog';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Sandbox } from '../../sandbox';
import { PlatformSeed, seedPlatform } from '../../seed';
import { ManualClock } from '../../state';
import { clientConfig, startTestSandbox } from '../../testing';

const TEMPLATES_DIR = resolve(__dirname, '../../../../../cloudformation');
const TEAM = 'fraud-detection';
const USER = 'dora-fraud-detection';

/*
 * The life of the platform's products as the Backstage provisioner drives it, with the real
 * SDK against the seeded portfolio: find a product and its launch path, read its parameters,
 * plan and execute a team environment, provision a user profile v1, update it to v2, terminate.
 * The sandbox runs with a delay, so records read IN_PROGRESS until the clock moves on.
 */
describe('Service Catalog product life with the seeded portfolio', () => {
  let sandbox: Sandbox;
  let clock: ManualClock;
  let client: ServiceCatalogClient;
  let seed: PlatformSeed;
  let pathId: string;
  const artifacts: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    ({ sandbox, clock } = await startTestSandbox());
    client = new ServiceCatalogClient(clientConfig(sandbox));
    seed = await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
  });

  afterAll(async () => {
    client.destroy();
    await sandbox.close();
  });

  /** Lets the sandbox delay pass, then reads the record as a poller would. */
  const settledRecord = async (id: string) => {
    clock.advance(2000);
    return (await client.send(new DescribeRecordCommand({ Id: id })))
      .RecordDetail!;
  };
  const recordOutputs = async (id: string) => {
    const { RecordOutputs } = await client.send(
      new DescribeRecordCommand({ Id: id }),
    );
    return Object.fromEntries(
      RecordOutputs!.map(output => [output.OutputKey, output.OutputValue]),
    );
  };
  const parameter = (
    parameters: ProvisioningArtifactParameter[],
    key: string,
  ) => parameters.find(candidate => candidate.ParameterKey === key)!;
  const describeProfile = () =>
    sandbox.invoke('sagemaker', 'DescribeUserProfile', {
      DomainId: artifacts.domain.StudioDomainId,
      UserProfileName: USER,
    });

  it('finds the products by name and id, with their versions and launch paths', async () => {
    const byName = await client.send(
      new DescribeProductCommand({ Name: 'Studio user profile' }),
    );
    expect(byName.ProductViewSummary).toMatchObject({
      ProductId: seed.outputs.UserProfileProductId,
      Name: 'Studio user profile',
      Type: 'CLOUD_FORMATION_TEMPLATE',
    });
    expect(
      byName.ProvisioningArtifacts!.map(artifact => artifact.Name),
    ).toEqual(['v1', 'v2']);
    artifacts.profile = Object.fromEntries(
      byName.ProvisioningArtifacts!.map(artifact => [
        artifact.Name!,
        artifact.Id!,
      ]),
    );
    expect(Object.values(artifacts.profile)).toEqual([
      expect.stringMatching(/^pa-/),
      expect.stringMatching(/^pa-/),
    ]);
    for (const key of ['TeamEnvironmentProductId', 'StudioDomainProductId']) {
      const byId = await client.send(
        new DescribeProductCommand({ Id: seed.outputs[key] }),
      );
      expect(byId.ProductViewSummary!.ProductId).toBe(seed.outputs[key]);
      expect(
        byId.ProvisioningArtifacts!.map(artifact => artifact.Name),
      ).toEqual(['v1']);
      artifacts[key] = { v1: byId.ProvisioningArtifacts![0].Id! };
    }

    const { LaunchPathSummaries } = await client.send(
      new ListLaunchPathsCommand({
        ProductId: seed.outputs.TeamEnvironmentProductId,
      }),
    );
    expect(LaunchPathSummaries).toHaveLength(1);
    expect(LaunchPathSummaries![0]).toMatchObject({
      Id: expect.stringMatching(/^lpv\d?-/),
      Name: 'SageMaker Studio (ds-shared)',
      ConstraintSummaries: [expect.objectContaining({ Type: 'LAUNCH' })],
    });
    pathId = LaunchPathSummaries![0].Id!;
    await expect(
      client.send(new DescribeProductCommand({ Name: 'No such product' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('describes the provisioning parameters with their constraints', async () => {
    const domain = await client.send(
      new DescribeProvisioningParametersCommand({
        ProductId: seed.outputs.StudioDomainProductId,
        ProvisioningArtifactId: artifacts.StudioDomainProductId.v1,
        PathId: pathId,
      }),
    );
    const domainParameters = domain.ProvisioningArtifactParameters!;
    expect(parameter(domainParameters, 'IdleTimeoutInMinutes')).toMatchObject({
      ParameterType: 'Number',
      DefaultValue: '60',
      ParameterConstraints: expect.objectContaining({
        MinValue: '60',
        MaxValue: '525600',
      }),
    });
    expect(
      parameter(domainParameters, 'DefaultInstanceType').ParameterConstraints!
        .AllowedValues,
    ).toEqual([
      'ml.t3.medium',
      'ml.t3.large',
      'ml.t3.xlarge',
      'ml.m5.large',
      'ml.m5.xlarge',
      'ml.m5.2xlarge',
    ]);
    expect(domain.ConstraintSummaries).toEqual([
      expect.objectContaining({ Type: 'LAUNCH' }),
    ]);

    const profile = await client.send(
      new DescribeProvisioningParametersCommand({
        ProductName: 'Studio user profile',
        ProvisioningArtifactName: 'v2',
      }),
    );
    const profileParameters = profile.ProvisioningArtifactParameters!;
    expect(profileParameters.map(entry => entry.ParameterKey)).toEqual([
      'SharedServicesName',
      'TeamName',
      'EnvType',
      'StudioUserProfileName',
      'StudioDomainId',
      'OwnerEmail',
      'RequireNetworkIsolation',
    ]);
    expect(parameter(profileParameters, 'StudioUserProfileName')).toMatchObject(
      {
        ParameterType: 'String',
        IsNoEcho: false,
        ParameterConstraints: expect.objectContaining({
          AllowedPattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,23}$',
        }),
      },
    );
    expect(
      parameter(profileParameters, 'StudioUserProfileName').DefaultValue,
    ).toBeUndefined();
    expect(
      parameter(profileParameters, 'StudioUserProfileName')
        .ParameterConstraints!.MaxLength,
    ).toBeUndefined();
    expect(
      parameter(profileParameters, 'RequireNetworkIsolation')
        .ParameterConstraints!.AllowedValues,
    ).toEqual(['true', 'false']);
    expect(
      profile.ProvisioningArtifactOutputKeys!.map(output => output.Key),
    ).toContain('ProfileVersion');
  });

  it('provisions the Studio domain, and the same ProvisionToken returns the same record', async () => {
    const request = new ProvisionProductCommand({
      ProductId: seed.outputs.StudioDomainProductId,
      ProvisioningArtifactId: artifacts.StudioDomainProductId.v1,
      PathId: pathId,
      ProvisionedProductName: 'studio-domain',
      ProvisionToken: 'life-studio-domain',
    });
    const { RecordDetail } = await client.send(request);
    expect(RecordDetail).toMatchObject({
      RecordType: 'PROVISION_PRODUCT',
      Status: 'IN_PROGRESS',
    });
    const again = await client.send(request);
    expect(again.RecordDetail!.RecordId).toBe(RecordDetail!.RecordId);
    expect((await settledRecord(RecordDetail!.RecordId!)).Status).toBe(
      'SUCCEEDED',
    );
    artifacts.domain = await recordOutputs(RecordDetail!.RecordId!);
    expect(artifacts.domain.StudioDomainId).toMatch(/^d-/);
  });

  it(`plans, executes and deletes a plan for the ${TEAM} team environment`, async () => {
    const { PlanId, ProvisionedProductName } = await client.send(
      new CreateProvisionedProductPlanCommand({
        PlanName: `team-${TEAM}-dev-plan`,
        PlanType: 'CLOUDFORMATION',
        ProductId: seed.outputs.TeamEnvironmentProductId,
        ProvisioningArtifactId: artifacts.TeamEnvironmentProductId.v1,
        PathId: pathId,
        ProvisionedProductName: `team-${TEAM}-dev`,
        ProvisioningParameters: [
          { Key: 'TeamName', Value: TEAM },
          { Key: 'EnvType', Value: 'dev' },
        ],
        IdempotencyToken: 'life-team-plan',
      }),
    );
    expect(ProvisionedProductName).toBe(`team-${TEAM}-dev`);
    clock.advance(2000);
    const plan = await client.send(
      new DescribeProvisionedProductPlanCommand({ PlanId }),
    );
    expect(plan.ProvisionedProductPlanDetails).toMatchObject({
      PlanId,
      Status: 'CREATE_SUCCESS',
      PlanType: 'CLOUDFORMATION',
    });
    expect(plan.ResourceChanges!.length).toBeGreaterThan(5);
    expect(plan.ResourceChanges!.every(change => change.Action === 'ADD')).toBe(
      true,
    );
    expect(plan.ResourceChanges).toContainEqual(
      expect.objectContaining({
        Action: 'ADD',
        LogicalResourceId: 'TeamKey',
        ResourceType: 'AWS::KMS::Key',
      }),
    );

    const execute = new ExecuteProvisionedProductPlanCommand({
      PlanId,
      IdempotencyToken: 'life-team-execute',
    });
    const { RecordDetail } = await client.send(execute);
    expect(RecordDetail!.RecordType).toBe('PROVISION_PRODUCT');
    expect((await client.send(execute)).RecordDetail!.RecordId).toBe(
      RecordDetail!.RecordId,
    );
    expect((await settledRecord(RecordDetail!.RecordId!)).Status).toBe(
      'SUCCEEDED',
    );
    const outputs = await recordOutputs(RecordDetail!.RecordId!);
    expect(outputs.CloudformationStackARN).toMatch(/^arn:aws:cloudformation:/);
    expect(outputs.TeamSecurityGroupId).toMatch(/^sg-/);

    await client.send(new DeleteProvisionedProductPlanCommand({ PlanId }));
    await expect(
      client.send(new DescribeProvisionedProductPlanCommand({ PlanId })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: `team-${TEAM}-dev` }),
    );
    expect(ProvisionedProductDetail!.Status).toBe('AVAILABLE');
  });

  describe('a user profile', () => {
    let provisionedProductId: string;
    let profileArn: string;
    let createdAt: Date;

    it('provisions v1', async () => {
      const { RecordDetail } = await client.send(
        new ProvisionProductCommand({
          ProductName: 'Studio user profile',
          ProvisioningArtifactName: 'v1',
          PathName: 'SageMaker Studio (ds-shared)',
          ProvisionedProductName: `profile-${USER}`,
          ProvisionToken: 'life-profile',
          ProvisioningParameters: [
            { Key: 'TeamName', Value: TEAM },
            { Key: 'StudioUserProfileName', Value: USER },
            { Key: 'OwnerEmail', Value: 'dora@example.com' },
          ],
        }),
      );
      const record = await settledRecord(RecordDetail!.RecordId!);
      expect(record.RecordErrors ?? []).toEqual([]);
      expect(record).toMatchObject({
        Status: 'SUCCEEDED',
        ProvisioningArtifactId: artifacts.profile.v1,
      });
      provisionedProductId = record.ProvisionedProductId!;
      const outputs = await recordOutputs(record.RecordId!);
      expect(outputs.ProfileVersion).toBe('v1');
      const profile = await describeProfile();
      profileArn = profile.UserProfileArn;
      createdAt = profile.CreationTime;
      expect(outputs.UserProfileArn).toBe(profileArn);
    });

    it('plans v1 -> v2 without replacing the user profile', async () => {
      const { PlanId } = await client.send(
        new CreateProvisionedProductPlanCommand({
          PlanName: `profile-${USER}-v2`,
          PlanType: 'CLOUDFORMATION',
          ProductId: seed.outputs.UserProfileProductId,
          ProvisioningArtifactId: artifacts.profile.v2,
          PathId: pathId,
          ProvisionedProductName: `profile-${USER}`,
          ProvisioningParameters: [
            { Key: 'TeamName', Value: TEAM },
            { Key: 'StudioUserProfileName', Value: USER },
            { Key: 'OwnerEmail', Value: 'dora@example.com' },
          ],
          IdempotencyToken: 'life-profile-plan',
        }),
      );
      clock.advance(2000);
      const { ResourceChanges } = await client.send(
        new DescribeProvisionedProductPlanCommand({ PlanId }),
      );
      expect(
        ResourceChanges!
          .map(change => [
            change.LogicalResourceId,
            change.Action,
            change.Replacement ?? '',
          ])
          .sort(),
      ).toEqual([
        ['ExecutionRole', 'MODIFY', 'FALSE'],
        ['GuardrailsPolicy', 'ADD', ''],
      ]);
      expect(
        ResourceChanges!.find(
          change => change.LogicalResourceId === 'GuardrailsPolicy',
        )!.ResourceType,
      ).toBe('AWS::IAM::ManagedPolicy');
      await client.send(new DeleteProvisionedProductPlanCommand({ PlanId }));
    });

    it('updates v1 to v2 in place: same profile, SUCCEEDED', async () => {
      const request = new UpdateProvisionedProductCommand({
        ProvisionedProductId: provisionedProductId,
        ProductId: seed.outputs.UserProfileProductId,
        ProvisioningArtifactId: artifacts.profile.v2,
        ProvisioningParameters: [
          { Key: 'TeamName', UsePreviousValue: true },
          { Key: 'StudioUserProfileName', UsePreviousValue: true },
          { Key: 'OwnerEmail', UsePreviousValue: true },
        ],
        UpdateToken: 'life-profile-v2',
      });
      const { RecordDetail } = await client.send(request);
      expect(RecordDetail!.RecordType).toBe('UPDATE_PROVISIONED_PRODUCT');
      expect((await client.send(request)).RecordDetail!.RecordId).toBe(
        RecordDetail!.RecordId,
      );
      const record = await settledRecord(RecordDetail!.RecordId!);
      expect(record.RecordErrors ?? []).toEqual([]);
      expect(record.Status).toBe('SUCCEEDED');
      expect((await recordOutputs(record.RecordId!)).ProfileVersion).toBe('v2');
      const profile = await describeProfile();
      expect(profile.UserProfileArn).toBe(profileArn);
      expect(profile.CreationTime).toEqual(createdAt);
      const { ProvisionedProductDetail } = await client.send(
        new DescribeProvisionedProductCommand({ Id: provisionedProductId }),
      );
      expect(ProvisionedProductDetail).toMatchObject({
        Status: 'AVAILABLE',
        ProvisioningArtifactId: artifacts.profile.v2,
        LastSuccessfulProvisioningRecordId: record.RecordId,
      });
    });

    it('fails, and leaves the product TAINTED, for a version that changes a tag of the profile', async () => {
      // What v2 used to be: the same profile with a different tag. Tags of a user profile are
      // create-only, so CloudFormation would have to replace the custom-named profile.
      const retagged = readFileSync(
        resolve(TEMPLATES_DIR, 'products/user-profile-v2.yaml'),
        'utf8',
      ).replace(
        /( {8}- Key: StudioUserProfileName\n {10}Value: !Ref StudioUserProfileName\n)( {8}- !If\n {10}- HasOwnerEmail)/,
        '$1        - Key: UserProfileVersion\n          Value: v3\n$2',
      );
      expect(retagged).toContain('Value: v3');
      const bucket = new URL(seed.templateBaseUrl).hostname.split('.')[0];
      await sandbox.invoke('s3', 'PutObject', {
        Bucket: bucket,
        Key: 'sagemaker-studio/v1/products/user-profile-retagged.yaml',
        Body: retagged,
      });
      const { ProvisioningArtifactDetail } = await client.send(
        new CreateProvisioningArtifactCommand({
          ProductId: seed.outputs.UserProfileProductId,
          Parameters: {
            Name: 'retagged',
            Type: 'CLOUD_FORMATION_TEMPLATE',
            Info: {
              LoadTemplateFromURL: `${seed.templateBaseUrl}/products/user-profile-retagged.yaml`,
            },
          },
          IdempotencyToken: 'life-retagged',
        }),
      );

      const { PlanId } = await client.send(
        new CreateProvisionedProductPlanCommand({
          PlanName: `profile-${USER}-retagged`,
          PlanType: 'CLOUDFORMATION',
          ProductId: seed.outputs.UserProfileProductId,
          ProvisioningArtifactId: ProvisioningArtifactDetail!.Id,
          PathId: pathId,
          ProvisionedProductName: `profile-${USER}`,
          ProvisioningParameters: [
            { Key: 'TeamName', Value: TEAM },
            { Key: 'StudioUserProfileName', Value: USER },
            { Key: 'OwnerEmail', Value: 'dora@example.com' },
          ],
          IdempotencyToken: 'life-profile-retagged-plan',
        }),
      );
      clock.advance(2000);
      const { ResourceChanges } = await client.send(
        new DescribeProvisionedProductPlanCommand({ PlanId }),
      );
      expect(ResourceChanges).toEqual([
        expect.objectContaining({
          Action: 'MODIFY',
          LogicalResourceId: 'UserProfile',
          ResourceType: 'AWS::SageMaker::UserProfile',
          Replacement: 'TRUE',
        }),
      ]);
      await client.send(new DeleteProvisionedProductPlanCommand({ PlanId }));

      const { RecordDetail } = await client.send(
        new UpdateProvisionedProductCommand({
          ProvisionedProductName: `profile-${USER}`,
          ProductId: seed.outputs.UserProfileProductId,
          ProvisioningArtifactId: ProvisioningArtifactDetail!.Id,
          ProvisioningParameters: [
            { Key: 'TeamName', UsePreviousValue: true },
            { Key: 'StudioUserProfileName', UsePreviousValue: true },
            { Key: 'OwnerEmail', UsePreviousValue: true },
          ],
          UpdateToken: 'life-profile-retagged',
        }),
      );
      const record = await settledRecord(RecordDetail!.RecordId!);
      expect(record.Status).toBe('FAILED');
      expect(record.RecordErrors).toEqual([
        expect.objectContaining({
          Code: 'UPDATE_FAILED',
          Description: expect.stringContaining(
            `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${profileArn} and update the stack again.`,
          ),
        }),
      ]);
      const { ProvisionedProductDetail } = await client.send(
        new DescribeProvisionedProductCommand({ Id: provisionedProductId }),
      );
      expect(ProvisionedProductDetail).toMatchObject({
        Status: 'TAINTED',
        ProvisioningArtifactId: artifacts.profile.v2,
      });
      const profile = await describeProfile();
      expect(profile.UserProfileArn).toBe(profileArn);
      expect(profile.CreationTime).toEqual(createdAt);
    });

    it('is found by SearchProvisionedProducts and ScanProvisionedProducts', async () => {
      const { ProvisionedProducts, TotalResultsCount } = await client.send(
        new SearchProvisionedProductsCommand({
          Filters: { SearchQuery: [`name:profile-${USER}`] },
        }),
      );
      expect(TotalResultsCount).toBe(1);
      expect(ProvisionedProducts![0]).toMatchObject({
        Id: provisionedProductId,
        Type: 'CFN_STACK',
        ProductId: seed.outputs.UserProfileProductId,
      });
      const scanned = await client.send(new ScanProvisionedProductsCommand({}));
      expect(
        scanned.ProvisionedProducts!.map(product => product.Name).sort(),
      ).toEqual([
        'profile-dora-fraud-detection',
        'studio-domain',
        `team-${TEAM}-dev`,
      ]);
    });

    it('terminates, and the same TerminateToken returns the same record', async () => {
      const request = new TerminateProvisionedProductCommand({
        ProvisionedProductId: provisionedProductId,
        TerminateToken: 'life-profile-terminate',
      });
      const { RecordDetail } = await client.send(request);
      expect(RecordDetail!.RecordType).toBe('TERMINATE_PROVISIONED_PRODUCT');
      expect((await client.send(request)).RecordDetail!.RecordId).toBe(
        RecordDetail!.RecordId,
      );
      expect((await settledRecord(RecordDetail!.RecordId!)).Status).toBe(
        'SUCCEEDED',
      );
      await expect(
        client.send(
          new DescribeProvisionedProductCommand({ Id: provisionedProductId }),
        ),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await expect(describeProfile()).rejects.toThrow();
    });
  });
});

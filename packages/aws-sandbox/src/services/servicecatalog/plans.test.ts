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
  DescribeProvisionedProductCommand,
  DescribeProvisionedProductPlanCommand,
  DescribeRecordCommand,
  ExecuteProvisionedProductPlanCommand,
  InvalidStateException,
  ListProvisionedProductPlansCommand,
  ResourceNotFoundException,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { clientConfig } from '../../cloudformation/__fixtures__/testSandbox';
import {
  CatalogFixture,
  profileParameters,
  startCatalogFixture,
} from './__fixtures__/catalogFixture';

describe('Service Catalog provisioned-product plans with the AWS SDK', () => {
  let fixture: CatalogFixture;
  let client: ServiceCatalogClient;

  beforeAll(async () => {
    fixture = await startCatalogFixture();
    client = new ServiceCatalogClient(clientConfig(fixture.sandbox));
  });

  afterAll(async () => {
    client.destroy();
    await fixture.close();
  });

  const createPlan = (
    name: string,
    artifactId: string,
    token: string,
    parameters = profileParameters(fixture, 'dave'),
  ) =>
    client.send(
      new CreateProvisionedProductPlanCommand({
        PlanName: name,
        PlanType: 'CLOUDFORMATION',
        ProductId: fixture.productId,
        ProvisioningArtifactId: artifactId,
        ProvisionedProductName: 'profile-dave',
        IdempotencyToken: token,
        ProvisioningParameters: parameters,
      }),
    );

  const changesOf = async (planId: string) => {
    const described = await client.send(
      new DescribeProvisionedProductPlanCommand({ PlanId: planId }),
    );
    return {
      status: described.ProvisionedProductPlanDetails!.Status,
      changes: described.ResourceChanges!.map(change => ({
        action: change.Action,
        logicalId: change.LogicalResourceId,
        type: change.ResourceType,
        replacement: change.Replacement,
      })),
    };
  };

  it('shows what a new provisioned product would create, then provisions it on execution', async () => {
    const plan = await createPlan('dave-initial', fixture.v1, 'plan-dave-1');
    expect(plan).toMatchObject({
      PlanName: 'dave-initial',
      ProvisionedProductName: 'profile-dave',
    });
    const preview = await changesOf(plan.PlanId!);
    expect(preview).toEqual({
      status: 'CREATE_SUCCESS',
      changes: [
        {
          action: 'ADD',
          logicalId: 'ExecutionRole',
          type: 'AWS::IAM::Role',
          replacement: undefined,
        },
        {
          action: 'ADD',
          logicalId: 'Profile',
          type: 'AWS::SageMaker::UserProfile',
          replacement: undefined,
        },
      ],
    });
    await expect(
      fixture.sandbox.invoke('sagemaker', 'DescribeUserProfile', {
        DomainId: fixture.domainId,
        UserProfileName: 'dave-fraud-detection',
      }),
    ).rejects.toMatchObject({ code: 'ResourceNotFound' });

    const { RecordDetail } = await client.send(
      new ExecuteProvisionedProductPlanCommand({
        PlanId: plan.PlanId,
        IdempotencyToken: 'execute-dave-1',
      }),
    );
    expect(RecordDetail).toMatchObject({
      RecordType: 'PROVISION_PRODUCT',
      Status: 'SUCCEEDED',
    });
    const again = await client.send(
      new ExecuteProvisionedProductPlanCommand({
        PlanId: plan.PlanId,
        IdempotencyToken: 'execute-dave-1',
      }),
    );
    expect(again.RecordDetail!.RecordId).toBe(RecordDetail!.RecordId);
    expect((await changesOf(plan.PlanId!)).status).toBe('EXECUTE_SUCCESS');
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'profile-dave' }),
    );
    expect(ProvisionedProductDetail).toMatchObject({
      Id: plan.ProvisionProductId,
      Status: 'AVAILABLE',
    });
    const profile = await fixture.sandbox.invoke(
      'sagemaker',
      'DescribeUserProfile',
      {
        DomainId: fixture.domainId,
        UserProfileName: 'dave-fraud-detection',
      },
    );
    expect(profile.UserProfileName).toBe('dave-fraud-detection');
  });

  it('shows the resource changes of a v1 to v2 upgrade before it runs', async () => {
    const plan = await createPlan('dave-upgrade', fixture.v2, 'plan-dave-2');
    const preview = await changesOf(plan.PlanId!);
    expect(preview.status).toBe('CREATE_SUCCESS');
    expect(preview.changes).toEqual([
      {
        action: 'MODIFY',
        logicalId: 'ExecutionRole',
        type: 'AWS::IAM::Role',
        replacement: 'FALSE',
      },
      {
        action: 'MODIFY',
        logicalId: 'Profile',
        type: 'AWS::SageMaker::UserProfile',
        replacement: 'FALSE',
      },
      {
        action: 'ADD',
        logicalId: 'Guardrails',
        type: 'AWS::IAM::ManagedPolicy',
        replacement: undefined,
      },
    ]);
    const { ResourceChanges } = await client.send(
      new DescribeProvisionedProductPlanCommand({ PlanId: plan.PlanId }),
    );
    expect(ResourceChanges![1].Details).toEqual([
      {
        Target: {
          Attribute: 'PROPERTIES',
          Name: 'UserSettings',
          RequiresRecreation: 'NEVER',
        },
        Evaluation: 'STATIC',
        CausingEntity: undefined,
      },
    ]);
    const { ProvisionedProductPlans } = await client.send(
      new ListProvisionedProductPlansCommand({
        ProvisionProductId: plan.ProvisionProductId,
      }),
    );
    expect(ProvisionedProductPlans!.map(summary => summary.PlanName)).toEqual([
      'dave-initial',
      'dave-upgrade',
    ]);

    const { RecordDetail } = await client.send(
      new ExecuteProvisionedProductPlanCommand({
        PlanId: plan.PlanId,
        IdempotencyToken: 'execute-dave-2',
      }),
    );
    expect(RecordDetail).toMatchObject({
      RecordType: 'UPDATE_PROVISIONED_PRODUCT',
      Status: 'SUCCEEDED',
    });
    const { RecordOutputs } = await client.send(
      new DescribeRecordCommand({ Id: RecordDetail!.RecordId }),
    );
    expect(RecordOutputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          OutputKey: 'ProfileVersion',
          OutputValue: 'v2',
        }),
      ]),
    );
  });

  it('refuses to execute a plan that changes nothing, and deletes plans', async () => {
    const plan = await createPlan('dave-noop', fixture.v2, 'plan-dave-3');
    const preview = await client.send(
      new DescribeProvisionedProductPlanCommand({ PlanId: plan.PlanId }),
    );
    expect(preview.ProvisionedProductPlanDetails).toMatchObject({
      Status: 'CREATE_FAILED',
      StatusMessage:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    await expect(
      client.send(
        new ExecuteProvisionedProductPlanCommand({
          PlanId: plan.PlanId,
          IdempotencyToken: 'execute-noop',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidStateException);
    await client.send(
      new DeleteProvisionedProductPlanCommand({ PlanId: plan.PlanId }),
    );
    await expect(
      client.send(
        new DescribeProvisionedProductPlanCommand({ PlanId: plan.PlanId }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('frees the name of a product that was only planned when the plan is deleted', async () => {
    const plan = await client.send(
      new CreateProvisionedProductPlanCommand({
        PlanName: 'erin-initial',
        PlanType: 'CLOUDFORMATION',
        ProductId: fixture.productId,
        ProvisioningArtifactId: fixture.v1,
        ProvisionedProductName: 'profile-erin',
        IdempotencyToken: 'plan-erin',
        ProvisioningParameters: profileParameters(fixture, 'erin'),
      }),
    );
    await client.send(
      new DeleteProvisionedProductPlanCommand({ PlanId: plan.PlanId }),
    );
    await expect(
      client.send(
        new DescribeProvisionedProductCommand({ Name: 'profile-erin' }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const { ProvisionedProductPlans } = await client.send(
      new ListProvisionedProductPlansCommand({}),
    );
    expect(
      ProvisionedProductPlans!.map(summary => summary.PlanName),
    ).not.toContain('erin-initial');
  });
});

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
  CreateProductCommand,
  CreateProvisioningArtifactCommand,
  DescribeProvisionedProductCommand,
  DescribeRecordCommand,
  DuplicateResourceException,
  GetProvisionedProductOutputsCommand,
  InvalidParametersException,
  InvalidStateException,
  ListRecordHistoryCommand,
  paginateSearchProvisionedProducts,
  ProvisionProductCommand,
  ResourceNotFoundException,
  ScanProvisionedProductsCommand,
  SearchProvisionedProductsCommand,
  TerminateProvisionedProductCommand,
  UpdateProvisionedProductCommand,
  AssociateProductWithPortfolioCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import {
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { clientConfig } from '../../cloudformation/__fixtures__/testSandbox';
import { ManualClock } from '../../state';
import {
  CatalogFixture,
  LAUNCH_ROLE,
  profileParameters,
  startCatalogFixture,
} from './__fixtures__/catalogFixture';

describe('Service Catalog provisioning with the AWS SDK', () => {
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

  const provision = (
    name: string,
    token: string,
    parameters = profileParameters(fixture, name),
  ) =>
    client.send(
      new ProvisionProductCommand({
        ProductId: fixture.productId,
        ProvisioningArtifactId: fixture.v1,
        ProvisionedProductName: `profile-${name}`,
        ProvisionToken: token,
        ProvisioningParameters: parameters,
        Tags: [{ Key: 'Requester', Value: name }],
      }),
    );

  const outputsOf = async (recordId: string) => {
    const { RecordOutputs } = await client.send(
      new DescribeRecordCommand({ Id: recordId }),
    );
    return Object.fromEntries(
      RecordOutputs!.map(output => [output.OutputKey, output.OutputValue]),
    );
  };

  it('provisions a product as a real stack and SageMaker user profile', async () => {
    const { RecordDetail } = await provision('alice', 'token-alice');
    expect(RecordDetail).toMatchObject({
      RecordType: 'PROVISION_PRODUCT',
      Status: 'SUCCEEDED',
      ProductId: fixture.productId,
    });
    expect(RecordDetail!.RecordId).toMatch(/^rec-[a-z0-9]{13}$/);
    const outputs = await outputsOf(RecordDetail!.RecordId!);
    expect(outputs.CloudformationStackARN).toMatch(
      new RegExp(
        `^arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-${
          RecordDetail!.ProvisionedProductId
        }/`,
      ),
    );
    expect(outputs.ProfileVersion).toBe('v1');
    const profile = await fixture.sandbox.invoke(
      'sagemaker',
      'DescribeUserProfile',
      {
        DomainId: fixture.domainId,
        UserProfileName: 'alice-fraud-detection',
      },
    );
    expect(profile.UserProfileArn).toBe(outputs.UserProfileArn);
    expect(profile.UserSettings.ExecutionRole).toBe(
      'arn:aws:iam::123456789012:role/ds-fraud-detection-alice',
    );
    const { Tags } = await fixture.sandbox.invoke('sagemaker', 'ListTags', {
      ResourceArn: profile.UserProfileArn,
    });
    expect(Tags).toEqual(
      expect.arrayContaining([
        { Key: 'TeamName', Value: 'fraud-detection' },
        { Key: 'Requester', Value: 'alice' },
        {
          Key: 'aws:servicecatalog:productArn',
          Value: expect.stringContaining(fixture.productId),
        },
        {
          Key: 'aws:servicecatalog:provisionedProductArn',
          Value: expect.stringContaining(RecordDetail!.ProvisionedProductId!),
        },
      ]),
    );
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'profile-alice' }),
    );
    expect(ProvisionedProductDetail).toMatchObject({
      Id: RecordDetail!.ProvisionedProductId,
      Status: 'AVAILABLE',
      Type: 'CFN_STACK',
      LaunchRoleArn: LAUNCH_ROLE,
      LastSuccessfulProvisioningRecordId: RecordDetail!.RecordId,
    });
  });

  it('returns the same record for the same provision token and provisions once', async () => {
    const first = await provision('bob', 'token-bob');
    const again = await provision('bob', 'token-bob');
    expect(again.RecordDetail!.RecordId).toBe(first.RecordDetail!.RecordId);
    const { ProvisionedProducts } = await client.send(
      new SearchProvisionedProductsCommand({
        Filters: { SearchQuery: ['name:profile-bob'] },
      }),
    );
    expect(ProvisionedProducts).toHaveLength(1);
  });

  it('answers DuplicateResourceException for a name in use', async () => {
    await expect(provision('bob', 'another-token')).rejects.toBeInstanceOf(
      DuplicateResourceException,
    );
  });

  it('answers InvalidParametersException for a bad parameter value', async () => {
    const bad = [
      { Key: 'TeamName', Value: 'Fraud Detection' },
      { Key: 'UserName', Value: 'eve' },
      { Key: 'DomainId', Value: fixture.domainId },
    ];
    await expect(provision('eve', 'token-eve', bad)).rejects.toMatchObject({
      name: 'InvalidParametersException',
      message: "Parameter 'TeamName' must match pattern ^[a-z][a-z0-9-]{1,19}$",
    });
    await expect(
      provision('eve', 'token-eve-2', [{ Key: 'TeamName', Value: 'fraud' }]),
    ).rejects.toBeInstanceOf(InvalidParametersException);
  });

  it('answers ResourceNotFoundException for an unknown product', async () => {
    await expect(
      client.send(
        new ProvisionProductCommand({
          ProductId: 'prod-doesnotexist1',
          ProvisioningArtifactId: fixture.v1,
          ProvisionedProductName: 'nothing',
          ProvisionToken: 'token-nothing',
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('reads outputs, searches with filters and pages, and scans', async () => {
    await provision(
      'carol',
      'token-carol',
      profileParameters(fixture, 'carol', 'recommendations'),
    );
    const { Outputs } = await client.send(
      new GetProvisionedProductOutputsCommand({
        ProvisionedProductName: 'profile-carol',
        OutputKeys: ['ExecutionRoleArn'],
      }),
    );
    expect(Outputs).toEqual([
      {
        OutputKey: 'ExecutionRoleArn',
        OutputValue: 'arn:aws:iam::123456789012:role/ds-recommendations-carol',
        Description: "The profile's execution role.",
      },
    ]);
    const pages = [];
    for await (const page of paginateSearchProvisionedProducts(
      { client: client, pageSize: 2 },
      { SortBy: 'name', SortOrder: 'ASCENDING' },
    )) {
      pages.push(page.ProvisionedProducts!.map(product => product.Name));
    }
    expect(pages).toEqual([
      ['profile-alice', 'profile-bob'],
      ['profile-carol'],
    ]);
    const byProduct = await client.send(
      new SearchProvisionedProductsCommand({
        Filters: { SearchQuery: [`productId:${fixture.productId}`, 'carol'] },
      }),
    );
    expect(byProduct.ProvisionedProducts!.map(product => product.Name)).toEqual(
      ['profile-carol'],
    );
    expect(byProduct.ProvisionedProducts![0]).toMatchObject({
      ProductName: 'Studio user profile',
      ProvisioningArtifactName: 'v1',
    });
    const { ProvisionedProducts } = await client.send(
      new ScanProvisionedProductsCommand({}),
    );
    expect(ProvisionedProducts!.map(product => product.Status)).toEqual([
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
    ]);
  });

  it("gives each searched product its tags and its stack's ARN as PhysicalId, which CloudFormation's DescribeStacks reads", async () => {
    await provision(
      'erin',
      'token-erin',
      profileParameters(fixture, 'erin', 'recommendations'),
    );
    const { ProvisionedProducts } = await client.send(
      new SearchProvisionedProductsCommand({
        Filters: { SearchQuery: ['name:profile-erin'] },
      }),
    );
    const [erin] = ProvisionedProducts!;
    expect(erin.Tags).toEqual([{ Key: 'Requester', Value: 'erin' }]);
    expect(erin.PhysicalId).toMatch(
      new RegExp(
        `^arn:aws:cloudformation:us-east-1:123456789012:stack/SC-123456789012-${erin.Id}/`,
      ),
    );
    const cloudFormation = new CloudFormationClient(
      clientConfig(fixture.sandbox),
    );
    try {
      const { Stacks } = await cloudFormation.send(
        new DescribeStacksCommand({ StackName: erin.PhysicalId }),
      );
      expect(Stacks![0]).toMatchObject({
        StackId: erin.PhysicalId,
        StackStatus: 'CREATE_COMPLETE',
        Parameters: expect.arrayContaining([
          { ParameterKey: 'TeamName', ParameterValue: 'recommendations' },
        ]),
        Outputs: expect.arrayContaining([
          expect.objectContaining({
            OutputKey: 'UserProfileArn',
            OutputValue: expect.stringMatching(
              /:user-profile\/d-[a-z0-9]+\/erin-recommendations$/,
            ),
          }),
        ]),
      });
    } finally {
      cloudFormation.destroy();
    }
  });

  it('upgrades a provisioned product from v1 to v2 with a stack update', async () => {
    const { RecordDetail } = await client.send(
      new UpdateProvisionedProductCommand({
        ProvisionedProductName: 'profile-alice',
        ProvisioningArtifactId: fixture.v2,
        UpdateToken: 'upgrade-alice',
        ProvisioningParameters: [
          { Key: 'TeamName', UsePreviousValue: true },
          { Key: 'UserName', UsePreviousValue: true },
          { Key: 'DomainId', UsePreviousValue: true },
        ],
      }),
    );
    expect(RecordDetail).toMatchObject({
      RecordType: 'UPDATE_PROVISIONED_PRODUCT',
      Status: 'SUCCEEDED',
      ProvisioningArtifactId: fixture.v2,
    });
    expect((await outputsOf(RecordDetail!.RecordId!)).ProfileVersion).toBe(
      'v2',
    );
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'profile-alice' }),
    );
    expect(ProvisionedProductDetail).toMatchObject({
      Status: 'AVAILABLE',
      ProvisioningArtifactId: fixture.v2,
    });
    const profile = await fixture.sandbox.invoke(
      'sagemaker',
      'DescribeUserProfile',
      {
        DomainId: fixture.domainId,
        UserProfileName: 'alice-fraud-detection',
      },
    );
    expect(profile.UserSettings.DefaultLandingUri).toBe('app:JupyterServer:');
  });

  it('records a failed provisioning with the stack error and leaves the product in ERROR', async () => {
    const { ProductViewDetail } = await client.send(
      new CreateProductCommand({
        Name: 'Needs an export',
        Owner: 'Platform team',
        ProductType: 'CLOUD_FORMATION_TEMPLATE',
        IdempotencyToken: 'needs-export',
        ProvisioningArtifactParameters: {
          Name: 'v1',
          Info: {
            LoadTemplateFromURL: `${fixture.templatesUrl}/imports-missing.yaml`,
          },
        },
      }),
    );
    const productId = ProductViewDetail!.ProductViewSummary!.ProductId!;
    await client.send(
      new AssociateProductWithPortfolioCommand({
        ProductId: productId,
        PortfolioId: fixture.portfolioId,
      }),
    );
    const { RecordDetail } = await client.send(
      new ProvisionProductCommand({
        ProductId: productId,
        ProvisionedProductName: 'broken',
        ProvisionToken: 'broken',
      }),
    );
    expect(RecordDetail!.Status).toBe('FAILED');
    expect(RecordDetail!.RecordErrors![0].Description).toContain(
      'No export named no-such-export found',
    );
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'broken' }),
    );
    expect(ProvisionedProductDetail).toMatchObject({
      Status: 'ERROR',
      StatusMessage: expect.stringContaining('no-such-export'),
    });
  });

  it('lists the record history of a provisioned product', async () => {
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'profile-alice' }),
    );
    const { RecordDetails } = await client.send(
      new ListRecordHistoryCommand({
        SearchFilter: {
          Key: 'provisionedproduct',
          Value: ProvisionedProductDetail!.Id,
        },
      }),
    );
    expect(
      RecordDetails!.map(record => [record.RecordType, record.Status]),
    ).toEqual([
      ['UPDATE_PROVISIONED_PRODUCT', 'SUCCEEDED'],
      ['PROVISION_PRODUCT', 'SUCCEEDED'],
    ]);
  });

  it('leaves a product TAINTED when an update fails and its stack rolls back', async () => {
    const { ProvisioningArtifactDetail } = await client.send(
      new CreateProvisioningArtifactCommand({
        ProductId: fixture.productId,
        IdempotencyToken: 'broken-version',
        Parameters: {
          Name: 'v3-broken',
          Info: {
            LoadTemplateFromURL: `${fixture.templatesUrl}/imports-missing.yaml`,
          },
        },
      }),
    );
    const { RecordDetail } = await client.send(
      new UpdateProvisionedProductCommand({
        ProvisionedProductName: 'profile-carol',
        ProvisioningArtifactId: ProvisioningArtifactDetail!.Id,
        UpdateToken: 'carol-to-broken',
      }),
    );
    expect(RecordDetail!.Status).toBe('FAILED');
    const { ProvisionedProductDetail } = await client.send(
      new DescribeProvisionedProductCommand({ Name: 'profile-carol' }),
    );
    expect(ProvisionedProductDetail).toMatchObject({
      Status: 'TAINTED',
      ProvisioningArtifactId: fixture.v1,
      StatusMessage: expect.stringContaining(
        'No export named no-such-export found',
      ),
    });
    const profile = await fixture.sandbox.invoke(
      'sagemaker',
      'DescribeUserProfile',
      {
        DomainId: fixture.domainId,
        UserProfileName: 'carol-recommendations',
      },
    );
    expect(profile.Status).toBe('InService');
  });

  it('terminates a provisioned product and its stack', async () => {
    const { RecordDetail } = await client.send(
      new TerminateProvisionedProductCommand({
        ProvisionedProductName: 'profile-bob',
        TerminateToken: 'terminate-bob',
      }),
    );
    expect(RecordDetail).toMatchObject({
      RecordType: 'TERMINATE_PROVISIONED_PRODUCT',
      Status: 'SUCCEEDED',
    });
    await expect(
      client.send(
        new DescribeProvisionedProductCommand({ Name: 'profile-bob' }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const profile = await fixture.sandbox
      .invoke('sagemaker', 'DescribeUserProfile', {
        DomainId: fixture.domainId,
        UserProfileName: 'bob-fraud-detection',
      })
      .catch(error => ({ Status: error.code }));
    expect(['Deleting', 'ResourceNotFound']).toContain(profile.Status);
  });
});

describe('Service Catalog provisioning over time', () => {
  it('keeps a product UNDER_CHANGE until its stack completes, and refuses changes meanwhile', async () => {
    const clock = new ManualClock();
    const fixture = await startCatalogFixture({ clock, delayMs: 1000 });
    const client = new ServiceCatalogClient(clientConfig(fixture.sandbox));
    try {
      clock.advance(1000);
      const { RecordDetail } = await client.send(
        new ProvisionProductCommand({
          ProductId: fixture.productId,
          ProvisioningArtifactId: fixture.v1,
          ProvisionedProductName: 'slow-profile',
          ProvisionToken: 'slow',
          ProvisioningParameters: profileParameters(fixture, 'slow'),
        }),
      );
      expect(RecordDetail!.Status).toBe('IN_PROGRESS');
      const status = async () =>
        (
          await client.send(
            new DescribeProvisionedProductCommand({
              Id: RecordDetail!.ProvisionedProductId,
            }),
          )
        ).ProvisionedProductDetail!.Status;
      expect(await status()).toBe('UNDER_CHANGE');
      await expect(
        client.send(
          new UpdateProvisionedProductCommand({
            ProvisionedProductId: RecordDetail!.ProvisionedProductId,
            ProvisioningArtifactId: fixture.v2,
            UpdateToken: 'too-early',
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidStateException);
      clock.advance(1000);
      expect(await status()).toBe('AVAILABLE');
      const { RecordDetail: settled } = await client.send(
        new DescribeRecordCommand({ Id: RecordDetail!.RecordId }),
      );
      expect(settled!.Status).toBe('SUCCEEDED');
    } finally {
      client.destroy();
      await fixture.close();
    }
  });
});

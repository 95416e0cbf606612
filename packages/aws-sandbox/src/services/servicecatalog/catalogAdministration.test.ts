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
  AssociatePrincipalWithPortfolioCommand,
  AssociateProductWithPortfolioCommand,
  CreateConstraintCommand,
  CreatePortfolioCommand,
  CreateProductCommand,
  CreateProvisioningArtifactCommand,
  DeleteConstraintCommand,
  DescribePortfolioCommand,
  DescribeProductAsAdminCommand,
  DescribeProductCommand,
  DescribeProvisioningArtifactCommand,
  DescribeProvisioningParametersCommand,
  DisassociateProductFromPortfolioCommand,
  DuplicateResourceException,
  InvalidParametersException,
  ListLaunchPathsCommand,
  ListPortfoliosCommand,
  ListPrincipalsForPortfolioCommand,
  ListProvisioningArtifactsCommand,
  paginateListPortfolios,
  paginateSearchProductsAsAdmin,
  ResourceNotFoundException,
  SearchProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { clientConfig } from '../../cloudformation/__fixtures__/testSandbox';
import {
  CatalogFixture,
  startCatalogFixture,
} from './__fixtures__/catalogFixture';

describe('Service Catalog administration with the AWS SDK', () => {
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

  describe('portfolios', () => {
    it('creates portfolios idempotently and pages through them', async () => {
      const first = await client.send(
        new CreatePortfolioCommand({
          DisplayName: 'Team A',
          ProviderName: 'Platform',
          IdempotencyToken: 'team-a',
        }),
      );
      const again = await client.send(
        new CreatePortfolioCommand({
          DisplayName: 'Team A',
          ProviderName: 'Platform',
          IdempotencyToken: 'team-a',
        }),
      );
      expect(again.PortfolioDetail!.Id).toBe(first.PortfolioDetail!.Id);
      expect(first.PortfolioDetail!.ARN).toMatch(
        /^arn:aws:catalog:us-east-1:123456789012:portfolio\/port-[a-z0-9]{13}$/,
      );
      for (let index = 0; index < 22; index++) {
        await client.send(
          new CreatePortfolioCommand({
            DisplayName: `Bulk ${index}`,
            ProviderName: 'Platform',
            IdempotencyToken: `bulk-${index}`,
          }),
        );
      }
      const pages = [];
      for await (const page of paginateListPortfolios({ client: client }, {})) {
        pages.push(page.PortfolioDetails!.length);
      }
      expect(pages).toEqual([20, 4]);
    });

    it('describes a portfolio and answers ResourceNotFoundException for an unknown one', async () => {
      const described = await client.send(
        new DescribePortfolioCommand({ Id: fixture.portfolioId }),
      );
      expect(described.PortfolioDetail).toMatchObject({
        DisplayName: 'Data science',
        ProviderName: 'Platform team',
      });
      await expect(
        client.send(new DescribePortfolioCommand({ Id: 'port-doesnotexist1' })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('associates principals', async () => {
      await client.send(
        new AssociatePrincipalWithPortfolioCommand({
          PortfolioId: fixture.portfolioId,
          PrincipalARN: 'arn:aws:iam::123456789012:role/backstage',
          PrincipalType: 'IAM',
        }),
      );
      const { Principals } = await client.send(
        new ListPrincipalsForPortfolioCommand({
          PortfolioId: fixture.portfolioId,
        }),
      );
      expect(Principals).toEqual([
        {
          PrincipalARN: 'arn:aws:iam::123456789012:role/backstage',
          PrincipalType: 'IAM',
        },
      ]);
    });
  });

  describe('accounts', () => {
    it('keeps portfolios and products apart per account', async () => {
      const otherAccount = new ServiceCatalogClient({
        ...clientConfig(fixture.sandbox),
        credentials: {
          accessKeyId: '111111111111',
          secretAccessKey: 'sandbox-secret',
        },
      });
      try {
        const { PortfolioDetails } = await otherAccount.send(
          new ListPortfoliosCommand({}),
        );
        expect(PortfolioDetails).toEqual([]);
        await expect(
          otherAccount.send(
            new DescribeProductAsAdminCommand({ Id: fixture.productId }),
          ),
        ).rejects.toBeInstanceOf(ResourceNotFoundException);
      } finally {
        otherAccount.destroy();
      }
    });
  });

  describe('products and versions', () => {
    it('describes a product for end users and administrators, by id and by name', async () => {
      const forUser = await client.send(
        new DescribeProductCommand({ Name: 'Studio user profile' }),
      );
      expect(forUser.ProductViewSummary).toMatchObject({
        ProductId: fixture.productId,
        Owner: 'Platform team',
      });
      expect(
        forUser.ProvisioningArtifacts!.map(artifact => artifact.Name),
      ).toEqual(['v1', 'v2']);
      expect(forUser.LaunchPaths).toEqual([
        { Id: expect.stringMatching(/^lpv3-/), Name: 'Data science' },
      ]);
      const forAdmin = await client.send(
        new DescribeProductAsAdminCommand({ Id: fixture.productId }),
      );
      expect(forAdmin.ProductViewDetail!.ProductARN).toMatch(
        /:product\/prod-[a-z0-9]{13}$/,
      );
      expect(forAdmin.Tags).toEqual([
        { Key: 'Product', Value: 'user-profile' },
      ]);
    });

    it('answers ResourceNotFoundException for an unknown product', async () => {
      await expect(
        client.send(new DescribeProductCommand({ Id: 'prod-doesnotexist1' })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await expect(
        client.send(
          new DescribeProductAsAdminCommand({ Name: 'No such product' }),
        ),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('rejects a product whose template cannot be loaded', async () => {
      await expect(
        client.send(
          new CreateProductCommand({
            Name: 'Broken',
            Owner: 'Platform',
            ProductType: 'CLOUD_FORMATION_TEMPLATE',
            IdempotencyToken: 'broken',
            ProvisioningArtifactParameters: {
              Name: 'v1',
              Info: {
                LoadTemplateFromURL: `${fixture.templatesUrl}/missing.yaml`,
              },
            },
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidParametersException);
    });

    it('searches products as a user and, page by page, as an administrator', async () => {
      const { ProductViewSummaries } = await client.send(
        new SearchProductsCommand({
          Filters: { FullTextSearch: ['execution role'] },
        }),
      );
      expect(ProductViewSummaries!.map(summary => summary.ProductId)).toEqual([
        fixture.productId,
      ]);
      const empty = await client.send(
        new SearchProductsCommand({
          Filters: { FullTextSearch: ['kubernetes'] },
        }),
      );
      expect(empty.ProductViewSummaries).toEqual([]);
      await client.send(
        new CreateProductCommand({
          Name: 'Second product',
          Owner: 'Platform team',
          ProductType: 'CLOUD_FORMATION_TEMPLATE',
          IdempotencyToken: 'second',
          ProvisioningArtifactParameters: {
            Name: 'v1',
            Info: {
              LoadTemplateFromURL: `${fixture.templatesUrl}/network.yaml`,
            },
          },
        }),
      );
      const sizes = [];
      for await (const page of paginateSearchProductsAsAdmin(
        { client: client, pageSize: 1 },
        {},
      )) {
        sizes.push(page.ProductViewDetails!.length);
      }
      expect(sizes).toEqual([1, 1]);
    });

    it('adds versions idempotently and refuses a duplicate version name', async () => {
      const { ProductViewDetail } = await client.send(
        new CreateProductCommand({
          Name: 'Versioned',
          Owner: 'Platform team',
          ProductType: 'CLOUD_FORMATION_TEMPLATE',
          IdempotencyToken: 'versioned',
          ProvisioningArtifactParameters: {
            Name: 'v1',
            Info: {
              LoadTemplateFromURL: `${fixture.templatesUrl}/network.yaml`,
            },
          },
        }),
      );
      const productId = ProductViewDetail!.ProductViewSummary!.ProductId!;
      const parameters = {
        Name: 'v2',
        Info: { LoadTemplateFromURL: `${fixture.templatesUrl}/network.yaml` },
      };
      const first = await client.send(
        new CreateProvisioningArtifactCommand({
          ProductId: productId,
          Parameters: parameters,
          IdempotencyToken: 'versioned-v2',
        }),
      );
      const again = await client.send(
        new CreateProvisioningArtifactCommand({
          ProductId: productId,
          Parameters: parameters,
          IdempotencyToken: 'versioned-v2',
        }),
      );
      expect(first).toMatchObject({
        Status: 'AVAILABLE',
        ProvisioningArtifactDetail: { Name: 'v2', Active: true },
      });
      expect(again.ProvisioningArtifactDetail!.Id).toBe(
        first.ProvisioningArtifactDetail!.Id,
      );
      await expect(
        client.send(
          new CreateProvisioningArtifactCommand({
            ProductId: productId,
            Parameters: parameters,
            IdempotencyToken: 'versioned-v2-again',
          }),
        ),
      ).rejects.toBeInstanceOf(DuplicateResourceException);
      await expect(
        client.send(
          new CreateProvisioningArtifactCommand({
            ProductId: 'prod-doesnotexist1',
            Parameters: parameters,
            IdempotencyToken: 'x',
          }),
        ),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('lists and describes provisioning artifacts', async () => {
      const { ProvisioningArtifactDetails } = await client.send(
        new ListProvisioningArtifactsCommand({ ProductId: fixture.productId }),
      );
      expect(
        ProvisioningArtifactDetails!.map(artifact => [
          artifact.Id,
          artifact.Name,
          artifact.Active,
        ]),
      ).toEqual([
        [fixture.v1, 'v1', true],
        [fixture.v2, 'v2', true],
      ]);
      const described = await client.send(
        new DescribeProvisioningArtifactCommand({
          ProductId: fixture.productId,
          ProvisioningArtifactName: 'v2',
        }),
      );
      expect(described).toMatchObject({
        Status: 'AVAILABLE',
        Info: { TemplateUrl: `${fixture.templatesUrl}/user-profile-v2.yaml` },
      });
    });
  });

  describe('constraints and launch paths', () => {
    it('creates a LAUNCH constraint for a product in the portfolio, and only there', async () => {
      const { PortfolioDetail } = await client.send(
        new CreatePortfolioCommand({
          DisplayName: 'Constraints',
          ProviderName: 'Platform',
          IdempotencyToken: 'constraints',
        }),
      );
      const request = {
        PortfolioId: PortfolioDetail!.Id,
        ProductId: fixture.productId,
        Type: 'LAUNCH',
        Parameters: JSON.stringify({ LocalRoleName: 'sc-launch' }),
        IdempotencyToken: 'constraint-local-role',
      };
      await expect(
        client.send(new CreateConstraintCommand(request)),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
      await client.send(
        new AssociateProductWithPortfolioCommand({
          PortfolioId: PortfolioDetail!.Id,
          ProductId: fixture.productId,
        }),
      );
      const { ConstraintDetail, Status } = await client.send(
        new CreateConstraintCommand(request),
      );
      expect(Status).toBe('AVAILABLE');
      expect(ConstraintDetail).toMatchObject({
        Type: 'LAUNCH',
        PortfolioId: PortfolioDetail!.Id,
        Owner: '123456789012',
      });
      expect(ConstraintDetail!.ConstraintId).toMatch(/^cons-[a-z0-9]{13}$/);

      await client.send(
        new DeleteConstraintCommand({ Id: ConstraintDetail!.ConstraintId }),
      );
      await client.send(
        new DisassociateProductFromPortfolioCommand({
          PortfolioId: PortfolioDetail!.Id,
          ProductId: fixture.productId,
        }),
      );
      const { LaunchPathSummaries } = await client.send(
        new ListLaunchPathsCommand({ ProductId: fixture.productId }),
      );
      expect(LaunchPathSummaries).toHaveLength(1);
    });

    it('lists launch paths with their LAUNCH constraint', async () => {
      const { LaunchPathSummaries } = await client.send(
        new ListLaunchPathsCommand({ ProductId: fixture.productId }),
      );
      expect(LaunchPathSummaries).toEqual([
        expect.objectContaining({
          Name: 'Data science',
          ConstraintSummaries: [
            {
              Type: 'LAUNCH',
              Description: 'Launched with the platform launch role',
            },
          ],
        }),
      ]);
    });

    it('refuses a second LAUNCH constraint and one without a role', async () => {
      await expect(
        client.send(
          new CreateConstraintCommand({
            PortfolioId: fixture.portfolioId,
            ProductId: fixture.productId,
            Type: 'LAUNCH',
            Parameters: JSON.stringify({
              RoleArn: 'arn:aws:iam::123456789012:role/other',
            }),
            IdempotencyToken: 'second-launch',
          }),
        ),
      ).rejects.toBeInstanceOf(DuplicateResourceException);
      await expect(
        client.send(
          new CreateConstraintCommand({
            PortfolioId: fixture.portfolioId,
            ProductId: fixture.productId,
            Type: 'LAUNCH',
            Parameters: '{}',
            IdempotencyToken: 'no-role',
          }),
        ),
      ).rejects.toBeInstanceOf(InvalidParametersException);
    });

    it('describes provisioning parameters from the version template', async () => {
      const result = await client.send(
        new DescribeProvisioningParametersCommand({
          ProductId: fixture.productId,
          ProvisioningArtifactId: fixture.v1,
        }),
      );
      expect(result.ProvisioningArtifactParameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ParameterKey: 'InstanceType',
            DefaultValue: 'ml.t3.medium',
            ParameterConstraints: expect.objectContaining({
              AllowedValues: ['ml.t3.medium', 'ml.m5.large'],
            }),
          }),
          expect.objectContaining({ ParameterKey: 'ApiToken', IsNoEcho: true }),
          expect.objectContaining({
            ParameterKey: 'TeamName',
            Description: 'Lower-case team name.',
            ParameterConstraints: expect.objectContaining({
              AllowedPattern: '^[a-z][a-z0-9-]{1,19}$',
            }),
          }),
        ]),
      );
      expect(result.ConstraintSummaries).toEqual([
        {
          Type: 'LAUNCH',
          Description: 'Launched with the platform launch role',
        },
      ]);
      expect(
        result.ProvisioningArtifactOutputKeys!.map(output => output.Key),
      ).toEqual(['UserProfileArn', 'ExecutionRoleArn', 'ProfileVersion']);
    });
  });
});

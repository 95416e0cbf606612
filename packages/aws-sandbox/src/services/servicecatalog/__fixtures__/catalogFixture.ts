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

import { Sandbox, SandboxOptions } from '../../../sandbox';
import { uploadFixtureTemplates } from '../../../cloudformation/__fixtures__/fixtureTemplates';
import { startTestSandbox } from '../../../cloudformation/__fixtures__/testSandbox';

export const LAUNCH_ROLE = 'arn:aws:iam::123456789012:role/sc-launch';

/** A sandbox with a portfolio, a user-profile product (v1, v2) and a Studio domain to provision into. */
export interface CatalogFixture {
  sandbox: Sandbox;
  templatesUrl: string;
  portfolioId: string;
  productId: string;
  v1: string;
  v2: string;
  domainId: string;
  close(): Promise<void>;
}

export async function startCatalogFixture(
  options: SandboxOptions = {},
): Promise<CatalogFixture> {
  const sandbox = await startTestSandbox(options);
  const templatesUrl = await uploadFixtureTemplates(sandbox);
  const sc = (operation: string, input: Record<string, unknown>) =>
    sandbox.invoke('servicecatalog', operation, input);
  const { PortfolioDetail } = await sc('CreatePortfolio', {
    DisplayName: 'Data science',
    ProviderName: 'Platform team',
    IdempotencyToken: 'fixture-portfolio',
  });
  const created = await sc('CreateProduct', {
    Name: 'Studio user profile',
    Owner: 'Platform team',
    Description: 'A Studio user profile with its own execution role',
    ProductType: 'CLOUD_FORMATION_TEMPLATE',
    IdempotencyToken: 'fixture-product',
    ProvisioningArtifactParameters: {
      Name: 'v1',
      Info: { LoadTemplateFromURL: `${templatesUrl}/user-profile-v1.yaml` },
    },
    Tags: [{ Key: 'Product', Value: 'user-profile' }],
  });
  const productId = created.ProductViewDetail.ProductViewSummary.ProductId;
  const v2 = await sc('CreateProvisioningArtifact', {
    ProductId: productId,
    IdempotencyToken: 'fixture-v2',
    Parameters: {
      Name: 'v2',
      Info: { LoadTemplateFromURL: `${templatesUrl}/user-profile-v2.yaml` },
    },
  });
  await sc('AssociateProductWithPortfolio', {
    ProductId: productId,
    PortfolioId: PortfolioDetail.Id,
  });
  await sc('CreateConstraint', {
    PortfolioId: PortfolioDetail.Id,
    ProductId: productId,
    Type: 'LAUNCH',
    Parameters: JSON.stringify({ RoleArn: LAUNCH_ROLE }),
    Description: 'Launched with the platform launch role',
    IdempotencyToken: 'fixture-constraint',
  });
  const domain = await sandbox.invoke('sagemaker', 'CreateDomain', {
    DomainName: 'catalog-fixture',
    AuthMode: 'IAM',
    DefaultUserSettings: {
      ExecutionRole: 'arn:aws:iam::123456789012:role/studio-default',
    },
  });
  return {
    sandbox,
    templatesUrl,
    portfolioId: PortfolioDetail.Id,
    productId,
    v1: created.ProvisioningArtifactDetail.Id,
    v2: v2.ProvisioningArtifactDetail.Id,
    domainId: domain.DomainId,
    close: () => sandbox.close(),
  };
}

/** Parameters for the fixture product. */
export function profileParameters(
  fixture: CatalogFixture,
  user: string,
  team = 'fraud-detection',
) {
  return [
    { Key: 'TeamName', Value: team },
    { Key: 'UserName', Value: user },
    { Key: 'DomainId', Value: fixture.domainId },
  ];
}

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
  DescribeStacksCommand,
  CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import {
  SearchProvisionedProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { resolve } from 'node:path';
import { Sandbox } from '../sandbox';
import { ManualClock } from '../state';
import {
  clientConfig,
  startTestSandbox,
} from '../cloudformation/__fixtures__/testSandbox';
import {
  DEFAULT_PLATFORM_STACK_NAME,
  DEMO_SECOND_ACCOUNT,
  seedDemoAccounts,
  seedDemoEstate,
  seedPlatform,
} from '.';

const TEMPLATES_DIR = resolve(__dirname, '../../../../cloudformation');

describe('seeding', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });

  afterAll(() => sandbox.close());

  it('deploys the shared services and the portfolio from the product templates', async () => {
    const seed = await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
    expect(seed.templateBaseUrl).toBe(
      'https://sagemaker-studio-templates-123456789012.s3.us-east-1.amazonaws.com/sagemaker-studio/v1',
    );
    expect(seed.outputs).toMatchObject({
      PortfolioId: expect.stringMatching(/^port-/),
      StudioDomainProductId: expect.stringMatching(/^prod-/),
      TeamEnvironmentProductId: expect.stringMatching(/^prod-/),
      UserProfileProductId: expect.stringMatching(/^prod-/),
    });
    const cloudFormation = new CloudFormationClient(clientConfig(sandbox));
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({}));
    cloudFormation.destroy();
    const nested = Stacks!.filter(stack => stack.ParentId === seed.stackId);
    expect(
      nested
        .map(stack => stack.StackName!.replace(/-[A-Z0-9]{12}$/, ''))
        .sort(),
    ).toEqual(
      [
        'ContainerRegistry',
        'DataLake',
        'DetectiveControl',
        'Network',
        'PackageRepository',
        'Principals',
      ].map(name => `${DEFAULT_PLATFORM_STACK_NAME}-${name}`),
    );
    expect(nested.every(stack => stack.StackStatus === 'CREATE_COMPLETE')).toBe(
      true,
    );
    const { ProvisioningArtifactDetails } = await sandbox.invoke(
      'servicecatalog',
      'ListProvisioningArtifacts',
      {
        ProductId: seed.outputs.UserProfileProductId,
      },
    );
    expect(
      ProvisioningArtifactDetails.map(
        (artifact: { Name: string }) => artifact.Name,
      ),
    ).toEqual(['v1', 'v2']);

    const again = await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
    expect(again.stackId).toBe(seed.stackId);
  });

  it("adds a demo estate for the local identities, provisioned through Service Catalog with the portal's tags", async () => {
    const estate = await seedDemoEstate(sandbox, {
      preset: 'local-identities',
    });
    expect(estate).toMatchObject({
      accountId: '123456789012',
      region: 'us-east-1',
    });
    expect(Object.keys(estate.provisionedProducts)).toEqual([
      'studio-domain',
      'team-fraud-detection-dev',
      'team-recommendations-dev',
      'profile-fraud-detection-dana-scientist',
      'profile-recommendations-sam-lead',
    ]);
    const domain = await sandbox.invoke('sagemaker', 'DescribeDomain', {
      DomainId: estate.domainId,
    });
    expect(domain).toMatchObject({
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: expect.any(String),
    });
    const { UserProfiles } = await sandbox.invoke(
      'sagemaker',
      'ListUserProfiles',
      { DomainIdEquals: estate.domainId },
    );
    expect(
      UserProfiles.map(
        (profile: { UserProfileName: string; Status: string }) => [
          profile.UserProfileName,
          profile.Status,
        ],
      ).sort(),
    ).toEqual([
      ['dana-scientist', 'InService'],
      ['sam-lead', 'InService'],
    ]);
    const withoutVpc = await sandbox.invoke(
      'sagemaker',
      'DescribeTrainingJob',
      { TrainingJobName: estate.trainingJobs.nonCompliant[0] },
    );
    expect(withoutVpc.VpcConfig).toBeUndefined();
    const compliant = await sandbox.invoke('sagemaker', 'DescribeTrainingJob', {
      TrainingJobName: estate.trainingJobs.compliant[0],
    });
    expect(compliant.VpcConfig.Subnets).toHaveLength(3);

    const serviceCatalog = new ServiceCatalogClient(clientConfig(sandbox));
    const { ProvisionedProducts } = await serviceCatalog.send(
      new SearchProvisionedProductsCommand({ PageSize: 20 }),
    );
    serviceCatalog.destroy();
    expect(
      ProvisionedProducts!.every(product => product.Status === 'AVAILABLE'),
    ).toBe(true);
    const tagsOf = (name: string) =>
      Object.fromEntries(
        ProvisionedProducts!
          .find(product => product.Name === name)!
          .Tags!.map(tag => [tag.Key, tag.Value]),
      );
    expect(tagsOf('profile-fraud-detection-dana-scientist')).toEqual({
      TeamName: 'fraud-detection',
      EnvType: 'dev',
      BackstageRequestedBy: 'user:default/dana-scientist',
      BackstageRequestedFor: 'user:default/dana-scientist',
      Demo: 'true',
    });
    expect(tagsOf('team-recommendations-dev')).toMatchObject({
      TeamName: 'recommendations',
      EnvType: 'dev',
      BackstageRequestedFor: 'user:default/sam-lead',
    });
    expect(tagsOf('studio-domain')).toMatchObject({
      BackstageRequestedFor: 'user:default/ada-admin',
    });
    const dana = ProvisionedProducts!.find(
      product => product.Name === 'profile-fraud-detection-dana-scientist',
    )!;
    const { ProvisioningArtifactDetail } = await sandbox.invoke(
      'servicecatalog',
      'DescribeProvisioningArtifact',
      {
        ProductId: dana.ProductId,
        ProvisioningArtifactId: dana.ProvisioningArtifactId,
      },
    );
    expect(ProvisioningArtifactDetail.Name).toBe('v1');

    const again = await seedDemoEstate(sandbox, {
      preset: 'local-identities',
    });
    expect(again.provisionedProducts).toEqual(estate.provisionedProducts);
  });

  it('seeds a second account with its own portfolio, a domain and one team environment', async () => {
    const estates = await seedDemoAccounts(sandbox, {
      templatesDir: TEMPLATES_DIR,
    });
    expect(estates.map(estate => estate.accountId)).toEqual([
      '123456789012',
      DEMO_SECOND_ACCOUNT.accountId,
    ]);
    const [home, second] = estates;
    expect(Object.keys(second.provisionedProducts)).toEqual([
      'studio-domain',
      'team-recommendations-prod',
    ]);
    expect(second.domainId).not.toBe(home.domainId);

    const other = sandbox.forAccount(DEMO_SECOND_ACCOUNT.accountId);
    const { Domains } = await other.invoke('sagemaker', 'ListDomains', {});
    expect(
      Domains.map((domain: { DomainId: string }) => domain.DomainId),
    ).toEqual([second.domainId]);
    expect(Domains[0].DomainArn).toContain(':210987654321:');
    const { ProvisionedProducts } = await other.invoke(
      'servicecatalog',
      'SearchProvisionedProducts',
      {},
    );
    expect(
      ProvisionedProducts.map(
        (product: { Name: string }) => product.Name,
      ).sort(),
    ).toEqual(['studio-domain', 'team-recommendations-prod']);
    // The home account's listing is unchanged.
    const { Domains: homeDomains } = await sandbox.invoke(
      'sagemaker',
      'ListDomains',
      {},
    );
    expect(
      homeDomains.map((domain: { DomainId: string }) => domain.DomainId),
    ).toEqual([home.domainId]);
  });

  it('fails with a clear message when the templates are missing', async () => {
    await expect(
      seedPlatform(sandbox, {
        templatesDir: '/nonexistent/cloudformation',
        stackName: 'other',
      }),
    ).rejects.toThrow(
      'Cannot seed the platform: /nonexistent/cloudformation/shared-services.yaml not found',
    );
  });

  it('refuses to seed a demo estate without the platform', async () => {
    await expect(
      seedDemoEstate(sandbox, { platformStackName: 'not-deployed' }),
    ).rejects.toThrow(
      'Cannot seed the demo estate: the platform stack not-deployed is not deployed; call seedPlatform first.',
    );
  });
});

describe('seeding with a delay', () => {
  it('works while stacks and products still show in progress', async () => {
    const clock = new ManualClock();
    const sandbox = await startTestSandbox({ clock, delayMs: 60_000 });
    try {
      const seed = await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
      // The default preset: the backend tests' fixtures.
      const fixtures = await seedDemoEstate(sandbox);
      expect(Object.keys(fixtures.provisionedProducts)).toEqual([
        'studio-domain',
        'team-fraud-detection-dev',
        'team-recommendations-dev',
        'profile-fraud-detection-alice',
        'profile-fraud-detection-bob',
        'profile-recommendations-carol',
      ]);
      const status = async () =>
        (
          await sandbox.invoke('cloudformation', 'DescribeStacks', {
            StackName: seed.stackId,
          })
        ).Stacks[0].StackStatus;
      expect(await status()).toBe('CREATE_IN_PROGRESS');
      const underChange = await sandbox.invoke(
        'servicecatalog',
        'SearchProvisionedProducts',
        {},
      );
      expect(
        underChange.ProvisionedProducts.map(
          (product: { Status: string }) => product.Status,
        ),
      ).toContain('UNDER_CHANGE');
      clock.advance(60_000);
      expect(await status()).toBe('CREATE_COMPLETE');
      const settled = await sandbox.invoke(
        'servicecatalog',
        'SearchProvisionedProducts',
        {},
      );
      expect(
        new Set(
          settled.ProvisionedProducts.map(
            (product: { Status: string }) => product.Status,
          ),
        ),
      ).toEqual(new Set(['AVAILABLE']));
    } finally {
      await sandbox.close();
    }
  });
});

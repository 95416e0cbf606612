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
import { DEFAULT_PLATFORM_STACK_NAME, seedDemoEstate, seedPlatform } from '.';

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

  it('adds a demo estate provisioned through Service Catalog', async () => {
    const estate = await seedDemoEstate(sandbox);
    expect(Object.keys(estate.provisionedProducts)).toEqual([
      'studio-domain',
      'team-fraud-detection-dev',
      'team-recommendations-dev',
      'profile-fraud-detection-alice',
      'profile-fraud-detection-bob',
      'profile-recommendations-carol',
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
        (profile: { UserProfileName: string }) => profile.UserProfileName,
      ).sort(),
    ).toEqual([
      'alice-fraud-detection',
      'bob-fraud-detection',
      'carol-recommendations',
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

    const again = await seedDemoEstate(sandbox);
    expect(again.provisionedProducts).toEqual(estate.provisionedProducts);
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
      await seedDemoEstate(sandbox);
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

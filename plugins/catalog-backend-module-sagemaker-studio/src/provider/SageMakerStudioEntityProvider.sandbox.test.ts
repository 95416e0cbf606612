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

import { mockServices } from '@backstage/backend-test-utils';
import {
  Sandbox,
  seedDemoEstate,
  seedPlatform,
  startSandbox,
} from '@internal/aws-sandbox';
import {
  ProvisionedProductReader,
  SageMakerStudioAwsClients,
  StudioDomainReader,
  readSageMakerStudioConfig,
} from '@internal/plugin-sagemaker-studio-node';
import { resolve } from 'node:path';
import { SageMakerStudioEntityProvider } from './SageMakerStudioEntityProvider';

const TEMPLATES_DIR = resolve(__dirname, '../../../../cloudformation');

/**
 * The provider with the real readers and AWS SDK clients against the local
 * sandbox, seeded with the platform and the demo estate (one domain, two
 * team environments, Dana's and Sam's user profiles, all through Service
 * Catalog with the portal's tags).
 */
describe('SageMakerStudioEntityProvider against the AWS sandbox', () => {
  let sandbox: Sandbox;
  let demo: Awaited<ReturnType<typeof seedDemoEstate>>;
  let provider: SageMakerStudioEntityProvider;
  const calls: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
    await seedPlatform(sandbox, { templatesDir: TEMPLATES_DIR });
    demo = await seedDemoEstate(sandbox, { preset: 'local-identities' });

    const config = mockServices.rootConfig({
      data: {
        sageMakerStudio: {
          region: 'us-east-1',
          endpoint: sandbox.url,
          adminGroup: 'group:default/data-science-admins',
        },
      },
    });
    const clients = new SageMakerStudioAwsClients({
      config: readSageMakerStudioConfig(config),
      credentialsManager: {
        getCredentialProvider: async () => ({
          sdkCredentialProvider: async () => ({
            accessKeyId: 'test',
            secretAccessKey: 'test',
          }),
        }),
      },
    });
    for (const client of [
      await clients.sageMaker(),
      await clients.serviceCatalog(),
    ]) {
      client.middlewareStack.add(
        (next, context) => args => {
          calls.push(String(context.commandName).replace(/Command$/, ''));
          return next(args);
        },
        { step: 'initialize', name: 'countCalls' },
      );
    }
    provider = SageMakerStudioEntityProvider.fromConfig(config, {
      logger: mockServices.logger.mock(),
      schedule: { run: async () => {} },
      domains: new StudioDomainReader(clients),
      estate: new ProvisionedProductReader({
        clients,
        products: readSageMakerStudioConfig(config).products,
      }),
    })[0];
  }, 120_000);

  afterAll(() => sandbox?.close());

  beforeEach(() => {
    calls.length = 0;
  });

  it('finds the demo domain, both team environments and the two profiles', async () => {
    const entities = await provider.read();

    expect(
      entities.map(e => ({
        name: e.metadata.name,
        type: e.spec?.type,
        owner: e.spec?.owner,
        dependsOn: e.spec?.dependsOn,
        provisionedProductId:
          e.metadata.annotations?.[
            'sagemaker-studio.aws/provisioned-product-id'
          ],
        team: e.metadata.annotations?.['sagemaker-studio.aws/team'],
      })),
    ).toEqual([
      {
        name: demo.domainId,
        type: 'sagemaker-studio-domain',
        owner: 'group:default/data-science-admins',
        dependsOn: undefined,
        provisionedProductId: undefined,
        team: undefined,
      },
      // The demo's team environments carry the portal's TeamName and
      // EnvType tags, so no outputs are read for them.
      ...['fraud-detection', 'recommendations'].map(team => ({
        name: `${team}-dev-team-environment`,
        type: 'sagemaker-studio-team-environment',
        owner: `group:default/${team}`,
        dependsOn: [`resource:default/${demo.domainId}`],
        provisionedProductId: demo.provisionedProducts[`team-${team}-dev`],
        team,
      })),
      ...[
        ['dana-scientist', 'fraud-detection'],
        ['sam-lead', 'recommendations'],
      ].map(([user, team]) => ({
        name: `${user}-user-profile`,
        type: 'sagemaker-studio-user-profile',
        // The BackstageRequestedFor tag of the provisioned product.
        owner: `user:default/${user}`,
        dependsOn: [
          `resource:default/${demo.domainId}`,
          `resource:default/${team}-dev-team-environment`,
        ],
        provisionedProductId:
          demo.provisionedProducts[`profile-${team}-${user}`],
        team,
      })),
    ]);

    // 2 profiles, 1 domain; the team environments are named from their tags.
    expect(calls.sort()).toEqual(
      [
        'DescribeDomain',
        'ListDomains',
        'ListTags',
        'ListTags',
        'ListUserProfiles',
        'SearchProvisionedProducts',
      ].sort(),
    );
  });

  it('shows a profile provisioned from Backstage as its user’s, and drops it once terminated', async () => {
    const { ProvisionedProducts } = await sandbox.invoke(
      'servicecatalog',
      'SearchProvisionedProducts',
      {
        Filters: {
          SearchQuery: ['name:profile-fraud-detection-dana-scientist'],
        },
      },
    );
    const { ProvisioningArtifactDetails } = await sandbox.invoke(
      'servicecatalog',
      'ListProvisioningArtifacts',
      { ProductId: ProvisionedProducts[0].ProductId },
    );
    const { RecordDetail } = await sandbox.invoke(
      'servicecatalog',
      'ProvisionProduct',
      {
        ProductId: ProvisionedProducts[0].ProductId,
        ProvisioningArtifactId: ProvisioningArtifactDetails.find(
          (a: { Name: string }) => a.Name === 'v2',
        ).Id,
        ProvisionedProductName: 'profile-erin',
        ProvisionToken: 'catalog-test-erin',
        ProvisioningParameters: [
          { Key: 'TeamName', Value: 'fraud-detection' },
          { Key: 'StudioUserProfileName', Value: 'erin-scientist' },
        ],
        Tags: [
          {
            Key: 'BackstageRequestedFor',
            Value: 'user:default/erin',
          },
        ],
      },
    );

    const erin = (await provider.read()).find(
      e => e.metadata.name === 'erin-scientist-user-profile',
    );
    expect(erin?.spec?.owner).toBe('user:default/erin');
    // No EnvType parameter: the template's default, dev, which it tags on
    // the SageMaker profile.
    expect(erin?.spec?.dependsOn).toEqual([
      `resource:default/${demo.domainId}`,
      'resource:default/fraud-detection-dev-team-environment',
    ]);
    expect(
      erin?.metadata.annotations?.[
        'sagemaker-studio.aws/provisioned-product-id'
      ],
    ).toBe(RecordDetail.ProvisionedProductId);

    await sandbox.invoke('servicecatalog', 'TerminateProvisionedProduct', {
      ProvisionedProductId: RecordDetail.ProvisionedProductId,
      TerminateToken: 'catalog-test-erin-terminate',
    });

    const names = (await provider.read()).map(e => e.metadata.name);
    expect(names).not.toContain('erin-scientist-user-profile');
    expect(names).toHaveLength(5);
  });

  it('emits a second environment of a team launched as the backend launches it, and links its profiles to it', async () => {
    async function productOf(name: string) {
      const { ProvisionedProducts } = await sandbox.invoke(
        'servicecatalog',
        'SearchProvisionedProducts',
        { Filters: { SearchQuery: [`name:${name}`] } },
      );
      const { ProvisioningArtifactDetails } = await sandbox.invoke(
        'servicecatalog',
        'ListProvisioningArtifacts',
        { ProductId: ProvisionedProducts[0].ProductId },
      );
      return {
        ProductId: ProvisionedProducts[0].ProductId,
        artifact: (version: string) =>
          ProvisioningArtifactDetails.find(
            (a: { Name: string }) => a.Name === version,
          ).Id,
      };
    }
    // The tags of the backend's provisioningTags: TeamName and the
    // Backstage* tags; EnvType goes as a parameter only.
    const backstageTags = (requestId: string, user: string) => [
      { Key: 'TeamName', Value: 'fraud-detection' },
      { Key: 'BackstageRequestId', Value: requestId },
      { Key: 'BackstageRequestedBy', Value: 'user:default/sam-lead' },
      { Key: 'BackstageRequestedFor', Value: user },
    ];
    const team = await productOf('team-fraud-detection-dev');
    const { RecordDetail: teamRecord } = await sandbox.invoke(
      'servicecatalog',
      'ProvisionProduct',
      {
        ProductId: team.ProductId,
        ProvisioningArtifactId: team.artifact('v1'),
        ProvisionedProductName: 'team-fraud-detection-prod',
        ProvisionToken: 'catalog-test-team-prod',
        ProvisioningParameters: [
          { Key: 'TeamName', Value: 'fraud-detection' },
          { Key: 'EnvType', Value: 'prod' },
        ],
        Tags: backstageTags('request-team-prod', 'user:default/sam-lead'),
      },
    );
    const profile = await productOf('profile-fraud-detection-dana-scientist');
    const { RecordDetail: profileRecord } = await sandbox.invoke(
      'servicecatalog',
      'ProvisionProduct',
      {
        ProductId: profile.ProductId,
        ProvisioningArtifactId: profile.artifact('v2'),
        ProvisionedProductName: 'profile-erin-prod',
        ProvisionToken: 'catalog-test-erin-prod',
        ProvisioningParameters: [
          { Key: 'TeamName', Value: 'fraud-detection' },
          { Key: 'EnvType', Value: 'prod' },
          { Key: 'StudioUserProfileName', Value: 'erin-prod' },
        ],
        Tags: backstageTags('request-erin-prod', 'user:default/erin'),
      },
    );

    const entities = await provider.read();
    const byName = (name: string) =>
      entities.find(e => e.metadata.name === name);
    // The name the backend gives the request's entityRef.
    const prod = byName('fraud-detection-prod-team-environment');
    expect(prod?.metadata.annotations).toMatchObject({
      'sagemaker-studio.aws/provisioned-product-id':
        teamRecord.ProvisionedProductId,
      'sagemaker-studio.aws/team': 'fraud-detection',
      'sagemaker-studio.aws/environment-type': 'prod',
    });
    expect(prod?.spec?.owner).toBe('group:default/fraud-detection');
    expect(byName('fraud-detection-dev-team-environment')).toBeDefined();
    const erin = byName('erin-prod-user-profile');
    expect(erin?.spec?.owner).toBe('user:default/erin');
    expect(erin?.spec?.dependsOn).toEqual([
      `resource:default/${demo.domainId}`,
      'resource:default/fraud-detection-prod-team-environment',
    ]);
    expect(byName('dana-scientist-user-profile')?.spec?.dependsOn).toEqual([
      `resource:default/${demo.domainId}`,
      'resource:default/fraud-detection-dev-team-environment',
    ]);
    // Outputs only for the new environment, tagged with its team but not its
    // environment type (the demo's carry both tags).
    expect(
      calls.filter(call => call === 'GetProvisionedProductOutputs'),
    ).toHaveLength(1);

    for (const [id, token] of [
      [profileRecord.ProvisionedProductId, 'catalog-test-erin-prod-terminate'],
      [teamRecord.ProvisionedProductId, 'catalog-test-team-prod-terminate'],
    ]) {
      await sandbox.invoke('servicecatalog', 'TerminateProvisionedProduct', {
        ProvisionedProductId: id,
        TerminateToken: token,
      });
    }
    const names = (await provider.read()).map(e => e.metadata.name);
    expect(names).not.toContain('fraud-detection-prod-team-environment');
    expect(names).not.toContain('erin-prod-user-profile');
    expect(names).toHaveLength(5);
  });
});

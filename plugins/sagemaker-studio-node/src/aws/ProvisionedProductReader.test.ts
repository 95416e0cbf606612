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
  DescribeUserProfileCommand,
  ListTagsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  GetProvisionedProductOutputsCommand,
  ProvisionedProductAttribute,
  SearchProvisionedProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { ServiceUnavailableError } from '@backstage/errors';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ProvisionedProductReader } from './ProvisionedProductReader';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';

const serviceCatalog = mockClient(ServiceCatalogClient);
const sageMaker = mockClient(SageMakerClient);

const ACCOUNT = '111122223333';
const DOMAIN = {
  domainId: 'd-abc123def456',
  arn: `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:domain/d-abc123def456`,
};
const PROFILE_ARN = `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:user-profile/d-abc123def456/alice`;
const SEARCH = {
  AccessLevelFilter: { Key: 'Account', Value: 'self' },
  PageSize: 100,
} as const;

function reader() {
  const clients = new SageMakerStudioAwsClients({
    config: {
      region: 'eu-west-1',
      adminGroup: 'group:default/admins',
      products: {} as any,
    } as any,
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: 'AKIAFAKE',
          secretAccessKey: 'fake',
        }),
      }),
    },
  });
  return new ProvisionedProductReader({
    clients,
    products: {
      studioDomain: {
        productName: 'SageMaker Studio domain',
        requiresApproval: true,
      },
      teamEnvironment: {
        productName: 'Data science team environment',
        requiresApproval: true,
      },
      userProfile: {
        productName: 'Studio user profile',
        requiresApproval: false,
      },
    },
  });
}

function attribute(
  overrides: ProvisionedProductAttribute & { Id: string; Name: string },
): ProvisionedProductAttribute {
  return {
    Arn: `arn:aws:servicecatalog:eu-west-1:${ACCOUNT}:stack/${overrides.Name}/${overrides.Id}`,
    Status: 'AVAILABLE',
    CreatedTime: new Date('2026-11-20T10:00:00Z'),
    LastRecordId: `rec-${overrides.Id}`,
    LastSuccessfulProvisioningRecordId: `rec-${overrides.Id}`,
    Tags: [],
    ...overrides,
  };
}

const TEAM = attribute({
  Id: 'pp-team1',
  Name: 'team-fraud-detection-dev',
  ProductId: 'prod-team',
  ProductName: 'Data science team environment',
  ProvisioningArtifactId: 'pa-team1',
  ProvisioningArtifactName: 'v1',
  PhysicalId: 'arn:aws:cloudformation:stack/team',
});
const PROFILE = attribute({
  Id: 'pp-alice',
  Name: 'profile-alice',
  ProductId: 'prod-profile',
  ProductName: 'Studio user profile',
  ProvisioningArtifactName: 'v2',
  Tags: [{ Key: 'BackstageRequestedFor', Value: 'user:default/alice' }],
});
const OTHER = attribute({
  Id: 'pp-other',
  Name: 'some-bucket',
  ProductName: 'Someone else’s product',
});

describe('ProvisionedProductReader', () => {
  beforeEach(() => {
    serviceCatalog.reset();
    sageMaker.reset();
  });

  describe('listProvisionedProducts', () => {
    it('follows the page token across the account and keeps only our three products', async () => {
      serviceCatalog
        .on(SearchProvisionedProductsCommand, {
          ...SEARCH,
          PageToken: undefined,
        })
        .resolves({ ProvisionedProducts: [TEAM, OTHER], NextPageToken: 'p2' })
        .on(SearchProvisionedProductsCommand, { ...SEARCH, PageToken: 'p2' })
        .resolves({ ProvisionedProducts: [PROFILE] });

      const products = await reader().listProvisionedProducts();

      expect(serviceCatalog).toHaveReceivedCommandTimes(
        SearchProvisionedProductsCommand,
        2,
      );
      expect(serviceCatalog).toHaveReceivedCommandWith(
        SearchProvisionedProductsCommand,
        { ...SEARCH, PageToken: 'p2' },
      );
      expect(products).toEqual([
        {
          kind: 'teamEnvironment',
          id: 'pp-team1',
          name: 'team-fraud-detection-dev',
          arn: TEAM.Arn,
          productId: 'prod-team',
          productName: 'Data science team environment',
          provisioningArtifactId: 'pa-team1',
          provisioningArtifactName: 'v1',
          status: 'AVAILABLE',
          statusMessage: undefined,
          createdAt: '2026-11-20T10:00:00.000Z',
          lastRecordId: 'rec-pp-team1',
          lastSuccessfulProvisioningRecordId: 'rec-pp-team1',
          physicalId: 'arn:aws:cloudformation:stack/team',
          tags: {},
        },
        expect.objectContaining({
          kind: 'userProfile',
          id: 'pp-alice',
          provisioningArtifactName: 'v2',
          tags: { BackstageRequestedFor: 'user:default/alice' },
        }),
      ]);
    });

    it('turns throttling into ServiceUnavailableError', async () => {
      serviceCatalog.on(SearchProvisionedProductsCommand, SEARCH).rejects(
        Object.assign(new Error('Rate exceeded'), {
          name: 'ThrottlingException',
        }),
      );
      await expect(reader().listProvisionedProducts()).rejects.toBeInstanceOf(
        ServiceUnavailableError,
      );
    });
  });

  describe('listUserProfiles', () => {
    it('lists every domain at once, builds ARNs from the domain and reads each profile’s tags', async () => {
      sageMaker.on(ListUserProfilesCommand, { MaxResults: 100 }).resolves({
        UserProfiles: [
          {
            DomainId: DOMAIN.domainId,
            UserProfileName: 'alice',
            Status: 'InService',
            CreationTime: new Date('2026-11-21T10:00:00Z'),
          },
          {
            DomainId: 'd-unknown',
            UserProfileName: 'bob',
            Status: 'InService',
          },
        ],
      });
      sageMaker
        .on(DescribeUserProfileCommand, {
          DomainId: 'd-unknown',
          UserProfileName: 'bob',
        })
        .resolves({ UserProfileArn: 'arn:bob' });
      sageMaker
        .on(ListTagsCommand, { ResourceArn: PROFILE_ARN, MaxResults: 100 })
        .resolves({
          Tags: [
            { Key: 'TeamName', Value: 'fraud-detection' },
            { Key: 'OwnerEmail', Value: 'alice@example.com' },
          ],
        })
        .on(ListTagsCommand, { ResourceArn: 'arn:bob', MaxResults: 100 })
        .resolves({ Tags: [] });

      const { items, errors } = await reader().listUserProfiles([DOMAIN]);

      expect(errors).toEqual([]);
      expect(items).toEqual([
        {
          domainId: DOMAIN.domainId,
          userProfileName: 'alice',
          arn: PROFILE_ARN,
          status: 'InService',
          createdAt: '2026-11-21T10:00:00.000Z',
          tags: {
            TeamName: 'fraud-detection',
            OwnerEmail: 'alice@example.com',
          },
        },
        {
          domainId: 'd-unknown',
          userProfileName: 'bob',
          arn: 'arn:bob',
          status: 'InService',
          createdAt: undefined,
          tags: {},
        },
      ]);
      expect(sageMaker).toHaveReceivedCommandTimes(ListUserProfilesCommand, 1);
      expect(sageMaker).toHaveReceivedCommandTimes(
        DescribeUserProfileCommand,
        1,
      );
      expect(sageMaker).toHaveReceivedCommandWith(ListTagsCommand, {
        ResourceArn: PROFILE_ARN,
        MaxResults: 100,
      });
    });

    it('reports a profile whose tags cannot be read, and drops one deleted meanwhile', async () => {
      sageMaker.on(ListUserProfilesCommand, { MaxResults: 100 }).resolves({
        UserProfiles: [
          { DomainId: DOMAIN.domainId, UserProfileName: 'alice' },
          { DomainId: DOMAIN.domainId, UserProfileName: 'gone' },
        ],
      });
      sageMaker
        .on(ListTagsCommand, { ResourceArn: PROFILE_ARN, MaxResults: 100 })
        .rejects(
          Object.assign(new Error('Rate exceeded'), {
            name: 'ThrottlingException',
          }),
        )
        .on(ListTagsCommand, {
          ResourceArn: PROFILE_ARN.replace('alice', 'gone'),
          MaxResults: 100,
        })
        .rejects(
          Object.assign(new Error('not found'), { name: 'ResourceNotFound' }),
        );

      const { items, errors } = await reader().listUserProfiles([DOMAIN]);

      expect(items).toEqual([]);
      expect(errors).toEqual([
        {
          source: 'sagemaker:eu-west-1:user-profile/d-abc123def456/alice',
          errorType: 'THROTTLED',
          message: expect.stringContaining('throttled'),
        },
      ]);
    });
  });

  describe('readEstate', () => {
    function listings(options: {
      profileTags: Array<{ Key: string; Value: string }>;
      extraProducts?: ProvisionedProductAttribute[];
    }) {
      serviceCatalog.on(SearchProvisionedProductsCommand, SEARCH).resolves({
        ProvisionedProducts: [
          TEAM,
          attribute({
            ...TEAM,
            Id: 'pp-team2',
            Name: 'team-recommendations-dev',
            Tags: [
              { Key: 'TeamName', Value: 'recommendations' },
              { Key: 'EnvironmentType', Value: 'dev' },
            ],
          }),
          ...(options.extraProducts ?? []),
          PROFILE,
          attribute({
            Id: 'pp-failed',
            Name: 'profile-failed',
            ProductName: 'Studio user profile',
            Status: 'ERROR',
            LastSuccessfulProvisioningRecordId: undefined,
          }),
          attribute({
            Id: 'pp-domain',
            Name: 'studio-domain',
            ProductName: 'SageMaker Studio domain',
          }),
        ],
      });
      sageMaker.on(ListUserProfilesCommand, { MaxResults: 100 }).resolves({
        UserProfiles: [{ DomainId: DOMAIN.domainId, UserProfileName: 'alice' }],
      });
      sageMaker
        .on(ListTagsCommand, { ResourceArn: PROFILE_ARN, MaxResults: 100 })
        .resolves({ Tags: options.profileTags });
    }

    it('reads outputs only for products the listings do not explain', async () => {
      listings({
        // Tagged as the backend tags what it launches: a team, no environment
        // type (the backend passes EnvType as a parameter, which the listing
        // does not return).
        extraProducts: [
          attribute({
            ...TEAM,
            Id: 'pp-team3',
            Name: 'team-fraud-detection-prod',
            Tags: [
              { Key: 'TeamName', Value: 'fraud-detection' },
              { Key: 'BackstageRequestId', Value: 'request-1' },
              { Key: 'BackstageRequestedBy', Value: 'user:default/admin' },
              { Key: 'BackstageRequestedFor', Value: 'user:default/admin' },
            ],
          }),
        ],
        profileTags: [
          { Key: 'TeamName', Value: 'fraud-detection' },
          {
            Key: 'aws:servicecatalog:provisionedProductArn',
            Value: PROFILE.Arn!,
          },
        ],
      });
      serviceCatalog
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-team1',
          PageSize: 20,
        })
        .resolves({
          Outputs: [
            {
              OutputKey: 'SsmParameterPrefix',
              OutputValue: '/sagemaker-studio/fraud-detection/dev/',
            },
          ],
        })
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-team3',
          PageSize: 20,
        })
        .resolves({
          Outputs: [
            {
              OutputKey: 'SsmParameterPrefix',
              OutputValue: '/sagemaker-studio/fraud-detection/prod/',
            },
          ],
        });

      const estate = await reader().readEstate({ domains: [DOMAIN] });

      expect(estate.errors).toEqual([]);
      // The team without tags and the one without an environment type tag
      // are the only products asked for outputs: the other team carries both
      // tags, the profile is claimed by its SageMaker tag, the failed one
      // never succeeded and the domain comes from SageMaker.
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        GetProvisionedProductOutputsCommand,
        2,
      );
      expect(estate.provisionedProducts.map(p => [p.id, p.outputs])).toEqual([
        [
          'pp-team1',
          { SsmParameterPrefix: '/sagemaker-studio/fraud-detection/dev/' },
        ],
        ['pp-team2', undefined],
        [
          'pp-team3',
          { SsmParameterPrefix: '/sagemaker-studio/fraud-detection/prod/' },
        ],
        ['pp-alice', undefined],
        ['pp-failed', undefined],
        ['pp-domain', undefined],
      ]);
      expect(estate.userProfiles.map(p => p.userProfileName)).toEqual([
        'alice',
      ]);
    });

    it('reads the outputs of a profile product no SageMaker profile points to, and reports one it cannot read', async () => {
      listings({ profileTags: [] });
      serviceCatalog
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-team1',
          PageSize: 20,
        })
        .rejects(
          Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
        )
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-alice',
          PageSize: 20,
        })
        .resolves({
          Outputs: [
            { OutputKey: 'UserProfileName', OutputValue: 'alice' },
            { OutputKey: 'DomainId', OutputValue: DOMAIN.domainId },
          ],
        });

      const estate = await reader().readEstate({ domains: [DOMAIN] });

      expect(estate.errors).toEqual([
        {
          source: 'servicecatalog:eu-west-1:provisioned-product/pp-team1',
          errorType: 'NOT_ALLOWED',
          message: expect.stringContaining('pp-team1'),
        },
      ]);
      expect(estate.provisionedProducts.map(p => p.id)).toEqual([
        'pp-team2',
        'pp-alice',
        'pp-failed',
        'pp-domain',
      ]);
      expect(
        estate.provisionedProducts.find(p => p.id === 'pp-alice')?.outputs,
      ).toEqual({ UserProfileName: 'alice', DomainId: DOMAIN.domainId });
    });
  });
});

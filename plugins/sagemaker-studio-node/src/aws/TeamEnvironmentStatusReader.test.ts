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
  ListDomainsCommand,
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
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { TeamEnvironmentStatusReader } from './TeamEnvironmentStatusReader';
import { StudioAwsReadError } from './studioAwsErrors';
import { awsError, fakeClients } from './__testUtils__/fakeClients';

const sageMaker = mockClient(SageMakerClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
const PP_ARN =
  'arn:aws:servicecatalog:eu-west-1:111122223333:stack/team-fraud-dev/pp-1';

const reader = () => {
  const clients = fakeClients();
  return new TeamEnvironmentStatusReader({
    clients,
    config: {
      products: {
        studioDomain: { productName: 'Domain', requiresApproval: true },
        teamEnvironment: { productName: 'Team env', requiresApproval: true },
        userProfile: { productName: 'Profile', requiresApproval: false },
      },
    },
  });
};

const teamProduct: ProvisionedProductAttribute = {
  Id: 'pp-1',
  Name: 'team-fraud-dev',
  Arn: PP_ARN,
  ProductName: 'Team env',
  ProvisioningArtifactName: 'v1',
  Status: 'AVAILABLE',
  LastSuccessfulProvisioningRecordId: 'rec-1',
  Tags: [],
};

describe('TeamEnvironmentStatusReader', () => {
  beforeEach(() => {
    sageMaker.reset();
    serviceCatalog.reset();
    serviceCatalog
      .on(GetProvisionedProductOutputsCommand, { ProvisionedProductId: 'pp-1' })
      .resolves({
        Outputs: [
          {
            OutputKey: 'SsmParameterPrefix',
            OutputValue: '/sagemaker-studio/fraud/dev/',
          },
          { OutputKey: 'DataBucketName', OutputValue: 'fraud-data' },
        ],
      });
  });

  it('reads one environment by id with one filtered search and its outputs', async () => {
    serviceCatalog
      .on(SearchProvisionedProductsCommand, {
        Filters: { SearchQuery: ['id:pp-1'] },
      })
      .resolves({ ProvisionedProducts: [teamProduct] });

    const status = await reader().readById('pp-1');

    expect(status).toEqual({
      accountId: '111122223333',
      region: 'eu-west-1',
      teamName: 'fraud',
      envType: 'dev',
      provisionedProductId: 'pp-1',
      provisionedProductName: 'team-fraud-dev',
      productName: 'Team env',
      version: 'v1',
      status: 'AVAILABLE',
      outputs: {
        SsmParameterPrefix: '/sagemaker-studio/fraud/dev/',
        DataBucketName: 'fraud-data',
      },
    });
    expect(serviceCatalog).toHaveReceivedCommandTimes(
      SearchProvisionedProductsCommand,
      1,
    );
  });

  it('answers an unknown id with a NOT_FOUND failure', async () => {
    serviceCatalog
      .on(SearchProvisionedProductsCommand)
      .resolves({ ProvisionedProducts: [] });
    const error = await reader()
      .readById('pp-404')
      .catch(e => e);
    expect(error).toBeInstanceOf(StudioAwsReadError);
    expect(error.failure).toBe('NOT_FOUND');
  });

  it("finds a team's environments by TeamName tag or name, confirmed by their outputs", async () => {
    serviceCatalog.on(SearchProvisionedProductsCommand).resolves({
      ProvisionedProducts: [
        teamProduct,
        { ...teamProduct, Id: 'pp-2', Name: 'team-other-dev' },
        {
          ...teamProduct,
          Id: 'pp-3',
          Name: 'profile-fraud-alice',
          ProductName: 'Profile',
        },
      ],
    });
    const found = await reader().findByTeam('fraud');
    expect(found.map(e => e.provisionedProductId)).toEqual(['pp-1']);
    expect(serviceCatalog).toHaveReceivedCommandTimes(
      GetProvisionedProductOutputsCommand,
      1,
    );
  });

  it('lists the profiles tagged with the team as members', async () => {
    sageMaker.on(ListDomainsCommand).resolves({
      Domains: [
        {
          DomainId: 'd-1',
          DomainArn: 'arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1',
        },
      ],
    });
    sageMaker.on(ListUserProfilesCommand).resolves({
      UserProfiles: [
        { DomainId: 'd-1', UserProfileName: 'alice', Status: 'InService' },
        { DomainId: 'd-1', UserProfileName: 'carol', Status: 'InService' },
      ],
    });
    sageMaker
      .on(ListTagsCommand, {
        ResourceArn:
          'arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/alice',
      })
      .resolves({
        Tags: [
          { Key: 'TeamName', Value: 'fraud' },
          { Key: 'BackstageRequestedFor', Value: 'user:default/alice' },
        ],
      })
      .on(ListTagsCommand, {
        ResourceArn:
          'arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/carol',
      })
      .resolves({ Tags: [{ Key: 'TeamName', Value: 'reco' }] });

    expect(await reader().readTeamMembers('fraud')).toEqual([
      {
        userProfileName: 'alice',
        status: 'InService',
        domainId: 'd-1',
        owner: 'user:default/alice',
      },
    ]);
  });

  it('reads the members of every team with one ListTags per profile, whatever the number of teams', async () => {
    sageMaker.on(ListDomainsCommand).resolves({
      Domains: [
        {
          DomainId: 'd-1',
          DomainArn: 'arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1',
        },
      ],
    });
    sageMaker.on(ListUserProfilesCommand).resolves({
      UserProfiles: [
        { DomainId: 'd-1', UserProfileName: 'alice', Status: 'InService' },
        { DomainId: 'd-1', UserProfileName: 'carol', Status: 'Pending' },
        { DomainId: 'd-1', UserProfileName: 'nobody', Status: 'InService' },
      ],
    });
    const teams: Record<string, string> = { alice: 'fraud', carol: 'reco' };
    sageMaker.on(ListTagsCommand).callsFake(input => {
      const team = teams[input.ResourceArn.split('/').pop()];
      return { Tags: team ? [{ Key: 'TeamName', Value: team }] : [] };
    });

    expect(await reader().readMembersOfEveryTeam()).toEqual([
      {
        teamName: 'fraud',
        userProfileName: 'alice',
        status: 'InService',
        domainId: 'd-1',
      },
      {
        teamName: 'reco',
        userProfileName: 'carol',
        status: 'Pending',
        domainId: 'd-1',
      },
    ]);
    expect(sageMaker.commandCalls(ListTagsCommand)).toHaveLength(3);
  });

  it('reports a throttled search as THROTTLED', async () => {
    serviceCatalog
      .on(SearchProvisionedProductsCommand)
      .rejects(awsError('ThrottlingException'));
    const error = await reader()
      .findByTeam('fraud')
      .catch(e => e);
    expect(error).toMatchObject({ failure: 'THROTTLED' });
    expect(error.message).not.toContain('secret');
  });
});

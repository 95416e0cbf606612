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
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
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
import {
  membersOfEnvironment,
  TeamEnvironmentStatusReader,
} from './TeamEnvironmentStatusReader';
import { StudioAwsReadError } from './studioAwsErrors';
import { awsError, fakeClients } from './__testUtils__/fakeClients';

const sageMaker = mockClient(SageMakerClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
const cloudFormation = mockClient(CloudFormationClient);
const PP_ARN =
  'arn:aws:servicecatalog:eu-west-1:111122223333:stack/team-fraud-dev/pp-1';
const STACK_ARN =
  'arn:aws:cloudformation:eu-west-1:111122223333:stack/SC-111122223333-pp-1/0f6d3a70-1111-2222-3333-444455556666';

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
  PhysicalId: STACK_ARN,
  Tags: [],
};

function profileProduct(
  id: string,
  name: string,
  team: string,
  owner?: string,
  envType?: string,
): ProvisionedProductAttribute {
  return {
    Id: id,
    Name: name,
    ProductName: 'Profile',
    Status: 'AVAILABLE',
    LastSuccessfulProvisioningRecordId: `rec-${id}`,
    Tags: [
      { Key: 'TeamName', Value: team },
      ...(owner ? [{ Key: 'BackstageRequestedFor', Value: owner }] : []),
      ...(envType ? [{ Key: 'EnvType', Value: envType }] : []),
    ],
  };
}

const OUTPUTS = [
  {
    OutputKey: 'SsmParameterPrefix',
    OutputValue: '/sagemaker-studio/fraud/dev/',
  },
  { OutputKey: 'DataBucketName', OutputValue: 'fraud-data' },
];

const FRAUD_ENVIRONMENT = {
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
};

describe('TeamEnvironmentStatusReader', () => {
  beforeEach(() => {
    sageMaker.reset();
    serviceCatalog.reset();
    cloudFormation.reset();
    serviceCatalog
      .on(GetProvisionedProductOutputsCommand, { ProvisionedProductId: 'pp-1' })
      .resolves({ Outputs: OUTPUTS });
    cloudFormation
      .on(DescribeStacksCommand, { StackName: STACK_ARN })
      .resolves({
        Stacks: [
          {
            StackId: STACK_ARN,
            StackName: 'SC-111122223333-pp-1',
            StackStatus: 'UPDATE_COMPLETE',
            CreationTime: new Date(),
            Outputs: OUTPUTS,
          },
        ],
      });
  });

  describe('environments', () => {
    beforeEach(() => {
      serviceCatalog
        .on(SearchProvisionedProductsCommand, {
          Filters: { SearchQuery: ['id:pp-1'] },
        })
        .resolves({ ProvisionedProducts: [teamProduct] });
    });

    it('reads one environment by id: one filtered search and one DescribeStacks on its PhysicalId for the stack status and outputs', async () => {
      const status = await reader().readById('pp-1');

      expect(status).toEqual({
        ...FRAUD_ENVIRONMENT,
        stackStatus: 'UPDATE_COMPLETE',
      });
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        SearchProvisionedProductsCommand,
        1,
      );
      expect(cloudFormation).toHaveReceivedCommandTimes(
        DescribeStacksCommand,
        1,
      );
      expect(serviceCatalog).not.toHaveReceivedCommand(
        GetProvisionedProductOutputsCommand,
      );
    });

    it.each([
      ['the role may not describe stacks', awsError('AccessDenied')],
      [
        'the stack does not exist',
        awsError(
          'ValidationError',
          `Stack with id ${STACK_ARN} does not exist`,
        ),
      ],
    ])(
      'reads the outputs from Service Catalog and leaves the stack status out when %s',
      async (_case, error) => {
        cloudFormation.on(DescribeStacksCommand).rejects(error);

        const status = await reader().readById('pp-1');

        expect(status).toEqual(FRAUD_ENVIRONMENT);
        expect(serviceCatalog).toHaveReceivedCommandTimes(
          GetProvisionedProductOutputsCommand,
          1,
        );
      },
    );

    it('fails the read when DescribeStacks is throttled (nothing cached, tried again later)', async () => {
      cloudFormation.on(DescribeStacksCommand).rejects(awsError('Throttling'));
      const error = await reader()
        .readById('pp-1')
        .catch(e => e);
      expect(error).toMatchObject({ failure: 'THROTTLED' });
    });

    it('asks no DescribeStacks for a product whose PhysicalId is not a stack of its region', async () => {
      serviceCatalog.on(SearchProvisionedProductsCommand).resolves({
        ProvisionedProducts: [
          {
            ...teamProduct,
            PhysicalId: STACK_ARN.replace('eu-west-1', 'us-east-1'),
          },
        ],
      });
      expect(await reader().readById('pp-1')).toEqual(FRAUD_ENVIRONMENT);
      expect(cloudFormation).not.toHaveReceivedCommand(DescribeStacksCommand);
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

    it("finds a team's environments by TeamName tag or name, confirmed by their outputs, with one DescribeStacks each", async () => {
      serviceCatalog.on(SearchProvisionedProductsCommand).resolves({
        ProvisionedProducts: [
          teamProduct,
          { ...teamProduct, Id: 'pp-2', Name: 'team-other-dev' },
          profileProduct('pp-3', 'profile-fraud-alice', 'fraud'),
        ],
      });
      const found = await reader().findByTeam('fraud');
      expect(found.map(e => e.provisionedProductId)).toEqual(['pp-1']);
      expect(found[0].stackStatus).toBe('UPDATE_COMPLETE');
      expect(cloudFormation).toHaveReceivedCommandTimes(
        DescribeStacksCommand,
        1,
      );
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        SearchProvisionedProductsCommand,
        1,
      );
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

  describe('members', () => {
    const PRODUCTS = [
      teamProduct,
      profileProduct(
        'pp-a',
        'profile-fraud-alice',
        'fraud',
        'user:default/alice',
      ),
      profileProduct('pp-b', 'profile-fraud-bob', 'fraud'),
      profileProduct('pp-c', 'profile-reco-carol', 'reco'),
      // Launched under another name: its outputs say which profile.
      profileProduct('pp-d', 'dave-sandbox', 'fraud', 'user:default/dave'),
      // Its profile was deleted outside Service Catalog.
      profileProduct('pp-e', 'profile-fraud-erin', 'fraud'),
    ];

    beforeEach(() => {
      serviceCatalog
        .on(SearchProvisionedProductsCommand)
        .resolves({ ProvisionedProducts: PRODUCTS });
      serviceCatalog
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-d',
        })
        .resolves({
          Outputs: [
            { OutputKey: 'UserProfileName', OutputValue: 'dave' },
            { OutputKey: 'DomainId', OutputValue: 'd-1' },
          ],
        })
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-e',
        })
        .resolves({
          Outputs: [
            { OutputKey: 'UserProfileName', OutputValue: 'erin' },
            { OutputKey: 'DomainId', OutputValue: 'd-1' },
          ],
        });
      sageMaker.on(ListUserProfilesCommand).resolves({
        UserProfiles: [
          { DomainId: 'd-1', UserProfileName: 'alice', Status: 'InService' },
          { DomainId: 'd-1', UserProfileName: 'bob', Status: 'Pending' },
          { DomainId: 'd-1', UserProfileName: 'carol', Status: 'InService' },
          { DomainId: 'd-1', UserProfileName: 'dave', Status: 'InService' },
          { DomainId: 'd-2', UserProfileName: 'dave', Status: 'Failed' },
          // Made in the console, tagged with the team: not a member.
          { DomainId: 'd-1', UserProfileName: 'zoe', Status: 'InService' },
        ],
      });
    });

    it("joins the team's user profile products to the listed profiles, without ListTags or ListDomains", async () => {
      expect(await reader().readTeamMembers('fraud')).toEqual([
        {
          userProfileName: 'alice',
          status: 'InService',
          domainId: 'd-1',
          owner: 'user:default/alice',
        },
        { userProfileName: 'bob', status: 'Pending', domainId: 'd-1' },
        {
          userProfileName: 'dave',
          status: 'InService',
          domainId: 'd-1',
          owner: 'user:default/dave',
        },
      ]);
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        SearchProvisionedProductsCommand,
        1,
      );
      expect(sageMaker).toHaveReceivedCommandTimes(ListUserProfilesCommand, 1);
      // Outputs only for the products the backend's name does not place.
      expect(
        serviceCatalog
          .commandCalls(GetProvisionedProductOutputsCommand)
          .map(call => call.args[0].input.ProvisionedProductId)
          .sort(),
      ).toEqual(['pp-d', 'pp-e']);
      expect(sageMaker).not.toHaveReceivedCommand(ListTagsCommand);
      expect(sageMaker).not.toHaveReceivedCommand(ListDomainsCommand);
    });

    it('serves every team from one listing of products and profiles', async () => {
      const r = reader();
      const products = await r.listTeamProducts();
      const profiles = await r.listUserProfiles();
      const fraud = await r.membersOf('fraud', products, async () => profiles);
      const reco = await r.membersOf('reco', products, async () => profiles);
      expect(fraud.map(m => m.userProfileName)).toEqual([
        'alice',
        'bob',
        'dave',
      ]);
      expect(reco).toEqual([
        { userProfileName: 'carol', status: 'InService', domainId: 'd-1' },
      ]);
      expect(serviceCatalog).toHaveReceivedCommandTimes(
        SearchProvisionedProductsCommand,
        1,
      );
      expect(sageMaker).toHaveReceivedCommandTimes(ListUserProfilesCommand, 1);
    });

    it("places an untagged product named profile-<team>-... by its stack's TeamName parameter and outputs", async () => {
      const stackOf = (id: string) =>
        `arn:aws:cloudformation:eu-west-1:111122223333:stack/SC-111122223333-${id}/0f6d3a70-1111-2222-3333-${id
          .slice(3)
          .padStart(12, '0')}`;
      const untagged = (id: string, name: string) => ({
        ...profileProduct(id, name, 'fraud'),
        Tags: [],
        PhysicalId: stackOf(id),
      });
      serviceCatalog.on(SearchProvisionedProductsCommand).resolves({
        ProvisionedProducts: [
          untagged('pp-f', 'profile-fraud-frank'),
          // Named for team "fraud", but made for fraud-detection.
          untagged('pp-g', 'profile-fraud-detection-gina'),
        ],
      });
      const stack = (id: string, team: string, profile: string) => ({
        Stacks: [
          {
            StackName: `SC-111122223333-${id}`,
            StackStatus: 'CREATE_COMPLETE' as const,
            CreationTime: new Date(),
            Parameters: [{ ParameterKey: 'TeamName', ParameterValue: team }],
            Outputs: [
              { OutputKey: 'UserProfileName', OutputValue: profile },
              { OutputKey: 'DomainId', OutputValue: 'd-1' },
            ],
          },
        ],
      });
      cloudFormation
        .on(DescribeStacksCommand, { StackName: stackOf('pp-f') })
        .resolves(stack('pp-f', 'fraud', 'frank-fraud'))
        .on(DescribeStacksCommand, { StackName: stackOf('pp-g') })
        .resolves(stack('pp-g', 'fraud-detection', 'gina'));
      sageMaker.on(ListUserProfilesCommand).resolves({
        UserProfiles: [
          {
            DomainId: 'd-1',
            UserProfileName: 'frank-fraud',
            Status: 'InService',
          },
          { DomainId: 'd-1', UserProfileName: 'gina', Status: 'InService' },
        ],
      });

      expect(await reader().readTeamMembers('fraud')).toEqual([
        {
          userProfileName: 'frank-fraud',
          status: 'InService',
          domainId: 'd-1',
        },
      ]);
      expect(cloudFormation).toHaveReceivedCommandTimes(
        DescribeStacksCommand,
        2,
      );
      expect(serviceCatalog).not.toHaveReceivedCommand(
        GetProvisionedProductOutputsCommand,
      );
    });

    it("gives each member the environment type of its product's EnvType tag, else of its stack's EnvType parameter when the stack is read anyway", async () => {
      const stackOf = (id: string) =>
        `arn:aws:cloudformation:eu-west-1:111122223333:stack/SC-111122223333-${id}/0f6d3a70-1111-2222-3333-${id
          .slice(3)
          .padStart(12, '0')}`;
      serviceCatalog.on(SearchProvisionedProductsCommand).resolves({
        ProvisionedProducts: [
          // Launched by the portal for dev: placed by name, no stack read.
          profileProduct(
            'pp-s',
            'profile-reco-sam-lead',
            'reco',
            'user:default/sam-lead',
            'dev',
          ),
          // Launched by the portal for test.
          profileProduct(
            'pp-t',
            'profile-reco-tina',
            'reco',
            undefined,
            'test',
          ),
          // Tagged without EnvType, named another way: its stack is read to
          // place it, and its EnvType parameter says which environment.
          {
            ...profileProduct('pp-u', 'ulla-sandbox', 'reco'),
            PhysicalId: stackOf('pp-u'),
          },
          // Tagged without EnvType and placed by name: no stack is read for
          // its environment type alone, which stays unknown.
          {
            ...profileProduct('pp-v', 'profile-reco-vic', 'reco'),
            PhysicalId: stackOf('pp-v'),
          },
        ],
      });
      cloudFormation
        .on(DescribeStacksCommand, { StackName: stackOf('pp-u') })
        .resolves({
          Stacks: [
            {
              StackName: 'SC-111122223333-pp-u',
              StackStatus: 'CREATE_COMPLETE',
              CreationTime: new Date(),
              Parameters: [
                { ParameterKey: 'TeamName', ParameterValue: 'reco' },
                { ParameterKey: 'EnvType', ParameterValue: 'test' },
              ],
              Outputs: [
                { OutputKey: 'UserProfileName', OutputValue: 'ulla' },
                { OutputKey: 'DomainId', OutputValue: 'd-1' },
              ],
            },
          ],
        });
      sageMaker.on(ListUserProfilesCommand).resolves({
        UserProfiles: ['sam-lead', 'tina', 'ulla', 'vic'].map(name => ({
          DomainId: 'd-1',
          UserProfileName: name,
          Status: 'InService',
        })),
      });

      const members = await reader().readTeamMembers('reco');
      expect(
        members.map(m => [m.userProfileName, m.envType ?? 'unknown']),
      ).toEqual([
        ['sam-lead', 'dev'],
        ['tina', 'test'],
        ['ulla', 'test'],
        ['vic', 'unknown'],
      ]);
      expect(cloudFormation).toHaveReceivedCommandTimes(
        DescribeStacksCommand,
        1,
      );
      expect(serviceCatalog).not.toHaveReceivedCommand(
        GetProvisionedProductOutputsCommand,
      );

      const names = (envType: string | undefined) =>
        membersOfEnvironment(members, envType).map(m => m.userProfileName);
      expect(names('dev')).toEqual(['sam-lead', 'vic']);
      expect(names('test')).toEqual(['tina', 'ulla', 'vic']);
      // An environment of unknown type lists every member of the team.
      expect(names(undefined)).toEqual(['sam-lead', 'tina', 'ulla', 'vic']);
      // The environment type stays internal to the reader.
      expect(membersOfEnvironment(members, 'dev')[0]).toEqual({
        userProfileName: 'sam-lead',
        status: 'InService',
        domainId: 'd-1',
        owner: 'user:default/sam-lead',
      });
    });

    it('lists no profiles for a team without a user profile product there', async () => {
      const r = reader();
      const products = await r.listTeamProducts();
      const listProfiles = jest.fn();
      expect(await r.membersOf('nobody', products, listProfiles)).toEqual([]);
      expect(listProfiles).not.toHaveBeenCalled();
    });

    it('fails the member list when a product cannot be placed because its outputs cannot be read', async () => {
      serviceCatalog
        .on(GetProvisionedProductOutputsCommand, {
          ProvisionedProductId: 'pp-d',
        })
        .rejects(awsError('ThrottlingException'));
      const error = await reader()
        .readTeamMembers('fraud')
        .catch(e => e);
      expect(error).toMatchObject({ failure: 'THROTTLED' });
    });

    it('reports a failed profile listing as a failure of the member list', async () => {
      sageMaker
        .on(ListUserProfilesCommand)
        .rejects(awsError('AccessDeniedException'));
      const error = await reader()
        .readTeamMembers('fraud')
        .catch(e => e);
      expect(error).toMatchObject({ failure: 'NOT_ALLOWED' });
    });
  });
});

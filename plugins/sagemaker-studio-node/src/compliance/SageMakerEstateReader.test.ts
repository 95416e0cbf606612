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
  DescribeAppCommand,
  DescribeProcessingJobCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListAutoMLJobsCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
  ListSpacesCommand,
  ListTagsCommand,
  ListTransformJobsCommand,
  ListUserProfilesCommand,
  SageMakerClient,
  SearchCommand,
} from '@aws-sdk/client-sagemaker';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { awsError, fakeClients } from '../aws/__testUtils__/fakeClients';
import { SageMakerEstateReader } from './SageMakerEstateReader';
import { COMPLIANCE_READ_FAILURE_MESSAGES, ComplianceReadError } from './types';

const sageMaker = mockClient(SageMakerClient);
const ACCOUNT = '111122223333';
const arn = (type: string, name: string) =>
  `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:${type}/${name}`;

function trainingJob(name: string, extra: object = {}): any {
  return {
    TrainingJobName: name,
    TrainingJobArn: arn('training-job', name),
    TrainingJobStatus: 'InProgress',
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/ds-exec-fraud-detection-dev-dana`,
    ResourceConfig: {
      InstanceCount: 1,
      InstanceType: 'ml.m5.large',
      VolumeSizeInGB: 1,
    },
    Tags: [],
    ...extra,
  };
}

async function all(reader: SageMakerEstateReader) {
  const pages = [];
  for await (const page of reader.pages()) pages.push(page);
  return pages;
}

describe('SageMakerEstateReader', () => {
  beforeEach(() => {
    sageMaker.reset();
    // Every kind answers empty unless a test says otherwise.
    sageMaker.on(SearchCommand).resolves({ Results: [] });
    for (const command of [
      ListProcessingJobsCommand,
      ListTransformJobsCommand,
      ListAutoMLJobsCommand,
      ListNotebookInstancesCommand,
      ListEndpointConfigsCommand,
      ListDomainsCommand,
      ListUserProfilesCommand,
      ListSpacesCommand,
      ListAppsCommand,
    ]) {
      sageMaker.on(command as any).resolves({});
    }
  });

  const reader = (options: object = {}) =>
    new SageMakerEstateReader({
      clients: fakeClients(),
      logger: mockServices.logger.mock(),
      retry: { sleep: async () => {} },
      ...options,
    });

  it('searches 100 whole resources per call, page after page, and judges them', async () => {
    sageMaker
      .on(SearchCommand, { Resource: 'TrainingJob', NextToken: undefined })
      .resolves({
        Results: [
          {
            TrainingJob: trainingJob('a', {
              Tags: [{ Key: 'TeamName', Value: 'recommendations' }],
            }),
          },
        ],
        NextToken: 't2',
      })
      .on(SearchCommand, { Resource: 'TrainingJob', NextToken: 't2' })
      .resolves({
        Results: [
          { TrainingJob: trainingJob('b', { TrainingJobStatus: 'Completed' }) },
        ],
      })
      .on(SearchCommand, { Resource: 'Model', NextToken: undefined })
      .resolves({
        Results: [
          {
            Model: {
              Model: {
                ModelName: 'm',
                ModelArn: arn('model', 'm'),
                ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ds-team-user-fraud-detection-dev`,
                VpcConfig: { Subnets: ['s'], SecurityGroupIds: ['g'] },
                EnableNetworkIsolation: true,
                Tags: [],
              },
            },
          },
        ],
      });
    const pages = await all(reader());
    expect(pages.map(p => p.map(r => r.name))).toEqual([['a'], ['b'], ['m']]);
    const [[a], [b], [m]] = pages;
    expect(a).toMatchObject({
      kind: 'TrainingJob',
      arn: arn('training-job', 'a'),
      accountId: ACCOUNT,
      region: 'eu-west-1',
      status: 'InProgress',
      active: true,
      team: 'recommendations',
      teamBy: 'tag',
    });
    expect(a.failed.map(f => f.ruleId)).toContain('SAGEMAKER_VPC_REQUIRED');
    // A finished job is not judged: nothing of it runs any more.
    expect(b).toMatchObject({ active: false, status: 'Completed', failed: [] });
    expect(m).toMatchObject({
      team: 'fraud-detection',
      teamBy: 'role',
      failed: [],
    });
    for (const call of sageMaker.commandCalls(SearchCommand)) {
      expect(call.args[0].input).toMatchObject({
        MaxResults: 100,
        SortOrder: 'Ascending',
      });
    }
    expect(sageMaker).toHaveReceivedCommandTimes(SearchCommand, 4);
    expect(sageMaker).not.toHaveReceivedCommand(ListTagsCommand);
  });

  it('describes and lists tags only of active listed resources, and skips one deleted meanwhile', async () => {
    sageMaker.on(ListProcessingJobsCommand).resolves({
      ProcessingJobSummaries: [
        {
          ProcessingJobName: 'done',
          ProcessingJobArn: arn('processing-job', 'done'),
          ProcessingJobStatus: 'Completed',
        } as any,
        {
          ProcessingJobName: 'run',
          ProcessingJobArn: arn('processing-job', 'run'),
          ProcessingJobStatus: 'InProgress',
        },
        {
          ProcessingJobName: 'gone',
          ProcessingJobArn: arn('processing-job', 'gone'),
          ProcessingJobStatus: 'InProgress',
        },
      ],
    });
    sageMaker
      .on(DescribeProcessingJobCommand, { ProcessingJobName: 'run' })
      .resolves({
        ProcessingJobName: 'run',
        ProcessingJobArn: arn('processing-job', 'run'),
        ProcessingJobStatus: 'InProgress',
        RoleArn: 'arn:aws:iam::1:role/other',
        ProcessingResources: {
          ClusterConfig: {
            InstanceCount: 1,
            InstanceType: 'ml.m5.large',
            VolumeSizeInGB: 1,
          },
        },
      } as any)
      .on(DescribeProcessingJobCommand, { ProcessingJobName: 'gone' })
      .rejects(awsError('ResourceNotFound'));
    sageMaker
      .on(ListTagsCommand, { ResourceArn: arn('processing-job', 'run') })
      .resolves({ Tags: [{ Key: 'TeamName', Value: 'fraud-detection' }] });
    const pages = await all(reader());
    expect(pages).toHaveLength(1);
    expect(pages[0].map(r => [r.name, r.active, r.team])).toEqual([
      ['done', false, undefined],
      ['run', true, 'fraud-detection'],
    ]);
    expect(sageMaker).toHaveReceivedCommandTimes(
      DescribeProcessingJobCommand,
      2,
    );
    expect(sageMaker).toHaveReceivedCommandTimes(ListTagsCommand, 1);
  });

  describe('Studio spaces and apps', () => {
    const DOMAIN = 'd-abc123';
    const profileArn = (name: string) =>
      arn('user-profile', `${DOMAIN}/${name}`);
    const customImage = (name: string) =>
      `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:image/${name}`;

    beforeEach(() => {
      sageMaker.on(ListUserProfilesCommand).resolves({
        UserProfiles: [
          { DomainId: DOMAIN, UserProfileName: 'dana', Status: 'InService' },
          { DomainId: DOMAIN, UserProfileName: 'sam', Status: 'InService' },
        ],
      });
      sageMaker
        .on(DescribeUserProfileCommand, { UserProfileName: 'dana' })
        .resolves({
          DomainId: DOMAIN,
          UserProfileName: 'dana',
          UserProfileArn: profileArn('dana'),
          Status: 'InService',
        })
        .on(DescribeUserProfileCommand, { UserProfileName: 'sam' })
        .resolves({
          DomainId: DOMAIN,
          UserProfileName: 'sam',
          UserProfileArn: profileArn('sam'),
          Status: 'InService',
          UserSettings: {
            ExecutionRole: `arn:aws:iam::${ACCOUNT}:role/ds-exec-recommendations-dev-sam`,
          },
        });
      sageMaker
        .on(ListTagsCommand, { ResourceArn: profileArn('dana') })
        .resolves({ Tags: [{ Key: 'TeamName', Value: 'fraud-detection' }] })
        .on(ListTagsCommand, { ResourceArn: profileArn('sam') })
        .resolves({ Tags: [] });
      sageMaker.on(ListSpacesCommand).resolves({
        Spaces: [
          {
            DomainId: DOMAIN,
            SpaceName: 'dana-space',
            Status: 'InService',
            SpaceSettingsSummary: { AppType: 'JupyterLab' },
            SpaceSharingSettingsSummary: { SharingType: 'Private' },
            OwnershipSettingsSummary: { OwnerUserProfileName: 'dana' },
          },
          {
            DomainId: DOMAIN,
            SpaceName: 'team-space',
            Status: 'InService',
            SpaceSharingSettingsSummary: { SharingType: 'Shared' },
            OwnershipSettingsSummary: { OwnerUserProfileName: 'sam' },
          },
          { DomainId: DOMAIN, SpaceName: 'old', Status: 'Deleting' },
        ],
      });
      sageMaker
        .on(DescribeSpaceCommand, { SpaceName: 'dana-space' })
        .resolves({
          DomainId: DOMAIN,
          SpaceName: 'dana-space',
          SpaceArn: arn('space', `${DOMAIN}/dana-space`),
          Status: 'InService',
          SpaceSettings: {
            AppType: 'JupyterLab',
            JupyterLabAppSettings: {
              DefaultResourceSpec: {
                SageMakerImageArn: customImage('ds-approved'),
              },
            },
          },
          SpaceSharingSettings: { SharingType: 'Private' },
          OwnershipSettings: { OwnerUserProfileName: 'dana' },
        })
        .on(DescribeSpaceCommand, { SpaceName: 'team-space' })
        .resolves({
          DomainId: DOMAIN,
          SpaceName: 'team-space',
          SpaceArn: arn('space', `${DOMAIN}/team-space`),
          Status: 'InService',
          SpaceSharingSettings: { SharingType: 'Shared' },
          OwnershipSettings: { OwnerUserProfileName: 'sam' },
        });
      sageMaker.on(ListAppsCommand).resolves({
        Apps: [
          {
            DomainId: DOMAIN,
            SpaceName: 'dana-space',
            AppType: 'JupyterLab',
            AppName: 'default',
            Status: 'InService',
            ResourceSpec: { SageMakerImageArn: customImage('ds-unreviewed') },
          },
          {
            // A Studio Classic app of a user: its summary carries no ResourceSpec.
            DomainId: DOMAIN,
            UserProfileName: 'sam',
            AppType: 'KernelGateway',
            AppName: 'kg',
            Status: 'InService',
          },
          {
            DomainId: DOMAIN,
            SpaceName: 'team-space',
            AppType: 'CodeEditor',
            AppName: 'default',
            Status: 'Deleted',
          },
        ],
      });
      sageMaker.on(DescribeAppCommand).resolves({
        DomainId: DOMAIN,
        UserProfileName: 'sam',
        AppType: 'KernelGateway',
        AppName: 'kg',
        AppArn: arn('app', `${DOMAIN}/sam/kernelgateway/kg`),
        Status: 'InService',
        ResourceSpec: { SageMakerImageArn: customImage('ds-approved') },
      });
    });

    const inAccount = () =>
      fakeClients({
        accountId: ACCOUNT,
        targets: [{ accountId: ACCOUNT, region: 'eu-west-1' }],
      });

    const studio = (pages: any[][]) =>
      pages
        .flat()
        .filter(r => r.kind === 'Space' || r.kind === 'App')
        .map(r => ({
          kind: r.kind,
          name: r.name,
          active: r.active,
          team: r.team,
          teamBy: r.teamBy,
          failed: r.failed.map((f: any) => f.ruleId),
        }));

    it('without a context: one ListSpaces and one ListApps, no Describe, no ListTags; each takes its owner profile’s team', async () => {
      const pages = await all(reader({ clients: inAccount() }));
      expect(studio(pages)).toEqual([
        {
          kind: 'Space',
          name: 'dana-space',
          active: true,
          team: 'fraud-detection',
          teamBy: 'owner',
          failed: [],
        },
        {
          kind: 'Space',
          name: 'team-space',
          active: true,
          team: 'recommendations',
          teamBy: 'owner',
          failed: [],
        },
        {
          kind: 'Space',
          name: 'old',
          active: false,
          team: undefined,
          teamBy: undefined,
          failed: [],
        },
        {
          kind: 'App',
          name: 'default',
          active: true,
          team: 'fraud-detection',
          teamBy: 'owner',
          failed: [],
        },
        {
          kind: 'App',
          name: 'kg',
          active: true,
          team: 'recommendations',
          teamBy: 'owner',
          failed: [],
        },
        {
          kind: 'App',
          name: 'default',
          active: false,
          team: 'recommendations',
          teamBy: 'owner',
          failed: [],
        },
      ]);
      expect(sageMaker).toHaveReceivedCommandTimes(ListSpacesCommand, 1);
      expect(sageMaker).toHaveReceivedCommandTimes(ListAppsCommand, 1);
      expect(sageMaker).not.toHaveReceivedCommand(DescribeSpaceCommand);
      expect(sageMaker).not.toHaveReceivedCommand(DescribeAppCommand);
      // ListTags for the two profiles only.
      expect(sageMaker).toHaveReceivedCommandTimes(ListTagsCommand, 2);
      for (const command of [ListSpacesCommand, ListAppsCommand]) {
        for (const call of sageMaker.commandCalls(command as any)) {
          // Every domain at once: no DomainIdEquals, 100 per page.
          expect(call.args[0].input).toEqual({
            MaxResults: 100,
            NextToken: undefined,
          });
        }
      }
    });

    it('with approved images and shared spaces refused: describes active spaces, and only the app whose summary lacks ResourceSpec', async () => {
      const pages = await all(
        reader({
          clients: inAccount(),
          context: {
            approvedImageNames: ['ds-approved'],
            allowSharedSpaces: false,
          },
        }),
      );
      expect(
        studio(pages).map(r => [r.kind, r.name, r.active, r.failed]),
      ).toEqual([
        ['Space', 'dana-space', true, []],
        ['Space', 'team-space', true, ['SAGEMAKER_SPACE_SHARING']],
        ['Space', 'old', false, []],
        ['App', 'default', true, ['SAGEMAKER_APPROVED_IMAGE']],
        ['App', 'kg', true, []],
        ['App', 'default', false, []],
      ]);
      expect(sageMaker).toHaveReceivedCommandTimes(DescribeSpaceCommand, 2);
      expect(sageMaker).toHaveReceivedCommandTimes(DescribeAppCommand, 1);
      expect(sageMaker).toHaveReceivedCommandWith(DescribeAppCommand, {
        DomainId: DOMAIN,
        UserProfileName: 'sam',
        AppType: 'KernelGateway',
        AppName: 'kg',
      });
      expect(sageMaker).toHaveReceivedCommandTimes(ListTagsCommand, 2);
    });
  });

  it('retries a throttled page and carries on', async () => {
    sageMaker
      .on(SearchCommand, { Resource: 'TrainingJob' })
      .rejectsOnce(awsError('ThrottlingException'))
      .resolves({ Results: [{ TrainingJob: trainingJob('a') }] });
    const sleeps: number[] = [];
    const pages = await all(
      reader({ retry: { sleep: async (ms: number) => void sleeps.push(ms) } }),
    );
    expect(pages.flat().map(r => r.name)).toEqual(['a']);
    expect(sleeps).toHaveLength(1);
  });

  it('ends with a fixed message when a page keeps failing, AWS text in the log only', async () => {
    const logger = mockServices.logger.mock();
    sageMaker.on(SearchCommand, { Resource: 'TrainingJob' }).rejects(
      Object.assign(awsError('InternalFailure', 'secret AWS text'), {
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
      }),
    );
    const error = await all(
      reader({ logger, retry: { attempts: 3, sleep: async () => {} } }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(ComplianceReadError);
    expect(error.message).toBe(COMPLIANCE_READ_FAILURE_MESSAGES.sageMaker);
    expect(error.message).not.toContain('secret');
    expect(sageMaker).toHaveReceivedCommandTimes(SearchCommand, 3);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Search failed'),
      expect.objectContaining({ awsMessage: 'secret AWS text' }),
    );
  });

  it('does not retry what retrying cannot fix (access denied)', async () => {
    sageMaker.on(SearchCommand).rejects(awsError('AccessDeniedException'));
    await expect(all(reader())).rejects.toBeInstanceOf(ComplianceReadError);
    expect(sageMaker).toHaveReceivedCommandTimes(SearchCommand, 1);
  });
});

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
  DescribeProcessingJobCommand,
  ListAutoMLJobsCommand,
  ListDomainsCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  ListProcessingJobsCommand,
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

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
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListDomainsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { ManualClock } from '../state';
import { startSandbox } from '../sandbox';
import { clientConfig, startTestSandbox } from '../testing';
import { toLowerCamelCaseKeys } from './cloudTrailEvent';
import type { SandboxEvent } from './types';

const trainingJob = {
  TrainingJobName: 'no-vpc',
  RoleArn: 'arn:aws:iam::123456789012:role/training',
  AlgorithmSpecification: {
    TrainingImage: 'img',
    TrainingInputMode: 'File' as const,
  },
  OutputDataConfig: { S3OutputPath: 's3://out' },
  ResourceConfig: {
    InstanceType: 'ml.m5.large' as const,
    InstanceCount: 1,
    VolumeSizeInGB: 5,
  },
  StoppingCondition: { MaxRuntimeInSeconds: 60 },
  HyperParameters: { Eta: '0.1' },
};

describe('EventBridge stand-in', () => {
  it('delivers SageMaker create calls as CloudTrail events', async () => {
    const received: SandboxEvent[] = [];
    const { sandbox } = await startTestSandbox({
      detectiveControl: async event => void received.push(event),
    });
    try {
      await new SageMakerClient(clientConfig(sandbox)).send(
        new CreateTrainingJobCommand(trainingJob),
      );
      await sandbox.events.drain();
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        version: '0',
        'detail-type': 'AWS API Call via CloudTrail',
        source: 'aws.sagemaker',
        account: '123456789012',
        region: 'us-east-1',
        resources: [
          'arn:aws:sagemaker:us-east-1:123456789012:training-job/no-vpc',
        ],
        detail: {
          eventSource: 'sagemaker.amazonaws.com',
          eventName: 'CreateTrainingJob',
          awsRegion: 'us-east-1',
          requestParameters: {
            trainingJobName: 'no-vpc',
            resourceConfig: {
              instanceType: 'ml.m5.large',
              instanceCount: 1,
              volumeSizeInGB: 5,
            },
            algorithmSpecification: {
              trainingImage: 'img',
              trainingInputMode: 'File',
            },
          },
          responseElements: {
            trainingJobArn:
              'arn:aws:sagemaker:us-east-1:123456789012:training-job/no-vpc',
          },
          userIdentity: { accountId: '123456789012', accessKeyId: 'test' },
        },
      });
      expect(received[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    } finally {
      await sandbox.close();
    }
  });

  it('delivers after the call has returned, never during it', async () => {
    const received: SandboxEvent[] = [];
    const { sandbox } = await startTestSandbox({
      detectiveControl: async event => void received.push(event),
    });
    try {
      await sandbox.invoke('sagemaker', 'CreateModel', { ModelName: 'm' });
      expect(received).toHaveLength(0);
      await sandbox.events.drain();
      expect(received).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });

  it('does not emit events for reads, and emits for internal create calls too', async () => {
    const received: SandboxEvent[] = [];
    const { sandbox } = await startTestSandbox({
      detectiveControl: async event => void received.push(event),
    });
    try {
      await new SageMakerClient(clientConfig(sandbox)).send(
        new ListDomainsCommand({}),
      );
      await sandbox.invoke('sagemaker', 'CreateModel', {
        ModelName: 'from-stack',
      });
      await sandbox.events.drain();
      expect(received.map(event => event.detail.eventName)).toEqual([
        'CreateModel',
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('logs a failing handler and keeps serving', async () => {
    const errors: string[] = [];
    const { sandbox } = await startTestSandbox({
      detectiveControl: async () => {
        throw new Error('handler broke');
      },
      logger: {
        info: () => {},
        warn: () => {},
        error: message => void errors.push(message),
      },
    });
    try {
      const sageMaker = new SageMakerClient(clientConfig(sandbox));
      await sageMaker.send(new CreateTrainingJobCommand(trainingJob));
      await sandbox.events.drain();
      expect(errors).toEqual([expect.stringContaining('handler broke')]);
      expect(sandbox.events.failures).toHaveLength(1);
      expect(
        (await sageMaker.send(new ListDomainsCommand({}))).Domains,
      ).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it('delivers nothing with detective control turned off, but still records events', async () => {
    const { sandbox } = await startTestSandbox({ detectiveControl: false });
    try {
      await new SageMakerClient(clientConfig(sandbox)).send(
        new CreateTrainingJobCommand(trainingJob),
      );
      await sandbox.events.drain();
      expect(
        sandbox.events.recent.map(event => event.detail.eventName),
      ).toEqual(['CreateTrainingJob']);
    } finally {
      await sandbox.close();
    }
  });

  it('runs the workspace detective-control handler, whose SDK calls come back to the sandbox', async () => {
    const sandbox = await startSandbox({
      delayMs: 60_000,
      clock: new ManualClock(),
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    });
    try {
      const sageMaker = new SageMakerClient(clientConfig(sandbox));
      await sageMaker.send(new CreateTrainingJobCommand(trainingJob));
      await sandbox.events.drain();
      expect(sandbox.events.failures).toEqual([]);
      const job = await sageMaker.send(
        new DescribeTrainingJobCommand({ TrainingJobName: 'no-vpc' }),
      );
      expect(['Stopping', 'Stopped']).toContain(job.TrainingJobStatus);
      const { Findings } = await new SecurityHubClient(
        clientConfig(sandbox),
      ).send(new GetFindingsCommand({}));
      expect(Findings?.length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });
});

describe('toLowerCamelCaseKeys', () => {
  it('lowers the first letter of every key, recursively, and writes dates as ISO strings', () => {
    expect(
      toLowerCamelCaseKeys({
        VpcConfig: { SecurityGroupIds: ['sg-1'] },
        Tags: [{ Key: 'a', Value: 'b' }],
        CreationTime: new Date(Date.UTC(2026, 0, 1)),
        Skipped: undefined,
      }),
    ).toEqual({
      vpcConfig: { securityGroupIds: ['sg-1'] },
      tags: [{ key: 'a', value: 'b' }],
      creationTime: '2026-01-01T00:00:00.000Z',
    });
  });
});

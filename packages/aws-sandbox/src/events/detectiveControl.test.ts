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

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateAppCommand,
  CreateDomainCommand,
  CreateSpaceCommand,
  CreateTrainingJobCommand,
  CreateUserProfileCommand,
  DescribeAppCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  UpdateDomainCommand,
} from '@aws-sdk/client-sagemaker';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  DETECTIVE_CONTROL_IAM_ACTIONS,
  SAGEMAKER_JUDGED_EVENT_NAMES,
} from '@internal/sagemaker-studio-detective-control';
import { parseTemplate } from '../cloudformation/engine/parseTemplate';
import { startSandbox } from '../sandbox';
import { ManualClock } from '../state';
import { clientConfig } from '../testing';
import type { Sandbox } from '../sandbox';

const TEMPLATE = path.resolve(
  __dirname,
  '../../../../cloudformation/shared/detective-control.yaml',
);

describe('cloudformation/shared/detective-control.yaml', () => {
  const template = parseTemplate(readFileSync(TEMPLATE, 'utf8')) as any;
  const resources = template.Resources as Record<string, any>;

  it('routes exactly the SageMaker calls the compliance rules judge', () => {
    const rule = resources.SageMakerApiCallRule.Properties.EventPattern;
    expect(rule.source).toEqual(['aws.sagemaker']);
    expect(rule['detail-type']).toEqual(['AWS API Call via CloudTrail']);
    expect([...rule.detail.eventName].sort()).toEqual([
      ...SAGEMAKER_JUDGED_EVENT_NAMES,
    ]);
    expect(SAGEMAKER_JUDGED_EVENT_NAMES).toEqual(
      expect.arrayContaining([
        'CreateUserProfile',
        'CreateSpace',
        'CreateApp',
        'UpdateUserProfile',
        'UpdateDomain',
      ]),
    );
  });

  const statements = () =>
    resources.FunctionRole.Properties.Policies.flatMap(
      (policy: any) => policy.PolicyDocument.Statement,
    ) as Array<{ Sid: string; Action: string | string[]; Resource: unknown }>;
  const actionsOf = (statement: { Action: string | string[] }) =>
    ([] as string[]).concat(statement.Action);

  it("grants the function's role exactly the AWS actions its code calls, besides logging and dead letters", () => {
    const granted = statements()
      .flatMap(actionsOf)
      .filter(action => !/^(logs|sqs):/.test(action))
      .sort();
    expect(granted).toEqual([...DETECTIVE_CONTROL_IAM_ACTIONS]);
    expect(
      statements()
        .flatMap(actionsOf)
        .filter(action => /^(logs|sqs):/.test(action))
        .sort(),
    ).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'sqs:SendMessage']);
  });

  it('scopes every SageMaker action to resource ARNs of the account and region', () => {
    for (const statement of statements()) {
      if (!actionsOf(statement).some(a => a.startsWith('sagemaker:'))) {
        continue;
      }
      const arns = ([] as unknown[])
        .concat(statement.Resource)
        .map(r => (r as { 'Fn::Sub'?: string })['Fn::Sub']);
      for (const arn of arns) {
        expect(arn).toMatch(
          /^arn:\$\{AWS::Partition\}:sagemaker:\$\{AWS::Region\}:\$\{AWS::AccountId\}:[a-z-]+\/\*$/,
        );
      }
    }
  });
});

describe('the sandbox detective control', () => {
  const OTHER_ACCOUNT = '111122223333';
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  let sandbox: Sandbox;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0));
    sandbox = await startSandbox({ delayMs: 60_000, clock, logger: quiet });
  });
  afterEach(() => sandbox.close());

  const clients = (accessKeyId?: string) => ({
    sageMaker: new SageMakerClient(clientConfig(sandbox, accessKeyId)),
    securityHub: new SecurityHubClient(clientConfig(sandbox, accessKeyId)),
  });
  const ruleIds = async (securityHub: SecurityHubClient) =>
    ((await securityHub.send(new GetFindingsCommand({}))).Findings ?? [])
      .map(f => f.ProductFields?.['sagemaker-studio/RuleId'])
      .sort();

  it("acts in the event's account: stops the job and records findings there, not in the default account", async () => {
    const other = clients(OTHER_ACCOUNT);
    await other.sageMaker.send(
      new CreateTrainingJobCommand({
        TrainingJobName: 'no-vpc',
        RoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/training`,
        AlgorithmSpecification: {
          TrainingImage: 'img',
          TrainingInputMode: 'File',
        },
        OutputDataConfig: { S3OutputPath: 's3://out' },
        ResourceConfig: {
          InstanceType: 'ml.m5.large',
          InstanceCount: 1,
          VolumeSizeInGB: 5,
        },
        StoppingCondition: { MaxRuntimeInSeconds: 60 },
      }),
    );
    await sandbox.events.drain();
    expect(sandbox.events.failures).toEqual([]);
    const job = await other.sageMaker.send(
      new DescribeTrainingJobCommand({ TrainingJobName: 'no-vpc' }),
    );
    expect(['Stopping', 'Stopped']).toContain(job.TrainingJobStatus);
    expect(await ruleIds(other.securityHub)).toContain(
      'SAGEMAKER_VPC_REQUIRED',
    );
    expect(await ruleIds(clients().securityHub)).toEqual([]);
  });

  it('delivers UpdateDomain and judges the domain read back with DescribeDomain', async () => {
    const { sageMaker, securityHub } = clients(OTHER_ACCOUNT);
    const { DomainId } = await sageMaker.send(
      new CreateDomainCommand({
        DomainName: 'studio',
        AuthMode: 'IAM',
        AppNetworkAccessType: 'VpcOnly',
        VpcId: 'vpc-1',
        SubnetIds: ['subnet-1'],
        KmsKeyId: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/1`,
        DefaultUserSettings: {
          ExecutionRole: `arn:aws:iam::${OTHER_ACCOUNT}:role/studio`,
          SecurityGroups: ['sg-1'],
        },
      }),
    );
    await sandbox.events.drain();
    expect(await ruleIds(securityHub)).toEqual([]);
    clock.advance(60_000);
    await sageMaker.send(
      new UpdateDomainCommand({
        DomainId,
        AppNetworkAccessType: 'PublicInternetOnly',
      }),
    );
    await sandbox.events.drain();
    expect(sandbox.events.failures).toEqual([]);
    expect(sandbox.events.recent.map(event => event.detail.eventName)).toEqual([
      'CreateDomain',
      'UpdateDomain',
    ]);
    expect(await ruleIds(securityHub)).toEqual(['SAGEMAKER_DOMAIN_VPC_ONLY']);
  });

  it('records CreateUserProfile, CreateSpace and CreateApp, and DescribeApp reports the image an app got from its space', async () => {
    const { sageMaker } = clients();
    const { DomainId } = await sageMaker.send(
      new CreateDomainCommand({
        DomainName: 'studio',
        AuthMode: 'IAM',
        AppNetworkAccessType: 'VpcOnly',
        VpcId: 'vpc-1',
        SubnetIds: ['subnet-1'],
        KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1',
        DefaultUserSettings: {
          ExecutionRole: 'arn:aws:iam::123456789012:role/studio',
          SecurityGroups: ['sg-1'],
        },
      }),
    );
    clock.advance(60_000);
    await sageMaker.send(
      new CreateUserProfileCommand({ DomainId, UserProfileName: 'alice' }),
    );
    const image = 'arn:aws:sagemaker:us-east-1:123456789012:image/custom';
    await sageMaker.send(
      new CreateSpaceCommand({
        DomainId,
        SpaceName: 'lab',
        OwnershipSettings: { OwnerUserProfileName: 'alice' },
        SpaceSharingSettings: { SharingType: 'Private' },
        SpaceSettings: {
          AppType: 'JupyterLab',
          JupyterLabAppSettings: {
            DefaultResourceSpec: {
              InstanceType: 'ml.t3.medium',
              SageMakerImageArn: image,
            },
          },
        },
      }),
    );
    clock.advance(60_000);
    await sageMaker.send(
      new CreateAppCommand({
        DomainId,
        SpaceName: 'lab',
        AppType: 'JupyterLab',
        AppName: 'default',
      }),
    );
    await sandbox.events.drain();
    expect(sandbox.events.failures).toEqual([]);
    expect(sandbox.events.recent.map(event => event.detail.eventName)).toEqual([
      'CreateDomain',
      'CreateUserProfile',
      'CreateSpace',
      'CreateApp',
    ]);
    const app = await sageMaker.send(
      new DescribeAppCommand({
        DomainId,
        SpaceName: 'lab',
        AppType: 'JupyterLab',
        AppName: 'default',
      }),
    );
    expect(app.ResourceSpec).toEqual({
      InstanceType: 'ml.t3.medium',
      SageMakerImageArn: image,
    });
  });
});

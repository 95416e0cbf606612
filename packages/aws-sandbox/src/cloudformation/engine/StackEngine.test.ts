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

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../state';
import { Sandbox } from '../../sandbox';
import { startTestSandbox } from '../__fixtures__/testSandbox';
import {
  fixtureTemplate,
  uploadFixtureTemplates,
} from '../__fixtures__/fixtureTemplates';

const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ds-studio-default';

describe('StackEngine', () => {
  let sandbox: Sandbox;
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    baseUrl = await uploadFixtureTemplates(sandbox);
  });

  afterAll(() => sandbox.close());

  const cfn = (operation: string, input: Record<string, unknown>) =>
    sandbox.invoke('cloudformation', operation, input);
  const stackOf = async (name: string) =>
    (await cfn('DescribeStacks', { StackName: name })).Stacks[0];
  const outputsOf = async (name: string) =>
    Object.fromEntries(
      ((await stackOf(name)).Outputs as any[]).map(output => [
        output.OutputKey,
        output.OutputValue,
      ]),
    );

  it('creates nested stacks from a URL relative to the parent and passes their outputs up', async () => {
    await cfn('CreateStack', {
      StackName: 'nested-parent',
      TemplateURL: `${baseUrl}/parent.yaml`,
      Parameters: [{ ParameterKey: 'Name', ParameterValue: 'nested' }],
    });
    const parent = await stackOf('nested-parent');
    expect(parent.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = await outputsOf('nested-parent');
    expect(outputs.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(outputs.SubnetCidrs).toBe('10.0.0.0/24,10.0.1.0/24,10.0.2.0/24');
    const { StackResources } = await cfn('DescribeStackResources', {
      StackName: 'nested-parent',
      LogicalResourceId: 'Network',
    });
    const child = await stackOf(StackResources[0].PhysicalResourceId);
    expect(child.StackName).toMatch(/^nested-parent-Network-[A-Z0-9]{12}$/);
    expect(child.ParentId).toBe(parent.StackId);
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'nested-vpc' }))
        .Parameter.Value,
    ).toBe(outputs.VpcId);

    await cfn('DeleteStack', { StackName: 'nested-parent' });
    expect((await stackOf(parent.StackId)).StackStatus).toBe('DELETE_COMPLETE');
    expect((await stackOf(child.StackId)).StackStatus).toBe('DELETE_COMPLETE');
    await expect(
      sandbox.invoke('ssm', 'GetParameter', { Name: 'nested-vpc' }),
    ).rejects.toThrow('not found');
  });

  it('tracks exports and imports across stacks, and protects an export in use', async () => {
    await cfn('CreateStack', {
      StackName: 'exporter',
      TemplateBody: fixtureTemplate('network.yaml'),
      Parameters: [{ ParameterKey: 'Name', ParameterValue: 'shared' }],
    });
    await cfn('CreateStack', {
      StackName: 'importer',
      TemplateBody:
        'Resources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !ImportValue shared-vpc-id}}\n',
    });
    expect((await stackOf('importer')).StackStatus).toBe('CREATE_COMPLETE');
    expect(
      (await cfn('ListImports', { ExportName: 'shared-vpc-id' })).Imports,
    ).toEqual(['importer']);

    await cfn('DeleteStack', { StackName: 'exporter' });
    const exporter = await stackOf('exporter');
    expect(exporter.StackStatus).toBe('DELETE_FAILED');
    expect(exporter.StackStatusReason).toBe(
      'Export shared-vpc-id cannot be deleted as it is in use by importer',
    );

    await cfn('CreateStack', {
      StackName: 'duplicate-exporter',
      TemplateBody:
        'Resources:\n  Q: {Type: AWS::SQS::Queue}\nOutputs:\n  Q: {Value: !Ref Q, Export: {Name: shared-vpc-id}}\n',
    });
    const duplicate = await stackOf('duplicate-exporter');
    expect(duplicate.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(duplicate.StackStatusReason).toContain(
      'Export with name shared-vpc-id is already exported by stack exporter',
    );

    await cfn('DeleteStack', { StackName: 'importer' });
    await cfn('DeleteStack', { StackName: 'exporter' });
    expect((await stackOf(exporter.StackId)).StackStatus).toBe(
      'DELETE_COMPLETE',
    );
  });

  it('fails and rolls back a stack whose import is missing', async () => {
    await cfn('CreateStack', {
      StackName: 'orphan-import',
      TemplateBody: fixtureTemplate('imports-missing.yaml'),
    });
    const stack = await stackOf('orphan-import');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toBe(
      'No export named no-such-export found. Rollback requested by user.',
    );
  });

  it('rolls back what it created when a resource fails, and keeps it with DisableRollback', async () => {
    const template = `
Resources:
  First: {Type: AWS::SSM::Parameter, Properties: {Name: rollback-first, Type: String, Value: x}}
  Profile:
    Type: AWS::SageMaker::UserProfile
    DependsOn: First
    Properties: {DomainId: d-doesnotexist, UserProfileName: ghost}
`;
    await cfn('CreateStack', {
      StackName: 'rolls-back',
      TemplateBody: template,
    });
    const stack = await stackOf('rolls-back');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toBe(
      'The following resource(s) failed to create: [Profile]. Rollback requested by user.',
    );
    const { StackEvents } = await cfn('DescribeStackEvents', {
      StackName: 'rolls-back',
    });
    const failure = StackEvents.find(
      (event: any) =>
        event.ResourceStatus === 'CREATE_FAILED' &&
        event.LogicalResourceId === 'Profile',
    );
    expect(failure.ResourceStatusReason).toBeTruthy();
    await expect(
      sandbox.invoke('ssm', 'GetParameter', { Name: 'rollback-first' }),
    ).rejects.toThrow('not found');

    await cfn('CreateStack', {
      StackName: 'keeps-failure',
      TemplateBody: template.replace(/rollback-first/, 'kept-first'),
      DisableRollback: 'true',
    });
    expect((await stackOf('keeps-failure')).StackStatus).toBe('CREATE_FAILED');
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'kept-first' }))
        .Parameter.Value,
    ).toBe('x');
  });

  it('turns SageMaker resources into SageMaker records with the template properties', async () => {
    await cfn('CreateStack', {
      StackName: 'studio',
      TemplateBody: `
Resources:
  Key: {Type: AWS::KMS::Key, Properties: {EnableKeyRotation: true}}
  Domain:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: engine-domain
      AuthMode: IAM
      AppNetworkAccessType: VpcOnly
      VpcId: vpc-0123456789abcdef0
      SubnetIds: [subnet-0123456789abcdef0]
      KmsKeyId: !Ref Key
      DefaultUserSettings:
        ExecutionRole: ${EXECUTION_ROLE}
        SecurityGroups: [sg-0123456789abcdef0]
      Tags: [{Key: TeamName, Value: platform}]
  Profile:
    Type: AWS::SageMaker::UserProfile
    Properties:
      DomainId: !GetAtt Domain.DomainId
      UserProfileName: dana
Outputs:
  DomainId: {Value: !Ref Domain}
  Url: {Value: !GetAtt Domain.Url}
  ProfileArn: {Value: !GetAtt Profile.UserProfileArn}
  KeyArn: {Value: !GetAtt Key.Arn}
`,
      Tags: [{ Key: 'CostCenter', Value: 'ds' }],
    });
    const outputs = await outputsOf('studio');
    const domain = await sandbox.invoke('sagemaker', 'DescribeDomain', {
      DomainId: outputs.DomainId,
    });
    expect(domain).toMatchObject({
      DomainName: 'engine-domain',
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      SubnetIds: ['subnet-0123456789abcdef0'],
      DefaultUserSettings: {
        ExecutionRole: EXECUTION_ROLE,
        SecurityGroups: ['sg-0123456789abcdef0'],
      },
      Url: outputs.Url,
    });
    const { Tags } = await sandbox.invoke('sagemaker', 'ListTags', {
      ResourceArn: domain.DomainArn,
    });
    expect(Tags).toEqual(
      expect.arrayContaining([
        { Key: 'TeamName', Value: 'platform' },
        { Key: 'CostCenter', Value: 'ds' },
        { Key: 'aws:cloudformation:stack-name', Value: 'studio' },
        { Key: 'aws:cloudformation:logical-id', Value: 'Domain' },
      ]),
    );
    const profile = await sandbox.invoke('sagemaker', 'DescribeUserProfile', {
      DomainId: outputs.DomainId,
      UserProfileName: 'dana',
    });
    expect(profile.UserProfileArn).toBe(outputs.ProfileArn);
  });

  it('requires the IAM capabilities for IAM resources', async () => {
    const template =
      'Resources:\n  Role: {Type: AWS::IAM::Role, Properties: {RoleName: named, AssumeRolePolicyDocument: {}}}\n';
    await expect(
      cfn('CreateStack', { StackName: 'iam', TemplateBody: template }),
    ).rejects.toMatchObject({
      code: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_NAMED_IAM]',
    });
    await expect(
      cfn('CreateStack', {
        StackName: 'iam',
        TemplateBody: template,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    ).rejects.toMatchObject({ code: 'InsufficientCapabilitiesException' });
    await cfn('CreateStack', {
      StackName: 'iam',
      TemplateBody: template,
      Capabilities: ['CAPABILITY_NAMED_IAM'],
    });
    expect(await outputsOf('iam')).toEqual({});
    expect((await stackOf('iam')).StackStatus).toBe('CREATE_COMPLETE');
  });

  it('updates in place, replaces, removes and adds resources, and evaluates output conditions', async () => {
    const template = (name: string, withExtra: boolean) => `
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Kept: {Type: AWS::SSM::Parameter, Properties: {Name: update-kept, Type: String, Value: !Ref Env}}
  Renamed: {Type: AWS::SSM::Parameter, Properties: {Name: ${name}, Type: String, Value: v}}
${
  withExtra
    ? '  Extra: {Type: AWS::SSM::Parameter, Properties: {Name: update-extra, Type: String, Value: e}}'
    : ''
}
Outputs:
  ProdOnly: {Condition: IsProd, Value: prod}
  Always: {Value: !Ref Kept}
`;
    await cfn('CreateStack', {
      StackName: 'updating',
      TemplateBody: template('update-old', true),
    });
    expect(Object.keys(await outputsOf('updating'))).toEqual(['Always']);
    await cfn('UpdateStack', {
      StackName: 'updating',
      TemplateBody: template('update-new', false),
      Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
    });
    expect((await stackOf('updating')).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await outputsOf('updating')).toEqual({
      ProdOnly: 'prod',
      Always: 'update-kept',
    });
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'update-kept' }))
        .Parameter.Value,
    ).toBe('prod');
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'update-new' }))
        .Parameter.Value,
    ).toBe('v');
    await expect(
      sandbox.invoke('ssm', 'GetParameter', { Name: 'update-old' }),
    ).rejects.toThrow('not found');
    await expect(
      sandbox.invoke('ssm', 'GetParameter', { Name: 'update-extra' }),
    ).rejects.toThrow('not found');
    const { StackResourceSummaries } = await cfn('ListStackResources', {
      StackName: 'updating',
    });
    expect(
      StackResourceSummaries.map(
        (resource: any) => resource.LogicalResourceId,
      ).sort(),
    ).toEqual(['Kept', 'Renamed']);

    await expect(
      cfn('UpdateStack', {
        StackName: 'updating',
        UsePreviousTemplate: 'true',
        Parameters: [{ ParameterKey: 'Env', UsePreviousValue: 'true' }],
      }),
    ).rejects.toThrow('No updates are to be performed.');
  });

  it('rolls a failed update back to the previous resources', async () => {
    await cfn('CreateStack', {
      StackName: 'update-rollback',
      TemplateBody:
        'Resources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Name: stable, Type: String, Value: before}}\n',
    });
    await cfn('UpdateStack', {
      StackName: 'update-rollback',
      TemplateBody: `
Resources:
  P: {Type: AWS::SSM::Parameter, Properties: {Name: stable, Type: String, Value: after}}
  Broken: {Type: AWS::SageMaker::UserProfile, DependsOn: P, Properties: {DomainId: d-missing, UserProfileName: nobody}}
`,
    });
    const stack = await stackOf('update-rollback');
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toContain(
      'The following resource(s) failed to create: [Broken]',
    );
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'stable' }))
        .Parameter.Value,
    ).toBe('before');
    expect(
      (await cfn('GetTemplate', { StackName: 'update-rollback' })).TemplateBody,
    ).not.toContain('Broken');
  });

  describe('create-only properties', () => {
    let domainId: string;
    const template = (name: string, version: string, landing: string) => `
Parameters:
  DomainId: {Type: String}
Resources:
  Profile:
    Type: AWS::SageMaker::UserProfile
    Properties:
      DomainId: !Ref DomainId
      UserProfileName: ${name}
      UserSettings: {ExecutionRole: ${EXECUTION_ROLE}, DefaultLandingUri: '${landing}'}
      Tags: [{Key: ProfileVersion, Value: ${version}}]
Outputs:
  ProfileArn: {Value: !GetAtt Profile.UserProfileArn}
`;
    const update = (name: string, version: string, landing: string) =>
      cfn('UpdateStack', {
        StackName: 'create-only',
        TemplateBody: template(name, version, landing),
        Parameters: [{ ParameterKey: 'DomainId', ParameterValue: domainId }],
      });
    const replacementIn = async (
      name: string,
      version: string,
      landing: string,
    ) => {
      const { Id } = await cfn('CreateChangeSet', {
        StackName: 'create-only',
        ChangeSetName: `cs-${name}-${version}-${landing.length}`,
        TemplateBody: template(name, version, landing),
        Parameters: [{ ParameterKey: 'DomainId', ParameterValue: domainId }],
      });
      const { Changes } = await cfn('DescribeChangeSet', {
        ChangeSetName: Id,
      });
      await cfn('DeleteChangeSet', { ChangeSetName: Id });
      return Changes.map((change: any) => change.ResourceChange.Replacement);
    };
    const profile = (name: string) =>
      sandbox.invoke('sagemaker', 'DescribeUserProfile', {
        DomainId: domainId,
        UserProfileName: name,
      });

    beforeAll(async () => {
      const { DomainArn } = await sandbox.invoke('sagemaker', 'CreateDomain', {
        DomainName: 'create-only',
        AuthMode: 'IAM',
        DefaultUserSettings: { ExecutionRole: EXECUTION_ROLE },
      });
      domainId = DomainArn.split('/').pop();
      await cfn('CreateStack', {
        StackName: 'create-only',
        TemplateBody: template('erin', 'v1', 'studio::'),
        Parameters: [{ ParameterKey: 'DomainId', ParameterValue: domainId }],
      });
    });

    it('updates a property that is not create-only in place', async () => {
      const before = await profile('erin');
      expect(await replacementIn('erin', 'v1', 'app:JupyterServer:')).toEqual([
        'False',
      ]);
      await update('erin', 'v1', 'app:JupyterServer:');
      expect((await stackOf('create-only')).StackStatus).toBe(
        'UPDATE_COMPLETE',
      );
      const after = await profile('erin');
      expect(after.UserProfileArn).toBe(before.UserProfileArn);
      expect(after.CreationTime).toEqual(before.CreationTime);
      expect(after.UserSettings.DefaultLandingUri).toBe('app:JupyterServer:');
    });

    it('fails and rolls back an update that would replace a custom-named resource', async () => {
      const { UserProfileArn } = await profile('erin');
      // Tags of a user profile are create-only, as AWS's resource schema says.
      expect(await replacementIn('erin', 'v2', 'app:JupyterServer:')).toEqual([
        'True',
      ]);
      await update('erin', 'v2', 'app:JupyterServer:');
      const stack = await stackOf('create-only');
      expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
      expect(stack.StackStatusReason).toContain(
        'The following resource(s) failed to update: [Profile]',
      );
      const { StackEvents } = await cfn('DescribeStackEvents', {
        StackName: 'create-only',
      });
      expect(
        StackEvents.find(
          (event: any) =>
            event.LogicalResourceId === 'Profile' &&
            event.ResourceStatus === 'UPDATE_FAILED',
        ).ResourceStatusReason,
      ).toBe(
        `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${UserProfileArn} and update the stack again.`,
      );
      expect((await profile('erin')).UserProfileArn).toBe(UserProfileArn);
      const { Tags } = await sandbox.invoke('sagemaker', 'ListTags', {
        ResourceArn: UserProfileArn,
      });
      expect(Tags).toContainEqual({ Key: 'ProfileVersion', Value: 'v1' });
    });

    it('replaces a resource whose create-only change comes with a new name', async () => {
      expect(await replacementIn('frank', 'v2', 'studio::')).toEqual(['True']);
      await update('frank', 'v2', 'studio::');
      expect((await stackOf('create-only')).StackStatus).toBe(
        'UPDATE_COMPLETE',
      );
      expect((await profile('frank')).UserProfileArn).toBe(
        (await outputsOf('create-only')).ProfileArn,
      );
      await expect(profile('erin')).rejects.toThrow();
    });
  });

  it('keeps resources whose DeletionPolicy or UpdateReplacePolicy is Retain', async () => {
    const template = (name: string) => `
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties: {BucketName: retained-bucket}
  Setting:
    Type: AWS::SSM::Parameter
    UpdateReplacePolicy: Retain
    Properties: {Name: ${name}, Type: String, Value: v}
`;
    const { StackId } = await cfn('CreateStack', {
      StackName: 'retaining',
      TemplateBody: template('retained-old'),
    });
    await cfn('UpdateStack', {
      StackName: 'retaining',
      TemplateBody: template('retained-new'),
    });
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'retained-old' }))
        .Parameter.Value,
    ).toBe('v');
    await cfn('DeleteStack', { StackName: 'retaining' });
    const { StackEvents } = await cfn('DescribeStackEvents', {
      StackName: StackId,
    });
    expect(
      StackEvents.find((event: any) => event.LogicalResourceId === 'Bucket')
        .ResourceStatus,
    ).toBe('DELETE_SKIPPED');
    await expect(
      sandbox.invoke('s3', 'HeadBucket', { Bucket: 'retained-bucket' }),
    ).resolves.toBeDefined();
    await expect(
      sandbox.invoke('ssm', 'GetParameter', { Name: 'retained-new' }),
    ).rejects.toThrow('not found');
  });

  it('resolves dynamic references to SSM parameters', async () => {
    await sandbox.invoke('ssm', 'PutParameter', {
      Name: '/ds/team-key',
      Value: 'key-123',
      Type: 'String',
    });
    await cfn('CreateStack', {
      StackName: 'dynamic',
      TemplateBody:
        "Resources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Name: dynamic-copy, Type: String, Value: 'k={{resolve:ssm:/ds/team-key}}'}}\n",
    });
    expect(
      (await sandbox.invoke('ssm', 'GetParameter', { Name: 'dynamic-copy' }))
        .Parameter.Value,
    ).toBe('k=key-123');
    await cfn('CreateStack', {
      StackName: 'dynamic-missing',
      TemplateBody:
        "Resources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: '{{resolve:ssm:/nope}}'}}\n",
    });
    const { StackEvents } = await cfn('DescribeStackEvents', {
      StackName: 'dynamic-missing',
    });
    expect(
      StackEvents.find(
        (event: any) =>
          event.ResourceStatus === 'CREATE_FAILED' &&
          event.LogicalResourceId === 'P',
      ).ResourceStatusReason,
    ).toBe(
      'Unable to fetch parameters [/nope] from parameter store for this account.',
    );
  });

  it('resolves AWS::SSM::Parameter::Value parameters from SSM', async () => {
    await sandbox.invoke('ssm', 'PutParameter', {
      Name: '/ds/image',
      Value: 'image-42',
      Type: 'String',
    });
    await cfn('CreateStack', {
      StackName: 'ssm-typed',
      TemplateBody: `
Parameters:
  Image: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /ds/image}
Resources:
  Q: {Type: AWS::SQS::Queue}
Outputs:
  Image: {Value: !Ref Image}
  QueueArn: {Value: !GetAtt Q.Arn}
  AnyAttribute: {Value: !GetAtt Q.QueueName}
`,
    });
    const outputs = await outputsOf('ssm-typed');
    expect(outputs.Image).toBe('image-42');
    expect(outputs.QueueArn).toMatch(
      /^arn:aws:sqs:us-east-1:123456789012:queue\/ssm-typed-Q-[A-Z0-9]{12}$/,
    );
    expect(outputs.AnyAttribute).toMatch(/^ssm-typed-Q-/);
    await expect(
      cfn('CreateStack', {
        StackName: 'ssm-missing',
        TemplateBody:
          "Parameters:\n  I: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /nope}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n",
      }),
    ).rejects.toMatchObject({
      code: 'ValidationError',
      message: 'Parameters: [/nope] cannot be found.',
    });
  });
});

describe('StackEngine persistence', () => {
  it('keeps stacks, exports and change sets across a restart with a state file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'cfn-state-'));
    const stateFile = join(directory, 'state.json');
    try {
      const first = await startTestSandbox({ stateFile });
      await first.invoke('cloudformation', 'CreateStack', {
        StackName: 'persisted',
        TemplateBody: fixtureTemplate('network.yaml'),
        Parameters: [{ ParameterKey: 'Name', ParameterValue: 'persisted' }],
      });
      await first.invoke('cloudformation', 'CreateChangeSet', {
        StackName: 'persisted',
        ChangeSetName: 'later',
        UsePreviousTemplate: 'true',
        Parameters: [
          { ParameterKey: 'Name', UsePreviousValue: 'true' },
          { ParameterKey: 'VpcCidr', ParameterValue: '10.1.0.0/16' },
        ],
      });
      await first.close();

      const second = await startTestSandbox({ stateFile });
      try {
        const { Stacks } = await second.invoke(
          'cloudformation',
          'DescribeStacks',
          { StackName: 'persisted' },
        );
        expect(Stacks[0].StackStatus).toBe('CREATE_COMPLETE');
        const { Exports } = await second.invoke(
          'cloudformation',
          'ListExports',
          {},
        );
        expect(Exports.map((entry: { Name: string }) => entry.Name)).toEqual([
          'persisted-vpc-id',
        ]);
        await second.invoke('cloudformation', 'ExecuteChangeSet', {
          StackName: 'persisted',
          ChangeSetName: 'later',
        });
        const updated = await second.invoke(
          'cloudformation',
          'DescribeStacks',
          { StackName: 'persisted' },
        );
        expect(updated.Stacks[0].StackStatus).toBe('UPDATE_COMPLETE');
      } finally {
        await second.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('StackEngine timing', () => {
  it('shows a stack in progress until the configured delay has passed', async () => {
    const clock = new ManualClock();
    const sandbox = await startTestSandbox({ clock, delayMs: 1000 });
    try {
      const { StackId } = await sandbox.invoke(
        'cloudformation',
        'CreateStack',
        {
          StackName: 'slow',
          TemplateBody:
            'Resources:\n  A: {Type: AWS::SQS::Queue}\n  B: {Type: AWS::SQS::Queue}\n',
        },
      );
      const status = async () =>
        (
          await sandbox.invoke('cloudformation', 'DescribeStacks', {
            StackName: StackId,
          })
        ).Stacks[0].StackStatus;
      expect(await status()).toBe('CREATE_IN_PROGRESS');
      await expect(
        sandbox.invoke('cloudformation', 'UpdateStack', {
          StackName: 'slow',
          UsePreviousTemplate: 'true',
        }),
      ).rejects.toThrow(
        `Stack:${StackId} is in CREATE_IN_PROGRESS state and can not be updated.`,
      );
      clock.advance(500);
      const { StackEvents } = await sandbox.invoke(
        'cloudformation',
        'DescribeStackEvents',
        { StackName: 'slow' },
      );
      expect(StackEvents.length).toBeGreaterThan(1);
      expect(StackEvents.length).toBeLessThan(6);
      clock.advance(500);
      expect(await status()).toBe('CREATE_COMPLETE');
      await sandbox.invoke('cloudformation', 'DeleteStack', {
        StackName: 'slow',
      });
      expect(await status()).toBe('DELETE_IN_PROGRESS');
      clock.advance(1000);
      expect(await status()).toBe('DELETE_COMPLETE');
    } finally {
      await sandbox.close();
    }
  });
});

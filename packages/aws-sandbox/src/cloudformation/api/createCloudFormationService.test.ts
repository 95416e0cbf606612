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
  AlreadyExistsException,
  ChangeSetNotFoundException,
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackResourceCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  InsufficientCapabilitiesException,
  InvalidChangeSetStatusException,
  ListChangeSetsCommand,
  ListImportsCommand,
  ListStacksCommand,
  paginateDescribeStackEvents,
  paginateDescribeStacks,
  paginateListExports,
  paginateListStackResources,
  UpdateStackCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Sandbox } from '../../sandbox';
import { clientConfig, startTestSandbox } from '../__fixtures__/testSandbox';
import {
  fixtureTemplate,
  uploadFixtureTemplates,
} from '../__fixtures__/fixtureTemplates';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) {
    all.push(page);
  }
  return all;
}

/** A template with `count` queues, each exported, for pagination. */
function manyQueues(count: number, prefix: string): string {
  const lines = ['Resources:'];
  for (let index = 0; index < count; index++) {
    lines.push(`  Queue${index}: {Type: AWS::SQS::Queue}`);
  }
  lines.push('Outputs:');
  for (let index = 0; index < count; index++) {
    lines.push(
      `  Queue${index}: {Value: !Ref Queue${index}, Export: {Name: ${prefix}-queue-${index}}}`,
    );
  }
  return lines.join('\n');
}

describe('CloudFormation API with the AWS SDK', () => {
  let sandbox: Sandbox;
  let client: CloudFormationClient;
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    client = new CloudFormationClient(clientConfig(sandbox));
    baseUrl = await uploadFixtureTemplates(sandbox);
  });

  afterAll(async () => {
    client.destroy();
    await sandbox.close();
  });

  const statusOf = async (name: string) =>
    (await client.send(new DescribeStacksCommand({ StackName: name })))
      .Stacks![0];

  describe('CreateStack and DescribeStacks', () => {
    it('creates a stack from a template URL and describes it', async () => {
      const { StackId } = await client.send(
        new CreateStackCommand({
          StackName: 'sdk-network',
          TemplateURL: `${baseUrl}/network.yaml`,
          Parameters: [{ ParameterKey: 'Name', ParameterValue: 'sdk' }],
          Tags: [{ Key: 'TeamName', Value: 'platform' }],
        }),
      );
      expect(StackId).toMatch(
        /^arn:aws:cloudformation:us-east-1:123456789012:stack\/sdk-network\/[0-9a-f-]{36}$/,
      );
      const stack = await statusOf('sdk-network');
      expect(stack).toMatchObject({
        StackName: 'sdk-network',
        StackStatus: 'CREATE_COMPLETE',
        Parameters: expect.arrayContaining([
          { ParameterKey: 'Name', ParameterValue: 'sdk' },
        ]),
        Tags: [{ Key: 'TeamName', Value: 'platform' }],
        Description: 'Test network, used as a nested stack and as an exporter.',
      });
      expect(stack.CreationTime).toBeInstanceOf(Date);
      expect(stack.Outputs).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            OutputKey: 'VpcId',
            ExportName: 'sdk-vpc-id',
          }),
        ]),
      );
    });

    it('masks NoEcho parameters', async () => {
      await client.send(
        new CreateStackCommand({
          StackName: 'sdk-secret',
          TemplateBody:
            'Parameters:\n  Token: {Type: String, NoEcho: true}\nResources:\n  Q: {Type: AWS::SQS::Queue}\n',
          Parameters: [{ ParameterKey: 'Token', ParameterValue: 's3cr3t' }],
        }),
      );
      expect((await statusOf('sdk-secret')).Parameters).toEqual([
        { ParameterKey: 'Token', ParameterValue: '****' },
      ]);
    });

    it('answers AlreadyExistsException for a name in use', async () => {
      await expect(
        client.send(
          new CreateStackCommand({
            StackName: 'sdk-network',
            TemplateBody: fixtureTemplate('imports-missing.yaml'),
          }),
        ),
      ).rejects.toBeInstanceOf(AlreadyExistsException);
    });

    it('answers ValidationError for an unknown stack', async () => {
      await expect(
        client.send(new DescribeStacksCommand({ StackName: 'no-such-stack' })),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'Stack with id no-such-stack does not exist',
      });
    });

    it('answers ValidationError with AWS wording for a bad parameter value', async () => {
      await expect(
        client.send(
          new CreateStackCommand({
            StackName: 'sdk-bad-parameter',
            TemplateURL: `${baseUrl}/user-profile-v1.yaml`,
            Parameters: [
              { ParameterKey: 'TeamName', ParameterValue: 'Fraud Detection' },
              { ParameterKey: 'UserName', ParameterValue: 'alice' },
              { ParameterKey: 'DomainId', ParameterValue: 'd-1' },
            ],
            Capabilities: ['CAPABILITY_NAMED_IAM'],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message:
          "Parameter 'TeamName' must match pattern ^[a-z][a-z0-9-]{1,19}$",
      });
      await expect(
        client.send(
          new CreateStackCommand({
            StackName: 'sdk-missing-parameter',
            TemplateURL: `${baseUrl}/network.yaml`,
          }),
        ),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'Parameters: [Name] must have values',
      });
    });

    it('answers InsufficientCapabilitiesException without CAPABILITY_NAMED_IAM', async () => {
      await expect(
        client.send(
          new CreateStackCommand({
            StackName: 'sdk-iam',
            TemplateURL: `${baseUrl}/user-profile-v1.yaml`,
            Parameters: [
              { ParameterKey: 'TeamName', ParameterValue: 'fraud' },
              { ParameterKey: 'UserName', ParameterValue: 'alice' },
              { ParameterKey: 'DomainId', ParameterValue: 'd-1' },
            ],
          }),
        ),
      ).rejects.toBeInstanceOf(InsufficientCapabilitiesException);
    });

    it('ends ROLLBACK_COMPLETE with the reason when an import is missing', async () => {
      await client.send(
        new CreateStackCommand({
          StackName: 'sdk-missing-export',
          TemplateURL: `${baseUrl}/imports-missing.yaml`,
        }),
      );
      const stack = await statusOf('sdk-missing-export');
      expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
      expect(stack.StackStatusReason).toBe(
        'No export named no-such-export found. Rollback requested by user.',
      );
    });

    it('pages through more than 100 stacks', async () => {
      for (let index = 0; index < 101; index++) {
        await sandbox.invoke('cloudformation', 'CreateStack', {
          StackName: `sdk-page-${index}`,
          TemplateBody: 'Resources:\n  Q: {Type: AWS::SQS::Queue}\n',
        });
      }
      const pages = await collect(paginateDescribeStacks({ client }, {}));
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0].Stacks).toHaveLength(100);
      const names = pages.flatMap(page =>
        page.Stacks!.map(stack => stack.StackName),
      );
      expect(names.filter(name => name!.startsWith('sdk-page-'))).toHaveLength(
        101,
      );
      expect(new Set(names).size).toBe(names.length);
    });

    it('lists stacks with a status filter', async () => {
      const { StackSummaries } = await client.send(
        new ListStacksCommand({ StackStatusFilter: ['ROLLBACK_COMPLETE'] }),
      );
      expect(StackSummaries!.map(summary => summary.StackName)).toContain(
        'sdk-missing-export',
      );
      expect(
        StackSummaries!.every(
          summary => summary.StackStatus === 'ROLLBACK_COMPLETE',
        ),
      ).toBe(true);
    });
  });

  describe('events, resources and exports', () => {
    beforeAll(async () => {
      await client.send(
        new CreateStackCommand({
          StackName: 'sdk-many',
          TemplateBody: manyQueues(120, 'many'),
        }),
      );
    });

    it('pages DescribeStackEvents newest first', async () => {
      const pages = await collect(
        paginateDescribeStackEvents({ client }, { StackName: 'sdk-many' }),
      );
      const events = pages.flatMap(page => page.StackEvents!);
      expect(pages.length).toBeGreaterThan(1);
      expect(events).toHaveLength(242);
      expect(events[0]).toMatchObject({
        LogicalResourceId: 'sdk-many',
        ResourceStatus: 'CREATE_COMPLETE',
      });
      expect(events[events.length - 1]).toMatchObject({
        ResourceStatus: 'CREATE_IN_PROGRESS',
        ResourceStatusReason: 'User Initiated',
      });
    });

    it('pages ListStackResources and describes single resources', async () => {
      const pages = await collect(
        paginateListStackResources({ client }, { StackName: 'sdk-many' }),
      );
      expect(pages.map(page => page.StackResourceSummaries!.length)).toEqual([
        100, 20,
      ]);
      const { StackResources } = await client.send(
        new DescribeStackResourcesCommand({
          StackName: 'sdk-many',
          LogicalResourceId: 'Queue7',
        }),
      );
      expect(StackResources).toEqual([
        expect.objectContaining({
          ResourceType: 'AWS::SQS::Queue',
          ResourceStatus: 'CREATE_COMPLETE',
        }),
      ]);
      const { StackResourceDetail } = await client.send(
        new DescribeStackResourceCommand({
          StackName: 'sdk-many',
          LogicalResourceId: 'Queue7',
        }),
      );
      expect(StackResourceDetail!.PhysicalResourceId).toBe(
        StackResources![0].PhysicalResourceId,
      );
      const byPhysicalId = await client.send(
        new DescribeStackResourcesCommand({
          PhysicalResourceId: StackResources![0].PhysicalResourceId,
        }),
      );
      expect(byPhysicalId.StackResources![0].StackName).toBe('sdk-many');
    });

    it('pages ListExports and lists importers', async () => {
      const pages = await collect(paginateListExports({ client }, {}));
      const exports = pages.flatMap(page => page.Exports!);
      expect(pages.length).toBeGreaterThan(1);
      expect(
        exports.filter(entry => entry.Name!.startsWith('many-queue-')),
      ).toHaveLength(120);
      await client.send(
        new CreateStackCommand({
          StackName: 'sdk-importer',
          TemplateBody:
            'Resources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !ImportValue many-queue-3}}\n',
        }),
      );
      expect(
        (
          await client.send(
            new ListImportsCommand({ ExportName: 'many-queue-3' }),
          )
        ).Imports,
      ).toEqual(['sdk-importer']);
      await expect(
        client.send(new ListImportsCommand({ ExportName: 'many-queue-4' })),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: "Export 'many-queue-4' is not imported by any stack.",
      });
    });
  });

  describe('UpdateStack and DeleteStack', () => {
    it('updates a stack with UsePreviousValue and deletes it', async () => {
      await client.send(
        new CreateStackCommand({
          StackName: 'sdk-update',
          TemplateBody:
            'Parameters:\n  V: {Type: String}\nResources:\n  P: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref V}}\n',
          Parameters: [{ ParameterKey: 'V', ParameterValue: 'one' }],
        }),
      );
      await expect(
        client.send(
          new UpdateStackCommand({
            StackName: 'sdk-update',
            UsePreviousTemplate: true,
            Parameters: [{ ParameterKey: 'V', UsePreviousValue: true }],
          }),
        ),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'No updates are to be performed.',
      });
      await client.send(
        new UpdateStackCommand({
          StackName: 'sdk-update',
          UsePreviousTemplate: true,
          Parameters: [{ ParameterKey: 'V', ParameterValue: 'two' }],
        }),
      );
      const updated = await statusOf('sdk-update');
      expect(updated.StackStatus).toBe('UPDATE_COMPLETE');
      expect(updated.LastUpdatedTime).toBeInstanceOf(Date);
      expect(updated.Parameters).toEqual([
        { ParameterKey: 'V', ParameterValue: 'two' },
      ]);

      await client.send(new DeleteStackCommand({ StackName: 'sdk-update' }));
      const deleted = await statusOf(updated.StackId!);
      expect(deleted.StackStatus).toBe('DELETE_COMPLETE');
      expect(deleted.DeletionTime).toBeInstanceOf(Date);
      await expect(statusOf('sdk-update')).rejects.toMatchObject({
        name: 'ValidationError',
      });
      await expect(
        client.send(new DeleteStackCommand({ StackName: 'sdk-update' })),
      ).resolves.toBeDefined();
    });

    it('refuses to update a stack that rolled back', async () => {
      await expect(
        client.send(
          new UpdateStackCommand({
            StackName: 'sdk-missing-export',
            UsePreviousTemplate: true,
          }),
        ),
      ).rejects.toThrow(/is in ROLLBACK_COMPLETE state and can not be updated/);
    });
  });

  describe('change sets', () => {
    it('creates, describes, lists and executes a CREATE change set', async () => {
      const { Id, StackId } = await client.send(
        new CreateChangeSetCommand({
          StackName: 'sdk-change-set',
          ChangeSetName: 'initial',
          ChangeSetType: 'CREATE',
          TemplateURL: `${baseUrl}/network.yaml`,
          Parameters: [{ ParameterKey: 'Name', ParameterValue: 'changeset' }],
        }),
      );
      expect((await statusOf(StackId!)).StackStatus).toBe('REVIEW_IN_PROGRESS');
      const described = await client.send(
        new DescribeChangeSetCommand({
          ChangeSetName: 'initial',
          StackName: 'sdk-change-set',
        }),
      );
      expect(described).toMatchObject({
        ChangeSetId: Id,
        Status: 'CREATE_COMPLETE',
        ExecutionStatus: 'AVAILABLE',
      });
      expect(
        described.Changes!.map(change => [
          change.ResourceChange!.Action,
          change.ResourceChange!.LogicalResourceId,
        ]),
      ).toEqual([
        ['Add', 'Vpc'],
        ['Add', 'Subnets'],
      ]);
      const { Summaries } = await client.send(
        new ListChangeSetsCommand({ StackName: 'sdk-change-set' }),
      );
      expect(Summaries).toEqual([
        expect.objectContaining({
          ChangeSetName: 'initial',
          ExecutionStatus: 'AVAILABLE',
        }),
      ]);

      await client.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
      expect((await statusOf('sdk-change-set')).StackStatus).toBe(
        'CREATE_COMPLETE',
      );
      await expect(
        client.send(new ExecuteChangeSetCommand({ ChangeSetName: Id })),
      ).rejects.toBeInstanceOf(InvalidChangeSetStatusException);
    });

    it('shows Modify with Replacement and Remove for an UPDATE change set, and deletes it', async () => {
      const { Id } = await client.send(
        new CreateChangeSetCommand({
          StackName: 'sdk-change-set',
          ChangeSetName: 'rename',
          TemplateBody: fixtureTemplate('network.yaml')
            .replace(/ {2}Subnets:[\s\S]*?(?=Outputs:)/, '')
            .replace(/ {2}SubnetCidrs:[\s\S]*$/, ''),
          Parameters: [
            { ParameterKey: 'Name', UsePreviousValue: true },
            { ParameterKey: 'VpcCidr', ParameterValue: '10.9.0.0/16' },
          ],
        }),
      );
      const { Changes } = await client.send(
        new DescribeChangeSetCommand({ ChangeSetName: Id }),
      );
      expect(Changes!.map(change => change.ResourceChange)).toEqual([
        expect.objectContaining({
          Action: 'Modify',
          LogicalResourceId: 'Vpc',
          Replacement: 'True',
          Scope: ['Properties'],
        }),
        expect.objectContaining({
          Action: 'Remove',
          LogicalResourceId: 'Subnets',
        }),
      ]);
      await client.send(new DeleteChangeSetCommand({ ChangeSetName: Id }));
      await expect(
        client.send(new DescribeChangeSetCommand({ ChangeSetName: Id })),
      ).rejects.toBeInstanceOf(ChangeSetNotFoundException);
    });

    it('fails a change set that changes nothing', async () => {
      await client.send(
        new CreateChangeSetCommand({
          StackName: 'sdk-change-set',
          ChangeSetName: 'nothing',
          UsePreviousTemplate: true,
          Parameters: [
            { ParameterKey: 'Name', UsePreviousValue: true },
            { ParameterKey: 'VpcCidr', UsePreviousValue: true },
          ],
        }),
      );
      const described = await client.send(
        new DescribeChangeSetCommand({
          ChangeSetName: 'nothing',
          StackName: 'sdk-change-set',
        }),
      );
      expect(described.Status).toBe('FAILED');
      expect(described.StatusReason).toBe(
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      );
    });
  });

  describe('accounts and regions', () => {
    it('keeps stacks and exports apart per account and region', async () => {
      const otherAccount = new CloudFormationClient({
        ...clientConfig(sandbox),
        credentials: {
          accessKeyId: '111111111111',
          secretAccessKey: 'sandbox-secret',
        },
      });
      const otherRegion = new CloudFormationClient({
        ...clientConfig(sandbox),
        region: 'eu-west-1',
      });
      try {
        await expect(
          otherAccount.send(
            new DescribeStacksCommand({ StackName: 'sdk-network' }),
          ),
        ).rejects.toMatchObject({
          name: 'ValidationError',
        });
        const { StackId } = await otherAccount.send(
          new CreateStackCommand({
            StackName: 'sdk-network',
            TemplateURL: `${baseUrl}/network.yaml`,
            Parameters: [{ ParameterKey: 'Name', ParameterValue: 'sdk' }],
          }),
        );
        expect(StackId).toMatch(
          /^arn:aws:cloudformation:us-east-1:111111111111:stack\/sdk-network\//,
        );
        const { Stacks } = await otherRegion.send(
          new DescribeStacksCommand({}),
        );
        expect(Stacks).toEqual([]);
      } finally {
        otherAccount.destroy();
        otherRegion.destroy();
      }
    });
  });

  describe('templates', () => {
    it('validates a template and reports IAM capabilities', async () => {
      const result = await client.send(
        new ValidateTemplateCommand({
          TemplateURL: `${baseUrl}/user-profile-v1.yaml`,
        }),
      );
      expect(result.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
      expect(result.CapabilitiesReason).toBe(
        'The following resource(s) require capabilities: [AWS::IAM::Role]',
      );
      expect(result.Parameters).toEqual(
        expect.arrayContaining([
          {
            ParameterKey: 'InstanceType',
            DefaultValue: 'ml.t3.medium',
            NoEcho: false,
          },
          {
            ParameterKey: 'ApiToken',
            DefaultValue: 'not-a-secret',
            NoEcho: true,
          },
          expect.objectContaining({
            ParameterKey: 'TeamName',
            Description: 'Lower-case team name.',
          }),
        ]),
      );
    });

    it("validates every template of the product's cloudformation/ folder sent as a body", async () => {
      const folder = resolve(__dirname, '../../../../../cloudformation');
      const files = ['shared-services.yaml', 'shared', 'products'].flatMap(
        entry =>
          entry.endsWith('.yaml')
            ? [entry]
            : readdirSync(join(folder, entry)).map(name => `${entry}/${name}`),
      );
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const result = await client.send(
          new ValidateTemplateCommand({
            TemplateBody: readFileSync(join(folder, file), 'utf8'),
          }),
        );
        expect(result.Description).toBeTruthy();
      }
    });

    it('rejects a template with a dependency cycle', async () => {
      await expect(
        client.send(
          new ValidateTemplateCommand({
            TemplateBody:
              'Resources:\n  A: {Type: AWS::SQS::Queue, DependsOn: B}\n  B: {Type: AWS::SQS::Queue, DependsOn: A}\n',
          }),
        ),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message:
          'Template format error: Circular dependency between resources: [A, B]',
      });
    });

    it('returns the template of a stack and its summary', async () => {
      const { TemplateBody } = await client.send(
        new GetTemplateCommand({ StackName: 'sdk-network' }),
      );
      expect(TemplateBody).toBe(fixtureTemplate('network.yaml'));
      const summary = await client.send(
        new GetTemplateSummaryCommand({ StackName: 'sdk-network' }),
      );
      expect(summary.ResourceTypes).toEqual([
        'AWS::EC2::VPC',
        'AWS::SSM::Parameter',
      ]);
    });
  });
});

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
  AwsSecurityFinding,
  BatchImportFindingsCommand,
  BatchUpdateFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  clientConfig,
  errorOf,
  startTestSandbox,
  TestSandbox,
} from '../../testing';

const PRODUCT_ARN =
  'arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default';

function finding(
  id: string,
  overrides: Partial<AwsSecurityFinding> = {},
): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: PRODUCT_ARN,
    GeneratorId: 'sagemaker-detective-control',
    AwsAccountId: '123456789012',
    Types: ['Software and Configuration Checks/AWS Security Best Practices'],
    CreatedAt: '2026-11-26T09:00:00.000Z',
    UpdatedAt: '2026-11-26T09:00:00.000Z',
    Severity: { Label: 'HIGH' },
    Title: `Finding ${id}`,
    Description: 'Training job without VPC',
    Resources: [
      {
        Type: 'AwsSageMakerTrainingJob',
        Id: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${id}`,
      },
    ],
    Compliance: { Status: 'FAILED' },
    ProductFields: { team: 'fraud' },
    ...overrides,
  };
}

describe('securityhub', () => {
  let test: TestSandbox;
  let securityHub: SecurityHubClient;

  beforeAll(async () => {
    test = await startTestSandbox();
    securityHub = new SecurityHubClient(clientConfig(test.sandbox));
  });

  beforeEach(() => test.sandbox.reset());
  afterAll(() => test.sandbox.close());

  it('BatchImportFindings stores valid findings and reports invalid ones', async () => {
    const result = await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('f1'),
          { ...finding('f2'), Title: undefined } as any,
        ],
      }),
    );
    expect(result).toMatchObject({ SuccessCount: 1, FailedCount: 1 });
    expect(result.FailedFindings).toEqual([
      {
        Id: 'f2',
        ErrorCode: 'InvalidInput',
        ErrorMessage: expect.stringContaining('Title'),
      },
    ]);
    const { Findings } = await securityHub.send(new GetFindingsCommand({}));
    expect(Findings).toEqual([
      expect.objectContaining({
        Id: 'f1',
        RecordState: 'ACTIVE',
        Workflow: { Status: 'NEW' },
        Region: 'us-east-1',
      }),
    ]);
  });

  it('BatchImportFindings rejects an empty or over-large batch with InvalidInputException', async () => {
    expect(
      (
        await errorOf(() =>
          securityHub.send(new BatchImportFindingsCommand({ Findings: [] })),
        )
      ).name,
    ).toBe('InvalidInputException');
    const many = Array.from({ length: 101 }, (_, index) =>
      finding(`f${index}`),
    );
    expect(
      (
        await errorOf(() =>
          securityHub.send(new BatchImportFindingsCommand({ Findings: many })),
        )
      ).name,
    ).toBe('InvalidInputException');
  });

  it('BatchImportFindings rejects bad severities, timestamps and resources per finding', async () => {
    const result = await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('a', { Severity: { Label: 'SEVERE' as any } }),
          finding('b', { CreatedAt: 'yesterday' }),
          finding('c', {
            Resources: [{ Type: 'AwsSageMakerTrainingJob' } as any],
          }),
        ],
      }),
    );
    expect(result.FailedCount).toBe(3);
  });

  it('GetFindings filters on resource type, compliance, record state, workflow and product fields', async () => {
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('job'),
          finding('notebook', {
            Resources: [{ Type: 'AwsSageMakerNotebookInstance', Id: 'arn:nb' }],
            Compliance: { Status: 'PASSED' },
            ProductFields: { team: 'risk' },
          }),
          finding('archived', { RecordState: 'ARCHIVED' }),
        ],
      }),
    );
    const ids = async (Filters: any) =>
      (
        await securityHub.send(new GetFindingsCommand({ Filters }))
      ).Findings?.map(item => item.Id).sort();
    expect(
      await ids({
        ResourceType: [
          { Value: 'AwsSageMakerNotebookInstance', Comparison: 'EQUALS' },
        ],
      }),
    ).toEqual(['notebook']);
    expect(
      await ids({
        ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
      }),
    ).toEqual(['archived', 'job']);
    expect(
      await ids({ RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }] }),
    ).toEqual(['job', 'notebook']);
    expect(
      await ids({
        ProductFields: [{ Key: 'team', Value: 'risk', Comparison: 'EQUALS' }],
      }),
    ).toEqual(['notebook']);
    expect(
      await ids({
        Id: [
          { Value: 'job', Comparison: 'EQUALS' },
          { Value: 'notebook', Comparison: 'EQUALS' },
        ],
      }),
    ).toEqual(['job', 'notebook']);
    expect(
      await ids({
        ResourceId: [{ Value: 'arn:aws:sagemaker', Comparison: 'PREFIX' }],
        RecordState: [{ Value: 'ARCHIVED', Comparison: 'NOT_EQUALS' }],
      }),
    ).toEqual(['job']);
  });

  it('GetFindings pages and rejects bad page sizes and unsupported filters with InvalidInputException', async () => {
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: ['a', 'b', 'c'].map(id => finding(id)),
      }),
    );
    const first = await securityHub.send(
      new GetFindingsCommand({
        MaxResults: 2,
        SortCriteria: [{ Field: 'Id', SortOrder: 'asc' }],
      }),
    );
    expect(first.Findings?.map(item => item.Id)).toEqual(['a', 'b']);
    const second = await securityHub.send(
      new GetFindingsCommand({
        MaxResults: 2,
        SortCriteria: [{ Field: 'Id', SortOrder: 'asc' }],
        NextToken: first.NextToken,
      }),
    );
    expect(second.Findings?.map(item => item.Id)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    expect(
      (
        await errorOf(() =>
          securityHub.send(new GetFindingsCommand({ MaxResults: 101 })),
        )
      ).name,
    ).toBe('InvalidInputException');
    expect(
      (
        await errorOf(() =>
          securityHub.send(
            new GetFindingsCommand({
              Filters: { NetworkSourceIpV4: [{ Cidr: '10.0.0.0/8' }] },
            }),
          ),
        )
      ).name,
    ).toBe('InvalidInputException');
  });

  it('BatchUpdateFindings sets workflow and note, which a later import keeps', async () => {
    await securityHub.send(
      new BatchImportFindingsCommand({ Findings: [finding('f1')] }),
    );
    test.clock.advance(1_000);
    const result = await securityHub.send(
      new BatchUpdateFindingsCommand({
        FindingIdentifiers: [
          { Id: 'f1', ProductArn: PRODUCT_ARN },
          { Id: 'ghost', ProductArn: PRODUCT_ARN },
        ],
        Workflow: { Status: 'SUPPRESSED' },
        Note: { Text: 'Accepted risk for the pilot', UpdatedBy: 'admin' },
      }),
    );
    expect(result.ProcessedFindings).toEqual([
      { Id: 'f1', ProductArn: PRODUCT_ARN },
    ]);
    expect(result.UnprocessedFindings).toEqual([
      {
        FindingIdentifier: { Id: 'ghost', ProductArn: PRODUCT_ARN },
        ErrorCode: 'FindingNotFound',
        ErrorMessage: 'Finding Not Found',
      },
    ]);
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [finding('f1', { Title: 'Re-imported' })],
      }),
    );
    const [stored] = (await securityHub.send(new GetFindingsCommand({})))
      .Findings!;
    expect(stored).toMatchObject({
      Title: 'Re-imported',
      Workflow: { Status: 'SUPPRESSED' },
      WorkflowState: 'DEFERRED',
      Note: {
        Text: 'Accepted risk for the pilot',
        UpdatedBy: 'admin',
        UpdatedAt: new Date(test.clock.now()).toISOString(),
      },
    });
    expect(
      (
        await securityHub.send(
          new GetFindingsCommand({
            Filters: {
              WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'EQUALS' }],
            },
          }),
        )
      ).Findings,
    ).toHaveLength(1);
  });

  it('resolves with BatchUpdateFindings and archives with BatchImportFindings, and reopens as AWS does', async () => {
    await securityHub.send(
      new BatchImportFindingsCommand({ Findings: [finding('f1')] }),
    );
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('f1', {
            RecordState: 'ARCHIVED',
            Compliance: { Status: 'PASSED' },
          }),
        ],
      }),
    );
    await securityHub.send(
      new BatchUpdateFindingsCommand({
        FindingIdentifiers: [{ Id: 'f1', ProductArn: PRODUCT_ARN }],
        Workflow: { Status: 'RESOLVED' },
        Note: { Text: 'The job is stopped', UpdatedBy: 'sweep' },
      }),
    );
    const get = async () =>
      (await securityHub.send(new GetFindingsCommand({}))).Findings![0];
    expect(await get()).toMatchObject({
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      Workflow: { Status: 'RESOLVED' },
      WorkflowState: 'RESOLVED',
    });
    // A re-import that stays archived and passed keeps the workflow.
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [
          finding('f1', {
            RecordState: 'ARCHIVED',
            Compliance: { Status: 'PASSED' },
          }),
        ],
      }),
    );
    expect((await get()).Workflow).toEqual({ Status: 'RESOLVED' });
    // Failing again (PASSED -> FAILED) reopens it.
    await securityHub.send(
      new BatchImportFindingsCommand({
        Findings: [finding('f1', { RecordState: 'ARCHIVED' })],
      }),
    );
    expect(await get()).toMatchObject({
      Workflow: { Status: 'NEW' },
      WorkflowState: 'NEW',
    });
  });

  it('reopens a resolved finding that becomes ACTIVE again, but leaves a suppressed one', async () => {
    for (const [id, status] of [
      ['resolved', 'RESOLVED'],
      ['suppressed', 'SUPPRESSED'],
    ] as const) {
      await securityHub.send(
        new BatchImportFindingsCommand({
          Findings: [finding(id, { RecordState: 'ARCHIVED' })],
        }),
      );
      await securityHub.send(
        new BatchUpdateFindingsCommand({
          FindingIdentifiers: [{ Id: id, ProductArn: PRODUCT_ARN }],
          Workflow: { Status: status },
        }),
      );
      await securityHub.send(
        new BatchImportFindingsCommand({
          Findings: [finding(id, { RecordState: 'ACTIVE' })],
        }),
      );
    }
    const findings = (await securityHub.send(new GetFindingsCommand({})))
      .Findings!;
    expect(
      Object.fromEntries(findings.map(f => [f.Id, f.Workflow?.Status])),
    ).toEqual({ resolved: 'NEW', suppressed: 'SUPPRESSED' });
  });

  it('BatchUpdateFindings rejects a bad workflow status, an incomplete note, or nothing to update', async () => {
    const FindingIdentifiers = [{ Id: 'f1', ProductArn: PRODUCT_ARN }];
    expect(
      (
        await errorOf(() =>
          securityHub.send(
            new BatchUpdateFindingsCommand({
              FindingIdentifiers,
              Workflow: { Status: 'DONE' as any },
            }),
          ),
        )
      ).name,
    ).toBe('InvalidInputException');
    expect(
      (
        await errorOf(() =>
          securityHub.send(
            new BatchUpdateFindingsCommand({
              FindingIdentifiers,
              Note: { Text: 'x' } as any,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidInputException');
    expect(
      (
        await errorOf(() =>
          securityHub.send(
            new BatchUpdateFindingsCommand({ FindingIdentifiers }),
          ),
        )
      ).name,
    ).toBe('InvalidInputException');
  });

  it('answers throttled calls with 429 ThrottlingException', async () => {
    test.sandbox.faults.configure({ throttleRate: 1 });
    try {
      const error = await errorOf(() =>
        securityHub.send(new GetFindingsCommand({})),
      );
      expect(error.name).toBe('ThrottlingException');
      expect(error.$metadata.httpStatusCode).toBe(429);
    } finally {
      test.sandbox.faults.configure({});
    }
  });
});

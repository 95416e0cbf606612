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
  DeleteAppCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  SageMakerClient,
  StopAutoMLJobCommand,
  StopHyperParameterTuningJobCommand,
  StopNotebookInstanceCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ACCOUNT_ID,
  cloudTrailEvent,
  cloudTrailFixtures,
  complianceFixtures,
  fixtureEvent,
  REGION,
  scenarioD2ModelInVpc,
  scenarioN10TrainWithVpc,
  scenarioN9TrainWithoutVpc,
} from './__fixtures__/events';
import { createDetectiveControlHandler } from './createDetectiveControlHandler';
import { DetectiveControlDeps } from './types';

const sageMakerMock = mockClient(SageMakerClient);
const securityHubMock = mockClient(SecurityHubClient);

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
const sleep = jest.fn(async (_ms: number) => {});

function makeHandler(overrides: Partial<DetectiveControlDeps> = {}) {
  return createDetectiveControlHandler({
    sageMaker: new SageMakerClient({ region: REGION }),
    securityHub: new SecurityHubClient({ region: REGION }),
    accountId: ACCOUNT_ID,
    region: REGION,
    logger,
    sleep,
    now: () => new Date('2026-11-26T10:00:05.000Z'),
    ...overrides,
  });
}

function awsError(name: string, message: string, status = 400) {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
  });
}

const REMEDIATION_COMMANDS = [
  StopTrainingJobCommand,
  StopProcessingJobCommand,
  StopTransformJobCommand,
  StopHyperParameterTuningJobCommand,
  StopAutoMLJobCommand,
  StopNotebookInstanceCommand,
  DeleteModelCommand,
  DeleteEndpointConfigCommand,
  DeleteAppCommand,
];

function remediationCalls() {
  return REMEDIATION_COMMANDS.flatMap(command =>
    sageMakerMock.commandCalls(command as any).map(call => ({
      command: command.name,
      input: call.args[0].input,
    })),
  );
}

function importedFindings() {
  return securityHubMock
    .commandCalls(BatchImportFindingsCommand)
    .flatMap(call => call.args[0].input.Findings ?? []);
}

beforeEach(() => {
  sageMakerMock.reset();
  securityHubMock.reset();
  sageMakerMock.resolves({});
  securityHubMock.on(BatchImportFindingsCommand).callsFake(input => ({
    FailedCount: 0,
    SuccessCount: input.Findings.length,
    FailedFindings: [],
  }));
  jest.clearAllMocks();
});

describe('createDetectiveControlHandler', () => {
  describe.each([
    [
      'TrainingJob',
      'STOP',
      'StopTrainingJobCommand',
      { TrainingJobName: 'fraud-xgb-2026-11-26' },
    ],
    [
      'ProcessingJob',
      'STOP',
      'StopProcessingJobCommand',
      { ProcessingJobName: 'fraud-preprocess-1' },
    ],
    [
      'TransformJob',
      'STOP',
      'StopTransformJobCommand',
      { TransformJobName: 'fraud-batch-score' },
    ],
    [
      'HyperParameterTuningJob',
      'STOP',
      'StopHyperParameterTuningJobCommand',
      { HyperParameterTuningJobName: 'fraud-hpo-1' },
    ],
    [
      'AutoMLJob',
      'STOP',
      'StopAutoMLJobCommand',
      { AutoMLJobName: 'fraud-automl' },
    ],
    [
      'NotebookInstance',
      'STOP',
      'StopNotebookInstanceCommand',
      { NotebookInstanceName: 'fraud-notebook' },
    ],
    ['Model', 'DELETE', 'DeleteModelCommand', { ModelName: 'fraud-xgb-model' }],
    ['EndpointConfig', 'NONE', undefined, undefined],
    ['Domain', 'NONE', undefined, undefined],
  ] as const)('%s', (kind, action, command, input) => {
    const fixture = cloudTrailFixtures[kind];

    it('leaves a compliant resource alone and records nothing', async () => {
      const outcome = await makeHandler()(fixtureEvent(kind, true));
      expect(outcome).toMatchObject({
        eventName: fixture.eventName,
        resourceKind: kind,
        resourceName: fixture.name,
        remediation: 'NONE',
        remediated: false,
        remediationResult: 'not-needed',
        importedFindings: 0,
        errors: [],
      });
      expect(outcome.findings.length).toBeGreaterThan(0);
      expect(outcome.findings.every(f => f.status !== 'FAILED')).toBe(true);
      expect(remediationCalls()).toEqual([]);
      expect(
        securityHubMock.commandCalls(BatchImportFindingsCommand),
      ).toHaveLength(0);
    });

    it(`decides ${action} for a non-compliant resource and records each failed rule`, async () => {
      const outcome = await makeHandler()(fixtureEvent(kind, false));
      expect(remediationCalls()).toEqual(command ? [{ command, input }] : []);
      expect(outcome.remediated).toBe(Boolean(command));
      expect(outcome.remediation).toBe(action);
      expect(outcome.errors).toEqual([]);
      const findings = importedFindings();
      expect(
        findings.map(f => f.ProductFields?.['sagemaker-studio/RuleId']).sort(),
      ).toEqual([...fixture.nonCompliantFails].sort());
      expect(outcome.importedFindings).toBe(fixture.nonCompliantFails.length);
      for (const finding of findings) {
        expect(finding.Resources?.[0].Id).toBe(
          Object.values(fixture.responseElements)[0],
        );
        expect(finding.ProductFields?.['sagemaker-studio/Remediated']).toBe(
          String(Boolean(command)),
        );
      }
    });
  });

  it('records the team, mode and timestamps on a training job finding', async () => {
    await makeHandler()(fixtureEvent('TrainingJob', false));
    const vpc = importedFindings().find(
      f =>
        f.ProductFields?.['sagemaker-studio/RuleId'] ===
        'SAGEMAKER_VPC_REQUIRED',
    );
    expect(vpc).toMatchObject({
      SchemaVersion: '2018-10-08',
      ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:product/${ACCOUNT_ID}/default`,
      AwsAccountId: ACCOUNT_ID,
      CreatedAt: '2026-11-26T10:00:05.000Z',
      Severity: { Label: 'CRITICAL' },
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      ProductFields: {
        'sagemaker-studio/Remediation': 'STOP',
        'sagemaker-studio/Remediated': 'true',
        'sagemaker-studio/TeamName': 'fraud',
      },
    });
  });

  it('builds the ARN from the name when the event has no response elements', async () => {
    const f = cloudTrailFixtures.Model;
    await makeHandler()(cloudTrailEvent(f.eventName, f.nonCompliant));
    expect(importedFindings()[0].Resources?.[0].Id).toBe(
      `arn:aws:sagemaker:${REGION}:${ACCOUNT_ID}:model/fraud-xgb-model`,
    );
  });

  it('uses the given Security Hub product ARN', async () => {
    const productArn = `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:product/${ACCOUNT_ID}/custom`;
    await makeHandler({ productArn })(fixtureEvent('Model', false));
    expect(importedFindings()[0].ProductArn).toBe(productArn);
  });

  it('passes a user profile without a team network, and fails it with one', async () => {
    const event = fixtureEvent('UserProfile', false);
    expect((await makeHandler()(event)).importedFindings).toBe(0);
    const outcome = await makeHandler({
      context: { allowedSecurityGroupIds: ['sg-0a1b2c3d4e5f60010'] },
    })(event);
    expect(outcome.remediation).toBe('NONE');
    expect(
      importedFindings().map(f => f.ProductFields?.['sagemaker-studio/RuleId']),
    ).toEqual(['SAGEMAKER_APPROVED_NETWORK']);
    expect(remediationCalls()).toEqual([]);
  });

  it('stops a job in a subnet outside the approved network', async () => {
    const f = cloudTrailFixtures.TrainingJob;
    const outcome = await makeHandler({
      context: { allowedSubnetIds: ['subnet-0a1b2c3d4e5f60001'] },
    })(
      cloudTrailEvent(f.eventName, f.compliant, {
        responseElements: f.responseElements,
      }),
    );
    expect(outcome.remediation).toBe('STOP');
    expect(remediationCalls()).toHaveLength(1);
  });

  describe('report-only mode', () => {
    it('records what it would do without calling SageMaker', async () => {
      const outcome = await makeHandler({ mode: 'report-only' })(
        fixtureEvent('TrainingJob', false),
      );
      expect(outcome).toMatchObject({
        mode: 'report-only',
        remediation: 'STOP',
        remediated: false,
        remediationResult: 'skipped',
      });
      expect(sageMakerMock.calls()).toHaveLength(0);
      for (const finding of importedFindings()) {
        expect(finding.ProductFields).toMatchObject({
          'sagemaker-studio/Remediation': 'STOP',
          'sagemaker-studio/Remediated': 'false',
        });
      }
    });
  });

  describe('remediation errors', () => {
    it('retries throttling with backoff and then succeeds', async () => {
      sageMakerMock
        .on(StopTrainingJobCommand)
        .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
        .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'))
        .resolves({});
      const outcome = await makeHandler()(fixtureEvent('TrainingJob', false));
      expect(sageMakerMock.commandCalls(StopTrainingJobCommand)).toHaveLength(
        3,
      );
      expect(sleep).toHaveBeenCalledTimes(2);
      const [first, second] = sleep.mock.calls.map(c => c[0]);
      expect(first).toBeGreaterThanOrEqual(100);
      expect(first).toBeLessThanOrEqual(200);
      expect(second).toBeGreaterThanOrEqual(200);
      expect(second).toBeLessThanOrEqual(400);
      expect(outcome).toMatchObject({ remediated: true, errors: [] });
    });

    it('gives up after the attempts run out and still records the findings', async () => {
      sageMakerMock
        .on(StopTrainingJobCommand)
        .rejects(awsError('ThrottlingException', 'Rate exceeded'));
      const outcome = await makeHandler({ maxAttempts: 3 })(
        fixtureEvent('TrainingJob', false),
      );
      expect(sageMakerMock.commandCalls(StopTrainingJobCommand)).toHaveLength(
        3,
      );
      expect(outcome.remediated).toBe(false);
      expect(outcome.errors).toEqual([
        {
          stage: 'remediation',
          code: 'ThrottlingException',
          message: 'Rate exceeded',
        },
      ]);
      expect(outcome.importedFindings).toBe(5);
      expect(
        importedFindings()[0].ProductFields?.['sagemaker-studio/Remediated'],
      ).toBe('false');
      expect(logger.error).toHaveBeenCalledWith(
        'Remediation failed',
        expect.objectContaining({ operation: 'StopTrainingJob' }),
      );
    });

    it('does not retry an access denial', async () => {
      sageMakerMock
        .on(DeleteModelCommand)
        .rejects(
          awsError(
            'AccessDeniedException',
            'not authorized to perform: sagemaker:DeleteModel',
          ),
        );
      const outcome = await makeHandler()(fixtureEvent('Model', false));
      expect(sageMakerMock.commandCalls(DeleteModelCommand)).toHaveLength(1);
      expect(outcome.errors[0]).toMatchObject({
        stage: 'remediation',
        code: 'AccessDeniedException',
      });
    });

    it.each([
      [
        'TrainingJob',
        'The request was rejected because the training job is in status Stopped.',
        'ValidationException',
        StopTrainingJobCommand,
        'already-stopped',
      ],
      [
        'TrainingJob',
        'The request was rejected because the training job is in status Completed.',
        'ValidationException',
        StopTrainingJobCommand,
        'already-finished',
      ],
      [
        'Model',
        'Could not find model "arn:aws:sagemaker:eu-west-1:111122223333:model/fraud-xgb-model".',
        'ValidationException',
        DeleteModelCommand,
        'already-gone',
      ],
      [
        'ProcessingJob',
        'Could not find processing job',
        'ResourceNotFound',
        StopProcessingJobCommand,
        'already-gone',
      ],
      [
        'NotebookInstance',
        'Status (Stopped) not in ([InService])',
        'ValidationException',
        StopNotebookInstanceCommand,
        'already-stopped',
      ],
    ] as const)(
      'reads a %s answering "%s" as nothing left to do',
      async (kind, message, name, command, result) => {
        sageMakerMock.on(command as any).rejects(awsError(name, message));
        const outcome = await makeHandler()(fixtureEvent(kind, false));
        expect(outcome).toMatchObject({
          // A job that finished on its own ran non-compliant: not remediated.
          remediated: result !== 'already-finished',
          remediationResult: result,
          errors: [],
        });
        expect(sageMakerMock.commandCalls(command as any)).toHaveLength(1);
      },
    );

    it('reports a notebook that is still Pending as an error, so the event is retried', async () => {
      sageMakerMock
        .on(StopNotebookInstanceCommand)
        .rejects(
          awsError(
            'ValidationException',
            'Status (Pending) not in ([InService])',
          ),
        );
      const outcome = await makeHandler()(
        fixtureEvent('NotebookInstance', false),
      );
      expect(outcome.remediated).toBe(false);
      expect(outcome.errors).toHaveLength(1);
    });
  });

  it('is idempotent when an event is delivered twice', async () => {
    const handle = makeHandler();
    const event = fixtureEvent('TrainingJob', false);
    const first = await handle(event);
    sageMakerMock
      .on(StopTrainingJobCommand)
      .rejects(
        awsError(
          'ValidationException',
          'The request was rejected because the training job is in status Stopping.',
        ),
      );
    const second = await handle(event);
    expect(first).toMatchObject({ remediated: true, errors: [] });
    expect(second).toMatchObject({ remediated: true, errors: [] });
    const [a, b] = securityHubMock
      .commandCalls(BatchImportFindingsCommand)
      .map(call => (call.args[0].input.Findings ?? []).map(f => f.Id));
    expect(b).toEqual(a);
  });

  describe('Security Hub', () => {
    it('reports findings that Security Hub rejects', async () => {
      securityHubMock.on(BatchImportFindingsCommand).callsFake(input => ({
        FailedCount: 1,
        SuccessCount: input.Findings.length - 1,
        FailedFindings: [
          {
            Id: input.Findings[0].Id,
            ErrorCode: 'InvalidInput',
            ErrorMessage: 'Finding is malformed',
          },
        ],
      }));
      const outcome = await makeHandler()(fixtureEvent('Model', false));
      expect(outcome.importedFindings).toBe(1);
      expect(outcome.remediated).toBe(true);
      expect(outcome.errors).toEqual([
        {
          stage: 'securityhub',
          code: 'InvalidInput',
          message: 'Finding is malformed',
          findingId: expect.stringContaining('SAGEMAKER_'),
        },
      ]);
      expect(logger.error).toHaveBeenCalledWith(
        'Security Hub did not import a finding',
        expect.objectContaining({ code: 'InvalidInput' }),
      );
    });

    it('reports a failed count without details', async () => {
      securityHubMock
        .on(BatchImportFindingsCommand)
        .resolves({ FailedCount: 2, SuccessCount: 0 });
      const outcome = await makeHandler()(fixtureEvent('Model', false));
      expect(outcome.importedFindings).toBe(0);
      expect(outcome.errors[0].message).toMatch(/rejected 2 finding/);
    });

    it('retries a throttled import', async () => {
      securityHubMock
        .on(BatchImportFindingsCommand)
        .rejectsOnce(awsError('TooManyRequestsException', 'Rate exceeded', 429))
        .resolves({ FailedCount: 0, SuccessCount: 2, FailedFindings: [] });
      const outcome = await makeHandler()(fixtureEvent('Model', false));
      expect(
        securityHubMock.commandCalls(BatchImportFindingsCommand),
      ).toHaveLength(2);
      expect(outcome).toMatchObject({ importedFindings: 2, errors: [] });
    });

    it('reports an import call that fails outright', async () => {
      securityHubMock
        .on(BatchImportFindingsCommand)
        .rejects(
          awsError(
            'InvalidAccessException',
            'Account is not subscribed to AWS Security Hub',
          ),
        );
      const outcome = await makeHandler()(fixtureEvent('Model', false));
      expect(outcome.remediated).toBe(true);
      expect(outcome.errors).toEqual([
        {
          stage: 'securityhub',
          code: 'InvalidAccessException',
          message: 'Account is not subscribed to AWS Security Hub',
        },
      ]);
    });
  });

  describe('events it ignores', () => {
    const training = cloudTrailFixtures.TrainingJob;
    it.each([
      ['null', null],
      ['a string', 'CreateTrainingJob'],
      ['an event without detail', { source: 'aws.sagemaker' }],
      ['an event whose detail is not an object', { detail: 'x' }],
      [
        'a detail without an event name',
        cloudTrailEvent(undefined as any, training.nonCompliant),
      ],
      [
        'another detail-type',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          event: { 'detail-type': 'SageMaker Training Job State Change' },
        }),
      ],
      [
        'another source',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          event: { source: 'aws.s3' },
        }),
      ],
      [
        'another event source',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          detail: { eventSource: 's3.amazonaws.com' },
        }),
      ],
      [
        'a read-only call',
        cloudTrailEvent('DescribeTrainingJob', { trainingJobName: 'x' }),
      ],
      [
        'an update call the rules do not judge',
        cloudTrailEvent('UpdateEndpoint', { endpointName: 'e' }),
      ],
      [
        'an update call that names no resource',
        cloudTrailEvent('UpdateUserProfile', { domainId: 'd-1' }),
      ],
      [
        'a failed call',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          detail: { errorCode: 'AccessDenied', errorMessage: 'explicit deny' },
        }),
      ],
      [
        'another account',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          detail: { recipientAccountId: '444455556666' },
        }),
      ],
      [
        'another region',
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          detail: { awsRegion: 'us-east-1' },
        }),
      ],
      [
        'missing request parameters',
        cloudTrailEvent('CreateTrainingJob', null),
      ],
      [
        'request parameters without a name',
        cloudTrailEvent('CreateTrainingJob', { resourceConfig: {} }),
      ],
    ])('ignores %s without calling AWS', async (_, event) => {
      const outcome = await makeHandler()(event as any);
      expect(outcome.ignored).toEqual(expect.any(String));
      expect(outcome).toMatchObject({
        findings: [],
        remediation: 'NONE',
        remediated: false,
        errors: [],
      });
      expect(sageMakerMock.calls()).toHaveLength(0);
      expect(securityHubMock.calls()).toHaveLength(0);
      expect(logger.info).toHaveBeenCalledWith(
        'Event ignored',
        expect.any(Object),
      );
    });

    it('says why a failed call was ignored', async () => {
      const outcome = await makeHandler()(
        cloudTrailEvent('CreateTrainingJob', training.nonCompliant, {
          detail: { errorCode: 'AccessDenied' },
        }),
      );
      expect(outcome).toMatchObject({
        eventName: 'CreateTrainingJob',
        ignored:
          'the call failed with AccessDenied, so nothing was created or changed',
      });
    });
  });

  describe('workshop acceptance scenarios', () => {
    it('N9: stops the training job started without a VPC', async () => {
      const outcome = await makeHandler()(
        cloudTrailEvent('CreateTrainingJob', scenarioN9TrainWithoutVpc),
      );
      expect(outcome.remediation).toBe('STOP');
      expect(remediationCalls()).toEqual([
        {
          command: 'StopTrainingJobCommand',
          input: { TrainingJobName: scenarioN9TrainWithoutVpc.trainingJobName },
        },
      ]);
    });

    it('N10 and D2: lets the VPC-attached job and model run, recording the gaps', async () => {
      const job = await makeHandler()(
        cloudTrailEvent('CreateTrainingJob', scenarioN10TrainWithVpc),
      );
      const model = await makeHandler()(
        cloudTrailEvent('CreateModel', scenarioD2ModelInVpc),
      );
      expect(job.remediation).toBe('NONE');
      expect(model.remediation).toBe('NONE');
      expect(remediationCalls()).toEqual([]);
      expect(
        importedFindings().map(
          f => f.ProductFields?.['sagemaker-studio/RuleId'],
        ),
      ).toEqual([
        'SAGEMAKER_OUTPUT_KMS_KEY',
        'SAGEMAKER_NETWORK_ISOLATION',
        'SAGEMAKER_NETWORK_ISOLATION',
      ]);
    });
  });

  describe('Studio domains, user profiles, spaces and apps', () => {
    const studio = complianceFixtures.studioContext;
    const describe_ = complianceFixtures.describe;

    function findingsByRule() {
      return Object.fromEntries(
        importedFindings().map(f => [
          f.ProductFields?.['sagemaker-studio/RuleId'],
          f.ProductFields?.['sagemaker-studio/Action'],
        ]),
      );
    }

    it("reports a new user profile given another team's role, and changes nothing", async () => {
      const f = cloudTrailFixtures.UserProfile;
      const outcome = await makeHandler({ context: studio })(
        cloudTrailEvent(
          'CreateUserProfile',
          {
            ...f.compliant,
            userSettings: {
              executionRole: complianceFixtures.otherTeamRoleArn,
            },
          },
          { responseElements: f.responseElements },
        ),
      );
      expect(outcome).toMatchObject({
        resourceKind: 'UserProfile',
        remediation: 'NONE',
        remediated: false,
        errors: [],
      });
      expect(sageMakerMock.calls()).toHaveLength(0);
      expect(findingsByRule()).toEqual({
        SAGEMAKER_APPROVED_EXECUTION_ROLE: 'reported',
      });
    });

    it('reads a domain back after UpdateDomain and reports it switched to PublicInternetOnly', async () => {
      sageMakerMock
        .on(DescribeDomainCommand, { DomainId: 'd-abcdef123456' })
        .resolves(describe_.Domain.nonCompliant as any);
      const outcome = await makeHandler()(
        cloudTrailEvent('UpdateDomain', {
          domainId: 'd-abcdef123456',
          appNetworkAccessType: 'PublicInternetOnly',
        }),
      );
      expect(outcome).toMatchObject({
        eventName: 'UpdateDomain',
        resourceKind: 'Domain',
        resourceName: 'ds-studio',
        remediation: 'NONE',
        errors: [],
      });
      expect(sageMakerMock.commandCalls(DescribeDomainCommand)).toHaveLength(1);
      expect(remediationCalls()).toEqual([]);
      expect(findingsByRule()).toEqual({
        SAGEMAKER_DOMAIN_VPC_ONLY: 'reported',
        SAGEMAKER_DOMAIN_KMS_KEY: 'reported',
      });
      expect(importedFindings()[0].Resources?.[0].Id).toBe(
        describe_.Domain.nonCompliant.DomainArn,
      );
    });

    it('reads a profile back after UpdateUserProfile and reports a role outside the team', async () => {
      sageMakerMock
        .on(DescribeUserProfileCommand, {
          DomainId: 'd-abcdef123456',
          UserProfileName: 'alice',
        })
        .resolves({
          ...describe_.UserProfile.compliant,
          UserSettings: { ExecutionRole: complianceFixtures.otherTeamRoleArn },
        } as any);
      const outcome = await makeHandler({ context: studio })(
        cloudTrailEvent('UpdateUserProfile', {
          domainId: 'd-abcdef123456',
          userProfileName: 'alice',
          userSettings: { executionRole: complianceFixtures.otherTeamRoleArn },
        }),
      );
      expect(outcome).toMatchObject({ remediation: 'NONE', errors: [] });
      expect(findingsByRule()).toEqual({
        SAGEMAKER_APPROVED_EXECUTION_ROLE: 'reported',
      });
    });

    it('reads a space back after UpdateSpace and reports an unapproved default image', async () => {
      sageMakerMock
        .on(DescribeSpaceCommand, {
          DomainId: 'd-abcdef123456',
          SpaceName: 'alice-lab',
        })
        .resolves(describe_.Space.nonCompliant as any);
      await makeHandler({ context: studio })(
        cloudTrailEvent('UpdateSpace', {
          domainId: 'd-abcdef123456',
          spaceName: 'alice-lab',
        }),
      );
      expect(remediationCalls()).toEqual([]);
      expect(findingsByRule()).toEqual({
        SAGEMAKER_APPROVED_IMAGE: 'reported',
        SAGEMAKER_SPACE_SHARING: 'reported',
      });
    });

    it('reports a new shared space without deleting it', async () => {
      const outcome = await makeHandler({ context: studio })(
        fixtureEvent('Space', false),
      );
      expect(outcome).toMatchObject({
        resourceKind: 'Space',
        remediation: 'NONE',
      });
      expect(sageMakerMock.calls()).toHaveLength(0);
    });

    it('deletes a new app that runs an unapproved custom image, and records it', async () => {
      const outcome = await makeHandler({ context: studio })(
        fixtureEvent('App', false),
      );
      expect(outcome).toMatchObject({
        resourceKind: 'App',
        remediation: 'DELETE',
        remediated: true,
        remediationResult: 'done',
        errors: [],
      });
      expect(remediationCalls()).toEqual([
        {
          command: 'DeleteAppCommand',
          input: {
            DomainId: 'd-abcdef123456',
            AppType: 'JupyterLab',
            AppName: 'default',
            SpaceName: 'alice-lab',
          },
        },
      ]);
      const [finding] = importedFindings();
      expect(finding.ProductFields).toMatchObject({
        'sagemaker-studio/RuleId': 'SAGEMAKER_APPROVED_IMAGE',
        'sagemaker-studio/Remediation': 'DELETE',
        'sagemaker-studio/Remediated': 'true',
        'sagemaker-studio/Action': 'deleted',
        'sagemaker-studio/ActionAt': '2026-11-26T10:00:05.000Z',
      });
    });

    it('leaves an app on the approved image alone', async () => {
      const outcome = await makeHandler({ context: studio })(
        fixtureEvent('App', true),
      );
      expect(outcome).toMatchObject({ remediation: 'NONE', errors: [] });
      expect(sageMakerMock.calls()).toHaveLength(0);
      expect(importedFindings()).toEqual([]);
    });

    it('asks DescribeApp which image an app created without one runs', async () => {
      const f = cloudTrailFixtures.App;
      sageMakerMock
        .on(DescribeAppCommand, {
          DomainId: 'd-abcdef123456',
          AppType: 'JupyterLab',
          AppName: 'default',
          SpaceName: 'alice-lab',
        })
        .resolves(describe_.App.nonCompliant as any);
      const { resourceSpec: _, ...withoutImage } = f.nonCompliant;
      const outcome = await makeHandler({ context: studio })(
        cloudTrailEvent('CreateApp', withoutImage, {
          responseElements: f.responseElements,
        }),
      );
      expect(outcome).toMatchObject({
        remediation: 'DELETE',
        remediated: true,
      });
      expect(sageMakerMock.commandCalls(DescribeAppCommand)).toHaveLength(1);
      expect(sageMakerMock.commandCalls(DeleteAppCommand)).toHaveLength(1);
    });

    it('counts an app already being deleted as remediated', async () => {
      sageMakerMock
        .on(DeleteAppCommand)
        .rejects(
          awsError(
            'ResourceInUse',
            'App arn:aws:sagemaker:eu-west-1:111122223333:app/d-abcdef123456/alice-lab/jupyterlab/default is already deleting',
          ),
        );
      const outcome = await makeHandler({ context: studio })(
        fixtureEvent('App', false),
      );
      expect(outcome).toMatchObject({
        remediated: true,
        remediationResult: 'already-gone',
        errors: [],
      });
    });

    it('ignores an update of a resource that is gone by the time it is read', async () => {
      sageMakerMock
        .on(DescribeUserProfileCommand)
        .rejects(awsError('ResourceNotFound', 'User profile does not exist'));
      const outcome = await makeHandler()(
        cloudTrailEvent('UpdateUserProfile', {
          domainId: 'd-abcdef123456',
          userProfileName: 'alice',
        }),
      );
      expect(outcome).toMatchObject({
        ignored: expect.stringContaining('no longer exists'),
        errors: [],
      });
      expect(securityHubMock.calls()).toHaveLength(0);
    });

    it('reports a resource it cannot read back as an error, so the event is retried', async () => {
      sageMakerMock
        .on(DescribeDomainCommand)
        .rejects(awsError('AccessDeniedException', 'not authorized', 403));
      const outcome = await makeHandler()(
        cloudTrailEvent('UpdateDomain', { domainId: 'd-abcdef123456' }),
      );
      expect(outcome.errors).toEqual([
        {
          stage: 'describe',
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ]);
      expect(securityHubMock.calls()).toHaveLength(0);
    });
  });
});

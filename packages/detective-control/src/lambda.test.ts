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
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { ACCOUNT_ID, fixtureEvent, REGION } from './__fixtures__/events';
import { handler } from '.';
import {
  clientsForTesting,
  handleWithEnv,
  readContext,
  readMode,
  resetClientsForTesting,
} from './lambda';

const sageMakerMock = mockClient(SageMakerClient);
const securityHubMock = mockClient(SecurityHubClient);

beforeEach(() => {
  resetClientsForTesting();
  sageMakerMock.reset();
  securityHubMock.reset();
  sageMakerMock.resolves({});
  securityHubMock
    .on(BatchImportFindingsCommand)
    .resolves({ FailedCount: 0, SuccessCount: 5 });
  jest.spyOn(console, 'info').mockImplementation(() => {});
  jest.spyOn(console, 'warn').mockImplementation(() => {});
  jest.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => jest.restoreAllMocks());

describe('readMode', () => {
  it.each([
    [{}, 'enforce'],
    [{ REMEDIATION_MODE: 'enforce' }, 'enforce'],
    [{ REMEDIATION_MODE: 'report-only' }, 'report-only'],
    [{ ENFORCEMENT_MODE: 'report' }, 'report-only'],
    [{ REMEDIATION_MODE: 'enforce', ENFORCEMENT_MODE: 'report' }, 'enforce'],
  ])('reads %j as %s', (env, mode) => {
    expect(readMode(env)).toBe(mode);
  });

  it('refuses an unknown mode', () => {
    expect(() => readMode({ REMEDIATION_MODE: 'dry-run' })).toThrow(
      'REMEDIATION_MODE must be enforce or report-only, not "dry-run"',
    );
  });
});

describe('readContext', () => {
  it('reads comma-separated approved subnets and groups', () => {
    expect(
      readContext({
        APPROVED_SUBNET_IDS: 'subnet-1, subnet-2,',
        APPROVED_SECURITY_GROUP_IDS: 'sg-1',
      }),
    ).toEqual({
      allowedSubnetIds: ['subnet-1', 'subnet-2'],
      allowedSecurityGroupIds: ['sg-1'],
    });
    expect(readContext({ APPROVED_SUBNET_IDS: '' })).toEqual({});
  });

  it('reads the Studio policy: approved images, execution roles and shared spaces', () => {
    expect(
      readContext({
        APPROVED_IMAGE_ARNS: 'arn:aws:sagemaker:eu-west-1:1:image/a',
        APPROVED_IMAGE_NAMES: 'a, b',
        APPROVED_EXECUTION_ROLE_ARNS: 'arn:aws:iam::1:role/r',
        ALLOW_SHARED_SPACES: 'false',
      }),
    ).toEqual({
      approvedImageArns: ['arn:aws:sagemaker:eu-west-1:1:image/a'],
      approvedImageNames: ['a', 'b'],
      allowedExecutionRoleArns: ['arn:aws:iam::1:role/r'],
      allowSharedSpaces: false,
    });
    expect(readContext({ ALLOW_SHARED_SPACES: 'true' })).toEqual({
      allowSharedSpaces: true,
    });
    expect(readContext({ ALLOW_SHARED_SPACES: '' })).toEqual({});
    expect(() => readContext({ ALLOW_SHARED_SPACES: 'yes' })).toThrow(
      /ALLOW_SHARED_SPACES must be true or false/,
    );
  });
});

describe('handleWithEnv', () => {
  const env = { AWS_REGION: REGION };

  it('takes the account from the event when ACCOUNT_ID is not set', async () => {
    const outcome = await handleWithEnv(
      fixtureEvent('TrainingJob', false),
      env,
    );
    expect(outcome).toMatchObject({
      remediation: 'STOP',
      remediated: true,
      importedFindings: 5,
    });
    const [finding] = securityHubMock.commandCalls(
      BatchImportFindingsCommand,
    )[0].args[0].input.Findings!;
    expect(finding.AwsAccountId).toBe(ACCOUNT_ID);
  });

  it('ignores events from another account than ACCOUNT_ID', async () => {
    const outcome = await handleWithEnv(fixtureEvent('TrainingJob', false), {
      ...env,
      ACCOUNT_ID: '444455556666',
    });
    expect(outcome.ignored).toMatch(/account/);
    expect(sageMakerMock.calls()).toHaveLength(0);
  });

  it('does not remediate in report mode', async () => {
    await handleWithEnv(fixtureEvent('TrainingJob', false), {
      ...env,
      ENFORCEMENT_MODE: 'report',
    });
    expect(sageMakerMock.commandCalls(StopTrainingJobCommand)).toHaveLength(0);
  });

  it('passes the Security Hub product ARN and approved subnets on', async () => {
    const productArn = `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:product/${ACCOUNT_ID}/default`;
    await handleWithEnv(fixtureEvent('TrainingJob', true), {
      ...env,
      SECURITY_HUB_PRODUCT_ARN: productArn,
      APPROVED_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001',
    });
    const findings = securityHubMock.commandCalls(BatchImportFindingsCommand)[0]
      .args[0].input.Findings!;
    expect(
      findings.map(f => [
        f.ProductArn,
        f.ProductFields?.['sagemaker-studio/RuleId'],
      ]),
    ).toEqual([[productArn, 'SAGEMAKER_APPROVED_NETWORK']]);
  });

  it('throws when the outcome has errors, so Lambda retries the event', async () => {
    sageMakerMock.on(StopTrainingJobCommand).rejects(
      Object.assign(new Error('not authorized'), {
        name: 'AccessDeniedException',
      }),
    );
    await expect(
      handleWithEnv(fixtureEvent('TrainingJob', false), env),
    ).rejects.toThrow(/remediation: AccessDeniedException not authorized/);
  });

  it('needs a region and an account', async () => {
    await expect(
      handleWithEnv(fixtureEvent('Model', false), {}),
    ).rejects.toThrow('AWS_REGION is not set');
    await expect(handleWithEnv({} as any, env)).rejects.toThrow(
      'ACCOUNT_ID is not set',
    );
  });

  it('points the clients at endpoint overrides', async () => {
    await handleWithEnv(fixtureEvent('Model', true), {
      ...env,
      SAGEMAKER_ENDPOINT: 'http://127.0.0.1:4599',
      SECURITYHUB_ENDPOINT: 'http://127.0.0.1:4600',
    });
    const clients = clientsForTesting()!;
    expect(await clients.sageMaker.config.endpoint!()).toMatchObject({
      hostname: '127.0.0.1',
      port: 4599,
    });
    expect(await clients.securityHub.config.endpoint!()).toMatchObject({
      port: 4600,
    });
  });
});

describe('handler', () => {
  it('reads process.env', async () => {
    const saved = { ...process.env };
    process.env.AWS_REGION = REGION;
    process.env.REMEDIATION_MODE = 'report-only';
    delete process.env.ACCOUNT_ID;
    try {
      const outcome = await handler(fixtureEvent('Model', false));
      expect(outcome).toMatchObject({
        mode: 'report-only',
        remediation: 'DELETE',
        remediated: false,
      });
    } finally {
      process.env = saved;
    }
  });
});

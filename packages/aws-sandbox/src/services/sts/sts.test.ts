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
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import {
  clientConfig,
  errorOf,
  startTestSandbox,
  TestSandbox,
} from '../../testing';

describe('sts', () => {
  let test: TestSandbox;

  beforeAll(async () => {
    test = await startTestSandbox();
  });

  afterAll(() => test.sandbox.close());

  it('GetCallerIdentity returns the default account for ordinary keys', async () => {
    const identity = await new STSClient(clientConfig(test.sandbox)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/sandbox',
    });
    expect(identity.UserId).toMatch(/^AIDA/);
  });

  it('GetCallerIdentity returns the account named by a 12-digit access key', async () => {
    const identity = await new STSClient(
      clientConfig(test.sandbox, '111122223333'),
    ).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('111122223333');
  });

  it('AssumeRole returns credentials that act as the role account', async () => {
    const sts = new STSClient(clientConfig(test.sandbox));
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::444455556666:role/team/data-science',
        RoleSessionName: 'backstage',
      }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::444455556666:assumed-role/data-science/backstage',
    );
    expect(assumed.Credentials?.Expiration).toEqual(
      new Date(test.clock.now() + 3600_000),
    );
    const asRole = new STSClient({
      ...clientConfig(test.sandbox),
      credentials: {
        accessKeyId: assumed.Credentials!.AccessKeyId!,
        secretAccessKey: assumed.Credentials!.SecretAccessKey!,
        sessionToken: assumed.Credentials!.SessionToken,
      },
    });
    expect((await asRole.send(new GetCallerIdentityCommand({}))).Account).toBe(
      '444455556666',
    );
  });

  it('AssumeRole rejects a malformed role ARN with ValidationError', async () => {
    const error = await errorOf(() =>
      new STSClient(clientConfig(test.sandbox)).send(
        new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 'x1' }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

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
  CreatePresignedDomainUrlCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createPresignedDomainUrl } from './createPresignedDomainUrl';
import { StudioAwsReadError } from './studioAwsErrors';
import { awsError, fakeClients } from './__testUtils__/fakeClients';

const sageMaker = mockClient(SageMakerClient);
const URL = 'https://d-1.studio.eu-west-1.sagemaker.aws/auth?token=secret';

describe('createPresignedDomainUrl', () => {
  beforeEach(() => sageMaker.reset());

  it('asks for a short-lived URL with the configured session length, space and landing URI', async () => {
    sageMaker
      .on(CreatePresignedDomainUrlCommand)
      .resolves({ AuthorizedUrl: URL });
    const logger = mockServices.logger.mock();

    const answer = await createPresignedDomainUrl({
      clients: fakeClients(),
      logger,
      domainId: 'd-1',
      userProfileName: 'alice',
      sessionExpirationSeconds: 3600,
      spaceName: 'alice-space',
      landingUri: 'studio::',
      now: () => Date.parse('2026-01-01T00:00:00Z'),
    });

    expect(answer).toEqual({ url: URL, expiresAt: '2026-01-01T00:01:00.000Z' });
    expect(sageMaker).toHaveReceivedCommandWith(
      CreatePresignedDomainUrlCommand,
      {
        DomainId: 'd-1',
        UserProfileName: 'alice',
        ExpiresInSeconds: 60,
        SessionExpirationDurationInSeconds: 3600,
        SpaceName: 'alice-space',
        LandingUri: 'studio::',
      },
    );
    for (const fn of [logger.info, logger.warn, logger.error, logger.debug]) {
      expect(JSON.stringify((fn as jest.Mock).mock.calls)).not.toContain(
        'token=secret',
      );
    }
  });

  it('leaves out the space and landing URI when not given', async () => {
    sageMaker
      .on(CreatePresignedDomainUrlCommand)
      .resolves({ AuthorizedUrl: URL });
    await createPresignedDomainUrl({
      clients: fakeClients(),
      domainId: 'd-1',
      userProfileName: 'alice',
      sessionExpirationSeconds: 43200,
    });
    const input = sageMaker.commandCalls(CreatePresignedDomainUrlCommand)[0]
      .args[0].input;
    expect(Object.keys(input).sort()).toEqual([
      'DomainId',
      'ExpiresInSeconds',
      'SessionExpirationDurationInSeconds',
      'UserProfileName',
    ]);
  });

  it("reports the portal's role being denied as NOT_ALLOWED, without AWS's text", async () => {
    sageMaker
      .on(CreatePresignedDomainUrlCommand)
      .rejects(awsError('AccessDeniedException'));
    const error = await createPresignedDomainUrl({
      clients: fakeClients(),
      domainId: 'd-1',
      userProfileName: 'alice',
      sessionExpirationSeconds: 43200,
    }).catch(e => e);
    expect(error).toBeInstanceOf(StudioAwsReadError);
    expect(error.failure).toBe('NOT_ALLOWED');
    expect(error.message).not.toContain('secret');
  });
});

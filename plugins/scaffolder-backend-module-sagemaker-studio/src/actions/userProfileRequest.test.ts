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

import { InputError } from '@backstage/errors';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  REQUESTS_URL,
  REQUEST_ID,
  actionContext,
  actionOptions,
} from './__testUtils__/actionTestUtils';
import { createSageMakerStudioUserProfileRequestAction } from './userProfileRequest';

describe('sagemaker-studio:user-profile:request', () => {
  const input = {
    teamName: 'fraud-detection',
    domainId: 'd-abc123def456',
    envType: 'dev',
    requireNetworkIsolation: true,
  };

  it('records the request for the initiator, without a profile name', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileRequestAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      {
        product: 'userProfile',
        operation: 'provision',
        teamName: 'fraud-detection',
        domainId: 'd-abc123def456',
        parameters: { EnvType: 'dev', RequireNetworkIsolation: 'true' },
        idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
    expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
    expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
  });

  it('outputs the entity once the backend reports it', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockImplementation(
      async () =>
        ({
          id: REQUEST_ID,
          status: 'SUCCEEDED',
          entityRef: 'resource:default/dana-scientist-user-profile',
        } as any),
    );
    const action = createSageMakerStudioUserProfileRequestAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/dana-scientist-user-profile',
    );
  });

  it('defaults to dev without network isolation', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileRequestAction(options);

    await action.handler(
      actionContext({
        teamName: 'fraud-detection',
        domainId: 'd-abc123def456',
      }),
    );

    expect(options.requests.createRequest.mock.calls[0][0].parameters).toEqual({
      EnvType: 'dev',
      RequireNetworkIsolation: 'false',
    });
  });

  it('previews through the backend in a dry run and records nothing', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileRequestAction(options);
    const ctx = actionContext(input, { isDryRun: true });

    await action.handler(ctx);

    expect(options.requests.createRequest).not.toHaveBeenCalled();
    expect(options.requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'userProfile',
        domainId: 'd-abc123def456',
      }),
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'dry-run');
    expect(ctx.output).toHaveBeenCalledWith(
      'preview',
      expect.objectContaining({ product: 'userProfile' }),
    );
  });

  it('does not request twice when the task is retried', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileRequestAction(options);
    const checkpoints = new Map<string, unknown>();

    await action.handler(actionContext(input, { checkpoints }));
    await action.handler(actionContext(input, { checkpoints }));

    expect(options.requests.createRequest).toHaveBeenCalledTimes(1);
  });

  it('fails the step with the backend refusal, naming the field', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockRejectedValue(
      new InputError(
        'domainId: d-abc123def456 is not one of the configured domains',
      ),
    );
    const action = createSageMakerStudioUserProfileRequestAction(options);
    const ctx = actionContext(input);

    await expect(action.handler(ctx)).rejects.toThrow(
      new InputError(
        'domainId: d-abc123def456 is not one of the configured domains',
      ),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});

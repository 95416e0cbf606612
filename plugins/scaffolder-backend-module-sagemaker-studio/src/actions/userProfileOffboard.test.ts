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

import { ConflictError } from '@backstage/errors';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  REQUESTS_URL,
  REQUEST_ID,
  actionContext,
  actionOptions,
} from './__testUtils__/actionTestUtils';
import { createSageMakerStudioUserProfileOffboardAction } from './userProfileOffboard';

describe('sagemaker-studio:user-profile:offboard', () => {
  const input = { provisionedProductId: 'pp-abcdefghijklm' };

  it('records the terminate request for the initiator and links to it', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileOffboardAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      {
        product: 'userProfile',
        operation: 'terminate',
        provisionedProductId: 'pp-abcdefghijklm',
        parameters: {},
        idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
    expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
    expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
  });

  it('outputs the entity the backend reports', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockImplementation(
      async () =>
        ({
          id: REQUEST_ID,
          status: 'APPROVED',
          entityRef: 'resource:default/example',
        } as any),
    );
    const action = createSageMakerStudioUserProfileOffboardAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('status', 'APPROVED');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/example',
    );
  });

  it('previews through the backend in a dry run and records nothing', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileOffboardAction(options);
    const ctx = actionContext(input, { isDryRun: true });

    await action.handler(ctx);

    expect(options.requests.createRequest).not.toHaveBeenCalled();
    expect(options.requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'userProfile',
        operation: 'terminate',
        provisionedProductId: 'pp-abcdefghijklm',
      }),
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
    expect(ctx.output).toHaveBeenCalledWith(
      'preview',
      expect.objectContaining({ operation: 'terminate' }),
    );
  });

  it('does not request twice when the task is retried', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileOffboardAction(options);
    const checkpoints = new Map<string, unknown>();

    await action.handler(actionContext(input, { checkpoints }));
    await action.handler(actionContext(input, { checkpoints }));

    expect(options.requests.createRequest).toHaveBeenCalledTimes(1);
  });

  it('fails the step with the backend refusal and its message', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockRejectedValue(
      new ConflictError(
        'provisionedProductId: pp-abcdefghijklm has a pending request',
      ),
    );
    const action = createSageMakerStudioUserProfileOffboardAction(options);
    const ctx = actionContext(input);

    await expect(action.handler(ctx)).rejects.toThrow(
      new ConflictError(
        'provisionedProductId: pp-abcdefghijklm has a pending request',
      ),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});

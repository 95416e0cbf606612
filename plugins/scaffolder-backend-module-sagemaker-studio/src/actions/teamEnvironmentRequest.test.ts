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
import { createSageMakerStudioTeamEnvironmentRequestAction } from './teamEnvironmentRequest';

describe('sagemaker-studio:team-environment:request', () => {
  const input = { teamName: 'fraud-detection', envType: 'test' };

  it('records the request for the initiator and links to it', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      {
        product: 'teamEnvironment',
        operation: 'provision',
        teamName: 'fraud-detection',
        parameters: { EnvType: 'test' },
        idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      { credentials: mockCredentials.user() },
    );
    expect(options.requests.previewRequest).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
    expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
    expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
    expect(ctx.output).not.toHaveBeenCalledWith('entityRef', expect.anything());
  });

  it('defaults the environment type to dev', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);

    await action.handler(actionContext({ teamName: 'fraud-detection' }));

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      expect.objectContaining({ parameters: { EnvType: 'dev' } }),
      expect.anything(),
    );
  });

  it('previews through the backend in a dry run and records nothing', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);
    const ctx = actionContext(input, { isDryRun: true });

    await action.handler(ctx);

    expect(options.requests.createRequest).not.toHaveBeenCalled();
    expect(options.requests.previewRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'teamEnvironment',
        teamName: 'fraud-detection',
        parameters: { EnvType: 'test' },
      }),
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
    expect(ctx.output).toHaveBeenCalledWith(
      'preview',
      expect.objectContaining({ productVersion: 'v2', requiresApproval: true }),
    );
  });

  it('does not request twice when the task is retried', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);
    const checkpoints = new Map<string, unknown>();

    await action.handler(actionContext(input, { checkpoints }));
    const retry = actionContext(input, { checkpoints });
    await action.handler(retry);

    expect(options.requests.createRequest).toHaveBeenCalledTimes(1);
    expect(retry.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
  });

  it('sends the same idempotency key again when a crash lost the checkpoint', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);

    await action.handler(actionContext(input));
    await action.handler(actionContext(input));
    await action.handler(actionContext(input, { taskId: 'task-2' }));

    const keys = options.requests.createRequest.mock.calls.map(
      ([body]) => body.idempotencyKey,
    );
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('refuses a team name the product does not allow, naming the field, before calling the backend', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);

    await expect(
      action.handler(
        actionContext({ teamName: 'fraud-detection', envType: 'staging' }),
      ),
    ).rejects.toThrow(
      new InputError('EnvType: must be one of dev, test, prod'),
    );
    expect(options.requests.createRequest).not.toHaveBeenCalled();
  });

  it('fails the step with the backend refusal, naming the field', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockRejectedValue(
      new InputError('teamName: you are not a member of team fraud-detection'),
    );
    const action = createSageMakerStudioTeamEnvironmentRequestAction(options);
    const ctx = actionContext(input);

    await expect(action.handler(ctx)).rejects.toThrow(
      'teamName: you are not a member of team fraud-detection',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});

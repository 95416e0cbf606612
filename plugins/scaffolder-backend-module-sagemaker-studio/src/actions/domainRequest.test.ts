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

import { InputError, NotAllowedError } from '@backstage/errors';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  REQUESTS_URL,
  REQUEST_ID,
  actionContext,
  actionOptions,
} from './__testUtils__/actionTestUtils';
import { createSageMakerStudioDomainRequestAction } from './domainRequest';

describe('sagemaker-studio:domain:request', () => {
  const input = {
    StudioDomainName: 'data-science',
    DefaultInstanceType: 'ml.m5.large',
    IdleTimeoutInMinutes: 120,
    MaximumEbsVolumeSizeInGb: 50,
  };

  it('records the request with every parameter as a string', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioDomainRequestAction(options);
    const ctx = actionContext(input);

    await action.handler(ctx);

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      {
        product: 'studioDomain',
        operation: 'provision',
        parameters: {
          StudioDomainName: 'data-science',
          DefaultInstanceType: 'ml.m5.large',
          IdleTimeoutInMinutes: '120',
          MaximumEbsVolumeSizeInGb: '50',
        },
        idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      { credentials: mockCredentials.user() },
    );
    expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
    expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
    expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
  });

  it('leaves out the volume cap when not given and applies the defaults', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioDomainRequestAction(options);

    await action.handler(actionContext({ StudioDomainName: 'data-science' }));

    expect(options.requests.createRequest.mock.calls[0][0].parameters).toEqual({
      StudioDomainName: 'data-science',
      DefaultInstanceType: 'ml.t3.medium',
      IdleTimeoutInMinutes: '60',
    });
  });

  it('previews through the backend in a dry run and records nothing', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioDomainRequestAction(options);
    const ctx = actionContext(input, { isDryRun: true });

    await action.handler(ctx);

    expect(options.requests.createRequest).not.toHaveBeenCalled();
    expect(options.requests.previewRequest).toHaveBeenCalledTimes(1);
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
    expect(ctx.output).toHaveBeenCalledWith(
      'preview',
      expect.objectContaining({ product: 'studioDomain' }),
    );
  });

  it('does not request twice when the task is retried', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioDomainRequestAction(options);
    const checkpoints = new Map<string, unknown>();

    await action.handler(actionContext(input, { checkpoints }));
    await action.handler(actionContext(input, { checkpoints }));

    expect(options.requests.createRequest).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      { IdleTimeoutInMinutes: 30 },
      'IdleTimeoutInMinutes: must be a number from 60 to 525600',
    ],
    [
      { MaximumEbsVolumeSizeInGb: 20000 },
      'MaximumEbsVolumeSizeInGb: must be a number from 5 to 16384',
    ],
    [
      { StudioDomainName: 'data--science-' },
      'StudioDomainName: must be at most 63 letters, digits and single dashes, starting and ending with a letter or digit',
    ],
  ])(
    'refuses %j before calling the backend, naming the field',
    async (change, message) => {
      const options = actionOptions();
      const action = createSageMakerStudioDomainRequestAction(options);

      await expect(
        action.handler(actionContext({ ...input, ...change })),
      ).rejects.toThrow(new InputError(message));
      expect(options.requests.createRequest).not.toHaveBeenCalled();
    },
  );

  it('fails the step when the backend refuses a non-admin', async () => {
    const options = actionOptions();
    options.requests.createRequest.mockRejectedValue(
      new NotAllowedError(
        'only data-science admins may request a Studio domain',
      ),
    );
    const action = createSageMakerStudioDomainRequestAction(options);
    const ctx = actionContext(input);

    await expect(action.handler(ctx)).rejects.toThrow(
      'only data-science admins may request a Studio domain',
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });
});

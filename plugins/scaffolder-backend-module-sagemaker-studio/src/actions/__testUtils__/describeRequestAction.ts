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

/* eslint-disable jest/no-export -- a shared suite: it exports the function that declares the tests and runs none itself */

import { mockCredentials } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { CreateProvisioningRequestBody } from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioActionOptions } from '../submitRequest';
import {
  REQUESTS_URL,
  REQUEST_ID,
  actionContext,
  actionOptions,
} from './actionTestUtils';

const IDEMPOTENCY_KEY = /^[0-9a-f]{64}$/;

/** One request action, as the shared suite drives it. */
export interface RequestActionCase {
  /** The action id; names the describe block and must be the action's id. */
  id: string;
  /** The action factory. */
  create: (options: SageMakerStudioActionOptions) => TemplateAction<any, any>;
  /** A valid input of the action. */
  input: Record<string, unknown>;
  /** The body the action sends for `input`, without the idempotency key. */
  body: Omit<CreateProvisioningRequestBody, 'idempotencyKey' | 'dryRun'>;
  /** A request the backend reports further along, with its entity. */
  reported?: { status: string; entityRef: string };
  /** What the backend refuses the request with; the step must fail with it. */
  refusal: Error;
}

/**
 * The cases every request action shares: the recorded request and its
 * outputs, the dry-run preview, the checkpointed retry, the same idempotency
 * key after a lost checkpoint and the backend's refusal. `specificCases` adds
 * the action's own tests to the same describe block.
 */
export function describeRequestAction(
  action: RequestActionCase,
  specificCases?: () => void,
): void {
  const {
    id,
    create,
    input,
    body,
    refusal,
    reported = { status: 'APPROVED', entityRef: 'resource:default/example' },
  } = action;

  // eslint-disable-next-line jest/valid-title -- the title is the action id from the table
  describe(id, () => {
    it(`records the ${body.operation} request for the initiator and links to it`, async () => {
      const options = actionOptions();
      const subject = create(options);
      const ctx = actionContext(input);

      await subject.handler(ctx);

      expect(subject.id).toBe(id);
      expect(options.requests.createRequest).toHaveBeenCalledWith(
        { ...body, idempotencyKey: expect.stringMatching(IDEMPOTENCY_KEY) },
        { credentials: mockCredentials.user() },
      );
      expect(options.requests.previewRequest).not.toHaveBeenCalled();
      expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
      expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
      expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
      expect(ctx.output).not.toHaveBeenCalledWith(
        'entityRef',
        expect.anything(),
      );
    });

    it('outputs the status and entity the backend reports', async () => {
      const options = actionOptions();
      options.requests.createRequest.mockImplementation(
        async () => ({ id: REQUEST_ID, ...reported } as any),
      );
      const ctx = actionContext(input);

      await create(options).handler(ctx);

      expect(ctx.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
      expect(ctx.output).toHaveBeenCalledWith('status', reported.status);
      expect(ctx.output).toHaveBeenCalledWith('entityRef', reported.entityRef);
    });

    it('previews through the backend in a dry run and records nothing', async () => {
      const options = actionOptions();
      const ctx = actionContext(input, { isDryRun: true });

      await create(options).handler(ctx);

      expect(options.requests.createRequest).not.toHaveBeenCalled();
      expect(options.requests.previewRequest).toHaveBeenCalledTimes(1);
      expect(options.requests.previewRequest).toHaveBeenCalledWith(
        { ...body, idempotencyKey: expect.stringMatching(IDEMPOTENCY_KEY) },
        { credentials: mockCredentials.user() },
      );
      const preview = await options.requests.previewRequest.mock.results[0]
        .value;
      expect(preview).toMatchObject({
        product: body.product,
        operation: body.operation ?? 'provision',
        productVersion: 'v2',
        requiresApproval: true,
      });
      expect(ctx.output).toHaveBeenCalledWith('requestId', 'dry-run');
      expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
      expect(ctx.output).toHaveBeenCalledWith('requestUrl', REQUESTS_URL);
      expect(ctx.output).toHaveBeenCalledWith('preview', preview);
    });

    it('does not request twice when the task is retried', async () => {
      const options = actionOptions();
      const subject = create(options);
      const checkpoints = new Map<string, unknown>();

      await subject.handler(actionContext(input, { checkpoints }));
      const retry = actionContext(input, { checkpoints });
      await subject.handler(retry);

      expect(options.requests.createRequest).toHaveBeenCalledTimes(1);
      expect(retry.output).toHaveBeenCalledWith('requestId', REQUEST_ID);
    });

    it('sends the same idempotency key again when a crash lost the checkpoint', async () => {
      const options = actionOptions();
      const subject = create(options);

      await subject.handler(actionContext(input));
      await subject.handler(actionContext(input));
      await subject.handler(actionContext(input, { taskId: 'task-2' }));

      const keys = options.requests.createRequest.mock.calls.map(
        ([sent]) => sent.idempotencyKey,
      );
      expect(keys).toHaveLength(3);
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).not.toBe(keys[0]);
    });

    it('fails the step with the backend refusal and its message', async () => {
      const options = actionOptions();
      options.requests.createRequest.mockRejectedValue(refusal);
      const ctx = actionContext(input);

      const run = create(options).handler(ctx);

      await expect(run).rejects.toThrow(refusal);
      await expect(run).rejects.toBeInstanceOf(refusal.constructor);
      expect(ctx.output).not.toHaveBeenCalled();
    });

    specificCases?.();
  });
}

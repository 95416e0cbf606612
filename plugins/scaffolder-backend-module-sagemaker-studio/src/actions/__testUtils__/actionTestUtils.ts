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
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  ProvisioningRequest,
  ProvisioningRequestPreview,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioRequestsService } from '@internal/plugin-sagemaker-studio-node';
import { SageMakerStudioActionOptions } from '../submitRequest';

export const APP_BASE_URL = 'http://portal.example.com';
export const REQUESTS_URL = `${APP_BASE_URL}/sagemaker-studio-requests`;
export const REQUEST_ID = '0b7e4c2a-7f5e-4d38-9d1e-2a7f0c3b9e11';

/** A request service whose calls tests can inspect and script. */
export function mockRequestsService(): jest.Mocked<SageMakerStudioRequestsService> {
  return {
    createRequest: jest.fn(
      async (body, _options) =>
        ({
          id: REQUEST_ID,
          product: body.product,
          operation: body.operation ?? 'provision',
          parameters: body.parameters,
          requestedBy: 'user:default/mock',
          status: 'PENDING_APPROVAL',
          createdAt: '2026-11-29T12:00:00.000Z',
          updatedAt: '2026-11-29T12:00:00.000Z',
          events: [],
        } as ProvisioningRequest),
    ),
    previewRequest: jest.fn(
      async (body, _options) =>
        ({
          product: body.product,
          operation: body.operation ?? 'provision',
          teamName: body.teamName,
          productName: 'Product',
          productVersion: 'v2',
          provisionedProductName: 'product-name',
          parameters: { ...body.parameters, TeamName: body.teamName ?? '' },
          requiresApproval: true,
        } as ProvisioningRequestPreview),
    ),
    getRequest: jest.fn(),
  };
}

/** The options an action is built from, with a mock request service. */
export function actionOptions(): SageMakerStudioActionOptions & {
  requests: jest.Mocked<SageMakerStudioRequestsService>;
} {
  return {
    requests: mockRequestsService(),
    config: mockServices.rootConfig({
      data: { app: { baseUrl: `${APP_BASE_URL}/` } },
    }),
  };
}

/**
 * An action context like the mock one, with a real workspace and a
 * checkpoint store that a second run of the same step reads, as after a
 * retry of the task.
 */
export function actionContext(
  input: Record<string, any>,
  options: {
    isDryRun?: boolean;
    checkpoints?: Map<string, unknown>;
    taskId?: string;
  } = {},
): ActionContext<any, any> {
  const mockDir = createMockDirectory();
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const ctx: ActionContext<any, any> = {
    ...(createMockActionContext({
      input,
      workspacePath: mockDir.resolve('workspace'),
      task: { id: options.taskId ?? 'task-1' },
      step: { id: 'request', name: 'Request' },
    }) as unknown as ActionContext<any, any>),
    // The mock context leaves out isDryRun.
    isDryRun: options.isDryRun,
  };
  ctx.checkpoint = (async (opts: {
    key: string;
    fn: () => Promise<unknown>;
  }) => {
    if (checkpoints.has(opts.key)) {
      return checkpoints.get(opts.key);
    }
    const value = await opts.fn();
    checkpoints.set(opts.key, value);
    return value;
  }) as typeof ctx.checkpoint;
  return ctx;
}

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

import { createHash } from 'node:crypto';
import { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  CreateProvisioningRequestBody,
  SAGEMAKER_STUDIO_PRODUCT_INPUTS,
  checkProductInput,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioRequestsService } from '@internal/plugin-sagemaker-studio-node';

/** The app page that lists the signed-in person's requests. */
export const MY_REQUESTS_PATH = '/sagemaker-studio-requests';

/** What every action is built from. */
export interface SageMakerStudioActionOptions {
  /** The client of the backend's request API. */
  requests: SageMakerStudioRequestsService;
  /** Root config; `app.baseUrl` makes the link to the requests page. */
  config: RootConfigService;
}

type RequestBody = Omit<
  CreateProvisioningRequestBody,
  'idempotencyKey' | 'dryRun'
>;

/**
 * Checks the parameters against what the product offers people, the same
 * rules the backend applies, so that a template fails early, naming the field.
 */
export function checkParameters(body: RequestBody): void {
  const specs =
    SAGEMAKER_STUDIO_PRODUCT_INPUTS[body.product][
      body.operation ?? 'provision'
    ];
  for (const [name, value] of Object.entries(body.parameters)) {
    const spec = specs[name];
    if (!spec) {
      throw new InputError(`${name}: not a parameter people may set`);
    }
    const problem = checkProductInput(spec, value);
    if (problem) {
      throw new InputError(`${name}: ${problem}`);
    }
  }
}

/** The same JSON for the same content, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter(k => (value as Record<string, unknown>)[k] !== undefined)
      .map(
        k =>
          `${JSON.stringify(k)}:${canonicalJson(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The checkpoint key of a step: task, step and the request it makes. The
 * idempotency key sent to the backend is its hash, so that a retry of the
 * step after a crash (checkpoint not yet written) finds the request the first
 * attempt recorded instead of making a second one.
 */
export function requestKeys(options: {
  taskId: string;
  stepId?: string;
  body: RequestBody;
}): { checkpointKey: string; idempotencyKey: string } {
  const checkpointKey = `sagemaker-studio-request:${options.taskId}:${
    options.stepId ?? ''
  }:${createHash('sha256').update(canonicalJson(options.body)).digest('hex')}`;
  const idempotencyKey = createHash('sha256')
    .update(checkpointKey)
    .digest('hex');
  return { checkpointKey, idempotencyKey };
}

/**
 * Previews (dry run) or records (checkpointed) one request and writes the
 * outputs every action shares.
 */
export async function submitRequest(options: {
  ctx: ActionContext<any, any>;
  actionOptions: SageMakerStudioActionOptions;
  body: RequestBody;
  /** What is requested, for the log, e.g. `the team environment of fraud-detection`. */
  summary: string;
}): Promise<void> {
  const { ctx, actionOptions, body, summary } = options;
  const requestUrl = `${actionOptions.config
    .getString('app.baseUrl')
    .replace(/\/+$/, '')}${MY_REQUESTS_PATH}`;
  const { checkpointKey, idempotencyKey } = requestKeys({
    taskId: ctx.task.id,
    stepId: ctx.step?.id,
    body,
  });
  const credentials = await ctx.getInitiatorCredentials();

  if (ctx.isDryRun) {
    const preview = await actionOptions.requests.previewRequest(
      { ...body, idempotencyKey },
      { credentials },
    );
    ctx.logger.info(
      `Dry run: would request ${summary}: ${preview.productName} ${
        preview.productVersion
      } as ${preview.provisionedProductName} with ${JSON.stringify(
        preview.parameters,
      )}; ${
        preview.requiresApproval
          ? 'an admin must approve it'
          : 'no approval needed'
      }. Nothing was recorded.`,
    );
    ctx.output('requestId', 'dry-run');
    ctx.output('status', 'DRY_RUN');
    ctx.output('requestUrl', requestUrl);
    ctx.output('preview', preview);
    return;
  }

  ctx.logger.info(`Requesting ${summary}`);
  const recorded = await ctx.checkpoint({
    key: checkpointKey,
    fn: async () => {
      const request = await actionOptions.requests.createRequest(
        { ...body, idempotencyKey },
        { credentials },
      );
      return {
        id: request.id,
        status: request.status,
        ...(request.entityRef && { entityRef: request.entityRef }),
      };
    },
  });

  ctx.logger.info(
    `Request ${recorded.id} is ${recorded.status}; follow it at ${requestUrl}`,
  );
  ctx.output('requestId', recorded.id);
  ctx.output('status', recorded.status);
  ctx.output('requestUrl', requestUrl);
  if (recorded.entityRef) {
    ctx.output('entityRef', recorded.entityRef);
  }
}

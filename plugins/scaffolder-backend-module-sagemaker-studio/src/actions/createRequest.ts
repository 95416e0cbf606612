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
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  SAGEMAKER_STUDIO_PRODUCT_KINDS,
  ProvisioningRequest,
} from '@internal/plugin-sagemaker-studio-common';
import { examples } from './createRequest.examples';

/**
 * Creates a provisioning request for one of the SageMaker Studio products,
 * as the person running the template. Where the approval policy requires it
 * the request waits for an admin; otherwise the backend provisions it.
 *
 * Action id: `sagemaker-studio:request:create`.
 *
 * @public
 */
export function createSageMakerStudioRequestAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: 'sagemaker-studio:request:create',
    description:
      'Requests a SageMaker Studio product (domain, team environment or user profile) through the approval flow',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        product: z =>
          z
            .enum(SAGEMAKER_STUDIO_PRODUCT_KINDS)
            .describe('The product to provision: studioDomain, teamEnvironment or userProfile. No default.'),
        teamName: z =>
          z
            .string()
            .optional()
            .describe('The team the product is for (the TeamName tag). Default: none.'),
        parameters: z =>
          z
            .record(z.string())
            .describe('Service Catalog provisioning parameters, by name. No default.'),
      },
      output: {
        requestId: z => z.string().describe('Id of the provisioning request'),
        status: z => z.string().describe('Status of the request after creation'),
      },
    },
    async handler(ctx) {
      const { product, teamName, parameters } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would request ${product}${teamName ? ` for team ${teamName}` : ''} with ${Object.keys(parameters).length} parameters`,
        );
        ctx.output('requestId', 'dry-run');
        ctx.output('status', 'DRY_RUN');
        return;
      }

      const idempotencyKey = `${ctx.task.id}:${ctx.step?.id ?? ''}:${product}:${teamName ?? ''}`;
      const request = await ctx.checkpoint({
        key: `sagemaker-studio-request-${idempotencyKey}`,
        fn: async () => {
          const { token } = await options.auth.getPluginRequestToken({
            onBehalfOf: await ctx.getInitiatorCredentials(),
            targetPluginId: 'sagemaker-studio',
          });
          const baseUrl = await options.discovery.getBaseUrl('sagemaker-studio');
          const response = await fetch(`${baseUrl}/requests`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify({ product, teamName, parameters, idempotencyKey }),
          });
          if (!response.ok) {
            const error = await ResponseError.fromResponse(response);
            // The step log shows only the message: carry the backend's reason.
            throw new Error(
              `The SageMaker Studio backend refused the request (${response.status}): ${
                error.body?.error?.message ?? error.message
              }`,
            );
          }
          const body = (await response.json()) as ProvisioningRequest;
          return { id: body.id, status: body.status };
        },
      });

      ctx.logger.info(`Request ${request.id} is ${request.status}`);
      ctx.output('requestId', request.id);
      ctx.output('status', request.status);
    },
  });
}

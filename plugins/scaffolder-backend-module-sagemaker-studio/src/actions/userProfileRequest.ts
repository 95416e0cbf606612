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

import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { domainId, envType, requestOutputs, teamName } from './inputProperties';
import {
  SageMakerStudioActionOptions,
  checkParameters,
  submitRequest,
} from './submitRequest';
import { examples } from './userProfileRequest.examples';

/**
 * Requests a Studio user profile for the person running the template, in one
 * of their teams. The backend derives the profile name from the person's
 * catalog entity; it is never an input.
 *
 * Action id: `sagemaker-studio:user-profile:request`.
 *
 * @public
 */
export function createSageMakerStudioUserProfileRequestAction(
  options: SageMakerStudioActionOptions,
) {
  return createTemplateAction({
    id: 'sagemaker-studio:user-profile:request',
    description:
      'Requests a SageMaker Studio user profile for the person running the template',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        teamName,
        domainId,
        envType,
        requireNetworkIsolation: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Whether the profile may only run jobs and models with network isolation. Default: false.',
            ),
      },
      output: requestOutputs,
    },
    async handler(ctx) {
      const {
        teamName: team,
        domainId: domain,
        envType: env = 'dev',
        requireNetworkIsolation = false,
      } = ctx.input;
      const body = {
        product: 'userProfile' as const,
        operation: 'provision' as const,
        teamName: team,
        domainId: domain,
        parameters: {
          EnvType: env,
          RequireNetworkIsolation: String(requireNetworkIsolation),
        },
      };
      checkParameters(body);
      await submitRequest({
        ctx,
        actionOptions: options,
        body,
        summary: `a ${env} user profile in team ${team} on domain ${domain}`,
      });
    },
  });
}

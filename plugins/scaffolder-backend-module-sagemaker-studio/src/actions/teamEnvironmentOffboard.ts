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
import { provisionedProductId, requestOutputs } from './inputProperties';
import { SageMakerStudioActionOptions, submitRequest } from './submitRequest';
import { examples } from './teamEnvironmentOffboard.examples';

/**
 * Requests the termination (offboarding) of a provisioned team environment.
 *
 * Action id: `sagemaker-studio:team-environment:offboard`.
 *
 * @public
 */
export function createSageMakerStudioTeamEnvironmentOffboardAction(
  options: SageMakerStudioActionOptions,
) {
  return createTemplateAction({
    id: 'sagemaker-studio:team-environment:offboard',
    description:
      'Requests the termination of a SageMaker Studio team environment through the approval flow',
    examples,
    supportsDryRun: true,
    schema: {
      input: { provisionedProductId },
      output: requestOutputs,
    },
    async handler(ctx) {
      const { provisionedProductId: id } = ctx.input;
      await submitRequest({
        ctx,
        actionOptions: options,
        body: {
          product: 'teamEnvironment',
          operation: 'terminate',
          provisionedProductId: id,
          parameters: {},
        },
        summary: `the termination of team environment ${id}`,
      });
    },
  });
}

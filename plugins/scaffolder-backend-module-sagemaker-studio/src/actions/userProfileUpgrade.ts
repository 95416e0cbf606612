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
import { examples } from './userProfileUpgrade.examples';

/**
 * Requests the update of a provisioned user profile to the newest version
 * of the user profile product that the platform configures (e.g. v1 to v2),
 * keeping its parameters.
 *
 * Action id: `sagemaker-studio:user-profile:upgrade`.
 *
 * @public
 */
export function createSageMakerStudioUserProfileUpgradeAction(
  options: SageMakerStudioActionOptions,
) {
  return createTemplateAction({
    id: 'sagemaker-studio:user-profile:upgrade',
    description:
      'Requests the update of a SageMaker Studio user profile to the newest configured version',
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
          product: 'userProfile',
          operation: 'update',
          provisionedProductId: id,
          parameters: {},
        },
        summary: `the upgrade of user profile ${id} to the newest version`,
      });
    },
  });
}

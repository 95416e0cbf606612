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
import { envType, requestOutputs, teamName } from './inputProperties';
import {
  SageMakerStudioActionOptions,
  checkParameters,
  submitRequest,
} from './submitRequest';
import { examples } from './teamEnvironmentRequest.examples';

/**
 * Requests the environment of a team (team roles, KMS key, data and model
 * buckets). The requester must belong to the team; an admin approves it.
 *
 * Action id: `sagemaker-studio:team-environment:request`.
 *
 * @public
 */
export function createSageMakerStudioTeamEnvironmentRequestAction(
  options: SageMakerStudioActionOptions,
) {
  return createTemplateAction({
    id: 'sagemaker-studio:team-environment:request',
    description:
      'Requests the SageMaker Studio environment of a team through the approval flow',
    examples,
    supportsDryRun: true,
    schema: {
      input: { teamName, envType },
      output: requestOutputs,
    },
    async handler(ctx) {
      const { teamName: team, envType: env = 'dev' } = ctx.input;
      const body = {
        product: 'teamEnvironment' as const,
        operation: 'provision' as const,
        teamName: team,
        parameters: { EnvType: env },
      };
      checkParameters(body);
      await submitRequest({
        ctx,
        actionOptions: options,
        body,
        summary: `the ${env} team environment of ${team}`,
      });
    },
  });
}

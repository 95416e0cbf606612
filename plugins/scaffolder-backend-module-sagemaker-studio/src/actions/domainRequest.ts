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
import { SAGEMAKER_STUDIO_PRODUCT_INPUTS } from '@internal/plugin-sagemaker-studio-common';
import { requestOutputs } from './inputProperties';
import {
  SageMakerStudioActionOptions,
  checkParameters,
  submitRequest,
} from './submitRequest';
import { examples } from './domainRequest.examples';

const DOMAIN_INPUTS = SAGEMAKER_STUDIO_PRODUCT_INPUTS.studioDomain.provision;
const INSTANCE_TYPES = DOMAIN_INPUTS.DefaultInstanceType.allowedValues as [
  string,
  ...string[],
];

/**
 * Requests a new SageMaker Studio domain (the studio domain product). Only
 * data-science admins may; the backend refuses anyone else.
 *
 * Action id: `sagemaker-studio:domain:request`.
 *
 * @public
 */
export function createSageMakerStudioDomainRequestAction(
  options: SageMakerStudioActionOptions,
) {
  return createTemplateAction({
    id: 'sagemaker-studio:domain:request',
    description:
      'Requests a new SageMaker Studio domain (admins only) through the approval flow',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        StudioDomainName: z =>
          z
            .string()
            .regex(
              new RegExp(DOMAIN_INPUTS.StudioDomainName.pattern!),
              DOMAIN_INPUTS.StudioDomainName.patternDescription,
            )
            .describe(
              'Name of the Studio domain: at most 63 letters, digits and single dashes. No default.',
            ),
        DefaultInstanceType: z =>
          z
            .enum(INSTANCE_TYPES)
            .default('ml.t3.medium')
            .describe(
              `Default instance type of JupyterLab spaces, one of ${INSTANCE_TYPES.join(
                ', ',
              )}. Default: ml.t3.medium.`,
            ),
        IdleTimeoutInMinutes: z =>
          z
            .number()
            .int()
            .default(60)
            .describe(
              'Minutes of idleness after which JupyterLab apps stop, 60 to 525600. Default: 60.',
            ),
        MaximumEbsVolumeSizeInGb: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Largest EBS volume a space may have, in GB, 5 to 16384. Default: the product default (100).',
            ),
      },
      output: requestOutputs,
    },
    async handler(ctx) {
      const {
        StudioDomainName,
        DefaultInstanceType = 'ml.t3.medium',
        IdleTimeoutInMinutes = 60,
        MaximumEbsVolumeSizeInGb,
      } = ctx.input;
      const parameters: Record<string, string> = {
        StudioDomainName,
        DefaultInstanceType,
        IdleTimeoutInMinutes: String(IdleTimeoutInMinutes),
        ...(MaximumEbsVolumeSizeInGb !== undefined && {
          MaximumEbsVolumeSizeInGb: String(MaximumEbsVolumeSizeInGb),
        }),
      };
      const body = {
        product: 'studioDomain' as const,
        operation: 'provision' as const,
        parameters,
      };
      checkParameters(body);
      await submitRequest({
        ctx,
        actionOptions: options,
        body,
        summary: `the Studio domain ${StudioDomainName}`,
      });
    },
  });
}

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

import { SageMakerStudioProductKind } from './products';
import { ProvisioningOperation } from './types';

/**
 * The shape of one parameter a person may give: the same constraints as the
 * CloudFormation parameter of the product (the backend also checks the
 * product's own constraints from `DescribeProvisioningParameters`).
 *
 * @public
 */
export interface ProductInputSpec {
  description: string;
  pattern?: string;
  /** What the pattern means, for error messages. */
  patternDescription?: string;
  allowedValues?: string[];
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
}

/**
 * A team name: the `TeamName` tag and part of every team resource's name.
 * The same limit as the CloudFormation parameter (at most 20 characters).
 *
 * @public
 */
export const SAGEMAKER_STUDIO_TEAM_NAME_PATTERN = '^[a-z][a-z0-9-]{1,19}$';

/**
 * A Studio user profile name (at most 24 characters; it also names the
 * execution role), as the user profile product allows it.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PROFILE_NAME_PATTERN =
  '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,23}$';

const ENV_TYPE: ProductInputSpec = {
  description: 'Environment type (the EnvType tag)',
  allowedValues: ['dev', 'test', 'prod'],
};

/**
 * The parameters each product offers to people, per operation. Anything else
 * in a request is refused with the field named: the platform sets
 * `SharedServicesName`, `TrustedPrincipalArn`, `BreakGlassRoleArn`, the image
 * settings and `StudioDomainId` from config or from checked request fields,
 * and the backend derives `TeamName`, `StudioUserProfileName` and
 * `OwnerEmail` from the catalog.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PRODUCT_INPUTS: Record<
  SageMakerStudioProductKind,
  Record<ProvisioningOperation, Record<string, ProductInputSpec>>
> = {
  studioDomain: {
    provision: {
      StudioDomainName: {
        description: 'Name of the Studio domain',
        pattern: '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$',
        patternDescription:
          'at most 63 letters, digits and single dashes, starting and ending with a letter or digit',
        maxLength: 63,
      },
      DefaultInstanceType: {
        description: 'Default instance type of JupyterLab spaces',
        allowedValues: [
          'ml.t3.medium',
          'ml.t3.large',
          'ml.t3.xlarge',
          'ml.m5.large',
          'ml.m5.xlarge',
          'ml.m5.2xlarge',
        ],
      },
      IdleTimeoutInMinutes: {
        description: 'Minutes of idleness after which JupyterLab apps stop',
        pattern: '^[0-9]{1,6}$',
        patternDescription: 'a whole number',
        minValue: 60,
        maxValue: 525600,
      },
      MaximumEbsVolumeSizeInGb: {
        description: 'Largest EBS volume a space may have, in GB',
        pattern: '^[0-9]{1,5}$',
        patternDescription: 'a whole number',
        minValue: 5,
        maxValue: 16384,
      },
    },
    update: {},
    terminate: {},
  },
  teamEnvironment: {
    provision: { EnvType: ENV_TYPE },
    update: {},
    terminate: {},
  },
  userProfile: {
    provision: {
      EnvType: ENV_TYPE,
      RequireNetworkIsolation: {
        description:
          'true = the profile may only run jobs and models with network isolation',
        allowedValues: ['true', 'false'],
      },
    },
    update: {},
    terminate: {},
  },
};

/**
 * Parameters only the platform sets (from config or derived on the server).
 * A request that carries one is refused, naming it.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PLATFORM_PARAMETERS = [
  'SharedServicesName',
  'TrustedPrincipalArn',
  'BreakGlassRoleArn',
  'StudioDomainId',
  'TeamName',
  'StudioUserProfileName',
  'OwnerEmail',
  'CustomImageUri',
  'CustomImageName',
  'AppImageConfigName',
] as const;

/**
 * Checks one value against its spec; returns what is wrong, or undefined.
 *
 * @public
 */
export function checkProductInput(
  spec: ProductInputSpec,
  value: string,
): string | undefined {
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    return `must be at most ${spec.maxLength} characters`;
  }
  if (spec.allowedValues && !spec.allowedValues.includes(value)) {
    return `must be one of ${spec.allowedValues.join(', ')}`;
  }
  if (spec.pattern && !new RegExp(spec.pattern).test(value)) {
    return `must be ${
      spec.patternDescription ?? `of the form ${spec.pattern}`
    }`;
  }
  if (spec.minValue !== undefined || spec.maxValue !== undefined) {
    const n = Number(value);
    if (
      !Number.isFinite(n) ||
      (spec.minValue !== undefined && n < spec.minValue) ||
      (spec.maxValue !== undefined && n > spec.maxValue)
    ) {
      return `must be a number from ${spec.minValue ?? '-∞'} to ${
        spec.maxValue ?? '∞'
      }`;
    }
  }
  return undefined;
}

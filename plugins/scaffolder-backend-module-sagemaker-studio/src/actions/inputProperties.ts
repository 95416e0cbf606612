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

import { z as zod } from 'zod/v3';
import {
  SAGEMAKER_STUDIO_PRODUCT_INPUTS,
  SAGEMAKER_STUDIO_TEAM_NAME_PATTERN,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * The zod the scaffolder hands to schema functions: `zod/v3` of zod 4, as in
 * `@backstage/plugin-scaffolder-node` (zod 3's own types are not compatible).
 */
type Zod = typeof zod;

const ENV_TYPES = SAGEMAKER_STUDIO_PRODUCT_INPUTS.teamEnvironment.provision
  .EnvType.allowedValues as [string, ...string[]];

// Input fields shared by several actions.

export const teamName = (z: Zod) =>
  z
    .string()
    .regex(
      new RegExp(SAGEMAKER_STUDIO_TEAM_NAME_PATTERN),
      'must be 2-20 lower-case letters, digits and dashes, starting with a letter',
    )
    .describe(
      'The team (the TeamName tag): the sagemaker-studio.aws/team annotation of one of your groups, ' +
        `matching ${SAGEMAKER_STUDIO_TEAM_NAME_PATTERN}. No default.`,
    );

export const envType = (z: Zod) =>
  z
    .enum(ENV_TYPES)
    .default('dev')
    .describe(
      `Environment type (the EnvType tag), one of ${ENV_TYPES.join(
        ', ',
      )}. Default: dev.`,
    );

export const domainId = (z: Zod) =>
  z
    .string()
    .regex(
      /^d-[a-z0-9]{1,63}$/,
      'must be a Studio domain id such as d-abc123def456: the sagemaker-studio.aws/domain-id annotation of the domain Resource, not its entity name (d-…-<account>-<region> outside the home account) or entity ref',
    )
    .describe(
      'Id of the Studio domain the profile joins, e.g. d-abc123def456: the sagemaker-studio.aws/domain-id annotation of a domain Resource of the home account and region (label sagemaker-studio.aws/home), where profiles are launched. Not the entity name, which outside the home account ends in -<account>-<region>. No default.',
    );

export const provisionedProductId = (z: Zod) =>
  z
    .string()
    .regex(
      /^pp-[a-zA-Z0-9]+$/,
      'must be a Service Catalog provisioned product id such as pp-abcdefghijklm',
    )
    .describe(
      'Id of the provisioned product to act on (the sagemaker-studio.aws/provisioned-product-id annotation of its catalog entity). No default.',
    );

// Output fields of every action.

export const requestId = (z: Zod) =>
  z
    .string()
    .describe('Id of the provisioning request (`dry-run` in a dry run)');

export const status = (z: Zod) =>
  z
    .string()
    .describe(
      'Status of the request once recorded, e.g. PENDING_APPROVAL or APPROVED (`DRY_RUN` in a dry run)',
    );

export const requestUrl = (z: Zod) =>
  z.string().describe('Link to the "My Studio requests" page of the app');

export const entityRef = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      'Catalog entity of the product, when the backend already reports it (e.g. a request answered again after it succeeded). Default: absent.',
    );

export const preview = (z: Zod) =>
  z
    .object({
      product: z.string(),
      operation: z.string(),
      productName: z.string(),
      productVersion: z.string(),
      provisionedProductName: z.string(),
      parameters: z.record(z.string()),
      requiresApproval: z.boolean(),
      teamName: z.string().optional(),
      requestedFor: z.string().optional(),
    })
    .optional()
    .describe(
      'Dry run only: the request as the backend would record it (product, version, parameters, whether an admin must approve it). Default: absent.',
    );

/** The outputs every action declares. */
export const requestOutputs = {
  requestId,
  status,
  requestUrl,
  entityRef,
  preview,
};

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
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  ComplianceFindingView,
  SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * What a compliance permission condition becomes in the store: findings
 * attributed to one of these teams (none when the list is empty).
 *
 * @public
 */
export type ComplianceFindingQuery = {
  teams: string[];
};

/**
 * The compliance finding resource of the permission framework.
 *
 * @public
 */
export const complianceFindingPermissionResourceRef =
  createPermissionResourceRef<
    ComplianceFindingView,
    ComplianceFindingQuery
  >().with({
    pluginId: 'sagemaker-studio',
    resourceType: SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
  });

/**
 * The parameters of `HAS_TEAM`, as a Standard Schema with its JSON Schema
 * (what the permission framework validates and publishes). Written out
 * because this package's zod (3) does not convert to JSON Schema.
 */
const HAS_TEAM_JSON_SCHEMA = {
  type: 'object',
  properties: {
    teams: {
      type: 'array',
      items: { type: 'string' },
      description: 'Team names (the TeamName tag) whose findings are allowed',
    },
  },
  required: ['teams'],
  additionalProperties: false,
};

const hasTeamParams = {
  '~standard': {
    version: 1 as const,
    vendor: 'sagemaker-studio',
    validate(value: unknown) {
      const teams = (value as { teams?: unknown } | null)?.teams;
      const keys =
        value && typeof value === 'object' ? Object.keys(value) : undefined;
      if (
        !keys ||
        keys.some(k => k !== 'teams') ||
        !Array.isArray(teams) ||
        teams.some(t => typeof t !== 'string')
      ) {
        return {
          issues: [
            {
              message: 'expected { teams: string[] }',
              path: ['teams'],
            },
          ],
        };
      }
      return { value: { teams: teams as string[] } };
    },
    jsonSchema: {
      input: () => HAS_TEAM_JSON_SCHEMA,
      output: () => HAS_TEAM_JSON_SCHEMA,
    },
  },
};

/**
 * `HAS_TEAM`: findings of resources attributed to one of the given teams
 * (the `TeamName` tag, else the execution role's team). Unattributed
 * findings match no team.
 *
 * @public
 */
export const hasTeam = createPermissionRule<
  typeof complianceFindingPermissionResourceRef,
  ComplianceFindingQuery
>({
  name: 'HAS_TEAM',
  description:
    'Allow compliance findings of SageMaker resources attributed to one of the given teams',
  resourceRef: complianceFindingPermissionResourceRef,
  paramsSchema: hasTeamParams,
  apply: (finding, { teams }) =>
    Boolean(finding.team && teams.includes(finding.team)),
  toQuery: ({ teams }) => ({ teams }),
});

/**
 * Every rule of the compliance finding resource.
 *
 * @public
 */
export const sageMakerStudioComplianceRules = { hasTeam };

const exported = createConditionExports({
  resourceRef: complianceFindingPermissionResourceRef,
  rules: sageMakerStudioComplianceRules,
});

/**
 * Conditions for policies, one per rule.
 *
 * @example
 * A policy that lets people read the findings of their own teams:
 * ```ts
 * if (isPermission(request.permission, sageMakerStudioComplianceReadPermission)) {
 *   return createSageMakerStudioComplianceConditionalDecision(
 *     request.permission,
 *     sageMakerStudioComplianceConditions.hasTeam({ teams: ['fraud-detection'] }),
 *   );
 * }
 * ```
 *
 * @public
 */
export const sageMakerStudioComplianceConditions = exported.conditions;

/**
 * Wraps compliance conditions in a conditional decision, see
 * {@link sageMakerStudioComplianceConditions}.
 *
 * @public
 */
export const createSageMakerStudioComplianceConditionalDecision =
  exported.createConditionalDecision;

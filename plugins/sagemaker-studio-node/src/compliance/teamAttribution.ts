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
  COMPLIANCE_TEAM_TAG_KEY,
  SageMakerWorkload,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';

/** `TeamName` as the team environment template allows it. */
const TEAM = '[a-z][a-z0-9-]{1,19}';
/** `EnvType` as the team environment template allows it (no hyphen). */
const ENV = '[a-z][a-z0-9]{1,7}';
/** `ds-team-admin-<team>-<env>` and `ds-team-user-<team>-<env>`. */
const TEAM_ROLE = new RegExp(`^ds-team-(?:admin|user)-(${TEAM})-(${ENV})$`);
/** `ds-exec-<team>-<env>-<profile>`: team and profile may both hold hyphens. */
const EXEC_ROLE_PREFIX = 'ds-exec-';
const ENV_ONLY = new RegExp(`^${ENV}$`);
const TEAM_ONLY = new RegExp(`^${TEAM}$`);
/** Environment types that the templates and their docs use, preferred when a name splits several ways. */
const USUAL_ENV_TYPES = ['dev', 'test', 'prod'];

/**
 * The team of an IAM role, from the role naming convention of the team
 * environment and user profile templates (`cloudformation/products`):
 * `ds-team-admin-<team>-<env>`, `ds-team-user-<team>-<env>` and
 * `ds-exec-<team>-<env>-<profile>` (any path). An execution role name whose
 * split is ambiguous (`ds-exec-a-b-dev-c-d`) is read with the usual
 * environment types first (dev, test, prod), then with the shortest team.
 * Undefined for any other role.
 *
 * @public
 */
export function teamOfRoleArn(roleArn: string | undefined): string | undefined {
  if (!roleArn) return undefined;
  const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const teamRole = TEAM_ROLE.exec(name);
  if (teamRole) return teamRole[1];
  if (!name.startsWith(EXEC_ROLE_PREFIX)) return undefined;
  const parts = name.slice(EXEC_ROLE_PREFIX.length).split('-');
  const candidates: Array<{ team: string; env: string }> = [];
  // parts = team parts…, env, profile parts…; the profile has at least one part.
  for (let envIndex = 1; envIndex < parts.length - 1; envIndex++) {
    const team = parts.slice(0, envIndex).join('-');
    const env = parts[envIndex];
    if (TEAM_ONLY.test(team) && ENV_ONLY.test(env)) {
      candidates.push({ team, env });
    }
  }
  const usual = candidates.find(c => USUAL_ENV_TYPES.includes(c.env));
  return (usual ?? candidates[0])?.team;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * The execution role of a resource, read from its Describe output or Search
 * record (transform jobs and endpoint configurations have none).
 *
 * @public
 */
export function executionRoleOf(
  kind: SageMakerWorkloadKind,
  output: unknown,
): string | undefined {
  switch (kind) {
    case 'HyperParameterTuningJob': {
      const single = field(output, 'TrainingJobDefinition');
      const many = field(output, 'TrainingJobDefinitions');
      return (
        text(field(single, 'RoleArn')) ??
        (Array.isArray(many) ? text(field(many[0], 'RoleArn')) : undefined)
      );
    }
    case 'Model':
      return text(field(output, 'ExecutionRoleArn'));
    case 'Domain':
      return text(field(field(output, 'DefaultUserSettings'), 'ExecutionRole'));
    case 'UserProfile':
      return text(field(field(output, 'UserSettings'), 'ExecutionRole'));
    default:
      return text(field(output, 'RoleArn'));
  }
}

/**
 * The team a resource is attributed to: its `TeamName` tag, else the team
 * of its execution role, else none.
 *
 * @public
 */
export function attributeTeam(
  workload: Pick<SageMakerWorkload, 'tags'>,
  roleArn: string | undefined,
): { team?: string; by?: 'tag' | 'role' } {
  const tagged = workload.tags[COMPLIANCE_TEAM_TAG_KEY];
  if (tagged) return { team: tagged, by: 'tag' };
  const team = teamOfRoleArn(roleArn);
  return team ? { team, by: 'role' } : {};
}

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
import { globMatches, PolicyRequest, statementApplies, statementCoversAction } from './iam/evaluatePolicy';
import { conditionValues, PolicyStatement } from './iam/policyStatements';
import { allIdentityPolicies, identityPolicies, properties, resourcesOfType } from './iam/templatePolicies';
import { renderValue } from './renderValue';
import { TEAM_ENVIRONMENT_FILE, templatesMatching, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const PRESIGNED_URL = 'sagemaker:CreatePresignedDomainUrl';
const CALLER = 'the-caller';
const SOMEONE_ELSE = 'someone-else';

function profileArn(domain: string, profile: string): string {
  return `arn:aws:sagemaker:\${AWS::Region}:\${AWS::AccountId}:user-profile/${domain}/${profile}`;
}

/** Domain IDs a statement names in its user-profile ARNs, plus an arbitrary one. */
function domainsNamedBy(statement: PolicyStatement): string[] {
  const named = (statement.resources ?? [])
    .map(resource => /:user-profile\/([^/]+)\//.exec(resource)?.[1])
    .filter((domain): domain is string => domain !== undefined && !domain.includes('*'));
  return [...new Set([...named, 'd-example'])];
}

/**
 * Requests for somebody else's profile, in the caller's own team: the
 * resource tags say same team and environment, the profile name and its
 * tag say someone else, the caller's session tag says the caller.
 */
function requestsForAnotherProfile(statement: PolicyStatement): PolicyRequest[] {
  return domainsNamedBy(statement).flatMap(domain =>
    [SOMEONE_ELSE, '${StudioUserProfileName}-other'].map(profile => ({
      action: PRESIGNED_URL,
      resource: profileArn(domain, profile),
      context: {
        'aws:PrincipalTag/StudioUserProfileName': [CALLER],
        'aws:ResourceTag/TeamName': ['${TeamName}'],
        'aws:ResourceTag/EnvironmentType': ['${EnvType}'],
        'aws:ResourceTag/StudioUserProfileName': [profile],
      },
    })),
  );
}

/** PRESIGNED_URL_OWN_PROFILE: a presigned Studio URL only for the caller's own profile. */
export const presignedUrlOwnProfile: SecurityRule = {
  name: 'PRESIGNED_URL_OWN_PROFILE',
  check({ set }) {
    const violations = new Violations('PRESIGNED_URL_OWN_PROFILE');
    for (const template of set.templates) {
      for (const policy of identityPolicies(template)) {
        for (const statement of policy.statements) {
          if (statement.effect !== 'Allow' || !statementCoversAction(statement, PRESIGNED_URL)) continue;
          const label = statement.sid ?? 'a statement';
          if ((statement.resources ?? []).includes('*') || statement.notResources) {
            violations.add(template, policy.sourceId, `${label} allows ${PRESIGNED_URL} on every resource`);
            continue;
          }
          const leaks = requestsForAnotherProfile(statement).filter(request => statementApplies(statement, request));
          if (leaks.length > 0) {
            violations.add(template, policy.sourceId, `${label} allows ${PRESIGNED_URL} for another user's profile (${leaks[0].resource})`);
          }
        }
      }
    }
    return violations.findings;
  },
};

const SAGEMAKER_WRITE_SAMPLES = [
  'CreateTrainingJob', 'CreateDomain', 'CreateUserProfile', 'CreateModel', 'CreatePresignedDomainUrl',
  'UpdateDomain', 'UpdateUserProfile', 'UpdateEndpoint', 'DeleteDomain', 'DeleteUserProfile', 'DeleteModel',
  'StopTrainingJob', 'StopNotebookInstance', 'StartPipelineExecution', 'StartNotebookInstance', 'AddTags',
].map(action => `sagemaker:${action}`);

function grantsSageMakerWrite(statement: PolicyStatement): boolean {
  return SAGEMAKER_WRITE_SAMPLES.some(action => statementCoversAction(statement, action));
}

function scopedToTeam(statement: PolicyStatement): boolean {
  const resources = statement.resources ?? [];
  if (resources.length > 0 && resources.every(resource => resource.includes('${TeamName}'))) return true;
  return ['aws:ResourceTag/TeamName', 'aws:RequestTag/TeamName'].some(key =>
    (conditionValues(statement, 'StringEquals', key) ?? []).includes('${TeamName}'),
  );
}

/** TEAM_ADMIN_SCOPED: the team roles have no account-wide power. */
export const teamAdminScoped: SecurityRule = {
  name: 'TEAM_ADMIN_SCOPED',
  check({ set }) {
    const violations = new Violations('TEAM_ADMIN_SCOPED');
    for (const template of templatesMatching(set, TEAM_ENVIRONMENT_FILE)) {
      const teamRoles = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) => /admin|user/i.test(id));
      for (const [roleId, role] of teamRoles) {
        const managed = properties(role).ManagedPolicyArns;
        for (const arn of (Array.isArray(managed) ? managed : []).map(v => renderValue(v, template))) {
          if (/FullAccess|PowerUser|AdministratorAccess/.test(arn)) {
            violations.add(template, roleId, `attaches the managed policy ${arn}`);
          }
        }
        for (const policy of identityPolicies(template).filter(p => p.roleIds.includes(roleId))) {
          for (const statement of policy.statements.filter(s => s.effect === 'Allow')) {
            const label = `${policy.sourceId}${statement.sid ? `/${statement.sid}` : ''}`;
            const wildcardActions = (statement.actions ?? []).filter(a => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
            const everyResource = (statement.resources ?? []).includes('*') || statement.notResources !== undefined;
            if ((wildcardActions.length > 0 || statement.notActions) && everyResource) {
              violations.add(template, roleId, `${label} allows ${wildcardActions.join(', ') || 'NotAction'} on every resource`);
            }
            if (grantsSageMakerWrite(statement) && !scopedToTeam(statement)) {
              violations.add(template, roleId, `${label} allows SageMaker write actions (${(statement.actions ?? []).join(', ')}) without naming the team in the ARNs or a TeamName tag condition`);
            }
          }
        }
      }
    }
    return violations.findings;
  },
};

/** PASSROLE_SCOPED: iam:PassRole only on named roles and only to a named service. */
export const passRoleScoped: SecurityRule = {
  name: 'PASSROLE_SCOPED',
  check({ set }) {
    const violations = new Violations('PASSROLE_SCOPED');
    for (const template of set.templates) {
      // A boundary that allowed PassRole broadly would let any role under it pass any role.
      for (const policy of allIdentityPolicies(template)) {
        for (const statement of policy.statements) {
          if (statement.effect !== 'Allow' || !statementCoversAction(statement, 'iam:PassRole')) continue;
          const label = statement.sid ?? 'a statement';
          const resources = statement.resources ?? [];
          const roleIds = new Set(resourcesOfType(template, 'AWS::IAM::Role').map(([id]) => id));
          const namesRole = (r: string) =>
            /:role\//.test(r) ||
            /role/i.test(r) && r.startsWith('${Import:') ||
            roleIds.has(/^\$\{([^.}]+)\.Arn\}$/.exec(r)?.[1] ?? '');
          const unnamed = resources.filter(r => r === '*' || !namesRole(r) || globMatches(r, 'arn:aws:iam::123456789012:role/anything'));
          if (resources.length === 0 || unnamed.length > 0) {
            violations.add(template, policy.sourceId, `${label} allows iam:PassRole on ${unnamed.join(', ') || 'no named role'}, not on named role ARNs`);
          }
          if (!(conditionValues(statement, 'StringEquals', 'iam:PassedToService') ?? []).length) {
            violations.add(template, policy.sourceId, `${label} allows iam:PassRole without StringEquals iam:PassedToService`);
          }
        }
      }
    }
    return violations.findings;
  },
};

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
import { statementCoversAction } from './iam/evaluatePolicy';
import { conditionKeys, conditionValues, PolicyStatement, policyStatements } from './iam/policyStatements';
import { properties, resourcesOfType } from './iam/templatePolicies';
import { isTrue, nestedKeys, TEAM_ENVIRONMENT_FILE, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const CRYPTOGRAPHIC_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:CreateGrant',
];
const GRANT_ACTIONS = new Set(['kms:creategrant', 'kms:listgrants', 'kms:revokegrant']);

/**
 * The statement that hands the key to the account's IAM as a whole: the
 * account root as principal, not narrowed to some principals or services
 * by a condition (statements that are narrowed are user statements).
 */
function isAccountRootStatement(statement: PolicyStatement): boolean {
  const root = (statement.principals ?? []).some(
    principal => /:root$/.test(principal) || principal === '${AWS::AccountId}',
  );
  const narrowed = conditionKeys(statement).some(key =>
    ['aws:principalarn', 'kms:viaservice', 'kms:grantisforawsresource'].includes(key) || key.startsWith('aws:principaltag/'),
  );
  return root && !narrowed;
}

function isGrantOnlyForAwsResources(statement: PolicyStatement): boolean {
  const grantOnly = (statement.actions ?? []).every(action => GRANT_ACTIONS.has(action.toLowerCase()));
  const forResource = conditionValues(statement, 'Bool', 'kms:GrantIsForAWSResource');
  return grantOnly && statement.actions !== undefined && (forResource ?? []).some(isTrue);
}

/** KMS_NO_SOURCEVPCE: key policies never test aws:SourceVpce / aws:SourceVpc. */
export const kmsNoSourceVpce: SecurityRule = {
  name: 'KMS_NO_SOURCEVPCE',
  check({ set }) {
    const violations = new Violations('KMS_NO_SOURCEVPCE');
    for (const template of set.templates) {
      for (const [keyId, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
        const found = [...nestedKeys(properties(key).KeyPolicy)].filter(k => /^aws:sourcevpce?$/i.test(k));
        if (found.length > 0) {
          violations.add(template, keyId, `the key policy uses ${[...new Set(found)].join(', ')}, which never matches KMS calls made through an S3 gateway endpoint`);
        }
      }
    }
    return violations.findings;
  },
};

/** KMS_VIA_SERVICE: cryptographic use only via a service, never by the account root. */
export const kmsViaService: SecurityRule = {
  name: 'KMS_VIA_SERVICE',
  check({ set }) {
    const violations = new Violations('KMS_VIA_SERVICE');
    for (const template of set.templates) {
      const isTeamEnvironment = TEAM_ENVIRONMENT_FILE.test(template.file);
      for (const [keyId, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
        const statements = policyStatements(properties(key).KeyPolicy, template);
        statements.forEach((statement, index) => {
          if (statement.effect !== 'Allow') return;
          const label = statement.sid ?? `statement ${index + 1}`;
          const covered = CRYPTOGRAPHIC_ACTIONS.filter(action => statementCoversAction(statement, action));
          if (covered.length === 0) return;
          if (isAccountRootStatement(statement)) {
            violations.add(template, keyId, `${label}: the account-root statement allows cryptographic actions (${covered.join(', ')}); it may only administer the key`);
            return;
          }
          const keys = conditionKeys(statement);
          if (!keys.includes('kms:viaservice') && !isGrantOnlyForAwsResources(statement)) {
            violations.add(template, keyId, `${label}: allows ${covered.join(', ')} without a kms:ViaService condition`);
          }
          if (isTeamEnvironment && !keys.includes('aws:principalarn')) {
            violations.add(template, keyId, `${label}: the team key's user statement is not restricted to the team's roles with aws:PrincipalArn`);
          }
        });
      }
    }
    return violations.findings;
  },
};

/** KMS_KEY_ROTATION: every key rotates. */
export const kmsKeyRotation: SecurityRule = {
  name: 'KMS_KEY_ROTATION',
  check({ set }) {
    const violations = new Violations('KMS_KEY_ROTATION');
    for (const template of set.templates) {
      for (const [keyId, key] of resourcesOfType(template, 'AWS::KMS::Key')) {
        if (!isTrue(properties(key).EnableKeyRotation)) {
          violations.add(template, keyId, 'EnableKeyRotation is not true');
        }
      }
    }
    return violations.findings;
  },
};

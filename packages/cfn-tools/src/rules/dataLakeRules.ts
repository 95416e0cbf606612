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
import type { ParsedTemplate } from '../template/types';
import { evaluatePolicy, PolicyRequest, statementCoversAction } from './iam/evaluatePolicy';
import { conditionKeys, PolicyStatement } from './iam/policyStatements';
import { bucketPolicyStatements, identityPolicies, resourcesOfType } from './iam/templatePolicies';
import { DATA_LAKE_FILE, templatesMatching, USER_PROFILE_FILE, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const TEAM_MEMBER = 'arn:aws:iam::111122223333:role/alpha-team-member';

function lakeBuckets(template: ParsedTemplate): string[] {
  const all = resourcesOfType(template, 'AWS::S3::Bucket').map(([id]) => id);
  const lakes = all.filter(id => /lake/i.test(id));
  return lakes.length > 0 ? lakes : all.slice(0, 1);
}

function valuesOf(statements: PolicyStatement[], key: string, operator?: RegExp): string[] {
  return statements.flatMap(s =>
    Object.entries(s.conditions)
      .filter(([op]) => !operator || operator.test(op))
      .flatMap(([, keys]) => Object.entries(keys).filter(([k]) => k.toLowerCase() === key.toLowerCase()).flatMap(([, v]) => v)),
  );
}

/** DATALAKE_LISTING_SCOPED: teams list and read only shared/ and their own teams/<team>/ prefixes. */
export const dataLakeListingScoped: SecurityRule = {
  name: 'DATALAKE_LISTING_SCOPED',
  check({ set }) {
    const violations = new Violations('DATALAKE_LISTING_SCOPED');
    for (const template of templatesMatching(set, DATA_LAKE_FILE)) {
      for (const bucketId of lakeBuckets(template)) {
        const statements = bucketPolicyStatements(template, bucketId);
        const bucketArn = `arn:aws:s3:::\${${bucketId}}`;
        const endpoint = valuesOf(statements, 'aws:SourceVpce')[0];
        const admins = valuesOf(statements.filter(s => s.effect === 'Deny'), 'aws:PrincipalArn', /^ArnNotLike/);
        const request = (action: string, resource: string, principal: string, extra: Record<string, string[]> = {}): PolicyRequest => ({
          action,
          resource,
          principal,
          context: {
            'aws:SecureTransport': ['true'],
            'aws:PrincipalAccount': ['${AWS::AccountId}'],
            'aws:PrincipalArn': [principal],
            'aws:PrincipalTag/TeamName': ['alpha'],
            ...(endpoint ? { 'aws:SourceVpce': [endpoint] } : {}),
            ...extra,
          },
        });
        const cases: Array<[string, PolicyRequest, boolean]> = [
          ["listing another team's prefix", request('s3:ListBucket', bucketArn, TEAM_MEMBER, { 's3:prefix': ['teams/beta/'] }), true],
          ["reading another team's object", request('s3:GetObject', `${bucketArn}/teams/beta/data.csv`, TEAM_MEMBER), true],
          ["writing another team's object", request('s3:PutObject', `${bucketArn}/teams/beta/data.csv`, TEAM_MEMBER), true],
          ['writing into shared/', request('s3:PutObject', `${bucketArn}/shared/data.csv`, TEAM_MEMBER), true],
          ["deleting another team's object", request('s3:DeleteObject', `${bucketArn}/teams/beta/data.csv`, TEAM_MEMBER), true],
          ["writing the caller's own team objects", request('s3:PutObject', `${bucketArn}/teams/alpha/data.csv`, TEAM_MEMBER), false],
          ['listing shared/', request('s3:ListBucket', bucketArn, TEAM_MEMBER, { 's3:prefix': ['shared/'] }), false],
          ["listing the caller's own teams/alpha/", request('s3:ListBucket', bucketArn, TEAM_MEMBER, { 's3:prefix': ['teams/alpha/'] }), false],
          ['reading shared/ objects', request('s3:GetObject', `${bucketArn}/shared/data.csv`, TEAM_MEMBER), false],
          ["reading the caller's own team objects", request('s3:GetObject', `${bucketArn}/teams/alpha/data.csv`, TEAM_MEMBER), false],
        ];
        if (admins.length === 0) {
          violations.add(template, bucketId, 'no ArnNotLike aws:PrincipalArn exception for the data-science admin role');
        } else {
          cases.push(["the admin listing a team's prefix", request('s3:ListBucket', bucketArn, admins[0], { 's3:prefix': ['teams/beta/'] }), false]);
        }
        for (const [description, req, shouldDeny] of cases) {
          const denied = evaluatePolicy(statements, req) === 'explicit-deny';
          if (denied !== shouldDeny) {
            violations.add(template, bucketId, `${description} is ${denied ? '' : 'not '}denied by the bucket policy`);
          }
        }
      }
    }
    for (const template of templatesMatching(set, USER_PROFILE_FILE)) {
      for (const policy of identityPolicies(template)) {
        for (const statement of policy.statements) {
          if (statement.effect !== 'Allow' || !statementCoversAction(statement, 's3:ListBucket')) continue;
          const onLake = (statement.resources ?? ['*']).some(r => r === '*' || r === 'arn:aws:s3:::*' || /lake/i.test(r));
          if (onLake && !conditionKeys(statement).includes('s3:prefix')) {
            violations.add(template, policy.sourceId, `${statement.sid ?? 'a statement'} allows s3:ListBucket on the data lake without an s3:prefix condition`);
          }
        }
      }
    }
    return violations.findings;
  },
};

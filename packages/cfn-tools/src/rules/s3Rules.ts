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
import { isPlainObject } from '../template/intrinsics';
import type { ParsedTemplate } from '../template/types';
import { denyingStatements, evaluatePolicy, PolicyRequest, statementApplies } from './iam/evaluatePolicy';
import type { PolicyStatement } from './iam/policyStatements';
import { bucketPolicyStatements, properties, resourcesOfType } from './iam/templatePolicies';
import { renderValue } from './renderValue';
import { DATA_LAKE_FILE, isTrue, TEAM_ENVIRONMENT_FILE, templatesMatching, valueAt, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const SOMEONE = 'arn:aws:iam::111122223333:role/someone';
const OTHER_ENDPOINT = 'vpce-0000outsider';
const OTHER_KEY = 'arn:aws:kms:us-east-1:111122223333:key/00000000-other';

const BUCKET_ACTIONS = ['s3:ListBucket', 's3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:PutBucketAcl', 's3:DeleteBucket'];
const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:PutObjectAcl'];

function bucketArn(bucketId: string): string {
  return `arn:aws:s3:::\${${bucketId}}`;
}

function requestsOnBucket(bucketId: string, context: Record<string, string[]>, principal = SOMEONE): PolicyRequest[] {
  const withPrincipal = { 'aws:PrincipalAccount': ['${AWS::AccountId}'], ...context, 'aws:PrincipalArn': [principal] };
  return [
    ...BUCKET_ACTIONS.map(action => ({ action, resource: bucketArn(bucketId), principal, context: withPrincipal })),
    ...OBJECT_ACTIONS.map(action => ({ action, resource: `${bucketArn(bucketId)}/some/object`, principal, context: withPrincipal })),
  ];
}

/** Context keys every request from inside the account carries. */
function insiderContext(statements: PolicyStatement[]): Record<string, string[]> {
  const endpoint = sourceEndpoints(statements)[0];
  return {
    'aws:PrincipalAccount': ['${AWS::AccountId}'],
    ...(endpoint ? { 'aws:SourceVpce': [endpoint] } : {}),
  };
}

function teamBuckets(template: ParsedTemplate): string[] {
  const all = resourcesOfType(template, 'AWS::S3::Bucket').map(([id]) => id);
  const dataAndModel = all.filter(id => /data|model/i.test(id));
  return dataAndModel.length > 0 ? dataAndModel : all;
}

function teamKeyId(template: ParsedTemplate): string | undefined {
  const keys = resourcesOfType(template, 'AWS::KMS::Key').map(([id]) => id);
  return keys.find(id => /team/i.test(id)) ?? keys[0];
}

function sourceEndpoints(statements: PolicyStatement[]): string[] {
  return statements.flatMap(statement =>
    Object.values(statement.conditions).flatMap(keys =>
      Object.entries(keys)
        .filter(([key]) => key.toLowerCase() === 'aws:sourcevpce')
        .flatMap(([, values]) => values),
    ),
  );
}

/**
 * S3_TLS_ONLY: a request without TLS is explicitly denied, for anyone, on
 * the bucket and its objects, by a statement that turns on
 * aws:SecureTransport: it must deny the request from an ordinary insider
 * (same account, through the endpoint the policy names) and not deny the
 * same request made over TLS.
 */
export const s3TlsOnly: SecurityRule = {
  name: 'S3_TLS_ONLY',
  check({ set }) {
    const violations = new Violations('S3_TLS_ONLY');
    for (const template of set.templates) {
      for (const [bucketId] of resourcesOfType(template, 'AWS::S3::Bucket')) {
        const statements = bucketPolicyStatements(template, bucketId);
        if (statements.length === 0) {
          violations.add(template, bucketId, 'the bucket has no AWS::S3::BucketPolicy, so requests without TLS are not denied');
          continue;
        }
        const insider = insiderContext(statements);
        const withTls = requestsOnBucket(bucketId, { ...insider, 'aws:SecureTransport': ['true'] });
        const undenied = requestsOnBucket(bucketId, { ...insider, 'aws:SecureTransport': ['false'] }).filter(
          (request, index) =>
            !denyingStatements(statements, request).some(statement => !statementApplies(statement, withTls[index])),
        );
        if (undenied.length > 0) {
          violations.add(template, bucketId, `the bucket policy does not deny requests without TLS (aws:SecureTransport=false) for ${undenied.map(r => r.action).join(', ')}`);
        }
      }
    }
    return violations.findings;
  },
};

/** S3_PUT_REQUIRES_TEAM_KEY: puts with another key or SSE-S3 are denied; the default is the team key. */
export const s3PutRequiresTeamKey: SecurityRule = {
  name: 'S3_PUT_REQUIRES_TEAM_KEY',
  check({ set }) {
    const violations = new Violations('S3_PUT_REQUIRES_TEAM_KEY');
    for (const template of templatesMatching(set, TEAM_ENVIRONMENT_FILE)) {
      const keyId = teamKeyId(template);
      if (!keyId) {
        violations.add(template, '(template)', 'the team environment declares no AWS::KMS::Key');
        continue;
      }
      const teamKeyArn = `\${${keyId}.Arn}`;
      for (const bucketId of teamBuckets(template)) {
        const statements = bucketPolicyStatements(template, bucketId);
        const endpoint = sourceEndpoints(statements)[0] ?? OTHER_ENDPOINT;
        const put = (headers: Record<string, string[]>): PolicyRequest => ({
          action: 's3:PutObject',
          resource: `${bucketArn(bucketId)}/some/object`,
          principal: SOMEONE,
          context: { 'aws:PrincipalAccount': ['${AWS::AccountId}'], 'aws:SecureTransport': ['true'], 'aws:SourceVpce': [endpoint], 'aws:PrincipalArn': [SOMEONE], ...headers },
        });
        const sse = 's3:x-amz-server-side-encryption';
        const keyHeader = 's3:x-amz-server-side-encryption-aws-kms-key-id';
        const mustDeny: Array<[string, PolicyRequest]> = [
          ['a put with another KMS key', put({ [sse]: ['aws:kms'], [keyHeader]: [OTHER_KEY] })],
          ['a put with SSE-S3 (AES256)', put({ [sse]: ['AES256'] })],
          ['a put with aws:kms but no key id (the aws/s3 key)', put({ [sse]: ['aws:kms'] })],
        ];
        for (const [what, request] of mustDeny) {
          if (evaluatePolicy(statements, request) !== 'explicit-deny') {
            violations.add(template, bucketId, `the bucket policy does not deny ${what}`);
          }
        }
        const mustNotDeny: Array<[string, PolicyRequest]> = [
          ['a put with the team key', put({ [sse]: ['aws:kms'], [keyHeader]: [teamKeyArn] })],
          ['a put without encryption headers (the default encryption applies)', put({})],
        ];
        for (const [what, request] of mustNotDeny) {
          const denying = denyingStatements(statements, request);
          if (denying.length > 0) {
            const names = denying.map((st, i) => st.sid ?? `statement ${i + 1}`).join(', ');
            violations.add(template, bucketId, `the bucket policy denies ${what} through the shared endpoint (by ${names}; a ...IfExists condition holds when the header is absent, pair StringNotEquals with Null "false" to deny only a wrong value)`);
          }
        }
        const rules = valueAt(properties(resourcesOfType(template, 'AWS::S3::Bucket').find(([id]) => id === bucketId)![1]), 'BucketEncryption.ServerSideEncryptionConfiguration');
        const usesTeamKey = (Array.isArray(rules) ? rules : []).some(rule => {
          const d = valueAt(rule, 'ServerSideEncryptionByDefault');
          return (
            isPlainObject(d) &&
            d.SSEAlgorithm === 'aws:kms' &&
            [teamKeyArn, `\${${keyId}}`].includes(renderValue(d.KMSMasterKeyID, template)) &&
            isTrue(valueAt(rule, 'BucketKeyEnabled'))
          );
        });
        if (!usesTeamKey) {
          violations.add(template, bucketId, `the bucket's default encryption is not aws:kms with the team key ${keyId} and BucketKeyEnabled: true`);
        }
      }
    }
    return violations.findings;
  },
};

const DATA_PLANE_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:RestoreObject'];

function principalExceptions(statements: PolicyStatement[]): string[] {
  return statements
    .filter(s => s.effect === 'Deny' && Object.values(s.conditions).some(keys => Object.keys(keys).some(k => k.toLowerCase() === 'aws:sourcevpce')))
    .flatMap(s =>
      Object.entries(s.conditions)
        .filter(([operator]) => operator.startsWith('ArnNotLike') || operator.startsWith('ArnNotEquals'))
        .flatMap(([, keys]) => Object.entries(keys).filter(([k]) => k.toLowerCase() === 'aws:principalarn').flatMap(([, v]) => v)),
    );
}

/** The data lake: data-plane actions from outside the endpoint are denied, with only the admin excepted. */
function checkDataLakeEndpointDeny(template: ParsedTemplate, violations: Violations): void {
  const lakes = resourcesOfType(template, 'AWS::S3::Bucket').map(([id]) => id).filter(id => /lake/i.test(id));
  for (const bucketId of lakes) {
    const statements = bucketPolicyStatements(template, bucketId);
    const context = { 'aws:PrincipalAccount': ['${AWS::AccountId}'], 'aws:SecureTransport': ['true'], 'aws:SourceVpce': [OTHER_ENDPOINT], 'aws:PrincipalArn': [SOMEONE], 's3:prefix': ['shared/'], 'aws:PrincipalTag/TeamName': ['alpha'] };
    const undenied = DATA_PLANE_ACTIONS.filter(action => {
      const resource = action === 's3:ListBucket' ? bucketArn(bucketId) : `${bucketArn(bucketId)}/shared/object`;
      return evaluatePolicy(statements, { action, resource, principal: SOMEONE, context }) !== 'explicit-deny';
    });
    if (undenied.length > 0) {
      violations.add(template, bucketId, `data-plane requests from outside the shared S3 endpoint are not denied: ${undenied.join(', ')}`);
    }
    const exceptions = principalExceptions(statements);
    if (exceptions.length !== 1) {
      violations.add(template, bucketId, `the data lake's endpoint deny must except only the data-science admin role, it excepts: ${exceptions.join(', ') || 'nobody'}`);
    }
  }
}

/** S3_VPCE_ONLY: every action from outside the shared endpoint is denied, except for a short list of admin roles. */
export const s3VpceOnly: SecurityRule = {
  name: 'S3_VPCE_ONLY',
  check({ set }) {
    const violations = new Violations('S3_VPCE_ONLY');
    for (const template of templatesMatching(set, TEAM_ENVIRONMENT_FILE)) {
      const userRoles = resourcesOfType(template, 'AWS::IAM::Role')
        .map(([id]) => id)
        .filter(id => /user/i.test(id));
      for (const bucketId of teamBuckets(template)) {
        const statements = bucketPolicyStatements(template, bucketId);
        const outside = { 'aws:SecureTransport': ['true'], 'aws:SourceVpce': [OTHER_ENDPOINT] };
        const principals = [SOMEONE, ...userRoles.map(id => `\${${id}.Arn}`)];
        const undenied = principals.flatMap(principal =>
          requestsOnBucket(bucketId, outside, principal)
            .filter(request => evaluatePolicy(statements, request) !== 'explicit-deny')
            .map(request => `${request.action} by ${principal}`),
        );
        if (undenied.length > 0) {
          violations.add(template, bucketId, `requests from outside the shared S3 endpoint are not denied: ${undenied.join(', ')}`);
        }
        const exceptions = principalExceptions(statements);
        if (exceptions.length === 0) {
          violations.add(template, bucketId, 'the endpoint deny has no ArnNotLike aws:PrincipalArn exception for the admin roles');
        }
        const broad = exceptions.filter(arn => arn === '*' || /:role\/\*$|:root$|^arn:aws:iam::[^:]*:\*$/.test(arn));
        if (exceptions.length > 3 || broad.length > 0) {
          violations.add(template, bucketId, `the endpoint deny's principal exceptions are too broad: ${exceptions.join(', ')}`);
        }
        const endpoint = sourceEndpoints(statements)[0];
        if (endpoint) {
          const inside = { action: 's3:GetObject', resource: `${bucketArn(bucketId)}/x`, principal: SOMEONE, context: { 'aws:PrincipalAccount': ['${AWS::AccountId}'], 'aws:SecureTransport': ['true'], 'aws:SourceVpce': [endpoint], 'aws:PrincipalArn': [SOMEONE] } };
          if (evaluatePolicy(statements, inside) === 'explicit-deny') {
            violations.add(template, bucketId, 's3:GetObject through the shared endpoint is denied too');
          }
        }
      }
    }
    for (const template of templatesMatching(set, DATA_LAKE_FILE)) {
      checkDataLakeEndpointDeny(template, violations);
    }
    return violations.findings;
  },
};

/** S3_PUBLIC_ACCESS_BLOCKED: all four public-access flags, SSE-KMS default encryption with bucket keys. */
export const s3PublicAccessBlocked: SecurityRule = {
  name: 'S3_PUBLIC_ACCESS_BLOCKED',
  check({ set }) {
    const violations = new Violations('S3_PUBLIC_ACCESS_BLOCKED');
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    for (const template of set.templates) {
      for (const [bucketId, bucket] of resourcesOfType(template, 'AWS::S3::Bucket')) {
        const block = properties(bucket).PublicAccessBlockConfiguration;
        const missing = flags.filter(flag => !isTrue(valueAt(block, flag)));
        if (missing.length > 0) {
          violations.add(template, bucketId, `PublicAccessBlockConfiguration does not set ${missing.join(', ')} to true`);
        }
        const rules = valueAt(properties(bucket), 'BucketEncryption.ServerSideEncryptionConfiguration');
        const ok = (Array.isArray(rules) ? rules : []).some(
          rule =>
            /^aws:kms(:dsse)?$/.test(String(valueAt(rule, 'ServerSideEncryptionByDefault.SSEAlgorithm'))) &&
            isTrue(valueAt(rule, 'BucketKeyEnabled')),
        );
        if (!ok) {
          violations.add(template, bucketId, 'the bucket has no SSE-KMS default encryption with BucketKeyEnabled: true');
        }
      }
    }
    return violations.findings;
  },
};

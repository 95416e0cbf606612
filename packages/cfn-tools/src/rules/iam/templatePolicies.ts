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
import { intrinsicName, isPlainObject } from '../../template/intrinsics';
import type { ParsedTemplate, ResourceDeclaration } from '../../template/types';
import { PolicyStatement, policyStatements } from './policyStatements';

/** @public */
export interface IdentityPolicy {
  /** Logical ID of the resource that holds the policy document. */
  sourceId: string;
  /** Logical IDs of the roles of this template the policy is attached to. */
  roleIds: string[];
  statements: PolicyStatement[];
  /**
   * True for a managed policy used as a permissions boundary: it caps what
   * roles may do but grants nothing itself.
   */
  isBoundary: boolean;
}

export function resourcesOfType(
  template: ParsedTemplate,
  type: string | RegExp,
): Array<[string, ResourceDeclaration]> {
  return Object.entries(template.body.Resources ?? {}).filter(
    ([, resource]) =>
      isPlainObject(resource) &&
      typeof resource.Type === 'string' &&
      (typeof type === 'string' ? resource.Type === type : type.test(resource.Type)),
  );
}

export function properties(resource: ResourceDeclaration): Record<string, unknown> {
  return isPlainObject(resource.Properties) ? resource.Properties : {};
}

/** The logical ID a value refers to with `Ref` (or `Fn::GetAtt`), if any. */
export function referencedId(value: unknown): string | undefined {
  const fn = intrinsicName(value);
  if (!fn) return undefined;
  const argument = (value as Record<string, unknown>)[fn];
  if (fn === 'Ref' && typeof argument === 'string') return argument;
  if (fn === 'Fn::GetAtt') {
    if (Array.isArray(argument) && typeof argument[0] === 'string') return argument[0];
    if (typeof argument === 'string') return argument.split('.')[0];
  }
  return undefined;
}

function referencedIds(value: unknown): string[] {
  const items = value === undefined ? [] : ([] as unknown[]).concat(value);
  return items.map(referencedId).filter((id): id is string => id !== undefined);
}

/**
 * Every identity policy of a template (role inline policies, managed
 * policies and `AWS::IAM::Policy`/`RolePolicy`) with the roles it is attached to.
 *
 * @public
 */
export function identityPolicies(template: ParsedTemplate): IdentityPolicy[] {
  return allIdentityPolicies(template).filter(policy => !policy.isBoundary);
}

/** Identity policies including permissions boundaries. */
export function allIdentityPolicies(template: ParsedTemplate): IdentityPolicy[] {
  const result: IdentityPolicy[] = [];
  const roles = resourcesOfType(template, 'AWS::IAM::Role');
  for (const [roleId, role] of roles) {
    const inline = properties(role).Policies;
    if (Array.isArray(inline)) {
      for (const policy of inline.filter(isPlainObject)) {
        result.push({ sourceId: roleId, roleIds: [roleId], statements: policyStatements(policy.PolicyDocument, template), isBoundary: false });
      }
    }
  }
  for (const [policyId, policy] of resourcesOfType(template, /^AWS::IAM::(ManagedPolicy|Policy|RolePolicy)$/)) {
    const props = properties(policy);
    const attached = new Set([...referencedIds(props.Roles), ...referencedIds(props.RoleName)]);
    for (const [roleId, role] of roles) {
      if (referencedIds(properties(role).ManagedPolicyArns).includes(policyId)) attached.add(roleId);
    }
    const isBoundary =
      /boundary/i.test(policyId) ||
      roles.some(([, role]) => referencedId(properties(role).PermissionsBoundary) === policyId);
    result.push({ sourceId: policyId, roleIds: [...attached], statements: policyStatements(props.PolicyDocument, template), isBoundary });
  }
  return result;
}

/** All statements that apply to one role of the template. */
export function roleStatements(template: ParsedTemplate, roleId: string): PolicyStatement[] {
  return identityPolicies(template)
    .filter(policy => policy.roleIds.includes(roleId))
    .flatMap(policy => policy.statements);
}

/** The statements of every bucket policy attached to a bucket of the template. */
export function bucketPolicyStatements(template: ParsedTemplate, bucketId: string): PolicyStatement[] {
  return resourcesOfType(template, 'AWS::S3::BucketPolicy')
    .filter(([, policy]) => referencedId(properties(policy).Bucket) === bucketId)
    .flatMap(([, policy]) => policyStatements(properties(policy).PolicyDocument, template));
}

/** The SageMaker execution role of a user-profile template: the one its user profile uses. */
export function executionRoleId(template: ParsedTemplate): string | undefined {
  for (const [, profile] of resourcesOfType(template, 'AWS::SageMaker::UserProfile')) {
    const settings = properties(profile).UserSettings;
    const id = isPlainObject(settings) ? referencedId(settings.ExecutionRole) : undefined;
    if (id) return id;
  }
  return undefined;
}

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

import { Template } from './types';

const IAM_TYPES: Record<string, string | undefined> = {
  'AWS::IAM::AccessKey': undefined,
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::Policy': undefined,
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::RolePolicy': undefined,
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::UserToGroupAddition': undefined,
};

/** The capabilities a template needs, with the explanation `ValidateTemplate` gives. */
export interface CapabilityRequirement {
  capabilities: string[];
  reason?: string;
}

export function requiredCapabilities(
  template: Template,
): CapabilityRequirement {
  const iamResources: string[] = [];
  let named = false;
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type in IAM_TYPES) {
      iamResources.push(logicalId);
      const nameProperty = IAM_TYPES[resource.Type];
      if (nameProperty && resource.Properties?.[nameProperty] !== undefined) {
        named = true;
      }
    }
  }
  if (iamResources.length === 0) {
    return { capabilities: [] };
  }
  return {
    capabilities: [named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM'],
    reason: `The following resource(s) require capabilities: [${[
      ...new Set(iamResources.map(id => template.Resources[id].Type)),
    ].join(', ')}]`,
  };
}

/** The capabilities missing from what a caller acknowledged; NAMED_IAM implies IAM. */
export function missingCapabilities(
  template: Template,
  acknowledged: string[],
): string[] {
  const required = requiredCapabilities(template).capabilities;
  return required.filter(capability => {
    if (capability === 'CAPABILITY_IAM') {
      return (
        !acknowledged.includes('CAPABILITY_IAM') &&
        !acknowledged.includes('CAPABILITY_NAMED_IAM')
      );
    }
    return !acknowledged.includes(capability);
  });
}

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
import { properties } from './iam/templatePolicies';
import { tagKeys, TEAM_ENVIRONMENT_FILE, templatesMatching, USER_PROFILE_FILE, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const REQUIRED_TAGS = ['TeamName', 'EnvironmentType'];
const KNOWN_TAGGABLE = new Set([
  'AWS::IAM::Role',
  'AWS::KMS::Key',
  'AWS::S3::Bucket',
  'AWS::EC2::SecurityGroup',
  'AWS::SageMaker::UserProfile',
  'AWS::SSM::Parameter',
]);

/** TEAM_TAGS: every taggable resource of the team products carries the team tags. */
export const teamTags: SecurityRule = {
  name: 'TEAM_TAGS',
  check({ set, spec }) {
    const violations = new Violations('TEAM_TAGS');
    const templates = [...templatesMatching(set, TEAM_ENVIRONMENT_FILE), ...templatesMatching(set, USER_PROFILE_FILE)];
    for (const template of templates) {
      for (const [id, resource] of Object.entries(template.body.Resources ?? {})) {
        const type = String(resource?.Type);
        const taggable = spec ? spec.resourceType(type)?.properties.Tags !== undefined : KNOWN_TAGGABLE.has(type);
        if (!taggable) continue;
        const present = tagKeys(properties(resource).Tags);
        const missing = REQUIRED_TAGS.filter(tag => !present.includes(tag));
        if (missing.length > 0) violations.add(template, id, `${type} lacks the tags ${missing.join(', ')}`);
      }
    }
    return violations.findings;
  },
};

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
import { dataLakeListingScoped } from './dataLakeRules';
import { passRoleScoped, presignedUrlOwnProfile, teamAdminScoped } from './iamRules';
import { kmsKeyRotation, kmsNoSourceVpce, kmsViaService } from './kmsRules';
import { noInternetGateway, noSharedAllTrafficSg, vpcePolicyScoped, vpcFlowLogs } from './networkRules';
import { lambdaCurrentRuntime, logRetention, noStudioClassic } from './platformRules';
import {
  profileDeniesNoIce,
  profileDeniesNoOutputKey,
  profileDeniesNoVolumeKey,
  profileDeniesNoVpc,
  profileDeniesRootAndInternet,
} from './profileRules';
import { s3PublicAccessBlocked, s3PutRequiresTeamKey, s3TlsOnly, s3VpceOnly } from './s3Rules';
import { teamTags } from './tagRules';
import type { RuleContext, SecurityRule } from './types';
import type { Finding } from '../template/types';

/**
 * The security rules of the cloudformation README, in its table's order.
 *
 * @public
 */
export const SECURITY_RULES: readonly SecurityRule[] = [
  s3TlsOnly,
  s3PutRequiresTeamKey,
  s3VpceOnly,
  kmsNoSourceVpce,
  kmsViaService,
  kmsKeyRotation,
  profileDeniesNoVpc,
  profileDeniesNoVolumeKey,
  profileDeniesNoOutputKey,
  profileDeniesNoIce,
  profileDeniesRootAndInternet,
  presignedUrlOwnProfile,
  teamAdminScoped,
  noSharedAllTrafficSg,
  vpcFlowLogs,
  logRetention,
  dataLakeListingScoped,
  lambdaCurrentRuntime,
  noStudioClassic,
  noInternetGateway,
  vpcePolicyScoped,
  passRoleScoped,
  s3PublicAccessBlocked,
  teamTags,
];

/**
 * Runs every security rule (or the named ones) over a template set.
 *
 * @public
 */
export function runSecurityRules(context: RuleContext, names?: string[]): Finding[] {
  return SECURITY_RULES.filter(rule => !names || names.includes(rule.name)).flatMap(rule => rule.check(context));
}

export type { RuleContext, SecurityRule } from './types';
export { evaluatePolicy, statementApplies } from './iam/evaluatePolicy';
export type { PolicyDecision, PolicyRequest } from './iam/evaluatePolicy';

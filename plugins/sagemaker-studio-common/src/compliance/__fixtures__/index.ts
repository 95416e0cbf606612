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

import * as cloudTrail from './cloudTrailRequests';
import { describeFixtures } from './describeOutputs';

export type { CloudTrailFixture } from './cloudTrailRequests';
export type { DescribeFixture } from './describeOutputs';

/**
 * Compliance test data for other packages' tests (the backend sweep, the
 * detective control): per workload kind, a compliant and a non-compliant
 * CloudTrail request and Describe output, the rules the non-compliant ones
 * fail, and the workshop's acceptance scenarios. Meant for a `testUtils`
 * entry point, never the main one.
 *
 * @public
 */
export const complianceFixtures = {
  accountId: cloudTrail.ACCOUNT_ID,
  region: cloudTrail.REGION,
  teamKeyArn: cloudTrail.TEAM_KEY_ARN,
  subnetIds: [cloudTrail.SUBNET_A, cloudTrail.SUBNET_B],
  securityGroupId: cloudTrail.SAGEMAKER_SG,
  rogueSubnetId: cloudTrail.ROGUE_SUBNET,
  /** A `ComplianceContext` with the team's approved subnets and group. */
  teamContext: cloudTrail.fraudTeamContext,
  /** A `ComplianceContext` with the team's Studio policy: approved image, role, no shared spaces. */
  studioContext: cloudTrail.fraudStudioContext,
  approvedImageArn: cloudTrail.APPROVED_IMAGE_ARN,
  rogueImageArn: cloudTrail.ROGUE_IMAGE_ARN,
  otherTeamRoleArn: cloudTrail.OTHER_TEAM_ROLE_ARN,
  /** CloudTrail request parameters per kind. */
  cloudTrail: cloudTrail.cloudTrailFixtures,
  /** SDK Describe* outputs per kind. */
  describe: describeFixtures,
  /** Requests from the workshop notebooks' acceptance scenarios. */
  scenarios: {
    n9TrainWithoutVpc: cloudTrail.scenarioN9TrainWithoutVpc,
    n10TrainWithVpc: cloudTrail.scenarioN10TrainWithVpc,
    d2ModelInVpc: cloudTrail.scenarioD2ModelInVpc,
    d3EndpointConfig: cloudTrail.scenarioD3EndpointConfig,
    modelWithoutVpc: cloudTrail.scenarioModelWithoutVpc,
  },
};

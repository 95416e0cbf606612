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

import { SourceError } from './types';

/**
 * Where an AWS resource lives, read from its ARN.
 *
 * @public
 */
export interface AwsLocation {
  accountId: string;
  region: string;
}

/**
 * How much of a team environment or user profile the caller is shown:
 * `full`, or `summary` (what it is, where, and its status; the details are
 * left out) for people who are neither admins nor members of its team (nor,
 * for a profile, its owner). Absent is full.
 *
 * @public
 */
export type StudioDetailAccess = 'full' | 'summary';

/**
 * A Studio domain as its entity page shows it.
 *
 * @public
 */
export interface StudioDomainStatus extends AwsLocation {
  domainId: string;
  domainName: string;
  arn: string;
  status: string;
  authMode?: string;
  appNetworkAccessType?: string;
  kmsKeyId?: string;
  vpcId?: string;
  subnetIds?: string[];
  securityGroupIds?: string[];
  defaultExecutionRoleArn?: string;
  url?: string;
  counts: { userProfiles: number; spaces: number; runningApps: number };
}

/**
 * A Studio app (JupyterLab, CodeEditor ...) of a profile or space.
 *
 * @public
 */
export interface StudioAppStatus {
  appType: string;
  appName: string;
  status: string;
  spaceName?: string;
}

/**
 * A Studio user profile as its owner's page shows it.
 *
 * @public
 */
export interface StudioUserProfileStatus extends AwsLocation {
  domainId: string;
  userProfileName: string;
  arn?: string;
  status: string;
  executionRoleArn?: string;
  securityGroupIds?: string[];
  teamName?: string;
  /** Entity ref of the Backstage user who owns it, when known. */
  owner?: string;
  spaces: Array<{ spaceName: string; status: string; apps: StudioAppStatus[] }>;
  apps: StudioAppStatus[];
  /** Whether the signed-in person may open Studio as this profile. */
  canOpen: boolean;
  /** `summary`: no execution role, security groups, spaces or apps (empty). */
  access?: StudioDetailAccess;
}

/**
 * A team environment (the team environment product) as its pages show it.
 *
 * @public
 */
export interface StudioTeamEnvironmentStatus extends AwsLocation {
  teamName: string;
  envType?: string;
  provisionedProductId: string;
  provisionedProductName: string;
  productName?: string;
  version?: string;
  status: string;
  stackStatus?: string;
  /** Stack outputs: buckets, KMS key, roles, security group. */
  outputs: Record<string, string>;
  members: Array<{
    userProfileName: string;
    status: string;
    owner?: string;
    domainId: string;
  }>;
  /** `summary`: no outputs, stack status or members (empty). */
  access?: StudioDetailAccess;
}

/**
 * The answer of `GET /entity/:namespace/:kind/:name`: what SageMaker Studio
 * holds for the entity, with per-source errors (partial failure is data).
 *
 * @public
 */
export interface StudioEntityStatus {
  entityRef: string;
  domains: StudioDomainStatus[];
  teamEnvironments: StudioTeamEnvironmentStatus[];
  userProfiles: StudioUserProfileStatus[];
  errors: SourceError[];
}

/**
 * The answer of `POST /entity/:namespace/:kind/:name/open-studio`.
 *
 * @public
 */
export interface OpenStudioResponse {
  url: string;
  expiresAt: string;
}

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

import {
  ComplianceFindingState,
  ComplianceSeverity,
  ComplianceSweepStatus,
} from '@internal/plugin-sagemaker-studio-common';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { ComplianceFindingQuery } from './permissionRules';

/**
 * Which findings a read covers. Every field is optional; fields combine
 * with AND.
 */
export interface ComplianceFilter {
  /** Findings of these teams only (an entity's teams); an empty list matches nothing. */
  teams?: string[];
  /** What the caller's permission allows, from a conditional decision; absent when allowed outright. */
  access?: PermissionCriteria<ComplianceFindingQuery>;
  team?: string;
  ruleId?: string;
  severity?: ComplianceSeverity;
  accountId?: string;
  region?: string;
  state?: ComplianceFindingState;
}

/** A failed account and region of a sweep. */
export type ComplianceFailedTarget =
  ComplianceSweepStatus['failedTargets'][number];

/** Active resources judged by one sweep in one target, per team. */
export interface ComplianceResourceCount {
  team?: string;
  accountId: string;
  region: string;
  evaluated: number;
  compliant: number;
}

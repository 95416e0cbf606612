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

/**
 * Compliance rules for SageMaker resources, shared by the detective-control
 * Lambda (on CloudTrail events) and the backend's scheduled sweep (on
 * Describe* outputs). Pure functions only: no AWS SDK, no Node APIs.
 */

export * from './types';
export {
  SAGEMAKER_CREATE_EVENT_KINDS,
  SAGEMAKER_JUDGED_EVENTS,
  SAGEMAKER_JUDGED_EVENT_NAMES,
  cloudTrailResourceRef,
  fromCloudTrailRequest,
  judgedEventFor,
  workloadKindForEventName,
} from './fromCloudTrailRequest';
export type {
  SageMakerJudgedEvent,
  SageMakerResourceRef,
} from './fromCloudTrailRequest';
export { fromDescribeOutput } from './fromDescribeOutput';
export type { FromDescribeOutputOptions } from './fromDescribeOutput';
export * from './rules';
export {
  compareSeverity,
  evaluateWorkload,
  failedFindings,
} from './evaluateWorkload';
export {
  SAGEMAKER_REMEDIATIONS,
  actionTakenFor,
  remediationFor,
} from './remediation';
export type { RemediationOptions } from './remediation';
export { resolveFinding } from './resolveFinding';
export type {
  FindingResolution,
  ResolveFindingOptions,
  ResolveFindingUpdate,
  SageMakerResourceState,
} from './resolveFinding';
export { sageMakerArnFor } from './arn';
export type { SageMakerArnLocation } from './arn';
export { COMPLIANCE_TEAM_TAG_KEY, teamNameOf } from './team';
export {
  ASFF_FINDING_TYPE,
  ASFF_PRODUCT_FIELDS,
  fromAsffFinding,
  toAsffFinding,
} from './asff';
export type {
  AsffComplianceStatus,
  AsffFinding,
  AsffSeverityLabel,
  DecodedAsffFinding,
  ToAsffFindingOptions,
} from './asff';

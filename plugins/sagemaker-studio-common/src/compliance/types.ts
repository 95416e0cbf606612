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
 * The kinds of SageMaker resource that the compliance rules understand.
 *
 * @public
 */
export type SageMakerWorkloadKind =
  | 'TrainingJob'
  | 'ProcessingJob'
  | 'TransformJob'
  | 'HyperParameterTuningJob'
  | 'AutoMLJob'
  | 'Model'
  | 'NotebookInstance'
  | 'EndpointConfig'
  | 'Domain'
  | 'UserProfile'
  | 'Space'
  | 'App';

/**
 * Every {@link SageMakerWorkloadKind}, in a stable order.
 *
 * @public
 */
export const SAGEMAKER_WORKLOAD_KINDS: readonly SageMakerWorkloadKind[] = [
  'TrainingJob',
  'ProcessingJob',
  'TransformJob',
  'HyperParameterTuningJob',
  'AutoMLJob',
  'Model',
  'NotebookInstance',
  'EndpointConfig',
  'Domain',
  'UserProfile',
  'Space',
  'App',
];

/**
 * The network attachment of a workload.
 *
 * @public
 */
export interface SageMakerVpcAttachment {
  /** Subnet ids the workload runs in (empty when none were given). */
  subnets: string[];
  /** Security group ids attached to the workload (empty when none were given). */
  securityGroupIds: string[];
}

/**
 * Where a normalised workload was read from.
 *
 * @public
 */
export type SageMakerWorkloadSource = 'CloudTrail' | 'Describe';

/**
 * One SageMaker resource, reduced to the settings that the compliance rules
 * look at. Produced by `fromCloudTrailRequest` (detective control) and
 * `fromDescribeOutput` (scheduled sweep), so both paths share the same rules.
 *
 * A field that is `undefined` was absent from the source, which for every
 * security setting means the service default (usually the insecure one).
 *
 * @public
 */
export interface SageMakerWorkload {
  /** What kind of resource this is. */
  kind: SageMakerWorkloadKind;
  /** The resource name as the caller chose it (for a domain, its name). */
  name: string;
  /** The resource ARN, when the source carried it. */
  arn?: string;
  /** The resource status from a Describe output (e.g. `InProgress`, `Stopped`). */
  status?: string;
  /** Domain id, for domains, user profiles, spaces and apps, when known. */
  domainId?: string;
  /**
   * For an app: the user profile it belongs to (apps of private Studio
   * Classic users). For a space: its owner (`OwnershipSettings.OwnerUserProfileName`).
   */
  userProfileName?: string;
  /** For an app: the space it runs in. */
  spaceName?: string;
  /** For an app: `AppType` (`JupyterLab`, `CodeEditor`, `KernelGateway` ...); for a space: `SpaceSettings.AppType`. */
  appType?: string;
  /**
   * SageMaker image ARNs the resource runs or starts apps with: an app's
   * `ResourceSpec.SageMakerImageArn` (or the image of its
   * `SageMakerImageVersionArn`); for a profile, space or domain the
   * `DefaultResourceSpec` images of its app settings.
   */
  imageArns?: string[];
  /** Names of the custom images offered by a profile's, space's or domain's app settings (`CustomImages[].ImageName`). */
  customImageNames?: string[];
  /** A user profile's `UserSettings.ExecutionRole`, a domain's `DefaultUserSettings.ExecutionRole`. */
  executionRoleArn?: string;
  /** A space's `SpaceSharingSettings.SharingType` (`Private` | `Shared`). */
  sharingType?: string;
  /** Subnets and security groups; `undefined` when no VPC configuration was given. */
  vpcConfig?: SageMakerVpcAttachment;
  /** KMS key for ML storage volumes (for a domain: the domain's `KmsKeyId`). */
  volumeKmsKeyId?: string;
  /** KMS key for output written to S3 (job output, data capture, async output). */
  outputKmsKeyId?: string;
  /** `false` when the resource is known to write no output; `undefined` when unknown. */
  producesOutput?: boolean;
  /** Whether network isolation was requested. */
  enableNetworkIsolation?: boolean;
  /** Whether inter-container traffic encryption was requested. */
  enableInterContainerTrafficEncryption?: boolean;
  /** Number of instances per job (the sum over instance groups), when known. */
  instanceCount?: number;
  /** Notebook instance `RootAccess` (`Enabled` | `Disabled`). */
  rootAccess?: string;
  /** Notebook instance `DirectInternetAccess` (`Enabled` | `Disabled`). */
  directInternetAccess?: string;
  /** Domain `AppNetworkAccessType` (`PublicInternetOnly` | `VpcOnly`). */
  appNetworkAccessType?: string;
  /** Resource tags as a plain map. */
  tags: Record<string, string>;
  /** Where the workload was read from. */
  source: SageMakerWorkloadSource;
}

/**
 * Severity of a rule, using the Security Hub severity labels.
 *
 * @public
 */
export type ComplianceSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/**
 * The outcome of one rule on one workload.
 *
 * @public
 */
export type ComplianceStatus = 'PASSED' | 'FAILED' | 'NOT_APPLICABLE';

/**
 * Settings that tune the rules for one team or estate.
 *
 * @public
 */
export interface ComplianceContext {
  /** Subnets the team may use; when set, any other subnet fails `SAGEMAKER_APPROVED_NETWORK`. */
  allowedSubnetIds?: readonly string[];
  /** Security groups the team may use; when set, any other group fails `SAGEMAKER_APPROVED_NETWORK`. */
  allowedSecurityGroupIds?: readonly string[];
  /**
   * Custom SageMaker images (image ARNs, e.g.
   * `arn:aws:sagemaker:eu-west-1:111122223333:image/ds-custom`) apps may run;
   * with {@link ComplianceContext.approvedImageNames} it turns on
   * `SAGEMAKER_APPROVED_IMAGE`. An image version ARN counts as its image.
   */
  approvedImageArns?: readonly string[];
  /** Custom SageMaker image names apps may run, as an alternative to ARNs. */
  approvedImageNames?: readonly string[];
  /** Execution roles profiles and domains may use; when set, any other role fails `SAGEMAKER_APPROVED_EXECUTION_ROLE`. */
  allowedExecutionRoleArns?: readonly string[];
  /**
   * Whether the team may have shared Studio spaces (`SharingType: Shared`).
   * `false` makes shared spaces fail `SAGEMAKER_SPACE_SHARING`; when unset
   * the rule is not applicable.
   */
  allowSharedSpaces?: boolean;
}

/**
 * What a rule says about one workload.
 *
 * @public
 */
export interface RuleEvaluation {
  /** Passed, failed, or not applicable to this workload. */
  status: ComplianceStatus;
  /** A sentence for people, naming the field that decided the outcome. */
  reason: string;
}

/**
 * One compliance rule: a pure function over a normalised workload.
 *
 * @public
 */
export interface ComplianceRule {
  /** Stable identifier in UPPER_SNAKE case, e.g. `SAGEMAKER_VPC_REQUIRED`. */
  id: string;
  /** Short title, used as the finding title. */
  title: string;
  /** What the rule checks and why, in one or two sentences. */
  description: string;
  /** How bad a failure is. `CRITICAL` and `HIGH` failures trigger remediation by default. */
  severity: ComplianceSeverity;
  /** Kinds the rule is evaluated for; other kinds are skipped entirely. */
  appliesTo: readonly SageMakerWorkloadKind[];
  /** Evaluates the rule. Must be pure and must not throw. */
  evaluate(
    workload: SageMakerWorkload,
    context?: ComplianceContext,
  ): RuleEvaluation;
}

/**
 * The result of one rule on one workload, self-contained so it can be stored,
 * sent to the browser, or mapped to a Security Hub finding.
 *
 * @public
 */
export interface ComplianceFinding {
  /** The rule id. */
  ruleId: string;
  /** The rule title. */
  title: string;
  /** The rule severity. */
  severity: ComplianceSeverity;
  /** The outcome. */
  status: ComplianceStatus;
  /** Why, naming the field. */
  reason: string;
  /** Kind of the evaluated resource. */
  resourceKind: SageMakerWorkloadKind;
  /** Name of the evaluated resource. */
  resourceName: string;
  /** ARN of the evaluated resource, when known. */
  resourceArn?: string;
}

/**
 * What should happen to a non-compliant resource.
 *
 * - `STOP`: running jobs and notebook instances are stopped.
 * - `DELETE`: models and endpoint configurations are deleted (they have no
 *   running state to stop, and an endpoint that already uses the config keeps
 *   running); Studio apps are deleted (an app has no stopped state; the
 *   user's files stay in the space's storage).
 * - `NONE`: nothing is done automatically (compliant, only low-severity
 *   failures, already finished, or a domain / user profile / space, which are
 *   never removed automatically because that destroys users' work).
 *
 * @public
 */
export type RemediationAction = 'STOP' | 'DELETE' | 'NONE';

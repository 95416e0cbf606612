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
  AppType,
  DeleteAppCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  SageMakerClient,
  StopAutoMLJobCommand,
  StopHyperParameterTuningJobCommand,
  StopNotebookInstanceCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import {
  SAGEMAKER_REMEDIATIONS,
  SageMakerResourceRef,
  SageMakerWorkload,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';

/** The identifiers a SageMaker call needs: a workload or a reference to one. */
export type SageMakerTarget = Pick<
  SageMakerWorkload,
  'name' | 'domainId' | 'userProfileName' | 'spaceName' | 'appType'
>;

type Send = (
  client: SageMakerClient,
  target: SageMakerTarget,
) => Promise<unknown>;

/** The owner of an app: exactly one of its space and its user profile. */
function appOwner(target: SageMakerTarget) {
  return target.spaceName
    ? { SpaceName: target.spaceName }
    : { UserProfileName: target.userProfileName };
}

/**
 * Every SageMaker operation this package sends, and how. The remediation
 * operations are the ones `SAGEMAKER_REMEDIATIONS` (in `-common`) names; the
 * Describe* operations read back resources that Update* calls changed (and
 * apps created without an image). The function's IAM role grants exactly
 * these (`DETECTIVE_CONTROL_IAM_ACTIONS`, tested against the template), and
 * a test checks that no other `*Command` is sent anywhere in the package.
 */
export const SAGEMAKER_OPERATIONS: Readonly<Record<string, Send>> = {
  StopTrainingJob: (c, t) =>
    c.send(new StopTrainingJobCommand({ TrainingJobName: t.name })),
  StopProcessingJob: (c, t) =>
    c.send(new StopProcessingJobCommand({ ProcessingJobName: t.name })),
  StopTransformJob: (c, t) =>
    c.send(new StopTransformJobCommand({ TransformJobName: t.name })),
  StopHyperParameterTuningJob: (c, t) =>
    c.send(
      new StopHyperParameterTuningJobCommand({
        HyperParameterTuningJobName: t.name,
      }),
    ),
  StopAutoMLJob: (c, t) =>
    c.send(new StopAutoMLJobCommand({ AutoMLJobName: t.name })),
  StopNotebookInstance: (c, t) =>
    c.send(new StopNotebookInstanceCommand({ NotebookInstanceName: t.name })),
  DeleteModel: (c, t) => c.send(new DeleteModelCommand({ ModelName: t.name })),
  DeleteEndpointConfig: (c, t) =>
    c.send(new DeleteEndpointConfigCommand({ EndpointConfigName: t.name })),
  DeleteApp: (c, t) =>
    c.send(
      new DeleteAppCommand({
        DomainId: t.domainId,
        AppType: t.appType as AppType,
        AppName: t.name,
        ...appOwner(t),
      }),
    ),
  DescribeDomain: (c, t) =>
    c.send(new DescribeDomainCommand({ DomainId: t.domainId })),
  DescribeUserProfile: (c, t) =>
    c.send(
      new DescribeUserProfileCommand({
        DomainId: t.domainId,
        UserProfileName: t.name,
      }),
    ),
  DescribeSpace: (c, t) =>
    c.send(
      new DescribeSpaceCommand({ DomainId: t.domainId, SpaceName: t.name }),
    ),
  DescribeApp: (c, t) =>
    c.send(
      new DescribeAppCommand({
        DomainId: t.domainId,
        AppType: t.appType as AppType,
        AppName: t.name,
        ...appOwner(t),
      }),
    ),
};

/** The Describe* operation that reads back a resource of each kind, where the package needs one. */
export const DESCRIBE_OPERATION: Partial<
  Record<SageMakerWorkloadKind, string>
> = {
  Domain: 'DescribeDomain',
  UserProfile: 'DescribeUserProfile',
  Space: 'DescribeSpace',
  App: 'DescribeApp',
};

/** What each Describe* call needs, per kind, before it can be sent. */
export function missingIdentifiers(ref: SageMakerResourceRef): string[] {
  const missing: string[] = [];
  if (!ref.domainId) {
    missing.push('domainId');
  }
  if (ref.kind === 'App') {
    if (!ref.appType) missing.push('appType');
    if (!ref.spaceName && !ref.userProfileName) {
      missing.push('spaceName or userProfileName');
    }
  }
  return missing;
}

/**
 * The IAM actions the detective control's code needs: every SageMaker
 * operation above and `securityhub:BatchImportFindings` (`recordFindings.ts`),
 * sorted. `cloudformation/shared/detective-control.yaml` grants exactly these
 * (plus the logging and dead-letter actions Lambda itself uses).
 *
 * @public
 */
export const DETECTIVE_CONTROL_IAM_ACTIONS: readonly string[] = [
  ...Object.keys(SAGEMAKER_OPERATIONS).map(op => `sagemaker:${op}`),
  'securityhub:BatchImportFindings',
].sort();

/** Every remediation operation of `-common` has a sender here (checked by a test). */
export function remediationOperations(): string[] {
  return Object.values(SAGEMAKER_REMEDIATIONS)
    .map(r => r.operation)
    .filter((op): op is string => !!op);
}

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

import type { ComplianceActionTaken } from '../complianceApi';
import { compareSeverity } from './evaluateWorkload';
import {
  ComplianceFinding,
  ComplianceSeverity,
  RemediationAction,
  SageMakerWorkload,
  SageMakerWorkloadKind,
} from './types';

/**
 * Options for {@link remediationFor}.
 *
 * @public
 */
export interface RemediationOptions {
  /**
   * The least severe failure that triggers remediation. Defaults to `HIGH`:
   * `MEDIUM` and `LOW` failures (network isolation, output key, endpoint
   * config key, inter-container encryption) are reported but not enforced,
   * because the reference workflow legitimately runs jobs without them.
   */
  minimumSeverity?: ComplianceSeverity;
}

/**
 * What the remediation policy does to each kind, and the SageMaker operation
 * that does it. The one table of remediations: {@link remediationFor} decides
 * from it, and the detective control sends exactly these operations (its IAM
 * role is tested against them).
 *
 * @public
 */
export const SAGEMAKER_REMEDIATIONS: Readonly<
  Record<
    SageMakerWorkloadKind,
    { action: RemediationAction; operation?: string }
  >
> = {
  TrainingJob: { action: 'STOP', operation: 'StopTrainingJob' },
  ProcessingJob: { action: 'STOP', operation: 'StopProcessingJob' },
  TransformJob: { action: 'STOP', operation: 'StopTransformJob' },
  HyperParameterTuningJob: {
    action: 'STOP',
    operation: 'StopHyperParameterTuningJob',
  },
  AutoMLJob: { action: 'STOP', operation: 'StopAutoMLJob' },
  NotebookInstance: { action: 'STOP', operation: 'StopNotebookInstance' },
  Model: { action: 'DELETE', operation: 'DeleteModel' },
  EndpointConfig: { action: 'DELETE', operation: 'DeleteEndpointConfig' },
  // An app has no stopped state; deleting it keeps the space and its files.
  App: { action: 'DELETE', operation: 'DeleteApp' },
  // Removing a domain, profile or space deletes users' work: report only.
  Domain: { action: 'NONE' },
  UserProfile: { action: 'NONE' },
  Space: { action: 'NONE' },
};

/**
 * The {@link ComplianceActionTaken} for a decided remediation and whether it
 * took effect, as recorded on a Security Hub finding
 * (`ProductFields["sagemaker-studio/Action"]`): `stopped` or `deleted` when
 * the remediation took effect (by this or an earlier delivery), otherwise
 * `reported` (below the remediation threshold, a configuration-only
 * resource, report-only mode, already finished, or the call failed).
 *
 * @public
 */
export function actionTakenFor(
  remediation: RemediationAction,
  remediated: boolean | undefined,
): ComplianceActionTaken {
  if (remediated && remediation === 'STOP') {
    return 'stopped';
  }
  if (remediated && remediation === 'DELETE') {
    return 'deleted';
  }
  return 'reported';
}

/** Statuses in which there is nothing left to stop. */
const FINISHED_STATUSES = new Set([
  'Completed',
  'Failed',
  'Stopped',
  'Stopping',
  'Deleting',
  'DeleteFailed',
  'Deleted',
]);

/**
 * Decides what to do with a workload given its failed findings:
 *
 * - `STOP` for training, processing, transform, tuning and AutoML jobs and for
 *   notebook instances;
 * - `DELETE` for models, endpoint configurations and Studio apps;
 * - `NONE` when no failure reaches `minimumSeverity`, when the workload's
 *   known status says it has already finished, stopped or been deleted, and
 *   always for domains, user profiles and spaces.
 *
 * The choice per kind is {@link SAGEMAKER_REMEDIATIONS}.
 *
 * Findings that did not fail, or that belong to another resource, are ignored.
 *
 * @public
 */
export function remediationFor(
  workload: SageMakerWorkload,
  findings: readonly ComplianceFinding[],
  options: RemediationOptions = {},
): RemediationAction {
  const minimum = options.minimumSeverity ?? 'HIGH';
  const triggering = findings.some(
    f =>
      f.status === 'FAILED' &&
      f.resourceKind === workload.kind &&
      f.resourceName === workload.name &&
      compareSeverity(f.severity, minimum) >= 0,
  );
  if (!triggering) {
    return 'NONE';
  }
  if (workload.status && FINISHED_STATUSES.has(workload.status)) {
    return 'NONE';
  }
  return SAGEMAKER_REMEDIATIONS[workload.kind].action;
}

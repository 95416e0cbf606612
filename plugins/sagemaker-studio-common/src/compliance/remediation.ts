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

const ACTION_BY_KIND: Record<SageMakerWorkloadKind, RemediationAction> = {
  TrainingJob: 'STOP',
  ProcessingJob: 'STOP',
  TransformJob: 'STOP',
  HyperParameterTuningJob: 'STOP',
  AutoMLJob: 'STOP',
  NotebookInstance: 'STOP',
  Model: 'DELETE',
  EndpointConfig: 'DELETE',
  // Removing a domain or profile deletes users' work: report only.
  Domain: 'NONE',
  UserProfile: 'NONE',
};

/** Statuses in which there is nothing left to stop. */
const FINISHED_STATUSES = new Set([
  'Completed',
  'Failed',
  'Stopped',
  'Stopping',
  'Deleting',
  'DeleteFailed',
]);

/**
 * Decides what to do with a workload given its failed findings:
 *
 * - `STOP` for training, processing, transform, tuning and AutoML jobs and for
 *   notebook instances;
 * - `DELETE` for models and endpoint configurations;
 * - `NONE` when no failure reaches `minimumSeverity`, when the workload's
 *   known status says it has already finished or stopped, and always for
 *   domains and user profiles.
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
  return ACTION_BY_KIND[workload.kind];
}

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
  ComplianceFinding,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * One SageMaker resource as the compliance sweep read and judged it.
 *
 * @public
 */
export interface SweptResource {
  kind: SageMakerWorkloadKind;
  name: string;
  /** The resource ARN (as AWS gave it, else built the way SageMaker builds them). */
  arn: string;
  /** The account and region the resource lives in. */
  accountId: string;
  region: string;
  /** The status AWS reported, e.g. `InProgress`, `Stopped`, `InService`. */
  status?: string;
  /**
   * False when nothing of the resource runs any more (a finished or stopped
   * job, a stopped notebook instance, a domain being deleted): its failures
   * are no longer true, and the sweep neither describes nor judges it.
   */
  active: boolean;
  /** The team it is attributed to; only known for active resources. */
  team?: string;
  /**
   * How the team was found: the `TeamName` tag, the execution role's name,
   * or (spaces and apps) the team of the owning user profile.
   */
  teamBy?: 'tag' | 'role' | 'owner';
  /** The rules it fails (only for active resources). */
  failed: ComplianceFinding[];
}

/**
 * A finding of the detective control, read back from Security Hub.
 *
 * @public
 */
export interface DetectiveControlFinding {
  /** Security Hub's `Id` and `ProductArn`, the identifiers BatchUpdateFindings needs. */
  id: string;
  productArn: string;
  accountId: string;
  region: string;
  ruleId: string;
  title: string;
  severity: ComplianceFinding['severity'];
  resourceKind: SageMakerWorkloadKind;
  resourceName: string;
  resourceArn?: string;
  reason: string;
  teamName?: string;
  /** What the control decided (`STOP`, `DELETE`, `NONE`) and whether it was done. */
  remediation?: 'STOP' | 'DELETE' | 'NONE';
  remediated?: boolean;
  /** ISO 8601, when the control recorded the finding. */
  createdAt?: string;
  /** `NEW`, `NOTIFIED`, `SUPPRESSED` or `RESOLVED`. */
  workflowStatus?: string;
  /** The finding as `GetFindings` returned it: what `resolveFinding` re-imports archived. */
  record: unknown;
}

/**
 * A read that failed for good (after retries): the fixed message is safe to
 * show; what AWS said went to the log.
 *
 * @public
 */
export class ComplianceReadError extends Error {
  constructor(
    message: string,
    /** What failed, for logs: e.g. `ListProcessingJobs`. */
    readonly operation: string,
    readonly failure: string,
  ) {
    super(message);
    this.name = 'ComplianceReadError';
  }
}

/**
 * Fixed messages of {@link ComplianceReadError}, also the `failedTargets`
 * messages of a sweep.
 *
 * @public
 */
export const COMPLIANCE_READ_FAILURE_MESSAGES = {
  sageMaker:
    'SageMaker resources could not be read in this account and region; findings there were kept as they were.',
  securityHub:
    "The detective control's findings could not be read from Security Hub in this account and region.",
  resolve:
    'Resolved findings could not be marked resolved in Security Hub in this account and region.',
} as const;

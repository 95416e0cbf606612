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
  ASFF_PRODUCT_FIELDS,
  AsffFinding,
  fromAsffFinding,
  toAsffFinding,
} from './asff';
import { field, isRecord, records, str } from './fields';
import { actionTakenFor } from './remediation';
import { ComplianceFinding } from './types';

/**
 * What is true of a finding's resource now:
 *
 * - `stopped`: it no longer runs (a job or notebook instance that stopped,
 *   completed or failed);
 * - `deleted`: it no longer exists;
 * - `compliant`: it exists and the finding's rule passes (or no longer
 *   applies) now;
 * - `non-compliant`: the finding still holds.
 *
 * @public
 */
export type SageMakerResourceState =
  | 'stopped'
  | 'deleted'
  | 'compliant'
  | 'non-compliant';

/**
 * Options for {@link resolveFinding}.
 *
 * @public
 */
export interface ResolveFindingOptions {
  /** What is true of the finding's resource now. */
  state: SageMakerResourceState;
  /** When the state was observed; becomes `UpdatedAt` and is named in the note. */
  now: Date | string;
  /** `Note.UpdatedBy`; defaults to `sagemaker-studio`. */
  updatedBy?: string;
}

/**
 * The `BatchUpdateFindings` input that resolves one finding.
 *
 * @public
 */
export interface ResolveFindingUpdate {
  FindingIdentifiers: Array<{ Id: string; ProductArn: string }>;
  Workflow: { Status: 'RESOLVED' };
  Note: { Text: string; UpdatedBy: string };
}

/**
 * How to resolve a finding that no longer holds. Send `archive` with
 * `BatchImportFindings` first (the finding provider's view: `RecordState:
 * ARCHIVED`, the new compliance status, `ProductFields["sagemaker-studio/Resolution"]`),
 * then `update` with `BatchUpdateFindings` (the workflow: `RESOLVED` with a
 * note). Either may be absent when there is nothing to change.
 *
 * @public
 */
export interface FindingResolution {
  /** For `BatchUpdateFindings`; absent when the workflow is already `RESOLVED` or was `SUPPRESSED` by someone. */
  update?: ResolveFindingUpdate;
  /** For `BatchImportFindings`; absent when the finding is already archived with this resolution. */
  archive?: AsffFinding;
}

const NOTE_LIMIT = 512;

/** The compliance status the archived finding records for each state. */
const STATUS_FOR: Record<
  Exclude<SageMakerResourceState, 'non-compliant'>,
  ComplianceFinding['status']
> = {
  // A stopped resource did break the rule; the record keeps that.
  stopped: 'FAILED',
  // Security Hub's own controls report a deleted resource as NOT_AVAILABLE.
  deleted: 'NOT_APPLICABLE',
  compliant: 'PASSED',
};

/**
 * Given a finding this product wrote (an SDK `AwsSecurityFinding` from
 * `GetFindings`, or an {@link AsffFinding}) and the current state of its
 * resource, returns how to resolve it in Security Hub, or undefined when the
 * finding still holds (`non-compliant`), was not written by this product,
 * or did not fail in the first place.
 *
 * The archived finding keeps the finding's `Id`, `ProductArn`,
 * `GeneratorId`, `CreatedAt`, resources, rule, reason and the action taken
 * (`ProductFields["sagemaker-studio/Action"]`); it gets `UpdatedAt = now`,
 * `RecordState: ARCHIVED`, `Compliance.Status` `FAILED` (stopped),
 * `NOT_AVAILABLE` (deleted) or `PASSED` (compliant), and
 * `ProductFields["sagemaker-studio/Resolution"] = state`.
 *
 * Pure: used by the backend's scheduled sweep, which knows each resource's
 * state from its Describe* call.
 *
 * @public
 */
export function resolveFinding(
  existing: unknown,
  options: ResolveFindingOptions,
): FindingResolution | undefined {
  const decoded = fromAsffFinding(existing);
  if (!decoded || options.state === 'non-compliant' || !isRecord(existing)) {
    return undefined;
  }
  const wasFailed =
    decoded.finding.status === 'FAILED' ||
    // An archived finding keeps FAILED only when stopped; one resolved
    // earlier as deleted or compliant may be re-resolved idempotently.
    decoded.resolution !== undefined;
  if (!wasFailed || !decoded.productArn) {
    return undefined;
  }
  const state = options.state;
  const now =
    typeof options.now === 'string' ? options.now : options.now.toISOString();
  const resolution: FindingResolution = {};

  const alreadyArchived =
    decoded.recordState === 'ARCHIVED' && decoded.resolution === state;
  if (!alreadyArchived) {
    const resources = records(field(existing, 'Resources'));
    const first = resources[0];
    const partition = str(field(first, 'Partition')) as
      | AsffFinding['Resources'][number]['Partition']
      | undefined;
    const archive = toAsffFinding(
      { ...decoded.finding, status: STATUS_FOR[state] },
      {
        accountId: decoded.accountId,
        region: decoded.region ?? str(field(first, 'Region')) ?? '',
        productArn: decoded.productArn,
        generatorId: decoded.generatorId,
        resourceArn: str(field(first, 'Id')),
        now,
        teamName: decoded.teamName,
        remediation: decoded.remediation,
        remediated: decoded.remediated,
        partition,
      },
    );
    archive.Id = decoded.id;
    archive.CreatedAt = decoded.createdAt ?? now;
    archive.RecordState = 'ARCHIVED';
    if (resources.length > 0) {
      archive.Resources = structuredClone(
        resources,
      ) as unknown as AsffFinding['Resources'];
    }
    const action =
      decoded.action ??
      actionTakenFor(decoded.remediation ?? 'NONE', decoded.remediated);
    archive.ProductFields[ASFF_PRODUCT_FIELDS.action] = action;
    if (decoded.actionAt) {
      archive.ProductFields[ASFF_PRODUCT_FIELDS.actionAt] = decoded.actionAt;
    } else {
      delete archive.ProductFields[ASFF_PRODUCT_FIELDS.actionAt];
    }
    archive.ProductFields[ASFF_PRODUCT_FIELDS.resolution] = state;
    resolution.archive = archive;
  }

  const workflow = decoded.workflowStatus;
  if (workflow !== 'RESOLVED' && workflow !== 'SUPPRESSED') {
    const { resourceKind, resourceName, ruleId } = decoded.finding;
    const text = `Resolved: the ${resourceKind} ${resourceName} is ${state} as of ${now}, so ${ruleId} no longer holds.`;
    resolution.update = {
      FindingIdentifiers: [{ Id: decoded.id, ProductArn: decoded.productArn }],
      Workflow: { Status: 'RESOLVED' },
      Note: {
        Text:
          text.length <= NOTE_LIMIT
            ? text
            : `${text.slice(0, NOTE_LIMIT - 1)}…`,
        UpdatedBy: options.updatedBy ?? 'sagemaker-studio',
      },
    };
  }
  return resolution.archive || resolution.update ? resolution : undefined;
}

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

import { paginate } from '../../server/pagination';
import {
  AwsError,
  RequestContext,
  SandboxEnvironment,
  ServiceDefinition,
} from '../../server/types';
import {
  Finding,
  matchesFilters,
  SUPPORTED_FILTERS,
  unsupportedFilter,
} from './findingFilters';

interface FindingRecord {
  account: string;
  region: string;
  finding: Finding;
  /** Fields last set by BatchUpdateFindings, which a later import must not overwrite. */
  customerFields: string[];
}

const REQUIRED_FIELDS = [
  'AwsAccountId',
  'CreatedAt',
  'Description',
  'GeneratorId',
  'Id',
  'ProductArn',
  'Resources',
  'SchemaVersion',
  'Severity',
  'Title',
  'Types',
  'UpdatedAt',
];
const TIMESTAMP_FIELDS = [
  'CreatedAt',
  'UpdatedAt',
  'FirstObservedAt',
  'LastObservedAt',
];
const SEVERITY_LABELS = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const WORKFLOW_STATUSES = ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'];
const RECORD_STATES = ['ACTIVE', 'ARCHIVED'];
const CUSTOMER_FIELDS = [
  'Note',
  'Severity',
  'VerificationState',
  'Confidence',
  'Criticality',
  'Types',
  'UserDefinedFields',
  'Workflow',
  'RelatedFindings',
];
const MAX_BATCH = 100;

function invalidInput(message: string) {
  return new AwsError('InvalidInputException', message);
}

/** Why an ASFF finding would be rejected, or undefined when it is acceptable. */
export function findingProblem(finding: Finding): string | undefined {
  const missing = REQUIRED_FIELDS.filter(
    field =>
      finding[field] === undefined ||
      finding[field] === null ||
      finding[field] === '',
  );
  if (missing.length > 0) {
    return `Finding is missing required fields: ${missing.join(', ')}`;
  }
  if (!/^\d{12}$/.test(String(finding.AwsAccountId))) {
    return `Invalid AwsAccountId ${finding.AwsAccountId}`;
  }
  if (!String(finding.ProductArn).startsWith('arn:aws:securityhub:')) {
    return `Invalid ProductArn ${finding.ProductArn}`;
  }
  const badTimestamp = TIMESTAMP_FIELDS.find(
    field =>
      finding[field] !== undefined && Number.isNaN(Date.parse(finding[field])),
  );
  if (badTimestamp) {
    return `${badTimestamp} must be an ISO 8601 timestamp`;
  }
  if (
    !Array.isArray(finding.Resources) ||
    finding.Resources.length < 1 ||
    finding.Resources.length > 32
  ) {
    return 'Resources must list 1 to 32 resources';
  }
  if (
    finding.Resources.some((resource: any) => !resource?.Type || !resource?.Id)
  ) {
    return 'Every resource needs a Type and an Id';
  }
  const severity = finding.Severity ?? {};
  if (severity.Label === undefined && severity.Normalized === undefined) {
    return 'Severity needs a Label or a Normalized score';
  }
  if (
    severity.Label !== undefined &&
    !SEVERITY_LABELS.includes(severity.Label)
  ) {
    return `Invalid Severity.Label ${severity.Label}`;
  }
  if (!Array.isArray(finding.Types) || finding.Types.length === 0) {
    return 'Types must list at least one finding type';
  }
  if (
    finding.RecordState !== undefined &&
    !RECORD_STATES.includes(finding.RecordState)
  ) {
    return `Invalid RecordState ${finding.RecordState}`;
  }
  return undefined;
}

function labelFor(normalized: number) {
  if (normalized >= 90) return 'CRITICAL';
  if (normalized >= 70) return 'HIGH';
  if (normalized >= 40) return 'MEDIUM';
  if (normalized >= 1) return 'LOW';
  return 'INFORMATIONAL';
}

const workflowStateFor: Record<string, string> = {
  NEW: 'NEW',
  NOTIFIED: 'ASSIGNED',
  RESOLVED: 'RESOLVED',
  SUPPRESSED: 'DEFERRED',
};

/**
 * Whether an import reopens a finding whose workflow someone set to
 * `NOTIFIED` or `RESOLVED`: Security Hub resets the workflow to `NEW` when
 * `RecordState` goes from `ARCHIVED` to `ACTIVE`, or `Compliance.Status`
 * from `PASSED` to `FAILED`, `WARNING` or `NOT_AVAILABLE`. `SUPPRESSED`
 * stays as it is.
 */
function reopens(before: Finding, after: Finding): boolean {
  const status = before.Workflow?.Status;
  if (status !== 'NOTIFIED' && status !== 'RESOLVED') {
    return false;
  }
  const unarchived =
    before.RecordState === 'ARCHIVED' && after.RecordState === 'ACTIVE';
  const failedAgain =
    before.Compliance?.Status === 'PASSED' &&
    ['FAILED', 'WARNING', 'NOT_AVAILABLE'].includes(after.Compliance?.Status);
  return unarchived || failedAgain;
}

/** Security Hub's findings API over REST-JSON (the ASFF subset the product uses). */
export function createSecurityHubService(
  env: SandboxEnvironment,
): ServiceDefinition {
  const findings = env.state.table<FindingRecord>('securityhub', 'findings');
  const keyOf = (ctx: RequestContext, productArn: string, id: string) =>
    JSON.stringify([ctx.accountId, ctx.region, productArn, id]);
  const nowIso = () => new Date(env.clock.now()).toISOString();

  function normalise(
    finding: Finding,
    ctx: RequestContext,
    previous?: FindingRecord,
  ): Finding {
    const severity = { ...finding.Severity };
    severity.Label ??= labelFor(Number(severity.Normalized));
    const stored: Finding = {
      ProductName: 'Default',
      CompanyName: 'Personal',
      Region: ctx.region,
      RecordState: 'ACTIVE',
      Workflow: { Status: 'NEW' },
      WorkflowState: 'NEW',
      ...structuredClone(finding),
      Severity: severity,
      ProcessedAt: nowIso(),
    };
    for (const field of previous?.customerFields ?? []) {
      stored[field] = previous!.finding[field];
    }
    if (previous?.customerFields.includes('Workflow')) {
      stored.WorkflowState = previous.finding.WorkflowState;
      if (reopens(previous.finding, stored)) {
        stored.Workflow = { Status: 'NEW' };
        stored.WorkflowState = 'NEW';
      }
    }
    return stored;
  }

  return {
    name: 'securityhub',
    signingName: 'securityhub',
    protocol: 'rest-json',
    throttlingErrorCode: 'ThrottlingException',
    throttlingStatusCode: 429,
    serverErrorCode: 'InternalException',
    restRoutes: [
      {
        method: 'POST',
        path: '/findings/import',
        operation: 'BatchImportFindings',
      },
      { method: 'POST', path: '/findings', operation: 'GetFindings' },
      {
        method: 'PATCH',
        path: '/findings/batchupdate',
        operation: 'BatchUpdateFindings',
      },
    ],
    operations: {
      BatchImportFindings: (input, ctx) => {
        const batch = input.Findings;
        if (
          !Array.isArray(batch) ||
          batch.length < 1 ||
          batch.length > MAX_BATCH
        ) {
          throw invalidInput(
            `Findings must contain between 1 and ${MAX_BATCH} findings`,
          );
        }
        const failed: Array<{
          Id: string;
          ErrorCode: string;
          ErrorMessage: string;
        }> = [];
        for (const finding of batch as Finding[]) {
          const problem = findingProblem(finding ?? {});
          if (problem) {
            failed.push({
              Id: String(finding?.Id ?? ''),
              ErrorCode: 'InvalidInput',
              ErrorMessage: problem,
            });
            continue;
          }
          const key = keyOf(ctx, finding.ProductArn, finding.Id);
          const previous = findings.get(key);
          findings.set(key, {
            account: ctx.accountId,
            region: ctx.region,
            finding: normalise(finding, ctx, previous),
            customerFields: previous?.customerFields ?? [],
          });
        }
        return {
          FailedCount: failed.length,
          SuccessCount: batch.length - failed.length,
          FailedFindings: failed,
        };
      },

      GetFindings: (input, ctx) => {
        const filters = (input.Filters ?? {}) as Record<string, unknown[]>;
        const unsupported = unsupportedFilter(filters);
        if (unsupported) {
          throw invalidInput(
            `The sandbox does not support the filter ${unsupported}; supported: ${SUPPORTED_FILTERS.join(
              ', ',
            )}`,
          );
        }
        const [sort] = (input.SortCriteria ?? [
          { Field: 'UpdatedAt', SortOrder: 'desc' },
        ]) as Array<{ Field?: string; SortOrder?: string }>;
        const field = sort?.Field ?? 'UpdatedAt';
        const direction = sort?.SortOrder === 'asc' ? 1 : -1;
        const matching = findings
          .values()
          .filter(
            record =>
              record.account === ctx.accountId && record.region === ctx.region,
          )
          .map(record => record.finding)
          .filter(finding => matchesFilters(finding, filters))
          .sort((a, b) => {
            const left = String(a[field] ?? '');
            const right = String(b[field] ?? '');
            if (left === right) {
              return String(a.Id).localeCompare(String(b.Id));
            }
            return left < right ? -direction : direction;
          });
        const page = paginate(matching, {
          nextToken: input.NextToken,
          maxResults: input.MaxResults,
          defaultPageSize: 100,
          maxPageSize: 100,
          errorCode: 'InvalidInputException',
        });
        return { Findings: page.items, NextToken: page.nextToken };
      },

      BatchUpdateFindings: (input, ctx) => {
        const identifiers = input.FindingIdentifiers;
        if (
          !Array.isArray(identifiers) ||
          identifiers.length < 1 ||
          identifiers.length > MAX_BATCH
        ) {
          throw invalidInput(
            `FindingIdentifiers must contain between 1 and ${MAX_BATCH} identifiers`,
          );
        }
        const updates = CUSTOMER_FIELDS.filter(
          field => input[field] !== undefined,
        );
        if (updates.length === 0) {
          throw invalidInput('At least one field to update is required');
        }
        if (
          input.Workflow &&
          !WORKFLOW_STATUSES.includes(input.Workflow.Status)
        ) {
          throw invalidInput(
            `Invalid Workflow.Status ${
              input.Workflow.Status
            }; valid values: ${WORKFLOW_STATUSES.join(', ')}`,
          );
        }
        if (input.Note && (!input.Note.Text || !input.Note.UpdatedBy)) {
          throw invalidInput('Note requires Text and UpdatedBy');
        }
        if (
          input.Severity?.Label !== undefined &&
          !SEVERITY_LABELS.includes(input.Severity.Label)
        ) {
          throw invalidInput(`Invalid Severity.Label ${input.Severity.Label}`);
        }
        const processed: Array<{ Id: string; ProductArn: string }> = [];
        const unprocessed: Array<{
          FindingIdentifier: unknown;
          ErrorCode: string;
          ErrorMessage: string;
        }> = [];
        for (const identifier of identifiers) {
          const record = findings.get(
            keyOf(ctx, identifier?.ProductArn, identifier?.Id),
          );
          if (!record) {
            unprocessed.push({
              FindingIdentifier: identifier,
              ErrorCode: 'FindingNotFound',
              ErrorMessage: 'Finding Not Found',
            });
            continue;
          }
          const finding = record.finding;
          for (const field of updates) {
            finding[field] = structuredClone(input[field]);
          }
          if (input.Note) {
            finding.Note = { ...input.Note, UpdatedAt: nowIso() };
          }
          if (input.Workflow) {
            finding.WorkflowState = workflowStateFor[input.Workflow.Status];
          }
          if (input.Severity) {
            finding.Severity = { ...finding.Severity, ...input.Severity };
            finding.Severity.Label ??= labelFor(
              Number(finding.Severity.Normalized),
            );
          }
          finding.UpdatedAt = nowIso();
          record.customerFields = [
            ...new Set([...record.customerFields, ...updates]),
          ];
          processed.push({
            Id: identifier.Id,
            ProductArn: identifier.ProductArn,
          });
        }
        return {
          ProcessedFindings: processed,
          UnprocessedFindings: unprocessed,
        };
      },
    },
  };
}

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
  AwsSecurityFinding,
  BatchImportFindingsCommand,
  BatchUpdateFindingsCommand,
  GetFindingsCommand,
} from '@aws-sdk/client-securityhub';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  fromAsffFinding,
  resolveFinding,
  ResolveFindingUpdate,
  SageMakerResourceState,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from '../aws/SageMakerStudioAwsClients';
import { readPage } from './readPage';
import { CompliancePageRetry } from './retryPage';
import {
  COMPLIANCE_READ_FAILURE_MESSAGES,
  DetectiveControlFinding,
} from './types';

/** The prefix of every `GeneratorId` the detective control writes (`sagemaker-studio/<ruleId>`). */
export const DETECTIVE_CONTROL_GENERATOR_PREFIX = 'sagemaker-studio/';

/** BatchImportFindings takes at most 100 findings per call. */
const IMPORT_BATCH = 100;

/** `Note.UpdatedBy` of the workflow updates the sweep sends. */
export const SWEEP_UPDATED_BY = 'backstage-sagemaker-studio';

/**
 * Options of {@link DetectiveControlFindings}.
 *
 * @public
 */
export interface DetectiveControlFindingsOptions {
  /** Clients scoped to the one account and region to read. */
  clients: SageMakerStudioAwsClients;
  logger: LoggerService;
  retry?: CompliancePageRetry;
}

/**
 * The detective control's findings in Security Hub, for one account and
 * region: read in pages with `GetFindings` (filtered on the control's
 * generator prefix and on active records, 100 per call), and resolved once
 * the sweep finds them no longer true the way the detective control resolves
 * them (`resolveFinding` of `-common`): the archived finding re-imported with
 * `BatchImportFindings` (`RecordState: ARCHIVED`, the new compliance status,
 * `ProductFields["sagemaker-studio/Resolution"]`; 100 per call), then the
 * workflow set to `RESOLVED` with `BatchUpdateFindings` (one call per finding:
 * each carries its own note).
 *
 * @public
 */
export class DetectiveControlFindings {
  constructor(private readonly options: DetectiveControlFindingsOptions) {}

  /** Pages of the control's active findings, as they arrive. */
  async *pages(): AsyncGenerator<DetectiveControlFinding[]> {
    const client = await this.options.clients.securityHub();
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const output = await this.call(
        'GetFindings',
        COMPLIANCE_READ_FAILURE_MESSAGES.securityHub,
        () =>
          client.send(
            new GetFindingsCommand({
              Filters: {
                GeneratorId: [
                  {
                    Value: DETECTIVE_CONTROL_GENERATOR_PREFIX,
                    Comparison: 'PREFIX',
                  },
                ],
                RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
              },
              MaxResults: 100,
              NextToken: token,
            }),
          ),
      );
      const page: DetectiveControlFinding[] = [];
      for (const raw of output.Findings ?? []) {
        const decoded = fromAsffFinding(raw);
        if (
          !decoded ||
          decoded.finding.status !== 'FAILED' ||
          !raw.ProductArn
        ) {
          continue;
        }
        const { finding } = decoded;
        page.push({
          id: decoded.id,
          productArn: raw.ProductArn,
          accountId: decoded.accountId,
          region: decoded.region ?? this.options.clients.region,
          ruleId: finding.ruleId,
          title: finding.title,
          severity: finding.severity,
          resourceKind: finding.resourceKind,
          resourceName: finding.resourceName,
          ...(finding.resourceArn ? { resourceArn: finding.resourceArn } : {}),
          reason: finding.reason,
          ...(decoded.teamName ? { teamName: decoded.teamName } : {}),
          ...(decoded.remediation ? { remediation: decoded.remediation } : {}),
          ...(decoded.remediated !== undefined
            ? { remediated: decoded.remediated }
            : {}),
          ...(decoded.createdAt ? { createdAt: decoded.createdAt } : {}),
          ...(raw.Workflow?.Status
            ? { workflowStatus: raw.Workflow.Status }
            : {}),
          record: raw,
        });
      }
      if (page.length > 0) yield page;
      nextToken = output.NextToken;
    } while (nextToken);
  }

  /**
   * Resolves findings in Security Hub: for each, `resolveFinding` with what
   * is true of its resource now; the archived findings are imported first
   * (`BatchImportFindings`, 100 per call), then the workflows updated
   * (`BatchUpdateFindings`). A finding still `non-compliant`, already
   * archived with that resolution and `RESOLVED`, or `SUPPRESSED` by someone
   * costs nothing. Returns how many findings were archived or updated;
   * findings Security Hub refused are logged.
   */
  async resolve(
    findings: ReadonlyArray<{ record: unknown; state: SageMakerResourceState }>,
    now: Date,
  ): Promise<number> {
    const archives: AwsSecurityFinding[] = [];
    const updates: ResolveFindingUpdate[] = [];
    for (const { record, state } of findings) {
      const resolution = resolveFinding(record, {
        state,
        now,
        updatedBy: SWEEP_UPDATED_BY,
      });
      if (resolution?.archive) {
        archives.push(resolution.archive as unknown as AwsSecurityFinding);
      }
      if (resolution?.update) updates.push(resolution.update);
    }
    if (archives.length === 0 && updates.length === 0) return 0;
    const client = await this.options.clients.securityHub();
    const done = new Set<string>();
    for (let i = 0; i < archives.length; i += IMPORT_BATCH) {
      const batch = archives.slice(i, i + IMPORT_BATCH);
      const output = await this.call(
        'BatchImportFindings',
        COMPLIANCE_READ_FAILURE_MESSAGES.resolve,
        () => client.send(new BatchImportFindingsCommand({ Findings: batch })),
      );
      const failed = new Set<string>();
      for (const failure of output.FailedFindings ?? []) {
        failed.add(failure.Id ?? '');
        this.options.logger.warn('Security Hub did not archive a finding', {
          target: this.options.clients.targetKey,
          findingId: failure.Id,
          errorCode: failure.ErrorCode,
          errorMessage: failure.ErrorMessage,
        });
      }
      for (const finding of batch) {
        if (!failed.has(finding.Id!)) done.add(finding.Id!);
      }
    }
    for (const update of updates) {
      const output = await this.call(
        'BatchUpdateFindings',
        COMPLIANCE_READ_FAILURE_MESSAGES.resolve,
        () => client.send(new BatchUpdateFindingsCommand(update)),
      );
      for (const processed of output.ProcessedFindings ?? []) {
        done.add(processed.Id ?? '');
      }
      for (const unprocessed of output.UnprocessedFindings ?? []) {
        this.options.logger.warn('Security Hub did not resolve a finding', {
          target: this.options.clients.targetKey,
          findingId: unprocessed.FindingIdentifier?.Id,
          errorCode: unprocessed.ErrorCode,
          errorMessage: unprocessed.ErrorMessage,
        });
      }
    }
    return done.size;
  }

  private call<T>(
    operation: string,
    message: string,
    call: () => Promise<T>,
  ): Promise<T> {
    return readPage(call, {
      operation,
      message,
      targetKey: this.options.clients.targetKey,
      logger: this.options.logger,
      retry: this.options.retry,
    });
  }
}

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
  BatchImportFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { AsffFinding } from '@internal/plugin-sagemaker-studio-common';
import { DetectiveControlError } from './types';

/** BatchImportFindings accepts at most 100 findings per call. */
const BATCH_LIMIT = 100;

/** The result of importing findings. */
export interface RecordFindingsResult {
  imported: number;
  errors: DetectiveControlError[];
}

/**
 * Imports findings into Security Hub. Per-finding failures (`FailedCount`)
 * and call failures are returned as errors, never thrown.
 */
export async function recordFindings(
  client: SecurityHubClient,
  findings: AsffFinding[],
  run: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<RecordFindingsResult> {
  let imported = 0;
  const errors: DetectiveControlError[] = [];
  for (let start = 0; start < findings.length; start += BATCH_LIMIT) {
    const batch = findings.slice(start, start + BATCH_LIMIT);
    try {
      const response = await run(() =>
        client.send(new BatchImportFindingsCommand({ Findings: batch })),
      );
      const failed = response.FailedCount ?? 0;
      imported += response.SuccessCount ?? batch.length - failed;
      for (const f of response.FailedFindings ?? []) {
        errors.push({
          stage: 'securityhub',
          code: f.ErrorCode,
          message: f.ErrorMessage ?? 'Security Hub rejected the finding',
          findingId: f.Id,
        });
      }
      if (failed > 0 && (response.FailedFindings ?? []).length === 0) {
        errors.push({
          stage: 'securityhub',
          message: `Security Hub rejected ${failed} finding(s) without details`,
        });
      }
    } catch (error) {
      errors.push({
        stage: 'securityhub',
        code: (error as { name?: string }).name,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { imported, errors };
}

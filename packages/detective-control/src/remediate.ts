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

import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  RemediationAction,
  SAGEMAKER_REMEDIATIONS,
  SageMakerWorkload,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';
import { SAGEMAKER_OPERATIONS } from './sageMakerCalls';

/**
 * The SageMaker operation that carries out `action` on `kind`, if any, from
 * the remediation table of `-common` (`SAGEMAKER_REMEDIATIONS`).
 */
export function remediationOperation(
  kind: SageMakerWorkloadKind,
  action: RemediationAction,
): string | undefined {
  const entry = SAGEMAKER_REMEDIATIONS[kind];
  return entry && entry.action === action ? entry.operation : undefined;
}

function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How a failed Stop/Delete call should be read.
 *
 * SageMaker answers a repeated or late call with an error:
 * - `ResourceNotFound`, or a `ValidationException` saying "Could not find …",
 *   once a model or config is gone, or a `ResourceInUse` saying an app is
 *   already deleted or being deleted (`already-gone`);
 * - a `ValidationException` naming `Stopping`, `Stopped` or `Deleting` once a
 *   job or notebook is being or has been stopped (`already-stopped`), which is
 *   what a redelivered event sees after the first delivery stopped it;
 * - a `ValidationException` naming `Completed` or `Failed` when the job ended
 *   on its own before it could be stopped (`already-finished`): nothing is
 *   left to do, but the job did run, so this is not counted as remediated.
 *
 * A notebook still `Pending` cannot be stopped yet: that stays an error, so
 * the event is retried.
 */
export function classifyRemediationError(
  error: unknown,
): 'already-gone' | 'already-stopped' | 'already-finished' | 'error' {
  const name = errorName(error);
  const message = errorMessage(error);
  if (
    name === 'ResourceNotFound' ||
    name === 'ResourceNotFoundException' ||
    (name === 'ValidationException' &&
      /could not find|not found|does not exist/i.test(message))
  ) {
    return 'already-gone';
  }
  if (
    name === 'ResourceInUse' &&
    /already (being )?(deleted|deleting)/i.test(message)
  ) {
    // DeleteApp of an app that is already being deleted or deleted.
    return 'already-gone';
  }
  if (name !== 'ValidationException' || /\bPending\b/.test(message)) {
    return 'error';
  }
  if (
    /\b(Stopped|Stopping|Deleting)\b/.test(message) ||
    /already (been )?(stopped|deleted)/i.test(message)
  ) {
    return 'already-stopped';
  }
  if (
    /\b(Completed|Failed)\b/.test(message) ||
    /already (been )?completed/i.test(message)
  ) {
    return 'already-finished';
  }
  return 'error';
}

/**
 * What became of a remediation: carried out (`done`), found already stopped
 * or gone, found already finished on its own, not needed (compliant, or only
 * low-severity failures), skipped (report-only mode), or failed.
 *
 * @public
 */
export type RemediationResultKind =
  | 'done'
  | 'already-stopped'
  | 'already-gone'
  | 'already-finished'
  | 'not-needed'
  | 'skipped'
  | 'failed';

/** The result of one remediation attempt. */
export interface RemediationResult {
  remediated: boolean;
  result: RemediationResultKind;
  operation?: string;
  error?: { code?: string; message: string };
}

/**
 * Carries out `action` on the workload. `run` wraps the call (retries);
 * errors are returned, never thrown.
 */
export async function remediate(
  client: SageMakerClient,
  workload: SageMakerWorkload,
  action: RemediationAction,
  run: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<RemediationResult> {
  const operation =
    action === 'NONE' ? undefined : remediationOperation(workload.kind, action);
  const send = operation ? SAGEMAKER_OPERATIONS[operation] : undefined;
  if (!operation || !send) {
    return { remediated: false, result: 'not-needed' };
  }
  try {
    await run(() => send(client, workload));
    return { remediated: true, result: 'done', operation };
  } catch (error) {
    const kind = classifyRemediationError(error);
    if (kind !== 'error') {
      return {
        remediated: kind !== 'already-finished',
        result: kind,
        operation,
      };
    }
    return {
      remediated: false,
      result: 'failed',
      operation,
      error: { code: errorName(error), message: errorMessage(error) },
    };
  }
}

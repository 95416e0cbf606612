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

import { LoggerService } from '@backstage/backend-plugin-api';
import { classifyAwsFailure } from '../aws/studioAwsErrors';

/**
 * How a failed page of a compliance read is retried.
 *
 * @public
 */
export interface CompliancePageRetry {
  /** Attempts per page, the first included. Defaults to 4. */
  attempts?: number;
  /** Wait before the first retry, doubled after each. Defaults to 500 ms. */
  baseDelayMs?: number;
  /** Replaces `setTimeout` waits (tests). */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Runs one AWS page call, retrying it when AWS throttles or fails on its
 * side (5xx), at most `attempts` times with exponential backoff and jitter.
 * Other failures (denied, invalid, not found) and the last failure are
 * thrown as they came, for the caller to classify and log.
 *
 * @public
 */
export async function retryPage<T>(
  call: () => Promise<T>,
  options: CompliancePageRetry & { what: string; logger?: LoggerService },
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = classifyAwsFailure(error);
      const transient = failure === 'THROTTLED' || failure === 'UNAVAILABLE';
      if (!transient || attempt >= attempts) throw error;
      const delay = Math.round(
        base * 2 ** (attempt - 1) * (0.5 + Math.random() / 2),
      );
      options.logger?.warn(
        `${options.what} failed (${failure}); retrying in ${delay} ms`,
        { attempt, awsError: (error as Error)?.name },
      );
      await sleep(delay);
    }
  }
}

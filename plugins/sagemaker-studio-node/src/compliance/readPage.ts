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
import { CompliancePageRetry, retryPage } from './retryPage';
import { ComplianceReadError } from './types';

/**
 * Runs one AWS page call of a compliance read with {@link retryPage}. A
 * failure it gives up on is logged (with AWS's error name, message and
 * request id) and thrown as a {@link ComplianceReadError} saying `message`;
 * errors `passThrough` accepts are thrown as they came.
 */
export async function readPage<T>(
  call: () => Promise<T>,
  options: {
    operation: string;
    message: string;
    targetKey: string;
    logger: LoggerService;
    retry?: CompliancePageRetry;
    passThrough?: (error: unknown) => boolean;
  },
): Promise<T> {
  const { operation, targetKey, logger } = options;
  try {
    return await retryPage(call, {
      ...options.retry,
      what: `${operation} in ${targetKey}`,
      logger,
    });
  } catch (error) {
    if (options.passThrough?.(error)) throw error;
    const failure = classifyAwsFailure(error);
    const aws = error as {
      name?: string;
      message?: string;
      $metadata?: { requestId?: string };
    };
    logger.error(`Compliance sweep: ${operation} failed (${failure})`, {
      target: targetKey,
      awsError: aws?.name,
      awsMessage: aws?.message,
      awsRequestId: aws?.$metadata?.requestId,
    });
    throw new ComplianceReadError(options.message, operation, failure);
  }
}

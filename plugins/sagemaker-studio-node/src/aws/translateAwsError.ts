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
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
  ConflictError,
} from '@backstage/errors';
import { SourceError } from '@internal/plugin-sagemaker-studio-common';

const NOT_FOUND = new Set([
  'ResourceNotFound',
  'ResourceNotFoundException',
  'NoSuchEntity',
]);
const INVALID = new Set([
  'ValidationException',
  'InvalidParametersException',
  'InvalidParameterValue',
  'ValidationError',
]);
const CONFLICT = new Set([
  'ResourceInUse',
  'DuplicateResourceException',
  'InvalidStateException',
  'ConflictException',
]);
const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'LimitExceededException',
]);

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

/**
 * Translates an AWS SDK exception into the matching `@backstage/errors`
 * type, so the root error handler answers with the right status and without
 * leaking AWS internals. Anything unknown becomes a 503: AWS failed, not us.
 *
 * @public
 */
export function translateAwsError(error: unknown, action: string): Error {
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? 'Error';
  const message = `${action} failed: ${aws.message ?? String(error)}`;
  if (aws.code && UNREACHABLE.has(aws.code)) {
    return new ServiceUnavailableError(
      `${action} failed: the AWS endpoint cannot be reached (${aws.code})`,
      error,
    );
  }
  if (NOT_FOUND.has(name)) return new NotFoundError(message, error);
  if (INVALID.has(name)) return new InputError(message, error);
  if (CONFLICT.has(name)) return new ConflictError(message, error);
  if (DENIED.has(name)) return new NotAllowedError(message, error);
  if (THROTTLED.has(name)) {
    return new ServiceUnavailableError(`${action} was throttled by AWS`, error);
  }
  return new ServiceUnavailableError(
    `${action} failed: AWS answered ${name}`,
    error,
  );
}

/**
 * The closed set of per-source error types the UI knows how to show.
 *
 * @public
 */
export function toSourceError(source: string, error: unknown): SourceError {
  const message = (error as AwsLikeError)?.message ?? String(error);
  // Look through our own translation to the AWS exception underneath.
  const cause = (error as { cause?: unknown })?.cause;
  const aws = (cause ?? error) as AwsLikeError;
  const name = aws?.name ?? '';
  let errorType: SourceError['errorType'] = 'UNKNOWN';
  if (NOT_FOUND.has(name)) errorType = 'NOT_FOUND';
  else if (DENIED.has(name)) errorType = 'NOT_ALLOWED';
  else if (THROTTLED.has(name)) errorType = 'THROTTLED';
  else if (
    (aws?.code && UNREACHABLE.has(aws.code)) ||
    (aws?.$metadata?.httpStatusCode ?? 0) >= 500
  ) {
    errorType = 'UNAVAILABLE';
  }
  return { source, errorType, message };
}

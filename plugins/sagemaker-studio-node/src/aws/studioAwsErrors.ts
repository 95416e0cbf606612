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
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { SourceError } from '@internal/plugin-sagemaker-studio-common';

const NOT_FOUND = new Set([
  'ResourceNotFound',
  'ResourceNotFoundException',
  'NoSuchEntity',
]);
const DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'LimitExceededException',
  'RequestLimitExceeded',
]);
const INVALID = new Set(['ValidationException', 'InvalidParametersException']);

/**
 * What an AWS failure means for the person asking, in a closed set.
 * `NOT_ALLOWED` is the portal's own role being refused by AWS: a
 * misconfiguration, answered as unavailable (503), never as the person's 403.
 *
 * @public
 */
export type StudioAwsFailure = SourceError['errorType'];

/**
 * The fixed text shown for each failure. AWS's own message, ARNs, request
 * ids and endpoints go to the server log only.
 *
 * @public
 */
export const STUDIO_AWS_FAILURE_MESSAGES: Record<StudioAwsFailure, string> = {
  NOT_FOUND: 'The resource does not exist in AWS (any more).',
  NOT_ALLOWED:
    "The portal's AWS role may not read this resource; an administrator must check the role's permissions.",
  THROTTLED: 'AWS is throttling the portal; try again in a minute.',
  UNAVAILABLE: 'AWS could not be reached; try again later.',
  UNKNOWN: 'AWS answered with an unexpected error; try again later.',
};

interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  $fault?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

/**
 * Classifies an AWS SDK exception into the closed set of failures.
 *
 * @public
 */
export function classifyAwsFailure(error: unknown): StudioAwsFailure {
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? '';
  if (NOT_FOUND.has(name)) return 'NOT_FOUND';
  if (DENIED.has(name)) return 'NOT_ALLOWED';
  if (THROTTLED.has(name)) return 'THROTTLED';
  const status = aws.$metadata?.httpStatusCode ?? 0;
  if (status === 429) return 'THROTTLED';
  if (status >= 500 || aws.code || aws.$fault === 'server') {
    return 'UNAVAILABLE';
  }
  return 'UNKNOWN';
}

/**
 * A failed AWS read, already classified and logged: carries only the fixed
 * message, so it can travel to the browser as is.
 *
 * @public
 */
export class StudioAwsReadError extends Error {
  constructor(readonly failure: StudioAwsFailure, readonly source: string) {
    super(STUDIO_AWS_FAILURE_MESSAGES[failure]);
    this.name = 'StudioAwsReadError';
  }
}

/**
 * Logs an AWS failure with everything AWS said and returns its
 * {@link StudioAwsReadError}. Validation errors are a bug of ours and are
 * logged as errors.
 *
 * @public
 */
export function studioAwsReadError(options: {
  error: unknown;
  /** What was being done, for the log, e.g. `DescribeUserProfile`. */
  action: string;
  /** The source named in per-source errors, e.g. `sagemaker:us-east-1:user-profile/d-1/alice`. */
  source: string;
  logger?: LoggerService;
}): StudioAwsReadError {
  const { error, action, source, logger } = options;
  if (error instanceof StudioAwsReadError) return error;
  // Look through a translateAwsError wrapper to the AWS exception underneath.
  const cause = (error as { cause?: unknown })?.cause;
  const underlying = cause && typeof cause === 'object' ? cause : error;
  const aws = (underlying ?? {}) as AwsLikeError;
  const failure = classifyAwsFailure(underlying);
  const meta = {
    source,
    awsError: aws.name ?? String(error),
    awsMessage: aws.message,
    awsRequestId: aws.$metadata?.requestId,
    httpStatus: aws.$metadata?.httpStatusCode,
  };
  if (INVALID.has(aws.name ?? '') || failure === 'UNKNOWN') {
    logger?.error(`${action} failed`, meta);
  } else {
    logger?.warn(`${action} failed (${failure})`, meta);
  }
  return new StudioAwsReadError(failure, source);
}

/**
 * The per-source error entry of a failed read.
 *
 * @public
 */
export function toStudioSourceError(error: StudioAwsReadError): SourceError {
  return {
    source: error.source,
    errorType: error.failure,
    message: error.message,
  };
}

/**
 * The `@backstage/errors` type the root handler answers a failed read with:
 * 404 for not found, 503 for everything else, the portal's own role being
 * refused included (a misconfiguration, not the person's fault).
 *
 * @public
 */
export function toHttpError(error: unknown): Error {
  if (!(error instanceof StudioAwsReadError)) return error as Error;
  if (error.failure === 'NOT_FOUND') return new NotFoundError(error.message);
  return new ServiceUnavailableError(error.message);
}

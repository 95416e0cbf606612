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
import { PackagingError } from './packagingError';

/** @public */
export interface AwsTarget {
  bucket: string;
  region: string;
  endpoint?: string;
}

/**
 * Turns the AWS SDK errors people actually hit into one actionable line;
 * anything else passes through unchanged.
 *
 * @public
 */
export function describeAwsError(error: unknown, target: AwsTarget): Error {
  const name = (error as { name?: string }).name ?? '';
  const code = (error as { Code?: string }).Code;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test((error as Error).message ?? '')) {
    return new PackagingError(
      'no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary ones), ' +
        'or AWS_PROFILE naming a profile in ~/.aws/credentials or ~/.aws/config (run `aws sso login` for an SSO profile)',
    );
  }
  if (name === 'NoSuchBucket' || code === 'NoSuchBucket' || (name === 'NotFound' && status === 404)) {
    return new PackagingError(
      `bucket ${target.bucket} does not exist in region ${target.region}${target.endpoint ? ` at ${target.endpoint}` : ''}; create it or pass --create-bucket`,
    );
  }
  if (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken') {
    return new PackagingError(`AWS rejected the credentials (${name}): refresh them or pick another AWS_PROFILE`);
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    return new PackagingError(`access denied by AWS for bucket ${target.bucket} in ${target.region}: ${(error as Error).message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

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
  fromDescribeOutput,
  SageMakerResourceRef,
  SageMakerWorkload,
} from '@internal/plugin-sagemaker-studio-common';
import {
  DESCRIBE_OPERATION,
  missingIdentifiers,
  SAGEMAKER_OPERATIONS,
} from './sageMakerCalls';

/** The result of reading a resource back. */
export type DescribeResult =
  | { workload: SageMakerWorkload; operation: string }
  | { gone: string; operation?: string }
  | { error: { code?: string; message: string }; operation?: string };

function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Reads the resource of an Update* call (or an app created without an
 * image) with its Describe* call and normalises it with
 * `fromDescribeOutput`, keeping the tags the request carried (Describe*
 * outputs have none). A resource that no longer exists comes back as
 * `gone`, which is not an error: there is nothing left to judge.
 */
export async function describeResource(
  client: SageMakerClient,
  ref: SageMakerResourceRef,
  run: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<DescribeResult> {
  const operation = DESCRIBE_OPERATION[ref.kind];
  const send = operation ? SAGEMAKER_OPERATIONS[operation] : undefined;
  if (!operation || !send) {
    return {
      error: { message: `No Describe* call is known for ${ref.kind}` },
    };
  }
  const missing = missingIdentifiers(ref);
  if (missing.length > 0) {
    return {
      error: {
        message: `The request does not name the ${ref.kind}'s ${missing.join(
          ', ',
        )}`,
      },
      operation,
    };
  }
  try {
    const output = await run(() => send(client, ref));
    const workload = fromDescribeOutput(ref.kind, output, { tags: ref.tags });
    if (!workload) {
      return {
        error: { message: `${operation} returned no ${ref.kind} name` },
        operation,
      };
    }
    return { workload, operation };
  } catch (error) {
    const code = errorName(error);
    const message = error instanceof Error ? error.message : String(error);
    if (
      code === 'ResourceNotFound' ||
      code === 'ResourceNotFoundException' ||
      (code === 'ValidationException' &&
        /does not exist|not found/i.test(message))
    ) {
      return { gone: message, operation };
    }
    return { error: { code, message }, operation };
  }
}

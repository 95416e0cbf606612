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

import { AwsLocation } from '@internal/plugin-sagemaker-studio-common';

/**
 * Per-item AWS calls run this many at a time: enough to finish quickly, few
 * enough to stay under SageMaker's and Service Catalog's request rates.
 *
 * @public
 */
export const STUDIO_READ_CONCURRENCY = 5;

/**
 * Maps items with at most `concurrency` calls in flight, in input order.
 *
 * @public
 */
export async function mapWithConcurrency<T, R>(
  items: T[],
  fn: (item: T) => Promise<R>,
  concurrency = STUDIO_READ_CONCURRENCY,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
  return results;
}

/**
 * The account and region of an ARN; the fallbacks when the ARN is absent or
 * not an ARN.
 *
 * @public
 */
export function locationOfArn(
  arn: string | undefined,
  fallback: AwsLocation,
): AwsLocation {
  const parts = (arn ?? '').split(':');
  if (parts.length >= 6 && parts[0] === 'arn' && parts[3] && parts[4]) {
    return { region: parts[3], accountId: parts[4] };
  }
  return fallback;
}

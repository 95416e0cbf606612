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

import { extractWorkload } from './extractWorkload';
import { isRecord } from './fields';
import { SageMakerWorkload, SageMakerWorkloadKind } from './types';

/**
 * Options for {@link fromDescribeOutput}.
 *
 * @public
 */
export interface FromDescribeOutputOptions {
  /**
   * Tags from `ListTags`, as `[{ Key, Value }]` or a plain map; Describe*
   * outputs do not carry tags (except where the output has a `Tags` field).
   */
  tags?:
    | ReadonlyArray<{ Key?: string; Value?: string }>
    | Record<string, string>;
}

/**
 * Normalises an SDK Describe* output (PascalCase), e.g. the result of
 * `DescribeTrainingJob` for kind `TrainingJob`, or `DescribeAutoMLJobV2` for
 * kind `AutoMLJob`.
 *
 * @returns the workload, or undefined when the output carries no resource name.
 * @public
 */
export function fromDescribeOutput(
  kind: SageMakerWorkloadKind,
  describeOutput: unknown,
  options: FromDescribeOutputOptions = {},
): SageMakerWorkload | undefined {
  if (!isRecord(describeOutput)) {
    return undefined;
  }
  return extractWorkload(kind, describeOutput, 'Describe', {
    tags: options.tags,
  });
}

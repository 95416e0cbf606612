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

import { Tag } from '../engine/state';
import { ParameterInput } from '../engine/parameters';

/*
 * Query-protocol members arrive as strings ('true', '5') and lists as arrays;
 * these helpers turn them into the types the engine expects.
 */

export function asBoolean(value: unknown): boolean {
  return value === true || value === 'true';
}

export function asOptionalNumber(value: unknown): number | undefined {
  return value === undefined || value === null || value === ''
    ? undefined
    : Number(value);
}

export function asList<T>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return (Array.isArray(value) ? value : [value]) as T[];
}

export function asTags(value: unknown): Tag[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return asList<{ Key?: unknown; Value?: unknown }>(value).map(tag => ({
    Key: String(tag.Key),
    Value: String(tag.Value ?? ''),
  }));
}

export function asParameters(value: unknown): ParameterInput[] {
  return asList<Record<string, unknown>>(value).map(parameter => ({
    ParameterKey: parameter.ParameterKey as string,
    ParameterValue: parameter.ParameterValue as string | undefined,
    UsePreviousValue: asBoolean(parameter.UsePreviousValue),
  }));
}

export function asOptionalString(value: unknown): string | undefined {
  return value === undefined || value === null || value === ''
    ? undefined
    : String(value);
}

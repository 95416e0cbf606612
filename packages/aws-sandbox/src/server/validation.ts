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

import { AwsError } from './types';

function lowerFirst(name: string) {
  return name[0].toLowerCase() + name.slice(1);
}

/** AWS's wording for constraint failures, with the member in lowerCamelCase. */
export function validationError(
  member: string,
  value: unknown,
  constraint: string,
  code = 'ValidationException',
) {
  const shown =
    value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new AwsError(
    code,
    `1 validation error detected: Value ${shown} at '${lowerFirst(
      member,
    )}' failed to satisfy constraint: ${constraint}`,
  );
}

/** Throws AWS's "Member must not be null" error for the first missing member. */
export function requireMembers(
  input: Record<string, unknown>,
  members: string[],
  code = 'ValidationException',
) {
  for (const member of members) {
    const value = input[member];
    if (value === undefined || value === null || value === '') {
      throw validationError(member, undefined, 'Member must not be null', code);
    }
  }
}

/** Checks a member against a regular expression, when present. */
export function requirePattern(
  input: Record<string, unknown>,
  member: string,
  pattern: RegExp,
  code = 'ValidationException',
) {
  const value = input[member];
  if (
    value !== undefined &&
    (typeof value !== 'string' || !pattern.test(value))
  ) {
    throw validationError(
      member,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source}`,
      code,
    );
  }
}

/** Checks a member is one of the allowed values, when present. */
export function requireEnum(
  input: Record<string, unknown>,
  member: string,
  allowed: readonly string[],
  code = 'ValidationException',
) {
  const value = input[member];
  if (value !== undefined && !allowed.includes(value as string)) {
    throw validationError(
      member,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
      code,
    );
  }
}

/** Checks a numeric member lies in a range, when present. */
export function requireRange(
  input: Record<string, unknown>,
  member: string,
  min: number,
  max: number,
  code = 'ValidationException',
) {
  const value = input[member];
  if (value === undefined) {
    return;
  }
  const numeric = Number(value);
  if (!Number.isFinite(numeric) || numeric < min || numeric > max) {
    throw validationError(
      member,
      value,
      `Member must have value between ${min} and ${max}`,
      code,
    );
  }
}

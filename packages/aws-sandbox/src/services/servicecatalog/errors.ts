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

import { randomBytes } from 'node:crypto';
import { AwsError } from '../../server/types';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id like Service Catalog's: a prefix and 13 lower-case letters and digits. */
export function catalogId(prefix: string): string {
  const suffix = Array.from(
    randomBytes(13),
    byte => ALPHABET[byte % ALPHABET.length],
  ).join('');
  return prefix ? `${prefix}-${suffix}` : suffix;
}

export function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message);
}

export function invalidParameters(message: string): AwsError {
  return new AwsError('InvalidParametersException', message);
}

export function duplicate(message: string): AwsError {
  return new AwsError('DuplicateResourceException', message);
}

export function invalidState(message: string): AwsError {
  return new AwsError('InvalidStateException', message);
}

export function resourceInUse(message: string): AwsError {
  return new AwsError('ResourceInUseException', message);
}

export function requireInput(
  input: Record<string, unknown>,
  ...members: string[]
): void {
  for (const member of members) {
    const value = input[member];
    if (value === undefined || value === null || value === '') {
      throw invalidParameters(`${member} is required`);
    }
  }
}

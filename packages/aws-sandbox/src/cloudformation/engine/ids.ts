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

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, byte => alphabet[byte % alphabet.length]).join('');
}

/** Like the suffix CloudFormation appends to generated names (`stack-Logical-1A2B3C4D5E6F`). */
export function generatedSuffix(length = 12): string {
  return randomFrom(UPPER_ALPHANUMERIC, length);
}

export function lowerAlphanumeric(length: number): string {
  return randomFrom(LOWER_ALPHANUMERIC, length);
}

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** A name CloudFormation would generate for a resource without an explicit name. */
export function generatedName(
  stackName: string,
  logicalId: string,
  maxLength = 64,
): string {
  const suffix = generatedSuffix();
  const prefix = `${stackName}-${logicalId}`.slice(
    0,
    Math.max(1, maxLength - suffix.length - 1),
  );
  return `${prefix}-${suffix}`;
}

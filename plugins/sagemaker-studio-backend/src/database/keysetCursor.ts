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

import { InputError } from '@backstage/errors';

/** An opaque keyset cursor: the last row's sort keys as base64url JSON. */
export function encodeCursor(keys: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/**
 * The sort keys in a cursor from {@link encodeCursor}. `read` returns them
 * only when they are what this API gives out (undefined otherwise), so a
 * forged cursor never reaches SQL; anything else is an InputError.
 */
export function decodeCursor<T>(
  cursor: string,
  read: (keys: Record<string, unknown>) => T | undefined,
): T {
  try {
    const keys = read(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    if (keys === undefined) {
      throw new Error('bad cursor');
    }
    return keys;
  } catch {
    throw new InputError(
      'cursor: not a cursor this API gave out; use nextCursor from the previous page',
    );
  }
}

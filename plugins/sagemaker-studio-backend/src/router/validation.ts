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

import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * C0 and C1 controls, and the Unicode bidi marks, overrides and isolates
 * that make a text read differently from what it is. Refused everywhere a
 * person types; free text (`multiline`) may still span lines.
 */
export function hasControlCharacters(value: string, multiline = false) {
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) {
      continue;
    }
    if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    ) {
      return true;
    }
  }
  return false;
}

/** The text with every control or bidi character spelled out as `\u{…}`, for messages that quote input. */
function printable(value: string): string {
  let out = '';
  for (const char of value) {
    out += hasControlCharacters(char)
      ? `\\u{${char.codePointAt(0)!.toString(16)}}`
      : char;
  }
  return out;
}

/** Text a person types on one line: no control or bidi characters (PostgreSQL refuses NUL with a 500). */
export function plain(max: number) {
  return z
    .string()
    .max(max)
    .refine(
      v => !hasControlCharacters(v),
      'must not contain control or bidi characters',
    );
}

/**
 * The value as the schema reads it, or an InputError naming each field that
 * is wrong (`where` for the top level), with control characters spelled out.
 */
export function parse<S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' = 'body',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues
      .map(issue => {
        const field = issue.path.join('.') || where;
        if (issue.code === 'unrecognized_keys') {
          return `${field}: unknown field(s) ${issue.keys.join(', ')}`;
        }
        return `${field}: ${issue.message}`;
      })
      .join('; ');
    // Zod quotes field names and values, which may carry control characters.
    throw new InputError(printable(message));
  }
  return result.data;
}

/** Catalog names, kinds and namespaces: letters, digits and `-_.`, at most 253. */
const ENTITY_PART = /^[A-Za-z0-9][A-Za-z0-9\-_.]{0,252}$/;

/** The entity in the route's `:namespace/:kind/:name`, or an InputError. */
export function entityRefOf(params: Record<string, string>): CompoundEntityRef {
  const { namespace, kind, name } = params;
  for (const [field, value] of Object.entries({ namespace, kind, name })) {
    if (!ENTITY_PART.test(value)) {
      throw new InputError(`${field}: not a catalog entity ${field}`);
    }
  }
  return { kind, namespace, name };
}
